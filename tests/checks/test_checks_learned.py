"""The concept rules' learned second opinion (checks/learned.py, data/concept_model.npz): it warns,
never errs; it runs only where the lexicon found nothing; its file is untrusted input; the shipped file
is what tools/train_concept_model.py makes of the committed corpora."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from replykit.checks import Checker, Message, ProfileError
from replykit.checks import lint
from replykit.checks.learned import (CHAR_N, CUES, MAX_WORD, NEG_WINDOW, WORD_N, ModelError, SecondOpinion, fold, load_model, negated_words, packaged_model,
                                     packaged_path, packaged_veto, second_opinion, sentence_grams, veto, word_grams)
from replykit.checks.textutil import normalise
from replykit.checks.view import MessageView

ROOT = Path(__file__).resolve().parents[2]
CONCEPT_RULES = (*CUES, "content.disrespect")
STRICT = Checker({"profiles": {"all": {"severity": {r: "error" for r in CONCEPT_RULES}}}})
LEXICON_ONLY = Checker({"profiles": {"all": {"learned_second_opinion": False, "severity": {r: "error" for r in CONCEPT_RULES}}}})


def _trainer():
    spec = importlib.util.spec_from_file_location("train_concept_model", ROOT / "tools" / "train_concept_model.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _findings(checker: Checker, text: str, marketplace: str = "amazon"):
    return {f.rule: f for f in checker.lint(Message("", text=text), marketplace)}


# ---- what it finds, and how it says so -------------------------------------------------------------
#: wordings of our own that the phrase lexicon does not recognise and the model reads far above the
#: threshold (at its "sure" level: the profile's severity is kept)
LEARNED_ONLY = [
    ("content.payment-account", "pay me on paypal friends n family, cheaper"),
    ("content.payment-account", "my iban for the difference, thx"),
]  # "leave a nice review n we send u 5 bucks back" is no longer read since the retrain on rounds 6 and t7, nor
#  "5 star review = 10% back" since the retrain of session 8 (digits folded to 0: "5 star" reads as any number of stars)
#: ... and one it reads above the threshold but below the sure level
LEARNED_WARNING = ("content.payment-account", "friends n family on paypal is cheaper for both")


def test_a_learned_finding_below_the_sure_level_is_a_warning_even_where_the_profile_says_error():
    rule, text = LEARNED_WARNING
    assert rule not in _findings(LEXICON_ONLY, text)  # the lexicon misses it ...
    got = _findings(STRICT, text)[rule]  # ... the model reads it, and the profile says error ...
    assert got.severity == "warning"  # ... yet it is a warning
    assert "learned model" in got.message and "sure" not in got.message and got.message.endswith("check it")


@pytest.mark.parametrize("rule,text", LEARNED_ONLY)
def test_a_learned_finding_at_the_sure_level_keeps_the_profile_severity(rule, text):
    assert rule not in _findings(LEXICON_ONLY, text)
    assert _findings(STRICT, text)[rule].severity == "error"
    lenient = Checker({"profiles": {"all": {"severity": {rule: "warning"}}}})
    got = _findings(lenient, text)[rule]
    assert got.severity == "warning" and "learned model, sure" in got.message


@pytest.mark.parametrize("rule,text", LEARNED_ONLY)
def test_the_sure_level_is_read_alike_by_the_fast_path_and_the_reference(tmp_path, rule, text):
    """The shipped sure levels sit SURE_MARGIN above the thresholds (tools/train_concept_model.py). With a
    copy of the model whose sure level is its threshold, the reference and SecondOpinion both give the
    finding at the profile's severity."""
    with np.load(packaged_path(), allow_pickle=False) as d:
        thresholds = d["thresholds"]
        assert np.all(d["sure"] > thresholds)
    model = load_model(_rewrite(packaged_path(), tmp_path / "sure.npz", sure=thresholds.copy()))
    view = MessageView(Message("", text=f"Hello,\n{text}\nThanks"), STRICT.profile("amazon"))
    lint.run_rules(view)  # the rules search the message and find the cues the opinion reads
    [plain] = second_opinion(view, rule, model)
    opinion = SecondOpinion(view, model)
    opinion.ask(rule, 0)
    [(at, got_rule, fast)] = opinion.hits()
    assert at == 0 and got_rule == rule and fast.cap is None and plain.cap is None and plain.excerpt == fast.excerpt
    assert "learned model, sure" in fast.message and not fast.message.endswith("check it")


