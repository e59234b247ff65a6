"""A seller knows by when each buyer's message must be answered, and Walmart cases go to Walmart."""

from __future__ import annotations

import datetime as dt
import json

import polib
import pytest

import replykit
from replykit import DeadlineError, ScenarioNotPermittedError, UnknownMarketplaceError, reply_deadline
from replykit.checks import Message, lint_message
from replykit.cli import main
from replykit.project import Project
from replykit.rendering.renderer import Renderer

RECEIVED = dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))

# Hours to answer, from the marketplace profiles (data/profiles/<id>.json: sla_hours, sla_hours_by_kind).
WINDOWS = {
    "amazon": {"reply": 24, "complaint": 24, "consumer_protection": 24},
    "ebay": {"reply": 48, "complaint": 48, "consumer_protection": 48},
    "walmart_us": {"reply": 48, "complaint": 48, "consumer_protection": 1},
    "walmart_ca": {"reply": 48, "complaint": 24, "consumer_protection": 1},
    "wish": {"reply": 48, "complaint": 48, "consumer_protection": 48},
    "etsy": {"reply": 24, "complaint": 24, "consumer_protection": 24},
    "mercadolibre": {"reply": 24, "complaint": 24, "consumer_protection": 24},
}


@pytest.mark.parametrize("marketplace", sorted(WINDOWS))
@pytest.mark.parametrize("kind", replykit.RESPONSE_KINDS)
def test_deadline_is_the_marketplace_window_after_receipt(marketplace: str, kind: str) -> None:
    due = reply_deadline(marketplace, RECEIVED, kind=kind)
    assert due == RECEIVED + dt.timedelta(hours=WINDOWS[marketplace][kind])
    assert due.utcoffset() == RECEIVED.utcoffset()


def test_deadline_accepts_iso_text_and_refuses_ambiguous_times() -> None:
    assert reply_deadline("walmart_ca", "2026-12-07T23:30:00Z", "consumer_protection") == \
        dt.datetime(2026, 12, 8, 0, 30, tzinfo=dt.timezone.utc)
    with pytest.raises(DeadlineError, match="no time zone"):
        reply_deadline("amazon", dt.datetime(2026, 12, 7, 9, 30))
    with pytest.raises(DeadlineError, match="received_at: expected an ISO-8601"):
        reply_deadline("amazon", "yesterday")
    with pytest.raises(DeadlineError, match="kind: expected one of reply, complaint, consumer_protection"):
        reply_deadline("amazon", RECEIVED, kind="urgent")
    with pytest.raises(UnknownMarketplaceError, match="'amazon_de'"):
        reply_deadline("amazon_de", RECEIVED)


def test_scenario_listing_shows_the_reply_window(capsys: pytest.CaptureFixture[str], project: Project) -> None:
    assert main(["--project", str(project.root), "scenarios", "--source"]) == 0
    listing = capsys.readouterr().out
    referral = listing.split("marketplace_care_referral", 1)[1].split("\n")[1]
    assert referral.strip() == "reply within: walmart_ca 48 h, walmart_us 48 h"
    assert "reply within" not in listing.split("delay_notice", 1)[1].split("\n\n")[0].split("\n")[1]
    assert main(["--project", str(project.root), "scenarios", "--source", "--format", "json"]) == 0
    by_id = {s["id"]: s for s in json.loads(capsys.readouterr().out)}
    assert by_id["return_request"]["reply_within_hours"]["amazon"] == 24
    assert by_id["delay_notice"]["reply_within_hours"] == {}  # proactive: nobody is waiting


@pytest.mark.parametrize("marketplace", ["walmart_ca", "walmart_us"])
@pytest.mark.parametrize("reason", ["store_pickup", "in_store_return", "not_received"])
def test_walmart_referral_tells_the_buyer_where_to_go(renderer: Renderer, marketplace: str, reason: str) -> None:
    spec = renderer.scenario("marketplace_care_referral")
    variables = {**spec.samples(marketplace), "reason": reason}
    reply = renderer.render("marketplace_care_referral", locale="fr-CA", marketplace=marketplace, variables=variables)
    assert reply.locale == "en"  # Walmart requires English
    assert "Walmart Customer Care" in reply.subject and variables["care_url"] in reply.text
    assert f'href="{variables["care_url"]}"' in reply.html
    message = Message(reply.subject, reply.html, reply.text,
                      {"message_kind": "reply", "order_id": variables["order_id"], "channel": "email"})
    assert lint_message(message, marketplace) == []


@pytest.mark.parametrize("marketplace", ["amazon", "ebay", "wish", "etsy", "mercadolibre"])
def test_walmart_referral_is_refused_elsewhere(renderer: Renderer, marketplace: str) -> None:
    spec = renderer.scenario("marketplace_care_referral")
    with pytest.raises(ScenarioNotPermittedError, match="walmart_ca, walmart_us"):
        renderer.render("marketplace_care_referral", locale="en", marketplace=marketplace,
                        variables=spec.samples("walmart_ca"))


def test_walmart_referral_is_translated_and_compiles_in_every_language(renderer: Renderer, project: Project) -> None:
    renderer.warm()  # bakes every scenario into every catalogue: a broken placeholder would raise here
    msgids = {"Walmart Customer Care handles this for orders placed on Walmart, so we have passed your request on to them.",
              "Contact Walmart Customer Care", "Walmart Customer Care will help you with order %(order)s"}
    for locale in project.catalogue_locales():
        entries = {e.msgid: e for e in polib.pofile(str(project.po_path(locale))) if e.msgid in msgids}
        assert set(entries) == msgids and not any(e.fuzzy for e in entries.values())
        if locale != "fr_CA":  # the Canadian overlay may inherit from fr
            assert all(e.msgstr and e.msgstr != e.msgid for e in entries.values()), locale
