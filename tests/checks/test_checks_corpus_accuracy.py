"""The labelled corpus: every expected rule fires (recall 100 %) and nothing else does (0 false positives).

Prints per-rule figures so a change that trades recall for noise is visible in the test log.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from replykit.checks import MARKETPLACES, Message, lint_catalogue, lint_message

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_INDEPENDENT = set((CORPUS / "independent-messages.txt").read_text(encoding="utf-8").split())
#: the project's own corpus (the independently written messages are scored in test_checks_corpus_strangers)
MESSAGES = sorted(p for p in (CORPUS / "messages").glob("*.json") if p.name not in _INDEPENDENT)
PO = CORPUS / "po"


def _table(title: str, expected: Counter, hits: Counter, fps: Counter) -> str:
    lines = [title, f"{'rule':34s} {'expected':>8s} {'found':>6s} {'recall':>7s} {'false+':>6s}"]
    for rule in sorted(set(expected) | set(fps)):
        e, h = expected[rule], hits[rule]
        recall = f"{h / e:.0%}" if e else "-"
        lines.append(f"{rule:34s} {e:8d} {h:6d} {recall:>7s} {fps[rule]:6d}")
    total_e, total_h = sum(expected.values()), sum(hits.values())
    lines.append(f"{'TOTAL':34s} {total_e:8d} {total_h:6d} {total_h / max(total_e, 1):7.1%} {sum(fps.values()):6d}")
    return "\n".join(lines)


def test_corpus_shape():
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in MESSAGES]
    assert len(docs) >= 80
    compliant = [d for d in docs if not d["expect"]]
    assert len(compliant) / len(docs) >= 0.30
    assert {d["marketplace"] for d in docs} == set(MARKETPLACES)
    languages = {p.stem.split("-")[1] for p in MESSAGES}
    assert len(languages - {"enfr"}) >= 6, languages
    labels = json.loads((PO / "labels.json").read_text(encoding="utf-8"))
    mistakes = sum(1 for f in labels.values() for rules in f["entries"].values() if rules)
    assert mistakes >= 40


def test_message_corpus_recall_and_false_positives():
    expected, hits, fps = Counter(), Counter(), Counter()
    problems = []
    for path in MESSAGES:
        d = json.loads(path.read_text(encoding="utf-8"))
        msg = Message(d["subject"], d.get("html"), d.get("text"), d.get("context") or {})
        got = {f.rule for f in lint_message(msg, d["marketplace"], file=str(path))}
        want = set(d["expect"])
        for r in want:
            expected[r] += 1
            hits[r] += r in got
        for r in got - want:
            fps[r] += 1
        if got != want:
            problems.append(f"{path.name}: missing {sorted(want - got)}, unexpected {sorted(got - want)}")
    print("\n" + _table(f"message corpus: {len(MESSAGES)} messages", expected, hits, fps))
    assert not problems, "\n".join(problems)


def test_catalogue_corpus_recall_and_false_positives():
    labels = json.loads((PO / "labels.json").read_text(encoding="utf-8"))
    expected, hits, fps = Counter(), Counter(), Counter()
    problems = []
    for rel, lab in labels.items():
        pot = PO / lab["pot"] if lab.get("pot") else None
        findings = lint_catalogue(PO / rel, pot_path=pot)
        groups = {"": set(lab["header"])} | {msgid: set(rules) for msgid, rules in lab["entries"].items()}
        for where, want in groups.items():
            got = {f.rule for f in findings if f.where == where}
            for r in want:
                expected[r] += 1
                hits[r] += r in got
            for r in got - want:
                fps[r] += 1
            if got != want:
                problems.append(f"{rel} {where[:40]!r}: missing {sorted(want - got)}, unexpected {sorted(got - want)}")
        stray = [f for f in findings if f.where not in groups]
        problems += [f"{rel}: finding on an unlabelled entry {f.rule} {f.where[:40]!r}" for f in stray]
    print("\n" + _table(f"catalogue corpus: {sum(len(l['entries']) for l in labels.values())} entries", expected, hits, fps))
    assert not problems, "\n".join(problems)
