"""The learned veto of the concept rules' lexicon errors: its leave-one-round-out figures and its thresholds.

    .venv/bin/python tools/evaluate_veto.py [--share 0.01 ...]   # figures per left-out round, per share
    .venv/bin/python tools/evaluate_veto.py --write               # also writes src/replykit/data/concept_veto.json

A concept rule's lexicon error is capped at warning when the concept model scores the finding's sentence
for that rule under the rule's veto threshold (:func:`replykit.checks.learned.veto`). The thresholds are
set out of fold: every writer group's lexicon findings are scored by a model trained (as
``tools/train_concept_model.py`` trains the shipped one) on the other groups; a rule's threshold is the
score under which at most ``share`` of those groups' true violations found by the lexicon fall.

Leave-one-round-out: for each round, the thresholds come from the other groups' findings only, its own
findings are scored by the model that never saw it, and the round is linted through the real checks
(the left-out model and its thresholds plugged in) with the veto off and on: false errors on messages,
full-severity recall on messages, and on concept sentences errors on innocent look-alikes and the
violating sentences still found at full severity (second opinion off: it only warns). The other groups'
models saw the round (a mild leak, through the scores of their findings only). Only aggregate figures are
printed. ``heldout-r9``, the blind measure, is never read.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "checks"))
sys.path.insert(0, str(ROOT / "tools"))
import train_concept_model as T  # noqa: E402  (the trainer: its corpora, features and fits)

OUT = ROOT / "src" / "replykit" / "data" / "concept_veto.json"
SHARE = 0.01  # the shipped setting (data/concept_veto.json)


def groups() -> tuple:
    rounds = tuple(T.ROUNDS)  # every development round the trainer reads
    assert not any(T.BLIND in str(part) for r in rounds for part in r), f"{T.BLIND} is the blind measure"
    return rounds


def fold_models(rows, X, vocab, n_char, rules, names):
    """Per group: the concept model trained on every other group (thresholds of the second opinion unused)."""
    from replykit.checks.learned import NEG_WINDOW, ConceptModel

    out = {}
    for g in names:
        tr = np.array([i for i, r in enumerate(rows) if r.group != g])
        keep = T.seen(X, tr)
        W, b = T.fit(X[tr], [rows[i] for i in tr], rules, keep)
        out[g] = ConceptModel(rules=rules, vocab=[vocab[i] for i in keep], n_char=int((keep < n_char).sum()),
                              weights=np.ascontiguousarray(W.astype(np.float32)), bias=b.astype(np.float32),
                              thresholds=np.full(len(rules), 1e6, np.float32), meta={"neg_window": NEG_WINDOW, "fold": True}, source=f"<without {g}>")
        print(f"  model without {g}: {len(keep)} features", flush=True)
    return out


def files_of(group: tuple) -> tuple[list[Path], list[Path]]:
    _g, concepts, messages = group
    return (sorted(T.CORPUS.glob(concepts)) if concepts else [], sorted(T.CORPUS.glob(messages)) if messages else [])


def finding_scores(files: tuple[list[Path], list[Path]], model, rules) -> list[tuple[str, float, bool]]:
    """(rule, score of its sentence, a true violation) of every lexicon error of a concept rule that carries a
    sentence, in a group's concept sentences (every concept rule at error) and messages (their profiles)."""
    from corpus_eval import CHECKER, CONCEPT_CHECKER

    from replykit.checks import Message
    from replykit.checks.registry import RULES
    from replykit.checks.view import MessageView

    out = []

    def collect(view, truth) -> None:
        for rid in rules:
            if view.profile.severity(rid) != "error":
                continue
            for hit in RULES[rid].fn(view):
                if hit.sentence is not None and hit.cap is None and hit.sentence.strip():
                    out.append((rid, float(model.scores(hit.sentence)[model.column[rid]]), truth(rid)))
    concepts, messages = files
    for path in concepts:
        d = json.loads(path.read_text(encoding="utf-8"))
        for case in d["cases"]:
            loc = case.get("buyer_locale") or d.get("buyer_locale")
            view = MessageView(Message("", text=case["text"], context={"buyer_locale": loc} if loc else {}),
                               CONCEPT_CHECKER.profile(case["marketplace"]))
            collect(view, lambda rid, c=case: bool(c["violates"]) and c["rule"] == rid)
    for path in messages:
        d = json.loads(path.read_text(encoding="utf-8"))
        view = MessageView(Message(d["subject"], d.get("html"), d.get("text"), d.get("context") or {}), CHECKER.profile(d["marketplace"]))
        collect(view, lambda rid, want=set(d["expect"]): rid in want)
    return out


def thresholds_from(found: list[tuple[str, float, bool]], rules, share: float) -> dict[str, float]:
    """Per rule: the score under which at most ``share`` of the true violations' findings fall (none of a rule
    with no true finding is ever vetoed)."""
    out = {}
    for rid in rules:
        s = sorted(score for r, score, true in found if r == rid and true)
        if s:
            out[rid] = s[math.floor(share * len(s))]
    return out


