#!/usr/bin/env python3
"""Print the Content-Security-Policy for the web server's HTTP header: the policy every page of
a built site carries in its <meta> tag, with the hashes of the inline scripts that the site's
templates write (never one that a page brought), and frame-ancestors 'none' (which only a
header can set).

    python scripts/csp_header.py site        # after make site; see README, "HTTP headers"

Exit status: 0; 1 when a page holds an inline script that no template writes (named on
stderr, and not hashed); 2 when there is no built site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vneid_site.csp import ScriptAllowlist, inline_script_hashes, policy, theme_template_dirs
from vneid_site.project import ProjectConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def header_policy(site: Path, allowlist: ScriptAllowlist) -> tuple[str, list[str]]:
    """(the header's policy, "page: script" for each inline script no template writes)."""
    hashes: dict[str, None] = {}
    foreign: list[str] = []
    for page in sorted(site.rglob("*.html")):
        found, others = inline_script_hashes(page.read_text(encoding="utf-8"), allowlist)
        hashes.update(dict.fromkeys(found))
        foreign += [f"{page.relative_to(site).as_posix()}: {text}" for text in others]
    return policy(list(hashes)) + "; frame-ancestors 'none'", foreign


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="built site")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} holds no built site\nfix: run make site first", file=sys.stderr)
        return 2
    try:
        custom_dir = load_settings(args.root).custom_dir
    except ProjectConfigError as err:
        print(err, file=sys.stderr)
        return 2
    allowlist = ScriptAllowlist.from_templates(theme_template_dirs(custom_dir))
    header, foreign = header_policy(args.site, allowlist)
    print(header)
    for row in foreign:
        print(f"not hashed, no template writes it: {row}", file=sys.stderr)
    if foreign:
        print(
            "fix: rebuild the site from this project's templates; a page cannot bring scripts",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
