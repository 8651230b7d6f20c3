"""The settings of one language's flyer build, resolved from the site's configuration."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vneid_site.errors import SiteError
from vneid_site.flyers.content import is_preview_url
from vneid_site.flyers.dates import SharedDates, shared_dates
from vneid_site.flyers.offices import Office, load_offices
from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.render import RenderSettings
from vneid_site.flyers.rules import PrintRules
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs
from vneid_site.i18n.languages import Languages, site_name


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


def render_settings(root: Path, template_dir: str, cache_dir: str) -> tuple[RenderSettings, Path]:
    """Where the templates and the cache are (relative to `root`, the folder of mkdocs.yml),
    and the fonts; a FontError if the fonts are not installed."""
    templates = (root / template_dir).resolve()
    cache = (root / cache_dir).resolve()
    # Typst reads only under its root: the packs read flyers from the cache.
    typst_root = Path(os.path.commonpath([templates, cache]))
    render = RenderSettings(
        templates, tuple(flyer_font_dirs()), FLYER_FAMILIES, typst_root, cache / "typst-data"
    )
    return render, cache


class FlyerSettingsError(SiteError):
    """A folder or file of `extra.flyers` that the build must not use."""


def inside_project(root: Path, value: str, key: str, example: str) -> Path:
    """`value` (relative to `root`, the folder of mkdocs.yml) resolved, symbolic links
    followed; a FlyerSettingsError if that leaves the project. Typst may read every file under
    the folder that holds the templates and the cache: with `cache_dir: /` that was every file
    of the machine."""
    path = (root / value).resolve()
    if not path.is_relative_to(root.resolve()):
        raise FlyerSettingsError(
            f"mkdocs.yml: extra.flyers.{key}: '{value}' is outside the project ({root}); the "
            "flyer build may only read and write inside it\n"
            f"fix: use a path inside the project, relative to mkdocs.yml, such as {example}"
        )
    return path


def flyer_org(org: Any, logo_svg: str) -> dict[str, Any]:
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


def print_rules(options: Any) -> PrintRules:
    """The legibility and content rules of the validated `extra.flyers` options."""
    return PrintRules(
        float(options.min_body_size),
        float(options.min_pack_body_size),
        float(options.min_poster_size),
        int(options.min_summary_chars),
    )


def resolve_settings(
    config: Any, options: Any, lang: str, org: Any, shared: SharedDates | None = None
) -> tuple[FlyerSettings, list[Office], list[str]]:
    """The settings of one language's build and the offices, from the MkDocs config (read
    duck-typed) and its validated `extra.flyers` options, with warnings for the log. Paths are
    relative to the folder of mkdocs.yml. `shared`: the dates of the profile and templates when
    another language's build worked them out (they come from git). A FontError if the fonts are
    not installed, an OfficeListError if the offices file cannot be used."""
    root = Path(config.config_file_path).parent
    inside_project(root, options.template_dir, "template_dir", "flyer-templates")
    inside_project(root, options.cache_dir, "cache_dir", ".cache/flyers")
    render, cache = render_settings(root, options.template_dir, options.cache_dir)
    if shared is None:
        shared = shared_dates(Path(config.config_file_path), render.template_dir)
    logo, problem = read_logo(Path(config.docs_dir), org.logo)
    printed = flyer_org(org, logo)
    offices: list[Office] = []
    shown = ""
    if options.offices:
        path = inside_project(root, options.offices, "offices", "offices.csv")
        shown = options.offices
        offices = load_offices(path, shown)
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
        print_rules(options),
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
