"""The built site, read as files: content, languages, links and assets."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.htmltext import html_pages, normalise, soup, visible_text
from tests.support.real_docs import SEED, page_dir, vi_sources

DISPATCH = "cong-van/vneid-cong-dvcqg-2024/"


def seed_lines() -> list[str]:
    """Each paragraph of the original dispatch, stripped of list and emphasis marks."""
    out = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = raw.strip().replace("**", "")
        line = re.sub(r"^(?:- |\d+\. )", "", line)
        line = re.sub(r"<(https?://[^>]+)>", r"\1", line)
        if line:
            out.append(normalise(line))
    return out


def test_every_vietnamese_page_has_its_english_twin(site):
    sources = vi_sources()
    assert len(sources) >= 8
    for src in sources:
        vi = site.dir / page_dir(src) / "index.html"
        en = site.dir / "en" / page_dir(src) / "index.html"
        assert vi.is_file(), src
        assert en.is_file(), f"{src} has no English page"
        doc = soup(en)
        assert doc.html["lang"] == "en"
        # A real translation: no fallback notice, and the body is marked English.
        assert doc.select("[data-untranslated]") == [], f"{src} shows the untranslated notice"
        assert doc.select_one(".site-content")["lang"] == "en"
        assert visible_text(doc.select_one(".site-content")) != visible_text(
            soup(vi).select_one(".site-content")
        )


def test_dispatch_page_holds_every_paragraph_of_the_original(site):
    page = soup(site.dir / DISPATCH / "index.html")
    text = visible_text(page.select_one("article"))
    missing = [line for line in seed_lines() if line not in text]
    assert len(seed_lines()) > 30
    assert missing == []


def test_dispatch_metadata_renders_as_document_header(site):
    for prefix, number_label in (("", "Số:"), ("en/", "No. ")):
        page = soup(site.dir / prefix / DISPATCH / "index.html")
        header = page.select_one("header.site-document")
        assert header is not None
        text = visible_text(header)
        assert f"{number_label}...../STTTT-TTCNTT" in text
        assert ".:" not in text  # "No." takes no colon after it
        assert "V/v sử dụng tài khoản định danh điện tử" in text or "Re: Using" in text
        signature = visible_text(page.select_one(".site-closing__signature"))
        assert "Nguyễn Hữu Yên" in signature


def test_english_dispatch_keeps_the_structure_of_the_original(site):
    vi = soup(site.dir / DISPATCH / "index.html").select_one(".site-transcript")
    en = soup(site.dir / "en" / DISPATCH / "index.html").select_one(".site-transcript")
    for selector in ("li", "p", "a", "strong", ".site-closing__signature"):
        assert len(vi.select(selector)) == len(en.select(selector)), selector
    assert [a["href"] for a in vi.select("a")] == [a["href"] for a in en.select("a")]


@pytest.mark.parametrize("prefix,title", [("", "Văn bản lịch sử"), ("en/", "Historical document")])
def test_dispatch_shows_historical_status_with_sources(site, prefix, title):
    page = soup(site.dir / prefix / DISPATCH / "index.html")
    notice = page.select_one("[data-validity]")
    assert notice["data-validity"] == "historical"
    text = visible_text(notice)
    assert title in text
    for fact in ("69/2024/NĐ-CP", "45/2025/NĐ-CP", "202/2025/QH15", "96/CĐ-TTg"):
        assert fact in text
    # Each note links the article it comes from, and gives its date.
    notes = notice.select("li")
    assert len(notes) >= 5
    for note in notes:
        links = note.select(".site-validity__source a[href^='https://']")
        assert len(links) == 1, note
        assert re.search(r"\b20\d\d\b", visible_text(links[0])), note
    hosts = {urlsplit(a["href"]).hostname for a in notice.select("a[href]")}
    assert {"thuvienphapluat.vn", "en.sggp.org.vn", "ictvietnam.vn"} <= hosts
    # It sits above the transcript, where a reader sees it first.
    html = str(page.select_one("article"))
    assert html.index("data-validity") < html.index("site-transcript")


def test_html_lang_and_hreflang_are_absolute_and_reciprocal(site):
    pages = [p for p in html_pages(site.dir) if p.name == "index.html"]
    assert len(pages) >= 16
    for path in pages:
        rel = path.relative_to(site.dir).parent.as_posix()
        lang = "en" if rel == "en" or rel.startswith("en/") else "vi"
        doc = soup(path)
        assert doc.html["lang"] == lang, rel
        links = {
            link["hreflang"]: link["href"]
            for link in doc.find_all("link", hreflang=True)
            if "alternate" in link["rel"]
        }
        assert set(links) == {"vi", "en", "x-default"}, rel
        assert all(href.startswith(site.url) for href in links.values()), links
        assert links["x-default"] == links["vi"]
        canonical = doc.find("link", rel="canonical")["href"]
        assert links[lang] == canonical
        # The other language's page points back here.
        other = "vi" if lang == "en" else "en"
        other_path = site.dir / urlsplit(links[other]).path.removeprefix("/vneid/") / "index.html"
        back = {
            link["hreflang"]: link["href"]
            for link in soup(other_path).find_all("link", hreflang=True)
        }
        assert back[lang] == canonical


@pytest.mark.parametrize(
    "prefix,tooltip", [("", "Đường link tới mục này"), ("en/", "Link to this section")]
)
def test_heading_permalinks_have_a_tooltip_in_the_page_language(site, prefix, tooltip):
    doc = soup(site.dir / prefix / "huong-dan" / "dang-ky-vneid" / "index.html")
    titles = {a["title"] for a in doc.select("article a.headerlink")}
    assert titles == {tooltip}


def test_404_page_in_each_language_uses_absolute_sub_path(site):
    vi = soup(site.dir / "404.html")
    en = soup(site.dir / "en" / "404.html")
    assert vi.html["lang"] == "vi" and "Không tìm thấy trang" in vi.get_text()
    assert en.html["lang"] == "en" and "Page not found" in en.get_text()
    for doc in (vi, en):
        css = [link["href"] for link in doc.find_all("link", rel="stylesheet")]
        assert css and all(href.startswith("/vneid/assets/") for href in css), css
    assert en.select_one(".md-header__button.md-logo")["href"] == "/vneid/en/"


_RESOURCE_ATTRS = {
    "script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
    "audio": "src", "embed": "src", "object": "data",
}  # fmt: skip


def test_no_script_style_font_or_image_from_another_host(site):
    host = urlsplit(site.url).netloc
    checked = 0
    for path in html_pages(site.dir):
        doc = soup(path)
        for tag, attr in _RESOURCE_ATTRS.items():
            for el in doc.find_all(tag, attrs={attr: True}):
                checked += 1
                assert urlsplit(el[attr]).netloc in ("", host), f"{path}: {el}"
        for link in doc.find_all("link", href=True):
            rels = set(link.get("rel", []))
            if rels & {"alternate", "canonical"}:
                assert urlsplit(link["href"]).netloc == host
                continue
            checked += 1
            assert urlsplit(link["href"]).netloc == "", f"{path}: {link}"
            assert not rels & {"preconnect", "dns-prefetch"}, f"{path}: {link}"
        for style in doc.find_all("style"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", style.get_text())
    assert checked > 100
    for css in site.dir.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", text), css
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, css


def test_font_is_self_hosted(site):
    # Subset WOFF2 files, one a face the site uses (tests/site/test_web_assets.py checks them).
    css = site.dir / "assets" / "stylesheets" / "fonts.css"
    urls = re.findall(r'url\("([^"]+)"\)', css.read_text(encoding="utf-8"))
    assert len(urls) == 5
    for url in urls:
        assert urlsplit(url).netloc == "" and url.endswith(".woff2"), url
        font = Path(urljoin(str(css), url))
        assert font.is_file() and 5_000 < font.stat().st_size < 20_000, url
        assert font.read_bytes()[:4] == b"wOF2"  # a WOFF2 file
    home = soup(site.dir / "index.html")
    assert "fonts.googleapis" not in str(home)


# The shipped profile (mkdocs.yml) names no publisher: the dispatch's issuer, dissolved in 2025,
# appears only as former; the footer says where to get help today, and no 2024 hotline.
PROFILE = {
    "vi": {
        "department": "Hướng dẫn VNeID cho người dân",
        "name": "Theo công văn năm 2024 của Sở Thông tin và Truyền thông tỉnh Bình Dương (cũ)",
        "help": "Cần hỗ trợ? Tài khoản VNeID: hỏi Công an xã, phường nơi bạn ở. Thủ tục trên "
        "Cổng Dịch vụ công quốc gia: hỏi Bộ phận Một cửa của xã, phường.",
    },
    "en": {
        "department": "VNeID guides for citizens",
        "name": "From a 2024 dispatch of the former Department of Information and "
        "Communications of Bình Dương Province",
        "help": "Need help? VNeID account: ask your commune or ward police. Procedures on the "
        "National Public Service Portal: ask the one-stop counter of your commune or ward.",
    },
}
DISSOLVED = ("Thông tin và Truyền thông", "Information and Communications", "Bình Dương")


def never_current(text: str) -> bool:
    """A dissolved body is named only as former ("(cũ)", "cũ", "former")."""
    return not any(name in text for name in DISSOLVED) or bool(re.search(r"\bcũ\b|former", text))


@pytest.mark.parametrize("lang,prefix", [("vi", ""), ("en", "en/")])
def test_header_and_footer_name_no_dissolved_body_as_today_s_publisher(site, lang, prefix):
    want = PROFILE[lang]
    for page in ("", "huong-dan/dang-ky-vneid/", DISPATCH):
        doc = soup(site.dir / prefix / page / "index.html")
        header = visible_text(doc.select_one(".site-header__org"))
        assert header == f"{want['department']} · {want['name']}", header
        footer = visible_text(doc.select_one(".site-footer"))
        assert want["name"] in footer and want["help"] in footer, footer
        assert "1022" not in footer, footer
        assert never_current(header) and never_current(footer)


def test_home_routes_to_every_guide_in_one_click(site):
    for prefix in ("", "en/"):
        doc = soup(site.dir / prefix / "index.html")
        hrefs = {a["href"].rstrip("/") for a in doc.select(".grid.cards a[href]")}
        for guide in (
            "huong-dan/dang-ky-vneid",
            "huong-dan/dich-vu-cong-bang-vneid",
            "huong-dan/lien-ket-tai-khoan",
            "hoi-dap",
            "can-bo",
            "tai-lieu",
            "cong-van/vneid-cong-dvcqg-2024",
        ):
            assert guide in hrefs, (prefix, guide)


def test_downloads_page_carries_the_dispatch_download_link(site):
    link = "https://cloud.binhduong.gov.vn/index.php/s/LHQMOOHJmgzCggi"
    for prefix in ("", "en/"):
        doc = soup(site.dir / prefix / "tai-lieu" / "index.html")
        assert link in [a["href"] for a in doc.select("article a[href]")]


def test_guides_have_numbered_steps_and_name_their_sources(site):
    for guide in ("dang-ky-vneid", "dich-vu-cong-bang-vneid", "lien-ket-tai-khoan"):
        for prefix, heading in (("", "Nguồn"), ("en/", "Sources")):
            doc = soup(site.dir / prefix / "huong-dan" / guide / "index.html")
            steps = doc.select("article ol > li")
            assert len(steps) >= 4, guide
            headings = [visible_text(h) for h in doc.select("article h2")]
            assert heading in headings, (guide, headings)


def test_sitemap_beside_each_language_root(site):
    for prefix in ("", "en/"):
        sitemap = (site.dir / prefix / "sitemap.xml").read_text(encoding="utf-8")
        assert f"<loc>{site.url}en/huong-dan/dang-ky-vneid/</loc>" in sitemap
        assert f"<loc>{site.url}huong-dan/dang-ky-vneid/</loc>" in sitemap


def test_no_template_source_or_sample_data_is_published(site):
    published = [p.relative_to(site.dir).as_posix() for p in site.dir.rglob("*") if p.is_file()]
    leaked = [p for p in published if p.endswith((".typ", ".py", ".md")) or "sample" in p]
    assert leaked == []
    assert not any(p.startswith(("flyer/", "flyer-templates/")) for p in published)
