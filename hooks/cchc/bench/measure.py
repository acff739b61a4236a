"""Running one build in a fresh subprocess and measuring it.

Each run starts from an empty output folder (deleted before the clock starts). Wall time
is taken around the subprocess; CPU time (user + system) is what ``wait4`` reports for
the build and its waited-for children, which a loaded machine disturbs far less. Peak
memory is that of the whole process tree: the larger of (a) the sum of the resident sets
of the build and all its descendants, sampled from /proc every 20 ms (catches a Pagefind
or Hugo child running beside its parent), and (b) the largest ``ru_maxrss`` reported by
``wait4`` for the build and its waited-for children (exact for any single process, even
one too short-lived to be sampled).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    wall: float  # seconds
    peak_rss: int  # bytes, whole process tree
    returncode: int
    cpu: float = 0.0  # seconds of user + system time of the build and its waited-for children


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += _rss(current)
        stack += _children(current)
    return total


def run_build(cmd: list[str], out_dir: Path, env: dict | None = None, cwd: Path | None = None,
              log: Path | None = None) -> Run:
    """Run ``cmd`` once with ``out_dir`` emptied first; stdout and stderr go to ``log``."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    full_env = dict(os.environ)
    full_env.update(env or {})
    sink = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    peak = 0
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=sink, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if log:
            sink.close()
    return Run(wall, max(peak, usage.ru_maxrss * 1024), proc.returncode, usage.ru_utime + usage.ru_stime)


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``path`` but the precompressed copies.

    A ``<file>.gz`` or ``<file>.br`` next to its ``<file>`` is the same content for the web
    server (cchc.publish.precompress writes them, MkDocs its sitemap.xml.gz): not counted, so
    the output compares with the peers', which write none.
    """
    total = files = 0
    for base, _, names in os.walk(path):
        present = set(names)
        for name in names:
            if name.endswith((".gz", ".br")) and name[:-3] in present:
                continue
            try:
                total += os.lstat(os.path.join(base, name)).st_size
                files += 1
            except OSError:
                continue
    return total, files


def chrome(path: Path) -> tuple[int, int, int]:
    """(HTML pages, their bytes, the bytes outside each page's ``<article>``...``</article>``).

    What a page costs beyond its text: Material's head, header, nav, footer and scripts.
    Pages without an article (redirects, Hugo's minimal templates) count as all chrome.
    """
    pages = total = outside = 0
    for base, _, names in os.walk(path):
        for name in names:
            if not name.endswith(".html"):
                continue
            data = Path(base, name).read_bytes()
            start, end = data.find(b"<article"), data.rfind(b"</article>")
            pages += 1
            total += len(data)
            outside += len(data) - (end + len(b"</article>") - start if 0 <= start < end else 0)
    return pages, total, outside


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
