"""Pages of Typst's PDFs laid onto the pages of a new PDF without Typst: how print packs are put
together from the flyers and posters already made, and an office's box laid over them.

pikepdf (qpdf) does the PDF work: each source page becomes a form (a PDF Form XObject), copied
with everything its resources use (fonts, images, colour spaces) into the new PDF once, however
many of its pages draw it. Streams are copied as they are, never decoded and compressed again.
A worker puts its packs together in one PDF, the library, where the forms earlier packs drew
are already copied, and writes each pack as what its own catalogue reaches. The sources' tags,
links and metadata stay behind: a pack is a plain PDF, each of its pages being offered on its
own as a tagged one.
"""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

# What pikepdf raises on a PDF it cannot read or a page it cannot copy or write (a key missing
# or of the wrong type: AttributeError, TypeError).
_ERRORS = (
    pikepdf.PdfError,
    pikepdf.ForeignObjectError,
    ValueError,
    KeyError,
    IndexError,
    AttributeError,
    TypeError,
)


_REFERENCE = re.compile(rb"\d+ \d+ R\b")  # an indirect object, as qpdf writes it


class PdfPagesError(ValueError):
    """A PDF cannot be read, or its pages cannot be copied."""


class _Named(io.BytesIO):
    """A source's bytes, named so that qpdf's messages name the file (qpdf uses the repr)."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name

    def __repr__(self) -> str:
        return self.name


def _refuse_repairs(source: Pdf, name: str, source_name: str) -> None:
    """qpdf reads a damaged object as best it can, with a warning: refuse the PDF instead."""
    if warnings := source.get_warnings():
        raise _error(PdfPagesError(warnings[0]), name, source_name)


def _error(err: Exception, name: str, source_name: str) -> PdfPagesError:
    """`err` as a PdfPagesError that starts with `name` (qpdf names the source "stream ...")."""
    text = str(err).replace(f"stream {source_name}", "").lstrip(": ")
    return PdfPagesError(f"{name}: {text}")


@dataclass(frozen=True, eq=False)
class Form:
    """A source page, to be drawn as a form (its source stays open as long as this is kept:
    qpdf reads the streams of what it copied when it writes)."""

    page: pikepdf.Page
    source: Pdf
    source_name: str
    name: str  # the source's name and the page's number, for messages
    width: float
    height: float

    def copy_into(self, pdf: Pdf) -> pikepdf.Object:
        """The page as a form in `pdf`, with copies of what its resources use. A page as Typst
        writes it (one content stream, not rotated or scaled) is made into the form that
        qpdf's as_form_xobject would make, here: as_form_xobject writes the form into the
        source, which makes qpdf read the whole source first, and hands over the content
        decoded, to be compressed again each time a pack is written."""
        obj = self.page.obj
        contents = obj.get("/Contents")
        if (
            not isinstance(contents, pikepdf.Stream)
            or not isinstance(contents.get("/Filter", Name.FlateDecode), Name)
            or "/DecodeParms" in contents
            or obj.get("/Rotate") not in (None, 0)
            or "/UserUnit" in obj
        ):
            # Its content comes decoded: compressed again here, once (packs are written without
            # compressing, see PdfBuilder.write).
            form = pdf.copy_foreign(self.page.as_form_xobject())
            if "/Filter" not in form:
                form.write(zlib.compress(form.read_raw_bytes()), filter=Name.FlateDecode)
            return form
        box = list(self.page.trimbox)  # its numbers, not the source's array
        form = pdf.make_stream(b"", Type=Name.XObject, Subtype=Name.Form, BBox=box)
        form.Resources = pdf.copy_foreign(obj.Resources)
        if "/Group" in obj:  # a transparency group: blending as on the page
            form.Group = pdf.copy_foreign(obj.Group)
        compressed = "/Filter" in contents
        form.write(
            contents.read_raw_bytes(),
            filter=Name(str(contents.Filter)) if compressed else None,
            type_check=False,
        )
        return form


class SourcePdf:
    """A PDF Typst wrote, read for its pages."""

    def __init__(self, data: bytes, name: str = "") -> None:
        self.name = name
        try:
            # A damaged PDF is refused rather than repaired by guesswork.
            self.pdf = Pdf.open(_Named(data, name), attempt_recovery=False)
            self.pages = self.pdf.pages
            len(self.pages)  # reads the page tree
        except _ERRORS as err:
            raise _error(err, name, name) from None

    def form(self, index: int) -> Form:
        """Page `index`, to be drawn as a form."""
        name = f"{self.name}: page {index + 1}"
        try:
            page = self.pages[index]
            x0, y0, x1, y1 = (float(v) for v in page.trimbox)
        except _ERRORS as err:
            raise _error(err, name, self.name) from None
        return Form(page, self.pdf, self.name, name, x1 - x0, y1 - y0)


@dataclass(frozen=True)
class Draw:
    """A form drawn on a page: scaled by `scale`, its bottom-left corner at (x, y) points."""

    form: int  # what PdfBuilder.add_form gave for it
    scale: float = 1.0
    x: float = 0.0
    y: float = 0.0


def _number(value: float) -> bytes:
    """A number in a content stream: to 0.0001 point, without trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return b"0" if text in ("", "-0") else text.encode("ascii")


