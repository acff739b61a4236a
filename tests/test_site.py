"""Build tiny sites in-process (strict) and check the pages a citizen sees.

Task tables and their status, overdue marking at a fixed build date, unit columns with
children, a dissolved unit, pagination, escaping, a missing unit, the CSV export, the
section-only nav, no third-party hosts and the three-click rule.
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import Abort


def news(item_id: str, title: str = "Tin thử nghiệm", date: str = "2024-03-01 08:00", unit: str = "hp-so-gddt",
         summary: str = "Tóm tắt tin.", extra: str = "") -> str:
    return (f"---\nid: {item_id}\ntitle: {title}\ndate: {date}\nunit: {unit}\ntopics: [chi-dao-dieu-hanh]\n"
            f"summary: {summary}\n{extra}---\nNội dung.\n")


def text_of(html: str) -> str:
    """The article's text without tags, whitespace squeezed."""
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


class _Links(HTMLParser):
    """Every link of a page: (address resolved from the page's URL, its text, its attributes, inside which nav)."""

    def __init__(self, page_url: str):
        super().__init__()
        self.base = "https://cchc.test/" + page_url
        self.links: list[tuple[str, str, dict, str | None]] = []
        self.navs: list[str | None] = []
        self.open: list[list] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav":
            self.navs.append(attrs.get("aria-label"))
        elif tag == "a" and "href" in attrs:
            self.open.append([urljoin(self.base, attrs["href"]).removeprefix("https://cchc.test/"), "", attrs,
                              self.navs[-1] if self.navs else None])

    def handle_endtag(self, tag):
        if tag == "nav" and self.navs:
            self.navs.pop()
        elif tag == "a" and self.open:
            link = self.open.pop()
            link[1] = " ".join(link[1].split())
            self.links.append(tuple(link))

    def handle_data(self, data):
        for link in self.open:
            link[1] += data


def page_links(html: str, page_url: str) -> list[tuple[str, str, dict, str | None]]:
    parser = _Links(page_url)
    parser.feed(html)
    return parser.links


def row_of(html: str, anchor: str) -> str:
    return re.search(rf'<tr class="[^"]*"\s+id="{anchor}">.*?</tr>', html, re.S)[0]


def test_pages_for_every_item(site_factory):
    site = site_factory()
    site.build()
    assert "Hội nghị triển khai cải cách hành chính năm 2024" in site.html("tin-tuc/2024/tin-hoi-nghi/")
    plan = site.html("ke-hoach/kh-2024/")
    assert "Danh mục nhiệm vụ" in plan and "12/KH-SGDĐT" in plan and "15/01/2024" in plan
    proc = site.html("thu-tuc/cap-ban-sao-van-bang/")
    assert "1.005090" in proc and "Trình tự thực hiện" in proc and "Quá trình công bố, sửa đổi" in proc
    assert 'href="https://dichvucong.gov.vn/' in proc
    # the heading's anchor keeps its đ as d, in the page and in its table of contents
    assert '<h2 id="doi-tuong-thuc-hien">Đối tượng thực hiện</h2>' in proc
    assert 'href="#doi-tuong-thuc-hien"' in proc
    for page in ("", "tin-tuc/", "ke-hoach/", "nhiem-vu/", "thu-tuc/", "don-vi/", "chu-de/", "luu-tru/",
                 "luu-tru/2024/", "chu-de/chi-dao-dieu-hanh/", "thu-tuc/linh-vuc/van-bang-chung-chi/",
                 "thu-tuc/thay-doi/moi/"):
        assert site.html(page)
    item = text_of(site.html("tin-tuc/2024/tin-hoi-nghi/"))
    assert "08:30 20/02/2024" in item and "Sở Giáo dục và Đào tạo thành phố Hải Phòng" in item
    assert "Chỉ đạo, điều hành" in item  # topics on the item page
    crumbs = [(url, text) for url, text, _, nav in page_links(site.html("tin-tuc/2024/tin-hoi-nghi/"),
                                                           "tin-tuc/2024/tin-hoi-nghi/") if nav == "Đường dẫn"]
    assert crumbs == [("", "Trang chủ"), ("tin-tuc/", "Tin tức"), ("luu-tru/2024/", "Năm 2024")]
    assert not [line for line in site.logs if line.startswith("WARNING")]


