"""The site's configuration: one reader of mkdocs.yml for the build and for every command."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import BUILD_DATE
from mkdocs.exceptions import Abort


def test_unknown_setting_and_wrong_type_are_reported_and_stop_the_strict_build(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    page_sise: 10\n    feed_length: many\n    home_news: 3\n")
    with pytest.raises(Abort):
        site.build()
    warnings = [line for line in site.logs if line.startswith("WARNING")]
    assert any("extra.cchc.page_sise: không có thiết lập này" in w and "page_size" in w for w in warnings), warnings
    assert any("extra.cchc.feed_length: 'many' không phải giá trị dùng được (mặc định: 50)" in w
               for w in warnings), warnings


def test_a_valid_setting_is_used_by_the_build(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    page_size: 1\n")
    for n in range(3):
        site.write(f"content/news/2024/tin-{n}.md", f"---\nid: tin-{n}\ntitle: Tin số {n}\ndate: 2024-03-0{n + 1} "
                   "08:00\nunit: hp-so-gddt\ntopics: [chi-dao-dieu-hanh]\nsummary: Tóm tắt.\n---\nNội dung.\n")
    out = site.build()
    assert (out / "tin-tuc" / "trang" / "4" / "index.html").is_file()  # 4 news items, one a page
    assert not (out / "tin-tuc" / "trang" / "5").exists()


def test_commands_honour_build_date_and_docs_dir_from_mkdocs_yml(site_factory):
    """`cchc check` reads build_date and docs_dir where the build does: the same items are published."""
    site = site_factory(extra_yml="extra:\n  cchc:\n    build_date: 2024-01-01\n")
    site.write("mkdocs.yml", site.root.joinpath("mkdocs.yml").read_text(encoding="utf-8").replace(
        "docs_dir: docs", "docs_dir: trang"))
    (site.root / "trang").mkdir()
    site.write("trang/assets/anh.png", "x")
    news = site.root / "content/news/2024/tin-hoi-nghi.md"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "tasks:", "image: assets/anh.png\nimage_alt: Ảnh hội nghị\ntasks:"), encoding="utf-8")
    env = {"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "cchc", "check", str(site.root)], capture_output=True,
                            text=True, encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # build_date 2024-01-01: the plan (15/01/2024) and the news item (20/02/2024) are not yet published
    assert "0 tin, bài" in result.stdout and "0 kế hoạch" in result.stdout, result.stdout
    assert "Chưa đăng (2)" in result.stdout, result.stdout
    # the build agrees: with the same build date nothing of it is published
    out = site.build(build_date="2024-01-01")
    assert not (out / "tin-tuc" / "2024" / "tin-hoi-nghi").exists()
    site.build(build_date=BUILD_DATE)
    assert (site.root / "site" / "tin-tuc" / "2024" / "tin-hoi-nghi" / "index.html").is_file()


def test_missing_site_url_stops_with_the_fix(site_factory):
    site = site_factory()
    site.write("mkdocs.yml", site.root.joinpath("mkdocs.yml").read_text(encoding="utf-8").replace(
        "site_url: https://cchc.test/\n", ""))
    with pytest.raises(Abort, match="thiếu site_url"):
        site.build()
    result = subprocess.run([sys.executable, "-m", "cchc", "check", str(site.root)], capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 1 and "thiếu site_url" in result.stderr
