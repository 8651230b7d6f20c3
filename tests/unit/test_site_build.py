"""The hooks share one build's state through site_build, not through MkDocs' config."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from tests.support.sitebuild import ROOT
from vneid_site import site_build
from vneid_site.i18n.languages import Languages
from vneid_site.site_build import SiteBuildMissing, begin_build, current_build, end_build


def test_a_hook_without_the_site_hook_s_build_is_told_how_to_list_the_hooks():
    end_build()
    with pytest.raises(SiteBuildMissing) as err:
        current_build("flyer_hook.py")
    message = str(err.value)
    assert "hooks/flyer_hook.py needs what hooks/site_hook.py provides" in message
    assert "fix: list hooks/site_hook.py before hooks/flyer_hook.py" in message


def test_a_build_is_shared_until_it_ends():
    site = site_build.SiteBuild(Languages(), settings=SimpleNamespace())  # type: ignore[arg-type]
    begin_build(site)
    try:
        assert current_build("flyer_hook.py") is site
        assert site_build.running_build() is site
    finally:
        end_build()
    assert site_build.running_build() is None


def test_no_hook_or_template_passes_state_through_config_extra():
    for hook in (ROOT / "hooks").glob("*.py"):
        assert "config.extra" not in hook.read_text(encoding="utf-8"), hook.name
    # Material's own keys (homepage, alternate, ...) stay; the project's are template globals.
    ours = re.compile(r"config\.extra\.(org|web_build|search_root|search_worker|site_build)\b")
    for template in (ROOT / "overrides").rglob("*.html"):
        assert not ours.search(template.read_text(encoding="utf-8")), template.name
