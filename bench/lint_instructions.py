"""Lint cost in CPU instructions per message, measured with valgrind (deterministic, unlike wall time).

Runs this script under ``valgrind --tool=callgrind`` twice -- linting one batch and three batches of
fresh messages after the same warm-up -- and reports (Ir(3) - Ir(1)) / (2 x batch size), so start-up,
imports and message building cancel out. Needs valgrind; takes a few minutes.

    python bench/lint_instructions.py [--messages 200]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


def lint_batches(n: int, k: int) -> None:
    """The measured workload: warm up, then lint ``k`` batches of ``n`` messages each."""
    from bench_lint import build_messages, lint_message

    batches = [build_messages(n, id_seed=1000 + r) for r in range(3)]
    for m, mp in build_messages(50, seed=8):
        lint_message(m, mp)
    for batch in batches[:k]:
        for m, mp in batch:
            lint_message(m, mp)


def instructions(n: int, k: int) -> int:
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           sys.executable, __file__, "--messages", str(n), "--workload", str(k)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stderr
    return int(re.search(r"Collected : (\d+)", out).group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=200)
    ap.add_argument("--workload", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.workload:
        lint_batches(args.messages, args.workload)
        return
    with ThreadPoolExecutor(2) as pool:
        one, three = pool.map(lambda k: instructions(args.messages, k), (1, 3))
    print(f"lint_message: {(three - one) / (2 * args.messages) / 1e6:.2f} M instructions per message "
          f"(callgrind, {2 * args.messages} messages)")


if __name__ == "__main__":
    main()
