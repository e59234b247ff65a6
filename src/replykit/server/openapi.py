"""The API's OpenAPI 3.1 document and a self-contained docs page made from it (no CDN, no script)."""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from typing import Any

from .. import __version__

_ERROR = {"type": "object", "required": ["error", "message"],
          "properties": {"error": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"},
                         "fields": {"type": "array", "items": {"type": "object"}},
                         "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}
_FINDING = {"type": "object", "properties": {k: {"type": t} for k, t in (
    ("rule", "string"), ("severity", "string"), ("file", ["string", "null"]), ("where", "string"),
    ("line", ["integer", "null"]), ("message", "string"), ("excerpt", "string"))}}
_RENDER_REQUEST = {
    "type": "object", "required": ["scenario", "marketplace"],
    "properties": {"scenario": {"type": "string"}, "marketplace": {"type": "string"},
                   "locale": {"type": "string", "description": "de-AT, de_AT, de; default: Accept-Language"},
                   "variables": {"type": "object", "description": "see GET /v1/scenarios/{id}"},
                   "channel": {"type": "string", "enum": ["email", "api"],
                               "description": "default email; its format and length limit decide the findings"}}}
_REPLY = {"type": "object", "properties": {
    **{k: {"type": "string"} for k in ("scenario", "marketplace", "subject", "html", "text", "body", "locale",
                                       "requested_locale")},
    "format": {"enum": ["html", "text"]}, "fallbacks": {"type": "array", "items": {"type": "object"}},
    "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}
_LINT_REQUEST = {"type": "object", "required": ["marketplace", "message"], "properties": {
    "marketplace": {"type": "string"},
    "message": {"type": "object", "required": ["subject"], "properties": {
        "subject": {"type": "string"}, "html": {"type": "string"}, "text": {"type": "string"},
        "context": {"type": "object"}}}}}
_LINT_REPORT = {"type": "object", "properties": {
    "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
    "summary": {"type": "object", "properties": {"errors": {"type": "integer"}, "warnings": {"type": "integer"}}}}}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "malformed JSON", 403: "not from loopback", 404: "unknown scenario, marketplace or path",
            409: "the new pack failed to load or verify; the old one keeps serving", 413: "body over the limit",
            422: "refused: not permitted, bad locale or channel, missing or ill-typed variables, or error findings "
                 "(each finding's where names its variable, e.g. variables.answer)",
            503: "no pack loaded yet"}
    return {str(code): _json(_ref("Error"), text[code]) for code in codes}


def _get(summary: str, schema: dict[str, Any], *errors: int, params: list[dict[str, Any]] | None = None) -> dict:
    op: dict[str, Any] = {"summary": summary, "responses": {"200": _json(schema, "OK"), **_errors(*errors)}}
    if params:
        op["parameters"] = params
    return {"get": op}


def _post(summary: str, request: dict[str, Any], response: dict[str, Any], *errors: int) -> dict:
    return {"post": {"summary": summary, "requestBody": {"required": True, "content": {"application/json": {
        "schema": request}}}, "responses": {"200": _json(response, "OK"), **_errors(*errors)}}}


@lru_cache(maxsize=1)
def openapi_spec() -> dict[str, Any]:
    """The OpenAPI document served at ``/openapi.json``."""
    obj = {"type": "object"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "replykit", "version": __version__,
                 "description": "Render marketplace-compliant replies to buyers, lint messages, inspect the pack."},
        "paths": {
            "/v1/scenarios": _get("List scenarios", obj),
            "/v1/scenarios/{scenario_id}": _get(
                "One scenario: variables as JSON Schema, sample values per marketplace, permitted marketplaces",
                obj, 404, params=[{"name": "scenario_id", "in": "path", "required": True,
                                   "schema": {"type": "string"}}]),
            "/v1/rules": _get("Rules with severity per marketplace", obj, 404, params=[
                {"name": "marketplace", "in": "query", "required": False, "schema": {"type": "string"}}]),
            "/v1/pack": _get("Manifest of the pack being served", obj),
            "/v1/render": {"post": {**_post("Render the reply for a ticket", _ref("RenderRequest"), _ref("Reply"),
                                            400, 404, 413, 422)["post"],
                                    "parameters": [{"name": "Accept-Language", "in": "header", "required": False,
                                                    "schema": {"type": "string"}}]}},
            "/v1/lint": _post("Lint a message (same JSON as `replykit lint --format json`)", _ref("LintRequest"),
                              _ref("LintReport"), 400, 404, 413, 422),
            "/v1/admin/reload": _post("Reload the pack (loopback only); optional {\"pack\": folder}", obj, obj,
                                      400, 403, 409),
            "/healthz": _get("The process answers", obj),
            "/readyz": _get("A verified pack is loaded", obj, 503),
            "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {
                "description": "text format", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
        },
        "components": {"schemas": {"Error": _ERROR, "Finding": _FINDING, "RenderRequest": _RENDER_REQUEST,
                                   "Reply": _REPLY, "LintRequest": _LINT_REQUEST, "LintReport": _LINT_REPORT}},
    }


_STYLE = """body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-top:1px solid #ddd;padding-top:1rem}code,pre{background:#f4f4f4;border-radius:3px}
pre{padding:.6rem;overflow:auto;font-size:13px}.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}
.get{color:#0a6}.post{color:#a50}td,th{text-align:left;padding:.15rem .6rem .15rem 0;vertical-align:top}"""


def docs_page(spec: dict[str, Any]) -> str:
    """The API reference as one static HTML page, made on the server from the OpenAPI document."""
    info = spec["info"]
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(info['title'])} API</title>"
             f"<style>{_STYLE}</style></head><body><h1>{escape(info['title'])} API {escape(info['version'])}</h1>"
             f"<p>{escape(info['description'])} Machine-readable: <a href='/openapi.json'>/openapi.json</a>.</p>"]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            parts.append(f"<h2 id='{escape(method)}-{escape(path)}'><span class='m {method}'>{method}</span>"
                         f"<code>{escape(path)}</code></h2><p>{escape(op['summary'])}</p>")
            for param in op.get("parameters", ()):
                parts.append(f"<p>{escape(param['in'])} parameter <code>{escape(param['name'])}</code>"
                             f"{' (required)' if param.get('required') else ''}</p>")
            body = op.get("requestBody")
            if body:
                schema = _resolve(spec, body["content"]["application/json"]["schema"])
                parts.append(f"<p>Request body:</p><pre>{escape(json.dumps(schema, indent=2))}</pre>")
            rows = "".join(f"<tr><th>{escape(code)}</th><td>{escape(r['description'])}</td></tr>"
                           for code, r in op["responses"].items())
            parts.append(f"<table><tr><th>status</th><th>meaning</th></tr>{rows}</table>")
    parts.append("</body></html>")
    return "".join(parts)


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    return spec["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else schema
