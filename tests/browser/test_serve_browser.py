"""`mkdocs serve` under the policy: its live-reload script (added to each page as it is served,
so no build can hash it) runs, with no violation; a build never allows inline scripts."""

from __future__ import annotations

from tests.support.browser import CSP_LISTENER, PHONE
from tests.support.http import fetch, wait_for
from tests.support.sitebuild import NO_FLYERS, make_fixture_project, page, run_mkdocs, serving

PAGES = {"index.md": page("Trang chủ"), "index.en.md": page("Home", "Text.", "Home page.")}


def test_live_reload_runs_under_the_serve_policy(tmp_path, browser):
    config = make_fixture_project(tmp_path / "project", PAGES, NO_FLYERS)
    built = run_mkdocs(config, tmp_path / "site", "https://example.test/")
    assert built.returncode == 0, built.log
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "'unsafe-inline';" not in html.split("style-src")[0]  # a build: hashes only
    with serving(config) as (base, _):
        wait_for(lambda: fetch(base), what="mkdocs serve to start")
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
