"""`cchc find TEXT`: look up ids by name, with or without Vietnamese diacritics.

Searches units (full, short and former names), groups, topics, plans (title, number),
plan tasks, procedures (name, code) and news items, and prints one line per match:
what it is, the id ready to paste into a content file, and its name. Every word typed
must appear (``le quy don`` finds "Trường THPT Lê Quý Đôn"); ids match too.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from cchc.commands import open_site
from cchc.content.loader import load_for_lookup
from cchc.content.model import Site
from cchc.messages import say
from cchc.text import fold

LIMIT = 30


@dataclass(frozen=True)
class Found:
    kind: str  # find_kind_<kind> in messages.yml
    id: str
    name: str
    words: str  # everything it is found by, folded


def entries(site: Site) -> list[Found]:
    """Every thing an editor refers to by id, with the words it can be found by."""
    out: list[Found] = []

    def add(kind: str, ident: str, name: str, *more: str | None) -> None:
        out.append(Found(kind, ident, name, fold(" ".join([ident, name, *[m for m in more if m]]))))

    for unit in site.units.values():
        add("unit", unit.id, unit.name, unit.short_name, *[f"{f.name} {f.short_name}" for f in unit.former_names])
    for group in site.groups.values():
        add("group", group.id, group.name)
    for topic in site.topics.values():
        add("topic", topic.id, topic.name)
    for plan in site.plans:
        add("plan", plan.id, plan.title, plan.number)
        for task in plan.tasks:
            add("task", task.key, f"{task.title} ({plan.title})")
    for proc in site.procedures:
        add("procedure", proc.id, f"{proc.name} ({proc.code})", proc.code)
    for item in site.news:
        add("news", item.id, item.title)
    return out


def find(site: Site, text: str) -> list[Found]:
    """Entries containing every word of ``text`` (folded: no diacritics, đ = d, any case)."""
    words = fold(text).split()
    return [entry for entry in entries(site) if words and all(word in entry.words for word in words)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc find", description=say("find_description"))
    parser.add_argument("text", nargs="+", help=say("find_opt_text"))
    parser.add_argument("--root", default=".", help=say("check_opt_root"))
    args = parser.parse_args(argv)
    opened = open_site(args.root)
    if opened is None:
        return 1
    config, build_time = opened
    site, problems = load_for_lookup(config.root, build_time, config.docs_dir)
    text = " ".join(args.text)
    found = find(site, text)
    if not found:
        print(say("find_none", text=text))
        return 1
    kinds = {entry.kind: say(f"find_kind_{entry.kind}") for entry in found}
    kind_width = max(len(k) for k in kinds.values())
    id_width = min(max(len(entry.id) for entry in found[:LIMIT]), 60)
    for entry in found[:LIMIT]:
        print(f"{kinds[entry.kind].ljust(kind_width)}  {entry.id.ljust(id_width)}  {entry.name}")
    if len(found) > LIMIT:
        print(say("find_more", count=len(found) - LIMIT))
    if problems.errors:
        print(say("find_errors"), file=sys.stderr)
    return 0
