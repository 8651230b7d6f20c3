"""House rules for what the pages say, on top of the technical checks: sources cited as article
links with their dates, "hiện nay" rather than "hôm nay" outside the dispatch's own words, and
no phone number that is not listed, with its source, in pyproject.toml. Nothing here imports
MkDocs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from vneid_site.content.front_matter import key_line, parse_page_meta, split_front_matter
from vneid_site.content.markdown_source import masked
from vneid_site.content.problems import Problem

SOURCE_HEADINGS = frozenset({"nguồn", "sources", "source"})
PHONE_TABLE = "[tool.vneid.checks.phone-numbers]"

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+([^{\n]*?)[ \t]*(?:\{[^}\n]*\})?[ \t]*$")
_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+")
_MD_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")  # the end of a link whose text began lines above
_AUTOLINK = re.compile(r"<https?://[^>\s]+>")
_WEB_LINK = re.compile(r"\]\(https?://|<https?://")
_PAGE_LINK = re.compile(r"\]\([^)\s]*\.md(?:#[^)\s]*)?\)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A source that carries no date says so, rather than leaving readers to guess.
_UNDATED = re.compile(r"không ghi ngày|undated", re.IGNORECASE)
# A host name as readers would type it: "cafef.vn", "congan.ninhbinh.gov.vn".
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|info)\b", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()\n]*)\)")
_TODAY = re.compile(r"\bhôm nay\b", re.IGNORECASE)
# The dispatch's own words: its transcript block, and quotations.
_TRANSCRIPT_OPEN = re.compile(r"<div\b[^>\n]*\bsite-transcript\b")
_DIV_OPEN = re.compile(r"<div\b", re.IGNORECASE)
_DIV_CLOSE = re.compile(r"</div\s*>", re.IGNORECASE)

# Phone numbers: a full number (0 or +84, then 7 to 10 digits, in groups), or a short service
# number (113, 1022, 1900 1234) written after a word that says it is one.
_FULL_PHONE = re.compile(r"(?<![\w/.,:-])(?:\+84|0)(?:[ .-]?\d){7,10}(?![\w/-])")
_SHORT_PHONE = re.compile(r"(?<![\w/.,:-])1(?:[89]00[ .]?\d{3,4}|\d{2,3})(?![\w/-]|[.,]\d)")
_CALL_WORD = re.compile(
    r"(?:gọi|tổng đài|đường dây|hotline|điện thoại|số máy|call|phone|dial|helpline|line)"
    r"[^.;\n]{0,30}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PhoneNumber:
    line: int
    shown: str  # as written: "0274.1022"
    digits: str  # "02741022"


def _front_matter_lines(text: str) -> int:
    """How many lines the front matter block takes (0 without one)."""
    block, body = split_front_matter(text)
    return 0 if block is None else text[: len(text) - len(body)].count("\n")


def _body_lines(text: str, front_matter: bool = True) -> list[str]:
    """The page's lines with code blanked; front matter lines as they are (or blank)."""
    head = _front_matter_lines(text)
    raw = text.split("\n") if front_matter else [""] * head
    return raw[:head] + masked(text).split("\n")[head:]


def _transcript_lines(lines: list[str]) -> set[int]:
    """Line indexes inside the dispatch transcript (<div class="site-transcript">...</div>)."""
    inside: set[int] = set()
    depth = 0
    for i, line in enumerate(lines):
        if depth == 0 and not _TRANSCRIPT_OPEN.search(line):
            continue
        inside.add(i)
        depth += len(_DIV_OPEN.findall(line)) - len(_DIV_CLOSE.findall(line))
        depth = max(depth, 0)
    return inside


def _quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def check_today(text: str, shown: str) -> list[Problem]:
    """'hôm nay' (this very day) where the pages mean 'hiện nay' (nowadays), outside the
    dispatch's transcript and quotations."""
    lines = _body_lines(text)
    skip = _transcript_lines(lines)
    return [
        Problem(
            shown,
            i + 1,
            "'hôm nay' (this day) reads as the day of reading; the pages mean 'nowadays'",
            "write 'hiện nay', or give the date the fact was checked",
            "'hôm nay' là ngày người đọc mở trang; ý của trang là 'hiện nay'",
            "viết 'hiện nay', hoặc ghi ngày thông tin được kiểm tra",
        )
        for i, line in enumerate(lines)
        if i not in skip and not _quoted(line) and _TODAY.search(line)
    ]


