"""Which of Material's own files a built site publishes.

Material copies its whole ``assets/`` folder into every site. Two parts of it are never
loaded by a page of this site, and readers never download them; they are left out of the
output (about 2.2 MB, a fifth of the site's fixed cost):

- the source maps (``*.map``: 1.3 MB), read only by a developer's browser tools, which
  find the same files in the installed mkdocs-material package;
- Material's own search (``assets/javascripts/lunr/`` and ``workers/``: 1.2 MB) when its
  search plugin is off: search is Pagefind, and ``main.html`` sets ``"search": null`` in
  the page's configuration, so the worker is never started.
"""

from __future__ import annotations

_SEARCH_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def unused_theme_file(src_uri: str, material_search: bool) -> bool:
    """Whether a file the theme adds to the site is never loaded by its pages."""
    if not src_uri.startswith("assets/"):
        return False
    if src_uri.endswith(".map"):
        return True
    return not material_search and src_uri.startswith(_SEARCH_FOLDERS)
