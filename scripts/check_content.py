#!/usr/bin/env python3
"""Check the Markdown pages in docs/ the way CI does, and say in Vietnamese and English
what to fix.

    python scripts/check_content.py              # every page
    python scripts/check_content.py --fix        # also repair what can be repaired safely
    python scripts/check_content.py docs/x.md    # only these pages (and their translations)

Exit status: 0 when there is nothing to fix, 1 when there is, 2 when the command is wrong.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from vneid_site.atomic_write import write_bytes_atomic
from vneid_site.checks.editorial import check_editorial, check_phone_list, check_profile_phones
from vneid_site.checks.page_checks import Page, Site, anchors_of, check_page, fix_text
from vneid_site.checks.published_files import published_problems, unpublished
from vneid_site.checks.repository import committed_outputs, repository_symlinks, tracked_files
from vneid_site.checks.time_limit import TimeLimitExceeded, time_limit
from vneid_site.checks.translations import check_parity, check_staleness
from vneid_site.content.problems import Problem
from vneid_site.content.rendering import MarkdownRenderer, RenderingError
from vneid_site.content.source_times import source_times
from vneid_site.flyers.offices import read_offices
from vneid_site.flyers.qr_targets import allowed_hosts, page_target_problems
from vneid_site.i18n.languages import Languages
from vneid_site.project import ProjectConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def read_pages(docs: Path, languages: Languages) -> dict[str, Page]:
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        lang, base = languages.of_source(src)
        pages[src] = Page(src, lang, base, path.read_bytes())
    return pages


def selected(args: list[str], docs: Path, pages: dict[str, Page]) -> set[str] | None:
    """Pages named on the command line, with their translations and originals."""
    if not args:
        return None
    chosen = set()
    for arg in args:
        path = Path(arg).resolve()
        try:
            src = path.relative_to(docs.resolve()).as_posix()
        except ValueError:
            continue
        if src in pages:
            chosen.add(pages[src].base)
    return {src for src, page in pages.items() if page.base in chosen}


def run(
    root: Path,
    paths: list[str],
    fix: bool,
    max_age_days: float | None,
    page_time_limit: float | None = None,
) -> int:
    try:
        settings = load_settings(root)
    except ProjectConfigError as err:
        print(err, file=sys.stderr)
        return 2
    docs, languages = settings.docs_dir, settings.languages
    max_age = settings.max_age_days if max_age_days is None else max_age_days
    seconds = settings.page_time_limit if page_time_limit is None else page_time_limit
    if not docs.is_dir():
        print(f"{docs}: không có thư mục này / no such folder", file=sys.stderr)
        return 2
    shown = f"{docs.relative_to(root).as_posix()}/" if docs.is_relative_to(root) else f"{docs}/"
    pages = read_pages(docs, languages)
    chosen = selected(paths, docs, pages)
    if fix:
        for src, page in pages.items():
            if chosen is not None and src not in chosen:
                continue
            try:
                text = page.raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            fixed = fix_text(text)
            if fixed != text:
                write_bytes_atomic(docs / src, fixed.encode("utf-8"))
                print(f"đã sửa / fixed: {shown}{src}")
        pages = read_pages(docs, languages)

    @functools.cache
    def anchors(src: str) -> set[str] | None:
        page = pages.get(src)
        return anchors_of(page.text) if page is not None else None

    files = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    try:
        renderer = MarkdownRenderer(settings.markdown_extensions)
    except RenderingError as err:
        print(err, file=sys.stderr)
        return 2
    site = Site(files, languages, anchors, renderer.render)
    tracked = tracked_files(root)  # one git call for both checks
    problems: list[Problem] = repository_symlinks(root, docs, (), tracked) + committed_outputs(
        root, settings.outputs, tracked
    )
    if chosen is None:
        # What the build publishes of docs/ as it is, besides the pages.
        plain = [src for src in files if not unpublished(src) and not (docs / src).is_symlink()]
        problems += published_problems(docs, plain, shown)
    phones = settings.phone_numbers
    problems += check_phone_list(phones)
    problems += check_profile_phones(settings.organisation, phones)
    qr_hosts = allowed_hosts(settings.site_url, settings.qr_hosts)
    for src, page in pages.items():
        if chosen is None or src in chosen:
            try:
                with time_limit(seconds):
                    problems += check_page(page, site, f"{shown}{src}")
                    if page.text is not None:
                        problems += check_editorial(page.text, f"{shown}{src}", phones)
                        problems += page_target_problems(page.text, f"{shown}{src}", qr_hosts)
            except TimeLimitExceeded:
                problems.append(too_slow(f"{shown}{src}", seconds))
    group = [p for src, p in pages.items() if chosen is None or src in chosen]
    problems += check_parity([p.src for p in group], languages, shown)
    history = source_times(docs, [p.src for p in group])
    problems += check_staleness([p.src for p in group], history.times, languages, max_age, shown)
    if history.shallow:
        print(
            "lưu ý / note: lịch sử git bị cắt ngắn (shallow clone), nên tuổi bản dịch chỉ được "
            "so trong phần lịch sử đã tải / the git history is shallow, so translation age is "
            "only compared within the fetched commits (fetch with: git fetch --unshallow)",
            file=sys.stderr,
        )
    if settings.offices is not None and chosen is None:
        problems += check_offices(settings.offices, root)
    problems.sort(key=lambda p: (p.path, p.line))
    for problem in problems:
        print(problem.bilingual())
    count = len({p.path for p in problems})
    if problems:
        print(
            f"\n{len(problems)} vấn đề trong {count} tệp / {len(problems)} problem(s) in "
            f"{count} file(s). Xem / see CONTRIBUTING.md"
        )
        return 1
    print(f"Không có vấn đề nào trong {len(group)} trang / No problems in {len(group)} pages.")
    return 0


def too_slow(shown: str, seconds: float) -> Problem:
    return Problem(
        shown,
        1,
        f"checking this page took more than {seconds:g} s of processor time, so the build "
        "would take very long too",
        "look for thousands of brackets or tags left open, or very deep nesting, and remove "
        "them, or split the page; if it is an ordinary page, tell a maintainer",
        f"kiểm tra trang này mất hơn {seconds:g} giây xử lý, nên bản dựng cũng sẽ rất lâu",
        "tìm hàng nghìn dấu ngoặc hay thẻ không đóng, hoặc lồng nhau quá sâu, rồi xóa đi, "
        "hoặc tách trang; nếu đó là trang bình thường, hãy báo người bảo trì",
    )


def check_offices(path: Path, root: Path) -> list[Problem]:
    """The offices file (extra.flyers.offices), checked as the build reads it."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return read_offices(path, shown)[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Check the site's Markdown pages: front matter, Unicode, old encodings, "
        "translations, links, HTML and images.",
    )
    parser.add_argument("paths", nargs="*", help="only these pages (default: all of docs/)")
    parser.add_argument(
        "--fix",
        action="store_true",
        help="compose decomposed (NFD) letters and repair UTF-8 read as Windows-1252, in place",
    )
    parser.add_argument(
        "--max-age-days",
        type=float,
        metavar="DAYS",
        help="how far a translation may lag behind its source "
        "(default: [tool.vneid.checks] max_age_days in pyproject.toml, else 30)",
    )
    parser.add_argument(
        "--page-time-limit",
        type=float,
        metavar="SECONDS",
        help="processor time the checks may spend on one page (default: [tool.vneid.checks] "
        "page_time_limit in pyproject.toml, else 20; 0 for none)",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    args = parser.parse_args(argv)
    return run(args.root.resolve(), args.paths, args.fix, args.max_age_days, args.page_time_limit)


if __name__ == "__main__":
    sys.exit(main())
