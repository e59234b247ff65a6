"""Typed ticket values mean what they say: a hostile buyer or ticket system cannot smuggle
controls, lookalike text, odd numbers or far-off URLs past validation. Each refusal is a
VariableError naming the field; nothing reaches the template as a traceback."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from replykit import ReplykitError, SourceError, VariableError
from replykit.rendering.renderer import Renderer
from replykit.scenarios import Variable, _parse_variables, validate_variables
from replykit.values import Money


def validate(renderer: Renderer, scenario: str, **values: Any) -> dict[str, Any]:
    spec = renderer.scenario(scenario)
    return spec.validate({**spec.samples(), **values})


def refused(renderer: Renderer, scenario: str, field: str, value: Any, reason: str) -> None:
    with pytest.raises(VariableError, match=reason) as caught:
        validate(renderer, scenario, **{field: value})
    assert caught.value.field == field


@pytest.mark.parametrize(("value", "reason"), [
    ("https://evil.example/pay\r\n\r\nRefund failed. Pay: https://evil.example/pay", "control|whitespace"),
    ("https://track.example/\u00a0x", "whitespace"),
    ("https://track.example/ x", "whitespace"),
    ("https://track.example/\x00", "control"),
    ("https://track.example/\u202e", "control|invisible"),
    ("https://user:pw@track.example/1", "user name or password"),
    ("https://track.example:99999/1", "port"),
    ("https://track.example:0/1", "port"),
    ("https://track.example:https/1", "port"),
    ("https://" + "a" * 2100 + ".example/", "2,048 characters"),
    ("https://track.example/" + "a" * 1_000_000, "2,048 characters"),
    ("http://track.example/1", "https"),
    ("//track.example/1", "https"),
    ("https:///path-only", "https"),
    ("https://track.example\\@good.example/", "backslash"),
    ("javascript:alert(1)", "https"),
])
def test_hostile_urls_are_refused(renderer: Renderer, value: str, reason: str) -> None:
    refused(renderer, "delay_notice", "tracking_url", value, reason)


@pytest.mark.parametrize("value", [
    "https://www.dhl.de/en/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557",
    "https://track.example:8443/a?b=c#d",
    "https://[2001:db8::1]/track",
    "https://münchen.example/paket",
])
def test_ordinary_urls_pass(renderer: Renderer, value: str) -> None:
    assert validate(renderer, "delay_notice", tracking_url=value)["tracking_url"] == value


@pytest.mark.parametrize(("value", "reason"), [
    ("Anna\x00", "control"),
    ("Anna\x1b[31mred", "control"),
    ("Anna\rSchmidt", "control"),
    ("Anna\nRefund failed", "line break"),
    ("Anna\u0085Schmidt", "control"),        # NEL
    ("Anna\u2028Schmidt", "line break"),     # LSEP
    ("Anna\u2029Schmidt", "line break"),     # PSEP
    ("\u202eAnna", "bidirectional"),         # RLO
    ("Anna\u2066x\u2069", "bidirectional"),  # LRI / PDI
    ("An\u200bna", "invisible"),             # zero-width space
    ("Anna\ufeff", "invisible"),             # BOM
    ("\u200dAnna", "invisible"),             # a joiner that joins nothing
    ("Anna\ud800", "surrogate"),
    ("x" * 2001, "2,000 characters"),
])
def test_hostile_text_is_refused(renderer: Renderer, value: str, reason: str) -> None:
    refused(renderer, "delay_notice", "buyer_name", value, reason)


def test_item_titles_follow_the_text_rules(renderer: Renderer) -> None:
    refused(renderer, "delay_notice", "items", [{"title": "Lamp\u202e", "quantity": 1}], r"\[0\]\.title: .*bidirectional")


@pytest.mark.parametrize("value", [
    "محمد علي", "Zoë O'Brien-Łukasiewicz", "山田 太郎",
    "می\u200cخواهم",                       # Persian: ZWNJ between letters is spelling
    "Family \U0001F468\u200d\U0001F469\u200d\U0001F467",  # emoji joined by ZWJ
    "Anna\u00a0Schmidt",                   # no-break space is text
])
def test_real_names_pass(renderer: Renderer, value: str) -> None:
    assert validate(renderer, "delay_notice", buyer_name=value)["buyer_name"] == value


@pytest.mark.parametrize(("amount", "reason"), [
    ("-0", "non-negative"),
    ("-1.00", "non-negative"),
    ("\u0665", "ASCII digits"),          # Arabic-Indic five
    ("1_000", "decimal"),
    ("1e-999999", "decimal"),
    ("1e999999", "decimal"),
    ("1E3", "decimal"),
    ("NaN", "decimal"),
    ("Infinity", "decimal"),
    (" 12", "decimal"),
    ("1" * 13, "12 digits"),
    ("9" * 50, "12 digits"),
    (10 ** 13, "12 digits"),
    (1e-07, "decimal"),
    ("12.12345", "decimal places"),
    (True, "decimal number"),
    ([12], "decimal number"),
])
def test_hostile_amounts_are_refused(renderer: Renderer, amount: Any, reason: str) -> None:
    refused(renderer, "invoice", "amount", {"amount": amount, "currency": "EUR"}, reason)


@pytest.mark.parametrize(("currency", "reason"), [
    ("XXX", "ISO 4217"), ("XTS", "ISO 4217"), ("DEM", "ISO 4217"), ("eur", "ISO 4217"),
    (["USD"], "ISO 4217"), ({"code": "USD"}, "ISO 4217"), (None, "ISO 4217"),
])
def test_inactive_or_ill_typed_currencies_are_refused(renderer: Renderer, currency: Any, reason: str) -> None:
    refused(renderer, "invoice", "amount", {"amount": "1.00", "currency": currency}, reason)


@pytest.mark.parametrize("amount", ["0", "0.5", "149.90", "999999999999.99", 12, 12.5])
def test_ordinary_amounts_pass(renderer: Renderer, amount: Any) -> None:
    money = validate(renderer, "invoice", amount={"amount": amount, "currency": "JPY"})["amount"]
    assert str(money.amount) == str(amount) and money.currency == "JPY"


def test_huge_amount_renders_as_one_line_error_not_babel_traceback(renderer: Renderer) -> None:
    spec = renderer.scenario("invoice")
    with pytest.raises(VariableError):
        renderer.render("invoice", locale="de", marketplace="amazon",
                        variables={**spec.samples("amazon"), "amount": {"amount": "1e999999", "currency": "EUR"}})


@pytest.mark.parametrize("value", ["20261204", "2026-W49-5", "2026-338", "2026-12-04T10:00", "２０２６-12-04",
                                   "2026-02-30", "+2026-12-04"])
def test_only_calendar_dates_pass(renderer: Renderer, value: str) -> None:
    refused(renderer, "delay_notice", "new_date", value, "ISO date")


@pytest.mark.parametrize(("value", "reason"), [(10 ** 10, "at most"), (-1, ">= 0"), (2.0, "whole number")])
def test_integers_are_bounded(renderer: Renderer, value: Any, reason: str) -> None:
    refused(renderer, "return_request", "return_window_days", value, reason)


def test_quantities_are_bounded(renderer: Renderer) -> None:
    refused(renderer, "delay_notice", "items", [{"title": "Lamp", "quantity": 10 ** 30}], "at most")


@pytest.mark.parametrize(("field", "value"), [("scenario", ["delay_notice"]), ("locale", ["de"]),
                                              ("marketplace", {"id": "amazon"}), ("locale", None),
                                              ("scenario", 7), ("marketplace", b"amazon")])
def test_ill_typed_api_arguments_are_replykit_errors(renderer: Renderer, field: str, value: Any) -> None:
    spec = renderer.scenario("delay_notice")
    arguments: dict[str, Any] = {"scenario": "delay_notice", "locale": "de", "marketplace": "amazon",
                                 "variables": spec.samples()}
    arguments[field] = value
    with pytest.raises(ReplykitError, match=field):
        renderer.render(arguments.pop("scenario"), **arguments)


def test_a_multiline_field_keeps_paragraphs_and_nothing_else() -> None:
    schema = {"answer": Variable("answer", "text", multiline=True)}
    assert validate_variables(schema, {"answer": "Yes.\r\nIt is oak."})["answer"] == "Yes.\nIt is oak."
    with pytest.raises(VariableError, match="bidirectional"):
        validate_variables(schema, {"answer": "Yes.\n\u202eIt is oak."})


def test_a_signed_money_field_takes_negative_amounts_but_not_minus_zero() -> None:
    schema = {"difference": Variable("difference", "money", signed=True)}
    assert validate_variables(schema, {"difference": {"amount": "-3.00", "currency": "GBP"}})["difference"] \
        == Money(Decimal("-3.00"), "GBP")
    with pytest.raises(VariableError, match="non-negative"):
        validate_variables(schema, {"difference": {"amount": "-0.00", "currency": "GBP"}})


def test_flags_are_checked_in_scenario_toml(tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    with pytest.raises(SourceError, match=r"variables\.order_id\.multiline"):
        _parse_variables(path, {"order_id": {"type": "order_id", "sample": "1-2", "multiline": True}})
