"""The pipeline: a list of stages you can read top to bottom.

A stage is any object with ``name``, ``requires``, ``assigns`` and
``__call__(doc) -> doc`` (optionally ``pipe(docs)`` for batching). Stages are
built lazily by import path so that switching one off also skips loading its
models. ``load()`` checks every requirement before anything runs and reports
all that are unmet at once.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .doc import Doc
from .errors import ConfigError, PipelineError

log = logging.getLogger(__name__)

MODES = ("fast", "accurate")


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


#: name -> "module:Class"; every class takes (mode: str, config: dict).
#: Order matters: later stages read what earlier ones assign.
STAGES: dict[str, str] = {
    "segment": "lagebild.segment:SegmentStage",
    "entities": "lagebild.entities:EntityStage",
    "places": "lagebild.geo.stage:PlaceStage",
    "times": "lagebild.times:TimeStage",
    "quantities": "lagebild.quantities:QuantityStage",
    "quotes": "lagebild.quotes:QuoteStage",
    "events": "lagebild.events:EventStage",
}


def _build(name: str, mode: str, config: dict[str, Any]) -> Stage:
    module_name, _, cls_name = STAGES[name].partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, cls_name)(mode=mode, config=config.get(name, {}))


@dataclass
class Pipeline:
    mode: str = "fast"
    stages: list[Stage] = field(default_factory=list)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def check(self) -> None:
        provided: set[str] = {"article"}
        missing = []
        for stage in self.stages:
            for req in stage.requires:
                if req not in provided:
                    missing.append(f"stage '{stage.name}' needs '{req}'")
            provided.update(stage.assigns)
        if missing:
            raise PipelineError("unmet requirements: " + "; ".join(missing))

    def __call__(self, doc: Doc) -> Doc:
        for stage in self.stages:
            t0 = time.perf_counter()
            doc = stage(doc)
            doc.stages_run[stage.name] = round(time.perf_counter() - t0, 6)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """Run docs through every stage in batches; stages with ``pipe`` see whole batches."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Doc]) -> list[Doc]:
        for stage in self.stages:
            t0 = time.perf_counter()
            if hasattr(stage, "pipe"):
                batch = list(stage.pipe(batch))  # type: ignore[attr-defined]
            else:
                batch = [stage(d) for d in batch]
            share = (time.perf_counter() - t0) / max(1, len(batch))
            for d in batch:
                d.stages_run[stage.name] = round(share, 6)
        return batch


#: the stage every other one builds on (tokens and sentences): it cannot be switched off
REQUIRED_STAGES = ("segment",)


def check_disable(disable: Iterable[str]) -> set[str]:
    """The stages to leave out, or a ConfigError naming the ones that may be: checked before any model loads
    (and at ``lagebild serve`` start, whose pipeline loads on the first analysis)."""
    disabled = set(disable)
    optional = ", ".join(name for name in STAGES if name not in REQUIRED_STAGES)
    unknown = disabled - set(STAGES)
    if unknown:
        raise ConfigError(f"unknown stage(s) {', '.join(sorted(unknown))}; stages that may be disabled: {optional}")
    required = disabled & set(REQUIRED_STAGES)
    if required:
        # it was dropped from the set without a word: the run went on with the stage the user switched off
        raise ConfigError(f"stage {', '.join(sorted(required))} cannot be disabled (every other stage needs its "
                          f"tokens and sentences); stages that may be disabled: {optional}")
    return disabled


def load(
    mode: str = "fast",
    *,
    disable: Iterable[str] = (),
    config: dict[str, Any] | None = None,
) -> Pipeline:
    """Build the pipeline once (models load here), reuse it for many articles.

    ``mode`` is ``fast`` (small CNN models) or ``accurate`` (shared transformer
    encoder). ``disable`` names stages to leave out; ``segment`` cannot be (see :func:`check_disable`).
    """
    if mode not in MODES:
        raise ConfigError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    disabled = check_disable(disable)
    cfg = config or {}
    stages = [_build(name, mode, cfg) for name in STAGES if name not in disabled]
    pipe = Pipeline(mode=mode, stages=stages)
    pipe.check()
    log.debug("pipeline loaded: %s", pipe.stage_names)
    return pipe
