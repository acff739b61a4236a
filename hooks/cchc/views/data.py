"""View data: what each generated page shows, as plain typed values for its template.

One dataclass per kind of page (``NewsPage``, ``UnitPage``, ``TaskTablePage``...) and
small parts they share (``Link``, ``Crumbs``, ``Pager``, ``NewsEntry``, ``TaskTable``).
Texts are ready to show (dates as dd/mm/yyyy, names valid on the item's date); fixed
words are not here but in ``cchc/strings/vi.yml``, which templates read with ``t()``;
a value that selects a word is its key (``status="overdue"``, ``change="amended"``).
Links are site-root-relative URLs (``don-vi/hp-so-gddt/``, ``""`` for the home page);
templates make them relative to the page with MkDocs' ``url`` filter. Absolute URLs
(``https:``, ``tel:``, ``mailto:``) pass through that filter unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Link:
    url: str
    text: str


@dataclass(slots=True)
class Heading:
    """A heading the template draws that also belongs in the page's table of contents."""

    id: str
    title: str


@dataclass(slots=True)
class Crumbs:
    """Breadcrumbs: the trail from the home page down to this page's parent. Not this page
    itself: its heading comes next and says it (on a phone a long title would show twice)."""

    trail: list[Link]


@dataclass(slots=True)
class PagerItem:
    number: int | None  # None: a gap ("…") between numbers
    url: str | None  # None: this page, or a gap


@dataclass(slots=True)
class Pager:
    """Numbered links to the pages of a listing: first, last and two either side."""

    items: list[PagerItem]
    prev: str | None
    next: str | None


@dataclass(slots=True)
class EndedMark:
    """"(đã giải thể 01/07/2025)" after an ended unit's name."""

    reason: str  # merged | dissolved (unit.ended.*)
    date: str


@dataclass(slots=True)
class UnitLink:
    link: Link
    ended: EndedMark | None = None
    group: bool = False  # a named group of units, not a unit
    current: str | None = None  # today's name, when the link shows the name of an earlier date


@dataclass(slots=True)
class NewsEntry:
    url: str
    title: str
    date: str
    unit: str | None  # the unit's short name valid on the item's date; None where the page is the unit's
    summary: str | None  # None on one-line listings
    image: str | None = None  # the item's picture (path from docs/), on listings with summaries
    image_alt: str | None = None  # what the picture shows


@dataclass(slots=True)
class PlanEntry:
    url: str
    title: str
    number: str | None
    date: str  # "18/01/2018", or "tháng 3/2022" when the document leaves the day blank
    unit: str
    summary: str
    day_known: bool = True  # False: the date is shown as the document gives it, without "ngày"


@dataclass(slots=True)
class ProcedureRow:
    url: str
    code: str
    name: str
    level: str  # level.* key
    unit: str
    change: str  # change.* key of the latest change: new | amended | abolished
    change_date: str


@dataclass(slots=True)
class TaskRowView:
    """One row of a task table."""

    no: str
    anchor: str  # the row's id in its plan's table ("nv-1")
    title: str
    url: str | None  # the row in its plan's page, in tables that gather several plans
    plan_title: str | None
    details: str | None  # shown in a plan's own table
    lead: list[UnitLink]
    support: list[UnitLink]
    time: str
    deadline: str | None
    product: str
    status: str  # task.status.* key
    overdue: bool
    evidence: list[NewsEntry]  # up to 5 news items citing the task (a plan's and the site's tables)
    evidence_more: int  # how many more
    role: str | None  # task.role.* key, in a unit's or group's table
    evidence_date: str | None = None  # first evidence, or the date of a status set by hand
    note: str | None = None  # "Cập nhật ngày …: …" of a status set by hand
    inferred: list[str] = field(default_factory=list)  # fields not stated in the document (time, lead, ...)


