"""The sanitiser on rendered pages: each hostile payload refused at its line, unlisted markup
stripped with its text kept, and nh3's output free of what was refused."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.support.hostile import REFUSED, STRIPPED, STRIPPED_PHRASES, STRIPPED_TEXT
from vneid_site.content.html_policy import inspect, normalise_url, url_scheme
from vneid_site.content.ids import ID_ATTRIBUTES, verdict
from vneid_site.content.sanitise import MAX_REPORTED, clean_page, html_problems, sanitise

HEAD = "---\ntitle: Trang\ndescription: Mô tả.\n---\n\n"  # the body starts on line 6


def check(render, body: str):
    source = HEAD + body
    return clean_page(render(body), source, "docs/x.md"), source


def no_active_content(html: str) -> None:
    """What a browser would act on is gone: no script, frame, form, refresh, base, handler or
    javascript: address anywhere."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in {"script", "iframe", "form", "meta", "base", "object", "embed"}
        assert tag.name not in {"svg", "math", "style", "link", "noscript", "input"} or (
            tag.name == "input" and tag.get("type") in ("checkbox", "radio")
        )
        for name, value in tag.attrs.items():
            assert not name.startswith("on"), (tag.name, name)
            text = " ".join(value) if isinstance(value, list) else value
            assert url_scheme(text) not in {"javascript", "vbscript", "data"}, (tag.name, name)
            if name in ID_ATTRIBUTES:  # the sanitiser drops what the id rule refuses
                assert verdict(tag.name, name, text) == "ok", (tag.name, name, text)


@pytest.mark.parametrize("name", REFUSED)
def test_each_payload_is_refused_at_its_line_and_sanitised_away(render, name):
    body, phrase = REFUSED[name]
    checked, _ = check(render, body)
    assert [p.line for p in checked.refused] and all(p.line == 6 for p in checked.refused)
    assert any(phrase in p.message for p in checked.refused), checked.refused
    assert all(p.fix and p.message_vi and p.fix_vi for p in checked.refused)
    no_active_content(checked.html)


def test_a_comment_opened_in_a_code_span_hides_nothing(render):
    body = "Dòng một.\n\n`<!--` <script>alert(1)</script> `-->`\n\nDòng cuối.\n"
    checked, _ = check(render, body)
    assert [(p.line, p.message.split(" is ")[0]) for p in checked.refused] == [(8, "<script>")]


def test_repeats_are_placed_on_their_own_lines_and_counted_on_one(render):
    body = '<a href="#" onclick="a()">1</a> <a href="#" onclick="b()">2</a>\n\n'
    body += '<b onclick="c()">3</b>\n'
    checked, _ = check(render, body)
    placed = sorted((p.line, p.message) for p in checked.refused)
    assert placed == [
        (6, "the attribute onclick= is not allowed in page content (it can run code in "
         "readers' browsers) (2 times)"),
        (8, "the attribute onclick= is not allowed in page content (it can run code in "
         "readers' browsers)"),
    ]  # fmt: skip


def test_unlisted_markup_is_stripped_with_its_text_kept(render):
    checked, _ = check(render, STRIPPED)
    assert checked.refused == []
    messages = " | ".join(p.message for p in checked.stripped)
    for phrase in STRIPPED_PHRASES:
        assert phrase in messages
    soup = BeautifulSoup(checked.html, "html.parser")
    text = soup.get_text(" ")
    for words in STRIPPED_TEXT:
        assert words in text
    assert soup.find(["marquee", "font"]) is None
    assert soup.find(style=True) is None and soup.find(target=True) is None
    assert "md-dialog" not in checked.html and "<!--" not in checked.html


def test_only_text_align_survives_in_a_style(render):
    body = "| a | b |\n|:-:|---|\n| 1 | 2 |\n"
    html = render(body).replace('style="text-align: center;"', 'style="text-align: center; '
                                'position: fixed; background: url(x)"', 1)  # fmt: skip
    refused, stripped = html_problems(html, HEAD + body, "docs/x.md")
    assert refused == []
    assert {p.message.split(" is ")[0] for p in stripped} == {
        "the style 'position'",
        "the style 'background'",
    }
    assert re.findall(r'style="([^"]*)"', sanitise(html))[0] == "text-align:center"


def test_theme_buttons_are_the_only_md_classes_kept():
    out = sanitise('<a class="md-button md-button--primary md-search__overlay x" href="a/">a</a>')
    assert 'class="md-button md-button--primary x"' in out


@pytest.mark.parametrize(
    "href",
    [
        "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        "http://example.gov.vn/",
        "mailto:lienhe@example.gov.vn",
        "tel:1022",
        "../hoi-dap/",
        "#muc-2",
        "?q=1",
        "https://dichvucong.gov.vn:443/x?a=b#c",
    ],
)
def test_listed_and_relative_addresses_are_kept(href):
    html = f'<a href="{href}">x</a>'
    assert inspect(html) == []
    assert f'href="{href}"' in sanitise(html)


def test_addresses_are_read_as_a_browser_reads_them():
    assert normalise_url(" \x01java\tscr\nipt:alert(1) ") == "javascript:alert(1)"
    assert url_scheme("JaVa\tScRiPt:x") == "javascript"
    assert url_scheme("java script:x") is None  # a space: a relative path, harmless
    assert url_scheme("../a:b/") is None


def test_link_text_that_reads_as_an_address_must_go_there():
    assert inspect('<a href="https://www.dichvucong.gov.vn/x">dichvucong.gov.vn</a>') == []
    assert inspect('<a href="https://vneid.gov.vn/">https://vneid.gov.vn/</a>') == []
    assert inspect('<a href="https://vneid.gov.vn/">Ứng dụng VNeID</a>') == []
    # A file's name is no address: "README.md" may open the repository's page of it.
    assert inspect('<a href="https://github.com/o/r/blob/main/README.md">README.md</a>') == []
    found = inspect('<a href="https://vneid-gov.example/">https://vneid.gov.vn</a>')
    assert [f.refused for f in found] == [True]
    assert "opens 'vneid-gov.example'" in found[0].message


def test_refused_elements_are_reported_once_not_what_is_inside():
    found = inspect('<svg><a xlink:href="javascript:alert(1)" onclick="x()">a</a></svg>')
    assert [f.message.split(" is ")[0] for f in found] == ["<svg>"]


def test_a_page_full_of_problems_names_the_first_and_counts_the_rest(render):
    body = "\n\n".join(f'<b onclick="f{i}()">{i}</b>' for i in range(MAX_REPORTED + 5))
    checked, _ = check(render, body)
    assert len(checked.refused) == MAX_REPORTED + 1
    assert checked.refused[-1].message == "5 more HTML problem(s) in this page"
