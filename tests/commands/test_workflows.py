"""The GitHub workflows: valid YAML, least-privilege permissions, actions pinned by SHA."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.sitebuild import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# The only jobs that may write, and what: deploying Pages, publishing a release.
WRITERS = {
    ("pages.yml", "deploy"): {"pages", "id-token"},
    ("release.yml", "publish"): {"contents"},
}
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", re.MULTILINE)
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def triggers(data: dict) -> dict:
    # YAML 1.1 reads the key `on` as True.
    on = data.get("on", data.get(True))
    return on if isinstance(on, dict) else {name: None for name in ([on] if on else [])}


def test_the_expected_workflows_exist():
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "pages.yml", "release.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_top_level_permissions_are_read_only(path):
    data = load(path)
    assert data.get("permissions") == {"contents": "read"}, path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_write_scopes_only_on_the_jobs_that_need_them(path):
    for name, job in load(path)["jobs"].items():
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"{path.name}:{name} uses a permission shorthand"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        assert writes == WRITERS.get((path.name, name), set()), f"{path.name}:{name}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha(path):
    text = path.read_text(encoding="utf-8")
    uses = USES.findall(text)
    assert uses, path.name
    for ref, rest in uses:
        assert PINNED.fullmatch(ref), f"{path.name}: {ref} is not pinned to a 40-hex SHA"
        assert re.match(r"\s+# v\d+\.\d+\.\d+$", rest), f"{path.name}: {ref} has no # vX.Y.Z"


def test_one_sha_per_action_across_workflows():
    seen: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for ref, rest in USES.findall(path.read_text(encoding="utf-8")):
            action, sha = ref.split("@")
            seen.setdefault(action, set()).add(f"{sha}{rest}")
    assert all(len(pins) == 1 for pins in seen.values()), seen


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target_and_no_stored_credentials(path):
    data = load(path)
    assert "pull_request_target" not in triggers(data)
    for job in data["jobs"].values():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_pull_requests_run_the_tests_once_with_preview_and_summary():
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    assert "pull_request" in triggers(ci)
    steps = ci["jobs"]["test"]["steps"]
    runs = " ".join(str(s.get("run", "")) for s in steps)
    assert "bash .ci/run" in runs and "scripts/changed_pages.py" in runs
    assert "GITHUB_STEP_SUMMARY" in runs
    # The content checks and the build run once, inside the tests, whose build is the preview.
    assert "make check" not in runs and "make site" not in runs
    tests = next(s for s in steps if s.get("run") == "bash .ci/run")
    upload = next(s for s in steps if "actions/upload-artifact@" in str(s.get("uses", "")))
    assert upload["with"]["path"].rstrip("/") == tests["env"]["SITE_PREVIEW_DIR"]
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci_run.index("make system-deps") < ci_run.index("make test")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_target = re.search(r"^test:(.*)$", makefile, re.MULTILINE)[1]
    assert "check" not in test_target.split() and "system-deps" not in test_target.split()


def cache_steps(path: Path) -> dict[str, set[str]]:
    """Cached paths by the cache action that uses them (actions/cache, .../restore, .../save)."""
    found: dict[str, set[str]] = {}
    for job in load(path)["jobs"].values():
        for step in job.get("steps", []):
            uses = str(step.get("uses", ""))
            if uses.startswith("actions/cache"):
                found.setdefault(uses.split("@")[0], set()).add(step["with"]["path"])
    return found


def test_caches_cannot_carry_anything_into_what_is_published():
    workflows = ROOT / ".github" / "workflows"
    # Pull requests only restore: nothing they run can leave an entry behind.
    assert cache_steps(workflows / "ci.yml") == {
        "actions/cache/restore": {"~/.cache/pip", ".cache/flyers"}
    }
    # Pages builds from nothing and only saves, for CI; the release uses no cache at all.
    assert cache_steps(workflows / "pages.yml") == {
        "actions/cache/save": {"~/.cache/pip", ".cache/flyers"}
    }
    assert cache_steps(workflows / "release.yml") == {}


@pytest.mark.parametrize("name", ["pages.yml", "release.yml"])
def test_qr_codes_are_read_back_after_the_build_and_before_publishing(name):
    steps = load(ROOT / ".github" / "workflows" / name)["jobs"]["build"]["steps"]
    runs = [str(step.get("run", "")) for step in steps]
    build, verify = runs.index("make site"), runs.index("make verify-qr")
    assert build < verify
    publish = next(
        i
        for i, step in enumerate(steps)
        if "upload" in str(step.get("uses", "")) or "release_files" in runs[i]
    )
    assert verify < publish
    assert steps[verify]["env"]["SITE_URL"] == steps[build]["env"]["SITE_URL"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^verify-qr: .*\n\t.*scripts/verify_qr\.py site$", makefile, re.MULTILINE)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_container_images_are_pinned_by_digest(path):
    for name, job in load(path)["jobs"].items():
        image = job.get("container")
        if image is not None:
            image = image["image"] if isinstance(image, dict) else image
            assert re.fullmatch(r"python:3\.11-bookworm@sha256:[0-9a-f]{64}", image), name


def test_zizmor_finds_nothing_and_runs_in_lint_and_pre_commit():
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "zizmor"), "--offline", ".github/workflows"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout + proc.stderr
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)[1]
    assert "zizmor --offline" in lint
    hooks = {h["id"]: h for h in load(ROOT / ".pre-commit-config.yaml")["repos"][0]["hooks"]}
    assert hooks["zizmor"]["entry"].endswith("zizmor --offline")


def test_mypy_finds_nothing_in_src_and_runs_in_lint():
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "mypy")],  # its files and settings: pyproject.toml
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success: no issues found" in proc.stdout
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)[1]
    assert "$(BIN)/mypy\n" in lint


def test_npm_runs_no_install_scripts():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"^\tnpm (?:ci|install)\b.*$", makefile, re.MULTILINE)
    assert installs and all("--ignore-scripts" in line for line in installs)


def test_pages_and_release_use_the_right_triggers():
    pages = load(ROOT / ".github" / "workflows" / "pages.yml")
    assert triggers(pages)["push"] == {"branches": ["main"]}
    assert pages["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    release = load(ROOT / ".github" / "workflows" / "release.yml")
    assert triggers(release)["push"] == {"tags": ["v*"]}


def test_dependabot_updates_pip_actions_and_npm():
    data = load(ROOT / ".github" / "dependabot.yml")
    assert {u["package-ecosystem"] for u in data["updates"]} == {"pip", "github-actions", "npm"}


def test_pre_commit_runs_the_content_checks_without_downloads():
    data = load(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in data["repos"]] == ["local"]
    hooks = {hook["id"]: hook for hook in data["repos"][0]["hooks"]}
    assert "scripts/check_content.py" in hooks["content-checks"]["entry"]
    assert {"ruff-check", "ruff-format"} <= set(hooks)
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
