"""What feed readers, portals and newsrooms get (issue 16), on tiny sites built with MkDocs:
the right feed offered first, procedure changes per unit and per field, authors, images,
icon and logo, corrections, empty feeds kept out of sight, JSON Feed 1.1."""

from __future__ import annotations

import json
import re

import feedparser
import pytest
from conftest import NEWS, PLAN, PROCEDURE
from lxml import etree
from mkdocs.exceptions import Abort
from test_feeds import alternates, assert_valid, atom_entry, feeds_of, ids
from test_feeds_rules import ATOM, DC, DCTERMS, check_json_feed

SITE = "https://cchc.test/"
A = f"{{{ATOM}}}"
SITE_WIDE = ["tin-tuc", "thu-tuc", "ke-hoach"]

# A second procedure, in another field, implemented by a child unit of the department.
PROCEDURE_2 = (PROCEDURE.replace("id: cap-ban-sao-van-bang", "id: dang-ky-du-thi")
               .replace('code: "1.005090"', 'code: "1.005141"')
               .replace("name: Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "name: Đăng ký dự thi tốt nghiệp")
               .replace("field: Văn bằng, chứng chỉ", "field: Thi, tuyển sinh")
               .replace("unit: hp-so-gddt", "unit: hp-gddt-van-phong")
               .replace("    effective: 2021-05-15\n", """    effective: 2021-05-15
  - change: sửa đổi
    decision: "200/QĐ-UBND"
    decision_date: 2024-03-01
    effective: 2024-03-15
"""))


def feed_names(page: str) -> list[str]:
    """The feeds a page offers, in order, each once; every feed comes as RSS, RSS and Atom,
    or (a site-wide feed) RSS, Atom and JSON."""
    offered = alternates(page)
    names: list[str] = []
    for _, file in offered:
        name = file.split(".")[0]
        if name not in names:
            names.append(name)
    for name in names:
        formats = [kind for kind, file in offered if file.split(".")[0] == name]
        allowed = [["rss"], ["rss", "atom"]] + ([["rss", "atom", "json"]] if name in SITE_WIDE else [])
        assert formats in allowed, (name, formats)
    return names


def channel_link(data: bytes) -> str:
    return etree.fromstring(data).findtext("channel/link")


# -- autodiscovery: the page's own feed first --------------------------------------------

def test_every_page_offers_its_own_feed_first_then_its_sections_then_the_sites(site_factory):
    site = site_factory()
    site.write("content/procedures/dang-ky-du-thi.md", PROCEDURE_2)
    site.write("docs/gioi-thieu.md", "# Giới thiệu\n\nTrang viết tay.\n")
    site.build()
    expected = {
        "": SITE_WIDE,
        "nguon-tin/": SITE_WIDE,
        "tin-tuc/": ["tin-tuc"],
        "tin-tuc/2024/tin-hoi-nghi/": ["don-vi-hp-so-gddt", "chu-de-chi-dao-dieu-hanh", "tin-tuc"],
        "ke-hoach/": ["ke-hoach", "tin-tuc"],
        "ke-hoach/kh-2024/": ["ke-hoach", "don-vi-hp-so-gddt", "tin-tuc"],
        "thu-tuc/": ["thu-tuc", "tin-tuc"],
        "thu-tuc/linh-vuc/thi-tuyen-sinh/": ["thu-tuc-linh-vuc-thi-tuyen-sinh", "thu-tuc", "tin-tuc"],
        "thu-tuc/dang-ky-du-thi/": ["thu-tuc-linh-vuc-thi-tuyen-sinh", "thu-tuc-don-vi-hp-gddt-van-phong",
                                    "thu-tuc", "tin-tuc"],
        "don-vi/hp-so-gddt/": ["don-vi-hp-so-gddt", "thu-tuc-don-vi-hp-so-gddt", "tin-tuc"],
        "don-vi/hai-phong/": ["don-vi-hai-phong", "thu-tuc-don-vi-hai-phong", "tin-tuc"],  # with its children
        "don-vi/hp-gddt-van-phong/": ["thu-tuc-don-vi-hp-gddt-van-phong", "tin-tuc"],  # no news: not offered
        "don-vi/hp-thpt-tran-phu/": ["tin-tuc"],  # both of its feeds are empty
        "chu-de/chi-dao-dieu-hanh/": ["chu-de-chi-dao-dieu-hanh", "tin-tuc"],
        "chu-de/cai-cach-the-che/": ["tin-tuc"],
        "gioi-thieu/": ["tin-tuc"],
    }
    for url, names in expected.items():
        assert feed_names(site.html(url)) == names, url
    # JSON Feed and the Atom twins are offered where the site-wide feeds are at home: the home
    # page, the feeds page and each feed's own section page; every other page offers RSS.
    json_offered = {url: [f for kind, f in alternates(site.html(url)) if kind == "json"] for url in expected}
    assert {url: files for url, files in json_offered.items() if files} == {
        "": ["tin-tuc.json", "thu-tuc.json", "ke-hoach.json"],
        "nguon-tin/": ["tin-tuc.json", "thu-tuc.json", "ke-hoach.json"],
        "tin-tuc/": ["tin-tuc.json"], "thu-tuc/": ["thu-tuc.json"], "ke-hoach/": ["ke-hoach.json"]}
    atom_offered = {url: [f for kind, f in alternates(site.html(url)) if kind == "atom"] for url in expected}
    assert {url: files for url, files in atom_offered.items() if files} == {
        "": ["tin-tuc.atom.xml", "thu-tuc.atom.xml", "ke-hoach.atom.xml"],
        "nguon-tin/": ["tin-tuc.atom.xml", "thu-tuc.atom.xml", "ke-hoach.atom.xml"],
        "tin-tuc/": ["tin-tuc.atom.xml"], "thu-tuc/": ["thu-tuc.atom.xml"], "ke-hoach/": ["ke-hoach.atom.xml"]}
    # a unit's column still shows both formats of its own feeds, in its visible follow line
    column = site.html("don-vi/hp-so-gddt/")
    assert 'href="https://cchc.test/feeds/don-vi-hp-so-gddt.atom.xml" type="application/atom+xml"' in column


def test_channel_links_go_to_the_section_each_feed_belongs_to(site_factory):
    site = site_factory()
    out = site.build()
    feeds = feeds_of(out)
    expected = {
        "tin-tuc": "tin-tuc/", "thu-tuc": "thu-tuc/", "ke-hoach": "ke-hoach/",
        "don-vi-hp-so-gddt": "don-vi/hp-so-gddt/", "thu-tuc-don-vi-hp-so-gddt": "don-vi/hp-so-gddt/#thu-tuc",
        "thu-tuc-linh-vuc-van-bang-chung-chi": "thu-tuc/linh-vuc/van-bang-chung-chi/",
        "chu-de-chi-dao-dieu-hanh": "chu-de/chi-dao-dieu-hanh/",
    }
    for name, path in expected.items():
        assert channel_link(feeds[f"{name}.rss.xml"]) == SITE + path, name
        atom = etree.fromstring(feeds[f"{name}.atom.xml"])
        assert [ln.get("href") for ln in atom.findall(f"{A}link") if ln.get("rel") == "alternate"] == [SITE + path]
        page = path.split("#")[0]
        assert (out / page / "index.html").is_file(), page
        if "#" in path:
            assert f'id="{path.split("#")[1]}"' in site.html(page)


# -- procedure changes per unit and per field -------------------------------------------

def test_procedure_changes_per_unit_with_its_children_and_per_field(site_factory):
    site = site_factory()
    site.write("content/procedures/dang-ky-du-thi.md", PROCEDURE_2)
    feeds = feeds_of(site.build())
    site_wide = ids(feeds["thu-tuc.atom.xml"])
    assert len(site_wide) == 3
    amended, first_new, other_new = site_wide  # newest first: 2024-03-01, then the two of 2021-05-10
    assert "dang-ky-du-thi/amended-20240301" in amended
    expected = {
        "thu-tuc-don-vi-hp-gddt-van-phong": [amended, *[i for i in site_wide[1:] if "dang-ky-du-thi" in i]],
        "thu-tuc-don-vi-hp-so-gddt": site_wide,  # its own procedure and its division's
        "thu-tuc-don-vi-hai-phong": site_wide,
        "thu-tuc-don-vi-hp-thpt-tran-phu": [],
        "thu-tuc-linh-vuc-thi-tuyen-sinh": [i for i in site_wide if "dang-ky-du-thi" in i],
        "thu-tuc-linh-vuc-van-bang-chung-chi": [i for i in site_wide if "cap-ban-sao-van-bang" in i],
    }
    for name, entry_ids in expected.items():
        for kind in ("rss", "atom"):
            assert ids(feeds[f"{name}.{kind}.xml"]) == entry_ids, (name, kind)
            assert_valid(f"{name}.{kind}.xml", feeds[f"{name}.{kind}.xml"], SITE)
    # The same entry as in the site-wide feed, with its summary and link (the full content is there).
    full = {e.id: e for e in feedparser.parse(feeds["thu-tuc.atom.xml"]).entries}
    for name in ("thu-tuc-linh-vuc-thi-tuyen-sinh", "thu-tuc-don-vi-hp-so-gddt"):
        for entry in feedparser.parse(feeds[f"{name}.atom.xml"]).entries:
            same = full[entry.id]
            assert (entry.title, entry.link, entry.summary, entry.published, entry.author) == (
                same.title, same.link, same.summary, same.published, same.author)
            assert "content" not in entry and "content" in same
        assert b"<content:encoded>" not in feeds[f"{name}.rss.xml"]
    listing = site.html("nguon-tin/")
    for name in ("thu-tuc-don-vi-hp-gddt-van-phong", "thu-tuc-linh-vuc-thi-tuyen-sinh",
                 "thu-tuc-linh-vuc-van-bang-chung-chi"):
        assert f'href="{SITE}feeds/{name}.rss.xml"' in listing, name


def test_without_include_children_a_units_feed_has_its_own_changes_only(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    include_children: false\n")
    site.write("content/procedures/dang-ky-du-thi.md", PROCEDURE_2)
    feeds = feeds_of(site.build())
    assert [i.split(":")[-1] for i in ids(feeds["thu-tuc-don-vi-hp-so-gddt.atom.xml"])] == [
        "thu-tuc/cap-ban-sao-van-bang/new-20210510-100-qd-ubnd"]
    assert ids(feeds["thu-tuc-don-vi-hai-phong.atom.xml"]) == []


# -- authors, images, icon and logo ---------------------------------------------------------

def test_every_entry_names_its_unit_in_rss_and_atom_with_the_name_of_its_time(site_factory):
    site = site_factory()
    site.write("content/news/2024/an-duong.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-an-duong")
               .replace("unit: hp-so-gddt", "unit: hp-phong-gddt-an-duong"))
    feeds = feeds_of(site.build())
    old_name = "Phòng Giáo dục và Đào tạo huyện An Dương"  # its name until 31/12/2024
    department = "Sở Giáo dục và Đào tạo thành phố Hải Phòng"
    for name in ("tin-tuc", "don-vi-hp-so-gddt", "thu-tuc", "ke-hoach"):
        for kind in ("rss", "atom"):
            for entry in feedparser.parse(feeds[f"{name}.{kind}.xml"]).entries:
                expected = old_name if entry.id.endswith("tin-an-duong") else department
                assert entry.author == expected, (name, kind, entry.id)
    rss = etree.fromstring(feeds["tin-tuc.rss.xml"])
    assert sorted(item.findtext(f"{{{DC}}}creator") for item in rss.iter("item")) == sorted([old_name, department])
    assert rss.find("channel/item/author") is None  # RSS <author> is for e-mail addresses
    atom = etree.fromstring(feeds["tin-tuc.atom.xml"])
    assert sorted(e.findtext(f"{A}author/{A}name") for e in atom.iter(f"{A}entry")) == sorted([old_name, department])


def test_an_item_with_an_image_carries_it_with_length_and_type(site_factory):
    site = site_factory()
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    site.write("docs/assets/images/hoi-nghi.png", "")
    (site.root / "docs/assets/images/hoi-nghi.png").write_bytes(picture)
    site.write("content/news/2024/tin-hoi-nghi.md",
               NEWS.replace("tasks: [", "image: assets/images/hoi-nghi.png\nimage_alt: Quang cảnh hội nghị\ntasks: ["))
    site.write("content/news/2024/khong-anh.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-khong-anh")
               .replace("date: 2024-02-20", "date: 2024-02-21"))
    out = site.build()
    feeds = feeds_of(out)
    url = SITE + "assets/images/hoi-nghi.png"
    assert (out / "assets/images/hoi-nghi.png").read_bytes() == picture
    for name in ("tin-tuc", "don-vi-hp-so-gddt", "chu-de-chi-dao-dieu-hanh"):
        for kind in ("rss", "atom"):
            data = feeds[f"{name}.{kind}.xml"]
            assert_valid(f"{name}.{kind}.xml", data, SITE)
            entries = {e.id.rsplit("/", 1)[1]: e for e in feedparser.parse(data).entries}
            (enclosure,) = entries["tin-hoi-nghi"].enclosures
            assert (enclosure.href, enclosure.type, int(enclosure.length)) == (url, "image/png", len(picture))
            assert entries["tin-khong-anh"].enclosures == []
            assert [ln.href for ln in entries["tin-hoi-nghi"].links if ln.rel == "alternate"] == [
                SITE + "tin-tuc/2024/tin-hoi-nghi/"]
    rss = etree.fromstring(feeds["tin-tuc.rss.xml"])
    (enclosure,) = rss.findall("channel/item/enclosure")
    assert enclosure.attrib == {"url": url, "length": str(len(picture)), "type": "image/png"}
    items = {i["id"].rsplit("/", 1)[1]: i for i in json.loads((out / "feeds/tin-tuc.json").read_bytes())["items"]}
    assert items["tin-hoi-nghi"]["image"] == url and "image" not in items["tin-khong-anh"]


