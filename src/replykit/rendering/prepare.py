"""Turn a scenario's sources into render-ready template sources (the build-time work).

HTML: layout + body MJML -> mjml-python -> Amazon-safe styles -> css-inline -> a Jinja
template that still holds its ``{% trans %}`` blocks and variables. Everything that does
not depend on the ticket happens here once, so rendering only substitutes variables.

Jinja syntax survives the HTML parser of the inliner by being swapped for inert tokens
(comments between table rows, plain words inside tags) and restored afterwards; whole
``{% trans %}`` blocks are swapped too, so msgids are never re-encoded by the parser.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

import css_inline
from jinja2 import TemplateSyntaxError, meta, nodes
from mjml import mjml2html

from ..errors import SourceError, TemplateError
from ..scenarios import LAYOUT_DIR
from .environment import plain_environment
from .templates import PreparedTemplates

BODY_MARKER = "<!-- replykit:body -->"
TEXT_MARKER = "{# replykit:body #}"
# Declarations Amazon treats as overrides of its defaults (line height, font family, colour).
_OVERRIDES = re.compile(r"(?<![-\w])(?:font-family|line-height|color)\s*:\s*[^;\"'}]*;?\s*", re.I)
_EMPTY_DECLARATION = re.compile(r"(?<![-\w])[a-z-]+\s*:\s*;")
_STYLE_ATTR = re.compile(r'(\sstyle=")([^"]*)(")')
_STYLE_BLOCK = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
# MRML hard-codes text-align:left on column wrappers; give them the locale's natural side.
_COLUMN_ALIGN = re.compile(r'(class="[^"]*mj-column-per-\d+[^"]*" style="[^"]*?)text-align:left;')
_JINJA = re.compile(r"\{%-?\s*trans\b.*?\{%-?\s*endtrans\s*-?%\}|\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
_INLINER = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)


#: Names the renderer provides to every template besides the scenario's variables.
RENDER_GLOBALS = frozenset({"lang", "dir", "align", "marketplace", "_fallbacks", "_subject", "_preheader",
                            "gettext", "ngettext", "pgettext", "npgettext", "_"})


#: Tags that pull in other templates or define callables: not part of a scenario's language.
_REUSE_TAGS_NAMED: dict[type[nodes.Node], str] = {
    nodes.Macro: "macro", nodes.CallBlock: "call", nodes.Import: "import", nodes.FromImport: "from ... import",
    nodes.Include: "include", nodes.Extends: "extends",
}
_REUSE_TAGS = tuple(_REUSE_TAGS_NAMED)


def read_source(path: Path, declared: Collection[str] | None = None) -> str:
    """Read a template source and check its Jinja syntax, naming file and line on error.

    With ``declared``, a variable the template uses but the scenario does not declare is
    an error too (``template.variable``), reported at its first use.
    """
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(path, "template file is missing") from None
    except UnicodeDecodeError as error:
        raise SourceError(path, f"not UTF-8: {error}") from None
    try:
        tree = plain_environment().parse(source)
    except TemplateSyntaxError as error:
        raise TemplateError(path, error.message or "syntax error", error.lineno) from None
    except RecursionError:  # Jinja's parser recurses once per nested bracket
        raise TemplateError(path, "expressions nested too deeply") from None
    except ValueError as error:  # Python's limit on digits in an integer literal
        raise TemplateError(path, f"unusable literal: {str(error).split(':')[0]}") from None
    for node in tree.find_all(_REUSE_TAGS):
        tag = _REUSE_TAGS_NAMED[type(node)]
        raise TemplateError(path, f"{{% {tag} %}} is not supported: a scenario is one self-contained file "
                                  "(the layout adds greeting and signature)", node.lineno)
    if declared is not None:
        try:
            unknown = meta.find_undeclared_variables(tree)
        except TemplateSyntaxError as error:  # e.g. an unknown filter
            raise TemplateError(path, error.message or "syntax error", error.lineno) from None
        unknown = unknown - set(declared) - RENDER_GLOBALS
        if unknown:
            line = min((n.lineno for n in tree.find_all(nodes.Name) if n.name in unknown), default=None)
            raise TemplateError(path, f"template.variable: uses undeclared variable(s) {', '.join(sorted(unknown))}",
                                line)
    return source


def _compose(layout: str, body: str, marker: str, layout_path: Path) -> str:
    if layout.count(marker) != 1:
        raise SourceError(layout_path, f"layout must contain the marker {marker} exactly once")
    return layout.replace(marker, body)


def _strip_overrides(html: str) -> str:
    def clean(css: str) -> str:
        return _EMPTY_DECLARATION.sub("", _OVERRIDES.sub("", css)).strip()

    html = _STYLE_ATTR.sub(lambda m: m.group(1) + clean(m.group(2)) + m.group(3), html)
    html = _STYLE_BLOCK.sub(lambda m: m.group(1) + clean(m.group(2)) + m.group(3), html)
    return html.replace(' style=""', "")


def _protect(html: str) -> tuple[str, list[str]]:
    saved: list[str] = []
    out: list[str] = []
    position = 0
    for match in _JINJA.finditer(html):
        before = html[:match.start()]
        inside_tag = before.rfind("<") > before.rfind(">")
        token = f"rkj{len(saved)}x"
        out.append(html[position:match.start()])
        out.append(token if inside_tag else f"<!--{token}-->")
        saved.append(match.group(0))
        position = match.end()
    out.append(html[position:])
    return "".join(out), saved


def _restore(html: str, saved: list[str]) -> str:
    # In <title> (raw text for the parser) a comment token comes back escaped: &lt;!--rkj0x--&gt;
    return re.sub(r"<!--rkj(\d+)x-->|&lt;!--rkj(\d+)x--&gt;|rkj(\d+)x",
                  lambda m: saved[int(m.group(1) or m.group(2) or m.group(3))], html)


def compile_html(mjml_source: str, where: Path) -> str:
    """MJML (with Jinja inside) -> inlined, Amazon-safe HTML (with the same Jinja inside)."""
    try:
        html = mjml2html(mjml_source)
    except Exception as error:  # mjml-python raises plain Exceptions with MRML's message
        raise TemplateError(where, f"MJML does not compile: {error}") from None
    html = _COLUMN_ALIGN.sub(r"\1text-align:{{ align }};", _strip_overrides(html))
    protected, saved = _protect(html)
    try:
        inlined = _INLINER.inline(protected)
    except css_inline.InlineError as error:
        raise TemplateError(where, f"CSS cannot be inlined: {error}") from None
    return _restore(inlined, saved)


def prepare_scenario(scenario_dir: Path, declared: Collection[str]) -> PreparedTemplates:
    """Read, check, compose and compile one scenario folder; ``declared``: its variables."""
    layout_dir = scenario_dir.parent / LAYOUT_DIR
    layout_mjml = read_source(layout_dir / "layout.mjml", declared)
    layout_text = read_source(layout_dir / "layout.txt", declared)
    subject = read_source(scenario_dir / "subject.txt", declared).strip()
    html = compile_html(
        _compose(layout_mjml, read_source(scenario_dir / "body.mjml", declared), BODY_MARKER, layout_dir / "layout.mjml"),
        scenario_dir / "body.mjml",
    )
    text = _compose(layout_text, read_source(scenario_dir / "body.txt", declared), TEXT_MARKER, layout_dir / "layout.txt")
    short = None
    if (scenario_dir / "short.txt").is_file():
        short = _compose(layout_text, read_source(scenario_dir / "short.txt", declared), TEXT_MARKER,
                         layout_dir / "layout.txt")
    return PreparedTemplates(subject=subject, html=html, text=text, short=short)
