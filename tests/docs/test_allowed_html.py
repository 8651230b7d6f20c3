"""The allowlist is built from what the site's Markdown produces: sanitising every real page,
and a page that uses every Markdown extension of the site, loses nothing."""

from __future__ import annotations

import re

import pytest

from tests.support.htmltext import outline
from tests.support.real_docs import DOCS
from tests.support.sitebuild import ROOT
from vneid_site.content.front_matter import split_front_matter
from vneid_site.content.html_policy import ALLOWED_TAGS, REFUSED_TAGS, URL_SCHEMES, inspect
from vneid_site.content.sanitise import sanitise

SHOWCASE = ROOT / "tests" / "fixtures" / "html" / "allowed.md"
PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("path", [*PAGES, SHOWCASE], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_sanitising_changes_nothing_a_reader_sees(render, path):
    html = render(split_front_matter(path.read_text(encoding="utf-8"))[1])
    assert inspect(html) == []
    assert outline(sanitise(html)) == outline(html)


def test_the_showcase_uses_every_construct_of_the_allowlist(render):
    html = render(split_front_matter(SHOWCASE.read_text(encoding="utf-8"))[1])
    for construct in (
        'class="tabbed-set',  # pymdownx.tabbed
        'type="radio"',
        'type="checkbox" disabled',  # pymdownx.tasklist
        "<details",  # pymdownx.details
        'class="admonition',
        'class="highlighttable"',  # superfences with line numbers
        'class="footnote-ref"',
        "<abbr",
        "<dl>",
        'style="text-align: center;"',  # tables
        'class="headerlink"',  # toc permalinks
        'href="https://dichvucong.gov.vn"',  # magiclink
        'class="md-button"',  # attr_list
        'loading="lazy"',
        'aria-label="Mẹo"',  # md_in_html
    ):
        assert construct in html, construct


@pytest.mark.parametrize(
    ("name", "heading"),
    [("CONTRIBUTING.en.md", "## 6. Allowed HTML"), ("CONTRIBUTING.md", "## 6. HTML được phép")],
)
def test_contributing_lists_what_the_sanitiser_allows_and_refuses(name, heading):
    text = (ROOT / name).read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"[a-z][a-z0-9]*", " ".join(re.findall(r"`([^`]+)`", section))))
    headings = {f"h{i}" for i in range(2, 6)}  # written as h1–h6
    assert (ALLOWED_TAGS - headings) <= listed
    assert set(REFUSED_TAGS) - {"param", "portal", "option", "optgroup", "datalist", "output"} <= (
        listed
    )
    for scheme in URL_SCHEMES:
        assert f"`{scheme}:" in section
    assert "`text-align`" in section and "`md-button`" in section