def test_lexicon_findings_keep_their_severity_and_are_not_doubled():
    text = "Add me on WhatsApp +49 170 1234567 and I'll send you a coupon code for your next order"
    learned_on, learned_off = STRICT.lint(Message("", text=text), "amazon"), LEXICON_ONLY.lint(Message("", text=text), "amazon")
    assert [(f.rule, f.severity, f.message) for f in learned_on] == [(f.rule, f.severity, f.message) for f in learned_off]
    assert {f.rule for f in learned_on if f.severity == "error"} >= {"content.off-platform", "content.promotion"}


@pytest.mark.parametrize("text", [
    "Your parcel left our warehouse today and should arrive on Thursday.",
    "Thank you for your order! If anything is unclear, just reply to this message.",
    "Ihr Paket wurde heute an DHL übergeben, die Sendungsnummer finden Sie in Ihrer Bestellung.",
    "Le remboursement a été effectué sur votre moyen de paiement d'origine.",
    "ご注文ありがとうございます。商品は明日発送いたします。",
])
def test_everyday_messages_draw_no_learned_warning(text):
    assert not {r: f for r, f in _findings(STRICT, text).items() if r in CONCEPT_RULES}


def test_few_learned_warnings_on_the_lexicon_look_alikes():
    """The look-alikes written against the lexicon (test_checks_concept_kinds.py, run there with the
    learned opinion off) are hard negatives: the model reads a few of them as violations (negations it
    cannot see, such as "we don't need your date of birth"). Bounded here: 7 of 123 when it shipped, 5 since the
    retrain on rounds 6 and t7 (3 of them at the sure level, errors), 7 of 156 since the retrain on rounds 7 and t8
    (the two new ones warnings: a price difference already refunded to the buyer's PayPal, in simplified and
    traditional Chinese -- one sentence, the same kind); 8 of 188 once session 7's kinds added their look-alikes
    (the new one a warning on "Bitte zahlen Sie nie per PayPal Freunde und Familie": a negation again)."""
    import test_checks_concept_kinds as kinds

    texts = []
    for name, fn in vars(kinds).items():
        if name.startswith("test_") and any(k in name for k in ("innocent", "look_alike", "stay_clean", "japanese_sentence")):
            for mark in getattr(fn, "pytestmark", ()):
                if mark.name == "parametrize" and mark.args[0] == "text":
                    texts += list(mark.args[1])
    assert len(texts) > 110
    read = {t: [f.severity for f in STRICT.lint(Message("", text=t), "amazon") if "learned model" in f.message] for t in texts}
    assert sum(bool(sev) for sev in read.values()) <= 8
    # at the sure level a reading is an error: 3 of them (a declined PayPal in Japanese, "Could you cancel the
    # return request?", "Amazon never shows us your personal e-mail") -- negations the model cannot see
    assert sum("error" in sev for sev in read.values()) <= 3


def test_profile_setting_turns_it_off_and_is_validated():
    text, rule = LEARNED_ONLY[0][1], LEARNED_ONLY[0][0]
    off = Checker({"profiles": {"amazon": {"learned_second_opinion": False, "severity": {rule: "error"}}}})
    assert rule not in _findings(off, text)
    with pytest.raises(ProfileError, match=r"\[profiles\.all\]\.learned_second_opinion must be true or false"):
        Checker({"profiles": {"all": {"learned_second_opinion": "yes"}}}).profile("amazon")


def test_quoted_buyer_lines_are_not_read():
    rule, text = LEARNED_ONLY[0]
    quoted = "> " + text + "\n\nThanks for your message, your order ships tomorrow."
    assert rule not in _findings(STRICT, quoted)


# ---- the scorer --------------------------------------------------------------------------------------
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_scores_agree_with_the_plain_reference(text):
    """The cached, set-based scorer gives the scores of the training features (sentence_grams)."""
    model = packaged_model()
    norm = normalise(text)
    assert np.allclose(model.scores(norm), model.reference_scores(norm), atol=1e-4)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXT, max_size=8))
def test_scoring_many_sentences_at_once_agrees_with_the_plain_reference(texts):
    """score_many (one product for the lot) gives each sentence the scores it has alone, the plain way."""
    model = packaged_model()
    norms = [normalise(t) for t in texts]
    got = model.score_many(norms)
    assert got.shape == (len(norms), len(model.rules))
    for norm, row in zip(norms, got):
        assert np.allclose(row, model.reference_scores(norm), atol=1e-4)


