"""Train the concept rules' learned second opinion (``src/replykit/data/concept_model.npz``).

    .venv/bin/pip install -e '.[train]'                 # scikit-learn, for training only
    .venv/bin/python tools/train_concept_model.py         # writes the packaged model
    .venv/bin/python tools/train_concept_model.py --check # retrains in memory, compares with the shipped file

Deterministic: the same corpora and library versions give the same weights. Training data (all
committed under ``tests/corpus``; every round there is a development set, read while tuning the lexicon; the
model's blind measure is the next round, written by strangers and kept out of the repository until then):

- concept sentences of ``concepts/`` (two writer groups: ``<lang>.json`` and ``<lang>-r2.json``),
  ``heldout``, ``heldout-r2`` ... ``heldout-r8`` (round 8 was session 7's blind measure and is a development
  set since session 8) and ``train-t7``, ``train-t8`` and ``train-t9`` (each written for the model's training by four
  writer groups, one fold each): a violating sentence is a positive of
  its rule; an innocent look-alike is a negative of every rule; other rules' violations are left out;
- every sentence of the messages of the same rounds and of the shipped catalogues' strings
  (``shipped-text/``, a snapshot), a negative of every concept rule the message's
  label does not expect (greetings, order talk, signatures: what the concept corpora never show; a
  message expecting a rule is no example of it, as the label does not say which sentence breaks it).

Features are :func:`replykit.checks.learned.sentence_grams` (n-grams seen in at least two training
sentences); one L2 logistic regression per rule (liblinear, C=10, balanced class weights). A rule's
threshold is set out of fold -- one fold per writer group, the model trained on the others -- just
above the highest score of an innocent training sentence that carries a cue of the rule (k=0), so
that, out of fold, no innocent training sentence would have fired; a finding :data:`SURE_MARGIN` above it
keeps the profile's severity. Only aggregate figures are printed.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
OUT = ROOT / "src" / "replykit" / "data" / "concept_model.npz"
#: (group, concept files, message files): one group per writer group, the unit of a fold
ROUNDS = (
    ("dev-a", "concepts/[a-z][a-z].json", "messages/*.json"),
    ("dev-b", "concepts/*-r2.json", None),
    ("r1", "heldout/concepts/*.json", "heldout/messages/*.json"),
    ("r2", "heldout-r2/concepts/*.json", "heldout-r2/messages/*.json"),
    ("r3", "heldout-r3/concepts/*.json", "heldout-r3/messages/*.json"),
    ("r4", "heldout-r4/concepts/*.json", "heldout-r4/messages/*.json"),
    ("r5", "heldout-r5/concepts/*.json", "heldout-r5/messages/*.json"),
    ("r6", "heldout-r6/concepts/*.json", "heldout-r6/messages/*.json"),
    ("r7", "heldout-r7/concepts/*.json", "heldout-r7/messages/*.json"),
    ("r8", "heldout-r8/concepts/*.json", "heldout-r8/messages/*.json"),
    ("t7", "train-t7/concepts/*.json", "train-t7/messages/*.json"),
    ("t8", "train-t8/concepts/*.json", "train-t8/messages/*.json"),
    ("t9", "train-t9/concepts/*.json", "train-t9/messages/*.json"),
    ("shipped", None, "shipped-text/*.json"),
)
#: the model's latest blind measure, written by strangers and scored on aggregates at the start and end of session 8,
#: committed then; never trained on until a later round replaces it as the blind measure (then move it into ROUNDS and
#: name the new one)
BLIND = "heldout-r9"
#: a snapshot of the shipped catalogues' strings (compliant by construction: the build checks them),
#: refreshed on demand (--refresh-shipped-text) so that editing a translation does not force a retrain
SHIPPED_TEXT = CORPUS / "shipped-text" / "catalogue-strings.json"
C = 10.0
K = 0
MIN_DF = 2
PRUNE = 1e-3  # weights below this (absolute) are dropped; a feature with none left leaves the vocabulary
# (pruning harder costs accuracy: features are scaled by 1/sqrt(~300 n-grams), so many small weights add up)
#: a learned finding this far above its rule's threshold keeps the profile's severity (an error) instead of
#: being capped at warning: the largest amount by which an innocent sentence of a left-out round exceeded its
#: rule's threshold in tools/evaluate_concept_model.py (1.24, round 4, dev and rounds 1-6 and t7), rounded up.
#: Out of fold (each round's level set from the others') it let no innocent concept sentence of rounds 1-6
#: through and 1 of 227 compliant messages.
#: Session 7 (trained on rounds 1-7, t7 and t8 too): the same derivation gives 0.53 (round 4; r1 +0.26, every
#: other round below 0.05), i.e. a margin of 0.55, with which, nested, the sure level finds 40 % of rounds 1-6's
#: violating sentences (24 % at 1.25), no innocent concept sentence and 1 of 319 compliant messages of rounds
#: 1-7, t7, t8. Not adopted yet: at 0.55 five of our own 156 lexicon look-alikes (tests/checks/
#: test_checks_concept_kinds.py) become learned errors instead of three, and the change was not re-validated
#: (full suite, templates) in time. 1.25 stays, above every innocent overshoot: stricter than derived.
SURE_MARGIN = 1.25
MANTISSA_BITS = 13  # weights keep 13 of float32's 23 mantissa bits (relative error < 1e-4): a third smaller file


@dataclass
class Row:
    group: str
    text: str  # normalised, quoted buyer lines blanked: what the rules read
    rule: str | None  # the concept rule of a concept sentence; None for a message sentence
    violates: bool
    cued: frozenset[str]  # rules one of whose cue concepts the text carries
    expect: frozenset[str] = frozenset()  # a message sentence: the rules its message's label expects
    source: str = ""  # the file (and case or text number) it comes from: what a message sentence belongs to

    def negative_for(self, rule: str) -> bool:
        return not self.violates and rule not in self.expect


def corpus_files() -> list[tuple[str, Path]]:
    """(group, file) of every file the model is trained on, in a fixed order."""
    out = []
    for group, concepts, messages in ROUNDS:
        for pattern in (concepts, messages):
            if pattern:
                out += [(group, p) for p in sorted(CORPUS.glob(pattern))]
    return out


def training_set_hash(files: list[tuple[str, Path]] | None = None) -> str:
    """sha256 over every training file's path (relative to tests/corpus), group and content."""
    h = hashlib.sha256()
    for group, p in files if files is not None else corpus_files():
        h.update(f"{group}\0{p.relative_to(CORPUS).as_posix()}\0".encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def load_rows() -> list[Row]:
    from replykit.checks import Message
    from replykit.checks.learned import CUES, cued_sentences
    from replykit.checks.profiles import load_profile
    from replykit.checks.view import MessageView

    profile = load_profile("all")
    rows: list[Row] = []
    for group, path in corpus_files():
        d = json.loads(path.read_text(encoding="utf-8"))
        if "cases" in d:
            for n, case in enumerate(d["cases"]):
                view = MessageView(Message("", text=case["text"]), profile)
                for seg in view.texts:
                    cued = frozenset(r for r in CUES if cued_sentences(view, seg, r, search=True))
                    rows.append(Row(group, " ".join(seg.said.split()), case["rule"], bool(case["violates"]), cued,
                                    source=f"{path.name}#{n}"))
        elif "texts" in d:  # the shipped text snapshot: each string as a message of its own
            for n, t in enumerate(d["texts"]):
                rows += message_rows(group, MessageView(Message("", text=t), profile), frozenset(), f"{path.name}#{n}")
        else:
            msg = Message(d["subject"], d.get("html"), d.get("text"), d.get("context") or {})
            rows += message_rows(group, MessageView(msg, profile), frozenset(d["expect"]), path.name)
    return rows


def message_rows(group: str, view, expect: frozenset[str], source: str = "") -> list[Row]:
    """Every sentence of a message as the rules read it (a reply's subject and quoted lines left out)."""
    from replykit.checks.learned import CUES, cued_sentences
    from replykit.checks.textutil import REPLY_SUBJECT

    rows = []
    for seg in view.texts:
        if seg.kind == "subject" and REPLY_SUBJECT.match(seg.norm):
            continue
        cues = {r: cued_sentences(view, seg, r, search=True) for r in CUES}
        said = seg.said
        for i, (off, s) in enumerate(view.sentences(seg)):
            text = " ".join(said[off:off + len(s)].split())
            if text:
                rows.append(Row(group, text, None, False, frozenset(r for r, c in cues.items() if i in c), expect, source))
    return rows


def refresh_shipped_text() -> int:
    """Write :data:`SHIPPED_TEXT`: every source string and translation of the shipped catalogues."""
    import polib

    texts: set[str] = set()
    for path in [ROOT / "locale" / "replykit.pot", *sorted((ROOT / "locale").glob("*/LC_MESSAGES/replykit.po"))]:
        for e in polib.pofile(str(path)):
            if e.obsolete:
                continue
            texts.update(t for t in (e.msgid, e.msgid_plural, e.msgstr, *e.msgstr_plural.values()) if t and t.strip())
    SHIPPED_TEXT.parent.mkdir(parents=True, exist_ok=True)
    doc = {"what": "every msgid and msgstr of locale/*.po(t) when the concept model was last trained: compliant text "
                   "(negatives for every concept rule); refreshed by tools/train_concept_model.py --refresh-shipped-text",
           "texts": sorted(texts)}
    SHIPPED_TEXT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(texts)


def features(rows: list[Row]):
    """(binary gram matrix scaled per block, gram list, number of char grams): every gram of every row."""
    import scipy.sparse as sp

    from replykit.checks.learned import sentence_grams

    grams = [sentence_grams(r.text) for r in rows]
    char_vocab = sorted({g for c, _n, _w, _m in grams for g in c})
    word_vocab = sorted({g for _c, _n, w, _m in grams for g in w})
    col = {g: i for i, g in enumerate(char_vocab)}
    wcol = {g: i + len(char_vocab) for i, g in enumerate(word_vocab)}
    indptr, indices, data = [0], [], []
    for c, nc, w, nw in grams:
        nc, nw = max(nc, 1), max(nw, 1)
        cols = sorted(col[g] for g in c)
        indices += cols
        data += [1.0 / np.sqrt(nc)] * len(cols)
        wcols = sorted(wcol[g] for g in w)
        indices += wcols
        data += [1.0 / np.sqrt(nw)] * len(wcols)
        indptr.append(len(indices))
    X = sp.csr_matrix((np.array(data, np.float64), np.array(indices, np.int64), np.array(indptr, np.int64)),
                      shape=(len(rows), len(char_vocab) + len(word_vocab)))
    return X, char_vocab + word_vocab, len(char_vocab)


def fit(X, rows: list[Row], rules: tuple[str, ...], keep: np.ndarray, c: float = C):
    """Weights (kept features x rules) and biases; ``keep``: the columns used (seen in >= MIN_DF rows)."""
    from sklearn.linear_model import LogisticRegression

    Xk = X[:, keep]
    W = np.zeros((Xk.shape[1], len(rules)))
    b = np.zeros(len(rules))
    for j, rule in enumerate(rules):
        mask = np.array([r.rule == rule or r.negative_for(rule) for r in rows])
        y = np.array([r.violates and r.rule == rule for r in rows])
        m = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=5000, random_state=0)
        m.fit(Xk[mask], y[mask])
        W[:, j] = m.coef_.ravel()
        b[j] = m.intercept_[0]
    return W, b


