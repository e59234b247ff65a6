"""The tree walk of :class:`~.html_view.HtmlView`: one pass over a parsed HTML body in document order
that emits what a reader sees -- the text runs with their style, the visible text and the paragraph
flow, each with its source lines -- and hands images and links to :mod:`.html_media`.

What an element means (its computed style, declarations, link and media flags) is its :class:`Plan`.
A plan depends on the style sheet and on the tags and attributes of the element and its ancestors only
(selectors look at ancestors, never at siblings or text), so it is memoised under its parent's
:attr:`Plan.chain` and its own tag and attributes: MJML output repeats the same few dozen wrapper
elements in every message, and each is planned once, whatever selector styles it. Source lines, text
and children are per document and are never part of a plan.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from lxml import etree

from .html_media import Link, Media
from .html_style import DECL_MEMO, NO_ATTRS, Attrs, Computed, Digest, Resolver, Style, compute

NOT_RENDERED = frozenset({"head", "style", "script", "title", "meta", "link", "template", "base", "xml"})
BLOCK = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section summary table tbody td tfoot
    th thead tr ul caption""".split()
)
# white space that collapses away vs. characters that still make an (empty-looking) line box
_COLLAPSIBLE = " \t\r\n\f"
_INVISIBLE = " \t\r\n\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u034f\u00ad"
_WS_RUN = re.compile(r"[ \t\r\n\f]+")
_STRONG_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_STRONG_LTR = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def is_visible_text(s: str) -> bool:
    """True when ``s`` holds a character that draws ink (not only spaces, NBSP, zero-width, U+3000)."""
    return bool(s.strip(_INVISIBLE))


class TextRun:
    """A piece of visible text with the style it is drawn in. Source lines are looked up on demand."""

    __slots__ = ("text", "el", "line", "hidden", "ctx", "direction", "link", "_view")

    def __init__(self, text: str, el, line: int, hidden: bool, ctx: Style, direction: str, link: int | None, view: Resolver):
        self.text = text
        self.el = el
        self.line = line
        self.hidden = hidden
        self.ctx = ctx
        self.direction = direction
        self.link = link
        self._view = view

    align = property(lambda self: self.ctx.align)
    font_key = property(lambda self: self.ctx.font_key)
    inset = property(lambda self: max(self.ctx.inset_l, self.ctx.inset_r))
    in_cell = property(lambda self: self.ctx.in_cell)

    def decl_line(self, what: str) -> int | None:
        """Source line of the element that set ``what`` (align | family | color | lh | inset)."""
        return self._view.declaring_line(self.el, what)

    @property
    def align_line(self) -> int | None:
        return self.decl_line("align") if self.ctx.align != "start" else None

    @property
    def inset_line(self) -> int | None:
        return self.decl_line("inset")

    @property
    def family(self) -> tuple[str, int | None] | None:
        return None if self.ctx.family is None else (self.ctx.family, self.decl_line("family"))

    @property
    def color(self) -> tuple[str, int | None] | None:
        return None if self.ctx.color is None else (self.ctx.color, self.decl_line("color"))

    @property
    def line_height(self) -> tuple[str, int | None] | None:
        return None if self.ctx.lh is None else (self.ctx.lh, self.decl_line("lh"))

    def __repr__(self) -> str:
        c = self.ctx
        return (f"TextRun({self.text!r}, line={self.line}, hidden={self.hidden}, align={c.align}, dir={self.direction}, "
                f"font={c.font_key}, family={c.family}, color={c.color}, lh={c.lh}, inset={self.inset})")


class Plan(NamedTuple):
    """What one element means given its ancestry, tag and attributes."""

    style: Style  # its computed style
    computed: Computed  # the style with the box widths it declares
    decl: Digest  # its digested declarations
    get: Callable[[str], str | None]  # its attribute getter
    auto_dir: bool  # dir=auto starts here
    is_link: bool  # <a href> or <area href>
    media: bool  # has images, links or URL attributes to record
    chain: object  # stands for its whole ancestry and itself: the first part of its children's keys


