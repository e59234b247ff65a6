"""``replykit check``: the whole project against the rules, before anything ships.

In order: every template parses and uses only its scenario's variables; every shipped
catalogue passes the translation rules; every scenario is permitted where it claims to be;
then every scenario x shipped locale x permitted marketplace is rendered with its sample
values and linted, and rendered again with hostile buyer input (very long and right-to-left
names, template syntax, markup, emoji) which must stay inert. Findings that the hostile
text causes by itself (its emoji, its direction) are the buyer's words, not the template's,
and are not counted; anything else it causes is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from typing import Any

from .checks.lint import lint_catalogue, lint_message
from .checks.model import Finding, LintReport, Message
from .checks.profiles import MARKETPLACES, Profile, load_profile
from .errors import ReplykitError, TemplateError
from .marketplaces import marketplace as marketplace_facts
from .project import Project, ProjectSource
from .rendering.locales import fallback_chain
from .rendering.renderer import Renderer, Reply
from .scenarios import Scenario

HOSTILE_TEXT: Mapping[str, str] = {
    "long": " ".join(["Maximilian-Alexander von Hohenzollern-Sigmaringen"] * 8),
    "rtl": "محمد عبد الله الحسيني",
    "template": "{{ 7*7 }} {% include 'x' %} {# c #} %(order)s",
    "markup": '<script>alert(1)</script><img src=x onerror=alert(1)><a href="http://evil.example">x</a>',
    "emoji": "Anna \U0001F338\U0001F600",
}


@lru_cache(maxsize=1)
def _permissions() -> dict[str, Any]:
    data = json.loads(resources.files("replykit").joinpath("data/permissions.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def permitted(scenario: Scenario, marketplace: str) -> bool:
    """Whether the marketplace's rules allow this kind of message (see data/permissions.json)."""
    if scenario.kind != "proactive":
        return True
    rules = _permissions().get(marketplace, {})
    reasons = set(scenario.reasons)
    if reasons & set(rules.get("proactive_forbidden_reasons", ())):
        return False
    allowed = rules.get("proactive_allowed_reasons")
    return allowed is None or bool(reasons & set(allowed))


def message_of(reply: Reply, scenario: Scenario, variables: Mapping[str, Any]) -> Message:
    """The reply as the marketplace receives it (plain text only where HTML is refused), with context."""
    context: dict[str, Any] = {"buyer_locale": reply.locale, "message_kind": scenario.kind,
                               "scenario": scenario.id, "channel": "email"}
    if variables.get("order_id"):
        context["order_id"] = variables["order_id"]
    html = reply.html if marketplace_facts(reply.marketplace).html else None
    return Message(reply.subject, html, reply.text, context)


def _template_file(scenario: Scenario, where: str) -> str:
    name = {"subject": "subject.txt", "html": "body.mjml", "text": "body.txt"}.get(where, "")
    return f"templates/{scenario.id}/{name}"


def _located(finding: Finding, scenario: Scenario, locale: str, marketplace: str, note: str = "") -> Finding:
    label = f"[{locale} · {marketplace}{' · ' + note if note else ''}] "
    return replace(finding, file=_template_file(scenario, finding.where), message=label + finding.message)


def check_templates(renderer: Renderer) -> list[Finding]:
    """template.syntax / template.variable for every scenario."""
    findings = []
    for scenario_id in renderer.scenarios:
        try:
            renderer.source.templates(scenario_id)
        except TemplateError as error:
            rule = "template.variable" if "template.variable" in error.reason else "template.syntax"
            findings.append(Finding(rule, "error", error.path, "template", error.line, error.reason, ""))
    return findings


def check_catalogues(project: Project, profiles: Sequence[Profile]) -> list[Finding]:
    """Translation rules on every shipped catalogue; overlays may leave inherited entries empty."""
    findings: dict[Finding, None] = {}
    locales = project.catalogue_locales()
    for locale in locales:
        overlay = len(fallback_chain(locale, locales, project.source_locale)) > 2
        for profile in profiles:
            for finding in lint_catalogue(project.po_path(locale), profile=profile, pot_path=project.pot_path,
                                          source_locale=project.source_locale):
                if overlay and finding.rule == "po.untranslated":
                    continue
                findings[replace(finding, file=str(project.po_path(locale).relative_to(project.root)))] = None
    return list(findings)


