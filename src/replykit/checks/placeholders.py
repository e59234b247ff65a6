"""Placeholders in gettext strings, in the three styles replykit meets: printf (``%(name)s``, ``%s``),
str.format (``{name}``) and Jinja (``{{ name }}``), plus malformed variants a translator produces."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Linear on untrusted text: the inside of a block stops at the next opener or closer (possessive), so a
# run of unclosed openers ("{{" * 200000) costs one pass; ``_inner`` trims the whitespace and "-" markers.
JINJA_VAR = re.compile(r"\{\{((?:(?!\{\{|\}\}).)*+)\}\}", re.S)
JINJA_TAG = re.compile(r"\{%((?:(?!\{%|%\}).)*+)%\}", re.S)
JINJA_COMMENT = re.compile(r"\{#(?:(?!\{#|#\}).)*+#\}", re.S)
PRINTF_NAMED = re.compile(r"%\((\w+)\)[#0\- +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]")
PRINTF_POS = re.compile(r"%(?:\d+\$)?[#0\-+]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrs]")
BRACE = re.compile(r"(?<!\{)\{(\w*(?:\.\w+|\[\w+\])*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")

MALFORMED = [
    (re.compile(r"%\(\w+\)(?![#0\- +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa])"), "%(name) without a conversion type"),
    (re.compile(r"%\s+\(\w+\)\w?"), "space between % and (name)"),
    (re.compile(r"%\(\s+\w+\s*\)\w|%\(\w+\s+\)\w"), "spaces inside %( )"),
    (re.compile(r"(?<!\{)\{\w+(?![\w.\[\]!:}])"), "{name without closing brace"),
    (re.compile(r"(?<![{\w])\w+\}(?!\})"), "name} without opening brace"),
    (re.compile(r"\{\{[^{}]*\}(?!\})|(?<!\{)\{[^{}]*\}\}"), "unbalanced {{ }}"),
    (re.compile(r"(?<![%\w])\((\w+)\)s\b"), "(name)s without %"),
]
_STRAY_PERCENT = re.compile(r"%")
_PCT_OK = re.compile(r"%%|%\(\w+\)[#0\- +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]|%(?:\d+\$)?[#0\-+]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrs]")


@dataclass(frozen=True)
class Placeholders:
    named: Counter  # name (style-prefixed) -> count
    positional: int  # %s / %d count
    jinja_blocks: int  # {{ … }} + {% … %} + {# … #}

    def names(self) -> set[str]:
        return set(self.named)


def _inner(body: str) -> str:
    """The expression of a Jinja block's inside: without the ``-`` whitespace markers, spaces collapsed."""
    body = body.strip()
    body = body[1:] if body.startswith("-") else body
    body = body[:-1] if body.endswith("-") else body
    return re.sub(r"\s+", " ", body).strip()


def extract(s: str) -> Placeholders:
    named: Counter = Counter()
    rest = s
    jinja = 0
    for m in JINJA_VAR.finditer(rest):
        named["{{" + _inner(m.group(1)) + "}}"] += 1
        jinja += 1
    for m in JINJA_TAG.finditer(rest):
        named["{%" + _inner(m.group(1)) + "%}"] += 1
        jinja += 1
    jinja += len(JINJA_COMMENT.findall(rest))
    rest = JINJA_COMMENT.sub(" ", JINJA_TAG.sub(" ", JINJA_VAR.sub(" ", rest)))
    for m in PRINTF_NAMED.finditer(rest):
        named["%(" + m.group(1) + ")"] += 1
    no_named = PRINTF_NAMED.sub(" ", rest.replace("%%", "  "))
    positional = len(PRINTF_POS.findall(no_named))
    for m in BRACE.finditer(rest):
        if m.group(1) is not None:
            named["{" + m.group(1) + "}"] += 1
    return Placeholders(named, positional, jinja)


def printf_types(s: str) -> dict[str, set[str]]:
    """Conversion types used per printf name: {'days': {'s'}}."""
    out: dict[str, set[str]] = {}
    for m in PRINTF_NAMED.finditer(s):
        out.setdefault(m.group(1), set()).add(m.group()[-1])
    return out


def uses_printf(s: str) -> bool:
    return bool(PRINTF_NAMED.search(s) or PRINTF_POS.search(s.replace("%%", "")))


def malformed(msgstr: str, msgid: str, printf: bool) -> list[str]:
    """Broken specs present in msgstr but not in msgid (one-line reasons)."""
    out = []
    want = printf_types(msgid)
    for name, types in printf_types(msgstr).items():
        if name in want and types != want[name] and not types <= {"s"} | want[name]:  # r/a: a repr, never text
            out.append(f"%({name}) converted as {'/'.join(sorted(types))}, the source uses {'/'.join(sorted(want[name]))}")
    for rx, why in MALFORMED:
        ms = [m.group(0) for m in rx.finditer(msgstr)]
        if ms and len(ms) > len(rx.findall(msgid)):
            out.append(f"{why}: {ms[0]!r}")
    if printf:
        cleaned = _PCT_OK.sub("", msgstr)
        m = _STRAY_PERCENT.search(cleaned)
        if m:
            out.append(f"stray % (write %% for a literal percent sign): {cleaned[max(0, m.start() - 8):m.end() + 8]!r}")
    return out


def strip_placeholders(s: str) -> str:
    """Text with placeholders blanked, for content rules on a translation."""
    s = JINJA_COMMENT.sub(" ", JINJA_TAG.sub(" ", JINJA_VAR.sub(" ", s)))
    s = PRINTF_NAMED.sub(" ", s)
    s = s.replace("%%", "%")
    s = PRINTF_POS.sub(" ", s)
    return BRACE.sub(" ", s)
