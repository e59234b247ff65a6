"""Translation QA for .po catalogues (``po.*`` rules, ``catalog.stale``), parsed with polib.

One registered function per rule id (:func:`~.registry.po_rule`), like the message rules, each at
the severity the profile gives it (``severity."po.fuzzy" = "off"`` in ``replykit.toml`` turns one
off). Scopes: the file's headers, each entry (fuzzy, untranslated, plural forms), each translation
against its msgid or msgid_plural (placeholders of the three styles, markup as a multiset of tags and
their non-translatable attributes, unsafe markup, template delimiters, control characters, URLs,
e-mail addresses, numbers, whitespace, unchanged or oddly long translations), and the file against
its .pot. ``po.syntax`` and ``po.header.charset`` come from reading the file: a catalogue that cannot
be read is not checked further. The single-string message rules (emoji, e-mail, phone, links,
promotion …) then run on each translation under their own ids. Findings carry the file, the entry's
line and the msgid as ``where``.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

import polib

from ..errors import CatalogueError
from ..plural_limits import PluralFormsError
from ..po import read_po, translated as is_translated
from .limits import MAX_CATALOGUE_BYTES, MAX_MSGSTR_CHARS, RULE_ID as TOO_LARGE
from .model import Finding, Message
from .placeholders import extract, malformed, strip_placeholders, uses_printf
from .plurals import check_plural_forms, parse_header, PluralError
from .profiles import Profile, catalogue_severities
from .registry import PO_RULES, RULES, Said, po_rule
from .textutil import normalise
from .urls import find_urls

#: every catalogue rule id of the rule book (``catalog.coverage`` is the project's ``stats`` threshold)
PO_RULE_IDS: tuple[str, ...] = tuple(catalogue_severities())
#: the ids reading a file raises (it is then not checked further); every other one is a registered rule
READER_RULE_IDS: tuple[str, ...] = ("po.syntax", "po.header.charset", "po.header.plural-forms")
CJK_TARGETS = {"ja", "zh", "ko"}
_LOCALE_DIR = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4}){0,2}$")
_CHARSET = re.compile(rb"charset\s*=\s*([\w.:-]+)", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_ATTR = re.compile(r"([^\s=>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_COMPARED_ATTRS = {"href", "src", "class", "id", "style", "target", "rel", "width", "height", "name", "type"}
_UNSAFE = re.compile(r"(?i)<\s*(?:script|style|iframe|object|embed|form|meta|link|base|svg|math)\b|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html|srcdoc\s*=")
# the local part starts where a run of its characters starts and is taken whole: linear on "a" * 10**6
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_DIGITS = re.compile(r"\d+(?:[.,\u066b\u066c ]\d+)*")
_DELIMS = ("{{", "{%", "{#")
#: bidi embeddings/overrides/isolates, zero-width characters, NUL, C0 controls but newline and tab,
#: DEL and the C1 controls (U+0080-009F: NEL breaks lines, CSI starts terminal escape sequences)
_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]")


def locale_from_path(path: Path) -> str | None:
    """locale/<ll_CC>/LC_MESSAGES/x.po, <ll_CC>.po, x.<ll>.po or x-<ll>.po -> 'll_CC'."""
    parts = path.parts
    if "LC_MESSAGES" in parts:
        i = parts.index("LC_MESSAGES")
        if i > 0 and _LOCALE_DIR.match(parts[i - 1]):
            return parts[i - 1].replace("-", "_")
    stem = path.stem
    if _LOCALE_DIR.match(stem):
        return stem.replace("-", "_")
    for sep in (".", "-", "_"):
        tail = stem.rsplit(sep, 1)[-1] if sep in stem else ""
        if tail and _LOCALE_DIR.match(tail) and len(tail) <= 5:
            return tail
    return None


def _norm_locale(v: str) -> str:
    return v.strip().replace("-", "_").lower()


def _tags(s: str) -> Counter:
    out: Counter = Counter()
    if "<" not in s:
        return out
    for m in _TAG.finditer(s):
        name = m.group(2).lower()
        attrs = []
        for a in _ATTR.finditer(m.group(3) or ""):
            an = a.group(1).lower()
            val = (a.group(2) or "").strip("\"'")
            attrs.append(f"{an}={val}" if an in _COMPARED_ATTRS else an)
        out[(m.group(1) + name, tuple(sorted(attrs)))] += 1
    return out


def _urls(s: str) -> set[str]:
    return {u.url.rstrip("/") for u in find_urls(s, bare=False)}


def _numbers(s: str) -> set[str]:
    s = strip_placeholders(s)
    return {re.sub(r"\D", "", normalise(m.group())) for m in _DIGITS.finditer(normalise(s))}


def _ratio_bounds(lang: str) -> tuple[float, float]:
    if lang in CJK_TARGETS:
        return 0.12, 1.6
    if lang == "ar":
        return 0.4, 2.5
    return 0.4, 2.8


def _letters(s: str) -> int:
    return sum(1 for ch in s if ch.isalpha())


class Catalogue(NamedTuple):
    """One parsed catalogue, as the file-level and template rules see it."""

    file: str
    po: polib.POFile
    header_lang: str  # the Language header as written ("" when absent)
    path_locale: str | None  # the locale its path names
    lang: str  # base language of the catalogue ("de")
    nplurals: int | None  # from a parseable Plural-Forms header
    single_n_forms: frozenset[int]  # plural forms used for exactly one n ("one", "two", Arabic "zero")
    pot: polib.POFile | None  # the template it was made from, when given


class Entry(NamedTuple):
    """One entry of a catalogue."""

    entry: polib.POEntry
    catalogue: Catalogue

    @property
    def forms(self) -> list[str]:
        """The plural forms in index order ([] for a singular entry)."""
        forms = self.entry.msgstr_plural
        return [forms[k] for k in sorted(forms)] if self.entry.msgid_plural else []


class Pair(NamedTuple):
    """One translation judged against its source (a plural entry gives one pair per filled form)."""

    source: str
    translation: str
    entry: polib.POEntry
    lang: str
    source_lang: str
    also_known: str = ""  # the other plural source, whose placeholders a form may use too
    plural: bool = False  # a form of a plural entry
    counts_one: bool = False  # a form used for exactly one n: it may spell the number out


def has_text(entry: polib.POEntry) -> bool:
    """A msgstr (or any plural form) with text: something to judge against the source. A fuzzy or
    partly translated entry is judged too (``po.fuzzy`` and ``po.plural.empty`` say it is not used
    yet); what counts as translated is :func:`replykit.po.translated`."""
    if entry.msgid_plural:
        return any(v.strip() for v in entry.msgstr_plural.values())
    return bool(entry.msgstr.strip())


# ---- file -------------------------------------------------------------------------------------
@po_rule("po.header.language", scope="file")
def header_language(cat: Catalogue) -> Iterator[Said]:
    if not cat.header_lang:
        yield Said("Language header missing", "", 1)
    elif cat.path_locale:
        h, p = _norm_locale(cat.header_lang), _norm_locale(cat.path_locale)
        if h.split("_")[0] != p.split("_")[0] or ("_" in p and "_" in h and h != p):
            yield Said(f"Language header {cat.header_lang!r} but the catalogue is for {cat.path_locale!r}", cat.header_lang, 1)


@po_rule("po.header.plural-forms", scope="file")
def header_plural_forms(cat: Catalogue) -> Iterator[Said]:
    pf = cat.po.metadata.get("Plural-Forms")
    problem = check_plural_forms(pf, (cat.header_lang or cat.path_locale or "") or None)
    if problem and (pf or any(e.msgid_plural for e in cat.po if not e.obsolete)):
        yield Said(problem, pf or "", 1)


# ---- entry ------------------------------------------------------------------------------------
@po_rule("po.fuzzy", scope="entry")
def fuzzy(e: Entry) -> Iterator[Said]:
    if "fuzzy" in e.entry.flags:
        yield Said("entry is fuzzy: it is not used until a translator confirms it", e.entry.msgstr or e.entry.msgid)


@po_rule("po.plural.count", scope="entry")
def plural_count(e: Entry) -> Iterator[Said]:
    nplurals = e.catalogue.nplurals
    if e.entry.msgid_plural and nplurals is not None and len(e.entry.msgstr_plural) != nplurals:
        yield Said(f"{len(e.entry.msgstr_plural)} plural forms, the header says nplurals={nplurals}", " | ".join(e.forms))


@po_rule("po.untranslated", scope="entry")
def untranslated(e: Entry) -> Iterator[Said]:
    if not has_text(e.entry):
        yield Said("not translated: the source text is shown instead", e.entry.msgid)


@po_rule("po.plural.empty", scope="entry")
def plural_empty(e: Entry) -> Iterator[Said]:
    values = e.forms
    empty = sum(1 for v in values if not v.strip())
    if values and empty and empty < len(values):
        yield Said(f"{empty} of {len(values)} plural forms are empty", " | ".join(values))


# ---- translation against its source ------------------------------------------------------------
def _printf(p: Pair) -> bool:
    return uses_printf(p.source) or "python-format" in p.entry.flags


@po_rule("po.placeholder.missing", scope="pair")
def placeholder_missing(p: Pair) -> Iterator[Said]:
    if p.counts_one:
        return  # a form used for exactly one n may spell the count out
    have = extract(p.translation).names()
    missing = [n for n in extract(p.source).names() if n not in have]
    if missing:
        yield Said(f"placeholder {', '.join(sorted(missing))} of the source is missing: the buyer's data would silently disappear", p.translation)


@po_rule("po.placeholder.unknown", scope="pair")
def placeholder_unknown(p: Pair) -> Iterator[Said]:
    known = extract(p.source).names() | (extract(p.also_known).names() if p.also_known else set())
    unknown = [n for n in extract(p.translation).names() if n not in known]
    if unknown:
        yield Said(f"placeholder {', '.join(sorted(unknown))} is not in the source: rendering fails", p.translation)


@po_rule("po.placeholder.malformed", scope="pair")
def placeholder_malformed(p: Pair) -> Iterator[Said]:
    bad = malformed(p.translation, p.source, _printf(p))
    if bad:
        yield Said("; ".join(bad), p.translation)


@po_rule("po.placeholder.count", scope="pair")
def placeholder_count(p: Pair) -> Iterator[Said]:
    pid, pstr = extract(p.source), extract(p.translation)
    if pid.positional != pstr.positional:
        yield Said(f"{pstr.positional} positional placeholders (%s/%d), the source has {pid.positional}", p.translation)


@po_rule("po.template-syntax", scope="pair")
def template_syntax(p: Pair) -> Iterator[Said]:
    for d in _DELIMS:  # injection when the translation adds any
        if p.translation.count(d) > p.source.count(d):
            yield Said(f"translation adds template syntax {d}…: it would be executed by the template engine", p.translation)
            return


@po_rule("po.control-character", scope="pair")
def control_character(p: Pair) -> Iterator[Said]:
    added = sorted(set(_CONTROL.findall(p.translation)) - set(_CONTROL.findall(p.source)))
    if added:
        names = ", ".join(f"U+{ord(c):04X}" for c in added[:5])
        yield Said(f"translation adds invisible control characters {names}: they reorder, hide or cut the text the buyer sees", p.translation)


def _adds_unsafe(p: Pair) -> list[str]:
    """The unsafe markup of the translation when it has more than its source, else []."""
    got = _UNSAFE.findall(p.translation)
    return got if len(got) > len(_UNSAFE.findall(p.source)) else []


@po_rule("po.markup.unsafe", scope="pair")
def markup_unsafe(p: Pair) -> Iterator[Said]:
    unsafe = _adds_unsafe(p)
    if unsafe:
        yield Said(f"translation adds unsafe markup {unsafe[0]!r}", p.translation)


@po_rule("po.markup.mismatch", scope="pair")
def markup_mismatch(p: Pair) -> Iterator[Said]:
    if _adds_unsafe(p):
        return  # po.markup.unsafe says it
    tid, tstr = _tags(p.source), _tags(p.translation)
    if tid != tstr:
        extra = list((tstr - tid).elements())
        gone = list((tid - tstr).elements())
        desc = []
        if gone:
            desc.append("missing " + ", ".join(f"<{t[0]}{' ' + ' '.join(t[1]) if t[1] else ''}>" for t in gone[:3]))
        if extra:
            desc.append("added " + ", ".join(f"<{t[0]}{' ' + ' '.join(t[1]) if t[1] else ''}>" for t in extra[:3]))
        yield Said("markup differs from the source: " + "; ".join(desc), p.translation)


@po_rule("po.url.mismatch", scope="pair")
def url_mismatch(p: Pair) -> Iterator[Said]:
    uid, ustr = _urls(p.source), _urls(p.translation)
    if uid != ustr:
        yield Said(f"URLs differ: source {sorted(uid) or 'none'}, translation {sorted(ustr) or 'none'}", p.translation)


@po_rule("po.email.mismatch", scope="pair")
def email_mismatch(p: Pair) -> Iterator[Said]:
    eid, estr = set(_EMAIL.findall(p.source)), set(_EMAIL.findall(normalise(p.translation)))
    if {e.lower() for e in eid} != estr:
        yield Said(f"e-mail addresses differ: source {sorted(eid) or 'none'}, translation {sorted(estr) or 'none'}", p.translation)


@po_rule("po.number.mismatch", scope="pair")
def number_mismatch(p: Pair) -> Iterator[Said]:
    if p.plural:
        return  # a plural form may write its count out ('one item', 'zwei Artikel')
    lost = sorted(n for n in _numbers(p.source) - _numbers(p.translation) if n)
    if lost:
        yield Said(f"number(s) {', '.join(lost)} of the source are missing", p.translation)


@po_rule("po.whitespace", scope="pair")
def whitespace(p: Pair) -> Iterator[Said]:
    src, tr = p.source, p.translation
    ws = []
    if (src[:1].isspace()) != (tr[:1].isspace()):
        ws.append("leading whitespace")
    if (src[-1:].isspace()) != (tr[-1:].isspace()):
        ws.append("trailing whitespace")
    if src.count("\n") != tr.count("\n"):
        ws.append(f"{tr.count(chr(10))} line breaks, source has {src.count(chr(10))}")
    if "  " in tr and "  " not in src:
        ws.append("double space")
    if ws:
        yield Said("whitespace differs: " + ", ".join(ws), tr)


@po_rule("po.unchanged", scope="pair")
def unchanged(p: Pair) -> Iterator[Said]:
    bare = strip_placeholders(p.source)
    if p.lang and p.lang != p.source_lang and p.translation == p.source and _letters(bare) >= 4 and len(bare.split()) >= 2:
        yield Said(f"translation identical to the source in locale {p.lang}", p.translation)


@po_rule("po.length", scope="pair")
def length(p: Pair) -> Iterator[Said]:
    if len(p.source) >= 15 and p.translation:
        lo, hi = _ratio_bounds(p.lang)
        r = len(p.translation) / len(p.source)
        if r < lo or r > hi:
            yield Said(f"translation is {r:.1f}x the source length (usual {lo}-{hi}x for {p.lang or 'this locale'})", p.translation)


# ---- against the template -------------------------------------------------------------------------
@po_rule("catalog.stale", scope="template")
def catalog_stale(cat: Catalogue) -> Iterator[Said]:
    """The .pot has msgids the .po lacks (or the .po keeps msgids the .pot dropped)."""
    if cat.pot is None:
        return
    want = {_key(e) for e in cat.pot if not e.obsolete and e.msgid}
    have = {_key(e) for e in cat.po if not e.obsolete and e.msgid}
    new, gone = want - have, have - want
    if not new and not gone:
        return
    sample = sorted(k[1] for k in new)[:1] or sorted(k[1] for k in gone)[:1]
    yield Said(f"template changed since this catalogue was updated: {len(new)} new, {len(gone)} removed msgids (run update)",
               sample[0] if sample else "", 1)


def pairs(e: Entry, source_lang: str) -> Iterator[Pair]:
    """The translations of a translated entry, each with the source it is judged against."""
    entry, cat = e.entry, e.catalogue
    if not entry.msgid_plural:
        yield Pair(entry.msgid, entry.msgstr, entry, cat.lang, source_lang)
        return
    nplurals, single = cat.nplurals, cat.single_n_forms
    for i, v in enumerate(e.forms):
        if not v.strip():
            continue
        src = entry.msgid if (i == 0 and nplurals != 1) else entry.msgid_plural
        other = entry.msgid_plural if src is entry.msgid else entry.msgid
        counts_one = i in single or (i == 0 and not single and bool(nplurals) and nplurals > 1)  # type: ignore[operator]
        yield Pair(src, v, entry, cat.lang, source_lang, other, True, counts_one)


def _message_rules(msgstr: str, *, file: str, entry: polib.POEntry, profile: Profile) -> Iterator[Finding]:
    """Single-string message rules on one translation, reported with the entry's line and msgid."""
    from .lint import run_rules  # late import: lint imports this module
    from .view import MessageView

    text = _markup_to_text(strip_placeholders(msgstr))
    if not text.strip():
        return
    view = MessageView(Message("", text=text), profile, catalogue=True)
    for f in run_rules(view, only=_CATALOGUE_RULES()):
        yield Finding(f.rule, f.severity, file, entry.msgid, entry.linenum, f.message, f.excerpt)


