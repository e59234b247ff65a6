"""Links: the marketplace and carrier pages are fine, anything else is reported, lookalikes too."""
from __future__ import annotations

import pytest

from replykit.checks import Message, lint_message


def rules(text: str, marketplace: str = "amazon", html: str | None = None) -> set[str]:
    return {f.rule for f in lint_message(Message("Order 114-3941689-8772232", html=html, text=text), marketplace)}


@pytest.mark.parametrize("url", ["https://www.amazon.co.uk/gp/your-account", "https://sellercentral.amazon.de/x",
                                 "https://www.ups.com/track?tracknum=1Z999AA10123456784", "https://nolp.dhl.de/nextt-online-public/set_identcodes.do",
                                 "https://www.ptt.gov.tr/", "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko"])
def test_allowed_sites(url):
    assert not {"link.external", "link.insecure", "link.shortener"} & rules(f"Track it here: {url}")


@pytest.mark.parametrize("url", ["https://amazon.com.evil.example/login", "https://amazon-returns.example/x", "https://amazon.com@evil.example/x"])
def test_lookalikes_fire(url):
    assert "link.external" in rules(f"Return it here: {url}")


def test_prose_domains_and_file_names():
    assert not {"link.external"} & rules("See Amazon.de or UPS.com, e.g. Rechnung_2024-000871.pdf, manual.pdf, z. B. ca. 5 Tage, Nr. 5.")
    assert "link.external" in rules("More on nordlicht-home.shop today")


def test_shorteners():
    assert "link.shortener" in rules("Video: https://bit.ly/3xYz")
    assert "link.external" in rules("Video: https://bit.ly/3xYz")  # a third-party shortener also leads off the marketplace
    fs = lint_message(Message("x", text="See https://amzn.to/3abc"), "amazon")
    assert [f.severity for f in fs if f.rule == "link.shortener"] == ["warning"]
    assert not [f for f in fs if f.rule == "link.external"]
    assert "link.shortener" not in rules("Antivirus: https://www.bitdefender.com/", "etsy")


def test_insecure_links_and_mailto_tel():
    assert "link.insecure" in rules("", html='<a href="h&#116;tp://www.amazon.com/x">your orders</a>')  # entity-encoded scheme
    got = rules("", html='<a href="mailto:a@b.de">mail</a> <a href="tel:+49301234567">call</a>')
    assert "link.insecure" not in got and {"content.email-address", "content.phone-number"} <= got


def test_allow_list_is_extended_by_the_project(tmp_path):
    from replykit.checks import load_profile, load_project_config

    (tmp_path / "replykit.toml").write_text('[profiles.amazon]\nallow_domains = ["example-carrier.com"]\n', encoding="utf-8")
    prof = load_profile("amazon", load_project_config(tmp_path))
    fs = lint_message(Message("x", text="Track: https://track.example-carrier.com/123"), "amazon", profile=prof)
    assert "link.external" not in {f.rule for f in fs}
    assert "link.external" in rules("Track: https://track.example-carrier.com/123")


def test_generic_link_text():
    assert "a11y.link-text-generic" in rules("", html='<p>Guide: <a href="https://www.amazon.com/x">click here</a></p>')
    assert "a11y.link-text-generic" not in rules("", html='<p><a href="https://www.fedex.com/x">Track your FedEx package</a></p>')


@pytest.mark.parametrize("marketplace", ["amazon", "ebay", "etsy", "mercadolibre", "walmart_us", "walmart_ca", "wish"])
@pytest.mark.parametrize("url", ["https://track.4px.com", "https://track.yanwen.com/en/?no=UG123456789YW",
                                 "https://www.yunexpress.com/track?nums=YT2301234567890123", "https://global.cainiao.com/detail.htm?mailNoList=LP00123456789012"])
def test_cross_border_carriers_tracking_pages_are_allowed(url, marketplace):
    """The Chinese cross-border carriers a seller ships with (4PX, Yanwen, YunExpress, Cainiao) are carriers too."""
    assert "link.external" not in rules(f"Your parcel left our warehouse, tracking: {url}", marketplace)


@pytest.mark.parametrize("marketplace", ["amazon", "ebay", "etsy", "mercadolibre", "walmart_us", "walmart_ca", "wish"])
@pytest.mark.parametrize("url", ["https://postserv.post.gov.tw/pstmail/main_mail.html", "https://www.hongkongpost.hk/en/mail_tracking/index.html"])
def test_national_posts_on_government_domains_are_carriers(url, marketplace):
    """Chunghwa Post (Taiwan) and Hongkong Post track parcels on their own, non-commercial domains."""
    assert "link.external" not in rules(f"追蹤號碼 RR123456785TW,查詢: {url}", marketplace)


@pytest.mark.parametrize("text", ["Write to kobo.minami(at)gmail.com", "メールは shop.taro [at] yahoo.co.jp まで", "Mail: verkauf (ät) web.de"])
def test_the_domain_of_a_disguised_address_is_no_link(text):
    found = rules(text)
    assert "content.email-address" in found and "link.external" not in found


def test_a_bare_domain_outside_an_address_is_still_a_link():
    assert "link.external" in rules("Mehr Modelle auf lampenwelt-shop.de, schau mal vorbei")
