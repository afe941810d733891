"""A database built from the bundled Wikinews sample, for the API and browser tests.

The sample goes through the real ingest path and the real fast pipeline
(readers, cleaning, every annotation stage, store). ``real=False`` swaps the
annotation stages for a small stand-in (fixed place coordinates and trigger
words) — only for debugging the web page without loading models.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lagebild import Analyzer
from lagebild.doc import Doc
from lagebild.pipeline import Pipeline
from lagebild.records import Actor, EntityMention, Event, Place, Quantity, Quote, TimeExpression
from lagebild.segment import SegmentStage

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

#: name -> (lat, lon, iso2, iso3, feature type, geonameid) for places named in the sample
PLACES = {
    "Homs": (34.7268, 36.7234, "SY", "SYR", "city", 169577),
    "Damaskus": (33.5102, 36.2913, "SY", "SYR", "city", 170654),
    "Syrien": (35.0, 38.0, "SY", "SYR", "country", 163843),
    "Gazastreifen": (31.4167, 34.3333, "PS", "PSE", "region", 281132),
    "Israel": (31.5, 34.75, "IL", "ISR", "country", 294640),
    "Moskau": (55.7522, 37.6156, "RU", "RUS", "city", 524901),
    "Nowgorod": (58.5213, 31.2710, "RU", "RUS", "admin1", 519336),
    "Afghanistan": (33.0, 66.0, "AF", "AFG", "country", 1149361),
    "Taloqan": (36.7361, 69.5345, "AF", "AFG", "city", 1123004),
    "Helmand": (31.0, 64.0, "AF", "AFG", "admin1", 1139049),
    "Jemen": (15.5, 47.5, "YE", "YEM", "country", 69543),
    "Haditha": (34.1391, 42.3783, "IQ", "IRQ", "city", 96205),
    "Donezk": (48.0230, 37.8022, "UA", "UKR", "city", 709717),
    "Odessa": (46.4775, 30.7326, "UA", "UKR", "city", 698740),
}
PERSONS = ("Assad", "Benjamin Netanjahu", "Netanjahu", "John Murtha", "Mohammad Hanif Atmar")
ORGS = ("NATO", "Hamas", "Bundeswehr", "Human Rights Watch", "ISAF", "AFP", "Europäischen Union")
TRIGGERS = {"Beschuss": "ASSAULT", "Angriffe": "ASSAULT", "Luftangriff": "ASSAULT", "Bombenanschlag": "ASSAULT",
            "getötet": "ASSAULT", "Demonstration": "PROTEST", "Bürgerproteste": "PROTEST",
            "Bodenoffensive": "ASSAULT", "Pressekonferenz": "CONSULT"}
_WEEKDAY = re.compile(r"\bam (Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(abend)?\b")
_COUNT = re.compile(r"\b(\d+) (Menschen|Zivilisten|Soldaten|Tote)\b")
_QUOTE = re.compile(r"„([^“]{3,300})“")


def _words(text: str, name: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))


class StandInStage:
    name = "standin"
    requires = ("tokens", "sentences")
    assigns = ("entities", "places", "times", "quantities", "quotes", "events")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        taken: set[tuple[int, int]] = set()
        for name, (lat, lon, iso2, iso3, ftype, gid) in PLACES.items():
            for m in _words(text, name):
                key = f"LOC:{name}"
                doc.entities.append(EntityMention(m.start(), m.end(), m.group(0), "LOC", entity=key,
                                                  canonical=name, country=iso3, source="rule"))
                doc.places.append(Place(m.start(), m.end(), m.group(0), name=name, geonameid=gid, country_iso2=iso2,
                                        country_iso3=iso3, lat=lat, lon=lon, feature_type=ftype,
                                        confidence=0.9, entity=key))
        for label, names in (("PER", PERSONS), ("ORG", ORGS)):
            for name in names:
                for m in _words(text, name):
                    if any(s <= m.start() < e for s, e in taken):
                        continue  # "Netanjahu" inside "Benjamin Netanjahu"
                    taken.add((m.start(), m.end()))
                    canonical = "Benjamin Netanjahu" if name == "Netanjahu" else name
                    doc.entities.append(EntityMention(m.start(), m.end(), m.group(0), label,
                                                      entity=f"{label}:{canonical}", canonical=canonical,
                                                      source="rule"))
        doc.entities.sort(key=lambda r: r.start)
        doc.places.sort(key=lambda r: r.start)
        for m in _WEEKDAY.finditer(text):
            doc.times.append(TimeExpression(m.start(), m.end(), m.group(0), "DATE", value=None, anchor="publication"))
        for m in _COUNT.finditer(text):
            doc.quantities.append(Quantity(m.start(), m.end(), m.group(0), float(m.group(1)), unit="person",
                                           object=m.group(2), object_start=m.start(2), object_end=m.end(2),
                                           category="civilians" if m.group(2) == "Zivilisten" else None))
        for m in _QUOTE.finditer(text):
            doc.quotes.append(Quote(m.start(), m.end(), m.group(0), "direct", message=m.group(1),
                                    message_start=m.start(1), message_end=m.end(1)))
        for s in doc.sentences:
            for trig, etype in TRIGGERS.items():
                hits = [m for m in _words(s.text, trig)]
                if not hits:
                    continue
                t0 = s.start + hits[0].start()
                places = [p for p in doc.places if s.start <= p.start and p.end <= s.end]
                actors = [e for e in doc.entities if s.start <= e.start and e.end <= s.end and e.label != "LOC"]
                place = places[0] if places else None
                doc.events.append(Event(
                    s.start, s.end, s.text, trigger=trig, trigger_start=t0, trigger_end=t0 + len(trig), type=etype,
                    sources=[Actor(a.text, a.start, a.end, entity=a.entity) for a in actors[:1]],
                    targets=[Actor(a.text, a.start, a.end, entity=a.entity) for a in actors[1:2]],
                    place=Place(place.start, place.end, place.text, name=place.name, geonameid=place.geonameid,
                                country_iso2=place.country_iso2, country_iso3=place.country_iso3, lat=place.lat,
                                lon=place.lon, feature_type=place.feature_type) if place else None,
                    date=doc.article.published, date_precision="publication"))
                break
        return doc


def standin_analyzer() -> Analyzer:
    return Analyzer(Pipeline(mode="fast", stages=[SegmentStage(), StandInStage()]))


def build_sample_db(path: Path, *, real: bool = True, disable: tuple[str, ...] = ()) -> dict[str, Any]:
    """Ingest samples/wikinews_de.jsonl into ``path``; returns the run stats."""
    import lagebild
    from lagebild.ingest import read_paths
    from lagebild.runner import ingest
    from lagebild.store import Store

    analyzer = lagebild.load("fast", disable=disable) if real else standin_analyzer()
    with Store(path) as store:
        stats = ingest(read_paths([str(SAMPLES / "wikinews_de.jsonl")]), analyzer, store)
    return stats.to_dict()
