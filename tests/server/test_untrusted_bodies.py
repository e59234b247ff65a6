"""Untrusted request bodies: whatever a client sends, the answer is JSON and never a 5xx."""

from __future__ import annotations

import json

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SCENARIOS = st.sampled_from(["pre_sale_question", "delay_notice", "invoice", "no_such", ""])
MARKETPLACES = st.sampled_from(["amazon", "ebay", "walmart_us", "mercadolibre", "nowhere"])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12)
VARIABLES = st.dictionaries(
    st.sampled_from(["seller_name", "buyer_name", "answer", "product_title", "order_id", "items", "new_date",
                     "amount", "other"]),
    JSON_VALUES | st.text(max_size=300), max_size=8)
BODIES = st.fixed_dictionaries({"scenario": SCENARIOS, "marketplace": MARKETPLACES},
                               optional={"locale": st.text(max_size=20) | st.sampled_from(["de", "ar", "en-XA", "zh-TW"]),
                                         "variables": VARIABLES | JSON_VALUES, "channel": JSON_VALUES})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODIES)
def test_render_answers_any_body_with_json_and_a_4xx_or_200(client: httpx.Client, body: dict) -> None:
    response = client.post("/v1/render", content=json.dumps(body).encode())
    assert response.status_code in (200, 404, 413, 422), response.text
    data = response.json()
    assert ("subject" in data) if response.status_code == 200 else (data["error"] and data["message"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_render_and_lint_answer_any_bytes_without_a_5xx(client: httpx.Client, raw: bytes) -> None:
    for path in ("/v1/render", "/v1/lint"):
        response = client.post(path, content=raw)
        assert 200 <= response.status_code < 500, response.text
        assert response.json()
