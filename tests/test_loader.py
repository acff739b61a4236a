"""The loader on good content, on text it repairs or warns about, and on what it holds back."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime

import pytest
from cchc.content.model import FormerName, Source, Unit
from cchc.text import VN_TZ
from conftest import NEWS, PLAN, PROCEDURE, UNITS
from mkdocs.exceptions import Abort

NEWS_PATH = "content/news/2024/tin-hoi-nghi.md"


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def strings(value, seen=None):
    """Every str reachable from ``value`` (dataclasses, lists, dicts)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name), seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key, seen)
            yield from strings(item, seen)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item, seen)


def test_tiny_site_loads(site_factory):
    result = site_factory().check()
    assert result.problems.errors == []
    site = result.site
    assert [p.id for p in site.plans] == ["kh-2024"]
    assert [n.id for n in site.news] == ["tin-hoi-nghi"]
    assert [p.code for p in site.procedures] == ["1.005090"]
    news = site.news[0]
    assert news.date == datetime(2024, 2, 20, 8, 30, tzinfo=VN_TZ)
    assert news.date.utcoffset().total_seconds() == 7 * 3600
    assert news.tasks == ["kh-2024#1"]
    tasks = {t.no: t for t in site.plans[0].tasks}
    assert tasks["1"].time.recurring and (tasks["1"].time.start, tasks["1"].time.end) == (
        date(2024, 1, 1), date(2024, 12, 31))
    assert (tasks["2"].time.start, tasks["2"].time.end) == (date(2024, 4, 1), date(2024, 6, 30))
    assert site.units["hp-so-gddt"].children == ["hp-gddt-van-phong", "hp-thpt-tran-phu", "hp-phong-gddt-an-duong"]
    assert site.groups["hp-gddt-cac-don-vi"].members == ["hp-thpt-tran-phu", "hp-phong-gddt-an-duong"]


def test_nfd_text_is_normalised_with_a_notice(site_factory):
    site = site_factory()
    site.write(NEWS_PATH, NEWS.replace("title: Hội nghị", "title: " + nfd("Hội nghị")))
    result = site.check()
    assert result.problems.errors == []
    notices = [str(p) for p in result.problems.notices]
    assert notices == [f"{NEWS_PATH}:{line_of(NEWS, 'title:')}: chữ Việt dạng tổ hợp (NFD) đã được chuyển "
                       "sang dạng dựng sẵn (NFC) (cách sửa: không cần làm gì)"]
    assert result.site.news[0].title == unicodedata.normalize("NFC", "Hội nghị triển khai cải cách hành chính năm 2024")


def test_the_whole_model_is_nfc(site_factory):
    site = site_factory()
    site.write("content/units.yml", nfd(UNITS))
    site.write("content/plans/kh-2024.md", nfd(PLAN))
    site.write(NEWS_PATH, nfd(NEWS))
    site.write("content/procedures/cap-ban-sao-van-bang.md", nfd(PROCEDURE))
    result = site.check()
    assert result.problems.errors == []
    assert result.problems.notices, "each decomposed line gets a notice"
    texts = list(strings(result.site))
    assert any("Giáo dục" in t for t in texts)
    bad = [t for t in texts if unicodedata.normalize("NFC", t) != t]
    assert bad == []


def test_tcvn3_and_vni_mojibake_stop_check_and_build_alike(site_factory):
    """One rule: text that would be published garbled stops `cchc check` and every build."""
    site = site_factory()
    text = NEWS.replace("summary: Sở GDĐT", "summary: Céng hßa xã hội. Sở GDĐT")
    text = text.replace("Sáng 20/02", "Vieät Nam. Sáng 20/02")
    site.write(NEWS_PATH, text)
    result = site.check()
    assert result.site is None
    errors = [str(p) for p in result.problems.errors]
    assert len(errors) == 2
    assert errors[0].startswith(f"{NEWS_PATH}:{line_of(text, 'Céng hßa')}: ") and "TCVN3/VNI" in errors[0]
    assert errors[1].startswith(f"{NEWS_PATH}:{line_of(text, 'Vieät Nam')}: ") and "TCVN3/VNI" in errors[1]
    for strict in (True, False):
        with pytest.raises(Abort):
            site.build(strict=strict)


