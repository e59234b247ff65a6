"""Command line: a thin shell over the library calls; errors are one line and exit code 2."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import __version__, catalogues, load_pack, pack_store
from .errors import ReplykitError, SourceError
from .project import Project, ProjectSource
from .rendering.locales import first_choice, served_other_language
from .rendering.renderer import Renderer

Handler = Callable[[argparse.Namespace, Project], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = handler
        return handler

    return register


def _print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:  # a lone surrogate or a narrow terminal encoding: escape, lose nothing
        sys.stdout.write(json.dumps(data, indent=2) + "\n")


def _source_note(args: argparse.Namespace) -> None:
    if args.source:
        print("replykit: note: rendered from the project's sources (unbuilt, unchecked)", file=sys.stderr)


def _renderer(args: argparse.Namespace, project: Project) -> Renderer:
    """The published pack (``$REPLYKIT_PACK`` or ``build/CURRENT``), or the sources when asked."""
    if args.source:
        return Renderer(ProjectSource(project), project.source_locale)
    return pack_store.default_renderer(project.build_dir, os.environ.get("REPLYKIT_PACK"))


@command("scenarios")
def _scenarios(args: argparse.Namespace, project: Project) -> int:
    scenarios = _renderer(args, project).scenarios.values()
    _source_note(args)
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
    """The ticket variables of a JSON file (or stdin): UTF-8 only; anything else is one line."""
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        raise SourceError(path, f"cannot read variables: {error.strerror}") from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError(path, "variables are UTF-16 (or UTF-32): save the file as UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(path, f"variables are not UTF-8 (byte {error.start + 1})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(path, f"not valid JSON: {error.msg}", error.lineno) from None
    except RecursionError:
        raise SourceError(path, "not usable JSON: lists or objects nested too deeply") from None
    except ValueError as error:  # Python's limit on digits in a JSON number
        raise SourceError(path, f"not usable JSON: a number is too long ({str(error).split(':')[0]})") from None


@command("render")
def _render(args: argparse.Namespace, project: Project) -> int:
    renderer = _renderer(args, project)
    scenario = renderer.scenario(args.scenario)
    variables = _load_vars(args.vars) if args.vars else scenario.samples(args.marketplace)
    checker = None
    if args.check:
        from .checks import Checker

        checker = Checker(project.config)
    reply = renderer.render(scenario.id, locale=args.locale, marketplace=args.marketplace, variables=variables,
                            channel=args.channel, checker=checker)
    _source_note(args)
    if served_other_language(args.locale, reply.locale):
        print(f"replykit: note: no catalogue for {first_choice(args.locale)}; rendered in {reply.locale}", file=sys.stderr)
    for finding in reply.findings or ():
        print(f"replykit: {finding.severity}: {finding.where}: {finding.rule}: {finding.message}: "
              f"{finding.excerpt!r}", file=sys.stderr)
    if reply.errors:  # as the HTTP API: a non-compliant reply is not handed out
        if args.format == "json":
            _print_json({"error": "non_compliant", "findings": [f.to_dict() for f in reply.findings or ()]})
        return 1
    if args.format == "json":
        _print_json(reply.to_dict())
    else:
        sys.stdout.write(getattr(reply, args.format).rstrip("\n") + "\n")
    return 0


@command("extract")
def _extract(args: argparse.Namespace, project: Project) -> int:
    catalog, changed = catalogues.extract(project, check=args.check)
    count = sum(1 for m in catalog if m.id)
    if args.check:
        print(f"{project.pot_path}: {'would change: run `replykit extract`' if changed else 'up to date'}")
        return 1 if changed else 0
    print(f"{project.pot_path}: {count} messages{'' if changed else ' (unchanged)'}")
    return 0


@command("init")
def _init(args: argparse.Namespace, project: Project) -> int:
    print(catalogues.init(project, args.locale))
    return 0


@command("update")
def _update(args: argparse.Namespace, project: Project) -> int:
    changed = catalogues.update(project, args.locales or None, check=args.check)
    for path in changed:
        print(f"{path}{': would change: run `replykit update`' if args.check else ''}")
    return 1 if args.check and changed else 0


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

    messages = [p for p in args.paths if not p.lower().endswith(".po")]
    if messages and not args.marketplace:
        raise ReplykitError(f"{messages[0]}: --marketplace is needed to lint a message (not for .po catalogues)")
    pot = project.pot_path if project.pot_path.is_file() else None
    report = lint_paths(args.paths, args.marketplace or "all", project_config=project.config, pot_path=pot)
    _print_report(report, args.format)
    unparsable = any(f.rule == "po.syntax" for f in report.findings)  # a .po the one reader refuses
    return 2 if unparsable else report.exit_code


def _left_out_notes(left_out: Mapping[str, str]) -> None:
    for locale, reason in left_out.items():
        print(f"replykit: note: locale {locale} left out of the pack (not checked): {reason}", file=sys.stderr)


@command("check")
def _check(args: argparse.Namespace, project: Project) -> int:
    from .project_check import default_jobs, run_check

    marketplaces = None if args.marketplace == "all" else [args.marketplace]
    run = run_check(project, marketplaces, jobs=args.jobs or default_jobs())
    _print_report(run.report, args.format)
    _left_out_notes(run.left_out)
    return run.report.exit_code


@command("rules")
def _rules(args: argparse.Namespace, project: Project) -> int:
    from .checks import Checker
    from .checks.rulebook import format_rules

    print(format_rules(Checker(project.config).rules(args.marketplace), args.format))
    return 0


@command("build")
def _build(args: argparse.Namespace, project: Project) -> int:
    from .publish import build

    result = build(project, out=args.out, jobs=args.jobs, sign=args.sign)
    _left_out_notes(result.left_out)
    print(f"published pack {result.pack_id}: {result.scenarios} scenarios, locales {', '.join(result.locales)}, "
          f"{result.renders} renders checked -> {result.path} (+ {result.archive.name})")
    return 0


@command("pack")
def _pack(args: argparse.Namespace, project: Project) -> int:
    build_dir = Path(args.out) if args.out else project.build_dir
    if args.action == "list":
        rows = pack_store.list_packs(build_dir)
        if args.format == "json":
            _print_json([row.to_dict() for row in rows])
        for row in rows if args.format == "text" else ():
            print(f"{'*' if row.current else ' '} {row.pack_id}  {'ok' if row.problem is None else row.problem}"
                  f"{'  +archive' if row.archive else ''}")
        return 0
    if args.action == "verify":
        for path in args.paths or [str(pack_store.current_pack(build_dir))]:
            pack = load_pack(path)
            print(f"{path}: ok, pack {pack.id}, {len(pack.manifest['files'])} files verified")
        return 0
    if args.action == "prune":
        for pack_id in pack_store.prune(build_dir, args.keep):
            print(f"removed {pack_id}")
        return 0
    pack_id = pack_store.rollback(build_dir, args.id)
    print(f"{build_dir / pack_store.CURRENT} -> {pack_id}")
    return 0


def _serve_settings(args: argparse.Namespace, *, sources: bool, preview: bool) -> Any:
    from .server import Settings

    return Settings(project=args.project, pack=getattr(args, "pack", None), sources=sources, preview=preview,
                    max_body=args.max_body, warm=not sources)  # sources compile on demand: quick reloads


@command("serve")
def _serve(args: argparse.Namespace, project: Project) -> int:
    from .packs import TRUST_ENV
    from .server.run import serve
    from .signing import load_public_key

    if args.trust:  # every load and reload, in every worker, then demands this key's signature
        load_public_key(args.trust)  # a bad key file is one line now, not a failed worker later
        os.environ[TRUST_ENV] = str(Path(args.trust).resolve())
    serve(_serve_settings(args, sources=False, preview=args.preview), host=args.host, port=args.port,
          workers=args.workers)
    return 0


@command("preview")
def _preview(args: argparse.Namespace, project: Project) -> int:
    from .server.run import serve

    serve(_serve_settings(args, sources=True, preview=True), host=args.host, port=args.port)
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text}")
    return value


def _add_server_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--max-body", type=_positive, default=1024 * 1024, metavar="BYTES",
                   help="largest request body accepted (default 1 MiB; larger gets 413)")


@command("keygen")
def _keygen(args: argparse.Namespace, project: Project) -> int:
    from .signing import generate_keypair

    keys = generate_keypair(args.keyfile)
    print(f"private key {keys.private} (keep it secret; `replykit build --sign {keys.private}`)")
    print(f"public key {keys.public} (fingerprint {keys.fingerprint}; give it to services that load packs)")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="replykit", description=__doc__)
    root.add_argument("--project", metavar="DIR", help="project folder (default: current directory)")
    root.add_argument("--version", action="version", version=f"replykit {__version__}")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("scenarios", help="list scenarios and their variables")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--source", action="store_true", help="read the project sources, not the published pack")

    p = sub.add_parser("render", help="render one reply")
    p.add_argument("scenario")
    p.add_argument("--locale", required=True, help="de-AT, de_AT, de or an Accept-Language value")
    p.add_argument("--marketplace", required=True)
    p.add_argument("--vars", metavar="FILE.json", help="ticket variables (default: the scenario's samples; - for stdin)")
    p.add_argument("--format", choices=("json", "body", "html", "text", "subject"), default="json",
                   help="json: the whole reply; body: what the marketplace accepts (html or text)")
    p.add_argument("--channel", help="email (default) or api: the format and length limit of the channel")
    p.add_argument("--check", action="store_true",
                   help="also judge what the variables bring in (findings on stderr, in json); exit 1 on an error")
    p.add_argument("--source", action="store_true", help="read the project sources, not the published pack")

    p = sub.add_parser("extract", help="extract translatable strings into locale/replykit.pot")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if the .pot would change")
    p = sub.add_parser("init", help="start a catalogue for a new locale")
    p.add_argument("locale")
    p = sub.add_parser("update", help="merge the .pot into catalogues")
    p.add_argument("locales", nargs="*")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a catalogue would change")
    p = sub.add_parser("compile", help="write .mo files")
    p.add_argument("locales", nargs="*")
    p = sub.add_parser("stats", help="translation coverage per locale")
    p.add_argument("locales", nargs="*")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="exit 1 when a locale is below the minimum coverage")
    p = sub.add_parser("lint", help="check messages (.json/.html/.txt) and catalogues (.po) against a marketplace")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--marketplace", help="needed for messages; .po catalogues are checked against every profile")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser("check", help="check the whole project: templates, catalogues, every rendered message")
    p.add_argument("--marketplace", default="all", help="a marketplace id or all (default)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: every usable core)")
    p = sub.add_parser("rules", help="every rule id, what it catches and its severity per marketplace")
    p.add_argument("--marketplace", help="only this marketplace's severities")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p = sub.add_parser("build", help="check, build, verify and publish a template pack under build/")
    p.add_argument("--out", metavar="DIR", help="build folder (default: build/ in the project)")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: every usable core)")
    p.add_argument("--sign", metavar="KEYFILE", help="sign the pack's manifest with this Ed25519 key (replykit keygen)")
    p = sub.add_parser("pack", help="operate published packs: list, verify, prune, rollback")
    p.add_argument("--out", metavar="DIR", help="build folder (default: build/ in the project)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("list", help="published packs, oldest first; * marks CURRENT")
    a.add_argument("--format", choices=("text", "json"), default="text")
    a = actions.add_parser("verify", help="check a pack folder or archive against its manifest (default: CURRENT)")
    a.add_argument("paths", nargs="*", metavar="PATH")
    a = actions.add_parser("prune", help="remove all but the N most recently published packs (never CURRENT)")
    a.add_argument("--keep", type=int, required=True, metavar="N")
    a = actions.add_parser("rollback", help="point CURRENT at ID (default: the pack published before it)")
    a.add_argument("id", nargs="?")
    p = sub.add_parser("serve", help="serve the HTTP API (and with --preview the translator preview)")
    p.add_argument("--pack", metavar="PATH", help="a pack folder or <pack-id>.tar.gz (default: build/CURRENT)")
    p.add_argument("--trust", metavar="KEYFILE.pub",
                   help="serve only packs signed with this Ed25519 public key (default: $REPLYKIT_TRUST)")
    _add_server_arguments(p)
    p.add_argument("--workers", type=_positive, default=1, help="worker processes (default 1)")
    p.add_argument("--preview", action="store_true", help="also serve the translator preview at /preview")
    p = sub.add_parser("preview", help="serve the translator preview from the project's sources at /preview")
    _add_server_arguments(p)
    p = sub.add_parser("keygen", help="write a new Ed25519 signing key (KEYFILE) and its public key (KEYFILE.pub)")
    p.add_argument("keyfile", metavar="KEYFILE")
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
