"""Phone numbers judged with libphonenumber data: local and international forms found, the digit
runs sellers need (order ids, tracking numbers, postcodes, prices, dates, IBANs) left alone."""
from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replykit.checks import Message, lint_message
from replykit.checks.phone import regions_of

REGIONS = ["US", "GB", "DE", "FR", "ES", "MX", "IT", "NL", "PL", "SE", "BR", "TR", "JP", "CN", "SA", "AE", "CA"]
LOCALE = {"US": "en-US", "GB": "en-GB", "DE": "de-DE", "FR": "fr-FR", "ES": "es-ES", "MX": "es-MX", "IT": "it-IT",
          "NL": "nl-NL", "PL": "pl-PL", "SE": "sv-SE", "BR": "pt-BR", "TR": "tr-TR", "JP": "ja-JP", "CN": "zh-CN",
          "SA": "ar-SA", "AE": "ar-AE", "CA": "en-CA"}


def _phone(text: str, marketplace: str = "amazon", **ctx) -> bool:
    return any(f.rule == "content.phone-number" for f in lint_message(Message("Re: your order", text=text, context=ctx), marketplace))


@pytest.mark.parametrize("region", REGIONS)
def test_every_country_mobile_in_national_form_after_a_messenger_cue(region):
    n = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    assert _phone(f"WhatsApp {national}", buyer_locale=LOCALE[region]), national
    assert _phone(f"{international}", buyer_locale=LOCALE[region]), international


@pytest.mark.parametrize("text,ctx", [
    ("WhatsApp'tan yazın: 0532 123 45 67", {"buyer_locale": "tr-TR"}),
    ("Proszę dzwonić 601 234 567", {"buyer_locale": "pl-PL"}),
    ("请加我微信 138 1234 5678", {"buyer_locale": "zh-CN"}),
    ("Me chama no zap (11) 98765-4321", {"site": "mercadolivre.com.br"}),
    ("Appelez-moi au 06 12 34 56 78.", {}),
    ("تواصل معي على واتساب ٠٥٠١٢٣٤٥٦٧", {"buyer_locale": "ar-SA"}),
])
def test_local_numbers_are_found(text, ctx):
    assert _phone(text, **ctx)


@pytest.mark.parametrize("text,ctx", [
    ("Enviamos para o CEP 01310-100, São Paulo. Ligue para os Correios se precisar.", {"buyer_locale": "pt-BR"}),
    ("رقم التتبع الخاص بشحنتك هو ١٢٣٤٥٦٧٨٩٠١٢", {"buyer_locale": "ar-AE"}),
    ("Kargo takip numaranız 1234567890 (Yurtiçi Kargo). Telefonla değil buradan yazın.", {"buyer_locale": "tr-TR"}),
    ("Your tracking code is LP00123456789012 (Cainiao), call the carrier if needed.", {}),
    ("IBAN DE89 3704 0044 0532 0130 00 bitte nicht verwenden, Telefon ist keine Option", {"buyer_locale": "de-DE"}),
    ("Ihre Bestellung 302-1234567-7654321 kostet 1.234,56 EUR, Lieferung am 12.12.2026. Rufen Sie nicht an.", {}),
])
def test_numbers_that_are_not_phones(text, ctx):
    assert not _phone(text, **ctx)


def test_regions_from_site_locale_and_marketplace():
    assert regions_of({"site": "amazon.co.uk", "buyer_locale": "de-AT"}, "US") == ("GB", "AT", "DE", "US")
    assert regions_of({"buyer_locale": "pt"}, "MX") == ("BR", "MX")
    assert regions_of({}, None) == ()


_digits = st.text("0123456789", min_size=1, max_size=1)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 999), st.integers(0, 9_999_999), st.integers(0, 9_999_999),
       st.integers(10_000, 99_999), st.integers(0, 999), st.sampled_from(["call", "Telefon", "WhatsApp", "ligue", "هاتف"]))
def test_order_ids_ceps_and_prices_are_never_phones_even_near_a_cue(a, b, c, cep5, cep3, cue):
    order = f"{a:03d}-{b:07d}-{c:07d}"
    text = f"Order {order} ({cue} us? no need). CEP {cep5:05d}-{cep3:03d}. Total R$ {cep5 / 100:.2f} on 12/11/2026 10:30."
    assert not _phone(text, "amazon", buyer_locale="pt-BR")


