"""Load ``content/`` into the validated model, collecting every problem in one run.

``load_site(root)`` reads units.yml, topics.yml, plans/, news/ and procedures/,
checks each field, then checks references between files (units, topics, groups,
plan tasks), unique ids and slugs. Drafts and items dated after the build time are
validated like the rest but kept out of the returned ``Site``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import get_args
from urllib.parse import urlsplit

from cchc import messages, urls
from cchc.config import build_time_from
from cchc.content.bodies import UNKNOWN_SITE, body_problems, exists_in, site_addresses
from cchc.content.correction import read_correction
from cchc.content.model import (
    CHANGE_KINDS,
    DEFAULT_COLUMNS,
    INFERABLE,
    LEVELS,
    ONLINE,
    PROCEDURE_SECTIONS,
    Change,
    Column,
    Due,
    Ended,
    FormerName,
    Group,
    Hotline,
    ManualStatus,
    NewsItem,
    Plan,
    Procedure,
    ReportingDuty,
    Section,
    Site,
    Source,
    Task,
    Topic,
    Unit,
    UnitKind,
)
from cchc.content.problems import ContentError, Problems
from cchc.content.reporting import duty_tasks
from cchc.content.safety import inside, outside_links, render_markdown, url_problem
from cchc.content.source import Fields, line_of, load_yaml_file, read_text, split_front_matter
from cchc.content.timeframe import parse_timeframe
from cchc.search.synonyms import load_synonyms
from cchc.text import VN_TZ, fold, is_ident, show_date, slugify

NEWS_FIELDS = {"id", "title", "date", "unit", "topics", "summary", "image", "image_alt", "tasks", "draft", "slug",
               "updated"}
IMAGE_TYPES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}
IMAGE_MAX_BYTES = 1_000_000  # a picture a phone downloads with the page
PLAN_FIELDS = {"id", "number", "unit", "date", "title", "period", "legal_bases", "topics", "summary",
               "tasks", "draft", "slug", "columns", "task_list", "task_list_note", "reporting", "inferred",
               "updated"}
TASK_FIELDS = {"no", "title", "details", "lead", "support", "time", "product", "status", "inferred", "cells"}
TASK_STATUS = {"done": "done", "in-progress": "in-progress", "not-started": "not-started",
               "đã hoàn thành": "done", "đang thực hiện": "in-progress", "chưa thực hiện": "not-started"}
TASK_LISTS = {"table": "table", "prose": "prose", "missing": "missing",
              "danh mục": "table", "nội dung": "prose", "thiếu phụ lục": "missing"}
DUTY_FIELDS = {"no", "title", "reporters", "recipients", "every", "due", "text", "inferred"}
EVERY = {"quarter": "quarter", "half-year": "half-year", "year": "year", "once": "once",
         "quý": "quarter", "6 tháng": "half-year", "năm": "year", "một lần": "once"}
PLAN_INFERABLE = ("period",)
PROCEDURE_FIELDS = {"id", "code", "name", "field", "level", "unit", "online", "portal_url",
                    "processing_time", "fees", "topics", "history", "draft", "slug"}
CHANGE_FIELDS = {"change", "decision", "decision_date", "effective", "note"}
UNIT_FIELDS = {"id", "name", "short_name", "kind", "parent", "hotline", "hotlines", "email", "address", "website",
               "former_names", "ended"}
PROCEDURE_CODE = re.compile(r"^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z0-9]+)?$")


@dataclass
class ItemLines:
    """The lines where an item's fields were written, for the messages about references."""

    id: int
    slug: int  # 1 when the slug comes from the file name
    unit: int
    topics: list[tuple[str, int]]  # (topic id, line)
    tasks: list[tuple[str, int]] = field(default_factory=list)  # a news item's cited tasks
    skipped_tasks: set[str] = field(default_factory=set)  # a plan's task numbers that have errors of their own


@dataclass
class SourceLines:
    """The typed side table of lines kept beside the model while it is checked."""

    items: dict[str, ItemLines] = field(default_factory=dict)  # content file -> its item's lines
    task_refs: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=dict)  # (plan file, no)


@dataclass
class LoadResult:
    site: Site | None
    problems: Problems


def load_site(root: Path, build_time: datetime | None = None, docs_dir: Path | None = None,
              bodies: bool = True) -> LoadResult:
    """Read and validate ``root/content``; ``site`` is None when there are errors.

    ``bodies``: also render every body to report what the sanitizer would remove and the
    links that lead to no page (``cchc check``). The build passes False: it checks the
    HTML MkDocs renders for each page instead (``content.bodies``), with no second rendering.
    """
    loader = _Loader(root, build_time or build_time_from(), docs_dir or root / "docs", bodies)
    site = loader.load()
    return LoadResult(None if loader.problems.errors else site, loader.problems)


def load_reference_data(root: Path, build_time: datetime | None = None, docs_dir: Path | None = None,
                        ) -> tuple[dict[str, Unit], dict[str, Group], dict[str, Topic], Problems]:
    """Read only ``units.yml`` and ``topics.yml`` (for editor commands such as ``cchc new``)."""
    loader = _Loader(root, build_time or build_time_from(), docs_dir or root / "docs")
    topics = loader.load_topics()
    units, groups = loader.load_units()
    return units, groups, topics, loader.problems


