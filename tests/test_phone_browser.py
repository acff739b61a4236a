"""Every page type on a phone, in a real browser: no sideways scrolling, no stray request, no axe violation.

The demo site is built into a tmp folder, served on 127.0.0.1 like a production server
(cchc/bench/pagetypes.py: the 404 page for a missing address, gzip, the production
Content-Security-Policy), and one page of each
type (the largest of its kind: home, news item, plan with tasks, procedure, unit column,
task tables, topic, archive, feeds page, 404) is opened in Debian's headless Chromium at
360 x 740, 390 x 844 and 412 x 823 (Lighthouse's phone) as a phone (touch, mobile
viewport). Each visit fails on:

- horizontal overflow: the page is wider than the screen, or an element sticks out of it
  outside a scroll box (the reader would have to scroll sideways), and a word of a table
  or card broken across two lines;
- a request that fails (status 400 or more, or no answer) or goes to another host than
  the site's own, and any console error or uncaught exception;
- any violation reported by axe-core (the version pinned in tests/browser/package-lock.json,
  evaluated in the page: nothing is fetched from elsewhere), but KNOWN_VIOLATIONS;
- an English word of Material's interface.

Then: items print on A4 with their title, date, unit and address and without navigation
or buttons; desktop keeps the tables; the home page's search button opens the search box.

Chromium comes from scripts/setup-browser and axe-core from npm ci in tests/browser (both run
by ``scripts/setup --test``); the tests fail, not skip, without them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cchc.bench.pagetypes import PAGE_TYPES, PagePick, pick_pages, serve
from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
# the two phones, and the one Lighthouse emulates (Moto G Power: its target-size
# check found a link of a card too close to the next at 412 px only)
PHONES = {"360x740": (360, 740), "390x844": (390, 844), "412x823": (412, 823)}

# The one violation left, in markup this suite does not own: the header's search button
# (docs/overrides/partials/header.html, the search box's) is a <label for="__search"> with an
# aria-label, which ARIA does not allow on a label. The fix: drop aria-label="..." from that
# label (its title stays as the tooltip); with it gone axe reports nothing on these pages.
# Only this rule on only this element is let through; remove the entry once it is fixed.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()  # (rule, element) that a page may still have: none

# Elements that stick out of the screen (right edge past its width) and are not inside a
# scroll box, with the part of the page they are in: a reader has to scroll sideways.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== 'visible' || s.position === 'fixed') return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.position === 'fixed' || clipped(el)) continue;
    const cls = [...el.classList].map(c => '.' + c).join('');
    const text = (el.textContent || '').trim().slice(0, 60);
    out.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(r.right)}px: ${text}`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 10)};
}"""

# Words (Vietnamese syllables) of the tables and cards that the browser broke across two lines.
BROKEN_WORDS_JS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest('.cchc-table') || !node.parentElement.getClientRects().length) continue;
    for (const m of node.textContent.matchAll(/[^\\s/-]{2,}/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken.slice(0, 10);
}"""


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    """The demo content of this repository, built with its mkdocs.yml."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path_factory.mktemp("phone") / "site"
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(out)))
    return out


@pytest.fixture(scope="module")
def picks(demo_site) -> dict[str, PagePick]:
    return {p.kind: p for p in pick_pages(demo_site)}


