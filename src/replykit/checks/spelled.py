"""Numbers written partly in words, read as digits: 'zero six 12 48 93 07', 'sıfır beş yüz otuz iki 418 27 63',
'szescset dwanascie - 345 - 678', '零九零 1234 5678'.

The words of every shipped language are data (``data/number_words.json``): units, teens, tens, hundreds
written as one word, 'hundred' as a multiplier, and the connectors of compounds ('zweiundvierzig',
'tweeënveertig', 'trentadue' are split into their pieces). A *run* is a stretch of number words and digit
groups separated only by spaces, dashes, dots, commas or brackets; words that are also articles or everyday
words ('un', 'een', 'bir', 'due', 'on') count only next to another number word, not at a run's end next to digits or alone. Each word group is read
the way it is said -- 'otuz iki' is 32, 'beş yüz otuz iki' 532, 'zero six' 0 then 6 -- and the groups are
written one after the other. Whether the digits are a telephone number is the caller's question
(:func:`~.phone.find_spelled_phones`); this module only reads.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterator, NamedTuple


class _Word(NamedTuple):
    kind: str  # u(nit) t(een) x (tens) h(undreds, one word) m(ultiplier 100) c(onnector)
    value: int
    unit_first: bool  # the language says the unit before the tens ('vierundzwanzig')


class SpelledRun(NamedTuple):
    start: int
    end: int
    digits: str
    words: int  # how many number words or CJK digit runs (not digit groups) it holds


class _Vocab(NamedTuple):
    words: dict[str, _Word]
    edge: frozenset[str]
    plain: frozenset[str]  # number words that are nothing else (not an edge word, not a connector)
    cjk: dict[str, int]
    pieces: dict[str, tuple[str, ...]]  # per first letter: the words and connectors, longest first


_KINDS = (("units", "u"), ("teens", "t"), ("tens", "x"), ("hundreds", "h"))
#: longest word split into pieces (compounds are shorter; a longer word is no number)
MAX_COMPOUND = 32
#: most characters a run may span (a phone number said in words is rarely longer)
MAX_RUN_CHARS = 160


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = json.loads((resources.files("replykit") / "data" / "number_words.json").read_text(encoding="utf-8"))["languages"]
    words: dict[str, _Word] = {}
    edge: set[str] = set()
    cjk: dict[str, int] = {}
    for lang in data.values():
        if "digits" in lang:
            cjk.update(lang["digits"])
            continue
        first = bool(lang.get("unit_before_tens"))
        for key, kind in _KINDS:
            for w, v in lang.get(key, {}).items():
                words.setdefault(w, _Word(kind, v, first))
        for w in lang.get("hundred", ()):
            words.setdefault(w, _Word("m", 100, first))
        for w in lang.get("connectors", ()):
            words.setdefault(w, _Word("c", 0, first))
        edge |= set(lang.get("edge_only_inside", ()))
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w)
    pieces = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}
    plain = frozenset(w for w, v in words.items() if w not in edge and v.kind != "c")
    return _Vocab(words, frozenset(edge), plain, cjk, pieces)


def _split(word: str, vocab: _Vocab) -> list[_Word] | None:
    """A compound ('trentadue', 'zweiundvierzig', 'trettiotvå') as its pieces, or None when it is no number."""
    if len(word) > MAX_COMPOUND:
        return None
    memo: dict[int, list[_Word] | None] = {}

    def at(i: int) -> list[_Word] | None:
        if i == len(word):
            return []
        if i in memo:
            return memo[i]
        memo[i] = None
        for p in vocab.pieces.get(word[i], ()):
            if word.startswith(p, i):
                rest = at(i + len(p))
                if rest is not None:
                    memo[i] = [vocab.words[p], *rest]
                    break
        return memo[i]

    got = at(0)
    if not got or got[0].kind == "c" or got[-1].kind == "c":
        return None
    return got


def _compound_value(parts: list[_Word]) -> int | None:
    """One number from a compound's pieces, or None when they do not make one ('tretre')."""
    if len(parts) == 3 and parts[0].kind == "u" and parts[1].kind == "c" and parts[2].kind == "x" and parts[0].unit_first:
        return parts[2].value + parts[0].value  # 'vier|und|zwanzig', 'twee|ën|veertig'
    groups = _read([p for p in parts if p.kind != "c"])
    return int(groups[0]) if len(groups) == 1 else None


