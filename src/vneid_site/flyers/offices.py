"""The offices list: a CSV file an official edits in Excel or LibreOffice, one row per counter
(commune or ward), whose name, address, phone and hours its own print packs carry."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from vneid_site.cache import KeptResults, code_digest, digest
from vneid_site.content.controls import find_control
from vneid_site.content.problems import Problem
from vneid_site.errors import SiteError

COLUMNS = ("id", "name", "name_en", "address", "address_en", "phone", "hours", "hours_en")
REQUIRED = ("id", "name")
# Since 2025 a province has at most about 170 communes and wards; each office adds its flyers
# and two packs per language to every build (README, "Flyers for every office").
MAX_OFFICES = 300
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RESAVE_EN = (
    "open it in Excel and choose File, Save As, 'CSV UTF-8 (Comma delimited)'; in LibreOffice "
    "choose Save As, 'Text CSV', character set 'Unicode (UTF-8)'"
)
_RESAVE_VI = (
    "mở tệp bằng Excel, chọn Tệp, Lưu thành, 'CSV UTF-8 (Comma delimited)'; với LibreOffice "
    "chọn Lưu thành, 'Text CSV', bảng mã 'Unicode (UTF-8)'"
)


@dataclass(frozen=True)
class Office:
    """One counter. English fields fall back to the Vietnamese ones when empty."""

    id: str  # lowercase ASCII letters, digits and hyphens: names the office's files
    name: str
    name_en: str
    address: str
    address_en: str
    phone: str
    hours: str
    hours_en: str
    line: int  # where its row starts in the file, for messages

    def contact(self, lang: str) -> dict[str, str]:
        """What its flyers print, in `lang`."""
        english = lang != "vi"
        return {
            "id": self.id,
            "name": (self.name_en if english else "") or self.name,
            "address": (self.address_en if english else "") or self.address,
            "phone": self.phone,
            "hours": (self.hours_en if english else "") or self.hours,
        }


class OfficeListError(SiteError):
    """The offices file cannot be used; `problems` says where and how to fix it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def load_offices(path: Path, shown: str, verdict: Path | None = None) -> list[Office]:
    """Every office of the CSV file at `path` (named `shown` in messages), in file order; an
    OfficeListError if it cannot be used. `verdict`: a file in the build's cache that keeps
    the last version of the file whose cells passed the text checks (see read_offices)."""
    try:
        stat = path.stat()
        stamp: tuple = (str(path), shown, stat.st_size, stat.st_mtime_ns)
    except OSError:
        stamp = ()
    # Each language's build reads the file; its checks run once for each version of it.
    if stamp and stamp in _loaded:
        return list(_loaded[stamp])
    offices, problems = read_offices(path, shown, verdict)
    if problems:
        raise OfficeListError(problems)
    if stamp:
        _loaded.clear()
        _loaded[stamp] = tuple(offices)
    return offices


_loaded: dict[tuple, tuple[Office, ...]] = {}


def read_offices(
    path: Path, shown: str, verdict: Path | None = None
) -> tuple[list[Office], list[Problem]]:
    """Offices and problems of the CSV file at `path` (named `shown` in messages), for the
    build and the content checks alike.

    With `verdict` (a KeptResults file), the text checks of the cells (control characters,
    garbled and legacy encodings: 1 ms a row) are skipped when it keeps these very bytes,
    checked by this very code, and it is written when they pass; the other checks always run.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        setting = "mkdocs.yml (extra.flyers.offices)"
        if isinstance(err, FileNotFoundError):
            en = f"cannot read the offices file named in {setting}: it does not exist"
            vi = f"không có tệp danh sách đơn vị ghi trong {setting}"
        else:
            en = f"cannot read the offices file named in {setting} ({err.strerror})"
            vi = f"không đọc được tệp danh sách đơn vị ghi trong {setting} ({err.strerror})"
        fix_en = "create it, or correct the path (relative to mkdocs.yml)"
        fix_vi = "tạo tệp đó, hoặc sửa đường dẫn (tính từ mkdocs.yml)"
        return [], [_problem(shown, 1, en, vi, fix_en, fix_vi)]
    if verdict is None:
        return parse_offices(raw, shown)
    kept = KeptResults(verdict, _checking_code())
    key = kept.key(raw)
    known = kept.get(key) is not None
    offices, problems = parse_offices(raw, shown, text_checked=known)
    if not known and not problems:
        kept.keep(key)
        kept.save()
    return offices, problems


def _checking_code() -> str:
    """A digest of what checks the cells: the code, ftfy and Python's Unicode tables."""
    import unicodedata

    code = code_digest(
        (__name__, "vneid_site.content.controls", "vneid_site.content.text_encoding"), ("ftfy",)
    )
    return digest(code, unicodedata.unidata_version)


