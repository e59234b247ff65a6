"""Templates are data, never code: whatever a pack or a template file holds, rendering it cannot
reach Python, the shell or the file system, allocate without bound, or end in a traceback."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

import polib
import pytest

from replykit import LocaleError, ReplykitError
from replykit.errors import SourceError
from replykit.project import Project, ProjectSource
from replykit.rendering.catalogue import Catalogue
from replykit.rendering.prepare import prepare_scenario, read_source
from replykit.rendering.templates import PreparedTemplates
from replykit.rendering.renderer import NEGOTIATION_CACHE_SIZE, Renderer
from replykit.scenarios import Scenario


class TamperedSource:
    """The project's sources, with one scenario's prepared text body replaced (as a crafted pack would)."""

    def __init__(self, project: Project, text: str, html: str | None = None) -> None:
        self.inner = ProjectSource(project, pseudo=False)
        self.text, self.html = text, html

    @property
    def scenarios(self) -> Mapping[str, Scenario]:
        return self.inner.scenarios

    @property
    def locales(self) -> tuple[str, ...]:
        return self.inner.locales

    def templates(self, scenario_id: str) -> PreparedTemplates:
        real = self.inner.templates(scenario_id)
        return dataclasses.replace(real, text=self.text, html=self.html or real.html)

    def catalogue(self, locale: str) -> Catalogue:
        return self.inner.catalogue(locale)


def render_tampered(project: Project, text: str, html: str | None = None, locale: str = "en"):
    renderer = Renderer(TamperedSource(project, text, html), project.source_locale)
    spec = renderer.scenario("delay_notice")
    return renderer.render("delay_notice", locale=locale, marketplace="amazon", variables=spec.samples())


@pytest.mark.parametrize("payload", [
    "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}{{ 'touch {marker}' }}",
    "{{ buyer_name.__class__.__base__.__subclasses__() }}{{ 'touch {marker}' }}",
    "{{ date.__globals__ }}{{ 'touch {marker}' }}",
    "{% set x = [] %}{{ x.append('touch {marker}') }}",
    "{{ range(10**9)|list }}{{ 'touch {marker}' }}",
    "{{ 'touch {marker}'|attr('__class__') }}",
    "{{ 'x' * 10**10 }}{{ 'touch {marker}' }}",
    "{{ 9 ** 99999999 }}{{ 'touch {marker}' }}",
    "{% set a = 9 ** 60 %}{% set a = a ** 60 %}{% set a = a ** 60 %}{{ a ** 60 }}{{ 'touch {marker}' }}",
])
def test_a_crafted_template_cannot_run_code(project: Project, tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "pwned"
    with pytest.raises(ReplykitError, match="templates/delay_notice"):
        render_tampered(project, payload.replace("{marker}", str(marker)))
    assert not marker.exists()


def test_a_sandboxed_template_still_renders_its_own_syntax(project: Project) -> None:
    reply = render_tampered(project, "{% for item in items %}{{ item.title }} x{{ item.quantity }}{% endfor %} "
                                     "{{ new_date|date }} {{ items|length }}")
    assert reply.text.startswith("Oak bedside table x1") and "2026" in reply.text


@pytest.mark.parametrize(("tag", "where"), [
    ("{% macro box(x) %}{{ x }}{% endmacro %}{{ box(1) }}", "macro"),
    ("{% import 'layout.mjml' as layout %}", "import"),
    ("{% from 'layout.mjml' import x %}", "import"),
    ("{% include '/etc/passwd' %}", "include"),
    ("{% extends '../_layout/layout.mjml' %}", "extends"),
])
def test_template_reuse_tags_are_one_line_source_errors(project_copy: Project, tag: str, where: str) -> None:
    body = project_copy.templates_dir / "delay_notice" / "body.mjml"
    body.write_text(tag + "\n" + body.read_text(encoding="utf-8"), encoding="utf-8")
    scenario = ProjectSource(project_copy).scenarios["delay_notice"]
    with pytest.raises(SourceError, match=rf"body\.mjml:1: .*{where}") as caught:
        prepare_scenario(body.parent, scenario.variables.keys())
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("content", "reason"), [
    (b"id = \"delay_notice\"\nkind = \"r\xe9ply\"\n", "not UTF-8"),
    (b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested"),
    (b"x = " + b"{a = " * 100_000 + b"1" + b"}" * 100_000 + b"\n", "nested"),
])
def test_a_broken_scenario_toml_is_one_line(project_copy: Project, content: bytes, reason: str) -> None:
    path = project_copy.templates_dir / "delay_notice" / "scenario.toml"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=rf"scenario\.toml: .*{reason}"):
        ProjectSource(project_copy).scenarios  # noqa: B018


def test_runtime_gettext_escapes_a_hostile_translation(project_copy: Project) -> None:
    po_path = project_copy.po_path("de")
    catalogue = polib.pofile(str(po_path))
    entry = next(e for e in catalogue if e.msgid == "Kind regards," and not e.msgctxt)
    entry.msgstr = '<img src=x onerror="alert(1)">Grüße'
    catalogue.save(str(po_path))
    html = '<p>{{ _("Kind regards,") }}</p>'
    reply = render_tampered(project_copy, "{{ _('Kind regards,') }}", html=html, locale="de")
    assert "<img" not in reply.html and "&lt;img src=x" in reply.html
    assert reply.text.startswith('<img src=x onerror="alert(1)">Grüße')  # plain text: literal, not markup


def test_runtime_gettext_with_a_broken_placeholder_falls_back_to_english(project_copy: Project) -> None:
    renderer = Renderer(TamperedSource(project_copy, "{{ _('Hello %(name)s!', name=buyer_name) }}"), "en")
    spec = renderer.scenario("delay_notice")
    reply = renderer.render("delay_notice", locale="de", marketplace="amazon", variables=spec.samples())
    assert reply.text.startswith("Hello Anna Schmidt!")


def test_the_negotiation_cache_is_bounded(project: Project) -> None:
    renderer = Renderer(ProjectSource(project), project.source_locale)
    for index in range(NEGOTIATION_CACHE_SIZE + 200):  # every buyer's browser sends its own value
        renderer.negotiate(f"de-AT,de;q=0.9,fr-CH;x={index}")
    assert len(renderer._state.negotiated) == NEGOTIATION_CACHE_SIZE
    assert renderer.negotiate("de-AT") is renderer.negotiate("de-AT")


@pytest.mark.parametrize("source", ["{{ " + "{" * 5000 + " }}", "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
                                    "{{ " + "[" * 5000 + " }}", "{{ " + "9" * 5000 + " }}"])
def test_deeply_nested_expressions_or_huge_literals_are_one_line(project: Project, tmp_path: Path, source: str) -> None:
    path = tmp_path / "body.txt"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(SourceError, match=r"body\.txt"):
        read_source(path)
    with pytest.raises(ReplykitError, match="templates/delay_notice"):
        render_tampered(project, source)


def test_an_oversized_accept_language_is_refused_before_it_is_parsed_or_cached(renderer: Renderer) -> None:
    with pytest.raises(LocaleError, match="longer than 1,000 characters"):
        renderer.negotiate("de," * 500_000)
