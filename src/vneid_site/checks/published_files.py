"""Which files of docs/ the site publishes, for the build and the content checks alike. MkDocs
copies every file of docs/ into the site as it is, served from the site's own address: an .html
page runs its scripts there without the pages' sanitiser and Content-Security-Policy, an .svg
runs script when opened, a .js file runs wherever a page loads it. So only what a page may
carry is published: its Markdown (rendered and sanitised), images (an SVG only when it is plain
drawing: content/svg.py), PDF files and fonts, each checked to be what its name says, and the
project's own scripts and stylesheets listed in web/own_assets.py. Any other file, and any file
name that a web address must percent-encode, stops the build naming the file and the fix."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterable
from pathlib import Path

from vneid_site.cache import KeptResults, code_digest
from vneid_site.content.problems import Problem
from vneid_site.content.svg import svg_problems
from vneid_site.i18n.fold import fold
from vneid_site.web.own_assets import OWN_ASSETS

PAGES = (".md",)
# Suffix -> how its file starts; a file that does not is refused (an HTML page named .png).
MEDIA: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and WEBP at byte 8, checked below
    ".ico": (b"\x00\x00\x01\x00",),
    ".svg": (),  # checked as a drawing
    ".pdf": (b"%PDF-",),
    ".woff2": (b"wOF2",),
    ".woff": (b"wOFF",),
    ".ttf": (b"\x00\x01\x00\x00", b"true"),
    ".otf": (b"OTTO",),
}
# Markdown under other names: MkDocs renders them, but the content checks read only .md.
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")
_SAFE_NAME = re.compile(r"[A-Za-z0-9._~-]+")  # what a web address carries as it is
_OWN_LIST = "src/vneid_site/web/own_assets.py"


def svg_code() -> str:
    """What an SVG's kept verdict depends on: the checking code and the parser."""
    return code_digest(("vneid_site.content.svg",), ("lxml",))


def published_problems(
    folder: Path,
    files: Iterable[str],
    shown: str = "docs/",
    own: Collection[str] = OWN_ASSETS.keys(),
    passed: KeptResults | None = None,
) -> list[Problem]:
    """What stops the `files` (relative to `folder`) from being published; `shown` is how
    messages name the folder, `own` the project's own assets in it. `passed`: the SVG files
    (by their bytes) in which the last builds found nothing (KeptResults(path, svg_code())),
    not parsed again; the caller saves it."""
    problems: list[Problem] = []
    named: set[str] = set()
    for src in sorted(files):
        problems += _name_problems(src, shown, named)
        problems += _type_problems(folder, src, shown, own, passed)
    return problems


def _svg(data: bytes, where: str, passed: KeptResults | None) -> list[Problem]:
    if passed is None:
        return svg_problems(data, where)
    return passed.problems(data, lambda: svg_problems(data, where))


def unpublished(src: str) -> bool:
    """Whether MkDocs leaves a docs-relative file out by default (exclude_docs: dot files and
    folders, and the top-level templates/ folder)."""
    parts = src.split("/")
    return parts[0] == "templates" or any(part.startswith(".") for part in parts)


def _type_problems(
    docs: Path, src: str, shown: str, own: Collection[str], passed: KeptResults | None
) -> list[Problem]:
    suffix = posixpath.splitext(src)[1].lower()
    where = f"{shown}{src}"
    if suffix in PAGES:
        return []
    if suffix == ".svg":  # the project's own too
        return _svg((docs / src).read_bytes(), where, passed)
    if src in own:
        return []
    if suffix in MEDIA:
        with open(docs / src, "rb") as file:
            head = file.read(16)  # enough for every signature; PDF files can be large
        if _looks_like(head, suffix):
            return []
        return [
            Problem(
                where,
                1,
                f"this file is named {suffix} but is no {suffix[1:].upper()} file",
                f"save it again as a real {suffix[1:].upper()} file, or give it the right name",
                f"tệp có đuôi {suffix} nhưng không phải tệp {suffix[1:].upper()}",
                f"lưu lại đúng dạng {suffix[1:].upper()}, hoặc đặt lại đúng đuôi tệp",
            )
        ]
    return [_refused(where, suffix)]


def _looks_like(data: bytes, suffix: str) -> bool:
    if suffix == ".webp" and data[8:12] != b"WEBP":
        return False
    return data.startswith(MEDIA[suffix])


