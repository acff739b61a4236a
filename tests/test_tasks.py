"""Task status, overdue marking and CSV export, tested on the library (no MkDocs build)."""

from __future__ import annotations

import csv
import io
from datetime import date

from cchc.content.model import TimeFrame
from cchc.index.tasks import TaskIndex, task_row, task_status, tasks_csv
from cchc.strings import DEFAULT


def load(site_factory, build_date="2024-06-30"):
    result = site_factory().check(build_date)
    assert result.site is not None, [str(p) for p in result.problems.errors]
    return result.site


def task_with(site, key):
    return next(t for t in site.tasks() if t.key == key)


def news_on(site, day: str, key: str):
    """A copy of the tiny site's news item, dated ``day`` and citing ``key``."""
    import dataclasses
    from datetime import datetime

    from cchc.text import VN_TZ

    y, m, d = (int(x) for x in day.split("-"))
    return dataclasses.replace(site.news[0], id=f"tin-{day}", date=datetime(y, m, d, 9, 0, tzinfo=VN_TZ), tasks=[key])


PLAN_END = date(2024, 12, 31)


def test_status_from_evidence_and_dates(site_factory):
    site = load(site_factory)
    task = task_with(site, "kh-2024#2")  # Quý II/2024, no evidence
    assert task.time == TimeFrame("Quý II/2024", date(2024, 4, 1), date(2024, 6, 30))
    assert task_status(task, [], date(2024, 3, 31), PLAN_END) == "upcoming"
    assert task_status(task, [], date(2024, 6, 30), PLAN_END) == "pending"  # the last day is not overdue yet
    assert task_status(task, [], date(2024, 7, 1), PLAN_END) == "overdue"  # the plan still runs
    on_time = news_on(site, "2024-05-02", task.key)
    assert task_status(task, [on_time], date(2024, 5, 10), PLAN_END) == "in-progress"
    assert task_status(task, [on_time], date(2024, 7, 1), PLAN_END) == "done"
    # evidence dated after the day asked about does not count (a report as of an earlier day)
    assert task_status(task, [on_time], date(2024, 5, 1), PLAN_END) == "pending"


def test_done_late_when_the_first_evidence_comes_after_the_window(site_factory):
    site = load(site_factory)
    task = task_with(site, "kh-2024#2")  # due 30/06/2024
    late = news_on(site, "2024-12-01", task.key)
    row = task_row(task, [late], date(2026, 12, 1), PLAN_END)
    assert row.status == "done-late" and DEFAULT.t(f"task.status.{row.status}") == "Hoàn thành sau thời hạn"
    assert row.evidence_date == date(2024, 12, 1)
    # an earlier item decides: the first evidence is within the window
    early = news_on(site, "2024-06-15", task.key)
    assert task_status(task, [late, early], date(2026, 12, 1), PLAN_END) == "done"


def test_ended_plan_without_evidence_is_not_called_overdue(site_factory):
    site = load(site_factory)
    task = task_with(site, "kh-2024#2")
    row = task_row(task, [], date(2026, 12, 1), PLAN_END)  # fixed build date, long after the plan
    assert row.status == "no-evidence"
    assert DEFAULT.t("task.status.no-evidence") == "Chưa có minh chứng trên trang"
    assert "không có nghĩa là nhiệm vụ không được thực hiện" in DEFAULT.t("task.meaning.no-evidence")
    assert not row.overdue
    assert task_status(task, [], date(2024, 12, 31), PLAN_END) == "overdue"  # last day of the plan


def test_manual_status_with_date_and_note_wins(site_factory):
    from cchc.content.model import ManualStatus

    site = load(site_factory)
    task = task_with(site, "kh-2024#2")
    task.manual = ManualStatus(state="done", date=date(2024, 6, 20), note="Theo Báo cáo số 45/BC-SGDĐT")
    row = task_row(task, [], date(2024, 7, 1), PLAN_END)
    assert (row.status, row.evidence_date) == ("done", date(2024, 6, 20))
    assert row.note() == "Cập nhật ngày 20/06/2024: Theo Báo cáo số 45/BC-SGDĐT"
    # before the day it was set, it does not count yet
    assert task_status(task, [], date(2024, 6, 19), PLAN_END) == "pending"
    task.manual = ManualStatus(state="done", date=date(2024, 8, 1), note="Hoàn thành muộn")
    assert task_status(task, [], date(2024, 9, 1), PLAN_END) == "done-late"
    task.manual = ManualStatus(state="not-started", date=date(2024, 5, 1), note="Chưa bố trí kinh phí")
    evidence = news_on(site, "2024-04-10", task.key)
    assert task_status(task, [evidence], date(2024, 5, 2), PLAN_END) == "not-started"  # wins over evidence


def test_every_status_has_a_legend_entry():
    from cchc.index.tasks import STATUSES, legend

    keys = [key for key, _, _ in legend()]
    assert keys == list(STATUSES)
    assert {"done", "done-late", "in-progress", "pending", "upcoming", "overdue", "no-evidence"} <= set(keys)
    assert all(meaning for _, _, meaning in legend())


def test_index_links_evidence_and_units(site_factory):
    site = load(site_factory)
    index = TaskIndex(site)
    row = index.by_key["kh-2024#1"]
    assert [n.id for n in row.evidence] == ["tin-hoi-nghi"]
    assert row.status == "in-progress"
    # task 1: lead hp-so-gddt, support the group "Các đơn vị giáo dục" (Trần Phú, An Dương)
    roles = {ref: dict((r.task.key, role) for r, role in index.for_ref(ref))
             for ref in [*site.units, *site.groups]}
    assert roles["hp-so-gddt"] == {"kh-2024#1": "lead"}
    assert roles["hp-gddt-van-phong"] == {"kh-2024#2": "lead"}
    # a task given to a group is the group's, listed once, not copied to each member
    assert roles["hp-gddt-cac-don-vi"] == {"kh-2024#1": "support"}
    assert roles["hp-thpt-tran-phu"] == {} and roles["hp-phong-gddt-an-duong"] == {}
    assert roles["hai-phong"] == {}  # a parent's table does not repeat its children's tasks


def test_csv_has_bom_and_is_safe(site_factory):
    site = load(site_factory)
    site.plans[0].tasks[1].title = "=HYPERLINK(\"http://evil\")"
    index = TaskIndex(site)
    data = tasks_csv(site, index.rows, lambda item: "https://cchc.test/" + item.id + "/")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    assert rows[0][:4] == ["Kế hoạch", "Số kế hoạch", "TT", "Nhiệm vụ"]
    assert rows[1][2] == "1" and rows[1][11] == "Đang thực hiện"
    assert "https://cchc.test/tin-hoi-nghi/" in rows[1][14]
    assert rows[2][3].startswith("'=")  # not run as a formula by a spreadsheet
