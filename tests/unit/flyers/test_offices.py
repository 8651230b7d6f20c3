"""The offices file: CSV as Excel and LibreOffice save it, and every bad input named."""

from __future__ import annotations

import unicodedata

import pytest

from tests.support.sitebuild import ROOT
from vneid_site.cache import KeptResults
from vneid_site.flyers.offices import (
    COLUMNS,
    MAX_OFFICES,
    OfficeListError,
    load_offices,
    parse_offices,
)

HEADER = ",".join(COLUMNS)
ROW = 'phuong-5,Phường 5,Ward 5,"Số 1, đường Thử",,0000 000 001,"Thứ Hai–Thứ Sáu",Mon–Fri'


def parse(text: str, bom: bool = False):
    raw = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    return parse_offices(raw, "offices.csv")


def messages(problems) -> list[tuple[int, str, str]]:
    return [(p.line, p.message, p.message_vi) for p in problems]


def test_excel_csv_utf8_with_bom_quotes_commas_and_line_breaks():
    text = (
        f"{HEADER}\r\n{ROW}\r\n"
        'xa-a,"Xã ""An"" Bình",,"Ấp 3\r\nxã An Bình",,0000 000 002,,\r\n'
        "\r\n,,,,,,,\r\n"  # blank rows, as spreadsheets leave them
    )
    offices, problems = parse(text, bom=True)
    assert problems == []
    assert [o.id for o in offices] == ["phuong-5", "xa-a"]
    first, second = offices
    assert first.address == "Số 1, đường Thử" and first.line == 2
    assert second.name == 'Xã "An" Bình' and second.address == "Ấp 3\r\nxã An Bình"
    assert second.line == 3
    assert first.contact("en") == {
        "id": "phuong-5",
        "name": "Ward 5",
        "address": "Số 1, đường Thử",  # no English address: the Vietnamese one
        "phone": "0000 000 001",
        "hours": "Mon–Fri",
    }
    assert second.contact("en")["name"] == 'Xã "An" Bình'


def test_columns_may_come_in_any_order():
    text = "name,id,phone,hours,hours_en,address,address_en,name_en\nPhường 7,phuong-7,1,,,,,\n"
    offices, problems = parse(text)
    assert problems == [] and offices[0].id == "phuong-7" and offices[0].name == "Phường 7"


def test_a_missing_column_is_named():
    offices, problems = parse("id,name,address,phone\nphuong-5,Phường 5,,1\n")
    assert offices == []
    assert len(problems) == 1 and problems[0].line == 1
    assert "name_en, address_en, hours, hours_en" in problems[0].message
    assert "thiếu cột" in problems[0].message_vi
    assert HEADER in problems[0].fix


@pytest.mark.parametrize(
    ("row", "line", "english", "vietnamese"),
    [
        (",Phường 5,,,,1,,", 2, "the 'id' cell is empty", "ô 'id' đang trống"),
        ("phuong-5,,,,,1,,", 2, "the 'name' cell is empty", "ô 'name' đang trống"),
        ("Phường 5,Phường 5,,,,1,,", 2, "the id 'Phường 5' may only hold", "chỉ được có chữ"),
        ("phuong_5,Phường 5,,,,1,,", 2, "the id 'phuong_5' may only hold", "chỉ được có chữ"),
    ],
)
def test_empty_id_or_name_and_ids_with_other_characters(row, line, english, vietnamese):
    offices, problems = parse(f"{HEADER}\n{row}\n")
    assert offices == []
    assert [(p.line, english in p.message, vietnamese in p.message_vi) for p in problems] == [
        (line, True, True)
    ]
    if "may only hold" in english:
        assert "'phuong-5'" in problems[0].fix  # a suggestion that is a valid id


def test_a_duplicate_id_names_both_lines():
    offices, problems = parse(f"{HEADER}\n{ROW}\n{ROW.replace('Phường 5', 'Phường Năm')}\n")
    assert [o.line for o in offices] == [2]
    assert messages(problems) == [
        (3, "the id 'phuong-5' is already used on line 2", "mã 'phuong-5' đã dùng ở dòng 2")
    ]


def test_decomposed_text_is_composed():
    nfd = unicodedata.normalize("NFD", "Bộ phận Một cửa Phường 5")
    offices, problems = parse(f"{HEADER}\nphuong-5,{nfd},,,,1,,\n")
    assert problems == []
    assert offices[0].name == "Bộ phận Một cửa Phường 5"
    assert unicodedata.is_normalized("NFC", offices[0].name)


@pytest.mark.parametrize(
    ("cell", "english"),
    [
        ("PhÆ°á»ng 5 Ä‘Æ°á»£c", "garbled text in 'name' (UTF-8 read as Windows-1252)"),
        ("Ph\xadêng B¶o Th¾ng", "old TCVN3 encoding in 'name'"),
        ("Phöôøng Xin chaøo caùc baïn", "old VNI encoding in 'name'"),
    ],
)
def test_garbled_and_legacy_encoded_text_is_reported(cell, english):
    offices, problems = parse(f"{HEADER}\nphuong-5,{cell},,,,1,,\n")
    assert offices == []
    assert len(problems) == 1 and problems[0].line == 2
    assert english in problems[0].message, problems[0].message


