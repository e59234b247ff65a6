"""A native reviewer's corrections hold in the shipped catalogues and in what buyers receive."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from replykit import catalogues
from replykit.project import Project
from replykit.rendering.renderer import Renderer

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = Project.at(ROOT).catalogue_locales()


def po(locale: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / locale / "LC_MESSAGES" / "replykit.po"))


def translations(locale: str) -> list[str]:
    strings = []
    for entry in po(locale):
        strings += list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    return [s for s in strings if s]


def render(renderer: Renderer, scenario: str, locale: str, marketplace: str = "amazon", **overrides: object):
    spec = renderer.scenario(scenario)
    return renderer.render(scenario, locale=locale, marketplace=marketplace,
                           variables={**spec.samples(marketplace), **overrides})


def amazon_renders(renderer: Renderer, locale: str):
    """Every scenario Amazon permits, in every outcome/reason a scenario offers."""
    for scenario_id, spec in renderer.scenarios.items():
        if "amazon" not in spec.marketplaces:
            continue
        yield render(renderer, scenario_id, locale)
        for name, var in spec.variables.items():
            for choice in var.choices:
                yield render(renderer, scenario_id, locale, **{name: choice})


# Swedish: one buyer is "du", never "ni/er/ert/era".
SWEDISH_PLURAL_YOU = re.compile(r"\b(ni|er|ert|era)\b", re.IGNORECASE)


def test_swedish_catalogue_addresses_the_buyer_as_du() -> None:
    offending = [s for s in translations("sv") if SWEDISH_PLURAL_YOU.search(s)]
    assert offending == []
    assert not any("omdöme" in s for s in translations("sv"))  # a review is a "recension"


def test_swedish_renders_say_du_and_sign_without_comma(renderer: Renderer) -> None:
    for reply in amazon_renders(renderer, "sv"):
        assert not SWEDISH_PLURAL_YOU.search(reply.subject + "\n" + reply.text), reply.scenario
        assert "Vänliga hälsningar\n" in reply.text and "Vänliga hälsningar," not in reply.text


def test_turkish_names_what_is_cancelled_in_singular_and_plural(renderer: Renderer) -> None:
    assert po("tr").metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    one_line = render(renderer, "out_of_stock", "tr")  # one order line of two mugs
    assert "Bu ürünü iptal ettik" in one_line.text and "1 ürün" not in one_line.text
    two_lines = render(renderer, "out_of_stock", "tr", items=[{"title": "Mug", "quantity": 2},
                                                              {"title": "Plate", "quantity": 1}])
    assert "Bu ürünleri iptal ettik" in two_lines.text and "aşağıdaki 2 ürünü" in two_lines.text
    assert not any('"' in s for s in translations("tr"))  # one quotation-mark style: “…”


def test_brazilian_singular_shows_no_number_the_english_lacks(renderer: Renderer) -> None:
    reply = render(renderer, "out_of_stock", "pt_BR")  # one line: 2 × Stoneware coffee mug
    assert "1 item" not in reply.text + reply.subject and "2 × Stoneware coffee mug" in reply.text
    assert not any('"' in s for s in translations("pt_BR"))


def test_arabic_plural_header_is_what_init_writes_and_forms_follow_it(renderer: Renderer,
                                                                     project_copy: Project) -> None:
    project_copy.po_path("ar").unlink()
    fresh = polib.pofile(str(catalogues.init(project_copy, "ar")))
    assert po("ar").metadata["Plural-Forms"] == fresh.metadata["Plural-Forms"]
    expected = {0: "0 يوم", 1: "يومًا واحدًا", 2: "يومين", 3: "3 أيام", 11: "11 يومًا", 14: "14 يومًا",
                100: "100 يوم "}
    for days, words in expected.items():
        reply = render(renderer, "return_request", "ar", outcome="outside_window", return_window_days=days)
        assert words in reply.text, (days, words)
    assert "100 يومًا" not in render(renderer, "return_request", "ar", outcome="outside_window",
                                     return_window_days=100).text


def test_german_body_continues_the_greeting_in_lower_case(renderer: Renderer) -> None:
    for scenario, opening in (("delay_notice", "es tut uns leid"), ("address_change", "wie gewünscht"),
                              ("return_request", "vielen Dank")):
        text = render(renderer, scenario, "de", **({"outcome": "done"} if scenario == "address_change" else {})).text
        assert text.split("\n\n")[1].startswith(opening), scenario
    assert "Die Rechnung beläuft sich auf insgesamt" in render(renderer, "invoice", "de").text


@pytest.mark.parametrize(("locale", "quotes"), [("es", "«»"), ("pt_BR", "“”"), ("tr", "“”")])
def test_item_names_are_quoted_in_one_style(locale: str, quotes: str) -> None:
    quoted = [s for s in translations(locale) if "%(item)s" in s or "%(product)s" in s or "%(substitute)s" in s]
    assert quoted and all(quotes[0] in s and quotes[1] in s and '"' not in s for s in quoted)


def test_polish_italian_link_labels_are_imperatives() -> None:
    labels = {e.msgid: e.msgstr for e in po("pl") if e.msgctxt == "link"}
    assert labels["Write a review"] == "Wystaw opinię"
    assert {e.msgstr for e in po("it") if e.msgctxt == "link"} >= {
        "Scrivi una recensione", "Stampa l'etichetta di reso", "Scarica la fattura"}
    greeting = next(e.msgstr for e in po("pl") if e.msgid == "Hello %(name)s,")
    assert greeting == "Dzień dobry, %(name)s,"


def test_substitute_refund_stays_conditional_in_chinese_and_arabic() -> None:
    msgid = "It costs less than the item you ordered, so we would refund the difference of %(amount)s."
    assert "如您接受" in next(e.msgstr for e in po("zh_CN") if e.msgid == msgid)
    assert "في هذه الحالة" in next(e.msgstr for e in po("ar") if e.msgid == msgid)


@pytest.mark.parametrize("locale", SHIPPED)
def test_headers_name_the_team(locale: str) -> None:
    metadata = po(locale).metadata
    assert "FULL NAME" not in metadata["Last-Translator"] and "LL@li.org" not in metadata["Language-Team"]
