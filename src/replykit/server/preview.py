"""The translator preview at ``/preview``: server-rendered HTML, no script, nothing from a CDN.

The grid lists scenario x locale x marketplace; a cell shows the rendered HTML (in a sandboxed
frame) beside the plain text and the subject, each source sentence beside its translation,
editable sample variables, the findings those variables bring in highlighted where they occur,
and every catalogue's stats. Each cell renders through the same ``Service.render`` as the API.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..catalogues import stats
from ..errors import ReplykitError
from ..marketplaces import MARKETPLACES
from ..project import Project
from ..rendering.locales import parse_locale
from ..scenarios import Scenario
from .backend import Finding, Loaded
from .service import RequestError

if TYPE_CHECKING:
    from .app import Api

_JSON_TYPES = frozenset({"items", "money"})
_PREFIX = "v."


@dataclass(frozen=True, slots=True)
class SourceString:
    """One sentence of a scenario: the English source beside its translation in a locale."""

    msgid: str
    context: str | None
    translation: str | None  # None: not translated anywhere in the chain (the source is shown)
    from_locale: str | None  # the catalogue it came from when that is not the locale asked for


@lru_cache(maxsize=8)
def _pot_occurrences(pot: Path, mtime: float) -> tuple[tuple[str, str | None, tuple[str, ...]], ...]:
    import polib

    return tuple((e.msgid, e.msgctxt, tuple(path for path, _ in e.occurrences)) for e in polib.pofile(str(pot)))


def scenario_strings(project: Project, loaded: Loaded, scenario: str, locale: str) -> list[SourceString]:
    """The scenario's sentences (and the shared layout's) from the .pot, with their translations."""
    pot = project.pot_path
    if not pot.is_file():
        return []
    prefixes = (f"templates/{scenario}/", "templates/_layout/")
    chain = loaded.renderer.negotiate(locale).chain
    out = []
    for msgid, context, places in _pot_occurrences(pot, pot.stat().st_mtime):
        if not any(p.startswith(prefixes) for p in places):
            continue
        translation, origin = None, None
        for catalogue_locale in chain:
            if catalogue_locale == loaded.renderer.source_locale:
                break
            entry = loaded.renderer.source.catalogue(catalogue_locale).entries.get((context, msgid))
            if entry is not None:
                translation, origin = entry.forms[0], catalogue_locale
                break
        out.append(SourceString(msgid, context, translation, origin if origin != chain[0] else None))
    return out


def _window(text: str, excerpt: str) -> re.Match[str] | None:
    """Where a finding's excerpt sits in ``text``: whitespace-normalised, ``…`` dropped, and if the
    excerpt's edge words were cut mid-word, without them."""
    words = excerpt.split()
    trimmed = words[1:] if words and words[0].startswith("…") else words
    trimmed = trimmed[:-1] if trimmed and trimmed[-1].endswith("…") else trimmed
    for candidate in (words, trimmed):
        parts = [w.strip("…") for w in candidate if w.strip("…")]
        found = re.search(r"\s+".join(re.escape(w) for w in parts), text) if parts else None
        if found:
            return found
    return None


def highlight(text: str, findings: Sequence[Finding], values: Sequence[str] = ()) -> Markup:
    """``text`` escaped, each finding's place wrapped in ``<mark class="finding">``.

    The place is the finding's excerpt, narrowed to the ticket value inside it when there is one
    (the variables are what brought the finding in).
    """
    # excerpts leave out invisible format characters (the bidi isolates around values): so does the search
    index = [i for i, ch in enumerate(text) if unicodedata.category(ch) != "Cf"]
    visible = "".join(text[i] for i in index)
    spans: list[tuple[int, int, Finding]] = []
    for finding in findings:
        window = _window(visible, finding.excerpt)
        if window is None:
            continue
        start, end = window.span()
        inside = [v for v in values if len(v) >= 3 and v in visible[start:end]]
        if inside:
            value = max(inside, key=len)
            start += visible[start:end].index(value)
            end = start + len(value)
        start, end = index[start], index[end - 1] + 1
        if not any(s < end and start < e for s, e, _ in spans):
            spans.append((start, end, finding))
    parts, position = [], 0
    for start, end, finding in sorted(spans, key=lambda span: span[0]):
        parts.append(escape(text[position:start]))
        parts.append(Markup('<mark class="finding {}" title="{}: {}">{}</mark>').format(
            finding.severity, finding.rule, finding.message, text[start:end]))
        position = end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


_TAG = re.compile(r"(<[^>]*>)")
_HTML_MARK = '<mark style="background:#ffd6d6;outline:2px solid #d93025" title="{}">{}</mark>'


def highlight_html(html: str, findings: Sequence[Finding], values: Sequence[str]) -> str:
    """The rendered HTML with each ticket value that a finding quotes marked in the text (not in tags)."""
    flagged = {}
    for finding in findings:
        excerpt = " ".join(finding.excerpt.split())
        quoted = [v for v in values if len(v) >= 3 and " ".join(v.split()) in excerpt]
        if quoted:  # the longest value the excerpt quotes, as in the text view
            flagged.setdefault(str(escape(max(quoted, key=len))), f"{finding.rule}: {finding.message}")
    if not flagged:
        return html
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):  # even items are text between tags
        for value, title in flagged.items():
            if value in parts[i]:
                parts[i] = parts[i].replace(value, _HTML_MARK.format(escape(title), value))
    return "".join(parts)


