"""Detectors of decomposed, garbled and legacy-encoded Vietnamese, on real strings."""

from __future__ import annotations

import unicodedata

import pytest

from vneid_site.content.text_encoding import (
    VIETNAMESE_LETTERS,
    compose,
    decode_tcvn3,
    decode_vni,
    decomposed,
    find_legacy,
    find_mojibake,
    is_syllable,
    repair_mojibake,
)

# Genuine Vietnamese, NFC: every tone on every vowel, capitals, quotes and symbols.
GENUINE = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Đăng ký tài khoản định danh điện tử VNeID mức 1 tại nhà, trên điện thoại.",
    "Người dân được hướng dẫn đăng nhập Cổng Dịch vụ công Quốc gia.",
    "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC",
    "“NGÃ” và «ngã», 25°C, m², VNeID®, Zalo©, Số ...../STTTT",
    "Khuya, khuỷu tay, quyển sách, thuở nhỏ, giữa trưa, goòng, xoong, boong tàu",
    "ỐC, ỨNG, Ừ, ỬA, ỮA, ỰA, ẤY, ẦU, ẨN, ẪN, ẬN, ẮT, ẰNG, ẲNG, ẴNG, ẶN",
    "Müller, naïve, Noël, façade, São Paulo, Zürich, Señor, Straße",
    " ".join(sorted(VIETNAMESE_LETTERS)),
]


@pytest.mark.parametrize("line", GENUINE)
def test_genuine_vietnamese_is_never_flagged(line):
    assert unicodedata.is_normalized("NFC", line)
    assert decomposed(line) == []
    assert find_mojibake(line) is None
    assert find_legacy(line) is None


def test_every_vietnamese_letter_is_there():
    assert len(VIETNAMESE_LETTERS) == 134
    assert {"ệ", "Ự", "đ", "Đ", "ỹ", "Ỵ"} <= VIETNAMESE_LETTERS


def test_decomposed_letters_are_found_and_composed():
    nfd = unicodedata.normalize("NFD", "Việt Nam")
    assert [composed for _, composed in decomposed(nfd)] == ["ệ"]
    assert compose(nfd) == "Việt Nam"
    # Letters typed as "ơ" + a separate tone (Windows-1258 style) compose too.
    assert compose("Tho\u031b\u0300i") == "Thời"


def test_compose_leaves_other_characters_alone():
    # NFC would turn the Ångström and Ohm signs into other letters; compose must not.
    text = "\u212b \u2126 \ufeff x\u0301 " + unicodedata.normalize("NFD", "ờ")
    assert compose(text) == "\u212b \u2126 \ufeff x\u0301 ờ"


MOJIBAKE = [
    ("Ä‘Æ°á»£c cáº¥p tÃ\xa0i khoáº£n", "được cấp tài khoản"),
    ("CÃ´ng vÄƒn cá»§a Sá»Ÿ", "Công văn của Sở"),
    ("Ä‘Äƒng nháº­p", "đăng nhập"),
    ("Nghá»‹ Ä‘á»‹nh 69/2024/NÄ\x90-CP", "Nghị định 69/2024/NĐ-CP"),
]


@pytest.mark.parametrize(("garbled", "clean"), MOJIBAKE)
def test_utf8_read_as_windows_1252_is_found_and_repaired(garbled, clean):
    found = find_mojibake(garbled)
    assert found is not None
    assert repair_mojibake(garbled) == clean
    assert found.words and all(clean.count(fixed) for _, fixed in found.words)


def test_mojibake_made_by_python_round_trips():
    clean = "Sở Thông tin và Truyền thông tỉnh Bình Dương"
    garbled = clean.encode("utf-8").decode("cp1252", errors="replace")
    found = find_mojibake(garbled)
    assert found is not None
    assert "Dương" in repair_mojibake(garbled)
    assert found.words[0] == (garbled.split(" ")[0], "Sở")


TCVN3 = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("B¶o Th¾ng, M\xadêng Kh\xad¬ng", "Bảo Thắng, Mường Khương"),
    ("Së Th«ng tin vµ TruyÒn th«ng", "Sở Thông tin và Truyền thông"),
]
VNI = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("ñöôøng", "đường"),
]


@pytest.mark.parametrize(("legacy", "clean"), TCVN3)
def test_tcvn3_text_is_found_and_read(legacy, clean):
    found = find_legacy(legacy)
    assert found is not None and found.encoding == "TCVN3"
    assert " ".join(decode_tcvn3(word) for word in legacy.split(" ")) == clean
    assert found.words and all(decode_tcvn3(a) == b for a, b in found.words)


@pytest.mark.parametrize(("legacy", "clean"), VNI)
def test_vni_text_is_found_and_read(legacy, clean):
    found = find_legacy(legacy)
    assert found is not None and found.encoding == "VNI"
    assert " ".join(decode_vni(word) for word in legacy.split(" ")) == clean
    assert found.words and all(decode_vni(a) == b for a, b in found.words)


def test_decoders_and_syllables():
    assert decode_tcvn3("nghÜa") == "nghĩa"
    assert decode_vni("VIEÄT") == "VIỆT"
    assert is_syllable("nghiêng") and is_syllable("khuỷu") and is_syllable("gì")
    assert not is_syllable("Müller") and not is_syllable("Vieọt") and not is_syllable("hoứa")
