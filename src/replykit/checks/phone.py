"""Telephone numbers, without mistaking order ids, tracking numbers, dates, prices or postcodes for one.

Works on the normalised text (ASCII digits for full-width and Arabic-Indic ones, '-' for every
dash). A cheap pattern finds phone-shaped digit groups; known non-phone numbers around them are
masked (order ids, carrier tracking numbers and numbers labelled as tracking or order numbers, dates,
times, prices, postcodes such as the Brazilian CEP NNNNN-NNN, IBANs). What remains is judged with
Google's libphonenumber data (``phonenumbers``) for the regions the message is for (its ``site``,
the buyer's locale, the marketplace's home):

- written internationally ('+49 …', '0049 …') and a possible number of that country, or in the
  North American '(555) 123-4567' form: a phone number wherever it stands;
- with a phone or messenger cue (phone, Telefon, WhatsApp, 電話, هاتف …) within 40 characters: a
  number valid in one of those regions (or, written in groups, at least of a possible length; a
  seller's own number from abroad is checked against every shipped language's home countries);
- with no cue: a number with a trunk prefix or an area code in brackets, valid in the message's
  region and grouped exactly as that country writes its numbers ('06 12 34 56 78' in France);
- written partly in words ('zero six 12 48 93 07', 'sıfır beş yüz otuz iki 418 27 63', :mod:`.spelled`):
  with a cue within 40 characters, and valid in one of the message's regions or a shipped language's home.

A cue about a warranty line, a carrier or a manufacturer caps the finding at warning: marketplaces
tolerate those numbers (Amazon: 'numbers related to warranties, shipping providers or manufacturers').
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import phonenumbers

from .disguise import pieced, spaced_words
from .lexicon import Words, concept
from .spelled import MAX_RUN_CHARS, spelled_runs
from .textutil import digit_runs, in_runs, left_bounded

_CUR = r"(?:[$€£¥₺₹₩₽]|r\$|us\$|ca\$|mx\$|usd|eur|gbp|jpy|cad|mxn|brl|sar|aed|try|pln|sek|chf|zł|kr|tl|درهم|ريال|ر\.س|د\.إ|円|元)"
_D = "0123456789"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
# (pattern, characters that may not precede a match, match must start a word)
_MASKS: list[tuple[re.Pattern[str], str, bool]] = [
    (re.compile(r"(?:\d{3}|d\d{2})-\d{7}-\d{7}(?![\d-])"), _D + "-", False),  # Amazon order id
    (re.compile(r"\d{2}-\d{5}-\d{5}(?![\d-])"), _D + "-", False),  # eBay order number
    (re.compile(r"1z(?: ?[0-9a-z]){16}\b"), "", True),  # UPS, also written in groups (1Z 999 AA1 01 2345 6784)
    (re.compile(r"9\d{3}(?: ?\d{4}){4} ?\d{2}(?!\d)"), _D, False),  # USPS
    (re.compile(r"[a-z]{2} ?\d{3} ?\d{3} ?\d{3} ?[a-z]{2}\b"), "", True),  # UPU S10
    (re.compile(r"\d{13,}(?!\d)"), _D, False),  # long runs: tracking / order numbers
    (re.compile(r"\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?|\d{1,2}\s?月\s?\d{1,2}\s?日"), _D, False),
    # dates: a day and a month that can be one ('12.34.56' and '06.12.34.56.78' are digits in dotted groups)
    (re.compile(rf"(?:(?:{_DAY}[./-]{_MONTH}|{_MONTH}[./-]{_DAY})[./-](?:\d{{4}}|\d{{2}})|\d{{4}}[./-]{_MONTH}[./-]{_DAY})(?!\d|[./-]\d)"),
     _D + ".", False),
    (re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:-|~|〜|to|bis|à|a)\s*\d{1,2}[:.]\d{2})?"
                r"|\d{1,2}\.\d{2}\s*(?:-|~|〜|to|bis|à|a|tot|till|do|alle)\s*\d{1,2}[:.]\d{2}"), _D, False),  # times, '08.00-12.00'
    (re.compile(rf"{_CUR}\s?\d[\d.,' ]*\d|{_CUR}\s?\d|\d[\d.,' ]*\d?\s?{_CUR}"), "", False),  # prices
    (re.compile(r"〒\s?\d{3}-?\d{4}"), "", False),  # Japanese postcode
    (re.compile(r"\d{5}-\d{3}(?![\d-])"), _D + "-", False),  # Brazilian CEP
    (re.compile(r"#\s?\d{5,}"), "", False),  # '#3301928475' order references
    (re.compile(r"[a-z]{2}\d{2}(?: ?[0-9a-z]{4}){2,7}(?: ?[0-9a-z]{1,4})?(?![0-9a-z])"), "", True),  # IBAN
    (re.compile(r"\d{1,3}\s?-\s?\d{1,3}(?:\s?-\s?\d{1,3})?(?![\d-]| \d)"), _D + "-", False),  # ranges 3-5, block addresses 1-2-3
]
# edges: no ASCII letter/digit (a longer token) around it; CJK text writes numbers right next to words
# ``(?:\+|00)?\(?\d[\d ().-]{6,20}\d(?![A-Za-z0-9_/-])``, written to start with one character class
# (then the branch for '+', '00', '(' or a digit, in the original's order of preference) so that
# ``re`` skips to candidate positions in C: the same matches, ~3x faster on digit-poor text.
_TEL_CORE = r"[\d ().-]{6,20}\d(?![A-Za-z0-9_/-])"
_TEL_SLASH = re.compile(r"(?<=\d) ?/ ?(?=\d)")  # '0171 / 234 56 78': an area code written with a slash
_TEL_CAND = re.compile(rf"[+(\d](?:(?<=\+)\(?\d{_TEL_CORE}|(?<=0)0\(?\d{_TEL_CORE}|(?<=\()\d{_TEL_CORE}|(?<=\d){_TEL_CORE})")
TEL_SHORTEST = 8  # characters in the shortest match of _TEL_CAND (tests check it)
#: what :data:`_TEL_CAND` stands for (tests/checks/test_checks_fast_paths.py checks they agree)
TEL_PLAIN = re.compile(r"(?:\+|00)?\(?\d[\d ().-]{6,20}\d(?![A-Za-z0-9_/-])")
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


def _tel_candidates(text: str, runs: list[tuple[int, int]] | None = None):
    """Phone-shaped digit groups, searched in the text's digit runs (``runs``: :func:`digit_runs` of
    ``text`` when the caller has them)."""
    return in_runs(_TEL_CAND, text, digit_runs(text) if runs is None else runs, ".,/-" + _ASCII_ALNUM, shortest=TEL_SHORTEST)


_LABEL_GAP = re.compile(r"[^.!?;。！？；\n\d]{0,40}")  # the rest of the clause after a label, up to its first digit
_LABELLED_NUMBER = re.compile(r"[0-9][0-9a-z -]{4,30}[0-9a-z]")


def _labelled(norm: str, masked: str) -> str:
    """Mask the first number after a tracking, order or reference label (item, invoice, serial number) in the same clause ('Sendungsnummer: 4512
    3398 7702', 'takip numaranız 1234567890', 'رقم التتبع الخاص بشحنتك هو 1234…'), unless a phone
    cue stands between the label and the number ('for the parcel, call 030 …')."""
    out = list(masked)
    cue = concept("phone_cue")
    for name in ("tracking_word", "order_word", "reference_word"):
        for m in concept(name).finditer(norm):
            j = m.end()
            gap = _LABEL_GAP.match(norm, j)
            k = gap.end() if gap else j
            if cue.search(norm[j:k]):
                continue
            num = _LABELLED_NUMBER.match(norm, k)
            if num:
                for i in range(num.start(), num.end()):
                    out[i] = "x"
    return "".join(out)


def _ndigits(s: str) -> int:
    return len(_DIGIT.findall(s))


_DIGIT = re.compile(r"\d")


#: Home regions of the shipped languages, for a seller's number from another country (after a cue).
_FALLBACK_REGIONS = ("US", "GB", "DE", "FR", "ES", "MX", "IT", "NL", "PL", "SE", "BR", "PT", "TR", "JP", "CN", "SA",
                     "AE", "EG", "CA", "AR", "CO", "CL", "AT", "CH", "BE", "IN")
_GROUP = re.compile(r"\d+")


def _parse(text: str, region: str | None) -> "phonenumbers.PhoneNumber | None":
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


def _international(text: str) -> bool:
    digits = text.lstrip("(")
    n = _parse("+" + digits[2:].lstrip() if digits.startswith("00") else digits, None)
    return n is not None and phonenumbers.is_possible_number(n)


def _grouped(text: str) -> bool:
    return len(_GROUP.findall(text)) >= 2


_DATE_SLASH = re.compile(r"\d{1,4}/\d{1,2}/\d{2,4}")


def _unslash(norm: str) -> str:
    """The text with a slash between digit groups read as a space ('0171 / 234 56 78'), dates kept."""
    if not _TEL_SLASH.search(norm):
        return norm
    dates = [(m.start(), m.end()) for m in _DATE_SLASH.finditer(norm)]

    def repl(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in dates):
            return m.group()
        return " " * len(m.group())

    return _TEL_SLASH.sub(repl, norm)


def _valid(text: str, region: str) -> bool:
    n = _parse(text, region)
    return n is not None and phonenumbers.is_valid_number(n)


def _national_layout(text: str, region: str, possible: bool = False) -> bool:
    """Valid (or only ``possible``) in ``region`` and written in exactly that country's national digit groups."""
    n = _parse(text, region)
    if n is None or not (phonenumbers.is_possible_number(n) if possible else phonenumbers.is_valid_number(n)):
        return False
    national = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL)
    return _GROUP.findall(text) == _GROUP.findall(national) and _grouped(text)


