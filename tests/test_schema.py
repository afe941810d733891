from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import lagebild
from lagebild.schema import json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "record.schema.json"


def test_schema_committed_file_is_current() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), "regenerate: python -m lagebild.schema > docs/record.schema.json"


def test_schema_validates_a_real_analysis(homs_text: str) -> None:
    record = json.loads(lagebild.analyze(homs_text, published="2011-05-11").to_json())
    jsonschema.validate(record, json_schema())
    broken = dict(record, article={**record["article"], "id": 42})
    try:
        jsonschema.validate(broken, json_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("a wrong article id type must not validate")
