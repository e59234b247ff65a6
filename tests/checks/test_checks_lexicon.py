"""The keyword data: every concept a marketplace rule relies on speaks all 13 shipped languages,
and the speed gate (anchor words) never changes what a concept finds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from replykit.checks.lexicon import SHIPPED_LANGUAGES, Words, concept, concept_names, fragment_requirements
from replykit.checks.textutil import normalise

CORE = ["review_noun", "review_solicit", "incentive_strong", "incentive_weak", "review_biased", "review_removal", "promo_phrase",
        "promo_discount", "promo_tie", "payment_rail", "request_verb", "off_platform_phrase", "personal_object", "cancel_request",
        "shipping_announce", "problem_context", "gratitude", "disrespect", "phone_cue", "order_word", "tracking_word", "optout"]


@pytest.mark.parametrize("name", CORE)
def test_core_concepts_cover_every_shipped_language(name):
    data = json.loads((Path(__file__).resolve().parents[2] / "src/replykit/data/lexicon.json").read_text(encoding="utf-8"))
    assert set(SHIPPED_LANGUAGES) <= set(data["concepts"][name]), name


def _corpus_texts() -> list[str]:
    root = Path(__file__).resolve().parents[1] / "corpus" / "messages"
    out = []
    for p in root.glob("*.json"):
        d = json.loads(p.read_text(encoding="utf-8"))
        out += [t for t in (d["subject"], d.get("text")) if t]
    return out


def test_gate_never_changes_results():
    texts = [normalise(t) for t in _corpus_texts()]
    for name in concept_names():
        c = concept(name)
        for t in texts:
            w = Words(t)
            fast = {(m.start(), m.group()) for m in c.finditer(t, w)}
            slow = {(m.start(), m.group()) for m in c.finditer(t, None)}
            assert {s for s, _ in slow} <= {s for s, _ in fast}, (name, t[:80])


def test_anchor_extraction():
    assert set(fragment_requirements(r"(?:leave|write)\b[^.]{0,40}\b(?:reviews?|feedback)")) == {frozenset({"review", "=feedback"}), frozenset({"=leave", "=write"})}
    assert set(fragment_requirements(r"your (?:e-mail|email)")) == {frozenset({"=your"}), frozenset({"=e", "=email"})}
    assert fragment_requirements(r"\d+ ?% off") == (frozenset({"=off"}),)


def test_no_fragment_of_a_gated_concept_starts_with_an_optional_group():
    """A Latin-script fragment like ``(?:sommer|winter)?schlussverkauf`` yields no anchor, so its
    concept's whole alternation runs on every message (measured: ~100 µs of ~950 per message); spell
    the variants out. (Arabic and CJK fragments are gated otherwise or not at all: not judged here.)"""
    data = json.loads((Path(__file__).resolve().parents[2] / "src/replykit/data/lexicon.json").read_text(encoding="utf-8"))
    ungated = [frag for name in CORE for frags in data["concepts"][name].values() for frag in frags
               if isinstance(frag, str) and frag.startswith("(?:") and frag.split(")", 1)[1][:1] == "?"
               and frag.isascii() and not fragment_requirements(frag)]
    assert ungated == []


def _all_corpus_texts() -> list[str]:
    root = Path(__file__).resolve().parents[1] / "corpus"
    out = []
    for p in root.glob("**/*.json"):
        d = json.loads(p.read_text(encoding="utf-8"))
        out += [t for t in (d.get("subject"), d.get("text")) if t] + [c["text"] for c in d.get("cases", ())]
    return [normalise(t) for t in out if not t.isascii()]


def test_split_script_groups_find_what_one_alternation_finds():
    """Chinese/Japanese and Arabic fragments run as two alternations (fragments led by a fixed character,
    which re skips ahead by, and the others); they find a match in exactly the texts one alternation does."""
    from replykit.checks.lexicon import _data, _expanded, _group, _SCRIPT_OF
    texts = _all_corpus_texts()
    for name in concept_names():
        c = concept(name)
        langs = _expanded(_data()["concepts"][name])
        for script, groups in (("cjk", c.cjk), ("arabic", c.arabic)):
            frags = [f.lstrip("~") for lang, fs in langs.items() for f in fs if _SCRIPT_OF.get(lang) == script and not f.lstrip("~").isascii()]
            one = _group(frags, False)
            if one is None:
                assert not groups
                continue
            for t in texts:
                assert (one.search(t) is not None) == any(g.search(t) is not None for g in groups), (name, t[:60])


NEW_CONCEPTS = ["more_better", "only_word", "content_word", "review_verb", "otherwise", "gate_route", "occasion_use", "no_strings",
                "paid_already", "discount_applied", "self_improve", "change_ask", "dm_word", "other_marketplace", "address_data",
                "said_in_review", "if_you_like", "star_word"]


@pytest.mark.parametrize("name", NEW_CONCEPTS)
def test_new_concepts_have_no_ungated_latin_fragment(name):
    """Every Latin-script fragment yields an anchor word, so that its concept is scanned only when the word is
    in the text ('dms?' has none: its prefix is shorter than three letters; write '(?:dm|dms)')."""
    data = json.loads((Path(__file__).resolve().parents[2] / "src/replykit/data/lexicon.json").read_text(encoding="utf-8"))
    langs = data["concepts"][name]
    assert set(SHIPPED_LANGUAGES) <= set(langs), name
    ungated = [f for lang, frags in langs.items() for f in frags if (f.isascii() or lang not in ("ja", "zh", "ar")) and not fragment_requirements(f)]
    assert ungated == []
