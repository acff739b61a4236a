"""One feed entry, built once and written the same way into every feed that shows it.

An ``Entry`` holds what RSS 2.0, Atom 1.0 and JSON Feed 1.1 need of a news item, a plan
or a procedure change. ``Entry.xml(kind, full)`` gives its bytes as feedgen
prints them inside a feed (without indentation, one entry a line), plus what feedgen 1.0
cannot write:

- the unit that published it: RSS ``dc:creator`` (feedgen writes RSS ``<author>`` only
  for an e-mail address), Atom ``author`` (feedgen);
- a correction: Atom ``updated`` (feedgen), RSS ``dcterms:modified``;
- its image: RSS ``enclosure`` and Atom ``link rel="enclosure"``, with length and type
  (feedgen 1.0 drops ``rel`` on Atom entry links, so both are added here).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from cchc.urls import src_to_url

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
# Namespaces of an RSS feed's root, in feedgen's order (its extensions' first): an item
# serialized on its own under the same root has the same bytes as inside the whole feed.
RSS_NSMAP = {"dc": DC_NS, "dcterms": DCTERMS_NS, "atom": ATOM_NS, "content": CONTENT_NS}
# How feedgen's feeds end (``rss_str``/``atom_str`` without ``pretty``): entries are spliced
# in just before, each on a line of its own.
FEED_TAILS = {"rss": b"</channel></rss>", "atom": b"</feed>"}


@dataclass(frozen=True)
class Enclosure:
    """A file attached to an entry (its image): absolute address, size in bytes, media type."""

    url: str
    length: int
    type: str


@dataclass
class Entry:
    """One feed entry, built once and shared by every feed it appears in."""

    id: str
    title: str
    link: str
    published: datetime
    summary: str  # plain text: RSS description, Atom summary, JSON summary
    make_html: Callable[[], str]  # RSS content:encoded, Atom content type="html"; called once, if needed
    author: str
    categories: list[tuple[str, str, str]]  # (term, label, scheme)
    updated: datetime | None = None  # the date of a correction; None when never corrected
    image: Enclosure | None = None
    _html: str | None = None
    _xml: dict[tuple[str, bool], bytes] = field(default_factory=dict)  # (kind, full) -> bytes

    @property
    def modified(self) -> datetime:
        """The last time the entry changed: its correction, else its publication."""
        return self.updated or self.published

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
        fe.updated(self.modified)
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
        """The entry as feedgen prints it inside a feed (``<item>`` for "rss", ``<entry>`` for
        "atom"): no indentation, a newline after it. Both formats of a form are serialized
        together, once, from one ``FeedEntry``."""
        data = self._xml.get((kind, full))
        if data is None:
            from lxml import etree

            fe = self.feed_entry(full)
            rss = etree.Element("rss", nsmap=RSS_NSMAP)
            item = fe.rss_entry()
            etree.SubElement(item, f"{{{DC_NS}}}creator").text = self.author
            if self.updated is not None:
                etree.SubElement(item, f"{{{DCTERMS_NS}}}modified").text = self.updated.isoformat()
            if self.image is not None:
                etree.SubElement(item, "enclosure", url=self.image.url, length=str(self.image.length),
                                 type=self.image.type)
            etree.SubElement(rss, "channel").append(item)
            atom = etree.Element("feed")  # feedgen's Atom elements carry no namespace: the feed root declares it
            entry = fe.atom_entry()
            if self.image is not None:
                etree.SubElement(entry, "link", rel="enclosure", type=self.image.type,
                                 length=str(self.image.length), href=self.image.url)
            atom.append(entry)
            for form, root, head in (("rss", rss, b"<channel>"), ("atom", atom, b"<feed>")):
                raw = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
                start, tail = raw.index(head) + len(head), FEED_TAILS[form]  # the carrier ends as a feed does
                if not raw.endswith(tail):
                    raise AssertionError(f"unexpected serialization of {self.id}")
                self._xml[form, full] = raw[start:-len(tail)] + b"\n"
            data = self._xml[kind, full]
        return data

    def json(self, full: bool) -> dict:
        """The entry as a JSON Feed 1.1 item."""
        item: dict = {"id": self.id, "url": self.link, "title": self.title}
        if full:
            item["content_html"] = self.html
        else:
            item["content_text"] = self.summary
        item["summary"] = self.summary
        if self.image is not None:
            item["image"] = self.image.url
        item["date_published"] = self.published.isoformat()
        if self.updated is not None:
            item["date_modified"] = self.updated.isoformat()
        item["authors"] = [{"name": self.author}]
        if self.categories:
            item["tags"] = [label for _, label, _ in self.categories]
        return item


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
