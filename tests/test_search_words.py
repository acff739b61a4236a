"""The words citizens use: content/synonyms.yml (loading, errors), what the index adds for
them, the word list and answer cards written beside the index, and the box's query planning
(corrections, synonyms, unknown words) run in Node.js on the same data.

The box itself, in Chromium, is in test_search_browser.py.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess

import pytest
from cchc.search import pagefind
from cchc.search.synonyms import SynonymTable, term, term_parts
from conftest import REPO

JS = REPO / "docs" / "assets" / "search" / "cchc-search.js"

SYNONYMS = """\
synonyms:
  - same: [cải cách hành chính, CCHC]
  - same: [giáo dục và đào tạo, GDĐT]
  - same: [văn bằng, bằng tốt nghiệp]
  - also: [hotline, số điện thoại]
    find: đường dây nóng
"""


NEWS_CCHC = """\
---
id: tin-cchc
title: Sơ kết CCHC quý I
date: 2024-04-02 09:00
unit: hp-so-gddt
topics: [chi-dao-dieu-hanh]
summary: {summary}
---
Nội dung.
"""


def test_terms_are_what_pagefind_indexes():
    assert term("GD&ĐT") == term("GDĐT") == term("gd-dt") == "gddt"
    assert term("Sở,") == "so"
    assert term_parts("978/KH-SGDĐT") == ["978khsgddt", "978", "kh", "sgddt"]
    assert term_parts("1.005090") == ["1005090", "1", "005090"]


def test_synonyms_are_loaded(site_factory):
    tiny = site_factory()
    tiny.write("content/synonyms.yml", SYNONYMS)
    result = tiny.check()
    assert result.site is not None, result.problems.sorted()
    syn = result.site.synonyms
    assert [s.words for s in syn][:2] == [("cải cách hành chính", "CCHC"), ("giáo dục và đào tạo", "GDĐT")]
    assert syn[3].words == ("hotline", "số điện thoại") and syn[3].finds == "đường dây nóng"
    assert syn[0].source.line == 2


def test_no_synonyms_file_is_fine(site_factory):
    result = site_factory().check()
    assert result.site is not None and result.site.synonyms == []


@pytest.mark.parametrize(("text", "line", "message", "fix"), [
    ("synonyms:\n  - same: [CCHC]\n", 2, "cần ít nhất hai cách viết", "viết thêm cách kia"),
    ("synonyms:\n  - same: [cải cách hành chính, CCHC]\n  - same: [cchc, cải cách]\n", 3,
     "«cchc» đã có ở dòng 2 (viết là «CCHC»)", "mỗi cách viết chỉ ghi một lần"),
    ("synonyms:\n  - same: [giáo dục và đào tạo, GDĐT, GD&ĐT]\n", 2, "«GD&ĐT» đã có ở dòng 2", "gộp hai dòng"),
    ("synonyms:\n  - same: [a, b]\n    find: c\n", 2, "chỉ dùng «same» hoặc «also»", "tách thành hai dòng"),
    ("synonyms:\n  - also: [hotline]\n", 2, "thiếu «find»", "find: đường dây nóng"),
    ("synonyms:\n  - find: đường dây nóng\n", 2, "thiếu các từ «also»", "also: [hotline"),
    ("synonyms:\n  - same: [\"&\", và]\n", 2, "«&» không có chữ hay số nào", "ví dụ «CCHC»"),
    ("synonyms:\n  - also: [hotline, đường dây nóng]\n    find: đường dây nóng\n", 2, "trùng với «find»",
     "xoá nó"),
    ("synonyms:\n  - words: [a, b]\n", 2, "không có «same» hay «also»", "- same: ["),
])
def test_synonym_mistakes_name_file_line_and_fix(site_factory, text, line, message, fix):
    tiny = site_factory()
    tiny.write("content/synonyms.yml", text)
    result = tiny.check()
    assert result.site is None
    problems = [p for p in result.problems.errors if p.path == "content/synonyms.yml"]
    assert problems, result.problems.sorted()
    assert any(p.line == line and message in p.message and fix in p.fix for p in problems), \
        [str(p) for p in problems]


def test_synonym_mistake_stops_the_build(site_factory):
    tiny = site_factory()
    tiny.write("content/synonyms.yml", "synonyms:\n  - same: [CCHC]\n")
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        tiny.build()
    assert any("content/synonyms.yml:2:" in line and "cần ít nhất hai cách viết" in line for line in tiny.logs)


def test_aliases_add_the_full_form_of_abbreviations(site_factory):
    tiny = site_factory()
    tiny.write("content/synonyms.yml", SYNONYMS)
    table = SynonymTable.of(tiny.check().site.synonyms)
    assert table.aliases("Hội nghị triển khai CCHC của Sở GD&ĐT".split()) == \
        ["cải cách hành chính", "giáo dục và đào tạo"]
    assert table.aliases("Cấp lại bằng tốt nghiệp".split()) == ["văn bằng"]
    assert table.aliases("bằng cấp tốt nghiệp".split()) == []  # the words, but not in a row
    assert table.aliases("Gọi hotline".split()) == []  # one way: the page is not given "đường dây nóng"
    assert table.to_json()["also"] == [["hotline", "đường dây nóng"], ["so dien thoai", "đường dây nóng"]]


def _extras(out) -> dict:
    return json.loads(gzip.decompress((out / "pagefind" / pagefind.EXTRAS_FILE).read_bytes()))


def test_build_writes_words_synonyms_and_cards(site_factory):
    tiny = site_factory()
    tiny.write("content/synonyms.yml", SYNONYMS)
    tiny.write("content/news/2024/tin-cchc.md", NEWS_CCHC.format(summary="Sơ kết."))
    out = tiny.build()
    data = _extras(out)
    spellings = {w for bucket in data["words"] for w in bucket.split()}
    # each word as readers write it most often on the site ("ban" is "ban" or "bản": one of them)
    assert {"cấp", "sao", "văn", "bằng", "đường", "12/kh-sgdđt", "1.005090"} <= spellings
    assert {"ban", "so", "ket"} <= {term(w) for w in spellings}
    assert {"cải", "cách", "hành", "chính"} <= spellings  # the news item's alias words are indexed too
    terms = {term(w) for w in spellings}
    assert "hotline" not in terms  # the box must know Pagefind would not find it
    assert data["syn"]["same"][0] == ["cchc", "cải cách hành chính"]
    (proc,) = data["procedures"]
    assert proc["c"] == "1.005090" and proc["st"] == "Còn hiệu lực" and proc["u"] == "thu-tuc/cap-ban-sao-van-bang/"
    assert proc["t"] == "Ngay trong ngày nhận yêu cầu" and proc["o"] == "Dịch vụ công trực tuyến một phần"
    assert proc["l"].startswith("https://dichvucong.gov.vn/")
    (plan,) = data["plans"]
    assert plan["no"] == "12/KH-SGDĐT" and plan["u"] == "ke-hoach/kh-2024/"
    units = {u["u"]: u for u in data["units"]}
    so = units["don-vi/hp-so-gddt/"]
    assert so["h"] == "0225 3842 185" and so["e"] == "sogddt@haiphong.gov.vn" and so["p"] == "UBND thành phố Hải Phòng"
    assert units["don-vi/hp-phong-gddt-an-duong/"]["x"] == "Không còn hoạt động từ 01/07/2025"


def test_word_list_counts_each_spelling_once_a_record():
    """The word list shows a term in the spelling most records use (ties: the later one),
    each (word, folded word) counted once a record, even where a word is folded two ways."""
    vocabulary = pagefind.Vocabulary()
    vocabulary.add(["Hà", "Hà"], ["ha", "ha"])
    vocabulary.add(["HA"], ["ha"])
    vocabulary.add(["(HA)"], ["(ha)"])
    assert vocabulary.buckets() == ["", "ha"]  # term "ha" in 3 records: "ha" in 2, "hà" in 1
    vocabulary.add(["Hà", "Hà"], ["ha", "hx"])  # "hà" now in 2 records too, and under "hx"
    assert vocabulary.buckets() == ["hx", "", "hà"]  # "ha" in 4 records


def test_abolished_procedures_are_marked_and_weigh_less(site_factory):
    from cchc.search import records as search_records
    from cchc.urls import item_url

    tiny = site_factory()
    text = (tiny.root / "content/procedures/cap-ban-sao-van-bang.md").read_text(encoding="utf-8")
    tiny.write("content/procedures/cap-ban-sao-van-bang.md", text.replace(
        "    effective: 2021-05-15\n",
        "    effective: 2021-05-15\n  - change: bãi bỏ\n    decision: \"9/QĐ-UBND\"\n"
        "    decision_date: 2023-01-05\n    effective: 2023-01-10\n", 1))
    site = tiny.check().site
    proc = site.procedures[0]
    (rec,) = search_records.records_for_site(site, [("procedure", proc.id, item_url(proc))])
    assert rec.filters["status"] == ["Đã bãi bỏ"] and rec.keywords[-1] == "Đã bãi bỏ"
    active = search_records.procedure_record(site, site.procedures[0], "x/")
    assert rec.title_weight < search_records.TITLE_WEIGHTS["procedure"]
    title, keys, rest = rec.parts()
    assert " ".join(title) == proc.name and keys == ["Mã", "thủ", "tục", "1.005090", "Đã", "bãi", "bỏ"]
    assert title + keys + rest == rec.words() and active.status == "Đã bãi bỏ"


def test_pages_sent_to_pagefind_keep_words_one_for_one(site_factory):
    """The small pages sent to Pagefind: weighted spans only, so its words are ours, in order."""
    tiny = site_factory()
    tiny.write("content/synonyms.yml", SYNONYMS)
    tiny.write("content/news/2024/tin-cchc.md", NEWS_CCHC.format(summary="Sơ kết <b>đợt</b> & x."))
    out = tiny.build()
    fragments = [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])
                 for f in (out / "pagefind" / "fragment").glob("*.pf_fragment")]
    (news,) = [f for f in fragments if f["url"] == "/tin-tuc/2024/tin-cchc/"]
    words = news["content"].split(" ")
    assert words[:5] == ["so", "ket", "cchc", "quy", "i"]
    assert "<b>dot</b>" in words  # text, not markup: escaped for Pagefind, one word as in the summary
    # the aliases, after the page's own words: of the title's "CCHC", then of the unit's "Sở GDĐT"
    assert " ".join(words[-9:]) == "cai cach hanh chinh giao duc va dao tao"
    assert int(news["meta"]["n"]) == len(words) - 9 and news["word_count"] == len(words)
    from cchc.search import folding
    assert folding.restore(news["content"], news["meta"]["r"])[:3] == ["Sơ", "kết", "CCHC"]


@pytest.fixture
def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.fail("node not found: the JS of the search box cannot be tested (install Node.js)")
    return path


def _plan(node: str, data: dict, queries: list[str]) -> list[dict]:
    script = (f"const m = await import({json.dumps(JS.as_uri())});"
              f"const lex = new m.Lexicon().add({json.dumps(data, ensure_ascii=False)}, 'https://a.test/');"
              f"console.log(JSON.stringify({json.dumps(queries, ensure_ascii=False)}.map(q => m.planQuery(q, lex))));")
    out = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True, timeout=30)
    return json.loads(out.stdout)


WORDS = {"v": 1, "words": ["hotel phúc khảo", "đăng ký tử tuy tụ", "thủ tục đường dây nóng sở điện thoại",
                           "văn bằng cấp"],
         "syn": {"same": [["cchc", "cải cách hành chính"], ["bang tot nghiep", "văn bằng"]],
                 "also": [["hotline", "đường dây nóng"], ["so dien thoai", "đường dây nóng"]]}}


def test_js_plan_corrects_telex_and_one_letter(node):
    telex, typo, swap, short, ambiguous = _plan(node, WORDS, ["thur tucj", "thu tucc", "dnag ky", "thu tc", "thu tuv"])
    assert telex["queries"] == ["thu tuc"] and [c[1] for c in telex["corrections"]] == ["thủ", "tục"]
    assert typo["queries"] == ["thu tuc"]
    assert swap["queries"] == ["dang ky"]
    assert short["queries"] == [] and short["unknown"] == ["tc"]  # two letters: never guessed
    # three letters with several words one letter away: not guessed, said and suggested
    assert ambiguous["queries"] == [] and ambiguous["unknown"] == ["tuv"]
    assert set(ambiguous["suggestions"]["tuv"]) <= {"tục", "tử", "tuy", "tụ"} and ambiguous["suggestions"]["tuv"]


def test_js_plan_never_sends_a_word_the_index_does_not_have(node):
    junk, far, typo, typed, prefix = _plan(node, WORDS, ["x" * 300, "thủ tục hxtelq", "hotlinex", "hotline", "thu tu"])
    assert junk["queries"] == [] and junk["unknown"] == ["x" * 300] and junk["suggestions"]["x" * 300] == []
    # two letters off: not searched (no page has it), the close word suggested, the rest offered
    assert far["queries"] == [] and far["unknown"] == ["hxtelq"] and far["suggestions"]["hxtelq"] == ["hotel"]
    assert far["rest"] == "thu tuc"
    assert typo["queries"] == ["duong day nong"]  # one letter off a synonym: corrected, then rewritten
    assert typed["queries"] == ["duong day nong"]  # a one-way synonym the index does not have: its target
    assert prefix["queries"] == ["thu tu"]  # "tu": the start of "tục", as Pagefind searches it


def test_js_plan_rewrites_synonyms(node):
    cchc, diploma, phone = _plan(node, WORDS, ["CCHC", "cấp bằng tốt nghiệp", "số điện thoại sở"])
    assert cchc["queries"] == ["cai cach hanh chinh"]
    assert diploma["queries"] == ["cap van bang"]
    # the words typed are in the index: both wordings are searched
    assert phone["queries"] == ["so dien thoai so", "duong day nong so"]
    assert phone["intents"] == ["duong", "day", "nong"]


def test_js_plan_splits_glued_words_and_forgives_vni_and_eth(node):
    glued, vni, eth = _plan(node, WORDS, ["thutuc dangky", "thu3 tu5c", "Ðăng ký"])  # Ð: U+00D0, not Đ
    assert glued["queries"] == ["thu tuc dang ky"]
    assert [c[1] for c in glued["corrections"]] == ["thủ tục", "đăng ký"]
    assert vni["queries"] == ["thu tuc"]
    assert eth["queries"] == ["dang ky"] and eth["unknown"] == []
