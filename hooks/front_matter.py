"""Page front matter: parse it strictly and check it against the site's schema.

Every problem is worded in English (the build log) and in Vietnamese (the content checks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Any

import yaml

# Same delimiters as MkDocs, which silently ignores YAML it cannot parse; this module does not.
_BLOCK_RE = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)(?:\.{3}|-{3})[ \t]*\r?\n", re.DOTALL)

VALIDITY_STATES = ("in-force", "historical")
# libyaml is ten times faster than the pure-Python parser; PyYAML wheels include it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a page, with where and how to fix it, in English and Vietnamese."""

    path: str
    line: int
    message: str
    fix: str
    message_vi: str = ""
    fix_vi: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}\n  fix: {self.fix}"

    def bilingual(self) -> str:
        """`path:line: <Vietnamese> / <English>` and an indented `sửa / fix:` line."""
        vi, fix_vi = self.message_vi or self.message, self.fix_vi or self.fix
        return (
            f"{self.path}:{self.line}: {vi} / {self.message}\n    sửa / fix: {fix_vi} / {self.fix}"
        )


@dataclass(frozen=True)
class Note:
    text: str
    source: str


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


@dataclass(frozen=True)
class ExtraQr:
    label: str
    url: str


@dataclass(frozen=True)
class FlyerOptions:
    enabled: bool = True
    summary: str = ""
    steps: str = ""
    note: str = ""
    qr: tuple[ExtraQr, ...] = ()


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    document: Document | None = None
    validity: Validity | None = None
    flyer: FlyerOptions = field(default_factory=FlyerOptions)