@pytest.fixture(scope="module")
def base_url(demo_site):
    with serve(demo_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: run scripts/setup-browser (installs Debian's chromium)")
    if not AXE.is_file():
        pytest.fail(f"{AXE} not found: run scripts/setup --test (npm ci in tests/browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PhoneVisit:
    """One page opened on a phone, with every request, failure and console error it caused."""

    def __init__(self, browser, base_url: str, pick: PagePick, size: tuple[int, int]):
        self.base = urlsplit(base_url)
        self.pick = pick
        self.context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                           is_mobile=True, has_touch=True, device_scale_factor=2)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.problems: list[str] = []
        page = self.page
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} ({r.failure})"))
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        self.url = base_url + pick.path
        response = page.goto(self.url, wait_until="load")
        assert response is not None and response.status == pick.status, (self.url, response and response.status)
        # scroll to the end so that everything a reader would load (lazy images) is requested
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollTo(0, 0)")

    def _console(self, message) -> None:
        # the browser logs the 404 page's own status as an error: that one is expected
        if message.type == "error" and not (self.pick.status != 200 and message.location.get("url") == self.url):
            self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def _response(self, response) -> None:
        if response.status >= 400 and not (response.url == self.url and response.status == self.pick.status):
            self.problems.append(f"status {response.status}: {response.url}")

    def off_host(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob")
                and urlsplit(u).netloc != self.base.netloc]

    def overflow(self) -> dict:
        return self.page.evaluate(OVERFLOW_JS)

    def axe(self) -> list[dict]:
        """axe-core's violations on the page, less KNOWN_VIOLATIONS."""
        # evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        violations = self.page.evaluate("""async () => {
          // target-size (WCAG 2.2 AA) is off by default in axe-core; Lighthouse turns it on
          const result = await axe.run(document, {resultTypes: ['violations'],
                                                  rules: {'target-size': {enabled: true}}});
          return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => [n.target.join(' '), n.failureSummary.replace(/\\s+/g, ' ')])}));
        }""")
        found = []
        for violation in violations:
            nodes = [f"{target}: {summary}" for target, summary in violation["nodes"]
                     if (violation["id"], target) not in KNOWN_VIOLATIONS]
            if nodes:
                found.append({**violation, "nodes": nodes})
        return found

    def close(self) -> None:
        self.context.close()


@pytest.fixture(params=list(PHONES), scope="module")
def phone(request):
    return PHONES[request.param]


@pytest.fixture(scope="module")
def opened(browser):
    """The pages opened so far, one per (screen, page type): the checks of one page share one visit."""
    pages: dict[tuple, PhoneVisit] = {}
    yield pages
    for v in pages.values():
        v.close()


@pytest.fixture
def visit(browser, base_url, picks, phone, opened):
    def open_page(kind: str) -> PhoneVisit:
        for key in [k for k in opened if k[0] != phone]:  # tests run screen by screen: free the other's
            opened.pop(key).close()
        if (phone, kind) not in opened:
            opened[(phone, kind)] = PhoneVisit(browser, base_url, picks[kind], phone)
        return opened[(phone, kind)]

    return open_page


def test_every_page_type_is_picked(picks):
    assert [p.kind for p in picks.values()] == [t.name for t in PAGE_TYPES]
    assert len({p.path for p in picks.values()}) == len(PAGE_TYPES)


KINDS = [t.name for t in PAGE_TYPES]


@pytest.mark.parametrize("kind", KINDS)
def test_page_fits_the_phone_screen(visit, kind):
    v = visit(kind)
    found = v.overflow()
    assert found["scrollWidth"] <= found["width"] and not found["out"], (
        f"/{v.pick.path} at {found['width']} px is {found['scrollWidth']} px wide; sticking out:\n"
        + "\n".join(found["out"]))
    broken = v.page.evaluate(BROKEN_WORDS_JS)
    assert not broken, f"/{v.pick.path}: words broken across lines: {broken}"


@pytest.mark.parametrize("kind", KINDS)
def test_page_makes_no_stray_request(visit, kind):
    v = visit(kind)
    assert not v.off_host(), f"/{v.pick.path} requests another host: {v.off_host()}"
    assert not v.problems, f"/{v.pick.path}:\n" + "\n".join(v.problems)
    # the page did load its own assets: the check above saw real traffic
    assert any("/assets/" in u for u in v.requests)


@pytest.mark.parametrize("kind", KINDS)
def test_page_has_no_axe_violation(visit, kind):
    v = visit(kind)
    violations = v.axe()
    assert not violations, f"/{v.pick.path}:\n" + "\n".join(
        f"{x['id']} ({x['impact']}): {x['help']}\n    " + "\n    ".join(x["nodes"][:5]) for x in violations)


# What a printed page (or a PDF saved from it) must show and hide (Nghị định 42/2022/NĐ-CP).
PRINT_JS = """() => {
  const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const visible = sel => [...document.querySelectorAll(sel)].filter(shown).map(e => e.outerHTML.slice(0, 80));
  return {
    title: shown(document.querySelector('article h1')) ? document.querySelector('article h1').textContent : null,
    site: visible('.cchc-print-site').length, url: [...document.querySelectorAll('.cchc-print-url')].filter(shown)
      .map(e => e.textContent.trim()),
    facts: [...document.querySelectorAll('.cchc-facts dt')].filter(shown).map(e => e.textContent.trim()),
    chrome: visible('.md-header, .md-sidebar, .md-footer, .md-path, .md-search, .cchc-crumbs, button, .md-button, nav'),
    text: document.querySelector('article').innerText.length,
  };
}"""


@pytest.mark.parametrize("kind, facts", [
    ("news item", {"Ngày đăng", "Đơn vị"}),
    ("plan with tasks", {"Ngày ban hành", "Đơn vị ban hành"}),
    ("procedure", {"Cơ quan thực hiện"}),
])
def test_item_prints_on_a4_with_title_date_unit_and_address(browser, base_url, picks, kind, facts):
    context = browser.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page = context.new_page()
    try:
        page.goto(base_url + picks[kind].path, wait_until="load")
        page.emulate_media(media="print")
        printed = page.evaluate(PRINT_JS)
        assert printed["title"], "the title is printed"
        assert printed["site"] == 1
        canonical = page.get_attribute("link[rel=canonical]", "href")
        assert printed["url"] == [f"Địa chỉ trang: {canonical}"]
        assert facts <= set(printed["facts"]), printed["facts"]
        assert printed["chrome"] == [], "navigation, search and buttons are not printed"
        assert printed["text"] > 500
        pdf = page.pdf(prefer_css_page_size=True)
        # every page A4 (210 x 297 mm = 595 x 842 pt) from the stylesheet's @page (else Letter, 612 x 792)
        boxes = [tuple(float(x) for x in box.split()) for box in re.findall(rb"/MediaBox \[([^\]]*)\]", pdf)]
        assert boxes and all(abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5 for _, _, w, h in boxes), boxes
    finally:
        context.close()


def material_english() -> dict[str, str]:
    """Material's English interface words that its Vietnamese file does not replace (key -> words)."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"

    def strings(name: str) -> dict[str, str]:
        text = (folder / name).read_text(encoding="utf-8")
        return dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', text, re.M))

    english, vietnamese = strings("en.html"), strings("vi.html")
    return {key: value for key, value in english.items()
            if vietnamese.get(key, value) == value and len(value) >= 4 and " " in value or
            (key not in vietnamese and value.istitle() and len(value) >= 4)}


