"""Parse an HTML body once and resolve what a reader sees.

Uses lxml's HTML parser (libxml2: fast and tolerant of e-mail HTML; ~6x faster than
``html.parser`` on MJML output, which is what makes the lint budget of 0.5 ms per message
reachable). CSS is resolved from presentational attributes, ``<style>`` rules (see :mod:`.css`) and
inline ``style`` with the usual cascade (sheet < inline < sheet !important < inline !important).

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
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any

from lxml import etree

from .css import SheetIndex, parse_declarations, parse_stylesheet, stylesheet_imports

NOT_RENDERED = frozenset({"head", "style", "script", "title", "meta", "link", "template", "base", "xml"})
BLOCK = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section summary table tbody td tfoot
    th thead tr ul caption""".split()
)
ALIGN_ATTR_TAGS = frozenset({"p", "div", "td", "th", "tr", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "col"})
HEADING_SCALE = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "h4": 1.0, "h5": 0.83, "h6": 0.67}
FONT_SIZE_ATTR = {1: 10.0, 2: 13.0, 3: 16.0, 4: 18.0, 5: 24.0, 6: 32.0, 7: 48.0}
SIZE_KEYWORDS = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0, "large": 18.0, "x-large": 24.0, "xx-large": 32.0, "xxx-large": 48.0}
NEUTRAL = frozenset({"inherit", "initial", "unset", "revert", "revert-layer"})
# white space that collapses away vs. characters that still make an (empty-looking) line box
_COLLAPSIBLE = " \t\r\n\f"
_INVISIBLE = " \t\r\n\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u034f\u00ad"
_WS_RUN = re.compile(r"[ \t\r\n\f]+")
_LEN = re.compile(r"^(-?\d*\.?\d+)\s*(px|pt|em|rem|%|ex|ch|vw|pc|cm|mm|in)?$")
_URL_IN_CSS = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""", re.I)
_STRONG_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_STRONG_LTR = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def is_visible_text(s: str) -> bool:
    """True when ``s`` holds a character that draws ink (not only spaces, NBSP, zero-width, U+3000)."""
    return bool(s.strip(_INVISIBLE))


_UNIT_PX = {"px": 1.0, "pt": 4.0 / 3.0, "pc": 16.0, "in": 96.0, "cm": 96.0 / 2.54, "mm": 96.0 / 25.4}


@lru_cache(maxsize=4096)
def _parse_len(value: str) -> tuple[float, str] | None:
    m = _LEN.match(value.strip().lower())
    if not m:
        return None
    return float(m.group(1)), (m.group(2) or "px")


def length_px(value: str, base_px: float, percent_of: float | None) -> float | None:
    """CSS length -> px. em against ``base_px``, % against ``percent_of`` (None: unknown)."""
    parsed = _parse_len(value)
    if parsed is None:
        return None
    num, unit = parsed
    f = _UNIT_PX.get(unit)
    if f is not None:
        return num * f
    if unit == "em":
        return num * base_px
    if unit == "%":
        return None if percent_of is None else num * percent_of / 100.0
    if unit == "rem":
        return num * 16.0
    if unit in ("ex", "ch"):
        return num * base_px * 0.5
    return None


class _Ctx:
    """Inherited computed style of an element: immutable once built, shared and memoised.

    It holds values only (no source lines, no per-document indexes), so the same object serves every
    element -- in any document -- that has the same parent style, tag, declarations and attributes.
    """

    __slots__ = ("align", "direction", "font_px", "font_key", "family", "color", "lh", "hidden",
                 "inset_l", "inset_r", "container", "in_cell")

    def copy(self) -> "_Ctx":
        c = _Ctx.__new__(_Ctx)
        c.align = self.align
        c.direction = self.direction
        c.font_px = self.font_px
        c.font_key = self.font_key
        c.family = self.family
        c.color = self.color
        c.lh = self.lh
        c.hidden = self.hidden
        c.inset_l = self.inset_l
        c.inset_r = self.inset_r
        c.container = self.container
        c.in_cell = self.in_cell
        return c


@lru_cache(maxsize=16)
def _root_ctx(render_width: float) -> _Ctx:
    c = _Ctx.__new__(_Ctx)
    c.align, c.direction = "start", "ltr"
    c.font_px, c.font_key = None, "default"
    c.family = c.color = c.lh = None
    c.hidden = False
    c.inset_l = c.inset_r = 0.0
    c.container = render_width
    c.in_cell = False
    return c


class TextRun:
    """A piece of visible text with the style it is drawn in. Source lines are looked up on demand."""

    __slots__ = ("text", "el", "line", "hidden", "ctx", "direction", "link", "_view")

    def __init__(self, text: str, el, line: int, hidden: bool, ctx: _Ctx, direction: str, link: int | None, view: "_Resolver"):
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


@dataclass(slots=True)
class Image:
    src: str
    kind: str  # img | background | source | input
    alt: str | None
    title: str | None
    width_px: float | None  # effective rendered width when known
    width_constrained: bool  # any width/max-width given
    height_px: float | None
    hidden: bool
    link: str | None  # href of a wrapping link
    decorative: bool  # role=presentation / aria-hidden
    classes: str
    line: int


@dataclass(slots=True)
class Link:
    href: str
    tag: str  # a | area | link (stylesheet) | import
    line: int
    text_parts: list[str] = field(default_factory=list)
    img_alts: list[str] = field(default_factory=list)
    aria_label: str | None = None

    @property
    def text(self) -> str:
        return _WS_RUN.sub(" ", "".join(self.text_parts)).strip()

    @property
    def accessible_name(self) -> str:
        if self.aria_label and self.aria_label.strip():
            return self.aria_label.strip()
        name = self.text
        if not name:
            name = " ".join(a for a in self.img_alts if a).strip()
        return name


_PARSERS = threading.local()  # an lxml parser must not be shared between threads


def _parser() -> etree.HTMLParser:
    got = getattr(_PARSERS, "parser", None)
    if got is None:
        # huge_tree: libxml2 otherwise drops everything nested 256+ deep, and the text after it,
        # so an e-mail address inside 300 <div>s would pass the checks unseen.
        got = _PARSERS.parser = etree.HTMLParser(remove_blank_text=False, remove_comments=False, recover=True,
                                                 no_network=True, default_doctype=False, huge_tree=True)
    return got


_MEMO: dict[tuple, tuple] = {}
_DECL_MEMO: dict[tuple, object] = {}
_MEMO_MAX = 200_000
_NO_ATTRS: dict[str, str] = {}
# (sheet, parent style, tag, attributes) -> what the element means (see HtmlView._plan). MJML output
# repeats the same few dozen wrapper elements in every message; source lines, text and children are
# per document and are never part of a plan.
_PLANS: dict[tuple, tuple] = {}
_SKIP = object()
_NO_SIG = (None, None, None, None)  # (align, dir, width, hidden) of an element without attributes


@lru_cache(maxsize=64)
def _sheet_index(texts: tuple[str, ...]) -> SheetIndex:
    rules = []
    for css in texts:
        rules.extend(parse_stylesheet(css))
    return SheetIndex(rules)


class HtmlParseError(ValueError):
    pass


class _Resolver:
    """Cascade lookups for one document. Runs point here, not at the view, so no reference cycle keeps
    a parsed message alive until the garbage collector runs."""

    __slots__ = ("sheet",)

    def __init__(self, sheet: SheetIndex):
        self.sheet = sheet

    def declared(self, el) -> "_Digest":
        """Cascade for one element: sheet < inline < sheet !important < inline !important, digested."""
        return self.declared_with(el, el.get("style"), el.get("class"), el.get("id"))

    def declared_with(self, el, style: str | None, cls: str | None, el_id: str | None, own: bool = False):
        """:meth:`declared` given the element's style, class and id attributes (the walk has them).

        With ``own``: (digest, True when it depends on the element's own tag and attributes only,
        not on its ancestors)."""
        sheet = self.sheet
        if not sheet:
            got = _digest_inline(style) if style else _EMPTY
            return (got, True) if own else got
        cands, simple = sheet.lookup(el.tag, el_id, cls)
        if not cands:
            got = _digest_inline(style) if style else _EMPTY
            return (got, True) if own else got
        if simple:
            key = (sheet, el.tag, cls, el_id, style)
            got = _DECL_MEMO.get(key)
            if got is None:
                got = _DECL_MEMO[key] = _cascade([r for r in cands if r.selector.matches(el)], style)
            return (got, True) if own else got
        # a selector that looks at ancestors: match per element, but digest each outcome once
        matched = [r for r in cands if r.selector.matches(el)]
        key = (sheet, tuple(map(id, matched)), style)  # rules live as long as the sheet in the key
        got = _DECL_MEMO.get(key)
        if got is None:
            got = _DECL_MEMO[key] = _cascade(matched, style)
        return (got, False) if own else got

    def declaring_line(self, el, what: str) -> int | None:
        """Nearest ancestor-or-self of ``el`` that declares ``what``; its source line."""
        node = el
        while node is not None and isinstance(node.tag, str):
            tag = node.tag.lower()
            d = self.declared(node)
            if what == "align":
                if d.align is not None or tag == "center" or (tag in ALIGN_ATTR_TAGS and _ALIGN_ATTR.get((node.get("align") or "").strip().lower())):
                    return node.sourceline
            elif what == "family":
                if d.family is not None or (tag == "font" and node.get("face")):
                    return node.sourceline
            elif what == "color":
                if d.color is not None or (tag == "font" and node.get("color")):
                    return node.sourceline
            elif what == "lh":
                if d.lh is not None:
                    return node.sourceline
            elif what == "inset":
                if d.insets or tag == "blockquote":
                    return node.sourceline
            node = node.getparent()
        return el.sourceline


def _cascade(rules, style: str | None) -> "_Digest":
    if not rules:
        return _digest_inline(style) if style else _EMPTY
    inline = parse_declarations(style) if style else ()
    out: dict[str, str] = {}
    rules = sorted(rules, key=lambda r: (r.selector.specificity, r.order))
    for imp_pass in (False, True):
        for r in rules:
            for p, v, imp in r.decls:
                if imp == imp_pass:
                    out[p] = v
        for p, v, imp in inline:
            if imp == imp_pass:
                out[p] = v
    return _digest(tuple(out.items()))


_NO_SHEET = SheetIndex(())
_NO_RESOLVER = _Resolver(_NO_SHEET)


#: libxml2 compares each attribute of an element with every earlier one (quadratic: 40,000 attributes
#: on one tag take 15 s); no real e-mail element comes near this many.
MAX_ATTRIBUTES = 1_000
_TAG_TOKEN = re.compile(r"[<>\"']|[ \t\r\n\f]+")


def crowded_tag(html: str) -> int | None:
    """The line of the first tag with more than :data:`MAX_ATTRIBUTES` attributes (counted as white-space
    runs outside quoted values, in one linear pass), or None."""
    if html.count("=") <= MAX_ATTRIBUTES and html.count(" ") <= MAX_ATTRIBUTES:
        return None
    in_tag, quote, runs, start, ws_start, ws_end = False, "", 0, 0, -1, -1
    for m in _TAG_TOKEN.finditer(html):
        tok = m.group()
        if quote:
            if tok == quote:
                quote = ""
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
        self.images: list[Image] = []
        self.links: list[Link] = []
        self.alts: list[tuple[str, int]] = []  # (alt or title text, line)
        self.attr_texts: list[tuple[str, int]] = []  # href/src/alt attribute values (placeholder scan)
        self.comments: list[tuple[str, int]] = []
        self._vis_parts: list[str] = []
        self._vis_lines: list[int] = []
        self._flow: list[str] = []
        self._flow_lines: list[int] = []
        self._autos: list[list[int]] = []  # per dir=auto element: [first run index, end run index]
        self._run_auto: list[int] = []  # run index -> auto id or -1
        self._sheet = _NO_SHEET
        self._res = _NO_RESOLVER
        self.root = None
        if html and html.strip():
            crowded = crowded_tag(html)
            if crowded is not None:
                raise HtmlParseError(f"an element near line {crowded} has more than {MAX_ATTRIBUTES:,} attributes: "
                                     "the parser's work grows with their square")
            parser = _parser()
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
            self._sheet = _sheet_index(tuple(texts))
            self._res = _Resolver(self._sheet)
            if len(_MEMO) > _MEMO_MAX or len(_DECL_MEMO) > _MEMO_MAX or len(_PLANS) > _MEMO_MAX:
                _MEMO.clear()
                _DECL_MEMO.clear()
                _PLANS.clear()
            try:
                self._walk(self.root, _root_ctx(render_width), None, -1)
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

    def _emit_text(self, text: str, el, ctx: _Ctx, line: int, link: int | None, auto: int) -> None:
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

    def _walk(self, el, ctx: _Ctx, link: int | None, auto: int) -> None:
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
            if plan is not _SKIP and plan[6]:
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
            self._media_and_links(get, tag, d, cur, ctx, got, line, link)
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

    def _plan(self, el, tag: str, ctx: _Ctx, items: list) -> tuple | object:
        """What an element means given its parent's style, tag and attributes (see ``_PLANS``):
        (style, _compute result, declarations, attribute getter, starts dir=auto, is a link,
        reusable, has images or links to record), or ``_SKIP`` for a hidden input."""
        get = dict(items).get if items else _NO_ATTRS.get
        d, reusable = self._res.declared_with(el, get("style"), get("class"), get("id"), True)
        if tag == "input" and (get("type") or "").lower() == "hidden":
            return _SKIP
        dir_attr = get("dir")
        if tag == "font":
            sig = (get("align"), dir_attr, get("width"), get("hidden"), get("face"), get("color"), get("size"))
        elif items:
            sig = (get("align"), dir_attr, get("width"), get("hidden"))
        else:
            sig = _NO_SIG
        key = (ctx, tag, d, sig)
        got = _MEMO.get(key)
        if got is None:
            got = _MEMO[key] = _compute(ctx, tag, d, sig)
        cur = got[0]
        auto_dir = dir_attr is not None and cur.direction == "auto" and dir_attr.strip().lower() == "auto"
        is_link = (tag == "a" or tag == "area") and get("href") is not None
        media = bool(d.bg_urls or is_link or tag in _MEDIA_TAGS or tag in _URL_ATTR_TAGS or (tag in _BG_ATTR_TAGS and get("background")))
        return (cur, got, d, get, auto_dir, is_link, reusable, media)

    def _media_and_links(self, get, tag: str, d: "_Digest", cur: _Ctx, ctx: _Ctx, got: tuple, line: int, link: int | None) -> None:
        """Images, background images and links of one element (in that order, as the rules expect)."""
        if tag in _MEDIA_TAGS:
            if tag == "img" or (tag == "input" and (get("type") or "").lower() == "image"):
                self._image(get, tag, d, cur, ctx.container, got[1], got[2], got[3], line, link)
            elif tag == "source" and get("srcset"):
                for cand in get("srcset").split(","):
                    u = cand.strip().split(" ")[0]
                    if u:
                        self.images.append(Image(u, "source", None, None, None, True, None, cur.hidden, None, True, "", line))
        if tag in _BG_ATTR_TAGS and get("background"):
            self.images.append(Image(get("background").strip(), "background", None, None, None, True, None, cur.hidden, None, True, "", line))
        for u in d.bg_urls:
            self.images.append(Image(u, "background", None, None, None, True, None, cur.hidden, None, True, "", line))
        if (tag == "a" or tag == "area") and get("href") is not None:
            self.links.append(Link(get("href").strip(), tag, line, aria_label=get("aria-label")))
            if tag == "area" and get("alt"):
                self.links[-1].img_alts.append(get("alt"))
        if tag in _URL_ATTR_TAGS:
            for attr in ("href", "src", "alt", "title"):
                v = get(attr)
                if v:
                    self.attr_texts.append((v, line))

    def _image(self, get, tag, d: "_Digest", cur: _Ctx, container, width_px, maxw_px, minw_px, line, link) -> None:
        src = (get("src") or "").strip()
        hidden = cur.hidden
        h_attr = get("height")
        height_px = None
        base = cur.font_px if cur.font_px is not None else 16.0
        if d.height is not None:
            height_px = length_px(d.height, base, None)
        elif h_attr and h_attr.strip().lower() != "auto":
            ha = h_attr.strip().lower().removesuffix("px")
            height_px = length_px(ha if ha.endswith("%") else ha + "px", base, None)
        eff = width_px
        if minw_px is not None:
            eff = max(eff or 0.0, minw_px)
        if maxw_px is not None and eff is not None:
            eff = min(eff, maxw_px)
        constrained = width_px is not None or maxw_px is not None or minw_px is not None
        role = (get("role") or "").lower()
        decorative = role in ("presentation", "none") or (get("aria-hidden") or "").lower() == "true"
        href = self.links[link].href if link is not None else None
        alt = get("alt")
        if link is not None and alt is not None:
            self.links[link].img_alts.append(alt)
        self.images.append(Image(src, "img" if tag == "img" else "input", alt, get("title"), eff, constrained, height_px,
                                 hidden, href, decorative, get("class") or "", line))
        if alt:
            self.alts.append((alt, line))
        if get("title"):
            self.alts.append((get("title"), line))
        if get("srcset"):
            for cand in get("srcset").split(","):
                u = cand.strip().split(" ")[0]
                if u:
                    self.images.append(Image(u, "source", alt, None, eff, True, height_px, hidden, href, True, "", line))


def _compute(ctx: _Ctx, tag: str, d: "_Digest", sig: tuple) -> tuple[_Ctx, float | None, float | None, float | None]:
    """Child style from parent style, tag, digested declarations and presentational attributes."""
    a_align, a_dir, a_width, a_hidden = sig[0], sig[1], sig[2], sig[3]
    base = ctx.font_px if ctx.font_px is not None else 16.0
    container = ctx.container
    width_px = maxw_px = minw_px = None
    if not (d.any or tag in _SPECIAL or a_align is not None or a_dir is not None or a_width is not None or a_hidden is not None):
        return ctx, None, None, None
    new = ctx.copy()
    if d.hidden or a_hidden is not None:
        new.hidden = True
    # direction: CSS beats the dir attribute
    if d.direction is not None:
        new.direction = d.direction
    elif a_dir:
        v = a_dir.strip().lower()
        if v in ("ltr", "rtl", "auto"):
            new.direction = v
    # alignment: presentational hint, then CSS
    if tag == "center":
        new.align = "center"
    elif tag in ALIGN_ATTR_TAGS and a_align:
        a = _ALIGN_ATTR.get(a_align.strip().lower())
        if a:
            new.align = a
    if d.align is not None:
        new.align = d.align
    # fonts
    size_val = d.size
    fam = d.family
    if tag == "font":
        face, color, size = sig[4], sig[5], sig[6]
        if face and fam is None:
            fam = face
        if color and d.color is None:
            new.color = color
        sz = (size or "").strip()
        if sz and size_val is None:
            try:
                n = 3 + int(sz) if sz[0] in "+-" else int(sz)
                size_val = f"{FONT_SIZE_ATTR[max(1, min(7, n))]}px"
            except ValueError:
                pass
    if size_val is not None:
        px = _size_px(size_val, base)
        if px is not None:
            new.font_px = px
            new.font_key = _font_key(px)
    elif tag in HEADING_SCALE:
        new.font_px = base * HEADING_SCALE[tag]
        new.font_key = tag
    elif tag == "small" or tag == "big":
        new.font_px = base / 1.2 if tag == "small" else base * 1.2
        new.font_key = _font_key(new.font_px)
    if fam is not None:
        new.family = None if fam is _NEUTRAL_MARK else fam
    if d.color is not None:
        new.color = None if d.color is _NEUTRAL_MARK else d.color
    if d.lh is not None:
        new.lh = None if d.lh is _NEUTRAL_MARK else d.lh
    # box
    if d.width is not None:
        width_px = length_px(d.width, base, container)
    elif tag in _WIDTH_ATTR_TAGS and a_width:
        wa = a_width.strip().lower().removesuffix("px")
        if wa:
            width_px = length_px(wa if wa.endswith("%") else wa + "px", base, container)
    if d.maxw is not None:
        maxw_px = length_px(d.maxw, base, container)
    if d.minw is not None:
        minw_px = length_px(d.minw, base, container)
    if tag != "img":
        newc = container
        if width_px is not None:
            newc = width_px
        if maxw_px is not None:
            newc = min(newc, maxw_px)
        new.container = newc
    il = ir = 0.0
    for lv, rv in d.insets:
        if lv:
            il += max(length_px(lv, base, container) or 0.0, 0.0)
        if rv:
            ir += max(length_px(rv, base, container) or 0.0, 0.0)
    if tag == "blockquote" and not d.has_margin:
        il += 40.0
    if il or ir:
        new.inset_l += il
        new.inset_r += ir
    if tag == "td" or tag == "th":
        new.in_cell = True
    return new, width_px, maxw_px, minw_px


_ALIGN_ATTR = {"left": "left", "right": "right", "center": "center", "middle": "center", "justify": "justify"}
_ALIGN_CSS = {"-webkit-center": "center", "-moz-center": "center", "-khtml-center": "center", "-webkit-left": "left",
              "-moz-left": "left", "-webkit-right": "right", "-moz-right": "right", "justify-all": "justify",
              "initial": "start", "-webkit-auto": "start", "auto": "start", "left": "left", "right": "right",
              "center": "center", "justify": "justify", "start": "start", "end": "end"}
_SPECIAL = frozenset({"center", "font", "small", "big", "blockquote", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"})
_WIDTH_ATTR_TAGS = frozenset({"table", "td", "th", "img", "div", "col"})
_BG_ATTR_TAGS = frozenset({"table", "td", "th", "body", "tr"})
_URL_ATTR_TAGS = frozenset({"a", "area", "img", "input", "source", "link"})
_MEDIA_TAGS = frozenset({"img", "input", "source"})
_NEUTRAL_MARK = "\x00neutral"


class _Digest:
    """What one element's declarations mean, computed once per distinct declaration set."""

    __slots__ = ("any", "hidden", "direction", "align", "size", "family", "color", "lh", "width", "maxw", "minw",
                 "height", "insets", "has_margin", "bg_urls")

    def __init__(self, decls: tuple[tuple[str, str], ...]):
        m = dict(decls)
        self.any = bool(m)
        self.hidden = False
        disp = m.get("display", "").lower()
        if disp.startswith("none") or m.get("visibility", "").lower() in ("hidden", "collapse"):
            self.hidden = True
        op = m.get("opacity")
        if op:
            try:
                self.hidden = self.hidden or float(op.rstrip("%")) == 0.0
            except ValueError:
                pass
        mh = m.get("max-height")
        if mh and length_px(mh, 16.0, None) == 0.0 and "hidden" in m.get("overflow", "").lower():
            self.hidden = True
        dv = m.get("direction", "").strip().lower()
        self.direction = dv if dv in ("ltr", "rtl") else ("ltr" if dv == "initial" else None)
        ta = m.get("text-align")
        self.align = _ALIGN_CSS.get(ta.strip().lower()) if ta else None
        size = fam = lh = None
        if "font" in m:
            sv, lhv, famv = _split_font_shorthand(m["font"])
            size, lh, fam = sv, lhv, famv
        size = m.get("font-size", size)
        if size is not None and size.strip().lower() in NEUTRAL:
            size = None
        self.size = size
        fam = m.get("font-family", fam)
        self.family = None if fam is None else (_NEUTRAL_MARK if fam.strip().lower() in NEUTRAL else fam)
        col = m.get("color")
        self.color = None if col is None else (_NEUTRAL_MARK if col.strip().lower() in NEUTRAL or col.strip().lower() == "currentcolor" else col)
        lh = m.get("line-height", lh)
        self.lh = None if lh is None else (_NEUTRAL_MARK if lh.strip().lower() in NEUTRAL or lh.strip().lower() == "normal" else lh)
        w = m.get("width")
        self.width = None if w is None or w.strip().lower() in NEUTRAL or w.strip().lower() == "auto" else w
        self.maxw = m.get("max-width")
        if self.maxw is not None and self.maxw.strip().lower() in ("none", *NEUTRAL):
            self.maxw = None
        self.minw = m.get("min-width")
        h = m.get("height")
        self.height = None if h is None or h.strip().lower() in ("auto", *NEUTRAL) else h
        insets: list[tuple[str | None, str | None]] = []
        for prop in ("margin", "padding"):
            left = right = None
            sh = m.get(prop)
            if sh:
                vals = sh.split()
                if vals:
                    right = vals[1] if len(vals) > 1 else vals[0]
                    left = vals[3] if len(vals) > 3 else right
            left = m.get(prop + "-left", left)
            right = m.get(prop + "-right", right)
            if left or right:
                insets.append((left, right))
        self.insets = tuple(insets)
        self.has_margin = "margin" in m or "margin-left" in m
        urls: list[str] = []
        for p in ("background", "background-image"):
            v = m.get(p)
            if v and "url(" in v.lower():
                urls += [u.strip() for u in _URL_IN_CSS.findall(v)]
        self.bg_urls = tuple(urls)
        self.any = bool(self.hidden or self.direction or self.align or self.size or self.family or self.color or self.lh
                        or self.width or self.maxw or self.minw or self.height or self.insets or self.bg_urls)