def _plain_run(view: MessageView) -> list[tuple[str, str, str, int | None, str, str]]:
    """run_rules the plain way: each concept rule that found nothing asks second_opinion() right away."""
    out = []
    for rid, spec, sev in view.profile.active_rules:
        if spec.requires and not lint._present(view.context, spec.requires):
            continue
        hits = list(spec.fn(view))
        if sev == "error" and rid in CUES and view.profile.veto:  # the learned veto (test_checks_learned_veto.py)
            hits = [veto(h, rid, packaged_model(), packaged_veto()) if h.sentence is not None and h.cap is None else h for h in hits]
        if not hits and rid in CUES and view.profile.learned:
            hits = list(second_opinion(view, rid, packaged_model()))
        out += [lint._finding(rid, sev, h, None) for h in hits]
    return [(f.rule, f.severity, f.where, f.line, re.sub(r"score [-+][0-9.]+", "score", f.message), f.excerpt) for f in out]


_PIECES = ["WhatsApp", "review", "5 stars", "PayPal", "cancel", "{{", "}}", "\x00", "\u202e", "コード", "تقييم", "\n> ", "?", ".", " ",
           "Bewertung", "gratis", "numero", "@", "\n", "coupon", "email me", "bank transfer", "your phone number", "refund"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES + [t for _r, t in LEARNED_ONLY]), max_size=40), st.sampled_from(["amazon", "ebay", "etsy"]))
def test_second_opinion_for_all_rules_at_once_agrees_with_asking_rule_by_rule(parts, marketplace):
    """SecondOpinion (cues gathered once, every cued sentence scored once, findings put in place at the
    end) finds what second_opinion() finds asked right after each rule, in the same order."""
    text = "".join(parts)
    message = Message(text[:60], text=text, html=f"<p>{text}</p>" if len(parts) % 2 else None)
    profile = STRICT.profile(marketplace)
    fast = lint.run_rules(MessageView(message, profile))
    got = [(f.rule, f.severity, f.where, f.line, re.sub(r"score [-+][0-9.]+", "score", f.message), f.excerpt) for f in fast]
    assert got == _plain_run(MessageView(message, profile))


@pytest.mark.parametrize("rule,text", LEARNED_ONLY)
def test_second_opinion_agrees_with_the_plain_way_on_our_own_wordings(rule, text):
    message = Message("Re: order", text=f"Hello,\n{text}\nThanks, and {LEARNED_ONLY[0][1]}\n> {text}")
    fast = [(f.rule, f.line, f.excerpt) for f in lint.run_rules(MessageView(message, STRICT.profile("amazon")))]
    assert fast == [(r, line, e) for r, _s, _w, line, _m, e in _plain_run(MessageView(message, STRICT.profile("amazon")))]
    assert rule in {r for r, _l, _e in fast}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=60), _TEXT)
def test_arbitrary_text_never_crashes(parts, tail):
    text = "".join(parts) + tail
    for f in STRICT.lint(Message(text[:40], text=text, html=f"<p>{text}</p>"), "ebay"):
        assert f.severity in ("error", "warning")


@pytest.mark.parametrize("text", [
    "x" * 1_000_000,  # one megabyte word
    "please leave a review on WhatsApp " * 28_000,  # cue words everywhere, one long sentence
    "review? " * 120_000,  # a hundred thousand cued sentences
    "{{" * 400_000,
    "评价" * 400_000,
])
def test_hostile_sizes_stay_bounded(text):
    start = time.process_time()  # CPU time: a machine busy with other work slows the wall clock, not this
    STRICT.lint(Message("", text=text), "amazon")
    assert time.process_time() - start < 30
    model = packaged_model()
    assert np.isfinite(model.scores(text)).all()


def test_features_are_bounded_per_word_and_sentence():
    chars, n_char, words, n_word = sentence_grams("a" * 100_000)
    assert n_char == 4 * (MAX_WORD + 2) - 6 and len(chars) <= n_char and n_word == 1


def test_shared_between_threads():
    model = packaged_model()
    sentences = [normalise(t) for _r, t in LEARNED_ONLY] + ["danke für ihre bestellung", "call me maybe"] * 20
    expected = [model.reference_scores(s) for s in sentences]
    errors: list[str] = []

    def work():
        for s, e in zip(sentences, expected):
            if not np.allclose(model.scores(s), e, atol=1e-4):
                errors.append(s)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


