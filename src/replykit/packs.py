"""Pack stage: build, publish and load versioned, reproducible template packs.

A pack is a folder ``build/packs/<version>-<digest>/`` holding everything rendering
needs and nothing else: ``manifest.json`` (format, version, digest, scenarios, locales,
file hashes), ``scenarios.json``, the prepared templates of every scenario and a .mo
catalogue per shipped locale. The same sources always give the same bytes (no dates, sorted
keys), so the digest identifies the content.

Publishing is atomic: every message is rendered and checked from the sources first, the
pack is written to a temporary folder, loaded back and compared with the sources, moved
into place, and only then does ``build/CURRENT`` name it. A failed build leaves the last
published pack untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .catalogues import compile_catalogue, stats
from .errors import PackError, ReplykitError, SourceError
from .project import Project, ProjectSource
from .rendering.catalogue import Catalogue, load_catalogue
from .rendering.prepare import PreparedTemplates
from .rendering.renderer import Renderer
from .scenarios import Scenario, scenario_from_dict

FORMAT = 1
CURRENT = "CURRENT"
PACKS = "packs"
_TEMPLATE_FILES = {"subject": "subject.txt", "html": "body.html", "text": "body.txt", "short": "short.txt"}

#: A gate the build runs on the renderer of the unpublished pack; it raises to refuse a publish.
Gate = Callable[[Renderer], None]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What ``build`` published."""

    pack_id: str
    path: Path
    scenarios: int
    locales: tuple[str, ...]
    renders: int


