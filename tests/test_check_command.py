"""`replykit check` and `replykit lint`: what ships must pass the rules, and bad input says where."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from replykit.cli import main
from replykit.project import Project


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_shipped_templates_pass_every_marketplace(capsys, project: Project) -> None:
    code, out, _ = run(capsys, "--project", str(project.root), "check", "--marketplace", "all", "--format", "json")
    report = json.loads(out)
    assert report["findings"] == [] and report["summary"] == {"errors": 0, "warnings": 0}
    assert code == 0


def test_undeclared_variable_is_named_with_file_and_line(capsys, project_copy: Project) -> None:
    body = project_copy.templates_dir / "tracking_info" / "body.txt"
    body.write_text(body.read_text(encoding="utf-8") + "\n{{ coupon_code }}\n", encoding="utf-8")
    code, out, _ = run(capsys, "--project", str(project_copy.root), "check", "--marketplace", "amazon",
                       "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1
    (finding,) = [f for f in findings if f["rule"] == "template.variable"]
    assert finding["file"].endswith("tracking_info/body.txt") and "coupon_code" in finding["message"]
    assert finding["line"] == len(body.read_text(encoding="utf-8").splitlines())


def test_scenario_claiming_a_forbidding_marketplace_is_refused(capsys, project_copy: Project) -> None:
    toml = project_copy.templates_dir / "order_status" / "scenario.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('marketplaces = ["ebay"', 'marketplaces = ["walmart_us", "ebay"'),
                    encoding="utf-8")
    code, out, _ = run(capsys, "--project", str(project_copy.root), "check", "--marketplace", "walmart_us",
                       "--format", "json")
    rules = {(f["rule"], f["excerpt"]) for f in json.loads(out)["findings"]}
    assert code == 1 and ("scenario.not-permitted", "walmart_us") in rules


def test_a_translator_who_writes_markup_stops_the_build(capsys, project_copy: Project) -> None:
    assert main(["--project", str(project_copy.root), "build"]) == 0
    published = (project_copy.build_dir / "CURRENT").read_text()
    capsys.readouterr()
    path = project_copy.po_path("it")
    po = polib.pofile(str(path))
    entry = po.find("Kind regards,")
    entry.msgstr = 'Cordiali saluti,<script src="https://evil.example/x.js"></script>'
    po.save(str(path))
    code, _, err = run(capsys, "--project", str(project_copy.root), "build")
    assert code == 2 and "check error" in err and "po.markup.unsafe" in err
    assert (project_copy.build_dir / "CURRENT").read_text() == published
    code, out, _ = run(capsys, "--project", str(project_copy.root), "check", "--marketplace", "amazon",
                       "--format", "json")
    unsafe = [f for f in json.loads(out)["findings"] if f["rule"] == "po.markup.unsafe"]
    assert unsafe and unsafe[0]["file"] == "locale/it/LC_MESSAGES/replykit.po" and unsafe[0]["line"]


def test_lint_json_contract_and_exit_codes(capsys, project: Project, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"subject": "Your order 302-1234567-7654321", "text": "Hello,\n\nYour parcel "
                                "left our warehouse today after a short delay.\n\nKind regards,\nShop\n",
                                "context": {"message_kind": "reply"}}))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"subject": "Thanks! 🎉", "text": "Leave a 5-star review and get a $10 gift card!"}))
    code, out, _ = run(capsys, "--project", str(project.root), "lint", str(good), "--marketplace", "amazon",
                       "--format", "json")
    assert code == 0 and json.loads(out) == {"findings": [], "summary": {"errors": 0, "warnings": 0}}
    code, out, _ = run(capsys, "--project", str(project.root), "lint", str(bad), "--marketplace", "amazon",
                       "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert {"content.emoji", "content.review-incentive"} <= {f["rule"] for f in report["findings"]}
    assert set(report["findings"][0]) == {"rule", "severity", "file", "where", "line", "message", "excerpt"}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    code, out, err = run(capsys, "--project", str(project.root), "lint", str(broken), str(bad),
                         "--marketplace", "amazon", "--format", "json")
    assert code == 2 and "broken.json" in err and err.count("\n") == 1
    assert json.loads(out)["summary"]["errors"] >= 2  # the other file was still checked


def test_lint_checks_a_shipped_catalogue(capsys, project: Project) -> None:
    code, out, _ = run(capsys, "--project", str(project.root), "lint", str(project.po_path("ja")),
                       "--marketplace", "amazon", "--format", "json")
    assert code == 0 and json.loads(out)["summary"] == {"errors": 0, "warnings": 0}
