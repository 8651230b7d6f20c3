"""Where the extra QR codes of a flyer may send people: https only, no user name, a listed
host or the site's own."""

from __future__ import annotations

import pytest

from tests.support.hostile import QR_TARGETS, qr_front_matter
from tests.support.sitebuild import page
from vneid_site.flyers.qr_targets import (
    DEFAULT_QR_HOSTS,
    allowed_hosts,
    host_name_problem,
    page_target_problems,
    target_problem,
)

HOSTS = allowed_hosts("https://www.example.gov.vn/vneid/", DEFAULT_QR_HOSTS)


def test_the_site_and_the_listed_hosts_are_allowed():
    assert {"www.example.gov.vn", "dichvucong.gov.vn", "vneid.gov.vn"} == HOSTS
    for url in (
        "https://dichvucong.gov.vn",
        "https://vneid.gov.vn/huongdan/huong-dan-dang-ky-tai-khoan-vneid.html",
        "https://www.dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        "https://www.example.gov.vn/vneid/hoi-dap/",
    ):
        assert target_problem(url, HOSTS) is None, url


@pytest.mark.parametrize("name", QR_TARGETS)
def test_each_hostile_target_is_refused(name):
    url, phrase = QR_TARGETS[name]
    why = target_problem(url, HOSTS)
    assert why is not None and phrase in why[0] and why[1]


def test_one_slash_after_the_scheme_is_refused_too():
    why = target_problem("https:/evil.example/", HOSTS)
    assert why is not None and "not followed by exactly two slashes" in why[0]


def test_a_page_names_its_code_at_its_line():
    source = page("Trang", extra=qr_front_matter("https://dichvucong.gov.vn@evil.example/"))
    problems = page_target_problems(source, "docs/x.md", HOSTS)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(7, "flyer.qr.0.url 'https")]
    assert "may not be printed as a QR code" in problems[0].message
    assert "extra.flyers.qr_hosts" in problems[0].fix and problems[0].fix_vi


def test_a_page_whose_front_matter_is_wrong_is_left_to_the_front_matter_checks():
    assert page_target_problems("no front matter", "docs/x.md", HOSTS) == []


@pytest.mark.parametrize("host", ["https://vneid.gov.vn/", "a b", "vneid.gov.vn.", "", "a/b"])
def test_qr_hosts_entries_must_be_host_names(host):
    assert host_name_problem(host) is not None
    assert host_name_problem("vneid.gov.vn") is None
