"""Fuzzing every door untrusted input comes in by: ticket variables, scenario.toml, body.mjml,
.po catalogues (compile, stats, lint), lint messages and crafted pack folders. Each input must
end in a result or a one-line ReplykitError: never another exception, never a stall (see
fuzz_support)."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from fuzz_support import FUZZ, ROOT, hostile_text, json_values, mutated, run_target
from hypothesis import given
from hypothesis import strategies as st

from replykit import catalogues, load_pack, packs
from replykit.checks import lint_catalogue, lint_message, message_from_json
from replykit.project import Project, ProjectSource
from replykit.rendering.catalogue import load_catalogue
from replykit.rendering.prepare import prepare_scenario
from replykit.rendering.renderer import Renderer
from replykit.scenarios import load_layout_variables, load_scenario

SCENARIOS = ("delay_notice", "invoice", "refund_follow_up", "tracking_info", "pre_sale_question")
MARKETPLACES = ("amazon", "ebay", "walmart_us", "etsy", "mercadolibre")
# Controls no ticket value may bring in (FSI/PDI are replykit's own isolates in right-to-left text).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066\u2067\u2028\u2029]")


@cache
def renderer() -> Renderer:
    project = Project.at(ROOT)
    made = Renderer(ProjectSource(project, pseudo=False), project.source_locale)
    return made


@cache
def scratch() -> Path:
    """A private copy of the templates and one small catalogue, reused by every input."""
    folder = Path(tempfile.mkdtemp(prefix="replykit-fuzz-"))
    shutil.copytree(ROOT / "templates", folder / "templates")
    (folder / "locale" / "de" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(ROOT / "locale" / "replykit.pot", folder / "locale" / "replykit.pot")
    return folder


def _small_po() -> bytes:
    """The German catalogue's header and its first entries (singular and plural): a fast seed."""
    text = (ROOT / "locale" / "de" / "LC_MESSAGES" / "replykit.po").read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    plural = next(b for b in blocks if "msgid_plural" in b)
    seed = blocks[:12] + ([] if plural in blocks[:12] else [plural])
    return ("\n\n".join(seed) + "\n").encode("utf-8")


SEEDS = {
    "scenario.toml": (ROOT / "templates" / "refund_follow_up" / "scenario.toml").read_bytes(),
    "body.mjml": (ROOT / "templates" / "delay_notice" / "body.mjml").read_bytes(),
    "replykit.po": _small_po(),
    "message.json": (ROOT / "tests" / "corpus" / "messages" / "bad-de-amazon-email.json").read_bytes(),
}


# --- ticket variables -----------------------------------------------------------------------

@st.composite
def tickets(draw: st.DrawFn) -> tuple[str, Any, Any, dict[str, Any]]:
    scenario_id = draw(st.sampled_from(SCENARIOS))
    spec = renderer().scenario(scenario_id)
    marketplace = draw(st.sampled_from(spec.marketplaces) | st.sampled_from(MARKETPLACES) | json_values)
    values: dict[str, Any] = dict(spec.samples(marketplace if isinstance(marketplace, str) else None))
    for name in draw(st.lists(st.sampled_from(sorted(spec.variables)), max_size=4)):
        values[name] = draw(json_values | hostile_text | st.builds(dict, amount=json_values, currency=json_values)
                            | st.lists(st.builds(dict, title=hostile_text, quantity=json_values), max_size=3))
    if draw(st.booleans()):
        values[draw(hostile_text)] = draw(json_values)
    locale = draw(st.sampled_from(("de-AT", "ar", "ja", "fr-CA,fr;q=0.8", "zh-TW", "en-XA")) | hostile_text | json_values)
    return scenario_id, locale, marketplace, values


@FUZZ
@given(tickets())
def test_fuzz_ticket_variables(ticket: tuple[str, Any, Any, dict[str, Any]]) -> None:
    scenario_id, locale, marketplace, values = ticket
    reply = run_target("ticket variables", lambda: renderer().render(
        scenario_id, locale=locale, marketplace=marketplace, variables=values))
    if reply is not None:  # accepted: nothing hostile reached the message
        assert not _CONTROLS.search(reply.text + reply.subject + reply.html)
        assert "<script" not in reply.html.lower() and "\n" not in reply.subject


# --- project files ------------------------------------------------------------------------------

@FUZZ
@given(mutated(SEEDS["scenario.toml"]))
def test_fuzz_scenario_toml(content: bytes) -> None:
    folder = scratch() / "templates" / "refund_follow_up"
    (folder / "scenario.toml").write_bytes(content)
    run_target("scenario.toml", lambda: load_scenario(folder, load_layout_variables(folder.parent)))


