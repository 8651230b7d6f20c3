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

# Routes around the body's sanitiser (issue 20): heading ids, which the table of contents
# prints into its links, the theme's own ids, and links that browsers read otherwise than
# people. Each is refused as the payloads above are.
ROUTES: dict[str, tuple[str, str]] = {
    "toc-id-script": (
        "## Mục {: id='z\"><script/x@ >alert(document.domain)</script/x@ ><b x=\"' }",
        "the id 'z\"><script/x@ >alert(document.domain)...'",
    ),
    "toc-id-meta-refresh": (
        "## Mục {: id='z\"><meta http-equiv=refresh content=0;url=https://evil.example/><b x=\"' }",
        "the id 'z\"><meta http-equiv=refresh content=0...'",
    ),
    "toc-id-style": (
        "## Mục {: id='z\"><style>*{color:red}</style><b x=\"' }",
        "the id 'z\"><style>*{color:red}</style><b x=\"'",
    ),
    "theme-config": (
        '<div id="__config">{"base": ".", "features": [], "search": "x.js", '
        '"translations": {"search.result.placeholder": "<img src=x onerror=alert(1)>"}}</div>',
        "the id '__config' is not allowed",
    ),
    "heading-named-config": ("## __config", "the id '__config' is not allowed"),
    "theme-drawer-label": ('<label for="__drawer">Menu</label>', "the for '__drawer'"),
    "fake-tabbed-id": ('<span id="__tabbed_1_1">x</span>', "the id '__tabbed_1_1'"),
    "backslash-host": (
        '<a href="https://evil.example\\@dichvucong.gov.vn/">Cổng dịch vụ công</a>',
        "browsers read its '\\' as '/'",
    ),
    "userinfo-host": (
        "[Cổng dịch vụ công](https://dichvucong.gov.vn@evil.example/)",
        "what stands before '@' is not where it goes",
    ),
    "scheme-relative": ("[Cổng](//evil.example/)", "an address starting with // opens"),
    "one-slash": ("[Cổng](https:/evil.example/)", "whatever the number of slashes"),
    "trailing-dot": (
        "[Cổng](https://dichvucong.gov.vn./)",
        "a host name ending in '.' is read as another site",
    ),
    "bidi-text": (
        "[\u202env.vog.gnoccuvhcid\u202c](https://evil.example/)",
        "reverse the order of the text",
    ),
    "soft-hyphen-text": (
        "[dichvu\u00adcong.gov.vn](https://evil.example/)",
        "shows 'dichvucong.gov.vn' but opens 'evil.example'",
    ),
    "zero-width-text": (
        "[dichvucong\u200b.gov.vn](https://evil.example/)",
        "shows 'dichvucong.gov.vn' but opens 'evil.example'",
    ),
    "cyrillic-text": (
        "[dіchvucong.gov.vn](https://evil.example/)",
        "shows 'dіchvucong.gov.vn' but opens 'evil.example'",
    ),
    "fullwidth-dots-text": (
        "[dichvucong．gov．vn](https://evil.example/)",
        "shows 'dichvucong.gov.vn' but opens 'evil.example'",
    ),
    "address-in-sentence": (
        "[Nộp hồ sơ tại dichvucong.gov.vn ngay hôm nay](https://evil.example/)",
        "shows 'dichvucong.gov.vn' but opens 'evil.example'",
    ),
}
REFUSED.update(ROUTES)

# Markdown whose unlisted markup is removed (with a warning) while its text stays.
STRIPPED = (
    "<marquee>Chữ chạy</marquee>\n\n"
    '<span style="position:fixed;top:0;left:0;width:100%;height:100%;background:#fff">'
    "Gọi 0999 999 999</span>\n\n"
    '<div class="md-dialog md-dialog--active">Thông báo giả</div>\n\n'
    '<a href="https://ok.example/" target="_blank" rel="opener">Mở</a>\n\n'
    "<font color=red>Chữ đỏ</font>\n\n"
    "<p><!-- ghi chú --> Có ghi chú</p>\n\n"
    # Headings whose code spans sit inside raw tags: the table of contents shows them as text.
    "## <span>`<img src=x onerror=alert(1)>`</span> Mục một\n\n"
    "## <em>`<script>alert(2)</script>`</em>\n\n"
    "## Mục `</a><style>*{color:red}</style>` ba\n"
)
# The headings above, as the table of contents must show them.
TOC_TITLES = (
    "<img src=x onerror=alert(1)> Mục một",
    "<script>alert(2)</script>",
    "Mục </a><style>*{color:red}</style> ba",
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

# Extra QR codes a page's front matter asks flyers to print (flyer.qr), each with a phrase of
# the refusal: every one would send someone who scans the printed code elsewhere.
QR_TARGETS: dict[str, tuple[str, str]] = {
    "qr-userinfo": ("https://dichvucong.gov.vn@evil.example/", "it has a user name before '@'"),
    "qr-backslash": ("https://evil.example\\@dichvucong.gov.vn/", "it holds a backslash"),
    "qr-http": ("http://dichvucong.gov.vn/", "QR codes open https:// addresses only"),
    "qr-other-host": ("https://evil.example/", "its host evil.example is not one codes may open"),
    "qr-trailing-dot": ("https://dichvucong.gov.vn./", "its host name ends in '.'"),
}
# ("https:/evil.example/" is refused by the front matter checks: not an absolute address.)


def qr_front_matter(url: str) -> str:
    """Front matter (for sitebuild.page's `extra`) asking the flyer for a code of `url`."""
    return f"flyer:\n  qr:\n    - label: Cổng\n      url: '{url}'\n"