def _texts(values: Mapping[str, Any]) -> list[str]:
    """The strings inside ticket values (item titles included)."""
    out: list[str] = []
    for value in values.values():
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out += [str(item.get("title")) for item in value if isinstance(item, Mapping) and item.get("title")]
    return out


def form_values(scenario: Scenario, marketplace: str, query: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Variables from the query string (``v.<name>``), else the scenario's samples; and the raw texts."""
    if not any(key.startswith(_PREFIX) for key in query):
        samples = scenario.samples(marketplace)
        return samples, {name: _as_text(samples.get(name)) for name in scenario.variables}
    values: dict[str, Any] = {}
    raw: dict[str, str] = {}
    for name, var in scenario.variables.items():
        text = query.get(_PREFIX + name, "")
        raw[name] = text
        if not text.strip():
            continue
        if var.type in _JSON_TYPES:
            try:
                values[name] = json.loads(text)
            except json.JSONDecodeError as error:
                raise RequestError(422, "invalid_variables", f"variable {name!r}: not valid JSON: {error.msg}",
                                   name) from None
        elif var.type == "integer" and text.strip().isdigit():
            values[name] = int(text)
        else:
            values[name] = text
    return values, raw


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("replykit.server", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["q"] = lambda value: quote(str(value), safe="")
    return env


def direction(locale: str) -> str:
    try:
        return str(parse_locale(locale).text_direction)
    except ReplykitError:
        return "ltr"


def _locales(loaded: Loaded) -> list[str]:
    return [loaded.renderer.source_locale, *[loc for loc in loaded.locales if loc != loaded.renderer.source_locale]]


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_environment().get_template(name).render(**context), status_code=status)


class Preview:
    """The preview pages over an API's service (the same pack, the same render call)."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self._stats: tuple[int, list[Any]] | None = None

    @property
    def project(self) -> Project:
        return self.api.ready().origin.project

    def catalogue_stats(self, loaded: Loaded) -> list[Any]:
        """``replykit stats`` of the project's catalogues, computed once per loaded pack."""
        if self._stats is None or self._stats[0] != id(loaded):
            project = self.project
            rows = stats(project) if project.pot_path.is_file() else []
            self._stats = (id(loaded), rows)
        return self._stats[1]

    async def grid(self, request: Request) -> Response:
        loaded = self.api.ready().pack
        return _page("preview_grid.html", pack=loaded, scenarios=list(loaded.scenarios.values()),
                     locales=_locales(loaded), marketplaces=MARKETPLACES, stats=self.catalogue_stats(loaded),
                     directions={loc: direction(loc) for loc in _locales(loaded)})

    async def cell(self, request: Request) -> Response:
        service = self.api.ready()
        loaded = service.pack
        params = request.path_params
        try:
            scenario = loaded.renderer.scenario(params["scenario"])
        except ReplykitError as error:
            return _page("preview_error.html", status=404, message=str(error), pack=loaded)
        locale, marketplace = params["locale"], params["marketplace"]
        rendered, error, fields = None, None, {}
        values, raw = {}, {name: "" for name in scenario.variables}
        try:
            values, raw = form_values(scenario, marketplace, request.query_params)
            rendered = service.render({"scenario": scenario.id, "marketplace": marketplace, "locale": locale,
                                       "variables": values})
        except RequestError as failure:
            error = str(failure)
            fields = {f["field"]: f["message"] for f in failure.extra.get("fields", ())}
            if failure.field and not fields:
                fields = {failure.field: str(failure)}
        except ReplykitError as failure:
            error = str(failure)
        findings = list(rendered.findings or ()) if rendered else []
        reply = rendered.to_dict() if rendered else None
        marked: dict[str, Any] = {"subject": "", "text": "", "html": "", "strings": []}
        if reply:
            texts = _texts(values)
            marked = {"subject": highlight(reply["subject"], findings, texts),
                      "text": highlight(reply["text"], findings, texts),
                      "html": highlight_html(reply["html"], findings, texts),
                      "strings": scenario_strings(self.project, loaded, scenario.id, locale)}
        served = reply["locale"] if reply else locale
        return _page("preview_cell.html", pack=loaded, scenario=scenario, locale=locale, marketplace=marketplace,
                     locales=_locales(loaded), marketplaces=scenario.marketplaces, reply=reply, findings=findings,
                     error=error, fields=fields, raw=raw, dir=direction(served), lang=served.replace("_", "-"),
                     prefix=_PREFIX, **marked)

    async def reload(self, request: Request) -> Response:
        from .app import error_response, is_loopback

        if not is_loopback(request):
            return error_response(RequestError(403, "forbidden", "reload is accepted from loopback only"))
        try:
            await self.api.reload()
        except ReplykitError as failure:
            return _page("preview_error.html", status=409, message=str(failure), pack=self.api.ready().pack)
        back = urlsplit(request.headers.get("referer") or "")
        target = back.path + (f"?{back.query}" if back.query else "") if back.path.startswith("/preview") else "/preview"
        return RedirectResponse(target, status_code=303)


def preview_routes(api: Api) -> list[Route]:
    preview = Preview(api)
    return [
        Route("/preview", preview.grid, methods=["GET"]),
        Route("/preview/reload", preview.reload, methods=["POST"]),
        Route("/preview/{scenario}/{locale}/{marketplace}", preview.cell, methods=["GET"]),
    ]


__all__ = ["Preview", "SourceString", "form_values", "highlight", "preview_routes", "scenario_strings"]