def load_for_lookup(root: Path, build_time: datetime | None = None, docs_dir: Path | None = None,
                    ) -> tuple[Site, Problems]:
    """Everything that loads, even when other files have errors (for ``cchc find``)."""
    loader = _Loader(root, build_time or build_time_from(), docs_dir or root / "docs")
    return loader.load(), loader.problems


def load_site_or_raise(root: Path, build_time: datetime | None = None, docs_dir: Path | None = None) -> LoadResult:
    """Like ``load_site`` but raise ``ContentError`` listing every error."""
    result = load_site(root, build_time, docs_dir)
    if result.site is None:
        raise ContentError(sorted(result.problems.errors, key=lambda p: (p.path, p.line)))
    return result


def read_news_file(root: Path, file: Path, build_time: datetime, docs_dir: Path | None = None,
                   ) -> tuple[NewsItem | None, bool, Problems]:
    """Read one news file alone: ``(item, draft, problems)`` (the item is None on errors).

    Only the file's own fields are checked, not its references to units, topics or
    tasks: for ``mkdocs serve``'s preview, which uses it only when those are unchanged.
    """
    loader = _Loader(root, build_time, docs_dir or root / "docs")
    loaded = loader.load_file("news", loader.read_news, file)
    if loaded is None or loader.problems.errors:
        return None, False, loader.problems
    item, draft = loaded
    assert isinstance(item, NewsItem)
    return item, draft, loader.problems


