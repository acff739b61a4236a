"""The typed state of one build: the configuration, the validated model and what the pages need.

The hook module (``hooks/cchc_mkdocs.py``) creates one ``Build`` in ``on_config`` and
passes it to every step; it is replaced on every build (``mkdocs serve`` rebuilds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

from cchc.config import SiteConfig
from cchc.content.model import NewsItem, Plan, Procedure, Site
from cchc.index.site_index import SiteIndex
from cchc.strings import Strings
from cchc.urls import feed_path

if TYPE_CHECKING:
    from cchc.feeds.feedset import FeedSet
    from cchc.forked import ForkedFiles
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
    # A listing of items: the last change of what it lists (sitemap <lastmod>, cchc.views.lastmod);
    # None: the day of the build.
    newest: date | None = None


@dataclass
class Build:
    config: SiteConfig
    site: Site
    index: SiteIndex = field(init=False)  # one index over the validated site, for every page
    strings: Strings = field(init=False)  # the words readers see, with the site's rewordings
    pages: dict[str, PageRef] = field(default_factory=dict)  # generated page src_uri -> what it shows
    views: dict[str, Callable[[], object]] = field(default_factory=dict)  # src_uri -> builds its view data
    feeds: FeedSet | None = None
    search_items: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, item id, url) of item pages
    search_pages: list[SearchRecord] = field(default_factory=list)  # hand-written pages' records
    indexer: Indexer | None = None
    later_files: ForkedFiles | None = None  # downloads made by a child process (the plans' reports)
    _items: dict | None = None
    _addresses: set[str] | None = None

    def items(self) -> dict[tuple[str, str], NewsItem | Plan | Procedure]:
        """The published items by (kind, id), kind as in ``PageRef``: news, plan, procedure."""
        if self._items is None:
            self._items = {("news", n.id): n for n in self.site.news}
            self._items |= {("plan", p.id): p for p in self.site.plans}
            self._items |= {("procedure", p.id): p for p in self.site.procedures}
        return self._items

    def addresses(self, files) -> Callable[[str], bool]:
        """``exists(path)``: whether the site has a page or file at ``path`` (``thu-tuc/x/``).

        From MkDocs' ``files`` (pages, hand-written and generated, and static files), read
        once every file has been added, and the feeds written after the pages.
        """
        if self._addresses is None:
            kept = [f for f in files if not f.inclusion.is_excluded()]
            urls = {"" if f.url == "./" else unquote(f.url) for f in kept}
            self._addresses = urls | {f.dest_uri for f in kept} | {"sitemap.xml", "404.html"}
            for name in self.feeds.by_name if self.feeds else ():
                self._addresses |= {feed_path(name, "rss"), feed_path(name, "atom")}
        return self._addresses.__contains__

    def __post_init__(self) -> None:
        self.index = SiteIndex(self.site, self.config.settings.include_children)
        self.strings = Strings(self.config.settings.strings)

    @property
    def settings(self):
        return self.config.settings

    @property
    def site_url(self) -> str:
        return self.config.site_url
