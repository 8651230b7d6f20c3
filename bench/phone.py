"""Phone benchmark: a first visit to the site on a slow mobile link, in headless Chromium.

Builds the site for publication under a sub-path (or takes one already built), serves it on
127.0.0.1 with a handler that gzips text responses like a compressing web server, and opens
each page in Debian's Chromium at 390 × 844 with an empty cache, throttled to "slow 4G"
through the DevTools protocol. It is a benchmark, not a test: nothing fails.
By default the site is built for its local address, which stamps every flyer as a preview (a
red diagonal band, heavier preview images); --build-url builds it for a public address, as
published, and still serves it locally.

Run from the project folder:
      .venv/bin/python -m bench.phone                 (builds the site, 3 runs a page)
      .venv/bin/python -m bench.phone --build-url https://www.example.gov.vn/vneid/
      .venv/bin/python -m bench.phone -r 5 -v --json /tmp/phone.json
      .venv/bin/python -m bench.phone --site /tmp/www/vneid --url http://127.0.0.1:8613/vneid/
      .venv/bin/python -m bench.phone --serve         (build and serve only, e.g. for Lighthouse)
Needs the dev requirements (playwright) and /usr/bin/chromium; never `playwright install`.

Bytes: text responses (HTML, CSS, JS, JSON, SVG, XML) are counted as gzip level 6 of the body,
fonts and images as they are; KiB = 1024 bytes. Image bytes are all image/* responses (SVG
gzipped). Everything fetched until the network is idle counts, the search index included.
Times are from the start of navigation: the load event (loadEventStart) and the largest
contentful paint, each the median of the runs.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import json
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.http import SiteServer
from tests.support.sitebuild import ROOT, run_mkdocs

VIEWPORT = {"width": 390, "height": 844}
SUB_PATH = "/vneid/"
PAGES = {
    "guide (vi)": "huong-dan/dang-ky-vneid/",
    "flyers (vi)": "to-roi/",
    "home (vi)": "",
    "guide (en)": "en/huong-dan/dang-ky-vneid/",
}

# "Slow 4G" as issue 13 states it: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up
# (Lighthouse's mobile preset: the same round trip, 1.6 × 1024 kbit/s down).
# Network.emulateNetworkConditions takes bytes per second; 1 Mbit = 10^6 bit here.
LATENCY_MS = 150
DOWNLOAD_BYTES_PER_S = 1_600_000 // 8  # 200,000 B/s
UPLOAD_BYTES_PER_S = 750_000 // 8  # 93,750 B/s

GZIP_LEVEL = 6
KIB = 1024
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml")
TEXT_SUFFIXES = ("+json", "+xml")  # image/svg+xml, application/manifest+json


def is_text(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind.startswith(TEXT_TYPES) or kind.endswith(TEXT_SUFFIXES)


def is_font(content_type: str, url: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    path = urlsplit(url).path.lower()
    return kind.startswith(("font/", "application/font", "application/x-font")) or path.endswith(
        (".woff2", ".woff", ".ttf", ".otf")
    )


def is_image(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower().startswith("image/")


# -- the server ---------------------------------------------------------------------------------


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Gzips text bodies when the client accepts gzip, as a compressing web server does."""

    _gzipped: dict[tuple[str, float], bytes] = {}  # noqa: RUF012 - shared cache, by design
    _lock = threading.Lock()

    extensions_map = {  # noqa: RUF012 - same shape as the base class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".woff2": "font/woff2",
        ".ttf": "font/ttf",
        ".svg": "image/svg+xml",
        ".js": "text/javascript",
        ".json": "application/json",
        ".webp": "image/webp",
        ".map": "application/json",
    }

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash form
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not (accepts and is_text(ctype)):
            return super().send_head()
        body = self._gzip(path)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def _gzip(self, path: Path) -> bytes:
        key = (str(path), path.stat().st_mtime)
        with self._lock:
            if key not in self._gzipped:
                data = path.read_bytes()
                self._gzipped[key] = gzip.compress(data, GZIP_LEVEL, mtime=0)
            return self._gzipped[key]


