"""Kinds of phrasing the content rules must recognise in any language (chat forms, informal and
do-it-yourself requests, rewards promised after a request, personal channels, dismissive wording)
and the innocent look-alikes of each kind. Every concept rule is switched on for every marketplace.

These are the phrase lexicon's kinds, so the learned second opinion is off here; what it adds on the
look-alikes below is bounded in test_checks_learned.py."""
from __future__ import annotations

import pytest

from replykit.checks import Checker, Message

RULES = ("content.promotion", "content.off-platform", "content.payment-account", "content.cancel-request",
         "content.personal-info-request", "content.review-incentive", "content.review-biased",
         "content.review-removal", "content.disrespect")
CHECKER = Checker({"profiles": {"all": {"learned_second_opinion": False, "severity": {r: "error" for r in RULES}}}})


def _rules(text: str, marketplace: str = "amazon") -> set[str]:
    return {f.rule for f in CHECKER.lint(Message("", text=text), marketplace)} & set(RULES)


@pytest.mark.parametrize("rule,text", [
    ("off-platform", "Napisz do mnie na priv na FB, tam szybciej odpowiadam"),
    ("off-platform", "Écris-moi directement sur mon mail perso, c'est plus simple"),
    ("off-platform", "hit me up on insta @shopguy"),
    ("off-platform", "Kun je me even appen? 06 12345678"),
    ("personal-info-request", "send me ur phone nr and email so i can sort it"),
    ("personal-info-request", "Schick mir mal deine Handynummer"),
    ("payment-account", "Send the remaining 20€ to my PayPal pls"),
    ("cancel-request", "Potresti annullare tu l'ordine? Non ce l'abbiamo più"),
    ("cancel-request", "pls cancel on ur side, item out of stock"),
    ("review-incentive", "Laissez un avis et on vous rembourse les frais de port"),
    ("review-incentive", "Lasci una recensione e ti mandiamo un buono da 10€"),
    ("review-removal", "Pls revise ur neg feedback, we sorted the issue"),
    ("review-biased", "If anything's wrong write us first, not a review"),
    ("disrespect", "Read the listing next time, it's clearly written"),
    ("disrespect", "Ma lei sa leggere? C'è scritto nella descrizione"),
    ("disrespect", "Vous auriez dû lire la description avant d'acheter"),
    ("disrespect", "Ya te lo expliqué tres veces, lee bien"),
    ("review-incentive", "Schreib eine Bewertung und wir erstatten dir den Versand"),
    ("promotion", "Kod RABAT10 = -10% na kolejne zakupy"),
    ("off-platform", "As you asked, here is my WhatsApp: +49 170 1234567"),
    ("cancel-request", "You asked about the delay: could you cancel the order on your side?"),
])
def test_kind_is_found(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Write to us here anytime; our Facebook page also has the setup video",
    "The refund of 12€ was sent to your PayPal account",
    "pls check the tracking link, ur parcel is at the depot",
    "If the item is faulty, send us a photo here and we refund you right away",
    "Thanks for your review! We'll send you the missing screw today",
    "Ti ho già spiegato come montarlo, ecco di nuovo le istruzioni passo passo",
    "Could you cancel the return request? The parcel arrived after all",
    "Abbiamo annullato l'ordine da parte nostra, rimborso in 3 giorni",
    "Don't send money to anyone outside eBay, we only accept eBay checkout",
    "Read the description for the sizes, or tell me your height and I'll advise",
    "My private label brand is sold only on Amazon",
    "Kun je me even laten weten of het pakket binnen is?",
    "Bitte schick uns die Seriennummer vom Gerät hier im Chat",
    "Il corriere ti scriverà su WhatsApp per la consegna, noi restiamo qui",
    "The error code E104 means the battery is below 10%",
    "Your return code RMA1234 is attached; the refund of 15% will follow",
    "Sie fragten, ob Sie per PayPal zahlen können – bitte nur über Amazon bezahlen",
    "Vous avez demandé notre WhatsApp : nous répondons uniquement ici",
    "Hai chiesto se puoi annullare l'ordine: non serve, lo spediamo domani",
    "You asked whether you should cancel — no need, it ships tomorrow",
    "Nie musisz podawać numeru telefonu, wszystko załatwimy tutaj",
    "Please don't share your phone number or email in messages",
    "U hoeft ons geen telefoonnummer te sturen",
    "Bitte keine Telefonnummer schicken, wir bleiben hier im Chat",
])
def test_look_alike_is_innocent(text):
    assert not _rules(text)


# ---- kinds of the third round: mechanisms, each in several languages, with look-alikes -----------------
@pytest.mark.parametrize("rule,text", [
    # accent-less typing of accented words
    ("review-removal", "pls usun ta negatywna opinie, juz wyslalismy nowa paczke"),
    ("review-removal", "yorumunuzu silebilir misiniz lutfen, sorun cozuldu"),
    ("review-incentive", "si vous laissez un avis 5 etoiles on vous rembourse la livraison"),
    ("review-removal", "Koennten Sie die Bewertung bitte zuruecknehmen? Wir haben alles erstattet."),
    # Latin words inside Chinese or Japanese text
    ("off-platform", "有问题直接加我们的WhatsApp聊吧，比这里快"),
    ("payment-account", "差价请直接转到我的PayPal账户，谢谢"),
    ("promotion", "今週末はsummer saleで全商品が20%オフです、お見逃しなく"),
    # a review paid for: equations, 'for a review you get', 'as soon as it is online', inverted conditionals
    ("review-incentive", "5-Sterne-Bewertung = 10 € zurück aufs Konto, so einfach ist das"),
    ("review-incentive", "Review with a photo = a £5 voucher for you"),
    ("review-incentive", "Per una recensione ricevi il 15 per cento sul prossimo ordine"),
    ("review-incentive", "Zodra uw recensie online staat, storten we de verzendkosten terug"),
    ("review-incentive", "Lämnar du ett omdöme skickar vi en extra laddkabel gratis"),
    ("review-incentive", "Em troca de uma avaliação, mandamos um brinde na próxima compra"),
    # bias: only satisfied customers, only if high, conditional pairs, 'or nothing'
    ("review-biased", "Nous ne demandons un avis qu'aux clients entièrement satisfaits."),
    ("review-biased", "Solo chiediamo una recensione ai clienti soddisfatti al 100%."),
    ("review-biased", "Deja reseña solo si vas a poner nota alta, porfa"),
    ("review-biased", "Zufrieden? Dann freuen wir uns über 5 Sterne. Unzufrieden? Erst zu uns!"),
    ("review-biased", "Five stars or nothing, mate :)"),
    # removal: raise, correct, take back, an opening imperative, a removal paid for
    ("review-removal", "Could you bump the rating up a bit now that it works?"),
    ("review-removal", "Poprawi Pan ocenę teraz, kiedy wszystko działa?"),
    ("review-removal", "Haal die ene ster alstublieft weg, het was de schuld van PostNL"),
    ("review-removal", "If you delete the one-star review, we will refund you the full price."),
    ("review-incentive", "Om du tar bort omdömet återbetalar vi hela beloppet."),
    # promotion without a coupon word: store-wide sale, new collection, other products, token for next order
    ("promotion", "Heads up: everything in the shop is 30% off until Sunday!"),
    ("promotion", "A partir del lunes toda la tienda tiene un 20 % de descuento, no te lo pierdas"),
    ("promotion", "Unsere neue Kollektion ist ab Freitag online, schau mal rein"),
    ("promotion", "We also do this mug in blue and green, have a look at our store"),
    ("promotion", "Use SPRING15 on your next order from our shop"),
    ("promotion", "Volg ons op Instagram voor de nieuwste aanbiedingen"),
    # payment: bank details asked in any form, paying the seller's own account
    ("payment-account", "Podaj mi numer konta, to oddam różnicę od razu"),
    ("payment-account", "Pour le remboursement, envoyez-nous votre RIB s'il vous plaît"),
    ("payment-account", "Can you send the extra £4 to our bank account? Details below."),
    ("payment-account", "Kun je de € 10 even naar ons overmaken? Dan gaat het pakket vandaag weg."),
    ("payment-account", "Depositá la diferencia en nuestra cuenta y te lo mandamos"),
    # personal data: birthday questions, documents 'we need', social accounts
    ("personal-info-request", "When's your birthday? We like to send a little card."),
    ("personal-info-request", "Wann hast du Geburtstag? Wir schicken dir gern was."),
    ("personal-info-request", "To release the parcel we need a photo of your passport."),
    ("personal-info-request", "Could you tell us your Instagram account?"),
    ("personal-info-request", "Qual é a sua data de nascimento? É para o nosso cadastro."),
])
def test_third_round_kind_is_found(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "We reviewed your request and refunded 20% of the price to your card.",
    "Je hebt een nieuwe handgreep gratis gekregen; bedankt voor je review.",
    "Thanks for the 5-star review! The spare filter you asked about ships tomorrow.",
    "Die neue Version des Ladegeräts ist mit Ihrem Modell kompatibel.",
    "The other colours are sold out at the moment, sorry.",
    "Le remboursement arrivera sur votre compte bancaire sous 5 jours.",
    "Nunca te pediremos tus datos bancarios ni tu número de cuenta.",
    "追加のお支払いは一切不要です。返金は元の支払い方法に戻ります。",
    "差价已经退到您的PayPal账户了，请查收。",
    "Kurye teslimat için sizi arayabilir, telefonunuzu açık tutun.",
    "You mentioned you sent the photos on WhatsApp; please attach them here instead.",
    "Your review helped us improve the packaging, thank you.",
    "Wir haben Ihre Bewertung gelesen und das Ersatzteil kostenlos verschickt.",
    "Ce n'est pas possible de modifier la commande, mais nous pouvons ajouter une note cadeau.",
    "We don't need your date of birth or any ID for this return.",
    "Il rimborso parziale del 15% è già stato accreditato sulla sua carta.",
    "Sprawdzimy to i damy znać do końca tygodnia.",
    "Si está satisfecho con la reparación, no necesita hacer nada más.",
])
def test_third_round_look_alike_is_innocent(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "Du hattest Signal erwähnt – schreib mir aber bitte weiter hier über Amazon.",
    "You mentioned Telegram; let's keep everything here on eBay so the case stays together.",
    "Mi hai cercato anche su WhatsApp: preferisco gestire tutto qui su Etsy.",
    "Je noemde dat je de foto ook via WhatsApp kon sturen, maar stuur hem liever hier via Etsy.",
])
def test_a_messenger_the_buyer_mentioned_is_no_invitation(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "Scrivimi su WhatsApp così facciamo prima, qui su eBay rispondo poco.",
    "Text me on Telegram, way faster than Etsy messages.",
])
def test_an_invitation_stays_one_whatever_it_says_about_here(text):
    assert "content.off-platform" in _rules(text)


@pytest.mark.parametrize("text", [
    "If you had read the manual you would know how to pair it.",
    "Hätten Sie die Anleitung gelesen, wüssten Sie das.",
    "Se avessi letto la descrizione, lo sapresti già.",
    "Gdyby Pan przeczytał opis, nie byłoby problemu.",
    "Su queja es ridícula, el producto funciona perfectamente.",
    "Şikayetiniz tamamen saçma.",
    "又来纠缠，再这样就拉黑你",
    "届いてないとか嘘でしょ",
])
def test_blame_and_scorn_are_disrespect(text):
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "Przepraszamy, to był głupi błąd z naszej strony.",
    "Aptalca bir hata yaptık, özür dileriz.",
    "Não queremos fazer você perder tempo: a troca já está a caminho.",
    "If you haven't read the care guide yet, it's in the box.",
])
def test_self_blame_and_plain_advice_are_not_disrespect(text):
    assert "content.disrespect" not in _rules(text)


@pytest.mark.parametrize("text", [
    "銀行振込の明細？こちらではお出しできないので、注文履歴からご確認ください",
    "PayPal？当店では使っていないので、Amazonの決済をご利用ください",
])
def test_a_question_mark_ends_a_japanese_sentence(text):
    """'？' normalises to '?' with no space after it in Japanese: the buyer's topic echoed as a question is
    its own sentence, so the request that follows does not ask for it."""
    assert "content.payment-account" not in _rules(text)


@pytest.mark.parametrize("text", [
    "The quickest fix would be for you to cancel the order on your side.",
    "Lo mejor es que cancele usted la compra, el proveedor no nos entrega.",
    "Ci aiuterebbe molto se l'ordine venisse annullato da parte sua.",
    "Kunt u Amazon vragen om de bestelling te annuleren?",
])
def test_indirect_cancel_requests(text):
    assert "content.cancel-request" in _rules(text)


def test_an_italian_gate_is_no_cancellation():
    assert not _rules("Il cancello del cortile è chiuso: può lasciare il pacco al portiere?")


def test_a_polish_mobile_after_pod_numerem_is_a_phone_number():
    found = {f.rule for f in CHECKER.lint(Message("", text="Pan Tomek odbiera pod numerem 601 234 567 od 8 do 16."), "amazon")}
    assert "content.phone-number" in found
    order = {f.rule for f in CHECKER.lint(Message("", text="Zamówienie pod numerem 302-5581920-4417736 zostało wysłane."), "amazon")}
    assert "content.phone-number" not in order


@pytest.mark.parametrize("rule,text", [
    ("payment-account", "Just Venmo the $10 straight to us and we'll upgrade the shipping."),
    ("payment-account", "Swisha mellanskillnaden till oss så skickar vi i dag."),
    ("off-platform", "I vår egen webbshop finns alla färger. Beställ direkt där nästa gång."),
    ("off-platform", "In our own web shop we stock every size. Order there next time."),
    ("cancel-request", "Am einfachsten wäre es, wenn die Bestellung von Ihrer Seite storniert wird."),
    ("personal-info-request", "Für unsere Kartei bräuchten wir noch Ihr Instagram-Profil."),
])
def test_rails_as_verbs_pronoun_follow_ups_and_easiest_would_be(rule, text):
    assert "content." + rule in _rules(text)


def test_a_social_account_asked_as_data_is_not_an_invitation():
    found = _rules("Could you tell us your Instagram account for our customer records?")
    assert "content.personal-info-request" in found and "content.off-platform" not in found


@pytest.mark.parametrize("text", [
    "Honestly it's quicker by phone, just call me on the shop line.",
    "Per E-Mail geht das viel schneller, schreib mir direkt.",
    "返品は電話の方が早いので、お店にお電話ください。",
    "这事打电话说更快，直接打给我们吧",
])
def test_a_channel_sold_as_quicker_is_off_platform(text):
    assert "content.off-platform" in _rules(text)


@pytest.mark.parametrize("text", [
    "The carrier will call you by phone before delivery, it's faster that way.",
    "Amazon will send you the return label by e-mail.",
    "Zwrot przez Allegro będzie szybciej rozpatrzony, jeśli dołączy Pan zdjęcie.",
])
def test_a_channel_that_is_not_ours_stays_clean(text):
    assert "content.off-platform" not in _rules(text)


# ---- kinds of the fourth round (round 3 read while tuning) ------------------------------------------
@pytest.mark.parametrize("rule,text", [
    ("review-removal", "請把差評刪掉,我們已經全額退款了。"),
    ("off-platform", "下次直接到我們的官網下單,價格比較便宜。"),
    ("review-incentive", "寫個好評就送您一張優惠券。"),
    ("payment-account", "差價請直接轉到我的PayPal帳戶,謝謝"),
])
def test_traditional_chinese_reads_like_simplified(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "退款已經處理完畢,請查收。",
    "這款檯燈的說明書在包裹裡面。",
])
def test_traditional_chinese_look_alikes_stay_clean(text):
    assert not _rules(text)


def test_the_traditional_fold_keeps_offsets_and_japanese():
    from replykit.checks.textutil import normalise
    text = "請把評價改一下,謝謝"
    assert len(normalise(text)) == len(text) and normalise(text).startswith("请把评价改一下")
    japanese = "レビューの評価を変更していただけませんか"
    assert normalise(japanese) == japanese  # kana: Japanese, its kanji keep their forms
    assert "content.review-removal" in _rules("レビューの評価を変更していただけませんか。返金いたしました。")


@pytest.mark.parametrize("text", [
    "The star average comes from all buyers' reviews, and we cannot change it.",
    "Die Sternezahl ist der Durchschnitt aller Bewertungen, die können wir nicht ändern.",
    "商品頁的星級是所有評價的平均,我們無法修改。",
    "星の数は全レビューの平均なので、当店では変更できません。",
    "متوسط النجوم هو معدل تقييمات كل المشترين، وما نقدر نعدّله.",
    "Ortalama puan tüm yorumlardan hesaplanır, biz değiştiremeyiz.",
])
def test_a_rating_the_seller_cannot_change_is_no_removal_request(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.parametrize("text", [
    "周二那条评价对我们影响很大,有没有可能撤下来?",
    "星1つのレビュー、星3つに変更してもらえませんか？",
    "Yorumunuzu değiştirmeyi düşünür müsünüz? Ürün yenisiyle değiştirildi.",
])
def test_a_request_in_negative_form_is_still_a_request(text):
    assert "content.review-removal" in _rules(text)


@pytest.mark.parametrize("text", [
    "Every star counts for a tiny family shop like ours, the more the better!",
    "Für uns als kleiner Laden zählt jeder Stern, je mehr desto besser.",
    "Las estrellas nos ayudan un montón, cuantas más, mejor.",
    "Cada estrela conta muito pra gente, quanto mais, melhor!",
    "Stjärnor betyder allt för en liten butik, ju fler desto bättre.",
    "星星对我们小店很重要,越多越好哦!",
    "星は多ければ多いほど励みになります!",
])
def test_the_more_stars_the_better_is_biased(text):
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    "The more photos you send, the better we can judge the damage.",
    "照片越多越好,方便我们判断损坏情况。",
    "Quanto mais fotos você mandar, melhor conseguimos ver o defeito.",
    "Hoe meer details u stuurt, hoe beter we kunnen helpen.",
])
def test_the_more_the_better_without_stars_is_innocent(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "Please only rate us if you're completely satisfied.",
    "Bewertungen bitte nur, wenn Sie rundum zufrieden sind.",
    "Nous demandons un avis uniquement aux acheteurs ravis.",
    "Solo invitamos a opinar a los compradores contentos.",
    "Avalie a loja apenas se ficou satisfeita.",
    "Alleen een review achterlaten als je echt blij bent, graag.",
    "Prosimy o opinię wyłącznie zadowolonych klientów.",
    "Sadece memnun kalan müşterilerimizden yorum rica ediyoruz.",
    "ご満足いただけた方のみレビューをお願いします。",
    "仅邀请满意的买家留下评价。",
])
def test_a_review_asked_only_of_satisfied_buyers_is_gating(text):
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    "The review form only opens after delivery, we're happy to help if it doesn't.",
    "Wir sind froh, dass alles passt. Eine Bewertung ist natürlich freiwillig.",
    "Nicht nur zufriedene Kunden: alle dürfen ehrlich bewerten.",
    "Solo queda una unidad en stock; nos alegra que estés contenta con la primera.",
    "只剩最后一个了,很高兴您满意。",
])
def test_only_and_happy_apart_are_innocent(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "Happy with the kettle? A five-star rating would make our day. If not, message us here first.",
    "Gefällt Ihnen die Lampe? Dann freuen wir uns über 5 Sterne. Ansonsten bitte zuerst uns schreiben.",
    "Vous aimez le sac ? Une bonne note nous ferait plaisir. Sinon, écrivez-nous d'abord ici.",
    "¿Te gustó la taza? Cinco estrellas nos ayudan. Si no, escríbenos primero por aquí.",
    "Tevreden? Dan graag vijf sterren. Zo niet, stuur ons eerst een bericht.",
    "Nöjd? Då blir vi glada för fem stjärnor. Annars, skriv till oss först.",
    "满意的话请给五星好评,不然先联系我们。",
])
def test_review_gating_as_two_branches(text):
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    "Happy with the kettle? Great! If not, message us here and we'll fix it.",
    "Glad you like the lamp! Otherwise the spare bulb ships tomorrow, just reply here.",
    "Your review helps other buyers. If anything's wrong with the order, message us here.",
    "Ti piace il colore? Altrimenti possiamo cambiarlo prima della spedizione.",
])
def test_one_branch_or_an_honest_review_is_no_gating(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    # nagging about a repeated message
    "Please stop sending the same message, we heard you the first time.",
    "Wir haben es beim ersten Mal verstanden, immer wieder die gleiche Nachricht hilft nicht.",
    "同じメッセージを何度も送らないでください。",
    "别再重复发了,我们都看到了。",
    # sarcasm: 'genius'
    "Try charging it first, genius.",
    "Prova a caricarlo prima, genio.",
    # freeloaders
    "Some customers just want everything for free.",
    "Niektórzy chcą wszystko za darmo.",
    # not bothering to read
    "Comme d'habitude, on ne se donne pas la peine de lire la notice.",
    "Wer die Anleitung nicht liest, hat eben Pech gehabt.",
    "People who can't be bothered to read the listing always write to us.",
    # shop elsewhere
    "Koop het dan maar ergens anders.",
])
def test_scorn_families_are_disrespect(text):
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "Sorry for sending the same message twice, our system glitched.",
    "We send the replacement for free, including the cable.",
    "Le enviamos todo gratis, incluido el envío.",
    "Our designer is a genius with colours and the new lid fits perfectly.",
    "Die Anleitung liegt bei; Schritt 3 steht auf Seite 2.",
])
def test_scorn_look_alikes_are_innocent(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "For the engraving I need the name and the birthday date you'd like on the ring.",
    "Für die Gravur brauche ich nur den Namen und das Geburtstagsdatum, das auf dem Anhänger stehen soll.",
    "Pour la carte, indiquez-moi le message d'anniversaire à imprimer.",
    "生日贺卡上的祝福语请写在这里,我们照原样印上。",
])
def test_a_birthday_to_engrave_or_print_is_no_personal_data(text):
    assert "content.personal-info-request" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Tell us your birthday and we'll send you a gift card.",
    "Donnez-nous votre date d'anniversaire pour recevoir un cadeau.",
    "Podaj datę swoich urodzin, a wyślemy prezent.",
])
def test_the_buyers_own_birthday_stays_personal_data(text):
    assert "content.personal-info-request" in _rules(text)


@pytest.mark.parametrize("text", [
    "Every December order gets a small gift in the box, regardless of reviews.",
    "Das kleine Geschenk liegt jeder Bestellung bei, unabhängig von einer Bewertung.",
    "El regalito va en todos los pedidos, independientemente de la reseña.",
    "Ein kleines Dankeschön: ein Gutschein für alle, ob Sie bewerten oder nicht.",
    "Gåvan följer med alla paket; ett omdöme är helt upp till dig.",
    "小礼物每单都有,与评价无关。",
])
def test_a_gift_regardless_of_reviews_is_no_incentive(text):
    assert "content.review-incentive" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Die Erstattung geht auf Ihre Karte zurück; Ihre Bankverbindung brauchen wir dafür wirklich nicht.",
    "Uw bankgegevens hebben we hiervoor echt niet nodig, de terugbetaling loopt via Amazon.",
    "Era kontonummer behöver vi faktiskt inte, pengarna går tillbaka till kortet.",
    "Die PayPal-Zahlung wickelt eBay selbst ab, Sie müssen uns nichts überweisen.",
    "PayPal payments are processed by Etsy at checkout, so there is nothing to send us.",
])
def test_no_bank_details_needed_and_payments_the_marketplace_settles(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "Pay half on eBay and the rest by PayPal straight to me.",
    "Schick mir die 20 € lieber direkt per PayPal statt über eBay.",
])
def test_a_payment_around_the_marketplace_stays_one(text):
    assert "content.payment-account" in _rules(text)


@pytest.mark.parametrize("text", [
    "您昨天申请的取消已经处理好了,款项会退回原支付方式。",
    "我们已更新商品说明,尺寸现在写清楚了。",
    "ご要望に合わせて更新商品ページの写真を差し替えました。",
])
def test_a_cue_inside_a_longer_chinese_word_is_no_cue(text):
    """'请' inside '申请' (apply) asks nothing; '新商品' inside '更新商品' (updated the product) is no new product."""
    assert not _rules(text)


