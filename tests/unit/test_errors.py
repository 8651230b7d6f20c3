"""Every error a site's author can fix is a SiteError, and every hook turns one into a clean
MkDocs error, while a bug keeps its traceback."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import PluginError

import vneid_site
from tests.support.sitebuild import ROOT, load_hook
from vneid_site import config_schema
from vneid_site.errors import SiteError

PACKAGE = Path(vneid_site.__file__).parent
HOOKS = sorted(path.stem for path in (ROOT / "hooks").glob("*_hook.py"))

# Exceptions of the package that never reach a person as they are, and where they are handled.
INTERNAL = {
    # A timer's signal: scripts/check_content.py reports the page as too slow to check.
    "vneid_site.checks.time_limit.TimeLimitExceeded",
    # What a cached PDF lacks: flyers/pack_files.py says it as a FlyerError with its fix.
    "vneid_site.flyers.pdf_pages.PdfPagesError",
    # One option's problems at their sub-keys: config_schema.py lists them in a ConfigError.
    "vneid_site.config_schema._Tails",
}


def package_modules():
    for info in pkgutil.walk_packages([str(PACKAGE)], "vneid_site."):
        yield importlib.import_module(info.name)


def package_exceptions() -> dict[str, type[BaseException]]:
    found = {}
    for module in package_modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


def test_every_exception_class_of_the_package_is_a_site_error_or_handled_inside_it():
    found = package_exceptions()
    # The walk reaches every subpackage.
    for name in (
        "flyers.render.FlyerError",
        "flyers.offices.OfficeListError",
        "font_files.FontError",
    ):
        assert issubclass(found[f"vneid_site.{name}"], SiteError)
    wrong = [name for name, cls in found.items() if not issubclass(cls, SiteError)]
    assert sorted(wrong) == sorted(INTERNAL)


def _texts(node: ast.AST) -> str:
    return " ".join(
        part.value
        for part in ast.walk(node)
        if isinstance(part, ast.Constant) and isinstance(part.value, str)
    )


def test_every_message_that_says_how_to_fix_it_is_raised_as_a_site_error():
    raised = []
    for module in package_modules():
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            if "fix:" not in _texts(node.exc) and "mkdocs.yml" not in _texts(node.exc):
                continue
            func = node.exc.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                name, cls = func.attr, getattr(getattr(module, func.value.id), func.attr)
            else:
                name = getattr(func, "id", "")
                cls = getattr(module, name)
            raised.append((module, node.lineno, name, cls))
    assert len(raised) > 10  # the walk finds the package's messages
    wrong = [
        (module.__name__, line, name)
        for module, line, name, cls in raised
        if not issubclass(cls, SiteError)
        # An option's problem, which config_schema.py lists in one ConfigError.
        and not (module is config_schema and issubclass(cls, ValidationError))
    ]
    assert wrong == []


def _handlers(tree: ast.AST) -> list[ast.ExceptHandler]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler)]


def _names(handler: ast.ExceptHandler) -> set[str]:
    if handler.type is None:
        return {"<bare except>"}
    return {n.id for n in ast.walk(handler.type) if isinstance(n, ast.Name)}


@pytest.mark.parametrize("hook", HOOKS)
def test_each_hook_catches_site_errors_in_one_place_and_nothing_broader(hook):
    tree = ast.parse((ROOT / "hooks" / f"{hook}.py").read_text(encoding="utf-8"))
    names = [_names(handler) for handler in _handlers(tree)]
    assert [n for n in names if "SiteError" in n] == [{"SiteError"}]
    broad = {"Exception", "BaseException", "<bare except>"}
    assert not [n for n in names if n & broad]


@pytest.mark.parametrize("hook", HOOKS)
def test_each_hook_turns_a_site_error_into_a_plugin_error_and_leaves_bugs_alone(hook, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "hooks"))  # as MkDocs does while importing a hook
    module = load_hook(hook)
    message = "docs/a.md: something is wrong\nfix: correct it"
    with pytest.raises(PluginError) as err, module._site_errors():
        raise SiteError(message)
    assert str(err.value) == message and err.value.__suppress_context__
    with pytest.raises(TypeError), module._site_errors():
        raise TypeError("a bug")
