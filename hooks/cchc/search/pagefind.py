"""Writing the Pagefind bundle: records indexed in a child process while MkDocs renders.

``Indexer`` sends the records made by ``records.py`` over a pipe to a child process
(``python -m cchc.search.bundle``) from a background thread. There each record becomes
a ``Page``: its words folded (``folding.py``), its title and keywords weighted
(records.py, ``TITLE_WEIGHTS``), exactly the small HTML page ``page_html`` makes; and
``bundle.py`` writes Pagefind 1.5.2's index of those pages as they come, the same files
Pagefind writes for them (``oracle.py`` makes Pagefind's, for the tests), in a small
part of its memory. Pagefind's scripts and WebAssembly still come from the pinned
binary (``static_files``). Beside them goes ``cchc-search.pf_json`` (``EXTRAS_FILE``):
the words the index holds (so the box can tell a word the site does not have from one
it has, and suggest close ones), the synonyms and the answer cards.
"""

from __future__ import annotations

import base64
import gzip
import html
import itertools
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cchc.search.bundle import CHUNK_SIZE
from cchc.search.folding import folded_words, index_form, restore_code
from cchc.search.records import KEYWORD_WEIGHT, SearchRecord
from cchc.search.stable import stabilize
from cchc.search.synonyms import SynonymTable

LANGUAGE = "vi"
OUTPUT_DIR = "pagefind"  # under the site folder; the browser loads pagefind/pagefind.js from there
# In OUTPUT_DIR: words, synonyms, answer cards. Gzipped JSON, unpacked by the box, named like
# Pagefind's own gzipped files so no precompressed copy is made of it (cchc.publish.precompress).
EXTRAS_FILE = "cchc-search.pf_json"
EXTRAS_VERSION = 1

# Requests sent to ``pagefind --service`` and not yet answered, at most (``oracle.py``).
WINDOW = 16

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
    writer_mb: float | None = None  # the peak memory of the process that wrote it (Linux)


