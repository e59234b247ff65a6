"""A learned second opinion for the concept rules: a per-rule linear model over character and word n-grams.

The phrase lexicon (``data/lexicon.json``) reaches ~100 % on the text it was tuned on but misses the
next writer's wording. A logistic regression per concept rule, trained on every committed concept
corpus round (``tools/train_concept_model.py``), reads a sentence as a whole and catches some of that
wording. When a concept rule found nothing in a message, a sentence that carries a topic cue of the
rule (a lexicon concept listed in :data:`CUES` that the rules already found in it) and that the model
scores above the rule's threshold becomes one finding for the rule: a ``warning``, unless the score also
reaches the rule's stricter "sure" level (set where no innocent sentence of a round left out of training
reached, ``tools/evaluate_concept_model.py``), which keeps the profile's severity.

Features (shared by training and scoring, :func:`sentence_grams`): the presence of ``char_wb``
1-4-grams (each white-space word padded with a space on both sides), of word 1-2-grams (``\\w+``
tokens) and of negated words (``"!" + word`` for a word at most :data:`NEG_WINDOW` words after a negation word of
its clause; recorded in the model file, 0 for a model trained without them), read from :func:`fold` ed text
(digits as 0, Latin diacritics dropped; also recorded, "fold"), each block scaled by
``1/sqrt(number of n-grams the sentence has)`` -- a number that depends on the sentence alone, so pruning a
feature from the model never changes the value of another.

The weights ship as ``data/concept_model.npz`` (vocabulary, float32 weights, per-rule bias, threshold
and sure level, and the training metadata). The file is untrusted input: anything wrong with it is a
:class:`ModelError` naming it.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple, Sequence

import numpy as np

from ..errors import ReplykitError
from ..once import once
from .registry import Hit

if TYPE_CHECKING:  # pragma: no cover
    from .view import MessageView, Segment

#: the format of ``concept_model.npz`` this code reads (and ``tools/train_concept_model.py`` writes)
FORMAT = 1
#: char_wb n-gram sizes and word n-gram sizes: the feature definition, recorded in the model file
CHAR_N = (1, 4)
WORD_N = (1, 2)
#: longer words are cut to this many characters and longer sentences to this many (bounded cost)
MAX_WORD = 40
MAX_SENTENCE = 1_000
MAX_SCORED = 200  # cued sentences scored per rule and message: a hostile text of 100,000 cued lines stays cheap
_WORD_CACHE_MAX = 50_000
NEVER = 1e6  # a threshold no score reaches (a rule's "sure" level when it has none)
_CHUNK = 64  # sentences scored in one product (a hostile message has up to 8 x MAX_SCORED)
_TOKEN = re.compile(r"\w+")
#: words that negate what follows them (lower case, as ``\\w+`` tokens: "don't" is "don" + "t"), per shipped language
#: where negation is a word before the verb or noun (ja, zh: a suffix or a character inside a run, left to the char n-grams)
NEGATIONS = frozenset("""
not no never nor cannot t without neither none nothing
nicht kein keine keinen keinem keiner keines nie niemals ohne weder
pas ne n jamais aucun aucune sans ni
nunca sin ningún ninguna ninguno jamás tampoco
non mai senza nessun nessuna nessuno né
não nenhum nenhuma nem sem
nie nigdy bez żaden żadna żadne żadnych ani
niet geen nooit zonder noch
inte ej aldrig ingen inget inga utan
değil yok asla hiç hiçbir
لا لن لم ليس ليست غير بدون دون عدم
""".split())

def _fold_table() -> dict[int, str]:
    """Digits to 0 and Latin letters with diacritics to their base letter (ž -> z, ç -> c; ß, ø, ł stay)."""
    import unicodedata

    table = {ord(d): "0" for d in "123456789"}
    for c in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(c))[0]
        if base != chr(c) and base.isascii():
            table[c] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """``text`` with digits as 0 and Latin diacritics dropped (same length): "15 %" and "20 %" share their
    n-grams, and a writer who types "nao" or "uberweisung" reads like one who types "não", "überweisung"."""
    return text.translate(_FOLD)


NEGATIONS = NEGATIONS | {fold(w) for w in NEGATIONS}
NEG_WINDOW = 5  # words marked after a negation word (the scope, cut at the clause's end)
_HAS_NEGATION = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, NEGATIONS), key=len, reverse=True)) + r")\b")
#: a clause ends at punctuation or at "but" (a negation's scope does not cross it)
_CLAUSE = re.compile(r"[,.;:!?()\u3001\u3002\uff0c\uff01\uff1f\u060c\u061f]|\b(?:but|aber|mais|pero|ma|mas|ale|maar|men|ama|"
                     r"however|sondern)\b")

#: lexicon concepts that mark a sentence as being about a rule's topic: the model only reads those
CUES: dict[str, tuple[str, ...]] = {
    "content.promotion": ("promo_code", "promo_discount", "promo_tie", "promo_phrase", "promo_cut", "promo_scope", "promo_new",
                          "promo_also", "promo_look", "code_word", "own_shop", "buy_verb"),
    "content.off-platform": ("messenger", "social_network", "contact_verb", "off_platform_phrase", "messenger_invite", "easier_there",
                             "by_channel", "own_shop", "phone_cue", "stay_on_platform", "private_channel", "other_marketplace",
                             "dm_word", "we_propose"),
    "content.payment-account": ("payment_rail", "pay_verb", "bank_details", "pay_us", "extra_funds"),
    "content.cancel-request": ("cancel_request", "cancel_word", "cancel_done", "cancel_other", "you_request"),
    "content.personal-info-request": ("personal_object", "personal_question", "request_verb", "request_polite", "records_purpose",
                                      "address_data"),
    "content.review-incentive": ("review_noun", "review_solicit", "review_conditional", "incentive_strong", "incentive_weak",
                                 "reward_amount", "reward_then", "review_verb"),
    "content.review-biased": ("review_noun", "review_solicit", "review_conditional", "review_biased", "biased_strong", "top_rating",
                              "gating_happy", "gating_unhappy", "rating_change", "honest", "review_verb"),
    "content.review-removal": ("review_noun", "review_removal", "rating_change", "gating_unhappy", "reported", "review_verb"),
}
# content.disrespect has none: its only cue would be its own lexicon concept, which the rule already judges
_CUE_SETS: dict[str, frozenset[str]] = {r: frozenset(names) for r, names in CUES.items()}
#: what a learned finding says, per rule (it names itself a learned reading and asks for a look)
READS_LIKE: dict[str, str] = {
    "content.promotion": "marketing or a promotion",
    "content.off-platform": "an off-platform contact request",
    "content.payment-account": "a payment outside the marketplace",
    "content.cancel-request": "asking the buyer to cancel",
    "content.personal-info-request": "a request for the buyer's personal data",
    "content.review-incentive": "a reward for a review",
    "content.review-biased": "asking for a positive review only",
    "content.review-removal": "asking to remove or change a review",
}


class ModelError(ReplykitError, ValueError):
    """The concept model file is unusable; the message names the file and what is wrong."""


# ---- features ------------------------------------------------------------------------------------
def char_grams(word: str) -> list[str]:
    """The char_wb n-grams of one white-space word (cut to :data:`MAX_WORD`), padded with spaces."""
    w = " " + word[:MAX_WORD] + " "
    n_lo, n_hi = CHAR_N
    return [w[i:i + n] for n in range(n_lo, n_hi + 1) for i in range(len(w) - n + 1)]


def _char_count(word: str) -> int:
    """``len(char_grams(word))`` without making them: a padded word of L >= 3 characters has 4L - 6."""
    return 4 * (min(len(word), MAX_WORD) + 2) - 6


def word_grams(text: str, neg_window: int = NEG_WINDOW) -> list[str]:
    """Word uni- and bigrams of ``text`` (``\\w+`` tokens), and its negated words (:func:`negated_words`)."""
    toks = _TOKEN.findall(text)
    bigrams = [a + " " + b for a, b in zip(toks, toks[1:])]
    return toks + bigrams + negated_words(text, neg_window) if neg_window else toks + bigrams


def negated_words(text: str, window: int = NEG_WINDOW) -> list[str]:
    """``"!" + word`` for each of the ``window`` words after a negation word (:data:`NEGATIONS`) in
    the same clause (up to a punctuation mark or a "but"): the model can tell "we accept PayPal" from "we do
    not accept PayPal", a feature a word n-gram only has when the two words are adjacent."""
    out: list[str] = []
    if not _HAS_NEGATION.search(text):
        return out
    for clause in _CLAUSE.split(text):
        left = 0
        for tok in _TOKEN.findall(clause):
            if tok in NEGATIONS:
                left = window
            elif left:
                out.append("!" + tok)
                left -= 1
    return out


