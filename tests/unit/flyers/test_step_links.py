"""A link in a flyer's steps prints as the flyer of the page it opens, or with its address,
and a source in brackets as its citation: never as bare link text."""

from __future__ import annotations

from vneid_site.content.front_matter import parse_page_meta
from vneid_site.flyers.content import Run, extract
from vneid_site.flyers.step_links import link_targets, print_links
from vneid_site.i18n.languages import Languages

SITE = "https://example.gov.vn/vneid/"
HERE = SITE + "en/huong-dan/x/"
REGISTER = SITE + "en/huong-dan/dang-ky-vneid/"
TARGETS = {REGISTER: "Register a VNeID account", SITE + "en/to-roi/": None}


def test_a_page_with_a_flyer_prints_as_that_flyer_once():
    step = (
        Run("See "),
        Run("the ", href=REGISTER + "#kich-hoat"),
        Run("guide", strong=True, href=REGISTER + "#kich-hoat"),
        Run("."),
    )
    assert print_links(step, HERE, TARGETS) == (
        Run("See "),
        Run("the ", href=REGISTER + "#kich-hoat", flyer="Register a VNeID account"),
        Run("."),
    )


def test_other_links_print_their_address_unless_their_text_is_it():
    flyers = SITE + "en/to-roi/"
    step = (
        Run("All flyers: "),
        Run("Printable flyers", href=flyers),
        Run(" or "),
        Run("https://dichvucong.gov.vn", href="https://dichvucong.gov.vn"),
    )
    out = print_links(step, HERE, TARGETS)
    assert out[1] == Run("Printable flyers", href=flyers, address=True)
    assert out[3] == Run("https://dichvucong.gov.vn", href="https://dichvucong.gov.vn")


def test_a_source_in_brackets_prints_as_its_citation_and_a_section_here_as_text():
    article = "https://cafef.vn/bo-cong-an-khuyen-cao.chn"
    step = (
        Run("Install it only from the stores ("),
        Run("CafeF, 8 February 2024", href=article),
        Run("); see "),
        Run("below", href=HERE + "#more"),
        Run("."),
    )
    out = print_links(step, HERE, TARGETS)
    assert out[1] == Run("CafeF, 8 February 2024", href=article, cite=True)
    assert out[3] == Run("below")


def page(title: str, flyer: bool = True) -> object:
    extra = "" if flyer else "flyer:\n  enabled: false\n"
    meta, _ = parse_page_meta(f"---\ntitle: {title}\ndescription: D.\n{extra}---\n", "x.md")
    return meta


def test_targets_are_the_language_s_pages_and_fall_back_to_the_default_language():
    pages = {
        "a.md": page("Trang A"),
        "a.en.md": page("Page A"),
        "b.md": page("Trang B"),  # not translated: the English site shows it in Vietnamese
        "c.md": page("Trang C", flyer=False),
    }
    langs = Languages(("vi", "en"))
    assert link_targets(pages, langs, "en", SITE) == {
        SITE + "en/a/": "Page A",
        SITE + "en/b/": "Trang B",
        SITE + "en/c/": None,
    }
    assert link_targets(pages, langs, "vi", SITE)[SITE + "a/"] == "Trang A"


def test_extract_prints_links_by_the_site_s_pages():
    html = '<ol><li>Xem <a href="../dang-ky-vneid/">Đăng ký</a>.</li></ol>'
    meta = page("X")
    here = SITE + "huong-dan/x/"
    targets = {SITE + "huong-dan/dang-ky-vneid/": "Đăng ký tài khoản VNeID"}
    content = extract(html=html, meta=meta, lang="vi", page_url=here, src="x", targets=targets)
    assert content.steps[0][1].flyer == "Đăng ký tài khoản VNeID"
    assert content.as_data()["sections"][0]["steps"][0][1]["flyer"] == "Đăng ký tài khoản VNeID"
