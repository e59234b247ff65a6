"""Leave-one-round-out evaluation of the concept model (what decides its settings, not the training fit).

    .venv/bin/python tools/evaluate_concept_model.py [--rounds r1 r2 ...] [--c 10] [--min-df 2] [--lint]

For each round left out, the model is trained as ``tools/train_concept_model.py`` trains the shipped
one, on every other writer group (dev, the other rounds, the shipped text and the training rounds t7 and t8) --
it is the trainer's out-of-fold model for that round -- with thresholds set on the out-of-fold scores of
those other groups; it then scores the left-out round's concept sentences and message sentences. Reported per round, with the mean and the worst round:

- ``gate``: the shipped decision: a sentence that carries a cue of the rule, at or above the rule's
  threshold (k=0 over the cued innocents) -- the model's own recall on the round's violating concept
  sentences, innocent concept sentences it fires on, and compliant messages with a sentence it fires on;
- ``sure``: a second, stricter threshold per rule (the level at which a finding keeps the profile's
  severity, an error): the threshold plus the largest amount by which an innocent sentence of another
  left-out round exceeded its rule's threshold -- how many violations reach it, and how many innocent
  sentences and compliant messages of this round do (each one a false error);
- ``open``: no cue asked: any sentence at or above a threshold set over every innocent sentence
  (k=0) -- what widening the gate would add, and ``content.disrespect`` (which has no cue) calibrated so;
- with ``--lint``: the corpus figures of the round (corpus_eval's convention) with the left-out model
  plugged into the checks (its findings warnings only), against the lexicon alone.

Only aggregate figures are printed. ``heldout-r9``, the blind measure, is never read (the trainer refuses it).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "checks"))
sys.path.insert(0, str(ROOT / "tools"))
import train_concept_model as T  # noqa: E402  (the trainer: its corpora, features and fits)

ROUNDS = ("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8")  # the rounds written by strangers (t7, t8, t9: --rounds)
DISRESPECT = "content.disrespect"


def open_thresholds(oof: np.ndarray, rows: list, rules: tuple[str, ...]) -> np.ndarray:
    """Per rule: just above the highest out-of-fold score of any innocent row (cue or not)."""
    out = np.zeros(len(rules))
    for j, rule in enumerate(rules):
        inn = np.array([r.negative_for(rule) for r in rows])
        out[j] = (oof[inn, j].max() if inn.any() else 1e6) + 1e-3
    return out


def evaluate_round(oof: np.ndarray, models: dict, rows, rules, left_out: str) -> dict:
    """The left-out round's scores by the out-of-fold model that never saw it, and the thresholds that the
    other groups' out-of-fold scores give (those models saw the round: a mild leak, through the scores of
    the other groups' innocent rows only)."""
    tr = np.array([i for i, r in enumerate(rows) if r.group != left_out])
    te = np.array([i for i, r in enumerate(rows) if r.group == left_out])
    rows_tr = [rows[i] for i in tr]
    warn = T.thresholds_from(oof[tr], rows_tr, rules)
    warn[[j for j, r in enumerate(rules) if r == DISRESPECT]] = 1e6  # no cue: never through the gate
    keep, W, b = models[left_out]
    return {"te": te, "scores": oof[te], "warn": warn, "open": open_thresholds(oof[tr], rows_tr, rules),
            "W": W, "b": b, "keep": keep}