def seen(X, idx: np.ndarray, min_df: int = MIN_DF) -> np.ndarray:
    return np.flatnonzero(np.asarray((X[idx] > 0).sum(axis=0)).ravel() >= min_df)


def out_of_fold(X, rows: list[Row], rules: tuple[str, ...], c: float = C, min_df: int = MIN_DF,
                models: dict | None = None) -> np.ndarray:
    """Every row's scores by a model trained on the other writer groups of ``rows`` (one fold per group);
    ``models``, if given, receives each group's model as ``group -> (kept columns, weights, biases)``."""
    oof = np.zeros((len(rows), len(rules)))
    for g in sorted({r.group for r in rows}):
        tr = np.array([i for i, r in enumerate(rows) if r.group != g])
        te = np.array([i for i, r in enumerate(rows) if r.group == g])
        keep = seen(X, tr, min_df)
        W, b = fit(X[tr], [rows[i] for i in tr], rules, keep, c)
        oof[te] = X[te][:, keep] @ W + b
        if models is not None:
            models[g] = (keep, W, b)
    return oof


def thresholds_from(oof: np.ndarray, rows: list[Row], rules: tuple[str, ...], k: int = K) -> np.ndarray:
    """Per rule: just above the (k+1)-th highest out-of-fold score of an innocent row carrying a cue of the rule."""
    thresholds = np.zeros(len(rules))
    for j, rule in enumerate(rules):
        inn = np.array([r.negative_for(rule) and rule in r.cued for r in rows])
        s = np.sort(oof[inn, j])[::-1]
        thresholds[j] = (s[k] if k < len(s) else 1e6) + 1e-3  # no innocent to calibrate on: it never fires
    return thresholds


