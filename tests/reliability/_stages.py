"""Which pipeline stages can run yet (shared by the reliability tests and their conftest).

Stages are being added while these tests exist: a stage whose module is
missing, or whose model is not trained yet, is switched off rather than
failing every reliability test. Once all stages load, all of them are tested.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os

from lagebild.pipeline import STAGES, _build

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def _unusable(mode: str) -> tuple[str, ...]:
    if os.environ.get("LAGEBILD_TEST_STAGES") == "segment":
        return tuple(s for s in STAGES if s != "segment")
    out = []
    for name, target in STAGES.items():
        module = target.partition(":")[0]
        try:
            if importlib.util.find_spec(module) is None:
                out.append(name)
                continue
            _build(name, mode, {})
        except Exception as exc:  # not written or not trained yet
            log.warning("stage %s is switched off in the reliability tests: %s", name, exc)
            out.append(name)
    return tuple(out)


def missing_stages(mode: str = "fast") -> list[str]:
    """Stages to disable: not there yet, or failing to load."""
    return list(_unusable(mode))
