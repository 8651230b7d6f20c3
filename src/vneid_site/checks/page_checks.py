"""Checks of one Markdown page as contributors write it: encoding, front matter, links and
anchors, raw HTML and image descriptions. Each problem names the file and line, and says
what to do in Vietnamese and English. Nothing here imports MkDocs."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from vneid_site.content.front_matter import key_line, parse_page_meta, split_front_matter
from vneid_site.content.limits import page_limits
from vneid_site.content.markdown_source import (
    attributes,
    headings,
    links,
    masked,
    page_anchors,
    tags,
)
from vneid_site.content.problems import Problem
from vneid_site.content.sanitise import html_problems
from vneid_site.content.text_encoding import (
    compose,
    decomposed,
    find_legacy,
    find_mojibake,
    repair_mojibake,
)
from vneid_site.i18n.languages import Languages

FIX_HINT_VI = "chạy: python scripts/check_content.py --fix"
FIX_HINT_EN = "run: python scripts/check_content.py --fix"


@dataclass(frozen=True)
class Page:
    """One Markdown file under docs/."""

    src: str  # docs-relative, 'huong-dan/x.en.md'
    lang: str  # 'vi', 'en'
    base: str  # the default-language file it translates, 'huong-dan/x.md'
    raw: bytes

    @property
    def text(self) -> str | None:
        """The text, with CRLF read as LF; None when the file is not UTF-8."""
        try:
            return self.raw.decode("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            return None


@dataclass(frozen=True)
class Site:
    """What a link may point at: every file under docs/, and each page's anchors."""

    files: frozenset[str]
    languages: Languages
    anchors: Callable[[str], set[str] | None]  # docs-relative page -> its anchors
    # A page's Markdown body -> its HTML, as the build renders it (rendering.py); the HTML is
    # checked with the build's own sanitiser, so the checks and the build never disagree.
    render: Callable[[str], str] | None = None


def check_page(page: Page, site: Site, shown: str) -> list[Problem]:
    """Every problem of one page; `shown` is its path as messages show it ('docs/x.md')."""
    text = page.text
    if text is None:
        return [_not_utf8(page, shown)]
    if limits := page_limits(text, shown):
        return limits  # the build refuses the page before reading it; so do the checks
    problems = check_text(text, shown)
    meta, found = parse_page_meta(text, shown)
    problems += found
    if meta is not None and meta.flyer.steps:
        problems += _check_steps(text, meta.flyer.steps, shown)
    code_free = masked(text)
    problems += check_links(page, code_free, site, shown)
    problems += check_html(code_free, shown)
    if site.render is not None:
        refused, stripped = html_problems(site.render(split_front_matter(text)[1]), text, shown)
        problems += refused + stripped
    return sorted(problems, key=lambda p: p.line)


# --- Encoding -------------------------------------------------------------------------


def _not_utf8(page: Page, shown: str) -> Problem:
    try:
        page.raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = page.raw[: err.start].count(b"\n") + 1
    return Problem(
        shown,
        line,
        "the file is not saved as UTF-8 (it may be Windows-1258 or an old Vietnamese encoding)",
        "open it, and save it again with the encoding UTF-8 (Notepad: Save as, Encoding: "
        "UTF-8); or copy the text into GitHub's web editor",
        "tệp không được lưu ở dạng UTF-8 (có thể là Windows-1258 hoặc bảng mã tiếng Việt cũ)",
        "mở tệp và lưu lại với bảng mã UTF-8 (Notepad: Lưu thành, Mã hóa: UTF-8); "
        "hoặc chép nội dung vào trình soạn thảo web của GitHub",
    )