def check_permissions(renderer: Renderer, marketplaces: Iterable[str]) -> list[Finding]:
    """scenario.not-permitted for each scenario that claims a marketplace whose rules forbid it."""
    return [
        Finding("scenario.not-permitted", "error", f"templates/{s.id}/scenario.toml", "marketplaces", None,
                f"{s.kind} messages for {', '.join(s.reasons)} are not permitted on {m}", m)
        for s in renderer.scenarios.values() for m in marketplaces if m in s.marketplaces and not permitted(s, m)
    ]


def _hostile_variables(scenario: Scenario, marketplace: str, text: str) -> dict[str, Any]:
    values = dict(scenario.samples(marketplace))
    for name, var in scenario.variables.items():
        if var.type == "text":
            values[name] = text
        elif var.type == "items" and values.get(name):
            values[name] = [{**item, "title": text} for item in values[name]]
    return values


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def _tags(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    return sorted(parser.tags)


#: Rules that judge the message as a whole, which a buyer's long or foreign-script name can tip.
_INPUT_SENSITIVE = frozenset({"locale.not-buyer-language", "locale.not-marketplace-language", "length.max"})


def _caused_by(finding: Finding, text: str) -> bool:
    """Whether a finding on a hostile render comes from the buyer's text itself."""
    if finding.rule in _INPUT_SENSITIVE:
        return True
    excerpt = " ".join(finding.excerpt.split())
    if not excerpt:
        return False
    return excerpt in text or any(part in excerpt for part in text.split() if len(part) > 1)


def check_renders(renderer: Renderer, marketplaces: Sequence[str], profiles: Mapping[str, Profile]) -> tuple[list[Finding], int]:
    """Lint every sample render, and hostile renders once per scenario x locale; return findings, renders."""
    findings: dict[Finding, None] = {}
    renders = 0
    locales = renderer.source.locales
    for scenario in renderer.scenarios.values():
        targets = [m for m in marketplaces if m in scenario.marketplaces and permitted(scenario, m)]
        for locale in locales:
            for marketplace in targets:
                samples = scenario.samples(marketplace)
                reply = renderer.render(scenario.id, locale=locale, marketplace=marketplace, variables=samples)
                renders += 1
                for f in lint_message(message_of(reply, scenario, samples), marketplace, profile=profiles[marketplace]):
                    findings[_located(f, scenario, locale, marketplace)] = None
            if not targets:
                continue
            marketplace = targets[0]
            baseline = None
            for kind, text in HOSTILE_TEXT.items():
                variables = _hostile_variables(scenario, marketplace, text)
                reply = renderer.render(scenario.id, locale=locale, marketplace=marketplace, variables=variables)
                renders += 1
                baseline = baseline or _tags(renderer.render(
                    scenario.id, locale=locale, marketplace=marketplace,
                    variables=_hostile_variables(scenario, marketplace, "Anna Schmidt")).html)
                evaluated = kind == "template" and text not in reply.text
                if _tags(reply.html) != baseline or evaluated:
                    findings[Finding("content.template-placeholder", "error", f"templates/{scenario.id}/", "html",
                                     None, f"[{locale} · hostile {kind}] buyer input changed the markup or was evaluated",
                                     text[:80])] = None
                for f in lint_message(message_of(reply, scenario, variables), marketplace, profile=profiles[marketplace]):
                    if not _caused_by(f, text):
                        findings[_located(f, scenario, locale, marketplace, f"hostile {kind}")] = None
    return list(findings), renders


def check_project(project: Project, marketplaces: Sequence[str] | None = None,
                  renderer: Renderer | None = None) -> LintReport:
    """Everything ``replykit check`` verifies, as one report."""
    selected = tuple(marketplaces or MARKETPLACES)
    profiles = {m: load_profile(m, project.config) for m in selected}
    renderer = renderer or Renderer(ProjectSource(project, pseudo=False), project.source_locale)
    report = LintReport()
    report.findings += check_templates(renderer)
    if report.errors:  # nothing else can be rendered
        return report
    report.findings += check_catalogues(project, list(profiles.values()))
    report.findings += check_permissions(renderer, selected)
    try:
        findings, _ = check_renders(renderer, selected, profiles)
    except ReplykitError as error:  # a translation that cannot be baked names its .po line
        report.bad_inputs.append(str(error))
        return report
    report.findings += findings
    return report
