"""Build benchmark: the gated build on a process pool vs. one process, as a ratio from one run.

    .venv/bin/python bench/bench_build.py [--rounds N] [--jobs N]

Each round builds a scratch copy of the shipped project (check + render of every scenario x
locale x permitted marketplace, catalogues compiled, pack published) once with one process
and once with the pool, interleaved so machine noise hits both alike. The goal of issue 9 is
<= 7 s for the pool on a 2-core machine; the ratio is what to compare between machines.
CPU seconds (this process plus its workers) are printed too: on a machine shared with other
work the pool cannot get both cores, and wall time alone then hides what the pool costs.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from replykit.project_check import default_jobs  # noqa: E402
from replykit.publish import build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "project"
        for name in ("templates", "locale"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("*.mo"))
        shutil.copy(ROOT / "replykit.toml", project / "replykit.toml")
        times: dict[int, list[float]] = {1: [], args.jobs: []}
        cpu: dict[int, list[float]] = {1: [], args.jobs: []}
        renders = 0
        for _ in range(args.rounds):
            for jobs in times:
                start, cpu_start = time.perf_counter(), _cpu()
                result = build(project, out=Path(scratch) / f"build-{jobs}", jobs=jobs, progress=lambda *_: None)
                times[jobs].append(time.perf_counter() - start)
                cpu[jobs].append(_cpu() - cpu_start)
                renders = result.renders
    one, pool = statistics.median(times[1]), statistics.median(times[args.jobs])
    print(f"build of the shipped project ({renders} renders checked), median of {args.rounds} rounds")
    print(f"  one process   {one:6.2f} s wall  {statistics.median(cpu[1]):6.2f} s CPU")
    print(f"  pool of {args.jobs:<5d}{pool:6.2f} s wall  {statistics.median(cpu[args.jobs]):6.2f} s CPU")
    print(f"  ratio pool / one process (wall): {pool / one:.2f}")


def _cpu() -> float:
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


if __name__ == "__main__":
    main()