def test_a_plain_chinese_request_still_asks():
    assert "content.cancel-request" in _rules("缺货了,请您取消订单吧。")


@pytest.mark.parametrize("text", [
    "Prosimy o szczerą opinię – każda, nawet krytyczna, pomaga nam się poprawić.",
    "Atualizamos as fotos do anúncio depois do seu comentário, obrigado pelo aviso.",
    "We updated the listing photos after your review, thanks for pointing it out.",
    "Ihre ehrliche Bewertung hilft uns, uns zu verbessern.",
])
def test_a_change_the_seller_makes_to_itself_is_no_removal_request(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.parametrize("subject", ["Sv: kan jag swisha?", "AW: Kann ich per PayPal direkt an Sie zahlen?", "Re: can I just Venmo you?",
                                     "R: posso pagarti con bonifico?"])
def test_a_reply_subject_quotes_the_buyer(subject):
    body = "Thanks for asking! Payment goes through the marketplace checkout as usual, nothing to send us."
    found = {f.rule for f in CHECKER.lint(Message(subject, text=body), "ebay")} & set(RULES)
    assert not found


def test_a_subject_the_seller_wrote_is_judged():
    found = {f.rule for f in CHECKER.lint(Message("Swisha oss mellanskillnaden", text="Hej! Paketet skickas i morgon."), "ebay")}
    assert "content.payment-account" in found


@pytest.mark.parametrize("text", [
    "Ihre Zahlung per PayPal bleibt wie sie ist, es wird nichts zusätzlich verrechnet.",
    "المبلغ يرجع لحساب PayPal اللي دفعت منه خلال ٣ أيام.",
    "Your PayPal payment stays as it is; nothing extra will be charged.",
    "Het bedrag gaat binnen drie dagen terug naar je PayPal-rekening.",
    "O valor volta para o seu Pix em até 2 dias úteis.",
])
def test_the_buyers_own_payment_described_is_no_payment_request(text):
    assert not _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "Send the remaining 20€ to my PayPal pls; your eBay payment stays as it is.",
    "Stuur de 7,50 even via PayPal naar mij, dan gaat het pakje morgen.",
])
def test_a_payment_to_the_seller_beside_it_stays_one(text):
    assert "content.payment-account" in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "We refunded CHF 5 for the delay. A review is of course optional; we welcome honest praise or criticism.",
    "Für die Verspätung haben wir Ihnen 5 € erstattet, das ist kein Gutschein. Eine Bewertung ist natürlich freiwillig; "
    "wenn Sie eine schreiben, freuen wir uns über Ihre ehrliche Meinung.",
    "Abbiamo rimborsato 5 €. La recensione è ovviamente facoltativa.",
])
def test_a_refund_next_to_an_optional_review_is_no_incentive(text):
    assert "content.review-incentive" not in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "De koerier stuurt een sms'je op uw gsm, daar hoeft u niets voor te doen.",
    "La consegna viene avvisata via sms dal corriere, lei non deve fare niente.",
])
def test_a_courier_texting_the_phone_on_file_is_no_data_request(text):
    assert "content.personal-info-request" not in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "De 15% korting uit de advertentie zit al verwerkt in het bedrag dat je betaald hebt.",
    "The 10% off from the listing was already applied to what you paid.",
    "Der Rabatt von 10 % ist bereits im bezahlten Betrag abgezogen.",
    "Le 20 % de remise était déjà appliqué au moment de l'achat.",
    "ご購入時に表示されていた10%オフは当時のセール価格です。",
])
def test_a_discount_already_applied_is_no_promotion(text):
    assert "content.promotion" not in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "下单时填 SPRING88 可以再减十块,本月有效",
    "Next time use SAVE10 for 10% off, the discount is applied at checkout.",
])
def test_a_discount_to_come_stays_a_promotion(text):
    assert "content.promotion" in _rules(text, "etsy")


def _all(text: str, marketplace: str = "ebay", locale: str = "ja-JP") -> dict[str, str]:
    return {f.rule: f.severity for f in CHECKER.lint(Message("", text=text, context={"buyer_locale": locale}), marketplace)}


@pytest.mark.parametrize("text,locale", [
    ("eBayのメッセージだと写真が送れないので、すみませんがLINEで話せると助かります、電話番号でも出てきます → 080 1234 5678。返送はヤマトでも大丈夫です。", "ja-JP"),
    ("Hier kann ich keine Fotos hochladen, schreib mir lieber auf WhatsApp, meine Nummer: 0171 2345678. Rücksendung gern mit DHL.", "de-DE"),
    ("Photos won't upload here, so text me on WhatsApp, my number is 07700 900123. Royal Mail is fine for the return.", "en-GB"),
])
def test_the_sellers_own_messenger_number_offered(text, locale):
    """The seller offers its own number on a messenger: off-platform and a phone number (an error, even with a
    carrier named a sentence later), but no request for the buyer's data."""
    found = _all(text, "ebay", locale)
    assert found.get("content.off-platform") == "error"
    assert found.get("content.phone-number") == "error"
    assert "content.personal-info-request" not in found


@pytest.mark.parametrize("text", [
    "すみませんが、こちらのメッセージでお写真を送っていただけますか。",
    "Send us your phone number so the courier can call you.",
])
def test_sorry_is_no_negation_and_a_number_asked_stays_asked(text):
    found = _all(text, "ebay", "en-US")
    assert ("content.personal-info-request" in found) == text.startswith("Send")


@pytest.mark.parametrize("text", [
    "If you could withdraw the order yourself from your account, that would really help us.",
    "Lo ideal sería que usted misma diera de baja el pedido desde su cuenta.",
    "L'idéal serait que la commande soit annulée par vous, depuis votre compte.",
    "Agradecíamos que fosse o senhor a anular a encomenda na sua conta.",
    "Am besten stornieren Sie die Bestellung selbst in Ihrem Kundenkonto.",
    "いったん注文履歴からキャンセルしていただければ助かります。",
    "麻烦您自己把订单撤掉,谢谢。",
    "الغي الطلب من جهتك لو سمحت",
])
def test_the_buyer_named_as_the_one_who_cancels(text):
    assert "content.cancel-request" in _rules(text)


@pytest.mark.parametrize("text", [
    "Wir haben die Bestellung selbst storniert, die Erstattung kommt in 3 Tagen.",
    "We cancelled the order ourselves; the refund is on its way to your account.",
    "Vous avez demandé comment annuler : vous pouvez le faire vous-même, mais ce n'est pas nécessaire.",
])
def test_a_cancellation_done_or_reported_is_no_request(text):
    assert "content.cancel-request" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Now that the new part works, would you consider taking down the two-star review?",
    "Is there any chance that review from Monday could disappear?",
    "Vielleicht mögen Sie Ihre Rezension noch aktualisieren, wenn Sie Zeit haben?",
    "Sería genial que revisara su reseña ahora que todo funciona.",
    "Agradecíamos muito que retirasse a avaliação negativa.",
    "Kanske du vill se över ditt omdöme nu när allt fungerar?",
    "Czy byłby Pan skłonny przemyśleć swoją ocenę po wymianie?",
    "レビューを見直していただければ幸いです。",
])
def test_a_review_change_asked_in_a_softened_form(text):
    assert "content.review-removal" in _rules(text)


@pytest.mark.parametrize("text", [
    "Would you consider updating your shipping address before Friday?",
    "Thanks for your review; we will look over our packing process.",
    "フィードバックのお願いが何度も届いていたらすみません、こちらの設定を見直します。",
])
def test_a_softened_request_about_something_else_is_no_removal(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.parametrize("text", [
    # a review paraphrased ('a few words about', 'un par de líneas sobre', '心得') and a prize draw
    "Everyone who writes a few words about the kettle enters our monthly prize draw.",
    "Wer ein paar Zeilen zur Lampe schreibt, nimmt an unserer Verlosung teil und kann einen Gutschein gewinnen.",
    "Quien deje un par de líneas sobre la taza entra en el sorteo de una tarjeta regalo.",
    "分享使用心得的买家,每月抽两位送礼券。",
    # the next order free
    "Write a review and your next order's on us!",
    "評価を書いてくれたら次の注文はタダにします。",
    "写个评价,下一单算我们的。",
    # amounts written in words, a reward promised 'then'
    "Sag Bescheid, wenn die Bewertung online ist, dann erstatte ich dir zwei Euro.",
    "Leave a review and I'll send you ten dollars back.",
    # the review as a verb
    "Si calificás la compra te mando de regalo un imán.",
])
def test_review_rewards_in_other_words(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "Write to us here if anything's wrong; a few words about the problem help us a lot.",
    "Your next order ships from our new warehouse.",
    "We refunded ten dollars for the late delivery.",
    "Bitte rate mal, was im Paket ist – die Bestellung kommt morgen.",
])
def test_review_reward_look_alikes(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    # a Latin code glued to Chinese or Japanese text
    "同款水壶结账时输入优惠码KETTLE15可以立减二十元。",
    "ケトルもクーポンコードNATSU15を入れると千円引きになります。",
    # sale events with their time
    "From Friday our Black Week starts, everything half price.",
    "Vanaf zaterdag zijn het solden bij ons, kom zeker eens kijken.",
    "Ab Montag läuft unser Winterabverkauf, da wird ordentlich nachgelassen.",
    "日曜までショップでセット半額やってます。",
    "لحد آخر الشهر كل الألوان بنص التمن.",
    # returning customers' perk, newsletter sign-up
    "Anyone who has already ordered from us gets 15% on the new range.",
    "We send a monthly newsletter with all our offers, just say the word and we'll add you to the list.",
    "我们每月会寄新品快讯,想收的话加进名单。",
])
def test_promotions_in_other_words(text):
    assert "content.promotion" in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "Your tracking number is LX123456789DE, it ships on Friday.",
    "請輸入訂單號碼AB12345後再聯絡我們。",
    "We are closed this month on Friday afternoons; replies may take a day longer.",
    "Bij twee stuks in één pakket betaalt u maar één keer verzendkosten, zoals Etsy berekent.",
])
def test_promotion_look_alikes(text):
    assert "content.promotion" not in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    # a social handle asked as a question
    "What's your name on Instagram? We'd love to tag you.",
    "Wie heißt du eigentlich auf Instagram? Dann markieren wir dich.",
    "Hoe heet je op Facebook? Dan taggen we je in de post.",
    "Vad heter ni på Facebook? Vi vill tagga er.",
    "请告诉我们您的脸书帐号,我们确认一下。",
    "شو اسم حسابك في انستا؟",
    # the address again for the records, a private e-mail
    "Please write your full address and postcode again for our records.",
    "Per il nostro database interno ci riscriva indirizzo e mail personale.",
    "記録のため、住所と郵便番号をもう一度ご記入ください。",
    "Skriv din privata mejl här, för vårt kundregister.",
])
def test_personal_data_in_other_words(text):
    assert "content.personal-info-request" in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "Please check that the delivery address on the order is right before Friday.",
    "Follow us on Instagram if you like, the photo goes up tomorrow.",
    "Wir haben die Adresse aus Ihrer Bestellung übernommen, das Paket ist unterwegs.",
])
def test_personal_data_look_alikes(text):
    assert "content.personal-info-request" not in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    # the seller's phone line offered
    "Bel gerust even naar onze winkel in Gent, dan leggen we het telefonisch uit.",
    "Müşteri hattımızı ararsanız değişimi hemen yaparız.",
    "平日はサポートダイヤルにお電話いただければすぐ対応します。",
    "有问题直接打我们的客服电话吧。",
    # going around the marketplace, said outright
    "Mail us at the address on the packing slip and we'll sort it outside Wish.",
    "Para a próxima não precisa de passar pelo eBay, fale connosco pelo site da loja.",
    # a social network's direct messages
    "Escríbenos por Instagram, nos encuentras como la tienda y nos mandas DM.",
    "Mağazanın Instagram hesabından DM atarsanız hemen dönerim.",
    "直接私信我们的IG吧,账号就是店名。",
    # the own shop or another marketplace sold as cheaper
    "Über unseren eigenen Webshop ist der Versand gratis.",
    "Ci trovi anche su Vinted con lo stesso nome, lì il prezzo è migliore.",
])
def test_leaving_the_marketplace_in_other_words(text):
    assert "content.off-platform" in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "配送前物流公司可能会打电话跟您约时间,这是正常流程。",
    "The courier may call you before delivery to arrange a time.",
    "Our Instagram has a video of the assembly; write to us here if you get stuck.",
    "We don't sell on Vinted or anywhere else, only here on eBay.",
])
def test_leaving_the_marketplace_look_alikes(text):
    assert "content.off-platform" not in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    # card data and log-in credentials
    "To speed up the refund, share the last four digits and the expiry date of your card.",
    "Necesitamos el número de su tarjeta y el código de seguridad, escríbalos aquí.",
    "Merci de nous donner les chiffres de la carte et la date d'expiration.",
    "Vi behöver dina PayPal-inloggningsuppgifter för återbetalningen.",
    # instant-payment apps and giro numbers per country, paying the seller directly
    "Die 12 Franken können Sie mir auch direkt per Twint schicken.",
    "Stuur me dan € 15 via een betaalverzoek, dan gaat het mee in het pakket.",
    "Sätt in 90 kr på mitt bankgiro så skickar jag i dag.",
    "差額直接匯到我們帳戶,週一出貨。",
    "نفضل الدفع انستاباي مباشرة للطلبات الخاصة",
    "De meerprijs mag u mij gewoon rechtstreeks overschrijven.",
])
def test_payment_outside_in_other_words(text):
    assert "content.payment-account" in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "Kurye binaya giremedi, kapı şifresini yazabilir misiniz?",
    "麻烦确认一下小区门禁密码,快递员需要。",
    "The refund goes back to the card you paid with; we never need its number or expiry date.",
])
def test_payment_look_alikes(text):
    assert "content.payment-account" not in _rules(text, "etsy")


@pytest.mark.parametrize("rule,text", [
    ("review-incentive", "Si tu laisses un avis sur la boutique, je t'envoie un code de quinze pour cent."),
    ("review-incentive", "Si dejas una reseña de la taza, te mando un cupón para la próxima."),
    ("review-incentive", "Wenn du eine Bewertung schreibst, schicke ich dir einen Gutschein."),
    ("personal-info-request", "Podeślij mi jeszcze PESEL, bo prowadzę swoją ewidencję klientów."),
    ("cancel-request", "Le plus simple serait que l'annulation parte de votre compte Amazon."),
    ("payment-account", "Pour la différence, le plus simple c'est un virement direct : je vous envoie mon RIB."),
    ("off-platform", "Écrivez-moi à jean.dupont chez orange point fr pour la suite."),
])
def test_round_three_message_kinds(rule, text):
    assert "content." + rule in _rules(text)


def test_chez_and_point_in_prose_are_no_address():
    found = {f.rule for f in CHECKER.lint(Message("", text="Le colis est chez le voisin, point final. Bonne soirée !"), "amazon")}
    assert "content.email-address" not in found and "content.off-platform" not in found


@pytest.mark.parametrize("text", [
    "Review it here: https://www.amazon.de/review/create-review?asin=B0C1234567&ref=1",
    "Our designer is a genius with colours; the lid is the genius part of the design.",
])
def test_punctuation_inside_a_word_run_starts_no_fragment(text):
    """A fragment that starts with punctuation ('= 10 €' as a reward) only starts where a word does not
    go on: '...&ref=1' in a review link is no reward; 'genius' is scorn only as the sentence's last word."""
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "¿Te gustó? Entonces unas estrellitas me alegran el día. Si no, primero lo hablamos por aquí.",
    "喜欢吗?那就给最高分吧。不太满意?那就先私下联系我们。",
])
def test_gating_branches_with_a_top_rating_and_no_review_word(text):
    assert "content.review-biased" in _rules(text)


def test_a_top_rating_without_the_other_branch_is_no_gating():
    assert "content.review-biased" not in _rules("¿Te gustó la taza? Nos alegra mucho. Si no, la cambiamos sin problema.")
# ---- kinds of the fourth round (precision first) ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "> Can I message you on WhatsApp?\nSorry for the wait, the parcel left today.",
    "> Kann ich per PayPal Freunde zahlen?\nDie Zahlung läuft wie immer, das Paket geht heute raus.",
    "1) > mi dai il tuo numero di whatsapp?\nIl pacco è partito ieri con GLS.",
    "> możesz usunąć tę opinię o mnie?\nJasne, paczka już w drodze.",
    "> 能加你微信吗？\n包裹今天已经寄出了。",
    "> lütfen siparişimi iptal et\nTamam, kargo yarın çıkıyor.",
])
def test_a_quoted_buyer_line_asks_nothing(text):
    """Point-by-point answers quote the buyer ('> ...'): the buyer's words are not the seller's request."""
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("promotion", "> is there a discount?\nUse code SAVE20 on your next order in our shop!"),
    ("off-platform", "> wann kommt das Paket?\nMorgen. Schreib mir sonst auf WhatsApp, da bin ich schneller."),
    ("promotion", ">>> WINTER SALE: 30% off everything in our shop until Sunday <<<"),
])
def test_the_answer_under_a_quote_is_still_judged(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Ihre Bankdaten brauchen wir dafür nicht, die Erstattung läuft über Amazon.",
    "Uw bankgegevens hebben we daarvoor niet nodig, de terugbetaling loopt via Amazon.",
    "Dina bankuppgifter behöver vi inte, återbetalningen sker via Amazon.",
    "Sizden kart numarası, IBAN ya da ek ödeme asla istemeyiz.",
    "当店からカード番号や銀行口座をお伺いすることは一切ございません。",
    "我们不会要求您提供身份证或银行卡号。",
    "Gdyby paczka wróciła, wyślemy nową bez dopłaty.",
    "Nieuwe schroeven zijn onderweg, zonder kosten voor u.",
    "Le devolvemos el importe sin comisiones ni gastos.",
])
def test_a_refusal_after_the_object_or_without_before_it_negates(text):
    """Verb-final and verb-second refusals ('... brauchen wir nicht', '... asla istemeyiz', '…ございません'),
    a list of objects before them, and 'without' right before a charge ('bez dopłaty', 'zonder kosten')."""
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("payment-account", "Schicken Sie uns bitte Ihre Bankdaten, eine Kreditkarte brauchen wir nicht."),
    ("payment-account", "PayPal ile gönderin, IBAN gerek yok."),
    ("payment-account", "Wyślij dopłatę 20 zł na nasze konto, bez tego nie wyślemy."),
    ("off-platform", "Zahl mir direkt per PayPal, ohne die eBay-Gebühren."),
    ("off-platform", "Pagame directo por transferencia, así sin comisiones de Mercado Libre."),
])
def test_a_negation_of_something_else_leaves_the_request(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Nos comenta que nos buscó en WhatsApp, pero atendemos solamente por los mensajes de eBay.",
    "Pisała Pani też, że znajoma radziła zapłacić nam osobno przelewem – nie ma takiej potrzeby.",
    "Ci scrive che ha provato a contattarci su WhatsApp: il pacco arriva domani.",
    "Du skriver att du försökte nå oss på WhatsApp; paketet skickades i dag.",
    "Vous demandiez si vous pouviez payer la différence par virement : ce n'est pas nécessaire.",
])
def test_what_the_buyer_wrote_reported_back_asks_nothing(text):
    """'You write that ...', 'nos comenta que ...', 'pisała Pani, że ...': the buyer's message reported
    back, up to the next colon, semicolon or dash."""
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("off-platform", "Ci scrive che è urgente: mi scriva su WhatsApp al 347 1234567."),
    ("off-platform", "Du skriver att det är bråttom – skriv till mig på WhatsApp så går det snabbare."),
    ("off-platform", "Nos dice que es urgente: escríbame por WhatsApp y lo vemos."),
    ("payment-account", "Pisze Pani, że się spieszy – proszę przelać dopłatę na nasze konto."),
])
def test_a_request_after_the_report_is_still_one(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Como dice la política de Mercado Libre, no ofrecemos descuentos ni regalos a cambio de opiniones.",
    "Comme le prévoit la politique d'Etsy, nous n'offrons ni remise ni cadeau en échange d'un avis.",
    "Per Amazon policy we never offer refunds or gifts in exchange for reviews.",
    "Gemäß den Etsy-Richtlinien bieten wir keine Rabatte oder Geschenke für Bewertungen an.",
    "Zgodnie z zasadami Allegro nie dajemy rabatów ani prezentów w zamian za opinie.",
    "Vi har skickat en gratis ersättningslampa; den är inte kopplad till något betyg.",
])
def test_a_policy_quote_denying_the_deal_is_no_incentive(text):
    """Every benefit of the sentence negated ('ni remise ni cadeau', 'no ofrecemos'), or every review."""
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "Leave us a review and we refund you 5 €, no questions asked.",
    "Lascia una recensione e ti mandiamo un buono, non è uno scherzo!",
    "Deja tu opinión y te regalamos un descuento, no lo olvides.",
])
def test_a_negation_beside_the_deal_leaves_it(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "L'annulation a été traitée le 2 décembre, aucune action n'est nécessaire de votre part.",
    "您申请的取消已于今天处理完成，不会产生任何费用。",
    "O cancelamento já foi processado ontem, não precisa fazer nada.",
    "İptal işlemi tamamlandı, herhangi bir şey yapmanıza gerek yok.",
])
def test_a_cancellation_reported_done_asks_nothing(text):
    """'... a été traitée', '已于今天处理完成' (and '申请' is 'applied for', not 'please')."""
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "请您申请取消订单，我们缺货了。",
    "Could you cancel the order? The cancellation will be processed at once.",
])
def test_a_cancel_request_beside_the_word_processed_stays_one(text):
    assert "content.cancel-request" in _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("off-platform", "有問題直接加我們的WhatsApp聊吧，比這裡快"),
    ("payment-account", "差價請直接轉到我的PayPal帳戶，謝謝"),
    ("review-removal", "麻煩您把負評刪掉，謝謝"),
    ("cancel-request", "沒貨了，請您取消訂單"),
])
def test_traditional_chinese_requests_are_found(rule, text):
    """zh-TW / zh-HK text is folded to Simplified characters before matching, and so is every fragment."""
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "差價已經退到您的PayPal帳戶了，請查收。",
    "關於您說的 WhatsApp：我們只透過 eBay 訊息聯絡，麻煩繼續在這裡回覆。",
])
def test_traditional_chinese_look_alikes_stay_innocent(text):
    assert not _rules(text)


def test_the_chinese_fold_keeps_offsets_and_is_idempotent():
    from replykit.checks.textutil import fold_traditional, normalise, normalise_reference
    text = "關於您說的 WhatsApp：我們只透過 eBay 訊息聯絡"
    folded = normalise(text)
    assert len(folded) == len(text) and folded == normalise_reference(text)
    assert "您说" in folded and fold_traditional(folded) == folded


@pytest.mark.parametrize("text", [
    "Yes, we left positive feedback for you as a buyer today, thanks for paying so fast.",
    "會的，今天已經給您留了好評，謝謝您快速付款。",
    "はい、本日購入者様に良い評価をお付けしました。",
    "Wir haben Sie heute als Käuferin positiv bewertet, danke für die schnelle Zahlung.",
    "商品頁面的星等是所有買家評價的平均，我們無法修改。",
    "看到您评价里提到扣环松了，我们已免费寄出替换链条，评价不需要做任何修改。",
])
def test_the_sellers_own_feedback_and_a_rating_nobody_can_change_ask_nothing(text):
    """eBay sellers rate their buyers ('we left you positive feedback'); '我们无法修改' is 'we cannot change'."""
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("review-biased", "We left you positive feedback, please leave us 5 stars too!"),
    ("review-removal", "能不能把差評改成好評？"),
    ("review-removal", "周二那条评价对我们影响很大，有没有可能撤下来？"),
])
def test_a_request_beside_the_sellers_feedback_or_an_a_not_a_question_stays_one(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Jeśli kubek się nie spodoba, oddam Ci pieniądze na konto, napisz tylko do mnie.",
    "If it doesn't fit, we refund you to your PayPal, just write to us.",
    "Se non va bene ti rimborso su PayPal, scrivimi pure.",
])
def test_money_the_seller_pays_back_to_the_buyers_account_is_no_payment_request(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "Per il rimborso ci servono il numero della carta e la data di scadenza, grazie.",
    "Oddam Ci różnicę, ale najpierw przelej 20 zł na moje konto.",
    "Send the 10 € to my PayPal and we'll refund you the shipping.",
])
def test_a_refund_as_the_pretext_or_in_another_clause_leaves_the_request(text):
    assert "content.payment-account" in _rules(text)


