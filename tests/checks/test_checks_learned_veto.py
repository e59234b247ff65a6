"""The learned veto (checks/learned.py ``veto``, data/concept_veto.json): a concept rule's lexicon error whose
sentence the concept model reads as innocent is capped at warning and says so; violations keep their error;
a number or an address found is never vetoed; the profile turns it off; the thresholds file is untrusted
input and must belong to the shipped model."""
from __future__ import annotations

import json

import pytest

from replykit.checks import Checker, Message, ProfileError
from replykit.checks import lint
from replykit.checks.learned import CUES, ModelError, load_veto, packaged_model, packaged_veto, packaged_veto_path

CONCEPT_RULES = (*CUES, "content.disrespect")
STRICT = {r: "error" for r in CONCEPT_RULES}
VETO = Checker({"profiles": {"all": {"learned_second_opinion": False, "severity": STRICT}}})
NO_VETO = Checker({"profiles": {"all": {"learned_second_opinion": False, "learned_veto": False, "severity": STRICT}}})


def _errors(checker: Checker, text: str, marketplace: str = "amazon") -> dict[str, str]:
    return {f.rule: f.severity for f in checker.lint(Message("", text=text), marketplace) if f.rule in CONCEPT_RULES}


#: innocent sentences of our own (a buyer's wish told in the third person and declined) on which the lexicon errs
#: (session 7 taught the lexicon 'ci ha chiesto' as a report, so the examples say 'voleva' and 'sperava')
VETOED = [
    ("content.payment-account", "Il cliente voleva pagare con bonifico, ma abbiamo risposto che accettiamo solo i pagamenti tramite Amazon."),
    ("content.off-platform", "Il cliente voleva pagare con bonifico, ma abbiamo risposto che accettiamo solo i pagamenti tramite Amazon."),
    ("content.payment-account", "Il cliente sperava di pagare con bonifico, ma gli abbiamo spiegato che si paga solo tramite Amazon."),
]
#: violations of our own the lexicon finds: the model agrees, the error stays
KEPT = [
    ("content.off-platform", "Add me on WhatsApp and we can sort it out faster there"),
    ("content.payment-account", "Pay me directly by bank transfer and I'll ship today"),
    ("content.promotion", "Use code SPRING15 for 15% off your next order in our store"),
    ("content.personal-info-request", "Send me your phone number and date of birth please"),
    ("content.cancel-request", "Please cancel the order yourself from your account, we are out of stock"),
    ("content.review-incentive", "Give us 5 stars and we refund 10 dollars"),
]


@pytest.mark.parametrize("rule,text", VETOED)
def test_an_innocent_sentence_the_model_reads_otherwise_is_capped_at_warning(rule, text):
    assert _errors(NO_VETO, text)[rule] == "error"  # the phrase matched ...
    got = next(f for f in VETO.lint(Message("", text=text), "amazon") if f.rule == rule)
    assert got.severity == "warning"  # ... the model reads the sentence otherwise: still reported, as a warning
    assert "does not read like" in got.message and got.message.endswith("check it")


@pytest.mark.parametrize("rule,text", KEPT)
def test_a_violation_keeps_its_error(rule, text):
    assert _errors(NO_VETO, text)[rule] == "error"
    assert _errors(VETO, text)[rule] == "error"


def test_a_number_or_an_address_found_is_never_vetoed(monkeypatch):
    """Only phrase findings carry a sentence: an e-mail address to write to stays an error whatever the model says."""
    text = "Thanks for your order. For anything else write to anna.shop.deals@gmail.com"
    assert _errors(VETO, text)["content.off-platform"] == "error"
    with monkeypatch.context() as patch:
        patch.setattr(lint, "packaged_veto", lambda: {r: 1e9 for r in CUES})  # a veto that would cap every phrase finding
        assert _errors(VETO, text)["content.off-platform"] == "error"
        assert _errors(VETO, KEPT[0][1])["content.off-platform"] == "warning"


def test_profile_setting_turns_it_off_and_is_validated():
    rule, text = VETOED[0]
    off = Checker({"profiles": {"amazon": {"learned_veto": False, "severity": {rule: "error"}}}})
    on = Checker({"profiles": {"amazon": {"severity": {rule: "error"}}}})
    assert _errors(off, text)[rule] == "error" and _errors(on, text)[rule] == "warning"
    with pytest.raises(ProfileError, match=r"\[profiles\.all\]\.learned_veto must be true or false"):
        Checker({"profiles": {"all": {"learned_veto": 1}}}).profile("amazon")


def test_shipped_thresholds_belong_to_the_shipped_model():
    thresholds = packaged_veto()
    assert set(thresholds) <= set(packaged_model().rules) and thresholds
    doc = json.loads(packaged_veto_path().read_text(encoding="utf-8"))
    assert doc["model_training_set_sha256"] == packaged_model().meta["training_set_sha256"]


@pytest.mark.parametrize("content,match", [
    (None, "concept veto file is missing"),
    (b"\xff\xfe not json", "concept veto file is unreadable"),
    (b"[1, 2]", "must map the model's rule ids"),
    (b'{"thresholds": {"content.nonsense": 1.0}}', "must map the model's rule ids"),
    (b'{"thresholds": {"content.promotion": "low"}}', "must map the model's rule ids"),
    (b'{"thresholds": {"content.promotion": 1e999}}', "must map the model's rule ids"),
    (b'{"thresholds": {"content.promotion": -1.0}, "model_training_set_sha256": "0000"}', "set for another concept model"),
])
def test_a_damaged_veto_file_is_a_clear_error_naming_it(tmp_path, content, match):
    path = tmp_path / "concept_veto.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ModelError, match=match) as err:
        load_veto(path, packaged_model())
    assert str(path) in str(err.value) and "\n" not in str(err.value)
