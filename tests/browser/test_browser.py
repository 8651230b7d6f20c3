"""The served site in headless Chromium, as citizens on phones and desktops see it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.support.browser import AXE, PHONE, add_script
from tests.support.sitebuild import EXAMPLE_REPOSITORY

PAGES = [
    "",
    "huong-dan/dang-ky-vneid/",
    "huong-dan/lien-ket-tai-khoan/",
    "cong-van/vneid-cong-dvcqg-2024/",
    "hoi-dap/",
    "tai-lieu/",
]


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
    regular = re.compile(r"/vneid/assets/fonts/BeVietnamPro-Regular\.[0-9a-f]{10}\.woff2$")
    assert sum(bool(regular.search(u)) for u in seen.requests) == 1  # preloaded, fetched once
    assert not [u for u in seen.requests if u.endswith((".ttf", ".otf", ".woff"))]


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
    add_script(seen.page, AXE)
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


@pytest.mark.parametrize("lang,text", [("", "Đề xuất sửa trang này"), ("en/", "Suggest a change")])
def test_suggest_a_change_link_shows_without_any_request_to_the_code_host(
    server, visit, lang, text
):
    seen = visit(server + lang + "huong-dan/dang-ky-vneid/", PHONE)
    link = seen.page.locator(".site-corrections a.site-corrections__edit")
    assert link.is_visible() and text in link.inner_text()
    assert link.get_attribute("href").startswith(EXAMPLE_REPOSITORY + "/edit/main/docs/")
    updated = seen.page.locator(".site-updated")
    assert updated.is_visible() and updated.inner_text().startswith(
        ("Cập nhật: ", "Last updated: ")
    )
    # The repository is only linked: nothing is fetched from its host (Material's repo_url
    # widget would fetch its statistics), nor from any other host.
    host = urlsplit(server).netloc
    assert seen.requests and all(urlsplit(u).netloc == host for u in seen.requests), seen.requests
    assert seen.failures == []
