"""Every generated page of the site: its address, template, title and view data.

``generate(index, config, strings)`` returns the pages (news, plans, procedures, unit
columns and task tables, groups, topics, the yearly archive, the procedure catalogue,
the section listings, the home page) and the downloads (task tables as CSV). Each page
names its Jinja template under ``docs/overrides/cchc/`` and carries a function that
builds its view data (``cchc.views.data``) from the ``SiteIndex`` when MkDocs renders
it, so no page's view is held longer than its rendering. A page's Markdown is only the
editors' own body (a news item's, a plan's, a procedure's sections), or nothing; all
markup is in the templates. Plain Python: ``hooks/cchc_mkdocs.py`` turns the result
into MkDocs virtual files.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from cchc import urls
from cchc.build import PageRef
from cchc.config import SiteConfig
from cchc.content.model import Group, NewsItem, Plan, Procedure, Unit
from cchc.index.plan_table import Cell, plan_table
from cchc.index.site_index import CHANGES, SiteIndex
from cchc.index.tasks import STATUSES, TaskRow, tasks_csv
from cchc.reports import plan_report_later
from cchc.strings import Strings
from cchc.text import VN_TZ, body_repeats_lead, fold, heading_slug, show_date, show_datetime, slugify
from cchc.views import data as v
from cchc.views.lastmod import newest_change

CHANGE_SLUGS = {"new": "moi", "amended": "sua-doi", "abolished": "bai-bo"}
TASKS_PAGE_ROWS = 100  # rows per page of the site-wide and a unit's task table
EVIDENCE_SHOWN = 5  # news items listed under a task's status


@dataclass
class OutPage:
    """One generated page: where it goes, its template, plain-text title, Markdown body and view."""

    src: str
    template: str  # under the theme's custom_dir, e.g. "cchc/unit.html"
    title: str
    ref: PageRef
    view: Callable[[], object]  # builds the page's view data (called once, when the page renders)
    markdown: str = ""  # the editors' own Markdown, converted by MkDocs into page.content
    description: str | None = None
    in_nav: bool = False

    def file_content(self) -> str:
        """The page's source for MkDocs: front matter (template, title, description) and body.

        Material writes ``page.title`` and ``page.meta.description`` into ``<title>`` and
        ``<meta>`` without escaping, so they are escaped here (JSON strings are valid YAML).
        """
        lines = ["---", f"template: {self.template}", f"title: {json.dumps(_escape(self.title), ensure_ascii=False)}"]
        if self.description:
            lines.append(f"description: {json.dumps(_escape(self.description), ensure_ascii=False)}")
        return "\n".join(lines) + "\n---\n\n" + self.markdown


def _escape(text: str) -> str:
    return html.escape(" ".join(text.split("\n")), quote=True)


@dataclass
class OutFile:
    """A generated download (CSV, a plan's report as .docx and .xlsx)."""

    src: str
    content: bytes


@dataclass
class Output:
    pages: list[OutPage] = field(default_factory=list)
    files: list[OutFile] = field(default_factory=list)
    # Downloads made later, maybe in another process (``cchc.forked``): their paths, and
    # the function that makes their bytes (a plan's reports: seconds of Python at 5,000 items).
    later: list[tuple[list[str], Callable[[], list[bytes]]]] = field(default_factory=list)

    def all_files(self) -> Iterator[OutFile]:
        """Every download, the later ones made now."""
        yield from self.files
        for srcs, make in self.later:
            yield from (OutFile(src, content) for src, content in zip(srcs, make(), strict=True))


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def task_anchor(no: str) -> str:
    return "nv-" + (slugify(no) or "x")


def heading_id(title: str) -> str:
    """The id Python-Markdown's toc extension gives a Markdown heading with this title,
    so a heading drawn by a template keeps the anchor it had as Markdown."""
    return heading_slug(title, "-")


def tel(phone: str | None) -> str:
    return "".join(c for c in phone or "" if c.isdigit() or c == "+")


def page_url(src: str) -> str:
    return urls.src_to_url(src)


class Views:
    """Builds the view data of every page from the index; small methods, one per part."""

    def __init__(self, index: SiteIndex, config: SiteConfig, strings: Strings):
        self.ix, self.site, self.config, self.strings = index, index.site, config, strings
        self.settings = config.settings
        self.t = strings.t
        self.today = self.site.build_date
        self.home = v.Link(page_url(urls.HOME_SRC), self.t("section.home"))

    # -- parts ---------------------------------------------------------------------------
    def section(self, src: str, key: str) -> v.Link:
        return v.Link(page_url(src), self.t(key))

    def unit_link(self, unit_id: str, day=None) -> v.Link:
        unit = self.site.units[unit_id]
        return v.Link(page_url(urls.unit_src(unit_id)), unit.name_on(day) if day else unit.name)

    def ended_mark(self, unit: Unit) -> v.EndedMark | None:
        return v.EndedMark(unit.ended.reason, show_date(unit.ended.date)) if unit.ended else None

    def ref_link(self, ref: str, day=None) -> v.UnitLink:
        """A unit (short name, as it was on ``day`` when given) or a group, linked to its page.

        The link leads to the unit's page, under its current name: a table names a unit as
        its plan did, and the reader reaches today's name in one click.
        """
        if ref in self.site.units:
            label, today = self.site.unit_label(ref, day), self.site.units[ref].name
            current = today if label != self.site.units[ref].short_name else None
            return v.UnitLink(v.Link(page_url(urls.unit_src(ref)), label), current=current)
        return v.UnitLink(v.Link(page_url(urls.group_src(ref)), self.site.groups[ref].name), group=True)

    def topic_links(self, topics: list[str]) -> list[v.Link]:
        return [v.Link(page_url(urls.topic_src(t)), self.site.topics[t].name) for t in topics]

    def news_entries(self, items: list[NewsItem], show_unit: bool = True, summaries: bool = True,
                     own_unit: str | None = None) -> list[v.NewsEntry]:
        """The entries of a news list; on a unit's column (``own_unit``) only another unit's are named."""
        units = self.site.units
        return [v.NewsEntry(url=urls.item_url(item), title=item.title, date=show_date(item.date),
                            unit=units[item.unit].short_name_on(item.date.astimezone(VN_TZ).date())
                            if show_unit and item.unit != own_unit else None,
                            summary=item.summary if summaries else None,
                            image=item.image if summaries else None,
                            image_alt=item.image_alt if summaries else None) for item in items]

    def plan_entries(self, plans: list[Plan]) -> list[v.PlanEntry]:
        units = self.site.units
        return [v.PlanEntry(url=urls.item_url(plan), title=plan.title, number=plan.number, date=show_date(plan.date),
                            unit=units[plan.unit].short_name_on(plan.date), summary=plan.summary,
                            day_known=getattr(plan.date, "precision", "day") == "day") for plan in plans]

    def procedure_rows(self, procs: list[Procedure]) -> list[v.ProcedureRow]:
        units = self.site.units
        return [v.ProcedureRow(url=urls.item_url(proc), code=proc.code, name=proc.name, level=proc.level,
                               unit=units[proc.unit].short_name_on(proc.last_change.decision_date), change=proc.status,
                               change_date=show_date(proc.last_change.decision_date)) for proc in procs]

    def task_rows(self, rows: list[TaskRow], linked: bool, roles: list[str] | None) -> list[v.TaskRowView]:
        out = []
        for i, row in enumerate(rows):
            task = row.task
            plan = self.ix.plans_by_id[task.plan_id]
            evidence = [] if roles is not None else self.news_entries(row.evidence[:EVIDENCE_SHOWN], False, False)
            out.append(v.TaskRowView(
                no=task.no, anchor=task_anchor(task.no), title=task.title,
                url=urls.item_url(plan) if linked else None, plan_title=plan.title if linked else None,
                details=task.details or None if not linked else None,
                lead=[self.ref_link(r, plan.date) for r in task.lead],
                support=[self.ref_link(r, plan.date) for r in task.support],
                time=task.time.text,
                deadline=show_date(task.time.end) if task.time.end and not task.time.recurring else None,
                product=task.product, status=row.status, overdue=row.overdue, evidence=evidence,
                evidence_more=max(0, len(row.evidence) - EVIDENCE_SHOWN) if roles is None else 0,
                role=roles[i] if roles is not None else None,
                evidence_date=show_date(row.evidence_date) if row.evidence_date else None,
                note=row.note(self.strings) or None, inferred=list(task.inferred)))
        return out

    def plan_rows(self, plan: Plan, rows, cells: list[list[Cell]]) -> list[v.PlanRowView]:
        out = []
        for row, row_cells in zip(rows, cells, strict=True):
            status = row.status
            out.append(v.PlanRowView(
                anchor=task_anchor(row.task.no),
                cells=[v.CellView(key=c.key, text=c.text, inferred=c.inferred, deadline=c.deadline or None,
                                  units=[(ref.role, self.ref_link(ref.id, plan.date)) for ref in c.refs])
                       for c in row_cells],
                status=status.status, overdue=status.overdue,
                evidence=self.news_entries(status.evidence[:EVIDENCE_SHOWN], False, False),
                evidence_more=max(0, len(status.evidence) - EVIDENCE_SHOWN),
                evidence_date=show_date(status.evidence_date) if status.evidence_date else None,
                note=status.note(self.strings) or None,
                recipients=[self.site.unit_label(r, plan.date) for r in row.task.recipients]))
        return out

    def plan_table(self, plan: Plan) -> v.PlanTableView:
        table = plan_table(self.site, self.ix.tasks, plan, self.strings)
        return v.PlanTableView(
            columns=[c.label for c in table.columns],
            report_columns=[c.label for c in table.report_columns],
            rows=self.plan_rows(plan, table.rows, [r.cells for r in table.rows]),
            reports=self.plan_rows(plan, table.reports, [r.cells for r in table.reports]),
            note=table.note or None, legend=list(STATUSES), has_inferred=table.has_inferred)

    def task_table(self, rows: list[TaskRow], show_plan: bool = False, roles: list[str] | None = None) -> v.TaskTable:
        linked = show_plan or roles is not None  # rows from several plans: link each to its plan
        return v.TaskTable(self.task_rows(rows, linked, roles), linked, roles is not None, list(STATUSES))

    def task_summary(self, rows: list[TaskRow], csv_src: str) -> v.TaskSummary:
        counts = [(key, n) for key, n in self.ix.tasks.counts(rows).items() if n]
        return v.TaskSummary(len(rows), show_date(self.today), counts, csv_src)

    def pager(self, srcs: list[str], current: int) -> v.Pager | None:
        total = len(srcs)
        if total <= 1:
            return None
        items: list[v.PagerItem] = []
        last = 0
        for number in sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)}):
            if number > last + 1:
                items.append(v.PagerItem(None, None))
            items.append(v.PagerItem(number, None if number == current else page_url(srcs[number - 1])))
            last = number
        return v.Pager(items, page_url(srcs[current - 2]) if current > 1 else None,
                       page_url(srcs[current]) if current < total else None)

    # -- item pages ------------------------------------------------------------------------
    def news(self, item: NewsItem) -> v.NewsPage:
        local = item.date.astimezone(VN_TZ)
        tasks = []
        for key in item.tasks:
            row = self.ix.tasks.by_key[key]
            plan = self.ix.plans_by_id.get(row.task.plan_id)
            if plan is not None:
                tasks.append(v.TaskLink(urls.item_url(plan), task_anchor(row.task.no), row.task.no, row.task.title,
                                        plan.title))
        crumbs = v.Crumbs([self.home, self.section(urls.NEWS_INDEX_SRC, "section.news"),
                           v.Link(page_url(urls.year_src(local.year)), self.t("crumbs.year", year=local.year))])
        return v.NewsPage(crumbs=crumbs, title=item.title, published=show_datetime(item.date),
                          unit=self.unit_link(item.unit, local.date()), topics=self.topic_links(item.topics),
                          summary=None if body_repeats_lead(item.body, item.summary) else item.summary,
                          image=item.image, image_alt=item.image_alt, tasks=tasks)

    def plan(self, plan: Plan) -> v.PlanPage:
        rows = self.ix.tasks.by_plan.get(plan.id, [])
        shown = bool(plan.all_tasks) or plan.task_list != "table"  # a missing appendix is said under the heading
        heading = v.Heading(heading_id(self.t("plan.tasks")), self.t("plan.tasks")) if shown else None
        return v.PlanPage(
            crumbs=v.Crumbs([self.home, self.section(urls.PLANS_INDEX_SRC, "section.plans")]),
            title=plan.title, number=plan.number, unit=self.unit_link(plan.unit, plan.date), date=show_date(plan.date),
            period_start=show_date(plan.period_start), period_end=show_date(plan.period_end),
            topics=self.topic_links(plan.topics), summary=plan.summary or None, legal_bases=plan.legal_bases,
            tasks_heading=heading,
            task_summary=self.task_summary(rows, urls.plan_tasks_csv(plan)) if plan.tasks else None,
            toc=[heading] if heading else [],
            plan_table=self.plan_table(plan) if shown else None,
            report_date=show_date(min(plan.period_end, self.today)),
            report_docx=urls.plan_report_docx(plan), report_xlsx=urls.plan_report_xlsx(plan))

    def procedure(self, proc: Procedure) -> v.ProcedurePage:
        last = proc.last_change
        field = self.ix.field_of(proc)
        field_link = v.Link(page_url(urls.procedure_field_src(field.slug)), proc.field)
        heading = v.Heading(heading_id(self.t("procedure.history")), self.t("procedure.history"))
        return v.ProcedurePage(
            crumbs=v.Crumbs([self.home, self.section(urls.PROCEDURES_INDEX_SRC, "section.procedures"), field_link]),
            title=proc.name, status=proc.status, decision=last.decision, decision_date=show_date(last.decision_date),
            effective=show_date(last.effective), code=proc.code, field=field_link, level=proc.level,
            unit=self.unit_link(proc.unit, last.decision_date), online=proc.online,
            processing_time=proc.processing_time, fees=proc.fees,
            topics=self.topic_links(proc.topics), portal_url=proc.portal_url, history_heading=heading,
            history=[v.HistoryRow(c.kind, c.decision, show_date(c.decision_date), show_date(c.effective), c.note)
                     for c in proc.history], toc=[heading])

    # -- units and groups ------------------------------------------------------------------
    def unit_trail(self, unit: Unit) -> list[v.Link]:
        chain = [v.Link(page_url(urls.unit_src(uid)), self.site.units[uid].short_name)
                 for uid in reversed(self.ix.ancestors[unit.id])]
        return [self.home, self.section(urls.UNITS_INDEX_SRC, "section.units"), *chain]

    def unit_column(self, unit: Unit) -> v.UnitColumn:
        site, ix = self.site, self.ix
        ended = None
        if unit.ended:
            successor = self.unit_link(unit.ended.successor) if unit.ended.successor else None
            ended = v.EndedBanner(reason=unit.ended.reason, date=show_date(unit.ended.date), successor=successor)
        rows = [row for row, _ in ix.tasks.for_ref(unit.id)]
        return v.UnitColumn(
            short_name=unit.short_name, ended=ended, kind=unit.kind, hotline=unit.hotline,
            tel=tel(unit.hotline) if unit.hotline else None,
            more_hotlines=[v.HotlineView(h.number, tel(h.number), h.label, h.source) for h in unit.hotlines
                      if h.number != unit.hotline],
            email=unit.email, address=unit.address,
            website=unit.website, parent=self.unit_link(unit.parent) if unit.parent else None,
            former_names=[(f.name, show_date(f.until)) for f in unit.former_names],
            children=[v.UnitLink(self.unit_link(c), self.ended_mark(site.units[c])) for c in unit.children],
            successors=[(self.unit_link(u.id), u.ended.reason, show_date(u.ended.date))
                        for u in ix.successors.get(unit.id, []) if u.ended],
            tasks=len(rows), overdue=sum(1 for r in rows if r.overdue),
            tasks_url=page_url(urls.unit_tasks_src(unit.id)), tasks_csv_url=urls.unit_tasks_csv(unit.id),
            groups=[(self.ref_link(g.id), len(ix.tasks.for_ref(g.id))) for g in ix.groups_of.get(unit.id, [])],
            with_children=ix.include_children and bool(unit.children),
            plans=self.plan_entries(ix.plans_by_unit.get(unit.id, [])),
            procedures=self.procedure_rows(ix.procedures_by_unit.get(unit.id, [])))

    def unit(self, unit: Unit, items: list[NewsItem], number: int, srcs: list[str]) -> v.UnitPage:
        trail = self.unit_trail(unit)
        crumbs = v.Crumbs(trail if number == 1 else [*trail, v.Link(page_url(srcs[0]), unit.short_name)])
        return v.UnitPage(crumbs=crumbs, title=unit.name, column=self.unit_column(unit) if number == 1 else None,
                          news=self.news_entries(items, summaries=False, own_unit=unit.id),
                          pager=self.pager(srcs, number))

    def unit_tasks(self, unit: Unit, entries: list[tuple[TaskRow, str]], all_rows: list[TaskRow], number: int,
                   srcs: list[str]) -> v.TaskTablePage:
        trail = [*self.unit_trail(unit), v.Link(page_url(urls.unit_src(unit.id)), unit.short_name)]
        return v.TaskTablePage(
            crumbs=v.Crumbs(trail), title=self.t("unit.tasks_title", unit=unit.short_name), overdue_banner=0,
            task_summary=self.task_summary(all_rows, urls.unit_tasks_csv(unit.id)),
            table=self.task_table([r for r, _ in entries], roles=[role for _, role in entries]),
            pager=self.pager(srcs, number))

    def group(self, group: Group, entries: list[tuple[TaskRow, str]], all_rows: list[TaskRow], number: int,
              srcs: list[str]) -> v.GroupPage:
        members = None
        if number == 1:
            members = [v.UnitLink(self.ref_link(m).link, self.ended_mark(self.site.units[m])) for m in group.members]
        return v.GroupPage(
            crumbs=v.Crumbs([self.home, self.section(urls.UNITS_INDEX_SRC, "section.units")]), title=group.name,
            members=members, task_summary=self.task_summary(all_rows, urls.group_tasks_csv(group.id)),
            table=self.task_table([r for r, _ in entries], roles=[role for _, role in entries]),
            pager=self.pager(srcs, number))

    def units(self) -> v.UnitsPage:
        site = self.site

        def tree(ids: list[str]) -> list[v.TreeNode]:
            return [v.TreeNode(unit=v.UnitLink(self.unit_link(uid), self.ended_mark(site.units[uid])),
                               children=tree(site.units[uid].children)) for uid in ids]

        groups = [(self.ref_link(g.id), len(g.members), len(self.ix.tasks.for_ref(g.id)))
                  for g in site.groups.values()]
        return v.UnitsPage(crumbs=v.Crumbs([self.home]), tree=tree(self.ix.roots),
                           groups=groups)

    # -- topics and archive ----------------------------------------------------------------
    def topics(self) -> v.TopicsPage:
        ix = self.ix
        entries = [(v.Link(page_url(urls.topic_src(topic.id)), topic.name),
                    len(ix.news_by_topic.get(topic.id, [])) + len(ix.plans_by_topic.get(topic.id, []))
                    + len(ix.procedures_by_topic.get(topic.id, [])), topic.description)
                   for topic in self.site.topics.values()]
        return v.TopicsPage(crumbs=v.Crumbs([self.home]), topics=entries)

    def topic(self, topic_id: str, items: list[NewsItem], number: int, srcs: list[str]) -> v.TopicPage:
        topic = self.site.topics[topic_id]
        trail = [self.home, self.section(urls.TOPICS_INDEX_SRC, "section.topics")]
        first = number == 1
        crumbs = v.Crumbs(trail if first else [*trail, v.Link(page_url(srcs[0]), topic.name)])
        return v.TopicPage(
            crumbs=crumbs, title=topic.name, first=first, description=topic.description,
            plans=self.plan_entries(self.ix.plans_by_topic.get(topic_id, [])) if first else [],
            procedures=self.procedure_rows(self.ix.procedures_by_topic.get(topic_id, [])) if first else [],
            news=self.news_entries(items, summaries=False), pager=self.pager(srcs, number))

    def archive_years(self) -> list[int]:
        return sorted(set(self.ix.news_by_year) | set(self.ix.plans_by_year), reverse=True)

    def archive(self) -> v.ArchivePage:
        years = [(v.Link(page_url(urls.year_src(y)), self.t("crumbs.year", year=y)),
                  len(self.ix.news_by_year.get(y, [])), len(self.ix.plans_by_year.get(y, [])))
                 for y in self.archive_years()]
        return v.ArchivePage(crumbs=v.Crumbs([self.home]), years=years)

    def year(self, year: int, items: list[NewsItem], number: int, srcs: list[str]) -> v.YearPage:
        trail = [self.home, self.section(urls.YEARS_INDEX_SRC, "section.archive")]
        title = self.t("crumbs.year", year=year)
        crumbs = v.Crumbs(trail if number == 1 else [*trail, v.Link(page_url(srcs[0]), title)])
        plans = self.plan_entries(self.ix.plans_by_year.get(year, [])) if number == 1 else []
        return v.YearPage(crumbs=crumbs, year=year, plans=plans, news=self.news_entries(items, summaries=False),
                          pager=self.pager(srcs, number))

    # -- listings --------------------------------------------------------------------------
    def news_listing(self, items: list[NewsItem], number: int, srcs: list[str]) -> v.ListingPage:
        return self.listing("section.news", number, srcs, news=self.news_entries(items))

    def plans_listing(self, items: list[Plan], number: int, srcs: list[str]) -> v.ListingPage:
        return self.listing("section.plans", number, srcs, plans=self.plan_entries(items))

    def listing(self, key: str, number: int, srcs: list[str], news: list[v.NewsEntry] | None = None,
                plans: list[v.PlanEntry] | None = None) -> v.ListingPage:
        title = self.t(key)
        crumbs = v.Crumbs([self.home] if number == 1 else [self.home, v.Link(page_url(srcs[0]), title)])
        return v.ListingPage(crumbs=crumbs, title=title, news=news, plans=plans, pager=self.pager(srcs, number))

    def all_tasks(self, rows: list[TaskRow], number: int, srcs: list[str]) -> v.TaskTablePage:
        title = self.t("section.tasks")
        crumbs = v.Crumbs([self.home] if number == 1 else [self.home, v.Link(page_url(urls.TASKS_INDEX_SRC), title)])
        all_rows = self.ix.tasks.rows
        return v.TaskTablePage(
            crumbs=crumbs, title=self.t("task.all_title"),
            overdue_banner=sum(1 for r in all_rows if r.overdue) if number == 1 else 0,
            task_summary=self.task_summary(all_rows, urls.ALL_TASKS_CSV),
            table=self.task_table(rows, show_plan=True), pager=self.pager(srcs, number))

    def catalogue(self) -> v.CataloguePage:
        fields = sorted(self.ix.fields.values(), key=lambda f: fold(f.name))
        return v.CataloguePage(
            crumbs=v.Crumbs([self.home]), count=len(self.site.procedures),
            fields=[(v.Link(page_url(urls.procedure_field_src(f.slug)), f.name), len(f.procedures)) for f in fields],
            changes=[(v.Link(page_url(urls.procedure_change_src(CHANGE_SLUGS[k])), self.t(f"change.{k}")), k,
                      len(self.ix.procedures_by_change[k])) for k in CHANGES])

    def procedure_list(self, title: str, procs: list[Procedure], number: int,
                       srcs: list[str]) -> v.ProcedureListPage:
        crumbs = v.Crumbs([self.home, self.section(urls.PROCEDURES_INDEX_SRC, "section.procedures")])
        return v.ProcedureListPage(crumbs=crumbs, title=title, procedures=self.procedure_rows(procs),
                                   pager=self.pager(srcs, number))

    # -- home ------------------------------------------------------------------------------
    def home_page(self) -> v.HomePage:
        site, settings = self.site, self.settings
        since = self.today - timedelta(days=settings.recent_days)
        changed = sorted((p for p in site.procedures if since <= p.last_change.decision_date <= self.today),
                         key=lambda p: (p.last_change.decision_date, p.id), reverse=True)
        current = [p for p in site.plans if p.period_start <= self.today <= p.period_end]
        heading = "home.current_plans"
        if not current:
            current, heading = site.plans[:3], "home.latest_plans"
        # every number of every unit still in service, in the order of units.yml
        hotlines = [(u, h) for u in site.units.values() if u.ended is None for h in u.hotlines]
        return v.HomePage(
            title=self.config.site_name,
            sections=[v.Link(page_url(src), title) for title, src in self.config.sections[1:]],
            hotlines=[(v.Link(page_url(urls.unit_src(u.id)), u.short_name), h.number, tel(h.number),
                       "" if h.number == u.hotline else h.label) for u, h in hotlines],
            news=self.news_entries(site.news[:settings.home_news]), recent_days=settings.recent_days,
            changed=self.procedure_rows(changed), plans_heading=heading, plans=self.plan_entries(current),
            news_url=page_url(urls.NEWS_INDEX_SRC), procedures_url=page_url(urls.PROCEDURES_INDEX_SRC),
            plans_url=page_url(urls.PLANS_INDEX_SRC))


