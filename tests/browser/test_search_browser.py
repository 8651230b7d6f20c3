"""Search as citizens use it, in headless Chromium: unaccented Vietnamese, one language each."""

from __future__ import annotations

import json
import unicodedata
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from tests.support.browser import PHONE, Visit, page_opener, wait_until
from tests.support.real_docs import EN_TITLES, VI_TITLES
from vneid_site.i18n.fold import fold
from vneid_site.search.en_stem import stem
from vneid_site.search.index import words

LINK_VI = VI_TITLES["huong-dan/lien-ket-tai-khoan.md"]
REGISTER_VI = VI_TITLES["huong-dan/dang-ky-vneid.md"]
SERVICES_VI = VI_TITLES["huong-dan/dich-vu-cong-bang-vneid.md"]
LINK_EN = EN_TITLES["huong-dan/lien-ket-tai-khoan.en.md"]
REGISTER_EN = EN_TITLES["huong-dan/dang-ky-vneid.en.md"]


class Search(Visit):
    """A page opened in a fresh context, searched from its search box."""

    def search(self, query: str) -> list[str]:
        """Type `query` as a person does and return the page titles of the results."""
        box = self.page.locator(".md-search__input")
        magnifier = self.page.locator("label.md-header__button[for=__search]")
        if magnifier.is_visible():  # on a phone, the magnifier in the header opens search
            magnifier.click()
        else:
            box.click()
        # Start from an empty box, so no result of an earlier query is taken for this one.
        box.fill("")
        box.press("End")
        wait_until(
            self.page,
            "!document.querySelector('.md-search-result__item') && "
            "document.querySelector('.md-search__input').value === ''",
        )
        box.fill(query)
        # Playwright types non-ASCII text without key events; Material searches on keyup.
        box.press("End")
        wait_until(
            self.page,
            """q => { const m = document.querySelector('.md-search-result__meta');
                      const items = document.querySelectorAll('.md-search-result__item');
                      return document.querySelector('.md-search__input').value === q &&
                             (items.length > 0 || /\\b(No|Không)\\b/.test(m.textContent)); }""",
            arg=query,
        )
        return self.page.locator(".md-search-result__item h1").all_inner_texts()

    def item(self, title: str):
        return self.page.locator(".md-search-result__item").filter(
            has=self.page.locator("h1", has_text=title)
        )

    def quiet(self) -> None:
        """No console output at all, and no request to another host."""
        assert self.console == []
        host = urlsplit(self.page.url).netloc
        assert all(urlsplit(u).netloc == host for u in self.requests), self.requests
        assert self.failures == []


@pytest.fixture
def open_page(browser):
    yield from page_opener(browser, Search)


def folded(words: list[str]) -> set[str]:
    """Marked words, folded (Material leaves some empty marks in result texts)."""
    return {fold(w).lower().strip(".,:;()") for w in words} - {""}


@pytest.mark.parametrize(
    "query,first",
    [
        ("lien ket", LINK_VI),
        ("LIEN KET", LINK_VI),
        ("liên kết", LINK_VI),
        ("dang ky vneid", REGISTER_VI),
        ("đăng ký vneid", REGISTER_VI),
        ("truc tuyen", SERVICES_VI),
        ("dinh danh dien tu", REGISTER_VI),
    ],
)
def test_vietnamese_queries_find_the_right_guide_first(server, open_page, query, first):
    seen = open_page(server, PHONE)
    titles = seen.search(query)
    assert titles[0] == first, titles
    assert not set(titles) & set(EN_TITLES.values()), titles
    seen.quiet()


@pytest.mark.parametrize(
    "accented,typed,same_first",
    [
        ("liên kết", "lien ket", True),
        ("liên kết", "LIÊN KET", True),
        ("đăng ký vneid", "dang ky vneid", True),
        ("dịch vụ công", "dịch vu cong", True),
        ("dịch vụ công", "dich vu cong", True),
        ("nộp hồ sơ", "nop ho so", True),
        ("tài khoản cũ", "tai khoan cu", True),
        ("trực tuyến", "truc tuyen", True),
        # "can" is also "cán" (cán bộ, in a page title): that page comes first, then these.
        ("căn cước", "can cuoc", False),
    ],
)
def test_unaccented_and_partly_accented_queries_find_what_the_accented_one_finds(
    server, open_page, accented, typed, same_first
):
    seen = open_page(server)
    expected = seen.search(accented)
    got = seen.search(typed)
    # The same pages; an unaccented syllable can stand for more ("can" for "cần" too).
    assert expected and set(expected) <= set(got), (expected, got)
    if same_first:
        assert got[0] == expected[0], (expected, got)
    else:
        assert expected[0] in got[:3], (expected, got)
    seen.quiet()


