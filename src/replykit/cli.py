"""Command line: a thin shell over the library calls; errors are one line and exit code 2."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import catalogues, packs
from .errors import ReplykitError, SourceError
from .project import Project
from .rendering.locales import first_choice, served_other_language

Handler = Callable[[argparse.Namespace, Project], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = handler
        return handler

    return register


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


@command("scenarios")
def _scenarios(args: argparse.Namespace, project: Project) -> int:
    renderer = packs.default_renderer(project, from_sources=args.source)
    scenarios = renderer.scenarios.values()
    if args.format == "json":
        _print_json([{**s.to_dict(), "reply_within_hours": s.reply_within_hours()} for s in scenarios])
        return 0
    for scenario in scenarios:
        print(f"{scenario.id}  ({scenario.kind}) {scenario.title}")
        if windows := scenario.reply_within_hours():
            print("    reply within: " + ", ".join(f"{name} {hours:g} h" for name, hours in windows.items()))
        for var in scenario.variables.values():
            extra = f" [{'|'.join(var.choices)}]" if var.choices else ""
            print(f"    {var.name}: {var.type}{extra}{'' if var.required else ' (optional)'}")
    return 0


def _load_vars(path: str) -> Any:
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(path, f"cannot read variables: {error.strerror}") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise SourceError(path, f"not valid JSON: {error.msg}", error.lineno) from None


@command("render")
def _render(args: argparse.Namespace, project: Project) -> int:
    renderer = packs.default_renderer(project, from_sources=args.source)
    scenario = renderer.scenario(args.scenario)
    variables = _load_vars(args.vars) if args.vars else scenario.samples(args.marketplace)
    reply = renderer.render(scenario.id, locale=args.locale, marketplace=args.marketplace, variables=variables)
    if served_other_language(args.locale, reply.locale):
        print(f"replykit: note: no catalogue for {first_choice(args.locale)}; rendered in {reply.locale}", file=sys.stderr)
    if args.format == "json":
        data = reply.to_dict()
        _print_json({key: data[key] for key in ("subject", "html", "text", "locale", "fallbacks")})
    else:
        sys.stdout.write(getattr(reply, args.format).rstrip("\n") + "\n")
    return 0


@command("extract")
def _extract(args: argparse.Namespace, project: Project) -> int:
    catalog = catalogues.extract(project)
    print(f"{project.pot_path}: {sum(1 for m in catalog if m.id)} messages")
    return 0


@command("init")
def _init(args: argparse.Namespace, project: Project) -> int:
    print(catalogues.init(project, args.locale))
    return 0


@command("update")
def _update(args: argparse.Namespace, project: Project) -> int:
    for path in catalogues.update(project, args.locales or None):
        print(path)
    return 0


@command("compile")
def _compile(args: argparse.Namespace, project: Project) -> int:
    for path in catalogues.compile_all(project, args.locales or None):
        print(path)
    return 0


@command("stats")
def _stats(args: argparse.Namespace, project: Project) -> int:
    rows = catalogues.stats(project, args.locales or None)
    if args.format == "json":
        _print_json([row.to_dict() for row in rows])
    else:
        print(f"{'locale':8} {'total':>5} {'done':>5} {'fuzzy':>5} {'todo':>5} {'obsolete':>8} {'coverage':>8}  stale")
        for r in rows:
            print(f"{r.locale:8} {r.total:5} {r.translated:5} {r.fuzzy:5} {r.untranslated:5} {r.obsolete:8} "
                  f"{r.coverage:7.1f}%  {'yes' if r.stale else 'no'}"
                  + (f"  (inherits {', '.join(r.inherits)})" if r.inherits else ""))
    below = [r for r in rows if r.coverage < project.min_coverage]
    return 1 if args.strict and below else 0


def _print_report(report: Any, output: str) -> None:
    from .checks.report import format_text

    if output == "json":
        _print_json(report.to_json())
    else:
        print(format_text(report))
    for reason in report.bad_inputs:
        print(f"replykit: unusable input: {reason}", file=sys.stderr)


@command("lint")
def _lint(args: argparse.Namespace, project: Project) -> int:
    from .checks import lint_paths

    pot = project.pot_path if project.pot_path.is_file() else None
    report = lint_paths(args.paths, args.marketplace, project_config=project.config, pot_path=pot)
    _print_report(report, args.format)
    return report.exit_code


@command("check")
def _check(args: argparse.Namespace, project: Project) -> int:
    from .project_check import check_project

    marketplaces = None if args.marketplace == "all" else [args.marketplace]
    report = check_project(project, marketplaces)
    _print_report(report, args.format)
    return report.exit_code


@command("build")
def _build(args: argparse.Namespace, project: Project) -> int:
    result = packs.build(project, gates=(packs.check_gate(project),))
    print(f"published pack {result.pack_id}: {result.scenarios} scenarios, locales {', '.join(result.locales)}, "
          f"{result.renders} sample renders verified -> {result.path}")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="replykit", description=__doc__)
    root.add_argument("--project", metavar="DIR", help="project folder (default: current directory)")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("scenarios", help="list scenarios and their variables")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--source", action="store_true", help="read the project sources, not the published pack")

    p = sub.add_parser("render", help="render one reply")
    p.add_argument("scenario")
    p.add_argument("--locale", required=True, help="de-AT, de_AT, de or an Accept-Language value")
    p.add_argument("--marketplace", required=True)
    p.add_argument("--vars", metavar="FILE.json", help="ticket variables (default: the scenario's samples; - for stdin)")
    p.add_argument("--format", choices=("json", "html", "text", "subject"), default="json")
    p.add_argument("--source", action="store_true", help="read the project sources, not the published pack")

    sub.add_parser("extract", help="extract translatable strings into locale/replykit.pot")
    p = sub.add_parser("init", help="start a catalogue for a new locale")
    p.add_argument("locale")
    for name, text in (("update", "merge the .pot into catalogues"), ("compile", "write .mo files")):
        p = sub.add_parser(name, help=text)
        p.add_argument("locales", nargs="*")
    p = sub.add_parser("stats", help="translation coverage per locale")
    p.add_argument("locales", nargs="*")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="exit 1 when a locale is below the minimum coverage")
    p = sub.add_parser("lint", help="check messages (.json/.html/.txt) and catalogues (.po) against a marketplace")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--marketplace", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser("check", help="check the whole project: templates, catalogues, every rendered message")
    p.add_argument("--marketplace", default="all", help="a marketplace id or all (default)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    sub.add_parser("build", help="check, build, verify and publish a template pack under build/")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = Project.at(args.project)
        return COMMANDS[args.command](args, project)
    except ReplykitError as error:
        print(f"replykit: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `replykit stats | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
