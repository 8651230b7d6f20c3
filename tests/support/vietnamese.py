"""Every letter of the Vietnamese alphabet with every tone mark, for the font tests."""

from __future__ import annotations

import unicodedata

# The 12 vowels as a base letter and a mark: a ă â e ê i o ô ơ u ư y.
VOWELS = (
    ("a", ""), ("a", "\u0306"), ("a", "\u0302"), ("e", ""), ("e", "\u0302"), ("i", ""),
    ("o", ""), ("o", "\u0302"), ("o", "\u031b"), ("u", ""), ("u", "\u031b"), ("y", ""),
)  # fmt: skip
# No mark (ngang), grave (huyền), acute (sắc), hook above (hỏi), tilde (ngã), dot below (nặng).
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
# The marks themselves, as Vietnamese typed decomposed (NFD) uses them.
MARKS = ("\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u031b", "\u0323")


def letters() -> list[str]:
    """Every Vietnamese letter (NFC), lower and upper case: the 12 vowels in each of the six
    tones, đ, and the consonants (which include f, j, w, z of loanwords)."""
    lower = [
        unicodedata.normalize("NFC", base + hat + tone) for base, hat in VOWELS for tone in TONES
    ]
    lower += ["đ", *"bcdfghjklmnpqrstvwxz"]
    return lower + [letter.upper() for letter in lower]


def beyond_ascii() -> list[str]:
    """The letters that are not plain ASCII: 134 (66 vowels with a hat or a tone, and đ, in
    each case)."""
    return [letter for letter in letters() if not letter.isascii()]


def sample_text() -> str:
    """Every letter, space-separated, then a sentence: the page text a font must set."""
    return " ".join(letters()) + " Người dân đăng ký tài khoản định danh điện tử; Ấp Bửu Hòa."
