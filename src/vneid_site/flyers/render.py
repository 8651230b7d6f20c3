"""Typst flyer rendering: one reused compiler, page data passed in as JSON, never as markup."""

from __future__ import annotations

import atexit
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vneid_site.cache import digest
from vneid_site.errors import SiteError
from vneid_site.package_versions import installed

if TYPE_CHECKING:  # typst itself is imported when a renderer starts
    from typst import OutputFormat, PDFStandard

# Bump when the data contract with the template changes, so old cache entries are never reused.
DATA_FORMAT = "5"
PDF_STANDARDS: list[PDFStandard] = ["ua-1"]
_OVERFLOW = re.compile(r"(flyer|poster)-overflow:(\d+):([\d.]+)")
_ADDRESS = re.compile(r"address-overflow:(\S+)")
_CONTACT = re.compile(r"contact-overflow:(organisation|office):(\d+)")
_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)")


class FlyerError(SiteError):
    """A flyer cannot be made; the message says which page and what to do."""


@dataclass(frozen=True)
class RenderSettings:
    template_dir: Path  # holds main.typ, pack.typ and what they import
    font_dirs: tuple[Path, ...]
    families: tuple[str, ...]  # the template's font families, all of which must be found
    root: Path  # Typst reads only files under it: the template folder and the cache
    data_dir: Path  # under root: where each compilation's data is handed to Typst


class FlyerRenderer:
    """Compiles flyers with one Typst compiler, reused for every page of the build."""

    def __init__(self, settings: RenderSettings) -> None:
        main = settings.template_dir / "main.typ"
        if not main.is_file():
            raise FlyerError(
                f"flyer template not found: {main}\n"
                "fix: restore flyer-templates/main.typ, or point extra.flyers.template_dir at a "
                "folder holding main.typ"
            )
        # Imported here: a build whose flyers all come from the cache never loads Typst.
        import typst

        self.typst = typst
        self.settings = settings
        fonts = typst.Fonts(
            include_system_fonts=False,
            include_embedded_fonts=False,
            font_paths=[str(folder) for folder in settings.font_dirs],
        )
        found = set(fonts.families())
        missing = [family for family in settings.families if family not in found]
        if missing:
            raise FlyerError(
                f"flyer fonts not found: {', '.join(missing)}\n"
                "fix: reinstall the pinned requirements: pip install -r requirements.txt"
            )
        # The data of each compilation goes to Typst in a file of this process, named once in
        # sys.inputs: new sys.inputs make Typst evaluate every module of the templates again,
        # a new file only the entry that reads it (a flyer's compilation is 1.5 ms shorter,
        # an office's boxes take a third of the time).
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.data_file = settings.data_dir / f"{os.getpid()}.json"
        _sweep_data(settings.data_dir)
        atexit.register(self.data_file.unlink, missing_ok=True)
        named = "/" + self.data_file.relative_to(settings.root).as_posix()
        self.compiler = typst.Compiler(
            str(main),
            root=str(settings.root),
            font_paths=fonts,
            ignore_system_fonts=True,
            sys_inputs={"data-file": named},
        )

    def render(
        self, data: dict[str, Any], *, src: str, fmt: OutputFormat = "pdf", ppi: float = 144
    ) -> bytes:
        """Compile one flyer (main.typ); `src` names the page in error messages."""
        return self.compile("main.typ", data, src=src, fmt=fmt, ppi=ppi, pages=1)

    def render_sized(self, data: dict[str, Any], *, src: str) -> tuple[bytes, float]:
        """One flyer's PDF and the type size (pt) its body came out at."""
        pdf = self.render(data, src=src)
        return pdf, self.body_size()

    def render_poster(self, data: dict[str, Any], *, src: str) -> bytes:
        """Compile one poster (poster.typ), a single page of data["paper"]."""
        return self.compile("poster.typ", data, src=src, pages=1)

    def body_size(self) -> float:
        """The body type size (pt) of the document compiled last, which reports it as
        metadata <body-size>; Typst answers from what it memoised while compiling."""
        try:
            return float(self.compiler.query("<body-size>", field="value", one=True))
        except (self.typst.TypstError, RuntimeError, ValueError) as err:
            raise FlyerError(
                f"the flyer template reports no body size ({err}).\n"
                "fix: keep `fit-body` (parts.typ), which reports it, in the flyer's layout"
            ) from None

    def compile(
        self,
        entry: str,
        data: Any,
        *,
        src: str,
        fmt: OutputFormat = "pdf",
        ppi: float = 144,
        pages: int | None = None,
        standards: list[PDFStandard] | None = None,
    ) -> bytes:
        """Compile a template of the folder with `data` (JSON-ready, the entry's data file);
        PNG output is the first page.

        PDFs are PDF/UA-1 unless `standards` says otherwise; without a standard they are not
        tagged either (the pages a pack is put together from lose their tags there anyway).
        """
        path = str(self.settings.template_dir / entry)
        text = json.dumps(data, ensure_ascii=False)
        try:
            # Typst hashes what it reads: the same data again (a flyer's PNG after its PDF)
            # finds everything it laid out still valid.
            self.data_file.write_text(text, encoding="utf-8")
            if fmt == "pdf":
                chosen = PDF_STANDARDS if standards is None else standards
                out, warnings = self.compiler.compile_with_warnings(
                    input=path, format="pdf", pdf_standards=chosen, pdf_tags=bool(chosen)
                )
            else:
                out, warnings = self.compiler.compile_with_warnings(input=path, format=fmt, ppi=ppi)
        except self.typst.TypstError as err:
            raise FlyerError(_explain(err, src)) from None
        except (RuntimeError, OSError) as err:  # root or input failures: plain RuntimeError
            raise FlyerError(f"{src}: the flyer template could not be compiled: {err}") from None
        # A missing font would print no text at all, silently: treat it as an error.
        fonts = [w.message for w in warnings if "font" in w.message]
        if fonts:
            raise FlyerError(f"{src}: {'; '.join(fonts)}\nfix: use a font the build provides")
        count: int | None
        if isinstance(out, list):
            count, out = len(out), out[0]
        elif isinstance(out, bytes):
            count = pdf_page_count(out) if fmt == "pdf" else 1
        else:
            raise FlyerError(f"{src}: the flyer template produced no output")
        if pages is not None and count is not None and count != pages:
            raise FlyerError(
                f"{src}: the flyer came out as {count} pages, not {pages}; the page's header, "
                "extra QR codes and footer leave no room.\n"
                "fix: remove some flyer.qr entries, or shorten the organisation's contact text"
            )
        return out

    def query(self, selector: str) -> Any:
        """The values of the metadata `selector` finds in the document compiled last."""
        return json.loads(self.compiler.query(selector, field="value"))


