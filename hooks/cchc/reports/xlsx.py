"""A report as an Excel workbook: the same data as the Word document, one row per task.

Sheet "Báo cáo" lists every task (plan, number, task, role, time, deadline, status,
date of evidence, evidence titles, dates and links); sheet "Tổng hợp" the totals by
status with what each status means. Dates are real Excel dates shown dd/mm/yyyy, so
an office can sort and filter them.
"""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cchc.index.tasks import INFERRED_LABELS
from cchc.reports.data import Report
from cchc.reports.zipfix import fixed_zip
from cchc.text import show_date

HEADER = [("Kế hoạch", 40), ("TT", 8), ("Nhiệm vụ", 50), ("Vai trò / Chủ trì", 24), ("Thời gian", 22),
          ("Hạn", 12), ("Tình trạng", 22), ("Ngày minh chứng", 14), ("Ghi chú cập nhật", 30),
          ("Không nêu trong văn bản", 22), ("Minh chứng", 60), ("Liên kết", 50)]
DATE_FORMAT = "dd/mm/yyyy"
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def _safe(value: str) -> str:
    """Text that a spreadsheet never runs as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def report_xlsx(report: Report) -> bytes:
    """The report as the bytes of an .xlsx file."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    sheet.append([f"BÁO CÁO {report.subject.upper()}"])
    sheet.append([f"Đơn vị: {report.unit}"])
    sheet.append([f"Kỳ báo cáo: {report.period.label} ({show_date(report.period.start)} - "
                  f"{show_date(report.period.end)}); tình trạng tính đến ngày {show_date(report.as_of)}"])
    sheet.append([])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([title for title, _ in HEADER])
    head = sheet.max_row
    for column, (_, width) in enumerate(HEADER, start=1):
        cell = sheet.cell(row=head, column=column)
        cell.font, cell.fill, cell.alignment = BOLD, HEAD_FILL, WRAP
        sheet.column_dimensions[get_column_letter(column)].width = width
    for part in report.sections:
        for line in part.lines:
            sheet.append([
                _safe(part.heading), line.no, _safe(line.title), _safe(line.role), _safe(line.time),
                line.deadline, line.label, line.evidence_date, _safe(line.note),
                "; ".join(INFERRED_LABELS[name] for name in line.inferred),
                _safe("\n".join(f"{e.title} ({show_date(e.date)})" for e in line.evidence)),
                "\n".join(e.link for e in line.evidence),
            ])
            row = sheet.max_row
            for column in range(1, len(HEADER) + 1):
                sheet.cell(row=row, column=column).alignment = WRAP
            for column in (6, 8):
                sheet.cell(row=row, column=column).number_format = DATE_FORMAT
            if len(line.evidence) == 1:
                sheet.cell(row=row, column=12).hyperlink = line.evidence[0].link
    sheet.freeze_panes = sheet.cell(row=head + 1, column=1)
    sheet.auto_filter.ref = f"A{head}:{get_column_letter(len(HEADER))}{sheet.max_row}"

    totals = book.create_sheet("Tổng hợp")
    totals.append(["Tình trạng", "Số nhiệm vụ", "Ý nghĩa"])
    for cell in totals[1]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    for key, label, meaning in report.legend:
        totals.append([label, report.totals.get(key, 0), meaning])
    totals.append(["Tổng số", sum(report.totals.values()), ""])
    totals.cell(row=totals.max_row, column=1).font = BOLD
    for column, width in (("A", 34), ("B", 14), ("C", 90)):
        totals.column_dimensions[column].width = width
    for row in totals.iter_rows(min_row=2):
        row[2].alignment = WRAP

    made = datetime(report.as_of.year, report.as_of.month, report.as_of.day)
    book.properties.creator = report.unit
    book.properties.title = f"Báo cáo {report.subject}"
    book.properties.created = book.properties.modified = made
    out = io.BytesIO()
    book.save(out)
    return fixed_zip(out.getvalue(), report.as_of)
