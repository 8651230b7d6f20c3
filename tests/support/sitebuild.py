"""Build sites with the real MkDocs command line, as users do, for the tests."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from tests.support.http import free_port

ROOT = Path(__file__).resolve().parents[2]
# The repository address the real site is built with in the tests (extra.corrections), so its
# "Suggest a change" links can be checked: an example, never a real repository.
EXAMPLE_REPOSITORY = "https://code.example.org/example/vneid-guide"
# Front matter for page(extra=...): the flyer prints the section "Các bước".
STEPS = "flyer:\n  steps: Các bước\n"
# Overrides of a fixture site that makes no flyers.
NO_FLYERS = "extra:\n  flyers:\n    enabled: false\n"


@dataclass(frozen=True)
class Build:
    returncode: int
    log: str
    site_dir: Path


def _environment(site_url: str | None = None, env: dict | None = None) -> dict[str, str]:
    """The environment of an MkDocs run: none of the caller's own site settings leak in."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environ.pop("SITE_URL", None)
    environ.pop("SITE_REPOSITORY", None)
    environ.update(env or {})
    if site_url is not None:
        environ["SITE_URL"] = site_url
    return environ


def run_mkdocs(
    config_file: Path, site_dir: Path, site_url: str | None, *args: str, env: dict | None = None
) -> Build:
    """Run `mkdocs build` in a subprocess and return its exit code and combined log."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-f",
            str(config_file),
            "-d",
            str(site_dir),
            *args,
        ],
        cwd=config_file.parent,
        env=_environment(site_url, env),
        capture_output=True,
        text=True,
        timeout=900,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site_dir)


def assert_refused(build: Build, *phrases: str) -> None:
    """The build stopped as it should for a contributor's mistake: it failed, its log says each
    of `phrases`, and it shows no Python traceback."""
    assert build.returncode != 0, build.log
    for phrase in phrases:
        assert phrase in build.log, (phrase, build.log)
    assert "Traceback" not in build.log, build.log


@contextmanager
def serving(config_file: Path, log: Path | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve` on a free port of 127.0.0.1, its output in `log` (or dropped), stopped on
    leaving. Yields the server's root address and its process; it may not answer yet."""
    address = f"127.0.0.1:{free_port()}"
    with open(log or os.devnull, "w") as output:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", address],
            cwd=config_file.parent,
            env=_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield f"http://{address}/", proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# Fixture pages are stubs ("Nội dung."), not print content: their flyers may say next to
# nothing without the warning that fails --strict (extra.flyers.min_summary_chars), unless a
# test asks for the site's own rule (stub_flyers=False).
STUB_FLYERS = "extra:\n  flyers:\n    min_summary_chars: 0\n"


def make_fixture_project(
    tmp: Path, pages: dict[str, str], overrides: str = "", *, stub_flyers: bool = True
) -> Path:
    """A project that inherits the real mkdocs.yml but has its own docs and nav.

    `pages` maps docs-relative paths to file contents; `overrides` is extra YAML for the
    fixture's mkdocs.yml. Returns the fixture's mkdocs.yml.
    """
    tmp.mkdir(parents=True, exist_ok=True)
    # As in the real project: generated files stay out of git (a fixture may commit its docs).
    (tmp / ".gitignore").write_text("/.cache/\n/site/\n", encoding="utf-8")
    # Copied, not linked: the build refuses symbolic links anywhere in the project.
    for name in ("hooks", "overrides", "flyer-templates"):
        shutil.copytree(ROOT / name, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
    # The web fonts are the same for almost every fixture: subset them once, in the project's
    # own cache (content-addressed and written atomically, so builds may share it; .cache/ is
    # the build's own, where the symbolic link check does not look).
    shared = ROOT / ".cache" / "web"
    shared.mkdir(parents=True, exist_ok=True)
    (tmp / ".cache").mkdir()
    (tmp / ".cache" / "web").symlink_to(shared, target_is_directory=True)
    docs = tmp / "docs"
    for name in ("images", "stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / "assets" / name, docs / "assets" / name)
    for rel, text in pages.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    nav_pages = sorted(p for p in pages if p.endswith(".md") and not p.endswith(".en.md"))
    nav = "\n".join(f"  - {p}" for p in nav_pages)
    # In between, so that the test's own `extra:` is merged with it, not replacing it.
    base = tmp / "fixture-base.yml"
    stubs = STUB_FLYERS if stub_flyers else ""
    base.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\n{stubs}", encoding="utf-8")
    config = tmp / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {base.name}\ndocs_dir: docs\nnav:\n{nav}\n{overrides}\n", encoding="utf-8"
    )
    return config


def own_configuration(project: Path) -> None:
    """Make a fixture project hold its whole configuration and templates, as a site's own
    repository does: a copy of the real mkdocs.yml (without its nav) that the fixture inherits
    instead of the real file; flyer-templates/ is a copy already (make_fixture_project). Its own
    files then date the organisation profile and the templates (flyers/dates.py)."""
    real = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    real = real[: real.index("\nnav:\n")] + "\n" + real[real.index("\nmarkdown_extensions:") :]
    (project / "mkdocs-main.yml").write_text(real, encoding="utf-8")
    base = project / "fixture-base.yml"
    stubs = base.read_text(encoding="utf-8").split("\n", 1)[1]
    base.write_text(f"INHERIT: mkdocs-main.yml\n{stubs}", encoding="utf-8")
    assert (project / "flyer-templates" / "lib.typ").is_file()


def page(
    title: str, body: str = "Nội dung.", description: str = "Mô tả ngắn.", extra: str = ""
) -> str:
    """Markdown source of a page with valid front matter."""
    return f"---\ntitle: {title}\ndescription: {description}\n{extra}---\n\n{body}\n"


def load_hook(name: str) -> ModuleType:
    """A hook of hooks/ as MkDocs loads it: from its file, not as an importable module."""
    spec = importlib.util.spec_from_file_location(f"hooks_{name}", ROOT / "hooks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
