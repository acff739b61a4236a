"""MkDocs hooks of the site: every MkDocs event the ``cchc`` library needs, in one module.

Events, in the order MkDocs sends them:

- ``on_config``: read the configuration and load and validate ``content/`` once (stop
  with every problem, file and line, on errors; while previewing, build the error page
  instead, see ``cchc/editor/preview.py``); give MkDocs the section nav when mkdocs.yml
  has none.
- ``on_files``: add the generated pages (each naming its template under
  ``docs/overrides/cchc/``; its Markdown is only the editors' own body), CSV downloads,
  the feeds page (template ``cchc/feeds.html``, view ``cchc.feeds.page``), the web editor
  (``admin/``, ``cchc/editor/decap.py``) and the search box's and feed view's assets as
  virtual files.
- ``on_page_content``: sanitize the editor's body of an item page (a generated page's
  Markdown is only that body) and report, with file and line, what was removed and
  links that lead to no page; note which item each page shows, for the search index.
- ``on_nav``: (``mkdocs serve`` only) keep the nav and files for the preview.
- ``on_env``: give the templates ``t()`` (the words readers see); give each page the day
  it last changed (``page.update_date``, sitemap.xml's ``<lastmod>``, ``cchc.views.lastmod``;
  MkDocs writes sitemap.xml and its ``.gz`` next, from ``docs/overrides/sitemap.xml``); start
  writing the Pagefind index in a thread while MkDocs renders.
- ``on_page_context``: the page's view data as ``cchc`` (built now, dropped once used),
  the headings its template draws added to the page's table of contents, and the feeds
  the page is about, for autodiscovery (``cchc_feeds``) and for a visible follow line
  (``cchc_page_feeds``): its own feeds first, then its section's, then the site's; never
  an empty feed; ``cchc_updated``, the "Cập nhật ngày ..." line of a corrected item.
- ``on_post_page``: drop the templates' indentation; free what a written page keeps
  (its Markdown and a generated page's source are freed as soon as it is rendered, in
  ``on_page_content``).
- ``on_post_build``: write the feeds, wait for the search index, then (last) write the
  ``.gz``/``.br`` copies of the text files for the web server (not for ``mkdocs serve``);
  while previewing content with errors, write the error page instead.
- ``on_build_error``: wait for the index thread so no Pagefind process is left running.
- ``on_serve``: also watch ``content/`` and ``hooks/``; install the preview: after an edit
  that only changes news items' titles, summaries or bodies, ``preview_update`` renders
  those items' pages (the browsers reload), then the pages that link to them, the task
  CSVs, the feeds and the search index (they reload again); any other change, or an
  error, is a full rebuild (``cchc.preview``).

The work is done by the ``cchc`` package (``hooks/cchc/``), which never imports MkDocs;
this module only translates events into calls of it and keeps the one ``Build`` state.
"""

from __future__ import annotations

import gc
import html
import shutil
import sys
import time
from functools import partial
from pathlib import Path

# `mkdocs serve` re-imports this hook on every rebuild but would keep the library's
# modules cached: drop them so an edit under hooks/cchc/ takes effect.
_SERVING = len(sys.argv) > 1 and sys.argv[1] == "serve"
if _SERVING:  # (but the preview's state, cchc.preview.live, is kept from build to build)
    for _name in [n for n in sys.modules if (n == "cchc" or n.startswith("cchc.")) and n != "cchc.preview.live"]:
        del sys.modules[_name]

