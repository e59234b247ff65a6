"""Whatever a --vars file holds, `replykit render` answers with one line and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replykit.cli import _print_json, main
from replykit.project import Project


def render_with(capsys: pytest.CaptureFixture[str], project: Project, path: Path) -> tuple[int, str, str]:
    code = main(["--project", str(project.root), "render", "delay_notice", "--locale", "de",
                 "--marketplace", "amazon", "--vars", str(path), "--source"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("content", "fragment"), [
    ('{"buyer_name": "Zoë"}'.encode("latin-1"), "not UTF-8"),
    ('{"buyer_name": "Anna"}'.encode("utf-16"), "UTF-16"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"buyer_name": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001, "nested too deeply"),
    (b'{"return_window_days": ' + b"9" * 5000 + b"}", "number"),
    (b'{"buyer_name": "\\ud800"}', "surrogate"),
    (b'{"buyer_name": "Anna\\u202e"}', "bidirectional"),
])
def test_hostile_vars_files_are_one_line_exit_2(capsys, project: Project, tmp_path: Path,
                                               content: bytes, fragment: str) -> None:
    path = tmp_path / "vars.json"
    path.write_bytes(content)
    code, out, err = render_with(capsys, project, path)
    assert code == 2 and out == ""
    assert err.startswith("replykit: error: ") and err.count("\n") == 1, err[:300]
    assert fragment in err and len(err) < 400


def test_output_that_cannot_be_utf8_is_still_valid_json(capsys) -> None:
    _print_json({"text": "a\ud800b"})
    out = capsys.readouterr().out
    assert json.loads(out) == {"text": "a\ud800b"}
