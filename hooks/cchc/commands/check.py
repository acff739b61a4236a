"""`cchc check [site folder]`: check all content without building the site.

Prints every problem as `path:line: field: problem (fix)` and exits 1 on any error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.config import ConfigError, read_config
from cchc.content.loader import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc check",
                                     description="Validate content/ without building the site.")
    parser.add_argument("root", nargs="?", default=".",
                        help="the site folder, holding mkdocs.yml (default: the current folder)")
    parser.add_argument("--quiet", action="store_true", help="print errors and warnings only")
    args = parser.parse_args(argv)
    try:
        config = read_config(Path(args.root))
        build_time = config.build_time()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 1
    for problem in config.problems:
        print(f"mkdocs.yml: {problem}  [CẢNH BÁO]")
    result = load_site(config.root, build_time, config.docs_dir)
    for problem in result.problems.sorted():
        if args.quiet and problem.severity == "notice":
            continue
        label = {"error": "LỖI", "warning": "CẢNH BÁO", "notice": "GHI CHÚ"}[problem.severity]
        print(f"{problem}  [{label}]")
    errors, warnings = len(result.problems.errors), len(result.problems.warnings)
    if result.site is not None:
        site = result.site
        print(f"OK: {len(site.units)} units, {len(site.plans)} plans "
              f"({sum(len(p.tasks) for p in site.plans)} tasks), {len(site.news)} news items, "
              f"{len(site.procedures)} procedures published; {len(site.held_back)} held back "
              f"(drafts or scheduled); {warnings} warning(s).")
        return 0
    print(f"{errors} error(s), {warnings} warning(s): fix the errors above; nothing was published.",
          file=sys.stderr)
    return 1