from cchc import urls  # noqa: E402
from cchc.build import Build, PageRef  # noqa: E402
from cchc.config import ConfigError, site_config  # noqa: E402
from cchc.content.bodies import page_link_problems, safe_page_html  # noqa: E402
from cchc.content.correction import correction_line  # noqa: E402
from cchc.content.loader import load_site  # noqa: E402
from cchc.content.problems import Problem  # noqa: E402
from cchc.editor.decap import admin_files  # noqa: E402
from cchc.editor.preview import write_error_site  # noqa: E402
from cchc.feeds.feedset import STYLESHEET_PATH, FeedSet  # noqa: E402
from cchc.feeds.page import PAGE_TITLE as _FEEDS_PAGE_TITLE  # noqa: E402
from cchc.feeds.page import feeds_page  # noqa: E402
from cchc.forked import ForkedError, ForkedFiles  # noqa: E402
from cchc.messages import say  # noqa: E402
from cchc.preview import live  # noqa: E402
from cchc.preview.changes import news_edits, pages_showing, snapshot  # noqa: E402
from cchc.search import records as search_records  # noqa: E402
from cchc.search.pagefind import Indexer, SearchExtras, write_index  # noqa: E402
from cchc.search.synonyms import SynonymTable  # noqa: E402
from cchc.strings import Strings  # noqa: E402
from cchc.text import heading_slug, show_seconds  # noqa: E402
from cchc.urls import FEEDS_PAGE_SRC  # noqa: E402
from cchc.views.html import compact  # noqa: E402
from cchc.views.lastmod import page_lastmod  # noqa: E402
from cchc.views.markdown_page import SharedMarkdownPage  # noqa: E402
from cchc.views.pages import generate, news_page  # noqa: E402
from cchc.views.theme import SCRIPT_FEATURES, ThemeWords, material_assets, nav_entries, unused_theme_file  # noqa: E402
from markdown.extensions.toc import unique  # noqa: E402
from mkdocs.commands.build import _build_page, _populate_page  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.livereload import _timestamp  # noqa: E402
from mkdocs.plugins import get_plugin_logger  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402
from mkdocs.structure.toc import AnchorLink  # noqa: E402

log = get_plugin_logger("cchc")

# The repository's own docs/: the search box's and the feed view's assets are published
# from here even when a site's docs_dir has no copy of them.
_SHIPPED_DOCS = Path(__file__).resolve().parent.parent / "docs"
_SHIPPED_ASSETS = ("assets/search", Path(STYLESHEET_PATH).parent.as_posix())
_FEEDS_TEMPLATE = "cchc/feeds.html"
# Generated pages that show one thing: a news item, plan, procedure or a unit's column.
_ITEM_KINDS = {"news", "plan", "procedure", "unit"}

_build: Build | None = None
# While previewing, content with errors gives this list instead of a stopped build; problems
# found in the bodies while the pages are written (the sanitizer, dead links) are added too.
_preview_problems: list[Problem] | None = None
_page_problems: list[Problem] = []
# mkdocs serve: the watched files when this build started, and what the preview needs.
_snapshot: dict[str, tuple[int, int]] = {}
_nav = None
_files = None
_env = None


def _current() -> Build:
    if _build is None:
        raise Abort("cchc: no build in progress (on_config did not run)")
    return _build


def on_config(config):
    global _build, _preview_problems, _snapshot
    _build = None
    _preview_problems = None
    _page_problems.clear()
    if _SERVING:  # the preview shows errors on its pages instead of stopping (see on_post_build)
        config.strict = False
        live.current = None  # until this build succeeds, an edit gives a full build
        _snapshot = snapshot(_watched(config))  # before reading: an edit made during this build is seen next
    try:
        site_cfg = site_config(config, Path(config.config_file_path))
        build_time = site_cfg.build_time()
    except ConfigError as exc:
        raise Abort(str(exc)) from exc
    for problem in site_cfg.problems:
        log.warning(problem)
    result = load_site(site_cfg.root, build_time, site_cfg.docs_dir, bodies=False)  # bodies: on_page_content
    if result.site is None and _SERVING:
        # The preview answers every address with the list of problems (see on_post_build);
        # logged as information so that MkDocs finishes this build instead of stalling.
        for problem in result.problems.sorted():
            log.info(f"{problem}  [{say('severity_' + problem.severity)}]")
        _preview_problems = result.problems.sorted()
        config.nav = []
        config.strict = False
        return config
    for problem in result.problems.sorted():
        {"error": log.error, "warning": log.warning}.get(problem.severity, log.info)(str(problem))
    if result.site is None:
        raise Abort(say("build_failed", errors=len(result.problems.errors)))
    _fall_back_to_shipped_templates(config)
    # Heading ids keep the đ as d (Python-Markdown's own slug drops it), unless mkdocs.yml sets its own.
    config.mdx_configs.setdefault("toc", {}).setdefault("slugify", heading_slug)
    _build = Build(site_cfg, result.site)
    if config.nav is None:  # the automatic nav would put every item on every page
        config.nav = [{title: src} for title, src in site_cfg.sections]
    return config