@pytest.mark.parametrize("text", [
    "Usunęliśmy z oferty błędną tabelę rozmiarów, o której pisał Pan w recenzji – dziękujemy.",
    "Removemos do anúncio a tabela de medidas errada que você citou na avaliação — obrigado pelo aviso.",
    "Będziemy wdzięczni za szczerą opinię – każda ocena, także krytyczna, pomaga nam poprawić produkt.",
    "留め具がゆるいとのレビューを拝見し、無償で交換用チェーンをお送りしました。",
    "Thanks to your review we removed the wrong size chart from the listing.",
    "Wir haben die falsche Größentabelle entfernt, die Sie in Ihrer Bewertung erwähnt haben.",
])
def test_what_the_seller_removed_or_a_review_helps_improve_is_no_removal_request(text):
    """The removal verb is the seller's own act ('usunęliśmy', 'removemos do anúncio', 'we removed') or
    what a review does ('pomaga nam poprawić produkt'), and 'we saw your review' is no review deal."""
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "We removed the wrong size chart, so could you please delete your review now?",
    "Usunęliśmy błąd z opisu, czy może Pan teraz usunąć opinię?",
])
def test_a_removal_asked_after_the_sellers_fix_stays_one(text):
    assert "content.review-removal" in _rules(text)


@pytest.mark.parametrize("text", [
    "Gostou? Então manda 5⭐ pfv 🙏",
    "Beğendiniz mi? O zaman 5⭐ lütfen 🙏",
    "Zadowolona? To zostaw 5⭐ pls 🙂",
    "Happy with it? Then 5★ please!",
    "Un petit 5 étoiles nous ferait tellement plaisir ⭐⭐⭐⭐⭐ merci !!",
    "Cinque stelline ci renderebbero felicissimi ⭐⭐⭐⭐⭐ grazie!!",
    "¡Ojalá te guste! Una reseña de cinco estrellitas nos haría muy felices ⭐⭐⭐⭐⭐",
])
def test_stars_as_symbols_and_would_make_us_happy_ask_for_a_top_rating(text):
    """'5⭐', '★★★★★' are a top rating; 'would make us happy' ('nous ferait plaisir', 'ci renderebbero
    felicissimi', 'nos haría felices') is a request like 'we would appreciate'."""
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    "Our lamp has a 4.5★ average from 300 buyers; the spare bulb ships tomorrow.",
    "Thanks for the ⭐⭐⭐⭐⭐, it made our day!",
])
def test_stars_nobody_asks_for_are_innocent(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "You're the one who dropped it, don't blame us.",
    "Sie haben es doch selbst kaputt gemacht, das ist ziemlich dreist.",
    "Tu non sai collegarlo, è semplicissimo.",
    "Não manda mais mensagem, já respondemos.",
    "Lär dig läsa innan du beställer.",
    "别再浪费我们时间了。",
    "Przestań płakać jak dziecko, paczka dotarła.",
    "ما بتعرف تركبها، الجهاز شغال.",
    "Schrijf ons niet meer, we hebben alles al uitgelegd.",
])
def test_blame_mockery_and_do_not_write_again_are_disrespect(text):
    """'you broke it yourself', 'you can't even plug it in', 'crying like a child', 'learn to read',
    'don't write to us again', 'stop wasting our time', in 13 languages."""
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "Wir freuen uns wie ein Kind über Ihre Nachricht!",
    "Usted no sabe cuánto lamentamos el retraso.",
    "Customers like you make our day!",
    "Não se preocupe, não precisa mandar mais mensagens: o reembolso já saiu.",
    "Per non farle perdere tempo, le spediamo subito il ricambio.",
    "不是您的问题，是我们发错了颜色。",
])
def test_the_same_words_said_kindly_are_not_disrespect(text):
    assert "content.disrespect" not in _rules(text)



@pytest.mark.parametrize("text", [
    'Könnten wir das lieber über meine private E-Mail klären?',
    'Could we continue this over email? The Etsy app keeps logging me out.',
    'Possiamo continuare via mail? Qui è troppo lento.',
    '¿Podemos seguir por correo personal? Acá tarda mucho.',
    'Escreve no meu e-mail pessoal, por favor.',
    '后续可以改用个人邮箱联系吗？',
    'Me chama no zap que eu te respondo rapidinho.',
    "Bana wp'den ulaşın, daha hızlı olur.",
    'Schreib mir per PN auf Insta, da bin ich schneller.',
    '直接LINE我比較快',
    'Bestel de volgende keer via onze eigen webshop, dat is goedkoper.',
])
def test_a_private_mail_a_proposal_to_move_and_chat_abbreviations_are_off_platform(text):
    """'my private e-mail', 'can we continue over email?', 'aquí es muy lento', 'no zap', "wp'den",
    'per PN auf Insta', 'LINE我', 'no need to go through the platform', in 13 languages."""
    assert "content.off-platform" in _rules(text)


@pytest.mark.parametrize("text", [
    'Amazon never shows us your personal e-mail address, so please reply here.',
    'Wir schicken Ihnen das Etikett per E-Mail von Amazon.',
    'Can we send you a replacement instead of a refund?',
    'Your private e-mail stays hidden: eBay forwards our messages.',
    'Seattle, WA 98101 is the return address on the label.',
])
def test_mail_mentions_and_proposals_that_move_nothing_are_innocent(text):
    assert "content.off-platform" not in _rules(text)



@pytest.mark.parametrize("text", [
    'Vi undrar om ni skulle kunna avbryta ordern från ert konto?',
    'Favor de cancelar su pedido desde su cuenta, se nos agotó.',
    'Czy byłoby możliwe, żeby Pan sam anulował zamówienie?',
    'ご注文のキャンセルをお客様側でしていただくことは可能でしょうか。',
    '亲，麻烦取消一下订单，没库存了',
    'We were wondering if you could cancel the order from your account.',
    'Andere Kunden haben die Bestellung in so einem Fall selbst storniert, vielleicht können Sie das auch?',
    'ممكن تلغي الطلب؟ الغي الطلب من حسابك لو سمحت',
])
def test_hedged_cancel_requests(text):
    """'we wonder if you could', 'favor de', 'czy byłoby możliwe, żeby Pan sam', 'していただくことは可能でしょうか',
    '取消一下', 'other customers cancelled it themselves, maybe you can too' (and Swedish 'ni' is 'you', not 'nor')."""
    assert "content.cancel-request" in _rules(text)


@pytest.mark.parametrize("text", [
    'Wir fragen uns, ob Sie das Paket schon erhalten haben.',
    'Vi undrar om du har fått paketet ännu?',
    '我们已经为您取消一下午的配送预约，明天送达。',
    'Many customers asked us the same; we cancelled the order ourselves this morning.',
])
def test_hedged_questions_that_ask_no_cancellation(text):
    assert "content.cancel-request" not in _rules(text)



@pytest.mark.parametrize("text", [
    "What's your Insta handle? We'd love to tag you.",
    'Dürften wir fragen, wie Ihr TikTok-Name lautet?',
    'Envoie-nous ton pseudo Insta, on te mentionnera !',
    'Pasame tu celu y tu fecha de cumple, porfa.',
    'Skriv ditt mobilnr så lägger vi in dig i registret.',
    'Podaj nam swój profil na Instagramie, oznaczymy Cię.',
    'ممكن ترسل لنا حسابك على فيسبوك؟',
])
def test_a_social_profile_or_a_chat_word_for_phone_and_birthday_is_personal_data(text):
    """'your Insta handle', 'ton pseudo Insta', 'حسابك على فيسبوك', 'tu celu', 'fecha de cumple', 'mobilnr'."""
    assert "content.personal-info-request" in _rules(text)


@pytest.mark.parametrize("text", [
    'Please log in to your Amazon account to print the label.',
    'Uw profiel op Etsy toont nog het oude adres; wij versturen naar het adres van de bestelling.',
    'Ton pseudo apparaît déjà sur la commande, rien à faire.',
])
def test_the_buyers_marketplace_account_or_profile_mentioned_is_no_request(text):
    assert "content.personal-info-request" not in _rules(text)



@pytest.mark.parametrize("text", [
    'By leaving a review you get 15% off your next order.',
    'Dejando tu opinión te devolvemos el envío al momento.',
    'Als Dankeschön bekommt jeder, der uns eine Bewertung schreibt, einen 5-€-Gutschein.',
    'Wer uns eine Bewertung hinterlässt, bekommt die Versandkosten zurück.',
    'Yorumunuzu yazın, size 20 TL geri vereceğiz.',
    'ممكن تترك لنا تقييم؟ ومقابله نرسل لك هدية صغيرة.',
    'レビューを書いてくれた方には、次回の送料を無料にします。',
    'Avalie a gente e manda o print que devolvemos o frete.',
])
def test_a_reward_for_whoever_reviews_by_reviewing_or_for_the_screenshot(text):
    """'by leaving a review', 'dejando tu opinión', 'wer uns eine Bewertung hinterlässt, bekommt', 'レビューを書いて
    くれた方には', 'in exchange for it' in the next sentence, 'als Dankeschön' naming the reward."""
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    'Geri bildiriminiz için teşekkür ederiz; yeni parça yarın kargoda.',
    'Als Dankeschön für Ihre Geduld legen wir ein kleines Geschenk bei.',
    'Dejando su dirección completa, el envío llega antes.',
])
def test_thanks_and_gerunds_without_a_review_deal(text):
    assert "content.review-incentive" not in _rules(text)



@pytest.mark.parametrize("text", [
    'Send it as PayPal friends and family so there are no fees.',
    'Zahl uns den Aufpreis einfach per PayPal Freunde.',
    'Puoi pagare la differenza con PayPal tra amici? Così niente commissioni.',
    'Option 2: pay by direct bank transfer to our account and we ship today.',
    '方案二：直接转账到我们公司账户，今天发货。',
    'Farkı banka hesabımıza havale edebilirsiniz.',
    'Maak het bedrag over naar onze rekening, dan versturen we vandaag.',
    'Per favore mandaci login e password PayPal per il rimborso.',
    'نرجو إرسال رقم البطاقة وتاريخ الانتهاء لإتمام الاسترداد.',
    'Czy mogłaby Pani zapłacić przez PayPal jako znajomi?',
])
def test_paypal_friends_an_offered_option_and_credentials_are_payment_requests(text):
    """'PayPal friends and family' in 13 languages, 'Option 2: transfer to our account', the seller's
    account in more words ('rekening van ons', '当店口座', 'لحسابنا'), logins, card numbers and expiry dates."""
    assert "content.payment-account" in _rules(text)


@pytest.mark.parametrize("text", [
    'Pan już zapłacił za zamówienie, nic więcej nie trzeba.',
    'Option 2: we send a new one, option 3: a refund to your card.',
    'The refund went back to the card you paid with; we never see your password.',
])
def test_options_payments_done_and_passwords_never_seen_are_innocent(text):
    assert "content.payment-account" not in _rules(text)



@pytest.mark.parametrize("text", [
    "Please only leave a review if you're totally happy with it.",
    'Solo si quedó satisfecho, déjenos su reseña.',
    'Alleen een positieve beoordeling graag, anders eerst even mailen.',
    '只有好评才留评价，有问题先找我们。',
    'لا تترك تقييم إلا إذا كنت راضي تماماً.',
    'Niente voti bassi per favore, prima scriveteci.',
    'Die meisten Kunden geben uns 5 Sterne, wir hoffen, Sie auch.',
    'Most buyers leave us five stars; could you do the same?',
])
def test_only_if_happy_no_low_ratings_and_others_give_us_five_stars(text):
    """'only if you're happy', 'solo si quedó satisfecho', '只有好评才留评价', 'إلا إذا كنت راضي', 'niente voti
    bassi', and social proof with 'we hope you too' / 'could you do the same?'."""
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    'We hope you enjoy the lamp too; an honest review is always welcome.',
    'Only if the parcel is damaged do you need to send a photo.',
    'Sólo si el paquete llegó dañado, envíenos una foto.',
])
def test_hopes_and_only_ifs_about_something_else_are_innocent(text):
    assert "content.review-biased" not in _rules(text)



@pytest.mark.parametrize("text", [
    'Il colore si chiama «Linea Blu», lo spediamo domani.',
    'Das Modell heißt „Fünf Sterne“ und ist aus Eiche.',
    "La couleur s'appelle « Cinq étoiles », elle est en stock.",
    'Welke tekst wil je op het verjaardagsbord? Het personalisatieveld is leeg.',
    'Welcher Text soll auf die Geburtstagskarte? Das Feld war leer.',
    'Désolés pour ce retard pénible, le colis part demain.',
    'El descuento lo aplicó Amazon, no es un cupón de nuestra tienda.',
])
def test_key_words_in_a_harmless_sense(text):
    """A name in quotes ('si chiama «Linea Blu»', 'heißt „Fünf Sterne“'), a compound whose head is a thing
    ('verjaardagsbord', 'Geburtstagskarte'), a tiring delay ('retard pénible'), a discount the seller denies."""
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ('disrespect', 'Franchement, vous êtes vraiment pénible avec vos messages.'),
    ('personal-info-request', 'Wann haben Sie Geburtstag? Schreiben Sie es uns bitte.'),
    ('promotion', 'Es un cupón de nuestra tienda: 10 % de descuento en su próxima compra.'),
    ('off-platform', 'Chiamaci sulla nostra linea diretta, è più veloce.'),
])
def test_the_same_key_words_in_their_harmful_sense(rule, text):
    assert "content." + rule in _rules(text)



@pytest.mark.parametrize("text", [
    'Przez WhatsAppa ani telefonicznie nie prowadzimy rozmów, tylko tutaj.',
    'Por WhatsApp no atendemos consultas; respondemos aquí.',
    'Su WhatsApp non rispondiamo, solo qui su eBay.',
    'Par WhatsApp nous ne répondons pas, uniquement ici.',
    "Via WhatsApp we don't answer, only here on Etsy.",
])
def test_a_channel_put_first_and_refused_after_is_no_invitation(text):
    """'Przez WhatsAppa nie prowadzimy rozmów', 'Por WhatsApp no atendemos', 'Su WhatsApp non rispondiamo'."""
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    'Napisz na WhatsApp, tutaj nie odpisujemy szybko.',
    'Scrivimi su WhatsApp: qui non rispondiamo quasi mai.',
    'Escríbeme por WhatsApp porque aquí no contestamos rápido.',
])
def test_an_invitation_followed_by_a_negation_about_here_stays_one(text):
    assert "content.off-platform" in _rules(text)



@pytest.mark.parametrize("rule,text", [
    ('off-platform', 'Het is eenvoudiger als u mij even belt op mijn gsm.'),
    ('off-platform', 'Es más fácil si me llamás a mi celular, te explico en dos minutos.'),
    ('off-platform', 'Am einfachsten rufen Sie mich kurz auf meinem Handy an.'),
    ('off-platform', "C'est plus simple si vous m'appelez sur mon portable."),
    ('off-platform', 'Ring mig, det är enklare än att skriva här.'),
    ('promotion', '下次回购可以用我们的专属优惠，八折优惠券在这里领取。'),
])
def test_call_me_on_my_mobile_and_a_repurchase_coupon(rule, text):
    """'als u mij belt op mijn gsm', 'si me llamás a mi celular', 'rufen Sie mich auf meinem Handy an' (with
    'easier'), and a coupon for buying again ('下次回购', '专属优惠')."""
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    'Tu envío sale hoy por Correo Argentino, seguimiento CP123456789AR.',
    'Der Kurier ruft Sie vor der Zustellung kurz an, das ist einfacher.',
])
def test_the_post_and_the_carriers_call_are_no_channel_of_ours(text):
    assert not _rules(text)



@pytest.mark.parametrize("text", [
    'Wir haben auch eine neue Kollektion mit Leinenkissen, schauen Sie gern vorbei.',
    '¿Podría seguir nuestra tienda? Los viernes hay ofertas solo para seguidores.',
    'Dit weekend in de hele winkel: 2 halen, 1 betalen!',
    'Nesta semana temos descontos até 30% em toda a gama de bolsas.',
    'Diğer ilanlarımıza da bakın, pazara kadar tüm çantalarda kampanya var.',
    'Wij verkopen ook bijpassende lakens. Bekijk de hele collectie in onze winkel.',
    'Buy one, get one free on every mug in our store this week!',
])
def test_promotions_as_new_lines_follow_our_shop_bundles_and_up_to(text):
    """A new product line, 'follow our shop' with deals for followers, 'we also sell ... see the whole
    collection' across two sentences, bundles ('2 halen 1 betalen', 'buy one get one'), 'descontos até 30%'."""
    assert "content.promotion" in _rules(text)


@pytest.mark.parametrize("text", [
    'The courier offers a 2 for 1 delivery slot on weekends, nothing we control.',
    'Your order of 2 lamps was split into two parcels; both arrive this week.',
    'La nueva línea de atención de Amazon le responderá en 24 horas.',
])
def test_new_service_lines_and_two_parcels_are_no_promotion(text):
    assert "content.promotion" not in _rules(text)



@pytest.mark.parametrize("text", [
    'Stp enlève ton avis négatif, on a tout réglé.',
    '¿Podría actualizar su evaluación ahora que funciona?',
    'Conseguia alterar a classificação agora que resolvemos?',
])
def test_removal_in_regional_words(text):
    """'enlève l'avis', 'actualizar su evaluación', 'conseguia alterar a classificação'."""
    assert "content.review-removal" in _rules(text)


@pytest.mark.parametrize("text", [
    "Nous avons enlevé le produit défectueux de l'annonce, merci pour votre avis.",
    'A evaluación de calidad del lote terminó ayer y todo está bien.',
])
def test_the_same_words_about_the_listing_or_a_check(text):
    assert not _rules(text)



@pytest.mark.parametrize("text", [
    'Ihre Zahlung per PayPal bleibt, wie sie ist; wir berechnen nichts zusätzlich.',
    'Your PayPal payment stays as it is, nothing extra will be charged.',
    'Su pago con PayPal queda igual, no se le cobra nada más.',
    'المبلغ يرجع لحساب PayPal اللي دفعت منه.',
])
def test_the_buyers_own_payment_and_money_going_back_are_no_payment_request(text):
    """'Ihre Zahlung per PayPal bleibt' (new concept your_payment: the buyer's payment is no ask), 'المبلغ
    يرجع لحساب PayPal' (the money goes back to the buyer)."""
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    'Your payment failed, so please pay the 20 € by bank transfer to our account.',
    'Ihre Zahlung ist nicht angekommen, bitte überweisen Sie den Betrag per PayPal an uns.',
])
def test_a_payment_asked_after_naming_the_buyers_payment_stays_one(text):
    assert "content.payment-account" in _rules(text)


@pytest.mark.parametrize("subject", ["Sv: kan jag swisha?", "Re: can I pay you by PayPal?", "AW: WhatsApp?", "回复：可以加微信吗？"])
def test_a_reply_subject_repeats_the_buyer(subject):
    found = {f.rule for f in CHECKER.lint(Message(subject, text="Hej! Paketet skickades i dag."), "ebay")}
    assert not found & set(RULES)


def test_a_subject_of_the_sellers_own_is_judged():
    found = {f.rule for f in CHECKER.lint(Message("Pay us by PayPal friends and save the fees", text="Paketet skickades i dag."), "ebay")}
    assert "content.payment-account" in found



@pytest.mark.parametrize("text", [
    'Wir haben Ihnen 5 € erstattet, das ist kein Gutschein. Eine Bewertung ist freiwillig, wenn Sie eine schreiben, freuen wir uns über Ihre ehrliche Meinung.',
    "De koerier stuurt een sms'je naar uw gsm met het tijdsvenster.",
    'The courier texts your mobile number an hour before delivery.',
    'De 10% korting uit de advertentie zit al verwerkt in het bedrag dat je betaald hebt.',
    'Der Rabatt von 15 % ist bereits abgezogen, Sie müssen nichts tun.',
    'El 10 % de descuento ya está aplicado en el total que pagó.',
])
def test_a_denied_voucher_the_couriers_text_and_a_discount_already_paid_are_innocent(text):
    """A voucher the neighbouring sentence denies ('das ist kein Gutschein'), a request verb whose subject is
    the carrier ('de koerier stuurt een sms'), a discount already in the price ('zit al verwerkt', 'bereits
    abgezogen', 'ya está aplicado', new concept already_applied in 13 languages)."""
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ('personal-info-request', 'Bitte schicken Sie uns Ihre Handynummer, damit der Kurier Sie anrufen kann.'),
    ('promotion', '10% korting op je volgende bestelling, je hoeft niets te doen.'),
    ('review-incentive', 'Das ist kein Scherz: Für eine Bewertung bekommen Sie einen Gutschein.'),
])
def test_the_same_words_with_a_real_ask_or_offer(rule, text):
    assert "content." + rule in _rules(text)


def test_turkish_odemeniz_is_your_payment_only_when_it_is_done():
    """'ödemeniz' is both 'your payment' and 'that you pay': only 'ödemeniz alındı' is the buyer's payment."""
    assert "content.payment-account" in _rules("İkinci ürün için PayPal'dan arkadaşa gönderim olarak ödemeniz mümkün mü?")
    assert not _rules("Ödemeniz alındı, kargonuz yarın çıkıyor.")


# ---- round 5 as development data (session 5): kinds of review incentive look-alikes ----------------
@pytest.mark.parametrize("text", [
    "The coupon leaflet in the parcel belongs to the brand's loyalty scheme and has nothing to do with reviews.",
    "Der Gutschein im Paket stammt vom Hersteller und hat nichts mit Ihrer Bewertung zu tun.",
    "Le bon d'achat glissé dans le colis vient du fabricant et n'a rien à voir avec votre avis.",
    "El cupón de la caja es del fabricante y no tiene nada que ver con tu reseña.",
    "Il buono nella scatola è del produttore e non ha nulla a che fare con la recensione.",
    "O cupom dentro da caixa é do fabricante e não tem nada a ver com a sua avaliação.",
    "De kortingsbon in de doos komt van de fabrikant en heeft niets te maken met uw review.",
    "Kupon w paczce jest od producenta i nie ma nic wspólnego z opinią o naszym sklepie.",
    "Presentkortet i lådan kommer från tillverkaren och har inget med ditt omdöme att göra.",
    "Kutudaki hediye çeki üreticiye ait, yorumunuzla hiçbir ilgisi yok.",
    "箱に入っていたクーポンはメーカーのもので、評価とは無関係です。",
    "包裹里的代金券是品牌方的活动，跟评价没有关系。",
    "الكوبون اللي بالعلبة من الشركة المصنعة وما له علاقة بالتقييم أبداً.",
])
def test_a_reward_said_to_be_unrelated_to_reviews_is_innocent(text):
    """The reward and the review are named together only to say they are not linked."""
    assert "content.review-incentive" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Leave us a review and the coupon in the parcel is worth 10 % more.",
    "Schreiben Sie eine Bewertung, dann schicken wir Ihnen einen Gutschein über 5 €.",
    "Laissez un avis et le bon d'achat de 5 € est à vous.",
    "Deja tu reseña y te mandamos un cupón de 5 €.",
    "Lasci una recensione e le inviamo un buono da 5 €.",
    "Deixe a sua avaliação e enviamos um cupom de 5 €.",
    "Laat een review achter en u krijgt een kortingsbon van 5 euro.",
    "Zostaw opinię, a dostaniesz kupon na 20 zł.",
    "Lämna ett omdöme så får du ett presentkort på 50 kr.",
    "Yorum yapın, size 50 TL hediye çeki gönderelim.",
    "レビューを書いていただければクーポンを差し上げます。",
    "写好评就送代金券。",
    "اكتب تقييمك ونرسل لك كوبون خصم.",
])
def test_a_reward_for_a_review_stays_an_incentive(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "You asked whether a review earns a voucher – we aren't allowed to offer that, but we'd value your honest opinion.",
    "Sie fragten, ob es für eine Rezension ein Geschenk gibt – das ist bei uns nicht vorgesehen.",
    "Vous nous demandez si un avis donne droit à une remise : ce n'est pas possible chez nous.",
    "Me preguntas si por una reseña hay un regalo: no lo ofrecemos.",
    "Ci chiede se con una recensione riceve uno sconto: non lo prevediamo.",
    "Você perguntou se ganha um brinde pela avaliação: não oferecemos isso.",
    "U vroeg of er een cadeautje tegenover een review staat – dat mogen we niet aanbieden.",
    "Pytała Pani, czy za opinię jest rabat – niestety nie możemy tego zaproponować.",
    "Du undrade om man får rabatt för ett omdöme – det erbjuder vi inte.",
    "Dijiste que nos darías cinco estrellas si llegaba el regalo a tiempo: no hace falta, ya salió.",
    "You wrote in your review that the gift bag was torn; a new one is on its way free of charge.",
    "Dans votre avis vous signalez que le papier cadeau était déchiré : nous en renvoyons un gratuitement.",
    "In uw recensie schreef u dat het cadeaupapier gescheurd was; we sturen gratis nieuw papier.",
    "Yorumunuzda hediye kutusunun ezik geldiğini yazmışsınız; yenisini ücretsiz gönderiyoruz.",
    "En tu reseña comentas que la bolsa de regalo llegó rota; te mandamos otra sin coste.",
    "Nella sua recensione scrive che il biglietto regalo mancava: glielo spediamo gratis.",
])
def test_the_buyers_question_or_review_reported_is_no_incentive(text):
    """A reward named inside the buyer's question or review that the seller reports back, then refuses or
    answers by a free repair: no reward is offered for a review."""
    assert not _rules(text) & {"content.review-incentive", "content.review-biased"}


