"""The Markdown sources say what is true today: scam warnings, activation steps, the former
Bình Dương province, English dates and the 2024 hotline with its caveat. Read from docs/, no build.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.support.real_docs import DOCS, LANGUAGES

SCAM = "canh-bao-lua-dao"
REGISTER = "huong-dan/dang-ky-vneid"
LANGS = ("vi", "en")


def source(stem: str, lang: str) -> Path:
    return DOCS / LANGUAGES.source(f"{stem}.md", lang)


def read(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def split(text: str) -> tuple[dict, str]:
    """Front matter and body of a page."""
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, "page has no front matter"
    return yaml.safe_load(match.group(1)), text[match.end() :]


def section(body: str, heading: str) -> str:
    """The text under the first heading that contains `heading`, up to the next heading of the
    same or a higher level."""
    lines = body.splitlines()
    for i, line in enumerate(lines):
        found = re.match(r"(#+) (.*)", line)
        if found and heading in found.group(2):
            level = len(found.group(1))
            out = []
            for rest in lines[i + 1 :]:
                nxt = re.match(r"(#+) ", rest)
                if nxt and len(nxt.group(1)) <= level:
                    break
                out.append(rest)
            return "\n".join(out)
    raise AssertionError(f"no heading containing {heading!r}")


def numbered(text: str) -> list[str]:
    """Items of the numbered lists in `text`, in order."""
    return [m.group(1) for m in re.finditer(r"^\d+\. (.+)$", text, re.MULTILINE)]


def all_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def english_pages() -> list[Path]:
    return [p for p in all_pages() if p.name.endswith(".en.md")]


def guides() -> list[Path]:
    """Every guide in both languages: the how-to pages, the FAQ and the officials' page."""
    pages = sorted((DOCS / "huong-dan").glob("*.md"))
    for stem in ("hoi-dap", "can-bo"):
        pages += [source(stem, lang) for lang in LANGS]
    return pages


SCAM_RULES = {
    "vi": (
        "App Store",
        "CH Play",
        "Không cài từ đường link",
        "nguồn không xác định",
        "xưng là công an hay cán bộ xã",
        '"cập nhật thông tin"',
        "do hệ thống tự cập nhật",
        "tên miền na ná",
        "Công an cấp xã",
    ),
    "en": (
        "App Store",
        "CH Play",
        "Never install it from a link",
        "unknown sources",
        "say they are police or commune officials",
        '"update your information"',
        "updated by the system itself",
        "look-alike",
        "police of your commune",
    ),
}
SCAM_SOURCES = (
    "cafef.vn",
    "congan.ninhbinh.gov.vn",
    "baonghean.vn",
    "kenh14.vn",
)


@pytest.mark.parametrize("lang", LANGS)
def test_scam_page_has_the_key_rules_and_the_real_domains(lang):
    path = source(SCAM, lang)
    assert path.is_file(), path
    meta, body = split(read(path))
    assert meta["title"] and meta["description"]
    rules = section(body, meta["flyer"]["steps"])
    items = numbered(rules)
    # Short enough for the flyer, which prints this list on one A4 page.
    assert 5 <= len(items) <= 8, items
    for rule in SCAM_RULES[lang]:
        assert rule in rules, rule
    for domain in ("https://dichvucong.gov.vn", "https://vneid.gov.vn"):
        assert domain in rules, domain
    for name in SCAM_SOURCES:
        assert name in body, name
    # Every rule names where it comes from.
    assert all(re.search(r"\([^)]*\.vn[^)]*\)\.?$", item) for item in items), items


@pytest.mark.parametrize(
    "lang,heading,words",
    [
        ("vi", "Kiểm tra mã QR", ("thanh địa chỉ", "in dưới mã QR")),
        ("en", "Check the QR code", ("address bar", "printed under the QR code")),
    ],
)
def test_scam_page_shows_how_to_check_a_scanned_qr_code(lang, heading, words):
    _, body = split(read(source(SCAM, lang)))
    text = section(body, heading)
    assert len(numbered(text)) >= 2
    for word in words:
        assert word in text, word


