"""Pack format: what a pack holds, and loading it verified.

A pack is a folder ``<version>-<digest>/`` holding everything rendering needs and nothing
else: ``manifest.json`` (what the pack holds and the sha256 and size of every other file),
``scenarios.json``, the prepared templates of every scenario and a .mo catalogue per shipped
locale. ``<pack-id>.tar.gz`` is the same pack as one file, byte-identical for identical
sources (sorted entries, fixed owner, modes and mtime, gzip mtime 0). The digest in the id
covers every file, so the id names the content.

Loading a pack (a folder or its archive) reads every file into memory and checks it against
the manifest: a changed, missing, extra or truncated file is a :class:`PackError` naming it.
Where packs live and how they are published is ``pack_store``; what may be published is
decided by :func:`replykit.build` alone.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import tarfile
import zlib
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .errors import PackError, SignatureError
from .rendering.catalogue import Catalogue, catalogue_from_mo
from .rendering.renderer import Renderer, Reply
from .rendering.templates import PreparedTemplates
from .scenarios import Scenario, scenario_from_dict
from .signing import load_public_key, verify

if TYPE_CHECKING:
    from .checked import TicketJudge
    from .checks import Checker

FORMAT = 2
MANIFEST = "manifest.json"
#: Ed25519 signature of manifest.json (``replykit build --sign``): the one file the manifest cannot list.
SIGNATURE = "manifest.sig"
#: A public key file every pack load then requires a signature from (``load_pack(trust=...)`` overrides it).
TRUST_ENV = "REPLYKIT_TRUST"
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
_LOCALE_NAME = re.compile(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8}){0,2}")
_PINNED_ID = re.compile(r"[0-9][A-Za-z0-9._+-]*-[0-9a-f]{12}")  # <version>-<digest>, as a build names packs
ARCHIVE_SUFFIX = ".tar.gz"
TEMPLATE_FILES = {"subject": "subject.txt", "html": "body.html", "text": "body.txt", "short": "short.txt"}
#: Refuse packs bigger than this (files are read into memory to be verified).
MAX_PACK_BYTES = 256 * 1024 * 1024
MAX_PACK_FILES = 20_000
DIR_MODE, FILE_MODE = 0o755, 0o644


# --- reading and verifying ------------------------------------------------------------------

def _read_folder(path: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    for folder, dirs, names in os.walk(path):
        dirs.sort()
        for name in sorted(names):
            full = Path(folder) / name
            relative = full.relative_to(path).as_posix()
            if full.is_symlink() or not full.is_file():
                raise PackError(f"{path}: {relative} is not a regular file")
            try:
                data = full.read_bytes()
            except OSError as error:
                raise PackError(f"{path}: {relative} cannot be read: {error.strerror}") from None
            total += len(data)
            if total > MAX_PACK_BYTES or len(files) >= MAX_PACK_FILES:
                raise PackError(f"{path}: larger than a pack can be ({MAX_PACK_BYTES} bytes, {MAX_PACK_FILES} files)")
            files[relative] = data
        for name in dirs:
            if (Path(folder) / name).is_symlink():
                raise PackError(f"{path}: {(Path(folder) / name).relative_to(path).as_posix()} is a symlink")
    return files


def _read_archive(path: Path) -> dict[str, bytes]:
    """The files of ``<pack-id>.tar.gz`` (one top folder), without extracting anything to disk."""
    files: dict[str, bytes] = {}
    tops: set[str] = set()
    total = 0
    try:
        with tarfile.open(path, "r:gz") as archive:
            for count, member in enumerate(archive):
                if count >= 2 * MAX_PACK_FILES:  # folders count too: headers alone can be a bomb
                    raise PackError(f"{path}: more entries than a pack can have ({2 * MAX_PACK_FILES})")
                parts = member.name.rstrip("/").split("/")
                if member.name.startswith("/") or any(p in ("", ".", "..") for p in parts):
                    raise PackError(f"{path}: unsafe entry {member.name!r}")
                tops.add(parts[0])
                if len(tops) > 1:
                    raise PackError(f"{path}: entries under more than one top folder ({', '.join(sorted(tops))})")
                if member.isdir():
                    continue
                if not member.isfile() or len(parts) < 2:
                    raise PackError(f"{path}: {member.name} is not a file inside the pack folder")
                relative = "/".join(parts[1:])
                total += member.size
                if total > MAX_PACK_BYTES or len(files) >= MAX_PACK_FILES or relative in files:
                    raise PackError(f"{path}: {relative}: too large, too many files or listed twice")
                handle = archive.extractfile(member)
                files[relative] = handle.read(member.size) if handle else b""
    except FileNotFoundError:
        raise PackError(f"{path}: no such pack archive") from None
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise PackError(f"{path}: not a readable pack archive ({error})") from None
    return files


def pack_digest(files: Mapping[str, Any], fields: Mapping[str, Any] | None = None) -> str:
    """Digest over every file name and its sha256 (``files`` maps name -> sha256 hex) and over the
    manifest's own fields (what the pack says it holds: scenarios, schemas, locales), so one id
    never names two different manifests."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + bytes.fromhex(files[name]))
    if fields:
        digest.update(b"\0" + json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode())
    return digest.hexdigest()[:12]