def _plausible_after_cue(text: str, regions: tuple[str, ...]) -> bool:
    """Valid in one of the message's regions; or valid in another shipped language's home country
    and written that country's way; or, in the message's regions, in groups of a possible length."""
    for region in regions:
        n = _parse(text, region)
        if n is not None and phonenumbers.is_valid_number(n):
            return True
    for region in _FALLBACK_REGIONS:
        if region not in regions and (_national_layout(text, region) or (not _grouped(text) and _valid(text, region))):
            return True
    if _grouped(text):
        for region in regions or ("US",):
            n = _parse(text, region)
            if n is not None and phonenumbers.is_possible_number(n):
                return True
        if text.startswith("0"):
            # a number from a range no operator has (yet), written exactly the way its country writes numbers:
            # '07700 900461' (the UK's range for drama) is still a seller's mobile to the reader
            return any(_national_layout(text, region, possible=True) for region in _FALLBACK_REGIONS)
    return False


#: digits a number said in words must come to (shorter: a quantity or a date; longer: no phone number)
_SPELLED_DIGITS = (8, 15)


def find_spelled_phones(norm: str, regions: Iterable[str] = (), cues: Callable[[], list[tuple[int, int]]] | None = None
                        ) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, cap) of telephone numbers written partly in words (see :mod:`.spelled`): a run of number
    words and digits that comes to 8-15 digits, with a phone or messenger cue within 40 characters, valid
    as a whole in one of ``regions`` or of the shipped languages' home regions. Quantities, dates and prices
    in words come to fewer digits or have no cue."""
    regs = tuple(regions)
    spans = cues() if cues is not None else cue_spans(norm)
    for lo, hi in _cue_windows(spans, len(norm)):
        for run in spelled_runs(norm[lo:hi]):
            start, end = run.start + lo, run.end + lo
            if (start == lo and lo > 0) or (end == hi and hi < len(norm)):
                continue  # cut by the window: longer than a number next to a cue can be
            if not _SPELLED_DIGITS[0] <= len(run.digits) <= _SPELLED_DIGITS[1]:
                continue
            if not any(start - 40 <= s and e <= end + 40 for s, e in spans):
                continue
            digits = "+" + run.digits[2:] if run.digits.startswith("00") else run.digits
            if any(_valid(digits, r) for r in (*regs, *_FALLBACK_REGIONS)):
                yield start, end, _cap(norm, norm, start, end, concept("phone_soft_cue"))


def _cue_windows(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The stretches of text a number said in words next to a cue can lie in: a run within 40 characters of
    a cue and at most MAX_RUN_CHARS long lies within MAX_RUN_CHARS + 40 of it (merged when they overlap)."""
    reach = MAX_RUN_CHARS + 41
    out: list[tuple[int, int]] = []
    for s, e in spans:
        lo, hi = max(0, s - reach), min(n, e + reach)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


