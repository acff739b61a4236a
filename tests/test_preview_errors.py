"""``mkdocs serve`` with a content error: every address answers with the list of problems.

A tiny site is served by the real ``mkdocs serve`` on 127.0.0.1. A content file is broken
while a page is open in Debian's headless chromium: within 3 seconds every address
answers with the error page (Vietnamese, file and line, the fix), the open page shows it
by itself, and once the file is fixed the page comes back by itself. ``mkdocs build``
still fails on the same error.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MKDOCS = Path(sys.executable).parent / "mkdocs"
URLS = ["", "tin-tuc/", "tin-tuc/2024/tin-hoi-nghi/", "don-vi/hp-so-gddt/", "ke-hoach/kh-2024/",
        "thu-tuc/", "khong-co-trang-nay/", "feeds/tin-tuc.rss.xml"]
BROKEN_FILE = "content/news/2024/tin-hoi-nghi.md"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:  # the error page comes with 404 for unknown files
        return error.read().decode("utf-8", "replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_error_page(html: str) -> bool:
    return "Nội dung có lỗi" in html


def serve(site, tmp_path):
    """``mkdocs serve`` of ``site`` on a free port: (process, base address), once the news page answers."""
    port = free_port()
    env = {**os.environ, "CCHC_BUILD_DATE": "2024-06-30", "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen([str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "-f",
                                   str(site.root / "mkdocs.yml")], stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while True:
        try:
            if "Hội nghị triển khai" in fetch(base + "tin-tuc/2024/tin-hoi-nghi/"):
                return server, base
        except OSError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.3)


def test_a_body_the_sanitizer_refuses_is_shown_too(site_factory, tmp_path):
    """Problems found while pages are written (a script in a body) also give the error page."""
    site = site_factory()
    server, base = serve(site, tmp_path)
    try:
        good = (site.root / BROKEN_FILE).read_text(encoding="utf-8")
        site.write(BROKEN_FILE, good + "\n<script>alert(1)</script>\n")
        deadline = time.monotonic() + 30
        while not is_error_page(fetch(base + "don-vi/hp-so-gddt/")):
            assert time.monotonic() < deadline, "no error page for the script"
            time.sleep(0.3)
        html = fetch(base + "khong-co/")
        assert is_error_page(html) and BROKEN_FILE in html and "&lt;script&gt;" in html
        site.write(BROKEN_FILE, good)
        deadline = time.monotonic() + 30
        while is_error_page(fetch(base)):
            assert time.monotonic() < deadline, "the site did not come back"
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_errors_are_shown_at_every_address_and_the_page_comes_back_after_the_fix(site_factory, tmp_path):
    from playwright.sync_api import sync_playwright

    site = site_factory()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "CCHC_BUILD_DATE": "2024-06-30", "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen([str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "-f",
                                   str(site.root / "mkdocs.yml")], stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if "Hội nghị triển khai" in fetch(base + "tin-tuc/2024/tin-hoi-nghi/"):
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "tin-tuc/2024/tin-hoi-nghi/")
            assert "Hội nghị triển khai" in page.title()

            good = (site.root / BROKEN_FILE).read_text(encoding="utf-8")
            site.write(BROKEN_FILE, good.replace("date: 2024-02-20 08:30", "date: 20/02/2024"))
            broken_at = time.monotonic()
            pending = set(URLS)
            while pending and time.monotonic() - broken_at < 3:
                pending = {url for url in pending if not is_error_page(fetch(base + url))}
                page.wait_for_timeout(100)
            assert not pending, f"no error page within 3 s at {sorted(pending)}"
            html = fetch(base + "tin-tuc/")
            assert f"{BROKEN_FILE}, dòng 4" in html and "mục <code>date</code>" in html
            assert "NĂM-THÁNG-NGÀY" in html and "2024-02-20" in html, "what is wrong and the fix"
            # The page that was open shows the problems by itself (MkDocs reloads it).
            page.wait_for_function("document.title.includes('Nội dung có lỗi')", timeout=10_000)
            assert "dòng 4" in page.inner_text("body")

            # Building for publication still stops on the same error.
            build = subprocess.run([str(MKDOCS), "build", "-f", str(site.root / "mkdocs.yml"), "-d",
                                    str(tmp_path / "out")], capture_output=True, text=True, env=env)
            assert build.returncode == 1 and f"{BROKEN_FILE}:4: date:" in build.stderr

            site.write(BROKEN_FILE, good)  # fixed: the error page reloads itself into the real page
            page.wait_for_function("document.title.includes('Hội nghị triển khai')", timeout=15_000)
            assert not is_error_page(page.content())
            browser.close()
        assert not is_error_page(fetch(base))
    finally:
        server.terminate()
        server.wait(timeout=30)
