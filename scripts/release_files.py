#!/usr/bin/env python3
"""Pack a built site for a webmaster who uploads files by hand: one zip of the whole site,
and one zip of every flyer PDF under a readable name (vi/huong-dan/dang-ky-vneid.pdf), every
poster in posters/ (posters/vi/huong-dan/dang-ky-vneid-a3.pdf), with the print packs, and
each office's packs in a folder of its own (offices/<id>/).

    python scripts/release_files.py --site site --out dist --version v1.2.0
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from vneid_site.flyers.packs import FOLDER, office_folder
from vneid_site.i18n.languages import Languages
from vneid_site.project import ProjectConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def _zip(target: Path, entries: list[tuple[str, Path]]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in sorted(entries):
            archive.write(path, name)


def pack(site: Path, out: Path, version: str, languages: Languages) -> tuple[Path, Path]:
    """Write site-<version>.zip and flyers-<version>.zip into `out`; return their paths."""
    files = [p for p in site.rglob("*") if p.is_file()]
    site_zip = out / f"site-{version}.zip"
    _zip(site_zip, [(f"site-{version}/{p.relative_to(site).as_posix()}", p) for p in files])
    flyers: dict[str, Path] = {}
    for pdf in site.rglob("flyer.pdf"):
        name = languages.archive_name(pdf.relative_to(site).as_posix())
        if name in flyers:
            raise SystemExit(f"two flyers would be called {name}: {flyers[name]} and {pdf}")
        flyers[name] = pdf
    if not flyers:
        raise SystemExit(f"{site}: no flyer.pdf found; build the site first")
    # The large-print posters beside each flyer, A4 and A3.
    for paper in ("a4", "a3"):
        for pdf in site.rglob(f"poster-{paper}.pdf"):
            name = languages.archive_name(pdf.relative_to(site).as_posix())
            flyers[f"posters/{name.removesuffix('.pdf')}-{paper}.pdf"] = pdf
    # The print packs (every flyer of a language in one PDF), when the site has them.
    for pack in (site / FOLDER).glob("*.pdf"):
        flyers[f"print-packs/{pack.name}"] = pack
    # Each office's own packs, in a folder per office (extra.flyers.offices).
    for pack in site.glob(f"{office_folder('*')}/*.pdf"):
        flyers[f"offices/{pack.parent.name}/{pack.name}"] = pack
    flyers_zip = out / f"flyers-{version}.zip"
    _zip(flyers_zip, [(f"flyers-{version}/{name}", pdf) for name, pdf in flyers.items()])
    return site_zip, flyers_zip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--version", required=True, help="e.g. the tag, v1.2.0")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(ROOT)
    except ProjectConfigError as err:
        print(err, file=sys.stderr)
        return 2
    for path in pack(args.site, args.out, args.version, settings.languages):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
