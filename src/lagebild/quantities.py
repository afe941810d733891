"""Counts and amounts in German news text ("knapp 2.000 Zivilisten", "2,5 Millionen Euro").

Rule-based over the segmenter's tokens: a number (digits in German format,
number words, "Hunderte", "zwei Dutzend", "ein Drittel") plus its multiplier,
range and unit, the qualifier in front of it ("fast", "mehr als", "bis zu"),
the counted noun after it and, for people, the GDELT GKG count type taken from
the noun ("Tote" -> KILL) or from the nearest predicate in the clause
("... wurden getötet" -> KILL). Years, dates, clock times, ordinals, labels
("Artikel 5", "Platz 3") and anything inside a ``doc.times`` span are skipped,
because a count extractor that reports "2014 Menschen" destroys trust fast.

All word lists live in ``data/quantities_de.json``.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .doc import Doc
from .records import Quantity, Token

log = logging.getLogger(__name__)

_DIGITS = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_SWISS = re.compile(r"^\d{1,3}(?:[’']\d{3})+$")  # "5’500 Arbeitsplätze": Swiss thousands separator
_DOT_DECIMAL = re.compile(r"^\d{1,4}\.\d{1,2}$")  # "228.5 Kilometer": not German grouping, so a decimal point
_DATA_SIZE = re.compile(r"^[KMGT]B$")  # "32 KB bis 128 KB": a data size, written like a unit
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_SIGNED = re.compile(r"^[+−-](?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")  # "+1,0 %"
_SPACED_DECIMAL = re.compile(r"^\d{3},\d+$")
_PRICE = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+),[-–]$")
_WORD_TENS = ("zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig")
_DASHES = {"-", "–", "—", "bis"}
_PUNCT_STOP = {",", ";", ":", ".", "!", "?", "(", ")", "„", "“", '"', "»", "«", "–", "-"}


@dataclass(frozen=True)
class Lexicon:
    number_words: dict[str, int]
    weak: frozenset[str]
    multipliers: dict[str, float]
    vague: dict[str, tuple[float, str | None]]
    some_words: dict[str, int]
    fractions: dict[str, float]
    qualifiers1: dict[str, str | None]
    qualifiers2: dict[tuple[str, str], str | None]
    units: dict[str, str]
    unit_categories: dict[str, str]
    label_nouns: frozenset[str]
    not_objects: frozenset[str]
    function_words: frozenset[str]
    objects: dict[str, tuple[str, str | None]]
    object_suffixes: tuple[str, ...]  # longest first
    generic: frozenset[str]
    person_categories: frozenset[str]
    outcomes: frozenset[str]
    predicates: dict[str, tuple[str, str]]
    duration_units: frozenset[str]
    predicate_stems: tuple[tuple[str, tuple[str, str]], ...]
    org_categories: dict[str, str]
    duration_suffixes: tuple[str, ...]
    predicate_prefixes: tuple[tuple[str, tuple[str, str]], ...]
    phrases: tuple[tuple[tuple[str, ...], tuple[str, str]], ...]
    person_suffixes: tuple[str, ...] = ()
    person_suffix_exceptions: tuple[str, ...] = ()
    count_heads: tuple[str, ...] = ()
    negators: frozenset[tuple[str, str]] = frozenset()
    gegen_governors: tuple[str, ...] = ()
    size_participles: tuple[str, ...] = ()
    ambiguous_after_article: frozenset[str] = frozenset()
    label_heads: tuple[str, ...] = ()
    person_suffix_overrides: tuple[str, ...] = ()
    infinitive_outcomes: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    ueber_governors: tuple[str, ...] = ()
    um_governors: tuple[str, ...] = ()
    unit_compound_heads: tuple[tuple[str, str], ...] = ()
    prefix_currencies: dict[str, str] | None = None
    months: frozenset[str] = frozenset()
    angle_words: tuple[str, ...] = ()
    determiners: frozenset[str] = frozenset()
    generic_defaults: dict[str, tuple[str, str]] | None = None
    attack_nouns: frozenset[str] = frozenset()
    unter_governors: tuple[str, ...] = ()
    non_lethal_victim_stems: tuple[str, ...] = ()
    action_heads: tuple[tuple[str, tuple[str, str]], ...] = ()
    civil_service_cues: tuple[str, ...] = ()
    police_context_cues: tuple[str, ...] = ()
    money_cues: tuple[str, ...] = ()
    money_heads: tuple[str, ...] = ()
    year_verbs: frozenset[str] = frozenset()
    weight_cues: tuple[str, ...] = ()
    adverb_nouns: frozenset[str] = frozenset()
    rout_verbs: tuple[str, ...] = ()
    year_participles: tuple[str, ...] = ()
    life_losing_verbs: frozenset[str] = frozenset()
    label_head_exceptions: tuple[str, ...] = ()
    no_fate_nouns: frozenset[str] = frozenset()
    unter_ranks: frozenset[str] = frozenset()
    score_verbs: tuple[str, ...] = ()
    match_cues: tuple[str, ...] = ()
    split_phrases: dict[str, tuple[frozenset[str], tuple[str, str]]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("lagebild.data").joinpath("quantities_de.json").read_text(encoding="utf-8")
    )
    q1: dict[str, str | None] = {}
    q2: dict[tuple[str, str], str | None] = {}
    for k, v in raw["qualifiers"].items():
        parts = k.split()
        if len(parts) == 1:
            q1[k] = v
        else:
            q2[(parts[0], parts[1])] = v
    objects = {k: (v[0], v[1]) for k, v in raw["objects"].items()}
    preds = {k: (v[0], v[1]) for k, v in raw["predicates"].items() if " " not in k}
    prefixes = tuple((k[:-1], (v[0], v[1])) for k, v in raw["predicates"].items() if k.endswith("*"))
    phrases = tuple((tuple(p[:-2]), (p[-2], p[-1])) for p in raw["predicate_phrases"])
    return Lexicon(
        number_words=raw["number_words"],
        weak=frozenset(raw["weak_number_words"]),
        multipliers=raw["multipliers"],
        vague={k: (v[0], v[1]) for k, v in raw["vague"].items()},
        some_words=raw["some_words"],
        fractions=raw["fractions"],
        qualifiers1=q1,
        qualifiers2=q2,
        units=raw["units"],
        unit_categories=raw["unit_categories"],
        label_nouns=frozenset(raw["label_nouns"]),
        not_objects=frozenset(raw["not_objects"]),
        function_words=frozenset(raw["function_words"]),
        objects=objects,
        object_suffixes=tuple(sorted(objects, key=len, reverse=True)),
        generic=frozenset(raw["generic_categories"]),
        person_categories=frozenset(raw["person_categories"]),
        outcomes=frozenset(v[0] for v in raw["predicates"].values()),
        predicates=preds,
        duration_units=frozenset(raw["duration_units"]),
        predicate_stems=tuple((k, (v[0], v[1])) for k, v in raw["predicate_stems"].items()),
        org_categories=raw["org_categories"],
        duration_suffixes=tuple(raw["duration_suffixes"]),
        predicate_prefixes=prefixes,
        phrases=phrases,
        person_suffixes=tuple(sorted(raw.get("person_suffixes", ()), key=len, reverse=True)),
        person_suffix_exceptions=tuple(raw.get("person_suffix_exceptions", ())),
        count_heads=tuple(sorted(raw.get("count_heads", ()), key=len, reverse=True)),
        negators=frozenset((a, b) for a, b in raw.get("negators", ())),
        gegen_governors=tuple(raw.get("gegen_governors", ())),
        size_participles=tuple(raw.get("size_participles", ())),
        ambiguous_after_article=frozenset(raw.get("ambiguous_after_article", ())),
        label_heads=tuple(w for w in raw["label_nouns"] if len(w) >= 5 and w.isalpha()),
        measure_nouns=frozenset(raw.get("measure_nouns", ())),
        person_suffix_overrides=tuple(raw.get("person_suffix_overrides", ())),
        infinitive_outcomes=frozenset(raw.get("infinitive_outcomes", ())),
        ueber_governors=tuple(raw.get("ueber_governors", ())),
        um_governors=tuple(raw.get("um_governors", ())),
        unit_compound_heads=tuple(sorted(raw.get("unit_compound_heads", {}).items(), key=lambda kv: -len(kv[0]))),
        prefix_currencies=raw.get("prefix_currencies", {}),
        months=frozenset(raw.get("date_words", ())),
        angle_words=tuple(raw.get("angle_words", ())),
        determiners=frozenset(raw.get("determiners", ())),
        generic_defaults={k: (v[0], v[1]) for k, v in raw.get("generic_defaults", {}).items()},
        attack_nouns=frozenset(raw.get("attack_nouns", ())),
        unter_governors=tuple(raw.get("unter_governors", ())),
        non_lethal_victim_stems=tuple(raw.get("non_lethal_victim_stems", ())),
        action_heads=tuple((k, (v[0], v[1])) for k, v in raw.get("action_heads", {}).items()),
        civil_service_cues=tuple(raw.get("civil_service_cues", ())),
        police_context_cues=tuple(raw.get("police_context_cues", ())),
        money_cues=tuple(raw.get("money_cues", ())),
        money_heads=tuple(raw.get("money_heads", ())),
        year_verbs=frozenset(raw.get("year_verbs", ())),
        weight_cues=tuple(raw.get("weight_cues", ())),
        adverb_nouns=frozenset(raw.get("adverb_nouns", ())),
        rout_verbs=tuple(raw.get("rout_verbs", ())),
        year_participles=tuple(raw.get("year_participles", ())),
        life_losing_verbs=frozenset(raw.get("life_losing_verbs", ())),
        label_head_exceptions=tuple(raw.get("label_head_exceptions", ())),
        no_fate_nouns=frozenset(raw.get("no_fate_nouns", ())),
        unter_ranks=frozenset(raw.get("unter_ranks", ())),
        score_verbs=tuple(raw.get("score_verbs", ())),
        match_cues=tuple(raw.get("match_cues", ())),
        split_phrases={p[0]: (frozenset(p[1]), (p[2], p[3])) for p in raw.get("split_phrases", ())},
    )


def parse_digits(s: str) -> float:
    """German digit string to float: "10.000" -> 10000, "2,5" -> 2.5."""
    return float(s.replace(".", "").replace(",", "."))


def _word_value(w: str, lex: Lexicon) -> int | None:
    """Value of a (compound) German number word: "dreihundertfünfzig" -> 350."""
    if not w:
        return None
    if w in lex.number_words:
        return lex.number_words[w]
    for mult, val in (("tausend", 1000), ("hundert", 100)):
        i = w.rfind(mult)
        if i >= 0:
            left, right = w[:i], w[i + len(mult):]
            lv = 1 if left in ("", "ein") else _word_value(left, lex)
            rv = 0 if right == "" else _word_value(right.removeprefix("und"), lex)
            if lv is None or rv is None:
                return None
            return lv * val + rv
    if "und" in w:
        left, _, right = w.partition("und")
        if right in _WORD_TENS:
            lv = 1 if left == "ein" else lex.number_words.get(left)
            if lv is not None and 1 <= lv <= 9:
                return lv + lex.number_words[right]
    return None


def _lookup_inflected(low: str, lex: Lexicon) -> tuple[str, str | None] | None:
    """Entry for a word or its form without a dative/genitive ending ("Männern" -> "männer", "Soldats")."""
    hit = lex.objects.get(low)
    if hit is None and len(low) > 4 and low[-1] in "ns":
        hit = lex.objects.get(low[:-1])
    if hit is None and len(low) > 4 and low.endswith("er"):
        hit = lex.objects.get(low[:-1])  # "1 Toter, 1 Schwerverletzter": the singular of an outcome noun
        if hit is not None and hit[0] not in lex.outcomes:
            hit = None
    return hit


@functools.lru_cache(maxsize=4096)
def _object_category_low(low: str) -> tuple[str, str | None] | None:
    lex = lexicon()
    hit = _lookup_inflected(low, lex)
    if hit is not None:
        return hit
    for head in ("angehörige", "angehörigen"):
        if low.endswith(head) and len(low) > len(head) + 3:
            mod = low[: -len(head)]
            org = lex.org_categories.get(mod) or lex.org_categories.get(mod.removesuffix("s"))
            if org is not None:
                return (org, None)  # "acht Bataillonsangehörige": members of an army unit are soldiers
    if low.endswith("innen") and len(low) >= 8 and not low.endswith(_NOT_FEMININE):
        hit = _feminine_plural(low[:-5])
        if hit is not None:
            return hit  # "Polizistinnen" are police, "Jüdinnen" are people, like "Polizisten", "Juden"
    age = _AGE_NOUN_YEARS.match(low)
    if age is not None and int(age.group(1)) < 18:
        return ("children", None)  # "zwei 17-Jährige": minors (an adult age stays "jährige", people)
    if "-" in low:
        hit = _lookup_inflected(low.replace("-", ""), lex)  # "Crew-Mitglieder" is "Crewmitglieder"
        if hit is not None:
            return hit
        low = low.rsplit("-", 1)[-1]
        hit = _lookup_inflected(low, lex)
        if hit is not None:
            return hit
    # a compound names its class by its head: "Bürgerkriegsflüchtlinge" -> "flüchtlinge"; the longest
    # known ending wins, and at least three letters must stay in front ("Sorte" is not "Orte")
    for k in range(3, len(low) - 3):
        hit = _lookup_inflected(low[k:], lex)
        if hit is not None:
            return hit
    if len(low) >= 8 and low.endswith("ereien"):
        return ("", None)  # "fünf Druckereien ... betroffen", Brauereien, Reedereien: businesses, never people
    if len(low) >= 8 and low.endswith("ungen") and not low.endswith("verletzungen"):  # "drei schwere Verletzungen"
        return ("", None)  # "13.000 Entlassungen", "400 Kündigungen": events, counted, never a people outcome
    if len(low) >= 7 and low.endswith(lex.person_suffix_overrides):
        return ("people", None)  # "Fahrerinnen": the -rinnen exception is for "Regenrinnen"
    if len(low) >= 7 and not low.endswith(lex.person_suffix_exceptions) and low.endswith(lex.person_suffixes):
        return ("people", None)  # "Peruaner", "Ingenieure", "Aktivistinnen": some group of people
    return None


_AGE_NOUN_YEARS = re.compile(r"^(\d{1,2})-jährige[nr]?$")
_NOT_FEMININE = ("sinnen", "winnen", "spinnen", "binnen", "enrinnen")  # "Ansinnen", "Gewinnen", "Regenrinnen"
_UMLAUT = str.maketrans("äöü", "aou")


def _feminine_plural(base: str) -> tuple[str, str | None] | None:
    """Class of the masculine plural of a feminine plural's stem ("ärzt" -> "ärzte", "jüd" -> "juden")."""
    for stem in (base, base.translate(_UMLAUT)):
        for end in ("", "e", "en", "n"):
            if len(stem + end) >= 4:
                hit = _object_category_low(stem + end)
                if hit is not None:
                    return hit
    return None


def _object_category(noun: str, lex: Lexicon) -> tuple[str, str | None] | None:
    return _object_category_low(noun.lower().lstrip("#"))  # "Fünf #Schüler verletzt": a hashtag is the noun


@dataclass
class _Num:
    i: int  # first token of the number
    j: int  # token index after the number phrase (number, multiplier, range, unit)
    value: float
    value_max: float | None = None
    qualifier: str | None = None
    q_i: int | None = None  # first token of the qualifier
    unit: str | None = None
    fraction: bool = False
    toks: list[Token] | None = None
    negated: bool = False  # "keiner der 30 Insassen"
    further: bool = False  # "weitere zehn": same class as the count before
    total: bool = False  # "von den 250 ...": the set a later count is part of
    whole: bool = False  # "12 der 300 Insassen": the set the count before is part of
    shared: bool = False  # "drei und vier Generationen": takes the class of the count after it
    of_action: bool = False  # "die Abschiebung von 80 Afghanen": the object of a noun, not the subject of the verb


@functools.lru_cache(maxsize=1)
def _alpha_starts() -> frozenset[str]:
    """Every word that can open a number phrase by itself (compounds are caught by their parts below)."""
    lex = lexicon()
    return frozenset({*lex.number_words, *lex.vague, *lex.multipliers, *lex.some_words, *lex.weak, *lex.fractions,
                      "die", "hälfte", "anderthalb", "minus", *_HALF})


def _match_number(toks: list[Token], i: int, lex: Lexicon) -> tuple[float, int, str | None, bool] | None:
    """(value, index after, implied qualifier, is_fraction) for a number starting at token i."""
    t = toks[i].text
    low = t.lower()
    if t[:1].isalpha() and low not in _alpha_starts() and "hundert" not in low and "tausend" not in low \
            and "und" not in low and not low.endswith("einhalb"):
        return None  # most words: no number word can start here (a cheap test before the full parse)
    n = len(toks)
    nxt = toks[i + 1].text.lower() if i + 1 < n else ""
    if _PRICE.match(t):
        t = t[:-2]  # "1200,- €": German price notation without cents
    if ("’" in t or "'" in t) and _SWISS.match(t):
        t = t.replace("’", "").replace("'", "")
    sign = 1.0
    if _SIGNED.match(t) and i + 1 < n and _unit_of(toks[i + 1].text, lex) in ("percent", "percentage_points", "degree",
                                                                               "degree_celsius"):
        sign, t = (1.0 if t[0] == "+" else -1.0), t[1:]
    elif _SIGNED.match(t) and (t[0] in "+−" or "," in t) and not (i > 0 and toks[i - 1].text[:1].isdigit()):
        sign, t = (1.0 if t[0] == "+" else -1.0), t[1:]  # "(+0,4 Prozent nach +0,2 im Jahr davor)": the unit is carried
    elif low == "minus" and i + 2 < n and _DIGITS.match(toks[i + 1].text) \
            and _unit_of(toks[i + 2].text, lex) in ("degree", "degree_celsius", "percent", "percentage_points"):
        return -parse_digits(toks[i + 1].text), i + 2, None, False  # "minus 25 Grad", "nach minus 3,1 % im August"
    elif low == "minus" and i + 3 < n and _DIGITS.match(toks[i + 1].text) and toks[i + 2].text.lower() in lex.multipliers \
            and lex.unit_categories.get(_unit_of(toks[i + 3].text, lex) or "") == "money":
        return -parse_digits(toks[i + 1].text) * lex.multipliers[toks[i + 2].text.lower()], i + 3, None, False
        # "lag bei minus 255 Milliarden Won": a loss
    if _DOT_DECIMAL.match(t) and not _DIGITS.match(t) and i + 1 < n \
            and lex.unit_categories.get(_unit_of(toks[i + 1].text, lex) or "") not in (None, "duration", "people"):
        return float(t), i + 1, None, False
    if _DOT_DECIMAL.match(t) and not _DIGITS.match(t) and lex.multipliers.get(nxt, 0) >= 1e6:
        return float(t) * lex.multipliers[nxt], i + 2, None, False  # "CHF 74.6 Millionen": Swiss or English decimals
    if _DIGITS.match(t):
        digits = t.replace(".", "").split(",")[0]
        if len(digits) >= 9 or (len(digits) >= 5 and digits.startswith("0")):
            return None  # phone numbers, ids
        value = sign * parse_digits(t)
        j = i + 1
        while (t.isdigit() and len(t) <= 3 and j < n and len(toks[j].text) == 3 and toks[j].text.isdigit()
               and toks[j].start == toks[j - 1].end + 1 and not (j + 1 < n and toks[j + 1].text[:1].isdigit()
                                                                 and len(toks[j + 1].text) != 3)):
            value = value * 1000 + int(toks[j].text)  # "mindestens 14 000 Menschen": thousands set off by a space
            j += 1
        while (t.isdigit() and len(t) <= 3 and j + 1 < n and toks[j].text in ("'", "’") and len(toks[j + 1].text) == 3
               and toks[j + 1].text.isdigit()):
            value = value * 1000 + int(toks[j + 1].text)  # "rund 213 ' 000 Schweizer Franken": a Swiss mark, spaced
            j += 2
        if (t.isdigit() and len(t) <= 3 and j < n and _SPACED_DECIMAL.match(toks[j].text)
                and toks[j].start == toks[j - 1].end + 1):
            value = value * 1000 + parse_digits(toks[j].text)  # "auf 19 283,77 Punkte": the last group has decimals
            j += 1
    elif low == "die" and nxt == "hälfte":
        return 0.5, i + 2, None, True  # "mehr als die Hälfte der Bewohner"
    elif low == "hälfte" and i > 0 and toks[i - 1].text.lower() in ("andere", "anderen", "zur", "der", "eine", "gut"):
        return 0.5, i + 1, None, True  # "die andere Hälfte", "zur Hälfte"
    elif low in lex.multipliers and i >= 2 and toks[i - 1].text.lower() in ("weitere", "weiteren") \
            and toks[i - 2].text.lower() in lex.weak:
        return lex.multipliers[low], i + 1, None, False  # "und eine weitere Million für den Verein"
    elif low in _HALF and (nxt == "dutzend" or lex.multipliers.get(nxt, 0) >= 1000) \
            and not (i > 0 and (toks[i - 1].text[:1].isdigit() or toks[i - 1].text.lower() in lex.weak)):
        # "aus dem verbliebenen halben Dutzend Vorschlägen": half of it, whatever article stands before
        return 0.5 * (12 if nxt == "dutzend" else lex.multipliers[nxt]), i + 2, None, False
    elif low in lex.vague:
        v, q = lex.vague[low]
        if nxt in lex.multipliers and low not in lex.multipliers:
            return v * lex.multipliers[nxt], i + 2, q, False  # "dutzende Millionen Muslime"
        return v, i + 1, q, False
    elif low in lex.some_words and (nxt in ("dutzend", "millionen", "milliarden")
                                    or _word_value(nxt, lex) in (100, 1000, 10000, 100000)  # "mehrere Zehntausend"
                                    or (nxt == "zehn" and i + 2 < n
                                        and lex.multipliers.get(toks[i + 2].text.lower(), 0) >= 1e6)):  # "mehrere zehn Milliarden"
        mult = 12 if nxt == "dutzend" else lex.multipliers.get(nxt) or _word_value(nxt, lex) or 1
        m3 = toks[i + 2].text.lower() if i + 2 < n else ""
        if lex.multipliers.get(m3, 0) >= 1e6 and mult < 1e6:
            return lex.some_words[low] * mult * lex.multipliers[m3], i + 3, "at_least", False  # "mehrere hundert Millionen"
        return lex.some_words[low] * mult, i + 2, "at_least", False
    elif low in lex.weak and nxt in _HALF and i + 2 < n and (toks[i + 2].text.lower() in lex.multipliers
                                                            or toks[i + 2].text.lower() == "dutzend"):
        m2 = toks[i + 2].text.lower()
        return 0.5 * (12 if m2 == "dutzend" else lex.multipliers[m2]), i + 3, None, False  # "eine halbe Million"
    elif (half := _half_value(low, lex)) is not None:
        value = half
        j = i + 1  # "anderthalb", "zweieinhalb (Millionen)"
    else:
        value_w = _word_value(low, lex)
        if value_w is None:
            return None
        if low in lex.weak and nxt not in lex.multipliers and nxt not in lex.fractions and nxt != "dutzend" \
                and not _is_measure_unit(toks[i + 1].text if i + 1 < n else "", lex) \
                and not _weak_range_start(toks, i, lex):
            return None  # "ein Mann" is an article; "ein Pfund", "einen Euro" are amounts
        value = float(value_w)
        j = i + 1
    if j < n:
        m = toks[j].text.lower()
        if m not in lex.fractions and len(m) > 6 and m.endswith("n") and m[:-1] in lex.fractions:
            m = m[:-1]  # "zwei Dritteln"
        if m in lex.fractions:
            return value * lex.fractions[m], j + 1, None, True
        if m == "dutzend":
            return value * 12, j + 1, None, False
        if (m + "." in lex.multipliers and j + 2 == n and toks[j + 1].text == "."
                and toks[j + 1].start == toks[j].end):
            return value * lex.multipliers[m + "."], j + 2, None, False  # "bis auf 1 Bio.": the abbreviation's dot
        if m in lex.multipliers:
            return value * lex.multipliers[m], j + 1, None, False
    return value, j, None, False


