"""Text normalisation shared by the content rules.

Detectors compare against a *normalised* copy of what the reader sees: NFKC (full-width digits and
letters), ASCII digits for Arabic-Indic and Persian digits, one kind of dash, folded case. The copy
keeps offsets (every mapping below is one character to one character) so excerpts stay accurate.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Iterator

_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_DASHES = {cp: "-" for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D)}
_SPACES = {cp: " " for cp in (0x00A0, 0x2007, 0x202F, 0x3000, 0x2009, 0x200A, 0x2002, 0x2003)}
_TABLE = _DIGITS | _DASHES | _SPACES | {0x066B: ".", 0x066C: ",", 0x060C: ",", 0x061F: "?", 0x06D4: "."}
_TABLE_CHARS = {chr(cp): to for cp, to in _TABLE.items()}
_TABLE_RE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_TABLE_CHARS)) + "]")


def _table_char(m: re.Match[str]) -> str:
    return _TABLE_CHARS[m.group()]


def _map_table(text: str) -> str:
    """``text.translate(_TABLE)``. No key is ASCII, and in other text the few mapped characters are
    replaced where they occur: ``translate`` would look every character up in a dict (~20 µs a body)."""
    return text if text.isascii() else _TABLE_RE.sub(_table_char, text)


@lru_cache(maxsize=65536)
def _nfkc_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def _nfkc_same_length(text: str) -> str:
    """NFKC per character, keeping a character only when it maps to exactly one character."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    whole = unicodedata.normalize("NFKC", text)
    if len(whole) == len(text) and all(len(_nfkc_char(ch)) == 1 for ch in set(text) if ord(ch) >= 0x80):
        return whole  # every character maps to one: offsets are preserved
    out = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
            continue
        n = _nfkc_char(ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def latin1_bytes(text: str) -> bytes | None:
    """``text`` as Latin-1 bytes when every character is below U+0100 (most European text), else None."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


_LATIN1_LOWER = bytes(ord(chr(c).lower()) for c in range(256))  # lower() keeps Latin-1 in Latin-1, 1:1


def lower(text: str) -> str:
    """``text.lower()``; Latin-1 text by a byte table (str.lower() looks each non-ASCII character up)."""
    if not text.isascii():
        raw = latin1_bytes(text)
        if raw is not None:
            return raw.translate(_LATIN1_LOWER).decode("latin-1")
    return text.lower()


# On Latin-1 text, _TABLE then str.lower() map each character to one Latin-1 character: one byte table.
_LATIN1_NORM = bytes(ord(_TABLE_CHARS.get(chr(c), chr(c)).lower()) for c in range(256))


@lru_cache(maxsize=1)
def _hant() -> tuple[dict[int, int], re.Pattern[str]]:
    d = json.loads((resources.files("replykit") / "data" / "hant_hans.json").read_text(encoding="utf-8"))
    return str.maketrans(d["traditional"], d["simplified"]), re.compile("[" + d["traditional"] + "]")


#: kana letters, not the katakana middle dot '・' (U+30FB) nor the long-vowel mark, which Chinese text uses as bullets
_KANA = re.compile(r"[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def fold_traditional(text: str) -> str:
    """Traditional Chinese characters as their simplified forms (``data/hant_hans.json``, one to one):
    '請把評價改一下' reads like '请把评价改一下', so the lexicon's Chinese needs one spelling. Text with kana
    is Japanese, whose kanji keep their forms (as the lexicon's Japanese fragments do)."""
    if not _HAN.search(text):  # most text has no Han character at all
        return text
    table, traditional = _hant()
    if traditional.search(text) is None or _KANA.search(text):  # simplified Chinese; Japanese
        return text
    return text.translate(table)


#: the katakana prolonged-sound mark between two digits is a dash ('０９０ー４４１２ー７７８９': a phone number
#: typed with the Japanese keyboard's long-vowel key); in words ('メール') it stays what it is
_DIGIT_CHOON = re.compile(r"(?<=\d)\u30fc(?=\d)")


def _choon_dash(t: str) -> str:
    return _DIGIT_CHOON.sub("-", t) if "\u30fc" in t else t


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Same-length normalised copy: NFKC-ish, ASCII digits, '-' for dashes, plain spaces, casefolded,
    traditional Chinese characters folded to simplified ones."""
    t = _nfkc_same_length(text)
    if not t.isascii():
        raw = latin1_bytes(t)
        if raw is not None:  # str.lower() looks every non-ASCII character up; a byte table does not
            return raw.translate(_LATIN1_NORM).decode("latin-1")
        t = fold_traditional(t)
    t = _choon_dash(_map_table(t))
    low = t.replace("\u0130", "i").lower()  # Turkish dotted capital I lower-cases to two characters
    return low if len(low) == len(t) else t


def normalise_reference(text: str) -> str:
    """:func:`normalise` without its shortcuts (Latin-1 byte table, mapping only what occurs)."""
    t = fold_traditional(_nfkc_same_length(text))
    t = _choon_dash(t.translate(_TABLE))
    low = t.replace("\u0130", "i").lower()
    return low if len(low) == len(t) else t


#: a line quoting the buyer, as mail clients and point-by-point answers do ('> where is my parcel?',
#: '1) > la lampe ne s'allume plus', '＞LINEで連絡してもいいですか？' (normalised to '>'), '>Puedo pagarte?'): one or
#: two '>' then a space, the line's end or a letter, on a line with no '<' ('>>> SALE <<<', '>SALE<' are no quotes)
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)][ \t]*)?>{1,2}(?=[ \t]|$|[^\W\d_])(?![^\n<]*<)[^\n]*")


#: a name in quotes after a naming word ('si chiama «Peste»', 'اسمها «خمس نجوم»', 'the colour called "Five Stars"'):
#: a product's or a colour's name, which says nothing
_NAMED = re.compile(
    r"(?:called|named|heißt|heissen|namens|s'appelle|nommée?|appelée?|se llama|llamad[oa]|si chiama|chiamat[oa]|se chama|chamad[oa]"
    r"|heet|genaamd|heter|kallad|kallas|nazywa się|o nazwie|adlı|isimli|اسمها|اسمه|名为|叫做|名叫)\s*[:：]?\s*"
    r"(?P<name>[«“\"„「『‘][^»”\"“」』’\n]{1,40}[»”\"“」』’])")


#: a reply's subject ('Re: can I pay by PayPal?', 'Sv: kan jag swisha?', '回复：…') repeats the buyer's own subject
REPLY_SUBJECT = re.compile(r"\s*(?:re|aw|sv|antw|r|rif|res|ynt|vs|odp|回复|答复|返信)\s*[:：]")


def blank_quoted_lines(text: str) -> str:
    """``text`` (same length) with the lines that quote the buyer blanked -- the buyer's own words
    ('> can I pay you by PayPal?') ask nothing of the buyer, whatever they say -- and the names in quotes
    after a naming word ('the model is called «Five Stars»')."""
    if ">" in text:
        text = _QUOTED_LINE.sub(lambda m: " " * len(m.group()), text)
    if any(q in text for q in "«“\"„「『‘"):
        text = _NAMED.sub(lambda m: m.group()[:m.start("name") - m.start()] + " " * len(m.group("name")), text)
    return text


# ``[.!?]+[ \t\r\f\v]+|[。！？؟]+\s*|\n+|[!?]+(?=<kana or kanji>)`` (a "？" normalised to "?" ends a Japanese
# or Chinese sentence with no space after it), written to start with one character class (the branch
# is chosen by a look-behind at that character) so that ``re`` skips to candidate positions in C
# instead of trying the alternation at every character: same matches, ~4x faster.
_SPLIT = re.compile(r"[.!?。！？؟\n](?:(?<=[.!?])[.!?]*[ \t\r\f\v]+|(?<=[。！？؟])[。！？؟]*\s*|(?<=\n)\n*|(?<=[!?])[!?]*(?=[\u3040-\u30ff\u3400-\u9fff]))")


# the same on ASCII text, where the CJK/Arabic branch cannot match; a class of ASCII characters only
# is a bitmap test for ``re`` (the full one costs ~30 instructions a character)
_SPLIT_ASCII = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[ \t\r\f\v]+|(?<=\n)\n*)")


#: the plain reference of :data:`_SPLIT` and :data:`_SPLIT_ASCII` (same matches; tests/checks/test_checks_fast_paths.py)
SPLIT_PLAIN = re.compile(r"[.!?]+[ \t\r\f\v]+|[。！？؟]+\s*|\n+|[!?]+(?=[\u3040-\u30ff\u3400-\u9fff])")


#: the longest sentence the rules read whole; a longer run is cut at white space into pieces of at most this
#: many characters. The rules compare the matches of one sentence pairwise, so an unbounded sentence (a
#: megabyte without a full stop) would cost its length squared; the longest sentence of every corpus is
#: under 500 characters.
MAX_SENTENCE_CHARS = 1_000


def sentences(text: str, _split: re.Pattern[str] | None = None) -> list[tuple[int, str]]:
    """Split into (offset, sentence). Decimal points and '12.11.2024' do not split (no space after); a
    sentence over :data:`MAX_SENTENCE_CHARS` is cut into pieces.

    ``_split`` replaces the splitting pattern (the tests pass :data:`SPLIT_PLAIN`)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in (_split or (_SPLIT_ASCII if text.isascii() else _SPLIT)).finditer(text):
        end = m.start()
        if text[end] in ".!?。！？؟":  # keep the sentence's own punctuation
            end = m.start() + len(m.group().rstrip())
        seg = text[pos:end]
        if len(seg) > MAX_SENTENCE_CHARS:
            _add_cut(out, pos, seg)
        elif seg.strip():
            out.append((pos, seg))
        pos = m.end()
    _add_cut(out, pos, text[pos:])
    return out


def _add_cut(out: list[tuple[int, str]], pos: int, seg: str) -> None:
    """Append a non-blank sentence, cut at the last white space before every :data:`MAX_SENTENCE_CHARS`
    characters (or right there when its second half has none)."""
    while len(seg) > MAX_SENTENCE_CHARS:
        cut = max(seg.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS), seg.rfind("\t", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS))
        cut = cut + 1 if cut > 0 else MAX_SENTENCE_CHARS
        if seg[:cut].strip():
            out.append((pos, seg[:cut]))
        pos, seg = pos + cut, seg[cut:]
    if seg.strip():
        out.append((pos, seg))


def plain_ascii(text: str) -> bool:
    """ASCII without the separators U+001C-U+001F (white space to Unicode ``\\s``, not to ``re.ASCII``).

    On such text a pattern compiled with ``re.ASCII`` matches exactly as its Unicode twin, and ``re``
    tests ``\\d``/``\\w``/``\\s`` inline instead of calling into the Unicode database per character."""
    return text.isascii() and "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text


class Twin:
    """A pattern and its ``re.ASCII`` twin; :meth:`on` picks the one to run on a text (same matches)."""

    __slots__ = ("uni", "ascii", "pattern")

    def __init__(self, pattern: str, flags: int = 0):
        self.uni = re.compile(pattern, flags)
        self.ascii = re.compile(pattern, flags | re.ASCII)
        self.pattern = pattern

    def on(self, text: str) -> re.Pattern[str]:
        return self.ascii if plain_ascii(text) else self.uni


def excerpt(text: str, start: int, end: int, width: int = 40) -> str:
    """A one-line slice around [start, end) for the report."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    s = text[a:b].replace("\n", " ").replace("\r", " ").strip()
    return ("…" if a > 0 else "") + s + ("…" if b < len(text) else "")


def line_of(text: str, offset: int) -> int:
    """1-based line of ``offset``; a binary search in the text's newline offsets (computed once per
    text), so rules asking for thousands of hits in a megabyte stay linear."""
    return bisect_left(_newlines(text), offset) + 1


@lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    return [m.start() for m in _NEWLINE.finditer(text)]


_NEWLINE = re.compile("\n")


RTL_CHARS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
LETTERS = re.compile(r"[^\W\d_]")


def left_bounded(rx: re.Pattern[str], text: str, forbidden: str = "", word: bool = False, start: int = 0,
                 end: int | None = None) -> "Iterator[re.Match[str]]":
    """``rx.finditer`` (from ``start``, up to ``end``) for a match that must not follow a word character
    (``word``) or a character of ``forbidden``. Checked here instead of with a leading look-behind,
    which would stop ``re`` from skipping ahead to the pattern's first characters (5-10x slower on long
    texts)."""
    search = rx.search
    pos, n = start, len(text) if end is None else end
    while pos <= n:
        m = search(text, pos, n)
        if m is None:
            return
        s = m.start()
        prev = text[s - 1] if s else ""
        if prev and ((word and (prev.isalnum() or prev == "_")) or prev in forbidden):
            pos = s + 1
            continue
        yield m
        pos = m.end() if m.end() > s else s + 1


def left_bounded_reference(rx: re.Pattern[str], text: str, forbidden: str = "", word: bool = False) -> "Iterator[re.Match[str]]":
    """:func:`left_bounded` as the look-behind it stands for (slower: ``re`` cannot skip ahead)."""
    behind = ("(?<!\\w)" if word else "") + (f"(?<![{re.escape(forbidden)}])" if forbidden else "")
    return re.compile(f"{behind}(?:{rx.pattern})", rx.flags).finditer(text)


def first_left_bounded(rx: re.Pattern[str], text: str, forbidden: str = "", word: bool = False) -> "re.Match[str] | None":
    for m in left_bounded(rx, text, forbidden, word):
        return m
    return None


#: characters a number is written with: digits, 'd' (Amazon's 'D01-…' ids), spaces, brackets, '.', '+', '/', '-'
NUMBER_CHARS = r"\dd ().+/-"
_RUN_FROM_DIGIT = re.compile(rf"\d[{NUMBER_CHARS}]*")
_NUMBER_NON_DIGITS = "d ().+/-"  # NUMBER_CHARS less the digits


def digit_runs(text: str) -> list[tuple[int, int]]:
    """The maximal stretches of :data:`NUMBER_CHARS` that hold a digit, as (start, end), in one scan.

    Order ids, tracking numbers and phone numbers are written with these characters only, so each of
    their matches lies inside one run: :func:`in_runs` searches the runs instead of the whole text."""
    out: list[tuple[int, int]] = []
    done = 0
    for m in _RUN_FROM_DIGIT.finditer(text):
        s = m.start()
        while s > done and text[s - 1] in _NUMBER_NON_DIGITS:  # back over '(', '+', ' ' before the first digit (no digit there)
            s -= 1
        out.append((s, m.end()))
        done = m.end()
    return out


def in_runs(rx: re.Pattern[str], text: str, runs: list[tuple[int, int]], forbidden: str = "", word: bool = False,
            shortest: int = 1) -> Iterator[re.Match[str]]:
    """:func:`left_bounded` (``rx.finditer`` when nothing is forbidden) for a pattern whose matches
    consist of :data:`NUMBER_CHARS`, are at least ``shortest`` characters long and look at most one
    character past their end: each run that long is searched with that one character of context, the
    rest of the text is skipped."""
    n = len(text)
    for a, b in runs:
        if b - a >= shortest:
            yield from left_bounded(rx, text, forbidden, word, a, min(b + 1, n))
