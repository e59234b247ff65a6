"""replykit's HTTP API and translator preview: a thin ASGI shell (Starlette + uvicorn) over the library.

    replykit serve [--pack DIR] [--host 127.0.0.1] [--port 8000] [--workers N] [--preview]
    replykit preview             # from the project's sources; reload picks up .po edits

``create_app(Settings(...))`` gives the ASGI app; ``Service`` is the same API as library calls.
"""

from .service import Origin, RequestError, Service
from .settings import Settings

__all__ = ["Origin", "RequestError", "Service", "Settings", "create_app"]


def create_app(settings: Settings | None = None):  # type: ignore[no-untyped-def]
    """The ASGI app (imported lazily: the CLI's supervisor must not load prometheus_client first)."""
    from .app import create_app as make

    return make(settings)