def peak_mb(pid: int | str = "self") -> float | None:
    """A live process's peak resident memory in MB (VmHWM; None where /proc has none).
    Unlike ru_maxrss, it leaves out what a child counted of its parent before exec."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) / 1024 if found else None


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

    def __init__(self, window: int = WINDOW) -> None:
        self._proc = subprocess.Popen([_pagefind_binary(), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._next_id = 0
        self._window = window

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
        in_flight = threading.BoundedSemaphore(self._window)
        stopped = threading.Event()

        def feed() -> None:
            try:
                for payload in payloads:
                    while not in_flight.acquire(timeout=0.5):  # at most `window` unanswered requests
                        if stopped.is_set():
                            return
                    self._proc.stdin.write(self._message(payload))
                    self._proc.stdin.flush()
            except BrokenPipeError:
                pass  # the reader reports that pagefind stopped
            except BaseException as exc:  # a bad record: stop Pagefind so the reader stops too
                failed.append(exc)
                self._proc.kill()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        replies: list[dict] = []
        try:
            for reply in self._replies(count):
                replies.append(reply)
                in_flight.release()
        except PagefindError:
            stopped.set()
            writer.join()
            if failed:
                raise failed[0] from None
            raise
        finally:
            stopped.set()
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


@dataclass
class SearchExtras:
    """What the box needs beside Pagefind's index: synonyms and answer cards (from the
    model, ``records.answer_cards``); the words are collected while the records are sent."""

    synonyms: SynonymTable = field(default_factory=SynonymTable)
    cards: dict[str, list[dict]] = field(default_factory=dict)


_PARTS = re.compile(r"[^\W_]+")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


class Vocabulary:
    """The terms Pagefind indexes (as ``synonyms.term_parts`` makes them), each with the
    number of records that hold it and the spelling readers see most."""

    def __init__(self) -> None:
        self.records: Counter[str] = Counter()  # term -> records that hold it
        self._words: Counter[str] = Counter()  # word as written -> records that hold it
        self._folded: dict[str, str] = {}  # word as written -> its folded form
        self._terms: dict[str, tuple[str, ...]] = {}  # folded word -> its terms
        # (term, spelling) -> records, from the records where a word is folded unlike in
        # ``_folded`` (none seen: a word is folded alike everywhere)
        self._pairs: Counter[tuple[str, str]] = Counter()

    def add(self, words: list[str], folded: list[str]) -> None:
        by_word = dict(zip(words, folded, strict=True))
        distinct = set(folded)
        terms = self._terms
        for word in [word for word in distinct if word not in terms]:
            parts = _PARTS.findall(word)
            terms[word] = ("".join(parts), *parts) if len(parts) > 1 else tuple(parts)
        self.records.update(set().union(*map(terms.__getitem__, distinct)))
        known = self._folded
        for word in [word for word in by_word if word not in known]:
            known[word] = by_word[word]
        if list(map(known.__getitem__, words)) == folded:
            self._words.update(by_word.keys())
            return
        for original, folded_word in set(zip(words, folded, strict=True)):
            if terms[folded_word]:
                self._pairs[terms[folded_word][0], _EDGES.sub("", original).lower()] += 1

    def _spellings(self) -> dict[str, dict[str, int]]:
        """Term -> spelling (a word as written, lower case, no punctuation around) -> records."""
        counts = Counter(self._pairs)
        for word, records in self._words.items():
            terms = self._terms[self._folded[word]]
            if terms:
                counts[terms[0], _EDGES.sub("", word).lower()] += records
        out: dict[str, dict[str, int]] = {}
        for (term, spelling), records in counts.items():
            out.setdefault(term, {})[spelling] = records
        return out

    def buckets(self) -> list[str]:
        """Spellings by how many records hold the term: bucket b has 2**b to 2**(b+1)-1."""
        by_term = self._spellings()
        out: list[list[str]] = []
        for term in sorted(self.records):
            count = self.records[term]
            spellings = by_term.get(term)
            spelling = max(spellings, key=lambda w: (spellings[w], w)) if spellings else term
            if re.search(r"\s", spelling) or "".join(_PARTS.findall(folded_words([spelling]))) != term:
                spelling = term
            bucket = count.bit_length() - 1
            while len(out) <= bucket:
                out.append([])
            out[bucket].append(spelling)
        return [" ".join(words) for words in out]


def _weight(weight: float | None) -> str | None:
    return None if weight is None else f"{weight:g}"


@dataclass
class Page:
    """One record as Pagefind reads it: the words of each span (folded) with its weight,
    the meta, filter and sort values. ``page_html`` writes it for Pagefind; the bundle
    writer (``bundle.py``) reads the same words from ``tokens``."""

    url: str
    spans: list[tuple[list[str], float | None]]
    meta: list[tuple[str, str]]  # as sent: rec.meta in index_form
    filters: list[tuple[str, str]]
    sort: list[tuple[str, str]]
    extra_meta: list[tuple[str, str]]  # "r" and "n", after the sort tags

    def tokens(self) -> list[str]:
        """The words Pagefind reads from ``page_html``, with its markers around weighted spans."""
        out: list[str] = []
        for words, weight in self.spans:
            if weight is None or not words:
                out += words
            else:
                out += [f"___PAGEFIND_WEIGHT___{_weight(weight)}", *words, "___END_PAGEFIND_WEIGHT___"]
        return out


def page_html(page: Page) -> str:
    """The record as Pagefind reads it: inline spans only (a block would add a "."), so
    its words are exactly the words given, in order, one for one."""
    def tag(kind: str, pairs: list[tuple[str, str]]) -> str:
        return "".join(f'<meta data-pagefind-{kind}="{k}[content]" content="{html.escape(v)}">' for k, v in pairs)

    body = []
    for words, weight in page.spans:
        text = html.escape(" ".join(words))
        if words:
            body.append(text if weight is None else f'<span data-pagefind-weight="{_weight(weight)}">{text}</span>')
    head = tag("meta", page.meta) + tag("filter", page.filters) + tag("sort", page.sort) + tag("meta", page.extra_meta)
    return f'<html lang="{LANGUAGE}"><head>{head}</head><body>' + " ".join(body) + "</body></html>"


def prepare(rec: SearchRecord, synonyms: SynonymTable, vocabulary: Vocabulary) -> Page:
    """``rec`` as Pagefind is given it: folded words, aliases from the synonyms, the restore
    code; its words are counted in ``vocabulary``."""
    title, keys, rest = rec.parts()
    own = title + keys + rest
    folded = folded_words(own).split(" ") if own else []
    aliases = ([w for a in synonyms.aliases(title, folded[:len(title)]) for w in a.split()],
               [w for a in synonyms.aliases(keys + rest, folded[len(title):]) for w in a.split()])
    words = own + aliases[0] + aliases[1]
    if len(words) > len(own):
        folded += folded_words(words[len(own):]).split(" ")
    vocabulary.add(words, folded)
    n_title, n_keys = len(title), len(keys)
    n_real = n_title + n_keys + len(rest)
    n_alias = n_real + len(aliases[0])
    spans = [(folded[:n_title], rec.title_weight), (folded[n_title:n_title + n_keys], KEYWORD_WEIGHT),
             (folded[n_title + n_keys:n_real], None), (folded[n_real:n_alias], rec.title_weight),
             (folded[n_alias:], None)]
    code = restore_code(words, " ".join(folded))
    extra = [("r", code)] if code else []
    if n_real < len(words):
        extra.append(("n", str(n_real)))  # words after this many are the aliases: not shown
    return Page(url="/" + rec.url.lstrip("/"), spans=spans,
                meta=[(k, index_form(v)) for k, v in rec.meta.items()],
                filters=[(k, v) for k, values in rec.filters.items() for v in values],
                sort=list(rec.sort.items()), extra_meta=extra)


def write_extras(out: Path, vocabulary: Vocabulary, extras: SearchExtras) -> None:
    """``EXTRAS_FILE``: what the box loads with its first query, gzipped (the browser
    inflates it with DecompressionStream, as Pagefind inflates its own files)."""
    data = {"v": EXTRAS_VERSION, "words": vocabulary.buckets(), "syn": extras.synonyms.to_json(), **extras.cards}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    (out / EXTRAS_FILE).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def pagefind_files(service: _Service, index_id: str) -> dict[str, bytes]:
    """Pagefind's bundle for ``index_id`` (GetFiles), by path."""
    (bundle,) = service.run([{"type": "GetFiles", "index_id": index_id}])
    return {file["path"]: base64.b64decode(file["content"]) for file in bundle["files"]}