@pytest.mark.parametrize("text,locale", [
    ("Your DHL parcel: https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=340434161094 - WhatsApp is not used here, write to us in the messages.", "en-GB"),
    ("Takip: https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=5321234567 telefonla değil, buradan yazın.", "tr-TR"),
    ("Suivi : https://www.laposte.fr/outils/suivre-vos-envois?code=0612345678 — pas de WhatsApp, répondez ici.", "fr-FR"),
    ("تتبع الشحنة: https://www.aramex.com/track/results?ShipmentNumber=0501234567 ولا نستخدم الواتساب، اكتب لنا هنا", "ar-SA"),
])
def test_a_tracking_number_inside_a_carriers_tracking_link_is_not_a_phone(text, locale):
    assert not _phone(text, buyer_locale=locale)


@pytest.mark.parametrize("text,locale", [
    ("发票请不要打电话，发到QQ邮箱 13812345678@qq.com 就行", "zh-CN"),
    ("Call or WhatsApp? No: mail 07700900123@example.co.uk", "en-GB"),
])
def test_digits_of_an_email_address_are_the_email_rules_business(text, locale):
    got = {f.rule for f in lint_message(Message("Re: invoice", text=text, context={"buyer_locale": locale}), "ebay")}
    assert "content.email-address" in got and "content.phone-number" not in got


def test_a_number_in_another_link_or_beside_a_carrier_link_is_still_a_phone():
    assert _phone("WhatsApp me: https://myshop.example/contact?tel=07700900123", buyer_locale="en-GB")
    assert _phone("Track it at https://www.ups.com/track?tracknum=1Z999AA10123456784 or WhatsApp 0532 123 45 67", buyer_locale="tr-TR")


@pytest.mark.parametrize("text,locale", [
    ("Colis UPS numéro 1Z 999 AA1 01 2345 6784, pas de WhatsApp svp, écrivez-nous ici.", "fr-FR"),
    ("UPS: 1Z 4E6 92X 03 1234 5678 - bei Fragen bitte nicht anrufen, hier schreiben.", "de-DE"),
    ("Il pacco UPS 1Z 999 AA1 01 2345 6784 arriva domani; niente telefono, risponda qui.", "it-IT"),
])
def test_a_ups_number_written_in_groups_is_not_a_phone(text, locale):
    assert not _phone(text, buyer_locale=locale)
    assert _phone(f"{text} WhatsApp 0171 2345678", buyer_locale="de-DE")  # a real number beside it is still found


@pytest.mark.parametrize("text,locale", [
    ("Paczka jedzie przez Aramex: 3456 7890 12. Nie używamy WhatsAppa, proszę pisać tutaj.", "pl-PL"),
    ("Ihr Paket ist mit SMSA unterwegs: 2901 1873 4552. WhatsApp nutzen wir nicht, schreiben Sie uns hier.", "de-DE"),
    ("Yamatoで発送しました：1234-5678-9012。LINEではなく、こちらでご連絡ください。", "ja-JP"),
    ("SF Expressで発送しました：SF 1234 5678 9012。LINEではなく、こちらでご連絡ください。", "ja-JP"),
])
def test_a_carrier_named_in_latin_letters_in_any_language_is_a_carrier(text, locale):
    """Carrier brands are written in Latin letters whatever the message's language: a number beside one is
    the carrier's (its tracking number or its line), at most a warning."""
    fs = [f for f in lint_message(Message("Re: your order", text=text, context={"buyer_locale": locale}), "amazon")
          if f.rule == "content.phone-number"]
    assert all(f.severity == "warning" for f in fs)


@pytest.mark.parametrize("text,locale", [
    ("Ordernummer 0701234567 har skickats. Vi använder inte WhatsApp, skriv här.", "sv-SE"),
    ("Retournummer 0612 3456 78, geen WhatsApp, antwoord hier.", "nl-NL"),
    ("Ihre Rücksendenummer lautet 0171 2345678 – WhatsApp nutzen wir nicht.", "de-DE"),
    ("Your RMA number is 07700 900123; no WhatsApp please, reply here.", "en-GB"),
])
def test_a_number_labelled_as_an_order_return_or_case_number_is_not_a_phone(text, locale):
    assert not _phone(text, buyer_locale=locale)


@pytest.mark.parametrize("text,locale", [
    ("Ordernummer 4471, ring mig på 070-123 45 67.", "sv-SE"),
    ("Mijn telefoonnummer is 06 12345678.", "nl-NL"),
    ("Meine Telefonnummer: 0171 2345678", "de-DE"),
    ("In case no one is home, 07700 900123 is my WhatsApp.", "en-GB"),  # 'case no' is no case-number label
])
def test_a_phone_word_is_no_reference_label(text, locale):
    assert _phone(text, buyer_locale=locale)
