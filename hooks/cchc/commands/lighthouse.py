"""Lighthouse over one page of each type, mobile, default settings, N runs; prints a table.

    .venv/bin/cchc lighthouse                  # build the demo (mkdocs build), then measure
    .venv/bin/cchc lighthouse --site site/     # a site already built
    .venv/bin/cchc lighthouse --runs 3 --json lighthouse.json
    .venv/bin/cchc lighthouse --no-gzip        # served without compression

Lighthouse and Chromium are the pinned ones: Lighthouse from tests/browser/package-lock.json
(``scripts/setup --test`` installs it with npm ci), Debian's /usr/bin/chromium. The site is
served on 127.0.0.1 the way a production server serves it (gzip for text, the 404 page for a
missing address: cchc/bench/pagetypes.py); the pages are those of the phone browser tests.
Lighthouse runs with its defaults: mobile form factor and simulated throttling (slow 4G,
4x CPU slowdown). Runs are sequential and interleaved (run 1 of every page, then run 2, ...)
so a busy moment of the machine does not fall on one page type only.

The table gives, per page type, every run's score of each category (performance,
accessibility, best practices, SEO), the median first contentful paint, largest
contentful paint, total blocking time and layout shift, and the lowest CPU index
Lighthouse measured during the runs (its benchmarkIndex: lower on a busy machine, where
the simulated throttling makes the page look slower); below it, every audit that failed
in any run. Exit 1 when a run misses a target (performance 95, the others 100).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from cchc.bench import REPO
from cchc.bench.pagetypes import pick_pages, serve

CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = REPO / "tests" / "browser" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = (("first-contentful-paint", "FCP", 1000, "s"), ("largest-contentful-paint", "LCP", 1000, "s"),
           ("total-blocking-time", "TBT", 1, "ms"), ("cumulative-layout-shift", "CLS", 1, ""))


def run_lighthouse(url: str, status: int = 200) -> dict:
    """One Lighthouse run of ``url`` (mobile, default settings); returns its JSON report.

    ``status`` is the HTTP status the page is expected to answer with: Lighthouse refuses to
    audit a page answered with 404 unless told that this is expected (the 404 page).
    """
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} not found: run scripts/setup --test (npm ci in tests/browser)")
    with tempfile.TemporaryDirectory(prefix="cchc-lh-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run "
               f"--disable-background-networking --disable-component-update --user-data-dir={tmp}/profile"]
        if status != 200:
            cmd.append("--ignore-status-code")
        # its own process group: stopped with the browser it starts if this command is stopped
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "CHROME_PATH": CHROMIUM}, start_new_session=True)
        try:
            _, stderr = proc.communicate()
        except BaseException:
            os.killpg(proc.pid, signal.SIGTERM)
            _stop_browser(f"--user-data-dir={tmp}/profile")  # Lighthouse starts it detached
            raise
        if proc.returncode != 0 or not out.is_file():
            raise RuntimeError(f"lighthouse failed on {url}:\n{stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse error on {url}: {report['runtimeError']}")
    return report


# What Lighthouse counts against any page answered with status 404, as a missing page must be.
OWN_404 = ("seo: http-status-code", "best-practices: errors-in-console (the page's own 404 status)")


def _stop_browser(flag: str) -> None:
    """Stop the Chromium processes started with ``flag`` (this run's own profile folder)."""
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if flag in (proc / "cmdline").read_bytes().decode(errors="replace").split("\0"):
                os.kill(int(proc.name), signal.SIGTERM)
        except (OSError, ValueError):
            pass


def summarise(report: dict) -> dict:
    """Scores (0-100), metrics and the failed audits ("category: audit-id (title)") of one report."""
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    metrics = {key: report["audits"][key]["numericValue"] for key, *_ in METRICS}
    failed = set()
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1 \
                    and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
                if category == "performance" and ref.get("group") == "metrics":
                    continue
                failed.add(f"{category}: {ref['id']} ({_why(report, audit)})")
    # Lighthouse's measure of this machine's CPU speed at the time of the run: a busy machine
    # scores lower, and simulated throttling scales what it measured
    cpu = (report.get("environment") or {}).get("benchmarkIndex")
    return {"scores": scores, "metrics": metrics, "failed": sorted(failed), "cpu": cpu}


def _why(report: dict, audit: dict) -> str:
    """The audit's title; for console errors that are only the page's own 404, says so."""
    items = (audit.get("details") or {}).get("items") or []
    page = report.get("finalDisplayedUrl") or report.get("requestedUrl")
    if audit["id"] == "errors-in-console" and items and all(
            (i.get("sourceLocation") or {}).get("url") == page and "404" in i.get("description", "") for i in items):
        return "the page's own 404 status"
    return audit["title"]


def measure(site: Path, runs: int, compress: bool = True, csp: bool = True, log=print) -> list[dict]:
    """``runs`` Lighthouse runs of each picked page of ``site``; one dict per page type."""
    picks = pick_pages(site)
    results: dict[str, dict] = {p.kind: {"kind": p.kind, "path": p.path, "runs": []} for p in picks}
    with serve(site, compress, csp) as base:
        for run in range(runs):
            for pick in picks:
                summary = summarise(run_lighthouse(base + pick.path, pick.status))
                results[pick.kind]["runs"].append(summary)
                log(f"  run {run + 1}/{runs} {pick.kind:<16} /{pick.path}: "
                    + " ".join(f"{c} {summary['scores'][c]}" for c in CATEGORIES))
    return list(results.values())


def _metric(runs: list[dict], key: str, scale: float, unit: str) -> str:
    value = statistics.median(r["metrics"][key] for r in runs) / scale
    if unit == "s":
        return f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.0f} ms"
    return f"{value:.3f}"