class PdfBuilder:
    """A new PDF: forms added, then pages that draw them, then the whole file. It is put
    together in `forms`' library (see FormCache), where forms that earlier packs drew are
    already copied."""

    def __init__(self, forms: FormCache | None = None) -> None:
        self.forms = forms or FormCache()
        self.pdf = self.forms.library()
        self._forms: list[pikepdf.Object] = []  # the copies this PDF draws, Draw.form - 1
        self._numbers: dict[tuple[int, int], int] = {}  # a copy's object number -> Draw.form
        self._sources: list[tuple[Pdf, str]] = []  # kept open until the PDF is written
        self._pages: list[pikepdf.Object] = []

    def add_form(self, form: Form, *, share: bool = True) -> int:
        """Copy a form (with what its resources use) into the PDF; what Draw names it by. A form
        added again, or what two forms of one source share, is stored once (qpdf keeps what
        it copied from each source); `share`: so is what it holds alike with other sources'
        forms (see FormCache.copy)."""
        try:
            copy = self.forms.copy(form, self.pdf, share=share)
        except _ERRORS as err:
            raise _error(err, form.name, form.source_name) from None
        _refuse_repairs(form.source, form.name, form.source_name)
        if copy.objgen not in self._numbers:
            self._forms.append(copy)
            self._numbers[copy.objgen] = len(self._forms)
            self._sources.append((form.source, form.source_name))
        return self._numbers[copy.objgen]

    def add_page(self, width: float, height: float, draws: list[Draw], extra: bytes = b"") -> None:
        """A page of `width` x `height` points drawing `draws` in order, then the operators
        `extra` (a cutting line)."""
        # Written out here rather than through pikepdf's content-stream objects, which take
        # half as long again for a page (packs have hundreds).
        content = b"".join(
            b"q %s 0 0 %s %s %s cm /X%d Do Q\n"
            % (_number(d.scale), _number(d.scale), _number(d.x), _number(d.y), d.form)
            for d in draws
        )
        content += extra
        forms = {f"/X{n}": self._forms[n - 1] for n in dict.fromkeys(d.form for d in draws)}
        page = Dictionary(
            Type=Name.Page,
            MediaBox=[0, 0, width, height],
            Resources=Dictionary(XObject=Dictionary(forms)),
            Contents=self.pdf.make_stream(content),
        )
        self._pages.append(self.pdf.make_indirect(page))

    def finish(self, *, title: str, author: str, lang: str, ident: str) -> bytes:
        """The whole PDF (see write)."""
        with tempfile.TemporaryFile() as out:
            self.write(out, title=title, author=author, lang=lang, ident=ident)
            out.seek(0)
            return out.read()

    def write(self, out: BinaryIO, *, title: str, author: str, lang: str, ident: str) -> None:
        """Write the whole PDF to the file `out`: its pages, its title and author, in language
        `lang`; `ident` (hex) names it in its trailer (the cache key it is stored under: the
        same pack, the same bytes)."""
        pdf = self.pdf
        tree = pdf.make_indirect(Dictionary(Type=Name.Pages, Count=len(self._pages)))
        for page in self._pages:
            page.Parent = tree
        tree.Kids = Array(self._pages)
        # The catalogue and information of this PDF alone: what qpdf writes is what they reach.
        pdf.trailer.Root = pdf.make_indirect(
            Dictionary(
                Type=Name.Catalog,
                Pages=tree,
                Lang=pikepdf.String(lang),
                ViewerPreferences=Dictionary(DisplayDocTitle=True),
            )
        )
        pdf.trailer.Info = pdf.make_indirect(
            Dictionary(Title=pikepdf.String(title), Author=pikepdf.String(author))
        )
        # qpdf keeps the ID's first half; static_id makes the second a constant rather than a
        # hash of the whole file (deterministic_id: a quarter of the time it takes to write).
        pdf.trailer.ID = Array([pikepdf.String(bytes.fromhex(ident[:32]))] * 2)
        self.forms.pages += len(self._pages)
        # To a file: qpdf writes to one directly, to a BytesIO through Python.
        try:
            pdf.save(
                out,
                min_version="1.7",
                static_id=True,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                # Object streams would save a tenth of the size, and cost half the time.
                object_stream_mode=pikepdf.ObjectStreamMode.disable,
                # Every stream is compressed already but the pages' own few bytes, which
                # compressing only makes longer: a tenth of the time it takes to write.
                compress_streams=False,
            )
        except _ERRORS as err:
            raise PdfPagesError(f"the PDF could not be written: {err}") from None
        for source, name in self._sources:  # qpdf read their streams just now
            _refuse_repairs(source, name, name)


