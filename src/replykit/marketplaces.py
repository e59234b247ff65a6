"""Facts about each marketplace: languages it requires, channels it accepts, response windows.

They are read from the packaged marketplace profiles (``data/profiles/<id>.json``), the same
data the checks use, so a reply is rendered (and timed) the way it will be judged. The response
window for a buyer's message is ``sla_hours`` (what ``timing.response-sla`` checks); a profile
may set a different window per kind of message in ``sla_hours_by_kind``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from .errors import DeadlineError, UnknownChannelError, UnknownMarketplaceError
from .values import shown

MARKETPLACES = ("amazon", "ebay", "walmart_us", "walmart_ca", "wish", "etsy", "mercadolibre")
#: What a seller answers: a buyer's message, a complaint escalated by the marketplace's customer
#: care, or a consumer-protection (e.g. Better Business Bureau) complaint forwarded by its staff.
RESPONSE_KINDS = ("reply", "complaint", "consumer_protection")


@dataclass(frozen=True, slots=True)
class Marketplace:
    """What a marketplace accepts."""

    id: str
    required_languages: tuple[str, ...]  # empty: the buyer's language
    html: bool  # False: the message is sent as its plain-text body
    max_chars: int | None  # longest text body the channel accepts
    response_hours: Mapping[str, float]  # hours to answer, by kind of message (RESPONSE_KINDS)


@lru_cache(maxsize=None)
def packaged_profile(marketplace_id: str) -> dict[str, Any]:
    """``data/profiles/<id>.json`` of a known marketplace, read once: the one reader of those files
    (the checks merge a project's ``replykit.toml`` over it, see :mod:`replykit.checks.profiles`).
    Raises UnknownMarketplaceError naming the known ones. Callers must not change it."""
    if marketplace_id not in MARKETPLACES:
        raise UnknownMarketplaceError(
            f"unknown marketplace {marketplace_id!r} (known: {', '.join(MARKETPLACES)})")
    return json.loads(resources.files("replykit").joinpath(f"data/profiles/{marketplace_id}.json")
                      .read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def marketplace_names() -> tuple[str, ...]:
    """How messages write the marketplaces' names ('Amazon', 'Mercado Livre', 'Mercado Pago'): each profile's
    ``names``, else its ``display_name``."""
    out: list[str] = []
    for m in MARKETPLACES:
        data = packaged_profile(m)
        out += data.get("names") or [data["display_name"]]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def marketplace(marketplace_id: str, channel: str = "email") -> Marketplace:
    """The facts for one marketplace and channel; raises UnknownMarketplaceError or
    UnknownChannelError naming the known ones."""
    data = packaged_profile(marketplace_id)
    channels = data.get("channels", {})
    if channel not in channels:  # refused, not cached: an untrusted name never grows the cache
        raise UnknownChannelError(f"unknown channel {shown(channel)} on {marketplace_id} "
                                  f"(known: {', '.join(channels)})")
    spec = channels[channel]
    windows = {"reply": data["sla_hours"], **data.get("sla_hours_by_kind", {})}
    return Marketplace(
        id=marketplace_id,
        required_languages=tuple(data.get("languages", {}).get("required", ())),
        html=bool(spec.get("html", True)),
        max_chars=spec.get("max_chars"),
        response_hours=MappingProxyType({kind: float(windows.get(kind, windows["reply"]))
                                         for kind in RESPONSE_KINDS}),
    )


def reply_deadline(marketplace_id: str, received_at: dt.datetime | str, kind: str = "reply") -> dt.datetime:
    """When the answer to a message received at ``received_at`` is due on ``marketplace_id``.

    ``received_at`` is a time-zone-aware datetime or an ISO-8601 string with an offset
    (``2026-12-07T09:30:00+01:00``); the deadline comes back in the same time zone. A kind the
    marketplace sets no separate window for is due within its reply window.
    """
    if kind not in RESPONSE_KINDS:
        raise DeadlineError(f"kind: expected one of {', '.join(RESPONSE_KINDS)}, got {kind!r}")
    facts = marketplace(marketplace_id)
    if isinstance(received_at, str):
        try:
            received_at = dt.datetime.fromisoformat(received_at)
        except ValueError:
            raise DeadlineError(f"received_at: expected an ISO-8601 date and time, got {received_at!r}") from None
    if not isinstance(received_at, dt.datetime):
        raise DeadlineError(f"received_at: expected a datetime, got {type(received_at).__name__}")
    if received_at.utcoffset() is None:
        raise DeadlineError(f"received_at: {received_at.isoformat()} has no time zone; give an offset such as +00:00")
    return received_at + dt.timedelta(hours=facts.response_hours[kind])