def test_a_file_that_is_not_utf8_says_how_to_save_it_again():
    raw = f"{HEADER}\nphuong-5,Phường 5,,,,1,,\n".encode("cp1258", errors="replace")
    offices, problems = parse_offices(raw, "offices.csv")
    assert offices == []
    assert len(problems) == 1 and problems[0].line == 2
    assert "not saved as UTF-8" in problems[0].message
    assert "CSV UTF-8" in problems[0].fix and "CSV UTF-8" in problems[0].fix_vi


def test_broken_quotes_and_an_empty_file():
    _, problems = parse(f'{HEADER}\nphuong-5,"Phường 5,,,,1,,\n')
    assert (problems and "not valid CSV" in problems[0].message) or problems[0].line == 2
    _, problems = parse("")
    assert [p.message for p in problems] == ["the file is empty"]


def test_load_raises_one_error_listing_every_problem(tmp_path):
    path = tmp_path / "offices.csv"
    path.write_text(f"{HEADER}\n,Phường 5,,,,1,,\nphuong 6,Phường 6,,,,1,,\n", encoding="utf-8")
    with pytest.raises(OfficeListError) as caught:
        load_offices(path, "offices.csv")
    text = str(caught.value)
    assert "offices.csv:2: the 'id' cell is empty" in text
    assert "offices.csv:3: the id 'phuong 6'" in text
    assert text.count("fix: ") == 2
    with pytest.raises(OfficeListError, match=r"offices\.csv:1: cannot read the offices file"):
        load_offices(tmp_path / "missing.csv", "offices.csv")


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("Phường 5\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Phường\x00 5", "U+0000 NUL"),
        ("\x1b[31mPhường 5", "U+001B ESCAPE"),
        ("Phường \u2067 5", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ],
)
def test_control_and_bidi_characters_in_a_cell_are_refused(cell, name):
    offices, problems = parse(f'{HEADER}\nphuong-4,Phường 4,,,,1,,\nphuong-5,"{cell}",,,,1,,\n')
    assert [office.id for office in offices] == ["phuong-4"]
    [problem] = problems
    assert problem.line == 3
    assert f"the 'name' cell holds an invisible control character ({name}" in problem.message
    assert "retype" in problem.fix and "ký tự điều khiển" in problem.message_vi
    # A line break in an address, as Excel writes it, stays text.
    offices, problems = parse(f'{HEADER}\r\nphuong-5,Phường 5,,"Số 1\r\nĐường 2",,1,,\r\n')
    assert problems == [] and offices[0].address.splitlines() == ["Số 1", "Đường 2"]


def test_offices_are_capped_at_the_documented_number():
    rows = "".join(f"phuong-{i},Phường {i},,,,1,,\n" for i in range(MAX_OFFICES))
    offices, problems = parse(f"{HEADER}\n{rows}\n\n")  # blank rows do not count
    assert problems == [] and len(offices) == MAX_OFFICES
    offices, [problem] = parse(f"{HEADER}\n{rows}phuong-x,Phường X,,,,1,,\n")
    assert offices == [] and problem.line == MAX_OFFICES + 2
    assert problem.message == (
        f"the file lists {MAX_OFFICES + 1} offices; a build makes packs for at most {MAX_OFFICES}"
    )
    assert f"at most {MAX_OFFICES} rows" in problem.fix and problem.fix_vi
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"at most {MAX_OFFICES} offices" in readme  # the documented number is this one


def test_cells_are_text_checked_once_for_each_version_of_the_file(tmp_path, monkeypatch):
    from vneid_site.flyers import offices as module

    path, verdict = tmp_path / "offices.csv", tmp_path / "cache" / "offices-checked.json"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    checked: list[str] = []
    real = module._check_text
    monkeypatch.setattr(
        module, "_check_text", lambda value, *a: checked.append(value) or real(value, *a)
    )
    first, problems = module.read_offices(path, "offices.csv", verdict)
    assert problems == [] and "Phường 5" in checked and verdict.is_file()
    checked.clear()
    again, problems = module.read_offices(path, "offices.csv", verdict)
    assert again == first and problems == [] and checked == []  # the same bytes: not again
    # A garbled cell in a new version is found, and names no verdict.
    path.write_text(f"{HEADER}\n{ROW.replace('Phường 5', 'PhÆ°á»ng 5')}\n", encoding="utf-8")
    for _ in range(2):
        _, problems = module.read_offices(path, "offices.csv", verdict)
        assert [p.line for p in problems] == [2] and "garbled" in problems[0].message
    # Structure is checked on every read, even of bytes whose cells passed.
    path.write_text(f"{HEADER}\n{ROW}\n{ROW}\n", encoding="utf-8")
    kept = KeptResults(verdict, module._checking_code())
    kept.keep(kept.key(path.read_bytes()))
    kept.save()
    _, problems = module.read_offices(path, "offices.csv", verdict)
    assert "already used on line 2" in problems[0].message
    # A verdict for other bytes, or an unreadable one, checks the cells again.
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    module.read_offices(path, "offices.csv", verdict)
    verdict.write_bytes(b"\xff\xfe")
    checked.clear()
    assert module.read_offices(path, "offices.csv", verdict)[1] == [] and checked
