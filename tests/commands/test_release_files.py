"""scripts/release_files.py: the zip files a webmaster uploads by hand."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from tests.support.sitebuild import ROOT


def test_release_archives_have_readable_flyer_names(tmp_path):
    site = tmp_path / "site"
    for rel in ("flyer.pdf", "en/flyer.pdf", "huong-dan/x/flyer.pdf", "en/huong-dan/x/flyer.pdf"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(b"%PDF-1.7")
    for rel in ("huong-dan/x/poster-a4.pdf", "en/huong-dan/x/poster-a3.pdf"):
        (site / rel).write_bytes(b"%PDF-1.7")
    (site / "index.html").write_text("<!doctype html>", encoding="utf-8")
    (site / "assets" / "flyers").mkdir(parents=True)
    (site / "assets" / "flyers" / "print-pack-vi-a4.pdf").write_bytes(b"%PDF-1.7")
    office = site / "assets" / "flyers" / "offices" / "phuong-5"
    office.mkdir(parents=True)
    for name in ("print-pack-vi-a4.pdf", "print-pack-en-a5x2.pdf"):
        (office / name).write_bytes(b"%PDF-1.7")
    out = tmp_path / "dist"
    script = ROOT / "scripts" / "release_files.py"
    subprocess.run(
        [sys.executable, script, "--site", site, "--out", out, "--version", "v1.0.0"],
        check=True,
        capture_output=True,
    )
    with zipfile.ZipFile(out / "flyers-v1.0.0.zip") as archive:
        assert sorted(archive.namelist()) == [
            "flyers-v1.0.0/en/huong-dan/x.pdf",
            "flyers-v1.0.0/en/index.pdf",
            "flyers-v1.0.0/offices/phuong-5/print-pack-en-a5x2.pdf",
            "flyers-v1.0.0/offices/phuong-5/print-pack-vi-a4.pdf",
            "flyers-v1.0.0/posters/en/huong-dan/x-a3.pdf",
            "flyers-v1.0.0/posters/vi/huong-dan/x-a4.pdf",
            "flyers-v1.0.0/print-packs/print-pack-vi-a4.pdf",
            "flyers-v1.0.0/vi/huong-dan/x.pdf",
            "flyers-v1.0.0/vi/index.pdf",
        ]
    with zipfile.ZipFile(out / "site-v1.0.0.zip") as archive:
        assert "site-v1.0.0/index.html" in archive.namelist()
        assert "site-v1.0.0/en/huong-dan/x/flyer.pdf" in archive.namelist()
