"""Link rules: http links, links off the marketplace, shorteners, unsubscribe links, link text.

Links are collected from ``<a>``/``<area>``/``<link>``/``@import`` in HTML and from URLs written in
visible text (subject, HTML text, image alt text and the plain-text body). ``mailto:`` and ``tel:``
belong to the e-mail and phone rules. A third-party shortener (bit.ly, tinyurl …) is both: it hides
its destination (``link.shortener``) and leads off the marketplace (``link.external``); the
marketplace's own short links (amzn.to) are only ``link.shortener``.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from .content_rules import emails_in
from .lexicon import concept
from .registry import Hit, rule
from .textutil import normalise
from .urls import host_of, shortener
from .view import MessageView


class _L(NamedTuple):
    url: str
    where: str
    line: int | None
    kind: str  # href | scheme | www | bare
    text: str


#: what stands right before the domain of a (disguised) e-mail address: '@', '(at)', ' at ', 'アットマーク'
_AT_BEFORE = re.compile(r"(?:[@＠]|[\])]|\s(?:at|ät|arroba|chez|arobase|chiocciola|małpa|malpa|snabel-a|apenstaartje)|アットマーク)\s*$", re.I)


def _links(view: MessageView) -> list[_L]:
    cache = view.__dict__.get("_links")
    if cache is not None:
        return cache
    out: list[_L] = []
    hv = view.html
    if hv is not None:
        for ln in hv.links:
            out.append(_L(ln.href, "html", ln.line, "href", ln.accessible_name))
    for seg in view.all_texts:
        for f in view.text_urls(seg):
            if f.kind == "bare" and _AT_BEFORE.search(seg.text, max(0, f.start - 16), f.start) \
                    and any(m.start() <= f.start < m.end() for m in emails_in(view, seg)):
                continue  # the domain of an e-mail address ('kobo.minami(at)gmail.com'): the e-mail rules judge it
            out.append(_L(f.url, seg.where, seg.line(f.start), f.kind, ""))
    view.__dict__["_links"] = out
    return out


@rule("link.insecure", catalogue=True)
def insecure(view: MessageView) -> Iterator[Hit]:
    for ln in _links(view):
        low = ln.url.strip().lower()
        if low.startswith("http://"):
            yield Hit(ln.where, ln.line, "link over http: use https", ln.url[:100])
        elif ln.kind == "www":
            yield Hit(ln.where, ln.line, "web address without https:// (the reader may open it over http)", ln.url[:100], "warning")


@rule("link.external", catalogue=True)
def external(view: MessageView) -> Iterator[Hit]:
    allow = view.allow
    seen: set[str] = set()
    for ln in _links(view):
        h = host_of(ln.url) if ln.kind != "bare" else host_of("https://" + ln.url.split("/")[0])
        if h is None or shortener(h) == "soft":
            continue
        if (allow.allows(h) and shortener(h) is None) or h.registrable in seen:
            continue
        if ln.kind == "bare" and not h.known_suffix:
            continue
        seen.add(h.registrable)
        yield Hit(ln.where, ln.line, f"link to {h.registrable}: only the marketplace and carrier tracking pages are allowed", ln.url[:100])


@rule("link.shortener", catalogue=True)
def shortened(view: MessageView) -> Iterator[Hit]:
    for ln in _links(view):
        h = host_of(ln.url) if ln.kind != "bare" else host_of("https://" + ln.url.split("/")[0])
        if h is None:
            continue
        kind = shortener(h)
        if kind == "hard":
            yield Hit(ln.where, ln.line, f"shortened link ({h.name}) hides its destination", ln.url[:100])
        elif kind == "soft":
            yield Hit(ln.where, ln.line, f"marketplace short link ({h.name}) hides its destination: link the full page", ln.url[:100], "warning")


@rule("link.opt-out")
def opt_out(view: MessageView) -> Iterator[Hit]:
    c = concept("optout")
    hv = view.html
    if hv is not None:
        for ln in hv.links:
            probe = normalise(ln.accessible_name + " " + ln.href.replace("-", " ").replace("_", " "))
            m = c.search(probe)
            if m:
                yield Hit("html", ln.line, "opt-out / unsubscribe link", (ln.accessible_name or ln.href)[:80])
                return
    for seg in view.texts:
        if seg.where == "html" or not view.text_urls(seg):
            continue
        for m in c.finditer(seg.norm):
            if any(abs(u.start - m.end()) < 80 or abs(m.start() - u.end) < 80 for u in view.text_urls(seg)):
                yield seg.hit(m.start(), m.end(), "opt-out / unsubscribe link")
                return


_TRIM = " \t\n.:!?»«\"'()[]→>-–—…。！？"


@rule("a11y.link-text-generic")
def link_text_generic(view: MessageView) -> Iterator[Hit]:
    hv = view.html
    if hv is None:
        return
    c = concept("generic_link_text")
    for ln in hv.links:
        if ln.tag not in ("a", "area"):
            continue
        name = ln.accessible_name.strip(_TRIM)
        if not name:
            continue
        norm = normalise(name)
        m = c.search(norm)
        bare_url = norm.startswith(("http://", "https://", "www."))
        if bare_url or (m and m.start() == 0 and m.end() == len(norm)):
            yield Hit("html", ln.line, f"link text {name!r} does not say where it leads", name[:80])
