"""The table of contents as the theme prints it: titles reach it as text, ids only when
they pass the id rule, whatever a heading holds."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.support.toc import page_toc, toc_html
from vneid_site.content.toc import make_safe, plain_text, toc_problems

SOURCE = "---\ntitle: T\ndescription: D.\n---\n\n"


def rendered(renderer, body: str):
    html = renderer.render(body)
    return html, page_toc(renderer.toc_tokens)


def test_titles_become_text(markdown_renderer):
    body = "## A <b>bold</b> `<img src=x onerror=alert(1)>` x\n\n## <span>`<i>c</i>`</span>\n"
    _, toc = rendered(markdown_renderer, body)
    make_safe(toc)
    soup = BeautifulSoup(toc_html(toc), "html.parser")
    links = soup.select("a.md-nav__link")
    assert [a.get_text(" ", strip=True) for a in links] == [
        "A bold <img src=x onerror=alert(1)> x",
        "<i>c</i>",
    ]
    assert soup.find("img") is None and soup.find("b") is None and soup.find("i") is None


def test_an_id_that_breaks_out_is_refused_and_escaped_regardless(markdown_renderer):
    # The payload: "<script/x@ >" is no HTML tag to Markdown, so it reaches the id as
    # it is written (a plain <script> is stashed and comes back in the page body instead).
    body = "## Mục {: id='z\"><script/x@ >alert(1)</script/x@ ><b x=\"' }\n"
    _, toc = rendered(markdown_renderer, body)
    problems = toc_problems(toc, SOURCE + body, "docs/x.md")
    assert [(p.line, p.message.split(" is ")[0]) for p in problems] == [
        (6, "the heading id 'z\"><script/x@ >alert(1)</script/x@ ><b x'")
    ]
    assert all(p.fix and p.message_vi and p.fix_vi for p in problems)
    printed = toc_html(toc)
    assert BeautifulSoup(printed, "html.parser").find("script")  # as printed without the hook
    make_safe(toc)
    soup = BeautifulSoup(toc_html(toc), "html.parser")
    assert soup.find("script") is None and soup.find("b") is None
    assert soup.select_one("a.md-skip")["href"] == '#z"><script/x@ >alert(1)</script/x@ ><b x="'


def test_theme_ids_in_the_contents_are_refused(markdown_renderer):
    body = "## __config\n\n## Mục hai\n"
    _, toc = rendered(markdown_renderer, body)
    problems = toc_problems(toc, SOURCE + body, "docs/x.md")
    assert [p.line for p in problems] == [6]
    assert "'__config'" in problems[0].message


def test_safe_entries_are_unchanged(markdown_renderer):
    body = "## Đăng ký & kích hoạt\n\n### Bước 1 {: #buoc-1 }\n"
    _, toc = rendered(markdown_renderer, body)
    assert toc_problems(toc, SOURCE + body, "docs/x.md") == []
    before = toc_html(toc)
    make_safe(toc)
    assert toc_html(toc) == before


def test_plain_text_of_titles():
    assert plain_text("A &amp; B") == "A & B"
    assert plain_text("<b>x</b> &lt;y&gt;") == "x <y>"
    assert plain_text("") == ""
    assert plain_text("<!-- c -->") in ("", "<!-- c -->")
