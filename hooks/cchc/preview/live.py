"""What ``mkdocs serve`` keeps from one build to the next, for the preview.

``hooks/cchc_mkdocs.py`` is imported afresh on every full rebuild and drops the
``cchc`` modules so that an edit under ``hooks/`` takes effect; this module alone is
kept (it holds only state and the builder that ``mkdocs serve`` calls).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cchc.messages import say

log = logging.getLogger("mkdocs.plugins.cchc")


@dataclass
class Served:
    """The last full build, as MkDocs made it: what re-rendering one page needs."""

    hook: Any  # the hook module of that build (its ``preview_update``)
    config: Any  # MkDocsConfig
    files: Any  # Files
    nav: Any  # Navigation
    env: Any  # the Jinja environment
    build: Any  # cchc.build.Build
    snapshot: dict[str, tuple[int, int]]  # watched files -> (mtime_ns, size) when that build started


current: Served | None = None


def builder(server: Any, full_build: Callable[..., None], config: Any = None) -> None:
    """What ``mkdocs serve`` calls after a change: the preview when it can, else a full build."""
    served = current
    if config is None and served is not None:
        try:
            if served.hook.preview_update(server, served):
                return
        except Exception as exc:  # the full build below reports the real problem, if any
            log.warning(say("preview_failed", error=repr(exc)))
    full_build(config)
