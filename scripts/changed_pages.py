#!/usr/bin/env python3
"""List the pages and flyers (both languages) that a branch changes, as Markdown.

    python scripts/changed_pages.py --base origin/main
    python scripts/changed_pages.py --base origin/main --output "$GITHUB_STEP_SUMMARY"

It compares the base with HEAD from their merge base, as a pull request does. It fails the
job only when mkdocs.yml cannot be loaded: if git cannot compare, the summary says so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vneid_site.checks.changes import affected, to_markdown
from vneid_site.content.git import run_git
from vneid_site.project import ProjectConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def git_changes(root: Path, base: str, head: str) -> list[tuple[str, str]] | None:
    out = run_git(root, "diff", "--name-status", "--no-renames", "-z", f"{base}...{head}")
    if out is None:
        return None
    fields = out.split("\0")
    return [(fields[i], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="origin/main", help="what to compare with")
    parser.add_argument("--head", default="HEAD")
    parser.add_argument("--output", type=Path, help="append the Markdown here (default: print)")
    parser.add_argument("--preview", help="where the built preview can be downloaded")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.root)
    except ProjectConfigError as err:
        print(err, file=sys.stderr)
        return 2
    changes = git_changes(args.root, args.base, args.head)
    if changes is None:
        text = (
            "## Trang và tờ rơi thay đổi / Changed pages and flyers\n\n"
            f"Không so sánh được với `{args.base}` / Could not compare with `{args.base}`.\n"
        )
    else:
        docs = settings.docs_dir

        def read(src: str) -> str | None:
            try:
                return (docs / src).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return None

        existing = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
        prefix = f"{docs.relative_to(args.root).as_posix()}/"
        summary = affected(changes, existing, read, settings.languages, prefix)
        text = to_markdown(summary, args.preview)
    if args.output:
        with args.output.open("a", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
