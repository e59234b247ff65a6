"""Language identification for the locale rules, offline, with py3langid (model ships in the wheel).

Short texts full of order ids and prices fool every detector, so before judging we strip URLs, e-mail
addresses, numbers, order ids and quoted buyer text, then judge paragraph by paragraph: a block needs
``MIN_LETTERS`` letters (CJK characters count double) or it is not judged, and a message is "in"
a language when that language holds at least ``min_share`` of the judged letters -- so a bilingual
EN/FR Canadian reply passes for both. Script shortcuts: kana -> ja, Hangul -> ko, Han only -> zh,
Arabic script -> ar, Hebrew -> he (the statistical model is only asked about Latin-script text).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterator

from .lexicon import SHIPPED_LANGUAGES
from .textutil import latin1_bytes, lower, plain_ascii

MIN_LETTERS = 40
_URL_ALT = r"\b(?:https?://|www\.)\S+"
_MAIL_ALT = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# ids and numbers; the look-ahead (letters, then a digit) only lets ``re`` give up on a plain word at once
_ID_ALT = r"\b(?=[A-Z]*+\d)[A-Z0-9]*\d[A-Z0-9-]*\b"
_QUOTE_ALT = r"[«“„\"][^«»“”„\"\n]{0,400}[»”\"]"
_STRIP = re.compile("(?i)" + "|".join((_URL_ALT, _MAIL_ALT, _ID_ALT, _QUOTE_ALT)))
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
_LETTER = re.compile(r"[^\W\d_]")
_NON_LETTERS = re.compile(r"[\W\d_]+")  # the complement of _LETTER, in runs
_ASCII_NON_LETTERS_GONE = str.maketrans("", "", "".join(chr(c) for c in range(128) if not chr(c).isalpha()))
_CJK_ANY = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7af]")
# the bytes of Latin-1 characters that ``_LETTER`` does not match (taken from the pattern itself)
_LATIN1_NON_LETTERS = bytes(c for c in range(256) if not _LETTER.match(chr(c)))
_NON_LATIN = re.compile(r"[\u0590-\u08ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_BLOCK_SPLIT = re.compile(r"\n\s*\n|\n")

ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "fil": "tl", "zh-hant": "zh", "zh-hans": "zh"}


def base_language(locale: str) -> str:
    """'de-DE' / 'de_DE' / 'zh-Hant-TW' -> 'de' / 'zh'; aliases folded ('nb' -> 'no')."""
    tag = (locale or "").strip().replace("_", "-").lower()
    if not tag:
        return ""
    tag = tag.split(".")[0].split("@")[0]
    lang = tag.split("-")[0]
    return ALIASES.get(lang, lang)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return ident


@lru_cache(maxsize=16)
def _restricted(langs: tuple[str, ...]) -> "_Classifier":
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(ident.nb_classes)
    ident.set_languages([lang for lang in langs if lang in known])
    return _Classifier(ident)


_WALK_MEMO_MAX = 50_000


class _Classifier:
    """py3langid's ``classify`` on a restricted model, without most of its per-call cost.

    The same model and features as ``LanguageIdentifier._decide`` (its plain reference, which the tests
    compare against): DFA walk over the UTF-8 bytes, naive Bayes over the byte n-gram counts, softmax at
    temperature sqrt(bytes). Three things differ. The model's float16 table is widened to float32 once
    (numpy multiplies in float32 either way, so the class scores are bit-identical). The softmax over the
    ten-odd class scores runs on Python floats (float64) instead of six numpy calls on a tiny array: the
    language is the same and the confidence differs from the library's float32 one by about 1e-7, far
    below any threshold the rules use (0.5, 0.95, 0.9999). And the DFA walk is memoised per (state,
    word + space): the walk is a Python loop over a 39 MB transition table, while the words of seller
    messages recur all the time; the memo yields the same features in the same order. Anything
    unexpected in the library's internals -> plain ``ident.classify``.
    """

    __slots__ = ("ident", "fast", "np", "table", "pc", "classes", "nm", "rowbase", "out", "memo")

    #: how far :meth:`classify`'s confidence may be from the library's (float64 vs float32 softmax)
    TOLERANCE = 1e-5

    def __init__(self, ident) -> None:
        self.ident = ident
        self.fast = False
        try:
            import numpy as np
            from py3langid.langid import visit_counts

            if ident._alias_pairs or not ident._norm_probs or ident.min_confidence is not None:
                return
            self.np = np
            self.table = np.ascontiguousarray(ident.nb_ptc, dtype=np.float32)
            self.pc = ident.nb_pc
            self.classes = list(ident.nb_classes)
            self.nm, self.rowbase, self.out = ident.tk_nextmove, ident._rowbase, ident.tk_output
            self.memo: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}
            probe = "Thank you for your order,  we will ship it tomorrow. Merci pour votre commande. "
            self.fast = True
            data = ident._encode(probe)
            lang, prob = ident.classify(probe)
            got = self.classify(probe)
            if (self.walk(data) != visit_counts(self.nm, self.rowbase, self.out, data)
                    or got[0] != lang or abs(got[1] - float(prob)) > self.TOLERANCE):  # pragma: no cover - library changed
                self.fast = False
        except (AttributeError, ImportError, TypeError, ValueError):  # pragma: no cover - library changed
            self.fast = False

    def _step(self, state: int, chunk: bytes) -> tuple[int, tuple[int, ...]]:
        """py3langid's ``visit_counts`` loop over one chunk from ``state``: (end state, features in order)."""
        nm, rowbase, out = self.nm, self.rowbase, self.out
        feats = []
        for letter in chunk:
            state = nm[rowbase[state] + letter]
            f = out[state]
            if f >= 0:
                feats.append(f)
        return state, tuple(feats)

    def walk(self, data: bytes) -> Counter[int] | None:
        """``visit_counts(data)``: the same features in the same order, memoised word by word."""
        memo = self.memo
        if len(memo) > _WALK_MEMO_MAX:
            memo.clear()
        feats: list[int] = []
        state = 0
        words = data.split(b" ")
        last = words.pop()
        for w in words:
            got = memo.get((state, w))
            if got is None:
                got = memo[(state, w)] = self._step(state, w + b" ")
            state, fs = got
            if fs:
                feats += fs
        if last:
            feats += self._step(state, last)[1]
        return Counter(feats) if feats else None

    def classify(self, text: str) -> tuple[str, float]:
        if not self.fast:
            lang, prob = self.ident.classify(text)
            return lang, float(prob)
        np = self.np
        data = self.ident._encode(text)
        visits = self.walk(data)
        if visits:
            idx = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
            counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
            scores = (np.log1p(counts) @ self.table[idx] + self.pc).tolist()
        else:
            scores = [0.0] * len(self.classes)  # no feature: uniform, as the library says
        best = max(scores)
        i = scores.index(best)  # the first of equal scores, as numpy's argmax
        t = 1.0 / math.sqrt(len(data) or 1)
        return self.classes[i], 1.0 / sum(math.exp((x - best) * t) for x in scores)


