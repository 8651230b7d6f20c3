"""What HTML a page's content may hold, and what it holds that it may not.

The allowlist is what Markdown, the site's pymdown-extensions and its templates produce (see
CONTRIBUTING.md, "Allowed HTML"). Everything else is either refused, which stops the build
and the content checks with the file and line (scripts, event handlers, javascript: and other
unlisted addresses, frames, forms, meta refresh, base, inline SVG), or stripped with a warning
(any other element or attribute: the text stays, the markup goes). `sanitise.py` enforces the
list with nh3; this module names, for the messages, what nh3 removes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vneid_site import urls
from vneid_site.content import ids, link_text

ALLOWED_TAGS = frozenset(
    """a abbr b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div
    dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd label li mark ol p pre q
    rp rt ruby s samp small span strong sub summary sup table tbody td tfoot th thead time tr u
    ul var wbr""".split()
)
# Every allowed tag may carry these; "aria-" attributes are allowed too.
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})
GENERIC_PREFIXES = frozenset({"aria-"})
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "td": frozenset({"colspan", "rowspan", "headers", "style", "align"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "style", "align"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "p": frozenset({"align"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    # pymdownx.tabbed (radio buttons and their labels) and pymdownx.tasklist (check boxes).
    "div": frozenset({"data-tabs"}),
    "input": frozenset({"type", "checked", "disabled", "name"}),
    "label": frozenset({"for"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align"})  # what the tables extension writes
INPUT_TYPES = frozenset({"checkbox", "radio"})  # task lists and tabs
# Material's own class names style its header, dialogs and overlays; content may borrow
# only its buttons.
THEME_CLASS_PREFIX = "md-"
THEME_CLASSES = frozenset({"md-button", "md-button--primary"})
# Removed with everything inside them (their text is code or style, not page text).
CONTENT_DROPPED = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "math"})

_CODE = ("it can run code in readers' browsers", "nó có thể chạy mã trên máy người đọc")
_REMOVE = ("remove it", "xóa nó đi")
_EMBED = (
    ("it puts another site or program inside this page", "nó nhúng trang hay chương trình khác"),
    (
        "remove it; to show a video or map, put a normal link to it",
        "xóa nó đi; muốn giới thiệu video hay bản đồ thì đặt một liên kết thường",
    ),
)
_FORM = (
    (
        "it can ask readers for information and send it elsewhere",
        "nó có thể hỏi thông tin của người đọc và gửi đi nơi khác",
    ),
    (
        "remove it; the site never asks readers for personal information: link to the "
        "official service instead",
        "xóa nó đi; trang không bao giờ hỏi thông tin cá nhân của người đọc: hãy đặt liên kết "
        "tới dịch vụ chính thức",
    ),
)
_PAGE = (
    (
        "it changes the whole page: where it goes, where its links lead or how it looks",
        "nó thay đổi cả trang: chuyển trang, đổi đích của liên kết hoặc đổi giao diện",
    ),
    _REMOVE,
)
_PARSER = (
    (
        "it changes how browsers read the rest of the page",
        "nó làm trình duyệt đọc sai phần còn lại của trang",
    ),
    _REMOVE,
)
_DRAWING = (
    (
        "a drawing written into the page can carry code and links",
        "hình vẽ viết thẳng vào trang có thể chứa mã và liên kết",
    ),
    (
        "save the drawing as an .svg file in docs/assets/images/ and show it as an image: "
        "![description](assets/images/drawing.svg)",
        "lưu hình vẽ thành tệp .svg trong docs/assets/images/ rồi chèn như một ảnh: "
        "![mô tả](assets/images/hinh-ve.svg)",
    ),
)
# Refused elements: (why, fix), each in English and Vietnamese.
REFUSED_TAGS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    **dict.fromkeys(("script", "noscript"), (_CODE, _REMOVE)),
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "applet", "param", "portal"), _EMBED
    ),
    **dict.fromkeys(
        ("form", "button", "textarea", "select", "option", "optgroup", "datalist", "output"),
        _FORM,
    ),
    **dict.fromkeys(("meta", "base", "link", "style", "title"), _PAGE),
    **dict.fromkeys(("xmp", "plaintext", "listing", "noembed", "noframes"), _PARSER),
    **dict.fromkeys(("svg", "math"), _DRAWING),
}
# Address schemes that run code when followed; any other unlisted scheme is refused too.
CODE_SCHEMES = frozenset({"javascript", "vbscript", "data"})


@dataclass(frozen=True)
class Finding:
    """Something in a page's HTML that the sanitiser refuses or strips, worded for people."""

    refused: bool
    message: str
    fix: str
    message_vi: str
    fix_vi: str
    needles: tuple[str, ...]  # what to look for in the Markdown source, to find the line


