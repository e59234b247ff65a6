"""Translators work on ordinary .po files: extract, init, update, compile and stats round-trip."""

from __future__ import annotations

import polib
import pytest

from replykit import catalogues
from replykit.errors import CatalogueError, TemplateError
from replykit.project import Project
from replykit.rendering.catalogue import load_catalogue
from replykit.project import ProjectSource
from replykit.rendering.renderer import Renderer


def test_shipped_pot_is_up_to_date(project: Project, project_copy: Project) -> None:
    before = project_copy.pot_path.read_bytes()
    catalogues.extract(project_copy)
    assert project_copy.pot_path.read_bytes() == before, "run `replykit extract` and commit locale/replykit.pot"


def test_pot_carries_context_comments_and_plurals(project: Project) -> None:
    pot = polib.pofile(str(project.pot_path))
    assert len(pot) > 20
    assert any(entry.msgid_plural for entry in pot)
    assert any(entry.comment for entry in pot)  # translator comments reach translators
    assert all(entry.occurrences for entry in pot)
    greeting = pot.find("Hello %(name)s,")
    assert greeting is not None and "python-format" in greeting.flags


def test_shipped_catalogues_are_complete_and_current(project: Project) -> None:
    rows = catalogues.stats(project)
    assert {row.locale for row in rows} >= {"de", "pl", "ar", "ja"}
    for row in rows:
        assert (row.coverage, row.fuzzy, row.untranslated, row.stale) == (100.0, 0, 0, False), row


@pytest.mark.parametrize(("locale", "nplurals"), [("de", 2), ("pl", 3), ("ar", 6), ("ja", 1)])
def test_plural_forms_header_matches_language(project: Project, locale: str, nplurals: int) -> None:
    po = polib.pofile(str(project.po_path(locale)))
    assert po.metadata["Language"] == locale
    assert po.metadata["Plural-Forms"].startswith(f"nplurals={nplurals};")
    assert all(len(e.msgstr_plural) == nplurals for e in po if e.msgid_plural)


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_update_marks_new_changed_and_removed_entries(project_copy: Project) -> None:
    folder = project_copy.templates_dir / "delay_notice"
    removed = "{% trans %}One of the items needed a few more days to reach our warehouse.{% endtrans %}"
    for name in ("body.txt", "body.mjml", "short.txt"):
        _edit(folder / name, "Severe weather is slowing down", "Severe weather is delaying")
        _edit(folder / name, removed, "")
    _edit(folder / "body.txt", "{% endif %}\n", "{% endif %}\n{% trans %}A brand-new sentence for translators.{% endtrans %}\n")
    catalogues.extract(project_copy)
    catalogues.update(project_copy, ["de"])
    po = polib.pofile(str(project_copy.po_path("de")))
    new = po.find("A brand-new sentence for translators.")
    assert new is not None and new.msgstr == "" and not new.fuzzy
    changed = next(e for e in po if e.msgid.startswith("Severe weather is delaying"))
    assert changed.fuzzy and changed.msgstr  # the old translation is kept as a suggestion
    assert any(e.obsolete and e.msgid.startswith("One of the items needed") for e in po)
    row = catalogues.stats(project_copy, ["de"])[0]
    assert row.fuzzy == 1 and row.untranslated == 1 and row.obsolete >= 1 and row.coverage < 100
    # A fuzzy entry never reaches a buyer: rendering falls back to English and says so.
    renderer = Renderer(ProjectSource(project_copy))
    samples = {**renderer.scenario("delay_notice").samples(), "reason": "weather"}
    reply = renderer.render("delay_notice", locale="de", marketplace="amazon", variables=samples)
    assert "Severe weather is delaying deliveries in your region." in reply.text
    assert any(f.msgid.startswith("Severe weather is delaying") and f.locale == "en" for f in reply.fallbacks)


def test_init_starts_a_catalogue_with_the_languages_plural_forms(project_copy: Project) -> None:
    path = catalogues.init(project_copy, "cs")
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == "cs" and po.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert po.percent_translated() == 0
    with pytest.raises(CatalogueError, match="already exists"):
        catalogues.init(project_copy, "cs")


def test_compile_writes_mo_files_that_load(project_copy: Project) -> None:
    paths = catalogues.compile_all(project_copy)
    assert {p.parent.parent.name for p in paths} == set(project_copy.catalogue_locales())
    mo = load_catalogue(project_copy.po_path("pl").with_suffix(".mo"), "pl")
    po = load_catalogue(project_copy.po_path("pl"), "pl")
    assert mo.entries.keys() == po.entries.keys() and mo.nplurals == 3


def test_template_syntax_error_fails_extraction_loudly(project_copy: Project) -> None:
    body = project_copy.templates_dir / "delay_notice" / "body.txt"
    body.write_text("{% trans %}Unclosed block\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="body.txt"):
        catalogues.extract(project_copy)


def test_broken_po_file_is_named_with_its_line(project_copy: Project) -> None:
    path = project_copy.po_path("de")
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "dangling\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"de/LC_MESSAGES/replykit.po"):
        catalogues.stats(project_copy, ["de"])
