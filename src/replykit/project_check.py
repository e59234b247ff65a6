"""``replykit check``: the whole project against the rules, before anything ships.

The pipeline-level check (``checks/`` judges one message or catalogue; this module runs
it over the project). In order: every template parses and uses only its scenario's
variables; templates, ``locale/replykit.pot`` and the .po files agree (``catalog.stale``
errors otherwise, naming the template line); every scenario is permitted where it claims to
be; then, on a process pool, every catalogue passes the translation rules and every scenario
x locale x permitted marketplace is rendered with its sample values and linted, and rendered
again with hostile buyer input (very long and right-to-left names, template syntax, markup,
emoji) which must stay inert. Findings that the hostile text causes by itself (its emoji,
its direction) are the buyer's words, not the template's, and are not counted; anything else
it causes is. :func:`replykit.build` runs the same check and publishes only what it rendered.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from typing import Any

from .checks.lint import lint_catalogue, lint_message
from .checks.model import Finding, LintReport, Message
from .checks.profiles import MARKETPLACES, Profile, combined_profile, load_profile
from .catalogues import plan_locales, stale_sources
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


def check_catalogue(project: Project, profiles: Sequence[Profile], locale: str) -> list[Finding]:
    """Translation rules on one catalogue, linted once at the strictest severity the selected
    marketplaces give each rule."""
    findings: dict[Finding, None] = {}
    overlay = len(fallback_chain(locale, project.catalogue_locales(), project.source_locale)) > 2
    profile = combined_profile(list(profiles))
    for finding in lint_catalogue(project.po_path(locale), profile=profile, pot_path=project.pot_path,
                                  source_locale=project.source_locale):
        if (overlay and finding.rule == "po.untranslated") or finding.rule == "catalog.stale":
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


@dataclass(frozen=True, slots=True)
class _Job:
    """What a check worker needs; set in the parent before the pool forks, inherited by the workers."""

    project: Project
    renderer: Renderer
    marketplaces: tuple[str, ...]
    profiles: Mapping[str, Profile]


_JOB: _Job | None = None

#: ``progress(done, total, label)``: called as each catalogue and each scenario x locale is checked.
Progress = Callable[[int, int, str], None]


def _check_task(kind: str, *args: str) -> tuple[list[Finding], int]:
    """One unit of work: ``("catalogue", locale)`` or ``("render", scenario_id, locale)``."""
    assert _JOB is not None
    if kind == "catalogue":
        return check_catalogue(_JOB.project, list(_JOB.profiles.values()), args[0]), 0
    return _check_unit(*args)


def _check_unit(scenario_id: str, locale: str) -> tuple[list[Finding], int]:
    """Sample renders on every permitted marketplace and hostile renders of one scenario x locale."""
    assert _JOB is not None
    renderer, marketplaces, profiles = _JOB.renderer, _JOB.marketplaces, _JOB.profiles
    scenario = renderer.scenarios[scenario_id]
    findings: dict[Finding, None] = {}
    renders = 0
    targets = [m for m in marketplaces if m in scenario.marketplaces and permitted(scenario, m)]
    for marketplace in targets:
        samples = scenario.samples(marketplace)
        reply = renderer.render(scenario.id, locale=locale, marketplace=marketplace, variables=samples)
        renders += 1
        for f in lint_message(message_of(reply, scenario, samples), marketplace, profile=profiles[marketplace]):
            findings[_located(f, scenario, locale, marketplace)] = None
    if not targets:
        return list(findings), renders
    marketplace = targets[0]
    baseline = _tags(renderer.render(scenario.id, locale=locale, marketplace=marketplace,
                                     variables=_hostile_variables(scenario, marketplace, "Anna Schmidt")).html)
    for kind, text in HOSTILE_TEXT.items():
        variables = _hostile_variables(scenario, marketplace, text)
        reply = renderer.render(scenario.id, locale=locale, marketplace=marketplace, variables=variables)
        renders += 1
        evaluated = kind == "template" and text not in reply.text
        if _tags(reply.html) != baseline or evaluated:
            findings[Finding("content.template-placeholder", "error", f"templates/{scenario.id}/", "html",
                             None, f"[{locale} · hostile {kind}] buyer input changed the markup or was evaluated",
                             text[:80])] = None
        for f in lint_message(message_of(reply, scenario, variables), marketplace, profile=profiles[marketplace]):
            if not _caused_by(f, text):
                findings[_located(f, scenario, locale, marketplace, f"hostile {kind}")] = None
    return list(findings), renders


def default_jobs() -> int:
    """Worker processes for a check: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def check_in_parallel(project: Project, renderer: Renderer, marketplaces: Sequence[str],
                      profiles: Mapping[str, Profile], *, jobs: int = 1, progress: Progress | None = None,
                      stop_on_error: bool = False) -> tuple[list[Finding], list[Finding], int]:
    """The translation rules on every catalogue and every render check; (catalogue findings, render findings, renders).

    Each catalogue and each scenario x locale (every shipped locale and the source locale) is a
    task; with ``jobs`` > 1 they run on a process pool (forked, so workers share the prepared
    templates and the loaded lint data). The result does not depend on ``jobs``. With
    ``stop_on_error`` the first catalogue error ends the run before anything is rendered.
    """
    global _JOB
    locales = renderer.source.locales
    tasks = [("catalogue", loc) for loc in locales]
    tasks += [("render", s, loc) for s in renderer.scenarios for loc in (*locales, renderer.source_locale)]
    for scenario_id in renderer.scenarios:  # prepare once, before forking
        renderer.source.templates(scenario_id)
    for locale in locales:
        renderer.source.catalogue(locale)
    results: list[tuple[list[Finding], int]] = [([], 0)] * len(tasks)
    _JOB = _Job(project, renderer, tuple(marketplaces), profiles)
    done = 0

    def finished(index: int, result: tuple[list[Finding], int]) -> bool:
        nonlocal done
        results[index], done = result, done + 1
        if progress:
            progress(done, len(tasks), " · ".join(tasks[index][1:]))
        return stop_on_error and tasks[index][0] == "catalogue" and any(f.severity == "error" for f in result[0])

    try:
        first = 0 if not tasks or tasks[0][0] == "render" or len(tasks) == 1 else len(locales)
        if tasks and finished(first, _check_task(*tasks[first])):  # warms the lint data the workers share
            return _collect(tasks, results)
        rest = [i for i in range(len(tasks)) if i != first]
        if jobs > 1 and len(rest) > 1 and "fork" in multiprocessing.get_all_start_methods():
            pool = ProcessPoolExecutor(min(jobs, len(rest)), mp_context=multiprocessing.get_context("fork"),
                                       initializer=_exit_with_parent, initargs=(os.getpid(),))
            try:
                futures = {pool.submit(_check_task, *tasks[i]): i for i in rest}
                for future in as_completed(futures):
                    if finished(futures[future], future.result()):
                        break
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        else:
            for index in rest:
                if finished(index, _check_task(*tasks[index])):
                    break
    finally:
        _JOB = None
    return _collect(tasks, results)


