"""The one place the server touches the library's pack, render and check calls.

The server is written against the interfaces agreed in CONTRACTS.md (``replykit.load_pack``,
``Pack.render``, ``Reply.format``/``body``, ``Checker``). Until those land on main this module
maps them onto what main has today: ``PackSource`` + ``Renderer`` for packs, a minimal sha256
check of the manifest's file list as a stand-in for pack verification, and
``checks.lint_message`` for findings. Everything else in ``replykit.server`` imports from here.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..checks import RULE_IDS, Finding, LintReport, Message, lint_message, load_profile, message_from_json, rule_info
from ..checks.project import message_of
from ..errors import PackError, ReplykitError
from ..marketplaces import MARKETPLACES, marketplace as marketplace_facts
from ..packs import PackSource, current_pack
from ..project import Project, ProjectSource
from ..rendering.renderer import Renderer, Reply
from ..scenarios import Scenario

__all__ = ["Finding", "LintReport", "Loaded", "Message", "lint", "load_pack_at", "load_project_pack", "load_sources",
           "message_from_json", "message_of", "reply_to_dict", "rules"]


@dataclass(frozen=True, slots=True)
class Loaded:
    """A pack (or the project's sources) ready to render: immutable, shared by every request."""

    id: str
    path: str
    manifest: Mapping[str, Any]
    renderer: Renderer

    @property
    def scenarios(self) -> Mapping[str, Scenario]:
        return self.renderer.scenarios

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self.renderer.source.locales)

    @property
    def source_locale(self) -> str:
        return self.renderer.source_locale

    def render(self, scenario: str, *, locale: str, marketplace: str, variables: Mapping[str, Any],
               channel: str | None = None) -> Reply:
        return self.renderer.render(scenario, locale=locale, marketplace=marketplace, variables=variables)

    def warm(self) -> None:
        self.renderer.warm()


def _verify_files(path: Path, manifest: Mapping[str, Any]) -> None:
    """Stand-in for issue 9's verification: every file the manifest lists has its sha256."""
    files = manifest.get("files")
    if not isinstance(files, Mapping) or not files:
        raise PackError(f"{path / 'manifest.json'}: no file list to verify the pack against")
    for name, expected in files.items():
        target = (path / name).resolve()
        if path.resolve() not in target.parents:
            raise PackError(f"{path / 'manifest.json'}: file {name!r} lies outside the pack")
        try:
            digest = hashlib.sha256(target.read_bytes()).hexdigest()
        except OSError:
            raise PackError(f"{target}: listed in the manifest but cannot be read") from None
        if digest != expected:
            raise PackError(f"{target}: sha256 does not match the manifest (tampered or corrupt pack)")


def load_pack_at(path: str | os.PathLike[str]) -> Loaded:
    """Load and verify a published pack folder; :class:`PackError` names the bad file.

    A symlink is resolved once here, so swapping it later only takes effect on the next reload.
    """
    folder = Path(path).resolve()
    if not folder.is_dir():
        raise PackError(f"{folder}: not a pack folder")
    source = PackSource(folder)
    _verify_files(folder, source.manifest)
    renderer = Renderer(source, str(source.manifest.get("source_locale", "en")))
    return Loaded(source.pack_id, str(folder), dict(source.manifest), renderer)


def load_project_pack(project: Project) -> Loaded:
    """The project's published pack (``build/CURRENT``), read anew on every call."""
    path = current_pack(project)
    if path is None:
        raise PackError(f"{project.build_dir}: no published pack (run `replykit build` or pass --pack)")
    return load_pack_at(path)


def load_sources(project: Project) -> Loaded:
    """The project's templates and .po catalogues (with the pseudo-locale), read anew on every call."""
    if not project.templates_dir.is_dir():
        raise ReplykitError(f"{project.templates_dir}: no templates to preview")
    source = ProjectSource(project)
    renderer = Renderer(source, project.source_locale)
    manifest = {"id": "sources", "name": project.name, "version": project.version,
                "source_locale": project.source_locale, "locales": list(source.locales),
                "scenarios": list(source.scenarios), "from_sources": str(project.root)}
    return Loaded("sources", str(project.root), manifest, renderer)


def reply_to_dict(reply: Reply) -> dict[str, Any]:
    """``Reply.to_dict()`` with ``format`` and ``body``: what the marketplace accepts."""
    data = reply.to_dict()
    html = marketplace_facts(reply.marketplace).html
    data["format"] = "html" if html else "text"
    data["body"] = reply.html if html else reply.text
    return data


def lint(message: Message, marketplace: str) -> list[Finding]:
    """Findings for one message on one marketplace (the shared checker)."""
    return lint_message(message, marketplace)


@lru_cache(maxsize=None)
def _rules(marketplace: str | None) -> tuple[dict[str, Any], ...]:
    markets = (marketplace,) if marketplace else MARKETPLACES
    profiles = {m: load_profile(m) for m in markets}
    out = []
    for rule_id in RULE_IDS:
        info = rule_info(rule_id)
        out.append({"id": rule_id, "summary": info.get("title", ""),
                    "severity": {m: p.severity(rule_id) for m, p in profiles.items()}})
    return tuple(out)


def rules(marketplace: str | None = None) -> list[dict[str, Any]]:
    """Every rule with its id, summary and severity per marketplace."""
    if marketplace is not None:
        marketplace_facts(marketplace)  # UnknownMarketplaceError names the known ones
    return [dict(r) for r in _rules(marketplace)]