def sentence_figures(rows, rules, te, scores, thresholds, cued_only: bool) -> dict:
    """Recall on violating concept sentences, innocent concept sentences fired, compliant messages with a
    fired sentence (and message sentences fired for a rule their message does not expect)."""
    fired = scores >= thresholds
    if cued_only:
        fired &= np.array([[rule in rows[i].cued for rule in rules] for i in te])
    found = expected = inn_fired = inn = 0
    per_rule = {r: [0, 0, 0, 0] for r in rules}  # found, expected, innocent fired, innocent
    compliant_msgs: dict[str, bool] = {}
    for k, i in enumerate(te):
        r = rows[i]
        if r.rule is not None:
            if r.rule not in rules:
                continue
            j = rules.index(r.rule)
            if r.violates:
                expected += 1
                found += bool(fired[k, j])
                per_rule[r.rule][0] += bool(fired[k, j])
                per_rule[r.rule][1] += 1
            else:
                inn += 1
                hit = bool(fired[k].any())
                inn_fired += hit
                per_rule[r.rule][3] += 1
                per_rule[r.rule][2] += hit
        elif not r.expect:
            key = r.source
            compliant_msgs[key] = compliant_msgs.get(key, False) or bool(fired[k].any())
    unexpected = sum(bool((fired[k] & np.array([rows[i].negative_for(rule) for rule in rules])).any())
                     for k, i in enumerate(te) if rows[i].rule is None)
    return {"found": found, "expected": expected, "inn_fired": inn_fired, "inn": inn,
            "msg_fired": sum(compliant_msgs.values()), "msgs": len(compliant_msgs), "msg_sent_fired": unexpected,
            "per_rule": per_rule}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", nargs="+", default=list(ROUNDS))
    ap.add_argument("--margin-rounds", nargs="+", help="the rounds whose overshoot sets the 'sure' margin (default: --rounds)")
    ap.add_argument("--c", type=float, default=T.C)
    ap.add_argument("--min-df", type=int, default=T.MIN_DF)
    ap.add_argument("--lint", action="store_true", help="also lint each left-out round with its model plugged in")
    ap.add_argument("--save", type=Path, help="keep the per-round scores in this .npz")
    args = ap.parse_args(argv)
    rows = T.load_rows()
    X, vocab, n_char = T.features(rows)
    from replykit.checks.learned import CUES

    rules = (*CUES, DISRESPECT)
    models: dict = {}
    oof = T.out_of_fold(X, rows, rules, args.c, args.min_df, models)  # one fit per writer group
    margin_rounds = args.margin_rounds or args.rounds
    results = {g: evaluate_round(oof, models, rows, rules, g) for g in dict.fromkeys([*args.rounds, *margin_rounds])}
    # the 'sure' margin for a round: the largest amount by which an innocent (cued) sentence of any OTHER
    # left-out round exceeded its rule's threshold, over every rule (what SURE_MARGIN is set from)
    overshoot = {}
    for g, res in results.items():
        te, s = res["te"], res["scores"]
        cued = np.array([[rule in rows[i].cued for rule in rules] for i in te])
        neg = np.array([[rows[i].negative_for(rule) for rule in rules] for i in te])
        overshoot[g] = float(np.where(cued & neg, s - res["warn"], -np.inf).max())
    print("largest overshoot of an innocent sentence, per left-out round: "
          + ", ".join(f"{g} {v:+.2f}" for g, v in overshoot.items()))
    for g, res in results.items():
        res["sure"] = res["warn"] + max([0.0] + [v for o, v in overshoot.items() if o != g and o in margin_rounds]) + 1e-3
    results = {g: results[g] for g in args.rounds}
    print(f"\nleave-one-round-out, C={args.c}, min_df={args.min_df} (model alone, sentence level)")
    print("round | gate: recall, innocent fired, compliant msgs fired | sure: recall, innocent, msgs | "
          "open: recall, innocent, msgs | gate+open recall | disrespect open: recall, innocent")
    table = []
    for g, res in results.items():
        te, s = res["te"], res["scores"]
        gate = sentence_figures(rows, rules, te, s, res["warn"], True)
        sure = sentence_figures(rows, rules, te, s, res["sure"], True)
        opened = sentence_figures(rows, rules, te, s, res["open"], False)
        both_fired = ((s >= res["warn"]) & np.array([[rule in rows[i].cued for rule in rules] for i in te])) | (s >= res["open"])
        both = sum(bool(both_fired[k, rules.index(rows[i].rule)]) for k, i in enumerate(te)
                   if rows[i].rule in rules and rows[i].violates and rows[i].rule != DISRESPECT)
        d = opened["per_rule"][DISRESPECT]
        gx = gate["expected"] - opened["per_rule"][DISRESPECT][1]
        line = (g, gate["found"], gx, gate["inn_fired"], gate["inn"], gate["msg_fired"], gate["msgs"],
                sure["found"], sure["inn_fired"], sure["msg_fired"],
                opened["found"] - d[0], opened["inn_fired"], opened["msg_fired"], both, d[0], d[1], d[2])
        table.append(line)
        print(f"{g} | {line[1]}/{gx} = {line[1] / max(gx, 1):.1%}, {line[3]}/{line[4]}, {line[5]}/{line[6]} | "
              f"{line[7]}/{gx}, {line[8]}, {line[9]} | {line[10]}/{gx}, {line[11]}, {line[12]} | {both}/{gx} | "
              f"{d[0]}/{d[1]}, {d[2]} (innocent fired any rule: {opened['inn_fired']})", flush=True)
        per = ", ".join(f"{r.split('.')[1]} {v[0]}/{v[1]} ({v[2]} inn)" for r, v in gate["per_rule"].items() if v[1])
        print(f"   gate by rule: {per}")
    arr = np.array([t[1:] for t in table], float)
    rec = arr[:, 0] / np.maximum(arr[:, 1], 1)
    print(f"mean gate recall {rec.mean():.1%}, worst {rec.min():.1%}; mean sure recall {(arr[:, 6] / np.maximum(arr[:, 1], 1)).mean():.1%}; "
          f"sure false: innocent {int(arr[:, 7].sum())}, compliant msgs {int(arr[:, 8].sum())} of {int(arr[:, 5].sum())}; "
          f"open recall mean {(arr[:, 9] / np.maximum(arr[:, 1], 1)).mean():.1%}, open false: innocent {int(arr[:, 10].sum())}, "
          f"msgs {int(arr[:, 11].sum())}")
    if args.save:
        np.savez(args.save, **{f"{g}_{k}": v for g, res in results.items() for k, v in res.items() if k in ("te", "scores", "warn", "sure", "open")})
    if args.lint:
        lint_rounds(X, rows, vocab, n_char, results, rules)
    return 0


