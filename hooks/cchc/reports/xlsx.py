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

from cchc.reports.data import Report
from cchc.reports.zipfix import fixed_zip
from cchc.text import show_date

# (key of report.* in strings/vi.yml, column width in characters)
HEADER = [("col_plan", 40), ("col_no", 8), ("col_task", 50), ("col_role", 24), ("col_time", 22),
          ("col_deadline", 12), ("col_status", 22), ("col_evidence_date", 14), ("col_note", 30),
          ("col_inferred", 22), ("col_evidence", 60), ("col_link", 50)]
DATE_FORMAT = "dd/mm/yyyy"
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def _safe(value: str) -> str:
    """Text that a spreadsheet never runs as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def report_xlsx(report: Report) -> bytes:
    """The report as the bytes of an .xlsx file."""
    t = report.strings.t
    inferred = report.strings.table("csv.inferred_field")
    book = Workbook()
    sheet = book.active
    sheet.title = t("report.sheet")
    sheet.append([f"{t('report.title')} {report.subject.upper()}"])
    sheet.append([t("report.sheet_unit", unit=report.unit)])
    sheet.append([t("report.sheet_period", period=report.period.label, start=show_date(report.period.start),
                    end=show_date(report.period.end), as_of=show_date(report.as_of))])
    sheet.append([])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([t(f"report.{key}") for key, _ in HEADER])
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
                "; ".join(inferred[name] for name in line.inferred),
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

    totals = book.create_sheet(t("report.sheet_totals"))
    totals.append([t("report.totals_status"), t("report.totals_count"), t("report.col_meaning")])
    for cell in totals[1]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    for key, label, meaning in report.legend:
        totals.append([label, report.totals.get(key, 0), meaning])
    totals.append([t("report.totals_all"), sum(report.totals.values()), ""])
    totals.cell(row=totals.max_row, column=1).font = BOLD
    for column, width in (("A", 34), ("B", 14), ("C", 90)):
        totals.column_dimensions[column].width = width
    for row in totals.iter_rows(min_row=2):
        row[2].alignment = WRAP

    made = datetime(report.as_of.year, report.as_of.month, report.as_of.day)
    book.properties.creator = report.unit
    book.properties.title = f"{t('report.title')} {report.subject}"
    book.properties.created = book.properties.modified = made
    out = io.BytesIO()
    book.save(out)
    return fixed_zip(out.getvalue(), report.as_of)
