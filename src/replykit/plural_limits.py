"""Bounds on a catalogue's Plural-Forms header, checked before any library reads the catalogue.

Babel sizes a list by ``nplurals`` for every plural entry it reads (``nplurals=10**20`` exhausts
memory) and plural expressions are parsed recursively (10,000 parentheses or 3,000 ``!`` overflow
the stack). No language needs more than CLDR's six forms or a deeply nested rule, so a header
beyond these bounds is refused with a reason, wherever a Plural-Forms header is read.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import CatalogueError

MAX_NPLURALS = 6            # CLDR's maximum (Arabic, Welsh)
MAX_EXPRESSION_LENGTH = 400  # the longest gettext rule (Arabic) has ~100 characters
MAX_NESTING = 12            # parentheses and ternaries inside each other
MAX_UNARY_RUN = 4           # `!` / `-` in a row

class PluralFormsError(CatalogueError):
    """A catalogue's Plural-Forms header is beyond the bounds (lint reports it as po.header.plural-forms)."""


_NPLURALS = re.compile(r"nplurals\s*=\s*([^;\s]*)")
_PLURAL = re.compile(r"plural\s*=\s*([^;]*)")
_UNARY_RUN = re.compile(r"(?:[!-]\s*){%d}" % (MAX_UNARY_RUN + 1))
_HEADER_LINE = re.compile(rb'^\s*(msgid|msgstr|msgctxt|msgid_plural|")')
_QUOTED = re.compile(rb'"((?:[^"\\\n]|\\.)*)"')


def plural_forms_problem(value: str) -> str | None:
    """Why a Plural-Forms value is out of bounds (one line), or None when it may be parsed."""
    found = _NPLURALS.search(value)
    if found:
        count = found.group(1)
        if not count.isascii() or not count.isdigit() or len(count) > 3 or not 1 <= int(count) <= MAX_NPLURALS:
            return f"nplurals={count[:20]} is not a number of forms in 1..{MAX_NPLURALS} (CLDR's maximum)"
    rule = _PLURAL.search(value)
    expression = rule.group(1) if rule else ""
    if len(expression) > MAX_EXPRESSION_LENGTH:
        return f"plural expression longer than {MAX_EXPRESSION_LENGTH} characters"
    depth = deepest = 0
    for char in expression:
        if char in "(?":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "):":
            depth -= 1
    if deepest > MAX_NESTING:
        return f"plural expression nested more than {MAX_NESTING} levels deep"
    if _UNARY_RUN.search(expression):
        return f"plural expression has more than {MAX_UNARY_RUN} `!` or `-` in a row"
    return None


def po_plural_forms(raw: bytes) -> list[str]:
    """The Plural-Forms values in the header entry of a .po file's bytes (usually one).

    Reads only the first entry (``msgid ""``) and joins its quoted strings, so a value split
    over several lines is seen whole.
    """
    header: list[bytes] = []
    started = False
    for line in raw.splitlines():
        if not line.strip() or line.lstrip().startswith(b"#"):
            if started and header:
                break
            continue
        keyword = _HEADER_LINE.match(line)
        if keyword is None:
            break
        if keyword.group(1) in (b"msgid", b"msgctxt", b"msgid_plural"):
            if started or keyword.group(1) != b"msgid" or _QUOTED.findall(line) != [b""]:
                if started:
                    break
                return []  # the first entry is not the header
            started = True
            continue
        header.extend(_QUOTED.findall(line))
    text = b"".join(header).decode("utf-8", "replace").replace("\\n", "\n")
    return [value.strip() for name, _, value in (line.partition(":") for line in text.split("\n"))
            if name.strip().lower() == "plural-forms"]


def po_plural_problem(raw: bytes) -> str | None:
    """Why the Plural-Forms header of a .po file's bytes is out of bounds, or None."""
    for value in po_plural_forms(raw):
        problem = plural_forms_problem(value)
        if problem:
            return problem
    return None


def read_catalogue_file(path: Path) -> bytes:
    """A catalogue file's bytes; a missing or unreadable file is a CatalogueError naming it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CatalogueError(path, "catalogue file is missing") from None
    except OSError as error:
        raise CatalogueError(path, f"cannot read catalogue: {error.strerror}") from None


def read_po_bytes(path: Path) -> bytes:
    """A .po file's bytes, refused (CatalogueError naming it) when its Plural-Forms is out of bounds."""
    raw = read_catalogue_file(path)
    problem = po_plural_problem(raw)
    if problem:
        at = raw.find(b"Plural-Forms")
        raise PluralFormsError(path, f"Plural-Forms: {problem}", raw[:at].count(b"\n") + 1 if at >= 0 else None)
    return raw
