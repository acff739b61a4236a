"""The web editor (/admin/) in a real browser, against a working copy, with no network.

A copy of this repository's site (content/, docs/, mkdocs.yml; hooks/ linked) is served by
``cchc editor``: Decap CMS's local proxy (decap-server, from ``scripts/setup-editor``) and
``mkdocs serve``. Debian's headless chromium, driven by playwright, may reach 127.0.0.1 and
localhost only: every other request is refused and recorded, so the CMS must work from the
bundle the site ships. What the editor saves is then checked with ``cchc check`` and built
with ``mkdocs build --strict``, and the test reads the pages and feeds a citizen would.
"""

from __future__ import annotations

import os
import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BIN = Path(sys.executable).parent
BUILD_DATE = "2026-11-22"
SCHOOL = "hp-thpt-le-quy-don"
PLAN = "hp-sgddt-kh-tuyen-truyen-cchc-2023"
TASK = f"{PLAN}#5"  # led by the group of education units, which the school belongs to
TITLE = "Trường THPT Lê Quý Đôn tuyên truyền dịch vụ công trực tuyến cho học sinh"
PROCEDURE = "cap-ban-sao-van-bang-chung-chi-tu-so-goc"
ALT = "Học sinh Trường THPT Lê Quý Đôn nghe giới thiệu dịch vụ công trực tuyến trong giờ ngoại khóa"


