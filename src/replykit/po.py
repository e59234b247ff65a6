"""The one .po reader: Babel's parser, strict.

Every command that reads a .po or .pot (compile, stats, update, build, rendering from the
sources, lint) calls :func:`read_po`, so they all accept and refuse the same files. Babel's
parser is lenient where ``msgfmt`` is not: it silently drops the last character of an
unterminated string and lets a second definition of a message replace the first. Here
both, and every line Babel itself finds invalid, raise :class:`CatalogueError` with
``file:line``, so a broken catalogue is refused before anything is written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser

from .errors import CatalogueError
from .plural_limits import read_po_bytes

#: One complete C string literal, as gettext writes it.
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


class _StrictParser(PoFileParser):
    """Babel's parser that refuses what ``msgfmt`` refuses instead of guessing."""

    def __init__(self, catalog: Catalog, path: Path) -> None:
        super().__init__(catalog, ignore_obsolete=False, abort_invalid=True)
        self.path = path

    def _process_message_line(self, lineno: int, line: str, obsolete: bool = False) -> None:
        if line:
            quoted = line if line[0] == '"' else line.partition(" ")[2].strip()
            if not _QUOTED.fullmatch(quoted):
                raise CatalogueError(self.path, f"unterminated or malformed string: {line[:60]!r}", lineno + 1)
        super()._process_message_line(lineno, line, obsolete)

    def _add_message(self) -> None:
        key_count = len(self.catalog._messages) + len(self.catalog.obsolete)
        msgid = self.messages[0].denormalize() if self.messages else ""
        super()._add_message()
        if msgid and len(self.catalog._messages) + len(self.catalog.obsolete) == key_count:
            raise CatalogueError(self.path, f"duplicate message definition {msgid[:60]!r}", self.offset + 1)

    def _invalid_pofile(self, line: str, lineno: int, msg: str) -> None:
        if msg.startswith("msg has more translations than num_plurals"):
            return  # well-formed; Babel drops the extra form and the po.plural.count rule reports it
        raise CatalogueError(self.path, f"{msg}: {line[:60]!r}", lineno + 1)


def translated(fuzzy: bool, forms: Iterable[str]) -> bool:
    """The one definition of a translated message: not fuzzy, and every form (one, or one per plural
    form) has text. Only such messages are rendered, compiled into a pack and counted as coverage."""
    forms = tuple(forms)
    return not fuzzy and bool(forms) and all(forms)


def forms_of(message: Message) -> tuple[str, ...]:
    """A Babel message's translation forms: one, or one per plural form."""
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)


def read_po(path: str | Path, locale: str | None = None) -> Catalog:
    """Parse a .po/.pot file strictly; a file that does not parse cleanly raises CatalogueError."""
    path = Path(path)
    catalog = Catalog(locale=locale)
    raw = read_po_bytes(path)  # a Plural-Forms Babel would size lists by is refused first
    try:
        _StrictParser(catalog, path).parse(io.BytesIO(raw))
    except UnicodeDecodeError as error:
        raise CatalogueError(path, f"bytes not decodable as {catalog.charset}: {error.reason}",
                             _line_of(path, error.object, error.start)) from None
    except PoFileError as error:
        raise CatalogueError(path, str(error)) from None
    except (ValueError, OSError, LookupError) as error:  # LookupError: a charset that is not a text encoding
        raise CatalogueError(path, f"cannot read catalogue: {error}") from None
    return catalog


def _line_of(path: Path, chunk: bytes, offset: int) -> int | None:
    """The file line holding ``chunk[offset]`` (the parser decodes line by line)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    at = data.find(chunk)
    return data[: at + offset].count(b"\n") + 1 if at >= 0 else None


__all__ = ["read_po"]
