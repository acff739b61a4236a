"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds of the site, written with feedgen from the content model.

``FeedSet(site, site_url, ...)`` plans every feed of a build:

- site-wide: all news (``urls.NEWS_FEED``), procedure changes (``PROCEDURES_FEED``, one
  entry per announcement: new, amended, abolished) and plans (``PLANS_FEED``), each also
  as JSON Feed 1.1;
- per unit: its news (``don-vi-<id>``) and its procedure changes (``thu-tuc-don-vi-<id>``),
  with its children's when ``include_children``;
- per field of procedures: its changes (``thu-tuc-linh-vuc-<field>``);
- per topic: its news (``chu-de-<id>``).

The site-wide feeds carry each entry's full content (RSS ``content:encoded``, Atom
``content``); the unit, field and topic feeds carry the summary (RSS ``description``, Atom
``summary``) and the link only, so the many small feeds do not repeat every body. Every
feed's channel link is the page of the section it belongs to. ``write(site_dir)`` writes every
feed; ``links_for_page(src, ref)`` says which feeds a page offers for autodiscovery.

What feed readers rely on, and how it is kept:

- **Stable ids.** An entry's Atom id, RSS guid (``isPermaLink="false"``) and JSON id is a
  tag URI (RFC 4151) made of the site host and the item's ``id``, never its title or
  slug: ``tag:cchc.example.vn,2024:tin-tuc/<id>``. A procedure change adds
  ``Change.key``, so an amendment is a new entry and the first one never changes.
  The same item has the same id in every feed. A correction (``updated:``) changes the
  entry's update date, never its id.
- **Deterministic bytes.** feedgen defaults ``lastBuildDate``/``updated`` to now and
  prepends entries: here both dates come from the newest change of an entry (or, for
  an empty feed, the newest content of the site) and entries are written newest first,
  ties broken by id.
- **Cheap.** An entry is made only for an item some feed shows, once, and shared by
  every feed it appears in (``entry.Entry``); its XML is serialized once per format
  and form and spliced into every feed that shows it.
- **Readable in a browser.** Each XML feed names a CSS stylesheet (``feed.css``), not
  XSLT: the same view in every browser, with or without XSLT.
- **Only feeds with entries are offered.** Every feed file is written (its address
  is predictable and stays valid), but a feed with no entry is not linked for
  autodiscovery, and the feeds page lists it apart.

