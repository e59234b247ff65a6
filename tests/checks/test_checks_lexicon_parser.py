"""The lexicon reads anchors off ``re``'s private parse tree (``re._parser``). These tests pin the shape
it relies on, so that a Python release that moves or reshapes the parser fails here, loudly, instead of
silently running every fragment ungated; and they prove that without the parser nothing but speed is lost."""
from __future__ import annotations

import pytest

from replykit.checks import lexicon
from replykit.checks.lexicon import Concept, fragment_requirements, pattern_needs_ink


def test_the_private_parser_is_there():
    assert lexicon.PARSER_AVAILABLE, "re._parser / re._constants moved: update the adapter at the top of lexicon.py"


@pytest.mark.parametrize("fragment,expected", [
    ("(?:rate|review) us", ({"=rate", "=review"}, {"=us"})),
    ("leave (?:a|an) (?:honest )?review", ({"=review"}, {"=leave"}, {"=a", "=an"})),
    ("(?:send|give) (?:me|us)\\b", ({"=send", "=give"}, {"=me", "=us"})),
    ("pay\\b[^.!?\\n]{0,30}\\b(?:via|by)\\b", ({"=pay"}, {"=by", "=via"})),
    ("cancel\\w*", ({"cancel"},)),
    ("(?:réduction|reduction)\\w*", ({"réductio", "reductio"},)),
])
def test_anchors_read_off_the_parse_tree(fragment, expected):
    fragment_requirements.cache_clear()
    assert [set(r) for r in fragment_requirements(fragment)] == [set(e) for e in expected]


def test_ink_is_read_off_the_parse_tree():
    assert pattern_needs_ink("leave a review")
    assert not pattern_needs_ink("\\s*")


FRAGMENTS = {"en": ["leave (?:a|an) (?:honest )?review", "(?:send|give) (?:me|us)\\b", "cancel\\w*", "5[- ]?stars?"],
             "fr": ["(?:étoile|etoile)s?", "laissez un avis"]}
TEXTS = ["please leave an honest review", "send us the photo", "cancelled, sorry", "give 5 stars",
         "laissez un avis 5 etoiles", "no match here at all"]


def test_without_the_parser_every_fragment_runs_ungated_with_the_same_matches(monkeypatch):
    with_anchors = Concept("probe", FRAGMENTS, set())
    want = [[m.group() for m in with_anchors.finditer(t)] for t in TEXTS]
    monkeypatch.setattr(lexicon, "_sre_parse", None)
    fragment_requirements.cache_clear()
    try:
        ungated = Concept("probe", FRAGMENTS, set())
        assert not ungated.frags  # nothing could be anchored
        assert [[m.group() for m in ungated.finditer(t)] for t in TEXTS] == want
        assert not pattern_needs_ink("leave a review")  # unsure: the caller keeps scanning
    finally:
        fragment_requirements.cache_clear()
