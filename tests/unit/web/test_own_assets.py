"""The project's own scripts, stylesheets and logo are listed with their SHA-256: CI fails while
a file and the list disagree, and the message says how to update the list after review."""

from __future__ import annotations

from tests.support.sitebuild import ROOT
from vneid_site.web.own_assets import OWN_ASSETS, UPDATE, file_hash, main, own_files

DOCS = ROOT / "docs"


def test_every_script_and_stylesheet_and_the_logo_is_listed():
    unlisted = [src for src in own_files(DOCS) if src not in OWN_ASSETS]
    assert unlisted == [], (
        f"not in src/vneid_site/web/own_assets.py (OWN_ASSETS): {unlisted}\n"
        f"fix: review the file(s), then add each with its SHA-256; `{UPDATE}` prints them"
    )
    assert "assets/images/logo.svg" in OWN_ASSETS
    missing = [src for src in OWN_ASSETS if not (DOCS / src).is_file()]
    assert missing == [], f"listed in OWN_ASSETS but not in docs/: {missing}"


def test_each_listed_file_has_the_listed_hash():
    changed = {
        src: file_hash(DOCS / src) for src in OWN_ASSETS if file_hash(DOCS / src) != OWN_ASSETS[src]
    }
    assert changed == {}, (
        f"docs/ files changed without src/vneid_site/web/own_assets.py: {sorted(changed)}\n"
        "fix: review the change (these files run or style every page), then put the new "
        f"SHA-256 in OWN_ASSETS; `{UPDATE}` prints them: {changed}"
    )


def test_a_changed_file_is_caught_and_the_update_command_prints_its_line(tmp_path, capsys):
    docs = tmp_path / "docs"
    for src in OWN_ASSETS:
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_bytes((DOCS / src).read_bytes())
    target = docs / "assets" / "javascripts" / "search-highlight.js"
    target.write_bytes(target.read_bytes() + b"\nalert(document.domain);\n")
    (docs / "assets" / "javascripts" / "new.js").write_text("x", encoding="utf-8")
    assert file_hash(target) != OWN_ASSETS["assets/javascripts/search-highlight.js"]
    assert main(docs) == 0
    out = capsys.readouterr().out
    assert f'"assets/javascripts/search-highlight.js": "{file_hash(target)}",   # changed' in out
    assert '"assets/javascripts/new.js": ' in out and "# not listed" in out
    # CRLF line ends (a Windows checkout) hash as git stores the file.
    crlf = tmp_path / "crlf.js"
    crlf.write_bytes(b"a\r\nb\r\n")
    (tmp_path / "lf.js").write_bytes(b"a\nb\n")
    assert file_hash(crlf) == file_hash(tmp_path / "lf.js")
