from __future__ import annotations

import json

import pytest

import lagebild
from lagebild.errors import ConfigError, PipelineError
from lagebild.pipeline import STAGES, Pipeline


def test_pipeline_disable_skips_stages(homs_text: str) -> None:
    analyzer = lagebild.load("fast", disable=[s for s in STAGES if s != "segment"])
    assert analyzer.pipeline.stage_names == ["segment"]
    doc = analyzer.analyze(homs_text, published="2011-05-11")
    assert doc.sentences and not doc.entities and not doc.events
    assert list(doc.stages_run) == ["segment"]


def test_pipeline_unknown_mode_and_stage_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown mode"):
        lagebild.load("turbo")
    with pytest.raises(ConfigError, match="unknown stage"):
        lagebild.load(disable=["sentiment"])


def test_pipeline_reports_all_unmet_requirements_at_once() -> None:
    class Needs:
        name, requires, assigns = "needs", ("entities", "places"), ("x",)

        def __call__(self, doc):
            return doc

    with pytest.raises(PipelineError) as info:
        Pipeline(stages=[Needs()]).check()
    assert "'entities'" in str(info.value) and "'places'" in str(info.value)


def test_pipeline_to_dict_is_json_and_offsets_hold(homs_text: str) -> None:
    doc = lagebild.analyze(homs_text, published="2011-05-11")
    data = json.loads(doc.to_json())
    text = data["article"]["text"]
    assert data["schema_version"] == 1 and data["article"]["id"] == doc.article.id
    n = 0
    for layer in ("entities", "places", "spatial_claims", "times", "quantities", "quotes", "events"):
        for r in data[layer]:
            assert text[r["start"]:r["end"]] == r["text"], (layer, r)
            n += 1
    assert n > 10


def test_pipeline_refuses_to_disable_segment_and_names_what_may_be() -> None:
    """Found by a user: `--disable segment` was accepted and silently ignored (the run kept the stage)."""
    optional = "entities, places, times, quantities, quotes, events"
    with pytest.raises(ConfigError, match="segment cannot be disabled") as info:
        lagebild.load(disable=["segment", "places"])
    assert info.value.code == "E200" and info.value.message.endswith(f"stages that may be disabled: {optional}")
    with pytest.raises(ConfigError, match=f"unknown stage.*sgment; stages that may be disabled: {optional}"):
        lagebild.load(disable=["sgment"])
