"""Rules on what the text says that do not depend on marketplace vocabulary: emoji, pictographs,
e-mail addresses, phone numbers, unrendered placeholders, disrespect and spelling."""
from __future__ import annotations

import re
from typing import Iterator

from .emoji import scan
from .language import identify
from .lexicon import concept, scorn_in, scorn_stems
from .phone import cue_spans, find_phones, find_spelled_phones, regions_of
from .registry import Hit, rule
from .spelled import may_hold_number_words
from .textutil import Twin, lower
from .urls import host_of, known_tld, shortener
from .view import MessageView, Segment

# ---- emoji ----------------------------------------------------------------------------------
_EMOJI_IMG = re.compile(r"(?i)twemoji|/emoji/|emojione|s\.w\.org/images/core/emoji|fonts\.gstatic\.com/s/e/notoemoji")


def _scan(view: MessageView, seg: Segment):
    return view.once(seg, "emoji", lambda s: scan(s.scan_text))  # emoji and pictographs in one pass


@rule("content.emoji", catalogue=True)
def emoji(view: MessageView) -> Iterator[Hit]:
    for seg in view.all_texts:
        for m in _scan(view, seg)[0]:
            yield seg.hit(m.start(), m.end(), f"emoji {m.group()!r} (U+{ord(m.group()[0]):04X}): remove it")
            break
    hv = view.html
    if hv is not None:
        for img in hv.images:
            if img.kind == "img" and ("emoji" in img.classes.lower() or _EMOJI_IMG.search(img.src)):
                yield Hit("html", img.line, "emoji image (Twemoji or similar)", img.src[:80])
                break


@rule("content.pictograph", catalogue=True)
def pictograph(view: MessageView) -> Iterator[Hit]:
    for seg in view.all_texts:
        for m in _scan(view, seg)[1]:
            yield seg.hit(m.start(), m.end(), f"pictograph {m.group()!r} (U+{ord(m.group()):04X}) often renders as a colour emoji")
            break


# ---- e-mail ----------------------------------------------------------------------------------
# linear on untrusted text: a local part starts only where a run of its characters starts
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
_AT_WORDS = "at|ät|arroba|chez|arobase|chiocciola|małpa|malpa|snabel-a|apenstaartje|klammeraffe|アットマーク"
_DOT_WORDS = "dot|punkt|punto|point|punt|nokta|kropka|ponto|ドット|点"
# Japanese and Chinese write the words next to the address without spaces ('kagu.yamaneアットgmailドットcom')
_AT_CJK = "アットマーク|アット|あっと|艾特|＠"
_DOT_CJK = "ドット|どっと|点|點"
_OPEN, _CLOSE = r"[\[({<]", r"[\]})>]"
# local part, an 'at' (bracketed word, spaced word, CJK word, or '@'), domain, a 'dot', top-level domain. Linear on
# untrusted text: the domain (letters, digits, '-'; no CJK character, which is a 'dot' word's) is taken whole and the
# top-level domain too, so each start of a local part is tried against each 'at' once
_EMAIL_OBF = re.compile(
    rf"(?<![\w.+-])[\w.+-]+(?:\s*{_OPEN}\s*(?:{_AT_WORDS})\s*{_CLOSE}\s*|\s+(?:{_AT_WORDS})\s+|\s*(?:{_AT_CJK})\s*|\s*@\s*)"
    r"(?P<domain>(?:[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|-)++)"
    rf"(?:\s*\.\s*|\s*{_OPEN}\s*(?:{_DOT_WORDS})\s*{_CLOSE}\s*|\s+(?:{_DOT_WORDS})\s+|\s*(?:{_DOT_CJK})\s*)[a-z]{{2,}}+(?![0-9_-])"
)
_OBF_MARKS = ("[at]", "(at)", "[ at ]", "( at )", "(ät)", "[ät]", " arroba ", "(arroba)", "アットマーク", "＠", "(chez)", " dot ", "(dot)",
              "[dot]", " punto ", " punkt ", "[nokta]", "(nokta)", " nokta ", "[kropka]", "(kropka)", " kropka ", "[ponto]", "(ponto)",
              " ponto ", " arobase ", " chez ", " point ", " chiocciola ", " małpa ", " malpa ", " snabel-a ", " apenstaartje ", " klammeraffe ", " @", "@ ",
              "(punkt)", "[punkt]", "(punto)", "[punto]", "(point)", "[point]", " punt ", "{at}", "<at>", "{ at }", "< at >", "{dot}", "<dot>",
              "アット", "あっと", "艾特", "ドット", "どっと", "点", "點")


