"""Large and hostile pages: this project's build against plain MkDocs on the same pages.

Run from the project folder:
      .venv/bin/python -m bench.large_pages          (3 rounds)
      .venv/bin/python -m bench.large_pages -r 5
Cases: a 1 MB page in each language (prose, links and many distinct English words, for the
link and word-form passes), and a page of 234 KB of unclosed <a> tags. The ratio to the plain
build of the same pages is what matters: the project's passes are linear, so it stays small.
Every build of the project starts with an empty cache (.cache/), as a first build does.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
from pathlib import Path

from bench.run import Sample, plain_config, timed_build
from tests.support.large_pages import large_page, unclosed_links
from tests.support.sitebuild import make_fixture_project, page

CASES = {
    "1 MB page": lambda: {
        "lon.md": large_page(1_000_000, "Trang lớn"),
        "lon.en.md": large_page(1_000_000, "Large page", seed=4),
    },
    "234 KB of unclosed <a>": lambda: {
        "mo.md": unclosed_links(234_000, "Liên kết không đóng"),
        "mo.en.md": unclosed_links(234_000, "Unclosed links"),
    },
}


def bench(case: str, rounds: int) -> dict:
    pages = {
        "index.md": page("Trang chủ", "Trang chủ.", "Trang chủ."),
        "index.en.md": page("Home", "Home page.", "Home page."),
        **CASES[case](),
    }
    with tempfile.TemporaryDirectory(prefix="bench-large-") as name:
        tmp = Path(name)
        hooked = make_fixture_project(tmp, pages)
        plain = plain_config(hooked)
        runs: dict[str, list[Sample]] = {"plain": [], "project": []}
        for _ in range(rounds):
            runs["plain"].append(timed_build(plain, tmp / "site-plain"))
            shutil.rmtree(tmp / ".cache", ignore_errors=True)  # cold: nothing from a last build
            runs["project"].append(timed_build(hooked, tmp / "site"))
    med = {k: statistics.median(s.seconds for s in v) for k, v in runs.items()}
    return {
        "case": case,
        "source_bytes": sum(len(t.encode("utf-8")) for t in pages.values()),
        "seconds": {k: round(v, 2) for k, v in med.items()},
        "ratio": round(med["project"] / med["plain"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--rounds", type=int, default=3)
    args = parser.parse_args()
    for case in CASES:
        print(json.dumps(bench(case, args.rounds), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
