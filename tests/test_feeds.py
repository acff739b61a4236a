"""Feeds: built from tiny sites and from a copy of the demo, parsed with feedparser and lxml."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from cchc.config import ConfigError, check_site_url
from cchc.content.model import NewsItem, Site, Topic, Unit
from cchc.feeds.entry import absolute_links
from cchc.feeds.feedset import FeedSet
from cchc.text import VN_TZ
from conftest import NEWS, PROCEDURE, REPO
from lxml import etree
from mkdocs.exceptions import Abort
from test_feeds_rules import ATOM, check_atom, check_json_feed, check_rss

SITE = "https://cchc.test/"
A = f"{{{ATOM}}}"


def alternates(page: str) -> list[tuple[str, str]]:
    """The feeds a page offers for autodiscovery, in order: (format, file name)."""
    kinds = {"application/rss+xml": "rss", "application/atom+xml": "atom", "application/feed+json": "json"}
    out = []
    for tag in re.findall(r'<link rel="alternate"[^>]*>', page):
        kind = re.search(r'type="([^"]+)"', tag)[1]
        href = re.search(r'href="([^"]+)"', tag)[1]
        if kind in kinds:
            assert href.startswith("https://cchc.test/feeds/"), href
            out.append((kinds[kind], href.rsplit("/", 1)[1]))
    return out


def feeds_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "feeds").glob("*.xml"))}


def ids(data: bytes) -> list[str]:
    return [e.id for e in feedparser.parse(data).entries]


def atom_entry(data: bytes, entry_id: str) -> bytes:
    root = etree.fromstring(data)
    for entry in root.findall(f"{A}entry"):
        if entry.findtext(f"{A}id") == entry_id:
            return etree.tostring(entry)
    raise AssertionError(f"no entry {entry_id}")


def assert_valid(name: str, data: bytes, site_url: str) -> None:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, f"{name}: {parsed.bozo_exception}"
    url = f"{site_url}feeds/{name}"
    problems = check_rss(data, url) if name.endswith(".rss.xml") else check_atom(data, url)
    assert problems == [], f"{name}: {problems}"
    for entry in parsed.entries:
        assert entry.get("id") and entry.get("link") and (entry.get("published") or entry.get("updated")), name
    assert parsed.feed.get("language") == "vi", name


# -- the demo site ------------------------------------------------------------------------

def build_demo(tmp: Path, out_name: str = "out") -> Path:
    """Build a copy of the repository's site (content, docs and hooks linked) into ``tmp``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if not (tmp / "mkdocs.yml").exists():
        for name in ("content", "docs", "hooks"):
            (tmp / name).symlink_to(REPO / name)
        shutil.copy(REPO / "mkdocs.yml", tmp / "mkdocs.yml")
    old = os.environ.get("CCHC_BUILD_DATE")
    os.environ["CCHC_BUILD_DATE"] = "2026-12-31"
    try:
        build(load_config(str(tmp / "mkdocs.yml"), site_dir=str(tmp / out_name), strict=True))
    finally:
        os.environ.pop("CCHC_BUILD_DATE") if old is None else os.environ.__setitem__("CCHC_BUILD_DATE", old)
    return tmp / out_name


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))


def test_every_demo_feed_parses_and_follows_the_rss_and_atom_rules(demo):
    feeds = feeds_of(demo)
    assert "tin-tuc.rss.xml" in feeds and "thu-tuc.atom.xml" in feeds and "ke-hoach.rss.xml" in feeds
    assert any(name.startswith("don-vi-") for name in feeds) and any(name.startswith("chu-de-") for name in feeds)
    assert any(name.startswith("thu-tuc-don-vi-") for name in feeds)
    assert any(name.startswith("thu-tuc-linh-vuc-") for name in feeds)
    for name, data in feeds.items():
        assert_valid(name, data, "https://cchc.example.vn/")
    # Both formats of a feed carry the same entries with the same ids.
    for name in feeds:
        if name.endswith(".rss.xml"):
            assert ids(feeds[name]) == ids(feeds[name.replace(".rss.", ".atom.")])
    # JSON Feed 1.1 for the three site-wide feeds only, with the same ids.
    assert sorted(p.name for p in (demo / "feeds").glob("*.json")) == ["ke-hoach.json", "thu-tuc.json", "tin-tuc.json"]
    for path in (demo / "feeds").glob("*.json"):
        data = path.read_bytes()
        assert check_json_feed(data, f"https://cchc.example.vn/feeds/{path.name}") == [], path.name
        assert [i["id"] for i in json.loads(data)["items"]] == ids(feeds[path.stem + ".atom.xml"])


