"""The preheader: the hidden first line an inbox shows beside the subject.

It is the first sentence of the message after the greeting, taken from the rendered plain
text, so it is the same sentence in the same language the buyer reads first.
"""

from __future__ import annotations

import re

_STOP = re.compile(r"[.!?؟](?=\s)|[.!?؟]$|[。！？]")
_ORDINAL = re.compile(r"(?:^|\D)\d{1,2}\.$")  # "4. Dezember" does not end a sentence
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
MIN_LENGTH = 30  # a shorter opening ("誠に申し訳ございません。") says too little alone


def _sentences(paragraph: str) -> list[str]:
    found, start = [], 0
    for stop in _STOP.finditer(paragraph):
        if _ORDINAL.search(paragraph[start:stop.end()]):
            continue
        found.append(paragraph[start:stop.end()].strip())
        start = stop.end()
    found.append(paragraph[start:].strip())
    return [s for s in found if s]


def preheader(text: str) -> str:
    """The first sentence of the body (the paragraph after the greeting), capitalised.

    A very short first sentence is followed by the next one, so the preview says what happened.
    """
    paragraphs = [p for p in (part.strip() for part in text.split("\n\n")) if p]
    if not paragraphs:
        return ""
    body = _LINE_BREAK.sub(" ", paragraphs[1] if len(paragraphs) > 1 else paragraphs[0])
    sentences = _sentences(body)
    first = sentences[0]
    for following in sentences[1:]:
        if len(first) >= MIN_LENGTH:
            break
        first += following if first.endswith(("。", "！", "？")) else " " + following
    return first[:1].upper() + first[1:]  # "es tut uns leid: ..." continues a German greeting
