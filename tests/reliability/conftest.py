"""Shared fixtures for the reliability tests: pipelines, time limits, provenance checks.

The tests run every stage that exists (so that they keep passing, and keep
meaning something, as stages are added); ``LAGEBILD_TEST_STAGES=segment``
restricts them to the segmenter.
"""

from __future__ import annotations

import contextlib
import dataclasses
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _stages import missing_stages  # noqa: E402

import lagebild
from lagebild.pipeline import STAGES

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"


@pytest.fixture(scope="session")
def bad_dir() -> Path:
    return BAD


@pytest.fixture(scope="session")
def full_analyzer() -> lagebild.Analyzer:
    """Every stage that exists, fast mode."""
    return lagebild.load("fast", disable=missing_stages())


@pytest.fixture(scope="session")
def segment_analyzer() -> lagebild.Analyzer:
    return lagebild.load("fast", disable=[s for s in STAGES if s != "segment"])


class TimeLimitExceeded(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def handler(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        yield
    except TimeLimitExceeded as exc:
        # raised fresh here: the interrupted frames (C extensions) can carry tracebacks pytest cannot render
        raise TimeLimitExceeded(str(exc)) from None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="session")
def limit() -> Callable[[int], Any]:
    return time_limit


def provenance_errors(doc: Any) -> list[str]:
    """Every record (and nested record) whose text differs from ``doc.text[start:end]``.

    Also checks ``X_start``/``X_end`` pairs against a field ``X`` (quote message,
    cue, speaker; quantity object; event trigger).
    """
    text = doc.text
    errors: list[str] = []

    def check(rec: Any, where: str) -> None:
        if not dataclasses.is_dataclass(rec):
            return
        d = {f.name: getattr(rec, f.name) for f in dataclasses.fields(rec)}
        if isinstance(d.get("start"), int) and isinstance(d.get("end"), int) and isinstance(d.get("text"), str):
            s, e = d["start"], d["end"]
            if not (0 <= s <= e <= len(text)) or text[s:e] != d["text"]:
                errors.append(f"{where}: [{s}:{e}] {d['text']!r} != {text[s:e]!r}")
        for name, value in d.items():
            if name.endswith("_start") and isinstance(value, int):
                base = name[: -len("_start")]
                end = d.get(base + "_end")
                inner = d.get(base)
                if isinstance(end, int) and isinstance(inner, str) and text[value:end] != inner:
                    errors.append(f"{where}.{base}: [{value}:{end}] {inner!r} != {text[value:end]!r}")
            elif dataclasses.is_dataclass(value):
                check(value, f"{where}.{name}")
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    check(v, f"{where}.{name}[{i}]")

    for layer in ("tokens", "sentences", "entities", "places", "spatial_claims", "times", "quantities", "quotes",
                  "events"):
        for i, rec in enumerate(getattr(doc, layer)):
            check(rec, f"{layer}[{i}]")
    return errors


@pytest.fixture(scope="session")
def offsets_ok() -> Callable[[Any], list[str]]:
    return provenance_errors
