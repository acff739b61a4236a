"""Plans as their documents give them: partial dates, inferred values, the document's own
columns, a missing appendix, names as of the plan's date, reporting duties as dated tasks,
and the CSV that carries all of it. Tested on the library (no MkDocs build)."""

from __future__ import annotations

import csv
import io
from datetime import date

from cchc.content.reporting import parse_period
from cchc.index.tasks import TaskIndex, tasks_csv
from cchc.text import show_date, show_dated

PLAN_2023 = """\
---
id: kh-2023
unit: hp-so-gddt
date: 2023-02
title: Kế hoạch tuyên truyền cải cách hành chính năm 2023
period: {start: 2023-01-01, end: 2023-12-31}
topics: [chi-dao-dieu-hanh]
columns:
  - {key: "no", label: TT}
  - {key: title, label: Nội dung tuyên truyền}
  - {key: hinh-thuc, label: Hình thức tuyên truyền}
  - {key: units, label: Đơn vị thực hiện}
  - {key: time, label: Thời gian thực hiện}
reporting:
  - no: bc-quy
    title: Báo cáo kết quả thực hiện Kế hoạch
    reporters: [hp-gddt-cac-don-vi]
    recipients: [hp-so-gddt, Sở Nội vụ]
    every: quarter
    due: {day: 20, month: last}
    text: Báo cáo định kỳ hằng quý (trước ngày 20 tháng cuối quý).
  - no: bc-6-thang
    title: Báo cáo 6 tháng
    reporters: [hp-gddt-van-phong]
    every: half-year
    due: {dates: [2023-05-30]}
    text: Báo cáo định kỳ 6 tháng (trước ngày 30/5).
  - no: bc-nam
    title: Báo cáo năm
    reporters: [hp-gddt-van-phong]
    every: year
    text: Báo cáo định kỳ hằng quý, năm.
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
    time: Năm 2023
    inferred: [lead, time]
---
Nội dung.
"""


def load(site_factory, plan: str = PLAN_2023, build_date: str = "2023-12-01", **files):
    site = site_factory()
    site.write("content/plans/kh-2023.md", plan)
    for rel, text in files.items():
        site.write(rel.replace("__", "/"), text)
    result = site.check(build_date)
    return result


def ok(site_factory, plan: str = PLAN_2023, build_date: str = "2023-12-01"):
    result = load(site_factory, plan, build_date)
    assert result.site is not None, [str(p) for p in result.problems.errors]
    return result.site


def plan_of(site, plan_id="kh-2023"):
    return next(p for p in site.plans if p.id == plan_id)


def test_a_month_without_its_day_is_shown_as_the_document_gives_it(site_factory):
    plan = plan_of(ok(site_factory))
    assert (plan.date.year, plan.date.month, plan.date.precision) == (2023, 2, "month")
    assert show_date(plan.date) == "tháng 2/2023"
    assert show_dated(plan.date) == "tháng 2/2023"  # never "ngày 01/02/2023"
    assert show_dated(date(2018, 1, 18)) == "ngày 18/01/2018"


def test_a_year_alone_and_a_bad_month(site_factory):
    plan = plan_of(ok(site_factory, PLAN_2023.replace("date: 2023-02", "date: 2023")))
    assert show_date(plan.date) == "năm 2023"
    result = load(site_factory, PLAN_2023.replace("date: 2023-02", "date: 2023-13"))
    assert result.site is None
    assert [(p.line, p.message) for p in result.problems.errors] == [(4, "'2023-13' không phải tháng có thật")]


def test_inferred_values_are_marked_and_checked(site_factory):
    plan = plan_of(ok(site_factory))
    assert plan.tasks[1].inferred == ["lead", "time"] and plan.tasks[0].inferred == []
    bad = PLAN_2023.replace("inferred: [lead, time]", "inferred: [lead, details, product]")
    result = load(site_factory, bad)
    messages = sorted(p.message for p in result.problems.errors)
    assert messages == ["'details' không thể đánh dấu là giá trị suy ra",
                        "'product' được đánh dấu là suy ra nhưng chưa có giá trị"]
    assert all(p.path == "content/plans/kh-2023.md" and p.line == 45 for p in result.problems.errors)


def test_the_documents_own_columns_in_its_order(site_factory):
    plan = plan_of(ok(site_factory))
    assert [(c.key, c.label, c.own) for c in plan.columns] == [
        ("no", "TT", False), ("title", "Nội dung tuyên truyền", False),
        ("hinh-thuc", "Hình thức tuyên truyền", True), ("units", "Đơn vị thực hiện", False),
        ("time", "Thời gian thực hiện", False)]
    assert plan.tasks[0].cells == {"hinh-thuc": "Tin, bài, phóng sự trên các phương tiện thông tin"}


