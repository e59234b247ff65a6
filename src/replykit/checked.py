"""Render with findings: the rule violations a ticket's variables bring into a reply.

The templates were checked when the pack was built (an error stops a publish), so per ticket
only the variable values can add a violation. A :class:`TicketJudge` therefore lints

- each free-text, URL, order-id and item-title value the reply shows, alone, in the reply's
  context (marketplace, channel, buyer locale, message kind, scenario), with the rules that judge a
  string by itself; each finding's ``where`` names the variable (``variables.answer``,
  ``variables.items[0].title``). Money, dates, counts and choices are validated to formats that
  cannot carry a violation (``replykit.values``) and are not linted;
- the rendered text with the whole-message rules whose verdict a value can change
  (:data:`WHOLE_MESSAGE_RULES`: the channel's length limit, the message's language, what the
  message as a whole is — "only says thank you", a proactive shipping update —, order ids, the
  subject's tag), minus what the scenario's own samples give in the
  same cell, so a template's warning is not blamed on the ticket.

Value verdicts are kept in a bounded LRU cache keyed by (marketplace, context, value): product
titles and shop names repeat, buyer names do not. Use it through ``Pack.render(..., checker=)``
or ``Renderer.render(..., checker=)``; only the public ``Checker``/``Message`` API is used.
"""

from __future__ import annotations

import copy
import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from .checks import MESSAGE_RULE_IDS, Checker, Finding, Message
from .checks.profiles import MARKETPLACES

if TYPE_CHECKING:
    from .rendering.renderer import Renderer, Reply
    from .scenarios import Scenario

#: Rules whose verdict is about the whole message; every other message rule judges a value alone.
WHOLE_MESSAGE_RULES: tuple[str, ...] = (
    "length.max", "locale.not-buyer-language", "locale.not-marketplace-language", "content.thank-you-only",
    "content.shipping-confirmation", "subject.important-tag", "order-id.missing", "order-id.format", "order-id.mismatch",
)
#: Variable types whose values can carry a violation (free text, links, ids; item titles).
LINTED_TYPES = frozenset({"text", "url", "order_id", "items"})
VALUE_CACHE_SIZE = 8192
BASELINE_CACHE_SIZE = 4096

_Key = tuple[str, str, str]


def _only(config: Mapping[str, Any], keep: frozenset[str]) -> dict[str, Any]:
    """``config`` with every message rule outside ``keep`` turned off on every marketplace."""
    out = copy.deepcopy(dict(config))
    profiles = out.setdefault("profiles", {})
    for marketplace in MARKETPLACES:
        severity = profiles.setdefault(marketplace, {}).setdefault("severity", {})
        for rule in MESSAGE_RULE_IDS:
            if rule not in keep:
                severity[rule] = "off"
    return out


def _key(finding: Finding) -> _Key:
    return finding.rule, finding.where, " ".join(finding.excerpt.split())


def _shown(value: str, reply: Reply) -> bool:
    """Whether the message sent shows ``value``: its subject, text, and HTML where the marketplace takes
    HTML (an optional note the template leaves out, or the short text omits, brings in nothing)."""
    html = reply.html if reply.format == "html" else ""
    for line in value.splitlines():
        line = line.strip()
        if line and (line in reply.text or line in reply.subject or (html and str(escape(line)) in html)):
            return True
    return False


