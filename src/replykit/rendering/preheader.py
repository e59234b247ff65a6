"""The preheader: the hidden first line an inbox shows beside the subject.

It is the first sentence of the message after the greeting, taken from the rendered plain
text, so it is the same sentence in the same language the buyer reads first. It runs on
every render, so it only looks at the first paragraph of the body.
"""

from __future__ import annotations

import re

_STOP = re.compile(r"[.!?؟](?=\s|$)|[。！？]")
_ORDINAL = re.compile(r"(?:^|\D)\d{1,2}\.$")  # "4. Dezember" does not end a sentence
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
MIN_LENGTH = 30  # a shorter opening ("誠に申し訳ございません。") says too little alone


def preheader(text: str) -> str:
    """The first sentence of the body (the paragraph after the greeting), capitalised.

    A very short first sentence is followed by the next one, so the preview says what happened.
    """
    greeting, blank, rest = text.strip().partition("\n\n")
    paragraph = _LINE_BREAK.sub(" ", (rest.lstrip("\n") if blank else greeting).split("\n\n", 1)[0].strip())
    first = paragraph
    for stop in _STOP.finditer(paragraph):
        end = stop.end()
        if end >= MIN_LENGTH and not _ORDINAL.search(paragraph[max(0, end - 4):end]):
            first = paragraph[:end]
            break
    return first[:1].upper() + first[1:]  # "es tut uns leid: ..." continues a German greeting
