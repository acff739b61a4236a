"""JSON Schemas of ``content/units.yml`` and ``content/topics.yml``, generated from the content model.

An editor who opens these files in VS Code (with the YAML extension, through
``.vscode/settings.json`` or the ``# yaml-language-server: $schema=...`` line at the top of
each file) sees the field names with their meaning, the kinds of unit, and the ids of the
existing units completed where a unit is referred to (``parent``, ``members``,
``successor``). ``cchc check`` rewrites ``scripts/schemas/`` (when the site has that folder) after
the units have changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cchc.content.model import UNIT_KINDS, Unit

SCHEMA_DIR = "scripts/schemas"
DIALECT = "http://json-schema.org/draft-07/schema#"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _id(description: str) -> dict[str, Any]:
    return {"type": "string", "pattern": ID_PATTERN, "description": description}


def _ref(description: str) -> dict[str, Any]:
    """A reference to an existing unit: its id, completed from the list of units (with their names)."""
    return {"allOf": [{"$ref": "#/definitions/unit_id"}], "description": description}


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def units_schema(units: dict[str, Unit]) -> dict[str, Any]:
    """The schema of units.yml, with the ids of ``units`` offered wherever a unit is named."""
    kinds = list(UNIT_KINDS)
    unit = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "name"],
        "properties": {
            "id": _id("Mã đơn vị: chữ thường không dấu, số và '-', ví dụ hp-so-gddt. Không đổi sau khi đăng."),
            "name": _text("Tên đầy đủ, ví dụ: Sở Giáo dục và Đào tạo thành phố Hải Phòng"),
            "short_name": _text("Tên ngắn, ví dụ: Sở GDĐT Hải Phòng"),
            "kind": {"type": "string", "enum": kinds, "markdownEnumDescriptions": [UNIT_KINDS[k] for k in kinds],
                     "description": "Loại đơn vị"},
            "parent": _ref("Đơn vị cấp trên (mã)"),
            "hotline": _text("Đường dây nóng, trong dấu ngoặc kép: \"0225 3842 185\""),
            "hotlines": {
                "type": "array", "description": "Các đường dây nóng văn bản nêu (số, tên, nguồn)",
                "items": {"type": "object", "additionalProperties": False, "required": ["number", "label"],
                          "properties": {"number": _text("Số điện thoại, trong dấu ngoặc kép"),
                                         "label": _text("Tên đường dây, ví dụ: Đường dây nóng"),
                                         "source": _text("Văn bản nêu số này")}}},
            "email": _text("Thư điện tử"),
            "address": _text("Địa chỉ"),
            "website": _text("Trang thông tin, bắt đầu bằng https://"),
            "former_names": {
                "type": "array", "description": "Tên cũ trước khi đổi tên, cũ nhất trước",
                "items": {"type": "object", "additionalProperties": False, "required": ["name", "until"],
                          "properties": {"name": _text("Tên đầy đủ cũ"), "short_name": _text("Tên ngắn cũ"),
                                         "until": {"type": "string", "pattern": DATE_PATTERN,
                                                   "description": "Ngày cuối cùng dùng tên này (NĂM-THÁNG-NGÀY)"}}},
            },
            "ended": {
                "type": "object", "additionalProperties": False, "required": ["date", "reason"],
                "description": "Đơn vị đã sáp nhập hoặc giải thể",
                "properties": {
                    "date": {"type": "string", "pattern": DATE_PATTERN,
                             "description": "Ngày đầu tiên đơn vị không còn (NĂM-THÁNG-NGÀY)"},
                    "reason": {"type": "string", "enum": ["merged", "dissolved", "sáp nhập", "giải thể"]},
                    "successor": _ref("Đơn vị nhận lại công việc (mã)"),
                },
            },
        },
    }
    group = {
        "type": "object", "additionalProperties": False, "required": ["id", "name", "members"],
        "properties": {
            "id": _id("Mã nhóm, ví dụ hp-gddt-cac-phong-thuoc-so"),
            "name": _text("Tên nhóm, ví dụ: Các phòng thuộc Sở"),
            "members": {"type": "array", "items": _ref("Đơn vị trong nhóm (mã)"),
                        "description": "Các đơn vị trong nhóm"},
        },
    }
    ids = sorted(units)
    unit_id = {"type": "string", "enum": ids, "markdownEnumDescriptions": [units[i].name for i in ids]}
    return {"$schema": DIALECT, "title": "content/units.yml: đơn vị và nhóm đơn vị", "type": "object",
            "definitions": {"unit_id": unit_id}, "additionalProperties": False, "required": ["units"],
            "properties": {"units": {"type": "array", "items": unit, "description": "Các đơn vị"},
                           "groups": {"type": "array", "items": group,
                                      "description": "Nhóm đơn vị dùng trong bảng nhiệm vụ"}}}


def topics_schema() -> dict[str, Any]:
    topic = {"type": "object", "additionalProperties": False, "required": ["id", "name"],
             "properties": {"id": _id("Mã chủ đề, ví dụ cai-cach-the-che"), "name": _text("Tên chủ đề"),
                            "description": _text("Mô tả ngắn")}}
    return {"$schema": DIALECT, "title": "content/topics.yml: chủ đề cải cách hành chính", "type": "object",
            "additionalProperties": False, "required": ["topics"],
            "properties": {"topics": {"type": "array", "items": topic}}}


def schema_files(units: dict[str, Unit]) -> dict[str, str]:
    """``scripts/schemas/<name>.schema.json`` -> its text."""
    def dump(schema: dict[str, Any]) -> str:
        return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return {f"{SCHEMA_DIR}/units.schema.json": dump(units_schema(units)),
            f"{SCHEMA_DIR}/topics.schema.json": dump(topics_schema())}


def write_schemas(root: Path, units: dict[str, Unit]) -> list[str]:
    """Bring ``root/scripts/schemas/`` up to date, if the site has that folder; returns the files rewritten."""
    written: list[str] = []
    if not (root / SCHEMA_DIR).is_dir():
        return written
    for rel, text in schema_files(units).items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(rel)
    return written
