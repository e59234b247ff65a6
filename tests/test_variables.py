"""Ticket variables are validated against the scenario schema and are never code or markup."""

from __future__ import annotations

import pytest

from replykit import VariableError
from replykit.rendering.renderer import Renderer

HOSTILE = ["{{ 7*7 }}", "{% for x in range(9) %}x{% endfor %}", "<script>alert(1)</script>",
           "<img src=x onerror=alert(1)>", "%(order)s", "Robert'); DROP TABLE--", "محمد علي", "x" * 1500]


def render(renderer: Renderer, locale: str = "de", **variables: object):
    spec = renderer.scenario("delay_notice")
    return renderer.render("delay_notice", locale=locale, marketplace="amazon",
                           variables={**spec.samples(), **variables})


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("order_id", 302, "expected an order id"),
    ("order_id", "302 1234567", "expected an order id"),
    ("new_date", "04.12.2026", "ISO date"),
    ("items", [], "non-empty list"),
    ("items", [{"title": "Lamp", "quantity": 0}], r"\[0\]\.quantity"),
    ("items", [{"title": "Lamp"}], r"\[0\]"),
    ("tracking_url", "http://tracking.example/1", "https URL"),
    ("tracking_url", "javascript:alert(1)", "https URL"),
    ("reason", "aliens", "one of carrier, weather, stock"),
    ("buyer_name", 12, "expected text"),
])
def test_ill_typed_variable_is_named(renderer: Renderer, field: str, value: object, reason: str) -> None:
    with pytest.raises(VariableError, match=reason) as caught:
        render(renderer, **{field: value})
    assert caught.value.field == field


def test_missing_required_variable_is_named(renderer: Renderer) -> None:
    spec = renderer.scenario("delay_notice")
    values = {k: v for k, v in spec.samples().items() if k != "order_id"}
    with pytest.raises(VariableError, match="required") as caught:
        renderer.render("delay_notice", locale="de", marketplace="amazon", variables=values)
    assert caught.value.field == "order_id"


def test_unknown_variable_is_an_error(renderer: Renderer) -> None:
    with pytest.raises(VariableError, match="not a variable of this scenario") as caught:
        render(renderer, coupon_code="SAVE10")
    assert caught.value.field == "coupon_code"


def test_optional_variables_may_be_omitted(renderer: Renderer) -> None:
    spec = renderer.scenario("delay_notice")
    required = {k: v for k, v in spec.samples().items() if spec.variables[k].required}
    reply = renderer.render("delay_notice", locale="en", marketplace="amazon", variables=required)
    assert "Hello," in reply.text and "tracking" not in reply.text


@pytest.mark.parametrize("locale", ["en", "de", "ar", "ja"])
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_inert(renderer: Renderer, locale: str, value: str) -> None:
    reply = render(renderer, locale=locale, buyer_name=value, seller_name=value,
                   items=[{"title": value, "quantity": 2}])
    assert value in reply.text  # literally, never evaluated
    assert "49" not in reply.text.replace(value, "")
    assert "<script>" not in reply.html and "<img" not in reply.html
    assert value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")[:20] in reply.html.replace("&#39;", "'").replace("&#34;", '"')
    assert "\n" not in reply.subject
