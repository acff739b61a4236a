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

# The "status" filter of procedures, in the reader's words.
STATUS_ACTIVE = "Còn hiệu lực"
STATUS_ABOLISHED = "Đã bãi bỏ"

# How much a word counts where it stands (Pagefind's data-pagefind-weight; body text is 1):
# the name of a procedure, plan or unit and a procedure's code or a plan's number say
# what the page *is*, a news title only what it reports on, a mention in a body nothing
# more. An abolished procedure's name weighs less than an active one's: it ranks below.
TITLE_WEIGHTS = {"procedure": 10.0, "plan": 10.0, "unit": 10.0, "page": 6.0, "news": 4.0}
ABOLISHED_TITLE_WEIGHT = 5.0
KEYWORD_WEIGHT = 10.0


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
    status: str | None = None  # procedures: STATUS_ACTIVE or STATUS_ABOLISHED

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
        if self.status:
            filters["status"] = [self.status]
        return filters

    @property
    def title_weight(self) -> float:
        if self.status == STATUS_ABOLISHED:
            return ABOLISHED_TITLE_WEIGHT
        return TITLE_WEIGHTS[self.kind]

    def parts(self) -> tuple[list[str], list[str], list[str]]:
        """``words()`` in three parts that weigh differently: title, keywords, the rest."""
        words = self.words()
        n_title = len(nfc(self.content.partition("\n")[0]).split())
        n_keys = len(nfc(" ".join(self.keywords)).split())
        return words[:n_title], words[n_title:n_title + n_keys], words[n_title + n_keys:]

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
    abolished = proc.status == "abolished"
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
        keywords=[f"Mã thủ tục {proc.code}", *(["Đã bãi bỏ"] if abolished else [])],
        status=STATUS_ABOLISHED if abolished else STATUS_ACTIVE,
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


def _by_kind(site: Site) -> dict[str, dict]:
    return {
        "news": {n.id: n for n in site.news},
        "plan": {p.id: p for p in site.plans},
        "procedure": {p.id: p for p in site.procedures},
        "unit": site.units,
    }


def _first_urls(site: Site, pages: list[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """(kind, id) -> the address of the page that shows it (a unit's column has several
    pages: its first)."""
    by_kind = _by_kind(site)
    first_url: dict[tuple[str, str], str] = {}
    for kind, item_id, url in pages:
        if item_id in by_kind.get(kind, {}):
            known = first_url.get((kind, item_id))
            if known is None or (len(url), url) < (len(known), known):
                first_url[(kind, item_id)] = url
    return first_url


def records_for_site(site: Site, pages: list[tuple[str, str, str]]) -> list[SearchRecord]:
    """Records for the generated pages that show one item or one unit.

    ``pages`` lists ``(kind, id, url)`` of the pages built (kind: news, plan, procedure,
    unit); an id the model does not know is skipped. Listing pages (home, topics, years)
    are not given here: they repeat the titles of the items they list and would crowd
    the results.
    """
    by_kind = _by_kind(site)
    makers = {"news": news_record, "plan": plan_record, "procedure": procedure_record, "unit": unit_record}
    return [makers[kind](site, by_kind[kind][item_id], url)
            for (kind, item_id), url in _first_urls(site, pages).items()]


def answer_cards(site: Site, pages: list[tuple[str, str, str]]) -> dict[str, list[dict]]:
    """What the search box's answer cards show, from the model: every unit, procedure and
    plan that has a page (``pages`` as for ``records_for_site``). Keys are short: the box
    loads this with its first query (see ``pagefind.write_extras``)."""
    urls = _first_urls(site, pages)
    day = site.build_date
    units = []
    for unit in site.units.values():
        url = urls.get(("unit", unit.id))
        if url is None:
            continue
        parent = site.units.get(unit.parent) if unit.parent else None
        card = {"u": url, "n": unit.name_on(day), "s": unit.short_name_on(day),
                "p": parent.short_name_on(day) if parent else "",
                "h": unit.hotline or "", "e": unit.email or "", "a": unit.address or "", "w": unit.website or "",
                "f": [name for f in unit.former_names for name in (f.name, f.short_name)]}
        if unit.ended is not None:
            card["x"] = f"Không còn hoạt động từ {show_date(unit.ended.date)}"
        units.append({k: v for k, v in card.items() if v})
    procedures = []
    for proc in site.procedures:
        url = urls.get(("procedure", proc.id))
        if url is None:
            continue
        procedures.append({
            "u": url, "n": proc.name, "c": proc.code,
            "st": STATUS_ABOLISHED if proc.status == "abolished" else STATUS_ACTIVE,
            "t": proc.processing_time, "fe": proc.fees, "o": ONLINE_LABELS.get(proc.online, proc.online),
            "l": proc.portal_url or "", "un": _unit_short(site, proc.unit, day) or "",
            "d": show_date(proc.last_change.decision_date),
        })
    plans = []
    for plan in site.plans:
        url = urls.get(("plan", plan.id))
        if url is not None:
            card = {"u": url, "no": plan.number or "", "n": plan.title,
                    "un": _unit_short(site, plan.unit, plan.date) or "", "d": show_date(plan.date)}
            plans.append({k: v for k, v in card.items() if v})
    return {"units": units, "procedures": procedures, "plans": plans}
