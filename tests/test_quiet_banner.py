"""Material's end-of-life banner does not reach an editor's terminal (scripts/setup's .pth)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MKDOCS = Path(sys.executable).parent / "mkdocs"


def test_mkdocs_build_prints_no_banner(site_factory, tmp_path):
    site = site_factory()
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    env["CCHC_BUILD_DATE"] = "2024-06-30"
    run = subprocess.run([str(MKDOCS), "build", "-f", str(site.root / "mkdocs.yml"), "-d", str(tmp_path / "out")],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "end of life" not in run.stderr + run.stdout and "Zensical" not in run.stderr
    assert "Documentation built" in run.stderr
