"""The ``cchc`` command's subcommands, one module each (see ``cli.py``)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from cchc.config import ConfigError, SiteConfig, read_config


def open_site(root: str | Path) -> tuple[SiteConfig, datetime] | None:
    """The site's configuration (its mkdocs.yml) and the build's "now", or None after saying
    on stderr why they cannot be read; every command that works on a site starts here."""
    try:
        config = read_config(Path(root))
        return config, config.build_time()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return None