def test_pages_holding_every_typed_word_come_first(server, open_page):
    """ "can" also matches "cán bộ" and "cảnh báo": pages that hold only that word come after
    the pages that hold both words typed ("căn cước")."""
    seen = open_page(server)
    titles = seen.search("can cuoc")
    both = [REGISTER_VI, VI_TITLES["hoi-dap.md"], VI_TITLES["huong-dan/khi-gap-su-co.md"]]
    only_can = [VI_TITLES["can-bo.md"], VI_TITLES["canh-bao-lua-dao.md"]]
    assert set(both + only_can) <= set(titles), titles
    assert max(titles.index(t) for t in both) < min(titles.index(t) for t in only_can), titles
    seen.quiet()


def test_can_is_not_dropped_as_an_english_stop_word(server, open_page):
    seen = open_page(server)
    assert seen.search("căn cước")[0] == REGISTER_VI
    # "can" is an English stop word; folded from "căn" it must still be found and marked.
    assert REGISTER_VI in seen.search("can cuoc")
    links = seen.item(REGISTER_VI).locator("a").all()
    terms = [parse_qs(urlsplit(a.get_attribute("href")).query).get("h") for a in links]
    assert ["can cuoc"] in terms, terms
    marks = seen.item(REGISTER_VI).locator("mark").all_inner_texts()
    assert {"căn", "cước"} <= {m.lower().strip(".,") for m in marks}
    seen.quiet()


def test_unaccented_words_are_highlighted_in_results_and_on_the_page(server, open_page):
    seen = open_page(server)
    assert seen.search("lien ket")[0] == LINK_VI
    first = seen.item(LINK_VI)
    assert {"liên", "kết"} <= set(first.locator("h1 mark").all_inner_texts())
    assert folded(first.locator("mark").all_inner_texts()) == {"lien", "ket"}
    # Only the blocks that hold a match are shown, as for the accented query.
    for block in first.locator("article > :not(h1):not(h2):not(div):not(nav)").all():
        assert block.locator("mark").count() > 0
    first.locator("a").first.click()
    seen.page.wait_for_url("**/huong-dan/lien-ket-tai-khoan/?h=lien+ket*")
    assert seen.page.locator("h1").first.inner_text().startswith(LINK_VI)
    marks = seen.page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    assert folded(marks.all_inner_texts()) == {"lien", "ket"}
    assert marks.count() >= 4
    seen.quiet()


def test_partly_accented_query_highlights_every_word(server, open_page):
    seen = open_page(server)
    titles = seen.search("dịch vu cong")
    assert SERVICES_VI in titles
    marks = seen.item(SERVICES_VI).locator("h1 mark").all_inner_texts()
    assert {"dịch", "vụ", "công"} <= set(marks), marks
    seen.quiet()


def test_english_site_shows_only_english_results(server, open_page):
    seen = open_page(server + "en/")
    titles = seen.search("vneid")
    assert len(titles) >= 5
    assert set(titles) <= set(EN_TITLES.values()), titles
    assert not set(titles) & set(VI_TITLES.values())
    assert seen.search("lien ket") == []
    paths = {urlsplit(u).path for u in seen.requests}
    root = urlsplit(server).path
    assert root + "en/search/search_index.json" in paths
    assert root + "search/search_index.json" not in paths
    seen.quiet()


def test_vietnamese_site_shows_only_vietnamese_results(server, open_page):
    seen = open_page(server + "huong-dan/dang-ky-vneid/")
    titles = seen.search("vneid")
    assert set(titles) <= set(VI_TITLES.values()), titles
    assert seen.search("linking") == []
    assert not any("/en/search/" in u for u in seen.requests)
    assert not any("/lunr/" in u for u in seen.requests)  # no lunr language scripts
    seen.quiet()


def test_english_stemming_linking_finds_and_highlights_link(server, open_page):
    seen = open_page(server + "en/")
    titles = seen.search("linking")
    assert titles[0] == LINK_EN, titles
    first = seen.item(LINK_EN)
    assert "link" in first.locator("h1 mark").all_inner_texts()
    first.locator("a").first.click()
    seen.page.wait_for_url("**/en/huong-dan/lien-ket-tai-khoan/?h=linking*")
    assert seen.page.locator("h1").first.inner_text().startswith(LINK_EN)
    marks = seen.page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    # "linking" also marks "link": the word forms of one stem.
    assert {"link", "linking"} <= {m.lower() for m in marks.all_inner_texts()}
    seen.quiet()


