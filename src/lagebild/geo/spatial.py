"""Spatial claims: "etwa 30 Kilometer nördlich von Kiew", "die rund 200 Kilometer entfernte Stadt X".

A claim gives a distance (and maybe a compass direction) between a subject place and an anchor place. With
both resolved, the stage computes the great-circle distance and the initial bearing and says whether the
claim holds: the distance within a tolerance that depends on the qualifier ("etwa": 25 % or 10 km;
plain number: 15 % or 5 km; "mehr als"/"weniger als": one-sided), the direction within 45° of the stated
compass point (67.5° for the four main ones, which news use loosely).
"""

from __future__ import annotations

import math
import re

from ..doc import Doc
from ..records import Place, SpatialClaim
from .gazetteer import Gazetteer
from .resolver import haversine_km

_NUM_WORDS = {"ein": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
              "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20,
              "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "einhundert": 100, "zweihundert": 200,
              "dreihundert": 300, "tausend": 1000, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}
_QUAL = {"etwa": "about", "rund": "about", "ca.": "about", "circa": "about", "zirka": "about", "ungefähr": "about",
         "gut": "more_than", "mehr als": "more_than", "über": "more_than", "knapp": "less_than", "fast": "less_than",
         "weniger als": "less_than", "nur": "exactly", "about": "about", "around": "about", "some": "about",
         "roughly": "about", "approximately": "about", "nearly": "less_than", "almost": "less_than",
         "more than": "more_than", "over": "more_than", "less than": "less_than"}
_DIRS = {"nördlich": "N", "südlich": "S", "östlich": "E", "westlich": "W", "nordöstlich": "NE",
         "nordwestlich": "NW", "südöstlich": "SE", "südwestlich": "SW", "north": "N", "south": "S", "east": "E",
         "west": "W", "northeast": "NE", "northwest": "NW", "southeast": "SE", "southwest": "SW",
         "north-east": "NE", "north-west": "NW", "south-east": "SE", "south-west": "SW"}
_BEARING = {"N": 0, "NE": 45, "E": 90, "SE": 135, "S": 180, "SW": 225, "W": 270, "NW": 315}

_num = r"(?P<num>\d{1,3}(?:[.,]\d{3})*(?:,\d+)?|\d+(?:\.\d+)?|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + ")"
_qual = r"(?:(?P<qual>" + "|".join(re.escape(q) for q in sorted(_QUAL, key=len, reverse=True)) + r")\s+)?"
_unit = r"\s*(?P<unit>Kilometern?|km|Meilen|miles?|kilomet(?:re|er)s?|Meter|m)\b"
_dir = r"(?P<dir>" + "|".join(sorted(_DIRS, key=len, reverse=True)) + ")"
#: "30 Kilometer nördlich von Kiew" / "30 km north of Kyiv"
CLAIM_DIR = re.compile(r"\b" + _qual + _num + _unit + r"\s+" + _dir + r"(?:\s+(?:von|vom|der|des|of|from))?\s+",
                       re.I)
#: "200 Kilometer von Kiew entfernt" / "die rund 200 Kilometer entfernte Stadt"
CLAIM_AWAY = re.compile(r"\b" + _qual + _num + _unit + r"(?P<rest>\s+(?:(?:von|vom)\s+[^,.;]{1,40}?\s+)?"
                        r"(?:entfernt(?:e[nmrs]?)?|away|from))\b", re.I)


