"""Locale parsing, Accept-Language negotiation and catalogue fallback chains.

A chain lists the catalogues to try for each string, best first, always ending in the
source locale. Languages written in several scripts never fall back across scripts:
``zh_TW`` (Traditional) does not get the ``zh_CN`` (Simplified) catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from ..errors import LocaleError
from ..pseudo import PSEUDO_FORMAT_LOCALE, PSEUDO_LOCALE

SOURCE_LOCALE = "en"
#: Pseudo-locales (generated from the .pot, never shipped) and the real locale that formats them.
PSEUDO_LOCALES = {PSEUDO_LOCALE: PSEUDO_FORMAT_LOCALE}  # the one pseudo-locale, see replykit.pseudo
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True, slots=True)
class Negotiated:
    """Outcome of negotiation: the catalogue chain and the locale used for formatting."""

    requested: str
    chain: tuple[str, ...]
    format_locale: Locale

    @property
    def catalogue(self) -> str:
        """The catalogue actually used first (``en`` when only the source text fits)."""
        return self.chain[0]


@lru_cache(maxsize=512)
def parse_locale(tag: str) -> Locale:
    """Parse ``de-AT``, ``de_AT`` or ``de`` into a Babel locale; raise LocaleError otherwise."""
    value = tag.strip()
    if not _TAG.fullmatch(value):
        raise LocaleError(f"locale {tag!r} is not a language tag such as de, de-AT or de_AT")
    try:
        return Locale.parse(value.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise LocaleError(f"locale {tag!r} is not a language Babel/CLDR knows") from None


def parse_accept_language(header: str) -> list[str]:
    """Language tags of an Accept-Language value, best first (q=0 and ``*`` dropped)."""
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        if not tag or tag == "*":
            continue
        quality = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                raise LocaleError(f"Accept-Language {header!r}: bad quality value in {part.strip()!r}") from None
        if quality > 0:
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def _requested_tags(requested: str) -> list[str]:
    """The tags of a locale tag or an Accept-Language value, best first; from a header only the
    tags CLDR knows (browsers send odd ones). Empty when a header names nothing usable."""
    if "," in requested or ";" in requested:
        return [tag for tag in parse_accept_language(requested) if _known(tag)]
    return [requested]


def first_choice(requested: str) -> str:
    """The buyer's first-choice tag in a locale tag or an Accept-Language value."""
    tags = _requested_tags(requested)
    return tags[0] if tags else requested.strip()


def served_other_language(requested: str, served: str) -> bool:
    """True when the catalogue served is not in the buyer's first-choice language (zh_TW -> en)."""
    def language(tag: str) -> str:
        return tag.strip().replace("-", "_").split("_")[0].lower()
    return language(first_choice(requested)) != language(served)


@lru_cache(maxsize=512)
def likely_script(locale: str) -> str:
    """The script a locale is written in, filling it in from CLDR likely subtags."""
    parsed = Locale.parse(locale)
    if parsed.script:
        return parsed.script
    likely = get_global("likely_subtags")
    for key in (str(parsed), parsed.language):
        if key in likely:
            script = Locale.parse(likely[key]).script
            if script:
                return script
    return ""


def fallback_chain(tag: str, available: Collection[str], source: str = SOURCE_LOCALE) -> tuple[str, ...]:
    """Catalogues to try for ``tag``, best first, ending with the source locale.

    Order: the exact regional catalogue; the bare-language catalogue; otherwise another
    regional catalogue of the same language and script (``pt_PT`` -> ``pt_BR`` only when
    no ``pt`` exists). Catalogues in another script are never used.
    """
    pseudo = _pseudo(tag)
    if pseudo:
        return (pseudo, source) if pseudo in available else (source,)
    locale = parse_locale(tag)
    script = likely_script(str(locale))
    same = sorted(
        c for c in available
        if c not in PSEUDO_LOCALES and Locale.parse(c).language == locale.language and likely_script(c) == script
    )
    chain: list[str] = []
    exact = str(locale)
    if exact in same:
        chain.append(exact)
    if locale.language in same and locale.language not in chain:
        chain.append(locale.language)
    elif not chain and same:
        chain.append(same[0])
    if source not in chain:
        chain.append(source)
    return tuple(chain)


def _pseudo(tag: str) -> str | None:
    name = tag.strip().replace("-", "_")
    return name if name in PSEUDO_LOCALES else None


def _known(tag: str) -> bool:
    if _pseudo(tag):
        return True
    try:
        parse_locale(tag)
    except LocaleError:
        return False
    return True


def negotiate(requested: str, available: Collection[str], source: str = SOURCE_LOCALE) -> Negotiated:
    """Pick the catalogue chain for a locale tag or an Accept-Language header value.

    From a header, the first tag that has a catalogue (or names the source language) wins.
    Formatting uses the requested regional locale when it shares the catalogue's language
    (``de-AT`` gets the ``de`` catalogue but Austrian date names).
    """
    tags = _requested_tags(requested) or [source]
    best: tuple[str, tuple[str, ...]] | None = None
    for tag in tags:
        chain = fallback_chain(tag, available, source)
        language = Locale.parse(PSEUDO_LOCALES[chain[0]]).language if chain[0] in PSEUDO_LOCALES \
            else parse_locale(tag).language
        if chain[0] != source or language == Locale.parse(source).language:
            best = (tag, chain)
            break
    if best is None:
        best = (tags[0], (source,))
    tag, chain = best
    if chain[0] in PSEUDO_LOCALES:
        return Negotiated(requested=requested, chain=chain, format_locale=Locale.parse(PSEUDO_LOCALES[chain[0]]))
    wanted = parse_locale(tag)
    catalogue_locale = Locale.parse(chain[0])
    format_locale = wanted if wanted.language == catalogue_locale.language else catalogue_locale
    return Negotiated(requested=requested, chain=chain, format_locale=format_locale)
