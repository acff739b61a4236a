"""Bytes a reader downloads from nginx (scripts/serve/nginx-cchc.conf) and from `python -m http.server`.

    .venv/bin/cchc measure-serving                  # build the demo, serve it both ways
    .venv/bin/cchc measure-serving --site site/     # an already built site (its own site_url)

Each page is opened in headless Chromium (Debian's, through playwright) at phone size
with an empty cache; the bytes on the wire of every response from the site (its
workers' too: Pagefind searches in a Web Worker) are added up (headers and body as
sent, see Meter), next to the bytes of the files themselves. The demo is built with
mkdocs.yml's own site_url, so requests Material makes to that host (its
feeds/sitemap.xml, issue 10) reach neither server and are not counted. "Next page" is
a second page opened in the same tab after the first (the cache is warm: what the cache
headers save). "First search" is the home page's search
box opened and "thu tuc hanh chinh" typed, counting what is fetched from then on
(Pagefind's script, WebAssembly, index and the first results' fragments).
Issue 10's Lighthouse script did not exist when this was written: these are transfer
sizes, not Lighthouse scores.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import tempfile
import threading
from pathlib import Path

from cchc.publish.nginx import REPO, LocalNginx
from cchc.publish.precompress import precompress

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUERY = "thu tuc hanh chinh"
PAGES = [
    ("home", ""),
    ("news item", "tin-tuc/2025/2025-06-25-le-chan-ban-giao-ho-so/"),
    ("procedure", "thu-tuc/cap-ban-sao-van-bang-chung-chi-tu-so-goc/"),
    ("plan (task table)", "ke-hoach/hp-sgddt-kh-tuyen-truyen-cchc-2023/"),
    ("all tasks", "nhiem-vu/"),
    ("unit column", "don-vi/hp-so-gddt/"),
]


class Meter:
    """Bytes on the wire of every response from the site, in one browser context (its workers too).

    Body bytes as sent (compressed or not: Playwright's ``sizes()``, or Content-Length
    where Chromium gives no size, as for a worker's script) plus the response headers;
    "files" are the sizes of the same files in the site folder (uncompressed).
    """

    def __init__(self, context, origin: str, site: Path):
        self.origin, self.site = origin, site
        self.entries: list[tuple[str, int, int, int]] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        if not request.url.startswith(self.origin):
            return
        response = request.response()
        if response is None:
            return
        sizes = request.sizes()
        body = sizes["responseBodySize"] or int(response.headers.get("content-length", 0) or 0)
        path = request.url[len(self.origin):].split("?")[0]
        local = self.site / path / "index.html" if path.endswith("/") or not path else self.site / path
        size = local.stat().st_size if response.status == 200 and local.is_file() else 0
        self.entries.append((path, response.status, sizes["responseHeadersSize"] + body, size))

    def take(self) -> dict:
        out = {"wire": sum(e[2] for e in self.entries), "body": sum(e[3] for e in self.entries),
               "requests": len(self.entries), "files": self.entries}
        self.entries = []
        return out


def measure(browser, base: str, site: Path) -> dict:
    results = {}
    for label, path in PAGES:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        meter = Meter(context, base, site)
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        results[label] = meter.take()
        if label == "home":
            page.keyboard.press("/")
            page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
            page.keyboard.type(QUERY)
            page.wait_for_function("(q) => document.querySelector('[data-cchc-search]').dataset.cchcSearchDone"
                                   "?.startsWith(q)", arg=QUERY, timeout=30000)
            page.wait_for_load_state("networkidle")
            results["first search"] = meter.take()
            page.goto(base + PAGES[1][1])
            page.wait_for_load_state("networkidle")
            results["next page (warm cache)"] = meter.take()
        context.close()
    return results


def serve_python(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def table(runs: dict[str, dict]) -> str:
    names = list(runs)
    head = "| page | files | " + " | ".join(f"{n} (wire)" for n in names) + " | saved |"
    lines = [head, "|---|---:|" + "---:|" * (len(names) + 1)]
    for label in runs[names[0]]:
        first = runs[names[0]][label]
        wires = [runs[n][label]["wire"] for n in names]
        saved = 1 - wires[-1] / wires[0] if wires[0] else 0
        cells = [f"{w / 1000:.0f} kB ({runs[n][label]['requests']})" for n, w in zip(names, wires, strict=True)]
        lines.append(f"| {label} | {first['body'] / 1000:.0f} kB | " + " | ".join(cells) + f" | {saved:.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc measure-serving", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the demo into a tmp folder)")
    parser.add_argument("--json", type=Path, help="also write every response's sizes to this file")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="cchc-serving-") as tmp:
        site = args.site
        if site is None:
            from mkdocs.commands.build import build
            from mkdocs.config import load_config

            site = Path(tmp) / "site"
            print(f"building the demo into {site} ...", file=sys.stderr)
            build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site)))
            precompress(site)  # as cchc deploy does
        httpd = serve_python(site)
        runs = {}
        with LocalNginx(site, Path(tmp) / "nginx") as nginx, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                runs["http.server"] = measure(browser, f"http://127.0.0.1:{httpd.server_port}/", site)
                runs["nginx"] = measure(browser, nginx.url, site)
            finally:
                browser.close()
                httpd.shutdown()
    print(table(runs))
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