_TLD_END = re.compile(r"[a-z]+$")
_OBF_GATE = re.compile("|".join(re.escape(k) for k in sorted(_OBF_MARKS, key=len, reverse=True)))


def email_matches(text: str) -> Iterator[re.Match[str]]:
    """E-mail addresses, written plainly or disguised ('shop [at] gmail [dot] com', 'shop @ gmail . com')."""
    spans: list[tuple[int, int]] = []
    if "@" in text:
        for m in _EMAIL.finditer(text):
            spans.append(m.span())
            yield m
    low = lower(text)
    if _OBF_GATE.search(low):
        pos = 0
        while (m := _EMAIL_OBF.search(low, pos)) is not None:
            # a disguised address ends in a real top-level domain: 'op @shop_nl. Groetjes' is a handle and the next
            # sentence; 'pics at dan.reyes at gmail dot com' is tried again from 'dan'
            if not known_tld(_TLD_END.search(m.group()).group()):
                pos = m.start("domain")
                continue
            pos = m.end()
            if not any(a < m.end() and m.start() < b for a, b in spans):
                yield m


def emails_in(view: MessageView, seg: Segment) -> list[re.Match[str]]:
    """:func:`email_matches` of the segment, found once for the e-mail and off-platform rules."""
    return view.once(seg, "emails", lambda s: list(email_matches(s.norm)))


@rule("content.email-address", catalogue=True)
def email_address(view: MessageView) -> Iterator[Hit]:
    for seg in view.all_texts:
        for m in emails_in(view, seg):
            yield seg.hit(m.start(), m.end(), "e-mail address in the message: buyers are contacted through the marketplace only")
            break
    hv = view.html
    if hv is not None:
        for link in hv.links:
            if link.href.lower().startswith("mailto:"):
                yield Hit("html", link.line, "mailto: link", link.href[:80])
                break


# ---- phone ---------------------------------------------------------------------------------
def _part_of_address(view: MessageView, seg: Segment, s: int, e: int) -> bool:
    """The digits at ``s:e`` belong to an e-mail address (a QQ mailbox '2847361950@qq.com': the
    e-mail rule judges it) or to a link to an allow-listed page (a carrier's tracking URL carries the
    tracking number): not a number to dial. Other links keep theirs ('https://wa.me/4917…')."""
    if any(m.start() <= s and e <= m.end() for m in emails_in(view, seg)):
        return True
    for u in view.text_urls(seg):
        if u.start <= s and e <= u.end:
            h = host_of(u.url) if u.kind != "bare" else host_of("https://" + u.url.split("/")[0])
            return h is not None and view.allow.allows(h) and shortener(h) is None
    return False


def phones_in(view: MessageView, seg: Segment) -> list[tuple[int, int, str | None]]:
    """(start, end, cap) of the telephone numbers in the segment (not those inside an e-mail address or an
    allowed link), found once for the phone-number and off-platform rules."""
    return view.once(seg, "phones", lambda s: _phones(view, s))


def _phones(view: MessageView, seg: Segment) -> list[tuple[int, int, str | None]]:
    regions = regions_of(view.context, view.profile.data.get("home_region"))

    def cues() -> list[tuple[int, int]]:
        if seg.heard != seg.norm:  # a line or words quoting the buyer ('> te dejo mi cel 11 5823-4471 por WhatsApp') holds numbers too
            return cue_spans(seg.norm, view.words)
        return cue_spans(seg.norm, found=lambda name: view.matches(seg, name))  # the segment's matches, found once

    runs = view.digit_runs(seg)
    found = [(s, e, cap) for s, e, cap in find_phones(seg.norm, regions, cues, runs)
             if not _part_of_address(view, seg, s, e)] if runs else []
    if not found and may_hold_number_words(view.words.words, seg.norm) and (view.has("phone_cue") or view.has("messenger")):
        found = list(find_spelled_phones(seg.norm, regions, cues))  # 'zero six 12 48 93 07', 'sıfır beş yüz otuz iki ...'
    return found


