"""Each fast path of the checks agrees with the plain implementation it stands for (property tests).

The engine keeps a few hand-made shortcuts where a profile showed they pay: a regex spelled to start
with one character class so that ``re`` can skip ahead in C, a look-behind checked in Python, byte
tables for Latin-1 text, py3langid's classifier without its per-call overhead. Each sits beside its
plain reference; these tests generate texts from the characters that matter to each one (digits,
separators, punctuation of every shipped script, Latin-1 and Turkish letters) and compare.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from replykit.checks import content_rules, context_rules, language, phone, textutil
from replykit.checks.textutil import Twin, left_bounded, left_bounded_reference

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_DIGITY = list("0123456789  -().+/:#d") + ["00", "+49 ", "123-4567890-1234567", "12-34567-89012", "\n", "٣", "０"]
_PROSE = list("abcxyzAZ .,!?;:\n\t\r'\"«»“”-–—…") + ["。", "！", "？", "؟", "، ", "İ", "ı", "é", "ß", "Ä", "ø", "ñ", "ş", "ğ", "ａ",
                                                  "ﬁ", "\u00a0", "\u3000", "https://shop.example/x ", "www.x.de ", "a@b.co ",
                                                  "ORDER123 ", "1Z999AA10123456784 ", "日本語", "مرحبا", "  ", "\x1c"]
_MARKUP = list("{}[]%$<>()_Xx ab:#") + ["{{ name }}", "{%", "%}", "${x}", "%(name)s", "[NAME]", "XXX", "○○様", "<%= a %>", "\n"]


def texts(pieces: list[str], max_size: int = 40):
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


# ---- text utilities ---------------------------------------------------------------------------
@SETTINGS
@given(texts(_PROSE))
def test_sentences_split_as_the_plain_pattern(text):
    assert textutil.sentences(text) == textutil.sentences(text, textutil.SPLIT_PLAIN)


@SETTINGS
@given(texts(_PROSE) | st.text(max_size=30))
def test_normalise_and_lower_agree_with_the_plain_versions(text):
    assert textutil.normalise(text) == textutil.normalise_reference(text)
    assert len(textutil.normalise(text)) == len(text)
    assert textutil.lower(text) == text.lower()


@SETTINGS
@given(texts(_DIGITY + _PROSE))
def test_left_bounded_is_the_look_behind_it_stands_for(text):
    for rx, forbidden, word in ((context_rules.AMAZON_ID, "0123456789-", False), (context_rules._ID_LIKE, "-", True),
                                (phone._TEL_CAND, ".,/-" + phone._ASCII_ALNUM, False), (re.compile(r"\d+"), "", True)):
        assert spans(left_bounded(rx, text, forbidden, word)) == spans(left_bounded_reference(rx, text, forbidden, word))


@SETTINGS
@given(texts(_DIGITY + _PROSE))
def test_ascii_twins_match_as_their_unicode_patterns(text):
    twins = [v for mod in (context_rules, content_rules, phone) for v in vars(mod).values() if isinstance(v, Twin)]
    assert twins
    for twin in twins:
        assert spans(twin.on(text).finditer(text)) == spans(twin.uni.finditer(text)), twin.pattern


# ---- one scan for the digit runs, searched by the order-id and phone patterns ----------------------
_NUMBERS = [*_DIGITY, "d", "D01-", "x", ".", "\u0663", "१२", "a", "ab"]


@SETTINGS
@given(texts(_NUMBERS + _PROSE, 60))
def test_digit_runs_are_the_maximal_runs_of_number_characters_that_hold_a_digit(text):
    plain = [m.span() for m in re.finditer(rf"[{textutil.NUMBER_CHARS}]+", text) if re.search(r"\d", m.group())]
    assert textutil.digit_runs(text) == plain


@SETTINGS
@given(texts(_NUMBERS + _PROSE, 60))
def test_searching_the_digit_runs_finds_what_searching_the_text_finds(text):
    runs = textutil.digit_runs(text)
    for rx, forbidden, word, shortest in _RUN_PATTERNS:
        assert spans(textutil.in_runs(rx, text, runs, forbidden, word, shortest)) == spans(left_bounded(rx, text, forbidden, word)), rx.pattern
    assert spans(textutil.in_runs(context_rules._LONG_DIGITS, text, runs)) == spans(context_rules._LONG_DIGITS.finditer(text))


_RUN_PATTERNS = [(rx, forbidden, word, context_rules.SHORTEST[rx]) for rx, forbidden, word in (
    (context_rules.AMAZON_ID, "0123456789-", False), (context_rules.EBAY_ID, "0123456789-", False),
    (context_rules._ID_LIKE, "-", True), (context_rules._LONG_DIGITS, "", False))] + [
    (phone._TEL_CAND, ".,/-" + phone._ASCII_ALNUM, False, phone.TEL_SHORTEST)]


def test_the_shortest_match_figures_are_the_patterns_own():
    """Read off ``re``'s private parser (a test may: it fails loudly when the parser moves)."""
    import re._parser

    for rx, _forbidden, _word, shortest in _RUN_PATTERNS:
        assert re._parser.parse(rx.pattern).getwidth()[0] == shortest, rx.pattern