def _sweep_data(folder: Path, older_than: float = 600.0) -> None:
    """Remove the data files of processes that were killed (no compilation takes this long)."""
    limit = time.time() - older_than
    for path in folder.glob("*.json"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue


def pdf_page_count(pdf: bytes) -> int | None:
    """Pages in a Typst PDF (its page tree is written uncompressed); None if not found."""
    match = _PAGE_COUNT.search(pdf)
    return int(match[1]) if match else None


def fingerprint(settings: RenderSettings) -> str:
    """Hash of everything besides page data that shapes a flyer: template, fonts, engine."""
    return digest(
        DATA_FORMAT,
        json.dumps(PDF_STANDARDS),
        installed("typst"),
        *_tree_bytes(settings.template_dir, "*.typ"),
        *_tree_bytes(settings.template_dir, "*.json"),
        # Fonts come from versioned packages: their names and sizes stand for their bytes.
        *(
            f"{path.name}:{path.stat().st_size}"
            for folder in settings.font_dirs
            for path in sorted(folder.glob("*.ttf"))
        ),
        installed("fontpkg-be-vietnam-pro"),
        installed("fontpkg-ibm-plex-mono"),
    )


def _tree_bytes(folder: Path, pattern: str) -> list[bytes]:
    files = sorted(folder.rglob(pattern))
    return [
        item
        for path in files
        for item in (str(path.relative_to(folder)).encode(), path.read_bytes())
    ]


def _explain(err: Any, src: str) -> str:
    text = f"{err.message} {err.diagnostic}"
    contact = _CONTACT.search(text)
    if contact and contact[1] == "office":
        return (
            f"{src}: the office's name, address, phone and hours do not fit the flyer's contact "
            f"box, even at the smallest type size: about {contact[2]}% too long.\n"
            f"fix: shorten that row of the offices file by about {contact[2]}% (a shorter name "
            "or address, hours on fewer words)"
        )
    if contact:
        return (
            f"mkdocs.yml: the organisation's contact text does not fit the flyer's contact box "
            f"({src}), even at the smallest type size: about {contact[2]}% too long.\n"
            f"fix: shorten extra.organisation.contact or contact_note by about {contact[2]}%"
        )
    match = _OVERFLOW.search(text)
    if match:
        kind, over, size = match.groups()
        if kind == "poster":
            return (
                f"{src}: the poster does not fit on its page at the smallest type that reads from "
                f"two metres ({size} pt): its steps are about {over}% too long.\n"
                f"fix: set flyer.poster_steps to at most five steps about {over}% shorter than "
                "these (or lower extra.flyers.min_poster_size)"
            )
        return (
            f"{src}: the flyer does not fit on one A4 page at the smallest legible type size "
            f"({size} pt, extra.flyers.min_body_size): its text is about {over}% too long.\n"
            f"fix: cut about {over}% of the flyer's text: shorten flyer.summary or the steps, "
            "point flyer.steps at a shorter section, or set flyer.enabled: false"
        )
    address = _ADDRESS.search(text)
    if address:
        return (
            f"{src}: the address {address[1]} does not fit on one line of the flyer even in "
            "small type, and an address is never broken across lines.\n"
            "fix: use a shorter address (flyer.qr, or a shorter page name or site_url), or fewer "
            "extra QR codes"
        )
    hints = "\n".join(f"  hint: {hint}" for hint in err.hints)
    return (
        f"{src}: the flyer template failed: {err.message}\n{err.diagnostic}\n{hints}\n"
        "fix: if you changed flyer-templates/, check it with the sample data "
        "(see flyer-templates/README.md)"
    ).rstrip()
