"""The pages a citizen opens on a phone, built from tiny sites: what the markup must carry.

How the cards look is checked in a real browser (tests/test_phone_browser.py); here the
build's HTML is checked for what the cards and the home page are made of: every task and
procedure cell named by its column (data-label), the status first in the card, the same
badge for a procedure's change on every page, the plan's task summary at the top with a
link to its list, and a home page with search first, every unit's hotline and the news
pictures.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

PROC_ABOLISHED = """\
---
id: cho-phep-truong-hoat-dong
code: "1.004555"
name: Cho phép trường tiểu học hoạt động giáo dục
field: Giáo dục tiểu học
level: huyện
unit: hp-so-gddt
online: không
processing_time: 20 ngày làm việc
fees: Không
history:
  - change: mới
    decision: "10/QĐ-UBND"
    decision_date: 2020-07-10
    effective: 2020-07-10
  - change: bãi bỏ
    decision: "99/QĐ-UBND"
    decision_date: 2024-06-01
    effective: 2024-06-05
    note: Chuyển thẩm quyền cho cấp xã.
---
## Trình tự thực hiện
Nộp hồ sơ.
## Cách thức thực hiện
Trực tiếp.
## Thành phần, số lượng hồ sơ
Tờ trình.
## Đối tượng thực hiện
Tổ chức.
## Cơ quan giải quyết
Ủy ban nhân dân cấp huyện.
## Kết quả thực hiện
Quyết định.
## Căn cứ pháp lý
Thông tư 28/2020/TT-BGDĐT.
"""



def png(width: int = 16, height: int = 9) -> bytes:
    """A real PNG picture of one colour (news pictures must be JPG, PNG, WebP or GIF)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x3f\x51\xb5" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


class _Cells(HTMLParser):
    """The rows of the tables with class ``table_class``: per row, its cells' (class, data-label, text)."""

    def __init__(self, table_class: str):
        super().__init__()
        self.table_class = table_class
        self.depth = 0  # inside a matching table
        self.rows: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and self.table_class in (attrs.get("class") or "").split():
            self.depth = 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag == "td":
            self.cell = [attrs.get("class") or "", attrs.get("data-label") or "", ""]
            self.rows[-1].append(self.cell)

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None
        elif tag == "table":
            self.depth = 0

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[2] += data


def cells(html: str, table_class: str) -> list[list[list[str]]]:
    parser = _Cells(table_class)
    parser.feed(html)
    return [row for row in parser.rows if row]


def test_plan_task_cells_carry_their_column_and_the_status_class(site_factory):
    site = site_factory()
    site.build()
    page = site.html("ke-hoach/kh-2024/")
    head = page.split('class="cchc-table cchc-tasks cchc-plan-table"', 1)[1].split("</thead>", 1)[0]
    heads = re.findall(r'<th>([^<]*)</th>', head)
    rows = cells(page, "cchc-plan-table")
    assert len(rows) == 2 and len(heads) >= 5, heads
    first = rows[0]
    assert len(first) == len(heads)
    # the document's columns by name, the task (the second) without one, the status first in a card
    assert [c[1] for c in first[:1] + first[2:-1]] == heads[:1] + heads[2:-1]
    assert first[1][0] == "cchc-col-task" and first[1][1] == ""
    assert first[1][2].startswith("Duy trì chuyên mục cải cách hành chính")
    assert first[-1][0] == "cchc-col-status" and first[-1][2].startswith("Đang thực hiện")


def test_site_task_table_cells_carry_their_column(site_factory):
    site = site_factory()
    site.build()
    rows = cells(site.html("nhiem-vu/"), "cchc-tasks")
    first = rows[0]
    assert [c[0] for c in first] == ["cchc-col-no", "cchc-col-task", "cchc-col-lead cchc-lines",
                                     "cchc-col-support cchc-lines", "cchc-col-time", "cchc-col-product",
                                     "cchc-col-status"]
    labels = {c[0].split()[0]: c[1] for c in first}
    assert labels["cchc-col-lead"] == "Chủ trì" and labels["cchc-col-support"] == "Phối hợp"
    assert labels["cchc-col-time"] == "Thời gian" and labels["cchc-col-product"] == "Sản phẩm"
    # the card shows the task's number before its title (the TT column is hidden there)
    assert first[1][2].startswith("1. Duy trì chuyên mục cải cách hành chính")
    assert first[-1][2].startswith("Đang thực hiện")  # the badge, then the evidence


