"""Which files of docs/ may be published: pages, images, PDF and fonts that are what their names
say, clean SVG drawings and the project's own listed assets; names a web address carries as
they are. Everything else is named with the fix."""

from __future__ import annotations

import pytest

from tests.support.hostile_files import FILES, REFUSED_SVG, SVG_HEAD
from vneid_site.cache import KeptResults
from vneid_site.checks import published_files
from vneid_site.checks.published_files import published_problems, svg_code, unpublished
from vneid_site.web.own_assets import OWN_ASSETS


def write(docs, files: dict[str, bytes]) -> list[str]:
    for src, data in files.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_bytes(data)
    return list(files)


@pytest.mark.parametrize("src", FILES)
def test_each_file_is_published_or_refused_as_its_kind_says(tmp_path, src):
    data, phrase = FILES[src]
    problems = published_problems(tmp_path, write(tmp_path, {src: data}))
    if phrase is None:
        assert problems == []
    else:
        assert len(problems) == 1 and phrase in f"{problems[0].message} {problems[0].fix}"
        assert problems[0].message_vi and problems[0].fix_vi


def test_an_svg_is_published_only_when_it_is_plain_drawing(tmp_path):
    files = {f"{name}.svg": svg.encode() for name, (svg, _) in REFUSED_SVG.items()}
    problems = published_problems(tmp_path, write(tmp_path, files))
    assert {p.path for p in problems} == {f"docs/{src}" for src in files}


def test_an_svg_that_passed_is_not_parsed_again_until_its_bytes_change(tmp_path, monkeypatch):
    parsed: list[str] = []
    real = published_files.svg_problems
    monkeypatch.setattr(
        published_files,
        "svg_problems",
        lambda data, shown: parsed.append(shown) or real(data, shown),
    )
    docs, store = tmp_path / "docs", tmp_path / "cache" / "svg-passed.json"
    script, _ = REFUSED_SVG["script"]
    files = {"logo.svg": f'{SVG_HEAD}<rect width="4" height="4"/></svg>'.encode()}
    files["bad.svg"] = script.encode()

    def check() -> list[str]:
        passed = KeptResults(store, svg_code())  # as each build reads it
        found = published_problems(docs, write(docs, files), passed=passed)
        passed.save()
        return [problem.path for problem in found]

    docs.mkdir()
    assert check() == ["docs/bad.svg"]
    assert sorted(parsed) == ["docs/bad.svg", "docs/logo.svg"]
    assert check() == ["docs/bad.svg"]  # a refused file is checked, and named, every time
    assert sorted(parsed) == ["docs/bad.svg", "docs/bad.svg", "docs/logo.svg"]
    files["logo.svg"] = files["logo.svg"].replace(b"<rect", b'<rect onclick="alert(1)"')
    assert check() == ["docs/bad.svg", "docs/logo.svg"]  # new bytes: parsed, and refused


def test_the_own_assets_are_published_and_the_same_names_elsewhere_are_not(tmp_path):
    own = {src: b"/* own */" for src in OWN_ASSETS if not src.endswith(".svg")}
    assert published_problems(tmp_path, write(tmp_path, own)) == []
    assert len(published_problems(tmp_path, list(own), "overrides/", own=())) == len(own)


def test_vietnamese_names_get_their_own_message_and_a_folder_is_named_once(tmp_path):
    files = {"Hướng dẫn/a b.pdf": b"%PDF-", "Hướng dẫn/c.pdf": b"%PDF-", "x y.pdf": b"%PDF-"}
    problems = published_problems(tmp_path, write(tmp_path, files))
    assert [(p.path, p.message.split(",")[0]) for p in problems] == [
        ("docs/Hướng dẫn", "its name has Vietnamese letters with marks"),
        ("docs/x y.pdf", "its name has spaces or other characters"),
    ]
    assert "rename it to 'huong-dan'" in problems[0].fix
    assert "đổi tên thành 'x-y.pdf'" in problems[1].fix_vi


def test_what_mkdocs_leaves_out_by_default_is_not_checked():
    assert unpublished(".github/x.html") and unpublished("a/.hidden.js")
    assert unpublished("templates/x.html") and not unpublished("a/templates/x.html")