#: a hidden ``<input>``: nothing inside it is walked
SKIP = object()
_PLANS: dict[tuple, Plan | object] = {}  # (parent's chain, tag, attributes) -> Plan or SKIP
_ROOT_CHAINS: dict[tuple, object] = {}  # (style sheet, root style) -> the chain a document's root hangs from
_COMPUTED: dict[tuple, Computed] = {}  # (parent style, tag, digest, attributes) -> Computed, shared across ancestries
MEMO_MAX = 200_000
_NO_ATTRS: dict[str, str] = {}


def _root_chain(res: Resolver, ctx: Style) -> object:
    got = _ROOT_CHAINS.get((res.sheet, ctx))
    if got is None:
        got = _ROOT_CHAINS[(res.sheet, ctx)] = object()
    return got


def trim_memos() -> None:
    """Empty the plan and style memos when one has grown past :data:`MEMO_MAX` (a stream of unique markup)."""
    if len(_PLANS) > MEMO_MAX or len(_COMPUTED) > MEMO_MAX or len(DECL_MEMO) > MEMO_MAX:
        _PLANS.clear()
        _ROOT_CHAINS.clear()
        _COMPUTED.clear()
        DECL_MEMO.clear()


def plan_of(el, tag: str, ctx: Style, items: list, res: Resolver) -> Plan | object:
    """The element's :class:`Plan` computed afresh (the walk memoises it), or :data:`SKIP` for a hidden input."""
    get = dict(items).get if items else _NO_ATTRS.get
    d = res.declared_with(el, get("style"), get("class"), get("id"))
    if tag == "input" and (get("type") or "").lower() == "hidden":
        return SKIP
    dir_attr = get("dir")
    if tag == "font":
        attrs = Attrs(get("align"), dir_attr, get("width"), get("hidden"), get("face"), get("color"), get("size"))
    elif items:
        attrs = Attrs(get("align"), dir_attr, get("width"), get("hidden"))
    else:
        attrs = NO_ATTRS
    key = (ctx, tag, d, attrs)
    got = _COMPUTED.get(key)
    if got is None:
        got = _COMPUTED[key] = compute(ctx, tag, d, attrs)
    cur = got.style
    auto_dir = dir_attr is not None and cur.direction == "auto" and dir_attr.strip().lower() == "auto"
    is_link = (tag == "a" or tag == "area") and get("href") is not None
    return Plan(cur, got, d, get, auto_dir, is_link, is_link or Media.wanted(tag, get, d), object())


