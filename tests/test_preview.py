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
from cchc.commands.measure_preview import edit_news, fetch, free_port, start_serve, stop_serve, wait_until
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
    wait_until(lambda: "feeds and search in" in log.read_text(encoding="utf-8"), TIMEOUT, proc)
    text = log.read_text(encoding="utf-8")
    assert "preview: 1 news page(s)" in text  # not a full rebuild
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
    assert "preview: full rebuild (content/news/2024/tin-hoi-nghi.md: date changed)" in text
    assert text.count("Building documentation...") == 2


def test_an_error_in_the_edited_item_is_reported_by_the_full_build(served):
    site, base, log, proc = served
    path = site.root / "content/news/2024/tin-hoi-nghi.md"
    path.write_text(path.read_text(encoding="utf-8").replace("unit: hp-so-gddt", "unit: khong-co"),
                    encoding="utf-8")
    wait_until(lambda: "khong-co" in log.read_text(encoding="utf-8"), TIMEOUT, proc)
    assert "preview: 1 news page(s)" not in log.read_text(encoding="utf-8")
