"""HTTP load benchmark: `replykit serve --workers 2` on 127.0.0.1 driven by wrk against /v1/render.

    apt-get install -y wrk                     # Debian's compiled load generator (not needed by CI)
    .venv/bin/python bench/bench_http.py [--pack DIR] [--duration 30] [--connections 64] [--rate 2000]

Two phases: a closed loop (each connection sends its next request as soon as the answer came:
the highest rate, and by Little's law a mean latency of connections / rate), then the same
connections paced to offer about ``--rate`` replies/s (wrk's Lua ``delay``), the latency at a
steady load. The load is bounded (64 connections, 30 s per phase by default) and mixed: every
scenario x shipped locale x permitted marketplace with its sample values, each request with a
different buyer name. In the same
run it measures the same mix in-process, on one core: ``Renderer.render`` alone and the API's whole
library call (render + the findings the variables bring in). Report the ratios, not the absolutes:
the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from replykit.pack_store import current_pack  # noqa: E402
from replykit.packs import PackSource  # noqa: E402
from replykit.project import Project  # noqa: E402
from replykit.rendering.renderer import Renderer  # noqa: E402
from replykit.server.service import Origin, Service  # noqa: E402

LUA = """
local pause = %d  -- ms between a response and the next request on a connection (0: closed loop)
local bodies = {%s}
local n = #bodies
local i = 0
local headers = {["Content-Type"] = "application/json"}
request = function()
  i = i + 1
  local body = string.gsub(bodies[(i %% n) + 1], "__N__", string.format("%%07d", i %% 10000000))
  return wrk.format("POST", "/v1/render", headers, body)
end
if pause > 0 then
  delay = function() return pause end
end
"""


def mix(pack: Path) -> list[dict]:
    """Every scenario x locale x permitted marketplace, with sample values and a numbered buyer name.

    ``Anna 0000042`` is as long as the sample ``Anna Schmidt``, so no reply grows past a length limit.
    """
    source = PackSource(pack)
    bodies = []
    for scenario in source.scenarios.values():
        for locale in (*source.locales, "en"):
            for marketplace in scenario.marketplaces:
                variables = {**scenario.samples(marketplace), "buyer_name": "Anna __N__"}
                bodies.append({"scenario": scenario.id, "marketplace": marketplace, "locale": locale,
                               "variables": variables})
    return bodies


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    """Until every worker answers: each worker listens on its own socket and the kernel spreads new
    connections over them, so 20 fresh connections in a row answered within a second reach them all."""
    deadline = time.monotonic() + timeout
    answered = 0
    while time.monotonic() < deadline and answered < 20:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=1) as response:
                answered = answered + 1 if response.status == 200 else 0
                continue
        except OSError:
            answered = 0
        time.sleep(0.3)
    if answered < 20:
        raise SystemExit("server not ready")


def parse_wrk(output: str) -> dict[str, float]:
    def ms(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}  # type: ignore[union-attr]
    for pct in ("50", "99"):
        result[f"p{pct}_ms"] = ms(re.search(rf"\s{pct}(?:\.000)?%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    result["requests"] = float(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx"] = float(non2xx.group(1)) if non2xx else 0.0
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    result["socket_errors"] = float(sum(int(g) for g in errors.groups())) if errors else 0.0
    return result


def script(text: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(text)
    return handle.name


def pacing(connections: int, rate: int) -> int:
    """Milliseconds each connection waits after a response so that ``connections`` offer ~``rate``/s
    (the cycle is the pause plus the reply's own 1-2 ms at that load, hence the minus two)."""
    return max(1, round(connections * 1000 / rate) - 2)


def named(body: dict, number: int) -> dict:
    """``body`` with the buyer name ``Anna <number>`` (seven digits, as the HTTP load sends)."""
    return {**body, "variables": {**body["variables"], "buyer_name": f"Anna {number % 10_000_000:07d}"}}


def in_process(pack: Path, bodies: list[dict], seconds: float = 5.0) -> tuple[float, float]:
    """Replies per second on one core: Renderer.render alone, and the API's whole library call."""
    renderer = Renderer(PackSource(pack), "en")
    renderer.warm()
    service = Service(Origin(Project.at(ROOT), pack))
    for body in bodies:  # warm the findings caches as the server's warm-up traffic does
        service.render(named(body, 0))
    offset = [1]

    def rate(call) -> float:  # type: ignore[no-untyped-def]
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:  # a buyer name never seen before, as over HTTP
            call(named(bodies[count % len(bodies)], offset[0]))
            count += 1
            offset[0] += 1
        return count / (time.perf_counter() - start)

    render_rate = rate(lambda b: renderer.render(b["scenario"], locale=b["locale"], marketplace=b["marketplace"],
                                                 variables=b["variables"]))
    service_rate = rate(service.render)
    return render_rate, service_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pack", help="pack folder or archive (default: the project's build/CURRENT)")
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rate", type=int, default=2000,
                        help="second phase: each connection paced so that all together offer about this many/s")
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    pack = Path(args.pack) if args.pack else current_pack(Project.at(ROOT).build_dir)
    bodies = mix(pack)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "replykit.cli", "--project", str(ROOT), "serve", "--pack",
                               str(pack), "--workers", str(args.workers), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(url, server)
        literal = ", ".join(json.dumps(json.dumps(b)) for b in bodies)
        closed, paced = script(LUA % (0, literal)), script(LUA % (pacing(args.connections, args.rate), literal))
        subprocess.run([wrk, "-t2", f"-c{args.connections}", "-d5s", "-s", closed, url],
                       capture_output=True, text=True, check=True)  # every worker fills its caches
        done = subprocess.run([wrk, "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency",
                               "--timeout", "10s", "-s", closed, url], capture_output=True, text=True, check=True)
        steady = subprocess.run([wrk, "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency",
                                 "--timeout", "10s", "-s", paced, url], capture_output=True, text=True, check=True)
        os.unlink(closed)
        os.unlink(paced)
        with urllib.request.urlopen(url + "/metrics", timeout=10) as response:
            metrics = response.read().decode()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    load, offered = parse_wrk(done.stdout), parse_wrk(steady.stdout)
    render_rate, service_rate = in_process(pack, bodies)
    print(f"mix: {len(bodies)} scenario x locale x marketplace cells; {args.workers} workers; "
          f"{args.connections} connections for {args.duration} s per phase")
    for name, phase in (("closed loop", load), (f"paced ~{args.rate}/s", offered)):
        print(f"HTTP /v1/render {name:<14} {phase['rps']:7.0f} replies/s  p50 {phase['p50_ms']:.2f} ms  "
              f"p99 {phase['p99_ms']:.2f} ms  non-2xx {phase['non_2xx']:.0f}  socket errors {phase['socket_errors']:.0f}")
    print(f"in-process Renderer.render      {render_rate:9.0f} replies/s (one core)")
    print(f"in-process Service.render       {service_rate:9.0f} replies/s (one core: render + findings)")
    print(f"ratio HTTP / Renderer.render    {load['rps'] / render_rate:.3f}")
    print(f"ratio HTTP / Service.render     {load['rps'] / service_rate:.3f}")
    statuses: dict[str, float] = {}
    for line in metrics.splitlines():
        found = re.match(r'replykit_http_requests_total\{endpoint="/v1/render",method="POST",status="(\d+)"\} (\S+)', line)
        if found:
            statuses[found.group(1)] = float(found.group(2))
    print("/metrics, /v1/render by status over both workers (warm-up included):",
          ", ".join(f"{code}: {count:.0f}" for code, count in sorted(statuses.items())))

if __name__ == "__main__":
    main()
