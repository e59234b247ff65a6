"""Issue 9: only checked content reaches a buyer; packs an operator can ship.

The five holes are reproduced here on a copy of the shipped project and must stay refused:
an unchecked library build, templates edited without extract/update, a .po that does not
parse, a missing or broken build/CURRENT, and a pack whose files were edited.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import textwrap
import time
from pathlib import Path

import polib
import pytest

import replykit
from replykit import PackError, PackSource, Renderer, build, load_pack
from replykit import pack_store, packs, publish
from replykit.catalogues import update
from replykit.cli import main
from replykit.project import Project

ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> publish.BuildResult:
    """One gated build of the shipped project, shared by the tests that only read or copy it."""
    root = tmp_path_factory.mktemp("published")
    for name in ("templates", "locale"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "replykit.toml", root / "replykit.toml")
    result = publish.build(root, progress=lambda done, total, label: PROGRESS.append((done, total, label)))
    return result


PROGRESS: list[tuple[int, int, str]] = []  # what the session build reported as it went


def _variant(pack: Path, n: int, **changes: bytes) -> tuple[dict[str, bytes], dict]:
    """The files and manifest of a pack that differs from ``pack`` (a note file, or changed files)."""
    files, manifest = packs.read_pack(pack)
    del files[packs.MANIFEST]
    files.update(changes or {f"notes/{n}.txt": f"variant {n}\n".encode()})
    fields = {k: v for k, v in manifest.items() if k not in ("format", "id", "files", "version")}
    return files, packs.make_manifest(files, manifest["version"], fields)


def _copy_pack(published, tmp_path: Path) -> Path:
    target = tmp_path / published.pack_id
    shutil.copytree(published.path, target)
    return target


def _samples(pack: Path) -> dict:
    return PackSource(pack).scenarios["delay_notice"].samples("amazon")


# --- hole 1: the library build is gated -----------------------------------------------------

def test_library_build_refuses_a_script_translation(project_copy: Project, published) -> None:
    shutil.copytree(published.path.parent.parent, project_copy.build_dir)  # a pack is already published
    pointer = (project_copy.build_dir / pack_store.CURRENT).read_text()
    po = polib.pofile(str(project_copy.po_path("de")))
    entry = next(e for e in po if e.msgstr and "%(" not in e.msgid and not e.msgid_plural)
    entry.msgstr = "<script>alert(1)</script> " + entry.msgstr
    po.save(str(project_copy.po_path("de")))
    with pytest.raises(PackError, match="check error"):
        replykit.build(str(project_copy.root))
    assert (project_copy.build_dir / pack_store.CURRENT).read_text() == pointer
    assert not hasattr(packs, "build") and not hasattr(pack_store, "build")  # no unchecked way to publish


# --- hole 2: stale sources are an error -----------------------------------------------------

def test_template_edited_without_extract_is_stale_everywhere(project_copy: Project,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    subject = project_copy.templates_dir / "delay_notice" / "subject.txt"
    subject.write_text("{% trans %}A brand-new subject line{% endtrans %}\n", encoding="utf-8")
    project = str(project_copy.root)
    assert all(row.stale for row in replykit.catalogues.stats(project_copy))
    code, out, _ = run(capsys, "--project", project, "check", "--marketplace", "amazon", "--format", "json")
    stale = [f for f in json.loads(out)["findings"] if f["rule"] == "catalog.stale"]
    assert code == 1 and all(f["severity"] == "error" for f in stale)
    assert any(f["file"] == "templates/delay_notice/subject.txt" and f["line"] == 1
               and "replykit extract" in f["message"] for f in stale)
    with pytest.raises(PackError, match="catalog.stale"):
        build(project_copy.root)
    assert not (project_copy.build_dir / pack_store.CURRENT).exists()
    pot_before = project_copy.pot_path.read_bytes()
    assert run(capsys, "--project", project, "extract", "--check")[0] == 1
    assert project_copy.pot_path.read_bytes() == pot_before  # --check writes nothing
    assert run(capsys, "--project", project, "extract")[0] == 0
    assert run(capsys, "--project", project, "extract", "--check")[0] == 0
    de_before = project_copy.po_path("de").read_bytes()
    code, out, _ = run(capsys, "--project", project, "update", "--check")
    assert code == 1 and "de/LC_MESSAGES/replykit.po" in out
    assert project_copy.po_path("de").read_bytes() == de_before
    assert run(capsys, "--project", project, "update")[0] == 0
    assert run(capsys, "--project", project, "update", "--check")[0] == 0


def test_update_leaves_a_file_alone_when_only_generated_by_differs(project_copy: Project) -> None:
    path = project_copy.po_path("de")
    text = path.read_text(encoding="utf-8")
    assert '"Generated-By: Babel' in text
    old = text.replace('"Generated-By: Babel', '"Generated-By: Babel 0.0 (was', 1)
    path.write_text(old, encoding="utf-8")
    assert update(project_copy, ["de"]) == []
    assert path.read_text(encoding="utf-8") == old


# --- hole 3: one strict .po reader -----------------------------------------------------------

def test_unterminated_string_is_refused_by_every_command(project_copy: Project,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = project_copy.po_path("de")
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith('msgstr "') and len(line) > 12)
    lines[index] = lines[index][:-1]  # drop the closing quote
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = str(project_copy.root)
    for argv in (["compile", "de"], ["stats"], ["update", "de"], ["render", "delay_notice", "--locale", "de",
                                                                 "--marketplace", "amazon", "--source"]):
        code, _, err = run(capsys, "--project", project, *argv)
        assert code == 2 and f"de/LC_MESSAGES/replykit.po:{index + 1}: unterminated" in err, argv
    assert not path.with_suffix(".mo").exists()  # nothing written
    code, out, _ = run(capsys, "--project", project, "lint", str(path))
    assert code == 2 and "po.syntax" in out and f":{index + 1}" in out
    with pytest.raises(replykit.CatalogueError, match=f":{index + 1}: unterminated"):
        build(project_copy.root)


def test_lint_of_a_catalogue_needs_no_marketplace(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--project", str(project.root), "lint", str(project.po_path("de")))
    assert code == 0, out
    code, _, err = run(capsys, "lint", str(ROOT / "README.md"))
    assert code == 2 and "--marketplace is needed" in err


# --- hole 4: no silent fallback to the sources ----------------------------------------------

@pytest.mark.parametrize("damage", ["missing", "unreadable", "names-nothing", "escapes"])
def test_no_published_pack_is_an_error_not_the_sources(project_copy: Project, damage: str,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pointer = project_copy.build_dir / pack_store.CURRENT
    project_copy.build_dir.mkdir()
    if damage == "unreadable":
        pointer.mkdir()
    elif damage == "names-nothing":
        pointer.write_text("0.1.0-000000000000\n")
    elif damage == "escapes":
        pointer.write_text("../../templates\n")
    monkeypatch.chdir(project_copy.root)
    monkeypatch.delenv("REPLYKIT_PACK", raising=False)
    monkeypatch.setattr(replykit, "_default", None)
    args = dict(locale="de", marketplace="amazon",
                variables=replykit.sources_renderer().scenario("delay_notice").samples())
    with pytest.raises(PackError, match="CURRENT.*replykit build"):
        replykit.render("delay_notice", **args)
    assert replykit.render("delay_notice", from_sources=True, **args).locale == "de"
    code, out, err = run(capsys, "render", "delay_notice", "--locale", "de", "--marketplace", "amazon")
    assert code == 2 and out == "" and "replykit build" in err
    code, out, err = run(capsys, "render", "delay_notice", "--locale", "de", "--marketplace", "amazon",
                         "--format", "subject", "--source")
    assert code == 0 and out and "from the project's sources" in err


# --- hole 5: verified packs ------------------------------------------------------------------

@pytest.mark.parametrize("damage,message", [
    ("edit", "templates/delay_notice/body.txt was changed"),
    ("truncate", "templates/delay_notice/body.txt is truncated"),
    ("extend", "templates/delay_notice/body.txt was changed"),
    ("delete", "templates/delay_notice/body.txt is missing"),
    ("extra", "templates/delay_notice/evil.txt is not listed"),
    ("manifest", "does not match the files"),
    ("described", "does not match the files"),
])
def test_a_tampered_pack_is_refused(published, tmp_path: Path, damage: str, message: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    pack = _copy_pack(published, tmp_path)
    body = pack / "templates" / "delay_notice" / "body.txt"
    data = body.read_bytes()
    if damage == "edit":
        body.write_bytes(data.replace(b"{% trans", b"Send us your bank PIN. {% trans", 1))
    elif damage == "truncate":
        body.write_bytes(data[: len(data) // 2])
    elif damage == "extend":
        body.write_bytes(data + b"P.S. wire money here\n")
    elif damage == "delete":
        body.unlink()
    elif damage == "extra":
        (body.parent / "evil.txt").write_text("x")
    elif damage == "described":  # files intact, what the manifest says about them changed
        manifest = json.loads((pack / "manifest.json").read_text())
        manifest["scenarios"]["delay_notice"]["variables"]["required"] = []
        (pack / "manifest.json").write_text(json.dumps(manifest))
    else:  # edit a file and make the manifest agree with it
        body.write_bytes(data + b"!")
        manifest = json.loads((pack / "manifest.json").read_text())
        entry = manifest["files"]["templates/delay_notice/body.txt"]
        entry["sha256"], entry["size"] = __import__("hashlib").sha256(data + b"!").hexdigest(), len(data) + 1
        (pack / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(PackError, match=message):
        load_pack(pack)
    with pytest.raises(PackError, match=message):
        PackSource(str(pack))
    code, _, err = run(capsys, "pack", "verify", str(pack))
    assert code == 2 and message.split(" ")[0] in err


def test_pack_permissions_archive_and_loading(published, tmp_path: Path) -> None:
    assert stat.S_IMODE(published.path.stat().st_mode) == 0o755
    for path in published.path.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path
    assert published.archive == published.path.parent / f"{published.pack_id}.tar.gz"
    with tarfile.open(published.archive) as archive:
        members = archive.getmembers()
    names = [m.name for m in members]
    assert names[0] == published.pack_id and all(n.startswith(f"{published.pack_id}") for n in names)
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", 0)}
    assert published.archive.read_bytes()[4:8] == b"\0\0\0\0"  # gzip mtime 0
    from_folder, from_archive = load_pack(published.path), load_pack(str(published.archive))
    assert from_archive.id == from_folder.id == published.pack_id
    assert from_archive.manifest == from_folder.manifest
    args = dict(locale="ar", marketplace="amazon", variables=_samples(published.path))
    assert from_archive.render("delay_notice", **args) == from_folder.render("delay_notice", **args)
    with pytest.raises(PackError, match="not the trusted pack"):
        load_pack(published.path, trust="0.1.0-000000000000")
    assert load_pack(published.path, trust=published.pack_id).locales == from_folder.locales


def test_a_tampered_archive_is_refused(published, tmp_path: Path) -> None:
    data = published.archive.read_bytes()
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(PackError, match="not a readable pack archive"):
        load_pack(broken)
    files, _ = packs.read_pack(published.path)
    evil = dict(files)
    evil["templates/delay_notice/subject.txt"] = b"Pay here"
    forged = tmp_path / "forged.tar.gz"
    forged.write_bytes(packs.archive_bytes(published.pack_id, evil))
    with pytest.raises(PackError, match="subject.txt is truncated"):
        load_pack(forged)
    escape = tmp_path / "escape.tar.gz"
    with tarfile.open(escape, "w:gz") as archive:
        info = tarfile.TarInfo("pack/../../etc/passwd")
        info.size = 1
        archive.addfile(info, __import__("io").BytesIO(b"x"))
    with pytest.raises(PackError, match="unsafe entry"):
        load_pack(escape)


# --- what a service and a user see ----------------------------------------------------------

def test_readme_service_example_runs_as_written(project_copy: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```python\nfrom replykit import Renderer, PackSource, load_pack, build")
    example = readme[start + len("```python\n"):readme.index("```", start + 10)]
    monkeypatch.chdir(project_copy.root)
    namespace: dict = {}
    exec(compile(example, "README.md", "exec"), namespace)  # noqa: S102 - our own documentation
    assert namespace["reply"].format == "text" and namespace["reply"].body == namespace["reply"].text
    assert namespace["pack"].id == namespace["result"].pack_id


def test_readme_service_example_imports() -> None:
    code = "from replykit import Renderer, PackSource, load_pack, build; print(Renderer, PackSource, load_pack, build)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_rendering_from_a_pack_is_lean(published) -> None:
    code = textwrap.dedent(f"""
        import sys, replykit
        pack = replykit.load_pack({str(published.archive)!r})
        spec = pack.scenarios["delay_notice"]
        reply = pack.render("delay_notice", locale="de", marketplace="amazon", variables=spec.samples("amazon"))
        assert reply.locale == "de", reply.locale
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("mjml", "css_inline", "lxml", "polib")))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", (done.stdout, done.stderr)


