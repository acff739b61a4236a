"""The validated content model: units, topics, plans with tasks, news, procedures.

Built once per build by ``loader.load_site``; everything downstream (pages, task
tables, feeds, search) reads these objects and never the content files. Models are
built with keywords (``kw_only``); fields with a fixed set of values are ``Literal``
types; the words readers see for their values are in ``cchc/strings/vi.yml``. Where a field was written
(its line) is kept beside the model by the loader (``loader.SourceLines``), not on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from cchc.text import VN_TZ

UnitKind = Literal["people-committee", "department", "division", "district", "district-office", "commune",
                   "school", "press", "organisation", "other"]
EndReason = Literal["merged", "dissolved"]
ChangeKind = Literal["new", "amended", "abolished"]
Level = Literal["tinh", "huyen", "xa"]
Online = Literal["full", "partial", "none"]
TaskState = Literal["done", "in-progress", "not-started"]  # what an editor may set on a task
DatePrecision = Literal["day", "month", "year"]
TaskList = Literal["table", "prose", "missing"]  # where a plan's tasks come from in its document
Every = Literal["quarter", "half-year", "year", "once"]  # how often a reporting duty falls due



class DocDate(date):
    """A date as precise as the document gives it: "tháng 3 năm 2022" has no day.

    It is a ``date`` (the first day it can be, for sorting and comparisons) that
    remembers its ``precision``; ``cchc.text.show_date`` shows it as the document
    does: "tháng 3/2022", "năm 2022" or "18/01/2018".
    """

    precision: DatePrecision

    def __new__(cls, year: int, month: int = 1, day: int = 1, precision: DatePrecision = "day") -> DocDate:
        self = super().__new__(cls, year, month, day)
        self.precision = precision
        return self

    def __reduce__(self):  # keep the precision through copy and pickle
        return (DocDate, (self.year, self.month, self.day, self.precision))


@dataclass(frozen=True)
class Source:
    """Where a thing was written: the file (relative to the site root) and line."""

    path: str
    line: int


@dataclass(kw_only=True)
class FormerName:
    name: str
    short_name: str
    until: date


@dataclass(kw_only=True)
class Ended:
    """A unit merged into another or dissolved on ``date`` (its first day gone)."""

    date: date
    reason: EndReason
    successor: str | None


@dataclass(kw_only=True)
class Hotline:
    """A telephone number for citizens, with what it is for and the document that gives it."""

    number: str
    label: str
    source: str  # e.g. "Kế hoạch số 58/KH-NV ngày 31/7/2025"; "" when not from a document here


@dataclass(kw_only=True)
class Unit:
    id: str
    name: str
    short_name: str
    kind: UnitKind
    parent: str | None
    hotline: str | None
    email: str | None
    address: str | None
    website: str | None
    former_names: list[FormerName]
    ended: Ended | None
    source: Source
    children: list[str] = field(default_factory=list)
    hotlines: list[Hotline] = field(default_factory=list)  # every number, ``hotline`` first when set

    def name_on(self, day: date) -> str:
        """The full name valid on ``day`` (older items keep the name of their time)."""
        for former in self.former_names:
            if day <= former.until:
                return former.name
        return self.name

    def short_name_on(self, day: date) -> str:
        for former in self.former_names:
            if day <= former.until:
                return former.short_name
        return self.short_name

    def active_on(self, day: date) -> bool:
        return self.ended is None or day < self.ended.date


@dataclass(kw_only=True)
class Group:
    """A named set of units used in task tables ("Các phòng thuộc Sở")."""

    id: str
    name: str
    members: list[str]
    source: Source


@dataclass(kw_only=True)
class Topic:
    id: str
    name: str
    description: str


@dataclass
class TimeFrame:
    """A task's time as written, and the dates it stands for where it has them."""

    text: str
    start: date | None
    end: date | None
    recurring: bool = False  # "Thường xuyên", "Hằng năm": no single deadline


# Task fields a transcriber may mark as inferred (not stated in the document).
INFERABLE = ("lead", "support", "time", "product")


@dataclass(kw_only=True)
class ManualStatus:
    """A status an editor set by hand, as of ``date``, with a note saying why; it wins."""

    state: TaskState
    date: date
    note: str


@dataclass(kw_only=True)
class Task:
    plan_id: str
    no: str
    title: str
    details: str
    lead: list[str]
    support: list[str]
    time: TimeFrame
    product: str
    manual: ManualStatus | None
    source: Source
    inferred: list[str] = field(default_factory=list)  # fields of INFERABLE the document does not state
    cells: dict[str, str] = field(default_factory=dict)  # the document's own extra columns (Column.key -> text)
    duty: str | None = None  # the reporting duty (its ``no``) this task was made from, None for a plan row
    recipients: list[str] = field(default_factory=list)  # a report task: who receives it (unit ids or names)

    @property
    def key(self) -> str:
        """How news items refer to this task: ``<plan id>#<no>``."""
        return f"{self.plan_id}#{self.no}"

    def is_inferred(self, name: str) -> bool:
        return name in self.inferred


