"""Measure the preview of ``mkdocs serve``: how long an edit takes to show (issue 15).

    .venv/bin/cchc measure-preview                  # the benchmark's 5,000-item site
    .venv/bin/cchc measure-preview --items 1000 --edits 3
    .venv/bin/cchc measure-preview --site .          # this site's own content/

Starts ``mkdocs serve`` on the site, waits for its first build, then edits the title
and body of one news item at a time (the newest ones, which the news listing's first
page shows) and polls, over HTTP as the reloaded browser would fetch them: the item's
page until it shows the new title ("page"), the news listing's first page ("listing"),
and the site's news feed and serve's log line saying the search index is written
("full": listings, unit columns, feeds and search). Each file is restored at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from cchc import urls
from cchc.bench import REPO, generate
from cchc.config import build_time_from
from cchc.content.loader import load_site

DONE_LINE = "bản tin và chỉ mục tìm kiếm trong"  # what the hook logs when an edit's refresh is complete
PREVIEW_LINE = "xem trước: "  # every line of the preview (say("preview_..."))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_serve(root: Path, port: int, log: Path, build_date: str) -> subprocess.Popen:
    """``mkdocs serve`` of the site at ``root`` on ``port``; its output goes to ``log``."""
    mkdocs = REPO / ".venv" / "bin" / "mkdocs"
    sink = open(log, "wb")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen([str(mkdocs), "serve", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                            cwd=root, stdout=sink, stderr=subprocess.STDOUT,
                            env={**os.environ, "CCHC_BUILD_DATE": build_date, "NO_MKDOCS_2_WARNING": "1"})


def stop_serve(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as reply:
            return reply.read().decode("utf-8")
    except (urllib.error.URLError, OSError, http.client.HTTPException):  # also a file being rewritten
        return None


def wait_until(check: Callable[[], bool], timeout: float, proc: subprocess.Popen | None = None,
               interval: float = 0.05) -> float:
    """Seconds until ``check()`` is true; raises TimeoutError (or RuntimeError if ``proc`` ends)."""
    start = time.perf_counter()
    while not check():
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit code {proc.returncode})")
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"not seen within {timeout:.0f} s")
        time.sleep(interval)
    return time.perf_counter() - start


def edit_news(path: Path, title: str, paragraph: str) -> None:
    """Give the news file at ``path`` a new title and add a paragraph to its body."""
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r"^title:.*$", lambda _m: "title: " + json.dumps(title, ensure_ascii=False), text,
                          count=1, flags=re.M)
    if not count:
        raise SystemExit(f"{path}: no title line")
    path.write_text(text.rstrip("\n") + "\n\n" + paragraph + "\n", encoding="utf-8")


def idle(log: Path) -> bool:
    """Whether serve has finished its last full build (so an edit is not timed behind one)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return "Serving on" in text and text.rfind("Documentation built") > text.rfind("Building documentation...")


def log_count(log: Path) -> int:
    return log.read_text(encoding="utf-8", errors="replace").count(DONE_LINE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc measure-preview", description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=5000, help="items of the benchmark's site (default 5000)")
    parser.add_argument("--site", type=Path, help="measure this site folder instead (its content/ is edited "
                        "and restored)")
    parser.add_argument("--edits", type=int, default=5, help="edits to time (default 5)")
    parser.add_argument("--workdir", type=Path, default=REPO / ".bench", help="work folder (default .bench/)")
    args = parser.parse_args(argv)

    if args.site:
        root, build_date = args.site.resolve(), os.environ.get("CCHC_BUILD_DATE", "")
    else:
        from cchc.commands.bench import prepare_ours

        root, build_date = args.workdir.resolve() / f"preview-n{args.items}", generate.BUILD_DATE
        print(f"N = {args.items}: generating ...", flush=True)
        prepare_ours(generate.make_site(args.items), root)
    result = load_site(root, build_time_from(build_date or None), bodies=False)
    if result.site is None:
        raise SystemExit("the site's content/ has errors: run cchc check")
    items = result.site.news[:args.edits]
    originals = {item.source.path: (root / item.source.path).read_text(encoding="utf-8") for item in items}
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = args.workdir.resolve() / "preview-serve.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    proc = start_serve(root, port, log, build_date)
    feed = base + urls.feed_path(urls.NEWS_FEED, "rss")
    rows = []
    try:
        first = wait_until(lambda: fetch(base) is not None and idle(log), 1800, proc)
        print(f"mkdocs serve: first build {first:.1f} s; {args.edits} edits, one at a time", flush=True)
        for k, item in enumerate(items, start=1):
            marker = f"Bản sửa số {k} của tin"
            title = f"{marker}: {item.title}"
            done_before = log_count(log)
            started = time.perf_counter()
            edit_news(root / item.source.path, title, f"Đoạn thêm khi sửa lần {k}.")
            page = base + urls.item_url(item)
            shown = wait_until(lambda u=page, m=marker: m in (fetch(u) or ""), 600, proc, 0.02)
            listing = wait_until(lambda m=marker: m in (fetch(base + "tin-tuc/") or ""), 600, proc)
            wait_until(lambda m=marker: m in (fetch(feed) or ""), 600, proc)
            wait_until(lambda n=done_before: log_count(log) > n, 600, proc)
            full = time.perf_counter() - started
            rows.append((k, shown, shown + listing, full))
            print(f"  edit {k}: page {shown:.2f} s, listing {shown + listing:.2f} s, full refresh {full:.2f} s",
                  flush=True)
            time.sleep(1)
    finally:
        stop_serve(proc)
        for rel, text in originals.items():
            (root / rel).write_text(text, encoding="utf-8")
    print()
    print("| edit | page shows the new title | news listing | full refresh (listings, feeds, search) |")
    print("|---:|---:|---:|---:|")
    for k, shown, listing, full in rows:
        print(f"| {k} | {shown:.2f} s | {listing:.2f} s | {full:.2f} s |")
    med = [statistics.median(col) for col in zip(*[r[1:] for r in rows], strict=True)]
    print(f"| median | {med[0]:.2f} s | {med[1]:.2f} s | {med[2]:.2f} s |")
    previewed = log.read_text(encoding="utf-8", errors="replace").count(PREVIEW_LINE)
    print(f"\n(serve's log: {log}; {previewed} preview lines, load average {os.getloadavg()[0]:.1f})")
    return 0
