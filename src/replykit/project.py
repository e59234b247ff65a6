"""A replykit project on disk: where templates, catalogues and packs live, and its settings.

Settings come from ``replykit.toml`` at the project root (all optional)::

    [project]
    name = "replykit"
    version = "0.1.0"
    source_locale = "en"
    min_coverage = 100        # % a locale needs to be shipped in a pack

    [locales]
    draft = ["da"]            # work in progress: left out of packs (buyers get the fallback chain)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import SourceError
from .pseudo import PSEUDO_LOCALE, pseudo_catalogue
from .rendering.catalogue import Catalogue, load_catalogue
from .rendering.templates import PreparedTemplates
from .scenarios import Scenario, load_scenarios, read_toml

DOMAIN = "replykit"
CONFIG_FILE = "replykit.toml"


def read_config(root: Path) -> dict[str, Any]:
    """``replykit.toml`` at ``root``, parsed (empty when absent): the one reader of that file."""
    path = root / CONFIG_FILE
    return read_toml(path) if path.is_file() else {}


@dataclass
class Project:
    """Paths and settings of one project (default: the current directory)."""

    root: Path
    config: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def at(cls, root: str | os.PathLike[str] | None = None) -> Project:
        path = Path(root or os.environ.get("REPLYKIT_PROJECT") or Path.cwd()).resolve()
        return cls(path, read_config(path))

    @property
    def settings(self) -> Mapping[str, Any]:
        return self.config.get("project", {})

    @property
    def name(self) -> str:
        return str(self.settings.get("name", DOMAIN))

    @property
    def version(self) -> str:
        return str(self.settings.get("version", "0.1.0"))

    @property
    def source_locale(self) -> str:
        return str(self.settings.get("source_locale", "en"))

    @property
    def min_coverage(self) -> float:
        return float(self.settings.get("min_coverage", 100))

    @property
    def draft_locales(self) -> tuple[str, ...]:
        """Locales declared work in progress in ``[locales] draft``: never shipped."""
        draft = self.config.get("locales", {}).get("draft", [])
        if not isinstance(draft, list) or not all(isinstance(loc, str) for loc in draft):
            raise SourceError(self.root / CONFIG_FILE, "[locales] draft must be a list of locale names")
        return tuple(loc.replace("-", "_") for loc in draft)

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def locale_dir(self) -> Path:
        return self.root / "locale"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def pot_path(self) -> Path:
        return self.locale_dir / f"{DOMAIN}.pot"

    def po_path(self, locale: str) -> Path:
        return self.locale_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"

    def catalogue_locales(self) -> tuple[str, ...]:
        """Locales with a .po catalogue (pseudo-locales excluded), sorted."""
        if not self.locale_dir.is_dir():
            return ()
        return tuple(sorted(
            d.name for d in self.locale_dir.iterdir()
            if (d / "LC_MESSAGES" / f"{DOMAIN}.po").is_file() and d.name != PSEUDO_LOCALE
        ))


class ProjectSource:
    """A renderer's template source read straight from the project (for development).

    Scenarios are prepared (MJML compiled, CSS inlined) lazily, on first use.
    """

    def __init__(self, project: Project, *, pseudo: bool = True, locales: tuple[str, ...] | None = None) -> None:
        self.project = project
        self.pseudo = pseudo
        self._locales = locales
        self._prepared: dict[str, PreparedTemplates] = {}
        self._catalogues: dict[str, Catalogue] = {}

    @cached_property
    def scenarios(self) -> Mapping[str, Scenario]:
        return load_scenarios(self.project.templates_dir)

    @cached_property
    def locales(self) -> tuple[str, ...]:
        """Catalogue locales (or the ones given), plus the pseudo-locale (made from the .pot) when wanted."""
        real = self.project.catalogue_locales() if self._locales is None else self._locales
        return (*real, PSEUDO_LOCALE) if self.pseudo and self.project.pot_path.is_file() else real

    def templates(self, scenario_id: str) -> PreparedTemplates:
        if scenario_id not in self._prepared:
            from .rendering.prepare import prepare_scenario  # MJML and CSS inlining: only when building

            scenario = self.scenarios[scenario_id]
            self._prepared[scenario_id] = prepare_scenario(scenario.directory or self.project.templates_dir / scenario_id,
                                                           scenario.variables.keys())
        return self._prepared[scenario_id]

    def reopen(self) -> ProjectSource:
        """The project read again (for :meth:`Renderer.reload`)."""
        return ProjectSource(Project.at(self.project.root), pseudo=self.pseudo, locales=self._locales)

    def catalogue(self, locale: str) -> Catalogue:
        if locale not in self._catalogues:
            if locale == PSEUDO_LOCALE:
                self._catalogues[locale] = pseudo_catalogue(self.project.pot_path)
            else:
                self._catalogues[locale] = load_catalogue(self.project.po_path(locale), locale)
        return self._catalogues[locale]