def sentence_grams(text: str, neg_window: int = NEG_WINDOW, folded: bool = True) -> tuple[set[str], int, set[str], int]:
    """(char n-grams present, how many char n-grams, word n-grams present, how many word n-grams) of a
    normalised sentence: the model's whole input. Training uses exactly this."""
    text = fold(text[:MAX_SENTENCE]) if folded else text[:MAX_SENTENCE]
    chars: set[str] = set()
    n_char = 0
    for w in text.split():
        chars.update(char_grams(w))
        n_char += _char_count(w)
    words = word_grams(text, neg_window)
    return chars, n_char, set(words), len(words)


# ---- the model -----------------------------------------------------------------------------------
class ConceptModel:
    """Per-rule linear scores of a sentence. Immutable after loading apart from a bounded cache of
    words' feature rows (a dict; concurrent use from several threads is safe)."""

    def __init__(self, *, rules: tuple[str, ...], vocab: list[str], n_char: int, weights: np.ndarray, bias: np.ndarray,
                 thresholds: np.ndarray, sure: np.ndarray | None = None, meta: dict[str, Any], source: str = "<memory>"):
        self.rules = rules
        self.column = {r: j for j, r in enumerate(rules)}
        self.meta = meta
        self.source = source
        self._char_vocab = {g: i for i, g in enumerate(vocab[:n_char])}
        self._word_vocab = {g: i for i, g in enumerate(vocab[n_char:])}
        self._n_char = n_char
        self._w = weights
        self._wc = weights[:n_char]
        self._ww = weights[n_char:]
        self.bias = bias
        self.thresholds = thresholds
        #: per rule, the stricter level at which a finding keeps the profile's severity (NEVER: always a warning)
        self.sure = sure if sure is not None else np.full(len(rules), NEVER, np.float32)
        self._rows_of_word: dict[str, np.ndarray] = {}
        #: the negation scope its features were trained with (0: a model from before negated words were features)
        self.neg_window = int(meta.get("neg_window", 0))
        #: whether its features were read from :func:`fold` ed text (False: a model from before)
        self.folded = bool(meta.get("fold", False))

    def _word_rows(self, word: str) -> np.ndarray:
        """The vocabulary rows of one word's char n-grams (distinct), cached per word (as written: a word
        over :data:`MAX_WORD` characters has the rows of its cut, which is all :func:`char_grams` reads)."""
        got = self._rows_of_word.get(word)
        if got is None:
            get = self._char_vocab.get
            rows = {j for g in char_grams(word) if (j := get(g)) is not None}
            got = np.fromiter(rows, np.int64, len(rows))
            cache = self._rows_of_word
            if len(cache) >= _WORD_CACHE_MAX:
                cache.clear()
            cache[word] = got
        return got

    def score_many(self, sentences: Sequence[str]) -> np.ndarray:
        """The decision values (rows: ``sentences``, columns: :attr:`rules`) of normalised sentences, all
        at once: their n-grams' rows gathered into one (sentence, row) key array, made distinct per
        sentence, and one product with the weight matrix -- each present n-gram weighs 1/sqrt(the number
        of n-grams of its block in its sentence). :meth:`reference_scores` is the plain version."""
        n, n_vocab = len(sentences), len(self._w)
        out = np.repeat(self.bias[None, :], n, axis=0)
        parts: list[np.ndarray] = []
        per_sentence = np.zeros(n, np.int64)  # keys each sentence contributes (before de-duplication)
        char_scale = np.zeros(n, np.float32)
        word_scale = np.zeros(n, np.float32)
        word_get, off = self._word_vocab.get, self._n_char
        cached, word_rows = self._rows_of_word.get, self._word_rows
        for i, sentence in enumerate(sentences):
            text = fold(sentence[:MAX_SENTENCE]) if self.folded else sentence[:MAX_SENTENCE]
            n_char = count = 0
            for w in text.split():
                rows = cached(w)
                if rows is None:
                    rows = word_rows(w)
                parts.append(rows)
                count += len(rows)
                n_char += _char_count(w)
            grams = word_grams(text, self.neg_window)
            wrows = [j + off for g in grams if (j := word_get(g)) is not None]
            if wrows:
                parts.append(np.array(wrows, np.int64))
                count += len(wrows)
            per_sentence[i] = count
            char_scale[i] = 1.0 / math.sqrt(n_char) if n_char else 0.0
            word_scale[i] = 1.0 / math.sqrt(len(grams)) if grams else 0.0
        if not parts or not per_sentence.any():
            return out
        keys = np.concatenate(parts)
        if n > 1:
            keys += np.repeat(np.arange(n, dtype=np.int64) * n_vocab, per_sentence)
        keys.sort()  # grouped by sentence; then each (sentence, row) once (np.unique is slower on a few hundred)
        if len(keys) > 1:
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
        which = keys // n_vocab
        rows = keys - which * n_vocab
        x = np.where(rows < off, char_scale[which], word_scale[which])
        contrib = self._w[rows] * x[:, None]
        counts = np.bincount(which, minlength=n)
        has = counts > 0
        starts = (np.cumsum(counts) - counts)[has]
        out[has] += np.add.reduceat(contrib, starts, axis=0)
        return out

    def scores(self, sentence: str) -> np.ndarray:
        """The decision value of every rule (column order :attr:`rules`) for one normalised sentence."""
        return self.score_many([sentence])[0]

    def reference_scores(self, sentence: str) -> np.ndarray:
        """:meth:`scores` the plain way, from :func:`sentence_grams` as training computes them (no word
        cache, no shortcuts): tests prove the two agree."""
        chars, n_char, words, n_word = sentence_grams(sentence, self.neg_window, self.folded)
        out = self.bias.astype(np.float64)
        c = [self._char_vocab[g] for g in sorted(chars) if g in self._char_vocab]
        w = [self._word_vocab[g] for g in sorted(words) if g in self._word_vocab]
        if c:
            out = out + self._wc[c].astype(np.float64).sum(axis=0) / math.sqrt(n_char)
        if w:
            out = out + self._ww[w].astype(np.float64).sum(axis=0) / math.sqrt(n_word)
        return out

    def fires(self, sentence: str) -> list[str]:
        """The rules whose threshold ``sentence`` reaches (a plain reference for tests and tools)."""
        s = self.scores(sentence)
        return [r for j, r in enumerate(self.rules) if s[j] >= self.thresholds[j]]


