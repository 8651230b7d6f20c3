"""Markdown sources read without rendering them: code masked out, then links, images,
headings with their anchors and raw HTML tags, each with its line number."""

from __future__ import annotations

import bisect
import functools
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
    text = _fenced(source)
    if comments:
        text = _blank_ranges(text, _comment_ranges(text))
    if spans:
        text = _blank_ranges(text, _code_span_ranges(text))
    return text


@functools.lru_cache(maxsize=4)
def _fenced(source: str) -> str:
    """The source with front matter and fenced code blanked; kept for the next call, which
    the limits, the sanitiser and the checks make on the same page with other options."""
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
    # The blanked head holds no comment or backtick: the ranges found later are the body's.
    return _blank(head) + "".join(lines)


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


class _Lines:
    """Line numbers of offsets in one text, each found by bisection: counting the line breaks
    before every link or tag of a large page anew would cost its size times their number."""

    def __init__(self, text: str) -> None:
        self._breaks = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_left(self._breaks, offset) + 1


class _Next:
    """The first position of a character at or after an offset, by bisection; a scan with
    str.find would run to the end of the text for every link left open."""

    def __init__(self, text: str, chars: str) -> None:
        self._at = {c: [m.start() for m in re.finditer(re.escape(c), text)] for c in chars}

    def __call__(self, char: str, offset: int) -> int:
        positions = self._at[char]
        i = bisect.bisect_left(positions, offset)
        return positions[i] if i < len(positions) else -1


# --- Links: [text](target "title") and ![alt](src), found in time linear in the page.
# Brackets are paired on each line with a stack; a `]` right before `(` closes a link, whose
# target follows the regex below (one level of parentheses, or <...>); a title ends at the next
# matching quote or parenthesis, found by bisection.

_TARGET = re.compile(r"\s*(<|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_SPACE = re.compile(r"\s*")
_TITLE_END = {'"': '"', "'": "'", "(": ")"}
_REFERENCE = re.compile(r"^ {0,3}\[([^\]\n]+)\]:\s*(<[^>\n]*>|\S+)", re.MULTILINE)


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) of each `[...]` whose `]` is followed by `(`, on one line; escaped
    brackets are text."""
    pairs = []
    stack: list[int] = []
    escaped = -1  # the position a backslash escapes
    for m in re.finditer(r"[\[\]\n\\]", text):
        char, at = m.group(), m.start()
        if char == "\n":
            stack.clear()
        elif at == escaped:
            continue
        elif char == "\\":
            escaped = at + 1
        elif char == "[":
            stack.append(at)
        elif stack:
            start = stack.pop()
            if text.startswith("(", at + 1):
                pairs.append((start, at))
    return sorted(pairs)


def _space_end(text: str, pos: int) -> int:
    """Where the white space from `pos` on ends."""
    m = _SPACE.match(text, pos)
    return m.end() if m else pos


def _inline_links(text: str) -> list[tuple[int, bool, str, str]]:
    """(offset, image?, text, target) of each inline link and image."""
    found = []
    following = _Next(text, "\"')>\n")
    for start, close in _bracket_pairs(text):
        m = _TARGET.match(text, close + 2)
        if m is None:  # never: the pattern matches the empty string
            continue
        if m.group(1) == "<":  # <target>: up to the next '>' on the same line
            end = following(">", m.end())
            newline = following("\n", m.end())
            if end == -1 or (newline != -1 and newline < end):
                continue
            target, after = text[m.end() : end], end + 1
        else:
            target, after = m.group(1).strip("<>"), m.end()
        space = _space_end(text, after)
        if space < len(text) and text[space] in _TITLE_END and space > after:
            end = following(_TITLE_END[text[space]], space + 1)
            if end == -1:
                continue
            space = _space_end(text, end + 1)
        if not text.startswith(")", space):
            continue
        image = start > 0 and text[start - 1] == "!"
        found.append((start - image, image, text[start + 1 : close], target))
    return found


def links(text: str) -> list[Link]:
    """Inline links, images and reference definitions of a masked source."""
    line = _Lines(text)
    found = [
        Link(line(start), target, label, image)
        for start, image, label, target in _inline_links(text)
    ]
    for m in _REFERENCE.finditer(text):
        if m.group(1).startswith("^"):  # a footnote, not a link
            continue
        found.append(Link(line(m.start()), m.group(2).strip("<>"), m.group(1), False))
    return found


_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>")


def tags(text: str) -> list[Tag]:
    """Raw HTML start tags of a masked source."""
    line = _Lines(text)
    return [Tag(line(m.start()), m.group(1).lower(), m.group()) for m in _TAG.finditer(text)]


_ATTR = re.compile(
    r"""([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)


def attributes(tag: Tag) -> dict[str, str]:
    inner = tag.source[1 + len(tag.name) : -1].rstrip("/")
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTR.finditer(inner)
    }


