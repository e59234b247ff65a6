"""Buyers' locales resolve to the right catalogue, never to another script."""

from __future__ import annotations

import pytest

from replykit import LocaleError
from replykit.rendering.locales import fallback_chain, negotiate, parse_accept_language

SHIPPED = ("ar", "de", "es", "fr", "fr_CA", "it", "ja", "nl", "pl", "pt_BR", "sv", "tr", "zh_CN")


@pytest.mark.parametrize(("requested", "chain", "formatting"), [
    ("de-AT", ("de", "en"), "de_AT"),
    ("de_CH", ("de", "en"), "de_CH"),
    ("de", ("de", "en"), "de"),
    ("en_GB", ("en",), "en_GB"),
    ("en-CA", ("en",), "en_CA"),
    ("fr_CA", ("fr_CA", "fr", "en"), "fr_CA"),
    ("fr-BE", ("fr", "en"), "fr_BE"),
    ("es_MX", ("es", "en"), "es_MX"),
    ("pt_PT", ("pt_BR", "en"), "pt_PT"),   # no pt catalogue: Brazilian Portuguese beats English
    ("pt", ("pt_BR", "en"), "pt"),
    ("zh", ("zh_CN", "en"), "zh"),
    ("zh-Hans-SG", ("zh_CN", "en"), "zh_Hans_SG"),
    ("zh_TW", ("en",), "en"),              # Traditional Chinese never gets Simplified
    ("zh-HK", ("en",), "en"),
    ("sr_Latn", ("en",), "en"),
    ("en-XA", ("en_XA", "en"), "en"),
])
def test_chains(requested: str, chain: tuple[str, ...], formatting: str) -> None:
    result = negotiate(requested, (*SHIPPED, "en_XA"))
    assert result.chain == chain
    assert str(result.format_locale) == formatting


def test_pt_pt_prefers_a_plain_portuguese_catalogue_when_there_is_one() -> None:
    assert fallback_chain("pt_PT", ("pt", "pt_BR")) == ("pt", "en")


def test_accept_language_picks_the_first_language_we_have() -> None:
    assert negotiate("fr-CH, de;q=0.8, en;q=0.5", SHIPPED).chain == ("fr", "en")
    assert negotiate("da, sv;q=0.9", SHIPPED).chain == ("sv", "en")
    assert negotiate("en-US,de;q=0.5", SHIPPED).chain == ("en",)  # English explicitly preferred
    assert negotiate("x-klingon, *;q=0.1, ja;q=0.2", SHIPPED).chain == ("ja", "en")


def test_accept_language_orders_by_quality() -> None:
    assert parse_accept_language("de;q=0.5, fr, it;q=0.9, es;q=0") == ["fr", "it", "de"]


@pytest.mark.parametrize("bad", ["", "!!", "de AT", "xx-YY", "12"])
def test_bad_locale_is_named(bad: str) -> None:
    with pytest.raises(LocaleError):
        negotiate(bad, SHIPPED)
