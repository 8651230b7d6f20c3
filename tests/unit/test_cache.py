from __future__ import annotations

import os
import time
from importlib.metadata import version
from pathlib import Path

import pytest

from vneid_site import cache as cache_module
from vneid_site.atomic_write import write_bytes_atomic
from vneid_site.cache import FileCache, KeptResults, code_digest, digest


def test_round_trip_and_miss(tmp_path):
    cache = FileCache(tmp_path)
    assert cache.get("ab" * 32, ".pdf") is None
    cache.put("ab" * 32, ".pdf", b"%PDF-1.7 data")
    assert cache.get("ab" * 32, ".pdf") == b"%PDF-1.7 data"
    assert cache.get("ab" * 32, ".png") is None


def test_corrupt_or_incomplete_entry_is_a_miss(tmp_path):
    cache = FileCache(tmp_path)
    key = "cd" * 32
    cache.put(key, ".pdf", b"good bytes")
    entry = next(tmp_path.rglob("*.pdf"))
    entry.write_bytes(b"good byteS")
    assert cache.get(key, ".pdf") is None
    cache.put(key, ".pdf", b"good bytes")
    next(tmp_path.rglob("*.sha256")).unlink()
    assert cache.get(key, ".pdf") is None


def test_an_entry_written_to_a_file_is_stored_and_checked_as_one_put(tmp_path):
    cache = FileCache(tmp_path)
    key = "ef" * 32

    def write(handle):
        handle.write(b"%PDF-1.7 ")
        handle.write(b"written by a library" * 1000)

    size = cache.put_written(key, ".pdf", write)
    data = b"%PDF-1.7 " + b"written by a library" * 1000
    assert size == len(data)
    assert FileCache(tmp_path).get(key, ".pdf") == data  # its check file matches its bytes
    assert cache.size(key, ".pdf") == len(data)


def test_a_write_that_fails_leaves_no_entry_and_no_temporary_file(tmp_path):
    cache = FileCache(tmp_path)
    key = "0f" * 32

    def write(handle):
        handle.write(b"half a PDF")
        raise ValueError("qpdf could not write it")

    with pytest.raises(ValueError, match="qpdf"):
        cache.put_written(key, ".pdf", write)
    assert cache.get(key, ".pdf") is None
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_digest_separates_parts():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest(b"x") == digest("x")


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "a" / "b.bin"
    write_bytes_atomic(target, b"1")
    write_bytes_atomic(target, b"2")
    assert target.read_bytes() == b"2"
    assert [p.name for p in target.parent.iterdir()] == ["b.bin"]


def test_sweep_removes_temporary_files_of_a_killed_build_but_not_of_a_running_one(tmp_path):
    cache = FileCache(tmp_path)
    cache.put("ef" * 32, ".pdf", b"kept")
    old = tmp_path / "ef" / ".x.pdf.abc123.tmp"
    old.write_bytes(b"half a file")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / "ef" / ".y.pdf.def456.tmp"
    fresh.write_bytes(b"being written")
    assert cache.sweep() == 1
    assert not old.exists() and fresh.exists()
    assert cache.get("ef" * 32, ".pdf") == b"kept"
    assert FileCache(tmp_path / "missing").sweep() == 0


