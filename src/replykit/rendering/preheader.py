"""The preheader: the hidden first line an inbox shows beside the subject.

It is the first sentence of the message after the greeting, taken from the rendered plain
text, so it is the same sentence in the same language the buyer reads first.
"""

from __future__ import annotations

import re

# A full stop ends a sentence unless it follows a digit ("4. Dezember"); CJK stops need no space.
_SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?؟])\s+|(?<=[。！？])")
MIN_LENGTH = 30  # a shorter opening ("誠に申し訳ございません。") says too little alone


def preheader(text: str) -> str:
    """The first sentence of the body (the paragraph after the greeting), capitalised.

    A very short first sentence is followed by the next one, so the preview says what happened.
    """
    paragraphs = [p for p in (part.strip() for part in text.split("\n\n")) if p]
    if not paragraphs:
        return ""
    body = paragraphs[1] if len(paragraphs) > 1 else paragraphs[0]
    sentences = [" ".join(s.split()) for s in _SENTENCE_END.split(body) if s.strip()]
    first = sentences[0] if sentences else ""
    for following in sentences[1:]:
        if len(first) >= MIN_LENGTH:
            break
        first += following if first.endswith(("。", "！", "？")) else " " + following
    return first[:1].upper() + first[1:]  # "es tut uns leid: ..." continues a German greeting
