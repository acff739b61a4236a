"""Site settings read from ``extra.cchc`` in mkdocs.yml, checked like MkDocs' own options."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class Settings:
    """Typed settings with their defaults; unknown keys are reported, not ignored."""

    build_date: str | None = None  # "YYYY-MM-DD": fixes "now" (overdue tasks, scheduled items)
    feed_length: int = 50  # entries per feed
    page_size: int = 20  # items per listing page
    column_page_size: int = 50  # one-line news entries a page: unit columns, topics, yearly archive
    home_news: int = 8  # latest news on the home page
    recent_days: int = 90  # "recently changed" window for procedures on the home page
    include_children: bool = True  # a unit's column and feed include its child units' items


def read_settings(raw: object) -> tuple[Settings, list[str]]:
    """Return the settings and a list of problems ("extra.cchc.x: ...")."""
    problems: list[str] = []
    if raw is None:
        return Settings(), problems
    if not isinstance(raw, dict):
        return Settings(), ["extra.cchc: expected 'key: value' settings"]
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, object] = {}
    for key, value in raw.items():
        if key not in known:
            problems.append(f"extra.cchc.{key}: unknown setting (known: {', '.join(known)})")
            continue
        default = known[key].default
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        else:
            ok = value is None or isinstance(value, str)
            value = None if value is None else str(value)
        if not ok:
            problems.append(f"extra.cchc.{key}: {value!r} is not a valid value (default: {default!r})")
            continue
        values[key] = value
    return Settings(**values), problems  # type: ignore[arg-type]
