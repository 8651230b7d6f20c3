"""The web fonts in Chromium: WOFF2 files from the site, every Vietnamese letter set in the
self-hosted face of each weight (not in a fallback), exactly as the full font sets it, and no
page asking for a weight or style that is not shipped."""

from __future__ import annotations

import io
import unicodedata

import pytest
from PIL import Image, ImageChops

from tests.support.browser import DESKTOP, PHONE
from tests.support.vietnamese import sample_text
from vneid_site.font_files import FONT_DIR

# (weight, style) -> the face's PostScript name, as Chromium reports the font it used.
FACES = {
    (300, "normal"): "BeVietnamPro-Light",
    (400, "normal"): "BeVietnamPro-Regular",
    (400, "italic"): "BeVietnamPro-Italic",
    (600, "normal"): "BeVietnamPro-SemiBold",
    (700, "normal"): "BeVietnamPro-Bold",
}
GUIDE = "huong-dan/dang-ky-vneid/"

# Paragraphs of every letter in one face, added to a real page (its own stylesheets apply).
PROBE = """([text, faces]) => {
  const box = document.createElement('div');
  box.id = 'font-probe';
  for (const [weight, style, form] of faces) {
    const p = document.createElement('p');
    p.textContent = text[form];
    p.style.cssText = `font-weight:${weight};font-style:${style};font-size:20px;width:340px`;
    p.dataset.face = `${weight} ${style} ${form}`;
    box.appendChild(p);
  }
  document.querySelector('article').prepend(box);
  return Promise.all(faces.map(([w, s, f]) =>
    document.fonts.load(`${s} ${w} 20px "Be Vietnam Pro"`, text[f])));
}"""