# Re-exported: front matter and the tests read addresses through this module.
normalise_url = urls.normalise
url_scheme = urls.scheme_of
host_of = urls.host_of
lookalike_host = urls.lookalike_host


def _external(url: str) -> bool:
    """True for an address (normalised) on another host: with a scheme, or starting with //."""
    return urls.scheme_of(url) is not None or url.replace("\\", "/").startswith("//")


def _dropped_address(
    tag: str, name: str, url: str
) -> Literal["image", "lookalike", "trick"] | None:
    """Why an address is dropped, whatever its scheme: "image" for an image from another
    host, "lookalike" for a host in look-alike letters, "trick" for a form that people and
    browsers read differently (urls.tricks). `filter_value` drops on it and `_check_url` words
    it, so the two agree."""
    if tag == "img" and name == "src" and _external(urls.normalise(url)):
        return "image"
    if urls.tricks(url):
        return "trick"
    if urls.lookalike(urls.parse(url)):
        return "lookalike"
    return None


def allowed_attribute(tag: str, name: str) -> bool:
    return (
        name in GLOBAL_ATTRIBUTES
        or name in TAG_ATTRIBUTES.get(tag, ())
        or any(name.startswith(prefix) for prefix in GENERIC_PREFIXES)
    )


def theme_class(token: str) -> bool:
    return token.startswith(THEME_CLASS_PREFIX) and token not in THEME_CLASSES


def filter_value(tag: str, name: str, value: str) -> str | None:
    """The value an allowed attribute keeps (None: drop the attribute). nh3 calls this for
    every attribute it keeps; `inspect` reports the same decisions."""
    if name == "class":
        kept = " ".join(token for token in value.split() if not theme_class(token))
        return kept or None
    if tag == "input" and name == "type":
        return value if value.strip().lower() in INPUT_TYPES else None
    if name in URL_ATTRIBUTES and _dropped_address(tag, name, value):
        return None
    if name in ids.ID_ATTRIBUTES and ids.verdict(tag, name, value) != "ok":
        return None
    return value


def style_properties(value: str) -> list[str]:
    """Lower-case property names of a style attribute ("text-align: left; color: red")."""
    names = []
    for declaration in value.split(";"):
        name, colon, _ = declaration.partition(":")
        if colon and name.strip():
            names.append(name.strip().lower())
    return names


class _Report:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def refuse(self, what: tuple[str, str], why: tuple[str, str], fix: tuple[str, str], *needles):
        self.findings.append(
            Finding(
                True,
                f"{what[0]} is not allowed in page content ({why[0]})",
                fix[0],
                f"không được dùng {what[1]} trong nội dung trang ({why[1]})",
                fix[1],
                tuple(n.lower() for n in needles if n),
            )
        )

    def strip(self, what: tuple[str, str], fix: tuple[str, str], *needles: str) -> None:
        self.findings.append(
            Finding(
                False,
                f"{what[0]} is removed from the page: it is not on the list of allowed HTML",
                fix[0],
                f"{what[1]} bị bỏ khỏi trang: không có trong danh sách HTML được phép",
                fix[1],
                tuple(n.lower() for n in needles if n),
            )
        )


