"""Ed25519 pack signatures: a manifest signed with the publisher's key verifies with its public key,
and nothing else does (another key, one changed byte, a mangled signature, a key file that is not one)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from replykit.cli import main
from replykit.errors import SignatureError
from replykit.signing import generate_keypair, load_private_key, load_public_key, sign, verify

MANIFEST = b'{\n  "files": {"scenarios.json": "9f86d081"},\n  "format": 1,\n  "id": "0.1.0-abc"\n}\n'


@pytest.fixture
def keys(tmp_path: Path):
    return generate_keypair(tmp_path / "publisher.key")


def test_a_signed_manifest_verifies_with_the_public_key(keys) -> None:
    signature = sign(MANIFEST, load_private_key(keys.private))
    verify(MANIFEST, signature, load_public_key(keys.public))
    assert "\n" not in signature and len(keys.fingerprint) == 16


def test_the_private_key_is_private_and_never_overwritten(keys) -> None:
    assert stat.S_IMODE(keys.private.stat().st_mode) == 0o600
    assert keys.public.read_text().startswith("-----BEGIN PUBLIC KEY-----")
    before = keys.private.read_bytes()
    with pytest.raises(SignatureError, match="already exists"):
        generate_keypair(keys.private)
    assert keys.private.read_bytes() == before


@pytest.mark.parametrize("tamper", [
    lambda data, sig: (data.replace(b"abc", b"abd"), sig),         # one byte of the manifest
    lambda data, sig: (data + b" ", sig),                          # appended whitespace
    lambda data, sig: (data, sig[:-4] + ("AAA=" if sig[-4:] != "AAA=" else "BBB=")),  # signature bits
    lambda data, sig: (data, "not base64 at all!"),
    lambda data, sig: (data, ""),
    lambda data, sig: (data, "QUJD"),                              # valid base64, 3 bytes
    lambda data, sig: (data, "A" * 1_000_000),
])
def test_anything_changed_fails_verification(keys, tamper) -> None:
    data, signature = tamper(MANIFEST, sign(MANIFEST, load_private_key(keys.private)))
    with pytest.raises(SignatureError):
        verify(data, signature, load_public_key(keys.public))


def test_another_publishers_key_is_refused(keys, tmp_path: Path) -> None:
    other = generate_keypair(tmp_path / "other.key")
    signature = sign(MANIFEST, load_private_key(other.private))
    with pytest.raises(SignatureError, match=f"does not match the trusted key {keys.fingerprint}"):
        verify(MANIFEST, signature, load_public_key(keys.public), where="pack/manifest.sig")


@pytest.mark.parametrize("content", [b"", b"garbage", b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                                     b"\xff\xfe" * 10_000])
def test_a_file_that_is_not_a_key_is_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "key.pem"
    path.write_bytes(content)
    for load in (load_public_key, load_private_key):
        with pytest.raises(SignatureError, match=r"key\.pem: ") as caught:
            load(path)
        assert "\n" not in str(caught.value)


def test_a_public_key_is_not_a_private_key(keys) -> None:
    with pytest.raises(SignatureError, match=r"publisher\.key\.pub: not an unencrypted PEM private key"):
        load_private_key(keys.public)


def test_keygen_command(capsys, tmp_path: Path) -> None:
    path = tmp_path / "signing.key"
    assert main(["--project", str(tmp_path), "keygen", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}.pub" in out and path.is_file()
    assert main(["--project", str(tmp_path), "keygen", str(path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
