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

    def results(self) -> list[dict]:
        return self.page.eval_on_selector_all("[data-cchc-search-result]", """links => links.map(a => ({
            href: a.getAttribute('href'),
            title: a.querySelector('h1').textContent,
            details: [...a.querySelectorAll('.cchc-search__details span')].map(s => s.textContent),
            excerpt: a.querySelector('p:last-child').textContent,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
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
    units = [o for o in select.locator("option").all_inner_texts() if o != "Tất cả"]
    unit = "Sở GDĐT Hải Phòng" if "Sở GDĐT Hải Phòng" in units else units[0]
    select.select_option(label=unit)
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
    page.locator("select[data-cchc-search-filter=type]").select_option(label="Thủ tục hành chính")
    search_box.wait("", {"type": "Thủ tục hành chính"})
    results = search_box.results()
    assert results and all(r["details"][0] == "Thủ tục hành chính" for r in results)
    years = page.locator("select[data-cchc-search-filter=year] option").all_inner_texts()[1:]
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
        assert page.locator("select[data-cchc-search-filter=unit]").is_visible()
    finally:
        page.close()


def test_search_fetches_nothing_from_another_host(search_box):
    start = len(search_box.requests)
    search_box.open_with_keyboard()
    search_box.type("thủ tục hành chính")
    search_box.page.locator("select[data-cchc-search-filter=year]").select_option(index=1)
    search_box.page.wait_for_timeout(500)
    during = search_box.requests[start:]
    assert any("/pagefind/" in url for url in during)
    hosts = {urlsplit(url).netloc for url in during}
    assert hosts == {urlsplit(search_box.page.url).netloc}, during
