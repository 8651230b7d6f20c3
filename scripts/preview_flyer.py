#!/usr/bin/env python3
"""Preview the flyer template without building the site: compile flyer-templates/main.typ
with its sample data (or your own JSON) and the two fonts the build uses, to PDF and PNG.

    .venv/bin/python scripts/preview_flyer.py                      # sample.json -> preview/
    .venv/bin/python scripts/preview_flyer.py --data my-page.json --out /tmp/flyer
    .venv/bin/python scripts/preview_flyer.py --pack               # a pack's contents page
    .venv/bin/python scripts/preview_flyer.py --office             # a flyer of an office's pack
    .venv/bin/python scripts/preview_flyer.py --poster             # the large-print poster (A4)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vneid_site.flyers.pdf_pages import Draw, PdfBuilder, SourcePdf
from vneid_site.flyers.render import FlyerError, FlyerRenderer
from vneid_site.flyers.settings import render_settings

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "flyer-templates"


def office_flyer(renderer: FlyerRenderer, folder: Path, out: Path) -> bytes:
    """The sample flyer as an office's pack prints it: made without its contact box, with the
    sample office's box laid over it, as the build puts packs together (pack_files.py)."""
    sample = json.loads((folder / "sample.json").read_text(encoding="utf-8"))
    office = json.loads((folder / "sample-pack.json").read_text(encoding="utf-8"))
    base = renderer.render({**sample, "contact": False}, src="sample.json")
    boxes = renderer.compile(
        "pack.typ",
        {**office, "packs": [], "boxes": ["flyer"]},
        src="sample-pack.json",
        standards=[],
    )
    pdf = PdfBuilder()
    page = pdf.add_form(SourcePdf(base, "flyer").form(0))
    box = pdf.add_form(SourcePdf(boxes, "box").form(0))
    pdf.add_page(595.2756, 841.8898, [Draw(page), Draw(box)])
    return pdf.finish(title=sample["title"], author="", lang=sample["lang"], ident="0" * 32)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="page data as JSON (default: sample.json)")
    parser.add_argument("--pack", action="store_true", help="preview pack.typ instead")
    parser.add_argument(
        "--office", action="store_true", help="preview an office's flyer (sample data) instead"
    )
    parser.add_argument("--poster", action="store_true", help="preview poster.typ instead")
    parser.add_argument("--out", type=Path, default=ROOT / "preview", help="output folder")
    parser.add_argument("--templates", type=Path, default=TEMPLATES)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    # The output folder stands for the build's cache.
    settings, out = render_settings(Path.cwd(), str(args.templates), str(args.out))
    folder = settings.template_dir
    kind = next((k for k in ("pack", "office", "poster") if getattr(args, k)), "flyer")
    entry, default, name = {
        "pack": ("pack.typ", "sample-pack.json", "pack"),
        "office": ("main.typ", "sample.json", "office"),
        "poster": ("poster.typ", "sample-poster.json", "poster"),
        "flyer": ("main.typ", "sample.json", "flyer"),
    }[kind]
    data_file = args.data or folder / default
    data = json.loads(data_file.read_text(encoding="utf-8"))
    try:
        renderer = FlyerRenderer(settings)
        src = str(data_file)
        if args.office:
            pdf = office_flyer(renderer, folder, out)
            # A look at it: Typst places the PDF on a page of its size, as an image.
            (out / "office.pdf").write_bytes(pdf)
            view = out / "office-view.typ"
            view.write_text(
                '#set page(width: 210mm, height: 297mm, margin: 0mm)\n#image("office.pdf")\n',
                encoding="utf-8",
            )
            png = renderer.compiler.compile(input=str(view), format="png", ppi=96)
            view.unlink()
        else:
            # A pack's own pages end up in a plain PDF: untagged.
            standards = [] if args.pack else None
            pdf = renderer.compile(entry, data, src=src, standards=standards)
            png = renderer.compile(entry, data, src=src, fmt="png", ppi=96)
    except FlyerError as err:
        print(err, file=sys.stderr)
        return 1
    if isinstance(png, list):
        png = png[0]
    (args.out / f"{name}.pdf").write_bytes(pdf)
    (args.out / f"{name}.png").write_bytes(png)
    print(f"{args.out / f'{name}.pdf'}\n{args.out / f'{name}.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
