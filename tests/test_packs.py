"""`replykit build` publishes reproducible packs atomically; a failed build changes nothing."""

from __future__ import annotations

import json

import polib
import pytest

from replykit import PackError, build
from replykit.pack_store import CURRENT, current_pack
from replykit.packs import PackSource
from replykit.project import Project, ProjectSource
from replykit.rendering.renderer import Renderer


def _files(path):
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_build_publishes_a_pack_that_renders_like_the_sources(project_copy: Project) -> None:
    result = build(project_copy.root)
    assert current_pack(project_copy.build_dir) == result.path
    manifest = json.loads((result.path / "manifest.json").read_text())
    assert manifest["id"] == result.pack_id and list(manifest["locales"]) == list(project_copy.catalogue_locales())
    assert "en_XA" not in manifest["locales"]
    from_pack = Renderer(PackSource(result.path))
    from_sources = Renderer(ProjectSource(project_copy))
    for scenario in from_sources.scenarios.values():
        for locale in ("de", "ar", "ja", "pl", "en"):
            args = dict(locale=locale, marketplace=scenario.marketplaces[0], variables=scenario.samples())
            assert from_pack.render(scenario.id, **args) == from_sources.render(scenario.id, **args)


def test_build_is_reproducible(project_copy: Project, tmp_path_factory: pytest.TempPathFactory) -> None:
    first = build(project_copy.root)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    second = build(project_copy.root, out=elsewhere)
    assert first.pack_id == second.pack_id and second.path.parent == elsewhere / "packs"
    assert first.archive.read_bytes() == second.archive.read_bytes()  # byte-identical archive
    assert _files(first.path) == _files(second.path)
    assert sorted(p.name for p in (project_copy.build_dir / "packs").iterdir()) == [
        first.pack_id, f"{first.pack_id}.tar.gz"]


def test_failed_build_leaves_the_published_pack_untouched(project_copy: Project) -> None:
    published = build(project_copy.root)
    before = _files(published.path)
    pointer = (project_copy.build_dir / CURRENT).read_text()
    po_path = project_copy.po_path("pl")
    po = polib.pofile(str(po_path))
    entry = po.find("Your order %(order)s will arrive later than planned")
    entry.msgstr = "Zamówienie się spóźni"  # drops the order id
    po.save(str(po_path))
    with pytest.raises(PackError, match=r"pl/LC_MESSAGES/replykit.po:\d+: error po.placeholder.missing"):
        build(project_copy.root)
    assert (project_copy.build_dir / CURRENT).read_text() == pointer
    assert _files(published.path) == before
    assert sorted(p.name for p in (project_copy.build_dir / "packs").iterdir()) == [
        published.pack_id, f"{published.pack_id}.tar.gz"]


def test_build_leaves_an_incomplete_catalogue_out_and_says_why(project_copy: Project) -> None:
    po_path = project_copy.po_path("ja")
    po = polib.pofile(str(po_path))
    po[0].msgstr = ""
    po.save(str(po_path))
    result = build(project_copy.root)
    assert "ja" not in result.locales and "below min_coverage" in result.left_out["ja"]
    manifest = json.loads((result.path / "manifest.json").read_text())
    assert "ja" not in manifest["locales"] and "ja" in manifest["left_out"]
    assert not (result.path / "locale" / "ja.mo").exists()
    spec = Renderer(PackSource(result.path)).scenario("delay_notice")
    reply = Renderer(PackSource(result.path)).render("delay_notice", locale="ja", marketplace="amazon",
                                                     variables=spec.samples())
    assert reply.locale == "en" and reply.requested_locale == "ja"  # the fallback chain, reported


def test_replykit_render_uses_the_published_pack(project_copy: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    import replykit

    result = build(project_copy.root)
    monkeypatch.chdir(project_copy.root)
    monkeypatch.delenv("REPLYKIT_PACK", raising=False)
    monkeypatch.setattr(replykit, "_default", None)
    renderer = replykit.default_renderer()
    assert isinstance(renderer.source, PackSource) and renderer.source.pack_id == result.pack_id
    spec = renderer.scenario("tracking_info")
    reply = replykit.render("tracking_info", locale="pl-PL", marketplace="ebay", variables=spec.samples("ebay"))
    assert reply.locale == "pl" and spec.samples()["order_id"] in reply.text
    monkeypatch.setattr(replykit, "_default", None)
    monkeypatch.setenv("REPLYKIT_PACK", str(result.path))
    monkeypatch.chdir("/")
    assert replykit.default_renderer().source.pack_id == result.pack_id
