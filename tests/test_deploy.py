"""``cchc deploy``: the live folder is always the old complete site or the new complete one.

Each test runs the real command as a subprocess on a tiny site (``--root``), as an
operator would, and compares the live folder, file by file, with what it was.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import brotli
from conftest import BUILD_DATE, NEWS

DEPLOY = [sys.executable, "-m", "cchc", "deploy"]
ENV = {**os.environ, "CCHC_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}


def deploy(root: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*DEPLOY, "--root", str(root)], env=ENV, capture_output=True,
                          text=True, timeout=600, **kwargs)


def output(result: subprocess.CompletedProcess) -> str:
    """What the command printed (its build's log included), for a failure's message."""
    return (result.stdout + result.stderr)[-3000:]


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_complete(live: Path, news_url: str) -> None:
    for name in ("index.html", "404.html", "sitemap.xml", "pagefind/pagefind-entry.json", "feeds/tin-tuc.rss.xml",
                 f"{news_url}index.html"):
        assert (live / name).is_file(), name


def news(n: int, title: str = "Tin") -> str:
    return (NEWS.replace("id: tin-hoi-nghi", f"id: tin-{n}").replace('tasks: ["kh-2024#1"]\n', "")
            .replace("title: Hội nghị triển khai cải cách hành chính năm 2024", f"title: {title} số {n}"))


def test_good_build_replaces_the_live_site_in_one_step(site_factory):
    site = site_factory()
    first = deploy(site.root)
    assert first.returncode == 0, output(first)
    live = site.root / "site"
    assert_complete(live, "tin-tuc/2024/tin-hoi-nghi/")
    old = tree(live)
    site.write("content/news/2024/tin-1.md", news(1, "Tin mới đăng"))
    missing: list[float] = []
    done = threading.Event()

    def watch() -> None:  # a web server reading the live folder while the deploy runs
        while not done.is_set():
            if not (live / "index.html").is_file():
                missing.append(time.monotonic())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        second = deploy(site.root)
    finally:
        done.set()
        watcher.join()
    assert second.returncode == 0, output(second)
    assert missing == []  # the live folder never lacked its home page
    assert_complete(live, "tin-tuc/2024/tin-1/")
    page = live / "tin-tuc/2024/tin-1/index.html"
    assert "Tin mới đăng số 1" in page.read_text("utf-8")
    # the web server's copies of the new page went live with it
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()
    assert "Bản nén sẵn cho máy chủ web" in second.stdout
    assert tree(site.root / ".site-previous") == old  # the previous site, whole, for a rollback
    assert not (site.root / ".site-staging").exists()


def test_failed_build_leaves_the_live_site_as_it_was(site_factory):
    site = site_factory()
    good = deploy(site.root)
    assert good.returncode == 0, output(good)
    live = site.root / "site"
    old = tree(live)
    site.write("content/news/2024/hong.md", news(2).replace("date: 2024-02-20 08:30", "date: 20/02/2024"))
    result = deploy(site.root)
    assert result.returncode == 1
    assert "content/news/2024/hong.md" in result.stdout + result.stderr
    assert "trang đang chạy không bị thay đổi" in result.stderr
    assert tree(live) == old


def test_failed_check_leaves_the_live_site_as_it_was(site_factory):
    site = site_factory()
    good = deploy(site.root)
    assert good.returncode == 0, output(good)
    live = site.root / "site"
    old = tree(live)
    # A hand-written page that loads a picture from another host: the build passes, the check does not.
    site.write("docs/gioi-thieu.md", '# Giới thiệu\n\n<img src="https://cdn.example.com/logo.png" alt="logo">\n')
    result = deploy(site.root)
    assert result.returncode == 1, output(result)
    assert "gioi-thieu/index.html: tải https://cdn.example.com/logo.png từ máy chủ khác" in result.stderr
    assert tree(live) == old
    assert (site.root / ".site-staging" / "gioi-thieu" / "index.html").is_file()  # left to inspect


def test_killed_build_leaves_the_live_site_as_it_was_and_the_next_deploy_works(site_factory):
    site = site_factory()
    for n in range(40):  # enough pages that the build is still writing when it is killed
        site.write(f"content/news/2024/tin-{n}.md", news(n))
    good = deploy(site.root)
    assert good.returncode == 0, output(good)
    live = site.root / "site"
    old = tree(live)
    site.write("content/news/2024/tin-99.md", news(99, "Tin cuối"))
    staging = site.root / ".site-staging"
    proc = subprocess.Popen([*DEPLOY, "--root", str(site.root)], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            if staging.is_dir() and any(staging.rglob("*.html")):  # MkDocs is writing pages
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the deploy ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the deploy and the build it started
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert tree(live) == old
    assert not (live / "tin-tuc/2024/tin-99/index.html").exists()
    result = deploy(site.root)  # the half-written staging folder is replaced
    assert result.returncode == 0, output(result)
    assert_complete(live, "tin-tuc/2024/tin-99/")
    assert tree(site.root / ".site-previous") == old


def test_swap_never_leaves_the_live_folder_missing_or_mixed(tmp_path, monkeypatch):
    """After every file-system step of the swap, the live folder is one whole site."""
    from cchc.commands import deploy as module

    live, staging, previous = tmp_path / "site", tmp_path / ".site-staging", tmp_path / ".site-previous"
    for folder, text in ((live, "cũ"), (staging, "mới")):
        (folder / "a").mkdir(parents=True)
        (folder / "index.html").write_text(text, "utf-8")
        (folder / "a" / "index.html").write_text(text, "utf-8")
    seen: list[tuple[str, str] | None] = []

    def look() -> None:
        try:
            seen.append(((live / "index.html").read_text("utf-8"), (live / "a" / "index.html").read_text("utf-8")))
        except FileNotFoundError:
            seen.append(None)

    real_rename, real_exchange = Path.rename, module.exchange

    def rename(self, target):
        result = real_rename(self, target)
        look()
        return result

    def exchange(a, b):
        result = real_exchange(a, b)
        look()
        return result

    monkeypatch.setattr(Path, "rename", rename)
    monkeypatch.setattr(module, "exchange", exchange)
    module.swap_in(staging, live, previous)
    assert seen and all(state in (("cũ", "cũ"), ("mới", "mới")) for state in seen), seen
    assert seen[-1] == ("mới", "mới") and (previous / "index.html").read_text("utf-8") == "cũ"