def test_reply_says_which_body_the_marketplace_takes(published, capsys: pytest.CaptureFixture[str]) -> None:
    pack = load_pack(published.path)
    samples = pack.scenarios["delay_notice"]
    html = pack.render("delay_notice", locale="de", marketplace="amazon", variables=samples.samples("amazon"))
    text = pack.render("delay_notice", locale="de", marketplace="ebay", variables=samples.samples("ebay"))
    assert (html.format, html.body) == ("html", html.html) and (text.format, text.body) == ("text", text.text)
    assert set(html.to_dict()) == {"scenario", "marketplace", "subject", "html", "text", "body", "format", "locale",
                                   "requested_locale", "fallbacks"}
    os.environ["REPLYKIT_PACK"] = str(published.path)
    try:
        code, out, _ = run(capsys, "render", "delay_notice", "--locale", "de-AT", "--marketplace", "ebay")
        code2, out2, _ = run(capsys, "render", "delay_notice", "--locale", "de", "--marketplace", "ebay",
                             "--format", "body")
    finally:
        del os.environ["REPLYKIT_PACK"]
    data = json.loads(out)
    assert code == code2 == 0 and data["scenario"] == "delay_notice" and data["marketplace"] == "ebay"
    assert data["requested_locale"] == "de-AT" and data["format"] == "text" and data["body"] == data["text"]
    assert out2 == text.text


