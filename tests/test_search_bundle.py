"""The search bundle written by bundle.py is the one the real Pagefind writes for the same records.

Both are made from the records of a tiny site with every kind of record (news, plans,
procedures active and abolished, units, hand-written pages, synonyms, accented and
plain words, filters, sorts, a record with no word, two with the same words): once by
``pagefind.write_index`` (the build's way: bundle.py in a child process), once by the
pinned ``pagefind --service`` (``oracle.pagefind_bundle``). Same file names, and the
same bytes once unzipped; the compressed bytes may differ (another deflate).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from cchc import urls
from cchc.search import bundle, oracle, pagefind
from cchc.search import records as search_records
from cchc.search.synonyms import SynonymTable

SYNONYMS = """\
synonyms:
  - same: [cải cách hành chính, CCHC]
  - same: [giáo dục và đào tạo, GDĐT]
  - also: [hotline, số điện thoại]
    find: đường dây nóng
"""

NEWS = """\
---
id: {id}
title: {title}
date: 2024-0{month}-02 09:00
unit: {unit}
topics: [chi-dao-dieu-hanh]
summary: Sơ kết CCHC quý I.
---
{body}
"""

ABOLISHED = """\
  - change: bãi bỏ
    decision: "9/QĐ-UBND"
    decision_date: 2023-01-05
    effective: 2023-01-10
