"""Generated pages whose Markdown one ``markdown.Markdown`` per build converts.

MkDocs 1.6 makes a new ``Markdown`` (its extensions and their processors) for every page
it renders, and that instance's first conversion is its slowest: at 5,000 items about two
seconds of a build's main thread. Python-Markdown's own way to convert many documents is
one instance and ``reset()`` between them. ``SharedMarkdownPage`` does that for the pages
the hook generates outside the nav (MkDocs makes the nav's pages itself, with their nav
titles); its ``render`` is MkDocs' ``Page.render`` otherwise unchanged: the same per-page
processors (raw HTML anchors, anchors, relative links, title), registered by name, so each
page's replace the previous page's.
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.structure import pages as mkdocs_pages

_shared: tuple[int, markdown.Markdown] | None = None  # (id of the build's config, its Markdown)


def _markdown_for(config) -> markdown.Markdown:
    global _shared
    if _shared is None or _shared[0] != id(config):
        _shared = (id(config), markdown.Markdown(extensions=config["markdown_extensions"],
                                                 extension_configs=config["mdx_configs"] or {}))
    md = _shared[1]
    md.reset()
    return md


class SharedMarkdownPage(mkdocs_pages.Page):
    """A page (not in the nav) rendered by the build's one ``Markdown``."""

    def render(self, config, files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = _markdown_for(config)
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        anchors._register(md)
        relative = mkdocs_pages._RelativePathTreeprocessor(self.file, files, config)
        relative._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        self.content = md.convert(self.markdown)
        self.toc = mkdocs_pages.get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative.links_to_anchors
