"""Templates a web team overrides, words a site rewords, and the settings that shape the columns.

A site's own ``custom_dir`` replaces one template and the page changes without Python;
``extra.cchc.strings`` rewords a label on every page and in the CSV; the headings the
templates draw stay in the sidebar's table of contents; ``include_children: false``
keeps each column to its own unit; a hand-written page at a generated page's address is
reported.
"""

from __future__ import annotations

import csv
import io
import re

import feedparser
import pytest
from conftest import REPO
from mkdocs.exceptions import Abort
from test_site import news, page_links, text_of

OVERRIDES = REPO / "docs" / "overrides"


def toc_of(html: str) -> list[tuple[str, str]]:
    """The sidebar's table of contents: (link, text) in order."""
    toc = html.split('<nav class="md-nav md-nav--secondary"', 1)[1].split('<div class="md-content"', 1)[0]
    return [(href, " ".join(re.sub(r"<[^>]+>", " ", text).split()))
            for href, text in re.findall(r'<a href="([^"]+)" class="md-nav__link">(.*?)</a>', toc, re.S)]


def test_every_cchc_template_escapes_what_it_shows():
    """Partials open with autoescape; a page template opens its content block with it (Jinja
    ignores an autoescape around the block of a template that extends another)."""
    templates = sorted((OVERRIDES / "cchc").rglob("*.html"))
    assert len(templates) > 20
    for path in templates:
        code = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S).strip()
        if "{% extends" in code:
            assert re.match(r'\{% extends "main\.html" %\}\s*\{% block content %\}\{% autoescape true %\}', code), path
        else:
            assert code.startswith("{% autoescape true -%}"), path
        assert code.rstrip().endswith(("{%- endautoescape %}", "{% endautoescape %}{% endblock %}")), path


def override_site(site_factory, edit_unit_template):
    """A site whose custom_dir holds one file: its own cchc/unit.html, edited from the repository's.

    Every other template, partial and asset comes from the repository's overrides, which the
    hook puts right after the site's own folder.
    """
    site = site_factory()
    custom = site.root / "overrides"
    unit = custom / "cchc" / "unit.html"
    unit.parent.mkdir(parents=True)
    unit.write_text(edit_unit_template((OVERRIDES / "cchc" / "unit.html").read_text(encoding="utf-8")),
                    encoding="utf-8")
    site.write("mkdocs.yml", (site.root / "mkdocs.yml").read_text(encoding="utf-8").replace(
        f"custom_dir: {OVERRIDES.as_posix()}", f"custom_dir: {custom.as_posix()}"))
    return site


def move_hotline_above_news(template: str) -> str:
    """What a web team does by hand: cut the hotline out of the contacts, paste it above the news."""
    lines = template.splitlines()
    hotline = [line for line in lines if "column.hotline" in line]
    assert len(hotline) == 1, hotline  # the hotline is one line of the contacts
    lines.remove(hotline[0])
    news_at = next(i for i, line in enumerate(lines) if "News, one line each" in line)
    lines[news_at:news_at] = [
        "{%- if column and column.hotline %}",
        '<p class="hotline-box">{{ t("unit.hotline") }}: <a href="tel:{{ column.tel }}">{{ column.hotline }}</a></p>',
        "{%- endif %}",
    ]
    return "\n".join(lines) + "\n"


def test_an_override_template_moves_the_hotline_above_the_news(site_factory):
    site = override_site(site_factory, move_hotline_above_news)
    site.build()
    column = site.html("don-vi/hp-so-gddt/")
    contacts = column.split('id="lien-he"', 1)[1].split("</dl>", 1)[0]
    assert "0225 3842 185" not in contacts and "Đường dây nóng" not in contacts
    assert "sogddt@haiphong.gov.vn" in contacts  # the rest of the contacts is as it was
    box = column.index('class="hotline-box"')
    assert column.index('id="thu-tuc"') < box < column.index('id="tin-bai"')  # right above the news
    assert "Đường dây nóng: 0225 3842 185" in text_of(column)
    assert ("tel:02253842185", "0225 3842 185") in [(url, text) for url, text, _, _ in
                                                    page_links(column, "don-vi/hp-so-gddt/")]
    assert "Hội nghị triển khai" in text_of(column)  # the news is still there, below
    # a unit without a hotline has no box; every other page keeps the repository's templates
    assert 'class="hotline-box"' not in site.html("don-vi/hp-gddt-van-phong/")
    assert "Danh mục nhiệm vụ" in text_of(site.html("ke-hoach/kh-2024/"))
    assert (site.root / "site" / "assets" / "stylesheets" / "cchc.css").is_file()  # shipped assets too


def csv_rows(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))


