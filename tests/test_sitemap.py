"""sitemap.xml: one compact line a page, each page's <lastmod> the day its content last changed."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
from cchc.publish.precompress import precompress
from conftest import NEWS, PLAN, PROCEDURE
from lxml import etree

SITE = "https://cchc.test/"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# Published at 06:30 in Hà Nội, still the evening before in UTC: the day is the Vietnamese one.
EARLY = (NEWS.replace("id: tin-hoi-nghi", "id: tin-som").replace("date: 2024-02-20 08:30", "date: 2024-04-02 06:30")
         .replace("title: Hội nghị", "title: Buổi sáng, hội nghị"))
CORRECTED = (NEWS.replace("id: tin-hoi-nghi", "id: tin-sua").replace("date: 2024-02-20 08:30", "date: 2024-03-01 09:00")
             .replace("title: Hội nghị", "title: Đính chính, hội nghị")
             .replace("tasks: [", "updated:\n  date: 2024-05-03 16:00\n  note: Sửa tên đơn vị.\ntasks: ["))
AMENDED = PROCEDURE.replace("    effective: 2021-05-15\n", """    effective: 2021-05-15
  - change: sửa đổi
    decision: "200/QĐ-UBND"
    decision_date: 2023-09-12
    effective: 2023-10-01
""")


def lastmods(out: Path) -> dict[str, str]:
    """Each <url> of the sitemap: its address from the site root -> its <lastmod>."""
    root = etree.fromstring((out / "sitemap.xml").read_bytes())
    assert root.tag == f"{SM}urlset"
    urls = {}
    for url in root:
        assert url.tag == f"{SM}url" and [child.tag for child in url] == [f"{SM}loc", f"{SM}lastmod"]
        loc = url.findtext(f"{SM}loc")
        assert loc.startswith(SITE) and loc not in urls, loc
        urls[loc[len(SITE):]] = url.findtext(f"{SM}lastmod")
    return urls


def built_pages(out: Path) -> set[str]:
    """Every page MkDocs wrote (its address from the site root), the error page and the web
    editor (a static page, not a MkDocs page) aside."""
    pages = set()
    for path in out.rglob("index.html"):
        rel = path.parent.relative_to(out).as_posix()
        if not rel.startswith("admin"):
            pages.add("" if rel == "." else rel + "/")
    return pages


def test_item_pages_give_their_own_day_and_listings_the_newest_of_theirs(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-som.md", EARLY)
    site.write("content/news/2024/tin-sua.md", CORRECTED)
    site.write("content/procedures/cap-ban-sao-van-bang.md", AMENDED)
    out = site.build()  # build date 2024-06-30
    dates = lastmods(out)
    assert dates["tin-tuc/2024/tin-hoi-nghi/"] == "2024-02-20"
    assert dates["tin-tuc/2024/tin-som/"] == "2024-04-02"  # not 2024-04-01 (UTC)
    assert dates["tin-tuc/2024/tin-sua/"] == "2024-05-03"  # the correction, not the publication (2024-03-01)
    assert dates["ke-hoach/" + PLAN.split("id: ", 1)[1].split("\n", 1)[0] + "/"] == "2024-01-15"
    assert dates["thu-tuc/cap-ban-sao-van-bang/"] == "2023-09-12"  # its latest change
    # Listings of items: the newest change among what they list.
    assert dates["tin-tuc/"] == "2024-05-03"
    assert dates["luu-tru/2024/"] == "2024-05-03"
    assert dates["chu-de/chi-dao-dieu-hanh/"] == "2024-05-03"
    assert dates["ke-hoach/"] == "2024-01-15"
    assert dates["thu-tuc/"] == "2023-09-12"
    # Pages that change with the day (home: current plans, recent procedures; unit columns: overdue tasks).
    assert dates[""] == "2024-06-30"
    assert dates["don-vi/hp-so-gddt/"] == "2024-06-30"

    # A correction moves the item's page and the listings that show it, and nothing else.
    site.write("content/news/2024/tin-som.md", EARLY.replace("tasks: [", "updated: 2024-06-10 08:00\ntasks: ["))
    again = lastmods(site.build())
    changed = {url for url in again if again[url] != dates[url]}
    assert again["tin-tuc/2024/tin-som/"] == again["tin-tuc/"] == "2024-06-10"
    assert changed == {"tin-tuc/2024/tin-som/", "tin-tuc/", "luu-tru/2024/", "chu-de/chi-dao-dieu-hanh/"}


def test_sitemap_is_one_line_a_page_for_every_page_and_gzipped_as_before(site_factory):
    site = site_factory()
    site.write("docs/gioi-thieu.md", "# Giới thiệu\n\nTrang do biên tập viên viết.\n")
    out = site.build()
    data = (out / "sitemap.xml").read_bytes()
    lines = data.decode("utf-8").split("\n")
    assert lines[:2] == ['<?xml version="1.0" encoding="UTF-8"?>',
                         '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    assert lines[-1] == "</urlset>"
    line = re.compile(r"<url><loc>https://cchc\.test/[^<]*</loc><lastmod>\d{4}-\d{2}-\d{2}</lastmod></url>")
    assert all(line.fullmatch(text) for text in lines[2:-1]), [t for t in lines[2:-1] if not line.fullmatch(t)]
    dates = lastmods(out)
    assert len(dates) == len(lines) - 3  # one <url> a line
    assert set(dates) == built_pages(out)  # every page once, none that was not written
    assert dates["gioi-thieu/"] == "2024-06-30"  # a hand-written page: the build day
    # The compressed copies hold the same bytes (sitemap.xml.gz, which MkDocs writes, then the
    # web server's copies, which replace it when the site is published).
    assert gzip.decompress((out / "sitemap.xml.gz").read_bytes()) == data
    precompress(out)
    assert gzip.decompress((out / "sitemap.xml.gz").read_bytes()) == data
    assert brotli.decompress((out / "sitemap.xml.br").read_bytes()) == data