# key -> (expected python type, required, what it is in English, in Vietnamese)
_Spec = dict[str, tuple[type | tuple[type, ...], bool, str, str]]
_TOP: _Spec = {
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
    # Material for MkDocs keys that pages may use.
    "hide": (list, False, "a list such as [navigation, toc]", "danh sách, ví dụ [navigation, toc]"),
    "icon": (str, False, "a Material icon name", "tên một biểu tượng của Material"),
    "search": (dict, False, "for example {exclude: true}", "ví dụ {exclude: true}"),
    "template": (
        str,
        False,
        "a page template in overrides/, such as flyers.html",
        "một khuôn trang trong overrides/, ví dụ flyers.html",
    ),
}
_DOCUMENT: _Spec = {
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
_SIGNER: _Spec = {
    "authority": (
        str,
        False,
        'the signing authority line, e.g. "KT. GIÁM ĐỐC"',
        'dòng thẩm quyền ký, ví dụ "KT. GIÁM ĐỐC"',
    ),
    "title": (str, True, "the signer's title", "chức vụ người ký"),
    "name": (str, True, "the signer's name", "họ tên người ký"),
}
_VALIDITY: _Spec = {
    "status": (
        str,
        True,
        "in-force or historical",
        "in-force (còn hiệu lực) hoặc historical (đã thay đổi)",
    ),
    "notes": (list, False, "a list of {text, source}", "danh sách các mục {text, source}"),
}
_NOTE: _Spec = {
    "text": (str, True, "what has changed", "điều gì đã thay đổi"),
    "source": (str, True, "where that fact comes from", "thông tin đó lấy từ đâu"),
}
_FLYER: _Spec = {
    "enabled": (
        bool,
        False,
        "true or false; false means no flyer for this page",
        "true hoặc false; false là trang này không có tờ rơi",
    ),
    "summary": (str, False, "a short text printed under the title", "câu ngắn in dưới tiêu đề"),
    "steps": (
        str,
        False,
        "the heading of the section whose numbered list the flyer prints",
        "tiêu đề của mục có danh sách đánh số mà tờ rơi in ra",
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
}
_QR: _Spec = {
    "label": (str, True, "a short caption under the QR code", "chú thích ngắn dưới mã QR"),
    "url": (str, True, "an absolute https:// address", "địa chỉ đầy đủ, bắt đầu bằng https://"),
}


class _Checker:
    def __init__(self, path: str, block: str, first_line: int) -> None:
        self.path = path
        self.block = block
        self._lines: dict[tuple[str, ...], int] | None = None
        self.first_line = first_line
        self.problems: list[Problem] = []

    def line(self, keys: tuple[str, ...]) -> int:
        # Key positions cost a second parse, so they are only worked out for a problem.
        if self._lines is None:
            self._lines = _key_lines(self.block)
        while keys and keys not in self._lines:
            keys = keys[:-1]
        return self._lines.get(keys, 0) + self.first_line

    def add(self, keys: tuple[str, ...], en: tuple[str, str], vi: tuple[str, str]) -> None:
        """Record (message, fix) in English and in Vietnamese at the line of `keys`."""
        self.problems.append(Problem(self.path, self.line(keys), en[0], en[1], vi[0], vi[1]))

    def mapping(self, raw: Any, spec: _Spec, keys: tuple[str, ...]) -> dict[str, Any]:
        name = ".".join(keys)
        if not isinstance(raw, dict):
            self.add(
                keys,
                (f"{name or 'front matter'} must be a mapping of keys to values", _example(spec)),
                (
                    f"{name or 'phần đầu trang'} phải là các dòng 'khóa: giá trị'",
                    _example(spec, vi=True),
                ),
            )
            return {}
        out: dict[str, Any] = {}
        for key, value in raw.items():
            where = (*keys, str(key))
            dotted = ".".join(where)
            if key not in spec:
                allowed = ", ".join(spec)
                near = get_close_matches(str(key), list(spec), n=1)
                hint_en = f" (did you mean '{near[0]}'?)" if near else ""
                hint_vi = f" (có phải '{near[0]}'?)" if near else ""
                self.add(
                    where,
                    (f"unknown key '{dotted}'", f"use one of: {allowed}{hint_en}"),
                    (f"khóa '{dotted}' không có trong mẫu", f"dùng một trong: {allowed}{hint_vi}"),
                )
                continue
            expected, _, what, what_vi = spec[key]
            if not isinstance(value, expected) or (expected is str and not value.strip()):
                self.add(
                    where,
                    (f"'{dotted}' has the wrong type or is empty", what),
                    (f"'{dotted}' sai kiểu hoặc để trống", what_vi),
                )
                continue
            out[key] = value
        for key, (_, required, what, what_vi) in spec.items():
            if required and key not in raw:
                dotted = ".".join((*keys, key))
                self.add(
                    keys,
                    (f"'{dotted}' is missing", f"add {key}: {what}"),
                    (f"thiếu '{dotted}'", f"thêm {key}: {what_vi}"),
                )
        return out

    def items(self, raw: list[Any], spec: _Spec, keys: tuple[str, ...]) -> list[dict[str, Any]]:
        return [self.mapping(item, spec, (*keys, str(i))) for i, item in enumerate(raw)]


def _example(spec: _Spec, vi: bool = False) -> str:
    parts = "; ".join(
        f"{key}: <{what_vi if vi else what}>" for key, (_, _, what, what_vi) in spec.items()
    )
    return ("viết theo mẫu: " if vi else "write it as: ") + parts


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Line (0-based, within the block) of each key path, for error messages."""
    lines: dict[tuple[str, ...], int] = {}

    def walk(node: yaml.Node, keys: tuple[str, ...]) -> None:
        lines.setdefault(keys, node.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                where = (*keys, str(key_node.value))
                lines[where] = key_node.start_mark.line
                walk(value_node, where)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*keys, str(i)))

    root = yaml.compose(text, Loader=_LOADER)
    if root is not None:
        walk(root, ())
    return lines


def key_line(source: str, keys: tuple[str, ...]) -> int:
    """1-based line of a front matter key in a page's source ('flyer', 'steps'), or 1."""
    block, _ = split_front_matter(source)
    try:
        lines = _key_lines(block) if block is not None else {}
    except yaml.YAMLError:
        return 1
    return lines[keys] + 2 if keys in lines else 1


def split_front_matter(source: str) -> tuple[str | None, str]:
    """Return (front matter text or None, body)."""
    match = _BLOCK_RE.match(source)
    if not match:
        return None, source
    return match.group(1), source[match.end() :]


def parse_page_meta(source: str, path: str) -> tuple[PageMeta | None, list[Problem]]:
    """Parse and check the front matter of one Markdown page."""
    block, _ = split_front_matter(source)
    if block is None:
        if source.lstrip().startswith("---"):
            return None, [
                Problem(
                    path,
                    1,
                    "the front matter has no closing '---' line",
                    "end the block of keys with a line holding only ---",
                    "phần đầu trang (front matter) thiếu dòng '---' để đóng lại",
                    "kết thúc các dòng khóa bằng một dòng chỉ có ---",
                )
            ]
        return None, [
            Problem(
                path,
                1,
                "the page has no front matter",
                "start the file with ---, then title: and description:, then ---",
                "trang không có phần đầu trang (front matter)",
                "mở đầu tệp bằng dòng ---, rồi title: và description:, rồi dòng ---",
            )
        ]
    try:
        raw = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        return None, [
            Problem(
                path,
                line,
                f"the front matter is not valid YAML ({problem})",
                "check the indentation, and put text holding ':' or '#' in double quotes",
                f"phần đầu trang viết sai cú pháp YAML ({problem})",
                "kiểm tra thụt lề; chữ có dấu ':' hoặc '#' thì đặt trong dấu ngoặc kép \"...\"",
            )
        ]
    check = _Checker(path, block, first_line=2)
    top = check.mapping(raw, _TOP, ())
    document = validity = None
    flyer = FlyerOptions()
    if "document" in top:
        doc = check.mapping(top["document"], _DOCUMENT, ("document",))
        signer = None
        if "signer" in doc:
            s = check.mapping(doc["signer"], _SIGNER, ("document", "signer"))
            signer = Signer(s.get("authority", ""), s.get("title", ""), s.get("name", ""))
        document = Document(
            issuer=doc.get("issuer", ""),
            issuer_parent=doc.get("issuer_parent", ""),
            number=doc.get("number", ""),
            place=doc.get("place", ""),
            date=doc.get("date", ""),
            subject=doc.get("subject", ""),
            signer=signer,
        )
    if "validity" in top:
        val = check.mapping(top["validity"], _VALIDITY, ("validity",))
        status = val.get("status", "")
        if status and status not in VALIDITY_STATES:
            check.add(
                ("validity", "status"),
                (
                    f"validity.status '{status}' is not known",
                    f"use one of: {', '.join(VALIDITY_STATES)}",
                ),
                (
                    f"validity.status '{status}' không hợp lệ",
                    f"dùng một trong: {', '.join(VALIDITY_STATES)}",
                ),
            )
        notes = check.items(val.get("notes", []), _NOTE, ("validity", "notes"))
        validity = Validity(
            status, tuple(Note(n.get("text", ""), n.get("source", "")) for n in notes)
        )
    if "flyer" in top:
        fly = check.mapping(top["flyer"], _FLYER, ("flyer",))
        qrs = check.items(fly.get("qr", []), _QR, ("flyer", "qr"))
        for i, qr in enumerate(qrs):
            if "url" in qr and not re.match(r"https?://[^\s/]+", qr["url"]):
                check.add(
                    ("flyer", "qr", str(i), "url"),
                    (
                        f"flyer.qr.{i}.url '{qr['url']}' is not an absolute address",
                        "write the full address, starting with https://",
                    ),
                    (
                        f"flyer.qr.{i}.url '{qr['url']}' không phải địa chỉ đầy đủ",
                        "viết đủ địa chỉ, bắt đầu bằng https://",
                    ),
                )
        flyer = FlyerOptions(
            enabled=fly.get("enabled", True),
            summary=fly.get("summary", ""),
            steps=fly.get("steps", ""),
            note=fly.get("note", ""),
            qr=tuple(ExtraQr(q.get("label", ""), q.get("url", "")) for q in qrs),
        )
    if check.problems:
        return None, check.problems
    meta = PageMeta(
        title=top["title"].strip(),
        description=top["description"].strip(),
        document=document,
        validity=validity,
        flyer=flyer,
    )
    return meta, []
