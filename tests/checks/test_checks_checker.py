"""The Checker object, the rule book it publishes, profile severities for po.* rules and the
channel-independent format rules."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from replykit.checks import Checker, Message, ProfileError, lint_catalogue, lint_message
from replykit.checks.rulebook import format_rules
from replykit.cli import main

ROOT = Path(__file__).resolve().parents[2]
FUZZY_PO = '''msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#, fuzzy
msgid "Your parcel is on its way."
msgstr "Ihr Paket ist unterwegs."
'''


def _po(tmp_path: Path) -> Path:
    p = tmp_path / "locale" / "de" / "LC_MESSAGES" / "replykit.po"
    p.parent.mkdir(parents=True)
    p.write_text(FUZZY_PO, encoding="utf-8")
    return p


def test_po_rule_severity_comes_from_the_profile(tmp_path):
    po = _po(tmp_path)
    assert [f.severity for f in lint_catalogue(po) if f.rule == "po.fuzzy"] == ["warning"]
    off = Checker({"profiles": {"all": {"severity": {"po.fuzzy": "off"}}}})
    assert not [f for f in off.lint_catalogue(po) if f.rule == "po.fuzzy"]
    up = Checker({"profiles": {"amazon": {"severity": {"po.fuzzy": "error"}}}})
    assert [f.severity for f in up.lint_catalogue(po, marketplace="amazon") if f.rule == "po.fuzzy"] == ["error"]


def test_replykit_toml_turns_a_po_rule_off_for_lint(tmp_path, capsys):
    po = _po(tmp_path)
    assert main(["--project", str(tmp_path), "lint", str(po), "--marketplace", "amazon", "--format", "json"]) == 0
    assert "po.fuzzy" in capsys.readouterr().out
    (tmp_path / "replykit.toml").write_text('[profiles.all]\nseverity."po.fuzzy" = "off"\n', encoding="utf-8")
    main(["--project", str(tmp_path), "lint", str(po), "--marketplace", "amazon", "--format", "json"])
    assert "po.fuzzy" not in capsys.readouterr().out


def test_unknown_rule_id_in_an_override_is_a_one_line_error():
    with pytest.raises(ProfileError, match="unknown rule id 'po.fuzy'"):
        Checker({"profiles": {"all": {"severity": {"po.fuzy": "off"}}}}).profile("amazon")


@pytest.mark.parametrize("marketplace", ["ebay", "mercadolibre"])
def test_html_refused_without_a_channel_when_every_channel_refuses_it(marketplace):
    msg = Message("Your order", html="<p>Your parcel left today.</p>", context={})
    assert "format.html-not-allowed" in {f.rule for f in lint_message(msg, marketplace)}
    assert "format.html-not-allowed" not in {f.rule for f in lint_message(msg, "amazon")}


def test_length_limit_holds_without_a_channel():
    long = "Your parcel left our warehouse today and should arrive by Friday. " * 8
    got = {f.rule for f in lint_message(Message("Update", text=long), "mercadolibre")}
    assert "length.max" in got
    assert "length.max" not in {f.rule for f in lint_message(Message("Update", text=long[:300]), "mercadolibre")}


def test_rules_lists_every_id_with_a_severity_per_marketplace():
    rules = Checker().rules()
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)) and {"content.phone-number", "po.fuzzy", "catalog.stale", "scenario.not-permitted"} <= set(ids)
    phone = next(r for r in rules if r["id"] == "content.phone-number")
    assert phone["severity"]["amazon"] == "error" and phone["severity"]["walmart_us"] == "off"
    assert [r["severity"] for r in Checker().rules("ebay")][0] == {"ebay": "off"}


def test_rules_command_formats(capsys):
    assert main(["rules", "--marketplace", "wish", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(set(r["severity"]) == {"wish"} for r in data)
    assert main(["rules", "--marketplace", "nowhere"]) == 2
    assert "unknown marketplace 'nowhere'" in capsys.readouterr().err


def test_docs_rules_md_is_generated_from_the_package():
    expected = format_rules(Checker().rules(), "markdown") + "\n"
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == expected, "regenerate: replykit rules --format markdown > docs/rules.md"


def test_one_checker_shared_by_threads_gives_the_same_findings():
    checker = Checker()
    messages = [
        Message("Order 114-3941689-8772232", text=f"Hi, write to me on WhatsApp +90 532 41{i % 10} 22 33 or mail seller{i}@gmail.com.")
        for i in range(40)
    ] + [Message("Order 114-3941689-8772232", html=f"<p>Your parcel {i} left today.</p>") for i in range(40)]
    expected = [checker.lint(m, "amazon") for m in messages]
    results: dict[int, list] = {}

    def work(k: int) -> None:
        results[k] = [Checker.lint(shared, m, "amazon") for m in messages]

    shared = Checker()
    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())
    assert shared.warm() is shared
