"""``cchc check`` on the shipped demo content and on a copy of it broken in several ways."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

REPO = Path(__file__).resolve().parent.parent


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("CCHC_BUILD_DATE", None)
    return subprocess.run([sys.executable, "-m", "cchc", "check", str(root), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)


def test_demo_content_passes():
    result = run_check(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tốt:" in result.stdout
    assert "LỖI" not in result.stdout


def line_number(text: str, startswith: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if line.startswith(startswith))


def edit(root: Path, rel: str, change) -> str:
    path = root / rel
    text = change(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return text


def test_broken_copy_fails_naming_every_file_and_line(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").symlink_to(REPO / "docs", target_is_directory=True)
    expected = []

    news = "content/news/2024/2024-01-18-cong-bo-par-index-sipas-2023.md"
    text = edit(root, news, lambda t: t.replace("date: 2024-01-18 10:00", "date: 18/01/2024 10:00"))
    expected.append(f"{news}:{line_number(text, 'date:')}: date:")

    proc = "content/procedures/chuyen-truong-hoc-sinh-trung-hoc-co-so.md"
    text = edit(root, proc, lambda t: t.replace('code: "1.005099"', "code: 1.005099"))
    expected.append(f"{proc}:{line_number(text, 'code:')}: code:")

    plan = "content/plans/hp-sgddt-kh-tuyen-truyen-cchc-2023.md"
    text = edit(root, plan, lambda t: t.replace("\nsummary:", "\ntitle: Kế hoạch bị lặp\nsummary:", 1))
    expected.append(f"{plan}:{line_number(text, 'title: Kế hoạch bị lặp')}: title:")

    units = "content/units.yml"
    text = edit(root, units, lambda t: t.replace("    kind:", "    knd:", 1))
    expected.append(f"{units}:{line_number(text, '    knd:')}: units[1].knd:")

    empty = "content/news/2024/rong.md"
    (root / empty).write_text("", encoding="utf-8")
    expected.append(f"{empty}:1: ")

    result = run_check(root, "--quiet")
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if line.endswith("[LỖI]")]
    for prefix in expected:
        assert any(line.startswith(prefix) for line in errors), f"{prefix!r} not in:\n{result.stdout}"
    assert len(errors) == len(expected), result.stdout
    assert f"{len(expected)} lỗi" in result.stderr
    assert "trang chưa được dựng" in result.stderr


def test_a_warning_fails_the_check_as_it_fails_the_strict_build(site_factory):
    """One rule: what stops `cchc deploy` (a strict build) stops `cchc check`."""
    site = site_factory()
    site.write("content/news/2024/ghi-chu.txt", "Một tệp không phải Markdown.")
    result = run_check(site.root)
    assert result.returncode == 1
    assert "content/news/2024/ghi-chu.txt:1:" in result.stdout and "[CẢNH BÁO]" in result.stdout
    assert "cchc deploy" in result.stderr
    with pytest.raises(Abort):
        site.build(strict=True)
    site.build(strict=False)  # a plain build publishes; the check follows the deploy, which is strict
