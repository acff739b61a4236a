"""Search records made from the content model: one per item, unit and hand-written page.

Vietnamese needs two things Pagefind 1.5.2 does not do well on its own:

* **đ**: Pagefind folds tone marks ("thu tuc" finds "thủ tục") but not đ (U+0111 has
  no Unicode decomposition), so "don" never finds "đơn".
* **size**: Pagefind keeps every accented spelling of a word beside its folded form;
  in Vietnamese nearly every syllable is accented, and at 5,000 items the first query
  downloaded 2.3 MB (``cchc measure-search``).

So the words are indexed **folded** (``fold``: no tone marks, đ -> d, lower case), and
the browser folds every query the same way before ``pagefind.search()``: a query with
or without diacritics is the same query, with the same results, and the first query at
5,000 items downloads about a fifth as much. Folding keeps the words and their order
(one word in, one word out), so the browser rebuilds each excerpt in correct Vietnamese
from the folded words Pagefind stores in the page's fragment plus the meta value ``r``
(``restore_code``): per word, only the marks and capitals folding took away, written in
ASCII punctuation, which Pagefind does not index. The original words are thus never
stored a second time and no file beside the fragment is fetched. Titles and the other
meta values are shown straight from Pagefind's data; they are written in ``index_form``
(đ as d + U+0335, which Pagefind folds to d) so that they are searched like the words,
and shown with ``display_form``.

``docs/assets/search/cchc-search.js`` holds the browser half and must agree with
``fold``, ``index_form`` and ``restore_code``. Records come from the model, not from the
built HTML (see ``write_index``); ``Indexer`` feeds them to Pagefind in a background
thread while MkDocs renders the pages. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from cchc.content.model import (
    CHANGE_LABELS,
    LEVEL_LABELS,
    ONLINE_LABELS,
    UNIT_KINDS,
    NewsItem,
    Plan,
    Procedure,
    Site,
    Unit,
)
from cchc.text import nfc, show_date

# Words indexed per record: a page's first 2,000 words (a long procedure guide is about
# 1,500); the rest would only make the index, the fragment and Pagefind's memory grow.
MAX_WORDS = 2000

# What a result says it is, in the reader's words; also the values of the "type" filter.
TYPE_LABELS = {
    "news": "Tin, bài",
    "plan": "Kế hoạch",
    "procedure": "Thủ tục hành chính",
    "unit": "Đơn vị",
    "page": "Trang",
}

# Files Pagefind writes that the site does not use (its own UIs): not published.


@dataclass
class SearchRecord:
    """One search result: a page's address, its words and what the result list shows of it.

    Everything here is normal Vietnamese text; ``write_index`` folds the words and puts
    the meta values in ``index_form``. ``content`` starts with the title line.
    """

    url: str  # relative to the site root, e.g. "tin-tuc/2024/hoi-nghi/"
    title: str
    content: str
    kind: str  # a key of TYPE_LABELS
    unit: str | None = None  # unit short name
    date: str | None = None  # dd/mm/yyyy
    sort_date: str | None = None  # yyyy-mm-dd, for "newest first"
    topics: list[str] = field(default_factory=list)  # topic names
    extra_meta: dict[str, str] = field(default_factory=dict)  # e.g. {"code": "1.005090"}
    keywords: list[str] = field(default_factory=list)  # right after the title: "Mã thủ tục 1.005090"

    @property
    def meta(self) -> dict[str, str]:
        """What a result shows besides its type and unit (those come from ``filters``).

        Pagefind searches meta values too, so only words worth finding are here: not
        the type or unit, which would make "đơn vị" or "tin" match every unit or news.
        """
        meta = {"title": self.title}
        if self.date:
            meta["date"] = self.date
        meta.update(self.extra_meta)
        return meta

    @property
    def filters(self) -> dict[str, list[str]]:
        filters = {"type": [TYPE_LABELS[self.kind]]}
        if self.unit:
            filters["unit"] = [self.unit]
        if self.topics:
            filters["topic"] = list(self.topics)
        if self.sort_date:
            filters["year"] = [self.sort_date[:4]]
        return filters

    @property
    def sort(self) -> dict[str, str]:
        return {"date": self.sort_date} if self.sort_date else {}

    def words(self) -> list[str]:
        """The record's words in order, as the reader wrote them (whitespace between them
        dropped), at most ``MAX_WORDS``."""
        title, _, rest = self.content.partition("\n")
        return nfc(" ".join([title, *self.keywords, rest])).split(maxsplit=MAX_WORDS)[:MAX_WORDS]


# -- text of the model's Markdown and of rendered pages ------------------------------------

_MD_RULES = [
    (re.compile(r"<[^>]+>"), " "),  # inline HTML
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep the text
    (re.compile(r"\{[:#.][^}]*\}"), " "),  # attr_list
    (re.compile(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+", re.M), ""),  # headings, quotes, list marks
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M), " "),  # table rules
    (re.compile(r"\|"), " "),
    (re.compile(r"(\*\*|__|\*|`)"), ""),
    (re.compile(r"\s+"), " "),
]


def markdown_text(markdown: str) -> str:
    """Plain words of a Markdown body, good enough to index (not to display)."""
    text = markdown
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text.strip()


class _TextParser(HTMLParser):
    _SKIP = {"script", "style", "template", "svg", "nav"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """Visible words of an HTML fragment (a page's rendered Markdown)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


# -- records from the model ----------------------------------------------------------------


def _join(*parts: str | None) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _topic_names(site: Site, ids: list[str]) -> list[str]:
    return [site.topics[t].name for t in ids if t in site.topics]


def _unit_short(site: Site, unit_id: str, day) -> str | None:
    unit = site.units.get(unit_id)
    return unit.short_name_on(day) if unit else None


def _unit_words(site: Site, unit_id: str, day) -> str:
    """The unit's names, so "sở gddt hải phòng thủ tục" finds its items."""
    unit = site.units.get(unit_id)
    if unit is None:
        return ""
    return f"{unit.name_on(day)} ({unit.short_name_on(day)})"


def news_record(site: Site, item: NewsItem, url: str) -> SearchRecord:
    day = item.date.date()
    return SearchRecord(
        url=url, title=item.title, kind="news",
        content=_join(item.title, item.summary, markdown_text(item.body), _unit_words(site, item.unit, day)),
        unit=_unit_short(site, item.unit, day), date=show_date(item.date),
        sort_date=f"{item.date:%Y-%m-%d}", topics=_topic_names(site, item.topics),
    )


def plan_record(site: Site, plan: Plan, url: str) -> SearchRecord:
    tasks = " ".join(f"{t.no}. {t.title}. {t.details} {t.product}." for t in plan.tasks)
    return SearchRecord(
        url=url, title=plan.title, kind="plan",
        content=_join(plan.title, plan.summary,
                      " ".join(plan.legal_bases), markdown_text(plan.body), tasks,
                      _unit_words(site, plan.unit, plan.date)),
        unit=_unit_short(site, plan.unit, plan.date), date=show_date(plan.date),
        sort_date=plan.date.isoformat(), topics=_topic_names(site, plan.topics),
        extra_meta={"number": plan.number} if plan.number else {},
        keywords=[f"Số {plan.number}"] if plan.number else [],
    )


def procedure_record(site: Site, proc: Procedure, url: str) -> SearchRecord:
    change = proc.last_change
    history = " ".join(f"{CHANGE_LABELS[c.kind]} theo Quyết định số {c.decision} ngày {show_date(c.decision_date)}. "
                       f"{c.note}" for c in proc.history)
    sections = " ".join(f"{s.title}. {markdown_text(s.body)}" for s in proc.sections)
    return SearchRecord(
        url=url, title=proc.name, kind="procedure",
        content=_join(proc.name, f"Lĩnh vực {proc.field}",
                      LEVEL_LABELS.get(proc.level, proc.level), ONLINE_LABELS.get(proc.online, proc.online),
                      f"Thời hạn giải quyết: {proc.processing_time}", f"Phí, lệ phí: {proc.fees}",
                      sections, history, _unit_words(site, proc.unit, change.decision_date)),
        unit=_unit_short(site, proc.unit, change.decision_date), date=show_date(change.decision_date),
        sort_date=change.decision_date.isoformat(), topics=_topic_names(site, proc.topics),
        extra_meta={"code": proc.code, "change": CHANGE_LABELS[change.kind]},
        keywords=[f"Mã thủ tục {proc.code}"],
    )


def unit_record(site: Site, unit: Unit, url: str) -> SearchRecord:
    former = " ".join(f"{f.name} ({f.short_name})" for f in unit.former_names)
    parent = site.units.get(unit.parent) if unit.parent else None
    return SearchRecord(
        url=url, title=unit.name, kind="unit",
        content=_join(unit.name, unit.short_name, UNIT_KINDS.get(unit.kind, ""),
                      f"Trực thuộc {parent.name}" if parent else None,
                      f"Đường dây nóng: {unit.hotline}" if unit.hotline else None,
                      f"Thư điện tử: {unit.email}" if unit.email else None,
                      f"Địa chỉ: {unit.address}" if unit.address else None,
                      f"Trang thông tin điện tử: {unit.website}" if unit.website else None,
                      f"Tên cũ: {former}" if former else None),
        unit=unit.short_name,
    )


def page_record(url: str, title: str, html: str) -> SearchRecord:
    """A hand-written page of docs/ (its rendered HTML)."""
    text = html_text(html)
    if not text.startswith(title):  # the page's own heading usually is its title
        text = _join(title, text)
    else:
        text = title + "\n" + text[len(title):].strip()
    return SearchRecord(url=url, title=title, kind="page", content=text)


def records_for_site(site: Site, pages: list[tuple[str, str, str]]) -> list[SearchRecord]:
    """Records for the generated pages that show one item or one unit.

    ``pages`` lists ``(kind, id, url)`` of the pages built (kind: news, plan, procedure,
    unit); an id the model does not know is skipped. Listing pages (home, topics, years)
    are not given here: they repeat the titles of the items they list and would crowd
    the results.
    """
    by_kind: dict[str, dict] = {
        "news": {n.id: n for n in site.news},
        "plan": {p.id: p for p in site.plans},
        "procedure": {p.id: p for p in site.procedures},
        "unit": site.units,
    }
    makers = {"news": news_record, "plan": plan_record, "procedure": procedure_record, "unit": unit_record}
    first_url: dict[tuple[str, str], str] = {}
    for kind, item_id, url in pages:  # a unit's column has several pages: keep its first
        if item_id in by_kind.get(kind, {}):
            known = first_url.get((kind, item_id))
            if known is None or (len(url), url) < (len(known), known):
                first_url[(kind, item_id)] = url
    return [makers[kind](site, by_kind[kind][item_id], url) for (kind, item_id), url in first_url.items()]
