"""Pages of Typst's PDFs laid onto the pages of a new PDF without Typst: how print packs are put
together from the flyers and posters already made, and an office's box laid over them.

Each source page becomes a form (a PDF Form XObject): its content stream and everything its
resources use (fonts, images, colour spaces) are copied byte for byte under new numbers, and
nothing is decoded or compressed again, so a 50-flyer pack costs a few milliseconds. Only what
Typst writes is read: one classic cross-reference table, no object streams, no encryption;
anything else is refused with a PdfPagesError. The sources' tags, links and metadata stay
behind: a pack is a plain PDF, each of its pages being offered on its own as a tagged one.
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_SECTION = re.compile(rb"(\d+) (\d+)\s*[\r\n]+")
_OBJ = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
_DELIMITERS = b"()<>[]{}/%"
_SPACE = b" \t\r\n\f\x00"
# What may hold a reference in an object: skipped strings, or the reference itself.
_INTEREST = re.compile(rb"<<|\(|<|(?<![\w.+-])(\d+)\s+(\d+)\s+R(?![^\s()<>\[\]{}/%])")
_NESTING = re.compile(rb"<<|>>|[\[\]()<%]")
_REF_AT = re.compile(rb"(\d+)\s+(\d+)\s+R(?![^\s()<>\[\]{}/%])")
# Objects a page's resources never lead to in Typst's PDFs; reaching one means the copy would
# drag in the source's pages, tags or catalogue.
_FOREIGN = re.compile(rb"/Type\s*/(?:Page|Pages|Catalog|StructElem|StructTreeRoot|Annot)\b")


class PdfPagesError(ValueError):
    """A PDF is not laid out as Typst writes it, so its pages cannot be copied."""


def _end_of_literal(data: bytes, i: int) -> int:
    """Index just past the literal string that opens at `i` (nested parentheses, escapes)."""
    depth, j = 0, i
    while j < len(data):
        c = data[j]
        if c == 0x5C:  # backslash: the next byte is escaped
            j += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise PdfPagesError("unterminated string")


def _skip_space(data: bytes, i: int) -> int:
    while i < len(data):
        if data[i] in _SPACE:
            i += 1
        elif data[i] == 0x25:  # a comment, to the end of its line
            while i < len(data) and data[i] not in b"\r\n":
                i += 1
        else:
            break
    return i


def _end_of_value(data: bytes, i: int) -> int:
    """Index just past the PDF object that starts at `i` (after spaces)."""
    i = _skip_space(data, i)
    c = data[i : i + 1]
    if c in (b"<", b"[") and not (c == b"<" and data[i + 1 : i + 2] != b"<"):
        return _end_of_nested(data, i)
    if c == b"(":
        return _end_of_literal(data, i)
    if c == b"<":
        return data.index(b">", i) + 1
    if c == b"/":
        i += 1
    elif ref := _REF_AT.match(data, i):
        return ref.end()
    while i < len(data) and data[i] not in _SPACE and data[i] not in _DELIMITERS:
        i += 1
    return i


def _end_of_nested(data: bytes, i: int) -> int:
    """Index just past the dictionary or array that opens at `i`: only brackets, strings and
    comments matter on the way, so the numbers and names between are skipped whole."""
    depth = 0
    while match := _NESTING.search(data, i):
        token, i = match[0], match.end()
        if token in (b"<<", b"["):
            depth += 1
        elif token in (b">>", b"]"):
            depth -= 1
            if depth == 0:
                return i
        elif token == b"(":
            i = _end_of_literal(data, match.start())
        elif token == b"<":
            i = data.index(b">", i) + 1
        elif token == b"%":
            while i < len(data) and data[i] not in b"\r\n":
                i += 1
    raise PdfPagesError("unterminated dictionary or array")


def entries(head: bytes) -> dict[bytes, bytes]:
    """The keys of the dictionary `head` opens with, each with its value's bytes."""
    i = _skip_space(head, 0)
    if not head.startswith(b"<<", i):
        raise PdfPagesError("not a dictionary")
    i, found = i + 2, {}
    while True:
        i = _skip_space(head, i)
        if head.startswith(b">>", i):
            return found
        end = _end_of_value(head, i)
        key = head[i:end]
        start = _skip_space(head, end)
        i = _end_of_value(head, start)
        found[key] = head[start:i]


