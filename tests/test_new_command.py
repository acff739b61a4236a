"""``cchc new``: what it writes lands in the right place and passes the loader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cchc.commands import new

REPO = Path(__file__).resolve().parent.parent
CCHC = Path(sys.executable).parent / "cchc"  # the console command scripts/setup installs
TITLE = 'Đón đoàn kiểm tra: "CCHC" #1 tại Đồ Sơn'
SLUG = "don-doan-kiem-tra-cchc-1-tai-do-son"  # đ/Đ -> d, punctuation -> '-'
WHERE = {
    "news": f"content/news/2024/2024-03-05-{SLUG}.md",
    "plan": f"content/plans/{SLUG}.md",
    "procedure": f"content/procedures/{SLUG}.md",
}


def run_new(site, *args: str) -> int:
    return new.main([*args, "--root", str(site.root)])


@pytest.mark.parametrize("kind", ["news", "plan", "procedure"])
def test_scaffold_passes_check_and_publishes_once_filled(site_factory, capsys, kind):
    site = site_factory()
    extra = ["--code", "1.005088"] if kind == "procedure" else []
    assert run_new(site, kind, TITLE, "--unit", "hp-so-gddt", "--date", "2024-03-05 08:30", *extra) == 0
    out = capsys.readouterr().out
    assert WHERE[kind] in out and "draft" in out
    path = site.root / WHERE[kind]
    assert path.is_file()

    result = site.check()
    assert result.problems.errors == [], [str(p) for p in result.problems.errors]
    assert result.problems.warnings == []
    assert any(h.startswith(WHERE[kind]) for h in result.site.held_back), "written as a draft"

    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    result = site.check()
    assert result.problems.errors == [], [str(p) for p in result.problems.errors]
    items = {"news": result.site.news, "plan": result.site.plans, "procedure": result.site.procedures}[kind]
    item = next(i for i in items if i.source.path == WHERE[kind])
    assert (item.name if kind == "procedure" else item.title) == TITLE
    expected_id = f"2024-03-05-{SLUG}" if kind == "news" else SLUG
    assert item.id == expected_id and item.unit == "hp-so-gddt"


def test_topics_and_default_date(site_factory, capsys):
    site = site_factory()
    assert run_new(site, "news", "Tin mới", "--unit", "hp-thpt-tran-phu",
                   "--topic", "cai-cach-the-che", "--topic", "chinh-quyen-dien-tu-so") == 0
    written = capsys.readouterr().out.split("Đã tạo ", 1)[1].split("\n", 1)[0]
    assert written.startswith("content/news/") and written.endswith("-tin-moi.md")
    text = (site.root / written).read_text(encoding="utf-8")
    assert "topics: [cai-cach-the-che, chinh-quyen-dien-tu-so]" in text
    result = site.check("2099-01-01")
    assert result.problems.errors == []


def test_refuses_to_overwrite(site_factory, capsys):
    site = site_factory()
    args = ("plan", "Kế hoạch thử", "--unit", "hp-so-gddt", "--date", "2024-01-02")
    assert run_new(site, *args) == 0
    path = site.root / "content/plans/ke-hoach-thu.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nĐã sửa.\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    capsys.readouterr()
    assert run_new(site, *args) == 1
    assert "đã có" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before


def test_refuses_a_news_id_used_in_another_year_folder(site_factory, capsys):
    site = site_factory()
    site.write("content/news/2023/2024-03-05-tin.md", "x")
    assert run_new(site, "news", "Tin", "--unit", "hp-so-gddt", "--date", "2024-03-05") == 1
    assert "content/news/2023/2024-03-05-tin.md đã có" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "words"), [
    (("news", "Tin", "--unit", "hp-so-gdt"), "có phải ý bạn là 'hp-so-gddt'"),
    (("news", "Tin", "--unit", "hp-so-gddt", "--topic", "cai-cach-the-ch"), "có phải ý bạn là 'cai-cach-the-che'"),
    (("news", "Tin", "--unit", "hp-phong-gddt-an-duong", "--date", "2025-07-01"), "dùng mã 'hp-so-gddt'"),
    (("news", "Tin", "--unit", "hp-so-gddt", "--date", "05/03/2024"), "NĂM-THÁNG-NGÀY"),
    (("procedure", "Thủ tục", "--unit", "hp-so-gddt", "--code", "1.5090"), "không phải mã thủ tục hành chính"),
    (("news", "!!!", "--unit", "hp-so-gddt"), "không có chữ hay số nào"),
])
def test_refusals_write_nothing(site_factory, capsys, args, words):
    site = site_factory(with_content=False)
    assert run_new(site, *args) == 1
    assert words in capsys.readouterr().err
    assert not any(p.is_file() for p in (site.root / "content").rglob("*.md"))


def test_runs_as_a_command(site_factory):
    site = site_factory(with_content=False)
    assert CCHC.is_file() and os.access(CCHC, os.X_OK), "scripts/setup installs the cchc command"
    result = subprocess.run([str(CCHC), "new", "procedure", "Chuyển trường đối với học sinh",
                             "--unit", "hp-so-gddt", "--level", "tỉnh", "--root", str(site.root)],
                            capture_output=True, text=True, encoding="utf-8", timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    assert "content/procedures/chuyen-truong-doi-voi-hoc-sinh.md" in result.stdout
    assert "1.000000" in result.stdout, "the placeholder code is pointed out"


def test_scaffolds_leave_nothing_to_rewrite_and_take_tasks(site_factory, capsys):
    """Every metadata line is a field with a value: no commented-out field to uncomment."""
    site = site_factory()
    assert run_new(site, "news", "Tin có nhiệm vụ", "--unit", "hp-thpt-tran-phu", "--date", "2024-03-05 08:30",
                   "--task", "kh-2024#1") == 0
    for kind, title in (("plan", "Kế hoạch mới"), ("procedure", "Thủ tục mới")):
        assert run_new(site, kind, title, "--unit", "hp-so-gddt", "--date", "2024-03-05") == 0
    for path in (site.root / "content").rglob("*.md"):
        if "moi" not in path.stem and "nhiem-vu" not in path.stem:
            continue
        meta = path.read_text(encoding="utf-8").split("---\n")[1]
        assert not [line for line in meta.split("\n") if line.lstrip().startswith("#")], path
    news = (site.root / "content/news/2024/2024-03-05-tin-co-nhiem-vu.md").read_text(encoding="utf-8")
    assert 'tasks: ["kh-2024#1"]' in news
    result = site.check()
    assert result.problems.errors == []


def test_an_unknown_task_is_refused(site_factory, capsys):
    site = site_factory()
    assert run_new(site, "news", "Tin", "--unit", "hp-so-gddt", "--task", "kh-2024#7") == 1
    assert "kh-2024#7" in capsys.readouterr().err
