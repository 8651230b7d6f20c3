from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from tests.support.sitebuild import ROOT
from vneid_site.flyers import previews
from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.records import load_manifest
from vneid_site.flyers.render import FlyerRenderer, RenderSettings
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs

TEMPLATE = ROOT / "flyer-templates"
DATA = Path(tempfile.gettempdir()) / "vneid-test-typst-data"
SAMPLE = json.loads((TEMPLATE / "sample.json").read_text(encoding="utf-8"))


def test_previews_are_palette_pngs_of_the_size_the_page_declares():
    renderer = FlyerRenderer(
        RenderSettings(TEMPLATE, tuple(flyer_font_dirs()), FLYER_FAMILIES, Path("/"), DATA)
    )
    images = {}
    for scale in previews.SCALES:
        typst_png = renderer.render(SAMPLE, src="sample", fmt="png", ppi=previews.ppi(scale))
        png = previews.palette_png(typst_png)
        image = Image.open(io.BytesIO(png))
        assert image.size == previews.size(scale) == Image.open(io.BytesIO(typst_png)).size
        assert image.mode == "P" and len(image.getcolors()) <= previews.COLOURS
        assert len(png) < len(typst_png) / 2  # a palette is far smaller than Typst's RGBA
        # ... and shows the same page: close to Typst's own render, on white.
        page = Image.new("RGBA", image.size, "white")
        page.alpha_composite(Image.open(io.BytesIO(typst_png)).convert("RGBA"))
        diff = ImageChops.difference(image.convert("RGB"), page.convert("RGB"))
        assert max(ImageStat.Stat(diff).mean) < 1.0
        images[scale] = image.convert("L")
    assert previews.size(1) == (200, 283) and previews.size(2) == (400, 566)
    halved = images[2].resize(images[1].size, Image.Resampling.LANCZOS)
    assert ImageStat.Stat(ImageChops.difference(halved, images[1])).mean[0] < 6  # blank: 13


def test_a_change_of_format_changes_where_previews_are_cached():
    assert previews.cache_suffix(1) != previews.cache_suffix(2)
    assert previews.FORMAT in previews.cache_suffix(1)
    assert not previews.cache_suffix(1).startswith(".48.")  # the format before previews.py


def test_both_previews_sit_beside_the_flyer():
    assert output_paths("a/b/").flyer_png == "a/b/flyer.png"
    assert output_paths("a/b/").flyer_png_2x == "a/b/flyer-2x.png"
    assert output_paths("").flyer_png_2x == "flyer-2x.png"
    assert output_paths("a/b.html").flyer_png_2x == "a/b.flyer-2x.png"


def test_a_manifest_from_before_the_2x_previews_is_read_as_unknown(tmp_path):
    # Its pages are then rendered again, so their 2x previews exist before the packs are made.
    old = {"a.md": {"page_url": "a/", "title": "A", "historical": False,
                    "paths": ["a/qr.svg", "a/qr.png", "a/flyer.pdf", "a/flyer.png"],
                    "pdf_bytes": 1, "cached_pdf": "/c/a.pdf"}}  # fmt: skip
    (tmp_path / "m.json").write_text(json.dumps(old))
    assert load_manifest(tmp_path / "m.json") == {}


def test_previews_from_one_render_match_typst_s_render_at_each_size():
    # One render at the largest size, scaled down: the build's way (outputs.py).
    renderer = FlyerRenderer(
        RenderSettings(TEMPLATE, tuple(flyer_font_dirs()), FLYER_FAMILIES, Path("/"), DATA)
    )
    render = renderer.render(SAMPLE, src="sample", fmt="png", ppi=previews.render_ppi())
    made = previews.from_render(render)
    assert len(made) == len(previews.SCALES)
    for scale, png in zip(previews.SCALES, made, strict=True):
        image = Image.open(io.BytesIO(png))
        assert image.size == previews.size(scale)
        assert image.mode == "P" and len(image.getcolors()) <= previews.COLOURS
        own = renderer.render(SAMPLE, src="sample", fmt="png", ppi=previews.ppi(scale))
        page = Image.new("RGBA", image.size, "white")
        page.alpha_composite(Image.open(io.BytesIO(own)).convert("RGBA"))
        # As close to Typst's own render at that size as the halved render above is.
        diff = ImageChops.difference(image.convert("L"), page.convert("L"))
        assert ImageStat.Stat(diff).mean[0] < 6, scale
        assert len(png) < len(own) / 2