def platform_fonts(page, selector: str) -> dict[str, list[dict]]:
    """For each element matching `selector`: the fonts Chromium drew its text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = {}
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        attrs = cdp.send("DOM.getAttributes", {"nodeId": node})["attributes"]
        name = dict(zip(attrs[::2], attrs[1::2], strict=True)).get("data-face", str(node))
        found[name] = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return found


def test_font_files_are_woff2_from_the_site(server, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    fonts = []
    page.on("response", lambda r: fonts.append(r) if "/assets/fonts/" in r.url else None)
    page.goto(server + GUIDE, wait_until="networkidle")
    # The browser fetches a face only when the page uses it: each once, and only shipped ones.
    names = [response.url.rsplit("/", 1)[1].split(".")[0] for response in fonts]
    assert len(names) == len(set(names)) and set(names) <= set(FACES.values()), names
    assert {"BeVietnamPro-Regular", "BeVietnamPro-SemiBold", "BeVietnamPro-Bold"} <= set(names)
    for response in fonts:
        assert response.url.startswith(server) and response.url.endswith(".woff2")
        assert response.status == 200 and response.body()[:4] == b"wOF2"
    context.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_vietnamese_letter_renders_in_the_self_hosted_face_of_each_weight(
    server, visit, lang
):
    seen = visit(server + lang + GUIDE, PHONE)
    text = {"nfc": sample_text(), "nfd": unicodedata.normalize("NFD", sample_text())}
    faces = [[w, s, form] for (w, s) in FACES for form in text]
    seen.page.evaluate(PROBE, [text, faces])
    for weight, style in FACES:
        font = f'{style} {weight} 20px "Be Vietnam Pro"'
        assert seen.page.evaluate("([f, t]) => document.fonts.check(f, t)", [font, text["nfc"]])
    used = platform_fonts(seen.page, "#font-probe p")
    assert len(used) == len(faces)
    for key, fonts in used.items():
        weight, style, _ = key.split()
        # One font drew every glyph: the site's own face, not a system fallback.
        assert [(f["postScriptName"], f["isCustomFont"]) for f in fonts] == [
            (FACES[(int(weight), style)], True)
        ], key
    assert seen.failures == []


def serve(data: bytes):
    """A route handler that answers with `data`."""
    return lambda route: route.fulfill(body=data)


def image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_subset_faces_draw_exactly_what_the_full_fonts_draw(server, visit):
    seen = visit(server + GUIDE, PHONE)
    page = seen.page
    # The full TrueType files from the font package, served beside the site for this page only.
    for name in FACES.values():
        page.route(f"**/full-font/{name}.ttf", serve((FONT_DIR / f"{name}.ttf").read_bytes()))
    rules = "".join(
        f'@font-face{{font-family:"Full";font-weight:{w};font-style:{s};'
        f'src:url("{server}full-font/{name}.ttf")}}'
        for (w, s), name in FACES.items()
    )
    page.add_style_tag(content=rules)
    text = {"nfc": sample_text(), "nfd": unicodedata.normalize("NFD", sample_text())}
    page.evaluate(PROBE, [text, [[w, s, "nfc"] for (w, s) in FACES]])
    for (weight, style), name in FACES.items():
        page.evaluate("f => document.fonts.load(f, 'Ấ')", f'{style} {weight} 20px "Full"')
        probe = page.locator(f'#font-probe p[data-face="{weight} {style} nfc"]')
        subset = probe.screenshot()
        probe.evaluate('p => { p.style.fontFamily = "Full"; }')
        assert "Full" in probe.evaluate("p => getComputedStyle(p).fontFamily")
        full = image(probe.screenshot())
        assert ImageChops.difference(image(subset), full).getbbox() is None, name
        # The comparison can tell fonts apart: the fallback face draws something else.
        probe.evaluate('p => { p.style.fontFamily = "serif"; }')
        assert ImageChops.difference(image(probe.screenshot()), full).getbbox()
        probe.evaluate('p => { p.style.fontFamily = ""; }')


def test_characters_the_font_lacks_fall_back_to_another_font(server, visit):
    seen = visit(server + GUIDE, PHONE)
    seen.page.evaluate(
        """() => {
          const p = document.createElement('p');
          p.id = 'fallback-probe';
          p.textContent = 'Mũi tên → và Ω';
          document.querySelector('article').prepend(p);
          return document.fonts.ready;
        }"""
    )
    fonts = platform_fonts(seen.page, "#fallback-probe")
    (used,) = fonts.values()
    names = {f["postScriptName"]: f for f in used}
    assert names["BeVietnamPro-Regular"]["isCustomFont"]  # the Vietnamese words
    others = [f for f in used if not f["isCustomFont"]]
    assert others and sum(f["glyphCount"] for f in others) == 2  # "→" and "Ω", drawn, not lost


# Every element with text of its own, and the form controls: (weight, style) as computed.
COMPUTED = """() => {
  const seen = new Set();
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own && !el.matches('input, button, select, textarea')) continue;
    const cs = getComputedStyle(el);
    if (!cs.fontFamily.includes('Be Vietnam Pro')) continue;
    seen.add(`${cs.fontWeight} ${cs.fontStyle}`);
  }
  return [...seen];
}"""


@pytest.mark.parametrize(
    "path", ["", GUIDE, "to-roi/", "cong-van/vneid-cong-dvcqg-2024/", "en/hoi-dap/"]
)
def test_pages_ask_only_for_the_weights_and_styles_that_are_shipped(server, visit, path):
    shipped = {f"{w} {s}" for (w, s) in FACES}
    for viewport in (PHONE, DESKTOP):
        seen = visit(server + path, viewport)
        asked = set(seen.page.evaluate(COMPUTED))
        seen.page.emulate_media(media="print")
        asked |= set(seen.page.evaluate(COMPUTED))
        assert asked <= shipped, sorted(asked - shipped)
        assert {"400 normal", "700 normal"} <= asked
    # With search results open, on a phone.
    seen = visit(server + path, PHONE)
    seen.page.locator("label[for=__search]").first.click()
    seen.page.locator(".md-search__input").fill("đăng ký")
    seen.page.locator(".md-search__input").press("End")
    seen.page.locator(".md-search-result__item").first.wait_for()
    asked = set(seen.page.evaluate(COMPUTED))
    assert asked <= shipped, sorted(asked - shipped)
