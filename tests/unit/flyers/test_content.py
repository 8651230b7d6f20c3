from __future__ import annotations

import unicodedata

import pytest

from vneid_site.content.front_matter import parse_page_meta
from vneid_site.flyers.content import FlyerContentError, Run, extract, is_preview_url

PAGE_URL = "https://example.gov.vn/vneid/huong-dan/x/"
HTML = """
<p>Đoạn mở đầu.</p>
<h2 id="cac-buoc">Các bước<a class="headerlink" href="#cac-buoc">¶</a></h2>
<ol>
<li>Mở <strong>ứng dụng</strong> và gõ <code>#let x = 1</code>.</li>
<li>Xem <a href="../y/">trang khác</a> hoặc <a href="javascript:alert(1)">đây</a>.</li>
<li><p>Đoạn một.</p><p>Đoạn <em>hai</em>.</p></li>
</ol>
<h2>Khác</h2>
<ol><li>Không phải bước.</li></ol>
"""


def meta(extra: str = ""):
    source = f"---\ntitle: Tiêu đề\ndescription: Mô tả.\n{extra}---\n"
    parsed, problems = parse_page_meta(source, "docs/x.md")
    assert problems == []
    return parsed


def test_steps_keep_bold_code_and_absolute_links():
    content = extract(
        html=HTML, meta=meta("flyer:\n  steps: Các bước\n"), lang="vi", page_url=PAGE_URL, src="x"
    )
    assert len(content.steps) == 3
    assert content.steps[0] == (
        Run("Mở "),
        Run("ứng dụng", strong=True),
        Run(" và gõ "),
        Run("#let x = 1", code=True),
        Run("."),
    )
    # A relative link becomes absolute; a script link keeps its text but loses the link. Paper
    # cannot follow a link: one to a page not known to have a flyer prints its address.
    assert content.steps[1] == (
        Run("Xem "),
        Run("trang khác", href="https://example.gov.vn/vneid/huong-dan/y/", address=True),
        Run(" hoặc đây."),
    )
    assert "".join(r.text for r in content.steps[2]) == "Đoạn một. Đoạn hai."
    assert content.steps_title == "Các bước"


def test_without_a_steps_section_the_first_top_level_list_is_used():
    content = extract(html=HTML, meta=meta(), lang="vi", page_url=PAGE_URL, src="x")
    assert len(content.steps) == 3 and content.steps_title is None


def test_summary_falls_back_to_first_paragraph_then_description():
    content = extract(html=HTML, meta=meta(), lang="vi", page_url=PAGE_URL, src="x")
    assert content.summary == "Đoạn mở đầu."
    content = extract(
        html="<ol><li>a</li></ol>", meta=meta(), lang="vi", page_url=PAGE_URL, src="x"
    )
    assert content.summary == "Mô tả."
    content = extract(
        html=HTML, meta=meta("flyer:\n  summary: Tóm tắt.\n"), lang="vi", page_url=PAGE_URL, src="x"
    )
    assert content.summary == "Tóm tắt."


def test_unknown_steps_heading_names_the_headings_there_are():
    with pytest.raises(FlyerContentError) as err:
        extract(
            html=HTML,
            meta=meta("flyer:\n  steps: Bước\n"),
            lang="vi",
            page_url=PAGE_URL,
            src="docs/x.md",
        )
    message = str(err.value)
    assert message.startswith("docs/x.md: flyer.steps names the section 'Bước'")
    assert "'Các bước', 'Khác'" in message and "fix:" in message


def test_decomposed_text_is_normalised():
    nfd = unicodedata.normalize("NFD", "Đăng ký tài khoản")
    content = extract(
        html=f"<ol><li>{nfd}</li></ol>",
        meta=meta(f"flyer:\n  summary: {nfd}\n"),
        lang="vi",
        page_url=PAGE_URL,
        src="x",
    )
    assert content.steps[0][0].text == "Đăng ký tài khoản"
    assert content.summary == "Đăng ký tài khoản"