def check_text(text: str, shown: str) -> list[Problem]:
    """Decomposed letters, mojibake and legacy-encoded text, line by line."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if decomposed(line):
            words = ", ".join(
                [f"'{compose(w)}'" for w in re.findall(r"\S+", line) if decomposed(w)][:3]
            )
            problems.append(
                Problem(
                    shown,
                    number,
                    f"letters with separately typed accents (Unicode NFD): {words}",
                    f"{FIX_HINT_EN}, or type the words again with a Unicode (precomposed) "
                    "keyboard setting, e.g. Unikey's Unicode table",
                    f"chữ có dấu được gõ tách rời (Unicode NFD): {words}",
                    f"{FIX_HINT_VI}, hoặc gõ lại các chữ đó bằng bảng mã Unicode dựng sẵn "
                    "(ví dụ bảng mã Unicode của Unikey)",
                )
            )
        mojibake = find_mojibake(line)
        if mojibake is not None:
            pairs = ", ".join(f"'{a}' → '{b}'" for a, b in mojibake.words)
            problems.append(
                Problem(
                    shown,
                    number,
                    f"garbled text: UTF-8 read as Windows-1252, probably {pairs}",
                    f"{FIX_HINT_EN}, or type those words again",
                    f"chữ bị lỗi mã (UTF-8 bị đọc thành Windows-1252), có lẽ là {pairs}",
                    f"{FIX_HINT_VI}, hoặc gõ lại các chữ đó",
                )
            )
            continue
        legacy = find_legacy(line)
        if legacy is not None:
            pairs = ", ".join(f"'{a}' → '{b}'" for a, b in legacy.words)
            font = ".VnTime" if legacy.encoding == "TCVN3" else "VNI-Times"
            problems.append(
                Problem(
                    shown,
                    number,
                    f"text in the old {legacy.encoding} encoding (from a {font} font), "
                    f"it probably reads {pairs}",
                    f"convert it to Unicode (Unikey: Tools, Converter, from {legacy.encoding} "
                    "to Unicode) and paste it again; then read it over",
                    f"chữ ở bảng mã cũ {legacy.encoding} (phông {font}), có lẽ là {pairs}",
                    f"chuyển sang Unicode (Unikey: Công cụ chuyển mã, từ {legacy.encoding} "
                    "sang Unicode) rồi dán lại; sau đó đọc lại",
                )
            )
    return problems


def fix_text(text: str) -> str:
    """Compose NFD letters and repair mojibake lines; nothing else changes, byte for byte."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if find_mojibake(line) is not None:
            line = repair_mojibake(line)
        lines[i] = compose(line)
    return "\n".join(lines)


# --- Front matter that points into the page --------------------------------------------


def _check_steps(text: str, steps: tuple[str, ...], shown: str) -> list[Problem]:
    """Each section flyer.steps names must be a heading of the page."""
    known = [h.text for h in headings(text)]
    composed = {compose(h) for h in known}
    missing = [wanted for wanted in (compose(s).strip() for s in steps) if wanted not in composed]
    if not missing:
        return []
    names = ", ".join(f"'{h}'" for h in known) or "-"
    line = key_line(text, ("flyer", "steps"))
    return [
        Problem(
            shown,
            line,
            f"flyer.steps names the section '{wanted}', but the page has no such heading",
            f"copy the exact text of one heading: {names}",
            f"flyer.steps ghi mục '{wanted}', nhưng trang không có tiêu đề mục đó",
            f"chép đúng chữ của một tiêu đề: {names}",
        )
        for wanted in missing
    ]


# --- Links and anchors ------------------------------------------------------------------

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_links(page: Page, code_free: str, site: Site, shown: str) -> list[Problem]:
    problems = []
    here = posixpath.dirname(page.src)
    for link in links(code_free):
        target = link.target.strip()
        if link.image and not link.text.strip():
            problems.append(_no_alt(shown, link.line, target))
        if not target or target.startswith("//"):
            continue
        if _SCHEME.match(target):
            continue  # addresses with a scheme: checked on the rendered HTML (sanitise.py)
        path, _, anchor = target.partition("#")
        path = unquote(path.split("?", 1)[0])
        if path.startswith("/"):
            problems.append(
                Problem(
                    shown,
                    link.line,
                    f"the link '{target}' starts with '/', so it breaks when the site is "
                    "published under a sub-folder",
                    "link to the .md file with a relative path, e.g. ../hoi-dap.md",
                    f"liên kết '{target}' bắt đầu bằng '/', sẽ hỏng khi trang web đặt trong "
                    "một thư mục con",
                    "liên kết tới tệp .md bằng đường dẫn tương đối, ví dụ ../hoi-dap.md",
                )
            )
            continue
        resolved = posixpath.normpath(posixpath.join(here, path)) if path else page.src
        if path and (resolved.startswith("../") or resolved not in site.files):
            problems.append(_missing_file(shown, link.line, target, resolved))
            continue
        if anchor and resolved.endswith(".md"):
            problems += _check_anchor(page, site, resolved, anchor, target, shown, link.line)
    return problems


