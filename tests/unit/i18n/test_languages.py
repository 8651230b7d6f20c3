"""The one place for the site's language rules: sources, page URLs, twins, archive names."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from vneid_site.flyers.paths import output_paths
from vneid_site.i18n.languages import Languages, current_language, from_config, site_name

LANGS = Languages(("vi", "en"))


@pytest.mark.parametrize(
    ("src", "lang", "url"),
    [
        ("index.md", "vi", ""),
        ("index.en.md", "en", "en/"),
        ("huong-dan/dang-ky.md", "vi", "huong-dan/dang-ky/"),
        ("huong-dan/dang-ky.en.md", "en", "en/huong-dan/dang-ky/"),
        ("huong-dan/index.md", "vi", "huong-dan/"),
        ("huong-dan/README.en.md", "en", "en/huong-dan/"),
    ],
)
def test_source_to_language_and_page_url(src, lang, url):
    found, base = LANGS.of_source(src)
    assert found == lang
    assert LANGS.page_url(base, lang) == url
    assert LANGS.of_url(url) == lang
    assert output_paths(url).flyer_pdf == f"{url}flyer.pdf"


def test_only_configured_languages_are_suffixes():
    assert LANGS.of_source("a.fr.md") == ("vi", "a.fr.md")  # not a language of this site
    assert LANGS.of_source("a.vi.md") == ("vi", "a.vi.md")  # the default has no suffix
    assert LANGS.of_source("v1.2.md") == ("vi", "v1.2.md")
    assert LANGS.of_source("assets/logo.svg") == ("vi", "assets/logo.svg")


def test_twins_and_roots():
    assert LANGS.twins("a/b.en.md") == {"vi": "a/b.md", "en": "a/b.en.md"}
    assert LANGS.source("a/b.md", "en") == "a/b.en.md"
    assert LANGS.source("a/b.md", "vi") == "a/b.md"
    assert (LANGS.root("vi"), LANGS.root("en")) == ("", "en/")
    assert LANGS.strip_root("en/huong-dan/x/") == ("en", "huong-dan/x/")
    assert LANGS.of_url("english/page/") == "vi"


def test_download_and_archive_names():
    assert LANGS.download_name("en/huong-dan/x/", "en") == "x-en.pdf"
    assert LANGS.download_name("", "vi") == "index-vi.pdf"
    assert LANGS.download_name("en/", "en") == "index-en.pdf"
    assert LANGS.archive_name("en/huong-dan/x/flyer.pdf") == "en/huong-dan/x.pdf"
    assert LANGS.archive_name("huong-dan/x/flyer.pdf") == "vi/huong-dan/x.pdf"
    assert LANGS.archive_name("flyer.pdf") == "vi/index.pdf"
    assert LANGS.archive_name("en/flyer.pdf") == "en/index.pdf"


def test_read_from_the_mkdocs_config_without_importing_mkdocs():
    plugin = SimpleNamespace(
        default_language="vi",
        current_language=None,
        config=SimpleNamespace(
            languages=[SimpleNamespace(locale="en"), SimpleNamespace(locale="vi")]
        ),
    )
    config = SimpleNamespace(plugins={"i18n": plugin})
    assert from_config(config) == LANGS
    assert current_language(config) == "vi"  # static-i18n sets it only in its own on_config
    plugin.current_language = "en"
    assert current_language(config) == "en"
    assert from_config(SimpleNamespace(plugins={})) == Languages(("vi",))


def test_each_language_has_its_own_site_name_before_static_i18n_applies_it():
    languages = [
        SimpleNamespace(locale="vi", site_name=None),
        SimpleNamespace(locale="en", site_name="Guide to VNeID"),
    ]
    plugin = SimpleNamespace(config=SimpleNamespace(languages=languages))
    # In the hooks' on_config, config.site_name is still the default language's.
    config = SimpleNamespace(plugins={"i18n": plugin}, site_name="Hướng dẫn VNeID")
    assert site_name(config, "en") == "Guide to VNeID"
    assert site_name(config, "vi") == "Hướng dẫn VNeID"  # no name of its own: the site's
    assert site_name(SimpleNamespace(plugins={}, site_name="X"), "en") == "X"
