"""Every buyer is answered in their language: thirteen languages, regional locales, a pseudo-locale."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest

from replykit import catalogues
from replykit.cli import main
from replykit.project import Project, ProjectSource
from replykit.pseudo import pseudo_translate
from replykit.rendering.renderer import Renderer

SCENARIOS = sorted(p.parent.name for p in (Path(__file__).resolve().parents[1] / "templates").glob("*/scenario.toml"))
LANGUAGES = {"de", "fr", "es", "it", "nl", "pl", "sv", "pt_BR", "tr", "ja", "zh_CN", "ar"}


def test_thirteen_languages_ship(project: Project) -> None:
    assert set(project.catalogue_locales()) >= LANGUAGES


@pytest.mark.parametrize(("requested", "catalogue"), [
    ("en_GB", "en"), ("en-CA", "en"), ("fr_CA", "fr_CA"), ("fr-BE", "fr"), ("es_MX", "es"), ("de_AT", "de"),
    ("de-CH", "de"), ("pt_PT", "pt_BR"), ("zh-Hans-CN", "zh_CN"),
])
def test_regional_locales_resolve_with_no_extra_files(renderer: Renderer, requested: str, catalogue: str) -> None:
    spec = renderer.scenario("delay_notice")
    reply = renderer.render("delay_notice", locale=requested, marketplace="amazon", variables=spec.samples())
    assert reply.locale == catalogue and reply.fallbacks == ()


def test_traditional_chinese_is_never_served_simplified(renderer: Renderer) -> None:
    spec = renderer.scenario("delay_notice")
    reply = renderer.render("delay_notice", locale="zh_TW", marketplace="amazon", variables=spec.samples())
    simplified = renderer.render("delay_notice", locale="zh_CN", marketplace="amazon", variables=spec.samples())
    assert reply.locale == "en" and reply.requested_locale == "zh_TW"  # reported, not hidden
    assert reply.text != simplified.text and not re.search(r"[\u4e00-\u9fff]", reply.text)


def test_regional_overlay_overrides_only_what_differs(project: Project, renderer: Renderer) -> None:
    overlay = polib.pofile(str(project.po_path("fr_CA")))
    overridden = [e for e in overlay.translated_entries() if not e.msgid_plural]
    assert 0 < len(overridden) < len(overlay) / 2, "fr_CA should override a few strings, not copy fr"
    assert all(not e.fuzzy for e in overlay)
    row = catalogues.stats(project, ["fr_CA"])[0]
    assert row.inherits == ("fr",) and row.coverage == 100.0
    # An overridden string reaches a Canadian buyer; everything else comes from fr, with no fallback reported.
    entry = overridden[0]
    french = polib.pofile(str(project.po_path("fr"))).find(entry.msgid, msgctxt=entry.msgctxt)
    assert french is not None and french.msgstr != entry.msgstr


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_pseudo_locale_renders_every_scenario(renderer: Renderer, scenario: str) -> None:
    spec = renderer.scenario(scenario)
    reply = renderer.render(scenario, locale="en-XA", marketplace=spec.marketplaces[0], variables=spec.samples())
    assert reply.locale == "en_XA" and reply.fallbacks == ()
    assert reply.subject.startswith("[") and reply.subject.endswith("]")
    english = renderer.render(scenario, locale="en", marketplace=spec.marketplaces[0], variables=spec.samples())
    assert len(reply.text) > 1.2 * len(english.text)
    if "order_id" in spec.variables:
        assert spec.samples()["order_id"] in reply.subject + reply.text  # placeholders still filled


def test_pseudo_translation_keeps_placeholders() -> None:
    assert pseudo_translate("Hello %(name)s, 100%% sure").startswith("[Ĥéĺĺö %(name)s, 100%% šûŕé")
    long = "We now expect it to arrive by %(date)s."
    assert len(pseudo_translate(long)) >= 1.35 * len(long)


def test_pseudo_locale_is_never_a_shipped_catalogue(project: Project) -> None:
    assert "en_XA" not in project.catalogue_locales()
    assert "en_XA" in ProjectSource(project).locales
    assert "en_XA" not in ProjectSource(project, pseudo=False).locales


def test_stats_command_reports_every_locale(capsys, project: Project) -> None:
    assert main(["--project", str(project.root), "stats", "--format", "json"]) == 0
    rows = {row["locale"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(rows) >= LANGUAGES
    for row in rows.values():
        assert set(row) >= {"translated", "fuzzy", "untranslated", "obsolete", "coverage", "stale"}
        assert row["coverage"] == 100.0 and not row["stale"]


def test_stats_strict_fails_below_the_configured_minimum(capsys, project_copy: Project) -> None:
    po = polib.pofile(str(project_copy.po_path("sv")))
    for entry in list(po)[:10]:
        entry.msgstr = ""
    po.save()
    assert main(["--project", str(project_copy.root), "stats", "--strict"]) == 1
    (project_copy.root / "replykit.toml").write_text("[project]\nmin_coverage = 90\n")
    assert main(["--project", str(project_copy.root), "stats", "--strict"]) == 0
