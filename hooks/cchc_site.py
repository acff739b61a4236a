"""MkDocs hooks: load the content model once per build and generate the site's pages.

Events: ``on_config`` (load and validate content/, stop on errors), ``on_files``
(add generated pages as virtual files), ``on_serve`` (watch content/ and hooks/).
The work is done by the ``cchc`` library next to this file.
"""

from __future__ import annotations

from pathlib import Path

from cchc import build as cchc_build
from cchc.loader import build_time_from, load_site
from cchc.settings import read_settings
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("cchc")


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    settings, problems = read_settings(config.extra.get("cchc"))
    for problem in problems:
        log.warning(problem)
    if not config.site_url:
        raise Abort("mkdocs.yml: site_url is missing: feeds and links need the site's full address "
                    "(add e.g. 'site_url: https://cchc.example.vn/')")
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
    url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    cchc_build.start(cchc_build.Build(root, result.site, settings, url))
    return config


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    for folder in ("content", "hooks"):
        server.watch(str(root / folder))
    return server
