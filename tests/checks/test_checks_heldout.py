"""The independently written corpora, kept apart from the project's own (rounds 1-5).

Every set was written by writers who never saw the patterns:

- ``heldout/``: round 1 (a clean, polite register);
- ``heldout-r2/``: round 2 (terse, sloppy, mixed-language, indirect);
- ``heldout-r3/``: round 3 (agent macros with a pasted personal line, paraphrases and side remarks,
  regional vocabulary, accent-less typing, innocent sentences sharing the violations' key words);
- ``heldout-r4/``: round 4 (non-native writers, point-by-point answers quoting the buyer, hedged requests,
  slang, innocent look-alikes with negations and quotes of marketplace policy);
- ``heldout-r5/``: round 5 (corporate and legalistic tone, texting in capitals or lower case, code-switching,
  violations framed as the buyer's own suggestion or a favour, numbers and handles partly in words).

Every round was scored blind once and has since been read while tuning (issue 10, third to fifth
rounds): their misses showed kinds of mistakes (accent-less typing, Latin words inside Chinese or
Japanese, paid reviews written as equations, indirect requests, traditional Chinese, review gating as
two branches, scorn families, a buyer named as the one who cancels, a number to call, numbers said in
words, the buyer's suggestion declined or taken up, refusals of a list, requirements as requests ...),
which were fixed as mechanisms with test sentences of their own (``test_checks_concept_kinds.py``,
``test_checks_contact_kinds.py``). So all five are development figures, no longer a stranger's measure:
``heldout-r5/`` was the blind measure of session 4 and became tuning data in session 5, while a sixth
round, kept outside the repository, was written to measure blind again. Round 6 became development
data in session 6; round 7 (``heldout-r7/``) was that session's blind measure, committed at its end, and is
development data since session 7, when the concept model is trained on it too (its figures here are no longer a
stranger's measure). Round 8 (``heldout-r8/``) was session 7's blind measure, kept outside the repository until
it was scored at the end of that session; it is development data since session 8, and the concept model trains on it.
Round 9 (``heldout-r9/``: HTML-rich replies, disputes, machine-translated wording, politeness-wrapped violations,
bargaining) was session 8's blind measure, committed at its end; the concept model does not train on it.

Each test prints aggregate figures (recall, false errors, concept x language table) and asserts a
floor a little below what was last measured, so a regression fails CI without the test pretending
the goal is met. Individual sentences are never printed.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from corpus_eval import CORPUS, concept_table, message_table, score_concepts, score_messages


@dataclass(frozen=True)
class Floors:
    folder: str
    message_recall: float
    message_false_errors: int
    concept_recall: float
    concept_false_positives: int


#: measured after issue 10's third tuning round (both sets read while tuning):
#: round 1: messages 161/166 = 97.0 % recall, 5 false errors (2 of them phone / link rules);
#:          concept sentences 234/234 = 100 %, 0 false positives.
#: round 2: messages 75/81 = 92.6 %, 2 false errors (phone, link); concept sentences 227/234 = 97.0 %, 0.
#: after the false-error round (phone/e-mail/link kinds): round 1 2 false errors, round 2 none.
#: round 3, never read while tuning: before the third tuning round messages 130/148 = 87.8 %, 9 false
#:          errors, concept sentences 277/468 = 59.2 %, 14 false positives; after it 132/148 = 89.2 %,
#:          10 false errors, 318/468 = 67.9 %, 20 false positives (a phrase lexicon tuned to ~100 % on
#:          what it has seen gains 9 points on a new writer's wording).
#: fourth round (session 4, round 3 read while tuning, kinds fixed in all 13 languages): round 3 messages
#:          132/148 -> 144/148 = 97.3 %, false errors 10 -> 0; concept sentences 318/468 -> 464/468 = 99.1 %,
#:          false positives 20 -> 0. Round 1 messages 161 -> 162/166, round 2 concepts 227 -> 228/234.
#: round 4 (non-native writers, point-by-point answers quoting the buyer, hedged requests, slang, innocent
#:          look-alikes with negations and policy quotes): scored blind once on main 2fb8527 -- messages
#:          104 (39 compliant) 109/113 = 96.5 %, 10 false errors (off-platform 5, payment 5); concept sentences
#:          374/468 = 79.9 %, 30 false positives -- then read while tuning in session 4 (kinds with test
#:          sentences of their own in test_checks_concept_kinds.py): messages 113/113, no false error;
#:          concept sentences 467/468 = 99.8 %, 3 false positives (all Arabic). A development set since.
#: round 5, never read while tuning: on main 2fb8527 (start of session 4) messages 104 (39 compliant)
#:          109/126 = 86.5 %, 10 false errors; concept sentences 321/468 = 68.6 %, 34 false positives. After
#:          session 4 (rounds 3 and 4 tuned to ~100 %): messages 111/126 = 88.1 %, 8 false errors; concept
#:          sentences 346/468 = 73.9 %, 31 false positives. A phrase lexicon tuned to ~100 % on what it has seen
#:          gains 2-5 points on the next writer's text.
#:          Tuned in session 5 (review, promotion, cancel and disrespect kinds; contact and payment kinds):
#:          messages 125/126 = 99.2 %, no false error; concept sentences 442/468 = 94.4 %, no false positive --
#:          development figures. Round 3 messages 144 -> 146/148.
#: session 5, the learned second opinion (checks/learned.py; its findings are warnings), trained on dev and
#:          rounds 1-4 only: round 5 messages 111 -> 113/126 = 89.7 % (errors only 103 -> 103), false errors
#:          8 -> 8, no false warning on a compliant message; concept sentences 346 -> 361/468 = 77.1 %, false
#:          positives 31 -> 32 (lexicon before the round-5 tuning). Retrained on dev and rounds 1-5 since.
#: round 6 (regional variants, implied violations, sarcastic sellers, business numbers; written in session 5,
#:          never read while tuning -- the blind measure): on main at the start of session 5 messages 104 (39
#:          compliant) 106/129 = 82.2 %, 10 false errors; concept sentences 284/468 = 60.7 %, 32 false
#:          positives. After session 5's lexicon tuning on round 5: 107/129 = 82.9 %, 9 false errors; 285/468 =
#:          60.9 %, 25 false positives. With the learned second opinion (warnings): 110/129 = 85.3 %, 9 false
#:          errors; 317/468 = 67.7 %, 27 false positives.
#:          A development set since session 6 (round 7 is the blind measure): its kinds of false alarm and of
#:          miss fixed as kinds, each with sentences of our own first: 114/129 = 88.4 %, no false error;
#:          371/468 = 79.3 %, 6 false positives (2 of them learned warnings).
#:          Since session 6 the learned model is trained on round 6 too (and on train-t7): 113/129 (one learned
#:          warning lost as its thresholds rose), floor 0.87.
#: round 7 (buyer quoted in the reply, seasonal events, product jargon, violations said indirectly,
#:          obfuscated contact details, apologetic / humorous / formal / curt tones; written in session 6 by
#:          four writers who read only the rule book, never read while tuning -- the blind measure, not in
#:          the concept model's training): on main at the start of session 6 (c3fa64e) messages 104 (40
#:          compliant) 98/111 = 88.3 %, 12 false errors; concept sentences 361/468 = 77.1 %, 18 false
#:          positives. At the end of session 6 (round-6 tuning, the model retrained on round 6 and
#:          train-t7, sure findings kept as errors, the veto): 98/111 = 88.3 % (errors only 87), 9 false
#:          errors, 3 false warnings; 362/468 = 77.4 %, 18 false positives.
#: session 7, numbers in pieces (over a line break, dotted, look-alike letters, spaced cue words, a quoted buyer's
#:          number, numbers to pay to by BLIK / Bizum / MB WAY) and disguised e-mail addresses in Japanese and Chinese,
#:          each kind with test sentences of its own first (test_checks_phone.py, test_checks_contact_kinds.py):
#:          phone-number on round 7 5/11 -> 11/11; with a messenger typed letter by letter and a label line ending
#:          in a colon read as call words for off-platform, messages 98/111 -> 107/111 = 96.4 %, false errors 9 -> 9;
#:          round 6 113 -> 117/129, round 2 75 -> 77/81, round 1 163 -> 164/166; concept sentences unchanged.
#:          A development set since session 7: its false alarms and misses fixed as kinds, each with sentences of
#:          our own first (test_checks_concept_kinds.py: the buyer quoted inline after 'you wrote:', a sale event as
#:          the time of a shipping rush, the phone as a paired device, a manager's request passed on, messengers
#:          spelt out letter by letter, scorn, reviewers rewarded as a group, ...): 103/111 = 92.8 %, no false error;
#:          443/468 = 94.7 %, no false positive -- development figures. The same session took round 6's concept
#:          sentences from 409 to 426/468 with 1 false positive (was 4), round 5's from 459 to 461, round 4's to 468/468
#:          with none (was 1). Both together (numbers in pieces and the concept kinds): round 7 messages 110/111 =
#:          99.1 %, no false error; round 6 117/129, round 2 77/81, round 1 164/166.
#:          The concept model is trained on round 7 (and train-t8) since session 7 too; retrained before the kinds
#:          above were merged, on its own it took round 7's concept sentences 362 -> 405/468 (false positives 18 ->
#:          18) and messages at full severity 96 -> 97 -- a rise because round 7 is training data, not a
#:          stranger's measure -- and round 2's concepts 230 -> 231, round 5's 459 -> 462, round 6's 409 -> 411.
#: round 8 (long multi-topic replies with the violation in a middle paragraph or a P.S., shop footers with
#:          legal data, numbers everywhere -- dimensions, part and serial numbers, local dates, prices, tracking
#:          numbers, phone numbers in each country's ways --, trade verticals, voice-to-text and numbered steps;
#:          written in session 7 by four writers who read only the rule book, never read while tuning -- the
#:          blind measure): on main at the start of session 7 (1d71f8b) messages 104 (39 compliant) 97/109 =
#:          89.0 % (full severity 94), 15 false errors, 9 false warnings; concept sentences 412/468 = 88.0 %, 16
#:          false positives. After session 7's kinds on round 7 (numbers in pieces, the concept kinds) and before
#:          the retrain: 97/109, 15 false errors; 415/468, 13. At the end of session 7 (the model retrained on
#:          round 7 and train-t8, the veto re-set): 97/109 = 89.0 % (full severity 93), 13 false errors (8 of them
#:          off-platform), 12 false warnings; 418/468 = 89.3 %, 13 false positives.
#:          A development set since session 8: its false alarms fixed as kinds, each with sentences of our own first
#:          (a cancel verb negated in place, refusals with the object first or a modal, 'nothing' as a negation, part and
#:          company-register numbers as reference labels, the buyer's private number asked for, a refund to the buyer's
#:          account, a foreign scorn stem, a discount the marketplace applied, designs in single quotes): 97/109, 2 false
#:          errors (a learned cancel reading of 'Proszę nie anulować' and an 'Infolinia' number, by convention
#:          off-platform); 418/468, 2 false positives. No other round changed.
#:          Its misses fixed as kinds, each with sentences of our own in all 13
#:          languages first (test_checks_concept_kinds.py: other products recommended, a vague treat for reviewers, the
#:          marketplace's fee saved by dealing directly, a top rating wished of the pleased buyer, blame and pest words
#:          with blame lifted by a negation, a discount for buying again, a payment rail asked politely): messages
#:          97 -> 107/109 = 98.2 %, false errors 13 -> 13; concept sentences 418 -> 459/468 = 98.1 %, false positives
#:          13 -> 13 -- development figures. Round 6 messages 117 -> 118, concepts 427 -> 428; round 2 concepts unchanged.
#:          Both merged (before the retrain): 107/109 = 98.2 %, 2 false errors; 459/468 = 98.1 %, 2 false positives.
#:          Training data of the concept model since session 8 (with train-t9; negated words and folded digits as
#:          features, the veto re-set): 107/109, 1 false error; 466/468, 2 false positives -- a training fit.
#:          That retrain moved rounds 2, 5, 6 and 7's concept sentences by -2, -6, -7 and -4 (its thresholds sit above
#:          the out-of-fold scores of 936 more innocent sentences): round 6 reads 421/468 = 90.0 %, its floor 0.89.
#: round 9 (heldout-r9: HTML-rich replies, disputes and de-escalation, machine-translated wording, violations
#:          wrapped in politeness, bargaining; written in session 8 by four writers who read only the rule book, never
#:          read while tuning -- the blind measure, scored on aggregates only): at the start of session 8 (6d5b758)
#:          messages 104 (39 compliant) 130/141 = 92.2 %, 7 false errors (4 of them length.max on Mercado Libre
#:          messages of 616-798 characters, over the 350 the rule book sets for every channel, which the writers did
#:          not label; 3 content.off-platform); concept sentences 398/468 = 85.0 %, 13 false positives. After session
#:          8's kinds (round 8 and train-t7..t9): 131/141, 7; 400/468, 9. At the end of session 8 (the model retrained
#:          on round 8 and train-t9, the veto re-set): 131/141 = 92.9 % (full severity 130), 7 false errors, 6 false
#:          warnings; 399/468 = 85.3 %, 9 false positives. The concept model does not train on it (the trainer's BLIND).
SETS = (
    Floors("heldout", 0.95, 3, 0.97, 1),
    Floors("heldout-r2", 0.94, 1, 0.95, 1),
    Floors("heldout-r3", 0.97, 1, 0.98, 1),
    Floors("heldout-r4", 0.98, 1, 0.99, 1),
    Floors("heldout-r5", 0.98, 1, 0.97, 1),
    Floors("heldout-r6", 0.90, 0, 0.89, 2),
    Floors("heldout-r7", 0.98, 1, 0.93, 1),
    Floors("heldout-r8", 0.97, 3, 0.97, 3),
    Floors("heldout-r9", 0.92, 7, 0.85, 9),
)


@pytest.mark.parametrize("floors", SETS, ids=lambda f: f.folder)
def test_heldout_messages(floors: Floors):
    paths = sorted((CORPUS / floors.folder / "messages").glob("*.json"))
    assert paths, "held-out messages missing"
    scores = score_messages(paths)
    print("\n" + message_table(f"{floors.folder} message corpus: {len(paths)} messages", scores))
    recall, false_errors = scores.total.recall, scores.total.false_pos  # plain numbers: a failure shows no file names
    assert recall >= floors.message_recall
    assert false_errors <= floors.message_false_errors


@pytest.mark.parametrize("floors", SETS, ids=lambda f: f.folder)
def test_heldout_concepts(floors: Floors):
    paths = sorted((CORPUS / floors.folder / "concepts").glob("*.json"))
    assert paths, "held-out concept sentences missing"
    scores = score_concepts(paths)
    print("\n" + concept_table(f"{floors.folder} concept sentences: {len(paths)} languages", scores))
    recall, false_pos = scores.total.recall, scores.total.false_pos
    assert recall >= floors.concept_recall
    assert false_pos <= floors.concept_false_positives
