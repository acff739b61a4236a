"""The generated pages of the site, as Markdown, from the validated model.

``generate(site, settings, site_url)`` returns every page (news, plans, procedures,
unit columns, topics, year archive, catalogues, listings, home) and every download
(task tables as CSV). It is plain Python: ``hooks/cchc_mkdocs.py`` turns the result
into MkDocs virtual files. Each item's body is emitted once, on its own page;
listings show titles and summaries only, and are paginated (``page_size``). All
indexes (by unit, topic, year, field) are built in one pass, so the work grows
linearly with the content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from cchc import urls
from cchc.build import PageRef
from cchc.config import SiteConfig
from cchc.content.model import (
    CHANGE_LABELS,
    LEVEL_LABELS,
    ONLINE_LABELS,
    UNIT_KINDS,
    Group,
    NewsItem,
    Plan,
    Procedure,
    Site,
    Unit,
)
from cchc.index.tasks import ROLE_LABELS, STATUS_LABELS, TaskIndex, TaskRow, tasks_csv
from cchc.text import VN_TZ, fold, show_date, show_datetime, slugify
from cchc.views.html import Links, block, crumbs, dl, esc, front_matter, h1, pager, print_button, stash_blocks

HOME = (urls.HOME_SRC, "Trang chủ")
CHANGE_SLUGS = {"new": "moi", "amended": "sua-doi", "abolished": "bai-bo"}
TASKS_PAGE_ROWS = 100  # rows per page of the site-wide task table


@dataclass
class OutPage:
    """One generated page: where it goes, its plain-text title, its Markdown, what it shows."""

    src: str
    title: str
    markdown: str
    ref: PageRef
    in_nav: bool = False
    blocks: list[str] = field(default_factory=list)  # HTML put back after conversion (html.stash_blocks)


@dataclass
class OutFile:
    """A generated download (CSV)."""

    src: str
    content: bytes


@dataclass
class Output:
    pages: list[OutPage] = field(default_factory=list)
    files: list[OutFile] = field(default_factory=list)


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


class Generator:
    """Builds the pages; the indexes are computed once in ``__init__``."""

    def __init__(self, site: Site, config: SiteConfig):
        self.site, self.config = site, config
        self.settings, self.site_url = config.settings, config.site_url
        self.today = site.build_date
        self.tasks = TaskIndex(site)
        self.plans_by_id = {plan.id: plan for plan in site.plans}
        self.out = Output()
        # unit id -> items of the unit (and of its descendants when include_children)
        self.unit_news: dict[str, list[NewsItem]] = {}
        self.unit_plans: dict[str, list[Plan]] = {}
        self.unit_procs: dict[str, list[Procedure]] = {}
        for items, index in ((site.news, self.unit_news), (site.plans, self.unit_plans),
                             (site.procedures, self.unit_procs)):
            for item in items:
                for unit_id in self.unit_and_ancestors(item.unit):
                    index.setdefault(unit_id, []).append(item)
        self.topic_news: dict[str, list[NewsItem]] = {}
        self.topic_plans: dict[str, list[Plan]] = {}
        self.topic_procs: dict[str, list[Procedure]] = {}
        for items, index in ((site.news, self.topic_news), (site.plans, self.topic_plans),
                             (site.procedures, self.topic_procs)):
            for item in items:
                for topic in item.topics:
                    index.setdefault(topic, []).append(item)
        self.years: dict[int, list[NewsItem]] = {}
        for item in site.news:
            self.years.setdefault(item.date.astimezone(VN_TZ).year, []).append(item)
        self.fields: dict[str, tuple[str, list[Procedure]]] = {}
        for proc in site.procedures:
            self.fields.setdefault(slugify(proc.field) or "khac", (proc.field, []))[1].append(proc)
        self.unit_groups: dict[str, list[Group]] = {}
        for group in site.groups.values():
            for member in group.members:
                self.unit_groups.setdefault(member, []).append(group)
        self.successors: dict[str, list[Unit]] = {}
        for unit in site.units.values():
            if unit.ended and unit.ended.successor:
                self.successors.setdefault(unit.ended.successor, []).append(unit)

    def unit_and_ancestors(self, unit_id: str) -> list[str]:
        out = [unit_id]
        if self.settings.include_children:
            current = self.site.units[unit_id].parent
            while current is not None:
                out.append(current)
                current = self.site.units[current].parent
        return out

    # -- output --------------------------------------------------------------------
    def add(self, src: str, title: str, body: str, ref: PageRef, description: str | None = None,
            in_nav: bool = False) -> None:
        markdown, blocks = stash_blocks(body)
        self.out.pages.append(OutPage(src, title, front_matter(title, description) + markdown, ref, in_nav, blocks))

    def run(self) -> Output:
        self.home()
        for item in self.site.news:
            self.news_page(item)
        for plan in self.site.plans:
            self.plan_page(plan)
        for proc in self.site.procedures:
            self.procedure_page(proc)
        for unit in self.site.units.values():
            self.unit_pages(unit)
        for group in self.site.groups.values():
            self.group_page(group)
        self.units_index()
        self.topics()
        self.archive()
        self.news_index()
        self.plans_index()
        self.tasks_index()
        self.procedure_catalogue()
        return self.out

    # -- small pieces ---------------------------------------------------------------
    def unit_link(self, links: Links, unit_id: str, day=None) -> str:
        unit = self.site.units[unit_id]
        name = unit.name_on(day) if day else unit.name
        return links.a(urls.unit_src(unit_id), name)

    def topic_links(self, links: Links, topics: list[str]) -> str:
        return ", ".join(links.a(urls.topic_src(t), self.site.topics[t].name) for t in topics)

    def ref_label(self, links: Links, ref: str) -> str:
        """A unit or a group, linked to its page."""
        if ref in self.site.units:
            return links.a(urls.unit_src(ref), self.site.units[ref].short_name)
        return links.a(urls.group_src(ref), self.site.groups[ref].name, "cchc-group")

    def news_list(self, links: Links, items: list[NewsItem], show_unit: bool = True,
                  summaries: bool = True) -> str:
        if not items:
            return '<p class="cchc-empty">Chưa có tin, bài.</p>'
        rows = []
        for item in items:
            day = item.date.astimezone(VN_TZ).date()
            unit = (f' · <span class="cchc-unit">{esc(self.site.units[item.unit].short_name_on(day))}</span>'
                    if show_unit else "")
            rows.append(f'<li><span class="cchc-date">{show_date(item.date)}</span>{unit}<br>'
                        f'{links.a(urls.news_src(item), item.title, "cchc-title")}'
                        + (f'<p class="cchc-summary">{esc(item.summary)}</p>' if summaries else "") + "</li>")
        return f'<ul class="cchc-list">{"".join(rows)}</ul>'

    def plan_list(self, links: Links, plans: list[Plan]) -> str:
        if not plans:
            return '<p class="cchc-empty">Chưa có kế hoạch.</p>'
        rows = []
        for plan in plans:
            number = f"Số {esc(plan.number)} · " if plan.number else ""
            rows.append(f'<li><span class="cchc-date">{number}ngày {show_date(plan.date)} · '
                        f'{esc(self.site.units[plan.unit].short_name_on(plan.date))}</span><br>'
                        f'{links.a(urls.plan_src(plan), plan.title, "cchc-title")}'
                        f'<p class="cchc-summary">{esc(plan.summary)}</p></li>')
        return f'<ul class="cchc-list">{"".join(rows)}</ul>'

    def procedure_table(self, links: Links, procs: list[Procedure], changed: bool = False) -> str:
        if not procs:
            return '<p class="cchc-empty">Chưa có thủ tục hành chính.</p>'
        head = "<th>Mã TTHC</th><th>Tên thủ tục</th><th>Cấp</th><th>Cơ quan thực hiện</th><th>Tình trạng</th>"
        rows = []
        for proc in procs:
            last = proc.last_change
            state = f"{CHANGE_LABELS[last.kind]} ({show_date(last.decision_date)})"
            rows.append(f'<tr class="cchc-proc--{proc.status}"><td>{esc(proc.code)}</td>'
                        f"<td>{links.a(urls.procedure_src(proc), proc.name)}</td>"
                        f"<td>{esc(LEVEL_LABELS[proc.level])}</td>"
                        f"<td>{esc(self.site.units[proc.unit].short_name)}</td><td>{esc(state)}</td></tr>")
        return (f'<table class="cchc-table"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>')

    def status_badge(self, row: TaskRow) -> str:
        return f'<span class="cchc-status cchc-status--{row.status}">{esc(row.label)}</span>'

    def task_table(self, links: Links, rows: list[TaskRow], show_plan: bool = False,
                   roles: list[str] | None = None) -> str:
        """TT, nhiệm vụ, chủ trì, phối hợp, thời gian, sản phẩm, trạng thái (and evidence).

        A unit's table (``roles`` given) is shorter: TT, vai trò, nhiệm vụ, thời gian,
        trạng thái; each task links to its full row in the plan, and the CSV has every column.
        """
        if not rows:
            return '<p class="cchc-empty">Không có nhiệm vụ.</p>'
        linked = show_plan or roles is not None  # rows from several plans: link each to its plan
        if roles is not None:
            head = ["TT", "Vai trò", "Nhiệm vụ", "Thời gian", "Trạng thái"]
        else:
            head = ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm", "Trạng thái"]
        out = []
        for i, row in enumerate(rows):
            task = row.task
            plan = self.plans_by_id[task.plan_id]
            title = esc(task.title)
            if linked:
                title = (f'<a href="{links.page(urls.plan_src(plan))}#{task_anchor(task.no)}">{title}</a>'
                         f'<br><small>{esc(plan.title)}</small>')
            details = f'<br><small class="cchc-details">{esc(task.details)}</small>' if task.details else ""
            evidence = ""
            if row.evidence and roles is None:
                shown = "".join(f"<li>{links.a(urls.news_src(item), item.title)} ({show_date(item.date)})</li>"
                                for item in row.evidence[:5])
                more = f"<li>… và {len(row.evidence) - 5} tin khác</li>" if len(row.evidence) > 5 else ""
                evidence = f'<ul class="cchc-evidence">{shown}{more}</ul>'
            dates = ""
            if task.time.end and not task.time.recurring:
                dates = f"<br><small>hạn {show_date(task.time.end)}</small>"
            if roles is not None:
                cells = [esc(task.no), esc(ROLE_LABELS[roles[i]]), title, esc(task.time.text) + dates,
                         self.status_badge(row)]
            else:
                cells = [esc(task.no), title + ("" if linked else details),
                         "<br>".join(self.ref_label(links, r) for r in task.lead),
                         "<br>".join(self.ref_label(links, r) for r in task.support),
                         esc(task.time.text) + dates, esc(task.product), self.status_badge(row) + evidence]
            klass = " cchc-overdue" if row.overdue else ""
            anchor = "" if linked else f' id="{task_anchor(task.no)}"'
            out.append(f'<tr class="cchc-task{klass}"{anchor}>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        ths = "".join(f"<th>{h}</th>" for h in head)
        return (f'<div class="cchc-scroll"><table class="cchc-table cchc-tasks"><thead><tr>{ths}</tr></thead>'
                f'<tbody>{"".join(out)}</tbody></table></div>')

    def task_summary(self, rows: list[TaskRow], csv_url: str, links: Links) -> str:
        counts = self.tasks.counts(rows)
        parts = [f'<span class="cchc-status cchc-status--{key}">{esc(STATUS_LABELS[key])}: {n}</span>'
                 for key, n in counts.items() if n]
        return (f'<p class="cchc-task-summary">{len(rows)} nhiệm vụ, tính đến ngày {show_date(self.today)}: '
                f'{" ".join(parts)}</p>'
                f'<p><a class="md-button" href="{links.url(csv_url)}" download>Tải bảng nhiệm vụ (CSV)</a></p>')

    def csv_link(self, item: NewsItem) -> str:
        return self.site_url + urls.item_url(item)

    def paginate(self, base_src: str, items: list, title: str, make_body, ref: PageRef,
                 description: str | None = None, size: int | None = None, in_nav: bool = False) -> None:
        """Pages ``base_src``, ``.../trang/2.md``...; ``make_body(links, page_items, number, pager_html)``."""
        groups = chunks(items, size or self.settings.page_size)
        srcs = [urls.paged_src(base_src, n) for n in range(1, len(groups) + 1)]
        for number, (src, group) in enumerate(zip(srcs, groups, strict=True), start=1):
            links = Links(src)
            page_title = title if number == 1 else f"{title} (trang {number})"
            body = make_body(links, group, number, pager(links, srcs, number))
            self.add(src, page_title, body, ref, description if number == 1 else None, in_nav and number == 1)

    # -- item pages -------------------------------------------------------------------
    def news_page(self, item: NewsItem) -> None:
        src = urls.news_src(item)
        links = Links(src)
        year = item.date.astimezone(VN_TZ).year
        day = item.date.astimezone(VN_TZ).date()
        facts = dl([("Ngày đăng", show_datetime(item.date)), ("Đơn vị", self.unit_link(links, item.unit, day)),
                    ("Chủ đề", self.topic_links(links, item.topics))])
        tasks = ""
        if item.tasks:
            lis = []
            for key in item.tasks:
                row = self.tasks.by_key[key]
                plan = self.plans_by_id.get(row.task.plan_id)
                if plan is None:
                    continue
                lis.append(f'<li><a href="{links.page(urls.plan_src(plan))}#{task_anchor(row.task.no)}">'
                           f"Nhiệm vụ {esc(row.task.no)}: {esc(row.task.title)}</a> "
                           f"<small>({esc(plan.title)})</small></li>")
            if lis:
                tasks = block('<h2 id="nhiem-vu">Thực hiện nhiệm vụ</h2><ul>' + "".join(lis) + "</ul>")
        image = ""
        if item.image:
            image = f'<figure class="cchc-image"><img src="{links.url(item.image)}" alt="{esc(item.title)}"></figure>'
        body = (block(crumbs(links, [HOME, (urls.NEWS_INDEX_SRC, "Tin tức"), (urls.year_src(year), f"Năm {year}")],
                             item.title), h1(item.title), facts, f'<p class="cchc-lead">{esc(item.summary)}</p>',
                      image)
                + item.body + "\n\n" + tasks + block(print_button()))
        self.add(src, item.title, body, PageRef("news", item.title, item.id, item.unit, list(item.topics)),
                 item.summary)

    def plan_page(self, plan: Plan) -> None:
        src = urls.plan_src(plan)
        links = Links(src)
        rows = self.tasks.by_plan.get(plan.id, [])
        facts = dl([("Số", esc(plan.number)), ("Đơn vị ban hành", self.unit_link(links, plan.unit, plan.date)),
                    ("Ngày ban hành", show_date(plan.date)),
                    ("Thời gian thực hiện", f"{show_date(plan.period_start)} – {show_date(plan.period_end)}"),
                    ("Chủ đề", self.topic_links(links, plan.topics))])
        bases = ""
        if plan.legal_bases:
            bases = ('<h2 id="can-cu">Căn cứ</h2><ul>' + "".join(f"<li>{esc(b)}</li>" for b in plan.legal_bases)
                     + "</ul>")
        table = ""
        if plan.tasks:
            csv_src = urls.plan_tasks_csv(plan)
            self.out.files.append(OutFile(csv_src, tasks_csv(self.site, rows, self.csv_link)))
            table = ("\n## Danh mục nhiệm vụ\n\n"
                     + block(self.task_summary(rows, csv_src, links), self.task_table(links, rows)))
        summary = f'<p class="cchc-lead">{esc(plan.summary)}</p>' if plan.summary else ""
        body = (block(crumbs(links, [HOME, (urls.PLANS_INDEX_SRC, "Kế hoạch")], plan.title), h1(plan.title), facts,
                      summary, bases)
                + plan.body + "\n\n" + table + block(print_button()))
        self.add(src, plan.title, body, PageRef("plan", plan.title, plan.id, plan.unit, list(plan.topics)),
                 plan.summary or None)

    def procedure_page(self, proc: Procedure) -> None:
        src = urls.procedure_src(proc)
        links = Links(src)
        last = proc.last_change
        banner = ""
        if proc.status == "abolished":
            banner = ('<div class="cchc-banner cchc-banner--abolished" role="note">'
                      f"<strong>Thủ tục đã bị bãi bỏ</strong> theo Quyết định số {esc(last.decision)} "
                      f"ngày {show_date(last.decision_date)}, "
                      f"có hiệu lực từ ngày {show_date(last.effective)}. Nội dung dưới đây chỉ để tra cứu.</div>")
        elif proc.status == "amended":
            banner = (f'<div class="cchc-banner cchc-banner--amended" role="note"><strong>Thủ tục đã được sửa đổi, '
                      f"bổ sung</strong> theo Quyết định số {esc(last.decision)} ngày {show_date(last.decision_date)}, "
                      f"có hiệu lực từ ngày {show_date(last.effective)}.</div>")
        portal = (f'<a href="{esc(proc.portal_url)}" rel="external">Xem trên Cổng Dịch vụ công quốc gia</a>'
                  if proc.portal_url else "")
        field_src = urls.procedure_field_src(slugify(proc.field) or "khac")
        facts = dl([("Mã thủ tục", esc(proc.code)), ("Lĩnh vực", links.a(field_src, proc.field)),
                    ("Cấp thực hiện", esc(LEVEL_LABELS[proc.level])),
                    ("Cơ quan thực hiện", self.unit_link(links, proc.unit)),
                    ("Dịch vụ công trực tuyến", esc(ONLINE_LABELS[proc.online])),
                    ("Thời hạn giải quyết", esc(proc.processing_time)), ("Phí, lệ phí", esc(proc.fees)),
                    ("Chủ đề", self.topic_links(links, proc.topics)), ("Cổng Dịch vụ công", portal)])
        sections = []
        for section in proc.sections:
            if section.title:
                sections.append(f"## {section.title}\n\n{section.body}\n")
            else:
                sections.append(section.body + "\n")
        history = "".join(
            f"<tr><td>{esc(CHANGE_LABELS[c.kind])}</td><td>{esc(c.decision)}</td><td>{show_date(c.decision_date)}</td>"
            f"<td>{show_date(c.effective)}</td><td>{esc(c.note)}</td></tr>" for c in proc.history)
        history_html = ('<table class="cchc-table"><thead><tr><th>Nội dung</th><th>Quyết định</th><th>Ngày ban hành'
                        "</th><th>Hiệu lực</th><th>Ghi chú</th></tr></thead><tbody>" + history + "</tbody></table>")
        body = (block(crumbs(links, [HOME, (urls.PROCEDURES_INDEX_SRC, "Thủ tục hành chính"), (field_src, proc.field)],
                             proc.name), h1(proc.name), banner, facts)
                + "\n".join(sections) + "\n\n## Quá trình công bố, sửa đổi\n\n" + block(history_html)
                + block(print_button()))
        description = f"Thủ tục {proc.name} (mã {proc.code}), lĩnh vực {proc.field}."
        self.add(src, proc.name, body, PageRef("procedure", proc.name, proc.id, proc.unit, list(proc.topics)),
                 description)

    # -- unit columns -------------------------------------------------------------------
    def unit_pages(self, unit: Unit) -> None:
        site = self.site
        src = urls.unit_src(unit.id)
        ref = PageRef("unit", unit.name, unit.id, unit.id, [])
        news = self.unit_news.get(unit.id, [])
        trail = [HOME, (urls.UNITS_INDEX_SRC, "Đơn vị")]
        chain, current = [], unit.parent
        while current is not None:
            chain.append((urls.unit_src(current), site.units[current].short_name))
            current = site.units[current].parent
        trail += chain[::-1]
        task_entries = self.tasks.for_ref(unit.id)

        def first_page(links: Links) -> str:
            parts = [crumbs(links, trail, unit.short_name), h1(unit.name)]
            if unit.ended:
                what = "sáp nhập" if unit.ended.reason == "merged" else "giải thể"
                successor = ""
                if unit.ended.successor:
                    successor = (" Công việc của đơn vị do "
                                 f"{self.unit_link(links, unit.ended.successor)} tiếp nhận.")
                parts.append(f'<div class="cchc-banner cchc-banner--ended" role="note"><strong>Đơn vị đã {what}'
                             f"</strong> từ ngày {show_date(unit.ended.date)}.{successor} Chuyên mục được giữ lại "
                             "để tra cứu.</div>")
            contacts = [("Loại đơn vị", esc(UNIT_KINDS.get(unit.kind, ""))),
                        ("Đường dây nóng", f'<a href="tel:{esc(tel(unit.hotline))}">{esc(unit.hotline)}</a>'
                         if unit.hotline else ""),
                        ("Thư điện tử", f'<a href="mailto:{esc(unit.email)}">{esc(unit.email)}</a>'
                         if unit.email else ""),
                        ("Địa chỉ", esc(unit.address)),
                        ("Trang thông tin", f'<a href="{esc(unit.website)}" rel="external">{esc(unit.website)}</a>'
                         if unit.website else ""),
                        ("Đơn vị cấp trên", self.unit_link(links, unit.parent) if unit.parent else "")]
            parts.append('<h2 id="lien-he">Thông tin liên hệ</h2>' + dl(contacts))
            if unit.former_names:
                names = "".join(f"<li>{esc(f.name)} (đến ngày {show_date(f.until)})</li>" for f in unit.former_names)
                parts.append(f'<h2 id="ten-goi">Tên gọi trước đây</h2><ul>{names}</ul>')
            if unit.children:
                kids = "".join(f"<li>{self.unit_link(links, c)}{ended_mark(site.units[c])}</li>"
                               for c in unit.children)
                parts.append(f'<h2 id="don-vi-truc-thuoc">Đơn vị trực thuộc</h2><ul class="cchc-units">{kids}</ul>')
            if unit.id in self.successors:
                olds = "".join(f"<li>{self.unit_link(links, u.id)} ({ended_word(u)} ngày {show_date(u.ended.date)})"
                               "</li>"
                               for u in self.successors[unit.id])
                parts.append(f'<h2 id="tiep-nhan">Đơn vị đã tiếp nhận công việc</h2><ul>{olds}</ul>')
            scope = " (gồm cả các đơn vị trực thuộc)" if self.settings.include_children and unit.children else ""
            rows = [row for row, _ in task_entries]
            tasks_html = '<p class="cchc-empty">Không có nhiệm vụ.</p>'
            if rows:
                overdue = sum(1 for r in rows if r.overdue)
                tasks_html = (f"<p>{len(rows)} nhiệm vụ chủ trì hoặc phối hợp"
                              f"{f', trong đó {overdue} nhiệm vụ quá hạn' if overdue else ''}. "
                              f"{links.a(urls.unit_tasks_src(unit.id), 'Xem bảng nhiệm vụ')} · "
                              f'<a href="{links.url(urls.unit_tasks_csv(unit.id))}" download>Tải CSV</a></p>')
            groups = self.unit_groups.get(unit.id, [])
            if groups:
                shared = "".join(f"<li>{self.ref_label(links, g.id)} ({len(self.tasks.for_ref(g.id))} nhiệm vụ)</li>"
                                 for g in groups)
                tasks_html += f"<p>Nhiệm vụ giao chung cho nhóm đơn vị có {esc(unit.short_name)}:</p><ul>{shared}</ul>"
            parts.append(f'<h2 id="nhiem-vu">Nhiệm vụ</h2>{tasks_html}')
            parts.append(f'<h2 id="ke-hoach">Kế hoạch{esc(scope)}</h2>'
                         + self.plan_list(links, self.unit_plans.get(unit.id, [])))
            parts.append(f'<h2 id="thu-tuc">Thủ tục hành chính{esc(scope)}</h2>'
                         + self.procedure_table(links, self.unit_procs.get(unit.id, [])))
            return "".join(parts)

        def body(links: Links, items: list[NewsItem], number: int, pager_html: str) -> str:
            head = first_page(links) if number == 1 else (
                crumbs(links, trail + [(src, unit.short_name)], f"Tin, bài – trang {number}") + h1(unit.name))
            return block(head, '<h2 id="tin-bai">Tin, bài</h2>', self.news_list(links, items, summaries=False),
                         pager_html)

        description = f"Chuyên mục cải cách hành chính của {unit.name}."
        # One-line entries, more per page: every item appears in the column of each unit
        # above it, so these pages add up (settings.column_page_size).
        self.paginate(src, news, unit.name, body, ref, description, size=self.settings.column_page_size)
        if task_entries:
            title = f"Nhiệm vụ của {unit.short_name}"
            self.role_task_pages(urls.unit_tasks_src(unit.id), urls.unit_tasks_csv(unit.id), title,
                                 trail + [(src, unit.short_name)], "Nhiệm vụ", task_entries,
                                 PageRef("listing", title, None, unit.id, []))

    def role_task_pages(self, src: str, csv_src: str, title: str, trail: list[tuple[str, str]], here: str,
                        entries: list[tuple[TaskRow, str]], ref: PageRef, intro=None) -> None:
        """The tasks a unit or group is named in, with its role: paginated table and CSV."""
        all_rows = [row for row, _ in entries]
        self.out.files.append(OutFile(csv_src, tasks_csv(self.site, all_rows, self.csv_link,
                                                         [role for _, role in entries])))

        def body(links: Links, page_entries, number: int, pager_html: str) -> str:
            label = here if number == 1 else f"{here} – trang {number}"
            return block(crumbs(links, trail, label), h1(title),
                         intro(links) if intro and number == 1 else "",
                         self.task_summary(all_rows, csv_src, links),
                         self.task_table(links, [r for r, _ in page_entries], roles=[role for _, role in page_entries]),
                         pager_html)

        self.paginate(src, entries, title, body, ref, size=TASKS_PAGE_ROWS)

    def group_page(self, group: Group) -> None:
        """A group's members and the tasks plans give to it as a whole."""
        site = self.site

        def intro(links: Links) -> str:
            members = "".join(f"<li>{self.ref_label(links, m)}{ended_mark(site.units[m])}</li>"
                              for m in group.members)
            return f'<h2 id="thanh-vien">Các đơn vị trong nhóm</h2><ul class="cchc-units">{members}</ul>' \
                   '<h2 id="nhiem-vu">Nhiệm vụ giao cho nhóm</h2>'

        self.role_task_pages(urls.group_src(group.id), urls.group_tasks_csv(group.id), group.name,
                             [HOME, (urls.UNITS_INDEX_SRC, "Đơn vị")], group.name, self.tasks.for_ref(group.id),
                             PageRef("listing", group.name), intro)

    def units_index(self) -> None:
        site = self.site
        links = Links(urls.UNITS_INDEX_SRC)

        def tree(ids: list[str]) -> str:
            items = []
            for uid in ids:
                unit = site.units[uid]
                kids = tree(unit.children) if unit.children else ""
                items.append(f"<li>{links.a(urls.unit_src(uid), unit.name)}{ended_mark(unit)}{kids}</li>")
            return f'<ul class="cchc-units">{"".join(items)}</ul>'

        roots = [u.id for u in site.units.values() if u.parent is None]
        body = block(crumbs(links, [HOME], "Đơn vị"), h1("Đơn vị"),
                     "<p>Chuyên mục cải cách hành chính của từng đơn vị: tin, bài, kế hoạch, thủ tục, nhiệm vụ "
                     "và đường dây nóng.</p>", tree(roots), self.groups_list(links))
        self.add(urls.UNITS_INDEX_SRC, "Đơn vị", body, PageRef("listing", "Đơn vị"), in_nav=True)

    def groups_list(self, links: Links) -> str:
        if not self.site.groups:
            return ""
        items = "".join(f"<li>{self.ref_label(links, g.id)} ({len(g.members)} đơn vị, "
                        f"{len(self.tasks.for_ref(g.id))} nhiệm vụ)</li>" for g in self.site.groups.values())
        return f'<h2 id="nhom-don-vi">Nhóm đơn vị trong các bảng nhiệm vụ</h2><ul class="cchc-units">{items}</ul>'

    # -- topics and archive --------------------------------------------------------------
    def topics(self) -> None:
        links = Links(urls.TOPICS_INDEX_SRC)
        items = []
        for topic in self.site.topics.values():
            count = (len(self.topic_news.get(topic.id, [])) + len(self.topic_plans.get(topic.id, []))
                     + len(self.topic_procs.get(topic.id, [])))
            items.append(f"<li>{links.a(urls.topic_src(topic.id), topic.name)} ({count})"
                         f'<p class="cchc-summary">{esc(topic.description)}</p></li>')
        self.add(urls.TOPICS_INDEX_SRC, "Chủ đề",
                 block(crumbs(links, [HOME], "Chủ đề"), h1("Chủ đề cải cách hành chính"),
                       f'<ul class="cchc-list">{"".join(items)}</ul>'),
                 PageRef("listing", "Chủ đề"), in_nav=True)
        for topic in self.site.topics.values():
            src = urls.topic_src(topic.id)

            def body(links: Links, items, number, pager_html, topic=topic, src=src):
                trail = [HOME, (urls.TOPICS_INDEX_SRC, "Chủ đề")]
                if number > 1:
                    return block(crumbs(links, trail + [(src, topic.name)], f"Trang {number}"), h1(topic.name),
                                 "<h2>Tin, bài</h2>", self.news_list(links, items, summaries=False), pager_html)
                return block(crumbs(links, trail, topic.name), h1(topic.name),
                             f'<p class="cchc-lead">{esc(topic.description)}</p>',
                             '<h2 id="ke-hoach">Kế hoạch</h2>',
                             self.plan_list(links, self.topic_plans.get(topic.id, [])),
                             '<h2 id="thu-tuc">Thủ tục hành chính</h2>',
                             self.procedure_table(links, self.topic_procs.get(topic.id, [])),
                             '<h2 id="tin-bai">Tin, bài</h2>', self.news_list(links, items, summaries=False),
                             pager_html)

            self.paginate(src, self.topic_news.get(topic.id, []), topic.name, body,
                          PageRef("topic", topic.name, topic.id, None, [topic.id]), topic.description,
                          size=self.settings.column_page_size)

    def archive(self) -> None:
        links = Links(urls.YEARS_INDEX_SRC)
        plan_years: dict[int, list[Plan]] = {}
        for plan in self.site.plans:
            plan_years.setdefault(plan.date.year, []).append(plan)
        years = sorted(set(self.years) | set(plan_years), reverse=True)
        items = "".join(f"<li>{links.a(urls.year_src(y), f'Năm {y}')}: {len(self.years.get(y, []))} tin, bài; "
                        f"{len(plan_years.get(y, []))} kế hoạch</li>" for y in years)
        self.add(urls.YEARS_INDEX_SRC, "Lưu trữ", block(crumbs(links, [HOME], "Lưu trữ"), h1("Lưu trữ theo năm"),
                                                        f"<ul>{items}</ul>"),
                 PageRef("listing", "Lưu trữ"), in_nav=True)
        for year in years:
            src = urls.year_src(year)
            title = f"Năm {year}"

            def body(links: Links, items, number, pager_html, year=year, src=src, title=title):
                trail = [HOME, (urls.YEARS_INDEX_SRC, "Lưu trữ")]
                plans = ""
                if number == 1 and plan_years.get(year):
                    plans = '<h2 id="ke-hoach">Kế hoạch</h2>' + self.plan_list(links, plan_years[year])
                head = crumbs(links, trail, title) if number == 1 else crumbs(links, trail + [(src, title)],
                                                                               f"Trang {number}")
                return block(head, h1(f"Lưu trữ năm {year}"), plans, '<h2 id="tin-bai">Tin, bài</h2>',
                             self.news_list(links, items, summaries=False), pager_html)

            self.paginate(src, self.years.get(year, []), title, body, PageRef("year", title),
                          size=self.settings.column_page_size)

    # -- listings --------------------------------------------------------------------------
    def news_index(self) -> None:
        self.section_index(urls.NEWS_INDEX_SRC, "Tin tức", self.site.news, self.news_list,
                           "Tin, bài về cải cách hành chính của các đơn vị.")

    def plans_index(self) -> None:
        self.section_index(urls.PLANS_INDEX_SRC, "Kế hoạch", self.site.plans, self.plan_list,
                           "Kế hoạch tuyên truyền, cải cách hành chính và danh mục nhiệm vụ.")

    def section_index(self, src: str, title: str, items: list, listing, description: str) -> None:
        """A nav section's paginated listing: ``listing(links, page_items)`` makes its HTML."""
        def body(links: Links, page_items, number, pager_html):
            head = crumbs(links, [HOME], title) if number == 1 else crumbs(
                links, [HOME, (src, title)], f"Trang {number}")
            return block(head, h1(title), listing(links, page_items), pager_html)

        self.paginate(src, items, title, body, PageRef("listing", title), description, in_nav=True)

    def tasks_index(self) -> None:
        rows = self.tasks.rows
        self.out.files.append(OutFile(urls.ALL_TASKS_CSV, tasks_csv(self.site, rows, self.csv_link)))

        def body(links: Links, items, number, pager_html):
            head = crumbs(links, [HOME], "Nhiệm vụ") if number == 1 else crumbs(
                links, [HOME, (urls.TASKS_INDEX_SRC, "Nhiệm vụ")], f"Trang {number}")
            overdue = [r for r in rows if r.overdue]
            note = ""
            if number == 1 and overdue:
                note = (f'<p class="cchc-banner cchc-banner--overdue">{len(overdue)} nhiệm vụ đã quá thời hạn '
                        "mà chưa có tin, bài minh chứng.</p>")
            return block(head, h1("Nhiệm vụ theo các kế hoạch"), self.task_summary(rows, urls.ALL_TASKS_CSV, links),
                         note, self.task_table(links, items, show_plan=True), pager_html)

        self.paginate(urls.TASKS_INDEX_SRC, rows, "Nhiệm vụ", body, PageRef("listing", "Nhiệm vụ"),
                      "Danh mục nhiệm vụ của các kế hoạch và tình trạng thực hiện.", size=TASKS_PAGE_ROWS,
                      in_nav=True)

    def procedure_catalogue(self) -> None:
        procs = self.site.procedures
        links = Links(urls.PROCEDURES_INDEX_SRC)
        by_change: dict[str, list[Procedure]] = {kind: [] for kind in CHANGE_SLUGS}
        for proc in procs:
            by_change[proc.status].append(proc)
        fields = sorted(self.fields.items(), key=lambda kv: fold(kv[1][0]))
        field_items = "".join(f"<li>{links.a(urls.procedure_field_src(slug), name)} ({len(items)})</li>"
                              for slug, (name, items) in fields)
        change_items = "".join(
            f"<li>{links.a(urls.procedure_change_src(CHANGE_SLUGS[k]), CHANGE_LABELS[k])} ({len(v)})</li>"
            for k, v in by_change.items())
        self.add(urls.PROCEDURES_INDEX_SRC, "Thủ tục hành chính",
                 block(crumbs(links, [HOME], "Thủ tục hành chính"), h1("Thủ tục hành chính"),
                       f"<p>{len(procs)} thủ tục hành chính, hướng dẫn từng bước.</p>",
                       f'<h2 id="linh-vuc">Theo lĩnh vực</h2><ul class="cchc-fields">{field_items}</ul>',
                       f'<h2 id="thay-doi">Theo tình trạng công bố</h2><ul>{change_items}</ul>'),
                 PageRef("listing", "Thủ tục hành chính"), "Thủ tục hành chính theo lĩnh vực và theo tình trạng.",
                 in_nav=True)
        trail = [HOME, (urls.PROCEDURES_INDEX_SRC, "Thủ tục hành chính")]
        for slug, (name, items) in fields:  # a field page lists all its procedures: 3 clicks from home
            src = urls.procedure_field_src(slug)
            flinks = Links(src)
            self.add(src, f"Lĩnh vực {name}", block(crumbs(flinks, trail, name), h1(f"Lĩnh vực {name}"),
                                                    self.procedure_table(flinks, items)),
                     PageRef("listing", f"Lĩnh vực {name}"))
        for kind, items in by_change.items():
            items = sorted(items, key=lambda p: (p.last_change.decision_date, p.id), reverse=True)
            label = CHANGE_LABELS[kind]

            def body(links: Links, group, number, pager_html, label=label):
                return block(crumbs(links, trail, label), h1(f"Thủ tục: {label}"),
                             self.procedure_table(links, group), pager_html)

            self.paginate(urls.procedure_change_src(CHANGE_SLUGS[kind]), items, f"Thủ tục: {label}", body,
                          PageRef("listing", f"Thủ tục: {label}"))

    # -- home -----------------------------------------------------------------------------
    def home(self) -> None:
        site, settings = self.site, self.settings
        links = Links(urls.HOME_SRC)
        since = self.today - timedelta(days=settings.recent_days)
        changed = sorted((p for p in site.procedures if since <= p.last_change.decision_date <= self.today),
                         key=lambda p: (p.last_change.decision_date, p.id), reverse=True)
        current = [p for p in site.plans if p.period_start <= self.today <= p.period_end]
        plans_title = "Kế hoạch đang thực hiện"
        if not current:
            current, plans_title = site.plans[:3], "Kế hoạch mới nhất"
        hotlines = [u for u in site.units.values() if u.hotline and u.parent is None and u.ended is None]
        if not hotlines:
            hotlines = [u for u in site.units.values() if u.hotline and u.ended is None][:3]
        hot = "".join(f'<li>{links.a(urls.unit_src(u.id), u.short_name)}: <a href="tel:{esc(tel(u.hotline))}">'
                      f"{esc(u.hotline)}</a></li>" for u in hotlines)
        sections = "".join(f"<li>{links.a(src, title)}</li>" for title, src in self.config.sections[1:])
        body = block(
            h1(site_title := self.config.site_name),
            f'<nav class="cchc-sections" aria-label="Chuyên mục"><ul>{sections}</ul></nav>',
            f'<div class="cchc-hotline"><h2 id="duong-day-nong">Đường dây nóng</h2><ul>{hot}</ul></div>' if hot else "",
            '<h2 id="tin-moi">Tin mới</h2>', self.news_list(links, site.news[:settings.home_news]),
            f'<p>{links.a(urls.NEWS_INDEX_SRC, "Tất cả tin, bài »")}</p>',
            f'<h2 id="thu-tuc-moi">Thủ tục thay đổi trong {settings.recent_days} ngày qua</h2>',
            self.procedure_table(links, changed) if changed else
            '<p class="cchc-empty">Không có thủ tục nào được công bố, sửa đổi hoặc bãi bỏ.</p>',
            f'<p>{links.a(urls.PROCEDURES_INDEX_SRC, "Tất cả thủ tục »")}</p>',
            f'<h2 id="ke-hoach">{plans_title}</h2>', self.plan_list(links, current),
            f'<p>{links.a(urls.PLANS_INDEX_SRC, "Tất cả kế hoạch »")}</p>')
        self.add(urls.HOME_SRC, site_title, body, PageRef("home", site_title), in_nav=True)


def task_anchor(no: str) -> str:
    return "nv-" + (slugify(no) or "x")


def tel(phone: str | None) -> str:
    return "".join(c for c in phone or "" if c.isdigit() or c == "+")


def ended_word(unit: Unit) -> str:
    return "sáp nhập" if unit.ended and unit.ended.reason == "merged" else "giải thể"


def ended_mark(unit: Unit) -> str:
    if unit.ended is None:
        return ""
    what = "đã sáp nhập" if unit.ended.reason == "merged" else "đã giải thể"
    return f' <small class="cchc-ended">({what} {show_date(unit.ended.date)})</small>'


def generate(site: Site, config: SiteConfig) -> Output:
    """Every generated page and download of the site."""
    return Generator(site, config).run()
