"""Rendering benchmark: baked per-locale templates vs. the usual ways, as ratios from one run.

    .venv/bin/python bench/bench_render.py [--rounds N]

Machines here are noisy, so every figure is compared with the others measured in the same
process, interleaved round by round; report the ratios, not the absolute microseconds.
  render     the whole Renderer.render call: validation, locale negotiation, subject, text, preheader,
             HTML, the short form where a channel needs it, the Reply object
  baked      the same work as `gettext` on replykit's templates with translations compiled in:
             variables validated, then subject, HTML and text rendered
  gettext    the same prepared HTML/text compiled with Jinja's i18n extension, gettext at render time
  per-send   Jinja over the MJML source with gettext, then mjml-python + css-inline per message
  floor      joining 25 chunks and escaping 25 values in pure Python (a lower bound)
"""

from __future__ import annotations

import argparse
import gettext as gettext_module
import statistics
import sys
import timeit
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import Environment
from markupsafe import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from replykit.project import Project, ProjectSource  # noqa: E402
from replykit.rendering.environment import JINJA_OPTIONS  # noqa: E402
from replykit.rendering.formatting import locale_filters  # noqa: E402
from replykit.rendering.prepare import compile_html  # noqa: E402
from replykit.rendering.renderer import Renderer  # noqa: E402

SCENARIO, LOCALE, MARKETPLACE = "delay_notice", "de", "amazon"


def gettext_environment(project: Project, autoescape: bool) -> Environment:
    import io

    with project.po_path(LOCALE).open("rb") as handle:
        catalog = read_po(handle, locale=LOCALE)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    translations = gettext_module.GNUTranslations(buffer)
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape, **JINJA_OPTIONS)
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(translations, newstyle=False)  # type: ignore[attr-defined]
    env.filters.update(locale_filters(Locale.parse(LOCALE)))
    env.globals.update(lang="de", dir="ltr", align="left", _fallbacks=[])
    return env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--number", type=int, default=300)
    args = parser.parse_args()

    project = Project.at(ROOT)
    source = ProjectSource(project, pseudo=False)
    renderer = Renderer(source)
    renderer.warm()
    spec = renderer.scenario(SCENARIO)
    samples = spec.samples()
    typed = spec.validate(samples)
    prepared = source.templates(SCENARIO)

    html_env, text_env = gettext_environment(project, True), gettext_environment(project, False)
    g_subject, g_html, g_text = (text_env.from_string(prepared.subject), html_env.from_string(prepared.html),
                                 text_env.from_string(prepared.text))
    folder = project.templates_dir / SCENARIO
    layout = (project.templates_dir / "_layout" / "layout.mjml").read_text()
    mjml_source = layout.replace("<!-- replykit:body -->", (folder / "body.mjml").read_text())
    g_mjml = html_env.from_string(mjml_source)

    # the baked templates themselves (an internal of Renderer), so that `baked` and `gettext` do the same work
    compiled = renderer._compile(renderer._state, SCENARIO, renderer.negotiate(LOCALE, MARKETPLACE))

    def render() -> None:
        renderer.render(SCENARIO, locale=LOCALE, marketplace=MARKETPLACE, variables=samples)

    def baked() -> None:
        context = {**spec.validate(samples), "_fallbacks": [], "marketplace": MARKETPLACE, "_subject": "",
                   "_preheader": ""}
        compiled.subject.render(context), compiled.html.render(context), compiled.text.render(context)

    def with_gettext() -> None:
        context = spec.validate(samples)
        g_subject.render(context), g_html.render(context), g_text.render(context)

    def per_send() -> None:
        context = spec.validate(samples)
        g_subject.render(context)
        compile_html(g_mjml.render(context), folder / "body.mjml")
        g_text.render(context)

    values = [str(v) for v in typed.values()] * 4

    def floor() -> None:
        "".join(str(escape(v)) for v in values[:25])

    cases = {"render": render, "baked": baked, "gettext": with_gettext, "per-send": per_send, "floor": floor}
    timings: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, func in cases.items():
            number = args.number if name != "per-send" else max(1, args.number // 20)
            timings[name].append(timeit.timeit(func, number=number) / number * 1e6)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    print(f"scenario {SCENARIO}, locale {LOCALE}, {args.rounds} interleaved rounds (median us per message)")
    for name, value in medians.items():
        print(f"  {name:9} {value:10.1f} us   {value / medians['baked']:7.2f} x baked")


if __name__ == "__main__":
    main()
