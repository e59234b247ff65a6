"""The one place the server touches the library's pack, render and check calls.

Packs come from ``replykit.load_pack`` (a folder or ``<pack-id>.tar.gz``, verified against its
manifest on load); the translator preview renders from the project's sources through a
:class:`~replykit.packs.Pack` subclass. Findings and the rule book come from one shared
``checks.Checker`` built from the project's ``replykit.toml``. Everything else in
``replykit.server`` imports from here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .. import load_pack, sources_renderer
from ..checks import Checker, Finding, LintReport, Message, message_from_json
from ..pack_store import current_pack
from ..packs import Pack
from ..project import Project
from ..rendering.renderer import Renderer

__all__ = ["Checker", "Finding", "LintReport", "Loaded", "Message", "SourcesPack", "checker", "load_pack_at",
           "load_project_pack", "load_sources", "message_from_json"]


class SourcesPack(Pack):
    """The project's templates and .po catalogues (with the pseudo-locale) served like a pack."""

    def __init__(self, project: Project) -> None:  # noqa: D107 - a Pack over ProjectSource, unverified
        self.renderer: Renderer = sources_renderer(project.root)
        self.source = self.renderer.source  # type: ignore[assignment]
        self._project = project

    @property
    def id(self) -> str:
        return "sources"

    @property
    def path(self) -> Path:
        return self._project.root

    @property
    def manifest(self) -> dict[str, Any]:
        project = self._project
        return {"id": self.id, "name": project.name, "version": project.version,
                "source_locale": project.source_locale, "locales": list(self.locales),
                "scenarios": list(self.scenarios), "from_sources": str(project.root)}


#: What the server renders from: a verified pack, or the sources for the preview.
Loaded = Pack | SourcesPack


def load_pack_at(path: str | os.PathLike[str]) -> Pack:
    """Load and verify a pack folder or archive; :class:`PackError` names the bad file.

    A symlink is resolved here, and the pack is read into memory whole, so swapping the symlink
    takes effect on the next reload only.
    """
    return load_pack(Path(path).resolve())


def load_project_pack(project: Project) -> Pack:
    """The project's published pack (``build/CURRENT``), read anew on every call."""
    return load_pack(current_pack(project.build_dir))


def load_sources(project: Project) -> SourcesPack:
    """The project's sources, read anew on every call (the preview picks up .po edits)."""
    return SourcesPack(project)


def checker(project: Project) -> Checker:
    """The checker the server lints with: the packaged profiles with the project's overrides, warmed."""
    return Checker(project.config).warm()
