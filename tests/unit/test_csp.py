"""The Content-Security-Policy meta tag: first in <head>, with the hash of each inline script
that the site's templates write, and of no other."""

from __future__ import annotations

import base64
import hashlib

from tests.support.sitebuild import ROOT
from vneid_site.csp import (
    ScriptAllowlist,
    add_csp,
    inline_script_hashes,
    policy,
    template_allowlist,
    theme_template_dirs,
)

OWN = ScriptAllowlist(
    ["var a = 1;", "\nvar c = '</div>';\n", 'scope=new URL("{{ base_url }}",location)']
)
PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>T</title>'
    "<script>var a = 1;</script>"
    '<script id="__config" type="application/json">{"x": 1}</script>'
    '<script src="assets/b.js"></script>'
    "<script>var a = 1;</script>"
    "</head><body><p>Văn bản</p><script>\r\nvar c = '</div>';\r\n</script></body></html>"
)


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_each_own_inline_script_is_hashed_once_as_the_browser_reads_it():
    assert inline_script_hashes(PAGE, OWN) == (
        [sha("var a = 1;"), sha("\nvar c = '</div>';\n")],
        [],
    )


def test_a_script_met_on_many_pages_is_matched_and_hashed_once(monkeypatch):
    allowlist = ScriptAllowlist(["var a = 1;", "\nvar c = '</div>';\n"])
    matched: list[str] = []
    real = ScriptAllowlist.allows
    monkeypatch.setattr(
        ScriptAllowlist, "allows", lambda self, s: matched.append(s) or real(self, s)
    )
    pages = [PAGE, PAGE, PAGE.replace("<p>", "<script>alert(1)</script><p>")]
    found = [inline_script_hashes(page, allowlist) for page in pages]
    assert found[0] == found[1] == (found[2][0], [])
    assert found[2][1] == ["alert(1)"]  # told on every page it is on
    assert sorted(matched) == sorted(["var a = 1;", "\r\nvar c = '</div>';\r\n", "alert(1)"])


def test_a_script_no_template_writes_is_never_hashed():
    page = PAGE.replace("<p>Văn bản</p>", "<p>Văn bản</p><script>alert(document.domain)</script>")
    hashes, foreign = inline_script_hashes(page, OWN)
    assert sha("alert(document.domain)") not in hashes
    assert foreign == ["alert(document.domain)"]
    said: list[str] = []
    out = add_csp(page, "x/index.html", OWN, warn=said.append)
    assert sha("alert(document.domain)") not in out
    assert said[0].startswith("x/index.html: 1 inline script(s) that no template of the site")
    assert "alert(document.domain)" in said[0] and "fix:" in said[0]


def test_template_expressions_stand_for_addresses_only():
    assert OWN.allows('scope=new URL("../..",location)')
    assert OWN.allows('scope=new URL("/sub/en/",location)')
    assert OWN.allows('scope=new URL("https://example.gov.vn/sub/",location)')
    assert not OWN.allows('scope=new URL("",alert(1),"",location)')
    assert not OWN.allows('scope=new URL("x");alert(1);("",location)')
    assert not OWN.allows("var a = 1;alert(1)")


def test_the_allowlist_is_read_from_the_theme_templates():
    allowlist = ScriptAllowlist.from_templates(theme_template_dirs(ROOT / "overrides"))
    assert allowlist.size >= 5  # Material's scope, palette, content, announce, ... scripts
    assert allowlist.allows(
        "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
        '(target.checked=target.name.startsWith("__tabbed_"))'
    )
    assert not allowlist.allows("alert(1)")


def test_a_build_reads_the_templates_once_and_again_when_they_may_have_changed(tmp_path):
    own, shared = tmp_path / "own", tmp_path / "shared"
    own.mkdir()
    (shared / "partials").mkdir(parents=True)
    (shared / "partials" / "main.html").write_text("<script>var a = 1;</script>", "utf-8")
    first = template_allowlist([shared], fresh=True)  # the build's first language
    (shared / "partials" / "main.html").write_text("<script>var b = 2;</script>", "utf-8")
    (own / "x.html").write_text("<script>var c = 3;</script>", encoding="utf-8")
    # Its other languages: a folder of their own in front, the shared one not read again.
    second = template_allowlist([own, shared], fresh=False)
    assert second.allows("var a = 1;") and second.allows("var c = 3;")
    assert not second.allows("var b = 2;")
    assert first.allows("var a = 1;") and not first.allows("var c = 3;")
    again = template_allowlist([shared], fresh=True)  # the next build (mkdocs serve)
    assert again.allows("var b = 2;") and not again.allows("var a = 1;")
    assert not template_allowlist([own], fresh=False).allows("var b = 2;")  # other folders


def test_the_policy_allows_no_inline_script_or_eval_and_no_plugins_base_or_outside_forms():
    text = policy([sha("x")])
    directives = dict(d.split(" ", 1) for d in text.split("; "))
    assert directives["script-src"] == f"'self' {sha('x')}"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert "unsafe-eval" not in text
    assert "http" not in text  # no host: the site works under any address
    assert "frame-ancestors" not in text  # ignored (with an error) in a <meta> policy


def test_the_meta_tag_comes_right_after_the_charset_and_only_once():
    out = add_csp(PAGE, "x.html", OWN)
    head = out.split("<title>")[0]
    assert head.startswith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv=')
    assert out.count("Content-Security-Policy") == 1
    assert add_csp(out, "x.html", OWN) == out
    assert out.replace(head, "") == PAGE.replace(head.split("<meta http-equiv")[0], "")


def test_a_page_without_a_head_is_left_as_it_is_with_a_warning_naming_it():
    said: list[str] = []
    assert add_csp("<p>no head</p>", "404.html", OWN, warn=said.append) == "<p>no head</p>"
    assert said[0].startswith("404.html: the page has no <head>") and "fix:" in said[0]


def test_while_serving_inline_scripts_are_allowed_for_live_reload_and_only_then():
    served = add_csp(PAGE, "x.html", OWN, serving=True)
    assert "script-src 'self' 'unsafe-inline';" in served and "sha256" not in served
    assert "'unsafe-inline';" not in policy([sha("x")]).split("style-src")[0]


def test_templates_in_hidden_folders_are_not_read(tmp_path):
    (tmp_path / ".icons" / "x").mkdir(parents=True)
    (tmp_path / ".icons" / "x" / "a.html").write_text("<script>var h = 1;</script>", "utf-8")
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "b.html").write_text("<script>var v = 2;</script>", "utf-8")
    allowlist = ScriptAllowlist.from_templates([tmp_path])
    assert allowlist.allows("var v = 2;") and not allowlist.allows("var h = 1;")
