"""The typed state of one build: the configuration, the validated model and what the pages need.

The hook module (``hooks/cchc_mkdocs.py``) creates one ``Build`` in ``on_config`` and
passes it to every step; it is replaced on every build (``mkdocs serve`` rebuilds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from cchc.config import SiteConfig
from cchc.content.model import Site

if TYPE_CHECKING:
    from cchc.feeds.feedset import FeedSet
    from cchc.search.pagefind import Indexer
    from cchc.search.records import SearchRecord

PageKind = Literal["home", "news", "plan", "procedure", "unit", "topic", "year", "listing"]


@dataclass
class PageRef:
    """What a generated page shows, so the feed links and search records can find its item."""

    kind: PageKind
    title: str
    item_id: str | None = None
    unit: str | None = None  # the unit the page belongs to (its item's unit, or the column's unit)
    topics: list[str] = field(default_factory=list)


@dataclass
class Build:
    config: SiteConfig
    site: Site
    pages: dict[str, PageRef] = field(default_factory=dict)  # generated page src_uri -> what it shows
    blocks: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> HTML blocks (html.stash_blocks)
    feeds: FeedSet | None = None
    search_items: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, item id, url) of item pages
    search_pages: list[SearchRecord] = field(default_factory=list)  # hand-written pages' records
    indexer: Indexer | None = None

    @property
    def settings(self):
        return self.config.settings

    @property
    def site_url(self) -> str:
        return self.config.site_url
