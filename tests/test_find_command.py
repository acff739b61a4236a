"""``cchc find``: ids looked up by name, with or without diacritics, ready to paste."""

from __future__ import annotations

from cchc.commands import find, new


def run(site, capsys, *words: str) -> tuple[int, str]:
    code = find.main([*words, "--root", str(site.root)])
    return code, capsys.readouterr().out


def test_finds_units_by_name_with_or_without_diacritics(site_factory, capsys):
    site = site_factory()
    for query in ("Trần Phú", "tran phu", "TRAN PHU", "chuyên trần"):
        code, out = run(site, capsys, query)
        assert code == 0
        assert out.splitlines() == ["đơn vị  hp-thpt-tran-phu  Trường THPT chuyên Trần Phú"], query


def test_finds_former_names_groups_topics_plans_tasks_and_procedures(site_factory, capsys):
    site = site_factory()
    assert "hp-phong-gddt-an-duong" in run(site, capsys, "huyen an duong")[1]
    assert "nhóm  hp-gddt-cac-don-vi  Các đơn vị giáo dục" in run(site, capsys, "cac don vi giao duc")[1]
    assert "chủ đề  cai-cach-the-che" in run(site, capsys, "cải cách thể chế")[1]
    out = run(site, capsys, "cuoc thi tim hieu")[1]
    assert "nhiệm vụ  kh-2024#2  Tổ chức cuộc thi tìm hiểu cải cách hành chính" in out
    assert "kế hoạch  kh-2024" in run(site, capsys, "12/KH-SGDĐT")[1]
    assert "thủ tục  cap-ban-sao-van-bang" in run(site, capsys, "1.005090")[1]


def test_nothing_found_says_so_in_vietnamese(site_factory, capsys):
    site = site_factory()
    code, out = run(site, capsys, "không có đơn vị này")
    assert code == 1 and "Không tìm thấy" in out


def test_new_suggests_unit_ids_from_a_name(site_factory, capsys):
    site = site_factory()
    assert new.main(["news", "Tin", "--unit", "THPT Trần Phú", "--root", str(site.root)]) == 1
    err = capsys.readouterr().err
    assert "Không tạo được tệp" in err and "hp-thpt-tran-phu" in err
