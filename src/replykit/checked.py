"""Render with findings: the rule violations a ticket's variables bring into a reply.

The templates were checked when the pack was built (an error stops a publish), so per ticket
only the variable values can add a violation. A :class:`TicketJudge` judges

- each free-text, URL, order-id and item-title value the message shows, alone, in the reply's
  context (marketplace, channel, buyer locale, message kind, scenario), with every rule that judges
  a string by itself; each finding's ``where`` names the variable (``variables.answer``,
  ``variables.items[0].title``). Money, dates, counts and choices are validated to formats that
  cannot carry a violation (``replykit.values``: digits, ISO dates, codes) and are not linted;
- the order id's format (:data:`ORDER_ID_RULES`) behind an order label, once per shape of the id;
- the rendered text with the whole-message rules a value can change: :data:`ALWAYS_RULES` (the
  channel's length limit, the subject's tag) on every reply, :data:`MESSAGE_RULES` (the message's
  language, "only says thank you", a proactive shipping update) once per cell and set of long
  free-text values (:data:`LONG_VALUE`; a name or a title is judged by itself only) — both minus
  what the scenario's own samples give in the same cell, so a template's warning is not the ticket's.

Verdicts are kept in bounded LRU caches: values keyed by (marketplace, context, value), since
product titles and shop names repeat (buyer names do not). Use it through
``Pack.render(..., checker=)`` or ``Renderer.render(..., checker=)``; only the public
``Checker``/``Message`` API of :mod:`replykit.checks` is used.
"""

from __future__ import annotations

import copy
import re
import threading
import weakref
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from .checks import MESSAGE_RULE_IDS, Checker, Finding, Message
from .lru import Lru
from .marketplaces import MARKETPLACES

if TYPE_CHECKING:
    from .rendering.renderer import Renderer, Reply
    from .scenarios import Scenario

#: Whole-message rules a value can change but that are cheap on any message: run on every reply.
ALWAYS_RULES: tuple[str, ...] = ("length.max", "subject.important-tag")
#: What the message is as a whole (its language, "only says thank you", a proactive shipping
#: update): judged on the reply once per cell and set of long values (:data:`LONG_VALUE`).
MESSAGE_RULES: tuple[str, ...] = ("locale.not-buyer-language", "locale.not-marketplace-language",
                                  "content.thank-you-only", "content.shipping-confirmation")
#: Whether the message shows its order id in the marketplace's format: judged on the order id
#: behind an order label, once per shape of the id (its digits as ``0``).
ORDER_ID_RULES: tuple[str, ...] = ("order-id.missing", "order-id.format")
#: Variable types whose values can carry a violation (free text, links, ids; item titles).
LINTED_TYPES = frozenset({"text", "url", "order_id", "items"})
#: A free-text value this long (characters) may change what the message is as a whole; a
#: shorter one (a name, a title, a size) is judged by itself only.
LONG_VALUE = 24
#: An order id needs six digits (or, on Wish, 24 hex characters): a value with fewer cannot hold one.
_SIX_DIGITS = re.compile(r"(?:\D*\d){6}")
VALUE_CACHE_SIZE = 8192
MESSAGE_CACHE_SIZE = 4096

_Key = tuple[str, str, str]
_Context = tuple[str, str, str, str]  # buyer_locale, message_kind, scenario, channel


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