def serve_root(root: Path, site_dir: Path, prefix: str) -> Path:
    """A folder in which `site_dir` sits at the sub-path `prefix` (a link to it if it is not
    there already): the server serves this folder, and nothing outside the sub-path."""
    parts = [p for p in prefix.split("/") if p]
    if not parts:
        return site_dir
    where = root.joinpath(*parts)
    if where.resolve() != site_dir.resolve():
        where.parent.mkdir(parents=True, exist_ok=True)
        where.symlink_to(site_dir, target_is_directory=True)
    return root


def build_site(site_dir: Path, url: str) -> None:
    start = time.perf_counter()
    build = run_mkdocs(ROOT / "mkdocs.yml", site_dir, url, "-q")
    if build.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{build.log}")
    print(f"built {site_dir} for {url} in {time.perf_counter() - start:.1f} s", file=sys.stderr)


# -- one visit ----------------------------------------------------------------------------------


@dataclass
class Response:
    url: str
    status: int
    content_type: str
    body_bytes: int
    counted_bytes: int  # gzipped if text, as is otherwise
    start_ms: float  # request started, from navigation start (Resource Timing; -1: not known)
    end_ms: float  # response finished (-1: not known)


@dataclass
class Visit:
    bytes: int
    font_bytes: int
    image_bytes: int
    requests: int
    load_ms: float
    lcp_ms: float | None
    lcp_element: str | None
    responses: list[Response] = field(default_factory=list)


LCP_SCRIPT = """() => new Promise(resolve => {
  let last = null;
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    if (entries.length) last = entries[entries.length - 1];
  }).observe({type: 'largest-contentful-paint', buffered: true});
  const nav = performance.getEntriesByType('navigation')[0];
  requestAnimationFrame(() => setTimeout(() => resolve({
    lcp: last ? last.startTime : null,
    lcpElement: last && last.element ? last.element.tagName.toLowerCase() +
      (last.element.className ? '.' + String(last.element.className).split(' ')[0] : '') : null,
    load: nav ? nav.loadEventStart : null,
  }), 100));
})"""


def visit(browser: Any, url: str, settle_ms: int, dpr: float) -> Visit:
    """Open `url` in a fresh context (empty cache) on slow 4G and measure it."""
    context = browser.new_context(
        viewport=VIEWPORT, device_scale_factor=dpr, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": LATENCY_MS,
                "downloadThroughput": DOWNLOAD_BYTES_PER_S,
                "uploadThroughput": UPLOAD_BYTES_PER_S,
            },
        )
        seen: list[Any] = []
        page.on("response", lambda response: seen.append(response))
        page.goto(url, wait_until="load", timeout=120_000)
        # What a first visit fetches after the load event too (late fonts, the search index).
        with contextlib.suppress(PlaywrightError):  # one that never idles is measured as is
            page.wait_for_load_state("networkidle", timeout=60_000)
        page.wait_for_timeout(settle_ms)
        timing = page.evaluate(LCP_SCRIPT)
        times = resource_times(page)
        responses = [_count(r, times) for r in seen]
    finally:
        context.close()
    return Visit(
        bytes=sum(r.counted_bytes for r in responses),
        font_bytes=sum(r.counted_bytes for r in responses if is_font(r.content_type, r.url)),
        image_bytes=sum(r.counted_bytes for r in responses if is_image(r.content_type)),
        requests=len(responses),
        load_ms=float(timing["load"]),
        lcp_ms=None if timing["lcp"] is None else float(timing["lcp"]),
        lcp_element=timing["lcpElement"],
        responses=responses,
    )


RESOURCES_SCRIPT = """() => [performance.timeOrigin, [
  ...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource'),
].map(e => [e.name, e.startTime, e.responseEnd])]"""