_HALF = ("halbe", "halben", "halbes")


def _weak_range_start(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """ "ein bis zwei Krankenschwestern", "zwischen einer und vier Zigaretten": "ein" is the lower end of a range."""
    if i + 2 >= len(toks):
        return False
    conn = toks[i + 1].text.lower()
    if not (conn == "bis" or (conn == "und" and i > 0 and toks[i - 1].text.lower() == "zwischen")):
        return False
    upper = toks[i + 2].text
    w = _word_value(upper.lower(), lex)
    return ((upper.isdigit() and len(upper) <= 2) or (w is not None and 2 <= w <= 20 and upper.lower() not in lex.weak)
            or _half_value(upper.lower(), lex) is not None)  # "ein und anderthalb Millionen" after "zwischen"


def _half_value(w: str, lex: Lexicon) -> float | None:
    """ "anderthalb" 1.5, "eineinhalb" 1.5, "zweieinhalb" 2.5."""
    if w == "anderthalb":
        return 1.5
    if w.endswith("einhalb") and len(w) > 7:
        left = w[:-7]
        v = 1 if left == "ein" else _word_value(left, lex)
        return None if v is None else v + 0.5
    return None


def _unit_of(word: str, lex: Lexicon) -> str | None:
    """Unit code of a unit word, also in the dative plural ("Sitzen", "Toren", "Quadratmetern")."""
    u = word.lower()
    hit = lex.units.get(u)
    if hit is None and len(u) > 4 and u.endswith("n"):
        hit = lex.units.get(u[:-1])
    if hit is not None and u in ("m", "t", "g", "a") and word != u:
        return None  # "M", "T": initials, not metres or tonnes
    if u == "mw" and word != "MW":
        return None  # "6,3 Mw" is a moment magnitude, not megawatts
    if u == "kw" and word != "kW":
        return None  # "KW 12" is a calendar week
    if hit is None and word[:1].isupper() and len(u) > 8:
        for head, code in lex.unit_compound_heads:
            if u.endswith(head) and len(u) - len(head) >= 3 and (code != "point" or "-" in u):  # not "Stützpunkten"
                return code  # "Delegiertenstimmen", "Nein-Stimmen"
    return hit


def _is_measure_unit(word: str, lex: Lexicon) -> bool:
    """A unit after which "ein/eine" is the number one: money, distance, weight, percent (not time: "ein Jahr")."""
    u = _unit_of(word, lex)
    return (u is not None and len(word) > 1
            and lex.unit_categories.get(u) not in (None, "duration", "people", "goals", "votes", "seats", "points")
            and word.lower() not in lex.ambiguous_after_article)


# "einer Vogelbeobachtung 37 tote Rohrweihen": an abstract noun before a number and an adjective + noun after it is
# not a name with a number ("Windows 10 bekannte Funktionen" is)
_ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "schaft", "tät")  # not "-tion": "PlayStation 4 inklusive Sammelfigur"


_SPAN_ADJ = ("jährig", "stündig", "tägig", "wöchig", "monatig", "minütig", "sekündig")
_DAY_PARTS = frozenset({"wochenende", "vormittag", "nachmittag", "abend", "morgen", "mittag", "feiertag"})
_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend")
_STREET_HEADS = ("gasse", "straße", "strasse", "allee")
_TITLES = frozenset({"dr.", "prof.", "herr", "herrn", "frau", "hr.", "fr."})
_FACTOR_NEXT = frozenset({"so", "mehr", "höher", "größer", "weniger", "kleiner", "schneller", "häufiger"})
_NEGATED_QUALIFIER = {"more_than": "up_to", "less_than": "at_least"}
_YEAR_CONTEXT = frozenset({"um", "im", "seit", "bis", "ab", "anno", "jahr", "jahre", "jahres", "von", "vor", "nach",
                           "starb", "geboren", "gestorben", "gegründet", "erbaut"})  # "John von Gaunt starb 1399."
_DURATION_LINKS = frozenset({",", "und", "oder", "bzw.", "statt", "anstatt", "bisher", "zuvor", "früher", "auf", "die"})
# "38 statt bisher 36 Stunden", "von 60 auf die 65 Jahre": the first number shares the time unit written after the second
# after these a sentence-final "15." is a day or an ordinal ("starb am 15.", "in der 90.", "Mitte des 18.")
_ORDINAL_DETS = frozenset({"am", "im", "vom", "zum", "zur", "beim", "ins", "der", "die", "das", "den", "dem", "des", "seit"})
_MONTHS12 = frozenset({"januar", "jänner", "februar", "feber", "märz", "april", "mai", "juni", "juli", "august",
                       "september", "oktober", "november", "dezember"})
_AFTER_AN_AGE = frozenset({"noch", "schon", "bereits", "erst", "erstmals", "als", "durch"})  # "mit 52 noch einmal"
_AGE_NOT_AFTER = frozenset({"und", "oder", "bis", "zu", "gegen", "weitere", "weiteren", "anderen", "mehr", "weniger",
                            "von", "aus", "der", "den", "prozent"})  # "mit 21 zu 3", "mit 30 weiteren": no age
_RACE_CUES = ("medaille", "olympi", "meisterschaft", "weltmeister", "europameister", "staffel", "rennen", "wettkampf",
              "sprint", "hürden", "finale", "weltcup")
_PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich"})
# a court file number: "1 BvR 1502/08", "4 ABR 54/14", "2 StR 310/04", "1 WB 33.17", "B 12 R 13/13 R"
_FILE_ABBR = re.compile(r"[A-Z][A-Za-z]{0,4}")
_FILE_NUM = re.compile(r"\d{1,5}|\d{1,4}\.\d\d")
_INTENT_VERBS = frozenset({"wollen", "wollte", "wollten", "will", "planten", "plante", "planen", "plant"})
_MODALS = frozenset({"kann", "darf", "muss", "soll", "will", "durfte", "konnte", "musste", "sollte", "wollte"})


def _counted_after(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """A unit or a capitalised noun at ``k`` or after one adjective: what the number before counts."""
    def noun(m: int) -> bool:
        w = toks[m].text if m < len(toks) else ""
        return _unit_of(w, lex) is not None or (w[:1].isupper() and w.isalpha())

    w = toks[k].text if k < len(toks) else ""
    return noun(k) or (w.isalpha() and w.islower() and w.endswith(("e", "en", "er", "es")) and noun(k + 1))


def _is_skipped(toks: list[Token], i: int, j: int, text: str, lex: Lexicon) -> bool:
    """Years, clock times, labels ("Artikel 5"), dates ("3.5.") and scores are not counts."""
    t = toks[i].text
    prev = toks[i - 1].text.lower() if i > 0 else ""
    nxt = toks[j].text if j < len(toks) else ""
    nlow = nxt.lower()
    label_before = prev in lex.label_nouns or (
        i > 0 and toks[i - 1].text[:1].isupper() and len(prev) > 7 and prev.endswith(lex.label_heads)
        and not prev.endswith(lex.label_head_exceptions))  # "Tabellenplatz acht", not "die Kommission 20"
    if label_before and i + 1 < len(toks) and toks[i + 1].text.lower() in lex.multipliers:
        return False  # "hat die Band 425 Millionen Klicks": a label never takes a multiplier
    if t[:1].isdigit() and (_citation_label(toks, i, lex) or _file_number(toks, i)):
        return True  # "Rn. 9 und 11", "§ 128 Abs 1 S 1 SGG", "1 BvR 1502/08": parts of a legal citation
    if (i == 0 and t.isdigit() and len(t) <= 2 and (j == len(toks) or (nxt == "." and j + 1 == len(toks)))) or (
            i == 1 and prev == "(" and nxt == ")" and t.isdigit() and len(t) <= 2):
        return True  # "2." or "(3)" alone at the start: the number of a list item or paragraph
    if t.isdigit() and (nlow in _MONTHS12 or (nxt == "." and j + 1 < len(toks)
                                                 and toks[j + 1].text.lower() in _MONTHS12)) and 1 <= int(t) <= 31:
        return True  # "(24 Juni)", "vom 7 . Mai": a date written without its dot or with a spaced one
    if ((i == 0 or ((prev in (".", "!", "?") or re.fullmatch(r"1[4-9]\d\d\.|20\d\d\.", prev))
                    and toks[i - 1].end == toks[i].start - 1))  # "im Jahr 1540. 1041 wurde": a missed sentence end
            and re.fullmatch(r"1[0-3]\d\d", t) and nxt.isalpha() and nxt.islower()
            and (nlow in lex.year_verbs or nlow in ("starb", "verstarb", "wurde", "war")
                 or (j + 1 < len(toks) and toks[j + 1].text.lower() in _PRONOUNS))):
        return True  # "1245 beteiligte er sich am Konzil", "1192 starb der Vater": a year before 1400 opening the sentence
    if i == 0 and re.fullmatch(r"[5-9]\d\d|1[0-3]\d\d", t) and _singular_past_before_a_name(toks, j, lex):
        return True  # "811 legte Karl der Große die Drau fest": a singular verb has no count of 811 for subject
    if _early_year_after_um(toks, i, j, lex):
        return True  # "die demnach um 740 hätte stattfinden müssen", "Um 690 wurde der Grundstein gelegt"
    if prev == "außer" and t == "acht":
        return True  # "außer acht lassen" (old spelling of "außer Acht"): no count
    if t.lower() == "eins" and ((nlow == "zu" and j + 1 < len(toks) and toks[j + 1].text.lower() == "eins")
                                or (prev == "zu" and i > 1 and toks[i - 2].text.lower() == "eins")):
        return True  # "nicht eins zu eins ummünzen": the idiom (exactly, unchanged), not two counts
    if toks[i - 1].text == "Grund" and (i < 2 or toks[i - 2].text.lower() not in ("auf", "im", "zu", "aus", "ohne")) \
            and (_plain_value(t, lex) or 0) <= 10 and j < len(toks) and nlow in ("für", "ist", "war", ":"):
        return True  # "Grund drei für die Tattoowelle ist": a numbered reason, not three reasons
    if t.isdigit() and ((prev == "(" and i > 1 and toks[i - 2].text.lower().endswith(("zielgruppe", "altersgruppe")))
                        or (prev in ("bis", "-", "–") and i > 3 and toks[i - 2].text.isdigit() and toks[i - 3].text == "("
                            and toks[i - 4].text.lower().endswith(("zielgruppe", "altersgruppe")))):
        return True  # "in der jungen Zielgruppe (14 bis 49)": an age group of TV ratings, not a count
    if prev in ("und", ",") and t[:1].isdigit() and nlow in ("vor", "hinter"):
        for k in range(i - 2, max(1, i - 12), -1):
            if toks[k].text.lower() == nlow and toks[k - 2].text[:1].isdigit() \
                    and lex.unit_categories.get(_unit_of(toks[k - 1].text, lex) or "") == "duration":
                return True  # "0,30 Sekunden vor Jansrud und 0,70 vor Fayed": the second gap shares the time unit
    if prev == "davon" and _plain_value(t, lex) is not None and not nxt[:1].isupper():
        for k in range(i - 2, max(0, i - 6), -1):
            if lex.unit_categories.get(_unit_of(toks[k].text, lex) or "") == "duration" \
                    and _plain_value(toks[k - 1].text, lex) is not None:
                return True  # "zu 24 Monaten, davon 16 auf Bewährung": the part shares the time unit
    if prev == "zu" and t.lower() == "null":
        return True  # "Zu Null bringt er seinen Aufschlag durch", "zu null gewonnen": a shut-out, not a count
    if prev == "an" and nlow.startswith(("gesetzt", "gesetze")):
        return True  # "die an 24 gesetzte Russin": a seeding in a tournament, not a count
    if label_before:
        return True
    glued = _GLUED_NAME.match(nxt)
    if glued and lex.unit_categories.get(_unit_of(glued.group(1), lex) or "") == "duration":
        return True  # "vor 37 MinutenFrankfurt/Main (AP)": a duration glued to a dateline in scraped text
    if (i > 0 and 2 <= len(prev) <= 5 and toks[i - 1].text.isupper() and toks[i - 1].text.isalpha()
            and _unit_of(toks[i - 1].text, lex) is None and prev not in (lex.prefix_currencies or {}) and t.isdigit()
            and nlow in ("des", "der", "vom")):
        return True  # "die Genmais-Sorte MON 810 des Konkurrenten": a code in capitals names a product
    if _DECIMAL.fullmatch(t) and j == i + 1 and _results_time(toks, i, j, lex):
        return True  # "3. Ilkka Herola (FIN) 15,2 (12./3.) – 4. ...": a time or gap in a results list, no count
    if _year_in_a_clause(toks, i, j, lex):
        return True  # "da er 1163 mit der Reparatur betraut wurde", "avancierten 659 ebenfalls zu Mitkaisern": a year
    if re.fullmatch(r"19\d\d|20[0-2]\d", t) and _year_before_a_role(toks, i, j, lex):
        return True  # "bis er 1984 Premierminister seiner Heimat wurde": the year he became one, not 1984 of them
    if t.isdigit() and len(t) <= 4 and i > 0 and _product_label(toks, i, j, lex):
        return True  # "ROUNDUP 2: Anlegerflucht ...": a name with a number
    if prev == "/" and i >= 2 and re.fullmatch(r"1[5-9]\d\d|20\d\d", toks[i - 2].text) and t.isdigit() and len(t) == 2:
        return True  # "1934/35": a span of years
    if prev in ("-", "/") and i >= 3 and toks[i - 2].text.isdigit() and toks[i - 3].text.lower() in lex.label_nouns \
            and t[:1].isdigit():  # "B 27 - Zwei Verletzte": a number word after a road name is a count
        return True  # "Boeing 737 - 300": a model variant
    if prev in ("„", '"', "»") and t[:1].isupper() and t.isalpha() \
            and any(x.text in ("“", '"', "«") for x in toks[i + 1:i + 5]):
        return True  # "die „Zehn Stalinschen Schläge“": a number word opening a short quoted name
    if prev in ("„", '"', "»") and nlow in ("“", '"', "«") and t.isdigit():
        return True  # "dem Nachtclub „911“": a name
    if (prev in ("die", "der", "das") and i > 1 and toks[i - 2].text in ("„", '"', "»") and nlow in ("“", '"', "«")
            and t.isdigit()):
        return True  # "„Die 66“ hat sich als Plattform etabliert": a quoted title
    if (t.isalpha() and j == i + 1 and t.lower() not in lex.vague and i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].text.isalpha() and i > 1
            and prev not in lex.function_words and prev not in lex.qualifiers1 and prev not in lex.months
            and _object_category(toks[i - 1].text, lex) is None and nlow not in lex.multipliers
            and _unit_of(nxt, lex) is None and (nxt in _PUNCT_STOP or nxt == "" or nlow in lex.function_words)
            and nlow not in ("der", "die", "das", "den", "dem", "des", "von")  # "Griechenland vier der fünf Hotspots"
            and not (nlow in ("und", "oder", "bis") and j + 1 < len(toks)
                     and _plain_value(toks[j + 1].text, lex) is not None)):  # "in der Tiefe zwei und dreitausend Meter"
        return True  # "Risiko eins", "Spiel zwei geht an ...": a number word after a noun names it
    if (t[:1].isupper() and t.isalpha() and i > 0 and toks[i - 1].text.isalpha() and prev not in lex.qualifiers1
            and 2 <= lex.number_words.get(t.lower(), 0) <= 12 and prev not in lex.some_words and prev != "paar"
            and ((toks[i - 1].text[:1].isupper() and not (nxt[:1].isupper() and (_object_category(nxt, lex) or ("",))[0]
                                                          in lex.outcomes))
                 or not (nxt[:1].isupper() and nxt.isalpha()))):
        # "den Chorgesang Drei Hirtenkinder", "seine Elf", "außer Acht": mid-sentence, a capitalised number word
        # is a name; not after a dateline abbreviation ("Hohentengen sz Zwei Menschen haben sich verletzt")
        return True
    if prev in _TITLES and t[:1].isupper() and t.isalpha():
        return True  # "bei Herrn Dr. Sieben in Behandlung": a surname after a title
    if t.isalpha() and (prev == "halb" or (prev in ("nach", "vor") and i > 1 and toks[i - 2].text.lower() == "viertel")) \
            and 1 <= lex.number_words.get(t.lower(), 0) <= 12:
        return True  # "kurz nach halb zwei", "Viertel nach drei": a clock time
    if nlow == ")" and t.isdigit() and len(t) <= 2 and not any(x.text == "(" for x in toks[:i]):
        return True  # "Die Themen: 1) Ein ...": a list marker
    if prev in ("er", "sie") and nlow in (",", ")") and t.isdigit():
        return True  # "(er 41, sie 37)": ages
    if prev in ("mitte", "ende", "anfang") and t.isdigit() and len(t) <= 2 and _unit_of(nxt, lex) is None \
            and not (nxt[:1].isupper() and _object_category(nxt, lex) is not None):
        return True  # "die Frau – laut Polizei Mitte 30 –": an age
    if (prev == "(" and nlow in (")", ",") and t.isdigit() and len(t) <= 2 and i >= 2 and toks[i - 2].text[:1].isupper()
            and (toks[i - 2].text.isalpha() or (  # "Gudrun Mosler-Törnström (59)": a double name after a first name
                toks[i - 2].text.replace("-", "").isalpha() and i >= 3 and toks[i - 3].text[:1].isupper()
                and toks[i - 3].text.isalpha()))
            and (_object_category(toks[i - 2].text, lex) or ("people",))[0] in lex.person_categories
            and _unit_of(toks[i - 2].text, lex) is None):  # "die meisten Zähler (39)" is a score
        return True  # "Giesel (35), Gymnasialreferendar", "Der Fahrer (33) wurde": an age after a name or a person
    if (prev in ("mittlerweile", "inzwischen", "heute", "jetzt", "damals") and nlow == "," and t.isdigit() and len(t) <= 2
            and i >= 2 and toks[i - 2].text == ","):
        return True  # "steht Jutting, mittlerweile 31, vor dem High Court": an age set off by commas
    if (prev == "," and nlow == "," and t.isdigit() and len(t) <= 2 and i >= 2 and toks[i - 2].text[:1].isupper()
            and toks[i - 2].text.isalpha() and _object_category(toks[i - 2].text, lex) is None
            and _unit_of(toks[i - 2].text, lex) is None and i >= 3 and toks[i - 3].text[:1].isupper()):
        return True  # "Die Überlebende Alice Kakamara, 30, beschrieb": an age after a full name
    if ((i > 1 or (i == 1 and _code_in_capitals(toks[0].text, lex)))  # "EN 463 nach Budapest": a train opens it
            and (toks[i - 1].text[:1].isupper() or (toks[i - 1].text[1:2].isupper() and toks[i - 1].text.isalpha()))
            and toks[i - 1].text.replace("-", "").isalpha()
            and prev not in lex.qualifiers1
            and not (i + 1 < len(toks) and toks[i + 1].text.lower() in lex.multipliers)
            and prev not in lex.measure_nouns
            and not (prev.endswith("n") and lex.unit_categories.get(_unit_of(prev, lex) or "") == "duration")
            and prev not in lex.function_words and prev not in lex.vague and t[:1].isdigit() and "," not in t
            and not (i > 1 and toks[i - 2].text.lower() in ("im", "am") and prev in lex.adverb_nouns)
            and not _GROUPED.match(t)  # "am Montag 3.050": a name never takes a thousands-grouped number
            and not (i > 1 and toks[i - 2].text.lower() in ("am", "vom", "seit")
                     and (prev.startswith(_WEEKDAYS) or prev in _DAY_PARTS))  # "am Wochenende 33 illegal eingereiste"
            and not (nlow in lex.units or nxt == "°" or (nxt[:1].isupper() and nlow not in lex.function_words
                                           and not (nxt.isupper() and nxt.isalpha() and _unit_of(nxt, lex) is None
                                                    and nlow not in (lex.prefix_currencies or {})))  # "GeForce 8800 GTS"
                     or nlow in lex.multipliers
                     or (nlow in ("der", "von", "bis") and not _genitive_of_an_acronym(toks, j)
                         and not _train_from(toks, i, j, lex))
                     or (nlow in _DASHES and not (toks[j].start > toks[i].end and j + 1 < len(toks)
                                                  and not toks[j + 1].text[:1].isdigit()))  # "einem Nexus 5 – natürlich"
                     or (nlow == "und" and not (j + 1 < len(toks) and toks[j + 1].text.isalpha()
                                                and toks[j + 1].text.islower()
                                                and toks[j + 1].text.lower() not in lex.function_words
                                                and toks[j + 1].text.lower() not in lex.weak
                                                and _plain_value(toks[j + 1].text, lex) is None)  # "Hannover 96 und verlor"
                         and not _another_name_with_a_number(toks, j, lex))
                     or (nxt.isalpha() and nxt.islower() and nlow.endswith(("e", "en")) and j + 1 < len(toks)
                         and toks[j + 1].text[:1].isupper() and _object_category(toks[j + 1].text, lex) is not None
                         and ((_object_category(toks[j + 1].text, lex) or ("",))[0] in lex.person_categories
                              or prev in lex.months))  # "seit dem 1. Jänner 50 kleine Quartiere": no name
                     or (prev.endswith(_ABSTRACT_SUFFIXES) and nxt.isalpha() and nxt.islower()
                         and nlow not in lex.function_words and nlow.endswith(("e", "en"))
                         and j + 1 < len(toks) and toks[j + 1].text[:1].isupper() and toks[j + 1].text.isalpha())
                     or (nlow in _ATTR_PREPS and _attribute_phrase_noun(toks, j, lex) is not None))
            and not _elided_final_count(toks, i, j, lex)):
        return True  # a name with a number: "Stuttgart 21", "Apollo 11", "Airbus A 300"
    if (prev == "mit" and t.isdigit() and 14 <= int(t) <= 99 and j == i + 1
            and (nxt in (",", ".", ";", ")", "") or nlow in _MODALS)
            and not (nxt == "," and j + 1 < len(toks) and toks[j + 1].text[:1].isdigit())):  # "Mit 32, 64 und 128 GB"
        return True  # "die Rente mit 67, ...", "Mit 16 kann er einen Führerschein bekommen": an age
    if (i == 1 and prev == "mit" and t.isdigit() and 5 <= int(t) <= 99 and j == i + 1 and nxt.isalpha()
            and nxt.islower() and nlow not in lex.function_words and j + 1 < len(toks)
            and toks[j + 1].text.lower() in _PRONOUNS):
        return True  # "Mit 14 gründete er seine erste Band": a verb and its subject right after, so an age
    if t.lower() == "eins" and i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].text.isalpha() \
            and prev not in lex.function_words:
        return True  # "Teil eins findet am Donnerstag statt": "eins" never counts a noun, after one it numbers it
    if nxt == "°" and j + 1 < len(toks) and (toks[j + 1].text in ("Ost", "West", "Nord", "Süd", "O", "W", "N", "S")
                                             or toks[j + 1].text.lower().startswith(("östl", "westl", "nördl", "südl"))):
        return True  # "ASTRA 1H 19,2 ° Ost", "52° nördlicher Breite": a position, not an angle that was measured
    if prev == "(" and nlow == ")" and t.isdigit() and len(t) <= 2 and i >= 2 and (
            _INITIAL.match(toks[i - 2].text) or (toks[i - 2].text == "*" and i >= 3 and _INITIAL.match(toks[i - 3].text))):
        return True  # "Mustafa S.* (27)", "Ali Y. (26)": an age after an abbreviated name
    if nlow in ("und", "oder", "bis") and t.isdigit() and len(t) <= 3 and j + 1 < len(toks) \
            and _AGE_ADJ.match(toks[j + 1].text):
        return True  # "seine 54 und 63-jährigen Insassen": the first age shares "-jährig"
    if len(t) >= 2 and t[0] == "0" and t.isdigit():
        return True  # "zwischen 02.40 und 02", "WSV 08": a leading zero writes a time, a code or a short year
    if nxt in ("-", "–") and j + 1 < len(toks) and toks[j + 1].text[:1].isupper() \
            and lex.unit_categories.get(_unit_of(toks[j + 1].text, lex) or "") == "duration":
        return True  # "gegen 24 - Stunden - Betrieb": a spaced duration compound
    if (nxt in ("-", "–") and j + 2 < len(toks) and toks[j + 2].text in ("-", "–") and toks[j + 1].text[:1].isupper()
            and toks[j + 1].text.isalpha() and toks[j + 2].start > toks[j + 1].end):
        return True  # "von 3 - Sterne - Häusern": a spaced compound modifier, like "3-Sterne-Hotel"
    if (nlow.isalpha() and nlow.islower() and nlow.endswith(("e", "en")) and j + 1 < len(toks)
            and toks[j + 1].text in ("Mal", "Male") and not (j + 2 < len(toks) and toks[j + 2].text.lower() in _FACTOR_NEXT)):
        return True  # "zwei weitere Male wiedergewählt": how often
    if nlow.startswith(_SPAN_ADJ) or (nxt in ("-", "–") and j + 1 < len(toks)
                                       and toks[j + 1].text.lower().startswith(_SPAN_ADJ)):
        return True  # "einen 26 jährigen", "ein 27 - Jähriger", "einer etwa 4 stündigen": an age or duration written apart
    if (prev == "," and nxt == "." and t.isdigit() and 1 <= int(t) <= 31 and i > 1
            and toks[i - 2].text.lower().startswith(_WEEKDAYS)):
        return True  # "am Montagmorgen, 25.": the day of a date whose month the segmenter cut off
    if (i > 0 and len(prev) > 6 and prev.endswith(_STREET_HEADS) and toks[i - 1].text[:1].isupper()
            and t.isdigit() and len(t) <= 3 and not nxt[:1].isupper() and _unit_of(nxt, lex) is None):
        return True  # "in der Heugasse 1 und": a house number ("Straniakstraße 246 Asylwerber" is a count)
    if (prev == "," and len(t) == 5 and t.isdigit() and i >= 2 and toks[i - 2].text[:1].isdigit()
            and len(toks[i - 2].text) <= 4 and nxt[:1].isupper() and _object_category(nxt, lex) is None):
        return True  # "Str. 9, 88299 Leutkirch": a postcode after a house number
    if (t.isdigit() and len(t) in (4, 5) and not t.startswith("0") and (i == 0 or prev in (",", ":"))
            and nxt[:1].isupper() and nxt.isalpha() and _unit_of(nxt, lex) is None and nlow not in lex.multipliers
            and _object_category(nxt, lex) is None and (j + 1 >= len(toks) or toks[j + 1].text in (",", ".", "(", "/"))
            and _place_name(nxt)):
        return True  # "Ort: Piano Bar, 53639 Königswinter", "WO: 1020 Wien,": a postcode before its town
    if prev == "|" and (nxt == "|" or j == len(toks)) and sum(x.text == "|" for x in toks) >= 3:
        return True  # "|  20.07.2016, 16:42  |  73   |  0   |  0": a cell of a web page's table of counters
    if prev == "/" and i >= 2 and toks[i - 2].text.isdigit() and toks[i - 2].text.startswith("0") and t.isdigit():
        return True  # "unter der Telefonnummer 05443/2872": a phone number after its area code
    if (t.isdigit() and j == i + 1 and len(nxt) == 1 and nxt.isalpha() and nxt.isupper()
            and toks[j].start == toks[i].end and _unit_of(nxt, lex) is None):
        return True  # "Ohne 5G", "in 3D": a number glued to a capital letter names a technology or format
    if (t.isdigit() and 1 <= int(t) <= 99 and i >= 2 and prev in ("über", "unter") and toks[i - 2].text[:1].isupper()
            and (nxt in (".", ",", ";", ")", "") or (nxt.isalpha() and nxt.islower() and _unit_of(nxt, lex) is None
                                                     and nlow not in ("bis", "und", "oder")))
            and (_object_category(toks[i - 2].text, lex) or ("", None))[0] in lex.person_categories
            and (_object_category(toks[i - 2].text, lex) or ("", None))[0] not in lex.outcomes):
        return True  # "eine Quote an Mitarbeitern über 55 einführen", "Kinder unter 14.": an age bound
    if (prev == "mit" and t.isdigit() and 10 <= int(t) <= 99 and nxt.isalpha() and nxt.islower()
            and _unit_of(nxt, lex) is None and (nlow not in lex.function_words or nlow in _AFTER_AN_AGE)
            and nlow not in _AGE_NOT_AFTER
            and j + 1 < len(toks) and not toks[j + 1].text[:1].isupper() and _match_number(toks, j + 1, lex) is None
            and not _adjective_before_noun(toks, j, lex)
            and not any("zahl" in x.text.lower() for x in toks[max(0, i - 12):i])):
        return True  # "Schon mit 21 erhielt er das Diplom", "mit 13 regelrecht verschlungen": an age, nothing counted
    if prev == "(" and nlow == ")" and t.isdigit() and i >= 2 and re.fullmatch(r"\d{1,2}:\d{1,2}", toks[i - 2].text):
        return True  # "mit 7:6 (4), 7:6 (3)": the tie-break points of a set score
    if t.isdigit() and _after_area_code(toks, i):
        return True  # "unter der Rufnummer 059133 66 3100": the groups of a phone number written with spaces
    if "&" in prev and toks[i - 1].text.isupper() and t.isdigit():
        return True  # "( S&P 500 )": an index name
    if prev in ("†", "*", "✝") or (prev in ("'", "’") and toks[i - 1].end == toks[i].start and len(t) == 2
                                   and t.isdigit()):
        return True  # "Gallus († 551)", "in '43 und '44": a year of death or birth, a short year
    if _in_digit_chain(toks, i):
        return True  # "ISBN 3-85830-034-9", "0911-12345-0": an identifier, not a range
    if nxt == "mal" and j + 1 < len(toks) and toks[j + 1].text.isalpha() and toks[j + 1].text.islower() \
            and toks[j + 1].text.lower() not in _FACTOR_NEXT:
        return True  # "schon 85 mal gelesen": how often
    if nlow in ("v.", "n.", "vor", "nach") and j + 1 < len(toks) and toks[j + 1].text.lower().startswith("chr"):
        return True
    if (nxt in _DASHES and j + 3 < len(toks) and toks[j + 1].text.isdigit() and toks[j + 2].text.lower() in ("v.", "n.")
            and toks[j + 3].text.lower().startswith("chr")):
        return True  # "um 512 - 511 v. Chr.": a span of years counted backwards  # "465 v. Chr.": a year
    if nxt in ("Mal", "Male") and not (j + 1 < len(toks) and toks[j + 1].text.lower() in _FACTOR_NEXT):
        # lower-case "200 mal 20 Meter", "100 mal mehr" are a size and a factor; so is "zwei Mal so viele"
        return True  # "tausende Male geteilt", "165 Mal angeklagt": how often, like "zweimal"
    if nlow in ("uhr", "h") or (nxt == "." and j + 1 < len(toks) and toks[j + 1].text.lower() in lex.label_nouns):
        return True
    if t.isdigit() and (
            (nlow == "zu" and j + 1 < len(toks) and toks[j + 1].text.isdigit() and not _counted_after(toks, j + 2, lex))
            or (prev == "zu" and i > 1 and toks[i - 2].text.isdigit() and not _counted_after(toks, j, lex))) \
            and any(x.text.lower().startswith(lex.score_verbs) and (x.text.islower() or m == 0)
                    for m, x in enumerate(toks[max(0, i - 6):i + 6], start=max(0, i - 6))):
        return True  # "Mit 28 zu 24 schlagen die Handballerinnen": a score ("98 zu 95 Stimmen" are votes)
    if nxt in (":", "/") and j + 1 < len(toks) and toks[j + 1].text[:1].isdigit() and toks[j].start == toks[i].end:
        return True  # 2:1, 24/7
    if (nxt == ":" and j == i + 1 and j + 1 < len(toks) and toks[j + 1].text.isdigit() and len(toks[j + 1].text) <= 3
            and t.isdigit() and len(t) <= 3) or (prev == ":" and i >= 2 and toks[i - 2].text.isdigit()
                                                  and len(toks[i - 2].text) <= 3 and t.isdigit() and len(t) <= 3):
        return True  # "endete 2 : 1": a score or ratio
    if t.isdigit() and 2 <= len(t) <= 4 and 100 <= int(t) <= 2099 and (
            prev in lex.year_verbs or (prev in ("bis", "seit", "ab", "anno") and nlow in _AUX_FINAL
                                       and (i == 1 or toks[i - 2].text.lower() in ("und", ",", "doch", "aber")))):
        return True  # "(herrschte 830 - 846)", "und bis 352 hatte er die Kontrolle": a year before 1400
    if (re.fullmatch(r"1[0-3]\d\d", t) and toks[i - 1].text.isalpha() and toks[i - 1].text.islower()
            and prev not in lex.function_words and not prev.endswith(("e", "en", "er", "es", "em"))  # "die ersten 1000 Bäume"
            and prev not in lex.qualifiers1 and prev not in lex.some_words and nxt[:1].isupper() and nxt.isalpha()
            and _object_category(nxt, lex) is None and _unit_of(nxt, lex) is None and nlow not in lex.multipliers):
        return True  # "Magnus I. vertrieb 1035 Hardeknuts Halbbruder": a year after a verb, before a name
    if (re.fullmatch(r"1[0-3]\d\d", t) and toks[i - 1].text.isalpha() and toks[i - 1].text.islower()
            and prev not in lex.function_words and prev not in lex.qualifiers1 and prev not in lex.some_words
            and nlow in ("ein", "eine", "einen", "einem", "einer")):
        return True  # "Beide Frauen gebaren 1316 einen Sohn": no count stands before an indefinite article
    if re.fullmatch(r"\d{4}", t) and 1000 <= int(t) <= 2100 and (int(t) >= 1400 or prev in _YEAR_CONTEXT
                                                             or prev in lex.months):
        # a bare four-digit number is a year unless a unit or a counted noun follows; before 1400 only after a
        # word that introduces a year ("um 1330 vor unserer Zeitrechnung"): "1000 bei Protestzug" is a count
        if prev in lex.months or prev in ("jahr", "jahres", "seit", "im"):
            # "seit Juni 2013 Bürgermeister", "ab dem Jahr 2008 Touristen", "seit 1999 Bürgermeister": a date,
            # whatever follows
            return True
        if _unit_of(nxt, lex) is not None or (nxt[:1].isupper() and _object_category(nxt, lex) is not None):
            return False  # "eine Nutzfläche von 2100 Quadratmetern"
        if (nlow == "der" and j + 1 < len(toks) and _DIGITS.match(toks[j + 1].text) and prev not in _YEAR_CONTEXT
                and prev not in lex.months):
            return False  # "etwa 2000 der 2300 Beschäftigten": a part of a counted whole
        if (prev in lex.qualifiers1 and prev not in _YEAR_CONTEXT and lex.qualifiers1[prev] is not None
                and nxt[:1].isupper() and nxt.replace("-", "").isalpha()):
            return False  # "will etwa 1500 Tsunami-Szenarien bereitstellen": a qualifier and a noun make a count
        if (nlow in ("bis", "-", "–") and j + 2 < len(toks) and toks[j + 1].text.isdigit() and len(toks[j + 1].text) >= 3
                and prev not in ("jahr", "jahre", "jahres", "jahren", "im")
                and lex.unit_categories.get(_unit_of(toks[j + 2].text, lex) or "") not in (None, "duration")):
            return False  # "in Höhenlagen von 1000 bis 2000 Metern": a range of a measure, not of years
        if ((prev in lex.determiners or prev in lex.qualifiers1) and nxt.isalpha() and nxt.islower()
                and nlow.endswith(("e", "en", "er")) and not nlow.startswith(lex.year_participles)
                and nlow not in lex.determiners and nlow not in lex.function_words
                and j + 1 < len(toks) and toks[j + 1].text[:1].isupper()
                and (_object_category(toks[j + 1].text, lex) or ("",))[0] in lex.person_categories):
            return False  # "auf die 1400 hessischen Truppen": an article and an adjective before people make a count
        return True
    # ordinal written with a separate dot token ("am 3 . März" does not occur, but "3." split before a name does)
    if j < len(toks) and nxt == "." and toks[j].start == toks[i].end and j + 1 < len(toks):
        after = toks[j + 1].text
        if after[:1].islower() or after.lower() in lex.label_nouns:
            return True
    return False


