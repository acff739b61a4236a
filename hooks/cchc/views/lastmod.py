"""The day each page last changed, for the ``<lastmod>`` of sitemap.xml.

MkDocs gives every page the day of the build (``page.update_date``), so the sitemap
told search engines nothing. The hook sets each page's ``update_date`` to
``page_lastmod(...)`` before MkDocs writes sitemap.xml (in ``on_env``: MkDocs renders
its static templates, sitemap.xml among them, before the pages):

- a news item's or a plan's page: the day of its correction (``updated:``), else of its
  publication; a procedure's page: the day of its latest announced change;
- a page that lists only such items (the news and plans listings, a year, a topic, the
  procedure catalogue, a field's or a change's procedures): the newest of those days
  (``PageRef.newest``, set where the page is made, ``cchc.views.pages``);
- any other page (home, unit columns, task tables, hand-written pages): the build day,
  as before: they show what changes with the day (overdue tasks, current plans).

Days are in Asia/Ho_Chi_Minh and never after the build day. The template
``docs/overrides/sitemap.xml`` writes one ``<url>`` a line.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from cchc.content.model import NewsItem, Plan, Procedure
from cchc.text import VN_TZ

if TYPE_CHECKING:
    from cchc.build import PageRef

Item = NewsItem | Plan | Procedure


def changed_on(item: Item) -> date:
    """The day ``item`` last changed: its correction, else its publication (a procedure: its
    latest change)."""
    if isinstance(item, Procedure):
        return max(change.decision_date for change in item.history)
    if item.updated is not None:
        return item.updated.date.astimezone(VN_TZ).date()
    if isinstance(item, NewsItem):
        return item.date.astimezone(VN_TZ).date()
    return date(item.date.year, item.date.month, item.date.day)  # a plan's date (plain, not its DocDate)


def newest_change(*lists: Iterable[Item]) -> date | None:
    """The newest ``changed_on`` of the items of ``lists``; None when there is none."""
    return max((changed_on(item) for items in lists for item in items), default=None)


def page_lastmod(ref: PageRef | None, items: dict[tuple[str, str], Item], build_day: date) -> str:
    """``YYYY-MM-DD``: the day the page of ``ref`` (None: a hand-written page) last changed.

    ``items`` are the published items by (kind, id), as ``Build.items()`` gives them.
    """
    day = None
    if ref is not None and ref.item_id and ref.kind in ("news", "plan", "procedure"):
        item = items.get((ref.kind, ref.item_id))
        day = changed_on(item) if item is not None else None
    elif ref is not None:
        day = ref.newest
    return min(day or build_day, build_day).isoformat()
