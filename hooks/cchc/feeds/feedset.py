"""RSS 2.0 and Atom 1.0 feeds of the site, written with feedgen from the content model.

``FeedSet(site, site_url, ...)`` plans every feed of a build: all news
(``urls.NEWS_FEED``), procedure changes (``PROCEDURES_FEED``, one entry per
announcement: new, amended, abolished), plans (``PLANS_FEED``), news per unit
(a parent's feed includes its children's news when ``include_children``) and news
per topic. The three site-wide feeds carry each entry's full content (RSS
``content:encoded``, Atom ``content``); the unit and topic feeds carry the summary (RSS
``description``, Atom ``summary``) and the link only, so that the many unit and
topic feeds do not repeat every news body. ``write(site_dir)`` writes each feed in both formats under ``feeds/``;
``links_for(...)`` says which feeds a page belongs to, for autodiscovery.

What feed readers rely on, and how it is kept:

- **Stable ids.** An entry's Atom id and RSS guid (``isPermaLink="false"``) is a tag
  URI (RFC 4151) made of the site host and the item's ``id``, never its title or
  slug: ``tag:cchc.example.vn,2024:tin-tuc/<id>``. A procedure change adds
  ``Change.key``, so an amendment is a new entry and the first one never changes.
  The same news item has the same id in every feed.
- **Deterministic bytes.** feedgen defaults ``lastBuildDate``/``updated`` to now and
  prepends entries: here both dates come from the newest entry (or, for an empty
  feed, the newest content of the site) and entries are written newest first,
  ties broken by id.
- **Cheap.** An entry is made only for an item some feed shows, once, and shared
  by every feed it appears in. Its full content (Markdown rendered once) is made
  only if a full-content feed shows it, and its XML, per format and per full or
  summary form, is serialized once and spliced into every feed that shows it.
  The bytes are those feedgen writes for the whole feed.

Characters XML forbids never reach lxml: ``source.read_text`` rejects them at load
with the file and line. Bodies go through the same sanitizer as the pages
(``content.safety.clean_html``); RSS ``description`` elements, which readers show as
HTML, carry the plain-text summaries HTML-escaped (then XML-escaped by lxml).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from cchc.config import check_site_url
from cchc.content.model import CHANGE_LABELS, LEVEL_LABELS, ONLINE_LABELS, Change, NewsItem, Plan, Procedure, Site
from cchc.content.safety import clean_html
from cchc.text import VN_TZ, show_date, show_dated, show_datetime, start_of_day
from cchc.urls import (
    NEWS_FEED,
    PLANS_FEED,
    PROCEDURES_FEED,
    feed_path,
    item_src,
    item_url,
    src_to_url,
    topic_feed_name,
    topic_src,
    unit_feed_name,
    unit_src,
)

# The date part of every tag URI. It must never change (it is part of every id
# already published); it only says the site's owner held the host name then.
TAG_DATE = "2024"
LANGUAGE = "vi"
XSL_PATH = "assets/feeds/feed.xsl"  # served by the site itself, relative to its root
MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FORMAT_LABELS = {"rss": "RSS", "atom": "Atom"}

# How each change reads in a sentence: "được sửa đổi, bổ sung theo Quyết định ...".
_CHANGE_VERBS = {"new": "được công bố mới", "amended": "được sửa đổi, bổ sung", "abolished": "bị bãi bỏ"}


def tag_uri(site_url: str, specific: str) -> str:
    """``tag:<host>,<TAG_DATE>:<path of the site><specific>``: a permanent id (RFC 4151)."""
    parts = urlsplit(site_url)
    return f"tag:{parts.hostname},{TAG_DATE}:{parts.path.lstrip('/')}{specific}"


@dataclass(frozen=True)
class FeedLink:
    """One feed as a page links it: both formats' absolute addresses."""

    name: str
    title: str
    rss_url: str
    atom_url: str

    def alternates(self) -> list[dict[str, str]]:
        """``<link rel="alternate">`` attributes for the page head, RSS first."""
        return [{"type": MEDIA_TYPES[kind], "href": url, "title": f"{self.title} ({FORMAT_LABELS[kind]})"}
                for kind, url in (("rss", self.rss_url), ("atom", self.atom_url))]


# Namespaces of feedgen's RSS root: an item serialized on its own under the same root
# has the same bytes as inside the whole feed (``content:encoded``, no declaration).
_RSS_NSMAP = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/"}
# How feedgen's pretty-printed feeds end: entries are spliced in just before.
_FEED_TAILS = {"rss": b"  </channel>\n</rss>\n", "atom": b"</feed>\n"}


