"""Locale-bound Jinja filters: dates, money and numbers are formatted by Babel, never concatenated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from ..values import Money


def locale_filters(locale: Locale) -> dict[str, Callable[..., str]]:
    """Filters for templates rendered for ``locale`` (a Locale object: faster than a string)."""

    def date(value: dt.date, format: str = "long") -> str:
        return format_date(value, format=format, locale=locale)

    def money(value: Money) -> str:
        return format_currency(value.amount, value.currency, locale=locale)

    def number(value: int | Decimal | float) -> str:
        return format_decimal(value, locale=locale)

    return {"date": date, "money": money, "number": number}


def warm(locale: Locale) -> None:
    """Load the CLDR data a locale needs once, at start-up, instead of on a buyer's request."""
    filters = locale_filters(locale)
    filters["date"](dt.date(2000, 1, 1))
    filters["money"](Money(Decimal("1.5"), "EUR"))
    filters["number"](1)

