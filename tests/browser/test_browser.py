"""The served site in headless Chromium, as citizens on phones and desktops see it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sitebuild import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "huong-dan/dang-ky-vneid/",
    "huong-dan/lien-ket-tai-khoan/",
    "cong-van/vneid-cong-dvcqg-2024/",
    "hoi-dap/",
    "tai-lieu/",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


class Visit:
    """A page opened in a fresh context, with what it logged and requested."""

    def __init__(self, browser, url: str, viewport: dict) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failures.append(r.url))
        self.page.on(
            "response",
            lambda r: self.failures.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        self.page.goto(url, wait_until="networkidle")

    def close(self) -> None:
        self.context.close()


def page_opener(browser, kind: type[Visit] = Visit):
    """Yield a function that opens pages as `kind`; every page is closed afterwards."""
    opened: list[Visit] = []

    def open_page(url: str, viewport: dict = DESKTOP) -> Visit:
        opened.append(kind(browser, url, viewport))
        return opened[-1]

    yield open_page
    for item in opened:
        item.close()


@pytest.fixture
def visit(browser):
    yield from page_opener(browser)


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_without_errors_or_requests_to_other_hosts(server, visit, lang, path):
    seen = visit(server + lang + path, PHONE)
    host = urlsplit(server).netloc
    assert [m for m in seen.console if m.startswith(("error", "pageerror"))] == []
    assert seen.failures == []
    assert seen.requests and all(urlsplit(u).netloc == host for u in seen.requests), seen.requests
    # Nothing wider than a small phone screen.
    overflow = seen.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert seen.page.locator("h1").first.is_visible()


def test_self_hosted_font_is_loaded_and_used(server, visit):
    seen = visit(server + "huong-dan/dang-ky-vneid/")
    loaded = seen.page.evaluate(
        """async () => {
            await document.fonts.ready;
            await document.fonts.load('16px "Be Vietnam Pro"', 'Đăng ký tài khoản');
            return [...document.fonts].filter(f => f.family.includes('Be Vietnam Pro') &&
                                                  f.status === 'loaded').length;
        }"""
    )
    assert loaded >= 1
    family = seen.page.evaluate("getComputedStyle(document.querySelector('article')).fontFamily")
    assert family.startswith('"Be Vietnam Pro"')
    assert any(u.endswith("/vneid/assets/fonts/BeVietnamPro-Regular.ttf") for u in seen.requests)


@pytest.mark.parametrize(
    "start,choose,expected,lang",
    [
        ("huong-dan/dang-ky-vneid/", "en", "en/huong-dan/dang-ky-vneid/", "en"),
        ("en/cong-van/vneid-cong-dvcqg-2024/", "vi", "cong-van/vneid-cong-dvcqg-2024/", "vi"),
        ("en/", "vi", "", "vi"),
    ],
)
def test_language_switch_lands_on_the_same_page(server, visit, start, choose, expected, lang):
    seen = visit(server + start)
    page = seen.page
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f".md-select__link[hreflang={choose}]").click()
    page.wait_for_url(server + expected)
    assert page.evaluate("document.documentElement.lang") == lang
    assert seen.failures == []


@pytest.mark.parametrize(
    "path", ["", "huong-dan/dang-ky-vneid/", "en/", "en/huong-dan/lien-ket-tai-khoan/"]
)
def test_no_serious_accessibility_violations(server, visit, path):
    seen = visit(server + path)
    seen.page.add_script_tag(path=str(AXE))
    result = seen.page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_404_page_under_the_sub_path_is_styled(server, visit):
    seen = visit(server + "en/404.html")
    assert seen.page.locator("h1").inner_text() == "Page not found"
    assert seen.failures == []
    color = seen.page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
    )
    assert color == "rgb(11, 83, 148)"  # the site's primary colour: the stylesheet loaded
