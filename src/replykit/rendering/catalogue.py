"""Runtime view of one gettext catalogue: translated strings, plural rule, origin lines.

Read with Babel from .po (sources) or .mo (packs). Fuzzy, obsolete and partly translated
entries are left out, so they can never reach a buyer.
"""

from __future__ import annotations

import gettext
import io
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo

from ..errors import CatalogueError
from ..plural_limits import plural_forms_problem, read_catalogue_file
from ..po import forms_of, read_po, translated

Key = tuple[str | None, str]  # (msgctxt, msgid)


@dataclass(frozen=True, slots=True)
class Entry:
    """The translated forms of one message and where they were written."""

    forms: tuple[str, ...]
    line: int | None
    is_plural: bool


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Translations of one locale."""

    locale: str
    path: str
    entries: dict[Key, Entry]
    plural: Callable[[int], int]
    nplurals: int

    @classmethod
    def from_babel(cls, catalog: Catalog, locale: str, path: str) -> Catalogue:
        entries: dict[Key, Entry] = {}
        for message in catalog:
            forms = forms_of(message)
            if not message.id or not translated(message.fuzzy, forms):
                continue
            is_plural = isinstance(message.id, (tuple, list))
            msgid = message.id[0] if is_plural else message.id
            context = message.context
            if isinstance(context, bytes):  # Babel's read_mo leaves msgctxt undecoded
                context = context.decode(catalog.charset or "utf-8")
            entries[(context, msgid)] = Entry(forms, message.lineno, is_plural)
        problem = plural_forms_problem(f"nplurals={catalog.num_plurals}; plural={catalog.plural_expr}")
        if problem:  # a .mo is read without sizing anything by nplurals: its header is checked here
            raise CatalogueError(path, f"Plural-Forms: {problem}")
        try:
            plural = gettext.c2py(catalog.plural_expr)
        except (ValueError, SyntaxError):
            raise CatalogueError(path, f"Plural-Forms expression {catalog.plural_expr!r} is not valid") from None
        return cls(locale, path, entries, plural, catalog.num_plurals)

    def lookup(self, context: str | None, msgid: str) -> Entry | None:
        return self.entries.get((context, msgid))


def load_catalogue(path: Path, locale: str) -> Catalogue:
    """Load a .po (through the one strict reader) or .mo file; a broken file raises CatalogueError."""
    if path.suffix != ".mo":
        return Catalogue.from_babel(read_po(path, locale=locale), locale, str(path))
    return catalogue_from_mo(read_catalogue_file(path), locale, str(path))


def catalogue_from_mo(data: bytes, locale: str, path: str) -> Catalogue:
    """A catalogue from compiled .mo bytes (as stored in a pack)."""
    try:
        catalog = read_mo(io.BytesIO(data))
    except (ValueError, UnicodeDecodeError, OSError, IndexError, struct.error, LookupError) as error:
        raise CatalogueError(path, f"not a readable .mo catalogue: {error}") from None
    return Catalogue.from_babel(catalog, locale, path)


@dataclass(frozen=True, slots=True)
class Hit:
    """Result of a lookup through a chain: the forms to use and where they came from."""

    forms: tuple[str, ...]
    plural: Callable[[int], int]
    locale: str
    catalogue: Catalogue | None  # None: the source text itself
    line: int | None = None


def _source_plural(n: int) -> int:
    return int(n != 1)


class TranslationChain:
    """Catalogues tried in order for each string, ending in the source text."""

    def __init__(self, catalogues: Sequence[Catalogue], source_locale: str) -> None:
        self.catalogues = tuple(catalogues)
        self.source_locale = source_locale
        self.primary = self.catalogues[0].locale if self.catalogues else source_locale

    def lookup(self, context: str | None, singular: str, plural: str | None = None) -> Hit:
        for catalogue in self.catalogues:
            entry = catalogue.lookup(context, singular)
            if entry is not None and entry.is_plural == (plural is not None):
                return Hit(entry.forms, catalogue.plural, catalogue.locale, catalogue, entry.line)
        forms = (singular,) if plural is None else (singular, plural)
        return Hit(forms, _source_plural, self.source_locale, None)

    def plural_rule(self, locale: str) -> Callable[[int], int]:
        """The plural rule of the catalogue for ``locale`` (the source rule otherwise)."""
        for catalogue in self.catalogues:
            if catalogue.locale == locale:
                return catalogue.plural
        return _source_plural
