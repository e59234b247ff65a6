"""Shared helpers for the checks tests: real HTML from mjml-python + css-inline, like the core's build."""
from __future__ import annotations

import css_inline
import mjml

_INLINER = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)


def render_mjml(paragraphs: list[str], *, lang: str = "en", direction: str = "ltr", neutral: bool = True,
                before: str = "", after: str = "", text_attrs: str = "") -> str:
    """HTML the way the core produces it: MJML compiled, CSS inlined; ``neutral`` applies the core's
    layout attributes (no font family/colour/line height, natural alignment)."""
    align = "right" if direction == "rtl" else "left"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    if neutral:
        head = (f'<mj-attributes><mj-all font-family="" /><mj-section padding="16px 0" text-align="{align}" direction="{direction}" />'
                f'<mj-column vertical-align="top" direction="{direction}" /><mj-text font-size="15px" color="" line-height="" align="{align}" '
                f'padding="0 0 12px 0" {text_attrs}/></mj-attributes>')
        src = (f'<mjml lang="{lang}" dir="{direction}"><mj-head>{head}</mj-head><mj-body width="600px"><mj-section><mj-column>'
               f"{before}<mj-text>{body}</mj-text>{after}</mj-column></mj-section></mj-body></mjml>")
    else:
        src = f"<mjml><mj-body><mj-section><mj-column>{before}<mj-text {text_attrs}>{body}</mj-text>{after}</mj-column></mj-section></mj-body></mjml>"
    return _INLINER.inline(mjml.mjml2html(src))
