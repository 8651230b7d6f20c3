#!/usr/bin/env python3
"""Preview the flyer template without building the site: compile flyer-templates/main.typ
with its sample data (or your own JSON) and the two fonts the build uses, to PDF and PNG.

    .venv/bin/python scripts/preview_flyer.py                      # sample.json -> preview/
    .venv/bin/python scripts/preview_flyer.py --data my-page.json --out /tmp/flyer
    .venv/bin/python scripts/preview_flyer.py --pack               # the print pack's index page
    .venv/bin/python scripts/preview_flyer.py --office             # a flyer of an office's pack
    .venv/bin/python scripts/preview_flyer.py --poster             # the large-print poster (A4)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vneid_site.flyers.packs import typst_path
from vneid_site.flyers.render import FlyerError, FlyerRenderer
from vneid_site.flyers.settings import render_settings

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "flyer-templates"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="page data as JSON (default: sample.json)")
    parser.add_argument("--pack", action="store_true", help="preview pack.typ instead")
    parser.add_argument(
        "--office", action="store_true", help="preview office.typ (an office's flyer) instead"
    )
    parser.add_argument("--poster", action="store_true", help="preview poster.typ instead")
    parser.add_argument("--out", type=Path, default=ROOT / "preview", help="output folder")
    parser.add_argument("--templates", type=Path, default=TEMPLATES)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    # The output folder stands for the build's cache: the office preview reads its base flyer.
    settings, out = render_settings(Path.cwd(), str(args.templates), str(args.out))
    folder = settings.template_dir
    kind = next((k for k in ("pack", "office", "poster") if getattr(args, k)), "flyer")
    entry, key, default, name = {
        "pack": ("pack.typ", "pack", "sample-pack.json", "pack"),
        "office": ("office.typ", "office", "sample-office.json", "office"),
        "poster": ("poster.typ", "poster", "sample-poster.json", "poster"),
        "flyer": ("main.typ", "data", "sample.json", "flyer"),
    }[kind]
    data_file = args.data or folder / default
    data = json.loads(data_file.read_text(encoding="utf-8"))
    try:
        renderer = FlyerRenderer(settings)
        if args.office:
            # The page's flyer without its contact box, which the office's box is laid over.
            sample = json.loads((folder / "sample.json").read_text(encoding="utf-8"))
            base = renderer.render({**sample, "contact": False}, src="sample.json")
            (out / "flyer-without-contact.pdf").write_bytes(base)
            data["file"] = typst_path(out / "flyer-without-contact.pdf", settings.root)
        # A pack embeds other PDFs, which cannot be tagged: it is a plain PDF.
        standards = [] if args.pack or args.office else None
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