_PASSIVE_AUX = frozenset({"wurde", "wurden", "worden", "werden", "wird"})


def _passive_agent(num: _Num, toks: list[Token]) -> bool:
    """The count names the doers of a passive clause ("Er wurde von zwei Schützen … ermordet"): the fate is not theirs.
    Not after a noun that governs "von" ("die Leiche von drei Männern", "Tod von 3 Menschen")."""
    first = num.q_i if num.q_i is not None else num.i
    if first < 2 or toks[first - 1].text.lower() != "von" or toks[first - 2].text[:1].isupper():
        return False
    return any(t.text.lower() in _PASSIVE_AUX for t in toks[max(0, first - 6):first - 1])


_DECIMAL = re.compile(r"\d{1,3},\d{1,3}")


def _results_time(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """A bare decimal right after a bracketed name or a slash ("(Kanada) 9,92", "Kaminska (Polen/30,71)"), with
    nothing counted after it, in a sentence of at least three such decimals: the times or gaps of a results list.
    After a score with its unit ("242,6 Punkte ... (JPN) 238,6") the bare numbers share that unit and stay counts."""
    if toks[i - 1].text not in (")", "/") if i > 0 else True:
        return False
    nxt = toks[j].text if j < len(toks) else ""
    if nxt not in ("", "(", ")", ",", ".", ";", "und", "–", "-"):
        return False
    for k in range(i - 1):
        unit = _unit_of(toks[k + 1].text, lex) if toks[k].text[:1].isdigit() else None
        if unit is not None and lex.unit_categories.get(unit) != "duration":
            return False
    return sum(bool(_DECIMAL.fullmatch(t.text)) for t in toks) >= 3


_SINGULAR_COPULAS = frozenset({"wurde", "wird", "war", "ist", "blieb", "bleibt"})
_PLURAL_COPULAS = frozenset({"wurden", "werden", "waren", "sind", "blieben", "bleiben", "seien"})


def _year_before_a_role(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """A year right before a noun of people in a clause whose copula is singular: "wurde Bo 1993 Bürgermeister", "bis
    er 1984 Premierminister ... wurde". A count of people would take a plural verb ("1993 Polizisten wurden ...")."""
    if j >= len(toks) or not toks[j].text[:1].isupper() or toks[j].text.endswith("n"):
        return False  # "wurde 2000 Flüchtlingen Asyl gewährt": a plural in -n is a count (an impersonal passive)
    cat = _object_category(toks[j].text, lex)
    if cat is None or cat[0] not in lex.person_categories:
        return False
    lows = {t.text.lower() for t in toks}
    return bool(lows & _SINGULAR_COPULAS) and not lows & _PLURAL_COPULAS


# after a year that opens an adverbial ("1163 mit ...", "659 ebenfalls zu ...") in encyclopedic text
_AFTER_A_YEAR = frozenset({"ebenfalls", "erstmals", "erneut", "zunächst", "schließlich", "endgültig"})


def _year_in_a_clause(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """A bare number of 500-1999 before an adverb of time ("avancierten 659 ebenfalls zu Mitkaisern") or between a
    subject pronoun and "mit"/"zum" ("da er 1163 mit der Reparatur betraut wurde") is a year: a count there would need
    its noun ("zählte 1500 in der Innenstadt" stays a count)."""
    t = toks[i].text
    if not (re.fullmatch(r"[5-9]\d\d|1\d\d\d", t) and j == i + 1 < len(toks) and i > 0):
        return False
    prev, nlow = toks[i - 1].text.lower(), toks[j].text.lower()
    return (nlow in _AFTER_A_YEAR and prev not in lex.qualifiers1) or (prev in _PRONOUNS and nlow in ("mit", "zum", "zur"))


def _genitive_of_an_acronym(toks: list[Token], j: int) -> bool:
    """"Agenda 21 der UNCED", "Bayern 3 der ARD": a genitive of an organisation in capitals follows the name, not the
    whole of a part ("30 der 60 Sitze")."""
    return (toks[j].text.lower() == "der" and j + 1 < len(toks) and toks[j + 1].text.isupper()
            and toks[j + 1].text.isalpha() and len(toks[j + 1].text) >= 2)


def _singular_past_before_a_name(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """After a number opening the sentence: a weak past verb in the singular ("legte", "gründete") followed by a name
    or an article. "1500 verletzte Menschen" has a counted noun after the participle instead."""
    if j + 1 >= len(toks):
        return False
    verb, after = toks[j].text, toks[j + 1].text
    return (verb.isalpha() and verb.islower() and verb.endswith("te") and verb not in lex.function_words
            and (after.lower() in ("der", "die", "das", "den", "ein", "eine", "einen")
                 or (after[:1].isupper() and after.isalpha() and _object_category(after, lex) is None
                     and _unit_of(after, lex) is None)))


def _early_year_after_um(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """A three-digit number of 500-999 after "um", followed by an article or an auxiliary verb, is a year of the first
    millennium ("um 530 eine christliche Kirche", "um 740 hätte"); "stieg um 600 im Vergleich" stays a change."""
    if not (i > 0 and toks[i - 1].text.lower() == "um" and re.fullmatch(r"[5-9]\d\d", toks[i].text) and j == i + 1
            and j < len(toks)):
        return False
    return toks[j].text.lower() in _AFTER_AN_EARLY_YEAR


_AFTER_AN_EARLY_YEAR = frozenset({"ein", "eine", "einen", "der", "die", "das", "den", "wurde", "war", "hätte", "hatte",
                                  "entstand", "ließ", "v.", "n."})


def _train_from(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """"EN 459 von Leipzig Hbf": a code in capitals, its number and "von" with a place name say where a train or
    flight starts; "30 von 60" or "Gruppe 13 von" have no code before the number."""
    return (toks[j].text == "von" and j + 1 < len(toks) and toks[j + 1].text[:1].isupper()
            and _code_in_capitals(toks[i - 1].text, lex) and toks[i].text.isdigit())


def _another_name_with_a_number(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """After "und" comes another name with a number and no noun after it ("Space Quest 2 und Star Pilot 2 als
    Vorbilder"): the two are names alike."""
    k = j + 1
    while k < len(toks) and k <= j + 3 and toks[k].text[:1].isupper() and toks[k].text.replace("-", "").isalpha():
        k += 1
    if k == j + 1 or k >= len(toks) or not toks[k].text.isdigit() or len(toks[k].text) > 4:
        return False
    after = toks[k + 1].text if k + 1 < len(toks) else ""
    return (after == "" or after in _PUNCT_STOP or after.islower()) and _unit_of(after, lex) is None \
        and after.lower() not in lex.multipliers


def _code_in_capitals(w: str, lex: Lexicon) -> bool:
    """A short word in capitals that is no unit or currency ("EN", "ICE", "LH"): before a number it names a train,
    flight or product even at the start of a sentence, where a capitalised word proves nothing."""
    return (2 <= len(w) <= 4 and w.isalpha() and w.isupper() and _unit_of(w, lex) is None
            and w.lower() not in (lex.prefix_currencies or {}) and w.lower() not in lex.function_words)


def _elided_final_count(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """The number closes the sentence after a name, and an earlier clause counts a noun with a digit number: the
    noun is left out ("30 Punkte mehr, Alonso wie Button 41."), so the number counts it and names nothing."""
    if not (j == len(toks) or (toks[j].text == "." and j + 1 == len(toks))):
        return False
    for k in range(i - 2, 0, -1):
        if toks[k].text == "," and any(
                toks[m].text[:1].isdigit() and toks[m + 1].text[:1].isupper()
                and (_object_category(toks[m + 1].text, lex) is not None or _unit_of(toks[m + 1].text, lex) is not None)
                for m in range(k - 1)):
            return True
    return False


def _product_label(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """The number ends or continues a name: after a word in capitals or with an inner capital ("ROUNDUP 2",
    "iWork 11 Pro"), when what follows is no noun the number could count (a colon, the sentence end, or a capitalised
    word the lexicon does not know)."""
    p = toks[i - 1].text
    if not p.isalpha() or p.lower() in lex.function_words or p.lower() in lex.months or p.lower() in lex.label_nouns \
            or _unit_of(p, lex) is not None or p.lower() in (lex.prefix_currencies or {}) \
            or _object_category(p, lex) is not None:
        return False
    nxt = toks[j].text if j < len(toks) else ""
    unknown_name = (nxt[:1].isupper() and nxt.isalpha() and _object_category(nxt, lex) is None
                    and _unit_of(nxt, lex) is None and nxt.lower() not in lex.multipliers
                    and nxt.lower() not in lex.function_words)
    ends = nxt in ("", ":") or (nxt == "." and j + 1 == len(toks))
    if p.isupper() and len(p) >= 3 and not (i >= 2 and toks[i - 2].text.lower() in _DEF_ARTICLES):
        return ends or unknown_name  # not "die ÖVP 30": a party's share with the noun left out
    # a capitalised name word is left alone: "Brigitte Weigl 20 Pullover" counts pullovers the lexicon does not know
    return p[:1].islower() and any(c.isupper() for c in p[1:]) and (ends or unknown_name)


def _label_at(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """Token k follows a label noun, also one written with a separate dot ("Rn . 19")."""
    if k < 1:
        return False
    prev = toks[k - 1].text.lower()
    if prev in lex.label_nouns:
        return True
    if toks[k - 1].text == "S" and toks[k].text.isdigit() and len(toks[k].text) <= 2:
        return True  # "§ 128 Abs 1 S 1 SGG", "(S 1 und 2)": a sentence of a paragraph ("S 506" is 506 Schilling)
    return prev == "." and k >= 2 and toks[k - 2].end == toks[k - 1].start and toks[k - 2].text.lower() + "." in lex.label_nouns


def _citation_label(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """A number chained to a labelled number of a citation: "Rn. 9 und 11", "§§ 23 Abs. 1 Satz 2, 92 BVerfGG",
    "Abs 1 S 1 SGG", "Nr 3 Halbs 2" (short abbreviations between the numbers are labels of the chain)."""
    t = toks[i].text
    if not (t.isdigit() and len(t) <= 4) or _label_at(toks, i, lex):
        return _label_at(toks, i, lex) and t[:1].isdigit()
    k = i
    for _ in range(4):
        if k < 2 or not toks[k - 2].text[:1].isdigit():
            return False
        sep = toks[k - 1].text
        if not (sep in (",", "und", "u.", "oder", "bis") or (sep[:1].isupper() and sep.rstrip(".").isalpha()
                                                              and len(sep.rstrip(".")) <= 5)):
            return False
        k -= 2
        if _label_at(toks, k, lex) or (k >= 1 and toks[k - 1].text in ("§", "§§")):
            return True
    return False


def _file_number(toks: list[Token], i: int) -> bool:
    """A part of a court file number: "1 BvR 1502/08", "2 StR 310/04", "1 WB 33.17", "B 12 R 13/13 R"."""
    def num(k: int) -> bool:
        return 0 <= k < len(toks) and bool(_FILE_NUM.fullmatch(toks[k].text))

    def abbr(k: int) -> bool:
        return 0 <= k < len(toks) and bool(_FILE_ABBR.fullmatch(toks[k].text))

    def tail(k: int) -> bool:  # the register number k ends in "/08" or is "33.17"
        return num(k) and ("." in toks[k].text or (k + 2 < len(toks) and toks[k + 1].text == "/" and num(k + 2)))

    if not num(i):
        return False
    return ((abbr(i + 1) and tail(i + 2)) or (abbr(i - 1) and num(i - 2) and tail(i))
            or (i >= 3 and toks[i - 1].text == "/" and num(i - 2) and abbr(i - 3) and num(i - 4)))


@functools.lru_cache(maxsize=4096)
def _place_name(word: str) -> bool:
    """A name in the bundled gazetteer (loaded on the first postcode-shaped number only)."""
    from .geo.gazetteer import Gazetteer

    return Gazetteer.load().has(word)


def _adjective_before_noun(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """The lower-case words from token k run into a noun, the last of them inflected like an adjective ("mit 40 schwer
    bewaffneten Beamten"): a noun phrase the number before k counts."""
    while k < len(toks) and toks[k].text.isalpha() and toks[k].text.islower():
        k += 1
    if k >= len(toks) or not toks[k].text[:1].isupper() or not toks[k - 1].text.isalpha():
        return False
    last = toks[k - 1].text
    return last not in lex.function_words and last not in _ARTICLES and last.endswith(("e", "en", "er", "em", "es"))


def _after_area_code(toks: list[Token], i: int) -> bool:
    """Digit groups set off by single spaces back to a group that starts with 0 ("059 133 60 3333"): the
    later groups of a phone number (no count begins with a leading zero)."""
    k = i - 1
    while k >= 0 and toks[k].text.isdigit() and toks[k].end + 1 == toks[k + 1].start:
        if len(toks[k].text) >= 2 and toks[k].text.startswith("0"):
            return True
        k -= 1
    return False


def _in_digit_chain(toks: list[Token], i: int) -> bool:
    """Three or more digit groups glued by hyphens or slashes without spaces: an ISBN, a phone or file number."""
    def glued(a: int, b: int) -> bool:
        return 0 <= a and b < len(toks) and toks[a].end == toks[b].start

    lo = i
    while lo >= 2 and toks[lo - 1].text in ("-", "/") and glued(lo - 1, lo) and glued(lo - 2, lo - 1) \
            and toks[lo - 2].text.isdigit():
        lo -= 2
    hi = i
    while hi + 2 < len(toks) and toks[hi + 1].text in ("-", "/") and glued(hi, hi + 1) and glued(hi + 1, hi + 2) \
            and toks[hi + 2].text.isdigit():
        hi += 2
    return toks[i].text.isdigit() and (hi - lo) // 2 + 1 >= 3


def find_quantities(doc: Doc, sentences: range | list[int] | None = None) -> list[Quantity]:
    """Quantities in ``doc`` (all sentences, or the given sentence indices)."""
    lex = lexicon()
    text = doc.text
    time_spans = [(t.start, t.end) for t in doc.times] if doc.times else []
    out: list[Quantity] = []
    idxs = range(len(doc.sentences)) if sentences is None else sentences
    for si in idxs:
        sent = doc.sentences[si]
        toks = _split_final_number(doc.sentence_tokens(si), text[sent.start:sent.end])
        nums = _numbers_in(toks, text, lex, time_spans)
        if not nums:
            continue
        objs = [_find_object(num, toks, lex, nums[k - 1].j if k > 0 else 0) for k, num in enumerate(nums)]
        keep = [k for k, o in enumerate(objs) if o is not None]
        nums = [nums[k] for k in keep]
        objs_kept = [o for o in objs if o is not None]
        eligible = [o.takes_predicate and n.unit in (None, "person", "fraction") and not n.negated and not n.whole
                    and not (n.total and k + 1 < len(nums)) and not _is_size_attribute(o, toks, lex)
                    and not _passive_agent(n, toks)
                    for k, (n, o) in enumerate(zip(nums, objs_kept, strict=True))]
        known = [o.tok is None or o.cat is not None for o in objs_kept]
        obj_at = {next((m for m in range(n.j, min(len(toks), n.j + 6)) if toks[m] is o.tok), -1): k
                  for k, (n, o) in enumerate(zip(nums, objs_kept, strict=True))
                  if o.tok is not None and o.cat is not None and o.cat[0] in lex.outcomes}  # "zehn Millionen Toten"
        hits = _predicate_hits(toks, lex)
        preds = _assign_predicates(nums, hits, toks, eligible, known, obj_at)
        protest = any(o.cat is not None and o.cat[0] == "participants" for o in objs_kept) and (
            any(h[1] == "PROTEST" for _, h in hits) or any(
            t.text[:1].isupper() and any(st in t.text.lower() for st, v in lex.predicate_stems if v[1] == "PROTEST")
            for t in toks))
        built: list[tuple[_Num, Quantity]] = [
            (num, _build(num, o, toks, text, lex, preds[k] if eligible[k] else None, protest))
            for k, (num, o) in enumerate(zip(nums, objs_kept, strict=True))
        ]
        _fill_elided(built)
        built = _shared_multiplier(built, toks, lex)
        for num, q in built:
            if q.object is None:
                _measured_object(q, num, toks, lex)
        out.extend(q for _, q in built)
    return out


def _has_multiplier(num: _Num, toks: list[Token], lex: Lexicon) -> bool:
    return any(t.text.lower() in lex.multipliers for t in toks[num.i:num.j])


def _shared_multiplier(built: list[tuple[_Num, Quantity]], toks: list[Token],
                       lex: Lexicon) -> list[tuple[_Num, Quantity]]:
    """A multiplier and currency written once for two amounts: "3,9 (1,5) Mio CHF" and "6,31 (2014: 4,86) Millionen
    Euro" (this year's figure, last year's in brackets) are 3.9 and 1.5 million francs; the bare multiplier after the
    bracket is no amount of its own. "200 Milliarden Euro ..., 50 davon" is 50 billion (the round-4 convention of an
    elided multiplier, "zwölf statt 14,5 Milliarden")."""
    drop: set[int] = set()
    for k in range(len(built) - 1):
        (a, qa), (b, qb) = built[k], built[k + 1]
        if k in drop or a.j >= len(toks) or toks[a.j].text != "(" or b.j + 1 >= len(toks) or toks[b.j].text != ")":
            continue
        inner = [t.text for t in toks[a.j + 1:b.i]]
        if not (inner == [] or (len(inner) == 2 and re.fullmatch(r"(?:19|20)\d\d", inner[0]) and inner[1] == ":")):
            continue
        m_tok = toks[b.j + 1]
        mult = lex.multipliers.get(m_tok.text.lower())
        if mult is None or _has_multiplier(a, toks, lex) or _has_multiplier(b, toks, lex) \
                or a.value_max is not None or b.value_max is not None or a.value >= 1000 or b.value >= 1000:
            continue
        after = next((m for m in range(k + 2, len(built)) if built[m][0].i == b.j + 1), None)
        if after is not None:
            unit, cat = built[after][1].unit, built[after][1].category
            drop.add(after)
        else:
            unit = _unit_of(toks[b.j + 2].text, lex) if b.j + 2 < len(toks) else None
            cat = lex.unit_categories.get(unit) if unit else None
        for num, q in ((a, qa), (b, qb)):
            q.value = num.value = num.value * mult
            q.unit, q.category, q.gkg_type = unit, cat, None
            q.object = q.object_start = q.object_end = None
    for k, (num, q) in enumerate(built):
        if (k in drop or num.j >= len(toks) or toks[num.j].text.lower() != "davon" or _has_multiplier(num, toks, lex)
                or num.value >= 1000):
            continue
        whole = next((p for pn, p in reversed(built[:k]) if _has_multiplier(pn, toks, lex) and p.unit is not None
                      and p.unit == q.unit and p.value is not None), None)
        if whole is not None:
            mult = max(lex.multipliers[t.text.lower()] for t in toks if t.text.lower() in lex.multipliers
                       and whole.start <= t.start < whole.end)
            if num.value * mult <= (whole.value or 0):
                q.value = num.value = num.value * mult
    return [x for k, x in enumerate(built) if k not in drop]


_MEASURED = frozenset({"percent", "weight", "volume", "area"})
# "360 Hektar großen Flughafengelände", "eine Tonne schwere Hai": the amount is a size of the noun, not an amount of it.
_SIZE_ADJECTIVES = frozenset({"groß", "lang", "breit", "hoh", "schwer", "tief", "weit", "dick", "stark", "leicht"})
_GENITIVE_DETERMINERS = frozenset({"der", "des", "aller", "seiner", "seines", "ihrer", "ihres", "unserer", "unseres"})
_COMPARATIVE = re.compile(r"^(?:niedriger|höher|größer|geringer|kleiner|stärker|schwächer|besser|schlechter)e[nrsm]?$")


def _measured_object(q: Quantity, num: _Num, toks: list[Token], lex: Lexicon) -> None:
    """The noun a share or an amount of matter is of, which the gold records as the object (guideline, "Object
    convention"): "27,4 Prozent der Aktien", "84 Prozent Männer", "13 Tonnen Kerosin", "10.000 Tonnen verstrahltem
    Wasser". Only the object is set; the unit keeps the class. Money and distances name no object. A share needs a
    genitive determiner, an adjective or a class of people before its noun ("100 Prozent Arbeitslosengeld" has none)."""
    if lex.unit_categories.get(num.unit or "") not in _MEASURED or num.unit == "percentage_points":
        return  # percentage points are a difference of two shares, not a share of something
    k = num.j
    genitive = k < len(toks) and toks[k].text in _GENITIVE_DETERMINERS
    k += genitive
    adjectives = 0
    while (k < len(toks) and adjectives < 3 and toks[k].text.isalpha() and toks[k].text.islower()
           and toks[k].text.endswith(("e", "en", "er", "es", "em")) and toks[k].text not in lex.function_words
           and toks[k].text not in lex.predicates):
        adjective = toks[k].text
        if adjective.rstrip("nrsm").rstrip("e") in _SIZE_ADJECTIVES:
            return
        # "in 10,80 % lebten Menschen" (a verb, the noun is its subject); "um 0,18 Prozent niedrigere Leistung" (a
        # change of the noun, not a share of it); after a genitive determiner neither can stand
        if not genitive and (_own_finite_verb(adjective, lex) or _COMPARATIVE.match(adjective)):
            return
        k += 1
        adjectives += 1
    if k >= len(toks) or toks[k].start < q.end:  # "0,318 W / kg", "12 Prozentpunkte-Verlust": inside the amount
        return
    w = toks[k].text
    low = w.lower()
    # "aller 3D-Druckerzeugnisse": a compound led by a digit label is still a noun
    noun_like = w[:1].isupper() or ("-" in w and w.split("-")[-1][:1].isupper())
    # "46,7 Prozent der Stimmen" (Wikinews dev c055): a vote or seat share is a result, its unit word no object
    if (not noun_like or not w.replace("-", "").isalnum() or low in lex.function_words or low in lex.not_objects
            or _unit_of(w, lex) is not None or low.endswith(lex.duration_suffixes)):
        return
    if lex.unit_categories.get(num.unit or "") == "percent" and not (genitive or adjectives) and (
            _object_category(w, lex) or ("",))[0] not in lex.person_categories:
        return
    q.object, q.object_start, q.object_end = w, toks[k].start, toks[k].end


_GROUP_DOT = re.compile(r"\d[. ]\d{3}\.")  # a grouped number with a final dot somewhere in the sentence
_GLUED_NAME = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]{3,})[A-ZÄÖÜ][a-zäöüß]")
_NUM_DOT = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\.$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+\.$")


_GLUED_QUALIFIER = re.compile(r"^(ca\.|rd\.)(\d[\d.,]*)$")
_MULT_COMPOUND = re.compile(r"^(Millionen|Milliarden|Mio\.?|Mrd\.?)-([A-ZÄÖÜ]\w+)$")
_NUM_COMPOUND = re.compile(r"^((?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)-([A-ZÄÖÜ][a-zäöüß]+)-[A-ZÄÖÜ]")


def _split_number_compounds(toks: list[Token], stext: str) -> list[Token]:
    """"die 390.000-Einwohner-Stadt": the number and the counted noun inside one compound token."""
    glued = "ca." in stext or "rd." in stext  # a cheap test on the sentence before looking at each token
    if not (("-" in stext and any("-" in t.text and (t.text[:1].isdigit() or _MULT_COMPOUND.match(t.text))
                                  for t in toks))
            or (glued and any(t.text[:3] in ("ca.", "rd.") and _GLUED_QUALIFIER.match(t.text) for t in toks))):
        return toks
    out: list[Token] = []
    for t in toks:
        mq = _GLUED_QUALIFIER.match(t.text) if t.text[:3] in ("ca.", "rd.") else None
        if mq:  # "ca.17 000 Besucher": the qualifier's dot glued to the number
            out.append(Token(t.start, t.start + mq.end(1), mq.group(1), t.sent))
            out.append(Token(t.start + mq.start(2), t.end, mq.group(2), t.sent))
            continue
        mm = _MULT_COMPOUND.match(t.text)
        if mm and out and out[-1].text[:1].isdigit():
            # "der 3,5 Millionen-Metropole": the multiplier is glued to the noun it sizes
            out.append(Token(t.start, t.start + mm.end(1), mm.group(1), t.sent))
            out.append(Token(t.start + mm.start(2), t.end, mm.group(2), t.sent))
            continue
        m = _NUM_COMPOUND.match(t.text)
        if m and (_object_category_low(m.group(2).lower()) or ("",))[0] in ("residents", "people"):
            a, b = m.span(1), m.span(2)
            out.append(Token(t.start + a[0], t.start + a[1], m.group(1), t.sent))
            out.append(Token(t.start + b[0], t.start + b[1], m.group(2), t.sent))
        else:
            out.append(t)
    return out


def _split_final_number(toks: list[Token], stext: str) -> list[Token]:
    """The tokenizer keeps "45." whole at the end of a sentence; a count there is a count, not an ordinal."""
    toks = _split_number_compounds(toks, stext)

    def spaced_group(n_: int, t: Token) -> bool:  # "die üblichen 28 000. 14:49 Uhr …": a spaced group ends a sentence
        return (len(t.text) == 4 and t.text[3] == "." and n_ > 0 and t.text[:3].isdigit() and toks[n_ - 1].text.isdigit()
                and len(toks[n_ - 1].text) <= 3 and toks[n_ - 1].end + 1 == t.start)

    if _GROUP_DOT.search(stext) and any(_THOUSANDS_DOT.match(t.text) or spaced_group(n_, t)
                                        for n_, t in enumerate(toks[:-1])):
        out: list[Token] = []
        for n_, t in enumerate(toks):
            if n_ + 1 < len(toks) and ((_THOUSANDS_DOT.match(t.text) and toks[n_ + 1].text[:1].isupper())
                                       or spaced_group(n_, t)):
                # "auf zwischen 500 und 3.000. Der Minister sagte": a missed sentence end
                out += [Token(t.start, t.end - 1, t.text[:-1], t.sent), Token(t.end - 1, t.end, ".", t.sent)]
            else:
                out.append(t)
        toks = out
    if (len(toks) > 1 and _NUM_DOT.match(toks[-1].text)
            and (toks[-2].text.lower() in _ORDINAL_DETS
                 or (len(toks) > 2 and toks[-3].text.lower() in _ORDINAL_DETS and toks[-2].text.islower()
                     and toks[-2].text.endswith(("en", "ten"))))):
        return toks  # "starb am 15.", "aus dem späten 14.": a day or an ordinal whose noun the source cut off
    if len(toks) > 2 and _NUM_DOT.match(toks[-1].text) and _cut_ordinal(toks):
        return toks  # "beendete das Rennen als 35.", "Haaretz, 17.": a rank, pick or page whose noun was cut off
    if toks and _NUM_DOT.match(toks[-1].text) and not re.fullmatch(r"\d{4}\.", toks[-1].text):
        last = toks[-1]
        return toks[:-1] + [Token(last.start, last.end - 1, last.text[:-1], last.sent),
                            Token(last.end - 1, last.end, ".", last.sent)]
    return toks


# before a sentence-final "35." these make it a rank, date or ordinal whose noun the sentence cut off: "beendete das
# Rennen als 35.", "wurde 25.", "richtete ab 1.", "ihr 2." (album), "zum insgesamt 49." (title)
_CUT_ORDINAL_BEFORE = frozenset({"als", "ab", "wurde", "wird", "ihr", "ihre", "ihren", "sein", "seine", "seinen"})


def _cut_ordinal(toks: list[Token]) -> bool:
    """The last token "N." is an ordinal whose noun the sentence (or the corpus's sentence split) cut off, by the
    word before it; a count there ("heute sind es noch 35.", "stieg auf 272.") keeps its number."""
    if len(toks[-1].text) > 4:  # "1.256." or a year: not a rank
        return False
    prev, before = toks[-2].text, toks[-3].text
    low = prev.lower()
    if low == "als":  # "mehr als 35.", "älter als 35." compare a count
        return not (before.islower() and (before == "mehr" or before.endswith("er")))
    if low in _CUT_ORDINAL_BEFORE:
        return True
    if low == "insgesamt" and before.lower() in ("an", "zum"):
        return True  # "in der sechsten Runde an insgesamt 195.": a draft pick; "gewannen zum insgesamt 49."
    if low == "an" and any("draft" in t.text.lower() for t in toks):
        return True  # "beim NHL Entry Draft 1991 an 127.": a draft pick
    # "Haaretz, 17.", "Marcus Vipsanius Agrippa, 2.", "Erick Barrondo, GUA, 23.": a page, volume or place after a
    # name and a comma
    return prev == "," and (before[:1].isupper() or before.startswith("#")) and before.lower() not in _PRONOUNS


def built_tokens(a: _Num, b: _Num) -> list[Token]:
    return a.toks[a.j:b.i] if a.toks is not None else []


def _hit_end(toks: list[Token], k: int) -> int:
    """Index of the last word of the cue phrase that starts at token k (k itself for a one-word cue)."""
    end = k
    for words, _ in _phrase_index().get(toks[k].text.lower(), ()):
        if k + len(words) <= len(toks) and all(toks[k + m].text.lower() == w for m, w in enumerate(words)):
            end = max(end, k + len(words) - 1)
    return end


def _closes_clause(toks: list[Token], k: int) -> bool:
    """A cue right before a comma ends a verb-final clause, unless the count after it is a part of the same set
    ("... getötet, darunter fünf Kinder")."""
    if k + 2 < len(toks) and toks[k + 1].text in ("–", "—") and toks[k + 1].start > toks[k].end:
        return True  # "Fahrer festgenommen – Trauerfeier in Linz – Tausende bei Lichtermeer": headline parts
    if k > 0 and toks[k].text.lower() == "leben" and toks[k - 1].text.lower() in ("ihr", "sein"):
        return True  # "verloren 52 Menschen ihr Leben und nur zwei konnten sich retten": the object ends the clause
    k = _hit_end(toks, k)  # "erlitt einen Schock, drei weitere ...": a cue phrase ends at its last word
    if (k + 3 < len(toks) and toks[k + 1].text == "," and toks[k + 2].text.lower() in ("an", "bei", "mit")
            and toks[k + 3].text.lower() in ("denen", "der", "dem", "welchen")):
        return False  # "Kundgebungen, an denen sich etwa 450 Menschen beteiligten": the clause is about the cue
    if k + 3 < len(toks) and toks[k + 1].text.lower() in _AUX_FINAL and toks[k + 2].text == ",":
        k += 1  # "Viele sind verletzt worden, als drei Schulen beschossen wurden"
    return (k + 2 < len(toks) and toks[k + 1].text == ","
            and toks[k + 2].text.lower() not in ("darunter", "davon", "unter", "einschließlich", "die", "der", "das",
                                                 "mit"))  # "umgebracht haben, mit 21 Weiteren"


_AUX_FINAL = frozenset({"worden", "wurden", "wurde", "sind", "seien", "sei", "waren", "war", "ist", "hat", "haben",
                        "hatte", "hatten", "werden"})


def _own_verb(num: _Num, toks: list[Token]) -> bool:
    """The count is the subject of its own passive/perfect clause ("20 wurden freigesprochen")."""
    if num.j >= len(toks) or toks[num.j].text.lower() not in _AUX:
        return False
    for t in toks[num.j + 1:num.j + 4]:
        w = t.text
        if w.isalpha() and w.islower() and len(w) > 5 and "ge" in w[:6] and w.endswith(("t", "en")):
            return True
    return False


_FOCUS = frozenset({"nur", "lediglich", "bloß", "immerhin", "sogar"})  # "Rang drei von fünf und nur 9 Prozent"
_ELIDING = frozenset({"statt", "anstatt", "oder", "bzw.", "auf"})
_AUX = frozenset({"wurden", "wurde", "sind", "waren", "seien", "sei", "haben", "hatten", "konnten", "mussten"})
# a unit is repeated only over a short gap without a noun: "von 114 auf 99 Euro", not
# "15 Kilometer südwestlich der Hauptstadt ... mit einer Stärke von 7,0"
_INHERIT_GAP = 10
_PERCENT_LINKS = frozenset({"und", "oder", "bis", "bzw.", "beziehungsweise", "respektive", ",", "statt", "anstatt", "auf", "von", "nach", "zu", "gegenüber",
                            "sowie", "/", "-", "–"})


_PP_HEADS = frozenset({"in", "an", "bei", "aus", "mit", "für", "unter", "neben", "hinter"})
_DEF_ARTICLES = frozenset({"den", "dem", "der", "die", "das", "des"})


def _governed_pp(gap: list[Token]) -> bool:
    """ "rund 3.000 in den rund 220 Filialen": the next count sits in a prepositional phrase of its own, so its noun
    is not the first count's ("von 60 auf die 65 Jahre" is a change, not such a phrase)."""
    lows = [t.text.lower() for t in gap]
    return any(w in _PP_HEADS and lows[m + 1:m + 2] and lows[m + 1] in _DEF_ARTICLES for m, w in enumerate(lows))


_COORDINATORS = frozenset({"und", "oder", "bzw.", "sowie"})
_PRICE_ADJECTIVES = frozenset({"teure", "teuren", "teurer", "teures", "teurem"})


def _coordinated_counts(gap: list[Token]) -> bool:
    """The words between two counts join them, so a noun written once after the second is the first's too: "drei und
    vier Generationen", and with an adjective of each count's own ("230.000 gewerbliche und 4.500 landwirtschaftliche
    Anlagen"; the adjective ends in -e, -en, -er or -es)."""
    if [t.text.lower() for t in gap] == ["von"]:
        return True  # "1.000 von 3.000 Flügen", "zwei von drei Kindern": a part of the whole named after it
    if not gap or gap[-1].text.lower() not in _COORDINATORS:
        return False
    head = gap[:-1]
    return all(t.text.lower() in _COORDINATORS for t in head) or (
        len(head) <= 2 and all(t.text.isalpha() and t.text.islower() and t.text.endswith(("e", "en", "er", "es"))
                               for t in head)
        and not _predicate_hits(head, lexicon()))  # "zehn getötete und 20 verletzte Soldaten": two fates


def _fill_elided(built: list[tuple[_Num, Quantity]]) -> None:
    """"von zwölf auf 20 Mitglieder", "100, nach anderen Angaben 110 Kilometer": the noun or unit is written once."""
    lex = lexicon()

    def specific(cat: str | None) -> bool:
        """A class named by a noun ("Soldaten", "Journalisten") outranks an outcome read off a verb."""
        return cat in lex.person_categories and cat not in lex.generic and cat not in lex.outcomes

    for k in range(len(built) - 2, -1, -1):
        num, q = built[k]
        nxt_num, nxt = built[k + 1]
        bracketed = num.j < len(num.toks or ()) and (num.toks or [])[num.j].text == "("
        if q.object is None and q.unit in (None, "person", nxt.unit) and nxt_num.i > num.j:
            gap = built_tokens(num, nxt_num)
            mult = next((lex.multipliers[t.text.lower()] for t in (num.toks or [])[nxt_num.i:nxt_num.j]
                         if t.text.lower() in lex.multipliers), None)
            if (mult is not None and q.value is not None and q.value < 1000 and num.value_max is None
                    and not any(t.text.lower() in lex.multipliers for t in (num.toks or [])[num.i:num.j])
                    and gap and gap[0].text.lower() in _ELIDING and len(gap) <= 5
                    and not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in gap)
                    and nxt.value is not None and 0.1 <= q.value * mult / nxt.value <= 10):
                q.value = num.value = q.value * mult  # "zwölf statt der erhofften 14,5 Milliarden Euro": 12 billion
        if q.object is None and q.unit is None and q.category is None and nxt_num.i - num.j <= 6 and not num.total \
                and not bracketed and not any(t.text == "." or t.text.lower() in _FOCUS for t in built_tokens(num, nxt_num)) \
                and not _governed_pp(built_tokens(num, nxt_num)) \
                and nxt.unit != "fraction" and (  # "620 Millionen gegenüber, wovon die Hälfte": no fraction
            nxt.unit is not None or nxt.category is not None
        ) and not (nxt.unit == "percent" and not any(t.text.lower() in _PERCENT_LINKS
                                                      for t in built_tokens(num, nxt_num))):
            # "mit 6.800 rund 30 Prozent der Stellen": a count next to a share is not a share itself
            q.unit, q.category, q.gkg_type = nxt.unit, nxt.category, nxt.gkg_type
        elif (q.object is None and nxt.object is not None and nxt_num.i > num.j
              and _coordinated_counts(built_tokens(num, nxt_num))
              and (q.unit is None or (q.unit == "person" and _object_category(nxt.object, lex) == ("", None)
                                      and [t.text.lower() for t in built_tokens(num, nxt_num)] == ["von"]))):
            # "1.000 von 3.000 Flügen ... betroffen": a part of a whole of things is no person, whatever verb follows
            # (a part of people keeps its fate: "Zwölf von 300 Insassen wurden verletzt")
            num.shared = True  # "drei und vier Generationen": the noun after the second count is the first's too
            q.unit, q.category, q.gkg_type = nxt.unit, nxt.category, nxt.gkg_type
        elif (q.object is None and q.category in lex.outcomes and nxt_num.i - num.j <= 6
              and specific(nxt.category)):
            q.category = nxt.category  # "mit sieben und ... mit sechs getöteten Journalisten"
    # "stieg von etwa 370.000 auf rund 432.500", "22 Mädchen starben, 19 davon am Brandort": a count
    # without a noun of its own repeats the class of the nearest count before it in the sentence
    for k in range(1, len(built)):
        prev_num, prev = built[k - 1]
        num, q = built[k]
        own_cue = num.toks is not None and any(t.text.lower() in lex.predicates for t in num.toks[num.j:num.j + 2])
        if num.shared:
            continue
        if ((q.object is None or (q.category is None and _object_category(q.object, lex) is None)) and num.further
                and prev.category is not None and prev.unit in (None, "person") and not own_cue):
            q.category, q.gkg_type = prev.category, prev.gkg_type  # "vier verletzt, weitere zehn auf der Flucht"
        elif (q.object is None and q.unit is None and q.category is None
                and (prev.unit in (None, "person") or (num.i - prev_num.j <= _INHERIT_GAP and not any(
                    t.text[:1].isupper() for t in built_tokens(prev_num, num))) or _alone_in_brackets(num)
                     or (num.toks is not None and _elided_final_count(num.toks, num.i, num.j, lex))
                     or (prev.category == "money" and _bare_amount(num, lex)))
                and (prev.unit is not None or prev.category is not None)):
            p_first = prev_num.q_i if prev_num.q_i is not None else prev_num.i
            if (prev.unit == "percent" and num.toks is not None and p_first > 0
                    and num.toks[p_first - 1].text.lower() == "um"
                    and any(t.text.lower() == "auf" for t in built_tokens(prev_num, num))):
                continue  # "nahm um drei Prozent auf 48,9 Millionen zu": a change by a share to a new level
            q.unit, q.category, q.gkg_type = prev.unit, prev.category, prev.gkg_type
            if prev.category in lex.outcomes and num.toks is not None and num.j < len(num.toks) \
                    and (num.toks[num.j].text.lower() in _AUX or _own_finite_verb(num.toks[num.j].text, lex)):
                # "12 ... hingerichtet, 20 wurden freigesprochen", "25.000 Verwundete ..., 15.000 gerieten in
                # Gefangenschaft": the count has a verb of its own, the fate before is not its fate
                q.category, q.gkg_type = "people", None
        elif q.category in lex.outcomes and (q.object is None or (num.further and _object_category(q.object, lex) is None)):
            # "drei deutsche Soldaten, von denen ... zwei leicht verwundet wurden"; a count without a noun in
            # between ("starben 9.000 Zivilisten (davon 2.000 in der Hauptstadt), 15.000 wurden verwundet") is skipped,
            # and "weitere 929 erlitten Gewalt" (no known noun) is more of the same class
            # a count named by its fate only ("25.000 Verwundete") is passed over: "10.000 Soldaten starben, 25.000
            # Verwundete …, 15.000 gerieten in Gefangenschaft" counts soldiers again
            named = next((b for _, b in reversed(built[:k])
                          if b.object is not None and (_object_category(b.object, lex) or ("injured",))[0]
                          not in lex.outcomes), None)
            if named is not None and specific(named.category):
                q.category = named.category
    # "keine Massenflucht von Hunderttausenden, die ...": a vague plural on its own counts people
    for num, q in built:
        if (q.object is None and q.unit is None and q.category is None and num.toks is not None
                and num.j == num.i + 1 and lex.vague.get(num.toks[num.i].text.lower(), (0, None))[1] == "at_least"
                and num.toks[num.i].text.lower() not in lex.multipliers  # "verdiene Millionen": money
                and not (num.j < len(num.toks) and num.toks[num.j].text.lower() in ("oder", "und", "bis"))):
            q.category, q.unit = "people", "person"
    # "kam auf einen Mittelzufluss von 5,2 Milliarden": a bare amount in a sentence about money is money
    bare = [q for num, q in built if q.object is None and q.unit is None and q.category is None
            and num.value_max is None and _bare_amount(num, lex) and num.value >= 1e6]
    if bare and lex.money_cues and not any(q.category == "money" for _, q in built):  # else the amounts' own rules
        toks0 = built[0][0].toks or []
        sent = " ".join(t.text.lower() for t in toks0)
        if any(c in sent for c in lex.money_cues):
            for q in bare:
                q.category = "money"
    # "Umsatz von 1 Mlrd.", "Konstanz, 260 Mio.": a bare amount with an abbreviated multiplier is money (people and
    # things counted in millions name their noun); "zwei Milliarden Schulden": so is one whose noun is a money noun
    for num, q in built:
        if q.unit is not None or q.category is not None or num.toks is None or num.value_max is not None:
            continue
        mults = [t.text.lower() for t in num.toks[num.i:num.j] if t.text.lower() in lex.multipliers
                 or (t.text.lower() + "." in lex.multipliers and t.text[:1].isupper())]
        if not mults or lex.multipliers.get(mults[-1], lex.multipliers.get(mults[-1] + ".", 0)) < 1e6:
            continue
        abbreviated = mults[-1].endswith(".") or mults[-1] in ("mio", "mrd", "mlrd") or (
            mults[-1] + "." in lex.multipliers and mults[-1] not in lex.multipliers)
        if (q.object is None and abbreviated and _bare_amount_after(num)) or (
                q.object is not None and q.object.lower().endswith(lex.money_heads)):
            q.category, q.object, q.object_start, q.object_end = "money", None, None, None
    # "Der Ölpreis ist um gut ein Fünftel gefallen": a nounless fraction in a sentence about money is no one's fate
    # (the Wikinews gold gives a fraction of money no class: "zwei Dritteln der gesamten Einnahmen")
    for num, q in built:
        if q.unit == "fraction" and q.category in lex.outcomes and q.object is None and lex.money_cues:
            sent_low = " ".join(t.text.lower() for t in (num.toks or []))
            if any(c in sent_low for c in (*lex.money_cues, "preis")):
                q.category, q.gkg_type = None, None
    # "der 1,2 bis 2 Millionen teure Zaun": an amount that says what something costs is money; the priced noun is
    # no object (money names none)
    for num, q in built:
        if (q.unit is None and q.category is None and num.toks is not None and num.j < len(num.toks)
                and num.toks[num.j].text.lower() in _PRICE_ADJECTIVES
                and any(t.text.lower() in lexicon().multipliers for t in num.toks[num.i:num.j])):  # not "drei teure Bilder"
            q.category, q.object, q.object_start, q.object_end = "money", None, None, None
    # "Vier von ihnen sollen Kinder sein": a class noun after a copula names what a nounless count is
    for num, q in built:
        if q.object is not None or q.unit not in (None, "person") or num.toks is None:
            continue  # "Zwei der Getöteten waren Frauen" keeps its outcome noun (the set's convention)
        cls = _predicative_class(num.toks, num.j, lex)
        if cls is not None:
            q.category, q.unit = cls, "person"
    # "unter den 850 Opfern waren 60 Touristen": a part of a set with a fate shares the fate
    for k in range(1, len(built)):
        prev_num, prev = built[k - 1]
        num, q = built[k]
        toks = num.toks or []
        gap_words = [t.text.lower() for t in built_tokens(prev_num, num)]
        if (prev_num.i >= 2 and toks[prev_num.i - 2].text.lower() == "unter"
                and toks[prev_num.i - 1].text.lower() in ("den", "allen") and prev.gkg_type in _HARM
                and q.gkg_type is None and q.unit in (None, "person") and len(gap_words) <= 3
                and any(w in ("waren", "sind", "seien", "befanden", "befinden") for w in gap_words)):
            q.gkg_type = prev.gkg_type
            if q.category in (None, *lex.generic):
                q.category, q.unit = prev.category, "person"
    # "mit 100.000 Kämpfern, darunter 30.000 Pasdaran": a part named by an unknown noun is of the class of the whole
    for k in range(1, len(built)):
        num, q = built[k]
        if (q.category is None and q.unit is None and num.toks is not None and q.object is not None
                and _object_category(q.object, lex) is None
                and "darunter" in {t.text.lower() for t in num.toks[max(0, num.i - 2):num.i]}):
            whole = next((b for _, b in reversed(built[:k]) if b.category is not None), None)
            if whole is not None and whole.category in lex.person_categories:
                q.category, q.gkg_type, q.unit = whole.category, whole.gkg_type, "person"
    # "die Verletzten seien zehn deutsche Touristen und zwei Peruaner": coordinated counts share the outcome
    for k in range(1, len(built)):
        prev_num, prev = built[k - 1]
        num, q = built[k]
        between = {t.text.lower() for t in built_tokens(prev_num, num)}
        if q.object is not None and q.object.lower() in lex.no_fate_nouns:
            continue  # "79 Tote, darunter elf Passagiere, und 20 Überlebende": the survivors escaped that fate
        if (q.gkg_type is None and prev.gkg_type is not None and q.object is not None and q.unit in (None, "person")
                and _object_category(q.object, lex) != ("", None)
                and prev.unit == "person" and q.category in (None, *lex.generic) and between & {"und", "sowie", ","}):
            q.gkg_type, q.unit = prev.gkg_type, "person"
            q.category = prev.category if prev.category in lex.outcomes else (
                _OUTCOME_OF.get(prev.gkg_type or "") or q.category or prev.category)  # "fünf Polizisten und zwei Angreifer starben"
        elif (q.gkg_type is None and prev.gkg_type in _HARM and q.category in lex.person_categories
              and q.category not in lex.generic and num.toks is not None
              and {t.text.lower() for t in num.toks[max(0, num.i - 3):num.i]} & {"darunter", "davon"}):
            q.gkg_type = prev.gkg_type  # "tötete mindestens 126 Menschen, darunter 68 Kinder und 13 Frauen"
        elif (q.gkg_type is None and prev.gkg_type in _HARM and q.category in lex.generic and num.toks is not None
              and {t.text.lower() for t in num.toks[max(0, num.i - 3):num.i]} & {"darunter", "davon"}):
            # "79 Tote (darunter elf Passagiere)": a part named by a generic class takes the fate of the whole
            q.category = prev.category if prev.category in lex.outcomes else (
                _OUTCOME_OF.get(prev.gkg_type or "") or q.category)
            q.gkg_type = prev.gkg_type
        elif (q.gkg_type is None and prev.gkg_type in _HARM and q.category in lex.person_categories
              and q.category not in lex.generic and prev.category not in lex.generic
              and ((_object_category(prev.object, lex) if prev.object else None) or ("", None))[1] is None
              # "100 Toten und 400 Gefangenen": the fate of the dead is not the prisoners' fate
              and {t.text.lower() for t in built_tokens(prev_num, num) if t.start != prev.object_start}
              <= {"und", "sowie", ","}):
            q.gkg_type = prev.gkg_type  # "... 68 Kinder und 13 Frauen": a list of classes shares the fate


def _clause_words_before(lows: list[str], k: int) -> list[str]:
    """The lower-cased words of the clause before position ``k`` (back to a punctuation mark)."""
    lo = k
    while lo > 0 and lows[lo - 1] not in _PUNCT_STOP:
        lo -= 1
    return lows[lo:k]


def _clause_before(toks: list[Token], i: int, limit: int = 24) -> list[Token]:
    """The tokens of the clause before position ``i``, back to a comma, semicolon, colon, dash or bracket (at most
    ``limit``): a German middle field can put many words between a verb and its preposition."""
    k = i
    while k > 0 and i - k < limit and toks[k - 1].text not in (",", ";", ":", "–", "-", "(", ")"):
        k -= 1
    return toks[k:i]


def _bare_amount_after(num: _Num) -> bool:
    """Nothing counted follows the amount: the sentence ends, or punctuation or a lower-case word comes next."""
    toks = num.toks or []
    return num.j >= len(toks) or not toks[num.j].text[:1].isupper()


def _bare_amount(num: _Num, lex: Lexicon) -> bool:
    """ "Brasilien mit 7,4 Milliarden": a number with a multiplier and nothing counted after it repeats the currency
    of an amount before it, however far back."""
    toks = num.toks or []
    return (num.j - num.i >= 2 and toks[num.j - 1].text.lower() in lex.multipliers
            and (num.j >= len(toks) or not toks[num.j].text[:1].isupper()))


def _own_finite_verb(w: str, lex: Lexicon) -> bool:
    """A lower-case past-tense verb right after a nounless count ("15.000 gerieten", "300 flohen" is a cue itself)."""
    low = w.lower()
    return (w.isalpha() and w.islower() and low.endswith(("ten", "ieten", "eten", "ngen", "men", "ben"))
            and low not in lex.predicates and low not in lex.function_words and low not in ("weitere", "weiteren"))


def _alone_in_brackets(num: _Num) -> bool:
    """ "hinter Hamilton (202) und Rosberg (181)": a bracketed number after a name repeats the measure before it."""
    toks = num.toks or []
    return (1 < num.i and num.j < len(toks) and toks[num.i - 1].text == "(" and toks[num.j].text == ")"
            and toks[num.i - 2].text[:1].isupper())  # not a footnote: "überleben nicht (2)"


_COPULA = frozenset({"sind", "waren", "seien", "sein", "ist", "war", "wären", "gewesen"})


def _predicative_class(toks: list[Token], j: int, lex: Lexicon) -> str | None:
    """ "Vier von ihnen sollen Kinder sein", "zwei davon waren Polizisten": the class noun after a copula in the
    count's own clause (a named class only, not plain people)."""
    seen_copula = False
    for m in range(j, min(len(toks), j + 7)):
        w = toks[m].text
        low = w.lower()
        if w in _PUNCT_STOP or _DIGITS.match(w) or low in lex.predicates:
            return None
        if low in _COPULA:
            seen_copula = True
            continue
        if low in ("sollen", "sollten", "sollte", "soll"):
            seen_copula = any(t.text.lower() in ("sein", "gewesen") for t in toks[m + 1:m + 5])  # "sollen Kinder sein"
            continue
        if w[:1].isupper() and seen_copula:
            cat = _object_category(w, lex)
            if cat is not None and cat[0] in lex.person_categories and cat[0] not in lex.generic \
                    and cat[0] not in lex.outcomes:
                return cat[0]
            return None
    return None


def _numbers_in(toks: list[Token], text: str, lex: Lexicon, time_spans: list[tuple[int, int]]) -> list[_Num]:
    nums: list[_Num] = []
    skipped_end: int | None = None  # token after the last number skipped as a name, year or age
    duration_end: int | None = None  # token after the last duration
    n = len(toks)
    i = 0
    while i < n:
        ch = toks[i].text[:1]
        if not (ch.isdigit() or ch.isalpha() or (ch in "+−-" and toks[i].text[1:2].isdigit())):
            i += 1
            continue
        m = _match_number(toks, i, lex)
        if m is None:
            i += 1
            continue
        value, j, implied_q, is_frac = m
        gapped = (nums and j == i + 1 and toks[i].text.isalpha() and i > 1 and toks[i - 1].text[:1].isupper()
                  and toks[i - 2].text.lower() in ("in", "aus", "bei", "für") and (j == n or toks[j].text in _PUNCT_STOP))
        # "starben in Missouri acht Menschen und in Illinois fünf": a count with its noun left out, not "Risiko zwei"
        if (not gapped and _is_skipped(toks, i, j, text, lex)) or any(
            s <= toks[i].start < e for s, e in time_spans
        ):
            skipped_end = j
            i = j
            continue
        if (skipped_end is not None and skipped_end < i and j == i + 1
                and all(t.text in (",", "und", "oder", "sowie", "/", "-") for t in toks[skipped_end:i])
                and (j >= n or not (toks[j].text[:1].isupper() or _unit_of(toks[j].text, lex) is not None
                                    or toks[j].text.lower() in lex.multipliers))):
            skipped_end = j
            i = j
            continue  # "die Linien 5, 10, 18 und 58": the rest of a list of names or years
        num = _Num(i=i, j=j, value=value, qualifier=implied_q, fraction=is_frac, toks=toks)
        # "zwischen 23,6 Mrd. Euro (Quelle A) und 25,2 Mrd. Euro": a bracket inside the range
        if (i > 0 and toks[i - 1].text.lower() == "zwischen" and j < n and toks[j].text == "(") \
                or (i > 0 and toks[i - 1].text.lower() == "zwischen" and j + 1 < n and toks[j + 1].text == "("
                    and _unit_of(toks[j].text, lex) is not None):
            close = next((m for m in range(j, min(n, j + 10)) if toks[m].text == ")"), None)
            if close is not None and close + 2 < n and toks[close + 1].text == "und":
                m2 = _match_number(toks, close + 2, lex)
                if m2 is not None and m2[0] > value:
                    num.value_max, num.q_i = m2[0], i - 1
                    num.j = j = m2[1]  # a unit after the second number is read below
        # "zwischen 200 und 300", "200 bis 300", "200-300"
        after_zwischen = i > 0 and (toks[i - 1].text.lower() == "zwischen" or (
            i > 1 and toks[i - 2].text.lower() == "zwischen" and toks[i - 1].text.lower() in lex.qualifiers1))
        if j + 1 < n and (toks[j].text in _DASHES or (toks[j].text == "und" and after_zwischen)):
            k2 = j + 1
            if toks[j].text == "und" and k2 + 1 < n and toks[k2].text.lower() in lex.qualifiers1 \
                    and toks[k2].text.lower() != "bis":
                k2 += 1  # "zwischen 3 Millionen und über 10 Millionen": a qualifier on the upper end only
            m2 = _match_number(toks, k2, lex)
            if m2 is not None:
                v2 = m2[0]
                base2 = _plain_value(toks[k2].text, lex)
                if j == i + 1 and m2[1] == k2 + 2 and base2 and value * (v2 / base2) <= v2:
                    value = num.value = value * (v2 / base2)  # "zwei bis drei Millionen", not "500.000 bis 1 Million"
                if v2 > value:
                    num.value_max = v2
                    num.j = j = m2[1]
                    if i > 1 and toks[i - 2].text.lower() == "zwischen" and lex.qualifiers1.get(toks[i - 1].text.lower()) \
                            and toks[i - 1].text.lower() not in ("bis", "gegen"):
                        num.qualifier, num.q_i = lex.qualifiers1[toks[i - 1].text.lower()], i - 2  # "zwischen etwa 150 000 und 225 000"
                    elif i > 0 and toks[i - 1].text.lower() == "zwischen":
                        num.q_i = i - 1
                        if i > 1 and _explicit_qualifier(toks, i - 1, lex):  # "etwa zwischen 600 und 900 Euro"
                            p1, p2 = toks[i - 2].text.lower(), toks[i - 3].text.lower() if i > 2 else ""
                            two = lex.qualifiers2.get((p2, p1)) is not None
                            num.qualifier = lex.qualifiers2[(p2, p1)] if two else lex.qualifiers1[p1]
                            num.q_i = i - 3 if two else i - 2
        if (num.value_max is None and j == i + 1 and j + 1 < n and toks[j].text in ("oder", ",")
                and toks[i].text.isalpha() and toks[j + 1].text.isalpha()
                and not (i > 0 and toks[i - 1].text in (",", "oder", "und"))):  # not "drei, vier, fünf Kleinkinder"
            m2 = _match_number(toks, j + 1, lex)
            if (m2 is not None and m2[1] == j + 2 and value < 20 and m2[0] == value + 1
                    and (m2[1] >= n or toks[m2[1]].text.lower() not in (",", "und", "oder", "bis"))):
                num.value_max = m2[0]  # "drei oder vier Leute", "einer von fünf, sechs Kandidaten": an estimate
                num.j = j = m2[1]
        if num.value_max is not None and j < n and toks[j].text.lower() in ("uhr", "h"):
            i = j
            continue  # "je 10-15 Uhr", "von 8 bis 18 Uhr": opening hours, not a count
        number_end = j
        if (j + 1 < n and toks[j].text.isalpha()  # "Dänische Kronen", "20 Millionen niederländische Gulden"
                and toks[j].text.endswith(("e", "er", "en")) and toks[j].text.lower() not in lex.multipliers
                and lex.unit_categories.get(_unit_of(toks[j + 1].text, lex) or "") == "money"):
            num.unit, num.j = _unit_of(toks[j + 1].text, lex), j + 2  # "40 Millionen Deutsche Mark", "Dänische Kronen"
            j = num.j
        elif (j + 2 < n and toks[j].text == "," and toks[j + 1].text in ("-", "--", "–")
              and lex.unit_categories.get(_unit_of(toks[j + 2].text, lex) or "") == "money"):
            num.unit, num.j = _unit_of(toks[j + 2].text, lex), j + 3  # "ca. 10, -- EUR": a price without cents
            j = num.j
        elif j < n and toks[j].text == "°":
            celsius = j + 1 < n and toks[j + 1].text == "C" and toks[j + 1].start <= toks[j].end + 1
            num.unit, num.j = ("degree_celsius", j + 2) if celsius else ("angle", j + 1)  # "37 °C"; a bare "90°" is an angle
            j = num.j
        elif j < n:
            unit = _unit_of(toks[j].text, lex)
            head, dash, _ = toks[j].text.partition("-")
            if (unit is None and dash and j > num.i and toks[j - 1].text.lower() in lex.multipliers
                    and lex.unit_categories.get(_unit_of(head, lex) or "") == "money"):
                num.unit = _unit_of(head, lex)  # "die erste 5,5 Milliarden Euro-Finanzspritze": an amount of money
            if unit is not None:
                num.unit = unit
                num.j = j = j + 1
                if unit == "km" and j + 1 < n and toks[j].text == "/" and toks[j + 1].text == "h":
                    num.unit = "km/h"  # "bis zu 280 km / h": a speed written with spaces
                    num.j = j = j + 2
                if unit in ("km", "m", "mile") and j + 1 < n and toks[j].text.lower() == "pro" \
                        and toks[j + 1].text.lower() in ("stunde", "std.", "sekunde"):
                    # "120 Kilometern pro Stunde" is a speed (so is "300.000 Kilometern pro Sekunde")
                    num.unit = "km/s" if toks[j + 1].text.lower() == "sekunde" else "km/h"
                    num.j = j = j + 2
                if (lex.unit_categories.get(unit) == "power" and j + 1 < n and toks[j].text.lower() in ("/", "pro", "je")
                        and lex.unit_categories.get(_unit_of(toks[j + 1].text, lex) or "") == "area"):
                    # "mit 0,355 MW / km²": power over an area is a density, a reading with no class of its own
                    num.unit = "power_density"
                    num.j = j = j + 2
        unit_end = j + 1 if j == number_end and j < n and _DATA_SIZE.match(toks[j].text) else j
        if num.value_max is None and unit_end > number_end and unit_end + 2 < n and (
                toks[unit_end].text in _DASHES or (toks[unit_end].text == "und" and after_zwischen)):
            m2 = _match_number(toks, unit_end + 1, lex)
            unit_words = [t.text.lower() for t in toks[number_end:unit_end]]
            end2 = m2[1] + len(unit_words) if m2 is not None else n + 1
            if m2 is not None and m2[0] > value and end2 <= n \
                    and [t.text.lower() for t in toks[m2[1]:end2]] == unit_words \
                    and not (end2 < n and toks[end2].text == ":"):  # "Kugel: 12,10 m – 400 m: 51,2 Sek.": a list
                # "Schriftgrößen von 1,2 mm bis 2,3 mm", "zwischen 60 EUR und 65 EUR", "32 KB bis 128 KB": one range
                # with its unit written twice, not two amounts
                num.value_max, num.j = m2[0], end2
                j = end2
                if after_zwischen and toks[i - 1].text.lower() == "zwischen":
                    num.q_i = i - 1
        if num.unit is None and j + 1 < n and toks[j + 1].text[:1].isupper() and (
                (toks[j].text.isalpha() and toks[j].text.islower() and toks[j].text.endswith(("e", "en")))
                or (toks[j].text == "von" and toks[i].text.lower() in lex.vague)):
            unit = _unit_of(toks[j + 1].text, lex)
            if unit in lex.duration_units:
                num.unit, num.j = unit, j + 2  # "drei freie Tage", "tausende von Jahren": a duration all the same
                j = num.j
            elif (unit is not None and toks[j].text == "von"
                  and lex.unit_categories.get(unit) not in (None, "people", "goals", "votes", "seats", "points")):
                num.unit = unit  # "Hunderte von Kilometern entfernt", "Millionen von Euro": the measure of a vague plural
        if num.unit is None and j + 1 < n and toks[j].text in ("mal", "Mal") and toks[j + 1].text.lower() in _FACTOR_NEXT:
            num.unit = "factor"  # "zweieinhalb mal so viele Verluste": a factor, not a head count
        if num.unit == "GBP" and any(t.text.lower().startswith(lex.weight_cues) for t in toks[max(0, i - 4):j + 1]):
            num.unit = "lb"  # "wiegt 280 Pfund", "280 Pfund schwer": a weight, not pounds sterling
        if num.unit == "degree" and j < n and toks[j].text.lower().startswith(lex.angle_words):
            num.unit = "angle"  # "ein 30 Grad steiler Hang": an angle, not a temperature
        if (num.qualifier is None and num.value_max is None and j + 1 < n and toks[j].text in ("oder", "und")
                and toks[j + 1].text.lower() == "mehr"):
            num.qualifier, num.j = "at_least", j + 2  # "in zwei oder mehr Häusern", "auf 30 Prozent und mehr"
            j = num.j
        if num.unit is None and i > 0 and (toks[i - 1].text.lower() in lex.measure_nouns or (
                i > 1 and toks[i - 1].text.lower() == "von" and toks[i - 2].text.lower() in lex.measure_nouns)):
            num.unit = "scale"  # "der Stärke 6", "einer Stärke von 7,0": a reading on a scale, not a head count
        if num.unit in lex.duration_units:
            # "im Alter von 58, 60 und 65 Jahren": the whole list is ages/durations
            cur = num.i
            while nums and all(t.text.lower() in _DURATION_LINKS for t in toks[nums[-1].j:cur]) \
                    and nums[-1].j < cur and nums[-1].unit is None:
                cur = nums.pop().i
            duration_end = j
            i = j
            continue  # "drei Jahre", "vor 15 Jahren": a duration, owned by the times layer
        if (num.unit is None and duration_end is not None and 0 < i - duration_end <= 3 and j < n
                and toks[j].text.lower() == "davon"
                and all(t.text in (",", "und") or (k == duration_end and t.text[:1].isupper())
                        for k, t in enumerate(toks[duration_end:i], duration_end))):
            i = j
            continue  # "drei Jahre Haft, zwei davon bedingt": part of a duration
        if is_frac:
            num.unit = "fraction"
        # qualifier in front
        vague_overridden = toks[i].text.lower() in lex.vague and i > 0 and _explicit_qualifier(toks, i, lex)
        if is_frac and i > 2 and toks[i].text.lower() == "hälfte" and toks[i - 1].text.lower() == "der" and (
                (toks[i - 3].text.lower(), toks[i - 2].text.lower()) in lex.qualifiers2):
            num.qualifier, num.q_i = lex.qualifiers2[(toks[i - 3].text.lower(), toks[i - 2].text.lower())], i - 3
            # "in mehr als der Hälfte der Staaten": the qualifier stands before the article
        elif (is_frac and i > 1 and toks[i].text.lower() == "hälfte" and toks[i - 1].text.lower() == "der"
              and lex.qualifiers1.get(toks[i - 2].text.lower()) is not None and toks[i - 2].text.lower() != "gegen"):
            num.qualifier, num.q_i = lex.qualifiers1[toks[i - 2].text.lower()], i - 2  # "gut der Hälfte der Erdbewohner"
        if i > 0 and num.q_i is None and (num.qualifier is None or vague_overridden):
            p1 = toks[i - 1].text.lower()
            p2 = toks[i - 2].text.lower() if i > 1 else ""
            if (p2, p1) == ("um", "die") and any(
                    t.text.lower().startswith(lex.um_governors) for t in _clause_before(toks, i - 2)):
                pass  # "rangen ... um die 30 Kilometer nördlich gelegene Ortschaft": the verb's "um", not "about"
            elif (p2, p1) in lex.qualifiers2:
                num.qualifier, num.q_i = lex.qualifiers2[(p2, p1)], i - 2
                if i > 2 and toks[i - 3].text.lower() == "nicht" and num.qualifier in _NEGATED_QUALIFIER:
                    num.qualifier, num.q_i = _NEGATED_QUALIFIER[num.qualifier], i - 3  # "nicht mehr als zehn Raketen"
            elif p1 == "gegen" and (_gegen_is_preposition(toks, i - 1, lex) or num.value < 10 or num.value % 5):
                pass  # "ein Einreiseverbot gegen 13 ranghohe Syrer": against; "about" goes with round numbers only
            elif (p1 == "über" and p2 not in ("von", "auf") and lex.unit_categories.get(num.unit or "") == "distance"
                  and any(c in x.text.lower() for x in toks for c in _RACE_CUES)):
                pass  # "errang er die Silbermedaille über 500 Meter": the distance of a race, not "more than"
            elif p1 == "über" and i > 1 and p2.startswith(lex.ueber_governors):
                pass  # "verfügt über 50 Delegiertenstimmen": the verb's preposition, not "more than"
            elif p1 == "über" and any(t.text.lower().startswith("verfüg") for t in _clause_before(toks, i - 1)):
                pass  # "Damit verfügte das Parlament über 395 Abgeordnete": the subject stands between verb and "über"
            elif p1 == "unter" and i > 1 and (p2.endswith(lex.unter_governors) or any(
                    t.text.lower() in lex.unter_ranks for t in toks[max(0, i - 4):i - 1])):
                pass  # "einer Befragung unter 2800 Asylberechtigten", "Platz eins unter 20 …": among, not "less than"
            elif p1 == "auf" and lex.qualifiers1.get(p2) in ("at_least", "about", "almost") and p2 != "gegen":
                num.qualifier = lex.qualifiers1[p2]  # "beläuft sich mindestens auf 272": the span stays the number
            elif p1 in lex.qualifiers1 and not (p1 == "bis" and num.value_max is None and (p2.isdigit() or (
                    i > 2 and toks[i - 3].text[:1].isdigit() and _unit_of(toks[i - 2].text, lex) is not None))):
                # "von 30 Cent bis 1 Euro": "bis" after an amount ends a range, it is no "up to"
                num.qualifier, num.q_i = lex.qualifiers1[p1], i - 1
                if num.qualifier is None:
                    num.q_i = None
        if (num.unit is None and i > 1 and toks[i - 1].text == "(" and j < n and toks[j].text == ")"
                and toks[i - 2].text[:1].isupper()):
            unit = _unit_of(toks[i - 2].text, lex)
            if unit is not None and lex.unit_categories.get(unit) not in (None, "duration", "people"):
                num.unit = unit  # "die meisten Zähler (39)": the unit stands before the bracket
        if num.unit is None and num.q_i is None and i > 0 and lex.prefix_currencies:
            sym = toks[i - 1].text
            code = lex.prefix_currencies.get(sym.lower())
            if code is not None and (not sym.isalpha() or sym.isupper()):
                num.unit, num.q_i = code, i - 1  # "US$ 5 Millionen", "€ 20": the currency written first
                if sym == "$" and i > 1 and toks[i - 2].text == "US":
                    num.q_i = i - 2  # "US $ 42.000"
                c = num.q_i
                if num.qualifier is None and c > 0:
                    p1 = toks[c - 1].text.lower()
                    p2 = toks[c - 2].text.lower() if c > 1 else ""
                    if lex.qualifiers2.get((p2, p1)) is not None:
                        num.qualifier, num.q_i = lex.qualifiers2[(p2, p1)], c - 2
                    elif lex.qualifiers1.get(p1) is not None and p1 != "gegen":
                        num.qualifier, num.q_i = lex.qualifiers1[p1], c - 1  # "etwa US $ 42.000"
        first = num.q_i if num.q_i is not None else i
        if first >= 2 and (toks[first - 2].text.lower(), toks[first - 1].text.lower()) in lex.negators:
            num.negated = True
        if first >= 1 and toks[first - 1].text.lower() in ("weitere", "weiteren"):
            num.further = True
        if first >= 2 and toks[first - 2].text.lower() == "von" and toks[first - 1].text.lower() in ("den", "diesen"):
            num.total = True  # "Von den 250 an Bord befindlichen Menschen wurden 60 verletzt": the whole set
        if first >= 2 and toks[first - 1].text.lower() == "von" and toks[first - 2].text[:1].isupper() \
                and toks[first - 2].text.endswith("ung"):
            num.of_action = True
        if first >= 2 and toks[first - 1].text.lower() == "auf" and any(
                t.text.lower().endswith(tuple(lex.attack_nouns)) for t in toks[max(0, first - 8):first - 1]):
            num.of_action = True  # "bei einem Angriff mit Messern ... auf vier Männer ist ein 31-Jähriger getötet worden"
        if first >= 1 and nums and nums[-1].j == first - 1 and toks[first - 1].text.lower() in ("der", "den", "von"):
            num.whole = True  # "12 der mehr als 300 Insassen starben", "vier von zehn Erwachsenen": the set the 12 are part of
        if (num.qualifier is None and nums and nums[-1].qualifier is not None and nums[-1].j == first - 1
                and ((toks[first - 1].text == "(" and lex.unit_categories.get(num.unit or "") == "money"
                      and lex.unit_categories.get(nums[-1].unit or "") == "money")
                     or (toks[first - 1].text.lower() in ("bzw.", "beziehungsweise") and num.unit is not None
                         and nums[-1].unit is not None and num.unit != nums[-1].unit
                         and lex.unit_categories.get(num.unit) == lex.unit_categories.get(nums[-1].unit)
                         and lex.unit_categories.get(num.unit) not in (None, "duration")))):
            # "bis zu 2 Milliarden Dollar (1,8 Mrd. Euro)", "über 300 Metern pro Sekunde bzw. 1.080 km/h": the same
            # amount in another unit
            num.qualifier = nums[-1].qualifier
        nums.append(num)
        i = j
    return nums


def _explicit_qualifier(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """A written qualifier right before token i ("mehr als tausende"); it outranks a vague plural's own at_least."""
    p1 = toks[i - 1].text.lower()
    p2 = toks[i - 2].text.lower() if i > 1 else ""
    return lex.qualifiers2.get((p2, p1)) is not None or (lex.qualifiers1.get(p1) is not None and p1 != "gegen")


def _gegen_is_preposition(toks: list[Token], g: int, lex: Lexicon) -> bool:
    """ "gegen" before a number means "about" only where nothing governs it as "against": not after a noun
    ("Haftbefehl gegen drei Iraker"), a number or "Ja-" ("acht gegen sechs Stimmen") or a verb that takes
    "gegen" ("demonstrierten gegen ..."). A capitalised word after "in/im/aus ..." is a place, not a governor."""
    if any(t.text.lower().startswith(lex.gegen_governors) for t in toks[g + 2:g + 6]):
        return True  # "bald gegen 90.000 Soldaten zu kämpfen": the verb after the count governs it
    if g == 0:
        return False  # "Gegen 300 Menschen kamen ..."
    prev = toks[g - 1].text
    low = prev.lower()
    if prev[:1].isdigit() or prev.endswith("-") or _word_value(low, lex) is not None:
        return True
    if prev == "(" and g >= 2 and (toks[g - 2].text[:1].isdigit() or _unit_of(toks[g - 2].text, lex) is not None):
        return True  # "5241 Meterzentner (gegen 3265)": the value compared with, not "about"
    if prev[:1].isupper() and prev.replace("-", "").isalpha() and g - 1 > 0:
        before = toks[g - 2].text.lower()
        return before not in ("in", "im", "aus", "nach", "bei")
    return low.startswith(lex.gegen_governors)


def _plain_value(t: str, lex: Lexicon) -> float | None:
    if _DIGITS.match(t):
        return parse_digits(t)
    if _half_value(t.lower(), lex) is not None:
        return _half_value(t.lower(), lex)
    w = _word_value(t.lower(), lex)
    return float(w) if w is not None else None


@dataclass
class _Obj:
    tok: Token | None
    cat: tuple[str, str | None] | None

    @property
    def takes_predicate(self) -> bool:
        """People (or an unknown noun, or no noun) can be killed or arrested; houses and trains cannot."""
        if self.cat is None:
            return True
        return self.cat[0] != "" and (self.cat[1] is not None or self.cat[0] in lexicon().person_categories)


def _find_object(num: _Num, toks: list[Token], lex: Lexicon, lo: int) -> _Obj | None:
    """The counted noun and its category; None when the number turns out to be a duration."""
    obj_tok = None if num.unit not in (None, "fraction", "person", "piece") else _object_after(toks, num, lex)
    if obj_tok is _DURATION:
        return None
    if obj_tok is None and num.unit is None:
        obj_tok = _object_before(toks, num.i, lo, lex)
    cat = None
    if obj_tok is not None:
        cat = _object_category(obj_tok.text, lex)
        k = next((m for m in range(num.j, min(len(toks), num.j + 6)) if toks[m] is obj_tok), None)
        if (cat is not None and cat[0] in lex.outcomes and k is not None and k + 2 < len(toks)
                and toks[k + 1].text in ("und", "oder", "bzw.")):
            other = _object_category(toks[k + 2].text, lex) if toks[k + 2].text[:1].isupper() else None
            if other is not None and other[0] in lex.outcomes and other[0] != cat[0]:
                cat = ("affected", "AFFECT")  # "über 600.000 Tote und Verwundete": several fates in one count
        low = obj_tok.text.lower()
        if low.endswith(lex.count_heads) and low not in lex.objects:
            mod = low[: -len(next(h for h in lex.count_heads if low.endswith(h)))]
            cat = _object_category_low(mod) or (_object_category_low(mod[:-1]) if mod.endswith("s") else None)
        k_obj = next((m for m in range(num.j, min(len(toks), num.j + 4)) if toks[m] is obj_tok), None)
        if (cat is not None and cat[0] in ("people", "residents") and k_obj is not None and k_obj > 0
                and toks[k_obj - 1].text.lower() in ("weibliche", "weiblichen")):
            cat = ("women", cat[1])  # "auf 100 weibliche Personen kamen 142 männliche": women, like "100 Frauen"
        org = lex.org_categories.get(obj_tok.text.lower())
        if org is not None:
            cat = (org, None)  # "780 der deutschen Bundeswehr"
        elif cat is not None and (cat[0] in lex.generic or cat[0] in ("rescuers", "security_forces")):
            org = _genitive_org(toks, obj_tok, lex)  # "sieben Angehörige der libanesischen Armee", "Einsatzkräfte der Polizei"
            if org is not None:
                cat = (org, cat[1])
        elif cat is not None and cat[0] in lex.person_categories and cat[1] is None:
            # "43.000 Frauen und Männern": a class joined with plain people is just people
            k = next((n for n, t in enumerate(toks) if t is obj_tok), len(toks))
            if k + 2 < len(toks) and toks[k + 1].text in ("und", "oder") and toks[k + 2].text[:1].isupper():
                other = _object_category(toks[k + 2].text, lex)
                if other is not None and other[0] == "people":
                    cat = ("people", None)
        if cat is not None and _two_roles(cat[0], obj_tok, toks, lex):
            cat = ("people", None)  # "Tausende Helfer und Soldaten": one count of two classes is people (round 9)
        if cat is not None and cat[0] == "soldiers" and low == "mann" and _at_a_match(toks, lex):
            cat = ("people", None)  # "mit zehn Mann spielen" after a sending-off: players, not troops
        if low == "mann" and k_obj is not None and k_obj + 1 < len(toks) \
                and toks[k_obj + 1].text.lower().startswith("besatzung"):
            cat = ("crew", None)  # "Zwei Mann Besatzung sitzen im Turm": a vehicle's crew, not troops
    return _Obj(obj_tok, cat)


# Classes of people by role; a count of two of them ("88 Rebellen und Soldaten") is plain people. Women and
# children are left out ("665 Frauen und Mädchen" stays women), and so are two names of people on the move
# ("4.800 Migranten und Flüchtlinge" stays migrants, the first noun).
_ON_THE_MOVE = frozenset({"migrants", "refugees", "displaced"})


def _two_roles(cat: str, obj_tok: Token, toks: list[Token], lex: Lexicon) -> bool:
    if cat in lex.generic or cat in lex.outcomes or cat in ("women", "children"):
        return False
    k = next((n for n, t in enumerate(toks) if t is obj_tok), len(toks))
    if k + 2 >= len(toks) or toks[k + 1].text not in ("und", "oder") or not toks[k + 2].text[:1].isupper():
        return False
    other = _object_category(toks[k + 2].text, lex)
    return (other is not None and other[0] != cat and other[0] in lex.person_categories
            and other[0] not in lex.generic and other[0] not in lex.outcomes and other[0] not in ("women", "children")
            and not {cat, other[0]} <= _ON_THE_MOVE)


def _at_a_match(toks: list[Token], lex: Lexicon) -> bool:
    """The sentence is about a match (a minute, a card, a sending-off): "Mann" there are players."""
    return bool(lex.match_cues) and any(t.text.lower().startswith(lex.match_cues) for t in toks)


def _is_size_attribute(obj: _Obj, toks: list[Token], lex: Lexicon) -> bool:
    """ "der 30.000 Einwohner zählenden Stadt", "400 Personen umfassendes Gremium": the count measures the size of
    something else, so the clause's predicate ("evakuiert") is not about these people."""
    if obj.tok is None or not lex.size_participles:
        return False
    k = next((n for n, t in enumerate(toks) if t is obj.tok), None)
    return k is not None and k + 1 < len(toks) and toks[k + 1].text.lower().startswith(lex.size_participles)


def _genitive_org(toks: list[Token], obj: Token, lex: Lexicon) -> str | None:
    k = next((n for n, t in enumerate(toks) if t is obj), None)
    if k is None or k + 1 >= len(toks) or toks[k + 1].text.lower() not in ("der", "des", "von", "vom"):
        return None
    for n in range(k + 2, min(len(toks), k + 5)):
        w = toks[n].text
        if w[:1].isupper():
            org = lex.org_categories.get(w.lower())
            if (org is None and n + 1 < len(toks) and toks[n + 1].text[:1].isupper()
                    and w.lower().endswith(("e", "en", "er", "es"))):
                continue  # "40 Kräfte des Technischen Hilfswerks": a capitalised adjective of the name
            return org
    return None


_HARM = frozenset({"KILL", "WOUND", "ARREST", "KIDNAP"})
_OUTCOME_OF = {"KILL": "killed", "WOUND": "injured", "ARREST": "arrested", "KIDNAP": "kidnapped"}


def _build(num: _Num, obj: _Obj, toks: list[Token], text: str, lex: Lexicon,
           pred: tuple[str, str] | None, protest: bool = False) -> Quantity:
    start_i = num.q_i if num.q_i is not None else num.i
    start, end = toks[start_i].start, toks[num.j - 1].end
    q = Quantity(start=start, end=end, text=text[start:end], value=num.value, value_max=num.value_max,
                 qualifier=num.qualifier, unit=num.unit)
    obj_tok, noun_cat = obj.tok, obj.cat
    if (noun_cat is not None and noun_cat[0] == "police" and obj_tok is not None
            and obj_tok.text.lower() in ("beamte", "beamten", "beamtinnen") and lex.civil_service_cues):
        sent = text[toks[0].start:toks[-1].end].lower()
        harmed = pred is not None and pred[1] in _HARM
        if any(c in sent for c in lex.civil_service_cues) or not (
                harmed or any(c in sent for c in lex.police_context_cues)):
            # civil servants unless the sentence names the police or a police scene, or the officers are harmed
            # ("120 ausländische Beamte kamen nach Slowenien" employees; "Hunderte Beamte drängten die Demonstranten",
            # "30 schwer verletzte Beamte" police); "tausende junge Beamte eingestellt" is the civil service
            noun_cat = ("employees", None)
    if protest and noun_cat is not None and noun_cat[0] == "participants":
        noun_cat = ("protesters", "PROTEST")  # "Bei einer Kundgebung ... mehr als zehn Teilnehmer festgenommen"
    if obj_tok is not None:
        q.object, q.object_start, q.object_end = obj_tok.text, obj_tok.start, obj_tok.end
    if noun_cat is not None and noun_cat[0] == "":
        pass  # animals, things without a class: "100 Millionen Haie"
    elif noun_cat is not None and noun_cat[0] not in lex.generic:
        q.category, q.gkg_type = noun_cat
        if pred is not None and pred[1] in _HARM and noun_cat[1] in ("PROTEST", "AFFECT") \
                and noun_cat[0] != "affected" and num.unit in (None, "person", "fraction"):
            q.gkg_type = pred[1]  # "11 Demonstranten getötet": the class stays, the count is a KILL count
    elif pred is not None and num.unit in (None, "person", "fraction"):
        q.category, q.gkg_type = pred
    elif noun_cat is not None:
        q.category = noun_cat[0]
        if (lex.generic_defaults and noun_cat[0] in lex.generic_defaults and num.unit in (None, "person")
                and obj_tok is not None and obj_tok.start < start):
            q.category, q.gkg_type = lex.generic_defaults[noun_cat[0]]  # "Opferzahl auf 49 gestiegen"
        elif q.category == "victims":
            if num.unit in (None, "person") and not _non_lethal_victims(toks, lex):
                q.category, q.gkg_type = "killed", "KILL"  # "Historiker vermuteten 100.000 Opfer": the dead
            else:
                q.category = "people"  # "80 Opfer erhielten eine Entschädigung": victims of a fraud, not the dead
    elif num.unit is not None:
        q.category = lex.unit_categories.get(num.unit)
    if q.gkg_type is None and pred is not None and q.category in lex.person_categories and num.unit in (None, "person"):
        q.gkg_type = pred[1]
    if q.unit is None and q.category in lex.person_categories:
        q.unit = "person"
    if q.gkg_type == "SEIZE" and q.category in lex.person_categories:
        q.gkg_type = None
    return q


def _non_lethal_victims(toks: list[Token], lex: Lexicon) -> bool:
    """Victims of a fraud, abuse or a crime that does not kill ("Opfer des Anlagebetrugs") are people, not the dead."""
    return any(st in t.text.lower() for t in toks if t.text.replace("-", "").isalpha() for st in lex.non_lethal_victim_stems)


def _object_after(toks: list[Token], num: _Num, lex: Lexicon) -> Token | None:
    k = num.j
    skipped = 0
    while k < len(toks) and skipped <= 3:
        t = toks[k].text
        low = t.lower()
        if t == "(" and k == num.j:
            close = next((m for m in range(k + 1, min(len(toks), k + 8)) if toks[m].text == ")"), None)
            if close is not None and close + 1 < len(toks):
                after = toks[close + 1]
                unit = _unit_of(after.text, lex)
                if unit is not None and num.unit is None and lex.unit_categories.get(unit) not in (None, "duration"):
                    num.unit = unit  # "45 (34,1 Prozent) Sitze": the unit stands after the bracket
                    return None
                if after.text[:1].isupper() and _object_category(after.text, lex) is not None:
                    return after
            return None
        if (t == "," and skipped > 0 and k + 1 < len(toks) and toks[k - 1].text.isalpha()
                and toks[k - 1].text.islower() and toks[k - 1].text.endswith(("e", "en"))
                and toks[k + 1].text.isalpha() and toks[k + 1].text.islower() and toks[k + 1].text.endswith(("e", "en"))
                and toks[k + 1].text.lower() not in lex.function_words):
            k += 1  # "zwei Millionen polnische, tschechische und ungarische Soldaten"
            continue
        if (t == "," and skipped > 0 and k + 2 < len(toks) and toks[k - 1].text.isalpha()
                and toks[k - 1].text.islower() and toks[k - 1].text.endswith(("e", "en"))
                and toks[k + 1].text.isalpha() and toks[k + 1].text.islower()
                and toks[k + 1].text.lower() not in lex.function_words
                and toks[k + 2].text.isalpha() and toks[k + 2].text.islower() and toks[k + 2].text.endswith(("e", "en"))
                and toks[k + 3 if k + 3 < len(toks) else k].text[:1].isupper()):
            k += 2  # "15 Millionen neue, sozial abgesicherte Arbeitsplätze": an adverb before the second adjective
            continue
        if (t in ("–", "—") and k == num.j and k + 1 < len(toks) and toks[k + 1].text[:1].isupper()
                and any(x.text in ("–", "—") for x in toks[max(0, num.i - 3):num.i])
                and _object_category(toks[k + 1].text, lex) is not None):
            return toks[k + 1]  # "die meisten – nämlich 19.700 – Transitflüchtlinge": a count set off by dashes
        if t in _PUNCT_STOP or _DIGITS.match(t):
            return None
        if _AGE_NOUN.match(t):
            return toks[k]  # "drei 18-Jährige"
        if t.endswith("-") and t[:1].isupper() and k + 1 < len(toks) and toks[k + 1].text in ("und", "oder"):
            head = next((toks[m] for m in range(k + 2, min(len(toks), k + 6))
                         if toks[m].text[:1].isupper() and toks[m].text.isalpha()), None)
            return head  # "11 Panzer- und 8 Infanteriedivisionen": the noun is written once, at the end
        if t == "#" and k + 1 < len(toks) and toks[k + 1].start == toks[k].end:
            k += 1  # "Fünf #Schüler verletzt": a hashtag
            continue
        if (t[:1].isupper() and k + 2 < len(toks) and toks[k + 1].text in ("-", "–") and toks[k + 2].text[:1].isupper()
                and toks[k + 1].start > toks[k].end and (_object_category(toks[k + 2].text, lex) or ("",))[0]
                in lex.person_categories and (_object_category(t, lex) or ("",))[0] not in lex.person_categories):
            return toks[k + 2]  # "Zwei Pkw - Insassen": a compound written with spaced hyphens, its head is last
        if t[:1].isupper():
            if low in lex.not_objects or low in lex.function_words:
                return None
            if low.endswith(lex.duration_suffixes):
                return _DURATION
            if _object_category(t, lex) is None:
                for m in range(k + 1, min(len(toks), k + 3)):
                    w = toks[m].text
                    if not (w[:1].isupper() and w.replace("-", "").isalpha()):
                        break
                    if _object_category(w, lex) is not None:
                        return toks[m]  # "vier Black Hawk Hubschraubern": a type name before the noun
            return toks[k]
        if low == "zu" and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() \
                and toks[k + 1].text.endswith(("ende", "enden")) and toks[k + 1].text.isalpha():
            return toks[k + 1]  # "für etwa 80 bis 90 zu Registrierende": a gerundive names people
        if low == "an" and k + 1 < len(toks) and toks[k + 1].text == "Bord":
            k += 2  # "die 250 an Bord befindlichen Menschen"
            skipped += 1
            continue
        if low in _ATTR_PREPS or (k == num.j and low in ("die", "den", "der")):
            noun = _attribute_phrase_noun(toks, k, lex)
            if noun is not None:
                return noun  # "1.800 am Einsatz beteiligten Männern", "13 in besagter Lagerhalle beschäftigte Mitarbeiter"
        if low == "von" and k + 1 < len(toks) and toks[k + 1].text.lower() in ("ihnen", "denen", "uns", "euch"):
            return None  # "10.000 von ihnen stellten Asylanträge": the count's noun is the one before
        if low in ("von", "der", "des", "aller") and (num.fraction or num.qualifier == "at_least" or skipped == 0):
            k += 1
            skipped += 1
            continue
        if low in lex.predicates and k + 1 < len(toks) and (toks[k + 1].text[:1].isupper() or (
                toks[k + 1].text.isalpha() and toks[k + 1].text.islower() and toks[k + 1].text.endswith(("e", "en"))
                and toks[k + 1].text.lower() not in lex.function_words and toks[k + 1].text.lower() not in lex.predicates)):
            k += 1  # "sechs getöteten Journalisten": the participle is an attribute
            skipped += 1
            continue
        if low == "und" and skipped > 0 and k + 1 < len(toks) and toks[k - 1].text.islower() \
                and toks[k + 1].text.isalpha() and toks[k + 1].text.islower():
            k += 1  # "80.000 britische und deutsche Soldaten": coordinated adjectives
            continue
        if low in lex.function_words or low in lex.predicates:
            return None
        if not low.isalpha() and "-" not in low:
            return None
        k += 1
        skipped += 1
    return None


_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines"})
_ATTR_PREPS = frozenset({"am", "an", "im", "in", "bei", "beim", "aus", "auf", "vom", "von", "zur", "zum", "mit",
                         "während", "nach", "wegen", "seit", "durch", "für"})  # "64 während der NS-Zeit emigrierten"


def _attribute_phrase_noun(toks: list[Token], k: int, lex: Lexicon) -> Token | None:
    """A prepositional phrase inside an attribute ends in a participle or adjective (-te, -ten, -ende, -enden …) right
    before the counted noun; accept the noun only when it is known, so "in Berlin lebende" stays cautious."""
    if k + 1 < len(toks) and (_DIGITS.match(toks[k + 1].text) or _plain_value(toks[k + 1].text, lex) is not None):
        return None  # "27 von 35 Stimmen der ... Länder": a part of another count, no attribute phrase
    for m in range(k + 2, min(len(toks) - 1, k + 8)):  # "4.800 von Generalleutnant J. B. de X kommandierten Franzosen"
        w = toks[m].text
        if w in _PUNCT_STOP or _DIGITS.match(w):
            return None
        if (w[:1].isupper() and w.isalpha() and m >= k + 3 and w.endswith(("ene", "enen", "te", "ten"))
                and toks[m - 1].text[:1].isupper() and toks[m - 1].text.lower() not in _ARTICLES
                and (_object_category(w, lex) or ("",))[0] in lex.person_categories):
            return toks[m]  # "Tausende aus ihren Dörfern Vertriebene": a nominalised participle
        if toks[k].text.lower() in _ARTICLES and not w.endswith(("ende", "enden", "ender")):
            continue  # "100.000 die Hauptstadt verteidigenden Soldaten": only a present participle takes an object
        if w[:1].islower() and w.isalpha() and w.endswith(("te", "ten", "ter", "tes", "ende", "enden", "ender", "ene",
                                                             "enen", "ener", "liche", "lichen")) \
                and w.lower() not in lex.function_words:  # "50.000 in Gefangenschaft geratene Soldaten"
            if toks[m - 1].text.lower() in _ARTICLES:
                continue  # "sechs in dem heruntergekommenen Gebäude": the adjective of the phrase's own noun
            c = m + 1
            while c + 1 < len(toks) and c < m + 3 and toks[c].text.isalpha() and toks[c].text.islower() \
                    and toks[c].text.endswith(("e", "en")) and toks[c].text.lower() not in lex.function_words:
                c += 1  # "8.000 aus Marokko stammende spanische Soldaten"
            cand = toks[c]
            if cand.text[:1].isupper() and _object_category(cand.text, lex) is not None:
                return cand
            return None
    return None


_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
_AGE_ADJ = re.compile(r"^\d+-[Jj]ährige[nrms]?$")
_AGE_NOUN = re.compile(r"^\d+-[Jj]ährige[nr]?$")
_DURATION = Token(-1, -1, "")  # marker: the counted noun is a span of time ("zwei Flugtage")


def _object_before(toks: list[Token], i: int, lo: int, lex: Lexicon) -> Token | None:
    """'Die Zahl der Toten stieg auf 45': the counted noun stands before the number."""
    for k in range(i - 1, max(lo, i - 4), -1):
        # "weniger Migranten – zuletzt etwa 800 täglich – kamen": a count in a dash aside after its noun
        if toks[k].text in ("–", "—") and k - 1 >= lo and toks[k].start > toks[k - 1].end \
                and toks[k - 1].text[:1].isupper() and toks[k - 1].text.isalpha() \
                and all(t.text.isalpha() and t.text.islower() for t in toks[k + 1:i]) \
                and _object_category(toks[k - 1].text, lex) is not None:
            return toks[k - 1]
        if not (toks[k].text.isalpha() and toks[k].text.islower()):
            break
    for k in range(i - 1, max(lo, i - 22) - 1, -1):
        if toks[k].text.lower() in ("zahl", "anzahl", "bilanz") and k + 2 < i and toks[k + 1].text.lower() in ("der", "an", "von"):
            cand = toks[k + 2]
            if cand.text[:1].isupper():
                return cand
            for m in range(k + 3, min(i, k + 8)):  # "die Zahl der beim Unglück Getöteten": a phrase in between
                w = toks[m].text
                if w in _PUNCT_STOP:
                    break
                if w[:1].isupper() and (_object_category(w, lex) or ("",))[0] in lex.outcomes:
                    return toks[m]
        if i - k > 10:
            continue  # only "die Zahl der ..." reaches that far
        # "Die Einwohnerzahl stieg auf 432.500": the modifier of a -zahl compound is the counted noun
        low = toks[k].text.lower()
        if toks[k].text[:1].isupper() and low.endswith(lex.count_heads):
            head = next(h for h in lex.count_heads if low.endswith(h))
            mod = low[: -len(head)]
            if len(mod) >= 3 and (_object_category_low(mod) is not None
                                  or (mod.endswith("s") and _object_category_low(mod[:-1]) is not None)):
                return toks[k]
    return None


@functools.lru_cache(maxsize=1)
def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]]:
    """Cue phrases by their first word, so a sentence is scanned once."""
    idx: dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]] = {}
    for words, val in lexicon().phrases:
        idx.setdefault(words[0], []).append((words, val))
    return idx


_SMALL_VAGUE = frozenset({"hunderte", "tausende", "dutzende", "zehntausende"})


def _predicate_hits(toks: list[Token], lex: Lexicon) -> list[tuple[int, tuple[str, str]]]:
    """Positions of outcome cues ("getötet", "ums Leben", "Gegendemonstration") in a sentence."""
    lows = [t.text.lower() for t in toks]
    phrase_idx = _phrase_index()
    hits = []
    for k, w in enumerate(lows):
        hit = lex.predicates.get(w)
        if hit is None and toks[k].text.isalpha() and toks[k].text.islower() and len(w) > 7 and w.endswith(("te", "ten")):
            base = w[:-1] if w.endswith("te") else w[:-2]
            if base.endswith("t"):
                hit = lex.predicates.get(base)  # "sechs inhaftierte Oppositionsführer": an inflected participle
        if hit is None and toks[k].text.isalpha() and toks[k].text.islower() and len(w) > 7 \
                and w.startswith("ge") and w.endswith(("ene", "enen")):
            hit = lex.predicates.get(w[:-1] if w.endswith("ene") else w[:-2])  # "700 geflohene Syrer"
        if hit is None and w in phrase_idx:
            for words, val in phrase_idx[w]:
                if tuple(lows[k:k + len(words)]) == words:
                    hit = val
                    break
        if hit is None and w.isalpha():
            for stem, val in lex.predicate_stems:
                if stem in w:
                    hit = val
                    break
            if hit is not None and toks[k].text[:1].isupper():
                cat = _object_category(toks[k].text, lex)
                if cat is not None and cat[0] in lex.person_categories:
                    hit = None  # "Gegendemonstranten" names other people; it is no outcome of the count before
            if hit is None and toks[k].text[:1].isupper() and (
                    (lows[k + 1:k + 2] in (["von"], ["an"], ["der"], ["des"]) and any(
                        (_DIGITS.match(v) or (v not in lex.weak and _word_value(v, lex) is not None) or v in lex.vague)
                        and (lows[k + 1] in ("von", "an") or not any(t.text[:1].isupper() for t in toks[k + 2:k + 2 + d]))
                        for d, v in enumerate(lows[k + 2:k + 5])))  # "Mord an 50 Menschen", "Tod der 14 Passagiere",
                    # not "Mordes an einem Postbeamten", not "nach dem Tod der Mutter kamen 3 Kinder"
                    or (k > 1 and lows[k - 1] in ("von", "der") and lows[k - 2] == "opfer")):  # "Opfer von Entführungen"
                base = (w[:-2] if w.endswith(("ungen", "mordes")) else w[:-1] if w.endswith(("nahmen", "morde"))
                        else w)  # "wegen Mordes an 17 Indios", "Morde an"
                hit = next((v for head, v in lex.action_heads if base.endswith(head)), None)  # "Massenhinrichtung von"
        if hit is None and toks[k].text[:1].isupper() and lows[k + 1:k + 2] in (["der"], ["des"]):
            # "ein Massaker der sowjetischen Armee an 22.000 Polen": the doer in the genitive, then the victims
            # after "an" ("von" stays out: "der Tod der Mutter von drei Kindern" is not the children's death)
            m = next((m for m in range(k + 3, min(k + 6, len(lows))) if lows[m] == "an"), None)
            if m is not None and all(v.isalpha() for v in lows[k + 2:m]) and any(
                    _DIGITS.match(v) or (v not in lex.weak and _word_value(v, lex) is not None) or v in lex.vague
                    for v in lows[m + 1:m + 4]):
                hit = next((v for head, v in lex.action_heads if w.endswith(head)), None)
        if hit is None and w in lex.split_phrases and toks[k].text[:1].isupper():
            ends, val = lex.split_phrases[w]
            for v in lows[k + 1:k + 13]:
                if v in ends:
                    hit = val  # "haben die Flucht vor dem Beschuss ergriffen", "machten ihrem Unmut lautstark Luft"
                    break
                if v in (".", ";", "?", "!"):
                    break
        if hit is None and w == "um" and k > 0 and (k + 1 == len(lows) or lows[k + 1] in (",", ".", ";", "und", "oder")) \
                and any(v in ("kam", "kamen", "kommen", "kommt") for v in lows[max(0, k - 12):k]):
            hit = ("killed", "KILL")  # "1931 kamen durch das Erdbeben 256 Menschen um": separable "umkommen"
        if (hit is None and w == "opfer" and k + 1 < len(lows) and lows[k + 1] in ("des", "der", "eines", "einer")
                and any(v in ("wurden", "wurde", "waren", "sind", "seien", "werden") for v in lows[max(0, k - 8):k])
                and not _non_lethal_victims(toks, lex)):
            hit = ("killed", "KILL")  # "wurden 79 Soldaten Opfer des Krieges": victims count the dead (the convention)
        if hit is None and w == "leben" and k > 0 and lows[k - 1] in ("ihr", "sein") \
                and (k + 1 == len(lows) or lows[k + 1] in (".", ",", ";", "und", "oder", ")", "–", "-", ":")) \
                and any(v in lex.life_losing_verbs for v in lows[max(0, k - 12):k]):
            hit = ("killed", "KILL")  # "Dabei verloren 52 Menschen ihr Leben": the verb stands before the count
        if hit is None and w == "leben" and k > 0 and lows[k - 1] == "das" \
                and any(v in ("kostete", "kosteten", "kostet", "kosten") for v in lows[max(0, k - 12):k]):
            hit = ("killed", "KILL")  # "kostete ... mindestens sechs Menschen das Leben": separable, verb first
        if hit is None and w == "luft" and k > 1 and lows[k - 2:k] == ["in", "die"] and "sich" in lows[max(0, k - 12):k] \
                and any(v.startswith(("spreng", "jagt", "jagte")) for v in lows[max(0, k - 12):k]):
            hit = ("killed", "KILL")  # "sprengten sich ... drei Attentäter in die Luft": suicide bombers die
        if hit is not None and w in ("fiel", "fielen", "fällt", "fallen") and "weg" in lows[k + 1:k + 8]:
            hit = None  # "im Maschinenbau fielen 3000 Stellen weg": "wegfallen", not killed in action
        if hit is not None and k > 0 and lows[k - 1] == "zu" and w in lex.infinitive_outcomes:
            hit = None  # "das Risiko, an einer Erkrankung des Herzens zu sterben"
        if hit is not None and w in lex.infinitive_outcomes and (
                (lows[k + 1:k + 2] and lows[k + 1] in _INTENT_VERBS)
                or any(v in _INTENT_VERBS for v in _clause_words_before(lows, k))):
            hit = None  # "habe mehr als 100 Menschen töten wollen", "wollte ... 100 Menschen töten": an aim
        if hit is not None and k > 0 and lows[k - 1] == "nicht" and toks[k].text.islower() and hit[1] != "PROTEST":
            # "drei weitere Personen wurden nicht verletzt": the count's verb, no outcome (like "freigelassen")
            hit = ("people", None)  # type: ignore[assignment]
        if hit is not None and (k == 0 or not toks[k].text[:1].isupper()) and _hypothetical(lows, k):
            hit = None  # "Betroffen sein könnten 300 Piloten": a possible outcome, not one that happened
        if hit is not None and hit[1] == "WOUND" and k + 1 < len(lows) and lows[k + 1] in ("erlegen", "erlag", "erlagen"):
            hit = ("killed", "KILL")  # "ihren Verletzungen erlegen": died of the injuries
        if hit is not None and hit[0] == "displaced" and any(
                v.startswith(("untersuchungshaft", "haft", "gefängnis", "justizanstalt")) for v in lows[max(0, k - 8):k]):
            hit = None  # "aus der Untersuchungshaft in einem Gefängnis geflohen": an escape, not displacement
        if hit is not None and hit[0] == "displaced" and w == "in" and any(
                v.startswith(lex.rout_verbs) for v in lows[k + 3:k + 6]):
            hit = None  # "schlugen rund 3.000 Reiter in die Flucht": routed in battle, not displaced
        if hit is not None and w == "fest" and not any(v.startswith(("nahm", "nehm", "nimm")) for v in lows[max(0, k - 15):k]):
            hit = None  # "stellte ... rund 6600 Verstöße fest": only "nahm ... fest" is an arrest
        if hit is not None and k > 0 and toks[k].text[:1].isupper() and k + 1 < len(toks) \
                and toks[k + 1].text[:1].isupper() and toks[k + 1].text.isalpha() and w.endswith("e") \
                and lows[k + 1] not in _SMALL_VAGUE:
            hit = None  # "das Tote Meer", "Bild Tote Stadt": an adjective in a name
        if hit is not None and hit[1] == "PROTEST" and k > 0 and lows[k - 1] in ("aus", "wegen", "trotz"):
            hit = None  # "aus Protest gegen ... nicht gekommen": the reason, not what the counted people did
        if (hit is not None and k > 1 and lows[k - 1] in ("den", "dem") and toks[k].text[:1].isupper()
                and w.endswith(("ten", "enen")) and lows[k - 2] not in _GROUP_GOVERNORS):
            hit = None  # "wünschte den Verletzten rasche Genesung": a group named by its fate, no cue for others
        if hit is not None and k > 0 and lows[k - 1] in ("der", "die") and toks[k].text[:1].isupper() \
                and w.endswith(("te", "ene")):  # not "die Festnahme von drei Russen"
            hit = None  # "wie die Verletzte gestürzt sei": one person, not an outcome of a count
        if hit is not None:
            hits.append((k, hit))
    harm_at = [k for k, h in hits if h[1] in _HARM]
    if harm_at:
        # "bei Protestaktionen ... 40 Demonstranten getötet": the protest is where it happened, the harm that follows
        # is the outcome
        hits = [(k, h) for k, h in hits if not (
            h[1] == "PROTEST" and toks[k].text[:1].isupper()
            and any(w in ("bei", "beim", "während") for w in lows[max(0, k - 8):k])
            and any(not any(lows[m] in ("–", "—") for m in range(min(k, hk), max(k, hk))) for hk in harm_at))]
    n = 0
    while n < len(hits):  # "getötet, verwundet oder gefangen": a list of fates ending in "oder"
        m = n
        while m + 1 < len(hits) and hits[m + 1][0] == hits[m][0] + 2 and lows[hits[m][0] + 1] in (",", "oder"):
            m += 1
        last = hits[m][0]
        tail = (m > n and lows[hits[n][0] + 1] == "," and last + 2 < len(lows) and lows[last + 1] == "oder"
                and toks[last + 2].text.isalpha() and toks[last + 2].text.islower()
                and lows[last + 2].endswith(("t", "en")))  # "getötet, verwundet oder gefangen": the last is no cue
        if (tail or (m > n + 1 and lows[hits[m][0] - 1] == "oder")) and len({h[0] for _, h in hits[n:m + 1]}) > 1 \
                and all(h[1] != "SEIZE" for _, h in hits[n:m + 1]):
            for q in range(n, m + 1):
                hits[q] = (hits[q][0], ("affected", "AFFECT"))
        n = m + 1
    for n in range(len(hits) - 1):
        (k1, h1), (k2, h2) = hits[n], hits[n + 1]
        if (h2[1] == "KILL" and h1[1] in ("WOUND", "ARREST", "KIDNAP") and k2 - k1 <= 8 and "und" in lows[k1 + 1:k2]
                and not any(w in _PUNCT_STOP or w[:1].isdigit() or _word_value(w, lex) is not None or w in _SUBSET_WORDS
                            for w in lows[k1 + 1:k2])):  # "Tausende inhaftiert und viele später hingerichtet"
            hits[n] = (k1, h2)  # "gefangen genommen und von ... erschossen": the last fate of the same people
    for n in range(len(hits) - 1):
        (k1, h1), (k2, h2) = hits[n], hits[n + 1]
        joined = lows[k1 + 1] == "oder" or (lows[k1 + 1] == "und" and toks[k1].text[:1].isupper()
                                            and toks[k2].text[:1].isupper())  # "die Erschossenen und Verschwundenen"
        if (k2 == k1 + 2 or (k2 == k1 + 3 and lows[k1 + 2] in _AUX_FINAL)) and joined \
                and h1[0] != h2[0] and "SEIZE" not in (h1[1], h2[1]):  # "ertrunken oder werden vermisst"
            hits[n] = hits[n + 1] = (k1, ("affected", "AFFECT"))  # "verletzt oder obdachlos": one of several fates
    return hits


_GROUP_GOVERNORS = frozenset({"unter", "von", "bei", "zu", "mit", "zahl", "anzahl", "aus"})
_SUBSET_WORDS = frozenset({"viele", "einige", "manche", "etliche", "mehrere", "andere", "weitere", "meisten", "wenige",
                           "davon", "einer", "eine", "zahlreiche", "teils", "teilweise"})
_HYPOTHETICAL = frozenset({"könnte", "könnten", "könnt"})


def _hypothetical(lows: list[str], k: int) -> bool:
    """A "könnte(n)" in the cue's own clause (up to the next punctuation) makes the outcome a possibility, unless a
    perfect infinitive reports a guess about the past ("könnten ums Leben gekommen sein", "getötet worden sein")."""
    lo = k
    while lo > 0 and lows[lo - 1] not in _PUNCT_STOP:
        lo -= 1
    hi = k
    while hi + 1 < len(lows) and lows[hi + 1] not in _PUNCT_STOP:
        hi += 1
    clause = lows[lo:hi + 1]
    if not any(w in _HYPOTHETICAL for w in clause):
        return False
    return not any(w == "worden" or (m + lo != k and w.startswith("ge") and len(w) > 4 and m + 1 < len(clause)
                                     and clause[m + 1] in ("sein", "haben"))
                   for m, w in enumerate(clause))


def _list_comma(toks: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """ "120 Dorfbewohner, 15 Soldaten und drei Helfer starben": every comma between two counts separates items of
    a list (a noun before it, the next count right after it), and no verb stands in between."""
    commas = [c for c in range(a, b) if toks[c].text == ","]
    return bool(commas) and all(
        c > a and toks[c - 1].text[:1].isupper() and c + 1 < len(toks)
        and (_plain_value(toks[c + 1].text, lex) is not None
             or ((toks[c + 1].text.lower() in ("sowie", "darunter", "davon", "und")
                  or toks[c + 1].text.lower() in lex.qualifiers1  # "14 Aufständische, mindestens sieben Zivilisten"
                  or (c + 2 < len(toks) and (toks[c + 1].text.lower(), toks[c + 2].text.lower()) in lex.qualifiers2))
                 and any(_plain_value(t.text, lex) is not None for t in toks[c + 2:c + 4])))
        for c in commas) and not any(
        t.text.lower() in lex.predicates or t.text.lower() in _AUX for t in toks[a:b])


_SUBORDINATORS = frozenset({"während", "als", "weil", "da", "nachdem", "obwohl", "wobei", "bevor", "sodass", "damit",
                            "wenn", "falls", "indem", "ob", "dass", "seitdem"})


def _subordinate_between(toks: list[Token], a: int, b: int) -> bool:
    """A ", während/als/weil ..." between a count and a cue after it opens another clause with its own subject."""
    return any(toks[c].text == "," and toks[c + 1].text.lower() in _SUBORDINATORS for c in range(a, b - 1))


def _one_of_them(toks: list[Token], a: int, b: int) -> bool:
    """ "..., wobei eine davon getötet wurde": between a count and a cue, a singular part of the count."""
    return any(toks[c].text.lower() in ("eine", "einer", "einen", "eines", "einem")
               and toks[c + 1].text.lower() in ("davon", "von") for c in range(a, b - 1))


def _bracket_ids(toks: list[Token]) -> list[int]:
    """For each token, the number of the bracket pair it stands in (0 outside brackets)."""
    out, cur, seen = [], 0, 0
    for t in toks:
        if t.text == "(" and not cur:
            seen += 1
            cur = seen
            out.append(0)
            continue
        if t.text == ")" and cur:
            cur = 0
            out.append(0)
            continue
        out.append(cur)
    return out


_REL_PENALTY = 5
_RELATIVE = frozenset({"die", "der", "das", "denen", "deren", "dessen", "welche", "welcher", "welches", "so"})


def _clause_positions(toks: list[Token]) -> tuple[list[int], list[bool]]:
    """Per token its running count of tokens outside inserts, and whether it sits inside a relative clause
    opened by ", die/der/denen ...". Inserts ("(19)", ", die ... waren,") do not separate a subject count from
    its verb ("Zwei Männer, ..., die im Oktober ... verurteilt worden waren, wurden heute ... hingerichtet")."""
    pos, rel_mask, c, depth, rel = [], [], 0, 0, False
    for n, t in enumerate(toks):
        w = t.text
        if w == "(":
            depth += 1
        elif w == "," and not depth:
            nxt = toks[n + 1].text.lower() if n + 1 < len(toks) else ""
            rel = (not rel) and nxt in _RELATIVE
        pos.append(c)
        rel_mask.append(rel)
        if not depth and not rel:
            c += 1
        if w == ")" and depth:
            depth -= 1
    return pos, rel_mask


def _dist(num: _Num, k: int, pos: list[int] | None = None) -> int | None:
    """Token distance from a number to a cue; cues after the number (German verb-final) come cheaper."""
    if num.i <= k < num.j:
        return None
    if k < num.i:
        return None if num.i - k > 15 else (num.i - k) + 2
    d = k - num.j if pos is None else pos[k] - pos[num.j]
    return None if d >= 20 else d


_CROWDS = frozenset({"menge", "menschenmenge", "gruppe", "schar", "masse", "zug", "demonstrationszug", "protestzug"})


def _sizes_crowd(toks: list[Token], k: int, num: _Num) -> bool:
    """ "die protestierende Menge von Hunderten von Lesern": the count sizes the crowd the cue describes."""
    return (k + 2 < len(toks) and toks[k + 1].text.lower() in _CROWDS and toks[k + 2].text.lower() == "von"
            and (num.q_i if num.q_i is not None else num.i) in (k + 3, k + 4))


def _assign_predicates(nums: list[_Num], hits: list[tuple[int, tuple[str, str]]], toks: list[Token],
                       eligible: list[bool], known: list[bool] | None = None,
                       obj_at: dict[int, int] | None = None) -> list[tuple[str, str] | None]:
    """Each cue belongs to the nearest number; a number without a cue of its own may borrow one that follows it
    ("mindestens acht Menschen (sieben Patienten …) ums Leben gekommen")."""
    owned: list[list[tuple[int, tuple[str, str]]]] = [[] for _ in nums]
    pos, rel_mask = _clause_positions(toks) if hits else ([], [])
    # a ";" and a missed sentence end ("am Montag 3.050. Etliche Notquartiere ...") bound a cue
    semis = [k for k, t in enumerate(toks) if t.text == ";" or (
        t.text == "." and k + 1 < len(toks) and toks[k + 1].text[:1].isupper())]
    coord = {c for c in range(len(toks) - 1)
             if toks[c].text == "," and toks[c + 1].text.lower() in ("und", "oder", "aber", "doch")}
    bracket = _bracket_ids(toks) if any(t.text == "(" for t in toks) else None
    lex = lexicon()
    perfect_inf = {k for k, _ in hits if any(toks[m].text == "zu" and toks[m + 1].text in ("haben", "sein")
                                             for m in range(k + 1, min(len(toks) - 1, k + 7)))}
    num_ends = {num.j for num in nums}
    attr_cues = {k for k, _ in hits if 0 < k < len(toks) - 1 and toks[k].text.islower()
                 and (toks[k - 1].text.lower() in lex.determiners
                      or k in num_ends  # "18 Eigentümer von 71 betroffenen Grundstücken": the cue of the 71's noun
                      or (k > 1 and toks[k - 2].text.lower() in lex.determiners and toks[k - 1].text.isalpha()
                          and toks[k - 1].text.islower())  # "dem derzeit verletzten Epureanu"
                      or (k > 2 and toks[k - 3].text.lower() in lex.determiners
                          and all(t.text.isalpha() and t.text.islower() for t in toks[k - 2:k])))  # "der am schwersten betroffenen Provinz"
                 and toks[k + 1].text[:1].isupper()
                 and not (k > 1 and toks[k - 2].text.lower() in ("zahl", "anzahl"))}  # "Die Zahl der verletzten Personen"
    owner: dict[int, int] = {}
    for k, hit in hits:
        best = None
        attributive = k in attr_cues
        for n, num in enumerate(nums):
            if not eligible[n]:
                continue
            if k > num.i and num.of_action:
                continue  # "Die Abschiebung von 80 Afghanen führte zu Protesten"
            if k > num.j and _one_of_them(toks, num.j, k):
                continue  # "streifte zwei Personen, wobei einer von ihnen starb": the cue is about one of them
            if k > num.j and _subordinate_between(toks, num.j, k):
                continue  # "zwei Fans rannten auf den Rasen, während die anderen Feuer verbrannten": another clause
            if obj_at and obj_at.get(k, n) != n:
                continue  # "die zehn Millionen Toten ... drei und vier Generationen": the noun of another count
            if k in perfect_inf and k > num.i and any(toks[c].text == "," for c in range(num.j, k)):
                continue  # "verdächtigt zwei Jäger, Greifvögel getötet zu haben": what the count is accused of
            if attributive and not num.j <= k <= num.j + 2 and not _sizes_crowd(toks, k, num):
                continue  # "die Rolle des schwerverletzten Pelztierjägers": the cue describes another noun
            if bracket is not None and bracket[k] and bracket[k] != bracket[num.i]:
                continue  # "(etwa das Bild Tote Stadt)": a cue inside brackets stays there
            d = _dist(num, k, pos)
            if d is None or any(min(k, num.i) < s_ < max(k, num.i) for s_ in semis):
                continue
            if rel_mask[k] and not rel_mask[num.i]:
                d += _REL_PENALTY  # "töteten sie 300 Zivilisten, die sich auf der Flucht befanden": the main verb first
            if k < num.i and any(c in coord for c in range(k + 1, num.i)):
                continue  # "Sie wurde vertrieben, und sie überlebte zwei Ehemänner": another clause
            if k < num.i and _closes_clause(toks, k):
                continue  # "die Passagiere zu evakuieren, erteilten sie den 140 Menschen ...": verb-final, other clause
            if k < num.i and _own_verb(num, toks) and any(toks[c].text == "," for c in range(k + 1, num.i)):
                continue  # "... hingerichtet, 20 wurden freigesprochen": the count has its own verb
            if best is None or d < best[0]:
                best = (d, n)
            if _hit_end(toks, k) + 1 == (num.q_i if num.q_i is not None else num.i):
                best = (-1, n)  # "dabei starben 109 Soldaten": a verb right before a count is that count's
                break
        if best is not None:
            owned[best[1]].append((best[0], hit))
            owner[k] = best[1]
    out: list[tuple[str, str] | None] = []
    for n, num in enumerate(nums):
        if owned[n]:
            harm = any(h[1] in _HARM for _, h in owned[n])
            # "vier demonstrierende Studenten ... erschossen": a harm verb outranks a protest attribute of the count
            out.append(min(owned[n], key=lambda x: (harm and x[1][1] == "PROTEST", x[0]))[1])
            continue
        after = [(pos[k] - pos[num.j], hit) for k, hit in hits if num.j <= k and pos[k] - pos[num.j] < 20
                 and not any(num.j <= s_ < k for s_ in semis)
                 and not num.of_action
                 and not _one_of_them(toks, num.j, k)
                 and not _subordinate_between(toks, num.j, k)
                 and not any(eligible[m] and num.i < other.i < k and toks[k].text[:1].islower()
                             and any(t.text == "," for t in toks[num.j:other.i])
                             and not _list_comma(toks, num.j, other.i, lex)
                             and not {t.text.lower() for t in toks[max(0, other.i - 2):other.i]}
                             & {"darunter", "davon", "unter"}
                             for m, other in enumerate(nums))  # "Während sie 300 Mann verloren, wurden 800 andere getötet"
                 and not (k in owner and owner[k] != n and _hit_end(toks, k) + 1 == (
                     nums[owner[k]].q_i if nums[owner[k]].q_i is not None else nums[owner[k]].i))
                 and not (k in owner and nums[owner[k]].i > num.i and any(
                     toks[c].text.lower() == "von" and toks[c + 1].text.lower() == "denen"
                     for c in range(num.j, nums[owner[k]].i - 1)))  # "5.000 erkrankt, von denen 300 starben"
                 and not (obj_at and obj_at.get(k, n) != n)
                 and not (k in attr_cues and not num.j <= k <= num.j + 2 and not _sizes_crowd(toks, k, num))
                 and not (k in perfect_inf and any(toks[c].text == "," for c in range(num.j, k)))
                 and not (bracket is not None and bracket[k] and bracket[k] != bracket[num.i])]
        if not after and eligible[n] and (known is None or known[n]):
            # "Am Samstag starben ... beim Absturz ... alle vier Insassen": verb-second, cue far in front;
            # only when no other count that could own it stands between, and only for a known (people) noun:
            # "Betroffen ist ... ein Feuerwerk aus 29 Fußstapfen" is not about 29 people
            after = [(num.i - k, hit) for k, hit in hits if k < num.i
                     and not any(eligible[m] and k < other.i < num.i for m, other in enumerate(nums))
                     and not any(k < s_ < num.i for s_ in semis)
                     and not any(k < c < num.i for c in coord)
                     and not (_own_verb(num, toks) and any(toks[c].text == "," for c in range(k + 1, num.i)))
                     and not _closes_clause(toks, k)
                     and k not in attr_cues
                     and not (obj_at and obj_at.get(k, n) != n)
                     and not (bracket is not None and bracket[k] and bracket[k] != bracket[num.i])]
        out.append(min(after, key=lambda x: x[0])[1] if after else None)
    return out


class QuantityStage:
    name = "quantities"
    requires: tuple[str, ...] = ("tokens", "sentences")
    assigns: tuple[str, ...] = ("quantities",)

    def __init__(self, mode: str = "fast", config: dict[str, Any] | None = None):
        self.mode = mode
        self.config = config or {}
        lexicon()  # load once, at pipeline build time

    def __call__(self, doc: Doc) -> Doc:
        doc.quantities = _by_language(doc)
        return doc


def _by_language(doc: Doc) -> list[Quantity]:
    """German rules for German (and for an unknown language, as before), English rules for English; none for
    another language, because German rules misread its numbers ("1,200" as 1.2)."""
    lang = (doc.article.language or "").lower()[:2]
    if lang == "en":
        from .quantities_en import find_quantities as find_en

        return find_en(doc)
    if lang in ("", "de"):  # not detected: German, the default language
        return find_quantities(doc)
    log.debug("quantities: no rules for language %r, none extracted (article %s)", lang, doc.article.id)
    return []


def extract(text: str, published: str | None = None, language: str = "de") -> list[Quantity]:
    """Quantities of a plain text (segments it first); handy for scripts and the evaluation."""
    from .records import Article, content_id
    from .segment import SegmentStage

    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published=published, language=language)))
    return _by_language(doc)
