"""The HTML walk's plan memo (:mod:`replykit.checks.html_walk`) changes nothing: a document walked with
plans memoised across documents reads exactly as the same document walked with every element planned
afresh (property test on generated e-mail markup, with style sheets whose selectors look at ancestors)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from replykit.checks.html_media import Media
from replykit.checks.html_style import Resolver, root_style, sheet_index
from replykit.checks.html_view import HtmlView, html_parser
from replykit.checks.html_walk import TreeWalk

SHEETS = [
    "",
    "[owa] .mj-column-per-100 { width: 100% !important; max-width: 100%; } .c1 .c2 { display: none }",
    "div > p { text-align: right } #x span { font-size: 0 } table.c1 td { color: red; padding: 0 20px }",
    "p { direction: rtl } [data-x] p, .c2 > .c1 { font-family: Georgia; line-height: 20px } a { background: url(b.png) }",
]
TAGS = ["div", "p", "td", "table", "tr", "span", "a", "img", "font", "center", "b", "blockquote", "input", "h2"]
ATTRS = [
    ('class', "c1"), ('class', "c2"), ('class', "c1 c2"), ('class', "mj-column-per-100"), ("id", "x"), ("owa", ""),
    ("data-x", "1"), ("dir", "rtl"), ("dir", "auto"), ("align", "center"), ("width", "300"), ("href", "https://shop.example/p"),
    ("src", "https://img.example/a.png"), ("alt", "a picture"), ("type", "hidden"), ("type", "image"), ("hidden", ""),
    ("style", "font-size:14px"), ("style", "display:none"), ("style", "color:#333;margin-left:8px"), ("face", "Arial"), ("size", "2"),
]
TEXTS = ["Hello", "مرحبا بك", " ", "\n  ", "Order 123-4567890-1234567.", "", "Thanks!"]


@st.composite
def elements(draw, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = draw(st.lists(st.sampled_from(ATTRS), max_size=3, unique_by=lambda a: a[0]))
    head = "".join(f' {k}="{v}"' for k, v in attrs)
    if tag == "img" or tag == "input":
        return f"<{tag}{head}>" + draw(st.sampled_from(TEXTS))
    kids = draw(st.lists(elements(depth + 1), max_size=3)) if depth < 4 else []
    text = draw(st.sampled_from(TEXTS))
    return f"<{tag}{head}>{text}{''.join(kids)}</{tag}>{draw(st.sampled_from(TEXTS))}"


@st.composite
def documents(draw) -> str:
    sheet = draw(st.sampled_from(SHEETS))
    body = "".join(draw(st.lists(elements(), min_size=1, max_size=3)))
    return f"<html><head><style>{sheet}</style></head><body><!-- a comment -->{body}</body></html>"


def _reading(walk_or_view) -> tuple:
    runs = [(r.text, r.line, r.hidden, r.direction, r.link, r.align, r.font_key, r.ctx.family, r.ctx.color, r.ctx.lh,
             r.inset, r.in_cell, r.ctx.font_px) for r in walk_or_view.runs]
    return runs, walk_or_view.comments, walk_or_view.links


def _afresh(html: str) -> tuple:
    """The document walked with a plan memo of its own (every element planned afresh)."""
    root = etree.fromstring(html, html_parser())
    sheet = sheet_index(tuple(st.text or "" for st in root.iter("style")))
    media = Media()
    walk = TreeWalk(Resolver(sheet), media, plans={})
    walk.run(root, root_style(600.0))
    return _reading(walk), "".join(walk.vis_parts), "".join(walk.flow), media.images, media.alts, media.attr_texts


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), documents())
def test_memoised_plans_read_as_plans_made_afresh(first, second):
    HtmlView(first)  # fills the shared memo with plans of similar ancestries
    view = HtmlView(second)
    got = (_reading(view), view.visible_text, view.flow_text, view.images, view.alts, view.attr_texts)
    assert got == _afresh(second)


def test_an_ancestor_selector_is_not_taken_from_another_document():
    sheet = "<style>[owa] .mj-column-per-100 { display: none }</style>"
    shown = f"<html><head>{sheet}</head><body><div><div class='mj-column-per-100'>shown</div></div></body></html>"
    hidden = f"<html><head>{sheet}</head><body><div owa=''><div class='mj-column-per-100'>hidden</div></div></body></html>"
    assert [r.hidden for r in HtmlView(shown).runs] == [False]
    assert [r.hidden for r in HtmlView(hidden).runs] == [True]
    assert [r.hidden for r in HtmlView(shown).runs] == [False]
