"""Kinds of off-platform and data requests that independent writers produced, and their innocent
look-alikes (written here as kinds, not copied sentences)."""
from __future__ import annotations

import pytest

from replykit.checks import Message, lint_message


def _rules(text: str, marketplace: str = "ebay", **ctx) -> set[str]:
    return {f.rule for f in lint_message(Message("Re: your order", text=text, context=ctx), marketplace) if f.severity == "error"}


@pytest.mark.parametrize("text", [
    "Easier if you message me on WhatsApp, I answer faster there.",
    "Schreib mir einfach per Telegram, dann geht es schneller.",
    "Escríbeme por WhatsApp y lo arreglamos.",
    "Next time just order from our own website, it's cheaper without the eBay fees.",
    "Please send the balance by bank transfer straight to my account.",
    "Write to shop.help [at] gmail [dot] com and I'll send the manual.",
    "Ruf mich kurz an, dann klären wir das telefonisch.",
])
def test_moving_the_buyer_off_the_platform(text):
    assert "content.off-platform" in _rules(text)


@pytest.mark.parametrize("text", [
    "The smartwatch shows WhatsApp and Telegram notifications once it is paired.",
    "You mentioned you sent the photos on WhatsApp; please attach them here instead.",
    "Please keep all communication here rather than WhatsApp, so eBay can help if needed.",
    "We don't use WhatsApp for orders, but we are happy to help you right here.",
    "Your refund went back to your PayPal account this morning.",
    "Der Zusteller ruft Sie vor der Lieferung an; Sie müssen nichts tun.",
])
def test_mentions_are_not_invitations(text):
    assert "content.off-platform" not in _rules(text)


@pytest.mark.parametrize("text,rule", [
    ("Please do not send us your card number or bank details; eBay handles every refund.", "content.payment-account"),
    ("Veuillez garder votre numéro de commande à portée de main.", "content.personal-info-request"),
    ("Bitte geben Sie bei Rückfragen die Postleitzahl 20457 an.", "content.phone-number"),
    ("Black Friday volume slowed our warehouse down; your parcel left today.", "content.promotion"),
    ("يرجى التأكد من الرمز البريدي في عنوان الشحن.", "content.off-platform"),
])
def test_innocent_look_alikes(text, rule):
    assert rule not in _rules(text, "amazon")


@pytest.mark.parametrize("text", [
    "Could you cancel the order from your account? We cannot get the part this month.",
    "Würden Sie die Bestellung 302-1234567-7654321 bitte selbst über Ihr Konto stornieren?",
    "Le rogamos que anule la compra desde su cuenta.",
])
def test_cancel_requests(text):
    assert "content.cancel-request" in _rules(text, "amazon")


@pytest.mark.parametrize("text", [
    "We have cancelled the item and refunded you in full; no action is needed.",
    "Wenn wir bis Freitag nichts von Ihnen hören, stornieren wir den Artikel und erstatten den Betrag.",
    "Your cancellation request reached us after dispatch; you can return the parcel once it arrives.",
])
def test_cancellations_reported_are_not_requests(text):
    assert "content.cancel-request" not in _rules(text, "amazon")


@pytest.mark.parametrize("text", [
    "DHL may send you a WhatsApp message with the delivery slot; that message is genuine.",
    "Der Kurier von DPD meldet sich per WhatsApp, bevor er liefert.",
])
def test_a_carrier_using_a_messenger_is_not_the_seller_leaving(text):
    assert "content.off-platform" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Thank you for your feedback; we will send you the missing parts tomorrow.",
    "Danke für Ihre Bewertung, wir schicken Ihnen die fehlenden Teile.",
    "Merci pour votre avis, nous vous enverrons une pièce neuve.",
])
def test_thanking_for_a_review_and_fixing_the_problem_is_no_incentive(text):
    assert "content.review-incentive" not in _rules(text, "amazon")
