"""Page front matter: parse it strictly and check it against the schema (schema.py).

Every problem is worded in English (the build log) and in Vietnamese (the content checks).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from difflib import get_close_matches
from typing import Any

import yaml

from vneid_site.content import schema
from vneid_site.content.controls import controls_in
from vneid_site.content.flyer_options import flyer_options
from vneid_site.content.problems import Problem
from vneid_site.content.schema import (
    PAGE_TEMPLATES,
    VALIDITY_STATES,
    Change,
    Document,
    FlyerOptions,
    Note,
    PageMeta,
    Signer,
    Spec,
    Validity,
)

# Same delimiters as MkDocs, which silently ignores YAML it cannot parse; this module does not.
_BLOCK_RE = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)(?:\.{3}|-{3})[ \t]*\r?\n", re.DOTALL)

# libyaml is ten times faster than the pure-Python parser; PyYAML wheels include it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FIRST_LINE = 2  # the block starts on the line after the opening ---
# Texts that may be set empty on purpose: flyer.summary: "" prints no summary.
_MAY_BE_EMPTY = frozenset({"flyer.summary"})


# A source's address: https, a host, no spaces or quotes (it is printed as a link's href).
_SOURCE_URL = re.compile(r"https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:/[^\s\"'<>\\]*)?")


class _Checker:
    def __init__(self, path: str, block: str) -> None:
        self.path = path
        self.block = block
        self._lines: dict[tuple[str, ...], int] | None = None
        self.problems: list[Problem] = []

    def line(self, keys: tuple[str, ...]) -> int:
        # Key positions cost a second parse, so they are only worked out for a problem.
        if self._lines is None:
            try:
                self._lines = _key_lines(self.block)
            except (yaml.YAMLError, RecursionError):
                self._lines = {}
        while keys and keys not in self._lines:
            keys = keys[:-1]
        return self._lines.get(keys, 0) + _FIRST_LINE

    def add(self, keys: tuple[str, ...], en: tuple[str, str], vi: tuple[str, str]) -> None:
        """Record (message, fix) in English and in Vietnamese at the line of `keys`."""
        self.problems.append(Problem(self.path, self.line(keys), en[0], en[1], vi[0], vi[1]))

    def mapping(self, raw: Any, spec: Spec, keys: tuple[str, ...]) -> dict[str, Any]:
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
            empty = expected is str and isinstance(value, str) and not value.strip()
            empty = empty and dotted not in _MAY_BE_EMPTY
            if not isinstance(value, expected) or empty:
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

    def items(self, raw: list[Any], spec: Spec, keys: tuple[str, ...]) -> list[dict[str, Any]]:
        return [self.mapping(item, spec, (*keys, str(i))) for i, item in enumerate(raw)]


def _example(spec: Spec, vi: bool = False) -> str:
    parts = "; ".join(
        f"{key}: <{what_vi if vi else what}>" for key, (_, _, what, what_vi) in spec.items()
    )
    return ("viết theo mẫu: " if vi else "write it as: ") + parts


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Line (0-based, within the block) of each key path, for error messages."""
    lines: dict[tuple[str, ...], int] = {}
    seen: set[int] = set()

    def walk(node: yaml.Node, keys: tuple[str, ...]) -> None:
        # Each node once: an alias shares its node, and following aliases grows exponentially.
        if id(node) in seen:
            return
        seen.add(id(node))
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
    return lines[keys] + _FIRST_LINE if keys in lines else 1


def split_front_matter(source: str) -> tuple[str | None, str]:
    """Return (front matter text or None, body)."""
    match = _BLOCK_RE.match(source)
    if not match:
        return None, source
    return match.group(1), source[match.end() :]


def _no_block(source: str, path: str) -> Problem:
    if source.lstrip().startswith("---"):
        return Problem(
            path,
            1,
            "the front matter has no closing '---' line",
            "end the block of keys with a line holding only ---",
            "phần đầu trang (front matter) thiếu dòng '---' để đóng lại",
            "kết thúc các dòng khóa bằng một dòng chỉ có ---",
        )
    return Problem(
        path,
        1,
        "the page has no front matter",
        "start the file with ---, then title: and description:, then ---",
        "trang không có phần đầu trang (front matter)",
        "mở đầu tệp bằng dòng ---, rồi title: và description:, rồi dòng ---",
    )