def big_png(path: Path, width: int = 3000, height: int = 2000) -> Path:
    """A camera-sized picture (a grey gradient), as an editor would upload from a phone."""
    row = bytes([0]) + bytes((x * 255) // width for x in range(width) for _ in range(3))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))
    return path


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a JPEG's frame header."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    at = 2
    while at < len(data):
        marker, length = data[at + 1], struct.unpack(">H", data[at + 2:at + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    raise AssertionError("no frame header")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Editor:
    root: Path
    url: str  # the preview's root, e.g. http://127.0.0.1:8123/
    process: subprocess.Popen
    log: Path

    def env(self) -> dict[str, str]:
        return {**os.environ, "CCHC_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}


def working_copy(tmp_path: Path) -> Path:
    root = tmp_path / "site-src"
    root.mkdir()
    for name in ("content", "docs"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "hooks").symlink_to(REPO / "hooks", target_is_directory=True)
    return root


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    """``cchc editor`` running on a copy of the site, stopped after the test."""
    root = working_copy(tmp_path)
    port, proxy_port = free_port(), free_port()
    log = tmp_path / "editor.log"
    env = {**os.environ, "CCHC_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    with open(log, "w") as out:
        process = subprocess.Popen([str(BIN / "cchc"), "editor", "--root", str(root), "--port", str(port),
                                    "--proxy-port", str(proxy_port)], stdout=out, stderr=subprocess.STDOUT,
                                   env=env)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url + "admin/config.yml", timeout=5) as reply:
                if reply.status == 200:
                    break
        except OSError:
            pass
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "cchc editor did not start:\n" + log.read_text()
        time.sleep(0.5)
    with socket.create_connection(("127.0.0.1", proxy_port), timeout=30):
        pass
    yield Editor(root, url, process, log)
    process.terminate()
    process.wait(timeout=30)


def open_cms(pw, editor: Editor, refused: list[str]):
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1300, "height": 1400})

    def route(request_route) -> None:
        host = request_route.request.url.split("/")[2].split(":")[0]
        if host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(editor.url + "admin/")
    page.get_by_role("button", name="Đăng nhập").click()  # the local proxy needs no account
    page.get_by_text("Tin, bài").first.wait_for()
    return browser, page


def pick(page, label: str, text: str, exact: bool = True) -> None:
    """Choose in a picker by typing part of the option's words, as an editor would."""
    page.get_by_label(label, exact=exact).last.click()
    page.keyboard.type(text)
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Enter")


def publish(page) -> None:
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()


def wait_for(condition, what: str, page, seconds: float = 30):
    """Poll ``condition`` while the page runs (playwright serves the route handler only while called)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        page.wait_for_timeout(200)
    shown = page.inner_text("body")[:2000]
    raise AssertionError(f"timed out waiting for {what}; the editor shows:\n{shown}")


def check_and_build(editor: Editor, tmp_path: Path) -> Path:
    """``cchc check`` passes unchanged, then ``mkdocs build --strict``; returns the built site."""
    check = subprocess.run([str(BIN / "cchc"), "check", str(editor.root)], capture_output=True, text=True,
                           env=editor.env())
    assert check.returncode == 0, check.stdout + check.stderr
    assert "LỖI" not in check.stdout and "CẢNH BÁO" not in check.stdout
    out = tmp_path / "built"
    build = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-f", str(editor.root / "mkdocs.yml"),
                            "-d", str(out)], capture_output=True, text=True, env=editor.env())
    assert build.returncode == 0, build.stderr
    return out


def row_of_task(html: str, item_url: str) -> str:
    """The table row of the plan page that links the news item."""
    at = html.index(f'href="../../{item_url}"')
    return html[html.rindex("<tr", 0, at): html.index("</tr>", at)]


def test_a_school_news_item_written_in_the_web_editor_is_published(editor, tmp_path):
    from playwright.sync_api import sync_playwright

    before = set((editor.root / "content" / "news").rglob("*.md"))
    refused: list[str] = []
    with sync_playwright() as pw:
        browser, page = open_cms(pw, editor, refused)
        page.goto(editor.url + "admin/#/collections/news/new")
        page.get_by_label("Tiêu đề", exact=True).fill(TITLE)
        page.get_by_label("Ngày giờ đăng").fill("2023-10-10T09:30")
        pick(page, "Đơn vị", SCHOOL)  # the picker lists "name (id)": the id finds exactly one
        pick(page, "Chủ đề", "Cải cách thủ tục hành chính")
        page.get_by_label("Tóm tắt", exact=True).fill(
            "Nhà trường lồng ghép kiến thức về dịch vụ công trực tuyến vào hoạt động ngoại khóa.")
        pick(page, "Nhiệm vụ kế hoạch", "dịch vụ công trực tuyến vào các hoạt động ngoại khóa", exact=False)
        page.get_by_text("Chọn một hình").click()  # the media library: upload a phone-sized picture
        page.locator("input[type=file]").set_input_files(str(big_png(tmp_path / "anh-ngoai-khoa.png")))
        page.get_by_text("anh-ngoai-khoa.jpg").wait_for()
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        page.get_by_label("Mô tả ảnh").fill(ALT)
        page.locator("[data-slate-editor]").click()
        page.keyboard.type("Sáng 10/10, nhà trường tổ chức buổi ngoại khóa về dịch vụ công trực tuyến.")
        publish(page)
        created = wait_for(lambda: set((editor.root / "content" / "news").rglob("*.md")) - before,
                           "the news file", page)
        browser.close()
    assert refused == [], "the editor must not load anything from another host"

    (path,) = created
    assert path.parent.name == "2023", "filed under the year of its date"
    text = path.read_text(encoding="utf-8")
    assert f"unit: {SCHOOL}" in text and TASK in text and "date: 2023-10-10 09:30" in text
    assert "image: /assets/images/anh-ngoai-khoa.jpg" in text and "image_alt: Học sinh" in text
    picture = (editor.root / "docs/assets/images/anh-ngoai-khoa.jpg").read_bytes()
    assert jpeg_size(picture) == (1280, 853), "resized at upload"
    assert len(picture) < 1_000_000
    slug = path.stem

    site = check_and_build(editor, tmp_path)
    item_url = f"tin-tuc/2023/{slug}/"
    item_page = (site / item_url / "index.html").read_text(encoding="utf-8")
    assert TITLE in item_page and "assets/images/anh-ngoai-khoa.jpg" in item_page
    assert TITLE in (site / "don-vi" / SCHOOL / "index.html").read_text(encoding="utf-8")
    row = row_of_task((site / "ke-hoach" / PLAN / "index.html").read_text(encoding="utf-8"), item_url)
    assert "Hoàn thành đúng hạn" in row  # evidence within the task's time, which is over
    for feed in ("tin-tuc.rss.xml", f"don-vi-{SCHOOL}.atom.xml"):
        parsed = feedparser.parse((site / "feeds" / feed).read_bytes())
        assert not parsed.bozo, feed
        (entry,) = [entry for entry in parsed.entries if entry.title == TITLE]
        assert entry.link.endswith(item_url), feed
        assert [e.href for e in entry.enclosures] == ["https://cchc.example.vn/assets/images/anh-ngoai-khoa.jpg"]


def test_a_procedure_change_added_in_the_web_editor_is_published(editor, tmp_path):
    from playwright.sync_api import sync_playwright

    path = editor.root / "content" / "procedures" / f"{PROCEDURE}.md"
    before = path.read_text(encoding="utf-8")
    refused: list[str] = []
    with sync_playwright() as pw:
        browser, page = open_cms(pw, editor, refused)
        page.goto(editor.url + f"admin/#/collections/procedures/entries/{PROCEDURE}")
        page.get_by_role("button", name="lần công bố").click()  # add a change at the end of the history
        pick(page, "Loại", "Sửa đổi")
        page.get_by_label("Số quyết định").last.fill("4120/QĐ-UBND")
        page.get_by_label("Ngày quyết định").last.fill("2026-11-02")
        page.get_by_label("Ghi chú").last.fill("Rút ngắn thời hạn giải quyết.")
        publish(page)
        wait_for(lambda: "4120/QĐ-UBND" in path.read_text(encoding="utf-8"), "the saved procedure", page)
        browser.close()
    assert refused == []

    after = path.read_text(encoding="utf-8")
    assert after.index("3158/QĐ-UBND") < after.index("4120/QĐ-UBND"), "added last (oldest first)"
    assert "## Căn cứ pháp lý" in after and after.split("---\n", 2)[2] == before.split("---\n", 2)[2], \
        "the body with its legal sections is kept as it was"

    site = check_and_build(editor, tmp_path)
    page = (site / "thu-tuc" / PROCEDURE / "index.html").read_text(encoding="utf-8")
    assert "4120/QĐ-UBND" in page and "02/11/2026" in page
    parsed = feedparser.parse((site / "feeds" / "thu-tuc.atom.xml").read_bytes())
    assert any("4120/QĐ-UBND" in (entry.get("summary", "") + entry.get("content", [{}])[0].get("value", "")
                                   + entry.title) for entry in parsed.entries)


def test_a_unit_edited_in_the_web_editor_keeps_what_the_form_does_not_show(editor, tmp_path):
    """units.yml rewritten by the CMS: the one change, and the renaming and end of a unit kept."""
    import yaml
    from playwright.sync_api import sync_playwright

    path = editor.root / "content" / "units.yml"
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    unit = "hp-phong-gddt-thuy-nguyen"  # has former_names and ended, which the form does not show
    refused: list[str] = []
    with sync_playwright() as pw:
        browser, page = open_cms(pw, editor, refused)
        page.goto(editor.url + "admin/#/collections/reference/entries/units")
        row = page.get_by_text(f"Phòng Giáo dục và Đào tạo thành phố Thủy Nguyên ({unit})")
        row.scroll_into_view_if_needed()
        row.locator("xpath=..").locator("button").first.click()  # open this unit
        page.get_by_label("Đường dây nóng").locator("visible=true").first.fill("0225 3872 111")
        publish(page)
        wait_for(lambda: "3872 111" in path.read_text(encoding="utf-8"), "the saved units.yml", page)
        browser.close()
    assert refused == []

    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    changed = [(a["id"], key) for a, b in zip(before["units"], after["units"], strict=True)
               for key in set(a) | set(b) if a.get(key) != b.get(key)]
    assert changed == [(unit, "hotline")]
    assert after["groups"] == before["groups"]
    check_and_build(editor, tmp_path)