def test_manifest_describes_the_pack(published) -> None:
    manifest = load_pack(published.path).manifest
    assert manifest["created"] is None  # no clock in a reproducible pack unless SOURCE_DATE_EPOCH says so
    assert set(manifest["tools"]) == {"replykit", "babel", "jinja2"}
    assert manifest["locales"]["fr_CA"] == {"coverage": 100.0, "fallbacks": ["fr_CA", "fr", "en"]}
    delay = manifest["scenarios"]["delay_notice"]
    assert delay["variables"]["type"] == "object" and "order_id" in delay["variables"]["required"]
    assert delay["samples"]["order_id"] and isinstance(delay["samples_by_marketplace"], dict)
    assert manifest["check"]["errors"] == 0 and manifest["check"]["renders"] == published.renders > 1000
    assert all(isinstance(count, int) for count in manifest["check"]["rules"].values())


def test_build_progress_counts_every_scenario_and_locale(published, monkeypatch: pytest.MonkeyPatch) -> None:
    scenarios, locales = len(load_pack(published.path).scenarios), len(published.locales)
    total = locales + scenarios * (locales + 1)  # each catalogue, each scenario x locale (and English)
    assert [done for done, _, _ in PROGRESS] == list(range(1, total + 1))
    assert {total for _, total, _ in PROGRESS} == {total}
    labels = {label for _, _, label in PROGRESS}
    assert {"delay_notice · ar", "delay_notice · en", "fr_CA"} <= labels

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert publish._tty_progress() is None  # quiet when stderr is not a terminal
    monkeypatch.setattr(sys, "stderr", Terminal())
    show = publish._tty_progress()
    assert show is not None
    show(1, 2, "delay_notice · de")
    show(2, 2, "delay_notice · en")
    assert sys.stderr.getvalue().endswith("checking 2/2  delay_notice · en\n")


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"replykit {replykit.__version__}"