_SEE = (
    "write it in Markdown, or see 'Allowed HTML' in CONTRIBUTING.en.md",
    "viết bằng Markdown, hoặc xem mục 'HTML được phép' trong CONTRIBUTING.md",
)
_OTHER_ADDRESS = (
    "only http, https, mailto, tel and relative addresses are allowed",
    "chỉ được dùng địa chỉ http, https, mailto, tel hoặc địa chỉ tương đối",
)
_LINK_FIX = (
    "link to a web page (https://...) or to a page or file of this site",
    "liên kết tới một trang web (https://...) hoặc tới trang, tệp của trang này",
)


_TRICKS: dict[urls.Trick, tuple[str, str]] = {
    "bidi": (
        "it holds invisible characters that reverse the order of the text (bidi controls)",
        "nó chứa ký tự ẩn đảo ngược thứ tự chữ (ký tự điều khiển hướng chữ)",
    ),
    "backslash": (
        "browsers read its '\\' as '/', so it opens another host than it seems to",
        "trình duyệt đọc dấu '\\' thành '/', nên nó mở một trang khác với vẻ ngoài",
    ),
    "scheme-relative": (
        "an address starting with // opens another site",
        "địa chỉ bắt đầu bằng // mở sang một trang khác",
    ),
    "slashes": (
        "browsers open it as the host after the scheme, whatever the number of slashes",
        "trình duyệt vẫn mở nó theo tên miền đứng sau, dù thiếu hay thừa dấu gạch chéo",
    ),
    "userinfo": (
        "what stands before '@' is not where it goes: 'https://a.gov.vn@evil.example/' opens "
        "evil.example",
        "phần trước dấu '@' không phải nơi nó mở: 'https://a.gov.vn@evil.example/' mở evil.example",
    ),
    "trailing-dot": (
        "a host name ending in '.' is read as another site by browsers and certificates",
        "tên miền kết thúc bằng dấu '.' bị trình duyệt coi là một trang khác",
    ),
}
_TRICK_FIX = (
    "write the address in full, as the organisation publishes it: https://host/path",
    "viết đầy đủ địa chỉ, đúng như cơ quan công bố: https://ten-mien/duong-dan",
)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _written(name: str, value: str) -> tuple[str, ...]:
    """How an address is written in Markdown or HTML, most exact first, to find its line."""
    url = value.strip()[:40]
    return (f"]({url}", f'{name}="{url}', f"{name}='{url}", f"{name}={url}", url)


def _check_url(report: _Report, tag: str, name: str, value: str) -> None:
    url = urls.normalise(value)
    scheme = urls.scheme_of(url)
    short = _short(url)
    if scheme is not None and scheme not in URL_SCHEMES:
        why = _CODE if scheme in CODE_SCHEMES else _OTHER_ADDRESS
        what = (f"the address '{short}' ({scheme}:)", f"địa chỉ '{short}' ({scheme}:)")
        if scheme == "javascript":
            what = ("javascript:", "javascript:")
        report.refuse(what, why, _LINK_FIX, url[:40], f"{scheme}:", f"{name}=")
        return
    dropped = _dropped_address(tag, name, value)
    if dropped == "image":
        report.refuse(
            (f"the image '{short}' from another site", f"ảnh '{short}' lấy từ trang khác"),
            (
                "readers' browsers would contact that site, and the site's security policy "
                "blocks it",
                "trình duyệt của người đọc sẽ kết nối tới trang đó, và chính sách bảo mật của "
                "trang chặn việc này",
            ),
            (
                "save the image in docs/assets/images/ and use a relative address: "
                "![description](assets/images/picture.png)",
                "lưu ảnh vào docs/assets/images/ và dùng địa chỉ tương đối: "
                "![mô tả](assets/images/anh.png)",
            ),
            url[:40],
        )
    elif dropped == "trick":
        trick = urls.tricks(value)[0]
        visible = _short(link_text.shown(url))
        report.refuse(
            (f"the address '{visible}'", f"địa chỉ '{visible}'"),
            (_TRICKS[trick][0], _TRICKS[trick][1]),
            _TRICK_FIX,
            *_written(name, value),
            link_text.shown(url)[:40],
            f"{name}=",
        )
    elif dropped == "lookalike":
        report.refuse(
            (f"the address '{short}'", f"địa chỉ '{short}'"),
            (
                "its host name uses look-alike letters that imitate another address",
                "tên miền của nó dùng chữ giả dạng giống một địa chỉ khác",
            ),
            (
                "write the address in plain Latin letters, as the organisation publishes it",
                "viết địa chỉ bằng chữ Latinh thường, đúng như cơ quan công bố",
            ),
            url[:40],
        )