def test_correct_vietnamese_is_not_taken_for_mojibake(site_factory):
    site = site_factory()
    site.write(NEWS_PATH, NEWS.replace("Sáng 20/02", "Cộng hòa xã hội chủ nghĩa Việt Nam. Đồng chí Nguyễn Thị Hương. "
                                       "Sáng 20/02"))
    assert site.check().problems.warnings == []


def test_line_separator_is_replaced_and_later_lines_keep_their_numbers(site_factory):
    site = site_factory()
    text = NEWS.replace("title: Hội nghị triển khai", "title: Hội nghị\u2028triển khai")
    text = text.replace("date: 2024-02-20 08:30", "date: 20/02/2024")
    site.write(NEWS_PATH, text)
    result = site.check()
    warnings = [str(p) for p in result.problems.warnings]
    assert len(warnings) == 1 and warnings[0].startswith(f"{NEWS_PATH}:{line_of(text, 'title:')}: ")
    assert "U+2028" in warnings[0]
    errors = [str(p) for p in result.problems.errors]
    assert len(errors) == 1 and errors[0].startswith(f"{NEWS_PATH}:{line_of(text, 'date:')}: date:")


def test_drafts_and_future_items_are_held_back_not_errors(site_factory):
    site = site_factory()
    site.write("content/news/2024/nhap.md", NEWS.replace("id: tin-hoi-nghi", "id: nhap").replace(
        "tasks:", "draft: true\ntasks:"))
    site.write("content/news/2024/sap-dang.md", NEWS.replace("id: tin-hoi-nghi", "id: sap-dang").replace(
        "2024-02-20 08:30", "2024-07-01 08:00"))
    site.write("content/plans/kh-nhap.md", PLAN.replace("id: kh-2024", "id: kh-nhap").replace(
        "tasks:", "draft: true\ntasks:"))
    site.write("content/procedures/thu-tuc-nhap.md", PROCEDURE.replace(
        "id: cap-ban-sao-van-bang", "id: thu-tuc-nhap").replace("history:", "draft: true\nhistory:"))
    result = site.check("2024-06-30")
    assert result.problems.errors == []
    assert [n.id for n in result.site.news] == ["tin-hoi-nghi"]
    assert [p.id for p in result.site.plans] == ["kh-2024"]
    assert [p.id for p in result.site.procedures] == ["cap-ban-sao-van-bang"]
    held = sorted(result.site.held_back)
    assert len(held) == 4
    assert any(h.startswith("content/news/2024/sap-dang.md") and "01/07/2024" in h for h in held)
    # On its date the scheduled item is published.
    later = site.check("2024-07-01 08:00")
    assert {n.id for n in later.site.news} == {"tin-hoi-nghi", "sap-dang"}


def test_a_draft_is_still_checked(site_factory):
    site = site_factory()
    site.write("content/news/2024/nhap.md", NEWS.replace("id: tin-hoi-nghi", "id: nhap").replace(
        "tasks:", "draft: true\ntasks:").replace("date: 2024-02-20 08:30", "date: 20/02/2024"))
    result = site.check()
    assert [str(p).split(" date:")[0] for p in result.problems.errors] == ["content/news/2024/nhap.md:4:"]


def test_link_to_a_task_of_a_draft_plan(site_factory):
    site = site_factory()
    site.write("content/plans/kh-2024.md", PLAN.replace("tasks:", "draft: true\ntasks:"))
    result = site.check()
    errors = [str(p) for p in result.problems.errors]
    assert len(errors) == 1
    assert errors[0].startswith(f"{NEWS_PATH}:{line_of(NEWS, 'tasks:')}: tasks:") and "draft" in errors[0]