def test_task_table_status_and_overdue_at_fixed_date(site_factory):
    site = site_factory()
    site.build(build_date="2024-06-30")
    plan = site.html("ke-hoach/kh-2024/")
    assert "Đang thực hiện" in row_of(plan, "nv-1")  # evidence: tin-hoi-nghi
    assert "tin-tuc/2024/tin-hoi-nghi/" in row_of(plan, "nv-1")
    assert "cchc-overdue" not in row_of(plan, "nv-2")  # Quý II/2024 ends today: not overdue yet
    assert "Trong thời hạn, chưa có minh chứng" in row_of(plan, "nv-2")

    site.build(build_date="2024-07-01")
    plan = site.html("ke-hoach/kh-2024/")
    assert "cchc-overdue" in row_of(plan, "nv-2") and "Quá hạn" in row_of(plan, "nv-2")
    assert "tính đến ngày 01/07/2024" in plan
    assert "1 nhiệm vụ đã quá thời hạn" in site.html("nhiem-vu/")
    site.build(build_date="2025-01-01")  # the recurring task with evidence is done once its period is over
    assert "Hoàn thành đúng hạn" in row_of(site.html("ke-hoach/kh-2024/"), "nv-1")


def test_csv_exports(site_factory):
    site = site_factory()
    out = site.build(build_date="2024-07-01")
    for path in ("ke-hoach/kh-2024/nhiem-vu.csv", "nhiem-vu/nhiem-vu.csv"):
        data = (out / path).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), path  # Excel reads UTF-8 only with a BOM
        rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
        assert rows[0][3] == "Nhiệm vụ"
        by_no = {row[2]: row for row in rows[1:]}
        assert by_no["2"][11] == "Quá hạn" and by_no["2"][12] == "Có"
        assert by_no["1"][13] == "1" and "https://cchc.test/tin-tuc/2024/tin-hoi-nghi/" in by_no["1"][14]
    def unit_csv(unit: str) -> list[tuple[str, str, str]]:
        rows = list(csv.reader(io.StringIO((out / f"don-vi/{unit}/nhiem-vu.csv").read_text("utf-8-sig"))))
        return [(r[2], r[11], r[-1]) for r in rows[1:]]

    assert unit_csv("hp-so-gddt") == [("1", "Đang thực hiện", "Chủ trì")]
    assert unit_csv("hp-gddt-van-phong") == [("2", "Quá hạn", "Chủ trì")]
    group_rows = list(csv.reader(io.StringIO((out / "nhom/hp-gddt-cac-don-vi/nhiem-vu.csv").read_text("utf-8-sig"))))
    assert [(r[2], r[11], r[-1]) for r in group_rows[1:]] == [("1", "Đang thực hiện", "Phối hợp")]
    assert not (out / "don-vi/hp-thpt-tran-phu/nhiem-vu.csv").exists()  # its tasks are its group's
    downloads = [url for url, _, attrs, _ in page_links(site.html("ke-hoach/kh-2024/"), "ke-hoach/kh-2024/")
                 if "download" in attrs]
    assert downloads == ["ke-hoach/kh-2024/nhiem-vu.csv", "ke-hoach/kh-2024/bao-cao-kh-2024.docx",
                         "ke-hoach/kh-2024/bao-cao-kh-2024.xlsx"]  # the task table, the plan's current report
    assert all((out / url).is_file() for url in downloads)


def test_unit_column_includes_children(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-tran-phu.md", news("tin-tran-phu", "Trần Phú tuyên truyền CCHC",
                                                         unit="hp-thpt-tran-phu"))
    site.build()
    column = site.html("don-vi/hp-so-gddt/")
    text = text_of(column)
    assert "0225 3842 185" in text and 'href="tel:02253842185"' in column
    assert "sogddt@haiphong.gov.vn" in text
    assert "Đơn vị trực thuộc" in text and "Trường THPT chuyên Trần Phú" in text
    assert "Trần Phú tuyên truyền CCHC" in text  # a child's news in the parent's column
    assert "Hội nghị triển khai" in text
    assert "Cấp bản sao văn bằng" in text and "Kế hoạch tuyên truyền cải cách hành chính năm 2024" in text
    child = text_of(site.html("don-vi/hp-thpt-tran-phu/"))
    assert "Trần Phú tuyên truyền CCHC" in child and "Hội nghị triển khai" not in child
    # a column names the unit of a child's news, not its own on each of its own entries
    news_part = column.split('id="tin-bai"', 1)[1]
    dates = re.findall(r'<span class="cchc-date">([^<]*)</span><br>\s*<a href="[^"]*">([^<]*)</a>', news_part)
    assert dates and {title: " · " in date for date, title in dates} == {
        "Trần Phú tuyên truyền CCHC": True, "Hội nghị triển khai cải cách hành chính năm 2024": False}, dates
    assert "Trần Phú" in dict((t, d) for d, t in dates)["Trần Phú tuyên truyền CCHC"]
    assert "Các đơn vị giáo dục (1 nhiệm vụ)" in child  # the school's column links its group's tasks
    tasks = text_of(site.html("nhom/hp-gddt-cac-don-vi/"))
    assert "THPT chuyên Trần Phú" in tasks and "Phòng GDĐT An Dương" in tasks  # the members
    assert "Duy trì chuyên mục cải cách hành chính" in tasks and "Phối hợp" in tasks
    assert "Tổ chức cuộc thi" not in tasks
    assert "Tổ chức cuộc thi" in text_of(site.html("don-vi/hp-gddt-van-phong/nhiem-vu/"))  # its lead
    assert "Tổ chức cuộc thi" not in text_of(site.html("don-vi/hp-so-gddt/nhiem-vu/"))  # not the parent's