@dataclass
class Entry:
    """One feed entry, built once and shared by every feed it appears in."""

    id: str
    title: str
    link: str
    published: datetime
    summary: str  # plain text: RSS description, Atom summary
    make_html: Callable[[], str]  # RSS content:encoded, Atom content type="html"; called once, if needed
    author: str
    categories: list[tuple[str, str, str]]  # (term, label, scheme)
    _html: str | None = None
    _xml: dict[tuple[str, bool], bytes] = field(default_factory=dict)  # (kind, full) -> bytes

    @property
    def html(self) -> str:
        """The full content, made on first use (only entries of a full-content feed need it)."""
        if self._html is None:
            self._html = self.make_html()
        return self._html

    def feed_entry(self, full: bool = True):
        """A feedgen ``FeedEntry``: with the full content, or (``full=False``) summary and link only."""
        from feedgen.entry import FeedEntry

        fe = FeedEntry()
        fe.id(self.id)  # also the RSS guid, isPermaLink="false": a tag URI is not a web address
        fe.title(self.title)
        fe.link(href=self.link)  # rel defaults to alternate (feedgen 1.0 drops rel/type on entry links)
        fe.published(self.published)
        fe.updated(self.published)
        fe.author(name=self.author)
        if full:
            fe.content(self.html, type="html")
        fe.summary(self.summary)  # Atom summary: type text, read as text
        # RSS description is read as HTML by every reader: the text goes in escaped for HTML, then
        # lxml escapes it for XML, so "<" and "&" read as on the page and no tag reaches a reader.
        # (feedgen 1.0 sets it only together with Atom's summary or content.)
        fe._FeedEntry__rss_description = html.escape(self.summary, quote=False)
        for term, label, scheme in self.categories:
            fe.category(term=term, label=label, scheme=scheme)
        return fe

    def xml(self, kind: str, full: bool) -> bytes:
        """The entry as feedgen prints it inside a pretty-printed feed (``<item>`` for "rss",
        ``<entry>`` for "atom"), indentation and final newline included. Both formats of a
        form are serialized together, once, from one ``FeedEntry``."""
        data = self._xml.get((kind, full))
        if data is None:
            from lxml import etree

            fe = self.feed_entry(full)
            rss = etree.Element("rss", nsmap=_RSS_NSMAP)
            etree.SubElement(rss, "channel").append(fe.rss_entry())
            atom = etree.Element("feed")  # feedgen's Atom elements carry no namespace: the feed root declares it
            atom.append(fe.atom_entry())
            for form, root, head in (("rss", rss, b"<channel>\n"), ("atom", atom, b"<feed>\n")):
                raw = etree.tostring(root, pretty_print=True, encoding="UTF-8", xml_declaration=False)
                start, tail = raw.index(head) + len(head), _FEED_TAILS[form]  # the carrier ends as a feed does
                if not raw.endswith(tail):
                    raise AssertionError(f"unexpected serialization of {self.id}")
                self._xml[form, full] = raw[start:-len(tail)]
            data = self._xml[kind, full]
        return data


@dataclass
class Feed:
    """One feed to write: what it is about and its entries, newest first."""

    name: str
    title: str
    description: str
    page_url: str  # absolute address of the HTML page the feed stands for
    group: str  # "site" | "unit" | "topic": how the feeds page lists it
    sources: list = field(default_factory=list)  # model objects, newest first, cut to the feed length

    @property
    def full(self) -> bool:
        """Whether entries carry their full content: the site-wide feeds do; a unit's or a
        topic's feed carries summary and link only (its items are all in ``tin-tuc`` in full)."""
        return self.group == "site"


