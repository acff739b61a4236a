"""MkDocs hooks: RSS 2.0 and Atom feeds, their autodiscovery links and the feeds page.

Events: ``on_files`` (plan the
feeds from the model; add the page ``nguon-tin/`` that lists them and the XSL that
shows a feed in a browser), ``on_page_markdown`` (write the feeds page, linking the
unit and topic pages that exist), ``on_page_context`` (``cchc_feeds``: the feeds the
page belongs to, for ``partials/feed-links.html``), ``on_post_build`` (write the
feeds under ``feeds/``). The work is done by ``cchc.feeds``; the model comes from
``cchc.build.current()``, set by ``hooks/cchc_site.py``.
"""

from __future__ import annotations

from pathlib import Path

from cchc import build as cchc_build
from cchc.build import PageRef
from cchc.feeds import XSL_PATH, FeedSet, feeds_page_markdown
from cchc.urls import FEEDS_PAGE_SRC
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("cchc.feeds")

# Shipped copies of the XSL and its CSS, for a site whose docs/ has none.
_SHIPPED_ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "feeds"
_FEEDS_KEY = "feeds"
_PAGE_TITLE = "Nguồn tin RSS, Atom"


def on_files(files, config):
    build = cchc_build.current()
    feeds = FeedSet(build.site, build.site_url, config.site_name, build.settings.feed_length,
                    build.settings.include_children)
    build.extra[_FEEDS_KEY] = feeds
    if files.get_file_from_path(FEEDS_PAGE_SRC) is None:
        # The content is written in on_page_markdown, when every generated page is known.
        files.append(File.generated(config, FEEDS_PAGE_SRC, content=f"# {_PAGE_TITLE}\n"))
        build.pages[FEEDS_PAGE_SRC] = PageRef("listing", _PAGE_TITLE)
    for name in ("feed.xsl", "feed.css"):
        src = f"{Path(XSL_PATH).parent.as_posix()}/{name}"
        if files.get_file_from_path(src) is None and (_SHIPPED_ASSETS / name).is_file():
            files.append(File.generated(config, src, abs_src_path=str(_SHIPPED_ASSETS / name)))
    return files


def on_page_markdown(markdown, page, config, files):
    build = cchc_build.current()
    if page.file.src_uri != FEEDS_PAGE_SRC or not page.file.generated_by:
        return markdown
    return feeds_page_markdown(build.extra[_FEEDS_KEY], lambda src: files.get_file_from_path(src) is not None)


def on_page_context(context, page, config, nav):
    build = cchc_build.current()
    feeds: FeedSet = build.extra[_FEEDS_KEY]
    ref = build.pages.get(page.file.src_uri)
    links = feeds.links_for(ref.kind, ref.unit, ref.topics) if ref else feeds.links_for()
    context["cchc_feeds"] = [alt for link in links for alt in link.alternates()]
    return context


def on_post_build(config):
    feeds: FeedSet = cchc_build.current().extra[_FEEDS_KEY]
    written = feeds.write(Path(config.site_dir))
    log.info(f"{len(written)} feed files written to {Path(config.site_dir).name}/feeds/ "
             f"({len(feeds.feeds)} feeds, RSS and Atom)")
