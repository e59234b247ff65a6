"""Fast paths of the message view's surfaces agree with their plain references (property tests): the
order-number shaped matches of a text found in one pass over its digit runs, and the clause around a
payment rail found from the clause breaks read once per text."""
from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from replykit.checks import Message, commerce_rules, context_rules, load_profile, textutil
from replykit.checks.view import MessageView

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_NUMBERS = ["0", "1", "7", "12", "123", "1234567", " ", "-", "(", ")", "+", "/", ".", "d", "D01-", "x", "a", "ab", "\n",
            "123-4567890-1234567", "12-34567-89012", "4512 3398 7702", "00000000000000000"]


@SETTINGS
@given(st.lists(st.sampled_from(_NUMBERS), max_size=40).map("".join))
def test_one_pass_over_the_digit_runs_finds_each_order_number_pattern_s_matches(text):
    runs = textutil.digit_runs(text)
    got, want = context_rules.order_numbers(text, runs), context_rules.order_numbers_reference(text, runs)
    assert [[m.span() for m in found] for found in got] == [[m.span() for m in found] for found in want]


_CLAUSES = ["a", "PayPal", " ", "\n", ".", ",", ";", ":", " - ", "-", "--", "(", "\u2014", "\u3001", "\u060c", "。", "eBay", "x - y", " - - "]


def _clause_reference(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause as the payment rule used to find it: every break from the text's start, then a fresh search."""
    ends = [c.end() for c in commerce_rules._CLAUSE_START.finditer(text, 0, start)]
    nxt = commerce_rules._CLAUSE_START.search(text, end)
    return (ends[-1] if ends else 0), (nxt.start() if nxt else len(text))


@SETTINGS
@given(st.lists(st.sampled_from(_CLAUSES), min_size=1, max_size=40).map("".join), st.data())
def test_the_clause_of_a_span_from_the_breaks_found_once_is_the_plain_scan_s(text, data):
    view = MessageView(Message("", text=text), load_profile("amazon"))
    assume(view.texts)  # a blank text has no segment
    seg = view.texts[-1]
    norm = seg.norm
    start = data.draw(st.integers(0, len(norm)))
    end = data.draw(st.integers(start, len(norm)))
    sv = commerce_rules._Sent(view, seg)
    assert sv.clause(start, end) == _clause_reference(norm, start, end)
