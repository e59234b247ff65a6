"""A lint message whose context has the wrong shape is unusable input (one line), not a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replykit.checks import lint_paths


@pytest.mark.parametrize(("context", "reason"), [
    ({"attachments": True}, "'context.attachments' is not a list"),
    ({"order_history": 5}, "'context.order_history' is not a list"),
    ({"buyer_values": "Anna"}, "'context.buyer_values' is not a list"),
    ({"order_id": ["302-1234567-7654321"]}, "'context.order_id' is not a string"),
])
def test_ill_shaped_context_is_bad_input(tmp_path: Path, context: dict, reason: str) -> None:
    path = tmp_path / "message.json"
    path.write_text(json.dumps({"subject": "Order", "text": "Hello", "context": context}), encoding="utf-8")
    report = lint_paths([path], "amazon")
    assert report.bad_inputs == [f"{path}: {reason}"]


def test_deeply_nested_json_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "message.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    report = lint_paths([path], "amazon")
    assert report.bad_inputs == [f"{path}: invalid JSON: nested too deeply"]


@pytest.mark.parametrize("charset", ["bz2", "rot13", "hex", "base64", "zlib", "uu", "foo"])
def test_a_catalogue_with_a_non_text_charset_is_a_finding(tmp_path: Path, charset: str) -> None:
    source = Path(__file__).resolve().parents[1] / "locale" / "de" / "LC_MESSAGES" / "replykit.po"
    path = tmp_path / "de.po"
    path.write_text(source.read_text(encoding="utf-8").replace("charset=utf-8", f"charset={charset}"), encoding="utf-8")
    report = lint_paths([path], "amazon")
    assert any(f.rule == "po.header.charset" for f in report.findings) and not report.bad_inputs