def lint_rounds(X, rows, vocab, n_char, results, rules) -> None:
    """The round's corpus figures with its left-out model plugged into the checks, against the lexicon alone."""
    import corpus_eval as E

    import replykit.checks.lint as L
    from replykit.checks import learned

    model_rules = tuple(r for r in rules if r != DISRESPECT)
    cols = [rules.index(r) for r in model_rules]
    print("\nround | lexicon alone: concepts recall, FP; messages recall, false errors, false warnings | "
          "with the left-out model: the same")
    for g, res in results.items():
        _g, c_glob, m_glob = next(r for r in T.ROUNDS if r[0] == g)  # the group's files, as the trainer reads them
        concepts = sorted(T.CORPUS.glob(c_glob)) if c_glob else []
        messages = sorted(T.CORPUS.glob(m_glob)) if m_glob else []
        keep, W, b = res["keep"], res["W"][:, cols], res["b"][cols]
        strong = np.abs(W).max(axis=1) >= T.PRUNE
        Wp = T.rounded(np.where(np.abs(W) >= T.PRUNE, W, 0.0)[strong].astype(np.float32))
        kept = keep[strong]
        model = learned.ConceptModel(rules=model_rules, vocab=[vocab[i] for i in kept], n_char=int((kept < n_char).sum()),
                                     weights=Wp, bias=b.astype(np.float32), thresholds=res["warn"][cols].astype(np.float32),
                                     meta={"neg_window": learned.NEG_WINDOW, "fold": True}, source=f"<left out {g}>")
        figures = []
        for on in (False, True):
            L.LEARNED_RULES = learned.CUES if on else {}
            with learned.packaged_model.replaced(model):
                c = E.score_concepts(concepts).total
                m = E.score_messages(messages).total
            figures.append(f"{c.found}/{c.expected}, {c.false_pos}; {m.found}/{m.expected}, {m.false_pos}, {m.false_warn}")
        L.LEARNED_RULES = learned.CUES
        print(f"{g} | {figures[0]} | {figures[1]}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
