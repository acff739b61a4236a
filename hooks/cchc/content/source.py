"""Reading content files strictly: encoding, front matter, YAML with line numbers.

PyYAML alone keeps the last of two duplicate keys and turns ``NO`` into False,
``0123`` into 83, ``12:30`` into 750 and ``1.005090`` into a float. Here YAML is only
*composed* into nodes (which keep their line and whether they were quoted); the
``Fields`` reader then converts each value to the type its field wants and reports
anything else with the file, the line and a fix.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cchc import messages
from cchc.content.problems import Problems
from cchc.content.safety import invisible_chars, make_visible
from cchc.text import VN_TZ, forbidden_chars, is_ident, looks_like_legacy_encoding, nfc

# libyaml's parser (bundled with PyYAML's wheels) composes ~20x faster; same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
_TYPE_WORDS = {  # what YAML reads an unquoted value as -> the word in messages.yml
    "tag:yaml.org,2002:bool": "kind_bool",
    "tag:yaml.org,2002:int": "kind_int",
    "tag:yaml.org,2002:float": "kind_float",
    "tag:yaml.org,2002:timestamp": "kind_date",
    NULL_TAG: "kind_null",
}


_SEPARATORS = re.compile("[\u0085\u2028\u2029]")


@dataclass
class SourceText:
    """A content file read as NFC text, or None when it cannot be read."""

    path: str
    text: str


def needs_line_checks(text: str) -> bool:
    """True when ``text`` has something the line-by-line checks of ``read_text`` report."""
    return bool(_SEPARATORS.search(text) or forbidden_chars(text) or looks_like_legacy_encoding(text)
                or not unicodedata.is_normalized("NFC", text))


def read_text(file: Path, shown: str, problems: Problems) -> SourceText | None:
    """Read ``file`` as UTF-8, check every line, and return it NFC-normalised."""
    raw = file.read_bytes()
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    raw = raw[bom:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        # The offset counts from the start of the file as saved (BOM included), as hex editors show it.
        problems.report(shown, line, "", "not_utf8", byte=f"{raw[exc.start]:02x}", offset=exc.start + bom)
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.report(shown, 1, "", "empty_file")
        return None
    if not needs_line_checks(text):  # the common case: one pass over the whole text
        return SourceText(shown, text)
    bad = False
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if _SEPARATORS.search(line):
            # YAML counts these as line breaks: left in, they shift every line number after them
            # and break the metadata; as text they are a space.
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in _SEPARATORS.findall(line)}))
            problems.report(shown, number, "", "line_separator", codes=codes)
            line = lines[number - 1] = _SEPARATORS.sub(" ", line)
        chars = forbidden_chars(line)
        if chars:
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in chars}))
            problems.report(shown, number, "", "control_char", codes=codes)
            bad = True
        if looks_like_legacy_encoding(line):
            # One rule for check, build and deploy: such text would be published garbled.
            problems.report(shown, number, "", "legacy_encoding", text=line.strip()[:60])
        if nfc(line) != line:
            problems.report(shown, number, "", "decomposed")
    if bad:
        return None
    return SourceText(shown, nfc("\n".join(lines)))


@dataclass
class FrontMatter:
    """The metadata mapping of a Markdown file and where its body starts."""

    fields: Fields
    body: str
    body_line: int


_FENCE = re.compile(r"^---[ \t]*$")


def split_front_matter(src: SourceText, problems: Problems) -> FrontMatter | None:
    """Split ``---`` metadata from the Markdown body and read the metadata strictly."""
    lines = src.text.split("\n")
    if not _FENCE.match(lines[0]):
        problems.report(src.path, 1, "", "no_front_matter")
        return None
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]) or lines[index].rstrip() == "...":
            break
    else:
        problems.report(src.path, 1, "", "front_matter_open")
        return None
    meta = "\n".join(lines[1:index])
    node = compose(meta, src.path, problems, line_offset=1)
    if node is None:
        return None
    if not isinstance(node, MappingNode):
        problems.report(src.path, 2, "", "front_matter_not_fields")
        return None
    return FrontMatter(Fields(node, src.path, problems), "\n".join(lines[index + 1:]), index + 2)


def compose(text: str, path: str, problems: Problems, line_offset: int = 0) -> Node | None:
    """Compose YAML into nodes, reporting tabs and syntax errors with their line."""
    tabbed = False
    for number, line in enumerate(text.split("\n"), start=1 + line_offset):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.report(path, number, "", "tab_indent")
            tabbed = True
    if tabbed:
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        reason, hint = messages.syntax(f"{exc.context or ''} {exc.problem or exc}", exc.problem or str(exc))
        problems.report(path, line, "", "syntax", reason=reason, hint=hint)
        return None
    except yaml.YAMLError as exc:
        reason, hint = messages.syntax(str(exc), str(exc))
        problems.report(path, 1 + line_offset, "", "syntax", reason=reason, hint=hint)
        return None
    if node is None:
        problems.report(path, 1 + line_offset, "", "metadata_empty")
        return None
    _shift_lines(node, line_offset)
    return node


def _shift_lines(node: Node, offset: int, seen: set[int] | None = None) -> None:
    """Make node line numbers 1-based and relative to the file (not the fragment)."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    node.file_line = node.start_mark.line + offset + 1  # type: ignore[attr-defined]
    if isinstance(node, MappingNode):
        for key, value in node.value:
            _shift_lines(key, offset, seen)
            _shift_lines(value, offset, seen)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            _shift_lines(item, offset, seen)


