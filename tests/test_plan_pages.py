"""What a reader sees of a plan, built by the real MkDocs build: the document's columns in
its order, values not stated in the document marked, dates as the document gives them,
units named as on the plan's date, a missing appendix said, the legend under every task
table, the reports the plan asks for, the plan's current report to download, and the
hotlines the documents give."""

from __future__ import annotations

import re
from html import unescape

from conftest import UNITS

PLAN = """\
---
id: kh-2024
unit: hp-so-gddt
date: 2024-02
title: Kế hoạch tuyên truyền cải cách hành chính năm 2024
period: {start: 2024-01-01, end: 2024-12-31}
topics: [chi-dao-dieu-hanh]
columns:
  - {key: "no", label: TT}
  - {key: title, label: Nội dung tuyên truyền}
  - {key: hinh-thuc, label: Hình thức tuyên truyền}
  - {key: units, label: Đơn vị thực hiện}
  - {key: time, label: Thời gian thực hiện}
reporting:
  - no: bc-6-thang
    title: Báo cáo kết quả tuyên truyền
    reporters: [hp-gddt-cac-don-vi]
    recipients: [hp-so-gddt]
    every: half-year
    due: {dates: [2024-05-30]}
    text: Báo cáo Sở định kỳ 6 tháng (trước ngày 30/5).
tasks:
  - no: "1"
    title: Thông tin, tuyên truyền các nội dung cải cách hành chính
    cells:
      hinh-thuc: Tin, bài, phóng sự trên các phương tiện thông tin
    lead: [hp-gddt-van-phong]
    support: [hp-phong-gddt-an-duong]
    time: Thường xuyên
  - no: "2"
    title: Lồng ghép kiến thức về dịch vụ công trực tuyến vào hoạt động ngoại khóa
    lead: [hp-gddt-cac-don-vi]
    time: Quý II/2024
    inferred: [time]
---
Nội dung kế hoạch.
"""

MISSING = """\
---
id: kh-thieu-phu-luc
number: "58/KH-NV"
unit: hp-so-gddt
date: 2024-07-31
title: Kế hoạch tuyên truyền cải cách hành chính 6 tháng cuối năm 2024
period: {start: 2024-07-01, end: 2024-12-31}
topics: [chi-dao-dieu-hanh]
task_list: missing
---
(Có Danh mục nhiệm vụ tại Phụ lục kèm theo Kế hoạch này).
"""

NEWS = """\
---
id: tin-hoi-nghi
title: Hội nghị triển khai cải cách hành chính năm 2024
date: 2024-02-20 08:30
unit: hp-so-gddt
topics: [chi-dao-dieu-hanh]
summary: Sở GDĐT tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2024.
tasks: ["kh-2024#1"]
---
Nội dung.
"""

HOTLINES = UNITS.replace('    hotline: "0225 3842 185"\n', '    hotline: "0225 3842 185"\n    hotlines:\n'
                         '      - number: "082.507.7988"\n        label: Hotline hỗ trợ thủ tục hành chính\n'
                         '        source: Kế hoạch tuyên truyền năm 2023\n')


def plain(html: str) -> str:
    """The visible text of an HTML fragment, on single spaces."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def text(page: str) -> str:
    """The visible text of a page's article."""
    return plain(page[page.find("<article"):page.find("</article>")])


def build(site_factory, build_date="2025-03-01"):
    site = site_factory()
    site.write("content/units.yml", HOTLINES)
    site.write("content/plans/kh-2024.md", PLAN)
    site.write("content/plans/kh-thieu-phu-luc.md", MISSING)
    site.write("content/news/2024/tin-hoi-nghi.md", NEWS)
    site.build(build_date=build_date)
    return site


def test_plan_page_shows_the_document_as_it_is(site_factory):
    site = build(site_factory)
    page = site.html("ke-hoach/kh-2024/")
    shown = text(page)
    assert "Ngày ban hành tháng 2/2024" in shown and "01/02/2024" not in shown
    head = re.search(r'<table class="[^"]*cchc-plan-table[^"]*"><thead><tr>(.*?)</tr>', page, re.S)[1]
    assert [unescape(h) for h in re.findall(r"<th>(.*?)</th>", head)] == [
        "TT", "Nội dung tuyên truyền", "Hình thức tuyên truyền", "Đơn vị thực hiện", "Thời gian thực hiện",
        "Trạng thái"]
    row1 = plain(re.search(r'<tr class="cchc-task[^"]*" id="nv-1">.*?</tr>', page, re.S)[0])
    assert "Tin, bài, phóng sự trên các phương tiện thông tin" in row1
    # the support is named as on the plan's date (before 31/12/2024), linked to the unit's page
    assert "Chủ trì: Văn phòng Sở" in row1 and "Phối hợp: Phòng GDĐT huyện An Dương" in row1
    assert ('href="../../don-vi/hp-phong-gddt-an-duong/" title="Tên hiện nay: Phòng Giáo dục và Đào tạo quận An '
            'Dương">Phòng GDĐT huyện An Dương</a>') in page  # today's name one hover or click away
    row2 = re.search(r'<tr class="cchc-task[^"]*" id="nv-2">.*?</tr>', page, re.S)[0]
    assert '<abbr class="cchc-inferred" title="Không nêu trong văn bản">*</abbr>' in row2
    assert "Sản phẩm" not in head