# --- live state, operating packs ------------------------------------------------------------

def test_default_renderer_follows_a_new_pack_and_reload_swaps(published, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "service"
    shutil.copytree(published.path.parent.parent, root / "build")
    monkeypatch.chdir(root)
    monkeypatch.delenv("REPLYKIT_PACK", raising=False)
    monkeypatch.setattr(replykit, "_default", None)
    args = dict(locale="de", marketplace="amazon", variables=_samples(published.path))
    before = replykit.render("delay_notice", **args)
    files, manifest = _variant(published.path, 0, **{"templates/delay_notice/subject.txt": b"New subject {{ order_id }}"})
    pack_store.publish(root / "build", files, manifest)
    after = replykit.render("delay_notice", **args)
    assert after.subject == f"New subject {args['variables']['order_id']}" != before.subject

    copy = _copy_pack(published, tmp_path)
    renderer = Renderer(PackSource(copy))
    first = renderer.render("delay_notice", **args)
    (copy / "scenarios.json").write_text("[]")
    with pytest.raises(PackError, match="scenarios.json is truncated"):
        renderer.reload()
    assert renderer.render("delay_notice", **args) == first  # a failed reload keeps serving


def test_pack_list_prune_rollback(published, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_dir = tmp_path / "build"
    shutil.copytree(published.path.parent.parent, build_dir)
    ids = [published.pack_id] + [pack_store.publish(build_dir, *_variant(published.path, n)).pack_id for n in range(3)]
    code, out, _ = run(capsys, "pack", "--out", str(build_dir), "list", "--format", "json")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ids and [r["current"] for r in rows] == [False] * 3 + [True]
    assert all(r["ok"] and r["archive"] for r in rows)
    code, out, _ = run(capsys, "pack", "--out", str(build_dir), "rollback")
    assert code == 0 and (build_dir / "CURRENT").read_text().strip() == ids[2]
    code, out, _ = run(capsys, "pack", "--out", str(build_dir), "rollback", ids[0])
    assert code == 0 and pack_store.current_pack(build_dir).name == ids[0]
    code, out, _ = run(capsys, "pack", "--out", str(build_dir), "prune", "--keep", "1")
    remaining = sorted(p.name for p in (build_dir / "packs").iterdir())
    assert remaining == sorted([ids[0], f"{ids[0]}.tar.gz", ids[3], f"{ids[3]}.tar.gz"])  # CURRENT is kept
    code, _, err = run(capsys, "pack", "--out", str(build_dir), "rollback", "nope-000")
    assert code == 2 and "no such pack" in err
    code, out, _ = run(capsys, "pack", "--out", str(build_dir), "verify")
    assert code == 0 and "ok" in out


# --- crashes and races ----------------------------------------------------------------------

_PUBLISHER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from replykit import pack_store, packs
    pack, build_dir, start = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    files, manifest = packs.read_pack(pack)
    del files[packs.MANIFEST]
    fields = {k: v for k, v in manifest.items() if k not in ("format", "id", "files", "version")}
    n = start
    while True:
        variant = {**files, f"notes/{n}.txt": (b"x" * 200_000) + str(n).encode()}
        pack_store.publish(build_dir, variant, packs.make_manifest(variant, manifest["version"], fields))
        print(n, flush=True)
        n += 1
""")


def _publisher(published, build_dir: Path, start: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", _PUBLISHER, str(published.path), str(build_dir), str(start)],
                            stdout=subprocess.PIPE, text=True)


def test_kill_9_while_publishing_leaves_a_loadable_pack(published, tmp_path: Path) -> None:
    build_dir = tmp_path / "build"
    shutil.copytree(published.path.parent.parent, build_dir)
    for moment, start in enumerate((0, 1000, 2000, 3000, 4000)):
        process = _publisher(published, build_dir, start)
        assert process.stdout is not None
        for _ in range(moment + 1):  # let it publish a few packs, then kill it somewhere in the next one
            process.stdout.readline()
        os.kill(process.pid, 9)
        process.wait()
        load_pack(pack_store.current_pack(build_dir))  # CURRENT names a complete, verified pack
    files, manifest = _variant(published.path, 9999)
    pack_store.publish(build_dir, files, manifest)  # the next publish removes stale staging
    assert not [p for p in (build_dir / "packs").iterdir() if p.name.startswith(".staging-")]
    assert not [p for p in build_dir.iterdir() if p.name.startswith(".staging-")]


def test_kill_9_during_a_real_build_keeps_the_published_pack(published, tmp_path: Path) -> None:
    root = tmp_path / "project"
    for name in ("templates", "locale"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copytree(published.path.parent.parent, root / "build")
    process = subprocess.Popen([sys.executable, "-m", "replykit.cli", "--project", str(root), "build"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=1.5)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, 9)
        process.wait()
    assert load_pack(pack_store.current_pack(root / "build")).id == published.pack_id
    deadline = time.monotonic() + 10  # the check's pool workers follow their killed parent
    while _processes_naming(root) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_naming(root) == []


def _processes_naming(root: Path) -> list[int]:
    """Live processes whose command line names ``root`` (Linux /proc; zombies excluded)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if str(root) in (entry / "cmdline").read_bytes().decode(errors="replace") and \
                    ") Z " not in (entry / "stat").read_text():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_two_publishers_at_once_never_expose_a_half_written_pack(published, tmp_path: Path) -> None:
    build_dir = tmp_path / "build"
    shutil.copytree(published.path.parent.parent, build_dir)
    writers = [_publisher(published, build_dir, start) for start in (0, 5000)]
    try:
        seen: set[str] = set()
        deadline = time.monotonic() + 120
        while len(seen) < 6 and time.monotonic() < deadline:
            pack = load_pack(pack_store.current_pack(build_dir))  # raises if CURRENT names a partial pack
            seen.add(pack.id)
    finally:
        for writer in writers:
            writer.kill()
            writer.wait()
    for pack in (build_dir / "packs").iterdir():
        if pack.is_dir() and not pack.name.startswith("."):
            load_pack(pack)


# --- draft locales -----------------------------------------------------------------------------

def test_new_and_draft_locales_are_left_out_and_reported(project_copy: Project,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    project = str(project_copy.root)
    config = project_copy.root / "replykit.toml"
    config.write_text(config.read_text() + '\n[locales]\ndraft = ["sv"]\n')
    assert run(capsys, "--project", project, "init", "da")[0] == 0
    code, out, err = run(capsys, "--project", project, "build")
    assert code == 0, err
    assert "locale da left out of the pack (not checked): 0% translated" in err and "locale sv left out" in err
    manifest = load_pack(pack_store.current_pack(project_copy.build_dir)).manifest
    assert "da" not in manifest["locales"] and "sv" not in manifest["locales"]
    assert set(manifest["left_out"]) == {"da", "sv"} and "de" in manifest["locales"]
    code, _, err = run(capsys, "--project", project, "check", "--marketplace", "amazon")
    assert code == 0 and "locale da left out of the pack (not checked)" in err  # check judges what ships


def test_the_pool_finds_what_one_process_finds(project_copy: Project) -> None:
    from replykit.project_check import run_check

    po = polib.pofile(str(project_copy.po_path("it")))
    po.find("Kind regards,").msgstr = 'Cordiali saluti,<script src="https://evil.example/x.js"></script>'
    po.save(str(project_copy.po_path("it")))
    one = run_check(project_copy, ["ebay"], locales=("it", "de"), jobs=1)
    pool = run_check(project_copy, ["ebay"], locales=("it", "de"), jobs=2)
    assert one.report.findings and one.report.findings == pool.report.findings
    assert one.renders == pool.renders > 0
