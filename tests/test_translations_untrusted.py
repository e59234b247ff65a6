"""A translator's text is data: it can neither run code, inject markup nor drop the buyer's data."""

from __future__ import annotations

import polib
import pytest

from replykit import CatalogueError
from replykit.project import Project, ProjectSource
from replykit.rendering.renderer import Renderer


def _set_translation(project: Project, locale: str, msgid: str, msgstr: str) -> int:
    """Change one translation; return the line of its msgid."""
    path = project.po_path(locale)
    po = polib.pofile(str(path))
    entry = po.find(msgid)
    assert entry is not None, msgid
    entry.msgstr = msgstr
    po.save(str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("msgid") and msgid[:30] in line)


def _render(project: Project, locale: str = "de"):
    renderer = Renderer(ProjectSource(project))
    spec = renderer.scenario("delay_notice")
    return renderer.render("delay_notice", locale=locale, marketplace="amazon", variables=spec.samples())


def test_markup_and_template_syntax_in_a_translation_stay_text(project_copy: Project) -> None:
    _set_translation(project_copy, "de", "Hello %(name)s,",
                     '<script>alert(1)</script><a href="https://evil.example">x</a> {{ 7*7 }} {%% if 1 %%}Hallo %(name)s,')
    reply = _render(project_copy)
    assert "<script>" not in reply.html and 'href="https://evil.example"' not in reply.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reply.html
    assert "{{ 7*7 }} {% if 1 %}Hallo Anna Schmidt," in reply.text  # literal, never evaluated
    assert "49" not in reply.text


def test_a_dropped_placeholder_is_refused_with_file_and_line(project_copy: Project) -> None:
    line = _set_translation(project_copy, "de", "Your order %(order)s will arrive later than planned",
                            "Ihre Bestellung kommt später an")
    with pytest.raises(CatalogueError) as caught:
        _render(project_copy)
    message = str(caught.value)
    assert f"de/LC_MESSAGES/replykit.po:{line}" in message and "%(order)s" in message


def test_a_renamed_placeholder_is_refused(project_copy: Project) -> None:
    _set_translation(project_copy, "de", "Your order %(order)s will arrive later than planned",
                     "Ihre Bestellung %(bestellung)s kommt später an")
    with pytest.raises(CatalogueError, match="unknown placeholder"):
        _render(project_copy)


def test_a_stray_percent_sign_is_refused(project_copy: Project) -> None:
    _set_translation(project_copy, "de", "Your order %(order)s will arrive later than planned",
                     "Ihre Bestellung %(order)s kommt 100% später an")
    with pytest.raises(CatalogueError, match="stray '%'"):
        _render(project_copy)
