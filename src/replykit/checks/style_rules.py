"""Rules on how the HTML looks to a reader (Amazon's styling rules) and on the body format.

Everything is judged on :class:`~.html_view.TextRun` objects -- visible text with its resolved
style -- so a centred MJML layout table around left-aligned text is fine, and ``dir="rtl"`` with
right-aligned Arabic is the default, not an override.
"""
from __future__ import annotations

import re
from typing import Iterator

from .html_view import TextRun
from .registry import Hit, rule
from .textutil import RTL_CHARS, LETTERS, excerpt
from .view import MessageView

MAX_FINDINGS = 5


def _visible(view: MessageView) -> list[TextRun]:
    hv = view.html
    return [r for r in hv.runs if not r.hidden] if hv is not None else []


@rule("style.fonts.max3")
def fonts_max3(view: MessageView) -> Iterator[Hit]:
    runs = _visible(view)
    if not runs:
        return
    limit = int(view.profile.limits.get("max_font_sizes", 3))
    sizes: dict[str, TextRun] = {}
    families: dict[str, TextRun] = {}
    for r in runs:
        sizes.setdefault(r.font_key, r)
        fam = r.ctx.family.lower().replace('"', "").replace("'", "").strip() if r.ctx.family else "default"
        families.setdefault(fam, r)
    if len(sizes) > limit:
        yield Hit("html", None, f"{len(sizes)} font sizes on visible text ({', '.join(sorted(sizes))}): at most {limit}",
                  ", ".join(sorted(sizes)))
    if len(families) > limit:
        yield Hit("html", None, f"{len(families)} font families on visible text: at most {limit}", ", ".join(sorted(families)))


@rule("style.font.override")
def font_override(view: MessageView) -> Iterator[Hit]:
    seen: set[tuple[str, str]] = set()
    for r in _visible(view):
        c = r.ctx
        for prop, value, what in (("font-family", c.family, "family"), ("color", c.color, "color"), ("line-height", c.lh, "lh")):
            if value is None or (prop, value) in seen:
                continue
            seen.add((prop, value))
            if len(seen) > MAX_FINDINGS:
                return
            yield Hit("html", r.decl_line(what), f"{prop} overridden ({value}) on visible text: keep the reader's default", f"{prop}: {value} -> {r.text.strip()[:50]}")


def _text_dir_rtl(text: str) -> bool:
    rtl = len(RTL_CHARS.findall(text))
    if not rtl:
        return False
    return rtl / max(1, len(LETTERS.findall(text))) > 0.5


@rule("style.body.centered")
def body_centered(view: MessageView) -> Iterator[Hit]:
    seen: set[int | None] = set()
    for r in _visible(view):
        if r.align == "center" and r.align_line not in seen:
            seen.add(r.align_line)
            yield Hit("html", r.align_line, "centred text: keep the body aligned to the reading side", r.text.strip()[:60])
            if len(seen) >= MAX_FINDINGS:
                return


_NUMERIC = re.compile(r"^[\s\d.,:%/+\-−$€£¥₺₹()]*[A-Za-z]{0,3}[\s\d.,:%/+\-−$€£¥₺₹()]*$")


@rule("style.align.override")
def align_override(view: MessageView) -> Iterator[Hit]:
    seen: set[int | None] = set()
    for r in _visible(view):
        a = r.align
        if a in ("start", "center"):
            continue
        rtl = r.direction == "rtl"
        natural = "right" if rtl else "left"
        if a == natural:
            continue
        if a == "end" or a in ("left", "right") or a == "justify":
            if a == "right" and _text_dir_rtl(r.text):
                continue  # right-aligned Arabic/Hebrew reads naturally; a11y.rtl-dir-missing covers dir
            if r.align_line in seen:
                continue
            seen.add(r.align_line)
            cap = "warning" if r.in_cell and _NUMERIC.match(r.text.strip() or "x") else None
            yield Hit("html", r.align_line, f"text-align {a} in {'right-to-left' if rtl else 'left-to-right'} text overrides the default alignment",
                      r.text.strip()[:60], cap)
            if len(seen) >= MAX_FINDINGS:
                return


_BLANK = re.compile(r"[ \t\u00a0\u3000\u2000-\u200d\u2060\ufeff\u202f\u205f]+")


_WS_CLASS = "[ \t\u00a0\u3000\u2000-\u200d\u2060\ufeff\u202f\u205f]*"
_TWO_BLANK = re.compile(f"\n{_WS_CLASS}\n{_WS_CLASS}\n")


def blank_runs(text: str) -> Iterator[tuple[int, int, int]]:
    """(offset, 1-based line, breaks) of every run of 3+ line breaks between two lines of text.

    CRLF counts once; a line holding only spaces, NBSP, U+3000 or zero-width characters is blank;
    leading and trailing blank lines of the whole body do not count.
    """
    t = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _TWO_BLANK.search(t):
        return
    lines = t.split("\n")
    seen_text = False
    blanks = 0
    start_line = start_off = 0
    off = 0
    for i, line in enumerate(lines):
        if not _BLANK.sub("", line):
            if seen_text:
                if blanks == 0:
                    start_line, start_off = i + 1, off
                blanks += 1
        else:
            if blanks >= 2:
                yield start_off, start_line, blanks + 1
            seen_text = True
            blanks = 0
        off += len(line) + 1


