"""Absolute language alternates of a page, for hreflang links and the language switch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
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


def page_languages(file: Any, lang: str, site_url: str, default: str) -> dict[str, Any]:
    """What a page's template needs to know of its languages, from its MkDocs file (read
    duck-typed: mkdocs-static-i18n gives it `locale` and `alternates`)."""
    file_lang = getattr(file, "locale", lang)
    files_by_lang = {lang: file, **getattr(file, "alternates", {})}
    translated = {code for code, f in files_by_lang.items() if getattr(f, "locale", code) == code}
    urls = {code: f.url for code, f in files_by_lang.items()}
    return {
        "site_lang": lang,
        "content_lang": file_lang,
        "untranslated": file_lang != lang,
        "hreflang": page_alternates(site_url, urls, translated, default),
    }