ACTIVATION = {
    "vi": {
        "heading": "Kích hoạt tài khoản",
        "steps": (
            "SMS",
            '"Kích hoạt tài khoản định danh điện tử"',
            "số định danh cá nhân",
            '"Gửi yêu cầu"',
            "OTP",
            "mật khẩu",
            "passcode gồm 6 chữ số",
            "2 câu hỏi bảo mật",
        ),
        "last": "Đăng nhập lại",
        "computer": ("Không có điện thoại thông minh", "8 đến 20 ký tự"),
    },
    "en": {
        "heading": "Activate your account",
        "steps": (
            "SMS",
            '"Kích hoạt tài khoản định danh điện tử"',
            "personal identification number",
            '"Gửi yêu cầu"',
            "OTP",
            "password",
            "6-digit passcode",
            "2 security questions",
        ),
        "last": "Log in again",
        "computer": ("Without a smartphone", "8 to 20 characters"),
    },
}


@pytest.mark.parametrize("lang", LANGS)
def test_registration_guide_has_numbered_activation_steps(lang):
    want = ACTIVATION[lang]
    _, body = split(read(source(REGISTER, lang)))
    text = section(body, want["heading"])
    subheading, password_rule = want["computer"]
    app_part, computer_part = text.split(subheading, 1)
    steps = numbered(app_part)
    assert len(steps) >= 7, steps
    # Each piece appears in the steps, in the order a citizen meets it.
    positions = []
    for piece in want["steps"]:
        index = next((i for i, step in enumerate(steps) if piece in step), None)
        assert index is not None, piece
        positions.append(index)
    assert positions == sorted(positions), positions
    assert steps[-1].startswith(want["last"])
    computer_steps = numbered(computer_part)
    assert len(computer_steps) >= 3
    joined = "\n".join(computer_steps)
    for piece in ("https://vneid.gov.vn", '"Kích hoạt tài khoản"', "OTP", password_rule):
        assert piece in joined, piece
    # The sources are named with the steps.
    for name in ("dean06.hanam.gov.vn", "congan.kontum.gov.vn", "phunutoday.vn"):
        assert name in text, name


def test_no_page_calls_binh_duong_a_province_of_today():
    for path in all_pages():
        text = read(path).casefold()
        assert "tỉnh bình dương hiện nay" not in text, path


def test_english_pages_write_dates_in_words():
    for path in english_pages():
        dates = re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", read(path))
        assert dates == [], (path, dates)


def test_one_term_for_the_2025_mergers():
    for path in all_pages():
        assert "sáp nhập" not in read(path).casefold(), path


def test_english_dispatch_closes_without_the_vietnamese_end_mark():
    text = read(source("cong-van/vneid-cong-dvcqg-2024", "en"))
    assert "./." not in text
    assert "Board of Directors" not in text


def test_every_guide_links_to_the_scam_page():
    for path in guides():
        prefix = "../" if path.parent.name == "huong-dan" else ""
        target = re.escape(f"{prefix}{SCAM}.md")
        assert re.search(rf"\]\({target}(#[^)]*)?\)", read(path)), path


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_has_a_card_for_the_scam_page(lang):
    _, body = split(read(source("index", lang)))
    cards = body.split('<div class="grid cards" markdown>', 1)[1].split("</div>", 1)[0]
    assert f"]({SCAM}.md)" in cards


def test_the_2024_hotline_carries_its_caveat_beside_the_number():
    caveats = {"vi": "chưa xác nhận còn hoạt động", "en": "not confirmed to operate today"}
    pages = [p for p in all_pages() if "0274.1022" in read(p)]
    # At least the FAQ and the officials' page, in both languages.
    assert len(pages) >= 4, pages
    for path in pages:
        lang = "en" if path.name.endswith(".en.md") else "vi"
        paragraphs = re.split(r"\n\s*\n", read(path))
        assert any("0274.1022" in p and "2024" in p and caveats[lang] in p for p in paragraphs), (
            path
        )