@pytest.mark.parametrize("text", [
    "We refunded the late shipping; leave feedback only if you feel like it.",
    "Ti ho rimborsato il ritardo, la recensione lasciala solo se ne hai voglia.",
    "Wir haben den Versand erstattet, bewerten Sie uns nur, wenn Sie möchten.",
    "Enligt reglerna ber vi bara om din ärliga åsikt i omdömet.",
])
def test_a_review_only_if_you_like_is_no_gating(text):
    assert "content.review-biased" not in _rules(text)


# ---- disrespect said politely or with a shrug (session 5): blame for not reading, condescension about simple
# tasks, nagging about repeat messages, sending the buyer elsewhere; firm but polite refusals stay clean ----------
@pytest.mark.parametrize("text", [
    "It's obvious you never opened the manual; user errors like this are not our concern.",
    "If you'd bothered to read the description you wouldn't be writing to us.",
    "You can't even put together a shelf this simple?",
    "Offensichtlich wurde die Anleitung nicht gelesen; für solche Bedienfehler sind wir nicht zuständig.",
    "Gehen Sie doch woanders einkaufen.",
    "Nicht mal so ein simples Regal bekommen Sie hin?",
    "Manifestement, vous n'avez pas lu la notice.",
    "Allez donc acheter ailleurs, on se passera de vous.",
    "Vous n'êtes même pas capable de monter une étagère aussi simple ?",
    "Es evidente que no leyó el manual antes de escribirnos.",
    "Eres un torpe, la rompiste tú.",
    "¿Ni siquiera sabes montar algo tan fácil?",
    "Vete a comprar a otro sitio.",
    "È evidente che il manuale non è stato letto.",
    "Vergognati, per due euro.",
    "Rivolga pure altrove le sue lamentele.",
    "Invece di fare il fenomeno leggi la scheda.",
    "Fica claro que o manual não foi lido.",
    "Peça ajuda a alguém mais capacitado.",
    "Não consegue montar algo tão simples?",
    "Hoe vaak moet ik nog uitleggen dat de maat klein valt?",
    "Het is duidelijk dat u de handleiding niet gelezen heeft.",
    "Ga lekker ergens anders shoppen.",
    "Nie będę tego powtarzać po raz czwarty.",
    "Widać, że instrukcja nie została przeczytana.",
    "Cierpliwość to chyba nie jest Pana mocna strona.",
    "Det är uppenbart att bruksanvisningen inte har lästs.",
    "Klarar du inte ens något så enkelt?",
    "Bu kadar basit bir rafı kuramamanız şaşırtıcı.",
    "Bu sizin probleminiz, bizim değil.",
    "Talimatlar size fazla ağır geldi galiba.",
    "何回同じことを聞くんですか。",
    "こんな簡単な組み立てもできないんですか。",
    "追跡番号くらい自分で調べてください。",
    "这么简单的东西都不会装，真是服了。",
    "一直发消息问，烦不烦。",
    "以后别再来下单了。",
    "لا تزعجنا كل ساعة برسالة.",
    "روح اشتري من غيرنا.",
    "شكواك ما إلها أي أساس.",
])
def test_polite_or_casual_scorn_is_disrespect(text):
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "We can't accept returns after 30 days, but we're happy to help with spare parts.",
    "The manual explains the setup on page 4; if anything is unclear, just ask us.",
    "Assembly is simple: attach the legs first, then tighten the screws.",
    "Leider können wir nach 30 Tagen keine Rücksendung mehr annehmen.",
    "Der Aufbau ist einfach: zuerst die Beine, dann die Platte.",
    "Nous ne pouvons pas accepter de retour après 30 jours, désolés.",
    "Le montage est simple : fixez d'abord les pieds.",
    "No podemos aceptar devoluciones después de 30 días.",
    "El montaje es fácil: primero las patas, luego el tablero.",
    "Non possiamo accettare resi dopo 30 giorni, ci dispiace.",
    "Il montaggio è semplice: prima le gambe, poi il piano.",
    "Não podemos aceitar devoluções após 30 dias.",
    "A montagem é simples: primeiro os pés.",
    "Na 30 dagen kunnen we helaas geen retour meer aannemen.",
    "Po 30 dniach nie możemy niestety przyjąć zwrotu.",
    "Efter 30 dagar kan vi tyvärr inte ta emot returer.",
    "30 günden sonra iade kabul edemiyoruz, kusura bakmayın.",
    "Kurulum basit: önce ayakları takın.",
    "30日を過ぎた返品はお受けできません。",
    "組み立ては簡単です。まず脚を取り付けてください。",
    "超过30天的退货我们无法受理，敬请谅解。",
    "安装很简单：先装桌腿。",
    "لا يمكننا قبول الإرجاع بعد ٣٠ يوماً.",
    "التركيب سهل: ركّب الأرجل أولاً.",
])
def test_firm_but_polite_refusals_and_plain_instructions_are_not_disrespect(text):
    assert "content.disrespect" not in _rules(text)


def test_a_replacement_sent_for_free_in_arabic_is_no_scorn():
    """'ببلاش' (for free) names the seller's free replacement; only 'wants it for free' is scorn."""
    assert "content.disrespect" not in _rules("هنبعتلك سماعة جديدة بدالها ببلاش خلال أسبوع.")
    assert "content.disrespect" in _rules("انت عايز كل حاجة ببلاش وخلاص.")


# ---- review removal asked formally or casually, and the seller's inability to touch a review (session 5) ----------
@pytest.mark.parametrize("text", [
    "We kindly request that you withdraw your review now that the matter is settled.",
    "Wir ersuchen Sie höflich, Ihre Bewertung zu löschen.",
    "Nous vous saurions gré de retirer votre avis.",
    "Le rogamos que retire su reseña, ya que el problema está resuelto.",
    "Si prega il cliente di voler eliminare la recensione.",
    "Solicitamos que remova a sua avaliação, pois o problema foi resolvido.",
    "Wij verzoeken u vriendelijk uw recensie in te trekken.",
    "Uprzejmie prosimy o usunięcie opinii.",
    "Vi anhåller om att ditt omdöme tas bort.",
    "Yorumunuzu kaldırmanızı rica ederiz.",
    "レビューの削除をお願い申し上げます。",
    "恳请您删除这条评价。",
    "نرجو منكم حذف التقييم بعد حل المشكلة.",
    "Haal die slechte review maar even weg, het is toch opgelost.",
    "dai, ritira quel feedback negativo",
    "Apaga essa avaliação aí, por favor",
    "Da radę usunąć tę ocenę?",
    "Nimm die Bewertung doch bitte raus.",
    "Wenn Sie die Rezension auf fünf Sterne aktualisieren könnten, wäre uns sehr geholfen.",
])
def test_a_removal_asked_formally_or_casually(text):
    assert "content.review-removal" in _rules(text)


@pytest.mark.parametrize("text", [
    "We won't ask you to change your review; what matters is that the new part works.",
    "Als Verkäufer haben wir weder das Recht noch die Möglichkeit, Bewertungen zu ändern.",
    "Un vendeur n'a ni le droit ni le moyen de supprimer un avis.",
    "No le pediremos que cambie su reseña.",
    "Non le chiederemo mai di modificare la recensione.",
    "Não vamos pedir que altere a sua avaliação.",
    "Wij vragen u niet om uw recensie aan te passen.",
    "Nie będziemy prosić o zmianę opinii.",
    "Vi kommer inte att be dig ändra ditt omdöme.",
    "Satıcı olarak yorumları silme imkânımız yok; yorumunuz olduğu gibi kalacak.",
    "Yorumları değiştirmek gibi bir şeyimiz yok, merak etmeyin.",
    "評価を変更していただく必要はございません。",
    "我们不会要求您修改评价。",
    "لن نطلب منك تغيير تقييمك أبداً.",
])
def test_a_review_the_seller_will_not_touch_is_no_removal_request(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("review-removal", "Do us a favour and take that one-star review down, the part has arrived."),
    ("review-removal", "Tun Sie uns den Gefallen und löschen Sie die Bewertung."),
    ("review-removal", "Doe ons een plezier en haal die negatieve beoordeling van gisteren even weg."),
    ("review-removal", "Gör oss en tjänst och ta bort omdömet."),
    ("review-removal", "Hágame el favor de borrar la reseña negativa."),
    ("cancel-request", "Do us a favour and cancel the order on your side, the item is gone."),
    ("cancel-request", "Zrób nam przysługę i anuluj zamówienie po swojej stronie."),
    ("review-removal", "Da radę usunąć tę negatywną opinię?"),
    ("review-removal", "Si prega di rimuovere il commento negativo."),
])
def test_do_us_a_favour_asks(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Comme l'indique le règlement, un vendeur ne peut pas modifier un avis.",
    "Do us a favour and check the tracking link first; the parcel is at the depot.",
])
def test_a_policy_quote_or_a_favour_about_something_else_is_innocent(text):
    assert not _rules(text) & {"content.review-removal", "content.cancel-request"}


# ---- cancel requests said with a shrug or a loanword, and a cancellation already processed (session 5) ----------
@pytest.mark.parametrize("text", [
    "Go ahead and cancel the order, we'll refund you at once.",
    "Stornieren Sie ruhig, das Teil kommt nicht mehr.",
    "Annulez donc la commande de votre côté, l'article est épuisé.",
    "Cancele nomás el pedido, no nos llega el stock.",
    "Annulli pure l'ordine, il modello non torna.",
    "Pode cancelar tranquilo, o produto esgotou.",
    "Vraagt u gerust een annulering aan, het artikel is uitverkocht.",
    "Śmiało anuluj zamówienie, towaru już nie będzie.",
    "Avbeställ gärna ordern, varan är slut.",
    "Siparişi gönül rahatlığıyla iptal edebilirsiniz, ürün tükendi.",
    "كنسل الطلب لو سمحت، البضاعة خلصت.",
    "Jeśli Pan sam skancel­uje zamówienie, będzie szybciej.".replace("\u00ad", ""),
    "Vous pouvez canceller la commande de votre bord?",
    "If you cancel it rather than us, the refund is quicker.",
])
def test_a_cancel_request_with_a_shrug_or_a_loanword(text):
    assert "content.cancel-request" in _rules(text)


@pytest.mark.parametrize("text", [
    "La cancelación que pediste ya está procesada; no tienes que hacer nada más.",
    "The cancellation you asked for is processed; there's nothing more to do on your side.",
    "Die Stornierung ist erledigt, Sie müssen nichts weiter tun.",
])
def test_a_cancellation_already_processed_is_no_request(text):
    assert "content.cancel-request" not in _rules(text)


# ---- incentives as a programme ('customers who post a review receive ...') and 'only top ratings' (session 5) ----
@pytest.mark.parametrize("rule,text", [
    ("review-incentive", "Customers who post a product review within a week receive a 5 € voucher under our loyalty terms."),
    ("review-incentive", "Nach Veröffentlichung einer Rezension erhalten Sie 3 € auf Ihr Zahlungsmittel zurück."),
    ("review-incentive", "À réception de votre avis, un bon de 5 € vous est offert."),
    ("review-incentive", "Los clientes que dejen una reseña reciben un cupón de 5 €."),
    ("review-incentive", "I clienti che lasciano una recensione ricevono un buono da 5 €."),
    ("review-incentive", "Clientes que deixarem uma avaliação recebem um cupom de 10%."),
    ("review-incentive", "Klanten die een recensie plaatsen, krijgen een tegoedbon van 5 euro."),
    ("review-incentive", "Kunder som lämnar ett omdöme får ett presentkort på 50 kr."),
    ("review-incentive", "Klienci, którzy wystawią opinię, otrzymają kupon 20 zł."),
    ("review-incentive", "Yorum yapana kargo ücreti iade."),
    ("review-incentive", "晒图评价送数据线一根。"),
    ("review-incentive", "كل من يكتب تقييم ياخذ كوبون خصم."),
    ("review-incentive", "qualifica a compra que eu te devolvo o frete"),
    ("review-incentive", "Publique a avaliação e oferecemos-lhe um brinde."),
    ("review-incentive", "Değerlendirmenizi bıraktığınız gün 20 TL iadenizi hesabınıza geçiririz."),
    ("review-biased", "Only five-star reviews please, anything else hurts us."),
    ("review-biased", "Bitte nur 5 Sterne, alles andere schadet uns."),
    ("review-biased", "Recensioni solo 5 stelle, grazie."),
    ("review-biased", "Prosimy tylko o piątki."),
    ("review-biased", "恳请只给好评。"),
    ("review-biased", "Solo reseñas de cinco estrellas, por favor."),
])
def test_a_reward_programme_and_only_top_ratings(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Customers who post a review help others choose; thank you for yours.",
    "Klanten die een recensie plaatsen helpen andere kopers.",
    "Only five-star hotels use this linen, as the listing says.",
    "Nur 5 Sterne Hotels verwenden diese Bettwäsche.",
    "Yorum yapana teşekkür ederiz, her görüş değerli.",
])
def test_reviewers_thanked_or_stars_of_hotels_are_innocent(text):
    assert not _rules(text) & {"content.review-incentive", "content.review-biased"}


# ---- promotion: a newsletter the buyer is put on, a sale across the shop said casually (session 5) --------------
@pytest.mark.parametrize("text", [
    "Schrijf u in op onze nieuwsbrief en ontvang 10% op het hele assortiment.",
    "We hebben u op onze mailinglijst gezet, zo mist u geen actie.",
    "ضفناك على النشرة البريدية عشان توصلك العروض.",
    "已帮您订阅我们的电子报，新品上架会通知您。",
    "Zaterdag grote uitverkoop: alles min 30 procent.",
    "Semana que vem tem liquidação na loja, tudo pela metade.",
    "No próximo pedido eu faço 15% abaixo do preço do anúncio.",
    "Use our early bird code on the new collection next week.",
])
def test_a_newsletter_or_a_casual_shop_sale_is_promotion(text):
    assert "content.promotion" in _rules(text)


@pytest.mark.parametrize("text", [
    "您提到的优惠码是其他店铺的，我们这边无法使用；破损的那件已经部分退款。",
    "You mentioned a discount code from another shop; we can't apply it, but the damaged item is refunded.",
    "Alles is vandaag verzonden, de track-and-trace volgt.",
    "Semana que vem o pedido chega, tudo certo com o envio.",
])
def test_a_code_the_buyer_mentioned_or_everything_shipped_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


# ---- review gating said formally, without diacritics or as 'don't rate if unhappy' (session 5) ------------------
@pytest.mark.parametrize("text", [
    "Qualora sia soddisfatto, La invitiamo a lasciare il punteggio massimo; diversamente, ci scriva prima.",
    "Jeżeli są Państwo usatysfakcjonowani, prosimy o ocenę pięciogwiazdkową.",
    "Wij rekenen op de hoogst mogelijke waardering; bij ontevredenheid hoort u het ons eerst te melden.",
    "OM DU AR NOJD GE OSS 5 STJARNOR, ANNARS SKRIV TILL OSS FORST",
    "満足していなかったら評価はしないでください。まずご連絡を。",
    "Si la escribes, que sea de cinco estrellas; las quejas, por chat.",
])
def test_gating_said_formally_or_without_accents(text):
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    "Qualora il pacco non arrivi entro venerdì, ci scriva e lo rispediamo.",
    "Jeżeli są Państwo zainteresowani, mamy też wersję czarną w tej samej aukcji.",
    "Om du ar nojd med storleken behover du inte gora nagot.",
    "評価はいつでも自由にどうぞ。",
])
def test_conditions_without_a_review_ask_are_innocent(text):
    assert "content.review-biased" not in _rules(text)


@pytest.mark.parametrize("text,found", [
    ("Not only happy buyers: everyone may rate us honestly.", False),
    ("Nicht nur zufriedene Kunden dürfen bewerten, alle sind willkommen.", False),
    ("Only satisfied customers should leave a review, please.", True),
    ("只有满意的顾客才请留评价。", True),
    ("不只满意的顾客，所有人都可以评价。", False),
])
def test_not_only_from_the_lexicon(text, found):
    """'Not only' (concept not_only, moved out of commerce_rules) undoes the gating of 'only'."""
    assert ("content.review-biased" in _rules(text)) is found


@pytest.mark.parametrize("text,rule,found", [
    ("نحن لا نطلب منك أبداً حذف المراجعة.", "review-removal", False),
    ("لا نريد منك مطلقاً تعديل تقييمك.", "review-removal", False),
    ("نرجو منك حذف المراجعة بعد وصول البديل.", "review-removal", True),
])
def test_an_arabic_negation_a_few_words_back_reaches(text, rule, found):
    """Arabic is written with spaces: a negation three words back negates, as in Latin script (the
    four-character reach is for Chinese and Japanese only)."""
    assert ("content." + rule in _rules(text)) is found


# ---- sixth round's kinds of false alarm, in sentences of our own ------------------------------------------
@pytest.mark.parametrize("text", [
    "We've cancelled the missing lamp ourselves and refunded you, so there's nothing you need to do.",
    "Avbokningen registrerades i går, beloppet syns på ditt konto om några dagar.",
    "De annulering werd gisteren verwerkt; de terugbetaling ziet u in uw account.",
    "La sua cancellazione è arrivata tardi; quando riceve il pacco può renderlo gratis.",
    "İptal işlemi dün tamamlandı; hesabınızdaki tutar birkaç gün içinde güncellenir.",
    "طلب الإلغاء وصلنا وتم تنفيذه، والفلوس راجعة لحسابك قريباً.",
    "Die Stornierung ging gestern durch, das Geld sehen Sie in drei Tagen in Ihrem Kundenkonto.",
    "La cancelación se tramitó ayer; el reembolso lo verá en su cuenta.",
    "Anulowanie przeszło wczoraj, pieniądze zobaczy Pan na swoim koncie.",
    "O cancelamento entrou ontem; o reembolso aparece na sua conta em poucos dias.",
])
def test_a_cancellation_done_with_the_money_on_its_way_is_no_request(text):
    assert "content.cancel-request" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Could you cancel it from your account? We can't ship before March.",
    "Kunt u de bestelling zelf annuleren in uw account? Wij kunnen niet leveren.",
    "Kan du själv avboka ordern på ditt konto? Vi kan inte leverera.",
    "Potrebbe annullare lei l'ordine dal suo account? Il modello è esaurito.",
    "Siparişi hesabınızdan iptal edebilir misiniz? Ürün tükendi.",
])
def test_a_cancellation_asked_of_the_buyer_beside_its_account_stays_a_request(text):
    assert "content.cancel-request" in _rules(text)


@pytest.mark.parametrize("text", [
    "The code on the box (SKU TBL-0931-WH) is our stock number, not a voucher.",
    "La référence (SKU LMP-3301-NR) sert seulement à notre stock, ce n'est pas un code promo.",
    "El código de la etiqueta (SKU TZA-0815-AZ) es solo nuestra referencia interna, no un código de descuento.",
    "Il codice sull'etichetta (SKU CSC-1204-RS) è solo il nostro riferimento di magazzino, non un codice sconto.",
    "Kod na metce (SKU SWC-0412-BI) to tylko nasz numer magazynowy, nie kod rabatowy.",
    "Koden på lappen (SKU MUG-7781-GR) är bara vårt artikelnummer, ingen rabattkod.",
    "De code op het label (SKU KUS-2210-BL) is alleen onze interne referentie, geen kortingscode.",
    "Etiketteki kod (SKU BLK-0311-SY) sadece stok numaramız, indirim kodu değil.",
])
def test_a_stock_number_labelled_sku_is_no_coupon(text):
    assert "content.promotion" not in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "Use code WINTER-26 for 20% off your next order.",
    "Mit dem Code HERBST-15 sparen Sie 15 % bei Ihrer nächsten Bestellung.",
    "Avec le code NOEL-2026, vous avez 10 % sur votre prochaine commande.",
])
def test_a_coupon_with_a_dash_stays_a_promotion(text):
    assert "content.promotion" in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "Sellers can neither delete nor edit reviews; that is entirely up to the buyer.",
    "Als Händler können wir Bewertungen weder löschen noch ändern, das entscheidet allein der Käufer.",
    "Som säljare kan vi varken ta bort eller ändra omdömen, det bestämmer köparen.",
    "Les vendeurs ne peuvent ni supprimer ni modifier les avis, c'est l'acheteur qui décide.",
    "Los vendedores no pueden ni borrar ni editar reseñas; eso depende solo del comprador.",
    "Noi venditori non possiamo né cancellare né modificare le recensioni.",
    "Verkopers kunnen reviews niet verwijderen of aanpassen; dat beslist alleen de koper.",
    "出品者はレビューを削除することも変更することもできません。",
    "卖家无法删除或修改评价，我们也不会请您这样做。",
    "Não lhe vamos pedir que mude a avaliação; só queríamos contar que o defeito foi corrigido.",
])
def test_sellers_unable_to_touch_reviews_or_not_asking_is_no_removal_request(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Könnten Sie die Bewertung bitte löschen? Wir haben doch schon erstattet.",
    "Could you delete the review now that we've refunded you?",
    "Pourriez-vous supprimer votre avis maintenant que tout est réglé ?",
    "评价可以删掉吗？钱已经退给您了。",
])
def test_a_removal_asked_beside_a_refund_stays_a_request(text):
    assert "content.review-removal" in _rules(text)


@pytest.mark.parametrize("text", [
    "Eine Überweisung direkt an uns ist leider nicht möglich, bezahlt wird nur über eBay.",
    "Vimos tu pregunta sobre pagar por transferencia: no aceptamos pagos fuera de eBay.",
    "Ihren Vorschlag, die Versandkosten per PayPal mit uns zu verrechnen, können wir leider nicht annehmen.",
    "A bank transfer straight to us isn't possible, I'm afraid; all payment goes through eBay.",
    "Rechtstreeks aan ons overschrijven kan helaas niet, betalen gaat enkel via eBay.",
])
def test_a_direct_payment_declined_is_innocent(text):
    assert not {"content.payment-account", "content.off-platform"} & _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "Eine Überweisung direkt an uns ist am einfachsten, dann sparen wir uns die Gebühren.",
    "Pay us directly by bank transfer and we both save the fees.",
    "Un virement directement sur notre compte, c'est le plus simple, sans frais eBay.",
])
def test_a_direct_payment_offered_stays_one(text):
    assert "content.payment-account" in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "Ge vraagt of we via Signal verder kunnen praten, maar ik hou het liever hier in de berichten.",
    "Ge vraagt of we via Signal of telefonisch verder kunnen, maar ik hou het liever hier.",
    "Gij stelde voor om via WhatsApp te bellen, maar we blijven hier in de berichten.",
    "Prosił Pan o kontakt przez WhatsAppa – niestety zasady eBaya nie pozwalają wyjść poza platformę.",
    "Prosiła Pani o rozmowę na WhatsAppie, ale piszemy tylko tutaj.",
    "Ihren Vorschlag, auf WhatsApp weiterzuschreiben, nehmen wir lieber nicht an; wir bleiben hier.",
])
def test_the_buyers_request_reported_in_other_forms_is_innocent(text):
    assert "content.off-platform" not in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "Ge kunt ons altijd via Signal bereiken, dat gaat sneller dan hier.",
    "Proszę pisać na WhatsAppa, tam szybciej odpowiem.",
])
def test_a_messenger_offered_in_those_languages_stays_an_invitation(text):
    assert "content.off-platform" in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "Kimlik kartınızın ön yüzünün fotoğrafını gönderebilir misiniz?",
    "Please send us a photo of the front of your ID card.",
    "Merci de nous envoyer une photo du recto de votre carte d'identité.",
    "Ci mandi una foto del fronte della sua carta d'identità, per favore.",
    "Stuur ons een foto van de voorkant van uw identiteitskaart.",
])
def test_an_identity_card_asked_for_is_personal_data_not_a_payment_card(text):
    got = _rules(text, "ebay")
    assert "content.personal-info-request" in got and "content.payment-account" not in got


