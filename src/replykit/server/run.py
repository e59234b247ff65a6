"""Start the server with uvicorn: one process, or a supervisor and N workers sharing the socket."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sys
import tempfile

from ..errors import ReplykitError

from .settings import RUNTIME_ENV, SETTINGS_ENV, SUPERVISOR_ENV, Settings

APP = "replykit.server.app:app_from_environment"


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          log_level: str = "info") -> None:
    """Verify the pack once (a bad one is a one-line ReplykitError here), then serve until stopped.

    SIGHUP reloads the pack inside every process (the supervisor passes it on to each worker),
    so no worker is restarted and no connection is dropped; a pack that fails verification is
    refused and the old one keeps serving. With several workers ``/metrics`` sums over them.
    """
    settings.origin().load()
    _check_address(host, port)
    os.environ[SETTINGS_ENV] = settings.to_json()
    import uvicorn

    options = dict(factory=True, host=host, port=port, workers=workers, log_level=log_level, access_log=False,
                   lifespan="on", server_header=False, timeout_graceful_shutdown=30)
    if workers == 1:
        uvicorn.run(APP, **options)  # type: ignore[arg-type]
        return
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="replykit-metrics-"))
    os.environ[SUPERVISOR_ENV] = str(os.getpid())
    runtime = tempfile.mkdtemp(prefix="replykit-run-")  # the pack an admin reload pins for every worker
    os.environ[RUNTIME_ENV] = runtime
    from uvicorn.supervisors.multiprocess import Multiprocess, Process

    class Supervisor(Multiprocess):
        """uvicorn's supervisor, except that SIGHUP reloads the pack in each worker instead of replacing
        it, and each worker accepts on a listening socket of its own (see :func:`listeners`)."""

        def init_processes(self) -> None:
            for index in range(self.processes_num):
                own = [self.sockets[index]] if len(self.sockets) == self.processes_num else self.sockets
                process = Process(self.config, own)
                process.start()
                self.processes.append(process)

        def handle_hup(self) -> None:
            for process in self.processes:
                if process.pid is not None and process.exitcode is None:
                    os.kill(process.pid, signal.SIGHUP)

    config = uvicorn.Config(APP, **options)  # type: ignore[arg-type]
    try:
        Supervisor(config, sockets=listeners(config, workers)).run()
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


def listeners(config: object, workers: int) -> list[socket.socket]:
    """One listening socket per worker, all bound to the address with SO_REUSEPORT, so the kernel
    spreads new connections evenly over the workers. On one shared socket a worker that wakes first
    accepts the whole backlog: a load generator's 64 connections landed 62 to 2.

    A worker that uvicorn replaces after a crash listens on all of them (still served, less evenly).
    Without SO_REUSEPORT (not Linux), the workers share uvicorn's one socket.
    """
    if not hasattr(socket, "SO_REUSEPORT") or not sys.platform.startswith("linux"):
        return [config.bind_socket()]  # type: ignore[attr-defined]
    host, port = config.host, config.port  # type: ignore[attr-defined]
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    out = []
    try:
        for _ in range(workers):
            sock = socket.socket(family, kind, proto)
            out.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind(address)
            sock.listen(config.backlog)  # type: ignore[attr-defined]  # in the group now, not when its worker is up
            sock.set_inheritable(True)
    except OSError as error:
        for sock in out:
            sock.close()
        raise ReplykitError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return out


def _check_address(host: str, port: int) -> None:
    """A one-line error now rather than uvicorn's log line when the address cannot be listened on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as error:
        raise ReplykitError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