@rule("content.phone-number", catalogue=True)
def phone_number(view: MessageView) -> Iterator[Hit]:
    for seg in view.texts:
        for s, e, cap in phones_in(view, seg):
            msg = "telephone number in the message"
            if cap:
                msg += " (carrier, warranty or manufacturer line: tolerated, check it is not the seller's own)"
            yield seg.hit(s, e, msg, cap)
            break
    hv = view.html
    if hv is not None:
        for link in hv.links:
            if link.href.lower().startswith(("tel:", "sms:", "callto:")):
                yield Hit("html", link.line, "tel: link", link.href[:80])
                break


# ---- placeholders --------------------------------------------------------------------------
# linear on untrusted text: a block's inside stops at the next opener or closer ("{{" * 200000: one pass)
_PLACEHOLDER = re.compile(
    r"\{\{(?:(?!\{\{|\}\}).)*+\}\}|\{%(?:(?!\{%|%\}).)*+%\}|\{#(?:(?!\{#|#\}).)*+#\}|\$\{[^{}\n]++\}|(?<![\w{$])\{[A-Za-z_][\w.]*\}(?!\})|%[A-Z_]{3,}%|\[\[[^\[\]\n]++\]\]"
    r"|<%=?(?:(?!<%|%>).)*+%>|%\([A-Za-z_]\w*\)[sdif]|[○〇●◯]{2}\s?様|(?<![\w-])X{3,}(?![\w-])"
    r"|\[(?:FIRST[ _]?NAME|LAST[ _]?NAME|NAME|BUYER(?:[ _]?NAME)?|CUSTOMER(?:[ _]?NAME)?|ORDER(?:[ _]?(?:ID|NUMBER|NO))?"
    r"|TRACKING(?:[ _]?(?:NUMBER|ID|LINK|URL))?|PRODUCT(?:[ _]?NAME)?|SELLER(?:[ _]?NAME)?|SHOP(?:[ _]?NAME)?|DATE)\]",
    re.S,
)


# every alternative of _PLACEHOLDER starts with one of these characters
_PLACEHOLDER_START = re.compile(r"[{$%\[<○〇●◯X]")


