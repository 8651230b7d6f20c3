"""The Markdown sources say what is true today: scam warnings, activation steps, the law on old
Portal accounts, where to get help, what to do when something goes wrong, the former Bình Dương
province, English dates and the 2024 hotline as history. Read from docs/, no build.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.support.real_docs import DOCS, LANGUAGES
from tests.support.sitebuild import ROOT

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


# The key rules of the scam page (issue: citizen advice), each a fact of CONTENT-FACTS.md.
SCAM_RULES = {
    "vi": (
        "Không đọc mã OTP, mật khẩu, mã passcode cho bất kỳ ai, kể cả người xưng là công an",
        "App Store",
        "CH Play",
        "không cài từ đường link",
        "nguồn không xác định",
        "xưng là công an hay cán bộ xã",
        '"cập nhật thông tin"',
        "Công an không hướng dẫn kích hoạt tài khoản qua điện thoại",
        "do hệ thống tự cập nhật",
        '"phí"',
        "tiền Tết",
        "tên miền na ná",
        "Công an xã, phường",
    ),
    "en": (
        "Never tell anyone an OTP code, password or passcode, even someone who says they are "
        "police",
        "App Store",
        "Google Play (CH Play in Vietnam",
        "never from a link",
        "unknown sources",
        "say they are police or commune officials",
        '"update your information"',
        "The police do not guide you through activating an account by phone",
        "updated by the system itself",
        '"fee"',
        "Tết money",
        "look-alike",
        "commune or ward police",
    ),
}
ALREADY_CLICKED = {
    "vi": (
        "Nếu bạn đã bấm vào đường link",
        ("ngân hàng", "khóa tài khoản", "Tắt nguồn", "Trình báo Công an"),
    ),
    "en": (
        "If you already tapped a link",
        ("bank", "lock your account", "Turn your phone off", "Report it"),
    ),
}
# Every point of the scam page cites an article: a link to it, with its date.
CITED = re.compile(r"\(\[[^\]]*\b(?:\d{1,2}/\d{1,2}/\d{4}|\d{4})\b[^\]]*\]\(https://[^)]+\)")


@pytest.mark.parametrize("lang", LANGS)
def test_scam_page_has_the_key_rules_and_the_real_domains(lang):
    path = source(SCAM, lang)
    assert path.is_file(), path
    meta, body = split(read(path))
    assert meta["title"] and meta["description"]
    rules = section(body, meta["flyer"]["steps"][0])
    items = numbered(rules)
    # Short enough for the flyer, which prints this list on one A4 page.
    assert 5 <= len(items) <= 8, items
    for rule in SCAM_RULES[lang]:
        assert rule in rules, rule
    for domain in ("https://dichvucong.gov.vn", "https://vneid.gov.vn"):
        assert domain in rules, domain
    # Every rule names where it comes from, as a link to the article with its date.
    assert all(CITED.search(item) for item in items), items
    # The publisher of the real app.
    assert (
        "Trung tâm Dữ liệu quốc gia về dân cư"
        if lang == "vi"
        else "National Population Data Centre"
    ) in body


@pytest.mark.parametrize("lang", LANGS)
def test_scam_page_says_what_to_do_after_clicking(lang):
    heading, steps_words = ALREADY_CLICKED[lang]
    meta, body = split(read(source(SCAM, lang)))
    assert heading in meta["flyer"]["steps"][1]  # printed on the flyer too
    steps = numbered(section(body, heading))
    assert len(steps) == 3, steps
    joined = "\n".join(steps)
    for word in steps_words:
        assert word in joined, word
    assert all(CITED.search(step) for step in steps), steps


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
        "no_phone": "Không có điện thoại thông minh",
        "computer": ("Kích hoạt trên máy tính", "8 đến 20 ký tự"),
        "police": ("Công an xã, phường", "mức 2", "hãy hỏi Công an xã, phường"),
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
        "no_phone": "Without a smartphone",
        "computer": ("Activate on a computer", "8 to 20 characters"),
        "police": ("commune or ward police", "level 2", "ask your commune or ward police"),
    },
}


def links_in(text: str) -> set[str]:
    """Hosts of the web links in Markdown text."""
    return {m.group(1) for m in re.finditer(r"\]\(https?://([^/)]+)", text)}


@pytest.mark.parametrize("lang", LANGS)
def test_registration_guide_has_numbered_activation_steps(lang):
    want = ACTIVATION[lang]
    _, body = split(read(source(REGISTER, lang)))
    text = section(body, want["heading"])
    steps = numbered(text)
    assert len(steps) >= 7, steps
    # Each piece appears in the steps, in the order a citizen meets it.
    positions = []
    for piece in want["steps"]:
        index = next((i for i, step in enumerate(steps) if piece in step), None)
        assert index is not None, piece
        positions.append(index)
    assert positions == sorted(positions), positions
    assert steps[-1].startswith(want["last"])
    # The sources are linked with the steps.
    assert {"dean06.hanam.gov.vn", "congan.kontum.gov.vn"} <= links_in(text)


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_smartphone_register_level_2_at_the_police_then_activate_on_a_computer(lang):
    want = ACTIVATION[lang]
    _, body = split(read(source(REGISTER, lang)))
    text = section(body, want["no_phone"])
    first, computer = text.split(want["computer"][0], 1)
    steps = numbered(first)
    assert len(steps) >= 2
    for word in want["police"]:
        assert word in steps[0], (word, steps[0])
    computer_steps = numbered(computer)
    assert len(computer_steps) >= 3
    joined = "\n".join(computer_steps)
    for piece in ("https://vneid.gov.vn", '"Kích hoạt tài khoản"', "OTP", want["computer"][1]):
        assert piece in joined, piece
    assert {"congan.kontum.gov.vn", "phunutoday.vn"} <= links_in(computer)


def test_no_page_calls_binh_duong_a_province_of_today():
    for path in all_pages():
        text = read(path).casefold()
        assert "tỉnh bình dương hiện nay" not in text, path


def test_english_pages_write_dates_in_words():
    for path in english_pages():
        dates = re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", read(path))
        assert dates == [], (path, dates)


def own_words(text: str) -> str:
    """A page's text without the titles of the articles it cites (their words, not ours)."""
    return re.sub(r"\[[^\]]*\]\(https?://[^)]*\)", "", text)


def test_one_term_for_the_2025_mergers():
    for path in all_pages():
        assert "sáp nhập" not in own_words(read(path)).casefold(), path


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


def test_the_2024_hotline_is_history_kept_in_the_faq_only():
    """The 2024 Bình Dương hotline: in the FAQ, under its own dated heading, in the past tense;
    nowhere else a reader would take it for today's help."""
    pages = [p for p in all_pages() if "0274.1022" in read(p)]
    assert sorted(p.name for p in pages) == ["hoi-dap.en.md", "hoi-dap.md"], pages
    for path in pages:
        heading = "năm 2024" if path.name == "hoi-dap.md" else "The 2024 hotline"
        history = section(split(read(path))[1], heading)
        assert "0274.1022" in history
        assert ("Năm 2024" in history and "Khi đó" in history) or (
            "In 2024" in history and "then called" in history
        ), history
        rest = read(path).replace(history, "")
        assert "0274.1022" not in rest
    profile = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    templates = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "flyer-templates").iterdir())
    assert "1022" not in profile.split("extra:", 1)[1].split("corrections:", 1)[0]
    assert "1022" not in templates