def test_a_product_the_table_has_no_column_for_is_refused(site_factory):
    bad = PLAN_2023.replace("    time: Năm 2023\n", "    time: Năm 2023\n    product: Chuyên mục\n")
    result = load(site_factory, bad)
    assert [(p.line, p.field, p.message.split(" (")[0]) for p in result.problems.errors] == [
        (45, "tasks[2].product", "bảng của kế hoạch không có cột sản phẩm")]
    unknown_cell = PLAN_2023.replace("hinh-thuc: Tin", "hinh-thu: Tin")
    result = load(site_factory, unknown_cell)
    assert [(p.line, p.message) for p in result.problems.errors] == [
        (37, "không có cột nào của bảng kế hoạch mang khóa này")]


def test_a_missing_appendix_is_said_and_cannot_have_tasks(site_factory):
    head, _, _ = PLAN_2023.partition("tasks:\n")
    missing = head.replace("columns:", "task_list: missing\ncolumns:") + "---\nNội dung.\n"
    plan = plan_of(ok(site_factory, missing))
    assert plan.task_list == "missing" and plan.tasks == []
    result = load(site_factory, PLAN_2023.replace("columns:", "task_list: missing\ncolumns:"))
    assert [p.field for p in result.problems.errors] == ["tasks"]
    assert "thiếu phụ lục" in result.problems.errors[0].message


def test_reporting_duties_become_dated_tasks_across_the_plan(site_factory):
    site = ok(site_factory)
    plan = plan_of(site)
    due = {t.no: (t.time.start, t.time.end, t.time.text) for t in plan.report_tasks}
    assert due["bc-quy-2023-Q1"] == (date(2023, 1, 1), date(2023, 3, 20), "Trước ngày 20/03/2023")
    assert due["bc-quy-2023-Q4"][1] == date(2023, 12, 20)
    assert due["bc-6-thang-2023-H1"][1] == date(2023, 5, 30)
    assert "bc-6-thang-2023-H2" not in due  # the document gives one date: one report
    assert due["bc-nam-2023"][1] == date(2023, 12, 31)  # no day in the document: the period's end ...
    year = next(t for t in plan.report_tasks if t.no == "bc-nam-2023")
    assert year.inferred == ["time"] and "văn bản không nêu hạn gửi" in year.time.text  # ... marked as such
    quarter = next(t for t in plan.report_tasks if t.no == "bc-quy-2023-Q2")
    assert quarter.title == "Báo cáo kết quả thực hiện Kế hoạch quý II/2023"
    assert quarter.lead == ["hp-gddt-cac-don-vi"] and quarter.recipients == ["hp-so-gddt", "Sở Nội vụ"]
    assert [t.no for t in plan.tasks] == ["1", "2"]  # the document's table stays as it is
    # they have a status like any task, listed apart from the document's table
    index = TaskIndex(site)
    assert [r.task.no for r in index.by_plan["kh-2023"]] == ["1", "2"]
    statuses = {r.task.no: r.status for r in index.by_plan_reports["kh-2023"]}
    assert statuses["bc-quy-2023-Q3"] == "overdue" and statuses["bc-quy-2023-Q4"] == "pending"
    assert ("bc-quy-2023-Q1" in {r.task.no for r, _ in index.for_ref("hp-gddt-cac-don-vi")})


def test_a_news_item_can_be_the_evidence_of_a_report(site_factory):
    news = """\
---
id: bao-cao-quy-3
title: Các đơn vị giáo dục gửi báo cáo quý III
date: 2023-09-25 10:00
unit: hp-so-gddt
topics: [chi-dao-dieu-hanh]
summary: Báo cáo quý III đã gửi Sở.
tasks: ["kh-2023#bc-quy-2023-Q3"]
---
Nội dung.
"""
    site = site_factory()
    site.write("content/plans/kh-2023.md", PLAN_2023)
    site.write("content/news/2023/bao-cao-quy-3.md", news)
    result = site.check("2023-12-01")
    assert result.site is not None, [str(p) for p in result.problems.errors]
    row = TaskIndex(result.site).by_key["kh-2023#bc-quy-2023-Q3"]
    assert (row.status, row.evidence_date) == ("done-late", date(2023, 9, 25))  # due 20/09/2023


