"""The benchmark's Markdown table and the targets of issues 6 and 15."""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc.bench.measure import median

TOOLS = {"ours": "this project (mkdocs + hooks)", "blog": "mkdocs-material blog + tags + rss",
         "hugo": "Hugo (minimal templates)", "baseline": "this project at the baseline commit"}


@dataclass
class Result:
    tool: str  # "ours" | "blog" | "hugo" | "baseline"
    n: int  # items of the synthetic site (the peers build its news items)
    pages: int  # content items the tool built (news for the peers)
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # user + system seconds of each timed run
    peak_rss: int = 0  # bytes, max over the timed runs
    out_bytes: int = 0
    out_files: int = 0
    html: tuple[int, int, int] = (0, 0, 0)  # HTML pages, their bytes, bytes outside <article> (measure.chrome)
    search_bytes: int | None = None
    search_note: str = ""
    error: str = ""

    @property
    def wall(self) -> float | None:
        return median(self.walls) if self.walls else None

    @property
    def cpu(self) -> float | None:
        return median(self.cpus) if self.cpus else None


def _mb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 1e6:.1f} MB"


def _search(r: Result) -> str:
    if r.search_bytes is None:
        return r.search_note or "n/a"
    kb = r.search_bytes / 1e3
    text = f"{kb / 1e3:.2f} MB" if kb >= 1000 else f"{kb:.0f} kB"
    return text + (f" ({r.search_note})" if r.search_note else "")


def table(results: list[Result]) -> str:
    """One Markdown table: a row per (N, tool), times as median of the timed runs."""
    rows = ["| items | tool | built | wall (median) | runs | x blog | CPU (median) | x blog | peak memory | output "
            "| files | first search |",
            "|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    blog = {r.n: r.wall for r in results if r.tool == "blog" and r.wall}
    blog_cpu = {r.n: r.cpu for r in results if r.tool == "blog" and r.cpu}
    for r in results:
        if r.error:
            rows.append(f"| {r.n:,} | {TOOLS[r.tool]} | {r.pages:,} | failed: {r.error} | | | | | | | | |")
            continue
        ratio = f"{r.wall / blog[r.n]:.2f}x" if r.n in blog and r.wall else "n/a"
        runs = " / ".join(f"{w:.2f}" for w in r.walls)
        cpu = f"{r.cpu:.2f} s" if r.cpu is not None else "n/a"
        cpu_ratio = f"{r.cpu / blog_cpu[r.n]:.2f}x" if r.n in blog_cpu and r.cpu else "n/a"
        rows.append(f"| {r.n:,} | {TOOLS[r.tool]} | {r.pages:,} | {r.wall:.2f} s | {runs} | {ratio} | {cpu} | "
                    f"{cpu_ratio} | {_mb(r.peak_rss)} | {_mb(r.out_bytes)} | {r.out_files:,} | {_search(r)} |")
    return "\n".join(rows)


def targets(results: list[Result], n: int = 5000, base: int = 1000, large: int = 20000) -> str:
    """The targets of issue 15 (stricter than issue 6's) at ``n`` and ``large`` items, each met /
    not met / not measured, with the first search download of issue 6."""
    by = {(r.tool, r.n): r for r in results if not r.error}
    ours, blog, small, big = by.get(("ours", n)), by.get(("blog", n)), by.get(("ours", base)), by.get(("ours", large))
    if ours is None:
        return f"Targets: not measured (run with --items {base} --items {n} --items {large})."
    lines = [f"Targets (issue 15; N = {n:,} unless said):", ""]

    def line(name: str, value: str, ok: bool | None) -> None:
        verdict = "not measured" if ok is None else ("met" if ok else "NOT met")
        lines.append(f"- {name}: {value} -> **{verdict}**")

    if blog and blog.wall and ours.wall:
        ratio = ours.wall / blog.wall
        cpu = f"; CPU {ours.cpu / blog.cpu:.2f}x" if ours.cpu and blog.cpu else ""
        line("wall <= 0.25x the blog peer", f"{ratio:.2f}x ({ours.wall:.1f} s vs {blog.wall:.1f} s{cpu})",
             ratio <= 0.25)
    else:
        line("wall <= 0.25x the blog peer", "no blog peer in this run", None)
    line("peak memory <= 1 GB", _mb(ours.peak_rss), ours.peak_rss <= 1e9)
    line("output <= 100 MB", _mb(ours.out_bytes), ours.out_bytes <= 100e6)
    if big and big.wall and ours.wall:
        growth = big.wall / ours.wall
        cpu = f"; CPU {big.cpu / ours.cpu:.2f}" if big.cpu and ours.cpu else ""
        line(f"t({large:,}) / t({n:,}) <= 4.4", f"{growth:.2f} ({big.wall:.1f} s / {ours.wall:.1f} s{cpu})",
             growth <= 4.4)
        line(f"peak memory at {large:,} <= 2 GB", _mb(big.peak_rss), big.peak_rss <= 2e9)
    else:
        line(f"t({large:,}) / t({n:,}) <= 4.4", f"no N = {large:,} in this run", None)
        line(f"peak memory at {large:,} <= 2 GB", f"no N = {large:,} in this run", None)
    if small and small.wall and ours.wall:
        line(f"t({n:,}) / t({base:,}) <= 5.5 (issue 6)", f"{ours.wall / small.wall:.2f}", ours.wall / small.wall <= 5.5)
    if ours.search_bytes is None:
        line("first search download <= 1.5 MB (issue 6)", ours.search_note or "n/a", None)
    else:
        line("first search download <= 1.5 MB (issue 6)", _search(ours), ours.search_bytes <= 1.5e6)
    return "\n".join(lines)


def chrome_budget(results: list[Result]) -> str:
    """What a page costs beyond its text, per tool and N (issue 15)."""
    lines = ["Chrome per HTML page (bytes outside <article>, the same for every page of a kind):", ""]
    for r in results:
        pages, total, outside = r.html
        if pages and not r.error:
            lines.append(f"- N = {r.n:,}, {TOOLS[r.tool]}: {pages:,} pages, {total / pages / 1e3:.1f} kB a page, "
                         f"of which {outside / pages / 1e3:.1f} kB around the content "
                         f"({outside / 1e6:.1f} MB of {total / 1e6:.1f} MB)")
    return "\n".join(lines)


def versus_baseline(results: list[Result], rev: str) -> str:
    """The working tree against the baseline commit, per N: wall and peak memory ratios."""
    by = {(r.tool, r.n): r for r in results if not r.error}
    lines = [f"Working tree against {rev} (same content, same run, interleaved):", ""]
    for n in sorted({r.n for r in results}):
        ours, base = by.get(("ours", n)), by.get(("baseline", n))
        if not (ours and base and ours.wall and base.wall):
            lines.append(f"- N = {n:,}: not measured")
            continue
        cpu = (f"CPU {ours.cpu:.2f} s vs {base.cpu:.2f} s = {ours.cpu / base.cpu:.2f}x; "
               if ours.cpu and base.cpu else "")
        lines.append(f"- N = {n:,}: {cpu}wall {ours.wall:.2f} s vs {base.wall:.2f} s = {ours.wall / base.wall:.2f}x; "
                     f"peak memory {_mb(ours.peak_rss)} vs {_mb(base.peak_rss)} = "
                     f"{ours.peak_rss / base.peak_rss:.2f}x; output {_mb(ours.out_bytes)} vs {_mb(base.out_bytes)}")
    return "\n".join(lines)