@lru_cache(maxsize=8)
def _strip_rx(url: bool, mail: bool, ascii: bool = False) -> re.Pattern[str]:
    alts = [a for a, on in ((_URL_ALT, url), (_MAIL_ALT, mail), (_ID_ALT, True), (_QUOTE_ALT, True)) if on]
    return re.compile("(?i)" + "|".join(alts), re.ASCII if ascii else 0)


def strip_noise(text: str) -> str:
    """``_STRIP.sub(" ", text)``, leaving out the alternatives the text cannot match.

    Dropping an alternative that cannot match anywhere changes no match. Most texts hold no URL,
    e-mail address or quotation mark, and then only ids are stripped, by :func:`_strip_ids`: the
    regex would try its alternation at every character (a third of a language check).
    """
    low = lower(text)
    url = "://" in text or "www." in low
    mail = "@" in text
    if not (mail or "«" in text or "“" in text or "„" in text or '"' in text):
        if not url:
            return _strip_ids(text)
        if len(low) == len(text):
            return _strip_urls_and_ids(text, low)
    return _strip_rx(url, mail, plain_ascii(text)).sub(" ", text)  # see textutil.Twin


_ID_RX = re.compile("(?i)" + _ID_ALT)
_DIGIT = re.compile(r"\d")
_ID_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u0130\u0131\u017f\u212a")  # = (?i)[A-Z]


