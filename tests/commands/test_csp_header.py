"""scripts/csp_header.py hashes the scripts the site's templates write, never one a page
brought, and says which page holds such a script."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys

from tests.support.sitebuild import ROOT

THEME = (
    "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
    '(target.checked=target.name.startsWith("__tabbed_"))'
)
SCOPE_START = '__md_scope=new URL("../..",location),__md_hash='


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def run(site):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "csp_header.py"), str(site)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_only_the_templates_scripts_are_hashed(tmp_path):
    (tmp_path / "index.html").write_text(f"<html><head><script>{THEME}</script></head></html>")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        f"<html><body><script>{THEME}</script><h2>x</h2><script>alert(1)</script></body></html>"
    )
    proc = run(tmp_path)
    assert proc.returncode == 1
    header = proc.stdout.strip()
    assert sha(THEME) in header and sha("alert(1)") not in header
    assert header.endswith("; frame-ancestors 'none'")
    assert "a/index.html: alert(1)" in proc.stderr and "fix:" in proc.stderr


def test_a_clean_site_exits_0(tmp_path):
    (tmp_path / "index.html").write_text(f"<html><head><script>{THEME}</script></head></html>")
    proc = run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().startswith(f"default-src 'self'; script-src 'self' {sha(THEME)};")
