"""Start the server with uvicorn: one process, or a supervisor and N workers sharing the socket."""

from __future__ import annotations

import os
import tempfile

from .settings import SETTINGS_ENV, SUPERVISOR_ENV, Settings


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          log_level: str = "info") -> None:
    """Verify the pack once (a bad one is a one-line ReplykitError here), then serve until stopped.

    With several workers, SIGHUP to this process replaces the workers one by one (each loads and
    verifies the pack before the old one retires; a pack that fails keeps the old workers), and
    ``/metrics`` sums over the workers.
    """
    settings.origin().load()
    os.environ[SETTINGS_ENV] = settings.to_json()
    if workers > 1:
        os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="replykit-metrics-"))
        os.environ[SUPERVISOR_ENV] = str(os.getpid())
    import uvicorn

    uvicorn.run("replykit.server.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=False, lifespan="on", server_header=False,
                timeout_graceful_shutdown=30)
