"""Catalogue stage: extract, init, update, compile and measure gettext catalogues.

Thin, explicit wrappers over Babel's library (what ``pybabel`` does), with replykit's
layout (``locale/replykit.pot``, ``locale/<lang>/LC_MESSAGES/replykit.po``) and options:
extraction uses the same Jinja options as rendering, fails loudly on template syntax
errors, and leaves the .pot untouched when no message changed (no date-only churn).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po
from jinja2 import TemplateSyntaxError

from .errors import CatalogueError, TemplateError
from .po import forms_of, read_po, translated
from .project import DOMAIN, Project
from .rendering.locales import fallback_chain

COMMENT_TAGS = ("Translators:",)
#: Options for Jinja's Babel extractor; they must match rendering.environment.
BABEL_OPTIONS = {"trimmed": "true", "trim_blocks": "true", "lstrip_blocks": "true", "silent": "false"}
METHOD_MAP = [("**.mjml", "jinja2"), ("**.txt", "jinja2")]


@dataclass(frozen=True, slots=True)
class CatalogueStats:
    """Translation progress of one locale against the current .pot."""

    locale: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    coverage: float  # % of the template's messages translated and not fuzzy
    stale: bool  # the .po does not hold exactly the .pot's messages, or the .pot the templates': extract/update
    inherits: tuple[str, ...] = ()  # parent catalogues a regional overlay falls back to

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _read(path: Path, locale: str | None = None) -> Catalog:
    return read_po(path, locale=locale)


def _serialize(catalog: Catalog, **options: bool) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, **options)
    return buffer.getvalue()


def _write(path: Path, catalog: Catalog, **options: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_serialize(catalog, **options))


_GENERATED_BY = re.compile(rb'^"Generated-By: [^"\n]*(?:\\n)?"\n', re.M)


def _same_but_generator(old: bytes, new: bytes) -> bool:
    """Whether two .po files differ at most in their ``Generated-By`` header (a Babel upgrade)."""
    return _GENERATED_BY.sub(b"", old) == _GENERATED_BY.sub(b"", new)


def _message_keys(catalog: Catalog) -> set[tuple[object, str | None]]:
    return {(m.id, m.context) for m in catalog if m.id}


def _templates_signature(project: Project) -> tuple[tuple[str, int, int], ...]:
    files = sorted(p for p in project.templates_dir.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


_extracted: dict[Path, tuple[tuple[tuple[str, int, int], ...], Catalog]] = {}


def extract_template(project: Project) -> Catalog:
    """Every translatable string of the templates, extracted in memory (nothing is written).

    Extraction takes most of a second; the result is reused while no template file changes
    (``stats``, the stale check and the build each need it). Treat it as read-only.
    """
    signature = _templates_signature(project)
    cached = _extracted.get(project.templates_dir)
    if cached is not None and cached[0] == signature:
        return cached[1]
    template = _extract_template(project)
    _extracted[project.templates_dir] = (signature, template)
    return template


def _extract_template(project: Project) -> Catalog:
    template = Catalog(project=project.name, version=project.version, charset="utf-8",
                       msgid_bugs_address="", copyright_holder=project.name, fuzzy=False)
    options = {pattern: BABEL_OPTIONS for pattern, _ in METHOD_MAP}
    current: list[str] = []  # the file being extracted, to name it when it does not parse
    try:
        extracted = list(extract_from_dir(
            str(project.templates_dir), METHOD_MAP, options, keywords=DEFAULT_KEYWORDS,
            comment_tags=COMMENT_TAGS, strip_comment_tags=True,
            callback=lambda filename, method, options: current.append(filename),
            directory_filter=lambda path: not Path(path).name.startswith(".")))
    except TemplateSyntaxError as error:
        where = project.templates_dir / current[-1] if current else project.templates_dir
        raise TemplateError(where, error.message or "syntax error", error.lineno) from None
    for filename, lineno, message, comments, context in extracted:
        location = (f"templates/{Path(filename).as_posix()}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def extract(project: Project, *, check: bool = False) -> tuple[Catalog, bool]:
    """Extract the templates into ``locale/replykit.pot``; return it and whether it changed.

    The .pot is left untouched when no message changed (no date-only churn); with ``check``
    nothing is written and the flag says whether ``extract`` would write.
    """
    template = extract_template(project)
    pot = project.pot_path
    if pot.is_file():
        old = _read(pot)
        if _same_messages(old, template):
            return old, False
    if not check:
        _write(pot, template)
    return template, True


def _same_messages(old: Catalog, new: Catalog) -> bool:
    def signature(catalog: Catalog) -> list[tuple[object, ...]]:
        # Comments are compared as text: write_po wraps long ones over several lines.
        return sorted((repr(m.id), m.context or "", tuple(m.locations), " ".join(" ".join(m.auto_comments).split()))
                      for m in catalog if m.id)

    return signature(old) == signature(new)


@dataclass(frozen=True, slots=True)
class Stale:
    """A msgid the templates, the .pot and a .po disagree on, and the command that fixes it."""

    file: str  # project-relative: the template (or .pot) that has it, or the .po that lacks it
    line: int | None
    msgid: str
    message: str


def _label(message: Message) -> str:
    msgid = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
    return f"{msgid[:60]!r}" + (f" (context {message.context!r})" if message.context else "")


def _where(message: Message, fallback: str) -> tuple[str, int | None]:
    return (str(message.locations[0][0]), message.locations[0][1]) if message.locations else (fallback, None)


def stale_sources(project: Project, locales: Iterable[str] | None = None) -> list[Stale]:
    """Where templates, ``locale/replykit.pot`` and the .po files disagree on a msgid.

    The templates are extracted in memory: a sentence added, changed or removed without
    ``replykit extract`` / ``update`` would otherwise ship as silent English.
    """
    pot_file = project.pot_path.relative_to(project.root).as_posix()
    if not project.pot_path.is_file():
        return [Stale(pot_file, None, "", "no .pot: run `replykit extract && replykit update`")]
    extracted, pot = extract_template(project), _read(project.pot_path)
    found = []
    fix = "run `replykit extract && replykit update`"
    for key in sorted(_message_keys(extracted) - _message_keys(pot), key=repr):
        message = extracted.get(*key)
        file, line = _where(message, "templates")
        found.append(Stale(file, line, _label(message), f"msgid {_label(message)} is not in {pot_file}: {fix}"))
    for key in sorted(_message_keys(pot) - _message_keys(extracted), key=repr):
        message = pot.get(*key)
        file, line = _where(message, pot_file)
        found.append(Stale(file, line, _label(message),
                           f"msgid {_label(message)} of {pot_file} is no longer in the templates: {fix}"))
    wanted = _message_keys(pot)
    available = project.catalogue_locales()
    for locale in locales or available:
        path = project.po_path(locale)
        catalog = _read(path, locale=locale)
        present = _message_keys(catalog)
        overlay = len(fallback_chain(locale, available, project.source_locale)) > 2
        missing = set() if overlay else wanted - present
        for key in sorted(missing | (present - wanted), key=repr):
            message = pot.get(*key) if key in wanted else catalog.get(*key)
            verb = "lacks" if key in wanted else "still has"
            found.append(Stale(path.relative_to(project.root).as_posix(), None if key in wanted else message.lineno,
                               _label(message), f"{verb} msgid {_label(message)} of {pot_file}: run `replykit update`"))
    return found


def init(project: Project, locale: str) -> Path:
    """Start a catalogue for ``locale`` from the .pot, with the language's Plural-Forms."""
    locale = locale.replace("-", "_")  # keep the caller's spelling: zh_CN, not zh_Hans_CN
    try:
        Locale.parse(locale)
    except (ValueError, UnknownLocaleError):
        raise CatalogueError(project.locale_dir, f"{locale!r} is not a locale Babel/CLDR knows") from None
    path = project.po_path(locale)
    if path.exists():
        raise CatalogueError(path, "catalogue already exists; use `replykit update`")
    template = _read(project.pot_path)
    catalog = Catalog(locale=locale, domain=DOMAIN, project=template.project, version=template.version,
                      copyright_holder=template.copyright_holder, charset="utf-8", fuzzy=False,
                      creation_date=template.creation_date, revision_date=template.creation_date)
    for message in template:  # sized to the language's plural forms (1 for ja, 6 for ar)
        if message.id:
            string = ("",) * catalog.num_plurals if message.pluralizable else ""
            catalog.add(message.id, string, message.locations, message.flags, message.auto_comments,
                        message.user_comments, context=message.context)
    _write(path, catalog)
    return path