# linear on untrusted text: a tag is matched whole (it cannot contain "<" or ">"), its href looked up inside
_A_TAG = re.compile(r"(?i)<a\b[^<>]*+>")
_HREF = re.compile(r"""(?i)\bhref\s*=\s*["']?([^"'\s>]+)""")
_ANY_TAG = re.compile(r"<[^<>]++>")


def _link_target(m: re.Match[str]) -> str:
    href = _HREF.search(m.group())
    return f" {href.group(1)} " if href else m.group()


def _markup_to_text(s: str) -> str:
    """What a reader sees of a translated fragment: text, plus link targets (image sources are not links)."""
    if "<" not in s:
        return s
    return _ANY_TAG.sub(" ", _A_TAG.sub(_link_target, s))


def _CATALOGUE_RULES() -> list[str]:
    from . import lint  # noqa: F401  (ensures rules are registered)

    return [rid for rid, spec in RULES.items() if spec.catalogue]


Problem = tuple[str, Said]  # (rule id, what) found while reading a file


def _read(path: Path) -> tuple[polib.POFile | None, list[Problem]]:
    """The parsed catalogue, or None with the ``po.syntax`` / ``po.header.*`` problem that stops it."""
    problems: list[Problem] = []
    raw = path.read_bytes()
    m = _CHARSET.search(raw[:4000])
    declared = (m.group(1).decode("ascii", "replace") if m else "").lower()
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8",):
        problems.append(("po.header.charset", Said(f"charset {declared} declared: catalogues must be UTF-8", declared, 1)))
    enc = declared if declared and declared not in ("charset",) else "utf-8"
    try:
        raw.decode(enc if _codec_ok(enc) else "utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(("po.header.charset", Said(f"bytes not decodable as {enc} ({exc.reason})",
                                                   raw[max(0, exc.start - 20):exc.start + 20].decode("latin-1"), line)))
        return None, problems
    try:  # the one .po reader decides what parses (as compile, stats and build do)
        read_po(path)
    except CatalogueError as exc:
        rule = "po.header.plural-forms" if isinstance(exc, PluralFormsError) else "po.syntax"
        problems.append((rule, Said(f"line {exc.line}: {exc.reason}" if exc.line else exc.reason, exc.reason, exc.line)))
        return None, problems
    try:
        # from the file, read line by line: given the text, polib would split it with str.splitlines(),
        # which also breaks at NEL (U+0085), U+2028 and the C0 separators inside a msgstr
        po = polib.pofile(str(path), encoding=enc if _codec_ok(enc) else "utf-8", wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as exc:
        msg = str(exc)
        lm = re.search(r"line (\d+)", msg)
        problems.append(("po.syntax", Said(f"cannot parse: {msg}", msg, int(lm.group(1)) if lm else None)))
        return None, problems
    return po, problems


def _codec_ok(enc: str) -> bool:
    try:
        b" ".decode(enc, "ignore")  # a text encoding: bz2, rot13, hex, base64, zlib and uu are codecs but not that
        return True
    except LookupError:
        return False


def _finding(rule: str, severity: str, file: str, said: Said, entry: polib.POEntry | None = None) -> Finding:
    where = entry.msgid if entry is not None else ""
    line = said.line if said.line is not None or entry is None else entry.linenum
    return Finding(rule, severity, file, where, line, said.message, said.excerpt.replace("\n", "\\n")[:120])  # type: ignore[arg-type]


def _catalogue(po: polib.POFile, path: Path, file: str, pot: polib.POFile | None) -> Catalogue:
    meta = po.metadata
    header_lang = meta.get("Language", "").strip()
    path_locale = locale_from_path(path)
    lang = (header_lang or path_locale or "").replace("-", "_").split("_")[0].lower()
    nplurals, single = None, frozenset()
    pf = meta.get("Plural-Forms")
    if pf:
        try:
            nplurals, _expr, fn = parse_header(pf)
            counts = Counter(fn(n) for n in range(1001))
            single = frozenset(form for form, c in counts.items() if c == 1)
        except PluralError:
            nplurals = None
    return Catalogue(file, po, header_lang, path_locale, lang, nplurals, single, pot)


def check_catalogue(path: Path, *, profile: Profile, pot_path: Path | None = None, source_locale: str = "en") -> list[Finding]:
    """Every catalogue rule ``profile`` turns on (see :data:`~.registry.PO_RULES`), plus the
    single-string message rules on each translation, at the profile's severities."""
    file = str(path)
    out: list[Finding] = []

    def report(rule: str, said: Said, entry: polib.POEntry | None = None, where_file: str = file) -> None:
        sev = profile.severity(rule)
        if sev != "off":
            out.append(_finding(rule, sev, where_file, said, entry))

    if not path.is_file():
        report("po.syntax", Said("no such file", file))
        return out
    size = path.stat().st_size
    if size > MAX_CATALOGUE_BYTES:
        report(TOO_LARGE, Said(f"catalogue of {size:,} bytes, more than the limit of {MAX_CATALOGUE_BYTES:,}: not checked", file, 1))
        return out
    po, problems = _read(path)
    for rule, said in problems:
        report(rule, said)
    if po is None:
        return out
    pot = None
    if pot_path is not None:
        try:
            pot = polib.pofile(str(pot_path), wrapwidth=0)
        except (OSError, ValueError) as exc:
            report("po.syntax", Said(f"cannot parse template: {exc}", str(exc)), where_file=str(pot_path))
    cat = _catalogue(po, path, file, pot)
    source_lang = source_locale.replace("-", "_").split("_")[0].lower()
    active: dict[str, list[tuple[str, Any]]] = {"file": [], "entry": [], "pair": [], "template": []}
    for rid, spec in PO_RULES.items():
        if profile.severity(rid) != "off":
            active[spec.scope].append((rid, spec.fn))
    for rid, fn in active["file"]:
        for said in fn(cat):
            report(rid, said)
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        longest = max((entry.msgid, entry.msgid_plural or "", entry.msgstr or "", *entry.msgstr_plural.values()), key=len)
        if len(longest) > MAX_MSGSTR_CHARS:
            report(TOO_LARGE, Said(f"entry has a string of {len(longest):,} characters, more than the limit of {MAX_MSGSTR_CHARS:,}: not checked further", longest[:60]), entry)
            continue
        e = Entry(entry, cat)
        for rid, fn in active["entry"]:
            for said in fn(e):
                report(rid, said, entry)
        if not has_text(entry):
            continue
        for pair in pairs(e, source_lang):
            for rid, fn in active["pair"]:
                for said in fn(pair):
                    report(rid, said, entry)
            out.extend(_message_rules(pair.translation, file=file, entry=entry, profile=profile))
    for rid, fn in active["template"]:
        for said in fn(cat):
            report(rid, said)
    return _dedupe(out)


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.rule, f.file, f.line, f.where, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _key(e: polib.POEntry) -> tuple[str | None, str, str]:
    return (e.msgctxt, e.msgid, e.msgid_plural or "")


def catalogue_coverage(po_path: str | Path) -> tuple[int, int, int, int]:
    """(translated, fuzzy, untranslated, obsolete) entry counts; fuzzy ones are not translated."""
    po = polib.pofile(str(po_path), wrapwidth=0)
    translated = fuzzy = untranslated = obsolete = 0
    for e in po:
        if not e.msgid:
            continue
        if e.obsolete:
            obsolete += 1
        elif "fuzzy" in e.flags:
            fuzzy += 1
        elif is_translated(False, e.msgstr_plural.values() if e.msgid_plural else (e.msgstr,)):
            translated += 1
        else:
            untranslated += 1
    return translated, fuzzy, untranslated, obsolete