def _described(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The manifest's fields the id covers: all but the id itself and the file list (covered per file)."""
    return {k: v for k, v in manifest.items() if k not in ("id", "files")}


def verify_files(files: Mapping[str, bytes], where: Path) -> dict[str, Any]:
    """Check every file against the manifest; return the manifest. PackError names what is wrong."""
    raw = files.get(MANIFEST)
    if raw is None:
        raise PackError(f"{where}: not a replykit pack ({MANIFEST} missing); run `replykit build`")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackError(f"{where}/{MANIFEST}: not valid JSON ({error}); run `replykit build`") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise PackError(f"{where}: pack format {found!r}, this replykit reads {FORMAT}; run `replykit build`")
    listed = manifest.get("files")
    if not isinstance(listed, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("sha256"), str) and isinstance(v.get("size"), int)
            for v in listed.values()):
        raise PackError(f"{where}/{MANIFEST}: no valid file list")
    for name, entry in sorted(listed.items()):
        data = files.get(name)
        if data is None:
            raise PackError(f"{where}: {name} is missing from the pack")
        if len(data) < entry["size"]:
            raise PackError(f"{where}: {name} is truncated ({len(data)} of {entry['size']} bytes)")
        if len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise PackError(f"{where}: {name} was changed (sha256 differs from the manifest)")
    extra = sorted(set(files) - set(listed) - {MANIFEST, SIGNATURE})
    if extra:
        raise PackError(f"{where}: {extra[0]} is not listed in the manifest")
    try:
        expected = f"{manifest['version']}-{pack_digest({n: e['sha256'] for n, e in listed.items()}, _described(manifest))}"
    except (KeyError, ValueError, TypeError):
        raise PackError(f"{where}/{MANIFEST}: malformed") from None
    if manifest.get("id") != expected:
        raise PackError(f"{where}/{MANIFEST}: id {manifest.get('id')!r} does not match the files ({expected})")
    return manifest


def read_pack(path: str | os.PathLike[str]) -> tuple[dict[str, bytes], dict[str, Any]]:
    """Every file of a pack folder or archive, verified; and its manifest."""
    where = Path(path)
    if where.is_dir():
        files = _read_folder(where)
    elif where.name.endswith(ARCHIVE_SUFFIX):
        files = _read_archive(where)
    elif where.exists():
        raise PackError(f"{where}: neither a pack folder nor a {ARCHIVE_SUFFIX} pack archive")
    else:
        raise PackError(f"{where}: no such pack; run `replykit build`")
    return files, verify_files(files, where)