def _array(data: Any, name: str, path: str) -> np.ndarray:
    if name not in data.files:
        raise ModelError(f"{path}: concept model has no {name!r} array")
    try:
        return data[name]
    except Exception as exc:  # a damaged member: zlib, CRC, a bad header
        raise ModelError(f"{path}: concept model array {name!r} is unreadable ({type(exc).__name__}: {exc})") from None


def load_model(path: str | Path) -> ConceptModel:
    """Read and validate a concept model file (an ``.npz`` written by ``tools/train_concept_model.py``)."""
    where = str(path)
    try:
        data = np.load(path, allow_pickle=False)
    except FileNotFoundError:
        raise ModelError(f"{where}: concept model file is missing") from None
    except Exception as exc:  # not a zip, truncated, a pickle, ...
        raise ModelError(f"{where}: concept model file is unreadable ({type(exc).__name__}: {exc})") from None
    if not isinstance(data, np.lib.npyio.NpzFile):
        raise ModelError(f"{where}: concept model file is not an .npz archive")
    with data:
        meta_raw, vocab_raw = _array(data, "meta", where), _array(data, "vocab", where)
        weights, bias, thresholds, sure = (_array(data, n, where) for n in ("weights", "bias", "thresholds", "sure"))
    try:
        meta = json.loads(bytes(meta_raw).decode("utf-8"))
        vocab = bytes(vocab_raw).decode("utf-8").split("\n") if vocab_raw.size else []
    except (UnicodeDecodeError, ValueError, TypeError) as exc:
        raise ModelError(f"{where}: concept model metadata or vocabulary is not valid UTF-8 JSON/text ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelError(f"{where}: concept model format {meta.get('format') if isinstance(meta, dict) else None!r} is not {FORMAT}")
    rules = meta.get("rules")
    n_char = meta.get("n_char")
    if not (isinstance(rules, list) and rules and all(isinstance(r, str) and r in CUES for r in rules)):
        raise ModelError(f"{where}: concept model 'rules' must list concept rule ids")
    if (meta.get("char_n") != list(CHAR_N) or meta.get("word_n") != list(WORD_N) or meta.get("max_word") != MAX_WORD
            or meta.get("neg_window", 0) not in (0, NEG_WINDOW)):
        raise ModelError(f"{where}: concept model was trained on other features than this code computes")
    k = len(rules)
    if not (isinstance(n_char, int) and 0 <= n_char <= len(vocab)):
        raise ModelError(f"{where}: concept model 'n_char' does not fit its vocabulary")
    for name, arr, shape in (("weights", weights, (len(vocab), k)), ("bias", bias, (k,)), ("thresholds", thresholds, (k,)),
                             ("sure", sure, (k,))):
        if arr.dtype != np.float32 or arr.shape != shape:
            raise ModelError(f"{where}: concept model array {name!r} is {arr.dtype}{list(arr.shape)}, expected float32{list(shape)}")
        if not np.isfinite(arr).all():
            raise ModelError(f"{where}: concept model array {name!r} holds a non-finite number")
    if len(set(vocab[:n_char])) != n_char or len(set(vocab[n_char:])) != len(vocab) - n_char:
        raise ModelError(f"{where}: concept model vocabulary repeats an n-gram")
    return ConceptModel(rules=tuple(rules), vocab=vocab, n_char=n_char, weights=np.ascontiguousarray(weights),
                        bias=bias, thresholds=thresholds, sure=sure, meta=meta, source=where)


def packaged_path() -> Path:
    return Path(str(resources.files("replykit") / "data" / "concept_model.npz"))


def packaged_veto_path() -> Path:
    return Path(str(resources.files("replykit") / "data" / "concept_veto.json"))


@once
def packaged_model() -> ConceptModel:
    """The model shipped with the package, loaded once (:meth:`~.checker.Checker.warm` loads it up front)."""
    return load_model(packaged_path())


def load_veto(path: str | Path, model: ConceptModel) -> dict[str, float]:
    """Read the veto thresholds (``data/concept_veto.json``, written by ``tools/evaluate_veto.py``): rule id ->
    the score under which ``model`` vetoes that rule's lexicon error. They were set on this model's training
    set; a file made for another one is a :class:`ModelError` (re-run the tool after retraining)."""
    where = str(path)
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{where}: concept veto file is missing") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelError(f"{where}: concept veto file is unreadable ({type(exc).__name__}: {exc})") from None
    thresholds = doc.get("thresholds") if isinstance(doc, dict) else None
    if not isinstance(thresholds, dict) or not all(
            r in model.column and type(t) in (int, float) and math.isfinite(t) for r, t in thresholds.items()):
        raise ModelError(f"{where}: concept veto 'thresholds' must map the model's rule ids to finite numbers")
    if doc.get("model_training_set_sha256") != model.meta.get("training_set_sha256"):
        raise ModelError(f"{where}: concept veto thresholds were set for another concept model (run tools/evaluate_veto.py --write)")
    return {r: float(t) for r, t in thresholds.items()}


@once
def packaged_veto() -> dict[str, float]:
    """The shipped veto thresholds of :func:`packaged_model`, loaded once."""
    return load_veto(packaged_veto_path(), packaged_model())


#: a sentence that reads like one of these rules (at or above its veto threshold) is no veto for the key rule:
#: paying the seller directly is also taking the sale off the platform
VETO_KIN: dict[str, tuple[str, ...]] = {"content.off-platform": ("content.payment-account",)}


def veto(hit: Hit, rule_id: str, model: ConceptModel, thresholds: dict[str, float]) -> Hit:
    """A concept rule's lexicon error, capped at warning when ``model`` scores its sentence for ``rule_id``
    under the rule's veto threshold: the phrase matched, but the sentence does not read like the rule
    (a buyer's request quoted and declined, a policy explained, an innocent mention). Other hits as given."""
    t = thresholds.get(rule_id)
    if t is None or hit.sentence is None or not hit.sentence.strip():
        return hit
    scores = model.scores(hit.sentence)
    score = float(scores[model.column[rule_id]])
    if score >= t or any(k in thresholds and scores[model.column[k]] >= thresholds[k] for k in VETO_KIN.get(rule_id, ())):
        return hit
    return hit._replace(cap="warning", message=f"{hit.message} -- but the sentence does not read like {READS_LIKE[rule_id]} "
                                              f"to the concept model (score {score - t:+.2f} under its veto threshold); check it")


# ---- the second opinion ----------------------------------------------------------------------------
def cued_sentences(view: "MessageView", seg: "Segment", rule_id: str, *, search: bool = False) -> set[int]:
    """Indices of the segment's sentences (:meth:`~.view.MessageView.sentences`) in which a cue concept of
    ``rule_id`` matches, in the text the concept rules read (:attr:`~.view.Segment.heard`).

    At lint time only the matches the rules already found count (:meth:`~.view.Segment.found_so_far`):
    the gate costs a few look-ups, never a new search. Training (``search=True``) searches every cue
    concept, so its thresholds are set on a superset of the sentences the gate lets through."""
    if search:
        found_by_name = {name: view.matches(seg, name) for name in CUES[rule_id] if view.has(name)}
    else:
        so_far = seg.found_so_far()
        found_by_name = {name: so_far[name] for name in _CUE_SETS[rule_id].intersection(so_far)}
    starts: list[int] | None = None
    out: set[int] = set()
    for found in found_by_name.values():
        if found:
            if starts is None:
                starts = [o for o, _t in view.sentences(seg)]
            out.update(max(0, bisect_right(starts, m.start()) - 1) for m in found)
    return out


def _finding(seg: "Segment", start: int, end: int, rule_id: str, score: float, model: ConceptModel) -> Hit:
    """A learned finding: a warning, or -- at or above the rule's stricter "sure" level -- at the profile's severity."""
    j = model.column[rule_id]
    over = float(score - model.thresholds[j])
    if score >= model.sure[j]:
        return seg.hit(start, end, f"reads like {READS_LIKE[rule_id]} (learned model, sure: score {over:+.2f} over its threshold)")
    return seg.hit(start, end, f"reads like {READS_LIKE[rule_id]} (learned model, score {over:+.2f} over its threshold); check it",
                   "warning")


def _pick(scored: Iterator[tuple[Any, float]], threshold: float, sure: float) -> tuple[Any, float] | None:
    """The first item whose score reaches ``sure``, else the first that reaches ``threshold``."""
    first = None
    for item, score in scored:
        if score >= sure:
            return item, score
        if first is None and score >= threshold:
            first = item, score
    return first


def second_opinion(view: "MessageView", rule_id: str, model: ConceptModel) -> Iterator[Hit]:
    """The plain reference of :class:`SecondOpinion`, asked right after the rule ran: at most one hit, for
    the first sentence cued for ``rule_id`` that ``model`` scores (one at a time, the plain way) at or above
    the rule's "sure" level (the profile's severity), else the first at or above its threshold (a warning),
    reading at most :data:`MAX_SCORED` sentences."""
    j = model.column.get(rule_id)
    if j is None:
        return
    read = []
    for seg in view.texts:
        sents, said = view.sentences(seg), seg.said
        for i in sorted(cued_sentences(view, seg, rule_id)):
            off, s = sents[i]
            sentence = said[off:off + len(s)]
            if not sentence.isspace():  # a quoted buyer line, a reply's subject
                read.append((seg, off, sentence))
    picked = _pick((((seg, off, t), model.reference_scores(t)[j]) for seg, off, t in read[:MAX_SCORED]),
                   model.thresholds[j], model.sure[j])
    if picked is not None:
        (seg, off, sentence), score = picked
        yield _finding(seg, off, off + len(sentence), rule_id, score, model)


class Asked(NamedTuple):
    """A concept rule that found nothing, asking for the model's reading (see :meth:`SecondOpinion.ask`)."""

    rule_id: str
    at: int  # where in the findings its finding goes
    cues: tuple[tuple[str, ...], ...]  # per segment of view.texts: the rule's cue concepts found by then


class SecondOpinion:
    """The learned model's reading of one message, for every concept rule that asks.

    While the rules run, each concept rule that found nothing :meth:`ask` s: that notes which of its cue
    concepts the rules had found by then (a few set look-ups). :meth:`hits` then works for all of them at
    once: each cue concept's sentences are located once, every cued sentence any rule will read is
    featurised and scored once (:meth:`ConceptModel.score_many`, one product with the weight matrix, the
    scores memoised in the view), and each rule gets at most one hit: its first cued sentence at or above
    the rule's "sure" level (at the profile's severity), else its first at or above its threshold (a
    ``warning``). :func:`second_opinion` is the plain reference, rule by rule."""

    def __init__(self, view: "MessageView", model: ConceptModel):
        self.view = view
        self.model = model
        self._asked: list[Asked] = []

    def ask(self, rule_id: str, at: int) -> None:
        """Rule ``rule_id`` found nothing; its finding, if any, goes at position ``at`` of the findings."""
        names = CUES.get(rule_id)
        if names is None or rule_id not in self.model.column:
            return
        cues = []
        for seg in self.view.texts:
            so_far = seg.found_so_far()
            cues.append(tuple(name for name in names if so_far.get(name)))  # matched, not only searched for
        if any(cues):
            self._asked.append(Asked(rule_id, at, tuple(cues)))

    def _sentences_of(self, k: int, name: str, located: dict[tuple[int, str], set[int]], starts: dict[int, list[int]]) -> set[int]:
        """Indices of the sentences of segment ``k`` in which concept ``name`` matched (memos of one hits() call:
        ``located`` by segment and concept, ``starts``: each segment's sentence offsets)."""
        got = located.get((k, name))
        if got is None:
            seg = self.view.texts[k]
            if k not in starts:
                starts[k] = [o for o, _t in self.view.sentences(seg)]
            got = located[k, name] = {max(0, bisect_right(starts[k], m.start()) - 1) for m in seg.found_so_far()[name]}
        return got

    def hits(self) -> list[tuple[int, str, Hit]]:
        """(position, rule id, hit) for every rule that asked and whose reading crosses its threshold."""
        if not self._asked:
            return []
        view, model = self.view, self.model
        located: dict[tuple[int, str], set[int]] = {}
        starts: dict[int, list[int]] = {}
        plans: list[tuple[Asked, list[tuple[int, int, str]]]] = []  # per rule: (segment, offset, sentence) it reads
        for asked in self._asked:
            budget = MAX_SCORED
            plan: list[tuple[int, int, str]] = []
            for k, (seg, names) in enumerate(zip(view.texts, asked.cues)):
                if not names or budget <= 0:
                    continue
                cued: set[int] = set()
                for name in names:
                    cued |= self._sentences_of(k, name, located, starts)
                sents, said = view.sentences(seg), seg.said
                for i in sorted(cued):
                    off, s = sents[i]
                    sentence = said[off:off + len(s)]
                    if sentence.isspace():
                        continue  # a quoted buyer line, a reply's subject
                    plan.append((k, off, sentence))
                    budget -= 1
                    if budget <= 0:
                        break
            plans.append((asked, plan))
        scores = self._scores({(k, off): sentence for _asked, plan in plans for k, off, sentence in plan})
        out = []
        for asked, plan in plans:
            j = model.column[asked.rule_id]
            picked = _pick((((k, off, t), scores[k][off][j]) for k, off, t in plan), model.thresholds[j], model.sure[j])
            if picked is not None:
                (k, off, sentence), score = picked
                out.append((asked.at, asked.rule_id, _finding(view.texts[k], off, off + len(sentence), asked.rule_id, score, model)))
        return out

    def _scores(self, wanted: dict[tuple[int, int], str]) -> list[dict[int, np.ndarray]]:
        """Per segment of ``view.texts``: offset -> scores, memoised in the view (:meth:`~.view.MessageView.once`);
        the ``wanted`` sentences not scored yet are scored together (:meth:`ConceptModel.score_many`, in
        chunks of :data:`_CHUNK`, so memory stays bounded)."""
        memos: list[dict[int, np.ndarray]] = [self.view.once(seg, "learned-scores", lambda _s: {}) for seg in self.view.texts]
        todo = [key for key in wanted if key[1] not in memos[key[0]]]
        for lo in range(0, len(todo), _CHUNK):
            chunk = todo[lo:lo + _CHUNK]
            for (k, off), row in zip(chunk, self.model.score_many([wanted[key] for key in chunk])):
                memos[k][off] = row
        return memos


__all__ = ["CUES", "Asked", "ConceptModel", "ModelError", "SecondOpinion", "cued_sentences", "load_model", "load_veto", "packaged_model",
           "negated_words", "packaged_veto", "second_opinion", "sentence_grams", "veto", "word_grams"]
