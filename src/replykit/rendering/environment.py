"""Jinja environments: one per (locale chain, output kind), with translations baked in.

Every environment is an immutable sandbox holding only what replykit registers (its locale
filters, ``length``, the render globals): a template from a pack is data, so it can neither
reach Python objects (``cycler.__init__.__globals__``), mutate values, nor multiply its way
out of memory. The same options serve extraction and rendering (``trimmed`` msgids, block
trimming), so the msgids Babel extracts are exactly the strings the environment looks up.
"""

from __future__ import annotations

import operator
from typing import Any

from babel import Locale
from jinja2 import BaseLoader, StrictUndefined
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import escape

from .baking import BakedTranslations, placeholders_match
from .catalogue import TranslationChain
from .formatting import locale_filters

#: Options shared by extraction (see catalogues.BABEL_OPTIONS) and rendering.
JINJA_OPTIONS: dict[str, Any] = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": False}
#: The only filters a template may use besides the locale filters (date, money, number).
BUILTIN_FILTERS = {"length": len, "count": len}
MAX_SEQUENCE = 100_000   # longest string or list a template may build with `*`
MAX_BITS = 100_000       # largest integer a template may build with `*` or `**`


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with size limits on ``*`` and ``**``."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, op: str, left: Any, right: Any) -> Any:
        if isinstance(left, int) and isinstance(right, int):
            bits = left.bit_length() * abs(right) if op == "**" else left.bit_length() + right.bit_length()
            if bits > MAX_BITS:
                raise SecurityError(f"`{op}` would build a number of more than {MAX_BITS:,} bits")
        elif op == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) \
                        and len(sequence) * times > MAX_SEQUENCE:
                    raise SecurityError(f"`*` would build a sequence longer than {MAX_SEQUENCE:,}")
        return {"*": operator.mul, "**": operator.pow}[op](left, right)


def plain_environment(autoescape: bool = True) -> TemplateSandbox:
    """An environment for syntax checks and extraction: trans tags parse, nothing is looked up."""
    env = TemplateSandbox(extensions=[BakedTranslations], autoescape=autoescape, undefined=StrictUndefined,
                          **JINJA_OPTIONS)
    env.policies["ext.i18n.trimmed"] = True
    # Of Jinja's globals keep only the i18n extension's `_`; range, dict, lipsum, cycler, joiner
    # and namespace are not needed, and each is a way in.
    env.globals = {"_": env.globals["_"]}
    env.filters = {**BUILTIN_FILTERS, **locale_filters(Locale.parse("en"))}  # so checks know the filters exist
    return env


def locale_environment(chain: TranslationChain, format_locale: Locale, *, html: bool,
                       loader: BaseLoader | None = None) -> TemplateSandbox:
    """An environment whose ``{% trans %}`` blocks compile to ``chain``'s translations."""
    env = plain_environment(autoescape=html)
    if loader is not None:
        env.loader = loader
    env.replykit_chain = chain  # type: ignore[attr-defined]
    _install_runtime_gettext(env, chain, html=html)
    env.filters.update(locale_filters(format_locale))
    direction = format_locale.text_direction
    env.globals.update(
        lang=str(format_locale).replace("_", "-"),
        dir=direction,
        align="right" if direction == "rtl" else "left",
    )
    return env


def _install_runtime_gettext(env: TemplateSandbox, chain: TranslationChain, *, html: bool) -> None:
    """``{{ _("...") }}`` in expressions (e.g. attributes) looks up the same chain at render time.

    A translation is data like in ``{% trans %}``: escaped in HTML (Jinja's newstyle gettext
    would mark it safe), and one whose placeholders differ from the msgid's is not used (the
    source text is), so a translator cannot break the render with ``%(x)s`` or a stray ``%``.
    """
    def safe(text: str) -> str:
        return escape(text) if html else text

    def pgettext(context: str | None, message: str) -> str:
        form = chain.lookup(context, message).forms[0]
        return safe(form if placeholders_match(form, message) else message)

    def npgettext(context: str | None, singular: str, plural: str, n: int) -> str:
        hit = chain.lookup(context, singular, plural)
        index = hit.plural(n)
        form = hit.forms[index] if 0 <= index < len(hit.forms) else hit.forms[-1]
        source = singular if n == 1 else plural
        return safe(form if placeholders_match(form, source, extra=("num",)) else source)

    env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda message: pgettext(None, message),
        lambda singular, plural, n: npgettext(None, singular, plural, n),
        newstyle=True, pgettext=pgettext, npgettext=npgettext)
