#!/usr/bin/env python3
"""Print the Content-Security-Policy for the web server's HTTP header: the policy every page of
a built site carries in its <meta> tag, with the hashes of all pages' inline scripts, and
frame-ancestors 'none' (which only a header can set).

    python scripts/csp_header.py site        # after make site; see README, "HTTP headers"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vneid_site.csp import inline_script_hashes, policy


def header_policy(site: Path) -> str:
    hashes = dict.fromkeys(
        source
        for page in sorted(site.rglob("*.html"))
        for source in inline_script_hashes(page.read_text(encoding="utf-8"))
    )
    return policy(list(hashes)) + "; frame-ancestors 'none'"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="built site")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} holds no built site\nfix: run make site first", file=sys.stderr)
        return 2
    print(header_policy(args.site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