def _check_link_text(report: _Report, href: str, text: str) -> None:
    """A link's text, read as a reader sees it, may name no address but the one it opens;
    and it may not hold bidi controls, which can show an address backwards."""
    if link_text.has_bidi_controls(text):
        report.refuse(
            ("a link whose text", "liên kết có phần chữ"),
            _TRICKS["bidi"],
            (
                "type the link's text again, without copying it from elsewhere",
                "gõ lại phần chữ của liên kết, đừng sao chép từ nơi khác",
            ),
            link_text.shown(text)[:40],
            urls.normalise(href)[:40],
        )
        return
    address = urls.parse(href)
    target = address.host
    if target is None or address.scheme not in ("http", "https"):
        return
    for said in link_text.mismatched(text, target):
        report.refuse(
            (
                f"a link that shows '{said}' but opens '{target}'",
                f"liên kết ghi '{said}' nhưng lại mở '{target}'",
            ),
            (
                "readers trust the address they see, and scams use links like this",
                "người đọc tin vào địa chỉ họ nhìn thấy, và kẻ lừa đảo dùng kiểu liên kết này",
            ),
            (
                f"make the link's text say where it goes, or point it at {said}",
                f"ghi đúng nơi liên kết mở ra, hoặc cho liên kết trỏ tới {said}",
            ),
            f"[{text.strip()[:40]}",
            text.strip()[:40],
            said,
            target,
        )


def inspect(html: str) -> list[Finding]:
    """What nh3 would remove from `html` (a page body as Markdown renders it), in order."""
    from lxml import etree
    from lxml.html import document_fromstring

    report = _Report()
    if not html.strip():
        return []
    try:
        root = document_fromstring(f"<html><body>{html}</body></html>")
    except etree.ParserError:
        return []
    # Depth first, in document order, without entering a refused element: whatever is inside
    # it goes with it, so nothing in it is reported.
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue  # comments and processing instructions: dropped without a word
        tag = el.tag.lower()
        if _refused_element(report, el, tag):
            continue
        structural = tag in ("html", "head", "body") and el.getparent() in (None, root)
        if tag not in ALLOWED_TAGS and not structural:
            report.strip((f"the element <{tag}>", f"thẻ <{tag}>"), _SEE, f"<{tag}")
        _check_attributes(report, el, tag)
        stack.extend(reversed(el))
    return report.findings


def _refused_element(report: _Report, el, tag: str) -> bool:
    if tag in REFUSED_TAGS:
        what = (f"<{tag}>", f"<{tag}>")
        if tag == "meta" and "refresh" in (el.get("http-equiv") or "").lower():
            what = ("<meta http-equiv=refresh>", "<meta http-equiv=refresh>")
        why, fix = REFUSED_TAGS[tag]
        report.refuse(what, why, fix, f"<{tag}")
        return True
    if tag == "input" and (el.get("type") or "text").strip().lower() not in INPUT_TYPES:
        kind = el.get("type") or "text"
        report.refuse(
            (f"<input type={kind}>", f"ô nhập liệu <input type={kind}>"), *_FORM, "<input"
        )
        return True
    return False


