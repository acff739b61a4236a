"""Task status, overdue marking and CSV export, tested on the library (no MkDocs build)."""

from __future__ import annotations

import csv
import io
from datetime import date

from cchc.content.model import TimeFrame
from cchc.index.tasks import TaskIndex, task_status, tasks_csv


def load(site_factory, build_date="2024-06-30"):
    result = site_factory().check(build_date)
    assert result.site is not None, [str(p) for p in result.problems.errors]
    return result.site


def task_with(site, key):
    return next(t for t in site.tasks() if t.key == key)


def test_status_from_evidence_and_dates(site_factory):
    site = load(site_factory)
    task = task_with(site, "kh-2024#2")  # Quý II/2024, no evidence
    assert task.time == TimeFrame("Quý II/2024", date(2024, 4, 1), date(2024, 6, 30))
    assert task_status(task, [], date(2024, 3, 31)) == "upcoming"
    assert task_status(task, [], date(2024, 6, 30)) == "pending"  # the last day is not overdue yet
    assert task_status(task, [], date(2024, 7, 1)) == "overdue"
    news = site.news[0]
    assert task_status(task, [news], date(2024, 5, 1)) == "in-progress"
    assert task_status(task, [news], date(2024, 7, 1)) == "done"
    task.status = "done"  # an editor's word is taken as written
    assert task_status(task, [], date(2024, 7, 1)) == "done"


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
