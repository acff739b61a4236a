"""What the site takes from Material: which of its files a built site publishes, the
names of its stylesheet and script, and the words of its language files.

Material copies its whole ``assets/`` folder into every site. Two parts of it are never
loaded by a page of this site, and readers never download them; they are left out of the
output (about 2.2 MB, a fifth of the site's fixed cost):

- the source maps (``*.map``: 1.3 MB), read only by a developer's browser tools, which
  find the same files in the installed mkdocs-material package;
- Material's own search (``assets/javascripts/lunr/`` and ``workers/``: 1.2 MB) when its
  search plugin is off: search is Pagefind, and ``base.html`` gives the page's
  configuration no search worker, so none is ever started.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from pathlib import Path

import jinja2

from cchc.messages import say

_SEARCH_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")

# The theme features Material's script (9.8's bundle.js) reads from the page's __config; the
# others (navigation.indexes, navigation.top, navigation.path...) act when the page is built,
# so base.html leaves them out of every page's configuration.
SCRIPT_FEATURES = frozenset({
    "announce.dismiss", "content.code.annotate", "content.code.copy", "content.code.select",
    "content.footnote.tooltips", "content.lazy", "content.tabs.link", "content.tooltips", "header.autohide",
    "navigation.instant", "navigation.instant.prefetch", "navigation.instant.preview", "navigation.tabs.sticky",
    "navigation.tracking", "search.highlight", "search.suggest", "toc.follow",
})


def unused_theme_file(src_uri: str, material_search: bool) -> bool:
    """Whether a file the theme adds to the site is never loaded by its pages."""
    if not src_uri.startswith("assets/"):
        return False
    if src_uri.endswith(".map"):
        return True
    return not material_search and src_uri.startswith(_SEARCH_FOLDERS)


_ASSET = re.compile(r"(main|palette)\.[0-9a-f]{8}\.min\.css|bundle\.[0-9a-f]{8}\.min\.js")


def material_assets(theme_dirs: Iterable[str]) -> dict[str, str]:
    """The site paths of Material's stylesheets and script, by kind ("main", "palette", "bundle").

    Their names carry a hash that changes with every Material release (Material's own
    base.html has them written in); the site's base.html asks for them by kind instead,
    so an upgrade of Material needs no change to the templates.
    """
    found: dict[str, str] = {}
    for folder in theme_dirs:
        for sub in ("assets/stylesheets", "assets/javascripts"):
            path = Path(folder) / sub
            if path.is_dir():
                for name in sorted(p.name for p in path.iterdir()):
                    if _ASSET.fullmatch(name):
                        found.setdefault(name.split(".", 1)[0], f"{sub}/{name}")
    missing = {"main", "bundle"} - set(found)
    if missing:
        names = " và ".join(f"{kind}.*.min.{'js' if kind == 'bundle' else 'css'}" for kind in sorted(missing))
        raise LookupError(say("theme_files_missing", names=names, folders=", ".join(map(str, theme_dirs))))
    return found


def nav_entries(nav) -> list[tuple[object, bool]]:
    """The nav's top entries, each with whether it is a plain link (partials/nav.html draws
    it as one ``<li><a>``): not a section, no icon, subtitle or status in its page's meta.
    Worked out once per build (the first page drawn: the pages' meta are read by then)."""
    entries = _nav_entries.get(nav)
    if entries is None:
        entries = _nav_entries[nav] = [
            (item, not (item.children or getattr(item, "typeset", None) or getattr(item, "encrypted", None)
                        or any((getattr(item, "meta", None) or {}).get(k) for k in ("icon", "subtitle", "status"))))
            for item in nav.items]
    return entries


_nav_entries: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class ThemeWords:
    """Material's words for the site's language, as ``lang.t(key)`` gives them in its templates.

    Material's base.html imports its language macros again for every page; this object
    answers the same keys from the same files (``partials/languages/<language>.html``, then
    English, then the key itself), each looked up once per build. Put into the templates'
    globals as ``lang``, so Material's own partials (the table of contents, a site's copy of
    its nav) still find it.
    """

    def __init__(self, env: jinja2.Environment, language: str) -> None:
        self._modules = [env.get_template(f"partials/languages/{name}.html").module
                         for name in dict.fromkeys((language, "en"))]
        self._words: dict[str, str] = {}

    def t(self, key: str) -> str:
        if key not in self._words:
            texts = (str(module.t(key)).strip() for module in self._modules)
            self._words[key] = next((text for text in texts if text), key)
        return self._words[key]
