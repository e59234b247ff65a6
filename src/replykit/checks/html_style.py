"""The CSS cascade and computed style of e-mail HTML: what each element's declarations and
presentational attributes mean for the text inside it.

Declarations come from ``<style>`` rules (see :mod:`.css`), inline ``style`` and presentational
attributes, in the usual cascade (sheet < inline < sheet !important < inline !important). Each
distinct declaration set is digested once (:class:`Digest`); each element's inherited style
(:class:`Style`) is derived from its parent's by :func:`compute` and shared between every element,
in any document, with the same parent style, tag, declarations and attributes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .css import SheetIndex, parse_declarations, parse_stylesheet

ALIGN_ATTR_TAGS = frozenset({"p", "div", "td", "th", "tr", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "col"})
HEADING_SCALE = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "h4": 1.0, "h5": 0.83, "h6": 0.67}
FONT_SIZE_ATTR = {1: 10.0, 2: 13.0, 3: 16.0, 4: 18.0, 5: 24.0, 6: 32.0, 7: 48.0}
SIZE_KEYWORDS = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0, "large": 18.0, "x-large": 24.0, "xx-large": 32.0, "xxx-large": 48.0}
NEUTRAL = frozenset({"inherit", "initial", "unset", "revert", "revert-layer"})
_LEN = re.compile(r"^(-?\d*\.?\d+)\s*(px|pt|em|rem|%|ex|ch|vw|pc|cm|mm|in)?$")
_URL_IN_CSS = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""", re.I)

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


class Style:
    """Inherited computed style of an element: immutable once built, shared and memoised.

    It holds values only (no source lines, no per-document indexes), so the same object serves every
    element -- in any document -- that has the same parent style, tag, declarations and attributes.
    """

    __slots__ = ("align", "direction", "font_px", "font_key", "family", "color", "lh", "hidden",
                 "inset_l", "inset_r", "container", "in_cell")

    def copy(self) -> "Style":
        c = Style.__new__(Style)
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
def root_style(render_width: float) -> Style:
    c = Style.__new__(Style)
    c.align, c.direction = "start", "ltr"
    c.font_px, c.font_key = None, "default"
    c.family = c.color = c.lh = None
    c.hidden = False
    c.inset_l = c.inset_r = 0.0
    c.container = render_width
    c.in_cell = False
    return c



DECL_MEMO: dict[tuple, object] = {}


@lru_cache(maxsize=64)
def sheet_index(texts: tuple[str, ...]) -> SheetIndex:
    rules = []
    for css in texts:
        rules.extend(parse_stylesheet(css))
    return SheetIndex(rules)



class Resolver:
    """Cascade lookups for one document. Runs point here, not at the view, so no reference cycle keeps
    a parsed message alive until the garbage collector runs."""

    __slots__ = ("sheet",)

    def __init__(self, sheet: SheetIndex):
        self.sheet = sheet

    def declared(self, el) -> "Digest":
        """Cascade for one element: sheet < inline < sheet !important < inline !important, digested."""
        return self.declared_with(el, el.get("style"), el.get("class"), el.get("id"))

    def declared_with(self, el, style: str | None, cls: str | None, el_id: str | None) -> "Digest":
        """:meth:`declared` given the element's style, class and id attributes (the walk has them)."""
        sheet = self.sheet
        if not sheet:
            return _digest_inline(style) if style else _EMPTY
        cands, simple = sheet.lookup(el.tag, el_id, cls)
        if not cands:
            return _digest_inline(style) if style else _EMPTY
        if simple:
            key = (sheet, el.tag, cls, el_id, style)
            got = DECL_MEMO.get(key)
            if got is None:
                got = DECL_MEMO[key] = _cascade([r for r in cands if r.selector.matches(el)], style)
            return got
        # a selector that looks at ancestors: match per element, but digest each outcome once
        matched = [r for r in cands if r.selector.matches(el)]
        key = (sheet, tuple(map(id, matched)), style)  # rules live as long as the sheet in the key
        got = DECL_MEMO.get(key)
        if got is None:
            got = DECL_MEMO[key] = _cascade(matched, style)
        return got

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


def _cascade(rules, style: str | None) -> "Digest":
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


NO_SHEET = SheetIndex(())
NO_RESOLVER = Resolver(NO_SHEET)


class Attrs(NamedTuple):
    """The presentational attributes that shape an element's style (``face``/``color``/``size``: ``<font>`` only)."""

    align: str | None
    dir: str | None
    width: str | None
    hidden: str | None
    face: str | None = None
    color: str | None = None
    size: str | None = None


NO_ATTRS = Attrs(None, None, None, None)


class Computed(NamedTuple):
    """An element's style and the box widths it declares (px, None when not given or unknown)."""

    style: Style
    width_px: float | None
    maxw_px: float | None
    minw_px: float | None


def compute(ctx: Style, tag: str, d: "Digest", attrs: Attrs) -> Computed:
    """Child style from parent style, tag, digested declarations and presentational attributes."""
    a_align, a_dir, a_width, a_hidden = attrs.align, attrs.dir, attrs.width, attrs.hidden
    base = ctx.font_px if ctx.font_px is not None else 16.0
    container = ctx.container
    width_px = maxw_px = minw_px = None
    if not (d.any or tag in _SPECIAL or a_align is not None or a_dir is not None or a_width is not None or a_hidden is not None):
        return Computed(ctx, None, None, None)
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
        face, color, size = attrs.face, attrs.color, attrs.size
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
    return Computed(new, width_px, maxw_px, minw_px)


_ALIGN_ATTR = {"left": "left", "right": "right", "center": "center", "middle": "center", "justify": "justify"}
_ALIGN_CSS = {"-webkit-center": "center", "-moz-center": "center", "-khtml-center": "center", "-webkit-left": "left",
              "-moz-left": "left", "-webkit-right": "right", "-moz-right": "right", "justify-all": "justify",
              "initial": "start", "-webkit-auto": "start", "auto": "start", "left": "left", "right": "right",
              "center": "center", "justify": "justify", "start": "start", "end": "end"}
_SPECIAL = frozenset({"center", "font", "small", "big", "blockquote", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"})
_WIDTH_ATTR_TAGS = frozenset({"table", "td", "th", "img", "div", "col"})
_NEUTRAL_MARK = "\x00neutral"


class Digest:
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


_EMPTY = Digest(())


@lru_cache(maxsize=8192)
def _digest(decls: tuple[tuple[str, str], ...]) -> Digest:
    return Digest(decls)


@lru_cache(maxsize=8192)
def _digest_inline(style: str) -> Digest:
    parsed = parse_declarations(style)
    out: dict[str, str] = {}
    for imp_pass in (False, True):
        for p, v, imp in parsed:
            if imp == imp_pass:
                out[p] = v
    return Digest(tuple(out.items()))


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