def _exit_with_parent(parent: int) -> None:
    """In a pool worker: exit once the build process is gone (a killed build leaves no idle workers)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="replykit-parent-watch", daemon=True).start()


def _collect(tasks: list[tuple[str, ...]], results: list[tuple[list[Finding], int]]) -> tuple[
        list[Finding], list[Finding], int]:
    catalogue: dict[Finding, None] = {}
    renders: dict[Finding, None] = {}
    for task, (findings, _) in zip(tasks, results):
        (catalogue if task[0] == "catalogue" else renders).update(dict.fromkeys(findings))
    return list(catalogue), list(renders), sum(count for _, count in results)


def check_stale(project: Project, locales: Sequence[str]) -> list[Finding]:
    """catalog.stale errors: templates, .pot and .po files disagree (see catalogues.stale_sources)."""
    return [Finding("catalog.stale", "error", s.file, "catalogue", s.line, s.message, s.msgid)
            for s in stale_sources(project, locales)]


@dataclass(frozen=True, slots=True)
class CheckRun:
    """A project check's report, how many messages it rendered, and the sources it read."""

    report: LintReport
    renders: int
    source: ProjectSource  # templates prepared and catalogues loaded as checked: what a build ships
    left_out: Mapping[str, str] = field(default_factory=dict)  # catalogues not checked: not shipped, and why


def run_check(project: Project, marketplaces: Sequence[str] | None = None, *, locales: Sequence[str] | None = None,
              jobs: int = 1, progress: Progress | None = None, raise_unusable: bool = False,
              stop_early: bool = False) -> CheckRun:
    """Everything ``replykit check`` verifies over ``locales`` (default: the ones a build ships).

    An unusable input (a .po that does not parse, a translation that cannot be baked) is a
    ``bad_inputs`` line of the report, or raised as it is with ``raise_unusable``. With
    ``stop_early`` (a build) errors found before rendering end the check there.
    """
    selected = tuple(marketplaces or MARKETPLACES)
    left_out: Mapping[str, str] = {}
    if locales is None:
        try:
            plan = plan_locales(project)
        except ReplykitError as error:
            if raise_unusable:
                raise
            return CheckRun(LintReport(bad_inputs=[str(error)]), 0, ProjectSource(project, pseudo=False, locales=()))
        locales, left_out = plan.shipped, plan.left_out
    shipped = tuple(locales)
    profiles = {m: load_profile(m, project.config) for m in selected}
    source = ProjectSource(project, pseudo=False, locales=shipped)
    renderer = Renderer(source, project.source_locale)
    report = LintReport()
    report.findings += check_templates(renderer)
    if report.errors:  # nothing else can be rendered
        return CheckRun(report, 0, source, left_out)
    try:
        report.findings += check_stale(project, shipped)
        permissions = check_permissions(renderer, selected)
        if stop_early and (report.errors or any(f.severity == "error" for f in permissions)):
            report.findings += permissions
            return CheckRun(report, 0, source, left_out)
        catalogue, rendered, renders = check_in_parallel(project, renderer, selected, profiles, jobs=jobs,
                                                         progress=progress, stop_on_error=stop_early)
    except ReplykitError as error:  # a .po that does not parse, a translation that cannot be baked
        if raise_unusable:
            raise
        report.bad_inputs.append(str(error))
        return CheckRun(report, 0, source, left_out)
    report.findings += catalogue + permissions + rendered
    return CheckRun(report, renders, source, left_out)


def check_project(project: Project, marketplaces: Sequence[str] | None = None, *,
                  locales: Sequence[str] | None = None, jobs: int = 1, progress: Progress | None = None) -> LintReport:
    """Everything ``replykit check`` verifies, as one report."""
    return run_check(project, marketplaces, locales=locales, jobs=jobs, progress=progress).report