def _fall_back_to_shipped_templates(config) -> None:
    """Put the repository's templates (docs/overrides) right after the site's own ``custom_dir``.

    Material reads one ``custom_dir``; with this, a site's folder need only hold the
    templates it changes (``cchc/unit.html``), and everything else, the theme's partials
    and ``assets/`` included, comes from the shipped ones.
    """
    shipped = (_SHIPPED_DOCS / "overrides").resolve()
    dirs = config.theme.dirs
    if any(Path(d).resolve() == shipped for d in dirs):
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(shipped))


def on_files(files, config):
    if _preview_problems is not None:  # nothing to build but the error page
        return type(files)([])
    build = _current()
    material_search = "search" in config.plugins or "material/search" in config.plugins
    for unused in [f for f in files if f.abs_src_path and unused_theme_file(f.src_uri, material_search)
                   and not f.abs_src_path.startswith(config.docs_dir)]:
        files.remove(unused)  # Material's source maps and its unused lunr search (cchc/views/theme.py)
    output = generate(build.index, build.config, build.strings)
    for page in output.pages:
        clash = files.get_file_from_path(page.src)
        if clash is not None:
            log.warning(say("page_clash", path=f"docs/{page.src}"))
            files.remove(clash)
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src, content=page.file_content(), inclusion=inclusion)
        files.append(file)
        if not page.in_nav:  # MkDocs makes the nav's pages, with their nav titles
            SharedMarkdownPage(None, file, config)
        build.pages[page.src] = page.ref
        build.views[page.src] = page.view
    for download in output.files:
        files.append(File.generated(config, download.src, content=download.content))
    # The plans' reports: made by a child process on the second core while the pages are
    # rendered, copied by MkDocs from its spool folder (waited for in on_env).
    later = build.later_files = ForkedFiles()
    for srcs, make in output.later:
        later.add(srcs, make)
    later.start(fork=not _SERVING)
    for src in later.srcs:
        files.append(File.generated(config, src, abs_src_path=str(later.path(src))))
    build.feeds = FeedSet(build.site, build.site_url, config.site_name, build.settings.feed_length,
                          build.settings.include_children, build.config.docs_dir,
                          icon=config.theme.get("favicon"), logo=config.theme.get("logo"))
    if files.get_file_from_path(FEEDS_PAGE_SRC) is None:
        # The template draws the page from its view (``cchc`` in on_page_context), like the others.
        # "# Nguồn tin" makes the table of contents open with the anchor "nguon-tin", the id of
        # the template's <h1>: Material's skip link targets that first entry.
        files.append(File.generated(config, FEEDS_PAGE_SRC, content=(
            f"---\ntemplate: {_FEEDS_TEMPLATE}\n---\n# Nguồn tin\n")))
        build.pages[FEEDS_PAGE_SRC] = PageRef("listing", _FEEDS_PAGE_TITLE)
        feeds = build.feeds
        build.views[FEEDS_PAGE_SRC] = lambda: feeds_page(feeds)
    admin = admin_files(build.site, build.config)
    if len(admin) == 2:  # the page and its configuration, without the CMS itself
        log.warning(say("editor_missing"))
    for item in admin:
        if files.get_file_from_path(item.src) is None:
            path = str(item.path) if item.path else None
            files.append(File.generated(config, item.src, content=item.content, abs_src_path=path))
    for folder in _SHIPPED_ASSETS:
        for path in sorted((_SHIPPED_DOCS / folder).iterdir()):
            src_uri = f"{folder}/{path.name}"
            if path.is_file() and files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    return files


