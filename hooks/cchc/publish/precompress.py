"""Precompressed copies of the built site's text files, for nginx's ``gzip_static`` and ``brotli_static``.

A step of publication, not of every build: ``cchc deploy`` runs it on the checked build
before swapping it in, ``cchc precompress`` on a folder built some other way; ``mkdocs
build`` and ``mkdocs serve`` write no copies (a preview, a test or a benchmark build has
no web server to send them: at 5,000 items they cost about 8 s of CPU and 13,000 files).

``precompress(site_dir)`` writes ``<file>.gz`` (gzip level 9, mtime 0, no file name in
the header) and, when the ``brotli`` package is installed, ``<file>.br`` next to every
HTML, CSS, JS, XML (feeds, sitemap, XSL), JSON, SVG, CSV and TXT file. The copies are
deterministic: the same file gives the same bytes in every build. A copy that would not
be smaller than its file is not written (a stale one from an earlier build is removed),
so the server then sends the file itself.

Pagefind's own index files (``*.pf_fragment``, ``*.pf_index``, ``*.pf_filter``,
``*.pf_meta`` and ``wasm.*.pagefind``) are gzip streams already, unpacked by
``pagefind.js`` in the browser: they get no ``.gz`` copy and are served as they are.
One exception: its WebAssembly (``wasm.*.pagefind``, 68 kB, fetched by every first
search, the same in every build of a Pagefind version) gets a ``.br`` copy of its
unpacked content, 13% smaller: the browser undoes the Brotli and ``pagefind.js`` takes
data that already starts with its "pagefind_dcd" signature as it is (its own code path
for servers that unpack). Brotli at the quality that pays (11) is too slow for the
thousands of fragments of a large site, so the other index files stay gzip. Its
``pagefind.js``, ``pagefind-worker.js`` and ``pagefind-entry.json`` are compressed like
any script or JSON file.

Brotli quality: 11 (smallest, about 1 MB/s) for CSS, JS and SVG, the few files every
reader fetches (Material's and Pagefind's are the same in every build: their copies are
kept in memory for the next build of the same process, e.g. the test suite); 5 for the
site's own pages, feeds and data (thousands of files, about 20 to 60 MB/s, still about
7% smaller than gzip -9).
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cchc.messages import say

try:  # optional: pinned in requirements.txt, but a site without it still gets .gz copies
    import brotli
except ImportError:  # pragma: no cover - exercised only where brotli is not installed
    brotli = None

SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".xml", ".xsl", ".json", ".svg", ".csv", ".txt"})
ASSET_SUFFIXES = frozenset({".css", ".js", ".mjs", ".svg"})
PAGEFIND_WASM = ".pagefind"  # wasm.<language>.pagefind: gzip of "pagefind_dcd" + the WebAssembly
PAGEFIND_SIGNATURE = b"pagefind_dcd"
GZIP_LEVEL = 9
BROTLI_ASSET_QUALITY = 11
BROTLI_PAGE_QUALITY = 5
# Folders (relative to the site) that get no copies: Material's own search, copied into every
# site but never loaded (search is Pagefind, "plugins: []"), and the web editor's 6 MB bundle
# (Brotli 11 would add seconds to every publication for the few editors who load it, once,
# then from their browser's cache).
NOT_PRECOMPRESSED = ("assets/javascripts/lunr", "assets/javascripts/workers", "admin")

# (sha256 of a CSS/JS/SVG file, encoding) -> its compressed copy, for the next build.
_asset_copies: dict[tuple[bytes, str], bytes] = {}


@dataclass
class Report:
    """What one run wrote: files looked at, copies written, bytes before and after (per encoding)."""

    files: int = 0
    written: dict[str, int] = field(default_factory=dict)
    original: dict[str, int] = field(default_factory=dict)
    compressed: dict[str, int] = field(default_factory=dict)

    def add(self, encoding: str, original: int, compressed: int) -> None:
        self.written[encoding] = self.written.get(encoding, 0) + 1
        self.original[encoding] = self.original.get(encoding, 0) + original
        self.compressed[encoding] = self.compressed.get(encoding, 0) + compressed

    def summary(self) -> str:
        """One line, in Vietnamese, for the person publishing."""
        parts = [say("precompressed_part", encoding=enc, count=self.written[enc],
                     before=f"{self.original[enc] / 1e6:.1f}", after=f"{self.compressed[enc] / 1e6:.1f}")
                 for enc in sorted(self.written)]
        return say("precompressed", files=self.files, parts="; ".join(parts) or say("precompressed_none"))


def encodings() -> list[str]:
    """The copies this installation writes: ``gz``, and ``br`` when the brotli package is there."""
    return ["gz", "br"] if brotli is not None else ["gz"]


def gzip_bytes(data: bytes) -> bytes:
    """gzip level 9, modification time 0 and no file name: the same input always gives the same bytes."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def brotli_bytes(data: bytes, asset: bool) -> bytes:
    if brotli is None:
        raise RuntimeError("the brotli package is not installed")
    quality = BROTLI_ASSET_QUALITY if asset else BROTLI_PAGE_QUALITY
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)