_EMPTY = _Digest(())


@lru_cache(maxsize=8192)
def _digest(decls: tuple[tuple[str, str], ...]) -> _Digest:
    return _Digest(decls)


@lru_cache(maxsize=8192)
def _digest_inline(style: str) -> _Digest:
    parsed = parse_declarations(style)
    out: dict[str, str] = {}
    for imp_pass in (False, True):
        for p, v, imp in parsed:
            if imp == imp_pass:
                out[p] = v
    return _Digest(tuple(out.items()))


@lru_cache(maxsize=1024)
def _font_key(px: float) -> str:
    """Size key: px rounded to 0.5 so 14px, 10.5pt and 0.875rem count as one size."""
    return f"{round(px * 2) / 2:g}px"


def _size_px(value: str, base: float) -> float | None:
    low = value.lower().strip()
    if low in SIZE_KEYWORDS:
        return SIZE_KEYWORDS[low]
    if low == "smaller":
        return base / 1.2
    if low == "larger":
        return base * 1.2
    return length_px(low, base, base)


_FONT_SIZE_TOKEN = re.compile(
    r"(?:^|\s)((?:\d*\.?\d+)(?:px|pt|em|rem|%|ex|ch)|xx-small|x-small|small|medium|large|x-large|xx-large|smaller|larger)"
    r"(?:\s*/\s*([^\s]+))?\s+(.+)$",
    re.I,
)


def _split_font_shorthand(value: str) -> tuple[str | None, str | None, str | None]:
    """``font`` shorthand -> (size, line-height, family); system-font keywords give nothing."""
    m = _FONT_SIZE_TOKEN.search(value.strip())
    if not m:
        return None, None, None
    return m.group(1), m.group(2), m.group(3).strip() or None


def describe(view: HtmlView) -> dict[str, Any]:  # debugging aid
    return {"runs": len(view.runs), "images": len(view.images), "links": len(view.links)}
