"""Benchmark this project's build against its peers, in one run: `cchc bench`.

    .venv/bin/cchc bench --items 1000 --items 5000 --runs 3 --profile

For each N (``--items``, repeatable; default 1,000) it generates a deterministic synthetic
site of N items in this project's content format (``cchc/bench/generate.py``; checked
with ``cchc check``), writes the same news items as a mkdocs-material blog (blog + tags +
mkdocs-rss-plugin, with Material's search) and as a Hugo site, builds each once to warm up
and then ``--runs`` times from an empty output folder, interleaved (ours, blog, Hugo, ours,
...), and prints one Markdown table: median wall time, ratio to the blog peer, peak memory
of the whole process tree, output bytes and files, and the bytes a browser downloads for a
first search query (measured in headless /usr/bin/chromium by running the site's own
search JavaScript). With N = 5,000 (and 1,000) in the run it also says which targets of
issue 6 are met. ``--profile`` adds a cProfile run of our build at the largest N.

Our build is run exactly as the README says (``.venv/bin/mkdocs build --strict``), on a copy
of ``mkdocs.yml`` next to the generated ``content/`` and links to this repository's other
folders (``hooks/``, ``docs/``...), so the benchmark measures whatever the hooks do today.
The peers are installed into ``.bench/peers-venv`` (pinned in
``cchc/bench/peer_templates/peers-requirements.txt``), never into ``.venv``. Everything the
benchmark writes is under ``.bench/`` (git-ignored); the results are saved in
``.bench/results/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from cchc.bench import REPO, generate, measure, peers
from cchc.bench.report import Result, chrome_budget, table, targets, versus_baseline

PROBE = Path(generate.__file__).with_name("search_probe.py")
CHROMIUM = Path("/usr/bin/chromium")
# Top-level entries of the repository that are not linked into a generated site. Not
# scripts/: `cchc check` rewrites a site's scripts/schemas/ for its units, which would
# write the benchmark's units into the repository.
NOT_LINKED = {"content", "site", "tests", "mkdocs.yml", "scripts"}


def say(*args) -> None:
    print(*args, file=sys.stderr, flush=True)


# -- our site -----------------------------------------------------------------------------
def baseline_tree(rev: str, bench: Path) -> Path:
    """The files of this repository at commit ``rev`` (``git archive``), to build beside the working tree."""
    sha = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", rev], capture_output=True, text=True)
    if sha.returncode != 0:
        raise SystemExit(f"--baseline {rev}: not a commit of this repository ({sha.stderr.strip()})")
    tree = bench / f"baseline-{sha.stdout.strip()}"
    if not (tree / "mkdocs.yml").is_file():
        shutil.rmtree(tree, ignore_errors=True)
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", sha.stdout.strip()],
                                 capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    editor = REPO / ".editor"  # the web editor's bundle is installed by setup, not committed
    if editor.is_dir() and not (tree / ".editor").exists():
        (tree / ".editor").symlink_to(editor, target_is_directory=True)
    return tree


def prepare_ours(site: generate.SyntheticSite, root: Path, repo: Path = REPO) -> Path:
    """A folder that is ``repo`` (this repository, or a baseline commit of it) with ``content/``
    replaced by the synthetic site."""
    root.mkdir(parents=True, exist_ok=True)
    for entry in root.iterdir():
        if entry.is_symlink():
            entry.unlink()
    for entry in sorted(repo.iterdir()):
        if entry.name.startswith(".") or entry.name in NOT_LINKED:
            continue
        (root / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    shutil.copyfile(repo / "mkdocs.yml", root / "mkdocs.yml")  # a copy: its folder is the site root
    generate.write_ours(site, root, REPO)
    python = REPO / ".venv" / "bin" / "python"
    check = subprocess.run([str(python if python.exists() else sys.executable), "-m", "cchc", "check",
                            str(root), "--quiet"],
                           env={**os.environ, "CCHC_BUILD_DATE": generate.BUILD_DATE},
                           capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"cchc check refused the generated content in {root}:\n{check.stdout}{check.stderr}")
    say("  " + check.stdout.strip().splitlines()[-1])
    return root


def our_command(root: Path, out: Path) -> list[str]:
    mkdocs = REPO / ".venv" / "bin" / "mkdocs"
    if not mkdocs.exists():
        raise SystemExit("no .venv/bin/mkdocs: run scripts/setup first")
    return [str(mkdocs), "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(out)]


# -- search ---------------------------------------------------------------------------------
def probe_python(bench: Path) -> str | None:
    """A python that can import playwright: the project's .venv first, then the peers' venv."""
    for python in (REPO / ".venv" / "bin" / "python", peers.peers_python(bench)):
        if python.exists() and subprocess.run([str(python), "-c", "import playwright.sync_api"],
                                              capture_output=True).returncode == 0:
            return str(python)
    return None


def measure_search(result: Result, out: Path, engine: str, python: str | None, query: str) -> None:
    if not CHROMIUM.exists():
        result.search_note = "n/a: no /usr/bin/chromium (scripts/setup-browser)"
        return
    if python is None:
        result.search_note = "n/a: no playwright (requirements-test.txt or the peers venv)"
        return
    proc = subprocess.run([python, str(PROBE), str(out), "--engine", engine, "--query", query,
                           "--chromium", str(CHROMIUM)], capture_output=True, text=True, timeout=300)
    try:
        data = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        result.search_note = f"probe failed: {(proc.stderr or proc.stdout).strip()[-200:]}"
        return
    if data.get("bytes") is None:
        result.search_note = "n/a: " + data.get("error", "no result")
        return
    result.search_bytes = data["bytes"]
    notes = []
    if data.get("method") == "api":
        notes.append("Pagefind JS API")
    if not data.get("results"):
        notes.append("0 results shown")
    result.search_note = ", ".join(notes)
    result.search_detail = data  # type: ignore[attr-defined]


# -- profile ----------------------------------------------------------------------------------
def _where(filename: str, package_only: bool = False) -> str:
    """``markdown/htmlparser.py``, ``html/parser.py``, ``hooks/cchc/pages.py`` or ``builtins``."""
    path = Path(filename)
    if filename.startswith("~") or not path.is_absolute():
        return "builtins"
    parts = path.parts
    if "site-packages" in parts:
        rel = parts[parts.index("site-packages") + 1:]
        return rel[0].split(".")[0] if package_only else "/".join(rel)
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        pass
    try:
        rel = path.relative_to(sysconfig.get_paths()["stdlib"]).as_posix()
    except ValueError:
        rel = path.name
    return "stdlib " + (rel.split("/")[0] if package_only and "/" in rel else rel)


def profile_ours(root: Path, out: Path, prof: Path, log: Path, top: int = 25) -> str:
    """cProfile our build once; returns a Markdown summary of where the time goes."""
    cmd = our_command(root, out)
    py_cmd = [str(REPO / ".venv" / "bin" / "python"), "-m", "cProfile", "-o", str(prof), "-m", "mkdocs"] + cmd[1:]
    run = measure.run_build(py_cmd, out, env={"CCHC_BUILD_DATE": generate.BUILD_DATE}, cwd=root, log=log)
    if run.returncode != 0:
        return f"profile run failed (see {log}):\n{measure.tail(log)}"
    stats = pstats.Stats(str(prof))
    total = stats.total_tt  # type: ignore[attr-defined]
    raw = stats.stats  # type: ignore[attr-defined]
    by_package: dict[str, float] = {}
    for (filename, _, _), (_, _, tt, _, _) in raw.items():
        key = _where(filename, package_only=True)
        key = "hooks (this project)" if key.startswith("hooks/") else key
        by_package[key] = by_package.get(key, 0.0) + tt
    lines = [f"cProfile of our build ({run.wall:.1f} s wall under the profiler, {total:.1f} s profiled); "
             f"stats in {prof}", "", "Self time by package:", "",
             "| package | self time | share |", "|---|---:|---:|"]
    for key, tt in sorted(by_package.items(), key=lambda kv: -kv[1])[:12]:
        lines.append(f"| {key} | {tt:.2f} s | {100 * tt / total:.0f}% |")

    def row(func, values) -> str:
        filename, lineno, name = func
        cc, nc, tt, ct, _ = values
        return f"| `{_where(filename)}:{lineno}` `{name}` | {nc:,} | {tt:.2f} s | {ct:.2f} s |"

    header = ["| function | calls | self | cumulative |", "|---|---:|---:|---:|"]
    phases = {"build": "whole build (mkdocs.commands.build.build)",
              "_populate_page": "Markdown to HTML, all pages (_populate_page)",
              "_build_page": "page templates and writing (_build_page)",
              "_build_theme_template": "theme templates: 404, sitemap (_build_theme_template)",
              "load_config": "reading mkdocs.yml (load_config)", "get_files": "collecting docs/ (get_files)",
              "get_navigation": "navigation (get_navigation)", "run_event": "all plugin/hook events (run_event)"}
    lines += ["", "Build phases (cumulative, nested: 'all events' includes page events):", "",
              "| phase | cumulative |", "|---|---:|"]
    for name, label in phases.items():
        found = [v[3] for (f, _, fn), v in raw.items() if fn == name and "/mkdocs/" in f]
        if found:
            lines.append(f"| {label} | {max(found):.2f} s |")
    lines += ["", f"Top {top} functions by self time:", ""] + header
    for func, values in sorted(raw.items(), key=lambda kv: -kv[1][2])[:top]:
        lines.append(row(func, values))
    ours = [(f, v) for f, v in raw.items() if _where(f[0]).startswith("hooks/")]
    lines += ["", "This project's functions (hooks/) by cumulative time:", ""] + header
    for func, values in sorted(ours, key=lambda kv: -kv[1][3])[:top]:
        lines.append(row(func, values))
    return "\n".join(lines)


# -- main --------------------------------------------------------------------------------------
def head_commit() -> str:
    """The checked-out commit, read from .git without running git."""
    try:
        head = (REPO / ".git" / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head[:12]
        ref = head[5:]
        loose = REPO / ".git" / ref
        if loose.exists():
            return loose.read_text().strip()[:12]
        for line in (REPO / ".git" / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0][:12]
    except OSError:
        pass
    return "unknown"


def hooks_in_config() -> list[str]:
    hooks, inside = [], False
    for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("hooks:"):
            inside = True
        elif inside and line.strip().startswith("- "):
            hooks.append(line.strip()[2:].strip())
        elif inside and line.strip() and not line.startswith(" "):
            inside = False
    return hooks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc bench",
                                     description="Benchmark our build against the peers (issue 6).")
    parser.add_argument("--items", type=int, action="append", help="items in the synthetic site "
                        "(repeatable; default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per tool, after one warm-up (default 3)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the warm-up run (smoke tests only)")
    parser.add_argument("--skip-peers", action="store_true", help="build only this project's site")
    parser.add_argument("--peers-up-to", type=int, metavar="N", help="build the peers only at N items or fewer "
                        "(issue 15: they need not run at 20,000)")
    parser.add_argument("--baseline-up-to", type=int, metavar="N", help="build the baseline only at N items or "
                        "fewer (default: at every N)")
    parser.add_argument("--skip-search", action="store_true", help="do not measure the first search download")
    parser.add_argument("--profile", action="store_true", help="cProfile our build at the largest N")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic site (default 1)")
    parser.add_argument("--query", default="thu tuc", help="the first search query (default 'thu tuc')")
    parser.add_argument("--baseline", metavar="REV", help="also build this project at commit REV (git archive), "
                        "interleaved with the working tree, and compare the two")
    parser.add_argument("--workdir", type=Path, default=REPO / ".bench", help="work folder (default .bench/)")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.items or [1000]))
    bench = args.workdir.resolve()
    bench.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now().astimezone()
    load_before = os.getloadavg()

    peer_python = hugo = None
    versions: dict[str, str] = {}
    if not args.skip_peers:
        peer_python = peers.ensure_peers_venv(bench, say)
        hugo = peers.hugo_binary(bench)
        versions = peers.check_tools(bench)
    search_python = None if args.skip_search else probe_python(bench)
    baseline = baseline_tree(args.baseline, bench) if args.baseline else None

    results: list[Result] = []
    profile_text = ""
    env = {"CCHC_BUILD_DATE": generate.BUILD_DATE}
    for n in sizes:
        say(f"N = {n}: generating (seed {args.seed}) ...")
        site = generate.make_site(n, args.seed)
        say(f"  {site.counts()}")
        work = bench / f"n{n}"
        root = prepare_ours(site, work / "ours")
        tools: dict[str, tuple[list[str], Path, Path, Result]] = {}
        tool_env: dict[str, dict[str, str]] = {}
        n_news = sum(1 for item in site.news if not item["draft"] and item["date"] <= generate.BUILD_TIME)
        ours = Result("ours", n, n_news + len(site.procedures) + len(site.plans))
        tools["ours"] = (our_command(root, work / "ours-site"), work / "ours-site", root, ours)
        if baseline is not None and (args.baseline_up_to is None or n <= args.baseline_up_to):
            base_root = prepare_ours(site, work / "baseline", baseline)
            tools["baseline"] = (our_command(base_root, work / "baseline-site"), work / "baseline-site", base_root,
                                 Result("baseline", n, ours.pages))
            # The .venv's editable install puts this repository's hooks/ on sys.path: the
            # baseline's own cchc package must come first, or it would run today's code.
            tool_env["baseline"] = {**env, "PYTHONPATH": str(baseline / "hooks")}
        if not args.skip_peers and (args.peers_up_to is None or n <= args.peers_up_to):
            blog_root = peers.write_blog(site, work / "blog")
            hugo_root = peers.write_hugo(site, work / "hugo")
            tools["blog"] = ([str(peer_python), "-m", "mkdocs", "build", "-f", str(blog_root / "mkdocs.yml"),
                              "-d", str(work / "blog-site")], work / "blog-site", blog_root, Result("blog", n, n_news))
            tools["hugo"] = ([str(hugo), "--source", str(hugo_root), "--destination", str(work / "hugo-site"),
                              "--quiet"], work / "hugo-site", hugo_root, Result("hugo", n, n_news))
        rounds = args.runs + (0 if args.no_warmup else 1)
        for r in range(rounds):
            warm = r == 0 and not args.no_warmup
            for name, (cmd, out, cwd, result) in tools.items():
                if result.error:
                    continue
                log = work / f"{name}-build.log"
                run = measure.run_build(cmd, out, env=tool_env.get(name, env), cwd=cwd, log=log)
                label = "warm-up" if warm else f"run {r + (1 if args.no_warmup else 0)}"
                say(f"  {name:5} {label}: {run.wall:6.2f} s (CPU {run.cpu:6.2f} s), peak {run.peak_rss / 1e6:6.0f} MB"
                    + ("" if run.returncode == 0 else f"  FAILED (exit {run.returncode}, see {log})"))
                if run.returncode != 0:
                    result.error = f"exit {run.returncode}, see {log.relative_to(bench.parent)}"
                    say(measure.tail(log))
                    continue
                if not warm:
                    result.walls.append(run.wall)
                    result.cpus.append(run.cpu)
                    result.peak_rss = max(result.peak_rss, run.peak_rss)
        for name, (_, out, _, result) in tools.items():
            if result.error:
                continue
            result.out_bytes, result.out_files = measure.folder_size(out)
            result.html = measure.chrome(out)
            if args.skip_search or name in ("hugo", "baseline"):
                result.search_note = "skipped" if args.skip_search else "n/a"
                continue
            say(f"  {name}: first search query '{args.query}' in headless chromium ...")
            measure_search(result, out, "pagefind" if name == "ours" else "material", search_python, args.query)
        results += [t[3] for t in tools.values()]
        if args.profile and n == sizes[-1]:
            say(f"  profiling our build at N = {n} ...")
            profile_text = profile_ours(root, work / "ours-site-profile", bench / f"profile-n{n}.prof",
                                        work / "ours-profile.log")

    load_after = os.getloadavg()
    header = [f"Benchmark of {started:%Y-%m-%d %H:%M %z}, commit {head_commit()}, "
              f"hooks: {', '.join(hooks_in_config())}",
              f"Machine: {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, "
              f"load average {load_before[0]:.2f} before / {load_after[0]:.2f} after (shared machine: expect noise).",
              f"Synthetic site: seed {args.seed}, CCHC_BUILD_DATE={generate.BUILD_DATE}; "
              "N items = 90% news, 8% procedures, 2% plans; the peers build the same news items.",
              f"Peers: {', '.join(f'{k} {v}' for k, v in versions.items()) or 'skipped'}.",
              f"Wall: median of {args.runs} clean builds after {'no' if args.no_warmup else 'one'} warm-up; "
              f"first search: query '{args.query}', bytes served to headless chromium; "
              "output: without the .gz/.br copies for the web server.", ""]
    if baseline is not None:
        header.insert(1, f"Baseline: this project at {args.baseline} ({baseline.name}), built interleaved with the "
                      "working tree on the same generated content.")
    text = "\n".join(header) + table(results) + "\n\n" + targets(results) + "\n\n" + chrome_budget(results)
    if baseline is not None:
        text += "\n\n" + versus_baseline(results, args.baseline)
    if profile_text:
        text += "\n\n" + profile_text
    print(text)
    out_dir = bench / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = f"{started:%Y%m%d-%H%M%S}-n{'-'.join(map(str, sizes))}"
    (out_dir / f"{stamp}.md").write_text(text + "\n", encoding="utf-8")
    (out_dir / f"{stamp}.json").write_text(json.dumps(
        [{k: v for k, v in vars(r).items()} | {"wall": r.wall} for r in results], ensure_ascii=False, indent=1,
        default=str), encoding="utf-8")
    say(f"saved {out_dir / stamp}.md")
    return 1 if any(r.error for r in results) else 0