def _write_files(out: Path, files: dict[str, bytes]) -> None:
    root = out.resolve()
    for name, content in files.items():
        if name in _UNUSED_BUNDLE_FILES:
            continue
        path = (out / name).resolve()
        if not path.is_relative_to(root):
            raise PagefindError(f"pagefind returned a file outside its folder: {name!r}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def static_files() -> dict[str, bytes]:
    """What the pinned Pagefind writes for an empty index: its scripts, WebAssembly and entry file."""
    service = _Service()
    try:
        (created,) = service.run([{"type": "NewIndex", "config": {"force_language": LANGUAGE}}])
        return pagefind_files(service, created["index_id"])
    finally:
        service.close()


def build_bundle(frames) -> dict:
    """The child process's work (``python -m cchc.search.bundle``): ``frames`` gives a header
    (``out``, ``extras``, ``chunk_size``), the records, then None. Writes the bundle and returns its figures."""
    from cchc.search.bundle import BundleWriter, PageIn

    started = time.perf_counter()
    frames = iter(frames)
    header = next(frames)
    out, extras = Path(header["out"]), header["extras"]
    files = static_files()
    if out.exists():
        shutil.rmtree(out)
    entry = json.loads(files.pop("pagefind-entry.json"))
    _write_files(out, files)
    writer = BundleWriter(out, entry["version"], header.get("chunk_size") or CHUNK_SIZE)
    vocabulary = Vocabulary()
    records = 0
    for rec in frames:
        if rec is None:
            break
        records += 1
        page = prepare(rec, extras.synonyms, vocabulary)
        writer.add(PageIn(page.url, page.tokens(), page.meta + page.extra_meta, page.filters, page.sort))
    else:  # the sender stopped (its build failed): no bundle from part of the records
        raise PagefindError("the records stopped before their end")
    meta_hash = writer.finish()
    if meta_hash is not None:
        entry["languages"] = {LANGUAGE: {"hash": meta_hash, "wasm": None, "page_count": len(writer.pages)}}
    (out / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
    write_extras(out, vocabulary, extras)
    stabilize(out)  # same records, same bytes (filters in a stable order)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return {"records": records, "pages": len(writer.pages), "bytes": size, "seconds": time.perf_counter() - started,
            "peak_mb": peak_mb()}


def write_index(records: list[SearchRecord], site_dir: Path, extras: SearchExtras | None = None,
                chunk_size: int | None = None) -> IndexStats:
    """Write the Pagefind bundle for ``records`` to ``site_dir/pagefind/`` (replacing any old one).

    Records are indexed as small pages made from the model (``prepare``: folded
    words, weighted title and keywords) rather than from the built pages: the index
    holds folded words while the pages show accented ones, which keeps the first query
    small, and the templates need no search markup. The bundle is Pagefind's, written
    by ``bundle.py`` in a child process fed the records over a pipe, so the index is
    written on the other core while MkDocs renders, in a fraction of Pagefind's memory;
    Pagefind itself only gives its scripts (``static_files``).
    """
    started = time.perf_counter()
    out = Path(site_dir) / OUTPUT_DIR
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    child = subprocess.Popen([sys.executable, "-m", "cchc.search.bundle"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert child.stdin is not None
    try:
        header = {"out": str(out.resolve()), "extras": extras or SearchExtras(), "chunk_size": chunk_size}
        for frame in itertools.chain([header], records, [None]):
            pickle.dump(frame, child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
    except BrokenPipeError:
        pass  # the child stopped: its answer says why
    stdout, stderr = child.communicate()  # closes the pipe: the end of the records
    lines = stdout.decode("utf-8", "replace").strip().splitlines()
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    if child.returncode != 0 or "error" in result:
        reason = result.get("error") or stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or "no answer"
        raise PagefindError(f"the search index was not written: {reason}")
    return IndexStats(result["records"], time.perf_counter() - started, result["bytes"], out, result.get("peak_mb"))


class Indexer:
    """``write_index`` in a background thread: started as soon as the records are known,
    waited for at the end of the build.

    The index is written by a child process and the thread mostly waits on the pipe, so
    it is written on the second core while the pages are rendered; pickling the records
    is the only part that shares the interpreter. ``make_records`` and ``make_extras``
    are called in the thread.
    """

    def __init__(self, make_records, site_dir: Path, make_extras=None) -> None:
        self._make_records = make_records
        self._make_extras = make_extras or SearchExtras
        self._site_dir = Path(site_dir)
        self._result: IndexStats | BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="cchc-search-index", daemon=True)
        self.started = time.perf_counter()

    def start(self) -> Indexer:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self._result = write_index(self._make_records(), self._site_dir, self._make_extras())
        except BaseException as exc:  # handed to wait()
            self._result = exc

    def wait(self) -> IndexStats:
        """The bundle's figures once it is written; raises what writing it raised."""
        self._thread.join()
        if isinstance(self._result, BaseException):
            raise self._result
        assert self._result is not None
        return self._result
