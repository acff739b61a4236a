"""Measure the search index: build time, bundle size and what a phone downloads for a first query.

    .venv/bin/cchc measure-search                 # the demo content in content/
    .venv/bin/cchc measure-search --items 5000    # N generated items
    .venv/bin/cchc measure-search --items 1000 --compare   # also Pagefind over HTML pages
    .venv/bin/cchc measure-search --site site/    # a site built by mkdocs (its own bundle)
    .venv/bin/cchc measure-search --build 0       # mkdocs build of the demo, then measure
    .venv/bin/cchc measure-search --build 5000    # the same for cchc bench's generated site
    .venv/bin/cchc measure-search --oracle ROOT   # bundle.py vs pagefind --service on ROOT's records

The demo mode indexes every news item, plan, procedure and unit of content/ exactly
as the cchc_search hook does after a build. The generated mode makes N items from the
demo's own vocabulary (Vietnamese with diacritics; 60% news, 25% procedures, 15%
plans). ``--compare`` also writes one Material page per item with data-pagefind-*
attributes and times Pagefind over that folder (the other way to build the index).

``--build N`` runs the real ``mkdocs build`` (the hooks, Pagefind included) on the demo
content (N = 0) or on the N-item site of cchc/bench/generate.py, and reports the
index time the cchc_search hook logs, the whole build time and the first query.

``--oracle ROOT`` indexes the content of the site ROOT (e.g. a ``cchc bench`` site) twice,
each in a process of its own: with ``bundle.py`` as the build does, and with the real
``pagefind --service`` (``search/oracle.py``); it says whether the two bundles are the
same file for file (decoded), and the wall time, CPU and peak RSS of each.

The first query is measured in Debian's headless chromium as the search box makes it:
load pagefind.js, list the filters (the box shows them), load the word list, synonyms and
answer cards (pagefind/cchc-search.pf_json), search "thu tuc hanh chinh",
load the first 10 results (their fragments also carry what rebuilds the original words),
counting the bytes of every file fetched from pagefind/.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import html
import http.server
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from cchc import urls
from cchc.bench import REPO
from cchc.config import read_config
from cchc.content.loader import load_site
from cchc.search import folding, pagefind
from cchc.search import records as search
from cchc.search.synonyms import SynonymTable

QUERY = "thu tuc hanh chinh"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def site_records(root: Path = REPO) -> tuple[list[search.SearchRecord], pagefind.SearchExtras]:
    """The records and extras the build makes from the content of ``root`` (not its hand-written pages)."""
    config = read_config(root)
    result = load_site(root, config.build_time(), config.docs_dir)
    if result.site is None:
        sys.exit(f"{root}/content has errors: run cchc check")
    site = result.site
    pages = ([("news", n.id, urls.item_url(n)) for n in site.news]
             + [("plan", p.id, urls.item_url(p)) for p in site.plans]
             + [("procedure", p.id, urls.item_url(p)) for p in site.procedures]
             + [("unit", u, urls.src_to_url(urls.unit_src(u))) for u in site.units])
    extras = pagefind.SearchExtras(SynonymTable.of(site.synonyms), search.answer_cards(site, pages))
    return search.records_for_site(site, pages), extras


def demo_records() -> list[search.SearchRecord]:
    return site_records()[0]


def _run_engine(engine: str, root: Path, out: Path) -> None:
    """One engine on the records of ``root`` (in a process of its own, for its figures): prints JSON."""
    import json
    import resource

    records, extras = site_records(root)
    started = time.perf_counter()
    if engine == "ours":
        writer_mb = pagefind.write_index(records, out, extras).writer_mb
    else:
        from cchc.search.oracle import pagefind_bundle

        writer_mb = pagefind_bundle(records, out / pagefind.OUTPUT_DIR, extras)
    wall = time.perf_counter() - started
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"records": len(records), "wall": wall, "sender_mb": me.ru_maxrss / 1024,
                      "writer_mb": writer_mb, "cpu": me.ru_utime + me.ru_stime,
                      "writer_cpu": kids.ru_utime + kids.ru_stime}))


def oracle(root: Path) -> int:
    """Both engines on the same records of the site ``root``: identical bundles?, memory and CPU."""
    import json
    import subprocess

    from cchc.search.oracle import decoded

    work = Path(tempfile.mkdtemp(prefix="cchc-search-oracle-"))
    try:
        figures = {}
        for engine in ("ours", "pagefind"):
            done = subprocess.run([sys.executable, "-m", "cchc.commands.measure_search", "--run-engine", engine,
                                   str(root), str(work / engine)], capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(done.stderr)
            figures[engine] = json.loads(done.stdout.strip().splitlines()[-1])
        ours, theirs = decoded(work / "ours" / "pagefind"), decoded(work / "pagefind" / "pagefind")
        differ = sorted(name for name in ours.keys() | theirs.keys() if ours.get(name) != theirs.get(name))
        print(f"{figures['ours']['records']} records of {root}: bundles identical: {'yes' if not differ else 'no'} "
              f"({len(ours)} files{'; differ: ' + ', '.join(differ[:5]) if differ else ''})")
        for engine, label in (("ours", "bundle.py (child process)"), ("pagefind", "pagefind --service")):
            f = figures[engine]
            print(f"  {label}: wall {f['wall']:.1f} s, CPU {f['cpu']:.1f} s sender + {f['writer_cpu']:.1f} s writer, "
                  f"peak RSS {f['writer_mb'] or 0:.0f} MB writer, {f['sender_mb']:.0f} MB sender (the records)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if not differ else 1


def generated_records(n: int, seed: int = 5) -> list[search.SearchRecord]:
    rng = random.Random(seed)
    text = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "content").rglob("*.md"))
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    units = [f"Đơn vị số {i} thành phố Hải Phòng" for i in range(40)]
    topics = ["Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy",
              "Cải cách chế độ công vụ", "Cải cách tài chính công", "Chính quyền điện tử, chính quyền số",
              "Chỉ đạo, điều hành CCHC", "Chỉ số CCHC"]
    kinds = ["news"] * 12 + ["procedure"] * 5 + ["plan"] * 3

    def sentence(k: int) -> str:
        return " ".join(rng.choice(words) for _ in range(k)).capitalize() + "."

    records = []
    for i in range(n):
        kind = rng.choice(kinds)
        year = rng.randint(2018, 2026)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        title = sentence(rng.randint(8, 16)).rstrip(".")
        body = " ".join(sentence(rng.randint(10, 25)) for _ in range(rng.randint(12, 30)))
        extra = {}
        if kind == "procedure":
            extra = {"code": f"1.{i:06d}"}
            title = "Thủ tục " + title
        elif kind == "plan":
            extra = {"number": f"{i}/KH-SGDĐT"}
        records.append(search.SearchRecord(
            url=f"{kind}/{year}/muc-{i}/", title=title, content=f"{title}\n{' '.join(extra.values())}\n{body}",
            kind=kind, unit=rng.choice(units), date=f"{day:02d}/{month:02d}/{year}",
            sort_date=f"{year}-{month:02d}-{day:02d}", topics=rng.sample(topics, rng.randint(1, 2)),
            extra_meta=extra))
    return records


def write_html_pages(records: list[search.SearchRecord], root: Path) -> None:
    """One Material-sized page per record, marked up for Pagefind over the output."""
    head = ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{t}</title>"
            "<link rel=\"stylesheet\" href=\"/assets/stylesheets/main.css\"></head><body>"
            "<header class=\"md-header\"><nav>" + "<a href=\"#\">Mục</a> " * 40 + "</nav></header>"
            "<main><article class=\"md-content\" data-pagefind-body>")
    for rec in records:
        filters = "".join(f"<span data-pagefind-filter=\"{k}\" hidden>{html.escape(v)}</span>"
                          for k, vals in rec.filters.items() for v in vals)
        meta = "".join(f"<span data-pagefind-meta=\"{k}\" hidden>{html.escape(v)}</span>"
                       for k, v in rec.meta.items() if k != "title")
        sort = f"<span data-pagefind-sort=\"date\" hidden>{rec.sort_date}</span>" if rec.sort_date else ""
        title, _, body = rec.content.partition("\n")
        page = (head.format(t=html.escape(rec.title)) + f"<h1>{html.escape(title)}</h1>{filters}{meta}{sort}"
                + "".join(f"<p>{html.escape(p)}</p>" for p in body.split(". ") if p)
                + "</article></main><footer>" + "Chân trang " * 50 + "</footer></body></html>")
        path = root / rec.url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(folding.index_form(page), encoding="utf-8")


async def _index_dir(site: Path) -> None:
    from pagefind.index import PagefindIndex

    async with PagefindIndex(config={"force_language": "vi", "output_path": str(site / "pagefind")}) as index:
        await index.add_directory(str(site))


def first_query_bytes(site: Path) -> tuple[int, int, list[str]]:
    """Bytes fetched from pagefind/ for the first query, the number of results, the files."""
    from playwright.sync_api import sync_playwright

    (site / "index.html").write_text("<!doctype html><title>measure</title>", encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context()
            fetched: list[tuple[str, int]] = []
            context.on("response", lambda r: r.ok and fetched.append((r.url, int(r.headers.get("content-length", 0)))))
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            count = page.evaluate("""async (q) => {
                const pf = await import('/pagefind/pagefind.js');
                await pf.options({baseUrl: '/'});
                await pf.filters();
                await fetch('/pagefind/cchc-search.pf_json').then(r => r.ok ? r.arrayBuffer() : null);
                const r = await pf.search(q);
                await Promise.all(r.results.slice(0, 10).map(x => x.data()));
                return r.results.length; }""", QUERY)
            entries = [(url, size) for url, size in fetched if "/pagefind/" in url]
            browser.close()
    finally:
        server.shutdown()
    return sum(size for _, size in entries), count, [name.rsplit("/pagefind/", 1)[1] for name, _ in entries]


def report(label: str, seconds: float, site: Path, verbose: bool) -> None:
    bundle = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    fetched, count, files = first_query_bytes(site)
    built = f"index built in {seconds:.2f} s; " if seconds else ""
    print(f"{label}: {built}bundle {bundle / 1024:.0f} kB; "
          f"first query '{QUERY}' ({count} results, first 10 shown): {fetched / 1024:.0f} kB in {len(files)} files")
    if verbose:
        for name in files:
            print("   ", name)


def build_and_measure(n: int, verbose: bool) -> None:
    """``mkdocs build`` of the demo (n = 0) or of a generated n-item site, then the first query."""
    import os
    import subprocess

    work = Path(tempfile.mkdtemp(prefix="cchc-search-build-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        if n:
            from cchc.bench import generate

            root = work / "src"
            generate.write_ours(generate.make_site(n, 1), root, REPO)
            shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
            for name in ("docs", "hooks"):
                (root / name).symlink_to(REPO / name)
            env["CCHC_BUILD_DATE"] = generate.BUILD_DATE
        else:
            root = REPO
        out = work / "site"
        mkdocs = Path(sys.executable).parent / "mkdocs"
        done = subprocess.run([str(mkdocs), "build", "-f", str(root / "mkdocs.yml"), "-d", str(out)],
                              env=env, capture_output=True, text=True)
        log = done.stdout + done.stderr
        if done.returncode != 0:
            sys.exit(log)
        index = re.search(r"search index: (\d+) pages, (\d+) kB, ([\d.]+) s", log)
        total = re.search(r"built in ([\d.]+) seconds", log)
        label = f"{n} generated items" if n else "demo content"
        print(f"{label}: mkdocs build {total.group(1) if total else '?'} s, of which the search index "
              f"{index.group(3)} s for {index.group(1)} pages" if index else f"{label}: no search index in the log")
        report(f"{label}, built site", 0.0, out, verbose)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc measure-search", description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=0, help="generate this many items (default: the demo content)")
    parser.add_argument("--compare", action="store_true", help="also time Pagefind over generated HTML pages")
    parser.add_argument("--site", type=Path, help="measure the first query of this built site (after mkdocs build; "
                        "the build log gives the index time)")
    parser.add_argument("--build", type=int, metavar="N", help="mkdocs build the demo (0) or an N-item generated "
                        "site with cchc.bench, then measure")
    parser.add_argument("--verbose", action="store_true", help="list the files of the first query")
    parser.add_argument("--oracle", type=Path, metavar="ROOT", help="index the content of the site ROOT with "
                        "bundle.py and with pagefind --service: identical?, peak memory and CPU of each")
    parser.add_argument("--run-engine", nargs=3, metavar=("ENGINE", "ROOT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_engine:
        engine, root, out = args.run_engine
        _run_engine(engine, Path(root), Path(out))
        return 0
    if args.oracle:
        return oracle(args.oracle)
    if args.build is not None:
        build_and_measure(args.build, args.verbose)
        return 0
    if args.site:
        work = Path(tempfile.mkdtemp(prefix="cchc-search-"))
        try:  # a copy: the measurement writes an index.html of its own
            shutil.copytree(args.site / "pagefind", work / "pagefind")
            report(f"built site {args.site}", 0.0, work, args.verbose)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    records = generated_records(args.items) if args.items else demo_records()
    label = f"{args.items} generated items" if args.items else f"demo content ({len(records)} pages)"
    work = Path(tempfile.mkdtemp(prefix="cchc-search-"))
    try:
        stats = pagefind.write_index(records, work / "records")
        report(f"{label}, Python API records", stats.seconds, work / "records", args.verbose)
        if args.compare:
            html_site = work / "html"
            write_html_pages(records, html_site)
            started = time.perf_counter()
            asyncio.run(_index_dir(html_site))
            report(f"{label}, Pagefind over HTML pages", time.perf_counter() - started, html_site, args.verbose)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0



if __name__ == "__main__":
    sys.exit(main())
