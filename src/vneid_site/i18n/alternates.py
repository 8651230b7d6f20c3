"""Absolute language alternates of a page, for hreflang links and the language switch."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


def absolute_url(site_url: str, page_url: str) -> str:
    """Join a site-relative page URL (as MkDocs gives it) onto the absolute site URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    path = "" if page_url in ("", ".", "./") else page_url.lstrip("/")
    return urljoin(base, path)


def page_alternates(
    site_url: str,
    urls_by_lang: dict[str, str],
    translated: set[str],
    default_lang: str,
) -> list[Alternate]:
    """hreflang entries for the languages a page really exists in, plus x-default.

    A language that only shows the default-language fallback is left out, so search
    engines are not told an English page exists when it is Vietnamese text.
    """
    out = [
        Alternate(lang, absolute_url(site_url, url))
        for lang, url in sorted(urls_by_lang.items(), key=lambda item: item[0] != default_lang)
        if lang in translated
    ]
    if default_lang in urls_by_lang:
        out.append(Alternate("x-default", absolute_url(site_url, urls_by_lang[default_lang])))
    return out