# Columns a plan's table can show from the task fields; any other key is a column of the
# document's own (its values in ``Task.cells``). "units" is the lead and the support in one cell.
# A plan without ``columns`` shows DEFAULT_COLUMNS, headed by plan.col.* of strings/vi.yml.
TASK_COLUMNS = ("no", "title", "details", "lead", "support", "units", "time", "product")
DEFAULT_COLUMNS = ("no", "title", "lead", "support", "time", "product")


@dataclass(kw_only=True)
class Column:
    """One column of a plan's task table, as the document heads it."""

    key: str  # a key of TASK_COLUMNS, or the document's own column (values in Task.cells)
    label: str

    @property
    def own(self) -> bool:
        """True for a column only this document has (e.g. "Hình thức tuyên truyền")."""
        return self.key not in TASK_COLUMNS


@dataclass(kw_only=True)
class Due:
    """When a periodic report falls due: ``day`` of a month counted from the period.

    ``month`` is "last" (the last month of the period: "trước ngày 20 tháng cuối quý")
    or "next" (the month after it). ``dates`` instead lists fixed deadlines, one per
    period in order ("6 tháng (trước ngày 30/5), năm (trước ngày 30/11)").
    """

    day: int | None = None
    month: Literal["last", "next"] = "last"
    dates: list[date] = field(default_factory=list)


@dataclass(kw_only=True)
class ReportingDuty:
    """A plan's duty to report: who reports to whom, how often, by which day.

    ``text`` is the document's own words; the loader turns the duty into one dated
    task per period of the plan (``Task.duty``), which then has a status like any task.
    """

    no: str
    title: str
    reporters: list[str]  # unit or group ids
    recipients: list[str]  # unit ids, or names of offices that have no unit here
    every: Every
    due: Due
    text: str
    inferred: list[str]  # "time" when the document gives no deadline
    source: Source


@dataclass(kw_only=True)
class Correction:
    """An editor's record that a published item was corrected (``updated:``): when, and what."""

    date: datetime
    note: str  # optional short note, "" when none


@dataclass(kw_only=True)
class Plan:
    id: str
    slug: str
    number: str | None
    unit: str
    date: date
    title: str
    period_start: date
    period_end: date
    legal_bases: list[str]
    topics: list[str]
    summary: str
    tasks: list[Task]  # the rows of the document's task table, in its order
    body: str
    source: Source
    body_line: int = 1  # the line of the body's first line in its file (for messages)
    columns: list[Column] = field(default_factory=list)  # the table's columns in the document's order
    task_list: TaskList = "table"
    task_list_note: str = ""  # what the page says about where the tasks come from
    reporting: list[ReportingDuty] = field(default_factory=list)
    report_tasks: list[Task] = field(default_factory=list)  # one per duty and period, made by the loader
    inferred: list[str] = field(default_factory=list)  # plan fields not stated in the document ("period")
    updated: Correction | None = None

    @property
    def published(self) -> datetime:
        return datetime(self.date.year, self.date.month, self.date.day, tzinfo=VN_TZ)

    @property
    def all_tasks(self) -> list[Task]:
        """The document's task rows, then the tasks made from its reporting duties."""
        return self.tasks + self.report_tasks

    def ended_on(self, day: date) -> bool:
        """True once the plan's period is over on ``day``."""
        return self.period_end < day


@dataclass(kw_only=True)
class NewsItem:
    id: str
    slug: str
    title: str
    date: datetime
    unit: str
    topics: list[str]
    summary: str
    image: str | None
    tasks: list[str]
    body: str
    source: Source
    body_line: int = 1  # the line of the body's first line in its file (for messages)
    updated: Correction | None = None
    image_alt: str | None = None  # required with an image: what the picture shows, for screen readers


CHANGE_KINDS = {"mới": "new", "công bố mới": "new", "sửa đổi": "amended",
                "sửa đổi, bổ sung": "amended", "bãi bỏ": "abolished"}
LEVELS = {"tỉnh": "tinh", "huyện": "huyen", "xã": "xa"}
ONLINE = {"toàn trình": "full", "một phần": "partial", "không": "none"}