def final_model(X, rows: list[Row], vocab: list[str], n_char: int, rules: tuple[str, ...]):
    """The shipped weights: trained on every row, pruned (|w| < PRUNE) and rounded (MANTISSA_BITS).
    Returns (float32 weights, biases, vocabulary, how many of its entries are char n-grams)."""
    keep = seen(X, np.arange(len(rows)))
    W, b = fit(X, rows, rules, keep)
    strong = np.abs(W).max(axis=1) >= PRUNE
    W = np.where(np.abs(W) >= PRUNE, W, 0.0)[strong]
    kept = keep[strong]  # sorted: the char n-grams (columns < n_char) come first
    return rounded(W.astype(np.float32)), b, [vocab[i] for i in kept], int((kept < n_char).sum())


def train() -> tuple[dict[str, np.ndarray], dict]:
    from replykit.checks.learned import CHAR_N, CUES, FORMAT, MAX_SENTENCE, MAX_WORD, NEG_WINDOW, WORD_N

    rules = tuple(CUES)
    files = corpus_files()
    assert not any(BLIND in p.as_posix() for _g, p in files), f"{BLIND} is the blind measure"
    rows = load_rows()
    X, vocab, n_char = features(rows)
    # out of fold: each writer group scored by a model that never saw it
    oof = out_of_fold(X, rows, rules)
    thresholds = thresholds_from(oof, rows, rules)
    sure = thresholds + SURE_MARGIN
    W, b, vocab_out, n_char_out = final_model(X, rows, vocab, n_char, rules)
    # out-of-fold figures (aggregates only)
    fired = oof >= thresholds
    cued = np.array([[rule in r.cued for rule in rules] for r in rows])
    gated = fired & cued
    viol = [i for i, r in enumerate(rows) if r.violates and r.rule in rules]
    found = sum(bool(gated[i, rules.index(rows[i].rule)]) for i in viol)
    inn_concept = [i for i, r in enumerate(rows) if r.rule is not None and not r.violates]
    msg_rows = [i for i, r in enumerate(rows) if r.rule is None]
    neg = np.array([[r.negative_for(rule) for rule in rules] for r in rows])
    meta = {
        "format": FORMAT,
        "rules": list(rules),
        "n_char": n_char_out,
        "char_n": list(CHAR_N),
        "word_n": list(WORD_N),
        "neg_window": NEG_WINDOW,
        "fold": True,
        "max_word": MAX_WORD,
        "max_sentence": MAX_SENTENCE,
        "model": f"per-rule L2 logistic regression, liblinear, C={C}, balanced; features seen in >= {MIN_DF} sentences; "
                 f"|w| < {PRUNE} pruned",
        "k": K,
        "sure_margin": SURE_MARGIN,
        "training_files": [f"{g}:{p.relative_to(CORPUS).as_posix()}" for g, p in files],
        "training_set_sha256": training_set_hash(files),
        "rows": len(rows),
        "positives": dict(sorted(Counter(r.rule for r in rows if r.violates and r.rule in rules).items())),
        "innocent_concept_sentences": len(inn_concept),
        "message_sentences": len(msg_rows),
        "out_of_fold": {
            "recall": f"{found}/{len(viol)}",
            "innocent_concept_sentences_fired": int(gated[inn_concept].any(axis=1).sum()),
            "message_sentences_fired_unexpected": int((gated & neg)[msg_rows].any(axis=1).sum()),
        },
        "sklearn": __import__("sklearn").__version__,
    }
    arrays = {
        "meta": np.frombuffer(json.dumps(meta, sort_keys=True).encode(), np.uint8),
        "vocab": np.frombuffer("\n".join(vocab_out).encode(), np.uint8),
        "weights": W,
        "bias": b.astype(np.float32),
        "thresholds": thresholds.astype(np.float32),
        "sure": sure.astype(np.float32),
    }
    return arrays, meta


