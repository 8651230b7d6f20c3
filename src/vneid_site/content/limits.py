"""Limits a page must keep before Python-Markdown reads it, in the build and in the content
checks alike. Python-Markdown needs time that grows with the square of some inputs (9,000 `[`
took it 10.5 s; unclosed `<a` tags, deep nesting) and fails with RecursionError on others; each
such input is measured here in one pass, and a page over a limit is refused with its line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from vneid_site.content.markdown_source import masked
from vneid_site.content.problems import Problem

MAX_PAGE_CHARS = 2_000_000  # the longest page today has about 30,000
MAX_LINE_CHARS = 10_000  # about three screens of text on one line
MAX_INDENT = 48  # columns of leading blanks (a tab counts 4): twelve levels of nesting
MAX_QUOTE_DEPTH = 12  # '>' markers at the start of a line
MAX_ABBREVIATIONS = 100  # `*[ABC]: ...` definitions: each is looked for in the whole page
MAX_TABS = 200  # `=== "..."` tabs: a long row of tabs costs their number squared
MAX_MARKDOWN_IN_HTML = 50  # tags with a `markdown` attribute: nested deep, a RecursionError
# How far Python-Markdown may have to look for the ends of brackets and tags, in characters
# scanned, as a multiple of the page's length plus a constant: a few stray `[` or `a<b` pass,
# thousands do not. Measured: 2 µs per 3 characters for `[`, 0.04 µs a character for `<`.
BRACKET_SCAN = (4, 200_000)
TAG_SCAN = (8, 2_000_000)

_BRACKETS = re.compile(r"[\[\]()\\]")
_TAG_START = re.compile(r"<[A-Za-z!/?]|>")
_QUOTES = re.compile(r"[ \t]*(?:>[ \t]*)+")
_ABBREVIATION = re.compile(r"^\*\[[^\]\n]+\]:", re.MULTILINE)
_TAB = re.compile(r"^[ \t]*===[+!]*[ \t]+[\"']", re.MULTILINE)
_MARKDOWN_ATTR = re.compile(r"<[A-Za-z][A-Za-z0-9-]*\s[^<>]*?\bmarkdown\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Scan:
    total: int  # characters scanned in all
    worst: int  # offset of the opening that scans the farthest


def limits_code() -> str:
    """A digest of the code that decides page_limits' verdict, for keeping verdicts."""
    from vneid_site.cache import code_digest

    return code_digest(
        (__name__, "vneid_site.content.markdown_source", "vneid_site.content.front_matter")
    )


def page_limits(source: str, shown: str) -> list[Problem]:
    """What in a page's source (front matter included) goes past a limit; at most one problem
    a limit, at its first or worst line. Nothing else is checked on a page over the length
    limits: each further pass would cost its size again."""
    if len(source) > MAX_PAGE_CHARS:
        return [_too_long(shown, len(source))]
    if long := _long_line(source):
        return [_line_too_long(shown, *long)]
    text = masked(source)  # what inline parsing sees: no code, no comments
    tag_text = masked(source, spans=False, comments=False)  # what the HTML parser sees
    problems = [*_nesting(text, shown), *_counts(text, tag_text, shown)]
    brackets = _bracket_scan(text)
    if brackets.total > BRACKET_SCAN[0] * len(source) + BRACKET_SCAN[1]:
        opening, closing = ("[", "]") if text[brackets.worst] == "[" else ("(", ")")
        line = _line(text, brackets.worst)
        problems.append(_unclosed(shown, line, opening, closing, f"\\{opening}"))
    tag_scan = _tag_scan(tag_text)
    if tag_scan.total > TAG_SCAN[0] * len(source) + TAG_SCAN[1]:
        problems.append(_unclosed(shown, _line(tag_text, tag_scan.worst), "<", ">", "&lt;"))
    return sorted(problems, key=lambda problem: problem.line)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1  # once per problem: fine