def test_a_cache_is_swept_once_a_minute_by_a_process(tmp_path, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(cache_module.time, "monotonic", lambda: clock[0])
    stale = tmp_path / "ab" / ".x.pdf.1.tmp"
    stale.parent.mkdir()

    def leave_stale() -> None:
        stale.write_bytes(b"half")
        os.utime(stale, (time.time() - 3600, time.time() - 3600))

    leave_stale()
    assert FileCache(tmp_path).sweep() == 1
    leave_stale()
    clock[0] += cache_module.SWEEP_AGAIN_SECONDS - 1  # the build's next language
    assert FileCache(tmp_path).sweep() == 0 and stale.exists()
    clock[0] += 2  # a later build of `mkdocs serve`
    assert FileCache(tmp_path).sweep() == 1 and not stale.exists()


def test_a_verified_entry_is_trusted_until_its_size_or_time_changes(tmp_path):
    key = "ab" * 32
    writer = FileCache(tmp_path)
    writer.put(key, ".pdf", b"%PDF flyer")
    writer.save_index()
    cache = FileCache(tmp_path)  # the next build
    assert cache.valid(key, ".pdf")
    entry = cache.path(key, ".pdf")
    # Same size, same time, other bytes (as no build would write): trusted without a read.
    stat = entry.stat()
    entry.write_bytes(b"%PDF flyeR")
    os.utime(entry, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cache.valid(key, ".pdf")
    # A torn write changes the size and the time: hashed again, and refused.
    entry.write_bytes(b"%PDF fl")
    assert not cache.valid(key, ".pdf")
    assert not FileCache(tmp_path).valid(key, ".png")


def test_a_worker_adds_a_line_a_save_and_a_torn_last_line_is_left_out(tmp_path):
    first, second, third = ("ab" * 32, "cd" * 32, "ef" * 32)
    worker = FileCache(tmp_path, fragment="7")
    worker.put(first, ".pdf", b"%PDF one")
    worker.save_index()
    worker.put(second, ".pdf", b"%PDF two")
    worker.save_index()
    worker.save_index()  # nothing new: nothing written
    fragment = tmp_path / "verified-7.json"
    assert len(fragment.read_bytes().splitlines()) == 2
    # A worker stopped while writing its next line leaves half of it.
    worker.put(third, ".pdf", b"%PDF three")
    with fragment.open("ab") as out:
        out.write(b'{"' + third.encode() + b'.pdf":[1')
    main = FileCache(tmp_path)
    index = main.load_index()
    assert f"{first}.pdf" in index and f"{second}.pdf" in index
    assert f"{third}.pdf" not in index
    # The entry itself is whole: it is hashed when met, and trusted from then on.
    assert main.valid(third, ".pdf") and f"{third}.pdf" in main.load_index()
    main.save_index()
    assert not fragment.exists()
    assert f"{third}.pdf" in FileCache(tmp_path).load_index()


def test_two_caches_of_one_folder_keep_what_each_other_saved(tmp_path):
    # Two languages' builds, both open, the second saved last: neither loses the other's.
    first, second, third = ("ab" * 32, "cd" * 32, "ef" * 32)
    vi, en = FileCache(tmp_path), FileCache(tmp_path)
    assert vi.load_index() == en.load_index() == {}
    worker = FileCache(tmp_path, fragment="7")
    worker.put(first, ".pdf", b"%PDF one")
    worker.save_index()
    vi.put(second, ".pdf", b"%PDF two")
    vi.save_index()  # folds the worker's file in, and removes it
    en.put(third, ".pdf", b"%PDF three")
    en.save_index()
    index = FileCache(tmp_path).load_index()
    assert {f"{key}.pdf" for key in (first, second, third)} <= set(index)


def test_placing_an_entry_again_leaves_the_file_and_no_temporary_link(tmp_path):
    # A page whose flyer came from the cache but whose preview did not is placed twice in one
    # build (by the MkDocs process, then by the worker); rename() between two links to the
    # same file does nothing, so a temporary link must not be left in the site.
    cache = FileCache(tmp_path / "cache")
    key = "ef" * 32
    cache.put(key, ".pdf", b"%PDF flyer")
    dest = tmp_path / "site" / "page" / "flyer.pdf"
    for _ in range(2):
        cache.place(key, ".pdf", dest)
    assert sorted(p.name for p in dest.parent.iterdir()) == ["flyer.pdf"]
    assert dest.read_bytes() == b"%PDF flyer"
    cache.put(key, ".pdf", b"%PDF other")  # a new entry under the same name: replaced
    cache.place(key, ".pdf", dest)
    assert dest.read_bytes() == b"%PDF other"
    assert sorted(p.name for p in dest.parent.iterdir()) == ["flyer.pdf"]


def test_kept_results_are_kept_for_the_next_build_by_their_digest_and_the_code(tmp_path):
    path = tmp_path / "passed.json"
    first = KeptResults(path, "code 1")
    for text in ("a", "b"):
        assert first.get(first.key(text)) is None
        first.keep(first.key(text), text.upper())
    first.save()
    second = KeptResults(path, "code 1")
    assert second.get(second.key("a")) == "A" and second.get(second.key("c")) is None
    second.save()  # only what this build met: "b" is gone
    assert KeptResults(path, "code 1").get(second.key("b")) is None
    assert KeptResults(path, "code 2").get(KeptResults(path, "code 2").key("a")) is None
    for saved in (b"{not json", b'{"a": 1}', b"[1, 2]", b"\xff\xfe"):
        path.write_bytes(saved)
        assert KeptResults(path, "code 1").get(second.key("a")) is None


def test_a_code_digest_covers_each_module_s_source_and_each_package_s_version():
    from vneid_site import urls

    modules = ("vneid_site.urls", "vneid_site.atomic_write")
    sources = [
        Path(urls.__file__).read_bytes(),
        (Path(urls.__file__).parent / "atomic_write.py").read_bytes(),
    ]
    assert code_digest(modules) == digest(*sources)
    assert code_digest(modules, ("nh3",)) == digest(*sources, f"nh3 {version('nh3')}")
    assert code_digest(modules[:1]) != code_digest(modules)
    with pytest.raises(ModuleNotFoundError):
        code_digest(("vneid_site.no_such_module",))


def test_only_data_that_passed_a_check_is_kept_and_a_problem_is_found_every_time(tmp_path):
    path, runs = tmp_path / "passed.json", []

    def check(data: str) -> list[str]:
        runs.append(data)
        return ["too long"] if len(data) > 3 else []

    for _ in range(2):  # two builds
        kept = KeptResults(path, "code")
        assert kept.problems("ok", lambda: check("ok")) == []
        assert kept.problems("long", lambda: check("long")) == ["too long"]
        kept.save()
    assert runs == ["ok", "long", "long"]  # "ok" was checked by the first build only