# ---- the model file is untrusted input ---------------------------------------------------------------
def _rewrite(src: Path, dst: Path, **change) -> Path:
    with np.load(src, allow_pickle=False) as d:
        arrays = {k: d[k] for k in d.files}
    arrays.update(change)
    np.savez(dst, **arrays)
    return dst


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "missing", "not-npz", "pickle", "nan", "shape", "dtype",
                                    "format", "features", "rules", "vocab-utf8", "no-thresholds", "bad-member"])
def test_a_damaged_model_file_is_a_clear_error_naming_it(tmp_path, damage):
    src = packaged_path()
    path = tmp_path / "concept_model.npz"
    with np.load(src, allow_pickle=False) as d:
        meta = json.loads(bytes(d["meta"]))
        weights = d["weights"]
    if damage == "truncated":
        path.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x89not a model at all" * 100)
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "missing":
        pass
    elif damage == "not-npz":
        np.save(path.with_suffix(".npy"), np.zeros(3))
        path.write_bytes(path.with_suffix(".npy").read_bytes())
    elif damage == "pickle":
        _rewrite(src, path, weights=np.array([{"a": 1}], dtype=object))
    elif damage == "nan":
        w = weights.copy()
        w[0, 0] = np.nan
        _rewrite(src, path, weights=w)
    elif damage == "shape":
        _rewrite(src, path, weights=weights[:-1])
    elif damage == "dtype":
        _rewrite(src, path, bias=np.zeros(len(meta["rules"]), np.float64))
    elif damage in ("format", "features", "rules"):
        meta = {**meta, **{"format": {"format": 99}, "features": {"char_n": [2, 5]}, "rules": {"rules": ["os.system"]}}[damage]}
        _rewrite(src, path, meta=np.frombuffer(json.dumps(meta).encode(), np.uint8))
    elif damage == "vocab-utf8":
        _rewrite(src, path, vocab=np.frombuffer(b"\xff\xfe\xfa", np.uint8))
    elif damage == "no-thresholds":
        with np.load(src, allow_pickle=False) as d:
            np.savez(path, **{k: d[k] for k in d.files if k != "thresholds"})
    elif damage == "bad-member":  # a member whose compressed bytes are flipped
        shutil.copy(src, path)
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("weights.npy")
        raw = bytearray(path.read_bytes())
        start = info.header_offset + 30 + len(info.filename) + 200
        raw[start:start + 64] = bytes(64)
        path.write_bytes(bytes(raw))
    with pytest.raises(ModelError) as err:
        load_model(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


# ---- the shipped file is what the training script makes of the committed corpora -----------------
def test_model_metadata_matches_the_corpora_and_the_feature_code():
    model = packaged_model()
    meta = model.meta
    trainer = _trainer()
    files = trainer.corpus_files()
    assert meta["training_files"] == [f"{g}:{p.relative_to(trainer.CORPUS).as_posix()}" for g, p in files]
    assert meta["training_set_sha256"] == trainer.training_set_hash(files), \
        "the corpora changed since the model was trained: run tools/train_concept_model.py"
    assert (meta["char_n"], meta["word_n"], meta["max_word"]) == (list(CHAR_N), list(WORD_N), MAX_WORD)
    assert tuple(meta["rules"]) == tuple(CUES) and meta["k"] == 0
    groups = {g for g, _p in files}
    assert {"r6", "r7", "r8", "t7", "t8"} <= groups  # rounds 6-8 (blind measures of sessions 5-7) and the training rounds
    assert trainer.BLIND == "heldout-r9" and not any(trainer.BLIND in p.as_posix() for _g, p in files)  # round 9, the blind measure, is not
    assert packaged_path().stat().st_size < 4_000_000


def test_training_corpora_have_the_shape_the_trainer_reads():
    """Every committed training file (rounds, train-t7, train-t8): concept cases name a concept rule, say whether they
    violate it and carry a text and a marketplace; messages carry a subject, a body, a marketplace and the
    rule ids they expect."""
    from replykit.checks import MARKETPLACES
    from replykit.checks.registry import RULES

    concept_rules = {*CUES, "content.disrespect"}
    for group, path in _trainer().corpus_files():
        d = json.loads(path.read_text(encoding="utf-8"))
        where = f"{group}:{path.name}"
        if "cases" in d:
            assert isinstance(d["language"], str) and d["cases"], where
            for i, case in enumerate(d["cases"]):
                assert case["rule"] in concept_rules and isinstance(case["violates"], bool), f"{where}#{i}"
                assert isinstance(case["text"], str) and case["text"].strip() and case["marketplace"] in MARKETPLACES, f"{where}#{i}"
        elif "texts" in d:
            assert all(isinstance(t, str) for t in d["texts"]), where
        else:
            assert isinstance(d["subject"], str) and (d.get("html") or d.get("text")), where
            assert d["marketplace"] in MARKETPLACES and set(d["expect"]) <= set(RULES), where


def test_shipped_weights_are_what_training_gives():
    """Retrain the shipped model (not the out-of-fold thresholds: six more fits, a minute and a half)
    from the committed corpora and compare. scikit-learn is a test and `train` extra, never a runtime one."""
    trainer = _trainer()
    rows = trainer.load_rows()
    X, vocab, n_char = trainer.features(rows)
    W, b, vocab_out, n_char_out = trainer.final_model(X, rows, vocab, n_char, tuple(CUES))
    with np.load(packaged_path(), allow_pickle=False) as shipped:
        assert bytes(shipped["vocab"]).decode().split("\n") == vocab_out
        assert packaged_model().meta["n_char"] == n_char_out
        assert np.allclose(shipped["weights"], W, atol=1e-4, rtol=1e-3)
        assert np.allclose(shipped["bias"], b, atol=1e-4, rtol=1e-3)


@pytest.mark.parametrize("text, negated", [
    ("we do not take payment by wire transfer", ["!take", "!payment", "!by", "!wire", "!transfer"]),
    ("we can't send a coupon, sorry", ["!send", "!a", "!coupon"]),
    ("wir nehmen keine zahlung per überweisung an", ["!zahlung", "!per", "!überweisung", "!an"]),
    ("nous n'acceptons pas le virement", ["!acceptons", "!le", "!virement"]),
    ("no aceptamos pagos fuera de la plataforma", ["!aceptamos", "!pagos", "!fuera", "!de", "!la"]),
    ("non chiediamo il suo indirizzo", ["!chiediamo", "!il", "!suo", "!indirizzo"]),
    ("não pedimos avaliações positivas", ["!pedimos", "!avaliações", "!positivas"]),
    ("nie prosimy o numer telefonu", ["!prosimy", "!o", "!numer", "!telefonu"]),
    ("wij vragen geen beoordeling", ["!beoordeling"]),
    ("vi ber inte om ditt nummer", ["!om", "!ditt", "!nummer"]),
    ("hiç indirim kodu vermiyoruz", ["!indirim", "!kodu", "!vermiyoruz"]),
    ("لا نطلب رقم هاتفك", ["!نطلب", "!رقم", "!هاتفك"]),
])
def test_negated_words_mark_the_scope_of_a_negation_word(text, negated):
    assert negated_words(text) == negated
    assert set(negated) <= set(word_grams(text)) and not negated_words(text, 0)


@pytest.mark.parametrize("text, negated", [
    ("we accept paypal on amazon", []), ("not now, but call us on whatsapp", ["!now"]),
    ("please leave a review. no rush", ["!rush"]), ("ohne rabatt: schreiben sie uns auf whatsapp", ["!rabatt"]),
    ("ご注文ありがとうございます", []), ("我们不接受站外付款", []),  # ja, zh: negation inside a run, left to the char n-grams
])
def test_negated_words_stop_at_the_clause(text, negated):
    assert negated_words(text) == negated


def test_a_model_trained_without_negated_words_is_scored_without_them():
    """The shipped model records the negation scope it was trained with; one from before (none) reads none."""
    model = packaged_model()
    assert model.neg_window in (0, NEG_WINDOW)
    s = "we do not accept paypal outside amazon"
    assert np.allclose(model.scores(s), model.reference_scores(s), atol=1e-4)


@pytest.mark.parametrize("text, folded", [
    ("não pedimos", "nao pedimos"), ("überweisung 15 %", "uberweisung 00 %"), ("żaden kod", "zaden kod"),
    ("çok güzel", "cok guzel"), ("straße ø łódź", "straße ø łodz"), ("ご注文 123", "ご注文 000"), ("لا نطلب", "لا نطلب"),
])
def test_fold_drops_latin_diacritics_and_digits_keeping_the_length(text, folded):
    assert fold(text) == folded and len(fold(text)) == len(text)
    assert negated_words(fold("não pedimos avaliações")) == ["!pedimos", "!avaliacoes"]
