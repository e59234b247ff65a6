"""Locale-bound Jinja filters: dates, money and numbers are formatted by Babel, never concatenated.

In a right-to-left message, ``isolate`` keeps a substituted value (a Latin buyer name, an order
id like 302-1234567-7654321) from being reordered by the text around it: ``<bdi>`` in HTML,
FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE in plain text (Unicode UAX #9).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

from ..values import Money

FSI, PDI = "\u2068", "\u2069"


def locale_filters(locale: Locale) -> dict[str, Callable[..., str]]:
    """Filters for templates rendered for ``locale`` (a Locale object: faster than a string)."""

    def date(value: dt.date, format: str = "long") -> str:
        return format_date(value, format=format, locale=locale)

    def money(value: Money) -> str:
        return format_currency(value.amount, value.currency, locale=locale)

    def number(value: int | Decimal | float) -> str:
        return format_decimal(value, locale=locale)

    rtl = locale.text_direction == "rtl"

    @pass_eval_context
    def isolate(eval_ctx: EvalContext, value: object) -> object:
        if not rtl or not isinstance(value, str) or not value:
            return value
        if eval_ctx.autoescape:
            return Markup("<bdi>%s</bdi>") % value
        return f"{FSI}{value}{PDI}"

    return {"date": date, "money": money, "number": number, "isolate": isolate}


def warm(locale: Locale) -> None:
    """Load the CLDR data a locale needs once, at start-up, instead of on a buyer's request."""
    filters = locale_filters(locale)
    filters["date"](dt.date(2000, 1, 1))
    filters["money"](Money(Decimal("1.5"), "EUR"))
    filters["number"](1)