def _yaml_error(err: yaml.YAMLError, path: str) -> Problem:
    mark = getattr(err, "problem_mark", None)
    line = (mark.line + _FIRST_LINE) if mark is not None else 1
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    return Problem(
        path,
        line,
        f"the front matter is not valid YAML ({problem})",
        "check the indentation, and put text holding ':' or '#' in double quotes",
        f"phần đầu trang viết sai cú pháp YAML ({problem})",
        "kiểm tra thụt lề; chữ có dấu ':' hoặc '#' thì đặt trong dấu ngoặc kép \"...\"",
    )


def _anchors(block: str, path: str) -> list[Problem]:
    """YAML anchors (&a) and aliases (*a), found in the event stream before anything is built:
    a few hundred bytes of nested aliases expand into billions of values."""
    if "&" not in block and "*" not in block:
        return []  # neither can be written without its sign: no second parse
    problems: list[Problem] = []
    try:
        for event in yaml.parse(block, Loader=_LOADER):
            alias = isinstance(event, yaml.AliasEvent)
            anchor = getattr(event, "anchor", None)  # aliases, and nodes that set one
            line = (event.start_mark.line if event.start_mark else 0) + _FIRST_LINE
            if problems and problems[-1].line == line:
                continue  # one problem per line
            if alias or anchor is not None:
                mark = f"*{anchor}" if alias else f"&{anchor}"
                problems.append(
                    Problem(
                        path,
                        line,
                        f"the front matter uses a YAML anchor or alias ({mark})",
                        "write each value out in full; anchors (&name) and aliases (*name) are "
                        "not allowed",
                        f"phần đầu trang dùng neo hoặc bí danh YAML ({mark})",
                        "viết đầy đủ từng giá trị; không được dùng neo (&tên) và bí danh (*tên)",
                    )
                )
    except yaml.YAMLError:
        pass  # said by the parser, with its line, below
    return problems


def _long_number_line(block: str) -> int:
    """The line of the first number too long for Python to convert, else 1."""
    try:
        root = yaml.compose(block, Loader=_LOADER)
    except (yaml.YAMLError, RecursionError):
        return 1
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":int") and len(node.value) > 1000:
                return node.start_mark.line + _FIRST_LINE
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in reversed(node.value) for item in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return 1


def _unreadable(err: ValueError | RecursionError, path: str, line: int) -> Problem:
    what = "nested too deeply" if isinstance(err, RecursionError) else "a number far too long"
    return Problem(
        path,
        line,
        f"the front matter cannot be read: it holds {what}",
        "write dates as YYYY-MM-DD and numbers of a few digits; put long codes in double "
        "quotes; do not nest lists or keys more than a few levels",
        "phần đầu trang không đọc được: có "
        + ("cấu trúc lồng nhau quá sâu" if isinstance(err, RecursionError) else "số quá dài"),
        "viết ngày dạng YYYY-MM-DD và số chỉ vài chữ số; mã dài thì đặt trong ngoặc kép; "
        "không lồng danh sách hay khóa quá vài cấp",
    )