def test_unit_task_table_is_cards_too(site_factory):
    site = site_factory()
    site.build()
    rows = cells(site.html("don-vi/hp-so-gddt/nhiem-vu/"), "cchc-tasks")
    assert rows and [c[0] for c in rows[0]] == ["cchc-col-no", "cchc-col-role", "cchc-col-task", "cchc-col-time",
                                                "cchc-col-status"]
    assert rows[0][1][1] == "Vai trò" and rows[0][1][2] == "Chủ trì"


def test_plan_opens_with_its_task_summary_and_a_link_to_the_list(site_factory):
    site = site_factory()
    site.build()
    page = site.html("ke-hoach/kh-2024/")
    article = page.split('<article class="md-content__inner md-typeset">', 1)[1]
    summary = article.index('class="cchc-plan-summary"')
    assert article.index("<h1>") < summary < article.index('class="cchc-facts"') < article.index("Mục đích")
    jump = re.search(r'<a class="cchc-jump" href="#([^"]+)">Xem danh mục nhiệm vụ</a>', article)
    assert jump and f'<h2 id="{jump.group(1)}">Danh mục nhiệm vụ</h2>' in article
    assert article.index(f'id="{jump.group(1)}"') > article.index("Mục đích")  # the list stays after the text
    head = article[summary:article.index('class="cchc-facts"')]
    assert "2 nhiệm vụ" in head and "cchc-status--in-progress" in head and "cchc-status--pending" in head


def test_procedure_change_is_the_same_badge_on_its_page_and_in_lists(site_factory):
    site = site_factory()
    site.write("content/procedures/cho-phep-truong-hoat-dong.md", PROC_ABOLISHED)
    site.build()
    badge = '<span class="cchc-status cchc-status--abolished">Bãi bỏ 01/06/2024</span>'
    page = site.html("thu-tuc/cho-phep-truong-hoat-dong/")
    assert page.index(badge) < page.index("cchc-banner--abolished")  # right under the title
    history = cells(page, "cchc-history")
    assert [row[0][2] for row in history] == ["Công bố mới", "Bãi bỏ"]
    assert [row[0][0] for row in history] == ["cchc-col-status"] * 2
    assert [c[1] for c in history[1][1:]] == ["Quyết định", "Ngày ban hành", "Hiệu lực", "Ghi chú"]
    for listing in ("don-vi/hp-so-gddt/", "thu-tuc/thay-doi/bai-bo/"):
        rows = cells(site.html(listing), "cchc-procs")
        row = next(r for r in rows if "Cho phép trường tiểu học" in r[1][2])
        assert row[-1][0] == "cchc-col-status" and row[-1][2] == "Bãi bỏ 01/06/2024", listing
        assert badge in site.html(listing)
    new = cells(site.html("thu-tuc/thay-doi/moi/"), "cchc-procs")
    assert new[0][-1][2] == "Công bố mới 10/05/2021"


def test_home_page_search_first_every_hotline_and_news_pictures(site_factory):
    site = site_factory()
    (site.root / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    (site.root / "docs/assets/images/hoi-nghi.png").write_bytes(png())
    site.write("content/news/2024/tin-hoi-nghi.md", site.root.joinpath("content/news/2024/tin-hoi-nghi.md")
               .read_text(encoding="utf-8").replace("tasks:", "image: assets/images/hoi-nghi.png\n"
                                                              "image_alt: Hội trường của Sở\ntasks:"))
    site.build()
    home = site.html("")
    article = home.split('<article class="md-content__inner md-typeset">', 1)[1]
    search = article.index("data-cchc-open-search")
    assert search < article.index("<h2")  # search comes first
    # every unit's hotline, a child unit's too, each a tap-to-call link
    assert 'href="tel:02253842100">0225 3842 100</a>' in article
    assert 'href="tel:02253842185">0225 3842 185</a>' in article
    assert re.search(r'<li class="cchc-has-image"><img src="assets/images/hoi-nghi.png" alt="Hội trường của Sở" '
                     r'loading="lazy"', article)
    sections = article.split('<ul class="cchc-grid">', 1)[1].split("</ul>", 1)[0]
    assert sections.count("<li>") == sections.count('class="cchc-card"') > 0
