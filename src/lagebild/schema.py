"""JSON Schema of the analysis record, derived from the record dataclasses.

``python -m lagebild.schema > docs/record.schema.json`` regenerates the
committed file; a test keeps the two in step.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from . import records
from .doc import LAYERS, SCHEMA_VERSION

_LAYER_TYPES = {
    "entities": records.EntityMention, "places": records.Place, "spatial_claims": records.SpatialClaim,
    "times": records.TimeExpression, "quantities": records.Quantity, "quotes": records.Quote,
    "events": records.Event,
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a, defs) for a in typing.get_args(tp)]
        return {"anyOf": options}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs)}
    if origin is dict:
        return {"type": "object"}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _dataclass_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if tp in simple:
        return {"type": simple[tp]}
    return {}


def _dataclass_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props = {f.name: _type_schema(hints[f.name], defs) for f in dataclasses.fields(cls)}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": True}


def json_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    props: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "article": _type_schema(records.Article, defs),
        "sentences": {"type": "array", "items": {"type": "object", "properties": {
            "start": {"type": "integer"}, "end": {"type": "integer"}}, "required": ["start", "end"]}},
    }
    for layer in LAYERS:
        props[layer] = {"type": "array", "items": _type_schema(_LAYER_TYPES[layer], defs)}
    props["summary"] = {"type": "object"}
    props["stages"] = {"type": "object", "additionalProperties": {"type": "number"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lagebild analysis record",
        "description": "One analysed article. Every item with start/end indexes article.text: "
                       "article.text[start:end] == text.",
        "type": "object",
        "properties": props,
        "required": ["schema_version", "article", *LAYERS],
        "$defs": dict(sorted(defs.items())),
    }


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
