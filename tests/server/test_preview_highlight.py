"""Findings are highlighted where they occur, and whatever the text, the preview stays inert markup."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given
from hypothesis import strategies as st

from replykit.checks import Finding
from replykit.server.preview import highlight


def finding(excerpt: str) -> Finding:
    return Finding("content.phone-number", "error", None, "html", None, "telephone number", excerpt)


def test_the_ticket_value_inside_the_excerpt_is_marked_across_bidi_isolates() -> None:
    text = "مرحبًا،\n\nشكرًا لكم على سؤالكم عن «\u2068Oak\u2069».\n\nCall +49 30 12345678 now.\n\nمع أطيب التحيات\n"
    excerpt = "…لى سؤالكم عن «Oak». Call +49 30 12345678 now. مع أطيب…"
    marked = str(highlight(text, [finding(excerpt)], ["Call +49 30 12345678 now.", "Oak"]))
    assert re.search(r'<mark class="finding error" title="content.phone-number: telephone number">'
                     r"Call \+49 30 12345678 now\.</mark>", marked)
    assert unescape(re.sub(r"</?mark[^>]*>", "", marked)) == text  # nothing lost, nothing added


@given(text=st.text(max_size=200), excerpt=st.text(max_size=60), values=st.lists(st.text(max_size=20), max_size=3))
def test_any_text_and_excerpt_give_escaped_text_with_only_mark_tags(text: str, excerpt: str,
                                                                  values: list[str]) -> None:
    marked = str(highlight(text, [finding(excerpt)], values))
    tags = re.findall(r"<[^>]*>", marked)
    assert all(re.fullmatch(r'<mark class="finding error" title="[^"<>]*">|</mark>', tag) for tag in tags)
    assert unescape(re.sub(r"</?mark[^>]*>", "", marked)) == text
