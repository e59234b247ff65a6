"""Typed values of ticket variables that templates format for the buyer's locale."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


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
