"""Making a job's packs: Typst lays out the pages only packs have (each pack's contents, once a
language for every office; an office's boxes, once an office), and each pack is put together
from them and the flyers' and posters' own PDFs, copied whole (pdf_pages.py)."""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from vneid_site.flyers.packs import Pack, PackJob, PackPlan, PlannedPack, plan_packs
from vneid_site.flyers.render import FlyerError

if TYPE_CHECKING:
    from vneid_site.flyers.outputs import PageOutputBuilder
    from vneid_site.flyers.pdf_pages import Draw

A4 = (595.2756, 841.8898)  # points, portrait
A3_SCALE = math.sqrt(2)  # an A3 poster and its pack's contents are the A4 ones times this
A5_SCALE = 148.5 / 210  # a flyer in the two-up pack
# The cutting line down the middle of a two-up sheet: grey, dashed.
CUT = b"q 0.5882 G 1 w [3 3] 0 d %.4f 0 m %.4f %.4f l S Q\n" % (A4[1] / 2, A4[1] / 2, A4[0])


@dataclass(frozen=True)
class PackResult:
    """A job's packs, and for an office how many of its flyers are new this build."""

    office_id: str | None
    packs: list[tuple[Pack, bool]]  # (pack, made by this build)
    built: int = 0  # office flyers (a page's flyer and posters with the office's box)
    cached: int = 0


def office_flyers(job: PackJob, boxes_built: bool) -> tuple[int, int]:
    """(new, unchanged) office flyers: a page's flyer with the office's box is new when the
    page's flyer or posters are, or the office's box."""
    if job.office is None:
        return 0, 0
    held = [record for record in job.records if record.base_key]
    built = sum(1 for record in held if record.fresh or boxes_built)
    return built, len(held) - built


def packs_in_cache(builder: PageOutputBuilder, job: PackJob) -> PackResult | None:
    """The job's packs placed from the cache, or None when any must be made."""
    plan = plan_packs(job, builder.flyer_key)
    if not all(builder.cache.valid(key, suffix) for key, suffix in plan.entries()):
        return None
    return _result(builder, job, plan, set(), boxes_built=False)


def make_packs(builder: PageOutputBuilder, job: PackJob) -> PackResult:
    """Make what the job's packs lack, and place them."""
    # pikepdf (17 MB, 80 ms to import) only in a process that makes packs.
    from vneid_site.flyers.pdf_pages import PdfPagesError

    plan = plan_packs(job, builder.flyer_key)
    who = job.office["id"] if job.office else "site"
    contents, _ = _sheets(
        builder, plan.contents_key, plan.contents, f"print packs ({job.spec.lang})"
    )
    boxes: dict[str, Any] = {}
    boxes_built = False
    if plan.boxes_key is not None:
        src = f"{job.src} ({who}, {job.spec.lang})"
        boxes, boxes_built = _sheets(builder, plan.boxes_key, plan.boxes, src)
    made = set()
    for pack in plan.packs:
        if builder.cache.valid(pack.key, ".pdf"):
            continue
        try:
            builder.cache.put_written(
                pack.key,
                ".pdf",
                functools.partial(_assemble, builder, job, plan, pack, contents, boxes),
            )
        except PdfPagesError as err:
            raise FlyerError(
                f"print pack {pack.path}: {err}\n"
                "fix: build again; if it fails again, delete the flyer cache (.cache/flyers)"
            ) from None
        made.add(pack.key)
    return _result(builder, job, plan, made, boxes_built)


def _result(
    builder: PageOutputBuilder, job: PackJob, plan: PackPlan, made: set[str], boxes_built: bool
) -> PackResult:
    packs = []
    folder = job.spec.site_dir / job.folder
    folder.mkdir(parents=True, exist_ok=True)  # where every pack of the job goes
    for p in plan.packs:
        size = builder.cache.size(p.key, ".pdf") or 0
        builder.cache.place(p.key, ".pdf", job.spec.site_dir / p.path, folder_exists=True)
        pack = Pack(p.layout, p.path, size, p.first, p.last, p.volume, p.volumes)
        packs.append((pack, p.key in made))
    built, cached = office_flyers(job, boxes_built)
    return PackResult(job.office["id"] if job.office else None, packs, built, cached)


