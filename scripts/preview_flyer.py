#!/usr/bin/env python3
"""Preview the flyer template without building the site: compile flyer-templates/main.typ
with its sample data (or your own JSON) and the two fonts the build uses, to PDF and PNG.

    .venv/bin/python scripts/preview_flyer.py                      # sample.json -> preview/
    .venv/bin/python scripts/preview_flyer.py --data my-page.json --out /tmp/flyer
    .venv/bin/python scripts/preview_flyer.py --pack               # the print pack's index page
    .venv/bin/python scripts/preview_flyer.py --office             # a flyer of an office's pack
"""

from __future__ import annotations

import argparse
import json
import os
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
    parser.add_argument(
        "--office", action="store_true", help="preview office.typ (an office's flyer) instead"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "preview", help="output folder")
    parser.add_argument("--templates", type=Path, default=TEMPLATES)
    args = parser.parse_args(argv)
    folder = args.templates.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out.resolve()
    # Typst reads only under its root: the templates, and the office preview's base flyer.
    root = Path(os.path.commonpath([folder, out]))
    settings = RenderSettings(folder, tuple(flyer_font_dirs()), FLYER_FAMILIES, root)
    entry, key, default, name = {
        "pack": ("pack.typ", "pack", "sample-pack.json", "pack"),
        "office": ("office.typ", "office", "sample-office.json", "office"),
        "flyer": ("main.typ", "data", "sample.json", "flyer"),
    }["pack" if args.pack else "office" if args.office else "flyer"]
    data_file = args.data or folder / default
    data = json.loads(data_file.read_text(encoding="utf-8"))
    if args.office:
        # The page's flyer without its contact box, which the office's box is laid over.
        sample = json.loads((folder / "sample.json").read_text(encoding="utf-8"))
        base = FlyerRenderer(settings).render({**sample, "contact": False}, src="sample.json")
        (out / "flyer-without-contact.pdf").write_bytes(base)
        data["file"] = "/" + (out / "flyer-without-contact.pdf").relative_to(root).as_posix()
    try:
        renderer = FlyerRenderer(settings)
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