def test_one_file_with_many_mistakes_reports_them_all(site_factory):
    site = site_factory()
    text = (NEWS.replace("title: Hội nghị", "titel: Hội nghị")
            .replace("date: 2024-02-20 08:30", "date: 2024-13-01")
            .replace("unit: hp-so-gddt", "unit: hp-so-gd")
            .replace("topics: [chi-dao-dieu-hanh]", "topics: [chi-dao]"))
    site.write(NEWS_PATH, text)
    result = site.check()
    lines = sorted(p.line for p in result.problems.errors)
    # titel (unknown) + title (missing), date, and, as the item cannot be built, nothing more.
    assert {line_of(text, "titel"), line_of(text, "date:")} <= set(lines)


def test_unit_problems_do_not_flood_every_item(site_factory):
    site = site_factory()
    site.write("content/units.yml", UNITS.replace("  - id: hp-so-gddt", "\t- id: hp-so-gddt"))
    result = site.check()
    errors = [str(p) for p in result.problems.errors]
    assert errors == [f"content/units.yml:{line_of(UNITS, '- id: hp-so-gddt')}: dòng này thụt vào bằng phím Tab "
                      "(cách sửa: thụt vào bằng dấu cách, không dùng phím Tab)"]


def test_former_names_and_end_of_a_unit(site_factory):
    unit = site_factory().check().site.units["hp-phong-gddt-an-duong"]
    assert unit.name_on(date(2024, 12, 31)) == "Phòng Giáo dục và Đào tạo huyện An Dương"
    assert unit.name_on(date(2025, 1, 1)) == "Phòng Giáo dục và Đào tạo quận An Dương"
    assert unit.short_name_on(date(2020, 5, 1)) == "Phòng GDĐT huyện An Dương"
    assert unit.short_name_on(date(2025, 3, 1)) == "Phòng GDĐT An Dương"
    assert unit.active_on(date(2025, 6, 30)) and not unit.active_on(date(2025, 7, 1))
    assert unit.ended.successor == "hp-so-gddt"


def test_name_on_with_two_renamings():
    unit = Unit(id="x", name="Tên 3", short_name="T3", kind="school", parent=None, hotline=None, email=None,
                address=None, website=None, ended=None, source=Source("content/units.yml", 1),
                former_names=[FormerName(name="Tên 1", short_name="T1", until=date(2010, 8, 31)),
                              FormerName(name="Tên 2", short_name="T2", until=date(2020, 8, 31))])
    assert [unit.name_on(date(y, 9, 1)) for y in (2009, 2010, 2019, 2020, 2021)] == [
        "Tên 1", "Tên 2", "Tên 2", "Tên 3", "Tên 3"]
    assert unit.short_name_on(date(2010, 8, 31)) == "T1"


def test_procedure_history_and_status(site_factory):
    site = site_factory()
    site.write("content/procedures/cap-ban-sao-van-bang.md", PROCEDURE.replace(
        "    effective: 2021-05-15",
        '    effective: 2021-05-15\n  - change: bãi bỏ\n    decision: "9/QĐ-UBND"\n    decision_date: 2024-03-01'))
    proc = site.check().site.procedures[0]
    assert [c.kind for c in proc.history] == ["new", "abolished"]
    assert proc.status == "abolished"
    assert proc.history[1].effective == date(2024, 3, 1), "no 'effective': the decision date"
    assert [s.key for s in proc.sections][:3] == ["trinh-tu", "cach-thuc", "ho-so"]


def test_build_date_from_the_environment(monkeypatch):
    from cchc.config import build_time_from

    monkeypatch.setenv("CCHC_BUILD_DATE", "2024-03-05 08:30")
    assert build_time_from() == datetime(2024, 3, 5, 8, 30, tzinfo=VN_TZ)
    monkeypatch.setenv("CCHC_BUILD_DATE", "05/03/2024")
    try:
        build_time_from()
    except ValueError as exc:
        assert "CCHC_BUILD_DATE" in str(exc)
    else:
        raise AssertionError("a bad build date must be refused")
