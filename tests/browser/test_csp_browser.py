"""The served site under its Content-Security-Policy, in headless Chromium: no violation on any
page, and search, the language switch, the palette toggle, highlighting and the flyers page
all still work."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.support.browser import DESKTOP, PHONE, Visit, wait_until
from tests.support.http import SiteServer
from tests.support.real_docs import flyer_pages, page_dir, sources
from tests.support.sitebuild import ROOT

ALL_PAGES = [page_dir(src, lang) for lang in ("vi", "en") for src in sources("vi")]


def csp_of(seen: Visit) -> str:
    return seen.page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")


@pytest.mark.parametrize("path", [*ALL_PAGES, "404.html", "en/404.html"])
def test_every_page_runs_under_its_policy_without_a_violation(server, visit, path):
    seen = visit(server + path, PHONE)
    assert "script-src 'self' 'sha256-" in csp_of(seen)
    # The theme's scripts ran: its components are mounted and the palette is applied.
    wait_until(seen.page, "document.body.dataset.mdColorScheme !== undefined")
    assert seen.page.evaluate("typeof __md_get") == "function"
    assert seen.csp_violations() == []
    assert [m for m in seen.console if m.startswith(("error", "pageerror"))] == []


def test_palette_toggle_switches_to_dark_and_back(server, visit):
    seen = visit(server)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert seen.page.evaluate(scheme) == "default"
    seen.page.locator("form[data-md-component=palette] label:visible").first.click()
    assert seen.page.evaluate(scheme) == "slate"
    seen.page.locator("form[data-md-component=palette] label:visible").first.click()
    assert seen.page.evaluate(scheme) == "default"
    assert seen.csp_violations() == []


@pytest.mark.parametrize(("lang", "query"), [("", "dang ky"), ("en/", "register")])
def test_search_worker_finds_and_highlights_under_the_policy(server, visit, lang, query):
    seen = visit(server + lang)
    box = seen.page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup
    first = seen.page.locator(".md-search-result__item").first
    first.wait_for()
    first.locator("a").first.click()
    seen.page.wait_for_url(re.compile(r"\?h="))
    seen.page.locator("article mark").first.wait_for()
    assert seen.csp_violations() == []


def test_language_switch_under_the_policy(server, visit):
    seen = visit(server + "huong-dan/dang-ky-vneid/")
    seen.page.locator(".md-header__option .md-select button").hover()
    seen.page.locator(".md-select__link[hreflang=en]").click()
    seen.page.wait_for_url(server + "en/huong-dan/dang-ky-vneid/")
    assert seen.page.evaluate("document.documentElement.lang") == "en"
    assert seen.csp_violations() == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_flyers_page_shows_its_previews_under_the_policy(server, visit, lang):
    seen = visit(server + page_dir("to-roi.md", lang))
    previews = seen.page.locator(".site-catalogue__item img")
    # One preview for each page that prints a flyer (some pages are for the web only).
    assert previews.count() == len(flyer_pages(lang)) >= 8
    # The previews load lazily: bring each into view, as a reader scrolling the page does.
    for index in range(previews.count()):
        previews.nth(index).scroll_into_view_if_needed()
    loaded = seen.page.evaluate(
        """async () => {
            const images = [...document.querySelectorAll('.site-catalogue__item img')];
            await Promise.all(images.map(i => i.complete ? null : i.decode().catch(() => null)));
            return images.every(i => i.naturalWidth > 0);
        }"""
    )
    assert loaded
    assert seen.csp_violations() == []


def test_the_listener_sees_a_violation_when_a_hash_is_missing(site, browser, tmp_path):
    """Control: with one hash taken out of the policy, the theme's script is blocked and the
    tests above would see it."""
    html = (site.dir / "index.html").read_text(encoding="utf-8")
    tampered = re.sub(r" 'sha256-[^']+'", "", html, count=1)
    assert tampered != html
    (tmp_path / "index.html").write_text(tampered, encoding="utf-8")
    server = SiteServer()
    server.start(tmp_path)
    try:
        seen = Visit(browser, f"http://127.0.0.1:{server.port}/", PHONE)
        violations = seen.csp_violations()
        seen.close()
    finally:
        server.stop()
    assert any(v.startswith("script-src-elem blocked inline") for v in violations), violations


def test_the_readme_http_headers_hold_with_the_meta_policy(site, browser):
    """Served as README's nginx and Apache examples serve it: the header policy printed by
    scripts/csp_header.py, framing refused, with each page's own <meta> policy too."""
    policy = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "csp_header.py"), str(site.dir)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert policy.endswith("; frame-ancestors 'none'")
    headers = {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    server = SiteServer(headers=headers)
    server.start(site.dir.parent)
    url = f"http://127.0.0.1:{server.port}/{site.dir.name}/"
    try:
        for path in ("", "en/huong-dan/dang-ky-vneid/", "to-roi/", "en/404.html"):
            seen = Visit(browser, url + path, PHONE)
            assert seen.page.evaluate("typeof __md_get") == "function"
            assert seen.csp_violations() == [], path
            seen.close()
        seen = Visit(browser, url, DESKTOP)
        box = seen.page.locator(".md-search__input")
        box.click()
        box.fill("dang ky")
        box.press("End")
        seen.page.locator(".md-search-result__item").first.wait_for()
        assert seen.csp_violations() == []
        seen.close()
    finally:
        server.stop()
