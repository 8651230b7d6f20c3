"""A synthetic bilingual site of N realistic pages per language, for the benchmark."""

from __future__ import annotations

import random

from tests.support.sitebuild import page

VI_WORDS = (
    "đăng ký tài khoản định danh điện tử mức hai tại cơ quan công an cấp xã người dân "
    "thực hiện thủ tục hành chính trực tuyến trên cổng dịch vụ công quốc gia căn cước "
    "công dân số điện thoại chính chủ ứng dụng điện thoại quét mã xác thực khuôn mặt "
    "hồ sơ đã nộp trước đó liên kết tài khoản cập nhật thông tin cơ sở dữ liệu dân cư "
    "hướng dẫn chi tiết tổ công nghệ số cộng đồng trung tâm hành chính công tỉnh"
).split()
EN_WORDS = (
    "register the electronic identification account level two at the commune police "
    "citizens carry out administrative procedures online on the national public service "
    "portal identity card mobile number in their own name app scan the code verify face "
    "applications filed before link the account update the population database guide"
).split()


def _sentence(rng: random.Random, words: tuple[str, ...] | list[str], n: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def page_source(i: int, lang: str, rng: random.Random) -> str:
    words = VI_WORDS if lang == "vi" else EN_WORDS
    steps_title = "Các bước thực hiện" if lang == "vi" else "Steps"
    title = _sentence(rng, words, 6).rstrip(".") + f" {i}"
    summary = _sentence(rng, words, 14)
    document = ""
    if i % 10 == 0:  # every tenth page is an official document, as the real site has one
        document = (
            "document:\n  issuer: Sở Thông tin và Truyền thông\n"
            f'  number: "{i}/STTTT-TTCNTT"\n  place: Bình Dương\n  date: ngày tháng năm 2024\n'
            "  subject: V/v hướng dẫn sử dụng tài khoản định danh điện tử\n"
            "validity:\n  status: historical\n  notes:\n"
            "    - text: Nghị định đã được thay thế.\n      source: thuvienphapluat.vn\n"
        )
    steps = "\n".join(f"{n}. {_sentence(rng, words, rng.randint(8, 18))}" for n in range(1, 7))
    paragraphs = "\n\n".join(_sentence(rng, words, rng.randint(20, 40)) for _ in range(4))
    table = "| Mức | Nơi đăng ký | Dùng để |\n|---|---|---|\n" + "\n".join(
        f"| {n} | {_sentence(rng, words, 4)} | {_sentence(rng, words, 6)} |" for n in (1, 2)
    )
    # The large-print poster's steps, short as authors write them (no draw from `rng`: the
    # pages stay those of earlier benchmarks).
    poster = "".join(
        f"    - {' '.join(words[6 * k : 6 * k + 6]).capitalize()} ({i}).\n" for k in range(3)
    )
    return (
        f"---\ntitle: {title}\ndescription: {summary}\n{document}"
        f"flyer:\n  summary: {summary}\n  steps: {steps_title}\n  poster_steps:\n{poster}---\n\n"
        f"{paragraphs}\n\n{table}\n\n## {steps_title}\n\n{steps}\n\n"
        f'!!! warning "Lưu ý"\n    {_sentence(rng, words, 16)}\n\n'
        f"## {'Câu hỏi thường gặp' if lang == 'vi' else 'Questions'}\n\n"
        f"### {_sentence(rng, words, 5)}\n\n{_sentence(rng, words, 25)}\n"
    )


def site_pages(n: int, seed: int = 7) -> dict[str, str]:
    """n pages per language, plus the home pages: docs path -> Markdown source."""
    rng = random.Random(seed)
    pages = {
        "index.md": page("Trang chủ", "Trang thử.", "Trang thử."),
        "index.en.md": page("Home", "Test site.", "Test site."),
    }
    for i in range(1, n + 1):
        name = f"muc-{i // 50:02d}/trang-{i:04d}"
        pages[f"{name}.md"] = page_source(i, "vi", rng)
        pages[f"{name}.en.md"] = page_source(i, "en", rng)
    return pages


def offices_csv(n: int) -> str:
    """An offices file of n rows of test data (no real office, address or number)."""
    rows = ["id,name,name_en,address,address_en,phone,hours,hours_en"]
    for i in range(1, n + 1):
        kind = ("phuong", "Phường") if i % 2 else ("xa", "Xã")
        rows.append(
            f'{kind[0]}-{i},"Bộ phận Một cửa {kind[1]} Thử {i}",,"Số {i}, đường Thử, '
            f'{kind[1].lower()} Thử {i}",,0000 000 {i:03d},"Thứ Hai–Thứ Sáu, 7:30–17:00",'
            '"Mon–Fri, 7:30–17:00"'
        )
    return "\r\n".join(rows) + "\r\n"