def renumber(head: bytes, new: Callable[[int], int]) -> bytes:
    """`head` with every reference `n 0 R` made `new(n) 0 R`; strings are left as they are."""
    out, pos = [], 0
    while match := _INTEREST.search(head, pos):
        start = match.start()
        if match[1] is not None:
            out += [head[pos:start], b"%d 0 R" % new(int(match[1]))]
            pos = match.end()
        elif match[0] == b"(":
            end = _end_of_literal(head, start)
            out.append(head[pos:end])
            pos = end
        elif match[0] == b"<":
            end = head.index(b">", start) + 1
            out.append(head[pos:end])
            pos = end
        else:
            out.append(head[pos : match.end()])
            pos = match.end()
    out.append(head[pos:])
    return b"".join(out)


def _ref(value: bytes) -> int | None:
    match = _REF_AT.fullmatch(value.strip())
    return int(match[1]) if match else None


@dataclass(frozen=True)
class Form:
    """A source page as a form: its objects under local numbers 1.. (the form itself is 1)."""

    objects: tuple[tuple[bytes, bytes | None], ...]  # (head, stream), references local
    width: float
    height: float

    def render(self, base: int) -> tuple[bytes, list[int]]:
        """The objects numbered from `base` + 1, and where each starts in the bytes."""
        out, starts, size = [], [], 0
        for number, (head, stream) in enumerate(self.objects, start=base + 1):
            starts.append(size)
            body = renumber(head, lambda n: n + base)
            chunk = b"%d 0 obj\n%s\n" % (number, body)
            if stream is not None:
                chunk += b"stream\n" + stream + b"\nendstream\n"
            chunk += b"endobj\n"
            out.append(chunk)
            size += len(chunk)
        return b"".join(out), starts


