"""Smoke test of the benchmark (issue 6): ``cchc bench`` still runs and prints its table.

N = 200, peers skipped, one run without warm-up, work folder in ``tmp_path``. It asserts
nothing about time, only that the synthetic site passes ``cchc check``, our build
succeeds and the table is printed. The generator is also checked for determinism.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from cchc.bench.generate import make_site, write_ours

REPO = Path(__file__).resolve().parent.parent


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for file in sorted((root / "content").rglob("*")):
        if file.is_file():
            h.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a = write_ours(make_site(120, seed=3), tmp_path / "a", REPO)
    b = write_ours(make_site(120, seed=3), tmp_path / "b", REPO)
    c = write_ours(make_site(120, seed=4), tmp_path / "c", REPO)
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)
    site = make_site(1000, seed=1)
    assert len(site.units) >= 150 and sum(u["kind"] == "school" for u in site.units) >= 50
    assert {c["change"] for p in site.procedures for c in p["history"]} == {"mới", "sửa đổi", "bãi bỏ"}
    assert sum(bool(item["tasks"]) for item in site.news) > len(site.news) // 4


def test_bench_smoke(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cchc", "bench", "--items", "200", "--skip-peers", "--runs", "1",
         "--no-warmup", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-2000:]
    assert "| items | tool |" in proc.stdout
    row = next(line for line in proc.stdout.splitlines() if line.startswith("| 200 | this project"))
    assert "failed" not in row
    assert list((tmp_path / "results").glob("*.md"))
    assert "Chrome per HTML page" in proc.stdout and "CPU (median)" in proc.stdout


def test_chrome_is_what_surrounds_the_article(tmp_path: Path) -> None:
    from cchc.bench.measure import chrome

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(b"<head>12</head><article>text</article><footer/>")
    (tmp_path / "b.html").write_bytes(b"<p>no article</p>")
    (tmp_path / "c.css").write_bytes(b"body{}")
    assert chrome(tmp_path) == (2, 47 + 17, 15 + 9 + 17)