Characters XML forbids never reach lxml: ``source.read_text`` rejects them at load
with the file and line. Bodies go through the same sanitizer as the pages
(``content.safety.clean_html``); RSS ``description`` elements, which readers show as
HTML, carry the plain-text summaries HTML-escaped (then XML-escaped by lxml).
"""

from __future__ import annotations

import html
import json
import mimetypes
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote, urlsplit

from cchc.config import check_site_url
from cchc.content.correction import correction_line
from cchc.content.model import CHANGE_LABELS, LEVEL_LABELS, ONLINE_LABELS, Change, NewsItem, Plan, Procedure, Site
from cchc.content.safety import clean_html
from cchc.feeds.entry import FEED_TAILS, Enclosure, Entry, absolute_links
from cchc.text import VN_TZ, show_date, show_dated, show_datetime, start_of_day
from cchc.urls import (
    FEEDS_PAGE_SRC,
    HOME_SRC,
    NEWS_FEED,
    NEWS_INDEX_SRC,
    PLANS_FEED,
    PLANS_INDEX_SRC,
    PROCEDURES_FEED,
    PROCEDURES_INDEX_SRC,
    feed_path,
    field_feed_name,
    field_slug,
    item_src,
    item_url,
    json_feed_path,
    procedure_field_src,
    src_to_url,
    topic_feed_name,
    topic_src,
    unit_feed_name,
    unit_procedures_feed_name,
    unit_src,
)

if TYPE_CHECKING:
    from cchc.build import PageRef

# The date part of every tag URI. It must never change (it is part of every id
# already published); it only says the site's owner held the host name then.
TAG_DATE = "2024"
LANGUAGE = "vi"
STYLESHEET_PATH = "assets/feeds/feed.css"  # the browser view of the XML feeds, served by the site itself
MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
RSS_IMAGE_TYPES = {".gif", ".jpg", ".jpeg", ".png"}  # what RSS <image> may point to

FeedGroup = Literal["site", "unit", "topic", "field"]
FeedContent = Literal["news", "procedures", "plans"]

# How each change reads in a sentence: "được sửa đổi, bổ sung theo Quyết định ...".
_CHANGE_VERBS = {"new": "được công bố mới", "amended": "được sửa đổi, bổ sung", "abolished": "bị bãi bỏ"}


def tag_uri(site_url: str, specific: str) -> str:
    """``tag:<host>,<TAG_DATE>:<path of the site><specific>``: a permanent id (RFC 4151)."""
    parts = urlsplit(site_url)
    return f"tag:{parts.hostname},{TAG_DATE}:{parts.path.lstrip('/')}{specific}"


@dataclass(frozen=True)
class FeedLink:
    """One feed as a page links it: each format's absolute address (JSON only for site-wide feeds)."""

    name: str
    title: str
    rss_url: str
    atom_url: str
    json_url: str | None = None
    label: str = ""  # a few words for a visible link ("Tin, bài", "Thủ tục hành chính")
    atom_in_head: bool = True  # whether the head offers the Atom twin too (links_for_page)

    def alternates(self) -> list[dict[str, str]]:
        """``<link rel="alternate">`` attributes for the page head: RSS, Atom, then JSON Feed
        (Atom unless ``atom_in_head`` is off, JSON Feed where there is one)."""
        urls = [("rss", self.rss_url)]
        if self.atom_in_head:
            urls.append(("atom", self.atom_url))
        if self.json_url:
            urls.append(("json", self.json_url))
        return [{"type": MEDIA_TYPES[kind], "href": url, "title": f"{self.title} ({FORMAT_LABELS[kind]})"}
                for kind, url in urls]


@dataclass
class Feed:
    """One feed to write: what it is about and its entries, newest first."""

    name: str
    title: str
    description: str
    page_url: str  # absolute address of the HTML page (section) the feed stands for
    group: FeedGroup  # how the feeds page lists it
    content: FeedContent
    sources: list = field(default_factory=list)  # model objects, newest first, cut to the feed length
    label: str = ""  # the feed in a few words, for a visible link on its page ("Thủ tục hành chính")

    @property
    def full(self) -> bool:
        """Whether entries carry their full content: the site-wide feeds do; a unit's, a field's
        or a topic's feed carries summary and link only (its entries are all in a site-wide
        feed in full, and there are many such feeds)."""
        return self.group == "site"

    @property
    def has_json(self) -> bool:
        """JSON Feed 1.1 is written for the site-wide feeds."""
        return self.group == "site"


class _RssNamespaces:
    """A feedgen extension that only declares the namespaces ``entry.Entry`` adds to RSS items."""

    def extend_ns(self) -> dict[str, str]:
        return {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}

    def extend_rss(self, feed):
        return feed

    def extend_atom(self, feed):
        return feed