class SourcePdf:
    """A PDF Typst wrote, read for its pages."""

    def __init__(self, data: bytes, name: str = "") -> None:
        self.data, self.name = data, name
        self.offsets: dict[int, int] = {}
        self._objects: dict[int, tuple[bytes, bytes | None]] = {}
        try:
            self._read_xref()
            trailer = entries(self.data[self.data.index(b"<<", self._trailer) :])
            root = entries(self.object(_need_ref(trailer.get(b"/Root")))[0])
            self.pages = self._kids(_need_ref(root.get(b"/Pages")))
        except (ValueError, IndexError, KeyError) as err:
            raise PdfPagesError(f"{name}: {err}") from None

    def _read_xref(self) -> None:
        match = _STARTXREF.search(self.data[-64:])
        if not match:
            raise PdfPagesError("no startxref")
        i = int(match[1])
        if not self.data.startswith(b"xref", i):
            raise PdfPagesError("a cross-reference stream, not a table")
        i += 4
        while section := _XREF_SECTION.match(self.data, _skip_space(self.data, i)):
            first, count = int(section[1]), int(section[2])
            rows = self.data[section.end() : section.end() + 20 * count]
            for k in range(count):
                row = rows[20 * k : 20 * k + 18]
                if row.endswith(b"n"):
                    self.offsets[first + k] = int(row[:10])
            i = section.end() + 20 * count
        self._trailer = self.data.index(b"trailer", i)
        if b"/Prev" in self.data[self._trailer : self._trailer + 200]:
            raise PdfPagesError("an updated PDF (several cross-reference tables)")

    def object(self, number: int) -> tuple[bytes, bytes | None]:
        """(dictionary or value, stream bytes or None) of an object."""
        if number in self._objects:
            return self._objects[number]
        at = self.offsets[number]
        match = _OBJ.match(self.data, at)
        if not match or int(match[1]) != number:
            raise PdfPagesError(f"object {number} is not where the table says")
        start = _skip_space(self.data, match.end())
        end = _end_of_value(self.data, start)
        head, stream = self.data[start:end], None
        after = _skip_space(self.data, end)
        if self.data.startswith(b"stream", after):
            begin = after + 6
            begin += 2 if self.data.startswith(b"\r\n", begin) else 1
            length = self._length(entries(head)[b"/Length"])
            stream = self.data[begin : begin + length]
            if b"endstream" not in self.data[begin + length : begin + length + 12]:
                raise PdfPagesError(f"object {number}: its stream is not /Length long")
        self._objects[number] = (head, stream)
        return head, stream

    def _length(self, value: bytes) -> int:
        ref = _ref(value)
        return int(self.object(ref)[0]) if ref is not None else int(value)

    def _kids(self, number: int) -> list[int]:
        node = entries(self.object(number)[0])
        if node.get(b"/Type") == b"/Page":
            return [number]
        kids = node[b"/Kids"].strip()[1:-1]
        return [n for kid in _REF_AT.finditer(kids) for n in self._kids(int(kid[1]))]

    def info(self) -> dict[bytes, bytes]:
        """The document information dictionary (/Producer, /Creator ...), if any."""
        trailer = entries(self.data[self.data.index(b"<<", self._trailer) :])
        ref = _ref(trailer.get(b"/Info", b""))
        return entries(self.object(ref)[0]) if ref is not None else {}

    def form(self, index: int) -> Form:
        """Page `index` as a form, with every object its resources use."""
        try:
            return self._form(index)
        except (ValueError, IndexError, KeyError) as err:
            raise PdfPagesError(f"{self.name}: page {index + 1}: {err}") from None

    def _form(self, index: int) -> Form:
        page = entries(self.object(self.pages[index])[0])
        box = [float(v) for v in page[b"/MediaBox"].strip(b"[] \r\n").split()]
        content = self._content(page[b"/Contents"])
        local: dict[int, int] = {}
        objects: list[tuple[bytes, bytes | None]] = [(b"", None)]  # the form, filled below

        def new(number: int) -> int:
            if number not in local:
                local[number] = len(objects) + 1
                objects.append((b"", None))
                head, stream = self.object(number)
                if _FOREIGN.search(head):
                    raise PdfPagesError(f"page {index + 1}'s resources lead to its document")
                objects[local[number] - 1] = (renumber(head, new), stream)
            return local[number]

        extra = b""
        if b"/Group" in page:
            extra = b"/Group " + renumber(page[b"/Group"], new)
        head = (
            b"<</Type/XObject/Subtype/Form/BBox[%s]/Resources %s%s/Filter/FlateDecode/Length %d>>"
            % (
                page[b"/MediaBox"].strip(b"[] "),
                renumber(page[b"/Resources"], new),
                extra,
                len(content),
            )
        )
        objects[0] = (head, content)
        return Form(tuple(objects), box[2] - box[0], box[3] - box[1])

    def _content(self, value: bytes) -> bytes:
        """The page's content, Flate-compressed."""
        refs = [int(m[1]) for m in _REF_AT.finditer(value)]
        parts = []
        for ref in refs:
            head, stream = self.object(ref)
            filters = entries(head).get(b"/Filter", b"").strip()
            if stream is None or filters not in (b"", b"/FlateDecode", b"[/FlateDecode]"):
                raise PdfPagesError(f"page content {ref} is not a Flate stream")
            if len(refs) == 1 and filters and b"/DecodeParms" not in head:
                return stream  # as it is: nothing to decode
            parts.append(zlib.decompress(stream) if filters else stream)
        return zlib.compress(b"\n".join(parts))


def _need_ref(value: bytes | None) -> int:
    ref = _ref(value or b"")
    if ref is None:
        raise PdfPagesError("a reference is missing")
    return ref


