"""The demo site served by Debian's nginx with the repository's server block
(scripts/serve/nginx-cchc.conf), checked with real HTTP requests and in headless Chromium.

nginx comes from ``scripts/setup-browser`` (``scripts/setup --test`` runs it); the tests
fail, not skip, without it. The demo is built once with ``site_url`` set to the local
nginx address (as a production build has its own host there), served on a free port
with the pid file, logs and temporary folders in a tmp folder, and nginx is stopped
when the module's tests are done.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import re
from pathlib import Path

import brotli
import pytest
from cchc.publish.nginx import CONF, LocalNginx, NginxError, free_port, nginx_binary
from cchc.publish.precompress import precompress
from conftest import REPO
from test_search_browser import CHROMIUM, CHROMIUM_ARGS, SearchBox

IMMUTABLE = "public, max-age=31536000, immutable"
INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory):
    """(site folder, running LocalNginx): the demo built for, and served by, a local nginx."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    try:
        nginx_binary()
    except NginxError as exc:
        pytest.fail(str(exc))
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    site = work / "site"
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site), site_url=f"http://127.0.0.1:{port}/"))
    precompress(site)  # as cchc deploy does
    server = LocalNginx(site, work / "nginx", port=port).start()
    try:
        yield site, server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site(nginx_site) -> Path:
    return nginx_site[0]


def get(server: LocalNginx, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One GET with exactly these request headers: status, headers (lower-case names), body."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fetch(nginx_site):
    return lambda path, **headers: get(nginx_site[1], path, **headers)


def one(site: Path, pattern: str) -> str:
    """The address of the one built file matching ``pattern`` (a glob under the site)."""
    found = sorted(site.glob(pattern))
    assert len(found) == 1, (pattern, found)
    return "/" + found[0].relative_to(site).as_posix()


def text_files(site: Path) -> dict[str, str]:
    """One built file of each compressed kind: page, CSS, JS, feeds, sitemap, JSON, CSV."""
    return {
        "html": "/",
        "css": one(site, "assets/stylesheets/main.*.min.css"),
        "js": one(site, "assets/javascripts/bundle.*.min.js"),
        "rss": "/feeds/tin-tuc.rss.xml",
        "atom": "/feeds/tin-tuc.atom.xml",
        "sitemap": "/sitemap.xml",
        "json": "/pagefind/pagefind-entry.json",
        "pagefind-js": "/pagefind/pagefind.js",
        "csv": "/" + next(iter(sorted(site.glob("**/*.csv")))).relative_to(site).as_posix(),
    }


def csp_of(headers: dict[str, str]) -> dict[str, str]:
    """The Content-Security-Policy header as {directive: its sources}."""
    return dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))


def file_of(site: Path, path: str) -> Path:
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def test_the_values_to_set_are_named_at_the_top():
    text = CONF.read_text(encoding="utf-8")
    marked = re.findall(r"^\s*(\w+)\s[^;\n]*;\s*# SET:", text, re.M)
    assert marked == ["listen", "server_name", "root"]
    first_location = text.index("location ")
    assert all(m.start() < first_location for m in re.finditer("# SET:", text))


def test_configuration_also_loads_without_the_brotli_module(tmp_path, site):
    """The README says: on an nginx without Brotli, delete one line; the rest must still load."""
    output = LocalNginx(site, tmp_path, brotli=False).test()
    assert "syntax is ok" in output and "test is successful" in output


@pytest.mark.parametrize("kind", ["html", "css", "js", "rss", "atom", "sitemap", "json", "pagefind-js", "csv"])
def test_precompressed_copies_are_sent_as_they_are(site, fetch, kind):
    path = text_files(site)[kind]
    original = file_of(site, path).read_bytes()

    status, headers, body = fetch(path, Accept_Encoding="gzip")
    assert status == 200 and headers.get("content-encoding") == "gzip", headers
    assert body == file_of(site, path).with_name(file_of(site, path).name + ".gz").read_bytes()  # the build's copy
    assert gzip.decompress(body) == original
    assert "Accept-Encoding" in headers.get("vary", "")

    status, headers, body = fetch(path, Accept_Encoding="gzip, deflate, br")
    assert status == 200 and headers.get("content-encoding") == "br", headers
    assert brotli.decompress(body) == original and len(body) < len(original)

    status, headers, body = fetch(path)  # a client that asks for no encoding gets the file itself
    assert status == 200 and "content-encoding" not in headers and body == original
    assert "Accept-Encoding" in headers.get("vary", "")


