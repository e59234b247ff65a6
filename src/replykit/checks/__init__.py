"""replykit checks: marketplace message rules and translation QA.

Public API (the contract other tools depend on)::

    from replykit.checks import Checker, Message, Finding, lint_message, lint_catalogue, lint_paths, LintReport, RULE_IDS

    checker = Checker(config).warm()           # config: the parsed replykit.toml, or None
    checker.lint(message, "amazon")            # -> list[Finding]; safe to share between threads
    checker.lint_catalogue("locale/de/LC_MESSAGES/replykit.po")
    checker.rules("ebay")                      # every rule id, summary, severity per marketplace

Rule ids are fixed by RULES.md; profiles (severity per marketplace, allow-lists, limits) are data in
``replykit/data/profiles`` and can be overridden in the project's ``replykit.toml``.
"""
from __future__ import annotations

from .checker import Checker
from .lint import lint_catalogue, lint_message, lint_paths, message_from_json, run_rules
from .model import Finding, LintReport, Message, Severity
from .po_rules import PO_RULE_IDS, catalogue_coverage
from .profiles import MARKETPLACES, Profile, ProfileError, load_profile, load_project_config, rule_book
from .registry import RULES

MESSAGE_RULE_IDS: tuple[str, ...] = tuple(RULES)
RULE_IDS: tuple[str, ...] = MESSAGE_RULE_IDS + PO_RULE_IDS
#: ids RULES.md gives to project checks that ``replykit check`` runs outside this package
PROJECT_RULE_IDS: tuple[str, ...] = ("template.syntax", "template.variable", "scenario.not-permitted")


def rule_info(rule_id: str) -> dict:
    """Title, formats and required context of a rule (``data/rules.json``), e.g. for ``--list-rules``."""
    data = rule_book()
    for r in data["message_rules"] + data["catalogue_rules"]:
        if r["id"] == rule_id:
            return r
    raise KeyError(rule_id)

__all__ = [
    "Checker", "Finding", "LintReport", "Message", "Severity", "RULE_IDS", "MESSAGE_RULE_IDS", "PO_RULE_IDS", "PROJECT_RULE_IDS", "MARKETPLACES", "rule_info",
    "Profile", "ProfileError", "catalogue_coverage", "lint_catalogue", "lint_message", "lint_paths", "load_profile",
    "load_project_config", "message_from_json", "run_rules",
]