CUE_CONCEPTS = ("phone_cue", "messenger")


def cue_spans(norm: str, words: Words | None = None,
              found: Callable[[str], Iterable[re.Match[str]]] | None = None) -> list[tuple[int, int]]:
    """Where a phone or messenger cue (phone, Telefon, WhatsApp, 電話 …) stands in normalised text, typed
    letter by letter too ('W h a t s A p p', :func:`spaced_cue_spans`). ``found(name)``: the matches of cue
    concept ``name`` in ``norm`` already at hand (a segment's, :meth:`~.view.MessageView.matches`), instead of a scan."""
    find = found if found is not None else (lambda name: concept(name).finditer(norm, words))
    return sorted([m.span() for name in CUE_CONCEPTS for m in find(name)] + spaced_cue_spans(norm))


def spaced_cues(norm: str) -> list[re.Match[str]]:
    """Phone or messenger cues typed letter by letter ('w h a t s a p p', 'و ا ت س ا ب')."""
    return [w.match for w in spaced_words(norm) if any(concept(name).search(w.word) for name in CUE_CONCEPTS)]


def spaced_cue_spans(norm: str) -> list[tuple[int, int]]:
    """:func:`spaced_cues` as their first and their last letter: whichever side of one a number stands, the
    letter nearest to the number is the cue's edge."""
    return [span for m in spaced_cues(norm) for span in ((m.start(), m.start() + 1), (m.end() - 1, m.end()))]