@dataclass(slots=True)
class CellView:
    """One cell of a plan's table, in the document's column (see cchc.index.plan_table)."""

    key: str  # no | title | details | lead | support | units | time | product | the document's own key
    text: str
    units: list[tuple[str, UnitLink]]  # (task.role.* key or "", unit) for unit cells, named as on the plan's date
    inferred: bool  # not stated in the document: marked task.inferred_mark, titled task.inferred_title
    deadline: str | None


@dataclass(slots=True)
class PlanRowView:
    anchor: str
    cells: list[CellView]
    status: str  # task.status.* key
    overdue: bool
    evidence: list[NewsEntry]
    evidence_more: int
    evidence_date: str | None
    note: str | None
    recipients: list[str]  # a report's recipients, named as on the plan's date


@dataclass(slots=True)
class PlanTableView:
    """A plan's task table as the document has it: its columns in its order, then the status."""

    columns: list[str]  # the document's headings
    rows: list[PlanRowView]
    report_columns: list[str]  # the reports' own headings (report, who reports, deadline)
    reports: list[PlanRowView]  # one row per reporting duty and period
    note: str | None  # where the tasks come from when not from a table of the document
    legend: list[str]  # task.status.* keys explained under the table (task.meaning.*)
    has_inferred: bool


@dataclass(slots=True)
class HotlineView:
    number: str
    tel: str
    label: str
    source: str  # the document that gives the number ("" when none)


@dataclass(slots=True)
class TaskSummary:
    """"12 nhiệm vụ, tính đến ngày 30/06/2024: ..." and the CSV download."""

    total: int
    date: str
    counts: list[tuple[str, int]]  # (status key, count), non-zero only
    csv_url: str


@dataclass(slots=True)
class TaskTable:
    rows: list[TaskRowView]
    linked: bool  # rows from several plans: each title links to its plan's row
    roles: bool  # the short table of a unit or group: TT, role, task, time, status
    legend: list[str] = field(default_factory=list)  # task.status.* keys explained under the table


@dataclass(slots=True)
class TaskLink:
    """A plan task a news item carries out."""

    url: str  # the plan's page; the row is ``#anchor``
    anchor: str
    no: str
    title: str
    plan_title: str


@dataclass(slots=True)
class HistoryRow:
    change: str  # change.* key
    decision: str
    date: str
    effective: str
    note: str


# -- pages -------------------------------------------------------------------------------

@dataclass(kw_only=True)
class NewsPage:
    crumbs: Crumbs
    title: str
    published: str
    unit: Link
    topics: list[Link]
    summary: str | None  # the lead; None when the body's first paragraph already says it
    image: str | None
    tasks: list[TaskLink]
    image_alt: str | None = None  # what the picture shows (required with a picture)


@dataclass(kw_only=True)
class PlanPage:
    crumbs: Crumbs
    title: str
    number: str | None
    unit: Link
    date: str
    period_start: str
    period_end: str
    topics: list[Link]
    summary: str | None
    legal_bases: list[str]
    tasks_heading: Heading | None
    task_summary: TaskSummary | None
    toc: list[Heading] = field(default_factory=list)
    plan_table: PlanTableView | None = None  # the document's table (columns, inferred marks, reports, legend)
    report_date: str = ""  # the plan's current report: statuses as of this day
    report_docx: str | None = None
    report_xlsx: str | None = None


@dataclass(kw_only=True)
class ProcedurePage:
    crumbs: Crumbs
    title: str
    status: str  # change.* key of the latest change
    decision: str
    decision_date: str
    effective: str
    code: str
    field: Link
    level: str
    unit: Link
    online: str  # online.* key
    processing_time: str
    fees: str
    topics: list[Link]
    portal_url: str | None
    history_heading: Heading
    history: list[HistoryRow]
    toc: list[Heading] = field(default_factory=list)


@dataclass(kw_only=True)
class EndedBanner:
    reason: str  # unit.ended.* key
    date: str
    successor: Link | None


