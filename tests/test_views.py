"""View data built from the index, without MkDocs: what each template receives."""

from __future__ import annotations

from pathlib import Path

from cchc.config import read_config
from cchc.index.site_index import SiteIndex
from cchc.strings import Strings
from cchc.views import data as v
from cchc.views.pages import generate

OVERRIDES = Path(__file__).resolve().parent.parent / "docs" / "overrides"


def pages_of(site_factory, strings: dict[str, str] | None = None):
    tiny = site_factory()
    result = tiny.check()
    assert result.site is not None
    config = read_config(tiny.root)
    return {page.src: page for page in generate(SiteIndex(result.site), config, Strings(strings)).pages}


def test_every_page_names_a_template_that_exists_and_builds_its_view(site_factory):
    pages = pages_of(site_factory)
    for src, page in pages.items():
        assert (OVERRIDES / page.template).is_file(), (src, page.template)
        assert page.file_content().startswith(f"---\ntemplate: {page.template}\n"), src
        page.view()  # every view builds from the index alone
    column = pages["don-vi/hp-so-gddt/index.md"].view()
    assert isinstance(column, v.UnitPage) and column.column is not None
    assert (column.column.hotline, column.column.tel) == ("0225 3842 185", "02253842185")
    assert [link.text for link in column.crumbs.trail] == ["Trang chủ", "Đơn vị", "UBND thành phố Hải Phòng"]
    assert [(n.url, n.unit) for n in column.news] == [("tin-tuc/2024/tin-hoi-nghi/", None)]  # its own: not named
    assert [c.link.url for c in column.column.children] == ["don-vi/hp-gddt-van-phong/", "don-vi/hp-thpt-tran-phu/",
                                                            "don-vi/hp-phong-gddt-an-duong/"]
    assert column.column.children[2].ended == v.EndedMark("dissolved", "01/07/2025")


def test_a_page_markdown_is_only_the_editors_body(site_factory):
    pages = pages_of(site_factory)
    news = pages["tin-tuc/2024/tin-hoi-nghi.md"]
    assert news.markdown.strip() == "Sáng 20/02, Sở Giáo dục và Đào tạo tổ chức hội nghị."
    assert pages["don-vi/hp-so-gddt/index.md"].markdown == ""
    assert "<" not in pages["thu-tuc/cap-ban-sao-van-bang.md"].markdown  # the sections, no markup
    plan = pages["ke-hoach/kh-2024.md"].view()
    assert plan.toc == [v.Heading("danh-muc-nhiem-vu", "Danh mục nhiệm vụ")]
    assert [(r.cells[0].text, r.status, r.anchor) for r in plan.plan_table.rows] == [
        ("1", "in-progress", "nv-1"), ("2", "pending", "nv-2")]


def test_page_titles_follow_the_strings(site_factory):
    pages = pages_of(site_factory, {"unit.tasks_title": "Việc của {unit}", "section.news": "Tin"})
    assert pages["don-vi/hp-so-gddt/nhiem-vu.md"].title == "Việc của Sở GDĐT Hải Phòng"
    assert pages["tin-tuc/index.md"].title == "Tin"
    assert pages["tin-tuc/2024/tin-hoi-nghi.md"].view().crumbs.trail[1] == v.Link("tin-tuc/", "Tin")
