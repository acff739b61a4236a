"""The header search box in a real browser: the demo site built into a tmp folder, served
on 127.0.0.1 by http.server, driven in Debian's headless chromium with playwright.

Chromium comes from ``scripts/setup-browser`` (``scripts/setup --test`` runs it); the
tests fail, not skip, without it, so CI cannot pass without testing the browser.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cchc.text import fold
from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# (with diacritics, without): a citizen on a phone types either and must get the same pages.
PAIRS = [
    ("thủ tục cấp bản sao văn bằng", "thu tuc cap ban sao van bang"),
    ("đăng ký", "dang ky"),
    ("đào tạo", "dao tao"),
    ("điện tử", "dien tu"),
    ("đơn vị", "don vi"),
    ("đường dây nóng", "duong day nong"),
]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    """The demo content of this repository, built with its mkdocs.yml."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path_factory.mktemp("demo") / "site"
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(out)))
    assert (out / "pagefind" / "pagefind.js").is_file()
    return out


@pytest.fixture(scope="module")
def server(demo_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(demo_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: run scripts/setup-browser (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class SearchBox:
    """The header search box of one page, used like a reader would."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))

    def open_with_keyboard(self):
        self.page.keyboard.press("/")
        self.page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")

    def type(self, query: str, filters: dict | None = None) -> None:
        box = self.page.locator("[data-cchc-search-query]")
        box.fill("")
        self.page.keyboard.type(query)
        self.wait(query, filters or {})

    def wait(self, query: str, filters: dict) -> None:
        expected = f"{fold(query).strip()}|{json.dumps(filters, ensure_ascii=False, separators=(',', ':'))}"
        self.page.wait_for_function(
            "(expected) => document.querySelector('[data-cchc-search]').dataset.cchcSearchDone === expected",
            arg=expected, timeout=15000)

    def count(self) -> str:
        return self.page.inner_text("[data-cchc-search-meta]").strip()

    def cards(self) -> list[dict]:
        return self.page.eval_on_selector_all("[data-cchc-search-card]", """cards => cards.map(c => ({
            kind: c.dataset.cchcSearchCard, title: c.querySelector('h2').textContent,
            href: c.querySelector('h2 a').getAttribute('href'), text: c.innerText,
            links: [...c.querySelectorAll('a')].map(a => a.getAttribute('href')),
            badges: [...c.querySelectorAll('.cchc-search__badge')].map(b => [b.textContent,
                getComputedStyle(b).color])}))""")

    def notice(self) -> str:
        return self.page.inner_text("[data-cchc-search-notice]") if self.page.is_visible(
            "[data-cchc-search-notice]") else ""

    def results(self) -> list[dict]:
        return self.page.eval_on_selector_all("[data-cchc-search-list] [data-cchc-search-result]",
                                              """links => links.map(a => ({
            href: a.getAttribute('href'),
            title: a.querySelector('h1').textContent,
            details: [...a.querySelectorAll('.cchc-search__details span')].map(s => s.textContent),
            excerpt: a.querySelector('p:last-child').textContent,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
            badges: [...a.querySelectorAll('.cchc-search__badge')].map(b => [b.textContent,
                getComputedStyle(b).color]),
            html: a.innerHTML}))""")


@pytest.fixture
def search_box(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server)
    page.wait_for_load_state("networkidle")
    box = SearchBox(page)
    yield box
    page.close()
    assert not errors, errors


@pytest.mark.parametrize(("accented", "plain"), PAIRS, ids=[p for _, p in PAIRS])
def test_same_top_results_with_and_without_diacritics(search_box, accented, plain):
    search_box.open_with_keyboard()
    search_box.type(accented)
    with_marks = search_box.results()
    search_box.type(plain)
    without = search_box.results()
    assert with_marks, f"no result for {accented!r}"
    assert [r["href"] for r in with_marks[:5]] == [r["href"] for r in without[:5]]
    # the top results really are about the accented words, shown in correct Vietnamese
    words = accented.split()
    top = " ".join((r["title"] + " " + r["excerpt"]).lower() for r in with_marks[:3])
    assert all(w in top for w in words), (accented, top)
    assert not any("\u0335" in r["html"] for r in with_marks + without), "an excerpt shows the index form of đ"
    # typed without diacritics, the excerpts still show (and mark) the accented words
    marks = [m for r in without[:3] for m in r["marks"]]
    assert marks and any(m.lower().strip(".,:;()") in words for m in marks), marks
    assert all(fold(m).strip(".,:;()").startswith(tuple(plain.split())) for m in marks), marks


def test_procedure_guide_ranks_first_for_its_name(search_box):
    search_box.open_with_keyboard()
    search_box.type("thu tuc cap ban sao van bang")
    top = search_box.results()[:3]
    assert any(r["href"].endswith("/thu-tuc/cap-ban-sao-van-bang-chung-chi-tu-so-goc/") for r in top), top


@pytest.mark.parametrize(("query", "expected_href", "expected_type"), [
    ("1.005090", "/thu-tuc/cap-ban-sao-van-bang-chung-chi-tu-so-goc/", "Thủ tục hành chính"),
    ("978/KH-SGDĐT", "/ke-hoach/bd-sgddt-kh-truyen-thong-cchc-2024/", "Kế hoạch"),
    ("978/kh-sgddt", "/ke-hoach/bd-sgddt-kh-truyen-thong-cchc-2024/", "Kế hoạch"),
])
def test_codes_and_document_numbers_are_found(search_box, query, expected_href, expected_type):
    search_box.open_with_keyboard()
    search_box.type(query)
    results = search_box.results()
    match = [r for r in results if r["href"].endswith(expected_href)]
    assert match, results
    assert match[0]["details"][0] == expected_type


def test_results_show_type_unit_and_date(search_box):
    search_box.open_with_keyboard()
    search_box.type("đăng ký dự thi")
    first = search_box.results()[0]
    kind, unit, day = first["details"][:3]
    assert kind in {"Tin, bài", "Kế hoạch", "Thủ tục hành chính"}
    if first["badges"]:
        unit, day = first["details"][2:4]
    assert unit and "/" in day and len(day) == 10  # dd/mm/yyyy
    assert "đăng ký" in first["excerpt"].lower()


def test_unit_filter_narrows_results(search_box):
    page = search_box.page
    search_box.open_with_keyboard()
    search_box.type("cải cách hành chính")
    before = search_box.results()
    total = search_box.count()
    select = page.locator("select[data-cchc-search-filter=unit]")
    page.wait_for_function("document.querySelectorAll('select[data-cchc-search-filter=unit] option').length > 2")
    units = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    unit = "Sở GDĐT Hải Phòng" if "Sở GDĐT Hải Phòng" in units else units[0]
    select.select_option(value=unit)
    search_box.wait("cải cách hành chính", {"unit": unit})
    after = search_box.results()
    assert after and search_box.count() != total
    assert int(search_box.count().split()[0]) < int(total.split()[0])
    assert all(r["details"][1] == unit for r in after), after
    assert {r["href"] for r in after} != {r["href"] for r in before}


def test_type_and_year_filters_without_a_query(search_box):
    page = search_box.page
    search_box.open_with_keyboard()
    page.wait_for_function("document.querySelectorAll('select[data-cchc-search-filter=type] option').length > 2")
    page.locator("select[data-cchc-search-filter=type]").select_option(value="Thủ tục hành chính")
    search_box.wait("", {"type": "Thủ tục hành chính"})
    results = search_box.results()
    assert results and all(r["details"][0] == "Thủ tục hành chính" for r in results)
    years = page.locator("select[data-cchc-search-filter=year] option").evaluate_all(
        "os => os.map(o => o.value)")[1:]
    assert years == sorted(years, reverse=True) and all(y.isdigit() for y in years)


def test_js_fold_is_python_fold(search_box):
    samples = ["Đơn vị", "ĐƯỜNG DÂY NÓNG", "Điện tử", "đăng ký", "978/KH-SGDĐT", "Thủ tục", "Lê Quý Đôn"]
    folded = search_box.page.evaluate(
        "async (s) => { const m = await import(new URL('assets/search/cchc-search.js', location.href)); "
        "return s.map(m.fold); }", samples)
    assert folded == [fold(s) for s in samples]


def test_keyboard_opens_navigates_and_closes(search_box):
    page = search_box.page
    search_box.open_with_keyboard()
    assert page.is_checked("#__search")
    search_box.type("dang ky")
    page.keyboard.press("ArrowDown")
    first = search_box.results()[0]["href"]
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.keyboard.press("s")
    assert page.is_checked("#__search")


def test_phone_layout(browser, server):
    page = browser.new_page(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    try:
        page.goto(server)
        box = SearchBox(page)
        page.locator("label.md-header__button[for=__search]").click()
        page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
        box.type("duong day nong")
        results = box.results()
        assert results
        first = page.locator("[data-cchc-search-result]").first.bounding_box()
        assert first and first["x"] >= 0 and first["x"] + first["width"] <= 390  # fits the screen
        # the filters sit behind one "Lọc" button
        assert not page.locator("select[data-cchc-search-filter=unit]").is_visible()
        page.locator("[data-cchc-search-filter-toggle]").click()
        assert page.locator("select[data-cchc-search-filter=unit]").is_visible()
    finally:
        page.close()


def test_search_fetches_nothing_from_another_host(search_box):
    start = len(search_box.requests)
    search_box.open_with_keyboard()
    search_box.type("thủ tục hành chính")
    search_box.page.wait_for_function(
        "document.querySelectorAll('select[data-cchc-search-filter=year] option').length > 1")
    search_box.page.locator("select[data-cchc-search-filter=year]").select_option(index=1)
    search_box.page.wait_for_timeout(500)
    during = search_box.requests[start:]
    assert any("/pagefind/" in url for url in during)
    hosts = {urlsplit(url).netloc for url in during}
    assert hosts == {urlsplit(search_box.page.url).netloc}, during


# -- search that answers (issue 14), on a phone -------------------------------------------------

PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}
RED = "rgb(183, 28, 28)"


@pytest.fixture
def phone(browser, server):
    page = browser.new_page(**PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server)
    page.wait_for_load_state("networkidle")
    box = SearchBox(page)
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
    yield box
    page.close()
    assert not errors, errors


def _hrefs(results: list[dict]) -> list[str]:
    return [r["href"] for r in results]


@pytest.mark.parametrize("word", ["hotlinqq", "x" * 300, "zqxwv"])
def test_a_word_the_site_does_not_have_is_said_not_replaced(phone, word):
    phone.type(f"thủ tục {word}")
    assert phone.count() == f"Không tìm thấy «{word}»"
    assert phone.results() == []  # no page has every word: nothing else is passed off as a match
    assert f"Không tìm thấy «{word}»" in phone.notice()


def test_close_words_are_suggested_and_can_be_tapped(phone):
    phone.type("tuyển sinhxy")
    assert phone.count() == "Không tìm thấy «sinhxy»" and phone.results() == []
    assert "Có phải bạn muốn tìm:" in phone.notice()
    suggestion = phone.page.locator("[data-cchc-search-suggestion]", has_text="sinh").first
    suggestion.click()
    phone.wait("tuyển sinh", {})
    first = phone.results()[0]
    assert "tuyển sinh" in (first["title"] + " " + first["excerpt"]).lower()


def test_a_word_without_any_close_one_points_to_the_sections(phone):
    phone.type("zqxwv")
    sections = phone.page.eval_on_selector_all(".cchc-search__section", "as => as.map(a => a.textContent)")
    assert "Thủ tục hành chính" in sections and "Đơn vị" in sections


@pytest.mark.parametrize("query", ["dvc", "hotline", "dang kyy", "zqxwv"])
def test_results_do_not_depend_on_what_was_typed_before(browser, server, query):
    """Typed key by key (every prefix searched first) or pasted at once on a fresh page: the same."""
    def results(typed_key_by_key: bool) -> tuple[str, list[str]]:
        page = browser.new_page(**PHONE)
        try:
            page.goto(server)
            box = SearchBox(page)
            page.locator("label.md-header__button[for=__search]").click()
            if typed_key_by_key:
                box.type(query)
            else:
                page.locator("[data-cchc-search-query]").fill(query)
                box.wait(query, {})
            return box.count(), _hrefs(box.results())
        finally:
            page.close()

    assert results(True) == results(False)


@pytest.mark.parametrize(("query", "expected"), [
    ("cchc", "cải cách hành chính"), ("tthc", "thủ tục hành chính"), ("dvc", "dịch vụ công"),
    ("ubnd", "ủy ban nhân dân"), ("thpt", "trung học phổ thông"),
])
def test_abbreviations_find_what_they_stand_for(phone, query, expected):
    phone.type(query)
    results = phone.results()
    assert int(phone.count().split()[0]) >= 5, phone.count()
    top = " ".join((r["title"] + " " + r["excerpt"]).lower() for r in results[:3])
    assert expected in top or query in top, top


def test_sở_gdđt_names_the_departments(phone):
    phone.type("sở gd&đt")
    cards = phone.cards()
    assert cards and all(c["kind"] == "unit" and c["title"].startswith("Sở Giáo dục và Đào tạo") for c in cards)
    assert all("Giáo dục và Đào tạo" in r["title"] for r in phone.results()[:5])


def test_phone_number_of_a_unit(phone):
    phone.type("so dien thoai so giao duc")
    cards = phone.cards()
    assert cards and cards[0]["kind"] == "unit" and cards[0]["title"].startswith("Sở Giáo dục và Đào tạo")
    assert any(link.startswith("tel:") for link in cards[0]["links"])
    first = phone.results()[0]
    assert first["details"][0] == "Đơn vị" and first["title"].startswith("Sở Giáo dục và Đào tạo")


def test_synonym_puts_the_procedure_first(phone):
    phone.type("cap ban sao bang tot nghiep")
    assert phone.results()[0]["href"].endswith("/thu-tuc/cap-ban-sao-van-bang-chung-chi-tu-so-goc/")
    assert phone.cards()[0]["kind"] == "procedure"


@pytest.mark.parametrize(("typed", "meant", "said"), [
    ("thur tucj", "thu tuc", "thủ tục"), ("dnag ky", "dang ky", "đăng"), ("tuyeenr sinh", "tuyen sinh", "tuyển"),
    ("dangky du thi", "dang ky du thi", "đăng ký"),
])
def test_telex_keys_and_one_wrong_letter_are_forgiven(browser, server, typed, meant, said):
    def top(query: str) -> tuple[list[str], str]:
        page = browser.new_page(**PHONE)
        try:
            page.goto(server)
            box = SearchBox(page)
            page.locator("label.md-header__button[for=__search]").click()
            box.type(query)
            return _hrefs(box.results())[:5], box.notice()
        finally:
            page.close()

    fixed, notice = top(typed)
    assert fixed and fixed == top(meant)[0]
    assert f"Đã tìm «{said}" in notice


def test_unit_card_has_tap_to_call_email_address_and_column(phone):
    phone.type("đường dây nóng sở giáo dục hải phòng")
    (card, *_) = phone.cards()
    assert card["kind"] == "unit" and card["href"] == "/don-vi/hp-so-gddt/"
    assert "tel:02253842185" in card["links"] and "mailto:sogddt@haiphong.gov.vn" in card["links"]
    assert "Số 9 Đinh Tiên Hoàng" in card["text"] and "Chuyên mục của đơn vị" in card["text"]


@pytest.mark.parametrize("query", ["1.005090", "cấp bản sao văn bằng chứng chỉ từ sổ gốc"])
def test_procedure_card_by_code_or_name(phone, query):
    phone.type(query)
    (card, *_) = phone.cards()
    assert card["kind"] == "procedure" and card["href"].endswith("/thu-tuc/cap-ban-sao-van-bang-chung-chi-tu-so-goc/")
    assert card["badges"][0][0] == "Còn hiệu lực" and card["badges"][0][1] != RED
    for label in ("Mã thủ tục", "1.005090", "Thời hạn giải quyết", "Phí, lệ phí", "Dịch vụ công trực tuyến"):
        assert label in card["text"], label
    assert any(link.startswith("https://dichvucong.gov.vn/") for link in card["links"])


def test_abolished_procedure_card_is_red_without_portal_link(phone):
    phone.type("xét cấp học bổng chính sách")
    (card, *_) = phone.cards()
    assert card["kind"] == "procedure" and card["badges"][0] == ["Đã bãi bỏ", RED]
    assert not any("dichvucong" in link for link in card["links"])


@pytest.mark.parametrize("query", ["978/KH-SGDĐT", "978/kh-sgddt", "kế hoạch 978"])
def test_document_number_shows_the_plan_first(phone, query):
    phone.type(query)
    plan = "/ke-hoach/bd-sgddt-kh-truyen-thong-cchc-2024/"
    assert phone.cards()[0]["kind"] == "plan" and phone.cards()[0]["href"] == plan
    assert phone.results()[0]["href"] == plan


def test_abolished_procedures_rank_below_and_are_red(phone):
    phone.type("thu tuc bai bo")
    results = phone.results()
    abolished = [i for i, r in enumerate(results) if r["badges"]]
    assert abolished[:3] == [0, 1, 2], [(r["title"], r["badges"]) for r in results]
    assert all(results[i]["badges"] == [["Đã bãi bỏ", RED]] for i in abolished)
    # the new procedure that only has "bài" and "bố" comes after them
    phuc_khao = [i for i, r in enumerate(results) if r["title"].startswith("Phúc khảo")]
    assert not phuc_khao or phuc_khao[0] > 2


def test_active_procedures_rank_above_abolished_ones(phone):
    phone.type("thủ tục học sinh")
    procedures = [r for r in phone.results() if r["details"][0] == "Thủ tục hành chính"]
    shown = [(r["title"], r["badges"]) for r in procedures]
    abolished = [bool(r["badges"]) for r in procedures]  # the red badge marks an abolished procedure
    assert any(abolished), shown  # the query finds abolished procedures...
    assert not all(abolished), shown  # ...and active ones
    first = abolished.index(True)
    assert all(abolished[first:]), shown  # no active one after the first abolished


def test_status_filter(phone):
    page = phone.page
    phone.type("thủ tục")
    page.locator("[data-cchc-search-filter-toggle]").click()
    select = page.locator("select[data-cchc-search-filter=status]")
    values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert {"Còn hiệu lực", "Đã bãi bỏ"} <= set(values)
    select.select_option(value="Đã bãi bỏ")
    phone.wait("thủ tục", {"status": "Đã bãi bỏ"})
    results = phone.results()
    assert results and all(r["badges"] == [["Đã bãi bỏ", RED]] for r in results)
    assert page.inner_text("[data-cchc-search-filter-toggle]") == "Lọc (1)"


def test_filters_list_only_values_in_the_results_with_counts(phone):
    page = phone.page
    phone.type("đăng ký dự thi")
    total = int(phone.count().split()[0])
    page.locator("[data-cchc-search-filter-toggle]").click()
    options = page.eval_on_selector_all("select[data-cchc-search-filter=type] option",
                                        "os => os.map(o => [o.value, o.textContent])")[1:]
    counts = {value: int(label.rsplit("(", 1)[1].rstrip(")")) for value, label in options}
    assert sum(counts.values()) == total and all(counts.values())
    units = page.eval_on_selector_all("select[data-cchc-search-filter=unit] option", "os => os.map(o => o.value)")[1:]
    assert 0 < len(units) < 20  # not the site's 190 units: those of the results
    groups = page.eval_on_selector_all("select[data-cchc-search-filter=unit] optgroup", "gs => gs.map(g => g.label)")
    assert groups and all(groups)  # units grouped under their parent


def test_query_and_filters_live_in_the_address_and_back_restores_them(phone):
    page = phone.page
    phone.type("đăng ký")
    page.locator("[data-cchc-search-filter-toggle]").click()
    page.locator("select[data-cchc-search-filter=type]").select_option(value="Thủ tục hành chính")
    phone.wait("đăng ký", {"type": "Thủ tục hành chính"})
    before = _hrefs(phone.results())
    assert "q=%C4%91%C4%83ng+k%C3%BD" in page.url and "type=Th%E1%BB%A7" in page.url
    page.locator("[data-cchc-search-list] [data-cchc-search-result]").first.click()
    page.wait_for_url(f"**{before[0]}")
    page.go_back()
    phone.wait("đăng ký", {"type": "Thủ tục hành chính"})
    assert page.is_checked("#__search") and page.input_value("[data-cchc-search-query]") == "đăng ký"
    assert _hrefs(phone.results()) == before


def test_closing_the_box_takes_the_search_out_of_the_address(search_box):
    page = search_box.page
    search_box.open_with_keyboard()
    search_box.type("đăng ký")
    assert "q=" in page.url
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search") and "q=" not in page.url


def test_a_shared_search_link_opens_the_search(browser, server):
    page = browser.new_page(**PHONE)
    try:
        page.goto(server + "ke-hoach/?q=978%2FKH-SGD%C4%90T")
        box = SearchBox(page)
        box.wait("978/KH-SGDĐT", {})
        assert page.is_checked("#__search")
        assert box.cards()[0]["kind"] == "plan"
    finally:
        page.close()


# -- the API for other portals: two sites' indexes merged --------------------------------------

SITE_B_NEWS = """\
---
id: tin-dang-ky
title: Đăng ký tuyển sinh đầu cấp trực tuyến tại Đồ Sơn
date: 2024-03-01 08:00
unit: hp-so-gddt
topics: [chi-dao-dieu-hanh]
summary: Phụ huynh đăng ký cho con vào lớp 1, lớp 6 qua Cổng dịch vụ công.
---
Đợt đăng ký bắt đầu từ ngày 01/7.
"""


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    """Site A (the tiny site of conftest) and site B (another unit's news), built apart and
    served side by side as /a/ and /b/."""
    from conftest import NEWS, PLAN, PROCEDURE, UNITS, TinySite, mkdocs_yml

    served = tmp_path_factory.mktemp("portal")
    for name, files in {"a": {"content/plans/kh-2024.md": PLAN, "content/news/2024/tin-hoi-nghi.md": NEWS,
                              "content/procedures/cap-ban-sao-van-bang.md": PROCEDURE},
                        "b": {"content/news/2024/tin-dang-ky.md": SITE_B_NEWS}}.items():
        site = TinySite(tmp_path_factory.mktemp(f"src-{name}"))
        site.write("mkdocs.yml", mkdocs_yml())
        (site.root / "docs").mkdir(exist_ok=True)
        site.write("content/topics.yml", (REPO / "content" / "topics.yml").read_text(encoding="utf-8"))
        site.write("content/units.yml", UNITS)
        site.write("content/synonyms.yml", "synonyms:\n  - same: [cải cách hành chính, CCHC]\n")
        for rel, text in files.items():
            site.write(rel, text)
        site.build()
        (site.root / "site").rename(served / name)
    return served


def test_api_searches_two_merged_sites(browser, two_sites):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(two_sites)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{httpd.server_port}/a/")
        found = page.evaluate("""async () => {
            const api = await import('/a/assets/search/cchc-search.js');
            const search = await api.openSearch({ bundles: ['/a/pagefind/', '/b/pagefind/'] });
            const out = {};
            const queries = ['Đăng ký tuyển sinh Đồ Sơn', 'dang ky tuyen sinh do son', 'cấp bản sao văn bằng', 'CCHC'];
            for (const q of queries) {
                const r = await search.search(q);
                out[q] = { unknown: r.plan.unknown, results: await Promise.all(r.results.map(async x => {
                    const d = await x.data(); return [d.url, d.title, d.type]; })) };
            }
            return out; }""")
    finally:
        page.close()
        httpd.shutdown()
    for query in ("Đăng ký tuyển sinh Đồ Sơn", "dang ky tuyen sinh do son"):
        assert found[query]["unknown"] == []  # a word of site B is known to the merged search
        assert found[query]["results"][0] == ["/b/tin-tuc/2024/tin-dang-ky/",
                                              "Đăng ký tuyển sinh đầu cấp trực tuyến tại Đồ Sơn", "Tin, bài"]
    assert found["cấp bản sao văn bằng"]["results"][0][:2] == ["/a/thu-tuc/cap-ban-sao-van-bang/",
                                                          "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"]
    urls = {url for url, _, _ in found["CCHC"]["results"]}
    assert any(u.startswith("/a/") for u in urls)
    titles = [title for q in found.values() for _, title, _ in q["results"]]
    assert titles and not any("\u0335" in t for t in titles)


def test_first_query_download_stays_under_300_kb(browser, server):
    """What a phone downloads from pagefind/ for its first query, typed into the box (the
    word list and cards included): the demo's budget is 300 kB."""
    page = browser.new_page(**PHONE)
    sizes: dict[str, int] = {}
    page.on("response", lambda r: "/pagefind/" in r.url and r.ok and sizes.__setitem__(
        r.url, int(r.headers.get("content-length", 0))))
    try:
        page.goto(server)
        box = SearchBox(page)
        page.locator("label.md-header__button[for=__search]").click()
        box.type("thu tuc hanh chinh")
        assert box.results()
        page.wait_for_load_state("networkidle")
    finally:
        page.close()
    assert any(url.endswith("cchc-search.pf_json") for url in sizes)
    assert 0 < sum(sizes.values()) < 300 * 1024, sorted(sizes.items(), key=lambda kv: -kv[1])
