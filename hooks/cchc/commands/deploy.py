"""`cchc deploy [--site-dir site]`: build the site safely.

1. builds with `mkdocs build --strict` into `.site-staging/` (the live folder is untouched);
2. checks the result: the home page and 404 page exist, every published news item,
   plan, procedure and unit has its page, and no page loads a script, style, font or
   frame from another host;
3. writes the precompressed copies the web server sends (``cchc.publish.precompress``);
4. only then swaps it in, in one step: the staging folder and the live folder exchange
   places atomically (Linux ``renameat2(RENAME_EXCHANGE)``), so the live folder is at
   every moment either the old complete site or the new complete one; the old site is
   then kept as `.site-previous/` (a quick rollback: `mv site site.bad && mv
   .site-previous site`). Where the exchange is not available (another system, the
   first deploy) it falls back to two renames.

A failed build or check prints the reason and exits 1; the live site stays as it was.
A build killed half-way leaves only `.site-staging/`, which the next deploy replaces.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from cchc import urls
from cchc.commands import open_site
from cchc.config import BUILD_DATE_ENV, SiteConfig
from cchc.content.loader import load_site
from cchc.messages import say
from cchc.publish.precompress import precompress

OUTSIDE = re.compile(r'<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)="((?:https?:)?//[^"]+)"')
CSS_OUTSIDE = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)")


def check(staging: Path, config: SiteConfig, build_time: datetime) -> list[str]:
    """Problems with the built site in ``staging`` (empty when it may go live)."""
    problems = []
    for required in ("index.html", "404.html", "sitemap.xml"):
        if not (staging / required).is_file():
            problems.append(say("deploy_missing_file", file=required))
    result = load_site(config.root, build_time, config.docs_dir, bodies=False)  # the build checked bodies
    if result.site is None:
        return problems + [say("deploy_content_errors")]
    site = result.site
    expected = [urls.item_url(item) for item in [*site.news, *site.plans, *site.procedures]]
    expected += [urls.src_to_url(urls.unit_src(unit_id)) for unit_id in site.units]
    for url in expected:
        if not (staging / url / "index.html").is_file():
            problems.append(say("deploy_no_page", url=url))
    own = config.site_url
    for page in staging.rglob("*.html"):
        html = page.read_text("utf-8", errors="replace")
        for ref in OUTSIDE.findall(html):
            if not ref.startswith(own):
                problems.append(say("deploy_outside", page=page.relative_to(staging), ref=ref))
    for css in staging.rglob("*.css"):
        for ref in CSS_OUTSIDE.findall(css.read_text("utf-8", errors="replace")):
            problems.append(say("deploy_outside", page=css.relative_to(staging), ref=ref))
    return problems


def exchange(a: Path, b: Path) -> bool:
    """Swap the folders ``a`` and ``b`` in one atomic step; False where the system cannot."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_in(staging: Path, live: Path, previous: Path) -> None:
    """Make ``staging`` the live folder; the old live folder becomes ``previous``."""
    shutil.rmtree(previous, ignore_errors=True)
    if live.exists() and exchange(staging, live):
        staging.rename(previous)  # the staging name now holds the old site
        return
    if live.exists():
        live.rename(previous)
    staging.rename(live)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc deploy",
                                     description="Build into a staging folder, check it, then swap it in.")
    parser.add_argument("--site-dir", default="site", help="the live folder the web server serves (default: site)")
    parser.add_argument("--root", default=".",
                        help="the site folder, holding mkdocs.yml (default: the current folder)")
    args = parser.parse_args(argv)
    opened = open_site(args.root)
    if opened is None:
        return 1
    config, build_time = opened
    root = config.root
    live = (root / args.site_dir).resolve()
    # Beside the live folder, on the same disk, so the swap is a rename.
    staging, previous = live.parent / ".site-staging", live.parent / ".site-previous"
    shutil.rmtree(staging, ignore_errors=True)
    print(say("deploy_building", folder=staging.name), flush=True)
    # The build and the check below use the same "now", so they agree on scheduled items.
    env = {**os.environ, BUILD_DATE_ENV: f"{build_time:%Y-%m-%d %H:%M}", "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file",
                            str(root / "mkdocs.yml"), "--site-dir", str(staging)], cwd=root, env=env)
    if build.returncode != 0:
        print(say("deploy_build_failed"), file=sys.stderr)
        return 1
    problems = check(staging, config, build_time)
    if problems:
        for problem in problems[:50]:
            print(say("deploy_problem", problem=problem), file=sys.stderr)
        print(say("deploy_check_failed", count=len(problems), folder=staging.name), file=sys.stderr)
        return 1
    print(say("deploy_precompressing"), flush=True)
    print(precompress(staging).summary(), flush=True)
    swap_in(staging, live, previous)
    print(say("deploy_done", live=live.relative_to(root) if live.is_relative_to(root) else live,
              previous=previous.name))
    return 0
