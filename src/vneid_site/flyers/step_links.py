"""How a link in a flyer's steps prints. Paper cannot follow a link, so its text alone would
lead nowhere ("Xem Đăng ký tài khoản VNeID"): a link to a page of the site that has a flyer
prints as that flyer's title, any other link prints its address after its text, and a source
cited in brackets prints as the citation it is (its name and date; the page cites the article)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit, urlunsplit

if TYPE_CHECKING:
    from vneid_site.flyers.html_runs import Run

# Page address (no fragment) -> the title of its flyer, or None when it has no flyer.
LinkTargets = Mapping[str, "str | None"]


def page_address(url: str) -> str:
    """An address without its fragment or query: the page a link opens."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def link_targets(pages: Mapping[str, Any], languages: Any, lang: str, site_url: str) -> dict:
    """Every page of `lang` by its absolute address, with its flyer's title (None: no flyer).

    `pages` maps docs paths to front matter (title, flyer.enabled); a page not translated into
    `lang` is the default language's, as the site shows it.
    """
    targets: dict[str, str | None] = {}
    for src, meta in pages.items():
        page_lang, base = languages.of_source(src)
        if page_lang != languages.default:
            continue
        shown = pages.get(languages.source(base, lang), meta)
        address = urljoin(site_url, languages.page_url(base, lang))
        targets[address] = shown.title.strip() if shown.flyer.enabled else None
    return targets


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")")


def print_links(step: tuple[Run, ...], page_url: str, targets: LinkTargets) -> tuple[Run, ...]:
    """The runs of a step with each link marked with how it prints (see the module's note).

    Neighbouring runs of one link (part of it bold) print its flyer title once, or its
    address once, after its last run.
    """
    out: list[Run] = []
    before = ""
    here = page_address(page_url)
    for i, run in enumerate(step):
        following = step[i + 1] if i + 1 < len(step) else None
        same_link_next = following is not None and following.href == run.href
        same_link_before = i > 0 and step[i - 1].href == run.href
        if run.href is None:
            out.append(run)
        else:
            target = page_address(run.href)
            if target == here:
                # A section of this very page: its flyer and its QR code are in hand.
                out.append(replace(run, href=None))
            elif target in targets and targets[target] is not None:
                if not same_link_before:
                    out.append(replace(run, flyer=targets[target]))
            elif _open_bracket(before) and target not in targets:
                out.append(replace(run, cite=True))
            else:
                shows_address = run.text.strip().rstrip("/") == run.href.rstrip("/")
                out.append(replace(run, address=not same_link_next and not shows_address))
        before += run.text
    return tuple(out)
