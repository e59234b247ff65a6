"""A seller's HTML is judged on what a reader sees: effective alignment, fonts, images, after CSS."""
from __future__ import annotations

from checks_helpers import render_mjml

from replykit.checks import Message, lint_message


def rules(html: str, marketplace: str = "amazon", **ctx) -> set[str]:
    return {f.rule for f in lint_message(Message("Order 114-3941689-8772232", html=html, context=ctx), marketplace)}


def test_core_style_mjml_output_is_clean_on_amazon():
    html = render_mjml(["Hello Maria,", "Your order 114-3941689-8772232 is delayed by two days.", "Kind regards,<br>Nordlicht"])
    assert rules(html) == set()


def test_mjml_defaults_are_reported_as_what_they_are():
    html = render_mjml(["Hello Maria,", "Your order 114-3941689-8772232 is delayed."], neutral=False, text_attrs='align="center"')
    got = rules(html)
    assert {"style.font.override", "style.body.centered"} <= got
    assert "style.align.override" not in got


def test_centred_layout_table_around_left_text_is_not_centred_text():
    # MJML keeps align="center" on layout tables and margin:0 auto on the 600px container
    html = render_mjml(["Hello Maria, your order 114-3941689-8772232 is delayed."])
    assert 'align="center"' in html and "margin:0px auto" in html
    assert "style.body.centered" not in rules(html)


def test_right_aligned_arabic_with_dir_rtl_is_the_default():
    html = render_mjml(["مرحباً أحمد، نعتذر عن تأخر طلبك رقم 405-1188442-7731905."], lang="ar", direction="rtl")
    got = rules(html)
    assert "style.align.override" not in got and "a11y.rtl-dir-missing" not in got


def test_left_aligned_text_inside_rtl_is_an_override():
    html = '<div dir="rtl"><p style="text-align:left">مرحباً أحمد، نعتذر عن تأخر طلبك.</p></div>'
    assert "style.align.override" in rules(html)


def test_centre_from_a_style_sheet_rule_is_resolved():
    html = "<html><head><style>.note p { text-align: center }</style></head><body><div class='note'><p>Your order 114-3941689-8772232.</p></div></body></html>"
    assert "style.body.centered" in rules(html)


def test_centred_image_only_paragraph_is_not_centred_text():
    html = '<p align="center"><img src="https://cdn.example.org/logo.png" alt="Logo" width="120"></p><p>Your order 114-3941689-8772232.</p>'
    assert "style.body.centered" not in rules(html)


def test_font_sizes_are_normalised_before_counting():
    html = ('<p style="font-size:14px">a text</p><p style="font-size:10.5pt">b text</p><p style="font-size:0.875rem">c text</p>'
            '<p style="font-size:20px">d text</p><p><small>© 2024</small></p>')
    assert "style.fonts.max3" not in rules(html)  # 14px, 20px, small -> 3 sizes


def test_four_sizes_fire():
    html = '<p style="font-size:12px">a</p><p style="font-size:14px">b</p><p style="font-size:18px">c</p><h1>d</h1>'
    assert "style.fonts.max3" in rules(html)


def test_inherit_and_hidden_preheader_are_not_overrides():
    html = ('<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;overflow:hidden">Preview</div>'
            '<p style="color:inherit;font-family:inherit">Your order 114-3941689-8772232.</p>')
    assert "style.font.override" not in rules(html)


def test_link_colour_from_style_sheet_is_an_override():
    html = '<html><head><style>a { color: #0066c0 }</style></head><body><p>See <a href="https://www.amazon.com/">your orders</a>.</p></body></html>'
    assert "style.font.override" in rules(html)


def test_linebreaks_in_html_count_what_renders():
    ok = "<p>Hello</p>\n\n\n\n<p>Your order 114-3941689-8772232.</p>"  # source newlines do not render
    assert "style.linebreaks.max2" not in rules(ok)
    assert "style.linebreaks.max2" in rules("<p>Hello</p><br><p>Your order.</p>")
    assert "style.linebreaks.max2" in rules("<p>Hello</p><p>&nbsp;</p><p>Your order.</p>")


def test_margins_add_up_along_the_container_chain():
    html = '<div style="padding:0 70px"><div style="margin-left:60px"><p>Your order 114-3941689-8772232.</p></div></div>'
    assert "style.margins.max20" in rules(html)
    assert "style.margins.max20" not in rules('<div style="margin:40px 0;padding:0 25px"><p>Text</p></div>')


def test_image_width_is_resolved_against_its_container():
    html = render_mjml(["Your order 114-3941689-8772232."], before='<mj-image src="https://cdn.example.org/logo.png" alt="Nordlicht" width="120px" />')
    assert not {"image.too-wide", "image.width-unknown"} & rules(html)
    wide = '<img src="https://cdn.example.org/b.png" alt="Banner" width="100%" style="max-width:80%">'
    assert "image.too-wide" not in rules(wide)
    assert "image.too-wide" in rules('<img src="https://cdn.example.org/b.png" alt="Banner" style="width:560px">')


def test_image_traps():
    assert "image.gif" not in rules('<img src="https://cdn.example.org/gift-card.png" alt="Gift" width="100">')
    assert "image.gif" in rules('<img src="https://cdn.example.org/a.GIF?x=1" alt="A" width="100">')
    assert "image.insecure" in rules('<img src="HTTP://cdn.example.org/a.png" alt="A" width="100">')
    assert "image.insecure" not in rules('<img src="data:image/png;base64,iVBORw0KGgo=" alt="A" width="100">')
    assert "a11y.img-alt-missing" not in rules('<img src="https://cdn.example.org/spacer.png" alt="" width="100">')
    assert "image.tracking-pixel" not in rules('<img src="https://cdn.example.org/icon.png" alt="" width="16" height="16">')


def test_linked_logo_and_logo_showing_an_address():
    assert "link.logo" in rules('<a href="https://www.amazon.com/shops/x"><img src="https://cdn.example.org/logo.png" alt="Logo" width="120"></a>')
    assert "link.logo" in rules('<img src="https://cdn.example.org/logo.png" alt="www.nordlicht-home.example" width="120">')
    assert "link.logo" not in rules('<img src="https://cdn.example.org/logo.png" alt="Nordlicht Home" width="120">')


def test_rtl_text_without_dir_is_reported_on_every_marketplace():
    html = "<p>مرحباً أحمد، نعتذر عن تأخر طلبك رقم 405-1188442-7731905. سيصل الطلب قريباً.</p>"
    assert "a11y.rtl-dir-missing" in rules(html, "etsy")
    assert "a11y.rtl-dir-missing" not in rules("<p>Hello Ahmed (أحمد), your order is late.</p>", "etsy")