def test_demo_feeds_are_newest_first_and_cut_to_the_feed_length(demo):
    for name, data in feeds_of(demo).items():
        parsed = feedparser.parse(data)
        dates = [e.published_parsed for e in parsed.entries]
        assert dates == sorted(dates, reverse=True), name
        assert len(parsed.entries) <= 50


def test_demo_drafts_and_future_items_are_absent(demo):
    everything = b"".join(feeds_of(demo).values()) + b"".join(p.read_bytes() for p in (demo / "feeds").glob("*.json"))
    assert b"2026-11-18-du-thao-ke-hoach-cchc-2027" not in everything  # a draft
    assert b"2027-01-12" not in everything  # dated after the build date
    for data in feeds_of(demo).values():
        for entry in feedparser.parse(data).entries:
            assert entry.published_parsed[:3] <= (2026, 12, 31)


def test_demo_rebuild_is_byte_identical(demo, tmp_path):
    again = build_demo(demo.parent, "again")
    assert feeds_of(again) == feeds_of(demo)
    for path in (demo / "feeds").glob("*.json"):
        assert (again / "feeds" / path.name).read_bytes() == path.read_bytes()


def test_demo_feeds_name_the_css_view_not_xslt(demo):
    """The browser view is a CSS stylesheet of the site (tests/test_feeds_browser.py opens it)."""
    for name, data in feeds_of(demo).items():
        assert data.split(b"\n")[1] == b'<?xml-stylesheet type="text/css" href="../assets/feeds/feed.css"?>', name
        assert b"text/xsl" not in data, name
    css = (demo / "assets" / "feeds" / "feed.css").read_text(encoding="utf-8")
    assert "ứng dụng đọc tin" in css and "url(" not in css  # nothing fetched, from this host or another
    assert not (demo / "assets" / "feeds" / "feed.xsl").exists()


def test_demo_feeds_page_lists_every_feed_with_entries_and_names_the_empty_ones(demo):
    page = (demo / "nguon-tin" / "index.html").read_text(encoding="utf-8")
    empty_units = 0
    for name, data in feeds_of(demo).items():
        url = f"https://cchc.example.vn/feeds/{name}"
        if feedparser.parse(data).entries:
            assert f'href="{url}"' in page, name
        else:
            assert url not in page, name  # not listed like the others
            if name.startswith("don-vi-") and name.endswith(".rss.xml"):
                empty_units += 1
    assert empty_units > 100  # most demo units have no news of their own
    quiet = page[page.index('id="don-vi-chua-co-tin"'):]
    assert "Trường THPT" in quiet and "feeds/don-vi-&lt;mã đơn vị&gt;.rss.xml" in quiet
    for name in ("tin-tuc", "thu-tuc", "ke-hoach"):
        assert f'href="https://cchc.example.vn/feeds/{name}.json"' in page
    toc = page[page.index('md-nav--secondary'):page.index('<h1 id="nguon-tin"')]  # the page's table of contents
    assert list(dict.fromkeys(re.findall(r'href="#([a-z-]+)"', toc))) == [
        "cach-theo-doi", "chung", "linh-vuc", "don-vi", "chu-de"]
    assert "<title>Nguồn tin - " in page  # the title the nav gives it, as before
    assert ("Nguồn tin theo đơn vị, theo lĩnh vực và theo chủ đề chỉ có tiêu đề, tóm tắt và liên kết"
            in " ".join(page.split()))


