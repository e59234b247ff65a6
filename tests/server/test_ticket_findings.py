"""What a ticket's variables bring into a reply: every shipped scenario, every text and URL variable.

Realistic violations typed into each free-text or URL variable (a local-format phone number, an
e-mail address, an off-platform invitation, a promotion code, a review incentive, an outside or
shortened link, in several languages) are reported with the marketplace's severity, and an error
makes the HTTP API answer 422 carrying it; innocent values (buyer names, product titles with digits,
tracking numbers) bring in nothing. Against a real server on 127.0.0.1 serving a real pack.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

#: (rule, locale the reply is rendered in, the value an agent typed); an invitation to call or write
#: may be reported as the number or address itself or as the move off the platform (both are errors)
TEXT_VIOLATIONS: tuple[tuple[str, str, str], ...] = (
    ("content.phone-number", "de", "Rufen Sie mich direkt an: 030 12345678"),
    ("content.phone-number", "fr", "Appelez-moi au 06 12 34 56 78"),
    ("content.phone-number", "es", "Llámeme al 612 345 678"),
    ("content.email-address", "en", "Write to me at anna.schmidt@gmail.com"),
    ("content.email-address", "it", "Scrivetemi a servizio@nordlicht-home.it"),
    ("content.off-platform", "en", "Message us on WhatsApp for a faster answer"),
    ("content.off-platform", "de", "Schreiben Sie uns einfach auf WhatsApp, dann geht es schneller"),
    ("content.promotion", "en", "Use code SAVE20 for 20% off your next order"),
    ("content.promotion", "de", "Mit dem Gutscheincode HERBST15 sparen Sie 15 % bei Ihrer nächsten Bestellung"),
    ("content.review-incentive", "en", "Leave us a 5-star review and get a $10 gift card"),
    ("content.review-incentive", "fr", "Laissez-nous un avis 5 étoiles et recevez un bon d'achat de 10 €"),
)

URL_VIOLATIONS: tuple[tuple[str, str, str], ...] = (
    ("link.external", "en", "https://www.nordlicht-home-shop.com/sale"),
    ("link.external", "de", "https://nordlicht-home.de/angebote?ref=mail"),
    ("link.shortener", "en", "https://bit.ly/3xYzAbC"),
    ("link.shortener", "es", "https://tinyurl.com/devoluciones-rapidas"),
)

BUYER_NAMES = ("Anna 0000042", "Łukasz Żółkiewski", "María José O'Neill-García", "山田 太郎", "محمد العلي",
               "Jean-Baptiste Lefèvre")
PRODUCT_TITLES = ("iPhone 15 Pro case, 2 pack", "Bosch GSR 12V-15 cordless drill", "Samsung 980 PRO 1TB NVMe SSD",
                  "Nike Air Max 90, size 44", "LEGO Technic 42115 Lamborghini", "Tischdecke 140 x 220 cm, Leinen")
TRACKING_NUMBERS = ("1Z999AA10123456784", "00340434161094042557", "LX123456789DE", "9400111899223197428490")
INNOCENT_TEXT = ("Size M, navy blue", "Rue de la République 12, 69002 Lyon", "DHL Express",
                 "The item was returned without its original packaging.", "45 × 40 × 55 cm",
                 "Engraving on the lid: \"Anna & Jonas, 12.06.2026\"")
INNOCENT_LOCALES = ("de", "ja", "ar", "en", "fr", "pl")
MARKETPLACE_ORDER = ("amazon", "ebay", "wish", "etsy", "mercadolibre", "walmart_ca", "walmart_us")
ALSO = {"content.phone-number": {"content.off-platform"}, "content.email-address": {"content.off-platform"},
        "link.shortener": {"link.external"}}
PROBE_TEXT = "Quillfeather"


def slots(detail: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(variable, kind) for each free-text and URL value of a scenario; ``items`` gives its titles."""
    for name, schema in detail["variables"]["properties"].items():
        if schema["x-replykit-type"] in ("text", "url", "items"):
            yield name, schema["x-replykit-type"]


def with_value(samples: dict[str, Any], name: str, kind: str, value: str) -> dict[str, Any]:
    variables = dict(samples)
    if kind == "items":
        items = [dict(item) for item in samples[name]]
        items[0]["title"] = value
        variables[name] = items
    else:
        variables[name] = value
    return variables


@pytest.fixture(scope="module")
def catalogue(client: httpx.Client) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, str]]]:
    scenarios = {s["id"]: client.get(f"/v1/scenarios/{s['id']}").json()
                 for s in client.get("/v1/scenarios").json()["scenarios"]}
    severity = {r["id"]: r["severity"] for r in client.get("/v1/rules").json()["rules"]}
    return scenarios, severity


