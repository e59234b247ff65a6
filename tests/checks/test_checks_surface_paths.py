"""Fast paths of the message view's surfaces agree with their plain references (property tests): the
plain-text body's sentences already shown by the HTML body, and the order-number shaped matches of a text
found in one pass over its digit runs."""
from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings, strategies as st

from replykit.checks import context_rules, textutil, view

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_SENTENCES = ["Thank you for your order.", "thank  you for your order.", "THANK YOU FOR YOUR ORDER!", "Merci !", "...", "!!",
              "Your parcel 1Z999AA10123456784 left today.", "ご注文ありがとうございます。", "شكرا لك.", "Call me? ", "\u3000.", "İyi günler.",
              "Best regards,", "Order 123-4567890-1234567", "  ", "a", "A"]
_GLUE = [" ", "\n", "\n\n", "\r\n", "  ", "\t", "", "\u00a0"]


def _bodies(pieces: list[str]):
    return st.lists(st.tuples(st.sampled_from(pieces), st.sampled_from(_GLUE)), max_size=12).map(
        lambda parts: "".join(a + b for a, b in parts))


@SETTINGS
@given(_bodies(_SENTENCES), _bodies(_SENTENCES))
def test_text_body_blanking_agrees_with_comparing_every_sentence_key(text, html_text):
    assert view._blank_seen(text, html_text) == view._blank_seen_reference(text, html_text)


@SETTINGS
@given(_bodies(_SENTENCES))
def test_a_text_body_that_repeats_the_html_body_is_blanked_as_the_reference_does(body):
    assert view._blank_seen(body, body.replace("\n\n", "\n")) == view._blank_seen_reference(body, body.replace("\n\n", "\n"))


def test_no_white_space_lies_above_what_the_keyless_characters_cover():
    assert not [c for c in range(0x3001, sys.maxunicode + 1) if chr(c).isspace()]
    assert all(not view._key(c) for c in view._KEYLESS)


_NUMBERS = ["0", "1", "7", "12", "123", "1234567", " ", "-", "(", ")", "+", "/", ".", "d", "D01-", "x", "a", "ab", "\n",
            "123-4567890-1234567", "12-34567-89012", "4512 3398 7702", "00000000000000000"]


@SETTINGS
@given(st.lists(st.sampled_from(_NUMBERS), max_size=40).map("".join))
def test_one_pass_over_the_digit_runs_finds_each_order_number_pattern_s_matches(text):
    runs = textutil.digit_runs(text)
    got, want = context_rules.order_numbers(text, runs), context_rules.order_numbers_reference(text, runs)
    assert [[m.span() for m in found] for found in got] == [[m.span() for m in found] for found in want]
