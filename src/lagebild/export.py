"""Exports of coded events and per-article records: GDELT 2.0 Events, GKG 2.1-style, ACLED-style, PLOVER, GeoJSON.

    lagebild export --db lagebild.duckdb --format gdelt|gkg|acled|plover|geojson [--out FILE]

Library functions take an iterable of article records in the ``Doc.to_dict()`` shape (what
``Store(path).iter_docs()`` yields) and yield rows/lines, so the CLI, the server and scripts share them.

By default events flagged negated, hypothetical or historical are left out (they are mentions of events that did
not happen, or not now); ``include_flagged=True`` / ``--include-flagged`` keeps them. Reported events (inside a
quote or indirect speech) are kept: they are events with a named source.

Country codes: GDELT's actor fields use CAMEO codes (ISO alpha-3 based), its geography fields FIPS 10-4; the
ISO->FIPS table is ``data/iso_fips.tsv``. ADM1 codes are not available (we hold admin1 names), so the ADM1 field
carries the FIPS country code alone, which GDELT itself does for country-level places; FeatureID carries the
GeoNames id (GDELT uses GNS/GNIS ids).
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import io
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from .events.stage import cameo_coded
from .tsv import read_rows

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"
FORMATS = ("gdelt", "gkg", "acled", "plover", "geojson")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    *(f"Actor2{f}" for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{f}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for f in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS",
    "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
)

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities", "tags", "timestamp",
    # lagebild provenance columns (not in ACLED): where in which article the event is stated
    "article_id", "trigger", "trigger_start", "trigger_end", "plover_type", "plover_mode", "cameo",
)


# Our count stage types a count only by its outcome ("getötet" -> KILL); a bare population of refugees has none.
# GDELT's GKG counts such populations as AFFECT, so the GKG export adds that type for them.
_GKG_TYPE_BY_CATEGORY = {"refugees": "AFFECT", "displaced": "AFFECT"}

_EV_DEFAULTS = {"negated": False, "hypothetical": False, "frame": None, "quad_class": None, "cameo": None}


# -- shared helpers ------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _iso_table() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in read_rows(DATA / "iso_fips.tsv"):
        out[row["iso3"]] = row
        out[row["iso2"]] = row
    return out


def fips(code: str | None) -> str:
    """FIPS 10-4 code for an ISO alpha-2 or alpha-3 country code ('' when unknown)."""
    if not code:
        return ""
    row = _iso_table().get(code.upper())
    return row["fips"] if row else ""


def country_name(code: str | None) -> str:
    row = _iso_table().get((code or "").upper())
    return row["name"] if row else ""


def iter_events(records: Iterable[dict[str, Any]], *, include_flagged: bool = False
                ) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(article record, event dict) pairs; flagged events only when asked."""
    for rec in records:
        for ev in rec.get("events") or []:
            if not include_flagged and (ev.get("negated") or ev.get("hypothetical") or ev.get("historical")):
                continue
            yield rec, ev


def _event_id(rec: dict[str, Any], ev: dict[str, Any]) -> str:
    raw = f"{rec['article']['id']}:{ev['trigger_start']}:{ev['type']}"
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


def _numeric_id(rec: dict[str, Any], ev: dict[str, Any]) -> int:
    return int(_event_id(rec, ev), 16) % 10**15


def _day(ev: dict[str, Any], rec: dict[str, Any]) -> str:
    d = ev.get("date") or (rec["article"].get("published") or "")[:10]
    return d or ""


def _parse_day(d: str) -> date | None:
    try:
        if len(d) >= 10:
            return date.fromisoformat(d[:10])
        if len(d) == 7:
            return date.fromisoformat(d + "-01")
        if len(d) == 4:
            return date(int(d), 1, 1)
    except ValueError:
        return None
    return None


def _first(actors: list[dict[str, Any]] | None) -> dict[str, Any]:
    return (actors or [{}])[0] or {}


_ROLE_CODES = ("GOV", "MIL", "COP", "REB", "OPP", "CVL", "INS", "SPY", "JUD", "MED", "REF", "LEG", "BUS", "UAF",
               "EDU", "JRN", "NGO", "LAB", "IGO", "REL", "ELI")


def _split_code(code: str) -> tuple[str, str, str]:
    """(country, type1, type2) of a CAMEO-style actor code such as RUSMIL or SYRREBYPG."""
    code = code or ""
    country = code[:3] if len(code) >= 3 and code[:3] not in _ROLE_CODES else ""
    rest = code[len(country):]
    types = [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] in _ROLE_CODES]
    return country, types[0] if types else "", types[1] if len(types) > 1 else ""


