"""One index over the validated site, built once per build and read by every page.

``SiteIndex(site, include_children)`` walks the model once: each unit's ancestors and
descendants, the items of each unit (with its descendants' when ``include_children``),
of each topic and of each year, procedures by field and by their latest change, the
units that ended and handed their work to a unit, the groups a unit is in, and the
task tables (``TaskIndex``). The views read these lists instead of walking the unit
tree themselves; every list keeps the site's order (news newest first).
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc.content.model import Group, NewsItem, Plan, Procedure, Site, Unit
from cchc.index.tasks import TaskIndex
from cchc.text import VN_TZ, slugify

CHANGES = ("new", "amended", "abolished")


@dataclass
class Field:
    """A procedure field ("lĩnh vực") with its slug and its procedures."""

    slug: str
    name: str
    procedures: list[Procedure]


def field_slug(name: str) -> str:
    return slugify(name) or "khac"


class SiteIndex:
    """Lookups over one validated ``Site``, computed in one pass each."""

    def __init__(self, site: Site, include_children: bool = True):
        self.site = site
        self.include_children = include_children
        self.tasks = TaskIndex(site)
        self.plans_by_id: dict[str, Plan] = {plan.id: plan for plan in site.plans}
        self.ancestors: dict[str, list[str]] = {}  # unit id -> parent, grandparent, ... up to a root
        for unit in site.units.values():
            chain, current = [], unit.parent
            while current is not None:
                chain.append(current)
                current = site.units[current].parent
            self.ancestors[unit.id] = chain
        self.roots = [u.id for u in site.units.values() if u.parent is None]

        # unit id -> items of the unit (and of its descendants when include_children)
        self.news_by_unit: dict[str, list[NewsItem]] = {}
        self.plans_by_unit: dict[str, list[Plan]] = {}
        self.procedures_by_unit: dict[str, list[Procedure]] = {}
        for items, index in ((site.news, self.news_by_unit), (site.plans, self.plans_by_unit),
                             (site.procedures, self.procedures_by_unit)):
            for item in items:
                for unit_id in self.column_units(item.unit):
                    index.setdefault(unit_id, []).append(item)

        self.news_by_topic: dict[str, list[NewsItem]] = {}
        self.plans_by_topic: dict[str, list[Plan]] = {}
        self.procedures_by_topic: dict[str, list[Procedure]] = {}
        for items, index in ((site.news, self.news_by_topic), (site.plans, self.plans_by_topic),
                             (site.procedures, self.procedures_by_topic)):
            for item in items:
                for topic in item.topics:
                    index.setdefault(topic, []).append(item)

        self.news_by_year: dict[int, list[NewsItem]] = {}
        for news in site.news:
            self.news_by_year.setdefault(news.date.astimezone(VN_TZ).year, []).append(news)
        self.plans_by_year: dict[int, list[Plan]] = {}
        for plan in site.plans:
            self.plans_by_year.setdefault(plan.date.year, []).append(plan)

        self.fields: dict[str, Field] = {}  # field slug -> field, in the site's order
        self.procedures_by_change: dict[str, list[Procedure]] = {kind: [] for kind in CHANGES}
        for proc in site.procedures:
            slug = field_slug(proc.field)
            self.fields.setdefault(slug, Field(slug, proc.field, [])).procedures.append(proc)
            self.procedures_by_change[proc.status].append(proc)

        self.successors: dict[str, list[Unit]] = {}  # unit id -> ended units whose work it took over
        for unit in site.units.values():
            if unit.ended and unit.ended.successor:
                self.successors.setdefault(unit.ended.successor, []).append(unit)
        self.groups_of: dict[str, list[Group]] = {}  # unit id -> the groups it is a member of
        for group in site.groups.values():
            for member in group.members:
                self.groups_of.setdefault(member, []).append(group)

    def column_units(self, unit_id: str) -> list[str]:
        """The units whose column shows an item of ``unit_id``: itself, and its ancestors
        when the columns include their children's items."""
        if self.include_children:
            return [unit_id, *self.ancestors[unit_id]]
        return [unit_id]

    def descendants(self, unit_id: str) -> list[str]:
        """``unit_id`` and every unit below it, parent first (breadth first)."""
        out, level = [], [unit_id]
        while level:
            out.extend(level)
            level = [child for uid in level for child in self.site.units[uid].children]
        return out

    def field_of(self, proc: Procedure) -> Field:
        return self.fields[field_slug(proc.field)]
