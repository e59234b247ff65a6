"""Translation QA for .po catalogues (``po.*`` rules, ``catalog.stale``, coverage), parsed with polib.

Each entry is checked against its msgid (and msgid_plural): placeholders of the three styles, markup
as a multiset of tags and their non-translatable attributes, unsafe markup, template delimiters,
URLs, e-mail addresses, numbers, whitespace, unchanged or oddly long translations, plural forms. The
single-string message rules (emoji, e-mail, phone, links, promotion …) then run on each msgstr under
their own ids. Findings carry the file, the entry's line and the msgid as ``where``.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

import polib

from ..errors import CatalogueError
from ..plural_limits import PluralFormsError
from ..po import read_po
from .limits import MAX_CATALOGUE_BYTES, MAX_MSGSTR_CHARS, RULE_ID as TOO_LARGE
from .model import Finding, Message
from .placeholders import extract, malformed, strip_placeholders, uses_printf
from .plurals import check_plural_forms, parse_header, PluralError
from .profiles import Profile, catalogue_severities
from .registry import RULES
from .textutil import normalise
from .urls import find_urls

PO_RULE_IDS: tuple[str, ...] = (
    "po.syntax", "po.header.language", "po.header.plural-forms", "po.header.charset", "po.plural.count",
    "po.plural.empty", "po.untranslated", "po.fuzzy", "po.placeholder.missing", "po.placeholder.unknown",
    "po.placeholder.malformed", "po.placeholder.count", "po.markup.mismatch", "po.markup.unsafe",
    "po.template-syntax", "po.control-character", "po.url.mismatch", "po.email.mismatch", "po.number.mismatch", "po.whitespace",
    "po.unchanged", "po.length", "catalog.stale", "catalog.coverage",
)
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
#: bidi embeddings/overrides/isolates, zero-width characters, NUL and C0 controls but newline and tab
_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f]")


def _f(rule: str, file: str, entry: polib.POEntry | None, message: str, excerpt: str, line: int | None = None) -> Finding:
    where = entry.msgid if entry is not None else ""
    return Finding(rule, catalogue_severities().get(rule, "error"), file, where, line if line is not None else (entry.linenum if entry is not None else None),  # type: ignore[arg-type]
                   message, excerpt.replace("\n", "\\n")[:120])


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


def check_pair(msgid: str, msgstr: str, *, file: str, entry: polib.POEntry, lang: str, source_lang: str,
               also_known: str = "") -> Iterator[Finding]:
    """Rules comparing one translation with its source string (``also_known``: the other plural source,
    whose placeholders a plural form may use too)."""
    pid, pstr = extract(msgid), extract(msgstr)
    printf = uses_printf(msgid) or "python-format" in entry.flags
    known = pid.names() | (extract(also_known).names() if also_known else set())
    missing = [n for n in pid.names() if n not in pstr.names()]
    unknown = [n for n in pstr.names() if n not in known]
    bad = malformed(msgstr, msgid, printf)
    if missing:
        yield _f("po.placeholder.missing", file, entry, f"placeholder {', '.join(sorted(missing))} of the source is missing: the buyer's data would silently disappear", msgstr)
    if unknown:
        yield _f("po.placeholder.unknown", file, entry, f"placeholder {', '.join(sorted(unknown))} is not in the source: rendering fails", msgstr)
    if bad:
        yield _f("po.placeholder.malformed", file, entry, "; ".join(bad), msgstr)
    if pid.positional != pstr.positional:
        yield _f("po.placeholder.count", file, entry, f"{pstr.positional} positional placeholders (%s/%d), the source has {pid.positional}", msgstr)
    # template delimiters: injection when the translation adds any
    for d in _DELIMS:
        if msgstr.count(d) > msgid.count(d):
            yield _f("po.template-syntax", file, entry, f"translation adds template syntax {d}…: it would be executed by the template engine", msgstr)
            break
    added = sorted(set(_CONTROL.findall(msgstr)) - set(_CONTROL.findall(msgid)))
    if added:
        names = ", ".join(f"U+{ord(c):04X}" for c in added[:5])
        yield _f("po.control-character", file, entry, f"translation adds invisible control characters {names}: they reorder, hide or cut the text the buyer sees", msgstr)
    unsafe_str = _UNSAFE.findall(msgstr)
    unsafe_id = _UNSAFE.findall(msgid)
    if len(unsafe_str) > len(unsafe_id):
        yield _f("po.markup.unsafe", file, entry, f"translation adds unsafe markup {unsafe_str[0]!r}", msgstr)
    else:
        tid, tstr = _tags(msgid), _tags(msgstr)
        if tid != tstr:
            extra = list((tstr - tid).elements())
            gone = list((tid - tstr).elements())
            desc = []
            if gone:
                desc.append("missing " + ", ".join(f"<{t[0]}{' ' + ' '.join(t[1]) if t[1] else ''}>" for t in gone[:3]))
            if extra:
                desc.append("added " + ", ".join(f"<{t[0]}{' ' + ' '.join(t[1]) if t[1] else ''}>" for t in extra[:3]))
            yield _f("po.markup.mismatch", file, entry, "markup differs from the source: " + "; ".join(desc), msgstr)
    uid, ustr = _urls(msgid), _urls(msgstr)
    if uid != ustr:
        yield _f("po.url.mismatch", file, entry, f"URLs differ: source {sorted(uid) or 'none'}, translation {sorted(ustr) or 'none'}", msgstr)
    eid, estr = set(_EMAIL.findall(msgid)), set(_EMAIL.findall(normalise(msgstr)))
    if {e.lower() for e in eid} != estr:
        yield _f("po.email.mismatch", file, entry, f"e-mail addresses differ: source {sorted(eid) or 'none'}, translation {sorted(estr) or 'none'}", msgstr)
    nid, nstr = _numbers(msgid), _numbers(msgstr)
    lost = sorted(n for n in nid - nstr if n)
    if lost:
        yield _f("po.number.mismatch", file, entry, f"number(s) {', '.join(lost)} of the source are missing", msgstr)
    ws = []
    if (msgid[:1].isspace()) != (msgstr[:1].isspace()):
        ws.append("leading whitespace")
    if (msgid[-1:].isspace()) != (msgstr[-1:].isspace()):
        ws.append("trailing whitespace")
    if msgid.count("\n") != msgstr.count("\n"):
        ws.append(f"{msgstr.count(chr(10))} line breaks, source has {msgid.count(chr(10))}")
    if "  " in msgstr and "  " not in msgid:
        ws.append("double space")
    if ws:
        yield _f("po.whitespace", file, entry, "whitespace differs: " + ", ".join(ws), msgstr)
    bare_id = strip_placeholders(msgid)
    if lang and lang != source_lang and msgstr == msgid and _letters(bare_id) >= 4 and len(bare_id.split()) >= 2:
        yield _f("po.unchanged", file, entry, f"translation identical to the source in locale {lang}", msgstr)
    if len(msgid) >= 15 and msgstr:
        lo, hi = _ratio_bounds(lang)
        r = len(msgstr) / len(msgid)
        if r < lo or r > hi:
            yield _f("po.length", file, entry, f"translation is {r:.1f}x the source length (usual {lo}-{hi}x for {lang or 'this locale'})", msgstr)


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


def _read(path: Path, file: str) -> tuple[polib.POFile | None, list[Finding]]:
    findings: list[Finding] = []
    raw = path.read_bytes()
    m = _CHARSET.search(raw[:4000])
    declared = (m.group(1).decode("ascii", "replace") if m else "").lower()
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8",):
        findings.append(_f("po.header.charset", file, None, f"charset {declared} declared: catalogues must be UTF-8", declared, 1))
    enc = declared if declared and declared not in ("charset",) else "utf-8"
    try:
        raw.decode(enc if _codec_ok(enc) else "utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        findings.append(_f("po.header.charset", file, None, f"bytes not decodable as {enc} ({exc.reason})", raw[max(0, exc.start - 20):exc.start + 20].decode("latin-1"), line))
        return None, findings
    text = raw.decode(enc if _codec_ok(enc) else "utf-8")
    try:  # the one .po reader decides what parses (as compile, stats and build do)
        read_po(path)
    except CatalogueError as exc:
        rule = "po.header.plural-forms" if isinstance(exc, PluralFormsError) else "po.syntax"
        findings.append(_f(rule, file, None, f"line {exc.line}: {exc.reason}" if exc.line else exc.reason,
                           exc.reason, exc.line))
        return None, findings
    try:
        po = polib.pofile(text, encoding=enc if _codec_ok(enc) else "utf-8", wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as exc:
        msg = str(exc)
        lm = re.search(r"line (\d+)", msg)
        findings.append(_f("po.syntax", file, None, f"cannot parse: {msg}", msg, int(lm.group(1)) if lm else None))
        return None, findings
    return po, findings


def _codec_ok(enc: str) -> bool:
    try:
        b" ".decode(enc, "ignore")  # a text encoding: bz2, rot13, hex, base64, zlib and uu are codecs but not that
        return True
    except LookupError:
        return False


def check_catalogue(path: Path, *, profile: Profile, pot_path: Path | None = None, source_locale: str = "en") -> list[Finding]:
    file = str(path)
    if not path.is_file():
        return [_f("po.syntax", file, None, "no such file", file, None)]
    size = path.stat().st_size
    if size > MAX_CATALOGUE_BYTES:
        big = _f(TOO_LARGE, file, None, f"catalogue of {size:,} bytes, more than the limit of {MAX_CATALOGUE_BYTES:,}: not checked", file, 1)
        return list(_with_profile_severity([big], profile))
    po, findings = _read(path, file)
    if po is None:
        return list(_with_profile_severity(findings, profile))
    meta = po.metadata
    path_locale = locale_from_path(path)
    header_lang = meta.get("Language", "").strip()
    lang_tag = header_lang or path_locale or ""
    lang = lang_tag.replace("-", "_").split("_")[0].lower()
    source_lang = source_locale.replace("-", "_").split("_")[0].lower()
    if not header_lang:
        findings.append(_f("po.header.language", file, None, "Language header missing", "", 1))
    elif path_locale:
        h, p = _norm_locale(header_lang), _norm_locale(path_locale)
        if h.split("_")[0] != p.split("_")[0] or ("_" in p and "_" in h and h != p):
            findings.append(_f("po.header.language", file, None, f"Language header {header_lang!r} but the catalogue is for {path_locale!r}", header_lang, 1))
    pf = meta.get("Plural-Forms")
    problem = check_plural_forms(pf, lang_tag or None)
    nplurals = None
    single_n_forms: set[int] = set()
    if pf:
        try:
            nplurals, _expr, fn = parse_header(pf)
            counts = Counter(fn(n) for n in range(1001))
            single_n_forms = {form for form, c in counts.items() if c == 1}
        except PluralError:
            nplurals = None
    has_plural = any(e.msgid_plural for e in po if not e.obsolete)
    if problem and (pf or has_plural):
        findings.append(_f("po.header.plural-forms", file, None, problem, pf or "", 1))
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        longest = max((entry.msgid, entry.msgid_plural or "", entry.msgstr or "", *entry.msgstr_plural.values()), key=len)
        if len(longest) > MAX_MSGSTR_CHARS:
            findings.append(_f(TOO_LARGE, file, entry, f"entry has a string of {len(longest):,} characters, more than the limit of {MAX_MSGSTR_CHARS:,}: not checked further", longest[:60]))
            continue
        if "fuzzy" in entry.flags:
            findings.append(_f("po.fuzzy", file, entry, "entry is fuzzy: it is not used until a translator confirms it", entry.msgstr or entry.msgid))
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            values = [forms[k] for k in sorted(forms)]
            if nplurals is not None and len(forms) != nplurals:
                findings.append(_f("po.plural.count", file, entry, f"{len(forms)} plural forms, the header says nplurals={nplurals}", " | ".join(values)))
            filled = [v for v in values if v.strip()]
            if not filled:
                findings.append(_f("po.untranslated", file, entry, "not translated: the source text is shown instead", entry.msgid))
                continue
            if len(filled) != len(values):
                findings.append(_f("po.plural.empty", file, entry, f"{len(values) - len(filled)} of {len(values)} plural forms are empty", " | ".join(values)))
            for i, v in enumerate(values):
                if not v.strip():
                    continue
                src = entry.msgid if (i == 0 and nplurals != 1) else entry.msgid_plural
                other = entry.msgid_plural if src is entry.msgid else entry.msgid
                # a form may legitimately drop the count in languages where it reads "one"
                for f in check_pair(src, v, file=file, entry=entry, lang=lang, source_lang=source_lang, also_known=other):
                    # a form used for exactly one n ("one", "two", Arabic "zero") may spell the number out
                    if f.rule == "po.placeholder.missing" and (i in single_n_forms or (i == 0 and not single_n_forms and nplurals and nplurals > 1)):
                        continue
                    if f.rule == "po.number.mismatch":
                        continue
                    findings.append(f)
                findings += _message_rules(v, file=file, entry=entry, profile=profile)
            continue
        if not entry.msgstr.strip():
            findings.append(_f("po.untranslated", file, entry, "not translated: the source text is shown instead", entry.msgid))
            continue
        findings += check_pair(entry.msgid, entry.msgstr, file=file, entry=entry, lang=lang, source_lang=source_lang)
        findings += _message_rules(entry.msgstr, file=file, entry=entry, profile=profile)
    if pot_path is not None:
        findings += stale(po, pot_path, file)
    return _dedupe(_with_profile_severity(findings, profile))


def _with_profile_severity(findings: Iterable[Finding], profile: Profile) -> Iterator[Finding]:
    """Catalogue rules at the severity the profile gives them (``severity."po.fuzzy" = "off"`` in
    ``replykit.toml`` drops them); message rules on msgstrs already carry theirs."""
    for f in findings:
        if f.rule in PO_RULE_IDS:
            sev = profile.severity(f.rule)
            if sev == "off":
                continue
            if sev != f.severity:
                f = Finding(f.rule, sev, f.file, f.where, f.line, f.message, f.excerpt)  # type: ignore[arg-type]
        yield f


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


def stale(po: polib.POFile, pot_path: Path, file: str) -> list[Finding]:
    """catalog.stale: the .pot has msgids the .po lacks (or the .po keeps msgids the .pot dropped)."""
    try:
        pot = polib.pofile(str(pot_path), wrapwidth=0)
    except (OSError, ValueError) as exc:
        return [_f("po.syntax", str(pot_path), None, f"cannot parse template: {exc}", str(exc), None)]
    want = {_key(e) for e in pot if not e.obsolete and e.msgid}
    have = {_key(e) for e in po if not e.obsolete and e.msgid}
    new, gone = want - have, have - want
    if not new and not gone:
        return []
    sample = sorted(k[1] for k in new)[:1] or sorted(k[1] for k in gone)[:1]
    return [_f("catalog.stale", file, None, f"template changed since this catalogue was updated: {len(new)} new, {len(gone)} removed msgids (run update)", sample[0] if sample else "", 1)]


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
        elif e.translated():
            translated += 1
        else:
            untranslated += 1
    return translated, fuzzy, untranslated, obsolete
