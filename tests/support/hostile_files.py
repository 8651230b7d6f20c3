"""Hostile files in docs/, as a pull request could bring them: SVG drawings that would run or
load something, and files of types the site does not publish. Each with a phrase of the refusal.
"""

from __future__ import annotations

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'

# name -> (SVG text, a phrase of the refusal)
REFUSED_SVG: dict[str, tuple[str, str]] = {
    "script": (f"{SVG_HEAD}<script>alert(document.domain)</script></svg>", "<script>"),
    "onload": (SVG_HEAD.replace(">", ' onload="alert(1)">', 1) + "</svg>", "onload="),
    "event-upper-case": (f'{SVG_HEAD}<rect ONCLICK="alert(1)"/></svg>', "ONCLICK="),
    "foreign-object": (
        f'{SVG_HEAD}<foreignObject><body xmlns="http://www.w3.org/1999/xhtml">'
        "<script>alert(1)</script></body></foreignObject></svg>",
        "<foreignObject>",
    ),
    "xhtml-script": (
        f'{SVG_HEAD}<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>',
        "script>",
    ),
    "javascript-link": (
        f'{SVG_HEAD}<a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
        "<a>",
    ),
    "animate-href": (
        f'{SVG_HEAD}<animate attributeName="href" values="javascript:alert(1)"/></svg>',
        "<animate>",
    ),
    "set-handler": (f'{SVG_HEAD}<set attributeName="onmouseover" to="alert(1)"/></svg>', "<set>"),
    "outside-use": (f'{SVG_HEAD}<use href="https://evil.example/x.svg#a"/></svg>', "href="),
    "outside-xlink-use": (
        f'{SVG_HEAD}<use xlink:href="other.svg#a"/></svg>',
        'xlink:href="other.svg#a"',
    ),
    "image": (f'{SVG_HEAD}<image href="https://evil.example/pixel.png"/></svg>', "<image>"),
    "style-import": (
        f"{SVG_HEAD}<style>@import url(https://evil.example/x.css);</style></svg>",
        "'@import'",
    ),
    "style-url": (
        f"{SVG_HEAD}<style>rect {{ fill: url(https://evil.example/p) }}</style><rect/></svg>",
        "url(https://evil.example/p)",
    ),
    "style-escape": (f"{SVG_HEAD}<style>rect{{fill:u\\72l(//e.example/)}}</style></svg>", "'\\'"),
    "attribute-url": (f'{SVG_HEAD}<rect filter="url(https://e.example/f.svg#f)"/></svg>', "url("),
    "style-attribute": (
        f'{SVG_HEAD}<rect style="background-image:url(//e.example/p)"/></svg>',
        "style=",
    ),
    "entity": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"{SVG_HEAD}<text>&x;</text></svg>",
        "a DOCTYPE with declarations of its own",
    ),
    "stylesheet-instruction": (
        '<?xml-stylesheet href="https://evil.example/x.css" type="text/css"?>'
        f"{SVG_HEAD}<rect/></svg>",
        "<?xml-stylesheet ...?>",
    ),
    "xml-base": (f'{SVG_HEAD}<g xml:base="https://evil.example/"/></svg>', "xml:base="),
    "html-root": (
        '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
        "the root element",
    ),
}

# Drawings as editors save them: published.
CLEAN_SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"\n'
    '     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10">\n'
    "  <title>Sơ đồ</title>\n"
    "  <style>/* màu */ .a { fill: url(#g); stroke: #0b5394 }</style>\n"
    '  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>\n'
    '  <circle id="c" r="2"/></defs>\n'
    '  <g inkscape:label="Lớp 1"><rect class="a" width="5" height="5" '
    'style="fill:url( #g )"/>\n'
    '  <use xlink:href="#c" x="5"/><use href="#c" y="5"/><text x="1" y="9">Chữ</text></g>\n'
    "</svg>\n"
)

# Files of docs/ and a phrase of what the build says, or None when it publishes them.
FILES: dict[str, tuple[bytes, str | None]] = {
    "trang.html": (b"<script>alert(document.domain)</script>", "an HTML page in docs/"),
    "trang.htm": (b"<script>alert(1)</script>", "an HTML page in docs/"),
    "du-lieu.xml": (b'<x:script xmlns:x="http://www.w3.org/1999/xhtml"/>', "an XML file"),
    "assets/javascripts/them.js": (b"alert(document.domain)", "this script is not one of"),
    "assets/stylesheets/them.css": (b"body{display:none}", "this stylesheet is not one of"),
    "ghi-chu.txt": (b"text", "files of this type (.txt)"),
    "du-lieu.json": (b"{}", "files of this type (.json)"),
    "site.webmanifest": (b"{}", "files of this type (.webmanifest)"),
    "trang-khac.markdown": (b"# x", "rename it to end in .md"),
    "assets/images/gia.png": (b"<script>alert(1)</script>", "named .png but is no PNG file"),
    "assets/images/Ảnh chụp.png": (
        b"\x89PNG\r\n\x1a\n",
        "rename it to 'assets/images/anh-chup.png'",
    ),
    "Tài liệu/a.pdf": (b"%PDF-1.7\n", "rename it to 'tai-lieu'"),
    "assets/images/that.png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 16, None),
    "assets/images/so-do.svg": (CLEAN_SVG.encode(), None),
    "tai-lieu/mau.pdf": (b"%PDF-1.7\n%", None),
    "assets/fonts/x.woff2": (b"wOF2" + b"\0" * 8, None),
}

# Pages that would crash the build, loop forever, spoof text or keep Markdown busy for minutes:
# name -> (front matter lines, body, line of the problem, a phrase of the refusal). The body
# starts on line 6 when there are no front matter lines.
PAGES: dict[str, tuple[str, str, int, str]] = {
    "long-number": (f"updated: {'9' * 5_000}\n", "Nội dung.", 4, "a number far too long"),
    "redirect-template": ("template: redirect.html\n", "Nội dung.", 4, "not one of the site's"),
    "error-template": ("template: 404.html\n", "Nội dung.", 4, "not one of the site's page"),
    "bidi-summary": (
        'flyer:\n  summary: "Tải tệp \\u202egnp.exe"\n',
        "Nội dung.",
        5,
        "holds an invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE",
    ),
    "nul-note": ('flyer:\n  note: "a\\0b"\n', "Nội dung.", 5, "(U+0000 NUL"),
    "brackets": ("", "[" * 9_000, 6, "have no ']' to close them"),
    "unclosed-tags": ("", "\n".join(["<a " * 100] * 40), 6, "have no '>' to close them"),
    "long-line": ("", "Chữ " * 3_000, 6, "a line may hold at most 10,000"),
    "deep-nesting": (
        "",
        "".join("  " * i + "- mục\n" for i in range(30)),
        6 + 24 + 1,
        "indented more than 48 columns",
    ),
}


def hostile_page(name: str, title: str) -> str:
    """The page of PAGES[name], its front matter after title and description."""
    front, body, _, _ = PAGES[name]
    return f"---\ntitle: {title}\ndescription: Mô tả.\n{front}---\n\n{body}\n"