def test_demo_site_feeds_carry_full_content_unit_and_topic_feeds_the_summary_and_link(demo):
    feeds = feeds_of(demo)
    full = {}
    for name in ("tin-tuc", "thu-tuc", "ke-hoach"):
        for kind in ("rss", "atom"):
            entries = feedparser.parse(feeds[f"{name}.{kind}.xml"]).entries
            assert entries and all(e.get("content") and e.content[0].value for e in entries), name
            full.update({(kind, e.id): e for e in entries})
    assert b"<content:encoded>" in feeds["tin-tuc.rss.xml"] and b'<content type="html">' in feeds["tin-tuc.atom.xml"]
    summary_only = [name for name in feeds if name.startswith(("don-vi-", "chu-de-", "thu-tuc-"))]
    assert any(name.startswith("thu-tuc-linh-vuc-") for name in summary_only)
    shown = 0
    for name in summary_only:
        data = feeds[name]
        assert b"<content:encoded>" not in data and b"<content " not in data, name
        kind = "rss" if name.endswith(".rss.xml") else "atom"
        for entry in feedparser.parse(data).entries:
            assert "content" not in entry and entry.summary and entry.link, (name, entry.id)
            if (kind, entry.id) in full:  # the same id, title, link, date and summary as in the full feed
                same = full[kind, entry.id]
                assert (entry.title, entry.link, entry.summary, entry.published) == (
                    same.title, same.link, same.summary, same.published), (name, entry.id)
                shown += 1
    assert shown


# -- tiny sites ---------------------------------------------------------------------------

def test_news_id_is_the_same_in_every_feed_and_survives_title_and_slug_edits(site_factory):
    site = site_factory()
    out = site.build()
    news_id = "tag:cchc.test,2024:tin-tuc/tin-hoi-nghi"
    feeds = feeds_of(out)
    for name in ("tin-tuc", "don-vi-hp-so-gddt", "don-vi-hai-phong", "chu-de-chi-dao-dieu-hanh"):
        for kind in ("rss", "atom"):
            assert ids(feeds[f"{name}.{kind}.xml"]) == [news_id], name
    change_ids = ids(feeds["thu-tuc.atom.xml"])
    plan_ids = ids(feeds["ke-hoach.atom.xml"])

    site.write("content/news/2024/tin-hoi-nghi.md", NEWS.replace(
        "title: Hội nghị triển khai", "slug: hoi-nghi-moi\ntitle: Tiêu đề đã sửa của hội nghị triển khai"))
    site.write("content/procedures/cap-ban-sao-van-bang.md", PROCEDURE.replace(
        "name: Cấp bản sao", "slug: ban-sao-moi\nname: Tên đã sửa, cấp bản sao"))
    feeds = feeds_of(site.build())
    entry = feedparser.parse(feeds["tin-tuc.atom.xml"]).entries[0]
    assert entry.id == news_id and entry.title.startswith("Tiêu đề đã sửa")
    assert entry.link == "https://cchc.test/tin-tuc/2024/hoi-nghi-moi/"
    assert ids(feeds["thu-tuc.atom.xml"]) == change_ids
    assert feedparser.parse(feeds["thu-tuc.atom.xml"]).entries[0].link == "https://cchc.test/thu-tuc/ban-sao-moi/"
    assert ids(feeds["ke-hoach.atom.xml"]) == plan_ids


def test_an_amendment_adds_a_new_entry_and_leaves_the_first_unchanged(site_factory):
    site = site_factory()
    before = feeds_of(site.build())
    (first,) = ids(before["thu-tuc.atom.xml"])
    site.write("content/procedures/cap-ban-sao-van-bang.md", PROCEDURE.replace("---\n## Trình tự", """\
  - change: sửa đổi
    decision: "200/QĐ-UBND"
    decision_date: 2024-03-01
    effective: 2024-03-15
    note: Cho phép nộp hồ sơ trực tuyến toàn trình.
---
## Trình tự"""))
    after = feeds_of(site.build())
    entries = feedparser.parse(after["thu-tuc.rss.xml"]).entries
    assert [e.id for e in entries][1] == first and len(entries) == 2
    assert entries[0].id != first and entries[0].title.startswith("Sửa đổi, bổ sung: ")
    assert "200/QĐ-UBND" in entries[0].summary and "15/03/2024" in entries[0].summary
    for kind in ("rss", "atom"):
        name = f"thu-tuc.{kind}.xml"
        if kind == "atom":
            assert atom_entry(after[name], first) == atom_entry(before[name], first)
        else:
            old = etree.fromstring(before[name]).find("channel/item")
            new = etree.fromstring(after[name]).findall("channel/item")[1]
            assert etree.tostring(new) == etree.tostring(old)


def shown(detail) -> str:
    """The text a feed reader shows for a feedparser text construct (HTML is rendered)."""
    return html.unescape(detail.value) if detail.type == "text/html" else detail.value


