"""Translation QA on real .po files parsed by polib: a translator's mistake names the file and line."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.plurals import get_plural

from replykit.checks import catalogue_coverage, lint_catalogue, lint_paths
from replykit.checks.placeholders import extract, malformed
from replykit.checks.plurals import check_plural_forms, reference_for, reference_table

HEADER = '''msgid ""
msgstr ""
"Language: {lang}\\n"
"Plural-Forms: {plural}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

'''


def write_po(tmp_path: Path, body: str, lang: str = "de", plural: str = "nplurals=2; plural=(n != 1);") -> Path:
    p = tmp_path / "locale" / lang / "LC_MESSAGES" / "replykit.po"
    p.parent.mkdir(parents=True)
    p.write_text(HEADER.format(lang=lang, plural=plural) + body, encoding="utf-8")
    return p


def test_broken_placeholder_names_file_line_and_msgid(tmp_path):
    p = write_po(tmp_path, '#, python-format\nmsgid "Hello %(name)s,"\nmsgstr "Hallo %(Name)s,"\n')
    fs = lint_catalogue(p)
    missing = [f for f in fs if f.rule == "po.placeholder.missing"]
    assert missing and missing[0].file == str(p) and missing[0].line == 7 and missing[0].where == "Hello %(name)s,"
    assert missing[0].severity == "error"


@pytest.mark.parametrize("msgid,msgstr,expected", [
    ("%(n)s items", "%(n) Artikel", {"po.placeholder.malformed", "po.placeholder.missing"}),
    ("Ship by {date}", "Versand bis {datum}", {"po.placeholder.missing", "po.placeholder.unknown"}),
    ("Hi {{ name }}", "Hallo {{ name }} {{ secret }}", {"po.placeholder.unknown", "po.template-syntax"}),
    ("Hello", "Hallo {% include 'x' %}", {"po.placeholder.unknown", "po.template-syntax"}),
    ("%s of %s", "%s", {"po.placeholder.count"}),
    ("<b>Note</b>", "Hinweis", {"po.markup.mismatch"}),
    ('<a href="https://www.amazon.de/">orders</a>', '<a href="javascript:alert(1)">Bestellungen</a>', {"po.markup.unsafe"}),
])
def test_placeholder_and_markup_mistakes(tmp_path, msgid, msgstr, expected):
    esc = lambda s: s.replace('"', '\\"')  # noqa: E731
    p = write_po(tmp_path, f'msgid "{esc(msgid)}"\nmsgstr "{esc(msgstr)}"\n')
    got = {f.rule for f in lint_catalogue(p)}
    assert expected <= got, got


def test_reordered_placeholders_and_translated_alt_text_are_fine(tmp_path):
    body = ('#, python-format\nmsgid "Order %(order)s arrives on %(date)s."\nmsgstr "Am %(date)s kommt Bestellung %(order)s an."\n\n'
            'msgid "<img src=\\"https://cdn.example.org/l.png\\" alt=\\"Logo\\">"\nmsgstr "<img src=\\"https://cdn.example.org/l.png\\" alt=\\"Firmenlogo\\">"\n')
    assert lint_catalogue(write_po(tmp_path, body)) == []


def test_literal_percent_only_matters_in_format_strings(tmp_path):
    body = ('msgid "100% cotton"\nmsgstr "100 % Baumwolle"\n\n'
            '#, python-format\nmsgid "%(p)s%% off the shipping"\nmsgstr "%(p)s % auf den Versand"\n')
    fs = lint_catalogue(write_po(tmp_path, body))
    assert [f.where for f in fs if f.rule == "po.placeholder.malformed"] == ["%(p)s%% off the shipping"]
    assert malformed("%(d)d Tage", "%(d)s days", True)  # conversion type changed


def test_plural_forms_validated_by_evaluation():
    assert check_plural_forms("nplurals=2; plural=(n != 1);", "de") is None
    assert check_plural_forms("nplurals=2; plural=n>1;", "fr") is None
    assert "n=0" in check_plural_forms("nplurals=2; plural=(n != 1);", "fr")
    assert "nplurals" in check_plural_forms("nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);", "de")
    assert check_plural_forms("nplurals=2; plural=(n != 1", "de") is not None  # malformed
    assert "outside" in check_plural_forms("nplurals=2; plural=n;", None)
    assert check_plural_forms("nplurals=2; plural=(n != 1);", "tr") is None  # accepted alternative (GNU gettext/CLDR)
    assert check_plural_forms(None, "de") == "Plural-Forms header missing"


def test_installed_babel_writes_headers_the_reference_accepts():
    """The reference is pinned; when Babel's table moves outside it (a new CLDR), this test says so,
    because ``replykit init`` writes Babel's header and the check must not flag what it wrote."""
    for lang in reference_table():
        p = get_plural(lang)
        assert check_plural_forms(f"nplurals={p.num_plurals}; plural={p.plural_expr};", lang) is None, lang