def test_dissolved_and_renamed_unit(site_factory):
    site = site_factory()
    site.write("content/news/2024/an-duong.md", news("an-duong", "An Dương tuyên truyền", "2024-05-02 09:00",
                                                     unit="hp-phong-gddt-an-duong"))
    site.build(build_date="2025-08-01")
    column = text_of(site.html("don-vi/hp-phong-gddt-an-duong/"))
    assert "Đơn vị đã giải thể từ ngày 01/07/2025" in column
    assert "Sở Giáo dục và Đào tạo thành phố Hải Phòng tiếp nhận" in column
    assert "Phòng Giáo dục và Đào tạo huyện An Dương (đến ngày 31/12/2024)" in column
    assert "An Dương tuyên truyền" in column
    item = text_of(site.html("tin-tuc/2024/an-duong/"))
    assert "Phòng Giáo dục và Đào tạo huyện An Dương" in item  # the name valid on the item's date
    successor = text_of(site.html("don-vi/hp-so-gddt/"))
    assert "Đơn vị đã tiếp nhận công việc" in successor and "giải thể ngày 01/07/2025" in successor
    assert "(đã giải thể 01/07/2025)" in text_of(site.html("don-vi/"))


def test_pagination(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    page_size: 2\n    column_page_size: 2\n")
    for day in range(1, 6):
        site.write(f"content/news/2024/tin-{day}.md", news(f"tin-{day}", f"Tin số {day}", f"2024-04-0{day} 08:00"))
    site.build()
    first, second, last = (text_of(site.html(p)) for p in ("tin-tuc/", "tin-tuc/trang/2/", "tin-tuc/trang/3/"))
    assert "Tin số 5" in first and "Tin số 4" in first and "Tin số 3" not in first
    assert "Tin số 3" in second and "Tin số 2" in second
    assert "Hội nghị triển khai" in last and "Trang sau" not in last
    pager = [(url, text) for url, text, _, nav in page_links(site.html("tin-tuc/"), "tin-tuc/") if nav == "Phân trang"]
    assert pager == [("tin-tuc/trang/2/", "2"), ("tin-tuc/trang/3/", "3"), ("tin-tuc/trang/2/", "Trang sau »")]
    assert not (site.root / "site/tin-tuc/trang/4").exists()
    assert "Tin số 1" in text_of(site.html("don-vi/hp-so-gddt/trang/3/"))  # a unit's news is paginated too
    assert "Tin số 1" in text_of(site.html("luu-tru/2024/trang/3/"))
    assert "<title>Tin tức (trang 2)" in site.html("tin-tuc/trang/2/")


ATTACK = '"><script>alert(1)</script>'


def test_titles_and_summaries_are_escaped(site_factory):
    site = site_factory()
    site.write("content/news/2024/xss.md",
               news("xss", f"'{ATTACK}'", summary=f"'{ATTACK} <img src=x onerror=alert(2)>'"))
    out = site.build()
    page = site.html("tin-tuc/2024/xss/")
    assert "<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; - Thử nghiệm</title>" in page
    assert '<meta name="description" content="&quot;&gt;&lt;script&gt;alert(1)' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text_of(page)
    for html_file in out.rglob("*.html"):
        html = html_file.read_text("utf-8")
        assert "<script>alert(1)" not in html, html_file
        assert "<img src=x" not in html and 'onerror=alert(2)>' not in html, html_file
    assert "&lt;script&gt;alert(1)" in site.html("tin-tuc/") and "&lt;script&gt;alert(1)" in site.html("")


def test_missing_unit_stops_the_build_with_file_and_line(site_factory):
    site = site_factory()
    site.write("content/news/2024/sai.md", news("sai", unit="hp-so-gd"))
    with pytest.raises(Abort):
        site.build()
    assert any("content/news/2024/sai.md:5: unit: không có đơn vị nào có mã 'hp-so-gd'" in line and "hp-so-gddt" in line
               for line in site.logs), site.logs
    assert not (site.root / "site" / "index.html").exists()


def test_procedure_banner_and_history(site_factory):
    site = site_factory()
    text = (site.root / "content/procedures/cap-ban-sao-van-bang.md").read_text("utf-8")
    site.write("content/procedures/cap-ban-sao-van-bang.md", text.replace(
        "    effective: 2021-05-15\n", "    effective: 2021-05-15\n  - change: bãi bỏ\n    decision: \"9/QĐ-UBND\"\n"
        "    decision_date: 2024-05-01\n    effective: 2024-05-10\n"))
    site.build()
    page = text_of(site.html("thu-tuc/cap-ban-sao-van-bang/"))
    assert "Thủ tục đã bị bãi bỏ theo Quyết định số 9/QĐ-UBND ngày 01/05/2024" in page
    assert "Công bố mới 100/QĐ-UBND 10/05/2021 15/05/2021" in page
    assert "Cấp bản sao văn bằng" in text_of(site.html("thu-tuc/thay-doi/bai-bo/"))
    assert "Thủ tục thay đổi trong 90 ngày qua" in text_of(site.html(""))
    assert "Cấp bản sao văn bằng" in text_of(site.html(""))  # changed 60 days before the build date


def links_of(html: str) -> list[str]:
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1]
    nav = html.split('<article', 1)[0]
    return re.findall(r'href="([^"#]*)', nav + article)