# -- GDELT 2.0 Events -------------------------------------------------------------------------------------------------
def _geo(place: dict[str, Any] | None) -> list[str]:
    if not place or place.get("lat") is None:
        return [""] * 8
    ft = place.get("feature_type") or ""
    gtype = "1" if ft == "country" else "5" if ft in ("admin1", "region") else "4"
    cc = fips(place.get("country_iso2") or place.get("country_iso3"))
    full = ", ".join(x for x in (place.get("name") or place.get("text"), place.get("admin1"),
                                 country_name(place.get("country_iso3") or place.get("country_iso2"))) if x)
    return [gtype, full, cc, cc, "", f"{place['lat']:.4f}", f"{place['lon']:.4f}",
            str(place.get("geonameid") or "")]


def gdelt_rows(records: Iterable[dict[str, Any]], *, include_flagged: bool = False,
               date_added: str | None = None) -> Iterator[list[str]]:
    """One 61-column GDELT 2.0 Event row per event (tab-separated when written)."""
    added = date_added or datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    for rec, ev in iter_events(records, include_flagged=include_flagged):
        # a flagged (unrealised) event is coded as CAMEO codes the sentence: intent 03, demand 10, threat 13
        _, cameo = cameo_coded(SimpleNamespace(**{**_EV_DEFAULTS, **ev}))  # type: ignore[arg-type]
        cameo = cameo or ""
        d = _parse_day(_day(ev, rec))
        day = d.strftime("%Y%m%d") if d else ""
        a1, a2 = _first(ev.get("sources")), _first(ev.get("targets"))
        actor_cols: list[str] = []
        for a in (a1, a2):
            code = a.get("code") or ""
            country, t1, t2 = _split_code(code)
            known = code[len(country) + 3:] if len(code) > len(country) + 3 and not t2 else ""
            actor_cols += [code, (a.get("text") or "").upper(), a.get("country") or country, known, "", "", "",
                           t1, t2, ""]
        mentions = ev.get("mentions") or []
        place = ev.get("place")
        geo = _geo(place)
        url = rec["article"].get("url") or ""
        row = [
            str(_numeric_id(rec, ev)), day, day[:6], day[:4],
            f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else "",
            *actor_cols,
            "1" if ev.get("start", 1) < 500 else "0",  # GDELT: stated in the lead paragraph
            cameo, cameo[:3], cameo[:2], str(ev.get("quad_class") or ""),
            "" if ev.get("goldstein") is None else f"{ev['goldstein']:.1f}",
            str(max(1, len(mentions))), "1", "1", "",
            *(geo if a1 else [""] * 8), *(geo if a2 else [""] * 8), *geo,
            added, url or f"lagebild:{rec['article']['id']}",
        ]
        assert len(row) == 61
        yield row


# -- GKG 2.1-style per-article records --------------------------------------------------------------------------------
def _clean(s: str | None) -> str:
    return (s or "").replace("\t", " ").replace("\n", " ").replace(";", ",").replace("#", " ")


def _loc_block(p: dict[str, Any]) -> str:
    g = _geo(p)
    return "#".join([g[0] or "4", _clean(g[1] or p.get("text")), g[2], g[3], g[4], g[5], g[6], g[7],
                     str(p["start"])])