def test_faq_pages_list_their_questions_when_there_are_no_steps():
    html = "<p>x</p>" + "".join(f"<h3>Câu {i}?</h3><p>Đáp.</p>" for i in range(4))
    content = extract(html=html, meta=meta(), lang="vi", page_url=PAGE_URL, src="x")
    assert content.topics == ("Câu 0?", "Câu 1?", "Câu 2?", "Câu 3?")


def test_preview_addresses():
    assert is_preview_url("http://127.0.0.1:8000/")
    assert is_preview_url("http://localhost/x/")
    assert not is_preview_url("https://dichvucong.gov.vn/")


ACTIVATION = (
    HTML
    + """
<h2 id="kich-hoat">Kích hoạt<a class="headerlink" href="#kich-hoat">¶</a></h2>
<p>Trên ứng dụng:</p>
<ol><li>Chờ tin nhắn.</li><li>Đăng nhập lại.</li></ol>
<h3>Trên máy tính</h3>
<ol><li>Mở trang web.</li></ol>
"""
)


def test_several_step_sections_each_keep_their_heading_in_the_order_named():
    options = "flyer:\n  steps: [Kích hoạt, Các bước]\n"
    content = extract(html=ACTIVATION, meta=meta(options), lang="vi", page_url=PAGE_URL, src="x")
    assert [s.title for s in content.sections] == ["Kích hoạt", "Các bước"]
    # The section's first list: the steps in the app, not those of its sub-section.
    assert ["".join(r.text for r in step) for step in content.sections[0].steps] == [
        "Chờ tin nhắn.",
        "Đăng nhập lại.",
    ]
    assert len(content.sections[1].steps) == 3
    data = content.as_data()
    assert [s["title"] for s in data["sections"]] == ["Kích hoạt", "Các bước"]
    assert data["sections"][0]["steps"][1] == [{"text": "Đăng nhập lại."}]


def test_the_page_date_is_part_of_the_flyer_data_in_the_language_s_form():
    from dataclasses import replace
    from datetime import date

    page = replace(meta(), updated=date(2026, 11, 27))
    vi = extract(html=HTML, meta=page, lang="vi", page_url=PAGE_URL, src="x")
    en = extract(html=HTML, meta=page, lang="en", page_url=PAGE_URL, src="x")
    assert vi.as_data()["updated"] == "27/11/2026"
    assert en.as_data()["updated"] == "27 November 2026"
    assert extract(html=HTML, meta=meta(), lang="vi", page_url=PAGE_URL, src="x").updated == ""


def test_an_empty_summary_prints_none_and_posters_take_at_most_five_steps():
    seven = "<ol>" + "".join(f"<li>Bước {i}.</li>" for i in range(1, 8)) + "</ol>"
    none = extract(
        html=HTML, meta=meta('flyer:\n  summary: ""\n'), lang="vi", page_url=PAGE_URL, src="x"
    )
    assert none.summary == ""
    content = extract(html=seven, meta=meta(), lang="vi", page_url=PAGE_URL, src="x")
    assert ["".join(r.text for r in s) for s in content.poster_steps] == [
        f"Bước {i}." for i in range(1, 6)
    ]
    own = meta("flyer:\n  poster_steps: [Cài VNeID., 'Gõ https://dichvucong.gov.vn.']\n")
    content = extract(html=seven, meta=own, lang="vi", page_url=PAGE_URL, src="x")
    assert content.poster_steps == ((Run("Cài VNeID."),), (Run("Gõ https://dichvucong.gov.vn."),))
    data = content.poster_data()
    assert data["steps"] == [[{"text": "Cài VNeID."}], [{"text": "Gõ https://dichvucong.gov.vn."}]]
    assert set(data) == {"lang", "title", "url", "steps", "summary", "updated", "preview"}


def test_the_flyer_s_date_may_be_later_than_the_page_s():
    from dataclasses import replace
    from datetime import date

    page = replace(meta(), updated=date(2026, 1, 2))
    content = extract(
        html=HTML, meta=page, lang="en", page_url=PAGE_URL, src="x", dated=date(2026, 3, 4)
    )
    assert content.updated == "4 March 2026"