@pytest.mark.parametrize("text", [
    "نقدر نحل المشكلة بسرعة لو أرسلت لنا صورة هنا في الرسائل.",
    "ما نقدر نشحن قبل الأحد، نعتذر عن التأخير.",
])
def test_we_can_in_arabic_is_no_cash(text):
    assert "content.payment-account" not in _rules(text, "ebay")


@pytest.mark.parametrize("text", [
    "Wie Sie selbst vorgeschlagen haben, wäre es für alle am einfachsten, wenn Sie die Bestellung stornieren würden.",
    "As you suggested yourself, it would be easiest if you kindly raise the cancellation request from your Your Orders page.",
])
def test_a_cancellation_asked_after_a_comma_or_from_the_orders_page_stays_a_request(text):
    assert "content.cancel-request" in _rules(text)


@pytest.mark.parametrize("text", [
    "Gutscheine gegen Bewertungen erlaubt Amazon nicht, deshalb bieten wir so etwas nicht an.",
    "Vouchers in exchange for reviews are not allowed, so we can't offer one.",
    "依照平台規定，我們不會用任何禮物或折扣換取評論。",
    "The keyring comes in every parcel, with or without a review.",
    "O chaveiro vai em todo pedido, com avaliação ou sem.",
    "El llavero va en todos los pedidos, con o sin reseña.",
    "Der Schlüsselanhänger liegt jedem Paket bei, mit oder ohne Bewertung.",
    "Zwrot 20 zł za opóźnienie już zleciliśmy; czy nas Pani oceni, to wyłącznie Pani decyzja.",
    "We refunded the 15 € for the delay; whether you review us is entirely your decision.",
    "Die 10 € für die Verspätung sind erstattet; ob Sie uns bewerten, ist ganz Ihre Entscheidung.",
])
def test_a_benefit_not_tied_to_a_review_in_other_words_is_no_incentive(text):
    assert "content.review-incentive" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Leave a review and we'll refund the shipping, that's how we do it.",
    "Wer uns bewertet, bekommt die Versandkosten zurück.",
    "Avalie a compra e devolvemos o valor do frete.",
])
def test_a_benefit_for_a_review_stays_an_incentive(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "我們不會用這種方式處理，請直接在這裡留言。",
    "Da ist uns ein dummer Fehler passiert, das tut uns leid.",
    "We made a stupid mistake with your address, sorry about that.",
    "Nous avons fait une erreur stupide, désolés, le bon modèle part demain.",
    "Abbiamo fatto un errore stupido, ci scusi: il ricambio parte oggi.",
])
def test_we_wont_use_and_our_own_silly_mistake_are_no_disrespect(text):
    assert "content.disrespect" not in _rules(text)


@pytest.mark.parametrize("text", [
    "這麼簡單你都不會用？",
    "Was für eine blöde Frage, steht doch im Angebot.",
])
def test_scorn_beside_those_words_stays_disrespect(text):
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "评价能否保留由平台决定，卖家无法删除或修改。",
    "レビューの掲載可否はプラットフォームが判断しており、出品者が削除や変更をお願いすることはありません。",
    "评论可否显示取决于平台的规则，我们不能删除。",
])
def test_whether_a_review_stays_is_the_platforms_call_is_no_request(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.parametrize("text", [
    "能否把差评删掉？退款已经给您了。",
    "可否麻烦您修改一下评价？",
])
def test_could_you_in_chinese_stays_a_request(text):
    assert "content.review-removal" in _rules(text)


# ---- sixth round's kinds of disrespect, in sentences of our own ------------------------------------------
@pytest.mark.parametrize("text", [
    # read before you buy, said to a buyer who already bought
    "It says so plainly in the listing. Maybe read it before you buy next time.",
    "Steht doch in der Beschreibung. Einfach mal lesen, bevor man bestellt.",
    "C'était indiqué dans l'annonce ; il faudrait peut-être lire avant de commander.",
    "Está en la descripción; hay que leer antes de comprar.",
    "Era scritto nell'annuncio, basta leggere prima di comprare.",
    "Het stond in de advertentie, gewoon even lezen voordat je bestelt.",
    "Było w opisie, wystarczy przeczytać przed zakupem.",
    "Estava no anúncio, é só ler antes de comprar.",
    "Det stod i annonsen, läs innan du köper nästa gång.",
    "İlanda yazıyordu, satın almadan önce okumak zor değil.",
    "買う前に説明くらい読んでください。",
    # the obvious shouted
    "As the listing CLEARLY says, the charger is sold separately.",
    "Wie DEUTLICH im Angebot steht, ist das Netzteil nicht dabei.",
    "Comme c'est CLAIREMENT indiqué, le pied n'est pas fourni.",
    "Como pone CLARAMENTE en el anuncio, no incluye pilas.",
    "Zoals DUIDELIJK vermeld, zit de lader er niet bij.",
    # repeated complaints mocked
    "Another complaint already – are you collecting them?",
    "Schon wieder eine Reklamation – sammeln Sie die etwa?",
    "Kolejna reklamacja – kolekcjonuje je Pani?",
    "Vous avez vraiment un talent pour tout casser.",
    "Her şeyi bozmak konusunda bir yeteneğiniz var.",
    # people who cannot read or measure
    "Für Kunden, die nicht messen können, kann ich nichts.",
    "Yet another buyer who couldn't be bothered to measure.",
    "Folk som inte kan mäta får skylla sig själva.",
    "Na klientów, którzy nie potrafią czytać, nic nie poradzę.",
    "Con la gente que no sabe medir no hay nada que hacer.",
    # ask someone who understands, smarter than you
    "Perhaps ask someone tech-savvy to plug it in for you.",
    "Fragen Sie jemanden, der sich damit auskennt.",
    "Demandez à quelqu'un qui s'y connaît de le brancher.",
    "詳しい人に頼んでください。",
    "اطلب من حد فاهم يركبه لك.",
    # let us work, we have serious customers
    "Ci lasci lavorare, per favore.",
    "Deixe-nos trabalhar, temos mais encomendas.",
    "Laissez-nous travailler, on a des clients sérieux.",
    "Let us get on with our work, we have serious customers to serve.",
    # the buyer's doing named with scorn
    "We are not here to repair your incompetence.",
    "On n'est pas là pour réparer vos bêtises.",
    "Wij zijn hier niet om uw prutswerk te herstellen.",
    "Sizin beceriksizliğinizi tamir etmek bizim işimiz değil.",
    # a child could do it
    "Even a child could do that, honestly.",
    "Das schafft sogar ein Kind.",
    "Même un enfant y arriverait.",
    "Hasta un niño sabe hacerlo.",
    "Dat kan een kind van vijf.",
])
def test_sixth_round_kinds_of_scorn_are_disrespect(text):
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "Please read the safety leaflet before first use.",
    "Bitte lesen Sie die Pflegehinweise vor dem ersten Waschen.",
    "Lisez la notice avant la première utilisation, elle est dans la boîte.",
    "Lea las instrucciones antes del primer uso.",
    "Before you buy the refill, tell us your model and we'll check it fits.",
    "The size is clearly marked on the label inside the collar.",
    "THANK YOU FOR YOUR ORDER, IT SHIPS CLEARLY LABELLED TODAY.",
    "We collect the returns at our depot and send them on together.",
    "Many customers who can't find the size chart ask us; here it is.",
    "Our technician, who knows the model well, will answer here tomorrow.",
    "We take every complaint seriously and answer within a day.",
    "Sorry for our clumsiness with the packing, a new one is on its way.",
    "The kit is safe for a child to use with an adult.",
    "Let us know if the new part works.",
])
def test_sixth_round_scorn_look_alikes_are_innocent(text):
    assert "content.disrespect" not in _rules(text)


# ---- sixth round's kinds of review bias and reward, in sentences of our own -----------------------------
@pytest.mark.parametrize("text", [
    "Every star matters to a tiny shop like ours, all five even more (wink).",
    "Sterne sind für uns kleine Läden Gold wert, am besten gleich fünf 😉",
    "Les étoiles comptent beaucoup pour une petite boutique, surtout quand il y en a cinq (clin d'œil).",
    "Las estrellas nos ayudan muchísimo, y cinco todavía más 😉",
    "Gwiazdki bardzo nam pomagają, a pięć najbardziej (mrug).",
    "Stjärnor betyder mycket för oss små butiker, särskilt fem (blink).",
    "星星对小店很重要，五颗最好（眨眼）。",
])
def test_stars_with_a_wink_are_biased(text):
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    "Your parcel left today and should be there Friday 😉",
    "Danke für Ihre fünf Sterne 😉, das freut uns sehr!",
    "Le modèle « Cinq étoiles » est en stock, clin d'œil à votre question d'hier.",
])
def test_a_wink_without_stars_asked_is_innocent(text):
    assert "content.review-biased" not in _rules(text)


@pytest.mark.parametrize("text", [
    "The parcel came a week early, so five stars is only fair, isn't it?",
    "Zufrieden waren Sie doch, da sind fünf Sterne selbstverständlich, oder?",
    "¿No le parece que cinco estrellas es lo justo por un envío tan rápido?",
    "Wysyłka w dwa dni, to chyba piątka się należy?",
])
def test_five_stars_called_deserved_in_a_question_is_biased(text):
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    "A small thank-you gift awaits every customer who shares their thoughts on the product page.",
    "Un petit cadeau de remerciement attend ceux qui laissent un commentaire.",
    "Un detalle de agradecimiento espera a quien publique su opinión.",
    "Voor wie een review schrijft, ligt er een bedankcadeautje klaar.",
])
def test_a_thank_you_gift_for_those_who_review_is_an_incentive(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "Thank you for your review! A small gift for your next order is in the parcel anyway.",
    "Merci pour votre commentaire ; le petit cadeau était prévu de toute façon pour tous.",
])
def test_thanks_for_a_review_then_a_gift_for_all_is_innocent(text):
    assert "content.review-incentive" not in _rules(text)


# ---- a review named, then its removal asked with a pronoun ------------------------------------------------
@pytest.mark.parametrize("text", [
    "That one-star is hurting us. Take it down, please.",
    "Diese Bewertung schadet uns. Löschen Sie sie bitte.",
    "Cet avis nous coûte des ventes. Supprimez-le maintenant.",
    "Esa reseña nos hunde las ventas. Bórrela ya.",
    "Quella recensione ci danneggia. La cancelli, per favore.",
    "Die recensie kost ons klanten. Verwijder hem nu.",
    "Det omdömet kostar oss kunder. Ta bort det nu.",
    "Essa avaliação prejudica-nos. Apague-a, por favor.",
    "その評価のせいで困っています。消してください。",
    "这条差评影响很大，赶紧删了吧。",
    "هذا التقييم يضرنا. احذفه من فضلك.",
])
def test_a_review_named_then_removed_by_pronoun_is_a_removal_request(text):
    assert "content.review-removal" in _rules(text)


@pytest.mark.parametrize("text", [
    "Thanks for your review. Delete the old app and install the new version.",
    "Your review mentioned the sticker on the lid. Peel it off gently with warm water.",
    "Wir haben Ihre Bewertung gelesen. Die alte Dichtung löschen Sie bitte nicht aus der Liste.",
    "We read your review and deleted the wrong photo from the listing.",
])
def test_a_pronoun_or_a_deletion_about_something_else_is_no_removal_request(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.parametrize("text", [
    "We wouldn't mind at all if you had another look at your rating.",
    "Wir hätten nichts dagegen, wenn Sie Ihre Bewertung noch einmal ändern.",
    "We zouden het niet erg vinden als u uw score nog eens herbekijkt.",
    "Vi skulle inte ha något emot om du ändrade ditt betyg.",
    "Nie mielibyśmy nic przeciwko, gdyby zmienił Pan swoją ocenę.",
    "如果您愿意重新考虑评分，我们一点都不介意。",
])
def test_we_would_not_mind_a_changed_review_is_a_removal_request(text):
    assert "content.review-removal" in _rules(text)


@pytest.mark.parametrize("text", [
    "We wouldn't mind at all if you sent the photos here.",
    "Wir hätten nichts dagegen, wenn Sie das Paket am Montag zurückschicken.",
    "Vi skulle inte ha något emot om du skickade bilderna här.",
])
def test_we_would_not_mind_something_else_is_innocent(text):
    assert "content.review-removal" not in _rules(text)


# ---- kinds of the seventh round's false alarms (session 7): each with sentences of our own -------------------
# the buyer's words quoted inline after 'you wrote / asked / said' (or before a verb-final report), then answered
@pytest.mark.parametrize("text", [
    'You asked: "Can I just PayPal you the money instead?" We can only take payment through the marketplace checkout.',
    'Sie fragten: „Können Sie mir Ihre WhatsApp-Nummer geben?“ Wir beantworten gern alles hier im Nachrichtenbereich.',
    "Vous nous avez écrit : « Annulez ma commande s'il vous plaît. » C'est fait, le remboursement suit sous trois jours.",
    "Nos escribió: «¿Le puedo pagar por Bizum?». Lo sentimos, el pago solo se hace en la plataforma.",
    "Ci ha scritto: «Mi date il vostro numero di cellulare?». Preferiamo rispondere qui nei messaggi.",
    'U schreef: "Kan ik het bedrag via een Tikkie overmaken?" Betalen gaat alleen via de checkout van het platform.',
    "Zapytał Pan: „Czy mogę zapłacić BLIKIEM na telefon?” Niestety płatność jest możliwa tylko przez serwis.",
    "Du frågade: ”Kan jag swisha dig direkt?” Tyvärr sker betalningen bara via plattformen.",
    'Você perguntou: "Posso te pagar no Pix?" Infelizmente o pagamento é feito só pelo site.',
    '"Siparişi iptal eder misiniz?" diye yazmışsınız; iptal ettik, iadeniz yolda.',
    "「キャンセルしてください」とのご依頼、承りました。すでにキャンセル済みです。",
    "您问：“可以加微信直接转账吗？”抱歉，所有付款都要通过平台完成。",
    "كتبتَ: «هل أستطيع الدفع لك عبر التحويل البنكي؟» للأسف الدفع يتم عبر المنصة فقط.",
    "Sie schrieben: „Ich gebe fünf Sterne, wenn ihr mir was schenkt“ – bewerten Sie bitte einfach so, wie es war.",
])
def test_the_buyers_words_quoted_inline_ask_nothing(text):
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("payment-account", 'You wrote: "Can I pay another way?" Sure, just send the money to my PayPal directly.'),
    ("off-platform", "Vous avez écrit : « Le colis est abîmé. » Désolés ! Écrivez-nous sur WhatsApp, ce sera plus rapide."),
    ("cancel-request", "Me escribiste: «Ya no lo quiero». Mejor cancélalo tú desde tu cuenta, así es más rápido."),
    ("off-platform", "您写道：“东西坏了。”非常抱歉，加我微信，我马上给您处理。"),
    ("off-platform", "「届きません」とのこと、申し訳ございません。LINEでご連絡いただければすぐ対応します。"),
    ("review-incentive", 'You asked how to review us: just write "great seller" and we will send you a gift card.'),
])
def test_a_request_after_the_buyers_quoted_words_is_still_found(rule, text):
    assert "content." + rule in _rules(text)


# a line quoting the buyer with a full-width '＞' or no space after '>'
@pytest.mark.parametrize("text", [
    "＞LINEで連絡してもいいですか？\nご連絡はこちらのメッセージでお願いいたします。",
    "＞可以加微信吗？\n不好意思，我们只在平台上沟通。",
    ">Puedo pagarte por Bizum?\nNo, el pago va por la plataforma.",
])
def test_a_quoted_line_without_a_space_asks_nothing(text):
    assert not _rules(text)


def test_a_shouted_banner_is_no_quoted_line():
    assert "content.promotion" in _rules(">>>SALE: 20% off everything in our shop this weekend<<<")


# a sale event named as the time of a shipping backlog
@pytest.mark.parametrize("text", [
    "The Cyber Monday rush at the depot held your parcel up by two days.",
    "Wegen des Black-Friday-Andrangs bei DHL kommt Ihr Paket einen Tag später.",
    "Avec l'afflux du Black Friday, le transporteur a pris un jour de retard.",
    "因为双十一期间快递爆仓，您的包裹会晚两天到。",
    "بسبب زحمة الشحن في الجمعة البيضاء تأخر طردك يوماً.",
    "Efsane Cuma yoğunluğu yüzünden kargo bir gün gecikti.",
    "ブラックフライデーの配送混雑で、到着が1日遅れる見込みです。",
    "Com o movimento da Black Friday, a transportadora atrasou a entrega em dois dias.",
])
def test_a_sale_event_as_the_time_of_a_delay_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Our Black Friday deals start Thursday with 30% off everything, so orders may ship a day late.",
    "双十一全场八折，快递可能会晚一点。",
    "عروض الجمعة البيضاء عندنا بخصم ٣٠٪ على كل المنتجات، والشحن قد يتأخر.",
    "Zum Black Friday gibt es 20 % Rabatt auf alles, der Versand dauert dann etwas länger.",
])
def test_a_sale_event_with_an_offer_is_a_promotion(text):
    assert "content.promotion" in _rules(text)


# the phone as a device (pairing a watch or earbuds with it), not a call
@pytest.mark.parametrize("text", [
    "Per abbinare il braccialetto al telefono apra l'app e tenga premuto il tasto.",
    "Koppeln Sie die Uhr am Telefon über die App, der Code steht auf der Rückseite.",
    "Pour appairer la montre au téléphone, ouvrez l'application et activez le Bluetooth.",
    "Zegarek sparujesz przez telefon w aplikacji, kod jest na pudełku.",
    "Para emparejar los auriculares por teléfono, abra los ajustes de Bluetooth.",
])
def test_a_phone_as_the_device_paired_is_no_call(text):
    assert "content.off-platform" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Per il cambio ne parliamo al telefono, mi chiami quando vuole.",
    "Das klären wir am Telefon, rufen Sie mich einfach an.",
    "On règle ça au téléphone, appelez-moi ce soir.",
    "Omówimy to przez telefon, proszę dzwonić po 17.",
])
def test_a_talk_on_the_phone_is_off_platform(text):
    assert "content.off-platform" in _rules(text)


# a removal whose own verb is negated, while another clause names a change the seller made
@pytest.mark.parametrize("text", [
    "Nie możemy usuwać ani zmieniać recenzji i nigdy o to nie prosimy; aktualizację instrukcji dodaliśmy za to do opisu.",
    "Bewertungen entfernen oder bearbeiten dürfen wir nicht; die Aktualisierung der Anleitung haben wir aber eingebaut.",
    "Reviews we cannot delete or edit, and we never ask for it; we did update the manual after your remarks.",
    "No podemos borrar ni modificar reseñas y nunca lo pediríamos; sí actualizamos la guía de tallas.",
])
def test_a_removal_negated_in_its_own_clause_is_none(text):
    assert "content.review-removal" not in _rules(text)


def test_a_removal_asked_after_a_clause_about_the_seller_is_found():
    assert "content.review-removal" in _rules("We updated the manual; could you now change your one-star review?")


# a deal the buyer asked about, told back before a verb-final report ('... sormuşsunuz', '…とのご質問')
@pytest.mark.parametrize("text", [
    "Değerlendirme yapana hediye çeki olup olmadığını sormuşsunuz: hayır, yorum için hiçbir şey vermiyoruz.",
    "レビューを書けばクーポンがもらえるのかとのご質問ですが、そのような特典はございません。",
])
def test_a_deal_told_back_before_a_verb_final_report_is_none(text):
    assert "content.review-incentive" not in _rules(text)


def test_a_deal_offered_after_a_verb_final_report_is_found():
    assert "content.review-incentive" in _rules("Kargo gecikmesini sormuşsunuz; yorum yazarsanız size hediye çeki gönderiyoruz.")


# stars that are no rating (lights on a display, stickers of a game) and 'vale' that is no voucher
@pytest.mark.parametrize("text", [
    "Si en la pantalla se encienden las cinco estrellas, la batería está llena; si no, repita el paso 2.",
    "Ogni stellina adesiva che il bambino raccoglie vale un punto nel gioco.",
    "When all five stars on the display light up, the charger is full.",
    "Leuchten alle fünf Sterne am Display, ist der Akku voll; sonst bitte Schritt 2 wiederholen.",
    "Quand les cinq étoiles du panneau s'allument, l'appareil est appairé.",
    "¡Vale! Le mando hoy mismo la pieza que falta.",
])
def test_stars_on_a_device_or_game_are_no_rating(text):
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("review-biased", "Si está contento, déjenos cinco estrellas, por favor."),
    ("review-incentive", "Con cada reseña le regalamos un vale de 5 € para su próxima compra."),
    ("review-biased", "If you're happy, light up our page with five stars, please!"),
])
def test_stars_asked_for_are_still_a_rating(rule, text):
    assert "content." + rule in _rules(text)


# news of the buyer's case, not new products
@pytest.mark.parametrize("text", [
    "En cuanto haya novedades del transportista, le aviso por aquí.",
    "Assim que tivermos novidades da transportadora, avisamos por aqui.",
    "Dès que nous avons des nouvelles du transporteur, nous vous écrivons ici.",
])
def test_news_of_the_case_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Mire las novedades de nuestra tienda: acabamos de subir la colección de invierno.",
    "Confira as novidades da nossa loja nesta semana!",
])
def test_new_products_announced_are_a_promotion(text):
    assert "content.promotion" in _rules(text)


# the second item of a pair opening the clause shares the refusal after it
@pytest.mark.parametrize("text", [
    "Bewertungen löschen oder ändern können wir nicht und würden das auch nie verlangen.",
    "Reviews verwijderen of aanpassen kunnen we niet, en daar vragen we ook nooit om.",
])
def test_a_pair_of_verbs_before_a_refusal_is_refused(text):
    assert "content.review-removal" not in _rules(text)


# the buyer's request for something told back ('you ask us for ...', 'mi chiede un ...'), then declined
@pytest.mark.parametrize("text", [
    "Mi chiede un codice sconto per il prossimo ordine: via messaggio non possiamo mandarne.",
    "Nos pide un cupón para la próxima compra: por mensaje no podemos enviarlo.",
    "Sie bitten um einen Gutscheincode für die nächste Bestellung: per Nachricht dürfen wir keinen schicken.",
    "U vraagt om een kortingscode voor de volgende bestelling: via berichten mogen we die niet sturen.",
])
def test_a_code_the_buyer_asked_for_and_declined_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


# a code said to be no coupon (a batch number), a discount that was the price when the buyer ordered
@pytest.mark.parametrize("text", [
    "The number under the lid (e.g. K7741Q) is the batch number, not a coupon code.",
    "Le code sous la boîte (ex. B2231X) est le numéro de lot, pas un code promo.",
    "Die Nummer am Boden (z. B. F8812K) ist die Seriennummer, kein Rabattcode.",
    "The discount you saw was the price at the time you ordered, so it already shows on your receipt.",
])
def test_a_code_that_is_no_coupon_and_a_past_price_are_no_promotion(text):
    assert "content.promotion" not in _rules(text)