def _sheets(
    builder: PageOutputBuilder, key: str, data: Any, src: str
) -> tuple[dict[str, Any], bool]:
    """What Typst reports of the pack pages `data` asks for (compiled on a miss, and kept beside
    them): where each pack's contents and each box are. (report, made now)"""
    report = builder.cache.get(key, ".json")
    if report is not None and builder.cache.valid(key, ".pdf"):
        return json.loads(report), False
    renderer = builder.renderer
    pdf = renderer.compile("pack.typ", data, src=src, standards=[])
    if data.get("packs"):
        found = {"packs": renderer.query("<pack-info>"), "space": renderer.query("<office-space>")}
    else:
        found = {"boxes": renderer.query("<box-info>")}
    builder.cache.put(key, ".pdf", pdf)
    builder.cache.put(key, ".json", json.dumps(found).encode())
    return found, True


def _read(builder: PageOutputBuilder, key: str) -> bytes:
    from vneid_site.flyers.pdf_pages import PdfPagesError

    data = builder.cache.get(key, ".pdf")
    if data is None:
        raise PdfPagesError(f"the cache entry {key[:12]} is missing or damaged")
    return data


def _assemble(
    builder: PageOutputBuilder,
    job: PackJob,
    plan: PackPlan,
    pack: PlannedPack,
    contents: dict[str, Any],
    boxes: dict[str, Any],
    dest: BinaryIO,
) -> None:
    """Write one pack's PDF to the file `dest`: its contents pages, then its flyers or
    posters, laid out as pack-lib.typ numbers them (pack-positions)."""
    from vneid_site.flyers.pdf_pages import Draw, PdfBuilder

    forms = builder.forms
    out = PdfBuilder(forms)  # where the flyers are already copied, from the last pack

    def add(key: str, page: int, share: bool = True) -> int:
        return out.add_form(forms.form(key, lambda: _read(builder, key), page), share=share)

    flyers = [(add(page.key, 0), page) for page in pack.pages]
    info = next(p for p in contents["packs"] if p["number"] == pack.number)
    index = [add(plan.contents_key, n - 1) for n in range(info["first"], info["last"] + 1)]
    box: dict[str, int] = {}
    places: dict[str, dict[str, float]] = {}  # where each box sits on its page (points)
    if plan.boxes_key is not None:
        # An office's boxes are its packs' alone: their fonts are not compared with others.
        box = {b["box"]: add(plan.boxes_key, b["page"] - 1, False) for b in boxes["boxes"]}
        places = {b["box"]: b for b in boxes["boxes"]}
    poster = pack.layout.startswith("poster-")
    scale = A3_SCALE if pack.layout == "poster-a3" else 1.0

    # The contents, an office's box in the room left for it on the first page.
    for n, number in enumerate(index):
        form = forms.form(
            plan.contents_key, lambda: _read(builder, plan.contents_key), info["first"] - 1 + n
        )
        draws = [Draw(number)]
        space = [s for s in contents["space"] if s["number"] == pack.number]
        if n == 0 and space and "flyer" in box:
            # The flyer's box, its top left corner moved to that of the room left for it.
            at = places["flyer"]
            x = space[0]["x"] - at["x"] * scale
            y = form.height - space[0]["y"] - (A4[1] - at["y"]) * scale
            draws.append(Draw(box["flyer"], scale, x, y))
        out.add_page(form.width, form.height, draws)

    def overlay(number: int, at: Draw) -> list[Draw]:
        """A flyer or poster, and over it the office's box, placed alike."""
        kind = "poster" if poster else "flyer"
        draws = [at]
        if kind in box:
            draws.append(Draw(box[kind], at.scale * (scale if poster else 1.0), at.x, at.y))
        return draws

    if pack.layout == "a5x2":
        halves = [number for number, page in flyers if page.two_up]
        wholes = [number for number, page in flyers if not page.two_up]
        top = A4[0] - A4[1] * A5_SCALE  # each half hangs from the sheet's top edge
        for i in range(0, len(halves), 2):
            draws = []
            for side, number in enumerate(halves[i : i + 2]):
                draws += overlay(number, Draw(number, A5_SCALE, side * A4[1] / 2, top))
            out.add_page(A4[1], A4[0], draws, CUT)
        for number in wholes:
            out.add_page(*A4, overlay(number, Draw(number)))
    else:
        for number, page in flyers:
            form = forms.form(page.key, functools.partial(_read, builder, page.key), 0)
            out.add_page(form.width, form.height, overlay(number, Draw(number)))

    name = f"{info['name']} — {job.spec.site_name}"
    if job.office:
        name += f" — {job.office['name']}"
    title = name + info["volume"]
    out.write(dest, title=title, author=job.spec.author, lang=job.spec.lang, ident=pack.key)
