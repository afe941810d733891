"""German named-entity taggers behind one interface.

``get_tagger(mode)`` returns an object with
``predict(token_lists) -> [[(start, end, label, score), ...], ...]`` where
start/end are token indices (end exclusive) and label is PER/LOC/ORG/MISC:

* ``"accurate"``: BiLSTM head over the shared e5 encoder (:mod:`.accurate`).
* ``"fast"``: static sub-word vectors + small BiLSTM (:mod:`.fast`).

Taggers are loaded once per process and shared.
"""

from __future__ import annotations

import threading
from typing import Any

from ..errors import ConfigError

_TAGGERS: dict[str, Any] = {}
_LOCK = threading.Lock()


def get_tagger(mode: str = "accurate") -> Any:
    """The process-wide tagger for ``mode`` ("fast" or "accurate")."""
    if mode not in ("fast", "accurate"):
        raise ConfigError(f"unknown NER mode {mode!r} (expected 'fast' or 'accurate')")
    tagger = _TAGGERS.get(mode)
    if tagger is None:
        with _LOCK:
            tagger = _TAGGERS.get(mode)
            if tagger is None:
                if mode == "accurate":
                    from .accurate import AccurateNER

                    tagger = AccurateNER.load()
                else:
                    from .fast import FastNER

                    tagger = FastNER.load()
                _TAGGERS[mode] = tagger
    return tagger
