"""The one place the server touches the library's pack, render and check calls.

Packs come from ``replykit.load_pack`` (a folder or ``<pack-id>.tar.gz``, verified against its
manifest on load); the translator preview renders from the project's sources through an object
with the same shape as :class:`~replykit.packs.Pack`. Until issue 10's shared ``Checker`` is on
main, findings come from ``checks.lint_message`` and the rule list from ``data/rules.json`` and
the marketplace profiles. Everything else in ``replykit.server`` imports from here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import load_pack, sources_renderer
from ..checks import RULE_IDS, Finding, LintReport, Message, lint_message, load_profile, message_from_json, rule_info
from ..marketplaces import MARKETPLACES, marketplace as marketplace_facts
from ..pack_store import current_pack
from ..packs import Pack
from ..project import Project
from ..project_check import message_of
from ..rendering.renderer import Renderer

__all__ = ["Finding", "LintReport", "Loaded", "Message", "SourcesPack", "StandInChecker", "checker", "load_pack_at",
           "load_project_pack", "load_sources", "message_from_json", "message_of"]


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


class StandInChecker:
    """Stand-in for issue 10's ``checks.Checker`` (same calls): the project's profiles, linted
    with ``lint_message``; rules from ``data/rules.json`` and the profiles' severities."""

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        self.config = dict(config or {})
        self._profiles = {m: load_profile(m, self.config) for m in MARKETPLACES}

    def lint(self, message: Message, marketplace: str) -> list[Finding]:
        marketplace_facts(marketplace)  # UnknownMarketplaceError names the known ones
        return lint_message(message, marketplace, profile=self._profiles[marketplace])

    @lru_cache(maxsize=None)  # noqa: B019 - one checker per served project, kept for the process
    def _rules(self, marketplace: str | None) -> tuple[dict[str, Any], ...]:
        markets = (marketplace,) if marketplace else MARKETPLACES
        return tuple({"id": rule_id, "summary": rule_info(rule_id).get("title", ""),
                      "severity": {m: self._profiles[m].severity(rule_id) for m in markets}}
                     for rule_id in RULE_IDS)

    def rules(self, marketplace: str | None = None) -> list[dict[str, Any]]:
        if marketplace is not None:
            marketplace_facts(marketplace)
        return [dict(r) for r in self._rules(marketplace)]

    def warm(self) -> StandInChecker:
        return self


def checker(project: Project) -> StandInChecker:
    """The checker the server lints with: the packaged profiles with the project's overrides."""
    return StandInChecker(project.config).warm()
