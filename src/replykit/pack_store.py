"""Pack store: the build folder where packs are published, and operating it.

``build/packs/<pack-id>/`` and ``<pack-id>.tar.gz`` beside it; ``build/CURRENT`` names the
published pack; ``build/HISTORY`` lists pack ids in publish order (for ``pack prune`` and
``pack rollback``). Publishing is atomic and serialised by ``build/.lock``: the pack is
written to a staging folder, read back and verified, renamed into place, archived, and only
then does ``CURRENT`` name it. Staging left by a killed build is removed by the next one.

This module never checks content: :func:`replykit.build` (``publish.py``) is the only caller
of :func:`publish`, and it runs the project check first.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .errors import PackError
from .packs import (ARCHIVE_SUFFIX, DIR_MODE, FILE_MODE, MANIFEST, SIGNATURE, PackSource, archive_bytes, encode_json,
                    read_pack)
from .rendering.renderer import Renderer
from .signing import sign

CURRENT = "CURRENT"
HISTORY = "HISTORY"
PACKS = "packs"
LOCK = ".lock"
STAGING_PREFIX = ".staging-"
_PACK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,127}")


def _checked_id(value: str, where: Path) -> str:
    if not _PACK_ID.fullmatch(value):
        raise PackError(f"{where}: {value[:80]!r} is not a pack id; run `replykit build`")
    return value


def current_pack(build_dir: Path) -> Path:
    """The pack folder ``build/CURRENT`` names; PackError when there is none to use."""
    pointer = build_dir / CURRENT
    hint = "run `replykit build` (or render from the sources on purpose: --source / from_sources=True)"
    try:
        pack_id = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise PackError(f"{pointer}: missing, no pack is published; {hint}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{pointer}: unreadable ({getattr(error, 'strerror', None) or error}); {hint}") from None
    path = build_dir / PACKS / _checked_id(pack_id, pointer)
    if not path.is_dir():
        raise PackError(f"{pointer}: names pack {pack_id}, which is not in {build_dir / PACKS}; {hint}")
    return path


def history(build_dir: Path) -> list[str]:
    """Pack ids in the order they were published (oldest first, last publish counts)."""
    try:
        lines = (build_dir / HISTORY).read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        lines = []
    order = list(dict.fromkeys(reversed(lines)))
    return [pid for pid in reversed(order) if _PACK_ID.fullmatch(pid)]


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{STAGING_PREFIX}{path.name}")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temporary, FILE_MODE)
    os.replace(temporary, path)


def point_current(build_dir: Path, pack_id: str) -> None:
    _write_atomic(build_dir / CURRENT, f"{pack_id}\n".encode())


@contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """One publisher at a time per build folder (released by the OS if the process dies)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / LOCK, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def remove_staging(build_dir: Path) -> list[str]:
    """Remove what killed builds left behind (call with the build lock held)."""
    removed = []
    for folder in (build_dir, build_dir / PACKS):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry.name.startswith(STAGING_PREFIX):
                shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
                removed.append(entry.name)
    return removed


def _write_folder(target: Path, files: Mapping[str, bytes]) -> None:
    os.chmod(target, DIR_MODE)
    for name in sorted(files):
        path = target / name
        for parent in reversed(path.relative_to(target).parents[:-1]):
            folder = target / parent
            if not folder.is_dir():
                folder.mkdir()
                os.chmod(folder, DIR_MODE)
        with open(path, "wb") as handle:
            handle.write(files[name])
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(path, FILE_MODE)


@dataclass(frozen=True, slots=True)
class Published:
    """Where :func:`publish` put a pack."""

    pack_id: str
    path: Path
    archive: Path


