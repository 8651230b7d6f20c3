"""Vietnamese diacritic folding: "Liên kết" -> "Lien ket", "Đăng ký" -> "Dang ky".

docs/assets/javascripts/search-highlight.js folds the same way in the browser; keep them in step.
"""

from __future__ import annotations

import re
import unicodedata

# The marks Vietnamese writes on vowels: the five tones (grave, acute, tilde, hook above,
# dot below) and the vowel marks of ă/â/ê/ô/ơ/ư (breve, circumflex, horn).
VIETNAMESE_MARKS = "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"

# A vowel followed only by Vietnamese marks. A sequence that goes on with any other combining
# mark (e.g. "ǘ", u with diaeresis and acute) is not Vietnamese and is left alone.
_VOWEL_WITH_MARKS = re.compile(
    f"([aeiouyAEIOUY])[{VIETNAMESE_MARKS}]+(?![\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff])"
)
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff]")


def _precomposed() -> dict[int, str]:
    """Every precomposed letter that is a vowel with only Vietnamese marks -> the vowel."""
    table = {ord(k): v for k, v in {"đ": "d", "Đ": "D"}.items()}
    for vowel in "aeiouyAEIOUY":
        for quality in ("", "\u0306", "\u0302", "\u031b"):
            for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
                letter = unicodedata.normalize("NFC", vowel + quality + tone)
                if len(letter) == 1 and letter != vowel:
                    table[ord(letter)] = vowel
    return table


_FOLD = _precomposed()


def fold(text: str) -> str:
    """`text` in NFC without Vietnamese diacritics; case and every other character are kept."""
    if text.isascii():
        return text
    nfc = unicodedata.normalize("NFC", text)
    if not _COMBINING.search(nfc):
        return nfc.translate(_FOLD)  # every mark is in a precomposed letter: one pass
    # Marks NFC could not compose: take each vowel with its marks apart.
    bare = _VOWEL_WITH_MARKS.sub(r"\1", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", bare.translate(_D_STROKE))