def _shown(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: cut short (str() of a huge int is itself an error)."""
    if isinstance(value, int) and value.bit_length() > 200:
        return "(a very long number)"
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _controls(check: _Checker, raw: Any) -> None:
    """Every text of the front matter, keys included, without control characters: titles and
    notes are printed on pages and flyers exactly as written."""
    for keys, found in controls_in(raw, _shown):
        dotted = ".".join(keys) or "front matter"
        check.add(
            keys,
            (
                f"'{dotted}' holds an invisible control character ({found.name}, character "
                f"{found.position})",
                "delete it (retype the text around it): control characters can make text read "
                "in another order than it is written, as in 'exe.png' spoofing",
            ),
            (
                f"'{dotted}' có ký tự điều khiển vô hình ({found.name}, ký tự thứ "
                f"{found.position})",
                "xóa ký tự đó (gõ lại phần chữ quanh nó): ký tự điều khiển có thể làm chữ hiện "
                "theo thứ tự khác với khi viết, như kiểu giả mạo tên 'exe.png'",
            ),
        )


def _template(check: _Checker, name: str) -> None:
    """Only the templates meant for pages: any other (redirect.html, 404.html) breaks the
    page or sends readers elsewhere."""
    if name.strip() in PAGE_TEMPLATES:
        return
    allowed = ", ".join(PAGE_TEMPLATES)
    check.add(
        ("template",),
        (
            f"template '{_shown(name)}' is not one of the site's page templates",
            f"use one of: {allowed}; or leave template out for an ordinary page",
        ),
        (
            f"template '{_shown(name)}' không phải khuôn trang của trang web",
            f"dùng một trong: {allowed}; hoặc bỏ template đi với trang thường",
        ),
    )


def _document(check: _Checker, raw: Any) -> Document:
    doc = check.mapping(raw, schema.DOCUMENT, ("document",))
    signer = None
    if "signer" in doc:
        s = check.mapping(doc["signer"], schema.SIGNER, ("document", "signer"))
        signer = Signer(s.get("authority", ""), s.get("title", ""), s.get("name", ""))
    return Document(
        issuer=doc.get("issuer", ""),
        issuer_parent=doc.get("issuer_parent", ""),
        number=doc.get("number", ""),
        place=doc.get("place", ""),
        date=doc.get("date", ""),
        subject=doc.get("subject", ""),
        signer=signer,
    )


def _validity(check: _Checker, raw: Any) -> Validity:
    val = check.mapping(raw, schema.VALIDITY, ("validity",))
    status = val.get("status", "")
    if status and status not in VALIDITY_STATES:
        known = ", ".join(VALIDITY_STATES)
        check.add(
            ("validity", "status"),
            (f"validity.status '{status}' is not known", f"use one of: {known}"),
            (f"validity.status '{status}' không hợp lệ", f"dùng một trong: {known}"),
        )
    notes = check.items(val.get("notes", []), schema.NOTE, ("validity", "notes"))
    for i, note in enumerate(notes):
        url = note.get("url", "")
        if url and not _SOURCE_URL.fullmatch(url):
            keys = ("validity", "notes", str(i), "url")
            check.add(
                keys,
                (
                    f"validity.notes.{i}.url '{url[:60]}' is not an https:// address",
                    "give the source article's full address, e.g. https://example.vn/bai-viet.html",
                ),
                (
                    f"validity.notes.{i}.url '{url[:60]}' không phải địa chỉ https://",
                    "ghi đủ địa chỉ bài viết nguồn, ví dụ https://example.vn/bai-viet.html",
                ),
            )
    return Validity(
        status,
        tuple(Note(n.get("text", ""), n.get("source", ""), n.get("url", "")) for n in notes),
    )


def _date(check: _Checker, raw: Any, keys: tuple[str, ...]) -> date | None:
    """A calendar date written YYYY-MM-DD (YAML reads it as a date; quoted, it is text)."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(raw.strip() if isinstance(raw, str) else "")
    except ValueError:
        dotted, shown = ".".join(keys), _shown(raw)
        check.add(
            keys,
            (f"{dotted} '{shown}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-27"),
            (f"{dotted} '{shown}' không phải ngày", "viết dạng YYYY-MM-DD, ví dụ 2026-11-27"),
        )
        return None


def _history(check: _Checker, raw: list[Any]) -> tuple[Change, ...]:
    items = check.items(raw, schema.CHANGE, ("history",))
    changes = []
    for i, item in enumerate(items):
        when = _date(check, item["date"], ("history", str(i), "date")) if "date" in item else None
        if when is not None and "text" in item:
            changes.append(Change(when, item["text"].strip()))
    # Newest first, as GOV.UK lists "updates to this page".
    return tuple(sorted(changes, key=lambda change: change.date, reverse=True))


def parse_page_meta(source: str, path: str) -> tuple[PageMeta | None, list[Problem]]:
    """Parse and check the front matter of one Markdown page."""
    block, _ = split_front_matter(source)
    if block is None:
        return None, [_no_block(source, path)]
    if anchors := _anchors(block, path):
        return None, anchors
    try:
        raw = yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError as err:
        return None, [_yaml_error(err, path)]
    except (ValueError, RecursionError) as err:
        # A number of thousands of digits (Python refuses to convert it), or nesting deeper
        # than the parser can follow: YAML itself is fine, the value is not.
        return None, [_unreadable(err, path, _long_number_line(block))]
    check = _Checker(path, block)
    _controls(check, raw)
    top = check.mapping(raw, schema.TOP, ())
    if "template" in top:
        _template(check, top["template"])
    document = _document(check, top["document"]) if "document" in top else None
    validity = _validity(check, top["validity"]) if "validity" in top else None
    flyer = flyer_options(check, top["flyer"]) if "flyer" in top else FlyerOptions()
    updated = _date(check, top["updated"], ("updated",)) if "updated" in top else None
    history = _history(check, top["history"]) if "history" in top else ()
    if check.problems:
        return None, check.problems
    meta = PageMeta(
        title=top["title"].strip(),
        description=top["description"].strip(),
        document=document,
        validity=validity,
        flyer=flyer,
        updated=updated,
        history=history,
    )
    return meta, []
