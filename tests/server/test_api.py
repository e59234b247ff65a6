"""Every endpoint and every error path of the HTTP API, against a real server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from replykit.publish import BuildResult
from replykit.packs import PackSource
from replykit.rendering.renderer import Renderer

from .conftest import Server

SAMPLE = {"seller_name": "Nordlicht Home", "product_title": "Oak bedside table",
          "answer": "Yes, the table is solid oak and comes assembled."}


def render(client: httpx.Client, **body: object) -> httpx.Response:
    return client.post("/v1/render", json=body)


def test_health_ready_and_the_manifest_of_the_pack_served(client: httpx.Client, built: BuildResult) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready", "pack": built.pack_id}
    manifest = client.get("/v1/pack").json()
    assert manifest == json.loads((built.path / "manifest.json").read_text(encoding="utf-8"))


def test_scenarios_list_and_detail_with_json_schema_and_samples(client: httpx.Client, built: BuildResult) -> None:
    listed = client.get("/v1/scenarios").json()["scenarios"]
    assert [s["id"] for s in listed] == sorted(PackSource(built.path).scenarios)
    detail = client.get("/v1/scenarios/invoice").json()
    assert "walmart_us" not in detail["marketplaces"] and "amazon" in detail["marketplaces"]
    schema = detail["variables"]
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert "seller_name" in schema["required"] and "buyer_name" not in schema["required"]
    assert set(detail["samples"]) == set(detail["marketplaces"])
    for marketplace, samples in detail["samples"].items():  # every sample renders where it is offered
        response = render(client, scenario="invoice", marketplace=marketplace, locale="de", variables=samples)
        assert response.status_code == 200, response.text


def test_rules_with_severity_per_marketplace(client: httpx.Client) -> None:
    rules = client.get("/v1/rules").json()["rules"]
    by_id = {r["id"]: r for r in rules}
    assert {"content.phone-number", "link.external", "po.untranslated"} <= set(by_id)
    assert set(by_id["content.phone-number"]["severity"]) == {
        "amazon", "ebay", "walmart_us", "walmart_ca", "wish", "etsy", "mercadolibre"}
    one = client.get("/v1/rules", params={"marketplace": "amazon"}).json()["rules"]
    assert all(set(r["severity"]) == {"amazon"} for r in one)
    assert client.get("/v1/rules", params={"marketplace": "nowhere"}).status_code == 404


def test_render_returns_the_reply_in_the_body_locale(client: httpx.Client, built: BuildResult) -> None:
    response = render(client, scenario="pre_sale_question", marketplace="amazon", locale="de-AT", variables=SAMPLE)
    assert response.status_code == 200, response.text
    reply = response.json()
    expected = Renderer(PackSource(built.path)).render("pre_sale_question", locale="de-AT", marketplace="amazon",
                                                       variables=SAMPLE)
    assert (reply["subject"], reply["html"], reply["text"]) == (expected.subject, expected.html, expected.text)
    assert reply["locale"] == "de" and reply["requested_locale"] == "de-AT"
    assert reply["format"] == "html" and reply["body"] == reply["html"]
    assert reply["findings"] == [] and reply["fallbacks"] == []


def test_render_takes_the_locale_from_accept_language(client: httpx.Client) -> None:
    response = client.post("/v1/render", json={"scenario": "pre_sale_question", "marketplace": "ebay",
                                               "variables": SAMPLE},
                           headers={"Accept-Language": "fr-CA,fr;q=0.8,en;q=0.5"})
    reply = response.json()
    assert reply["locale"] == "fr_CA"
    assert reply["format"] == "text" and reply["body"] == reply["text"]  # eBay refuses HTML
    traditional = client.post("/v1/render", json={"scenario": "pre_sale_question", "marketplace": "amazon",
                                                  "variables": SAMPLE}, headers={"Accept-Language": "zh-TW"}).json()
    assert traditional["locale"] == "en" and traditional["requested_locale"] == "zh-TW"
    default = render(client, scenario="pre_sale_question", marketplace="amazon", variables=SAMPLE).json()
    assert default["locale"] == "en"


def test_a_phone_number_typed_into_a_ticket_is_refused_with_its_findings(client: httpx.Client) -> None:
    variables = {**SAMPLE, "answer": "Call me at +49 30 12345678 and we sort it out."}
    response = render(client, scenario="pre_sale_question", marketplace="amazon", locale="de", variables=variables)
    assert response.status_code == 422
    error = response.json()
    assert error["error"] == "non_compliant" and "content.phone-number" in error["message"]
    rules = {f["rule"] for f in error["findings"]}
    assert "content.phone-number" in rules
    assert "html" not in error and "body" not in error  # nothing a sender could pass on


def test_findings_are_only_what_the_ticket_brought_in(client: httpx.Client) -> None:
    """Every scenario's own samples render clean everywhere: the template's findings are not the ticket's."""
    for scenario in ("delay_notice", "invoice", "tracking_info"):
        detail = client.get(f"/v1/scenarios/{scenario}").json()
        for marketplace in detail["marketplaces"]:
            reply = render(client, scenario=scenario, marketplace=marketplace, locale="ar",
                           variables=detail["samples"][marketplace]).json()
            assert reply["findings"] == [], (scenario, marketplace, reply["findings"])