def parse_offices(
    raw: bytes, shown: str, *, text_checked: bool = False
) -> tuple[list[Office], list[Problem]]:
    """Offices and problems of a CSV file's bytes (UTF-8, with or without Excel's BOM);
    `text_checked`: these bytes passed the cells' text checks before (read_offices)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [], [
            _problem(
                shown,
                line,
                "the file is not saved as UTF-8 (Excel's plain 'CSV' uses Windows-1258)",
                "tệp không được lưu ở dạng UTF-8 (kiểu 'CSV' thường của Excel dùng Windows-1258)",
                f"save it again as UTF-8: {_RESAVE_EN}",
                f"lưu lại ở dạng UTF-8: {_RESAVE_VI}",
            )
        ]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = _rows(reader)
    except csv.Error as err:
        return [], [
            _problem(
                shown,
                reader.line_num,
                f"the file is not valid CSV ({err})",
                f"tệp không đúng dạng CSV ({err})",
                "check the quotes on that line: a field holding a comma, a quote or a "
                'line break goes in double quotes, and a quote inside it is written ""',
                "kiểm tra dấu ngoặc kép ở dòng đó: ô có dấu phẩy, ngoặc kép hay xuống "
                'dòng phải đặt trong ngoặc kép, và ngoặc kép bên trong viết thành ""',
            )
        ]
    if not rows:
        return [], [
            _problem(
                shown,
                1,
                "the file is empty",
                "tệp trống",
                f"write the header row first: {','.join(COLUMNS)}",
                f"viết dòng tiêu đề trước: {','.join(COLUMNS)}",
            )
        ]
    header_line, header = rows[0]
    names = [name.strip().lower() for name in header]
    missing = [name for name in COLUMNS if name not in names]
    if missing:
        return [], [
            _problem(
                shown,
                header_line,
                f"the header row lacks the column(s) {', '.join(missing)}",
                f"dòng tiêu đề thiếu cột {', '.join(missing)}",
                f"the first row must name the columns: {','.join(COLUMNS)} (English columns "
                "may stay empty below)",
                f"dòng đầu phải ghi tên các cột: {','.join(COLUMNS)} (các cột tiếng Anh có "
                "thể để trống ở dưới)",
            )
        ]
    data = [(line, row) for line, row in rows[1:] if any(cell.strip() for cell in row)]
    if len(data) > MAX_OFFICES:
        return [], [
            _problem(
                shown,
                data[MAX_OFFICES][0],
                f"the file lists {len(data)} offices; a build makes packs for at most "
                f"{MAX_OFFICES}",
                f"tệp có {len(data)} đơn vị; bản dựng chỉ làm bộ tờ rơi cho tối đa {MAX_OFFICES}",
                f"keep at most {MAX_OFFICES} rows (one per one-stop counter), or split the "
                "province's offices over several sites",
                f"chỉ giữ tối đa {MAX_OFFICES} dòng (mỗi bộ phận một cửa một dòng), hoặc chia "
                "các đơn vị ra nhiều trang web",
            )
        ]
    where = {name: names.index(name) for name in COLUMNS}
    offices: list[Office] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for line, row in data:  # blank rows, as spreadsheets leave at the end, are skipped
        fields = {name: (row[i] if i < len(row) else "") for name, i in where.items()}
        found = _check_row(fields, line, shown, seen, text_checked)
        problems += found
        if not found:
            seen[fields["id"].strip()] = line
            offices.append(Office(**{k: _clean(v) for k, v in fields.items()}, line=line))
    return offices, problems


class _CsvReader(Protocol):
    """What csv.reader() returns (its class has no public name)."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


def _rows(reader: _CsvReader) -> list[tuple[int, list[str]]]:
    """(line where the row starts, cells) for each row; a quoted cell may span lines."""
    out: list[tuple[int, list[str]]] = []
    start = 1
    for row in reader:
        out.append((start, row))
        start = reader.line_num + 1
    return out


