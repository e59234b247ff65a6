"""Rules that need facts about the send: message kind, order id, buyer language, attachments, times.

Each declares the context keys it needs; the runner skips it when they are absent (never guessed).
Timestamps are ISO-8601; a timestamp without zone is taken as UTC.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator, NamedTuple

from .commerce_rules import is_review_request
from .language import base_language, head_language, language_shares, quick_language
from .lexicon import SHIPPED_LANGUAGES, concept
from .registry import Hit, rule
from .textutil import in_runs, left_bounded
from .view import MessageView

# ---- subject tag ---------------------------------------------------------------------------------


@rule("subject.important-tag", requires=("message_kind",))
def important_tag(view: MessageView) -> Iterator[Hit]:
    if str(view.context.get("message_kind", "")).lower() == "critical":
        return
    subj = view.message.subject or ""
    m = concept("important_tag").search(subj.lower())
    if m:
        yield Hit("subject", None, "[Important] tag on a message that is not critical to completing the order", subj[:80])


# ---- order ids ---------------------------------------------------------------------------------------
# Every id is written with digits, dashes and spaces only, so each pattern below is searched in the
# message's digit runs (MessageView.digit_runs: one scan per segment, shared with the phone rule).
# left edge: not after a digit or '-'. Spelled to start with a character class ([\dd]\d\d is
# (?:\d{3}|d\d{2})) so that ``re`` can skip ahead to digits.
AMAZON_ID = re.compile(r"[\dd]\d\d-\d{7}-\d{7}(?![\d-])")
EBAY_ID = re.compile(r"\d\d-\d{5}-\d{5}(?![\d-])")
# ``(?:d\d{2}|\d{2,4})[- ]?\d{5,9}[- ]?\d{4,9}(?![\w-])|\d{17}(?![\w-])``, spelled to start with one
# character class (the branch is picked by a look-behind at it, in the original order) so that ``re``
# skips to digits in C; same matches (fuzz-checked)
_ID_REST = r"[- ]?\d{5,9}[- ]?\d{4,9}(?![\w-])"
_ID_LIKE = re.compile(rf"[\dd](?:(?<=d)\d{{2}}{_ID_REST}|(?<=\d)\d{{1,3}}{_ID_REST}|(?<=\d)\d{{16}}(?![\w-]))")
_LONG_DIGITS = re.compile(r"\d[\d -]{4,}\d")
#: the shortest match of each pattern: shorter digit runs are not searched (tests check the figures)
SHORTEST = {AMAZON_ID: 19, EBAY_ID: 14, _ID_LIKE: 11, _LONG_DIGITS: 6}
#: what the patterns above stand for (tests/checks/test_checks_fast_paths.py checks they agree)
AMAZON_PLAIN = re.compile(r"(?:\d{3}|d\d{2})-\d{7}-\d{7}(?![\d-])")
ID_LIKE_PLAIN = re.compile(r"(?:d\d{2}|\d{2,4})[- ]?\d{5,9}[- ]?\d{4,9}(?![\w-])|\d{17}(?![\w-])")
_DIGITS_DASH = "0123456789-"


_HEX24 = re.compile(r"[0-9a-f][0-9a-f]{23}(?![0-9a-f])")  # = [0-9a-f]{24}, but searchable by its first class


def _hex24(text: str) -> list[re.Match[str]]:
    """24-hex-digit ids (Wish order ids)."""
    return list(left_bounded(_HEX24, text, "0123456789abcdef"))
_LABELLED = re.compile(r"[\s:#№.-]*(?:(?:no|nr|number|nummer|número|numéro|numero|番号|号码|id)\.?[\s:#]*)?((?<![0-9a-f])[0-9a-f]{24}(?![0-9a-f])|(?:d\d{2}|\d{2,})(?:[- ]\d{3,}){0,3}(?![\d-]))")


_NON_DIGITS = re.compile(r"\D")
_SPACE_DASH = re.compile(r"[\s-]")


def _visible_surfaces(view: MessageView):
    return view.texts  # subject, visible HTML text, text body (hrefs are not visible); blank ones hold no id


@rule("order-id.missing", requires=("message_kind",))
def order_id_missing(view: MessageView) -> Iterator[Hit]:
    kind = str(view.context.get("message_kind", "")).lower()
    if kind not in ("proactive", "reply", "critical"):
        return
    if kind == "reply" and not view.context.get("order_id"):
        return  # a reply without an order (a pre-sale question) has no order id to show
    if any(_numbers(view, s).amazon for s in _visible_surfaces(view)):
        return
    cap = "warning" if kind == "reply" else None
    yield Hit("subject", None, "no 17-digit order ID (3-7-7) in the subject or visible body", (view.message.subject or "")[:80], cap)


class OrderNumbers(NamedTuple):
    """The order-number shaped matches of one text, in text order, found by :func:`order_numbers`."""

    amazon: list[re.Match[str]]  # Amazon order ids (3-7-7)
    ebay: list[re.Match[str]]  # eBay order numbers (2-5-5)
    long: list[re.Match[str]]  # digit groups of six characters or more: where an id written otherwise can be
    id_like: list[re.Match[str]]  # groups shaped like an order id of any marketplace


def order_numbers(text: str, runs: list[tuple[int, int]]) -> OrderNumbers:
    """Every order-number pattern's matches in ``text``, in one pass over its digit runs
    (:func:`~.textutil.digit_runs`): a pattern is searched in each run at least as long as its shortest
    match, left-bounded as :func:`~.textutil.left_bounded`. The same matches as :func:`~.textutil.in_runs`
    of each pattern (:func:`order_numbers_reference`)."""
    amazon: list[re.Match[str]] = []
    ebay: list[re.Match[str]] = []
    long: list[re.Match[str]] = []
    id_like: list[re.Match[str]] = []
    n = len(text)
    for a, b in runs:
        size = b - a
        if size < _SHORTEST_ANY:
            continue
        end = min(b + 1, n)  # one character of context: the patterns' look-aheads
        if size >= SHORTEST[_LONG_DIGITS]:
            long += left_bounded(_LONG_DIGITS, text, "", False, a, end)
        if size >= SHORTEST[_ID_LIKE]:
            id_like += left_bounded(_ID_LIKE, text, "-", True, a, end)
        if size >= SHORTEST[EBAY_ID]:
            ebay += left_bounded(EBAY_ID, text, _DIGITS_DASH, False, a, end)
        if size >= SHORTEST[AMAZON_ID]:
            amazon += left_bounded(AMAZON_ID, text, _DIGITS_DASH, False, a, end)
    return OrderNumbers(amazon, ebay, long, id_like)


_SHORTEST_ANY = min(SHORTEST.values())


def order_numbers_reference(text: str, runs: list[tuple[int, int]]) -> OrderNumbers:
    """:func:`order_numbers` pattern by pattern."""
    return OrderNumbers(*(list(in_runs(rx, text, runs, forbidden, word, SHORTEST[rx]))
                          for rx, forbidden, word in ((AMAZON_ID, _DIGITS_DASH, False), (EBAY_ID, _DIGITS_DASH, False),
                                                      (_LONG_DIGITS, "", False), (_ID_LIKE, "-", True))))


def _numbers(view: MessageView, seg) -> OrderNumbers:
    """:func:`order_numbers` of the segment, once per message view: the order-id rules share them."""
    return view.once(seg, "order-numbers", lambda s: order_numbers(s.norm, view.digit_runs(s)))


@rule("order-id.format")
def order_id_format(view: MessageView) -> Iterator[Hit]:
    for seg in _visible_surfaces(view):
        for m in _numbers(view, seg).id_like:
            tok = m.group()
            if AMAZON_ID.fullmatch(tok) or EBAY_ID.fullmatch(tok):
                continue
            w0 = max(0, m.start() - 30)
            om = _last_within(view.matches(seg, "order_word"), w0, m.start())
            if om is None:
                continue
            if any((tm := _last_within(view.matches(seg, label), w0, m.start())) is not None and tm.start() > om.start()
                   for label in ("tracking_word", "reference_word")):
                continue  # nearest label says tracking, or a product code ('ref. JV-1200-AZ, EAN 8437012345676')
            yield seg.hit(m.start(), m.end(), f"order number {tok!r} is not in the 3-7-7 format (123-1234567-1234567)")
            return


def _last_within(found: list[re.Match[str]], lo: int, hi: int) -> re.Match[str] | None:
    """The last of ``found`` (matches in text order) that lies within ``[lo, hi)``."""
    last = None
    for m in found:
        if m.start() >= hi:
            break
        if lo <= m.start() and m.end() <= hi:
            last = m
    return last


def _ids_in(view: MessageView) -> list[tuple[str, Any, int, int]]:
    """(digits, segment, start, end) of every order id visible in the message."""
    out = []
    for seg in _visible_surfaces(view):
        t = seg.norm
        hexes = _hex24(t) if view.profile.name in ("wish", "all") else []
        numbers = _numbers(view, seg)
        runs = numbers.long
        if not runs and not hexes:
            continue
        spans = []
        for found in (numbers.amazon, numbers.ebay):
            for m in found:
                spans.append((m.start(), m.end()))
                out.append((_NON_DIGITS.sub("", m.group()) or m.group(), seg, m.start(), m.end()))
        labels = []
        words = view.matches(seg, "order_word")  # every order label of the segment, found once
        for dm in runs + hexes:
            if any(a <= dm.start() < b for a, b in spans):
                continue
            w0 = max(0, dm.start() - 30)
            labels += [m.end() for m in words if w0 <= m.start() and m.end() <= dm.start()]
        for end in sorted(set(labels)):
            lm = _LABELLED.match(t, end)
            if not lm:
                continue
            tok = lm.group(1).strip()
            digits = _SPACE_DASH.sub("", tok)
            if len(_NON_DIGITS.sub("", digits)) < 6 or any(a <= lm.start(1) < b for a, b in spans):
                continue
            out.append((digits, seg, lm.start(1), lm.end(1)))
    return out


def _norm_id(value: str) -> str:
    v = _SPACE_DASH.sub("", str(value).lower())
    return v


@rule("order-id.mismatch", requires=("order_id",))
def order_id_mismatch(view: MessageView) -> Iterator[Hit]:
    expected = _norm_id(view.context["order_id"])
    others = {_norm_id(e.get("order_id", "")) for e in (view.context.get("order_history") or []) if isinstance(e, dict) and e.get("order_id")}
    for digits, seg, s, e in _ids_in(view):
        got = _norm_id(digits)
        if got == expected or got.lstrip("0") == expected.lstrip("0"):
            continue
        cap = "warning" if got in others else None
        yield seg.hit(s, e, f"order id {seg.text[s:e]!r} is not the order this message is for ({view.context['order_id']})", cap)
        return


# ---- language ------------------------------------------------------------------------------------
def _shares(view: MessageView, extra: tuple[str, ...]) -> dict[str, float]:
    cands = tuple(dict.fromkeys(SHIPPED_LANGUAGES + extra))
    key = ("_shares", cands, extra)
    cache = view.__dict__.setdefault("_lang", {})
    if key not in cache:
        hkey = ("_head", cands)  # the opening's language does not depend on ``extra``: judge it once
        if hkey not in cache:
            cache[hkey] = head_language(view.language_source, cands)
        quick = quick_language(view.language_source, cands, extra, head=cache[hkey])
        cache[key] = quick if quick is not None else language_shares(view.language_sample, cands, expect=extra)
    return cache[key]


@rule("locale.not-buyer-language", requires=("buyer_locale",))
def not_buyer_language(view: MessageView) -> Iterator[Hit]:
    want = base_language(str(view.context["buyer_locale"]))
    if not want:
        return
    shares = _shares(view, (want,))
    if not shares:
        return  # too short to judge
    min_share = float(view.profile.data.get("languages", {}).get("min_share", 0.3))
    if shares.get(want, 0.0) >= min_share:
        return
    main = max(shares, key=shares.get)
    yield Hit("html" if view.html is not None else "text", None,
              f"message is in {main!r} but the buyer's language is {want!r}", ", ".join(f"{k}:{v:.0%}" for k, v in sorted(shares.items(), key=lambda kv: -kv[1])))


@rule("locale.not-marketplace-language")
def not_marketplace_language(view: MessageView) -> Iterator[Hit]:
    required = [base_language(x) for x in view.profile.data.get("languages", {}).get("required", [])]
    if not required:
        return
    shares = _shares(view, tuple(required))
    if not shares:
        return
    min_share = float(view.profile.data.get("languages", {}).get("min_share", 0.3))
    if any(shares.get(lang, 0.0) >= min_share for lang in required):
        return
    main = max(shares, key=shares.get)
    yield Hit("html" if view.html is not None else "text", None,
              f"message is in {main!r}; {view.profile.data.get('display_name', view.profile.name)} requires {'/'.join(required)}",
              ", ".join(f"{k}:{v:.0%}" for k, v in shares.items()))


# ---- attachments ---------------------------------------------------------------------------------
_MARKETING_NAME = re.compile(r"(?i)catalog|katalog|brochure|flyer|prospekt|newsletter|coupon|gutschein|cupon|cupón|promo|ebook|e-book|lookbook|price ?list|preisliste|sale|angebot|oferta|offer")


def _attachments(view: MessageView) -> list[dict[str, Any]]:
    a = view.context.get("attachments") or []
    return [x for x in a if isinstance(x, dict)]


@rule("attachment.type", requires=("attachments",))
def attachment_type(view: MessageView) -> Iterator[Hit]:
    spec = view.profile.data.get("attachments", {})
    exts = {e.lower() for e in spec.get("allowed_extensions", [])}
    mimes = {m.lower() for m in spec.get("allowed_mime", [])}
    purposes = {p.lower() for p in spec.get("allowed_purposes", [])}
    for att in _attachments(view):
        name = str(att.get("name", ""))
        mime = str(att.get("mime") or att.get("type") or "").lower()
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        purpose = str(att.get("purpose", "")).lower()
        why = None
        if mime and mime not in mimes:
            why = f"type {mime}"
        elif ext and ext not in exts:
            why = f"file type .{ext}"
        elif purpose and purpose not in purposes:
            why = f"purpose {purpose!r}"
        elif _MARKETING_NAME.search(name):
            why = "a marketing file name"
        if why:
            yield Hit("subject", None, f"attachment {name!r} has {why}: only files the buyer needs (instructions, warranty, invoice, labels)", name)


@rule("attachment.size", requires=("attachments",))
def attachment_size(view: MessageView) -> Iterator[Hit]:
    spec = view.profile.data.get("attachments", {})
    atts = _attachments(view)
    total = sum(int(a.get("size_bytes") or 0) for a in atts)
    limit = int(spec.get("max_total_bytes", 10 * 1024 * 1024))
    if total > limit:
        yield Hit("subject", None, f"attachments total {total / 1048576:.1f} MB: at most {limit / 1048576:.0f} MB", ", ".join(str(a.get("name", "")) for a in atts)[:80])
    max_count = spec.get("max_count")
    if max_count and len(atts) > int(max_count):
        yield Hit("subject", None, f"{len(atts)} attachments: at most {max_count}", ", ".join(str(a.get("name", "")) for a in atts)[:80])


# ---- timing ----------------------------------------------------------------------------------------
def parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        dt = value
    else:
        s = str(value).strip()
        if s.endswith("Z"):
            s = s[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(s)
        except ValueError:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _times(view: MessageView, *keys: str) -> list[datetime] | None:
    out = []
    for k in keys:
        t = parse_time(view.context.get(k))
        if t is None:
            return None
        out.append(t)
    return out


@rule("timing.proactive-window", requires=("order_completed_at", "send_at"))
def proactive_window(view: MessageView) -> Iterator[Hit]:
    if str(view.context.get("message_kind", "")).lower() == "reply":
        return  # replies answer the buyer; the window is for unsolicited messages
    ts = _times(view, "order_completed_at", "send_at")
    if ts is None:
        yield Hit("subject", None, "order_completed_at / send_at are not ISO-8601 timestamps", "", "warning")
        return
    done, send = ts
    days = int(view.profile.limits.get("proactive_window_days", 30))
    if send - done > timedelta(days=days):
        yield Hit("subject", None, f"proactive message {(send - done).days} days after order completion: at most {days}", f"{done.date()} -> {send.date()}")


@rule("timing.response-sla", requires=("received_at", "send_at"))
def response_sla(view: MessageView) -> Iterator[Hit]:
    ts = _times(view, "received_at", "send_at")
    if ts is None:
        yield Hit("subject", None, "received_at / send_at are not ISO-8601 timestamps", "", "warning")
        return
    got, send = ts
    hours = float(view.profile.data.get("sla_hours", 24))
    late = (send - got) / timedelta(hours=1)
    if late > hours:
        yield Hit("subject", None, f"reply {late:.0f} h after the buyer's message: {view.profile.data.get('display_name', '')} expects {hours:.0f} h", f"{got.isoformat()} -> {send.isoformat()}")


@rule("review.window", requires=("delivered_at", "send_at"))
def review_window(view: MessageView) -> Iterator[Hit]:
    scenario = str(view.context.get("scenario", "")).lower()
    if not (is_review_request(view) or "review" in scenario or "feedback" in scenario):
        return
    ts = _times(view, "delivered_at", "send_at")
    if ts is None:
        return
    delivered, send = ts
    lo, hi = view.profile.limits.get("review_window_days", [5, 30])
    age = send - delivered
    if age < timedelta(days=lo) or age > timedelta(days=hi):
        yield Hit("subject", None, f"review request {age.days} days after delivery: allowed {lo}-{hi} days", f"{delivered.date()} -> {send.date()}")


@rule("review.repeat-request", requires=("order_history",))
def review_repeat(view: MessageView) -> Iterator[Hit]:
    scenario = str(view.context.get("scenario", "")).lower()
    if not (is_review_request(view) or "review" in scenario or "feedback" in scenario):
        return
    current = _norm_id(view.context.get("order_id", "")) if view.context.get("order_id") else None
    for e in view.context.get("order_history") or []:
        if not isinstance(e, dict):
            continue
        kind = str(e.get("kind", "")).lower()
        if kind not in ("review_request", "solicitation", "feedback_request"):
            continue
        oid = e.get("order_id")
        if oid and current and _norm_id(oid) != current:
            continue
        yield Hit("subject", None, "a review or feedback request was already sent for this order", str(e.get("sent_at", ""))[:40])
        return
