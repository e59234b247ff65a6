"""A crafted pack — consistent checksums, hostile content — is refused with a PackError naming
the file, never a traceback, and never reads or runs anything outside the pack."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from replykit import PackError, ReplykitError, load_pack, pack_store, packs

SCENARIO = {"id": "hello", "title": "Hello", "kind": "reply", "description": "", "reasons": [],
            "marketplaces": ["amazon"], "variables": [{"name": "seller_name", "type": "text", "required": True,
                                                       "sample": "Shop"}]}
TEMPLATES = {"subject.txt": b"Hello", "body.html": b"<p>{{ seller_name }}</p>", "body.txt": b"{{ seller_name }}"}


def crafted(tmp_path: Path, *, scenarios: Any = None, fields: dict[str, Any] | None = None,
            files: dict[str, bytes] | None = None) -> Path:
    """A pack whose manifest lists exactly its files (as an attacker would make it), published."""
    scenario_list = [SCENARIO] if scenarios is None else scenarios
    content = {"scenarios.json": json.dumps(scenario_list).encode()}
    for entry in scenario_list if isinstance(scenario_list, list) else []:
        if isinstance(entry, dict) and re.fullmatch(r"[a-z]+", str(entry.get("id"))):
            content.update({f"templates/{entry['id']}/{name}": data for name, data in TEMPLATES.items()})
    content.update(files or {})
    manifest = packs.make_manifest(content, "0.1.0", {"name": "x", "source_locale": "en", "locales": {},
                                                      **(fields or {})})
    return pack_store.publish(tmp_path / "build", content, manifest).path


def render(path: Path) -> Any:
    pack = load_pack(path)
    pack.warm()
    return pack.render("hello", locale="de", marketplace="amazon", variables={"seller_name": "Shop"})


def test_a_well_formed_crafted_pack_renders(tmp_path: Path) -> None:
    assert render(crafted(tmp_path)).text == "Shop\n"


@pytest.mark.parametrize("scenario_id", ["../../etc", "a/b", "..", ".hidden", "", "x" * 200, "a\\b"])
def test_scenario_ids_that_are_not_plain_names_are_refused(tmp_path: Path, scenario_id: str) -> None:
    path = crafted(tmp_path, scenarios=[{**SCENARIO, "id": scenario_id}])
    with pytest.raises(PackError, match=r"scenarios\.json: scenario id .* is not a plain name"):
        load_pack(path).scenarios  # noqa: B018


@pytest.mark.parametrize("locales", [{"../../x": {}}, {"de/../../x": {}}, ["de"], "de", 5, None])
def test_locales_that_are_not_plain_names_are_refused(tmp_path: Path, locales: Any) -> None:
    path = crafted(tmp_path, fields={"locales": locales})
    with pytest.raises(PackError, match=r"manifest\.json: locales"):
        render(path)


def test_a_manifest_without_locales_is_refused(tmp_path: Path) -> None:
    content = {"scenarios.json": b"[]"}
    manifest = packs.make_manifest(content, "0.1.0", {"name": "x"})
    path = pack_store.publish(tmp_path / "build", content, manifest).path
    with pytest.raises(PackError, match=r"manifest\.json: locales"):
        load_pack(path).locales  # noqa: B018


@pytest.mark.parametrize("scenarios", [{"hello": SCENARIO}, [["hello"]], [{"id": "hello"}], "x", [None]])
def test_malformed_scenarios_json_is_refused(tmp_path: Path, scenarios: Any) -> None:
    path = crafted(tmp_path, scenarios=scenarios)
    with pytest.raises(PackError, match=r"scenarios\.json"):
        load_pack(path).scenarios  # noqa: B018


@pytest.mark.parametrize("body", [
    b"{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    b"{% include '/etc/passwd' %}",
    b"{{ seller_name.__class__.__mro__ }}",
    b"{{ " + b"(" * 5000 + b" }}",
])
def test_template_code_in_a_pack_does_not_run(tmp_path: Path, body: bytes) -> None:
    path = crafted(tmp_path, files={"templates/hello/body.txt": body})
    with pytest.raises(ReplykitError, match="templates/hello"):
        render(path)


def test_a_symlink_in_a_pack_is_refused(tmp_path: Path) -> None:
    path = crafted(tmp_path)
    (path / "templates" / "hello" / "body.txt").unlink()
    (path / "templates" / "hello" / "body.txt").symlink_to("/etc/passwd")
    with pytest.raises(PackError, match="body.txt is not a regular file"):
        load_pack(path)
