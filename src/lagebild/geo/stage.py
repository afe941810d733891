"""PlaceStage: find toponyms, demonyms and adjectives, resolve them, check spatial claims, set the focus.

Mentions come from two sources: ``doc.entities`` (LOC, and ORG/MISC spans that are country names) when the
entity stage ran, and a gazetteer scan over capitalised token sequences (so places still work with entities
off). German capitalises every noun, so a gazetteer-only match must be a country/region/admin1, a big city, or
stand after a preposition or cue word ("in Homs", "Provinz Idlib"); cue nouns also steer the resolution
("Provinz X" -> a region, not the city). LOC entities the gazetteer lacks (streets, buildings) fall back to
the article's main city with feature type ``fallback`` and low confidence.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from importlib import resources
from typing import Any

from ..doc import Doc
from ..records import Place
from .demonyms import lookup as demonym_lookup
from .focus import article_focus
from .gazetteer import Candidate, Gazetteer
from .resolver import _GENERIC, Mention, Resolver, link_containers
from .spatial import find_claims

log = logging.getLogger(__name__)

_MAX_WORDS = 4
#: unknown names that are most likely inside the article's town: streets, squares, buildings, districts
_INNER = re.compile(r"(?i)(straße|strasse|platz|allee|gasse|weg|damm|ufer|brücke|bahnhof|flughafen|airport|"
                    r"arena|stadion|stadium|krankenhaus|klinik|hospital|hotel|moschee|kirche|dom|markt|lager|"
                    r"camp|viertel|kaserne|gefängnis|kreuzung|tunnel|hafen|street|road|avenue|square|bridge|station)$")
_TRAIL = re.compile(r"(?:\s+\d[\d.,]*|[\s.,;:]+)$")
_INNER_CUES = {"Bezirk", "Stadtteil", "Stadtviertel", "Viertel", "Vorort", "Flüchtlingslager", "Lager", "Camp"}


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    d = json.loads(resources.files("lagebild.data").joinpath("geo/cues_de.json").read_text(encoding="utf-8"))
    return {
        "region": set(d["region_cues"]), "city": set(d["city_cues"]), "country": set(d["country_cues"]),
        "prep": {w.lower() for w in d["prepositions"]}, "stop": set(d["stop"]),
        "compound_heads": frozenset(d.get("compound_heads", ())),
        "same_name": re.compile(r"\b(?:" + "|".join(re.escape(p) for p in d["same_name"]) + r")\b"),
    }


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """German and English function words ("Dabei", "Man"): capitalised at a sentence start, never places."""
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN

    return frozenset(w.lower() for w in (DE | EN) if len(w) > 1)


@functools.lru_cache(maxsize=20_000)
def _common_noun(word: str) -> bool:
    """Does HanTa's lexicon know this German word as a common noun ("Autos", "Namen", "Kanton")?

    Unknown words (foreign names) score far lower than lexicon words; only a known NN counts.
    """
    from ..segment import word_tags

    tags = word_tags(word)
    return bool(tags) and tags[0][0] == "NN" and tags[0][1] > _KNOWN_WORD_LOGP


_CONJ = frozenset({"und", "oder", "sowie", ",", "and", "or"})
_GERMAN_SPEAKING = frozenset({"DE", "AT", "CH", "LI", "LU"})
#: HanTa log-probabilities: words in its lexicon score about -6 to -14, unknown words about -20 to -35
_KNOWN_WORD_LOGP = -16.0


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


class PlaceStage:
    name = "places"
    requires: tuple[str, ...] = ("tokens", "sentences")
    assigns: tuple[str, ...] = ("places", "spatial_claims")

    def __init__(self, mode: str = "fast", config: dict[str, Any] | None = None) -> None:
        self.mode = mode
        self.config = config or {}
        gaz = self.config.get("gazetteer")
        self.gaz: Gazetteer = gaz if isinstance(gaz, Gazetteer) else Gazetteer.load()
        self.resolver = Resolver(self.gaz)
        self.min_city_pop = int(self.config.get("min_city_pop", 50000))
        self.cues = cues()
        self._compound_heads = self.cues["compound_heads"]

    # -- finding mentions ------------------------------------------------------------------------------------
    def _from_entities(self, doc: Doc) -> list[Mention]:
        out = []
        for e in doc.entities:
            if e.label == "LOC":
                start, end, text = e.start, e.end, e.text
                # the model sometimes swallows a following number or word ("Nowgorod 500"): keep the name part
                m = re.match(r"^(.*?[^\W\d_])(?:\s+(?:\d[\d.,]*|[a-zäöüß]\w*))+$", text)
                if m and not self.gaz.has(text) and self.gaz.has(m.group(1)):
                    text = m.group(1)
                    end = start + len(text)
                # a trailing numbering or punctuation is not part of a name ("Gaza-Krise 1.", "Nowgorod 500")
                m = _TRAIL.search(text)
                if m and m.start() > 0 and not self.gaz.has(text):
                    text = text[:m.start()]
                    end = start + len(text)
                if "-" in text and not self.gaz.has(text):
                    head, _, tail = text.partition("-")
                    if head and self._is_country_name(head):  # "US-Marines", "Irak-Krieg": the country part
                        out.append(Mention(start, start + len(head), head, hint="country"))
                        out[-1].entity = e.entity  # type: ignore[attr-defined]
                        continue
                    if head and tail in self._compound_heads and self._is_big_place(head):
                        # "Gaza-Krise", "Kosovo-Konflikt": an event named after a place; the place is the head
                        out.append(Mention(start, start + len(head), head))
                        out[-1].entity = e.entity  # type: ignore[attr-defined]
                        continue
                out.append(Mention(start, end, text))
                out[-1].fallback_ok = self._fallback_ok(doc, start, text)  # type: ignore[attr-defined]
                out[-1].entity = e.entity  # type: ignore[attr-defined]
            elif e.label in ("ORG", "MISC") and self._is_country_name(e.text):
                out.append(Mention(e.start, e.end, e.text, hint="country"))
                out[-1].entity = e.entity  # type: ignore[attr-defined]
        return out

    def _fallback_ok(self, doc: Doc, start: int, text: str) -> bool:
        """May an unknown LOC name sit at the article's main place? Only names of places inside a town."""
        if " " in text.strip() or _INNER.search(text):
            return True
        k = doc.text.rfind(" ", 0, max(0, start - 1))
        return doc.text[k + 1:start].strip() in _INNER_CUES

    def _is_big_place(self, text: str) -> bool:
        return any(c.flag in (0, 1, 2) and (c.ftype in ("country", "region", "admin1") or c.pop >= 100_000)
                   for c in self.gaz.search(text, 20))

    def _is_country_name(self, text: str) -> bool:
        return any(c.ftype in ("country", "continent") and c.flag in (0, 1, 2) for c in self.gaz.search(text, 10))

    def _plausible(self, cands: list[Candidate], prev: str | None, after_cue: bool, english: bool = False) -> bool:
        """Is a gazetteer-only match a place here (German capitalises all nouns)?"""
        for c in cands:
            if c.flag == 3:
                continue
            if english and c.flag in (0, 2) and (c.pop >= 20_000 or c.ftype in ("admin1", "country", "region")
                                                  or (c.ftype == "admin2" and " " in c.name)):
                return True  # English capitalises names only; small towns still need a preposition
            if c.ftype in ("country", "continent", "region"):
                return True
            if (c.ftype == "admin1" and c.flag <= 2 and self.gaz.country_pop.get(c.cc, 0) >= 5_000_000
                    and c.name.split()[0] not in _GENERIC):
                return True
            if c.ftype == "city" and c.pop >= 1_000_000:
                return True
            if after_cue or (prev is not None and prev.lower() in self.cues["prep"]):
                if c.ftype in ("city", "admin1", "admin2") and (c.flag in (0, 2) or c.pop >= 100_000):
                    if c.pop >= self.min_city_pop or c.ftype != "city" or after_cue:
                        return True
        return False

    def _scan(self, doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
        toks = doc.tokens
        out: list[Mention] = []
        occupied: set[int] = set()
        for s, e in taken:
            occupied.update(range(s, e))
        funcwords = _function_words()
        stop = self.cues["stop"]
        english = (doc.article.language or "de").startswith("en")
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            w = t.text
            if t.start in occupied or not w[:1].isalpha() or (w.lower() in funcwords and not w.isupper()):
                i += 1
                continue
            if not _is_cap(w):
                d = demonym_lookup(w) if len(w) > 4 and w.replace("-", "").isalpha() else None
                if d:
                    out.append(Mention(t.start, t.end, w, kind=d[1], country=self._code(d[0])))
                i += 1
                continue
            # longest capitalised sequence (hyphen/"of"/"de" connectors allowed) that the gazetteer knows
            best = None
            j = i
            words: list[str] = []
            while j < n and j - i < _MAX_WORDS:
                wj = toks[j].text
                if j > i and not (_is_cap(wj) or wj in ("-", "de", "of", "al", "el", "am", "an", "der")):
                    break
                words.append(wj)
                span_text = doc.text[t.start:toks[j].end]
                exact, longer = self.gaz.probe(span_text)
                # a name ends on a word, never on a connector ("München -" would match "München")
                if exact and not (j == i and w in stop) and wj[:1].isalpha() and (j == i or _is_cap(wj)):
                    best = j
                if not longer:
                    if best is None and j == i:
                        break
                    if j > i:
                        break
                j += 1
            if (best is None and not english and len(w) > 4 and w.endswith("s") and w not in stop
                    and self.gaz.probe(w[:-1])[0]):
                best = i  # German genitive: "Israels", "Afrikas" (resolved via the variant without -s)
            if best is None:
                d = demonym_lookup(w) if w.isalpha() and w not in stop else None
                if d:
                    out.append(Mention(t.start, t.end, w, kind=d[1], country=self._code(d[0])))
                i += 1
                continue
            start, end = t.start, toks[best].end
            text = doc.text[start:end]
            prev = toks[i - 1].text if i > 0 else None
            if (prev in _CONJ and i > 1 and out and out[-1].kind == "toponym" and out[-1].end == toks[i - 2].end
                    and getattr(out[-1], "after_prep", False)):
                prev = "in"  # "in Paris und Frankfurt": the preposition governs both names
            hint = None
            if prev in self.cues["region"]:
                hint = "region"
            elif prev in self.cues["city"]:
                hint = "city"
            elif prev in self.cues["country"]:
                hint = "country"
            cands = self.resolver.candidates(Mention(start, end, text))
            if not english and best == i and cands:
                if len(text) <= 2 and not text.isupper():
                    cands = []  # "La", "Al": parts of foreign names, not places
                elif len(text) <= 3 and text.isupper():
                    # all-caps short tokens in German text are acronyms (DEL, LA): only a country/region alias
                    # (USA, EU) or a German-speaking state's (NRW)
                    cands = [c for c in cands if (
                        c.ftype in ("country", "continent", "region")
                        or (c.ftype == "admin1" and c.cc in _GERMAN_SPEAKING))]
                else:
                    # a German common noun ("Namen" is also Namur, "Kanton" Guangzhou, "Bau" a Malaysian town)
                    # is a place only by the primary name of a country, region or big city; HanTa is asked
                    # only when that would change something (it costs ~1 ms per new word)
                    strong = [c for c in cands if c.flag in (0, 2) and (
                        c.ftype in ("country", "continent", "region") or (c.ftype == "city" and c.pop >= 100_000))]
                    if (len(strong) < len(cands) and len(w) <= 20
                            and self._plausible(cands, prev, hint is not None, english) and _common_noun(w)):
                        cands = strong
            d = demonym_lookup(text) if best == i else None
            after_prep = prev is not None and prev.lower() in self.cues["prep"]
            names_country = any(c.ftype == "country" and c.flag <= 2 for c in cands)
            # "Polen", "Ungarn": the people, unless a preposition makes it the country ("in Polen")
            if d and not (after_prep and names_country) and not any(
                    c.flag == 0 and (c.ftype == "country" or c.pop > 100000) for c in cands):
                out.append(Mention(start, end, text, kind=d[1], country=self._code(d[0])))
            elif cands and self._plausible(cands, prev, hint is not None, english):
                m = Mention(start, end, text, hint=hint)
                m.candidates = cands
                m.after_prep = prev is not None and prev.lower() in self.cues["prep"]  # type: ignore[attr-defined]
                out.append(m)
            i = best + 1
        return out

    def _code(self, iso3: str) -> str | None:
        return self.resolver.fixed_code(iso3)

    # -- running ---------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        mentions = self._from_entities(doc)
        kept = []
        for m in mentions:  # cue words before entity spans too
            k = text.rfind(" ", 0, max(0, m.start - 1))
            prev = text[k + 1:m.start].strip()
            if prev in self.cues["region"]:
                m.hint = "region"
            elif prev in self.cues["city"]:
                m.hint = "city"
            if m.hint is None and prev.lower() not in self.cues["prep"]:
                # a tagger LOC that only matches hamlets, with no preposition before it ("in dichtem Nebel")
                cands = self.resolver.candidates(m)
                if cands and all(c.ftype == "city" and c.pop < 10_000 for c in cands):
                    continue
                m.candidates = cands
            kept.append(m)
        mentions = kept
        # every entity span (persons, organisations too: "General Michael Hagee", "South Airlines") is off
        # limits for the gazetteer scan; LOC spans are already mentions
        taken = [(e.start, e.end) for e in doc.entities] + [(m.start, m.end) for m in mentions]
        scanned = self._scan(doc, taken)
        # entity spans: keep the char ranges to skip in the scan
        covered = [(m.start, m.end) for m in mentions]
        for m in scanned:
            if not any(m.start < e and s < m.end for s, e in covered):
                mentions.append(m)
        mentions.sort(key=lambda m: m.start)
        link_containers([m for m in mentions if m.kind == "toponym"], text)
        self.resolver.resolve(mentions, language=doc.article.language)
        places: list[Place] = []
        for m in mentions:
            c = m.choice
            if c is None:
                continue
            if m.fallback:
                places.append(Place(start=m.start, end=m.end, text=m.text, name=c.name, geonameid=None,
                                    country_iso2=c.cc or None, country_iso3=self.gaz.country_iso3(c.cc) if c.cc else None,
                                    admin1=c.admin1_name or None, lat=round(c.lat, 5), lon=round(c.lon, 5),
                                    feature_type="fallback", confidence=0.3, kind="toponym",
                                    entity=getattr(m, "entity", None)))
            else:
                places.append(self._place(m, c, conf=min(m.confidence, 0.5) if m.partial else None))
        places.extend(self._same_name(doc, places))
        places.sort(key=lambda p: p.start)
        doc.places = places
        doc.spatial_claims = find_claims(doc, places, self.gaz)
        doc.summary["focus"] = article_focus(places, self.gaz)
        return doc

    def _place(self, m: Mention, c: Candidate, ftype: str | None = None, conf: float | None = None) -> Place:
        return Place(start=m.start, end=m.end, text=m.text, name=c.name, geonameid=c.geonameid,
                     country_iso2=c.cc or None, country_iso3=self.gaz.country_iso3(c.cc) if c.cc else None,
                     admin1=c.admin1_name or None, lat=round(c.lat, 5),
                     lon=round(c.lon, 5), feature_type=ftype or c.ftype,
                     confidence=conf if conf is not None else (0.9 if m.country else m.confidence),
                     kind=m.kind, entity=getattr(m, "entity", None))

    def _same_name(self, doc: Doc, places: list[Place]) -> list[Place]:
        """'die gleichnamige Hauptstadt' after a region or country: the city of the same name there."""
        out: list[Place] = []
        if "leichnamig" not in doc.text and "amensgleich" not in doc.text:
            return out
        for mt in self.cues["same_name"].finditer(doc.text):
            before = [p for p in places if p.end <= mt.start() and p.feature_type in ("admin1", "admin2", "region",
                                                                                       "country")]
            if not before:
                continue
            ref = before[-1]
            cities = [c for c in self.gaz.search(ref.text) + (self.gaz.search(ref.name) if ref.name else [])
                      if c.ftype == "city" and c.cc == ref.country_iso2]
            if not cities:
                continue
            best = max(cities, key=lambda c: (c.capital, c.pop))
            m = Mention(mt.start(), mt.end(), mt.group(0))
            out.append(self._place(m, best, conf=0.8))
        return out
