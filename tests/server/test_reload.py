"""Reload swaps packs atomically, refuses a tampered pack, and drops no request in flight."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import httpx
import pytest

from replykit.publish import BuildResult

from .conftest import Server, pack_copy

SAMPLE = {"seller_name": "Nordlicht Home", "product_title": "Oak bedside table", "answer": "Yes, it is solid oak."}
PLAIN = "Ihre Frage zu „Oak bedside table“"
OTHER = "Zu Ihrer Frage über „Oak bedside table“"  # pack B's German subject


def subject(client: httpx.Client) -> str:
    response = client.post("/v1/render", json={"scenario": "pre_sale_question", "marketplace": "amazon",
                                               "locale": "de", "variables": SAMPLE})
    assert response.status_code == 200, response.text
    return str(response.json()["subject"])


def tamper(folder: Path) -> None:
    """Change one template of a pack folder behind its manifest's back."""
    target = folder / "templates" / "pre_sale_question" / "subject.txt"
    target.write_text("[evil] " + target.read_text(encoding="utf-8"), encoding="utf-8")


@pytest.fixture
def packs_ab(built: BuildResult, built_b: BuildResult, tmp_path: Path) -> tuple[Path, Path, Path]:
    """Pack A (as built), pack B (valid, another German subject and id) and a tampered copy of A."""
    a = pack_copy(built, tmp_path / "a")
    tampered = pack_copy(built, tmp_path / "t")
    tamper(tampered)
    return a, built_b.path, tampered


def test_reload_switches_packs_and_refuses_a_tampered_one(packs_ab: tuple[Path, Path, Path], built: BuildResult,
                                                          built_b: BuildResult) -> None:
    a, b, tampered = packs_ab
    server = Server(["serve", "--pack", str(a)], project=a.parent)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            assert subject(client) == PLAIN
            switched = client.post("/v1/admin/reload", json={"pack": str(b)})
            assert switched.status_code == 200, switched.text
            assert switched.json() == {"previous": built.pack_id, "pack": built_b.pack_id, "changed": True}
            assert subject(client) == OTHER
            assert client.get("/v1/pack").json()["id"] == built_b.pack_id

            refused = client.post("/v1/admin/reload", json={"pack": str(tampered)})
            assert refused.status_code == 409 and refused.json()["error"] == "reload_refused"
            assert "subject.txt" in refused.json()["message"]
            assert client.get("/readyz").json()["pack"] == built_b.pack_id  # the old pack keeps serving
            assert subject(client) == OTHER

            back = client.post("/v1/admin/reload")  # no body: the configured --pack, read anew
            assert back.json()["pack"] == built.pack_id and subject(client) == PLAIN
            archive = client.post("/v1/admin/reload", json={"pack": str(built_b.archive)})  # a .tar.gz pack
            assert archive.json()["pack"] == built_b.pack_id and subject(client) == OTHER
            assert client.post("/v1/admin/reload", content=b"{").status_code == 400
            assert client.post("/v1/admin/reload", json={"pack": 3}).status_code == 422
            metrics = client.get("/metrics").text
            assert 'replykit_pack_reloads_total{outcome="refused"} 1.0' in metrics
            assert 'replykit_pack_reloads_total{outcome="ok"} 3.0' in metrics
    finally:
        server.stop()


def test_reload_under_load_drops_no_request(packs_ab: tuple[Path, Path, Path]) -> None:
    a, b, tampered = packs_ab
    server = Server(["serve", "--pack", str(a)], project=a.parent)
    statuses: list[int] = []
    subjects: set[str] = set()
    stop = threading.Event()

    def hammer() -> None:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            while not stop.is_set():
                response = client.post("/v1/render", json={"scenario": "pre_sale_question", "marketplace": "amazon",
                                                           "locale": "de", "variables": SAMPLE})
                statuses.append(response.status_code)
                if response.status_code == 200:
                    subjects.add(response.json()["subject"])

    try:
        with httpx.Client(base_url=server.url, timeout=60) as admin:
            plain = subject(admin)
            assert plain == PLAIN
            workers = [threading.Thread(target=hammer) for _ in range(6)]
            for worker in workers:
                worker.start()
            outcomes = []
            for target in (b, tampered, a, b, tampered, a):
                time.sleep(0.3)
                outcomes.append(admin.post("/v1/admin/reload", json={"pack": str(target)}).status_code)
            time.sleep(0.3)
            stop.set()
            for worker in workers:
                worker.join()
    finally:
        stop.set()
        server.stop()
    assert outcomes == [200, 409, 200, 200, 409, 200]
    assert len(statuses) > 50 and set(statuses) == {200}
    assert subjects == {PLAIN, OTHER}  # every reply wholly from one pack or the other


