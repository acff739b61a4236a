"""What a "Báo cáo kết quả thực hiện" says: the tasks, their status on a day, the totals.

``unit_report(site, unit_id, period)`` is the report a unit files for a quarter, a
half-year or a year: every task it leads or supports (itself or through a group it
belongs to) whose time overlaps the period, with its status on the period's last day
(or the build date, if earlier) and the evidence published up to then.
``plan_report(site, plan)`` is the current report of one plan, as each plan page offers.
The Word and Excel writers (``docx.py``, ``xlsx.py``) only lay this data out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from cchc.content.model import NewsItem, Plan, Site
from cchc.content.reporting import Period, parse_period
from cchc.index.tasks import STATUSES, TaskIndex, TaskRow, cited_by, legend, task_row
from cchc.strings import DEFAULT, Strings
from cchc.text import VN_TZ, show_date, show_dated

Link = Callable[[NewsItem], str]


@dataclass(kw_only=True)
class Evidence:
    title: str
    date: date
    link: str


@dataclass(kw_only=True)
class Line:
    """One task in a report."""

    no: str
    title: str
    role: str  # "Chủ trì", "Phối hợp", "Chủ trì (Các đơn vị giáo dục)"; the lead units in a plan report
    time: str  # the time as the plan writes it
    deadline: date | None
    status: str  # a key of STATUSES
    label: str
    evidence_date: date | None
    note: str
    evidence: list[Evidence]
    inferred: list[str]


@dataclass(kw_only=True)
class Section:
    """The tasks of one plan."""

    heading: str  # "Kế hoạch số 12/KH-SGDĐT ngày 15/01/2024: Kế hoạch tuyên truyền ..."
    lines: list[Line]
    note: str = ""  # said instead of an empty table (a plan whose appendix is missing)


@dataclass(kw_only=True)
class Report:
    unit_id: str
    authority: str  # the name of the unit above the reporting one (first header line), "" at the top
    unit: str  # full name as on the report's day
    period: Period
    as_of: date  # the day the statuses are taken on
    subject: str  # "Kết quả thực hiện nhiệm vụ cải cách hành chính quý II/2023"
    intro: str
    sections: list[Section]
    totals: dict[str, int] = field(default_factory=dict)  # status key -> tasks, in STATUSES order
    strings: Strings = DEFAULT  # the words of the report (the site's rewordings included)

    @property
    def lines(self) -> list[Line]:
        return [line for section in self.sections for line in section.lines]

    @property
    def legend(self) -> list[tuple[str, str, str]]:
        return legend(self.strings)


def _line(plan: Plan, row: TaskRow, role: str, link: Link, strings: Strings) -> Line:
    task = row.task
    return Line(
        no=task.no, title=task.title, role=role, time=task.time.text, deadline=task.time.end,
        status=row.status, label=strings.t(f"task.status.{row.status}"), evidence_date=row.evidence_date,
        note=row.note(strings),
        evidence=[Evidence(title=item.title, date=item.date.astimezone(VN_TZ).date(), link=link(item))
                  for item in reversed(row.evidence)],  # oldest first, as a report lists them
        inferred=list(task.inferred))


def _number(plan: Plan, strings: Strings) -> str:
    return strings.t("report.plan_number", number=plan.number) if plan.number else ""


def _heading(site: Site, plan: Plan, strings: Strings) -> str:
    return strings.t("report.plan_heading", number=_number(plan, strings), date=show_dated(plan.date),
                     unit=site.units[plan.unit].short_name_on(plan.date), title=plan.title)


def _totals(lines: list[Line]) -> dict[str, int]:
    totals = dict.fromkeys(STATUSES, 0)
    for line in lines:
        totals[line.status] += 1
    return totals


def _authority(site: Site, unit_id: str, day: date) -> str:
    parent = site.units[unit_id].parent
    return site.units[parent].name_on(day) if parent else ""


def unit_report(site: Site, unit_id: str, period: Period | str, link: Link, strings: Strings = DEFAULT) -> Report:
    """The report ``unit_id`` files for ``period`` (a ``Period`` or "2023-Q2", "2023-H1", "2023")."""
    if isinstance(period, str):
        period = parse_period(period)
    if unit_id not in site.units:
        raise KeyError(unit_id)
    as_of = min(period.end, site.build_date)
    index = TaskIndex(site, today=as_of)
    plans = {plan.id: plan for plan in site.plans}
    sections: dict[str, Section] = {}
    for row, role, group in index.for_unit(unit_id):
        task, plan = row.task, plans[row.task.plan_id]
        if plan.date > as_of or not period.overlaps(task.time.start, task.time.end):
            continue
        label = strings.t(f"task.role.{role}")
        if group:
            label = strings.t("report.role_in_group", role=label, group=site.groups[group].name)
        section = sections.setdefault(plan.id, Section(heading=_heading(site, plan, strings), lines=[]))
        section.lines.append(_line(plan, row, label, link, strings))
    name = site.units[unit_id].name_on(as_of)
    subject = strings.t("report.unit_subject", period=period.label)
    intro = strings.t("report.unit_intro", unit=name, period=period.label, start=show_date(period.start),
                      end=show_date(period.end), as_of=show_date(as_of))
    report = Report(unit_id=unit_id, authority=_authority(site, unit_id, as_of), unit=name, period=period,
                    as_of=as_of, subject=subject, intro=intro, sections=list(sections.values()), strings=strings)
    report.totals = _totals(report.lines)
    return report


def plan_report(site: Site, plan: Plan, link: Link, strings: Strings = DEFAULT,
                cited: dict[str, list[NewsItem]] | None = None) -> Report:
    """The current report of ``plan``: all its tasks and reports, from its start to today (or its end).

    ``cited`` (task key -> evidence, ``TaskIndex.cited``) saves reading every news item
    again for each plan when a build writes the report of every plan.
    """
    as_of = min(plan.period_end, site.build_date)
    cited = cited_by(site) if cited is None else cited
    rows = [task_row(task, cited.get(task.key, []), as_of, plan.period_end) for task in plan.all_tasks]
    period = Period(plan.period_start, plan.period_end, f"{plan.period_start:%Y%m%d}-{plan.period_end:%Y%m%d}",
                    f"từ {show_date(plan.period_start)} đến {show_date(plan.period_end)}")

    def lines(rows: list[TaskRow]) -> list[Line]:
        return [_line(plan, row, "; ".join(site.unit_label(ref, plan.date) for ref in row.task.lead), link, strings)
                for row in rows]

    note = plan.task_list_note or (strings.t(f"plan.task_list.{plan.task_list}") if plan.task_list != "table" else "")
    sections = [Section(heading=_heading(site, plan, strings), lines=lines([r for r in rows if not r.task.duty]),
                        note=note)]
    reports = [r for r in rows if r.task.duty]
    if reports:
        sections.append(Section(heading=strings.t("task.reports"), lines=lines(reports)))
    name = site.units[plan.unit].name_on(as_of)
    subject = strings.t("report.plan_subject", number=_number(plan, strings), date=show_dated(plan.date))
    intro = strings.t("report.plan_intro", title=plan.title, start=show_date(plan.period_start),
                      end=show_date(plan.period_end), as_of=show_date(as_of))
    report = Report(unit_id=plan.unit, authority=_authority(site, plan.unit, as_of), unit=name, period=period,
                    as_of=as_of, subject=subject, intro=intro, sections=sections, strings=strings)
    report.totals = _totals(report.lines)
    return report
