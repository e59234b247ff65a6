"""Signed packs: a service that trusts a publisher's public key loads only packs that publisher
signed; an unsigned pack, another key's signature or a changed signature is a PackError."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from replykit import PackError, load_pack, pack_store, packs
from replykit.cli import main
from replykit.signing import generate_keypair, load_private_key

ROOT = Path(__file__).resolve().parents[1]


def publish_small(build_dir: Path, key_path: Path | None) -> Path:
    """A tiny, well-formed pack published the way a build publishes one (signed when a key is given)."""
    files = {"scenarios.json": b"[]\n"}
    manifest = packs.make_manifest(files, "0.1.0", {"name": "replykit", "source_locale": "en", "locales": {}})
    key = load_private_key(key_path) if key_path else None
    return pack_store.publish(build_dir, files, manifest, signing_key=key).path


@pytest.fixture
def keys(tmp_path: Path):
    return generate_keypair(tmp_path / "publisher.key")


def test_a_signed_pack_loads_with_the_trusted_key_as_folder_and_archive(tmp_path: Path, keys) -> None:
    folder = publish_small(tmp_path / "build", keys.private)
    assert (folder / packs.SIGNATURE).is_file()
    assert load_pack(folder, trust=keys.public).id == folder.name
    assert load_pack(f"{folder}{packs.ARCHIVE_SUFFIX}", trust=str(keys.public)).id == folder.name


def test_an_unsigned_pack_is_refused_when_a_key_is_trusted(tmp_path: Path, keys) -> None:
    folder = publish_small(tmp_path / "build", None)
    assert load_pack(folder).id == folder.name  # without trust, as before
    with pytest.raises(PackError, match="not signed"):
        load_pack(folder, trust=keys.public)


def test_another_publishers_signature_is_refused(tmp_path: Path, keys) -> None:
    other = generate_keypair(tmp_path / "other.key")
    folder = publish_small(tmp_path / "build", other.private)
    with pytest.raises(PackError, match=rf"{packs.SIGNATURE}: does not match the trusted key {keys.fingerprint}"):
        load_pack(folder, trust=keys.public)


@pytest.mark.parametrize("content", [b"", b"garbage\n", b"A" * 100_000, b"\xff\xfe"])
def test_a_damaged_signature_is_refused(tmp_path: Path, keys, content: bytes) -> None:
    folder = publish_small(tmp_path / "build", keys.private)
    (folder / packs.SIGNATURE).write_bytes(content)
    with pytest.raises(PackError, match=packs.SIGNATURE):
        load_pack(folder, trust=keys.public)


def test_the_signature_is_the_only_file_a_manifest_does_not_list(tmp_path: Path, keys) -> None:
    folder = publish_small(tmp_path / "build", keys.private)
    (folder / "manifest.sig.bak").write_bytes(b"x")
    with pytest.raises(PackError, match="manifest.sig.bak is not listed in the manifest"):
        load_pack(folder, trust=keys.public)


def test_replykit_trust_makes_the_default_renderer_demand_a_signature(tmp_path: Path, keys, monkeypatch) -> None:
    build_dir = tmp_path / "build"
    publish_small(build_dir, None)
    monkeypatch.setenv("REPLYKIT_TRUST", str(keys.public))
    with pytest.raises(PackError, match="not signed"):
        pack_store.default_renderer(build_dir)
    publish_small(build_dir, keys.private)  # the same content, now signed by the trusted key
    assert pack_store.default_renderer(build_dir).scenarios == {}


def test_a_trusted_key_file_that_is_not_a_key_is_one_line(tmp_path: Path) -> None:
    folder = publish_small(tmp_path / "build", None)
    bad = tmp_path / "trusted.pub"
    bad.write_text("not a key")
    with pytest.raises(PackError, match=r"trusted\.pub: not a PEM public key"):
        load_pack(folder, trust=bad)


def test_build_sign_end_to_end(capsys, tmp_path: Path, keys) -> None:
    root = tmp_path / "project"
    for name in ("templates", "locale"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "replykit.toml", root / "replykit.toml")
    assert main(["--project", str(root), "build", "--sign", str(keys.private)]) == 0
    current = pack_store.current_pack(root / "build")
    pack = load_pack(current, trust=keys.public)
    reply = pack.render("delay_notice", locale="de", marketplace="amazon",
                        variables=pack.scenarios["delay_notice"].samples("amazon"))
    assert "302-1234567-7654321" in reply.text
    assert main(["--project", str(root), "build", "--sign", str(tmp_path / "missing.key")]) == 2
    assert "missing.key" in capsys.readouterr().err


def test_serve_trust_refuses_an_unsigned_pack_before_listening(capsys, tmp_path: Path, keys, monkeypatch) -> None:
    monkeypatch.delenv("REPLYKIT_TRUST", raising=False)  # restored after the test
    folder = publish_small(tmp_path / "build", None)
    base = ["--project", str(tmp_path), "serve", "--pack", str(folder), "--port", "0"]
    assert main([*base, "--trust", str(tmp_path / "missing.pub")]) == 2
    assert "missing.pub: cannot read key" in capsys.readouterr().err
    assert main([*base, "--trust", str(keys.public)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not signed" in err
