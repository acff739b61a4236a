"""The same bundle made by the real Pagefind service, to check ``bundle.py`` against.

Not used by the build: ``tests/test_search_bundle.py`` and ``cchc measure-search
--oracle`` send the pages ``pagefind.page_html`` makes to ``pagefind --service`` (the
pinned Pagefind) and compare its bundle with the one ``pagefind.write_index`` writes.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

from cchc.search.pagefind import (
    LANGUAGE,
    SearchExtras,
    Vocabulary,
    _Service,
    _write_files,
    page_html,
    pagefind_files,
    peak_mb,
    prepare,
    write_extras,
)
from cchc.search.records import SearchRecord
from cchc.search.stable import stabilize


def pagefind_bundle(records: list[SearchRecord], out: Path, extras: SearchExtras | None = None,
                    chunk_size: int | None = None) -> float | None:
    """Write the bundle of ``records`` to ``out`` with ``pagefind --service``; Pagefind's peak memory in MB."""
    extras = extras or SearchExtras()
    saved = os.environ.get("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE")
    if chunk_size:
        os.environ["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = str(chunk_size)
    try:
        service = _Service()
    finally:
        if chunk_size:
            os.environ.pop("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE")
            if saved is not None:
                os.environ["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = saved
    vocabulary = Vocabulary()
    try:
        (created,) = service.run([{"type": "NewIndex", "config": {"force_language": LANGUAGE}}])
        index_id = created["index_id"]
        payloads = ({"type": "AddFile", "index_id": index_id, "url": page.url, "file_contents": page_html(page)}
                    for page in (prepare(rec, extras.synonyms, vocabulary) for rec in records))
        service.run(payloads, len(records))
        files = pagefind_files(service, index_id)
        peak = peak_mb(service._proc.pid)
    finally:
        service.close()
    if out.exists():
        shutil.rmtree(out)
    _write_files(out, files)
    write_extras(out, vocabulary, extras)
    stabilize(out)
    return peak


def decoded(bundle: Path) -> dict[str, object]:
    """Every data file of a bundle by path, decoded: JSON as values, CBOR files as values, others as bytes."""
    from cchc.search.stable import read

    out: dict[str, object] = {}
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        name = path.relative_to(bundle).as_posix()
        if path.suffix in (".pf_meta", ".pf_index", ".pf_filter"):
            out[name] = read(path)
        elif path.suffix in (".pf_fragment", ".pf_json"):
            raw = gzip.decompress(path.read_bytes())
            out[name] = raw.decode("utf-8") if path.suffix == ".pf_fragment" else json.loads(raw)
        elif path.name == "pagefind-entry.json":
            out[name] = path.read_text("utf-8")
        else:
            out[name] = path.read_bytes()
    return out
