"""Shared fixtures: the real site built once, its server, and the browser. Tests are marked
by their folder: `pytest -m "not browser"` is the quick run, `make test` runs everything."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.http import SiteServer
from tests.support.sitebuild import EXAMPLE_REPOSITORY, ROOT, Build, run_mkdocs
from vneid_site.content.rendering import MarkdownRenderer
from vneid_site.project import load_settings

SUB_PATH = "/vneid/"
# Folder under tests/ -> the markers of its tests.
MARKERS = {
    "fixture_sites": ("build",),
    "site": ("site",),
    "browser": ("site", "browser"),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tests = Path(__file__).parent
    for item in items:
        parts = Path(item.fspath).relative_to(tests).parts
        for marker in MARKERS.get(parts[0], ()):
            item.add_marker(marker)


@pytest.fixture(scope="session")
def markdown_renderer() -> MarkdownRenderer:
    """The renderer of the extensions mkdocs.yml lists, with the last page's contents."""
    return MarkdownRenderer(load_settings(ROOT).markdown_extensions)


@pytest.fixture(scope="session")
def render(markdown_renderer):
    """Markdown to HTML with the extensions mkdocs.yml lists, as the build renders a page."""
    return markdown_renderer.render


@dataclass(frozen=True)
class Site:
    dir: Path
    url: str  # absolute site_url, with the sub-path
    build: Build


@pytest.fixture(scope="session")
def _site_server() -> Iterator[SiteServer]:
    server = SiteServer()  # bound now: the site is built for its address
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, _site_server: SiteServer) -> Site:
    """The real docs/, built once with --strict for a site under a sub-path on 127.0.0.1."""
    url = f"http://127.0.0.1:{_site_server.port}{SUB_PATH}"
    root = tmp_path_factory.mktemp("www")
    site_dir = root / SUB_PATH.strip("/")
    env = {"SITE_REPOSITORY": EXAMPLE_REPOSITORY}  # shows the "Suggest a change" links
    build = run_mkdocs(ROOT / "mkdocs.yml", site_dir, url, "--strict", env=env)
    assert build.returncode == 0, build.log
    preview = os.environ.get("SITE_PREVIEW_DIR")
    if preview:  # CI uploads this very build as the pull request's preview
        shutil.copytree(root, Path(preview), dirs_exist_ok=True)
    return Site(site_dir, url, build)


@pytest.fixture(scope="session")
def server(site: Site, _site_server: SiteServer) -> str:
    """The built site served from its parent folder, so it lives under the sub-path."""
    _site_server.start(site.dir.parent)
    return site.url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install it once with `make system-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