class Pages:
    """Lists every page and download; the views are built later, page by page."""

    def __init__(self, index: SiteIndex, config: SiteConfig, strings: Strings):
        self.views = Views(index, config, strings)
        self.ix, self.site, self.settings, self.t = index, index.site, config.settings, strings.t
        self.strings = strings
        self.site_url = config.site_url
        self.out = Output()

    def add(self, src: str, template: str, title: str, ref: PageRef, view: Callable[[], object], markdown: str = "",
            description: str | None = None, in_nav: bool = False) -> None:
        self.out.pages.append(OutPage(src, template, title, ref, view, markdown, description, in_nav))

    def csv(self, src: str, rows: list[TaskRow], roles: list[str] | None = None) -> None:
        self.out.files.append(OutFile(src, tasks_csv(self.site, rows, self.csv_link, roles, self.strings)))

    def csv_link(self, item: NewsItem) -> str:
        return self.site_url + urls.item_url(item)

    def paginate(self, base_src: str, template: str, title: str, items: list, make_view, ref: PageRef,
                 description: str | None = None, size: int | None = None, in_nav: bool = False) -> None:
        """Pages ``base_src``, ``.../trang/2.md``...; ``make_view(page_items, number, srcs)`` builds each view."""
        groups = chunks(items, size or self.settings.page_size)
        srcs = [urls.paged_src(base_src, n) for n in range(1, len(groups) + 1)]
        for number, (src, group) in enumerate(zip(srcs, groups, strict=True), start=1):
            page_title = title if number == 1 else self.t("title.paged", title=title, number=number)
            self.add(src, template, page_title, ref, partial(make_view, group, number, srcs),
                     description=description if number == 1 else None, in_nav=in_nav and number == 1)

    def news_page(self, item: NewsItem) -> OutPage:
        return OutPage(urls.news_src(item), "cchc/news.html", item.title,
                       PageRef("news", item.title, item.id, item.unit, list(item.topics)),
                       partial(self.views.news, item), item.body, item.summary)

    def run(self) -> Output:
        views, t = self.views, self.t
        self.add(urls.HOME_SRC, "cchc/home.html", self.views.config.site_name,
                 PageRef("home", self.views.config.site_name), views.home_page, in_nav=True)
        for item in self.site.news:
            self.out.pages.append(self.news_page(item))
        for plan in self.site.plans:
            if plan.tasks:
                self.csv(urls.plan_tasks_csv(plan), self.ix.tasks.by_plan.get(plan.id, []))
            # the plan page's "Tải báo cáo" links
            self.out.later.append(plan_report_later(self.site, plan, self.csv_link, self.strings, self.ix.tasks.cited))
            self.add(urls.plan_src(plan), "cchc/plan.html", plan.title,
                     PageRef("plan", plan.title, plan.id, plan.unit, list(plan.topics)), partial(views.plan, plan),
                     plan.body, plan.summary or None)
        for proc in self.site.procedures:
            body = "\n".join(f"## {s.title}\n\n{s.body}\n" if s.title else s.body + "\n" for s in proc.sections)
            self.add(urls.procedure_src(proc), "cchc/procedure.html", proc.name,
                     PageRef("procedure", proc.name, proc.id, proc.unit, list(proc.topics)),
                     partial(views.procedure, proc), body,
                     t("procedure.description", name=proc.name, code=proc.code, field=proc.field))
        for unit in self.site.units.values():
            self.unit_pages(unit)
        for group in self.site.groups.values():
            self.role_task_pages(urls.group_src(group.id), urls.group_tasks_csv(group.id), "cchc/group.html",
                                 group.name, self.ix.tasks.for_ref(group.id), PageRef("listing", group.name),
                                 partial(views.group, group))
        self.add(urls.UNITS_INDEX_SRC, "cchc/units.html", t("section.units"), PageRef("listing", t("section.units")),
                 views.units, in_nav=True)
        self.topic_pages()
        self.archive_pages()
        self.listing_pages()
        self.task_pages()
        self.procedure_pages()
        return self.out

    def unit_pages(self, unit: Unit) -> None:
        # One-line entries, more per page: every item appears in the column of each unit
        # above it, so these pages add up (settings.column_page_size).
        self.paginate(urls.unit_src(unit.id), "cchc/unit.html", unit.name, self.ix.news_by_unit.get(unit.id, []),
                      partial(self.views.unit, unit), PageRef("unit", unit.name, unit.id, unit.id, []),
                      self.t("unit.description", name=unit.name), size=self.settings.column_page_size)
        entries = self.ix.tasks.for_ref(unit.id)
        if entries:
            title = self.t("unit.tasks_title", unit=unit.short_name)
            self.role_task_pages(urls.unit_tasks_src(unit.id), urls.unit_tasks_csv(unit.id), "cchc/tasks.html",
                                 title, entries, PageRef("listing", title, None, unit.id, []),
                                 partial(self.views.unit_tasks, unit))

    def role_task_pages(self, src: str, csv_src: str, template: str, title: str, entries: list[tuple[TaskRow, str]],
                        ref: PageRef, make_view) -> None:
        """The tasks a unit or group is named in, with its role: paginated table and CSV."""
        all_rows = [row for row, _ in entries]
        self.csv(csv_src, all_rows, [role for _, role in entries])
        self.paginate(src, template, title, entries,
                      lambda page_entries, number, srcs: make_view(page_entries, all_rows, number, srcs),
                      ref, size=TASKS_PAGE_ROWS)

    def topic_pages(self) -> None:
        t = self.t
        title = t("section.topics")
        self.add(urls.TOPICS_INDEX_SRC, "cchc/topics.html", title, PageRef("listing", title), self.views.topics,
                 in_nav=True)
        for topic in self.site.topics.values():
            news = self.ix.news_by_topic.get(topic.id, [])
            newest = newest_change(news, self.ix.plans_by_topic.get(topic.id, []),
                                   self.ix.procedures_by_topic.get(topic.id, []))
            self.paginate(urls.topic_src(topic.id), "cchc/topic.html", topic.name, news,
                          partial(self.views.topic, topic.id),
                          PageRef("topic", topic.name, topic.id, None, [topic.id], newest=newest), topic.description,
                          size=self.settings.column_page_size)

    def archive_pages(self) -> None:
        t = self.t
        self.add(urls.YEARS_INDEX_SRC, "cchc/archive.html", t("section.archive"),
                 PageRef("listing", t("section.archive")), self.views.archive, in_nav=True)
        for year in self.views.archive_years():
            title = t("crumbs.year", year=year)
            news = self.ix.news_by_year.get(year, [])
            newest = newest_change(news, self.ix.plans_by_year.get(year, []))
            self.paginate(urls.year_src(year), "cchc/year.html", title, news, partial(self.views.year, year),
                          PageRef("year", title, newest=newest), size=self.settings.column_page_size)

    def listing_pages(self) -> None:
        for src, key, items, make_view, description in (
                (urls.NEWS_INDEX_SRC, "section.news", self.site.news, self.views.news_listing,
                 "listing.news_description"),
                (urls.PLANS_INDEX_SRC, "section.plans", self.site.plans, self.views.plans_listing,
                 "listing.plans_description")):
            title = self.t(key)
            self.paginate(src, "cchc/listing.html", title, items, make_view,
                          PageRef("listing", title, newest=newest_change(items)), self.t(description), in_nav=True)

    def task_pages(self) -> None:
        rows = self.ix.tasks.rows
        self.csv(urls.ALL_TASKS_CSV, rows)
        title = self.t("section.tasks")
        self.paginate(urls.TASKS_INDEX_SRC, "cchc/tasks.html", title, rows, self.views.all_tasks,
                      PageRef("listing", title), self.t("task.all_description"), size=TASKS_PAGE_ROWS, in_nav=True)

    def procedure_pages(self) -> None:
        t, ix = self.t, self.ix
        title = t("section.procedures")
        self.add(urls.PROCEDURES_INDEX_SRC, "cchc/procedures.html", title,
                 PageRef("listing", title, newest=newest_change(self.site.procedures)),
                 self.views.catalogue, description=t("catalogue.description"), in_nav=True)
        for f in sorted(ix.fields.values(), key=lambda f: fold(f.name)):  # each lists all its procedures
            page_title = t("catalogue.field_title", name=f.name)
            self.add(urls.procedure_field_src(f.slug), "cchc/procedure-list.html", page_title,
                     PageRef("listing", page_title, newest=newest_change(f.procedures)),
                     partial(self.views.procedure_list, page_title, f.procedures, 1,
                             [urls.procedure_field_src(f.slug)]))
        for kind in CHANGES:
            items = sorted(ix.procedures_by_change[kind], key=lambda p: (p.last_change.decision_date, p.id),
                           reverse=True)
            label = t(f"change.{kind}")
            page_title = t("catalogue.change_title", label=label)
            self.paginate(urls.procedure_change_src(CHANGE_SLUGS[kind]), "cchc/procedure-list.html", page_title,
                          items, partial(self.views.procedure_list, page_title),
                          PageRef("listing", page_title, newest=newest_change(items)))


def news_page(index: SiteIndex, config: SiteConfig, strings: Strings, item: NewsItem) -> OutPage:
    """The page of one news item alone, as ``generate`` makes it (for the preview)."""
    return Pages(index, config, strings).news_page(item)


def generate(index: SiteIndex, config: SiteConfig, strings: Strings) -> Output:
    """Every generated page and download of the site."""
    return Pages(index, config, strings).run()
