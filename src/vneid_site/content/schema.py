"""The front matter schema: the typed metadata a page may carry, and what each key means in
English and Vietnamese (for the messages that point at a wrong key)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

VALIDITY_STATES = ("in-force", "historical")
# QR codes on a flyer: the page's own and at most MAX_EXTRA_QR more, each of an address of at
# most MAX_QR_URL characters (longer ones make codes too dense to scan from paper; qrcode
# itself fails past about 2,300).
MAX_EXTRA_QR = 3
MAX_QR_URL = 200
# The templates of overrides/ that a page may name in `template:` (main.html is the default).
# The others are not made for a page: redirect.html reloads itself forever, 404.html is the
# error page.
PAGE_TEMPLATES = ("main.html", "flyers.html")
# A poster's steps: at most this many, each at most this long, so they read from two metres.
MAX_POSTER_STEPS = 5
MAX_POSTER_STEP = 90


@dataclass(frozen=True)
class Note:
    text: str
    source: str
    url: str = ""  # the source article's address, shown as a link on its name


@dataclass(frozen=True)
class Validity:
    status: str
    notes: tuple[Note, ...] = ()

    @property
    def historical(self) -> bool:
        return self.status == "historical"


@dataclass(frozen=True)
class Signer:
    authority: str
    title: str
    name: str


@dataclass(frozen=True)
class Document:
    issuer: str
    number: str
    place: str
    date: str
    subject: str
    signer: Signer | None = None
    issuer_parent: str = ""

    @property
    def year(self) -> str | None:
        """The year in the date line ("ngày   tháng   năm 2024" -> "2024"), if it has one."""
        years = re.findall(r"\b(1[89]\d\d|2\d\d\d)\b", self.date)
        return years[-1] if years else None


@dataclass(frozen=True)
class ExtraQr:
    label: str
    url: str


@dataclass(frozen=True)
class FlyerOptions:
    enabled: bool = True
    summary: str | None = None  # None: the page's first paragraph; "": no summary
    steps: tuple[str, ...] = ()  # headings whose numbered lists the flyer prints, in order
    note: str = ""
    qr: tuple[ExtraQr, ...] = ()
    poster_steps: tuple[str, ...] = ()  # short steps for the poster; none: the first steps


@dataclass(frozen=True)
class Change:
    """A dated note of what changed on the page (`history`), shown at its end."""

    date: date
    text: str


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    document: Document | None = None
    validity: Validity | None = None
    flyer: FlyerOptions = field(default_factory=FlyerOptions)
    # When the content last changed: front matter `updated`, else filled in by the build from
    # the source's last commit (content/page_dates.py).
    updated: date | None = None
    history: tuple[Change, ...] = ()


# key -> (expected python type, required, what it is in English, in Vietnamese)
Spec = dict[str, tuple[type | tuple[type, ...], bool, str, str]]
TOP: Spec = {
    "title": (str, True, "the page title, a text", "tiêu đề trang, một dòng chữ"),
    "description": (
        str,
        True,
        "one or two plain sentences saying what the page is for",
        "một hoặc hai câu ngắn nói trang này giúp gì",
    ),
    "document": (dict, False, "the official document's metadata", "thông tin văn bản chính thức"),
    "validity": (
        dict,
        False,
        "status: in-force or historical, with notes",
        "status: in-force (còn hiệu lực) hoặc historical (đã thay đổi), kèm notes",
    ),
    "flyer": (dict, False, "what the printable flyer shows", "tờ rơi in được ghi gì"),
    "updated": (
        (date, str),
        False,
        "the date the content last changed, YYYY-MM-DD; without it, the last commit's date",
        "ngày nội dung thay đổi lần cuối, dạng YYYY-MM-DD; không ghi thì lấy ngày của lần "
        "commit cuối",
    ),
    "history": (
        list,
        False,
        "a list of {date: YYYY-MM-DD, text: what changed}, shown at the end of the page",
        "danh sách {date: YYYY-MM-DD, text: điều gì đã thay đổi}, hiện ở cuối trang",
    ),
    # Material for MkDocs keys that pages may use.
    "hide": (list, False, "a list such as [navigation, toc]", "danh sách, ví dụ [navigation, toc]"),
    "icon": (str, False, "a Material icon name", "tên một biểu tượng của Material"),
    "search": (dict, False, "for example {exclude: true}", "ví dụ {exclude: true}"),
    "template": (
        str,
        False,
        "a page template of the site: flyers.html",
        "một khuôn trang của trang web: flyers.html",
    ),
}
DOCUMENT: Spec = {
    "issuer": (str, True, "the issuing body", "cơ quan ban hành"),
    "issuer_parent": (
        str,
        False,
        "the body above the issuer, printed above it",
        "cơ quan cấp trên, in phía trên cơ quan ban hành",
    ),
    "number": (
        str,
        True,
        'the document number as printed, blanks kept, e.g. "...../STTTT"',
        'số văn bản như bản in, giữ chỗ trống, ví dụ "...../STTTT"',
    ),
    "place": (str, True, "the place in the date line", "địa danh ở dòng ngày tháng"),
    "date": (
        str,
        True,
        'the date as printed, blanks kept, e.g. "ngày   tháng   năm 2024"',
        'ngày tháng như bản in, giữ chỗ trống, ví dụ "ngày   tháng   năm 2024"',
    ),
    "subject": (str, True, 'the subject line, "V/v ..."', 'dòng trích yếu, "V/v ..."'),
    "signer": (
        dict,
        False,
        "authority, title and name of the signer",
        "thẩm quyền, chức vụ và họ tên người ký",
    ),
}
SIGNER: Spec = {
    "authority": (
        str,
        False,
        'the signing authority line, e.g. "KT. GIÁM ĐỐC"',
        'dòng thẩm quyền ký, ví dụ "KT. GIÁM ĐỐC"',
    ),
    "title": (str, True, "the signer's title", "chức vụ người ký"),
    "name": (str, True, "the signer's name", "họ tên người ký"),
}
VALIDITY: Spec = {
    "status": (
        str,
        True,
        "in-force or historical",
        "in-force (còn hiệu lực) hoặc historical (đã thay đổi)",
    ),
    "notes": (list, False, "a list of {text, source}", "danh sách các mục {text, source}"),
}
NOTE: Spec = {
    "text": (str, True, "what has changed", "điều gì đã thay đổi"),
    "source": (str, True, "where that fact comes from", "thông tin đó lấy từ đâu"),
    "url": (
        str,
        False,
        "the https:// address of the source article",
        "địa chỉ https:// của bài viết nguồn",
    ),
}
CHANGE: Spec = {
    "date": ((date, str), True, "the day of the change, YYYY-MM-DD", "ngày thay đổi, YYYY-MM-DD"),
    "text": (
        str,
        True,
        "what changed on the page, with the source of any new fact",
        "trang đã thay đổi gì, kèm nguồn của thông tin mới",
    ),
}
FLYER: Spec = {
    "enabled": (
        bool,
        False,
        "true or false; false means no flyer for this page",
        "true hoặc false; false là trang này không có tờ rơi",
    ),
    "summary": (
        str,
        False,
        'a short text printed under the title ("" for none)',
        'câu ngắn in dưới tiêu đề ("" nếu không cần)',
    ),
    "steps": (
        (str, list),
        False,
        "the heading of the section whose numbered list the flyer prints, or a list of headings",
        "tiêu đề của mục có danh sách đánh số mà tờ rơi in ra, hoặc danh sách các tiêu đề",
    ),
    "note": (
        str,
        False,
        "a short caution printed in a box, e.g. what is not confirmed",
        "lưu ý ngắn in trong khung, ví dụ điều chưa được xác nhận",
    ),
    "qr": (
        list,
        False,
        "a list of {label, url} for extra QR codes",
        "danh sách {label, url} cho các mã QR thêm",
    ),
    "poster_steps": (
        list,
        False,
        "at most five short steps the large-print poster shows (else the first steps)",
        "tối đa năm bước ngắn in trên áp phích chữ lớn (không ghi thì lấy các bước đầu)",
    ),
}
QR: Spec = {
    "label": (str, True, "a short caption under the QR code", "chú thích ngắn dưới mã QR"),
    "url": (str, True, "an absolute https:// address", "địa chỉ đầy đủ, bắt đầu bằng https://"),
}
