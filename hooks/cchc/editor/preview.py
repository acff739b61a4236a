"""The preview's error page: what ``mkdocs serve`` shows at every address while content has errors.

MkDocs' own behaviour is to stop the rebuild and leave the browser waiting ("the server
will appear stuck until build errors are resolved"). Instead, while serving, the hook
builds a site of one page, written as ``index.html`` and ``404.html`` (which MkDocs'
preview server answers for every address it has no file for). The page lists every
problem (file, line, what is wrong, how to fix it, in the words of ``messages.yml``) and
waits on the preview server's reload channel, so the browser shows the fixed page by
itself once the file is saved without errors.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from cchc.content.problems import Problem
from cchc.messages import say

PAGES = ("index.html", "404.html")

# The page's markup: preview.html beside this module, escaped by default.
_TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True,
                                keep_trailing_newline=True)


def error_page(problems: list[Problem], site_name: str = "") -> str:
    """A self-contained page (no theme, no other file) listing ``problems`` (notices left out)."""
    shown = [p for p in problems if p.severity != "notice"]
    errors = sum(1 for p in problems if p.severity == "error")
    return _TEMPLATES.get_template("preview.html").render(problems=shown, errors=errors, site_name=site_name,
                                                          say=say)


def write_error_site(site_dir: Path, problems: list[Problem], site_name: str = "") -> None:
    """Write the error page as every page the preview server can answer with."""
    page = error_page(problems, site_name)
    site_dir.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        (site_dir / name).write_text(page, encoding="utf-8")