class _Loader:
    def __init__(self, root: Path, build_time: datetime, docs_dir: Path, bodies: bool = False):
        self.root = root
        self.bodies = bodies
        self.outside: set[Path] = set()  # symlinks leading outside the repository: never read
        self.content = root / "content"
        self.docs_dir = docs_dir
        self.build_time = build_time
        self.problems = Problems()
        self.lines = SourceLines()
        # Ids (and file names) of items, units and topics that exist but failed to load:
        # references to them are not reported again, their own errors are enough.
        self.unloaded: dict[str, set[str]] = {"plans": set(), "news": set(), "procedures": set(),
                                              "units": set(), "topics": set()}
        self.unreadable: set[str] = set()  # "units" / "topics" when the whole file could not be read

    def shown(self, file: Path) -> str:
        try:
            return file.relative_to(self.root).as_posix()
        except ValueError:
            return file.as_posix()

    # -- files ------------------------------------------------------------------
    def load(self) -> Site:
        self.check_outside_links()
        topics = self.load_topics()
        units, groups = self.load_units()
        plans = self.load_many("plans", self.read_plan)
        news = self.load_many("news", self.read_news)
        procedures = self.load_many("procedures", self.read_procedure)
        site = Site(units=units, groups=groups, topics=topics, plans=[], news=[], procedures=[],
                    build_time=self.build_time)
        self.check_references(site, plans, news, procedures)
        self.check_unique("plans", plans)
        self.check_unique("news", news)
        self.check_unique("procedures", procedures)
        site.synonyms = load_synonyms(self.content / "synonyms.yml", self.shown, self.problems)
        site.plans = sorted(self.published(site, plans, lambda p: p.published),
                            key=lambda p: (p.date, p.id), reverse=True)
        site.news = sorted(self.published(site, news, lambda n: n.date), key=lambda n: (n.date, n.id), reverse=True)
        site.procedures = sorted(self.published(site, procedures, None), key=lambda p: (fold(p.name), p.id))
        if self.bodies:
            self.check_bodies(site, [item for item, _ in plans + news + procedures])
        return site

    def check_outside_links(self) -> None:
        """Report symlinks under content/ and docs/ that lead outside the repository."""
        for folder, what in ((self.content, "content/"), (self.docs_dir, "docs/")):
            for link in outside_links(folder, self.root):  # (docs/ itself may be a link: its files are inside)
                self.outside.add(link)
                self.problems.report(self.shown(link), 1, "", "symlink_outside", target=os.readlink(link),
                                     folder=what)
        for parent, dirs, _files in os.walk(self.content, followlinks=False):
            for name in sorted(dirs):
                link = Path(parent) / name
                if link.is_symlink() and link not in self.outside:  # inside the repository, but never read
                    self.problems.report(self.shown(link), 1, "", "symlink_folder")

    def readable(self, file: Path) -> bool:
        """False for a file reached through a symlink leading outside the repository."""
        return file not in self.outside and inside(file, self.root, self.content, self.docs_dir)

    def check_bodies(self, site: Site, items: list) -> None:
        """Render each body as the site does; report what the sanitizer removes and dead links."""
        exists = exists_in(site_addresses(site, self.docs_dir))
        published = {id(item) for item in [*site.news, *site.plans, *site.procedures]}
        for item in items:
            if not item.body:
                continue
            html = render_markdown(item.body)
            # Drafts and scheduled items are not pages yet: their links are checked when published.
            check = exists if id(item) in published else None
            for problem in body_problems(html, item, urls.item_url(item), UNKNOWN_SITE, check):
                self.problems.items.append(problem)

    def published(self, site: Site, items: list, when) -> list:
        out = []
        for item, draft in items:
            if draft:
                site.held_back.append(messages.say("held_back_draft", path=item.source.path,
                                                   date=show_date(_item_day(item))))
            elif when is not None and when(item) > self.build_time:
                site.held_back.append(messages.say("held_back_scheduled", path=item.source.path,
                                                   date=show_date(when(item))))
            else:
                out.append(item)
        return out

    def load_many(self, folder: str, read) -> list:
        base = self.content / folder
        items = []
        for file in sorted(base.rglob("*")) if base.is_dir() else []:
            if file.is_dir() or file.name.startswith("."):
                continue
            if not self.readable(file):
                continue  # reported by check_outside_links
            if file.suffix != ".md":
                self.problems.report(self.shown(file), 1, "", "not_markdown")
                continue
            loaded = self.load_file(folder, read, file)
            if loaded is not None:
                items.append(loaded)
        return items

    def load_file(self, folder: str, read, file: Path) -> tuple[object, bool] | None:
        """One item file: ``(item, draft)``, or None when it could not be read (problems say why)."""
        self.unloaded[folder].add(file.stem)
        src = read_text(file, self.shown(file), self.problems)
        if src is None:
            return None
        front = split_front_matter(src, self.problems)
        if front is None:
            return None
        item = read(front, file)
        draft = front.fields.boolean("draft")
        raw_id = front.fields._map.get("id")
        if item is not None:
            self.unloaded[folder].discard(file.stem)
            return item, draft
        if raw_id is not None and isinstance(raw_id[1].value, str):
            self.unloaded[folder].add(raw_id[1].value.strip())
        return None

    def load_topics(self) -> dict[str, Topic]:
        file = self.content / "topics.yml"
        topics: dict[str, Topic] = {}
        if not file.exists():
            self.problems.report("content/topics.yml", 1, "", "topics_file_missing")
            return topics
        data = load_yaml_file(file, self.shown(file), self.problems) if self.readable(file) else None
        if data is None:
            self.unreadable.add("topics")
            return topics
        data.check_known({"topics"})
        for f in data.mappings("topics", required=True):
            f.check_known({"id", "name", "description"})
            tid, name = f.ident("id", True), f.text("name", True)
            if tid and not name:
                self.unloaded["topics"].add(tid)
            if tid and name:
                if tid in topics:
                    f._report(f.line_of("id"), "id", "topic_twice", id=tid)
                topics[tid] = Topic(id=tid, name=name, description=f.text("description") or "")
        return topics

    def load_units(self) -> tuple[dict[str, Unit], dict[str, Group]]:
        file = self.content / "units.yml"
        units: dict[str, Unit] = {}
        groups: dict[str, Group] = {}
        if not file.exists():
            self.problems.report("content/units.yml", 1, "", "units_file_missing")
            return units, groups
        data = load_yaml_file(file, self.shown(file), self.problems) if self.readable(file) else None
        if data is None:
            self.unreadable.add("units")
            return units, groups
        data.check_known({"units", "groups"})
        for f in data.mappings("units", required=True):
            unit = self.read_unit(f)
            if unit is None:
                continue
            if unit.id in units:
                f._report(f.line_of("id"), "id", "unit_twice", id=unit.id, first=units[unit.id].source.line)
                continue
            units[unit.id] = unit
        for f in data.mappings("groups"):
            f.check_known({"id", "name", "members"})
            gid, name = f.ident("id", True), f.text("name", True)
            members = f.ident_list("members", True)
            if not gid or not name:
                continue
            if gid in units or gid in groups:
                f._report(f.line_of("id"), "id", "group_id_taken", id=gid)
                continue
            for member, line in members:
                if member not in units and member not in self.unloaded["units"] and "units" not in self.unreadable:
                    self.unknown(f.path, line, f.name("members"), member, "what_unit", units)
            groups[gid] = Group(id=gid, name=name, members=[m for m, _ in members], source=Source(f.path, f.line))
        for unit in units.values():
            self.link_unit(unit, units)
        return units, groups

    def read_unit(self, f: Fields) -> Unit | None:
        f.check_known(UNIT_FIELDS)
        uid, name = f.ident("id", True), f.text("name", True)
        kind = f.text("kind") or "other"
        if kind not in get_args(UnitKind):
            f._report(f.line_of("kind"), "kind", "bad_unit_kind", value=kind, choices=", ".join(get_args(UnitKind)))
        former = []
        for ff in f.mappings("former_names"):
            ff.check_known({"name", "short_name", "until"})
            fname, until = ff.text("name", True), ff.date("until", True)
            if fname and until:
                former.append(FormerName(name=fname, short_name=ff.text("short_name") or fname, until=until))
        former.sort(key=lambda x: x.until)
        ended = None
        ef = f.mapping("ended")
        if ef is not None:
            ef.check_known({"date", "reason", "successor"})
            when = ef.date("date", True)
            reason = ef.choice("reason", {"merged": "merged", "dissolved": "dissolved",
                                          "sáp nhập": "merged", "giải thể": "dissolved"}, True)
            successor = ef.ident("successor", reason == "merged")
            if when and reason:
                ended = Ended(date=when, reason=reason, successor=successor)
        if not uid or not name:
            if uid:
                self.unloaded["units"].add(uid)
            return None
        hotline = f.text("hotline")
        hotlines = [Hotline(number=hotline, label="Đường dây nóng", source="")] if hotline else []
        for hf in f.mappings("hotlines"):
            hf.check_known({"number", "label", "source"})
            number, label = hf.text("number", True, '"082.507.7988"'), hf.text("label", True, "Đường dây nóng")
            if number and label:
                hotlines.append(Hotline(number=number, label=label, source=hf.text("source") or ""))
        unit = Unit(id=uid, name=name, short_name=f.text("short_name") or name, kind=kind, parent=f.ident("parent"),
                    hotline=hotline or (hotlines[0].number if hotlines else None), email=self.email(f, "email"),
                    address=f.text("address"), website=self.web_address(f, "website"), former_names=former,
                    ended=ended, source=Source(f.path, f.line), hotlines=hotlines)
        unit._parent_line = f.line_of("parent")  # type: ignore[attr-defined]
        return unit

    def link_unit(self, unit: Unit, units: dict[str, Unit]) -> None:
        path, line = unit.source.path, getattr(unit, "_parent_line", unit.source.line)
        if unit.parent:
            if unit.parent in self.unloaded["units"]:
                unit.parent = None
            elif unit.parent not in units:
                self.unknown(path, line, f"units[{unit.id}].parent", unit.parent, "what_unit", units)
                unit.parent = None
            else:
                seen, current = {unit.id}, unit.parent
                while current and current in units:
                    if current in seen:
                        self.problems.report(path, line, f"units[{unit.id}].parent", "parent_cycle")
                        unit.parent = None
                        break
                    seen.add(current)
                    current = units[current].parent
                else:
                    units[unit.parent].children.append(unit.id)
        if unit.ended and unit.ended.successor and unit.ended.successor not in units \
                and unit.ended.successor not in self.unloaded["units"]:
            self.unknown(path, line, f"units[{unit.id}].ended.successor", unit.ended.successor, "what_unit", units)

    # -- items --------------------------------------------------------------------
    def common(self, front: Fields, file: Path) -> tuple[str | None, str]:
        """Read ``id`` and the URL slug (``slug``); both default to the file name.

        The web editor names a new file from its date and title and writes no id: the file
        name is the id then (it never changes, the editor does not rename files).
        """
        written = front._map.get("id")
        if written is None or not front.has("id") or not str(written[1].value).strip():
            item_id = file.stem if is_ident(file.stem) else None  # no id, or the web editor's empty one
            if item_id is None:
                front._report(front.line, "id", "missing_id", example=slugify(file.stem) or "ma-dinh-danh")
        else:
            item_id = front.ident("id", True, slugify(file.stem) or "ma-dinh-danh")
        slug = front.text("slug") or file.stem
        if not is_ident(slug):
            line = front.line_of("slug") if front.has("slug") else 1  # the file name is at fault
            front._report(line, "slug", "bad_slug", value=slug, example=slugify(slug))
        return item_id, slug

    def read_news(self, front, file: Path) -> NewsItem | None:
        f: Fields = front.fields
        f.check_known(NEWS_FIELDS)
        item_id, slug = self.common(f, file)
        title = f.text("title", True, "Tiêu đề tin")
        when = f.datetime("date", True)
        unit = f.ident("unit", True, "hp-so-gddt")
        topics = f.ident_list("topics", True, "[cai-cach-thu-tuc-hanh-chinh]")
        if f.has("topics") and not topics:
            f._report(f.line_of("topics"), "topics", "empty_list", what=messages.word("what_topic"))
        summary = f.text("summary", True, "Một hoặc hai câu tóm tắt tin.")
        image, image_alt = self.read_image(f)
        tasks = f.text_list("tasks")
        updated = read_correction(f, when, self.build_time)
        if not (item_id and title and when and unit and summary):
            return None
        body, body_line = _body(front)
        item = NewsItem(id=item_id, slug=slug, title=title, date=when, unit=unit, topics=[t for t, _ in topics],
                        summary=summary, image=image, image_alt=image_alt,
                        tasks=[t for t, _ in tasks], body=body, source=Source(f.path, 1), body_line=body_line,
                        updated=updated)
        self.lines.items[f.path] = ItemLines(**_id_lines(f), unit=f.line_of("unit"), topics=topics, tasks=tasks)
        return item

    def read_image(self, f: Fields) -> tuple[str | None, str | None]:
        """The picture of an item (a file under docs/, within the size limit) and its required description."""
        written, alt = f.text("image") or None, f.text("image_alt") or None
        if written is None:
            if alt:
                f._report(f.line_of("image_alt"), "image_alt", "alt_without_image")
            return None, None
        line = f.line_of("image")
        if PurePosixPath(written).suffix.lower() not in IMAGE_TYPES:
            f._report(line, "image", "image_type", value=written)
            return None, None
        image = self.image(f, "image")  # where it is: a file of docs/, inside the repository
        if image is None:
            return None, None
        size = (self.docs_dir / image).stat().st_size
        if size > IMAGE_MAX_BYTES:
            f._report(line, "image", "image_too_big", value=image, size=f"{size / 1e6:.1f} MB".replace(".", ","),
                      limit=f"{IMAGE_MAX_BYTES / 1e6:.0f} MB")
        if not alt:
            f._report(line, "image_alt", "image_alt_missing")
        return image, alt

    def read_plan(self, front, file: Path) -> Plan | None:
        f: Fields = front.fields
        f.check_known(PLAN_FIELDS)
        item_id, slug = self.common(f, file)
        title = f.text("title", True, "Kế hoạch ...")
        number = f.text("number")
        issued = f.doc_date("date", True)
        unit = f.ident("unit", True, "hp-so-gddt")
        pf = f.mapping("period", True, "{start: 2024-01-01, end: 2024-12-31}")
        start = end = None
        if pf is not None:
            pf.check_known({"start", "end"})
            start, end = pf.date("start", True), pf.date("end", True)
            if start and end and end < start:
                pf._report(pf.line, "", "period_reversed")
        bases = f.text_list("legal_bases")
        topics = f.ident_list("topics", True, "[chi-dao-dieu-hanh]")
        summary = f.text("summary") or ""
        columns = self.read_columns(f)
        own = {c.key for c in columns if c.own}
        shown = {c.key for c in columns} or set(DEFAULT_COLUMNS)
        if "units" in shown:
            shown |= {"lead", "support"}
        task_list = f.choice("task_list", TASK_LISTS) or "table"
        plan_inferred = self.read_inferred(f, PLAN_INFERABLE)
        tasks: list[Task] = []
        seen_no: dict[str, int] = {}
        skipped_nos: set[str] = set()  # tasks with errors of their own: links to them are not reported again
        task_fields = f.mappings("tasks")
        if task_list == "missing" and task_fields:
            f._report(f.line_of("tasks"), "tasks", "tasks_without_appendix")
        for tf in task_fields:
            tf.check_known(TASK_FIELDS)
            no = tf.text("no", True, '"1"')
            task_title = tf.text("title", True, "Nhiệm vụ ...")
            lead = tf.ident_list("lead", True, "[hp-so-gddt]")
            support = tf.ident_list("support")
            time_text = tf.text("time", True, "Thường xuyên")
            manual = self.read_manual_status(tf)
            inferred = self.read_inferred(tf, INFERABLE)
            cells = self.read_cells(tf, own)
            product = tf.text("product") or ""
            if product and "product" not in shown:
                tf._report(tf.line_of("product"), "product", "no_product_column")
            if no in seen_no:
                tf._report(tf.line_of("no"), "no", "task_no_twice", no=no, first=seen_no[no])
                continue
            if not (no and task_title and time_text and start and end):
                if no:
                    skipped_nos.add(no)
                continue
            seen_no[no] = tf.line_of("no")
            task = Task(plan_id=item_id or "", no=no, title=task_title, details=tf.text("details") or "",
                        lead=[u for u, _ in lead], support=[u for u, _ in support],
                        time=parse_timeframe(time_text, (start, end)), product=product,
                        manual=manual, source=Source(f.path, tf.line), inferred=inferred, cells=cells)
            self.lines.task_refs[(f.path, no)] = lead + support
            tasks.append(task)
        duties = self.read_duties(f, seen_no)
        updated = read_correction(f, issued and datetime(issued.year, issued.month, issued.day, tzinfo=VN_TZ),
                                  self.build_time)
        if not (item_id and title and issued and unit and start and end):
            return None
        body, body_line = _body(front)
        plan = Plan(id=item_id, slug=slug, number=number, unit=unit, date=issued, title=title, period_start=start,
                    period_end=end, legal_bases=[b for b, _ in bases], topics=[t for t, _ in topics],
                    summary=summary, tasks=tasks, body=body, source=Source(f.path, 1), body_line=body_line,
                    columns=columns, task_list=task_list, task_list_note=f.text("task_list_note") or "",
                    reporting=[d for d, _ in duties], inferred=plan_inferred, updated=updated)
        for duty, refs in duties:
            for index, task in enumerate(duty_tasks(plan, duty)):
                if task.no in seen_no:
                    self.problems.report(f.path, duty.source.line, "reporting", "report_no_taken", no=task.no)
                    continue
                seen_no[task.no] = duty.source.line
                self.lines.task_refs[(f.path, task.no)] = refs if index == 0 else []  # each id reported once
                plan.report_tasks.append(task)
        self.lines.items[f.path] = ItemLines(**_id_lines(f), unit=f.line_of("unit"), topics=topics,
                                             skipped_tasks=skipped_nos)
        return plan

    def read_columns(self, f: Fields) -> list[Column]:
        """The plan table's own columns (``columns:``), in the document's order."""
        columns: list[Column] = []
        for cf in f.mappings("columns"):
            cf.check_known({"key", "label"})
            key, label = cf.ident("key", True, "hinh-thuc"), cf.text("label", True, "Hình thức")
            if key and label:
                if any(c.key == key for c in columns):
                    cf._report(cf.line_of("key"), "key", "column_twice", key=key)
                    continue
                columns.append(Column(key=key, label=label))
        if columns and not any(c.key == "title" for c in columns):
            f._report(f.line_of("columns"), "columns", "no_title_column")
        return columns

    def read_inferred(self, f: Fields, allowed: tuple[str, ...]) -> list[str]:
        """Fields marked as not stated in the document (``inferred: [lead, time]``)."""
        out = []
        for name, line in f.text_list("inferred"):
            if name not in allowed:
                f._report(line, "inferred", "not_inferable", value=name, choices=", ".join(allowed))
            elif not f.has(name) and name != "time":
                f._report(line, "inferred", "inferred_empty", value=name)
            else:
                out.append(name)
        return out

    def read_cells(self, tf: Fields, own: set[str]) -> dict[str, str]:
        """The task's values for the document's own columns (``cells: {hinh-thuc: ...}``)."""
        cf = tf.mapping("cells")
        if cf is None:
            return {}
        cells = {}
        for key in cf._map:
            if key not in own:
                known = ", ".join(sorted(own)) or "none: add the column to 'columns' first"
                cf._report(cf.line_of(key), key, "unknown_cell", known=known)
                continue
            value = cf.text(key)
            if value:
                cells[key] = value
        return cells

    def read_manual_status(self, tf: Fields) -> ManualStatus | None:
        """``status: {state: done, date: 2023-06-30, note: ...}``: set by hand, it wins over evidence."""
        if not tf.has("status"):
            return None
        sf = tf.mapping("status", example="{state: done, date: 2023-06-30, note: Theo báo cáo số ...}")
        if sf is None:
            return None
        sf.check_known({"state", "date", "note"})
        state = sf.choice("state", TASK_STATUS, True)
        when = sf.date("date", True)
        note = sf.text("note", True, "Theo báo cáo số ... ngày ...")
        if state and when and note:
            return ManualStatus(state=state, date=when, note=note)
        return None

    def read_duties(self, f: Fields, task_nos: dict[str, int]) -> list[tuple[ReportingDuty, list[tuple[str, int]]]]:
        """The plan's reporting duties, each with the unit references to check and their lines."""
        duties = []
        seen: set[str] = set()
        for df in f.mappings("reporting"):
            df.check_known(DUTY_FIELDS)
            no = df.ident("no", True, "bc")
            title = df.text("title", True, "Báo cáo kết quả thực hiện Kế hoạch")
            reporters = df.ident_list("reporters", True, "[hp-gddt-van-phong]")
            recipients = df.text_list("recipients")
            every = df.choice("every", EVERY, True)
            text = df.text("text", True, "the document's words, e.g. 'báo cáo định kỳ hằng quý ...'")
            inferred = self.read_inferred(df, ("time",)) if df.has("inferred") else []
            due = Due()
            ef = df.mapping("due", example="{day: 20, month: last}")
            if ef is not None:
                ef.check_known({"day", "month", "dates"})
                node = ef._map.get("day")
                if node is not None:
                    raw = getattr(node[1], "value", "")
                    if not (isinstance(raw, str) and raw.isdigit() and 1 <= int(raw) <= 31):
                        ef._report(ef.line_of("day"), "day", "bad_day", value=raw)
                    else:
                        due.day = int(raw)
                due.month = ef.choice("month", {"last": "last", "next": "next", "cuối": "last",
                                                "sau": "next"}) or "last"  # type: ignore[assignment]
                dates_node = ef._map.get("dates")
                if dates_node is not None:
                    for item in getattr(dates_node[1], "value", []):
                        raw = getattr(item, "value", "")
                        try:
                            due.dates.append(date.fromisoformat(raw))
                        except (TypeError, ValueError):
                            self.problems.report(f.path, line_of(item), ef.name("dates"), "bad_date", value=raw,
                                                 example="2023-05-30")
                    if due.dates != sorted(due.dates):
                        ef._report(ef.line_of("dates"), "dates", "dates_out_of_order")
            if every == "once" and len(due.dates) != 1:
                df._report(df.line_of("every"), "every", "once_without_deadline")
            if no in seen or (no and any(n.startswith(f"{no}-") or n == no for n in task_nos)):
                df._report(df.line_of("no"), "no", "duty_no_taken", value=no)
                continue
            if not (no and title and reporters and every and text):
                continue
            seen.add(no)
            refs = reporters + [(r, line) for r, line in recipients if is_ident(r)]
            duties.append((ReportingDuty(no=no, title=title, reporters=[r for r, _ in reporters],
                                         recipients=[r for r, _ in recipients], every=every, due=due, text=text,
                                         inferred=inferred, source=Source(f.path, df.line)), refs))
        return duties

    def read_procedure(self, front, file: Path) -> Procedure | None:
        f: Fields = front.fields
        f.check_known(PROCEDURE_FIELDS)
        item_id, slug = self.common(f, file)
        code = f.text("code", True, '"1.005090"')
        if code and not PROCEDURE_CODE.match(code):
            f._report(f.line_of("code"), "code", "bad_code", value=code)
        name = f.text("name", True, "Tên thủ tục")
        field_name = f.text("field", True, "Văn bằng, chứng chỉ")
        level = f.choice("level", LEVELS, True)
        unit = f.ident("unit", True, "hp-so-gddt")
        online = f.choice("online", ONLINE, True)
        portal = self.web_address(f, "portal_url")
        processing = f.text("processing_time", True, "05 ngày làm việc")
        fees = f.text("fees", True, "Không")
        topics = f.ident_list("topics")
        history: list[Change] = []
        for cf in f.mappings("history", True, "- change: mới"):
            cf.check_known(CHANGE_FIELDS)
            kind = cf.choice("change", CHANGE_KINDS, True)
            decision = cf.text("decision", True, '"1234/QĐ-UBND"')
            decided = cf.date("decision_date", True)
            effective = cf.date("effective") or decided
            if kind and decision and decided and effective:
                history.append(Change(kind=kind, decision=decision, decision_date=decided, effective=effective,
                                      note=cf.text("note") or "", source=Source(f.path, cf.line)))
        for before, after in zip(history, history[1:], strict=False):
            if after.decision_date < before.decision_date:
                self.problems.report(f.path, after.source.line, "history", "history_order")
            if before.kind == "abolished" and after.kind != "new":
                self.problems.report(f.path, after.source.line, "history", "change_after_abolished")
        sections = self.read_sections(front, f.path)
        if not (item_id and code and name and field_name and level and unit and online and processing
                and fees and history):
            return None
        body, body_line = _body(front)
        proc = Procedure(id=item_id, slug=slug, code=code, name=name, field=field_name, level=level, unit=unit,
                         online=online, portal_url=portal, processing_time=processing, fees=fees,
                         topics=[t for t, _ in topics] or ["cai-cach-thu-tuc-hanh-chinh"], history=history,
                         sections=sections, source=Source(f.path, 1), body=body, body_line=body_line)
        self.lines.items[f.path] = ItemLines(**_id_lines(f), unit=f.line_of("unit"), topics=topics)
        return proc

    def read_sections(self, front, path: str) -> list[Section]:
        """Split a procedure body at its ``## `` headings and check the required ones."""
        aliases = {slugify(name): key for key, (_, names) in PROCEDURE_SECTIONS.items() for name in names}
        sections: list[Section] = []
        current: Section | None = None
        found: dict[str, int] = {}
        for offset, line in enumerate(front.body.split("\n")):
            match = re.match(r"^##\s+(.+?)\s*#*\s*$", line)
            if match:
                title = match[1]
                key = aliases.get(slugify(title), "")
                if key in found:
                    self.problems.report(path, front.body_line + offset, "body", "section_twice", title=title)
                if key:
                    found[key] = front.body_line + offset
                current = Section(key=key, title=title, body="")
                sections.append(current)
            elif current is not None:
                current.body += line + "\n"
            elif line.strip():
                current = Section(key="", title="", body=line + "\n")
                sections.append(current)
        for section in sections:
            section.body = section.body.strip()
        for key, (required, names) in PROCEDURE_SECTIONS.items():
            if required and key not in found:
                self.problems.report(path, front.body_line, "body", "section_missing", title=names[0])
        return sections

    # -- cross-references ------------------------------------------------------------
    def unknown(self, path: str, line: int, fld: str, ref: str, what: str, known) -> None:
        import difflib
        close = [k for k in known if k.startswith(ref)][:1] or difflib.get_close_matches(ref, list(known), n=1)
        name = messages.word(what)
        hint = (messages.word("did_you_mean", value=close[0]) if close
                else messages.word("add_first", what=name, value=ref))
        self.problems.report(path, line, fld, "unknown_ref", what=name, value=ref, hint=hint)

    def check_references(self, site: Site, plans, news, procedures) -> None:
        """Check units, topics, plan-task links and task leads; skip refs to things that failed to load."""
        units, topics = site.units, site.topics
        check_units = "units" not in self.unreadable
        check_topics = "topics" not in self.unreadable
        tasks = {task.key: task for plan, _ in plans for task in plan.all_tasks}
        for item, _ in news + plans + procedures:
            path = item.source.path
            lines = self.lines.items[path]
            if item.unit in units:
                self.check_unit_alive(path, lines.unit, units[item.unit], _item_day(item))
            elif check_units and item.unit not in self.unloaded["units"]:
                self.unknown(path, lines.unit, "unit", item.unit, "what_unit", units)
            for topic, line in lines.topics:
                if topic not in topics and check_topics and topic not in self.unloaded["topics"]:
                    self.unknown(path, line, "topics", topic, "what_topic", topics)
        plan_by_id = {plan.id: (plan, draft) for plan, draft in plans}
        for item, draft in news:
            path = item.source.path
            for ref, line in self.lines.items[path].tasks:
                if "#" not in ref:
                    example = f"{next(iter(tasks))}" if tasks else "hp-sgddt-kh-tuyen-truyen-cchc-2023#1"
                    self.problems.report(path, line, "tasks", "task_ref_format", value=ref, example=example)
                    continue
                plan_id, no = ref.split("#", 1)
                if ref not in tasks:
                    if plan_id in self.unloaded["plans"]:
                        continue  # the plan has errors of its own
                    if plan_id not in plan_by_id:
                        self.unknown(path, line, "tasks", plan_id, "what_plan", list(plan_by_id))
                    elif no not in self.lines.items[plan_by_id[plan_id][0].source.path].skipped_tasks:
                        numbers = [t.no for t in plan_by_id[plan_id][0].tasks]
                        self.problems.report(path, line, "tasks", "no_such_task", plan=plan_id, no=no,
                                             numbers=", ".join(numbers))
                    continue
                plan, plan_draft = plan_by_id[plan_id]
                if not draft and item.date <= self.build_time:
                    if plan_draft:
                        self.problems.report(path, line, "tasks", "plan_is_draft", plan=plan_id)
                    elif plan.published > self.build_time:
                        self.problems.report(path, line, "tasks", "plan_after_item", plan=plan_id,
                                             date=show_date(plan.date))
        for plan, _ in plans:
            for task in plan.all_tasks:
                for ref, line in self.lines.task_refs[(plan.source.path, task.no)]:
                    if ref in units or ref in site.groups:
                        continue
                    if check_units and ref not in self.unloaded["units"]:
                        self.unknown(plan.source.path, line, f"tasks[{task.no}]", ref, "what_unit_or_group",
                                     list(units) + list(site.groups))

    # -- addresses -------------------------------------------------------------------
    def web_address(self, f: Fields, key: str) -> str | None:
        """A full http(s) address of another site (a unit's website, the portal link)."""
        value = f.text(key)
        if not value:
            return value
        parts = urlsplit(value)
        problem = url_problem(value)
        if problem or parts.scheme.lower() not in ("http", "https") or not parts.hostname \
                or any(c in value for c in ' "<>\\`') or any(ord(c) < 32 for c in value):
            if problem:
                f._report(f.line_of(key), key, "unsafe_address", problem=problem)
            else:
                f._report(f.line_of(key), key, "bad_url", value=value)
            return None
        return value

    def email(self, f: Fields, key: str) -> str | None:
        value = f.text(key)
        if value and not _EMAIL.match(value):
            f._report(f.line_of(key), key, "bad_email", value=value)
            return None
        return value

    def image(self, f: Fields, key: str) -> str | None:
        """A picture of the site: a path from docs/ to a file inside the repository.

        One leading "/" is taken as docs/ itself (the web editor writes ``/assets/images/x.jpg``).
        """
        value = f.text(key)
        if not value:
            return value
        line = f.line_of(key)
        problem = url_problem(value, image=True)
        if problem is None and value.startswith("/") and not value.startswith("//"):
            value = value[1:]
        if problem is None and (value.startswith("/") or "\\" in value
                                or ".." in PurePosixPath(value).parts or "?" in value or "#" in value):
            problem = messages.word("not_from_docs", value=value)
        if problem:
            f._report(line, key, "image_path", problem=problem)
            return None
        path = self.docs_dir / value
        if path.exists() and not inside(path, self.root, self.docs_dir):
            f._report(line, key, "image_outside", value=value)
            return None
        if not path.is_file():
            f._report(line, key, "image_missing", value=value)
            return None
        return value

    def check_unit_alive(self, path: str, line: int, unit: Unit, day: date) -> None:
        if unit.ended and day >= unit.ended.date:
            successor = unit.ended.successor
            after = messages.word("now_called", unit=successor) if successor else ""
            hint = messages.word("use_successor", unit=successor) if successor else messages.word("use_taker")
            self.problems.report(path, line, "unit", "unit_ended", unit=unit.id, date=show_date(unit.ended.date),
                                 after=after, hint=hint)

    def check_unique(self, folder: str, items) -> None:
        for attr, what in (("id", "what_id"), ("slug", "what_slug")):
            seen: dict[str, str] = {}
            for item, _ in items:
                value = getattr(item, attr)
                if value in seen:
                    self.problems.report(item.source.path, getattr(self.lines.items[item.source.path], attr), attr,
                                         "not_unique", what=messages.word(what), value=value, other=seen[value],
                                         kind=messages.word(f"kind_{folder}"))
                else:
                    seen[value] = item.source.path


def _body(front) -> tuple[str, int]:
    """The body without its surrounding blank lines, and the line of the file it starts on."""
    text = front.body.strip()
    lead = len(front.body) - len(front.body.lstrip())
    return text, front.body_line + front.body[:lead].count("\n")


_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def _id_lines(f: Fields) -> dict[str, int]:
    """Lines of ``id`` and ``slug`` (line 1 when the slug comes from the file name)."""
    return {"id": f.line_of("id"), "slug": f.line_of("slug") if f.has("slug") else 1}


def _item_day(item) -> date:
    if isinstance(item, NewsItem):
        return item.date.astimezone(VN_TZ).date()
    if isinstance(item, Plan):
        return item.date
    return item.history[0].decision_date if item.history else date.min
