from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from vneid_site.content.front_matter import key_line, parse_page_meta, split_front_matter

VALID = """---
title: Công văn
description: Mô tả.
document:
  issuer: Sở
  number: "...../STTTT"
  place: Bình Dương
  date: ngày tháng năm 2024
  subject: V/v thử
  signer: {authority: KT. GIÁM ĐỐC, title: PHÓ GIÁM ĐỐC, name: Nguyễn Văn A}
validity:
  status: historical
  notes:
    - {text: Đã thay đổi., source: thuvienphapluat.vn}
flyer:
  summary: Tóm tắt.
  steps: Các bước
  qr:
    - {label: VNeID, url: "https://vneid.gov.vn/"}
---

Nội dung.
"""


def test_valid_front_matter_is_parsed_into_typed_metadata():
    meta, problems = parse_page_meta(VALID, "docs/a.md")
    assert problems == []
    assert meta.title == "Công văn"
    assert meta.document.number == "...../STTTT"
    assert meta.document.signer.name == "Nguyễn Văn A"
    assert meta.validity.historical
    assert meta.validity.notes[0].source == "thuvienphapluat.vn"
    assert meta.flyer.enabled and meta.flyer.steps == ("Các bước",)
    assert meta.flyer.qr[0].url == "https://vneid.gov.vn/"


def test_split_keeps_the_body():
    block, body = split_front_matter(VALID)
    assert block.startswith("title:")
    assert body.strip() == "Nội dung."
    assert split_front_matter("No front matter") == (None, "No front matter")


def test_yaml_error_gives_file_line_and_fix():
    source = "---\ntitle: A\ndescription: B\nflyer:\n  summary: [x\n---\n"
    meta, problems = parse_page_meta(source, "docs/x.md")
    assert meta is None
    assert len(problems) == 1
    text = str(problems[0])
    assert text.startswith("docs/x.md:")
    assert "not valid YAML" in text and "fix:" in text


def test_wrong_types_and_unknown_keys_point_at_their_lines():
    source = "---\ntitle: A\ndescription: B\nflyer:\n  enabled: sometimes\n  colour: red\n---\n"
    meta, problems = parse_page_meta(source, "docs/x.md")
    assert meta is None
    by_line = {p.line: p.message for p in problems}
    assert "'flyer.enabled' has the wrong type" in by_line[5]
    assert "unknown key 'flyer.colour'" in by_line[6]


def test_required_keys_missing_and_empty_title():
    _meta, problems = parse_page_meta('---\ntitle: ""\n---\n', "docs/x.md")
    messages = " ".join(p.message for p in problems)
    assert "'title' has the wrong type or is empty" in messages
    assert "'description' is missing" in messages


def test_unknown_validity_status_and_relative_qr_url():
    source = (
        "---\ntitle: A\ndescription: B\nvalidity: {status: old}\n"
        "flyer:\n  qr:\n    - {label: X, url: /relative}\n---\n"
    )
    _, problems = parse_page_meta(source, "docs/x.md")
    messages = [p.message for p in problems]
    assert any("validity.status 'old' is not known" in m for m in messages)
    assert any("flyer.qr.0.url '/relative' is not an absolute address" in m for m in messages)


def test_page_without_front_matter_is_reported():
    _, problems = parse_page_meta("# Title\n", "docs/x.md")
    assert problems[0].line == 1 and "no front matter" in problems[0].message


def test_front_matter_that_is_not_a_mapping():
    _, problems = parse_page_meta("---\n- a\n- b\n---\n", "docs/x.md")
    assert "must be a mapping" in problems[0].message