def test_a_file_without_copies_is_compressed_per_request(site, fetch):
    """A folder published without cchc deploy's copies (or the web editor's bundle) is not sent whole."""
    plain = site / "khong-co-ban-nen" / "index.html"
    plain.parent.mkdir()
    plain.write_text("<!doctype html><p>Cải cách hành chính, thủ tục một cửa.</p>\n" * 200, encoding="utf-8")
    try:
        status, headers, body = fetch("/khong-co-ban-nen/", Accept_Encoding="gzip")
        assert status == 200 and headers.get("content-encoding") == "gzip", headers
        assert gzip.decompress(body) == plain.read_bytes() and len(body) < plain.stat().st_size / 10
        status, headers, body = fetch("/khong-co-ban-nen/")
        assert status == 200 and "content-encoding" not in headers and body == plain.read_bytes()
    finally:
        plain.unlink()
        plain.parent.rmdir()


def test_pagefind_index_files_are_sent_as_pagefind_wrote_them(site, fetch):
    """Pagefind's fragments, index, filters and meta are gzip streams already: no second encoding."""
    for pattern in ("pagefind/fragment/*.pf_fragment", "pagefind/index/*.pf_index", "pagefind/*.pf_meta"):
        path = "/" + sorted(site.glob(pattern))[0].relative_to(site).as_posix()
        status, headers, body = fetch(path, Accept_Encoding="gzip, br")
        assert status == 200 and "content-encoding" not in headers, (path, headers)
        assert body == (site / path.lstrip("/")).read_bytes() and body[:2] == b"\x1f\x8b"
        assert headers["cache-control"] == IMMUTABLE, path


def test_pagefind_webassembly_is_sent_with_brotli_to_browsers_that_take_it(site, fetch):
    path = "/" + next(site.glob("pagefind/wasm.*.pagefind")).relative_to(site).as_posix()
    stored = (site / path.lstrip("/")).read_bytes()
    status, headers, body = fetch(path, Accept_Encoding="gzip, deflate, br")
    assert status == 200 and headers.get("content-encoding") == "br" and len(body) < len(stored)
    assert brotli.decompress(body) == gzip.decompress(stored)
    status, headers, body = fetch(path, Accept_Encoding="gzip")
    assert status == 200 and "content-encoding" not in headers and body == stored


@pytest.mark.parametrize(("path", "expected"), [
    ("/", "no-cache"),
    ("/tin-tuc/", "no-cache"),
    ("/feeds/tin-tuc.rss.xml", "no-cache"),
    ("/feeds/tin-tuc.atom.xml", "no-cache"),
    ("/pagefind/pagefind-entry.json", "no-cache"),  # names the hashed index files: must be fresh
    ("/pagefind/pagefind.js", "no-cache"),
    ("/assets/search/cchc-search.js", "no-cache"),  # the site's own files have no hash in their names
    ("/assets/stylesheets/cchc.css", "no-cache"),
    ("assets/javascripts/bundle.*.min.js", IMMUTABLE),
    ("assets/stylesheets/main.*.min.css", IMMUTABLE),
    ("assets/stylesheets/palette.*.min.css", IMMUTABLE),
])
def test_cache_lifetimes(site, fetch, path, expected):
    if "*" in path:
        path = one(site, path)
    status, headers, _ = fetch(path, Accept_Encoding="gzip")
    assert status == 200 and headers["cache-control"] == expected, (path, headers)


def test_revalidated_pages_answer_304_when_unchanged(fetch):
    _, headers, _ = fetch("/", Accept_Encoding="gzip")
    assert headers["cache-control"] == "no-cache" and headers.get("etag")
    status, again, body = fetch("/", Accept_Encoding="gzip", If_None_Match=headers["etag"])
    assert status == 304 and body == b""


@pytest.mark.parametrize(("path", "content_type"), [
    ("/", "text/html; charset=utf-8"),
    ("/feeds/tin-tuc.rss.xml", "text/xml; charset=utf-8"),  # a browser shows it with feed.css
    ("/feeds/tin-tuc.atom.xml", "text/xml; charset=utf-8"),
    ("/feeds/thu-tuc.rss.xml", "text/xml; charset=utf-8"),
    ("/feeds/thu-tuc.atom.xml", "text/xml; charset=utf-8"),
    ("/feeds/tin-tuc.json", "application/json; charset=utf-8"),
    ("/assets/feeds/feed.css", "text/css; charset=utf-8"),
    ("/nhiem-vu/nhiem-vu.csv", "text/csv; charset=utf-8"),
    ("/pagefind/pagefind.js", "application/javascript; charset=utf-8"),
    ("/sitemap.xml", "text/xml; charset=utf-8"),
])
def test_content_types(site, fetch, path, content_type):
    assert file_of(site, path).is_file(), path
    status, headers, _ = fetch(path, Accept_Encoding="gzip, br")
    assert status == 200 and headers["content-type"] == content_type


