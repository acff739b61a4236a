"""Turning a task's time phrase ("Quý II/2025", "Tháng 6 đến tháng 11/2023") into dates."""

from __future__ import annotations

import calendar
import re
from datetime import date

from cchc.content.model import TimeFrame
from cchc.text import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RECURRING = ("thuong xuyen", "hang nam", "hang thang", "hang quy", "dinh ky", "hang tuan", "lien tuc")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_QUARTERS = re.compile(r"quy\s+((?:iv|i{1,3}|[1-4])(?:\s*(?:,|va|-|den)\s*(?:quy\s+)?(?:iv|i{1,3}|[1-4]))*)"
                       r"\s*(?:/|nam)?\s*(\d{4})?")
_MONTHS = re.compile(r"thang\s+(\d{1,2})(?:\s*(?:/\s*(\d{4}))?\s*(?:den|-|–)\s*(?:thang\s+)?(\d{1,2}))?"
                     r"\s*(?:/|nam)?\s*(\d{4})?")
_HALF = re.compile(r"6 thang (dau|cuoi) nam\s*(\d{4})?")
_YEAR = re.compile(r"\b(20\d{2}|19\d{2})\b")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_timeframe(text: str, period: tuple[date, date]) -> TimeFrame:
    """Read dates out of a time phrase; fall back to the plan's ``period``.

    "Thường xuyên" and other recurring phrases run for the whole period. A phrase
    without a year ("Quý II") takes the year the plan's period ends in.
    """
    phrase = fold(text)
    year = period[1].year
    if any(word in phrase for word in _RECURRING):
        return TimeFrame(text, period[0], period[1], recurring=True)
    dates = []
    for d, m, y in _DMY.findall(phrase):
        try:
            dates.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    if dates:
        if len(dates) == 1:
            start = None if re.search(r"truoc|han|cham nhat|hoan thanh", phrase) else dates[0]
            return TimeFrame(text, start, dates[0])
        return TimeFrame(text, min(dates), max(dates))
    half = _HALF.search(phrase)
    if half:
        y = int(half[2] or year)
        if half[1] == "dau":
            return TimeFrame(text, date(y, 1, 1), date(y, 6, 30))
        return TimeFrame(text, date(y, 7, 1), date(y, 12, 31))
    quarters = _QUARTERS.search(phrase)
    if quarters:
        numbers = [_ROMAN[q] for q in re.findall(r"iv|i{1,3}|[1-4]", quarters[1])]
        y = int(quarters[2] or _first_year(phrase) or year)
        return TimeFrame(text, date(y, 3 * min(numbers) - 2, 1), _month_end(y, 3 * max(numbers)))
    months = _MONTHS.search(phrase)
    if months:
        first, first_year, last, y_text = months[1], months[2], months[3], months[4]
        y = int(y_text or first_year or _first_year(phrase) or year)
        m1 = int(first)
        m2 = int(last) if last else m1
        if 1 <= m1 <= 12 and 1 <= m2 <= 12:
            y1 = int(first_year) if first_year else (y - 1 if m1 > m2 else y)
            return TimeFrame(text, date(y1, m1, 1), _month_end(y, m2))
    found = _YEAR.findall(phrase)
    if found:
        years = sorted(int(y) for y in found)
        return TimeFrame(text, date(years[0], 1, 1), date(years[-1], 12, 31))
    return TimeFrame(text, period[0], period[1], recurring=True)


def _first_year(phrase: str) -> str | None:
    match = _YEAR.search(phrase)
    return match[1] if match else None
