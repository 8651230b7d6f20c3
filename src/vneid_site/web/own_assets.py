"""The project's own scripts, stylesheets and logo in docs/: the only files of those kinds the
site publishes (checks/published_files.py refuses any other), each with the SHA-256 of its
content. A script here runs on every page, so a change to one is reviewed twice: the file and
its hash in this list, which the code owners review (.github/CODEOWNERS). The tests fail while a
file and its hash disagree (tests/unit/web/test_own_assets.py).

After reviewing a change to one of these files, put its new hash here; print them with

    python -m vneid_site.web.own_assets        # or: sha256sum docs/<path>

A new script or stylesheet is added to docs/assets/ and to this list in the same change.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

# docs-relative path -> SHA-256 of the file (line ends as git stores them: LF).
OWN_ASSETS: dict[str, str] = {
    "assets/images/logo.svg": "3d3185e8d87e780135e0996d839e2bf49029a053514bd49325de417b008efc5c",
    "assets/javascripts/office-picker.js": (
        "d16869c5f2a896d6175a86d5c332bdf85e2cf118f0ee03adaa441dac918cd200"
    ),
    "assets/javascripts/search-highlight.js": (
        "26d37e3855768426e7524430cf8486e250776da237b483c2fddaec2776cfd642"
    ),
    "assets/javascripts/workers/search-rank.js": (
        "f8903262b72c10befdc4ba1e5688ec9550ea7b2f6c6cdce6a8da3b5b3dfbb861"
    ),
    "assets/stylesheets/print.css": (
        "c8d16bb56a66e5f9501e6cad9f67a319bcc2b5a494661a53ff842e19b67b92d8"
    ),
    "assets/stylesheets/site.css": (
        "8ae8833ce322f1397624bb639842436f92f9e80b750078081da798b76b2e5ec0"
    ),
}
# Where the project keeps its own scripts and stylesheets: every such file there must be listed.
OWN_FOLDERS = (("assets/javascripts", ".js"), ("assets/stylesheets", ".css"))
UPDATE = "python -m vneid_site.web.own_assets"


def file_hash(path: Path) -> str:
    """SHA-256 of a file, its CRLF line ends read as LF (a Windows checkout hashes alike)."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def own_files(docs: Path) -> list[str]:
    """docs-relative paths of the listed files and of every script and stylesheet in the
    project's asset folders, sorted."""
    found = set(OWN_ASSETS)
    for folder, suffix in OWN_FOLDERS:
        found |= {
            path.relative_to(docs).as_posix()
            for path in (docs / folder).rglob(f"*{suffix}")
            if path.is_file()
        }
    return sorted(found)


def main(docs: Path) -> int:
    """Print the list with today's hashes, to paste into OWN_ASSETS after review."""
    for src in own_files(docs):
        path = docs / src
        digest = file_hash(path) if path.is_file() else "(missing)"
        listed = OWN_ASSETS.get(src)
        note = "" if listed == digest else "   # changed" if listed else "   # not listed"
        print(f'    "{src}": "{digest}",{note}')
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")))