def test_escaping_and_vietnamese_round_trip(site_factory):
    site = site_factory()
    title = "Tin \"Một cửa\" & <liên thông> 'số' – Đắk Lắk, Thừa Thiên Huế"
    summary = "A & B < C > D \"trích dẫn\" 'đơn' — ỹ ữ ự"
    site.write("content/news/2024/tin-hoi-nghi.md", NEWS.replace(
        "title: Hội nghị triển khai cải cách hành chính năm 2024", "title: '" + title.replace("'", "''") + "'")
        .replace("summary: Sở GDĐT tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2024.",
                 "summary: '" + summary.replace("'", "''") + "'"))
    feeds = feeds_of(site.build())
    for name in ("tin-tuc.rss.xml", "tin-tuc.atom.xml"):
        assert_valid(name, feeds[name], SITE)
        entry = feedparser.parse(feeds[name]).entries[0]
        assert entry.title == title and shown(entry.summary_detail) == summary
    rss = etree.fromstring(feeds["tin-tuc.rss.xml"])
    # RSS description is HTML for readers: the text is HTML-escaped inside the XML escaping.
    assert rss.findtext("channel/item/title") == title
    assert rss.findtext("channel/item/description") == html.escape(summary, quote=False)
    atom = etree.fromstring(feeds["tin-tuc.atom.xml"])
    assert atom.findtext(f"{A}entry/{A}title") == title
    assert "&amp;" in atom.findtext(f"{A}entry/{A}content")  # HTML content escapes the ampersand once more
    for name in ("don-vi-hp-so-gddt.rss.xml", "don-vi-hp-so-gddt.atom.xml"):  # summary-only feeds too
        assert_valid(name, feeds[name], SITE)
        entry = feedparser.parse(feeds[name]).entries[0]
        assert entry.title == title and shown(entry.summary_detail) == summary and "content" not in entry
    unit = etree.fromstring(feeds["don-vi-hp-so-gddt.atom.xml"])
    assert unit.findtext(f"{A}entry/{A}summary") == summary and unit.find(f"{A}entry/{A}content") is None


def test_drafts_future_items_and_future_changes_are_absent(site_factory):
    site = site_factory()
    site.write("content/news/2024/nhap.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-nhap")
               .replace("date: 2024-02-20", "draft: true\ndate: 2024-02-21"))
    site.write("content/news/2024/sap-toi.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-sap-toi")
               .replace("date: 2024-02-20", "date: 2024-07-02"))
    site.write("content/procedures/cap-ban-sao-van-bang.md", PROCEDURE.replace("---\n## Trình tự", """\
  - change: bãi bỏ
    decision: "999/QĐ-UBND"
    decision_date: 2024-08-01
---
## Trình tự"""))
    everything = b"".join(feeds_of(site.build()).values())
    assert b"tin-nhap" not in everything and b"tin-sap-toi" not in everything and b"999" not in everything
    assert b"tin-hoi-nghi" in everything


def test_a_unit_with_no_items_has_a_valid_empty_feed(site_factory):
    site = site_factory()
    feeds = feeds_of(site.build())
    for kind in ("rss", "atom"):
        name = f"don-vi-hp-thpt-tran-phu.{kind}.xml"
        assert_valid(name, feeds[name], SITE)
        assert feedparser.parse(feeds[name]).entries == []
    # An empty feed is dated by the site's newest content, so it is deterministic too.
    assert b"<updated>2024-02-20T08:30:00+07:00</updated>" in feeds["don-vi-hp-thpt-tran-phu.atom.xml"]


def test_feed_length_setting(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    feed_length: 1\n")
    site.write("content/news/2024/tin-2.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-2")
               .replace("date: 2024-02-20", "date: 2024-03-01"))
    feeds = feeds_of(site.build())
    assert ids(feeds["tin-tuc.rss.xml"]) == ["tag:cchc.test,2024:tin-tuc/tin-2"]


def test_missing_site_url_is_a_clear_configuration_error(site_factory):
    site = site_factory()
    text = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write("mkdocs.yml", text.replace("site_url: https://cchc.test/\n", ""))
    with pytest.raises(Abort, match="thiếu site_url"):
        site.build()
    site.write("mkdocs.yml", text.replace("site_url: https://cchc.test/", "site_url: cchc.test"))
    with pytest.raises(Abort):  # MkDocs' own check of site_url comes first; ours is the backstop
        site.build()
    assert any("site_url" in line and "http" in line for line in site.logs), site.logs
    with pytest.raises(ConfigError, match="không phải địa chỉ đầy đủ"):
        check_site_url("/cchc/")