def on_page_content(html, page, config, files):
    html = _page_content(html, page, config, files)
    # MkDocs renders every page's Markdown before it writes the first one: its Markdown and
    # a generated page's source are not needed again, so they are not held until then.
    page.markdown = None
    if page.file.generated_by:
        page.file.content_string = ""
    return html


def _page_content(html, page, config, files):
    build = _current()
    src = page.file.src_uri
    ref = build.pages.get(src)
    item = build.items().get((ref.kind, ref.item_id)) if ref and ref.item_id else None
    if item is not None:  # page.content of an item page is the editor's body alone
        html, problems = safe_page_html(html, item, page.url, build.site_url, build.addresses(files))
        for problem in problems:
            log.error(str(problem))
        _page_problems.extend(problems)
    if ref is not None:
        item_id = ref.item_id or (ref.unit if ref.kind == "unit" else None)
        if ref.kind in _ITEM_KINDS and item_id:
            build.search_items.append((ref.kind, item_id, page.url))
        return html
    if not page.file.generated_by and page.markdown is not None:  # a hand-written page of docs/
        for problem in page_link_problems(html, page.markdown, page.file.content_string,
                                          f"{Path(config.docs_dir).name}/{src}", page.url, build.site_url,
                                          build.addresses(files)):
            log.error(str(problem))
            _page_problems.append(problem)
    search_meta = page.meta.get("search")
    if isinstance(search_meta, dict) and search_meta.get("exclude"):
        return html
    if not page.is_homepage and src != "404.md":
        build.search_pages.append(search_records.page_record(page.url, page.title or "", html))
    return html


def _start_index(config) -> Indexer:
    """Start writing the index (once per build); the site folder was cleaned before ``on_env``."""
    build = _current()
    if build.indexer is None:
        items, pages, site = list(build.search_items), list(build.search_pages), build.site
        build.indexer = Indexer(
            lambda: search_records.records_for_site(site, items) + pages, Path(config.site_dir),
            lambda: SearchExtras(SynonymTable.of(site.synonyms), search_records.answer_cards(site, items))).start()
    return build.indexer


def on_nav(nav, config, files):
    global _nav, _files
    _nav, _files = (nav, files) if _SERVING else (None, None)
    return nav


def on_env(env, config, files):
    global _env
    _env = env if _SERVING else None
    # The frame (base.html): Material's files by kind, its words looked up once, the site's strings.
    try:
        env.globals["theme_assets"] = material_assets(config.theme.dirs)
    except LookupError as exc:
        raise Abort(str(exc)) from exc
    env.globals["lang"] = ThemeWords(env, config.theme["language"])
    env.globals["SCRIPT_FEATURES"] = SCRIPT_FEATURES
    env.globals["cchc_nav"] = nav_entries
    # MkDocs makes a new environment for every build (mkdocs serve's too): no template
    # changes while this one draws the pages, so Jinja need not stat every included
    # template again for every page (a dozen a page).
    env.auto_reload = False
    if not _SERVING:
        # The content, its model and MkDocs' files and nav live until the build ends: the
        # garbage collector need not walk them again at every collection while the pages
        # are drawn (about 0.9 s of a 5,000-item build). Undone in on_post_build and
        # on_build_error, so a process that builds again (the tests) frees them as usual.
        gc.freeze()
    if _preview_problems is not None:
        env.globals["t"] = Strings({}).t  # the 404 page is still drawn, before the error page replaces it
        return env
    build = _current()
    env.globals["t"] = build.strings.t  # every template, a site's overrides too
    # sitemap.xml's <lastmod>: MkDocs writes it next, before the pages (cchc.views.lastmod).
    items, day = build.items(), build.site.build_date
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.update_date = page_lastmod(build.pages.get(file.src_uri), items, day)
    if build.later_files is not None:  # MkDocs copies the files next
        try:
            build.later_files.wait()
        except ForkedError as exc:
            log.debug(str(exc))  # the child's traceback
            raise Abort(say("reports_failed", reason=exc.last_line)) from exc
    _start_index(config)
    return env