def test_english_register_finds_the_registration_guide(server, open_page):
    seen = open_page(server + "en/huong-dan/lien-ket-tai-khoan/")
    titles = seen.search("registering")
    assert titles[0] == REGISTER_EN, titles
    seen.quiet()


def test_english_404_page_searches_english(server, open_page):
    seen = open_page(server + "en/404.html")
    titles = seen.search("linking")
    assert titles and set(titles) <= set(EN_TITLES.values()), titles
    seen.item(titles[0]).locator("a").first.click()
    seen.page.wait_for_load_state()
    assert urlsplit(seen.page.url).path.startswith(urlsplit(server).path + "en/")
    assert seen.failures == []


def test_pages_stored_decomposed_are_highlighted_too(server, open_page, browser):
    """A page whose Vietnamese text is NFD: Material's highlighter misses it, this does not."""
    context = browser.new_context()
    try:

        def decompose(route):
            response = route.fetch()
            body = unicodedata.normalize("NFD", response.text())
            route.fulfill(response=response, body=body)

        target = server + "huong-dan/lien-ket-tai-khoan/"
        context.route(lambda url: url.startswith(target + "?"), decompose)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text))
        for query in ("lien ket", "liên kết"):
            page.goto(f"{target}?h={query}", wait_until="networkidle")
            assert not unicodedata.is_normalized("NFC", page.locator("h1").first.inner_text())
            marks = page.locator("article mark[data-md-highlight]")
            marks.first.wait_for()
            assert folded(marks.all_inner_texts()) == {"lien", "ket"}, query
        assert console == []
    finally:
        context.close()


def test_every_vietnamese_vowel_and_tone_is_highlighted_from_its_base_letter(server, browser):
    """The browser folds as vneid_site.i18n.fold does: all 72 vowel forms and đ, both cases."""
    letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    words = [f"x{c}" for c in letters + letters.upper()]  # "x" keeps Material's own regex off
    context = browser.new_context()
    try:

        def inject(route):
            response = route.fetch()
            body = response.text().replace("</h1>", f'</h1><p id="forms">{" ".join(words)}</p>', 1)
            route.fulfill(response=response, body=body)

        target = server + "tai-lieu/"
        context.route(lambda url: url.startswith(target + "?"), inject)
        page = context.new_page()
        page.goto(target + "?h=xa+xe+xi+xo+xu+xy+xd", wait_until="networkidle")
        # Material marks the plain forms ("xa"); every other form is marked by folding.
        wait_until(
            page,
            """() => [...document.getElementById('forms').childNodes]
                     .every(n => n.nodeType !== 3 || !n.textContent.trim())""",
        )
        marks = page.locator("#forms mark").all_inner_texts()
        assert set(marks) == set(words)
    finally:
        context.close()


def test_python_stemmer_agrees_with_lunr_on_every_english_word(site, server, open_page):
    """en_stem groups word forms as the stemmer inside lunr.js (Material) would."""
    index = json.loads((site.dir / "en" / "search" / "search_index.json").read_text("utf-8"))
    vocabulary = sorted(
        {
            w.lower()
            for doc in index["docs"]
            for w in words(doc["title"] + " " + doc["text"])
            if w.isascii() and w.isalpha()
        }
    )
    assert len(vocabulary) > 300
    seen = open_page(server + "en/")
    worker = seen.page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    # The configured worker is the ranking wrapper; lunr.js is inside Material's worker it loads.
    wrapper = urljoin(seen.page.url, worker["search"])
    seen.page.add_script_tag(url=urljoin(wrapper, parse_qs(urlsplit(wrapper).query)["material"][0]))
    lunr = seen.page.evaluate(
        "words => words.map(w => lunr.stemmer(new lunr.Token(w)).toString())", vocabulary
    )
    assert dict(zip(vocabulary, lunr, strict=True)) == {w: stem(w) for w in vocabulary}


def test_result_links_carry_the_query_for_highlighting(server, open_page):
    seen = open_page(server)
    seen.search("lien ket")
    href = seen.item(LINK_VI).locator("a").first.get_attribute("href")
    assert parse_qs(urlsplit(href).query)["h"] == ["lien ket"]
    assert urlsplit(href).path == urlsplit(server).path + "huong-dan/lien-ket-tai-khoan/"
    seen.quiet()
