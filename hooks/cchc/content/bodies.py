"""Content bodies on their way to a page: sanitized, and every removal and dead link reported.

``check_body(html, item, page_url, site_url, exists)`` is used twice with the same rules:

- by ``cchc check`` (through the loader) on the body rendered here, against the
  addresses the model says the site will have (``site_addresses``);
- by the build (``on_page_content`` of the site hook) on the HTML MkDocs rendered for
  the item's page, against the files of the build; the page then gets ``clean_html``.

Each problem names the content file and the line of the body it is on.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from pathlib import Path

from cchc import urls
from cchc.content.model import NewsItem, Plan, Procedure, Site
from cchc.content.problems import Problem
from cchc.content.safety import audit_html, clean_html, missing_targets, page_links
from cchc.text import VN_TZ, slugify

Item = NewsItem | Plan | Procedure

# The slugs of the procedure-change listings (``pages.CHANGE_SLUGS``).
CHANGE_SLUGS = ("moi", "sua-doi", "bai-bo")
UNKNOWN_SITE = "https://site.invalid/"  # when the site's address is not known (``cchc check``)


def body_problems(html: str, item: Item, page_url: str, site_url: str,
                  exists: Callable[[str], bool] | None, cleaned: str | None = None) -> list[Problem]:
    """Problems of ``item``'s body rendered as ``html`` on the page at ``page_url``: what the
    sanitizer removes, and (``exists`` given) links and images that lead nowhere in the site."""
    audit = audit_html(html, item.body, item.body_line, cleaned)
    findings = list(audit.findings)
    if exists is not None:
        src_dir = posixpath.dirname(urls.item_src(item)) + "/" if posixpath.dirname(urls.item_src(item)) else ""
        findings += missing_targets(audit.links, page_url, site_url, exists, src_dir)
    findings.sort(key=lambda f: f.line)
    return [Problem(item.source.path, f.line, "body", f.message, f.fix) for f in findings]


def safe_page_html(html: str, item: Item, page_url: str, site_url: str,
                   exists: Callable[[str], bool]) -> tuple[str, list[Problem]]:
    """The sanitized HTML of an item's page body and the problems found in it."""
    cleaned = clean_html(html)
    return cleaned, body_problems(html, item, page_url, site_url, exists, cleaned)


def page_link_problems(html: str, markdown: str, content: str, path: str, page_url: str, site_url: str,
                       exists: Callable[[str], bool]) -> list[Problem]:
    """Links of a hand-written page (``path``, e.g. ``docs/gioi-thieu.md``, whose file text is
    ``content`` and Markdown after its front matter ``markdown``) that lead to no page of the site.
    MkDocs reports links to missing ``.md`` files itself; this also covers addresses such as
    ``/thu-tuc/x/`` and ``../x/``, which MkDocs leaves unchecked."""
    lead = content[: len(content) - len(markdown)] if content.endswith(markdown) else ""
    links = page_links(html, markdown, lead.count("\n") + 1)
    return [Problem(path, f.line, "", f.message, f.fix) for f in missing_targets(links, page_url, site_url, exists)]


def site_addresses(site: Site, docs_dir: Path | None) -> set[str]:
    """The addresses (``thu-tuc/x/``, ``assets/a.jpg``) the site built from ``site`` will have,
    as far as the model tells: items, unit columns, groups, topics, years, listings,
    downloads and feeds, and the files of ``docs_dir``. The build checks against its
    real files; this is for ``cchc check``, which builds nothing.
    """
    srcs = [urls.HOME_SRC, urls.NEWS_INDEX_SRC, urls.PLANS_INDEX_SRC, urls.TASKS_INDEX_SRC,
            urls.PROCEDURES_INDEX_SRC, urls.UNITS_INDEX_SRC, urls.TOPICS_INDEX_SRC, urls.YEARS_INDEX_SRC,
            urls.FEEDS_PAGE_SRC]
    srcs += [urls.item_src(item) for item in [*site.news, *site.plans, *site.procedures]]
    for unit_id in site.units:
        srcs += [urls.unit_src(unit_id), urls.unit_tasks_src(unit_id)]
    srcs += [urls.group_src(group_id) for group_id in site.groups]
    srcs += [urls.topic_src(topic_id) for topic_id in site.topics]
    srcs += [urls.year_src(year) for year in {n.date.astimezone(VN_TZ).year for n in site.news}]
    srcs += [urls.procedure_field_src(slugify(p.field) or "khac") for p in site.procedures]
    srcs += [urls.procedure_change_src(slug) for slug in CHANGE_SLUGS]
    out = {urls.src_to_url(src) for src in srcs}
    out |= {urls.ALL_TASKS_CSV, "sitemap.xml", "404.html"}
    out |= {urls.plan_tasks_csv(plan) for plan in site.plans}
    out |= {urls.unit_tasks_csv(u) for u in site.units} | {urls.group_tasks_csv(g) for g in site.groups}
    feeds = [urls.NEWS_FEED, urls.PROCEDURES_FEED, urls.PLANS_FEED]
    feeds += [urls.unit_feed_name(u) for u in site.units] + [urls.topic_feed_name(t) for t in site.topics]
    out |= {urls.feed_path(name, kind) for name in feeds for kind in ("rss", "atom")}
    if docs_dir is not None and docs_dir.is_dir():
        for parent, _dirs, files in os.walk(docs_dir):
            for name in files:
                rel = (Path(parent) / name).relative_to(docs_dir).as_posix()
                if rel.startswith("overrides/"):
                    continue
                out.add(urls.src_to_url(rel) if rel.endswith(".md") else rel)
    return out


def exists_in(addresses: set[str]) -> Callable[[str], bool]:
    """``exists(path)`` for ``missing_targets``: a listing's further pages (``.../trang/N/``)
    count as existing when its first page does (only the build knows how many there are)."""

    def exists(path: str) -> bool:
        if path in addresses:
            return True
        head, sep, tail = path.rpartition("trang/")
        return bool(sep) and tail.rstrip("/").isdigit() and head in addresses

    return exists
