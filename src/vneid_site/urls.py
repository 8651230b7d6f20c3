"""Addresses read as browsers read them: the WHATWG URL rules (ada-url, the parser Node.js
uses), and the forms of an address on which a reader, a check and a browser could disagree
about where it goes. The page checks, the link checks and the QR checks all read addresses
here, so they never disagree with each other."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import ada_url

_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Schemes whose addresses have a host after "//", and in which browsers read "\" as "/".
SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp", "file"})
# Characters that reorder the text around them (Unicode bidi embeddings, overrides, isolates
# and marks): "moc.live//:sptth" can show as "https://evil.com".
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

# Ways to write an address that people and programs read differently.
Trick = Literal["bidi", "backslash", "scheme-relative", "slashes", "userinfo", "trailing-dot"]


def normalise(value: str) -> str:
    """An address as a browser reads it: no tabs or line breaks anywhere, no spaces or control
    characters around it. (Character references are already decoded by the HTML parser.)"""
    return re.sub(r"[\t\n\r]", "", value).strip(_C0_AND_SPACE)


def scheme_of(value: str) -> str | None:
    """The lower-case scheme of an address after normalisation; None for a relative one."""
    match = _SCHEME.match(normalise(value))
    return match[1].lower() if match else None


@dataclass(frozen=True)
class Address:
    """One address, normalised and parsed."""

    text: str  # normalised
    scheme: str | None  # lower case; None for a relative address
    host: str | None  # as a browser resolves it (lower case, IDNA), None when it has none
    written_host: str | None  # the host as written, for look-alike letters
    userinfo: bool  # a user name or password before the host ("https://a@b/")


def parse(value: str) -> Address:
    """`value` read as a browser reads it. An address browsers cannot parse has no host."""
    text = normalise(value)
    scheme = scheme_of(text)
    host = written = None
    userinfo = False
    if scheme is not None:
        try:
            parts = ada_url.parse_url(text)
        except ValueError:
            parts = None
        if parts is not None:
            host = parts["hostname"] or None
            userinfo = bool(parts["username"] or parts["password"])
        if scheme in SPECIAL_SCHEMES:
            authority = _authority(text[len(scheme) + 1 :])
            if authority is not None:
                userinfo = userinfo or "@" in authority
                written = _strip_port(authority.rpartition("@")[2]) or None
    return Address(text, scheme, host, written, userinfo)


def _authority(rest: str) -> str | None:
    """What stands between "//" and the path of a special address ("a@b:80" in
    "//a@b:80/x"); None without "//". "\\" ends it, as it does in browsers."""
    rest = rest.lstrip("/\\")
    end = len(rest)
    for stop in "/?#\\":
        found = rest.find(stop)
        if found != -1:
            end = min(end, found)
    return rest[:end]


def _strip_port(host: str) -> str:
    if host.startswith("["):
        return host.partition("]")[0] + "]"
    return host.rpartition(":")[0] if re.fullmatch(r"[^:]*:\d*", host) else host


def host_of(value: str) -> str | None:
    """The host a browser would contact for `value`; None when it has none or cannot be parsed
    ("https://[abc/x")."""
    return parse(value).host


def lookalike(address: Address) -> bool:
    """A host written in letters outside plain ASCII, or in punycode ("xn--"), which can
    imitate a known address letter for letter."""
    written = address.written_host or ""
    return not written.isascii() or (address.host is not None and lookalike_host(address.host))


def lookalike_host(host: str) -> bool:
    """A host name with letters outside plain ASCII, or a punycode ("xn--") label."""
    return not host.isascii() or any(label.startswith("xn--") for label in host.split("."))


def tricks(value: str) -> list[Trick]:
    """How `value` (an href, a src, a QR code's target) hides where it goes: each of these is
    read one way by people or simple checks and another way by browsers."""
    found: list[Trick] = []
    if BIDI_CONTROLS.intersection(value):
        found.append("bidi")
    address = parse(value)
    text = address.text
    if "\\" in text:
        found.append("backslash")  # browsers read it as "/" in web addresses
    if address.scheme is None:
        if text.startswith("//"):
            found.append("scheme-relative")  # "//evil.example/" is another site
        return found
    if address.scheme in SPECIAL_SCHEMES:
        rest = text[len(address.scheme) + 1 :]
        # "https:/host", "https:host" and "https:///host" all open https://host/.
        if not rest.startswith("//") or rest[2:3] in ("/", "\\"):
            found.append("slashes")
        if address.userinfo:
            found.append("userinfo")  # "https://dichvucong.gov.vn@evil.example/"
        if (address.host or "").endswith(".") or (address.written_host or "").endswith("."):
            found.append("trailing-dot")
    return found


def same_site(host: str, other: str) -> bool:
    """Two host names that name the same site for a reader: equal, but for a leading "www."."""
    return host.lower().removeprefix("www.") == other.lower().removeprefix("www.")
