"""Task tables: each plan task's status from its evidence, overdue marking, CSV export.

``TaskIndex(site)`` is built once per build. It links every task to the news items
that cite it (the evidence), works out its status at the build date, and knows which
tasks each unit and each group leads or supports. A task given to a group ("Các đơn vị
giáo dục") is listed once, in the group's table, not copied into every member's; a
parent's table does not repeat its children's tasks either: each unit reports on its
own. Everything is computed in one pass, so the cost grows linearly with the content.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

from cchc.content.model import NewsItem, Site, Task
from cchc.strings import DEFAULT, Strings
from cchc.text import VN_TZ, show_date

# Status of a task on a day and a unit's role in it. The words a citizen reads for them
# are in strings/vi.yml: task.status.* (the label), task.meaning.* (the legend under
# every task table). The order of TaskStatus is the order of the legend and the totals.
TaskStatus = Literal["done", "done-late", "in-progress", "pending", "upcoming", "overdue", "no-evidence",
                     "not-started"]
Role = Literal["lead", "support"]
STATUSES: tuple[str, ...] = get_args(TaskStatus)
INFERABLE_FIELDS = ("lead", "support", "time", "product", "period")  # csv.inferred_field.* in strings/vi.yml


def legend(strings: Strings = DEFAULT) -> list[tuple[str, str, str]]:
    """(status key, label, meaning) for every status, in order: the legend of every task table."""
    return [(key, strings.t(f"task.status.{key}"), strings.t(f"task.meaning.{key}")) for key in STATUSES]


@dataclass
class TaskRow:
    """One task with what the tables show about it on a day (the build date, or a report's date)."""

    task: Task
    status: TaskStatus
    evidence: list[NewsItem] = field(default_factory=list)  # newest first, none dated after the day
    evidence_date: date | None = None  # first evidence, or the date of a status set by hand

    @property
    def overdue(self) -> bool:
        return self.status == "overdue"


    def note(self, strings: Strings = DEFAULT) -> str:
        """The note of a status set by hand, with its date ("" otherwise)."""
        manual = self.task.manual
        if manual is None or manual.date != self.evidence_date:
            return ""
        return strings.t("task.manual_note", date=show_date(manual.date), note=manual.note)


def _day(item: NewsItem) -> date:
    return item.date.astimezone(VN_TZ).date()


def task_row(task: Task, evidence: list[NewsItem], today: date, plan_end: date) -> TaskRow:
    """The row of ``task`` on ``today``: its status, the evidence up to that day and its date.

    A status an editor set by hand (dated on or before ``today``) wins: "done" is on time
    or late by its date. Otherwise the news items citing the task decide. With evidence
    a task is done once its time is over (late when the first evidence came after it),
    in progress before; a deadline ("Trước ngày ...") or a report is done as soon as
    there is evidence. Without evidence: not due yet before its start, within its time
    in between, and after its end "overdue" while the plan runs, or "no evidence
    published" once the plan is over, which says nothing about the work itself.
    """
    evidence = [item for item in evidence if _day(item) <= today]
    start, end = task.time.start, task.time.end
    manual = task.manual
    if manual is not None and manual.date <= today:
        if manual.state == "done":
            late = end is not None and manual.date > end
            return TaskRow(task, "done-late" if late else "done", evidence, manual.date)
        return TaskRow(task, manual.state, evidence, manual.date)
    if evidence:
        first = min(_day(item) for item in evidence)
        finished = end is not None and (end < today or start is None or task.duty is not None)
        if not finished:
            return TaskRow(task, "in-progress", evidence, first)
        return TaskRow(task, "done-late" if first > end else "done", evidence, first)
    if start is not None and start > today:
        return TaskRow(task, "upcoming", evidence)
    if end is None or end >= today:
        return TaskRow(task, "pending", evidence)
    return TaskRow(task, "no-evidence" if plan_end < today else "overdue", evidence)


def task_status(task: Task, evidence: list[NewsItem], today: date, plan_end: date) -> TaskStatus:
    """The status key of ``task`` on ``today`` (see ``task_row``)."""
    return task_row(task, evidence, today, plan_end).status


def cited_by(site: Site) -> dict[str, list[NewsItem]]:
    """Task key -> the news items citing it (its evidence), newest first like ``site.news``."""
    cited: dict[str, list[NewsItem]] = {}
    for item in site.news:
        for key in item.tasks:
            cited.setdefault(key, []).append(item)
    return cited


class TaskIndex:
    """Every task's row, and the tasks each unit takes part in, computed once."""

    def __init__(self, site: Site, today: date | None = None):
        self.site = site
        self.today = today = today or site.build_date
        self.cited = cited = cited_by(site)
        self.rows: list[TaskRow] = []
        self.by_key: dict[str, TaskRow] = {}
        self.by_plan: dict[str, list[TaskRow]] = {}  # the rows of each plan's own table
        self.by_plan_reports: dict[str, list[TaskRow]] = {}  # the reports each plan asks for, by deadline
        # unit or group id -> [(row, role)] in plan order; once per task, lead wins
        self.by_ref: dict[str, list[tuple[TaskRow, Role]]] = {}
        for plan in site.plans:
            rows = self.by_plan.setdefault(plan.id, [])
            reports = self.by_plan_reports.setdefault(plan.id, [])
            for task in plan.all_tasks:
                row = task_row(task, cited.get(task.key, []), today, plan.period_end)
                (reports if task.duty else rows).append(row)
                self.rows.append(row)
                self.by_key[task.key] = row
                roles: dict[str, Role] = {}
                for ref in task.lead:
                    roles.setdefault(ref, "lead")
                for ref in task.support:
                    roles.setdefault(ref, "support")
                for ref, role in roles.items():
                    self.by_ref.setdefault(ref, []).append((row, role))

    def for_ref(self, ref: str) -> list[tuple[TaskRow, Role]]:
        """The tasks a unit or a group is named in, with its role in each."""
        return self.by_ref.get(ref, [])

    def for_unit(self, unit_id: str) -> list[tuple[TaskRow, str, str | None]]:
        """The tasks of a unit for its report: its own, and those given to a group it is in.

        Each as (row, role, group id or None), in plan order, once per task.
        """
        refs = [(unit_id, None)] + [(g.id, g.id) for g in self.site.groups.values() if unit_id in g.members]
        seen: set[str] = set()
        out = []
        for ref, group in refs:
            for row, role in self.for_ref(ref):
                if row.task.key not in seen:
                    seen.add(row.task.key)
                    out.append((row, role, group))
        order = {row.task.key: i for i, row in enumerate(self.rows)}
        return sorted(out, key=lambda entry: order[entry[0].task.key])

    def counts(self, rows: list[TaskRow]) -> dict[str, int]:
        """How many of ``rows`` have each status, in the order of ``STATUSES``."""
        out = dict.fromkeys(STATUSES, 0)
        for row in rows:
            out[row.status] += 1
        return out


CSV_COLUMNS = ["plan", "plan_number", "no", "task", "details", "lead", "support", "time", "start", "end", "product",
               "status", "overdue", "evidence_count", "evidence", "evidence_date", "status_note", "inferred",
               "own_columns"]  # csv.* in strings/vi.yml (overdue: task.status.*)


def tasks_csv(site: Site, rows: list[TaskRow], link, roles: list[str] | None = None,
              strings: Strings = DEFAULT) -> bytes:
    """The rows as CSV bytes: UTF-8 with a BOM so Excel shows Vietnamese correctly.

    ``link(item)`` gives a news item's absolute URL; ``roles`` (one per row) adds a
    "Vai trò" column for a unit's table. Headers and status words come from ``strings``.
    """
    t = strings.t
    plans = {plan.id: plan for plan in site.plans}
    status = strings.table("task.status")
    role_label = strings.table("task.role")
    inferred = strings.table("csv.inferred_field")
    yes = t("csv.yes")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    # The yes/no "overdue" column is headed by the status's own name: a site rewords it once.
    header = [t("task.status.overdue") if key == "overdue" else t(f"csv.{key}") for key in CSV_COLUMNS]
    writer.writerow(header + ([t("csv.role")] if roles is not None else []))
    for i, row in enumerate(rows):
        task, plan = row.task, plans[row.task.plan_id]
        record = [
            plan.title, plan.number or "", task.no, task.title, task.details,
            "; ".join(site.unit_label(u, plan.date) for u in task.lead),  # names as the plan gave them
            "; ".join(site.unit_label(u, plan.date) for u in task.support),
            task.time.text,
            show_date(task.time.start) if task.time.start else "",
            show_date(task.time.end) if task.time.end else "",
            task.product, status[row.status], yes if row.overdue else "",
            str(len(row.evidence)),
            " | ".join(f"{item.title} ({link(item)})" for item in row.evidence),
            show_date(row.evidence_date) if row.evidence_date else "", row.note(strings),
            "; ".join(inferred[name] for name in task.inferred),
            " | ".join(f"{column.label}: {task.cells[column.key]}" for column in plan.columns
                       if column.own and task.cells.get(column.key)),
        ]
        if roles is not None:
            record.append(role_label[roles[i]])
        writer.writerow([_csv_safe(value) for value in record])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value