def test_problems_are_worded_in_both_languages():
    source = "---\ntitle: A\nflyer:\n  sumary: B\n---\n"
    _, problems = parse_page_meta(source, "docs/x.md")
    by_line = {p.line: p for p in problems}
    unknown = by_line[4]
    assert unknown.message_vi == "khóa 'flyer.sumary' không có trong mẫu"
    assert "did you mean 'summary'?" in unknown.fix
    assert unknown.bilingual().splitlines() == [
        "docs/x.md:4: khóa 'flyer.sumary' không có trong mẫu / unknown key 'flyer.sumary'",
        "    sửa / fix: dùng một trong: enabled, summary, steps, note, qr, poster_steps "
        "(có phải 'summary'?) / use one of: enabled, summary, steps, note, qr, poster_steps "
        "(did you mean 'summary'?)",
    ]
    assert "thiếu 'description'" in by_line[2].message_vi
    assert str(unknown).startswith("docs/x.md:4: unknown key 'flyer.sumary'\n  fix:")


def test_key_line_points_into_the_front_matter():
    assert key_line("---\ntitle: A\nflyer:\n  steps: B\n---\n", ("flyer", "steps")) == 4
    assert key_line("no front matter", ("flyer",)) == 1


def alias_bomb(levels: int = 9) -> str:
    """About 600 bytes of YAML that expand to 9**levels values when aliases are followed."""
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        prev = f"*a{i - 1}"
        rows.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    return (
        "---\ntitle: Bom\ndescription: Mô tả.\nflyer:\n  summary: x\n" + "\n".join(rows) + "\n---\n"
    )


def test_anchors_and_aliases_are_refused_before_anything_is_built():
    source = alias_bomb()
    assert len(source) < 700
    # In a child process with a deadline: following the aliases would never finish.
    code = (
        "import sys; from vneid_site.content.front_matter import parse_page_meta, key_line\n"
        "meta, problems = parse_page_meta(sys.stdin.read(), 'docs/bom.md')\n"
        "print(meta, [(p.line, p.message) for p in problems][:2], len(problems))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], input=source, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(
        "None [(6, 'the front matter uses a YAML anchor or alias (&a0)'), "
        "(7, 'the front matter uses a YAML anchor or alias (&a1)')] 9\n"
    )