def check_signature(files: Mapping[str, bytes], key: Ed25519PublicKey, where: Path) -> None:
    """The pack's manifest must carry ``key``'s signature; PackError (SignatureError) otherwise."""
    signature = files.get(SIGNATURE)
    if signature is None:
        raise SignatureError(f"{where}: not signed ({SIGNATURE} missing), but a signing key is trusted")
    verify(files[MANIFEST], signature, key, where=f"{where}/{SIGNATURE}")


def trusted_key(trust: str | os.PathLike[str] | Ed25519PublicKey | None) -> Ed25519PublicKey | None:
    """The public key to demand a signature from: ``trust`` (a key or its PEM file), else ``$REPLYKIT_TRUST``."""
    if isinstance(trust, Ed25519PublicKey):
        return trust
    path = trust if trust is not None else os.environ.get(TRUST_ENV) or None
    return load_public_key(path) if path is not None else None


class PackSource:
    """A renderer's template source: a published pack (folder or archive), verified on load.

    With a trusted key (``trust``, else ``$REPLYKIT_TRUST``) the manifest must carry its signature.
    """

    def __init__(self, path: str | os.PathLike[str], *,
                 trust: str | os.PathLike[str] | Ed25519PublicKey | None = None) -> None:
        self.path = Path(path)
        self._files, self.manifest = read_pack(self.path)
        self.trust = trusted_key(trust)
        if self.trust is not None:
            check_signature(self._files, self.trust, self.path)
        self._templates: dict[str, PreparedTemplates] = {}
        self._catalogues: dict[str, Catalogue] = {}

    @property
    def pack_id(self) -> str:
        return str(self.manifest["id"])

    @property
    def source_locale(self) -> str:
        return str(self.manifest.get("source_locale", "en"))

    def _text(self, name: str) -> str:
        try:
            return self._files[name].decode("utf-8")
        except UnicodeDecodeError:
            raise PackError(f"{self.path}: {name} is not UTF-8") from None

    @cached_property
    def scenarios(self) -> Mapping[str, Scenario]:
        try:
            data = json.loads(self._text("scenarios.json"))
            scenarios = {entry["id"]: scenario_from_dict(entry) for entry in data}
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise PackError(f"{self.path}: scenarios.json is malformed ({error})"[:300]) from None
        for scenario_id in scenarios:  # ids name folders: never a path
            if not isinstance(scenario_id, str) or not _PLAIN_NAME.fullmatch(scenario_id):
                raise PackError(f"{self.path}/scenarios.json: scenario id {str(scenario_id)[:60]!r} is not a plain name")
        return scenarios

    @cached_property
    def locales(self) -> tuple[str, ...]:
        listed = self.manifest.get("locales")
        if not isinstance(listed, dict):
            raise PackError(f"{self.path}/{MANIFEST}: locales must be an object of locale names")
        bad = next((loc for loc in listed if not _LOCALE_NAME.fullmatch(loc)), None)
        if bad is not None:  # locale names name files: never a path
            raise PackError(f"{self.path}/{MANIFEST}: locales: {bad[:60]!r} is not a locale name")
        return tuple(listed)

    def templates(self, scenario_id: str) -> PreparedTemplates:
        if scenario_id not in self._templates:
            parts = {key: self._text(f"templates/{scenario_id}/{name}")
                     for key, name in TEMPLATE_FILES.items() if f"templates/{scenario_id}/{name}" in self._files}
            try:
                self._templates[scenario_id] = PreparedTemplates(**parts)
            except TypeError:
                raise PackError(f"{self.path}: templates of {scenario_id} are incomplete") from None
        return self._templates[scenario_id]

    def catalogue(self, locale: str) -> Catalogue:
        if locale not in self._catalogues:
            name = f"locale/{locale}.mo"
            if name not in self._files:
                raise PackError(f"{self.path}: {name} is missing from the pack")
            self._catalogues[locale] = catalogue_from_mo(self._files[name], locale, f"{self.path}/{name}")
        return self._catalogues[locale]

    def reopen(self) -> PackSource:
        """The same path read and verified again (for :meth:`Renderer.reload`)."""
        return PackSource(self.path, trust=self.trust)


