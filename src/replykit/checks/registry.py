"""Registry of rules: small functions keyed by their fixed RULES.md id.

A message rule takes a parsed :class:`~replykit.checks.view.MessageView` and yields :class:`Hit`
objects; the runner attaches the marketplace severity, the file and skips rules whose required
context is absent. A catalogue rule (``po.*``, ``catalog.*``, :func:`po_rule`) takes one file, entry
or translation of a .po catalogue and yields :class:`Said` objects, at the profile's severity too.
Keeping rules as plain functions makes each one readable and testable alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Literal, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from .view import MessageView


class Hit(NamedTuple):
    """A rule's raw observation; ``cap`` lowers the severity (e.g. "warning" for a grey zone)."""

    where: str
    line: int | None
    message: str
    excerpt: str
    cap: str | None = None
    sentence: str | None = None  # a concept rule's lexicon finding: the sentence it stands in, as the rules read it (the learned veto reads it)


RuleFn = Callable[["MessageView"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    id: str
    fn: RuleFn
    requires: tuple[str, ...]
    catalogue: bool  # also run on each msgstr of a catalogue


RULES: dict[str, RuleSpec] = {}


def rule(rule_id: str, *, requires: tuple[str, ...] = (), catalogue: bool = False) -> Callable[[RuleFn], RuleFn]:
    """Register ``fn`` under ``rule_id``. ``requires`` names context keys that must be present."""

    def deco(fn: RuleFn) -> RuleFn:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = RuleSpec(rule_id, fn, tuple(requires), catalogue)
        return fn

    return deco


# ---- catalogue rules (``po.*``, ``catalog.*``) ---------------------------------------------------
#: where a catalogue rule looks: the parsed file (headers), each entry, each translation against its
#: source (a plural entry has one per form), or the file against its template (.pot)
PoScope = Literal["file", "entry", "pair", "template"]


class PoRuleSpec(NamedTuple):
    id: str
    fn: Callable[[Any], Iterable["Said"]]
    scope: PoScope


class Said(NamedTuple):
    """A catalogue rule's observation; ``line`` only for file-level ones (an entry's is its own)."""

    message: str
    excerpt: str
    line: int | None = None


PO_RULES: dict[str, PoRuleSpec] = {}


def po_rule(rule_id: str, *, scope: PoScope) -> Callable[[Callable[[Any], Iterable[Said]]], Callable[[Any], Iterable[Said]]]:
    """Register a catalogue rule; :func:`~.po_rules.check_catalogue` runs the ones a profile turns on,
    in registration order within each scope, at the profile's severity."""

    def deco(fn: Callable[[Any], Iterable[Said]]) -> Callable[[Any], Iterable[Said]]:
        if rule_id in PO_RULES or rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        PO_RULES[rule_id] = PoRuleSpec(rule_id, fn, scope)
        return fn

    return deco