def test_key_lines_visit_an_aliased_node_once():
    # key_line still reads pages the parser refused; it must not expand aliases either.
    code = (
        "import sys; from vneid_site.content.front_matter import key_line\n"
        "print(key_line(sys.stdin.read(), ('a8',)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], input=alias_bomb(), capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert proc.stdout.strip() == "14"


def test_extra_qr_codes_are_capped_in_number_and_length():
    codes = "".join(f"    - {{label: Mã {i}, url: 'https://a.gov.vn/{i}'}}\n" for i in range(4))
    too_many = VALID.replace('    - {label: VNeID, url: "https://vneid.gov.vn/"}\n', codes)
    meta, problems = parse_page_meta(too_many, "docs/a.md")
    assert meta is None
    assert [(p.line, p.message) for p in problems] == [
        (18, "flyer.qr lists 4 codes; a flyer has room for 3 besides the page's own")
    ]
    long_url = "https://vneid.gov.vn/?" + "x" * 200
    meta, problems = parse_page_meta(VALID.replace("https://vneid.gov.vn/", long_url), "x.md")
    assert meta is None and problems[0].line == 19
    assert problems[0].message.startswith("flyer.qr.0.url is 222 characters long")
    spaced = VALID.replace("https://vneid.gov.vn/", "https://vneid.gov.vn/ x")
    assert "not an absolute address" in parse_page_meta(spaced, "x.md")[1][0].message
    for host in ("xn--vneid-9ra.gov.vn", "vnеid.gov.vn"):  # the second "е" is Cyrillic
        lookalike = VALID.replace("https://vneid.gov.vn/", f"https://{host}/")
        [problem] = parse_page_meta(lookalike, "x.md")[1]
        assert (problem.line, problem.message) == (
            19,
            f"flyer.qr.0.url 'https://{host}/' uses look-alike letters in its host name",
        )


def test_a_qr_address_that_cannot_be_parsed_is_a_problem_not_an_error():
    broken = VALID.replace("https://vneid.gov.vn/", "https://[abc/x")
    meta, [problem] = parse_page_meta(broken, "docs/a.md")
    assert meta is None
    assert (problem.path, problem.line, problem.message) == (
        "docs/a.md",
        19,
        "flyer.qr.0.url 'https://[abc/x' is not an absolute address",
    )
    assert problem.fix == "write the full address, starting with https://"


def test_updated_and_history_are_dates_with_history_newest_first():
    source = (
        "---\ntitle: A\ndescription: B\nupdated: 2026-11-27\nhistory:\n"
        "  - {date: 2025-07-01, text: Cũ hơn.}\n"
        '  - {date: "2026-11-29", text: "Mới hơn (nguồn: x.vn)."}\n---\n'
    )
    meta, problems = parse_page_meta(source, "docs/a.md")
    assert problems == []
    assert meta.updated == date(2026, 11, 27)
    assert [(c.date, c.text) for c in meta.history] == [
        (date(2026, 11, 29), "Mới hơn (nguồn: x.vn)."),
        (date(2025, 7, 1), "Cũ hơn."),
    ]
    meta, _ = parse_page_meta("---\ntitle: A\ndescription: B\n---\n", "docs/a.md")
    assert meta.updated is None and meta.history == ()


def test_a_date_in_another_form_is_reported_with_its_line_and_the_form_to_use():
    source = (
        "---\ntitle: A\ndescription: B\nupdated: 27/11/2026\nhistory:\n"
        "  - {date: hôm qua, text: X.}\n  - {text: Y.}\n---\n"
    )
    meta, problems = parse_page_meta(source, "docs/a.md")
    assert meta is None
    text = "\n".join(map(str, problems))
    assert "docs/a.md:4: updated '27/11/2026' is not a date" in text
    assert "docs/a.md:6: history.0.date 'hôm qua' is not a date" in text
    assert "YYYY-MM-DD" in text
    assert "'history.1.date' is missing" in text


def test_flyer_steps_may_name_several_headings_in_order():
    source = "---\ntitle: A\ndescription: B\nflyer:\n  steps: [Các bước, Kích hoạt]\n---\n"
    meta, problems = parse_page_meta(source, "docs/a.md")
    assert problems == [] and meta.flyer.steps == ("Các bước", "Kích hoạt")
    for bad in ("[]", "[Các bước, 3]", "['', Kích hoạt]"):
        source = f"---\ntitle: A\ndescription: B\nflyer:\n  steps: {bad}\n---\n"
        meta, problems = parse_page_meta(source, "docs/a.md")
        assert meta is None, bad
        assert "docs/a.md:5: flyer.steps must be a heading or a list of headings" in str(
            problems[0]
        ), bad


def test_a_number_too_long_to_convert_is_a_problem_with_its_line_not_a_crash():
    source = f"---\ntitle: A\ndescription: B\nupdated: {'9' * 5000}\n---\n"
    meta, [problem] = parse_page_meta(source, "docs/x.md")
    assert meta is None
    assert problem.line == 4 and "a number far too long" in problem.message
    assert "YYYY-MM-DD" in problem.fix and problem.message_vi
    # Quoted, it is text: reported as no date, and quoted short.
    source = f'---\ntitle: A\ndescription: B\nupdated: "{"9" * 5000}"\n---\n'
    _, [problem] = parse_page_meta(source, "docs/x.md")
    assert "is not a date" in problem.message and len(problem.message) < 120


def test_nesting_deeper_than_the_parser_follows_is_a_problem_not_a_crash(monkeypatch):
    from vneid_site.content import front_matter

    def deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(front_matter.yaml, "load", deep)
    source = "---\ntitle: A\ndescription: B\nhide: [[[]]]\n---\n"
    meta, [problem] = parse_page_meta(source, "docs/x.md")
    assert meta is None and "nested too deeply" in problem.message
    # Nesting the parser does follow is read and checked as usual.
    monkeypatch.undo()
    source = f"---\ntitle: {'[' * 400}{']' * 400}\ndescription: B\n---\n"
    _, [problem] = parse_page_meta(source, "docs/x.md")
    assert problem.line == 2 and "wrong type" in problem.message


@pytest.mark.parametrize(
    "value, name",
    [
        (r'"Hướng dẫn \u202egnp.exe"', "U+202E RIGHT-TO-LEFT OVERRIDE"),
        (r'"A\0B"', "U+0000 NUL"),
        (r'"Đỏ \e[31m"', "U+001B ESCAPE"),
        (r'"x\u2066y"', "U+2066 LEFT-TO-RIGHT ISOLATE"),
        (r'"dòng\rdòng"', "U+000D CARRIAGE RETURN"),
        (r'"a\x85b"', "U+0085 control character"),
    ],
)
def test_control_and_bidi_characters_in_front_matter_are_refused(value, name):
    source = (
        "---\ntitle: A\ndescription: B\nflyer:\n  qr:\n"
        f"    - {{label: {value}, url: 'https://vneid.gov.vn/'}}\n---\n"
    )
    meta, [problem] = parse_page_meta(source, "docs/x.md")
    assert meta is None and problem.line == 6
    assert f"'flyer.qr.0.label' holds an invisible control character ({name}" in problem.message
    assert "delete it" in problem.fix and "ký tự điều khiển" in problem.message_vi
    # The title and keys too, and a tab or a folded line break are text.
    source = '---\ntitle: "T\\u202eitle"\ndescription: "a\\tb\\nc"\n"k\\u200fey": 1\n---\n'
    problems = parse_page_meta(source, "docs/x.md")[1]
    assert [(p.line, p.message.split(" holds")[0]) for p in problems[:2]] == [
        (2, "'title'"),
        (4, "'k\u200fey'"),
    ]


@pytest.mark.parametrize("name", ["redirect.html", "404.html", "../mkdocs.yml", "main.htm"])
def test_template_names_only_the_page_templates(name):
    source = f"---\ntitle: A\ndescription: B\ntemplate: {name}\n---\n"
    meta, [problem] = parse_page_meta(source, "docs/x.md")
    assert meta is None and problem.line == 4
    assert f"template '{name}' is not one of the site's page templates" == problem.message
    assert "flyers.html" in problem.fix


def test_the_flyers_page_template_is_allowed():
    source = "---\ntitle: A\ndescription: B\ntemplate: flyers.html\n---\n"
    assert parse_page_meta(source, "docs/x.md")[1] == []


def test_poster_steps_are_at_most_five_short_texts():
    good = "---\ntitle: A\ndescription: B\nflyer:\n  poster_steps: [Một., Hai.]\n---\n"
    meta, problems = parse_page_meta(good, "docs/x.md")
    assert problems == [] and meta.flyer.poster_steps == ("Một.", "Hai.")
    six = "[" + ", ".join(["Bước."] * 6) + "]"
    bad = f"---\ntitle: A\ndescription: B\nflyer:\n  poster_steps: {six}\n---\n"
    _, problems = parse_page_meta(bad, "docs/x.md")
    assert [p.message for p in problems] == [
        "flyer.poster_steps must be a list of 1 to 5 short texts"
    ]
    assert problems[0].message_vi == "flyer.poster_steps phải là danh sách 1 đến 5 câu ngắn"
    long = "x" * 91
    _, problems = parse_page_meta(bad.replace(six, f"[{long}]"), "docs/x.md")
    assert problems[0].message.startswith("flyer.poster_steps.0 is 91 characters long")
    assert "fix" not in problems[0].message and problems[0].fix


def test_an_empty_flyer_summary_means_none_but_other_texts_may_not_be_empty():
    source = '---\ntitle: A\ndescription: B\nflyer:\n  summary: ""\n---\n'
    meta, problems = parse_page_meta(source, "docs/x.md")
    assert problems == [] and meta.flyer.summary == ""
    assert parse_page_meta("---\ntitle: A\ndescription: B\n---\n", "x")[0].flyer.summary is None
    _, problems = parse_page_meta(source.replace("summary", "note"), "docs/x.md")
    assert problems and "is empty" in problems[0].message
