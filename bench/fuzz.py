"""Run the fuzz suite (tests/fuzz) with a larger budget and report, per target, how many inputs
ran, how many were refused with a ReplykitError, the slowest input, and every traceback or hang.

    .venv/bin/python bench/fuzz.py --per-target 10000 [--hang 10] [--seed 1]

CI runs the same targets with a fixed budget of 100 inputs each (``pytest -q`` includes tests/fuzz).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-target", type=int, default=1000, metavar="N", help="inputs per target (default 1000)")
    parser.add_argument("--hang", type=float, default=10.0, metavar="S", help="an input slower than S seconds is a hang")
    parser.add_argument("--max-bytes", type=int, default=2_000_000, help="largest mutated file (CI: 20,000)")
    parser.add_argument("--seed", help="random seed (default: random; the CI run is derandomized)")
    parser.add_argument("-k", metavar="EXPR", help="only targets matching this pytest -k expression")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "fuzz.json"
        env = {**os.environ, "REPLYKIT_FUZZ_EXAMPLES": str(args.per_target), "REPLYKIT_FUZZ_HANG": str(args.hang),
               "REPLYKIT_FUZZ_REPORT": str(report),
               "REPLYKIT_FUZZ_MAX_BYTES": str(args.max_bytes), "REPLYKIT_FUZZ_SEED": args.seed or "random"}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "fuzz")]
        if args.seed:
            command += ["--hypothesis-seed", args.seed]
        if args.k:
            command += ["-k", args.k]
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        stats = json.loads(report.read_text(encoding="utf-8")) if report.is_file() else {}

    print(f"{'target':22} {'inputs':>8} {'refused':>8} {'slowest s':>10}")
    for name, row in sorted(stats.items()):
        print(f"{name:22} {row['inputs']:8} {row['refused']:8} {row['slowest_s']:10.3f}")
    failures = [line for line in done.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    hangs = sum("Hang:" in line for line in done.stdout.splitlines())
    print(f"\n{sum(r['inputs'] for r in stats.values())} inputs in {elapsed:.0f} s; "
          f"{len(failures)} failing target(s) (tracebacks), {hangs} hang(s) over {args.hang:g} s")
    if failures:
        print("\n".join(failures))
        print("\n--- pytest output (minimal failing inputs and tracebacks) ---")
        print(done.stdout[-20000:])
    return 1 if failures or done.returncode not in (0, 5) else 0


if __name__ == "__main__":
    sys.exit(main())
