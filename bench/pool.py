"""How the cold flyer work scales with worker processes: the same pages' QR codes, flyers,
previews and posters made from an empty cache by a pool of 1, 2, ... workers, in alternating
rounds; and what an office's flyers cost (its box over each page's flyer and posters, and its
packs).

Run from the project folder:
      .venv/bin/python -m bench.pool                # 1 and 2 workers, 60 pages, 3 rounds
      .venv/bin/python -m bench.pool -w 1 -w 2 -w 3 -n 120
      .venv/bin/python -m bench.pool -w 1 -n 11 --offices 40
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
from vneid_site.flyers import jobs as flyer_jobs
from vneid_site.flyers.content import FlyerContent, Run, StepSection
from vneid_site.flyers.outputs import PageJob, page_keys, qr_base_key
from vneid_site.flyers.packs import PackJob, PackSpec
from vneid_site.flyers.pool import WorkerPool
from vneid_site.flyers.render import RenderSettings, fingerprint
from vneid_site.flyers.rules import PrintRules
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs

ORG = {
    "name": "Đơn vị thử",
    "department": "Hướng dẫn VNeID",
    "hotline": "0000",
    "contact": "Thông tin liên hệ thử.",
    "contact_note": "",
    "logo_svg": "",
}


def jobs(n: int, site_dir: Path, flyer_key: str, base: bool = False) -> list[PageJob]:
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
        keys = page_keys(
            content,
            flyer=True,
            base=base,
            org=ORG,
            rules=PrintRules(),
            flyer_key=flyer_key,
            qr_key=qr_base_key(),
        )
        out.append(PageJob(content, f"muc/trang-{i:04d}/", "bench", site_dir, keys, str(i)))
    return out


def office(i: int) -> dict[str, str]:
    """A test office (no real office, address or number)."""
    return {
        "id": f"phuong-{i}",
        "name": f"Bộ phận Một cửa Phường Thử {i}",
        "address": f"Số {i}, đường Thử, phường Thử {i}",
        "phone": f"0000 000 {i:03d}",
        "hours": "Thứ Hai–Thứ Sáu, 7:30–17:00",
    }


def worker_cpu() -> float:
    """CPU seconds the worker process that runs this has used (all its threads)."""
    return time.process_time()


def run(workers: int, n: int) -> tuple[float, float | None]:
    """Seconds for `workers` processes to make `n` pages' files from an empty cache, and with
    one worker the CPU seconds it spent on them."""
    with tempfile.TemporaryDirectory(prefix="bench-pool-") as name:
        tmp = Path(name)
        setup = _setup(tmp)
        pool = WorkerPool(workers)
        run = flyer_jobs.run
        try:
            # Start the processes (and Typst) before the clock: a build overlaps that with
            # MkDocs reading the pages.
            first = jobs(workers, tmp, setup.flyer_key)
            for future in [pool.submit(run, setup=setup, job=j) for j in first]:
                pool.result(future)
            todo = jobs(n, tmp / "site", setup.flyer_key)
            cpu = pool.result(pool.submit(worker_cpu)) if workers == 1 else None
            start = time.perf_counter()
            futures = [pool.submit(run, setup=setup, job=j) for j in todo]
            for future in futures:
                pool.result(future)
            seconds = time.perf_counter() - start
            if cpu is not None:
                cpu = pool.result(pool.submit(worker_cpu)) - cpu
            return seconds, cpu
        finally:
            pool.close()


def _setup(tmp: Path) -> flyer_jobs.Setup:
    templates = ROOT / "flyer-templates"
    settings = RenderSettings(
        templates, tuple(flyer_font_dirs()), FLYER_FAMILIES, Path("/"), tmp / "typst-data"
    )
    return flyer_jobs.Setup(settings, tmp / "cache", fingerprint(settings), ORG)


def office_cost(n: int, offices: int) -> dict[str, float]:
    """CPU ms of one worker per office flyer (a page's flyer and posters with an office's box,
    and its share of the office's four packs), `offices` offices of `n` pages, cold."""
    with tempfile.TemporaryDirectory(prefix="bench-offices-") as name:
        tmp = Path(name)
        setup = _setup(tmp)
        pool = WorkerPool(1)
        run = flyer_jobs.run
        try:
            pages = jobs(n, tmp / "site", setup.flyer_key, base=True)
            records = tuple(pool.result(pool.submit(run, setup=setup, job=j)) for j in pages)
            spec = PackSpec("vi", "Trang thử", ORG["department"], tmp / "site")
            # The site's own packs first: a build makes them too, and they warm the worker.
            pool.result(pool.submit(run, setup=setup, job=PackJob(spec, records)))
            cpu = pool.result(pool.submit(worker_cpu))
            todo = [PackJob(spec, records, office=office(i), src="bench") for i in range(offices)]
            for future in [pool.submit(run, setup=setup, job=j) for j in todo]:
                pool.result(future)
            cpu = pool.result(pool.submit(worker_cpu)) - cpu
        finally:
            pool.close()
    return {"office_flyers": n * offices, "cpu_ms_per_office_flyer": cpu / (n * offices) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-w", "--workers", type=int, action="append")
    parser.add_argument("-n", type=int, default=60, help="pages (flyers) per round")
    parser.add_argument("-r", "--rounds", type=int, default=3)
    parser.add_argument(
        "--offices", type=int, default=0, help="measure this many offices' flyers and packs"
    )
    args = parser.parse_args()
    if args.offices:
        costs = [office_cost(args.n, args.offices) for _ in range(args.rounds)]
        per = statistics.median(c["cpu_ms_per_office_flyer"] for c in costs)
        print(
            json.dumps(
                {"pages": args.n, "offices": args.offices, "cpu_ms_per_office_flyer": round(per, 2)}
            )
        )
        return
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
