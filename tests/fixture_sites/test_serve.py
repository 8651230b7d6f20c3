"""`mkdocs serve` keeps working, and an edit rebuilds only the edited page's flyer."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from tests.support.http import fetch, wait_for
from tests.support.sitebuild import STEPS, make_fixture_project, page, serving


def test_serve_builds_flyers_and_rebuilds_only_the_edited_one(tmp_path):
    pages = {
        "index.md": page("Trang chủ"),
        "index.en.md": page("Home", "Text.", "Home."),
        "a.md": page("Trang A", "## Các bước\n\n1. Một.\n", extra=STEPS),
        "a.en.md": page("Page A", "## Các bước\n\n1. One.\n", extra=STEPS),
    }
    for name in ("b", "c", "d"):  # enough flyers for the first build to start the worker
        pages[f"{name}.md"] = page(f"Trang {name}")
        pages[f"{name}.en.md"] = page(f"Page {name}")
    config = make_fixture_project(
        tmp_path / "project", pages, "site_url: https://example.test/sub/"
    )
    log_path = tmp_path / "serve.log"
    with serving(config, log_path) as (root, proc):
        base = root + "sub/"
        wait_for(lambda: fetch(base + "a/flyer.pdf"), what="the first build")
        first = fetch(base + "a/flyer.pdf")
        assert "Trang A" in PdfReader(io.BytesIO(first)).pages[0].extract_text()
        assert b"qr.svg" in fetch(base + "a/")

        (config.parent / "docs" / "a.md").write_text(
            page("Trang A đã sửa", "## Các bước\n\n1. Hai.\n", extra=STEPS), encoding="utf-8"
        )
        wait_for(
            lambda: len(re.findall(r"flyers: .* \(en\)", log_path.read_text())) >= 2, what="rebuild"
        )
        rebuild = log_path.read_text().split("Building documentation")[-1]
        assert "flyers: 1 built, 4 from cache; print packs: 4 built (vi)" in log_path.read_text(), (
            log_path.read_text()
        )
        assert "flyers: 0 built, 5 from cache; print packs: 0 built (en)" in log_path.read_text()
        assert "Traceback" not in rebuild
        edited = fetch(base + "a/flyer.pdf")
        assert "Trang A đã sửa" in PdfReader(io.BytesIO(edited)).pages[0].extract_text()
        workers = _children(proc.pid)
        assert workers, "the flyer worker process should be running"
    # Killed outright, `mkdocs serve` cannot stop its worker: the worker must leave by itself.
    wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 30, "exit")


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out
