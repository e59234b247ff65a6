"""replykit: write, localize, check and publish the replies marketplace sellers send to buyers.

    >>> import replykit
    >>> reply = replykit.render("delay_notice", locale="de-AT", marketplace="amazon",
    ...                         variables={...})
    >>> reply.subject, reply.html, reply.text, reply.locale, reply.fallbacks
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from .errors import (
    CatalogueError,
    DeadlineError,
    LocaleError,
    PackError,
    ReplykitError,
    ScenarioNotPermittedError,
    SourceError,
    TemplateError,
    UnknownMarketplaceError,
    UnknownScenarioError,
    VariableError,
)
from .marketplaces import RESPONSE_KINDS, reply_deadline
from .rendering.renderer import Fallback, Renderer, Reply

__version__ = "0.1.0"

_default: Renderer | None = None
_default_lock = threading.Lock()


def default_renderer() -> Renderer:
    """The process-wide renderer: ``$REPLYKIT_PACK``, else ``build/CURRENT``, else the sources."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                from .packs import default_renderer as make

                _default = make()
    return _default


def render(scenario: str, *, locale: str, marketplace: str, variables: Mapping[str, Any]) -> Reply:
    """Render one reply for one ticket with the default renderer.

    ``locale`` accepts ``de-AT``, ``de_AT``, ``de`` or an Accept-Language value. Raises a
    :class:`ReplykitError` subclass naming the bad field, scenario, marketplace or locale.
    """
    return default_renderer().render(scenario, locale=locale, marketplace=marketplace, variables=variables)


__all__ = [
    "CatalogueError", "DeadlineError", "Fallback", "LocaleError", "PackError", "Renderer", "Reply", "ReplykitError",
    "ScenarioNotPermittedError", "SourceError", "TemplateError", "UnknownMarketplaceError",
    "RESPONSE_KINDS", "UnknownScenarioError", "VariableError", "default_renderer", "render", "reply_deadline",
]
