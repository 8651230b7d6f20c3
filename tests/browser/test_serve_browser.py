"""`mkdocs serve` under the policy: its live-reload script (added to each page as it is served,
so no build can hash it) runs, with no violation; a build never allows inline scripts."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.support.browser import CSP_LISTENER, PHONE
from tests.support.http import fetch, free_port
from tests.support.sitebuild import make_fixture_project, page, run_mkdocs

NO_FLYERS = "extra:\n  flyers:\n    enabled: false\n"
PAGES = {"index.md": page("Trang chủ"), "index.en.md": page("Home", "Text.", "Home page.")}


def test_live_reload_runs_under_the_serve_policy(tmp_path, browser):
    config = make_fixture_project(tmp_path / "project", PAGES, NO_FLYERS)
    built = run_mkdocs(config, tmp_path / "site", "https://example.test/")
    assert built.returncode == 0, built.log
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "'unsafe-inline';" not in html.split("style-src")[0]  # a build: hashes only
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=config.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        end = time.monotonic() + 120
        while fetch(base) is None:
            assert time.monotonic() < end, "mkdocs serve did not start"
            time.sleep(0.3)
        # Not Visit: live reload keeps a request open, so the network never goes idle.
        context = browser.new_context(viewport=PHONE)
        tab = context.new_page()
        console: list[str] = []
        tab.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
        tab.add_init_script(CSP_LISTENER)
        tab.goto(base + "en/", wait_until="load")
        tab.wait_for_timeout(500)
        assert "log: Enabled live reload" in console, console
        assert tab.evaluate("window.__cspViolations") == []
        assert not [m for m in console if "Content Security Policy" in m]
        assert "script-src 'self' 'unsafe-inline';" in tab.content()
        context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
