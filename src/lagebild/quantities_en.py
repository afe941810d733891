"""Counts and amounts in English news text ("at least 300 civilians were killed", "$1.2bn", "tens of thousands").

The English counterpart of :mod:`lagebild.quantities` (``QuantityStage`` dispatches here for
``language == "en"``). Records use the German stage's vocabulary unchanged (qualifier ``at_least`` …,
category ``killed``/``children``/``money`` …, GKG type ``KILL``/``WOUND``/``AFFECT`` …), so downstream code
and the store need no change.

Rule-based and self-contained: each sentence is tokenised again with one regex (the segmenter's German
spaCy tokenizer splits "1,200"/"2.5" differently; sentences are the segmenter's, whose English rules handle
"p.m.", "U.S." and numbers before a full stop), then
1. a number is read at each position: digits in English format ("1,200", "2.5", "1.2bn", "500mg", "25%"),
   number words ("twenty-five", "three hundred"), "a dozen", vague plurals ("hundreds of", "tens of
   thousands"), "several hundred", fractions ("a third of", "a quarter of a million"), ranges ("20 to 30",
   "between 5 and 10", "35–40"), a multiplier, a unit or currency, and the qualifier in front of it;
2. years, dates, clock times, ordinals, ages ("29-year-old", "Smith, 42,"), durations ("three days"),
   labels ("School 59", "H5N1", "day 42"), addresses, phone numbers and sports scores are skipped;
3. the counted noun is the noun after the number ("300 civilians", "hundreds of chickens") or, for a bare
   number, the noun of "the number of cases … rose to 97" before it; its class comes from the lexicon;
4. for people the outcome (GKG type) comes from an outcome adjective in the noun phrase ("seven dead
   children"), a cue verb right before the count ("has killed 1 person"), or the nearest cue after it in
   the clause ("71 people have died"), as in the German stage.

All word lists live in ``data/quantities_en.json``.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .doc import Doc
from .records import Quantity

_TOKEN_TAIL = (
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?[A-Za-z]*"  # "1,200", "11,735", "1,200km"
    r"|(?:[A-Za-z]\.){2,}"  # "U.S.", "p.m.", "a.m."
    r"|[A-Za-z0-9]+(?:['’][A-Za-z]+)?(?:[-./][A-Za-z0-9]+(?:['’][A-Za-z]+)?)*"
    r"|\S"
)
_HYPH_UNIT = re.compile(r"^(\d+(?:\.\d+)?)-([a-z]+)$")  # "10-ounce", "30-mile"
_PLAIN = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_GLUED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([A-Za-z]+)$")
_DIGIT_RANGE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)-((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")
_DECADE = re.compile(r"^(?:\d{4}|'\d\d|’\d\d)s$")
_AGE_TOKEN = re.compile(r"-(?:year|month|week|day)s?-old$", re.I)
_CLOCK = re.compile(r"^\d{1,2}[:.]\d\d$")
_HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
    r"billion|dozen|scores|half|third|quarter|tenth|fifth|several|few)(?:s|ths)?\b", re.I)
_PUNCT = frozenset(",;:.!?()[]\"“”‘’'«»—–-/")
_RANGE_WORDS = frozenset({"to", "-", "–", "—"})
_PHONE_PART = re.compile(r"^\d{3}-\d{4}$")
_OR_TAILS = {"more": "at_least", "so": "about", "fewer": "up_to", "less": "up_to"}
_YEAR = re.compile(r"^\d{4}$")
_COUNT_OPENERS = frozenset({"further", "another", "additional", "extra", "total", "estimated", "some", "all"})
_COPULA = frozenset({"be", "is", "are", "was", "were", "been", "being"})
_NP_ALLOWED = frozenset({"other", "more", "new", "additional", "further"})
_FACTOR = frozenset({"times", "fold"})
_SCORE_WORDS = frozenset({"won", "win", "wins", "beat", "beats", "lost", "lose", "loses", "defeated", "defeat",
                          "victory", "draw", "drew", "lead", "led", "score", "scored", "trailing", "leads"})
_APPOSITION_STOP = frozenset({",", ")"})


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str


@dataclass(slots=True)
class _Lex:
    number_words: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, tuple[float, str]]
    vague_max: int
    some_words: dict[str, int]
    fractions: dict[str, float]
    qualifiers: dict[tuple[str, ...], str]
    units: dict[tuple[str, ...], str]
    prefix_currencies: dict[str, str]
    unit_categories: dict[str, str]
    glued_units: dict[str, str]
    weight_comparatives: frozenset[str]
    weight_words: frozenset[str]
    duration_units: frozenset[str]
    time_words: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    year_words: frozenset[str]
    age_words: frozenset[str]
    label_nouns: frozenset[str]
    address_words: frozenset[str]
    function_words: frozenset[str]
    objects: dict[str, tuple[str, str | None]]
    generic: frozenset[str]
    persons: frozenset[str]
    generic_defaults: dict[str, tuple[str, str]]
    predicates: dict[tuple[str, ...], tuple[str, str | None]]
    pred_first: frozenset[str]
    outcome_adjectives: dict[str, tuple[str, str | None]]
    change_verbs: frozenset[str]
    count_nouns_before: frozenset[str]
    inherit_words: frozenset[str]
    starters: frozenset[str]  # words that can begin a number


def _phrases(d: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    return {tuple(k.split()): (tuple(v) if isinstance(v, list) else v) for k, v in d.items()}


@functools.lru_cache(maxsize=1)
def lexicon() -> _Lex:
    raw = json.loads(resources.files("lagebild.data").joinpath("quantities_en.json").read_text(encoding="utf-8"))
    preds = _phrases(raw["predicates"])
    return _Lex(
        number_words=raw["number_words"],
        multipliers=raw["multipliers"],
        vague={k: (float(v[0]), v[1]) for k, v in raw["vague"].items()},
        vague_max=max(len(k.split()) for k in raw["vague"]),
        some_words=raw["some_words"],
        fractions=raw["fractions"],
        qualifiers=_phrases(raw["qualifiers"]),
        units=_phrases(raw["units"]),
        prefix_currencies=raw["prefix_currencies"],
        unit_categories=raw["unit_categories"],
        glued_units=raw["glued_units"],
        weight_comparatives=frozenset(raw["weight_comparatives"]),
        weight_words=frozenset(raw["weight_words"]),
        duration_units=frozenset(raw["duration_units"]),
        time_words=frozenset(raw["time_words"]),
        months=frozenset(raw["months"]),
        weekdays=frozenset(raw["weekdays"]),
        year_words=frozenset(raw["year_words"]),
        age_words=frozenset(raw["age_words"]),
        label_nouns=frozenset(raw["label_nouns"]),
        address_words=frozenset(raw["address_words"]),
        function_words=frozenset(raw["function_words"]) - _NP_ALLOWED,
        objects={k: (v[0], v[1]) for k, v in raw["objects"].items()},
        generic=frozenset(raw["generic_categories"]),
        persons=frozenset(raw["person_categories"]),
        generic_defaults={k: (v[0], v[1]) for k, v in raw["generic_defaults"].items()},
        predicates=preds,
        pred_first=frozenset(k[0] for k in preds),
        outcome_adjectives={k: (v[0], v[1]) for k, v in raw["outcome_adjectives"].items()},
        change_verbs=frozenset(raw["change_verbs"]),
        count_nouns_before=frozenset(raw["count_nouns_before"]),
        inherit_words=frozenset(raw["inherit_words"]),
        starters=frozenset(
            list(raw["number_words"]) + [k.split()[0] for k in raw["vague"]] + [k.split()[0] for k in raw["some_words"]]
            + ["a", "an", "one", "half"]),
    )


@functools.lru_cache(maxsize=1)
def _token_re() -> re.Pattern[str]:
    """One regex: "US$30" (sign glued to a country code), "KSh700,000"/"CNY860" (code glued to the digits)."""
    raw = json.loads(resources.files("lagebild.data").joinpath("quantities_en.json").read_text(encoding="utf-8"))
    codes = "|".join(sorted((re.escape(c) for c in raw["glued_currency_codes"]), key=len, reverse=True))
    return re.compile(r"(?:US|AU|A|C|CA|HK|NZ|R)\$|(?:" + codes + r")(?=\d)" + _TOKEN_TAIL)


def tokenize(text: str, base: int = 0) -> list[_Tok]:
    out = []
    for m in _token_re().finditer(text):
        g = m.group()
        a = base + m.start()
        out.append(_Tok(a, a + len(g), g, g.lower()))
    return out


def _digits(s: str) -> float:
    return float(s.replace(",", ""))


@dataclass(slots=True)
class _Num:
    i: int  # first token of the number proper
    j: int  # one past its last token (multiplier, range and unit included)
    value: float
    value_max: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    s: int = -1  # first token of the span (qualifier, currency sign, "between")
    word_one: bool = False  # the bare word "one": counted only in a few contexts
    plain_digits: str | None = None  # digits of a lone plain number (year/label tests)
    factor: bool = False


def _word_number(toks: list[_Tok], i: int, lex: _Lex) -> tuple[float, int] | None:
    """Number words: "seven", "twenty-five", "three hundred", "one hundred and fifty", "two thousand"."""
    low = toks[i].low
    if low in lex.number_words:
        v = float(lex.number_words[low])
    elif "-" in low:
        a, _, b = low.partition("-")
        if a in lex.number_words and b in lex.number_words and lex.number_words[a] >= 20 and lex.number_words[b] < 10:
            v = float(lex.number_words[a] + lex.number_words[b])
        else:
            return None
    else:
        return None
    j = i + 1
    if v >= 20 and v % 10 == 0 and v < 100 and j < len(toks) and 0 < lex.number_words.get(toks[j].low, 0) < 10:
        v += lex.number_words[toks[j].low]  # "fifty five deaths" written without the hyphen
        j += 1
    while j < len(toks) and toks[j].low in ("hundred", "thousand"):
        v *= lex.multipliers[toks[j].low]
        j += 1
        # "one hundred and fifty"
        if j + 1 < len(toks) and toks[j].low == "and" and toks[j - 1].low == "hundred":
            more = _word_number(toks, j + 1, lex)
            if more is not None and more[0] < 100:
                v += more[0]
                j = more[1]
    return v, j


def _core(toks: list[_Tok], i: int, lex: _Lex) -> _Num | None:
    """The number starting at token ``i`` (without qualifier), or None."""
    t = toks[i]
    low = t.low
    n = len(toks)
    nxt = toks[i + 1].low if i + 1 < n else ""
    nxt2 = toks[i + 2].low if i + 2 < n else ""
    # vague plurals: "tens of thousands", "hundreds", "dozens of"
    for size in range(lex.vague_max, 0, -1):
        if i + size <= n:
            key = " ".join(x.low for x in toks[i:i + size])
            if key in lex.vague:
                v, q = lex.vague[key]
                if i + size + 1 < n and toks[i + size].low == "of" and toks[i + size + 1].low in lex.duration_units:
                    return None  # "hundreds of years ago": a duration
                if key in ("scores", "millions", "billions") and (i + size >= n or toks[i + size].low != "of"):
                    if key == "scores":
                        return None
                return _with_unit(toks, _Num(i, i + size, v, qualifier=q), lex)
    if (low in ("a", "an") or low == "one" and (nxt == "dozen" or nxt2 != "and")) and nxt in (
            "dozen", "hundred", "thousand", "million", "billion"):
        v = 12.0 if nxt == "dozen" else float(lex.multipliers[nxt])
        return _with_multiplier(toks, _Num(i, i + 2, v), lex)
    if low in ("a", "an", "one", "half") and nxt in lex.fractions or (low in lex.number_words and nxt in lex.fractions
                                                                   and lex.fractions[nxt] < 0.5 and nxt != "half"):
        base = 1.0 if low in ("a", "an", "one", "half") else float(lex.number_words[low])
        if low == "half" and nxt != "dozen":
            return None
        if low in ("a", "an") and nxt2 != "of":
            return None  # "a third stew", "a quarter-final": not a fraction of something
        return _fraction_tail(toks, _Num(i, i + 2, base * lex.fractions[nxt]), lex)
    if low == "half":
        if nxt == "a" and nxt2 in ("dozen", "million", "billion", "thousand", "hundred"):
            v = 6.0 if nxt2 == "dozen" else 0.5 * lex.multipliers[nxt2]
            return _Num(i, i + 3, v)
        if nxt in ("of", "the") or i > 0 and toks[i - 1].low in ("about", "nearly", "almost", "around", "over",
                                                                  "roughly", "than", "some", "least"):
            return _Num(i, i + 1, 0.5)
        return None
    if "-" in low and low.split("-")[1] in ("thirds", "third", "quarters", "fifths", "tenths"):
        a, _, b = low.partition("-")
        if a in lex.number_words:
            return _fraction_tail(toks, _Num(i, i + 1, lex.number_words[a] * lex.fractions[b]), lex)
    if low in lex.some_words or (low == "a" and nxt == "few"):
        k = i + 2 if low == "a" else i + 1
        if k < n and toks[k].low in ("hundred", "thousand", "million"):
            return _with_multiplier(toks, _Num(i, k + 1, 2.0 * lex.multipliers[toks[k].low], qualifier="at_least"), lex)
        return None
    m = _PLAIN.match(t.text)
    if m:
        num = _Num(i, i + 1, _digits(t.text), plain_digits=t.text)
        return _with_multiplier(toks, num, lex)
    m = _GLUED.match(t.text)
    if m:
        suffix = m.group(2).lower()
        u = lex.glued_units.get(suffix)
        if u is None:
            return None  # "3rd", "1970s", "5N1": ordinals, decades, labels
        v = _digits(m.group(1))
        if u == "MULT":
            return _with_unit(toks, _Num(i, i + 1, v * lex.multipliers[suffix]), lex)
        return _Num(i, i + 1, v, unit=u)
    m = _HYPH_UNIT.match(t.text)
    if m:
        u = lex.units.get((m.group(2),)) or lex.units.get((m.group(2) + "s",))
        if u is None or u in ("vote", "seat", "point", "goal"):
            return None  # "10-day", "5-year": durations and other compounds
        return _Num(i, i + 1, _digits(m.group(1)), unit=u)
    m = _DIGIT_RANGE.match(t.text)
    if m:
        num = _Num(i, i + 1, _digits(m.group(1)), _digits(m.group(2)))
        return _with_multiplier(toks, num, lex)
    w = _word_number(toks, i, lex)
    if w is not None:
        num = _Num(i, w[1], w[0], word_one=(low == "one" and w[1] == i + 1))
        if w[1] < n and toks[w[1]].low == "dozen":
            num.value *= 12
            num.j += 1
            num.word_one = False
        return _with_multiplier(toks, num, lex)
    return None


def _fraction_tail(toks: list[_Tok], num: _Num, lex: _Lex) -> _Num:
    """"a quarter of a million" is 250,000."""
    j = num.j
    if j + 2 < len(toks) and toks[j].low == "of" and toks[j + 1].low in ("a", "one") and toks[j + 2].low in (
            "million", "billion", "thousand"):
        num.value *= lex.multipliers[toks[j + 2].low]
        num.j = j + 3
    return num


def _with_multiplier(toks: list[_Tok], num: _Num, lex: _Lex) -> _Num:
    j = num.j
    n = len(toks)
    while j < n and toks[j].low in lex.multipliers and toks[j].low not in ("m", "b", "k"):
        if toks[j].low in ("hundred",) and num.value >= 100:
            break
        num.value *= lex.multipliers[toks[j].low]
        if num.value_max is not None:
            num.value_max *= lex.multipliers[toks[j].low]
        j += 1
        num.plain_digits = None
        num.word_one = False
    # "1.5m", "£3 bn" written apart: a short multiplier only right after the digits
    if j == num.j and j < n and toks[j].low in ("m", "bn", "mn", "b", "k") and toks[j].start == toks[j - 1].end:
        num.value *= lex.multipliers[toks[j].low]
        j += 1
        num.plain_digits = None
    num.j = j
    return _with_unit(toks, num, lex)


def _with_unit(toks: list[_Tok], num: _Num, lex: _Lex) -> _Num:
    j = num.j
    n = len(toks)
    if j + 1 < n and toks[j].text == "-" and toks[j].start == toks[j - 1].end and toks[j + 1].start == toks[j].end and (
            (toks[j + 1].low,) in lex.units):
        num.j = j + 2  # "a 30,000-Euro check"
        num.unit = lex.units[(toks[j + 1].low,)]
        num.plain_digits = None
        return num
    k = j + 1 if j < n and toks[j].low == "of" and num.qualifier == "at_least" else j  # "thousands of tonnes"
    for size in (3, 2, 1):
        if k + size <= n:
            key = tuple(x.low for x in toks[k:k + size])
            u = lex.units.get(key)
            if u is not None:
                if u == "GBP" and key[-1] in ("pounds", "pound") and (
                        k + size < n and toks[k + size].low in lex.weight_comparatives
                        or any(toks[x].low in lex.weight_words for x in range(max(0, num.i - 6), num.i))):
                    u = "lb"  # "35 pounds heavier", "weighed on average 50 pounds more"
                num.unit = u
                num.j = k + size
                num.plain_digits = None
                return num
    return num


def _qualifier(toks: list[_Tok], s: int, lex: _Lex) -> tuple[str | None, int]:
    for size in (4, 3, 2, 1):
        a = s - size
        if a >= 0:
            key = tuple(x.low for x in toks[a:s])
            if key in lex.qualifiers:
                return lex.qualifiers[key], a
    return None, s


def _read(toks: list[_Tok], i: int, lex: _Lex) -> _Num | None:
    """Number at ``i`` with range, currency sign and qualifier."""
    num = _core(toks, i, lex)
    if num is None:
        return None
    n = len(toks)
    s = i
    # currency sign before: "$1.2bn", "US$6 thousand", "£8 billion"
    if i > 0 and toks[i - 1].low in lex.prefix_currencies and num.unit is None:
        num.unit = lex.prefix_currencies[toks[i - 1].low]
        s = i - 1
        num.plain_digits = None
    elif i > 1 and toks[i - 1].low == "us" and toks[i - 2].text == "$" and num.unit is None:
        num.unit, s, num.plain_digits = "USD", i - 2, None  # "$US 15 billion"
    # ranges: "20 to 30", "35–40", "between 5 and 10", "70 percent to 80 percent"
    between = s > 0 and toks[s - 1].low == "between"
    j = num.j
    if j + 1 < n and num.value_max is None and (toks[j].low in _RANGE_WORDS or between and toks[j].low == "and"):
        change = (s >= 2 and toks[s - 1].low == "from" and toks[s - 2].low in lex.change_verbs)
        k = j + 1
        if k < n and toks[k].low in lex.prefix_currencies:
            k += 1
        second = None if change else _core(toks, k, lex)
        if second is not None and second.value_max is None and not second.word_one or (
                second is not None and second.word_one and between):
            if second.value > num.value or between:
                if second.value >= 100 * num.value and num.unit is None and num.j == num.i + 1 and num.value < 100:
                    num.value *= second.value / _bare(toks, second, lex)  # "2 to 3 million": elided multiplier
                num.value_max = second.value
                num.j = second.j
                num.unit = num.unit or second.unit
                num.plain_digits = None
    if between:
        s -= 1
    # "(94+)": a plus glued to the number
    if num.j < n and toks[num.j].text == "+" and toks[num.j].start == toks[num.j - 1].end:
        num.j += 1
        num.qualifier = num.qualifier or "at_least"
        if num.unit is None and num.j < n and toks[num.j].text == "%":
            num.unit = "percent"  # "4+%"
            num.j += 1
    if num.j + 1 < n and toks[num.j].low == "or" and toks[num.j + 1].low in _OR_TAILS:
        num.qualifier = num.qualifier or _OR_TAILS[toks[num.j + 1].low]  # "1500 or more", "20 or so"
        num.j += 2
    q, qs = _qualifier(toks, s, lex)
    if q is not None and qs > 0 and toks[qs].low in ("around", "over", "under", "about") and toks[qs - 1].low == "and" and (
            qs > 1 and toks[qs - 2].low in ("in", "on", "at", "inside", "within")):
        q, qs = None, s  # "living in and around three reception centres": a preposition
    if q is None and s >= 3 and toks[s - 1].low in ("a", "an"):
        q2, qs2 = _qualifier(toks, s - 1, lex)  # "at least a 30 kilometer radius"
        if q2 is not None and num.plain_digits is None or q2 is not None and num.unit is not None:
            q, qs = q2, qs2
    if q is not None:
        if q == "about" and toks[qs].low == "some" and num.plain_digits is None and num.unit is None and (
                num.value < 2 and num.value_max is None):
            q, qs = None, s
        else:
            num.qualifier = q
            s = qs
    num.s = s
    return num


def _bare(toks: list[_Tok], num: _Num, lex: _Lex) -> float:
    t = toks[num.i]
    if _PLAIN.match(t.text):
        return _digits(t.text)
    w = _word_number(toks, num.i, lex)
    return w[0] if w else num.value


def _skip(toks: list[_Tok], num: _Num, lex: _Lex) -> bool:
    """Years, dates, times, ages, durations, labels: not counts."""
    n = len(toks)
    i, j = num.i, num.j
    prev = toks[num.s - 1].low if num.s > 0 else ""
    prev_text = toks[num.s - 1].text if num.s > 0 else ""
    nxt = toks[j].low if j < n else ""
    first = toks[i]
    if first.low in ("a", "an") and num.value == 1:
        return True
    if num.plain_digits and (num.plain_digits[0] == "0" and len(num.plain_digits) > 1 and "." not in num.plain_digits
                             or len(num.plain_digits) >= 8 and "," not in num.plain_digits):
        return True  # "000" cut off a grouped number, "111073615": a code
    if prev in ("or", "and", "to", "through", "-", "–") and num.s >= 3 and toks[num.s - 2].text.isdigit() and (
            toks[num.s - 3].low in lex.months) and num.value <= 31:
        return True  # "December 13 or 14"
    # a year: four plain digits, unless a counted noun follows ("2000 people")
    if num.plain_digits and _YEAR.match(num.plain_digits) and 1000 <= num.value <= 2100:
        counted = (nxt in lex.objects or num.qualifier is not None or prev in _COUNT_OPENERS
                   or nxt == "or" and j + 1 < n and toks[j + 1].low in ("more", "so"))
        plural_after = j < n and _plural_noun(toks[j], lex)
        year_before = prev in ("and", "or", "to", "-", "–") and num.s >= 2 and bool(_YEAR.match(toks[num.s - 2].text))
        if prev in lex.months or year_before or prev in lex.year_words and prev not in ("and", "or") and not (
                counted and num.value < 1500):
            return True  # "in 2000", "2006 and 2007 seasons"; "in 1004 cases" is still a count
        if not counted and not plural_after and num.value >= 1500:
            return True
    if num.value_max is not None and _YEAR.match(f"{num.value:.0f}") and _YEAR.match(f"{num.value_max:.0f}") and (
            1000 <= num.value < num.value_max <= 2100 and num.value == int(num.value)):
        return True  # "From 1971 to 2006", "2009-10"
    if _DECADE.match(first.text) or "-" in first.text and _AGE_TOKEN.search(first.text):
        return True
    # dates: "March 3", "3 August", "May 13-15", "on the 17th"
    if prev in lex.months and (prev_text[:1].isupper() or prev != "may") and num.value <= 31 or (
            prev in lex.months and prev_text[:1].isupper()):
        return True
    if nxt in lex.months and toks[j].text[:1].isupper() and num.value <= 31 and num.value == int(num.value):
        return True
    if nxt == "of" and j + 1 < n and toks[j + 1].low in lex.months:
        return True
    # clock times and time zones
    if nxt in lex.time_words or nxt == "local" and j + 1 < n and toks[j + 1].low == "time" or _CLOCK.match(first.text) and num.unit is None or (nxt == ":" and j + 1 < n and toks[j + 1].text.isdigit()):
        return True
    if prev == ":" and num.s >= 2 and toks[num.s - 2].text.isdigit():
        return True
    # durations and ages: "three days", "two-hour", "77 year old", "aged 25"
    if nxt in lex.duration_units or "-" in first.low and first.low.split("-")[-1] in lex.duration_units:
        return True
    if nxt == "-" and j + 1 < n and toks[j + 1].low in lex.duration_units:
        return True
    if prev in lex.age_words or prev == "of" and num.s >= 2 and toks[num.s - 2].low in lex.age_words:
        return True  # "aged 25", "at the age of 12"
    if nxt == "block" and j + 1 < n and toks[j + 1].low == "of":
        return True  # "the 6100 block of South Ingleside Avenue": an address
    if nxt in ("or", "and") and j + 1 < n and toks[j + 1].low in ("older", "younger") and num.unit is None:
        return True  # "must be 65 or older": an age bound
    if prev == "or" and num.s >= 2 and toks[num.s - 2].low in lex.duration_units:
        return True  # "for the first week or two"
    if nxt == "old" or (nxt in ("year", "years", "month", "months") and j + 1 < n and toks[j + 1].low == "old"):
        return True
    # an age in apposition: "Tamalt, 42, lived", "Two Indonesian women, 23 and 27, have"
    if prev == "," and num.unit is None and num.value < 120 and num.plain_digits and nxt in (",", "and", ")") and (
            num.s >= 2 and (toks[num.s - 2].text[:1].isupper() or toks[num.s - 2].low in lex.objects)):
        return True
    if prev == "and" and num.plain_digits and num.value < 120 and nxt == "," and num.s >= 3 and toks[num.s - 3].low == ",":
        return True
    # "the majority ... are reported to be under 15": an age bound after a copula, no noun
    if num.qualifier in ("less_than", "more_than") and num.unit is None and num.value < 120 and num.s >= 1 and (
            toks[num.s - 1].low in _COPULA) and (nxt in _PUNCT or not nxt):
        return True
    # "children under five": an age bound after a person noun, no counted noun after it
    if num.qualifier in ("less_than", "more_than") and num.unit is None and num.value <= 21 and num.s > 0 and (
            toks[num.s].low in ("under", "over", "below", "above")) and nxt not in lex.objects:
        hit = _singular(prev, lex)
        if hit is not None and hit[0] in lex.persons:
            return True
    # "Forms One and Two": a capitalised number word inside the sentence is a name
    if num.s == i and i > 0 and first.text[:1].isupper() and first.low in lex.number_words and (
            toks[i - 1].text not in (".", ":", "\"", "“", "(", "'", "‘", "-", "–", "—", ";")) and (
            toks[i - 1].text[:1].isupper() or toks[i - 1].low in ("and", "or")):
        return True
    # labels: "School 59", "day 42", "game five", "News 4", "UFC 223"; addresses; list markers "1)"
    if prev in lex.label_nouns and (num.plain_digits and "," not in num.plain_digits or num.j == num.i + 1 and (
            toks[i].low in lex.number_words and nxt not in lex.objects)) and num.qualifier is None:
        return True
    if num.plain_digits and "," not in num.plain_digits and num.s >= 2 and prev_text[:1].isupper() and (
            prev not in lex.weekdays and prev not in lex.months and prev not in lex.function_words
            and prev not in lex.prefix_currencies and nxt not in lex.objects
            and not any(key[0] == nxt for key in lex.units) and toks[num.s - 2].text not in (".", ":", "\"", "“")):
        return True  # a number right after a name inside the sentence is part of the name
    if nxt in ("year-old", "years-old", "month-old", "months-old", "week-old", "day-old"):
        return True  # "The 18 year-old"
    if _PHONE_PART.match(first.text) or prev == "(" and nxt == ")" and j + 1 < n and toks[j + 1].text[:1].isdigit():
        return True  # "(888) 578-6255"
    if j < n and toks[j].text in ("(", "[") and toks[j].start == toks[j - 1].end or (
            prev == "(" and num.s >= 2 and toks[num.s - 2].text == ")" and toks[num.s - 1].start == toks[num.s - 2].end):
        return True  # "501(c)(3)": a code
    if num.plain_digits and nxt in lex.address_words and j < n and toks[j].text[:1].isupper():
        return True
    if num.plain_digits and "," not in num.plain_digits and j + 1 < n and toks[j].text[:1].isupper() and any(
            toks[k].low in lex.address_words and toks[k].text[:1].isupper() for k in range(j + 1, min(j + 3, n))):
        return True  # "at 775 Main St.": a house number before a capitalised street name
    if nxt == ")" and num.plain_digits and not any(t.text == "(" for t in toks[:i]):
        return True
    # phone numbers and codes: digit groups in a row
    if num.plain_digits and j < n and toks[j].text.isdigit() and toks[j].start - toks[j - 1].end <= 1:
        return True
    if num.plain_digits and i > 0 and toks[i - 1].text.isdigit() and toks[i].start - toks[i - 1].end <= 1:
        return True
    # sports scores "won 3-1"
    if num.value_max is not None and num.value_max <= 20 and "-" in first.text and (
            prev in _SCORE_WORDS or nxt in _SCORE_WORDS):
        return True
    # the word "one": counted only with a qualifier, before a counted noun or "apiece"
    if num.word_one and num.qualifier is None:
        k = j
        while k < n and k < j + 3 and toks[k].low not in lex.objects and toks[k].low not in ("apiece", "each") and (
                toks[k].low not in lex.function_words and toks[k].text not in _PUNCT):
            k += 1
        if prev in ("no", "the", "every", "any", "each", "this", "that", "which", "only", "another"):
            return True
        if not (k < n and (toks[k].low in lex.objects or toks[k].low in ("apiece", "each"))):
            return True
    return False


def _plural_noun(t: _Tok, lex: _Lex) -> bool:
    """A lower-case plural that can be counted ("2000 leaflets"), not a time word ("2006 seasons")."""
    low = t.low
    return (t.text.islower() and low.isalpha() and len(low) > 3 and low.endswith("s") and not low.endswith("ss")
            and low not in lex.function_words and low not in lex.duration_units and low not in lex.time_words
            and low not in lex.year_words and low not in lex.months)


def _singular(low: str, lex: _Lex) -> tuple[str, str | None] | None:
    hit = lex.objects.get(low)
    if hit is not None:
        return hit
    if low.endswith("'s") or low.endswith("’s"):
        return lex.objects.get(low[:-2])
    return None


def _person_like(t: _Tok) -> bool:
    """An unknown capitalised plural of a nationality ("Iraqis", "Americans", "Chinese")."""
    return t.text[:1].isupper() and t.low.endswith(("ans", "ians", "ese", "is", "ers"))


def _noun_run(toks: list[_Tok], k: int, lex: _Lex) -> tuple[int, int]:
    """Words of a noun phrase from ``k``: up to four, stopping at function words, punctuation, numbers, cues."""
    e = k
    n = len(toks)
    while e < n and e < k + 4:
        t = toks[e]
        if t.text in _PUNCT or t.low in lex.function_words and not (
                t.low.endswith("ed") and e + 1 < n and _singular(toks[e + 1].low, lex) is not None) or (
                t.text[:1].isdigit() or t.low in _FACTOR):
            break  # a participle before a known noun is an attribute: "316,000 total reported cases"
        cue = (t.low,) in lex.predicates and t.low not in lex.outcome_adjectives and _singular(t.low, lex) is None or (
            t.low in lex.outcome_adjectives and (e > k or _singular(t.low, lex) is None))
        if cue and not (e + 1 < n and _singular(toks[e + 1].low, lex) is not None):
            break  # "five children dead", "1,200 people injured", "more than 95 sick"; not "752 infected persons"
        e += 1
    return k, e


@dataclass(slots=True)
class _Obj:
    tok: _Tok | None
    cat: tuple[str, str | None] | None  # lexicon class of the noun
    adj: tuple[str, str | None] | None = None  # outcome adjective inside the noun phrase ("seven dead children")
    inherit: bool = False
    later: int | None = None  # "six of 28 samples": the noun of the count at this token


def _object_after(toks: list[_Tok], num: _Num, lex: _Lex) -> _Obj:
    n = len(toks)
    k = num.j
    if k < n and toks[k].low in _FACTOR:
        num.factor = True
        return _Obj(None, None)
    if k + 1 < n and toks[k].low == "out" and toks[k + 1].low == "of":
        k += 1
    if k < n and toks[k].low == "of":
        k += 1
        while k < n and (toks[k].low in ("the", "these", "those", "all", "its", "their", "his", "her", "our")
                         or toks[k].low.endswith(("'s", "’s"))):
            k += 1  # "five million of Mexico's 107 million people"
        if k < n and (toks[k].text[:1].isdigit() or toks[k].low in lex.number_words):
            return _Obj(None, None, later=k)
    a, e = _noun_run(toks, k, lex)
    if a == e:
        return _Obj(None, None)
    adj = None
    best: tuple[int, tuple[str, str | None]] | None = None
    inherit: _Tok | None = None
    for m in range(a, e):
        t = toks[m]
        if t.low in lex.outcome_adjectives and m != e - 1:
            adj = lex.outcome_adjectives[t.low]
            continue
        if t.low in lex.inherit_words:
            inherit = t
            continue
        hit = _singular(t.low, lex)
        if hit is not None:
            best = (m, hit)  # a later known noun is the head of a compound: "swine samples", "health workers"
        elif best is not None:
            break  # "hundreds of people attend planned hospital appointments": the first noun phrase only
    if best is not None:
        m, hit = best
        if m + 1 < e and toks[m + 1].low.endswith("s") and _singular(toks[m + 1].low, lex) is None:
            return _Obj(toks[m + 1], None, adj)  # "hundreds of extra hospital beds": the head decides
        return _Obj(toks[m], hit, adj)
    if inherit is not None:
        return _Obj(inherit, None, adj, inherit=True)
    head = next((t for t in toks[a:e] if t.low.endswith("s") and not t.low.endswith("ss")), toks[e - 1])
    if head.low.endswith(("ly", "ing", "ed")) and head is toks[e - 1] and e - 1 > a:
        head = toks[e - 2]  # "colonies vanished", "states initially"
    if _person_like(head):
        return _Obj(head, ("people", None), adj)
    if head.text[:1].isupper() and not head.text.isupper():
        return _Obj(None, None, adj)  # "All three indicate Alabama …": a name, not the counted noun
    return _Obj(head, None, adj)


def _object_before(toks: list[_Tok], num: _Num, lo: int, lex: _Lex) -> _Obj | None:
    """"the number of confirmed cases ... rose to 97", "the death count is over 120,000", "population over 600,000"."""
    for c in range(num.s - 1, max(lo, num.s - 15) - 1, -1):
        low = toks[c].low
        if low not in lex.count_nouns_before:
            continue
        if low == "population" and c >= num.s - 2:
            return _Obj(toks[c], lex.objects.get("population"))
        if c + 1 < len(toks) and toks[c + 1].low == "of":
            a, e = _noun_run(toks, c + 2, lex)
            for t in toks[a:e]:
                hit = _singular(t.low, lex)
                if hit is not None:
                    return _Obj(t, hit)
            if e > a:
                return _Obj(toks[e - 1], None)
        if c > lo and low in ("count", "toll", "tally"):
            t = toks[c - 1]
            if t.low in ("death", "casualty", "fatality"):
                return _Obj(t, ("killed", "KILL"))
            if t.low in ("injury",):
                return _Obj(t, ("injured", "WOUND"))
            hit = _singular(t.low, lex)
            if hit is not None:
                return _Obj(t, hit)
        return None
    return None


def _predicate_hits(toks: list[_Tok], lex: _Lex) -> list[tuple[int, int, tuple[str, str | None]]]:
    hits = []
    n = len(toks)
    for k, t in enumerate(toks):
        if t.low not in lex.pred_first or t.low in lex.months and t.text[:1].isupper():
            continue  # "in March 2014": the month, not a march
        for size in (5, 4, 3, 2, 1):
            key = tuple(x.low for x in toks[k:k + size])
            if len(key) == size and key in lex.predicates:
                if k > 0 and toks[k - 1].low == "to" and size == 1 and not t.low.endswith("ed"):
                    break  # "the potential to kill": a risk, not an outcome
                hits.append((k, k + size, lex.predicates[key]))
                break
    return [h for h in hits if h[1] <= n]


def find_quantities(doc: Doc) -> list[Quantity]:
    """Quantities of an English ``doc``."""
    lex = lexicon()
    text = doc.text
    time_spans = [(t.start, t.end) for t in doc.times] if doc.times else []
    out: list[Quantity] = []
    for a, b in ((s.start, s.end) for s in doc.sentences):
        if not _HAS_NUMBER.search(text, a, b):
            continue
        toks = tokenize(text[a:b], a)
        nums: list[_Num] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if not (t.text[0].isdigit() or t.low in lex.starters or "-" in t.low and t.low.split("-")[0] in lex.starters):
                i += 1
                continue
            num = _read(toks, i, lex)
            if num is None or (nums and num.s < nums[-1].j):
                i += 1
                continue
            if _skip(toks, num, lex) or any(s_ < toks[num.j - 1].end and toks[num.s].start < e_
                                            for s_, e_ in time_spans):
                i = num.j
                continue
            nums.append(num)
            i = num.j
        if nums:
            out.extend(_build_all(toks, nums, lex, text))
    return out


def _build_all(toks: list[_Tok], nums: list[_Num], lex: _Lex, text: str) -> list[Quantity]:
    objs = [_object_after(toks, num, lex) for num in nums]
    # "or nine million": a restatement shares the qualifier of the amount before it
    for k in range(1, len(nums)):
        if nums[k].qualifier is None and nums[k - 1].qualifier and nums[k].s == nums[k - 1].j + 1 and (
                toks[nums[k].s - 1].low == "or"):
            nums[k].qualifier = nums[k - 1].qualifier
    for k, (num, obj) in enumerate(zip(nums, objs, strict=True)):
        if obj.later is not None:
            ref = next((m for m in range(k + 1, len(nums)) if nums[m].i == obj.later), None)
            if ref is not None:
                objs[k] = _Obj(objs[ref].tok, objs[ref].cat)
        elif obj.tok is None and num.unit is None and not num.factor:
            lo = nums[k - 1].j if k else 0
            before = _object_before(toks, num, lo, lex)
            if before is not None:
                objs[k] = before
    # a bare count after a count of a class keeps that class ("more than 700 residents, but over 1,100 others")
    # An outcome class ("deaths", "the death toll") is carried only as a fallback: the count's own cue wins
    # ("the death toll ... 23,000, but also the 4 million made homeless" -> displaced).
    classes: list[tuple[str, str | None] | None] = []
    carried: list[tuple[str, str | None] | None] = []
    for k, (num, obj) in enumerate(zip(nums, objs, strict=True)):
        cls = obj.cat
        carry = None
        if (obj.tok is None or obj.inherit) and num.unit is None and not num.factor and k > 0 and obj.later is None:
            cls = classes[k - 1] if carried[k - 1] is None else ("people", None)
            if cls is not None and cls[1] is not None:
                carry, cls = cls, ("people", None)
            elif carried[k - 1] is not None:
                carry = carried[k - 1]
            if obj.inherit and cls is None:
                cls = ("people", None)
        elif obj.inherit:
            cls = ("people", None)
        elif cls is not None and cls[0] in lex.generic and cls[1] is None and num.unit is None:
            before = _object_before(toks, num, nums[k - 1].j if k else 0, lex)
            if before is not None and before.cat is not None and before.cat[1] is not None:
                carry = before.cat  # "the country's death toll up to 212 people"
        classes.append(cls)
        carried.append(carry)
    hits = _predicate_hits(toks, lex)
    eligible = [num.unit is None and not num.factor and (
        cls is None and objs[k].tok is None or cls is not None and cls[0] in lex.persons)
        for k, (num, cls) in enumerate(zip(nums, classes, strict=True))]
    outcomes: list[tuple[str, str | None] | None] = []
    for k, num in enumerate(nums):
        outcome = None
        if eligible[k]:
            outcome = objs[k].adj or _outcome(toks, nums, eligible, k, hits, lex)
            if outcome is None and objs[k].tok is None and k > 0 and eligible[k - 1] and _listed(
                    toks, nums[k - 1], num):
                outcome = outcomes[k - 1]  # "45 people dead in Nyanza, 12 in North Eastern and seven in Rift Valley"
            if outcome is None:
                outcome = carried[k]
        outcomes.append(outcome)
    for k in range(len(nums) - 2, -1, -1):
        if outcomes[k] is None and eligible[k] and eligible[k + 1] and outcomes[k + 1] is not None and (
                _coordinated(toks, nums[k], nums[k + 1], lex)):
            outcomes[k] = outcomes[k + 1]  # "Two soldiers and 16 gunmen were killed"
    out = []
    for num, obj, cls, outcome in zip(nums, objs, classes, outcomes, strict=True):
        category, gkg = _category(num, cls, outcome, lex)
        start, end = toks[num.s].start, toks[num.j - 1].end
        q = Quantity(start=start, end=end, text=text[start:end], value=num.value, value_max=num.value_max,
                     qualifier=num.qualifier, unit=num.unit or ("person" if category in lex.persons else None),
                     category=category, gkg_type=gkg)
        if obj.tok is not None:
            q.object, q.object_start, q.object_end = obj.tok.text, obj.tok.start, obj.tok.end
        out.append(q)
    return out


def _listed(toks: list[_Tok], a: _Num, b: _Num) -> bool:
    """``b`` follows ``a`` in a list ("…, 12 in X and seven in Y"): only commas, "and" and a short "in <Place>"."""
    between = toks[a.j:b.s]
    if len(between) >= 2 and between[-1].text in ("-", "–", ":") and between[-2].text[:1].isupper():
        between = between[:-1]  # "Sri Lanka - approximately 28,500, India - more than 7,700"
        while between and between[-1].text[:1].isupper():
            between = between[:-1]
    return bool(between) and between[-1].low in (",", "and") and len(between) <= 8 and not any(
        t.text in (";", ".", "(", ")") or t.low in ("but", "while", "whereas") for t in between)


def _coordinated(toks: list[_Tok], a: _Num, b: _Num, lex: _Lex) -> bool:
    """``a`` and ``b`` are conjuncts of one subject ("Two soldiers and 16 gunmen were killed")."""
    between = toks[a.j:b.s]
    return 0 < len(between) <= 4 and between[-1].low in ("and", "or", ",") and not any(
        t.text in (";", ".", "(", ")") or (t.low,) in lex.predicates for t in between)


def _outcome(toks: list[_Tok], nums: list[_Num], eligible: list[bool], k: int,
             hits: list[tuple[int, int, tuple[str, str | None]]], lex: _Lex) -> tuple[str, str | None] | None:
    num = nums[k]
    # a cue right before the count is its own: "has killed 1 person", "the death of one vet"
    for _h0, h1, v in hits:
        if h1 == num.s or h1 == num.s - 1 and toks[num.s - 1].low in ("at", "some", "about", "nearly"):
            return v
    nxt_start = next((nums[m].s for m in range(k + 1, len(nums)) if eligible[m]), len(toks))
    owned = {nums[m].s - (toks[nums[m].s - 1].low in ("at", "some", "about", "nearly"))
             for m in range(k + 1, len(nums))}
    for h0, h1, v in hits:
        if h1 in owned:
            continue  # "reported in 33 million people and has killed 25 million": the cue is the later count's
        if num.j <= h0 < nxt_start and h0 - num.j <= 12 and not any(
                toks[c].text in (";", "(", ")", ":") for c in range(num.j, h0)):
            return v
    prev_end = next((nums[m].j for m in range(k - 1, -1, -1) if eligible[m]), 0)
    best = None
    for h0, h1, v in hits:
        if prev_end <= h0 and h1 <= num.s and num.s - h1 <= 8 and not any(
                toks[c].text in (";", "(", ")", ",") for c in range(h1, num.s)):  # "after the death of X, 125 …"
            best = v
    return best


def _category(num: _Num, cls: tuple[str, str | None] | None, outcome: tuple[str, str | None] | None,
              lex: _Lex) -> tuple[str | None, str | None]:
    if num.unit is not None:
        return lex.unit_categories.get(num.unit), None
    if num.factor:
        return None, None
    if cls is not None and cls[0] == "":
        return None, None
    if cls is None:
        if outcome is None:
            return None, None
        return outcome[0], outcome[1]
    cat, gkg = cls
    if outcome is not None and outcome[0] != "people":
        if cat in lex.generic or cat == "people":
            return outcome[0], outcome[1]
        if cat in lex.persons and gkg is None:
            return cat, outcome[1]
    if gkg is None and cat in lex.generic_defaults and outcome is None:
        return lex.generic_defaults[cat]
    return cat, gkg