def update(project: Project, locales: Iterable[str] | None = None, *, check: bool = False) -> list[Path]:
    """Merge the .pot into catalogues: new entries empty, changed ones fuzzy, removed ones obsolete.

    Returns the catalogues that changed; a file whose only difference would be the
    ``Generated-By`` header is left untouched. With ``check`` nothing is written.
    """
    template = _read(project.pot_path)
    merged = {}
    for locale in locales or project.catalogue_locales():
        path = project.po_path(locale)
        catalog = _read(path, locale=locale)
        catalog.update(template, update_header_comment=False)
        merged[path] = _serialize(catalog)
    changed = [path for path, data in merged.items() if not _same_but_generator(path.read_bytes(), data)]
    if not check:
        for path in changed:
            path.write_bytes(merged[path])
    return changed


def compile_catalogue(po_path: Path, locale: str) -> bytes:
    """The .mo bytes of one catalogue: only complete, non-fuzzy translations.

    Babel's write_mo writes the English msgids for an untranslated plural entry, which
    would shadow the parent catalogue of a regional overlay; such entries are dropped.
    """
    catalog = _read(po_path, locale=locale)
    for message in list(catalog):
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if message.id and (message.fuzzy or not all(strings)):
            catalog.delete(message.id, message.context)
    buffer = io.BytesIO()
    try:
        write_mo(buffer, catalog, use_fuzzy=False)
    except (LookupError, UnicodeEncodeError) as error:  # the header names a charset the text cannot be written in
        raise CatalogueError(po_path, f"cannot compile with charset {catalog.charset!r}: {error}") from None
    return buffer.getvalue()


