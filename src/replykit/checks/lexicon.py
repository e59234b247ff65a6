"""Multilingual keyword concepts (``data/lexicon.json``) compiled into regexes.

Every concept (review request, incentive, coupon, payment rail …) lists fragments for each shipped
language. They are matched on :func:`~.textutil.normalise`-d text. Latin-script fragments get word
boundaries; Japanese, Chinese and Arabic ones do not (no spaces, attached prefixes). A fragment
starting with ``~`` is boundary-free in any language.

Speed: a regex of a few hundred alternatives costs ~50 µs per kilobyte, and a message is checked
against ~40 concepts. So every fragment gets a cheap necessary condition at compile time, and a
concept's regex on a text is the alternation of the fragments whose condition the text meets (a fragment
that cannot match changes no match of an alternation; ``words=None`` runs them all, the reference):
- Latin-script fragments: their *anchors*, literal word prefixes a match needs words to start with. One
  index over every concept's fragments (built once, :func:`concept`) maps each anchor to the fragments
  that need it; a text's :class:`Words` looks its word prefixes up in it once, which tells every concept
  which of its fragments can match.
- fragments no anchor can be read off (Latin ones led by ``\\w``, Chinese, Japanese, Arabic): their
  *literals*, strings a match must contain (:func:`fragment_literals`, tested with ``in``), unless every
  fragment of the group starts with a literal character, which ``re`` skips to faster (:class:`_Tail`).
  CJK and Arabic fragments run only when the text holds that script.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterator

from ..once import once
from .textutil import fold_traditional

# Anchors are read off the parse tree of ``re``'s own, private parser (``re._parser``). Should a Python
# release move or reshape it, nothing breaks: every fragment is then run ungated (same matches, slower),
# and tests/checks/test_checks_lexicon_parser.py fails loudly so that this adapter gets updated.
try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    from re._constants import (  # type: ignore[import-not-found]
        ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_SPACE, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, NEGATE, RANGE,
        SUBPATTERN)
    PARSER_AVAILABLE = True
except ImportError:  # pragma: no cover - exercised by the parser test with the module hidden
    _sre_parse = None
    ASSERT = ASSERT_NOT = AT = BRANCH = CATEGORY = CATEGORY_DIGIT = CATEGORY_SPACE = IN = LITERAL = MAX_REPEAT = MIN_REPEAT = NEGATE = RANGE \
        = SUBPATTERN = object()
    PARSER_AVAILABLE = False
#: what a reshaped parse tree raises when walked with today's expectations
_SHAPE_ERRORS = (TypeError, ValueError, IndexError, AttributeError, KeyError)

SHIPPED_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "tr", "ja", "zh", "ar")
_SCRIPT_OF = {"ja": "cjk", "zh": "cjk", "ar": "arabic"}
HAS_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
HAS_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_NON_LATIN_SCRIPT = re.compile(HAS_CJK.pattern[:-1] + HAS_ARABIC.pattern[1:])  # either: one scan for Latin text
MAX_ANCHOR = 8
MIN_PREFIX = 3
#: Chinese and Japanese characters count as word characters for ``re`` but end a Latin word: in
#: "我们的Telegram" or "のclearance sale" the Latin word stands alone
_CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f"
_WORD = re.compile(rf"[^\W{_CJK_CHARS}]+")
_LATIN_WORD_CHAR = rf"[^\W{_CJK_CHARS}]"
_ASCII_NON_WORD_TO_SPACE = str.maketrans({c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})


def ascii_words(text: str) -> list[str]:
    """``_WORD.findall(text)`` for ASCII text, 3x faster: non-word characters become spaces, then split."""
    return text.translate(_ASCII_NON_WORD_TO_SPACE).split()


class Words:
    """The words of a normalised text, looked up once in the fragment index (:func:`_index`): ``keys``
    are the text's word keys (``"=word"`` and prefixes of MIN_PREFIX..MAX_ANCHOR characters) that some
    fragment needs, ``live`` the fragments whose first anchor set the text meets, by concept; ``words``
    its Latin-script words; which scripts it holds; and ``text`` itself, which the fragments no anchor
    gates test for their literals (:class:`_Tail`). ``cache``: each concept's patterns for it.

    Every text a concept runs on with these Words must be the text, a piece of it, or a copy with passages
    blanked to spaces (what the view's segments are): each gate is a necessary condition for those."""

    __slots__ = ("text", "words", "keys", "live", "cjk", "arabic", "cache")

    def __init__(self, text: str):
        self.text = text
        index = _index()
        wanted = index.keys
        self.words = words = set(ascii_words(text) if text.isascii() else _WORD.findall(text))
        found: list[str] = []
        get = _WORD_KEYS.get
        for w in words:
            k = get(w)
            if k is None:
                k = _word_keys(w, wanted)
            found += k
        self.keys = keys = set(found)
        live: dict[str, dict[int, _Frag]] = {}
        by_key = index.by_key
        for k in keys:
            frs = by_key.get(k)
            if frs is not None:
                for name, fr in frs:
                    got = live.get(name)
                    if got is None:
                        got = live[name] = {}
                    got[fr.pos] = fr
        self.live = live
        self.cache: dict[str, list] = {}
        if not text.isascii() and _NON_LATIN_SCRIPT.search(text):
            self.cjk = bool(HAS_CJK.search(text))
            self.arabic = bool(HAS_ARABIC.search(text))
        else:
            self.cjk = self.arabic = False


_WORD_KEYS: dict[str, tuple[str, ...]] = {}


def word_keys(w: str) -> tuple[str, ...]:
    """``"=word"`` and the word's prefixes of MIN_PREFIX..MAX_ANCHOR characters: what an anchor can be."""
    return ("=" + w, *(w[:n] for n in range(MIN_PREFIX, min(len(w), MAX_ANCHOR) + 1)))


def _word_keys(w: str, wanted: frozenset[str]) -> tuple[str, ...]:
    """:func:`word_keys` that some fragment needs, memoised: the same few thousand words make up
    nearly every message, and most of their keys are nobody's anchor."""
    if len(_WORD_KEYS) > 200_000:
        _WORD_KEYS.clear()
    k = _WORD_KEYS[w] = tuple(k for k in word_keys(w) if k in wanted)
    return k


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads((resources.files("replykit") / "data" / "lexicon.json").read_text(encoding="utf-8"))


# a whole word of a fragment outside a class or an escape: after a non-word non-backslash, or right after \b
_FRAGMENT_WORD = r"(?:(?<=\\b)|(?<![\w\\]))(?:{})(?![\w?*+{{])"


def expand_variants(frag: str, variants: dict[str, str]) -> str:
    """``frag`` with each whole word that has written variants replaced by their alternation.

    ``data/lexicon.json`` lists per language how sellers also write a word ("your" -> "ur", "please"
    -> "pls", "number" -> "nr"), so every fragment built on the word accepts the chat forms too, in
    one place instead of once per phrase. Single-word fragments keep only the full form of a variant
    marked ``multi`` (a bare "u" is a Polish preposition)."""
    if not variants:
        return frag
    rx = _variant_rx(tuple(sorted(variants)))
    single = " " not in frag and not frag.startswith("(?:")
    def sub(m: re.Match[str]) -> str:
        alt = variants[m.group()]
        if alt.startswith("multi:"):
            if single:
                return m.group()
            alt = alt[len("multi:"):]
        return f"(?:{alt})"
    return rx.sub(sub, frag)


@lru_cache(maxsize=None)
def _variant_rx(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_FRAGMENT_WORD.format("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))))


def _expanded(langs: dict[str, list[str]]) -> dict[str, list[str]]:
    """Fragments with their chat forms and accent-less spellings; Chinese ones in the simplified forms the
    text is folded to (:func:`~.textutil.fold_traditional`)."""
    variants = _data().get("variants", {})
    return {lang: [_folded(fold_accents(expand_variants(f, variants.get(lang, {})), lang), lang) for f in frags]
            for lang, frags in langs.items()}


def _folded(frag: str, lang: str) -> str:
    if lang == "zh":
        return fold_traditional(frag)
    if lang == "ar":
        return tashkeel_tolerant(frag)
    return frag


#: Arabic short-vowel and other marks a writer may add to any letter ('يُرجى', 'تُعالَج', 'مباشرةً')
_TASHKEEL = "[\u064b-\u065f\u0670]*"
_QUANT = re.compile(r"[?*+]\??|\{\d*(?:,\d*)?\}\??")


def tashkeel_tolerant(frag: str) -> str:
    """``frag`` with optional Arabic marks after every Arabic letter outside a class, an escape or a look-behind,
    after its quantifier when it has one: 'يرجى' also finds 'يُرجى' (the text keeps its marks: offsets stay true)."""
    if not any("\u0621" <= ch <= "\u064a" for ch in frag):
        return frag
    out: list[str] = []
    i, n, depth = 0, len(frag), 0
    behind: list[bool] = []  # open groups; True for a look-behind, which must keep a fixed width
    while i < n:
        ch = frag[i]
        if ch == "\\":
            out.append(frag[i:i + 2])
            i += 2
            continue
        if not depth and ch in "()":
            if ch == "(":
                behind.append(frag.startswith(("(?<=", "(?<!"), i))
            elif behind:
                behind.pop()
            out.append(ch)
            i += 1
            continue
        if depth:
            depth -= ch == "]"
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            depth = 1
            out.append(ch)
            if frag[i + 1:i + 2] == "]":  # ']' first in a class is a literal
                out.append("]")
                i += 1
            i += 1
            continue
        out.append(ch)
        i += 1
        if "\u0621" <= ch <= "\u064a" and not any(behind):
            q = _QUANT.match(frag, i)
            if q:
                out.append(q.group())
                i = q.end()
            out.append(_TASHKEEL)
    return "".join(out)


#: how sellers type a letter without its diacritic ('lutfen', 'gwiazdke', 'avaliacao', 'etoiles')
_FOLD = str.maketrans("áàâäãåéèêëíìîïóòôöõøúùûüýÿçñłśźżćńąęğışőű", "aaaaaaeeeeiiiioooooouuuuyycnlszzcnaegisou")
_UMLAUT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
#: shortest word (in letters) that gets an accent-less alternative: shorter ones collide with other
#: words ('é' is / 'e' and, 'sí' / 'si', 'où' / 'ou', 'få' / 'fa')
MIN_FOLD = 4
_FOLD_RUN = re.compile(r"\\.|\[(?:\\.|[^\]])*\]|\{[^}]*\}|[^\W\d_]+")


def fold_accents(frag: str, lang: str) -> str:
    """``frag`` with every word of at least MIN_FOLD letters that carries a diacritic also accepted
    without it: ``étoiles?`` -> ``(?:étoile|etoile)s?`` (German: ae/oe/ue only; the exceptions are data,
    ``accent_free`` in lexicon.json).

    Only letter runs outside classes, escapes and counts are touched; a letter followed by a
    quantifier stays outside the group so that the quantifier keeps applying to it alone."""
    rules = _data().get("accent_free", {})
    if frag.isascii() or lang in _SCRIPT_OF or lang in rules.get("none", ()):
        return frag
    umlaut_only = lang in rules.get("umlaut_only", ())
    not_folded = set(rules.get("not", {}).get(lang, ()))
    out: list[str] = []
    pos = 0
    for m in _FOLD_RUN.finditer(frag):
        word = m.group()
        if not word[0].isalpha() or word.isascii():
            continue
        end = m.end()
        if end < len(frag) and frag[end] in "?*+{":
            word = word[:-1]
            end -= 1
        folded = word.translate(_FOLD)
        forms = [word]
        if folded != word and len(word) >= MIN_FOLD and folded.isascii() and not umlaut_only and folded not in not_folded:
            forms.append(folded)
        if umlaut_only and any(c in word for c in _UMLAUT) and len(word) >= MIN_FOLD:
            forms.append("".join(_UMLAUT.get(c, c) for c in word))
        if len(forms) > 1:
            out.append(frag[pos:m.start()])
            out.append("(?:" + "|".join(dict.fromkeys(forms)) + ")")
            pos = end
    if not out:
        return frag
    out.append(frag[pos:])
    return "".join(out)


def _is_word_char(code: int) -> bool:
    ch = chr(code)
    return ch.isalnum() or ch == "_"


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


def _completes(op, av) -> bool:
    """Does this item, following a literal run, end the word (non-word literal, \\b, space class)?"""
    if op is LITERAL:
        return not _is_word_char(av)
    if op is AT:
        return True
    if op is IN:
        return _class_is_nonword(av)
    return False


def _best(items, at_boundary: bool, found: list | None = None, tail_complete: bool = False) -> tuple[int, set[str]] | None:
    """Best necessary anchor of a parsed sequence: (score, set of anchors) or None.

    An anchor is a literal word run that starts at a word boundary: ``"=word"`` when the run is a
    whole word, else a word prefix. A required group gives the union of its alternatives' anchors.
    Every candidate is a necessary condition (appended to ``found``); the one whose shortest member
    is longest is returned.
    """
    best: tuple[int, set[str]] | None = None
    run = ""
    run_ok = False

    def offer(cand: tuple[int, set[str]] | None) -> None:
        nonlocal best
        if cand and found is not None:
            found.append(cand)
        if cand and (best is None or cand[0] > best[0]):
            best = cand

    def close(complete: bool) -> None:
        nonlocal run, run_ok
        if run and run_ok:
            if complete:
                offer((len(run) + 2, {"=" + run}))  # whole words are more selective than prefixes
            else:
                offer((len(run), {run[:MAX_ANCHOR]}))
        run, run_ok = "", False

    items = list(items)
    for idx, (op, av) in enumerate(items):
        follower_completes = _completes(*items[idx + 1]) if idx + 1 < len(items) else tail_complete
        if op is LITERAL and _is_word_char(av):
            if not run:
                run_ok = at_boundary
            run += chr(av)
            at_boundary = False
            continue
        if run and run_ok and (op is SUBPATTERN or op is BRANCH):
            # the parser factors common prefixes out of alternations: (?:rate|review) -> r(?:ate|eview)
            cands = set()
            score = MAX_ANCHOR + 2
            for alt in _alternatives(op, av):
                ld = _lead(alt)
                rest = alt[len(ld):]
                word = run + ld
                if (rest and _completes(*rest[0])) or (not rest and follower_completes):
                    cands.add("=" + word)
                    score = min(score, len(word) + 2)
                else:
                    cands.add(word[:MAX_ANCHOR])
                    score = min(score, len(word))
            offer((score, cands))
            run, run_ok = "", False
            at_boundary = all(_ends_nonword(a) for a in _alternatives(op, av))
            continue
        close(_completes(op, av))
        if op is LITERAL:
            at_boundary = True
        elif op is AT:
            at_boundary = True
        elif op is IN:
            at_boundary = _class_is_nonword(av)
        elif op is SUBPATTERN or op is BRANCH:
            alts = _alternatives(op, av)
            union: set[str] = set()
            score = MAX_ANCHOR + 2
            ok = True
            for alt in alts:
                b = _best(alt, at_boundary, None, follower_completes)
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
                b = _best(sub, at_boundary, found)
                if b is not None and found is not None and b in found:
                    found.remove(b)
                offer(b)
                at_boundary = _ends_nonword(sub)
            else:
                at_boundary = at_boundary and _ends_nonword(sub)
        else:
            at_boundary = False
    close(tail_complete)
    return best


@lru_cache(maxsize=None)
def fragment_requirements(frag: str) -> tuple[frozenset[str], ...]:
    """Necessary anchor sets of a fragment, best first: a match needs a word starting with one
    member of *every* set. Empty when nothing can be derived (the fragment always runs)."""
    if _sre_parse is None:
        return ()
    try:
        parsed = _sre_parse.parse(frag)
        found: list[tuple[int, set[str]]] = []
        _best(list(parsed), True, found, tail_complete=True)
    except re.error:
        return ()
    except _SHAPE_ERRORS:  # pragma: no cover - a reshaped private parser: run the fragment ungated
        return ()
    found.sort(key=lambda c: -c[0])
    out: list[frozenset[str]] = []
    for _score, anchors in found:
        if any(not a.startswith("=") and len(a) < MIN_PREFIX for a in anchors):
            continue  # prefixes shorter than MIN_PREFIX are not indexed: this condition cannot be checked
        fs = frozenset(anchors)
        if fs not in out:
            out.append(fs)
    return tuple(out)


#: most strings one literal set may list (each is one ``in`` test of the text) and the shortest string worth testing
MAX_LITERALS = 16
MIN_LITERAL = 2
_ZERO_WIDTH = (AT, ASSERT, ASSERT_NOT)


def _class_chars(av) -> tuple[str, ...] | None:
    """The characters a parsed class ``[...]`` of a few plain literals matches, else None."""
    if len(av) > MAX_LITERALS or any(op is not LITERAL for op, _v in av):
        return None
    return tuple(chr(v) for _op, v in av)


def _strings(items) -> set[str] | None:
    """Every string a parsed sequence made of literals only can match (small classes, groups and
    optional pieces of literals included; zero-width items are transparent), at most MAX_LITERALS of
    them; None when it holds anything else or white space."""
    out = {""}
    for op, av in items:
        if op is LITERAL:
            add: set[str] | tuple[str, ...] | None = (chr(av),)
        elif op is IN:
            add = _class_chars(av)
        elif op is SUBPATTERN:
            add = None if av[1] or av[2] else _strings(av[-1])  # a flag such as (?i) changes what matches
        elif op is BRANCH:
            add = set()
            for alt in av[1]:
                got = _strings(alt)
                if got is None:
                    return None
                add |= got
        elif op is MAX_REPEAT or op is MIN_REPEAT:
            lo, hi, sub = av
            add = _strings(sub) if (lo, hi) in ((0, 1), (1, 1)) else None
            if add is not None and lo == 0:
                add = add | {""}
        elif op in _ZERO_WIDTH:
            continue
        else:
            return None
        if add is None or any(ch.isspace() for a in add for ch in a):
            return None
        out = {a + b for a in out for b in add}
        if len(out) > MAX_LITERALS:
            return None
    return out


def _literal_runs(items, found: list[frozenset[str]]) -> None:
    """Append to ``found`` the literal sets a match of the parsed sequence must contain one member of:
    each run of literal items (extended through small classes, literal groups and optional pieces) and
    the union over a required group's alternatives of each one's best set."""
    cur = {""}

    def close() -> None:
        nonlocal cur
        if min(map(len, cur)) >= MIN_LITERAL:
            found.append(frozenset(cur))
        cur = {""}

    for op, av in items:
        got = _strings([(op, av)])
        if got is not None:
            longer = {a + b for a in cur for b in got}
            if len(longer) <= MAX_LITERALS:
                cur = longer
            else:
                close()
                cur = got
            continue
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the run goes on
        close()
        if op is SUBPATTERN and not (av[1] or av[2]):
            _literal_runs(av[-1], found)
        elif op is BRANCH:
            union: set[str] = set()
            for alt in av[1]:
                inner: list[frozenset[str]] = []
                _literal_runs(alt, inner)
                if not inner:
                    union = set()
                    break
                union |= max(inner, key=_literal_score)
            if union and len(union) <= MAX_LITERALS:
                found.append(frozenset(union))
        elif (op is MAX_REPEAT or op is MIN_REPEAT) and av[0] >= 1:
            _literal_runs(av[2], found)
    close()


def _literal_score(lits: frozenset[str]) -> tuple[int, int]:
    """Longer shortest strings first (rarer in text), then fewer tests."""
    return (min(map(len, lits)), -len(lits))


@lru_cache(maxsize=None)
def fragment_literals(frag: str) -> tuple[frozenset[str], ...]:
    """Necessary literal sets of a fragment, best first (at most two): every match contains one member of
    each set, so a text holding no member of one has no match. The gate of the fragments no anchor word
    gates (:class:`_Tail`). No string holds white space: a rule scans copies of the gated text with
    passages blanked to spaces. Empty when nothing can be derived (the fragment always runs)."""
    if _sre_parse is None:
        return ()
    try:
        found: list[frozenset[str]] = []
        _literal_runs(list(_sre_parse.parse(frag)), found)
    except re.error:
        return ()
    except _SHAPE_ERRORS:  # pragma: no cover - a reshaped private parser: run the fragment ungated
        return ()
    best = sorted(set(found), key=_literal_score, reverse=True)
    return tuple(best[:2])


def literals_met(lits: tuple[frozenset[str], ...], text: str) -> bool:
    """Does ``text`` hold one member of every literal set?"""
    if len(lits) == 1 and len(lits[0]) == 1:  # most often one string
        for s in lits[0]:
            return s in text
    for req in lits:
        for s in req:
            if s in text:
                break
        else:
            return False
    return True


class _Bounded:
    """A pattern that must start at a word boundary. The left check is done in Python because a
    leading look-behind stops ``re`` from skipping ahead to the pattern's first characters, which
    makes a search 5-10x slower on long texts."""

    __slots__ = ("rx", "pattern")

    def __init__(self, body: str):
        # a fragment that ends in a space ('need (?:a |the )') is complete: no right boundary to check
        self.rx = re.compile(rf"(?:{body})(?:(?<= )|(?!{_LATIN_WORD_CHAR}))")
        self.pattern = body

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        search = self.rx.search
        pos = 0
        n = len(text)
        while pos <= n:
            m = search(text, pos)
            if m is None:
                return
            s = m.start()
            if s == 0 or not _wordch(text[s - 1]):
                yield m
                pos = m.end() if m.end() > s else s + 1
            else:
                pos = s + 1

    def search(self, text: str) -> re.Match[str] | None:
        for m in self.finditer(text):
            return m
        return None


def _wordch(ch: str) -> bool:
    return (ch.isalnum() or ch == "_") and not ("\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef")


def _group(frags: list[str], bounded: bool):
    if not frags:
        return None
    body = "|".join(f"(?:{f})" for f in frags)
    return _Bounded(body) if bounded else re.compile(body)


@lru_cache(maxsize=None)
def _literal_led(frag: str) -> bool:
    """Does every match of ``frag`` start with one fixed character (its parse starts with a literal)?"""
    if _sre_parse is None:
        return False
    try:
        items = list(_sre_parse.parse(frag))
    except (re.error, *_SHAPE_ERRORS):
        return False
    return bool(items) and items[0][0] is LITERAL


def _script_groups(frags: list[str]) -> tuple[list[str], ...]:
    """Chinese/Japanese or Arabic fragments (no word boundaries, no anchor words) split in at most two
    alternations: the fragments that start with a fixed character, for which ``re`` skips ahead by a set
    of first characters, and the others ('(?:サイズ表|説明書)も読めない', '(?<!申)请'), which would cost
    the whole alternation that skip and so are scanned apart."""
    led = [f for f in frags if _literal_led(f)]
    rest = [f for f in frags if not _literal_led(f)]
    return tuple(g for g in (led, rest) if g)


class _Tail:
    """Fragments no anchor word gates -- Latin ones without an anchor, Chinese/Japanese and Arabic ones --
    as one alternation (``full``, the plain reference). On a text, only those whose literal sets
    (:func:`fragment_literals`) the text meets run, as one alternation, in lexicon order: a fragment
    that cannot match anywhere changes no match of an alternation.

    A group whose every fragment starts with a literal character is not gated: ``re`` skips through the
    text to those characters in C, faster than the ``in`` tests would be (measured on the bench's Chinese,
    Japanese and Arabic messages: 110 µs of scans against 160 µs of tests plus 80 µs of scans)."""

    __slots__ = ("srcs", "checks", "always", "bounded", "full", "_combos")

    def __init__(self, srcs: list[str], bounded: bool):
        self.srcs = srcs
        self.bounded = bounded
        self.full = _group(srcs, bounded)
        led = all(_literal_led(f) for f in srcs)
        lits = [() if led else fragment_literals(f) for f in srcs]
        self.checks = [(i, ls) for i, ls in enumerate(lits) if ls]  # (fragment, its literal sets)
        self.always = [i for i, ls in enumerate(lits) if not ls]  # fragments that run on every text
        self._combos: dict[tuple[int, ...], object] = {}

    def on(self, text: str):
        """The alternation to run on ``text`` (the gated text, a piece of it or a copy with passages
        blanked to spaces), or None."""
        if not self.checks:
            return self.full
        met = [i for i, lits in self.checks if literals_met(lits, text)]
        if len(met) == len(self.checks):
            return self.full
        live = tuple(sorted(self.always + met)) if self.always else tuple(met)
        if not live:
            return None
        got = self._combos.get(live)
        if got is None:
            if len(self._combos) > 512:
                self._combos = {}
            got = self._combos[live] = _group([self.srcs[i] for i in live], self.bounded)
        return got


class _Frag:
    __slots__ = ("src", "reqs", "_rx", "pos")

    def __init__(self, src: str, reqs: tuple[frozenset[str], ...]):
        self.src = src
        self.reqs = reqs
        self._rx: re.Pattern[str] | None = None
        self.pos = 0  # index in the concept's fragment list: patterns run in lexicon order

    @property
    def rx(self) -> "_Bounded":
        if self._rx is None:
            self._rx = _Bounded(self.src)
        return self._rx

    def possible(self, keys: set[str]) -> bool:
        """Does a text with these word keys meet the fragment's other anchor sets (the first is met)?"""
        for req in self.reqs[1:]:
            if req.isdisjoint(keys):
                return False
        return True


class Concept:
    """One concept: gated Latin-script fragments plus ungated, CJK and Arabic regexes.

    A Latin fragment runs only when the text meets all its anchor sets (:class:`Words` finds the
    fragments whose first set it meets; :meth:`_Frag.possible` checks the others); those still possible
    run as one alternation. Fragments with no derivable anchor run on every text, as one alternation.
    """

    __slots__ = ("name", "frags", "ungated", "cjk", "arabic", "_tails", "_all", "_combos")

    def __init__(self, name: str, langs: dict[str, list[str]], free: set[str]):
        self.name = name
        self.frags: list[_Frag] = []
        ungated_bounded: list[str] = []
        unbounded: list[str] = []
        cjk: list[str] = []
        arabic: list[str] = []
        for lang, frags in langs.items():
            for f in frags:
                # an ASCII-only fragment listed under ja/zh/ar (a brand, "tel") is matched as a whole word
                script = _SCRIPT_OF.get(lang, "latin") if not f.lstrip("~").isascii() else "latin"
                if script == "cjk":
                    cjk.append(f.lstrip("~"))
                elif script == "arabic":
                    arabic.append(f.lstrip("~"))
                elif f.startswith("~") or (lang in free and not f.isascii()):
                    unbounded.append(f.lstrip("~"))
                else:
                    reqs = fragment_requirements(f)
                    if reqs:
                        self.frags.append(_Frag(f, reqs))
                    else:
                        ungated_bounded.append(f)
        for i, fr in enumerate(self.frags):
            fr.pos = i
        latin = [_Tail(fs, b) for fs, b in ((ungated_bounded, True), (unbounded, False)) if fs]
        cjk_tails = [_Tail(fs, False) for fs in _script_groups(cjk)]
        arabic_tails = [_Tail(fs, False) for fs in _script_groups(arabic)]
        self.ungated = [t.full for t in latin]
        self.cjk = tuple(t.full for t in cjk_tails)
        self.arabic = tuple(t.full for t in arabic_tails)
        # what no anchor word gates, by (has CJK, has Arabic)
        self._tails = {(c, a): [*latin, *(cjk_tails if c else ()), *(arabic_tails if a else ())]
                       for c in (False, True) for a in (False, True)}
        self._all: _Bounded | None = None
        self._combos: dict[tuple[int, ...], _Bounded] = {}

    def _combined(self, frags: list[_Frag]) -> "_Bounded":
        """The fragments still possible for a text as one alternation: one scan instead of one per
        fragment (the same few combinations recur across messages, so they are compiled once)."""
        if len(frags) == 1:
            return frags[0].rx
        key = tuple(fr.pos for fr in frags)
        got = self._combos.get(key)
        if got is None:
            if len(self._combos) > 512:
                self._combos = {}
            got = self._combos[key] = _group([fr.src for fr in frags], True)
        return got

    @property
    def all_latin(self) -> _Bounded | None:
        """All gated fragments as one alternation: the plain reference of the gate (``words=None``)."""
        if self._all is None and self.frags:
            self._all = _group([f.src for f in self.frags], True)
        return self._all

    def patterns(self, words: Words | None) -> list:
        """The regexes to run on a text with ``words`` (None: every fragment, ungated)."""
        if words is None:
            return [*([self.all_latin] if self.frags else ()), *(t.full for t in self._tails[(True, True)])]
        got = words.cache.get(self.name)
        if got is None:
            text = words.text
            tail = [p for p in (t.on(text) for t in self._tails[(words.cjk, words.arabic)]) if p is not None]
            found = words.live.get(self.name)
            if found:
                keys = words.keys
                live = [fr for fr in (found[p] for p in sorted(found)) if fr.possible(keys)]  # lexicon order
                got = [self._combined(live), *tail] if live else tail
            else:
                got = tail
            words.cache[self.name] = got
        return got

    def possible(self, words: Words) -> bool:
        return bool(self.patterns(words))

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

    def matches(self, text: str, words: Words | None = None) -> list[re.Match[str]]:
        """``list(self.finditer(text, words))``; most concepts have nothing to run on most texts."""
        return scan(self.patterns(words), text)


def scan(pats: list, text: str) -> list[re.Match[str]]:
    """Every match of the patterns :meth:`Concept.patterns` gave, pattern by pattern: what
    :meth:`Concept.finditer` yields."""
    if not pats:
        return []
    if len(pats) == 1:
        return list(pats[0].finditer(text))
    return [m for p in pats for m in p.finditer(text)]


_SPACE_CHARS = tuple(chr(c) for c in range(0x3100) if chr(c).isspace()) + ("\u3000", "\ufeff")


def _class_has_space(av) -> bool:
    """Could a character class (parsed ``IN`` item) match a white-space character? (conservative)"""
    if any(op is NEGATE for op, _v in av):
        return True
    for op, v in av:
        if op is LITERAL:
            if chr(v).isspace():
                return True
        elif op is RANGE:
            if any(v[0] <= ord(ch) <= v[1] for ch in _SPACE_CHARS):
                return True
        elif op is CATEGORY:
            if v is not CATEGORY_DIGIT and str(v) not in ("CATEGORY_WORD", "CATEGORY_UNI_WORD", "CATEGORY_UNI_DIGIT"):
                return True
        else:
            return True
    return False


def _needs_ink(items) -> bool:
    """True when every match of a parsed sequence contains a character that is not white space."""
    for op, av in items:
        if op is LITERAL:
            if not chr(av).isspace():
                return True
        elif op is IN:
            if not _class_has_space(av):
                return True
        elif op is SUBPATTERN:
            if _needs_ink(list(av[-1])):
                return True
        elif op is BRANCH:
            if all(_needs_ink(list(a)) for a in av[1]):
                return True
        elif op in (MAX_REPEAT, MIN_REPEAT):
            if av[0] >= 1 and _needs_ink(list(av[2])):
                return True
    return False


def pattern_needs_ink(pattern: str) -> bool:
    """Can ``pattern`` only match text that holds a non-white-space character? (False when unsure)"""
    if _sre_parse is None:
        return False
    try:
        return _needs_ink(list(_sre_parse.parse(pattern)))
    except (re.error, *_SHAPE_ERRORS):
        return False


@lru_cache(maxsize=1)
def concepts_need_ink() -> bool:
    """True when no fragment of any concept can match white space alone.

    Then a text that is only white space (e.g. a plain-text body whose every sentence the HTML body
    already shows, see :func:`~.view._blank_seen`) has no match for any concept and need not be scanned.
    """
    for langs in _data()["concepts"].values():
        for frags in langs.values():
            for f in frags:
                if not pattern_needs_ink(f.lstrip("~")):
                    return False
    return True


class _Index:
    """Every concept, compiled, and one index over their gated fragments: anchor -> (concept name,
    fragment) for each fragment whose first anchor set holds it; ``keys``: every anchor any fragment
    needs (the only word keys :class:`Words` keeps)."""

    def __init__(self) -> None:
        d = _data()
        free = set(d.get("boundary_free_languages", ()))
        self.concepts = {name: Concept(name, _expanded(langs), free) for name, langs in d["concepts"].items()}
        self.by_key: dict[str, list[tuple[str, _Frag]]] = {}
        keys: set[str] = set()
        for name, c in self.concepts.items():
            for fr in c.frags:
                for a in fr.reqs[0]:
                    self.by_key.setdefault(a, []).append((name, fr))
                for req in fr.reqs:
                    keys |= req
        self.keys = frozenset(keys)


@once
def _index() -> _Index:
    """The compiled lexicon, built once (threads share it)."""
    return _Index()


def concept(name: str) -> Concept:
    """The compiled concept ``name``."""
    return _index().concepts[name]


@lru_cache(maxsize=None)
def _by_language(name: str) -> dict[str, Concept]:
    """Concept ``name`` compiled once per language (keyed by the concept's name: at most one entry per concept)."""
    d = _data()
    free = set(d.get("boundary_free_languages", ()))
    return {lang: Concept(f"{name}:{lang}", _expanded({lang: frags}), free) for lang, frags in d["concepts"][name].items()}


def scorn_in(name: str, lang: str, text: str, start: int, end: int) -> bool:
    """Do the ``lang`` fragments of concept ``name`` match ``text`` (a passage) over ``[start, end)`` (in context: a
    fragment's look-arounds see the passage)?"""
    c = _by_language(name).get(lang)
    return c is not None and any(m.start() < end and start < m.end() for m in c.finditer(text))


_STEM = re.compile(r"([^\W\d_]{3,})\\w\*")


@lru_cache(maxsize=1)
def scorn_stems() -> dict[str, frozenset[str]]:
    """Each bare stem of a disrespect fragment ('burr' of Portuguese 'burr\\w*') -> the languages that list it."""
    out: dict[str, set[str]] = {}
    for lang, frags in _data()["concepts"]["disrespect"].items():
        for f in frags:
            m = _STEM.fullmatch(f)
            if m is not None:
                out.setdefault(m.group(1), set()).add(lang)
    return {stem: frozenset(langs) for stem, langs in out.items()}


def build_all() -> None:
    """Compile every concept now (a service does this at start-up, so no request pays for it)."""
    _index()


def concept_names() -> list[str]:
    return [n for n in _data()["concepts"]]
