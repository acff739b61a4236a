"""The view data of the feeds page (``/nguon-tin/``): every feed, explained for citizens.

``feeds_page(feeds)`` returns a ``FeedsPage``; the template ``cchc/feeds.html`` (theme
``custom_dir``) renders it, as ``cchc`` like every generated page's view. Feeds with
entries are listed with their addresses; a unit or topic whose feeds are still empty is
named apart, with why its feed exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc.feeds.feedset import Feed, FeedSet
from cchc.text import fold
from cchc.urls import (
    NEWS_FEED,
    PLANS_FEED,
    PROCEDURES_FEED,
    feed_path,
    field_feed_name,
    procedure_field_src,
    src_to_url,
    topic_feed_name,
    topic_src,
    unit_feed_name,
    unit_procedures_feed_name,
    unit_src,
)

PAGE_TITLE = "Nguồn tin RSS, Atom"
# The page's sections, in order: (anchor, heading). The template writes the headings from
# here and the hook puts them into the page's table of contents (``FeedsPage.toc``).
SECTIONS = [("cach-theo-doi", "Cách theo dõi"), ("chung", "Nguồn tin chung"),
            ("linh-vuc", "Thủ tục hành chính theo lĩnh vực"), ("don-vi", "Theo đơn vị"), ("chu-de", "Theo chủ đề")]


@dataclass
class Heading:
    """A heading the template draws, for the page's table of contents (the hook adds it)."""

    id: str
    title: str


@dataclass
class FeedRow:
    """One feed as the page lists it: what it is about, where its page is, its addresses."""

    label: str
    page: str | None  # address of the page it stands for, from the site root ("don-vi/x/")
    rss: str
    atom: str
    json: str | None
    count: int  # entries in the feed

    @property
    def empty(self) -> bool:
        return self.count == 0


@dataclass
class UnitRow:
    label: str
    page: str
    news: FeedRow
    procedures: FeedRow


@dataclass
class FeedsPage:
    """Everything ``cchc/feeds.html`` shows."""

    title: str
    length: int  # entries per feed
    include_children: bool
    site: list[FeedRow]
    fields: list[FeedRow]
    units: list[UnitRow]  # units with at least one entry in one of their feeds
    quiet_units: list[tuple[str, str]] = field(default_factory=list)  # (name, page): both feeds empty
    topics: list[FeedRow] = field(default_factory=list)
    quiet_topics: list[tuple[str, str]] = field(default_factory=list)
    unit_pattern: str = ""  # the address every unit's feed has, for the quiet units
    toc: list[Heading] = field(default_factory=lambda: [Heading(i, t) for i, t in SECTIONS])

    @property
    def titles(self) -> dict[str, str]:
        """Heading of each section, by anchor (``view.titles["chung"]`` in the template)."""
        return dict(SECTIONS)


def feeds_page(feeds: FeedSet) -> FeedsPage:
    """The view of ``/nguon-tin/`` for this build's feeds."""

    def row(feed: Feed, label: str, page: str | None) -> FeedRow:
        return FeedRow(label, page, feeds.url(feed.name, "rss"), feeds.url(feed.name, "atom"),
                       feeds.url(feed.name, "json") if feed.has_json else None, len(feed.sources))

    by_name = feeds.by_name
    site = [row(by_name[name], label, src_to_url(page)) for name, label, page in (
        (NEWS_FEED, "Tất cả tin, bài", "tin-tuc/index.md"),
        (PROCEDURES_FEED, "Thủ tục hành chính công bố mới, sửa đổi, bổ sung, bãi bỏ", "thu-tuc/index.md"),
        (PLANS_FEED, "Kế hoạch cải cách hành chính", "ke-hoach/index.md"))]
    fields = [row(by_name[field_feed_name(slug)], name, src_to_url(procedure_field_src(slug)))
              for slug, name in sorted(feeds.fields.items(), key=lambda kv: fold(kv[1]))]
    units, quiet_units = [], []
    for unit in feeds.site.units.values():
        page = src_to_url(unit_src(unit.id))
        news = row(by_name[unit_feed_name(unit.id)], "Tin, bài", page)
        procs = row(by_name[unit_procedures_feed_name(unit.id)], "Thủ tục hành chính", page + "#thu-tuc")
        if news.empty and procs.empty:
            quiet_units.append((unit.name, page))
        else:
            units.append(UnitRow(unit.name, page, news, procs))
    topics, quiet_topics = [], []
    for topic in feeds.site.topics.values():
        topic_row = row(by_name[topic_feed_name(topic.id)], topic.name, src_to_url(topic_src(topic.id)))
        if topic_row.empty:
            quiet_topics.append((topic.name, topic_row.page or ""))
        else:
            topics.append(topic_row)
    return FeedsPage(PAGE_TITLE, feeds.length, feeds.include_children, site, fields, units, quiet_units, topics,
                     quiet_topics, feeds.site_url + feed_path(unit_feed_name("<mã đơn vị>"), "rss"))