# ---- patterns spelled to start with one character class ------------------------------------------
@SETTINGS
@given(texts(_DIGITY))
def test_rewritten_number_patterns_match_as_the_plain_ones(text):
    assert spans(context_rules.AMAZON_ID.finditer(text)) == spans(context_rules.AMAZON_PLAIN.finditer(text))
    assert spans(context_rules._ID_LIKE.finditer(text)) == spans(context_rules.ID_LIKE_PLAIN.finditer(text))
    assert spans(phone._TEL_CAND.finditer(text)) == spans(phone.TEL_PLAIN.finditer(text))


@SETTINGS
@given(texts(_MARKUP))
def test_placeholder_scan_finds_what_the_pattern_finds(text):
    assert spans(content_rules._placeholders(text)) == spans(content_rules._PLACEHOLDER.finditer(text))


# ---- language identification -------------------------------------------------------------------
@SETTINGS
@given(texts(_PROSE + _DIGITY))
def test_noise_stripping_and_letter_counts_agree_with_the_plain_patterns(text):
    assert language.strip_noise(text) == language._STRIP.sub(" ", text)
    assert language._strip_ids(text) == language._ID_RX.sub(" ", text)
    assert language._letters(text) == len(language._LETTER.findall(text))


_WORDS = ["thank", "you", "for", "your", "order", "danke", "für", "ihre", "bestellung", "merci", "pour", "votre", "commande",
          "gracias", "por", "su", "pedido", "grazie", "dziękujemy", "zamówienie", "tack", "för", "beställning", "teşekkürler",
          "obrigado", "pelo", "seu", "bedankt", "voor", "uw", "bestelling", "x", "12", "é", "ß"]


def test_the_fast_classifier_is_in_use():
    """Loud when py3langid changes the internals the fast classifier reads: it falls back to the
    library's own (slow) ``classify`` and this fails, instead of the lint silently slowing down."""
    assert language._restricted(language._latin(language.SHIPPED_LANGUAGES)).fast


@SETTINGS
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30).map(" ".join) | st.text(max_size=40))
def test_fast_classifier_agrees_with_py3langid(text):
    """Same language as the library's ``classify``, same confidence within ``TOLERANCE`` (the fast one
    takes the softmax in float64, the library in float32); another language only on a tie."""
    clf = language._restricted(language._latin(language.SHIPPED_LANGUAGES))
    lang, prob = clf.ident.classify(text)
    got, got_prob = clf.classify(text)
    assert abs(got_prob - float(prob)) <= clf.TOLERANCE
    if got != lang:
        ranked = dict(clf.ident.rank(text))
        assert abs(ranked[got] - ranked[lang]) <= clf.TOLERANCE


