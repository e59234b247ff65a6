"""Every HTML reply is a complete e-mail: a title, a preheader, and right-to-left text that stays in order."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from replykit.project import Project
from replykit.rendering.preheader import preheader
from replykit.rendering.renderer import Renderer

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = Project.at(ROOT).catalogue_locales()
FSI, PDI = "\u2068", "\u2069"


class _Mail(HTMLParser):
    """The title, the hidden elements' text and the text inside <bdi> of real HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.hidden: list[str] = []
        self.bdi: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = (dict(attrs).get("style") or "").replace(" ", "")
        self._stack.append("hidden" if "display:none" in style else tag)
        if self._stack[-1] == "hidden":
            self.hidden.append("")
        if tag == "bdi":
            self.bdi.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "title":
            self.title += data
        if "hidden" in self._stack:
            self.hidden[-1] += data
        if self._stack and self._stack[-1] == "bdi":
            self.bdi[-1] += data


def parse(html: str) -> _Mail:
    mail = _Mail()
    mail.feed(html)
    return mail


def render(renderer: Renderer, scenario: str, locale: str, marketplace: str | None = None, **overrides: object):
    spec = renderer.scenario(scenario)
    target = marketplace or spec.marketplaces[0]
    return renderer.render(scenario, locale=locale, marketplace=target,
                           variables={**spec.samples(target), **overrides})


@pytest.mark.parametrize("locale", ["en", "de", "ja", "ar", "sv"])
def test_every_html_reply_has_the_subject_as_title_and_a_hidden_preheader(renderer: Renderer, locale: str) -> None:
    for scenario in renderer.scenarios:
        reply = render(renderer, scenario, locale)
        mail = parse(reply.html)
        assert mail.title == reply.subject, scenario
        (hidden,) = mail.hidden
        assert hidden == preheader(reply.text) and len(hidden) >= 10, scenario
        first_body_line = reply.text.split("\n\n")[1].split("\n")[0]
        assert hidden[1:] in first_body_line or first_body_line[1:] in hidden, scenario


def test_preheader_is_the_first_sentence_after_the_greeting() -> None:
    text = "Guten Tag Anna,\n\nes tut uns leid: die Lieferung kommt am 4. Dezember 2026. Mehr folgt.\n"
    assert preheader(text) == "Es tut uns leid: die Lieferung kommt am 4. Dezember 2026."
    short = "Anna 様\n\n誠に申し訳ございません。ご注文の商品は、お約束したお届け日にお届けできなくなりました。\n"
    assert preheader(short) == "誠に申し訳ございません。ご注文の商品は、お約束したお届け日にお届けできなくなりました。"
    assert preheader("") == ""


def test_arabic_reply_isolates_the_order_id_and_latin_names(renderer: Renderer) -> None:
    reply = render(renderer, "delay_notice", "ar", "amazon")
    mail = parse(reply.html)
    assert {"302-1234567-7654321", "Anna Schmidt", "Oak bedside table", "Nordlicht Home"} <= set(mail.bdi)
    assert f"طلبكم رقم {FSI}302-1234567-7654321{PDI}" in reply.text
    assert f"{FSI}302-1234567-7654321{PDI}" in reply.subject and f"{FSI}Anna Schmidt{PDI}" in reply.text
    assert "https://www.dhl.de/" in reply.text and f"{FSI}https" not in reply.text  # links stay clickable


def test_isolation_escapes_hostile_buyer_input(renderer: Renderer) -> None:
    reply = render(renderer, "delay_notice", "ar", "amazon", buyer_name="<script>alert(1)</script>")
    assert "<script>" not in reply.html
    assert "<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>" in reply.html


@pytest.mark.parametrize("locale", [loc for loc in SHIPPED if loc != "ar"])
def test_left_to_right_replies_carry_no_isolation_marks(renderer: Renderer, locale: str) -> None:
    reply = render(renderer, "delay_notice", locale, "amazon")
    assert "<bdi>" not in reply.html and FSI not in reply.text + reply.subject


def test_title_and_preheader_escape_hostile_values(renderer: Renderer) -> None:
    hostile = '</title><script>alert(1)</script>"'
    reply = render(renderer, "pre_sale_question", "en", "amazon", product_title=hostile)
    mail = parse(reply.html)
    assert "<script>" not in reply.html and mail.title == reply.subject and hostile in mail.title
    assert hostile in mail.hidden[0]