def resource_times(page: Any) -> dict[str, list[tuple[float, float]]]:
    """Start and end of each request, in ms from the page's navigation start (Resource Timing).

    The search worker's requests are in the worker's own timeline: moved to the page's clock.
    """
    page_origin, entries = page.evaluate(RESOURCES_SCRIPT)
    times: dict[str, list[tuple[float, float]]] = {}
    for name, start, end in entries:
        times.setdefault(name, []).append((start, end))
    for worker in page.workers:
        with contextlib.suppress(PlaywrightError):
            origin, entries = worker.evaluate(RESOURCES_SCRIPT)
            shift = origin - page_origin
            for name, start, end in entries:
                times.setdefault(name, []).append((start + shift, end + shift))
    return times


def _count(response: Any, times: dict[str, list[tuple[float, float]]]) -> Response:
    ctype = response.headers.get("content-type", "")
    try:
        body = response.body()
    except PlaywrightError:  # redirects and aborted loads have no body
        body = b""
    counted = len(gzip.compress(body, GZIP_LEVEL, mtime=0)) if is_text(ctype) else len(body)
    start, end = times[response.url].pop(0) if times.get(response.url) else (-1.0, -1.0)
    return Response(response.url, response.status, ctype, len(body), counted, start, end)


# -- the report ---------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def summarise(name: str, path: str, runs: list[Visit]) -> dict[str, Any]:
    lcps = [v.lcp_ms for v in runs if v.lcp_ms is not None]
    last = runs[-1]
    return {
        "page": name,
        "path": path,
        "runs": len(runs),
        "bytes": round(median([v.bytes for v in runs])),
        "font_bytes": round(median([v.font_bytes for v in runs])),
        "image_bytes": round(median([v.image_bytes for v in runs])),
        "requests": round(median([v.requests for v in runs])),
        "load_ms": round(median([v.load_ms for v in runs])),
        "lcp_ms": round(median(lcps)) if lcps else None,
        "load_ms_all": [round(v.load_ms) for v in runs],
        "lcp_ms_all": [None if v.lcp_ms is None else round(v.lcp_ms) for v in runs],
        "lcp_element": last.lcp_element,
        "responses": [asdict(r) for r in last.responses],
    }