class FeedSet:
    """Every feed of one build, planned from the model; entries are made on demand."""

    def __init__(self, site: Site, site_url: str, site_name: str, feed_length: int = 50,
                 include_children: bool = True):
        self.site = site
        self.site_url = check_site_url(site_url)
        self.site_name = site_name
        self.length = feed_length
        self.include_children = include_children
        self._entries: dict[tuple[str, str], Entry] = {}
        self._markdown = None
        self.feeds: list[Feed] = self._plan()
        self.by_name = {feed.name: feed for feed in self.feeds}

    # -- planning -------------------------------------------------------------------
    def _plan(self) -> list[Feed]:
        site, n, home = self.site, self.length, self.site_url
        feeds = [
            Feed(NEWS_FEED, f"{self.site_name}: tin, bài", "Tất cả tin, bài về cải cách hành chính", home,
                 "site", site.news[:n]),
            Feed(PROCEDURES_FEED, f"{self.site_name}: thủ tục hành chính công bố mới, sửa đổi, bãi bỏ",
                 "Mỗi lần một thủ tục hành chính được công bố mới, sửa đổi, bổ sung hoặc bãi bỏ", home,
                 "site", self.procedure_changes()[:n]),
            Feed(PLANS_FEED, f"{self.site_name}: kế hoạch", "Kế hoạch cải cách hành chính mới ban hành", home,
                 "site", site.plans[:n]),
        ]
        by_unit: dict[str, list[NewsItem]] = defaultdict(list)
        by_topic: dict[str, list[NewsItem]] = defaultdict(list)
        for item in site.news:  # already newest first: every bucket stays sorted
            by_unit[item.unit].append(item)
            for topic in item.topics:
                by_topic[topic].append(item)
        for unit in site.units.values():
            members = site.descendants(unit.id) if self.include_children else [unit.id]
            items = [item for member in members for item in by_unit[member][:n]]
            items.sort(key=_news_key, reverse=True)
            what = "và các đơn vị trực thuộc" if self.include_children and len(members) > 1 else ""
            feeds.append(Feed(unit_feed_name(unit.id), f"{unit.short_name}: tin, bài cải cách hành chính",
                              " ".join(filter(None, ["Tin, bài cải cách hành chính của", unit.name, what])),
                              home + src_to_url(unit_src(unit.id)), "unit", items[:n]))
        for topic in site.topics.values():
            feeds.append(Feed(topic_feed_name(topic.id), f"{self.site_name}: {topic.name}",
                              topic.description or f"Tin, bài về {topic.name.lower()}",
                              home + src_to_url(topic_src(topic.id)), "topic", by_topic[topic.id][:n]))
        return feeds

    def procedure_changes(self) -> list[tuple[Procedure, Change]]:
        """Every announced change, newest first; a change decided after the build time waits."""
        day = self.site.build_date
        changes = [(proc, i, change) for proc in self.site.procedures
                   for i, change in enumerate(proc.history) if change.decision_date <= day]
        changes.sort(key=lambda c: (c[2].decision_date, c[0].id, c[1]), reverse=True)
        return [(proc, change) for proc, _, change in changes]

    # -- addresses --------------------------------------------------------------------
    def url(self, name: str, kind: str) -> str:
        return self.site_url + feed_path(name, kind)

    def link(self, feed: Feed) -> FeedLink:
        return FeedLink(feed.name, feed.title, self.url(feed.name, "rss"), self.url(feed.name, "atom"))

    def links_for(self, kind: str | None = None, unit: str | None = None,
                  topics: list[str] | tuple = ()) -> list[FeedLink]:
        """The feeds a page belongs to: the site's news feed always, the feed of its kind
        (procedure changes, plans), its unit's and its topics' feeds."""
        names = [NEWS_FEED]
        if kind == "procedure":
            names.append(PROCEDURES_FEED)
        elif kind == "plan":
            names.append(PLANS_FEED)
        if unit:
            names.append(unit_feed_name(unit))
        names += [topic_feed_name(t) for t in topics]
        seen: list[str] = []
        for name in names:
            if name in self.by_name and name not in seen:
                seen.append(name)
        return [self.link(self.by_name[name]) for name in seen]

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

    def _news_entry(self, item: NewsItem) -> Entry:
        day = item.date.astimezone(VN_TZ).date()
        author = self._unit_name(item.unit, day)

        def content() -> str:  # Markdown rendered only for an item a full-content feed shows
            base = self.site_url + posixpath.dirname(item_src(item)) + "/"
            body = absolute_links(self.render(item.body), base, self.site_url)
            image = ""
            if item.image:
                image = (f'<p><img src="{html.escape(self.site_url + item.image)}" '
                         f'alt="{html.escape(item.title)}"></p>\n')
            meta = f"<p><em>{html.escape(author)}, {show_datetime(item.date)}</em></p>\n"
            return f"{image}<p><strong>{html.escape(item.summary)}</strong></p>\n{meta}{body}"

        return Entry(tag_uri(self.site_url, f"tin-tuc/{item.id}"), item.title, self.site_url + item_url(item),
                     item.date, item.summary, content, author, self._categories(item.topics))

    def _plan_entry(self, plan: Plan) -> Entry:
        author = self._unit_name(plan.unit, plan.date)
        number = f"số {plan.number} " if plan.number else ""
        summary = plan.summary or f"Kế hoạch {number}{show_dated(plan.date)} của {author}."
        rows = [("Số, ký hiệu", plan.number or "Chưa có số"), ("Ngày ban hành", show_date(plan.date)),
                ("Đơn vị ban hành", author),
                ("Thời gian thực hiện", f"{show_date(plan.period_start)} đến {show_date(plan.period_end)}"),
                ("Số nhiệm vụ", str(len(plan.tasks)))]
        return Entry(tag_uri(self.site_url, f"ke-hoach/{plan.id}"), plan.title, self.site_url + item_url(plan),
                     plan.published, summary, lambda: _html_summary(summary, rows), author,
                     self._categories(plan.topics))

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
        categories = [(f"linh-vuc/{_slug(proc.field)}", proc.field, self.site_url + "thu-tuc/")]
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
        """The newest date of the site's content: the date of a feed with no entries."""
        dates = [self.entry(feed.sources[0]).published for feed in self.feeds[:3] if feed.sources]
        return max(dates) if dates else self.site.build_time

    def render_feed(self, feed: Feed) -> dict[str, bytes]:
        """Both formats of ``feed`` as bytes: ``{"rss": ..., "atom": ...}``.

        feedgen writes the feed's own elements; each entry's bytes (``Entry.xml``, made
        once per format and form) go in before the closing tags, as feedgen would put them.
        """
        from feedgen.feed import FeedGenerator

        entries = [self.entry(source) for source in feed.sources]
        updated = max((e.published for e in entries), default=None) or self.newest()
        fg = FeedGenerator()
        fg.id(tag_uri(self.site_url, f"feeds/{feed.name}"))
        fg.title(feed.title)
        fg.description(feed.description)  # Atom subtitle (text) ...
        fg._FeedGenerator__rss_description = html.escape(feed.description, quote=False)  # ... RSS: HTML
        fg.language(LANGUAGE)  # RSS <language>, Atom xml:lang
        fg.author(name=self.site_name)  # Atom needs an author on the feed or on every entry
        fg.updated(updated)
        fg.lastBuildDate(updated)
        out = {}
        for kind in ("rss", "atom"):
            # The channel link (RSS) and the alternate link (Atom) go to the HTML page;
            # rel="self" is the address of this very file, so it differs per format.
            # (feedgen takes the RSS channel link from the last link given: alternate goes last.)
            fg.link(href=self.url(feed.name, kind), rel="self", type=MEDIA_TYPES[kind], replace=True)
            fg.link(href=feed.page_url, rel="alternate", type="text/html")
            raw = fg.rss_str(pretty=True) if kind == "rss" else fg.atom_str(pretty=True)
            tail = _FEED_TAILS[kind]
            if not raw.endswith(tail):
                raise AssertionError(f"feedgen's {kind} feed {feed.name} does not end with {tail!r}")
            raw = b"".join([raw[:-len(tail)], *(entry.xml(kind, feed.full) for entry in entries), tail])
            out[kind] = add_stylesheet(raw, posixpath.relpath(XSL_PATH, posixpath.dirname(feed_path(feed.name, kind))))
        return out

    def write(self, site_dir: Path) -> list[Path]:
        """Write every feed in both formats under ``site_dir``; return the files written."""
        written = []
        for feed in self.feeds:
            for kind, data in self.render_feed(feed).items():
                path = Path(site_dir) / feed_path(feed.name, kind)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                written.append(path)
        return written