def test_every_task_table_explains_its_statuses(site_factory):
    site = build(site_factory)
    plan = text(site.html("ke-hoach/kh-2024/"))
    assert "Ý nghĩa các trạng thái" in plan
    assert "Điều này không có nghĩa là nhiệm vụ không được thực hiện" in plan
    assert "Ngày minh chứng: ngày đăng tin, bài đầu tiên" in plan
    assert "Giá trị có dấu * không nêu trong văn bản" in plan
    assert "Ngày minh chứng: 20/02/2024" in plan  # under the status of task 1
    # the plan ended on 31/12/2024: task 2 is not called overdue
    assert "Chưa có minh chứng trên trang" in plain(re.search(r'id="nv-2">.*?</tr>', site.html("ke-hoach/kh-2024/"),
                                                               re.S)[0])
    for url in ("nhiem-vu/", "don-vi/hp-gddt-van-phong/nhiem-vu/", "nhom/hp-gddt-cac-don-vi/"):
        assert "Ý nghĩa các trạng thái" in text(site.html(url)), url


def test_reports_the_plan_asks_for_and_its_current_report(site_factory):
    site = build(site_factory)
    page = site.html("ke-hoach/kh-2024/")
    shown = text(page)
    assert "Chế độ báo cáo theo Kế hoạch" in shown
    reports = page[page.find('id="bao-cao"'):]
    head = re.search(r"<thead><tr>(.*?)</tr>", reports, re.S)[1]
    assert [unescape(h) for h in re.findall(r"<th>(.*?)</th>", head)] == [
        "TT", "Báo cáo", "Đơn vị báo cáo", "Thời hạn", "Trạng thái"]  # not the document's columns
    assert "Báo cáo kết quả tuyên truyền 6 tháng đầu năm 2024" in shown and "Gửi: Sở GDĐT Hải Phòng" in shown
    assert "Trước ngày 30/05/2024" in shown
    assert "Báo cáo kết quả thực hiện Kế hoạch, tính đến ngày 31/12/2024:" in shown
    for name in ("bao-cao-kh-2024.docx", "bao-cao-kh-2024.xlsx"):
        assert f'href="{name}" download' in page
        assert (site.root / "site" / "ke-hoach" / "kh-2024" / name).stat().st_size > 5000


def test_a_missing_appendix_is_said(site_factory):
    site = build(site_factory)
    shown = text(site.html("ke-hoach/kh-thieu-phu-luc/"))
    assert "Danh mục nhiệm vụ Kế hoạch dẫn chiếu một Phụ lục danh mục nhiệm vụ, nhưng văn bản được công bố " \
           "không kèm Phụ lục này." in shown


def test_plan_listing_and_hotlines(site_factory):
    site = build(site_factory)
    listing = text(site.html("ke-hoach/"))
    assert "tháng 2/2024 · Sở GDĐT Hải Phòng" in listing and "ngày tháng" not in listing
    assert "Số 58/KH-NV · ngày 31/07/2024 · Sở GDĐT Hải Phòng" in listing
    unit = text(site.html("don-vi/hp-so-gddt/"))
    assert "Hotline hỗ trợ thủ tục hành chính 082.507.7988 (theo Kế hoạch tuyên truyền năm 2023)" in unit
    assert 'href="tel:0825077988"' in site.html("don-vi/hp-so-gddt/")


def test_a_cell_with_lead_and_support_names_each_role_once(site_factory):
    site = site_factory()
    site.write("content/plans/kh-2024.md", PLAN.replace("support: [hp-phong-gddt-an-duong]",
                                                        "support: [hp-phong-gddt-an-duong, hp-thpt-tran-phu]"))
    site.build(build_date="2025-03-01")
    row = plain(re.search(r'id="nv-1">.*?</tr>', site.html("ke-hoach/kh-2024/"), re.S)[0])
    assert "Chủ trì: Văn phòng Sở Phối hợp: Phòng GDĐT huyện An Dương ; THPT chuyên Trần Phú" in row


def test_the_home_page_lists_the_hotlines_the_documents_give(site_factory):
    site = build(site_factory)
    home = site.html("")
    box = plain(re.search(r'<ul class="cchc-hotlines">.*?</ul>', home, re.S)[0])
    assert "UBND thành phố Hải Phòng 0225 3842 100" in box
    assert "Sở GDĐT Hải Phòng Hotline hỗ trợ thủ tục hành chính 082.507.7988" in box
    # every unit's own line too, each a tap-to-call link (issue 10: a citizen calls the unit they need)
    assert "Sở GDĐT Hải Phòng 0225 3842 185" in box and 'href="tel:02253842185"' in home
