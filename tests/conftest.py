"""Shared fixtures: the shipped project, a renderer over its sources, and scratch copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from replykit.project import Project, ProjectSource
from replykit.rendering.renderer import Renderer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.at(ROOT)


@pytest.fixture(scope="session")
def renderer(project: Project) -> Renderer:
    return Renderer(ProjectSource(project), project.source_locale)


def copy_project(target: Path) -> Project:
    """A writable copy of the shipped templates and catalogues in ``target``."""
    for name in ("templates", "locale"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("*.mo"))
    if (ROOT / "replykit.toml").exists():
        shutil.copy(ROOT / "replykit.toml", target / "replykit.toml")
    return Project.at(target)


@pytest.fixture
def project_copy(tmp_path: Path) -> Project:
    """A writable copy of the shipped templates and catalogues."""
    return copy_project(tmp_path)
