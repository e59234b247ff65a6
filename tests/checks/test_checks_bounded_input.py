"""Bounded work on untrusted text: size limits (``input.too-large``), linear patterns on megabyte
adversarial strings (each run in a subprocess, so a hang fails instead of blocking the suite) and
invisible control characters a translation adds (``po.control-character``)."""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from replykit.checks import lint_catalogue, lint_paths
from replykit.checks.html_view import HtmlParseError, crowded_tag
from replykit.checks.limits import MAX_FINDINGS_PER_RULE, MAX_MESSAGE_CHARS, MAX_MSGSTR_CHARS
from replykit.checks.lint import lint_message
from replykit.checks.model import Message

HEADER = '''msgid ""
msgstr ""
"Language: de\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

'''


def _po_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def write_po(tmp_path: Path, pairs: list[tuple[str, str]]) -> Path:
    p = tmp_path / "locale" / "de" / "LC_MESSAGES" / "replykit.po"
    p.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"msgid {_po_string(a)}\nmsgstr {_po_string(b)}\n\n" for a, b in pairs)
    p.write_text(HEADER + body, encoding="utf-8")
    return p


# ---- input.too-large -------------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["subject", "html", "text"])
def test_an_oversized_surface_is_one_too_large_error_and_nothing_else(where):
    big = "Hello buyer, call +1 555 123 4567 or write shop@gmail.com. " * (MAX_MESSAGE_CHARS // 50)
    fields = {"subject": "Your order", "html": None, "text": "Hello"}
    fields[where] = big
    found = lint_message(Message(**fields), "amazon")
    assert [(f.rule, f.severity, f.where) for f in found] == [("input.too-large", "error", where)]
    assert f"{MAX_MESSAGE_CHARS:,}" in found[0].message


def test_a_message_at_the_limit_is_checked_as_usual():
    text = ("Write to shop@gmail.com. " + "x" * MAX_MESSAGE_CHARS)[:MAX_MESSAGE_CHARS]
    rules = {f.rule for f in lint_message(Message("Your order", text=text), "amazon")}
    assert "content.email-address" in rules and "input.too-large" not in rules


def test_an_oversized_msgstr_is_one_finding_on_its_entry_and_the_others_are_checked(tmp_path):
    p = write_po(tmp_path, [("Hello", "Hallo " + "a" * MAX_MSGSTR_CHARS + "@"), ("Thanks", "Danke {{ x }}")])
    found = lint_catalogue(p)
    big = [f for f in found if f.where == "Hello"]
    assert [(f.rule, f.severity, f.line) for f in big] == [("input.too-large", "error", 7)]
    assert any(f.rule == "po.template-syntax" and f.where == "Thanks" for f in found)


def test_a_large_message_file_lints_and_returns(tmp_path):
    """A 2 MB body (bench/bench_bounded_input.py times the 20 MB one): one finding, not minutes of work."""
    p = tmp_path / "big.txt"
    p.write_text("a" * 2_000_000 + "@", encoding="utf-8")
    report = lint_paths([p], "amazon")
    assert [f.rule for f in report.findings] == ["input.too-large"] and not report.bad_inputs


def test_a_rule_lists_a_hundred_findings_and_counts_the_rest_in_one():
    text = "Write me: WhatsApp wa.me/90532 \n" * 450
    found = lint_message(Message("Your order", text=text), "amazon")
    links = [f for f in found if f.rule == "link.shortener"]
    assert len(links) == MAX_FINDINGS_PER_RULE + 1
    more = links[-1]
    assert more.message.startswith("... and 350 more findings of this rule") and more.severity == "error"
    assert (more.where, more.line) == ("text", MAX_FINDINGS_PER_RULE + 1)  # where the first unlisted one stands
    assert [f.line for f in links[:3]] == [1, 2, 3]


def test_a_rule_under_the_limit_lists_every_finding():
    text = "WhatsApp wa.me/90532\n" * MAX_FINDINGS_PER_RULE
    links = [f for f in lint_message(Message("Your order", text=text), "amazon") if f.rule == "link.shortener"]
    assert len(links) == MAX_FINDINGS_PER_RULE and not any("more findings" in f.message for f in links)


def test_the_rule_is_in_the_rule_book_and_the_docs():
    from replykit.checks import Checker
    from replykit.checks.rulebook import format_rules

    rules = {r["id"]: r for r in Checker().rules()}
    assert set(rules["input.too-large"]["severity"].values()) == {"error"}
    assert rules["po.control-character"]["kind"] == "catalogue"
    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert "`input.too-large`" in docs.read_text(encoding="utf-8")
    assert "`po.control-character`" in format_rules(Checker().rules(), "markdown")


# ---- linear patterns on megabyte adversarial strings ------------------------------------------------
MB = 990_000  # under the message limit: every rule runs on it
ADVERSARIAL = {
    "local-part-run": f'"a" * {MB} + "@"',
    "open-braces": f'"{{{{" * {MB // 2}',
    "open-dollar-braces": f'"${{" * {MB // 2}',
    "open-brackets": f'"[[" * {MB // 2}',
    "open-erb": f'"<%" * {MB // 2}',
    "urls": f'" ".join(["https://x.example/a"] * {MB // 20})',
    "obfuscated-local-part": f'"a" * {MB} + " [at] "',
    "dotted-domain": f'"a@" + "b." * {MB // 2}',
    "less-than": f'"<" * {MB}',
    "anchor-hrefs": f'"<a " + "href=x " * {MB // 7}',
    "number-pieces": f'"WhatsApp " + "07 8l\\n1\\u200f2_o " * {MB // 20}',  # lines, marks, separators, look-alikes
    "spaced-letters": f'"w h a t s a p p " * {MB // 20} + "0"',
    "cjk-at-words": f'"aアットマーク" * {MB // 7}',  # each 'at' word once, not the rest of the text again
}
CATALOGUE = 65_000  # under the msgstr limit


def _run(code: str, cpu_seconds: int = 20) -> str:
    """Run ``code`` in a fresh interpreter limited to ``cpu_seconds`` of CPU time (RLIMIT_CPU: a busy
    machine slows the wall clock, not the count); the wall-clock timeout only catches a process that waits."""
    src = Path(__file__).resolve().parents[2] / "src"
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_CPU, ({cpu_seconds}, {cpu_seconds + 1}))\n"
    try:
        done = subprocess.run([sys.executable, "-c", limit + textwrap.dedent(code)], capture_output=True, text=True,
                              timeout=cpu_seconds * 10, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"})
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish within {cpu_seconds * 10} s of wall-clock time")
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        pytest.fail(f"used more than {cpu_seconds} s of CPU time (super-linear work)")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
@pytest.mark.parametrize("where", ["subject", "html", "text"])
def test_every_message_rule_returns_on_a_megabyte_adversarial_string(name, where):
    out = _run(f"""
        from replykit.checks.html_view import HtmlParseError
        from replykit.checks.lint import lint_message
        from replykit.checks.model import Message
        s = {ADVERSARIAL[name]}
        fields = {{"subject": "Hi", "html": None, "text": None}}
        fields[{where!r}] = s
        try:
            found = lint_message(Message(**fields), "amazon")
        except HtmlParseError as exc:  # a tag crowded with attributes: refused in one line
            print("ok refused", exc)
        else:
            print("ok", len(s), sorted({{f.rule for f in found}}))
    """)
    assert out.startswith("ok") and "input.too-large" not in out


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_every_catalogue_rule_returns_on_a_long_adversarial_msgstr(tmp_path, name):
    expr = ADVERSARIAL[name].replace(str(MB // 20), str(CATALOGUE // 20)).replace(str(MB // 7), str(CATALOGUE // 7)) \
        .replace(str(MB // 2), str(CATALOGUE // 2)).replace(str(MB), str(CATALOGUE))
    out = _run(f"""
        import pathlib, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_checks_bounded_input import write_po
        from replykit.checks import lint_catalogue
        s = {expr}
        p = write_po(pathlib.Path({str(tmp_path)!r}), [("Hello", s), ("Hello {{{{ name }}}}", s + " {{{{ name }}}}")])
        found = lint_catalogue(p)
        print("ok", len(s), sorted({{f.rule for f in found}}))
    """)
    assert out.startswith("ok") and "input.too-large" not in out


#: ordinary violations and look-alikes repeated to a megabyte: the rules compare the matches of a sentence
#: pairwise, so a megabyte with no sentence end (or a thousand rails, cues and negations in one paragraph)
#: once cost minutes (a declined PayPal line in Polish: 120 s; an Arabic gift-for-a-review line: 4 min)
REPEATED = {
    "declined-direct-payment": "Nie możemy przyjąć płatności przez PayPal poza Allegro, przepraszamy. ",
    "gift-for-a-review-without-full-stops": "لو كتبتي رأيك بالمتجر بنبعتلك هدية صغيرة مع الطلب ",
    "review-for-a-refund-lines": "Remove your review and we refund you 10 euros.\n",
    "messenger-links": "WhatsApp wa.me/90532 ",
    "rails-in-one-clause": "PayPal ",
    "buyer-words-quoted-before-a-cue": "「キャンセルしてください」とのこと",  # 15 s before the cues were a set
}


@pytest.mark.parametrize("name", sorted(REPEATED))
def test_a_violation_repeated_to_a_megabyte_is_checked_in_linear_time(name):
    out = _run(f"""
        from replykit.checks.lint import lint_message
        from replykit.checks.model import Message
        unit = {REPEATED[name]!r}
        s = (unit * ({MB} // len(unit)))
        found = lint_message(Message("Re: your order", text=s), "amazon")
        print("ok", len(found))
    """)
    assert out.startswith("ok")


def test_a_tag_with_too_many_attributes_is_refused_in_one_line(tmp_path):
    html = "<p " + " ".join(f'a{i}="<"' for i in range(50_000)) + ">Hi</p>"  # 40,000 took 15 s
    with pytest.raises(HtmlParseError, match="more than 1,000 attributes"):
        lint_message(Message("Hi", html=html), "amazon")
    p = tmp_path / "m.html"
    p.write_text(html, encoding="utf-8")
    report = lint_paths([p], "amazon")
    assert report.exit_code == 2 and "more than 1,000 attributes" in report.bad_inputs[0]


@pytest.mark.parametrize("attrs", [
    "\n".join(f"a{i}" for i in range(40_000)),  # no value, no space, no '=': one per line
    "".join(f'a{i}="1"' for i in range(40_000)),  # no white space at all: libxml2 still reads 40,000
    "\t".join(f"a{i}='x y'" for i in range(40_000)),
])
def test_a_crowded_tag_is_refused_however_its_attributes_are_separated(attrs):
    """libxml2's work grows with the square of the count (15.7 s for the first); the first two passed a
    guard that counted only spaces and '='."""
    assert crowded_tag("<html><body>\n<p " + attrs + ">Hi</p></body></html>") == 2
    with pytest.raises(HtmlParseError, match="more than 1,000 attributes"):
        lint_message(Message("Hi", html="<p " + attrs + ">Hi</p>"), "amazon")


def test_ordinary_attributes_and_quotes_are_not_counted_as_a_crowd():
    html = "<p class='a' style=\"color:#333; margin: 0 0 0 0\">" + "It's a word. " * 5000 + "</p>"
    assert not [f for f in lint_message(Message("Hi", html=html), "amazon") if f.rule == "input.too-large"]


# ---- po.control-character ---------------------------------------------------------------------------
@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff", "\x00", "\x1b", "\x07", "\x7f",
                                  "\x80", "\x85", "\x9b", "\x9f"])
def test_an_invisible_control_added_by_the_translation_is_an_error(tmp_path, char):
    p = write_po(tmp_path, [("Refund sent.", f"Erstattung{char} gesendet.")])
    found = [f for f in lint_catalogue(p) if f.rule == "po.control-character"]
    assert len(found) == 1 and found[0].severity == "error" and found[0].line == 7
    assert f"U+{ord(char):04X}" in found[0].message


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029", "\x0b", "\x1c"])
def test_a_line_separator_inside_a_msgstr_is_no_syntax_error(tmp_path, char):
    """Babel compiles such a catalogue; the checks read it line by line too (not split at NEL or U+2028)."""
    p = write_po(tmp_path, [("Refund sent.", f"Erstattung{char} gesendet."), ("Thanks.", "Danke.")])
    rules = [f.rule for f in lint_catalogue(p)]
    assert "po.syntax" not in rules


def test_controls_the_source_has_and_newlines_and_tabs_are_not_reported(tmp_path):
    p = write_po(tmp_path, [("A\u200bB", "A\u200bB auf Deutsch"), ("Line one\nLine two\tend", "Zeile eins\nZeile zwei\tEnde")])
    assert not [f for f in lint_catalogue(p) if f.rule == "po.control-character"]


def test_a_catalogue_file_over_the_limit_is_one_finding_without_parsing(tmp_path):
    from replykit.checks.limits import MAX_CATALOGUE_BYTES

    n = MAX_CATALOGUE_BYTES // 60 + 1
    p = write_po(tmp_path, [(f"Order {i} shipped.", f"Bestellung {i} versandt {{{{ x }}}}.") for i in range(n)])
    found = lint_catalogue(p)
    assert [(f.rule, f.severity, f.file) for f in found] == [("input.too-large", "error", str(p))]
    assert f"{MAX_CATALOGUE_BYTES:,}" in found[0].message


@pytest.mark.parametrize("sentence", [
    "Lift out the old burr and insert the new conical burr with the arrow up. ",  # a foreign scorn stem, many sentences
    "burr " * 40,  # one sentence of nothing but stems
])
def test_foreign_scorn_stems_in_a_megabyte_are_judged_linearly(sentence):
    out = _run(f"""
        from replykit.checks.lint import lint_message
        from replykit.checks.model import Message
        s = ({sentence!r} * (990_000 // {len(sentence)}))[:990_000]
        found = lint_message(Message("Hi", text=s), "amazon")
        print("ok", sorted({{f.rule for f in found}}))
    """)
    assert out.startswith("ok")