@pytest.mark.parametrize(("body", "status", "error", "field"), [
    ({"scenario": "no_such", "marketplace": "amazon", "variables": {}}, 404, "not_found", "scenario"),
    ({"scenario": "pre_sale_question", "marketplace": "nowhere", "variables": SAMPLE}, 404, "not_found", "marketplace"),
    ({"scenario": "pre_sale_question", "marketplace": "amazon", "variables": SAMPLE, "channel": "sms"}, 422,
     "invalid_field", "channel"),
    ({"scenario": "invoice", "marketplace": "walmart_us", "variables": {}}, 422, "not_permitted", "marketplace"),
    ({"scenario": "pre_sale_question", "marketplace": "amazon", "locale": "xx-!!", "variables": SAMPLE},
     422, "invalid_locale", "locale"),
    ({"marketplace": "amazon", "variables": SAMPLE}, 422, "invalid_field", "scenario"),
    ({"scenario": "pre_sale_question", "marketplace": 7, "variables": SAMPLE}, 422, "invalid_field", "marketplace"),
    ({"scenario": "pre_sale_question", "marketplace": "amazon", "variables": [1]}, 422, "invalid_variables",
     "variables"),
])
def test_render_errors(client: httpx.Client, body: dict, status: int, error: str, field: str) -> None:
    response = client.post("/v1/render", json=body)
    assert response.status_code == status, response.text
    data = response.json()
    assert data["error"] == error and data["field"] == field and data["message"]


def test_missing_and_ill_typed_variables_are_each_named(client: httpx.Client) -> None:
    response = render(client, scenario="delay_notice", marketplace="amazon", locale="de",
                      variables={"seller_name": "Nordlicht", "order_id": "302-1234567-7654321",
                                 "items": [{"title": "Oak", "quantity": 0}], "new_date": "soon", "colour": "red"})
    assert response.status_code == 422
    fields = {f["field"]: f["message"] for f in response.json()["fields"]}
    assert set(fields) == {"colour", "items", "new_date"}
    assert "quantity" in fields["items"] and "YYYY-MM-DD" in fields["new_date"]


def test_malformed_json_oversized_body_wrong_method_unknown_path(client: httpx.Client) -> None:
    bad = client.post("/v1/render", content=b'{"scenario": "delay_notice",')
    assert bad.status_code == 400 and bad.json()["error"] == "bad_json" and "line 1" in bad.json()["message"]
    assert client.post("/v1/render", content=b"\xff\xfe").status_code == 400
    assert client.post("/v1/render", content=b"[1, 2]").json()["error"] == "bad_request"
    big = client.post("/v1/render", content=b'{"x": "' + b"a" * (1024 * 1024) + b'"}')
    assert big.status_code == 413 and big.json()["error"] == "payload_too_large"
    wrong = client.get("/v1/render")
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed" and wrong.headers["allow"]
    assert client.delete("/v1/scenarios").status_code == 405
    missing = client.get("/v2/nothing")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    assert client.get("/v1/scenarios/nope").json()["field"] == "scenario"


def test_lint_matches_the_command_line(client: httpx.Client, tmp_path: Path) -> None:
    message = {"subject": "Your order", "html": "<p>Call +49 30 12345678 or visit https://evil.example</p>",
               "text": "Call +49 30 12345678", "context": {"message_kind": "reply"}}
    over_http = client.post("/v1/lint", json={"marketplace": "amazon", "message": message})
    assert over_http.status_code == 200
    path = tmp_path / "message.json"
    path.write_text(json.dumps(message), encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "replykit.cli", "lint", str(path), "--marketplace", "amazon",
                          "--format", "json"], capture_output=True, text=True, cwd=tmp_path)
    from_cli = json.loads(cli.stdout)
    for finding in from_cli["findings"]:
        finding["file"] = None
    assert over_http.json() == from_cli and from_cli["summary"]["errors"] >= 2
    assert client.post("/v1/lint", json={"marketplace": "nowhere", "message": message}).status_code == 404
    no_subject = client.post("/v1/lint", json={"marketplace": "amazon", "message": {"html": "<p>x</p>"}})
    assert no_subject.status_code == 422 and no_subject.json()["field"] == "message"


