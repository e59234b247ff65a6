"""Scoring of labelled corpora written by people who never saw the patterns.

Two kinds of data (``tests/corpus``):

- messages (``messages/*.json``, ``heldout/messages/*.json``): a whole message, its marketplace and
  the rules it breaks (``expect``). Recall = expected rules found; a false error = a rule reported at
  severity error that the label does not expect.
- concept sentences (``concepts/<lang>.json``, ``heldout/concepts/<lang>.json``): one sentence, the
  concept rule it is about and whether it breaks it. Every concept rule is switched on for every
  marketplace (cancel requests are an Amazon rule, but the detector is measured in every language);
  recall = violating sentences on which their rule fires; a false positive = any concept rule firing on
  an innocent look-alike.

Only aggregate figures are printed: the held-out half must keep measuring, so its sentences are never
shown.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from replykit.checks import Checker, Message

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CONCEPT_RULES = (
    "content.promotion", "content.off-platform", "content.payment-account", "content.cancel-request",
    "content.personal-info-request", "content.review-incentive", "content.review-biased",
    "content.review-removal", "content.disrespect",
)
CONCEPT_CHECKER = Checker({"profiles": {"all": {"severity": {r: "error" for r in CONCEPT_RULES}}}})
CHECKER = Checker()


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    innocent: int = 0
    false_pos: int = 0
    found_full: int = 0
    false_warn: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def add(self, other: "Score") -> None:
        self.expected += other.expected
        self.found += other.found
        self.innocent += other.innocent
        self.false_pos += other.false_pos
        self.found_full += other.found_full
        self.false_warn += other.false_warn


@dataclass
class MessageScores:
    messages: int = 0
    compliant: int = 0
    by_rule: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_language: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    problems: list[str] = field(default_factory=list)  # file names and rule ids only

    @property
    def total(self) -> Score:
        out = Score()
        for s in self.by_rule.values():
            out.add(s)
        return out


def _language(path: Path) -> str:
    parts = path.stem.split("-")
    return parts[1] if len(parts) > 1 else "?"


def score_messages(paths: Iterable[Path]) -> MessageScores:
    out = MessageScores()
    for path in paths:
        d = json.loads(path.read_text(encoding="utf-8"))
        msg = Message(d["subject"], d.get("html"), d.get("text"), d.get("context") or {})
        findings = CHECKER.lint(msg, d["marketplace"], file=str(path))
        got = {f.rule for f in findings}
        errors = {f.rule for f in findings if f.severity == "error"}
        profile = CHECKER.profile(d["marketplace"])
        full = {f.rule for f in findings if f.severity == profile.severity(f.rule)}
        want = set(d["expect"])
        out.messages += 1
        out.compliant += not want
        lang = out.by_language[_language(path)]
        for r in want:
            s = out.by_rule[r]
            s.expected += 1
            s.found += r in got
            s.found_full += r in full
            lang.expected += 1
            lang.found += r in got
            lang.found_full += r in full
        for r in errors - want:
            out.by_rule[r].false_pos += 1
            lang.false_pos += 1
        for r in got - errors - want:
            out.by_rule[r].false_warn += 1
            lang.false_warn += 1
        if want - got or errors - want:
            out.problems.append(f"{path.name}: missing {sorted(want - got)}, false errors {sorted(errors - want)}")
    return out


@dataclass
class ConceptScores:
    cells: dict[tuple[str, str], Score] = field(default_factory=lambda: defaultdict(Score))
    problems: list[str] = field(default_factory=list)  # "file #index rule" only

    @property
    def total(self) -> Score:
        out = Score()
        for s in self.cells.values():
            out.add(s)
        return out


def score_concepts(paths: Iterable[Path]) -> ConceptScores:
    out = ConceptScores()
    for path in paths:
        d = json.loads(path.read_text(encoding="utf-8"))
        lang = d["language"]
        ctx = {"buyer_locale": d["buyer_locale"]} if d.get("buyer_locale") else {}
        for i, case in enumerate(d["cases"]):
            context = {**ctx, "buyer_locale": case["buyer_locale"]} if case.get("buyer_locale") else ctx  # a case's own variant
            got = {f.rule for f in CONCEPT_CHECKER.lint(Message("", text=case["text"], context=context), case["marketplace"])}
            cell = out.cells[(case["rule"], lang)]
            if case["violates"]:
                cell.expected += 1
                if case["rule"] in got:
                    cell.found += 1
                else:
                    out.problems.append(f"{path.name} #{i} {case['rule']}: missed")
            else:
                cell.innocent += 1
                wrong = got & set(CONCEPT_RULES)
                if wrong:
                    cell.false_pos += 1
                    out.problems.append(f"{path.name} #{i} {case['rule']} (innocent): {sorted(wrong)}")
    return out


def concept_table(title: str, scores: ConceptScores) -> str:
    langs = sorted({lang for _r, lang in scores.cells})
    rules = [r for r in CONCEPT_RULES if any(r == k[0] for k in scores.cells)]
    short = {r: r.replace("content.", "") for r in rules}
    lines = [title, "recall / false positives per concept x language (violating n, innocent n in the totals)",
             f"{'concept':24s} " + " ".join(f"{lang:>9s}" for lang in langs) + f" {'all':>12s}"]
    for r in rules:
        row, tot = [], Score()
        for lang in langs:
            s = scores.cells.get((r, lang))
            if s is None:
                row.append(f"{'-':>9s}")
                continue
            tot.add(s)
            row.append(f"{s.recall:4.0%}/{s.false_pos:<4d}")
        row.append(f"{tot.recall:5.0%}/{tot.false_pos:<2d}({tot.expected},{tot.innocent})")
        lines.append(f"{short[r]:24s} " + " ".join(row))
    t = scores.total
    lines.append(f"TOTAL: recall {t.found}/{t.expected} = {t.recall:.1%}, false positives {t.false_pos}/{t.innocent} innocent sentences")
    return "\n".join(lines)


def message_table(title: str, scores: MessageScores) -> str:
    lines = [title, f"{'rule':34s} {'expected':>8s} {'found':>6s} {'recall':>7s} {'false errors':>12s}"]
    for rule in sorted(scores.by_rule):
        s = scores.by_rule[rule]
        rec = f"{s.recall:.0%}" if s.expected else "-"
        lines.append(f"{rule:34s} {s.expected:8d} {s.found:6d} {rec:>7s} {s.false_pos:12d}")
    lines.append("per language: " + ", ".join(f"{lang} {s.recall:.0%}/{s.false_pos}" for lang, s in sorted(scores.by_language.items())))
    t = scores.total
    lines.append(f"TOTAL: {scores.messages} messages ({scores.compliant} compliant): recall {t.found}/{t.expected} = {t.recall:.1%}, "
                 f"false errors {t.false_pos}; at full severity {t.found_full}/{t.expected}, false warnings {t.false_warn}")
    return "\n".join(lines)