_SENTENCE_END = re.compile(r"[.!?。！？]|(?<![:：])\n")  # a label ending in a colon owns the number on the next line


def _distance(a: int, b: int, cs: int, ce: int) -> int:
    return max(0, cs - b, a - ce)


def _cap(whole: str, norm: str, cs: int, ce: int, soft) -> str | None:
    """'warning' when a carrier, warranty or manufacturer cue stands within 60 characters of the number in
    its sentence, unless a messenger cue stands nearer: '... on LINE, or by phone number → 090 4412 8807 (Ito). Japan
    Post or Yamato are fine for the return' is the seller's own LINE number, not Yamato's."""
    lo = max(0, cs - 60)
    near = [m for m in soft.finditer(norm[lo : ce + 60])
            if not _SENTENCE_END.search(norm, m.end() + lo, cs) and not _SENTENCE_END.search(norm, ce, m.start() + lo)]
    if not near:  # a carrier named in another sentence ('080 1234 5678. Returns by Yamato are fine') owns no number
        return None
    d_soft = min(_distance(m.start() + lo, m.end() + lo, cs, ce) for m in near)
    before = whole[lo:cs]  # a messenger named earlier in the number's own sentence
    d_msg = [cs - (m.end() + lo) for m in concept("messenger").finditer(before) if not _SENTENCE_END.search(before, m.end())]
    return None if d_msg and min(d_msg) < d_soft else "warning"


