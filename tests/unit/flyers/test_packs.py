"""What each pack holds and when it must be made again (flyers/packs.py), without Typst."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from vneid_site.flyers.packs import PackJob, PackSpec, office_folder, pack_path, plan_packs
from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.records import FlyerRecord, PosterRecord

SPEC = PackSpec("vi", "Trang thử", "Tác giả", Path("/site"), volume_size=2)
OFFICE = {"id": "phuong-5", "name": "Phường 5", "address": "", "phone": "", "hours": ""}


def record(n: int, body: float = 15.0) -> FlyerRecord:
    return FlyerRecord(
        page_url=f"p{n}/",
        title=f"Trang {n}",
        historical=False,
        paths=output_paths(f"p{n}/"),
        qr_key=f"qr{n}",
        flyer_key=f"flyer{n}",
        pdf_bytes=1,
        cached_pdf=None,
        base_key=f"base{n}",
        updated="01/12/2026",
        body_size=body,
        posters=(PosterRecord("a4", f"a4-{n}", 1, f"a4-base{n}"),
                 PosterRecord("a3", f"a3-{n}", 1, f"a3-base{n}")),
    )  # fmt: skip


RECORDS = tuple(record(n, body=15.0 if n != 2 else 12.0) for n in range(1, 6))


def keys(plan) -> dict[str, str]:
    return {pack.path: pack.key for pack in plan.packs}


def test_every_layout_in_volumes_with_the_pages_it_holds():
    plan = plan_packs(PackJob(SPEC, RECORDS), "fp")
    paths = [pack.path for pack in plan.packs]
    assert paths[:3] == [f"assets/flyers/print-pack-vi-a4-{n}.pdf" for n in (1, 2, 3)]
    assert paths[-1] == "assets/flyers/poster-pack-vi-a3-3.pdf"
    a4 = plan.packs[1]
    assert (a4.first, a4.last, a4.volume, a4.volumes) == (3, 4, 2, 3)
    assert [page.key for page in a4.pages] == ["flyer3", "flyer4"]
    a5 = next(p for p in plan.packs if p.layout == "a5x2" and p.volume == 1)
    # 12 pt at A5 is under the 10 pt floor: that flyer gets a whole A4 page.
    assert [(page.key, page.two_up) for page in a5.pages] == [("flyer1", True), ("flyer2", False)]
    a3 = next(p for p in plan.packs if p.layout == "poster-a3" and p.volume == 1)
    assert [page.key for page in a3.pages] == ["a3-1", "a3-2"]
    assert plan.boxes is None and [p["layout"] for p in plan.contents["packs"]][::3] == [
        "a4",
        "a5x2",
        "poster-a4",
        "poster-a3",
    ]


def test_an_office_s_packs_hold_the_pages_made_without_a_box_and_its_own_box():
    plan = plan_packs(PackJob(SPEC, RECORDS, office=OFFICE), "fp")
    assert all(pack.path.startswith(office_folder("phuong-5") + "/") for pack in plan.packs)
    assert [page.key for page in plan.packs[0].pages] == ["base1", "base2"]
    poster = next(p for p in plan.packs if p.layout == "poster-a4")
    assert [page.key for page in poster.pages] == ["a4-base1", "a4-base2"]
    assert plan.boxes is not None and plan.boxes["office"] == OFFICE
    assert plan.contents["office_space"] is True
    # Every office shares the contents; each has its own box and packs.
    other = plan_packs(PackJob(SPEC, RECORDS, office={**OFFICE, "id": "xa-1"}), "fp")
    assert other.contents_key == plan.contents_key and other.boxes_key != plan.boxes_key


def test_a_changed_flyer_remakes_only_the_packs_that_hold_it():
    before = keys(plan_packs(PackJob(SPEC, RECORDS), "fp"))
    edited = list(RECORDS)
    edited[2] = replace(edited[2], flyer_key="flyer3-new")  # page 3: volume 2, flyers only
    after = keys(plan_packs(PackJob(SPEC, tuple(edited)), "fp"))
    changed = sorted(path for path in before if before[path] != after[path])
    assert changed == [
        "assets/flyers/print-pack-vi-a4-2.pdf",
        "assets/flyers/print-pack-vi-a5x2-2.pdf",
    ]


def test_a_new_title_remakes_only_the_packs_that_list_it():
    before = keys(plan_packs(PackJob(SPEC, RECORDS), "fp"))
    edited = list(RECORDS)
    edited[4] = replace(edited[4], title="Trang 5 mới")  # volume 3 of every layout
    after = keys(plan_packs(PackJob(SPEC, tuple(edited)), "fp"))
    changed = {path for path in before if before[path] != after[path]}
    assert changed and all(path.endswith("-3.pdf") for path in changed)
    assert len(changed) == 4


def test_the_template_and_the_office_s_row_change_every_pack():
    base = keys(plan_packs(PackJob(SPEC, RECORDS, office=OFFICE), "fp"))
    other_template = keys(plan_packs(PackJob(SPEC, RECORDS, office=OFFICE), "fp2"))
    moved = keys(plan_packs(PackJob(SPEC, RECORDS, office={**OFFICE, "phone": "0000"}), "fp"))
    assert all(base[p] != other_template[p] and base[p] != moved[p] for p in base)


def test_one_volume_is_named_without_a_number():
    assert pack_path("vi", "a4", 1, 1, "assets/flyers") == "assets/flyers/print-pack-vi-a4.pdf"
    assert pack_path("en", "poster-a3", 2, 3, office_folder("x")) == (
        "assets/flyers/offices/x/poster-pack-en-a3-2.pdf"
    )
    plan = plan_packs(PackJob(replace(SPEC, volume_size=50), RECORDS), "fp")
    assert [pack.path for pack in plan.packs] == [
        "assets/flyers/print-pack-vi-a4.pdf",
        "assets/flyers/print-pack-vi-a5x2.pdf",
        "assets/flyers/poster-pack-vi-a4.pdf",
        "assets/flyers/poster-pack-vi-a3.pdf",
    ]
    assert all((p.first, p.last, p.volume, p.volumes) == (1, 5, 1, 1) for p in plan.packs)


def test_the_cache_entries_a_plan_needs_are_its_sheets_and_its_packs():
    site = plan_packs(PackJob(SPEC, RECORDS), "fp")
    assert site.entries() == [
        (site.contents_key, ".pdf"),
        (site.contents_key, ".json"),
        *[(pack.key, ".pdf") for pack in site.packs],
    ]
    office = plan_packs(PackJob(SPEC, RECORDS, office=OFFICE), "fp")
    assert (office.boxes_key, ".pdf") in office.entries()
    assert (office.boxes_key, ".json") in office.entries()
    assert len(office.entries()) == 4 + len(office.packs)
