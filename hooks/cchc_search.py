"""MkDocs hooks: the Pagefind search index, written while the pages are rendered.

Events: ``on_files`` (publish the search box's script and style even when the site's
docs_dir is not this repository's), ``on_page_content`` (note which item, unit or
hand-written page each page shows; MkDocs 1.6 reads every page before ``on_env``),
``on_env`` (start writing ``pagefind/`` into the site folder from the content model, in
a background thread talking to the Pagefind process, while MkDocs renders the pages)
and ``on_post_build`` (wait for it). The header search box that queries it is
``docs/overrides/partials/search.html`` with ``docs/assets/search/``; the work is done
by ``cchc.search``. Must come after ``cchc_site.py`` in ``hooks:``.
"""

from __future__ import annotations

from pathlib import Path

from cchc import build as cchc_build
from cchc import search
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("cchc.search")

# The search box's script and style (docs/assets/search/ of this repository).
_DOCS = Path(__file__).resolve().parent.parent / "docs"
_ASSETS = "assets/search"

# Generated pages that show one thing: a news item, plan, procedure or a unit's column.
_ITEM_KINDS = {"news", "plan", "procedure", "unit"}


def _state(build: cchc_build.Build) -> dict:
    return build.extra.setdefault("search", {"items": [], "pages": []})


def on_files(files, config):
    for path in sorted((_DOCS / _ASSETS).iterdir()):
        src_uri = f"{_ASSETS}/{path.name}"
        if path.is_file() and files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, str(_DOCS), config.site_dir, config.use_directory_urls))
    return files


def on_page_content(html, page, config, files):
    build = cchc_build.current()
    state = _state(build)
    ref = build.pages.get(page.file.src_uri)
    if ref is not None:
        item_id = ref.item_id or (ref.unit if ref.kind == "unit" else None)
        if ref.kind in _ITEM_KINDS and item_id:
            state["items"].append((ref.kind, item_id, page.url))
        return html
    search_meta = page.meta.get("search")
    if isinstance(search_meta, dict) and search_meta.get("exclude"):
        return html
    if page.is_homepage or page.file.src_uri == "404.md":
        return html
    state["pages"].append(search.page_record(page.url, page.title or "", html))
    return html


def _start(config) -> search.Indexer:
    """Start writing the index (once per build); the site folder was cleaned before ``on_env``."""
    build = cchc_build.current()
    state = _state(build)
    if "indexer" not in state:
        items, pages = list(state["items"]), list(state["pages"])
        state["indexer"] = search.Indexer(lambda: search.records_for_site(build.site, items) + pages,
                                          Path(config.site_dir)).start()
    return state["indexer"]


def on_env(env, config, files):
    _start(config)
    return env


def on_post_build(config):
    indexer = _start(config)  # started in on_env, unless MkDocs skipped it
    try:
        stats = indexer.wait()
    except Exception as exc:  # the pagefind binary is missing, crashed or refused a record
        raise Abort(f"search index: Pagefind failed: {exc} "
                    "(run ./scripts/setup to install pagefind[bin] from requirements.txt)") from exc
    log.info(f"search index: {stats.records} pages, {stats.bytes / 1024:.0f} kB, {stats.seconds:.2f} s "
             f"(written while the pages were rendered)")


def on_build_error(error):
    """A failed build still waits for the index thread, so no Pagefind is left running."""
    try:
        indexer = _state(cchc_build.current()).get("indexer")
    except RuntimeError:
        return
    if indexer is not None:
        try:
            indexer.wait()
        except Exception:  # the build already failed; its own error is the one reported
            pass
