"""Vietnamese folding: every vowel with every tone, both cases, NFC and NFD, and đ."""

from __future__ import annotations

import unicodedata

import pytest

from vneid_site.i18n.fold import fold

# The twelve Vietnamese vowels with the six tones (none, huyền, sắc, hỏi, ngã, nặng).
VOWELS = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}
ALL_FORMS = [(letter, vowel[0]) for vowel in VOWELS.values() for letter in vowel]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_the_table_is_complete_and_precomposed():
    assert len(ALL_FORMS) == 12 * 6
    assert len({letter for letter, _ in ALL_FORMS}) == 72
    assert all(unicodedata.is_normalized("NFC", letter) for letter, _ in ALL_FORMS)


@pytest.mark.parametrize("letter,base", ALL_FORMS)
def test_every_vowel_with_every_tone_folds_to_its_base_letter(letter, base):
    plain = unicodedata.normalize("NFD", base)[0]  # "ơ" -> "o"
    assert fold(letter) == plain
    assert fold(letter.upper()) == plain.upper()
    assert fold(nfd(letter)) == plain
    assert fold(nfd(letter.upper())) == plain.upper()


def test_d_with_stroke_folds_to_d():
    assert fold("đ") == "d"
    assert fold("Đ") == "D"
    assert fold("Đăng ký") == "Dang ky"
    assert fold("ĐĂNG KÝ") == "DANG KY"


@pytest.mark.parametrize(
    "text,folded",
    [
        ("Liên kết tài khoản", "Lien ket tai khoan"),
        ("Cổng Dịch vụ công Quốc gia", "Cong Dich vu cong Quoc gia"),
        ("căn cước công dân", "can cuoc cong dan"),
        ("định danh điện tử", "dinh danh dien tu"),
        ("Người dân được hướng dẫn", "Nguoi dan duoc huong dan"),
        ("LIÊN KẾT", "LIEN KET"),
        ("Tờ rơi in được và mã QR", "To roi in duoc va ma QR"),
    ],
)
def test_words_and_phrases_fold_in_nfc_and_nfd(text, folded):
    assert fold(text) == folded
    assert fold(nfd(text)) == folded


def test_case_is_kept_and_case_does_not_change_the_folded_letters():
    text = "Đăng Nhập Cổng Dịch Vụ Công"
    assert fold(text.lower()) == fold(text).lower()
    assert fold(text.upper()) == fold(text).upper()


@pytest.mark.parametrize(
    "text",
    [
        "Liên kết tài khoản Cổng Dịch vụ công Quốc gia với VNeID",
        nfd("Đăng ký mức 2 tại cơ quan Công an"),
        "plain ASCII, 1022 & 0274.1022",
    ],
)
def test_folding_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@pytest.mark.parametrize(
    "text",
    [
        "Register a VNeID electronic identification account",
        "0274.1022 — (1022) 30/6/2024",
        "Привет, мир: й",  # Cyrillic, with a breve that is not on a Latin vowel
        "日本語のテキスト",
        "Straße, Müller, España, façade, Ñoño",  # ü, ñ, ç: not marks Vietnamese uses
        "ǘ ǚ",  # diaeresis plus a tone: not Vietnamese
    ],
)
def test_non_vietnamese_text_is_untouched(text):
    assert fold(text) == text
