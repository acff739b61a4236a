"""The words readers see, in one place: ``vi.yml`` beside this module, reworded per site.

``Strings(overrides)`` holds the Vietnamese defaults of ``vi.yml`` with a site's
rewordings from ``extra.cchc.strings`` in mkdocs.yml laid over them; ``t(key, **values)``
returns one text with its ``{name}`` placeholders filled. Templates get the same ``t``
(the hook puts it into the Jinja environment), the Python side (CSV headers, page
titles) calls it directly. ``check_overrides`` reports an unknown key or a rewording
whose placeholders do not match, naming the key, the way settings are reported.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import yaml

from cchc.messages import say

STRINGS_FILE = Path(__file__).with_name("vi.yml")
SETTING = "extra.cchc.strings"


def _flatten(tree: Mapping, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = str(value)
    return out


@lru_cache(maxsize=1)
def default_words() -> dict[str, str]:
    """The defaults of ``vi.yml`` as ``{"task.status.overdue": "Quá hạn", ...}`` (read once)."""
    return _flatten(yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8")))


def _fields(text: str) -> set[str] | None:
    """The placeholder names of ``text``, or None when its braces are not valid."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def check_overrides(overrides: Mapping[str, str]) -> list[str]:
    """Problems with a site's rewordings ("extra.cchc.strings.x: ..."); an empty list when all are usable."""
    defaults = default_words()
    problems = []
    for key, text in overrides.items():
        if key not in defaults:
            close = [k for k in defaults if k.endswith("." + key)][:3] or difflib.get_close_matches(
                key, defaults, n=2, cutoff=0.85)
            hint = say("strings_did_you_mean", keys=" hoặc ".join(close)) if close else ""
            problems.append(say("strings_unknown", setting=SETTING, key=key, hint=hint, file=STRINGS_FILE.name))
            continue
        wanted, got = _fields(defaults[key]), _fields(str(text))
        if got is None or not got <= (wanted or set()):
            names = ", ".join("{" + n + "}" for n in sorted(wanted or ())) or say("strings_no_names")
            problems.append(say("strings_bad_names", setting=SETTING, key=key, text=repr(text), names=names))
    return problems


class Strings:
    """The defaults with a site's valid rewordings laid over them."""

    def __init__(self, overrides: Mapping[str, str] | None = None):
        self.words = dict(default_words())
        bad = {problem.split(":", 1)[0][len(SETTING) + 1:] for problem in check_overrides(overrides or {})}
        self.words.update({key: str(text) for key, text in (overrides or {}).items() if key not in bad})

    def t(self, key: str, **values: object) -> str:
        """The text of ``key`` with ``values`` filled in."""
        try:
            text = self.words[key]
        except KeyError:
            raise KeyError(f"no string {key!r} in {STRINGS_FILE}") from None
        return text.format(**values) if values else text

    def table(self, prefix: str) -> dict[str, str]:
        """The texts under ``prefix`` keyed by their last part: ``table("change")["new"]``."""
        start = prefix + "."
        return {key[len(start):]: text for key, text in self.words.items() if key.startswith(start)}


DEFAULT = Strings()