def crawl(out: Path, start: str = "", depth: int = 3) -> dict[str, int]:
    """Pages reachable from ``start`` by clicking links, with the least number of clicks."""
    seen = {start: 0}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        if seen[url] == depth:
            continue
        html = (out / url / "index.html").read_text("utf-8")
        for href in links_of(html):
            if href.startswith(("http:", "https:", "mailto:", "tel:")) or not href.endswith("/"):
                continue
            target = urljoin("https://x/" + url, href)[len("https://x/"):]
            if target not in seen and (out / target / "index.html").exists():
                seen[target] = seen[url] + 1
                queue.append(target)
    return seen


def test_every_unit_plan_procedure_within_three_clicks(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    page_size: 2\n    column_page_size: 2\n")
    for n in range(1, 8):
        site.write(f"content/plans/kh-{n}.md", (site.root / "content/plans/kh-2024.md").read_text("utf-8")
                   .replace("id: kh-2024", f"id: kh-{n}").replace("tasks:\n", "tasks: []\nx:\n").split("x:\n")[0]
                   + "---\nNội dung.\n")
    out = site.build()
    reached = crawl(out)
    wanted = ["don-vi/" + u + "/" for u in ("hai-phong", "hp-so-gddt", "hp-gddt-van-phong", "hp-thpt-tran-phu",
                                             "hp-phong-gddt-an-duong")]
    wanted += [f"ke-hoach/kh-{n}/" for n in range(1, 8)] + ["ke-hoach/kh-2024/", "thu-tuc/cap-ban-sao-van-bang/"]
    assert {w: reached.get(w) for w in wanted if w not in reached} == {}


def test_nav_lists_sections_only_and_no_other_host(site_factory):
    site = site_factory()
    for day in range(1, 10):
        site.write(f"content/news/2024/tin-{day}.md", news(f"tin-{day}", f"Tin số {day}", f"2024-04-0{day} 08:00"))
    out = site.build()
    page = site.html("tin-tuc/2024/tin-1/")
    nav = page.split('<article', 1)[0]
    assert "tin-tuc/2024/tin-2/" not in nav and "Tin số 2" not in page  # no item list on every page
    assert 'href="../../../don-vi/"' in nav and 'href="../../../thu-tuc/"' in nav
    outside = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="((?:https?:)?//[^"]+)"')
    for html_file in out.rglob("*.html"):
        html = html_file.read_text("utf-8")
        for url in outside.findall(html):
            assert url.startswith("https://cchc.test/"), (html_file, url)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    for css in out.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(?:https?:)?//", css.read_text("utf-8")), css
