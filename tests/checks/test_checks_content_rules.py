"""Content rules hold in every shipped language and do not fire on legitimate customer-service wording."""
from __future__ import annotations

import pytest

from replykit.checks import Message, lint_message

ORDER = "114-3941689-8772232"


def rules(text: str, marketplace: str = "amazon", subject: str = f"Order {ORDER}", **ctx) -> set[str]:
    return {f.rule for f in lint_message(Message(subject, text=text, context=ctx), marketplace)}


@pytest.mark.parametrize("text", [
    "© 2024 Nordlicht®, Lamp™ model #2, item BF-200*, rated 5 stars", "★ ☆ → • ※ 〒 ○ ● △ ① 〜 「」", "، ؟ 。 ！",
])
def test_text_symbols_are_not_emoji(text):
    assert not {"content.emoji", "content.pictograph"} & rules(text)


@pytest.mark.parametrize("text,rule", [("Thanks 👍🏽", "content.emoji"), ("Step 1️⃣", "content.emoji"), ("Made in 🇩🇪", "content.emoji"),
                                       ("❤️", "content.emoji"), ("✔ done", "content.pictograph"), ("㊗ 〰", "content.pictograph")])
def test_emoji_and_pictographs(text, rule):
    assert rule in rules(text)


@pytest.mark.parametrize("text", [
    f"Order {ORDER} ships on 18.11.2024 with DHL 00340434161094022115.",
    "伝票番号：４５１２−３３９８−７７０２（ヤマト運輸）、〒530-0001 大阪府大阪市北区梅田1-2-3",
    "USPS 9400 1118 9922 3456 7890 12, order #3301928475, price $1,299.00, 1.299,00 €, 14:30-18:00",
    "Please contact the carrier by phone; 電話でお問い合わせください.",
    "eBay order 12-11023-45678, delivery 3-5 days, ¥3,980",
])
def test_numbers_that_are_not_phone_numbers(text):
    assert "content.phone-number" not in rules(text)


@pytest.mark.parametrize("text", ["Call us: +49 30 1234567", "Telefon: 030 1234567", "اتصل بنا على ٠٥٠١٢٣٤٥٦٧",
                                  "お電話は０３－１２３４－５６７８まで", "Llámenos al (555) 123-4567"])
def test_phone_numbers_in_any_script(text):
    assert "content.phone-number" in rules(text)


def test_carrier_phone_number_is_only_a_warning():
    fs = lint_message(Message(f"Order {ORDER}", text="If the driver cannot find you, call UPS at 1-800-742-5877."), "amazon")
    assert [f.severity for f in fs if f.rule == "content.phone-number"] == ["warning"]


@pytest.mark.parametrize("text", [
    "We will review your refund request within 2 days.",
    "A partial refund of 10 % has been issued to your original payment method.",
    "We are sending a free replacement and a free of charge return label.",
    "Le remboursement partiel de 15 % a été effectué sur votre moyen de paiement d'origine.",
    "Wir senden Ihnen kostenlos Ersatz; die Rücksendung ist gratis.",
    "Te reembolsamos 12,50 € (20 % del importe) y el envío gratuito de devolución.",
    "Il rimborso parziale del 10 % è stato emesso.",
    "返金手続きを行いました。交換品は無料でお送りします。",
    "تم استرداد 20% من المبلغ وسنرسل بديلاً مجاناً.",
    "Your honest opinion, positive or negative, helps other buyers.",
    "The fridge has a 5-star energy rating. The cover is 100% cotton.",
    "Due to Black Friday volume your parcel is delayed.",
    "Your refund will post to your account in 3-5 business days; we refunded you via eBay.",
    "Please reply to this message; Wish will refund automatically.",
    "We have cancelled the order and refunded it in full. Nous avons annulé la commande.",
    "We removed the item from your order.",
])
def test_legitimate_customer_service_wording(text):
    got = rules(text)
    assert not got & {"content.promotion", "content.review-incentive", "content.review-biased", "content.review-removal",
                      "content.payment-account", "content.off-platform", "content.cancel-request", "content.disrespect"}, got