def test_a_coupon_code_offered_is_still_a_promotion():
    assert "content.promotion" in _rules("Use the coupon code SPRING15 on your next order for 15% off.")


# Arabic words written without their vowels that double as other words: 'قيمة' (value) is no 'قيّم' (rate),
# 'حدث' (happened) no 'حدّث' (update); the system or a courier as the subject
@pytest.mark.parametrize("text", [
    "أعدنا لك نصف قيمة الطلب تعويضاً عن التأخير.",
    "قرأنا تقييمك ونعتذر عما حدث، وأرسلنا لك قطعة بديلة اليوم.",
    "ألغى النظام الطلب تلقائياً لأن الدفع لم يكتمل، ولم يُخصم من حسابك شيء.",
    "مندوب سمسا ممكن يتصل على جوالك قبل التوصيل لتحديد الموعد.",
])
def test_arabic_look_alikes_without_vowels_are_innocent(text):
    assert not _rules(text)


@pytest.mark.parametrize("rule,text", [
    ("review-biased", "قيّمنا بخمس نجوم لو سمحت."),
    ("review-removal", "ممكن تحدّث تقييمك بعد ما حلينا المشكلة؟"),
    ("cancel-request", "ألغِ الطلب من حسابك لو سمحت، المنتج غير متوفر."),
])
def test_arabic_requests_with_their_vowels_are_found(rule, text):
    assert "content." + rule in _rules(text)


# a messenger's name spelt out letter by letter, or written as its short link or handle
@pytest.mark.parametrize("text", [
    "It's much quicker on W h a t s A p p, just search our shop name there and message us.",
    "Schreiben Sie mir lieber per T-e-l-e-g-r-a-m, da antworte ich sofort.",
    "C'est plus simple sur W.h.a.t.s.A.p.p : cherchez le nom de la boutique et écrivez-nous.",
    "Najszybciej złapie mnie Pan na W-a-t-s-a-p-p-i-e, tu rzadko zaglądam.",
    "Es más rápido por V i b e r: busque la tienda y escríbanos.",
    "التواصل أسرع على ت ل ي ج ر ا م، ابحث عن اسم المتجر وراسلنا.",
    "Scrivici su t.me/ricambi_roma: lì rispondiamo subito, anche la domenica.",
    "Snabbast hjälp får du via wa.me/46701112233, där svarar vi även på helger.",
    "加 V 信 聊更方便，搜我们店名就行。",
    "カカオトークでご連絡いただければすぐ対応します。",
])
def test_a_messenger_spelt_out_or_linked_is_off_platform(text):
    assert "content.off-platform" in _rules(text)


@pytest.mark.parametrize("text", [
    "Please write to us here; we answer every message within a day.",
    "The line on the box shows where to cut: L I N E A is printed beside it.",
    "Our model W-100 and the T-200 both fit your bike.",
])
def test_spaced_letters_that_name_no_messenger_are_innocent(text):
    assert "content.off-platform" not in _rules(text)


# a request passed on from a manager ('my boss asked me to ask you whether ...'): the ask is the seller's
@pytest.mark.parametrize("rule,text", [
    ("cancel-request", "My supervisor asked me to ask whether you could cancel the order yourself."),
    ("payment-account", "Meine Chefin bat mich, Sie nach Ihrer Kartennummer und dem Ablaufdatum zu fragen."),
    ("personal-info-request", "Mi jefa quiere que le pidamos su fecha de nacimiento para el registro."),
    ("off-platform", "Il mio responsabile mi ha chiesto di domandarle se possiamo continuare su Telegram."),
    ("personal-info-request", "Min chef bad mig fråga om du kan uppge ditt personnummer."),
    ("personal-info-request", "Müdürüm doğum tarihinizi sormamı istedi."),
    ("cancel-request", "店长让我问问您，能不能由您来取消订单。"),
    ("off-platform", "店長から、今後のご連絡をLINEに切り替えていただけないか伺うよう言われております。"),
    ("payment-account", "طلب مني المدير أن أسألك عن رقم بطاقتك البنكية وتاريخ انتهائها."),
    ("personal-info-request", "Mon responsable m'a demandé de vous demander votre date de naissance."),
])
def test_a_request_passed_on_from_a_manager_is_found(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "My manager asked me to ask whether the parcel arrived safely.",
    "Mein Chef bat mich, Sie zu fragen, ob die Lampe heil angekommen ist.",
    "店长让我问问您，包裹收到了吗？",
    "Müdürüm ürünün sağlam gelip gelmediğini sormamı istedi.",
])
def test_a_question_passed_on_about_the_order_is_innocent(text):
    assert not _rules(text)


# scorn the lexicon lacked: 'the nerve', 'the problem sits in front of the screen', 'not rocket science',
# 'with a bit of sense / like any normal person', plain insults, 'people like you'
@pytest.mark.parametrize("text", [
    "Hay que tener cara para devolver un vestido ya usado.",
    "Che faccia tosta, restituire le scarpe dopo averle usate un mese.",
    "Que cara de pau devolver o casaco depois da festa.",
    "The nerve of some people, wearing it to a wedding and then asking for a refund.",
    "Quel culot de renvoyer une robe portée.",
    "Was für eine Frechheit, ein getragenes Kleid zurückzuschicken.",
    "Wat een lef om een gedragen jurk terug te sturen.",
    "Co za tupet, żeby zwracać noszoną sukienkę.",
    "Vilken fräckhet att skicka tillbaka en använd klänning.",
    "Ne yüzsüzlük, giyilmiş elbiseyi iade etmek.",
    "着た後で返品なんて、図々しいにもほどがあります。",
    "穿过了还要退货，脸皮真厚。",
    "بجاحة والله، تلبس الفستان في العرس وبعدين ترجعه.",
    "Das Problem sitzt wie so oft vor dem Bildschirm.",
    "Felet sitter som vanligt framför skärmen.",
    "The problem is sitting between the chair and the keyboard.",
    "Le problème se situe entre la chaise et le clavier.",
    "El problema está entre la silla y el teclado.",
    "Il problema sta tra la sedia e la tastiera.",
    "It's not rocket science, just read the label.",
    "Non è fisica nucleare: basta leggere l'etichetta.",
    "دي مش علم صواريخ، اقرأ الورقة بس.",
    "No es ciencia espacial: basta con leer la etiqueta.",
    "Não é física quântica, é só ler a etiqueta.",
    "To nie fizyka kwantowa, wystarczy przeczytać etykietę.",
    "Roket bilimi değil, etiketi okumanız yeterli.",
    "Det är ingen raketforskning, läs etiketten.",
    "Avec un minimum de jugeote, vous l'auriez vu.",
    "Met een beetje verstand had je het gezien.",
    "Azıcık aklınız olsa görürdünüz.",
    "Mit ein bisschen Verstand hätten Sie es gesehen.",
    "Any normal person checks the size chart before ordering.",
    "Qualsiasi persona normale avrebbe controllato le misure.",
    "Como cualquier persona normal, podría haber mirado la tabla.",
    "Vous êtes le deuxième crétin aujourd'hui à ne pas savoir brancher un câble.",
    "Je bent al de tweede sukkel vandaag die de stekker vergeet.",
    "别再拿这种蠢问题来烦我们了。",
    "So ein Schwachsinn, das Gerät funktioniert.",
    "Vilket skitsnack, laddaren fungerar.",
    "Che, no seas pesado, ya va a llegar.",
    "Dejá de escribir cada diez minutos.",
    "أمثالك سبب تعبنا في كل موسم.",
    "あなたみたいな客がいるから疲れるんです。",
    "Z takimi klientkami jak Pani są same problemy.",
])
def test_scorn_is_disrespect(text):
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "Cara Giulia, il vestito è partito oggi con GLS.",
    "The cable sits between the screen and the keyboard stand.",
    "Das Kabel sitzt hinter dem Bildschirm, links unten.",
    "The kit teaches basic rocket science to children aged 8 and up.",
    "For a normal day of use the battery lasts ten hours.",
    "Customers like you make our day, thank you for the kind words!",
])
def test_look_alikes_of_scorn_are_innocent(text):
    assert "content.disrespect" not in _rules(text)


@pytest.mark.parametrize("text", [
    "De valtest is brutaal: de hoes overleefde een val van twee meter.",
    "La culotte en coton bio est lavable à 40 degrés.",
    "¡Qué cara está la gasolina! Por eso el envío sube 1 €.",
])
def test_words_that_are_scorn_only_in_other_senses_are_innocent(text):
    assert "content.disrespect" not in _rules(text)


# anything under the top rating called harmful, or only the top rating said to count
@pytest.mark.parametrize("text", [
    "星5未満の評価はお店にとって本当に致命的なんです。",
    "评分低于五星的话，我们小店真的很受伤。",
    "أي تقييم أقل من خمس نجوم يضرنا كثيراً.",
    "Chez nous, seules les notes à cinq étoiles comptent vraiment.",
    "Voor ons tellen eigenlijk alleen vijfsterrenreviews mee.",
    "Cualquier valoración que no sea de cinco estrellas nos hunde.",
    "Könnten Sie uns eine Bewertung mit voller Punktzahl geben?",
    "Skulle du vilja ge oss toppbetyg?",
    "Czy mógłby Pan wystawić nam same piątki?",
])
def test_below_the_top_rating_called_harmful_is_biased(text):
    assert "content.review-biased" in _rules(text)


def test_an_honest_rating_of_any_stars_is_innocent():
    assert "content.review-biased" not in _rules("Jede Bewertung hilft uns, ob mit einem oder mit fünf Sternen.")


# a sale named by its deal: two for the price of one, the second item free, half price, 30 % off ('3割引')
@pytest.mark.parametrize("text", [
    "This week it's two for the price of one on our storefront.",
    "Esta semana en la tienda, dos por el precio de uno en todas las fundas.",
    "今週だけ、当店のケースは2点目が無料です。",
    "1月から当店の商品が全部3割引になります。",
    "这周店里所有手机壳都打七折。",
    "الآن كل منتجاتنا بنصف السعر بمناسبة العيد.",
    "W tym tygodniu wszystkie nasze etui są przecenione o 20%.",
    "Mağazamızı takip ederseniz yeni ürünlerden ilk siz haberdar olursunuz.",
])
def test_a_sale_named_by_its_deal_is_a_promotion(text):
    assert "content.promotion" in _rules(text)


@pytest.mark.parametrize("text", [
    "The set is two pieces for the price shown in the listing.",
    "A refund of half the price was sent to your card today.",
    "评分低于五星的原因我们已经记录，谢谢您的反馈。",
])
def test_a_price_or_a_refund_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


# PayPal 'friends and family' (no buyer protection): a payment outside the marketplace in any language
@pytest.mark.parametrize("text", [
    "We settle custom orders through PayPal friends and family, it saves the fees.",
    "Los encargos se pagan por PayPal «amigos y familiares», así no hay comisión.",
    "On se règle en PayPal « entre proches », ça évite les frais.",
    "Bezahlen Sie einfach per PayPal Freunde und Familie.",
    "ادفع المبلغ عبر PayPal كأصدقاء وعائلة وخلصنا.",
])
def test_paypal_friends_and_family_is_a_payment_outside(text):
    assert "content.payment-account" in _rules(text)


@pytest.mark.parametrize("text", [
    "Please never pay by PayPal friends and family: only the marketplace checkout protects you.",
    "Bitte zahlen Sie nie per PayPal Freunde und Familie, nur über den Checkout.",
])
def test_paypal_friends_and_family_warned_against_is_innocent(text):
    assert "content.payment-account" not in _rules(text)


# the buyer's social profile or handle asked for, politely
@pytest.mark.parametrize("text", [
    "Vous voulez bien nous donner votre pseudo Instagram pour qu'on vous identifie ?",
    "Il titolare vorrebbe il link al suo profilo Facebook per verificare l'ordine.",
    "Instagram kullanıcı adınızı paylaşmanızın bir sakıncası var mı?",
    "Est-ce que cela vous dérangerait de nous donner votre date de naissance ?",
])
def test_a_social_profile_or_birthday_asked_politely_is_personal_data(text):
    assert "content.personal-info-request" in _rules(text)


# the reward promised to the reviewers as a group ('customers who write a review find a surprise', 'a las familias que
# nos valoran les devolvemos 3 €', '给好评的买家有小惊喜'): an exchange without an 'if'
@pytest.mark.parametrize("text", [
    "Customers who leave a review usually find a little surprise in their next parcel.",
    "Kunden, die uns eine Bewertung schreiben, finden im nächsten Paket meist eine kleine Überraschung.",
    "Klanten die een review achterlaten, krijgen bij de volgende bestelling een verrassing.",
    "A los clientes que nos dejan su valoración les devolvemos 2 € del pedido.",
    "Ai clienti che lasciano una recensione rimborsiamo le spese di spedizione.",
    "Kunder som skriver en recension får en liten överraskning i nästa paket.",
    "给我们写好评的买家，下次包裹里会有小惊喜。",
    "Unter allen Bewertungen mit Foto verlosen wir im Mai einen Rucksack.",
    "Deixando sua avaliação até domingo, você concorre a um vale-presente.",
    "Se potesse aggiornare la recensione, saremmo felici di rimborsarle metà del prezzo.",
])
def test_a_reward_for_the_reviewers_as_a_group_is_an_incentive(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "Customers who leave a review help other buyers choose the right size.",
    "Kunden, die eine Bewertung schreiben, helfen anderen bei der Auswahl.",
    "给我们写评价的买家，我们都会认真阅读。",
])
def test_reviewers_named_without_a_reward_are_innocent(text):
    assert "content.review-incentive" not in _rules(text)


# the buyer named as the one who cancels in other forms ('la facesse lei', '由您来取消', 'بنفسك', 'als u een annulering
# aanvraagt'), or a colleague's ask to cancel passed on
@pytest.mark.parametrize("text", [
    "Mi jefe me dice que le pida que anule el pedido.",
    "Sarebbe più semplice se l'annullamento lo facesse lei.",
    "Het zou fijn zijn als u een annulering aanvraagt.",
    "Es wäre einfacher, wenn Sie eine Stornierung beantragen.",
    "如果订单由您来取消，对我们帮助很大。",
    "هل توافق على إلغاء الطلب بنفسك؟",
])
def test_the_buyer_named_as_the_one_who_cancels_is_a_cancel_request(text):
    assert "content.cancel-request" in _rules(text)


@pytest.mark.parametrize("text", [
    "Die Stornierung haben wir selbst beantragt, Sie müssen nichts tun.",
    "我们已经为您取消了订单，不需要您来取消。",
    "Se vuole, l'annullamento lo facciamo noi.",
    "ألغينا الطلب بأنفسنا، ولا يلزمك شيء.",
])
def test_the_seller_cancelling_is_no_cancel_request(text):
    assert "content.cancel-request" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Chi lascia una recensione riceve un buono da 5 € sul prossimo ordine.",
    "Entre los clientes que dejen su opinión este mes sorteamos una cesta.",
    "Wie een review met foto plaatst, maakt kans op een waardebon.",
    "Avec une photo dans votre avis, votre prochaine commande est à moitié prix.",
    "Met een foto in uw recensie is uw volgende bestelling half geld.",
    "Leave us feedback and there's a tenner back in it for you.",
])
def test_more_rewards_for_reviewers_are_incentives(text):
    assert "content.review-incentive" in _rules(text)


# card details asked for, politely or as what is 'needed'
@pytest.mark.parametrize("text", [
    "¿Le importaría facilitarnos los datos de su tarjeta para cobrar el grabado?",
    "Para cobrar a gravação, bastam o número do cartão e a validade.",
    "Könnten Sie uns Ihre Kartennummer und das Ablaufdatum schicken?",
    "Kan du skicka kortnumret och giltighetstiden till oss?",
])
def test_card_details_asked_are_a_payment_outside(text):
    assert "content.payment-account" in _rules(text)


def test_card_details_never_asked_are_innocent():
    assert "content.payment-account" not in _rules("Wir fragen nie nach Ihrer Kartennummer; bezahlt wird nur im Checkout.")


# the buyer's birthday asked as a question
@pytest.mark.parametrize("text", [
    "On aime fêter nos clients : vous êtes né quel jour, au fait ?",
    "Wanneer ben je eigenlijk jarig? Dan sturen we een kaartje.",
    "Doğum gününüz ne zaman? Size küçük bir kart göndermek isteriz.",
    "Contanos cuándo es tu cumple así te saludamos.",
])
def test_a_birthday_asked_as_a_question_is_personal_data(text):
    assert "content.personal-info-request" in _rules(text)


@pytest.mark.parametrize("text", [
    "Die waardebon waar je het over had is een actie van het platform zelf, daar gaan wij niet over.",
    "The voucher that you mentioned is the marketplace's own promotion; we have nothing to do with it.",
    "Now that everything is sorted, could you take another look at your feedback?",
])
def test_a_reward_the_buyer_mentioned_or_a_look_alike_is_no_incentive(text):
    assert "content.review-incentive" not in _rules(text)


# a French imperative is no Turkish negated verb ('Supprimez' ends like 'silmez'); a Chinese A-not-A question
# ('能不能', '可不可以') asks, it does not negate
@pytest.mark.parametrize("rule,text", [
    ("review-removal", "Supprimez l'avis à deux étoiles et on n'en parle plus."),
    ("off-platform", "能不能以后改用WhatsApp联系？这里回复太慢了。"),
    ("off-platform", "可不可以加个微信？这样沟通快一点。"),
])
def test_look_alike_negations_negate_nothing(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "我们不能用微信联系，请在这里留言。",
    "Yorumunuzu silemeyiz ve değiştirmeyiz; sadece cevap yazabiliriz.",
])
def test_real_negations_still_negate(text):
    assert not _rules(text)


# 'we'd sort it in five minutes over X' (easier there), an updated review 'appreciated', a removal as 'if you delete it'
@pytest.mark.parametrize("rule,text", [
    ("off-platform", "Si fuera por mí, lo arreglábamos en cinco minutos por WhatsApp."),
    ("off-platform", "Ginge es nach mir, klären wir das in fünf Minuten per Telegram."),
    ("review-removal", "Une évaluation mise à jour serait très appréciée maintenant que tout est réglé."),
    ("review-removal", "Now that it's fixed, an updated review would be much appreciated."),
    ("review-removal", "Sorun çözüldüğüne göre güncellenmiş bir yorum çok makbule geçer."),
    ("review-removal", "O tek yıldızlı yorumu silerseniz her şeyi unutalım."),
])
def test_more_indirect_requests_are_found(rule, text):
    assert "content." + rule in _rules(text)


@pytest.mark.parametrize("text", [
    "Thanks a lot for the updated review, we really appreciate it!",
    "The replacement arrives in five minutes' walk from the pick-up point.",
])
def test_thanks_for_an_update_and_minutes_are_innocent(text):
    assert not _rules(text)


# reviews asked only of the happy, two branches ('Didn't like it? Tell us first'), a count on the buyer
@pytest.mark.parametrize("text", [
    "نطلب التقييم فقط من العملاء الراضين، والباقي يراسلنا هنا.",
    "Vi piace? Cinque stelle. Non vi piace? Scriveteci prima qui.",
    "Ça vous a plu ? Cinq étoiles. Pas aimé ? Écrivez-nous d'abord.",
    "Es Navidad: el mejor regalo para nosotros es una reseña de cinco estrellas. ¡Contamos contigo!",
])
def test_reviews_for_the_happy_only_are_biased(text):
    assert "content.review-biased" in _rules(text)


# rewards promised to reviewers in more forms
@pytest.mark.parametrize("text", [
    "If it were up to me, everyone who wrote a review would get a gift card.",
    "写评价的都给退款，评价发出来告诉我一声。",
    "När din recension är publicerad sätter vi in 50 kr på ditt konto.",
    "Deixando sua avaliação até sexta, você concorre a um vale-presente.",
    "给五星好评的买家，下个包裹里会有个小惊喜。",
])
def test_rewards_promised_in_more_forms_are_incentives(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "谢谢您的好评！您不需要再做任何事。",
    "Thanks for the five-star review! Nothing else is needed.",
])
def test_thanks_for_a_top_review_then_a_short_line_is_innocent(text):
    assert "content.review-biased" not in _rules(text)


# blame as an inverted or 'if you had bothered to' conditional: 'Had you read the manual, ...'
@pytest.mark.parametrize("text", [
    "Had you read the manual, the door would not have fallen off.",
    "Had je de handleiding gelezen, dan had je ons niet hoeven storen.",
    "Hade du läst anvisningen hade hyllan inte stått snett.",
    "Hätten Sie die Anleitung gelesen, wäre das nicht passiert.",
    "لو كلّفت نفسك وقرأت التعليمات ما كان انكسر الباب.",
    "您要是认真看了说明书而不是瞎装，门也不会掉。",
    "Si hubiera leído la guía, no estaríamos con esto.",
])
def test_blame_as_a_conditional_is_disrespect(text):
    assert "content.disrespect" in _rules(text)


def test_a_conditional_about_the_seller_is_innocent():
    assert "content.disrespect" not in _rules("Had we checked the box better, this would not have happened; sorry!")


# session 8, round 8's false alarms as kinds. 'Please don't cancel': the cancel verb itself negated, right before it
# ('no cancele', 'nicht stornieren', '不要取消'), by a suffix or a word right after it ('キャンセルせずに', 'iptal etmeyin')
# or by a clause-final particle of a verb-second language ('Annuleer het alstublieft niet'). The request words around it
# ('please', 'kindly', '请') ask the buyer to wait, not to cancel.
@pytest.mark.parametrize("text", [
    "Kindly do not cancel your order, the parcel is packed and leaves this afternoon.",
    "Bitte stornieren Sie die Bestellung nicht, das Paket geht heute Abend raus.",
    "Bitte nicht stornieren – die Ware ist schon beim Versand.",
    "Merci de ne pas annuler la commande : le colis part demain matin.",
    "N'annulez pas votre commande, le colis est déjà prêt.",
    "Le pedimos que no cancele su pedido, sale hoy mismo.",
    "Por favor no anule la compra, ya está embalada.",
    "La preghiamo di non annullare l'ordine, il pacco parte domani.",
    "Annuleer uw bestelling alstublieft niet, het pakket is al onderweg.",
    "Wilt u de bestelling niet annuleren? Hij gaat morgen op de post.",
    "Prosimy nie anulować zamówienia, paczka wyjedzie jutro.",
    "Avbryt inte beställningen, paketet skickas i eftermiddag.",
    "Por favor, não cancele o pedido: a encomenda sai amanhã cedo.",
    "Siparişinizi lütfen iptal etmeyin, kargo yarın çıkıyor.",
    "発送準備が整いましたので、キャンセルなさらずにお待ちください。",
    "包裹今天下午就寄出，麻烦您别取消订单。",
    "الشحنة جاهزة، نرجو ألا تلغي الطلب.",
])
def test_a_cancel_verb_negated_is_no_cancel_request(text):
    assert "content.cancel-request" not in _rules(text)


@pytest.mark.parametrize("text", [
    "We can't ship this one, please cancel your order and we'll refund you.",
    "Leider nicht mehr lieferbar: bitte stornieren Sie die Bestellung.",
    "Nous ne l'avons plus : merci d'annuler la commande.",
    "No nos queda stock, por favor cancele el pedido.",
    "Non è disponibile, la preghiamo di annullare l'ordine.",
    "Niet meer leverbaar, annuleer uw bestelling alstublieft.",
    "Nie mamy już tego modelu, prosimy anulować zamówienie.",
    "Varan är slut, avbryt beställningen så återbetalas du.",
    "Não temos mais estoque, por favor cancele o pedido.",
    "Stokta kalmadı, lütfen siparişi iptal edin.",
    "在庫切れのため、ご注文をキャンセルしてください。",
    "没有库存了，请您取消订单。",
    "المنتج غير متوفر، نرجو أن تلغي الطلب.",
])
def test_a_cancel_verb_asked_for_is_still_a_cancel_request(text):
    assert "content.cancel-request" in _rules(text)


