"""Jinja environments: one per (locale chain, output kind), with translations baked in.

The same options serve extraction and rendering (``trimmed`` msgids, block trimming), so
the msgids Babel extracts are exactly the strings the environment looks up.
"""

from __future__ import annotations

from typing import Any

from babel import Locale
from jinja2 import BaseLoader, Environment, StrictUndefined

from .baking import BakedTranslations
from .catalogue import TranslationChain
from .formatting import locale_filters

#: Options shared by extraction (see catalogues.BABEL_OPTIONS) and rendering.
JINJA_OPTIONS: dict[str, Any] = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": False}


def plain_environment(autoescape: bool = True) -> Environment:
    """An environment for syntax checks and extraction: trans tags parse, nothing is looked up."""
    env = Environment(extensions=[BakedTranslations], autoescape=autoescape, undefined=StrictUndefined,
                      **JINJA_OPTIONS)
    env.policies["ext.i18n.trimmed"] = True
    env.filters.update(locale_filters(Locale.parse("en")))  # so checks know the filters exist
    return env


def locale_environment(chain: TranslationChain, format_locale: Locale, *, html: bool,
                       loader: BaseLoader | None = None) -> Environment:
    """An environment whose ``{% trans %}`` blocks compile to ``chain``'s translations."""
    env = plain_environment(autoescape=html)
    if loader is not None:
        env.loader = loader
    env.replykit_chain = chain  # type: ignore[attr-defined]
    _install_runtime_gettext(env, chain)
    env.filters.update(locale_filters(format_locale))
    direction = format_locale.text_direction
    env.globals.update(
        lang=str(format_locale).replace("_", "-"),
        dir=direction,
        align="right" if direction == "rtl" else "left",
    )
    return env


def _install_runtime_gettext(env: Environment, chain: TranslationChain) -> None:
    """``{{ _("...") }}`` in expressions (e.g. attributes) looks up the same chain at render time."""

    def pgettext(context: str | None, message: str) -> str:
        return chain.lookup(context, message).forms[0]

    def npgettext(context: str | None, singular: str, plural: str, n: int) -> str:
        hit = chain.lookup(context, singular, plural)
        index = hit.plural(n)
        return hit.forms[index] if index < len(hit.forms) else hit.forms[-1]

    env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda message: pgettext(None, message),
        lambda singular, plural, n: npgettext(None, singular, plural, n),
        newstyle=True, pgettext=pgettext, npgettext=npgettext)
