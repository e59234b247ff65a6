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
