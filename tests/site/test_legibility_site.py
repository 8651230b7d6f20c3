"""The real site's flyers, posters and packs as their readers meet them: type no smaller than
the floor, something worth printing, addresses whole on one line, packs in their language,
names as written, and the flyers page showing each flyer's date."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.htmltext import soup, visible_text
from tests.support.pdfcheck import body_runs, decode_qr, pdf_text, render_page, structure_types
from tests.support.real_docs import CONFIG, DOCS, LANGUAGES, letterhead, page_dir, vi_sources
from vneid_site.content.front_matter import parse_page_meta
from vneid_site.flyers.rules import PrintRules

RULES = PrintRules()  # mkdocs.yml keeps the defaults
LANGS = [("vi", ""), ("en", "en/")]
# An address as a reader compares it: a web address, a domain name, a phone number.
ADDRESS = re.compile(
    r"https?://[^\s()<>\"]*[^\s()<>\".,;:!?']"
    r"|\b(?:[A-Za-z0-9-]+\.)+(?:vn|com|net|org|gov|info)\b"
    r"|(?:\+84|\b0)(?:[ .-]?\d){7,10}\b"
)


def printed(site, *, posters: bool = False) -> list[tuple[str, str, Path]]:
    """(lang, docs path, PDF) of every flyer, or every poster, of both languages."""
    out = []
    for src in vi_sources():
        meta, _ = parse_page_meta((DOCS / src).read_text(encoding="utf-8"), src)
        if not meta.flyer.enabled:
            continue
        for lang, _ in LANGS:
            folder = site.dir / page_dir(src, lang)
            names = ("poster-a4.pdf", "poster-a3.pdf") if posters else ("flyer.pdf",)
            out += [(lang, LANGUAGES.source(src, lang), folder / name) for name in names]
    return out


def test_every_flyer_s_body_is_at_least_the_floor(site):
    sizes = {}
    for lang, src, pdf in printed(site):
        runs = body_runs(PdfReader(pdf), letterhead(lang))
        assert runs, pdf
        sizes[src] = min(run.size for run in runs)
        assert sizes[src] >= RULES.min_body_size - 0.01, (pdf, sizes[src])
    assert len(sizes) == 16
    print("flyer body sizes (pt):", {src: round(size, 2) for src, size in sorted(sizes.items())})


def test_every_poster_s_steps_read_from_two_metres(site):
    for lang, _, pdf in printed(site, posters=True):
        reader = PdfReader(pdf)
        scale = math.sqrt(2) if pdf.name == "poster-a3.pdf" else 1
        smallest = min(run.size for run in body_runs(reader, letterhead(lang)))
        assert smallest >= RULES.min_poster_size * scale - 0.01, (pdf, smallest)


@pytest.mark.parametrize("posters", [False, True])
def test_no_flyer_or_poster_without_steps_a_list_or_a_summary(site, posters):
    for lang, _, pdf in printed(site, posters=posters):
        reader = PdfReader(pdf)
        items = structure_types(reader).count("LI")
        runs = body_runs(reader, letterhead(lang))
        title = max(run.size for run in runs)  # the heading, in the largest type
        words = " ".join(run.text for run in runs if run.size < title - 0.01)
        summary = len(re.sub(r"\s+", " ", words).strip())
        assert items >= 3 or summary >= RULES.min_summary_chars, (pdf, items, summary)


def addresses(src: str, lang: str, site) -> set[str]:
    """Every address the page's flyer and posters may print: its own, its extra QR codes',
    those in its text, and the help line's."""
    text = (DOCS / src).read_text(encoding="utf-8")
    meta, _ = parse_page_meta(text, src)
    html = soup(site.dir / page_dir(src, lang) / "index.html").select_one("article")
    found = set(ADDRESS.findall(visible_text(html)))
    found |= {q.url for q in meta.flyer.qr}
    found.add(site.url + page_dir(src, lang))
    found |= set(ADDRESS.findall(str(CONFIG["extra"]["organisation"])))
    return found


@pytest.mark.parametrize("posters", [False, True])
def test_no_address_is_split_across_lines(site, posters):
    checked = 0
    for lang, src, pdf in printed(site, posters=posters):
        lines = PdfReader(pdf).pages[0].extract_text()  # line breaks where the layout has them
        for address in addresses(src, lang, site):
            # The address as printed, wherever a line may have broken it.
            shown = re.search(r"\s*".join(map(re.escape, address)), lines)
            if shown is None:
                continue  # not on this flyer
            assert shown[0] == address, (pdf, address, shown[0])
            checked += 1
    assert checked >= (40 if posters else 30)


def test_the_scam_flyer_keeps_the_real_addresses_whole(site):
    # The very rule that tells people to check the address letter by letter.
    for prefix in ("", "en/"):
        lines = PdfReader(site.dir / prefix / "canh-bao-lua-dao" / "flyer.pdf").pages[0]
        text = lines.extract_text()
        assert "https://vneid.gov.vn" in text and "https://dichvucong.gov.vn" in text
        assert "https://vneid.gov.\n" not in text


