"""Kinds of phrasing the content rules must recognise in any language (chat forms, informal and
do-it-yourself requests, rewards promised after a request, personal channels, dismissive wording)
and the innocent look-alikes of each kind. Every concept rule is switched on for every marketplace."""
from __future__ import annotations

import pytest

from replykit.checks import Checker, Message

RULES = ("content.promotion", "content.off-platform", "content.payment-account", "content.cancel-request",
         "content.personal-info-request", "content.review-incentive", "content.review-biased",
         "content.review-removal", "content.disrespect")
CHECKER = Checker({"profiles": {"all": {"severity": {r: "error" for r in RULES}}}})


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
