"""Reading Markdown sources: anchors as Python-Markdown makes them, links, tags, code."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from tests.support.growth import growth
from vneid_site.content.markdown_source import (
    attributes,
    headings,
    links,
    masked,
    page_anchors,
    tags,
)

SOURCE = """---
title: Thử
description: "Có [liên kết](khong-phai.md) trong phần đầu trang"
---

# Đăng ký tài khoản VNeID

## Các bước thực hiện

## Các bước thực hiện

## Mức 2 tại cơ quan **Công an** {#dang-ky-muc-2}

### Câu hỏi: `NFC` & *NFD*?

Tiêu đề kiểu gạch dưới
----------------------

!!! note "Lưu ý"
    ## Trong khung

```markdown
## Không phải tiêu đề
[không phải liên kết](khong-co.md) <script>
```

Xem [hướng dẫn](huong-dan/x.md#muc "tiêu đề") và ![ảnh](a.png) và `[mã](b.md)`.

[tham khảo]: ../hoi-dap.md#goi-dau
<!-- [chú thích](c.md) -->
<a id="neo-rieng" onclick="x()">a</a>
"""


def test_anchors_are_the_ids_python_markdown_gives():
    md = markdown.Markdown(extensions=["toc", "attr_list", "admonition", "fenced_code"])
    html = md.convert(SOURCE.split("---\n", 2)[2])
    ids = [h["id"] for h in BeautifulSoup(html, "html.parser").find_all(["h1", "h2", "h3"])]
    assert [h.anchor for h in headings(SOURCE)] == ids
    assert "cac-buoc-thuc-hien_1" in ids and "dang-ky-muc-2" in ids


def test_heading_text_is_what_the_reader_sees():
    texts = [h.text for h in headings(SOURCE)]
    assert "Mức 2 tại cơ quan Công an" in texts
    assert "Câu hỏi: NFC & NFD?" in texts
    assert "Không phải tiêu đề" not in texts


def test_page_anchors_include_html_ids():
    assert {"neo-rieng", "dang-ky-muc-2", "cac-buoc-thuc-hien"} <= page_anchors(SOURCE)


def test_links_skip_code_comments_and_front_matter_and_keep_lines():
    text = masked(SOURCE)
    found = {(link.target, link.line, link.image) for link in links(text)}
    assert found == {
        ("huong-dan/x.md#muc", 27, False),
        ("a.png", 27, True),
        ("../hoi-dap.md#goi-dau", 29, False),
    }


def test_masking_keeps_line_numbers_and_hides_code():
    text = masked(SOURCE)
    assert text.count("\n") == SOURCE.count("\n")
    assert "<script>" not in text
    found = tags(text)
    assert [(t.name, t.line) for t in found] == [("a", 31)]
    assert attributes(found[0]) == {"id": "neo-rieng", "onclick": "x()"}


def test_masking_unclosed_comments_and_code_costs_linear_time():
    small, large = "<!-- a\n" * 5_000 + "`", "<!-- a\n" * 20_000 + "`"
    assert masked(small) == small  # nothing closes: nothing is masked
    assert growth(masked, small, large) < 8
    assert masked("a <!-- b --> `c` d").strip() == "a" + " " * 16 + "d"


def test_links_in_every_form_the_checks_read():
    text = (
        "[a](x.md) [b](<y z.md> \"t\") ![c](p.png 't') [d](q.md (t)) [e](f(1).md)\n"
        "[[nested] text](n.md) \\[not](a link) [open](no-close [x] (y)\n"
        "[![image in link](i.png)](l.md)\n"
        '[multi](m.md\n  "title on the next line")\n'
    )
    assert [(link.line, link.text, link.target, link.image) for link in links(text)] == [
        (1, "a", "x.md", False),
        (1, "b", "y z.md", False),
        (1, "c", "p.png", True),
        (1, "d", "q.md", False),
        (1, "e", "f(1).md", False),
        (2, "[nested] text", "n.md", False),
        (3, "![image in link](i.png)", "l.md", False),
        (3, "image in link", "i.png", True),
        (4, "multi", "m.md", False),
    ]


def test_headings_closing_hashes_attribute_lists_and_marks():
    source = (
        "# Một ##  \n\n## Hai#\n\n### Ba {: #ba-rieng .lop }\n\n"
        "## [Liên kết](x.md) ![ảnh](a.png) <b>đậm</b> {#a {#b}\n\n## Bốn {x} {#bon}\n"
    )
    assert [(h.line, h.level, h.text, h.anchor) for h in headings(source)] == [
        (1, 1, "Một", "mot"),
        (3, 2, "Hai#", "hai"),
        (5, 3, "Ba", "ba-rieng"),
        (7, 2, "Liên kết ảnh đậm", "b"),
        (9, 2, "Bốn {x}", "bon"),
    ]
    assert page_anchors("Xem {: #mot } và {#hai .x} {không} {#ba\n<p id='bon'>") == {
        "mot",
        "hai",
        "bon",
    }


# Inputs that made the old patterns backtrack: each function on n and 4n of them must cost
# about four times as much (16 times and more when quadratic; `{#a` took 131 s at 6 KB).
HOSTILE = {
    "explicit ids": lambda n: "## Tiêu đề\n\n" + "{#a" * n,
    "atx blanks": lambda n: "# a" + " \t" * n + "b\n",
    "atx closing": lambda n: "# a" + " " * n + "b ##\n",
    "attr list": lambda n: "## a " + "{" * n + " }x\n",
    "heading links": lambda n: "## " + "![a](" * n + "\n",
    "heading tags": lambda n: "## " + "<" * n + "\n",
    "brackets": lambda n: "[" * n,
    "open targets": lambda n: "[a](" * n,
    "open titles": lambda n: '[a](x "' * n,
    "open angles": lambda n: "[a](<" * n,
    "open paren titles": lambda n: "[a](x (" * n,
    "many links": lambda n: "[a](b.md) " * n,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_reading_a_hostile_page_costs_linear_time(name):
    make = HOSTILE[name]

    def read(source: str) -> object:
        return page_anchors(source), links(masked(source)), tags(masked(source))

    assert growth(read, make(5_000), make(20_000)) < 8
