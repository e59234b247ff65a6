"""Bounded work on hostile input: 20 MB files through ``lint_paths`` and megabyte adversarial strings
through ``lint_message`` (issue 12). Each figure is printed next to a baseline taken in the same run --
reading and decoding the same file -- so the ratio is comparable across machines; the goal is a
20 MB file linted in <= 10 s and each adversarial string in well under a second.

    python bench/bench_bounded_input.py [--mb 20]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from replykit.checks import lint_paths  # noqa: E402
from replykit.checks.html_view import HtmlParseError  # noqa: E402
from replykit.checks.limits import MAX_CATALOGUE_BYTES  # noqa: E402
from replykit.checks.lint import lint_message  # noqa: E402
from replykit.checks.model import Message  # noqa: E402

MB = 990_000
ADVERSARIAL = {
    '"a"*N + "@"': lambda: "a" * MB + "@",
    '"{{"*N': lambda: "{{" * (MB // 2),
    '"${"*N': lambda: "${" * (MB // 2),
    '"<"*N': lambda: "<" * MB,
    "50k URLs": lambda: " ".join(["https://x.example/a"] * (MB // 20)),
    '"a"*N + " [at] "': lambda: "a" * MB + " [at] ",
    "tag with 99k attributes": lambda: "<p " + " ".join(f"a{i}=1" for i in range(MB // 10)) + ">x</p>",
}


def _po(n_bytes: int) -> str:
    head = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    body, i, size = [], 0, len(head)
    while size < n_bytes:
        e = f'msgid "Your order {i} has shipped, thanks for shopping with us."\nmsgstr "Ihre Bestellung {i} wurde versandt, danke für Ihren Einkauf."\n\n'
        body.append(e)
        size += len(e.encode())
        i += 1
    return head + "".join(body)


def _timed(fn) -> tuple[float, object]:
    t = time.perf_counter()
    got = fn()
    return time.perf_counter() - t, got


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=20)
    args = ap.parse_args()
    n = args.mb * 1024 * 1024
    with tempfile.TemporaryDirectory() as d:
        files = {
            "de.po": _po(n),
            f"de-{MAX_CATALOGUE_BYTES >> 20}mb.po": _po(MAX_CATALOGUE_BYTES - 4096),
            "message.txt": "Write to shop@gmail.com. " * (n // 25),
            "message.html": "<p>Write to shop@gmail.com.</p>" * (n // 31),
            "message.json": json.dumps({"subject": "Hi", "text": "a" * n + "@"}),
        }
        print(f"{'file':24s} {'bytes':>12s} {'lint s':>8s} {'read s':>8s} {'ratio':>7s}  findings")
        for name, text in files.items():
            p = Path(d, name)
            p.write_text(text, encoding="utf-8")
            base, _ = _timed(lambda: p.read_bytes().decode("utf-8"))
            took, report = _timed(lambda: lint_paths([p], "amazon"))
            rules = sorted({f.rule for f in report.findings})[:4]
            print(f"{name:24s} {p.stat().st_size:12,d} {took:8.2f} {base:8.3f} {took / base:7.0f}  {rules} {report.bad_inputs[:1]}")
    print(f"\n{'adversarial text (~1 MB)':26s} {'where':8s} {'lint s':>8s}  result")
    for label, make in ADVERSARIAL.items():
        s = make()
        for where in ("text", "html"):
            fields = {"subject": "Hi", "html": None, "text": None, where: s}
            try:
                took, found = _timed(lambda: lint_message(Message(**fields), "amazon"))
                res = sorted({f.rule for f in found})[:3]
            except HtmlParseError as exc:
                took, res = 0.0, f"refused: {str(exc)[:50]}"
            print(f"{label:26s} {where:8s} {took:8.2f}  {res}")


if __name__ == "__main__":
    main()