def test_a_site_rewords_overdue_once_for_every_page_and_csv(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    strings:\n      task.status.overdue: Trễ hạn\n")
    out = site.build(build_date="2024-07-01")  # task 2 (Quý II/2024, no evidence) is overdue
    assert not [line for line in site.logs if line.startswith("WARNING")]
    for page in ("ke-hoach/kh-2024/", "nhiem-vu/", "don-vi/hp-gddt-van-phong/nhiem-vu/"):
        text = text_of(site.html(page))
        assert "Trễ hạn" in text, page
        assert "Quá hạn" not in text, page
    assert "Trễ hạn: 1" in text_of(site.html("nhiem-vu/"))  # the count by status
    for html_file in out.rglob("*.html"):
        assert "Quá hạn" not in html_file.read_text("utf-8"), html_file
    for path in ("nhiem-vu/nhiem-vu.csv", "ke-hoach/kh-2024/nhiem-vu.csv", "don-vi/hp-gddt-van-phong/nhiem-vu.csv"):
        rows = csv_rows(out / path)
        assert rows[0][12] == "Trễ hạn", path  # the header of the yes/no column
        row = next(r for r in rows[1:] if r[2] == "2")
        assert (row[11], row[12]) == ("Trễ hạn", "Có"), path
        assert "Quá hạn" not in (out / path).read_text("utf-8-sig"), path


def test_an_unknown_or_broken_rewording_is_reported_by_name(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    strings:\n      task.status.overdu: Trễ hạn\n"
                                  "      task.summary: \"{so} nhiệm vụ\"\n")
    with pytest.raises(Abort):  # strict: a warning stops the build
        site.build()
    warnings = [line for line in site.logs if line.startswith("WARNING")]
    assert any("extra.cchc.strings.task.status.overdu: không có chữ nào mang khóa này" in w
               and "task.status.overdue" in w for w in warnings), warnings
    assert any("extra.cchc.strings.task.summary:" in w and "{count}" in w for w in warnings), warnings


def test_headings_drawn_by_templates_stay_in_the_table_of_contents(site_factory):
    site = site_factory()
    plan = (site.root / "content/plans/kh-2024.md").read_text("utf-8")
    site.write("content/plans/kh-2024.md", plan + "\n## Danh mục nhiệm vụ\n\nPhụ lục đính kèm.\n")
    site.build()
    page = site.html("ke-hoach/kh-2024/")
    # the body's own heading first, then the task list's, with an id of its own, as Markdown did
    assert toc_of(page) == [("#muc-dich", "Mục đích"), ("#danh-muc-nhiem-vu", "Danh mục nhiệm vụ"),
                            ("#danh-muc-nhiem-vu_1", "Danh mục nhiệm vụ")]
    assert page.count('id="danh-muc-nhiem-vu"') == 1 and page.count('id="danh-muc-nhiem-vu_1"') == 1
    assert page.index('id="danh-muc-nhiem-vu_1"') < page.index('id="nv-1"')  # the table is under its heading
    procedure = toc_of(site.html("thu-tuc/cap-ban-sao-van-bang/"))
    assert procedure[0] == ("#trinh-tu-thuc-hien", "Trình tự thực hiện")
    assert procedure[-1] == ("#qua-trinh-cong-bo-sua-doi", "Quá trình công bố, sửa đổi")


def test_columns_keep_to_their_own_unit_without_include_children(site_factory):
    site = site_factory(extra_yml="extra:\n  cchc:\n    include_children: false\n")
    site.write("content/news/2024/tin-tran-phu.md", news("tin-tran-phu", "Trần Phú tuyên truyền CCHC",
                                                         unit="hp-thpt-tran-phu"))
    out = site.build()
    parent = text_of(site.html("don-vi/hp-so-gddt/"))
    assert "Trần Phú tuyên truyền CCHC" not in parent  # the child's news stays in the child's column
    assert "Hội nghị triển khai" in parent  # the unit's own news
    assert "gồm cả các đơn vị trực thuộc" not in parent
    assert "Đơn vị trực thuộc" in parent and "Trường THPT chuyên Trần Phú" in parent  # still linked
    assert "Trần Phú tuyên truyền CCHC" in text_of(site.html("don-vi/hp-thpt-tran-phu/"))
    assert "Kế hoạch tuyên truyền" not in text_of(site.html("don-vi/hai-phong/"))  # nor the grandparent's
    feed = feedparser.parse((out / "feeds/don-vi-hp-so-gddt.atom.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["Hội nghị triển khai cải cách hành chính năm 2024"]

    site.write("mkdocs.yml", (site.root / "mkdocs.yml").read_text("utf-8").replace("include_children: false",
                                                                                   "include_children: true"))
    site.build()
    parent = text_of(site.html("don-vi/hp-so-gddt/"))
    assert "Trần Phú tuyên truyền CCHC" in parent and "gồm cả các đơn vị trực thuộc" in parent


def test_a_hand_written_page_at_a_generated_address_is_reported(site_factory):
    site = site_factory()
    site.write("docs/don-vi/index.md", "# Các đơn vị\n\nTrang viết tay.\n")
    with pytest.raises(Abort):  # strict: the warning stops the build
        site.build()
    warning = ("docs/don-vi/index.md: trang viết tay này trùng địa chỉ với một trang được tạo tự động nên bị "
               "thay bằng trang đó (đổi tên hoặc xóa tệp)")
    assert any(warning in line for line in site.logs if line.startswith("WARNING")), site.logs
    site.logs.clear()
    site.build(strict=False)  # without --strict the generated page is published, the hand-written one is not
    assert any(warning in line for line in site.logs), site.logs
    units = text_of(site.html("don-vi/"))
    assert "Trang viết tay" not in units and "Trường THPT chuyên Trần Phú" in units