def _value(num: str) -> float | None:
    n = num.lower()
    if n in _NUM_WORDS:
        return float(_NUM_WORDS[n])
    n = n.replace(".", "").replace(",", ".") if re.search(r"\d[.]\d{3}", n) else n.replace(",", ".")
    try:
        return float(n)
    except ValueError:
        return None


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial great-circle bearing from point 1 to point 2, degrees clockwise from north."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def compass(bearing: float) -> str:
    return ("N", "NE", "E", "SE", "S", "SW", "W", "NW")[int(((bearing + 22.5) % 360) // 45)]


def check(claimed_km: float, qualifier: str | None, direction: str | None, subject: Place, anchor: Place
          ) -> tuple[float, float, str, float, bool]:
    """(computed km, bearing anchor->subject, its compass point, tolerance km, holds)."""
    km = haversine_km(anchor.lat, anchor.lon, subject.lat, subject.lon)  # type: ignore[arg-type]
    b = bearing_deg(anchor.lat, anchor.lon, subject.lat, subject.lon)  # type: ignore[arg-type]
    if qualifier == "about":
        tol = max(10.0, 0.25 * claimed_km)
    else:
        tol = max(5.0, 0.15 * claimed_km)
    if qualifier == "more_than":
        ok = km >= claimed_km - tol
    elif qualifier == "less_than":
        ok = km <= claimed_km + tol
    else:
        ok = abs(km - claimed_km) <= tol
    # places given as areas (regions, countries) cannot be checked to a few kilometres
    if direction:
        diff = abs((b - _BEARING[direction] + 180) % 360 - 180)
        ok = ok and diff <= (67.5 if len(direction) == 1 else 45.0)
    return round(km, 1), round(b, 1), compass(b), round(tol, 1), ok


def _point(p: Place) -> bool:
    return p.lat is not None and p.feature_type in ("city", "fallback", "admin2")


_UNIT_HINT = re.compile(r"(?i)kilomet|\bkm\b|meilen|\bmiles?\b|\bmeter\b")
_PLACE_NOUN = re.compile(r"\s*(?:(?:Haupt|Hafen|Grenz|Klein|Groß|Provinzhaupt)?[Ss]tadt|Ort(?:e?s|schaft)?|Dorf(?:e?s)?"
                         r"|Gemeinde|Kleinstadt|city|town(?:\s+of)?)?\s*")


def _only_place_noun(gap: str) -> bool:
    """True when ``gap`` is blank or one place noun ("nahe der Stadt Kiew", "nördlich der Ortschaft X")."""
    # fullmatch, not match: a prefix alternative ("Ort") must not win over the longer noun ("Ortschaft")
    return _PLACE_NOUN.fullmatch(gap) is not None


def _matches(rx: re.Pattern[str], text: str, hints: list[int]):
    """Claim matches, searched only in windows around unit words (a full-text scan costs ms per article)."""
    seen = set()
    for u in hints:
        lo = max(0, u - 45)
        for mt in rx.finditer(text, lo, min(len(text), u + 160)):
            if mt.start() <= u < mt.end() and mt.start() not in seen:
                seen.add(mt.start())
                yield mt


def find_claims(doc: Doc, places: list[Place], gaz: Gazetteer | None = None) -> list[SpatialClaim]:
    text = doc.text
    out: list[SpatialClaim] = []
    hints = [m.start() for m in _UNIT_HINT.finditer(text)]
    if not hints:
        return out
    toponyms = [p for p in places if p.kind == "toponym"]
    for rx in (CLAIM_DIR, CLAIM_AWAY):
        for mt in _matches(rx, text, hints):
            value = _value(mt.group("num"))
            if value is None:
                continue
            unit = mt.group("unit").lower()
            if unit.startswith(("meile", "mile")):
                value *= 1.609344
            elif unit in ("m", "meter"):
                value /= 1000.0
            qual = _QUAL.get((mt.group("qual") or "").lower())
            direction = _DIRS.get(mt.group("dir").lower()) if "dir" in rx.groupindex and mt.group("dir") else None
            s_idx = doc.sentence_of(mt.start())
            sent = doc.sentences[s_idx] if doc.sentences else None
            lo, hi = (sent.start, sent.end) if sent else (0, len(text))
            in_sent = [p for p in toponyms if lo <= p.start and p.end <= hi]
            anchor = subject = None
            if rx is CLAIM_DIR:
                # "nördlich von Damaskus", or with a place noun between: "südlich der Hauptstadt Damaskus"
                anchor = next((p for p in in_sent if p.start >= mt.end() - 1
                               and (p.start <= mt.end() + 3 or _only_place_noun(text[mt.end():p.start]))), None)
                before = [p for p in in_sent if p.end <= mt.start() and p is not anchor]
                subject = before[-1] if before else None
                end = anchor.end if anchor else mt.end()
            else:
                inner = [p for p in in_sent if mt.start() <= p.start and p.end <= mt.end()]
                anchor = inner[0] if inner else None
                after = [p for p in in_sent if p.start >= mt.end() and p.start - mt.end() <= 25]
                before = [p for p in in_sent if p.end <= mt.start() and p is not anchor]
                if after and _only_place_noun(text[mt.end():after[0].start]):
                    subject = after[0]
                    end = subject.end
                else:
                    subject = before[-1] if before else None
                    end = mt.end()
                if anchor is None:  # "die 200 Kilometer entfernte Stadt X": from the place named before
                    cands = [p for p in toponyms if p.end <= mt.start() and p is not subject
                             and (subject is None or (p.name, p.lat) != (subject.name, subject.lat))]
                    anchor = cands[-1] if cands else None
            start = mt.start()
            claim = SpatialClaim(start=start, end=end, text=text[start:end].rstrip(), distance_km=round(value, 3),
                                 direction=direction, qualifier=qual,
                                 anchor=anchor.text if anchor else None,
                                 anchor_geonameid=anchor.geonameid if anchor else None,
                                 subject=subject.text if subject else None,
                                 subject_geonameid=subject.geonameid if subject else None)
            claim.end = claim.start + len(claim.text)
            if anchor and subject and _point(anchor) and _point(subject) and anchor.lat != subject.lat:
                km, b, cdir, tol, ok = check(value, qual, direction, subject, anchor)
                claim.computed_km, claim.computed_bearing, claim.computed_direction = km, b, cdir
                claim.tolerance_km, claim.holds = tol, ok
            if not any(c.start < claim.end and claim.start < c.end for c in out):
                out.append(claim)
    out.sort(key=lambda c: c.start)
    return out
