"""How the cold flyer work scales with worker processes: the same pages' QR codes, flyers and
previews made from an empty cache by a pool of 1, 2, ... workers, in alternating rounds.

Run from the project folder:
      .venv/bin/python -m bench.pool                # 1 and 2 workers, 60 pages, 3 rounds
      .venv/bin/python -m bench.pool -w 1 -w 2 -w 3 -n 120
On a machine with C cores a build uses C - 1 workers (MkDocs renders on the last one), so the
ratio between 1 and 2 workers here is what a 4-core runner gains over a 2-core one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.synthetic import VI_WORDS
from tests.support.sitebuild import ROOT
from vneid_site.flyers import worker
from vneid_site.flyers.content import FlyerContent, Run, StepSection
from vneid_site.flyers.outputs import PageJob
from vneid_site.flyers.pool import WorkerPool
from vneid_site.flyers.render import RenderSettings, fingerprint
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs

ORG = {
    "name": "Đơn vị thử",
    "department": "Hướng dẫn VNeID",
    "hotline": "0000",
    "contact": "Thông tin liên hệ thử.",
    "contact_note": "",
    "logo_svg": "",
}


def jobs(n: int, site_dir: Path) -> list[PageJob]:
    words = " ".join(VI_WORDS)
    out = []
    for i in range(n):
        steps = tuple((Run(f"Bước {k} ({i}): {words[: 60 + k * 7]}."),) for k in range(6))
        content = FlyerContent(
            lang="vi",
            title=f"Trang thử số {i}: {words[:40]}",
            url=f"https://bench.example.gov.vn/vneid/muc/trang-{i:04d}/",
            summary=words[:120],
            sections=(StepSection("Các bước thực hiện", steps),),
            updated="30/11/2026",
        )
        out.append(PageJob(content, f"muc/trang-{i:04d}/", "bench", site_dir, True, str(i)))
    return out


def worker_cpu() -> float:
    """CPU seconds the worker process that runs this has used (all its threads)."""
    return time.process_time()


def run(workers: int, n: int) -> tuple[float, float | None]:
    """Seconds for `workers` processes to make `n` pages' files from an empty cache, and with
    one worker the CPU seconds it spent on them."""
    templates = ROOT / "flyer-templates"
    settings = RenderSettings(templates, tuple(flyer_font_dirs()), FLYER_FAMILIES, Path("/"))
    with tempfile.TemporaryDirectory(prefix="bench-pool-") as name:
        tmp = Path(name)
        setup = worker.Setup(settings, tmp / "cache", fingerprint(settings), ORG)
        pool = WorkerPool(workers)
        try:
            # Start the processes (and Typst) before the clock: a build overlaps that with
            # MkDocs reading the pages.
            warm = [pool.submit(worker.build_page, setup=setup, job=j) for j in jobs(workers, tmp)]
            for future in warm:
                pool.result(future)
            todo = jobs(n, tmp / "site")
            cpu = pool.result(pool.submit(worker_cpu)) if workers == 1 else None
            start = time.perf_counter()
            futures = [pool.submit(worker.build_page, setup=setup, job=j) for j in todo]
            for future in futures:
                pool.result(future)
            seconds = time.perf_counter() - start
            if cpu is not None:
                cpu = pool.result(pool.submit(worker_cpu)) - cpu
            return seconds, cpu
        finally:
            pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-w", "--workers", type=int, action="append")
    parser.add_argument("-n", type=int, default=60, help="pages (flyers) per round")
    parser.add_argument("-r", "--rounds", type=int, default=3)
    args = parser.parse_args()
    counts = args.workers or [1, 2]
    times: dict[int, list[float]] = {w: [] for w in counts}
    cpus: list[float] = []
    for _ in range(args.rounds):
        for w in counts:
            seconds, cpu = run(w, args.n)
            times[w].append(seconds)
            if cpu is not None:
                cpus.append(cpu)
    med = {w: statistics.median(t) for w, t in times.items()}
    base = med[counts[0]]
    print(
        json.dumps(
            {
                "pages": args.n,
                "seconds": {w: round(s, 2) for w, s in med.items()},
                "ms_per_flyer": {w: round(s / args.n * 1000, 1) for w, s in med.items()},
                "speedup": {w: round(base / s, 2) for w, s in med.items()},
                # What one page's QR code, flyer, previews and posters cost, wherever they run.
                "cpu_ms_per_flyer_1_worker": round(statistics.median(cpus) / args.n * 1000, 1)
                if cpus
                else None,
            }
        )
    )


if __name__ == "__main__":
    main()
