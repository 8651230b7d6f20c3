"""Every built HTML page carries its Content-Security-Policy, before anything it governs, with
the hash of each inline script it holds and nothing looser."""

from __future__ import annotations

import base64
import hashlib
import re

from tests.support.htmltext import html_pages


def directives(policy: str) -> dict[str, str]:
    return dict(d.strip().split(" ", 1) for d in policy.split(";"))


def test_every_page_has_one_policy_before_any_script_or_style(site):
    pages = html_pages(site.dir)
    assert {site.dir / "404.html", site.dir / "en" / "404.html"} <= set(pages)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert len(metas) == 1, path
        head = html.split("<head>", 1)[1]
        first = re.search(r"<(script|style|link|meta http-equiv)\b", head)
        assert first is not None and first[0] == "<meta http-equiv", path
        found = directives(metas[0])
        assert found["object-src"] == "'none'" and found["base-uri"] == "'self'"
        assert found["form-action"] == "'self'" and found["default-src"] == "'self'"
        script = found["script-src"].split()
        assert script[0] == "'self'" and all(s.startswith("'sha256-") for s in script[1:])
        # Exactly the page's inline scripts, hashed here independently of the build.
        inline = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
        assert inline, path
        hashes = {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in inline
        }
        assert set(script[1:]) == hashes, path
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", html), f"{path}: an event handler"
