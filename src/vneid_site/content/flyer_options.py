"""The `flyer` front matter of a page: what its flyer and poster print. Problems are worded
in English and Vietnamese, as front_matter.py words them."""

from __future__ import annotations

import re
from typing import Any, Protocol

from vneid_site.content import schema
from vneid_site.content.html_policy import host_of, lookalike_host
from vneid_site.content.schema import (
    MAX_EXTRA_QR,
    MAX_POSTER_STEP,
    MAX_POSTER_STEPS,
    MAX_QR_URL,
    ExtraQr,
    FlyerOptions,
    Spec,
)


class Checker(Protocol):
    """What front_matter.py's checker offers: records a problem at a key's line."""

    def add(self, keys: tuple[str, ...], en: tuple[str, str], vi: tuple[str, str]) -> None: ...

    def mapping(self, raw: Any, spec: Spec, keys: tuple[str, ...]) -> dict[str, Any]: ...

    def items(self, raw: list[Any], spec: Spec, keys: tuple[str, ...]) -> list[dict[str, Any]]: ...


def _steps(check: Checker, raw: str | list[Any]) -> tuple[str, ...]:
    """One heading, or a list of headings, each printed with its numbered list."""
    names = [raw] if isinstance(raw, str) else raw
    good = tuple(name.strip() for name in names if isinstance(name, str) and name.strip())
    if len(good) != len(names) or (isinstance(raw, list) and not raw):
        check.add(
            ("flyer", "steps"),
            (
                "flyer.steps must be a heading or a list of headings",
                "e.g. steps: [Steps, Activate]",
            ),
            (
                "flyer.steps phải là một tiêu đề mục hoặc danh sách tiêu đề mục",
                "ví dụ steps: [Các bước thực hiện, Kích hoạt tài khoản]",
            ),
        )
    return good


def flyer_options(check: Checker, raw: Any) -> FlyerOptions:
    fly = check.mapping(raw, schema.FLYER, ("flyer",))
    qrs = check.items(fly.get("qr", []), schema.QR, ("flyer", "qr"))
    if len(qrs) > MAX_EXTRA_QR:
        check.add(
            ("flyer", "qr"),
            (
                f"flyer.qr lists {len(qrs)} codes; a flyer has room for {MAX_EXTRA_QR} besides "
                "the page's own",
                f"keep the {MAX_EXTRA_QR} that matter most; link the others from the page",
            ),
            (
                f"flyer.qr có {len(qrs)} mã; tờ rơi chỉ đủ chỗ cho {MAX_EXTRA_QR} mã ngoài mã "
                "của trang",
                f"giữ {MAX_EXTRA_QR} mã quan trọng nhất; địa chỉ khác thì đặt liên kết trong trang",
            ),
        )
    for i, qr in enumerate(qrs):
        url = qr.get("url")
        if url is None:
            continue
        where = ("flyer", "qr", str(i), "url")
        host = host_of(url)
        if len(url) > MAX_QR_URL:
            check.add(
                where,
                (
                    f"flyer.qr.{i}.url is {len(url)} characters long; a printed QR code "
                    f"holds at most {MAX_QR_URL} and still scans",
                    "use the shortest official address of that page (no tracking parameters)",
                ),
                (
                    f"flyer.qr.{i}.url dài {len(url)} ký tự; mã QR in ra chỉ chứa được "
                    f"tối đa {MAX_QR_URL} ký tự mà vẫn quét được",
                    "dùng địa chỉ chính thức ngắn nhất của trang đó (bỏ các tham số theo dõi)",
                ),
            )
        # No host: an address that cannot be parsed ("https://[abc/x") opens nothing.
        elif not re.fullmatch(r"https?://[^\s/]+\S*", url) or host is None:
            check.add(
                where,
                (
                    f"flyer.qr.{i}.url '{url}' is not an absolute address",
                    "write the full address, starting with https://",
                ),
                (
                    f"flyer.qr.{i}.url '{url}' không phải địa chỉ đầy đủ",
                    "viết đủ địa chỉ, bắt đầu bằng https://",
                ),
            )
        elif lookalike_host(host):
            # A printed code is followed without seeing the address: no imitation letters.
            check.add(
                where,
                (
                    f"flyer.qr.{i}.url '{url}' uses look-alike letters in its host name",
                    "write the address in plain Latin letters, as the organisation publishes it",
                ),
                (
                    f"flyer.qr.{i}.url '{url}' có tên miền dùng chữ giả dạng",
                    "viết địa chỉ bằng chữ Latinh thường, đúng như cơ quan công bố",
                ),
            )
    return FlyerOptions(
        enabled=fly.get("enabled", True),
        summary=fly.get("summary"),
        steps=_steps(check, fly.get("steps", ())),
        note=fly.get("note", ""),
        qr=tuple(ExtraQr(q.get("label", ""), q.get("url", "")) for q in qrs),
        poster_steps=_poster_steps(check, fly.get("poster_steps", [])),
    )


def _poster_steps(check: Checker, raw: list[Any]) -> tuple[str, ...]:
    """At most MAX_POSTER_STEPS short texts, which a poster prints in large type."""
    good = tuple(" ".join(s.split()) for s in raw if isinstance(s, str) and s.strip())
    where = ("flyer", "poster_steps")
    if len(good) != len(raw) or len(good) > MAX_POSTER_STEPS:
        check.add(
            where,
            (
                f"flyer.poster_steps must be a list of 1 to {MAX_POSTER_STEPS} short texts",
                "e.g. poster_steps: [Install VNeID from the App Store or CH Play., ...]",
            ),
            (
                f"flyer.poster_steps phải là danh sách 1 đến {MAX_POSTER_STEPS} câu ngắn",
                "ví dụ poster_steps: [Cài VNeID từ App Store hoặc CH Play., ...]",
            ),
        )
    for i, step in enumerate(good):
        if len(step) > MAX_POSTER_STEP:
            check.add(
                (*where, str(i)),
                (
                    f"flyer.poster_steps.{i} is {len(step)} characters long; a poster step "
                    f"reads from two metres in at most {MAX_POSTER_STEP}",
                    "say it in fewer words; the page, one scan away, has the details",
                ),
                (
                    f"flyer.poster_steps.{i} dài {len(step)} ký tự; một bước trên áp phích "
                    f"chỉ nên dài tối đa {MAX_POSTER_STEP} ký tự để đọc được từ xa hai mét",
                    "viết ngắn hơn; chi tiết có ở trang web, quét mã là thấy",
                ),
            )
    return good