def _check_anchor(
    page: Page, site: Site, resolved: str, anchor: str, target: str, shown: str, line: int
) -> list[Problem]:
    # The English page links to the Vietnamese file name; the i18n plugin swaps in the
    # translation when it exists, so the anchor must be among the translation's headings.
    target_lang, base = site.languages.of_source(resolved)
    if page.lang != site.languages.default and target_lang == site.languages.default:
        translated = site.languages.source(base, page.lang)
        if translated in site.files:
            resolved = translated
    known = site.anchors(resolved)
    if known is None or anchor in known or anchor.startswith(("fn:", "fnref:")):
        return []
    where = f"docs/{resolved}"
    names = sorted(f"#{a}" for a in known)
    listed = ", ".join(names[:15]) + (", ..." if len(names) > 15 else "")
    return [
        Problem(
            shown,
            line,
            f"the link '{target}' points at '#{anchor}', which is no heading of {where}",
            f"use one of: {listed or 'none'}",
            f"liên kết '{target}' trỏ tới '#{anchor}', không phải tiêu đề nào trong {where}",
            f"dùng một trong: {listed or 'không có'}",
        )
    ]


def _missing_file(shown: str, line: int, target: str, resolved: str) -> Problem:
    if resolved.endswith(".md") or "." not in posixpath.basename(resolved):
        return Problem(
            shown,
            line,
            f"the link '{target}' points at a page that does not exist (docs/{resolved})",
            "link to the page's .md file, relative to this page, by its Vietnamese name "
            "(../hoi-dap.md), in both languages",
            f"liên kết '{target}' trỏ tới trang không có (docs/{resolved})",
            "liên kết tới tệp .md của trang, tính từ trang này, theo tên tiếng Việt "
            "(../hoi-dap.md), ở cả hai ngôn ngữ",
        )
    return Problem(
        shown,
        line,
        f"the link '{target}' points at a file that is not in docs/ (docs/{resolved})",
        "add the file (images go in docs/assets/images/) or correct the name; "
        "capital letters matter",
        f"liên kết '{target}' trỏ tới tệp không có trong docs/ (docs/{resolved})",
        "thêm tệp đó (ảnh đặt trong docs/assets/images/) hoặc sửa lại tên; "
        "chữ hoa, chữ thường phải đúng",
    )


# --- Images ---------------------------------------------------------------------------
# Raw HTML is checked on the rendered page by the build's own sanitiser (check_page).


def _no_alt(shown: str, line: int, src: str) -> Problem:
    return Problem(
        shown,
        line,
        f"the image '{src}' has no description (alt text)",
        "describe what the image shows for people who cannot see it: "
        '![Màn hình đăng nhập VNeID](anh.png), or alt="..." in HTML',
        f"ảnh '{src}' chưa có lời mô tả (alt)",
        "mô tả ảnh cho người không xem được ảnh: ![Màn hình đăng nhập VNeID](anh.png), "
        'hoặc alt="..." trong HTML',
    )


def check_html(code_free: str, shown: str) -> list[Problem]:
    """Images written in HTML without a description."""
    problems = []
    for tag in tags(code_free):
        attrs = attributes(tag)
        if tag.name == "img" and not attrs.get("alt", "").strip():
            problems.append(_no_alt(shown, tag.line, attrs.get("src", "")))
    return problems


def anchors_of(text: str | None) -> set[str] | None:
    return None if text is None else page_anchors(text)
