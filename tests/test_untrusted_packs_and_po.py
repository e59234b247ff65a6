"""Untrusted input to the one .po reader and to pack loading: a clear error or a result, never a crash."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replykit import CatalogueError, PackError
from replykit import packs
from replykit.po import read_po

ROOT = Path(__file__).resolve().parents[1]
DE = (ROOT / "locale" / "de" / "LC_MESSAGES" / "replykit.po").read_bytes()
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


_PO_LINE = st.tuples(
    st.sampled_from(["msgid ", "msgstr ", "msgctxt ", "msgid_plural ", "msgstr[0] ", "msgstr[7] ", "", "#, fuzzy",
                     "#~ msgid ", "#: a.txt:x", '"Plural-Forms: nplurals=9; plural=n%0;\\n"', "#| msgid "]),
    st.text(alphabet='ab"\\%()sn{}\u0645\U0001F600 \t', max_size=12),
).map(lambda parts: "".join(parts))


@FAST
@given(st.one_of(st.binary(max_size=2000),
                 st.lists(_PO_LINE, max_size=30).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))))
def test_read_po_on_any_bytes_reads_or_names_the_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(data)
    try:
        read_po(path)
    except CatalogueError as error:
        assert str(error).startswith(str(path))


@FAST
@given(st.integers(min_value=0, max_value=DE.count(b"\n") - 1))
def test_read_po_refuses_any_unterminated_string(tmp_path: Path, index: int) -> None:
    lines = DE.split(b"\n")
    line = lines[index]
    if not line.rstrip().endswith(b'"') or line.startswith(b"#"):
        return
    lines[index] = line.rstrip()[:-1]
    path = tmp_path / "de.po"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(CatalogueError, match=f"{path}:{index + 1}: unterminated"):
        read_po(path, locale="de")


def test_read_po_refuses_a_duplicate_message(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                     b'msgid "Hi"\nmsgstr "Hallo"\n\nmsgid "Hi"\nmsgstr "Servus"\n')
    with pytest.raises(CatalogueError, match=f"{path}:7: duplicate message definition 'Hi'"):
        read_po(path)


def _archive(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@FAST
@given(st.one_of(
    st.binary(max_size=3000),
    st.lists(st.tuples(st.text(alphabet="ab./-_\\\x00", min_size=1, max_size=12), st.binary(max_size=64)),
             max_size=6).map(_archive),
))
def test_loading_any_archive_is_a_pack_error_or_a_pack(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "p.tar.gz"
    path.write_bytes(data)
    with pytest.raises(PackError):
        packs.load_pack(path)


@FAST
@given(st.binary(min_size=0, max_size=300), st.sampled_from(["manifest.json", "scenarios.json", "locale/de.mo"]))
def test_any_change_to_a_pack_file_is_refused(tmp_path: Path, data: bytes, name: str) -> None:
    files = {"scenarios.json": b"[]\n", "locale/de.mo": b"\xde\x12\x04\x95" + b"\0" * 24}
    manifest = packs.make_manifest(files, "0.1.0", {"locales": {}, "source_locale": "en"})
    everything = {**files, "manifest.json": packs.encode_json(manifest)}
    assert packs.verify_files(everything, tmp_path)["id"] == manifest["id"]
    if everything[name] == data:
        return
    with pytest.raises(PackError):
        packs.verify_files({**everything, name: data}, tmp_path)


def test_an_archive_of_endless_folders_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for n in range(2 * packs.MAX_PACK_FILES + 1):
            info = tarfile.TarInfo(f"pack/d{n}")
            info.type = tarfile.DIRTYPE
            archive.addfile(info)
    path = tmp_path / "bomb.tar.gz"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(PackError, match="more entries than a pack can have"):
        packs.load_pack(path)
