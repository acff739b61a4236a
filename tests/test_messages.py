"""Every message comes from messages.yml: each key the code uses exists, each {name} is filled,
and no English is left in what an editor reads."""

from __future__ import annotations

import re
import string

from cchc import messages
from conftest import REPO

CODE = REPO / "hooks"
USES = {  # how the code names a message -> the section of messages.yml
    # the key is the string that ends the positional arguments: report(path, line, field, "key", name=...)
    "problems": re.compile(r"""(?:report|\bself\.add|\berror)\((?:[^()]|\([^()]*\))*?["']([a-z0-9_]+)["']"""
                           r"""\s*(?:,\s*[a-z_]+=|\))|messages\.problem\(\s*["']([a-z0-9_]+)["']"""),
    "text": re.compile(r"""\bsay\(\s*["']([a-z0-9_]+)["']\s*[,)]"""),
    "words": re.compile(r"""\bword\(\s*["']([a-z0-9_]+)["']\s*[,)]"""),
}


def sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in CODE.rglob("*.py"))


def test_every_key_used_in_the_code_exists():
    text = sources()
    catalogue = messages.catalogue()
    for section, pattern in USES.items():
        used = {name for found in pattern.findall(text) for name in (found if isinstance(found, tuple) else [found])
                if name}
        assert used, section
        assert used <= set(catalogue[section]), f"{section}: missing {sorted(used - set(catalogue[section]))}"
    used = {name for found in USES["problems"].findall(text) for name in found if name}
    assert used == set(catalogue["problems"]), f"unused: {sorted(set(catalogue['problems']) - used)}"


def test_placeholders_are_plain_names():
    for section in ("problems", "text", "words"):
        for key, entry in messages.catalogue()[section].items():
            for template in (entry.values() if isinstance(entry, dict) else [entry]):
                for _, name, _spec, _conv in string.Formatter().parse(str(template)):
                    assert name is None or re.fullmatch(r"[a-z_]+", name), (section, key, name)


def test_no_english_left_in_problems_commands_or_the_preview():
    """Problems.add with literal English text (the old way) is gone from the library."""
    text = sources()
    assert not re.search(r"""problems\.(?:add|warn|notice)\(""", text)
    assert not re.search(r"""\._error\(""", text)


def test_syntax_reasons_are_translated():
    reason, hint = messages.syntax("mapping values are not allowed here", "x")
    assert "dấu hai chấm" in reason and "ngoặc kép" in hint
    reason, _ = messages.syntax("something new", "detail")
    assert "detail" in reason
