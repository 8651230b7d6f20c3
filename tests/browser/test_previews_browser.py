"""Flyer previews on a phone: fetched as the reader scrolls to them, at the resolution of the
screen, in a box that keeps its size while they load."""

from __future__ import annotations

import pytest

PHONE_390 = {"width": 390, "height": 844}
PREVIEWS = ".site-catalogue__item img"


@pytest.mark.parametrize("dpr,expected", [(1, "/flyer.png"), (2, "/flyer-2x.png")])
def test_previews_load_lazily_at_the_screen_resolution_without_moving_the_page(
    server, browser, dpr, expected
):
    context = browser.new_context(viewport=PHONE_390, device_scale_factor=dpr, is_mobile=True)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/flyer" in r.url else None)
    page.goto(server + "to-roi/", wait_until="networkidle")
    count = page.locator(PREVIEWS).count()
    assert count >= 8
    at_load = [u for u in fetched if u.endswith(".png")]
    # Only the previews near the screen are fetched with the page; the last is far below.
    assert 0 < len(at_load) < count, at_load
    boxes = page.eval_on_selector_all(
        PREVIEWS,
        "imgs => imgs.map(i => [i.getBoundingClientRect().width, "
        "i.getBoundingClientRect().height, i.complete && i.naturalWidth > 0])",
    )
    assert not boxes[-1][2]  # not loaded yet ...
    for width, height, _ in boxes:  # ... yet every preview has its room: 200 x 283
        assert (round(width), round(height)) == (200, 283)
    last_title = page.locator(".site-catalogue__title").last
    before = last_title.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    for index in range(count):  # the reader scrolls down the list
        preview = page.locator(PREVIEWS).nth(index)
        preview.scroll_into_view_if_needed()
        preview.evaluate(
            "img => img.complete && img.naturalWidth ? 0 : new Promise(r => img.onload = r)"
        )
    after = last_title.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    assert after == before  # nothing moved when the images arrived
    sources = page.eval_on_selector_all(PREVIEWS, "imgs => imgs.map(i => i.currentSrc)")
    assert all(src.endswith(expected) for src in sources), sources
    assert not [u for u in fetched if u.endswith(".png") and not u.endswith(expected)]
    context.close()
