"""The shipped demo plans say what their documents (shared/seeds) say.

Checked on the repository's own content/, loaded with a fixed build date: the dates as
printed (day left blank where the document leaves it blank), the document's columns
in its order, inferred values marked, names as of the plan's date, a missing appendix
said, the reporting duties entered, the hotlines the documents give.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from cchc.config import build_time_from
from cchc.content.loader import load_site
from cchc.index.plan_table import plan_table
from cchc.index.tasks import TaskIndex
from cchc.reports import plan_report_files
from cchc.text import show_date
from conftest import REPO
from openpyxl import load_workbook


@pytest.fixture(scope="module")
def demo():
    result = load_site(REPO, build_time_from("2026-12-01"), REPO / "docs")
    assert result.site is not None, [str(p) for p in result.problems.errors]
    site = result.site
    return site, TaskIndex(site), {plan.id: plan for plan in site.plans}


def table(demo, plan_id):
    site, index, plans = demo
    return plan_table(site, index, plans[plan_id])


def test_seed_000_hai_phong_education_2023(demo):
    site, _, plans = demo
    plan = plans["hp-sgddt-kh-tuyen-truyen-cchc-2023"]
    assert show_date(plan.date) == "tháng 3/2022" and plan.number is None  # "số   /KH-SGDĐT ngày ... tháng 3 năm 2022"
    t = table(demo, plan.id)
    assert [c.label for c in t.columns] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                            "Thời gian thực hiện/hoàn thành", "Sản phẩm"]
    row5 = next(r for r in t.rows if r.task.no == "5")
    time = next(c for c in row5.cells if c.key == "time")
    assert time.inferred and next(c for c in row5.cells if c.key == "product").text == ""
    assert {r.task.no for r in t.reports} == {"bc-quy-2023-Q1", "bc-quy-2023-Q2", "bc-quy-2023-Q3",
                                              "bc-quy-2023-Q4", "bc-nam-2023"}
    assert [h.number for h in site.units["hp-so-gddt"].hotlines] == ["0225 3842 185", "082.507.7988"]


def test_seed_001_binh_dinh_has_no_danh_muc(demo):
    plan = demo[2]["bd-sgddt-kh-truyen-thong-cchc-2024"]
    assert plan.task_list == "prose" and plan.number == "978/KH-SGDĐT" and plan.date == date(2024, 4, 15)
    t = table(demo, plan.id)
    assert "không có Danh mục nhiệm vụ" in t.note
    assert "Sản phẩm" not in [c.label for c in t.columns] and all(not task.product for task in plan.tasks)
    marked = {r.task.no: [c.key for c in r.cells if c.inferred] for r in t.rows}
    assert marked["III.1"] == ["lead", "support", "time"] and marked["V.2.2"] == ["time"]


def test_seed_002_city_2018_names_as_of_the_plan_and_ended_plan_wording(demo):
    plan = demo[2]["hp-ubnd-kh-tuyen-truyen-cchc-2018"]
    t = table(demo, plan.id)
    assert [c.label for c in t.columns] == ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                            "Thời gian thực hiện/hoàn thành"]
    row7 = next(r for r in t.rows if r.task.no == "7")
    lead = next(c for c in row7.cells if c.key == "lead")
    assert lead.text == "Sở VHTT Hải Phòng"  # the Sở Văn hóa và Thể thao, not today's Sở VHTTDL
    assert lead.refs[0].id == "hp-so-vhtt"  # the link leads to the unit's page (its current name)
    statuses = [r.status.status for r in t.rows]
    assert "overdue" not in statuses and statuses.count("no-evidence") == len(statuses) - 1
    assert next(r for r in t.rows if r.task.no == "1.4").cells[4].inferred  # time unreadable in the scan
    assert [r.task.time.end for r in t.reports] == [date(2018, 3, 1), date(2018, 6, 1), date(2018, 9, 1),
                                                    date(2018, 11, 1)]


def test_seed_003_foreign_affairs_2025_appendix_missing(demo):
    site, _, plans = demo
    plan = plans["hp-sngv-kh-tuyen-truyen-cchc-2025"]
    t = table(demo, plan.id)
    assert t.rows == [] and "Phụ lục" in t.note and "không có bảng nhiệm vụ" in t.note
    assert {r.task.no: r.task.time.end for r in t.reports} == {
        "bc-quy-2025-Q3": date(2025, 9, 20), "bc-quy-2025-Q4": date(2025, 12, 20),
        "bc-6-thang-2025-H2": date(2025, 12, 20), "bc-nam-2025": date(2025, 12, 20)}
    assert "1022" in [h.number for h in site.units["hai-phong"].hotlines]


def test_seed_004_quang_ninh_its_appendix_columns(demo):
    plan = demo[2]["qn-sgddt-kh-tuyen-truyen-cchc-2023"]
    assert show_date(plan.date) == "tháng 2/2023" and plan.number is None
    t = table(demo, plan.id)
    assert [c.label for c in t.columns] == ["TT", "Nội dung tuyên truyền", "Hình thức tuyên truyền",
                                            "Đơn vị thực hiện", "Thời gian thực hiện"]
    first = t.rows[0].cells
    assert first[2].text.startswith("Tin, bài, phóng sự trên các phương tiện thông tin")
    assert first[3].text.startswith("Chủ trì: Văn phòng") and "Phối hợp: " in first[3].text
    assert all(not task.product and not task.details for task in plan.tasks)
    assert {r.task.no: r.task.time.end for r in t.reports} == {
        "ke-hoach-don-vi": date(2023, 3, 10), "bc-6-thang-2023-H1": date(2023, 5, 30),
        "bc-nam-2023": date(2023, 11, 30)}
    assert "các nội dung của phụ lục được trình bày" not in plan.body  # words the document does not have


def test_every_plan_offers_its_current_report(demo):
    site, _, plans = demo
    files = plan_report_files(site, plans["qn-sgddt-kh-tuyen-truyen-cchc-2023"], lambda item: "https://x.test/")
    assert [path for path, _ in files] == [
        "ke-hoach/qn-sgddt-kh-tuyen-truyen-cchc-2023/bao-cao-qn-sgddt-kh-tuyen-truyen-cchc-2023.docx",
        "ke-hoach/qn-sgddt-kh-tuyen-truyen-cchc-2023/bao-cao-qn-sgddt-kh-tuyen-truyen-cchc-2023.xlsx"]
    sheet = load_workbook(io.BytesIO(files[1][1]))["Báo cáo"]
    assert sheet["A3"].value.endswith("tình trạng tính đến ngày 31/12/2023")  # the plan ended: as of its end
    tasks = [row[1] for row in sheet.iter_rows(min_row=6, values_only=True)]
    assert tasks == ["1", "2", "3", "4", "ke-hoach-don-vi", "bc-6-thang-2023-H1", "bc-nam-2023"]


def test_report_files_carry_the_reports_date_not_the_clock(demo):
    import zipfile

    site, _, plans = demo
    for _, data in plan_report_files(site, plans["qn-sgddt-kh-tuyen-truyen-cchc-2023"], lambda item: "https://x.test/"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        assert {member.date_time for member in archive.infolist()} == {(2023, 12, 31, 0, 0, 0)}
        assert b"2023-12-31T00:00:00Z</dcterms:modified>" in archive.read("docProps/core.xml")


def test_the_report_of_a_plan_without_its_appendix_says_so(demo):
    from docx import Document

    site, _, plans = demo
    docx = plan_report_files(site, plans["hp-sngv-kh-tuyen-truyen-cchc-2025"], lambda item: "https://x.test/")[0][1]
    paragraphs = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    heading = next(i for i, text in enumerate(paragraphs) if text.startswith("1. Kế hoạch số 58/KH-NV"))
    assert "không có bảng nhiệm vụ" in paragraphs[heading + 1]
    assert paragraphs[heading + 2] == "2. Chế độ báo cáo theo Kế hoạch"
