"""Compiled templates kept between builds: a template is compiled once, and again whenever what
it is compiled from changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from vneid_site.web.templates import FILE, KeptTemplates


class CountingEnvironment(Environment):
    """An environment that counts what it compiles from source."""

    compiled: list[str]

    def compile(self, source: object, name: str | None = None, *args: object, **kw: object):
        self.compiled.append(name or "")
        return super().compile(source, name, *args, **kw)  # type: ignore[arg-type]


def build(
    folder: Path, templates: dict[str, str], **settings: object
) -> tuple[dict[str, str], list[str]]:
    """One build: every template rendered by a new environment with `folder`'s kept code, which
    is then saved. (what each rendered, what was compiled)"""
    kept = KeptTemplates(folder)
    env = CountingEnvironment(loader=DictLoader(templates), bytecode_cache=kept, **settings)
    env.compiled = []
    out = {name: env.get_template(name).render(who="Bình Dương") for name in templates}
    kept.save()
    return out, env.compiled


PAGES = {
    "base.html": "<h1>{% block title %}{% endblock %}</h1>",
    "page.html": '{% extends "base.html" %}{% block title %}Xin chào {{ who }}{% endblock %}',
}


def test_a_warm_build_compiles_nothing_and_renders_the_same(tmp_path: Path) -> None:
    cold, compiled = build(tmp_path, PAGES)
    assert sorted(compiled) == ["base.html", "page.html"]
    warm, compiled = build(tmp_path, PAGES)
    assert compiled == []
    assert warm == cold
    assert warm["page.html"] == "<h1>Xin chào Bình Dương</h1>"


def test_a_changed_template_is_compiled_again_and_its_change_shows(tmp_path: Path) -> None:
    build(tmp_path, PAGES)
    edited = {**PAGES, "base.html": "<h2>{% block title %}{% endblock %}</h2>"}
    out, compiled = build(tmp_path, edited)
    assert compiled == ["base.html"]
    assert out["page.html"] == "<h2>Xin chào Bình Dương</h2>"


def test_other_environment_settings_compile_again(tmp_path: Path) -> None:
    page = {"p.html": "{{ who }}"}
    build(tmp_path, page, autoescape=False)
    _, compiled = build(tmp_path, page, autoescape=True)
    assert compiled == ["p.html"]
    _, compiled = build(tmp_path, page, autoescape=True)
    assert compiled == []


def test_only_the_templates_of_the_last_build_are_kept(tmp_path: Path) -> None:
    build(tmp_path, PAGES)
    build(tmp_path, {"other.html": "{{ who }}"})
    _, compiled = build(tmp_path, PAGES)
    assert sorted(compiled) == ["base.html", "page.html"]
    assert len(json.loads((tmp_path / FILE).read_text())) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda code: "not base64 !",
        lambda code: code[: len(code) // 2],
        lambda code: "QUJD",  # base64 of b"ABC": not Jinja's header
    ],
)
def test_damaged_code_is_compiled_again(tmp_path: Path, damage: object) -> None:
    build(tmp_path, PAGES)
    path = tmp_path / FILE
    kept = json.loads(path.read_text())
    path.write_text(json.dumps({k: damage(v) for k, v in kept.items()}))  # type: ignore[operator]
    out, compiled = build(tmp_path, PAGES)
    assert sorted(compiled) == ["base.html", "page.html"]
    assert out["page.html"] == "<h1>Xin chào Bình Dương</h1>"


def test_an_unreadable_file_is_no_code(tmp_path: Path) -> None:
    (tmp_path / FILE).write_bytes(b"\xff{")
    _, compiled = build(tmp_path, PAGES)
    assert sorted(compiled) == ["base.html", "page.html"]