class FeedSet:
    """Every feed of one build, planned from the model; entries are made on demand.

    ``icon`` and ``logo`` are paths from the site root (the theme's favicon and logo);
    ``docs_dir`` is where news images are, to give their size in the feeds.
    """

    def __init__(self, site: Site, site_url: str, site_name: str, feed_length: int = 50,
                 include_children: bool = True, docs_dir: Path | None = None,
                 icon: str | None = None, logo: str | None = None):
        self.site = site
        self.site_url = check_site_url(site_url)
        self.site_name = site_name
        self.length = feed_length
        self.include_children = include_children
        self.docs_dir = docs_dir
        self.icon = self.site_url + icon if icon else None
        image = logo if logo and Path(logo).suffix.lower() in RSS_IMAGE_TYPES else icon
        self.image = self.site_url + image if image and Path(image).suffix.lower() in RSS_IMAGE_TYPES else None
        self._entries: dict[tuple[str, str], Entry] = {}
        self._markdown = None
        self._procedures: dict[str, Procedure] | None = None  # by id, for the procedure pages' feeds
        self.fields: dict[str, str] = {}  # field slug -> field name as first written
        self.feeds: list[Feed] = self._plan()
        self.by_name = {feed.name: feed for feed in self.feeds}

    # -- planning -------------------------------------------------------------------
    def _plan(self) -> list[Feed]:
        site, n, home = self.site, self.length, self.site_url
        changes = self.procedure_changes()
        feeds = [
            Feed(NEWS_FEED, f"{self.site_name}: tin, bài", "Tất cả tin, bài về cải cách hành chính",
                 home + src_to_url(NEWS_INDEX_SRC), "site", "news", site.news[:n], "Tất cả tin, bài"),
            Feed(PROCEDURES_FEED, f"{self.site_name}: thủ tục hành chính công bố mới, sửa đổi, bãi bỏ",
                 "Mỗi lần một thủ tục hành chính được công bố mới, sửa đổi, bổ sung hoặc bãi bỏ",
                 home + src_to_url(PROCEDURES_INDEX_SRC), "site", "procedures", changes[:n],
                 "Tất cả thủ tục hành chính"),
            Feed(PLANS_FEED, f"{self.site_name}: kế hoạch", "Kế hoạch cải cách hành chính mới ban hành",
                 home + src_to_url(PLANS_INDEX_SRC), "site", "plans", site.plans[:n], "Kế hoạch"),
        ]
        by_unit: dict[str, list[NewsItem]] = defaultdict(list)
        by_topic: dict[str, list[NewsItem]] = defaultdict(list)
        for item in site.news:  # already newest first: every bucket stays sorted
            by_unit[item.unit].append(item)
            for topic in item.topics:
                by_topic[topic].append(item)
        changes_by_unit: dict[str, list[tuple[Procedure, Change]]] = defaultdict(list)
        changes_by_field: dict[str, list[tuple[Procedure, Change]]] = defaultdict(list)
        for proc in site.procedures:
            self.fields.setdefault(field_slug(proc.field), proc.field)
        for pair in changes:  # newest first, like the buckets
            changes_by_unit[pair[0].unit].append(pair)
            changes_by_field[field_slug(pair[0].field)].append(pair)
        for unit in site.units.values():
            members = site.descendants(unit.id) if self.include_children else [unit.id]
            items = [item for member in members for item in by_unit[member][:n]]
            items.sort(key=_news_key, reverse=True)
            unit_changes = [pair for member in members for pair in changes_by_unit[member][:n]]
            unit_changes.sort(key=_change_key, reverse=True)
            what = "và các đơn vị trực thuộc" if self.include_children and len(members) > 1 else ""
            column = home + src_to_url(unit_src(unit.id))
            feeds.append(Feed(unit_feed_name(unit.id), f"{unit.short_name}: tin, bài cải cách hành chính",
                              " ".join(filter(None, ["Tin, bài cải cách hành chính của", unit.name, what])),
                              column, "unit", "news", items[:n], "Tin, bài"))
            feeds.append(Feed(unit_procedures_feed_name(unit.id),
                              f"{unit.short_name}: thủ tục hành chính công bố mới, sửa đổi, bãi bỏ",
                              " ".join(filter(None, ["Thủ tục hành chính của", unit.name, what,
                                                     "được công bố mới, sửa đổi, bổ sung hoặc bãi bỏ"])),
                              column + "#thu-tuc", "unit", "procedures", unit_changes[:n], "Thủ tục hành chính"))
        for slug, name in sorted(self.fields.items()):
            feeds.append(Feed(field_feed_name(slug), f"{self.site_name}: thủ tục lĩnh vực {name}",
                              f"Thủ tục hành chính lĩnh vực {name} được công bố mới, sửa đổi, bổ sung hoặc bãi bỏ",
                              home + src_to_url(procedure_field_src(slug)), "field", "procedures",
                              changes_by_field[slug][:n], f"Thủ tục lĩnh vực {name}"))
        for topic in site.topics.values():
            feeds.append(Feed(topic_feed_name(topic.id), f"{self.site_name}: {topic.name}",
                              topic.description or f"Tin, bài về {topic.name.lower()}",
                              home + src_to_url(topic_src(topic.id)), "topic", "news", by_topic[topic.id][:n],
                              f"Chủ đề {topic.name}"))
        return feeds

    def procedure_changes(self) -> list[tuple[Procedure, Change]]:
        """Every announced change, newest first; a change decided after the build time waits."""
        day = self.site.build_date
        changes = [(proc, change) for proc in self.site.procedures
                   for change in proc.history if change.decision_date <= day]
        changes.sort(key=_change_key, reverse=True)
        return changes

    # -- addresses --------------------------------------------------------------------
    def url(self, name: str, kind: str) -> str:
        """The absolute address of a feed in one format: "rss", "atom" or "json"."""
        return self.site_url + (json_feed_path(name) if kind == "json" else feed_path(name, kind))

    def link(self, feed: Feed) -> FeedLink:
        return FeedLink(feed.name, feed.title, self.url(feed.name, "rss"), self.url(feed.name, "atom"),
                        self.url(feed.name, "json") if feed.has_json else None, feed.label)

    def feed_names_for_page(self, src: str, ref: PageRef | None = None) -> list[str]:
        """The feeds a page is about, its own first, then its section's, then the site's news.

        ``src`` is the page's source path, ``ref`` what a generated page shows (None for a
        hand-written page). Feeds with no entry are left out: a reader that takes the
        first one offered always gets entries.
        """
        kind = ref.kind if ref else None
        names: list[str]
        if src in (HOME_SRC, FEEDS_PAGE_SRC):
            names = [NEWS_FEED, PROCEDURES_FEED, PLANS_FEED]
        elif kind == "news" and ref:
            names = [unit_feed_name(ref.unit or ""), *map(topic_feed_name, ref.topics), NEWS_FEED]
        elif kind == "plan" and ref:
            names = [PLANS_FEED, unit_feed_name(ref.unit or ""), NEWS_FEED]
        elif kind == "procedure" and ref:
            if self._procedures is None:
                self._procedures = {proc.id: proc for proc in self.site.procedures}
            proc = self._procedures.get(ref.item_id or "")
            fields = [field_feed_name(field_slug(proc.field))] if proc else []
            names = [*fields, unit_procedures_feed_name(ref.unit or ""), PROCEDURES_FEED, NEWS_FEED]
        elif ref and ref.unit and src.startswith("don-vi/"):  # a unit's column, its next pages, its tasks
            names = [unit_feed_name(ref.unit), unit_procedures_feed_name(ref.unit), NEWS_FEED]
        elif kind == "topic" and ref and ref.topics:
            names = [topic_feed_name(ref.topics[0]), NEWS_FEED]
        elif src.startswith("thu-tuc/linh-vuc/"):
            names = [field_feed_name(src[len("thu-tuc/linh-vuc/"):].split("/")[0].removesuffix(".md")),
                     PROCEDURES_FEED, NEWS_FEED]
        elif src.startswith("thu-tuc/"):
            names = [PROCEDURES_FEED, NEWS_FEED]
        elif src.startswith("ke-hoach/"):
            names = [PLANS_FEED, NEWS_FEED]
        else:
            names = [NEWS_FEED]
        out: list[str] = []
        for name in names:
            feed = self.by_name.get(name)
            if feed is not None and feed.sources and name not in out:
                out.append(name)
        return out

    def links_for_page(self, src: str, ref: PageRef | None = None) -> list[FeedLink]:
        """``feed_names_for_page`` as links, in the same order. Every feed is offered as RSS,
        which every feed reader takes; its Atom twin (the same entries) and a site-wide
        feed's JSON Feed only where the site's feeds are at home: the home page, the feeds
        page and a site-wide feed's own section page. In every page's head they would cost
        about 0.8 kB a page, 4.5 MB at 5,000 items; a unit's, topic's or field's page
        still shows both formats in its visible "follow" line (partials/feed-follow.html)."""
        links = [self.link(self.by_name[name]) for name in self.feed_names_for_page(src, ref)]
        if src in (HOME_SRC, FEEDS_PAGE_SRC):
            return links
        section = {NEWS_INDEX_SRC: NEWS_FEED, PROCEDURES_INDEX_SRC: PROCEDURES_FEED, PLANS_INDEX_SRC: PLANS_FEED}
        return [link if section.get(src) == link.name else replace(link, json_url=None, atom_in_head=False)
                for link in links]

    # -- entries ----------------------------------------------------------------------
    def entry(self, source) -> Entry:
        """The entry for a news item, a plan or a ``(procedure, change)``, made once."""
        if isinstance(source, tuple):
            proc, change = source
            key = ("change", f"{proc.id}/{change.key}")
        else:
            key = (type(source).__name__, source.id)
        entry = self._entries.get(key)
        if entry is None:
            if isinstance(source, NewsItem):
                entry = self._news_entry(source)
            elif isinstance(source, Plan):
                entry = self._plan_entry(source)
            else:
                entry = self._change_entry(*source)
            self._entries[key] = entry
        return entry

    def _categories(self, topics: list[str]) -> list[tuple[str, str, str]]:
        scheme = self.site_url + "chu-de/"
        return [(t, self.site.topics[t].name, scheme) for t in topics if t in self.site.topics]

    def _unit_name(self, unit_id: str, day) -> str:
        unit = self.site.units.get(unit_id)
        return unit.name_on(day) if unit else unit_id

    def _enclosure(self, image: str) -> Enclosure | None:
        """The image of an item as an enclosure: its size from the file under docs/."""
        if self.docs_dir is None or not (self.docs_dir / image).is_file():
            return None
        media_type = mimetypes.guess_type(image)[0] or "application/octet-stream"
        return Enclosure(self.site_url + quote(image), (self.docs_dir / image).stat().st_size, media_type)

    def _news_entry(self, item: NewsItem) -> Entry:
        day = item.date.astimezone(VN_TZ).date()
        author = self._unit_name(item.unit, day)
        correction = correction_line(item.updated)

        def content() -> str:  # Markdown rendered only for an item a full-content feed shows
            base = self.site_url + posixpath.dirname(item_src(item)) + "/"
            body = absolute_links(self.render(item.body), base, self.site_url)
            image = ""
            if item.image:
                image = (f'<p><img src="{html.escape(self.site_url + item.image)}" '
                         f'alt="{html.escape(item.image_alt or item.title)}"></p>\n')
            meta = f"<p><em>{html.escape(author)}, {show_datetime(item.date)}</em></p>\n"
            note = f"<p><em>{html.escape(correction)}</em></p>\n" if correction else ""
            return f"{image}<p><strong>{html.escape(item.summary)}</strong></p>\n{meta}{note}{body}"

        summary = f"{item.summary} {correction}" if correction else item.summary
        return Entry(tag_uri(self.site_url, f"tin-tuc/{item.id}"), item.title, self.site_url + item_url(item),
                     item.date, summary, content, author, self._categories(item.topics),
                     updated=item.updated.date if item.updated else None,
                     image=self._enclosure(item.image) if item.image else None)

    def _plan_entry(self, plan: Plan) -> Entry:
        author = self._unit_name(plan.unit, plan.date)
        number = f"số {plan.number} " if plan.number else ""
        summary = plan.summary or f"Kế hoạch {number}{show_dated(plan.date)} của {author}."
        correction = correction_line(plan.updated)
        if correction:
            summary = f"{summary} {correction}"
        rows = [("Số, ký hiệu", plan.number or "Chưa có số"), ("Ngày ban hành", show_date(plan.date)),
                ("Đơn vị ban hành", author),
                ("Thời gian thực hiện", f"{show_date(plan.period_start)} đến {show_date(plan.period_end)}"),
                ("Số nhiệm vụ", str(len(plan.tasks)))]
        return Entry(tag_uri(self.site_url, f"ke-hoach/{plan.id}"), plan.title, self.site_url + item_url(plan),
                     plan.published, summary, lambda: _html_summary(summary, rows), author,
                     self._categories(plan.topics), updated=plan.updated.date if plan.updated else None)

    def _change_entry(self, proc: Procedure, change: Change) -> Entry:
        author = self._unit_name(proc.unit, change.decision_date)
        summary = (f"Thủ tục {proc.name} (mã {proc.code}) {_CHANGE_VERBS[change.kind]} theo Quyết định số "
                   f"{change.decision} ngày {show_date(change.decision_date)}, có hiệu lực từ ngày "
                   f"{show_date(change.effective)}.")
        if change.note:
            summary += f" {change.note}"
        rows = [("Nội dung thay đổi", CHANGE_LABELS[change.kind]), ("Mã thủ tục", proc.code),
                ("Quyết định công bố", f"{change.decision} ngày {show_date(change.decision_date)}"),
                ("Ngày có hiệu lực", show_date(change.effective)), ("Lĩnh vực", proc.field),
                ("Cấp thực hiện", LEVEL_LABELS.get(proc.level, proc.level)), ("Cơ quan thực hiện", author),
                ("Dịch vụ công trực tuyến", ONLINE_LABELS.get(proc.online, proc.online))]
        extra = ""
        if proc.portal_url and change.kind != "abolished":
            extra = (f'<p><a href="{html.escape(proc.portal_url)}">Nộp hồ sơ trên Cổng Dịch vụ công</a></p>\n')
        categories = [(f"linh-vuc/{field_slug(proc.field)}", proc.field, self.site_url + "thu-tuc/")]
        return Entry(tag_uri(self.site_url, f"thu-tuc/{proc.id}/{change.key}"),
                     f"{CHANGE_LABELS[change.kind]}: {proc.name}", self.site_url + item_url(proc),
                     start_of_day(change.decision_date), summary, lambda: _html_summary(summary, rows) + extra,
                     author, categories + self._categories(proc.topics))

    def render(self, body: str) -> str:
        """Markdown to sanitized HTML, with one reused converter (cheap for thousands of items)."""
        if self._markdown is None:
            import markdown

            self._markdown = markdown.Markdown(extensions=["tables", "attr_list"])
        self._markdown.reset()
        return clean_html(self._markdown.convert(body))  # what the item's page shows (content.safety)

    # -- writing ----------------------------------------------------------------------
    def newest(self) -> datetime:
        """The date of the site's newest publication: the date of a feed with no entries (a
        correction elsewhere leaves the empty feeds as they were)."""
        dates = [self.entry(feed.sources[0]).published for feed in self.feeds[:3] if feed.sources]
        return max(dates) if dates else self.site.build_time

    def updated(self, feed: Feed) -> datetime:
        """The date of the feed: its newest entry's last change (an empty feed: the site's)."""
        return max((self.entry(source).modified for source in feed.sources), default=None) or self.newest()

    def render_feed(self, feed: Feed) -> dict[str, bytes]:
        """Both XML formats of ``feed`` as bytes: ``{"rss": ..., "atom": ...}``.

        feedgen writes the feed's own elements (on one line, without indentation: about 6%
        of the bytes of a pretty-printed feed were spaces); each entry's bytes (``Entry.xml``,
        made once per format and form) go in before the closing tags, one entry a line.
        """
        from feedgen.feed import FeedGenerator

        entries = [self.entry(source) for source in feed.sources]
        updated = self.updated(feed)
        fg = FeedGenerator()
        fg.register_extension("cchc", _RssNamespaces, None, atom=False, rss=True)
        fg.id(tag_uri(self.site_url, f"feeds/{feed.name}"))
        fg.title(feed.title)
        fg.description(feed.description)  # Atom subtitle (text) ...
        fg._FeedGenerator__rss_description = html.escape(feed.description, quote=False)  # ... RSS: HTML
        fg.language(LANGUAGE)  # RSS <language>, Atom xml:lang
        fg.author(name=self.site_name)  # Atom needs an author on the feed or on every entry
        if self.icon:
            fg.icon(self.icon)  # Atom icon
        if self.image:
            fg.image(self.image, title=feed.title, link=feed.page_url)  # RSS image and Atom logo
        fg.updated(updated)
        fg.lastBuildDate(updated)
        out = {}
        for kind in ("rss", "atom"):
            # The channel link (RSS) and the alternate link (Atom) go to the HTML page;
            # rel="self" is the address of this very file, so it differs per format.
            # (feedgen takes the RSS channel link from the last link given: alternate goes last.)
            fg.link(href=self.url(feed.name, kind), rel="self", type=MEDIA_TYPES[kind], replace=True)
            fg.link(href=feed.page_url, rel="alternate", type="text/html")
            raw = fg.rss_str() if kind == "rss" else fg.atom_str()
            tail = FEED_TAILS[kind]
            if not raw.endswith(tail):
                raise AssertionError(f"feedgen's {kind} feed {feed.name} does not end with {tail!r}")
            raw = b"".join([raw[:-len(tail)], b"\n", *(entry.xml(kind, feed.full) for entry in entries),
                            tail, b"\n"])
            out[kind] = add_stylesheet(raw, posixpath.relpath(STYLESHEET_PATH,
                                                              posixpath.dirname(feed_path(feed.name, kind))))
        return out

    def render_json(self, feed: Feed) -> bytes:
        """``feed`` as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), UTF-8."""
        data: dict = {"version": JSON_FEED_VERSION, "title": feed.title, "home_page_url": feed.page_url,
                      "feed_url": self.url(feed.name, "json"), "description": feed.description}
        if self.image and self.image != self.icon:  # a logo of its own, not the favicon again
            data["icon"] = self.image
        if self.icon:
            data["favicon"] = self.icon
        data["authors"] = [{"name": self.site_name, "url": self.site_url}]
        data["language"] = LANGUAGE
        data["items"] = [self.entry(source).json(feed.full) for source in feed.sources]
        return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    def write(self, site_dir: Path) -> list[Path]:
        """Write every feed in each of its formats under ``site_dir``; return the files written."""
        written = []

        def put(rel: str, data: bytes) -> None:
            path = Path(site_dir) / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)

        for feed in self.feeds:
            for kind, data in self.render_feed(feed).items():
                put(feed_path(feed.name, kind), data)
            if feed.has_json:
                put(json_feed_path(feed.name), self.render_json(feed))
        return written


def _news_key(item: NewsItem):
    return (item.date, item.id)


def _change_key(pair: tuple[Procedure, Change]):
    proc, change = pair
    return (change.decision_date, proc.id, proc.history.index(change))


def _html_summary(summary: str, rows: list[tuple[str, str]]) -> str:
    items = "".join(f"<li>{html.escape(label)}: {html.escape(value)}</li>\n" for label, value in rows)
    return f"<p>{html.escape(summary)}</p>\n<ul>\n{items}</ul>\n"


def add_stylesheet(xml: bytes, href: str) -> bytes:
    """Insert ``<?xml-stylesheet type="text/css"?>`` after the XML declaration: a browser that
    opens the feed shows it styled by the site's ``feed.css`` (with or without XSLT)."""
    declaration, newline, rest = xml.partition(b"\n")
    pi = f'<?xml-stylesheet type="text/css" href="{html.escape(href)}"?>'.encode()
    if not declaration.startswith(b"<?xml "):
        return pi + b"\n" + xml
    return declaration + newline + pi + b"\n" + rest
