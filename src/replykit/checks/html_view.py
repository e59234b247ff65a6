"""Parse an HTML body once and walk it: what a reader sees.

Uses lxml's HTML parser (libxml2: fast and tolerant of e-mail HTML; ~6x faster than
``html.parser`` on MJML output), after a guard against tags whose attributes would make the parse
quadratic (:func:`crowded_tag`). Split by concern: :mod:`.html_style` and :mod:`.css` are the CSS
cascade, :mod:`.html_walk` the tree walk, :mod:`.html_media` the images and links; this module parses
and holds the result.

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

from lxml import etree

from .css import stylesheet_imports
from .html_media import Image, Link, Media
from .html_style import NO_RESOLVER, Resolver, root_style, sheet_index
from .html_walk import TextRun, TreeWalk, is_visible_text, trim_memos

__all__ = ["HtmlParseError", "HtmlView", "Image", "Link", "TextRun", "crowded_tag", "is_visible_text"]


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
    """Everything the HTML rules need, computed in one walk (:class:`~.html_walk.TreeWalk`)."""

    def __init__(self, html: str, render_width: float = 600.0):
        self.render_width = render_width
        media = Media()
        self.images: list[Image] = media.images
        self.links: list[Link] = media.links
        self.alts: list[tuple[str, int]] = media.alts  # (alt or title text, line)
        self.attr_texts: list[tuple[str, int]] = media.attr_texts  # href/src/alt attribute values (placeholder scan)
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
        walk = TreeWalk(NO_RESOLVER, media)
        if self.root is not None:
            texts = []
            for st in self.root.iter("style"):
                kind = (st.get("media") or "").lower()
                if "print" in kind and "screen" not in kind:
                    continue
                css = st.text or ""
                texts.append(css)
                if "@import" in css:
                    for imp in stylesheet_imports(css):
                        self.links.append(Link(imp, "import", st.sourceline or 1))
            self._res = Resolver(sheet_index(tuple(texts)))
            trim_memos()
            walk = TreeWalk(self._res, media)
            try:
                walk.run(self.root, root_style(render_width))
            except RecursionError:  # the walk recurses per element level; real mail nests < 100 deep
                raise HtmlParseError("HTML nested too deeply to check: content would go unchecked") from None
        self.runs: list[TextRun] = walk.runs
        self.comments: list[tuple[str, int]] = walk.comments
        self._vis_lines, self._flow_lines = walk.vis_lines, walk.flow_lines
        self.visible_text = "".join(walk.vis_parts)
        self._vis_offsets = list(accumulate(map(len, walk.vis_parts), initial=0))[:-1]
        self.flow_text = "".join(walk.flow)
        self._flow_offsets = list(accumulate(map(len, walk.flow), initial=0))[:-1]

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
