"""The preview of ``mkdocs serve`` (issue 15): an edit to a news item shows on its page,
then in the listings, the feeds and the search index, without a full rebuild.

Real ``mkdocs serve`` in a subprocess on a tiny site, polled over HTTP.
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from pathlib import Path

import feedparser
import pytest
from cchc.commands.measure_preview import DONE_LINE, edit_news, fetch, free_port, start_serve, stop_serve, wait_until
from conftest import BUILD_DATE

NEW_TITLE = "Hội nghị sơ kết cải cách hành chính quý I năm 2024"
NEW_LINE = "Đoạn văn mới thêm về đường dây nóng của Sở."
PAGE = "tin-tuc/2024/tin-hoi-nghi/"
TIMEOUT = 300  # a limit for a hung server, not a measurement


def _fragments(site_dir: Path) -> list[dict]:
    return [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])
            for f in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment")]


@pytest.fixture
def served(site_factory, tmp_path):
    site = site_factory()
    port = free_port()
    log = tmp_path / "serve.log"
    proc = start_serve(site.root, port, log, BUILD_DATE)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: fetch(base + PAGE) is not None, TIMEOUT, proc)
        yield site, base, log, proc
    finally:
        stop_serve(proc)
        print(log.read_text(encoding="utf-8", errors="replace"))  # shown when a test fails


def _site_dir(log: Path) -> Path:
    found = re.findall(r"feed files written to (mkdocs_\w+)/feeds/", log.read_text(encoding="utf-8"))
    assert found, "mkdocs serve did not say where it builds"
    return Path(tempfile.gettempdir()) / found[-1]


def test_an_edit_shows_on_its_page_then_in_listings_feeds_and_search(served):
    site, base, log, proc = served
    assert NEW_TITLE not in fetch(base + PAGE)
    edit_news(site.root / "content/news/2024/tin-hoi-nghi.md", NEW_TITLE, NEW_LINE)

    wait_until(lambda: NEW_TITLE in (fetch(base + PAGE) or ""), TIMEOUT, proc)
    page = fetch(base + PAGE)
    assert NEW_LINE in page
    wait_until(lambda: DONE_LINE in log.read_text(encoding="utf-8"), TIMEOUT, proc)
    text = log.read_text(encoding="utf-8")
    assert "xem trước: đã dựng lại 1 trang tin, bài" in text  # not a full rebuild
    assert text.count("Building documentation...") == 1

    for listing in ("tin-tuc/", "", "don-vi/hp-so-gddt/", "chu-de/chi-dao-dieu-hanh/", "luu-tru/2024/"):
        html = fetch(base + listing)
        assert html is not None and NEW_TITLE in html, listing
    plan = fetch(base + "ke-hoach/kh-2024/")  # the plan's task lists the item as evidence
    assert NEW_TITLE in plan
    feed = feedparser.parse(fetch(base + "feeds/tin-tuc.rss.xml"))
    assert [e.title for e in feed.entries if "tin-hoi-nghi" in e.link] == [NEW_TITLE]
    content = " ".join(f["content"] for f in _fragments(_site_dir(log)))
    assert "so ket cai cach hanh chinh quy i" in content and "duong day nong" in content


def test_a_change_of_date_rebuilds_the_whole_site(served):
    site, base, log, proc = served
    path = site.root / "content/news/2024/tin-hoi-nghi.md"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2024-02-20 08:30", "date: 2024-03-05 08:30"),
                    encoding="utf-8")
    wait_until(lambda: "05/03/2024" in (fetch(base + PAGE) or ""), TIMEOUT, proc)
    text = log.read_text(encoding="utf-8")
    assert "xem trước: dựng lại toàn bộ trang (content/news/2024/tin-hoi-nghi.md: đã đổi date)" in text
    assert text.count("Building documentation...") == 2


def test_an_error_in_the_edited_item_is_reported_by_the_full_build(served):
    site, base, log, proc = served
    path = site.root / "content/news/2024/tin-hoi-nghi.md"
    path.write_text(path.read_text(encoding="utf-8").replace("unit: hp-so-gddt", "unit: khong-co"),
                    encoding="utf-8")
    wait_until(lambda: "khong-co" in log.read_text(encoding="utf-8"), TIMEOUT, proc)
    assert "xem trước: đã dựng lại 1 trang tin, bài" not in log.read_text(encoding="utf-8")



def _edits(site, change):
    """``news_edits`` after ``change(site)``, from snapshots taken around it."""
    from cchc.config import build_time_from
    from cchc.preview.changes import news_edits, snapshot

    result = site.check()
    watched = [site.root / "mkdocs.yml", site.root / "content", site.root / "docs"]
    before = snapshot(watched)
    change(site)
    after = {k: (v[0] + 1, v[1]) if k in changed_paths(site) else v for k, v in snapshot(watched).items()}
    return news_edits(site.root, before, after, result.site, build_time_from(BUILD_DATE), site.root / "docs")


def changed_paths(site) -> set[str]:
    """The files a test changed (mtimes can be equal within one clock tick)."""
    return {str(p) for p in site.changed}


@pytest.mark.parametrize(("change", "reason"), [
    ({"content/news/2024/tin-hoi-nghi.md": ("unit: hp-so-gddt", "unit: hp-so-gddt-khac")}, "đã đổi unit"),
    ({"content/news/2024/tin-hoi-nghi.md": ("date: 2024-02-20 08:30", "date: 2024-02-21 08:30")}, "đã đổi date"),
    ({"content/news/2024/tin-hoi-nghi.md": ("title: Hội nghị", "title: Hội thảo"),
      "mkdocs.yml": ("site_name: Thử nghiệm", "site_name: Thử nghiệm 2")}, "mkdocs.yml không phải tin, bài"),
    ({"content/plans/kh-2024.md": ("\n---\n", "\n---\nThêm.\n")}, "không phải tin, bài"),
    ({"content/news/2024/tin-hoi-nghi.md": ("\n---\n", "\ndraft: true\n---\n")}, "chuyển thành bản nháp"),
])
def test_what_an_edit_touches(site_factory, change, reason):
    site = site_factory()
    site.changed = []

    def apply(s):
        for rel, (old, new) in change.items():
            path = s.root / rel
            text = path.read_text(encoding="utf-8")
            assert old in text
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            s.changed.append(path)

    edits, why = _edits(site, apply)
    assert edits is None and reason in why


def test_a_title_and_body_edit_is_previewed(site_factory):
    site = site_factory()
    site.changed = []

    def apply(s):
        path = s.root / "content/news/2024/tin-hoi-nghi.md"
        edit_news(path, NEW_TITLE, NEW_LINE)
        s.changed.append(path)

    edits, why = _edits(site, apply)
    assert why == "" and [e.item.id for e in edits] == ["tin-hoi-nghi"]
    edits[0].apply()
    assert edits[0].item.title == NEW_TITLE and NEW_LINE in edits[0].item.body


def test_pages_showing_an_item_are_those_linking_to_it(tmp_path):
    from cchc.preview.changes import pages_showing

    pages = {"tin-tuc/index.html": '<a href="2024/tin-hoi-nghi/">x</a>',
             "don-vi/a/index.html": '<a href="../../tin-tuc/2024/tin-hoi-nghi/#top">x</a>',
             "tin-tuc/2024/khac/index.html": '<a href="../tin-hoi-nghi/index.html">x</a>',
             "chu-de/b.html": '<a href="../tin-tuc/2024/mot-tin-hoi-nghi/">x</a>',
             "luu-tru/2024.html": "Hội nghị (no link)"}
    for rel, html in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(html, encoding="utf-8")
    found = sorted(p.relative_to(tmp_path).as_posix() for p in pages_showing(tmp_path, "tin-tuc/2024/tin-hoi-nghi/"))
    assert found == ["don-vi/a/index.html", "tin-tuc/2024/khac/index.html", "tin-tuc/index.html"]