def rounded(a: np.ndarray, keep: int = MANTISSA_BITS) -> np.ndarray:
    """float32 ``a`` rounded to ``keep`` mantissa bits (the low ones zero: the file compresses better)."""
    drop = 23 - keep
    u = a.view(np.uint32).astype(np.uint64)
    return (((u + (1 << (drop - 1))) >> drop) << drop).astype(np.uint32).view(np.float32)


def write(arrays: dict[str, np.ndarray], path: Path) -> None:
    """An .npz numpy reads, byte-for-byte the same for the same arrays (fixed member dates)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, buf.getvalue())


def same_model(arrays: dict[str, np.ndarray], path: Path, atol: float = 1e-4) -> list[str]:
    """What differs between freshly trained ``arrays`` and the model file at ``path`` (empty: the same)."""
    with np.load(path, allow_pickle=False) as shipped:
        diffs = []
        if bytes(shipped["vocab"]) != bytes(arrays["vocab"]):
            diffs.append("vocab")
        meta_new, meta_old = (json.loads(bytes(m)) for m in (arrays["meta"], shipped["meta"]))
        for k in sorted(set(meta_new) | set(meta_old)):
            if k != "sklearn" and meta_new.get(k) != meta_old.get(k):  # the version that trained it is a note
                diffs.append(f"meta.{k}")
        for name in ("weights", "bias", "thresholds", "sure"):
            a, s = arrays[name], shipped[name]
            if a.shape != s.shape or not np.allclose(a, s, atol=atol, rtol=1e-3):
                diffs.append(name)
    return diffs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="retrain and compare with --out instead of writing it")
    ap.add_argument("--refresh-shipped-text", action="store_true", help="snapshot the catalogues' strings first")
    args = ap.parse_args(argv)
    if args.refresh_shipped_text:
        print(f"{refresh_shipped_text()} catalogue strings -> {SHIPPED_TEXT}")
    arrays, meta = train()
    print(f"rows {meta['rows']} ({meta['innocent_concept_sentences']} innocent concept sentences, {meta['message_sentences']} "
          f"message sentences), vocabulary {len(arrays['weights'])}, out of fold: {meta['out_of_fold']}")
    if args.check:
        diffs = same_model(arrays, args.out)
        print("same as " + str(args.out) if not diffs else f"differs from {args.out}: {', '.join(diffs)}")
        return 1 if diffs else 0
    write(arrays, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