def shown(client: httpx.Client, detail: dict[str, Any], marketplace: str, name: str, kind: str,
          locale: str) -> bool:
    """Whether the samples show this variable in the reply (an optional note may be left out)."""
    sample = detail["samples"][marketplace].get(name)
    if kind == "url" and not sample:
        return False
    probe = f"{sample}{'&' if '?' in sample else '?'}quillprobe=1" if kind == "url" else PROBE_TEXT
    body = {"scenario": detail["id"], "marketplace": marketplace, "locale": locale,
            "variables": with_value(detail["samples"][marketplace], name, kind, probe)}
    reply = client.post("/v1/render", json=body).json()
    return any(probe in reply[part] for part in ("subject", "html", "text"))


def where_it_counts(detail: dict[str, Any], severity: dict[str, str]) -> str | None:
    """The scenario's marketplace where ``rule`` is an error, else a warning; None where it is off."""
    permitted = [m for m in MARKETPLACE_ORDER if m in detail["marketplaces"]]
    for wanted in ("error", "warning"):
        for marketplace in permitted:
            if severity[marketplace] == wanted:
                return marketplace
    return None


def cases(client: httpx.Client, scenarios: dict[str, dict[str, Any]],
          severity: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    out = []
    for scenario_id, detail in scenarios.items():
        for name, kind in slots(detail):
            injections = URL_VIOLATIONS if kind == "url" else TEXT_VIOLATIONS
            for rule, locale, value in injections:
                marketplace = where_it_counts(detail, severity[rule])
                if marketplace is None or not shown(client, detail, marketplace, name, kind, locale):
                    continue
                out.append({"scenario": scenario_id, "variable": name, "rule": rule, "value": value,
                            "severity": severity[rule][marketplace],
                            "body": {"scenario": scenario_id, "marketplace": marketplace, "locale": locale,
                                     "variables": with_value(detail["samples"][marketplace], name, kind, value)}})
    return out


def post_all(client: httpx.Client, bodies: list[dict[str, Any]]) -> list[httpx.Response]:
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda body: client.post("/v1/render", json=body), bodies))


def test_every_injected_violation_is_reported_and_an_error_refuses_the_reply(client: httpx.Client, catalogue) -> None:
    scenarios, severity = catalogue
    todo = cases(client, scenarios, severity)
    assert len({c["scenario"] for c in todo}) == len(scenarios)  # every shipped scenario has a text variable
    assert {c["rule"] for c in todo} == {rule for rule, _, _ in TEXT_VIOLATIONS + URL_VIOLATIONS}
    missed = []
    for case, response in zip(todo, post_all(client, [c["body"] for c in todo]), strict=True):
        found = response.json().get("findings", [])
        hits = [f for f in found if f["rule"] in {case["rule"], *ALSO.get(case["rule"], ())}]
        errors = [f for f in found if f["severity"] == "error"]
        refused = response.status_code == 422 and response.json()["error"] == "non_compliant"
        expected = case["severity"] == "error"
        if (not hits or refused != bool(errors) or (expected and not any(f in errors for f in hits))
                or (not refused and response.status_code != 200)):
            missed.append((case["scenario"], case["variable"], case["rule"], case["value"], response.status_code,
                           [f["rule"] for f in found]))
    assert missed == [], f"{len(missed)} of {len(todo)} injections not reported as expected: {missed}"


def innocent_values(name: str, kind: str) -> tuple[str, ...]:
    if name == "buyer_name":
        return BUYER_NAMES
    if name == "tracking_number":
        return TRACKING_NUMBERS
    if kind == "items" or "title" in name:
        return PRODUCT_TITLES
    return INNOCENT_TEXT


def test_innocent_values_bring_in_nothing(client: httpx.Client, catalogue) -> None:
    scenarios, _ = catalogue
    todo = []
    for scenario_id, detail in scenarios.items():
        for name, kind in slots(detail):
            if kind == "url":
                continue  # the samples' own marketplace and carrier links render clean everywhere
            for index, value in enumerate(innocent_values(name, kind)):
                for marketplace in detail["marketplaces"]:
                    locale = INNOCENT_LOCALES[(index + len(marketplace)) % len(INNOCENT_LOCALES)]
                    todo.append({"scenario": scenario_id, "marketplace": marketplace, "locale": locale,
                                 "variables": with_value(detail["samples"][marketplace], name, kind, value)})
    flagged = []
    for body, response in zip(todo, post_all(client, todo), strict=True):
        found = response.json().get("findings", [])
        if body["marketplace"] == "mercadolibre":  # 350 characters: a long note is a true length.max
            found = [f for f in found if f["rule"] != "length.max"]
        if found or response.status_code not in (200, 422):
            flagged.append((body["scenario"], body["marketplace"], body["locale"], response.status_code,
                            [(f["rule"], f["excerpt"]) for f in found]))
    assert flagged == [], f"{len(flagged)} of {len(todo)} innocent renders flagged: {flagged[:10]}"