def test_reporting_duty_mistakes_name_the_line(site_factory):
    bad = PLAN_2023.replace("due: {day: 20, month: last}", "due: {day: 32, month: last}")
    bad = bad.replace("every: year\n", "every: monthly\n")
    result = load(site_factory, bad)
    got = sorted((p.line, p.field) for p in result.problems.errors)
    assert got == [(20, "reporting[1].due.day"), (31, "reporting[3].every")]


def test_manual_status_needs_its_date_and_note(site_factory):
    with_status = PLAN_2023.replace("    inferred: [lead, time]\n", "    inferred: [lead, time]\n    status: done\n")
    result = load(site_factory, with_status)
    assert [(p.line, p.field) for p in result.problems.errors] == [(46, "tasks[2].status")]
    assert "{state: done, date: 2023-06-30" in result.problems.errors[0].fix
    dated = PLAN_2023.replace("    inferred: [lead, time]\n", "    inferred: [lead, time]\n"
                              "    status: {state: done, date: 2023-06-30, note: Theo báo cáo số 12/BC}\n")
    task = plan_of(ok(site_factory, dated)).tasks[1]
    assert (task.manual.state, task.manual.date, task.manual.note) == ("done", date(2023, 6, 30),
                                                                       "Theo báo cáo số 12/BC")


def test_names_as_of_the_plans_date(site_factory):
    plan = PLAN_2023.replace("date: 2023-02", "date: 2024-03-05").replace(
        "period: {start: 2023-01-01, end: 2023-12-31}", "period: {start: 2024-01-01, end: 2025-12-31}")
    site = ok(site_factory, plan, build_date="2025-03-01")
    # Phòng GDĐT An Dương was "huyện An Dương" until 31/12/2024
    assert site.unit_label("hp-phong-gddt-an-duong", date(2024, 3, 5)) == "Phòng GDĐT huyện An Dương"
    assert site.unit_label("hp-phong-gddt-an-duong") == "Phòng GDĐT An Dương"
    assert site.unit_name("hp-phong-gddt-an-duong", date(2024, 3, 5)) == "Phòng Giáo dục và Đào tạo huyện An Dương"
    index = TaskIndex(site)
    data = tasks_csv(site, index.by_plan["kh-2023"], lambda item: "https://cchc.test/")
    rows = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"))))
    assert rows[0]["Cơ quan phối hợp"] == "Phòng GDĐT huyện An Dương"  # the name the plan used


def test_csv_says_what_is_inferred_the_evidence_date_and_the_documents_columns(site_factory):
    site = ok(site_factory)
    index = TaskIndex(site)
    data = tasks_csv(site, index.by_plan["kh-2023"], lambda item: "https://cchc.test/")
    rows = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"))))
    assert rows[0]["Các cột khác của văn bản"] == (
        "Hình thức tuyên truyền: Tin, bài, phóng sự trên các phương tiện thông tin")
    assert rows[1]["Không nêu trong văn bản"] == "Cơ quan chủ trì; Thời gian"
    assert rows[0]["Ngày minh chứng"] == "" and rows[0]["Trạng thái"] == "Trong thời hạn, chưa có minh chứng"


def test_units_carry_the_hotlines_the_documents_give(site_factory):
    from conftest import UNITS

    units = UNITS.replace('    hotline: "0225 3842 185"\n', '    hotline: "0225 3842 185"\n    hotlines:\n'
                          '      - number: "082.507.7988"\n        label: Hotline hỗ trợ thủ tục hành chính\n'
                          '        source: Kế hoạch tuyên truyền cải cách hành chính năm 2023\n')
    site = site_factory()
    site.write("content/units.yml", units)
    result = site.check()
    assert result.site is not None, [str(p) for p in result.problems.errors]
    unit = result.site.units["hp-so-gddt"]
    assert unit.hotline == "0225 3842 185"
    assert [(h.number, h.label) for h in unit.hotlines] == [
        ("0225 3842 185", "Đường dây nóng"), ("082.507.7988", "Hotline hỗ trợ thủ tục hành chính")]


def test_periods():
    assert (parse_period("2023-Q2").start, parse_period("2023-Q2").end) == (date(2023, 4, 1), date(2023, 6, 30))
    assert parse_period("2023-h2").label == "6 tháng cuối năm 2023"
    assert parse_period("2024").label == "năm 2024"
    import pytest

    with pytest.raises(ValueError, match="2023-Q2"):
        parse_period("Q2-2023")
