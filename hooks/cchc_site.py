"""MkDocs hooks: load the content model once per build and generate the site's pages.

Events: ``on_config`` (load and validate content/, stop on errors; give MkDocs the
section-only nav when mkdocs.yml has none), ``on_files`` (add the generated pages and
CSV downloads as virtual files and register each page in ``build.pages``),
``on_page_content`` (put back the HTML blocks set aside before
Markdown conversion), ``on_post_page`` (drop the templates' indentation),
``on_serve`` (watch content/ and hooks/). The work is done by the ``cchc`` library
next to this file; this module only translates MkDocs events into calls of it.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `mkdocs serve` re-imports this hook on every rebuild but would keep the library's
# modules cached: drop them so an edit under hooks/cchc/ takes effect. This hook is
# first in `hooks:`, so the feed and search hooks import the fresh modules after it.
if len(sys.argv) > 1 and sys.argv[1] == "serve":
    for _name in [n for n in sys.modules if n == "cchc" or n.startswith("cchc.")]:
        del sys.modules[_name]

from cchc import build as cchc_build  # noqa: E402
from cchc.feeds import FeedConfigError, check_site_url  # noqa: E402
from cchc.html import compact, restore_blocks  # noqa: E402
from cchc.loader import build_time_from, load_site  # noqa: E402
from cchc.pages import generate, nav_sections  # noqa: E402
from cchc.settings import read_settings  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import get_plugin_logger  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

log = get_plugin_logger("cchc")


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    settings, problems = read_settings(config.extra.get("cchc"))
    for problem in problems:
        log.warning(problem)
    try:
        url = check_site_url(config.site_url)
    except FeedConfigError as exc:
        raise Abort(str(exc)) from exc
    try:
        build_time = build_time_from(settings.build_date)
    except ValueError as exc:
        raise Abort(str(exc)) from exc
    result = load_site(root, build_time, Path(config.docs_dir))
    for problem in result.problems.sorted():
        if problem.severity == "error":
            log.error(str(problem))
        elif problem.severity == "warning":
            log.warning(str(problem))
        else:
            log.info(str(problem))
    if result.site is None:
        raise Abort(f"{len(result.problems.errors)} error(s) in content/: fix them (see above); "
                    "the site was not built")
    cchc_build.start(cchc_build.Build(root, result.site, settings, url))
    if config.nav is None:  # the automatic nav would put every item on every page
        config.nav = nav_sections()
    return config


def on_files(files, config):
    build = cchc_build.current()
    output = generate(build.site, build.settings, build.site_url)
    for page in output.pages:
        clash = files.get_file_from_path(page.src)
        if clash is not None:
            log.warning(f"docs/{page.src}: this hand-written page has the address of a generated page and is "
                        "replaced by it (rename or remove the file)")
            files.remove(clash)
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src, content=page.markdown, inclusion=inclusion))
        build.pages[page.src] = page.ref
        if page.blocks:
            build.blocks[page.src] = page.blocks
    for download in output.files:
        files.append(File.generated(config, download.src, content=download.content))
    return files


def on_page_content(html, page, config, files):
    blocks = cchc_build.current().blocks.pop(page.file.src_uri, None)
    return restore_blocks(html, blocks) if blocks else html


def on_post_page(output, page, config):
    # MkDocs keeps every page until the build ends; what is written is not needed again
    # (links and anchors are checked from what MkDocs recorded while rendering).
    page.content = None
    page.markdown = None
    if page.file.generated_by:
        page.file.content_string = ""
    return compact(output)


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    for folder in ("content", "hooks"):
        server.watch(str(root / folder))
    return server
