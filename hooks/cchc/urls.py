"""Where every generated page and feed lives: the URL contract of the site.

All paths are relative to the site root, with MkDocs' directory URLs
(``tin-tuc/2024/hoi-nghi/`` is written from ``tin-tuc/2024/hoi-nghi.md``).
Pages, feeds and search all take their links from here.
"""

from __future__ import annotations

from .model import NewsItem, Plan, Procedure
from .text import VN_TZ


def news_src(item: NewsItem) -> str:
    return f"tin-tuc/{item.date.astimezone(VN_TZ).year}/{item.slug}.md"


def plan_src(plan: Plan) -> str:
    return f"ke-hoach/{plan.slug}.md"


def procedure_src(proc: Procedure) -> str:
    return f"thu-tuc/{proc.slug}.md"


def unit_src(unit_id: str) -> str:
    return f"don-vi/{unit_id}/index.md"


def topic_src(topic_id: str) -> str:
    return f"chu-de/{topic_id}.md"


def year_src(year: int) -> str:
    return f"luu-tru/{year}.md"


def src_to_url(src: str) -> str:
    """``tin-tuc/2024/a.md`` -> ``tin-tuc/2024/a/``; ``don-vi/x/index.md`` -> ``don-vi/x/``."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


def item_src(item: NewsItem | Plan | Procedure) -> str:
    if isinstance(item, NewsItem):
        return news_src(item)
    if isinstance(item, Plan):
        return plan_src(item)
    return procedure_src(item)


def item_url(item: NewsItem | Plan | Procedure) -> str:
    return src_to_url(item_src(item))


def feed_path(name: str, kind: str) -> str:
    """``feeds/tin-tuc.rss.xml`` or ``feeds/tin-tuc.atom.xml``; kind is "rss" or "atom"."""
    return f"feeds/{name}.{kind}.xml"


def unit_feed_name(unit_id: str) -> str:
    return f"don-vi-{unit_id}"


def topic_feed_name(topic_id: str) -> str:
    return f"chu-de-{topic_id}"


NEWS_FEED = "tin-tuc"
PROCEDURES_FEED = "thu-tuc"
PLANS_FEED = "ke-hoach"
