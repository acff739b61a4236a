"""Search index: đ folding, the records made from the model, and the index a build writes.

The browser half (the header search box in Chromium) is in test_search_browser.py.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from cchc import urls
from cchc.search import folding, pagefind
from cchc.search import records as search_records
from cchc.text import fold
from conftest import REPO

JS = REPO / "docs" / "assets" / "search" / "cchc-search.js"

SAMPLES = [
    "Đơn vị", "đơn vị", "ĐƠN VỊ", "đường dây nóng", "Đào tạo", "điện tử", "đăng ký",
    "Thủ tục cấp bản sao văn bằng", "978/KH-SGDĐT", "1.005090", "Lê Quý Đôn", "Vân Đồn",
    unicodedata.normalize("NFD", "Điện tử ứng dụng"),  # decomposed input from Word
]


def _pagefind_fold(text: str) -> str:
    """What Pagefind does to a word before matching: drop combining marks, lower case."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c))).lower()


@pytest.mark.parametrize(("accented", "plain"), [
    ("Đơn vị", "don vi"), ("đường dây nóng", "duong day nong"), ("Đào tạo", "dao tao"),
    ("điện tử", "dien tu"), ("đăng ký", "dang ky"), ("THỦ TỤC", "thu tuc"), ("978/KH-SGDĐT", "978/kh-sgddt"),
])
def test_fold_removes_tone_marks_and_d_stroke(accented, plain):
    assert fold(accented) == plain
    assert fold(plain) == plain


@pytest.mark.parametrize("text", SAMPLES)
def test_index_form_is_found_by_the_folded_query(text):
    indexed = folding.index_form(text)
    assert "đ" not in indexed and "Đ" not in indexed
    # Pagefind folds the indexed word to exactly what the browser sends for the query
    assert _pagefind_fold(indexed) == fold(text)
    assert folding.display_form(indexed) == unicodedata.normalize("NFC", text)


def test_display_form_leaves_plain_d_alone():
    assert folding.display_form("dân, Diễn đàn") == "dân, Diễn đàn"
    assert folding.display_form(folding.index_form("Đại đoàn kết")) == "Đại đoàn kết"


@pytest.fixture
def node() -> str:
    """Node.js runs the search box's own JS module; every machine of this project has it."""
    path = shutil.which("node")
    if path is None:
        pytest.fail("node not found: the JS of the search box cannot be tested (install Node.js)")
    return path


def test_js_fold_matches_python_fold(node):
    script = (f"const m = await import({json.dumps(JS.as_uri())});"
              f"console.log(JSON.stringify({json.dumps(SAMPLES, ensure_ascii=False)}.map(m.fold)));")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True, timeout=30)
    assert json.loads(out.stdout) == [fold(s) for s in SAMPLES]


def test_markdown_text_keeps_words_only():
    md = "## Trình tự\n\n1. Nộp **đơn** tại [bộ phận một cửa](https://x.vn){: .x }\n\n| A | B |\n|---|---|\n| `x` | y |"
    assert search_records.markdown_text(md) == "Trình tự Nộp đơn tại bộ phận một cửa A B x y"


def test_html_text_skips_scripts():
    assert search_records.html_text("<h1>Giới thiệu</h1><script>var x</script><p>Đường&nbsp;dây <b>nóng</b></p>") \
        == "Giới thiệu Đường dây nóng"


def _loaded(tiny):
    result = tiny.check()
    assert result.site is not None, result.problems.sorted()
    return result.site


