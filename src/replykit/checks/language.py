"""Language identification for the locale rules, offline, with py3langid (model ships in the wheel).

Short texts full of order ids and prices fool every detector, so before judging we strip URLs, e-mail
addresses, numbers, order ids and quoted buyer text, then judge paragraph by paragraph: a block needs
``MIN_LETTERS`` letters (CJK characters count double) or it is not judged, and a message is "in"
a language when that language holds at least ``min_share`` of the judged letters -- so a bilingual
EN/FR Canadian reply passes for both. Script shortcuts: kana -> ja, Hangul -> ko, Han only -> zh,
Arabic script -> ar, Hebrew -> he (the statistical model is only asked about Latin-script text).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import SHIPPED_LANGUAGES

MIN_LETTERS = 40
_STRIP = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Z0-9]*\d[A-Z0-9-]*\b|[«“„\"][^«»“”„\"\n]{0,400}[»”\"]"
)
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
_LETTER = re.compile(r"[^\W\d_]")
_CJK_ANY = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7af]")
_NON_LATIN = re.compile(r"[\u0590-\u08ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_BLOCK_SPLIT = re.compile(r"\n\s*\n|\n")

ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "fil": "tl", "zh-hant": "zh", "zh-hans": "zh"}


def base_language(locale: str) -> str:
    """'de-DE' / 'de_DE' / 'zh-Hant-TW' -> 'de' / 'zh'; aliases folded ('nb' -> 'no')."""
    tag = (locale or "").strip().replace("_", "-").lower()
    if not tag:
        return ""
    tag = tag.split(".")[0].split("@")[0]
    lang = tag.split("-")[0]
    return ALIASES.get(lang, lang)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return ident


@lru_cache(maxsize=16)
def _restricted(langs: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(ident.nb_classes)
    ident.set_languages([lang for lang in langs if lang in known])
    return ident


def blocks_for_language(text: str) -> list[tuple[str, int]]:
    """Cleaned blocks with their letter weight; a block too short to judge joins the next one."""
    out: list[tuple[str, int]] = []
    pending, pending_w = "", 0
    for raw in _BLOCK_SPLIT.split(text):
        cleaned = _STRIP.sub(" ", raw).strip() if raw.strip() else ""
        if not cleaned:
            continue
        w = _weight(cleaned)
        pending, pending_w = ((pending + " " + cleaned) if pending else cleaned), pending_w + w
        if pending_w >= MIN_LETTERS:
            out.append((pending, pending_w))
            pending, pending_w = "", 0
    if pending:
        if out:  # a short trailing line (sign-off) joins the previous judged block
            t, w = out[-1]
            out[-1] = (t + " " + pending, w + pending_w)
        elif pending_w >= MIN_LETTERS:
            out.append((pending, pending_w))
    return out


def _weight(text: str) -> int:
    letters = len(_LETTER.findall(text))
    if _CJK_ANY.search(text):
        letters += len(_CJK_ANY.findall(text))  # CJK characters count double: each carries a word
    return letters


def identify(text: str, candidates: tuple[str, ...] = SHIPPED_LANGUAGES) -> tuple[str, float]:
    """Language of one block: script shortcuts first, then py3langid restricted to ``candidates``."""
    if _NON_LATIN.search(text):
        letters = max(1, len(_LETTER.findall(text)))
        kana = len(_KANA.findall(text))
        han = len(_HAN.findall(text))
        if kana and (kana + han) / letters > 0.3:
            return "ja", 1.0
        if han / letters > 0.3:
            return "zh", 1.0
        if len(_HANGUL.findall(text)) / letters > 0.3:
            return "ko", 1.0
        if len(_ARABIC.findall(text)) / letters > 0.3:
            return "ar", 1.0
        if len(_HEBREW.findall(text)) / letters > 0.3:
            return "he", 1.0
    latin = tuple(c for c in candidates if c not in ("ja", "zh", "ko", "ar", "he", "fa", "ur"))
    ident = _restricted(latin or ("en",))
    lang, prob = ident.classify(text)
    return lang, float(prob)


def quick_language(text: str, candidates: tuple[str, ...], expect: tuple[str, ...]) -> dict[str, float] | None:
    """The common case cheaply: the opening of the body is confidently one of ``expect``.

    Only the first ~600 characters are cleaned and the first 240 letters' worth judged; None means
    "look closer" (block by block), e.g. for a short, mixed or wrong-language message.
    """
    head = _STRIP.sub(" ", text[:600])
    head = " ".join(head.split())[:240]
    if _weight(head) < MIN_LETTERS * 2:
        return None
    lang, prob = identify(head, candidates)
    if lang in expect and prob >= 0.95:
        return {lang: 1.0}
    return None


def language_shares(blocks: list[tuple[str, int]], candidates: tuple[str, ...], expect: tuple[str, ...] = ()) -> dict[str, float]:
    """Share of judged letters per language (blocks below 0.5 confidence are not counted).

    Shortcut: when the whole sample is confidently one of ``expect``, the per-block pass (needed only
    to score bilingual messages) is skipped.
    """
    if blocks:
        whole = " ".join(t for t, _w in blocks)[:240]
        lang, prob = identify(whole, candidates)
        if expect and lang in expect and prob >= 0.95:
            return {lang: 1.0}
        if prob >= 0.9999 and len(blocks) <= 2:
            return {lang: 1.0}  # one language throughout: a second one would lower the confidence
    totals: dict[str, int] = {}
    judged = 0
    for text, weight in blocks[:12]:
        lang, prob = identify(text[:600], candidates)
        if prob < 0.5:
            continue
        judged += weight
        totals[lang] = totals.get(lang, 0) + weight
    if not judged:
        return {}
    return {k: v / judged for k, v in totals.items()}
