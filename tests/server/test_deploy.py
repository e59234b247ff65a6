"""deploy/: the systemd unit and the container start the server the way they say (no docker engine here).

The unit's ExecStart and the image's CMD are run as written, with only the install paths mapped
onto this checkout (and the container's 0.0.0.0 onto 127.0.0.1); each must answer /readyz.
"""

from __future__ import annotations

import configparser
import json
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from replykit.publish import BuildResult

from .conftest import ROOT, free_port

DEPLOY = ROOT / "deploy"
REPLYKIT = Path(sys.executable).parent / "replykit"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / "replykit.service")
    return parser


def local(command: list[str], pack: Path, port: int) -> list[str]:
    """The deployed command line on this checkout: our replykit, our pack, a free loopback port."""
    mapped = {"/opt/replykit/venv/bin/replykit": str(REPLYKIT), "/srv/replykit/pack": str(pack),
              "0.0.0.0": "127.0.0.1", "8000": str(port)}
    return [mapped.get(arg, arg) for arg in command]


def start_and_probe(command: list[str], port: int, cwd: Path) -> subprocess.Popen:
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{command} exited with {process.returncode}"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.kill()
    raise AssertionError(f"{command} never answered /readyz")


def stop(process: subprocess.Popen) -> int:
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=60)


def test_unit_execstart_serves_with_two_workers_and_reloads_on_sighup(built: BuildResult,
                                                                      tmp_path: Path) -> None:
    service = unit()["Service"]
    assert service["ExecReload"] == "/bin/kill -HUP $MAINPID"
    port = free_port()
    command = local(shlex.split(service["ExecStart"]), built.path, port)
    assert "--workers" in command and command[0] == str(REPLYKIT)
    process = start_and_probe(command, port, tmp_path)
    try:
        url = f"http://127.0.0.1:{port}"
        body = {"scenario": "delay_notice", "marketplace": "amazon", "locale": "sv",
                "variables": httpx.get(f"{url}/v1/scenarios/delay_notice").json()["samples"]["amazon"]}
        assert httpx.post(f"{url}/v1/render", json=body).json()["locale"] == "sv"
        process.send_signal(signal.SIGHUP)  # ExecReload: every worker reloads the pack in place
        reloaded, deadline = 0.0, time.monotonic() + 90
        while reloaded < 2 and time.monotonic() < deadline:  # keep asking meanwhile: every answer is a reply
            response = httpx.post(f"{url}/v1/render", json=body, timeout=30)
            assert response.status_code == 200
            metrics = httpx.get(f"{url}/metrics").text
            found = re.search(r'replykit_pack_reloads_total\{outcome="ok"\} ([\d.]+)', metrics)
            reloaded = float(found.group(1)) if found else 0.0
        assert reloaded == 2  # both workers
        assert process.poll() is None and httpx.get(f"{url}/readyz").json()["pack"] == built.pack_id
        metrics = httpx.get(f"{url}/metrics").text  # summed over both workers
        assert re.search(r'replykit_renders_total\{locale="sv",marketplace="amazon",scenario="delay_notice"\} \d+',
                         metrics)
    finally:
        assert stop(process) == 0


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    text = (DEPLOY / "replykit.service").read_text(encoding="utf-8")
    copy = tmp_path / "replykit.service"
    copy.write_text(text.replace("/opt/replykit/venv/bin/replykit", str(REPLYKIT)), encoding="utf-8")
    done = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _instructions(name: str) -> list[str]:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(name + " ")]


def test_container_cmd_and_healthcheck_work_on_a_built_pack(built: BuildResult, tmp_path: Path) -> None:
    copies = [c.split() for c in _instructions("COPY") if not c.startswith("--from")]
    for *sources, _ in copies:  # everything the image copies exists in the repository
        for source in sources:
            assert (ROOT / source).exists(), source
    assert any("replykit build" in run for run in _instructions("RUN"))
    command = json.loads(_instructions("CMD")[0])
    health = json.loads(_instructions("HEALTHCHECK")[0].split("CMD", 1)[1])
    port = free_port()
    process = start_and_probe(local(command, built.path, port), port, tmp_path)
    try:
        probe = [sys.executable if arg.endswith("/python") else arg.replace(":8000/", f":{port}/") for arg in health]
        assert subprocess.run(probe, capture_output=True).returncode == 0
    finally:
        assert stop(process) == 0
    probe_down = subprocess.run(probe, capture_output=True)
    assert probe_down.returncode != 0  # the health check notices a server that is gone
