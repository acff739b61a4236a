"""A report as a Word document in the usual layout of a "Báo cáo kết quả thực hiện".

The layout of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP): the issuing
body and the national motto side by side at the top, the number and the place and date
left for the office to fill in, "BÁO CÁO" and its subject centred, the body in Times New
Roman 13-14 pt on A4, then the recipients and the signature block. Tables are real Word
tables with a repeated header row, so Word and LibreOffice open the file as it is.
"""

from __future__ import annotations

import io
import threading
import zipfile
from datetime import datetime

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from cchc.reports.data import Line, Report
from cchc.text import show_date

FONT = "Times New Roman"
# (key of report.* in strings/vi.yml, width in cm): 25.7 cm fit a landscape A4 inside its margins
COLUMNS = [("col_no", 2.2), ("col_task", 5.0), ("col_role", 3.0), ("col_time", 3.0),
           ("col_status", 3.2), ("col_evidence_date", 2.7), ("col_evidence", 6.6)]


def _font(run, size: float = 13, bold: bool = False, italic: bool = False) -> None:
    """Only what differs from the Normal style (Times New Roman 13): each property is an XML element."""
    if size != 13:
        run.font.size = Pt(size)
    if bold:
        run.bold = True
    if italic:
        run.italic = True


def _para(container, text: str = "", size: float = 13, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, after: float = 6):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    if text:
        _font(paragraph.add_run(text), size, bold, italic)
    return paragraph


def _cell(cell, text: str, bold: bool = False, size: float = 11, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    _font(paragraph.add_run(text), size, bold)


def _widths(table, widths: list[float]) -> None:
    """Fixed column widths (the table grid and every cell: Word reads one, LibreOffice the other)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _row_flag(row, name: str) -> None:
    """Set a row property: "w:tblHeader" (repeat on every page), "w:cantSplit" (keep on one page)."""
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _evidence(line: Line, t) -> str:
    if line.note:
        return line.note
    if not line.evidence:
        return t("report.no_evidence")
    return "\n".join(f"{e.title} ({show_date(e.date)}) {e.link}" for e in line.evidence)


def _task_text(line: Line, t) -> str:
    return f"{line.title} ({t('task.inferred_mark')})" if line.inferred else line.title


def _new_skeleton() -> tuple[DocumentObject, list[tuple[str, bytes]]]:
    """A document with the page set-up and styles of a report, and its saved parts in order."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE  # a seven-column table reads on a landscape A4
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(13)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):  # Word picks the font by script
        fonts.set(qn(script), FONT)
    _prune(document)
    out = io.BytesIO()
    document.save(out)
    archive = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    return document, [(name, archive.read(name)) for name in archive.namelist()]


# The styles a report uses (``_fill``), with the defaults Word falls back on.
USED_STYLES = {"Normal", "TableGrid", "DefaultParagraphFont", "TableNormal", "NoList"}
# Parts of python-docx's template a report does not need: Word 2010's second copy of the
# styles, a thumbnail of an unrelated page, custom XML, web settings (about half a report's bytes).
DROPPED_PARTS = ("stylesWithEffects", "customXml", "webSettings")


def _prune(document: DocumentObject) -> None:
    """Drop what the report does not use from the template: ``DROPPED_PARTS``, the thumbnail,
    the list of latent styles and the styles that are neither used nor a default."""
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in DROPPED_PARTS:
            part.drop_rel(rid)
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rid)
    styles = document.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    keep, todo = set(), [sid for sid, style in by_id.items()
                         if sid in USED_STYLES or style.get(qn("w:default")) in ("1", "true")]
    while todo:  # a kept style keeps the styles it is based on or linked to
        sid = todo.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        for ref in ("w:basedOn", "w:link", "w:next"):
            found = by_id[sid].find(qn(ref))
            if found is not None:
                todo.append(found.get(qn("w:val")))
    for sid, style in by_id.items():
        if sid not in keep:
            styles.remove(style)


_SKELETON: list[tuple[DocumentObject, list[tuple[str, bytes]]]] = []
_LOCK = threading.Lock()


def report_docx(report: Report) -> bytes:
    """The report as the bytes of a .docx file.

    Opening python-docx's template and saving a whole package costs about 60 ms; a site
    writes one report per plan, so the document is set up once and reused: each report
    empties its body, fills it, and only the body and the core properties are written
    again next to the other parts, saved once.
    """
    with _LOCK:
        if not _SKELETON:
            _SKELETON.append(_new_skeleton())
        document, parts = _SKELETON[0]
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        _fill(document, report)
        return _package(document, parts, report)


