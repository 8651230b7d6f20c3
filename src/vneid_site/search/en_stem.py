"""English Porter stemmer, a line-by-line port of the one inside lunr.js (Material's search).

The build uses it to group English word forms ("link", "linked", "linking") as lunr would.
"""

from __future__ import annotations

import re

_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence

_MGR0 = re.compile(f"^({_C})?{_V}{_C}")  # measure > 0
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # measure = 1
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # measure > 1
_S_V = re.compile(f"^({_C})?{_v}")  # vowel in stem

_1A = re.compile(r"^(.+?)(ss|i)es$")
_1A2 = re.compile(r"^(.+?)([^s])s$")
_1B = re.compile(r"^(.+?)eed$")
_1B2 = re.compile(r"^(.+?)(ed|ing)$")
_1B_ADD_E = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")
_1C = re.compile(r"^(.+?[^aeiou])y$")
_2 = re.compile(f"^(.+?)({'|'.join(_STEP2)})$")
_3 = re.compile(f"^(.+?)({'|'.join(_STEP3)})$")
_4 = re.compile(
    r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$"
)
_4B = re.compile(r"^(.+?)(s|t)(ion)$")
_5 = re.compile(r"^(.+?)e$")
_5LL = re.compile(r"ll$")


def stem(word: str) -> str:
    """The stem lunr.js gives a lower-case English word: "linking" -> "link"."""
    w = word
    if len(w) < 3:
        return w
    # An initial y is a consonant: mark it so the vowel patterns skip it.
    first_y = w[0] == "y"
    if first_y:
        w = "Y" + w[1:]

    if (m := _1A.match(w)) or (m := _1A2.match(w)):
        w = m[1] + m[2]

    if m := _1B.match(w):
        if _MGR0.match(m[1]):
            w = w[:-1]
    elif (m := _1B2.match(w)) and _S_V.match(m[1]):
        w = m[1]
        if _1B_ADD_E.search(w):
            w += "e"
        elif _1B_DOUBLE.search(w):
            w = w[:-1]
        elif _CVC.match(w):
            w += "e"

    if m := _1C.match(w):
        w = m[1] + "i"

    if (m := _2.match(w)) and _MGR0.match(m[1]):
        w = m[1] + _STEP2[m[2]]

    if (m := _3.match(w)) and _MGR0.match(m[1]):
        w = m[1] + _STEP3[m[2]]

    if m := _4.match(w):
        if _MGR1.match(m[1]):
            w = m[1]
    elif (m := _4B.match(w)) and _MGR1.match(m[1] + m[2]):
        w = m[1] + m[2]

    if m := _5.match(w):
        base = m[1]
        if _MGR1.match(base) or (_MEQ1.match(base) and not _CVC.match(base)):
            w = base

    if _5LL.search(w) and _MGR1.match(w):
        w = w[:-1]

    if first_y:
        w = "y" + w[1:]
    return w
