"""Telephone numbers, without mistaking order ids, tracking numbers, dates, prices or postcodes for one.

Works on the normalised text (ASCII digits for full-width and Arabic-Indic ones, '-' for every
dash). Known non-phone numbers are masked first; what remains fires when it is written like a phone
number ('+' international, ``(555) 123-4567``) or has a phone cue (phone, Telefon, 電話, هاتف …)
within 40 characters. A cue about a warranty line, a carrier or a manufacturer caps the finding at
warning: marketplaces tolerate those numbers (Amazon: 'numbers related to warranties, shipping
providers or manufacturers').
"""
from __future__ import annotations

import re
from typing import Iterator

from .lexicon import concept

_CUR = r"(?:[$€£¥₺₹₩₽]|r\$|us\$|ca\$|mx\$|usd|eur|gbp|jpy|cad|mxn|brl|sar|aed|try|pln|sek|chf|zł|kr|tl|درهم|ريال|ر\.س|د\.إ|円|元)"
_MASKS = [
    re.compile(r"(?<![\d-])(?:\d{3}|d\d{2})-\d{7}-\d{7}(?![\d-])"),  # Amazon order id
    re.compile(r"(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d-])"),  # eBay order number
    re.compile(r"\b1z[0-9a-z]{16}\b"),  # UPS
    re.compile(r"(?<!\d)9\d{3}(?: ?\d{4}){4} ?\d{2}(?!\d)"),  # USPS
    re.compile(r"\b[a-z]{2} ?\d{3} ?\d{3} ?\d{3} ?[a-z]{2}\b"),  # UPU S10
    re.compile(r"(?<!\d)\d{13,}(?!\d)"),  # long runs: tracking / order numbers
    re.compile(r"(?<!\d)\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?|\d{1,2}\s?月\s?\d{1,2}\s?日"),
    re.compile(r"(?<![\d.])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?![\d])"),  # dates
    re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:-|~|〜|to|bis|à|a)\s*\d{1,2}:\d{2})?"),  # times
    re.compile(rf"{_CUR}\s?\d[\d.,' ]*\d|{_CUR}\s?\d|\d[\d.,' ]*\d?\s?{_CUR}"),  # prices
    re.compile(r"〒\s?\d{3}-?\d{4}"),  # Japanese postcode
    re.compile(r"#\s?\d{5,}"),  # '#3301928475' order references
    re.compile(r"(?<![\d-])\d{1,3}\s?-\s?\d{1,3}(?:\s?-\s?\d{1,3})?(?![\d-])"),  # ranges 3-5, block addresses 1-2-3
]
_TEL_CAND = re.compile(r"(?<![\w.,/-])(?:\+|00)?\(?\d[\d ().-]{6,20}\d(?![\w/-])")
_NANP = re.compile(r"\(\d{3}\)\s?\d{3}[-. ]\d{4}")


def mask(norm: str) -> str:
    out = norm
    for rx in _MASKS:
        if rx.search(out):
            out = rx.sub(lambda m: "x" * len(m.group()), out)
    return out


def _labelled(norm: str, masked: str) -> str:
    """Mask the first number after a tracking/order label ('Sendungsnummer: 4512 3398 7702')."""
    out = list(masked)
    for name in ("tracking_word", "order_word"):
        for m in concept(name).finditer(norm):
            j = m.end()
            seg = re.match(r"[\s:#№.号：]*(?:(?:no|nr|number|nummer|número|numéro|numero|番号|号码)\.?[\s:#]*)?([0-9a-z][0-9a-z -]{4,30}[0-9a-z])", norm[j : j + 60])
            if seg:
                a, b = j + seg.start(1), j + seg.end(1)
                for k in range(a, b):
                    out[k] = "x"
    return "".join(out)


def find_phones(norm: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, cap) of phone numbers in normalised text; cap is 'warning' for tolerated numbers."""
    if sum(ch.isdigit() for ch in norm) < 7:
        return
    masked = mask(norm)
    if sum(ch.isdigit() for ch in masked) < 7:
        return
    masked = _labelled(norm, masked)
    cue = concept("phone_cue")
    soft = concept("phone_soft_cue")
    for m in _TEL_CAND.finditer(masked):
        s, e = m.start(), m.end()
        cand = masked[s:e]
        if "x" in cand:
            continue
        digits = sum(ch.isdigit() for ch in cand)
        if digits < 8 or digits > 15:
            continue
        strong = cand.startswith("+") or bool(_NANP.search(cand))
        window = norm[max(0, s - 40) : e + 40]
        if not strong and not cue.search(window):
            continue
        cap = "warning" if soft.search(norm[max(0, s - 60) : e + 60]) else None
        yield s, e, cap