@pytest.mark.parametrize("path", ["/khong-co-trang-nay/", "/tin-tuc/2099/khong-co/", "/thu-muc.txt", "/404.html"])
def test_missing_address_gets_the_sites_404_page_with_status_404(site, fetch, path):
    status, headers, body = fetch(path)
    assert status == 404
    assert body == (site / "404.html").read_bytes()
    assert "<h1>404 - Không tìm thấy trang</h1>" in body.decode("utf-8")
    assert headers["content-type"] == "text/html; charset=utf-8"
    status, headers, body = fetch(path, Accept_Encoding="gzip")
    assert status == 404 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == (site / "404.html").read_bytes()
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_directory_index_and_slash_redirect(site, fetch):
    status, _, body = fetch("/tin-tuc/")
    assert status == 200 and body == (site / "tin-tuc" / "index.html").read_bytes()
    status, headers, _ = fetch("/tin-tuc")
    assert status == 301 and headers["location"] == "/tin-tuc/"  # relative: keeps the reader's scheme and host


@pytest.mark.parametrize("path", ["/", "/tin-tuc", "/khong-co/", "/feeds/tin-tuc.rss.xml", "/pagefind/pagefind.js"])
def test_security_headers_on_every_response(fetch, path):
    _, headers, _ = fetch(path, Accept_Encoding="gzip")
    csp = csp_of(headers)
    assert csp["default-src"] == "'none'"
    assert csp["script-src"].startswith("'self' 'wasm-unsafe-eval'") and "unsafe-inline" not in csp["script-src"]
    assert "unsafe-eval'" not in csp["script-src"].replace("'wasm-unsafe-eval'", "")
    assert csp["style-src"] == "'self'" and csp["frame-ancestors"] == "'none'"
    assert csp["connect-src"] == "'self'" and csp["img-src"].startswith("'self'")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["x-frame-options"] == "DENY"


def test_no_policy_where_it_does_nothing(site, fetch):
    """CSS, JSON and Pagefind's index files: nosniff yes, no 400-byte policy on each response."""
    for path in [one(site, "assets/stylesheets/main.*.min.css"), "/pagefind/pagefind-entry.json",
                 "/" + sorted(site.glob("pagefind/fragment/*"))[0].relative_to(site).as_posix()]:
        _, headers, _ = fetch(path, Accept_Encoding="gzip")
        assert "content-security-policy" not in headers and headers["x-content-type-options"] == "nosniff", path


def test_every_inline_script_of_the_built_pages_is_allowed_by_hash(site, fetch):
    """No inline script but those the policy allows by hash (Material's tab script, drawn only
    where pymdownx.tabbed is on: none on the demo); anything else inline would be blocked."""
    _, headers, _ = fetch("/")
    script_src = csp_of(headers)["script-src"]
    hashes: set[str] = set()
    handlers = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        handlers += [page.name for _ in re.finditer(r"<[^>]+\son[a-z]+=", html)]
        assert ' style="' not in html, f"{page}: an inline style attribute (style-src 'self' blocks it)"
        for match in INLINE_SCRIPT.finditer(html):
            if "src=" in match["attrs"] or "application/json" in match["attrs"]:
                continue
            digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    assert not handlers, f"inline event handlers in {sorted(set(handlers))[:5]}"
    assert all(h in script_src.split() for h in hashes), (hashes, script_src)


@pytest.fixture(scope="module")
def browser():
    import os

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: run scripts/setup-browser (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


LISTEN = """
window.__cchcViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cchcViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
window.print = () => { window.__cchcPrinted = true; };
"""


def test_site_works_under_its_csp_in_chromium(browser, nginx_site):
    site, server = nginx_site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    console: list[str] = []
    violations: list[str] = []
    page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
    page.add_init_script(LISTEN)
    responses: list[tuple[str, str | None]] = []
    page.on("response", lambda r: responses.append((r.url, r.headers.get("content-encoding")))
            if r.status == 200 else None)
    try:
        page.goto(server.url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof __md_get") == "function"  # Material's head helpers, now from a file
        box = SearchBox(page)
        box.open_with_keyboard()
        box.type("thu tuc")
        results = box.results()
        assert results and "thủ tục" in " ".join(r["title"] + r["excerpt"] for r in results).lower()
        assert any("/pagefind/" in url for url, _ in responses)
        assert [enc for url, enc in responses if url.endswith(".pagefind")] == ["br"]  # its WebAssembly
        violations += page.evaluate("window.__cchcViolations")

        # A procedure page: its print button works without an inline handler.
        page.goto(server.url + "thu-tuc/cap-ban-sao-van-bang-chung-chi-tu-so-goc/")
        page.wait_for_load_state("networkidle")
        page.locator("[data-cchc-print]").click()
        assert page.evaluate("window.__cchcPrinted === true")
        violations += page.evaluate("window.__cchcViolations")
    finally:
        page.close()
    assert not violations, violations
    assert not [line for line in console if "Content Security Policy" in line or "pageerror" in line], console
    encoded = {url.rsplit("/", 1)[-1]: enc for url, enc in responses if url.endswith((".js", ".css", "/"))}
    assert encoded and all(enc == "br" for enc in encoded.values()), encoded
