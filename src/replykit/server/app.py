"""The ASGI app: HTTP in, one :class:`~replykit.server.service.Service` call, JSON out.

Errors are JSON ``{error, message, field?}`` with the status a help-desk integrator expects
(400 malformed JSON, 404 unknown scenario/marketplace/path, 405 wrong method, 413 body too
large, 422 a request the rules refuse); never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import ipaddress
import logging
import os
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import orjson
from anyio import to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.responses import JSONResponse as _StarletteJSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import (LocaleError, PackError, ReplykitError, ScenarioNotPermittedError, UnknownChannelError,
                      UnknownMarketplaceError, UnknownScenarioError, VariableError)
from .metrics import Metrics, MetricsMiddleware, endpoint_label
from .openapi import docs_page, openapi_spec
from .service import RequestError, Service, parse_json, require_object
from .settings import SETTINGS_ENV, SUPERVISOR_ENV, Settings

log = logging.getLogger("replykit.server")


class JSONResponse(_StarletteJSONResponse):
    """Compact UTF-8 JSON, encoded by orjson: a reply's HTML and text take the stdlib ~0.1 ms to encode."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


_STATUS_OF: tuple[tuple[type[ReplykitError], int, str, str | None], ...] = (
    (UnknownScenarioError, 404, "not_found", "scenario"),
    (UnknownMarketplaceError, 404, "not_found", "marketplace"),
    (ScenarioNotPermittedError, 422, "not_permitted", "marketplace"),
    (LocaleError, 422, "invalid_locale", "locale"),
    (UnknownChannelError, 422, "invalid_field", "channel"),
    (PackError, 409, "reload_refused", None),
)


