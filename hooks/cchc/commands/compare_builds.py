"""`cchc compare-builds OLD NEW`: compare two built sites page by page, as a reader sees them.

For every HTML page of either site it compares the visible text (scripts, styles and
the ``<head>`` left out, whitespace squeezed) and the links (``href`` of links, ``src``
of images, each resolved against the page's own address, so a relative and an absolute
link to the same page are the same link). Markup may differ; what a reader reads or
can click may not, unless the difference is explained. Other files (feeds, CSV,
search index) are listed when their bytes differ.

Prints every difference and exits 1 when there is one (0 when the sites read the same).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

_BASE = "http://site.invalid/"
_HIDDEN = {"script", "style", "template", "noscript", "head", "svg"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class PageView:
    """What a reader gets from one page: its words and where it lets them go."""

    words: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.hidden = 0
        self.stack: list[str] = []
        self.view = PageView()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in _HIDDEN:
            self.hidden += 1
        if tag not in _VOID:
            self.stack.append(tag)
        if self.hidden:
            return
        target = values.get("href") if tag == "a" else values.get("src") if tag == "img" else None
        if target is not None:
            self.view.links.append(_resolve(self.url, target))
        if tag == "img" and values.get("alt"):
            self.view.words.extend(values["alt"].split())

    def handle_endtag(self, tag):
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in _HIDDEN:
                self.hidden -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.hidden:
            self.view.words.extend(data.split())


def _resolve(page_url: str, target: str) -> str:
    """``target`` as an address from the site root (``thu-tuc/x/``), or as written when it leaves the site."""
    absolute = urljoin(_BASE + page_url, target)
    if not absolute.startswith(_BASE):
        return absolute
    parts = urlsplit(absolute[len(_BASE):])
    path = parts.path.removesuffix("index.html")
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def read_page(site: Path, rel: str) -> PageView:
    url = rel.removesuffix("index.html")
    reader = _Reader(url)
    reader.feed((site / rel).read_text(encoding="utf-8", errors="replace"))
    return reader.view


def compare(old: Path, new: Path, limit: int = 12) -> list[str]:
    """Every difference between the two sites, one paragraph each."""
    out: list[str] = []
    old_files = {p.relative_to(old).as_posix() for p in old.rglob("*") if p.is_file()}
    new_files = {p.relative_to(new).as_posix() for p in new.rglob("*") if p.is_file()}
    for rel in sorted(old_files - new_files):
        out.append(f"{rel}: only in {old}")
    for rel in sorted(new_files - old_files):
        out.append(f"{rel}: only in {new}")
    for rel in sorted(old_files & new_files):
        if not rel.endswith(".html"):
            if (old / rel).read_bytes() != (new / rel).read_bytes():
                out.append(f"{rel}: the bytes differ")
            continue
        before, after = read_page(old, rel), read_page(new, rel)
        if before.words != after.words:
            diff = [line for line in difflib.unified_diff(before.words, after.words, lineterm="", n=3)
                    if not line.startswith(("---", "+++"))]
            shown = " ".join(diff[:limit * 4])
            out.append(f"{rel}: the text differs: {shown}{' ...' if len(diff) > limit * 4 else ''}")
        if before.links != after.links:
            gone = sorted((Counter(before.links) - Counter(after.links)).elements())
            added = sorted((Counter(after.links) - Counter(before.links)).elements())
            detail = "; ".join(filter(None, [f"removed {gone[:limit]}" if gone else "",
                                             f"added {added[:limit]}" if added else "",
                                             "the same links in another order" if not (gone or added) else ""]))
            out.append(f"{rel}: the links differ: {detail}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc compare-builds", description="Compare two built sites page by "
                                     "page on their visible text and links.")
    parser.add_argument("old", type=Path, help="the first built site (a folder)")
    parser.add_argument("new", type=Path, help="the second built site (a folder)")
    parser.add_argument("--ignore", action="append", default=[], metavar="PREFIX",
                        help="leave out files whose path starts with PREFIX (repeatable), e.g. pagefind/")
    args = parser.parse_args(argv)
    for folder in (args.old, args.new):
        if not folder.is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            return 2
    differences = [d for d in compare(args.old, args.new) if not d.startswith(tuple(args.ignore))]
    for difference in differences:
        print(difference)
    pages = sum(1 for _ in args.new.rglob("*.html"))
    print(f"{len(differences)} difference(s) over {pages} pages of {args.new}.")
    return 1 if differences else 0