def find_phones(norm: str, regions: Iterable[str] = (), cues: Callable[[], list[tuple[int, int]]] | None = None,
                runs: list[tuple[int, int]] | None = None) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, cap) of phone numbers in normalised text, in order; cap is 'warning' for tolerated numbers.

    ``regions``: ISO country codes the message is for, most specific first (see :func:`regions_of`);
    ``cues``: gives :func:`cue_spans` of ``norm`` (found once per text), asked only when a candidate
    needs it; ``runs``: :func:`~.textutil.digit_runs` of ``norm`` when the caller has them. Each
    phone-shaped candidate is first asked the cheap question (written internationally, a cue within
    40 characters, or a local layout?); only then is its neighbourhood masked for order ids, dates,
    prices, postcodes and labelled tracking numbers, and the candidate re-found in what is left.

    Then the number's pieces are put together (:func:`~.disguise.pieced`: over a line break, around an invisible
    mark or an odd separator, letters for digits); a candidate that only the pieced text holds is a phone when a
    cue stands beside it (or it is written internationally) and it is valid for the message's regions. A number
    labelled as a tracking or order number is masked in its pieced form too ('Sendungsnummer 0034 0434⏎1610 9412').
    """
    regs = tuple(regions)
    cue_at: list[tuple[list[tuple[int, int]], list[int]]] = []  # (spans, their starts), filled on first use

    def cued(a: int, b: int) -> bool:
        """A cue wholly within 40 characters of ``[a, b)``: the cues from the first that starts in reach, in
        order (a megabyte of numbers and cues stays linear)."""
        if not cue_at:
            spans = sorted(cues() if cues is not None else cue_spans(norm))
            cue_at.append((spans, [s for s, _e in spans]))
        spans, starts = cue_at[0]
        lo, hi = a - 40, b + 40
        for k in range(bisect_left(starts, lo), len(spans)):
            s, e = spans[k]
            if s > hi:
                return False
            if e <= hi:
                return True
        return False

    plain = _unslash(norm) if "/" in norm else norm
    joined = pieced(plain)
    found = list(_judged(norm, plain, joined.text, runs, regs, cued, None))
    if joined.changed:
        more = [h for h in _judged(norm, joined.text, joined.text, None, regs, cued, joined.changed)
                if not any(h[0] < e and s < h[1] for s, e, _c in found)]
        found = sorted(found + more)
    yield from found


def _judged(whole: str, norm: str, labels: str, runs: list[tuple[int, int]] | None, regs: tuple[str, ...],
            cued: Callable[[int, int], bool], pieces: list[int] | None) -> Iterator[tuple[int, int, str | None]]:
    """The phone numbers among the candidates of ``norm`` (the text as written, or pieced together: then only
    candidates over one of the ``pieces`` offsets, judged strictly); labels are looked for in ``labels``."""
    soft = concept("phone_soft_cue")
    done: set[tuple[int, int]] = set()
    n = len(norm)

    for m in _tel_candidates(norm, runs):
        s, e = m.start(), m.end()
        if pieces is not None and not _touches(pieces, s, e):
            continue
        cand = m.group()
        if not 8 <= _ndigits(cand) <= 15:
            continue
        # the cheap question first: masking the neighbourhood costs a dozen scans
        if pieces is not None:
            if not (cand.startswith(("+", "00", "(+")) or cued(s, e)):
                continue
        elif not (cand.startswith(("+", "00", "(+")) or _NANP.search(cand) or cued(s, e)
                  or (regs and cand[0] in "0(" and _grouped(cand) and _national_layout(cand, regs[0]))):
            continue
        w0, w1 = max(0, s - 60), min(n, e + 60)
        masked = _labelled(labels[w0:w1], mask(norm[w0:w1]))
        for c in _tel_candidates(masked):
            cs, ce = c.start() + w0, c.end() + w0
            if ce <= s or cs >= e or (cs, ce) in done:
                continue
            text = c.group()
            if "x" in text or not 8 <= _ndigits(text) <= 15:
                continue
            ok = _pieced_phone(text, regs, cued(cs, ce)) if pieces is not None else _phone(text, regs, cued(cs, ce))
            if not ok:
                continue
            done.add((cs, ce))
            yield cs, ce, _cap(whole, norm, cs, ce, soft)


def _phone(text: str, regs: tuple[str, ...], cued: bool) -> bool:
    """A candidate as written: international, North American, plausible after a cue, or in the local layout."""
    if text.startswith(("+", "00", "(+")):
        return _international(text)
    if _NANP.search(text):
        return True
    if cued:
        return _plausible_after_cue(text, regs)
    return bool(regs) and text[0] in "0(" and _national_layout(text, regs[0])


def _pieced_phone(text: str, regs: tuple[str, ...], cued: bool) -> bool:
    """A candidate put together from pieces: valid, written internationally or beside a cue for the message's
    regions (every shipped language's home when the message names none)."""
    if text.startswith(("+", "00", "(+")):
        digits = text.lstrip("(")
        return _valid("+" + digits[2:].lstrip() if digits.startswith("00") else digits, "ZZ")
    return cued and any(_valid(text, r) for r in regs or _FALLBACK_REGIONS)


def _touches(offsets: list[int], s: int, e: int) -> bool:
    i = bisect_left(offsets, s)
    return i < len(offsets) and offsets[i] < e


_TLD_REGION = {"com": "US", "co.uk": "GB", "uk": "GB", "com.br": "BR", "com.mx": "MX", "com.tr": "TR", "co.jp": "JP",
               "com.au": "AU", "com.ar": "AR", "com.co": "CO", "cl": "CL", "com.be": "BE", "sa": "SA", "ae": "AE",
               "eg": "EG", "cn": "CN", "com.cn": "CN", "jp": "JP", "ca": "CA", "de": "DE", "fr": "FR", "es": "ES", "it": "IT",
               "nl": "NL", "pl": "PL", "se": "SE", "pt": "PT", "at": "AT", "ch": "CH", "ie": "IE", "in": "IN", "com.pe": "PE",
               "com.uy": "UY", "com.ve": "VE", "com.ec": "EC"}
_LANGUAGE_REGION = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pl": "PL", "sv": "SE",
                    "pt": "BR", "tr": "TR", "ja": "JP", "zh": "CN", "ar": "SA"}


