"""Typst's pages laid onto new pages without Typst (flyers/pdf_pages.py), read back as readers
and printers read them: pypdf for text and structure, pdfium for pixels, zxing for codes."""

from __future__ import annotations

import io
import json
import tempfile
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.pdfcheck import decode_qr, pdf_text, render_page
from tests.support.sitebuild import ROOT
from vneid_site.flyers.pdf_pages import (
    Draw,
    FormCache,
    PdfBuilder,
    PdfPagesError,
    SourcePdf,
    entries,
    renumber,
)
from vneid_site.flyers.qr import make_qr
from vneid_site.flyers.render import FlyerRenderer, RenderSettings
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs

TEMPLATE = ROOT / "flyer-templates"
SAMPLE = json.loads((TEMPLATE / "sample.json").read_text(encoding="utf-8"))
DATA = Path(tempfile.gettempdir()) / "vneid-test-typst-data"
A4 = (595.2756, 841.8898)


@pytest.fixture(scope="module")
def flyers() -> list[bytes]:
    """Two flyers of the sample, with different titles and codes."""
    settings = RenderSettings(TEMPLATE, tuple(flyer_font_dirs()), FLYER_FAMILIES, Path("/"), DATA)
    renderer = FlyerRenderer(settings)
    out = []
    for n in (1, 2):
        url = f"https://example.gov.vn/vneid/trang-{n}/"
        data = {**SAMPLE, "title": f"Tờ rơi số {n}", "url": url}
        data["qr_svg"] = make_qr(url).svg.decode()
        out.append(renderer.render(data, src=f"sample {n}"))
    return out


def test_pages_of_two_flyers_become_one_pdf_with_their_text_codes_and_language(flyers):
    pdf = PdfBuilder()
    forms = [pdf.add_form(SourcePdf(data, f"flyer {n}").form(0)) for n, data in enumerate(flyers)]
    for form in forms:
        pdf.add_page(*A4, [Draw(form)])
    data = pdf.finish(title="Bộ tờ rơi — thử", author="Tác giả", lang="vi", ident="ab" * 16)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2
    assert reader.metadata.title == "Bộ tờ rơi — thử" and reader.metadata.author == "Tác giả"
    assert str(reader.trailer["/Root"]["/Lang"]) == "vi"
    assert "/StructTreeRoot" not in reader.trailer["/Root"]  # a plain PDF: no tags
    for n in (1, 2):
        assert f"Tờ rơi số {n}" in pdf_text(reader, n - 1)
        codes = decode_qr(render_page(data, 100, n - 1), 100)
        assert f"https://example.gov.vn/vneid/trang-{n}/" in [c.text for c in codes]
    # Fonts come along whole: the text is the flyer's own, in Be Vietnam Pro.
    page = reader.pages[0]
    xobject = page["/Resources"]["/XObject"]
    fonts = next(iter(xobject.values())).get_object()["/Resources"]["/Font"]
    assert any("BeVietnamPro" in str(f.get_object()["/BaseFont"]) for f in fonts.values())


def test_a_page_drawn_at_half_size_lands_where_it_is_placed(flyers):
    pdf = PdfBuilder()
    form = pdf.add_form(SourcePdf(flyers[0]).form(0))
    # Landscape A4, the flyer at A5 on the right half only.
    pdf.add_page(A4[1], A4[0], [Draw(form, 148.5 / 210, A4[1] / 2, 0)])
    data = pdf.finish(title="t", author="a", lang="vi", ident="0" * 32)
    image = render_page(data, 50, 0).convert("L")
    left = image.crop((0, 0, image.width // 2 - 2, image.height))
    right = image.crop((image.width // 2 + 2, 0, image.width, image.height))
    assert left.getextrema() == (255, 255)  # nothing on the left half
    assert right.getextrema()[0] < 100  # the flyer on the right
    codes = [c.text for c in decode_qr(render_page(data, 150, 0), 150)]
    assert "https://example.gov.vn/vneid/trang-1/" in codes


def test_the_same_inputs_give_the_same_bytes(flyers):
    def build() -> bytes:
        cache, pdf = FormCache(), PdfBuilder()
        form = cache.form("k", lambda: flyers[0], 0)
        number = pdf.add_form(form, cache.rendered("k", 0, form, pdf.next_number - 1))
        pdf.add_page(*A4, [Draw(number)])
        return pdf.finish(title="t", author="a", lang="en", ident="1" * 32)

    assert build() == build()


def test_references_are_renumbered_but_strings_are_not():
    head = b"<</A 3 0 R/B(12 0 R \\) 4 0 R)/C<3 0 R>/D[5 0 R 6 0 R]/E 7.5 0 R>>"
    renamed = renumber(head, lambda n: n + 100)
    assert renamed == b"<</A 103 0 R/B(12 0 R \\) 4 0 R)/C<3 0 R>/D[105 0 R 106 0 R]/E 7.5 0 R>>"
    assert entries(b"<</Type/Page/Kids[1 0 R 2 0 R]/N<</X (a>>b)>>>>") == {
        b"/Type": b"/Page",
        b"/Kids": b"[1 0 R 2 0 R]",
        b"/N": b"<</X (a>>b)>>",
    }


def test_a_pdf_typst_did_not_write_is_refused_by_name():
    stream = zlib.compress(b"x")
    broken = b"%%PDF-1.7\n1 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n" % (
        len(stream),
        stream,
    )
    with pytest.raises(PdfPagesError, match=r"other\.pdf"):
        SourcePdf(broken + b"startxref\n9\n%%EOF\n", "other.pdf")
    with pytest.raises(PdfPagesError, match=r"other\.pdf"):
        SourcePdf(b"not a pdf", "other.pdf")