def feeds_page_markdown(feeds: FeedSet, page_exists=lambda src: False) -> str:
    """The page that explains feeds to citizens and lists every feed, as Markdown.

    ``page_exists(src)`` says whether a unit or topic page exists, so its name can
    link to it (a link to a missing page would fail a strict build).
    """
    def row(feed: Feed, label: str, src: str | None) -> str:
        name = _cell(label)
        if src and page_exists(src):
            name = f"[{name}]({src})"
        rss, atom = feeds.url(feed.name, "rss"), feeds.url(feed.name, "atom")
        return f"| {name} | [RSS]({rss}) | [Atom]({atom}) | {len(feed.sources)} |"

    head = ["| Nguồn tin | RSS | Atom | Số tin |", "|---|---|---|---|"]
    site_rows = [row(feeds.by_name[name], label, None) for name, label in (
        (NEWS_FEED, "Tất cả tin, bài"),
        (PROCEDURES_FEED, "Thủ tục hành chính công bố mới, sửa đổi, bổ sung, bãi bỏ"),
        (PLANS_FEED, "Kế hoạch cải cách hành chính"))]
    unit_rows = [row(feeds.by_name[unit_feed_name(u.id)], u.name, unit_src(u.id)) for u in feeds.site.units.values()]
    topic_rows = [row(feeds.by_name[topic_feed_name(t.id)], t.name, topic_src(t.id))
                  for t in feeds.site.topics.values()]
    children = (" Nguồn tin của một đơn vị gồm cả tin, bài của các đơn vị trực thuộc."
                if feeds.include_children else "")
    return "\n".join([
        "# Nguồn tin RSS, Atom",
        "",
        "Nguồn tin (RSS hoặc Atom) giúp bạn nhận ngay tin, bài mới và các thay đổi về thủ tục hành chính "
        "mà không phải vào trang web hằng ngày: ứng dụng đọc tin tự kiểm tra và báo cho bạn khi có nội dung mới.",
        "",
        "## Cách theo dõi",
        "",
        "1. Cài một ứng dụng đọc tin (RSS reader) trên điện thoại hoặc máy tính, hoặc dùng tính năng theo dõi "
        "trang web của trình duyệt.",
        "2. Chọn nguồn tin muốn theo dõi trong các bảng dưới đây, nhấn giữ (hoặc nhấp chuột phải) vào chữ "
        "**RSS** hoặc **Atom** và chọn sao chép địa chỉ liên kết. Hai định dạng có cùng nội dung, "
        "ứng dụng nào cũng đọc được ít nhất một trong hai.",
        "3. Dán địa chỉ vào ứng dụng đọc tin. Tin mới sẽ tự hiện ra.",
        "",
        f"Mỗi nguồn tin có tối đa {feeds.length} tin mới nhất. Mỗi tin, mỗi lần một thủ tục được công bố mới, "
        "sửa đổi, bổ sung hay bãi bỏ chỉ xuất hiện một lần, kể cả khi tiêu đề được sửa sau đó." + children,
        "",
        "Nguồn tin chung có toàn văn mỗi tin, bài và mỗi thay đổi thủ tục. Nguồn tin theo đơn vị và theo chủ đề "
        "chỉ có tiêu đề, tóm tắt và liên kết đến bài đầy đủ trên trang web; muốn đọc toàn văn ngay trong ứng dụng "
        "đọc tin, hãy theo dõi nguồn tin **Tất cả tin, bài**.",
        "",
        "## Nguồn tin chung",
        "",
        *head, *site_rows,
        "",
        "## Theo đơn vị",
        "",
        *head, *unit_rows,
        "",
        "## Theo chủ đề",
        "",
        *head, *topic_rows,
        "",
    ])


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no HTML, no column break."""
    return html.escape(text).replace("|", "&#124;")


def _news_key(item: NewsItem):
    return (item.date, item.id)


def _slug(text: str) -> str:
    from cchc.text import slugify

    return slugify(text)


def _html_summary(summary: str, rows: list[tuple[str, str]]) -> str:
    items = "".join(f"<li>{html.escape(label)}: {html.escape(value)}</li>\n" for label, value in rows)
    return f"<p>{html.escape(summary)}</p>\n<ul>\n{items}</ul>\n"


_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def absolute_links(fragment: str, base: str, site_url: str) -> str:
    """Make the links of rendered Markdown absolute: feed readers have no page to resolve them from.

    A relative link is relative to the item's source file, as MkDocs reads it; a link
    to a ``.md`` page becomes the address of that page.
    """

    def fix(match: re.Match) -> str:
        url = html.unescape(match[2])
        if not url or url.startswith("#") or urlsplit(url).scheme:
            return match[0]
        path, sep, frag = url.partition("#")
        if path.endswith(".md"):
            resolved = urljoin(base, path)
            if resolved.startswith(site_url):
                path = site_url + src_to_url(resolved[len(site_url):])
        absolute = urljoin(base, path) + sep + frag
        return f"{match[1]}{html.escape(absolute)}{match[3]}"

    return _URL_ATTR.sub(fix, fragment)


def add_stylesheet(xml: bytes, href: str) -> bytes:
    """Insert ``<?xml-stylesheet?>`` after the XML declaration, so a browser shows a readable page."""
    declaration, newline, rest = xml.partition(b"\n")
    pi = f'<?xml-stylesheet type="text/xsl" href="{html.escape(href)}"?>'.encode()
    if not declaration.startswith(b"<?xml "):
        return pi + b"\n" + xml
    return declaration + newline + pi + b"\n" + rest
