from __future__ import annotations

from importlib import metadata

import pytest

from vneid_site import package_versions


def test_a_version_is_the_installed_one_and_is_looked_up_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package_versions.installed.cache_clear()
    calls: list[str] = []

    def counted(name: str) -> str:
        calls.append(name)
        return metadata.version(name)

    monkeypatch.setattr(package_versions, "version", counted)
    assert package_versions.installed("mkdocs") == metadata.version("mkdocs")
    assert package_versions.installed("mkdocs") == metadata.version("mkdocs")
    assert package_versions.installed("nh3") == metadata.version("nh3")
    assert calls == ["mkdocs", "nh3"]
    package_versions.installed.cache_clear()


def test_a_package_that_is_not_installed_is_an_error() -> None:
    with pytest.raises(metadata.PackageNotFoundError):
        package_versions.installed("no-such-package-vneid")
