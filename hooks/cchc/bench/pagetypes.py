"""One page of each type a citizen opens, picked from a built site, and a local server for it.

Used by ``cchc lighthouse`` and by the phone browser tests (tests/test_phone_browser.py), so
both measure the same pages. For each type the largest page of that kind is picked (the most
tasks, the longest history, the longest list): the page most likely to overflow a phone screen
or miss a performance target. The 404 type is an address that does not exist, answered the
way a production web server answers it (``error_page 404 /404.html``): the site's 404 page
with status 404. Pages are sent with the production Content-Security-Policy of
scripts/serve/nginx-cchc.conf, so a page that needs an inline script fails here as it
would there.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cchc.bench import REPO

NGINX_CONF = REPO / "scripts" / "serve" / "nginx-cchc.conf"
MISSING = "khong-co-trang-nay/"


@dataclass(frozen=True)
class PageType:
    """A kind of page: its name in reports and the site paths (globs) that are of this kind."""

    name: str
    patterns: tuple[str, ...]


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", ("index.html",)),
    PageType("news item", ("tin-tuc/[0-9][0-9][0-9][0-9]/*/index.html",)),
    PageType("plan with tasks", ("ke-hoach/*/index.html",)),
    PageType("procedure", ("thu-tuc/*/index.html",)),
    PageType("unit column", ("don-vi/*/index.html",)),
    PageType("task tables", ("nhiem-vu/index.html",)),
    PageType("topic", ("chu-de/*/index.html",)),
    PageType("archive", ("luu-tru/[0-9][0-9][0-9][0-9]/index.html",)),
    PageType("feeds page", ("nguon-tin/index.html",)),
    PageType("404", ()),
)

# listing pages under the item folders: not items themselves
_NOT_ITEMS = {"thu-tuc/linh-vuc", "thu-tuc/thay-doi", "ke-hoach/trang", "tin-tuc/trang"}


@dataclass(frozen=True)
class PagePick:
    """One page to visit: its type and its address relative to the site root ("" is the home page)."""

    kind: str
    path: str
    status: int = 200


def pick_pages(site: Path) -> list[PagePick]:
    """One page per type of ``PAGE_TYPES`` in the built ``site`` (the largest of its kind).

    Raises ValueError naming the type when the site has no page of that kind.
    """
    picks = []
    for page_type in PAGE_TYPES:
        if not page_type.patterns:
            picks.append(PagePick(page_type.name, MISSING, 404))
            continue
        files = [f for pattern in page_type.patterns for f in site.glob(pattern)
                 if f.parent.relative_to(site).as_posix() not in _NOT_ITEMS]
        if not files:
            raise ValueError(f"{site}: no page of type '{page_type.name}' ({', '.join(page_type.patterns)})")
        largest = max(files, key=lambda f: (f.stat().st_size, f.as_posix()))
        rel = largest.parent.relative_to(site).as_posix()
        picks.append(PagePick(page_type.name, "" if rel == "." else rel + "/"))
    return picks


def production_csp(conf: Path = NGINX_CONF) -> str:
    """The Content-Security-Policy that the production server configuration sends with pages."""
    # the last policy of the map: the site's pages (the ones before it are for /admin/, the editor)
    found = ([None] + re.findall(r'^\s*"(default-src [^"]+)";', conf.read_text(encoding="utf-8"), re.M))[-1]
    if not found:
        raise ValueError(f"{conf}: no Content-Security-Policy (a line \"default-src ...\";) found")
    return found


# content types a production server compresses (nginx gzip_types, Apache mod_deflate)
_COMPRESS = ("text/", "javascript", "json", "xml", "svg")


def _handler(root: Path, compress: bool, csp: str | None):
    class Handler(http.server.SimpleHTTPRequestHandler):
        """Static files like a production server: 404.html for a missing page, gzip for text."""

        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".js": "text/javascript", ".mjs": "text/javascript",
                          ".wasm": "application/wasm", ".json": "application/json"}

        def log_message(self, *args) -> None:
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir() and not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the standard redirect to the address with a slash
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                missing = root / "404.html"
                body = missing.read_bytes() if missing.is_file() else b"Not found"
                return self._send(404, "text/html; charset=utf-8", body)
            return self._send(200, self.guess_type(str(path)), path.read_bytes())

        def _send(self, status: int, ctype: str, body: bytes):
            gzipped = (compress and "gzip" in self.headers.get("Accept-Encoding", "")
                       and any(kind in ctype for kind in _COMPRESS))
            if gzipped:
                body = gzip.compress(body, 6, mtime=0)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            if csp and ctype.startswith("text/html"):
                self.send_header("Content-Security-Policy", csp)
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            return io.BytesIO(body)

    return functools.partial(Handler, directory=str(root))


@contextlib.contextmanager
def serve(site: Path, compress: bool = True, csp: bool = True) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    policy = production_csp() if csp else None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, compress, policy))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()
