"""Emoji and pictograph detection that does not cry wolf on ©, ®, ™, digits, '#' or '*'.

Scanned on the original text, before NFKC (which turns ㊗ into 祝). An emoji is a code point with
Emoji_Presentation, any pictograph or Emoji base followed by VS16 (U+FE0F), a keycap sequence, a
regional-indicator pair (flag) or a skin-tone modifier. A pictograph is an Extended_Pictographic code
point shown as text by default (✔ ☎ ✉ ❤ ☀ ▶ ↩ ⚠ ㊗ 〰) -- many phones still draw it in colour.
"""
from __future__ import annotations

import re
from typing import Iterator

from ._emoji_data import EMOJI, EMOJI_PRESENTATION, EXTENDED_PICTOGRAPHIC


def _cls(ranges) -> str:
    return "".join(f"\\U{a:08X}" if a == b else f"\\U{a:08X}-\\U{b:08X}" for a, b in ranges)


_TEXT_DEFAULT_OK = "\u00a9\u00ae\u2122"  # © ® ™ are fine without VS16
_PRES = _cls(EMOJI_PRESENTATION)
_EXT = _cls(EXTENDED_PICTOGRAPHIC)
_EMO = _cls(EMOJI)
EMOJI_RE = re.compile(
    rf"[0-9#*]\uFE0F?\u20E3"  # keycap
    rf"|[\U0001F1E6-\U0001F1FF]{{2}}"  # flag
    rf"|[{_EXT}{_EMO}]\uFE0F"  # text-default base + VS16
    rf"|[{_PRES}]"
)
# quick pre-filter: most business text has no code point in any of these blocks
_CANDIDATE = re.compile(rf"[{_EXT}{_PRES}\u20E3\uFE0F\U0001F1E6-\U0001F1FF]")
_PICTO_RE = re.compile(rf"[{_EXT}](?!\uFE0F)")
_PRES_SET_RE = re.compile(rf"[{_PRES}]")


_LOWEST = "\u203c"  # no emoji or pictograph (other than text-style © ®) below U+203C
_AT_LEAST_LOWEST = re.compile("[\u203c-\U0010ffff]")


def _has_candidate(text: str) -> bool:
    """Could ``text`` hold an emoji or pictograph? Asked of its distinct characters: the class has
    hundreds of ranges, and CJK or euro-priced text would otherwise be checked character by character."""
    if not text or text.isascii() or not _AT_LEAST_LOWEST.search(text):  # max(text) compares char objects
        return False
    return _CANDIDATE.search("".join(set(text)) if len(text) > 64 else text) is not None


def find_emoji(text: str) -> Iterator[re.Match[str]]:
    if not _has_candidate(text):
        return iter(())
    return EMOJI_RE.finditer(text)


def find_pictographs(text: str) -> Iterator[re.Match[str]]:
    if not _has_candidate(text):
        return
    for m in _PICTO_RE.finditer(text):
        ch = m.group()
        if ch in _TEXT_DEFAULT_OK or _PRES_SET_RE.match(ch):
            continue
        yield m


_BOTH = re.compile(rf"(?P<e>{EMOJI_RE.pattern})|(?P<p>[{_EXT}])")


def scan(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """Emoji and text-style pictographs of ``text`` in one pass: (emoji, pictographs)."""
    if not _has_candidate(text):
        return [], []
    emo, pic = [], []
    for m in _BOTH.finditer(text):
        if m.group("e"):
            emo.append(m)
        else:
            ch = m.group()
            if ch not in _TEXT_DEFAULT_OK and not _PRES_SET_RE.match(ch):
                pic.append(m)
    return emo, pic
