"""The settings of one language's flyer build, resolved from the site's configuration."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vneid_site.flyers.content import is_preview_url
from vneid_site.flyers.dates import SharedDates, shared_dates
from vneid_site.flyers.offices import Office, load_offices
from vneid_site.flyers.packs import VOLUME_SIZE
from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.qr_targets import DEFAULT_QR_HOSTS
from vneid_site.flyers.render import RenderSettings
from vneid_site.flyers.rules import PrintRules
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs
from vneid_site.i18n.languages import Languages, site_name
from vneid_site.organisation import Organisation


@dataclass(frozen=True)
class FlyerSettings:
    """Everything about one language's build that shapes its flyers and packs."""

    render: RenderSettings
    cache_dir: Path
    site_dir: Path
    lang: str
    site_name: str
    org: dict[str, Any]  # what the flyers print of the organisation profile
    pack_volume: int
    site_url: str = ""
    offices_shown: str = ""  # the offices file as messages name it, "" when there is none
    rules: PrintRules = field(default_factory=PrintRules)
    # When the organisation profile and the templates last changed: no flyer is dated earlier.
    shared: SharedDates = field(default_factory=lambda: SharedDates(None, None))


@dataclass(frozen=True)
class FlyerOptions:
    """`extra.flyers` in mkdocs.yml, validated (config_schema.py): its folders and file are
    absolute, and inside the project."""

    template_dir: Path  # main.typ, pack.typ and what they import
    cache_dir: Path  # generated files kept between builds
    enabled: bool = True
    pack_volume: int = VOLUME_SIZE  # flyers per print-pack file
    offices: Path | None = None  # the offices file, each office getting its own print packs
    offices_shown: str = ""  # the offices file as mkdocs.yml names it, for messages
    workers: int | None = None  # at most this many worker processes (None: one per core)
    qr_hosts: tuple[str, ...] = DEFAULT_QR_HOSTS  # hosts a flyer's extra QR codes may open
    rules: PrintRules = field(default_factory=PrintRules)


def render_settings(
    root: Path, template_dir: str | Path, cache_dir: str | Path
) -> tuple[RenderSettings, Path]:
    """Where the templates and the cache are (relative to `root`, the folder of mkdocs.yml,
    unless absolute), and the fonts; a FontError if the fonts are not installed."""
    templates = (root / template_dir).resolve()
    cache = (root / cache_dir).resolve()
    # Typst reads only under its root: the packs read flyers from the cache.
    typst_root = Path(os.path.commonpath([templates, cache]))
    render = RenderSettings(
        templates, tuple(flyer_font_dirs()), FLYER_FAMILIES, typst_root, cache / "typst-data"
    )
    return render, cache


def flyer_org(org: Organisation, logo_svg: str) -> dict[str, Any]:
    """What a flyer prints of the organisation profile."""
    return {
        "name": org.name,
        "department": org.department,
        "hotline": org.hotline,
        "contact": org.contact,
        "contact_note": org.contact_note,
        "logo_svg": logo_svg,
    }


def read_logo(docs_dir: Path, logo: str) -> tuple[str, str | None]:
    """(SVG text of the organisation's logo, or "" with a warning saying why)."""
    path = docs_dir / logo
    if path.suffix.lower() != ".svg" or not path.is_file():
        return "", (
            f"extra.organisation.logo: '{logo}' is not an SVG file under docs/; flyers are "
            "printed without a logo.\nfix: point logo at an .svg file in docs/"
        )
    return path.read_text(encoding="utf-8"), None


def page_links(page_url: str, lang: str, flyer: bool, languages: Languages) -> dict[str, Any]:
    """What a page's template links to: its QR code files and its flyer."""
    paths = output_paths(page_url)
    name = languages.download_name(page_url, lang)
    return {
        "qr_svg": paths.qr_svg,
        "qr_png": paths.qr_png,
        "flyer_pdf": paths.flyer_pdf if flyer else None,
        "download_name": name,
        # The large-print posters: (paper as printed, path, download name).
        "posters": [
            (label, paths.poster(paper), name.replace(".pdf", f"-poster-{paper}.pdf"))
            for paper, label in (("a4", "A4"), ("a3", "A3"))
        ]
        if flyer
        else [],
    }


def resolve_settings(
    config: Any,
    options: FlyerOptions,
    lang: str,
    org: Organisation,
    shared: SharedDates | None = None,
) -> tuple[FlyerSettings, list[Office], list[str]]:
    """The settings of one language's build and the offices, from the MkDocs config (read
    duck-typed) and the `extra.flyers` options, with warnings for the log. `shared`: the dates
    of the profile and templates when another language's build worked them out (they come from
    git). A FontError if the fonts are not installed, an OfficeListError if the offices file
    cannot be used."""
    root = Path(config.config_file_path).parent
    render, cache = render_settings(root, options.template_dir, options.cache_dir)
    if shared is None:
        shared = shared_dates(
            Path(config.config_file_path), render.template_dir, cache / "shared-dates.json"
        )
    logo, problem = read_logo(Path(config.docs_dir), org.logo)
    printed = flyer_org(org, logo)
    shown = options.offices_shown
    offices = (
        load_offices(options.offices, shown, cache / "offices-checked.json")
        if options.offices is not None
        else []
    )
    settings = FlyerSettings(
        render,
        cache,
        Path(config.site_dir),
        lang,
        site_name(config, lang),
        printed,
        options.pack_volume,
        config.site_url or "",
        shown,
        options.rules,
        shared,
    )
    return settings, offices, [problem] if problem else []


def pool_size(cap: int | None) -> int:
    """Worker processes: one per core, but the one MkDocs renders on; at most `cap`."""
    try:
        cores = len(os.sched_getaffinity(0))  # the cores this process may use (containers)
    except AttributeError:
        cores = os.cpu_count() or 1
    size = max(1, cores - 1)
    return min(size, cap) if cap else size


def preview_notice(site_url: str) -> str | None:
    """What to say when the site's address only works on this machine."""
    if not is_preview_url(site_url):
        return None
    return (
        f"site_url {site_url} is a local address: flyers are stamped as previews. "
        "For flyers to print, build with SITE_URL=https://your.host/path/"
    )
