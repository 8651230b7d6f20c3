"""Markdown sources read without rendering them: code masked out, then links, images,
headings with their anchors and raw HTML tags, each with its line number."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

from vneid_site.content.front_matter import split_front_matter


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    text: str
    image: bool


@dataclass(frozen=True)
class Tag:
    line: int
    name: str  # lower case
    source: str  # the whole tag as written


_FENCE = re.compile(r"^(\s*(?:>\s*)*)(`{3,}|~{3,})")
_TICKS = re.compile(r"`+")


def _blank(text: str) -> str:
    """Same length and line breaks, nothing else: line numbers stay right."""
    return re.sub(r"[^\n]", " ", text)


def masked(source: str, spans: bool = True, comments: bool = True) -> str:
    """The source with front matter, fenced code, (if `comments`) HTML comments and (if
    `spans`) code spans blanked."""
    block, body = split_front_matter(source)
    head = source[: len(source) - len(body)] if block is not None else ""
    lines = body.splitlines(keepends=True)
    fence: str | None = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(2)
            lines[i] = _blank(line)
        elif fence is not None:
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                fence = None
            lines[i] = _blank(line)
    text = "".join(lines)
    if comments:
        text = _blank_ranges(text, _comment_ranges(text))
    if spans:
        text = _blank_ranges(text, _code_span_ranges(text))
    return _blank(head) + text


def _blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return text
    parts, last = [], 0
    for start, end in ranges:
        parts += [text[last:start], _blank(text[start:end])]
        last = end
    return "".join([*parts, text[last:]])


def _comment_ranges(text: str) -> list[tuple[int, int]]:
    """<!-- ... --> spans, in one pass: once a comment has no end, no later one has either."""
    ranges = []
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        ranges.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return ranges


def _code_span_ranges(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks up to the next run of the same length, with something
    between. Runs are indexed by length once, so unclosed runs cost nothing more."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(i)
    cursor = dict.fromkeys(by_length, 0)  # per length: first run not yet passed
    ranges = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        k = cursor[end - start]
        while k < len(same) and same[k] <= i:
            k += 1
        cursor[end - start] = k
        if k < len(same) and runs[same[k]][0] > end:
            close = same[k]
            ranges.append((start, runs[close][1]))
            i = close + 1
        else:
            i += 1
    return ranges


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# [text](target "title") and ![alt](src); the text may hold one level of brackets.
_INLINE = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE = re.compile(r"^ {0,3}\[([^\]\n]+)\]:\s*(<[^>\n]*>|\S+)", re.MULTILINE)


def links(text: str) -> list[Link]:
    """Inline links, images and reference definitions of a masked source."""
    found = []
    for m in _INLINE.finditer(text):
        target = m.group(3).strip("<>")
        found.append(Link(line_of(text, m.start()), target, m.group(2), m.group(1) == "!"))
    for m in _REFERENCE.finditer(text):
        if m.group(1).startswith("^"):  # a footnote, not a link
            continue
        found.append(Link(line_of(text, m.start()), m.group(2).strip("<>"), m.group(1), False))
    return found


_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>")


def tags(text: str) -> list[Tag]:
    """Raw HTML start tags of a masked source."""
    return [
        Tag(line_of(text, m.start()), m.group(1).lower(), m.group()) for m in _TAG.finditer(text)
    ]


_ATTR = re.compile(
    r"""([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)


def attributes(tag: Tag) -> dict[str, str]:
    inner = tag.source[1 + len(tag.name) : -1].rstrip("/")
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTR.finditer(inner)
    }


# --- Headings and anchors, as Python-Markdown's toc and attr_list extensions make them.

_ATX = re.compile(r"^[ \t>]*(#{1,6})[ \t]+(.*?)[ \t]*$", re.MULTILINE)
_SETEXT = re.compile(r"^([^\s#>|!-].*)\n {0,3}(=+|-+)[ \t]*$", re.MULTILINE)
_ATTR_LIST = re.compile(r"[ \t]*\{:?([^}\n]*)\}[ \t]*$")
_EXPLICIT_ID = re.compile(r"\{:?[^}\n]*?#([-\w:.]+)[^}\n]*\}")
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # as the reader sees it
    anchor: str


def _plain(text: str) -> str:
    """Heading text without Markdown marks, as the table of contents shows it."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+)", "", text)
    return html.unescape(text).strip()


def headings(source: str) -> list[Heading]:
    """Headings in order, each with the id the toc extension gives it."""
    # Code spans are kept: their text is part of the heading.
    text = masked(source, spans=False)
    raw: list[tuple[int, int, str, str | None]] = []
    for m in _ATX.finditer(text):
        raw.append((m.start(), len(m.group(1)), re.sub(r"[ \t]+#+$", "", m.group(2)), None))
    for m in _SETEXT.finditer(text):
        raw.append((m.start(), 1 if m.group(2)[0] == "=" else 2, m.group(1).strip(), None))
    raw.sort()
    # Explicit ids are reserved first, as Python-Markdown does before it makes the others.
    used = set(anchors_in(masked(source)))
    out = []
    for start, level, title, _ in raw:
        attrs = _ATTR_LIST.search(title)
        explicit = None
        if attrs:
            title = title[: attrs.start()]
            ids = re.findall(r"#([-\w:.]+)", attrs.group(1))
            explicit = ids[-1] if ids else None
        plain = _plain(title)
        anchor = explicit or unique(slugify(plain, "-"), used)
        out.append(Heading(line_of(text, start), level, plain, anchor))
    return out


def anchors_in(text: str) -> list[str]:
    """Ids set outside headings: `{#id}` attribute lists and HTML id/name attributes."""
    return _EXPLICIT_ID.findall(text) + _HTML_ID.findall(text)


def page_anchors(source: str) -> set[str]:
    """Every anchor a link may point at on this page."""
    return {h.anchor for h in headings(source)} | set(anchors_in(masked(source)))