def candidates(site_dir: Path, skip: Iterable[str] = ()) -> list[Path]:
    """The files to compress, sorted; ``skip`` holds folder paths relative to ``site_dir`` (``a/b``)."""
    skipped = tuple(s.strip("/") + "/" for s in skip)
    found = []
    for path in site_dir.rglob("*"):
        if path.suffix.lower() not in SUFFIXES | {PAGEFIND_WASM} or not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        if not rel.startswith(skipped):
            found.append(path)
    return sorted(found)


def _pagefind_wasm_copy(path: Path) -> list[tuple[str, int, int]]:
    """``.br`` of the unpacked Pagefind WebAssembly, when brotli is there and it is smaller."""
    sent = path.read_bytes()
    target = path.with_name(path.name + ".br")
    packed = None
    if brotli is not None:
        digest = hashlib.sha256(sent).digest()
        packed = _asset_copies.get((digest, "br"))
        if packed is None:
            try:
                raw = gzip.decompress(sent)
            except (OSError, EOFError):  # not gzip: a Pagefind version that writes another format
                raw = b""
            packed = brotli.compress(raw, quality=BROTLI_ASSET_QUALITY) if raw.startswith(PAGEFIND_SIGNATURE) else b""
            _asset_copies[(digest, "br")] = packed
    if packed and len(packed) < len(sent):
        target.write_bytes(packed)
        return [("br", len(sent), len(packed))]
    if target.exists():
        target.unlink()
    return []


def _compress_one(path: Path, kinds: list[str]) -> list[tuple[str, int, int]]:
    """Write the copies of the file at ``path``: (encoding, bytes before, bytes after) of each."""
    if path.suffix.lower() == PAGEFIND_WASM:
        return _pagefind_wasm_copy(path)
    data = path.read_bytes()
    asset = path.suffix.lower() in ASSET_SUFFIXES
    done = []
    digest = hashlib.sha256(data).digest() if asset else b""
    for enc in kinds:
        packed = _asset_copies.get((digest, enc)) if asset else None
        if packed is None:
            packed = gzip_bytes(data) if enc == "gz" else brotli_bytes(data, asset)
            if asset:
                _asset_copies[(digest, enc)] = packed
        target = path.with_name(f"{path.name}.{enc}")
        if len(packed) < len(data):
            target.write_bytes(packed)
            done.append((enc, len(data), len(packed)))
        elif target.exists():  # a copy left by an earlier (dirty) build would be served stale
            target.unlink()
    return done


def precompress(site_dir: Path, skip: Iterable[str] = NOT_PRECOMPRESSED, workers: int | None = None) -> Report:
    """Write the ``.gz`` (and ``.br``) copies of the text files under ``site_dir``.

    zlib and brotli release the GIL, so the files are compressed in threads (one per core).
    """
    files = candidates(site_dir, skip)
    kinds = encodings()
    report = Report(files=len(files))
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        for results in pool.map(lambda p: _compress_one(p, kinds), files):
            for enc, before, after in results:
                report.add(enc, before, after)
    return report
