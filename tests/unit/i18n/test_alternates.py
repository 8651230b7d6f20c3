from __future__ import annotations

from vneid_site.i18n.alternates import Alternate, absolute_url, page_alternates

SITE = "https://example.gov.vn/vneid/"


def test_absolute_url_keeps_the_sub_path():
    assert absolute_url(SITE, "./") == SITE
    assert absolute_url(SITE, "") == SITE
    assert absolute_url(SITE, "en/huong-dan/x/") == SITE + "en/huong-dan/x/"
    assert absolute_url("https://example.gov.vn/vneid", "en/") == SITE + "en/"


def test_alternates_list_default_first_and_x_default():
    urls = {"en": "en/a/", "vi": "a/"}
    assert page_alternates(SITE, urls, {"vi", "en"}, "vi") == [
        Alternate("vi", SITE + "a/"),
        Alternate("en", SITE + "en/a/"),
        Alternate("x-default", SITE + "a/"),
    ]


def test_untranslated_language_is_not_claimed():
    urls = {"en": "en/a/", "vi": "a/"}
    assert [a.hreflang for a in page_alternates(SITE, urls, {"vi"}, "vi")] == ["vi", "x-default"]
