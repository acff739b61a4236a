"""The state of one build: the validated model and settings, shared by the hook modules.

``hooks/cchc_site.py`` creates it in ``on_config``; the feed and search hooks read it
with ``current()``. It is replaced on every build (``mkdocs serve`` rebuilds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Site
from .settings import Settings


@dataclass
class Build:
    root: Path  # the folder holding mkdocs.yml and content/
    site: Site
    settings: Settings
    site_url: str  # absolute, ends with "/"
    extra: dict = field(default_factory=dict)  # per-build data other hooks may hang here


_current: Build | None = None


def start(build: Build) -> Build:
    global _current
    _current = build
    return build


def current() -> Build:
    if _current is None:
        raise RuntimeError("no build in progress: the cchc_site hook must run first (check 'hooks:' in mkdocs.yml)")
    return _current
