"""A page's table of contents made safe to print: MkDocs and the theme print each entry's
title as HTML and its id into a link, unescaped (the sidebar, and the skip link to the first
heading). Titles become escaped text; ids must pass the same rule as the page's (ids.py).

Entries are read duck-typed (`title`, `id`, `children`, as mkdocs.structure.toc.AnchorLink),
so this module needs no MkDocs."""

from __future__ import annotations

import html as html_lib
from collections.abc import Iterable, Iterator
from typing import Any

from markupsafe import Markup, escape

from vneid_site.content import ids
from vneid_site.content.problems import Problem
from vneid_site.content.sanitise import SourceLines


def plain_text(title: str) -> str:
    """A title given as HTML, as the text a reader sees: no tags, entities decoded."""
    if "<" not in title and "&" not in title:
        return title
    from lxml import etree
    from lxml.html import fragment_fromstring

    try:
        return fragment_fromstring(title, create_parent="div").text_content()
    except (etree.ParserError, ValueError):  # e.g. nothing but a comment
        return html_lib.unescape(title)


def entries(toc: Iterable[Any]) -> Iterator[Any]:
    """Every entry of a table of contents, depth first."""
    for item in toc:
        yield item
        yield from entries(item.children)


def make_safe(toc: Iterable[Any]) -> None:
    """Each entry's title as escaped text and its id escaped (Markup, which templates print as
    it is), so whatever a heading holds reaches the sidebar as text."""
    for item in entries(toc):
        item.title = escape(plain_text(str(item.title)))
        item.id = Markup(escape(str(item.id)))  # a safe id (ids.py) is unchanged by this


def toc_problems(toc: Iterable[Any], source: str, shown: str) -> list[Problem]:
    """Table of contents ids that `ids.verdict` refuses, at their lines in `source`. The page
    body's check names these first; this one covers any id that only the contents hold."""
    problems = []
    lines: SourceLines | None = None
    for item in entries(toc):
        value = str(item.id)
        if ids.verdict("h2", "id", value, tabbed=False) == "ok":
            continue
        lines = lines or SourceLines(source)
        problems.append(
            Problem(
                shown,
                lines.find((value[:40].lower(), plain_text(str(item.title))[:40].lower())),
                f"the heading id '{value[:40]}' is not allowed in the table of contents (an id "
                "may hold letters, digits and - _ . : only, and not start with __)",
                "give the heading its own id: ## Heading { #my-heading }",
                f"không được dùng id '{value[:40]}' của tiêu đề trong mục lục (id chỉ được chứa "
                "chữ cái, chữ số và - _ . :, không bắt đầu bằng __)",
                "đặt id riêng cho tiêu đề: ## Tiêu đề { #tieu-de }",
            )
        )
    return problems