def _package(document: DocumentObject, parts: list[tuple[str, bytes]], report: Report) -> bytes:
    t = report.strings.t
    core = document.core_properties
    core.title = f"{t('report.title')} {report.subject}"
    core.author = report.unit
    core.language = "vi-VN"
    made = datetime(report.as_of.year, report.as_of.month, report.as_of.day)  # not the clock: same data, same file
    core.created = core.modified = made
    core.last_modified_by, core.revision = report.unit, 1
    fresh = {"word/document.xml": document.part.blob,
             "docProps/core.xml": document.part.package._core_properties_part.blob}
    out = io.BytesIO()
    stamp = (report.as_of.year, report.as_of.month, report.as_of.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), fresh.get(name, data), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _fill(document: DocumentObject, report: Report) -> None:
    """Write the report into the (empty) body of ``document``."""
    t = report.strings.t
    header = document.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(header, [11.0, 14.7])
    left, right = header.rows[0].cells
    top = left.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.authority:
        _font(top.add_run(report.authority.upper() + "\n"), 12)
    _font(top.add_run(report.unit.upper()), 12, bold=True)
    _para(left, t("report.number"), 13, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    motto = right.paragraphs[0]
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(motto.add_run(t("report.motto_1") + "\n"), 12, bold=True)
    _font(motto.add_run(t("report.motto_2")), 13, bold=True)
    _para(right, t("report.place_date"), 13, italic=True,
          align=WD_ALIGN_PARAGRAPH.CENTER, after=0)

    title = _para(document, t("report.title"), 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    title.paragraph_format.space_before = Pt(18)
    _para(document, report.subject, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _para(document, report.intro, 13)

    _para(document, t("report.totals"), 13, bold=True)
    total = sum(report.totals.values())
    summary = document.add_table(rows=1, cols=2)
    summary.style = "Table Grid"
    summary.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell(summary.rows[0].cells[0], t("report.totals_status"), bold=True)
    _cell(summary.rows[0].cells[1], t("report.totals_count"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for key, count in report.totals.items():
        if count:
            cells = summary.add_row().cells
            _cell(cells[0], next(label for k, label, _ in report.legend if k == key))
            _cell(cells[1], str(count), align=WD_ALIGN_PARAGRAPH.CENTER)
    cells = summary.add_row().cells
    _cell(cells[0], t("report.totals_all"), bold=True)
    _cell(cells[1], str(total), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(summary, [10.0, 4.0])

    _para(document, t("report.tasks"), 13, bold=True).paragraph_format.space_before = Pt(12)
    if not report.sections:
        _para(document, t("report.no_tasks"), 13, italic=True)
    for number, part in enumerate(report.sections, start=1):
        _para(document, f"{number}. {part.heading}", 13, bold=True)
        if part.note:
            _para(document, part.note, 13, italic=True)
        if not part.lines:
            continue
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, (key, _) in zip(table.rows[0].cells, COLUMNS, strict=True):
            _cell(cell, t(f"report.{key}"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _row_flag(table.rows[0], "w:tblHeader")
        for line in part.lines:
            row = table.add_row()
            _row_flag(row, "w:cantSplit")
            cells = row.cells
            values = [line.no, _task_text(line, t), line.role, line.time, line.label,
                      show_date(line.evidence_date) if line.evidence_date else "", _evidence(line, t)]
            for cell, value in zip(cells, values, strict=True):
                _cell(cell, value)
        _widths(table, [width for _, width in COLUMNS])

    _para(document, t("report.notes"), 13, bold=True).paragraph_format.space_before = Pt(12)
    for _, label, meaning in report.legend:
        paragraph = _para(document, "", 12, after=2)
        _font(paragraph.add_run(f"- {label}: "), 12, bold=True)
        _font(paragraph.add_run(meaning), 12)
    _para(document, "- " + t("task.evidence_date"), 12, after=2)
    if any(line.inferred for line in report.lines):
        _para(document, "- " + t("task.inferred_meaning"), 12, after=2)

    closing = document.add_table(rows=1, cols=2)
    _widths(closing, [11.0, 14.7])
    left, right = closing.rows[0].cells
    recipients = left.paragraphs[0]
    _font(recipients.add_run(t("report.recipients") + "\n"), 12, bold=True, italic=True)
    _font(recipients.add_run(t("report.recipients_list")), 11)
    signature = right.paragraphs[0]
    signature.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(signature.add_run(t("report.signature") + "\n"), 13, bold=True)
    _font(signature.add_run(t("report.signature_note")), 13, italic=True)
