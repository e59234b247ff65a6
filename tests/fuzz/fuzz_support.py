"""Shared pieces of the fuzz suite: the budget, the hostile-token dictionary, a mutator of real
files, and ``run_target``, which counts inputs, times them and turns a stall into a failure.

The budget is fixed for CI (``REPLYKIT_FUZZ_EXAMPLES``, default 100 inputs per target, derandomized
so a run is reproducible); ``bench/fuzz.py --per-target N`` runs the same targets longer and
reports inputs, tracebacks and hangs per target.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from replykit.errors import ReplykitError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("REPLYKIT_FUZZ_EXAMPLES", "100"))
HANG_SECONDS = float(os.environ.get("REPLYKIT_FUZZ_HANG", "30"))  # generous: CI machines are shared
#: Largest mutated file. Small in CI; bench/fuzz.py raises it to find what only big inputs break
#: (the quadratic patterns of issue 12 item 2 need ~100 KB to take seconds).
MAX_BYTES = int(os.environ.get("REPLYKIT_FUZZ_MAX_BYTES", "20000"))
REPORT = os.environ.get("REPLYKIT_FUZZ_REPORT")

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,                      # stalls are caught by run_target's alarm instead
    derandomize=not os.environ.get("REPLYKIT_FUZZ_SEED"),
    database=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)

#: Byte strings that have broken parsers before: encodings, controls, template and markup syntax,
#: catalogue keywords, numbers and nesting that exhaust naive code.
TOKENS: tuple[bytes, ...] = (
    b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\r", b"\n", b"\r\n", b"\t", b'"', b"'", b"\\", b"\\u0000",
    b"\xe2\x80\xae", b"\xe2\x81\xa6", b"\xe2\x80\x8b", b"\xef\xbb\xbf", b"\xc2\x85", b"\xe2\x80\xa8", b"\xc2\xa0",
    b"{{", b"}}", b"{%", b"%}", b"{#", b"#}", b"{{ 7*7 }}", b"{{ cycler.__init__.__globals__ }}",
    b"{% macro m() %}x{% endmacro %}", b"{% include 'x' %}", b"{% extends 'x' %}", b"{% import 'x' as y %}",
    b"{% trans %}", b"{% endtrans %}", b"{% pluralize %}", b"{% for x in items %}", b"{% endfor %}",
    b"{% if %}", b"{% endif %}", b"{{ _('Kind regards,') }}",
    b"[", b"]", b"[[", b"{", b"}", b"=", b'"""', b"[variables.x]\ntype = \"text\"\n", b"type = \"url\"",
    b"<", b">", b"&", b"&amp;", b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>", b"<div>" * 40,
    b"<mj-text>", b"</mj-text>", b"<mj-section>", b"<!--", b"-->", b"<![CDATA[",
    b"%", b"%%", b"%(name)s", b"%(name)r", b"%(order)s", b"%s", b"%d", b"{0}", b"{name}",
    b"msgid ", b"msgstr ", b"msgid_plural ", b"msgstr[0] ", b"msgstr[9] ", b"msgctxt ", b"#, fuzzy\n", b"#~ ",
    b'msgid ""\nmsgstr ""\n', b"nplurals=", b"plural=", b"nplurals=99999999999999999999", b"charset=bz2",
    b"charset=foo", b"(" * 60, b"!" * 60, b"?:",
    b"9" * 60, b"1e999999", b"-0", b"\xd9\xa5", b"1_000", b"NaN",
    b"https://", b"http://", b"https://user:pw@x.example:99999/", b"javascript:", b"mailto:a@b.example",
    b"a@b.example", b"+49 30 1234567", b"a" * 3000, b"\xf0\x9f\x98\x80",
)


@st.composite
def mutated(draw: st.DrawFn, seed: bytes, max_ops: int = 6) -> bytes:
    """``seed`` (a real file) changed by a few inserts, deletions, duplications and byte flips."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, max_ops))):
        op = draw(st.sampled_from(("insert", "insert", "delete", "duplicate", "flip", "truncate", "repeat")))
        at = draw(st.integers(0, len(data)))
        if op == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(max_size=16))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 200))]
        elif op == "duplicate":
            data[at:at] = data[at:at + draw(st.integers(1, 400))]
        elif op == "flip" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif op == "truncate":
            del data[at:]
        elif op == "repeat":
            data[at:at] = draw(st.sampled_from(TOKENS)) * draw(st.integers(2, 2000))
        del data[max(MAX_BYTES, len(seed)):]
    return bytes(data)


#: Untrusted JSON-shaped values: what a ticket system or a buyer can send.
hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(TOKENS).map(lambda b: b.decode("utf-8", "surrogatepass") if b"\xed\xa0" in b else
                                b.decode("utf-8", "replace")),
    st.text(alphabet=st.characters(codec=None, categories=("Cc", "Cf", "Zl", "Zp", "Zs", "Nd", "Mn")), max_size=20),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)


class Hang(Exception):
    """An input took longer than REPLYKIT_FUZZ_HANG seconds."""


_STATS: dict[str, dict[str, Any]] = defaultdict(lambda: {"inputs": 0, "refused": 0, "slowest_s": 0.0})


def run_target(name: str, target: Callable[[], Any]) -> Any:
    """Run one input: a ReplykitError is a clean refusal; anything else (or a stall) fails the test."""
    stats = _STATS[name]
    stats["inputs"] += 1

    def alarm(signum: int, frame: Any) -> None:
        raise Hang(f"{name}: one input took more than {HANG_SECONDS:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    started = time.perf_counter()
    try:
        return target()
    except ReplykitError as error:
        stats["refused"] += 1
        assert "\n" not in str(error), f"{name}: error message is not one line: {str(error)[:200]!r}"
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        stats["slowest_s"] = max(stats["slowest_s"], round(time.perf_counter() - started, 3))


def write_report() -> None:
    """Per-target counts for bench/fuzz.py, written when the test process ends."""
    Path(REPORT).write_text(json.dumps(_STATS, indent=2, sort_keys=True), encoding="utf-8")


if REPORT:
    atexit.register(write_report)  # no conftest here: tests/server imports tests/conftest.py by name