def regions_of(context: dict | None, home: str | None = None) -> tuple[str, ...]:
    """Regions whose numbering plans apply, most specific first: the ``site``'s country
    (amazon.de -> DE), the buyer locale's region or its language's home (de-AT -> AT, pt -> BR), then
    the marketplace's ``home`` region. The same for every segment of a message: remembered for the
    last few hundred (site, locale, home) of ordinary length."""
    ctx = context or {}
    site = str(ctx.get("site") or "")
    locale = str(ctx.get("buyer_locale") or "")
    if len(site) + len(locale) > _REMEMBERED_CHARS:
        return _regions.__wrapped__(site, locale, home)
    return _regions(site, locale, home)


_REMEMBERED_CHARS = 200  # a context value longer than any real site or locale is not kept


@lru_cache(maxsize=512)
def _regions(site: str, locale: str, home: str | None) -> tuple[str, ...]:
    out: list[str] = []
    site = site.strip().lower()
    if site:
        host = site.split("//")[-1].split("/")[0]
        parts = host.split(".")
        for k in (2, 1):
            if len(parts) > k:
                got = _TLD_REGION.get(".".join(parts[-k:]))
                if got:
                    out.append(got)
                    break
    loc = locale.replace("_", "-").split(".")[0]
    if loc:
        bits = loc.split("-")
        region = next((b.upper() for b in bits[1:] if len(b) == 2 and b.isalpha()), None)
        if region:
            out.append(region)
        lang = _LANGUAGE_REGION.get(bits[0].lower())
        if lang:
            out.append(lang)
    if home:
        out.append(home)
    return tuple(r for r in dict.fromkeys(out) if r in phonenumbers.SUPPORTED_REGIONS)