"""


# -- a tiny CBOR reader, independent of the code under test (for the figures asserted below) --
def _cbor(data: bytes, pos: int = 0):
    head = data[pos]
    major, info = head >> 5, head & 31
    pos += 1
    if info >= 24:
        size = 1 << (info - 24)
        info, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
    if major in (0, 1):
        return (info if major == 0 else -1 - info), pos
    if major == 3:
        return data[pos:pos + info].decode(), pos + info
    assert major == 4, f"unexpected CBOR major type {major}"
    items = []
    for _ in range(info):
        item, pos = _cbor(data, pos)
        items.append(item)
    return items, pos


def _files(bundle_dir: Path) -> dict[str, bytes]:
    """Every file of a bundle by path: the data files unzipped."""
    out = {}
    for path in sorted(p for p in bundle_dir.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        out[path.relative_to(bundle_dir).as_posix()] = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    return out


def _records(tiny, extra: list[search_records.SearchRecord]):
    result = tiny.check()
    assert result.site is not None, [str(p) for p in result.problems.errors]
    site = result.site
    pages = ([("news", n.id, urls.item_url(n)) for n in site.news]
             + [("plan", p.id, urls.item_url(p)) for p in site.plans]
             + [("procedure", p.id, urls.item_url(p)) for p in site.procedures]
             + [("unit", u, urls.src_to_url(urls.unit_src(u))) for u in site.units])
    records = search_records.records_for_site(site, pages) + extra
    extras = pagefind.SearchExtras(SynonymTable.of(site.synonyms), search_records.answer_cards(site, pages))
    return records, extras


@pytest.fixture
def every_kind(site_factory):
    tiny = site_factory()
    tiny.write("content/synonyms.yml", SYNONYMS)
    proc = tiny.root / "content/procedures/cap-ban-sao-van-bang.md"
    tiny.write("content/procedures/bai-bo.md", proc.read_text(encoding="utf-8")
               .replace("id: cap-ban-sao-van-bang", "id: bai-bo").replace('code: "1.005090"', 'code: "1.005091"')
               .replace("    effective: 2021-05-15\n", "    effective: 2021-05-15\n" + ABOLISHED, 1))
    same = "Đường dây nóng của Sở GDĐT: 0225 3842 185. Thủ tục hành chính được giải quyết đúng hạn."
    for i, (title, unit, body) in enumerate([
        ("Hội nghị CCHC năm 2024", "hp-so-gddt", "Tiếng Việt có dấu: Đào tạo, ĐƯỜNG DÂY NÓNG, Nghị định "
         "61/2018/NĐ-CP; không dấu: dao tao, duong day nong. Số 12/KH-SGDĐT ngày 15/01/2024, 1.005090."),
        ("Trùng nội dung một", "hp-thpt-tran-phu", same),
        ("Trùng nội dung hai", "hp-thpt-tran-phu", same),
        ("Ký hiệu lạ “ngoặc”, A&B <x>, e-mail, iPhone", "hai-phong",
         "TP.Hải, camelCase abc123def — «x» … (UBND) 5/5 e-mail &amp; 100%."),
    ], start=1):
        tiny.write(f"content/news/2024/tin-{i}.md", NEWS.format(id=f"tin-{i}", title=title, month=i % 9 + 1,
                                                                 unit=unit, body=body))
    extra = [
        search_records.page_record("gioi-thieu/", "Giới thiệu", "<h1>Giới thiệu</h1><p>Đường dây nóng "
                                   "của chuyên mục &amp; <b>CCHC</b>.</p><script>x()</script>"),
        search_records.page_record("lien-he/", "Liên hệ", "<p>Gọi hotline 0225 3842 100.</p>"),
        search_records.SearchRecord(url="la/", title="Chữ lạ x😀y ΣΟΦΙΑ", kind="page", content="Chữ lạ x😀y ΣΟΦΙΑ\n"
                                    "Ünïcode façade naïve İstanbul straße ① ½ x² 漢字 a\u200bb 👍🏽 #1 ©2024"),
        search_records.SearchRecord(url="trong/", title="", content="", kind="page"),  # no word: left out
        search_records.SearchRecord(url="dau-cau/", title="— …", content="— …\n- !!! ...", kind="page"),
    ]
    return _records(tiny, extra)


@pytest.mark.parametrize("chunk_size", [None, 40])
def test_bundle_is_pagefinds_bundle(every_kind, tmp_path, chunk_size):
    records, extras = every_kind
    pagefind.write_index(records, tmp_path / "ours", extras, chunk_size=chunk_size)
    oracle.pagefind_bundle(records, tmp_path / "pagefind" / "pagefind", extras, chunk_size=chunk_size)
    ours, theirs = _files(tmp_path / "ours" / "pagefind"), _files(tmp_path / "pagefind" / "pagefind")
    assert sorted(ours) == sorted(theirs)
    for name in theirs:
        assert ours[name] == theirs[name], f"{name} differs"

    # what the records exercised: every page but the wordless ones, filters, sorts, spellings, chunks
    entry = json.loads(ours["pagefind-entry.json"])
    (meta_name,) = [n for n in ours if n.endswith(".pf_meta")]
    meta, _ = _cbor(ours[meta_name], len(bundle.MAGIC))
    assert entry["languages"]["vi"]["page_count"] == len(meta[1]) == len(records) - 2
    assert {f for f, _ in meta[3]} == {"type", "unit", "topic", "year", "status"} and meta[4][0][0] == "date"
    assert meta[5] == ["change", "code", "date", "n", "number", "r", "title"]
    assert len(meta[2]) == (1 if chunk_size is None else len([n for n in ours if n.startswith("index/")])) > 0
    if chunk_size:
        assert len(meta[2]) > 5
    words = {w[0]: w for name in ours if name.startswith("index/") for w in _cbor(ours[name], 12)[0][0]}
    assert [form for form, _ in words["dao"][2]] == ["dào", "d̵ào"]  # the titles' spellings (Đ as d + U+0335)
    assert [form for form, _ in words["sgddt"][2]] == ["sgdd̵t"]  # a plan's number, split like Pagefind
    assert "cai" in words and "hotline" in words and "😀" in words


def test_fragments_are_written_as_pages_come(tmp_path):
    """Nothing of a page waits for the end but its postings: its fragment is on disk at once."""
    writer = bundle.BundleWriter(tmp_path, "1.5.2")
    page = bundle.PageIn("/a/", ["___PAGEFIND_WEIGHT___4", "tieu", "de", "___END_PAGEFIND_WEIGHT___", "than"],
                         [("title", "Tiêu đề")], [("type", "Trang")], [])
    assert writer.add(page)
    (fragment,) = (tmp_path / "fragment").glob("*.pf_fragment")
    data = json.loads(gzip.decompress(fragment.read_bytes())[len(bundle.MAGIC):])
    assert data["content"] == "tieu de than" and data["word_count"] == 3 and data["meta"] == {"title": "Tiêu đề"}
    assert not writer.add(bundle.PageIn("/b/", ["—", "!!!"], [("title", "")], [], []))  # no word: left out
    assert writer.finish() is not None and len(writer.pages) == 1


def test_pagefind_weights_and_hashes():
    """Pagefind's u8 weights (its own tests: parse_weighted_file, parse_bad_weights) and its
    file names: SHA-1 in hex with no leading zero per byte (da 39 .. 4b 0d 32 .. d8 07 09)."""
    assert [bundle._weight_code(v) for v in ("2", "0.5", "0.00001", "lots", "99999999", "-1234", "65.4")] == \
        [48, 12, 1, 24, 240, 0, 240]
    assert bundle.full_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


def test_no_bundle_from_part_of_the_records(tmp_path):
    """Records that stop before their end (the build sending them failed) make no bundle."""
    rec = search_records.SearchRecord(url="a/", title="Tiêu đề", content="Tiêu đề\nthân bài", kind="page")
    header = {"out": str(tmp_path / "pagefind"), "extras": pagefind.SearchExtras(), "chunk_size": None}
    with pytest.raises(pagefind.PagefindError, match="stopped before their end"):
        pagefind.build_bundle([header, rec])
    assert not list((tmp_path / "pagefind").glob("*.pf_meta"))
    assert pagefind.build_bundle([header, rec, None])["pages"] == 1
