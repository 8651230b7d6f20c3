"""Text that is not clean Unicode Vietnamese: decomposed (NFD) letters, UTF-8 read as
Windows-1252 ("mojibake"), and text typed in the old TCVN3 (ABC) or VNI encodings."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

# Tone marks: grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_VOWELS = "aăâeêioôơuưy"


def _letters() -> frozenset[str]:
    base = [unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in ("", *_TONES)]
    lower = {c for c in [*base, "đ"] if not c.isascii()}
    return frozenset(lower | {c.upper() for c in lower})


# Every letter of the Vietnamese alphabet that is not plain ASCII, both cases (134 + đ/Đ).
VIETNAMESE_LETTERS = _letters()

# ---------------------------------------------------------------------------------------
# Decomposed text (NFD): a letter followed by separate combining marks.

_CLUSTER = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]+")


def decomposed(line: str) -> list[tuple[str, str]]:
    """(as written, composed) for each letter written with separate combining marks."""
    found = []
    for match in _CLUSTER.finditer(line):
        composed = unicodedata.normalize("NFC", match.group())
        if composed != match.group():
            found.append((match.group(), composed))
    return found


def compose(text: str) -> str:
    """NFC for letters with separate marks only; every other character is left as it is.

    Plain `unicodedata.normalize("NFC", text)` would also rewrite unrelated characters (the
    Ångström and Ohm signs, CJK compatibility ideographs); a fix must change nothing else.
    """
    return _CLUSTER.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)


# ---------------------------------------------------------------------------------------
# UTF-8 bytes decoded as Windows-1252 (or Latin-1): "Ä‘Æ°á»£c" for "được". ftfy decodes
# them; what is ours is telling garbled text from genuine Vietnamese, which ftfy would also
# "repair" ("NGÃ”", with a closing quote, becomes "NGÔ").

_WORD_SPAN = re.compile(r"[^ \t\n]+")


@dataclass(frozen=True)
class Mojibake:
    """A line holding UTF-8 text that was read as Windows-1252."""

    words: tuple[tuple[str, str], ...]  # (as written, repaired) for the first few words


def repair_mojibake(text: str) -> str:
    """`text` with UTF-8 read as Windows-1252 decoded again (ftfy)."""
    import ftfy  # only the checks need it, not a build

    return ftfy.fix_encoding(text)


def find_mojibake(line: str) -> Mojibake | None:
    """Mojibake in one line, or None. Genuine Vietnamese text is never reported."""
    fixed = repair_mojibake(line)
    if fixed == line:
        return None
    changes = [
        (line[i1:i2], fixed[j1:j2], i1)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    if not any(c in VIETNAMESE_LETTERS for _, new, _ in changes for c in new):
        return None
    # "Ã" and "Â" are Vietnamese letters, so one "Ã" + symbol in capitals ("NGÃ”") is not
    # enough. A lead that is no Vietnamese letter (Ä, Æ), a three-byte form (á»..), a lead
    # inside a lower-case word, or two changes on the line are.
    strong = len(changes) >= 2 or any(
        not old
        or old[0] not in VIETNAMESE_LETTERS
        or len(old) - len(new) >= 2
        or (start > 0 and line[start - 1].islower())
        for old, new, start in changes
    )
    if not strong:
        return None
    pairs: list[tuple[str, str]] = []
    for word in _WORD_SPAN.findall(line):
        repaired = repair_mojibake(word)
        if repaired != word and len(pairs) < 3:
            pairs.append((word, repaired))
    return Mojibake(tuple(pairs))


# ---------------------------------------------------------------------------------------
# Old 8-bit Vietnamese encodings, pasted from files made with .VnTime (TCVN3) or VNI-Times
# fonts: the bytes show up as Latin-1 symbols and letters ("§éc lËp", "Ñoäc laäp").

_TCVN3_CODES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
_TCVN3 = {chr(code): char for code, char in _TCVN3_CODES.items()}

# VNI writes a plain vowel followed by a byte for its marks ("oä" = ộ); a few letters are
# single bytes. Upper-case marks (Ø, Ù...) follow capitals.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = _TONES[0], _TONES[1], _TONES[2], _TONES[3], _TONES[4]
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_TONE = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_LETTER = {"ñ": "đ", "ô": "ơ", "ö": "ư", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _with_upper(table: dict[str, str]) -> dict[str, str]:
    return {**table, **{k.upper(): v.upper() for k, v in table.items()}}


_VNI_TONE_ALL = {**_VNI_TONE, **{k.upper(): v for k, v in _VNI_TONE.items()}}
_VNI_CIRC_ALL = {**_VNI_CIRC, **{k.upper(): v for k, v in _VNI_CIRC.items()}}
_VNI_BREVE_ALL = {**_VNI_BREVE, **{k.upper(): v for k, v in _VNI_BREVE.items()}}
_VNI_LETTER_ALL = _with_upper(_VNI_LETTER)


def decode_tcvn3(word: str) -> str:
    """Read a word as TCVN3 (ABC) bytes shown as Latin-1."""
    return "".join(_TCVN3.get(c, c) for c in word)


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].lower()


def decode_vni(word: str) -> str:
    """Read a word as VNI Windows bytes shown as Latin-1."""
    out: list[str] = []
    for c in word:
        prev = out[-1] if out else ""
        if prev and _base(prev) in "aeiouy" and c in _VNI_TONE_ALL:
            out[-1] = unicodedata.normalize("NFC", prev + _VNI_TONE_ALL[c])
        elif prev.lower() in ("a", "e", "o") and c in _VNI_CIRC_ALL:
            out[-1] = unicodedata.normalize("NFC", prev + _CIRC + _VNI_CIRC_ALL[c])
        elif prev.lower() == "a" and c in _VNI_BREVE_ALL:
            out[-1] = unicodedata.normalize("NFC", prev + _BREVE + _VNI_BREVE_ALL[c])
        else:
            out.append(_VNI_LETTER_ALL.get(c, c))
    return "".join(out)


# A Vietnamese syllable: initial consonant, vowel nucleus, final. Used to tell a real
# legacy-encoded word ("ViÖt" -> "Việt") from a foreign word with the same letters ("Müller").
_INITIAL = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_NUCLEI = "uyê|uya|oo|oa|oă|oe|uâ|uê|uy|uơ|ua|uô|ưa|ươ|ia|iê|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
_FINAL = "ch|ng|nh|[cmnptiyou]"
_SYLLABLE = re.compile(f"(?:{_INITIAL})?(?:{_NUCLEI})(?:{_FINAL})?")


def is_syllable(word: str) -> bool:
    """True when `word` is spelled like one Vietnamese syllable, with at most one tone."""
    plain = unicodedata.normalize("NFD", word.lower())
    tones = sum(plain.count(t) for t in _TONES)
    plain = unicodedata.normalize("NFC", "".join(c for c in plain if c not in _TONES))
    return tones <= 1 and _SYLLABLE.fullmatch(plain) is not None


# Latin-1 characters that Vietnamese text never holds inside a word.
_SUSPECT = frozenset(chr(b) for b in range(0xA1, 0x100) if chr(b) not in VIETNAMESE_LETTERS)
_WORD = re.compile(r"[A-Za-z\u00a1-\u00ff]+")


@dataclass(frozen=True)
class LegacyText:
    """A line that looks typed in an old 8-bit Vietnamese encoding."""

    encoding: str  # "TCVN3" or "VNI"
    words: tuple[tuple[str, str], ...]  # (as written, as it probably reads), first few


def _inside(word: str) -> bool:
    return any(
        c in _SUSPECT and word[i - 1].isalpha() and word[i + 1].isalpha()
        for i, c in enumerate(word[1:-1], start=1)
    )


_DECODERS = {"TCVN3": decode_tcvn3, "VNI": decode_vni}


def find_legacy(line: str) -> LegacyText | None:
    """TCVN3 or VNI text in one line, or None. Genuine Vietnamese is never reported."""
    words = _WORD.findall(line)
    candidates = [w for w in words if any(c in _SUSPECT for c in w) and any(c.isascii() for c in w)]
    best: tuple[int, str] | None = None
    for name, decode in _DECODERS.items():
        hits = [w for w in candidates if (d := decode(w)) != w and is_syllable(d)]
        # One odd word ("VNeID®", "Müller") is not enough: two, or a symbol inside a word.
        if len(hits) < 2 and not any(_inside(w) for w in hits):
            continue
        # The right encoding turns the whole line into Vietnamese syllables.
        score = sum(is_syllable(decode(w)) for w in words)
        if best is None or score > best[0]:
            best = (score, name)
    if best is None:
        return None
    decode = _DECODERS[best[1]]
    pairs = [(w, d) for w in words if (d := decode(w)) != w and is_syllable(d)]
    return LegacyText(best[1], tuple(pairs[:4]))