def table(results: list[dict]) -> str:
    """The Markdown table of ``measure``'s results, then the failed audits."""
    head = ["page type", "page", "performance", "accessibility", "best practices", "SEO"]
    head += [f"{label} (median)" for _, label, *_ in METRICS] + ["CPU index (min)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * 2 + "---:|" * (len(head) - 2)]
    for page in results:
        cells = [page["kind"], f"`/{page['path']}`"]
        cells += [" ".join(str(r["scores"][c]) for r in page["runs"]) for c in CATEGORIES]
        cells += [_metric(page["runs"], key, scale, unit) for key, _, scale, unit in METRICS]
        cpus = [r["cpu"] for r in page["runs"] if r.get("cpu")]
        cells.append(f"{min(cpus):.0f}" if cpus else "")
        lines.append("| " + " | ".join(cells) + " |")
    failed = sorted({f"{page['kind']}: {audit}" for page in results for r in page["runs"] for audit in r["failed"]})
    if failed:
        lines += ["", "Failed audits (in at least one run):", ""] + [f"- {f}" for f in failed]
    return "\n".join(lines)


def misses(results: list[dict]) -> list[str]:
    """Each page type and category with a run below its target: the lowest score and in how many runs.

    The 404 page is exempt from what Lighthouse counts against any page answered with 404
    (``OWN_404``): the status of a missing page must be 404.
    """
    out = []
    for page in results:
        for c in CATEGORIES:
            low = [r for r in page["runs"] if r["scores"][c] < TARGETS[c]]
            if page["kind"] == "404":
                low = [r for r in low if c == "performance"
                       or [a for a in r["failed"] if a.startswith(f"{c}:") and not a.startswith(OWN_404)]]
            if low:
                out.append(f"{page['kind']}: {c} {min(r['scores'][c] for r in low)} < {TARGETS[c]} "
                           f"in {len(low)} of {len(page['runs'])} runs")
    return out


def build_demo(out: Path) -> Path:
    """The demo content built with the repository's mkdocs.yml into ``out``."""
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                          cwd=REPO, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{proc.stderr}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc lighthouse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the demo into a temporary folder)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page type (3)")
    parser.add_argument("--json", type=Path, help="also write every run's scores and metrics to this file")
    parser.add_argument("--no-gzip", action="store_true",
                        help="serve without compression (like python -m http.server; production servers gzip)")
    parser.add_argument("--no-csp", action="store_true",
                        help="serve without the production Content-Security-Policy (a site built before it)")
    args = parser.parse_args(argv)
    # stopped with kill: unwind, so the running Lighthouse and its browser are stopped too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="cchc-lh-site-") as tmp:
        site = args.site.resolve() if args.site else build_demo(Path(tmp) / "site")
        print(f"Lighthouse {_version()} (mobile, default settings), {args.runs} runs per page type, "
              f"{_chromium_version()}, {'no compression' if args.no_gzip else 'gzip'}"
              f"{', no CSP' if args.no_csp else ''}", file=sys.stderr)
        results = measure(site, args.runs, not args.no_gzip, not args.no_csp,
                          log=lambda line: print(line, file=sys.stderr))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results))
    missed = misses(results)
    if missed:
        print("\nBelow target (performance 95, the others 100; the 404 page's own status 404 is no fault):\n"
              + "\n".join(f"- {m}" for m in missed))
        return 1
    return 0


def _version() -> str:
    package = LIGHTHOUSE.parents[1] / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else "?"


def _chromium_version() -> str:
    proc = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return proc.stdout.strip().split(" built")[0]
