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
    # A relative link becomes absolute; a script link keeps its text but loses the link.
    assert content.steps[1] == (
        Run("Xem "),
        Run("trang khác", href="https://example.gov.vn/vneid/huong-dan/y/"),
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