def test_a_poster_s_qr_code_decodes_at_50_dpi_and_is_at_least_60mm_on_a3(site):
    for lang, src, pdf in printed(site, posters=True):
        url = site.url + page_dir(src, lang)
        codes = decode_qr(render_page(pdf.read_bytes(), 50), 50)
        assert [code.text for code in codes] == [url], (pdf, codes)
        # At least 60 mm on A3; on A4, above the 30 mm phones read from a counter.
        smallest = 60 if pdf.name == "poster-a3.pdf" else 35
        assert codes[0].width_mm >= smallest, (pdf, codes[0].width_mm)


def test_every_page_with_a_flyer_offers_its_posters(site):
    for lang, _src, pdf in printed(site):
        share = soup(pdf.parent / "index.html").select_one("aside.site-share")
        links = {a["data-paper"]: a for a in share.select("a.site-share__poster")}
        assert set(links) == {"A4", "A3"}, pdf
        for paper, link in links.items():
            target = (pdf.parent / link["href"]).resolve()
            assert target == (pdf.parent / f"poster-{paper.lower()}.pdf").resolve()
            assert link["download"].endswith(f"-{lang}-poster-{paper.lower()}.pdf")


def site_names() -> dict[str, str]:
    i18n = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
    names = {lang["locale"]: lang.get("site_name") for lang in i18n["languages"]}
    return {lang: name or CONFIG["site_name"] for lang, name in names.items()}


PACK_WORDS = {
    "vi": {"flyer": "Bộ tờ rơi", "poster": "Bộ áp phích", "index": "Mục lục"},
    "en": {"flyer": "Flyer pack", "poster": "Poster pack", "index": "Contents"},
}


def test_every_pack_is_titled_and_tagged_in_its_own_language(site):
    names = site_names()
    assert names["en"].startswith("Guide to") and names["vi"] != names["en"]
    packs = sorted((site.dir / "assets" / "flyers").glob("*.pdf"))
    assert len(packs) == 8
    for pack in packs:
        lang = re.match(r"(?:print|poster)-pack-(vi|en)-", pack.name)[1]
        kind = "poster" if pack.name.startswith("poster") else "flyer"
        reader = PdfReader(pack)
        assert reader.metadata.title == f"{PACK_WORDS[lang][kind]} — {names[lang]}", pack
        assert str(reader.trailer["/Root"]["/Lang"]) == lang, pack
        index = pdf_text(reader, 0)
        assert index.startswith(f"{PACK_WORDS[lang][kind]} — {names[lang]}"), (pack, index[:80])
        assert PACK_WORDS[lang]["index"] in index, pack
        other = "en" if lang == "vi" else "vi"
        assert names[other] not in index, pack


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_the_flyers_page_shows_each_flyer_s_date_as_the_flyer_prints_it(site, lang, prefix):
    folder = site.dir / prefix / "to-roi"
    label = {"vi": "Cập nhật", "en": "Last updated"}[lang]
    items = soup(folder / "index.html").select(".site-catalogue__item")
    assert len(items) == 8
    for item in items:
        shown = visible_text(item.select_one(".site-catalogue__updated"))
        assert shown.startswith(f"{label}: "), shown
        pdf = (folder / item.select_one("a[download]")["href"]).resolve()
        assert shown in pdf_text(pdf, 0), (pdf, shown)
        posters = {a["data-paper"]: a["href"] for a in item.select("a[data-paper]")}
        assert set(posters) == {"a4", "a3"}
        for href in posters.values():
            assert (folder / href).resolve().parent == pdf.parent


def test_posters_are_tagged_pdf_ua_pages_of_their_paper_language_and_fonts(site):
    papers = {"poster-a4.pdf": (595.28, 841.89), "poster-a3.pdf": (841.89, 1190.55)}
    for lang, _, pdf in printed(site, posters=True):
        reader = PdfReader(io.BytesIO(pdf.read_bytes()))
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        width, height = papers[pdf.name]
        assert abs(float(box.width) - width) < 1 and abs(float(box.height) - height) < 1
        root = reader.trailer["/Root"]
        assert str(root["/Lang"]) == lang and bool(root["/MarkInfo"]["/Marked"])
        assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
        assert structure_types(reader).count("H1") == 1
        flyer = PdfReader(pdf.with_name("flyer.pdf"))
        assert reader.metadata.title == flyer.metadata.title
        fonts = {
            str(f.get_object()["/BaseFont"])
            for f in reader.pages[0]["/Resources"]["/Font"].values()
        }
        assert any("BeVietnamPro" in font for font in fonts), fonts
        assert "VNEID" not in pdf_text(reader, 0)
