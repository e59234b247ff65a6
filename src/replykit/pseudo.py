"""The pseudo-locale ``en_XA``: accented, ~35 % longer, bracketed English, made from the .pot.

Rendering a scenario in ``en_XA`` shows at a glance what is not translatable (plain
English survives unaccented), where a layout overflows (text grows like German or
Finnish does) and where strings are concatenated (brackets end mid-sentence). It is
generated on demand and never written to a pack.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from .po import read_po
from .rendering.catalogue import Catalogue, Entry

PSEUDO_LOCALE = "en_XA"
PSEUDO_FORMAT_LOCALE = "en"  # dates, numbers and plurals as in this locale
EXPANSION = 0.35
_PLACEHOLDER = re.compile(r"(%\(\w+\)s|%%)")
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥíĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)


def pseudo_translate(text: str) -> str:
    """``Hello %(name)s,`` -> ``[Ĥéĺĺö %(name)s, ~~~~]``: placeholders kept, letters accented."""
    parts = _PLACEHOLDER.split(text)
    accented = "".join(part if index % 2 else part.translate(_ACCENTED) for index, part in enumerate(parts))
    padding = max(1, math.ceil(len(text) * EXPANSION) - 3)
    return f"[{accented} {'~' * padding}]"


def pseudo_catalogue(pot_path: Path) -> Catalogue:
    """A runtime catalogue translating every message of the .pot into the pseudo-locale."""
    template = read_po(pot_path)  # the one strict reader: a broken .pot is a one-line CatalogueError
    entries = {}
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, (tuple, list)):
            singular, plural = message.id
            forms = (pseudo_translate(singular), pseudo_translate(plural))
            entries[(message.context, singular)] = Entry(forms, message.lineno, True)
        else:
            entries[(message.context, message.id)] = Entry((pseudo_translate(message.id),), message.lineno, False)
    return Catalogue(PSEUDO_LOCALE, str(pot_path), entries, lambda n: int(n != 1), 2)
