"""`cchc check [site folder]`: check all content without building the site.

Prints every problem as `path:line: field: problem (cách sửa: fix)  [LỖI]`, then the items
held back (drafts and scheduled items, with their dates), and exits 1 on any error. What
stops this check is exactly what stops `mkdocs build --strict` and `cchc deploy`: errors,
and warnings too (exit 1), since the strict build refuses them. When the
content is valid it also brings the JSON Schemas of units.yml and topics.yml (scripts/schemas/)
up to date, so an editor's VS Code completes the ids of the units.
"""

from __future__ import annotations

import argparse
import sys

from cchc.commands import open_site
from cchc.content.loader import load_site
from cchc.editor.schema import write_schemas
from cchc.messages import say


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc check", description=say("check_description"))
    parser.add_argument("root", nargs="?", default=".", help=say("check_opt_root"))
    parser.add_argument("--quiet", action="store_true", help=say("check_opt_quiet"))
    args = parser.parse_args(argv)
    opened = open_site(args.root)
    if opened is None:
        return 1
    config, build_time = opened
    for problem in config.problems:
        print(f"{say('config_warning', problem=problem)}  [{say('severity_warning')}]")
    result = load_site(config.root, build_time, config.docs_dir)
    for problem in result.problems.sorted():
        if args.quiet and problem.severity == "notice":
            continue
        print(f"{problem}  [{say('severity_' + problem.severity)}]")
    errors, warnings = len(result.problems.errors), len(result.problems.warnings) + len(config.problems)
    if result.site is None:
        print(say("check_failed", errors=errors, warnings=warnings), file=sys.stderr)
        return 1
    site = result.site
    for rel in write_schemas(config.root, site.units):  # VS Code completes the ids of the units from these
        print(say("schemas_updated", path=rel))
    if site.held_back:
        print(say("check_held_back_title", count=len(site.held_back)))
        for line in sorted(site.held_back):
            print(f"  {line}")
    print(say("check_ok", units=len(site.units), plans=len(site.plans),
              tasks=sum(len(p.tasks) for p in site.plans), news=len(site.news),
              procedures=len(site.procedures), warnings=warnings))
    if warnings:  # `cchc deploy` builds with --strict, where a warning stops publication too
        print(say("check_warnings_stop", warnings=warnings), file=sys.stderr)
        return 1
    return 0
