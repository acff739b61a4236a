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

# Status of a task at the build date and a unit's role in it; the words a citizen reads
# for them are in strings/vi.yml (task.status.*, task.role.*).
TaskStatus = Literal["done", "in-progress", "pending", "upcoming", "overdue"]
Role = Literal["lead", "support"]
STATUSES: tuple[str, ...] = get_args(TaskStatus)


@dataclass
class TaskRow:
    """One task with what the tables show about it at the build date."""

    task: Task
    status: TaskStatus
    evidence: list[NewsItem] = field(default_factory=list)  # newest first

    @property
    def overdue(self) -> bool:
        return self.status == "overdue"


def task_status(task: Task, evidence: list[NewsItem], today: date) -> TaskStatus:
    """The status of ``task`` on ``today``.

    An editor's ``status: done`` is taken as written. Otherwise the news items that cite
    the task decide: with evidence the task is done once its time is over and in
    progress before; without evidence it is overdue once its end date has passed,
    not yet due before its start, and waiting for a result in between.
    """
    end, start = task.time.end, task.time.start
    if task.status == "done":
        return "done"
    if evidence:
        return "done" if end is not None and end < today else "in-progress"
    if end is not None and end < today:
        return "overdue"
    if start is not None and start > today:
        return "upcoming"
    return "in-progress" if task.status == "in-progress" else "pending"


class TaskIndex:
    """Every task's row, and the tasks each unit takes part in, computed once."""

    def __init__(self, site: Site):
        self.site = site
        today = site.build_date
        cited: dict[str, list[NewsItem]] = {}
        for item in site.news:  # site.news is newest first, so evidence lists are too
            for key in item.tasks:
                cited.setdefault(key, []).append(item)
        self.rows: list[TaskRow] = []
        self.by_key: dict[str, TaskRow] = {}
        self.by_plan: dict[str, list[TaskRow]] = {}
        # unit or group id -> [(row, role)] in plan order; once per task, lead wins
        self.by_ref: dict[str, list[tuple[TaskRow, Role]]] = {}
        for plan in site.plans:
            rows = self.by_plan.setdefault(plan.id, [])
            for task in plan.tasks:
                evidence = cited.get(task.key, [])
                row = TaskRow(task, task_status(task, evidence, today), evidence)
                rows.append(row)
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

    def counts(self, rows: list[TaskRow]) -> dict[str, int]:
        """How many of ``rows`` have each status, in the order of ``STATUSES``."""
        out = dict.fromkeys(STATUSES, 0)
        for row in rows:
            out[row.status] += 1
        return out


CSV_COLUMNS = ["plan", "plan_number", "no", "task", "details", "lead", "support", "time", "start", "end", "product",
               "status", "overdue", "evidence_count", "evidence"]  # csv.* in strings/vi.yml (overdue: task.status.*)


def tasks_csv(site: Site, rows: list[TaskRow], link, roles: list[str] | None = None,
              strings: Strings = DEFAULT) -> bytes:
    """The rows as CSV bytes: UTF-8 with a BOM so Excel shows Vietnamese correctly.

    ``link(item)`` gives a news item's absolute URL; ``roles`` (one per row) adds a
    "Vai trò" column for a unit's table. Headers and status words come from ``strings``.
    """
    from cchc.text import show_date

    t = strings.t
    plans = {plan.id: plan for plan in site.plans}
    status = strings.table("task.status")
    role_label = strings.table("task.role")
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
            "; ".join(site.unit_label(u) for u in task.lead),
            "; ".join(site.unit_label(u) for u in task.support),
            task.time.text,
            show_date(task.time.start) if task.time.start else "",
            show_date(task.time.end) if task.time.end else "",
            task.product, status[row.status], yes if row.overdue else "",
            str(len(row.evidence)),
            " | ".join(f"{item.title} ({link(item)})" for item in row.evidence),
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
