"""Toponym resolution: pick one gazetteer entry per mention, using the whole article as context.

Score of a candidate = prior (feature type, population, how the name matched) + article context:
- the article's country profile (countries named outright, demonyms, unambiguous places),
- "X, Y" patterns (Springfield, Illinois) and explicit cues ("Provinz X" -> region, "im Irak"),
- closeness to the other places of the article (second pass, after a first choice for every mention).
Weights are in ``data/geo/resolver.json`` (tuned on development halves only, see docs/evaluation/geo.md).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from .build import norm
from .gazetteer import Candidate, Gazetteer

_EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@functools.lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    return json.loads(resources.files("lagebild.data").joinpath("geo/resolver.json").read_text(encoding="utf-8"))


@dataclass
class Mention:
    start: int
    end: int
    text: str
    hint: str | None = None  # "region" | "city" | "country": from a cue word ("Provinz X", "Stadt X")
    kind: str = "toponym"  # toponym | demonym | adjective
    country: str | None = None  # ISO-2 fixed in advance (demonyms)
    within: int | None = None  # index of a mention this one is inside of ("X, Y": Y)
    candidates: list[Candidate] = field(default_factory=list)
    choice: Candidate | None = None
    partial: bool = False  # candidates come from a part of the name ("Colorado" for "Colorado State University")
    fallback: bool = False  # no gazetteer entry: placed at the article's main place
    support: list | None = None  # other names' plausible readings: [(points, {(cc, admin1)}), ...]
    score: float = 0.0
    confidence: float = 0.0


#: words that name a kind of place rather than a place: never resolve a longer name through them alone
_GENERIC = frozenset("""North South East West Central Northern Southern Eastern Western Upper Lower Greater New Old
Street Road Avenue Court Square Fields Field Park Estate Village City County State Federal National University
College School Church Cathedral Hospital Hotel Airport Station Bridge River Lake Mount Island Islands Bay Beach
Valley Center Centre Hall House Tower Market District Court Reserve Bank Club Cup Stadium Arena Museum Library
Nord Süd Ost West Straße Platz Brücke Flughafen Bahnhof Kirche Universität Stadt Land Bezirk
Union Republic Kingdom Federation Empire Embassy Ministry Academy Institute Plantation Library Metro Centre Center
Republik Königreich Föderation Botschaft Ministerium Akademie""".split())

#: street-like last words: a city adjective before them names the street, not the place ("Berliner Platz")
_STREET = re.compile(r"(?i)(straße|strasse|str\.|platz|allee|weg|damm|ring|gasse|ufer|brücke|chaussee|tor|"
                     r"landstraße|street|road|avenue|square)$")
#: words that make a name an administrative unit's ("Sokoto State", "Provinz Idlib", "Oblast Donezk")
_ADMIN_AFFIX = re.compile(
    r"(?i)^(?:provinz|province of|state of|gouvernement|governorate of|oblast|region|bundesstaat|bezirk|"
    r"distrikt|kanton|präfektur)\s+|\s+(?:state|province|governorate|oblast|region|prefecture|district|"
    r"county|parish|department|division|emirate|territory)$")
_STRIP_PREFIX = re.compile(r"^(the|der|die|das|dem|den|des)\s+", re.I)


def lookup_variants(text: str) -> list[str]:
    """Name variants to try in order: as written, without article, without genitive -s, without -'s."""
    t = text.strip()
    out = [t]
    s = _STRIP_PREFIX.sub("", t)
    if s != t:
        out.append(s)
    for v in list(out):
        if v.endswith("’s") or v.endswith("'s"):
            out.append(v[:-2])
        elif v.endswith("s") and len(v) > 4 and not v.endswith("ss"):
            out.append(v[:-1])
        if v.endswith("es") and len(v) > 5:
            out.append(v[:-2])
    return out