def _source_items(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line index, text) of each list item under a "Nguồn" / "Sources" heading."""
    in_sources = False
    current: tuple[int, list[str]] | None = None
    for i, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading:
            if current:
                yield current[0], " ".join(current[1])
                current = None
            in_sources = heading[2].strip().casefold() in SOURCE_HEADINGS
            continue
        if not in_sources:
            continue
        if _ITEM.match(line):
            if current:
                yield current[0], " ".join(current[1])
            current = (i, [line.strip()])
        elif current and line.strip():
            current[1].append(line.strip())
        elif current:
            yield current[0], " ".join(current[1])
            current = None
    if current:
        yield current[0], " ".join(current[1])


def _bare_source(shown: str, line: int, what: str) -> Problem:
    return Problem(
        shown,
        line,
        f"the source '{what[:80]}' names a site, not an article with its date, so readers "
        "cannot check it",
        "link the article and give its date: [Title (site, 08/02/2024)](https://site/article)",
        f"nguồn '{what[:80]}' chỉ ghi tên trang web, không có bài viết và ngày đăng, nên người "
        "đọc không kiểm tra được",
        "đặt liên kết tới bài viết và ghi ngày đăng: [Tên bài (trang, 08/02/2024)]"
        "(https://trang/bai-viet)",
    )


def check_sources(text: str, shown: str) -> list[Problem]:
    """Every item of a Sources list links an article and gives its date (a page of this site is
    a source of its own); no citation in brackets names a bare domain; every validity note
    links its source."""
    lines = _body_lines(text)
    problems = []
    for i, item in _source_items(lines):
        body = _ITEM.sub("", item, count=1)
        if _PAGE_LINK.search(body) and not _WEB_LINK.search(body):
            continue  # a page of this site
        if not _WEB_LINK.search(body) or not (_YEAR.search(body) or _UNDATED.search(body)):
            problems.append(_bare_source(shown, i + 1, body))
    # Citations in brackets in the body; the change history in front matter names its
    # sources in words, its facts being cited on the page itself.
    body_lines = _body_lines(text, front_matter=False)
    skip = _transcript_lines(body_lines)
    for i, line in enumerate(body_lines):
        if i in skip:
            continue
        unlinked = _LINK_TARGET.sub(" ", _AUTOLINK.sub(" ", _MD_LINK.sub(" ", line)))
        for group in _PAREN.findall(unlinked):
            if domain := _DOMAIN.search(group):
                problems.append(_bare_source(shown, i + 1, domain[0]))
    meta, _ = parse_page_meta(text, shown)
    if meta is not None and meta.validity is not None:
        for n, note in enumerate(meta.validity.notes):
            if not note.url:
                at = key_line(text, ("validity", "notes", str(n)))
                problems.append(_bare_source(shown, at, note.source))
    return problems


def phone_numbers(text: str) -> list[PhoneNumber]:
    """Every phone number in `text` (code blanked), by line."""
    found = []
    for i, line in enumerate(_body_lines(text)):
        matches = list(_FULL_PHONE.finditer(line))
        taken = [m.span() for m in matches]
        for match in _SHORT_PHONE.finditer(line):
            inside = any(a <= match.start() < b for a, b in taken)
            if not inside and _CALL_WORD.search(line[: match.start()]):
                matches.append(match)
        for match in sorted(matches, key=lambda m: m.start()):
            found.append(PhoneNumber(i + 1, match[0], re.sub(r"\D", "", match[0])))
    return found


def check_phone_numbers(text: str, shown: str, allowed: Mapping[str, str]) -> list[Problem]:
    """Every phone number printed must be in the allow-list, which names its source."""
    return [
        Problem(
            shown,
            number.line,
            f"the phone number '{number.shown}' is not in the list of numbers with a source",
            f"check the number against an official source, then add it under {PHONE_TABLE} "
            f'in pyproject.toml: "{number.digits}" = "<who runs it>: <article link> (<date>)"',
            f"số điện thoại '{number.shown}' không có trong danh sách số đã có nguồn",
            f"đối chiếu số với nguồn chính thức, rồi thêm vào {PHONE_TABLE} trong "
            f'pyproject.toml: "{number.digits}" = "<cơ quan>: <liên kết bài viết> (<ngày>)"',
        )
        for number in phone_numbers(text)
        if number.digits not in allowed
    ]


def check_phone_list(allowed: Mapping[str, object], shown: str = "pyproject.toml") -> list[Problem]:
    """Each listed number is digits only and names its source as a link."""
    problems = []
    for digits, source in allowed.items():
        linked = isinstance(source, str) and "https://" in source
        if re.fullmatch(r"\+?\d{3,12}", digits) and linked:
            continue
        problems.append(
            Problem(
                shown,
                1,
                f"{PHONE_TABLE} '{digits}' needs digits only and a source with its link",
                'write it as "02741022" = "<who runs it>: https://<article> (<date>)"',
                f"{PHONE_TABLE} '{digits}' phải chỉ gồm chữ số và ghi nguồn kèm liên kết",
                'viết theo mẫu "02741022" = "<cơ quan>: https://<bài viết> (<ngày>)"',
            )
        )
    return problems


def check_profile_phones(
    organisation: Mapping[str, object], allowed: Mapping[str, str], shown: str = "mkdocs.yml"
) -> list[Problem]:
    """Phone numbers in the organisation profile (extra.organisation), every language."""
    texts: list[str] = []
    for key in ("hotline", "contact", "contact_note"):
        value = organisation.get(key)
        if isinstance(value, dict):
            texts += [str(v) for v in value.values()]
        elif value is not None:
            texts.append(f"hotline {value}" if key == "hotline" else str(value))
    problems = check_phone_numbers("\n".join(texts), shown, allowed)
    return [
        Problem(shown, 1, f"extra.organisation: {p.message}", p.fix, p.message_vi, p.fix_vi)
        for p in problems
    ]


def check_editorial(text: str, shown: str, phones: Mapping[str, str]) -> list[Problem]:
    """Every house rule for one page's Markdown source."""
    return (
        check_sources(text, shown)
        + check_today(text, shown)
        + check_phone_numbers(text, shown, phones)
    )
