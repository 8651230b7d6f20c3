"""The Content-Security-Policy meta tag: first in <head>, with the hash of each inline script."""

from __future__ import annotations

import base64
import hashlib

from vneid_site.csp import add_csp, inline_script_hashes, policy

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


def test_each_inline_script_is_hashed_once_as_the_browser_reads_it():
    assert inline_script_hashes(PAGE) == [sha("var a = 1;"), sha("\nvar c = '</div>';\n")]


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
    out = add_csp(PAGE, "x.html")
    head = out.split("<title>")[0]
    assert head.startswith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv=')
    assert out.count("Content-Security-Policy") == 1
    assert add_csp(out, "x.html") == out
    assert out.replace(head, "") == PAGE.replace(head.split("<meta http-equiv")[0], "")


def test_a_page_without_a_head_is_left_as_it_is_with_a_warning_naming_it():
    said: list[str] = []
    assert add_csp("<p>no head</p>", "404.html", warn=said.append) == "<p>no head</p>"
    assert said[0].startswith("404.html: the page has no <head>") and "fix:" in said[0]


def test_while_serving_inline_scripts_are_allowed_for_live_reload_and_only_then():
    served = add_csp(PAGE, "x.html", serving=True)
    assert "script-src 'self' 'unsafe-inline';" in served and "sha256" not in served
    assert "'unsafe-inline';" not in policy([sha("x")]).split("style-src")[0]