def _strip_urls_and_ids(text: str, low: str) -> str:
    """``_strip_rx(True, False).sub(" ", text)`` for text without e-mail addresses or quotes.

    Then no match spans a space, and the pattern looks no further than the characters next to a
    match, so any stretch between spaces can be cleaned on its own: the words holding a URL start
    with the whole pattern, the rest with :func:`_strip_ids`. ``low`` is ``text.lower()``, same length.
    """
    rx = _strip_rx(True, False, plain_ascii(text))
    starts = [i for marker in ("://", "www.") for i in _occurrences(low if marker == "www." else text, marker)]
    out: list[str] = []
    done = 0  # text[:done] is in out; always at a word's start or the end
    for i in sorted(starts):
        if i < done:
            continue
        a = text.rfind(" ", 0, i) + 1
        b = text.find(" ", i)
        b = len(text) if b < 0 else b
        out.append(_strip_ids(text[done:a]))
        out.append(rx.sub(" ", text[a:b]))
        done = b
    out.append(_strip_ids(text[done:]))
    return "".join(out)


def _occurrences(text: str, sub: str) -> Iterator[int]:
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)


def _strip_ids(text: str) -> str:
    """``_ID_RX.sub(" ", text)``, trying the pattern only where an id can start.

    An id match starts at a word start followed by letters up to a digit (its look-ahead), so for each
    digit the only candidate is where the letters before it begin; nothing left of that candidate
    and right of the previous match can start one.
    """
    search, match = _DIGIT.search, _ID_RX.match
    out: list[str] = []
    pos = 0  # text[:pos] is done
    at = 0  # next digit to look from
    n = len(text)
    while at < n:
        d = search(text, at)
        if d is None:
            break
        s = d.start()
        while s > pos and text[s - 1] in _ID_LETTERS:
            s -= 1
        m = match(text, s)
        if m is None:
            at = d.start() + 1
            continue
        out.append(text[pos:s])
        out.append(" ")
        pos = at = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def blocks_for_language(text: str) -> list[tuple[str, int]]:
    """Cleaned blocks with their letter weight; a block too short to judge joins the next one."""
    out: list[tuple[str, int]] = []
    pending, pending_w = "", 0
    for raw in _BLOCK_SPLIT.split(text):
        cleaned = strip_noise(raw).strip() if raw.strip() else ""
        if not cleaned:
            continue
        w = _weight(cleaned)
        pending, pending_w = ((pending + " " + cleaned) if pending else cleaned), pending_w + w
        if pending_w >= MIN_LETTERS:
            out.append((pending, pending_w))
            pending, pending_w = "", 0
    if pending:
        if out:  # a short trailing line (sign-off) joins the previous judged block
            t, w = out[-1]
            out[-1] = (t + " " + pending, w + pending_w)
        elif pending_w >= MIN_LETTERS:
            out.append((pending, pending_w))
    return out


def _letters(text: str) -> int:
    """``len(_LETTER.findall(text))``."""
    return _letters_latin1(text)[0]


