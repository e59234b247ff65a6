"""Typed values of ticket variables, and the rules that turn untrusted JSON into them.

Ticket data comes from buyers and ticket systems: every parser here refuses what could
change the message's meaning or layout (controls, line breaks, bidirectional overrides,
invisible characters, far-off URLs, exponents and lookalike digits) with a reason,
raising :class:`ValueError`; :mod:`replykit.scenarios` names the field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any
from urllib.parse import urlsplit

MAX_TEXT_LENGTH = 2000
MAX_URL_LENGTH = 2048
MAX_INTEGER_DIGITS = 12
MAX_FRACTION_DIGITS = 4      # CLF, the ISO 4217 currency with the most minor units, has 4
MAX_INTEGER = 10 ** 9        # counts, days, quantities

#: Unicode's Bidi_Control characters: they reorder what the buyer reads.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ / ZWJ: spelling in Persian and Indic scripts, emoji sequences
_AMOUNT = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?")
_CALENDAR_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_URL_FORBIDDEN = re.compile(r"""[\s"'<>`\\\x00-\x1f\x7f-\x9f]""")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in an ISO 4217 currency; formatted by Babel, never concatenated."""

    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class Item:
    """One order line as the buyer sees it."""

    title: str
    quantity: int


def shown(value: Any, limit: int = 60) -> str:
    """``repr`` of an untrusted value, cut so an error message stays one short line."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def parse_text(value: str, *, multiline: bool = False, limit: int = MAX_TEXT_LENGTH) -> str:
    """Printable text; line breaks only where ``multiline`` (CRLF becomes LF)."""
    if len(value) > limit:
        raise ValueError(f"longer than {limit:,} characters")
    if multiline:
        value = value.replace("\r\n", "\n")
    if not value.strip():
        raise ValueError("must not be empty")
    if not value.isprintable():  # fast path: ordinary text has nothing to look at
        for index, char in enumerate(value):
            problem = _character_problem(value, index, char, multiline)
            if problem:
                raise ValueError(f"{problem} U+{ord(char):04X} at position {index + 1}")
    return value


def _character_problem(text: str, index: int, char: str, multiline: bool) -> str | None:
    category = unicodedata.category(char)
    if char == "\n":
        return None if multiline else "line break"
    if category in ("Zl", "Zp"):
        return "line break"
    if category == "Cc":
        return "control character"
    if category == "Cs":
        return "lone surrogate"
    if char in _BIDI_CONTROLS:
        return "bidirectional control"
    if char in _JOINERS and _joins(text, index):
        return None
    if category == "Cf":
        return "invisible formatting character"
    return None


def _joins(text: str, index: int) -> bool:
    """A joiner is spelling only between two letters, marks or symbols."""
    if index == 0 or index == len(text) - 1:
        return False
    return all(unicodedata.category(text[i])[0] in "LMS" for i in (index - 1, index + 1))


def parse_url(value: str) -> str:
    """An absolute https URL a buyer can safely be sent to."""
    if len(value) > MAX_URL_LENGTH:
        raise ValueError(f"URL longer than {MAX_URL_LENGTH:,} characters")
    bad = _URL_FORBIDDEN.search(value)
    if bad:
        kind = "whitespace" if bad.group().isspace() else "backslash" if bad.group() == "\\" else \
            "control character" if unicodedata.category(bad.group()) == "Cc" else "character"
        raise ValueError(f"URL contains {kind} U+{ord(bad.group()):04X} at position {bad.start() + 1}")
    if not value.isprintable():
        raise ValueError("URL contains an invisible or control character")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"expected an absolute https URL, got {shown(value)}")
    if parts.username is not None or parts.password is not None:
        raise ValueError("URL must not carry a user name or password")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 and parts.netloc.rsplit("]", 1)[-1].count(":"):
        raise ValueError(f"URL port is not a number in 1..65535: {shown(parts.netloc)}")
    return value


def parse_amount(value: Any, *, signed: bool = False) -> Decimal:
    """A plain decimal (string or JSON number): ASCII digits, no exponent, at most 12 integer digits."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"expected a decimal number, got {type(value).__name__}")
    if isinstance(value, int) and value.bit_length() > 64:  # never turn a huge integer into digits
        raise ValueError(f"more than {MAX_INTEGER_DIGITS} digits before the decimal point")
    text = repr(value) if isinstance(value, float) else str(value)
    match = _AMOUNT.fullmatch(text) if len(text) <= 64 else None
    if not match:
        hint = " (ASCII digits 0-9 only)" if any(c.isdigit() and not c.isascii() for c in text[:64]) else ""
        raise ValueError(f"expected a decimal number like 12.50{hint}, got {shown(text)}")
    sign, whole, fraction = match.groups()
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise ValueError(f"more than {MAX_INTEGER_DIGITS} digits before the decimal point")
    if fraction and len(fraction) > MAX_FRACTION_DIGITS:
        raise ValueError(f"more than {MAX_FRACTION_DIGITS} decimal places")
    number = Decimal(text)
    if sign and (not signed or number == 0):
        raise ValueError(f"expected a non-negative number, got {shown(text)}")
    return number


@cache
def active_currencies(on: dt.date | None = None) -> frozenset[str]:
    """ISO 4217 codes that are legal tender somewhere today, per Babel's CLDR data.

    Leaves out withdrawn currencies (DEM) and the codes for testing and no currency (XTS, XXX).
    """
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    day = on or dt.date.today()
    return frozenset(code for territory in get_global("territory_currencies")
                     for code in get_territory_currencies(territory, day, tender=True))


def parse_currency(value: Any) -> str:
    if not isinstance(value, str) or value not in active_currencies():
        raise ValueError(f"expected an active ISO 4217 code such as EUR, got {shown(value)}")
    return value


def parse_date(value: str) -> dt.date:
    """An ISO-8601 calendar date, YYYY-MM-DD (no week or ordinal dates, no times)."""
    if not _CALENDAR_DATE.fullmatch(value) or not value.isascii():
        raise ValueError(f"expected an ISO date YYYY-MM-DD, got {shown(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected an ISO date YYYY-MM-DD, got {shown(value)} (no such day)") from None


def parse_count(value: Any, *, minimum: int = 0) -> int:
    """A whole JSON number in ``minimum``..10^9."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"expected a whole number >= {minimum}, got {shown(value)}")
    if value > MAX_INTEGER:
        raise ValueError(f"expected a whole number of at most {MAX_INTEGER:,}")
    return value
