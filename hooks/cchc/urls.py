"""Where every generated page and feed lives: the URL contract of the site.

All paths are relative to the site root, with MkDocs' directory URLs
(``tin-tuc/2024/hoi-nghi/`` is written from ``tin-tuc/2024/hoi-nghi.md``).
Pages, feeds and search all take their links from here.
"""

from __future__ import annotations

from cchc.content.model import NewsItem, Plan, Procedure
from cchc.text import VN_TZ, slugify


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


def unit_procedures_feed_name(unit_id: str) -> str:
    """The procedure changes of a unit (and of its children when ``include_children``)."""
    return f"thu-tuc-don-vi-{unit_id}"


def field_feed_name(field_slug: str) -> str:
    """The procedure changes of one field ("Văn bằng, chứng chỉ")."""
    return f"thu-tuc-linh-vuc-{field_slug}"


def json_feed_path(name: str) -> str:
    """``feeds/tin-tuc.json``: the JSON Feed 1.1 of a site-wide feed."""
    return f"feeds/{name}.json"


NEWS_FEED = "tin-tuc"
PROCEDURES_FEED = "thu-tuc"
PLANS_FEED = "ke-hoach"


# -- listing pages and downloads (added for the generated site) -------------------------
HOME_SRC = "index.md"
NEWS_INDEX_SRC = "tin-tuc/index.md"
PLANS_INDEX_SRC = "ke-hoach/index.md"
TASKS_INDEX_SRC = "nhiem-vu/index.md"
PROCEDURES_INDEX_SRC = "thu-tuc/index.md"
UNITS_INDEX_SRC = "don-vi/index.md"
TOPICS_INDEX_SRC = "chu-de/index.md"
YEARS_INDEX_SRC = "luu-tru/index.md"
ALL_TASKS_CSV = "nhiem-vu/nhiem-vu.csv"


def paged_src(src: str, page: int) -> str:
    """Page ``page`` (1-based) of a paginated listing whose first page is ``src``.

    ``tin-tuc/index.md`` -> ``tin-tuc/trang/2.md``; ``chu-de/x.md`` -> ``chu-de/x/trang/2.md``.
    """
    if page <= 1:
        return src
    return f"{src_to_url(src)}trang/{page}.md"


def procedure_field_src(field_slug: str) -> str:
    return f"thu-tuc/linh-vuc/{field_slug}.md"


def field_slug(field: str) -> str:
    """The ASCII slug of a procedure field, as its catalogue page and feed use it."""
    return slugify(field) or "khac"


def procedure_change_src(kind: str) -> str:
    """Procedures whose latest change is ``kind`` ("new", "amended", "abolished")."""
    return f"thu-tuc/thay-doi/{kind}.md"


def unit_tasks_src(unit_id: str) -> str:
    return f"don-vi/{unit_id}/nhiem-vu.md"


def plan_tasks_csv(plan: Plan) -> str:
    return f"ke-hoach/{plan.slug}/nhiem-vu.csv"


def unit_tasks_csv(unit_id: str) -> str:
    return f"don-vi/{unit_id}/nhiem-vu.csv"

def group_src(group_id: str) -> str:
    """A named group's page ("Các đơn vị giáo dục"): its members and the tasks given to it."""
    return f"nhom/{group_id}/index.md"


def group_tasks_csv(group_id: str) -> str:
    return f"nhom/{group_id}/nhiem-vu.csv"


FEEDS_PAGE_SRC = "nguon-tin.md"  # the page that explains the feeds and lists them all


def plan_report_docx(plan: Plan) -> str:
    """The current report of a plan, as each plan page offers it (Word)."""
    return f"ke-hoach/{plan.slug}/bao-cao-{plan.slug}.docx"


def plan_report_xlsx(plan: Plan) -> str:
    """The same report as an Excel workbook."""
    return f"ke-hoach/{plan.slug}/bao-cao-{plan.slug}.xlsx"