class TreeWalk:
    """One document's walk (:meth:`run`): what it emits, in document order.

    ``plans``: where plans are memoised -- the module's memo, shared by every document (the default), or
    a fresh dict, which plans each element of this document afresh (the plain reference the tests
    compare against)."""

    __slots__ = ("res", "plans", "media", "links", "runs", "comments", "vis_parts", "vis_lines", "flow", "flow_lines",
                 "_autos", "_run_auto")

    def __init__(self, res: Resolver, media: Media, plans: dict[tuple, Plan | object] | None = None):
        self.res = res
        self.plans = _PLANS if plans is None else plans
        self.media = media
        self.links: list[Link] = media.links
        self.runs: list[TextRun] = []
        self.comments: list[tuple[str, int]] = []
        self.vis_parts: list[str] = []  # the visible text, in pieces ...
        self.vis_lines: list[int] = []  # ... and the source line of each
        self.flow: list[str] = []  # the text that is drawn (hidden text left out) with its paragraph breaks ...
        self.flow_lines: list[int] = []
        self._autos: list[list[int]] = []  # per dir=auto element: [first run index, end run index]
        self._run_auto: list[int] = []  # run index -> auto id or -1

    def run(self, root, ctx: Style) -> None:
        """Walk the document under ``root`` whose root style is ``ctx``; then resolve dir=auto."""
        self._walk(root, _root_chain(self.res, ctx), ctx, None, -1)
        self._resolve_auto()

    def _resolve_auto(self) -> None:
        """dir=auto: the direction of the first strong character of the runs inside each such element."""
        resolved = []
        for start, end in self._autos:
            d = "ltr"
            for r in self.runs[start:end]:
                m_r = _STRONG_RTL.search(r.text)
                m_l = _STRONG_LTR.search(r.text)
                if m_r or m_l:
                    d = "rtl" if m_r and (not m_l or m_r.start() < m_l.start()) else "ltr"
                    break
            resolved.append(d)
        for i, a in enumerate(self._run_auto):
            if a >= 0:
                self.runs[i].direction = resolved[a]

    def _emit_block(self, line: int) -> None:
        """A block box starts or ends: a line break in the visible text, a paragraph break in the flow."""
        vp = self.vis_parts
        if vp and vp[-1][-1] != "\n":
            vp.append("\n")
            self.vis_lines.append(line)
        fl = self.flow
        if not fl:
            return
        tail = fl[-1]
        if tail[-1] == "\n":
            if tail.endswith("\n\n"):
                return
            fl.append("\n")
        else:
            fl.append("\n\n")
        self.flow_lines.append(line)

    def _emit_text(self, text: str, el, ctx: Style, line: int, link: int | None, auto: int) -> None:
        if not text.strip(_COLLAPSIBLE):
            return  # source formatting between tags
        visible = is_visible_text(text)
        # the substitution changes nothing unless there is a run to collapse (the common case)
        collapsed = _WS_RUN.sub(" ", text) if ("  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text) else text
        self.vis_parts.append(collapsed)
        self.vis_lines.append(line)
        if link is not None:
            self.links[link].text_parts.append(collapsed)
        hidden = ctx.hidden or (ctx.font_px is not None and ctx.font_px <= 0.0)
        if not hidden:
            self.flow.append(collapsed if visible else " ")
            self.flow_lines.append(line)
        if visible:
            d = ctx.direction
            self._run_auto.append(auto if d == "auto" else -1)
            self.runs.append(TextRun(text, el, line, hidden, ctx, "ltr" if d == "auto" else d, link, self.res))

    def _walk(self, el, chain: object, ctx: Style, link: int | None, auto: int) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            if tag is etree.Comment and el.text:
                self.comments.append((el.text, el.sourceline or 0))
            return
        raw_tag = tag
        if not tag.islower():
            tag = tag.lower()
        if tag in NOT_RENDERED:
            if tag == "link" and "stylesheet" in (el.get("rel") or "").lower() and el.get("href"):
                self.links.append(Link(el.get("href").strip(), "link", el.sourceline or 0))
            return
        items = el.items()  # one call into lxml instead of ~10 el.get() calls
        key = (chain, raw_tag, tuple(items)) if items else (chain, raw_tag)
        plans = self.plans
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = plan_of(el, tag, ctx, items, self.res)
        if plan is SKIP:
            return
        cur, got, d, get, auto_dir, is_link, media, chain = plan
        line = el.sourceline or 0
        if auto_dir:
            self._autos.append([len(self.runs), -1])
            auto_idx = len(self._autos) - 1
            auto = auto_idx
        else:
            auto_idx = None

        if media:
            self.media.element(get, tag, d, got, line, link)
            if is_link:
                link = len(self.links) - 1

        # children
        block = tag in BLOCK
        if block:
            vp = self.vis_parts
            # else a no-op: nothing emitted yet (then the flow is empty too), or the break is already there
            if vp and (vp[-1][-1] != "\n" or not self.flow or self.flow[-1][-2:] != "\n\n"):
                self._emit_block(line)
        elif tag == "br":
            if not cur.hidden:
                self.flow.append("\n")
                self.flow_lines.append(line)
            self.vis_parts.append("\n")
            self.vis_lines.append(line)
        text = el.text
        if text:
            self._emit_text(text, el, cur, line, link, auto)
        walk = self._walk
        for child in el:
            walk(child, chain, cur, link, auto)
            tail = child.tail
            if tail:
                self._emit_text(tail, el, cur, child.sourceline or line, link, auto)
        if block:
            vp = self.vis_parts
            if vp and (vp[-1][-1] != "\n" or not self.flow or self.flow[-1][-2:] != "\n\n"):
                self._emit_block(line)
        if auto_idx is not None:
            self._autos[auto_idx][1] = len(self.runs)
