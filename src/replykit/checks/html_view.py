"""Parse an HTML body once and walk it: what a reader sees.

Uses lxml's HTML parser (libxml2: fast and tolerant of e-mail HTML; ~6x faster than
``html.parser`` on MJML output). Each element's style comes from :mod:`.html_style` (the CSS
cascade), its images and links are collected by :mod:`.html_media`; this module walks the tree once
and emits the text.

The result, :class:`HtmlView`, gives per visible text run the effective text-align, direction, font
size, declared family/colour/line-height and horizontal inset; images with effective width; links with
href and text; the visible text (hidden preheaders included, as inbox previews show them) and a
line-break stream for the blank-line rule. MSO conditional comments are comments: Outlook-only
tables inside them are ignored, which is what every other client does.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right
from itertools import accumulate
from typing import Any, Callable, NamedTuple

from lxml import etree

from .css import stylesheet_imports
from .html_media import Image, Link, Media
from .html_style import (DECL_MEMO, NO_ATTRS, NO_RESOLVER, NO_SHEET, Attrs, Computed, Digest, Resolver, Style, compute,
                         root_style, sheet_index)

__all__ = ["HtmlParseError", "HtmlView", "Image", "Link", "TextRun", "crowded_tag", "is_visible_text"]

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

    def __init__(self, text: str, el, line: int, hidden: bool, ctx: Style, direction: str, link: int | None, view: "Resolver"):
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



_PARSERS = threading.local()  # an lxml parser must not be shared between threads


def html_parser() -> etree.HTMLParser:
    """This thread's lxml HTML parser, set up the way the checks parse a message (also the bench's baseline)."""
    got = getattr(_PARSERS, "parser", None)
    if got is None:
        # huge_tree: libxml2 otherwise drops everything nested 256+ deep, and the text after it,
        # so an e-mail address inside 300 <div>s would pass the checks unseen.
        got = _PARSERS.parser = etree.HTMLParser(remove_blank_text=False, remove_comments=False, recover=True,
                                                 no_network=True, default_doctype=False, huge_tree=True)
    return got


_MEMO: dict[tuple, Computed] = {}
_MEMO_MAX = 200_000
_NO_ATTRS: dict[str, str] = {}
# (sheet, parent style, tag, attributes) -> what the element means (see HtmlView._plan). MJML output
# repeats the same few dozen wrapper elements in every message; source lines, text and children are
# per document and are never part of a plan.
class Plan(NamedTuple):
    """What one element means given its parent's style, tag and attributes."""

    style: Style  # its computed style
    computed: Computed  # the style with the box widths it declares
    decl: Digest  # its digested declarations
    get: Callable[[str], str | None]  # its attribute getter
    auto_dir: bool  # dir=auto starts here
    is_link: bool  # <a href> or <area href>
    reusable: bool  # depends on its own tag and attributes only (not its ancestors): may be memoised
    media: bool  # has images, links or URL attributes to record


_PLANS: dict[tuple, Plan] = {}
_SKIP = object()



class HtmlParseError(ValueError):
    pass



#: libxml2 compares each attribute of an element with every earlier one (quadratic: 40,000 attributes
#: on one tag take 15 s); no real e-mail element comes near this many.
MAX_ATTRIBUTES = 1_000
_TAG_TOKEN = re.compile(r"[<>\"']|[ \t\r\n\f]+")
#: what can separate two attributes: white space, or the quote that closes a value ('a="1"b="2"' is two)
_SEPARATORS = b" \t\r\n\f\"'"


def crowded_tag(html: str) -> int | None:
    """The line of the first tag with more than :data:`MAX_ATTRIBUTES` attributes, or None.

    An attribute follows white space or a quoted value, so a tag holds at most as many as it has
    white-space runs plus quoted values outside quoted values; those are counted in one linear pass
    over the tokens. A document with no more separator characters in all than the limit cannot hold
    such a tag and is not scanned (the common case: one C pass over its bytes)."""
    raw = html.encode("utf-8", "surrogatepass")
    if len(raw) - len(raw.translate(None, _SEPARATORS)) <= MAX_ATTRIBUTES:
        return None
    in_tag, quote, runs, start, ws_start, ws_end = False, "", 0, 0, -1, -1
    for m in _TAG_TOKEN.finditer(html):
        tok = m.group()
        if quote:
            if tok == quote:
                quote = ""
                runs += 1  # the next attribute may follow the closing quote directly
        elif not in_tag:
            if tok == "<":
                in_tag, runs, start = True, 0, m.start()
        elif tok == ">":
            in_tag = False
        elif tok in ("\"", "'"):
            at = ws_start if ws_end == m.start() else m.start()
            if at > 0 and html[at - 1] == "=":  # a quoted value; a quote elsewhere is part of a name
                quote = tok
        elif tok != "<":
            ws_start, ws_end = m.start(), m.end()
            runs += 1
        if runs > MAX_ATTRIBUTES:
            return html.count("\n", 0, start) + 1
    return None


