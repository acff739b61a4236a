"""Offline checks of the RSS 2.0 and Atom 1.0 rules the W3C Feed Validation Service applies.

There is no network in the test environment, so the validator's checks that matter
for these feeds are written here: required elements, RFC 822 dates (RSS) and
RFC 3339 dates (Atom) with a time zone, ``atom:link rel="self"`` equal to the
feed's own address, ``guid isPermaLink`` used correctly, unique ids, absolute
URLs (in links and in the HTML content), an ISO 639 language code, an author for
every Atom entry. Each function returns a list of problems (empty when valid).
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
A = f"{{{ATOM}}}"

# RFC 822 as amended by RFC 1123 (four-digit year), what the validator accepts.
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,8})*$")  # ISO 639 code, optional region
_URL_IN_HTML = re.compile(r'\s(?:href|src)="([^"]*)"')


def is_absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_uri(value: str | None) -> bool:
    """An IRI with a scheme, as atom:id requires (tag:, urn:, http:)."""
    return bool(value) and bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", value)) and " " not in value


def relative_urls_in_html(fragment: str) -> list[str]:
    """Links in HTML content that a feed reader could not resolve."""
    return [u for u in _URL_IN_HTML.findall(fragment) if not u.startswith("#") and not is_absolute(u)]


def check_rss(data: bytes, url: str) -> list[str]:
    problems: list[str] = []
    root = etree.fromstring(data)
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"root element is <{root.tag} version={root.get('version')}>, not <rss version='2.0'>"]
    channel = root.find("channel")
    if channel is None:
        return ["missing <channel>"]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            problems.append(f"channel: missing required element <{name}>")
    if not is_absolute(channel.findtext("link")):
        problems.append(f"channel link is not absolute: {channel.findtext('link')!r}")
    language = channel.findtext("language")
    if language is None or not LANGUAGE.match(language):
        problems.append(f"channel language is not a language code: {language!r}")
    for name in ("lastBuildDate", "pubDate"):
        value = channel.findtext(name)
        if value is not None and not _rfc822(value):
            problems.append(f"channel {name} is not an RFC 822 date: {value!r}")
    selfs = [ln for ln in channel.findall(f"{A}link") if ln.get("rel") == "self"]
    if len(selfs) != 1:
        problems.append(f"expected one atom:link rel='self', found {len(selfs)}")
    else:
        if selfs[0].get("href") != url:
            problems.append(f"atom:link rel='self' is {selfs[0].get('href')!r}, the feed is at {url!r}")
        if selfs[0].get("type") != "application/rss+xml":
            problems.append(f"atom:link rel='self' has type {selfs[0].get('type')!r}")
    image = channel.find("image")
    if image is not None:
        if not is_absolute(image.findtext("url")):
            problems.append(f"image url is not absolute: {image.findtext('url')!r}")
        if image.findtext("link") != channel.findtext("link"):
            problems.append("image link does not match the channel link")
        if image.findtext("title") != channel.findtext("title"):
            problems.append("image title does not match the channel title")
    guids: set[str] = set()
    for n, item in enumerate(channel.findall("item"), start=1):
        where = f"item {n}"
        if not (item.findtext("title") or item.findtext("description")):
            problems.append(f"{where}: needs a title or a description")
        link = item.findtext("link")
        if not is_absolute(link):
            problems.append(f"{where}: link is not absolute: {link!r}")
        guid = item.find("guid")
        if guid is None or not (guid.text or "").strip():
            problems.append(f"{where}: no guid")
        else:
            permalink = guid.get("isPermaLink", "true")
            if permalink not in ("true", "false"):
                problems.append(f"{where}: isPermaLink must be 'true' or 'false', not {permalink!r}")
            if permalink == "true" and not is_absolute(guid.text):
                problems.append(f"{where}: guid {guid.text!r} is a permalink but not a URL (set isPermaLink='false')")
            if guid.text in guids:
                problems.append(f"{where}: guid {guid.text!r} is used twice")
            guids.add(guid.text)
        date = item.findtext("pubDate")
        if date is None or not _rfc822(date):
            problems.append(f"{where}: pubDate missing or not an RFC 822 date: {date!r}")
        for category in item.findall("category"):
            if not (category.text or "").strip():
                problems.append(f"{where}: empty category")
        for name in ("description", f"{{{CONTENT}}}encoded"):
            relative = relative_urls_in_html(item.findtext(name) or "")
            if relative:
                problems.append(f"{where}: relative URLs in {name}: {relative}")
        if item.find("author") is not None and "@" not in (item.findtext("author") or ""):
            problems.append(f"{where}: RSS author must be an e-mail address")
        enclosures = item.findall("enclosure")
        if len(enclosures) > 1:
            problems.append(f"{where}: more than one enclosure")
        for enclosure in enclosures:
            if not is_absolute(enclosure.get("url")):
                problems.append(f"{where}: enclosure url is not absolute: {enclosure.get('url')!r}")
            if not (enclosure.get("length") or "").isdigit():
                problems.append(f"{where}: enclosure length must be a number of bytes: {enclosure.get('length')!r}")
            if not re.match(r"^[a-z]+/[a-z0-9.+-]+$", enclosure.get("type") or ""):
                problems.append(f"{where}: enclosure type is not a media type: {enclosure.get('type')!r}")
        for name in (f"{{{DC}}}creator", f"{{{DCTERMS}}}modified"):
            element = item.find(name)
            if element is not None and not (element.text or "").strip():
                problems.append(f"{where}: empty {name}")
        modified = item.findtext(f"{{{DCTERMS}}}modified")
        if modified is not None and not RFC3339.match(modified):
            problems.append(f"{where}: dcterms:modified is not a W3C date: {modified!r}")
    return problems


def check_atom(data: bytes, url: str) -> list[str]:
    problems: list[str] = []
    root = etree.fromstring(data)
    if root.tag != f"{A}feed":
        return [f"root element is {root.tag}, not atom:feed"]
    if root.get(XML_LANG) is None or not LANGUAGE.match(root.get(XML_LANG)):
        problems.append(f"xml:lang is not a language code: {root.get(XML_LANG)!r}")
    for name in ("id", "title", "updated"):
        if len(root.findall(f"{A}{name}")) != 1:
            problems.append(f"feed: needs exactly one <{name}>")
    if not is_uri(root.findtext(f"{A}id")):
        problems.append(f"feed id is not a URI: {root.findtext(f'{A}id')!r}")
    if not RFC3339.match(root.findtext(f"{A}updated") or ""):
        problems.append(f"feed updated is not an RFC 3339 date: {root.findtext(f'{A}updated')!r}")
    links = root.findall(f"{A}link")
    selfs = [ln for ln in links if ln.get("rel") == "self"]
    if len(selfs) != 1 or selfs[0].get("href") != url:
        problems.append(f"atom:link rel='self' must be exactly {url!r}: {[s.get('href') for s in selfs]}")
    elif selfs[0].get("type") != "application/atom+xml":
        problems.append(f"atom:link rel='self' has type {selfs[0].get('type')!r}")
    for link in links:
        if not is_absolute(link.get("href")):
            problems.append(f"feed link is not absolute: {link.get('href')!r}")
    for name in ("icon", "logo"):
        if root.find(f"{A}{name}") is not None and not is_absolute(root.findtext(f"{A}{name}")):
            problems.append(f"feed {name} is not an absolute URL: {root.findtext(f'{A}{name}')!r}")
    alternates = [ln for ln in links if ln.get("rel", "alternate") == "alternate"]
    if len({(ln.get("type"), ln.get("hreflang")) for ln in alternates}) != len(alternates):
        problems.append("two alternate links with the same type and hreflang")
    feed_author = root.find(f"{A}author/{A}name") is not None
    ids: set[str] = set()
    for n, entry in enumerate(root.findall(f"{A}entry"), start=1):
        where = f"entry {n}"
        for name in ("id", "title", "updated"):
            if len(entry.findall(f"{A}{name}")) != 1:
                problems.append(f"{where}: needs exactly one <{name}>")
        entry_id = entry.findtext(f"{A}id")
        if not is_uri(entry_id):
            problems.append(f"{where}: id is not a URI: {entry_id!r}")
        if entry_id in ids:
            problems.append(f"{where}: id {entry_id!r} is used twice")
        ids.add(entry_id)
        for name in ("updated", "published"):
            value = entry.findtext(f"{A}{name}")
            if value is not None and not RFC3339.match(value):
                problems.append(f"{where}: {name} is not an RFC 3339 date: {value!r}")
        entry_links = entry.findall(f"{A}link")
        alternates = [ln for ln in entry_links if ln.get("rel", "alternate") == "alternate"]
        content = entry.find(f"{A}content")
        if not alternates and content is None:
            problems.append(f"{where}: needs an alternate link or content")
        for link in entry_links:
            if not is_absolute(link.get("href")):
                problems.append(f"{where}: link is not absolute: {link.get('href')!r}")
            if link.get("length") is not None and not link.get("length").isdigit():
                problems.append(f"{where}: link length must be a number of bytes: {link.get('length')!r}")
        if not feed_author and entry.find(f"{A}author/{A}name") is None:
            problems.append(f"{where}: no author (and none on the feed)")
        if content is not None:
            if content.get("type") not in (None, "text", "html", "xhtml"):
                problems.append(f"{where}: content type {content.get('type')!r}")
            if content.get("type") == "html" and relative_urls_in_html(content.text or ""):
                problems.append(f"{where}: relative URLs in content: {relative_urls_in_html(content.text or '')}")
    return problems


JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def check_json_feed(data: bytes, url: str) -> list[str]:
    """The rules of JSON Feed 1.1 (https://jsonfeed.org/version/1.1): required keys, types,
    absolute URLs, RFC 3339 dates, unique string ids, content in every item."""
    import json

    problems: list[str] = []
    try:
        feed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return [f"not UTF-8 JSON: {exc}"]
    if feed.get("version") != JSON_FEED_VERSION:
        problems.append(f"version is {feed.get('version')!r}, not {JSON_FEED_VERSION!r}")
    if not isinstance(feed.get("title"), str) or not feed["title"].strip():
        problems.append("title is required")
    if feed.get("feed_url") != url:
        problems.append(f"feed_url is {feed.get('feed_url')!r}, the feed is at {url!r}")
    for key in ("home_page_url", "icon", "favicon"):
        if key in feed and not is_absolute(feed[key]):
            problems.append(f"{key} is not an absolute URL: {feed[key]!r}")
    if "language" in feed and not LANGUAGE.match(str(feed["language"])):
        problems.append(f"language is not a language code: {feed['language']!r}")
    for author in feed.get("authors", []):
        if not isinstance(author, dict) or not (author.get("name") or author.get("url")):
            problems.append(f"author without a name or url: {author!r}")
    items = feed.get("items")
    if not isinstance(items, list):
        return problems + ["items must be a list"]
    ids: set[str] = set()
    for n, item in enumerate(items, start=1):
        where = f"item {n}"
        item_id = item.get("id")
        if not isinstance(item_id, str) or not item_id:
            problems.append(f"{where}: id must be a non-empty string")
        elif item_id in ids:
            problems.append(f"{where}: id {item_id!r} is used twice")
        ids.add(item_id)
        if not (item.get("content_html") or item.get("content_text")):
            problems.append(f"{where}: needs content_html or content_text")
        for key in ("url", "external_url", "image", "banner_image"):
            if key in item and not is_absolute(item[key]):
                problems.append(f"{where}: {key} is not an absolute URL: {item[key]!r}")
        for key in ("date_published", "date_modified"):
            if key in item and not RFC3339.match(str(item[key])):
                problems.append(f"{where}: {key} is not an RFC 3339 date: {item[key]!r}")
        if "tags" in item and not all(isinstance(t, str) for t in item["tags"]):
            problems.append(f"{where}: tags must be strings")
        relative = relative_urls_in_html(item.get("content_html") or "")
        if relative:
            problems.append(f"{where}: relative URLs in content_html: {relative}")
    return problems


def _rfc822(value: str) -> bool:
    if not RFC822.match(value):
        return False
    try:
        return parsedate_to_datetime(value).tzinfo is not None
    except (TypeError, ValueError):
        return False


# -- the checks themselves catch what the validator reports ---------------------------------

_RSS_OK = b"""<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>
<title>T</title><link>https://a.vn/</link><description>D</description>
<atom:link href="https://a.vn/f.xml" rel="self" type="application/rss+xml"/>
<language>vi</language><lastBuildDate>Tue, 05 Mar 2024 08:30:00 +0700</lastBuildDate>
<item><title>x</title><link>https://a.vn/x/</link><guid isPermaLink="false">tag:a.vn,2024:x</guid>
<pubDate>Tue, 05 Mar 2024 08:30:00 +0700</pubDate><description>&lt;a href="y/"&gt;y&lt;/a&gt;</description></item>
</channel></rss>"""


def test_rss_checks_catch_what_the_validator_reports():
    url = "https://a.vn/f.xml"
    assert check_rss(_RSS_OK.replace(b'href="y/"', b'href="https://a.vn/y/"'), url) == []
    problems = check_rss(_RSS_OK, url)
    assert any("relative URLs" in p for p in problems)
    assert any("self" in p for p in check_rss(_RSS_OK, "https://a.vn/other.xml"))
    assert any("RFC 822" in p for p in check_rss(_RSS_OK.replace(b"Tue, 05 Mar 2024", b"2024-03-05"), url))
    assert any("permalink" in p for p in check_rss(_RSS_OK.replace(b'isPermaLink="false"', b""), url))
    assert any("language" in p for p in check_rss(_RSS_OK.replace(b"<language>vi", b"<language>Vietnamese"), url))
    enclosure = b'<enclosure url="https://a.vn/a.png" length="12" type="image/png"/></item>'
    fixed = _RSS_OK.replace(b'href="y/"', b'href="https://a.vn/y/"')
    assert check_rss(fixed.replace(b"</item>", enclosure), url) == []
    assert any("length" in p for p in check_rss(fixed.replace(b"</item>", enclosure.replace(b'"12"', b'""')), url))
    image = b"<image><url>https://a.vn/i.png</url><title>T</title><link>https://a.vn/other/</link></image>"
    assert any("image link" in p for p in check_rss(fixed.replace(b"<language>", image + b"<language>"), url))


_ATOM_OK = b"""<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi"><id>tag:a.vn,2024:f</id><title>T</title>
<updated>2024-03-05T08:30:00+07:00</updated><author><name>A</name></author>
<link href="https://a.vn/f.atom" rel="self" type="application/atom+xml"/>
<entry><id>tag:a.vn,2024:x</id><title>x</title><updated>2024-03-05T08:30:00+07:00</updated>
<link href="https://a.vn/x/"/></entry></feed>"""


def test_atom_checks_catch_what_the_validator_reports():
    url = "https://a.vn/f.atom"
    assert check_atom(_ATOM_OK, url) == []
    assert any("RFC 3339" in p for p in check_atom(_ATOM_OK.replace(b"2024-03-05T08:30:00+07:00</updated><author>",
                                                                   b"2024-03-05 08:30</updated><author>"), url))
    assert any("author" in p for p in check_atom(_ATOM_OK.replace(b"<author><name>A</name></author>", b""), url))
    assert any("not absolute" in p for p in check_atom(_ATOM_OK.replace(b'"https://a.vn/x/"', b'"x/"'), url))
    twice = _ATOM_OK.replace(b"</feed>", _ATOM_OK[_ATOM_OK.index(b"<entry>"):])
    assert any("used twice" in p for p in check_atom(twice, url))


_JSON_OK = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "T", "feed_url": "https://a.vn/f.json",
"home_page_url": "https://a.vn/", "language": "vi", "authors": [{"name": "A"}],
"items": [{"id": "tag:a.vn,2024:x", "url": "https://a.vn/x/", "content_html": "<p>x</p>",
"date_published": "2024-03-05T08:30:00+07:00"}]}"""


def test_json_feed_checks_catch_what_the_spec_forbids():
    url = "https://a.vn/f.json"
    assert check_json_feed(_JSON_OK, url) == []
    assert any("version" in p for p in check_json_feed(_JSON_OK.replace(b"version/1.1", b"version/1"), url))
    assert any("RFC 3339" in p for p in check_json_feed(_JSON_OK.replace(b"2024-03-05T08:30:00+07:00",
                                                                         b"05/03/2024"), url))
    assert any("content" in p for p in check_json_feed(_JSON_OK.replace(b'"content_html"', b'"note"'), url))
    assert any("absolute" in p for p in check_json_feed(_JSON_OK.replace(b'"https://a.vn/x/"', b'"x/"'), url))
    assert any("feed_url" in p for p in check_json_feed(_JSON_OK, "https://a.vn/other.json"))
    twice = _JSON_OK.replace(b'"date_published": "2024-03-05T08:30:00+07:00"}]',
                             b'"date_published": "2024-03-05T08:30:00+07:00"}, {"id": "tag:a.vn,2024:x", '
                             b'"content_text": "y"}]')
    assert any("used twice" in p for p in check_json_feed(twice, url))
