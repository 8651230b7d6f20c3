from __future__ import annotations

import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import ROOT, Build, run_mkdocs

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SUB_PATH = "/vneid/"


@dataclass(frozen=True)
class Site:
    dir: Path
    url: str  # absolute site_url, with the sub-path
    build: Build


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real docs/, built once with --strict for a site under a sub-path on 127.0.0.1."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    root = tmp_path_factory.mktemp("www")
    site_dir = root / SUB_PATH.strip("/")
    build = run_mkdocs(ROOT / "mkdocs.yml", site_dir, url, "--strict")
    assert build.returncode == 0, build.log
    return Site(site_dir, url, build)


@pytest.fixture(scope="session")
def server(site: Site) -> Iterator[str]:
    """Serve the built site from the parent folder, so it lives under the sub-path."""
    port = int(site.url.split(":")[2].split("/")[0])
    handler = functools.partial(_QuietHandler, directory=str(site.dir.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site.url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
