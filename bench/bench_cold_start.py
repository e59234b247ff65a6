"""Cold start of a rendering service: import + load a pack + first render, in a fresh process.

    .venv/bin/python bench/bench_cold_start.py [PACK] [--rounds N]

PACK is a pack folder or ``<pack-id>.tar.gz`` (default: the project's build/CURRENT; run
``replykit build`` first). Each round starts a new interpreter and times, inside it, the
three steps; the pack is verified (sha256 of every file) as part of loading. Reported with
the modules a pack render must not import (MJML, CSS inlining, lxml, polib) and, for scale,
the same first render from the project's sources (MJML compiled per scenario on first use).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import replykit
t1 = time.perf_counter()
if sys.argv[1] == "sources":
    renderer = replykit.sources_renderer(sys.argv[2])
else:
    renderer = replykit.load_pack(sys.argv[1]).renderer
t2 = time.perf_counter()
spec = renderer.scenario("delay_notice")
renderer.render("delay_notice", locale="de", marketplace="amazon", variables=spec.samples("amazon"))
t3 = time.perf_counter()
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"mjml", "css_inline", "lxml", "polib"})
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "render": t3 - t2, "heavy": heavy}))
"""


def measure(target: str, rounds: int) -> dict[str, float | list[str]]:
    runs = []
    for _ in range(rounds):
        done = subprocess.run([sys.executable, "-c", CHILD, target, str(ROOT)], capture_output=True, text=True,
                              check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src")})
        runs.append(json.loads(done.stdout))
    result: dict[str, float | list[str]] = {k: statistics.median(r[k] for r in runs) for k in ("import", "load", "render")}
    result["heavy"] = runs[0]["heavy"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pack", nargs="?")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from replykit.pack_store import current_pack

    pack = args.pack or str(current_pack(ROOT / "build"))
    for label, target in (("pack", pack), ("sources", "sources")):
        r = measure(target, args.rounds)
        total = r["import"] + r["load"] + r["render"]  # type: ignore[operator]
        print(f"{label:8} import {r['import'] * 1000:6.0f} ms  load {r['load'] * 1000:6.0f} ms  "
              f"first render {r['render'] * 1000:6.0f} ms  total {total * 1000:6.0f} ms  "
              f"heavy modules: {', '.join(r['heavy']) or 'none'}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