# --- Headings and anchors, as Python-Markdown's toc and attr_list extensions make them. Each
# pattern is anchored or scans forward without backtracking, and what a regex cannot say in
# linear time (trailing spaces, the last {...} of a heading) is found with str methods.

_ATX = re.compile(r"^[ \t>]*(#{1,6})[ \t]+([^\n]*)", re.MULTILINE)
_SETEXT = re.compile(r"^([^\s#>|!-].*)\n {0,3}(=+|-+)[ \t]*$", re.MULTILINE)
_ID = re.compile(r"#([-\w:.]+)")
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_HTML_TAG = re.compile(r"<[^<>]+>")
_EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+)")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # as the reader sees it
    anchor: str


def _plain(text: str) -> str:
    """Heading text without Markdown marks, as the table of contents shows it."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    return html.unescape(text).strip()


def _atx_title(raw: str) -> str:
    """An ATX heading's text without trailing blanks and closing hashes ("## a ##" -> "a")."""
    title = raw.rstrip(" \t")
    bare = title.rstrip("#")
    if bare != title and bare[-1:] in (" ", "\t"):
        title = bare.rstrip(" \t")
    return title


def _attr_list(title: str) -> tuple[str, str] | None:
    """(text before, inside) of the `{...}` ending a heading, as attr_list reads it."""
    end = title.rstrip(" \t")
    if not end.endswith("}"):
        return None
    close = len(end) - 1
    start = end.find("{", end.rfind("}", 0, close) + 1, close)
    if start == -1:
        return None
    inside = end[start + 1 : close]
    return title[:start].rstrip(" \t"), inside[1:] if inside.startswith(":") else inside


def headings(source: str) -> list[Heading]:
    """Headings in order, each with the id the toc extension gives it."""
    # Code spans are kept: their text is part of the heading.
    text = masked(source, spans=False)
    raw: list[tuple[int, int, str]] = []
    for m in _ATX.finditer(text):
        raw.append((m.start(), len(m.group(1)), _atx_title(m.group(2))))
    for m in _SETEXT.finditer(text):
        raw.append((m.start(), 1 if m.group(2)[0] == "=" else 2, m.group(1).strip()))
    raw.sort()
    # Explicit ids are reserved first, as Python-Markdown does before it makes the others.
    used = set(anchors_in(masked(source)))
    line = _Lines(text)
    out = []
    for start, level, title in raw:
        explicit = None
        if attrs := _attr_list(title):
            title, inside = attrs
            ids = _ID.findall(inside)
            explicit = ids[-1] if ids else None
        plain = _plain(title)
        anchor = explicit or unique(slugify(plain, "-"), used)
        out.append(Heading(line(start), level, plain, anchor))
    return out


def _explicit_ids(text: str) -> list[str]:
    """The first `#id` inside each `{...}` on a line: what `{: #id .class}` attribute lists
    set. From each `{`, the list runs to the first `}` of the same line."""
    found = []
    for row in text.split("\n"):
        at = row.find("{")
        while at != -1:
            close = row.find("}", at + 1)
            if close == -1:
                break  # no later `{` on this line has a `}` either
            if m := _ID.search(row, at + 1, close):
                found.append(m.group(1))
            at = row.find("{", close + 1)
    return found


def anchors_in(text: str) -> list[str]:
    """Ids set outside headings: `{#id}` attribute lists and HTML id/name attributes."""
    return _explicit_ids(text) + _HTML_ID.findall(text)


def page_anchors(source: str) -> set[str]:
    """Every anchor a link may point at on this page."""
    return {h.anchor for h in headings(source)} | set(anchors_in(masked(source)))