class HtmlView:
    """Everything the HTML rules need, computed in one walk."""

    def __init__(self, html: str, render_width: float = 600.0):
        self.render_width = render_width
        self.runs: list[TextRun] = []
        self._media = media = Media()
        self.images: list[Image] = media.images
        self.links: list[Link] = media.links
        self.alts: list[tuple[str, int]] = media.alts  # (alt or title text, line)
        self.attr_texts: list[tuple[str, int]] = media.attr_texts  # href/src/alt attribute values (placeholder scan)
        self.comments: list[tuple[str, int]] = []
        self._vis_parts: list[str] = []
        self._vis_lines: list[int] = []
        self._flow: list[str] = []
        self._flow_lines: list[int] = []
        self._autos: list[list[int]] = []  # per dir=auto element: [first run index, end run index]
        self._run_auto: list[int] = []  # run index -> auto id or -1
        self._sheet = NO_SHEET
        self._res = NO_RESOLVER
        self.root = None
        if html and html.strip():
            crowded = crowded_tag(html)
            if crowded is not None:
                raise HtmlParseError(f"an element near line {crowded} has more than {MAX_ATTRIBUTES:,} attributes: "
                                     "the parser's work grows with their square")
            parser = html_parser()
            try:
                self.root = etree.fromstring(html, parser)
            except (etree.ParserError, ValueError) as exc:  # e.g. empty document after recovery
                raise HtmlParseError(str(exc)) from exc
            if any("Excessive depth" in error.message for error in parser.error_log):
                # Even with huge_tree libxml2 stops ~2,000 levels deep and drops the rest: what a
                # mail client would show cannot be checked, so the message is refused, not passed.
                raise HtmlParseError("HTML nested deeper than the parser can represent: content would go unchecked")
        if self.root is not None:
            texts = []
            for st in self.root.iter("style"):
                media = (st.get("media") or "").lower()
                if "print" in media and "screen" not in media:
                    continue
                css = st.text or ""
                texts.append(css)
                if "@import" in css:
                    for imp in stylesheet_imports(css):
                        self.links.append(Link(imp, "import", st.sourceline or 1))
            self._sheet = sheet_index(tuple(texts))
            self._res = Resolver(self._sheet)
            if len(_MEMO) > _MEMO_MAX or len(DECL_MEMO) > _MEMO_MAX or len(_PLANS) > _MEMO_MAX:
                _MEMO.clear()
                DECL_MEMO.clear()
                _PLANS.clear()
            try:
                self._walk(self.root, root_style(render_width), None, -1)
            except RecursionError:  # the walk recurses per element level; real mail nests < 100 deep
                raise HtmlParseError("HTML nested too deeply to check: content would go unchecked") from None
        self._finish()

    # ---- public derived data -------------------------------------------------------------
    def _finish(self) -> None:
        # resolve dir=auto by the first strong character of the runs inside each auto element
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
        self.visible_text = "".join(self._vis_parts)
        self._vis_offsets = list(accumulate(map(len, self._vis_parts), initial=0))[:-1]
        self.flow_text = "".join(self._flow)
        self._flow_offsets = list(accumulate(map(len, self._flow), initial=0))[:-1]

    def line_at(self, offset: int) -> int | None:
        """Source line of a character offset in :attr:`visible_text`."""
        if not self._vis_offsets:
            return None
        i = bisect_right(self._vis_offsets, offset) - 1
        return self._vis_lines[max(i, 0)]

    def flow_line_at(self, offset: int) -> int | None:
        if not self._flow_offsets:
            return None
        i = bisect_right(self._flow_offsets, offset) - 1
        return self._flow_lines[max(i, 0)]

    def declaring_line(self, el, what: str) -> int | None:
        return self._res.declaring_line(el, what)

    # ---- walking ------------------------------------------------------------------------
    def _emit_block(self, line: int) -> None:
        """A block box starts or ends: a line break in the visible text, a paragraph break in the flow."""
        vp = self._vis_parts
        if vp and vp[-1][-1] != "\n":
            vp.append("\n")
            self._vis_lines.append(line)
        fl = self._flow
        if not fl:
            return
        tail = fl[-1]
        if tail[-1] == "\n":
            if tail.endswith("\n\n"):
                return
            fl.append("\n")
        else:
            fl.append("\n\n")
        self._flow_lines.append(line)

    def _emit_text(self, text: str, el, ctx: Style, line: int, link: int | None, auto: int) -> None:
        if not text.strip(_COLLAPSIBLE):
            return  # source formatting between tags
        visible = is_visible_text(text)
        # the substitution changes nothing unless there is a run to collapse (the common case)
        collapsed = _WS_RUN.sub(" ", text) if ("  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text) else text
        self._vis_parts.append(collapsed)
        self._vis_lines.append(line)
        if link is not None:
            self.links[link].text_parts.append(collapsed)
        hidden = ctx.hidden or (ctx.font_px is not None and ctx.font_px <= 0.0)
        if not hidden:
            self._flow.append(collapsed if visible else " ")
            self._flow_lines.append(line)
        if visible:
            d = ctx.direction
            self._run_auto.append(auto if d == "auto" else -1)
            self.runs.append(TextRun(text, el, line, hidden, ctx, "ltr" if d == "auto" else d, link, self._res))

    def _walk(self, el, ctx: Style, link: int | None, auto: int) -> None:
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
        key = (self._sheet, ctx, raw_tag, tuple(items)) if items else (self._sheet, ctx, raw_tag)
        plan = _PLANS.get(key)
        if plan is None:
            plan = self._plan(el, tag, ctx, items)
            if plan is not _SKIP and plan.reusable:
                _PLANS[key] = plan
        if plan is _SKIP:
            return
        cur, got, d, get, auto_dir, is_link, _reusable, media = plan
        line = el.sourceline or 0
        if auto_dir:
            self._autos.append([len(self.runs), -1])
            auto_idx = len(self._autos) - 1
            auto = auto_idx
        else:
            auto_idx = None

        if media:
            self._media.element(get, tag, d, got, line, link)
            if is_link:
                link = len(self.links) - 1

        # children
        block = tag in BLOCK
        if block:
            vp = self._vis_parts
            # else a no-op: nothing emitted yet (then the flow is empty too), or the break is already there
            if vp and (vp[-1][-1] != "\n" or not self._flow or self._flow[-1][-2:] != "\n\n"):
                self._emit_block(line)
        elif tag == "br":
            if not cur.hidden:
                self._flow.append("\n")
                self._flow_lines.append(line)
            self._vis_parts.append("\n")
            self._vis_lines.append(line)
        text = el.text
        if text:
            self._emit_text(text, el, cur, line, link, auto)
        walk = self._walk
        for child in el:
            walk(child, cur, link, auto)
            tail = child.tail
            if tail:
                self._emit_text(tail, el, cur, child.sourceline or line, link, auto)
        if block:
            vp = self._vis_parts
            if vp and (vp[-1][-1] != "\n" or not self._flow or self._flow[-1][-2:] != "\n\n"):
                self._emit_block(line)
        if auto_idx is not None:
            self._autos[auto_idx][1] = len(self.runs)

    def _plan(self, el, tag: str, ctx: Style, items: list) -> Plan | object:
        """The element's :class:`Plan` (see ``_PLANS``), or ``_SKIP`` for a hidden input."""
        get = dict(items).get if items else _NO_ATTRS.get
        d, reusable = self._res.declared_with(el, get("style"), get("class"), get("id"), True)
        if tag == "input" and (get("type") or "").lower() == "hidden":
            return _SKIP
        dir_attr = get("dir")
        if tag == "font":
            attrs = Attrs(get("align"), dir_attr, get("width"), get("hidden"), get("face"), get("color"), get("size"))
        elif items:
            attrs = Attrs(get("align"), dir_attr, get("width"), get("hidden"))
        else:
            attrs = NO_ATTRS
        key = (ctx, tag, d, attrs)
        got = _MEMO.get(key)
        if got is None:
            got = _MEMO[key] = compute(ctx, tag, d, attrs)
        cur = got.style
        auto_dir = dir_attr is not None and cur.direction == "auto" and dir_attr.strip().lower() == "auto"
        is_link = (tag == "a" or tag == "area") and get("href") is not None
        return Plan(cur, got, d, get, auto_dir, is_link, reusable, is_link or Media.wanted(tag, get, d))



def describe(view: HtmlView) -> dict[str, Any]:  # debugging aid
    return {"runs": len(view.runs), "images": len(view.images), "links": len(view.links)}
