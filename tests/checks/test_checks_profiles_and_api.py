"""Profiles are data the project can override; lint_paths and the report are the CLI's contract."""
from __future__ import annotations

import json

import pytest

from replykit.checks import RULE_IDS, MARKETPLACES, LintReport, Message, ProfileError, lint_message, lint_paths, load_profile, load_project_config
from replykit.checks.report import format_text

SHARED_RULES = {  # ids fixed by RULES.md
    "style.fonts.max3", "content.emoji", "link.external", "po.placeholder.missing", "po.header.plural-forms", "catalog.stale", "timing.response-sla",
}


def test_every_marketplace_profile_loads_with_every_message_rule():
    for m in MARKETPLACES:
        p = load_profile(m)
        assert {r for r in RULE_IDS if not r.startswith(("po.", "catalog."))} <= set(p.data["severity"])
        assert p.render_width == 600
    assert SHARED_RULES <= set(RULE_IDS)
    assert load_profile("walmart_us").data["sla_hours"] == 48
    assert load_profile("amazon").severity("content.emoji") == "error"
    assert load_profile("ebay").severity("content.emoji") == "off"
    assert load_profile("all").severity("content.emoji") == "error"  # strictest over marketplaces


def test_project_override(tmp_path):
    (tmp_path / "replykit.toml").write_text(
        '[profiles.amazon]\nseverity."content.pictograph" = "off"\nsla_hours = 12\n\n[profiles.all]\nseverity."content.spelling" = "off"\n', encoding="utf-8")
    cfg = load_project_config(tmp_path)
    prof = load_profile("amazon", cfg)
    assert prof.severity("content.pictograph") == "off" and prof.severity("content.spelling") == "off"
    assert prof.data["sla_hours"] == 12
    assert load_profile("amazon").severity("content.pictograph") == "warning"  # packaged profile untouched
    fs = lint_message(Message("Order 114-3941689-8772232", text="✔ shipped"), "amazon", profile=prof)
    assert "content.pictograph" not in {f.rule for f in fs}


def test_bad_override_is_named(tmp_path):
    (tmp_path / "replykit.toml").write_text('[profiles.amazon]\nseverity."content.emoji" = "fatal"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="content.emoji"):
        load_profile("amazon", load_project_config(tmp_path))
    with pytest.raises(ProfileError, match="unknown marketplace"):
        load_profile("ebay-motors")


def test_context_rules_are_skipped_without_context():
    text = "Hello, your parcel is late."
    assert not {f.rule for f in lint_message(Message("Late", text=text), "amazon")} & {"order-id.missing", "locale.not-buyer-language", "order-id.mismatch"}
    got = {f.rule for f in lint_message(Message("Late", text=text, context={"message_kind": "proactive"}), "amazon")}
    assert "order-id.missing" in got


def test_lint_paths_json_and_text_output(tmp_path):
    (tmp_path / "m.json").write_text(json.dumps({"subject": "Order 114-3941689-8772232", "text": "Call us: +49 30 1234567",
                                                  "context": {"channel": "email"}}), encoding="utf-8")
    (tmp_path / "b.html").write_text('<p style="text-align:center">Your order</p>', encoding="utf-8")
    (tmp_path / "t.txt").write_text("Hello,\n\n\n\nbye", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    report = lint_paths(sorted(tmp_path.iterdir()), "amazon")
    assert isinstance(report, LintReport)
    data = report.to_json()
    assert set(data) >= {"findings", "summary"} and data["summary"] == {"errors": report.errors, "warnings": report.warnings}
    assert set(data["findings"][0]) == {"rule", "severity", "file", "where", "line", "message", "excerpt"}
    rules = {(f["file"].rsplit("/", 1)[1], f["rule"]) for f in data["findings"]}
    assert {("m.json", "content.phone-number"), ("b.html", "style.body.centered"), ("t.txt", "style.linebreaks.max2")} <= rules
    assert len(report.bad_inputs) == 2 and any("invalid JSON" in r for r in report.bad_inputs) and any("unsupported" in r for r in report.bad_inputs)
    assert report.exit_code == 2
    text = format_text(report)
    assert "unusable input" in text and "error(s)" in text


def test_unknown_marketplace_is_a_bad_input(tmp_path):
    report = lint_paths([tmp_path / "x.txt"], "nope")
    assert report.bad_inputs and "unknown marketplace" in report.bad_inputs[0]


def test_invalid_json_message_shape(tmp_path):
    (tmp_path / "m.json").write_text('{"html": "<p>x</p>"}', encoding="utf-8")
    report = lint_paths([tmp_path / "m.json"], "ebay")
    assert report.bad_inputs == [f"{tmp_path / 'm.json'}: 'subject' missing or not a string"]


def test_rule_metadata_agrees_with_the_registry_and_rules_md():
    import re
    from pathlib import Path

    from replykit.checks import MESSAGE_RULE_IDS, PO_RULE_IDS, rule_info
    from replykit.checks.registry import RULES

    for rid in MESSAGE_RULE_IDS:
        info = rule_info(rid)
        assert set(info["requires_context"]) <= set(RULES[rid].requires) | {"attachments"}, rid
    for rid in PO_RULE_IDS:
        assert rule_info(rid)["severity"] in ("error", "warning")
    rules_md = Path(__file__).resolve().parents[3] / "shared" / "RULES.md"
    if rules_md.is_file():  # the rule book beside the repository
        ids = set(re.findall(r"^\| `([a-z0-9.\-]+)` \|", rules_md.read_text(encoding="utf-8"), re.M))
        # issue 12 added input.too-large and po.control-character, which the shared book (read-only
        # here) does not list yet: they are documented in docs/rules.md
        newer = {"input.too-large", "po.control-character"} - ids
        assert ids == (set(MESSAGE_RULE_IDS) | set(PO_RULE_IDS) - {"catalog.stale", "catalog.coverage"}) - newer


def test_buyer_text_shown_literally_is_not_seller_html():
    msg = Message("Your order", text="Hello <b>Anna</b>, your parcel is late.", context={"channel": "api", "buyer_values": ["<b>Anna</b>"]})
    assert "format.html-not-allowed" not in {f.rule for f in lint_message(msg, "ebay")}