def test_concurrent_renders_in_several_locales_never_mix(client: httpx.Client, built: BuildResult) -> None:
    renderer = Renderer(PackSource(built.path))
    locales = ("de", "ja", "ar", "fr_CA", "pl", "en")
    expected = {loc: renderer.render("pre_sale_question", locale=loc, marketplace="etsy", variables=SAMPLE).subject
                for loc in locales}
    assert len(set(expected.values())) == len(locales)

    def one(i: int) -> tuple[str, str, str]:
        locale = locales[i % len(locales)]
        reply = render(client, scenario="pre_sale_question", marketplace="etsy", locale=locale,
                       variables=SAMPLE).json()
        return locale, reply["locale"], reply["subject"]

    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(one, range(240)))
    for asked, served, subject in results:
        assert served == asked and subject == expected[asked]


def test_metrics_count_requests_renders_and_the_pack(client: httpx.Client, built: BuildResult) -> None:
    render(client, scenario="pre_sale_question", marketplace="amazon", locale="ja", variables=SAMPLE)
    client.get("/v1/scenarios/nope")
    text = client.get("/metrics").text
    assert 'replykit_http_requests_total{endpoint="/v1/render",method="POST",status="200"}' in text
    assert 'replykit_http_requests_total{endpoint="/v1/scenarios/{id}",method="GET",status="404"}' in text
    assert 'replykit_http_request_duration_seconds_bucket{endpoint="/v1/render"' in text
    assert 'replykit_renders_total{locale="ja",marketplace="amazon",scenario="pre_sale_question"}' in text
    assert f'replykit_pack_info{{pack="{built.pack_id}"}} 1.0' in text


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value and "//" in value:
                self.external.append(value)


def test_openapi_and_offline_docs(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/v1/render", "/v1/lint", "/v1/scenarios/{scenario_id}", "/v1/admin/reload", "/readyz"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-type"].startswith("text/html")
    parser = _Assets()
    parser.feed(docs.text)
    assert parser.external == []  # no CDN: nothing to fetch from elsewhere
    assert "/v1/render" in docs.text and "RenderRequest" not in docs.text


def test_admin_reload_refuses_forwarded_requests(client: httpx.Client) -> None:
    response = client.post("/v1/admin/reload", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.status_code == 403 and response.json()["error"] == "forbidden"


def test_serve_refuses_a_missing_pack_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "replykit.cli", "serve", "--pack", str(tmp_path / "nope"),
                           "--port", "1"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("replykit: error: ") and done.stderr.count("\n") == 1


def test_serve_refuses_a_busy_port_in_one_line(server: Server, built: BuildResult) -> None:
    done = subprocess.run([sys.executable, "-m", "replykit.cli", "serve", "--pack", str(built.path),
                           "--port", str(server.port)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr == (
        f"replykit: error: cannot listen on 127.0.0.1:{server.port}: Address already in use\n")


def test_server_fixture_is_a_real_process(server: Server) -> None:
    assert server.process.poll() is None and server.url.startswith("http://127.0.0.1:")


def test_the_projects_profile_overrides_apply_to_lint_and_render(built: BuildResult, tmp_path: Path) -> None:
    (tmp_path / "replykit.toml").write_text('[profiles.amazon]\nseverity."content.phone-number" = "off"\n'
                                            'severity."content.off-platform" = "off"\n', encoding="utf-8")
    running = Server(["serve", "--pack", str(built.path)], project=tmp_path)
    try:
        with httpx.Client(base_url=running.url, timeout=30) as client:
            message = {"subject": "Your order", "text": "Call +49 30 12345678 today."}
            found = client.post("/v1/lint", json={"marketplace": "amazon", "message": message}).json()
            assert "content.phone-number" not in {f["rule"] for f in found["findings"]}
            (tmp_path / "m.json").write_text(json.dumps(message), encoding="utf-8")
            cli = subprocess.run([sys.executable, "-m", "replykit.cli", "--project", str(tmp_path), "lint",
                                  str(tmp_path / "m.json"), "--marketplace", "amazon", "--format", "json"],
                                 capture_output=True, text=True)
            assert [f["rule"] for f in json.loads(cli.stdout)["findings"]] == [f["rule"] for f in found["findings"]]
            variables = {**SAMPLE, "answer": "Call me at +49 30 12345678 and we sort it out."}
            rendered = render(client, scenario="pre_sale_question", marketplace="amazon", locale="de",
                              variables=variables)
            assert rendered.status_code == 200 and rendered.json()["findings"] == []
            rules = {r["id"]: r for r in client.get("/v1/rules", params={"marketplace": "amazon"}).json()["rules"]}
            assert rules["content.phone-number"]["severity"] == {"amazon": "off"}
    finally:
        running.stop()
