"""MessageView: one message parsed once, with lazily computed views that rules share.

Rules never parse anything themselves. They read the message's text through two accessors --
:attr:`MessageView.texts` (subject, visible HTML body, what only the plain-text body says) and
:attr:`MessageView.all_texts` (the same plus image alt and title texts) -- each a list of
:class:`Segment` with its normalised copy; per segment the view finds sentences, concept matches,
URLs and the like once (:meth:`MessageView.once`), whichever rules ask. The HTML view and the
detected language are there too. Each is computed on first use and cached, so a rule that is off for
a marketplace costs nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Mapping

from .html_view import HtmlView
from .lexicon import Words, concept, concepts_need_ink, scan
from .model import Message
from .profiles import Profile
from .registry import Hit
from .textutil import REPLY_SUBJECT, blank_quoted_lines, digit_runs, excerpt, line_of, normalise, sentences
from .urls import AllowList, FoundUrl, find_urls


@dataclass(slots=True)
class Segment:
    """Visible text of one surface. ``norm`` has the same length as ``text`` (offsets shared)."""

    where: str  # subject | html | text
    text: str
    line_fn: Callable[[int], int | None]
    kind: str = "body"  # body | subject | alt
    judged: str | None = None  # text with passages already judged elsewhere blanked (same length)
    _norm: str | None = field(default=None, repr=False, compare=False)  # normalise(_norm_of), kept
    _norm_of: str | None = field(default=None, repr=False, compare=False)
    _said: str | None = field(default=None, repr=False, compare=False)  # blank_quoted_lines(_said_of)
    _said_of: str | None = field(default=None, repr=False, compare=False)
    _heard: str | None = field(default=None, repr=False, compare=False)  # blank_told(_heard_of)
    _heard_of: str | None = field(default=None, repr=False, compare=False)
    _found: dict[str, list[re.Match[str]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def norm(self) -> str:
        src = self.judged if self.judged is not None else self.text
        if self._norm_of is not src:  # rules ask ~25 times a message; judged may be set after creation
            self._norm = normalise(src)
            self._norm_of = src
        return self._norm  # type: ignore[return-value]

    @property
    def said(self) -> str:
        """:attr:`norm` with what quotes the buyer blanked (same length) -- lines like '> can I pay by
        PayPal?' and a reply's subject ('Re: ...') -- : what the seller says, which the concept model reads."""
        norm = self.norm
        if self._said_of is not norm:
            # a reply's subject is the buyer's: 'Sv: kan jag swisha?'
            self._said = " " * len(norm) if self.kind == "subject" and REPLY_SUBJECT.match(norm) else blank_quoted_lines(norm)
            self._said_of = norm
        return self._said  # type: ignore[return-value]

    @property
    def heard(self) -> str:
        """:attr:`said` less the buyer's words quoted inline ('You wrote: "Please cancel"', :func:`blank_told`), same
        length: what the concept phrases are matched on. (The concept model reads :attr:`said`, as it was trained.)"""
        said = self.said
        if self._heard_of is not said:
            self._heard = blank_told(said)
            self._heard_of = said
        return self._heard  # type: ignore[return-value]

    @property
    def scan_text(self) -> str:
        """Original characters of the passages still to judge (see ``judged``)."""
        return self.judged if self.judged is not None else self.text

    @property
    def blank(self) -> bool:
        """Nothing left to judge: every passage was judged elsewhere (``judged`` is only white space)."""
        return self.judged is not None and self.judged.isspace()

    def line(self, offset: int) -> int | None:
        return self.line_fn(offset)

    def concept_matches(self, name: str, words: Words) -> list[re.Match[str]]:
        """Every match of concept ``name`` in :attr:`heard` (quoted buyer lines and words left out), in order; one
        scan per concept, whichever rules ask (``words``: the message's, see :attr:`MessageView.words`)."""
        got = self._found.get(name)
        if got is None:
            # a concept with no pattern to run on this message's words matches nowhere: the segment's
            # copies (:attr:`heard`) are not even looked at (half the concepts the rules ask for)
            pats = concept(name).patterns(words)
            got = self._found[name] = scan(pats, self.heard) if pats else []
        return got

    def found_so_far(self) -> Mapping[str, list[re.Match[str]]]:
        """Concept name -> its matches, for the concepts some rule already asked for (:meth:`concept_matches`):
        what the learned second opinion reuses as topic cues without searching again. Read only."""
        return self._found

    def hit(self, start: int, end: int, message: str, cap: str | None = None) -> Hit:
        return Hit(self.where, self.line(start), message, excerpt(self.text, start, end), cap)


class MessageView:
    def __init__(self, message: Message, profile: Profile, *, catalogue: bool = False):
        self.message = message
        self.profile = profile
        self.context: Mapping[str, Any] = message.context or {}
        self.catalogue = catalogue  # a single msgstr, not a whole message
        self._memo: dict[tuple[str, int], Any] = {}  # see once(); segments live as long as the view

    # ---- surfaces ------------------------------------------------------------------------
    @cached_property
    def html(self) -> HtmlView | None:
        if not self.message.html or not self.message.html.strip():
            return None
        return HtmlView(self.message.html, self.profile.render_width)

    # ---- the two ways a rule reads the message's text ---------------------------------------
    @cached_property
    def texts(self) -> list[Segment]:
        """The text a reader sees, to scan for words, digits and symbols: the subject, the visible
        HTML body and the plain-text body -- the latter with the sentences the HTML body already shows
        blanked (:attr:`Segment.judged`), and left out when that leaves nothing.

        A rendered message's plain-text body usually repeats the HTML body sentence for sentence; no
        keyword, number or symbol pattern can match white space (:func:`~.lexicon.concepts_need_ink`
        checks that every lexicon fragment needs a visible character), so skipping it halves the scanning.
        """
        segs = self._segments
        if any(s.blank for s in segs) and concepts_need_ink():
            return [s for s in segs if not s.blank]
        return segs

    @cached_property
    def all_texts(self) -> list[Segment]:
        """:attr:`texts` and the alternative texts (alt, title) of the HTML body's images."""
        return self.texts + self._alts

    # ---- how they are made -----------------------------------------------------------------------
    @cached_property
    def _segments(self) -> list[Segment]:
        out: list[Segment] = []
        subj = self.message.subject or ""
        if subj.strip():
            out.append(Segment("subject", subj, lambda _o: None, "subject"))
        hv = self.html
        if hv is not None and hv.visible_text.strip():
            out.append(Segment("html", hv.visible_text, hv.line_at))
        text = self.message.text
        if text and text.strip():
            seg = Segment("text", text, lambda o, t=text: line_of(t, o))
            if hv is not None and hv.visible_text.strip():
                seg.judged = _blank_seen(text, hv.visible_text)
            out.append(seg)
        return out

    @cached_property
    def _alts(self) -> list[Segment]:
        hv = self.html
        if hv is None or not hv.alts:
            return []
        return [Segment("html", alt, lambda _o, ln=line: ln, "alt") for alt, line in hv.alts]

    @cached_property
    def words(self) -> Words:
        # a blank segment (see texts) adds no word and no script
        return Words("\n".join(s.norm for s in self._segments + self._alts if not s.blank))

    def has(self, name: str) -> bool:
        """Cheap necessary condition: could concept ``name`` match anywhere in the message?"""
        return concept(name).possible(self.words)

    def once(self, seg: Segment, what: str, compute: Callable[[Segment], Any]) -> Any:
        """``compute(seg)``, computed once per segment of this view: what several rules scan for
        (sentences, concept matches, e-mail addresses, ids, URLs) is found by one scan."""
        key = (what, id(seg))
        memo = self._memo
        got = memo.get(key, _MISSING)
        if got is _MISSING:
            got = memo[key] = compute(seg)
        return got

    def sentences(self, seg: Segment) -> list[tuple[int, str]]:
        return self.once(seg, "sentences", lambda s: sentences(s.norm))

    def digit_runs(self, seg: Segment) -> list[tuple[int, int]]:
        """Where numbers are written in the segment's normalised text (:func:`~.textutil.digit_runs`):
        found once, searched by the order-id and phone rules."""
        return self.once(seg, "digit-runs", lambda s: digit_runs(s.norm))

    def matches(self, seg: Segment, name: str) -> list[re.Match[str]]:
        """Every match of concept ``name`` in the segment's normalised text (:meth:`Segment.concept_matches`)."""
        return seg.concept_matches(name, self.words)

    # ---- links ---------------------------------------------------------------------------
    @cached_property
    def allow(self) -> AllowList:
        return self.profile.allow

    def text_urls(self, seg: Segment) -> list[FoundUrl]:
        return self.once(seg, "urls", lambda s: list(find_urls(s.scan_text)) if "." in s.scan_text else [])

    # ---- language ------------------------------------------------------------------------
    @cached_property
    def language_source(self) -> str:
        """The text language identification judges: the visible body (HTML first), else the subject."""
        bodies = [s for s in self._segments if s.kind == "body"]  # the HTML body comes first
        return bodies[0].text if bodies else (self.message.subject or "")

    @cached_property
    def language_sample(self) -> list[tuple[str, int]]:
        """(text block, weight) pairs for language identification."""
        from .language import blocks_for_language

        return blocks_for_language(self.language_source)


#: a passage in quotation marks, on one line ('»', '”' and '"' also open one: Swedish and plain typing)
_QUOTATION = re.compile(r'[«“"„「『‘”»‚]([^«»“”"„「」『』‘’\n]{1,300})[»”"“」』’‘«]')
_QUOTE_OPENERS = frozenset('«“"„「『‘”»‚')
#: what may stand between a cue and the quotation it introduces or ends ('You wrote: "…"', '「…」とのこと', '"…" diye')
_CUE_GAP = re.compile(r"[ \t]*[:：,，、]?[ \t]*")


def blank_told(text: str) -> str:
    """``text`` (same length) with the buyer's own words blanked where the seller quotes them in quotation
    marks right after a cue ('You wrote: "Please cancel, I found it cheaper."', '您写道：“能不能加微信？”',
    concept quote_cue) or right before one ('「キャンセルしてください」とのこと', '"İptal eder misiniz?" diye
    yazmışsınız', concept quote_cue_after): what the buyer asked asks nothing of the buyer."""
    if not any(q in text for q in _QUOTE_OPENERS):
        return text
    spans = []
    for cue in concept("quote_cue").finditer(text):
        q = _QUOTATION.match(text, _CUE_GAP.match(text, cue.end()).end())
        if q is not None:
            spans.append(q.span())
    after = {c.start() for c in concept("quote_cue_after").finditer(text)}  # a set: a megabyte of quotes and cues stays linear
    if after:
        for q in _QUOTATION.finditer(text):
            if _CUE_GAP.match(text, q.end()).end() in after:
                spans.append(q.span())
    if not spans:
        return text
    out = list(text)
    for lo, hi in spans:
        out[lo:hi] = " " * (hi - lo)
    return "".join(out)


_MISSING = object()
_WS = re.compile(r"\s+")
_NOT_EOL = re.compile(r"[^\r\n]")


def _key(sentence: str) -> str:
    return " ".join(sentence.split()).strip(" .!?。！？").lower()


def _blank_seen(text: str, html_text: str) -> str:
    """The plain-text body with sentences that the HTML body already shows blanked out.

    Rendered messages carry the same words twice (HTML and text alternative); content rules judge each
    sentence once, under ``html``. Whatever only the text body says (written-out URLs, a different
    wording) is still judged under ``text``. Same length, so offsets and line numbers stay true.
    """
    seen = {_key(s) for _o, s in sentences(html_text)}
    pieces: list[str] = []
    done = 0  # text[:done] is in pieces
    for off, sent in sentences(text):
        k = _key(sent)
        if k and k in seen:
            pieces.append(text[done:off])
            pieces.append(_NOT_EOL.sub(" ", sent) if ("\r" in sent or "\n" in sent) else " " * len(sent))
            done = off + len(sent)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)
