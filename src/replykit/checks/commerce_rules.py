"""Rules on what a seller may say to a buyer: promotion, reviews, payment, leaving the platform,
personal data, cancellation requests, status mails and empty thank-you notes.

All vocabulary comes from ``data/lexicon.json`` (13 languages). Co-occurrence is judged per
sentence (or a window of one sentence either side) so that "we will review your refund request",
"a partial refund of 10 %" or "a free replacement" never read as incentives or promotions.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterator, Sequence

from ..marketplaces import marketplace_names
from .lexicon import concept
from .content_rules import blank_quotes, emails_in, phones_in
from .phone import spaced_cues
from .registry import Hit, rule
from .textutil import REPLY_SUBJECT, left_bounded
from .view import MessageView, Segment


class _Sent:
    """Concept matches of one segment by sentence (the matches themselves are the segment's: each
    concept is scanned once per segment, whichever rules ask)."""

    __slots__ = ("words", "seg", "sents", "starts", "_by", "_breaks", "settles")

    def __init__(self, view: MessageView, seg: Segment):
        self.words = view.words  # not the view itself: no reference cycle through the view's cache
        self.seg = seg
        self.sents = view.sentences(seg)
        self.starts = [s for s, _ in self.sents]
        self._by: dict[str, dict[int, list[re.Match[str]]]] = {}
        self._breaks: tuple[list[int], list[int]] | None = None
        self.settles: dict[tuple[int, int], bool] = {}  # a clause span -> does the marketplace settle the payment there

    def idx(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def of(self, name: str) -> dict[int, list[re.Match[str]]]:
        got = self._by.get(name)
        if got is None:
            got = self._by[name] = self._by_sentence(name)
            if got and name in _STAR_READ:
                got = self._by[name] = self._no_lit_stars(got)
        return got

    def _by_sentence(self, name: str) -> dict[int, list[re.Match[str]]]:
        got: dict[int, list[re.Match[str]]] = {}
        for m in self.seg.concept_matches(name, self.words):
            got.setdefault(self.idx(m.start()), []).append(m)
        return got

    def _no_lit_stars(self, got: dict[int, list[re.Match[str]]]) -> dict[int, list[re.Match[str]]]:
        """``got`` less the matches that are stars of a device or a game in their sentence ('when all five stars on
        the display light up', 'ogni stellina adesiva vale un punto'): lights and stickers, not a rating."""
        objects = self.of("star_object")
        if not any(i in objects for i in got):
            return got
        stars = self._by_sentence("star_word")
        out = {}
        for i, ms in got.items():
            if i in objects:
                ms = [m for m in ms if not _overlaps(stars.get(i, ()), (m,))]
            if ms:
                out[i] = ms
        return out

    def near(self, name: str, i: int, radius: int = 1) -> bool:
        got = self.of(name)
        return any(j in got for j in range(i - radius, i + radius + 1))

    def text(self, i: int) -> str:
        return self.sents[i][1]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding ``[start, end)``: from the end of the last clause break that ends by ``start``
        to the start of the first break from ``end`` on. The breaks are found once per segment, so a
        paragraph of a thousand rails is read once, not once per rail."""
        text = self.seg.norm
        if self._breaks is None:
            found = list(_CLAUSE_START.finditer(text))
            self._breaks = ([c.start() for c in found], [c.end() for c in found])
        starts, ends = self._breaks
        k = bisect_right(ends, start)
        lo = ends[k - 1] if k else 0
        j = bisect_left(starts, end)
        if j and ends[j - 1] > end:  # a break straddles ``end``: search afresh from there, as a plain scan would
            nxt = _CLAUSE_START.search(text, end)
            return lo, nxt.start() if nxt else len(text)
        return lo, starts[j] if j < len(starts) else len(text)


#: concepts whose star words are no rating in a sentence about a display or stickers (see _Sent._no_lit_stars)
_STAR_READ = frozenset(("review_noun", "top_rating", "review_biased", "star_word"))


def own_texts(view: MessageView) -> list[Segment]:
    """The texts the seller wrote: a reply subject ('Re: …', 'Sv: kan jag swisha?', 'AW: …') quotes the
    buyer's own subject, so the content rules do not judge it (found once per message)."""
    got = view.__dict__.get("_own_texts")
    if got is None:
        got = view.__dict__["_own_texts"] = [seg for seg in view.texts if not (seg.kind == "subject" and REPLY_SUBJECT.match(seg.norm))]
    return got


def _sent_view(view: MessageView, seg: Segment) -> _Sent:
    return view.once(seg, "by-sentence", lambda s: _Sent(view, s))


def _hit(sv: _Sent, m: re.Match[str], message: str, cap: str | None = None) -> Hit:
    """A lexicon phrase finding: it carries its sentence (as the concept rules read it) for the learned veto."""
    off, s = sv.sents[sv.idx(m.start())]
    return sv.seg.hit(m.start(), m.end(), message, cap)._replace(sentence=sv.seg.said[off:off + len(s)])


# ---- promotion ------------------------------------------------------------------------------
# a token's edges are Latin: 'クーポンコードHARU10を', '优惠码SPRING10可以' (kana and Han are word characters to re)
_COUPON_TOKEN = re.compile(r"(?<![A-Za-z0-9_-])(?=[A-Z0-9-]*[A-Z])[A-Z][A-Z0-9-]{3,19}(?![A-Za-z0-9_-])|(?<![A-Za-z0-9_-])(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,20}(?![A-Za-z0-9_-])")
_NOT_COUPON = re.compile(r"^(?:1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2}|B0[A-Z0-9]{8}|[A-Z]{2,4}|ASIN|SKU|UPS|USPS|DHL|GLS|DPD|TNT|PDF|FAQ)$")
_CODE_GATE = re.compile(r"[A-Z0-9][A-Z0-9-]{3}")  # no code-like token, no code to find
_COUPON_SHAPE = re.compile(r"[A-Z]{3,12}\d{2,3}$")  # THANKYOU10, HERBST15: a word and a number, as coupons are made
_MINUS_PERCENT = re.compile(r"(?<![\w.])-\s?\d{1,2} ?%")
_PERCENT_OFF = re.compile(r"\d\s?%\s?(?:off|オフ|off\b)")


@rule("content.promotion", catalogue=True)
def promotion(view: MessageView) -> Iterator[Hit]:
    if not any(view.has(n) for n in _PROMO_GATE) and not (  # a coupon-shaped token for a next order needs no offer word
            view.has("promo_tie") and any(_CODE_GATE.search(seg.text) for seg in view.texts)):
        return
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        phrases = sv.of("promo_phrase")
        if phrases:  # not 'the 10 % off from the listing is already in what you paid'
            applied = sv.of("discount_applied")
            phrases = [ms for ms in (_offers(sv, i, ms) for i, ms in phrases.items() if i not in applied) if ms]
            phrases = [ms for ms in phrases if not all(_marketing_denied(view, sv, m) for m in ms)]
        if phrases:
            m = phrases[0][0]
            yield _hit(sv, m, f"marketing content ({seg.text[m.start():m.end()]!r}): messages may only serve the order")
            continue
        done = False
        for i, ms in sv.of("promo_code").items():
            if all(_reported(sv, i, m, _PROMO_REPORT) or _negated(view, seg.norm, m.start()) for m in ms):
                continue  # 'the discount code you mentioned is another shop's', '(z. B. L2304B) ist die Chargennummer, kein Gutscheincode'
            start = sv.starts[i]
            original = seg.text[start : start + len(sv.text(i))]
            tokens = _coupon_tokens(original)
            if tokens or _tied(view, sv, i):
                yield _hit(sv, ms[0], f"coupon or promo code{(' ' + tokens[0]) if tokens else ''}: promotional content")
                done = True
                break
        if done:
            continue
        for i, ms in (sv.of("code_word") if _CODE_GATE.search(seg.text) else {}).items():
            if all(_reported(sv, i, m, _PROMO_REPORT) for m in ms):
                continue
            start = sv.starts[i]
            original = seg.text[start : start + len(sv.text(i))]
            tokens = _coupon_tokens(original)
            if tokens and (_MINUS_PERCENT.search(original) or i in sv.of("promo_discount") or any(_COUPON_SHAPE.match(t) for t in tokens)):
                # 'kod RABAT10 = -10%', 'code MERCI15 remise': a code worth a discount, in any language
                yield _hit(sv, ms[0], f"coupon or promo code {tokens[0]}: promotional content")
                done = True
                break
        if done:
            continue
        for i, ms in sv.of("promo_discount").items():
            ms = _offers(sv, i, ms)
            if not ms or i in sv.of("discount_applied") or all(_reported(sv, i, m, _PROMO_REPORT) for m in ms):
                continue
            if _tied(view, sv, i) or any(_PERCENT_OFF.search(m.group()) for m in ms):
                yield _hit(sv, ms[0], "discount offered on a next purchase or on other products: promotional content")
                done = True
                break
        if not done:
            found = _promo_offer(view, seg, sv)
            if found is not None:
                yield _hit(sv, found[0], found[1])


#: how far before a marketing word its denial stands ('keine Newsletter', "we don't send newsletters"); an invitation
#: puts more between ("don't hesitate to subscribe to our newsletter")
_DENIAL_REACH = 14
_DENIAL_CUT = re.compile(r"[。！？!?、,;:.\n–—-]")  # a clause or a dash ends the denial's reach after ('Newsletter – kein Spam')


def _marketing_denied(view: MessageView, sv: _Sent, m: re.Match[str]) -> bool:
    """Does the seller deny the marketing word ``m`` ('we send no newsletter', 'Något nyhetsbrev har vi inte',
    'Bültenimiz yok'): a negation right before it, or right after it in its clause? Not when an invitation's cue
    stands between ('Missa inte vårt nyhetsbrev', 'لا تنسى تتابعنا': a shop's own list, a don't-forget)."""
    text = sv.seg.norm
    if _negated(view, text, m.start(), _DENIAL_REACH):
        return concept("invite_cue").search(text[max(0, m.start() - _DENIAL_REACH) : m.start()], view.words) is None
    after = text[m.end() : m.end() + _DENIAL_REACH]
    cut = _DENIAL_CUT.search(after)
    if cut is None and m.end() + _DENIAL_REACH < len(text):
        return _negated_after(view, text, m)
    clause = after[: cut.start()] if cut else after  # a negation closing the clause ('Bültenimiz yok;'), not one opening a purpose ('pour ne rien rater')
    return _negated_after(view, text, m) or any(not clause[n.end():].strip() for n in concept("negation").finditer(clause, view.words))


def _offers(sv: _Sent, i: int, ms: list[re.Match[str]]) -> list[re.Match[str]]:
    """The offer words ``ms`` of sentence ``i`` less a sale event named as the time of a shipping rush ('the Black
    Friday backlog at the depot', '双十一期间快递爆仓', 'زحمة الشحن في الجمعة البيضاء'): a date, not an offer."""
    if i not in sv.of("shipping_rush"):
        return ms
    events = sv.of("sale_event").get(i, ())
    return [m for m in ms if not _overlaps(events, (m,))]


#: the end of a product-reference label just before a token ('(SKU LMP-3301-NR)', 'ref. JV-1200-AZ', 'EAN: ...')
_LABEL_END = re.compile(r"\W{0,3}$")


def _coupon_tokens(original: str) -> list[str]:
    """The coupon-shaped tokens of a sentence, less tracking numbers and ASINs and less the tokens a product-reference
    label names ('the code on the label (SKU KSL-0412-GR) is our stock number'): a stock number is no coupon."""
    out = []
    low = original.lower()
    for t in _COUPON_TOKEN.finditer(original):
        if _NOT_COUPON.match(t.group()):
            continue
        before = low[max(0, t.start() - 24) : t.start()]
        if any(_LABEL_END.match(before, m.end()) for m in concept("reference_word").finditer(before)):
            continue
        if _named_reference(low, t.end()):
            continue
        out.append(t.group())
    return out


#: how far after a token the clause naming it a reference number may reach ('(BX-2040) is het modelnummer')
_NAMED_REACH = 40


def _named_reference(low: str, end: int) -> bool:
    """Does the clause after a token name it a reference number ('QX-7719 is the model number', 'TK-7781 kodu ürünün
    model numarası', '「DX-40」は型番', 'HX-220 هو رقم الموديل')? A stock number, not a coupon."""
    after = low[end : end + _NAMED_REACH]
    cut = _CLAUSE_END.search(after)
    return concept("reference_word").search(after[: cut.start()] if cut else after) is not None


def _tied(view: MessageView, sv: _Sent, i: int) -> bool:
    """Does sentence ``i`` tie an offer to the shop or a next purchase, not negated ('no es un código de
    nuestra tienda': the discount was the marketplace's)?"""
    text = sv.seg.norm
    return any(not _negated(view, text, m.start()) for m in sv.of("promo_tie").get(i, ())) or _buying_again(view, sv, i)


def _buying_again(view: MessageView, sv: _Sent, i: int) -> bool:
    """A purchase some later day as the condition of sentence ``i`` ('if you ever want to order again', 'وإذا حبيت في يوم
    من الأيام تشتري', 'もしまた何か注文してもらえれば'): an offer made there is for a next purchase, whatever it is called."""
    return view.has("later_time") and i in sv.of("if_you") and i in sv.of("buy_verb") and i in sv.of("later_time")


#: how far after its cue a reported code or discount is still the buyer's ('您提到的优惠码是其他店铺的')
_PROMO_REPORT = 30
#: concepts any of which a message must hold for a promotion to be possible
_PROMO_GATE = ("promo_phrase", "promo_code", "promo_discount", "promo_cut", "promo_new", "promo_also", "promo_look", "code_word", "promo_more")


def _promo_offer(view: MessageView, seg: Segment, sv: _Sent) -> tuple[re.Match[str], str] | None:
    """Offers that name no coupon word: a sale across the shop or for a time ('-25 % on all cases until
    Sunday', '全店满二百减三十'), a new collection, other products to go and look at ('we also do it in
    white, search our store'), or a coupon-shaped token for a next purchase ('use THANKYOU10 on your next
    order'). The qualifying concepts are only looked up next to an offer word (most texts hold none)."""
    for ms in sv.of("promo_new").values():
        return ms[0], "announces a new collection or product: promotional content"
    cut = sv.of("promo_cut")
    if cut:
        scope, own = sv.of("promo_scope"), sv.of("own_shop")
        for i, ms in cut.items():
            ms = _offers(sv, i, ms)
            if ms and (i in scope or _tied(view, sv, i)) and (i not in own or i in sv.of("reward_amount")) and i not in sv.of("discount_applied") and not all(_reported(sv, i, m, _PROMO_REPORT) for m in ms):  # 'cheaper on our own website' leaves the platform: off-platform
                # on the own web shop too when the discount names its size ('... und bekommst 15 % Stammkundenrabatt')
                return ms[0], "a sale or discount on the shop's products: promotional content"
    also, look = sv.of("promo_also"), sv.of("promo_look")
    m = _cross_sell(view, sv)
    if m is not None:
        return m, "recommends other products of the shop: promotional content"
    if also or look:
        for i, ms in also.items():
            if sv.near("promo_look", i) or _tied(view, sv, i):  # 'we also sell pillowcases? Search our shop name'
                return ms[0], "advertises other products of the shop: promotional content"
        for i, ms in look.items():
            if _tied(view, sv, i):
                return ms[0], "invites the buyer to browse the shop: promotional content"
    if _CODE_GATE.search(seg.text) and _COUPON_TOKEN.search(seg.text):
        tie = sv.of("promo_tie")
        for i in tie:
            start = sv.starts[i]
            original = seg.text[start : start + len(sv.text(i))]
            tokens = _coupon_tokens(original)
            if tokens and (any(_COUPON_SHAPE.match(t) for t in tokens) or i in sv.of("code_word")):
                return tie[i][0], f"coupon or promo code {tokens[0]} for a next purchase: promotional content"
    return None


def _cross_sell(view: MessageView, sv: _Sent) -> re.Match[str] | None:
    """Other products of the shop (matching ones, the same series, the rest of the range, ones just listed) in a
    sentence that recommends them ('you'll love our matching gloves', 'bekijk ook onze andere riemen', '同系列的
    书签一定会喜欢'), in either order, not negated: a cross-sell, whatever the product is called."""
    more = sv.of("promo_more")
    if not more:
        return None
    appeal, look, also = sv.of("promo_appeal"), sv.of("promo_look"), sv.of("promo_also")
    text = sv.seg.norm
    for i, ms in more.items():
        if i in sv.of("discount_applied"):
            continue
        cues = [*appeal.get(i, ()), *look.get(i, ()), *also.get(i, ())]
        if any(not _negated(view, text, c.start()) for c in cues) and not all(_reported(sv, i, m, _PROMO_REPORT) for m in ms):
            return ms[0]
    return None


# ---- reviews ---------------------------------------------------------------------------------
def _solicits(sv: _Sent) -> set[int]:
    """Sentences that ask for a review: an explicit request, or a polite request next to a review noun."""
    out = set(sv.of("review_solicit"))
    polite = sv.of("request_polite")
    if polite:
        nouns = sv.of("review_noun")
        out |= {i for i in polite if i in nouns}
    return out


def is_review_request(view: MessageView) -> bool:
    if not view.has("review_noun"):
        return False
    return any(_solicits(_sent_view(view, s)) for s in view.texts)


@rule("content.review-incentive", catalogue=True)
def review_incentive(view: MessageView) -> Iterator[Hit]:
    if not (view.has("review_noun") or view.has("review_solicit") or view.has("review_conditional") or view.has("review_verb")):
        return
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        nouns = sv.of("review_noun")
        verbs = sv.of("review_verb")
        if verbs:  # 'si calificás la compra te mando de regalo un llavero': the verb names the review too
            nouns = {**verbs, **nouns}
        if not (nouns or sv.of("review_solicit") or sv.of("review_conditional")):
            continue
        solicit = _solicits(sv)
        cond = sv.of("review_conditional")
        strong = sv.of("incentive_strong")
        weak = sv.of("incentive_weak")
        found = None
        for i in sorted(solicit | set(cond) | set(nouns) | {j + 1 for j in nouns}):
            if i in solicit and _strong_near(view, sv, i):
                found = i
            elif i in cond and (i in weak or i in strong or i in sv.of("reward_amount")):
                found = i
            elif i in solicit and i in weak and i in sv.of("reward_amount") and any(m.start() > _solicit_start(sv, i) for m in weak[i]):
                found = i  # 'leave a review and we refund 10 %'
            elif (i in solicit or i in cond or (i in nouns and not _thanked_before(sv, i) and i not in sv.of("seller_done"))) \
                    and _reward_after(sv, i, _solicit_start(sv, i)):
                found = i  # 'leave a review and we send you a voucher' (not 'thanks for your review, we'll send a new lid')
            elif i in cond and _strong_near(view, sv, i):
                found = i
            elif i in sv.of("rating_change") and _removal_deal(sv, i, sv.of("rating_change")[i]):
                found = i  # 'if you take the review down, I refund you 20 €'
            elif i in nouns and i in strong and i not in sv.of("seller_done") and not _thanked_before(sv, i):  # not 'we saw your review and sent a free part'
                found = i
            elif i in solicit and _reward_in_return(view, sv, i + 1):
                found = i  # 'Deje una opinión. A cambio, le damos un 10 % de descuento'
            elif i in nouns and _thanked_with_reward(view, sv, i):
                found = i  # 'Pour vous remercier de votre avis, nous glisserons un cadeau gratuit'
            if found is not None and found in sv.of("no_strings"):
                found = None  # 'the little gift goes to everyone, regardless of reviews'
            if found is not None:
                if not _denied(view, sv, found):
                    break
                found = None  # 'as Etsy's policy says, we offer no discount or gift for a review'

        if found is not None:
            ms = strong.get(found) or weak.get(found) or cond.get(found) or nouns.get(found) or sv.of("review_solicit").get(found) or [None]
            m = ms[0] if ms[0] is not None else next(iter(nouns.values()))[0]
            yield _hit(sv, m, "review or feedback tied to a benefit (refund, gift, discount): incentivised reviews are banned")


def _denied(view: MessageView, sv: _Sent, i: int) -> bool:
    """Does sentence ``i`` deny the deal: every benefit it names is negated ('we never offer refunds or
    gifts for reviews', 'ni remise ni cadeau'), or every review it names is ('not tied to any rating')?"""
    text = sv.seg.norm

    def negated(m: re.Match[str]) -> bool:  # or the buyer's own words told back ('you asked whether a review earns a voucher')
        return _negated(view, text, m.start()) or _negated_after(view, text, m) or _told(view, sv, i, m)

    for names in (("incentive_strong", "incentive_weak", "reward_then", "reward_amount"), ("review_noun", "review_solicit", "review_conditional")):
        found = [m for n in names for m in sv.of(n).get(i, ())]
        if found and all(negated(m) for m in found):
            return True
    return False


def _told(view: MessageView, sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is ``m`` the buyer's own words told back: a reported question ('Sie fragten, ob es für eine Bewertung einen
    Gutschein gibt – ...') or what the buyer's review says ('you wrote in your review that the gift bag was torn; ...'),
    up to the next colon, semicolon or dash, or before a verb-final report ('... olup olmadığını sormuşsunuz')?"""
    text = sv.seg.norm
    cues = [*sv.of("reported").get(i, ()), *(sv.of("said_in_review").get(i, ()) if view.has("said_in_review") else ())]
    ifs = sv.of("if_you").get(i, ()) if view.has("if_you") else ()
    for c in cues:
        if c.start() > m.start() or _STRONG_BREAK.search(text, c.end(), max(c.end(), m.start())):
            continue
        if any(f.start() < c.end() and (c.start() <= f.end() + 1 or not _CLAUSE_START.search(text, f.end(), c.start())) for f in ifs):
            continue  # 'إذا كتبت لنا تقييماً', 'لو عجبك الكريم وكتبتي لنا تقييم' (if you liked it and wrote us a review) is no report
        comma = text.find(",", c.end(), m.start())
        if comma >= 0 and any(comma < a.start() < m.end() for n in _ASK_FORMS for a in sv.of(n).get(i, ())):
            continue  # 'disse que ficou encantada, deixe-nos as cinco estrelas': the report ends, a request follows
        return True
    return _reported_after(sv, i, m)


def _strong_near(view: MessageView, sv: _Sent, i: int) -> bool:
    """A strong incentive (gift, voucher) in sentence ``i`` or a neighbour that is not negated ('... das ist
    kein Gutschein. Eine Bewertung ist freiwillig' offers none)."""
    text = sv.seg.norm
    return any(not _negated(view, text, m.start()) for j in (i - 1, i, i + 1) for m in sv.of("incentive_strong").get(j, ()))


def _solicit_start(sv: _Sent, i: int) -> int:
    """Where the review request of sentence ``i`` starts (its first solicitation or review noun)."""
    starts = [m.start() for n in ("review_solicit", "review_conditional", "review_noun") for m in sv.of(n).get(i, ())]
    return min(starts) if starts else 0


def _thanked_before(sv: _Sent, i: int) -> bool:
    """Does sentence ``i`` thank for the review before naming it ('thanks for your review, we'll send a
    new lid'), rather than after the deal ('positive rating = 3 € back, our way of saying thanks')?"""
    start = _solicit_start(sv, i)
    rewards = sv.of("incentive_strong").get(i, ())
    # 'Als kleines Dankeschön: wer uns ein Feedback hinterlässt, bekommt ...': a thank-you that names the reward
    return any(m.start() < start and not any(r.start() <= m.start() < r.end() for r in rewards) for m in sv.of("gratitude").get(i, ()))


_REWARD_NAMES = ("incentive_strong", "incentive_weak", "reward_then", "reward_amount")


def _rewards_from(view: MessageView, sv: _Sent, i: int, start: int) -> bool:
    """A reward (gift, discount, refund, an amount) named in sentence ``i`` after ``start``, not negated."""
    text = sv.seg.norm
    return any(m.start() >= start and not _negated(view, text, m.start()) for n in _REWARD_NAMES for m in sv.of(n).get(i, ()))


def _reward_in_return(view: MessageView, sv: _Sent, i: int) -> bool:
    """Does sentence ``i`` (the one after a review request) promise a reward in return ('A cambio, le damos un
    10 % de descuento', 'W zamian dostanie Pan rabat'), not 'In return, we keep improving our listings'?"""
    cues = sv.of("in_return").get(i, ()) if view.has("in_return") else ()
    return any(_rewards_from(view, sv, i, c.end()) for c in cues)


def _thanked_with_reward(view: MessageView, sv: _Sent, i: int) -> bool:
    """Does sentence ``i`` give a reward as a thank-you for the review ('To thank you for your review, we'll add a
    free filter', 'Per ringraziarla della recensione le accrediteremo 5 $'), not 'Thanks for your review, we'll
    send the missing lid'? The reward must follow the review it thanks for."""
    if not view.has("thanks_purpose") or i not in sv.of("thanks_purpose") or i in sv.of("seller_done"):
        return False
    return _rewards_from(view, sv, i, _solicit_start(sv, i) + 1)


def _reward_after(sv: _Sent, i: int, start: int) -> bool:
    """A reward promised after the review request in the same sentence ('... and we refund you')."""
    return any(m.start() > start for m in sv.of("reward_then").get(i, ()))


@rule("content.review-biased", catalogue=True)
def review_biased(view: MessageView) -> Iterator[Hit]:
    # (not top_rating: one of its fragments has no anchor word, so it is possible in every message)
    if not (view.has("review_noun") or view.has("review_solicit") or view.has("biased_strong") or view.has("more_better") or view.has("review_verb")
            or _has_stars(view) or view.has("wink") or view.has("deserved")):
        return
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        given = _feedback_given(view, sv)
        m = _winked_stars(view, sv, given) or _deserved_top(view, sv, given) or _top_wished(view, sv, given)
        if m is not None:
            yield _hit(sv, m, "asks for a positive / 5-star review only: ask for an honest review")
            return
        for i, ms in sv.of("biased_strong").items():
            ms = [m for m in ms if not _not_only(seg.norm, m.start()) and not _told(view, sv, i, m)]
            if ms and i not in given:  # not 'nicht nur zufriedene Kunden: alle dürfen ehrlich bewerten', not 'we left you positive feedback'
                yield _hit(sv, ms[0], "asks for a positive / 5-star review only: ask for an honest review")
                return
        for i, ms in sv.of("more_better").items():
            # a star rating named nearby ('five stars', 'jeder Stern', 'gwiazdka', '星', 'النجوم': concept star_word)
            if any(concept("star_word").search(sv.text(j), view.words) for j in (i - 1, i, i + 1) if 0 <= j < len(sv.sents)):
                yield _hit(sv, ms[0], "asks for as many stars as possible: ask for an honest review")
                return  # 'every star counts for small shops like ours, the more the better'
        for i, ms in _star_ratings(sv).items():
            # '5⭐ pls', 'Gostou? Então manda 5⭐': star symbols are a top rating, asked for or offered to the happy
            if i not in given and (_free_asks(view, sv, i, _ASK_FORMS) or _imperative(sv, i, sv.of("request_verb").get(i, ()))
                                   or i in sv.of("gating_happy") or i - 1 in sv.of("gating_happy")):
                yield _hit(sv, ms[0], "asks for a positive / 5-star review only: ask for an honest review")
                return
        solicit = _solicits(sv) | set(sv.of("review_conditional"))  # 'if you post a 5-star review, ...'
        nouns = sv.of("review_noun")
        if not (solicit or nouns or sv.of("review_verb")):
            continue
        for i in sv.of("only_word"):
            m = _only_if_content(view, sv, i)
            if m is not None:
                yield _hit(sv, m, "review asked only of satisfied buyers (review gating)")
                return
        for i, ms in sv.of("otherwise").items():
            m = _gating_pair(sv, i, ms[0])
            if m is not None:
                yield _hit(sv, m, "a review for the satisfied, the seller first for the others (review gating)")
                return
        if not (solicit or nouns):
            continue
        asks = sv.of("you_request")
        for i, ms in sv.of("top_rating").items():
            if i in given or all(_told(view, sv, i, m) for m in ms):
                continue  # 'Dijiste que nos darías cinco estrellas si …: no hace falta'
            if (i in solicit or i in nouns) and i not in sv.of("honest") and _free_asks(view, sv, i, (*_ASK_FORMS, "review_conditional")):
                yield _hit(sv, ms[0], "asks for a positive / 5-star review only: ask for an honest review")
                return
        for i, ms in sv.of("review_biased").items():
            # or a short appeal right after it ('... es una reseña de cinco estrellas. ¡Contamos contigo!')
            appeal = i + 1 in sv.of("request_polite") and _short(sv.text(i + 1), 4) and i not in sv.of("gratitude") \
                and i + 1 not in sv.of("no_need") and bool(_free_asks(view, sv, i + 1, ("request_polite",)))
            if i not in given and (any(j in solicit for j in (i - 1, i, i + 1)) or i in asks or appeal) and not all(_told(view, sv, i, m) for m in ms):
                yield _hit(sv, ms[0], "asks for a positive / 5-star review only: ask for an honest review")
                return
        for i, ms in sv.of("gating_happy").items():
            # not 'leave feedback only if you feel like it', 'ber vi dig bara om din ärliga åsikt'
            ms = [m for m in ms if not _if_you_like(view, sv, i, m)]
            if ms and i not in sv.of("honest") and (i in solicit or i in nouns or (i + 1 in solicit) or (i + 1 in sv.of("top_rating"))):
                yield _hit(sv, ms[0], "review request only for satisfied buyers (review gating)")
                return
        for i, ms in sv.of("gating_unhappy").items():
            if any(j in solicit for j in (i - 1, i, i + 1)) or (i in nouns and i not in sv.of("honest")):
                yield _hit(sv, ms[0], "unhappy buyers are steered away from reviewing (review gating)")
                return


def _top_wished(view: MessageView, sv: _Sent, given: set[int]) -> re.Match[str] | None:
    """A top rating wished of the pleased buyer, with no request word: the buyer's liking as its condition ('Wenn Ihnen der
    Mixer gefällt, ... 5 Sterne', 'Ben je blij met je kaars? Laat dan een vijfsterrenreview achter', 'se a boneca encantou,
    ... cinco estrelinhas') or the rating as a wish ('a five-star review would make my day', 'pomogłaby nam pozytywna opinia')
    or as what it is worth to the shop ('Fünf Sterne würden unserem kleinen Team helfen', '一个五星对我们非常重要').
    Not a thank-you for one given, not an honest review, not the buyer's words told back, not negated."""
    if not (view.has("liked_cond") or view.has("wish_form") or view.has("means_to_us")):
        return None
    cond, wish = sv.of("liked_cond"), {**sv.of("wish_form"), **sv.of("means_to_us")}  # or what it is worth to the shop
    if not (cond or wish):
        return None
    text = sv.seg.norm
    for i, ms in sorted({**sv.of("review_biased"), **sv.of("top_rating")}.items()):
        if i in given or i in sv.of("honest") or i in sv.of("gratitude") or i in sv.of("seller_done"):
            continue
        asked = i in cond or i in wish or (i - 1 in cond and sv.text(i - 1).rstrip().endswith(("?", "？")))
        ms = [m for m in ms if not _negated(view, text, m.start()) and not _told(view, sv, i, m)]
        if asked and ms:
            return ms[0]
    return None


def _winked_stars(view: MessageView, sv: _Sent, given: set[int]) -> re.Match[str] | None:
    """'Stars help small sellers like us, five especially (wink)', '…am liebsten alle fünf 😉': a star rating hinted at
    with a wink in its sentence, not a thank-you for one given ('Danke für die fünf Sterne 😉')."""
    if not view.has("wink") and "\U0001f609" not in sv.seg.text:
        return None
    for i, (start, text) in enumerate(sv.sents):
        if i in given or i in sv.of("gratitude") or not (i in sv.of("wink") or "\U0001f609" in text):
            continue
        text = blank_quotes(text)  # not a product named in quotes ('le modèle « Cinq étoiles »')
        stars = concept("star_word").search(text, view.words)
        if stars is not None and concept("five_word").search(text, view.words) is not None:
            return next(iter(sv.of("star_word").get(i, ())), None) or (sv.of("wink").get(i) or [None])[0] or stars
    return None


def _deserved_top(view: MessageView, sv: _Sent, given: set[int]) -> re.Match[str] | None:
    """'Five stars is only fair, isn't it?', 'To piątka chyba się należy?': a top rating called deserved in a question."""
    if not view.has("deserved"):
        return None
    deserved = sv.of("deserved")
    for i, ms in sv.of("top_rating").items():
        if i in deserved and i not in given and "?" in sv.text(i) and i not in sv.of("gratitude"):
            return ms[0]
    return None


def _if_you_like(view: MessageView, sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is the condition ``m`` ('only if', 'solo se', 'nur, wenn') the buyer's wish ('... only if you feel like it',
    'solo se ne hai voglia'), not the buyer's satisfaction? (overlapping or right after it)"""
    if not view.has("if_you_like"):
        return False
    return any(w.start() <= m.end() + 2 and m.start() <= w.end() for w in sv.of("if_you_like").get(i, ()))


def _not_only(text: str, start: int) -> bool:
    """A negation (concept not_only) right before the 'only' at ``start`` ('not only', 'nicht nur', 'pas
    seulement', '不只'): a word and white space, or 不 with nothing between, within 12 characters."""
    lo = max(0, start - 12)
    edge = 1 if lo else 0  # one character of left context, so that 'cannot' never reads as 'not'
    window = text[lo - edge:start]
    for m in concept("not_only").finditer(window):
        rest = window[m.end():]
        if m.start() >= edge and (rest == "" if m.group() == "不" else (rest != "" and rest.isspace())):
            return True
    return False


_HARD_BREAK = re.compile(r"[.;:!?\u3002\uff01\uff1f\u061b]")


def _only_if_content(view: MessageView, sv: _Sent, i: int) -> re.Match[str] | None:
    """'Only' tied to a satisfied buyer in a sentence about reviews ('nur bewerten wenn du zufrieden bist',
    'avis seulement aux clients contents', '満足の場合だけ評価を', '只在满意的情况下留评价'): the 'only' and the
    'satisfied' (or 'positive') within one clause of each other, in either order; not 'not only', not honest."""
    if i not in sv.of("content_word") or i in sv.of("honest") \
            or not any(i in sv.of(n) for n in ("review_noun", "review_verb", "review_solicit", "top_rating")):
        return None
    text = sv.seg.norm
    for o in sv.of("only_word").get(i, ()):
        if _not_only(text, o.start()):
            continue
        for c in sv.of("content_word").get(i, ()):
            if _if_you_like(view, sv, i, c):
                continue  # 'only if you feel like it' is the buyer's wish, not satisfaction
            lo, hi = (o.end(), c.start()) if o.end() <= c.start() else (c.end(), o.start())
            gap = text[lo:max(lo, hi)]
            if len(gap) <= 60 and not _HARD_BREAK.search(gap) and ("," not in gap or len(gap) <= 25):
                return o
    return None


_REVIEW_WORDS = ("review_noun", "review_verb", "top_rating", "review_solicit")
_GATE_ROUTES = ("gate_route", "gating_unhappy", "stay_on_platform", "messenger_invite", "contact_verb", "off_platform_phrase")


def _gating_pair(sv: _Sent, i: int, m: re.Match[str]) -> re.Match[str] | None:
    """Review gating written as two branches: a satisfied buyer and a review or top rating first ('Loved it?
    Tell the world with a top rating.'), then the other case (``m``, 'Not quite?', 'sonst', 'altrimenti',
    '不然') sent to the seller first, privately or away from rating ('That stays between us, just reply
    here', 'parliamone qui prima', 'lieber gar nix schreiben')."""
    lo = max(0, i - 2)
    if any(j in sv.of("honest") for j in range(lo, i + 2)):
        return None
    branch = [j for j in range(lo, i + 1)
              if any(r.start() < m.start() or j < i for n in _REVIEW_WORDS for r in sv.of(n).get(j, ()))]
    if not any(k in sv.of(n) for j in branch for k in (j - 1, j) for n in ("gating_happy", "content_word")):
        return None
    for n in _GATE_ROUTES:
        for j in (i, i + 1):
            if any(j > i or r.start() > m.start() for r in sv.of(n).get(j, ())):
                return m
    return None


#: a top rating written with star symbols ('5⭐', '★★★★★', '5 ★'); found only in texts holding one
_STAR_RATING = re.compile(r"(?<![\d.,])5\s?[⭐★🌟]|[⭐★🌟](?:\s?[⭐★🌟]){3,4}")


def _has_stars(view: MessageView) -> bool:
    return any("⭐" in s.text or "★" in s.text or "🌟" in s.text for s in view.texts)


def _star_ratings(sv: _Sent) -> dict[int, list[re.Match[str]]]:
    text = sv.seg.said
    if "⭐" not in text and "★" not in text and "🌟" not in text:
        return {}
    out: dict[int, list[re.Match[str]]] = {}
    for m in _STAR_RATING.finditer(text):
        out.setdefault(sv.idx(m.start()), []).append(m)
    return out


def _feedback_given(view: MessageView, sv: _Sent) -> set[int]:
    """Sentences telling the buyer the seller rated them ('we left you positive feedback as a buyer',
    '已经给您留了好评') and asking nothing else (not '..., please leave us 5 stars too')."""
    if not view.has("feedback_given"):
        return set()
    out = set()
    for i, given in sv.of("feedback_given").items():
        asks = _free_asks(view, sv, i, _ASK_FORMS)
        if not any(not any(g.start() <= a.start() and a.end() <= g.end() for g in given) for a in asks):
            out.add(i)
    return out


@rule("content.review-removal", catalogue=True)
def review_removal(view: MessageView) -> Iterator[Hit]:
    if not view.has("review_removal") and not view.has("review_noun"):
        return
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        for i, ms in sv.of("review_removal").items():
            if _refused(view, sv, i) or _thanked_for(view, sv, i, ms) or _change_not_asked(view, sv, i, ms):
                continue  # 'we won't ask you to change your review', 'silme imkânımız yok', 'thanks for the updated review'
            if i in sv.of("seller_done") and not _free_asks(view, sv, i, _ASK_FORMS):
                continue  # 'thanks to your review we corrected the listing'
            verbs = sv.of("rating_change").get(i)
            if verbs:  # the phrase's own verbs, not a change named in another clause ('...; aktualizację instrukcji dodaliśmy')
                verbs = [v for v in verbs if any(m.start() <= v.start() < m.end() for m in ms)] or verbs
            if verbs and _affirmed(view, seg, verbs, sv, i) is None and not _free_asks(view, sv, i, _ASK_FORMS):
                continue  # 'the stars are every buyer's average, we cannot change them' (无法修改, 変更できません)
            ms = [m for m in ms if not _own_act(sv, i, m)]  # 'każda ocena pomaga nam poprawić produkt'
            if not ms:
                continue
            if all(concept("cjk_cannot").search(m.group()) for m in ms):
                # 'cannot' or 'no need' inside a Chinese or Japanese match, not an A-not-A question ('能不能')
                continue  # '评价不需要做任何修改' (the review needs no change)
            yield _hit(sv, ms[0], "asks the buyer to remove or change a review or feedback")
            return
        # the review named, then its removal asked with a pronoun ('That review is costing us sales. Take it off now.',
        # 'そのレビューのせいで…。消してください。', '那条差评…，赶紧删掉吧')
        for i, ms in (sv.of("remove_it") if view.has("remove_it") else {}).items():
            if (i in sv.of("review_noun") or i - 1 in sv.of("review_noun")) and i not in sv.of("seller_done") \
                    and not _refused(view, sv, i) and _affirmed(view, seg, ms, sv, i) is not None:
                yield _hit(sv, ms[0], "asks the buyer to remove a review or feedback")
                return
        # any word order, verb or noun ('la suppression de votre commentaire serait appréciée'),
        # asked by any request form, not negated and not something the seller did ('we corrected the listing')
        nouns = sv.of("review_noun")
        for i, ms in sv.of("rating_change").items():
            # not a change the seller made ('atualizamos a descrição', 'usunęliśmy z oferty tabelę, o której pisał Pan
            # w recenzji') or an improvement of its own ('pomaga nam się poprawić')
            ms = [m for m in ms if not _own_act(sv, i, m) and not any(o.start() <= m.start() < o.end() for o in sv.of("self_improve").get(i, ()))]
            if not ms or _refused(view, sv, i) or _change_not_asked(view, sv, i, ms):
                continue
            named = i in nouns or i - 1 in nouns  # 'Jag såg ditt omdöme. Om du tar bort det, betalar jag ...'
            if named and ((i in nouns and (_free_asks(view, sv, i, (*_ASK_FORMS, "change_ask")) or _imperative(sv, i, ms))) or _removal_deal(sv, i, ms)) \
                    and _affirmed(view, seg, ms, sv, i) is not None:
                yield _hit(sv, (nouns.get(i) or ms)[0], "asks the buyer to remove or change a review or feedback")
                return


def _refused(view: MessageView, sv: _Sent, i: int) -> bool:
    """Sentence ``i`` says no need or that the seller will not or cannot ask ('we won't ask you to change your
    review', 'weder das Recht noch die Möglichkeit', 'wij vragen u niet om ...'), and asks nothing besides."""
    no_need = sv.of("no_need").get(i)
    if not no_need:
        return False
    text = sv.seg.norm

    def covered(a: re.Match[str], o: re.Match[str]) -> bool:  # or verb-final: '評価を変更していただく必要はございません'
        return o.start() <= a.start() < o.end() or a.start() <= o.start() < a.end() \
            or (bool(_CJK.match(a.group())) and a.end() <= o.start() and not _CLAUSE_START.search(text, a.end(), o.start()))
    return all(any(covered(a, o) for o in no_need) for a in _free_asks(view, sv, i, _ASK_FORMS))


def _change_not_asked(view: MessageView, sv: _Sent, i: int, ms: list[re.Match[str]]) -> bool:
    """Every change sentence ``i`` names is negated, before ('No le vamos a pedir que cambie su valoración', 'Nous ne
    vous demanderions jamais de modifier…') or after ('…お願いすることはできません'), not by a don't-hesitate ('No dudes
    en cambiar tu reseña'), and no request shares its clause ('…; volevamo solo mandarle la sostituzione' is another)."""
    text = sv.seg.norm

    def apart(a: re.Match[str], m: re.Match[str]) -> bool:
        return _CLAUSE_END.search(text, min(a.end(), m.end()), max(a.start(), m.start())) is not None
    if any(not apart(a, m) for a in _free_asks(view, sv, i, _ASK_FORMS) for m in ms):
        return False

    def denied(m: re.Match[str]) -> bool:
        if _negated(view, text, m.start(), 40):
            lo, _whole = _clause_tail(text, m.start(), 40)
            return concept("invite_cue").search(text[lo : m.start()], view.words) is None
        return _negated_after(view, text, m)
    return all(denied(m) for m in ms)


def _thanked_for(view: MessageView, sv: _Sent, i: int, ms: list[re.Match[str]]) -> bool:
    """Does sentence ``i`` thank for the change before naming it ('Thanks a lot for the updated review!') and ask nothing?"""
    thanks = sv.of("gratitude").get(i, ())
    return bool(thanks) and all(any(g.end() <= m.start() for g in thanks) for m in ms) and not _free_asks(view, sv, i, _ASK_FORMS)


def _own_act(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is the verb of ``m`` part of something the seller did or a review does ('we removed the wrong size
    chart', 'every rating helps us improve the product'), not something asked of the buyer?"""
    return _overlaps(sv.of("seller_done").get(i, ()), (m,))


_LEAD = re.compile(r"[\W\d_]*(?:(?:please|pls|just|come on|dai|allez|vamos|hadi|komm schon|kom op|weź|bitte|einfach|alstublieft|gewoon|snälla|bara|svp|juste|por favor|per favore|proszę|prosze|lütfen|lutfen)\W+){0,2}")


def _imperative(sv: _Sent, i: int, ms) -> bool:
    """Does sentence ``i`` open with one of ``ms`` (after 'please', 'just' ...), as an imperative does
    ('Pas hem aan', 'Delete the one star', 'just Venmo it to us')? Latin script only: Arabic fuses the
    subject into the verb ('حدّثنا' is 'we updated')."""
    if not ms or not 0 <= i < len(sv.starts):
        return False
    start = _LEAD.match(sv.seg.norm, sv.starts[i]).end()
    return any(m.start() == start and m.group()[:1] < "\u0250" for m in ms)


def _removal_deal(sv: _Sent, i: int, ms: list[re.Match[str]]) -> bool:
    """'If you take the review down, I refund you 20 €': a change of the review as the condition of a reward."""
    ifs = sv.of("if_you").get(i)
    # Japanese puts the condition after the verb ('修正していただけたら')
    return bool(ifs) and any(c.start() < m.start() or _CJK.match(m.group()) for c in ifs for m in ms) and _rewarded(sv, i)


def _rewarded(sv: _Sent, i: int) -> bool:
    return any(i in sv.of(n) for n in ("incentive_strong", "incentive_weak", "reward_amount", "reward_then"))


# ---- payment -----------------------------------------------------------------------------------
# left edge checked in code; [A-Z][A-Z]\d\d rather than [A-Z]{2}\d{2} so that re can skip ahead by its first class
_IBAN = re.compile(r"[A-Z][A-Z]\d\d(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Z0-9])")
_IBAN_GATE = re.compile(r"[A-Z][A-Z]\d\d")
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "CH": 21, "CR": 22,
    "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22,
    "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}


def valid_iban(raw: str) -> bool:
    """Country length plus the ISO 13616 mod-97 check: tracking codes like SF1234567890123 fail it."""
    if IBAN_LENGTHS.get(raw[:2]) != len(raw):
        return False
    moved = raw[4:] + raw[:4]
    digits = "".join(str(int(ch, 36)) for ch in moved)
    return int(digits) % 97 == 1


@rule("content.payment-account", catalogue=True)
def payment_account(view: MessageView) -> Iterator[Hit]:
    for seg in own_texts(view):
        if not _IBAN_GATE.search(seg.scan_text):
            continue
        for m in left_bounded(_IBAN, seg.scan_text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
            raw = m.group().replace(" ", "")
            if valid_iban(raw):
                yield seg.hit(m.start(), m.end(), "bank account (IBAN) in the message: payment outside the platform")
                return
    if view.has("paypal_ff"):  # 'PayPal friends and family', '« entre proches »': a transfer without buyer protection
        for seg in own_texts(view):
            sv = _sent_view(view, seg)
            for i, ms in sv.of("paypal_ff").items():
                m = _affirmed(view, seg, ms, sv, i)
                if m is not None:
                    yield _hit(sv, m, "asks for a PayPal 'friends and family' payment: payment outside the marketplace, without buyer protection")
                    return
    if view.has("extra_funds"):
        for seg in own_texts(view):
            sv = _sent_view(view, seg)
            for i, ms in sv.of("extra_funds").items():
                m = _affirmed(view, seg, ms, sv, i) if i not in sv.of("no_need") else None
                if m is not None:
                    yield _hit(sv, m, "asks the buyer for additional money outside the order")
                    return
    if view.has("bank_details") or view.has("pay_us"):
        for seg in own_texts(view):
            sv = _sent_view(view, seg)
            m = _bank_details_asked(view, seg, sv) or _paid_to_seller(view, seg, sv)
            if m is not None:
                yield _hit(sv, m, f"asks for bank details or a payment to the seller ({seg.text[m.start():m.end()]!r})")
                return
    if not view.has("payment_rail"):
        return
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        rails = sv.of("payment_rail")
        if not rails:
            continue
        req = sv.of("request_verb")
        pay = sv.of("pay_verb")
        polite = sv.of("request_polite")  # '追加の送料は銀行振込でお願いいたします', '麻烦您通过支付宝转账'
        no_need = sv.of("no_need")
        for i, ms in rails.items():
            if not (i in req or i in pay or i in polite or _clause_has(sv, i, sv.of("relayed_ask"), ms[0])):
                continue  # a manager's ask passed on governs the rail of its own clause only ('... pediu para eu perguntar se
                # você poderia cancelar, porque assim o dinheiro volta')
            if _clause_has(sv, i, no_need, ms[0]) or _clause_has(sv, i, sv.of("paid_already"), ms[0]) or _platform_settles(sv, ms[0]):
                continue  # 'we don't need any bank details from you', 'eBay settles the PayPal payment', 'your PayPal payment stays as it is'
            ms = [m for m in ms if not _paid_back(sv, i, m) and not _on_delivery(sv, i, m)]  # 'oddam Ci 15 zł na konto'
            if ms and _affirmed(view, seg, ms, sv, i) is not None \
                    and (_free_asks(view, sv, i, ("request_verb", "pay_verb", "relayed_ask")) or _polite_asks(view, sv, i)):
                yield _hit(sv, ms[0], f"asks for payment details or payment via {seg.text[ms[0].start():ms[0].end()]!r}")
                return


def _polite_asks(view: MessageView, sv: _Sent, i: int) -> list[re.Match[str]]:
    """The polite request forms of sentence ``i`` ('お願いいたします', '麻烦您') that no negation governs,
    before, inside or after them ('wij vragen nooit om je bankgegevens' asks nothing)."""
    text = sv.seg.norm
    refusals = sv.of("no_need").get(i, ())
    return [m for m in _free_asks(view, sv, i, ("request_polite",))
            if not _negated_after(view, text, m) and not _overlaps(refusals, (m,))]


def _paid_back(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is the rail ``m`` where the seller's money goes to the buyer ('oddam Ci 15 zł na konto', 'we refund
    you to your PayPal'): a refund or give-back verb earlier in its clause?"""
    text = sv.seg.norm
    for r in sv.of("refund_to_you").get(i, ()):
        if r.end() <= m.start() and not _CLAUSE_START.search(text, r.end(), m.start()):
            return True
    return False


def _on_delivery(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is the rail ``m`` (cash) part of 'cash on delivery' ('الطلبات المدفوعة نقدًا عند الاستلام', 'Nachnahme'), a
    payment option of the marketplace's checkout, not money sent to the seller?"""
    return any(c.start() <= m.start() < c.end() for c in sv.of("cash_on_delivery").get(i, ()))


def _bank_details_asked(view: MessageView, seg: Segment, sv: _Sent) -> re.Match[str] | None:
    """The buyer's bank details asked for by any request form ('IBAN numaranızı paylaşmanızı rica ederiz',
    'podeślij numer konta'), not 'we never need your bank details'."""
    no_need = sv.of("no_need")
    for i, ms in sv.of("bank_details").items():
        if _clause_has(sv, i, no_need, ms[0]):
            continue
        if _free_asks(view, sv, i, (*_ASK_FORMS, "pay_verb", "required_form")) or _imperative_in(sv, i):
            m = _affirmed(view, seg, ms, sv, i)
            if m is not None:
                return m
    return None


def _paid_to_seller(view: MessageView, seg: Segment, sv: _Sent) -> re.Match[str] | None:
    """Money asked to go to the seller's own account ('transfer it to us', 'wpłacić na nasze konto')."""
    no_need = sv.of("no_need")
    for i, ms in sv.of("pay_us").items():
        if _clause_has(sv, i, no_need, ms[0]):
            continue
        rails = sv.of("payment_rail").get(i, ())
        if _free_asks(view, sv, i, (*_ASK_FORMS, "pay_verb", "if_you")) or _imperative_in(sv, i) or _imperative(sv, i, [*rails, *ms]) \
                or _after_but(sv, i, [*rails, *ms]):
            m = _affirmed(view, seg, ms, sv, i)
            if m is not None:
                return m
    return None


def _after_but(sv: _Sent, i: int, ms) -> bool:
    """Does one of ``ms`` open the clause after a 'but' ('no aceptamos tarjeta, pero hazme un bizum', 'we don't
    take cards but just PayPal me'), as an imperative opens a sentence? Latin script only, as :func:`_imperative`."""
    buts = sv.of("but_word").get(i, ()) if ms else ()
    text = sv.seg.norm
    return any(_LEAD.match(text, b.end()).end() == m.start() and m.group()[:1] < "\u0250" for b in buts for m in ms)


def _imperative_in(sv: _Sent, i: int) -> bool:
    """Does sentence ``i`` open with a request verb ('podeślij numer konta', 'hesap numarani at')?"""
    return _imperative(sv, i, sv.of("request_verb").get(i, ()))


# ---- off-platform ------------------------------------------------------------------------------
#: the marketplaces' own anonymised relay addresses are how buyers are meant to be written to
_RELAY = re.compile(r"@(?:marketplace\.amazon\.|members\.ebay\.|relay\.)")


@rule("content.off-platform", catalogue=True)
def off_platform(view: MessageView) -> Iterator[Hit]:
    """Moving the conversation or the sale off the marketplace: a messenger, a phone call, an own web
    shop, a social network's messages, an e-mail address to write to, or paying the seller directly."""
    for seg in view.texts:
        for m in emails_in(view, seg):
            if not _RELAY.search(m.group()):
                yield seg.hit(m.start(), m.end(), "e-mail address to write to: the conversation leaves the marketplace")
                return
    if view.has("messenger") or view.has("off_platform_phrase") or view.has("social_network") or view.has("own_shop") or view.has("by_channel") \
            or view.has("other_marketplace") or view.has("private_channel") or view.has("fee_saved"):
        for seg in view.texts:
            if seg.kind == "subject" and REPLY_SUBJECT.match(seg.norm):
                continue  # 'Re: I wrote to you on WhatsApp' quotes the buyer's own subject
            sv = _sent_view(view, seg)
            if not (sv.of("messenger") or sv.of("off_platform_phrase") or sv.of("own_shop") or sv.of("social_network") or sv.of("by_channel")
                    or sv.of("other_marketplace") or (view.has("private_channel") and sv.of("private_channel")) or sv.of("fee_saved")):
                continue  # the qualifiers below are only worth finding next to a channel
            saved = _fee_saved(view, seg, sv)
            if saved is not None:
                yield _hit(sv, saved, "the marketplace's fee saved by dealing directly: the sale leaves the marketplace")
                return
            here = sv.of("stay_on_platform")
            no_need = sv.of("no_need")
            invite = sv.of("messenger_invite")
            third_party = sv.of("third_party")  # the carrier or the manufacturer writes or calls, not the seller
            for i, ms in sv.of("messenger").items():
                if (i in here and not _invited_anyway(sv, i, ms[0])) or i in no_need or i in third_party:
                    continue  # 'you said you sent the photos on WhatsApp; please attach them here'
                if i not in invite and not _DIGITS6.search(sv.text(i)) and not sv.near("easier_there", i) and i not in sv.of("relayed_ask"):
                    continue  # a mention ('the watch shows WhatsApp notifications'), not an invitation
                m = _affirmed(view, seg, ms, sv, i)
                if m is not None:
                    yield _hit(sv, m, f"messenger app {seg.text[m.start():m.end()]!r}: keep the conversation on the marketplace")
                    return
            for i, ms in sv.of("off_platform_phrase").items():
                ms = [m for m in ms if not _device_phone(sv, i, m) and not _buyers_detail_asked(view, sv, i, m)]
                if not ms or i in third_party or (_clause_has(sv, i, no_need, ms[0]) and not _overlaps(no_need[i], ms)):
                    continue  # but 'não precisa de passar pelo eBay' is the invitation itself, and '下次直接到我们官网下单,
                    # 不用平台手续费' names the bait in the next clause
                m = _affirmed(view, seg, ms, sv, i)
                if m is not None:
                    yield _hit(sv, m, "moves the conversation or the sale off the marketplace")
                    return
            for i, ms in sv.of("by_channel").items():
                # 'easier over email, ping me privately', '電話のほうが早いので', '退货的事打电话说比较快',
                # 'kunnen we dit verder via mail bespreken?'
                if i in here or i in no_need or i in third_party or not (sv.near("easier_there", i, 0) or i in _proposals(view, sv)):
                    continue
                m = _affirmed(view, seg, ms, sv, i)
                if m is not None:
                    yield _hit(sv, m, "moves the conversation to e-mail or the phone: keep it on the marketplace")
                    return
            for i, ms in (sv.of("private_channel") if view.has("private_channel") else {}).items():
                # 'ممكن نكمّل الحكي عالإيميل الخاص؟', '個人のメールでお願いできますでしょうか': a private channel asked for
                if i in here or i in no_need or i in third_party:
                    continue
                if _free_asks(view, sv, i, (*_ASK_FORMS, "contact_verb", "messenger_invite")) or i in _proposals(view, sv) \
                        or sv.near("easier_there", i, 0) or "?" in sv.text(i):
                    m = _affirmed(view, seg, ms, sv, i)
                    if m is not None:
                        yield _hit(sv, m, "moves the conversation to a private e-mail: keep it on the marketplace")
                        return
            buy = sv.of("buy_verb")
            for i, ms in sv.of("own_shop").items():
                # '... in our own web shop we have all six colours. Order there directly next time.', 'direkt über
                # unseren eigenen Webshop ist der Versand gratis'
                if (i in buy or _imperative(sv, i + 1, buy.get(i + 1, ())) or sv.near("easier_there", i, 0)) and not _clause_has(sv, i, no_need, ms[0]):
                    m = _affirmed(view, seg, ms, sv, i)
                    if m is not None:
                        yield _hit(sv, m, "sends the buyer to the seller's own shop: the sale leaves the marketplace")
                        return
            for i, ms in sv.of("other_marketplace").items():
                # 'ci trova anche su Subito e su Vinted: lì le facciamo un prezzo migliore'
                if sv.near("easier_there", i, 0) and i not in no_need and i not in third_party:
                    m = _affirmed(view, seg, ms, sv, i)
                    if m is not None:
                        yield _hit(sv, m, "sends the buyer to another marketplace: the sale leaves this one")
                        return
            contact = sv.of("contact_verb")
            personal = sv.of("personal_object")
            dms = sv.of("dm_word")
            for i, ms in sv.of("social_network").items():
                if i in here or i in no_need or i in third_party:
                    continue
                if i in dms:  # 'DM us from the shop's Instagram account', '直接私訊我們的IG'
                    m = _affirmed(view, seg, ms, sv, i)
                    if m is not None:
                        yield _hit(sv, m, "invites the buyer to a social network's direct messages")
                        return
                if any(p.start() <= m.start() < p.end() and _ACCOUNT.search(p.group()) for p in personal.get(i, ()) for m in ms):
                    continue  # 'your Instagram account' asked for is personal data, not an invitation
                if sv.near("easier_there", i):  # 'Do you have Instagram? It would be easier by DM.'
                    m = _affirmed(view, seg, ms, sv, i)
                    if m is not None:
                        yield _hit(sv, m, "invites the buyer to a social network's messages")
                        return
                linked = [m for m in ms if _same_clause(seg.norm, m, [*contact.get(i, ()), *invite.get(i, ())])]
                m = _affirmed(view, seg, linked, sv, i) if linked else None
                if m is not None:
                    yield _hit(sv, m, "invites the buyer to a social network's messages")
                    return
    routed = _own_channel_only(view)
    if routed is not None:
        yield routed
        return
    called = _phone_to_call(view)
    if called is not None:
        yield called
        return
    paid = _direct_payment(view)
    if paid is not None:
        yield paid


def _fee_saved(view: MessageView, seg: Segment, sv: _Sent) -> re.Match[str] | None:
    """'... so you save the Etsy fees', 'así te ahorrás la comisión', 'não tem a taxa do Etsy', '手数料がかからない分',
    'wyjdzie taniej niż na Etsy': the marketplace's fee or commission avoided is why a seller deals directly, whatever
    the channel is called. A 'no' or 'without' is part of the phrase; a negation before it, the buyer's words told
    back or a refusal still count ('we never suggest saving the fees elsewhere')."""
    for i, ms in (sv.of("fee_saved") if view.has("fee_saved") else {}).items():
        if i in sv.of("third_party") or i in sv.of("stay_on_platform"):
            continue
        m = _affirmed(view, seg, ms, sv, i)
        if m is not None:
            return m
    return None


def _own_channel_only(view: MessageView) -> Hit | None:
    """The buyer sent to a service channel of the seller's own as the only way ('claims are to be lodged
    exclusively via our customer care hotline', 'hänvisas du till vår telefonkundtjänst', 'a mezzo PEC al
    nostro ufficio legale'): the conversation leaves the marketplace. Not a manufacturer's or carrier's line,
    not 'only here', not negated."""
    if not (view.has("own_service_channel") and view.has("only_via")):
        return None
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        only = sv.of("only_via")
        for i, ms in sv.of("own_service_channel").items():
            if i not in only or i in sv.of("stay_on_platform") or i in sv.of("third_party") or i in sv.of("no_need"):
                continue
            m = _affirmed(view, seg, ms, sv, i)
            if m is not None:
                return _hit(sv, m, "sends the buyer to the seller's own service channel: keep the conversation on the marketplace")
    return None


#: what invites the buyer to use a number: a call or write verb, a phone word, a messenger
_CALL_WORDS = ("contact_verb", "messenger_invite", "phone_cue", "messenger")


def _phone_to_call(view: MessageView) -> Hit | None:
    """A telephone number of the seller's with an invitation to call or write to it in its sentence ('per
    qualsiasi chiarimento può telefonare al numero 02 8765 4321', 'drop me a text on 07700 900461'): the
    conversation moves to the phone. A carrier's or manufacturer's line (a capped number) or one the
    courier calls from is not the seller's."""
    for seg in own_texts(view):
        phones = [p for p in phones_in(view, seg) if p[2] is None]
        if not phones:
            continue
        sv = _sent_view(view, seg)
        spelled_out = spaced_cues(seg.said)  # 'per W h a t s A p p': a messenger's name typed past a filter
        for s, e, _cap in phones:
            for i in _number_sentences(sv, s):
                if i in sv.of("third_party") or i in sv.of("no_need"):
                    continue
                calls = [m for n in _CALL_WORDS for m in sv.of(n).get(i, ())] + [m for m in spelled_out if sv.idx(m.start()) == i]
                if calls and _affirmed(view, seg, calls, sv, i) is not None:
                    return seg.hit(s, e, "a telephone number to call or write to: the conversation leaves the marketplace")
    return None


def _number_sentences(sv: _Sent, s: int) -> list[int]:
    """The sentence a number at ``s`` stands in, and the one before when that ends in a colon and the number opens
    the next line ('… on WhatsApp, the number:⏎050 718 4293'): a label and its value."""
    i = sv.idx(s)
    if i == 0 or not sv.text(i - 1).rstrip().endswith((":", "：")):
        return [i]
    start, text = sv.sents[i]
    return [i, i - 1] if not text[:s - start].strip() else [i]


def _device_phone(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is ``m`` the phone as the device a watch or earbuds are paired with ('abbinare il braccialetto al telefono',
    'die Uhr am Telefon koppeln', 'sparujesz przez telefon'): a phone word in a sentence about pairing, with no
    call or write verb?"""
    return i in sv.of("device_pairing") and i not in sv.of("contact_verb") \
        and _overlaps(sv.of("phone_cue").get(i, ()), (m,))


def _buyers_detail_asked(view: MessageView, sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is the phrase ``m`` the buyer's own detail asked for ('prosimy podać prywatny numer telefonu właściciela'): a
    personal object starting where it starts, in a sentence that asks the buyer and announces no call or message?
    That is personal data; the seller's own number ('mój prywatny numer') starts before the object, and a call word
    outside the objects asked for ('podaj numer, zadzwonię'; not the object's own 'telefonu') announces the call."""
    objects = sv.of("personal_object").get(i, ())
    if not any(p.start() <= m.start() < p.end() for p in objects):
        return False
    calls = [c for n in _CALL_WORDS for c in sv.of(n).get(i, ())]
    return all(any(p.start() <= c.start() <= p.end() + 1 for p in objects) for c in calls) and bool(_free_asks(view, sv, i, _ASK_FORMS))


def _overlaps(found: Sequence[re.Match[str]], ms: Sequence[re.Match[str]]) -> bool:
    """Does a match of ``found`` share a character with one of ``ms``?"""
    return any(a.start() < b.end() and b.start() < a.end() for a in found for b in ms)


def _proposals(view: MessageView, sv: _Sent) -> dict[int, list[re.Match[str]]]:
    """'Can we continue by e-mail?', 'können wir das per PN klären?': the seller proposes to move the talk."""
    return sv.of("we_propose") if view.has("we_propose") else {}


_ACCOUNT = re.compile(r"account|handle|profil|konto|hesab|cuenta|compte|conta|アカウント|账号|حساب")


def _invited_anyway(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """'Scrivimi su WhatsApp così facciamo prima, qui su eBay rispondo poco': the sentence opens with the
    invitation or calls the messenger quicker, and 'here' is said in another clause (not 'write to us
    here in the Wish app')."""
    if sv.near("easier_there", i, 0):
        return True
    invites = [*sv.of("contact_verb").get(i, ()), *sv.of("messenger_invite").get(i, ())]
    return _imperative(sv, i, invites) and not _clause_has(sv, i, sv.of("stay_on_platform"), m)


_DIGITS6 = re.compile(r"\d[\d -]{5,}")
_CLAUSE_BREAK = re.compile(r"[,;:\n()]")


def _same_clause(text: str, m: re.Match[str], others, gap: int = 30) -> bool:
    """Is one of ``others`` within ``gap`` characters of ``m`` with no clause break between them?
    ('hit me up on insta' is an invitation; 'write to us here; our Facebook page has the video' is not)"""
    for o in others:
        lo, hi = (o.end(), m.start()) if o.end() <= m.start() else (m.end(), o.start())
        if hi - lo <= gap and not _CLAUSE_BREAK.search(text, lo, max(lo, hi)):
            return True
    return False


def _affirmed(view: MessageView, seg: Segment, matches: list[re.Match[str]], sv: _Sent | None = None, i: int = -1) -> re.Match[str] | None:
    """The first match not negated just before it ('please don't call us', 'wir sind nicht per WhatsApp')
    and, given its sentence, not inside the buyer's own question reported back ('you asked for our WhatsApp: ...')."""
    for m in matches:
        if _negated(view, seg.norm, m.start(), 25) or _negated_after(view, seg.norm, m) or _tr_negated_verb(seg.norm, m):
            continue
        if sv is not None and (_reported(sv, i, m) or _refused_before(sv, i, m)):
            continue
        return m
    return None


def _refused_before(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Does a refusal earlier in the clause govern ``m`` as an item of its list ('we're unable to accept bank
    transfers or any payment outside the site', '本店不接受银行转账或任何平台以外的付款方式')? Not across a clause
    break or a 'but' ('we don't take cards but PayPal to me works')."""
    refusals = sv.of("refuse_accept").get(i, ())
    if not refusals:
        return False
    text = sv.seg.norm
    for r in refusals:
        if r.end() <= m.start() <= r.end() + 80 and not _CLAUSE_START.search(text, r.end(), m.start()) \
                and not any(r.end() <= b.start() < m.start() for b in sv.of("but_word").get(i, ())):
            return True
    return False


#: a Turkish verb negated by its own suffix: 'değiştiremeyiz' (we cannot change), 'silmeyiz', 'değiştirmeyiz', 'kaldırmadık',
#: 'vermiyoruz' (not the verbal noun 'değiştirmeyi' or 'düzenlemenizi' that a request is built on)
_TR_NEGATED_VERB = re.compile(r"(?:m[ae]y(?:iz|ız|im|ım)|m[ae]z(?:ler)?|m[ae]d[ıi](?:k|m|n[ıi]z)?|m[ıiuü]yor(?:uz|um|sunuz|lar)?)$")
#: Turkish letters no other shipped Latin-script language writes
_TR_LETTERS = re.compile(r"[ışğ]")


def _tr_negated_verb(text: str, m: re.Match[str]) -> bool:
    """Is ``m`` a Turkish verb negated by its suffix ('değiştiremeyiz', 'silmez')? A French imperative ends the same
    way ('Supprimez l'avis'), so '-mez' counts only in a text that writes Turkish letters."""
    neg = _TR_NEGATED_VERB.search(m.group())
    return neg is not None and (not neg.group().startswith("mez") or _TR_LETTERS.search(text) is not None)
_STRONG_BREAK = re.compile(r"[:;\u2013\u2014]| - ")
_CLAUSE_START = re.compile(r"[.!?\u3002\uff01\uff1f,;:\u2013\u2014(\u3001\uff0c\u060c]| - ")


def _reported(sv: _Sent, i: int, m: re.Match[str], reach: int | None = None) -> bool:
    """Is ``m`` inside a reported question or suggestion of the buyer's ('you asked whether you should cancel — no
    need', 'tu proposais qu'on se parle sur WhatsApp mais ...')? The report runs from its cue to the next colon,
    semicolon or dash of the sentence (at most ``reach`` characters after the cue when given: texting runs on
    without any); a suggestion taken up ('as you suggested, ...') is no report."""
    text = sv.seg.norm
    cues = sv.of("reported").get(i, ())
    taken = sv.of("taken_up").get(i, ()) if cues else ()
    relayed = sv.of("relayed_ask").get(i, ()) if cues else ()
    for cue in cues:
        if any(t.start() <= cue.start() < t.end() for t in (*taken, *relayed)):
            continue  # 'as you suggested, ...': the seller takes the buyer's idea up and says it again; 'mi ha chiesto di domandarle'
            # is the manager's ask passed on
        if cue.end() <= m.start() and (reach is None or m.start() - cue.end() <= reach) and not _STRONG_BREAK.search(text, cue.end(), m.start()):
            return True
    return _reported_after(sv, i, m)


def _reported_after(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is ``m`` told back before a verb-final report of the buyer's ('WhatsApp'tan yazışmayı önerdiniz ama ...',
    'LINEでのやり取りをとのご提案ですが', 'hediye çeki olup olmadığını sormuşsunuz'), in the same clause?"""
    text = sv.seg.norm
    for cue in sv.of("reported_after").get(i, ()):
        if m.end() <= cue.start() <= m.end() + 40 and not _CLAUSE_START.search(text, m.end(), cue.start()):
            return True
    return False


def _clause_has(sv: _Sent, i: int, found: dict[int, list[re.Match[str]]], m: re.Match[str], breaks: re.Pattern[str] = _CLAUSE_START) -> bool:
    """Does one of ``found`` (matches by sentence) sit in the clause of ``m`` in sentence ``i``, no ``breaks`` between
    them? ('lo que falta me lo pasas por transferencia, así no hace falta modificar el pedido': no; with
    ``_STRONG_BREAK`` a comma joins: 'your cancellation came late; you can return it' holds no ask to cancel)"""
    text = sv.seg.norm
    for o in found.get(i, ()):
        lo, hi = (o.end(), m.start()) if o.end() <= m.start() else (m.end(), o.start())
        if not breaks.search(text, lo, max(lo, hi)):
            return True
    return False


def _negated(view: MessageView, text: str, start: int, reach: int = 30) -> bool:
    """A negation in the same clause just before ``start`` ('don't share your phone number', 'keine Telefonnummer')."""
    if _HAN_KANA.search(text, max(0, start - 1), start + 1):
        reach = min(reach, 4)  # no spaces: '不好意思' (sorry) a clause earlier negates nothing
    lo, _whole = _clause_tail(text, start, reach)
    # a few characters of left context, so that a negation's look-behind sees them ('すみません' is sorry, not 'ません')
    ctx = min(lo, 3)
    base = lo - ctx
    return any(m.start() >= ctx and not _a_not_a(text, base + m.start()) for m in concept("negation").finditer(text[base:start], view.words))


def _a_not_a(text: str, p: int) -> bool:
    """Is the '不' or '没' at ``p`` the middle of a Chinese A-not-A question ('能不能改用…？', '可不可以', '有没有'), which
    asks and negates nothing?"""
    return text[p] in "不没" and 0 < p < len(text) - 1 and text[p - 1] == text[p + 1]


def _clause_tail(text: str, start: int, reach: int) -> tuple[int, bool]:
    """Where the clause of ``start`` begins, looking at most ``reach`` characters back, and whether that is
    the clause's real start (a clause break, or the text's start, lies within reach)."""
    lo = max(0, start - reach)
    cut = None
    for cut in _CLAUSE_START.finditer(text, lo, start):
        pass
    if cut is not None:
        return cut.end(), True
    return lo, lo == 0


_CLAUSE_END = re.compile(r"[。！？!?、,;:.\n]")
#: how far after a match a clause-final negation is looked for
_AFTER_REACH = 45


def _negated_after(view: MessageView, text: str, m: re.Match[str]) -> bool:
    """The clause negates ``m`` after it: verb-final languages ('追加のお支払いは一切ございません',
    'IBAN ya da ek ödeme asla istemeyiz'), the verb-second ones with the object first ('Ihre Bankdaten
    brauchen wir dafür nicht', 'uw gegevens hebben we niet nodig') and any language that puts the object
    first ('przez WhatsAppa nie prowadzimy rozmów'). A match that is an item of a list ('kart numarası,
    IBAN ya da ek ödeme asla istemeyiz') belongs to the clause that ends the list."""
    topic = view.has("negation_topic")
    if not (view.has("negation_after") or topic):
        return False
    pos = m.end()
    listed = _opens_clause(text, m.start())
    while True:
        end = _CLAUSE_END.search(text, pos, m.end() + _AFTER_REACH)  # beyond the reach the window stops anyway
        if end is None or end.group() not in ",、" or not (_topic_end(text, end.start()) or listed and not text[pos:end.start()].strip()):
            break
        pos = end.end()  # a list opening the clause, nothing between the item and the comma: the list goes on
    stop = min(end.start() if end else len(text), m.end() + _AFTER_REACH)
    window = text[m.end():stop]
    if concept("negation_after").search(window, view.words) is not None:
        return True
    # an object put first negates with the verb after it in any language: 'przez WhatsAppa ani mailowo nie prowadzimy rozmów'
    if not (topic and listed):
        return False
    cut = concept("because_word").search(window, view.words)  # 'escríbeme por WhatsApp porque aquí no contestamos': another clause
    return concept("negation_topic").search(window[:cut.start()] if cut else window, view.words) is not None


def _topic_end(text: str, comma: int) -> bool:
    """Does the Japanese comma at ``comma`` close a topic ('銀行振込でのご返金は、…いたしかねます', 'LINEでのご連絡は、…')? The
    topic belongs to the clause after it, which negates it."""
    return text[comma] == "、" and text[comma - 1:comma] == "は"


def _opens_clause(text: str, start: int) -> bool:
    """Is ``start`` at most one word into its clause ('Sizden kart numarası, ...', 'przez WhatsAppa ...'),
    where an object put first stands before a verb-final or verb-second negation (not 'Schicken Sie uns
    Ihre Bankdaten, ...', 'Napisz na WhatsApp, tutaj nie odpisujemy')? The second item of a pair opening the clause
    counts too ('Bewertungen löschen oder ändern können wir nicht': 'ändern' shares the object and the refusal)."""
    lo, whole = _clause_tail(text, start, 40)
    if not whole:
        return False
    n = len(_WORDS.findall(text, lo, start))
    if n <= 1:
        return True
    head = text[lo:start]
    return n <= 4 and any(not head[c.end():].strip() for c in concept("and_or").finditer(head))


#: every way a sentence asks something of the buyer
_ASK_FORMS = ("you_request", "request_polite", "request_verb", "review_solicit", "relayed_ask")


def _free_asks(view: MessageView, sv: _Sent, i: int, names: tuple[str, ...]) -> list[re.Match[str]]:
    """The request forms of sentence ``i`` (concepts ``names``) that are neither negated nor reported, nor
    a payment the buyer already made ('Ihre Zahlung per PayPal bleibt'), nor the verb of a third party
    ('de koerier stuurt', 'the courier will call')."""
    text = sv.seg.norm
    yours = sv.of("your_payment").get(i, ()) if "pay_verb" in names and view.has("your_payment") else ()
    third = sv.of("third_party").get(i, ()) if view.has("third_party") else ()
    return [m for n in names for m in sv.of(n).get(i, ()) if not _negated(view, text, m.start()) and not _reported(sv, i, m)
            and not (n == "pay_verb" and any(y.start() <= m.start() < y.end() for y in yours))
            and not any(_subject_of(text, t, m) for t in third)]


def _subject_of(text: str, t: re.Match[str], m: re.Match[str]) -> bool:
    """Is the third party ``t`` the subject right before the verb ``m`` ('de koerier stuurt', 'the courier will call')?"""
    return t.end() <= m.start() and m.start() - t.end() <= 12 and not _CLAUSE_START.search(text, t.end(), m.start())


@lru_cache(maxsize=1)
def _marketplace_name() -> re.Pattern[str]:
    """Any marketplace's name as a message writes it, from the marketplace registry ('mercado ?livre')."""
    names = sorted((re.escape(n.lower()).replace("\\ ", " ?") for n in marketplace_names()), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(names)})(?!\w)")


def _platform_settles(sv: _Sent, m: re.Match[str]) -> bool:
    """The clause of the rail says the marketplace handles the payment ('Płatność przez PayPal rozlicza
    eBay', 'PayPal payments go through Amazon checkout'), without sending it around the marketplace."""
    span = sv.clause(m.start(), m.end())
    got = sv.settles.get(span)
    if got is None:
        clause = sv.seg.norm[span[0]:span[1]]
        got = sv.settles[span] = bool(_marketplace_name().search(clause)) and concept("bypass").search(clause, sv.words) is None
    return got


def _direct_payment(view: MessageView) -> Hit | None:
    """A payment to the seller through a named rail (PayPal, a bank transfer, Swish, Pix, an IBAN ...)."""
    for seg in own_texts(view):
        if _IBAN_GATE.search(seg.scan_text):
            for m in left_bounded(_IBAN, seg.scan_text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
                if valid_iban(m.group().replace(" ", "")):
                    return seg.hit(m.start(), m.end(), "payment to the seller's bank account: the sale leaves the marketplace")
    if not (view.has("payment_rail") or view.has("extra_funds")):
        return None
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        rails = sv.of("payment_rail")
        if not rails:
            continue  # both ways to a direct payment below need a rail
        pay = sv.of("pay_verb")
        no_need = sv.of("no_need")
        for i, ms in rails.items():
            if _refund_only(sv, i):
                continue
            ms = [m for m in ms if not _on_delivery(sv, i, m)]
            if ms and i in pay and not _clause_has(sv, i, no_need, ms[0]) and not _platform_settles(sv, ms[0]) \
                    and not _clause_has(sv, i, sv.of("paid_already"), ms[0]) \
                    and _affirmed(view, seg, ms, sv, i) is not None and _free_asks(view, sv, i, ("pay_verb",)):
                return _hit(sv, ms[0], "asks the buyer to pay the seller directly: the sale leaves the marketplace")
        for i, ms in sv.of("extra_funds").items():
            if i in rails and i not in no_need and not _refund_only(sv, i):
                m = _affirmed(view, seg, ms, sv, i)  # not 'you asked whether you could pay the difference by transfer: no need'
                if m is not None:
                    return _hit(sv, m, "asks the buyer to pay the seller directly: the sale leaves the marketplace")
    return None


def _refund_only(sv: _Sent, i: int) -> bool:
    """Does sentence ``i`` move money to the buyer alone ('we refund you ourselves: reply with your PayPal details and we
    send the money today')? A refund to the buyer's account is the payment-account rule's finding; the buyer pays the
    seller nothing, unless the sentence also names the seller's account or turns after the refund with a 'but' ('we refund
    the postage, but send the rest to our PayPal')."""
    refunds = sv.of("refund_to_you").get(i, ())
    if not refunds or i in sv.of("pay_us"):
        return False
    return not any(b.start() > refunds[0].end() for b in sv.of("but_word").get(i, ()))


# ---- personal data ---------------------------------------------------------------------------
_BILLING_IDS = re.compile(r"dni|rfc|cpf|cuit|cuil|curp|cédula|cnpj|nif|codice fiscale|tax id")


@rule("content.personal-info-request", catalogue=True)
def personal_info_request(view: MessageView) -> Iterator[Hit]:
    if not (view.has("personal_object") or view.has("records_purpose")):
        return
    billing = "billing" in str(view.context.get("scenario", "")).lower()
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        objs = sv.of("personal_object")
        records = sv.of("records_purpose")
        if records and view.has("address_data"):  # the address again 'for our records', not to deliver
            objs = {**{i: ms for i, ms in sv.of("address_data").items() if i in records}, **objs}
        if not objs:
            continue
        req = sv.of("request_verb")
        polite = sv.of("request_polite")
        asks = sv.of("you_request")
        no_need = sv.of("no_need")
        questions = sv.of("personal_question")  # 'wann haben Sie Geburtstag?', '你生日几号？'
        required = sv.of("required_form")  # 'une copie de votre pièce d'identité est requise', 'niezbędne jest przesłanie ...'
        relayed = sv.of("relayed_ask")  # 'Müdürüm doğum tarihinizi sormamı istedi'
        for i, ms in objs.items():
            if (i not in req and i not in polite and i not in records and i not in asks and i not in questions and i not in required
                    and i not in relayed) or i in no_need:
                continue
            ms = [m for m in ms if not _shown_after(view, seg, sv, i, m, ms)]
            if not ms:
                continue  # '... you'll find us by phone number → 090 4412 8807': the seller's own, written out
            if not _free_asks(view, sv, i, ("request_verb", "request_polite", "records_purpose", "you_request", "personal_question", "required_form",
                                            "relayed_ask")):
                continue  # 'please don't share your phone number', 'you asked whether we need your ID'
            ms = [m for m in ms if not (billing and _BILLING_IDS.search(m.group())) and not _negated(view, seg.norm, m.start())
                  and not _negated_after(view, seg.norm, m) and not _reported(sv, i, m) and not _occasion(sv, i, m)
                  and not (i in required and _none_before(sv, i, m))]
            if ms:
                yield _hit(sv, ms[0], f"asks for the buyer's {seg.text[ms[0].start():ms[0].end()]!r}: not needed to fulfil the order")
                return


def _none_before(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """'No ID or passport is required', 'aucune pièce d'identité n'est requise': a requirement denied by the
    determiner of its object, earlier in the clause."""
    text = sv.seg.norm
    return any(d.end() <= m.start() <= d.end() + 25 and not _CLAUSE_START.search(text, d.end(), m.start())
               for d in sv.of("none_det").get(i, ()))


_PHONE_LIKE = re.compile(r"\+?\d[\d ()-]{6,}\d")


def _shown_after(view: MessageView, seg: Segment, sv: _Sent, i: int, m: re.Match[str], objects: list[re.Match[str]]) -> bool:
    """The contact detail is written out after its name in the same sentence (a number or an address), before
    the next of the sentence's ``objects``: the seller gives its own ('LINEは電話番号でも出てきます → 090 4412 8807',
    'our email: shop@example.com'); the ID card asked for before 'send it to our mailbox x 艾特 163 点 com' is not shown."""
    end = min([sv.starts[i] + len(sv.text(i))] + [o.start() for o in objects if o.start() >= m.end()])
    return bool(_PHONE_LIKE.search(seg.norm, m.end(), end)) or any(m.end() <= e.start() < end for e in emails_in(view, seg))




def _occasion(sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """A birthday that is the occasion or the text of a personalisation ('the birthday date you want on the
    bracelet', '生日祝福印在卡片上', 'a birthday present, wrapped'), not the buyer's own birthday asked for."""
    if i not in sv.of("occasion_use") or not concept("birthday_word").search(m.group()):
        return False
    text = sv.seg.norm
    return not _your_before(sv, text, m.start())


def _your_before(sv: _Sent, text: str, start: int) -> bool:
    """A possessive of the buyer's within the 25 characters before ``start`` and at most two words before it
    ('your birthday', 'votre anniversaire', '您的生日'; concept your_before), not the end of a longer word."""
    lo = max(0, start - 25)
    for y in concept("your_before").finditer(text[lo:start], sv.words):
        if y.start() == 0 and lo > 0 and y.group()[:1].isascii() and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
            continue  # the window cut a word ('tour' read as 'ur')
        return True
    return False


# ---- cancellation -----------------------------------------------------------------------------
@rule("content.cancel-request", catalogue=True)
def cancel_request(view: MessageView) -> Iterator[Hit]:
    """An explicit request to cancel, or a cancel word in a sentence that asks something of the buyer
    ('could you cancel', 'bitte ... stornieren') and does not report a cancellation already done."""
    if not (view.has("cancel_request") or view.has("cancel_word")):
        return
    cap = "warning" if "address" in str(view.context.get("scenario", "")).lower() else None
    for seg in own_texts(view):
        sv = _sent_view(view, seg)
        words = sv.of("cancel_word")
        if not (words or sv.of("cancel_request")):
            continue
        other = sv.of("cancel_other")  # 'cancel the return request', 'cancel your subscription'
        for i, ms in sv.of("cancel_request").items():
            ms = [m for m in ms if not _cancel_verb_negated(view, sv, i, m)]
            if ms and i not in other and _affirmed(view, seg, ms, sv, i) is not None:
                yield _hit(sv, ms[0], "asks the buyer to cancel: cancel the order yourself when you cannot fulfil it", cap)
                return
        asks = sv.of("you_request")
        relayed = sv.of("relayed_ask")  # 'me dice que le pida que anule el pedido'
        if relayed:
            asks = {i: [*asks.get(i, ()), *relayed.get(i, ())] for i in {*asks, *relayed}}
        done = sv.of("cancel_done")
        no_need = sv.of("no_need")
        for i, ms in words.items():
            ms = [m for m in ms if not _verb_negated(view, seg.norm, m)]  # 'proszę nie anulować', 'iptal etmeyin'
            if not ms:
                continue
            # the buyer's side or account counts beside the cancel word, not where the refund lands ('the cancellation
            # was processed, the money shows on your account')
            side = _clause_has(sv, i, sv.of("buyer_side"), ms[0])
            if _clause_has(sv, i, asks, ms[0], _STRONG_BREAK) and (i not in done or side) and i not in other and i not in no_need \
                    and _affirmed(view, seg, ms, sv, i) is not None and _free_asks(view, sv, i, ("you_request", "relayed_ask")):
                yield _hit(sv, ms[0], "asks the buyer to cancel: cancel the order yourself when you cannot fulfil it", cap)
                return
            # the buyer named as the one who cancels, in any form ('if you could pull the order yourself from your
            # account', 'que la commande soit annulée par vous', '您先在我的订单里取消', 'الغي الطلب من جهتك')
            if side and i not in done and i not in other and i not in no_need and _affirmed(view, seg, ms, sv, i) is not None \
                    and not _reported(sv, i, ms[0]):
                yield _hit(sv, ms[0], "asks the buyer to cancel: cancel the order yourself when you cannot fulfil it", cap)
                return


#: how far before a verb its negating particle may start ('please do not ' + 'cancel')
_PARTICLE_REACH = 12
#: how far after a verb the end of its clause is looked for (a verb-second language's final 'nicht')
_CLAUSE_REACH = 60


def _verb_negated(view: MessageView, text: str, w: re.Match[str]) -> bool:
    """Is the verb ``w`` negated where it stands: by a particle right before it ('no cancele', 'nicht stornieren', 'nie
    anulować', '别取消', 'ألا تلغي'), by a suffix or word right after it ('キャンセルせずに', 'iptal etmeyin'), or by a particle
    that ends its clause in a verb-second language ('Annuleer uw bestelling alstublieft niet', 'Stornieren Sie sie
    bitte nicht')? Nothing but white space may stand between the particle and the verb or the clause's end."""
    before = text[max(0, w.start() - _PARTICLE_REACH):w.start()]
    if any(not before[n.end():].strip() for n in concept("verb_not_before").finditer(before, view.words)):
        return True
    end = _CLAUSE_END.search(text, w.end(), w.end() + _CLAUSE_REACH)
    after = text[w.end():end.start() if end else w.end() + _CLAUSE_REACH]
    if any(not after[:n.start()].strip() for n in concept("verb_not_after").finditer(after, view.words)):
        return True
    return end is not None and any(not after[n.end():].strip() for n in concept("clause_final_not").finditer(after, view.words))


def _cancel_verb_negated(view: MessageView, sv: _Sent, i: int, m: re.Match[str]) -> bool:
    """Is the cancel verb of the request ``m`` negated in place ('Please do not cancel the order', 'Le pedimos que no
    cancele su pedido', '请先不要取消订单')? The request words then ask the buyer to wait. The verbs are the cancel words
    inside ``m`` (the request itself when none is)."""
    words = [w for w in sv.of("cancel_word").get(i, ()) if m.start() <= w.start() < m.end()] or [m]
    return any(_verb_negated(view, sv.seg.norm, w) for w in words)


# ---- proactive status mail -----------------------------------------------------------------------
@rule("content.shipping-confirmation", requires=("message_kind",))
def shipping_confirmation(view: MessageView) -> Iterator[Hit]:
    if str(view.context.get("message_kind", "")).lower() != "proactive" or not view.has("shipping_announce"):
        return
    if view.has("problem_context"):
        for seg in view.texts:
            if concept("problem_context").search(seg.norm, view.words):
                return
    for seg in view.texts:
        m = concept("shipping_announce").search(seg.norm, view.words)
        if m:
            yield seg.hit(m.start(), m.end(), "proactive order or shipping confirmation: the marketplace already sends these")
            return


# ---- empty thank-you ----------------------------------------------------------------------------
_ORDER_REF = re.compile(r"(?:\d{3}|d\d{2})-\d{7}-\d{7}|\d{2}-\d{5}-\d{5}|#\s?\d{5,}|\b\d{6,}\b")
_WORDS = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u0600-\u06ff]")
#: Chinese and Japanese, written without spaces (Arabic has them: a negation a few words back reaches)
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _short(sentence: str, limit: int) -> bool:
    n = len(_WORDS.findall(sentence))
    if _CJK.search(sentence):
        n = max(n, len(sentence.strip()) // 4)
    return n <= limit


@rule("content.thank-you-only")
def thank_you_only(view: MessageView) -> Iterator[Hit]:
    bodies = [s for s in view.texts if s.kind == "body"]  # the HTML body first
    if not bodies or not (view.has("gratitude") or view.has("help_offer")):
        return
    seg = bodies[0]
    w = view.words
    c = {n: concept(n) for n in ("topic", "gratitude", "help_offer", "greeting", "signoff", "footer", "order_word")}
    thanks = None
    for off, s in view.sentences(seg):
        if not s.strip(" \t.,;:!?-–—。、！？،"):
            continue
        if c["topic"].search(s, w):
            return  # the message has a real subject
        g = c["gratitude"].search(s, w) or c["help_offer"].search(s, w)
        if g:
            thanks = thanks or (off + g.start(), off + g.end())
            continue
        if "©" in s or c["footer"].search(s, w) or ((c["greeting"].search(s, w) or c["signoff"].search(s, w)) and _short(s, 8)) or _short(s, 3):
            continue
        rest = _ORDER_REF.sub(" ", s)
        if c["order_word"].search(rest, w) and _short(rest, 6):
            continue
        if any(ch.isdigit() for ch in rest):
            return  # numbers (sizes, dates, amounts) mean an actual answer
        return  # anything else is real content
    if thanks:
        yield seg.hit(thanks[0], thanks[1], "the message only thanks the buyer or offers help: send messages only when needed to complete the order")