_ID_FIX = (
    "use letters, digits and - _ . : only, not starting with __; for a heading, give it its "
    "own id: ## Heading { #my-heading }",
    "chỉ dùng chữ cái, chữ số và - _ . :, không bắt đầu bằng __; với tiêu đề mục, đặt id "
    "riêng: ## Tiêu đề { #tieu-de }",
)


def _in_tabbed_set(el, tag: str) -> bool:
    """An element where pymdownx.tabbed puts its own ids: a radio button of a tabbed-set, or
    a label among its tabbed-labels."""
    parent = el.getparent()
    if tag == "label" and parent is not None and "tabbed-labels" in parent.classes:
        parent = parent.getparent()
    return parent is not None and parent.tag == "div" and "tabbed-set" in parent.classes


def _check_id(report: _Report, el, tag: str, name: str, value: str) -> None:
    verdict = ids.verdict(tag, name, value, tabbed=_in_tabbed_set(el, tag))
    if verdict == "ok":
        return
    shown = value if len(value) <= 40 else value[:37] + "..."
    what = (f"the {name} '{shown}'", f"giá trị {name} '{shown}'")
    if verdict == "characters":
        why = (
            "an id may hold letters, digits and - _ . : only; other characters can break out "
            "of the links the site makes from it (the table of contents)",
            "id chỉ được chứa chữ cái, chữ số và - _ . :; ký tự khác có thể thoát khỏi liên "
            "kết mà trang tạo từ nó (mục lục)",
        )
    else:
        theme = ids.theme_id_named(value) or "__"
        why = (
            f"names starting with __ belong to the site's theme ({theme}); a page that takes "
            "one can replace the theme's settings or controls",
            f"tên bắt đầu bằng __ thuộc về giao diện của trang ({theme}); trang nào dùng nó có "
            "thể thay cấu hình hoặc nút điều khiển của giao diện",
        )
    report.refuse(
        what, why, _ID_FIX, value[:40], f"{name}=", value.split()[0][:20] if value.split() else ""
    )


def _check_attributes(report: _Report, el, tag: str) -> None:
    for raw_name, value in el.attrib.items():
        name = raw_name.lower()
        if name.startswith("on"):
            report.refuse((f"the attribute {name}=", f"thuộc tính {name}="), _CODE, _REMOVE, name)
            continue
        if name in URL_ATTRIBUTES or name.endswith(":href") or name in ("action", "formaction"):
            _check_url(report, tag, name, value)
        if name in ids.ID_ATTRIBUTES:
            _check_id(report, el, tag, name, value)
        if tag not in ALLOWED_TAGS:
            continue  # the element goes, so its attributes go too: said once, above
        if not allowed_attribute(tag, name):
            report.strip(
                (f"the attribute {name}= on <{tag}>", f"thuộc tính {name}= của thẻ <{tag}>"),
                _SEE,
                f"{name}=",
                name,
            )
        elif name == "class":
            for token in value.split():
                if theme_class(token):
                    report.strip(
                        (f"the class '{token}'", f"lớp (class) '{token}'"),
                        (
                            "md- classes belong to the site's theme; only md-button and "
                            "md-button--primary may be used in content",
                            "các lớp md- thuộc về giao diện của trang; nội dung chỉ được dùng "
                            "md-button và md-button--primary",
                        ),
                        token,
                    )
        elif name == "style":
            for prop in style_properties(value):
                if prop not in STYLE_PROPERTIES:
                    report.strip(
                        (f"the style '{prop}'", f"kiểu trình bày '{prop}'"),
                        (
                            "only text-align may be set in a style attribute; the site's "
                            "stylesheet does the rest",
                            "trong thuộc tính style chỉ được đặt text-align; phần còn lại do "
                            "giao diện của trang lo",
                        ),
                        prop,
                    )
    if tag == "a" and el.get("href"):
        _check_link_text(report, el.get("href"), el.text_content())
