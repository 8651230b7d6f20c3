"""A page of hostile markup and front matter, built and served, in headless Chromium: nothing
runs, redirects, frames or asks for data, in either language. (What the build refuses
outright is in tests/fixture_sites/test_hostile_content.py.)"""

from __future__ import annotations

import pytest

from tests.support.browser import PHONE, Visit
from tests.support.hostile import STRIPPED_PAGE, STRIPPED_TEXT, TOC_TITLES
from tests.support.http import SiteServer
from tests.support.sitebuild import NO_FLYERS, make_fixture_project, page, run_mkdocs

# Whatever a browser would act on, found in the live DOM after every script has run.
ACTIVE = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\t\\n\\r]/g, "").trim().toLowerCase();
      if (attr.name.startsWith("on")) found.push(`${el.tagName} ${attr.name}`);
      if (/^(javascript|vbscript|data):/.test(value) && attr.name !== "content")
        found.push(`${el.tagName} ${attr.name}=${value}`);
    }
  }
  for (const el of document.querySelectorAll("base, iframe, frame, object, embed"))
    found.push(el.tagName);
  for (const el of document.querySelectorAll("meta[http-equiv]"))
    if (el.httpEquiv.toLowerCase() !== "content-security-policy")
      found.push("meta " + el.httpEquiv);
  for (const form of document.forms)
    if (new URL(form.action, location).origin !== location.origin)
      found.push("form " + form.action);
  const fields = "article input:not([type=checkbox]):not([type=radio]), article textarea";
  for (const el of document.querySelectorAll(fields)) found.push("field " + el.type);
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-browser")
    pages = {
        "index.md": page("Trang chủ"),
        "index.en.md": page("Home", "Text.", "Home page."),
        "van-ban.md": STRIPPED_PAGE,
        "van-ban.en.md": STRIPPED_PAGE,
    }
    config = make_fixture_project(tmp / "project", pages, NO_FLYERS)
    result = run_mkdocs(config, tmp / "www" / "sub", None)  # the local preview address
    assert result.returncode == 0, result.log
    server = SiteServer()
    server.start(tmp / "www")
    yield f"http://127.0.0.1:{server.port}/sub/"
    server.stop()


# What the page's own markup could have styled: any <style> element or stylesheet that is not
# the site's own file, and the colour of the text that a hostile rule set to red.
STYLES = """() => ({
  elements: document.querySelectorAll("style").length,
  sheets: [...document.styleSheets].map(s => s.href)
    .filter(h => !h || !h.startsWith(location.origin)),
  colour: getComputedStyle(document.querySelector("article p")).color,
})"""


@pytest.mark.parametrize("lang", ["", "en/"])
def test_nothing_hostile_survives_in_the_live_page(hostile_site, browser, lang):
    # Built for 127.0.0.1:8000 by default; the files are the same wherever they are served.
    seen = Visit(browser, "about:blank", PHONE)
    dialogs: list[str] = []
    seen.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        seen.page.goto(hostile_site + lang + "van-ban/", wait_until="networkidle")
        seen.page.wait_for_timeout(500)  # anything on a timer or on load has had its chance
        assert dialogs == []
        assert seen.page.evaluate(ACTIVE) == []
        assert seen.csp_violations() == []
        body = seen.page.locator("article").inner_text()
        for words in STRIPPED_TEXT:
            assert words in body
        assert "<img src=x onerror=alert(1)>" in body  # front matter, shown as typed
        assert seen.page.title().startswith("Tiêu đề </title><script>alert(1)</script>")
        # The table of contents shows the headings as text, and its links stay on the page.
        sidebar = ".md-sidebar--secondary a.md-nav__link"
        titles = seen.page.locator(sidebar).all_inner_texts()
        assert [t.strip() for t in titles] == list(TOC_TITLES)
        styles = seen.page.evaluate(STYLES)
        assert styles["elements"] == 0 and styles["sheets"] == [], styles
        assert styles["colour"] != "rgb(255, 0, 0)", styles
        # Following the contents and typing in search go nowhere off the site.
        seen.page.evaluate("s => document.querySelector(s).click()", sidebar)  # hidden on phones
        seen.page.locator("label[for=__search]").first.click()
        box = seen.page.locator(".md-search__input")
        box.fill("alert")
        box.press("End")
        seen.page.wait_for_timeout(500)
        assert seen.page.url.startswith(hostile_site), seen.page.url
        assert dialogs == []
        others = [u for u in seen.requests if not u.startswith(hostile_site)]
        assert others == [], others
        # The fixed overlay lost its style: it is an ordinary line of text.
        position = seen.page.evaluate(
            "getComputedStyle([...document.querySelectorAll('article span')]"
            ".find(s => s.textContent.includes('0999'))).position"
        )
        assert position == "static"
    finally:
        seen.close()


@pytest.mark.parametrize("path", ["", "en/"])
def test_the_clean_pages_run_with_no_policy_violation(hostile_site, browser, path):
    seen = Visit(browser, hostile_site + path, PHONE)
    try:
        assert seen.page.evaluate("typeof __md_get") == "function"  # the theme's scripts ran
        assert seen.csp_violations() == []
        assert [u for u in seen.requests if not u.startswith(hostile_site)] == []
    finally:
        seen.close()
