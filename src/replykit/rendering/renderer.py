"""Render one reply for one ticket: the on-demand half of the pipeline.

A :class:`Renderer` reads scenarios, prepared templates and catalogues from a
:class:`TemplateSource` (a published pack, or the project's sources while developing),
compiles each (scenario, locale) once with the translations baked in, and from then on
only validates variables and substitutes them.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import jinja2
from jinja2 import Environment, Template, TemplateSyntaxError

from ..errors import (LocaleError, ReplykitError, ScenarioNotPermittedError, TemplateError,
                      UnknownMarketplaceError, UnknownScenarioError)
from ..lru import Lru
from ..marketplaces import marketplace as marketplace_facts
from ..scenarios import Scenario
from .catalogue import Catalogue, TranslationChain
from .environment import locale_environment
from .formatting import warm
from .locales import SOURCE_LOCALE, Negotiated, negotiate
from .preheader import preheader
from .templates import PreparedTemplates

if TYPE_CHECKING:
    from ..checked import TicketJudge
    from ..checks import Checker, Finding

NEGOTIATION_CACHE_SIZE = 1024
MAX_LOCALE_LENGTH = 1000
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t\u3000]+\n")


class TemplateSource(Protocol):
    """Where a renderer gets its scenarios, templates and catalogues from."""

    @property
    def scenarios(self) -> Mapping[str, Scenario]: ...

    @property
    def locales(self) -> tuple[str, ...]: ...

    def templates(self, scenario_id: str) -> PreparedTemplates: ...

    def catalogue(self, locale: str) -> Catalogue: ...


@dataclass(frozen=True, slots=True)
class Fallback:
    """A string that was not translated in the reply's catalogue and came from ``locale``."""

    msgid: str
    context: str | None
    locale: str

    def to_dict(self) -> dict[str, Any]:
        return {"msgid": self.msgid, "context": self.context, "locale": self.locale}


