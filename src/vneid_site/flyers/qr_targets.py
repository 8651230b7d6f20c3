"""Where a printed QR code may send people: a code is followed without seeing its address, so
each extra code of a flyer (`flyer.qr`) opens an https address, without a user name, on a host
that mkdocs.yml allows (`extra.flyers.qr_hosts`, and the site's own host). The build, the
content checks and scripts/verify_qr.py read codes by these same rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vneid_site import urls
from vneid_site.content.front_matter import key_line, parse_page_meta
from vneid_site.content.problems import Problem
from vneid_site.content.schema import ExtraQr

# The hosts of the national services the guides send people to; the site's own is added.
DEFAULT_QR_HOSTS = ("dichvucong.gov.vn", "vneid.gov.vn")
_WHERE = "extra.flyers.qr_hosts in mkdocs.yml"


def host_name_problem(host: str) -> str | None:
    """Why an entry of qr_hosts is no host name ("https://x/", "a b"), or None."""
    parsed = urls.host_of(f"https://{host}/")
    if not host or parsed is None or parsed != host.lower() or host.endswith("."):
        return f"'{host}' is not a host name; expected e.g. dichvucong.gov.vn"
    return None


def allowed_hosts(site_url: str | None, listed: Iterable[str]) -> frozenset[str]:
    """The hosts codes may open: those listed, and the site's own."""
    hosts = {host.lower() for host in listed}
    if site_url and (own := urls.host_of(site_url)):
        hosts.add(own)
    return frozenset(hosts)


def target_problem(url: str, hosts: frozenset[str]) -> tuple[str, str] | None:
    """Why a code may not open `url` (in English and Vietnamese), or None."""
    address = urls.parse(url)
    tricks = urls.tricks(url)
    if address.scheme != "https":
        return (
            "QR codes open https:// addresses only",
            "mã QR chỉ được mở địa chỉ https://",
        )
    if address.host is None:
        return ("it is not a web address browsers can open", "đây không phải địa chỉ web hợp lệ")
    if tricks:
        what = {
            "bidi": ("it holds bidi control characters", "nó chứa ký tự điều khiển hướng chữ"),
            "backslash": ("it holds a backslash (\\)", "nó chứa dấu gạch chéo ngược (\\)"),
            "slashes": (
                "its scheme is not followed by exactly two slashes",
                "sau https: không phải đúng hai dấu gạch chéo",
            ),
            "userinfo": (
                "it has a user name before '@', which hides the host it opens",
                "nó có tên người dùng trước dấu '@', che mất tên miền thật",
            ),
            "trailing-dot": ("its host name ends in '.'", "tên miền của nó kết thúc bằng dấu '.'"),
            "scheme-relative": ("it has no scheme", "nó thiếu https:"),
        }
        return what[tricks[0]]
    if not any(urls.same_site(address.host, host) for host in hosts):
        listed = ", ".join(sorted(hosts))
        return (
            f"its host {address.host} is not one codes may open ({listed})",
            f"tên miền {address.host} không nằm trong danh sách mã QR được mở ({listed})",
        )
    return None


def target_problems(
    qrs: Sequence[ExtraQr], source: str, shown: str, hosts: frozenset[str]
) -> list[Problem]:
    """The extra codes of one page (`flyer.qr`) that may not be printed, each at its line."""
    problems = []
    for i, qr in enumerate(qrs):
        why = target_problem(qr.url, hosts)
        if why is None:
            continue
        problems.append(
            Problem(
                shown,
                key_line(source, ("flyer", "qr", str(i), "url")),
                f"flyer.qr.{i}.url '{qr.url}' may not be printed as a QR code: {why[0]}",
                "use the official https:// address of a host listed under "
                f"{_WHERE}, or add its host there after review",
                f"flyer.qr.{i}.url '{qr.url}' không được in thành mã QR: {why[1]}",
                "dùng địa chỉ https:// chính thức của một tên miền có trong "
                f"{_WHERE}, hoặc thêm tên miền đó vào danh sách sau khi xem xét",
            )
        )
    return problems


def page_target_problems(source: str, shown: str, hosts: frozenset[str]) -> list[Problem]:
    """`target_problems` of a page's source; none when its front matter cannot be read (the
    front matter checks say why)."""
    meta, _ = parse_page_meta(source, shown)
    if meta is None:
        return []
    return target_problems(meta.flyer.qr, source, shown, hosts)
