"""Reporting duties as dated tasks, and the periods reports are made for.

A plan says "báo cáo định kỳ hằng quý (trước ngày 20 tháng cuối quý)": ``duty_tasks``
turns such a duty into one task per quarter (half-year, year) of the plan, due on
the day the document gives, so each report has a status like any other task.
``Period`` is also what ``cchc report --period 2023-Q2`` reads.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from cchc.content.model import Plan, ReportingDuty, Task, TimeFrame
from cchc.text import show_date

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
EVERY_LABELS = {"quarter": "hằng quý", "half-year": "6 tháng", "year": "hằng năm", "once": "một lần"}


@dataclass(frozen=True)
class Period:
    """A reporting period: a quarter, a half-year, a year, or any span of days."""

    start: date
    end: date
    code: str  # "2023-Q2", "2023-H1", "2023"
    label: str  # "quý II/2023", "6 tháng đầu năm 2023", "năm 2023"

    def overlaps(self, start: date | None, end: date | None) -> bool:
        return (start is None or start <= self.end) and (end is None or end >= self.start)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter(year: int, q: int) -> Period:
    return Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}-Q{q}", f"quý {ROMAN[q]}/{year}")


def half_year(year: int, h: int) -> Period:
    if h == 1:
        return Period(date(year, 1, 1), date(year, 6, 30), f"{year}-H1", f"6 tháng đầu năm {year}")
    return Period(date(year, 7, 1), date(year, 12, 31), f"{year}-H2", f"6 tháng cuối năm {year}")


def whole_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), str(year), f"năm {year}")


_PERIOD = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]))?$", re.IGNORECASE)


def parse_period(text: str) -> Period:
    """Read ``2023-Q2``, ``2023-H1`` or ``2023``; raise ValueError with the accepted forms."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a period: write 2023-Q2 (a quarter), 2023-H1 (a half-year) or 2023 (a year)")
    year, part = int(match[1]), (match[2] or "").upper()
    if part.startswith("Q"):
        return quarter(year, int(part[1]))
    if part.startswith("H"):
        return half_year(year, int(part[1]))
    return whole_year(year)


def periods(every: str, start: date, end: date) -> list[Period]:
    """The calendar periods of kind ``every`` that overlap ``start``..``end``, in order."""
    out: list[Period] = []
    for year in range(start.year, end.year + 1):
        if every == "quarter":
            candidates = [quarter(year, q) for q in range(1, 5)]
        elif every == "half-year":
            candidates = [half_year(year, h) for h in (1, 2)]
        else:
            candidates = [whole_year(year)]
        out.extend(p for p in candidates if p.overlaps(start, end))
    return out


def duty_tasks(plan: Plan, duty: ReportingDuty) -> list[Task]:
    """One task per period of ``plan`` for ``duty``, due as the document says.

    With fixed ``dates`` the i-th date is the deadline of the i-th period (periods
    without a date get no task: the document asks for none). Without a day at all the
    deadline is the period's last day, marked as inferred (not stated in the document).
    """
    if duty.every == "once":
        spans = [Period(plan.period_start, plan.period_end, "", "")]
    else:
        spans = periods(duty.every, plan.period_start, plan.period_end)
    tasks = []
    for index, period in enumerate(spans):
        inferred = list(duty.inferred)
        if duty.due.dates:
            if index >= len(duty.due.dates):
                break
            due = duty.due.dates[index]
        elif duty.due.day is not None:
            month_end = period.end
            if duty.due.month == "next":
                month_end = _month_end(period.end.year + (period.end.month == 12), period.end.month % 12 + 1)
            due = date(month_end.year, month_end.month, min(duty.due.day, month_end.day))
        else:
            due = period.end
            if "time" not in inferred:
                inferred.append("time")
        if "time" in inferred and not duty.due.dates and duty.due.day is None:
            label = period.label[:1].upper() + period.label[1:]
            when = f"{label}; văn bản không nêu hạn gửi (tính đến {show_date(due)})"
        else:
            when = f"Trước ngày {show_date(due)}"
        suffix = f"-{period.code}" if period.code else ""
        title = f"{duty.title} {period.label}".strip()
        tasks.append(Task(
            plan_id=plan.id, no=f"{duty.no}{suffix}", title=title, details=duty.text,
            lead=list(duty.reporters), support=[], time=TimeFrame(when, max(period.start, plan.period_start), due),
            product="", manual=None, source=duty.source,
            inferred=inferred, duty=duty.no, recipients=list(duty.recipients)))
    return tasks
