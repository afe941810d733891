"""Article focus: the countries and places an article is mainly about.

A place weighs more the earlier and the more often it is named; a city or region also counts for its
country. Demonyms count for their country at half weight ("russische Truppen" is about Russia, weakly).
"""

from __future__ import annotations

from typing import Any

from ..records import Place
from .gazetteer import Gazetteer


def article_focus(places: list[Place], gaz: Gazetteer | None = None, top: int = 3) -> dict[str, Any]:
    if not places:
        return {"countries": [], "places": []}
    first = min(p.start for p in places)
    last = max(p.end for p in places) or 1
    countries: dict[str, float] = {}
    spots: dict[tuple, dict[str, Any]] = {}
    for p in places:
        if p.feature_type == "fallback":
            continue
        pos = 1.0 + 0.5 * (1.0 - (p.start - first) / max(1, last - first))  # earlier mentions weigh more
        w = pos * (0.5 if p.kind != "toponym" else 1.0) * (p.confidence or 0.5 + 0.5)
        if p.country_iso3:
            countries[p.country_iso3] = countries.get(p.country_iso3, 0.0) + w
        if p.kind == "toponym" and p.feature_type not in ("country", "continent"):
            key = (p.geonameid, p.name, p.lat, p.lon)
            s = spots.setdefault(key, {"name": p.name, "geonameid": p.geonameid, "feature_type": p.feature_type,
                                       "country_iso3": p.country_iso3, "lat": p.lat, "lon": p.lon,
                                       "mentions": 0, "score": 0.0})
            s["mentions"] += 1
            s["score"] += w
    total = sum(countries.values()) or 1.0
    c_list = [{"country_iso3": c, "share": round(v / total, 3)}
              for c, v in sorted(countries.items(), key=lambda kv: -kv[1])[:top]]
    p_list = sorted(spots.values(), key=lambda s: -s["score"])[:top]
    for s in p_list:
        s["score"] = round(s["score"], 3)
    return {"countries": c_list, "places": p_list}
