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

import html
from pathlib import Path

from cchc.content.problems import Problem
from cchc.messages import say

PAGES = ("index.html", "404.html")

# MkDocs' preview server answers /livereload/<epoch>/<id> when a build newer than <epoch> is
# visible: ask once for the current one, then wait for the next and reload.
_RELOAD = """<script>
(async () => {
  let seen = 0;
  for (;;) {
    try {
      const reply = await fetch(`/livereload/${seen}/${Date.now()}`, {cache: "no-store"});
      const epoch = parseInt(await reply.text(), 10);
      if (seen && epoch > seen) { location.reload(); return; }
      seen = epoch || seen;
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
})();
</script>"""

_STYLE = """<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#fff7f6;color:#1d1d1d}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{color:#b3261e;font-size:1.6rem}
ol{padding-left:1.2rem}
li{background:#fff;border-left:.35rem solid #b3261e;margin:0 0 1rem;padding:.75rem 1rem;list-style-position:inside}
li.warning{border-color:#b26a00}
.where{font-family:ui-monospace,Consolas,monospace;font-weight:600}
.what{margin:.35rem 0}
.fix{color:#0b5b25}
</style>"""


def error_page(problems: list[Problem], site_name: str = "") -> str:
    """A self-contained page (no theme, no other file) listing ``problems``."""
    errors = [p for p in problems if p.severity == "error"]
    items = []
    for problem in problems:
        if problem.severity == "notice":
            continue
        where = f"{problem.path}, dòng {problem.line}"
        field = f" – mục <code>{html.escape(problem.field)}</code>" if problem.field else ""
        fix = (f'<div class="fix"><strong>{html.escape(say("preview_fix"))}:</strong> '
               f"{html.escape(problem.fix)}</div>") if problem.fix else ""
        label = say("preview_what") if problem.severity == "error" else say("preview_warnings")
        items.append(f'<li class="{problem.severity}"><div class="where">{html.escape(where)}{field}</div>'
                     f'<div class="what"><strong>{html.escape(label)}:</strong> {html.escape(problem.message)}</div>'
                     f"{fix}</li>")
    title = html.escape(say("preview_title"))
    name = f" – {html.escape(site_name)}" if site_name else ""
    return ("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{title}{name}</title>\n{_STYLE}\n</head>\n<body>\n<main>\n"
            f"<h1>{title}</h1>\n<p>{html.escape(say('preview_intro', count=len(errors)))}</p>\n"
            f"<ol>\n{''.join(items)}\n</ol>\n</main>\n{_RELOAD}\n</body>\n</html>\n")


def write_error_site(site_dir: Path, problems: list[Problem], site_name: str = "") -> None:
    """Write the error page as every page the preview server can answer with."""
    page = error_page(problems, site_name)
    site_dir.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        (site_dir / name).write_text(page, encoding="utf-8")