def text_string(text: str) -> bytes:
    """A PDF text string (UTF-16BE with its byte-order mark, hex)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


@dataclass(frozen=True)
class Draw:
    """A form drawn on a page: scaled by `scale`, its bottom-left corner at (x, y) points."""

    form: int  # the form's object number in the new PDF
    scale: float = 1.0
    x: float = 0.0
    y: float = 0.0


class PdfBuilder:
    """A new PDF: forms added, then pages that draw them, then the whole file."""

    CATALOG, PAGES, INFO = 1, 2, 3

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._starts: list[tuple[int, int]] = []  # (chunk, offset in it) of objects 1, 2 ...
        self._pages: list[int] = []
        for _ in range(3):  # the catalogue, page tree and information, written last
            self._starts.append((-1, 0))

    @property
    def next_number(self) -> int:
        return len(self._starts) + 1

    def add_form(self, form: Form, rendered: tuple[bytes, list[int]] | None = None) -> int:
        """Add a form's objects; its number. `rendered`: form.render(next_number - 1), when
        the caller keeps it (the same flyers sit at the same numbers in many packs)."""
        base = self.next_number - 1
        chunk, starts = rendered or form.render(base)
        index = len(self._chunks)
        self._chunks.append(chunk)
        self._starts += [(index, start) for start in starts]
        return base + 1

    def _add(self, head: bytes, stream: bytes | None = None) -> int:
        number = self.next_number
        chunk = b"%d 0 obj\n%s\n" % (number, head)
        if stream is not None:
            chunk += b"stream\n" + stream + b"\nendstream\n"
        self._starts.append((len(self._chunks), 0))
        self._chunks.append(chunk + b"endobj\n")
        return number

    def add_page(self, width: float, height: float, draws: list[Draw], extra: bytes = b"") -> None:
        """A page of `width` x `height` points drawing `draws` in order, then the operators
        `extra` (a cutting line)."""
        ops = b"".join(
            b"q %s 0 0 %s %s %s cm /X%d Do Q\n"
            % (_num(d.scale), _num(d.scale), _num(d.x), _num(d.y), d.form)
            for d in draws
        )
        content = self._add(b"<</Length %d>>" % len(ops + extra), ops + extra)
        forms = b"".join(b"/X%d %d 0 R" % (n, n) for n in dict.fromkeys(d.form for d in draws))
        self._pages.append(
            self._add(
                b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Resources<</XObject<<%s>>>>"
                b"/Contents %d 0 R>>" % (self.PAGES, _num(width), _num(height), forms, content)
            )
        )

    def finish(self, *, title: str, author: str, lang: str, ident: str) -> bytes:
        """The whole PDF: its pages, its title and author, in language `lang`; `ident` (hex)
        names it in its trailer (the cache key it is stored under: the same pack, the same
        bytes)."""
        fixed = {
            self.CATALOG: b"<</Type/Catalog/Pages %d 0 R/Lang%s"
            b"/ViewerPreferences<</DisplayDocTitle true>>>>" % (self.PAGES, text_string(lang)),
            self.PAGES: b"<</Type/Pages/Count %d/Kids[%s]>>"
            % (len(self._pages), b" ".join(b"%d 0 R" % n for n in self._pages)),
            self.INFO: b"<</Title%s/Author%s>>" % (text_string(title), text_string(author)),
        }
        for number, head in fixed.items():
            self._starts[number - 1] = (len(self._chunks), 0)
            self._chunks.append(b"%d 0 obj\n%s\nendobj\n" % (number, head))
        header = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
        where, size = [], len(header)
        for chunk in self._chunks:
            where.append(size)
            size += len(chunk)
        count = len(self._starts) + 1
        rows = b"".join([b"%010d 00000 n\r\n" % (where[c] + at) for c, at in self._starts])
        name = ident[:32].upper().encode("ascii")
        trailer = b"<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%s><%s>]>>" % (
            count,
            self.CATALOG,
            self.INFO,
            name,
            name,
        )
        tail = b"xref\n0 %d\n0000000000 65535 f\r\n%strailer\n%s\nstartxref\n%d\n%%%%EOF\n" % (
            count,
            rows,
            trailer,
            size,
        )
        return b"".join([header, *self._chunks, tail])


def _num(value: float) -> bytes:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode()


class FormCache:
    """Sources and their pages' forms rendered at given numbers, kept across packs: an office's
    packs hold the same flyers at the same numbers as the last office's (bounded LRU)."""

    def __init__(self, limit: int = 256) -> None:
        self.limit = limit
        self._items: OrderedDict[tuple, object] = OrderedDict()

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

    def rendered(self, name: str, page: int, form: Form, base: int) -> tuple[bytes, list[int]]:
        return self._get(("render", name, page, base), lambda: form.render(base))  # type: ignore[return-value]
