"""The content checks as contributors run them: each mistake on a small fixture project gives
the file, the line and a message in both languages, and the fixed file passes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.git import git
from tests.support.sitebuild import ROOT, page

SCRIPT = ROOT / "scripts" / "check_content.py"
GOOD = {
    "index.md": page("Trang chủ"),
    "index.en.md": page("Home", "Content.", "Short description."),
}


@dataclass(frozen=True)
class Result:
    returncode: int
    out: str
    err: str


def project(tmp_path: Path, pages: dict[str, str | bytes], with_good: bool = True) -> Path:
    """A project with the real mkdocs.yml, pyproject.toml and the theme overrides mkdocs.yml
    names (MkDocs refuses a configuration without them), and these pages in docs/."""
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    for rel, content in {**(GOOD if with_good else {}), **pages}.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
    return root


def check(root: Path, *args: str) -> Result:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def problems(result: Result) -> list[tuple[str, int, str, str]]:
    """(file, line, Vietnamese and English message, fix line) of each reported problem."""
    found = re.findall(r"^(\S+?):(\d+): (.+)\n    sửa / fix: (.+)$", result.out, re.MULTILINE)
    return [(f, int(n), msg, fix) for f, n, msg, fix in found]


def assert_reports(result: Result, file: str, line: int, *phrases: str) -> str:
    assert result.returncode == 1, result.out + result.err
    assert "Traceback" not in result.err
    for f, n, msg, fix in problems(result):
        if f == file and n == line and all(p in f"{msg} {fix}" for p in phrases):
            return f"{msg} {fix}"
    raise AssertionError(f"no {file}:{line} with {phrases} in:\n{result.out}")


def assert_clean(root: Path, *args: str) -> None:
    result = check(root, *args)
    assert result.returncode == 0, result.out + result.err
    assert "No problems" in result.out


def pair(name: str, vi: str, en: str | None = None) -> dict[str, str]:
    return {f"{name}.md": vi, f"{name}.en.md": en or page("English page", "Text.", "English.")}


# --- Front matter ----------------------------------------------------------------------


def test_front_matter_against_the_schema(tmp_path):
    bad = "---\ntitle: Hướng dẫn\nflyer:\n  sumary: Tóm tắt\n---\n\nNội dung.\n"
    root = project(tmp_path, pair("huong-dan", bad))
    result = check(root)
    text = assert_reports(
        result, "docs/huong-dan.md", 4, "khóa 'flyer.sumary' không có", "unknown key"
    )
    assert "did you mean 'summary'" in text and "có phải 'summary'" in text
    assert_reports(result, "docs/huong-dan.md", 2, "thiếu 'description'", "is missing")
    (root / "docs" / "huong-dan.md").write_text(
        page("Hướng dẫn", extra="flyer:\n  summary: Tóm tắt\n"), encoding="utf-8"
    )
    assert_clean(root)


def test_document_metadata_and_flyer_options_are_checked(tmp_path):
    bad = page(
        "Công văn",
        extra="document:\n  issuer: Sở\n  number: 12\n"
        "validity: {status: old}\nflyer:\n  enabled: maybe\n  qr:\n    - {label: X, url: x.vn}\n",
    )
    root = project(tmp_path, pair("cong-van", bad))
    result = check(root)
    assert_reports(result, "docs/cong-van.md", 6, "'document.number' sai kiểu", "wrong type")
    assert_reports(result, "docs/cong-van.md", 4, "thiếu 'document.place'")
    assert_reports(result, "docs/cong-van.md", 7, "validity.status 'old' không hợp lệ")
    assert_reports(result, "docs/cong-van.md", 9, "'flyer.enabled' sai kiểu", "true or false")
    assert_reports(result, "docs/cong-van.md", 11, "không phải địa chỉ đầy đủ", "https://")


def test_flyer_steps_must_name_a_heading(tmp_path):
    body = "## Các bước thực hiện\n\n1. Cài ứng dụng.\n"
    bad = page("Đăng ký", body, extra="flyer:\n  steps: Các bước\n")
    root = project(tmp_path, pair("dang-ky", bad))
    assert_reports(
        check(root), "docs/dang-ky.md", 5, "flyer.steps ghi mục 'Các bước'", "'Các bước thực hiện'"
    )
    fixed = page("Đăng ký", body, extra="flyer:\n  steps: Các bước thực hiện\n")
    (root / "docs" / "dang-ky.md").write_text(fixed, encoding="utf-8")
    assert_clean(root)


# --- Unicode form, mojibake, legacy encodings --------------------------------------------


def test_decomposed_text_is_reported_and_fixed_byte_for_byte(tmp_path):
    nfd = unicodedata.normalize("NFD", "Đăng ký tài khoản")
    # CRLF line endings, a BOM, and characters that full NFC would change (Ångström sign,
    # Ohm sign) must all survive the fix untouched.
    original = (
        "\ufeff---\r\ntitle: Thử\r\ndescription: Mô tả.\r\n---\r\n\r\n"
        f"{nfd} \u212b \u2126.\r\nDòng đúng.\r\n"
    ).encode()
    root = project(tmp_path, pair("nfd", original))  # type: ignore[arg-type]
    result = check(root)
    assert_reports(result, "docs/nfd.md", 6, "gõ tách rời (Unicode NFD)", "'Đăng'", "--fix")
    fixed = check(root, "--fix")
    assert "fixed: docs/nfd.md" in fixed.out
    assert fixed.returncode == 0, fixed.out
    expected = original.replace(nfd.encode("utf-8"), "Đăng ký tài khoản".encode())
    assert (root / "docs" / "nfd.md").read_bytes() == expected
    assert_clean(root)


def test_mojibake_is_reported_with_its_repair_and_fixed(tmp_path):
    garbled = "Ä‘Æ°á»£c cáº¥p tÃ\xa0i khoáº£n"
    root = project(tmp_path, pair("loi-ma", page("Lỗi mã", f"Dòng một.\n\n{garbled}")))
    text = assert_reports(check(root), "docs/loi-ma.md", 8, "UTF-8 bị đọc thành Windows-1252")
    assert "'Ä‘Æ°á»£c' → 'được'" in text
    check(root, "--fix")
    assert "được cấp tài khoản" in (root / "docs" / "loi-ma.md").read_text(encoding="utf-8")
    assert_clean(root)


@pytest.mark.parametrize(
    ("encoding", "legacy", "clean"),
    [
        ("TCVN3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("VNI", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ],
)
def test_legacy_encodings_are_reported_not_rewritten(tmp_path, encoding, legacy, clean):
    root = project(tmp_path, pair("cu", page("Văn bản cũ", legacy)))
    text = assert_reports(check(root), "docs/cu.md", 6, f"bảng mã cũ {encoding}", "Unikey")
    assert "'Hạnh'" in text
    before = (root / "docs" / "cu.md").read_bytes()
    check(root, "--fix")
    assert (root / "docs" / "cu.md").read_bytes() == before
    (root / "docs" / "cu.md").write_text(page("Văn bản cũ", clean), encoding="utf-8")
    assert_clean(root)


@pytest.mark.parametrize("codec", ["utf-16", "cp1258"])
def test_a_file_that_is_not_utf8_is_reported_not_crashed_on(tmp_path, codec):
    # Windows-1258 writes "ộ" as "ô" and a separate dot below.
    text = "---\ntitle: Van ban\ndescription: Mo ta.\n---\n\nN\u00f4\u0323i dung.\n"
    root = project(tmp_path, pair("ma-khac", text.encode(codec)))  # type: ignore[arg-type]
    result = check(root)
    line = 1 if codec == "utf-16" else 6
    assert_reports(result, "docs/ma-khac.md", line, "không được lưu ở dạng UTF-8", "UTF-8")
    assert "Traceback" not in result.err


# --- Translation parity and age ----------------------------------------------------------


def test_every_page_in_both_languages(tmp_path):
    root = project(
        tmp_path, {"chi-viet.md": page("Chỉ tiếng Việt"), "orphan.en.md": page("Orphan")}
    )
    result = check(root)
    assert_reports(result, "docs/chi-viet.md", 1, "chưa có bản tiếng Anh", "docs/chi-viet.en.md")
    assert_reports(result, "docs/orphan.en.md", 1, "không có bản gốc tiếng Việt", "not published")
    (root / "docs" / "chi-viet.en.md").write_text(page("Vietnamese only"), encoding="utf-8")
    (root / "docs" / "orphan.en.md").rename(root / "docs" / "orphan.md")
    (root / "docs" / "orphan.en.md").write_text(page("Orphan"), encoding="utf-8")
    assert_clean(root)


def _age(path: Path, days: float) -> None:
    when = time.time() - days * 86400
    os.utime(path, (when, when))


def test_english_page_older_than_its_source_by_file_times(tmp_path):
    root = project(tmp_path, pair("cu-hon", page("Trang"), page("Page")))
    _age(root / "docs" / "cu-hon.en.md", 45)
    result = check(root)
    assert_reports(result, "docs/cu-hon.en.md", 1, "cũ hơn bản gốc", "45 days older")
    assert_clean(root, "--max-age-days", "60")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace("max_age_days = 30", "max_age_days = 90"),
        encoding="utf-8",
    )
    assert_clean(root)
    _age(root / "docs" / "cu-hon.en.md", 0)
    assert_clean(root, "--max-age-days", "1")


def test_english_page_older_than_its_source_by_git_history(tmp_path):
    root = project(tmp_path, pair("lich-su", page("Trang"), page("Page")))
    now = int(time.time())
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first", when=now - 100 * 86400)
    # In a fresh clone every file has the same modification time: only git knows the ages.
    (root / "docs" / "lich-su.md").write_text(page("Trang", "Nội dung mới."), encoding="utf-8")
    _age(root / "docs" / "lich-su.en.md", 0)
    result = check(root)  # uncommitted edit: the file's own time counts
    assert_reports(result, "docs/lich-su.en.md", 1, "cũ hơn bản gốc", "100 days older")
    git(root, "commit", "-q", "-am", "vi only", when=now - 10 * 86400)
    assert_reports(check(root), "docs/lich-su.en.md", 1, "90 days older")
    (root / "docs" / "lich-su.en.md").write_text(page("Page", "New text."), encoding="utf-8")
    git(root, "commit", "-q", "-am", "en too", when=now - 5 * 86400)
    assert_clean(root)


# --- Links and anchors -------------------------------------------------------------------


def test_broken_links_and_anchors(tmp_path):
    target_vi = page("Đăng ký", "## Các bước thực hiện {#cac-buoc}\n\n## Mức 2\n")
    target_en = page("Register", "## Steps {#cac-buoc}\n\n## Level 2\n")
    body_vi = (
        "Xem [đăng ký](dang-ky.md#muc-2) và [cũ](cu.md).\n\n"
        "[sai neo](dang-ky.md#khong-co) [tuyệt đối](/dang-ky/) [ảnh](anh/khong-co.png)\n"
    )
    body_en = "See [steps](dang-ky.md#cac-buoc) and [level 2](dang-ky.md#muc-2).\n"
    root = project(
        tmp_path,
        {
            **pair("dang-ky", target_vi, target_en),
            **pair("xem", page("Xem", body_vi), page("See", body_en)),
        },
    )
    result = check(root)
    assert_reports(result, "docs/xem.md", 6, "'cu.md' trỏ tới trang không có", "does not exist")
    assert_reports(result, "docs/xem.md", 8, "'#khong-co'", "#cac-buoc, #muc-2")
    assert_reports(result, "docs/xem.md", 8, "bắt đầu bằng '/'", "sub-folder")
    assert_reports(result, "docs/xem.md", 8, "không có trong docs/", "docs/assets/images/")
    # The English page's link goes to the English translation, which has no '#muc-2'.
    assert_reports(result, "docs/xem.en.md", 6, "'#muc-2'", "docs/dang-ky.en.md", "#level-2")
    assert len(problems(result)) == 5
    fixed_vi = page("Xem", "Xem [đăng ký](dang-ky.md#muc-2) và [bước](dang-ky.md#cac-buoc).\n")
    fixed_en = page("See", "See [steps](dang-ky.md#cac-buoc) and [level 2](dang-ky.md#level-2).\n")
    (root / "docs" / "xem.md").write_text(fixed_vi, encoding="utf-8")
    (root / "docs" / "xem.en.md").write_text(fixed_en, encoding="utf-8")
    assert_clean(root)


# --- Raw HTML and images -------------------------------------------------------------------


def test_forbidden_raw_html(tmp_path):
    body = (
        "<script>alert(1)</script>\n\n"
        '<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n'
        '<a href="#" onclick="steal()">bấm</a> [bấm](javascript:alert(1))\n\n'
        "```html\n<script>ví dụ trong khối mã thì được</script>\n```\n\n"
        "Gõ `<iframe>` trong mã cũng được.\n"
    )
    root = project(tmp_path, pair("html", page("HTML", body)))
    result = check(root)
    assert_reports(result, "docs/html.md", 6, "không được dùng <script>", "<script> is not allowed")
    assert_reports(result, "docs/html.md", 8, "<iframe>", "a normal link")
    assert_reports(result, "docs/html.md", 10, "thuộc tính onclick=", "attribute onclick=")
    assert_reports(result, "docs/html.md", 10, "javascript:")
    assert len(problems(result)) == 4
    (root / "docs" / "html.md").write_text(
        page("HTML", "[Xem video](https://www.youtube.com/watch?v=x)\n"), encoding="utf-8"
    )
    assert_clean(root)


def test_images_need_alt_text(tmp_path):
    (tmp_path / "img").mkdir()
    body = '![](assets/a.png)\n\n<img src="assets/a.png">\n\n<img src="assets/a.png" alt=" ">\n'
    png = b"\x89PNG\r\n\x1a\n"  # a PNG file's signature: the checks refuse a .png without it
    root = project(tmp_path, {**pair("anh", page("Ảnh", body)), "assets/a.png": png})
    result = check(root)
    for line in (6, 8, 10):
        assert_reports(result, "docs/anh.md", line, "chưa có lời mô tả (alt)", "alt text")
    fixed = (
        '![Màn hình đăng nhập](assets/a.png)\n\n<img src="assets/a.png" alt="Màn hình đăng nhập">\n'
    )
    (root / "docs" / "anh.md").write_text(page("Ảnh", fixed), encoding="utf-8")
    assert_clean(root)


def test_the_checks_say_what_the_build_refuses_with_the_line(tmp_path):
    body = (
        "Đoạn một.\n\n`<!--` <script>alert(1)</script> `-->`\n\n"
        '[dichvucong.gov.vn](https://dichvucong.gov.vn.example/) <font color="red">đỏ</font>\n'
    )
    alias = "---\ntitle: &t Trang\ndescription: *t\n---\n\nNội dung.\n"
    root = project(tmp_path, {**pair("html", page("HTML", body)), **pair("neo", alias)})
    secret = tmp_path / "secret.md"
    secret.write_text(page("Bí mật"), encoding="utf-8")
    (root / "docs" / "lien-ket.md").symlink_to(secret)
    result = check(root)
    assert_reports(result, "docs/html.md", 8, "<script>")
    assert_reports(result, "docs/html.md", 10, "liên kết ghi 'dichvucong.gov.vn'", "but opens")
    assert_reports(result, "docs/html.md", 10, "thẻ <font> bị bỏ", "<font> is removed")
    assert_reports(result, "docs/neo.md", 2, "neo hoặc bí danh YAML (&t)")
    assert_reports(result, "docs/neo.md", 3, "neo hoặc bí danh YAML (*t)")
    assert_reports(result, "docs/lien-ket.md", 1, "liên kết tượng trưng", "symbolic link")


# --- The command line ----------------------------------------------------------------------


def test_the_real_docs_pass_every_check():
    result = check(ROOT)
    assert result.returncode == 0, result.out + result.err
    assert re.search(r"No problems in \d+ pages", result.out)


def test_output_format_and_exit_codes(tmp_path):
    root = project(tmp_path, pair("a", page("A", "[x](khong-co.md)")))
    result = check(root)
    assert result.returncode == 1
    lines = result.out.splitlines()
    assert re.fullmatch(r"docs/a\.md:6: .+ / .+", lines[0])
    assert re.fullmatch(r"    sửa / fix: .+ / .+", lines[1])
    assert lines[-1].startswith("1 vấn đề trong 1 tệp / 1 problem(s) in 1 file(s)")
    assert check(root, "--max-age-days", "many").returncode == 2
    # Named paths limit the report to those pages and their translations.
    assert check(root, str(root / "docs" / "index.md")).returncode == 0
    assert check(root, str(root / "docs" / "a.en.md")).returncode == 1


def test_the_offices_file_is_checked_as_the_build_reads_it(tmp_path):
    root = project(tmp_path, {})
    config = root / "mkdocs.yml"
    setting = "    cache_dir: .cache/flyers"
    assert setting in config.read_text(encoding="utf-8")
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            setting, f"{setting}\n    offices: data/offices.csv"
        ),
        encoding="utf-8",
    )
    missing = check(root)
    assert_reports(
        missing, "data/offices.csv", 1, "không có tệp danh sách đơn vị", "does not exist"
    )
    (root / "data").mkdir()
    header = "id,name,name_en,address,address_en,phone,hours,hours_en"
    rows = "phuong-5,Phường 5,,,,1,,\nPhuong 6,Phường 6,,,,2,,\nphuong-5,Phường Năm,,,,3,,\n"
    (root / "data" / "offices.csv").write_text(f"{header}\n{rows}", encoding="utf-8")
    result = check(root)
    assert result.returncode == 1
    assert_reports(result, "data/offices.csv", 3, "mã 'Phuong 6' chỉ được có", "may only hold")
    assert_reports(result, "data/offices.csv", 4, "đã dùng ở dòng 2", "already used on line 2")
    (root / "data" / "offices.csv").write_text(f"{header}\nphuong-5,Phường 5,,,,1,,\n")
    assert_clean(root)


# --- Size and time ----------------------------------------------------------------------


def test_pages_over_a_limit_are_named_before_markdown_reads_them(tmp_path):
    brackets = page("Ngoặc", "[" * 9_000)
    long_line = page("Dài", "Chữ " * 3_000)
    root = project(tmp_path, {**pair("ngoac", brackets), **pair("dai", long_line)})
    result = check(root)
    assert_reports(result, "docs/ngoac.md", 6, "không có dấu ']'", "have no ']'", "\\[")
    assert_reports(result, "docs/dai.md", 6, "dài 12,000 ký tự", "at most 10,000")


def test_a_page_that_takes_too_long_is_reported_and_the_others_still_checked(tmp_path):
    from tests.support.large_pages import large_page

    pages = {**pair("lon", large_page(1_000_000, "Lớn")), **pair("a", page("A", "[x](b.md)"))}
    root = project(tmp_path, pages)
    # About a second of processor time for the large page, a few milliseconds for the others.
    result = check(root, "--page-time-limit", "0.2")
    assert_reports(result, "docs/lon.md", 1, "mất hơn 0.2 giây", "more than 0.2 s", "split")
    assert_reports(result, "docs/a.md", 6, "b.md")
    assert not any(f == "docs/index.md" for f, *_ in problems(result))
    unlimited = check(root, "--page-time-limit", "0")
    assert {f for f, *_ in problems(unlimited)} == {"docs/a.md"}  # no limit: the link only


# --- House rules: sources, "hôm nay", phone numbers ------------------------------------------

SOURCED = "[Bài viết (Báo X, 08/02/2024)](https://example.vn/bai-viet.html)"


def test_sources_must_link_the_article_with_its_date(tmp_path):
    body = (
        "Theo cảnh báo (nguồn: cafef.vn).\n\n"  # line 6
        "## Nguồn\n\n"
        f"- {SOURCED}\n"  # line 10: linked, dated
        "- [Trang hỏi đáp](index.md)\n"  # a page of this site
        "- cafef.vn\n"  # line 12: a bare domain
        "- [Bài viết](https://example.vn/khong-ngay.html)\n"  # line 13: no date
        "- [Tài liệu (Sở X, không ghi ngày)](https://example.vn/tai-lieu.html)\n"
    )
    root = project(tmp_path, pair("a", page("A", body)))
    result = check(root)
    assert_reports(result, "docs/a.md", 6, "'cafef.vn'", "link the article and give its date")
    assert_reports(result, "docs/a.md", 12, "'cafef.vn'", "readers cannot check it")
    assert_reports(result, "docs/a.md", 13, "https://example.vn/khong-ngay.html")
    assert len(problems(result)) == 3
    fixed = body.replace("(nguồn: cafef.vn)", f"(nguồn: {SOURCED})")
    fixed = fixed.replace("- cafef.vn\n", f"- {SOURCED}\n")
    fixed = fixed.replace("[Bài viết](https://example.vn/khong-ngay.html)", SOURCED)
    root = project(tmp_path / "fixed", pair("a", page("A", fixed)))
    assert_clean(root)


def test_a_validity_note_links_its_source(tmp_path):
    notes = (
        "validity:\n  status: historical\n  notes:\n"
        "    - text: Đã thay đổi.\n      source: thuvienphapluat.vn\n"  # lines 7-8
        "    - text: Đã hợp nhất.\n      source: Báo X, 29/6/2025\n"
        "      url: https://example.vn/bai.html\n"
    )
    root = project(tmp_path, pair("a", page("A", extra=notes)))
    assert_reports(check(root), "docs/a.md", 7, "'thuvienphapluat.vn'", "readers cannot check it")
    bad = notes + "    - text: Sai.\n      source: Báo Y\n      url: javascript:alert(1)\n"
    root = project(tmp_path / "bad", pair("a", page("A", extra=bad)))
    assert_reports(check(root), "docs/a.md", 14, "validity.notes.2.url", "https://")


def test_hom_nay_outside_the_dispatch_s_words(tmp_path):
    body = (
        "Hôm nay bạn đăng nhập bằng VNeID.\n\n"  # line 6
        "> Trích: hôm nay là ngày đầu tiên.\n\n"  # a quotation
        '<div class="site-transcript" markdown>\n\nKể từ hôm nay, công dân...\n\n</div>\n\n'
        "Sau đó, hôm nay vẫn vậy.\n"  # line 16
    )
    root = project(tmp_path, pair("a", page("A", body)))
    result = check(root)
    assert_reports(result, "docs/a.md", 6, "'hiện nay'")
    assert_reports(result, "docs/a.md", 16, "'hiện nay'")
    assert len(problems(result)) == 2


def test_phone_numbers_need_a_listed_source(tmp_path):
    body = (
        "Gọi 1022 hoặc 0274.1022.\n\n"  # line 6: listed numbers
        "Gọi tổng đài 1900 1234 để được hỗ trợ.\n\n"  # line 8: short number, not listed
        "Số của xã: 0912 345 678.\n\n"  # line 10: mobile number, not listed
        "Nghị định 118/2025/NĐ-CP; mất 129 triệu đồng; năm 2024.\n"  # no phone number here
    )
    root = project(tmp_path, pair("a", page("A", body)))
    result = check(root)
    assert_reports(result, "docs/a.md", 8, "'1900 1234'", "[tool.vneid.checks.phone-numbers]")
    assert_reports(result, "docs/a.md", 10, "'0912 345 678'", '"0912345678" =')
    assert len(problems(result)) == 2


def test_the_profile_s_phone_numbers_are_checked_too(tmp_path):
    root = project(tmp_path, {})
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "    logo: assets/images/logo.svg"
    config.write_text(text.replace(anchor, f'    hotline: "0901 234 567"\n{anchor}'), "utf-8")
    result = check(root)
    assert_reports(result, "mkdocs.yml", 1, "extra.organisation", "'0901 234 567'")
    with (root / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write('"0901234567" = "Bộ phận Một cửa: https://example.vn/lien-he (01/12/2026)"\n')
    assert_clean(root)
    with (root / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write('"113" = "no link"\n')
    assert_reports(check(root), "pyproject.toml", 1, "'113'", "source with its link")