@pytest.mark.parametrize("text,rule", [
    ("Use code SAVE15 for 15% off your next order!", "content.promotion"),
    ("Profitez de 10 % de réduction sur votre prochaine commande.", "content.promotion"),
    ("Síguenos en Instagram.", "content.promotion"),
    ("次回のご購入に使えるクーポンコード NORD10 をどうぞ。", "content.promotion"),
    ("Leave a review and get a $10 gift card.", "content.review-incentive"),
    ("Für Ihre Bewertung erhalten Sie einen Gutschein.", "content.review-incentive"),
    ("Zostaw opinię, a otrzymasz prezent.", "content.review-incentive"),
    ("Please leave us a positive review.", "content.review-biased"),
    ("Lämna ett omdöme med 5 stjärnor.", "content.review-biased"),
    ("Bitte löschen Sie Ihre negative Bewertung.", "content.review-removal"),
    ("Lütfen yorumunuzu kaldırın.", "content.review-removal"),
    ("Please send the payment via PayPal.", "content.payment-account"),
    ("Bitte überweisen Sie 5 € auf DE89 3704 0044 0532 0130 00.", "content.payment-account"),
    ("Contact us on WhatsApp for faster help.", "content.off-platform"),
    ("Buy directly from our website to avoid the Amazon fees.", "content.off-platform"),
    ("請加微信聯繫", "content.off-platform"),
    ("Please cancel the order, we are out of stock.", "content.cancel-request"),
    ("يرجى إلغاء الطلب.", "content.cancel-request"),
    ("That is not our problem.", "content.disrespect"),
    ("Das ist nicht unser Problem.", "content.disrespect"),
])
def test_violations_in_many_languages(text, rule):
    assert rule in rules(text)


def test_quoted_product_title_is_not_disrespect():
    assert "content.disrespect" not in rules('Your book "The Idiot" by Dostoevsky ships today.')


def test_email_addresses_and_traps():
    assert "content.email-address" in rules("Write to service@nordlicht.example or ａｎｎａ＠ｓｈｏｐ．ｄｅ")
    assert "content.email-address" in rules("support [at] nordlicht [dot] com")
    assert "content.email-address" not in rules("Our @Home collection, version v2@3x.")


def test_placeholders_and_their_traps():
    assert "content.template-placeholder" in rules("Hello {{ buyer_name }}")
    assert "content.template-placeholder" in rules("○○様")
    assert "content.template-placeholder" not in rules("【重要】 Item #2, size XXXL, model BF-200*", subject="[Important] order")


def test_buyer_values_are_not_judged_as_seller_wording():
    ctx = {"buyer_values": ["{{ Anna }}"]}
    assert "content.template-placeholder" not in rules("Hello {{ Anna }}, your order is late.", **ctx)


def test_thank_you_only_versus_a_real_answer():
    assert "content.thank-you-only" in rules("Thank you for your order!\nIf you have any questions, contact us.\n\nKind regards,\nNordlicht")
    assert "content.thank-you-only" not in rules("Thanks for your question! The mug holds 350 ml and is dishwasher safe.")


def test_shipping_confirmation_only_for_proactive_messages():
    text = f"Your order {ORDER} has been shipped and is on its way."
    assert "content.shipping-confirmation" in rules(text, message_kind="proactive")
    assert "content.shipping-confirmation" not in rules(text, message_kind="reply")
    assert "content.shipping-confirmation" not in rules(text)  # no context: skipped, never guessed
    assert "content.shipping-confirmation" not in rules(f"Sorry, your order {ORDER} has shipped late because of a delay.", message_kind="proactive")


def test_linebreak_rule_on_plain_text():
    assert "style.linebreaks.max2" not in rules("Hello,\r\n\r\nline\r\n-- \r\nsig\n\n\n")
    assert "style.linebreaks.max2" in rules("Hello,\n\n\nline")
    assert "style.linebreaks.max2" in rules("こんにちは\n　\n　\n本文")  # lines of U+3000 are blank


@pytest.mark.parametrize("text", [
    "Vragen kun je ook via Telegram stellen, zoek op @retrolampen_nl. Groetjes, Bas",
    "Folgen Sie uns auf Instagram unter @lampenwelt_de. Danke für Ihre Geduld!",
    "Retrouvez nos tutoriels sur @atelier.bois. Merci encore !",
    "Siga a gente no Instagram @casa_bonita. Obrigado pela compra!",
])
def test_a_handle_followed_by_the_next_sentence_is_not_an_email(text):
    """A disguised address ends in a real top-level domain; '@shop_nl. Groetjes' is a handle and a new sentence."""
    assert "content.email-address" not in rules(text)


@pytest.mark.parametrize("text", [
    "send me pics at dan.reyes at gmail dot com and I'll sort it",
    "scrivimi a mario.rossi chiocciola libero punto it",
    "napisz na sklep.anna małpa wp kropka pl",
    "schreib an info @ lampenwelt . de",
])
def test_disguised_addresses_still_found_after_a_false_start(text):
    assert "content.email-address" in rules(text)