def test_records_from_the_model(site_factory):
    site = _loaded(site_factory())
    proc = site.procedures[0]
    plan = site.plans[0]
    news = site.news[0]
    pages = [("procedure", proc.id, urls.item_url(proc)), ("plan", plan.id, urls.item_url(plan)),
             ("news", news.id, urls.item_url(news)), ("unit", "hp-so-gddt", "don-vi/hp-so-gddt/"),
             ("unit", "hp-so-gddt", "don-vi/hp-so-gddt/trang-2/"), ("news", "no-such-item", "x/")]
    records = {r.kind + ":" + r.url: r for r in search_records.records_for_site(site, pages)}
    assert set(records) == {"procedure:thu-tuc/cap-ban-sao-van-bang/", "plan:ke-hoach/kh-2024/",
                            "news:tin-tuc/2024/tin-hoi-nghi/", "unit:don-vi/hp-so-gddt/"}

    rec = records["procedure:thu-tuc/cap-ban-sao-van-bang/"]
    assert rec.meta == {"title": "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "date": "10/05/2021",
                        "code": "1.005090", "change": "Công bố mới"}
    assert rec.filters["type"] == ["Thủ tục hành chính"]
    assert rec.filters["unit"] == ["Sở GDĐT Hải Phòng"] and rec.filters["year"] == ["2021"]
    words = rec.words()
    assert words[:10] == "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc".split()
    assert words[10:13] == ["Mã", "thủ", "tục"] and words[13] == "1.005090"
    folded = folding.folded_words(words).split(" ")
    assert len(folded) == len(words)  # one for one: excerpts are rebuilt from the words
    assert folded[:4] == ["cap", "ban", "sao", "van"]

    plan_rec = records["plan:ke-hoach/kh-2024/"]
    assert plan_rec.keywords == ["Số 12/KH-SGDĐT"]
    assert plan_rec.filters["topic"] == [site.topics["chi-dao-dieu-hanh"].name]
    assert "Tổ chức cuộc thi tìm hiểu cải cách hành chính" in plan_rec.content  # task titles are searchable

    unit_rec = records["unit:don-vi/hp-so-gddt/"]
    assert "Đường dây nóng: 0225 3842 185" in unit_rec.content
    assert unit_rec.filters == {"type": ["Đơn vị"], "unit": ["Sở GDĐT Hải Phòng"]}


def test_build_writes_the_index_after_the_site(site_factory):
    tiny = site_factory()
    tiny.write("docs/gioi-thieu.md", "# Giới thiệu\n\nĐường dây nóng của chuyên mục.\n")
    out = tiny.build()
    bundle = out / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert list(bundle.glob("*.pf_meta")) and list((bundle / "fragment").glob("*.pf_fragment"))
    assert not (bundle / "pagefind-ui.js").exists()  # Pagefind's own UI is not published
    assert not (bundle / "text").exists()  # the original words are not stored a second time
    fragments = [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])
                 for f in (bundle / "fragment").glob("*.pf_fragment")]
    (page,) = [f for f in fragments if f["url"] == "/gioi-thieu/"]
    assert page["content"] == "gioi thieu duong day nong cua chuyen muc."
    assert folding.restore(page["content"], page["meta"]["r"]) == "Giới thiệu Đường dây nóng của chuyên mục.".split()
    html = tiny.html("")
    assert 'for="__search"' in html and "assets/search/cchc-search.js" in html
    assert 'data-md-component="search"' not in html  # Material's lunr search stays off
    # the box's filters, strings and result list are made by the script, not carried by every page
    assert "<select" not in html and "data-text-" not in html and "data-cchc-search-list" not in html
    assert (out / "assets" / "search" / "cchc-search.js").is_file()


def test_folded_words_line_up_with_the_original():
    words = ["Đơn", "vị:", "\u0301", "ĐƯỜNG", "978/KH-SGDĐT"]  # a lone combining mark stays a word
    assert folding.folded_words(words) == "don vi: _ duong 978/kh-sgddt"


RESTORE_SAMPLES = [
    "Đơn vị", "ĐƯỜNG DÂY NÓNG", "978/KH-SGDĐT", "Nghị định 61/2018/NĐ-CP", "người được", "iPhone TP.Hải",
    "Thủ tục thủ tục THỦ TỤC thu thủ Thu", "\u0301", "Ünïcode façade naïve", "x😀y", "Quyết định số 12/QĐ-UBND",
    "anhdaikhongcodauvagiuaconggiuacong ngoàiraaaaaaaaaaaaaaaaaaaaaaaaaạ",
]


