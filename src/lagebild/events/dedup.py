"""Event deduplication within an article and across articles.

Two mentions are the same event when they share type, source codes, target codes, place and day, and the
same factual status (a threat and an attack never merge). The merged event keeps every supporting mention
in ``Event.mentions``.

Cross-article use (store or batch runner)::

    from lagebild.events import dedup_across
    clusters = dedup_across((doc["article"]["id"], ev) for doc in store.iter_docs() for ev in doc["events"])
    # -> list of {"event_key", "event" (first mention's dict), "mentions": [{"article_id", ...}], "articles": [...]}

``dedup_across`` is pure: it takes (article_id, event) pairs, with events as :class:`Event` or as their
``to_dict()`` form, and returns new dicts without touching the input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from ..records import Event, EventMention, to_dict


def _get(ev: Any, name: str) -> Any:
    return ev.get(name) if isinstance(ev, dict) else getattr(ev, name)


def _codes(actors: list[Any]) -> str:
    out = []
    for a in actors or []:
        code = _get(a, "code")
        out.append(code or (_get(a, "text") or "").lower())
    return "+".join(sorted(out))


def event_key(ev: Event | dict[str, Any]) -> str:
    """Dedup key: sha1 over type, source codes, target codes, place, day and factual status (16 hex chars)."""
    place = _get(ev, "place")
    if place is not None:
        gid = _get(place, "geonameid")
        ploc = str(gid) if gid is not None else (_get(place, "name") or _get(place, "text") or "").lower()
    else:
        ploc = ""
    status = "".join("1" if _get(ev, f) else "0" for f in ("negated", "hypothetical", "historical"))
    raw = "|".join([_get(ev, "type") or "", _codes(_get(ev, "sources")), _codes(_get(ev, "targets")), ploc,
                    (_get(ev, "date") or "")[:10], status])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _mention(ev: Event, article_id: str | None) -> EventMention:
    return EventMention(start=ev.start, end=ev.end, text=ev.text, trigger=ev.trigger,
                        trigger_start=ev.trigger_start, trigger_end=ev.trigger_end, article_id=article_id)


def dedup_article(events: list[Event], article_id: str | None = None) -> list[Event]:
    """Merge the events of one article that share a key; the first mention represents the event."""
    by_key: dict[str, Event] = {}
    out: list[Event] = []
    for ev in events:
        key = event_key(ev)
        ev.event_key = key
        first = by_key.get(key)
        if first is None:
            ev.mentions = [_mention(ev, article_id), *ev.mentions]
            by_key[key] = ev
            out.append(ev)
            continue
        first.mentions.extend([_mention(ev, article_id), *ev.mentions])
        if first.fatalities is None or (ev.fatalities or 0) > first.fatalities:
            first.fatalities = ev.fatalities if ev.fatalities is not None else first.fatalities
        if first.confidence is not None and ev.confidence is not None:
            first.confidence = max(first.confidence, ev.confidence)
        first.reported = first.reported and ev.reported  # stated once outside a quote: not only reported
    return out


def dedup_across(pairs: Iterable[tuple[str, Event | dict[str, Any]]]) -> list[dict[str, Any]]:
    """Cluster events from many articles by :func:`event_key`; every mention is kept with its article id."""
    clusters: dict[str, dict[str, Any]] = {}
    for article_id, ev in pairs:
        d = to_dict(ev) if isinstance(ev, Event) else ev
        key = d.get("event_key") or event_key(d)
        c = clusters.get(key)
        if c is None:
            c = clusters[key] = {"event_key": key, "event": d, "mentions": [], "articles": []}
        if article_id not in c["articles"]:
            c["articles"].append(article_id)
        for m in d.get("mentions") or [{k: d[k] for k in ("start", "end", "text", "trigger", "trigger_start",
                                                          "trigger_end")}]:
            c["mentions"].append({**m, "article_id": article_id})
    return list(clusters.values())