@rule("style.linebreaks.max2")
def linebreaks(view: MessageView) -> Iterator[Hit]:
    text = view.message.text
    if text and text.strip():
        for off, line, n in blank_runs(text):
            t = text.replace("\r\n", "\n").replace("\r", "\n")
            yield Hit("text", line, f"{n} consecutive line breaks (at most 2)", excerpt(t, off, off + 1, 30))
            break
    hv = view.html
    if hv is not None and hv.flow_text.strip():
        for off, _line, n in blank_runs(hv.flow_text):
            yield Hit("html", hv.flow_line_at(off), f"{n} consecutive line breaks in the rendered body (at most 2)", excerpt(hv.flow_text, off, off + 1, 30))
            break


@rule("style.margins.max20")
def margins(view: MessageView) -> Iterator[Hit]:
    ratio = float(view.profile.limits.get("margin_max_ratio", 0.2))
    limit = view.profile.render_width * ratio
    seen: set[int | None] = set()
    for r in _visible(view):
        if r.inset > limit and r.inset_line not in seen:
            seen.add(r.inset_line)
            yield Hit("html", r.inset_line, f"horizontal margin/padding of {r.inset:.0f}px exceeds {ratio:.0%} of {view.profile.render_width:.0f}px",
                      r.text.strip()[:60])
            if len(seen) >= MAX_FINDINGS:
                return


@rule("a11y.rtl-dir-missing")
def rtl_dir_missing(view: MessageView) -> Iterator[Hit]:
    runs = _visible(view)
    if not runs or not RTL_CHARS.search(view.html.visible_text):
        return
    rtl_letters = ltr_dir_rtl_letters = total = 0
    first = None
    for r in runs:
        total += len(LETTERS.findall(r.text))
        n = len(RTL_CHARS.findall(r.text))
        rtl_letters += n
        if n and r.direction != "rtl":
            ltr_dir_rtl_letters += n
            first = first or r
    if total and rtl_letters / total > 0.5 and ltr_dir_rtl_letters / rtl_letters > 0.5 and first is not None:
        yield Hit("html", first.line, "right-to-left text without dir=\"rtl\" (or direction:rtl) on its container", first.text.strip()[:60])


_REAL_TAG = re.compile(r"(?i)<(?:p|br|div|span|a|img|table|tr|td|b|i|u|strong|em|font|ul|ol|li|h[1-6]|style|script|center|hr)\b[^>]*>|</(?:p|div|span|a|table|b|i|strong|em|font|ul|ol|li|h[1-6])>")


def channel_spec(profile_data, channel: str | None) -> tuple[str, dict] | None:
    """(label, spec) of the channel a message goes through; without a ``channel`` in the context, what
    every channel of the marketplace agrees on (HTML refused by all, the largest length limit)."""
    channels = profile_data.get("channels", {}) or {}
    if channel:
        spec = channels.get(channel)
        return (f"the {channel} channel", spec) if spec is not None else None
    if not channels:
        return None
    specs = list(channels.values())
    agreed: dict = {"html": any(s.get("html", True) for s in specs)}
    limits = [s.get("max_chars") for s in specs]
    if all(limits):
        agreed["max_chars"] = max(limits)
    return "every channel of this marketplace", agreed


@rule("format.html-not-allowed")
def html_not_allowed(view: MessageView) -> Iterator[Hit]:
    got = channel_spec(view.profile.data, str(view.context.get("channel") or "").lower() or None)
    if got is None or got[1].get("html", True):
        return
    channel = got[0]
    if view.message.html and view.message.html.strip():
        yield Hit("html", 1, f"HTML body: {channel} accepts plain text only", view.message.html.strip()[:60])
    exempt = [str(v) for v in (view.context.get("buyer_values") or [])]
    for where, text in (("subject", view.message.subject), ("text", view.message.text)):
        if text and "<" in text:
            m = _REAL_TAG.search(text)
            if m and any(m.group() in v for v in exempt):
                m = None  # the buyer's own text (e.g. a name) shown literally, not markup the seller wrote
            if m:
                yield Hit(where, None if where == "subject" else text.count("\n", 0, m.start()) + 1,
                          f"HTML tag in a plain-text message ({channel} accepts plain text only)", excerpt(text, m.start(), m.end()))


@rule("length.max")
def length_max(view: MessageView) -> Iterator[Hit]:
    got = channel_spec(view.profile.data, str(view.context.get("channel") or "").lower() or None)
    if got is None:
        return
    channel, spec = got
    limit = spec.get("max_chars")
    if not limit:
        return
    if view.message.text and view.message.text.strip():
        body, where = view.message.text, "text"
    elif view.html is not None:
        body, where = view.html.visible_text.strip(), "html"
    else:
        return
    n = len(body)
    if n > limit:
        yield Hit(where, None, f"{n} characters: {channel} allows {limit}", body[limit - 20 : limit + 20].replace("\n", " "))
