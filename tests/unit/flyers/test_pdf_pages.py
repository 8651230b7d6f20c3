"""Typst's pages laid onto new pages without Typst (flyers/pdf_pages.py), read back as readers
and printers read them: pypdf for text and structure, pdfium for pixels, zxing for codes."""

from __future__ import annotations

import io
import json
import tempfile
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from tests.support.pdfcheck import decode_qr, pdf_text, render_page
from tests.support.sitebuild import ROOT
from vneid_site.flyers import pdf_pages
from vneid_site.flyers.pdf_pages import (
    Draw,
    FormCache,
    PdfBuilder,
    PdfPagesError,
    SourcePdf,
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


def test_the_same_inputs_give_the_same_bytes(flyers, monkeypatch):
    def build(cache: FormCache, n: int) -> bytes:
        pdf = PdfBuilder(cache)
        form = pdf.add_form(cache.form(f"k{n}", lambda: flyers[n], 0))
        pdf.add_page(*A4, [Draw(form)])
        return pdf.finish(title="t", author="a", lang="en", ident="1" * 32)

    first = build(FormCache(), 0)
    assert build(FormCache(), 0) == first
    # Packs are put together in one PDF a worker keeps: what earlier packs left in it does not
    # change the bytes of the next.
    cache = FormCache()
    build(cache, 1)
    assert build(cache, 0) == first
    file_id = PdfReader(io.BytesIO(first)).trailer["/ID"][0].original_bytes
    assert file_id == bytes.fromhex("1" * 32)  # named by its cache key
    # Nor does beginning that PDF again, as a worker does when it has grown.
    monkeypatch.setattr(pdf_pages, "_LIBRARY_FORMS", 0)
    library = cache.library()
    assert build(cache, 0) == first and cache.library() is not library


def test_a_form_is_stored_once_however_many_pages_draw_it(flyers):
    def size(pages: int) -> int:
        pdf = PdfBuilder()
        form = SourcePdf(flyers[0]).form(0)
        for _ in range(pages):
            pdf.add_page(*A4, [Draw(pdf.add_form(form))])
        return len(pdf.finish(title="t", author="a", lang="vi", ident="0" * 32))

    one, ten = size(1), size(10)
    assert ten - one < 9 * 500 < one  # nine more pages, each a few hundred bytes


def test_what_two_flyers_hold_alike_is_stored_once(flyers):
    def streams(data: bytes) -> list[bytes]:
        pdf = pikepdf.Pdf.open(io.BytesIO(data))
        return [o.read_raw_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream)]

    def fonts(data: bytes) -> int:
        pdf = pikepdf.Pdf.open(io.BytesIO(data))
        return sum(
            isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"
            for o in pdf.objects
        )

    # Each flyer brings its own colour profiles, character maps and font programs.
    alike = set(streams(flyers[0])) & set(streams(flyers[1]))
    assert len(alike) >= 3
    pdf = PdfBuilder()
    for n, data in enumerate(flyers):
        pdf.add_page(*A4, [Draw(pdf.add_form(SourcePdf(data, f"flyer {n}").form(0)))])
    pack = pdf.finish(title="t", author="a", lang="vi", ident="0" * 32)
    found = streams(pack)
    assert len(found) == len(set(found)) and alike <= set(found)
    # A font subset both flyers use is one font, one descriptor, one program.
    written = pikepdf.Pdf.open(io.BytesIO(pack))
    names = [
        str(o.FontName)
        for o in written.objects
        if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"
    ]
    assert names and len(names) == len(set(names))
    assert len(names) < sum(fonts(data) for data in flyers)
    for n in (1, 2):  # each page still draws its own flyer, with its own text
        assert f"Tờ rơi số {n}" in pdf_text(PdfReader(io.BytesIO(pack)), n - 1)


def test_a_page_of_several_content_streams_is_drawn_as_the_same_one_stream(flyers):
    # Typst writes one content stream a page; any other page goes through qpdf's own
    # as_form_xobject. Both must draw the page alike.
    source = pikepdf.Pdf.open(io.BytesIO(flyers[0]))
    page = source.pages[0]
    content = page.obj.Contents.read_bytes()
    cut = content.index(b"\n", len(content) // 2) + 1
    page.obj.Contents = pikepdf.Array(
        [source.make_stream(content[:cut]), source.make_stream(content[cut:])]
    )
    split = io.BytesIO()
    source.save(split)

    def drawn(data: bytes) -> Image.Image:
        pdf = PdfBuilder()
        pdf.add_page(A4[1], A4[0], [Draw(pdf.add_form(SourcePdf(data).form(0)), 0.5, 100, 50)])
        return render_page(pdf.finish(title="t", author="a", lang="vi", ident="0" * 32), 72, 0)

    whole = drawn(flyers[0])
    assert whole.convert("L").getextrema()[0] < 100  # the flyer is there
    assert whole.tobytes() == drawn(split.getvalue()).tobytes()
    # qpdf hands that page's content over decoded: it is compressed again, not written raw.
    pdf = PdfBuilder()
    pdf.add_page(*A4, [Draw(pdf.add_form(SourcePdf(split.getvalue()).form(0)))])
    written = pikepdf.Pdf.open(
        io.BytesIO(pdf.finish(title="t", author="a", lang="vi", ident="0" * 32))
    )
    raw = [o for o in written.objects if isinstance(o, pikepdf.Stream) and "/Filter" not in o]
    assert raw and all(len(o.read_raw_bytes()) < 100 for o in raw)  # the page's own few bytes


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


def test_a_damaged_object_is_refused_by_name_rather_than_repaired(flyers):
    # qpdf reads past a damaged dictionary with a warning; the pack must not lose a font.
    at = flyers[0].index(b"/FontDescriptor")
    damaged = flyers[0][:at] + b"<<<<]]]]>>>>>>>" + flyers[0][at + 15 :]
    pdf = PdfBuilder()
    with pytest.raises(PdfPagesError, match=r"^flyer\.pdf: page 1: .*array close"):
        pdf.add_form(SourcePdf(damaged, "flyer.pdf").form(0))
    with pytest.raises(PdfPagesError, match=r"^flyer\.pdf: page 2: "):
        SourcePdf(flyers[0], "flyer.pdf").form(1)
