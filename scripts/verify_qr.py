#!/usr/bin/env python3
"""Read back every QR code of a built site as a phone would, and check that each opens exactly
its own page's address under the site's address, before anything is published.

    python scripts/verify_qr.py --site-url https://www.example.gov.vn/vneid/ site
    SITE_URL=https://www.example.gov.vn/vneid/ python scripts/verify_qr.py site

Checked: every page's qr.png and qr.svg, the main (largest) code of every page's flyer.pdf,
and the main codes of every other PDF (the print packs), which must open pages of the site;
and every other code, on any page of any PDF and in any image of the site, which must open
the site or an https address on a host that QR codes may open (extra.flyers.qr_hosts in
mkdocs.yml, or --qr-host), without a user name.
Needs requirements-verify.txt (make verify-qr installs it). Exit status: 0 when every code
is right, 1 naming each one that is not, 2 when the command is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from PIL import Image

from vneid_site.flyers.qr_targets import allowed_hosts, target_problem
from vneid_site.project import ProjectConfigError, load_settings
from vneid_site.qr_check import Code, pdf_pages, read_qr, svg_to_image

ROOT = Path(__file__).resolve().parents[1]
PDF_DPI = 150  # the flyer's 48 mm code is about 8 pixels a module at this resolution
MAIN_SHARE = 0.9  # codes at least this share of the widest on a page are main codes
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


def png_codes(path: Path) -> list[Code]:
    with Image.open(path) as image:
        return read_qr(image.convert("L"))


def svg_codes(path: Path) -> list[Code]:
    return read_qr(svg_to_image(path.read_text(encoding="utf-8")))


def pdf_codes(path: Path) -> Iterator[list[Code]]:
    """The codes of each page of a PDF, page by page."""
    return (read_qr(image) for image in pdf_pages(path, PDF_DPI))


def main_codes(codes: list[Code]) -> list[Code]:
    widest = max((code.width for code in codes), default=0)
    return [code for code in codes if code.width >= MAIN_SHARE * widest]


def other_codes(codes: list[Code]) -> list[Code]:
    main = main_codes(codes)
    return [code for code in codes if code not in main]


def image_codes(path: Path) -> list[Code]:
    """The codes in any image of the site; ValueError when it cannot be read."""
    try:
        return svg_codes(path) if path.suffix.lower() == ".svg" else png_codes(path)
    except (OSError, RuntimeError, SyntaxError, ValueError) as err:
        raise ValueError(str(err).splitlines()[0] if str(err) else type(err).__name__) from None


def page_address(site: Path, html: Path, site_url: str) -> str:
    """The published address of a built page: 'a/b/index.html' -> site_url + 'a/b/'."""
    rel = html.relative_to(site).as_posix()
    return urljoin(site_url, rel.removesuffix("index.html"))


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


class Report:
    def __init__(self, site: Path, site_url: str, hosts: frozenset[str]) -> None:
        self.site = site
        self.site_url = site_url
        self.hosts = hosts
        self.problems: list[str] = []
        self.checked = 0

    def name(self, path: Path) -> str:
        return (Path(self.site.name) / path.relative_to(self.site)).as_posix()

    def expect(self, path: Path, codes: list[Code], wanted: str, what: str) -> None:
        self.checked += 1
        found = [code.text for code in codes]
        if not found:
            self.problems.append(f"{self.name(path)}: {what}: no QR code can be read")
        elif found != [wanted]:
            opens = ", ".join(found)
            self.problems.append(f"{self.name(path)}: {what} opens {opens}, not {wanted}")

    def allowed(self, path: Path, codes: list[Code], what: str) -> None:
        """Codes other than a page's own: the site, or an allowed https host."""
        for code in codes:
            self.checked += 1
            if code.text.startswith(self.site_url):
                continue
            why = target_problem(code.text, self.hosts)
            if why is not None:
                self.problems.append(f"{self.name(path)}: {what} opens {code.text}: {why[0]}")


def verify(site: Path, site_url: str, hosts: frozenset[str] = frozenset()) -> Report:
    report = Report(site, site_url, hosts)
    addresses: set[str] = set()
    own: set[Path] = set()  # the pages' own qr.png and qr.svg
    for html in pages(site):
        folder, wanted = html.parent, page_address(site, html, site_url)
        addresses.add(wanted)
        if html.name != "index.html":
            continue  # the site uses folder addresses: a page is a folder's index.html
        png, svg = folder / "qr.png", folder / "qr.svg"
        own.update((png, svg))
        for path in (png, svg):
            if not path.is_file():
                report.problems.append(f"{report.name(path)}: missing ({report.name(html)})")
        if png.is_file():
            report.expect(png, png_codes(png), wanted, "the QR image")
        if svg.is_file():
            report.expect(svg, svg_codes(svg), wanted, "the QR image")
    for pdf in sorted(site.rglob("*.pdf")):
        flyer = pdf.name == "flyer.pdf"
        wanted = page_address(site, pdf.parent / "index.html", site_url)
        for number, codes in enumerate(pdf_codes(pdf), start=1):
            if flyer and number == 1:
                report.expect(pdf, main_codes(codes), wanted, "the flyer's main QR code")
            elif not flyer:
                for code in main_codes(codes):
                    report.checked += 1
                    if code.text not in addresses:
                        report.problems.append(
                            f"{report.name(pdf)}: page {number}: a flyer's main QR code opens "
                            f"{code.text}, which is no page of {site_url}"
                        )
            rest = codes if flyer and number > 1 else other_codes(codes)
            report.allowed(pdf, rest, f"page {number}: a QR code")
    for image in sorted(p for p in site.rglob("*") if p.suffix.lower() in IMAGES):
        if image in own or not image.is_file():
            continue
        try:
            codes = image_codes(image)
        except ValueError as err:
            report.problems.append(
                f"{report.name(image)}: cannot be read to look for QR codes ({err})"
            )
            continue
        report.allowed(image, codes, "a QR code in this image")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="built site")
    parser.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL"),
        help="the address the site is published at (default: $SITE_URL)",
    )
    parser.add_argument(
        "--qr-host",
        action="append",
        metavar="HOST",
        help="a host other QR codes may open (default: extra.flyers.qr_hosts in mkdocs.yml)",
    )
    args = parser.parse_args(argv)
    if not args.site_url or not urlsplit(args.site_url).netloc:
        print(
            "verify_qr: the site's address is not known\n"
            "fix: pass --site-url https://your.host/sub/path/ or set SITE_URL, as for the build",
            file=sys.stderr,
        )
        return 2
    site_url = args.site_url if args.site_url.endswith("/") else args.site_url + "/"
    if not (args.site / "index.html").is_file():
        print(f"verify_qr: {args.site} holds no built site (no index.html)", file=sys.stderr)
        print(
            "fix: build it first (make site), or name the folder it was built into", file=sys.stderr
        )
        return 2
    try:
        listed = args.qr_host if args.qr_host is not None else load_settings(ROOT).qr_hosts
    except ProjectConfigError as err:
        print(f"verify_qr: {err}", file=sys.stderr)
        return 2
    report = verify(args.site, site_url, allowed_hosts(site_url, listed))
    for problem in report.problems:
        print(problem)
    if report.problems:
        print(
            f"\n{len(report.problems)} QR code problem(s): nothing of this build may be published."
        )
        return 1
    print(
        f"{report.checked} QR codes checked: each opens its own page under {site_url}, "
        "or a host that QR codes may open"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