def _metric(client: httpx.Client, line_start: str) -> float:
    for line in client.get("/metrics").text.splitlines():
        if line.startswith(line_start):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def _wait_for(condition, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


def test_sighup_reloads_the_pack_and_keeps_the_old_one_when_tampered(packs_ab: tuple[Path, Path, Path],
                                                                     tmp_path: Path) -> None:
    a, b, _ = packs_ab
    link = tmp_path / "current"
    link.symlink_to(a)
    server = Server(["serve", "--pack", str(link)], project=a.parent)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            assert subject(client) == PLAIN
            tamper(a)
            server.signal(signal.SIGHUP)
            _wait_for(lambda: _metric(client, 'replykit_pack_reloads_total{outcome="refused"}') == 1)
            assert server.process.poll() is None and subject(client) == PLAIN
            assert "reload refused" in server.output() and "subject.txt" in server.output()

            replacement = tmp_path / "next"
            replacement.symlink_to(b)
            replacement.replace(link)  # the deploy's roll-out: swap the symlink, then SIGHUP
            server.signal(signal.SIGHUP)
            _wait_for(lambda: _metric(client, 'replykit_pack_reloads_total{outcome="ok"}') == 1)
            assert subject(client) == OTHER
    finally:
        server.stop()


def test_preview_server_picks_up_po_edits_on_reload(tmp_path: Path) -> None:
    from .conftest import copy_project

    project = copy_project(tmp_path / "project")
    server = Server(["preview"], project=project.root)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            body = {"scenario": "pre_sale_question", "marketplace": "amazon", "locale": "de", "variables": SAMPLE}
            assert client.get("/v1/pack").json()["id"] == "sources"
            assert client.post("/v1/render", json=body).json()["subject"] == "Ihre Frage zu „Oak bedside table“"
            po = project.po_path("de")
            po.write_text(po.read_text(encoding="utf-8").replace(
                'msgstr "Ihre Frage zu „%(product)s“"', 'msgstr "Zu Ihrer Frage über „%(product)s“"'), encoding="utf-8")
            assert client.post("/v1/render", json=body).json()["subject"] == "Ihre Frage zu „Oak bedside table“"
            assert client.post("/v1/admin/reload").status_code == 200
            assert client.post("/v1/render", json=body).json()["subject"] == "Zu Ihrer Frage über „Oak bedside table“"
            page = client.get("/preview/pre_sale_question/de/amazon").text
            assert "Zu Ihrer Frage über" in page
    finally:
        server.stop()


def _packs_seen(url: str, connections: int = 24) -> set[str]:
    """The pack ids answered over fresh connections (the kernel spreads them over the workers)."""
    seen = set()
    for _ in range(connections):
        with httpx.Client(base_url=url, timeout=60) as fresh:
            seen.add(fresh.get("/v1/pack").json()["id"])
    return seen


def test_admin_reload_with_a_pack_reaches_every_worker(packs_ab: tuple[Path, Path, Path], built: BuildResult,
                                                       built_b: BuildResult) -> None:
    """With --workers 2 the pack a reload names is verified by the worker asked, then pinned for all."""
    a, b, tampered = packs_ab
    server = Server(["serve", "--pack", str(a), "--workers", "2"], project=a.parent)
    ok = 'replykit_pack_reloads_total{outcome="ok"}'
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            assert _packs_seen(server.url) == {built.pack_id}
            switched = client.post("/v1/admin/reload", json={"pack": str(b)})
            assert switched.status_code == 200 and switched.json()["pack"] == built_b.pack_id
            _wait_for(lambda: _metric(client, ok) == 3)  # the worker asked, then both on the supervisor's SIGHUP
            assert _packs_seen(server.url) == {built_b.pack_id}
            refused = client.post("/v1/admin/reload", json={"pack": str(tampered)})
            assert refused.status_code == 409
            server.signal(signal.SIGHUP)  # an operator's SIGHUP keeps the pinned pack
            _wait_for(lambda: _metric(client, ok) == 5)
            assert _packs_seen(server.url) == {built_b.pack_id}
            back = client.post("/v1/admin/reload")  # no pack: the configured --pack again, everywhere
            assert back.status_code == 200 and back.json()["pack"] == built.pack_id
            _wait_for(lambda: _metric(client, ok) == 8)
            assert _packs_seen(server.url) == {built.pack_id}
    finally:
        server.stop()
