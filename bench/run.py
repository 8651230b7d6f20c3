"""Build-time benchmark: plain MkDocs vs this project's hooks, cold, warm and incremental.

Run from the project folder:
      .venv/bin/python -m bench.run            (N = 20, 200 and 500 pages per language)
      .venv/bin/python -m bench.run -n 200 -r 5
Every figure is measured in the same run, rounds alternating, and reported as a ratio to the
plain build (the floor), so a busy machine slows both sides alike.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import vneid_site
from bench.synthetic import offices_csv, site_pages
from tests.support.sitebuild import ROOT, make_fixture_project
from vneid_site.flyers.packs import office_folder

SITE_URL = "https://bench.example.gov.vn/vneid/"
KINDS = ("cold", "warm", "incremental")  # the project's builds, each against the plain one


@dataclass
class Sample:
    seconds: float
    peak_mb: float
    cpu: float = 0.0  # CPU seconds of the build and every process it started (user + system)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def timed_build(config: Path, site: Path, python: str = sys.executable) -> Sample:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    cmd = [python, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen(cmd, cwd=config.parent, env=env, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    # The workers are waited for by the build, so their time is counted in the build's.
    cpu = _children_cpu() - cpu
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({config.name}):\n{err}")
    return Sample(seconds, peak / 1024, cpu)


def make_project(tmp: Path, n: int, offices: int = 0) -> tuple[Path, Path, Path]:
    """The synthetic project (as the tests make fixture projects), with its hooked and its
    plain (no hooks) configuration; with `offices`, an offices file of that many rows."""
    extra = "extra:\n  flyers:\n    offices: offices.csv\n" if offices else ""
    hooked = make_fixture_project(tmp, site_pages(n), extra)
    if offices:
        (tmp / "offices.csv").write_text(offices_csv(offices), encoding="utf-8")
    edited = tmp / "docs" / "muc-00" / "trang-0001.md"
    return hooked, plain_config(hooked), edited


def plain_config(hooked: Path, name: str = "mkdocs-plain.yml", extra: str = "") -> Path:
    """Plain MkDocs on the pages of `hooked` (none of this project's hooks), with `extra` YAML;
    written next to it."""
    config = hooked.parent / name
    config.write_text(f"INHERIT: {hooked}\nhooks: []\n{extra}", encoding="utf-8")
    return config


def _peer_config(hooked: Path) -> Path:
    """The plain site with mkdocs-to-pdf added (WeasyPrint, one PDF for the whole site)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("!ENV", lambda loader, node: None)
    project = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    plugins = [*project["plugins"], {"to-pdf": {"output_path": "pdf/site.pdf"}}]
    return plain_config(
        hooked, "mkdocs-peer.yml", yaml.safe_dump({"plugins": plugins}, allow_unicode=True)
    )


def bench_peer(n: int, rounds: int, python: str) -> dict:
    """mkdocs-to-pdf against the plain build, both run by `python` (a venv that has it)."""
    with tempfile.TemporaryDirectory(prefix=f"bench-peer-{n}-") as name:
        tmp = Path(name)
        hooked, plain, _ = make_project(tmp, n)
        peer = _peer_config(hooked)
        runs: dict[str, list[Sample]] = {"plain": [], "mkdocs-to-pdf": []}
        for _ in range(rounds):
            runs["plain"].append(timed_build(plain, tmp / "site-plain", python))
            runs["mkdocs-to-pdf"].append(timed_build(peer, tmp / "site-peer", python))
    med = {k: statistics.median(s.seconds for s in v) for k, v in runs.items()}
    return {
        "peer": "mkdocs-to-pdf",
        "pages_per_language": n,
        "seconds": {k: round(v, 2) for k, v in med.items()},
        "ratio": round(med["mkdocs-to-pdf"] / med["plain"], 2),
    }


def bench(n: int, rounds: int, offices: int = 0, where: Path | None = None) -> dict:
    """`where`: the folder to build in (default: the system's temporary folder)."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{n}-", dir=where) as name:
        tmp = Path(name)
        hooked, plain, edited = make_project(tmp, n, offices)
        cache = tmp / ".cache"
        # The project's bytecode, as Python writes it on a first import (and `make site` where
        # PYTHONDONTWRITEBYTECODE is set): no build is timed compiling the modules.
        for folder in (Path(vneid_site.__file__).parent, tmp / "hooks"):
            compileall.compile_dir(folder, quiet=1)
        runs: dict[str, list[Sample]] = {k: [] for k in ("plain", *KINDS)}
        timed_build(plain, tmp / "site-plain")  # warm the OS file cache and bytecode once
        for r in range(rounds):
            runs["plain"].append(timed_build(plain, tmp / "site-plain"))
            shutil.rmtree(cache, ignore_errors=True)
            runs["cold"].append(timed_build(hooked, tmp / "site"))
            runs["warm"].append(timed_build(hooked, tmp / "site"))
            # An edit that reaches the flyer: its first step.
            text = edited.read_text(encoding="utf-8")
            edited.write_text(text.replace("\n1. ", f"\n1. (Lần {r}) ", 1), encoding="utf-8")
            runs["incremental"].append(timed_build(hooked, tmp / "site"))
        flyers = len(list((tmp / "site").rglob("flyer.pdf")))
        office_packs = len(list((tmp / "site").glob(f"{office_folder('*')}/*.pdf")))
    med = {k: statistics.median(s.seconds for s in v) for k, v in runs.items()}
    mem = {k: statistics.median(s.peak_mb for s in v) for k, v in runs.items()}
    cpu = {k: statistics.median(s.cpu for s in v) for k, v in runs.items()}
    # Every office gets each page's flyer again, with its own contact box.
    office_flyers = flyers * offices
    return {
        "pages_per_language": n,
        "offices": offices,
        "flyers": flyers,
        "office_flyers": office_flyers,
        "office_packs": office_packs,
        "seconds": {k: round(v, 2) for k, v in med.items()},
        "peak_mb": {k: round(v, 1) for k, v in mem.items()},
        "ratio": {k: round(med[k] / med["plain"], 2) for k in KINDS},
        # CPU time is what a busy machine disturbs least: the work itself, on every core.
        "cpu_seconds": {k: round(v, 2) for k, v in cpu.items()},
        "cpu_ratio": {k: round(cpu[k] / cpu["plain"], 2) for k in KINDS},
        "memory_ratio": {k: round(mem[k] / mem["plain"], 2) for k in KINDS},
        "cold_ms_per_flyer": round(
            (med["cold"] - med["plain"]) / max(flyers + office_flyers, 1) * 1000, 1
        ),
        "plain_ms_per_page": round(med["plain"] / (2 * n) * 1000, 1),
        "cold_ms_per_page": round(med["cold"] / (2 * n) * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, action="append", help="pages per language (repeatable)")
    parser.add_argument("-r", "--rounds", type=int, default=3)
    parser.add_argument(
        "--offices",
        type=int,
        action="append",
        help="rows in a synthetic offices file (repeatable; default 0)",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--dir",
        type=Path,
        help="build in this folder, e.g. /dev/shm: on a disk the file system's own bookkeeping "
        "for files that earlier builds deleted adds noise (bench/README.md, 2026-12-06)",
    )
    parser.add_argument(
        "--peer-python",
        help="a Python whose environment has mkdocs-to-pdf: measure it instead, against "
        "the plain build run by that same Python",
    )
    args = parser.parse_args()
    sizes = args.n or [20, 200, 500]
    if args.peer_python:
        for n in sizes:
            print(json.dumps(bench_peer(n, args.rounds, args.peer_python)), flush=True)
        return
    results = []
    for n in sizes:
        for offices in args.offices or [0]:
            result = bench(n, args.rounds, offices, args.dir)
            results.append(result)
            print(json.dumps(result, ensure_ascii=False), flush=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(
            f"per-page cost, N={first['pages_per_language']} -> N={last['pages_per_language']}: "
            f"plain {first['plain_ms_per_page']} -> {last['plain_ms_per_page']} ms, "
            f"hooked cold {first['cold_ms_per_page']} -> {last['cold_ms_per_page']} ms"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
