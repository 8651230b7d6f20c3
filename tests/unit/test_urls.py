"""Addresses as browsers read them: hosts by the WHATWG rules, and every form of an address
that people or simple checks would read as another host."""

from __future__ import annotations

import pytest

from vneid_site.urls import host_of, lookalike, parse, same_site, scheme_of, tricks


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://dichvucong.gov.vn/p/x", "dichvucong.gov.vn"),
        ("HTTPS://DichVuCong.GOV.vn:443/", "dichvucong.gov.vn"),
        # Python's urlsplit says dichvucong.gov.vn for this one; browsers open evil.example.
        ("https://evil.example\\@dichvucong.gov.vn/", "evil.example"),
        ("https://dichvucong.gov.vn@evil.example/", "evil.example"),
        ("https:/evil.example/x", "evil.example"),
        ("https://dichvucong%2egov.vn/", "dichvucong.gov.vn"),
        ("https://ｄｉｃｈｖｕｃｏｎｇ.gov.vn/", "dichvucong.gov.vn"),  # fullwidth letters
        (" \thttps://vneid.gov.vn/\n", "vneid.gov.vn"),
        ("https://[abc/x", None),  # browsers cannot parse it: it opens nothing
        ("mailto:a@b.gov.vn", None),
        ("../trang/", None),
    ],
)
def test_hosts_are_those_a_browser_contacts(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("https://evil.example\\@dichvucong.gov.vn/", ["backslash"]),
        ("\\\\evil.example/x", ["backslash"]),
        ("https://dichvucong.gov.vn@evil.example/", ["userinfo"]),
        ("https://user:pass@dichvucong.gov.vn/", ["userinfo"]),
        ("https://@dichvucong.gov.vn/", ["userinfo"]),
        ("//evil.example/x", ["scheme-relative"]),
        ("https:/evil.example/", ["slashes"]),
        ("https:evil.example", ["slashes"]),
        ("https:///evil.example/", ["slashes"]),
        ("https://dichvucong.gov.vn./", ["trailing-dot"]),
        ("https://dichvucong.gov.vn.:443/", ["trailing-dot"]),
        ("https://vneid.gov.vn/\u202egnp.exe", ["bidi"]),
        ("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", []),
        ("https://vneid.gov.vn/?q=a@b", []),  # an @ after the host is no user name
        ("mailto:lienhe@example.gov.vn", []),
        ("tel:1022", []),
        ("../hoi-dap/#muc", []),
        ("#muc-2", []),
    ],
)
def test_tricks_are_named(url, found):
    assert tricks(url) == found


def test_schemes_are_read_after_normalisation():
    assert scheme_of(" \x01java\tscr\nipt:alert(1) ") == "javascript"
    assert scheme_of("java script:x") is None
    assert parse("HTTPS://a.vn/").scheme == "https"


def test_look_alike_hosts_as_written_or_in_punycode():
    assert lookalike(parse("https://dіchvucong.gov.vn/"))  # Cyrillic і
    assert lookalike(parse("https://xn--dchvucng-7za.gov.vn/"))
    assert not lookalike(parse("https://dichvucong.gov.vn/"))


def test_same_site_ignores_www_and_case():
    assert same_site("www.DichVuCong.gov.vn", "dichvucong.gov.vn")
    assert not same_site("dichvucong.gov.vn.evil.example", "dichvucong.gov.vn")
