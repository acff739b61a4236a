"""A plan's task table as its document has it, ready for a template.

``plan_table(site, index, plan)`` gives the document's columns in the document's order
(its own ones such as "Hình thức tuyên truyền" included, "Sản phẩm" only where the
document has it), each cell's text with the units named as they were on the plan's
date, which values are not stated in the document (inferred), the status of each
row, what the page must say about where the tasks come from (no Danh mục, a missing
appendix), the legend of the statuses, and the reports the plan asks for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc.content.model import DEFAULT_COLUMNS, Column, Plan, Site, Task
from cchc.index.tasks import TaskIndex, TaskRow, legend
from cchc.strings import DEFAULT, Strings
from cchc.text import show_date


@dataclass(kw_only=True)
class Ref:
    """A unit or group named in a cell: its id (for the link) and its name on the plan's date."""

    id: str
    label: str
    role: str = ""  # "lead" / "support" (task.role.*) in a cell that holds both ("Đơn vị thực hiện")


@dataclass(kw_only=True)
class Cell:
    key: str
    text: str  # the cell as plain text (units joined with "; ")
    refs: list[Ref] = field(default_factory=list)  # for unit cells: one link each
    inferred: bool = False  # not stated in the document: shown with task.inferred_mark and task.inferred_title
    deadline: str = ""  # a time cell: "dd/mm/yyyy" of the end date when it has one and is not recurring


@dataclass(kw_only=True)
class Row:
    task: Task
    status: TaskRow
    cells: list[Cell]


@dataclass(kw_only=True)
class PlanTable:
    columns: list[Column]  # the document's, in its order (the page adds "Tình trạng" after them)
    rows: list[Row]
    report_columns: list[Column]  # the reports' own table: TT, report, who reports, deadline
    reports: list[Row]  # the plan's reporting duties, one row per period
    note: str  # where the tasks come from, when not from a table in the document ("" otherwise)
    legend: list[tuple[str, str, str]]  # (status key, label, meaning): shown under every task table

    @property
    def has_inferred(self) -> bool:
        return any(cell.inferred for row in self.rows + self.reports for cell in row.cells)


def columns_of(plan: Plan, strings: Strings = DEFAULT) -> list[Column]:
    """The plan's own columns, or the usual Danh mục columns when it gives none."""
    return plan.columns or [Column(key=key, label=strings.t(f"plan.col.{key}")) for key in DEFAULT_COLUMNS]


def _refs(site: Site, plan: Plan, ids: list[str], role: str = "") -> list[Ref]:
    return [Ref(id=ref, label=site.unit_label(ref, plan.date), role=role) for ref in ids]


def _cell(site: Site, plan: Plan, task: Task, key: str, strings: Strings) -> Cell:
    if key in ("lead", "support"):
        refs = _refs(site, plan, getattr(task, key))
        return Cell(key=key, text="; ".join(r.label for r in refs), refs=refs, inferred=task.is_inferred(key))
    if key == "units":
        refs = _refs(site, plan, task.lead, "lead") + _refs(site, plan, task.support, "support")
        text = "; ".join(f"{strings.t('task.role.' + r.role)}: {r.label}" for r in refs)
        return Cell(key=key, text=text, refs=refs, inferred=task.is_inferred("lead") or task.is_inferred("support"))
    if key == "time":
        deadline = show_date(task.time.end) if task.time.end and not task.time.recurring else ""
        return Cell(key=key, text=task.time.text, deadline=deadline, inferred=task.is_inferred("time"))
    if key == "product":
        return Cell(key=key, text=task.product, inferred=task.is_inferred("product"))
    if key in ("no", "title", "details"):
        return Cell(key=key, text=getattr(task, key))
    return Cell(key=key, text=task.cells.get(key, ""))


REPORT_COLUMNS = ("no", "title", "lead", "time")  # headed by plan.report_col.*


def plan_table(site: Site, index: TaskIndex, plan: Plan, strings: Strings = DEFAULT) -> PlanTable:
    """The table of ``plan`` with each row's status from ``index``.

    The reports the plan asks for are not rows of the document's table: they have a
    table of their own (the report, who reports, the deadline), not the document's columns.
    """
    columns = columns_of(plan, strings)
    report_columns = [Column(key=key, label=strings.t(f"plan.report_col.{key}")) for key in REPORT_COLUMNS]

    def rows(task_rows: list[TaskRow], cols: list[Column]) -> list[Row]:
        return [Row(task=r.task, status=r, cells=[_cell(site, plan, r.task, c.key, strings) for c in cols])
                for r in task_rows]

    note = plan.task_list_note or (strings.t(f"plan.task_list.{plan.task_list}") if plan.task_list != "table" else "")
    return PlanTable(columns=columns, rows=rows(index.by_plan.get(plan.id, []), columns), report_columns=report_columns,
                     reports=rows(index.by_plan_reports.get(plan.id, []), report_columns), note=note,
                     legend=legend(strings))
