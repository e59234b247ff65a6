"""Image rules: scheme, tracking pixels, GIFs, width, product photos, alt text, linked logos."""
from __future__ import annotations

import html as _html
import re
from typing import Iterator
from urllib.parse import urlsplit

from .registry import Hit, rule
from .urls import find_urls, host_of, tracking_hosts
from .view import MessageView

_TRACK_PATH = re.compile(r"(?i)/(?:open|o|track|tracking|pixel|wf/open|beacon|imp|e/o|trk)(?:/|\.|\?|$)|[?&](?:uid|rid|recipient|email|eid|mid|oid)=")
_PRODUCT_CDN = re.compile(r"(?i)(?:m\.media-amazon\.com|images-[a-z]{2}\.ssl-images-amazon\.com|images-amazon\.com|ecx\.images-amazon\.com)/images/I/|i\.ebayimg\.com/images/|i\.etsystatic\.com/|i5\.walmartimages\.com/|http2\.mlstatic\.com/")
_ASIN = re.compile(r"(?<![A-Z0-9])B0[A-Z0-9]{8}(?![A-Z0-9])")


def _scheme(url: str) -> str:
    u = _html.unescape(url).strip().replace("\t", "").replace("\n", "").lower()
    return u.split(":", 1)[0] if ":" in u[:12] else ("//" if u.startswith("//") else "")


def _images(view: MessageView):
    hv = view.html
    return hv.images if hv is not None else []


@rule("image.insecure")
def image_insecure(view: MessageView) -> Iterator[Hit]:
    for img in _images(view):
        sch = _scheme(img.src)
        if sch == "http":
            yield Hit("html", img.line, "image loaded over http: use https", img.src[:100])
        elif sch == "//":
            yield Hit("html", img.line, "protocol-relative image URL: its scheme depends on the viewer, write https", img.src[:100], "warning")
    hv = view.html
    if hv is not None:
        for text, line in hv.comments:  # Outlook-only VML backgrounds live in conditional comments
            if "http:" in text.lower():
                m = re.search(r"""(?i)(?:src|background|href)\s*=\s*["']?(http://[^"'\s>]+)""", text)
                if m and ("imagedata" in text.lower() or "v:fill" in text.lower() or "background" in text.lower() or "<img" in text.lower()):
                    yield Hit("html", line, "image loaded over http in an Outlook-only block", m.group(1)[:100])
                    break


def _is_pixel(img) -> bool:
    tiny = (img.width_px is not None and img.width_px <= 2) or (img.height_px is not None and img.height_px <= 2)
    return tiny or img.hidden


@rule("image.tracking-pixel")
def tracking_pixel(view: MessageView) -> Iterator[Hit]:
    hosts = tracking_hosts()
    for img in _images(view):
        if img.kind not in ("img", "input"):
            continue
        h = host_of(img.src)
        known = h is not None and any(h.name == t or h.name.endswith("." + t) or h.registrable == t for t in hosts)
        if _is_pixel(img) or (known and _TRACK_PATH.search(img.src)):
            yield Hit("html", img.line, "tracking pixel (tiny, hidden or open-tracking image)", img.src[:100])


@rule("image.gif")
def gif(view: MessageView) -> Iterator[Hit]:
    for img in _images(view):
        src = _html.unescape(img.src).strip()
        low = src.lower()
        if low.startswith("data:image/gif"):
            yield Hit("html", img.line, "GIF image (inline data)", src[:60])
            continue
        try:
            path = urlsplit(src).path.lower()
        except ValueError:
            path = low.split("?")[0]
        if path.endswith(".gif"):
            yield Hit("html", img.line, "GIF image: animated or not, Amazon does not allow GIFs", src[:100])


@rule("image.too-wide")
def too_wide(view: MessageView) -> Iterator[Hit]:
    ratio = float(view.profile.limits.get("image_max_width_ratio", 0.8))
    limit = view.profile.render_width * ratio
    for img in _images(view):
        if img.kind in ("img", "input") and img.width_px is not None and img.width_px > limit + 0.5:
            yield Hit("html", img.line, f"image {img.width_px:.0f}px wide: at most {ratio:.0%} of {view.profile.render_width:.0f}px ({limit:.0f}px)", img.src[:100])


@rule("image.width-unknown")
def width_unknown(view: MessageView) -> Iterator[Hit]:
    for img in _images(view):
        if img.kind in ("img", "input") and not img.width_constrained and not _is_pixel(img):
            yield Hit("html", img.line, "image without width or max-width: its file decides; add max-width:80%", img.src[:100])


@rule("image.product")
def product_image(view: MessageView) -> Iterator[Hit]:
    title = str(view.context.get("product_title", "") or "").strip().lower()
    asin = str(view.context.get("asin", "") or "").strip().upper()
    for img in _images(view):
        if img.kind not in ("img", "input"):
            continue
        alt = (img.alt or "") + " " + (img.title or "")
        if _PRODUCT_CDN.search(img.src) or _ASIN.search(img.src.upper()) or _ASIN.search(alt) or \
                (asin and asin in (img.src.upper() + alt.upper())) or (len(title) > 8 and title in alt.lower()):
            yield Hit("html", img.line, "product image: the marketplace shows the product itself", img.src[:100])


@rule("a11y.img-alt-missing")
def img_alt_missing(view: MessageView) -> Iterator[Hit]:
    for img in _images(view):
        if img.kind in ("img", "input") and img.alt is None and not img.decorative:
            yield Hit("html", img.line, "image without alt attribute (use alt=\"\" for decoration)", img.src[:100])


_DOMAINISH = re.compile(r"(?i)\bwww\.|https?://|\b[a-z0-9-]+\.(?:com|net|org|de|co\.uk|fr|es|it|nl|pl|se|com\.br|com\.mx|jp|shop|store|io)\b")


@rule("link.logo")
def linked_logo(view: MessageView) -> Iterator[Hit]:
    for img in _images(view):
        if img.kind not in ("img", "input"):
            continue
        if img.link is not None:
            yield Hit("html", img.line, "image wrapped in a link (linked logo)", f"{img.src[:60]} -> {img.link[:60]}")
            continue
        stem = urlsplit(img.src).path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if img.src else ""
        for label in (img.alt or "", img.title or "", stem.replace("_", " ")):
            if label and (_DOMAINISH.search(label) or any(True for _ in find_urls(label))):
                yield Hit("html", img.line, "image shows a web address (logo with URL)", label[:80])
                break