def table(rows: list[dict[str, Any]]) -> str:
    head = ("page", "KiB", "font KiB", "image KiB", "requests", "load s", "LCP s")
    lines = [
        "| " + " | ".join(head) + " |",
        "|---|" + "---:|" * (len(head) - 1),
    ]
    for row in rows:
        lcp = "–" if row["lcp_ms"] is None else f"{row['lcp_ms'] / 1000:.2f}"
        cells = (
            row["page"] if row["page"] == row["path"] else f"{row['page']} `{row['path'] or '/'}`",
            f"{row['bytes'] / KIB:,.0f}",
            f"{row['font_bytes'] / KIB:,.0f}",
            f"{row['image_bytes'] / KIB:,.0f}",
            str(row["requests"]),
            f"{row['load_ms'] / 1000:.2f}",
            lcp,
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def requests_table(row: dict[str, Any], base: str) -> str:
    lines = [
        f"{row['page']}: requests of the last run (LCP element: {row['lcp_element']})",
        f"  {'counted':>9} {'body':>9} {'start s':>7} {'end s':>7}  {'type':<24} url",
    ]
    for r in row["responses"]:
        url = r["url"].removeprefix(base)
        kind = r["content_type"].split(";")[0]
        times = f"{r['start_ms'] / 1000:7.2f} {r['end_ms'] / 1000:7.2f}"
        lines.append(f"  {r['counted_bytes']:>9,} {r['body_bytes']:>9,} {times}  {kind:<24} {url}")
    return "\n".join(lines)


# -- main ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-r", "--runs", type=int, default=3, help="runs a page (median)")
    parser.add_argument("--site", type=Path, help="an already built site folder")
    parser.add_argument(
        "--url", help="where to serve it (with --site): http://127.0.0.1:PORT/sub-path/"
    )
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument(
        "--page", action="append", help="a path under the site to measure instead (repeatable)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every request")
    parser.add_argument(
        "--dpr", type=float, default=3, help="device pixel ratio (3: a 390 px wide phone)"
    )
    parser.add_argument("--settle-ms", type=int, default=500, help="wait after network idle")
    parser.add_argument(
        "--serve", action="store_true", help="only serve the site until interrupted"
    )
    parser.add_argument(
        "--build-url",
        help="build for this site_url instead of the local address (served locally all the same; "
        "a local site_url stamps every flyer as a preview)",
    )
    args = parser.parse_args(argv)
    if (args.site is None) != (args.url is None):
        parser.error("--site and --url go together")
    if args.site and args.build_url:
        parser.error("--build-url builds the site: not with --site")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="phone-bench-"))
    if args.site:
        split = urlsplit(args.url)
        if split.hostname != "127.0.0.1" or not split.port:
            raise SystemExit("--url must be http://127.0.0.1:PORT/sub-path/")
        prefix = split.path if split.path.endswith("/") else split.path + "/"
        server = SiteServer(GzipHandler, split.port)
        site_dir, url = args.site.resolve(), f"http://127.0.0.1:{split.port}{prefix}"
    else:
        prefix = urlsplit(args.build_url).path if args.build_url else SUB_PATH
        prefix = prefix if prefix.endswith("/") else prefix + "/"
        server = SiteServer(GzipHandler)  # bound first: the build needs the port
        site_dir = tmp.joinpath("www", *[p for p in prefix.split("/") if p])
        url = f"http://127.0.0.1:{server.port}{prefix}"
        build_site(site_dir, args.build_url or url)
    server.start(serve_root(tmp / "www", site_dir, prefix))
    try:
        if args.serve:
            # `kill PID` ends it as Ctrl-C does, so the temporary folder goes too.
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            print(f"serving {site_dir} at {url} (Ctrl-C to stop)", flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
        pages = {p: p for p in args.page} if args.page else PAGES
        rows = measure(url, pages, args.runs, args.settle_ms, args.dpr)
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"\nslow 4G: {LATENCY_MS} ms, {DOWNLOAD_BYTES_PER_S * 8 / 1e6:g} Mbit/s down, "
        f"{UPLOAD_BYTES_PER_S * 8 / 1e3:g} kbit/s up; {VIEWPORT['width']} × "
        f"{VIEWPORT['height']} at {args.dpr:g}×; median of {args.runs} run(s); "
        f"text gzipped (level {GZIP_LEVEL})\n"
    )
    print(table(rows))
    if args.verbose:
        for row in rows:
            print("\n" + requests_table(row, url))
    if args.json:
        meta = {
            "url": url,
            "latency_ms": LATENCY_MS,
            "download_bytes_per_s": DOWNLOAD_BYTES_PER_S,
            "upload_bytes_per_s": UPLOAD_BYTES_PER_S,
            "viewport": VIEWPORT,
            "device_pixel_ratio": args.dpr,
            "runs": args.runs,
        }
        args.json.write_text(json.dumps({"settings": meta, "pages": rows}, indent=1) + "\n")
    return 0


def measure(
    url: str, pages: dict[str, str], runs: int, settle_ms: int, dpr: float
) -> list[dict[str, Any]]:
    results: dict[str, list[Visit]] = {name: [] for name in pages}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for run in range(runs):  # rounds alternate pages, so a busy moment hits them all
                for name, path in pages.items():
                    seen = visit(browser, url + path, settle_ms, dpr)
                    results[name].append(seen)
                    print(
                        f"run {run + 1}/{runs} {name}: {seen.bytes / KIB:,.0f} KiB, "
                        f"load {seen.load_ms / 1000:.2f} s",
                        file=sys.stderr,
                    )
        finally:
            browser.close()
    return [summarise(name, pages[name], results[name]) for name in pages]


if __name__ == "__main__":
    sys.exit(main())