def compile_all(project: Project, locales: Iterable[str] | None = None) -> list[Path]:
    """Write ``replykit.mo`` beside every ``replykit.po``; nothing is written unless every .po reads cleanly."""
    compiled = {}
    for locale in locales or project.catalogue_locales():
        po = project.po_path(locale)
        compiled[po.with_suffix(".mo")] = compile_catalogue(po, locale)
    for mo, data in compiled.items():
        mo.write_bytes(data)
    return list(compiled)


def _translated_keys(catalog: Catalog) -> set[tuple[object, str | None]]:
    return {(message.id, message.context) for message in catalog if message.id and translated(message.fuzzy, forms_of(message))}


def stats(project: Project, locales: Iterable[str] | None = None) -> list[CatalogueStats]:
    """Coverage of every catalogue against the .pot.

    A regional catalogue that overrides only what differs (``fr_CA`` over ``fr``) counts
    what its parent catalogues translate: ``inherits`` names them.
    """
    template = _read(project.pot_path)
    wanted = _message_keys(template)
    pot_stale = _message_keys(extract_template(project)) != wanted  # templates edited without `extract`
    available = project.catalogue_locales()
    result = []
    for locale in locales or available:
        catalog = _read(project.po_path(locale), locale=locale)
        parents = [loc for loc in fallback_chain(locale, available, project.source_locale)
                   if loc not in (locale, project.source_locale)]
        inherited: set[tuple[object, str | None]] = set()
        for parent in parents:
            inherited |= _translated_keys(_read(project.po_path(parent), locale=parent))
        own = _translated_keys(catalog)
        fuzzy = {(m.id, m.context) for m in catalog if m.id and m.fuzzy} & wanted
        translated = (own | inherited) & wanted
        present = _message_keys(catalog)
        result.append(CatalogueStats(
            locale=locale, total=len(wanted), translated=len(translated), fuzzy=len(fuzzy - translated),
            untranslated=len(wanted - translated - fuzzy), obsolete=len(catalog.obsolete),
            coverage=round(100 * len(translated) / len(wanted), 1) if wanted else 100.0,
            stale=pot_stale or ((present != wanted) if not parents else not present <= wanted),
            inherits=tuple(parents),
        ))
    return result


@dataclass(frozen=True, slots=True)
class LocalePlan:
    """Which catalogues a pack ships (with their coverage) and which are left out, and why."""

    shipped: tuple[str, ...]
    coverage: Mapping[str, float]
    left_out: Mapping[str, str]


def plan_locales(project: Project) -> LocalePlan:
    """The locales a pack ships, and the ones left out with the reason (drafts, low coverage)."""
    if not project.pot_path.is_file():
        raise CatalogueError(project.pot_path, "no .pot: run `replykit extract` first")
    drafts = set(project.draft_locales)
    left_out: dict[str, str] = {}
    rows = stats(project)
    for row in rows:
        if row.locale in drafts:
            left_out[row.locale] = "draft ([locales] draft in replykit.toml)"
        elif row.coverage < project.min_coverage:
            left_out[row.locale] = f"{row.coverage:g}% translated, below min_coverage {project.min_coverage:g}%"
    for row in rows:  # a regional overlay without its parent would fall back to English
        missing = [parent for parent in row.inherits if parent in left_out]
        if row.locale not in left_out and missing:
            left_out[row.locale] = f"its parent catalogue {missing[0]} is left out"
    shipped = tuple(r.locale for r in rows if r.locale not in left_out)
    return LocalePlan(shipped, {r.locale: r.coverage for r in rows if r.locale in shipped}, left_out)


__all__ = ["BABEL_OPTIONS", "CatalogueStats", "DOMAIN", "LocalePlan", "Stale", "compile_all", "compile_catalogue", "extract",
           "extract_template", "init", "plan_locales", "stale_sources", "stats", "update"]
