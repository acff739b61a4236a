"""The state of one build: the validated model and settings, shared by the hook modules.

``hooks/cchc_site.py`` creates it in ``on_config``; the feed and search hooks read it
with ``current()``. It is replaced on every build (``mkdocs serve`` rebuilds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Site
from .settings import Settings


@dataclass
class PageRef:
    """What a generated page shows, so feed and search hooks can find its item.

    ``kind`` is one of: home, news, plan, procedure, unit, topic, year, listing.
    """

    kind: str
    title: str
    item_id: str | None = None
    unit: str | None = None  # the unit the page belongs to (its item's unit, or the column's unit)
    topics: list[str] = field(default_factory=list)


@dataclass
class Build:
    root: Path  # the folder holding mkdocs.yml and content/
    site: Site
    settings: Settings
    site_url: str  # absolute, ends with "/"
    pages: dict[str, PageRef] = field(default_factory=dict)  # generated page src_uri -> what it shows
    blocks: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> HTML blocks (html.stash_blocks)
    extra: dict = field(default_factory=dict)  # per-build data other hooks may hang here


_current: Build | None = None


def start(build: Build) -> Build:
    global _current
    _current = build
    return build


def current() -> Build:
    if _current is None:
        raise RuntimeError("no build in progress: the cchc_site hook must run first (check 'hooks:' in mkdocs.yml)")
    return _current