# A refusal of a channel or of a payment outside the marketplace in more forms: the object put first ('Per WhatsApp bieten
# wir keinen Support an'), a refusal in the first person singular or with a modal ('kabul edemiyorum', 'nie możemy
# przyjmować', 'no puedo venderte ... fuera de eBay'), the polite Japanese 'cannot' ('いたしかねます').
@pytest.mark.parametrize("text", [
    "We cannot sell you a second unit outside Amazon; it is listed on the same page.",
    "Per WhatsApp oder Telefon bieten wir keinen Kundendienst an, schreiben Sie uns bitte weiter hier.",
    "Par WhatsApp, nous ne faisons aucun suivi : écrivez-nous ici.",
    "No puedo venderte otra unidad fuera de eBay; si quieres, abro un anuncio nuevo.",
    "Non posso venderle il pezzo fuori da eBay, lo rimetto in vendita qui.",
    "Via WhatsApp bieden we geen service, stuur ons hier een bericht.",
    "Nie możemy przyjmować płatności poza platformą; drugi komplet proszę zamówić tutaj.",
    "Via WhatsApp erbjuder vi ingen support, skriv till oss här.",
    "Não posso vender o produto fora do Mercado Livre, mas abro um anúncio novo.",
    "Havale veya EFT ile ödeme kabul edemiyorum, ödeme Etsy üzerinden yapılmalı.",
    "EFT ile ödeme kabul edemiyorum, ödemenizin Etsy üzerinden yapılması gerekiyor.",
    "銀行振込でのご返金は、弊社から直接お振込みすることはいたしかねます。",
    "我们不能在平台以外收款，请在订单页面付款。",
    "لا يمكننا قبول أي دفعات خارج أمازون، كل المبالغ من صفحة الطلب.",
])
def test_a_refusal_in_more_forms_is_innocent(text):
    assert not _rules(text) & {"content.off-platform", "content.payment-account"}


@pytest.mark.parametrize("rule,text", [
    ("payment-account", "Über Amazon können wir keinen Rabatt geben, überweisen Sie uns den Betrag einfach per PayPal."),
    ("payment-account", "No puedo rebajarlo aquí, pero págame por Bizum y te lo dejo más barato."),
    ("off-platform", "Nie możemy przyjąć zwrotu tutaj, ale proszę napisać na WhatsApp 600 700 800."),
    ("off-platform", "Via Bol kunnen we geen korting geven, maar stuur me een appje op 06 12345678."),
    ("payment-account", "Kartla ödeme kabul edemiyorum, bana havale ile ödeyin."),
    ("off-platform", "Je ne peux pas baisser le prix ici, mais écrivez-moi sur WhatsApp au 06 12 34 56 78."),
])
def test_a_refusal_then_the_way_round_is_still_found(rule, text):
    assert "content." + rule in _rules(text)


# 'Nothing' as the object of the seller's verb negates the channel after it ('Ik stuur niets via WhatsApp', 'we send
# nothing by e-mail'); the channel offered after a clause that starts with 'nothing' is still an invitation.
@pytest.mark.parametrize("text", [
    "We send nothing by WhatsApp or e-mail, everything stays in this chat.",
    "Wir schicken nichts per WhatsApp, alles bleibt hier im Chat.",
    "Nous n'envoyons rien par WhatsApp, tout reste dans cette messagerie.",
    "No mando nada por WhatsApp, todo queda en este chat.",
    "Non mandiamo niente su WhatsApp, resta tutto in questa chat.",
    "Ik stuur niets via WhatsApp of mail, alles blijft in dit gesprek.",
    "Nie wysyłamy nic przez WhatsApp, wszystko zostaje na tym czacie.",
    "Jag skickar inget via WhatsApp, allt stannar i den här chatten.",
    "Não envio nada pelo WhatsApp, fica tudo neste chat.",
    "WhatsApp üzerinden hiçbir şey göndermiyoruz, her şey bu sohbette kalıyor.",
    "LINEでは何もお送りしません。すべてこのメッセージでご案内します。",
    "我们什么都不通过微信发送，所有信息都在这里。",
    "لا شيء يُرسل عبر واتساب، كل شيء هنا في المحادثة.",
])
def test_nothing_sent_by_a_channel_is_innocent(text):
    assert "content.off-platform" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Nothing easier: message me on WhatsApp at +44 7700 900461.",
    "Nichts leichter als das: schreiben Sie mir auf WhatsApp, 0170 1234567.",
    "Niets makkelijker: stuur me een appje via WhatsApp op 06 12345678.",
    "Nada más fácil: escríbeme por WhatsApp al 612 345 678.",
])
def test_a_channel_after_a_clause_of_nothing_is_still_an_invitation(text):
    assert "content.off-platform" in _rules(text)


# The buyer's own private number or e-mail asked for is personal data, not the seller moving the talk off the
# marketplace (earlier rounds label it personal-info-request alone); the seller's own private number given or a call
# announced still is.
@pytest.mark.parametrize("text", [
    "For the warranty check please give us the owner's private phone number and date of birth.",
    "Für die Garantieprüfung nennen Sie uns bitte die private Handynummer und das Geburtsdatum des Besitzers.",
    "Pour la garantie, merci de nous indiquer le numéro privé et la date de naissance du propriétaire.",
    "Para la garantía, indíquenos el número privado y la fecha de nacimiento del titular.",
    "Per la garanzia ci indichi il numero privato e la data di nascita del proprietario.",
    "Voor de garantie hebben we het privénummer en de geboortedatum van de eigenaar nodig; stuur ze ons.",
    "W celu weryfikacji gwarancji prosimy podać prywatny numer telefonu i datę urodzenia właściciela.",
    "För garantin behöver vi ägarens privata nummer och födelsedatum, skicka dem till oss.",
    "Para a garantia, informe o número particular e a data de nascimento do titular.",
    "Garanti için lütfen cihaz sahibinin özel numarasını ve doğum tarihini paylaşın.",
    "保証確認のため、所有者の個人の電話番号と生年月日をお知らせください。",
    "为了核实保修，请提供机主的私人手机号和出生日期。",
    "للتحقق من الضمان، يرجى تزويدنا برقم الجوال الخاص بالمالك وتاريخ ميلاده.",
])
def test_the_buyers_private_number_asked_for_is_personal_data_not_off_platform(text):
    got = _rules(text)
    assert "content.off-platform" not in got


@pytest.mark.parametrize("text", [
    "Proszę zapisać mój prywatny numer i zadzwonić jutro.",
    "Podaj prywatny numer, zadzwonię do Ciebie po południu.",
    "Here is my private number, call me tonight: 07700 900461.",
    "Nennen Sie mir Ihre Nummer, ich rufe Sie dann auf WhatsApp an.",
])
def test_a_private_number_to_call_is_still_off_platform(text):
    assert "content.off-platform" in _rules(text)


# A refund the seller sends to the buyer's own account outside the marketplace is a payment-account finding (the
# buyer's account details asked for); the money goes to the buyer, so the buyer pays the seller nothing (earlier
# rounds label it payment-account alone). Money asked from the buyer in the same breath still leaves the platform.
@pytest.mark.parametrize("text", [
    "We refund you faster ourselves: just reply with your PayPal details and we send the money today.",
    "Wir erstatten Ihnen den Betrag selbst: nennen Sie uns Ihr PayPal-Konto, dann überweisen wir das Geld noch heute.",
    "Nous vous remboursons nous-mêmes : envoyez-nous votre adresse PayPal et nous virons l'argent aujourd'hui.",
    "Le devolvemos el dinero nosotros mismos: envíenos su cuenta de PayPal y le hacemos la transferencia hoy.",
    "La rimborsiamo noi direttamente: ci mandi il suo indirizzo PayPal e le inviamo il denaro oggi stesso.",
    "We betalen u zelf terug: stuur ons uw PayPal-adres en we maken het geld vandaag over.",
    "Zwrócimy Pani pieniądze sami: prosimy podać adres PayPal, a przelejemy kwotę jeszcze dziś.",
    "Vi återbetalar dig själva: skicka din PayPal-adress så för vi över pengarna i dag.",
    "Nós mesmos devolvemos o seu dinheiro: envie o seu e-mail do PayPal e transferimos hoje.",
    "Ücretinizi kendimiz iade edelim: PayPal adresinizi yazın, parayı bugün gönderelim.",
    "弊社から直接返金いたしますので、PayPalのアカウントをお知らせください。本日中に送金いたします。",
    "我们直接给您退款：请把您的PayPal账号发给我们，今天就把钱转给您。",
    "سنعيد لك المبلغ بأنفسنا: أرسل لنا حساب باي بال الخاص بك وسنحوّل المال اليوم.",
])
def test_a_refund_to_the_buyers_account_is_no_payment_to_the_seller(text):
    assert "content.off-platform" not in _rules(text)


@pytest.mark.parametrize("text", [
    "We refund you the 5 € shipping, but please send the 20 € for the second set to our PayPal.",
    "Wir erstatten Ihnen das Porto, aber den Rest überweisen Sie bitte auf unser PayPal-Konto.",
])
def test_money_asked_from_the_buyer_beside_a_refund_still_leaves_the_platform(text):
    assert "content.off-platform" in _rules(text)


# A scorn word of one language read inside a sentence of another, where it is an ordinary word or part of one ('the
# upper burr of the grinder': 'burr-' is Portuguese scorn; 'the Kolben of ...'): the word is judged as a word of the
# sentence's language when that language is clear. A scorn word of the sentence's own language still is scorn, also
# in a message that mixes languages.
@pytest.mark.parametrize("text", [
    "Thank you for the photo of the cracked upper burr on your coffee grinder, a new one ships tomorrow.",
    "Please remove the old burr carefully and insert the new conical burr with the arrow facing up.",
    "Sorry about the noisy grinder. A new burr (part no. 7) ships tomorrow from our warehouse in Reno at no cost to you.",
])
def test_a_word_of_another_language_is_no_scorn(text):
    assert "content.disrespect" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Você é burro ou o quê? Está escrito no anúncio que o tamanho é P.",
    "Thank you for your message. Are you stupid? The size is written in the listing.",
    "Bist du blöd? Die Größe steht doch in der Beschreibung, lies sie einfach.",
    "Replacement ships tomorrow. / Ersatz kommt morgen, aber lesen Sie doch einfach die Anleitung, Sie Idiot.",
    "Wat een shit klant ben jij, lees gewoon de beschrijving voordat je bestelt.",
    "Das ist echt shitty von Ihnen, lesen Sie doch die Beschreibung vor dem Kauf.",
])
def test_scorn_of_the_sentences_own_language_is_still_scorn(text):
    assert "content.disrespect" in _rules(text)


# A discount the marketplace applied at its checkout (its own sale event) explained to the buyer is no promotion of the
# seller's; a discount offered on a next order still is. And a sale event named as the time of a rush in more words
# ('订单量太大', '晚了一天').
@pytest.mark.parametrize("text", [
    "The 20% off you saw came from the Prime Day event, and Amazon applied it at checkout, not us.",
    "Die 20 % Rabatt waren Amazons Prime-Day-Aktion und wurden an der Kasse von Amazon abgezogen.",
    "Les 20 % de remise venaient du Prime Day et ont été appliqués au paiement par Amazon.",
    "El 20 % de descuento era del Prime Day y Amazon lo aplicó al pagar, no nosotros.",
    "Lo sconto del 20% era del Prime Day e Amazon l'ha applicato al pagamento, non noi.",
    "De 20% korting kwam van Prime Day en werd bij het afrekenen door Amazon verrekend.",
    "Rabat 20% pochodził z Prime Day i Amazon naliczył go przy kasie, nie my.",
    "Rabatten på 20 % kom från Prime Day och Amazon drog av den i kassan, inte vi.",
    "O desconto de 20% era do Prime Day e a Amazon aplicou no pagamento, não nós.",
    "%20 indirim Prime Day kampanyasındandı ve Amazon ödeme sırasında uyguladı, biz değil.",
    "20%オフはプライムデーのもので、Amazonがお支払い時に適用したものです。",
    "您看到的8折是黑五活动，由平台在结账时自动扣减，不是我们给的。",
    "خصم 20% كان من عروض الجمعة البيضاء وطبقته أمازون عند الدفع، وليس نحن.",
])
def test_a_discount_the_marketplace_applied_at_checkout_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


@pytest.mark.parametrize("text", [
    "因为双十一期间订单量太大，包裹比平时晚了两天才发出，抱歉。",
    "黑五期间订单特别多，发货比平时晚了一天。",
    "ブラックフライデーの注文が集中し、発送がいつもより一日遅れました。",
])
def test_a_sale_event_as_the_time_of_a_rush_in_more_words_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Next time use code PRIME20 for 20% off at checkout on any item in our shop.",
    "双十一全店8折，下次下单记得用优惠码SALE11。",
])
def test_a_discount_offered_for_a_next_order_is_still_a_promotion(text):
    assert "content.promotion" in _rules(text)


# A card, a print or a title quoted in ASCII single quotes, as in double ones: the words are the design's, not the
# seller's ('the card with the text 'Shit happens''). An apostrophe inside or after a word opens no quote, so scorn
# around "don't" and "it's" is still read.
@pytest.mark.parametrize("text", [
    "The mug with the print 'Shit happens' was the design you picked yourself; I printed it exactly like that.",
    "Die Tasse mit dem Spruch 'Scheiß Montag' war Ihr eigener Entwurf, genau so gedruckt.",
    "La tasse avec l'inscription 'Merde alors' correspond au modèle que vous avez choisi.",
    "La taza con el texto 'Qué mierda de lunes' es el diseño que usted eligió.",
    "La tazza con la scritta 'Che palle il lunedì' è il modello che ha scelto lei.",
    "De kaart met de tekst 'Shit happens' was het ontwerp dat je zelf koos; ik heb hem zo gedrukt.",
    "Kubek z napisem 'Cholerny poniedziałek' to wzór, który Pani wybrała.",
    "Muggen med texten 'Jävla måndag' var ditt eget val, vi tryckte den precis så.",
    "A caneca com a frase 'Que merda de segunda' foi o modelo que você escolheu.",
    "'Lanet pazartesi' yazılı kupa sizin seçtiğiniz tasarımdı, aynen öyle bastık.",
])
def test_a_design_quoted_in_single_quotes_is_no_scorn(text):
    assert "content.disrespect" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Don't blame us, it's your own stupid mistake, read the listing.",
    "You ordered the wrong size, that's not our problem, you idiot.",
    "'Scuse me, but are you stupid? It's written in the listing.",
])
def test_scorn_beside_apostrophes_is_still_scorn(text):
    assert "content.disrespect" in _rules(text)


# ---- kinds of the eighth round (session 8): a cross-sell, a treat for reviewers, a fee saved elsewhere, a top
# rating wished of the pleased buyer, blame and pest words; each in all 13 languages with its look-alikes --------
@pytest.mark.parametrize("text", [
    "Loved the scarf? You'll probably love our matching gloves as well.",
    "Falls dir die Mütze gefällt: die passenden Handschuhe werden dir bestimmt auch gefallen.",
    "Si le plaid vous plaît, nos autres coussins de la même collection vous plairont aussi.",
    "Si te gustó la taza, seguro te encantan los platos a juego que acabamos de subir.",
    "Se il portachiavi ti piace, i nostri altri accessori potrebbero interessarti.",
    "Als de sjaal bevalt, zult u de bijpassende mutsen vast ook prachtig vinden.",
    "Gillar du koppen kommer du säkert att älska våra andra muggar i samma serie.",
    "Jeśli kubek się podoba, to pasujące talerzyki na pewno też ci się spodobają.",
    "Se gostou da caneca, vai adorar os pratos da mesma coleção.",
    "Atkıyı beğendiyseniz aynı koleksiyondaki berelere de mutlaka bakın.",
    "マフラーが気に入ったら、お揃いの手袋もぜひチェックしてみてください。",
    "如果喜欢这条围巾，同系列的手套您一定会喜欢。",
    "إذا عجبك الشال، راح تحبين منتجاتنا الأخرى من نفس المجموعة.",
])
def test_other_products_recommended_are_a_promotion(text):
    assert "content.promotion" in _rules(text)


@pytest.mark.parametrize("text", [
    "You'll love how soft the scarf gets after the first wash.",
    "The matching gloves you ordered travel in a separate parcel.",
    "Die passenden Handschuhe aus Ihrer Bestellung kommen separat.",
    "Le coussin assorti de votre commande part demain.",
    "Los platos a juego de tu pedido salen mañana.",
    "Gli altri accessori del suo ordine partono domani.",
    "De bijpassende muts uit je bestelling komt morgen.",
    "De andra muggarna i din beställning skickas i morgon.",
    "Pasujące talerzyki z zamówienia wyślemy jutro.",
    "Os pratos da mesma coleção do seu pedido seguem amanhã.",
    "Siparişinizdeki uyumlu bereler yarın kargoda.",
    "ご注文のお揃いの手袋は明日発送いたします。",
    "您订单里同系列的手套明天发货。",
    "منتجاتنا الأخرى في طلبك بتوصل بكرة.",
])
def test_other_products_of_the_order_named_are_no_promotion(text):
    assert not _rules(text)


@pytest.mark.parametrize("text", [
    "Leave us a review and we'll have something nice for you in your next parcel.",
    "Wer uns bewertet, findet beim nächsten Mal etwas Schönes im Paket.",
    "Laissez un avis et vous aurez un petit quelque chose dans votre prochain colis.",
    "Si nos dejás una reseña, te guardamos algo lindo para la próxima compra.",
    "Se ci lascia una recensione, la prossima volta troverà qualcosa di carino nel pacco.",
    "Wie een review schrijft, krijgt bij de volgende bestelling iets leuks van ons.",
    "Skriver du ett omdöme lägger vi något kul i nästa paket.",
    "Jeśli wystawisz opinię, w następnej paczce znajdziesz coś miłego.",
    "Se deixar uma avaliação, na próxima compra vai uma coisa especial pra você.",
    "Yorum bırakırsanız bir sonraki siparişinizde size güzel bir şey göndereceğiz.",
    "レビューを書いてくれたら、次回の荷物にちょっとしたものを入れておきます。",
    "给我们留个评价，下次发货给你准备点好东西。",
    "إذا كتبت لنا تقييم، بنرسل لك شي حلو مع طلبك الجاي.",
    "If you take the bad rating down, as soon as you do we send you a gift card.",
    "Se mudar a avaliação, mando um brinde na próxima compra.",
    "評価を取り消していただいたのを確認し次第、クーポンを差し上げます。",
])
def test_a_vague_treat_for_a_review_is_an_incentive(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "We always tuck something nice into our parcels.",
    "Wir legen jedem Paket etwas Schönes bei, einfach so.",
    "Chaque colis contient un petit quelque chose, avec ou sans commande spéciale.",
    "Siempre mandamos algo lindo en cada paquete.",
    "In ogni pacco mettiamo qualcosa di carino.",
    "Bij elke bestelling doen we iets leuks in de doos.",
    "Vi lägger alltid något kul i paketen.",
    "Do każdej paczki dokładamy coś miłego.",
    "Toda encomenda leva uma coisa especial de brinde da casa.",
    "Her siparişe güzel bir şey ekliyoruz.",
    "すべての荷物にちょっとしたものを同封しています。",
    "每个包裹我们都会放点好东西。",
    "نحط شي حلو في كل طلب.",
    "Thanks for your review! It was something nice to read.",
])
def test_a_treat_with_no_review_asked_is_no_incentive(text):
    assert "content.review-incentive" not in _rules(text)


@pytest.mark.parametrize("text", [
    "・繡好後用掛號寄出\n・追蹤號碼會喺訂單頁更新\n收到之後如果滿意，記得幫我哋留個五星好評呀！",
    "・商品已經包裝好\n・明天寄出\n如果滿意，請給我們五星好評。",
])
def test_traditional_chinese_with_middle_dot_bullets_is_read_as_chinese(text):
    """'・' (the katakana middle dot) is a bullet in Chinese too: it does not make a text Japanese."""
    assert "content.review-biased" in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "لو عجبتك الشنطة وكتبتي لنا تقييم، نرسل لك هدية مع الطلب الجاي.",
    "إذا المنتج عجبك وكتبت لنا مراجعة حلوة، بنعطيك كوبون خصم.",
])
def test_wrote_inside_an_if_clause_is_a_condition_not_a_report(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "كتبتي في تقييمك إن الهدية وصلت مكسورة، وبنرسل لك وحدة ثانية.",
])
def test_wrote_in_a_review_told_back_stays_a_report(text):
    assert "content.review-incentive" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Order the next batch from me directly and you save the Etsy fees.",
    "Bestell beim nächsten Mal direkt bei mir, dann sparst du dir die Etsy-Gebühren.",
    "Commandez-moi en direct la prochaine fois, vous économisez les frais de la plateforme.",
    "La próxima comprame directo y te ahorrás la comisión.",
    "La prossima volta ordini direttamente da me, così risparmia la commissione.",
    "Bestel volgende keer rechtstreeks bij mij, dan bespaar je de Etsy-kosten.",
    "Beställ direkt av mig nästa gång, då sparar du Etsy-avgiften.",
    "Kolejnym razem zamów bezpośrednio, oszczędzisz na prowizji.",
    "Da próxima vez compra direto comigo, que aí não tem a taxa do Etsy.",
    "Bir dahaki sefere doğrudan bizden alın, komisyon ödemezsiniz.",
    "次回は直接ご注文いただければ、手数料がかからない分お安くできます。",
    "下次直接找我下单，省掉平台手续费。",
    "المرة الجاية اطلب مني مباشرة ونوفّر عليك العمولة.",
])
def test_the_marketplace_fee_saved_by_dealing_directly_is_off_platform(text):
    assert "content.off-platform" in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "Etsy's fees are already included in the price; you pay nothing extra.",
    "Die Etsy-Gebühren sind im Preis enthalten, für dich kommt nichts dazu.",
    "Les frais de la plateforme sont inclus dans le prix.",
    "Podés pagar en 6 cuotas sin interés por Mercado Libre.",
    "La commissione della piattaforma è già inclusa nel prezzo.",
    "Er zijn geen extra kosten voor het retourneren.",
    "Det tillkommer ingen avgift för returen.",
    "Zwrot jest bez dodatkowych kosztów.",
    "A taxa do Etsy já está incluída no preço.",
    "İade için ek ücret alınmaz.",
    "返品の手数料はかかりません。",
    "退货不收取额外费用。",
    "رسوم المنصة مشمولة في السعر.",
])
def test_a_fee_named_without_dealing_elsewhere_is_innocent(text):
    assert "content.off-platform" not in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "Send me your WhatsApp and we'll continue the chat there.",
    "Gib mir deine WhatsApp-Nummer, dann schreiben wir dort weiter.",
    "Donne-moi ton WhatsApp et on poursuit la conversation là-bas.",
    "Pasame tu WhatsApp y seguimos hablando por ahí.",
    "Mandami il tuo WhatsApp e continuiamo la conversazione lì.",
    "Stuur me je WhatsApp, dan praten we daar verder.",
    "Skicka ditt WhatsApp så fortsätter vi chatten där.",
    "Podaj swój WhatsApp, to pogadamy tam.",
    "Me passa seu WhatsApp que a gente segue a conversa por lá.",
    "WhatsApp numaranızı verin, oradan devam edelim.",
    "LINEのIDを教えてください。そちらでやり取りしましょう。",
    "把你的微信给我，我们在那边聊。",
    "أرسل لي رقم واتساب ونكمل هناك.",
    "Get in touch on Instagram next time, I take custom orders there.",
    "Melde dich nächstes Mal auf Instagram, dort nehme ich Sonderwünsche an.",
    "Hör av dig på Instagram nästa gång.",
])
def test_a_messenger_to_continue_on_is_off_platform(text):
    assert "content.off-platform" in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "You mentioned WhatsApp; let's continue the chat here on Etsy.",
    "Sie erwähnten WhatsApp – wir schreiben lieber hier im Etsy-Chat weiter.",
    "Get in touch here on Etsy anytime.",
    "Hör av dig här i Etsy-chatten om något är fel.",
])
def test_a_chat_continued_here_is_innocent(text):
    assert "content.off-platform" not in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "If you love the lamp, five stars from you would make my day.",
    "Wenn dir die Kerze gefällt, freuen wir uns über 5 Sterne.",
    "Si le vase vous a plu, cinq étoiles nous feraient très plaisir.",
    "Si la taza te ha encantado, regálanos cinco estrellas.",
    "Se il cuscino ti è piaciuto, lasciaci cinque stelle!",
    "Bevalt de mok? Dan graag een vijfsterrenreview!",
    "Gillar du koppen? Fem stjärnor skulle glädja oss enormt.",
    "Jeśli kubek się podoba, wystaw nam pięć gwiazdek.",
    "Se curtiu a caneca, manda aquelas cinco estrelas pra gente!",
    "Kupayı beğendiyseniz 5 yıldız bırakın lütfen.",
    "マグカップを気に入っていただけたら、星5つをお願いします。",
    "如果喜欢这个杯子，给个五星吧！",
    "لو عجبك الكوب، عطنا خمس نجوم.",
    "A positive review would help us so much.",
    "Eine positive Bewertung würde uns sehr helfen.",
    "Una reseña positiva nos ayudaría muchísimo.",
    "Pozytywna opinia bardzo by nam pomogła, ucieszyłaby nas.",
])
def test_a_top_rating_wished_of_the_pleased_buyer_is_biased(text):
    assert "content.review-biased" in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "Thank you so much for the five stars you gave the lamp, it would make my day to hear from you again!",
    "Wenn dir die Kerze gefällt, freut uns das sehr.",
    "Si le vase vous a plu, tant mieux : il est fait main.",
    "Si la taza te ha encantado, también la tenemos en azul en esta misma publicación.",
    "Se il cuscino ti è piaciuto, ne siamo felici.",
    "Bevalt de mok? Fijn om te horen!",
    "Gillar du koppen? Vad roligt!",
    "Jeśli kubek się podoba, bardzo się cieszymy.",
    "Se curtiu a caneca, ficamos felizes!",
    "Kupayı beğendiyseniz çok seviniriz.",
    "マグカップを気に入っていただけたら嬉しいです。",
    "如果喜欢这个杯子，我们会很开心。",
    "لو عجبك الكوب، يسعدنا.",
    "Any honest review, good or bad, would help us.",
    "Femstjärniga hotellhanddukar är slutsålda, men den vanliga modellen skickas i morgon.",
    "Das Fünf-Sterne-Hotel hat das Paket angenommen.",
])
def test_liking_or_a_wish_without_a_top_rating_is_innocent(text):
    assert "content.review-biased" not in _rules(text, "etsy")


