"""The content checks of one page, rendering included, cost time linear in the page: hostile
pages are refused by the limits before Markdown reads them, and pages inside the limits are read
in linear time. Each case compares the same check on N and 4N in one run."""

from __future__ import annotations

import pytest

from tests.support.growth import growth
from vneid_site.checks.page_checks import Page, Site, anchors_of, check_page
from vneid_site.i18n.languages import Languages

HEAD = "---\ntitle: Trang\ndescription: Mô tả.\n---\n\n"
WORDS = "Nội dung của trang có vài chữ "

PAGES = {
    # The cases: 6 KB of `{#a` took the checks 131 s, 9,000 `[` took Markdown 10.5 s.
    "explicit ids": lambda n: HEAD + "## Tiêu đề\n\n" + "{#a" * (n // 3),
    "brackets": lambda n: HEAD + "[" * n,
    "headings with blanks": lambda n: HEAD + ("# a" + " \t" * 2_000 + "b\n\n") * (n // 4_000),
    # Inside the limits, so Markdown renders them: still linear.
    "stray brackets": lambda n: HEAD + ("[" + WORDS * 10 + "\n\n") * (n // 300),
    "links": lambda n: HEAD + ("[liên kết](#tieu-de) " * 50 + "\n\n") * (n // 1_000),
    "stray tags": lambda n: HEAD + ("a<b " + WORDS * 10 + "\n\n") * (n // 300),
}


@pytest.fixture(scope="module")
def site(render):
    return Site(frozenset({"x.md", "x.en.md"}), Languages(), lambda src: set(), render)


@pytest.mark.parametrize("name", PAGES)
def test_checking_a_page_costs_time_linear_in_its_size(site, name):
    make = PAGES[name]

    def check(source: str) -> object:
        page = Page("x.md", "vi", "x.md", source.encode("utf-8"))
        return check_page(page, site, "docs/x.md"), anchors_of(source)

    assert growth(check, make(20_000), make(80_000)) < 8


def test_a_page_over_a_limit_reports_only_that(site):
    page = Page("x.md", "vi", "x.md", (HEAD + "[" * 9_000 + " <script>").encode("utf-8"))
    [problem] = check_page(page, site, "docs/x.md")
    assert problem.line == 6 and "have no ']'" in problem.message
