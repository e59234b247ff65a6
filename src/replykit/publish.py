"""The gated build: ``replykit.build()`` is the only way to publish a pack, and it always checks.

In order: choose the shipped locales (a catalogue below ``min_coverage`` or listed in
``[locales] draft`` is left out and reported, never shipped); run the whole project check
(stale sources, templates, catalogue rules, every scenario x shipped locale x permitted
marketplace rendered and linted) on a process pool; refuse on any error; compile the
catalogues; then hand the files and their manifest to :func:`pack_store.publish`, which writes,
verifies and publishes them atomically. Nothing is published that the check did not see.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import babel
import jinja2

from . import __version__, pack_store, packs
from .catalogues import compile_catalogue, plan_locales
from .checks.report import format_finding
from .errors import PackError
from .project import Project
from .project_check import Progress, default_jobs, run_check
from .rendering.catalogue import Catalogue, catalogue_from_mo
from .rendering.locales import fallback_chain
from .signing import load_private_key


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What :func:`build` published."""

    pack_id: str
    path: Path
    archive: Path
    scenarios: int
    locales: tuple[str, ...]
    renders: int
    left_out: Mapping[str, str] = field(default_factory=dict)  # locale -> why it is not in the pack
    warnings: int = 0


def _tty_progress() -> Progress | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, label: str) -> None:
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r\x1b[Kchecking {done}/{total}  {label}{end}")
        sys.stderr.flush()

    return show


def _created() -> str | None:
    """The pack's creation time: only from ``SOURCE_DATE_EPOCH`` (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).isoformat().replace("+00:00", "Z")
    except (ValueError, OverflowError, OSError):
        raise PackError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time in seconds") from None


def _scenario_entry(scenario: Any) -> dict[str, Any]:
    default = scenario.samples()
    by_marketplace = {m: scenario.samples(m) for m in scenario.marketplaces if scenario.samples(m) != default}
    return {
        "title": scenario.title, "kind": scenario.kind, "description": scenario.description,
        "reasons": list(scenario.reasons), "marketplaces": list(scenario.marketplaces),
        "variables": scenario.json_schema(), "samples": default, "samples_by_marketplace": by_marketplace,
    }


def _translations(catalogue: Catalogue) -> dict[tuple[str | None, str], tuple[str, ...]]:
    return {key: entry.forms for key, entry in catalogue.entries.items()}


def build(project_dir: str | os.PathLike[str] | Project | None = None, *, out: str | os.PathLike[str] | None = None,
          jobs: int | None = None, progress: Progress | None = None,
          sign: str | os.PathLike[str] | None = None) -> BuildResult:
    """Check, build and publish a pack of the project (default: the current directory).

    ``out`` is the build folder (default ``<project>/build``): packs go to ``out/packs`` and
    ``out/CURRENT`` names the published one. Any check error raises :class:`PackError` (or
    the :class:`SourceError` naming the broken file) and leaves the last published pack as it
    was. ``jobs`` worker processes render and check (default: every usable core); progress
    goes to a terminal on stderr unless ``progress`` is given. ``sign`` is an Ed25519 private key
    file (``replykit keygen``): the pack's manifest is signed with it.
    """
    project = project_dir if isinstance(project_dir, Project) else Project.at(project_dir)
    signing_key = load_private_key(sign) if sign is not None else None  # a bad key fails before the long check
    build_dir = Path(out).resolve() if out is not None else project.build_dir
    created = _created()
    plan = plan_locales(project)
    locales, left_out = plan.shipped, plan.left_out
    run = run_check(project, locales=locales, jobs=jobs or default_jobs(), raise_unusable=True, stop_early=True,
                    progress=progress if progress is not None else _tty_progress())
    report = run.report
    errors = [f for f in report.findings if f.severity == "error"]
    if errors:
        shown = "; ".join(format_finding(f).splitlines()[0] for f in errors[:3])
        raise PackError(f"{len(errors)} check error(s) stop the publish (run `replykit check`): {shown}")

    source = run.source  # exactly the templates and catalogues the check rendered
    files: dict[str, bytes] = {"scenarios.json": packs.encode_json([s.to_dict() for s in source.scenarios.values()])}
    for scenario_id in source.scenarios:
        prepared = source.templates(scenario_id)
        for key, name in packs.TEMPLATE_FILES.items():
            content = getattr(prepared, key)
            if content is not None:
                files[f"templates/{scenario_id}/{name}"] = content.encode("utf-8")
    for locale in locales:
        mo = compile_catalogue(project.po_path(locale), locale)
        if _translations(catalogue_from_mo(mo, locale, locale)) != _translations(source.catalogue(locale)):
            raise PackError(f"{project.po_path(locale)}: changed while the build ran, or compiled differently; "
                            "run `replykit build` again")
        files[f"locale/{locale}.mo"] = mo

    per_rule = Counter(f.rule for f in report.findings)
    manifest = packs.make_manifest(files, project.version, {
        "name": project.name,
        "source_locale": project.source_locale,
        "created": created,
        "tools": {"replykit": __version__, "babel": babel.__version__, "jinja2": jinja2.__version__},
        "locales": {loc: {"coverage": plan.coverage[loc],
                          "fallbacks": list(fallback_chain(loc, locales, project.source_locale))} for loc in locales},
        "left_out": dict(sorted(left_out.items())),
        "scenarios": {s.id: _scenario_entry(s) for s in source.scenarios.values()},
        "check": {"renders": run.renders, "errors": 0, "warnings": report.warnings,
                  "rules": dict(sorted(per_rule.items()))},
    })
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) if created else 0
    published = pack_store.publish(build_dir, files, manifest, mtime=mtime, signing_key=signing_key)
    return BuildResult(published.pack_id, published.path, published.archive, len(source.scenarios), locales,
                       run.renders, left_out, report.warnings)
