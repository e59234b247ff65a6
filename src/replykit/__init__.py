"""replykit: write, localize, check and publish the replies marketplace sellers send to buyers.

    >>> import replykit
    >>> replykit.build(".")                      # check, then publish build/packs/<id>/
    >>> reply = replykit.render("delay_notice", locale="de-AT", marketplace="amazon",
    ...                         variables={...})
    >>> reply.subject, reply.body, reply.format, reply.locale, reply.fallbacks
    >>> pack = replykit.load_pack("build/packs/0.1.0-abc123def456.tar.gz")   # in a service

Rendering from a pack imports neither the build tools (MJML, CSS inlining) nor the checks:
they load only when :func:`build` or the project's sources need them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    CatalogueError,
    DeadlineError,
    LocaleError,
    PackError,
    ReplykitError,
    ScenarioNotPermittedError,
    SourceError,
    TemplateError,
    UnknownChannelError,
    UnknownMarketplaceError,
    UnknownScenarioError,
    VariableError,
)
from .marketplaces import RESPONSE_KINDS, reply_deadline
from .packs import Pack, PackSource, load_pack
from .rendering.renderer import Fallback, Renderer, Reply

if TYPE_CHECKING:
    from .publish import BuildResult

__version__ = "0.1.0"


class _Published:
    """The default renderer: follows ``build/CURRENT`` and swaps when a new pack is published."""

    def __init__(self, build_dir: Path) -> None:
        self.pointer = build_dir / "CURRENT"
        self.build_dir = build_dir
        self.stamp: tuple[int, int, int] | None = None
        self.renderer: Renderer | None = None

    def get(self) -> Renderer:
        from .pack_store import default_renderer

        try:
            info = os.stat(self.pointer)
            stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = None
        if self.renderer is None or stamp != self.stamp:
            with _default_lock:
                if self.renderer is None or stamp != self.stamp:
                    self.renderer = default_renderer(self.build_dir)  # raises PackError: no silent fallback
                    self.stamp = stamp
        return self.renderer


_default: Renderer | _Published | None = None
_default_lock = threading.Lock()


def default_renderer() -> Renderer:
    """The process-wide renderer: the pack ``$REPLYKIT_PACK`` names, else the project's ``build/CURRENT``.

    A missing or damaged pack raises :class:`PackError`; the sources are never used silently.
    """
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                explicit = os.environ.get("REPLYKIT_PACK")
                if explicit:
                    _default = load_pack(explicit).renderer
                else:
                    from .project import Project

                    _default = _Published(Project.at().build_dir)
    return _default.get() if isinstance(_default, _Published) else _default


def render(scenario: str, *, locale: str, marketplace: str, variables: Mapping[str, Any],
           from_sources: bool = False) -> Reply:
    """Render one reply for one ticket from the published pack (a newly published one is picked up).

    ``locale`` accepts ``de-AT``, ``de_AT``, ``de`` or an Accept-Language value. Raises a
    :class:`ReplykitError` subclass naming the bad field, scenario, marketplace or locale.
    ``from_sources=True`` renders the project's unbuilt, unchecked sources (for development).
    """
    renderer = sources_renderer() if from_sources else default_renderer()
    return renderer.render(scenario, locale=locale, marketplace=marketplace, variables=variables)


def sources_renderer(project_dir: str | os.PathLike[str] | None = None) -> Renderer:
    """A renderer over the project's sources (unchecked; for development and previews)."""
    from .project import Project, ProjectSource

    project = Project.at(project_dir)
    if not project.templates_dir.is_dir():
        raise SourceError(project.templates_dir, "no templates/ to render from")
    return Renderer(ProjectSource(project), project.source_locale)


def build(project_dir: str | os.PathLike[str] | None = None, *,
          out: str | os.PathLike[str] | None = None) -> BuildResult:
    """Check the project and publish a pack; see :func:`replykit.publish.build`."""
    from .publish import build as gated_build

    return gated_build(project_dir, out=out)


__all__ = [
    "CatalogueError", "DeadlineError", "Fallback", "LocaleError", "Pack", "PackError", "PackSource",
    "RESPONSE_KINDS", "Renderer", "Reply", "ReplykitError", "ScenarioNotPermittedError", "SourceError",
    "TemplateError", "UnknownChannelError", "UnknownMarketplaceError", "UnknownScenarioError", "VariableError", "build",
    "default_renderer", "load_pack", "render", "reply_deadline", "sources_renderer",
]