def _values(scenario: Scenario, typed: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, value) of each linted variable value: ``variables.note``, ``variables.items[0].title``."""
    for name, var in scenario.variables.items():
        value = typed.get(name)
        if value is None or var.type not in LINTED_TYPES:
            continue
        if var.type == "items":
            for index, item in enumerate(value):
                yield f"variables.{name}[{index}].title", item.title
        else:
            yield f"variables.{name}", str(value)


class TicketJudge:
    """Judges what a ticket's variables bring into a rendered reply; thread-safe, shared by a service."""

    def __init__(self, checker: Checker, *, cache_size: int = VALUE_CACHE_SIZE) -> None:
        self.checker = checker
        whole = frozenset(WHOLE_MESSAGE_RULES)
        self._value_checker = Checker(_only(checker.config, frozenset(MESSAGE_RULE_IDS) - whole)).warm()
        self._whole_checker = Checker(_only(checker.config, whole)).warm()
        self._value = lru_cache(maxsize=cache_size)(self._lint_value)
        self._baselines: OrderedDict[tuple[Any, ...], Counter[_Key]] = OrderedDict()
        self._lock = threading.Lock()

    def findings(self, renderer: Renderer, scenario: Scenario, reply: Reply, typed: Mapping[str, Any],
                 channel: str | None = None) -> tuple[Finding, ...]:
        """The findings ``typed`` (the validated variables) bring into ``reply``, value findings first."""
        context = (reply.locale, scenario.kind, scenario.id, channel or "email")
        out: list[Finding] = []
        for where, value in _values(scenario, typed):
            if _shown(value, reply):
                out += [replace(f, where=where) for f in self._value(reply.marketplace, context, value)]
        baseline = self._baseline(renderer, scenario, reply, channel)
        seen: Counter[_Key] = Counter()
        for finding in self._lint_whole(reply, context, typed.get("order_id")):
            key = _key(finding)
            seen[key] += 1
            if seen[key] > baseline.get(key, 0):
                out.append(finding)
        return tuple(out)

    def _lint_value(self, marketplace: str, context: tuple[str, str, str, str], value: str) -> tuple[Finding, ...]:
        buyer_locale, kind, scenario, channel = context
        message = Message("", None, value, {"buyer_locale": buyer_locale, "message_kind": kind,
                                            "scenario": scenario, "channel": channel})
        return tuple(replace(f, line=None) for f in self._value_checker.lint(message, marketplace))

    def _lint_whole(self, reply: Reply, context: tuple[str, str, str, str], order_id: Any) -> list[Finding]:
        buyer_locale, kind, scenario, channel = context
        facts: dict[str, Any] = {"buyer_locale": buyer_locale, "message_kind": kind, "scenario": scenario,
                                 "channel": channel}
        if order_id:
            facts["order_id"] = str(order_id)
        return self._whole_checker.lint(Message(reply.subject, None, reply.text, facts), reply.marketplace)

    def _baseline(self, renderer: Renderer, scenario: Scenario, reply: Reply, channel: str | None) -> Counter[_Key]:
        """Whole-message findings of the scenario's own samples in this cell: the template's, not the ticket's."""
        key = (renderer.source, scenario.id, reply.requested_locale, reply.marketplace, channel)
        found = self._baselines.get(key)
        if found is None:
            samples = scenario.samples(reply.marketplace)
            sample = renderer.render(scenario.id, locale=reply.requested_locale, marketplace=reply.marketplace,
                                     variables=samples, channel=channel)
            context = (sample.locale, scenario.kind, scenario.id, channel or "email")
            found = Counter(_key(f) for f in self._lint_whole(sample, context, samples.get("order_id")))
            with self._lock:
                self._baselines[key] = found
                if len(self._baselines) > BASELINE_CACHE_SIZE:
                    self._baselines.popitem(last=False)
        return found


_JUDGES: weakref.WeakKeyDictionary[Checker, TicketJudge] = weakref.WeakKeyDictionary()
_JUDGES_LOCK = threading.Lock()


def judge(checker: Checker | TicketJudge) -> TicketJudge:
    """The one :class:`TicketJudge` of ``checker`` (built on first use, with its caches)."""
    if isinstance(checker, TicketJudge):
        return checker
    found = _JUDGES.get(checker)
    if found is None:
        with _JUDGES_LOCK:
            found = _JUDGES.get(checker)
            if found is None:
                found = _JUDGES[checker] = TicketJudge(checker)
    return found


__all__ = ["LINTED_TYPES", "TicketJudge", "WHOLE_MESSAGE_RULES", "judge"]