def _letters_latin1(text: str) -> tuple[int, bool]:
    """(``len(_LETTER.findall(text))``, every character below U+0100). ASCII text (letters are exactly
    A-Z, a-z) is counted by str.translate, other Latin-1 text by bytes.translate; the regex, which
    looks each character's category up, only counts the rest."""
    if text.isascii():
        return len(text.translate(_ASCII_NON_LETTERS_GONE)), True
    raw = latin1_bytes(text)
    if raw is not None:
        return len(raw.translate(None, _LATIN1_NON_LETTERS)), True
    return len(_NON_LETTERS.sub("", text)), False


def _weight(text: str) -> int:
    letters, latin1 = _letters_latin1(text)
    if not latin1 and _CJK_ANY.search(text):
        letters += len(_CJK_ANY.findall(text))  # CJK characters count double: each carries a word
    return letters


@lru_cache(maxsize=64)
def _latin(candidates: tuple[str, ...]) -> tuple[str, ...]:
    """The candidates the statistical model is asked about (script shortcuts handle the others)."""
    return tuple(c for c in candidates if c not in ("ja", "zh", "ko", "ar", "he", "fa", "ur")) or ("en",)


def identify(text: str, candidates: tuple[str, ...] = SHIPPED_LANGUAGES) -> tuple[str, float]:
    """Language of one block: script shortcuts first, then py3langid restricted to ``candidates``."""
    if not text.isascii() and _NON_LATIN.search(text):
        letters = max(1, _letters(text))
        kana = len(_KANA.findall(text))
        han = len(_HAN.findall(text))
        if kana and (kana + han) / letters > 0.3:
            return "ja", 1.0
        if han / letters > 0.3:
            return "zh", 1.0
        if len(_HANGUL.findall(text)) / letters > 0.3:
            return "ko", 1.0
        if len(_ARABIC.findall(text)) / letters > 0.3:
            return "ar", 1.0
        if len(_HEBREW.findall(text)) / letters > 0.3:
            return "he", 1.0
    ident = _restricted(_latin(candidates))
    lang, prob = ident.classify(text)
    return lang, float(prob)


def head_language(text: str, candidates: tuple[str, ...]) -> tuple[str, float] | None:
    """(language, confidence) of the body's opening: the first ~600 characters cleaned, the first 240
    judged; None when that opening is too short to judge."""
    head = strip_noise(text[:600])
    head = " ".join(head.split())[:240]
    if _weight(head) < MIN_LETTERS * 2:
        return None
    return identify(head, candidates)


def quick_language(text: str, candidates: tuple[str, ...], expect: tuple[str, ...],
                   head: tuple[str, float] | None | bool = False) -> dict[str, float] | None:
    """The common case cheaply: the opening of the body is confidently one of ``expect``.

    None means "look closer" (block by block), e.g. for a short, mixed or wrong-language message.
    ``head`` is :func:`head_language`'s answer when the caller already has it (both locale rules ask).
    """
    guess = head_language(text, candidates) if head is False else head
    if guess is not None and guess[0] in expect and guess[1] >= 0.95:
        return {guess[0]: 1.0}
    return None


def language_shares(blocks: list[tuple[str, int]], candidates: tuple[str, ...], expect: tuple[str, ...] = ()) -> dict[str, float]:
    """Share of judged letters per language (blocks below 0.5 confidence are not counted).

    Shortcut: when the whole sample is confidently one of ``expect``, the per-block pass (needed only
    to score bilingual messages) is skipped.
    """
    if blocks:
        whole = " ".join(t for t, _w in blocks)[:240]
        lang, prob = identify(whole, candidates)
        if expect and lang in expect and prob >= 0.95:
            return {lang: 1.0}
        if prob >= 0.9999 and len(blocks) <= 2:
            return {lang: 1.0}  # one language throughout: a second one would lower the confidence
    totals: dict[str, int] = {}
    judged = 0
    for text, weight in blocks[:12]:
        lang, prob = identify(text[:600], candidates)
        if prob < 0.5:
            continue
        judged += weight
        totals[lang] = totals.get(lang, 0) + weight
    if not judged:
        return {}
    return {k: v / judged for k, v in totals.items()}
