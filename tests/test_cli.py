"""The command line is a thin shell: real output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from replykit.cli import main
from replykit.project import Project


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_scenarios_lists_variables_as_json(capsys, project: Project) -> None:
    code, out, _ = run(capsys, "--project", str(project.root), "scenarios", "--format", "json", "--source")
    data = json.loads(out)
    assert code == 0 and len(data) >= 17
    delay = next(s for s in data if s["id"] == "delay_notice")
    assert {v["name"]: v["type"] for v in delay["variables"]}["new_date"] == "date"


def test_render_json_with_sample_values(capsys, project: Project) -> None:
    code, out, _ = run(capsys, "--project", str(project.root), "render", "delay_notice", "--locale", "de-AT",
                       "--marketplace", "amazon", "--source")
    data = json.loads(out)
    assert code == 0 and set(data) == {"scenario", "marketplace", "subject", "html", "text", "body", "format", "locale",
                                       "requested_locale", "fallbacks"}
    assert data["locale"] == "de" and data["fallbacks"] == []


def test_render_check_reports_what_the_variables_bring_in(capsys, project: Project, tmp_path: Path) -> None:
    clean = ["--project", str(project.root), "render", "pre_sale_question", "--locale", "de", "--marketplace",
             "amazon", "--source", "--check"]
    code, out, _ = run(capsys, *clean)
    assert code == 0 and json.loads(out)["findings"] == []
    variables = {"seller_name": "Nordlicht Home", "product_title": "Oak bedside table",
                 "answer": "Rufen Sie mich direkt an: 030 12345678"}
    (tmp_path / "vars.json").write_text(json.dumps(variables), encoding="utf-8")
    code, out, err = run(capsys, *clean, "--vars", str(tmp_path / "vars.json"), "--channel", "api")
    refused = json.loads(out)
    assert code == 1 and refused["error"] == "non_compliant" and "html" not in refused
    assert ("content.phone-number", "variables.answer") in {(f["rule"], f["where"]) for f in refused["findings"]}
    assert "replykit: error: variables.answer: content.phone-number: " in err


@pytest.mark.parametrize("locale, note", [
    ("zh-TW", "no catalogue for zh-TW; rendered in en"),  # never Simplified, and the seller is told
    ("zh-TW,de;q=0.5", "no catalogue for zh-TW; rendered in de"),
    ("de-CH", None),  # a regional fallback within the language is not worth a note
    ("en-GB", None),
])
def test_render_notes_a_language_the_buyer_did_not_ask_for(capsys, project: Project, locale: str, note: str | None) -> None:
    code, out, err = run(capsys, "--project", str(project.root), "render", "delay_notice", "--locale", locale,
                         "--marketplace", "amazon", "--format", "subject", "--source")
    assert code == 0 and out.strip()
    source_note = "replykit: note: rendered from the project's sources (unbuilt, unchecked)\n"
    assert err == source_note + (f"replykit: note: {note}\n" if note else "")


def test_render_subject_from_vars_file(capsys, project: Project, tmp_path: Path) -> None:
    variables = project.root / "templates" / "delay_notice"
    from replykit.scenarios import load_scenarios
    samples = load_scenarios(project.templates_dir)["delay_notice"].samples()
    samples["order_id"] = "111-2222222-3333333"
    path = tmp_path / "vars.json"
    path.write_text(json.dumps(samples))
    code, out, _ = run(capsys, "--project", str(project.root), "render", "delay_notice", "--locale", "pl",
                       "--marketplace", "ebay", "--vars", str(path), "--format", "subject", "--source")
    assert code == 0 and "111-2222222-3333333" in out and out.count("\n") == 1
    assert variables.is_dir()


@pytest.mark.parametrize(("args", "fragment"), [
    (["render", "delay_notice", "--locale", "de", "--marketplace", "nope"], "unknown marketplace 'nope'"),
    (["render", "nothing", "--locale", "de", "--marketplace", "amazon"], "unknown scenario 'nothing'"),
    (["render", "delay_notice", "--locale", "xx_!!", "--marketplace", "amazon"], "locale 'xx_!!'"),
])
def test_errors_are_one_line_with_exit_2(capsys, project: Project, args: list[str], fragment: str) -> None:
    code, out, err = run(capsys, "--project", str(project.root), *args, "--source")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err


def test_bad_vars_file_names_file_and_line(capsys, project: Project, tmp_path: Path) -> None:
    path = tmp_path / "vars.json"
    path.write_text('{\n  "order_id": "302-1234567-7654321",\n  oops\n}')
    code, _, err = run(capsys, "--project", str(project.root), "render", "delay_notice", "--locale", "de",
                       "--marketplace", "amazon", "--vars", str(path), "--source")
    assert code == 2 and f"{path}:3: not valid JSON" in err


def test_console_script_runs_as_a_process(project: Project) -> None:
    done = subprocess.run([sys.executable, "-m", "replykit.cli", "--project", str(project.root), "render",
                           "delay_notice", "--locale", "ja", "--marketplace", "amazon", "--format", "text",
                           "--source"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "302-1234567-7654321" in done.stdout
