"""Bytes a browser downloads for a first search query, by running the search's own JavaScript.

Run as a script by a python that has playwright (``.venv`` once requirements-test.txt has it,
else ``.bench/peers-venv``); it drives Debian's /usr/bin/chromium, never a downloaded browser:

    python search_probe.py SITE_DIR --engine pagefind|material [--query "thu tuc"]

It serves SITE_DIR on 127.0.0.1 (a random port) with a server that counts every byte it
sends, opens the home page in a fresh browser context (empty cache), types the query into
the page's search box the way a user would, waits until the results are shown and the
network is quiet, and prints one JSON object:

    {"bytes": ..., "requests": [[path, bytes], ...], "method": "ui" | "api", "results": ...}

``bytes`` counts what the search needs: every response under the search's own folders
(Pagefind's bundle, found by its ``pagefind-entry.json``; Material's ``search/`` index,
search worker and lunr scripts), whether fetched at page load or at the query, plus
anything else first fetched after the query was typed. The page itself, its theme CSS/JS
and fonts are not counted (they are the same with or without search).

When the page has no search box that triggers Pagefind (``method: "api"``), the query is run
through Pagefind's own JS API from the page (``pagefind.js``: ``init``, ``search``, then
``data()`` of the first 5 results, as Pagefind's UI shows 5 at first).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BOX_SELECTORS = [
    ".pagefind-ui__search-input", "input[type=search]", "#search input", "input[name=q]",
    "input.md-search__input", "[data-pagefind-search] input", "input[placeholder]",
]
MATERIAL_PATHS = ("/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


class _Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries: list[tuple[float, str, int]] = []

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.entries.append((time.monotonic(), path, size))


def _handler(log: _Log, root: str):
    class Handler(SimpleHTTPRequestHandler):
        extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                          ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}

        def copyfile(self, source, outputfile):
            start = source.tell()
            super().copyfile(source, outputfile)
            log.add(self.path.split("?", 1)[0], source.tell() - start)

        def log_message(self, *args):
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

    return functools.partial(Handler, directory=root)


def _bundle_dir(site: Path) -> str | None:
    for base, _, names in os.walk(site):
        if "pagefind-entry.json" in names:
            rel = Path(base).relative_to(site).as_posix()
            return "/" + ("" if rel == "." else rel + "/")
    return None


def _quiet(log: _Log, since: float, seconds: float = 1.5, limit: float = 20.0) -> None:
    """Wait until nothing was served for ``seconds`` (at most ``limit``)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        with log.lock:
            last = max([t for t, _, _ in log.entries if t >= since] or [since])
        if time.monotonic() - last >= seconds:
            return
        time.sleep(0.1)


def _open_search_box(page):
    """Open the page's search the way a phone user does, and return its (focused) box, or None."""
    for label in page.locator("label[for=__search]").all():  # Material's search button
        try:
            if label.is_visible():
                label.click(timeout=3000)
                break
        except Exception:
            page.evaluate("() => { const t = document.getElementById('__search');"
                          " if (t) { t.checked = true; t.dispatchEvent(new Event('change')); } }")
            break
    for selector in BOX_SELECTORS:
        found = page.locator(selector)
        if found.count():
            box = found.first
            try:
                box.focus(timeout=3000)
            except Exception:
                continue
            return box
    return None


def probe(site: Path, engine: str, query: str, chromium: str) -> dict:
    from playwright.sync_api import sync_playwright

    bundle = _bundle_dir(site) if engine == "pagefind" else None
    if engine == "pagefind" and bundle is None:
        return {"bytes": None, "error": "no Pagefind bundle (pagefind-entry.json) in the output"}
    search_paths = (bundle,) if bundle else MATERIAL_PATHS
    log = _Log()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(log, str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    method, results = "ui", None
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
            page = context.new_page()
            page.goto(base, wait_until="load")
            _quiet(log, time.monotonic() - 5, 1.0)
            typed = time.monotonic()
            box = _open_search_box(page)
            if box is not None:
                try:
                    box.press_sequentially(query, delay=60, timeout=10000)
                    _quiet(log, typed, 1.5)
                except Exception:  # a box we cannot type in: the API below still measures
                    box = None
            if engine == "material":
                try:  # the worker builds its lunr index from the whole search_index.json first
                    page.wait_for_selector(".md-search-result__item", timeout=120000)
                except Exception:
                    pass
                _quiet(log, typed, 1.0)
                results = page.locator(".md-search-result__item").count()
            elif not any(p.startswith(bundle) for _, p, _ in log.entries):
                method = "api"
                results = page.evaluate(
                    """async ([bundle, q]) => {
                        const pf = await import(bundle + "pagefind.js");
                        if (pf.options) await pf.options({});
                        await pf.init();
                        const s = await pf.search(q);
                        await Promise.all(s.results.slice(0, 5).map(r => r.data()));
                        return s.results.length;
                    }""", [bundle, query])
                _quiet(log, typed, 1.0)
            else:
                # results shown = result fragments the page fetched
                results = sum(1 for _, p, _ in log.entries if p.startswith(bundle + "fragment/"))
            browser.close()
    finally:
        server.shutdown()
    counted = [(p, n) for t, p, n in log.entries if t >= typed or p.startswith(search_paths)]
    return {"bytes": sum(n for _, n in counted), "requests": counted, "method": method, "results": results,
            "query": query}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--engine", choices=["pagefind", "material"], required=True)
    parser.add_argument("--query", default="thu tuc")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    try:
        result = probe(args.site.resolve(), args.engine, args.query, args.chromium)
    except Exception as exc:  # report, do not crash the benchmark
        result = {"bytes": None, "error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
