"""The words of every message an editor meets, read from ``messages.yml`` beside this module.

``problem(key, **values)`` gives a content problem's message, fix and severity;
``say(key, **values)`` the other texts of the commands, the build and the preview;
``word(key, **values)`` the pieces used inside them; ``syntax(reason, detail)`` turns what
the YAML reader says into plain words. A missing key or value raises at once (the test
suite reads every key the code uses), so a message can never print half-filled.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

MESSAGES = Path(__file__).with_name("messages.yml")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Any]:
    """The parsed ``messages.yml``."""
    return yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))


def _fill(template: str, values: dict[str, Any]) -> str:
    return template.format(**values) if values else template.replace("{{", "{").replace("}}", "}")


def problem(key: str, /, **values: Any) -> tuple[str, str, str]:
    """(message, fix, severity) of the content problem ``key``."""
    entry = catalogue()["problems"][key]
    return (_fill(entry["message"], values), _fill(entry.get("fix", ""), values),
            entry.get("severity", "error"))


def say(key: str, /, **values: Any) -> str:
    return _fill(catalogue()["text"][key], values)


def word(key: str, /, **values: Any) -> str:
    return _fill(catalogue()["words"][key], values)


def syntax(reason: str, detail: str) -> tuple[str, str]:
    """(reason, hint) in plain words for a YAML reader's ``reason``."""
    for rule in catalogue()["syntax"]:
        if rule["when"] in reason:
            return rule["reason"].format(detail=detail), rule["hint"]
    raise LookupError(reason)  # the last rule matches everything
