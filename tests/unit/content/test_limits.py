"""Page limits, checked before Python-Markdown reads a page: each named with its line and fix,
the real pages far inside them, and the checking itself linear in the page's size."""

from __future__ import annotations

import pytest

from tests.support.growth import growth
from tests.support.large_pages import large_page, unclosed_links
from tests.support.real_docs import DOCS
from vneid_site.content.limits import (
    MAX_INDENT,
    MAX_LINE_CHARS,
    MAX_PAGE_CHARS,
    page_limits,
)

HEAD = "---\ntitle: Trang\ndescription: Mô tả.\n---\n\n"  # the body starts on line 6
PARAGRAPH = "Nội dung của trang " * 10 + "\n"

# name -> (page, line, phrase of the message)
OVER = {
    "page": (HEAD + "a\n" * (MAX_PAGE_CHARS // 2), 1, "characters long; a page may hold"),
    "line": (HEAD + "a\n" + "b" * (MAX_LINE_CHARS + 1), 7, "a line may hold at most 10,000"),
    "brackets": (HEAD + "[" * 9_000, 6, "too many '[' have no ']'"),
    "brackets on many lines": (HEAD + "\n".join(["[" * 9] * 1_000), 6, "no ']'"),
    "link parentheses": (HEAD + "x\n" + "\n".join(["[a](" * 500] * 6), 7, "many '(' have no ')'"),
    "unclosed tags": (HEAD + "\n".join(["<a " * 100] * 40), 6, "too many '<' have no '>'"),
    "indent": (
        HEAD + "".join("  " * i + "- mục\n" for i in range(30)),
        6 + MAX_INDENT // 2 + 1,
        "indented more than 48 columns",
    ),
    "quotes": (HEAD + "> a\n" + ">" * 13 + " b\n", 7, "nests quotes more than 12 deep"),
    "abbreviations": (
        HEAD + "".join(f"*[V{i}]: viết tắt\n" for i in range(101)),
        106,
        "more than 100 abbreviation definitions",
    ),
    "tabs": (HEAD + '=== "Thẻ"\n    x\n' * 201, 406, 'more than 200 tabs (=== "...")'),
    "markdown in html": (
        HEAD + "<div markdown>\n" * 51,
        56,
        "more than 50 HTML tags with a markdown attribute",
    ),
}


@pytest.mark.parametrize("name", OVER)
def test_each_limit_names_the_line_and_the_fix_in_both_languages(name):
    source, line, phrase = OVER[name]
    [problem] = page_limits(source, "docs/x.md")
    assert (problem.path, problem.line) == ("docs/x.md", line)
    assert phrase in problem.message, problem.message
    assert problem.fix and problem.message_vi and problem.fix_vi


def test_what_looks_alike_but_costs_little_passes():
    pages = [
        HEAD + ("[liên kết](a.md) " * 100 + "\n") * 50,  # many closed links
        HEAD + ("[" + PARAGRAPH + "\n") * 300,  # one stray '[' in each of many paragraphs
        HEAD + "a<b, " + PARAGRAPH * 300,  # a comparison, no tag
        HEAD + ("\\[" * 1_000 + "\n") * 9,  # escaped brackets are text
        HEAD + "```\n" + "[" * 9_000 + "\n" + " " * 200 + "x\n```\n",  # code
        HEAD + "`" + "[" * 9_000 + "`",  # a code span
        HEAD + "".join("    " * i + "- mục\n" for i in range(12)),  # twelve levels
        HEAD + ">" * 12 + " trích dẫn\n",
        large_page(500_000, "Lớn"),
        unclosed_links(234_000, "Mở"),
    ]
    for source in pages:
        assert page_limits(source, "docs/x.md") == [], source[:80]


def test_the_real_pages_are_far_inside_every_limit():
    pages = sorted(DOCS.rglob("*.md"))
    assert pages
    for path in pages:
        assert page_limits(path.read_text(encoding="utf-8"), str(path)) == []


# Checking the limits costs time linear in the page, whether it passes or not.
GROWING = {
    "brackets": lambda n: HEAD + "[" * n,
    "closed links": lambda n: HEAD + ("[a](b.md) " * 100 + "\n") * (n // 1_000),
    "tags": lambda n: HEAD + ("<a " * 100 + "\n") * (n // 300),
    "stray brackets": lambda n: HEAD + ("[" + PARAGRAPH + "\n") * (n // 200),
    "nesting": lambda n: HEAD + "".join("  " * (i % 20) + "- a\n" for i in range(n // 20)),
    "long lines": lambda n: HEAD + ("x" * 9_000 + "\n") * (n // 9_000),
}


@pytest.mark.parametrize("name", GROWING)
def test_checking_the_limits_costs_linear_time(name):
    make = GROWING[name]
    assert growth(lambda s: page_limits(s, "docs/x.md"), make(100_000), make(400_000)) < 8
