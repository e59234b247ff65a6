"""Registry of message rules: small functions keyed by their fixed RULES.md id.

A rule function takes a parsed :class:`~replykit.checks.view.MessageView` and yields :class:`Hit`
objects; the runner attaches the marketplace severity, the file and skips rules whose required
context is absent. Keeping rules as plain functions makes each one readable and testable alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from .view import MessageView


class Hit(NamedTuple):
    """A rule's raw observation; ``cap`` lowers the severity (e.g. "warning" for a grey zone)."""

    where: str
    line: int | None
    message: str
    excerpt: str
    cap: str | None = None


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