def _add_to_toc(page, headings) -> None:
    """Put the headings a template draws into the page's table of contents (the sidebar),
    after the body's own, with an id that does not clash with the body's."""
    ids: set[str] = set()
    stack = list(page.toc)
    while stack:
        link = stack.pop()
        ids.add(link.id)
        stack.extend(link.children)
    for heading in headings:
        heading.id = unique(heading.id, ids) if heading.id in ids else heading.id
        ids.add(heading.id)
        items = page.toc.items
        while items and items[-1].level < 2:  # under a body's "# title", like Markdown would
            items = items[-1].children
        items.append(AnchorLink(html.escape(heading.title, quote=False), heading.id, 2))


def on_page_context(context, page, config, nav):
    build = _current()
    assert build.feeds is not None
    src = page.file.src_uri
    make_view = build.views.pop(src, None)
    if make_view is not None:
        view = make_view()
        _add_to_toc(page, getattr(view, "toc", ()))
        context["cchc"] = view
    ref = build.pages.get(src)
    links = build.feeds.links_for_page(src, ref)
    # A corrected news item or plan says so on its page, in the words its feed entries use.
    item = build.items().get((ref.kind, ref.item_id)) if ref and ref.item_id else None
    context["cchc_updated"] = correction_line(getattr(item, "updated", None))
    context["cchc_feeds"] = [alt for link in links for alt in link.alternates()]
    context["cchc_page_feeds"] = links  # the same feeds, for a visible "follow" line in page templates
    return context


def on_post_page(output, page, config):
    # MkDocs keeps every page until the build ends; what is written is not needed again
    # (links and anchors are checked from what MkDocs recorded while rendering).
    page.content = None
    return compact(output)


def on_post_build(config):
    gc.unfreeze()
    if _preview_problems is not None:
        write_error_site(Path(config.site_dir), _preview_problems, config.site_name)
        return
    build = _current()
    assert build.feeds is not None
    written = build.feeds.write(Path(config.site_dir))
    log.info(f"{len(written)} feed files written to {Path(config.site_dir).name}/feeds/ "
             f"({len(build.feeds.feeds)} feeds, RSS and Atom; JSON Feed for the site-wide ones)")
    indexer = _start_index(config)  # started in on_env, unless MkDocs skipped it
    try:
        stats = indexer.wait()
    except Exception as exc:  # the pagefind binary is missing, crashed or refused a record
        raise Abort(say("search_failed", reason=exc)) from exc
    log.info(f"search index: {stats.records} pages, {stats.bytes / 1024:.0f} kB, {stats.seconds:.2f} s "
             f"(written while the pages were rendered)")
    if build.later_files is not None:
        build.later_files.cleanup()
    if not _SERVING:
        return  # the web server's precompressed copies are a step of publication: cchc deploy
    if any(problem.severity == "error" for problem in _page_problems):
        # A body that a build for publication refuses: the preview shows why at every address.
        site_dir = Path(config.site_dir)
        for entry in site_dir.iterdir():
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        write_error_site(site_dir, _page_problems, config.site_name)
    elif _nav is not None and _env is not None:
        live.current = live.Served(sys.modules[__name__], config, _files, _nav, _env, build, _snapshot)


def on_build_error(error):
    """A failed build still waits for the index thread, so no Pagefind is left running."""
    gc.unfreeze()
    if _build is not None and _build.later_files is not None:
        _build.later_files.cleanup()
    if _build is not None and _build.indexer is not None:
        try:
            _build.indexer.wait()
        except Exception:  # the build already failed; its own error is the one reported
            pass


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    for folder in ("content", "hooks"):
        if (root / folder).is_dir():  # a site using another folder's hooks has no hooks/
            server.watch(str(root / folder))
    # The preview: an edit to a news item is shown page by page (``preview_update``).
    server.builder = partial(live.builder, server, builder)
    return server


# -- the preview of mkdocs serve ---------------------------------------------------------------