def gkg_rows(records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    """One GKG 2.1-style row per article: counts, locations, persons, organisations, dates, quotations, names and
    amounts, each with character offsets into the stored text; quotation speakers go to the extras XML."""
    for rec in records:
        art = rec["article"]
        pub = (art.get("published") or "")
        dt = pub.replace("-", "").replace(":", "").replace("T", "")[:14].ljust(14, "0") if pub else ""
        places = {p["start"]: p for p in rec.get("places") or []}
        counts = []
        for q in rec.get("quantities") or []:
            gkg_type = q.get("gkg_type") or _GKG_TYPE_BY_CATEGORY.get(q.get("category") or "")
            if not gkg_type or q.get("value") is None:
                continue
            near = min(places.values(), key=lambda p: abs(p["start"] - q["start"]), default=None)
            g = _geo(near) if near else [""] * 8
            counts.append("#".join([gkg_type, str(int(q["value"])), _clean(q.get("object")), g[0], g[1],
                                    g[2], g[3], g[5], g[6], g[7], str(q["start"])]))
        locs = [_loc_block(p) for p in rec.get("places") or [] if p.get("kind", "toponym") == "toponym"]
        ents = rec.get("entities") or []
        persons = [f"{_clean(e.get('canonical') or e['text'])},{e['start']}" for e in ents if e["label"] == "PER"]
        orgs = [f"{_clean(e.get('canonical') or e['text'])},{e['start']}" for e in ents if e["label"] == "ORG"]
        names = [f"{_clean(e['text'])},{e['start']}" for e in ents]
        dates = []
        for t in rec.get("times") or []:
            b = t.get("begin") or ""
            if t.get("type") != "DATE" or len(b) < 10:
                continue
            res = {"year": "4", "month": "3", "day": "1"}.get(t.get("granularity") or "", "1")
            dates.append(f"{res}#{int(b[5:7])}#{int(b[8:10])}#{b[:4]}#{t['start']}")
        quotes, speakers = [], []
        for q in rec.get("quotes") or []:
            msg = _clean(q.get("message")).replace("|", " ")
            quotes.append(f"{q['message_start']}|{q['message_end'] - q['message_start']}|"
                          f"{_clean(q.get('cue')).replace('|', ' ')}|{msg}")
            if q.get("speaker"):
                speakers.append(f"{q['message_start']}|{_clean(q['speaker'])}|{q.get('speaker_start', '')}")
        amounts = [f"{q['value']:g},{_clean(q.get('object') or q.get('unit'))},{q['start']}"
                   for q in rec.get("quantities") or [] if q.get("value") is not None]
        events = [f"{e['type']}|{e.get('cameo') or ''}|{e['trigger_start']}" for e in rec.get("events") or []]
        extras = ""
        if speakers:
            extras += "<QUOTESPEAKERS>" + ";".join(speakers) + "</QUOTESPEAKERS>"
        if events:
            extras += "<EVENTS>" + ";".join(events) + "</EVENTS>"
        row = [art["id"], dt, "1", _clean(art.get("site")), art.get("url") or f"lagebild:{art['id']}",
               "", ";".join(counts), "", "", "", ";".join(locs), "", ";".join(persons), "", ";".join(orgs), "",
               ";".join(dates), "", "", "", "", "", "#".join(quotes), ";".join(names), ";".join(amounts),
               f"srclc:{art.get('language') or ''};eng:lagebild", extras]
        assert len(row) == len(GKG_COLUMNS)
        yield row


# -- ACLED-style ------------------------------------------------------------------------------------------------------
_INTER = {"GOV": "1", "MIL": "1", "COP": "1", "SPY": "1", "REB": "2", "UAF": "3", "OPP": "6", "CVL": "7",
          "REF": "7", "JRN": "7", "EDU": "7", "LAB": "6", "IGO": "8", "NGO": "7", "REL": "7"}


def _inter(actor: dict[str, Any]) -> str:
    code = actor.get("code") or ""
    if code.startswith("IGO"):
        return "8"
    _, t1, _ = _split_code(code)
    return _INTER.get(t1, "")


def acled_type(ev: dict[str, Any]) -> tuple[str, str, str] | None:
    """(disorder_type, event_type, sub_event_type) for a PLOVER event, or None when ACLED does not code it."""
    t, mode, cameo = ev["type"], ev.get("mode") or "", ev.get("cameo") or ""
    targets = ev.get("targets") or []
    civ_target = any(_inter(a) == "7" for a in targets)
    if t == "ASSAULT":
        if mode == "aerial":
            return "Political violence", "Explosions/Remote violence", "Air/drone strike"
        if mode == "heavy-weapons":
            return "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if mode == "suicide-attack":
            return "Political violence", "Explosions/Remote violence", "Suicide bomb"
        if mode == "explosives":
            return "Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"
        if mode == "repression":
            return "Demonstrations", "Protests", "Excessive force against protesters"
        if mode == "abduct":
            return "Political violence", "Violence against civilians", "Abduction/forced disappearance"
        if mode == "sexual":
            return "Political violence", "Violence against civilians", "Sexual violence"
        if civ_target or cameo.startswith("18") or cameo.startswith("20"):
            return "Political violence", "Violence against civilians", "Attack"
        return "Political violence", "Battles", "Armed clash"
    if t == "COERCE":
        if mode == "seize":
            state = any(_inter(a) == "1" for a in ev.get("sources") or [])
            return ("Political violence", "Battles",
                    "Government regains territory" if state else "Non-state actor overtakes territory")
        if mode == "arrest":
            return "Strategic developments", "Strategic developments", "Arrests"
        if mode in ("destroy", "confiscate"):
            return "Strategic developments", "Strategic developments", "Looting/property destruction"
        return "Strategic developments", "Strategic developments", "Other"
    if t == "PROTEST":
        if mode == "riot":
            return "Demonstrations", "Riots", "Violent demonstration"
        return "Demonstrations", "Protests", "Peaceful protest"
    if t in ("AGREE",) or (t == "RETREAT" and mode == "ceasefire"):
        return "Strategic developments", "Strategic developments", "Agreement"
    if t in ("MOBILIZE", "RETREAT", "AID"):
        return "Strategic developments", "Strategic developments", "Other"
    return None


def _geo_precision(prec: str | None) -> str:
    if not prec:
        return ""
    return "1" if prec.startswith("city") else "2" if prec.startswith("region") else "3"


def acled_rows(records: Iterable[dict[str, Any]], *, include_flagged: bool = False) -> Iterator[dict[str, Any]]:
    """ACLED-style rows (dicts keyed by ``ACLED_COLUMNS``) for the event types ACLED codes."""
    for rec, ev in iter_events(records, include_flagged=include_flagged):
        typ = acled_type(ev)
        if typ is None:
            continue
        src, tgt = ev.get("sources") or [], ev.get("targets") or []
        place = ev.get("place") or {}
        iso3 = place.get("country_iso3") or ""
        i1, i2 = _inter(_first(src)), _inter(_first(tgt))
        d = _day(ev, rec)
        art = rec["article"]
        yield {
            "event_id_cnty": f"{iso3 or 'XXX'}{_event_id(rec, ev)}", "event_date": d[:10], "year": d[:4],
            "time_precision": {"day": "1", "month": "3", "year": "3", "publication": "2"}.get(
                ev.get("date_precision") or "", ""),
            "disorder_type": typ[0], "event_type": typ[1], "sub_event_type": typ[2],
            "actor1": _first(src).get("text") or "", "assoc_actor_1": "; ".join(a["text"] for a in src[1:]),
            "inter1": i1, "actor2": _first(tgt).get("text") or "", "assoc_actor_2": "; ".join(a["text"] for a in tgt[1:]),
            "inter2": i2, "interaction": "".join(sorted(x for x in (i1, i2) if x)),
            "civilian_targeting": "Civilian targeting" if i2 == "7" else "",
            "iso": iso3, "country": country_name(iso3), "admin1": place.get("admin1") or "", "admin2": "",
            "location": place.get("name") or place.get("text") or "",
            "latitude": "" if place.get("lat") is None else f"{place['lat']:.4f}",
            "longitude": "" if place.get("lon") is None else f"{place['lon']:.4f}",
            "geo_precision": _geo_precision(ev.get("place_precision")),
            "source": art.get("site") or art.get("url") or "", "notes": ev.get("text") or "",
            "fatalities": "" if ev.get("fatalities") is None else str(ev["fatalities"]),
            "tags": ";".join(f for f in ("negated", "hypothetical", "historical", "reported") if ev.get(f)),
            "timestamp": "", "article_id": art["id"], "trigger": ev["trigger"],
            "trigger_start": ev["trigger_start"], "trigger_end": ev["trigger_end"], "plover_type": ev["type"],
            "plover_mode": ev.get("mode") or "", "cameo": ev.get("cameo") or "",
        }


# -- PLOVER JSONL and GeoJSON -----------------------------------------------------------------------------------------
def _plover_actor(a: dict[str, Any]) -> dict[str, Any]:
    return {"actorText": a.get("text"), "code": a.get("code"), "qid": a.get("qid"),
            "start": a.get("start"), "end": a.get("end")}


def plover_records(records: Iterable[dict[str, Any]], *, include_flagged: bool = False) -> Iterator[dict[str, Any]]:
    """PLOVER-style event records (fields as in the PLOVER gold records) plus offsets and modality."""
    for rec, ev in iter_events(records, include_flagged=include_flagged):
        art = rec["article"]
        place = ev.get("place")
        yield {
            "id": f"lagebild-{_event_id(rec, ev)}", "date": _day(ev, rec), "datePrecision": ev.get("date_precision"),
            "event": ev["type"], "mode": ev.get("mode") or "", "cameo": ev.get("cameo"),
            "quadClass": ev.get("quad_class"), "goldstein": ev.get("goldstein"),
            "source": [_plover_actor(a) for a in ev.get("sources") or []],
            "target": [_plover_actor(a) for a in ev.get("targets") or []],
            "eventText": ev["trigger"], "text": ev.get("text"), "language": art.get("language"),
            "publication": art.get("site") or art.get("url"), "url": art.get("url"), "article_id": art["id"],
            "offsets": {"start": ev["start"], "end": ev["end"], "trigger_start": ev["trigger_start"],
                        "trigger_end": ev["trigger_end"]},
            "eventLoc": None if not place else {"text": place.get("text"), "name": place.get("name"),
                                                "geonameid": place.get("geonameid"), "lat": place.get("lat"),
                                                "lon": place.get("lon"), "precision": ev.get("place_precision")},
            "dead": ev.get("fatalities"),
            "modality": {f: ev.get(f) for f in ("negated", "hypothetical", "frame", "reported", "reported_by",
                                                "historical")},
            "mentions": len(ev.get("mentions") or []) or 1, "event_key": ev.get("event_key"),
            "coder": "lagebild", "method": ev.get("method"), "confidence": ev.get("confidence"),
        }


def geojson(records: Iterable[dict[str, Any]], *, include_flagged: bool = False) -> dict[str, Any]:
    """A FeatureCollection with one point per geolocated event."""
    feats = []
    for rec, ev in iter_events(records, include_flagged=include_flagged):
        place = ev.get("place") or {}
        if place.get("lat") is None or place.get("lon") is None:
            continue
        props = {k: ev.get(k) for k in ("type", "mode", "cameo", "quad_class", "goldstein", "trigger",
                                         "trigger_start", "trigger_end", "date", "date_precision", "fatalities",
                                         "negated", "hypothetical", "reported", "historical", "place_precision")}
        props.update({"sources": [a.get("code") or a.get("text") for a in ev.get("sources") or []],
                      "targets": [a.get("code") or a.get("text") for a in ev.get("targets") or []],
                      "place": place.get("name") or place.get("text"), "text": ev.get("text"),
                      "article_id": rec["article"]["id"], "url": rec["article"].get("url")})
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats}