@dataclass(frozen=True, slots=True)
class Reply:
    """A rendered reply, ready to send."""

    scenario: str
    marketplace: str
    subject: str
    html: str
    text: str
    locale: str
    requested_locale: str
    fallbacks: tuple[Fallback, ...] = field(default=())
    format: str = "html"  # the body the marketplace accepts: "html" or "text"
    #: what the ticket's variables brought in, when rendered with a ``checker``; None: not checked
    findings: tuple[Finding, ...] | None = None

    @property
    def body(self) -> str:
        """The body to send: ``html`` where the marketplace accepts HTML, else ``text``."""
        return self.html if self.format == "html" else self.text

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error-severity findings: such a reply must not be handed to a sender."""
        return tuple(f for f in self.findings or () if f.severity == "error")

    def to_dict(self) -> dict[str, Any]:
        """The reply as JSON; ``findings`` only when it was rendered with a checker."""
        data = {
            "scenario": self.scenario,
            "marketplace": self.marketplace,
            "subject": self.subject,
            "html": self.html,
            "text": self.text,
            "body": self.body,
            "format": self.format,
            "locale": self.locale,
            "requested_locale": self.requested_locale,
            "fallbacks": [f.to_dict() for f in self.fallbacks],
        }
        if self.findings is not None:
            data["findings"] = [f.to_dict() for f in self.findings]
        return data


@dataclass(frozen=True, slots=True)
class _Compiled:
    subject: Template
    html: Template
    text: Template
    short: Template | None


@dataclass(slots=True)
class _State:
    """Everything a renderer caches for one source; swapped whole by :meth:`Renderer.reload`."""

    source: TemplateSource
    negotiated: Lru[tuple[str, str | None], Negotiated] = field(default_factory=lambda: Lru(NEGOTIATION_CACHE_SIZE))
    environments: dict[tuple[tuple[str, ...], str, bool], Environment] = field(default_factory=dict)
    compiled: dict[tuple[str, tuple[str, ...], str], _Compiled] = field(default_factory=dict)


class Renderer:
    """Renders replies from one template source; thread-safe, caches compiled templates."""

    def __init__(self, source: TemplateSource, source_locale: str = SOURCE_LOCALE) -> None:
        self.source_locale = source_locale
        self._state = _State(source)
        self._lock = threading.RLock()

    @property
    def source(self) -> TemplateSource:
        return self._state.source

    @property
    def scenarios(self) -> Mapping[str, Scenario]:
        return self._state.source.scenarios

    def reload(self) -> None:
        """Read the source again (a pack is re-verified) and swap atomically.

        Renders in flight finish on the old state; a failed reload (a damaged pack, a broken
        catalogue) raises and keeps the current one.
        """
        current = self._state.source
        reopen = getattr(current, "reopen", None)
        fresh = _State(reopen() if reopen else current)
        with self._lock:
            self._state = fresh

    def negotiate(self, locale: str, marketplace: str | None = None) -> Negotiated:
        """Catalogue chain and formatting locale for a tag or Accept-Language value (cached).

        A marketplace that requires certain languages (Walmart: English) only gets those.
        """
        return self._negotiate(self._state, locale, marketplace)

    def _negotiate(self, state: _State, locale: str, marketplace: str | None) -> Negotiated:
        key = (locale, marketplace)
        found = state.negotiated.get(key)
        if found is not None:
            return found
        if len(locale) > MAX_LOCALE_LENGTH:  # browsers send ~50; a megabyte would be parsed and cached
            raise LocaleError(f"locale: longer than {MAX_LOCALE_LENGTH:,} characters")
        available = state.source.locales
        required = marketplace_facts(marketplace).required_languages if marketplace else ()
        if required:
            available = tuple(c for c in available if c.split("_")[0] in required)
        found = negotiate(locale, available, self.source_locale)
        state.negotiated.put(key, found)  # bounded: buyers' browsers send endless variants
        return found

    def scenario(self, scenario_id: str) -> Scenario:
        return _scenario(self._state, scenario_id)

    def render(self, scenario: str, *, locale: str, marketplace: str, variables: Mapping[str, Any],
               channel: str | None = None, checker: Checker | TicketJudge | None = None) -> Reply:
        """Render ``scenario`` for a buyer; raises a ReplykitError subclass on bad input.

        With a ``checker`` (a :class:`~replykit.checks.Checker`), ``reply.findings`` holds the rule
        violations the variables bring in on this marketplace and ``channel``
        (:mod:`replykit.checked`); ``reply.errors`` are those that must stop a send.
        """
        _require_text("scenario", scenario, UnknownScenarioError)
        _require_text("locale", locale, LocaleError)
        _require_text("marketplace", marketplace, UnknownMarketplaceError)
        state = self._state  # one consistent source for the whole render, even during a reload
        spec = _scenario(state, scenario)
        check_marketplace(spec, marketplace)
        facts = marketplace_facts(marketplace, channel or "email")
        negotiated = self._negotiate(state, locale, marketplace)
        typed = spec.validate(variables)
        compiled = self._compile(state, spec.id, negotiated)
        fallbacks: list[tuple[str | None, str, str]] = []
        context = {**typed, "_fallbacks": fallbacks, "marketplace": marketplace}
        subject = " ".join(_run(compiled.subject, context, spec.id, "subject").split())
        text = _tidy_text(_run(compiled.text, context, spec.id, "text"))
        html = _run(compiled.html, {**context, "_subject": subject, "_preheader": preheader(text)}, spec.id, "html")
        if compiled.short is not None and facts.max_chars is not None and len(text) > facts.max_chars:
            # the scenario's short form fits tight channels
            text = _tidy_text(_run(compiled.short, context, spec.id, "short"))
        reply = Reply(
            scenario=spec.id,
            marketplace=marketplace,
            subject=subject,
            html=html,
            text=text,
            locale=negotiated.catalogue,
            requested_locale=locale,
            fallbacks=tuple(Fallback(msgid, ctx, loc) for ctx, msgid, loc in dict.fromkeys(fallbacks)),
            format="html" if facts.html else "text",
        )
        if checker is None:
            return reply
        from ..checked import judge  # the checks load only when asked for

        return dataclasses.replace(reply, findings=judge(checker).findings(self, spec, reply, typed, channel))

    def warm(self) -> None:
        """Compile every scenario for every catalogue locale and load CLDR data up front."""
        state = self._state
        for locale in (*state.source.locales, self.source_locale):
            negotiated = self._negotiate(state, locale, None)
            warm(negotiated.format_locale)
            for scenario_id in state.source.scenarios:
                self._compile(state, scenario_id, negotiated)

    def _compile(self, state: _State, scenario_id: str, negotiated: Negotiated) -> _Compiled:
        key = (scenario_id, negotiated.chain, str(negotiated.format_locale))
        compiled = state.compiled.get(key)
        if compiled is None:
            with self._lock:
                templates = state.source.templates(scenario_id)
                text_env = self._environment(state, negotiated, html=False)
                html_env = self._environment(state, negotiated, html=True)
                try:
                    compiled = _Compiled(
                        subject=text_env.from_string(templates.subject),
                        html=html_env.from_string(templates.html),
                        text=text_env.from_string(templates.text),
                        short=text_env.from_string(templates.short) if templates.short else None,
                    )
                except TemplateSyntaxError as error:
                    raise TemplateError(f"templates/{scenario_id}", error.message or "does not compile",
                                        error.lineno) from None
                except RecursionError:  # a crafted pack template: Jinja parses nested brackets recursively
                    raise TemplateError(f"templates/{scenario_id}", "expressions nested too deeply") from None
                except ValueError as error:  # Python's limit on digits in an integer literal
                    raise TemplateError(f"templates/{scenario_id}",
                                        f"unusable literal: {str(error).split(':')[0]}") from None
                state.compiled[key] = compiled
        return compiled

    def _environment(self, state: _State, negotiated: Negotiated, *, html: bool) -> Environment:
        key = (negotiated.chain, str(negotiated.format_locale), html)
        env = state.environments.get(key)
        if env is None:
            catalogues = [state.source.catalogue(loc) for loc in negotiated.chain if loc != self.source_locale]
            chain = TranslationChain(catalogues, self.source_locale)
            env = locale_environment(chain, negotiated.format_locale, html=html)
            state.environments[key] = env
        return env


def _scenario(state: _State, scenario_id: str) -> Scenario:
    try:
        return state.source.scenarios[scenario_id]
    except KeyError:
        known = ", ".join(state.source.scenarios)
        raise UnknownScenarioError(f"unknown scenario {scenario_id!r} (known: {known})") from None


def check_marketplace(scenario: Scenario, marketplace: str) -> None:
    """Refuse unknown marketplaces and scenarios whose marketplace rules forbid them."""
    marketplace_facts(marketplace)  # raises for an unknown marketplace
    if marketplace not in scenario.marketplaces:
        raise ScenarioNotPermittedError(
            f"scenario {scenario.id!r} is not permitted on {marketplace} "
            f"(permitted: {', '.join(scenario.marketplaces)})")


#: What a template (from a pack: untrusted) can raise while it runs in the sandbox.
_TEMPLATE_FAILURES = (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError)


def _run(template: Template, context: dict[str, Any], scenario_id: str, part: str) -> str:
    """Render one part; a template that fails while running is named, not a traceback."""
    try:
        return template.render(context)
    except _TEMPLATE_FAILURES as error:
        reason = getattr(error, "message", None) or str(error) or type(error).__name__
        raise TemplateError(f"templates/{scenario_id}", f"{part} does not render: {reason}"[:300]) from None


def _require_text(name: str, value: object, error: type[ReplykitError]) -> None:
    """API arguments arrive from JSON too: a list or number is a caller's error, not a TypeError."""
    if not isinstance(value, str):
        raise error(f"{name}: expected a string, got {type(value).__name__}")


def _tidy_text(text: str) -> str:
    """Plain text as a mail client shows it: no trailing blanks, at most one empty line in a row."""
    return _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("\n", text)).strip() + "\n"
