"""Numbers and words written apart so that a filter misses them: '07 81 42⏎56 93' over two lines, 'O6 l2 34 56 78'
with letters for digits, '٠٥٠‏١٢٣' with invisible direction marks, '0171_234_5678', 'W h a t s A p p'.

:func:`pieced` gives a same-length copy of normalised text with the pieces of a number put together (a single
line break, an invisible format character or an odd separator between digits read as a space; the letters
o, l, i read as 0, 1, 1 inside a group of digits) and where it changed; :func:`spaced_words` finds words typed
letter by letter. Whether the result is a telephone number is :mod:`.phone`'s question. Every pattern here
is one left-to-right scan (possessive or unambiguous): linear on hostile input.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

# a single line break between two digit groups ('07 81 42\n56 93'); a blank line ends a paragraph, not a number
_LINE_JOIN = re.compile(r"[\d)][ \t]*+\r?\n[ \t]*+(?=[\d(+])")
# characters no reader sees: direction marks, zero-width spaces and joiners, the soft hyphen, the BOM
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# separators no number is written with, between two digits ('0171_234_5678', '06·12·34·56·78')
_ODD_SEP = re.compile(r"\d[_·•∙*|\\~](?=\d)")
# a group of digits and the letters o, l, i (lower-cased O, I) standing for 0 and 1 ('o6', '0l7l', 'O7911')
_LOOKALIKE_GROUP = re.compile(r"(?<!\w)[0-9oli]++(?!\w)")
_LOOKALIKE_GATE = re.compile(r"\d[oli]|[oli]\d")
_UNIT = re.compile(r"\d+[oli]")  # '10l' (litres), '1o' (primero): a unit or an ordinal after the digits
_AS_DIGIT = str.maketrans("oli", "011")


class Pieced(NamedTuple):
    text: str  # same length as the input
    changed: list[int]  # sorted offsets where it differs


def pieced(norm: str) -> Pieced:
    """``norm`` (normalised: lower case, ASCII digits) with the pieces of numbers put together, same length."""
    chars: list[str] | None = None
    changed: list[int] = []

    def put(i: int, ch: str) -> None:
        nonlocal chars
        if chars is None:
            chars = list(norm)
        if chars[i] != ch:
            chars[i] = ch
            changed.append(i)

    if "\n" in norm:
        for m in _LINE_JOIN.finditer(norm):
            for i in range(m.start() + 1, m.end()):
                put(i, " ")
    if not norm.isascii():
        for m in _INVISIBLE.finditer(norm):
            put(m.start(), " ")
    for m in _ODD_SEP.finditer(norm):
        put(m.start() + 1, " ")
    if _LOOKALIKE_GATE.search(norm):
        for m in _LOOKALIKE_GROUP.finditer(norm):
            group = m.group()
            if group.isdigit() or not any(ch.isdigit() for ch in group) or _UNIT.fullmatch(group):
                continue
            for i, ch in enumerate(group.translate(_AS_DIGIT), m.start()):
                put(i, ch)
    if chars is None:
        return Pieced(norm, [])
    return Pieced("".join(chars), sorted(changed))


# a word typed letter by letter: four or more single letters, each followed by one separator
# (greedy, not possessive: backing off one letter always ends the word before its separator)
_SPACED = re.compile(r"(?<!\w)[^\W\d_](?:[ .*-][^\W\d_])+(?!\w)")
_NOT_LETTER = re.compile(r"[\W\d_]")


class SpacedWord(NamedTuple):
    match: re.Match[str]  # the word as typed
    word: str  # its letters run together


def spaced_words(norm: str) -> Iterator[SpacedWord]:
    """Words typed with a space (or '.', '-', '*') after every letter: 'w h a t s a p p', 'و ا ت س ا ب'."""
    for m in _SPACED.finditer(norm):
        if m.end() - m.start() >= 7:  # four letters at least
            yield SpacedWord(m, _NOT_LETTER.sub("", m.group()))
