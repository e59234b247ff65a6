"""The fuzz suite writes its per-target counts when bench/fuzz.py asks for them."""

from __future__ import annotations

from fuzz_support import write_report


def pytest_sessionfinish(session, exitstatus) -> None:  # noqa: ANN001
    write_report()