def _watched(config) -> list[Path]:
    """What a build reads and an editor may change: mkdocs.yml, content/, docs/, hooks/ and the
    template folders (the site's and the shipped ones, not the installed theme's)."""
    root = Path(config.config_file_path).resolve().parent
    paths = [Path(config.config_file_path).resolve(), root / "content", Path(config.docs_dir), root / "hooks"]
    docs = Path(config.docs_dir).resolve()
    for folder in map(Path, config.theme.dirs):
        if "site-packages" not in folder.parts and not folder.resolve().is_relative_to(docs):
            paths.append(folder)
    return [p for p in paths if p.exists()]


def _render(served: live.Served, src: str, out=None) -> None:
    """Render one page again as the full build did (its source and view from ``out``)."""
    file = served.files.get_file_from_path(src)
    if file is None or file.page is None:
        return
    if out is not None:
        served.build.pages[src] = out.ref
        served.build.views[src] = out.view
        file.content_string = out.file_content()
    elif file.generated_by:
        return  # a generated page with no source to render (see preview_update)
    _populate_page(file.page, served.config, served.files)
    _build_page(file.page, served.config, served.files.documentation_pages(), served.nav, served.env)


def _reload_browsers(server, new_epoch: bool) -> None:
    """Let mkdocs serve serve the files and tell the open pages to reload (its private state:
    mkdocs 1.6.1, pinned in requirements.txt)."""
    with server._epoch_cond:
        if new_epoch:
            server._wanted_epoch = _timestamp()
        server._visible_epoch = server._wanted_epoch
        server._epoch_cond.notify_all()


def preview_update(server, served: live.Served) -> bool:
    """Show an edit to news items without a full rebuild; False when one is needed.

    First the items' own pages (then the browsers reload), then the pages that link to
    them (listings, unit columns, plans citing them), the task CSVs, the feeds and the
    search index (then the browsers reload again).
    """
    build, config = served.build, served.config
    root = Path(config.config_file_path).resolve().parent
    now = snapshot(_watched(config))
    edits, reason = news_edits(root, served.snapshot, now, build.site, build.site.build_time,
                               Path(config.docs_dir))
    if edits is None:
        log.info(say("preview_full_rebuild", reason=reason))
        return False
    started = time.perf_counter()
    site_dir = Path(config.site_dir)
    known = len(_page_problems)
    for edit in edits:
        edit.apply()
        _render(served, urls.news_src(edit.item), news_page(build.index, build.config, build.strings, edit.item))
    if any(problem.severity == "error" for problem in _page_problems[known:]):
        log.info(say("preview_full_rebuild", reason=say("preview_body_errors")))
        return False
    log.info(say("preview_items_done", count=len(edits), seconds=show_seconds(time.perf_counter() - started)))
    _reload_browsers(server, new_epoch=False)
    # The pages linking to an item still link to it (its address did not change).
    shown = [path for edit in edits for path in pages_showing(site_dir, urls.item_url(edit.item))]
    output = generate(build.index, build.config, build.strings)
    by_dest = {Path(f.abs_dest_path): f.src_uri for f in served.files.documentation_pages()}
    outs = {page.src: page for page in output.pages}
    own = {urls.news_src(e.item) for e in edits}
    listed = sorted({by_dest[p] for p in shown if p in by_dest} - own)
    for src in listed:
        _render(served, src, outs.get(src))
    for download in output.all_files():
        path = site_dir / download.src
        if not path.is_file() or path.read_bytes() != download.content:
            path.write_bytes(download.content)
    build.feeds = FeedSet(build.site, build.site_url, config.site_name, build.settings.feed_length,
                          build.settings.include_children, build.config.docs_dir,
                          icon=config.theme.get("favicon"), logo=config.theme.get("logo"))
    build.feeds.write(site_dir)
    items = list(dict.fromkeys(build.search_items))
    pages = list({rec.url: rec for rec in build.search_pages}.values())
    build.search_items[:], build.search_pages[:] = items, pages
    site = build.site
    write_index(search_records.records_for_site(site, items) + pages, site_dir,
                SearchExtras(SynonymTable.of(site.synonyms), search_records.answer_cards(site, items)))
    served.snapshot = now
    log.info(say("preview_listings_done", count=len(listed), seconds=show_seconds(time.perf_counter() - started)))
    _reload_browsers(server, new_epoch=True)
    return True
