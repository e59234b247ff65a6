"""The po.* rules are registered rule functions, one per rule id, with severities from the profiles."""
from __future__ import annotations

from pathlib import Path

from replykit.checks import Checker, PO_RULE_IDS
from replykit.checks.po_rules import READER_RULE_IDS
from replykit.checks.registry import PO_RULES, RULES

PLACEHOLDER_PO = '''msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Hello {name}, your parcel {tracking} is on its way."
msgstr "Hallo, Ihr Paket {tracking} ist unterwegs."

msgid "{count} item"
msgid_plural "{count} items"
msgstr[0] "{count} Artikel"
msgstr[1] ""
'''


def _po(tmp_path: Path) -> Path:
    p = tmp_path / "locale" / "de" / "LC_MESSAGES" / "replykit.po"
    p.parent.mkdir(parents=True)
    p.write_text(PLACEHOLDER_PO, encoding="utf-8")
    return p


def test_every_catalogue_rule_of_the_rule_book_is_registered_once():
    registered = set(PO_RULES)
    assert not registered & set(RULES)
    # catalog.coverage is the project's `stats` threshold, not a check of one file
    assert registered | set(READER_RULE_IDS) | {"catalog.coverage"} == set(PO_RULE_IDS)
    assert {spec.scope for spec in PO_RULES.values()} == {"file", "entry", "pair", "template"}


def test_a_pair_rule_and_an_entry_rule_take_the_profile_severity(tmp_path):
    po = _po(tmp_path)
    default = {(f.rule, f.severity) for f in Checker().lint_catalogue(po)}
    assert ("po.placeholder.missing", "error") in default
    assert ("po.plural.empty", "error") in default or ("po.plural.empty", "warning") in default
    checker = Checker({"profiles": {"all": {"severity": {"po.placeholder.missing": "off", "po.plural.empty": "warning"}}}})
    got = {(f.rule, f.severity) for f in checker.lint_catalogue(po)}
    assert not any(rule == "po.placeholder.missing" for rule, _sev in got)
    assert ("po.plural.empty", "warning") in got
