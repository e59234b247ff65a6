"""Load-once values (replykit.once): made once however many threads ask first; a failure is retried."""
from __future__ import annotations

import threading
import time

import pytest

from replykit.once import once


def test_threads_asking_at_once_share_one_value_made_once():
    calls = []

    @once
    def value() -> object:
        calls.append(1)
        time.sleep(0.05)  # long enough for every thread to arrive while the first is still making it
        return object()

    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(value())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len({id(v) for v in got}) == 1 and len(got) == 8
    assert value.__doc__ is None and value.__name__ == "value"


def test_a_failure_reaches_the_caller_and_the_next_call_tries_again():
    attempts = []

    @once
    def value() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("disk not ready")
        return "loaded"

    with pytest.raises(OSError, match="disk not ready"):
        value()
    assert value() == "loaded" and value() == "loaded" and len(attempts) == 2


def test_the_shared_singletons_are_load_once_values():
    from replykit.checks.checker import default_checker
    from replykit.checks.learned import packaged_model, packaged_veto

    assert default_checker() is default_checker()
    assert packaged_model() is packaged_model() and packaged_veto() is packaged_veto()


def test_a_replaced_value_holds_inside_the_block_and_the_held_one_comes_back():
    made = []

    @once
    def value() -> str:
        made.append(1)
        return "shipped"

    with value.replaced("left-out model"):
        assert value() == "left-out model"
    assert value() == "shipped" and len(made) == 1  # nothing was held before: loaded on first use after the block
    with pytest.raises(RuntimeError):
        with value.replaced("other"):
            raise RuntimeError("scoring failed")
    assert value() == "shipped" and len(made) == 1


def test_the_evaluation_tools_plug_their_models_in_through_replaced():
    """tools/evaluate_veto.py and evaluate_concept_model.py score a round with a model trained without it: the lint
    must see that model, not the shipped one (a module attribute set beside a load-once value is never read)."""
    from replykit.checks import Checker, Message
    from replykit.checks.learned import packaged_model, packaged_veto

    text = "Pay me by PayPal friends and family, not through the site."
    strict = Checker({"profiles": {"all": {"learned_second_opinion": False, "severity": {"content.payment-account": "error"}}}})
    assert any(f.severity == "error" for f in strict.lint(Message("", text=text), "amazon"))
    everything_vetoed = {rule: 1e9 for rule in packaged_veto()}
    with packaged_veto.replaced(everything_vetoed):
        assert packaged_veto() is everything_vetoed
        found = strict.lint(Message("", text=text), "amazon")
        assert found and all(f.severity == "warning" for f in found if f.rule == "content.payment-account")
    assert packaged_model() is packaged_model()
