"""Downloads made in a forked child while MkDocs renders (cchc.forked): the plans' reports."""

from __future__ import annotations

import io
import os

import pytest
from cchc.forked import ForkedError, ForkedFiles
from conftest import PLAN
from mkdocs.exceptions import Abort
from openpyxl import load_workbook


def test_files_are_made_by_another_process_and_found_where_it_says():
    files = ForkedFiles()
    files.add(["a/one.txt", "a/two.txt"], lambda: [b"mot", str(os.getpid()).encode()])
    files.add(["b/three.txt"], lambda: [b"ba"])
    files.start()
    try:
        files.wait()
        assert files.path("a/one.txt").read_bytes() == b"mot"
        assert files.path("b/three.txt").read_bytes() == b"ba"
        assert int(files.path("a/two.txt").read_bytes()) != os.getpid()  # made in the child
        spool = files.path("a/one.txt").parents[1]
    finally:
        files.cleanup()
    assert not spool.exists()


def test_made_in_this_process_when_not_forked():
    files = ForkedFiles()
    files.add(["x.txt"], lambda: [str(os.getpid()).encode()])
    files.start(fork=False)
    files.wait()
    assert int(files.path("x.txt").read_bytes()) == os.getpid()
    files.cleanup()


def test_a_failure_in_the_child_is_raised_by_wait():
    def broken() -> list[bytes]:
        raise ValueError("bảng nhiệm vụ hỏng")

    files = ForkedFiles()
    files.add(["ok.txt"], lambda: [b"ok"])
    files.add(["bad.docx"], broken)
    files.start()
    with pytest.raises(ForkedError) as failure:
        files.wait()
    files.cleanup()
    assert failure.value.last_line == "ValueError: bảng nhiệm vụ hỏng"
    assert "broken" in str(failure.value)  # the child's traceback, for whoever fixes it


def _plan_site(site_factory):
    site = site_factory()
    site.write("content/plans/kh-2024.md", PLAN)
    return site


def test_the_built_site_has_each_plans_reports(site_factory):
    out = _plan_site(site_factory).build()
    folder = out / "ke-hoach" / "kh-2024"
    sheet = load_workbook(io.BytesIO((folder / "bao-cao-kh-2024.xlsx").read_bytes()))["Báo cáo"]
    titles = [row[2] for row in sheet.iter_rows(min_row=6, values_only=True)]
    assert "Tổ chức cuộc thi tìm hiểu cải cách hành chính" in titles
    assert (folder / "bao-cao-kh-2024.docx").read_bytes()[:2] == b"PK"


def test_a_report_that_cannot_be_made_stops_the_build_with_a_vietnamese_message(site_factory, monkeypatch):
    import cchc.reports as reports

    def broken(report):
        raise RuntimeError("ô bảng vượt giới hạn")

    monkeypatch.setattr(reports, "report_docx", broken)
    site = _plan_site(site_factory)
    with pytest.raises(Abort) as stopped:
        site.build()
    assert "báo cáo của kế hoạch (tệp .docx, .xlsx) không tạo được: RuntimeError: ô bảng vượt giới hạn" \
        in str(stopped.value)
