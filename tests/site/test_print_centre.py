"""The flyers page, the print packs and printing pages from a browser."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader

from tests.support.htmltext import soup, visible_text
from tests.support.pdfcheck import A4_PT, body_runs, decode_qr, pdf_text, render_page
from tests.support.real_docs import letterhead
from vneid_site.flyers.rules import PrintRules

LANGS = [("vi", ""), ("en", "en/")]


def flyer_files(site, prefix: str) -> set:
    files = (
        set((site.dir / prefix).rglob("flyer.pdf")) if prefix else set(site.dir.rglob("flyer.pdf"))
    )
    if not prefix:
        files -= set((site.dir / "en").rglob("flyer.pdf"))
    return {p.resolve() for p in files}


def catalogue(site, prefix: str):
    folder = site.dir / prefix / "to-roi"
    doc = soup(folder / "index.html")
    items = doc.select(".site-catalogue__item")
    return folder, doc, items


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_flyers_page_lists_exactly_the_flyers_of_its_language(site, lang, prefix):
    folder, doc, items = catalogue(site, prefix)
    listed = {(folder / item.select_one("a[download]")["href"]).resolve() for item in items}
    assert len(items) >= 8
    assert listed == flyer_files(site, prefix)
    for item in items:
        pdf = (folder / item.select_one("a[download]")["href"]).resolve()
        size_kb = int(re.search(r"(\d+) KB", visible_text(item))[1])
        assert abs(size_kb - pdf.stat().st_size / 1024) <= 1
        page = (
            folder / item.select_one(".site-catalogue__title a")["href"] / "index.html"
        ).resolve()
        assert page.parent == pdf.parent
        title = visible_text(item.select_one(".site-catalogue__title"))
        assert title == visible_text(soup(page).select_one("article h1"))
    historical = [
        visible_text(i.select_one(".site-catalogue__title"))
        for i in items
        if i.select_one("[data-status=historical]")
    ]
    assert len(historical) == 1 and ("2024" in historical[0])
    nav_text = visible_text(doc.select_one(".md-sidebar--primary"))
    assert ("Tờ rơi để in" if lang == "vi" else "Printable flyers") in nav_text


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_previews_are_real_renders_of_each_flyer(site, lang, prefix):
    folder, _, items = catalogue(site, prefix)
    seen = []
    for item in items:
        img = item.select_one("img")
        path = (folder / img["src"]).resolve()
        preview = Image.open(path).convert("L")
        assert abs(preview.width / preview.height - 210 / 297) < 0.01
        assert img["alt"].strip()
        pdf = (folder / item.select_one("a[download]")["href"]).resolve()
        rendered = render_page(pdf.read_bytes(), 72).resize(preview.size)
        # The preview is this flyer: close to an independent render of its PDF ...
        assert ImageStat.Stat(ImageChops.difference(preview, rendered)).mean[0] < 12
        assert ImageStat.Stat(preview).stddev[0] > 20  # ... and not a blank page
        seen.append(preview.tobytes())
    assert len(set(seen)) == len(seen)  # every preview differs from every other


def pack_links(site, prefix):
    folder, doc, items = catalogue(site, prefix)
    packs = {a["data-pack"]: (folder / a["href"]).resolve() for a in doc.select("a[data-pack]")}
    urls = []
    for item in items:
        page_href = item.select_one(".site-catalogue__title a")["href"]
        rel = (folder / page_href).resolve().relative_to(site.dir.resolve()).as_posix()
        urls.append(site.url + (rel + "/" if rel != "." else ""))
    titles = [visible_text(i.select_one(".site-catalogue__title")) for i in items]
    return packs, urls, titles


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_a4_print_pack_has_an_index_and_every_flyer_in_order(site, lang, prefix):
    packs, urls, titles = pack_links(site, prefix)
    data = packs["a4"].read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(urls) + 1
    assert str(reader.trailer["/Root"]["/Lang"]) == lang
    index = pdf_text(reader, 0)
    positions = [index.find(title) for title in titles]
    assert all(p >= 0 for p in positions), (titles, index)
    assert positions == sorted(positions)
    # Each flyer's title, its page's date, then the page of the pack it is on.
    date = r"\d{2}/\d{2}/\d{4}" if lang == "vi" else r"\d{1,2} [A-Z][a-z]+ \d{4}"
    for number, title in enumerate(titles, start=2):
        assert re.search(re.escape(title) + rf"\s*{date}\s*{number}\b", index), (title, number)
    for page, url in enumerate(urls, start=1):
        codes = [c.text for c in decode_qr(render_page(data, 100, page), 100)]
        assert url in codes, (page, url, codes)


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_a5_two_up_pack_holds_only_legible_flyers_two_to_a_sheet_and_says_so(site, lang, prefix):
    packs, urls, titles = pack_links(site, prefix)
    data = packs["a5x2"].read_bytes()
    reader = PdfReader(io.BytesIO(data))
    rules = PrintRules()
    # Which flyers stay legible at A5: their body, read from their own PDF, scaled to A5.
    folder = site.dir / prefix / "to-roi"
    a5 = {}
    for url in urls:
        flyer = site.dir / url.removeprefix(site.url) / "flyer.pdf"
        body = min(run.size for run in body_runs(PdfReader(flyer), letterhead(lang)))
        a5[url] = body * 148.5 / 210 >= rules.min_pack_body_size - 0.01
    assert folder.is_dir() and any(a5.values()) and not all(a5.values()), a5
    halves = [url for url in urls if a5[url]]
    wholes = [url for url in urls if not a5[url]]
    sheets = (len(halves) + 1) // 2
    assert len(reader.pages) == 1 + sheets + len(wholes)
    # The index gives each flyer's size and sheet, and says why some are whole A4 pages.
    index = pdf_text(reader, 0)
    note = {"vi": "có chữ nhỏ hơn 10 pt khi thu về A5", "en": "smaller than 10 pt at A5"}[lang]
    assert note in index, index
    for number, (title, url) in enumerate(zip(titles, urls, strict=True), start=1):
        sheet = 2 + halves.index(url) // 2 if a5[url] else 2 + sheets + wholes.index(url)
        size = "A5" if a5[url] else "A4"
        assert re.search(rf"{number}\s*{re.escape(title)}.*?\s{size}\s*{sheet}\b", index), title
    found = []
    for sheet in range(1, sheets + 1):
        box = reader.pages[sheet].mediabox
        assert abs(float(box.width) - 841.89) < 1 and abs(float(box.height) - 595.28) < 1
        codes = decode_qr(render_page(data, 150, sheet), 150)
        for code in sorted(codes, key=lambda c: c.left):
            if code.text in urls:
                assert code.width_mm >= 25, (code.text, code.width_mm)
                found.append(code.text)
    assert found == halves
    for page, url in enumerate(wholes, start=1 + sheets):
        box = reader.pages[page].mediabox
        assert abs(float(box.width) - A4_PT[0]) < 1 and abs(float(box.height) - A4_PT[1]) < 1
        assert url in [c.text for c in decode_qr(render_page(data, 100, page), 100)]
