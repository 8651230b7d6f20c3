"""Link text as a reader sees it, and every web address it names."""

from __future__ import annotations

import pytest

from vneid_site.content.link_text import domain_tokens, has_bidi_controls, mismatched, shown


def test_shown_text_drops_what_readers_cannot_see():
    assert shown("dichvu\u00adcong\u200b.gov\u2060.vn") == "dichvucong.gov.vn"
    assert shown("dichvucong．gov。vn") == "dichvucong.gov.vn"  # fullwidth, ideographic dots
    assert shown("ｄｉｃｈｖｕｃｏｎｇ.gov.vn") == "dichvucong.gov.vn"
    assert shown("\u202edichvucong.gov.vn\u202c") == "dichvucong.gov.vn"
    assert shown("Đăng ký tài khoản") == "Đăng ký tài khoản"  # Vietnamese stays as it is


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("dichvucong.gov.vn", ["dichvucong.gov.vn"]),
        ("https://www.DichVuCong.gov.vn/p/x?y=1", ["www.dichvucong.gov.vn"]),
        ("Vào dichvucong.gov.vn để nộp hồ sơ.", ["dichvucong.gov.vn"]),
        ("Xem vneid.gov.vn và dichvucong.gov.vn.", ["vneid.gov.vn", "dichvucong.gov.vn"]),
        ("dichvucong.gov.vn:8443/x", ["dichvucong.gov.vn"]),
        ("dіchvucong.gov.vn", ["dіchvucong.gov.vn"]),  # a Cyrillic і is still an address
        ("dichvucong.gov.vп", ["dichvucong.gov.vп"]),  # ... also in the top-level domain
        ("README.md", []),  # a file's name
        ("bieu-mau.pdf", []),
        ("TP.HCM", []),  # Vietnamese abbreviations are no addresses
        ("UBND P.Bình Hòa, TX.Thuận An", []),
        ("v.v.", []),
        ("phiên bản 1.5.2", []),
        ("Ứng dụng VNeID", []),
    ],
)
def test_every_address_in_the_text_is_found(text, tokens):
    assert domain_tokens(shown(text)) == tokens


def test_every_address_must_be_the_target():
    assert mismatched("Vào dichvucong.gov.vn", "dichvucong.gov.vn") == []
    assert mismatched("www.dichvucong.gov.vn", "dichvucong.gov.vn") == []
    assert mismatched("Xem vneid.gov.vn và dichvucong.gov.vn", "vneid.gov.vn") == [
        "dichvucong.gov.vn"
    ]
    assert mismatched("dіchvucong.gov.vn", "dichvucong.gov.vn") == ["dіchvucong.gov.vn"]
    assert mismatched("dichvu\u00adcong.gov.vn", "evil.example") == ["dichvucong.gov.vn"]


def test_bidi_controls_are_found():
    assert has_bidi_controls("abc\u202edef")
    assert has_bidi_controls("\u2067x\u2069")
    assert not has_bidi_controls("dichvu\u00adcong.gov.vn")
