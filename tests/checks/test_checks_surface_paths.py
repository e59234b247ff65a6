"""Fast paths of the message view's surfaces agree with their plain references (property tests): the
order-number shaped matches of a text found in one pass over its digit runs."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from replykit.checks import context_rules, textutil

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_NUMBERS = ["0", "1", "7", "12", "123", "1234567", " ", "-", "(", ")", "+", "/", ".", "d", "D01-", "x", "a", "ab", "\n",
            "123-4567890-1234567", "12-34567-89012", "4512 3398 7702", "00000000000000000"]


@SETTINGS
@given(st.lists(st.sampled_from(_NUMBERS), max_size=40).map("".join))
def test_one_pass_over_the_digit_runs_finds_each_order_number_pattern_s_matches(text):
    runs = textutil.digit_runs(text)
    got, want = context_rules.order_numbers(text, runs), context_rules.order_numbers_reference(text, runs)
    assert [[m.span() for m in found] for found in got] == [[m.span() for m in found] for found in want]