@dataclass(kw_only=True)
class Change:
    """One announcement of a procedure as new, amended or abolished."""

    kind: ChangeKind
    decision: str
    decision_date: date
    effective: date
    note: str
    source: Source

    @property
    def key(self) -> str:
        """Stable identity of the change within its procedure (for feed ids)."""
        from cchc.text import slugify
        return f"{self.kind}-{self.decision_date:%Y%m%d}-{slugify(self.decision)}"


# Sections the law requires of a published procedure (Nghị định 63/2010/NĐ-CP, Điều 8),
# keyed by slug; the first name is the heading shown, the others are accepted aliases.
PROCEDURE_SECTIONS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "trinh-tu": (True, ("Trình tự thực hiện",)),
    "cach-thuc": (True, ("Cách thức thực hiện",)),
    "ho-so": (True, ("Thành phần, số lượng hồ sơ", "Thành phần và số lượng hồ sơ", "Hồ sơ")),
    "thoi-han": (False, ("Thời hạn giải quyết",)),
    "doi-tuong": (True, ("Đối tượng thực hiện",)),
    "co-quan": (True, ("Cơ quan giải quyết", "Cơ quan thực hiện")),
    "ket-qua": (True, ("Kết quả thực hiện", "Kết quả")),
    "dieu-kien": (False, ("Điều kiện thực hiện", "Yêu cầu, điều kiện thực hiện")),
    "phi": (False, ("Phí, lệ phí", "Lệ phí", "Phí")),
    "can-cu": (True, ("Căn cứ pháp lý",)),
}


@dataclass(kw_only=True)
class Section:
    key: str  # one of PROCEDURE_SECTIONS, or "" for an extra section
    title: str
    body: str


@dataclass(kw_only=True)
class Procedure:
    id: str
    slug: str
    code: str
    name: str
    field: str
    level: Level
    unit: str
    online: Online
    portal_url: str | None
    processing_time: str
    fees: str
    topics: list[str]
    history: list[Change]
    sections: list[Section]
    source: Source
    body: str = ""  # the whole body as written (the sections come from it), for messages
    body_line: int = 1

    @property
    def status(self) -> ChangeKind:
        """The latest change decides: "new", "amended" or "abolished"."""
        return self.history[-1].kind

    @property
    def last_change(self) -> Change:
        return self.history[-1]


@dataclass(frozen=True, kw_only=True)
class Synonym:
    """One entry of content/synonyms.yml: ``words`` that find each other (``finds`` is None),
    or words that also find ``finds`` (one way)."""

    words: tuple[str, ...]
    finds: str | None = None
    source: Source


@dataclass(kw_only=True)
class Site:
    """Everything published in this build, validated and cross-referenced."""

    units: dict[str, Unit]
    groups: dict[str, Group]
    topics: dict[str, Topic]
    plans: list[Plan]
    news: list[NewsItem]
    procedures: list[Procedure]
    build_time: datetime
    held_back: list[str] = field(default_factory=list)  # drafts and scheduled items
    synonyms: list[Synonym] = field(default_factory=list)  # content/synonyms.yml, for search

    @property
    def build_date(self) -> date:
        return self.build_time.astimezone(VN_TZ).date()

    def tasks(self) -> list[Task]:
        return [task for plan in self.plans for task in plan.all_tasks]

    def descendants(self, unit_id: str) -> list[str]:
        """``unit_id`` and every unit below it in the tree, parent first."""
        out, stack = [], [unit_id]
        while stack:
            current = stack.pop(0)
            out.append(current)
            stack.extend(self.units[current].children)
        return out

    def unit_label(self, ref: str, day: date | None = None) -> str:
        """Short name of a unit (as it was on ``day`` when given) or name of a group.

        A task table names units as the plan did: pass the plan's date.
        """
        if ref in self.units:
            unit = self.units[ref]
            return unit.short_name_on(day) if day is not None else unit.short_name
        if ref in self.groups:
            return self.groups[ref].name
        return ref  # a report's recipient named in words (an office with no unit here)

    def unit_name(self, ref: str, day: date | None = None) -> str:
        """Full name of a unit (as on ``day``), name of a group, or ``ref`` itself."""
        if ref in self.units:
            unit = self.units[ref]
            return unit.name_on(day) if day is not None else unit.name
        return self.unit_label(ref, day)



# Labels read by feeds/ and search/, which do not take their words from ``cchc.strings``
# yet: the defaults of strings/vi.yml (a site's rewordings in mkdocs.yml do not reach them).
def _default_table(prefix: str) -> dict[str, str]:
    from cchc.strings import DEFAULT

    return DEFAULT.table(prefix)


CHANGE_LABELS = _default_table("change")
LEVEL_LABELS = _default_table("level")
ONLINE_LABELS = _default_table("online")
UNIT_KINDS = _default_table("unit_kind")  # its keys are the kinds the loader accepts (UnitKind)