def _values(scenario: Scenario, typed: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(where, type, value) of each linted value: ``variables.note``, ``variables.items[0].title``."""
    for name, var in scenario.variables.items():
        value = typed.get(name)
        if value is None or var.type not in LINTED_TYPES:
            continue
        if var.type == "items":
            for index, item in enumerate(value):
                yield f"variables.{name}[{index}].title", "title", item.title
        else:
            yield f"variables.{name}", var.type, str(value)


def _may_hold_id(value: str) -> bool:
    return len(value) >= 24 or _SIX_DIGITS.match(value) is not None


def _context(facts: _Context, order_id: str | None = None, from_order: str | None = None) -> dict[str, Any]:
    buyer_locale, kind, scenario, channel = facts
    out: dict[str, Any] = {"buyer_locale": buyer_locale, "message_kind": kind, "scenario": scenario, "channel": channel}
    if order_id:
        out["order_id"] = order_id
    if from_order:  # the order's words, not the seller's: disrespect, spelling and placeholder rules skip them
        out["buyer_values"] = [from_order]
    return out


def _subtract(found: list[Finding], baseline: Counter[_Key]) -> list[Finding]:
    seen: Counter[_Key] = Counter()
    out = []
    for finding in found:
        key = _key(finding)
        seen[key] += 1
        if seen[key] > baseline.get(key, 0):
            out.append(finding)
    return out


class TicketJudge:
    """Judges what a ticket's variables bring into a rendered reply; thread-safe, shared by a service."""

    def __init__(self, checker: Checker, *, cache_size: int = VALUE_CACHE_SIZE) -> None:
        self.checker = checker
        config = checker.config
        whole = frozenset(ALWAYS_RULES + MESSAGE_RULES + ("order-id.missing",))
        self._value_checker = Checker(_only(config, frozenset(MESSAGE_RULE_IDS) - whole)).warm()
        self._always_checker = Checker(_only(config, frozenset(ALWAYS_RULES))).warm()
        self._message_checker = Checker(_only(config, frozenset(MESSAGE_RULES))).warm()
        self._id_checker = Checker(_only(config, frozenset(ORDER_ID_RULES))).warm()
        self._value = lru_cache(maxsize=cache_size)(self._lint_value)
        self._order_id = lru_cache(maxsize=cache_size)(self._lint_order_id)
        self._messages = Lru(MESSAGE_CACHE_SIZE)

    def findings(self, renderer: Renderer, scenario: Scenario, reply: Reply, typed: Mapping[str, Any],
                 channel: str | None = None) -> tuple[Finding, ...]:
        """The findings ``typed`` (the validated variables) bring into ``reply``, value findings first."""
        facts: _Context = (reply.locale, scenario.kind, scenario.id, channel or "email")
        order_id = str(typed["order_id"]) if typed.get("order_id") else None
        out: list[Finding] = []
        long_values = []
        for where, kind, value in _values(scenario, typed):
            if not _shown(value, reply):
                continue
            found = self._value(reply.marketplace, facts, value, order_id if _may_hold_id(value) else None,
                                kind == "title")
            if kind == "order_id":
                found += self._order_id(reply.marketplace, facts, _shape(value))
            out += [replace(f, where=where) for f in found]
            if kind == "text" and len(value) >= LONG_VALUE:
                long_values.append((where, value))
        cell = (renderer.source, scenario.id, reply.requested_locale, reply.marketplace, channel)
        baseline = self._baseline(renderer, scenario, reply, facts, cell)
        out += _subtract(self._lint_message(self._always_checker, reply, facts), baseline)
        found = self._messages.get((cell, tuple(long_values)))
        if found is None:
            found = _subtract(self._lint_message(self._message_checker, reply, facts), baseline)
            self._messages.put((cell, tuple(long_values)), found)
        return tuple(out + found)

    def _lint_value(self, marketplace: str, facts: _Context, value: str, order_id: str | None,
                    title: bool = False) -> tuple[Finding, ...]:
        """A value alone in the reply's context; a product ``title`` is the order's wording, not the seller's."""
        message = Message("", None, value, _context(facts, order_id, value if title else None))
        return tuple(replace(f, line=None) for f in self._value_checker.lint(message, marketplace))

    def _lint_order_id(self, marketplace: str, facts: _Context, shape: str) -> tuple[Finding, ...]:
        """order-id.missing / order-id.format of an order id of this shape shown behind an order label."""
        message = Message(f"Order {shape}", None, f"Order {shape}", _context(facts, shape))
        return tuple(replace(f, line=None) for f in self._id_checker.lint(message, marketplace))

    def _baseline(self, renderer: Renderer, scenario: Scenario, reply: Reply, facts: _Context,
                  cell: tuple[Any, ...]) -> Counter[_Key]:
        """Whole-message findings of the scenario's own samples in this cell: the template's, not the ticket's."""
        found = self._messages.get((cell, None))
        if found is None:
            samples = scenario.samples(reply.marketplace)
            sample = renderer.render(scenario.id, locale=reply.requested_locale, marketplace=reply.marketplace,
                                     variables=samples, channel=cell[-1])
            found = Counter(_key(f) for checker in (self._always_checker, self._message_checker)
                            for f in self._lint_message(checker, sample, facts))
            self._messages.put((cell, None), found)
        return found

    @staticmethod
    def _lint_message(checker: Checker, reply: Reply, facts: _Context) -> list[Finding]:
        return checker.lint(Message(reply.subject, None, reply.text, _context(facts)), reply.marketplace)


def _shape(order_id: str) -> str:
    """The order id with every digit as ``0``: its format, all the order-id rules look at."""
    return "".join("0" if ch.isdigit() else ch for ch in order_id)


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


__all__ = ["ALWAYS_RULES", "LINTED_TYPES", "MESSAGE_RULES", "ORDER_ID_RULES", "TicketJudge", "judge"]