def _refused(where: str, suffix: str) -> Problem:
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        why = (
            "an HTML page in docs/ is published as it is, without the sanitiser and the "
            "Content-Security-Policy of the site's pages: its scripts run on the site's address"
        )
        why_vi = (
            "trang HTML trong docs/ được đăng nguyên dạng, không qua bộ lọc và chính sách bảo "
            "mật nội dung (CSP) của các trang: mã script trong đó chạy dưới địa chỉ trang web"
        )
        fix = "write the page in Markdown (.md) instead, or delete the file"
        fix_vi = "viết trang bằng Markdown (.md), hoặc xóa tệp"
    elif suffix in (".xml", ".xsl", ".xslt"):
        why = "an XML file is published as it is, and browsers run scripts in XML documents"
        why_vi = "tệp XML được đăng nguyên dạng, và trình duyệt chạy mã script trong tài liệu XML"
        fix = "delete it (the build makes the site's sitemap.xml itself)"
        fix_vi = "xóa tệp (bản dựng tự tạo sitemap.xml)"
    elif suffix in (".js", ".mjs", ".css"):
        kind, kind_vi = ("script", "mã script") if suffix != ".css" else ("stylesheet", "tệp CSS")
        why = (
            f"this {kind} is not one of the project's own, listed with their hashes in "
            f"{_OWN_LIST}; a {kind} in docs/ would act on every page that loads it"
        )
        why_vi = (
            f"{kind_vi} này không nằm trong danh sách tệp của dự án ({_OWN_LIST}, kèm mã "
            "băm); tệp như vậy trong docs/ sẽ tác động tới mọi trang tải nó"
        )
        fix = (
            f"delete it; a {kind} the site needs is added by a maintainer, in the same change, "
            f"to docs/assets/ and to {_OWN_LIST} with its SHA-256"
        )
        fix_vi = (
            f"xóa tệp; {kind_vi} mà trang web cần do người bảo trì thêm vào docs/assets/ và "
            f"vào {_OWN_LIST} kèm mã SHA-256, trong cùng một thay đổi"
        )
    elif suffix in OTHER_MARKDOWN:
        why = f"a Markdown page named {suffix}: the content checks only read .md pages"
        why_vi = f"trang Markdown có đuôi {suffix}: bước kiểm tra nội dung chỉ đọc trang .md"
        fix = "rename it to end in .md"
        fix_vi = "đổi tên cho đuôi là .md"
    else:
        shown_suffix = suffix or "(no suffix)"
        why = (
            f"files of this type ({shown_suffix}) are not published: a page may carry images "
            "(.png, .jpg, .gif, .webp, .ico, .svg), PDF files and fonts"
        )
        why_vi = (
            f"tệp loại này ({shown_suffix}) không được đăng: trang chỉ được kèm ảnh (.png, "
            ".jpg, .gif, .webp, .ico, .svg), tệp PDF và phông chữ"
        )
        fix = "save it as PDF or as an image, or link to where it is published officially"
        fix_vi = "lưu thành PDF hoặc ảnh, hoặc đặt liên kết tới nơi đăng chính thức của nó"
    return Problem(where, 1, why, fix, why_vi, fix_vi)


def _name_problems(src: str, shown: str, named: set[str]) -> list[Problem]:
    """The first part of the path (folder or file) that needs percent-encoding, once."""
    parts = src.split("/")
    for i, part in enumerate(parts):
        if _SAFE_NAME.fullmatch(part):
            continue
        path = "/".join(parts[: i + 1])
        if path in named:
            return []
        named.add(path)
        stem, suffix = posixpath.splitext(part) if i == len(parts) - 1 else (part, "")
        better = re.sub(r"[^a-z0-9]+", "-", fold(stem).lower()).strip("-") or "tep"
        suggestion = "/".join([*parts[:i], better + suffix.lower()])
        vietnamese = fold(part) != part
        what = (
            "its name has Vietnamese letters with marks"
            if vietnamese
            else "its name has spaces or other characters"
        )
        what_vi = (
            "tên có chữ tiếng Việt có dấu" if vietnamese else "tên có dấu cách hoặc ký tự khác"
        )
        return [
            Problem(
                f"{shown}{path}",
                1,
                f"{what}, which a web address must write with % codes; its QR code and flyer "
                "would point at the wrong address",
                f"rename it to '{suggestion}' (lower case letters a-z without marks, digits "
                "and hyphens), and change the links to it",
                f"{what_vi}, mà địa chỉ web phải viết thành mã %; mã QR và tờ rơi của nó sẽ "
                "trỏ sai địa chỉ",
                f"đổi tên thành '{suggestion}' (chữ thường a-z không dấu, chữ số và dấu gạch "
                "nối), và sửa các liên kết tới nó",
            )
        ]
    return []