def _clean(value: str) -> str:
    from vneid_site.content.text_encoding import compose

    # Decomposed letters (NFD, as some keyboards type them) are composed; nothing else changes.
    return compose(value).strip()


def _check_row(
    fields: dict[str, str], line: int, shown: str, seen: dict[str, int], text_checked: bool
) -> list:
    problems = []
    office_id = fields["id"].strip()
    for name in REQUIRED:
        if not fields[name].strip():
            problems.append(
                _problem(
                    shown,
                    line,
                    f"the '{name}' cell is empty",
                    f"ô '{name}' đang trống",
                    f"fill in '{name}', or delete the row",
                    f"điền ô '{name}', hoặc xóa dòng này",
                )
            )
    if office_id and not _ID.fullmatch(office_id):
        suggestion = _suggest_id(office_id)
        problems.append(
            _problem(
                shown,
                line,
                f"the id '{office_id}' may only hold lowercase letters a-z, "
                "digits and hyphens (it names the office's files)",
                f"mã '{office_id}' chỉ được có chữ thường a-z không dấu, chữ số và dấu gạch "
                "nối (mã dùng làm tên tệp của đơn vị)",
                f"write it, for example, as '{suggestion}'",
                f"viết lại, ví dụ '{suggestion}'",
            )
        )
    if office_id in seen:
        problems.append(
            _problem(
                shown,
                line,
                f"the id '{office_id}' is already used on line {seen[office_id]}",
                f"mã '{office_id}' đã dùng ở dòng {seen[office_id]}",
                "give each office its own id",
                "mỗi đơn vị một mã riêng",
            )
        )
    if not text_checked:
        for name, value in fields.items():
            problems += _check_text(value, name, line, shown)
    return problems


def _check_text(value: str, column: str, line: int, shown: str) -> list[Problem]:
    # Imported here: only a site with an offices file reads one.
    from vneid_site.content.text_encoding import compose, find_legacy, find_mojibake

    control = find_control(value)
    if control is not None:
        return [
            _problem(
                shown,
                line,
                f"the '{column}' cell holds an invisible control character ({control.name}, "
                f"character {control.position})",
                f"ô '{column}' có ký tự điều khiển vô hình ({control.name}, ký tự thứ "
                f"{control.position})",
                "retype the cell's text: control characters can make a flyer print text in "
                "another order than it is written",
                "gõ lại chữ trong ô: ký tự điều khiển có thể làm tờ rơi in chữ theo thứ tự "
                "khác với khi viết",
            )
        ]
    for part in value.splitlines() or [value]:
        mojibake = find_mojibake(part)
        if mojibake is not None:
            pairs = ", ".join(f"'{a}' → '{b}'" for a, b in mojibake.words)
            return [
                _problem(
                    shown,
                    line,
                    f"garbled text in '{column}' (UTF-8 read as Windows-1252), probably {pairs}",
                    f"chữ bị lỗi mã ở ô '{column}' (UTF-8 bị đọc thành Windows-1252), "
                    f"có lẽ là {pairs}",
                    "type those words again",
                    "gõ lại các chữ đó",
                )
            ]
        legacy = find_legacy(compose(part))
        if legacy is not None:
            pairs = ", ".join(f"'{a}' → '{b}'" for a, b in legacy.words)
            return [
                _problem(
                    shown,
                    line,
                    f"text in the old {legacy.encoding} encoding in "
                    f"'{column}', it probably reads {pairs}",
                    f"chữ ở bảng mã cũ {legacy.encoding} trong ô '{column}', có lẽ là {pairs}",
                    f"convert it to Unicode (Unikey: Tools, Converter, from "
                    f"{legacy.encoding} to Unicode) and paste it again",
                    f"chuyển sang Unicode (Unikey: Công cụ chuyển mã, từ "
                    f"{legacy.encoding} sang Unicode) rồi dán lại",
                )
            ]
    return []


def _suggest_id(value: str) -> str:
    from vneid_site.i18n.fold import fold

    plain = re.sub(r"[^a-z0-9]+", "-", fold(value).lower()).strip("-")
    return plain or "phuong-1"


def _problem(path: str, line: int, en: str, vi: str, fix_en: str, fix_vi: str) -> Problem:
    return Problem(path, line, en, fix_en, vi or en, fix_vi)
