"""Ed25519 signatures over a pack's manifest: who published this pack?

The manifest lists every file of a pack with its sha256, so one signature over the manifest's
bytes vouches for the whole pack. Keys are PEM files: the private key (PKCS#8, written with
mode 0600, never overwritten) signs at build time; the public key (SubjectPublicKeyInfo,
``KEYFILE.pub``) is what a service trusts. Signatures travel as one line of base64.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import SignatureError

SIGNATURE_BYTES = 64
MAX_KEY_FILE = 16_384  # a PEM Ed25519 key is ~120 bytes; anything huge is not a key


@dataclass(frozen=True, slots=True)
class KeyPair:
    """Where ``generate_keypair`` wrote the keys, and the public key's fingerprint."""

    private: Path
    public: Path
    fingerprint: str


def fingerprint(key: Ed25519PublicKey) -> str:
    """Short, stable name of a public key: sha256 of its raw bytes, first 16 hex digits."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate_keypair(private_path: str | os.PathLike[str]) -> KeyPair:
    """Write a new Ed25519 key to ``private_path`` (0600) and its public key to ``<path>.pub``.

    Refuses to overwrite either file: losing a signing key is not something to do by accident.
    """
    private = Path(private_path)
    public = private.with_name(private.name + ".pub")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
    for path in (private, public):
        if path.exists() or path.is_symlink():
            raise SignatureError(f"{path}: already exists; not overwriting a key")
    _write_new(private, private_pem, 0o600)
    _write_new(public, public_pem, 0o644)
    return KeyPair(private, public, fingerprint(key.public_key()))


def _write_new(path: Path, data: bytes, mode: int) -> None:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode)
    except FileExistsError:
        raise SignatureError(f"{path}: already exists; not overwriting a key") from None
    except OSError as error:
        raise SignatureError(f"{path}: cannot write key: {error.strerror}") from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def _read_key_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise SignatureError(f"{path}: not a key file (larger than {MAX_KEY_FILE:,} bytes)")
        return path.read_bytes()
    except OSError as error:
        raise SignatureError(f"{path}: cannot read key: {error.strerror}") from None


def load_private_key(path: str | os.PathLike[str]) -> Ed25519PrivateKey:
    """The Ed25519 private key in a PEM file (as ``replykit keygen`` writes it)."""
    path = Path(path)
    try:
        key = serialization.load_pem_private_key(_read_key_file(path), password=None)
    except (ValueError, TypeError) as error:
        raise SignatureError(f"{path}: not an unencrypted PEM private key ({error})"[:300]) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureError(f"{path}: not an Ed25519 key ({type(key).__name__})")
    return key


def load_public_key(path: str | os.PathLike[str]) -> Ed25519PublicKey:
    """The Ed25519 public key in a PEM file (``KEYFILE.pub``)."""
    path = Path(path)
    try:
        key = serialization.load_pem_public_key(_read_key_file(path))
    except (ValueError, TypeError) as error:
        raise SignatureError(f"{path}: not a PEM public key ({error})"[:300]) from None
    if not isinstance(key, Ed25519PublicKey):
        raise SignatureError(f"{path}: not an Ed25519 key ({type(key).__name__})")
    return key


def sign(data: bytes, key: Ed25519PrivateKey) -> str:
    """The signature of ``data`` (a manifest's exact bytes) as one line of base64."""
    return base64.b64encode(key.sign(data)).decode("ascii")


def verify(data: bytes, signature: str | bytes, key: Ed25519PublicKey, *, where: str = "signature") -> None:
    """Raise SignatureError unless ``signature`` is ``key``'s signature of exactly ``data``."""
    text = signature.strip() if isinstance(signature, (str, bytes)) else b""
    try:
        raw = base64.b64decode(text, validate=True) if len(text) <= 128 else b""
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != SIGNATURE_BYTES:
        raise SignatureError(f"{where}: not an Ed25519 signature (expected {SIGNATURE_BYTES} bytes of base64)")
    try:
        key.verify(raw, data)
    except InvalidSignature:
        raise SignatureError(f"{where}: does not match the trusted key {fingerprint(key)} "
                             "(signed with another key, or the manifest was changed)") from None