def publish(build_dir: Path, files: Mapping[str, bytes], manifest: Mapping[str, Any], *, mtime: int = 0,
            signing_key: Ed25519PrivateKey | None = None) -> Published:
    """Write, verify and publish a pack atomically; ``build/CURRENT`` names it only when complete.

    With ``signing_key`` the pack carries an Ed25519 signature of its manifest (``manifest.sig``);
    the pack id stays the content's, so a signed and an unsigned build of the same sources agree.
    """
    pack_id = _checked_id(str(manifest["id"]), build_dir)
    everything = {**files, MANIFEST: encode_json(manifest)}
    if signing_key is not None:
        everything[SIGNATURE] = (sign(everything[MANIFEST], signing_key) + "\n").encode("ascii")
    packs_dir = build_dir / PACKS
    final, archive = packs_dir / pack_id, packs_dir / f"{pack_id}{ARCHIVE_SUFFIX}"
    with build_lock(build_dir):
        packs_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(packs_dir, DIR_MODE)
        remove_staging(build_dir)
        if not _intact(final):
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=packs_dir))
            _write_folder(staging, everything)
            read_pack(staging)  # what was written reads back and verifies
            if final.exists():  # a damaged copy of the same pack: replace it
                old = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=packs_dir))
                os.replace(final, old / pack_id)
                shutil.rmtree(old)
            os.replace(staging, final)
        elif SIGNATURE in everything and _read_or_none(final / SIGNATURE) != everything[SIGNATURE]:
            _write_atomic(final / SIGNATURE, everything[SIGNATURE])  # the same pack, now signed
        data = archive_bytes(pack_id, everything, mtime)
        if not archive.is_file() or archive.read_bytes() != data:
            _write_atomic(archive, data)
        point_current(build_dir, pack_id)
        ids = [pid for pid in history(build_dir) if pid != pack_id] + [pack_id]
        _write_atomic(build_dir / HISTORY, "".join(f"{pid}\n" for pid in ids).encode())
    return Published(pack_id, final, archive)


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _intact(path: Path) -> bool:
    if not path.is_dir():
        return False
    try:
        read_pack(path)
    except PackError:
        return False
    return True


# --- operating published packs: list, verify, prune, rollback -------------------------------

@dataclass(frozen=True, slots=True)
class PackInfo:
    """One pack in ``build/packs`` as ``replykit pack list`` shows it."""

    pack_id: str
    path: Path
    current: bool
    archive: bool
    problem: str | None  # why it does not verify, or None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.pack_id, "path": str(self.path), "current": self.current, "archive": self.archive,
                "ok": self.problem is None, "problem": self.problem}


def list_packs(build_dir: Path) -> list[PackInfo]:
    """Every pack folder, in publish order (oldest first), each verified."""
    packs_dir = build_dir / PACKS
    found = sorted(p.name for p in packs_dir.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if packs_dir.is_dir() else []
    order = history(build_dir)
    found.sort(key=lambda pid: (order.index(pid) if pid in order else -1, pid))
    try:
        current = current_pack(build_dir).name
    except PackError:
        current = None
    result = []
    for pack_id in found:
        try:
            read_pack(packs_dir / pack_id)
            problem = None
        except PackError as error:
            problem = str(error)
        result.append(PackInfo(pack_id, packs_dir / pack_id, pack_id == current,
                               (packs_dir / f"{pack_id}{ARCHIVE_SUFFIX}").is_file(), problem))
    return result


def prune(build_dir: Path, keep: int) -> list[str]:
    """Remove all but the ``keep`` most recently published packs (never the current one)."""
    if keep < 1:
        raise PackError(f"prune --keep {keep}: keep at least 1 pack")
    with build_lock(build_dir):
        remove_staging(build_dir)
        packs = list_packs(build_dir)
        kept = {p.pack_id for p in packs[-keep:]} | {p.pack_id for p in packs if p.current}
        removed = []
        for info in packs:
            if info.pack_id not in kept:
                shutil.rmtree(info.path)
                (info.path.parent / f"{info.pack_id}{ARCHIVE_SUFFIX}").unlink(missing_ok=True)
                removed.append(info.pack_id)
        ids = [pid for pid in history(build_dir) if pid not in removed]
        _write_atomic(build_dir / HISTORY, "".join(f"{pid}\n" for pid in ids).encode())
    return removed


def rollback(build_dir: Path, pack_id: str | None = None) -> str:
    """Point ``build/CURRENT`` at ``pack_id`` (default: the pack published before the current one)."""
    with build_lock(build_dir):
        if pack_id is None:
            current = current_pack(build_dir).name
            order = [pid for pid in history(build_dir) if (build_dir / PACKS / pid).is_dir()]
            earlier = order[:order.index(current)] if current in order else []
            if not earlier:
                raise PackError(f"{build_dir / HISTORY}: no pack was published before {current}")
            pack_id = earlier[-1]
        path = build_dir / PACKS / _checked_id(pack_id, build_dir / PACKS)
        read_pack(path)  # only a pack that verifies is put in front of buyers
        point_current(build_dir, pack_id)
    return pack_id


def default_renderer(build_dir: Path, explicit: str | None = None) -> Renderer:
    """A renderer over ``explicit`` (``$REPLYKIT_PACK``) or the pack ``build/CURRENT`` names; never the sources."""
    source = PackSource(explicit) if explicit else PackSource(current_pack(build_dir))
    return Renderer(source, source.source_locale)