def _long_line(source: str) -> tuple[int, int] | None:
    """(line, length) of the first line over MAX_LINE_CHARS."""
    for number, row in enumerate(source.split("\n"), start=1):
        if len(row) > MAX_LINE_CHARS:
            return number, len(row)
    return None


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of non-blank lines: the most text one inline parse sees."""
    start, offset = None, 0
    for row in text.split("\n"):
        if not row.strip():
            if start is not None:
                yield start, offset
            start = None
        elif start is None:
            start = offset
        offset += len(row) + 1
    if start is not None:
        yield start, len(text)


def _indent(row: str) -> int:
    """Columns of leading blanks, a tab reaching the next multiple of 4."""
    blanks = row[: len(row) - len(row.lstrip(" \t"))]
    return len(blanks.expandtabs(4))


def _nesting(text: str, shown: str) -> Iterator[Problem]:
    indent = quotes = None
    for number, row in enumerate(text.split("\n"), start=1):
        if not row.strip():
            continue  # blank, or code and comments masked out
        if indent is None and _indent(row) > MAX_INDENT:
            indent = number
            yield _problem(
                shown,
                number,
                f"this line is indented more than {MAX_INDENT} columns (lists, notes or tabs "
                "nested too deep)",
                "nest lists, notes (!!!, ???) and tabs (===) at most twelve levels deep; "
                "put code in a fenced block (```)",
                f"dòng này thụt lề quá {MAX_INDENT} cột (danh sách, khung ghi chú hoặc thẻ lồng "
                "nhau quá sâu)",
                "chỉ lồng danh sách, khung ghi chú (!!!, ???) và thẻ (===) tối đa mười hai "
                "cấp; mã thì đặt trong khối ```",
            )
        if quotes is None and (m := _QUOTES.match(row)) and m.group().count(">") > MAX_QUOTE_DEPTH:
            quotes = number
            yield _problem(
                shown,
                number,
                f"this line nests quotes more than {MAX_QUOTE_DEPTH} deep ('>' markers)",
                f"use at most {MAX_QUOTE_DEPTH} '>' at the start of a line",
                f"dòng này lồng trích dẫn sâu quá {MAX_QUOTE_DEPTH} cấp (dấu '>')",
                f"chỉ dùng tối đa {MAX_QUOTE_DEPTH} dấu '>' ở đầu dòng",
            )


def _counts(text: str, tag_text: str, shown: str) -> Iterator[Problem]:
    counted = (
        (_ABBREVIATION, text, MAX_ABBREVIATIONS, "abbreviation definitions (*[ABC]: ...)",
         "định nghĩa viết tắt (*[ABC]: ...)"),
        (_TAB, text, MAX_TABS, 'tabs (=== "...")', 'thẻ (=== "...")'),
        (_MARKDOWN_ATTR, tag_text, MAX_MARKDOWN_IN_HTML, "HTML tags with a markdown attribute",
         "thẻ HTML có thuộc tính markdown"),
    )  # fmt: skip
    for pattern, where, cap, what, what_vi in counted:
        for i, m in enumerate(pattern.finditer(where)):
            if i == cap:
                line = _line(where, m.start())
                yield _problem(
                    shown,
                    line,
                    f"the page has more than {cap} {what}; this is number {cap + 1}",
                    f"keep at most {cap}, or split the page in two",
                    f"trang có hơn {cap} {what_vi}; đây là cái thứ {cap + 1}",
                    f"chỉ giữ tối đa {cap}, hoặc tách trang làm hai",
                )
                break


def _bracket_scan(text: str) -> _Scan:
    """How far Python-Markdown looks for the `]` of every `[` (and the `)` of every `](`):
    to its match, or else to the end of its paragraph, where inline parsing stops."""
    total, worst, farthest = 0, 0, -1
    for begin, end in _paragraphs(text):
        squares: list[int] = []
        rounds: list[int] = []
        escaped = -1
        for m in _BRACKETS.finditer(text, begin, end):
            char, at = m.group(), m.start()
            if at == escaped:
                continue
            if char == "\\":
                escaped = at + 1
            elif char == "[":
                squares.append(at)
            elif char == "(":
                # Only the parenthesis of a link is searched for its end.
                rounds.append(at if at and text[at - 1] == "]" else -1)
            else:
                stack = squares if char == "]" else rounds
                if stack and (start := stack.pop()) >= 0:
                    total += at - start
                    if at - start > farthest:
                        worst, farthest = start, at - start
        for start in (s for s in [*squares, *rounds] if s >= 0):
            total += end - start
            if end - start > farthest:
                worst, farthest = start, end - start
    return _Scan(total, worst)


def _tag_scan(text: str) -> _Scan:
    """How far Python-Markdown's HTML parser looks for the `>` of every `<a`, `</`, `<!`:
    to the next `>`, or else to the end of the page."""
    total, worst, farthest = 0, 0, -1
    pending: list[int] = []
    for m in _TAG_START.finditer(text):
        if m.group() != ">":
            pending.append(m.start())
            continue
        if pending:
            total += len(pending) * m.start() - sum(pending)
            if m.start() - pending[0] > farthest:
                worst, farthest = pending[0], m.start() - pending[0]
            pending.clear()
    if pending:
        total += len(pending) * len(text) - sum(pending)
        if len(text) - pending[0] > farthest:
            worst = pending[0]
    return _Scan(total, worst)


def _too_long(shown: str, length: int) -> Problem:
    return _problem(
        shown,
        1,
        f"the page is {length:,} characters long; a page may hold at most {MAX_PAGE_CHARS:,}",
        "split it into several pages",
        f"trang dài {length:,} ký tự; mỗi trang chỉ được tối đa {MAX_PAGE_CHARS:,}",
        "tách thành nhiều trang",
    )


def _line_too_long(shown: str, line: int, length: int) -> Problem:
    return _problem(
        shown,
        line,
        f"this line is {length:,} characters long; a line may hold at most {MAX_LINE_CHARS:,}",
        "break it into paragraphs or shorter lines (a line break inside a paragraph does "
        "not show on the page)",
        f"dòng này dài {length:,} ký tự; mỗi dòng chỉ được tối đa {MAX_LINE_CHARS:,}",
        "tách thành nhiều đoạn hoặc nhiều dòng ngắn hơn (xuống dòng giữa đoạn văn không "
        "hiện ra trên trang)",
    )


def _unclosed(shown: str, line: int, opening: str, closing: str, literal: str) -> Problem:
    return _problem(
        shown,
        line,
        f"too many '{opening}' have no '{closing}' to close them: the Markdown reader would "
        f"search the rest of the text for each, for minutes (the farthest search starts on "
        "this line)",
        f"close each '{opening}' with '{closing}', or write a '{opening}' that is only text "
        f"as {literal}",
        f"quá nhiều dấu '{opening}' không có dấu '{closing}' đóng lại: bộ đọc Markdown sẽ "
        "tìm suốt phần chữ còn lại cho từng dấu, mất hàng phút (lượt tìm xa nhất bắt đầu ở "
        "dòng này)",
        f"đóng mỗi dấu '{opening}' bằng '{closing}', hoặc viết dấu '{opening}' chỉ là chữ "
        f"thành {literal}",
    )


def _problem(shown: str, line: int, en: str, fix: str, vi: str, fix_vi: str) -> Problem:
    return Problem(shown, line, en, fix, vi, fix_vi)
