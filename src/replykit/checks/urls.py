"""Finding URLs and deciding whether their site is allowed.

Hosts are taken after userinfo (``https://amazon.com@evil.example`` is evil.example), IDNA-decoded and
reduced to the registrable domain with a packaged subset of the Public Suffix List (multi-label
suffixes such as ``co.uk`` / ``com.br``; any other TLD is a one-label suffix). An allow-list entry is
either a registrable domain (``ups.com``; subdomains included) or ``brand.*`` = that brand under any
known public suffix (``amazon.de``, ``amazon.co.uk``, but not ``amazon.com.evil.example``).
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from .textutil import left_bounded, lower


@lru_cache(maxsize=1)
def domain_data() -> dict:
    return json.loads((resources.files("replykit") / "data" / "domains.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _suffixes() -> tuple[frozenset[str], frozenset[str]]:
    d = domain_data()
    multi = frozenset(d["public_suffixes"])
    single = frozenset(d["generic_tlds"]) | frozenset(d["country_tlds"])
    return multi, single


def known_tld(label: str) -> bool:
    """``label`` (lower-case, no dot) is a top-level domain ('com', 'de', 'shop'), not any word."""
    return label in _suffixes()[1]


@dataclass(frozen=True, slots=True)
class Host:
    name: str  # full host, lower-case, IDNA-decoded
    registrable: str  # e.g. amazon.co.uk
    label: str  # registrable label: amazon
    suffix: str  # co.uk
    known_suffix: bool


@lru_cache(maxsize=4096)
def parse_host(host: str) -> Host | None:
    host = host.strip().strip(".").lower()
    if not host or " " in host:
        return None
    if host.startswith("xn--") or ".xn--" in host:
        try:
            host = host.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    labels = host.split(".")
    if len(labels) < 2:
        return None
    multi, single = _suffixes()
    if len(labels) >= 3 and ".".join(labels[-2:]) in multi:
        suffix = ".".join(labels[-2:])
        reg = labels[-3:]
    else:
        suffix = labels[-1]
        reg = labels[-2:]
    known = suffix in multi or suffix in single
    return Host(host, ".".join(reg), reg[0], suffix, known)


def host_of(url: str) -> Host | None:
    """Host of an absolute (or scheme-less ``www.``) URL, None for relative/mailto/tel/data/cid."""
    u = html.unescape(url).strip()
    low = u.lower()
    if low.startswith("//"):
        u = "https:" + u
    elif not re.match(r"^[a-z][a-z0-9+.-]*:", low):
        if low.startswith("www."):
            u = "https://" + u
        else:
            return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "ftp"):
        return None
    try:
        hostname = parts.hostname
    except ValueError:
        return None
    if not hostname:
        return None
    return parse_host(hostname)


class AllowList:
    """Compiled allow-list of a profile."""

    def __init__(self, entries: Iterable[str]):
        self.exact: set[str] = set()
        self.brands: set[str] = set()
        for e in entries:
            e = e.strip().lower()
            if e.endswith(".*"):
                self.brands.add(e[:-2])
            elif e:
                self.exact.add(e)

    def allows(self, host: Host) -> bool:
        if host.registrable in self.exact or host.name in self.exact:
            return True
        # an entry may itself be a subdomain-less registrable under a multi-label suffix (ptt.gov.tr)
        name = host.name
        for e in self.exact:
            if name.endswith("." + e):
                return True
        return host.known_suffix and host.label in self.brands


def shortener(host: Host) -> str | None:
    """'hard' for third-party shorteners, 'soft' for the marketplace's own (amzn.to), else None."""
    if host.name in _soft() or host.registrable in _soft():
        return "soft"
    if host.name in _hard() or host.registrable in _hard():
        return "hard"
    return None


@lru_cache(maxsize=1)
def _hard() -> frozenset[str]:
    return frozenset(domain_data()["shorteners"])


@lru_cache(maxsize=1)
def _soft() -> frozenset[str]:
    return frozenset(domain_data()["soft_shorteners"])


@lru_cache(maxsize=1)
def tracking_hosts() -> tuple[str, ...]:
    return tuple(domain_data()["tracking_hosts"])


# ---- URLs in prose ----------------------------------------------------------------------------
_SCHEME_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'`)\]}」』、，。]+", re.I)
_WWW_URL = re.compile(r"www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s<>\"'`)\]}」』、，。]*)?", re.I)


@lru_cache(maxsize=1)
def _tld_re() -> re.Pattern[str]:
    """'.tld' at the end of a bare domain: written all-lower or all-upper (so 'item.It' is not Italy)."""
    tlds = sorted(domain_data()["text_tlds"], key=len, reverse=True)
    alt = "|".join(tlds)
    return re.compile(rf"\.(?:{alt}|{alt.upper()})(?![\w@-]|\.[A-Za-z0-9])(/[^\s<>\"'`)\]}}]*)?")


_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")


# a bare domain needs "x.ab" somewhere (only whether it occurs is asked); spelled to start with the
# literal dot, which re finds fast, not with a class that matches every letter of the text
_BARE_GATE = re.compile(r"\.(?<=[A-Za-z0-9]\.)[A-Za-z]{2}")


@dataclass(frozen=True, slots=True)
class FoundUrl:
    url: str
    start: int
    end: int
    kind: str  # scheme | www | bare


def find_urls(text: str, bare: bool = True) -> Iterator[FoundUrl]:
    """URLs in text: with scheme, ``www.`` ones and (optionally) bare domains with a known TLD."""
    taken: list[tuple[int, int]] = []
    for m in (left_bounded(_SCHEME_URL, text, word=True) if "://" in text else ()):
        url = m.group().rstrip(".,;:!?")
        taken.append((m.start(), m.start() + len(url)))
        yield FoundUrl(url, m.start(), m.start() + len(url), "scheme")
    for m in (left_bounded(_WWW_URL, text, "@./-", word=True) if "www." in lower(text) else ()):
        if any(a <= m.start() < b for a, b in taken):
            continue
        url = m.group().rstrip(".,;:!?")
        taken.append((m.start(), m.start() + len(url)))
        yield FoundUrl(url, m.start(), m.start() + len(url), "www")
    if not bare or not _BARE_GATE.search(text):
        return
    for m in _tld_re().finditer(text):
        # walk back from the dot over domain-label characters
        s = m.start()
        while s > 0 and text[s - 1] in _LABEL_CHARS:
            s -= 1
        while s < m.start() and text[s] in ".-":
            s += 1
        if s == m.start() or (s > 0 and (text[s - 1] in "@/_" or text[s - 1].isalnum())):
            continue
        if any(a <= s < b for a, b in taken):
            continue
        dom = text[s : m.start()] + m.group()[: len(m.group()) - len(m.group(1) or "")]
        labels = dom.split(".")
        if any(not lb for lb in labels) or labels[0].isdigit() or any(lb.startswith("-") or lb.endswith("-") for lb in labels):
            continue
        yield FoundUrl((text[s : m.end()]).rstrip(".,;:!?"), s, m.end(), "bare")
