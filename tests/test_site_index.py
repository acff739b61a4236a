"""The index over the validated site, tested on the library (no MkDocs build)."""

from __future__ import annotations

from cchc.index.site_index import SiteIndex


def load(site_factory):
    site = site_factory()
    site.write("content/news/2024/tin-tran-phu.md", "---\nid: tin-tran-phu\ntitle: Tin của trường\n"
               "date: 2024-03-01 08:00\nunit: hp-thpt-tran-phu\ntopics: [chi-dao-dieu-hanh]\nsummary: Tóm tắt.\n"
               "---\nNội dung.\n")
    result = site.check()
    assert result.site is not None, [str(p) for p in result.problems.errors]
    return result.site


def test_tree_groups_and_successors(site_factory):
    index = SiteIndex(load(site_factory))
    assert index.ancestors["hp-thpt-tran-phu"] == ["hp-so-gddt", "hai-phong"]
    assert index.ancestors["hai-phong"] == [] and index.roots == ["hai-phong"]
    assert index.descendants("hp-so-gddt") == ["hp-so-gddt", "hp-gddt-van-phong", "hp-thpt-tran-phu",
                                               "hp-phong-gddt-an-duong"]
    assert [g.id for g in index.groups_of["hp-thpt-tran-phu"]] == ["hp-gddt-cac-don-vi"]
    assert [u.id for u in index.successors["hp-so-gddt"]] == ["hp-phong-gddt-an-duong"]
    assert [f.name for f in index.fields.values()] == ["Văn bằng, chứng chỉ"]
    assert [p.id for p in index.procedures_by_change["new"]] == ["cap-ban-sao-van-bang"]
    assert [row.task.no for row, role in index.tasks.for_ref("hp-gddt-cac-don-vi")] == ["1"]


def test_items_by_unit_honour_include_children(site_factory):
    site = load(site_factory)
    with_children = SiteIndex(site, include_children=True)
    assert [n.id for n in with_children.news_by_unit["hai-phong"]] == ["tin-tran-phu", "tin-hoi-nghi"]
    assert [n.id for n in with_children.news_by_unit["hp-thpt-tran-phu"]] == ["tin-tran-phu"]
    assert [p.id for p in with_children.plans_by_unit["hai-phong"]] == ["kh-2024"]
    own = SiteIndex(site, include_children=False)
    assert [n.id for n in own.news_by_unit["hp-so-gddt"]] == ["tin-hoi-nghi"]
    assert "hai-phong" not in own.news_by_unit and "hai-phong" not in own.plans_by_unit
    assert [n.id for n in own.news_by_topic["chi-dao-dieu-hanh"]] == ["tin-tran-phu", "tin-hoi-nghi"]
    assert [n.id for n in own.news_by_year[2024]] == ["tin-tran-phu", "tin-hoi-nghi"]
