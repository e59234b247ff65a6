"""Render-ready template sources of one scenario (what a pack stores; no build-time imports)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PreparedTemplates:
    """Locale-neutral, render-ready template sources of one scenario."""

    subject: str
    html: str
    text: str
    short: str | None = None  # plain text for channels with a tight length limit (Mercado Libre)