def line_of(node: Node) -> int:
    """The 1-based line of ``node`` in its file."""
    return getattr(node, "file_line", node.start_mark.line + 1)


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(\+07:00)?$")


class Fields:
    """Typed, line-aware access to one YAML mapping; every mistake goes to ``problems``.

    ``where`` prefixes field names in messages, e.g. ``tasks[3].lead``.
    """

    def __init__(self, node: MappingNode, path: str, problems: Problems, where: str = ""):
        self.node = node
        self.path = path
        self.problems = problems
        self.where = where
        self.line = line_of(node)
        self._map: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                self._report(line_of(key), "", "key_not_text")
                continue
            if key.value in self._map:
                first = line_of(self._map[key.value][0])
                self._report(line_of(key), key.value, "duplicate_key", first=first)
                continue
            self._map[key.value] = (key, value)

    # -- helpers ---------------------------------------------------------------
    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _report(self, line: int, fld: str, problem: str, /, **values: Any) -> None:
        """Report the problem ``problem`` (a key of messages.yml) about the field ``fld``."""
        self.problems.report(self.path, line, self.name(fld) if fld else self.where, problem, **values)

    def has(self, key: str) -> bool:
        return key in self._map and self._map[key][1].tag != NULL_TAG

    def line_of(self, key: str) -> int:
        return line_of(self._map[key][1]) if key in self._map else self.line

    def check_known(self, allowed: set[str]) -> None:
        """Report fields this content type does not have (usually a typo)."""
        for key, (knode, _) in self._map.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = (messages.word("did_you_mean", value=close[0]) if close
                        else messages.word("known_fields", values=", ".join(sorted(allowed))))
                self._report(line_of(knode), key, "unknown_field", key=key, hint=hint)

    def _value(self, key: str, required: bool, example: str) -> Node | None:
        if not self.has(key):
            if required:
                self._report(self.line_of(key), key, "required", key=key, example=example)
            return None
        return self._map[key][1]

    def _scalar_text(self, node: Node, key: str, example: str) -> str | None:
        if not isinstance(node, ScalarNode):
            self._report(line_of(node), key, "not_single", key=key, example=example)
            return None
        if node.tag != STR_TAG and not node.style:  # plain (unquoted): None, or '' from libyaml
            kind = messages.word(_TYPE_WORDS.get(node.tag, "kind_other"))
            self._report(line_of(node), key, "not_text", value=node.value, kind=kind, key=key.split(".")[-1])
            return None
        value = node.value.strip()
        found = invisible_chars(value)
        if found:
            return self._visible(node, key, value, found)
        return value

    def _visible(self, node: ScalarNode, key: str, value: str, found: list) -> str | None:
        """``value`` with its invisible characters made visible or removed (reported once per
        value as a notice), or None when one changes how text reads (reported as an error)."""
        reported = getattr(node, "invisible_reported", False)
        node.invisible_reported = True  # type: ignore[attr-defined]
        names = ", ".join(f"{c.code} ({c.name})" for c in found)
        if any(c.kind == "control" for c in found):
            if not reported:
                self._report(line_of(node), key, "invisible_control", names=names)
            return None
        if not reported:
            self._report(line_of(node), key, "invisible_replaced", names=names)
        return make_visible(value)

    # -- typed readers ---------------------------------------------------------
    def text(self, key: str, required: bool = False, example: str = "...") -> str | None:
        node = self._value(key, required, example)
        if node is None:
            return None
        value = self._scalar_text(node, key, example)
        if value == "" and required:
            self._report(line_of(node), key, "required", key=key, example=example)
            return None
        return value

    def ident(self, key: str, required: bool = False, example: str = "ten-khong-dau") -> str | None:
        value = self.text(key, required, example)
        if value is not None and not is_ident(value):
            from cchc.text import slugify
            self._report(self.line_of(key), key, "bad_id", value=value, example=slugify(value) or example)
            return None
        return value

    def choice(self, key: str, choices: dict[str, str], required: bool = False) -> str | None:
        """Read one of ``choices`` (editor word -> internal value)."""
        example = next(iter(choices))
        value = self.text(key, required, example)
        if value is None:
            return None
        lowered = value.lower()
        if lowered not in choices:
            self._report(self.line_of(key), key, "bad_choice", value=value,
                         choices=", ".join(dict.fromkeys(choices)))
            return None
        return choices[lowered]

    def boolean(self, key: str, default: bool = False) -> bool:
        node = self._value(key, False, "false")
        if node is None:
            return default
        if isinstance(node, ScalarNode) and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        self._report(line_of(node), key, "bad_bool", value=getattr(node, "value", "..."), key=key)
        return default

    def date(self, key: str, required: bool = False) -> date | None:
        node = self._value(key, required, "2024-03-05")
        if node is None:
            return None
        raw = node.value.strip() if isinstance(node, ScalarNode) else ""
        match = _DATE.match(raw)
        if not match:
            self._report(line_of(node), key, "bad_date", value=raw, example=_suggest_iso(raw) or "2024-03-05")
            return None
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            self._report(line_of(node), key, "unreal_date", value=raw)
            return None

    def doc_date(self, key: str, required: bool = False) -> date | None:
        """Read a date as precise as a document gives it: ``2023-02-24``, ``2023-02`` or ``2023``.

        ``2023-02`` is a document dated "ngày ... tháng 02 năm 2023" (day left blank);
        it becomes a ``DocDate`` that is shown "tháng 2/2023", never a made-up day.
        """
        from cchc.content.model import DocDate

        node = self._value(key, required, "2024-03-05")
        if node is None:
            return None
        raw = node.value.strip() if isinstance(node, ScalarNode) else ""
        partial = re.match(r"^(\d{4})(?:-(\d{2}))?$", raw)
        if not partial:
            return self.date(key, required)
        year, month = int(partial[1]), int(partial[2] or 1)
        if not 1 <= month <= 12:
            self._report(line_of(node), key, "bad_month", value=raw)
            return None
        return DocDate(year, month, 1, "month" if partial[2] else "year")

    def datetime(self, key: str, required: bool = False) -> datetime | None:
        """Read ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` as a Vietnam-time datetime."""
        node = self._value(key, required, "2024-03-05 08:30")
        if node is None:
            return None
        raw = node.value.strip() if isinstance(node, ScalarNode) else ""
        match = _DATETIME.match(raw) or _DATE.match(raw)
        if not match:
            self._report(line_of(node), key, "bad_datetime", value=raw,
                         example=_suggest_iso(raw) or "2024-03-05 08:30")
            return None
        parts = [int(p) for p in match.groups()[:6] if p and not p.startswith("+")]
        parts += [0] * (6 - len(parts))
        try:
            return datetime(*parts, tzinfo=VN_TZ)  # type: ignore[misc]
        except ValueError:
            self._report(line_of(node), key, "unreal_datetime", value=raw)
            return None

    def _sequence(self, key: str, required: bool, example: str) -> list[Node]:
        node = self._value(key, required, example)
        if node is None:
            return []
        if isinstance(node, SequenceNode):
            return list(node.value)
        self._report(line_of(node), key, "not_list", key=key, example=example)
        return []

    def text_list(self, key: str, required: bool = False, example: str = "[...]") -> list[tuple[str, int]]:
        """Read a list of text values, each with its line."""
        out = []
        for item in self._sequence(key, required, example):
            value = self._scalar_text(item, key, example)
            if value:
                out.append((value, line_of(item)))
        return out

    def ident_list(self, key: str, required: bool = False, example: str = "[id-1, id-2]") -> list[tuple[str, int]]:
        out = []
        for value, line in self.text_list(key, required, example):
            if is_ident(value):
                out.append((value, line))
            else:
                self._report(line, key, "not_an_id", value=value)
        return out

    def mapping(self, key: str, required: bool = False, example: str = "{...}") -> Fields | None:
        node = self._value(key, required, example)
        if node is None:
            return None
        if not isinstance(node, MappingNode):
            self._report(line_of(node), key, "not_fields", key=key, example=example)
            return None
        return Fields(node, self.path, self.problems, self.name(key))

    def mappings(self, key: str, required: bool = False, example: str = "...") -> list[Fields]:
        """Read a list of mappings (``- id: ...`` entries)."""
        out = []
        for index, item in enumerate(self._sequence(key, required, example), start=1):
            if isinstance(item, MappingNode):
                out.append(Fields(item, self.path, self.problems, f"{self.name(key)}[{index}]"))
            else:
                self._report(line_of(item), f"{key}[{index}]", "entry_not_fields")
        return out


def _suggest_iso(raw: str) -> str:
    """Turn ``05/03/2024`` into ``2024-03-05`` for the fix hint."""
    match = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$", raw)
    if match:
        return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}{match[4]}"
    return ""


def load_yaml_file(file: Path, shown: str, problems: Problems) -> Fields | None:
    """Read a whole YAML data file (units.yml, topics.yml) as a top-level mapping."""
    src = read_text(file, shown, problems)
    if src is None:
        return None
    node = compose(src.text, shown, problems)
    if node is None:
        return None
    if not isinstance(node, MappingNode):
        problems.report(shown, 1, "", "file_not_fields")
        return None
    return Fields(node, shown, problems)


__all__: list[Any] = ["Fields", "FrontMatter", "SourceText", "load_yaml_file", "read_text", "split_front_matter"]
