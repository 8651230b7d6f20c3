"""Heading permalinks carry a tooltip in the page's language."""

from __future__ import annotations

from vneid_site.i18n.permalinks import retitle_permalinks

VI = "Đường link tới mục này"
TOC = {"toc": {"permalink": True, "permalink_title": VI}}
HTML = (
    '<h2 id="a">Steps<a class="headerlink" href="#a" title="Đường link tới mục này">&para;</a></h2>'
    '<p><a href="#a" title="Đường link tới mục này">a link in the text</a></p>'
)


def test_english_pages_get_an_english_tooltip_on_permalinks_only():
    out = retitle_permalinks(HTML, TOC, "en")
    assert 'class="headerlink" href="#a" title="Link to this section"' in out
    # A link the author wrote keeps its own title.
    assert '<a href="#a" title="Đường link tới mục này">a link' in out


def test_vietnamese_pages_and_unknown_languages_are_left_alone():
    assert retitle_permalinks(HTML, TOC, "vi") == HTML
    assert retitle_permalinks(HTML, TOC, "fr") == HTML
    assert retitle_permalinks(HTML, {}, "en") == HTML
