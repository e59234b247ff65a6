"""The development half of the independently written corpus (writers who never saw the patterns).

Goals of issue 10: at least 95 % recall and at most one false error on the messages; every concept
in every language found in at least 95 % of its violating sentences with at most one false positive
per language on the innocent look-alikes. Failures name the file and the sentence's index.
"""
from __future__ import annotations

from corpus_eval import CORPUS, concept_table, message_table, score_concepts, score_messages

INDEPENDENT = [CORPUS / "messages" / name for name in (CORPUS / "independent-messages.txt").read_text(encoding="utf-8").split()]


def test_independent_messages():
    scores = score_messages(INDEPENDENT)
    print("\n" + message_table(f"independent message corpus (dev): {len(INDEPENDENT)} messages", scores))
    problems = "\n".join(scores.problems)
    assert scores.total.recall >= 0.95, problems
    assert scores.total.false_pos <= 1, problems


def test_independent_concept_sentences():
    scores = score_concepts(sorted((CORPUS / "concepts").glob("*.json")))
    print("\n" + concept_table("independent concept sentences (dev)", scores))
    problems = "\n".join(scores.problems)
    assert scores.total.recall >= 0.95, problems
    per_language: dict[str, int] = {}
    for (_rule, lang), s in scores.cells.items():
        per_language[lang] = per_language.get(lang, 0) + s.false_pos
    assert max(per_language.values()) <= 1, problems
