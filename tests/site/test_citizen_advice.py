"""Advice a citizen acts on, read from the built pages and flyers in both languages: no page or
flyer sends anyone to an old Portal account, help is the police and the one-stop counter before
any number, the troubleshooting page has its five cases as numbered steps, and every flyer's scam
line holds the OTP rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.htmltext import html_pages, soup, visible_text
from tests.support.pdfcheck import pdf_text

LANGS = (("vi", ""), ("en", "en/"))
TROUBLE = "huong-dan/khi-gap-su-co/"
FAQ = "hoi-dap/"
DISPATCH = "cong-van/vneid-cong-dvcqg-2024/"

# Telling a reader to use an old Portal account (the advice Article 40(3) ended on 30/6/2024).
OLD_ACCOUNT_ADVICE = {
    "vi": (
        r"còn đăng nhập được",
        r"bằng tài khoản cũ",
        r"liên kết (?:nó|tài khoản cũ|tài khoản) (?:với|vào) VNeID",
        r"chưa xác nhận[^.]*tài khoản cũ",
    ),
    "en": (
        r"still logs? in",
        r"(?:can )?still log in with (?:it|your old account|an old account)",
        r"with your old account",
        r"link (?:it|your (?:old )?account) to VNeID",
        r"not confirmed[^.]*old account",
    ),
}
POLICE = {"vi": "Công an xã, phường", "en": "commune or ward police"}
COUNTER = {"vi": "Bộ phận Một cửa", "en": "one-stop counter"}
OTP_RULE = {
    "vi": "Không đọc mã OTP, mật khẩu, passcode cho ai, kể cả người xưng là công an",
    "en": (
        "Never tell anyone an OTP code, password or passcode, even someone who says they are police"
    ),
}
FALLBACK = {
    "vi": "Nếu không tự làm được",
    "en": "If you cannot do it yourself",
}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def advice_text(path: Path) -> str:
    """What a page tells its reader: the article without the dispatch's own words and without
    its collapsed record of the 2024 procedure."""
    article = soup(path).select_one("article")
    for old in article.select(".site-transcript, details"):
        old.decompose()
    return flat(visible_text(article))


def flyers_of(site, lang: str, prefix: str) -> list[Path]:
    """Every page flyer of one language (the Vietnamese site's folder holds the English one)."""
    return [
        p
        for p in (site.dir / prefix).rglob("flyer.pdf")
        if lang == "en" or "/en/" not in str(p.relative_to(site.dir.parent))
    ]


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_no_page_tells_the_reader_to_use_an_old_portal_account(site, lang, prefix):
    pages = [p for p in html_pages(site.dir / prefix) if lang == "en" or "/en/" not in str(p)]
    assert len(pages) >= 10
    for path in pages:
        text = advice_text(path)
        for pattern in OLD_ACCOUNT_ADVICE[lang]:
            assert not re.search(pattern, text, re.IGNORECASE), (path, pattern)


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_no_flyer_tells_the_reader_to_use_an_old_portal_account(site, lang, prefix):
    flyers = flyers_of(site, lang, prefix)
    assert len(flyers) >= 8
    for path in flyers:
        text = flat(pdf_text(path))
        for pattern in OLD_ACCOUNT_ADVICE[lang]:
            assert not re.search(pattern, text, re.IGNORECASE), (path, pattern)


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_the_law_on_old_accounts_is_stated_where_they_come_up(site, lang, prefix):
    law = {"vi": "30/6/2024", "en": "30 June 2024"}[lang]
    for page in ("", "huong-dan/lien-ket-tai-khoan/", FAQ, "can-bo/", DISPATCH):
        text = flat(visible_text(soup(site.dir / prefix / page / "index.html").select_one("main")))
        assert law in text, page
    cards = soup(site.dir / prefix / "index.html").select(".grid.cards > ul > li")
    card = next(c for c in cards if c.select_one("a[href*='lien-ket-tai-khoan']"))
    words = flat(visible_text(card))
    assert law in words and COUNTER[lang] in words, words


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_the_help_answer_names_the_police_and_the_counter_before_any_number(site, lang, prefix):
    doc = soup(site.dir / prefix / FAQ / "index.html")
    heading = doc.select_one("#goi-dau-de-duoc-ho-tro")
    parts = []
    for element in heading.find_all_next():
        if element.name in ("h2", "h3") and element is not heading:
            break
        if element.name in ("p", "li", "h4"):
            parts.append(visible_text(element))
    answer = flat(" ".join(parts))
    police = answer.index(POLICE[lang])
    counter = answer.index(COUNTER[lang])
    # "1022" is the first number the answer holds (HCMC's gateway, then the 2024 hotline).
    assert max(police, counter) < answer.index("1022") < answer.index("0274.1022"), answer
    # The 2024 hotline is in the past tense, under its own dated heading.
    history = doc.select_one("#duong-day-nong-nam-2024")
    assert history is not None and "2024" in history.get_text()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_the_troubleshooting_page_has_five_cases_as_numbered_steps(site, lang, prefix):
    doc = soup(site.dir / prefix / TROUBLE / "index.html")
    cases = (
        "quen-mat-khau",
        "quen-passcode",
        "doi-dien-thoai",
        "khong-nhan-duoc-otp",
        "khong-dang-nhap-duoc-cong",
    )
    for case in cases:
        heading = doc.select_one(f"h2#{case}")
        assert heading is not None, case
        steps = heading.find_next("ol").find_all("li", recursive=False)
        assert len(steps) >= 3, case
        last = flat(visible_text(steps[-1]))
        assert last.startswith(FALLBACK[lang]) and POLICE[lang] in last, (case, last)
        # Each case cites its sources as links, right after its steps.
        cited = steps[-1].find_parent("ol").find_next_sibling("p")
        assert cited is not None and cited.select("a[href^='http']"), case


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_every_guide_and_the_faq_link_to_the_troubleshooting_page(site, lang, prefix):
    pages = [
        "",
        FAQ,
        "huong-dan/dang-ky-vneid/",
        "huong-dan/dich-vu-cong-bang-vneid/",
        "huong-dan/lien-ket-tai-khoan/",
        "can-bo/",
    ]
    for page in pages:
        doc = soup(site.dir / prefix / page / "index.html")
        hrefs = [a["href"] for a in doc.select("article a[href]")]
        assert any("khi-gap-su-co" in href for href in hrefs), page


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_every_flyer_s_scam_line_holds_the_otp_rule(site, lang, prefix):
    flyers = flyers_of(site, lang, prefix)
    assert len(flyers) >= 8
    for path in flyers:
        assert OTP_RULE[lang] in flat(pdf_text(path)), path


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_every_source_list_links_dated_articles(site, lang, prefix):
    heading = {"vi": "Nguồn", "en": "Sources"}[lang]
    seen = 0
    for path in html_pages(site.dir / prefix):
        if lang == "vi" and "/en/" in str(path.relative_to(site.dir.parent)):
            continue
        doc = soup(path)
        for h2 in doc.select("article h2"):
            if flat(visible_text(h2)) != heading:
                continue
            for item in h2.find_next("ul").find_all("li", recursive=False):
                seen += 1
                links = item.select("a[href]")
                assert links, (path, item)
                external = [a for a in links if a["href"].startswith("http")]
                text = visible_text(item)
                if external:
                    assert re.search(r"\b(?:19|20)\d\d\b|không ghi ngày|undated", text), text
    assert seen >= 40
