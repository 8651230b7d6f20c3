"""Where a docs page ends up in the built site (use_directory_urls), and what its flyer is
called in the release archive. Nothing here imports MkDocs."""

from __future__ import annotations

import posixpath
import re


def split_language(src: str, languages: tuple[str, ...], default: str) -> tuple[str, str]:
    """(language, default-language file) of a docs file: 'a/b.en.md' -> ('en', 'a/b.md')."""
    match = re.fullmatch(r"(.*)\.([A-Za-z_-]+)\.md", src)
    if match and match.group(2) in languages and match.group(2) != default:
        return match.group(2), f"{match.group(1)}.md"
    return default, src


def page_url(base: str, lang: str, default: str) -> str:
    """Site path of a page: ('huong-dan/x.md', 'en') -> 'en/huong-dan/x/'; index -> folder."""
    stem = base[:-3] if base.endswith(".md") else base
    folder, name = posixpath.split(stem)
    index = name.lower() in ("index", "readme")
    path = (f"{folder}/" if folder else "") if index else f"{stem}/"
    return path if lang == default else f"{lang}/{path}"


def flyer_path(url: str) -> str:
    """The flyer beside a page: 'en/huong-dan/x/' -> 'en/huong-dan/x/flyer.pdf'."""
    return f"{url}flyer.pdf"


def flyer_archive_name(site_path: str, languages: tuple[str, ...], default: str) -> str:
    """Readable name of a built flyer: 'en/huong-dan/x/flyer.pdf' -> 'en/huong-dan/x.pdf'."""
    folder = posixpath.dirname(site_path)
    parts = folder.split("/") if folder else []
    lang = default
    if parts and parts[0] in languages and parts[0] != default:
        lang = parts.pop(0)
    return f"{lang}/{'/'.join(parts) or 'index'}.pdf"
