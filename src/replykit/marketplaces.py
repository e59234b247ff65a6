"""Facts about each marketplace that rendering needs: languages it requires, channels it accepts.

They are read from the packaged marketplace profiles (``data/profiles/<id>.json``), the same
data the checks use, so a reply is rendered the way it will be judged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import UnknownMarketplaceError

MARKETPLACES = ("amazon", "ebay", "walmart_us", "walmart_ca", "wish", "etsy", "mercadolibre")


@dataclass(frozen=True, slots=True)
class Marketplace:
    """What a marketplace accepts."""

    id: str
    required_languages: tuple[str, ...]  # empty: the buyer's language
    html: bool  # False: the message is sent as its plain-text body
    max_chars: int | None  # longest text body the channel accepts


@lru_cache(maxsize=None)
def marketplace(marketplace_id: str, channel: str = "email") -> Marketplace:
    """The facts for one marketplace; raises UnknownMarketplaceError naming the known ones."""
    if marketplace_id not in MARKETPLACES:
        raise UnknownMarketplaceError(
            f"unknown marketplace {marketplace_id!r} (known: {', '.join(MARKETPLACES)})")
    data = json.loads(resources.files("replykit").joinpath(f"data/profiles/{marketplace_id}.json")
                      .read_text(encoding="utf-8"))
    spec = data.get("channels", {}).get(channel, {})
    return Marketplace(
        id=marketplace_id,
        required_languages=tuple(data.get("languages", {}).get("required", ())),
        html=bool(spec.get("html", True)),
        max_chars=spec.get("max_chars"),
    )