# ---- the lexicon's anchor gate ------------------------------------------------------------------
def _lexicon_phrases() -> list[str]:
    """Three-word pieces of the concept sentences in every shipped language (the phrases the fragments
    are about), plus separators, digits and a few characters of the other scripts."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpus" / "concepts"
    pieces: set[str] = set()
    for p in sorted(root.glob("*.json")):
        for case in json.loads(p.read_text(encoding="utf-8"))["cases"]:
            words = textutil.normalise(case["text"]).split()
            pieces.update(" ".join(words[i:i + 3]) for i in range(0, len(words), 3))
    return sorted(pieces) + [" ", ", ", ". ", "\n", "5", "-", "'", "日本", "の", "电话", "واتساب", "★"]


_LEXICON_PHRASES = _lexicon_phrases()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_LEXICON_PHRASES), max_size=12).map(" ".join))
def test_anchor_gate_finds_what_every_fragment_finds(text):
    """A concept's patterns for a text's Words (the fragments whose anchors the text meets, as one
    alternation) find exactly what all its Latin fragments find, beside its ungated ones and the CJK or
    Arabic ones when the text holds that script."""
    from replykit.checks.lexicon import Words, concept, concept_names

    words = Words(text)
    for name in concept_names():
        c = concept(name)
        plain = [*([c.all_latin] if c.frags else ()), *c.ungated, *(c.cjk if words.cjk else ()), *(c.arabic if words.arabic else ())]
        assert sorted(m.span() for m in c.finditer(text, words)) == sorted(m.span() for p in plain for m in p.finditer(text)), name


def _fragments_with_literals() -> list[str]:
    from replykit.checks.lexicon import _index, fragment_literals

    found: set[str] = set()
    for c in _index().concepts.values():
        found.update(fr.src for fr in c.frags)
        for tail in c._tails[(True, True)]:
            found.update(tail.srcs)
    return sorted(f for f in found if fragment_literals(f))


_WITH_LITERALS = _fragments_with_literals()


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_every_match_of_a_fragment_holds_its_literals(data):
    """The literal gate is a necessary condition: any string a lexicon fragment matches (generated from the
    fragment itself) holds one member of each of its literal sets."""
    from replykit.checks.lexicon import fragment_literals, literals_met

    frag = data.draw(st.sampled_from(_WITH_LITERALS))
    matched = data.draw(st.from_regex(frag, fullmatch=True))
    assert literals_met(fragment_literals(frag), matched), (frag, matched)


def test_literal_sets_read_off_the_parse_tree():
    from replykit.checks.lexicon import fragment_literals

    assert fragment_literals("(?:e-?mail|mail)(?:la|le) ") == (frozenset({"emailla", "emaille", "e-mailla", "e-maille", "mailla", "maille"}),)
    assert fragment_literals("サイズ表") == (frozenset({"サイズ表"}),)
    assert set(fragment_literals(r"\w{1,30}ir m[iu]s[iu]n")) == {frozenset({"misin", "musin", "misun", "musun"}), frozenset({"ir"})}
    assert fragment_literals("x y") == ()  # white space never enters a literal; one letter is too short to test
    assert fragment_literals("(?i:abc)d") == ()  # a flag changes what the letters match
    assert fragment_literals(r"ab\d+") == (frozenset({"ab"}),)


@SETTINGS
@given(st.lists(st.sampled_from(["word", " ", "\t", "x" * 300, "。", ". ", "\n", "語"]), max_size=400).map("".join))
def test_a_long_sentence_is_read_in_pieces_that_cover_it(text):
    """No piece over MAX_SENTENCE_CHARS; each piece stands at its offset; cut at white space when its window has one."""
    for pos, piece in textutil.sentences(text):
        assert len(piece) <= textutil.MAX_SENTENCE_CHARS and text[pos:pos + len(piece)] == piece


def test_a_sentence_of_a_thousand_words_is_cut_at_white_space():
    text = "word " * 1000 + "end."
    pieces = textutil.sentences(text)
    assert len(pieces) == 6 and all(p.endswith(" ") for _, p in pieces[:-1])
    assert "".join(p for _, p in pieces) == text
