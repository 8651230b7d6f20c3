"""Warm builds of the project's own site (docs/, in its git checkout) against plain MkDocs on the
same pages, rounds alternating; the cache is the project's own .cache/, made once first.

      .venv/bin/python -m bench.real_site            (8 rounds)
      .venv/bin/python -m bench.real_site -r 12
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import tempfile
from pathlib import Path

from bench.run import timed_build
from tests.support.sitebuild import ROOT


def bench(rounds: int) -> dict:
    # As bench.run: the bytecode written first, so that no build is timed compiling modules.
    for folder in ("src", "hooks"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    hooked = ROOT / "mkdocs.yml"
    # Beside mkdocs.yml, so that the theme's custom_dir resolves as it does for the project.
    plain = ROOT / ".bench-plain.yml"
    plain.write_text("INHERIT: mkdocs.yml\nhooks: []\n", encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-real-") as name:
            out = Path(name)
            timed_build(plain, out / "plain")
            timed_build(hooked, out / "site")  # the cache, if it was not made yet
            runs: dict[str, list] = {"plain": [], "warm": []}
            for _ in range(rounds):
                runs["plain"].append(timed_build(plain, out / "plain"))
                runs["warm"].append(timed_build(hooked, out / "site"))
    finally:
        plain.unlink(missing_ok=True)
    sec = {k: statistics.median(s.seconds for s in v) for k, v in runs.items()}
    cpu = {k: statistics.median(s.cpu for s in v) for k, v in runs.items()}
    return {
        "pages": len(list((ROOT / "docs").rglob("*.md"))),
        "seconds": {k: round(v, 3) for k, v in sec.items()},
        "ratio": round(sec["warm"] / sec["plain"], 3),
        "cpu_ratio": round(cpu["warm"] / cpu["plain"], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--rounds", type=int, default=8)
    print(json.dumps(bench(parser.parse_args().rounds)))


if __name__ == "__main__":
    main()
