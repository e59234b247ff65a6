"""Translate ``{% trans %}`` blocks while a template compiles, not while it renders.

:class:`BakedTranslations` replaces Jinja's i18n extension in replykit's per-locale
environments. It parses the same tag (so Babel extracts the same msgids), but looks the
string up in the locale's catalogue chain at compile time and emits the translated text
as constant template data, with the placeholders wired to the bound expressions. Rendering
then costs what a hand-written template in that language costs.

Translations are untrusted: their text is escaped at compile time in HTML templates (a
translator's ``<script>`` arrives as text) and never parsed as template code (``{{ }}``
stays literal). A translation whose placeholders do not match the msgid is refused with
the catalogue's file and line, instead of silently dropping the buyer's data. In right-to-left
locales every substituted value is wrapped in the ``isolate`` filter, so a Latin name or an
order id keeps its own direction inside the translated sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.ext import InternationalizationExtension
from markupsafe import escape

from ..errors import CatalogueError
from .catalogue import Hit, TranslationChain

# Trans blocks are output, like {{ }}: keep the newline after them despite trim_blocks.
_ENDTRANS = re.compile(r"(\{%-?\s*endtrans\s*)%\}")
_FORMAT = re.compile(r"%\((?P<name>\w+)\)s|(?P<percent>%%)|(?P<stray>%)")


class BakedTranslations(InternationalizationExtension):
    """``{% trans %}`` resolved against ``environment.replykit_chain`` at compile time."""

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        environment.extend(replykit_chain=None)

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _ENDTRANS.sub(r"\1+%}", source)

    def _make_node(  # type: ignore[override]
        self,
        singular: str,
        plural: str | None,
        context: str | None,
        variables: dict[str, nodes.Expr],
        plural_expr: nodes.Expr | None,
        vars_referenced: bool,
        num_called_num: bool,
    ) -> nodes.Output:
        chain: TranslationChain | None = self.environment.replykit_chain  # type: ignore[attr-defined]
        if chain is None:  # a plain environment (extraction, syntax checks): behave like Jinja
            return super()._make_node(singular, plural, context, variables, plural_expr,
                                      vars_referenced, num_called_num)
        if not vars_referenced:  # same normalisation as Jinja, so msgids match extraction
            singular = singular.replace("%%", "%")
            plural = plural.replace("%%", "%") if plural else plural
        hit = chain.lookup(context, singular, plural)
        autoescape = bool(self.environment.autoescape)
        rtl = self.environment.globals.get("dir") == "rtl"
        count_name = next((k for k, v in variables.items() if v is plural_expr), None)
        required = _names(singular, vars_referenced) | _names(plural or "", vars_referenced)
        forms = []
        for form in hit.forms:
            parts = _split(form, vars_referenced, hit)
            names = {p.name for p in parts if isinstance(p, _Placeholder)}
            unknown = names - set(variables)
            if unknown:
                _refuse(hit, singular, f"translation uses unknown placeholder(s) {_fmt(unknown)}")
            missing = required - names - ({count_name} if plural is not None else set())
            if missing and hit.catalogue is not None:
                _refuse(hit, singular, f"translation drops placeholder(s) {_fmt(missing)}")
            forms.append([p if isinstance(p, str) else _isolated(variables[p.name], rtl) for p in parts])

        output: list[nodes.Expr] = []
        if _is_fallback(hit, chain.primary):
            record = nodes.Const((context, singular, hit.locale))
            output.append(self.call_method("_note_fallback", [nodes.Name("_fallbacks", "load"), record]))
        if plural_expr is None:
            output.extend(_data(p, autoescape) if isinstance(p, str) else p for p in forms[0])
        else:
            choices = nodes.Tuple([_concat(form, autoescape) for form in forms], "load")
            output.append(self.call_method("_select", [nodes.Const(hit.locale), plural_expr, choices]))
        return nodes.Output(output)

    @staticmethod
    def _note_fallback(fallbacks: list[tuple[str | None, str, str]], record: tuple[str | None, str, str]) -> str:
        """Record that a string came from a fallback locale; outputs nothing."""
        fallbacks.append(record)
        return ""

    def _select(self, locale: str, count: Any, choices: tuple[Any, ...]) -> Any:
        """Pick the plural form for ``count`` with the rule of the catalogue that supplied it."""
        chain: TranslationChain = self.environment.replykit_chain  # type: ignore[attr-defined]
        rule = chain.plural_rule(locale)
        index = rule(int(count))
        return choices[index] if 0 <= index < len(choices) else choices[-1]


@dataclass(frozen=True, slots=True)
class _Placeholder:
    """A ``%(name)s`` reference inside a translation."""

    name: str


def _split(text: str, formatted: bool, hit: Hit) -> list[str | _Placeholder]:
    if not formatted:
        return [text]
    parts: list[str | _Placeholder] = []
    position = 0
    for match in _FORMAT.finditer(text):
        if match.group("stray"):
            _refuse(hit, text, "stray '%' (write %% for a percent sign, %(name)s for a placeholder)")
        parts.append(text[position:match.start()])
        parts.append(_Placeholder(match.group("name")) if match.group("name") else "%")
        position = match.end()
    parts.append(text[position:])
    return [p for p in parts if p]


def placeholders_match(translation: str, source: str, extra: tuple[str, ...] = ()) -> bool:
    """True when ``translation`` formats like ``source``: no stray ``%``, no placeholder of its own."""
    names: set[str] = set()
    for match in _FORMAT.finditer(translation):
        if match.group("stray"):
            return False
        if match.group("name"):
            names.add(match.group("name"))
    return names <= _names(source, True) | set(extra)


def _is_fallback(hit: Hit, primary: str) -> bool:
    """A string is a fallback when it came from the source text or another language.

    A regional catalogue that overrides only what differs (fr_CA over fr) is not a fallback.
    """
    if hit.locale == primary:
        return False
    return hit.catalogue is None or hit.locale.split("_")[0] != primary.split("_")[0]


def _isolated(value: nodes.Expr, rtl: bool) -> nodes.Expr:
    """In right-to-left templates a substituted value is bidi-isolated (see formatting.isolate)."""
    return nodes.Filter(value, "isolate", [], [], None, None) if rtl else value


def _names(text: str, formatted: bool) -> set[str]:
    return {m.group("name") for m in _FORMAT.finditer(text) if m.group("name")} if formatted else set()


def _data(text: str, autoescape: bool) -> nodes.TemplateData:
    return nodes.TemplateData(str(escape(text)) if autoescape else text)


def _concat(parts: list[Any], autoescape: bool) -> nodes.Expr:
    # A leading Markup makes markup_join escape every variable part in HTML templates.
    exprs: list[nodes.Expr] = [nodes.MarkSafe(nodes.Const("")) if autoescape else nodes.Const("")]
    for part in parts:
        if isinstance(part, str):
            exprs.append(nodes.MarkSafe(nodes.Const(str(escape(part)))) if autoescape else nodes.Const(part))
        else:
            exprs.append(part)
    return nodes.Concat(exprs)


def _fmt(names: set[str]) -> str:
    return ", ".join(f"%({n})s" for n in sorted(names))


def _refuse(hit: Hit, msgid: str, reason: str) -> None:
    path = hit.catalogue.path if hit.catalogue else "(source)"
    raise CatalogueError(path, f"msgid {msgid!r}: {reason}", hit.line)