@dataclass(kw_only=True)
class UnitColumn:
    """The first page of a unit's column: everything above its news."""

    short_name: str
    ended: EndedBanner | None
    kind: str  # unit_kind.* key
    hotline: str | None
    tel: str | None  # the hotline's digits, for tel: links
    more_hotlines: list[HotlineView]  # the numbers the documents give beside ``hotline``, with what they are for
    email: str | None
    address: str | None
    website: str | None
    parent: Link | None
    former_names: list[tuple[str, str]]  # (name, last day)
    children: list[UnitLink]
    successors: list[tuple[Link, str, str]]  # (unit, unit.ended.* key, date)
    tasks: int
    overdue: int
    tasks_url: str
    tasks_csv_url: str
    groups: list[tuple[UnitLink, int]]  # (group, its task count)
    with_children: bool  # the plans and procedures include the child units'
    plans: list[PlanEntry]
    procedures: list[ProcedureRow]


@dataclass(kw_only=True)
class UnitPage:
    crumbs: Crumbs
    title: str
    column: UnitColumn | None  # the first page only
    news: list[NewsEntry]
    pager: Pager | None


@dataclass(kw_only=True)
class TaskTablePage:
    """The site's task table, or a unit's own (with its role in each task)."""

    crumbs: Crumbs
    title: str
    overdue_banner: int  # the site's first page: how many tasks are overdue
    task_summary: TaskSummary
    table: TaskTable
    pager: Pager | None


@dataclass(kw_only=True)
class GroupPage:
    crumbs: Crumbs
    title: str
    members: list[UnitLink] | None  # the first page only
    task_summary: TaskSummary
    table: TaskTable
    pager: Pager | None


@dataclass(kw_only=True)
class ListingPage:
    """A nav section's paginated list: news or plans, with summaries."""

    crumbs: Crumbs
    title: str
    news: list[NewsEntry] | None
    plans: list[PlanEntry] | None
    pager: Pager | None


@dataclass(kw_only=True)
class TopicPage:
    crumbs: Crumbs
    title: str
    first: bool  # the first page shows the description, plans and procedures
    description: str
    plans: list[PlanEntry]
    procedures: list[ProcedureRow]
    news: list[NewsEntry]
    pager: Pager | None


@dataclass(kw_only=True)
class TopicsPage:
    crumbs: Crumbs
    topics: list[tuple[Link, int, str]]  # (topic, items, description)


@dataclass(kw_only=True)
class ArchivePage:
    crumbs: Crumbs
    years: list[tuple[Link, int, int]]  # (year, news, plans)


@dataclass(kw_only=True)
class YearPage:
    crumbs: Crumbs
    year: int
    plans: list[PlanEntry]  # the first page only
    news: list[NewsEntry]
    pager: Pager | None


@dataclass(kw_only=True)
class CataloguePage:
    """All procedures: links to each field's and each change's list."""

    crumbs: Crumbs
    count: int
    fields: list[tuple[Link, int]]
    changes: list[tuple[Link, str, int]]  # (list, change.* key, count)


@dataclass(kw_only=True)
class ProcedureListPage:
    crumbs: Crumbs
    title: str
    procedures: list[ProcedureRow]
    pager: Pager | None


@dataclass(kw_only=True)
class TreeNode:
    unit: UnitLink
    children: list[TreeNode]


@dataclass(kw_only=True)
class UnitsPage:
    crumbs: Crumbs
    tree: list[TreeNode]
    groups: list[tuple[UnitLink, int, int]]  # (group, members, tasks)


@dataclass(kw_only=True)
class HomePage:
    title: str
    sections: list[Link]
    hotlines: list[tuple[Link, str, str, str]]  # (unit, hotline, tel digits, what it is for or "")
    news: list[NewsEntry]
    recent_days: int
    changed: list[ProcedureRow]
    plans_heading: str  # home.current_plans | home.latest_plans
    plans: list[PlanEntry]
    news_url: str  # the full lists behind "Tất cả … »"
    procedures_url: str
    plans_url: str