def lint_figures(files, veto_on: bool) -> tuple[int, int, int, int, int, int, int, int]:
    """(messages: expected, found at full severity, false errors, of them by concept rules;
    concept sentences: violating, found at full severity, innocent, innocent with a concept rule's error)."""
    import corpus_eval as E

    from replykit.checks import Checker, Message

    cfg = {"learned_second_opinion": False, "learned_veto": veto_on}
    E.CHECKER = Checker({"profiles": {"all": cfg}})
    concept_checker = Checker({"profiles": {"all": {**cfg, "severity": {r: "error" for r in E.CONCEPT_RULES}}}})
    concepts, messages = files
    m = E.score_messages(messages)
    tot = m.total
    concept_fe = sum(s.false_pos for r, s in m.by_rule.items() if r in E.CONCEPT_RULES)
    viol = found = inn = fp = 0
    for path in concepts:
        d = json.loads(path.read_text(encoding="utf-8"))
        for case in d["cases"]:
            loc = case.get("buyer_locale") or d.get("buyer_locale")
            got = {f.rule for f in concept_checker.lint(Message("", text=case["text"], context={"buyer_locale": loc} if loc else {}),
                                                         case["marketplace"]) if f.severity == "error"}
            if case["violates"]:
                viol += 1
                found += case["rule"] in got
            else:
                inn += 1
                fp += bool(got & set(E.CONCEPT_RULES))
    return tot.expected, tot.found_full, tot.false_pos, concept_fe, viol, found, inn, fp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--share", type=float, nargs="+", default=[SHARE], help="share of true findings a threshold may veto")
    ap.add_argument("--rounds", nargs="+", help="left-out rounds to report (default: every group with data but the shipped text)")
    ap.add_argument("--write", action="store_true", help=f"write the thresholds of the first --share to {OUT.relative_to(ROOT)}")
    ap.add_argument("--scores", type=Path, help="keep the out-of-fold finding scores in this JSON file; if it exists, "
                                                "only --write runs, from it (no fitting, no figures)")
    args = ap.parse_args(argv)
    from replykit.checks import learned

    T.ROUNDS = groups()
    rules = tuple(learned.CUES)
    names = [g for g, *_ in T.ROUNDS if g != "shipped"]
    if args.scores and args.scores.exists():
        found = {g: [tuple(f) for f in fs] for g, fs in json.loads(args.scores.read_text()).items()}
        if args.write:
            write(found, names, rules, args.share[0])
        return 0
    rows = T.load_rows()
    X, vocab, n_char = T.features(rows)
    print(f"{len(rows)} rows; fitting one model per left-out group ({', '.join(names)})", flush=True)
    models = fold_models(rows, X, vocab, n_char, rules, names)
    by_name = {g[0]: g for g in T.ROUNDS}
    found = {g: finding_scores(files_of(by_name[g]), models[g], rules) for g in names}
    if args.scores:
        args.scores.write_text(json.dumps(found))
    for share in args.share:
        print(f"\nshare {share:.0%} | messages: full-severity recall off -> on, false errors off -> on (concept rules') | "
              "concept sentences: full-severity recall off -> on, innocent with an error off -> on | thresholds")
        sums = np.zeros(12, int)
        for g in args.rounds or names:
            thr = thresholds_from([f for h in names if h != g for f in found[h]], rules, share)
            with learned.packaged_model.replaced(models[g]), learned.packaged_veto.replaced(thr):
                off = lint_figures(files_of(by_name[g]), False)
                on = lint_figures(files_of(by_name[g]), True)
            sums += np.array([off[0], off[1], on[1], off[2], on[2], off[3], on[3], off[4], off[5], on[5], off[7], on[7]])
            print(f"{g} | {off[1]}/{off[0]} -> {on[1]}, {off[2]} ({off[3]}) -> {on[2]} ({on[3]}) | "
                  f"{off[5]}/{off[4]} -> {on[5]}, {off[7]}/{off[6]} -> {on[7]} | "
                  + " ".join(f"{r.split('.')[1][:6]} {t:+.2f}" for r, t in thr.items()), flush=True)
        e, f0, f1, fe0, fe1, c0, c1, v, s0, s1, p0, p1 = sums
        print(f"all | {f0}/{e} -> {f1} ({(f1 - f0) / max(e, 1):+.1%}), false errors {fe0} ({c0}) -> {fe1} ({c1}) | "
              f"{s0}/{v} -> {s1} ({(s1 - s0) / max(v, 1):+.1%}), innocent with an error {p0} -> {p1}")
    if args.write:
        write(found, names, rules, args.share[0])
    return 0


def write(found: dict, names: list[str], rules: tuple[str, ...], share: float) -> None:
    """The shipped thresholds: from the out-of-fold findings of every group the shipped model is trained on."""
    from replykit.checks import learned

    model = learned.packaged_model()
    trained = {s.split(":", 1)[0] for s in model.meta["training_files"]}
    thr = thresholds_from([f for h in names if h in trained for f in found[h]], rules, share)
    doc = {"what": "per concept rule: the concept model's score under which a lexicon error is capped at warning "
                   "(written by tools/evaluate_veto.py --write; set out of fold on the groups the model is trained on)",
           "share": share, "groups": sorted(trained & set(names)),
           "model_training_set_sha256": model.meta["training_set_sha256"],
           "thresholds": {r: math.floor(t * 1e4) / 1e4 for r, t in thr.items()}}  # rounded down: never vetoes more
    OUT.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(main())
