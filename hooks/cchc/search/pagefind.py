"""Writing the Pagefind bundle: records sent to ``pagefind --service`` from a thread.

``Indexer`` feeds the records made by ``records.py`` to Pagefind in a background
thread while MkDocs renders the pages; the words go in folded (``folding.py``).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from cchc.search.folding import folded_words, index_form, restore_code
from cchc.search.records import SearchRecord
from cchc.search.stable import stabilize

LANGUAGE = "vi"
OUTPUT_DIR = "pagefind"  # under the site folder; the browser loads pagefind/pagefind.js from there

_UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)



# -- the Pagefind service -------------------------------------------------------------------


@dataclass
class IndexStats:
    records: int
    seconds: float
    bytes: int  # the whole bundle on disk
    path: Path


class PagefindError(RuntimeError):
    """The Pagefind binary is missing, stopped, or refused a request."""


def _pagefind_binary() -> str:
    from pagefind.service import get_executable  # the pagefind package; the binary is pagefind_bin's

    binary = get_executable()
    if binary is None:
        raise PagefindError("the pagefind binary was not found (install pagefind[bin] from requirements.txt)")
    return str(binary)


class _Service:
    """A client of ``pagefind --service``, the backend of Pagefind's Python API.

    ``pagefind.index.PagefindIndex`` (1.5.2) waits 0.1 s before reading each reply,
    which makes 1,000 records take 100 s. This client speaks the same protocol (one
    base64 JSON message per request, ended by a comma, and one reply per request)
    but writes all requests from a thread and reads replies as they come: 5,000
    records take about a second. Pinned with pagefind[bin] in requirements.txt.
    """

    def __init__(self) -> None:
        self._proc = subprocess.Popen([_pagefind_binary(), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._next_id = 0

    def _message(self, payload: dict) -> bytes:
        self._next_id += 1
        return base64.b64encode(json.dumps({"message_id": self._next_id, "payload": payload}).encode()) + b","

    def _replies(self, count: int):
        assert self._proc.stdout is not None
        pending: list[bytes] = []  # the start of a reply not yet ended (GetFiles' is megabytes)
        while count:
            chunk = self._proc.stdout.read1(1 << 16)
            if not chunk:
                raise PagefindError("pagefind stopped before answering")
            *done, rest = chunk.split(b",")
            if done:
                done[0] = b"".join([*pending, done[0]])
                pending = []
            pending.append(rest)
            for raw in done:
                reply = json.loads(base64.b64decode(raw))
                payload = (reply or {}).get("payload") or {}
                if payload.get("type") == "Error":
                    raise PagefindError(payload.get("message", "unknown error"))
                count -= 1
                yield payload

    def run(self, payloads, count: int | None = None) -> list[dict]:
        """Send ``payloads`` in order and return the replies.

        ``payloads`` may be a generator (then ``count`` says how many it yields): each
        message is made and written by the writer thread while Pagefind answers the
        earlier ones, so the requests are never all in memory at once.
        """
        if count is None:
            payloads = list(payloads)
            count = len(payloads)
        assert self._proc.stdin is not None
        failed: list[BaseException] = []

        def feed() -> None:
            try:
                for payload in payloads:
                    self._proc.stdin.write(self._message(payload))
                self._proc.stdin.flush()
            except BrokenPipeError:
                pass  # the reader reports that pagefind stopped
            except BaseException as exc:  # a bad record: stop Pagefind so the reader stops too
                failed.append(exc)
                self._proc.kill()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        try:
            replies = list(self._replies(count))
        except PagefindError:
            writer.join()
            if failed:
                raise failed[0] from None
            raise
        writer.join()
        return replies

    def close(self) -> None:
        try:
            if self._proc.stdin:
                self._proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            # On a loaded machine Pagefind can take seconds to exit; only a hung one is killed
            # (killing a process that may still be writing risks a truncated index).
            self._proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout:
            self._proc.stdout.close()


# -- writing the Pagefind bundle -----------------------------------------------------------


def _payloads(records: list[SearchRecord], index_id: str):
    for rec in records:
        words = rec.words()
        folded = folded_words(words)
        meta = {k: index_form(v) for k, v in rec.meta.items()}
        code = restore_code(words, folded)
        if code:
            meta["r"] = code
        yield {"type": "AddRecord", "index_id": index_id, "url": "/" + rec.url.lstrip("/"), "content": folded,
               "language": LANGUAGE, "meta": meta, "filters": rec.filters, "sort": rec.sort or None}


def _write(records: list[SearchRecord], out: Path) -> None:
    service = _Service()
    try:
        (created,) = service.run([{"type": "NewIndex", "config": {"force_language": LANGUAGE}}])
        index_id = created["index_id"]
        service.run(_payloads(records, index_id), len(records))
        (bundle,) = service.run([{"type": "GetFiles", "index_id": index_id}])
    finally:
        service.close()  # Pagefind exits: its memory (the whole index) is freed here
    # The files are written here, not by Pagefind's WriteFiles: its reply can come before its
    # files are on disk (an empty pagefind-entry.json was seen on a loaded machine).
    root = out.resolve()
    for file in bundle["files"]:
        path = (out / file["path"]).resolve()
        if not path.is_relative_to(root):
            raise PagefindError(f"pagefind returned a file outside its folder: {file['path']!r}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(file["content"]))


def write_index(records: list[SearchRecord], site_dir: Path) -> IndexStats:
    """Write the Pagefind bundle for ``records`` to ``site_dir/pagefind/`` (replacing any old one).

    Records go to Pagefind as custom records made from the model rather than by letting
    Pagefind read the built pages (``data-pagefind-*`` attributes): measured with
    ``cchc measure-search --compare``, the two take the same time, but only records
    let the index hold folded words while the pages show accented ones, which is what
    keeps the first query small; and the pages' templates need no search markup. It
    also means the index can be written while the pages are rendered (``Indexer``).
    """
    started = time.perf_counter()
    out = Path(site_dir) / OUTPUT_DIR
    if out.exists():
        shutil.rmtree(out)
    _write(records, out)
    for name in _UNUSED_BUNDLE_FILES:
        (out / name).unlink(missing_ok=True)
    stabilize(out)  # same records, same bytes (Pagefind orders filters at random)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return IndexStats(len(records), time.perf_counter() - started, size, out)


class Indexer:
    """``write_index`` in a background thread: started as soon as the records are known,
    waited for at the end of the build.

    Pagefind is another process and the thread mostly waits on it, so the index is
    written on the second core while the pages are rendered; the Python work of making
    the requests (folding, JSON) is the only part that shares the interpreter.
    ``make_records`` is called in the thread.
    """

    def __init__(self, make_records, site_dir: Path) -> None:
        self._make_records = make_records
        self._site_dir = Path(site_dir)
        self._result: IndexStats | BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="cchc-search-index", daemon=True)
        self.started = time.perf_counter()

    def start(self) -> Indexer:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self._result = write_index(self._make_records(), self._site_dir)
        except BaseException as exc:  # handed to wait()
            self._result = exc

    def wait(self) -> IndexStats:
        """The bundle's figures once it is written; raises what writing it raised."""
        self._thread.join()
        if isinstance(self._result, BaseException):
            raise self._result
        assert self._result is not None
        return self._result
