"""What a page's flyer says: title, summary, steps and codes, taken from the rendered page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from vneid_site.content.schema import MAX_POSTER_STEPS, MAX_QR_URL, ExtraQr, PageMeta
from vneid_site.errors import SiteError
from vneid_site.flyers.html_runs import Run, Step, heading_text, nfc, run_data, runs_of, text_of
from vneid_site.flyers.step_links import LinkTargets, print_links
from vneid_site.i18n.dates import format_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0", "[::1]"}


class FlyerContentError(SiteError):
    """The page asks for flyer content it does not have."""


@dataclass(frozen=True)
class StepSection:
    """A numbered list the flyer prints under its own heading (None: the default label)."""

    title: str | None
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class FlyerContent:
    lang: str
    title: str
    url: str
    summary: str = ""
    note: str = ""
    sections: tuple[StepSection, ...] = ()
    topics: tuple[str, ...] = ()
    updated: str = ""  # when the flyer last changed, as the language writes dates (dates.py)
    poster_steps: tuple[Step, ...] = ()  # at most MAX_POSTER_STEPS, for the poster
    extra_codes: tuple[ExtraQr, ...] = ()
    document: dict[str, str] | None = None
    validity: dict[str, str | None] | None = None
    preview: bool = False

    @property
    def steps_title(self) -> str | None:
        """The first section's heading."""
        return self.sections[0].title if self.sections else None

    @property
    def steps(self) -> tuple[Step, ...]:
        """The first section's steps."""
        return self.sections[0].steps if self.sections else ()

    def as_data(self) -> dict[str, Any]:
        """Plain JSON-ready data for the template."""
        # Written out rather than dataclasses.asdict, which deep-copies and is slow per page.
        return {
            "lang": self.lang,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "note": self.note,
            "sections": [
                {"title": s.title, "steps": [[run_data(run) for run in step] for step in s.steps]}
                for s in self.sections
            ],
            "topics": list(self.topics),
            "updated": self.updated,
            "extra_qr": [{"label": qr.label, "url": qr.url} for qr in self.extra_codes],
            "document": dict(self.document) if self.document else None,
            "validity": dict(self.validity) if self.validity else None,
            "preview": self.preview,
        }

    def poster_data(self) -> dict[str, Any]:
        """Plain JSON-ready data for the poster template."""
        return {
            "lang": self.lang,
            "title": self.title,
            "url": self.url,
            "steps": [[run_data(run) for run in step] for step in self.poster_steps],
            "summary": self.summary,
            "updated": self.updated,
            "preview": self.preview,
        }


def is_preview_url(url: str) -> bool:
    """True when an address only works on this machine, so its QR code must not be printed."""
    return (urlsplit(url).hostname or "") in _LOOPBACK


def _steps_list(root: HtmlElement, name: str | None, src: str) -> HtmlElement | None:
    if name is None:
        return root.find("ol")
    wanted = nfc(name).strip()
    headings = [el for el in root.iter(*_HEADINGS)]
    for heading in headings:
        if heading_text(heading) != wanted:
            continue
        level = int(str(heading.tag)[1])  # h1-h6
        for sibling in heading.itersiblings():
            if sibling.tag in _HEADINGS and int(sibling.tag[1]) <= level:
                break
            found = sibling if sibling.tag == "ol" else sibling.find(".//ol")
            if found is not None:
                return found
        raise FlyerContentError(
            f"{src}: flyer.steps names the section '{wanted}', but it holds no numbered list.\n"
            "fix: write the steps as a numbered list (1. 2. 3.) under that heading"
        )
    known = ", ".join(f"'{heading_text(h)}'" for h in headings) or "none"
    raise FlyerContentError(
        f"{src}: flyer.steps names the section '{wanted}', but the page has no such heading "
        f"(headings: {known}).\nfix: set flyer.steps to the exact text of a heading"
    )


def _first_paragraph(root: HtmlElement) -> str:
    for p in root.findall("p"):
        text = nfc(text_of(p)).strip()
        if text:
            return text
    return ""


def extract(
    *,
    html: str,
    meta: PageMeta,
    lang: str,
    page_url: str,
    src: str,
    targets: LinkTargets | None = None,
    dated: date | None = None,
) -> FlyerContent:
    """Build the flyer content of one page from its rendered HTML and front matter; `targets`
    are the site's pages (how a link prints, step_links.py), `dated` the flyer's date (dates.py;
    None: the page's own)."""
    # Imported here: the flyer worker process unpickles FlyerContent but never parses HTML.
    from lxml.html import fragment_fromstring

    if len(page_url) > MAX_QR_URL:
        raise FlyerContentError(
            f"{src}: the page's address is {len(page_url)} characters long ({page_url[:60]}...); "
            f"its QR code would be too dense to scan from paper (at most {MAX_QR_URL}).\n"
            "fix: give the file or its folder a shorter name, or publish the site at a shorter "
            "address"
        )

    root = fragment_fromstring(html or "<p></p>", create_parent="div")
    wanted: tuple[str | None, ...] = meta.flyer.steps or (None,)
    sections = []
    for name in wanted:
        steps_list = _steps_list(root, name, src)
        items = steps_list.findall("li") if steps_list is not None else []
        found = (runs for li in items if (runs := runs_of(li, page_url)))
        steps = tuple(print_links(runs, page_url, targets or {}) for runs in found)
        if steps:
            sections.append(StepSection(nfc(name).strip() if name else None, steps))
    # Without steps, a page of questions (FAQ) still tells the reader what it answers.
    topics: tuple[str, ...] = ()
    if not sections:
        titles = tuple(text for h in root.iter("h3") if (text := heading_text(h)))
        topics = titles if len(titles) >= 3 else ()
    if meta.flyer.summary is None:
        summary = _first_paragraph(root) or nfc(meta.description)
    else:  # set by the author; "" prints none
        summary = nfc(meta.flyer.summary).strip()
    poster: tuple[tuple[Run, ...], ...]
    if meta.flyer.poster_steps:
        poster = tuple((Run(nfc(step).strip()),) for step in meta.flyer.poster_steps)
    else:
        poster = tuple(step for section in sections for step in section.steps)[:MAX_POSTER_STEPS]
    doc = meta.document
    return FlyerContent(
        lang=lang,
        title=nfc(meta.title).strip(),
        url=page_url,
        summary=summary,
        note=nfc(meta.flyer.note).strip(),
        sections=tuple(sections),
        topics=topics,
        updated=format_date(day, lang) if (day := dated or meta.updated) else "",
        poster_steps=poster,
        extra_codes=tuple(ExtraQr(nfc(q.label).strip(), q.url) for q in meta.flyer.qr),
        document=(
            {
                "number": nfc(doc.number),
                "date": nfc(doc.date),
                "place": nfc(doc.place),
                "issuer": nfc(doc.issuer),
            }
            if doc
            else None
        ),
        validity=(
            {"status": meta.validity.status, "year": doc.year if doc else None}
            if meta.validity
            else None
        ),
        preview=is_preview_url(page_url),
    )
