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
from .textutil import Twin, left_bounded

_CUR = r"(?:[$€£¥₺₹₩₽]|r\$|us\$|ca\$|mx\$|usd|eur|gbp|jpy|cad|mxn|brl|sar|aed|try|pln|sek|chf|zł|kr|tl|درهم|ريال|ر\.س|د\.إ|円|元)"
_D = "0123456789"
# (pattern, characters that may not precede a match, match must start a word)
_MASKS: list[tuple[re.Pattern[str], str, bool]] = [
    (re.compile(r"(?:\d{3}|d\d{2})-\d{7}-\d{7}(?![\d-])"), _D + "-", False),  # Amazon order id
    (re.compile(r"\d{2}-\d{5}-\d{5}(?![\d-])"), _D + "-", False),  # eBay order number
    (re.compile(r"1z[0-9a-z]{16}\b"), "", True),  # UPS
    (re.compile(r"9\d{3}(?: ?\d{4}){4} ?\d{2}(?!\d)"), _D, False),  # USPS
    (re.compile(r"[a-z]{2} ?\d{3} ?\d{3} ?\d{3} ?[a-z]{2}\b"), "", True),  # UPU S10
    (re.compile(r"\d{13,}(?!\d)"), _D, False),  # long runs: tracking / order numbers
    (re.compile(r"\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?|\d{1,2}\s?月\s?\d{1,2}\s?日"), _D, False),
    (re.compile(r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)"), _D + ".", False),  # dates
    (re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:-|~|〜|to|bis|à|a)\s*\d{1,2}:\d{2})?"), _D, False),  # times
    (re.compile(rf"{_CUR}\s?\d[\d.,' ]*\d|{_CUR}\s?\d|\d[\d.,' ]*\d?\s?{_CUR}"), "", False),  # prices
    (re.compile(r"〒\s?\d{3}-?\d{4}"), "", False),  # Japanese postcode
    (re.compile(r"#\s?\d{5,}"), "", False),  # '#3301928475' order references
    (re.compile(r"\d{1,3}\s?-\s?\d{1,3}(?:\s?-\s?\d{1,3})?(?![\d-])"), _D + "-", False),  # ranges 3-5, block addresses 1-2-3
]
# edges: no ASCII letter/digit (a longer token) around it; CJK text writes numbers right next to words
# ``(?:\+|00)?\(?\d[\d ().-]{6,20}\d(?![A-Za-z0-9_/-])``, written to start with one character class
# (then the branch for '+', '00', '(' or a digit, in the original's order of preference) so that
# ``re`` skips to candidate positions in C: the same matches, ~3x faster on digit-poor text.
_TEL_CORE = r"[\d ().-]{6,20}\d(?![A-Za-z0-9_/-])"
_TEL_TWIN = Twin(rf"[+(\d](?:(?<=\+)\(?\d{_TEL_CORE}|(?<=0)0\(?\d{_TEL_CORE}|(?<=\()\d{_TEL_CORE}|(?<=\d){_TEL_CORE})")
_TEL_CAND = _TEL_TWIN.uni
_ASCII_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_NANP = re.compile(r"\(\d{3}\)\s?\d{3}[-. ]\d{4}")


def mask(norm: str) -> str:
    """Replace known non-phone numbers by 'x' (same length)."""
    out = norm
    for rx, forbidden, word in _MASKS:
        spans = [(m.start(), m.end()) for m in left_bounded(rx, out, forbidden, word)]
        if spans:
            chars = list(out)
            for a, b in spans:
                chars[a:b] = "x" * (b - a)
            out = "".join(chars)
    return out


def _tel_candidates(text: str):
    return left_bounded(_TEL_TWIN.on(text), text, ".,/-" + _ASCII_ALNUM)


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


def _ndigits(s: str) -> int:
    return len(_DIGIT.findall(s))


_DIGIT = re.compile(r"\d")


def _candidates(text: str) -> bool:
    for m in _tel_candidates(text):
        if 8 <= _ndigits(m.group()) <= 15:
            return True
    return False


def find_phones(norm: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, cap) of phone numbers in normalised text; cap is 'warning' for tolerated numbers.

    Each phone-shaped candidate is first asked the cheap question (written like a phone number, or a
    phone cue nearby?); only then is its neighbourhood masked for order ids, dates, prices and
    labelled tracking numbers, and the candidate re-found in what is left.
    """
    cue = concept("phone_cue")
    soft = concept("phone_soft_cue")
    done: set[tuple[int, int]] = set()
    n = len(norm)
    for m in _tel_candidates(norm):
        s, e = m.start(), m.end()
        if not 8 <= _ndigits(m.group()) <= 15:
            continue
        cand = m.group()
        strong = cand.startswith("+") or bool(_NANP.search(cand))
        if not strong and not cue.search(norm[max(0, s - 40) : e + 40]):
            continue
        w0, w1 = max(0, s - 60), min(n, e + 60)
        window = norm[w0:w1]
        masked = _labelled(window, mask(window))
        for c in _tel_candidates(masked):
            cs, ce = c.start() + w0, c.end() + w0
            if ce <= s or cs >= e or (cs, ce) in done:
                continue
            text = c.group()
            if "x" in text or not 8 <= _ndigits(text) <= 15:
                continue
            strong = text.startswith("+") or bool(_NANP.search(text))
            if not strong and not cue.search(norm[max(0, cs - 40) : ce + 40]):
                continue
            done.add((cs, ce))
            cap = "warning" if soft.search(norm[max(0, cs - 60) : ce + 60]) else None
            yield cs, ce, cap
