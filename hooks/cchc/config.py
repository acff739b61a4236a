"""The site's configuration, read once from mkdocs.yml for the build and for every command.

``site_config(raw, config_file)`` turns the keys this project uses (``site_name``,
``site_url``, ``docs_dir``, ``nav`` and the settings under ``extra.cchc``) into one typed
``SiteConfig``. The MkDocs hook passes MkDocs' own loaded config; ``cchc check``, ``new``,
``deploy`` and the rest call ``read_config(root)``, which reads the same mkdocs.yml, so
every entry point honours ``build_date``, ``docs_dir`` and ``site_url`` the same way.
Settings are checked like MkDocs' own options: unknown keys and wrong types are reported.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from cchc.messages import say
from cchc.strings import check_overrides
from cchc.text import VN_TZ

BUILD_DATE_ENV = "CCHC_BUILD_DATE"
CONFIG_FILE = "mkdocs.yml"

# The nav sections when mkdocs.yml has none: (title, page). A site's own `nav:` replaces it.
DEFAULT_SECTIONS: list[tuple[str, str]] = [
    ("Trang chủ", "index.md"),
    ("Tin tức", "tin-tuc/index.md"),
    ("Kế hoạch", "ke-hoach/index.md"),
    ("Nhiệm vụ", "nhiem-vu/index.md"),
    ("Thủ tục hành chính", "thu-tuc/index.md"),
    ("Đơn vị", "don-vi/index.md"),
    ("Chủ đề", "chu-de/index.md"),
    ("Lưu trữ", "luu-tru/index.md"),
]


@dataclass
class Settings:
    """Typed settings under ``extra.cchc`` with their defaults; unknown keys are reported, not ignored."""

    build_date: str | None = None  # "YYYY-MM-DD": fixes "now" (overdue tasks, scheduled items)
    feed_length: int = 50  # entries per feed
    page_size: int = 20  # items per listing page
    column_page_size: int = 50  # one-line news entries a page: unit columns, topics, yearly archive
    home_news: int = 8  # latest news on the home page
    recent_days: int = 90  # "recently changed" window for procedures on the home page
    include_children: bool = True  # a unit's column and feed include its child units' items
    strings: dict[str, str] = field(default_factory=dict)  # rewordings of the words readers see
    editor: dict[str, str] = field(default_factory=dict)  # the web editor's git server (backend, repo, base_url...)


class ConfigError(ValueError):
    """mkdocs.yml cannot be used (missing, unreadable, or a value the site cannot work with)."""


@dataclass
class SiteConfig:
    """What the library needs from mkdocs.yml, typed."""

    root: Path  # the folder holding mkdocs.yml and content/
    site_name: str
    site_url: str  # absolute, ends with "/"
    docs_dir: Path
    settings: Settings
    sections: list[tuple[str, str]]  # the nav: (title, page src), the home page first
    problems: list[str] = field(default_factory=list)  # settings that were ignored, with the reason

    def build_time(self) -> datetime:
        """The build's "now" (``CCHC_BUILD_DATE``, else ``build_date``, else the clock)."""
        return build_time_from(self.settings.build_date)


def read_settings(raw: object) -> tuple[Settings, list[str]]:
    """Return the settings and a list of problems ("extra.cchc.x: ...")."""
    problems: list[str] = []
    if raw is None:
        return Settings(), problems
    if not isinstance(raw, Mapping):
        return Settings(), [say("config_settings_not_fields")]
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, object] = {}
    for key, value in raw.items():
        if key not in known:
            problems.append(say("config_unknown_setting", key=key, known=", ".join(known)))
            continue
        default = getattr(Settings(), key)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        elif isinstance(default, dict):
            ok = isinstance(value, Mapping) and all(isinstance(k, str) and isinstance(v, str)
                                                    for k, v in value.items())
            value = dict(value) if ok else value
        else:  # text; YAML reads an unquoted build_date as a date: take it as written
            if isinstance(value, datetime):
                value = value.strftime("%Y-%m-%d %H:%M")
            elif isinstance(value, date):
                value = value.isoformat()
            ok = value is None or isinstance(value, str)
        if not ok:
            problems.append(say("config_bad_setting", key=key, value=repr(value), default=repr(default)))
            continue
        values[key] = value
    return Settings(**values), problems  # type: ignore[arg-type]


def build_time_from(setting: str | None = None) -> datetime:
    """The moment the build is "now": ``CCHC_BUILD_DATE``, else ``setting``, else now.

    Fixing it makes builds reproducible (overdue tasks, scheduled items).
    """
    raw = os.environ.get(BUILD_DATE_ENV) or setting
    if not raw:
        return datetime.now(VN_TZ).replace(microsecond=0)
    raw = str(raw).strip()
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, pattern).replace(tzinfo=VN_TZ)
        except ValueError:
            continue
    raise ConfigError(say("config_bad_build_date", name=BUILD_DATE_ENV, value=repr(raw)))


def check_site_url(site_url: str | None) -> str:
    """Return ``site_url`` ending with "/", or raise ``ConfigError`` saying how to fix it."""
    if not site_url:
        raise ConfigError(say("config_no_site_url"))
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(say("config_bad_site_url", value=repr(site_url)))
    return site_url if site_url.endswith("/") else site_url + "/"


def nav_sections(nav: object) -> list[tuple[str, str]]:
    """The (title, page) sections of a ``nav:`` of one level, or the defaults when there is none."""
    if not nav:
        return list(DEFAULT_SECTIONS)
    sections = []
    for entry in nav if isinstance(nav, list) else []:
        if isinstance(entry, Mapping):
            for title, target in entry.items():
                if isinstance(target, str):
                    sections.append((str(title), target))
        elif isinstance(entry, str):
            sections.append((entry, entry))
    return sections or list(DEFAULT_SECTIONS)


def site_config(raw: Mapping, config_file: Path) -> SiteConfig:
    """A ``SiteConfig`` from mkdocs.yml's keys (MkDocs' loaded config or the plain YAML)."""
    root = Path(config_file).resolve().parent
    extra = raw.get("extra") or {}
    settings, problems = read_settings(extra.get("cchc") if isinstance(extra, Mapping) else None)
    problems += check_overrides(settings.strings)
    docs_dir = Path(raw.get("docs_dir") or "docs")
    if not docs_dir.is_absolute():
        docs_dir = root / docs_dir
    return SiteConfig(root=root, site_name=str(raw.get("site_name") or ""),
                      site_url=check_site_url(raw.get("site_url")), docs_dir=docs_dir, settings=settings,
                      sections=nav_sections(raw.get("nav")), problems=problems)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml like MkDocs for the keys used here; other tags (``!ENV``, ``!!python/name``) give None."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_constructor("!ENV", lambda loader, node: _env(loader, node))


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """MkDocs' ``!ENV VAR`` / ``!ENV [VAR, default]``."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return default


def read_config(root: Path | str = ".") -> SiteConfig:
    """Read ``root/mkdocs.yml`` (or the file ``root`` names) for a command."""
    path = Path(root)
    if path.is_dir():
        path = path / CONFIG_FILE
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except OSError as exc:
        raise ConfigError(say("config_unreadable", path=path, reason=exc.strerror)) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(say("config_syntax", path=path, reason=exc)) from exc
    if not isinstance(raw, Mapping):
        raise ConfigError(say("config_not_fields", path=path))
    return site_config(raw, path)