def test_cldr_many_form_is_an_alternative_not_the_reference():
    """fr keeps the gettext two-form rule as the reference; Babel 2.19's three-form rule is also accepted."""
    assert reference_for("fr")[0] == (2, "(n > 1)")
    assert check_plural_forms("nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;", "fr") is None
    assert "nplurals=3, expected 2" in check_plural_forms("nplurals=3; plural=(n==0 ? 0 : n==1 ? 1 : 2);", "de")


def test_plural_gaps_and_counts(tmp_path):
    body = ('#, python-format\nmsgid "%(n)s item"\nmsgid_plural "%(n)s items"\nmsgstr[0] "%(n)s Artikel"\nmsgstr[1] ""\n\n'
            '#, python-format\nmsgid "%(n)s day"\nmsgid_plural "%(n)s days"\nmsgstr[0] "ein Tag"\nmsgstr[1] "%(n)s Tage"\nmsgstr[2] "%(n)s Tage"\n')
    got = {(f.where, f.rule) for f in lint_catalogue(write_po(tmp_path, body))}
    assert ("%(n)s item", "po.plural.empty") in got
    assert ("%(n)s day", "po.plural.count") in got
    assert ("%(n)s day", "po.placeholder.missing") not in got  # the 'one' form may spell the number


def test_header_problems(tmp_path):
    p = write_po(tmp_path, 'msgid "Hello"\nmsgstr "Hallo"\n', lang="fr")
    p2 = p.parent.parent.parent / "de" / "LC_MESSAGES" / "replykit.po"
    p2.parent.mkdir(parents=True)
    p2.write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    assert "po.header.language" in {f.rule for f in lint_catalogue(p2)}
    latin = tmp_path / "es.po"
    latin.write_bytes((HEADER.format(lang="es", plural="nplurals=2; plural=(n != 1);").replace("UTF-8", "ISO-8859-1")
                       + 'msgid "Hello"\nmsgstr "¡Hola!"\n').encode("latin-1"))
    assert "po.header.charset" in {f.rule for f in lint_catalogue(latin)}


def test_syntax_error_is_reported_and_other_files_still_checked(tmp_path):
    bad = write_po(tmp_path, 'msgid "Hello"\nmsgstr "Hallo\n')
    good = tmp_path / "good.json"
    good.write_text('{"subject": "Order 114-3941689-8772232", "text": "Your order is late 😀"}', encoding="utf-8")
    report = lint_paths([bad, good, tmp_path / "missing.txt"], "amazon")
    assert any(f.rule == "po.syntax" and f.line == 8 for f in report.findings)
    assert any(f.rule == "content.emoji" for f in report.findings)
    assert report.bad_inputs == [f"{tmp_path / 'missing.txt'}: no such file"]


def test_msgstr_content_rules_and_unchanged(tmp_path):
    body = 'msgid "Kind regards, your team"\nmsgstr "Kind regards, your team"\n\nmsgid "Reply here."\nmsgstr "Schreiben Sie uns auf WhatsApp."\n'
    fs = lint_catalogue(write_po(tmp_path, body), marketplace="amazon")
    got = {(f.where, f.rule, f.severity) for f in fs}
    assert ("Kind regards, your team", "po.unchanged", "warning") in got
    assert ("Reply here.", "content.off-platform", "error") in got
    assert not [f for f in lint_catalogue(write_po(tmp_path / "en", body, lang="en"), source_locale="en") if f.rule == "po.unchanged"]


def test_coverage_and_stale(tmp_path):
    body = 'msgid "a b"\nmsgstr "x y"\n\n#, fuzzy\nmsgid "c d"\nmsgstr "z"\n\nmsgid "e f"\nmsgstr ""\n\n#~ msgid "old"\n#~ msgstr "alt"\n'
    p = write_po(tmp_path, body)
    assert catalogue_coverage(p) == (1, 1, 1, 1)
    pot = tmp_path / "replykit.pot"
    pot.write_text(HEADER.format(lang="", plural="") + 'msgid "a b"\nmsgstr ""\n\nmsgid "new one"\nmsgstr ""\n', encoding="utf-8")
    assert "catalog.stale" in {f.rule for f in lint_catalogue(p, pot_path=pot)}


def test_extract_understands_all_three_styles():
    ph = extract("Hi %(name)s, {count} items, {{ total }}, %s")
    assert ph.names() == {"%(name)", "{count}", "{{total}}"} and ph.positional == 1