def error_response(error: ReplykitError) -> JSONResponse:
    if isinstance(error, RequestError):
        return JSONResponse(error.to_dict(), status_code=error.status)
    if isinstance(error, VariableError):
        return JSONResponse({"error": "invalid_variables", "message": str(error), "field": error.field,
                             "fields": [{"field": error.field, "message": error.reason}]}, status_code=422)
    for kind, status, code, field in _STATUS_OF:
        if isinstance(error, kind):
            body = {"error": code, "message": str(error)}
            if field:
                body["field"] = field
            return JSONResponse(body, status_code=status)
    log.error("replykit error while answering: %s", error)
    return JSONResponse({"error": "internal", "message": str(error)}, status_code=500)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it exceeds ``limit`` bytes."""
    return await receive_body(request.headers.get("content-length"), request.receive, limit)


async def receive_body(declared: str | None, receive: Receive, limit: int) -> bytes:
    """The body of an ASGI request (``declared``: its Content-Length), 413 past ``limit`` bytes."""
    too_large = RequestError(413, "payload_too_large", f"request body exceeds {limit} bytes")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise RequestError(400, "bad_request", "the client went away before sending the whole body")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def is_loopback(request: Request) -> bool:
    """A direct connection from this machine (a proxy's forwarded request is not)."""
    if "forwarded" in request.headers or "x-forwarded-for" in request.headers:
        return False
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def settle_heap() -> None:
    """Move the loaded pack, checker and caches out of the collector's sight (``gc.freeze``).

    A full collection otherwise walks every compiled template and lexicon entry, a pause of tens of
    milliseconds in the middle of some request; unfrozen first, so a replaced pack is still freed.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


Handler = Callable[[Request], Awaitable[Any]]


def json_endpoint(handler: Handler, status: int = 200) -> Callable[[Request], Awaitable[Response]]:
    """Wrap a handler returning JSON-able data; library errors become their JSON error response."""

    async def endpoint(request: Request) -> Response:
        try:
            result = await handler(request)
        except ReplykitError as error:
            return error_response(error)
        return result if isinstance(result, Response) else JSONResponse(result, status_code=status)

    return endpoint


class Api:
    """The endpoints, bound to one service and its metrics."""

    def __init__(self, settings: Settings, metrics: Metrics) -> None:
        self.settings = settings
        self.metrics = metrics
        self.service: Service | None = None
        self.reload_pending = False

    def ready(self) -> Service:
        if self.service is None:
            raise RequestError(503, "not_ready", "no pack loaded yet")
        return self.service

    async def start(self) -> None:
        self.service = await to_thread.run_sync(lambda: Service(self.settings.origin(), warm=self.settings.warm))
        settle_heap()
        self.metrics.serving(self.service.pack.id)
        log.info("serving pack %s", self.service.pack.id)

    async def reload(self, pack: str | None = None) -> dict[str, Any]:
        service = self.ready()
        try:
            result = await to_thread.run_sync(service.reload, pack)
        except ReplykitError as error:
            self.metrics.reloads.labels("refused").inc()
            log.error("reload refused, still serving %s: %s", service.pack.id, error)
            raise PackError(f"reload refused, still serving {service.pack.id}: {error}") from None
        self.metrics.reloads.labels("ok").inc()
        settle_heap()
        self.metrics.serving(result.current)
        log.info("reloaded: serving pack %s (was %s)", result.current, result.previous)
        return result.to_dict()

    # --- endpoints ------------------------------------------------------------------------

    async def healthz(self, request: Request) -> Any:
        return {"status": "ok"}

    async def readyz(self, request: Request) -> Any:
        service = self.ready()
        return {"status": "ready", "pack": service.pack.id}

    async def metrics_endpoint(self, request: Request) -> Response:
        body, content_type = self.metrics.exposition()
        return Response(body, media_type=content_type)

    async def scenarios(self, request: Request) -> Any:
        return {"scenarios": self.ready().scenarios()}

    async def scenario(self, request: Request) -> Any:
        return self.ready().scenario(request.path_params["scenario_id"])

    async def rules(self, request: Request) -> Any:
        return {"rules": self.ready().rules(request.query_params.get("marketplace") or None)}

    async def pack(self, request: Request) -> Any:
        return self.ready().manifest()

    async def render(self, request: Request) -> Any:
        raw = await read_body(request, self.settings.max_body)
        status, data = self.answer_render(raw, request.headers.get("accept-language"))
        return JSONResponse(data, status_code=status)

    def answer_render(self, raw: bytes, accept_language: str | None) -> tuple[int, dict[str, Any]]:
        """``POST /v1/render``: (200, the reply) or (422, the error findings); other refusals raise."""
        reply = self.ready().render(parse_json(raw), accept_language)
        self.metrics.renders.labels(reply.scenario, reply.locale, reply.marketplace).inc()
        if reply.errors:
            return 422, {"error": "non_compliant",
                         "message": f"{len(reply.errors)} error finding(s) in the rendered reply: "
                                    + "; ".join(f"{f.where}: {f.rule}: {f.message}" for f in reply.errors[:3]),
                         "findings": [f.to_dict() for f in reply.findings or ()]}
        return 200, reply.to_dict()

    async def lint(self, request: Request) -> Any:
        service = self.ready()
        return service.lint(parse_json(await read_body(request, self.settings.max_body)))

    async def admin_reload(self, request: Request) -> Any:
        if not is_loopback(request):
            raise RequestError(403, "forbidden", "reload is accepted from loopback (127.0.0.1, ::1) only")
        raw = await read_body(request, self.settings.max_body)
        body = require_object(parse_json(raw)) if raw.strip() else {}
        pack = body.get("pack")
        if pack is not None and not (isinstance(pack, str) and pack.strip()):
            raise RequestError(422, "invalid_field", "pack: expected a pack folder path", "pack")
        supervisor = os.environ.get(SUPERVISOR_ENV)
        workers = bool(supervisor and supervisor.isdigit())
        if workers and not pack:  # back to the configured pack, here and in every worker
            await to_thread.run_sync(self.ready().origin.pin, None)
        result = await self.reload(pack)  # verified here first: a refused pack reaches no other worker
        if workers:  # pinned for all; the supervisor passes SIGHUP on and every worker reloads it
            if pack:
                await to_thread.run_sync(self.ready().origin.pin, pack)
            os.kill(int(supervisor), signal.SIGHUP)  # type: ignore[arg-type]
        return result

    async def openapi(self, request: Request) -> Any:
        return openapi_spec()

    async def docs(self, request: Request) -> Response:
        return HTMLResponse(docs_page(openapi_spec()))


RENDER_PATH = "/v1/render"
_JSON_HEADERS = [(b"content-type", b"application/json")]


class RenderFastPath:
    """``POST /v1/render`` answered straight on ASGI, ahead of Starlette's per-request layers.

    The same call and the same answers as the routed endpoint (:meth:`Api.answer_render`, errors
    through :func:`error_response`, the same metrics), without the Request/Response objects, the
    router and three middleware wrappers around ``send``: about a sixth of a worker's time at load.
    Every other request, and any other method on the path (405), goes through Starlette.
    """

    def __init__(self, app: ASGIApp, api: Api, metrics: Metrics) -> None:
        self.app = app
        self.api = api
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != RENDER_PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        declared = accept_language = None
        for name, value in scope["headers"]:
            if name == b"content-length":
                declared = value.decode("latin-1")
            elif name == b"accept-language":
                accept_language = value.decode("latin-1")
        try:
            raw = await receive_body(declared, receive, self.api.settings.max_body)
            status, data = self.api.answer_render(raw, accept_language)
            body = orjson.dumps(data)
        except ReplykitError as error:
            refused = error_response(error)
            status, body = refused.status_code, bytes(refused.body)
        except Exception:  # noqa: BLE001 - as Starlette's handler: logged, a JSON 500, never a traceback
            log.exception("unexpected error on POST %s", RENDER_PATH)
            status, body = 500, b'{"error":"internal","message":"internal error (see the server log)"}'
        await send({"type": "http.response.start", "status": status,
                    "headers": [*_JSON_HEADERS, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
        code = str(status)
        self.metrics.requests.labels(RENDER_PATH, "POST", code).inc()
        self.metrics.latency.labels(RENDER_PATH, code).observe(time.perf_counter() - start)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    message = {404: f"no such path: {request.url.path}",
               405: f"method {request.method} not allowed on {request.url.path}"}.get(exc.status_code, exc.detail)
    return JSONResponse({"error": code, "message": message}, status_code=exc.status_code, headers=exc.headers)


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return JSONResponse({"error": "internal", "message": "internal error (see the server log)"}, status_code=500)


def create_app(settings: Settings | None = None) -> Starlette:
    """The ASGI app; the pack is loaded (and verified) at start-up, before the first request."""
    settings = settings or Settings()
    metrics = Metrics()
    api = Api(settings, metrics)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await api.start()
        loop = asyncio.get_running_loop()
        with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):  # not the main thread
            loop.add_signal_handler(signal.SIGHUP, lambda: asyncio.ensure_future(_reload_on_signal(api)))
        if api.reload_pending:  # SIGHUP came while the pack was loading: it may be older than the signal
            await _reload_on_signal(api)
        yield

    j = json_endpoint
    routes = [
        Route("/healthz", j(api.healthz), methods=["GET"]),
        Route("/readyz", j(api.readyz), methods=["GET"]),
        Route("/metrics", api.metrics_endpoint, methods=["GET"]),
        Route("/v1/scenarios", j(api.scenarios), methods=["GET"]),
        Route("/v1/scenarios/{scenario_id}", j(api.scenario), methods=["GET"]),
        Route("/v1/rules", j(api.rules), methods=["GET"]),
        Route("/v1/pack", j(api.pack), methods=["GET"]),
        Route("/v1/render", j(api.render), methods=["POST"]),
        Route("/v1/lint", j(api.lint), methods=["POST"]),
        Route("/v1/admin/reload", j(api.admin_reload), methods=["POST"]),
        Route("/openapi.json", j(api.openapi), methods=["GET"]),
        Route("/docs", api.docs, methods=["GET"]),
    ]
    if settings.preview:
        from .preview import preview_routes

        routes += preview_routes(api)
    known = {route.path for route in routes}
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={HTTPException: _http_error, Exception: _internal_error})
    app.add_middleware(MetricsMiddleware, metrics=metrics, label=lambda path: endpoint_label(path, known))
    app.add_middleware(RenderFastPath, api=api, metrics=metrics)  # outermost of ours: ahead of the router
    app.state.api = api
    return app


async def _reload_on_signal(api: Api) -> None:
    with contextlib.suppress(ReplykitError):
        await api.reload()


def app_from_environment() -> Starlette:
    """Factory for uvicorn workers: the settings come from ``$REPLYKIT_SERVE``."""
    raw = os.environ.get(SETTINGS_ENV)
    app = create_app(Settings.from_json(raw) if raw else Settings())
    with contextlib.suppress(ValueError):  # a SIGHUP during start-up must not kill: reload once started
        signal.signal(signal.SIGHUP, lambda signum, frame: setattr(app.state.api, "reload_pending", True))
    return app
