"""Task time phrases from the seed plans, turned into dates."""

from __future__ import annotations

from datetime import date

import pytest
from cchc.content.timeframe import parse_timeframe

PERIOD_2025 = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(("phrase", "period", "start", "end", "recurring"), [
    ("Thường xuyên", PERIOD_2025, date(2025, 1, 1), date(2025, 12, 31), True),
    ("Thường xuyên", (date(2025, 7, 1), date(2025, 12, 31)), date(2025, 7, 1), date(2025, 12, 31), True),
    ("Hằng năm", PERIOD_2025, date(2025, 1, 1), date(2025, 12, 31), True),
    ("Cả năm 2018", (date(2018, 1, 1), date(2018, 12, 31)), date(2018, 1, 1), date(2018, 12, 31), False),
    ("Quý II/2025", PERIOD_2025, date(2025, 4, 1), date(2025, 6, 30), False),
    ("Quý I/2025", PERIOD_2025, date(2025, 1, 1), date(2025, 3, 31), False),
    ("Quý IV năm 2024", PERIOD_2025, date(2024, 10, 1), date(2024, 12, 31), False),
    ("Quý III, IV/2025", PERIOD_2025, date(2025, 7, 1), date(2025, 12, 31), False),
    ("Quý I và quý II/2025", PERIOD_2025, date(2025, 1, 1), date(2025, 6, 30), False),
    ("Quý II", PERIOD_2025, date(2025, 4, 1), date(2025, 6, 30), False),
    ("Tháng 6 đến tháng 11/2023", PERIOD_2025, date(2023, 6, 1), date(2023, 11, 30), False),
    ("Tháng 6/2023", PERIOD_2025, date(2023, 6, 1), date(2023, 6, 30), False),
    ("Tháng 2/2024", PERIOD_2025, date(2024, 2, 1), date(2024, 2, 29), False),
    ("Tháng 11/2023 đến tháng 2/2024", PERIOD_2025, date(2023, 11, 1), date(2024, 2, 29), False),
    ("Trước ngày 30/6/2023", PERIOD_2025, None, date(2023, 6, 30), False),
    ("Từ ngày 01/3/2024 đến ngày 15/4/2024", PERIOD_2025, date(2024, 3, 1), date(2024, 4, 15), False),
    ("6 tháng cuối năm 2025", PERIOD_2025, date(2025, 7, 1), date(2025, 12, 31), False),
    ("6 tháng đầu năm 2024", PERIOD_2025, date(2024, 1, 1), date(2024, 6, 30), False),
    ("Tháng 1/2018 - 12/2018", PERIOD_2025, date(2018, 1, 1), date(2018, 12, 31), False),
    ("Năm 2023 - 2024", PERIOD_2025, date(2023, 1, 1), date(2024, 12, 31), False),
])
def test_phrases(phrase, period, start, end, recurring):
    frame = parse_timeframe(phrase, period)
    assert frame.text == phrase, "the phrase is kept as written"
    assert (frame.start, frame.end, frame.recurring) == (start, end, recurring)


def test_phrases_without_diacritics_read_the_same():
    assert parse_timeframe("Quy II/2025", PERIOD_2025) == parse_timeframe("Quý II/2025", PERIOD_2025).__class__(
        "Quy II/2025", date(2025, 4, 1), date(2025, 6, 30))


def test_a_phrase_without_dates_runs_for_the_period():
    frame = parse_timeframe("Theo chỉ đạo của Ủy ban nhân dân thành phố", PERIOD_2025)
    assert (frame.start, frame.end) == PERIOD_2025


def test_an_impossible_date_is_not_rolled_over():
    # 31/2 does not exist: only the year is trusted, never a date in March.
    frame = parse_timeframe("Trước ngày 31/2/2024", PERIOD_2025)
    assert (frame.start, frame.end) == (date(2024, 1, 1), date(2024, 12, 31))