def test_a_vertical_tab_in_a_title_is_reported_with_file_and_line(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-hoi-nghi.md", NEWS.replace("title: Hội nghị", "title: Hội\x0bnghị"))
    errors = [str(p) for p in site.check().problems.errors]
    assert any(e.startswith("content/news/2024/tin-hoi-nghi.md:3:") and "U+000B" in e for e in errors), errors
    with pytest.raises(Abort):  # the build stops at load: never an exception from the XML writer
        site.build()
    assert any("content/news/2024/tin-hoi-nghi.md:3:" in line and "U+000B" in line for line in site.logs)


def test_a_procedure_page_offers_its_field_then_its_unit_then_the_sections_feeds(site_factory):
    site = site_factory()
    site.write("content/procedures/cap-ban-sao-van-bang.md",
               PROCEDURE.replace("fees: Theo", "topics: [chi-dao-dieu-hanh]\nfees: Theo"))
    site.build()
    # RSS in the head of an item's page; the Atom twins where the feeds are at home (below)
    assert alternates(site.html("thu-tuc/cap-ban-sao-van-bang/")) == [
        ("rss", "thu-tuc-linh-vuc-van-bang-chung-chi.rss.xml"), ("rss", "thu-tuc-don-vi-hp-so-gddt.rss.xml"),
        ("rss", "thu-tuc.rss.xml"), ("rss", "tin-tuc.rss.xml")]
    assert alternates(site.html("thu-tuc/")) == [("rss", "thu-tuc.rss.xml"), ("atom", "thu-tuc.atom.xml"),
                                                 ("json", "thu-tuc.json"), ("rss", "tin-tuc.rss.xml")]
    listing = site.html("nguon-tin/")
    assert "https://cchc.test/feeds/thu-tuc-linh-vuc-van-bang-chung-chi.atom.xml" in listing
    assert "Cải cách thủ tục hành chính" not in listing.split('id="chu-de"')[1].split("<table")[0]  # no news: apart


# -- the library ----------------------------------------------------------------------------

def test_links_in_the_body_become_absolute():
    html = '<p><a href="../../ke-hoach/kh.md#muc-1">x</a> <img src="../../assets/a.png"> <a href="#b">b</a></p>'
    out = absolute_links(html, "https://cchc.test/tin-tuc/2024/", "https://cchc.test/")
    assert 'href="https://cchc.test/ke-hoach/kh/#muc-1"' in out
    assert 'src="https://cchc.test/assets/a.png"' in out and 'href="#b"' in out


def test_five_thousand_items_give_full_and_summary_feeds_with_shared_ids(tmp_path):
    units = {f"u{i}": Unit(id=f"u{i}", name=f"Đơn vị {i}", short_name=f"ĐV {i}", kind="school", parent=None,
                           hotline=None, email=None, address=None, website=None, former_names=[], ended=None,
                           source=None) for i in range(50)}
    topics = {f"t{i}": Topic(id=f"t{i}", name=f"Chủ đề {i}", description="") for i in range(8)}
    start = datetime(2020, 1, 1, 8, 0, tzinfo=VN_TZ)
    news = [NewsItem(id=f"tin-{i}", slug=f"tin-{i}", title=f"Tin số {i} & <b>", date=start + timedelta(hours=i),
                     unit=f"u{i % 50}", topics=[f"t{i % 8}", f"t{(i + 1) % 8}"], summary="Tóm tắt", image=None,
                     tasks=[], body="Nội dung **đậm**.", source=None)
            for i in range(5000)]
    news.sort(key=lambda n: (n.date, n.id), reverse=True)
    site = Site(units=units, groups={}, topics=topics, plans=[], news=news, procedures=[],
                build_time=start + timedelta(days=400))
    written = FeedSet(site, SITE, "Thử", 50).write(tmp_path)
    assert len(written) == 2 * (3 + 2 * 50 + 8) + 3  # RSS and Atom; a unit has news and procedures; 3 JSON
    site_feed = feedparser.parse((tmp_path / "feeds" / "tin-tuc.atom.xml").read_bytes())
    assert [e.id.rsplit("/", 1)[1] for e in site_feed.entries] == [f"tin-{i}" for i in range(4999, 4949, -1)]
    assert all("<strong>đậm</strong>" in e.content[0].value for e in site_feed.entries)  # full content
    unit_feed = feedparser.parse((tmp_path / "feeds" / "don-vi-u49.atom.xml").read_bytes())
    topic_feed = feedparser.parse((tmp_path / "feeds" / "chu-de-t7.atom.xml").read_bytes())
    for feed, newest in ((unit_feed, 4999), (topic_feed, 4999)):
        assert len(feed.entries) == 50 and feed.entries[0].id == site_feed.entries[0].id
        assert newest == int(feed.entries[0].id.rsplit("-", 1)[1])
        assert all("content" not in e and e.summary == "Tóm tắt" for e in feed.entries)  # summary only
    assert all(e.title.startswith("Tin số ") and e.title.endswith("& <b>") for e in unit_feed.entries)


def test_demo_pages_offer_their_own_feeds_first_and_never_an_empty_one(demo):
    def offered(url_path: str) -> list[str]:
        page = (demo / url_path / "index.html").read_text(encoding="utf-8")
        names: list[str] = []
        for _, file in alternates(page.replace("https://cchc.example.vn/", "https://cchc.test/")):
            if file.split(".")[0] not in names:
                names.append(file.split(".")[0])
        return names

    assert offered("") == ["tin-tuc", "thu-tuc", "ke-hoach"]
    assert offered("don-vi/hp-so-gddt") == ["don-vi-hp-so-gddt", "thu-tuc-don-vi-hp-so-gddt", "tin-tuc"]
    assert offered("thu-tuc")[0] == "thu-tuc" and offered("ke-hoach")[0] == "ke-hoach"
    assert offered("thu-tuc/linh-vuc/van-bang-chung-chi")[:2] == ["thu-tuc-linh-vuc-van-bang-chung-chi", "thu-tuc"]
    with_entries = {name for name, data in feeds_of(demo).items() if feedparser.parse(data).entries}
    pages = list(demo.rglob("index.html"))
    assert len(pages) > 200
    for path in pages:
        page = path.read_text(encoding="utf-8").replace("https://cchc.example.vn/", "https://cchc.test/")
        for kind, file in alternates(page):
            assert kind == "json" or file in with_entries, (path, file)


def test_demo_entries_name_their_unit_and_feeds_carry_the_icon(demo):
    feeds = feeds_of(demo)
    favicon = "https://cchc.example.vn/assets/images/favicon.png"
    for name, data in feeds.items():
        root = etree.fromstring(data)
        if name.endswith(".rss.xml"):
            assert root.findtext("channel/image/url") == favicon, name
            for item in root.iter("item"):
                assert item.findtext("{http://purl.org/dc/elements/1.1/}creator"), (name, item.findtext("guid"))
        else:
            assert root.findtext(f"{A}icon") == favicon, name
            for entry in root.iter(f"{A}entry"):
                assert entry.findtext(f"{A}author/{A}name"), (name, entry.findtext(f"{A}id"))
    rss = {e.id: e.author for e in feedparser.parse(feeds["tin-tuc.rss.xml"]).entries}
    atom = {e.id: e.author for e in feedparser.parse(feeds["tin-tuc.atom.xml"]).entries}
    assert rss == atom and len(set(rss.values())) > 3


def test_demo_with_a_corrected_item_and_an_image(demo, tmp_path):
    """The demo's content and docs copied, one news item given a correction and a picture."""
    for name in ("content", "docs"):
        shutil.copytree(REPO / name, tmp_path / name, symlinks=True)
    (tmp_path / "hooks").symlink_to(REPO / "hooks")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    item = tmp_path / "content/news/2026/2026-11-06-sua-doi-thu-tuc-dang-ky-du-thi.md"
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("unit: hp-so-gddt\n", "unit: hp-so-gddt\nimage: assets/images/vneid.png\n"
                                 "image_alt: Ứng dụng VNeID trên điện thoại\nupdated:\n"
                                 "  date: 2026-11-07 15:00\n  note: Bổ sung ngày áp dụng.\n", 1), encoding="utf-8")
    picture = b"\x89PNG\r\n\x1a\n" + b"\x01" * 500
    (tmp_path / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs/assets/images/vneid.png").write_bytes(picture)
    out = build_demo(tmp_path)
    before, after = feeds_of(demo), feeds_of(out)
    assert before.keys() == after.keys()
    entry_id = "tag:cchc.example.vn,2024:tin-tuc/2026-11-06-sua-doi-thu-tuc-dang-ky-du-thi"
    carrying = [name for name, data in after.items() if entry_id.encode() in data]
    assert {"tin-tuc.rss.xml", "don-vi-hp-so-gddt.atom.xml", "don-vi-hai-phong.rss.xml",
            "chu-de-chinh-quyen-dien-tu-so.atom.xml"} <= set(carrying)
    for name, data in after.items():
        if name not in carrying:
            assert data == before[name], name  # a correction changes only the feeds that carry the item
            continue
        assert_valid(name, data, "https://cchc.example.vn/")
        assert ids(data) == ids(before[name]), name
        entry = {e.id: e for e in feedparser.parse(data).entries}[entry_id]
        assert entry.updated == "2026-11-07T15:00:00+07:00" and entry.published_parsed[:3] == (2026, 11, 6), name
        assert entry.summary.endswith("Cập nhật ngày 07/11/2026: Bổ sung ngày áp dụng."), name
        (enclosure,) = entry.enclosures
        assert (enclosure.href, enclosure.type, int(enclosure.length)) == (
            "https://cchc.example.vn/assets/images/vneid.png", "image/png", len(picture)), name
    items = json.loads((out / "feeds/tin-tuc.json").read_bytes())["items"]
    corrected = [i for i in items if i["id"] == entry_id][0]
    assert corrected["date_modified"] == "2026-11-07T15:00:00+07:00"
    assert corrected["image"] == "https://cchc.example.vn/assets/images/vneid.png"


# -- compact bytes: no indentation, one entry a line ------------------------------------------

def whitespace_nodes(data: bytes) -> list[str]:
    """Every whitespace-only text or tail in the feed's tree (what indentation would add)."""
    nodes = []
    for element in etree.fromstring(data).iter():
        for text in (element.text, element.tail):
            if text is not None and not text.strip():
                nodes.append(text)
    return nodes


def reader_view(data: bytes) -> list[dict]:
    """What feedparser gives a reader of each entry (its own fields: dict.get, not feedparser's
    fallback from a missing "updated" to "published", which it warns is going away)."""
    keys = ("id", "title", "link", "published", "updated", "author", "summary", "tags", "enclosures")
    return [{key: dict.get(entry, key) for key in keys} | {"content": [c.value for c in entry.get("content", [])]}
            for entry in feedparser.parse(data).entries]


def test_feeds_carry_no_indentation_and_read_as_the_indented_form(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-hai.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-hai").replace(
        "date: 2024-02-20 08:30", "date: 2024-03-05 14:00").replace(
        "Sáng 20/02, Sở Giáo dục và Đào tạo tổ chức hội nghị.",
        "Đoạn thứ nhất.\n\n- Ý một\n- Ý hai\n\nĐoạn cuối."))
    out = site.build()
    feeds = feeds_of(out)
    for name, data in feeds.items():
        entries = len(feedparser.parse(data).entries)
        # No indentation: the only whitespace between elements is the newline after the feed's
        # own elements and after each entry (one entry a line).
        assert whitespace_nodes(data) == ["\n"] * (entries + 1), name
        lines = data.split(b"\n")
        assert lines[0].startswith(b"<?xml ") and lines[1].startswith(b"<?xml-stylesheet "), name
        assert_valid(name, data, SITE)
        # A reader gets the same entries as from the same feed indented (lxml's pretty print).
        tree = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
        indented = etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="UTF-8")
        assert whitespace_nodes(indented) != whitespace_nodes(data)
        assert reader_view(data) == reader_view(indented), name
    # The body's own line breaks are content, kept as written.
    entries = {e.id: e for e in feedparser.parse(feeds["tin-tuc.atom.xml"]).entries}
    body = "<p>Đoạn thứ nhất.</p>\n<ul>\n<li>Ý một</li>\n<li>Ý hai</li>\n</ul>\n<p>Đoạn cuối.</p>"
    assert body in entries["tag:cchc.test,2024:tin-tuc/tin-hai"].content[0].value
    rss = etree.fromstring(feeds["tin-tuc.rss.xml"])
    assert [item.findtext("title") for item in rss.iter("item")] == [
        "Hội nghị triển khai cải cách hành chính năm 2024"] * 2
    # JSON Feed: one line, no indentation.
    for path in (out / "feeds").glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("}\n") and text.count("\n") == 1, path.name
        assert json.loads(text)["version"] == "https://jsonfeed.org/version/1.1"