# -- writing ----------------------------------------------------------------------------------------------------------
def write(records: Iterable[dict[str, Any]], fmt: str, out: io.TextIOBase | Any, *,
          include_flagged: bool = False, header: bool = True) -> int:
    """Write records in ``fmt`` to a text stream; returns the number of rows/features written."""
    n = 0
    if fmt == "gdelt":
        for row in gdelt_rows(records, include_flagged=include_flagged):
            out.write("\t".join(row) + "\n")
            n += 1
    elif fmt == "gkg":
        if header:
            out.write("\t".join(GKG_COLUMNS) + "\n")
        for row in gkg_rows(records):
            out.write("\t".join(row) + "\n")
            n += 1
    elif fmt == "acled":
        w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
        if header:
            w.writeheader()
        for arow in acled_rows(records, include_flagged=include_flagged):
            w.writerow(arow)
            n += 1
    elif fmt == "plover":
        for rec in plover_records(records, include_flagged=include_flagged):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "geojson":
        fc = geojson(records, include_flagged=include_flagged)
        json.dump(fc, out, ensure_ascii=False)
        out.write("\n")
        n = len(fc["features"])
    else:
        from .errors import ConfigError

        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild export", description="Export coded events from a lagebild store.")
    ap.add_argument("--db", default=None, help="DuckDB store (default: the store's default path)")
    ap.add_argument("--format", choices=FORMATS, required=True)
    ap.add_argument("--out", default="-", help="output file (default: stdout)")
    ap.add_argument("--since", default=None, help="only articles published on/after this ISO date")
    ap.add_argument("--until", default=None, help="only articles published on/before this ISO date")
    ap.add_argument("--include-flagged", action="store_true",
                    help="also export negated, hypothetical and historical events")
    ap.add_argument("--no-header", action="store_true", help="gkg/acled: leave out the header line")
    args = ap.parse_args(argv)
    from .queries import parse_date
    from .store import Store

    # checked before anything is opened or written, so a typo costs no half-written file
    since, until = parse_date(args.since, "--since"), parse_date(args.until, "--until")
    store = Store(args.db, read_only=True) if args.db else Store(read_only=True)
    try:
        records = store.iter_docs(since=since, until=until)
        if args.out == "-":
            n = write(records, args.format, sys.stdout, include_flagged=args.include_flagged,
                      header=not args.no_header)
        else:
            try:
                fh = open(args.out, "w", encoding="utf-8", newline="")
            except OSError as exc:
                from .errors import ConfigError

                raise ConfigError(f"cannot write --out: {exc.strerror or exc}", source=args.out) from None
            with fh:
                n = write(records, args.format, fh, include_flagged=args.include_flagged, header=not args.no_header)
    finally:
        store.close()
    log.info("exported %d %s rows", n, args.format)
    print(f"exported {n} {args.format} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
