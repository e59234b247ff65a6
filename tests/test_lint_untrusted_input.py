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


def test_content_nested_300_deep_is_still_checked(tmp_path: Path) -> None:
    path = tmp_path / "body.html"
    path.write_text("<div>" * 300 + "Write to anna@example.com" + "</div>" * 300, encoding="utf-8")
    report = lint_paths([path], "amazon")
    assert "content.email-address" in {f.rule for f in report.findings}


@pytest.mark.parametrize("depth", [1_500, 3_000, 90_000])  # 90,000: 990 KB, under input.too-large
def test_html_nested_beyond_what_can_be_checked_is_refused(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "body.html"
    path.write_text("<div>" * depth + "Write to anna@example.com" + "</div>" * depth, encoding="utf-8")
    report = lint_paths([path], "amazon")
    assert len(report.bad_inputs) == 1 and "nested" in report.bad_inputs[0] and not report.findings


def test_repr_conversion_gets_the_same_verdict_from_lint_as_from_build(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[1] / "locale" / "de" / "LC_MESSAGES" / "replykit.po"
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    path = folder / "replykit.po"
    path.write_text(source.read_text(encoding="utf-8").replace('msgstr "Guten Tag %(name)s,"',
                                                               'msgstr "Guten Tag %(name)r,"'), encoding="utf-8")
    report = lint_paths([path], "amazon")  # the build refuses it as a stray '%' (rendering/baking.py)
    assert any(f.rule == "po.placeholder.malformed" and f.severity == "error" and "%(name)" in f.message
               for f in report.findings)
