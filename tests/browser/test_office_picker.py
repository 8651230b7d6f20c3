"""The "Your office" picker on the flyers page, in headless Chromium, with 200 offices."""

from __future__ import annotations

import urllib.request

import pytest

from tests.support.browser import AXE, PHONE, add_script
from tests.support.http import SiteServer
from tests.support.offices import csv_text, pages
from tests.support.sitebuild import make_fixture_project, run_mkdocs

pytestmark = pytest.mark.build

# Test data only: 200 offices with placeholder addresses and numbers.
OFFICES = {
    **{
        f"phuong-{n}": (f"Bộ phận Một cửa Phường {n}", f"Ward {n} counter", f"Số {n}, đường Thử",
                        f"0000 000 {n:03d}", "")
        for n in range(1, 101)
    },
    **{
        f"xa-{n}": (f"Bộ phận Một cửa Xã Thử Nghiệm {n}", "", f"Ấp {n}", f"0000 001 {n:03d}", "")
        for n in range(1, 101)
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("picker")
    server = SiteServer()
    url = f"http://127.0.0.1:{server.port}/sub/"
    config = make_fixture_project(
        tmp / "project", pages(), "extra:\n  flyers:\n    offices: offices.csv\n"
    )
    (config.parent / "offices.csv").write_text(csv_text(OFFICES), encoding="utf-8")
    result = run_mkdocs(config, tmp / "www" / "sub", url, "--strict")
    assert result.returncode == 0, result.log
    server.start(tmp / "www")
    yield url
    server.stop()


def names(page) -> list[str]:
    return page.locator(".site-offices__item:not([hidden]) .site-offices__name").all_inner_texts()


def test_typing_without_diacritics_finds_the_office_and_its_pack_opens(served, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(served + "to-roi/", wait_until="networkidle")
    assert len(names(page)) == 200
    box = page.locator("#site-offices-filter")
    box.click()
    box.press_sequentially("phuong 5")  # as a phone keyboard types, one key at a time
    assert names(page)[0] == "Bộ phận Một cửa Phường 5"
    assert "Bộ phận Một cửa Phường 50" in names(page)  # words match from their start
    assert "Bộ phận Một cửa Phường 15" not in names(page)
    box.fill("Phường 5 ")
    assert "Bộ phận Một cửa Phường 5" in names(page)
    box.fill("thu nghiem 7")
    assert names(page) == ["Bộ phận Một cửa Xã Thử Nghiệm 7"] + [
        f"Bộ phận Một cửa Xã Thử Nghiệm {n}" for n in range(70, 80)
    ]
    box.fill("khong co")
    assert names(page) == []
    assert "Không có đơn vị nào khớp" in page.locator("#site-offices-count").inner_text()
    box.fill("phuong 5")
    link = page.locator('[data-office="phuong-5"] a[data-pack="a4"]')
    href = link.evaluate("a => a.href")
    with urllib.request.urlopen(href) as response:
        assert response.read(5) == b"%PDF-"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0 and errors == []
    context.close()


def test_the_list_works_without_javascript(served, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "en/to-roi/", wait_until="load")
    assert page.locator("#site-offices-filter").is_hidden()  # no box that cannot work
    assert len(names(page)) == 200
    assert "Ward 5 counter" in names(page)
    assert page.locator('[data-office="xa-9"] a[data-pack="a5x2"]').count() == 1
    context.close()


def test_no_serious_accessibility_violations_with_200_offices(served, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served + "to-roi/", wait_until="networkidle")
    page.locator("#site-offices-filter").fill("phuong")
    add_script(page, AXE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    context.close()
