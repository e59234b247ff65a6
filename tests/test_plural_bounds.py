"""A Plural-Forms header cannot exhaust memory or the stack: out-of-bounds headers are refused
before Babel or the checks parse them, in every command that reads a catalogue."""

from __future__ import annotations

import time

import pytest

from replykit import catalogues
from replykit.checks import lint_catalogue
from replykit.errors import CatalogueError
from replykit.project import Project
from replykit.rendering.catalogue import load_catalogue

HOSTILE_HEADERS = {
    "huge nplurals": '"Plural-Forms: nplurals=99999999999999999999; plural=(n != 1);\\n"',
    "split nplurals": '"Plural-Forms: nplurals=99"\n"999999; plural=(n != 1);\\n"',
    "nplurals 7": '"Plural-Forms: nplurals=7; plural=(n != 1);\\n"',
    "10k parentheses": '"Plural-Forms: nplurals=2; plural=' + "(" * 10_000 + "n != 1" + ")" * 10_000 + ';\\n"',
    "3000 nots": '"Plural-Forms: nplurals=2; plural=' + "!" * 3000 + 'n;\\n"',
    "deep ternaries": '"Plural-Forms: nplurals=2; plural=' + "(" * 40 + "n" + ")" * 40 + ';\\n"',
}


def hostile_catalogue(project: Project, header: str) -> None:
    path = project.po_path("de")
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith('"Plural-Forms:'))
    path.write_text(text.replace(line, header, 1), encoding="utf-8")


@pytest.mark.parametrize("name", HOSTILE_HEADERS)
def test_every_reader_refuses_an_out_of_bounds_header(project_copy: Project, name: str) -> None:
    hostile_catalogue(project_copy, HOSTILE_HEADERS[name])
    path = project_copy.po_path("de")
    for read in (lambda: load_catalogue(path, "de"),
                 lambda: catalogues.stats(project_copy, ["de"]),
                 lambda: catalogues.compile_all(project_copy, ["de"])):
        with pytest.raises(CatalogueError, match=r"de/LC_MESSAGES/replykit\.po:\d+: .*(nplurals|plural expression)"):
            read()


@pytest.mark.parametrize("name", HOSTILE_HEADERS)
def test_lint_reports_an_out_of_bounds_header_as_a_finding(project_copy: Project, name: str) -> None:
    hostile_catalogue(project_copy, HOSTILE_HEADERS[name])
    started = time.process_time()
    findings = lint_catalogue(project_copy.po_path("de"))
    assert time.process_time() - started < 30  # CPU time, whatever the machine's load: not minutes, not a crash
    assert any(f.rule == "po.header.plural-forms" and f.severity == "error" for f in findings)


@pytest.mark.parametrize("charset", ["foo", "bz2", "rot13", "hex", "base64", "zlib", "uu"])
def test_an_unusable_charset_is_one_line(project_copy: Project, charset: str) -> None:
    path = project_copy.po_path("de")
    path.write_text(path.read_text(encoding="utf-8").replace("charset=utf-8", f"charset={charset}"), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"replykit\.po: "):
        catalogues.stats(project_copy, ["de"])
    with pytest.raises(CatalogueError, match=r"replykit\.po: "):
        load_catalogue(path, "de")


@pytest.mark.parametrize("body", [b"\x00" * 3, b"\xff" * 40, b"\x00\x00\x00\x00\x05\x00\x00\x00\x1c\x00\x00\x00" + b"\xff" * 30])
def test_a_mo_with_valid_magic_and_a_garbage_body_is_one_line(tmp_path, body: bytes) -> None:
    path = tmp_path / "de.mo"
    path.write_bytes(b"\xde\x12\x04\x95" + body)
    with pytest.raises(CatalogueError, match=r"de\.mo: not a readable \.mo catalogue"):
        load_catalogue(path, "de")


@pytest.mark.parametrize("content", [
    b'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=99999999999999999999; plural=(n != 1);\\n"\n\n'
    b'msgid "a"\nmsgid_plural "b"\nmsgstr[0] ""\nmsgstr[1] ""\n',
    b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "\xff"\nmsgstr ""\n',
    b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=bz2\\n"\n\nmsgid "a"\nmsgstr ""\n',
])
def test_a_broken_pot_gives_the_pseudo_locale_a_one_line_error(project_copy: Project, content: bytes) -> None:
    from replykit.pseudo import pseudo_catalogue

    project_copy.pot_path.write_bytes(content)
    with pytest.raises(CatalogueError, match=r"replykit\.pot"):
        pseudo_catalogue(project_copy.pot_path)


def test_a_babel_error_quoting_a_multiline_msgid_is_still_one_line(project_copy: Project) -> None:
    path = project_copy.po_path("de")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgid ""\nmsgstr ""', 'msgid msgstr ""', 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path, "de")
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 700


def test_a_charset_the_compiler_cannot_write_is_one_line(project_copy: Project) -> None:
    path = project_copy.po_path("de")
    header = path.read_text(encoding="utf-8").partition("charset=")[0]
    path.write_text(header + "charset=gi", encoding="utf-8")  # cut off: Babel reads the charset "g"
    with pytest.raises(CatalogueError, match=r"replykit\.po(:\d+)?: "):
        catalogues.compile_catalogue(path, "de")
