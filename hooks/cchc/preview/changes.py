"""What an edit under ``content/`` touches, for the preview of ``mkdocs serve``.

``snapshot`` records the watched files; ``news_edits`` says which published news items
an edit changed, or None when the edit needs a full rebuild (a file added or removed, a
change outside ``content/news/``, a news item's date, unit, topics, tasks, image, slug,
id or draft flag changed, or a file with errors: the full build reports them).
``pages_showing`` finds the written pages that link to an item (its listings).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cchc.content.loader import read_news_file
from cchc.content.model import NewsItem, Site
from cchc.messages import say

# What an edit may change and still be previewed page by page: none of them moves the
# item to another listing, page of a listing, feed or address.
EDITABLE = ("title", "summary", "body", "body_line")
_KEPT = ("id", "slug", "date", "unit", "topics", "tasks", "image")

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: list[Path]) -> Snapshot:
    """Every file under ``paths`` (files or folders) -> (mtime in ns, size)."""
    out: Snapshot = {}
    for path in paths:
        if path.is_file():
            st = path.stat()
            out[str(path)] = (st.st_mtime_ns, st.st_size)
            continue
        for parent, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            for name in names:
                if name.startswith("."):  # an editor's swap file; the loader skips them too
                    continue
                full = os.path.join(parent, name)
                try:
                    st = os.stat(full)
                except OSError:
                    continue
                out[full] = (st.st_mtime_ns, st.st_size)
    return out


@dataclass
class Edit:
    item: NewsItem  # the item the site shows (updated in place by ``apply``)
    new: NewsItem  # as the file now reads

    def apply(self) -> None:
        for name in EDITABLE:
            setattr(self.item, name, getattr(self.new, name))


def news_edits(root: Path, before: Snapshot, after: Snapshot, site: Site, build_time: datetime,
               docs_dir: Path) -> tuple[list[Edit] | None, str]:
    """The edits to preview, or None and the reason for a full rebuild."""
    if before.keys() != after.keys():
        return None, say("preview_reason_added")
    changed = [path for path, stamp in after.items() if before[path] != stamp]
    if not changed:
        return None, say("preview_reason_none")
    news_dir = root / "content" / "news"
    by_path = {item.source.path: item for item in site.news}
    edits = []
    for path in changed:
        file = Path(path)
        if not file.is_relative_to(news_dir) or file.suffix != ".md" or file.is_symlink():
            return None, say("preview_reason_not_news", path=path)
        shown = file.relative_to(root).as_posix()
        item = by_path.get(shown)
        if item is None:
            return None, say("preview_reason_not_published", path=shown)
        new, draft, _problems = read_news_file(root, file, build_time, docs_dir)
        if new is None or draft:
            return None, say("preview_reason_draft", path=shown)
        moved = [name for name in _KEPT if getattr(new, name) != getattr(item, name)]
        if moved:
            return None, say("preview_reason_moved", path=shown, fields=", ".join(moved))
        edits.append(Edit(item, new))
    return edits, ""


def pages_showing(site_dir: Path, item_url: str) -> list[Path]:
    """The written HTML pages with a link to ``item_url`` (``tin-tuc/2024/slug/``).

    Links are relative (``../../tin-tuc/2024/slug/``, ``../slug/``), so any link ending in
    the item's last path segment counts: a few pages too many are re-rendered, never too few.
    """
    last = item_url.rstrip("/").rsplit("/", 1)[-1]
    pattern = re.compile(rb'href="(?:[^"#?]*/)?' + re.escape(last.encode()) + rb'/(?:index\.html)?["#?]')
    found = []
    for parent, _dirs, names in os.walk(site_dir):
        for name in names:
            if name.endswith(".html"):
                path = Path(parent) / name
                if pattern.search(path.read_bytes()):
                    found.append(path)
    return found