def _placeholders(text: str) -> Iterator[re.Match[str]]:
    """``_PLACEHOLDER.finditer(text)``, trying the pattern only where a placeholder can start: its
    alternatives share no first character, so ``re`` would otherwise try all of them at every position."""
    find, match = _PLACEHOLDER_START.search, _PLACEHOLDER.match
    pos = 0
    while True:
        c = find(text, pos)
        if c is None:
            return
        m = match(text, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.start() + 1


def _inside(values: list[str], text: str, start: int, end: int) -> bool:
    """True when [start, end) lies inside an occurrence of a buyer-provided value."""
    for v in values:
        if not v:
            continue
        i = text.find(v)
        while i >= 0:
            if i <= start and end <= i + len(v):
                return True
            i = text.find(v, i + 1)
    return False


def buyer_values(view: MessageView) -> list[str]:
    """Context ``buyer_values``: strings that came from the buyer or the order (name, product title):
    not the seller's words, so placeholder, disrespect and spelling rules do not judge them."""
    vals = view.context.get("buyer_values") or []
    return [str(v) for v in vals if str(v).strip()]


@rule("content.template-placeholder")
def template_placeholder(view: MessageView) -> Iterator[Hit]:
    exempt = buyer_values(view)
    for seg in view.all_texts:
        t = seg.scan_text
        if not any(ch in t for ch in "{[%<$○〇●◯X"):
            continue
        for m in _placeholders(t):
            if exempt and _inside(exempt, t, m.start(), m.end()):
                continue
            yield seg.hit(m.start(), m.end(), f"unrendered template placeholder {m.group()[:40]!r}")
            break
    hv = view.html
    if hv is not None:
        for val, line in hv.attr_texts:
            if "{" in val or "%" in val or "[" in val:
                m = _PLACEHOLDER.search(val)
                if m and not (exempt and _inside(exempt, val, m.start(), m.end())):
                    yield Hit("html", line, f"unrendered placeholder in an attribute {m.group()[:40]!r}", val[:80])
                    break


# ---- disrespect ----------------------------------------------------------------------------
#: a passage in ASCII single quotes opens after no word character and closes before none, so the apostrophes of
#: "don't", "l'inscription" and "the buyers' orders" open or close nothing
_SINGLE_QUOTED = r"(?<![\w'])'(?=\w)[^'\n]{1,80}'(?![\w'])"
_QUOTED = re.compile(r"“[^”\n]{0,200}”|\"[^\"\n]{0,200}\"|«[^»\n]{0,200}»|„[^“”\n]{0,200}[“”]|「[^」\n]{0,200}」|『[^』\n]{0,200}』|‘[^’\n]{0,200}’|"
                     + _SINGLE_QUOTED)


def blank_quotes(text: str) -> str:
    """``text`` with quoted passages blanked to spaces (offsets kept): quoted words are someone else's or a name."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text) if any(q in text for q in "\"“«„「『‘'") else text


@rule("content.disrespect", catalogue=True)
def disrespect(view: MessageView) -> Iterator[Hit]:
    exempt = buyer_values(view)
    for seg in view.texts if view.has("disrespect") else ():
        text = blank_quotes(seg.said)
        heard: dict[int, tuple[str, float] | None] = {}  # a piece of the text -> its language, identified once
        own: dict[tuple[int, str], bool] = {}
        for m in concept("disrespect").finditer(text, view.words):
            if exempt and _inside([v.lower() for v in exempt], seg.norm, m.start(), m.end()):
                continue
            if _foreign_word(seg, m, heard, own) or _blame_lifted(view, text, m):
                continue
            yield seg.hit(m.start(), m.end(), f"disrespectful or abusive wording {seg.text[m.start():m.end()]!r}")
            return
    shouted = _shouted_obvious(view)
    if shouted is not None:
        yield shouted


#: the language around a match is clear from this many letters on, when identified with at least _SURE confidence
_MIN_LETTERS = 40
_SURE = 0.99
#: the text around a match is identified in pieces of three of these, the match in the middle one
_PIECE = 200
_LATIN_LETTER = re.compile(r"[a-zà-öø-ÿ\u0100-\u024f]")


def _foreign_word(seg: Segment, m: re.Match[str], heard: dict[int, tuple[str, float] | None],
                  own: dict[tuple[int, str], bool]) -> bool:
    """Is the Latin-script scorn match ``m`` the bare stem of another language's scorn words, in a passage clearly
    written in a shipped language whose own fragments do not make it scorn ('the cracked upper burr': 'burr-' makes
    Portuguese 'burro')? A whole scorn word of another language stays scorn ('ren bullshit' in Swedish), and so does an
    English one in any language: English swearing is borrowed everywhere ('wat een shit service'). The passage is the
    match's piece of text with one piece either side (a short sentence such as 'A replacement burr (part no.' is read
    with its neighbours); ``heard`` keeps each piece's language and ``own`` whether that language makes the word scorn
    there, each found once per piece, so hostile text stays linear."""
    langs = scorn_stems().get(m.group())
    if not langs or "en" in langs:
        return False
    b = m.start() // _PIECE
    lo = max(0, (b - 1) * _PIECE)
    passage = seg.norm[lo:(b + 2) * _PIECE]
    if b not in heard:
        heard[b] = identify(passage) if len(_LATIN_LETTER.findall(passage)) >= _MIN_LETTERS else None
    got = heard[b]
    if got is None or got[1] < _SURE or got[0] in langs:
        return False
    key = (b, m.group())  # a passage's own scorn word, looked up once per piece and word
    if key not in own:
        own[key] = scorn_in("disrespect", got[0], passage, m.start() - lo, m.end() - lo)
    return not own[key]


#: a word for fault or mistake inside a disrespect match: blame, which a negation lifts
_FAULT = re.compile(r"fault|schuld|fehler|faute|culpa|colpa|fout|\bfel\b|wina|hata|suç|kabahat|ミス|責任|せい|落ち度|错|失误|غلط|خطأ|خطؤ|ذنب")
_BREAK = re.compile(r"[,.;:!?\n\u3002\uff0c\u3001\uff01\uff1f\u060c]")
_LIFT_REACH = 14


def _blame_lifted(view: MessageView, text: str, m: re.Match[str]) -> bool:
    """'It's not your fault', 'no es culpa tuya', 'Sizin hatanız değil', '不是您的错', 'مو غلطتك': blame negated right before
    it or, in verb-final languages, right after it in its clause is lifted from the buyer, not put on them."""
    if not _FAULT.search(m.group()):
        return False
    lo = max(0, m.start() - _LIFT_REACH)
    breaks = list(_BREAK.finditer(text, lo, m.start()))
    if breaks:
        lo = breaks[-1].end()
    if concept("negation").search(text[lo:m.start()], view.words) is not None:
        return True
    if not view.has("negation_after"):
        return False
    end = _BREAK.search(text, m.end(), m.end() + _LIFT_REACH)
    return concept("negation_after").search(text[m.end():end.start() if end else m.end() + _LIFT_REACH], view.words) is not None


def _shouted_obvious(view: MessageView) -> Hit | None:
    """'As the listing CLEARLY says', 'wie KLAR UND DEUTLICH im Angebot steht': the obvious shouted at the buyer,
    a word for 'clearly' in capitals in a sentence that is not itself in capitals."""
    if not view.has("clearly_word"):
        return None
    for seg in view.texts:
        text = seg.text
        for m in concept("clearly_word").finditer(seg.said, view.words):
            word = text[m.start():m.end()]
            if len(word) < 4 or not word.isupper():
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if any(ch.islower() for ch in line):  # not a message or heading written in capitals throughout
                return seg.hit(m.start(), m.end(), f"the obvious shouted at the buyer {word!r}: disrespectful")
    return None


# ---- spelling -------------------------------------------------------------------------------
_DOUBLED_TWIN = Twin(r"\s(\w{2,}+)\s++\1(?!\w)")  # starts at whitespace: a word start; possessive, no backtracking
_DOUBLED = _DOUBLED_TWIN.uni
_LEGIT_DOUBLES = frozenset({"that", "had", "das", "die", "der", "sie", "nous", "vous", "que", "che", "dat", "is"})
_MISSPELT = {
    "recieve": "receive", "recieved": "received", "seperate": "separate", "seperately": "separately",
    "definately": "definitely", "occured": "occurred", "untill": "until", "accomodate": "accommodate",
    "tommorow": "tomorrow", "tomorow": "tomorrow", "sucessful": "successful", "succesful": "successful",
    "adresse's": "address", "wich": "which", "recieving": "receiving", "beleive": "believe",
    "inconvienence": "inconvenience", "inconvinience": "inconvenience", "garantee": "guarantee",
    "apologies's": "apologies", "dissapointed": "disappointed", "dissapoint": "disappoint", "refferal": "referral",
    "shippment": "shipment", "shiped": "shipped", "pakage": "package", "packege": "package", "delivey": "delivery",
    "availabe": "available", "immediatly": "immediately", "occurence": "occurrence", "responsibilty": "responsibility",
}
_MISSPELT_RE = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, _MISSPELT)) + r")(?!\w)")


@rule("content.spelling")
def spelling(view: MessageView) -> Iterator[Hit]:
    """Deterministic subset only: doubled words and well-known misspellings (no dictionary offline)."""
    exempt = [v.lower() for v in buyer_values(view)]
    misspelt = not view.words.words.isdisjoint(_MISSPELT)
    for seg in view.texts:
        t = " " + seg.norm
        for m in _DOUBLED_TWIN.on(t).finditer(t):
            w = m.group(1)
            if w in _LEGIT_DOUBLES or w.isdigit() or any(ch.isdigit() or ch == "_" for ch in w) or (exempt and _inside(exempt, t, m.start(), m.end())):
                continue
            yield seg.hit(m.start(1) - 1, m.end() - 1, f"doubled word {w!r}")
            break
        if not misspelt:
            continue
        t = seg.norm
        m = _MISSPELT_RE.search(t)
        if m and not (exempt and _inside(exempt, t, m.start(), m.end())):
            yield seg.hit(m.start(), m.end(), f"misspelling {m.group()!r}: {_MISSPELT[m.group()]!r}")