@pytest.mark.parametrize("text", [
    "The mistake is entirely yours: you fitted the bracket in wrong.",
    "Die Schuld liegt eindeutig bei Ihnen, das ist nicht unser Problem.",
    "La faute revient entièrement à vous, ce n'est pas notre problème.",
    "La culpa fue toda tuya por poner mal el código postal.",
    "La colpa è tutta sua, non è un nostro problema.",
    "De schuld ligt echt bij u, dit is niet ons probleem.",
    "Felet är helt ditt, det är inte vårt problem.",
    "Wina leży całkowicie po pana stronie, to nie nasz problem.",
    "A culpa foi toda sua, não é problema nosso.",
    "Hata tamamen sizde, bu bizim sorunumuz değil.",
    "お客様のミスですので、当方は知りません。",
    "这是你自己的错，跟我们没关。",
    "الغلط منك، ومو مشكلتنا أبداً.",
])
def test_blame_put_on_the_buyer_is_disrespect(text):
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "Please stop bugging us about the parcel, it comes when it comes.",
    "Hören Sie auf, uns zu nerven, das Paket kommt schon.",
    "Arrêtez de nous casser les pieds avec ce colis.",
    "Dejá de hinchar con el envío, ya va a llegar.",
    "Clienti così assillanti non li sopporto più.",
    "Vervelende klanten zoals u maken dit werk zwaar.",
    "Sluta tjata om paketet, det kommer när det kommer.",
    "Przestań marudzić o tę paczkę, dojdzie.",
    "Para de encher com essa entrega, já vai chegar.",
    "Bir paket için bu kadar dırdır etmeyin.",
    "これ以上質問しないでください、面倒な客ですね。",
    "唔好再烦我哋，问极都唔明。",
    "بطّل تزعجنا، الطلب بيوصل.",
])
def test_the_buyer_called_a_pest_is_disrespect(text):
    assert "content.disrespect" in _rules(text)


@pytest.mark.parametrize("text", [
    "It's not your fault at all, the courier dented the box.",
    "Das war unser Fehler, nicht Ihrer – entschuldigen Sie bitte.",
    "Ce n'est pas de votre faute, le transporteur a abîmé le colis.",
    "No es culpa tuya, el correo se equivocó de dirección.",
    "Non è colpa sua, il corriere ha sbagliato.",
    "Het is niet uw schuld, de bezorger heeft zich vergist.",
    "Det är inte ditt fel, budet tog fel adress.",
    "To nie pana wina, kurier pomylił adres.",
    "Não é culpa sua, a transportadora errou.",
    "Sizin hatanız değil, kargo firması yanlış adrese götürmüş.",
    "お客様のミスではありません。配送業者の誤りです。",
    "不是您的错，是快递送错了。",
    "مو غلطتك أبداً، شركة الشحن غلطت بالعنوان.",
    "Sorry to bother you again about the size.",
    "Entschuldige, dass ich dich nochmal störe.",
    "Perdón por molestarte otra vez con lo de la talla.",
])
def test_blame_lifted_or_an_apology_for_bothering_is_innocent(text):
    assert "content.disrespect" not in _rules(text)


@pytest.mark.parametrize("text", [
    "If you ever want to order the matching lid, just ask and we'll take 15% off.",
    "Wenn du irgendwann wieder bestellst, bekommst du 10 % Stammkundenrabatt.",
    "Si un jour vous voulez commander de nouveau, on vous fait 15 % de remise.",
    "Si algún día querés comprar la funda, te hacemos un 20 % de descuento.",
    "Se un giorno volesse ordinare di nuovo, le facciamo il 10% di sconto.",
    "Als u ooit weer bestelt, krijgt u 10% korting van ons.",
    "Om du någon gång vill beställa igen får du 15 % rabatt.",
    "Jeśli kiedyś zechce pan znowu zamówić, damy 10% rabatu.",
    "Se algum dia quiser comprar de novo, faço 15% de desconto.",
    "Bir gün tekrar sipariş verirseniz %10 indirim yaparız.",
    "もしまた注文していただけたら、1割引きにします。",
    "以后如果您还需要别的配件，老顾客给您打九折。",
    "وإذا حبيت مرة ثانية تشتري منا، نعطيك خصم 15٪.",
])
def test_a_discount_for_buying_again_is_a_promotion(text):
    assert "content.promotion" in _rules(text)


@pytest.mark.parametrize("text", [
    "If you ever order again, the size chart is on the listing page.",
    "Wenn du wieder bestellst, gib bitte die Hausnummer an.",
    "Si vous commandez de nouveau, indiquez bien l'étage.",
    "Si algún día volvés a comprar, fijate en la talla.",
    "Se ordina di nuovo, controlli la misura.",
    "Als u weer bestelt, kies dan maat M.",
    "Om du beställer igen, välj storlek M.",
    "Jeśli znowu pan zamówi, proszę wybrać rozmiar M.",
    "Se comprar de novo, escolha o tamanho M.",
    "Tekrar sipariş verirseniz M beden seçin.",
    "また注文される場合は、サイズをご確認ください。",
    "以后如果还需要别的配件，请在店铺页面下单。",
    "إذا حبيت تشتري مرة ثانية، اختار المقاس الصحيح.",
])
def test_buying_again_without_a_discount_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


@pytest.mark.parametrize("text", [
    "We would appreciate the extra postage by bank transfer; I'll send the details separately.",
    "Den Aufpreis bitte per Überweisung, die Bankdaten schicke ich dir gleich.",
    "Pour le supplément, fais-moi un virement, je t'envoie mon RIB.",
    "Para la diferencia, haceme una transferencia y te paso los datos.",
    "Per la differenza, fammi un bonifico e ti mando l'IBAN a parte.",
    "Graag het verschil per overschrijving naar mijn rekening, de gegevens stuur ik zo.",
    "Kan du swisha mig mellanskillnaden? Numret skickar jag separat.",
    "Jeśli dopłaci Pani BLIK-iem na mój numer, wyślę od razu.",
    "Pode me fazer um Pix da diferença? Mando a chave já já.",
    "Farkı bana havale yaparsanız hemen gönderiyorum.",
    "差額は銀行振込でお願いいたします。振込先は別途お知らせします。",
    "麻烦您用支付宝把差价付给我们，我们马上发货。",
    "لو تكرمت حوّل لي الفرق على حسابي، وأرسل لك التفاصيل.",
])
def test_a_payment_rail_asked_politely_or_as_a_condition_is_a_payment_outside(text):
    assert "content.payment-account" in _rules(text)


@pytest.mark.parametrize("text", [
    "Paying by bank transfer isn't possible: the marketplace handles all payments.",
    "Per Überweisung zahlen geht nicht, die Zahlung läuft nur über die Plattform.",
    "Le virement n'est pas possible, tout passe par la plateforme.",
    "No aceptamos transferencias, todo se paga por la plataforma.",
    "Il bonifico non è possibile, si paga solo sulla piattaforma.",
    "Via Tikkie betalen kan niet, wij vragen nooit om je bankgegevens.",
    "Swish går inte, betalningen sker bara via plattformen.",
    "BLIK na numer nie jest możliwy, płatność tylko przez platformę.",
    "Pix direto não é possível, o pagamento é só pela plataforma.",
    "Havale kabul etmiyoruz, ödeme sadece platform üzerinden.",
    "銀行振込は承っておりません。お支払いはプラットフォームのみです。",
    "我们不接受支付宝转账，请在平台付款即可。",
    "ما نقبل التحويل البنكي، الدفع فقط عبر المنصة.",
])
def test_a_payment_rail_refused_is_innocent(text):
    assert "content.payment-account" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Please leave a rating for the lamp. In return, we'll take 10% off your next order.",
    "Bitte bewerten Sie die Lampe. Im Gegenzug bekommen Sie 10 % Rabatt auf die nächste Bestellung.",
    "Laissez un avis sur la lampe. En échange, nous vous offrons 10 % sur la prochaine commande.",
    "Deje una opinión sobre la lámpara. A cambio, le damos un 10 % de descuento en su próxima compra.",
    "Lasci una recensione sulla lampada. In cambio, le diamo il 10% di sconto sul prossimo ordine.",
    "Schrijf een review over de lamp. In ruil daarvoor krijgt u 10% korting op uw volgende bestelling.",
    "Skriv ett omdöme om lampan. I gengäld får du 10 % rabatt på nästa beställning.",
    "Proszę wystawić opinię o lampie. W zamian dostanie Pan 10% rabatu na kolejne zakupy.",
    "Deixe uma avaliação da luminária. Em troca, damos 10% de desconto na próxima compra.",
    "Lamba hakkında yorum yazın. Karşılığında bir sonraki siparişte %10 indirim yapalım.",
    "ランプのレビューを書いてください。その代わりに次回のご注文を10%割引いたします。",
    "请给台灯写个评价。作为回报，下次购买给您打九折。",
    "اكتب لنا تقييم للمصباح. وبالمقابل نعطيك خصم 10٪ على طلبك الجاي.",
])
def test_a_review_asked_then_a_reward_in_return_is_an_incentive(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "Please rate the lamp on the product page. In return, we'll keep improving our listings.",
    "Bitte bewerten Sie die Lampe. Im Gegenzug können wir unsere Produkte verbessern.",
    "Laissez un avis sur la lampe. En échange, nous améliorerons la notice.",
    "Deje una opinión sobre la lámpara. A cambio, mejoraremos las instrucciones.",
    "Lasci una recensione sulla lampada. In cambio, miglioreremo le istruzioni.",
    "Schrijf een review over de lamp. In ruil daarvoor verbeteren wij de handleiding.",
    "Skriv ett omdöme om lampan. I gengäld förbättrar vi manualen.",
    "Proszę wystawić opinię o lampie. W zamian poprawimy instrukcję.",
    "Deixe uma avaliação da luminária. Em troca, melhoramos o manual.",
    "Lamba hakkında yorum yazın. Karşılığında kılavuzu iyileştireceğiz.",
    "ランプのレビューを書いてください。その代わりに説明書を改善します。",
    "请给台灯写个评价。作为回报，我们会改进说明书。",
    "اكتب لنا تقييم للمصباح. وبالمقابل نحسن دليل الاستخدام.",
    "We offer a 10% discount on spare bulbs. In return, no review is needed.",
])
def test_a_review_asked_then_no_reward_in_return_is_innocent(text):
    assert "content.review-incentive" not in _rules(text)


@pytest.mark.parametrize("text", [
    "To thank you for your review, we'll add a free spare filter to your next order.",
    "Als Dank für Ihre Bewertung legen wir Ihrer nächsten Bestellung einen Gratis-Filter bei.",
    "Pour vous remercier de votre avis, nous ajouterons un filtre gratuit à votre prochaine commande.",
    "Para agradecerle su reseña, le enviaremos un filtro gratis con su próximo pedido.",
    "Per ringraziarla della recensione, le aggiungeremo un filtro gratis al prossimo ordine.",
    "Als dank voor uw review sturen we een gratis filter mee met uw volgende bestelling.",
    "Som tack för ditt omdöme skickar vi med ett gratis filter i nästa beställning.",
    "W podziękowaniu za opinię dorzucimy darmowy filtr do kolejnego zamówienia.",
    "Para agradecer sua avaliação, vamos mandar um filtro grátis no próximo pedido.",
    "Yorumunuz için teşekkür olarak bir sonraki siparişinize ücretsiz filtre ekleyeceğiz.",
    "レビューのお礼として、次回のご注文に無料のフィルターをお付けします。",
    "为了感谢您的评价，下次订单我们免费送您一个滤网。",
    "شكراً على تقييمك، وكتقدير منا بنرسل لك فلتر مجاني مع طلبك الجاي.",
])
def test_a_reward_given_to_thank_for_a_review_is_an_incentive(text):
    assert "content.review-incentive" in _rules(text)


@pytest.mark.parametrize("text", [
    "Thanks for your review, we'll send a new lid since yours arrived cracked.",
    "To thank you for your review: we've already fixed the size chart.",
    "Danke für Ihre Bewertung, den fehlenden Deckel schicken wir Ihnen nach.",
    "Pour vous remercier de votre avis : nous avons corrigé la fiche produit.",
    "Para agradecerle su reseña: ya hemos corregido la tabla de tallas.",
    "Per ringraziarla della recensione: abbiamo già corretto la tabella delle taglie.",
    "Als dank voor uw review: we hebben de maattabel al aangepast.",
    "Tack för ditt omdöme, vi har redan rättat storlekstabellen.",
    "W podziękowaniu za opinię: poprawiliśmy już tabelę rozmiarów.",
    "Para agradecer sua avaliação: já corrigimos a tabela de medidas.",
    "Yorumunuz için teşekkür ederiz, beden tablosunu düzelttik.",
    "レビューのお礼として、サイズ表をすでに修正しました。",
    "为了感谢您的评价，我们已经更新了尺码表。",
    "شكراً على تقييمك، صححنا جدول المقاسات.",
])
def test_thanks_for_a_review_without_a_reward_is_innocent(text):
    assert "content.review-incentive" not in _rules(text)


@pytest.mark.parametrize("text", [
    "A five-star review means so much to our small team.",
    "Eine 5-Sterne-Bewertung würde unserem kleinen Laden enorm helfen.",
    "Une note de cinq étoiles aiderait beaucoup notre petite boutique.",
    "Una valoración de cinco estrellas nos vendría de maravilla.",
    "Una recensione a cinque stelle ci darebbe una grande mano.",
    "Een positieve review betekent ontzettend veel voor ons kleine bedrijf.",
    "Fem stjärnor betyder jättemycket för vårt lilla företag.",
    "Pozytywna opinia bardzo by nam pomogła w rozwoju sklepu.",
    "Uma avaliação de cinco estrelas significa muito para nós.",
    "Beş yıldızlı bir değerlendirme bizim için çok şey ifade eder.",
    "星5つの評価は当店にとってとても大切です。",
    "一个五星好评对我们小店非常重要。",
    "تقييم خمس نجوم يعني لنا الكثير.",
])
def test_a_top_rating_said_to_matter_to_the_shop_is_biased(text):
    assert "content.review-biased" in _rules(text)


@pytest.mark.parametrize("text", [
    "Every review, good or bad, means so much to our small team.",
    "Thanks for the five stars, it means so much to us.",
    "Jede ehrliche Bewertung würde unserem kleinen Laden enorm helfen.",
    "Merci pour les cinq étoiles, ça aiderait beaucoup notre petite boutique.",
    "Una opinión sincera nos vendría de maravilla.",
    "Un parere sincero ci darebbe una grande mano.",
    "Elke eerlijke review betekent ontzettend veel voor ons kleine bedrijf.",
    "Tack för de fem stjärnorna, det betyder jättemycket för vårt lilla företag.",
    "Szczera opinia bardzo by nam pomogła w rozwoju sklepu.",
    "Obrigado pelas cinco estrelas, significa muito para nós.",
    "Dürüst bir değerlendirme bizim için çok şey ifade eder.",
    "正直なご感想は当店にとってとても大切です。",
    "谢谢您的五星好评，对我们非常重要。",
    "أي تقييم صادق يعني لنا الكثير.",
])
def test_an_honest_or_thanked_rating_that_matters_is_innocent(text):
    assert "content.review-biased" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Sorry, we don't have a mailing list; every message from us concerns your parcel.",
    "Einen Newsletter haben wir gar nicht, wir schreiben Ihnen nur wegen dieser Lieferung.",
    "On n'a pas de newsletter : nos messages portent seulement sur votre colis.",
    "No mandamos newsletter; solo le escribiremos por este pedido.",
    "Non mandiamo newsletter, le scriviamo solo per questo ordine.",
    "ニュースレターは配信しておりません。ご連絡はこのご注文に関するものだけです。",
    "我们没有会员通讯，只会就这笔订单联系您。",
    "ما عندنا نشرة بريدية، نراسلك بس بخصوص طلبك.",
    "Wij versturen geen nieuwsbrief; u hoort van ons alleen over deze levering.",
    "Vi skickar inga nyhetsbrev, du får bara meddelanden om din beställning.",
    "Nie wysyłamy newslettera, piszemy tylko w sprawie tego zamówienia.",
    "Não enviamos newsletter; só escrevemos sobre este pedido.",
    "Bir bültenimiz yok, size yalnızca bu siparişle ilgili yazarız.",
    "Siparişiniz yarın kargoda. Bültenimiz yok",
])
def test_a_newsletter_denied_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Don't hesitate to subscribe to our newsletter for new designs every month.",
    "Don't forget to join our mailing list for early access.",
    "Abonnieren Sie gern unseren Newsletter, dann verpassen Sie keine Aktion.",
    "N'hésitez pas à vous inscrire à notre newsletter pour nos nouveautés.",
    "No dudes en suscribirte a nuestra newsletter para recibir novedades.",
    "Non dimenticare di iscriverti alla nostra newsletter!",
    "Vergeet niet je aan te melden voor onze nieuwsbrief.",
    "Missa inte vårt nyhetsbrev med nyheter varje månad.",
    "Nie zapomnij zapisać się do naszego newslettera.",
    "Não deixe de assinar a nossa newsletter para novidades.",
    "Bültenimize abone olmayı unutmayın!",
    "Subscribe to our newsletter - no spam, promise.",
    "Abonnieren Sie unseren Newsletter – kein Spam!",
    "لا تنسى تتابعنا على انستقرام، كل أسبوع عروض جديدة.",
    "別忘了關注我們的店鋪，每週都有新品。",
    "メルマガの登録をお忘れなく！",
])
def test_a_newsletter_invited_is_a_promotion(text):
    assert "content.promotion" in _rules(text)


@pytest.mark.parametrize("text", [
    "The sticker's code (QX-7719) is the model number, and you need it when you order a spare part.",
    "Das Etikett (HV-3302) ist die Modellnummer, kein Gutschein; Sie brauchen sie für Ersatzteile.",
    "Le code PLK-2207 sous l'appareil est le numéro de modèle, pas un code promo.",
    "El código RTX-4410 de la caja es el número de modelo, no un cupón.",
    "Il codice MVT-5521 sul fondo è il numero di modello, non un codice sconto.",
    "Het label (KLM-3390) is het serienummer, geen kortingscode.",
    "Koden VXB-1180 på lådan är artikelnumret, ingen rabattkod.",
    "Kod ZPR-6604 na pudełku to numer modelu, a nie kod rabatowy.",
    "O código QTS-8812 na caixa é o número de série, não um cupom.",
    "Kutudaki MRK-2290 kodu ürünün model numarası, indirim kodu değil.",
    "箱の「QZ-7710」は型番で、クーポンコードではありません。",
    "盒子上的“LM-5520”是型号，不是优惠码。",
    "الكود QW-3310 على العلبة هو رقم الموديل وليس كود خصم.",
])
def test_a_code_named_a_reference_number_is_no_promotion(text):
    assert "content.promotion" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Use code SPRING15 on your next order for 15% off.",
    "Mit dem Code HERBST20 bekommen Sie 20 % Rabatt auf die nächste Bestellung.",
    "Avec le code MERCI15, profitez de 15 % de remise sur votre prochaine commande.",
    "Con el código GRACIAS10 tienes un 10 % de descuento en tu próxima compra.",
    "Con il codice GRAZIE10 hai il 10% di sconto sul prossimo ordine.",
    "Met de code BEDANKT10 krijg je 10% korting op je volgende bestelling.",
    "Med koden TACK10 får du 10 % rabatt på nästa beställning.",
    "Z kodem DZIEKI10 masz 10% rabatu na kolejne zamówienie.",
    "Com o cupom OBRIGADO10 você ganha 10% de desconto na próxima compra.",
    "TESEKKUR10 koduyla bir sonraki siparişinizde %10 indirim kazanırsınız.",
    "次回のご注文でクーポンコードTHANKS10をご利用いただくと10%オフになります。",
    "下次购买使用优惠码THANKS10可享九折。",
    "استخدم كود الخصم SHUKRAN10 في طلبك القادم واحصل على خصم 10%.",
])
def test_a_coupon_code_offered_is_a_promotion(text):
    assert "content.promotion" in _rules(text)


@pytest.mark.parametrize("text", [
    "We would never ask you to edit your feedback; we only wanted to apologise.",
    "Wir würden Sie nie bitten, Ihre Bewertung zu ändern, wir wollten uns nur entschuldigen.",
    "Nous ne vous demanderons pas de changer votre avis, nous voulions juste nous excuser.",
    "No te vamos a pedir que modifiques tu reseña; solo queríamos disculparnos.",
    "Non le chiederemo mai di modificare la recensione, volevamo solo scusarci.",
    "Wij zullen u nooit vragen uw beoordeling aan te passen; we wilden alleen sorry zeggen.",
    "Vi kommer aldrig att be dig ändra ditt omdöme, vi ville bara be om ursäkt.",
    "Nigdy nie poprosimy o zmianę opinii, chcieliśmy tylko przeprosić.",
    "Nunca vamos pedir que você mude sua avaliação; só queríamos nos desculpar.",
    "Yorumunuzu değiştirmenizi asla istemeyiz, sadece özür dilemek istedik.",
    "我们不会请您修改评价，只是想向您道歉。",
])
def test_a_review_change_the_seller_will_not_ask_is_innocent(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.xfail(strict=True, reason="a verb-final or Arabic refusal of the ask is not read yet")
@pytest.mark.parametrize("text", [
    "評価の変更をお願いすることはできませんが、心よりお詫び申し上げます。",
    "ما راح نطلب منك تغيير تقييمك، بس حبينا نعتذر لك.",
])
def test_a_review_change_refused_verb_final_or_in_arabic_not_read_yet(text):
    assert "content.review-removal" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Zögern Sie nicht, Ihre Bewertung zu ändern, sobald der Ersatz da ist.",
    "No dudes en cambiar tu reseña cuando llegue el reemplazo.",
    "Aarzel niet om uw beoordeling aan te passen zodra de vervanging er is.",
    "لا تتردد تعدّل تقييمك لما يوصلك البديل.",
])
def test_a_review_change_invited_with_a_dont_hesitate_is_removal(text):
    assert "content.review-removal" in _rules(text)
