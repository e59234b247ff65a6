"""Render with findings (``replykit.checked``): what a ticket's variables bring into a reply, named by variable.

Real templates and catalogues of the shipped project, the real checks; the HTTP side of the same
call is tests/server/test_ticket_findings.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from replykit.checked import TicketJudge, judge
from replykit.checks import Checker
from replykit.project import Project
from replykit.rendering.renderer import Renderer


@pytest.fixture(scope="module")
def checker(project: Project) -> Checker:
    return Checker(project.config)


def samples(renderer: Renderer, scenario: str, marketplace: str, **values: Any) -> dict[str, Any]:
    return {**renderer.scenario(scenario).samples(marketplace), **values}


def test_a_finding_names_the_variable_that_brought_it_in(renderer: Renderer, checker: Checker) -> None:
    variables = samples(renderer, "pre_sale_question", "amazon", answer="Rufen Sie mich direkt an: 030 12345678")
    reply = renderer.render("pre_sale_question", locale="de", marketplace="amazon", variables=variables,
                            checker=checker)
    phone = [f for f in reply.findings or () if f.rule == "content.phone-number"]
    assert phone and phone[0].where == "variables.answer" and phone[0].severity == "error"
    assert "030 12345678" in phone[0].excerpt and phone[0] in reply.errors
    assert reply.to_dict()["findings"][0]["where"].startswith("variables.")


def test_an_item_title_is_named_by_its_place_in_the_list(renderer: Renderer, checker: Checker) -> None:
    variables = samples(renderer, "delay_notice", "ebay")
    variables["items"] = [variables["items"][0], {"title": "Write to me at anna.schmidt@gmail.com", "quantity": 1}]
    reply = renderer.render("delay_notice", locale="fr", marketplace="ebay", variables=variables, checker=checker)
    assert {(f.rule, f.where) for f in reply.errors} >= {("content.email-address", "variables.items[1].title")}


def test_a_product_title_is_the_orders_wording_not_the_sellers(renderer: Renderer, checker: Checker) -> None:
    variables = samples(renderer, "delay_notice", "ebay")
    variables["items"] = [{"title": "Shut Up and Take My Money T-Shirt, Idiot Proof Print", "quantity": 1}]
    reply = renderer.render("delay_notice", locale="en", marketplace="ebay", variables=variables, checker=checker)
    assert not [f for f in reply.findings or () if f.rule == "content.disrespect"]
    note = samples(renderer, "pre_sale_question", "amazon", answer="You are an idiot, read the description.")
    judged = renderer.render("pre_sale_question", locale="en", marketplace="amazon", variables=note, checker=checker)
    assert [f for f in judged.errors if f.rule == "content.disrespect" and f.where == "variables.answer"]


def test_samples_bring_in_nothing_and_no_checker_means_not_checked(renderer: Renderer, checker: Checker) -> None:
    for scenario in renderer.scenarios.values():
        for marketplace in scenario.marketplaces:
            checked = renderer.render(scenario.id, locale="ar", marketplace=marketplace,
                                      variables=scenario.samples(marketplace), checker=checker)
            assert checked.findings == (), (scenario.id, marketplace, checked.findings)
    plain = renderer.render("invoice", locale="de", marketplace="amazon", variables=samples(renderer, "invoice", "amazon"))
    assert plain.findings is None and plain.errors == () and "findings" not in plain.to_dict()


def test_a_value_the_reply_does_not_show_brings_in_nothing(renderer: Renderer, checker: Checker) -> None:
    note = "Call me at +49 30 12345678"
    hidden = samples(renderer, "additional_info_request", "amazon", needed="personalization", size=note)
    reply = renderer.render("additional_info_request", locale="en", marketplace="amazon", variables=hidden,
                            checker=checker)
    assert note not in reply.text and reply.findings == ()
    shown = {**hidden, "needed": "size_confirmation"}
    reply = renderer.render("additional_info_request", locale="en", marketplace="amazon", variables=shown,
                            checker=checker)
    assert note in reply.text and ("content.phone-number", "variables.size") in {(f.rule, f.where) for f in reply.errors}


def test_the_requests_channel_decides_the_length_limit(renderer: Renderer) -> None:
    """Amazon's API channel takes 2,000 characters of plain text, its e-mail no limit (rule on here)."""
    strict = Checker({"profiles": {"amazon": {"severity": {"length.max": "error"}}}})
    answer = "The table is made of solid oak and ships fully assembled. " * 34
    variables = samples(renderer, "pre_sale_question", "amazon", answer=answer.strip())
    api = renderer.render("pre_sale_question", locale="en", marketplace="amazon", variables=variables,
                          channel="api", checker=strict)
    assert api.format == "text" and len(api.text) > 2000
    assert [(f.rule, f.where) for f in api.errors] == [("length.max", "text")]
    email = renderer.render("pre_sale_question", locale="en", marketplace="amazon", variables=variables,
                            channel="email", checker=strict)
    assert email.format == "html" and email.findings == ()


def test_an_unknown_channel_is_refused_and_not_remembered(renderer: Renderer) -> None:
    from replykit import UnknownChannelError
    from replykit.marketplaces import marketplace

    variables = samples(renderer, "pre_sale_question", "amazon")
    before = marketplace.cache_info().currsize
    for name in ("sms", "x" * 10_000, "fax"):
        with pytest.raises(UnknownChannelError, match="known: email, api"):
            renderer.render("pre_sale_question", locale="en", marketplace="amazon", variables=variables, channel=name)
    assert marketplace.cache_info().currsize == before


def test_an_order_id_in_another_format_is_named(renderer: Renderer, checker: Checker) -> None:
    variables = samples(renderer, "delay_notice", "amazon", order_id="20001234567")
    reply = renderer.render("delay_notice", locale="de", marketplace="amazon", variables=variables, checker=checker)
    assert {f.where for f in reply.errors if f.rule.startswith("order-id.")} == {"variables.order_id"}
    good = renderer.render("delay_notice", locale="de", marketplace="amazon", checker=checker,
                           variables={**variables, "order_id": "305-7654321-1234567"})
    assert good.findings == ()


def test_one_judge_per_checker(checker: Checker) -> None:
    assert judge(checker) is judge(checker) and isinstance(judge(checker), TicketJudge)
    assert judge(judge(checker)) is judge(checker)
