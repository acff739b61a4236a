"""HTML fragments for generated pages: escaping, relative links, lists, pager, front matter.

Generated pages are Markdown whose structure is raw HTML blocks (tables, lists, the
pager) around the editors' own Markdown bodies. Every piece of content text goes
through ``esc`` here, so a title such as ``"><script>`` is shown as text; the page
title and description handed to MkDocs are escaped too, because Material writes
``page.title`` and ``page.meta.description`` into ``<title>`` and ``<meta>`` raw.
"""

from __future__ import annotations

import html
import json
import re

from cchc.urls import src_to_url


def esc(text: str | None) -> str:
    """Escape ``text`` for HTML text and attribute values; newlines become spaces.

    (A blank line inside a raw HTML block would end the block in Markdown.)
    """
    if not text:
        return ""
    return html.escape(" ".join(str(text).split("\n")), quote=True)


def front_matter(title: str, description: str | None = None) -> str:
    """YAML front matter with the title and description escaped for Material's templates.

    Written as JSON strings, which YAML reads as double-quoted scalars.
    """
    lines = ["---", f"title: {json.dumps(esc(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(esc(description), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


class Links:
    """Relative links from one page, so the site works under any path and from disk."""

    def __init__(self, src: str):
        self.src = src
        self.prefix = "../" * src_to_url(src).count("/")

    def url(self, url: str) -> str:
        """``url`` is relative to the site root (``thu-tuc/x/``, ``don-vi/y/nhiem-vu.csv``)."""
        return esc(self.prefix + url) or "./"

    def page(self, src: str) -> str:
        """The link to the page generated from ``src``."""
        return self.url(src_to_url(src))

    def a(self, src: str, text: str, cls: str = "") -> str:
        klass = f' class="{cls}"' if cls else ""
        return f'<a href="{self.page(src)}"{klass}>{esc(text)}</a>'


def crumbs(links: Links, trail: list[tuple[str, str]], current: str) -> str:
    """Breadcrumbs: ``trail`` is [(src, text)] from the home page down; ``current`` is this page."""
    items = [f"<li>{links.a(src, text)}</li>" for src, text in trail]
    items.append(f'<li aria-current="page">{esc(current)}</li>')
    return ('<nav class="cchc-crumbs" aria-label="Đường dẫn"><ol>' + "".join(items) + "</ol></nav>")


def h1(title: str) -> str:
    return f"<h1>{esc(title)}</h1>"


def dl(rows: list[tuple[str, str]], cls: str = "cchc-facts") -> str:
    """A definition list; the values are HTML already (escape them when building)."""
    body = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows if v)
    return f'<dl class="{cls}">{body}</dl>' if body else ""


def pager(links: Links, pages: list[str], current: int) -> str:
    """Numbered links to the pages of a listing: first, last, and two either side."""
    total = len(pages)
    if total <= 1:
        return ""
    parts = []
    if current > 1:
        parts.append(f'<a href="{links.page(pages[current - 2])}" rel="prev">« Trang trước</a>')
    shown = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    last = 0
    for number in shown:
        if number > last + 1:
            parts.append('<span class="cchc-pager__gap">…</span>')
        if number == current:
            parts.append(f'<span aria-current="page">{number}</span>')
        else:
            parts.append(f'<a href="{links.page(pages[number - 1])}">{number}</a>')
        last = number
    if current < total:
        parts.append(f'<a href="{links.page(pages[current])}" rel="next">Trang sau »</a>')
    return f'<nav class="cchc-pager" aria-label="Phân trang">{" ".join(parts)}</nav>'


def print_button() -> str:
    """The "print / save" button; assets/javascripts/cchc-base.js prints on its click (no inline handler: CSP)."""
    return ('<p class="cchc-actions"><button type="button" class="md-button" data-cchc-print>'
            "In / lưu trang</button></p>")


def block(*parts: str) -> str:
    """One raw HTML block for Markdown: a ``div`` on one line of its own, framed by blank lines."""
    inner = "".join(p for p in parts if p).replace("\n", " ")
    return f"\n\n{_BLOCK_MARK}<div class=\"cchc-block\">{inner}</div>\n\n" if inner else ""


# Python-Markdown parses raw HTML with a slow pure-Python parser, and generated pages
# are mostly HTML: the blocks are set aside before MkDocs converts the page (leaving a
# one-word paragraph each) and put back into the converted HTML.
BLOCK_TOKEN = "cchcblock"
# Starts every block() line: a control character, which content files cannot contain (the
# loader refuses them), so an editor's line that looks like a block is not taken for one and
# goes through Markdown and the sanitizer like the rest of the body.
_BLOCK_MARK = "\x02"
_BLOCK_LINE = re.compile(f'^{_BLOCK_MARK}(<div class="cchc-block">.*</div>)$', re.MULTILINE)
_BLOCK_PARAGRAPH = re.compile(rf"<p>{BLOCK_TOKEN}(\d+)</p>")


def stash_blocks(markdown: str) -> tuple[str, list[str]]:
    """Replace each ``block()`` in ``markdown`` by a token; return the text and the blocks."""
    blocks: list[str] = []

    def keep(match: re.Match) -> str:
        blocks.append(match[1])
        return f"\n{BLOCK_TOKEN}{len(blocks) - 1}\n"

    return _BLOCK_LINE.sub(keep, markdown), blocks


def restore_blocks(html_text: str, blocks: list[str]) -> str:
    """Put the blocks set aside by ``stash_blocks`` back into the converted HTML."""
    return _BLOCK_PARAGRAPH.sub(lambda match: blocks[int(match[1])], html_text)


_INDENT = re.compile(r"\n\s+")


def compact(page_html: str) -> str:
    """Drop the indentation and blank lines of a rendered page (a fifth of its bytes).

    Every run of whitespace keeps one newline, so the text reads the same; a page with
    ``<pre>`` or ``<textarea>``, where whitespace is content, is left as it is.
    """
    if "<pre" in page_html or "<textarea" in page_html:
        return page_html
    return _INDENT.sub("\n", page_html)
