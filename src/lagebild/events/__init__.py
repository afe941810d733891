"""Event coding: PLOVER/CAMEO events with actors, place, time and modality (see ``stage.py``).

Registry entry: ``lagebild.events:EventStage``. Cross-article deduplication for the store or the batch
runner: :func:`lagebild.events.dedup.dedup_across`.
"""

from .dedup import dedup_across, event_key
from .stage import EventStage

__all__ = ["EventStage", "dedup_across", "event_key"]
