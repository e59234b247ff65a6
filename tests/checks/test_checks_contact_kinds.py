"""Kinds of contact and payment mistakes seen in the fifth round of independently written messages, each with
sentences of our own (violating and innocent look-alikes) in the languages where the kind exists:
a number to call, a phone typed with Japanese long-vowel dashes, the buyer's suggestion reported and
declined or taken up, refusals that govern a list, the shop's marketplace storefront, cash on delivery,
numbers partly written in words. Every concept rule is switched on for every marketplace."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from replykit.checks import Checker, Message
from replykit.checks.spelled import spelled_runs

RULES = ("content.promotion", "content.off-platform", "content.payment-account", "content.cancel-request",
         "content.personal-info-request", "content.review-incentive", "content.review-biased",
         "content.review-removal", "content.disrespect")
CHECKER = Checker({"profiles": {"all": {"severity": {r: "error" for r in RULES}}}})
PLAIN = Checker()


def _rules(text: str, marketplace: str = "amazon", context: dict | None = None) -> set[str]:
    return {f.rule for f in CHECKER.lint(Message("", text=text, context=context or {}), marketplace)} & set(RULES)


def _phone(text: str, marketplace: str = "ebay", context: dict | None = None) -> list[str]:
    """Severities of the phone-number findings on ``marketplace`` with the packaged profiles."""
    return [f.severity for f in PLAIN.lint(Message("", text=text, context=context or {}), marketplace) if f.rule == "content.phone-number"]


# ---- a number to call or write to is an invitation off the platform ----------------------------------
@pytest.mark.parametrize("text", [
    "For any question call our office on 020 7946 0321, Monday to Friday.",
    "Bei Fragen erreichen Sie uns telefonisch unter 030 12345678.",
    "Pour toute question, appelez-nous au 01 42 68 53 00.",
    "Para cualquier duda llámenos al 912 345 678.",
    "Per qualsiasi chiarimento può telefonare al numero 02 8765 4321.",
    "Voor vragen kunt u ons bellen op 020 123 4567.",
    "W razie pytań prosimy dzwonić pod numer 601 234 567.",
    "Vid frågor kan du ringa oss på 08-123 456 78.",
    "Qualquer dúvida ligue para o nosso telemóvel 912 345 678.",
    "Sorularınız için bizi 0532 418 27 63 numaralı hattımızdan arayabilirsiniz.",
    "ご不明な点は 03-1234-5678 までお電話ください。",
    "有问题请拨打我们的电话 138 1234 5678。",
    "للاستفسار اتصل بنا على ٠٥٠١٢٣٤٥٦٧.",
])
def test_a_number_to_call_is_off_platform(text):
    assert "content.off-platform" in _rules(text)


@pytest.mark.parametrize("text", [
    "If the driver cannot find you, call the carrier UPS at 1-800-742-5877.",
    "Der Zusteller ruft Sie unter 030 12345678 an, bevor er kommt.",
    "Le livreur vous appellera au 06 12 34 56 78 avant de passer.",
    "El repartidor le llamará al 612 345 678 antes de la entrega.",
    "Il corriere la chiamerà al numero 333 123 4567 prima della consegna.",
    "De koerier belt u op 06 12345678 voordat hij komt.",
    "Kurier zadzwoni pod numer 601 234 567 przed doręczeniem.",
    "Ring inte oss, allt sköts här i meddelandena.",
    "O entregador vai ligar para o 912 345 678 antes da entrega.",
    "Kurye teslimattan önce 0532 418 27 63 numarasından sizi arayacak.",
    "配送業者から 090-1234-5678 に電話が来ることがあります。",
    "快递员会在送货前拨打您的电话 138 1234 5678。",
    "سيتصل بكم المندوب على ٠٥٠١٢٣٤٥٦٧ قبل التسليم.",
])
def test_a_carriers_call_or_a_refused_call_stays_on_the_platform(text):
    assert "content.off-platform" not in _rules(text)


# ---- a phone typed with the Japanese long-vowel mark as its dash ------------------------------------------
@pytest.mark.parametrize("text", [
    "ＬＩＮＥで電話番号 ０９０ー４４１２ー７７８９ を検索して追加してください。",
    "お急ぎの方は携帯 080ー1234ー5678 までお電話ください。",
])
def test_a_phone_with_long_vowel_dashes_is_a_phone_and_the_sellers_own(text):
    assert _phone(text) == ["error"]
    assert "content.personal-info-request" not in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "メールアドレスはメッセージ画面からご確認ください。",
    "サイズはＭとＬがございます。ローラー２０００ー３０００番台の部品です。",
])
def test_the_long_vowel_mark_in_words_stays_a_letter(text):
    assert _phone(text) == []


# ---- the buyer's suggestion reported and declined, or taken up ------------------------------------------
@pytest.mark.parametrize("text", [
    "You suggested we talk on WhatsApp, but we keep everything here in the eBay messages.",
    "Sie haben vorgeschlagen, per PayPal an uns zu zahlen, aber die Zahlung läuft nur über Amazon.",
    "tu proposais qu on se parle sur whatsapp mais on prefere tout garder ici dans les messages etsy.",
    "Vi que dices que me escribiste por WhatsApp, pero solo atendemos por los mensajes de eBay.",
    "Ci proponi di sentirci su WhatsApp, ma preferiamo restare qui nella chat di eBay.",
    "U stelde voor om via WhatsApp verder te praten, maar wij houden alles hier in de berichten.",
    "Pytała Pani, czy można zrobić przelew bezpośrednio na nasze konto – niestety nie, płatności obsługuje Etsy.",
    "du fragade om du kunde swisha for att fa det snabbare men betalningen ar redan klar via ebay.",
    "Você sugeriu falar pelo WhatsApp, mas preferimos manter tudo aqui no chat do Mercado Livre.",
    "WhatsApp'tan yazışmayı önerdiniz ama tüm yazışmaları burada tutuyoruz.",
    "LINEでのやり取りをとのご提案ですが、こちらのメッセージでご対応いたします。",
    "您建议用微信聊，不过我们只在亚马逊消息里沟通。",
    "اقترحت أن نتواصل عبر واتساب، لكننا نفضل إبقاء المحادثة هنا.",
])
def test_a_suggestion_reported_and_declined_is_innocent(text):
    assert not _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "As you suggested, message us on WhatsApp and we'll sort the exchange there.",
    "Wie Sie vorgeschlagen haben: schreiben Sie uns einfach per WhatsApp.",
    "Comme tu le proposais, écris-moi sur WhatsApp, c'est plus simple.",
    "Como sugeriste, escríbeme por WhatsApp y lo arreglamos allí.",
    "Come mi hai proposto, scrivimi su WhatsApp e ci accordiamo lì.",
    "Zoals u voorstelde: stuur ons even een berichtje via WhatsApp.",
    "Tak jak Pan proponował, proszę napisać do mnie na WhatsAppie.",
    "Som du föreslog, skriv till mig på WhatsApp så löser vi det där.",
    "Como você sugeriu, me chama no WhatsApp que resolvemos por lá.",
    "Önerdiğiniz gibi WhatsApp'tan bize yazın, orada hallederiz.",
    "ご提案のとおり、LINEでご連絡ください。",
    "照你讲，加我微信聊吧。",
    "متل ما اقترحت، راسلني على واتساب ومنتفق هنيك.",
])
def test_a_suggestion_taken_up_is_an_invitation(text):
    assert "content.off-platform" in _rules(text, "ebay")


# ---- a refusal that governs a list, and 'no details are needed' said after the object -------------------
@pytest.mark.parametrize("text", [
    "We're unable to accept bank transfers or any payment outside the site; eBay processes every payment.",
    "Wir akzeptieren keine Überweisungen oder Zahlungen außerhalb von Amazon.",
    "Nous n'acceptons pas les virements ni aucun paiement en dehors d'Etsy.",
    "No aceptamos transferencias ni pagos fuera de la plataforma.",
    "Non accettiamo bonifici o pagamenti al di fuori di eBay.",
    "Wij accepteren geen overschrijvingen of betalingen buiten bol om.",
    "Nie przyjmujemy przelewów ani płatności poza Allegro.",
    "Vi tar inte emot swish eller betalningar utanför Amazon.",
    "Não aceitamos transferência bancária nem pagamentos fora do Mercado Livre.",
    "Havale veya site dışında ödeme kabul etmiyoruz.",
    "銀行振込やサイト外でのお支払いは受け付けておりません。",
    "本店不接受銀行轉帳或任何平台以外的付款方式，所有款項都由 eBay 處理。",
    "لا نقبل التحويل البنكي أو أي دفع خارج المنصة.",
    "The refund goes to your original card, so bank details are not needed.",
    "Die Erstattung geht auf Ihr Zahlungsmittel, Ihre Bankdaten werden dafür nicht benötigt.",
    "Le remboursement se fait sur votre moyen de paiement, vos coordonnées bancaires ne sont pas nécessaires.",
    "El reembolso va a su método de pago, sus datos bancarios no son necesarios.",
    "Il rimborso torna sulla carta, le coordinate bancarie non sono necessarie.",
    "De terugbetaling gaat naar uw betaalmethode, uw bankgegevens zijn niet nodig.",
    "Zwrot trafi na kartę, dane bankowe nie są potrzebne.",
    "Återbetalningen sker till det ursprungliga betalningssättet, så inga bankuppgifter behöver lämnas.",
    "Delåterbetalningen är genomförd, och några bankuppgifter behöver således inte lämnas.",
    "O reembolso volta para o cartão, os dados bancários não são necessários.",
    "İade kartınıza yapılır, banka hesap bilgileri gerekli değildir.",
    "返金は元のお支払い方法へ行われますので、口座情報は必要ありません。",
    "退款原路退回，不需要您的银行卡号。",
    "يتم الاسترداد إلى وسيلة الدفع الأصلية، ورقم حسابك البنكي غير مطلوب.",
])
def test_a_refused_list_or_details_not_needed_are_innocent(text):
    assert not _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "We don't accept returns, so please send the balance to our PayPal.",
    "Wir nehmen keine Karten, aber überweisen Sie uns den Rest einfach auf unser Konto.",
    "Nous n'acceptons pas la carte, mais faites-moi simplement un virement sur mon compte.",
    "No aceptamos tarjeta, pero hazme un bizum con la diferencia.",
    "Non accettiamo carte, ma puoi farmi un bonifico sul mio conto.",
    "We accepteren geen creditcards, maar maak het bedrag gewoon over naar onze rekening.",
    "Nie przyjmujemy kart, ale przelej różnicę na moje konto.",
    "Vi tar inte kort, men swisha mellanskillnaden till mig.",
    "Não aceitamos cartão, mas faz um pix pra mim com a diferença.",
    "Skicka dina bankuppgifter till oss så betalar vi tillbaka.",
])
def test_a_payment_asked_after_a_refusal_or_details_asked_stay_requests(text):
    assert "content.payment-account" in _rules(text, "ebay")


# ---- the shop's storefront on the marketplace, cash on delivery, Arabic verbs inside longer words ------
@pytest.mark.parametrize("text", [
    "Du får 20 % rabatt på ditt nästa köp i vår butik här på Amazon.",
    "Take a look at our store on Amazon for the matching lids.",
    "Ce modèle est aussi dans notre boutique Etsy.",
])
def test_the_storefront_on_the_marketplace_is_no_shop_of_its_own(text):
    assert "content.off-platform" not in _rules(text)  # (a promotion, maybe: another rule)


@pytest.mark.parametrize("text", [
    "Orders paid cash on delivery are refunded to your Amazon balance.",
    "Bei Nachnahme erstatten wir den Betrag auf Ihr Amazon-Guthaben.",
    "Les commandes payées à la livraison sont remboursées sur votre solde.",
    "Los pedidos contra reembolso se devuelven a su saldo de Amazon.",
    "Gli ordini in contrassegno vengono rimborsati sul saldo Amazon.",
    "Bestellingen onder rembours worden terugbetaald op uw tegoed.",
    "Zamówienia za pobraniem zwracamy na saldo Allegro.",
    "Beställningar mot postförskott återbetalas till ditt saldo.",
    "Pedidos com pagamento na entrega são reembolsados no saldo.",
    "Kapıda ödeme siparişlerinde iade Amazon bakiyenize yapılır.",
    "代金引換のご注文はAmazonギフト券残高に返金されます。",
    "货到付款的订单会退回到您的亚马逊余额。",
    "علمًا بأن الطلبات المدفوعة نقدًا عند الاستلام يُعاد مبلغها إلى رصيد أمازون.",
    "يمكنكم متابعتها عبر الرابط، وقد وصلت العلبة تالفة وفقًا للصور المرسلة.",
])
def test_cash_on_delivery_and_words_inside_words_are_innocent(text):
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("off-platform", "Nästa gång kan du beställa direkt i vår egen butik på nätet, det blir billigare."),
    ("payment-account", "ادفع المبلغ نقدًا لي مباشرة عند الاستلام من المحل."),
    ("payment-account", "وابعتلي رقم حسابك البنكي عشان أرجعلك الفرق."),
    ("payment-account", "Pay the rest in cash to me when you pick it up."),
])
def test_the_sellers_own_shop_cash_to_the_seller_and_arabic_requests_stay(rule, text):
    assert "content." + rule in _rules(text)


# ---- telephone numbers partly (or wholly) in words -----------------------------------------------------
@pytest.mark.parametrize("text", [
    "just text me on oh seven seven zero zero 900461 and ill sort it",
    "Rufen Sie mich an: null eins sieben eins 234 56 78.",
    "ENVOYEZ MOI UN MESSAGE AU ZERO SIX 12 48 93 07 CA IRA PLUS VITE",
    "Escríbeme al WhatsApp seis uno dos 345 678 y lo arreglamos.",
    "Mi chiami al tre tre tre, uno due tre, quattro cinque sei sette.",
    "Bel me even op nul zes 12 34 56 78.",
    "przelej blikiem na numer szescset dwanascie - 345 - 678 albo zadzwon",
    "Ring mig på noll sju noll 123 45 67.",
    "Liga para o meu telemóvel nove um dois 345 678.",
    "Bize sıfır beş yüz otuz iki 418 27 63 numaralı hattımızdan ulaşabilirsiniz.",
    "お電話は〇九〇 1234 5678 までどうぞ。",
    "加我微信或者打电话：一三八 1234 5678。",
    "اتصل بي على صفر خمسة 0 1234 567.",
])
def test_a_number_partly_in_words_is_a_phone_number(text):
    assert _phone(text) == ["error"]


@pytest.mark.parametrize("text", [
    "Call us if fewer than two hundred and fifty pieces arrive; order 12 more at no cost.",
    "Telefonisch sagte der Fahrer, dass zwei Pakete am 12. 03. kommen.",
    "Le livreur a appelé : vingt-deux colis le 12 décembre 2025.",
    "Le llamamos ayer: quedan dos unidades a 12 euros.",
    "Ti ho chiamato: restano tre pezzi da 15 euro, spedizione il 12 marzo.",
    "Ik heb u gebeld: nog twee dozen van 12 stuks op voorraad.",
    "Dzwoniłem: zostały dwie sztuki po 12 zł, wysyłka 3 marca.",
    "Jag ringde: tre paket à 12 kr skickas den 3 mars.",
    "Liguei ontem: faltam duas unidades de 12 reais.",
    "Telefonda konuştuk: iki paket 12 Mart'ta kargoda.",
    "お電話の件、三点のうち一点は12日に発送します。",
    "电话里说过，三件商品12号发货。",
    "اتصلنا بكم: ثلاثة طرود تصل يوم 12.",
])
def test_quantities_dates_and_prices_in_words_near_a_phone_word_are_no_number(text):
    assert _phone(text) == []


_WORDS = ["zero", "six", "oh", "un", "trentadue", "zweiundvierzig", "sıfır", "beş", "yüz", "otuz", "iki", "szescset", "dwanascie",
          "tre", "due", "on", "and", "tweeënveertig", "零", "九", "一二三", "12", "345", "0", "-", ",", " ", ".", "call", "telefon"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join))
def test_spelled_runs_read_digits_inside_the_text(text):
    for run in spelled_runs(text):
        assert 0 <= run.start < run.end <= len(text)
        assert run.digits.isdigit() and run.words >= 1


def test_a_long_run_of_number_words_is_read_in_linear_time():
    import time
    text = "call me on " + "zero six " * 50_000 + "12"
    t0 = time.process_time()
    assert _phone(text) == []  # far too many digits for a phone number
    assert time.process_time() - t0 < 5


@pytest.mark.parametrize("filler", ["un ", "zero ", "oh 1 ", "trentadue-"])
def test_hostile_runs_of_number_words_stay_linear(filler):
    import time
    text = "telefon " + filler * 100_000
    t0 = time.process_time()
    assert list(spelled_runs(text)) == []  # one run, far longer than a phone number: dropped
    assert time.process_time() - t0 < 5


# ---- personal data or bank details asked for impersonally ('... is required', 'niezbędne jest ...') ----------
@pytest.mark.parametrize("rule,text", [
    ("personal-info-request", "Prior to dispatch, a copy of your passport is required for verification."),
    ("personal-info-request", "Für die Garantie ist eine Kopie Ihres Personalausweises zwingend erforderlich."),
    ("personal-info-request", "Une copie recto verso de votre pièce d'identité est requise avant toute expédition."),
    ("personal-info-request", "Le solicitamos que nos remita una copia de su documento nacional de identidad."),
    ("personal-info-request", "Per la spedizione è necessaria una copia della sua carta d'identità."),
    ("personal-info-request", "Voorafgaand aan verzending dient u een scan van uw identiteitsbewijs te overleggen."),
    ("personal-info-request", "Niezbędne jest przesłanie skanu dowodu osobistego oraz numeru PESEL."),
    ("personal-info-request", "För registreringen erfordras ditt fullständiga personnummer samt en kopia av giltig legitimation."),
    ("personal-info-request", "Faz-se necessário o envio de uma foto do seu RG e do CPF."),
    ("personal-info-request", "Garanti kaydı için TC kimlik numaranızın iletilmesi gerekmektedir."),
    ("personal-info-request", "発送前に身分証のコピーが必要です。"),
    ("personal-info-request", "发货前需要提供您的身份证复印件。"),
    ("personal-info-request", "يجب إرسال صورة الهوية الوطنية قبل الشحن."),
    ("payment-account", "Zur Abwicklung der Gutschrift ist die Übermittlung Ihrer vollständigen IBAN zwingend erforderlich."),
    ("payment-account", "Celem realizacji zwrotu niezbędne jest przekazanie pełnego numeru rachunku bankowego."),
])
def test_data_asked_as_a_requirement_is_a_request(rule, text):
    assert "content." + rule in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "No ID or passport is required; the parcel needs only a signature.",
    "Ein Ausweis ist für die Abholung nicht erforderlich.",
    "Aucune pièce d'identité n'est requise, la signature suffit.",
    "No es necesario ningún documento de identidad.",
    "Non è necessaria alcuna carta d'identità.",
    "Een identiteitsbewijs is niet vereist.",
    "Dowód osobisty nie jest wymagany przy odbiorze.",
    "Ingen legitimation krävs vid leveransen.",
    "Não é necessário enviar documento de identidade.",
    "Kimlik numarası gerekli değildir.",
    "身分証は不要です。",
    "不需要提供身份证。",
    "لا داعي لإرسال الهوية.",
    "A signature is required on delivery.",
    "Für den Umtausch ist der Kassenbon erforderlich.",
    "Une preuve d'achat est requise pour la garantie.",
])
def test_data_not_required_or_a_requirement_about_something_else_is_innocent(text):
    assert not _rules(text, "ebay")


# ---- card details by other names ('the 16 digits of your card', 'the code on the back'), HK transfers ----
@pytest.mark.parametrize("text", [
    "Just send me the digits on your card and the code on the back, I'll charge the engraving.",
    "Schick mir bitte die Ziffern deiner Karte und den Code auf der Rückseite.",
    "envoie moi les 16 chiffres de ta carte et la date dexpiration je relance le paiement",
    "Escríbeme por aquí los dieciséis números de la tarjeta y la fecha de caducidad.",
    "Mi detta per cortesia le cifre della carta e il codice sul retro?",
    "Wij verzoeken u ons uw creditcardnummer en de vervaldatum te bezorgen.",
    "Podaj mi cyfry z karty i kod z tyłu, to od razu obciążę różnicę.",
    "Skicka siffrorna på ditt kort och koden på baksidan så drar jag beloppet.",
    "Me passa os números do seu cartão e o código do verso que eu cobro a diferença.",
    "Fark tutarı için kredi kartınızın ön yüzündeki bilgilerin ve güvenlik kodunun iletilmesi gerekmektedir.",
    "カードの番号と有効期限をこちらに送ってください。",
    "为咗方便处理，你可唔可以直接用 FPS 转数俾我哋，唔经平台。",
    "ابعتلي بيانات الفيزا بتاعتك وانا هخصم فرق السعر بنفسي.",
    "يُرجى تزويدنا بتفاصيل حسابكم المصرفي واسم البنك.",
])
def test_card_details_by_other_names_and_fps_transfers_are_payment_requests(text):
    assert "content.payment-account" in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "The refund went to the card ending in 4821; the last digits on your card statement will show it.",
    "Die Erstattung geht auf die Karte, deren letzte Ziffern auf Ihrer Abrechnung stehen.",
    "Le remboursement apparaîtra sur votre relevé de carte sous 5 jours.",
    "El reembolso aparecerá en el extracto de su tarjeta en 5 días.",
    "Il rimborso comparirà sull'estratto conto della carta entro 5 giorni.",
    "De terugbetaling verschijnt binnen 5 dagen op uw creditcardafschrift.",
    "Zwrot pojawi się na wyciągu z karty w ciągu 5 dni.",
    "Återbetalningen syns på ditt kortutdrag inom 5 dagar.",
    "O reembolso aparece na fatura do cartão em até 5 dias.",
    "İade 5 gün içinde kart ekstrenize yansır.",
    "返金は5日以内にカードの明細に反映されます。",
    "退款会在5天内退回原卡，我们不需要您的卡号。",
    "سيظهر المبلغ المسترد في كشف بطاقتك خلال ٥ أيام، ولا نحتاج بيانات البطاقة.",
])
def test_a_refund_shown_on_the_card_asks_for_nothing(text):
    assert "content.payment-account" not in _rules(text, "ebay")


# ---- Arabic written with short-vowel marks ('يُرجى', 'مباشرةً') --------------------------------------------
@pytest.mark.parametrize("rule,text", [
    ("personal-info-request", "يُرجى إرسال رقم جوالك وتاريخ ميلادك."),
    ("payment-account", "يُرجى تحويل المبلغ إلى حسابنا مباشرةً."),
    ("off-platform", "راسِلنا على الواتساب، أسهلُ من هنا."),
])
def test_arabic_with_marks_is_read_like_without(rule, text):
    assert "content." + rule in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "فضلًا انتظر وصول الطرد، وسنرد عليك هنا.",
    "لا نحتاج رقم جوالك، كل التواصل هنا.",
])
def test_arabic_marks_make_no_new_negation_or_request(text):
    assert not _rules(text, "ebay")


def test_tashkeel_tolerance_keeps_classes_escapes_and_look_behinds():
    from replykit.checks.lexicon import tashkeel_tolerant
    import re
    assert re.fullmatch(tashkeel_tolerant("يرجى"), "يُرجى")
    assert tashkeel_tolerant("(?<!م)عدل") .startswith("(?<!م)")
    assert tashkeel_tolerant("paypal") == "paypal"
    assert re.fullmatch(tashkeel_tolerant("صو[ّ]?ر\\w*"), "صوّرها")


def test_marketplace_names_come_from_the_registry():
    from replykit.checks.commerce_rules import _marketplace_name
    from replykit.marketplaces import MARKETPLACES, packaged_profile
    rx = _marketplace_name()
    for m in MARKETPLACES:
        assert rx.search(packaged_profile(m)["display_name"].lower().split(" us")[0].split(" canada")[0])
    assert rx.search("pago pelo mercadolivre") and rx.search("via mercado pago")
    assert not rx.search("wishlist") and not rx.search("amazonas")


# ---- the shop on a social network, the bait in the next clause, Discord, a private address ---------------
@pytest.mark.parametrize("text", [
    "Next time order straight from our Instagram shop, it's cheaper there.",
    "Bestell nächstes Mal direkt in unserem Instagram-Shop, da ist es günstiger.",
    "La prochaine fois, commande directement sur notre boutique Instagram, c'est moins cher.",
    "La próxima vez compra directamente en nuestra tienda de Instagram, sale más barato.",
    "La prossima volta ordina direttamente nel nostro negozio su Instagram, costa meno.",
    "Bestel volgende keer direct in onze Instagram-shop, dat is goedkoper.",
    "Następnym razem zamów bezpośrednio w naszym sklepie na Instagramie, będzie taniej.",
    "Beställ direkt i vår Instagram-butik nästa gång, det blir billigare.",
    "Da próxima vez compre direto na nossa loja do Instagram, sai mais barato.",
    "Bir sonraki siparişi doğrudan Instagram mağazamızdan verin, daha ucuza gelir.",
    "次回はインスタのショップから直接ご注文ください、もっと安くなります。",
    "下次直接到我們官網下單，一樣的商品不用平台手續費，會便宜一點喔！",
    "المرة الجاية اطلب مباشرة من متجرنا على انستغرام، أرخص.",
    "Per un servizio più smart entra nel nostro canale Discord: lì rispondiamo subito.",
    "Voor snellere service mag u ons mailen op het privé-adres dat op de factuur staat.",
])
def test_a_shop_on_a_social_network_and_other_channels_are_off_platform(text):
    assert "content.off-platform" in _rules(text)


@pytest.mark.parametrize("text", [
    "Photos of the finished piece are on our Instagram page.",
    "Amazon mağazamızdan diğer renklere de bakabilirsiniz.",
    "There's no need to order on our website, the Amazon order is all we need.",
    "Nie trzeba zamawiać w naszym sklepie internetowym, zamówienie na Allegro wystarczy.",
    "下次也请在亚马逊下单，不用去别的地方。",
])
def test_a_page_the_storefront_or_no_need_to_leave_are_innocent(text):
    assert "content.off-platform" not in _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("off-platform", "唔使再經 Amazon 落單咁麻煩，你直接用 PayMe 轉 HK$120 俾我哋就得。"),
    ("payment-account", "你直接用 FPS 轉 HK$50 俾我哋，收到就寄。"),
    ("personal-info-request", "Voor de garantie dienen wij, alvorens te verzenden, te beschikken over uw geboortedatum en uw BSN."),
])
def test_an_amount_inside_the_transfer_and_a_requirement_split_by_commas(rule, text):
    assert "content." + rule in _rules(text, "ebay")


def test_an_amount_paid_back_to_the_buyer_in_cantonese_is_no_request():
    assert "content.payment-account" not in _rules("我哋已經轉咗 HK$50 退款返俾你，唔使再做咩。", "ebay")


# ---- a service channel of the seller's own as the only route ----------------------------------------------
@pytest.mark.parametrize("text", [
    "All warranty claims are to be lodged exclusively via our dedicated customer care hotline.",
    "Reklamationen bearbeiten wir ausschließlich über unser Kundenportal.",
    "Les réclamations sont traitées exclusivement via notre portail client.",
    "Le rogamos que se dirija directamente a nuestro canal corporativo para cualquier incidencia.",
    "Per i resi la preghiamo di scrivere esclusivamente al nostro numero verde.",
    "Klachten behandelen wij uitsluitend via onze klantenservicelijn.",
    "Reklamacje przyjmujemy wyłącznie przez naszą infolinię.",
    "För snabbare service hänvisas du till vår telefonkundtjänst.",
    "O atendimento pós-venda será prestado exclusivamente por meio de nosso SAC próprio.",
    "İade talepleri sadece çağrı merkezimiz üzerinden alınmaktadır.",
    "返品のご相談は当社のサポート窓口のみで承ります。",
    "售后问题只能联系我们的客服热线处理。",
    "يتم استقبال الشكاوى فقط عبر خطنا الساخن.",
])
def test_an_own_service_channel_as_the_only_route_is_off_platform(text):
    assert "content.off-platform" in _rules(text)


@pytest.mark.parametrize("text", [
    "Warranty claims go exclusively through the manufacturer's hotline, whose number is in the manual.",
    "Our customer service team answers only here in the Amazon messages.",
    "Unser Kundenportal ist heute gewartet; wir antworten wie immer hier.",
    "Notre portail client n'est pas nécessaire : tout se règle ici.",
    "No es necesario usar nuestro portal, lo resolvemos por aquí.",
    "Non serve il nostro numero verde, rispondiamo solo qui.",
    "U hoeft onze klantenservicelijn niet te bellen, wij helpen u hier.",
    "Nie trzeba dzwonić na naszą infolinię, wszystko załatwimy tutaj.",
    "Du behöver inte ringa vår telefonkundtjänst, vi svarar bara här.",
    "Não é preciso usar nosso SAC próprio, respondemos só aqui.",
    "Çağrı merkezimizi aramanıza gerek yok, sadece buradan yazın.",
    "当社のサポート窓口へのご連絡は不要です。",
    "不需要联系我们的客服热线，在这里就可以处理。",
])
def test_the_channel_named_without_sending_the_buyer_there_is_innocent(text):
    assert "content.off-platform" not in _rules(text)


def test_an_arabic_negation_after_wa_still_negates():
    assert "content.personal-info-request" not in _rules("وصلك الطرد، ولا نحتاج رقم جوالك أبداً.", "ebay")
    assert "content.personal-info-request" not in _rules("فلا نحتاج رقم جوالك.", "ebay")


# ---- business numbers and a carrier's own tracking host ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "Artikeldaten: Ref. KF-220-SW, EAN 4006381333931, 1,2 kg.",
    "Datos del artículo: ref. JV-1200-AZ, EAN 8437012345676, 1,2 kg.",
    "Item details for your records: order ref. on the box, GTIN 00012345600012.",
    "Référence produit : réf. LP-77, IMEI 356938035643809.",
])
def test_a_product_code_after_an_order_word_is_no_order_number(text):
    assert not [f for f in PLAIN.lint(Message("", text=text), "amazon") if f.rule == "order-id.format"]


def test_a_number_labelled_as_the_order_stays_an_order_number():
    fs = PLAIN.lint(Message("", text="Your order 8437012345676 has shipped."), "amazon")
    assert "order-id.format" in {f.rule for f in fs}


@pytest.mark.parametrize("marketplace", ["amazon", "ebay", "etsy", "mercadolibre", "walmart_us", "walmart_ca", "wish"])
@pytest.mark.parametrize("url", ["https://track.bpost.cloud/btr/web/#/search?itemCode=323299401234567891234567&lang=fr",
                                 "https://www.colisprive.com/moncolis/pages/detailColis.aspx?numColis=12345678901234",
                                 "https://www.relaiscolis.com/suivi-de-colis/", "https://a1.asendia.com/tracking/"])
def test_a_carriers_tracking_host_outside_its_main_domain_is_a_carrier(url, marketplace):
    """bpost tracks parcels on bpost.cloud, not bpost.be; Colis Privé, Relais Colis and Asendia are carriers too."""
    assert "link.external" not in {f.rule for f in PLAIN.lint(Message("", text=f"Suivi du colis : {url}"), marketplace)}


def test_a_lookalike_of_a_carrier_host_stays_external():
    assert "link.external" in {f.rule for f in PLAIN.lint(Message("", text="Suivi : https://bpost-cloud.shop/track"), "ebay")}


# ---- e-mail addresses disguised with the words or brackets of other languages -----------------------------------
def _email(text: str, marketplace: str = "amazon") -> bool:
    return any(f.rule == "content.email-address" for f in PLAIN.lint(Message("", text=text), marketplace))


@pytest.mark.parametrize("text", [
    "部品の写真を kagu.yamane あっと gmail どっと com に送ってください。",
    "写真は kagu.yamaneアットgmailドットcom までお願いします。",
    "麻烦您发到我们的邮箱 xiaoli_kefu 艾特 163 点 com，谢谢。",
    "发到邮箱xiaoli_kefu艾特163点com就行。",
    "Write to support {at} shop {dot} com for a faster answer.",
    "Mail me: support<at>shop<dot>com",
    "Schreiben Sie an info@lampenwelt(punkt)de, dann geht es schneller.",
    "Escríbenos a ventas arroba tienda punto es y lo vemos.",
    "Écrivez à contact (arobase) boutique (point) fr svp.",
    "Napisz: sklep(małpa)wp(kropka)pl",
    "Maila info snabel-a butiken punkt se så fixar vi det.",
    "Mail naar info apenstaartje winkel punt nl.",
    "Bize destek at magaza nokta com adresinden yazın.",
    "راسلنا على sales [at] shop [dot] com",
])
def test_an_address_disguised_in_any_language_is_an_email(text):
    assert _email(text)


@pytest.mark.parametrize("text", [
    "アットホームな雰囲気のお店です。ドットの柄は人気です。",
    "请艾特我们的客服账号，下午3点发货。",
    "我们每天10点 com 开始发货",
    "We ship at 10 am, see you at noon.",
    "Wir sind ab 8 Uhr erreichbar, Punkt.",
    "Le colis part à 10 h (point relais) demain.",
    "Nasz sklep na Allegro: małpa z pluszu, kropka w kropce.",
    "Lo trovi al punto vendita di Milano, alle 10 punto.",
    "Der Stecker <at> ist im Punkt 3 beschrieben {dot} hier.",
])
def test_at_and_dot_words_that_make_no_address_are_innocent(text):
    assert not _email(text)


# ---- a messenger's name typed letter by letter beside the seller's number ------------------------------------
@pytest.mark.parametrize("text,locale", [
    ("Per il cambio mi scriva su W h a t s A p p al 347 1234567, grazie.", "it-IT"),
    ("c'est plus simple par W h a t s A p p, je vous envoie une photo direct : 07 81 42\n56 93 (Karim).", "fr-FR"),
    ("Den Umtausch klären wir per W h a t s A p p, einfach an 0171 / 23 45\n678.", "de-DE"),
    ("Mejor por W.h.a.t.s.A.p.p al 612 34 56 78 y lo vemos.", "es-ES"),
    ("Najszybciej przez T e l e g r a m: 601 234 567.", "pl-PL"),
])
def test_a_spelled_out_messenger_beside_a_number_is_off_platform(text, locale):
    assert "content.off-platform" in _rules(text, context={"buyer_locale": locale})


@pytest.mark.parametrize("text,locale", [
    ("Bitte nicht per W h a t s A p p schreiben; die 0171 2345678 ist nur die Nummer von DHL.", "de-DE"),
    ("We don't use W h a t s A p p, and 07911 123456 is the courier's line.", "en-GB"),
    ("Il numero 347 1234567 è quello del corriere BRT; niente W h a t s A p p, risponda qui.", "it-IT"),
])
def test_a_spelled_out_messenger_refused_or_a_carriers_line_stays_on_the_platform(text, locale):
    assert "content.off-platform" not in _rules(text, context={"buyer_locale": locale})


# ---- a contact detail written out hides only the object it follows, not an ID asked for before it --------------
@pytest.mark.parametrize("text", [
    "麻烦您把身份证正反面照片还有出生年月，发到我们的邮箱 xiaoli_kefu 艾特 163 点 com，我们帮您提交给海关。",
    "Bitte schicken Sie uns eine Kopie Ihres Personalausweises an unsere E-Mail-Adresse service@lampenwelt.de.",
    "Please send a copy of your passport to our email address help@shop.example.com so customs can clear it.",
])
def test_an_id_asked_for_before_the_sellers_written_out_address_is_still_asked_for(text):
    assert "content.personal-info-request" in _rules(text)


@pytest.mark.parametrize("text", [
    "Unsere E-Mail-Adresse für Rechnungen lautet rechnung@lampenwelt.de.",
    "LINEは電話番号でも出てきます → 090 4412 8807",
])
def test_the_sellers_own_detail_written_out_is_no_request(text):
    assert "content.personal-info-request" not in _rules(text)


# ---- a label ending in a colon, its number on the next line ------------------------------------------------------
@pytest.mark.parametrize("text,locale", [
    ("فمعظم عميلاتنا يرتحن أكثر على و ا ت س ا ب، والرقم:\n٠٥٠ ٧١٨\n٤٢٩٣\nونرد حتى في أيام العيد.", "ar-AE"),
    ("Merci !\nPour les photos, écrivez-moi sur WhatsApp :\n06 12 34 56 78", "fr-FR"),
    ("Grazie!\nPer le foto mi scriva su WhatsApp:\n347 123 4567", "it-IT"),
    ("Danke!\nFotos gern per WhatsApp an:\n0171 2345678", "de-DE"),
])
def test_a_number_on_the_line_after_its_label_is_the_labels(text, locale):
    assert "content.off-platform" in _rules(text, context={"buyer_locale": locale})


@pytest.mark.parametrize("text,locale", [
    ("Ihre Sendungsnummer bei DHL:\n0034 0434 1610 9412", "de-DE"),
    ("WhatsApp nutzen wir nicht. Ihre Bestellung:\n302-1234567-7654321", "de-DE"),
    ("Questions about the delivery time? The courier's line:\n0344 800 0123", "en-GB"),
])
def test_a_number_after_another_label_or_a_refusal_is_not_an_invitation(text, locale):
    assert "content.off-platform" not in _rules(text, context={"buyer_locale": locale})
