"""Images and links of an HTML body, collected during the walk of :class:`~.html_view.HtmlView`:
``<img>``, ``<input type=image>``, ``srcset`` candidates, background images (attribute and CSS),
``<a>``/``<area>`` links with their text and image alternatives, and the attribute texts
(href/src/alt/title) the placeholder rule reads."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .html_style import Computed, Digest, Style, length_px

_WS_RUN = re.compile(r"[ \t\r\n\f]+")
BG_ATTR_TAGS = frozenset({"table", "td", "th", "body", "tr"})
URL_ATTR_TAGS = frozenset({"a", "area", "img", "input", "source", "link"})
MEDIA_TAGS = frozenset({"img", "input", "source"})


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



class Media:
    """The images, links, image alternatives and attribute texts of one document, in document order."""

    __slots__ = ("images", "links", "alts", "attr_texts")

    def __init__(self) -> None:
        self.images: list[Image] = []
        self.links: list[Link] = []
        self.alts: list[tuple[str, int]] = []  # (alt or title text, line)
        self.attr_texts: list[tuple[str, int]] = []  # href/src/alt/title attribute values (placeholder scan)

    @staticmethod
    def wanted(tag: str, get: Callable[[str], str | None], d: Digest) -> bool:
        """Does an element hold an image, a background image, a link or a URL attribute to record?"""
        return bool(d.bg_urls or tag in MEDIA_TAGS or tag in URL_ATTR_TAGS or (tag in BG_ATTR_TAGS and get("background")))

    def element(self, get: Callable[[str], str | None], tag: str, d: Digest, computed: Computed, line: int,
                link: int | None) -> None:
        """Images, background images and links of one element (in that order, as the rules expect)."""
        cur = computed.style
        if tag in MEDIA_TAGS:
            if tag == "img" or (tag == "input" and (get("type") or "").lower() == "image"):
                self._image(get, tag, d, cur, computed, line, link)
            elif tag == "source" and get("srcset"):
                for cand in get("srcset").split(","):  # type: ignore[union-attr]
                    u = cand.strip().split(" ")[0]
                    if u:
                        self.images.append(Image(u, "source", None, None, None, True, None, cur.hidden, None, True, "", line))
        if tag in BG_ATTR_TAGS and get("background"):
            self.images.append(Image(get("background").strip(), "background", None, None, None, True, None, cur.hidden, None, True, "", line))  # type: ignore[union-attr]
        for u in d.bg_urls:
            self.images.append(Image(u, "background", None, None, None, True, None, cur.hidden, None, True, "", line))
        if (tag == "a" or tag == "area") and get("href") is not None:
            self.links.append(Link(get("href").strip(), tag, line, aria_label=get("aria-label")))  # type: ignore[union-attr]
            if tag == "area" and get("alt"):
                self.links[-1].img_alts.append(get("alt"))  # type: ignore[arg-type]
        if tag in URL_ATTR_TAGS:
            for attr in ("href", "src", "alt", "title"):
                v = get(attr)
                if v:
                    self.attr_texts.append((v, line))

    def _image(self, get: Callable[[str], str | None], tag: str, d: Digest, cur: Style, computed: Computed, line: int,
               link: int | None) -> None:
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
        width_px, maxw_px, minw_px = computed.width_px, computed.maxw_px, computed.minw_px
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
            self.alts.append((get("title"), line))  # type: ignore[arg-type]
        if get("srcset"):
            for cand in get("srcset").split(","):  # type: ignore[union-attr]
                u = cand.strip().split(" ")[0]
                if u:
                    self.images.append(Image(u, "source", alt, None, eff, True, height_px, hidden, href, True, "", line))