class Pack:
    """A loaded, verified pack: what a service renders from."""

    def __init__(self, source: PackSource) -> None:
        self.source = source
        self.renderer = Renderer(source, source.source_locale)

    @property
    def id(self) -> str:
        return self.source.pack_id

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def manifest(self) -> dict[str, Any]:
        return self.source.manifest

    @property
    def scenarios(self) -> Mapping[str, Scenario]:
        return self.source.scenarios

    @property
    def locales(self) -> tuple[str, ...]:
        return self.source.locales

    def warm(self) -> None:
        """Compile every scenario for every locale now rather than on the first render."""
        self.renderer.warm()

    def render(self, scenario: str, *, locale: str, marketplace: str, variables: Mapping[str, Any],
               channel: str | None = None, checker: Checker | TicketJudge | None = None) -> Reply:
        """See :meth:`Renderer.render`; with a ``checker``, ``reply.findings`` are what the variables bring in."""
        return self.renderer.render(scenario, locale=locale, marketplace=marketplace, variables=variables,
                                    channel=channel, checker=checker)


def load_pack(path: str | os.PathLike[str], *,
              trust: str | os.PathLike[str] | Ed25519PublicKey | None = None) -> Pack:
    """Load a pack folder or ``<pack-id>.tar.gz``, verified against its manifest.

    ``trust`` is the publisher's Ed25519 public key (a key, or the path of its PEM file, as
    ``replykit keygen`` writes it): the manifest must carry that key's signature. Without it
    ``$REPLYKIT_TRUST`` is used, when set. A plain pack id instead pins the pack a service
    expects; another pack is refused.
    """
    if isinstance(trust, str) and _PINNED_ID.fullmatch(trust) and not Path(trust).is_file():
        pack = Pack(PackSource(path))
        if pack.id != trust:
            raise PackError(f"{path}: pack {pack.id} is not the trusted pack {trust}")
        return pack
    return Pack(PackSource(path, trust=trust))


def make_manifest(files: Mapping[str, bytes], version: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The manifest of ``files``: ``fields`` plus format, id and every file's sha256 and size."""
    listed = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)} for name, data in files.items()}
    described = {**fields, "format": FORMAT, "version": version}
    pack_id = f"{version}-{pack_digest({n: e['sha256'] for n, e in listed.items()}, described)}"
    return {**described, "id": pack_id, "files": dict(sorted(listed.items()))}


def encode_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def archive_bytes(pack_id: str, files: Mapping[str, bytes], mtime: int = 0) -> bytes:
    """``<pack-id>.tar.gz``: sorted entries, fixed owner, modes and mtime, gzip mtime 0."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as compressed:
        with tarfile.open(fileobj=compressed, mode="w", format=tarfile.GNU_FORMAT) as archive:
            folders = sorted({"/".join(name.split("/")[:i]) for name in files for i in range(1, name.count("/") + 1)})
            for name in ["", *folders]:
                info = tarfile.TarInfo(f"{pack_id}/{name}".rstrip("/"))
                info.type, info.mode = tarfile.DIRTYPE, DIR_MODE
                _fix(info, mtime)
                archive.addfile(info)
            for name in sorted(files):
                info = tarfile.TarInfo(f"{pack_id}/{name}")
                info.size, info.mode = len(files[name]), FILE_MODE
                _fix(info, mtime)
                archive.addfile(info, io.BytesIO(files[name]))
    return buffer.getvalue()


def _fix(info: tarfile.TarInfo, mtime: int) -> None:
    info.mtime, info.uid, info.gid, info.uname, info.gname = mtime, 0, 0, "", ""
