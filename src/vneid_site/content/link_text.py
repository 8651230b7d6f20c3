"""Link text as a reader sees it, and the web addresses it names: "Vào dichvucong.gov.vn để
nộp hồ sơ" names dichvucong.gov.vn, however it is spelt (fullwidth dots, invisible characters,
Cyrillic letters), so a link may only open the address its text shows."""

from __future__ import annotations

import re
import unicodedata

from vneid_site.urls import BIDI_CONTROLS, same_site

# Characters that show as nothing or change nothing a reader sees, beyond Unicode's format
# characters (Cf: soft hyphen, zero-width space and joiners, bidi controls): the combining
# grapheme joiner, Hangul fillers, Mongolian and other variation selectors.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0")
_INVISIBLE |= frozenset(map(chr, range(0xFE00, 0xFE10)))
# Dots that IDNA (and so every browser) reads as "." in a host name.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
# Runs of characters that can make up an address; one pass, so linear in the text.
_RUN = re.compile(r"[\w.\-:/@%~+]+")
_LABEL = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")
# Link text ending in one of these names a file ("README.md", "bieu-mau.pdf"), not a site.
FILE_ENDINGS = frozenset(
    "md pdf doc docx xls xlsx odt ods csv txt zip png jpg jpeg gif svg webp html htm json yml "
    "yaml xml py js css typ".split()
)
# Top-level domains read as such besides every two-letter (country) one. Abbreviations in
# Vietnamese text ("TP.HCM", "P.Bình Hòa") end in no domain, so they are not addresses.
GENERIC_TLDS = frozenset(
    "com net org info biz edu gov mil int io ai app dev xyz online site top shop store tech "
    "cloud link click live news club space website pro asia mobi name tel today world life "
    "center support email company services network digital global group solutions systems "
    "bank finance money pay help page blog vip fun icu cc".split()
)
# Letters of other scripts that look like Latin ones, for reading a top-level domain
# written with them ("vп" is read as "vn").
_SKELETON = str.maketrans(
    "аеорсухіјԁѕһԛԝѵкмнтвпΑΒΕΗΙΚΜΝΟΡΤΧΥΖαεικνορτυχ",
    "aeopcyxijdshqwvkmhtbnabehikmnoptxyzaeiknoptux",
)


def shown(text: str) -> str:
    """`text` as a reader sees it, and as it would be typed: NFKC (fullwidth letters and dots
    become plain ones), with format characters (soft hyphens, zero-width characters, bidi
    controls) and other invisible characters removed."""
    text = unicodedata.normalize("NFKC", text).translate(_DOTS)
    return "".join(ch for ch in text if ch not in _INVISIBLE and unicodedata.category(ch) != "Cf")


def has_bidi_controls(text: str) -> bool:
    return not BIDI_CONTROLS.isdisjoint(text)


def domain_tokens(text: str) -> list[str]:
    """Every web address named in `text` (already `shown`), as host names in lower case:
    "https://www.Dichvucong.gov.vn/x" and "dichvucong.gov.vn." give "www.dichvucong.gov.vn"
    and "dichvucong.gov.vn"."""
    found = []
    for match in _RUN.finditer(text):
        token = match[0]
        host = token.lower()
        for prefix in ("https://", "http://", "//"):
            if host.startswith(prefix):
                host = host[len(prefix) :]
                break
        host = re.split(r"[/?#]", host, maxsplit=1)[0].rpartition("@")[2]
        host = host.partition(":")[0].strip(".-")
        labels = host.split(".")
        if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
            continue
        tld = labels[-1].translate(_SKELETON)
        if not (tld.isascii() and tld.isalpha()):
            continue
        if len(tld) != 2 and tld not in GENERIC_TLDS:
            continue
        if "/" not in token and tld in FILE_ENDINGS:
            continue  # "README.md" is a file; "https://x.md/" is a site
        found.append(host)
    return list(dict.fromkeys(found))


def mismatched(text: str, target: str) -> list[str]:
    """The addresses `text` names that are not `target` (a host name), in order."""
    return [token for token in domain_tokens(shown(text)) if not _opens(token, target)]


def _opens(token: str, target: str) -> bool:
    # A token with letters outside ASCII ("dіchvucong.gov.vn" with a Cyrillic i) is never the
    # ASCII host it imitates, and a punycode target never matches plain text.
    return token.isascii() and same_site(token, target)
