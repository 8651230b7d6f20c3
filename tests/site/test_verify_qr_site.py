"""scripts/verify_qr.py on the real build: every code opens its own page; a wrong QR image, a
swapped flyer or a print pack sending readers elsewhere is named and fails it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typst

from tests.support.sitebuild import ROOT
from vneid_site.flyers.qr import make_qr

SCRIPT = ROOT / "scripts" / "verify_qr.py"


def verify(site_dir: Path, site_url: str | None) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, str(SCRIPT), str(site_dir)]
    if site_url is not None:
        args += ["--site-url", site_url]
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    return subprocess.run(args, capture_output=True, text=True, timeout=600, env=env)


def test_every_code_of_the_real_build_opens_its_own_page(site):
    result = verify(site.dir, site.url)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = len([p for p in site.dir.rglob("index.html")])
    checked = int(result.stdout.split()[0])
    assert checked >= 3 * pages  # PNG, SVG and flyer of each page, and the packs' codes


@pytest.fixture
def copy(site, tmp_path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(site.dir, target)
    return target


def test_a_wrong_qr_image_and_a_swapped_flyer_are_named(site, copy):
    shutil.copy(copy / "hoi-dap" / "qr.png", copy / "tai-lieu" / "qr.png")
    shutil.copy(copy / "hoi-dap" / "flyer.pdf", copy / "en" / "hoi-dap" / "flyer.pdf")
    (copy / "can-bo" / "qr.svg").write_bytes(make_qr("https://evil.example/").svg)
    result = verify(copy, site.url)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        f"site/tai-lieu/qr.png: the QR image opens {site.url}hoi-dap/, not {site.url}tai-lieu/"
    ) in lines
    assert (
        f"site/en/hoi-dap/flyer.pdf: the flyer's main QR code opens {site.url}hoi-dap/, "
        f"not {site.url}en/hoi-dap/"
    ) in lines
    assert (
        f"site/can-bo/qr.svg: the QR image opens https://evil.example/, not {site.url}can-bo/"
    ) in lines
    assert "3 QR code problem(s)" in result.stdout


def test_a_print_pack_that_sends_readers_elsewhere_is_named(site, copy):
    svg = make_qr("https://evil.example/vneid/").svg.decode()
    pdf = typst.compile(
        b'#set page(paper: "a4")\n#image(bytes(sys.inputs.svg), width: 48mm)\n',
        sys_inputs={"svg": svg},
    )
    pack = next((copy / "assets").rglob("*.pdf"))
    pack.write_bytes(pdf)
    result = verify(copy, site.url)
    assert result.returncode == 1
    name = pack.relative_to(copy.parent).as_posix()
    assert (
        f"{name}: page 1: a flyer's main QR code opens https://evil.example/vneid/, "
        f"which is no page of {site.url}"
    ) in result.stdout.splitlines()


def test_a_build_checked_against_another_address_fails_and_without_one_is_refused(site):
    result = verify(site.dir, "https://www.example.gov.vn/vneid/")
    assert result.returncode == 1
    assert "not https://www.example.gov.vn/vneid/" in result.stdout
    missing = verify(site.dir, None)
    assert missing.returncode == 2 and "fix: pass --site-url" in missing.stderr


def two_code_flyer(main: str, extra: str) -> bytes:
    """A flyer-like page: its main 48 mm code and a 30 mm extra one, as the template lays
    them out."""
    return typst.compile(
        b'#set page(paper: "a4")\n'
        b"#grid(columns: 2, gutter: 10mm, image(bytes(sys.inputs.main), width: 48mm), "
        b"image(bytes(sys.inputs.extra), width: 30mm))\n",
        sys_inputs={"main": make_qr(main).svg.decode(), "extra": make_qr(extra).svg.decode()},
    )


def test_every_code_of_a_flyer_is_checked_not_only_the_main_one(site, copy):
    flyer = copy / "hoi-dap" / "flyer.pdf"
    flyer.write_bytes(
        two_code_flyer(f"{site.url}hoi-dap/", "https://dichvucong.gov.vn@evil.example/")
    )
    result = verify(copy, site.url)
    assert result.returncode == 1
    assert (
        "site/hoi-dap/flyer.pdf: page 1: a QR code opens https://dichvucong.gov.vn@evil.example/: "
        "it has a user name before '@', which hides the host it opens"
    ) in result.stdout.splitlines()
    flyer.write_bytes(two_code_flyer(f"{site.url}hoi-dap/", "https://vneid.gov.vn/"))
    assert verify(copy, site.url).returncode == 0


def test_a_qr_image_in_page_content_is_checked(site, copy):
    image = copy / "assets" / "images" / "ma-qr.png"
    image.write_bytes(make_qr("http://evil.example/").png)
    svg = copy / "assets" / "images" / "ma-qr.svg"
    svg.write_bytes(make_qr("https://evil.example/").svg)
    result = verify(copy, site.url)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "site/assets/images/ma-qr.png: a QR code in this image opens http://evil.example/: "
        "QR codes open https:// addresses only"
    ) in lines
    assert any(
        line.startswith(
            "site/assets/images/ma-qr.svg: a QR code in this image opens "
            "https://evil.example/: its host evil.example is not one"
        )
        for line in lines
    ), lines
    image.write_bytes(make_qr("https://dichvucong.gov.vn/").png)
    svg.write_bytes(make_qr(f"{site.url}hoi-dap/").svg)
    assert verify(copy, site.url).returncode == 0
