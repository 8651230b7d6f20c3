"""Link addresses for print: each link to another page or site carries its absolute address."""

from __future__ import annotations

from lxml.html import fragment_fromstring

from tests.support.growth import growth
from vneid_site.content.print_links import add_print_urls

PAGE = "https://www.example.gov.vn/vneid/huong-dan/lien-ket/"


def marked(html: str) -> dict[str, str | None]:
    """Link text -> its data-print-url (None when it has none)."""
    root = fragment_fromstring(add_print_urls(html, PAGE), create_parent="div")
    return {a.text_content(): a.get("data-print-url") for a in root.iter("a")}


def test_relative_links_get_their_absolute_address():
    assert marked('<p><a href="../dang-ky/">Đăng ký</a></p>') == {
        "Đăng ký": "https://www.example.gov.vn/vneid/huong-dan/dang-ky/"
    }
    assert marked('<a href="../../hoi-dap/#tai-khoan">Hỏi đáp</a>') == {
        "Hỏi đáp": "https://www.example.gov.vn/vneid/hoi-dap/#tai-khoan"
    }


def test_other_sites_keep_their_address_and_entities_are_read():
    assert marked('<a href="https://vneid.gov.vn/?a=1&amp;b=2">VNeID</a>') == {
        "VNeID": "https://vneid.gov.vn/?a=1&b=2"
    }


def test_links_that_print_nothing_new_are_left_alone():
    html = (
        '<a href="#buoc-1">in-page</a>'
        '<a href="mailto:a@example.gov.vn">mail</a>'
        '<a href="tel:1022">phone</a>'
        '<a href="https://dichvucong.gov.vn/">https://dichvucong.gov.vn/</a>'
        '<a class="headerlink" href="#x">¶</a>'
        "<a>no address</a>"
        '<a href="">empty</a>'
    )
    assert set(marked(html).values()) == {None}


def test_an_existing_print_url_is_kept_and_text_and_markup_are_unchanged():
    html = '<a href="/x/" data-print-url="https://a.example/x/">X</a> <a href="y/"><b>Y</b> z</a>'
    out = add_print_urls(html, PAGE)
    assert out.count("data-print-url") == 2
    assert 'data-print-url="https://a.example/x/"' in out
    assert "<b>Y</b> z</a>" in out
    assert add_print_urls("<p>No links at all.</p>", PAGE) == "<p>No links at all.</p>"


def test_the_address_is_escaped_in_the_attribute():
    out = add_print_urls('<a href="a&quot;b/">Q</a>', PAGE)
    assert 'data-print-url="https://www.example.gov.vn/vneid/huong-dan/lien-ket/a&quot;b/"' in out


def test_unclosed_links_cost_linear_time():
    small, large = '<a href="x/">' * 2_500, '<a href="x/">' * 10_000
    assert add_print_urls(small, PAGE) == small  # nothing to close them: left alone
    assert growth(lambda s: add_print_urls(s, PAGE), small, large) < 8
    # Closed ones are all marked, in the same single pass.
    closed = '<a href="x/">Xem</a>' * 3
    assert add_print_urls(closed, PAGE).count("data-print-url") == 3


def test_a_start_tag_pairs_with_the_first_end_tag_after_it():
    html = '<a href="a/">A <a href="b/">B</a> after</a>'
    out = add_print_urls(html, PAGE)
    assert out.count("data-print-url") == 1 and 'data-print-url="' + PAGE + 'a/"' in out
    assert add_print_urls('<a title="x>y" href="c/">C</a>', PAGE).count("data-print-url") == 1