class PackSource:
    """A renderer's template source read from a published pack."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.manifest: dict[str, Any] = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise PackError(f"{path}: not a replykit pack (manifest.json missing)") from None
        except json.JSONDecodeError as error:
            raise PackError(f"{path / 'manifest.json'}: not valid JSON: {error}") from None
        if self.manifest.get("format") != FORMAT:
            raise PackError(f"{path}: pack format {self.manifest.get('format')!r}, this replykit reads {FORMAT}")
        self._templates: dict[str, PreparedTemplates] = {}
        self._catalogues: dict[str, Catalogue] = {}

    @property
    def pack_id(self) -> str:
        return str(self.manifest["id"])

    @cached_property
    def scenarios(self) -> Mapping[str, Scenario]:
        data = json.loads((self.path / "scenarios.json").read_text(encoding="utf-8"))
        return {entry["id"]: scenario_from_dict(entry) for entry in data}

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self.manifest["locales"])

    def templates(self, scenario_id: str) -> PreparedTemplates:
        if scenario_id not in self._templates:
            folder = self.path / "templates" / scenario_id
            parts = {key: (folder / name).read_text(encoding="utf-8")
                     for key, name in _TEMPLATE_FILES.items() if (folder / name).is_file()}
            self._templates[scenario_id] = PreparedTemplates(**parts)
        return self._templates[scenario_id]

    def catalogue(self, locale: str) -> Catalogue:
        if locale not in self._catalogues:
            self._catalogues[locale] = load_catalogue(self.path / "locale" / f"{locale}.mo", locale)
        return self._catalogues[locale]


def current_pack(project: Project) -> Path | None:
    """The published pack named by ``build/CURRENT``, if any."""
    pointer = project.build_dir / CURRENT
    if not pointer.is_file():
        return None
    path = project.build_dir / PACKS / pointer.read_text(encoding="utf-8").strip()
    return path if path.is_dir() else None


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _pack_files(project: Project, source: ProjectSource) -> dict[str, bytes]:
    """Every file of the pack except the manifest, by relative path."""
    files: dict[str, bytes] = {}
    scenarios = source.scenarios
    files["scenarios.json"] = _json([s.to_dict() for s in scenarios.values()])
    for scenario_id in scenarios:
        prepared = source.templates(scenario_id)
        for key, name in _TEMPLATE_FILES.items():
            content = getattr(prepared, key)
            if content is not None:
                files[f"templates/{scenario_id}/{name}"] = content.encode("utf-8")
    for locale in source.locales:
        files[f"locale/{locale}.mo"] = compile_catalogue(project.po_path(locale), locale)
    return files


def _check_coverage(project: Project) -> None:
    if not project.pot_path.is_file():
        raise SourceError(project.pot_path, "no .pot: run `replykit extract` first")
    low = [s for s in stats(project) if s.coverage < project.min_coverage or s.stale]
    if low:
        detail = "; ".join(
            f"{s.locale}: {s.coverage}% translated{' (stale: run replykit update)' if s.stale else ''}" for s in low)
        raise PackError(f"catalogue.coverage: shipped locales below {project.min_coverage}%: {detail}")


def render_all(renderer: Renderer) -> int:
    """Render every scenario x locale x permitted marketplace with sample values."""
    count = 0
    for scenario in renderer.scenarios.values():
        for locale in (*renderer.source.locales, renderer.source_locale):
            for marketplace in scenario.marketplaces:
                renderer.render(scenario.id, locale=locale, marketplace=marketplace,
                                variables=scenario.samples(marketplace))
                count += 1
    return count


def build(project: Project, gates: tuple[Gate, ...] = ()) -> BuildResult:
    """Build a pack from the project's sources, verify it, and publish it atomically.

    Every scenario x locale x permitted marketplace is rendered from the sources first, so
    a broken translation is reported with its .po file and line; the gates (checks) run on
    that renderer. The written pack is then loaded back and must hold the same catalogues.
    """
    _check_coverage(project)
    source = ProjectSource(project, pseudo=False)
    renderer = Renderer(source, project.source_locale)
    renders = render_all(renderer)
    for gate in gates:
        gate(renderer)
    files = _pack_files(project, source)
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    pack_id = f"{project.version}-{digest.hexdigest()[:12]}"
    manifest = {
        "format": FORMAT,
        "id": pack_id,
        "name": project.name,
        "version": project.version,
        "source_locale": project.source_locale,
        "locales": list(source.locales),
        "scenarios": list(source.scenarios),
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
    }
    files["manifest.json"] = _json(manifest)

    packs_dir = project.build_dir / PACKS
    packs_dir.mkdir(parents=True, exist_ok=True)
    final = packs_dir / pack_id
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=packs_dir))
    try:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        _verify(PackSource(staging), source)
        if final.exists():
            shutil.rmtree(staging)
        else:
            os.replace(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _point_current(project, pack_id)
    return BuildResult(pack_id, final, len(source.scenarios), tuple(source.locales), renders)


def _verify(pack: PackSource, source: ProjectSource) -> None:
    """The written pack must load and hold exactly what was rendered from the sources."""
    if dict(pack.scenarios) != {k: v for k, v in source.scenarios.items()}:
        raise PackError(f"{pack.path}: scenarios differ from the sources after writing")
    for locale in source.locales:
        if pack.catalogue(locale).entries.keys() != source.catalogue(locale).entries.keys():
            raise PackError(f"{pack.path}: catalogue {locale} differs from its .po after compiling")
    for scenario_id in source.scenarios:
        if pack.templates(scenario_id) != source.templates(scenario_id):
            raise PackError(f"{pack.path}: templates of {scenario_id} differ from the sources after writing")


def check_gate(project: Project) -> Gate:
    """The build's gate: ``replykit check`` on the renderer being published; errors refuse it."""

    def gate(renderer: Renderer) -> None:
        from .project_check import check_project
        from .checks.report import format_finding

        report = check_project(project, renderer=renderer)
        if report.bad_inputs:
            raise PackError(report.bad_inputs[0])
        errors = [f for f in report.findings if f.severity == "error"]
        if errors:
            shown = "; ".join(format_finding(f).splitlines()[0] for f in errors[:3])
            raise PackError(f"{len(errors)} check error(s) stop the publish (run `replykit check`): {shown}")

    return gate


def _point_current(project: Project, pack_id: str) -> None:
    pointer = project.build_dir / CURRENT
    temporary = pointer.with_suffix(".tmp")
    temporary.write_text(pack_id + "\n", encoding="utf-8")
    os.replace(temporary, pointer)


def default_renderer(project: Project | None = None, *, from_sources: bool = False) -> Renderer:
    """The renderer ``replykit.render`` uses.

    ``REPLYKIT_PACK`` (a pack folder) wins; then the project's published pack; then, while
    developing, the project's sources.
    """
    explicit = os.environ.get("REPLYKIT_PACK")
    if explicit and not from_sources:
        source = PackSource(Path(explicit))
        return Renderer(source, source.manifest.get("source_locale", "en"))
    project = project or Project.at()
    published = None if from_sources else current_pack(project)
    if published is not None:
        return Renderer(PackSource(published), project.source_locale)
    if not project.templates_dir.is_dir():
        raise ReplykitError(f"{project.root}: no published pack in build/ and no templates/ to render from")
    return Renderer(ProjectSource(project), project.source_locale)
