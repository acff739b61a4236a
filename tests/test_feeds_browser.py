"""A feed opened in a real browser: Debian's headless chromium (playwright), with XSLT as it
ships and with XSLT switched off as Chromium is removing it. Both must show the same
readable Vietnamese page, styled by the site's own ``feed.css``, with no XSLT warning.

The site is a tiny one with a corrected item, an image and procedure changes, built into
a tmp folder and served on 127.0.0.1 by http.server (``.xml`` is served as XML, as web
servers do). Chromium comes from ``scripts/setup-browser``; the tests fail without it.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from urllib.parse import urlsplit

import feedparser
import pytest
from conftest import NEWS, TinySite, mkdocs_yml
from test_feeds_readers import CORRECTED, PROCEDURE_2
from test_search_browser import CHROMIUM, CHROMIUM_ARGS
from test_serve_nginx import nginx_site  # noqa: F401  (fixture: the demo served by the site's nginx)

FEEDS = ["tin-tuc.rss.xml", "tin-tuc.atom.xml", "thu-tuc-don-vi-hp-so-gddt.rss.xml",
         "thu-tuc-don-vi-hp-so-gddt.atom.xml", "don-vi-hp-thpt-tran-phu.atom.xml"]


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory):
    from conftest import PLAN, PROCEDURE, REPO, UNITS

    site = TinySite(tmp_path_factory.mktemp("feeds-browser") / "site-src")
    site.write("mkdocs.yml", mkdocs_yml())
    (site.root / "docs").mkdir()
    site.write("content/topics.yml", (REPO / "content" / "topics.yml").read_text(encoding="utf-8"))
    site.write("content/units.yml", UNITS)
    site.write("content/plans/kh-2024.md", PLAN)
    site.write("content/news/2024/tin-hoi-nghi.md", CORRECTED)
    site.write("content/news/2024/tin-2.md", NEWS.replace("id: tin-hoi-nghi", "id: tin-2")
               .replace("date: 2024-02-20", "date: 2024-02-25").replace("title: Hội nghị", "title: Tập huấn"))
    site.write("content/procedures/cap-ban-sao-van-bang.md", PROCEDURE)
    site.write("content/procedures/dang-ky-du-thi.md", PROCEDURE_2)
    return site.build()


@pytest.fixture(scope="module")
def server(feed_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(feed_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    thread.join()


@pytest.fixture(scope="module", params=["as shipped", "without XSLT"])
def browser(request):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: run scripts/setup-browser (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    args = CHROMIUM_ARGS + (["--disable-features=XSLT"] if request.param == "without XSLT" else [])
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=args)
        yield browser
        browser.close()


# What the reader sees: the rendered text (a selection skips what is not displayed),
# the generated notice, and the size of the feed's title against the entries'.
_VIEW = """() => {
  const root = document.documentElement;
  getSelection().selectAllChildren(root);
  const title = root.querySelector(':scope > title, :scope > channel > title');
  const entry = root.querySelector('item > title, entry > title');
  return {
    root: root.localName,
    text: getSelection().toString(),
    notice: getComputedStyle(root, '::before').content,
    banner: document.querySelectorAll('xslt-warning-banner').length,
    titleSize: parseFloat(getComputedStyle(title).fontSize),
    entrySize: entry ? parseFloat(getComputedStyle(entry).fontSize) : 0,
    guid: getComputedStyle(root.querySelector('guid, id')).display,
    labels: Object.fromEntries(['item > creator', 'entry > author', 'item > pubDate', 'entry > published',
                                'item > modified', 'channel > link', 'feed > link[rel="alternate"]']
      .map(s => [s, root.querySelector(s)]).filter(([s, el]) => el)
      .map(([s, el]) => [s, getComputedStyle(el, '::before').content])),
  };
}"""


@pytest.mark.parametrize("name", FEEDS)
def test_a_feed_opened_in_chromium_reads_as_a_vietnamese_page(browser, server, feed_site, name):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    response = page.goto(server + "feeds/" + name)
    assert response.ok and "xml" in response.headers["content-type"]
    page.wait_for_load_state("load")
    view = page.evaluate(_VIEW)
    page.close()
    feed = feedparser.parse((feed_site / "feeds" / name).read_bytes())
    text = " ".join(view["text"].split())
    assert view["root"] in ("rss", "feed"), view["root"]  # the XML itself, styled, not turned into HTML
    assert view["banner"] == 0  # no "This site uses XSLT" warning
    assert "ứng dụng đọc tin" in view["notice"] and "sao chép địa chỉ" in view["notice"]
    assert feed.feed.title in text and feed.feed.subtitle in text
    assert view["guid"] == "none" and "tag:cchc.test" not in text and "python-feedgen" not in text
    assert "<p>" not in text and "&lt;" not in text  # full HTML content stays hidden
    for entry in feed.entries:
        assert entry.title in text and entry.summary in text and entry.author in text
    labels = view["labels"]  # the words the stylesheet puts before each field
    if name.endswith(".rss.xml"):
        assert labels["channel > link"] == '"Trang web: "' and feed.feed.link in text
        assert (labels["item > creator"], labels["item > pubDate"]) == ('"Đơn vị: "', '"Ngày đăng: "')
    else:
        assert labels['feed > link[rel="alternate"]'] == f'"Trang web: {feed.feed.link}"'
        if feed.entries:
            assert (labels["entry > author"], labels["entry > published"]) == ('"Đơn vị: "', '"Ngày đăng: "')
    if feed.entries:
        assert view["titleSize"] > view["entrySize"] > 0
    if name == "tin-tuc.rss.xml":
        assert labels["item > modified"] == '"Cập nhật: "' and "2024-03-01T09:00:00+07:00" in text
        assert "Cập nhật ngày 01/03/2024: Sửa tên đơn vị chủ trì hội nghị." in text
    assert server + "assets/feeds/feed.css" in requests
    assert all(urlsplit(url).netloc == urlsplit(server).netloc for url in requests), requests


def test_feeds_served_by_the_sites_nginx_show_the_same_view_under_its_policy(browser, nginx_site):  # noqa: F811
    """Through scripts/serve/nginx-cchc.conf (text/xml, the site's Content-Security-Policy)."""
    site, server = nginx_site
    for name in ("tin-tuc.rss.xml", "thu-tuc.atom.xml"):
        page = browser.new_page()
        problems: list[str] = []
        page.on("console", lambda m, seen=problems: seen.append(m.text) if m.type in ("error", "warning") else None)
        response = page.goto(f"http://127.0.0.1:{server.port}/feeds/{name}")
        assert response.headers["content-type"] == "text/xml; charset=utf-8"
        assert "style-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        view = page.evaluate(_VIEW)
        page.close()
        title = feedparser.parse((site / "feeds" / name).read_bytes()).entries[0].title
        assert view["root"] in ("rss", "feed") and view["banner"] == 0
        assert "ứng dụng đọc tin" in view["notice"] and title in view["text"]
        assert not [p for p in problems if "Content Security Policy" in p or "feed.css" in p], problems