@pytest.mark.parametrize("text", RESTORE_SAMPLES)
def test_restore_code_gives_back_the_original_words(text):
    words = text.split()
    folded = folding.folded_words(words)
    code = folding.restore_code(words, folded)
    assert folding.restore(folded, code) == words
    assert not any(c.isalnum() or c.isspace() for c in code)  # punctuation only: Pagefind finds no word in it


def test_restore_code_is_short_for_repeated_words():
    words = "thủ tục hành chính thủ tục hành chính thủ tục hành chính".split()
    code = folding.restore_code(words)
    assert code.count("~") == 3 and len(code) < 20  # the second and third time cost nothing


def test_restore_code_is_not_indexed(tmp_path):
    """The meta value "r" is stored in the fragment, but adds no word to the index."""
    def index_bytes(meta: dict) -> list[bytes]:
        out = tmp_path / str(len(meta))
        service = pagefind._Service()
        try:
            (created,) = service.run([{"type": "NewIndex", "config": {"force_language": "vi"}}])
            service.run([{"type": "AddRecord", "index_id": created["index_id"], "url": "/a/", "content": "don vi",
                          "language": "vi", "meta": meta, "filters": {}, "sort": None}])
            service.run([{"type": "WriteFiles", "index_id": created["index_id"], "output_path": str(out)}])
        finally:
            service.close()
        return sorted(gzip.decompress(p.read_bytes()) for p in (out / "index").glob("*.pf_index"))

    every_symbol = "{" + folding._CODE_ALPHABET * 3
    assert index_bytes({"title": "x", "r": ""}) == index_bytes({"title": "x", "r": every_symbol})


def test_words_are_capped():
    rec = search_records.SearchRecord(url="a/", title="Tiêu đề", content="Tiêu đề\n" + "từ " * 5000, kind="page")
    assert len(rec.words()) == search_records.MAX_WORDS


def test_rebuild_replaces_the_old_bundle(site_factory, tmp_path):
    tiny = site_factory()
    out = tiny.build()
    stale = out / "pagefind" / "fragment" / "old.pf_fragment"
    stale.write_bytes(b"x")
    pagefind.write_index([], out)
    assert not stale.exists()


def test_pagefind_failure_is_reported(tmp_path, monkeypatch):
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    with pytest.raises(pagefind.PagefindError, match="stopped"):
        pagefind.write_index([], Path(tmp_path / "site"))


def test_fast_fold_is_fold():
    every = "".join(chr(cp) for cp in range(0x20, 0x2000) if not 0xD800 <= cp < 0xE000)
    assert folding.fast_fold(every) == fold(every)
    for sample in SAMPLES:
        assert folding.fast_fold(sample) == fold(sample)


def test_js_excerpt_marks_the_original_words(node):
    words = "Người dân <có> thể đăng ký dự thi trực tuyến và đăng ký tuyển sinh".split()
    script = (f"const m = await import({json.dumps(JS.as_uri())});"
              f"console.log(JSON.stringify(m.excerptFrom({json.dumps(words)}, [4, 5, 10, 11], 6)))")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True, timeout=30)
    assert json.loads(out.stdout) == "Người dân &lt;có&gt; thể <mark>đăng</mark> <mark>ký</mark> …"


def test_js_restore_is_python_restore(node):
    cases = []
    for text in [*RESTORE_SAMPLES, *SAMPLES]:
        words = unicodedata.normalize("NFC", text).split()
        folded = folding.folded_words(words)
        cases.append([folded, folding.restore_code(words, folded), words])
    script = (f"const m = await import({json.dumps(JS.as_uri())});"
              f"const cases = {json.dumps(cases, ensure_ascii=False)};"
              f"console.log(JSON.stringify(cases.map(([f, c]) => m.restoreWords(f, c))));")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True, timeout=30)
    assert json.loads(out.stdout) == [words for _, _, words in cases]