# The footer credit Material writes in English, outside its language files.
ENGLISH_CHROME = {"copyright": "Made with", "404": "Not found"}

READER_TEXT_JS = """() => [document.body.innerText, document.title,
  ...[...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap(
    el => ['aria-label', 'title', 'placeholder', 'alt'].map(a => el.getAttribute(a)).filter(Boolean))]"""


@pytest.mark.parametrize("kind", KINDS)
def test_page_speaks_vietnamese(visit, kind):
    v = visit(kind)
    texts = v.page.evaluate(READER_TEXT_JS)
    english = {**material_english(), **ENGLISH_CHROME}
    found = sorted({f"{key}: {words!r}" for key, words in english.items() for text in texts
                    if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text)})
    assert not found, f"/{v.pick.path} shows English words: {found}"


@pytest.mark.parametrize("kind", ["plan with tasks", "task tables", "procedure"])
def test_desktop_keeps_the_tables(browser, base_url, picks, kind):
    """Wider than 600 px the same markup is a table again: a header row and cells side by side."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(base_url + picks[kind].path, wait_until="load")
        shape = page.evaluate("""() => [...document.querySelectorAll('article table.cchc-table')].map(t => ({
            display: getComputedStyle(t).display,
            head: getComputedStyle(t.querySelector('thead')).display,
            row: new Set([...t.querySelector('tbody tr').children].filter(td => td.getClientRects().length)
                         .map(td => Math.round(td.getBoundingClientRect().top))).size}))""")
        assert shape and all(s == {"display": "table", "head": "table-header-group", "row": 1} for s in shape), shape
    finally:
        context.close()


def test_home_search_button_opens_the_search_box(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base_url, wait_until="load")
        page.tap("[data-cchc-open-search]")
        # predicates as functions: a string would be eval'd in the page, which its CSP forbids
        page.wait_for_function("() => document.getElementById('__search').checked"
                               " && document.activeElement && document.activeElement.matches('.md-search__input')")
        page.keyboard.type("thu tuc")
        page.wait_for_function("() => document.querySelectorAll('[data-cchc-search-result]').length > 0",
                               timeout=15000)
    finally:
        context.close()


# A plain entry of the section nav (<li><a>, no classes: partials/nav.html) beside one with
# Material's classes, added to the same list: what the reader sees of each, as computed.
NAV_STYLE_JS = """() => {
  const list = document.querySelector('.md-nav--primary > .md-nav__list');
  const plain = list.querySelectorAll(':scope > li:not([class]) > a:not([class])')[1];  // not the first: no border
  const li = document.createElement('li'); li.className = 'md-nav__item';
  const a = document.createElement('a'); a.className = 'md-nav__link';
  a.href = plain.href; a.textContent = plain.textContent;
  li.append(a); list.append(li);
  const keys = ['display', 'gap', 'alignItems', 'marginTop', 'marginRight', 'paddingTop', 'paddingLeft', 'fontSize',
                'lineHeight', 'color', 'textDecorationLine', 'scrollSnapAlign'];
  const boxKeys = ['fontSize', 'lineHeight', 'borderTopWidth', 'borderTopStyle', 'borderTopColor', 'paddingLeft'];
  const pick = (el, ks) => Object.fromEntries(ks.map(k => [k, getComputedStyle(el)[k]]));
  return {plain: [pick(plain, keys), pick(plain.parentElement, boxKeys)], material: [pick(a, keys), pick(li, boxKeys)],
          height: [plain.getBoundingClientRect().height, a.getBoundingClientRect().height]};
}"""


@pytest.mark.parametrize("width", [390, 1000, 1280])
def test_the_section_nav_plain_entries_look_like_materials(browser, base_url, picks, width):
    """The nav's plain entries carry no class (a few hundred bytes a page): the site's stylesheet
    must give them what Material gives its own entries, on a phone (drawer) and on a desktop."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(base_url + picks["news item"].path, wait_until="load")
        styles = page.evaluate(NAV_STYLE_JS)
        assert styles["plain"] == styles["material"], styles
        assert styles["height"][0] == styles["height"][1], styles
        # Material's settings are kept per site: cchc-base.js finds the site's root from its own address
        assert page.evaluate("() => __md_scope.href") == base_url
    finally:
        context.close()
