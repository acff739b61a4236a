"""`cchc report`: the report a unit files for a quarter, as Word and Excel files.

The .docx is converted to PDF by LibreOffice headless (what an office opens it with)
and its text read back with pdftotext; the .xlsx is read back with openpyxl. Both
programs come from Debian (scripts/setup-office, run by scripts/setup --test): a
missing one fails these tests, it does not skip them.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from cchc.commands.report import main as report_main
from conftest import PLAN
from openpyxl import load_workbook

PLAN_WITH_REPORTS = PLAN.replace("tasks:\n", """\
reporting:
  - no: bc-quy
    title: Báo cáo kết quả thực hiện Kế hoạch
    reporters: [hp-gddt-van-phong]
    recipients: [hp-so-gddt]
    every: quarter
    due: {day: 20, month: last}
    text: Văn phòng Sở báo cáo định kỳ hằng quý (trước ngày 20 tháng cuối quý).
tasks:
""", 1)

LATE_NEWS = """\
---
id: tin-cuoc-thi
title: Tổng kết cuộc thi tìm hiểu cải cách hành chính
date: 2024-08-01 09:00
unit: hp-so-gddt
topics: [chi-dao-dieu-hanh]
summary: Văn phòng Sở tổng kết cuộc thi tìm hiểu cải cách hành chính.
tasks: ["kh-2024#2"]
---
Nội dung.
"""

REPORT_NEWS = """\
---
id: tin-bao-cao-quy-2
title: Văn phòng Sở gửi báo cáo quý II
date: 2024-06-18 15:00
unit: hp-so-gddt
topics: [chi-dao-dieu-hanh]
summary: Báo cáo quý II đã gửi.
tasks: ["kh-2024#bc-quy-2024-Q2"]
---
Nội dung.
"""


def make_site(site_factory):
    site = site_factory()
    site.write("content/plans/kh-2024.md", PLAN_WITH_REPORTS)
    site.write("content/news/2024/tin-cuoc-thi.md", LATE_NEWS)
    site.write("content/news/2024/tin-bao-cao-quy-2.md", REPORT_NEWS)
    return site


def run_report(site, monkeypatch, out: Path, *args: str) -> int:
    monkeypatch.setenv("CCHC_BUILD_DATE", "2024-12-01")
    return report_main(["--root", str(site.root), "--out", str(out), *args])


def pdf_text(docx: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """The text of ``docx`` as LibreOffice lays it out, read back from the PDF.

    Returns the text in reading order (blocks such as the header's two columns one
    after the other) and the lines of the page layout (a table row on one line), both
    with single spaces.
    """
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    assert soffice and pdftotext, "LibreOffice Writer and poppler-utils are needed: run scripts/setup --test"
    profile = tmp_path / "lo-profile"  # its own profile: runs in parallel do not share a lock
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(docx.parent), str(docx)], check=True, capture_output=True, timeout=180)
    pdf = docx.with_suffix(".pdf")
    assert pdf.is_file(), "LibreOffice did not convert the report"
    def read(*options: str) -> str:
        return subprocess.run([pdftotext, *options, str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout

    layout = [" ".join(line.split()) for line in read("-layout").splitlines()]
    return " ".join(read().split()), [line for line in layout if line]


def test_quarter_report_of_a_unit_opens_in_libreoffice(site_factory, monkeypatch, tmp_path, capsys):
    site = make_site(site_factory)
    out = tmp_path / "out"
    assert run_report(site, monkeypatch, out, "--unit", "hp-gddt-van-phong", "--period", "2024-Q2") == 0
    docx = out / "bao-cao-hp-gddt-van-phong-2024-Q2.docx"
    assert docx.is_file() and (out / "bao-cao-hp-gddt-van-phong-2024-Q2.xlsx").is_file()
    assert "status on 30/06/2024" in capsys.readouterr().out
    text, lines = pdf_text(docx, tmp_path)
    for expected in [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HẢI PHÒNG", "VĂN PHÒNG SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
        "Kết quả thực hiện nhiệm vụ cải cách hành chính quý II/2024",
        "từ 01/04/2024 đến 30/06/2024", "tính đến ngày 30/06/2024",
        "Kế hoạch số 12/KH-SGDĐT ngày 15/01/2024",
        "Tổ chức cuộc thi tìm hiểu cải cách hành chính", "Quý II/2024",
        "Báo cáo kết quả thực hiện Kế hoạch quý II/2024", "Trước ngày 20/06/2024",
        "Văn phòng Sở gửi báo cáo quý II (18/06/2024)",
        "I. TỔNG HỢP", "III. GHI CHÚ", "Ngày minh chứng", "THỦ TRƯỞNG ĐƠN VỊ",
    ]:
        assert expected in text, expected
    # the totals table, row by row as the page shows it
    assert {"Tổng số 2", "Hoàn thành đúng hạn 1", "Trong thời hạn, chưa có minh chứng 1"} <= set(lines)
    # the report task's row: deadline, status, date of evidence on one line
    row = next(i for i, line in enumerate(lines) if line.startswith("bc-quy- Báo cáo kết quả thực Chủ trì"))
    assert lines[row].endswith("Trước ngày Hoàn thành 18/06/2024 Văn phòng Sở gửi báo cáo quý")
    assert lines[row + 1].startswith("2024-Q2 hiện Kế hoạch quý 20/06/2024 đúng hạn II (18/06/2024)")
    # the link wraps inside its narrow cell: compare without the line breaks
    assert "https://cchc.test/tin-tuc/2024/tin-bao-cao-quy-2/" in text.replace(" ", "")
    # the contest's evidence came in August: on 30/06/2024 the task had none yet
    assert "Tổng kết cuộc thi" not in text
    # tasks of other quarters are not in this quarter's report
    assert "quý I/2024" not in text and "quý III/2024" not in text


def test_the_word_file_carries_only_what_the_report_uses(site_factory, monkeypatch, tmp_path):
    """No second copy of the styles, no unrelated thumbnail: and every style the document
    names is defined, so Word and LibreOffice draw it as before (the test above)."""
    import posixpath
    import re
    import zipfile

    site = make_site(site_factory)
    out = tmp_path / "out"
    assert run_report(site, monkeypatch, out, "--unit", "hp-gddt-van-phong", "--period", "2024-Q2") == 0
    archive = zipfile.ZipFile(out / "bao-cao-hp-gddt-van-phong-2024-Q2.docx")
    names = set(archive.namelist())
    assert not {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "word/webSettings.xml"} & names
    assert not [n for n in names if n.startswith("customXml/")]
    for rels in [n for n in names if n.endswith(".rels")]:  # no relationship to a part left out
        folder = rels.split("_rels/")[0]  # "" for the package's, "word/" for the document's
        for target in re.findall(r'Target="([^"]+)"', archive.read(rels).decode()):
            assert posixpath.normpath(folder + target) in names, (rels, target)
    used = set(re.findall(rb'<w:(?:pStyle|tblStyle|rStyle) w:val="([^"]+)"', archive.read("word/document.xml")))
    defined = set(re.findall(rb'w:styleId="([^"]+)"', archive.read("word/styles.xml")))
    assert b"TableGrid" in used and used <= defined
    assert sum(i.compress_size for i in archive.infolist()) < 25_000  # was 40 kB with the template's extras


def test_the_same_data_as_an_excel_sheet(site_factory, monkeypatch, tmp_path):
    site = make_site(site_factory)
    out = tmp_path / "out"
    assert run_report(site, monkeypatch, out, "--unit", "hp-gddt-van-phong", "--period", "2024") == 0
    book = load_workbook(out / "bao-cao-hp-gddt-van-phong-2024.xlsx")
    sheet = book["Báo cáo"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = rows.index(next(r for r in rows if r[0] == "Kế hoạch"))
    assert rows[header][:8] == ["Kế hoạch", "TT", "Nhiệm vụ", "Vai trò / Chủ trì", "Thời gian", "Hạn",
                                "Tình trạng", "Ngày minh chứng"]
    by_no = {r[1]: r for r in rows[header + 1:]}
    # a year's report, taken on 01/12/2024 (the build date): the contest was done late
    contest = by_no["2"]
    assert contest[6] == "Hoàn thành sau thời hạn"
    assert contest[5] == datetime(2024, 6, 30) and contest[7] == datetime(2024, 8, 1)
    assert sheet.cell(row=header + 2, column=6).number_format == "dd/mm/yyyy"
    assert "Tổng kết cuộc thi tìm hiểu cải cách hành chính (01/08/2024)" in contest[10]
    assert contest[11] == "https://cchc.test/tin-tuc/2024/tin-cuoc-thi/"
    assert by_no["bc-quy-2024-Q2"][6] == "Hoàn thành đúng hạn"
    assert by_no["bc-quy-2024-Q3"][6] == "Quá hạn"  # due 20/09/2024, the plan still runs
    assert by_no["bc-quy-2024-Q4"][6] == "Trong thời hạn, chưa có minh chứng"
    totals = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert totals["Tổng số"] == 5 and totals["Quá hạn"] == 2  # Q1 (due 20/03) and Q3


def test_a_member_of_a_group_reports_the_groups_tasks(site_factory, monkeypatch, tmp_path):
    site = make_site(site_factory)
    out = tmp_path / "out"
    assert run_report(site, monkeypatch, out, "--unit", "hp-thpt-tran-phu", "--period", "2024-H1") == 0
    rows = list(load_workbook(out / "bao-cao-hp-thpt-tran-phu-2024-H1.xlsx")["Báo cáo"].iter_rows(values_only=True))
    task = next(r for r in rows if r[1] == "1")
    assert task[3] == "Phối hợp (Các đơn vị giáo dục)" and task[6] == "Đang thực hiện"


def test_bad_period_and_unknown_unit_are_explained(site_factory, monkeypatch, tmp_path, capsys):
    site = make_site(site_factory)
    assert run_report(site, monkeypatch, tmp_path, "--unit", "hp-gddt-van-phong", "--period", "Q2/2024") == 2
    assert "write 2023-Q2 (a quarter), 2023-H1 (a half-year) or 2023 (a year)" in capsys.readouterr().err
    assert run_report(site, monkeypatch, tmp_path, "--unit", "hp-gddt-van-phon", "--period", "2024-Q2") == 2
    assert "Did you mean 'hp-gddt-van-phong'?" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.docx"))
