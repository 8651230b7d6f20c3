from __future__ import annotations

import pytest

from vneid_site.config_schema import ConfigError, load_web


def test_defaults_cache_under_the_project_and_no_compressed_copies(tmp_path):
    settings = load_web(None, tmp_path)
    assert settings.cache_dir == (tmp_path / ".cache" / "web").resolve()
    assert settings.precompress is False
    on = load_web({"cache_dir": "build/web", "precompress": True}, tmp_path)
    assert on.cache_dir == (tmp_path / "build" / "web").resolve() and on.precompress is True


def test_every_problem_is_listed_with_the_setting_it_is_in(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_web({"cache_dir": "", "precompress": 1, "gzip": True}, tmp_path)
    lines = str(err.value).splitlines()
    assert lines[0] == "mkdocs.yml:"
    assert any(line.startswith("extra.web.gzip: unknown setting") for line in lines)
    assert any(line.startswith("extra.web.cache_dir: expected a folder name") for line in lines)
    assert any(line.startswith("extra.web.precompress: expected true or false") for line in lines)
    with pytest.raises(ConfigError, match=r"extra\.web: expected a mapping"):
        load_web(["precompress"], tmp_path)
