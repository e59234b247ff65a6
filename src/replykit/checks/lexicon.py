"""Multilingual keyword concepts (``data/lexicon.json``) compiled into regexes.

Every concept (review request, incentive, coupon, payment rail …) lists fragments for each shipped
language. They are matched on :func:`~.textutil.normalise`-d text. Latin-script fragments get word
boundaries; Japanese, Chinese and Arabic ones do not (no spaces, attached prefixes). A fragment
starting with ``~`` is boundary-free in any language.

Speed: a regex of a few hundred alternatives costs ~50 µs per kilobyte, and a message is checked
against ~40 concepts. So each fragment's *anchor* -- a literal word prefix every match must start a
word with -- is extracted at compile time, and a concept's regex runs only when one of its anchors
is among the text's word prefixes (:class:`Words`, computed once per text). CJK and Arabic
alternatives run only when the text contains that script.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterator

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    from re._constants import AT, BRANCH, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    from sre_constants import AT, BRANCH, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN  # type: ignore[no-redef]

SHIPPED_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "tr", "ja", "zh", "ar")
_SCRIPT_OF = {"ja": "cjk", "zh": "cjk", "ar": "arabic"}
HAS_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
HAS_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
MAX_ANCHOR = 10
_WORD = re.compile(r"\w+")


class Words:
    """Word prefixes of a normalised text (up to MAX_ANCHOR chars) and which scripts it holds."""

    __slots__ = ("prefixes", "cjk", "arabic")

    def __init__(self, text: str):
        pre: set[str] = set()
        add = pre.add
        for w in set(_WORD.findall(text)):
            n = min(len(w), MAX_ANCHOR)
            for k in range(1, n + 1):
                add(w[:k])
        self.prefixes = pre
        self.cjk = bool(HAS_CJK.search(text))
        self.arabic = bool(HAS_ARABIC.search(text))


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads((resources.files("replykit") / "data" / "lexicon.json").read_text(encoding="utf-8"))


def _is_word_char(code: int) -> bool:
    ch = chr(code)
    return ch.isalnum() or ch == "_"


try:
    from re._constants import CATEGORY, CATEGORY_DIGIT, CATEGORY_SPACE, NEGATE, RANGE  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    from sre_constants import CATEGORY, CATEGORY_DIGIT, CATEGORY_SPACE, NEGATE, RANGE  # type: ignore[no-redef]


def _class_is_nonword(av) -> bool:
    for op, v in av:
        if op is LITERAL and not _is_word_char(v):
            continue
        if op is CATEGORY and v is CATEGORY_SPACE:
            continue
        return False
    return True


def _ends_nonword(items) -> bool:
    if not items:
        return False
    op, av = items[-1]
    if op is LITERAL:
        return not _is_word_char(av)
    if op is IN:
        return _class_is_nonword(av)
    if op is SUBPATTERN:
        return _ends_nonword(list(av[-1]))
    if op is BRANCH:
        return all(_ends_nonword(list(a)) for a in av[1])
    if op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
        return _ends_nonword(list(av[2]))
    return False


def _lead(items) -> str:
    """Literal word characters at the very start of a sequence."""
    out = ""
    for op, av in items:
        if op is LITERAL and _is_word_char(av):
            out += chr(av)
        else:
            break
    return out


def _alternatives(op, av) -> list[list]:
    if op is BRANCH:
        return [list(a) for a in av[1]]
    inner = list(av[-1])
    if len(inner) == 1 and inner[0][0] is BRANCH:
        return [list(a) for a in inner[0][1][1]]
    return [inner]


def _best(items, at_boundary: bool) -> tuple[int, set[str]] | None:
    """Best necessary anchor of a parsed sequence: (score, set of word prefixes) or None.

    A candidate is a literal word run that starts at a word boundary; a required group gives the union
    of its alternatives' anchors. The candidate whose shortest member is longest wins.
    """
    best: tuple[int, set[str]] | None = None
    run = ""
    run_ok = False

    def offer(cand: tuple[int, set[str]] | None) -> None:
        nonlocal best
        if cand and (best is None or cand[0] > best[0]):
            best = cand

    def close() -> None:
        nonlocal run, run_ok
        if run and run_ok:
            offer((len(run), {run[:MAX_ANCHOR]}))
        run, run_ok = "", False

    for op, av in items:
        if op is LITERAL and _is_word_char(av):
            if not run:
                run_ok = at_boundary
            run += chr(av)
            at_boundary = False
            continue
        if run and run_ok and (op is SUBPATTERN or op is BRANCH):
            # the parser factors common prefixes out of alternations: (?:rate|review) -> r(?:ate|eview)
            leads = [_lead(a) for a in _alternatives(op, av)]
            cands = {(run + ld)[:MAX_ANCHOR] for ld in leads}
            offer((min(len(run) + len(ld) for ld in leads), cands))
            run, run_ok = "", False
            at_boundary = all(_ends_nonword(a) for a in _alternatives(op, av))
            continue
        close()
        if op is LITERAL:
            at_boundary = True
        elif op is AT:
            at_boundary = True
        elif op is IN:
            at_boundary = _class_is_nonword(av)
        elif op is SUBPATTERN or op is BRANCH:
            alts = _alternatives(op, av)
            union: set[str] = set()
            score = MAX_ANCHOR
            ok = True
            for alt in alts:
                b = _best(alt, at_boundary)
                if b is None:
                    ok = False
                    break
                score = min(score, b[0])
                union |= b[1]
            if ok and union:
                offer((score, union))
            at_boundary = all(_ends_nonword(a) for a in alts)
        elif op in (MAX_REPEAT, MIN_REPEAT):
            lo, _hi, sub = av
            sub = list(sub)
            if lo >= 1:
                b = _best(sub, at_boundary)
                offer(b)
                at_boundary = _ends_nonword(sub)
            else:
                at_boundary = at_boundary and _ends_nonword(sub)
        else:
            at_boundary = False
    close()
    return best


def fragment_anchors(frag: str) -> set[str] | None:
    try:
        parsed = _sre_parse.parse(frag)
    except re.error:
        return None
    b = _best(list(parsed), True)
    return b[1] if b else None


def _group(frags: list[str], bounded: bool) -> re.Pattern[str] | None:
    if not frags:
        return None
    body = "|".join(f"(?:{f})" for f in frags)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if bounded else body)


class Concept:
    """One concept: a gated Latin-script regex plus CJK and Arabic regexes."""

    __slots__ = ("name", "latin", "latin_free", "anchors", "cjk", "arabic")

    def __init__(self, name: str, langs: dict[str, list[str]], free: set[str]):
        self.name = name
        bounded: list[str] = []
        unbounded: list[str] = []
        cjk: list[str] = []
        arabic: list[str] = []
        anchors: set[str] | None = set()
        for lang, frags in langs.items():
            script = _SCRIPT_OF.get(lang, "latin")
            for f in frags:
                if script == "cjk":
                    cjk.append(f.lstrip("~"))
                    continue
                if script == "arabic":
                    arabic.append(f.lstrip("~"))
                    continue
                if f.startswith("~") or lang in free:
                    unbounded.append(f.lstrip("~"))
                    anchors = None
                    continue
                bounded.append(f)
                a = fragment_anchors(f)
                if a is None:
                    anchors = None
                elif anchors is not None:
                    anchors |= a
        self.latin = _group(bounded, True)
        self.latin_free = _group(unbounded, False)
        self.anchors = frozenset(anchors) if anchors is not None else None
        self.cjk = _group(cjk, False)
        self.arabic = _group(arabic, False)

    def patterns(self, words: Words | None):
        if self.latin is not None and (words is None or self.anchors is None or not self.anchors.isdisjoint(words.prefixes)):
            yield self.latin
        if self.latin_free is not None:
            yield self.latin_free
        if self.cjk is not None and (words is None or words.cjk):
            yield self.cjk
        if self.arabic is not None and (words is None or words.arabic):
            yield self.arabic

    def possible(self, words: Words) -> bool:
        return any(True for _ in self.patterns(words))

    def search(self, text: str, words: Words | None = None) -> re.Match[str] | None:
        best = None
        for p in self.patterns(words):
            m = p.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, text: str, words: Words | None = None) -> Iterator[re.Match[str]]:
        for p in self.patterns(words):
            yield from p.finditer(text)


@lru_cache(maxsize=None)
def concept(name: str) -> Concept:
    d = _data()
    free = set(d.get("boundary_free_languages", ()))
    return Concept(name, d["concepts"][name], free)


def concept_names() -> list[str]:
    return [n for n in _data()["concepts"]]