def test_feeds_carry_the_sites_icon_and_logo(site_factory):
    site = site_factory()
    feeds = feeds_of(site.build())
    favicon = SITE + "assets/images/favicon.png"  # Material's, published with the site
    assert (site.root / "site/assets/images/favicon.png").is_file()
    for name in ("tin-tuc", "don-vi-hp-thpt-tran-phu"):
        channel = etree.fromstring(feeds[f"{name}.rss.xml"]).find("channel")
        assert channel.findtext("image/url") == favicon
        assert channel.findtext("image/link") == channel.findtext("link")
        assert channel.findtext("image/title") == channel.findtext("title")
        atom = etree.fromstring(feeds[f"{name}.atom.xml"])
        assert (atom.findtext(f"{A}icon"), atom.findtext(f"{A}logo")) == (favicon, favicon)
        assert feedparser.parse(feeds[f"{name}.atom.xml"]).feed.icon == favicon

    yml = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write("mkdocs.yml", yml.replace("  font: false\n", "  font: false\n  logo: assets/logo.png\n"))
    site.write("docs/assets/logo.png", "")
    (site.root / "docs/assets/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    out = site.build()
    feeds = feeds_of(out)
    logo = SITE + "assets/logo.png"
    assert etree.fromstring(feeds["tin-tuc.rss.xml"]).findtext("channel/image/url") == logo
    atom = etree.fromstring(feeds["tin-tuc.atom.xml"])
    assert (atom.findtext(f"{A}icon"), atom.findtext(f"{A}logo")) == (favicon, logo)
    data = json.loads((out / "feeds/tin-tuc.json").read_bytes())
    assert (data["icon"], data["favicon"]) == (logo, favicon)


# -- corrections ------------------------------------------------------------------------------

CORRECTED = NEWS.replace("tasks: [", """updated:
  date: 2024-03-01 09:00
  note: Sửa tên đơn vị chủ trì hội nghị.
tasks: [""")


def test_a_correction_changes_the_update_date_and_never_the_id(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-2.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-2")
               .replace("date: 2024-02-20", "date: 2024-02-25"))
    before = feeds_of(site.build())
    json_before = json.loads((site.root / "site/feeds/tin-tuc.json").read_bytes())
    site.write("content/news/2024/tin-hoi-nghi.md", CORRECTED)
    out = site.build()
    after = feeds_of(out)
    news_id = "tag:cchc.test,2024:tin-tuc/tin-hoi-nghi"
    note = "Cập nhật ngày 01/03/2024: Sửa tên đơn vị chủ trì hội nghị."
    for name in ("tin-tuc", "don-vi-hp-so-gddt", "chu-de-chi-dao-dieu-hanh"):
        for kind in ("rss", "atom"):
            file = f"{name}.{kind}.xml"
            assert ids(after[file]) == ids(before[file]), file  # same ids, same order (by publication)
            assert_valid(file, after[file], SITE)
            entry = {e.id: e for e in feedparser.parse(after[file]).entries}[news_id]
            assert entry.updated == "2024-03-01T09:00:00+07:00", file
            assert entry.summary.endswith(note), file
            if kind == "atom":
                assert entry.published == "2024-02-20T08:30:00+07:00"
                root = etree.fromstring(after[file])
                assert root.findtext(f"{A}updated") == "2024-03-01T09:00:00+07:00"  # the feed changed then
                assert atom_entry(after[file], "tag:cchc.test,2024:tin-tuc/tin-2") == atom_entry(
                    before[file], "tag:cchc.test,2024:tin-tuc/tin-2")  # the other entry is untouched
            else:
                item = [i for i in etree.fromstring(after[file]).iter("item") if i.findtext("guid") == news_id][0]
                assert item.findtext(f"{{{DCTERMS}}}modified") == "2024-03-01T09:00:00+07:00"
                assert item.findtext("pubDate") == "Tue, 20 Feb 2024 08:30:00 +0700"
    full = feedparser.parse(after["tin-tuc.atom.xml"]).entries[1]
    assert full.id == news_id and note in full.content[0].value
    items = {i["id"]: i for i in json.loads((out / "feeds/tin-tuc.json").read_bytes())["items"]}
    assert items[news_id]["date_modified"] == "2024-03-01T09:00:00+07:00"
    assert [i["id"] for i in json_before["items"]] == list(items)
    # The plans feed did not change at all.
    assert after["ke-hoach.atom.xml"] == before["ke-hoach.atom.xml"]


def test_a_correction_without_a_note_and_a_corrected_plan(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-hoi-nghi.md", NEWS.replace("tasks: [", "updated: 2024-03-01\ntasks: ["))
    site.write("content/plans/kh-2024.md", PLAN.replace("summary: Kế hoạch thử nghiệm.",
                                                        "summary: Kế hoạch thử nghiệm.\nupdated: 2024-02-02 10:15"))
    feeds = feeds_of(site.build())
    news = feedparser.parse(feeds["tin-tuc.rss.xml"]).entries[0]
    assert news.updated == "2024-03-01T00:00:00+07:00" and news.summary.endswith("Cập nhật ngày 01/03/2024.")
    plan = feedparser.parse(feeds["ke-hoach.atom.xml"]).entries[0]
    assert (plan.published, plan.updated) == ("2024-01-15T00:00:00+07:00", "2024-02-02T10:15:00+07:00")
    assert plan.id == "tag:cchc.test,2024:ke-hoach/kh-2024"


def test_feeds_are_byte_identical_when_nothing_changed(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-hoi-nghi.md", CORRECTED)
    site.write("content/procedures/dang-ky-du-thi.md", PROCEDURE_2)
    out = site.build()
    first = {p.name: p.read_bytes() for p in (out / "feeds").iterdir()}
    again = site.build()
    assert {p.name: p.read_bytes() for p in (again / "feeds").iterdir()} == first
    assert len(first) > 30 and "tin-tuc.json" in first


@pytest.mark.parametrize(("updated", "line", "words"), [
    ("updated: 01/03/2024\n", 8, "NĂM-THÁNG-NGÀY"),
    ("updated: 2024-02-19 08:00\n", 8, "ở trước ngày đăng 08:30 20/02/2024"),
    ("updated: 2024-07-01\n", 8, "chưa tới (trang được dựng ngày 30/06/2024)"),
    ("updated:\n  date: 2024-03-01\n  ghi_chu: Sửa lỗi.\n", 10, "ghi_chu"),
    ("updated:\n  note: Sửa lỗi.\n", 9, "date"),
    ("updated:\n  date: 2024-03-01\n  note: " + "Sửa lỗi chính tả. " * 20 + "\n", 10, "quá 200 ký tự"),
])
def test_a_mistake_in_updated_names_the_file_line_and_fix(site_factory, updated, line, words):
    site = site_factory()
    site.write("content/news/2024/tin-hoi-nghi.md", NEWS.replace("tasks: [", updated + "tasks: ["))
    errors = [str(p) for p in site.check().problems.errors]
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"content/news/2024/tin-hoi-nghi.md:{line}:") and words in errors[0], errors
    with pytest.raises(Abort):
        site.build()


# -- empty feeds are written but never offered ---------------------------------------------------

def test_empty_feeds_are_written_valid_but_never_offered(site_factory):
    site = site_factory()
    out = site.build()
    feeds = feeds_of(out)
    for kind in ("rss", "atom"):
        for name in ("don-vi-hp-thpt-tran-phu", "thu-tuc-don-vi-hp-thpt-tran-phu", "chu-de-cai-cach-the-che"):
            assert_valid(f"{name}.{kind}.xml", feeds[f"{name}.{kind}.xml"], SITE)
            assert feedparser.parse(feeds[f"{name}.{kind}.xml"]).entries == []
    pages = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    assert len(pages) > 20
    for page in pages:
        for kind, file in alternates(page):
            data = (out / "feeds" / file).read_bytes()
            assert (json.loads(data)["items"] if kind == "json" else feedparser.parse(data).entries), file
    listing = site.html("nguon-tin/")
    quiet = listing[listing.index('id="don-vi-chua-co-tin"'):listing.index('id="chu-de"')]
    assert "Trường THPT chuyên Trần Phú" in quiet and "feeds/don-vi-hp-thpt-tran-phu" not in listing
    topics = listing[listing.index('id="chu-de"'):]
    assert "Cải cách thể chế" in topics.split("<table")[-1] and "chu-de-cai-cach-the-che" not in listing


def test_a_site_without_news_offers_no_news_feed(site_factory):
    site = site_factory()
    site.remove("content/news/2024/tin-hoi-nghi.md")
    site.write("content/plans/kh-2024.md", PLAN)
    out = site.build()
    assert feed_names(site.html("")) == ["thu-tuc", "ke-hoach"]
    assert feed_names(site.html("don-vi/hp-so-gddt/")) == ["thu-tuc-don-vi-hp-so-gddt"]
    assert feed_names(site.html("tin-tuc/")) == []
    assert feedparser.parse((out / "feeds/tin-tuc.atom.xml").read_bytes()).entries == []
    assert check_json_feed((out / "feeds/tin-tuc.json").read_bytes(), SITE + "feeds/tin-tuc.json") == []


def test_the_feeds_page_escapes_what_editors_write(site_factory):
    site = site_factory()
    units = (site.root / "content/units.yml").read_text(encoding="utf-8")
    site.write("content/units.yml", units.replace("name: Sở Giáo dục và Đào tạo thành phố Hải Phòng",
                                                  "name: 'Sở <b>Giáo dục</b> & \"Đào tạo\"'"))
    site.build()
    listing = site.html("nguon-tin/")
    assert "Sở &lt;b&gt;Giáo dục&lt;/b&gt; &amp; &#34;Đào tạo&#34;" in listing
    assert "<b>Giáo dục</b>" not in listing
    assert re.search(r'<a href="\.\./don-vi/hp-so-gddt/">Sở &lt;b&gt;', listing)


def test_a_units_column_offers_news_then_procedures_then_the_sites_news_with_short_labels(site_factory):
    from cchc.build import PageRef
    from cchc.feeds.feedset import FeedSet

    site = site_factory()
    site.write("content/procedures/dang-ky-du-thi.md", PROCEDURE_2)
    feeds = FeedSet(site.check().site, SITE, "Thử nghiệm")
    column = PageRef("unit", "Sở", "hp-so-gddt", "hp-so-gddt", [])
    links = feeds.links_for_page("don-vi/hp-so-gddt/index.md", column)
    assert [(link.name, link.label) for link in links] == [
        ("don-vi-hp-so-gddt", "Tin, bài"), ("thu-tuc-don-vi-hp-so-gddt", "Thủ tục hành chính"),
        ("tin-tuc", "Tất cả tin, bài")]
    assert links[0].rss_url == SITE + "feeds/don-vi-hp-so-gddt.rss.xml" and links[0].json_url is None
    assert links[2].json_url is None  # offered on the home, feeds and news pages only
    assert feeds.links_for_page("tin-tuc/index.md", None)[0].json_url == SITE + "feeds/tin-tuc.json"
    field = feeds.links_for_page("thu-tuc/linh-vuc/thi-tuyen-sinh.md", PageRef("listing", "Lĩnh vực"))
    assert [link.label for link in field] == ["Thủ tục lĩnh vực Thi, tuyển sinh", "Tất cả thủ tục hành chính",
                                              "Tất cả tin, bài"]


def test_the_follow_partial_shows_a_pages_own_feeds_for_the_page_templates(site_factory):
    """``partials/feed-follow.html`` for the page templates (a unit's column, a field's page)."""
    import jinja2
    from cchc.build import PageRef
    from cchc.feeds.feedset import FeedSet
    from conftest import REPO

    site = site_factory()
    site.write("content/procedures/dang-ky-du-thi.md", PROCEDURE_2.replace("field: Thi, tuyển sinh",
                                                                          "field: 'Thi <b>tuyển sinh</b> & khác'"))
    feeds = FeedSet(site.check().site, SITE, "Thử nghiệm")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "docs" / "overrides"))  # as MkDocs: no autoescape
    partial = env.get_template("partials/feed-follow.html")

    def follow(src: str, ref) -> str:
        return " ".join(partial.render(cchc_page_feeds=feeds.links_for_page(src, ref), base_url="../..").split())

    column = follow("don-vi/hp-so-gddt/index.md", PageRef("unit", "Sở", "hp-so-gddt", "hp-so-gddt", []))
    assert column == (
        '<p class="cchc-follow">Theo dõi bằng ứng dụng đọc tin: Tin, bài '
        f'(<a href="{SITE}feeds/don-vi-hp-so-gddt.rss.xml" type="application/rss+xml">RSS</a> · '
        f'<a href="{SITE}feeds/don-vi-hp-so-gddt.atom.xml" type="application/atom+xml">Atom</a>); Thủ tục hành chính '
        f'(<a href="{SITE}feeds/thu-tuc-don-vi-hp-so-gddt.rss.xml" type="application/rss+xml">RSS</a> · '
        f'<a href="{SITE}feeds/thu-tuc-don-vi-hp-so-gddt.atom.xml" type="application/atom+xml">Atom</a>) · '
        '<a href="../../nguon-tin/">Tất cả nguồn tin</a></p>')
    field = follow("thu-tuc/linh-vuc/van-bang-chung-chi.md", PageRef("listing", "Lĩnh vực"))
    assert "Thủ tục lĩnh vực Văn bằng, chứng chỉ (" in field and "feeds/thu-tuc.rss.xml" not in field
    other = follow("thu-tuc/linh-vuc/thi-b-tuyen-sinh-b-khac.md", PageRef("listing", "Lĩnh vực"))
    assert "Thủ tục lĩnh vực Thi &lt;b&gt;tuyển sinh&lt;/b&gt; &amp; khác (" in other and "<b>" not in other
    assert follow("don-vi/hp-thpt-tran-phu/index.md", PageRef("unit", "THPT", "hp-thpt-tran-phu",
                                                            "hp-thpt-tran-phu", [])) == ""  # nothing to follow
    assert follow("index.md", None) == ""  # the site-wide feeds are offered by the page itself


def test_a_corrected_item_says_so_on_its_page(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-hoi-nghi.md", CORRECTED.replace("Sửa tên đơn vị", "Sửa <b>tên</b> đơn vị"))
    site.write("content/news/2024/tin-2.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-2"))
    site.write("content/plans/kh-2024.md", PLAN.replace("summary: Kế hoạch thử nghiệm.",
                                                        "summary: Kế hoạch thử nghiệm.\nupdated: 2024-02-02 10:15"))
    site.build()
    assert ('<p class="cchc-updated">Cập nhật ngày 01/03/2024: Sửa &lt;b&gt;tên&lt;/b&gt; đơn vị chủ trì hội nghị.</p>'
            in site.html("tin-tuc/2024/tin-hoi-nghi/"))
    assert '<p class="cchc-updated">Cập nhật ngày 02/02/2024.</p>' in site.html("ke-hoach/kh-2024/")
    assert "cchc-updated" not in site.html("tin-tuc/2024/tin-2/")


def test_the_unit_column_and_the_field_page_show_their_own_feeds(site_factory):
    site = site_factory()
    out = site.build()

    def follow(url: str) -> list[str]:
        page = site.html(url)
        if 'class="cchc-follow"' not in page:
            return []
        line = page.split('class="cchc-follow"')[1].split("</p>")[0]
        nguon_tin = re.search(r'href="([^"]+)">Tất cả nguồn tin', line)[1]
        assert (out / url / nguon_tin / "index.html").resolve().is_file(), nguon_tin
        return re.findall(r'href="https://cchc.test/feeds/([^"]+)"', line)

    assert follow("don-vi/hp-so-gddt/") == ["don-vi-hp-so-gddt.rss.xml", "don-vi-hp-so-gddt.atom.xml",
                                            "thu-tuc-don-vi-hp-so-gddt.rss.xml", "thu-tuc-don-vi-hp-so-gddt.atom.xml"]
    assert follow("don-vi/hp-thpt-tran-phu/") == []  # its feeds are empty
    assert follow("thu-tuc/linh-vuc/van-bang-chung-chi/") == ["thu-tuc-linh-vuc-van-bang-chung-chi.rss.xml",
                                                             "thu-tuc-linh-vuc-van-bang-chung-chi.atom.xml"]
    assert follow("thu-tuc/thay-doi/moi/") == []  # a change's list has no feed of its own
