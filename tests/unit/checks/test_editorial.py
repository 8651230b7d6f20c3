from __future__ import annotations

import pytest

from vneid_site.checks.editorial import (
    check_phone_list,
    check_sources,
    check_today,
    phone_numbers,
)

HEAD = "---\ntitle: T\ndescription: D\n---\n\n"


@pytest.mark.parametrize(
    "text,digits",
    [
        ("Gọi 1022 hoặc 0274.1022.", ["1022", "02741022"]),
        ("Hotline: 1900 1234.", ["19001234"]),
        ("Số điện thoại của xã: 0912 345 678", ["0912345678"]),
        ("Call +84 28 3822 1022 now", ["842838221022"]),
        ("Đường dây nóng 113", ["113"]),
    ],
)
def test_phone_numbers_are_found(text, digits):
    assert [n.digits for n in phone_numbers(HEAD + text)] == digits


@pytest.mark.parametrize(
    "text",
    [
        "Nghị định 118/2025/NĐ-CP và Nghị định 69/2024/NĐ-CP.",
        "Mất 129 triệu đồng, nộp 22.000 đồng.",
        "Ngày 01/7/2024, năm 2025, Điều 40 khoản 3.",
        "Cổng 1022 trong ứng dụng Công dân số TPHCM.",  # a web gateway, not a number to call
        "Hệ thống 1022 tỉnh",
        "`gọi 0912 345 678` in code is not printed as a number",
    ],
)
def test_other_numbers_are_not_phone_numbers(text):
    assert phone_numbers(HEAD + text) == []


def test_phone_list_needs_digits_and_a_linked_source():
    good = {"1022": "Bình Dương: https://example.vn/a (23/7/2021)"}
    assert check_phone_list(good) == []
    bad = check_phone_list({"0274.1022": "https://x.vn", "113": "police"})
    assert [p.message.split("'")[1] for p in bad] == ["0274.1022", "113"]


def test_today_is_allowed_only_in_the_dispatch_s_words():
    text = HEAD + (
        '<div class="site-transcript" markdown>\n\n<div>\n\nhôm nay\n\n</div>\n\nhôm nay\n\n'
        "</div>\n\nHôm nay\n\n> hôm nay\n"
    )
    assert [p.line for p in check_today(text, "x.md")] == [18]


def test_a_source_item_may_run_over_lines_and_a_site_page_needs_no_date():
    text = HEAD + (
        "## Nguồn\n\n"
        "- [Tiêu đề dài\n  (Báo X, 08/02/2024)](https://example.vn/a)\n"
        "- [Trang này](index.md)\n"
        "## Sources {#nguon}\n\n"
        "- example.vn (2024)\n"
    )
    found = check_sources(text, "x.md")
    assert [(p.line, "example.vn (2024)" in p.message) for p in found] == [(13, True)]