@FUZZ
@given(mutated(SEEDS["body.mjml"]))
def test_fuzz_body_mjml(content: bytes) -> None:
    folder = scratch() / "templates" / "delay_notice"
    (folder / "body.mjml").write_bytes(content)
    declared = renderer().scenario("delay_notice").variables.keys()
    run_target("body.mjml", lambda: prepare_scenario(folder, declared))


@FUZZ
@given(mutated(SEEDS["replykit.po"]))
def test_fuzz_po_compile_stats_lint(content: bytes) -> None:
    project = Project.at(scratch())
    path = project.po_path("de")
    path.write_bytes(content)
    run_target("po: load", lambda: load_catalogue(path, "de"))
    run_target("po: compile", lambda: catalogues.compile_catalogue(path, "de"))
    run_target("po: stats", lambda: catalogues.stats(project, ["de"]))
    findings = run_target("po: lint", lambda: lint_catalogue(path, marketplace="amazon"))
    assert findings is None or all(f.rule for f in findings)


# --- lint messages --------------------------------------------------------------------------

@FUZZ
@given(mutated(SEEDS["message.json"]), st.sampled_from(MARKETPLACES))
def test_fuzz_lint_message_file(content: bytes, marketplace: str) -> None:
    def lint() -> Any:
        try:
            message = message_from_json(json.loads(content.decode("utf-8")))
        except (ValueError, RecursionError):  # not a message: lint_paths reports it as unusable input
            return None
        return lint_message(message, marketplace)

    run_target("lint: message file", lint)


@st.composite
def messages(draw: st.DrawFn) -> dict[str, Any]:
    body = draw(hostile_text)
    html = draw(st.none() | st.builds(lambda tag, inner, n: f"<{tag}>" * n + inner + f"</{tag}>" * n,
                                      st.sampled_from(("div", "p", "b", "table", "a href='http://x.example'")),
                                      hostile_text, st.integers(0, 300)))
    context = draw(st.dictionaries(st.sampled_from(("message_kind", "buyer_locale", "attachments", "order_history",
                                                    "buyer_values", "images")) | hostile_text,
                                   json_values, max_size=4))
    return {"subject": draw(hostile_text), "text": body, "html": html, "context": context}


@FUZZ
@given(messages(), st.sampled_from(MARKETPLACES))
def test_fuzz_lint_message_structure(data: dict[str, Any], marketplace: str) -> None:
    try:
        message = message_from_json(data)
    except ValueError:  # unusable: lint_paths reports it as bad input, in one line
        return
    run_target("lint: message", lambda: lint_message(message, marketplace))


# --- pack folders ---------------------------------------------------------------------------

@cache
def _pack_seed() -> dict[str, bytes]:
    """One real scenario and the German catalogue, as a build would put them in a pack."""
    source = ProjectSource(Project.at(ROOT), pseudo=False)
    prepared = source.templates("delay_notice")
    files = {"scenarios.json": packs.encode_json([source.scenarios["delay_notice"].to_dict()]),
             "locale/de.mo": catalogues.compile_catalogue(ROOT / "locale" / "de" / "LC_MESSAGES" / "replykit.po", "de")}
    for key, name in packs.TEMPLATE_FILES.items():
        if getattr(prepared, key) is not None:
            files[f"templates/delay_notice/{name}"] = getattr(prepared, key).encode("utf-8")
    return files


@st.composite
def crafted_packs(draw: st.DrawFn) -> tuple[dict[str, bytes], dict[str, Any]]:
    """A pack whose checksums are right (as an attacker makes it) and whose content is mutated."""
    files = dict(_pack_seed())
    for name in draw(st.lists(st.sampled_from(sorted(files)), max_size=2, unique=True)):
        files[name] = draw(mutated(files[name], max_ops=3))
    locales = draw(st.sampled_from(({"de": {}}, {}, {"../../x": {}}, ["de"], None)) | json_values)
    manifest = packs.make_manifest(files, "0.1.0", {"name": "fuzz", "source_locale": "en", "locales": locales})
    return files, manifest


@FUZZ
@given(crafted_packs())
def test_fuzz_pack_folders(crafted: tuple[dict[str, bytes], dict[str, Any]]) -> None:
    files, manifest = crafted
    folder = scratch() / "pack"
    shutil.rmtree(folder, ignore_errors=True)
    for name, data in {**files, packs.MANIFEST: json.dumps(manifest).encode("ascii")}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)

    def load_and_render() -> Any:
        pack = load_pack(folder)
        pack.warm()
        spec = pack.scenarios["delay_notice"]
        return pack.render("delay_notice", locale="de", marketplace="amazon", variables=spec.samples("amazon"))

    run_target("pack folder", load_and_render)
