"""The JSON Schemas of units.yml and topics.yml: up to date with the content, and they accept
the demo files and refuse what the loader refuses (an unknown kind, a parent that does not exist)."""

from __future__ import annotations

import json

import jsonschema
import yaml
from cchc.config import read_config
from cchc.content.loader import load_site
from cchc.editor.schema import schema_files
from conftest import REPO


def read_yaml(rel: str):
    # Plain strings everywhere, as VS Code's YAML extension reads dates and codes.
    return yaml.load((REPO / rel).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def schemas() -> dict[str, dict]:
    config = read_config(REPO)
    site = load_site(REPO, config.build_time(), config.docs_dir).site
    assert site is not None
    return {rel: json.loads(text) for rel, text in schema_files(site.units).items()}


def test_committed_schemas_are_up_to_date_and_named_by_the_files():
    config = read_config(REPO)
    site = load_site(REPO, config.build_time(), config.docs_dir).site
    for rel, text in schema_files(site.units).items():
        assert (REPO / rel).read_text(encoding="utf-8") == text, f"{rel} is stale: run cchc check"
    first = read_yaml_first_line("content/units.yml")
    assert first == "# yaml-language-server: $schema=../scripts/schemas/units.schema.json"
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./scripts/schemas/units.schema.json"] == "content/units.yml"


def read_yaml_first_line(rel: str) -> str:
    return (REPO / rel).read_text(encoding="utf-8").split("\n", 1)[0]


def test_demo_files_pass_and_mistakes_are_refused():
    found = schemas()
    units, topics = found["scripts/schemas/units.schema.json"], found["scripts/schemas/topics.schema.json"]
    jsonschema.Draft7Validator.check_schema(units)
    data = read_yaml("content/units.yml")
    jsonschema.validate(data, units)
    jsonschema.validate(read_yaml("content/topics.yml"), topics)
    assert "hp-thpt-le-quy-don" in units["definitions"]["unit_id"]["enum"]

    wrong = [dict(data["units"][1], parent="hai-phong-city"), dict(data["units"][1], kind="truong-hoc"),
             dict(data["units"][1], nam="Tên")]
    for unit in wrong:
        errors = list(jsonschema.Draft7Validator(units).iter_errors({"units": [unit]}))
        assert errors, unit
