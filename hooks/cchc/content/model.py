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
    status: TaskState | None
    source: Source

    @property
    def key(self) -> str:
        """How news items refer to this task: ``<plan id>#<no>``."""
        return f"{self.plan_id}#{self.no}"


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
    tasks: list[Task]
    body: str
    source: Source
    body_line: int = 1  # the line of the body's first line in its file (for messages)
    updated: Correction | None = None

    @property
    def published(self) -> datetime:
        return datetime(self.date.year, self.date.month, self.date.day, tzinfo=VN_TZ)


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

    @property
    def build_date(self) -> date:
        return self.build_time.astimezone(VN_TZ).date()

    def tasks(self) -> list[Task]:
        return [task for plan in self.plans for task in plan.tasks]

    def descendants(self, unit_id: str) -> list[str]:
        """``unit_id`` and every unit below it in the tree, parent first."""
        out, stack = [], [unit_id]
        while stack:
            current = stack.pop(0)
            out.append(current)
            stack.extend(self.units[current].children)
        return out

    def unit_label(self, ref: str) -> str:
        """Short name of a unit or name of a group, for task tables."""
        if ref in self.units:
            return self.units[ref].short_name
        return self.groups[ref].name


# Labels read by feeds/ and search/, which do not take their words from ``cchc.strings``
# yet: the defaults of strings/vi.yml (a site's rewordings in mkdocs.yml do not reach them).
def _default_table(prefix: str) -> dict[str, str]:
    from cchc.strings import DEFAULT

    return DEFAULT.table(prefix)


CHANGE_LABELS = _default_table("change")
LEVEL_LABELS = _default_table("level")
ONLINE_LABELS = _default_table("online")
UNIT_KINDS = _default_table("unit_kind")  # its keys are the kinds the loader accepts (UnitKind)
