"""Which language a MkDocs build (or a source file) is in, as mkdocs-static-i18n sets it."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

FALLBACK_LANGUAGE = "vi"


def _i18n(config: Any) -> Any:
    return config.plugins.get("i18n")


def languages(config: Any) -> list[str]:
    """Configured language codes, default first."""
    plugin = _i18n(config)
    if plugin is None:
        return [FALLBACK_LANGUAGE]
    codes = [lang.locale for lang in plugin.config.languages]
    default = default_language(config)
    return [default] + [code for code in codes if code != default]


def default_language(config: Any) -> str:
    plugin = _i18n(config)
    if plugin is None:
        return FALLBACK_LANGUAGE
    return plugin.default_language


def current_language(config: Any) -> str:
    """The language being built; static-i18n leaves it None until its own on_config."""
    plugin = _i18n(config)
    if plugin is None:
        return FALLBACK_LANGUAGE
    return plugin.current_language or plugin.default_language


def language_of_source(src_uri: str, config: Any) -> tuple[str, str]:
    """(language, default-language path) of a docs file: 'a/b.en.md' -> ('en', 'a/b.md')."""
    path = PurePosixPath(src_uri)
    suffixes = path.suffixes
    if len(suffixes) >= 2 and suffixes[-2].lstrip(".") in languages(config):
        lang = suffixes[-2].lstrip(".")
        return lang, str(path.with_name(path.name.replace(f".{lang}.md", ".md")))
    return default_language(config), src_uri