class Resolver:
    def __init__(self, gazetteer: Gazetteer | None = None, w: dict[str, float] | None = None) -> None:
        self.gaz = gazetteer or Gazetteer.load()
        self.w = dict(weights())
        if w:
            self.w.update(w)
        self._famous = 0.0  # world-city guard of the article being resolved (set per call by resolve())

    # -- candidate generation ------------------------------------------------------------------------------
    def candidates(self, m: Mention) -> list[Candidate]:
        for v in lookup_variants(m.text):
            cands = self.gaz.search(v, limit=int(self.w.get("max_candidates", 60)))
            if cands:
                if v != m.text:  # a variant match is weaker evidence
                    for c in cands:
                        c.flag = max(c.flag, 1)
                return cands
        if re.fullmatch(r"[A-Z]{2}", m.text):  # US postal state code ("Long Beach, CA")
            a1 = self.gaz.admin1_by_code("US", m.text)
            if a1 is not None:
                return [a1]
        # "Sokoto State", "Provinz Idlib" written as one name: the region named by the rest
        bare = _ADMIN_AFFIX.sub("", m.text).strip()
        if bare and bare != m.text.strip():
            cands = [c for c in self.gaz.search(bare, limit=int(self.w.get("max_candidates", 60)))
                     if c.ftype in ("admin1", "admin2", "region")]
            if cands:
                for c in cands:
                    c.flag = max(c.flag, 1)
                return cands
        # a name the gazetteer lacks that contains one it knows: a building/team/court named after a place
        cands = self._city_adjective(m)
        if cands:
            return cands
        words = re.split(r"[\s\-–/]+", m.text.replace("’s", "").replace("'s", "").strip())
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                part = " ".join(words[i:i + n])
                if (not part[:1].isupper() or (len(part) < 3 and not part.isupper())
                        or part.title() in _GENERIC or part in _GENERIC):
                    continue
                # primary/curated names, or another name of a big city ("Frankfurt" is Frankfurt am Main's)
                cands = self._part_candidates(m, part, lambda c: (
                    (c.flag in (0, 2) or (c.flag == 1 and c.pop >= 100_000))
                    and (c.ftype in ("country", "admin1", "region", "continent") or c.pop >= 10000)))
                if cands:
                    return cands
        return []

    def _part_candidates(self, m: Mention, name: str, keep: Callable[[Candidate], bool]) -> list[Candidate]:
        """Candidates of a name found inside the mention; kept ones are marked as reached through a part."""
        cands = [c for c in self.gaz.search(name, limit=int(self.w.get("max_candidates", 60))) if keep(c)]
        for c in cands:
            c.flag = 3
        if cands:
            m.partial = True
        return cands

    def _city_adjective(self, m: Mention) -> list[Candidate]:
        """German city adjectives in a name: "Frankfurter Flughafen", "Pariser Vorstädte" -> the city.

        Not for streets and squares ("Berliner Platz" is in Mannheim, "Frankfurter Allee" in Berlin).
        """
        words = m.text.split()
        if len(words) < 2 or _STREET.search(words[-1]):
            return []
        w0 = words[0]
        if not (w0[:1].isupper() and w0.endswith("er") and len(w0) > 4):
            return []
        stem = w0[:-2]
        for name in (stem, stem + "en", stem[:-1] + "en" if stem.endswith("n") else None, stem + "e"):
            if not name:
                continue
            cands = self._part_candidates(m, name, lambda c: c.flag <= 2 and (
                c.ftype in ("country", "admin1") or (c.ftype == "city" and c.pop >= 100_000)))
            if cands:
                return cands
        return []

    def prior(self, c: Candidate, m: Mention) -> float:
        w = self.w
        if c.ftype == "country":
            p = w["country"]
        elif c.ftype == "continent":
            p = w["continent"]
        elif c.ftype == "region":
            p = w["region"]
        elif c.ftype == "admin1":
            # provinces of populous countries are talked about more (Georgia the US state vs. Gambia's West Coast)
            cpop = self.gaz.country_pop.get(c.cc, 0)
            p = w["admin1"] + w["admin1_country_pop"] * (math.log10(cpop + 10) - 7.0)
        elif c.ftype == "admin2":
            p = w["admin2"]
        else:
            p = math.log10(c.pop + 10) * w["log_pop"]
            if c.capital:
                p += w["capital"]
        p += (0.0, w["alt_name"], w["curated_name"], w["derived_name"])[min(c.flag, 3)]
        if m.hint:
            if m.hint == "region" and c.ftype in ("admin1", "admin2", "region"):
                p += w["hint_match"]
            elif m.hint == "city" and c.ftype == "city":
                p += w["hint_match"]
            elif m.hint == "country" and c.ftype == "country":
                p += w["hint_match"]
            elif m.hint in ("region", "city"):
                p -= w["hint_match"] / 2
        return p

    # -- resolution ----------------------------------------------------------------------------------------
    def fixed_code(self, target: str) -> str | None:
        """Demonym table target -> what ``Mention.country`` holds: "@EU", "~Kurdistan", ISO-2, "GB/England"."""
        if target.startswith(("@", "~")):
            return target
        iso3, _, region = target.partition("/")
        iso2 = self.gaz.iso2_of(iso3)
        return f"{iso2}/{region}" if iso2 and region else iso2

    def _fixed(self, country: str) -> list[Candidate]:
        if "/" in country:  # a nation inside a country: its first-level region, else the country
            cc, _, region = country.partition("/")
            c = next((c for c in self.gaz.search(region) if c.cc == cc and c.ftype in ("admin1", "region")),
                     None) or self.gaz.country(cc)
        elif country.startswith("~"):
            c = next((c for c in self.gaz.search(country[1:]) if c.ftype == "region"), None)
        elif country.startswith("@"):
            c = self.gaz.continent(country[1:])
        else:
            c = self.gaz.country(country)
        return [c] if c else []

    def _evidence(self, m: Mention) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
        """What one mention says about the article's countries and first-level regions."""
        w = self.w
        cc_ev: dict[str, float] = {}
        a1_ev: dict[tuple[str, str], float] = {}
        if not m.candidates:
            return cc_ev, a1_ev
        best = max(m.candidates, key=lambda c: self.prior(c, m))
        ccs = {c.cc for c in m.candidates if c.cc}
        if best.ftype == "country" or m.country:
            if best.cc:
                cc_ev[best.cc] = w["profile_country"]
        elif len(ccs) == 1:
            cc_ev[next(iter(ccs))] = w["profile_unambiguous"]
        elif best.cc:
            cc_ev[best.cc] = w["profile_top"]
        if best.ftype in ("city", "admin1", "admin2") and best.admin1:
            n_a1 = {(c.cc, c.admin1) for c in m.candidates if c.ftype in ("city", "admin1", "admin2")}
            a1_ev[(best.cc, best.admin1)] = w["profile_unambiguous"] if len(n_a1) == 1 else w["profile_top"]
            if best.ftype == "admin1":
                a1_ev[(best.cc, best.admin1)] = w["profile_country"]
        return cc_ev, a1_ev

    def resolve(self, mentions: list[Mention], context_countries: dict[str, float] | None = None,
                language: str | None = None) -> list[Mention]:
        """Choose a candidate for every mention (in place); mentions without any candidate keep choice=None.

        ``language``: the article's; German articles protect world cities from small namesakes more strongly
        (``famous_min_pop_de``), English local news names its own towns ("Paris, Texas" stories).
        """
        w = self.w
        self._famous = w.get("famous_min_pop_de", 0) if (language or "").startswith("de") else w.get(
            "famous_min_pop", 0)
        for m in mentions:
            if not m.candidates:
                m.candidates = self._fixed(m.country) if m.country else self.candidates(m)
        cc_prof: dict[str, float] = dict(context_countries or {})
        a1_prof: dict[tuple[str, str], float] = {}
        evid = []
        for m in mentions:
            ce, ae = self._evidence(m)
            evid.append((ce, ae))
            for cc, v in ce.items():
                cc_prof[cc] = cc_prof.get(cc, 0.0) + v
            for a1, v in ae.items():
                a1_prof[a1] = a1_prof.get(a1, 0.0) + v
        by_text: dict[str, list[int]] = {}
        for i, m in enumerate(mentions):
            by_text.setdefault(norm(m.text), []).append(i)

        def own(i: int) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
            # a name never supports itself: leave out the evidence of every mention with the same text
            ce: dict[str, float] = {}
            ae: dict[tuple[str, str], float] = {}
            for j in by_text[norm(mentions[i].text)]:
                for cc, v in evid[j][0].items():
                    ce[cc] = ce.get(cc, 0.0) + v
                for a1, v in evid[j][1].items():
                    ae[a1] = ae.get(a1, 0.0) + v
            return ce, ae

        owns = [own(i) for i in range(len(mentions))]
        if w.get("cooc", 0):
            readings: dict[str, tuple[list, set]] = {}
            for m in mentions:
                key = norm(m.text)
                if key in readings or not m.candidates or m.country:
                    continue
                top = sorted((c for c in m.candidates if c.ftype in ("city", "admin2", "admin1")),
                             key=lambda c: -self.prior(c, m))[: int(w.get("cooc_top", 8))]
                readings[key] = ([(c.lat, c.lon) for c in top], {(c.cc, c.admin1) for c in top if c.admin1})
            for m in mentions:
                key = norm(m.text)
                m.support = [v for k, v in readings.items() if k != key]
        for i, m in enumerate(mentions):  # pass 1: prior + profiles + "X, Y"
            self._choose(m, mentions, cc_prof, a1_prof, owns[i], anchors=None)
        anchors = [(i, m.choice) for i, m in enumerate(mentions) if m.choice is not None]
        for i, m in enumerate(mentions):  # pass 2: + closeness to the others' first choices
            key = norm(m.text)
            self._choose(m, mentions, cc_prof, a1_prof, owns[i],
                         anchors=[(j, c) for j, c in anchors if norm(mentions[j].text) != key])
        self._drop_stray(mentions, cc_prof, owns)
        self._drop_unsupported_partial(mentions)
        self._fallback(mentions)
        for idxs in by_text.values():  # one sense per article (cue-marked mentions keep their own)
            group = [mentions[i] for i in idxs if mentions[i].choice is not None and not mentions[i].hint]
            if len(group) > 1:
                best = max(group, key=lambda m: m.score)
                for m in group:
                    m.choice = best.choice
        return mentions

    def _drop_stray(self, mentions: list[Mention], cc_prof: dict[str, float], owns: list[tuple[dict, dict]]) -> None:
        """Unset a choice that only a variant spelling of a small foreign town supports.

        A name reached only through another name of a small town ("Zhari", a district in Kandahar, is also a
        transliteration of the Polish town Żary) in a country nothing else in the article points to is more
        likely a place the gazetteer lacks: it goes to the fallback (the article's main place) instead.
        """
        max_pop = self.w.get("stray_alt_max_pop", 0)
        max_pop0 = self.w.get("stray_primary_max_pop", 0)
        if not max_pop and not max_pop0:
            return
        for m, own in zip(mentions, owns, strict=True):
            c = m.choice
            if c is None or m.country or m.kind != "toponym" or c.ftype != "city":
                continue
            if c.flag == 1:
                if c.pop >= max_pop or any(x.flag in (0, 2) for x in m.candidates):
                    continue
            elif c.flag != 0 or c.pop >= max_pop0 or any(x.flag == 2 or x.ftype != "city" or x.pop >= max_pop0
                                                         for x in m.candidates):
                continue  # primary names: only when every reading is a small town ("Heathrow" is one in Florida)
            others = {k: v - own[0].get(k, 0.0) for k, v in cc_prof.items()}
            if sum(v for v in others.values() if v > 0) > 0 and others.get(c.cc, 0.0) <= 0:
                m.choice, m.score, m.confidence = None, 0.0, 0.0

    def _drop_unsupported_partial(self, mentions: list[Mention]) -> None:
        """A building or team resolved through a town in its name ("Carnegie Library" -> Carnegie, Australia)
        stays there only if another place of the article lies near that town; else it goes to the fallback.
        """
        km = self.w.get("partial_support_km", 0)
        if not km:
            return
        anchors = [m.choice for m in mentions if m.choice is not None and not m.partial and not m.fallback
                   and m.choice.ftype in ("city", "admin2", "admin1")]
        if not anchors:
            return
        for m in mentions:
            c = m.choice
            if (c is None or not m.partial or c.ftype not in ("city", "admin2")
                    or c.pop >= self.w.get("partial_support_max_pop", float("inf"))):
                continue  # a big city in a name ("Flughafen Frankfurt") is that city even when alone
            if not any(haversine_km(c.lat, c.lon, a.lat, a.lon) <= km for a in anchors if a.idx != c.idx):
                m.choice, m.score, m.confidence = None, 0.0, 0.0

    def _fallback(self, mentions: list[Mention]) -> None:
        """Names without any entry (streets, buildings) sit at the article's most-named city, else its country."""
        todo = [m for m in mentions if m.choice is None and m.kind == "toponym" and not m.country
                and getattr(m, "fallback_ok", True)]
        if not todo:
            return
        counts: dict[int, tuple[int, Candidate]] = {}
        for m in mentions:
            c = m.choice
            if c is not None and not m.partial and c.ftype in ("city", "admin2"):
                n, _ = counts.get(c.idx, (0, c))
                counts[c.idx] = (n + 1, c)
        if counts:
            # the most-named city; a county only when no city was named
            main = max(counts.values(), key=lambda nc: (nc[1].ftype == "city", nc[0]))[1]
        else:
            ccs: dict[str, int] = {}
            for m in mentions:
                if m.choice is not None and m.choice.cc:
                    ccs[m.choice.cc] = ccs.get(m.choice.cc, 0) + 1
            if not ccs:
                return
            country = self.gaz.country(max(ccs, key=ccs.__getitem__))
            if country is None:
                return
            main = country
        for m in todo:
            m.choice, m.fallback, m.confidence = main, True, 0.3

    def _choose(self, m: Mention, mentions: list[Mention], cc_prof: dict[str, float],
                a1_prof: dict[tuple[str, str], float], own: tuple[dict, dict],
                anchors: list[tuple[int, Candidate]] | None) -> None:
        w = self.w
        if not m.candidates:
            m.choice = None
            return
        cc_total = sum(cc_prof.values()) - sum(own[0].values())
        a1_total = sum(a1_prof.values()) - sum(own[1].values())
        container = mentions[m.within].choice if m.within is not None else None
        scored: list[tuple[float, Candidate]] = []
        # a province named like its seat city ("Idlib", "Homs"): bare name = the city unless a cue says region
        seats = {c.cc for c in m.candidates if c.ftype == "city" and c.pop >= w["seat_min_pop"]}
        # a name that is a country's own name ("Mexico") gets no closeness bonus for same-named cities
        names_country = any(c.ftype == "country" and c.flag in (0, 2) for c in m.candidates)
        # a world city's name ("Paris", "Frankfurt"): a small namesake needs more than the article's country
        # (an admin1 named beside it, "X, Y", or nearby places), else every US story would move Paris to Texas
        famous = self._famous
        world = famous and any(c.ftype == "city" and c.pop >= famous for c in m.candidates)
        for c in m.candidates:
            s = self.prior(c, m)
            if c.ftype == "admin1" and c.cc in seats and m.hint != "region":
                s -= w["seat_penalty"]
            if world and c.ftype == "city" and c.pop < w.get("famous_small_max", 100_000):
                pass  # no country-profile bonus
            elif c.cc and cc_total > 0:
                # a share is only as strong as the evidence behind it: one ambiguous name's top reading is
                # not a whole article's country ("San Fernando" alone does not make "Los Angeles" Philippine)
                mass = min(1.0, cc_total / w["profile_mass"]) if w.get("profile_mass") else 1.0
                s += w["profile"] * mass * (cc_prof.get(c.cc, 0.0) - own[0].get(c.cc, 0.0)) / cc_total
            if c.admin1 and a1_total > 0 and c.ftype in ("city", "admin2"):
                key = (c.cc, c.admin1)
                s += w["profile_admin1"] * (a1_prof.get(key, 0.0) - own[1].get(key, 0.0)) / a1_total
            if container is not None and container.idx != c.idx:
                if container.ftype == "country":
                    s += w["within"] if c.cc == container.cc else -w["within"]
                elif container.ftype in ("admin1", "admin2", "region"):
                    same = c.cc == container.cc and c.admin1 and c.admin1 == container.admin1
                    d = haversine_km(c.lat, c.lon, container.lat, container.lon)
                    s += w["within"] if same or d < w["within_km"] else -w["within"] / 2
                elif container.ftype == "city" and c.cc == container.cc:
                    s += w["within"] / 2
            scored.append((s, c))
        if w.get("cooc", 0) and not names_country and m.support is not None:
            best = max(sc[0] for sc in scored)
            reach = best - w["cooc"] * 3
            for k, (s, c) in enumerate(scored):
                if s < reach or c.ftype not in ("city", "admin2", "admin1"):
                    continue
                n = 0
                for pts, a1s in m.support:  # other names: does any reading of them lie near this reading?
                    if (c.cc, c.admin1) in a1s or any(haversine_km(c.lat, c.lon, la, lo) < w["near_km"]
                                                      for la, lo in pts):
                        n += 1
                        if n >= 3:
                            break
                if n:
                    scored[k] = (s + w["cooc"] * n, c)
        if anchors and not names_country:
            # closeness bonus, only for candidates that could still win (keeps long articles cheap)
            pts = {a.idx: (a.lat, a.lon) for _, a in anchors if a.ftype not in ("country", "continent", "region")}
            best = max(sc[0] for sc in scored)
            reach = best - w["near"] * 3
            for k, (s, c) in enumerate(scored):
                if s < reach or c.ftype not in ("city", "admin2", "admin1"):
                    continue
                near = 0
                for idx, (lat, lon) in pts.items():
                    if idx != c.idx and haversine_km(c.lat, c.lon, lat, lon) < w["near_km"]:
                        near += 1
                        if near >= 3:
                            break
                if near:
                    scored[k] = (s + w["near"] * near, c)
        scored.sort(key=lambda sc: -sc[0])
        m.score, m.choice = scored[0]
        gap = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0
        m.confidence = round(1.0 / (1.0 + math.exp(-(gap - 0.5))), 3)


def link_containers(mentions: list[Mention], text: str) -> None:
    """Mark "X, Y" and "X (Y)" pairs: Y is the container of X (Springfield, Illinois; Homs (Syrien))."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for a, b in zip(order, order[1:], strict=False):
        ma, mb = mentions[a], mentions[b]
        gap = text[ma.end:mb.start]
        if gap in (", ", ",", " (", "(") and ma.within is None:
            ma.within = b