def _read(words: list[_Word]) -> list[str]:
    """Word groups read as they are said: 'otuz iki' -> ['32'], 'zero six' -> ['0', '6'], 'beş yüz otuz iki' -> ['532']."""
    out: list[str] = []
    cur: int | None = None
    for w in words:
        k, v = w.kind, w.value
        if k == "c":
            continue
        if k == "m":
            if cur is not None and 0 < cur < 10:
                cur *= 100
                continue
            if cur is not None:
                out.append(str(cur))
            cur = 100
            continue
        if cur is not None:
            hundreds = cur >= 100 and cur % 100 == 0
            tens = cur % 10 == 0 and 20 <= cur % 100
            if (k in "xt" and hundreds) or (k == "u" and (hundreds or tens)) or (k == "t" and cur % 100 in (60, 80) and cur < 100):
                cur += v  # 'cinq cent' + 'douze'; 'otuz' + 'iki'; 'soixante' + 'douze'
                continue
            out.append(str(cur))
        cur = v
    if cur is not None:
        out.append(str(cur))
    return out


_TOKEN = re.compile(r"\d+|[〇零一幺二两三四五六七八九]+|[^\W\d_〇零一幺二两三四五六七八九]+")
_GAP = re.compile(r"[\s\-.,/()]{0,3}")


class _Tok(NamedTuple):
    start: int
    end: int
    digits: str | None  # a digit group (or CJK digits) as written
    word: list[_Word] | None  # a number word (several for a compound)
    edge: bool  # counts only inside a run
    connector: bool
    spelled: bool = True  # a word or CJK digits, not digits as written


def _token(m: re.Match[str], vocab: _Vocab) -> _Tok | None:
    t = m.group()
    if t[0].isdigit():
        return _Tok(m.start(), m.end(), t, None, False, False, False)
    if t[0] in vocab.cjk:
        if len(t) < 3:  # '一' and '二' are everyday words in Chinese and Japanese; three digits in a row are a number
            return None
        return _Tok(m.start(), m.end(), "".join(str(vocab.cjk[ch]) for ch in t), None, False, False)
    w = vocab.words.get(t)
    if w is not None:
        return _Tok(m.start(), m.end(), None, [w], t in vocab.edge, w.kind == "c")
    parts = _split(t, vocab)
    if parts is None:
        return None
    value = _compound_value(parts)
    if value is None:
        return None
    return _Tok(m.start(), m.end(), None, [_Word("u" if value < 10 else "t" if value < 20 else "x" if value < 100 else "h", value, False)],
                False, False)


_CJK_DIGITS = re.compile(r"[〇零一幺二两三四五六七八九]{3}")


def may_hold_number_words(words: set[str], norm: str) -> bool:
    """Cheap necessary condition for a run: one of the text's words (``Words.words``) is a number word that
    is nothing else, or three Chinese or Japanese digits stand in a row."""
    vocab = _vocab()
    return not words.isdisjoint(vocab.plain) or (not norm.isascii() and _CJK_DIGITS.search(norm) is not None)


def spelled_runs(norm: str) -> Iterator[SpelledRun]:
    """Runs of number words and digit groups in normalised text that hold at least one word, with their digits."""
    vocab = _vocab()
    run: list[_Tok] = []
    long = False  # the run has grown past MAX_RUN_CHARS: it is dropped (and not kept growing)
    prev_end = -1
    for m in _TOKEN.finditer(norm):
        tok = _token(m, vocab)
        joined = prev_end >= 0 and _GAP.fullmatch(norm, prev_end, m.start()) is not None
        if tok is None or not joined:
            if not long:
                yield from _finish(run)
            run, long = [], False
        if tok is not None:
            prev_end = m.end()
            if run and m.end() - run[0].start > MAX_RUN_CHARS:
                long, run = True, run[:1]
            if not long:
                run.append(tok)
        else:
            prev_end = -1
    if not long:
        yield from _finish(run)


def _finish(run: list[_Tok]) -> Iterator[SpelledRun]:
    while run and run[0].connector:
        run = run[1:]
    while run and run[-1].connector:
        run = run[:-1]
    # an article or everyday word at an end, next to digits or alone ('un message', 'due 12 48 ...'), is no digit;
    # next to a number word that is nothing else it is one ('oh seven', 'uno due tre' after 'tre tre tre')
    while run and run[0].edge and (len(run) == 1 or not run[1].spelled or run[1].edge):
        run = run[1:]
    while run and run[-1].edge and (len(run) == 1 or not run[-2].spelled or run[-2].edge):
        run = run[:-1]
    if not run:
        return
    words = sum(1 for t in run if t.spelled)
    if not words:
        return  # digits as written: the plain phone search judges them
    groups: list[str] = []
    pending: list[_Word] = []
    for t in run:
        if t.word is not None:
            pending += t.word
            continue
        groups += _read(pending)
        pending = []
        groups.append(t.digits or "")
    groups += _read(pending)
    yield SpelledRun(run[0].start, run[-1].end, "".join(groups), words)