# The library is begun again past this many pages (those of packs already written stay in it)
# or forms (an office's box is used by its packs alone, and a form takes about 300 KB in qpdf).
_LIBRARY_PAGES = 5000
_LIBRARY_FORMS = 128


class FormCache:
    """Sources and their pages' forms, kept across packs (bounded LRU), and the library: a PDF
    each form is copied into once, where packs are put together. An office's packs hold the
    same flyers as the last office's, so only its box is copied anew."""

    def __init__(self, limit: int = 256) -> None:
        self.limit = limit
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._library: Pdf | None = None
        # Holding the forms holds their sources open: the copies' streams are read from them.
        self._copies: dict[Form, pikepdf.Object] = {}
        self.pages = 0  # put in the library
        # The library's objects by a digest of what they hold (see _share_objects).
        self._shared: dict[bytes, pikepdf.Object] = {}

    def _get(self, key: tuple, make: Callable[[], object]) -> object:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = make()
        self._items[key] = value
        if len(self._items) > self.limit:
            self._items.popitem(last=False)
        return value

    def form(self, name: str, read: Callable[[], bytes], page: int) -> Form:
        """Page `page` of the PDF known as `name` (a cache key), read with `read()` once."""

        def make() -> Form:
            source = self._get(("source", name), lambda: SourcePdf(read(), name))
            return source.form(page)  # type: ignore[attr-defined]

        return self._get(("form", name, page), make)  # type: ignore[return-value]

    def library(self) -> Pdf:
        """The PDF a new pack is put together in."""
        if (
            self._library is None
            or self.pages > _LIBRARY_PAGES
            or len(self._copies) > _LIBRARY_FORMS
        ):
            self._library, self._copies, self._shared, self.pages = Pdf.new(), {}, {}, 0
        return self._library

    def copy(self, form: Form, pdf: Pdf, *, share: bool = True) -> pikepdf.Object:
        """`form` copied into `pdf`: once, if `pdf` is the library, where with `share` what
        its resources hold alike with the forms copied before is shared (a form drawn by one
        pack alone, such as an office's box, has little to share and is not compared)."""
        if pdf is not self._library:
            return form.copy_into(pdf)
        if form not in self._copies:
            copy = form.copy_into(pdf)
            if share:
                self._share_objects(copy)
            self._copies[form] = copy
        return self._copies[form]

    def _share_objects(self, form: pikepdf.Object) -> None:
        """Point the copied form's resources at the library's object of the same content, where
        it has one: each flyer brings its own copy of the same colour profiles, character
        maps, fonts and their programs, a third of a pack's objects that qpdf would write one
        by one. Objects are compared by what they hold, what they refer to compared first."""
        self._refer_to_shared(form, {})

    def _refer_to_shared(self, node: Any, memo: dict[tuple[int, int], Any]) -> bytes:
        """Point `node`'s references at shared objects; what it holds then, as qpdf writes it
        (a reference as its object number: a shared object's number stands for its content)."""
        held = node.stream_dict if isinstance(node, pikepdf.Stream) else node
        text: bytes = held.unparse(resolved=True)
        if not _REFERENCE.search(text):
            return text  # numbers, names, strings: most arrays and descriptors
        slots: list[tuple[str | int, Any]]
        slots = list(held.items() if isinstance(held, Dictionary) else enumerate(held))
        for slot, child in slots:
            if not isinstance(child, (Dictionary, Array, pikepdf.Stream)):
                continue
            if not child.is_indirect:
                self._refer_to_shared(child, memo)
                continue
            shared = self._shared_copy(child, memo)
            if shared is not None and shared.objgen != child.objgen:
                held[slot] = shared
        return held.unparse(resolved=True)

    def _shared_copy(self, obj: Any, memo: dict[tuple[int, int], Any]) -> Any:
        """The library's object with the content of `obj` (an indirect one): `obj` itself when
        it is the first; None while `obj` is being read (it refers back to itself)."""
        if obj.objgen in memo:
            return memo[obj.objgen]
        memo[obj.objgen] = None
        text = self._refer_to_shared(obj, memo)
        if isinstance(obj, pikepdf.Stream):
            text = b"stream " + hashlib.sha256(obj.read_raw_bytes()).digest() + text
        shared = self._shared.setdefault(hashlib.sha256(text).digest(), obj)
        memo[obj.objgen] = shared
        return shared
