"""Bad input, one case per mistake an editor can make.

Each case writes a tiny site with one broken file next to an independent broken
"sentinel" file, then checks that the run reports the case's problem with the file,
the line and the field, *and* the sentinel's two problems (so one mistake never hides
the others). Expected lines come from the input text (``line_of``), not from the code.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import NEWS, PLAN, PROCEDURE, UNITS

SENTINEL_PATH = "content/news/2024/sentinel.md"
SENTINEL = """\
---
id: sentinel
title: Tin kiểm tra
date: 2024/03/05
unit: hp-so-gddt
topics: [chi-dao-dieu-hanh]
summary: Một tin có hai lỗi độc lập.
tags: [abc]
---
Nội dung.
"""
SENTINEL_EXPECTED = [
    (SENTINEL_PATH, 4, "date", "2024-03-05"),
    (SENTINEL_PATH, 8, "tags", "có phải ý bạn là 'tasks'"),
]
NEWS_PATH = "content/news/2024/tin-hoi-nghi.md"
PLAN_PATH = "content/plans/kh-2024.md"
PROC_PATH = "content/procedures/cap-ban-sao-van-bang.md"
UNITS_PATH = "content/units.yml"


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based number of the ``nth`` line of ``text`` that contains ``needle``."""
    hits = [n for n, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not in the test input"
    return hits[nth - 1]


def replace_line(text: str, needle: str, new: str) -> str:
    """Replace the whole line that contains ``needle`` (keeps every other line number)."""
    lines = text.split("\n")
    index = line_of(text, needle) - 1
    lines[index] = new
    return "\n".join(lines)


def insert_after(text: str, needle: str, new: str) -> str:
    lines = text.split("\n")
    index = line_of(text, needle)
    lines.insert(index, new)
    return "\n".join(lines)


@dataclass
class Case:
    """``files``: path -> text (str) or bytes; ``expected``: (path, line, field, words in message or fix)."""

    name: str
    files: dict
    expected: list
    build_date: str = "2024-06-30"


def _cases() -> list[Case]:
    cases: list[Case] = []

    def add(name, files, expected, build_date="2024-06-30"):
        cases.append(Case(name, files, expected, build_date))

    # 1. duplicate key: the second 'title' is refused, naming the first line.
    text = insert_after(NEWS, "summary:", "title: Một tiêu đề khác")
    add("duplicate key", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "Một tiêu đề khác"), "title",
          f"hai lần (lần đầu ở dòng {line_of(text, 'title:')})")])

    # 2. unquoted procedure code: YAML would read a float.
    text = replace_line(PROCEDURE, "code:", "code: 1.005090")
    add("unquoted procedure code", {PROC_PATH: text},
        [(PROC_PATH, line_of(text, "code:"), "code", 'code: "1.005090"')])

    # 3. NO and yes in text fields: YAML would read booleans.
    text = replace_line(NEWS, "summary:", "summary: NO")
    add("NO in a text field", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "summary:"), "summary", "có/không")])
    text = replace_line(PROCEDURE, "fees:", "fees: yes")
    add("yes in a text field", {PROC_PATH: text},
        [(PROC_PATH, line_of(text, "fees:"), "fees", '"yes"')])

    # 4. 0123 as a phone number: YAML would read the number 83.
    text = replace_line(UNITS, '"0225 3842 100"', "    hotline: 0123")
    add("0123 as a phone number", {UNITS_PATH: text},
        [(UNITS_PATH, line_of(text, "hotline: 0123"), "units[1].hotline", 'hotline: "0123"')])
    text = replace_line(NEWS, "title:", "title: 0123")
    add("0123 as a title", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "title:"), "title", "một số")])

    # 5. 12:30: YAML 1.1 would read the number 750 (base 60).
    text = replace_line(PLAN, "time: Quý II/2024", "    time: 12:30")
    add("12:30 in a text field", {PLAN_PATH: text},
        [(PLAN_PATH, line_of(text, "time: 12:30"), "tasks[2].time", '"12:30"')])

    # 6. date written the Vietnamese way.
    text = replace_line(NEWS, "date:", "date: 05/03/2024")
    add("dd/mm/yyyy date", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "date:"), "date", "2024-03-05")])

    # 7. a date that does not exist.
    text = replace_line(PLAN, "date: 2024-01-15", "date: 2024-02-31")
    add("impossible date", {PLAN_PATH: text},
        [(PLAN_PATH, line_of(text, "date: 2024-02-31"), "date", "không phải ngày")])
    text = replace_line(NEWS, "date:", "date: 2024-02-20 25:10")
    add("impossible time", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "date:"), "date", "không phải ngày")])

    # 8. unknown unit, with the closest id suggested.
    text = replace_line(NEWS, "unit:", "unit: hp-so-gdt")
    add("unknown unit", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "unit:"), "unit", "có phải ý bạn là 'hp-so-gddt'")])

    # 9. unknown topic.
    text = replace_line(NEWS, "topics:", "topics: [chi-dao-dieu-hanh, cai-cach-the-ch]")
    add("unknown topic", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "topics:"), "topics", "có phải ý bạn là 'cai-cach-the-che'")])

    # 10. the same id in two files (different names, so only the id clashes).
    other = "content/news/2023/tin-khac.md"
    add("duplicate id", {other: NEWS},
        [(NEWS_PATH, line_of(NEWS, "id:"), "id", other)])

    # 11. the same slug (file name) in two year folders, different ids.
    other = "content/news/2023/tin-hoi-nghi.md"
    text = replace_line(NEWS, "id:", "id: tin-hoi-nghi-2023")
    add("duplicate slug", {other: text},
        [(NEWS_PATH, 1, "slug", other)])

    # 12. links to a missing task and to a missing plan.
    text = replace_line(NEWS, "tasks:", 'tasks: ["kh-2024#9"]')
    add("missing task", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "tasks:"), "tasks", "không có nhiệm vụ số '9'")])
    text = replace_line(NEWS, "tasks:", "tasks:")
    text = insert_after(text, "tasks:", '  - "kh-2024#1"\n  - "kh-2099#1"')
    add("missing plan", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "kh-2099#1"), "tasks", "không có kế hoạch nào có mã 'kh-2099'")])
    text = replace_line(NEWS, "tasks:", "tasks: [kh-2024]")
    add("task link without a number", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "tasks:"), "tasks", "<mã kế hoạch>#<số thứ tự>")])

    # 13. missing and unclosed metadata blocks, empty file.
    text = NEWS.split("---\n", 2)[2]
    add("missing front matter", {NEWS_PATH: text}, [(NEWS_PATH, 1, "", "thiếu phần thông tin")])
    text = NEWS.replace("\n---\n", "\n", 1)
    add("unclosed front matter", {NEWS_PATH: text}, [(NEWS_PATH, 1, "", "chưa có dòng '---' để đóng")])
    add("empty file", {NEWS_PATH: ""}, [(NEWS_PATH, 1, "", "tệp trống")])
    add("blank file", {NEWS_PATH: "\n  \n"}, [(NEWS_PATH, 1, "", "tệp trống")])

    # 14. tab indentation (every tabbed line is named).
    text = PLAN.replace("    title: Tổ chức", "\ttitle: Tổ chức")
    text = text.replace("    product: Cuộc thi", "\tproduct: Cuộc thi")
    add("tab indentation", {PLAN_PATH: text},
        [(PLAN_PATH, line_of(text, "\ttitle"), "", "Tab"), (PLAN_PATH, line_of(text, "\tproduct"), "", "Tab")])

    # 15. not UTF-8: the byte offset is that of the first non-ASCII byte of the input.
    for encoding in ("cp1258", "latin-1"):
        text = NEWS if encoding == "cp1258" else NEWS.replace("Hội nghị", "Conférence")
        raw = text.encode(encoding, errors="replace")
        offset = next(i for i, b in enumerate(raw) if b >= 0x80)
        add(f"{encoding} bytes", {NEWS_PATH: raw},
            [(NEWS_PATH, raw[:offset].count(b"\n") + 1, "", f"vị trí {offset}")])
    raw = b"\xef\xbb\xbf" + b"---\nid: x\ntitle: Caf" + b"\xe9\n"
    bad = raw.index(b"\xe9\n")
    add("BOM then latin-1 byte", {NEWS_PATH: raw}, [(NEWS_PATH, 3, "", f"vị trí {bad}")])

    # 16. U+000B: a manual line break pasted from Word.
    text = replace_line(NEWS, "summary:", "summary: Sở GDĐT tổ chức\vhội nghị.")
    add("U+000B from Word", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "\v"), "", "U+000B")])

    # 17. a typo in a field name.
    text = NEWS.replace("title:", "titel:")
    add("unknown field typo", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "titel:"), "titel", "có phải ý bạn là 'title'"),
         (NEWS_PATH, 2, "title", "thiếu mục bắt buộc")])
    text = PLAN.replace("    product: Cuộc thi", "    produkt: Cuộc thi")
    add("unknown task field", {PLAN_PATH: text},
        [(PLAN_PATH, line_of(text, "produkt"), "tasks[2].produkt", "có phải ý bạn là 'product'")])

    # 18. a procedure without a section the law requires.
    text = PROCEDURE.replace("## Cơ quan giải quyết\nSở Giáo dục và Đào tạo.\n", "")
    body_line = line_of(text, "---", 2) + 1
    add("missing procedure section", {PROC_PATH: text},
        [(PROC_PATH, body_line, "body", "## Cơ quan giải quyết")])

    # 19. procedure history out of date order.
    text = insert_after(PROCEDURE, "effective: 2021-05-15",
                        '  - change: sửa đổi\n    decision: "50/QĐ-UBND"\n    decision_date: 2020-01-10')
    add("history out of order", {PROC_PATH: text},
        [(PROC_PATH, line_of(text, "change: sửa đổi"), "history", "thứ tự ngày")])
    text = insert_after(PROCEDURE, "effective: 2021-05-15",
                        '  - change: bãi bỏ\n    decision: "5/QĐ-UBND"\n    decision_date: 2022-01-10\n'
                        '  - change: sửa đổi\n    decision: "6/QĐ-UBND"\n    decision_date: 2023-01-10')
    add("change after abolition", {PROC_PATH: text},
        [(PROC_PATH, line_of(text, "change: sửa đổi"), "history", "bãi bỏ")])

    # 20. an item of a dissolved unit dated after the unit ended (01/07/2025).
    text = replace_line(NEWS, "unit:", "unit: hp-phong-gddt-an-duong")
    text = replace_line(text, "date:", "date: 2025-08-01 09:00")
    add("dissolved unit", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "unit:"), "unit", "01/07/2025")], build_date="2025-12-31")

    # 21. units whose parents go round in a circle.
    text = insert_after(UNITS, "kind: people-committee", "    parent: hp-gddt-van-phong")
    add("unit parent cycle", {UNITS_PATH: text},
        [(UNITS_PATH, line_of(text, "parent: hp-gddt-van-phong"), "units[hai-phong].parent", "vòng tròn")])
    text = replace_line(UNITS, "parent: hai-phong", "    parent: hai-phong-city")
    add("unknown parent", {UNITS_PATH: text},
        [(UNITS_PATH, line_of(text, "hai-phong-city"), "units[hp-so-gddt].parent", "có phải ý bạn là 'hai-phong'")])

    # 22. a group member that is not a unit.
    text = UNITS.replace("members: [hp-thpt-tran-phu, hp-phong-gddt-an-duong]",
                         "members: [hp-thpt-tran-phu, hp-thpt-tran-phuu]")
    add("group member missing", {UNITS_PATH: text},
        [(UNITS_PATH, line_of(text, "members:"), "groups[1].members", "có phải ý bạn là 'hp-thpt-tran-phu'")])

    # 23. a task led by an unknown unit.
    text = PLAN.replace("lead: [hp-gddt-van-phong]", "lead: [hp-gddt-van-phongg]")
    add("unknown task lead", {PLAN_PATH: text},
        [(PLAN_PATH, line_of(text, "van-phongg"), "tasks[2]", "có phải ý bạn là 'hp-gddt-van-phong'")])

    # 24. ids and values that are not allowed.
    text = replace_line(NEWS, "id:", "id: Tin Hội Nghị")
    add("id with diacritics", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "id:"), "id", "tin-hoi-nghi")])
    text = replace_line(PROCEDURE, "level:", "level: trung ương")
    add("bad choice", {PROC_PATH: text},
        [(PROC_PATH, line_of(text, "level:"), "level", "tỉnh")])
    text = replace_line(NEWS, "summary:", "summary: Tin: hội nghị: thử")
    add("YAML syntax error", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "summary:"), "", "dấu hai chấm")])
    add("file name that is not a slug", {"content/news/2024/Tin Hội Nghị.md": replace_line(NEWS, "id:", "id: tin-2")},
        [("content/news/2024/Tin Hội Nghị.md", 1, "slug", "không dùng được trong địa chỉ trang web")])
    text = replace_line(NEWS, "summary:", "summary:")
    add("required field empty", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "summary:"), "summary", "thiếu mục bắt buộc")])
    text = replace_line(PLAN, "period:", "period: {start: 2024-12-31, end: 2024-01-01}")
    add("period backwards", {PLAN_PATH: text},
        [(PLAN_PATH, line_of(text, "period:"), "period", "kết thúc trước khi bắt đầu")])
    text = PLAN.replace('  - no: "2"', '  - no: "1"')
    add("task number twice", {PLAN_PATH: text},
        [(PLAN_PATH, line_of(text, 'no: "1"', 2), "tasks[2].no", "bị dùng hai lần")])
    text = insert_after(NEWS, "summary:", "draft: yes")
    add("draft: yes", {NEWS_PATH: text},
        [(NEWS_PATH, line_of(text, "draft:"), "draft", "true (có) hoặc false (không)")])
    return cases


CASES = _cases()


def _write(site, files: dict) -> None:
    for rel, data in files.items():
        path = site.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="\n")


def test_enough_cases():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(site_factory, case: Case):
    site = site_factory()
    site.write(SENTINEL_PATH, SENTINEL)
    _write(site, case.files)
    result = site.check(case.build_date)
    assert result.site is None, "a bad file must stop the build"
    errors = result.problems.errors
    shown = [str(p) for p in errors]
    for path, line, fld, words in case.expected + SENTINEL_EXPECTED:
        prefix = f"{path}:{line}: {fld}:" if fld else f"{path}:{line}: "
        hits = [s for s in shown if s.startswith(prefix) and words in s]
        assert hits, f"expected {prefix} ... {words!r} in:\n" + "\n".join(shown)
    # Nothing else: one mistake must not cascade into noise elsewhere.
    assert len(errors) == len(case.expected) + len(SENTINEL_EXPECTED), "\n".join(shown)
