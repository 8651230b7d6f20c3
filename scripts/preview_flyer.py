#!/usr/bin/env python3
"""Preview the flyer template without building the site: compile flyer-templates/main.typ
with its sample data (or your own JSON) and the two fonts the build uses, to PDF and PNG.

    .venv/bin/python scripts/preview_flyer.py                      # sample.json -> preview/
    .venv/bin/python scripts/preview_flyer.py --data my-page.json --out /tmp/flyer
    .venv/bin/python scripts/preview_flyer.py --pack               # the print pack's index page
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vneid_site.flyers.render import FlyerError, FlyerRenderer, RenderSettings
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "flyer-templates"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="page data as JSON (default: sample.json)")
    parser.add_argument("--pack", action="store_true", help="preview pack.typ instead")
    parser.add_argument("--out", type=Path, default=ROOT / "preview", help="output folder")
    parser.add_argument("--templates", type=Path, default=TEMPLATES)
    args = parser.parse_args(argv)
    folder = args.templates.resolve()
    settings = RenderSettings(folder, tuple(flyer_font_dirs()), FLYER_FAMILIES, folder)
    entry = "pack.typ" if args.pack else "main.typ"
    key = "pack" if args.pack else "data"
    default = "sample-pack.json" if args.pack else "sample.json"
    data_file = args.data or folder / default
    data = json.loads(data_file.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    name = "pack" if args.pack else "flyer"
    try:
        renderer = FlyerRenderer(settings)
        # A pack embeds other PDFs, which cannot be tagged: it is a plain PDF.
        standards = [] if args.pack else None
        src = str(data_file)
        pdf = renderer.compile(entry, {key: data}, src=src, standards=standards)
        png = renderer.compile(entry, {key: data}, src=src, fmt="png", ppi=96)
    except FlyerError as err:
        print(err, file=sys.stderr)
        return 1
    (args.out / f"{name}.pdf").write_bytes(pdf)
    (args.out / f"{name}.png").write_bytes(png)
    print(f"{args.out / f'{name}.pdf'}\n{args.out / f'{name}.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
