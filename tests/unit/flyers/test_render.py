from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support.sitebuild import ROOT
from vneid_site.flyers.render import (
    FlyerError,
    FlyerRenderer,
    RenderSettings,
    fingerprint,
    pdf_page_count,
)
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs

TEMPLATE = ROOT / "flyer-templates"
SAMPLE = json.loads((TEMPLATE / "sample.json").read_text(encoding="utf-8"))


def settings(template: Path = TEMPLATE, families=FLYER_FAMILIES) -> RenderSettings:
    return RenderSettings(template, tuple(flyer_font_dirs()), families, template)


def test_renders_the_sample_as_one_page_with_its_text():
    renderer = FlyerRenderer(settings())
    pdf = renderer.render(SAMPLE, src="sample")
    assert pdf.startswith(b"%PDF") and pdf_page_count(pdf) == 1
    png = renderer.render(SAMPLE, src="sample", fmt="png", ppi=20)
    assert png.startswith(b"\x89PNG")


def test_a_missing_font_family_stops_before_printing_blank_flyers():
    with pytest.raises(FlyerError, match="flyer fonts not found: No Such Sans"):
        FlyerRenderer(settings(families=(*FLYER_FAMILIES, "No Such Sans")))


def test_a_template_asking_for_an_unknown_font_fails_clearly(tmp_path):
    template = tmp_path / "flyer"
    shutil.copytree(TEMPLATE, template)
    lib = template / "lib.typ"
    font = '#let body-font = "Be Vietnam Pro"'
    assert font in lib.read_text()
    lib.write_text(lib.read_text().replace(font, '#let body-font = "No Such Sans"'))
    with pytest.raises(FlyerError, match="unknown font family: no such sans"):
        FlyerRenderer(settings(template)).render(SAMPLE, src="docs/x.md")


def test_template_errors_name_the_page_and_the_fix(tmp_path):
    template = tmp_path / "flyer"
    shutil.copytree(TEMPLATE, template)
    (template / "main.typ").write_text("#let x = (\n")
    with pytest.raises(FlyerError) as err:
        FlyerRenderer(settings(template)).render(SAMPLE, src="docs/x.md")
    assert str(err.value).startswith("docs/x.md: the flyer template failed")
    assert "fix:" in str(err.value)


def test_fingerprint_follows_the_template(tmp_path):
    template = tmp_path / "flyer"
    shutil.copytree(TEMPLATE, template)
    before = fingerprint(settings(template))
    (template / "lib.typ").write_text((template / "lib.typ").read_text() + "\n// changed\n")
    assert fingerprint(settings(template)) != before
