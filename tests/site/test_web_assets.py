"""What a phone downloads on a first visit, read from the built files: the web fonts and
their preload, the requests that wait, and the flyer previews."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from tests.support.htmltext import html_pages, soup
from tests.support.vietnamese import MARKS, beyond_ascii
from vneid_site.font_files import FONT_DIR

FONTS_CSS = Path("assets") / "stylesheets" / "fonts.css"
SHIPPED = {(300, "normal"), (400, "normal"), (400, "italic"), (600, "normal"), (700, "normal")}


def parse_range(text: str) -> set[int]:
    points = set()
    for part in text.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(low, 16), int(high or low, 16) + 1))
    return points


def declared_faces(site) -> list[dict]:
    css = site.dir / FONTS_CSS
    faces = []
    for block in re.findall(r"@font-face \{(.*?)\}", css.read_text(encoding="utf-8"), re.S):
        rule = dict(re.findall(r"([\w-]+):\s*([^;]+);", block))
        url = re.fullmatch(r'url\("([^"]+)"\) format\("woff2"\)', rule["src"])[1]
        faces.append(
            {
                "weight": int(rule["font-weight"]),
                "style": rule["font-style"],
                "display": rule["font-display"],
                "file": Path(urljoin(str(css), url)),
                "range": parse_range(rule["unicode-range"]),
            }
        )
    return faces


def test_each_font_file_holds_its_declared_range_and_every_vietnamese_letter(site):
    faces = declared_faces(site)
    assert {(f["weight"], f["style"]) for f in faces} == SHIPPED and len(faces) == 5
    needed = {ord(c) for c in "".join(beyond_ascii()) + "".join(MARKS)} | set(range(0x20, 0x7F))
    for face in faces:
        assert face["display"] == "swap"
        font = TTFont(io.BytesIO(face["file"].read_bytes()))
        assert font.flavor == "woff2"
        cmap = set(font.getBestCmap())
        assert cmap == face["range"], face["file"].name  # unicode-range says exactly this
        assert needed <= cmap, sorted(map(hex, needed - cmap))
        assert font["OS/2"].usWeightClass == face["weight"]
        assert bool(font["OS/2"].fsSelection & 1) == (face["style"] == "italic")


def test_every_character_the_pages_show_is_in_the_web_font_unless_the_family_lacks_it(site):
    full = set(TTFont(FONT_DIR / "BeVietnamPro-Regular.ttf", lazy=True).getBestCmap())
    subset = next(f["range"] for f in declared_faces(site) if f["weight"] == 400)
    shown: set[str] = set()
    for path in html_pages(site.dir):
        doc = soup(path)
        for tag in doc.find_all(["script", "style", "svg"]):
            tag.decompose()
        shown.update(doc.get_text())
        for tag in doc.find_all(attrs={"alt": True}):
            shown.update(tag["alt"])
    assert len(shown) > 120
    missing = sorted(c for c in shown if ord(c) not in subset and ord(c) in full)
    assert missing == []


def test_every_page_preloads_the_body_text_font_under_the_sub_path(site):
    faces = declared_faces(site)
    regular = next(f["file"] for f in faces if (f["weight"], f["style"]) == (400, "normal"))
    pages = html_pages(site.dir)
    assert len(pages) >= 20
    for path in pages:
        links = soup(path).find_all("link", rel="preload")
        assert len(links) == 1, path
        link = links[0]
        assert (link["as"], link["type"]) == ("font", "font/woff2")
        assert link.has_attr("crossorigin")  # fonts are fetched in CORS mode: else fetched twice
        href = link["href"]
        if href.startswith("/"):  # the 404 pages, served at any depth
            assert href.startswith("/vneid/assets/fonts/"), path
            target = site.dir / href.removeprefix("/vneid/")
        else:
            target = (path.parent / href).resolve()
        assert target == regular.resolve(), path


def test_no_truetype_font_is_published(site):
    assert list(site.dir.rglob("*.ttf")) == []
    fonts = sorted(p.name for p in (site.dir / "assets" / "fonts").iterdir())
    assert fonts == sorted(f["file"].name for f in declared_faces(site))
    assert sum((site.dir / "assets" / "fonts" / name).stat().st_size for name in fonts) < 120 * 1024


def test_what_a_first_visit_does_not_need_waits(site):
    doc = soup(site.dir / "huong-dan" / "dang-ky-vneid" / "index.html")
    script = doc.find("script", src=re.compile(r"search-highlight\.js$"))
    assert script.has_attr("defer")
    qr = doc.select_one("img.site-share__qr")
    assert (qr["loading"], qr["decoding"]) == ("lazy", "async")
    assert (qr["width"], qr["height"]) == ("148", "148")
    logo = doc.select_one(".md-header .md-logo img")
    assert (logo["width"], logo["height"]) == ("24", "24")


def test_no_compressed_copies_unless_the_settings_ask_for_them(site):
    # mkdocs.yml leaves extra.web.precompress off; MkDocs writes its own sitemap.xml.gz.
    copies = {p.relative_to(site.dir).as_posix() for p in site.dir.rglob("*.br")}
    copies |= {p.relative_to(site.dir).as_posix() for p in site.dir.rglob("*.gz")}
    assert copies <= {"sitemap.xml.gz", "en/sitemap.xml.gz"}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_previews_load_lazily_at_their_size_for_1x_and_2x_screens(site, prefix):
    folder = site.dir / prefix / "to-roi"
    images = soup(folder / "index.html").select(".site-catalogue__item img")
    assert len(images) >= 8
    for img in images:
        assert (img["loading"], img["decoding"]) == ("lazy", "async")
        sources = {}
        for candidate in img["srcset"].split(","):
            url, density = candidate.split()
            sources[density] = folder / url
        assert set(sources) == {"1x", "2x"} and sources["1x"] == folder / img["src"]
        one, two = Image.open(sources["1x"]), Image.open(sources["2x"])
        # The declared size is the 1x image's: the page keeps its room while it loads.
        assert (int(img["width"]), int(img["height"])) == one.size == (200, 283)
        assert two.size == (400, 566)
        for image, path in ((one, sources["1x"]), (two, sources["2x"])):
            assert image.mode == "P" and len(image.getcolors()) <= 64, path
        # The registration flyer is the densest (two lists of steps): about 12 and 32 KB.
        assert sources["1x"].stat().st_size < 14_000 and sources["2x"].stat().st_size < 36_000
