"""Real servers for the HTTP tests: `replykit serve` processes on free ports of 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest

import replykit
from replykit.publish import BuildResult

from conftest import ROOT, copy_project  # noqa: F401  (tests/conftest.py; copy_project serves the server tests)


GERMAN_SUBJECT = 'msgstr "Ihre Frage zu „%(product)s“"'
GERMAN_SUBJECT_B = 'msgstr "Zu Ihrer Frage über „%(product)s“"'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A `replykit` server process; ``url`` once it answers /readyz."""

    def __init__(self, args: Sequence[str], *, project: Path = ROOT, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = project / f".server-{self.port}.log" if project != ROOT else Path(os.devnull)
        self.command = [sys.executable, "-m", "replykit.cli", "--project", str(project), *args,
                        "--host", "127.0.0.1", "--port", str(self.port)]
        self._log_file = open(self.log, "wb")  # noqa: SIM115
        self.process = subprocess.Popen(self.command, stdout=self._log_file, stderr=subprocess.STDOUT,
                                        env={**os.environ, **(env or {})})
        self.wait_ready()

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}: {self.output()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server not ready after {timeout}s: {self.output()}")

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.is_file() and self.log != Path(os.devnull) else ""

    def signal(self, sig: int) -> None:
        self.process.send_signal(sig)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_file.close()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A pack published once (checked, verified) from a copy of the shipped project."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    return replykit.build(project.root)


@pytest.fixture(scope="session")
def built_b(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A second valid pack, published from a copy whose German subject of pre_sale_question differs."""
    project = copy_project(tmp_path_factory.mktemp("project_b"))
    po = project.po_path("de")
    text = po.read_text(encoding="utf-8")
    assert GERMAN_SUBJECT in text
    po.write_text(text.replace(GERMAN_SUBJECT, GERMAN_SUBJECT_B), encoding="utf-8")
    return replykit.build(project.root)


@pytest.fixture(scope="session")
def server(built: BuildResult) -> Iterator[Server]:
    """One server on the built pack, shared by the tests that do not change it."""
    running = Server(["serve", "--pack", str(built.path)], project=built.path.parents[2])
    yield running
    running.stop()


@pytest.fixture(scope="session")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


def pack_copy(built: BuildResult, target: Path) -> Path:
    """A copy of the built pack folder (to tamper with or to serve as a second pack)."""
    folder = target / built.path.name
    shutil.copytree(built.path, folder)
    return folder
