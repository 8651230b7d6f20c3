"""The site's language rules, in one place: which language a source file is in, and where a
page of each language is published (its URL, its output folder, its twin in another language).

The layout is mkdocs-static-i18n's `suffix` structure: `a/b.md` is the default language,
`a/b.en.md` its English translation; the default language is published at the site root and
every other language under a folder named after it (`en/a/b/`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

DEFAULT_CODES = ("vi", "en")
_INDEX_NAMES = ("index", "readme")


@dataclass(frozen=True)
class Languages:
    """The configured language codes, default first."""

    codes: tuple[str, ...] = DEFAULT_CODES

    def __post_init__(self) -> None:
        if not self.codes:
            raise ValueError("at least one language is needed")

    @property
    def default(self) -> str:
        return self.codes[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    # --- Source files ---------------------------------------------------------------

    def of_source(self, src: str) -> tuple[str, str]:
        """(language, default-language file) of a docs file: 'a/b.en.md' -> ('en', 'a/b.md')."""
        stem, dot, ext = src.rpartition(".")
        if dot and ext == "md":
            base, dot, lang = stem.rpartition(".")
            if dot and lang in self.others:
                return lang, f"{base}.md"
        return self.default, src

    def source(self, base: str, lang: str) -> str:
        """The file of `lang` that translates `base`: ('a/b.md', 'en') -> 'a/b.en.md'."""
        if lang == self.default:
            return base
        return f"{base.removesuffix('.md')}.{lang}.md"

    def twins(self, src: str) -> dict[str, str]:
        """Every language's file of the page `src` belongs to, default first."""
        _, base = self.of_source(src)
        return {lang: self.source(base, lang) for lang in self.codes}

    # --- Published pages ------------------------------------------------------------

    def root(self, lang: str) -> str:
        """Folder of a language under the site root: '' for the default language, else 'en/'."""
        return "" if lang == self.default else f"{lang}/"

    def page_url(self, base: str, lang: str) -> str:
        """Site path of a page (directory URLs): ('huong-dan/x.md', 'en') -> 'en/huong-dan/x/'."""
        stem = base.removesuffix(".md")
        folder, name = posixpath.split(stem)
        if name.lower() not in _INDEX_NAMES:
            return f"{self.root(lang)}{stem}/"
        return self.root(lang) + (f"{folder}/" if folder else "")

    def of_url(self, url: str) -> str:
        """Language of a site path: 'en/huong-dan/x/' -> 'en', 'huong-dan/x/' -> the default."""
        return next((lang for lang in self.others if url.startswith(self.root(lang))), self.default)

    def strip_root(self, url: str) -> tuple[str, str]:
        """(language, path under that language's root) of a site path."""
        lang = self.of_url(url)
        return lang, url.removeprefix(self.root(lang))

    def download_name(self, url: str, lang: str) -> str:
        """Name a page's flyer is saved under: ('en/huong-dan/x/', 'en') -> 'x-en.pdf'."""
        _, path = self.strip_root(url)
        parts = [p for p in path.strip("/").split("/") if p]
        return f"{parts[-1] if parts else 'index'}-{lang}.pdf"

    def archive_name(self, site_path: str) -> str:
        """Readable name of a built file beside a page, in the release archive:
        'en/huong-dan/x/flyer.pdf' -> 'en/huong-dan/x.pdf'."""
        folder = posixpath.dirname(site_path)
        lang, path = self.strip_root(f"{folder}/" if folder else "")
        ext = posixpath.splitext(site_path)[1]
        return f"{lang}/{path.strip('/') or 'index'}{ext}"


# --- The MkDocs build (read duck-typed: this package never imports MkDocs) ------------


def _i18n(config: Any) -> Any:
    return config.plugins.get("i18n")


def from_config(config: Any) -> Languages:
    """The languages mkdocs-static-i18n is configured with, default first."""
    plugin = _i18n(config)
    if plugin is None:
        return Languages(DEFAULT_CODES[:1])
    default = plugin.default_language
    codes = [lang.locale for lang in plugin.config.languages]
    return Languages((default, *(code for code in codes if code != default)))


def is_nested_build(config: Any) -> bool:
    """Whether this is one of the builds static-i18n runs inside the default language's
    on_post_build (the other languages'), rather than the outermost one."""
    return bool(getattr(_i18n(config), "building", False))


def site_name(config: Any, lang: str) -> str:
    """The site's name in `lang`: the language's own `site_name` under static-i18n's
    `languages`, else the site's. Read from the plugin's settings, so that it is right before
    static-i18n has applied them (it does so after the hooks' on_config)."""
    plugin = _i18n(config)
    for language in plugin.config.languages if plugin is not None else ():
        if language.locale == lang and getattr(language, "site_name", None):
            return str(language.site_name)
    return str(config.site_name)


def current_language(config: Any) -> str:
    """The language being built; static-i18n leaves it None until its own on_config."""
    plugin = _i18n(config)
    if plugin is None:
        return DEFAULT_CODES[0]
    return plugin.current_language or plugin.default_language
