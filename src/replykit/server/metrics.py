"""Prometheus metrics: requests and latency per endpoint and status, renders, the pack served.

With several uvicorn workers, ``replykit serve`` sets ``PROMETHEUS_MULTIPROC_DIR`` so that
``/metrics`` on any worker reports the sum over all of them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class Metrics:
    """The server's metrics in their own registry (several apps may share one process in tests)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter("replykit_http_requests", "HTTP requests by endpoint, method and status",
                                ("endpoint", "method", "status"), registry=self.registry)
        self.latency = Histogram("replykit_http_request_duration_seconds", "Time to answer, by endpoint and status",
                                 ("endpoint", "status"), buckets=_BUCKETS, registry=self.registry)
        self.renders = Counter("replykit_renders", "Replies rendered by scenario, locale served and marketplace",
                               ("scenario", "locale", "marketplace"), registry=self.registry)
        self.pack = Gauge("replykit_pack_info", "1 for the pack being served, by pack id", ("pack",),
                          registry=self.registry, multiprocess_mode="liveall")
        self.reloads = Counter("replykit_pack_reloads", "Pack reloads by outcome (ok, refused)", ("outcome",),
                               registry=self.registry)
        self._pack_id: str | None = None

    def serving(self, pack_id: str) -> None:
        if self._pack_id is not None and self._pack_id != pack_id:
            self.pack.labels(self._pack_id).set(0)
        self.pack.labels(pack_id).set(1)
        self._pack_id = pack_id

    def exposition(self) -> tuple[bytes, str]:
        """The text format, summed over workers in multiprocess mode."""
        folder = multiprocess_dir()
        if folder:
            from prometheus_client import multiprocess

            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry, path=folder)
            return generate_latest(registry), CONTENT_TYPE_LATEST
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


def endpoint_label(path: str, known: Iterable[str]) -> str:
    """A bounded label for a request path: the route template, else ``other``."""
    if path.startswith("/v1/scenarios/"):
        return "/v1/scenarios/{id}"
    if path.startswith("/preview/"):
        return "/preview/{cell}"
    return path if path in known else "other"


class MetricsMiddleware:
    """Pure ASGI middleware: counts every HTTP request and times it, whatever its outcome."""

    def __init__(self, app: ASGIApp, metrics: Metrics, label: Callable[[str], str]) -> None:
        self.app = app
        self.metrics = metrics
        self.label = label

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def observe(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            endpoint = self.label(scope["path"])
            code = str(status)
            self.metrics.requests.labels(endpoint, scope["method"], code).inc()
            self.metrics.latency.labels(endpoint, code).observe(time.perf_counter() - start)
