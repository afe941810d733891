"""Temporal expressions: dates, times, durations and sets, normalised TIMEX3-style.

Rule-based, in the spirit of HeidelTime: precompiled regular expressions over
the raw text find candidate expressions (longest match wins), then a resolver
walks them in text order and turns each into a TIMEX3 ``value``
(``2022-05-03``, ``2022-05``, ``2022-W18``, ``1863-SU``, ``193`` for the
1930s, ``BC0499``, ``P3D``, ``PRESENT_REF`` ...), a granularity, a modifier
(START/MID/END/APPROX/...) and the covered day range.

Two ways to anchor what is underspecified ("im November", "zwei Tage später",
"am Montag"):

* ``anchoring="news"``: deictic expressions against the publication date. "im
  November" is the nearest November before the publication date (the nearest
  one after it when the tense cue nearest to it is a future one: "soll", "wird",
  "kommende" ...). Anaphoric ones ("am selben Tag", "zwei Tage später") count
  from the last date the article mentioned. Without a publication date the
  value stays underspecified (``XXXX-11``) and ``anchor="none"``.
* ``anchoring="narrative"``: against the last date mentioned before
  (historical text). Section headings with a year set the section's year;
  dates in parentheses, after "bis" and backward references ("im Vorjahr") do
  not move the anchor, because they are asides, not the story's time.

Matching is cheap because each pattern is tried only at word starts just
before one of its core words (see ``_DE_CORES``), about 2 ms per 500-word
article.

Every word list and fixed phrase lives in ``data/time_de.json`` (English: ``data/time_en.json``).
"""

from __future__ import annotations

import bisect
import calendar
import functools
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any

from .doc import Doc
from .errors import ConfigError
from .records import TimeExpression

log = logging.getLogger(__name__)

__all__ = ["TimeStage", "extract_times", "parse_anchor"]


# --------------------------------------------------------------------------- lexicon
@functools.lru_cache(maxsize=2)
def _raw_lexicon(name: str = "time_de.json") -> dict[str, Any]:
    return json.loads(resources.files("lagebild.data").joinpath(name).read_text(encoding="utf-8"))


def _alt(words: Any, case: str = "both") -> str:
    """Regex alternation of ``words`` (longest first); ``case`` says how the first letter may be written."""
    forms: set[str] = set()
    for w in words:
        if case in ("both", "lower"):
            forms.add(w[0].lower() + w[1:])
        if case in ("both", "upper"):
            forms.add(w[0].upper() + w[1:])
    parts = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


# --------------------------------------------------------------------------- specs
@dataclass(slots=True)
class Spec:
    """What a matched expression says, before it is anchored."""

    type: str = "DATE"
    kind: str = "abs"  # abs | rel | ref | dur | weekday | set
    year: int | None = None  # negative = BC
    year_rel: int | None = None  # year offset from the anchor ("des folgenden Jahres")
    year2: int | None = None  # two-digit year, century from the anchor
    month: int | None = None
    month_rel: int | None = None
    day: int | None = None
    season: str | None = None
    half: int | None = None
    quarter: int | None = None
    decade: str | None = None  # formatted: "193", "BC046"
    decade2: int | None = None  # "30er Jahre": decade digit pair, century from the anchor
    century: str | None = None  # formatted: "18", "BC05"
    hour: int | None = None
    minute: int | None = None
    pod: str | None = None  # MO | MI | AF | EV | NI
    weekday: int | None = None
    weekday_dir: int = 0  # -1 last, +1 next, 0 nearest by tense
    unit: str | None = None  # rel: D | W | M | Y | WE
    offset: int = 0
    value: str | None = None  # ref/dur/set: the literal value
    mod: str | None = None
    today_ref: bool = False  # "heute": the publication day in news, PRESENT_REF in history
    anaphoric: bool = False  # "am selben Tag", "zwei Tage später": counts from the last date, also in news
    ctx: tuple[int, int] | None = None  # the whole range a part belongs to ("27. und 28. September")
    bc_ctx: bool = False  # a short year without era ("im Jahr 218"): BC when the story is BC
    year_dir: int = 0  # English "last Christmas", "next April": before/after the anchor whatever the tense
    week_rel: int | None = None  # English "Monday till Wednesday this week": the weekday in that week


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    spec: Spec
    prio: int = 0


@dataclass
class _Lang:
    patterns: list[tuple[str, re.Pattern[str], Callable[[re.Match[str], str], list[_Cand] | None], int]]
    future_cues: re.Pattern[str]
    lex: dict[str, Any] = field(default_factory=dict)
    past_cues: re.Pattern[str] | None = None
    #: one cheap pass over the words finds the "core" words every pattern needs (a month, a unit, a
    #: digit ...); a pattern is then tried only at word starts just before its cores, because ~60
    #: patterns each scanning a whole article cost too much
    core_rx: dict[str, re.Pattern[str]] = field(default_factory=dict)
    cores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _kinds_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def word_kinds(self, word: str) -> tuple[str, ...]:
        """Core kinds a lower-cased word contains (cached: news vocabulary repeats)."""
        got = self._kinds_cache.get(word)
        if got is None:
            got = tuple(k for k, rx in self.core_rx.items() if rx.search(word))
            if len(self._kinds_cache) < 200_000:
                self._kinds_cache[word] = got
        return got


# Which core words each German pattern contains (every match contains at least one of them).
_DE_CORES: dict[str, tuple[str, ...]] = {
    "date_dmy": ("month",), "day_range": ("month",), "pod_of_date": ("pod",), "night_range": ("month",),
    "date_num": ("num",), "date_iso": ("num",), "month": ("month",), "partof_year": ("num",),
    "partof_rel": ("unit",), "partof_compound": ("unit",), "laufe": ("unit",), "year_bc": ("bc",),
    "year": ("num",), "year_slash": ("num",), "season": ("season",), "half": ("unit", "misc"),
    "decade": ("num",), "century": ("unit", "misc"), "rel_count": ("unit",), "rel_bare": ("unit",),
    "rel_prep": ("unit",), "rel_adj": ("unit",), "tag_darauf": ("unit",), "rel_compound": ("unit",),
    "rel_day": ("rday", "pod"), "heutig": ("rday",), "weekday": ("wd",), "pod": ("pod",), "clock": ("num",),
    "midnight": ("misc",), "duration": ("unit",), "duration_adj": ("unit",), "duration_adjword": ("unit",),
    "duration_compound": ("unit",), "duration_lang": ("unit",), "seit_plural": ("unit",), "ref": ("ref",),
    "holiday": ("hol",), "set": ("misc", "unit", "wd"), "month_range": ("month",), "year_bc_slash": ("bc",),
    "day_only": ("num",), "duration_pair": ("unit",), "laufe_unit": ("misc",), "vague_plural": ("unit",),
    "pod_rel": ("pod",), "decade_word": ("misc",), "night_weekday": ("wd",), "year_short": ("num",), "date_ordword": ("month",),
}
_WIN_BEFORE = 45  # no expression starts further than this before its core word ("der Nacht vom 16. auf den 17. April")


def _num(word: str, lex: dict[str, Any]) -> float | str | None:
    w = word.lower().replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) if "." in w else int(w)
    if w in lex.get("number_words", {}):
        return lex["number_words"][w]
    if w in lex.get("vague_numbers", {}):
        return "X"
    w2 = re.sub(r"\s+", " ", w)
    return lex.get("number_words", {}).get(w2)


_TZ = {"mez": "+01", "mitteleuropäischer zeit": "+01", "mesz": "+02", "mitteleuropäischer sommerzeit": "+02",
       "utc": "Z", "gmt": "Z", "moskauer zeit": "+03"}


def _tz(name: str | None) -> str | None:
    return _TZ.get(re.sub(r"\s+", " ", name.lower())) if name else None


def _duration_value(n: float | str | None, unit: str) -> str | None:
    """TIMEX3 duration for ``n`` units: P3D, PT2H, PXY, P1Y6M."""
    if n is None:
        return None
    time_unit = unit in ("H", "MIN", "S")
    letter = {"MIN": "M", "DE": "DE", "CE": "CE"}.get(unit, unit)
    prefix = "PT" if time_unit else "P"
    if n == "X":
        return f"{prefix}X{letter}"
    assert isinstance(n, (int, float))
    if n != int(n):
        # fractional: express in the next smaller unit
        if unit == "Y":
            months = round(n * 12)
            y, m = divmod(months, 12)
            return "P" + (f"{y}Y" if y else "") + (f"{m}M" if m else "")
        if unit == "M":
            return f"P{round(n * 30)}D"
        if unit == "D":
            return f"PT{round(n * 24)}H"
        if unit == "W":
            return f"P{round(n * 7)}D"
        if unit == "H":
            return f"PT{round(n * 60)}M"
        return None
    return f"{prefix}{int(n)}{letter}"


# --------------------------------------------------------------------------- patterns (German)
def _build_de(lex: dict[str, Any]) -> _Lang:
    months: dict[str, int] = lex["months"]
    # an abbreviation is a proper prefix of another name of the same month ("sept" of "september")
    full_months = [m for m in months if not any(o != m and o.startswith(m) and months[o] == months[m] for o in months)]
    abbr_months = [m for m in months if m not in full_months]
    MONTH = (
        "(?P<mon>"
        + _alt(full_months, "upper")
        + "(?:s(?!\\w))?|"
        + _alt(abbr_months, "upper")
        + "\\.?)(?![\\w])"
    )
    MONTH_AMB = set(lex["ambiguous_months"])

    def month_of(s: str) -> int:
        s = s.lower().rstrip(".")
        if s not in months and s.endswith("s"):
            s = s[:-1]
        return months[s]

    weekdays: dict[str, int] = lex["weekdays"]
    WD = "(?P<wd>" + _alt(weekdays, "upper") + ")"
    seasons: dict[str, str] = lex["seasons"]
    SEASON_U = _alt(seasons, "upper")
    SEASON_L = _alt(seasons, "lower")
    part_of = {k: v for k, v in lex["part_of"].items() if v}
    # a sentence-initial "Gegen Ende ..." belongs to the expression (TIMEX2 practice), a mid-sentence "gegen" not
    PARTOF = "(?:Gegen\\s+)?(?P<pm>" + _alt(part_of, "upper") + ")"
    BC = lex["bc_re"]
    AD = lex["ad_re"]
    DAY = r"(?:3[01]|[12]\d|0?[1-9])"
    YEAR4 = r"(?:1\d{3}|20\d{2})"
    numwords = lex["number_words"]
    vague = lex["vague_numbers"]
    NUMW = _alt([w for w in numwords if " " not in w], "both")
    VAGUE = _alt(vague, "both")
    NUM = rf"(?:\d+(?:,\d+)?|{NUMW}|ein\s+paar|{VAGUE})"
    units: dict[str, str] = lex["units"]
    UNIT = "(?P<u>" + _alt(units, "upper") + ")(?![\\w-])"
    rel_adj: dict[str, int] = lex["relative_adjectives"]
    RELADJ = "(?P<ra>" + _alt(rel_adj, "both") + ")"
    ordinals: dict[str, int] = lex["ordinal_words"]
    pods: dict[str, str] = lex["parts_of_day"]
    early_late: dict[str, str] = lex["early_late"]
    approx: dict[str, str] = lex["approx"]
    APPROX = "(?P<ap>" + _alt(approx, "both") + ")"
    count_nouns = set(lex["count_nouns"])
    count_cues = set(lex["count_cues"])
    count_ctx = set(lex["count_context_words"])
    rel_after: dict[str, int] = lex["relative_after"]
    RELAFTER = "(?P<dir>" + _alt(rel_after, "lower") + ")(?!\\w)"
    B = r"(?<![\w.,:-])"  # left boundary: not inside a word, a number or a "1:14:95" result
    E = r"(?![\w])"

    def span(m: re.Match[str], group: str | int = 0) -> tuple[int, int]:
        return m.start(group), m.end(group)

    def year_of(m: re.Match[str], g4: str = "y", gbc: str = "yb") -> int | None:
        gd = m.groupdict()
        if gd.get(gbc):
            return -int(gd[gbc])
        if gd.get(g4):
            return int(gd[g4])
        return None

    pats: list[tuple[str, str, Callable[[re.Match[str], str], list[_Cand] | None], int]] = []

    def add(name: str, rx: str, prio: int = 0) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def deco(fn: Callable[[re.Match[str], str], list[_Cand] | None]) -> Callable[..., Any]:
            pats.append((name, rx, fn, prio))
            return fn

        return deco

    YEAR_OPT = rf"(?:\s+(?:des\s+Jahres\s+)?(?P<y>{YEAR4})(?![\d])(?:\s*{AD})?|\s+(?:des\s+Jahres\s+)?(?P<yb>\d{{1,4}})\s*{BC})?"
    # "8. Mai, 23:01 Uhr" is one expression; "1. September 1939 um 4:45 Uhr" are two (TIMEX convention)
    TZ = r"(?:\s+(?P<tz>MEZ|MESZ|UTC|GMT|Ortszeit|mitteleuropäischer\s+(?:Sommer)?[Zz]eit|Moskauer\s+Zeit))?"
    TIME_OPT = rf"(?:,\s+(?P<hh>[01]?\d|2[0-4])[:.](?P<mi>[0-5]\d)\s*Uhr{TZ})?"

    # "Montag, den 1. September 1939 um 4:45 Uhr", "1. Sept. 1939", "28. September"
    @add("date_dmy", rf"{B}(?:{WD},?\s+(?:(?:den|dem)\s+)?)?(?P<d>{DAY})\.\s*{MONTH}{YEAR_OPT}{TIME_OPT}", 5)
    def _dmy(m: re.Match[str], text: str) -> list[_Cand]:
        s = Spec(year=year_of(m), month=month_of(m["mon"]), day=int(m["d"]))
        if m["hh"]:
            s.hour, s.minute, s.type = int(m["hh"]), int(m["mi"]), "TIME"
            s.value = _tz(m["tz"])
        return [_Cand(m.start(), m.end(), s)]

    # "am ersten Oktober", "zum dreißigsten Juni 1941"
    day_words = {w: n for w, n in ordinals.items() if n > 0 and w.endswith("en")}
    day_words.update({"einundzwanzigsten": 21, "zweiundzwanzigsten": 22, "dreiundzwanzigsten": 23,
                      "vierundzwanzigsten": 24, "fünfundzwanzigsten": 25, "sechsundzwanzigsten": 26,
                      "siebenundzwanzigsten": 27, "achtundzwanzigsten": 28, "neunundzwanzigsten": 29,
                      "dreißigsten": 30, "einunddreißigsten": 31})
    @add("date_ordword", rf"{B}(?P<od>{_alt(day_words, 'lower')})\s+{MONTH}{YEAR_OPT}", 5)
    def _date_ordword(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(year=year_of(m), month=month_of(m["mon"]), day=day_words[m["od"].lower()]))]

    # "vom 8. bis 10. Mai 1940", "27./28. September", "am 8. und 10. Mai"
    @add(
        "day_range",
        rf"{B}(?P<d1>{DAY})\.\s*(?:-|–|/|bis(?:\s+(?:zum|einschließlich))?|und(?:\s+(?:dem|am))?|oder|auf\s+den|zum|,)\s*"
        rf"(?P<d2>{DAY})\.\s*{MONTH}{YEAR_OPT}",
        6,
    )
    def _day_range(m: re.Match[str], text: str) -> list[_Cand]:
        y, mon = year_of(m), month_of(m["mon"])
        return [
            _Cand(m.start("d1"), m.end("d1") + 1, Spec(year=y, month=mon, day=int(m["d1"]), ctx=m.span())),
            _Cand(m.start("d2"), m.end(), Spec(year=y, month=mon, day=int(m["d2"]), ctx=m.span())),
        ]

    POD_NOUN = "(?P<pod>" + _alt([p for p in pods if p[0].isalpha() and not p.endswith("s")], "upper") + ")"
    EL = "(?:(?P<el>" + _alt(early_late, "both") + r")\s+)?"

    # "Morgen des 22. Juni 1941", "späten Nachmittag des 2. Mai", "gegen Abend des 22. Juni 1940"
    @add(
        "pod_of_date",
        rf"{B}(?:(?P<ga>[Gg]egen)\s+)?{EL}{POD_NOUN}\s+(?:des|vom)\s+(?P<d>{DAY})\.(?:\s*{MONTH}{YEAR_OPT})?",
        7,
    )
    def _pod_date(m: re.Match[str], text: str) -> list[_Cand]:
        s = Spec(
            year=year_of(m), month=month_of(m["mon"]) if m["mon"] else None, day=int(m["d"]),
            pod=pods[m["pod"].lower()], type="TIME",
        )
        if m["el"]:
            s.mod = early_late[m["el"].lower()]
        if m["ga"]:
            s.mod = "APPROX"
        return [_Cand(m.start(), m.end(), s)]

    # "Nacht vom 16. auf den 17. April"
    @add(
        "night_range",
        rf"{B}(?:(?:der|die)\s+)?Nacht\s+(?:vom|zum)\s+(?P<d1>{DAY})\.\s*(?:auf|zum)\s+(?:den\s+)?(?P<d2>{DAY})\.\s*{MONTH}{YEAR_OPT}",
        8,
    )
    def _night(m: re.Match[str], text: str) -> list[_Cand]:
        y, mon = year_of(m), month_of(m["mon"])
        st = m.start() if not text.startswith(("der", "die"), m.start()) else text.index("Nacht", m.start())
        return [
            _Cand(st, m.end("d1") + 1, Spec(year=y, month=mon, day=int(m["d1"]), pod="NI", type="TIME")),
            _Cand(m.start("d2"), m.end(), Spec(year=y, month=mon, day=int(m["d2"]))),
        ]

    # "1.9.39", "01.09.1939", "3.10."
    @add("date_num", rf"(?<![\w.,])(?P<d>{DAY})\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>\d{{4}}|\d{{2}})?(?![\d])", 4)
    def _dnum(m: re.Match[str], text: str) -> list[_Cand] | None:
        end = m.end()
        s = Spec(month=int(m["m"]), day=int(m["d"]))
        if m["y"]:
            if len(m["y"]) == 4:
                s.year = int(m["y"])
            else:
                s.year2 = int(m["y"])
        else:
            # "3.10." without a year only after a date preposition: "Profil 1.1." is a version number
            before = text[max(0, m.start() - 8) : m.start()].split()
            if not text[end : end + 1].isspace() or not before or before[-1].lower() not in (
                    "am", "vom", "zum", "bis", "ab", "seit", "den", "dem", "bis zum", "und", "–", "-"):
                return None
        return [_Cand(m.start(), end, s)]

    @add("date_iso", rf"(?<![\w.-])(?P<y>{YEAR4})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?![\d])", 4)
    def _diso(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(year=int(m["y"]), month=int(m["m"]), day=int(m["d"])))]

    # "Anfang Mai 1863", "Juni 1940", "März des folgenden Jahres", "Mai"
    @add(
        "month",
        rf"{B}(?:{PARTOF}\s+)?(?:(?P<el>{_alt(early_late, 'both')})\s+)?{MONTH}"
        rf"(?:\s+(?:des\s+Jahres\s+)?(?P<y>{YEAR4})(?![\d])(?:\s*{AD})?|\s+(?P<yb>\d{{1,4}})\s*{BC}"
        rf"|\s+(?:des\s+{RELADJ}\s+Jahres|(?P<ds>desselben)\s+Jahres|{RELADJ.replace('?P<ra>', '?P<ra2>')}\s+Jahres))?",
        3,
    )
    def _month(m: re.Match[str], text: str) -> list[_Cand] | None:
        s = Spec(year=year_of(m), month=month_of(m["mon"]))
        if m["ra"] or m["ra2"]:
            s.year_rel = rel_adj[(m["ra"] or m["ra2"]).lower()]
        elif m["ds"]:
            s.year_rel = 0
        if m["pm"]:
            s.mod = part_of[m["pm"].lower()]
        elif m["el"]:
            s.mod = early_late[m["el"].lower()]
        bare = s.year is None and s.year_rel is None and not m["pm"] and not m["el"]
        if bare and m["mon"].lower().rstrip(".") in MONTH_AMB:
            before = text[max(0, m.start() - 30) : m.start()].split()
            prev = before[-1].lower() if before else ""
            if prev not in {"im", "seit", "bis", "ab", "vom", "zum", "des", "und", "oder", "monat", "nach", "vor",
                            "zwischen", "–", "-", "/", "anfang", "mitte", "ende", "bis zum", "den", "diesen", "letzten"}:
                return None
            nxt = text[m.end() : m.end() + 2]
            if nxt[:1] == " " and nxt[1:2].isupper() and m["mon"].lower() in ("august", "juli"):
                # "August Bebel" / "Juli Zeh"
                return None
        return [_Cand(m.start(), m.end(), s)]

    # "Ende 1941", "Mitte des Jahres 1919", "Ende des vorangegangenen Jahres", "Ende des Monats"
    @add(
        "partof_year",
        rf"{B}{PARTOF}\s+(?:(?:des\s+)?Jahres\s+)?(?:(?P<y>{YEAR4})(?![\d])|(?P<yb>\d{{1,4}})\s*{BC})",
        4,
    )
    def _partof_year(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(year=year_of(m), mod=part_of[m["pm"].lower()]))]

    # "Ende des Jahres", "Anfang der Woche", "Ende vergangenen Jahres", "Mitte kommender Woche"
    @add("partof_rel", rf"{B}{PARTOF}\s+(?:(?:des|dieses|der|dieser|diesen)\s+(?:{RELADJ}\s+)?|{RELADJ.replace('?P<ra>', '?P<ra2>')}\s+)(?P<u>Jahres|Monats|Woche)(?!\w)", 4)
    def _partof_rel(m: re.Match[str], text: str) -> list[_Cand]:
        unit = {"jahres": "Y", "monats": "M", "woche": "W"}[m["u"].lower()]
        ra = m["ra"] or m["ra2"]
        off = rel_adj[ra.lower()] if ra else 0
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=off, mod=part_of[m["pm"].lower()]))]

    compounds: dict[str, list[str]] = lex["part_of_compounds"]

    @add("partof_compound", rf"{B}(?P<c>{_alt(compounds, 'upper')}){E}(?:\s+(?P<y>{YEAR4})(?![\d]))?", 4)
    def _partof_comp(m: re.Match[str], text: str) -> list[_Cand]:
        unit, mod = compounds[m["c"].lower()]
        if m["y"]:
            return [_Cand(m.start(), m.end(), Spec(year=int(m["y"]), mod=mod))]
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=0, mod=mod))]

    # "im Laufe des Jahres (1966)"
    @add("laufe", rf"{B}Laufe\s+(?:des|dieses)\s+(?:{RELADJ}\s+)?Jahres(?:\s+(?P<y>{YEAR4})(?![\d]))?", 4)
    def _laufe(m: re.Match[str], text: str) -> list[_Cand]:
        if m["y"]:
            return [_Cand(m.start(), m.end(), Spec(year=int(m["y"])))]
        off = rel_adj[m["ra"].lower()] if m["ra"] else 0
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="Y", offset=off))]

    # years: "1939", "Jahr 1919", "um 1900", "499 v. Chr.", "um das Jahr 500 v. Chr."
    @add(
        "year_bc",
        rf"{B}(?:(?P<ap>[Uu]m|[Ee]twa|[Gg]egen|ca\.|[Cc]irca)\s+(?:das\s+)?)?(?:Jahre?s?\s+)?(?P<yb>\d{{1,4}})\s*{BC}",
        4,
    )
    def _year_bc(m: re.Match[str], text: str) -> list[_Cand]:
        s = Spec(year=-int(m["yb"]))
        if m["ap"]:
            s.mod = "APPROX"
        return [_Cand(m.start(), m.end(), s)]

    @add(
        "year",
        rf"(?<![\w.,:])(?:(?P<ap>[Uu]m|[Cc]a\.|[Cc]irca)\s+(?:das\s+)?)?(?:(?P<j>Jahr(?:e|es|en)?)\s+)?(?P<y>{YEAR4})(?![\d]|\.\d|,\d|er\b|er-)"
        rf"(?:\s*{AD})?",
        2,
    )
    def _year(m: re.Match[str], text: str) -> list[_Cand] | None:
        if not m["j"] and not m["ap"]:
            after = text[m.end() : m.end() + 25].split()
            nxt = after[0].lower().strip(".,;:)") if after else ""
            if nxt in count_nouns:
                return None
            before = text[max(0, m.start() - 20) : m.start()].split()
            prev = before[-1].lower() if before else ""
            prev2 = " ".join(before[-2:]).lower() if len(before) >= 2 else ""
            if prev in count_cues or prev2 in count_cues:
                return None
            follow = text[m.end() : m.end() + 2]
            if follow[:1] == " " and follow[1:2].isupper() and (prev in count_ctx or prev2 in count_ctx):
                return None
            if text[m.end() : m.end() + 1] == ":" and text[m.end() + 1 : m.end() + 2].isdigit():
                return None
        s = Spec(year=int(m["y"]))
        if m["ap"]:
            s.mod = "APPROX"
        return [_Cand(m.start(), m.end(), s)]

    # "im Jahr 218", "Sommer 217": short years without an era marker (BC inside a BC story)
    @add(
        "year_short",
        rf"{B}(?:(?P<j>Jahre?s?)|(?P<s2>{SEASON_U}))\s+(?P<y>[1-9]\d{{1,2}})(?![\d.,:%])(?!\s*(?:{BC}|{AD}|v\.|n\.))",
        2,
    )
    def _year_short(m: re.Match[str], text: str) -> list[_Cand] | None:
        after = text[m.end() : m.end() + 20].split()
        if after and after[0].lower().strip(".,;:") in count_nouns:
            return None
        s = Spec(year=int(m["y"]), bc_ctx=True)
        if m["s2"]:
            s.season = seasons[m["s2"].lower()]
        return [_Cand(m.start(), m.end(), s)]

    # "1939/40", "Winter 1940/41" keeps the first year (see season)
    @add("year_slash", rf"(?<![\w.,:/-])(?P<y>{YEAR4})\s?[/–-]\s?(?P<y2>\d{{2}})(?![\d])", 3)
    def _year_slash(m: re.Match[str], text: str) -> list[_Cand]:
        y = int(m["y"])
        y2 = (y // 100) * 100 + int(m["y2"])
        if y2 < y:
            y2 += 100
        return [_Cand(m.start("y"), m.end("y"), Spec(year=y)), _Cand(m.start("y2"), m.end("y2"), Spec(year=y2))]

    # seasons: "Frühjahr 1943", "im Sommer", "Spätsommer", "späten Frühjahr 1861", "Frühjahr des nächsten Jahres"
    sprefix: dict[str, str] = lex["season_prefixes"]
    @add(
        "season",
        rf"{B}(?:(?P<el>{_alt(early_late, 'both')})\s+)?(?:(?P<sp>{_alt(sprefix, 'upper')})(?P<s1>{SEASON_L})|(?P<s2>{SEASON_U})){E}"
        rf"(?:\s+(?:des\s+Jahres\s+)?(?P<y>{YEAR4})(?![\d])|\s+(?P<yb>\d{{1,4}})\s*{BC}"
        rf"|\s+des\s+{RELADJ}\s+Jahres)?",
        3,
    )
    def _season(m: re.Match[str], text: str) -> list[_Cand] | None:
        name = (m["s1"] or m["s2"]).lower()
        s = Spec(year=year_of(m), season=seasons[name])
        if m["ra"]:
            s.year_rel = rel_adj[m["ra"].lower()]
        if m["sp"]:
            s.mod = sprefix[m["sp"].lower()]
        elif m["el"]:
            s.mod = early_late[m["el"].lower()]
        if s.year is None and s.year_rel is None:
            # bare "Sommer"/"Winter" is also a surname: want a determiner or preposition before it
            before = text[max(0, m.start() - 30) : m.start()].split()
            prev = before[-1].lower() if before else ""
            if prev not in {"im", "den", "der", "des", "dem", "ab", "seit", "bis", "zum", "vom", "diesen", "dieses",
                            "diesem", "jenen", "jenem", "folgenden", "nächsten", "kommenden", "vergangenen",
                            "letzten", "über", "und", "oder", "ins", "frühen", "späten", "einsetzender",
                            "einsetzenden", "gesamten", "ganzen"} and not m["el"] and not m["sp"]:
                return None
        return [_Cand(m.start(), m.end(), s)]

    # "1. Halbjahr", "zweiten Jahreshälfte 1863", "ersten Quartal 2022"
    ORD = "(?P<o>" + _alt(ordinals, "both") + r"|[1-4]\.)"
    @add("half", rf"{B}{ORD}\s+(?P<h>Halbjahr(?:es)?|Jahreshälfte|Hälfte\s+des\s+Jahres|Quartal(?:s|es)?)(?:\s+(?P<y>{YEAR4})(?![\d]))?", 4)
    def _half(m: re.Match[str], text: str) -> list[_Cand] | None:
        o = m["o"].lower()
        n = int(o[:-1]) if o.endswith(".") else ordinals.get(o)
        if n is None or n < 1:
            return None
        s = Spec(year=int(m["y"]) if m["y"] else None)
        if m["h"].lower().startswith("quartal"):
            if n > 4:
                return None
            s.quarter = n
        else:
            if n > 2:
                return None
            s.half = n
        if s.year is None:
            s.year_rel = 0
        return [_Cand(m.start(), m.end(), s)]

    # decades: "den 1930er-Jahren", "Ende der 1990er", "Anfang der 460er Jahre v. Chr.", "der 30er Jahre"
    @add(
        "decade",
        rf"{B}(?:{PARTOF}\s+)?(?:(?P<det>den|der|die|Den|Der|Die)\s+)?(?:(?P<d4>\d{{2,3}}0)-?er|(?P<d2>[1-9]0)-?er(?=\s*-?\s*Jahre))"
        rf"(?:\s*-?\s*Jahren?)?(?:\s*(?P<bc>{BC}))?",
        4,
    )
    def _decade(m: re.Match[str], text: str) -> list[_Cand]:
        s = Spec()
        if m["d4"]:
            digits = m["d4"].zfill(4)[:3]
            s.decade = ("BC" if m["bc"] else "") + digits
        else:
            s.decade2 = int(m["d2"]) // 10
        if m["pm"]:
            s.mod = part_of[m["pm"].lower()]
        # the article stays in the span ("den 1930er-Jahren"), as TIMEX2 annotators did
        return [_Cand(m.start(), m.end(), s)]

    # centuries: "19. Jahrhundert", "Ende des 6. Jahrhunderts v. Chr.", "4. Jh. v. Chr."
    @add(
        "century",
        rf"{B}(?:{PARTOF}\s+(?:des\s+)?)?(?:(?P<n>\d{{1,2}})\.|(?P<ow>{_alt(ordinals, 'lower')}))\s*(?:Jahrhunderts?|Jh\.)(?:\s*(?P<bc>{BC}))?",
        4,
    )
    def _century(m: re.Match[str], text: str) -> list[_Cand] | None:
        n = int(m["n"]) if m["n"] else ordinals.get(m["ow"].lower(), -1)
        if n < 1:
            return None
        s = Spec(century=("BC" if m["bc"] else "") + f"{n - 1:02d}")
        if m["pm"]:
            s.mod = part_of[m["pm"].lower()]
        return [_Cand(m.start(), m.end(), s)]

    # relative with a count: "zwei Tage später", "Ein halbes Jahr später", "knapp einen Monat später", "Jahre zuvor"
    @add(
        "rel_count",
        rf"{B}(?:{APPROX}\s+)?(?:(?P<n>{NUM})|(?P<half>[Ee]in\s+halbes))\s+{UNIT}\s+{RELAFTER}",
        5,
    )
    def _rel_count(m: re.Match[str], text: str) -> list[_Cand] | None:
        unit = units[m["u"].lower()]
        n = 0.5 if m["half"] else _num(m["n"], lex)
        d = rel_after[m["dir"].lower()]
        if n == "X":
            return [_Cand(m.start(), m.end(), Spec(kind="ref", value="FUTURE_REF" if d > 0 else "PAST_REF"))]
        if n is None or unit not in ("D", "W", "M", "Y"):
            return None
        if n == 0.5 and unit == "Y":
            unit, n = "M", 6
        if n != int(n):
            return None
        s = Spec(kind="rel", unit=unit, offset=int(n) * d, mod=approx.get(m["ap"].lower()) if m["ap"] else None,
                 anaphoric=True)
        return [_Cand(m.start(), m.end(), s)]

    @add("rel_bare", rf"{B}(?P<u>Tage|Wochen|Monate|Jahre|Jahrzehnte){E}\s+{RELAFTER}", 4)
    def _rel_bare(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=_duration_value("X", units[m["u"].lower()])))]

    # "nach zwei Tagen", "Nach etwa zehn Tagen", "vor drei Wochen", "in zwei Wochen"
    @add("rel_prep", rf"{B}(?P<p>[Nn]ach|[Vv]or|[Ii]n|[Bb]innen)\s+(?:{APPROX}\s+)?(?P<n>{NUM})\s+{UNIT}", 4)
    def _rel_prep(m: re.Match[str], text: str) -> list[_Cand] | None:
        unit = units[m["u"].lower()]
        n = _num(m["n"], lex)
        p = m["p"].lower()
        mod = approx.get(m["ap"].lower()) if m["ap"] else None
        if n is None:
            return None
        if n == "X" or unit not in ("D", "W", "M", "Y") or n != int(n) or p in ("in", "binnen"):
            # "in drei Tagen" in a history text is a span of time; the news case is handled at resolution
            val = _duration_value(n, unit)
            if val is None:
                return None
            st = m.start("ap") if m["ap"] else m.start("n")
            s = Spec(kind="dur", type="DURATION", value=val, mod=mod)
            if p in ("in", "binnen") and n != "X" and unit in ("D", "W", "M", "Y") and n == int(n):
                s.unit, s.offset = unit, int(n)  # news: "in zwei Wochen" is a date
            return [_Cand(st if p in ("in", "binnen") else m.start(), m.end(), s)]
        d = 1 if p == "nach" else -1
        if p == "nach" and (mod or n == 1 or unit in ("W", "Y") or m["n"][0].isdigit()):
            # "nach einer Woche", "nach mehr als drei Tagen", "Nach 77 Tagen": read as how long it took
            val = _duration_value(n, unit)
            return [_Cand(m.start("ap") if m["ap"] else m.start("n"), m.end(), Spec(kind="dur", type="DURATION", value=val, mod=mod))]
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=int(n) * d, mod=mod))]

    # "am selben Tag", "im selben Monat", "folgenden Tag", "nächsten Jahr", "dieses Jahres", "vergangene Woche"
    @add(
        "rel_adj",
        rf"{B}(?:(?P<p>[Aa]m|[Ii]m|[Aa]n\s+(?:diesem|dem)|[Ii]n\s+(?:diesem|dem))\s+)?(?:(?:des|dem|den|der|die|das)\s+)?{RELADJ}\s+"
        rf"(?P<u>Tag|Tages|Woche|Wochenende|Monat|Monats|Jahr|Jahres|Jahreswechsel)(?!\w)",
        4,
    )
    def _rel_adj(m: re.Match[str], text: str) -> list[_Cand] | None:
        ra = m["ra"].lower()
        off = rel_adj[ra]
        u = m["u"].lower()
        unit = {"tag": "D", "tages": "D", "woche": "W", "wochenende": "WE", "monat": "M", "monats": "M",
                "jahr": "Y", "jahres": "Y", "jahreswechsel": "Y"}[u]
        # "im letzten Jahr des Krieges" etc. are not anchored; keep only the common readings
        after = text[m.end() : m.end() + 6]
        if after.startswith((" des ", " der ")) and off != 0:
            return None
        # spans as TIMEX2 annotators drew them: "am selben Tag", "an diesem Tag" keep the preposition,
        # "(im) nächsten Jahr", "(am) folgenden Tag" do not
        st = m.start()
        p = (m["p"] or "").lower()
        if p and ra not in ("selben", "gleichen") and not p.startswith("an"):
            st = m.start("ra")
        elif not p:
            # "das ganze Jahr" keeps its article, "des letzten Jahres" does not
            st = m.start() if text[m.start() : m.start("ra")].strip().lower() in ("das", "den") else m.start("ra")
        s = Spec(kind="rel", unit=unit, offset=off,
                 anaphoric=ra in ("selben", "gleichen", "folgenden", "darauffolgenden", "darauf folgenden", "vorangegangenen"))
        if u == "jahreswechsel":
            s.mod = "END"
        return [_Cand(st, m.end(), s)]

    # "am Tag darauf", "Einen Tag darauf", "tags darauf"
    @add("tag_darauf", rf"{B}(?:(?P<p>[Aa]m\s+)?Tag|[Tt]ags|[Ee]inen\s+Tag)\s+(?P<dir>darauf|danach|zuvor|davor|vorher)(?!\w)", 5)
    def _tag_darauf(m: re.Match[str], text: str) -> list[_Cand]:
        d = rel_after.get(m["dir"].lower(), 1)
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="D", offset=d, anaphoric=True))]

    # "Vortag", "im Folgejahr", "des Vorjahres"
    rcomp: dict[str, list[Any]] = lex["relative_compounds"]
    @add("rel_compound", rf"{B}(?P<c>{_alt(rcomp, 'upper')}){E}", 3)
    def _rel_comp(m: re.Match[str], text: str) -> list[_Cand]:
        unit, off = rcomp[m["c"].lower()]
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=off, anaphoric=unit == "D"))]

    # "heute", "gestern Abend", "vorgestern", "morgen früh"
    rdw: dict[str, int] = lex["relative_day_words"]
    POD_ADV = _alt([p for p in pods if p[0].isalpha()], "upper") + "|früh"
    @add("rel_day", rf"{B}(?P<w>{_alt([w for w in rdw if w != 'morgen'], 'both')}|morgen)(?:\s+(?P<pod>{POD_ADV}))?{E}", 4)
    def _rel_day(m: re.Match[str], text: str) -> list[_Cand] | None:
        w = m["w"].lower()
        around = text[max(0, m.start() - 14) : m.end() + 14].lower()
        if "heute auf morgen" in around or "gestern und heute" in around:
            return None  # idioms: "von heute auf morgen" (suddenly)
        s = Spec(kind="rel", unit="D", offset=rdw[w])
        if w == "heute" and not m["pod"]:
            s.today_ref = True
        if m["pod"]:
            s.pod = pods.get(m["pod"].lower(), "MO")
            s.type = "TIME"
        return [_Cand(m.start(), m.end(), s)]

    # "heutigen Tag", "bis heute" etc.
    @add("heutig", rf"{B}(?:dem\s+)?heutigen\s+Tag{E}|{B}[Hh]eutiger{E}", 3)
    def _heutig(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(kind="ref", value="PRESENT_REF"))]

    # weekdays: "am Montag", "Montagabend", "vergangenen Freitag", "am kommenden Dienstag"
    WDX = "(?P<wd>" + _alt(weekdays, "upper") + ")"
    POD_SUF = "(?P<pods>" + _alt(["morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"], "lower") + ")?"
    day_adj = {"gestrigen": -1, "heutigen": 0, "vorgestrigen": -2, "morgigen": 1}
    @add("weekday", rf"{B}(?:(?P<ra>{_alt(['vergangenen', 'letzten', 'vorigen', 'kommenden', 'nächsten', 'diesen'], 'both')})\s+)?"
                    rf"{WDX}{POD_SUF}(?:s(?=\s))?{E}", 3)
    def _weekday(m: re.Match[str], text: str) -> list[_Cand] | None:
        prev = text[max(0, m.start() - 14) : m.start()].split()
        if prev and prev[-1].lower() in day_adj:
            # "am gestrigen Dienstagabend": the adjective fixes the day
            s = Spec(kind="rel", unit="D", offset=day_adj[prev[-1].lower()])
            if m["pods"]:
                s.pod, s.type = pods[m["pods"].lower()], "TIME"
            return [_Cand(m.start(), m.end(), s)]
        s = Spec(kind="weekday", weekday=weekdays[m["wd"].lower()])
        if m["ra"]:
            r = m["ra"].lower()
            s.weekday_dir = -1 if r in ("vergangenen", "letzten", "vorigen") else (1 if r != "diesen" else 0)
        if m["pods"]:
            s.pod = pods[m["pods"].lower()]
            s.type = "TIME"
        return [_Cand(m.start(), m.end(), s)]

    # "in der Nacht von Freitag auf Samstag", "in der Nacht zum Sonntag" (the night before Sunday)
    @add(
        "night_weekday",
        rf"{B}Nacht\s+(?:(?:von|vom)\s+{WDX}\s+(?:auf|zum)\s+(?:den\s+)?{WDX.replace('?P<wd>', '?P<wd2>')}"
        rf"|(?:zum|auf\s+den)\s+{WDX.replace('?P<wd>', '?P<wd3>')}){E}",
        4,
    )
    def _night_weekday(m: re.Match[str], text: str) -> list[_Cand]:
        if m["wd"]:
            s = Spec(kind="weekday", weekday=weekdays[m["wd"].lower()], pod="NI", type="TIME")
        else:
            s = Spec(kind="weekday", weekday=weekdays[m["wd3"].lower()], pod="NI", type="TIME", offset=-1)
        return [_Cand(m.start(), m.end(), s)]

    # parts of day on the anchor day: "am Abend", "in der Nacht", "nachts"
    @add("pod", rf"{B}(?:(?P<p>[Aa]m|[Ii]n\s+der)\s+{POD_NOUN}(?!\s+(?:des|vom|zum))|(?P<adv>nachts|abends|morgens|vormittags|nachmittags)){E}", 2)
    def _pod(m: re.Match[str], text: str) -> list[_Cand] | None:
        if m["adv"]:
            s = Spec(kind="rel", unit="D", offset=0, pod=pods[m["adv"].lower()], type="TIME")
            return [_Cand(m.start(), m.end(), s)]
        s = Spec(kind="rel", unit="D", offset=0, pod=pods[m["pod"].lower()], type="TIME")
        st = m.start() if m["p"].lower() == "am" else m.start("pod")
        return [_Cand(st, m.end(), s)]

    # clock times: "4 Uhr 45", "um 16:30 Uhr", "7 Uhr", "Mitternacht"
    @add(
        "clock",
        rf"(?<![\w.,:])(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*Uhr(?:\s+(?P<mi2>[0-5]?\d)(?![\d.,]))?{TZ}",
        3,
    )
    def _clock(m: re.Match[str], text: str) -> list[_Cand]:
        mi = m["mi"] or m["mi2"] or "0"
        s = Spec(kind="rel", unit="D", offset=0, hour=int(m["h"]), minute=int(mi), type="TIME", value=_tz(m["tz"]))
        return [_Cand(m.start(), m.end(), s)]

    @add("midnight", rf"{B}Mitternacht{E}", 2)
    def _midnight(m: re.Match[str], text: str) -> list[_Cand]:
        # "seit Mitternacht" is the midnight that began the day (T00:00), otherwise the one ending it (T24:00)
        hour = 0 if re.search(r"\b[Ss]eit\s+$", text[max(0, m.start() - 6) : m.start()]) else 24
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="D", offset=0, hour=hour, minute=0, type="TIME"))]

    FILLER = _alt(lex["duration_fillers"], "lower")

    # durations: "15 Tage", "etwa eine Woche", "mehr als drei Tagen", "anderthalb Jahre", "einige Stunden"
    @add(
        "duration",
        rf"{B}(?:{APPROX}\s+)?(?:(?P<n>{NUM})|(?P<half>[Ee]in(?:en)?\s+halbe[ns]?)|(?P<ganz>[Ee]ine[nm]?\s+ganze[nm]?))\s+(?:{FILLER}\s+)?{UNIT}",
        2,
    )
    def _duration(m: re.Match[str], text: str) -> list[_Cand] | None:
        unit = units[m["u"].lower()]
        if m["half"]:
            n: Any = 0.5
        elif m["ganz"]:
            n = 1
        else:
            n = _num(m["n"], lex)
        low = m.group(0).lower()
        if low.startswith(("eines tag", "eines ", "einer ")):
            return None  # "eines Tages" = one day (vague), "einer Woche" is genitive, mostly not a duration phrase
        if m["u"].lower() in ("tages", "monats", "jahres", "jahrzehnts") and not m["n"]:
            return None
        val = _duration_value(n, unit)
        if val is None:
            return None
        s = Spec(kind="dur", type="DURATION", value=val, mod=approx.get(m["ap"].lower()) if m["ap"] else None)
        if text[max(0, m.start() - 5) : m.start()].lower() == "seit ":
            s.unit = "SINCE"
        return [_Cand(m.start(), m.end(), s)]

    # "die ersten beiden Tage", "den folgenden Monaten", "nächsten vier Tage", "letzten zwei Monate"
    @add(
        "duration_adj",
        rf"{B}(?P<ra>{_alt(['ersten', 'letzten', 'nächsten', 'folgenden', 'kommenden', 'vergangenen', 'zurückliegenden'], 'both')})"
        rf"\s+(?:(?P<n>{NUM})\s+)?(?P<u>Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Stunden|Jahrzehnte|Jahrzehnten){E}",
        3,
    )
    def _duration_adj(m: re.Match[str], text: str) -> list[_Cand] | None:
        unit = units[m["u"].lower()]
        n = _num(m["n"], lex) if m["n"] else "X"
        val = _duration_value(n, unit)
        if val is None:
            return None
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=val))]

    uadj: dict[str, str] = lex["unit_adjectives"]
    @add("duration_adjword", rf"{B}(?:(?P<ap>fast|knapp|etwa|rund)\s+)?(?P<n>\d+|{_alt(numwords, 'lower')})-?(?P<ua>{_alt(uadj, 'lower')}){E}", 3)
    def _dur_adjword(m: re.Match[str], text: str) -> list[_Cand] | None:
        n = _num(m["n"], lex)
        val = _duration_value(n, uadj[m["ua"].lower()])
        if val is None:
            return None
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=val, mod=approx.get(m["ap"].lower()) if m["ap"] else None))]

    # "90-Tage-Frist", "Sieben-Tage-Schlacht"
    @add("duration_compound", rf"{B}(?P<n>\d+|{NUMW})-(?P<u>Tage|Wochen|Monate|Jahre|Stunden)(?=-)", 3)
    def _dur_comp(m: re.Match[str], text: str) -> list[_Cand] | None:
        val = _duration_value(_num(m["n"], lex), units[m["u"].lower()])
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=val))] if val else None

    lang_adv: dict[str, str] = lex["lang_adverbs"]
    @add("duration_lang", rf"{B}(?P<w>{_alt(lang_adv, 'lower')})(?:e[nmrs]?)?{E}", 2)
    def _dur_lang(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=_duration_value("X", lang_adv[m["w"].lower()])))]

    # "seit Jahren", "seit Wochen", "seit langer Zeit" (the preposition stays outside, as in TIMEX)
    @add("seit_plural", rf"(?<=[Ss]eit\s)(?:(?P<u>Tagen|Wochen|Monaten|Jahren|Jahrzehnten|Stunden)|(?P<lz>langer\s+Zeit|langem)){E}", 3)
    def _seit(m: re.Match[str], text: str) -> list[_Cand]:
        unit = units[m["u"].lower()] if m["u"] else "Y"
        s = Spec(kind="dur", type="DURATION", value=_duration_value("X", unit))
        s.unit = "SINCE"
        return [_Cand(m.start(), m.end(), s)]

    # fixed vague references: "wenig später", "kurz zuvor", "in der Folgezeit", "jetzt"
    refs: dict[str, str] = lex["refs"]
    refs_l = {k.lower(): v for k, v in refs.items()}
    @add("ref", rf"{B}(?P<r>{_alt(refs, 'both')}){E}", 1)
    def _ref(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(kind="ref", value=refs_l[re.sub(r'\s+', ' ', m['r'].lower())]))]

    # holidays: "Weihnachten 1914", "Neujahrstag 1863", "Ostern"
    hol: dict[str, Any] = lex["holidays"]
    hol_l = {k.lower(): v for k, v in hol.items()}
    @add("holiday", rf"{B}(?P<h>{_alt(hol, 'upper')}){E}(?:\s+(?P<y>{YEAR4})(?![\d]))?", 3)
    def _holiday(m: re.Match[str], text: str) -> list[_Cand]:
        h = hol_l[re.sub(r"\s+", " ", m["h"].lower())]
        s = Spec(year=int(m["y"]) if m["y"] else None)
        if isinstance(h, list):
            s.month, s.day = h
        else:
            s.value = h  # easter offset, resolved once the year is known
        return [_Cand(m.start(), m.end(), s)]

    # sets: "täglich", "jeden Tag", "wöchentlich"
    @add("set", rf"{B}(?P<w>täglich|wöchentlich|monatlich|jährlich|alljährlich|(?:[Jj]eden|[Jj]ede)\s+(?:Tag|Woche|Monat|Jahr|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)){E}", 3)
    def _set(m: re.Match[str], text: str) -> list[_Cand]:
        w = m["w"].lower().split()[-1]
        val = {"täglich": "P1D", "tag": "P1D", "wöchentlich": "P1W", "woche": "P1W", "monatlich": "P1M", "monat": "P1M",
               "jährlich": "P1Y", "alljährlich": "P1Y", "jahr": "P1Y"}.get(w)
        if val is None:
            val = f"XXXX-WXX-{weekdays[w]}"
        return [_Cand(m.start(), m.end(), Spec(kind="set", type="SET", value=val))]

    # "Mai/Juni 1940", "von August bis September 1904": the first month takes the year of the second
    @add(
        "month_range",
        rf"{B}(?P<m1>{_alt(full_months, 'upper')})\s*(?:/|–|-|bis|und|oder)\s*{MONTH}\s+(?:(?P<y>{YEAR4})(?![\d])|(?P<yb>\d{{1,4}})\s*{BC}"
        rf"|(?:des\s+)?{RELADJ}\s+Jahres)",
        5,
    )
    def _month_range(m: re.Match[str], text: str) -> list[_Cand]:
        y = year_of(m)
        yr = rel_adj[m["ra"].lower()] if m["ra"] else None
        return [
            _Cand(m.start("m1"), m.end("m1"), Spec(year=y, year_rel=yr, month=month_of(m["m1"]), ctx=m.span())),
            _Cand(m.start("mon"), m.end(), Spec(year=y, year_rel=yr, month=month_of(m["mon"]), ctx=m.span())),
        ]

    # "Im Jahr 478/477 v. Chr.", "Um 449/448 v. Chr."
    @add(
        "year_bc_slash",
        rf"{B}(?:(?P<ap>[Uu]m|[Ee]twa|ca\.)\s+)?(?:Jahre?s?\s+)?(?P<y1>\d{{1,4}})\s*(?:/|–|-|bis)\s*(?P<y2>\d{{1,4}})\s*{BC}",
        5,
    )
    def _year_bc_slash(m: re.Match[str], text: str) -> list[_Cand]:
        a = Spec(year=-int(m["y1"]), mod="APPROX" if m["ap"] else None)
        return [_Cand(m.start(), m.end("y1"), a), _Cand(m.start("y2"), m.end(), Spec(year=-int(m["y2"])))]

    # "am 24. die rumänische Armee": a bare day of the month in the anchor's month
    @add("day_only", rf"(?<![\w.])(?:[Aa]m|[Vv]om|[Zz]um)\s(?P<d>{DAY})\.(?=\s+(?:[a-zäöüß]|und\s+(?:am|dem)\s)|[,;])", 1)
    def _day_only(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start("d"), m.end(), Spec(day=int(m["d"])))]

    # "zwei oder drei Tage", "18 – 35 Jahren": the first number shares the unit
    @add("duration_pair", rf"{B}(?P<n1>\d+|{NUMW})\s*(?:oder|bis|und|–|-)\s*(?P<n2>\d+|{NUMW})\s+{UNIT}", 3)
    def _duration_pair(m: re.Match[str], text: str) -> list[_Cand] | None:
        unit = units[m["u"].lower()]
        v1, v2 = _duration_value(_num(m["n1"], lex), unit), _duration_value(_num(m["n2"], lex), unit)
        if not v1 or not v2:
            return None
        return [_Cand(m.start("n1"), m.end("n1"), Spec(kind="dur", type="DURATION", value=v1)),
                _Cand(m.start("n2"), m.end(), Spec(kind="dur", type="DURATION", value=v2))]

    # "im Laufe des Tages", "während des Monats"
    @add("laufe_unit", rf"{B}Laufe\s+des\s+(?P<u>Tages|Monats)(?!\w)", 4)
    def _laufe_unit(m: re.Match[str], text: str) -> list[_Cand]:
        u = m["u"].lower()
        if u in ("tages", "monats"):
            return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="D" if u == "tages" else "M", offset=0))]
        return [_Cand(m.start(), m.end(), Spec(season=seasons[u], year_rel=0))]

    # vague plural spans: "in den Folgejahren", "den Tagen danach", "in diesen Jahren", "in ihren frühen Jahren"
    @add(
        "vague_plural",
        rf"{B}(?:(?P<fc>Folge(?P<fu>tagen|wochen|monaten|jahren))|(?:den\s+)?(?P<u>Tagen|Wochen|Monaten|Jahren)\s+(?:danach|darauf)"
        rf"|(?:diesen|jenen|frühen|ersten)\s+(?P<u2>Tagen|Wochen|Monaten|Jahren)){E}",
        3,
    )
    def _vague_plural(m: re.Match[str], text: str) -> list[_Cand]:
        w = (m["fu"] or m["u"] or m["u2"]).lower()
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=_duration_value("X", units[w])))]

    # "Gegen Abend", "am gleichen Abend", "noch in derselben Nacht"
    @add(
        "pod_rel",
        rf"{B}(?:(?P<g>[Gg]egen)\s+{POD_NOUN}|(?:[Aa]m|[Ii]n\s+der)\s+(?:selben|gleichen)\s+{POD_NOUN.replace('?P<pod>', '?P<pod2>')}|derselben\s+{POD_NOUN.replace('?P<pod>', '?P<pod3>')})(?!\s+(?:des|vom|zum))",
        3,
    )
    def _pod_rel(m: re.Match[str], text: str) -> list[_Cand]:
        p = m["pod"] or m["pod2"] or m["pod3"]
        s = Spec(kind="rel", unit="D", offset=0, pod=pods[p.lower()], type="TIME", anaphoric=not m["g"])
        st = m.start()
        if m["pod2"] and text[m.start() : m.start() + 2].lower() == "am":
            st = m.start() + 3  # "am gleichen Abend" is annotated without "am"
        return [_Cand(st, m.end(), s)]

    # "in den zwanziger Jahren"
    dwords: dict[str, int] = lex["decade_words"]
    @add("decade_word", rf"{B}(?:(?:den|der|die)\s+)?(?P<w>{_alt(dwords, 'lower')})\s+Jahren?{E}", 4)
    def _decade_word(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(decade2=dwords[m["w"].lower()]))]

    compiled = [(name, re.compile(rx), fn, prio) for name, rx, fn, prio in pats]
    missing = [name for name, *_ in pats if name not in _DE_CORES]
    assert not missing, f"patterns without core words: {missing}"

    def words(ws: Any) -> str:
        return "|".join(sorted({re.escape(w.split()[-1].rstrip(".").lower()) for w in ws}, key=len, reverse=True))

    core_rx = {
        "num": r"\d",
        "month": words(months),
        "wd": words(weekdays),
        "unit": r"tag|woche|monat|jahr|stunde|minute|sekunde|tägig|wöchig|jährig|stündig|lang",
        "season": words(seasons) + "|frühling|frühjahr",
        "pod": words([p for p in pods if p[0].isalpha()]),
        "rday": words(rdw) + "|heut",
        "ref": words(refs),
        "misc": "mitternacht|halbjahr|hälfte|quartal|laufe|jh|täglich|wöchentlich|monatlich|jährlich|jede|" + words(dwords),
        "bc": r"^(?:chr|christus|z|zeitrechnung)$",
        "hol": words(hol),
    }
    return _Lang(compiled, re.compile(lex["future_cues_re"], re.IGNORECASE), lex, re.compile(lex["past_cues_re"], re.IGNORECASE),
                 {k: re.compile(v) for k, v in core_rx.items()}, _DE_CORES)


# --------------------------------------------------------------------------- patterns (English)
_EN_CORES: dict[str, tuple[str, ...]] = {
    "mdy": ("month",), "day_range": ("month",), "dmy": ("month",), "month": ("month",), "month_range": ("month",),
    "pod_of_date": ("month",), "year": ("num",), "year_pair": ("num",), "decade": ("num",), "century": ("num", "ordw"),
    "century_range": ("num",), "season": ("season",), "quarter": ("misc",), "partof_rel": ("unit",),
    "reladj": ("unit",), "anaphoric": ("unit", "pod"), "relday": ("rday", "pod"), "weekday": ("wd",),
    "weekday_plural": ("wd",), "clock": ("num", "misc"), "clock_range": ("num",), "clock_at": ("num",), "schedule": ("wd",),
    "midpod": ("pod",), "duration": ("unit",), "duration_range": ("unit",), "age": ("unit",), "dur_plural": ("unit",),
    "dur_recent": ("unit",), "ago": ("unit",), "set": ("misc",), "set_rate": ("unit",), "set_adv": ("misc",),
    "ref": ("ref",), "holiday": ("hol",),
}


_EN_SPEECH_VERBS = frozenset(("said", "says", "told", "added", "wrote", "asked", "explained", "noted", "stated"))
# "Monday till Wednesday this week", "on Tuesday next week": the weekday lies in that week
_WEEK_AFTER = re.compile(r"(?:[\s,]+(?:till|until|to|through|and|or|-|–|[A-Z][a-z]+day|morning|afternoon|evening|night)){0,3}\s+(this|next|last)\s+week\b")


def _build_en(lex: dict[str, Any]) -> _Lang:
    months: dict[str, int] = lex["months"]
    full_months = [m for m in months if not any(o != m and o.startswith(m) and months[o] == months[m] for o in months)]
    abbr_months = [m for m in months if m not in full_months]
    MONTH = "(?P<mon>" + _alt(full_months, "upper") + "|" + _alt(abbr_months, "upper") + r"\.?)(?![\w])"
    amb_months = set(lex["ambiguous_months"])
    month_cues = set(lex["month_cues_before"])
    weekdays: dict[str, int] = {k: v for k, v in lex["weekdays"].items() if len(k) > 4}
    WDN = _alt(weekdays, "upper")
    WD = "(?P<wd>" + WDN + ")"
    units: dict[str, str] = lex["units"]
    numw: dict[str, Any] = lex["number_words"]
    NUMW = _alt(numw, "both")
    NUM = rf"(?:\d+(?:\.\d+)?|{NUMW})"
    UNIT = "(?P<u>" + _alt(units, "lower") + r")(?![\w'’-])"
    part_of: dict[str, str | None] = lex["part_of"]
    PARTOF = "(?P<pm>" + _alt(part_of, "both") + ")"
    pods: dict[str, str] = lex["parts_of_day"]
    POD = "(?P<pod>" + _alt(pods, "lower") + r")(?![\w])"
    ordw: dict[str, int] = lex["ordinal_words"]
    YEAR4 = r"(?:1[0-9]\d{2}|20\d{2})"
    DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    AP = r"(?P<ap>[ap]\.\s?m\.?|[AP]\.\s?M\.?|[ap]m\b|[AP]M\b)"
    TZ = r"(?:\s+(?P<tz>E[SD]T|C[SD]T|M[SD]T|P[SD]T|ET|CT|PT|GMT|UTC))?"
    B = r"(?<![\w.,$#-])"
    E = r"(?![\w])"
    seasons: dict[str, str] = lex["seasons"]
    year_not_after = set(lex["year_not_after"])
    count_nouns = set(lex["count_nouns"])
    addr = set(lex["address_suffixes"])
    pats: list[tuple[str, str, Callable[[re.Match[str], str], list[_Cand] | None], int]] = []

    def add(name: str, rx: str, prio: int = 0) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
            pats.append((name, rx, fn, prio))
            return fn

        return deco

    def mo(s: str) -> int:
        return months[s.lower().rstrip(".")]

    def prev_words(text: str, pos: int, n: int = 1, width: int = 30) -> str:
        return " ".join(text[max(0, pos - width) : pos].lower().split()[-n:])

    def rel_dir(word: str | None) -> int:
        return {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}.get((word or "").lower(), 0)

    def tz(m: re.Match[str]) -> str | None:
        z = m.groupdict().get("tz")
        if not z:
            return None
        return {"GMT": "Z", "UTC": "Z"}.get(z, None)

    def hour24(h: int, ap: str | None) -> int:
        a = (ap or "").lower().replace(".", "").replace(" ", "")
        if a == "pm" and h < 12:
            return h + 12
        if a == "am" and h == 12:
            return 0
        return h

    # "Tuesday, March 17, 2009", "last Tuesday, March 10", "Jan. 5", "March 22"
    @add("mdy", rf"{B}(?:(?:(?P<wr>[Ll]ast|[Nn]ext|[Tt]his)\s+)?{WD}(?:\s+{POD})?,?\s+)?{MONTH},?\s+{DAY}(?![\d:.]\d)(?:,?\s+(?P<y>{YEAR4}))?{E}", 6)
    def _mdy(m: re.Match[str], text: str) -> list[_Cand]:
        s = Spec(year=int(m["y"]) if m["y"] else None, month=mo(m["mon"]), day=int(m["d"]))
        if m["pod"]:
            s.pod, s.type = pods[m["pod"]], "TIME"
        return [_Cand(m.start(), m.end(), s)]

    # "May 8-9", "April 20-24", "July 17 to 23"
    @add("day_range", rf"{B}{MONTH}\s+(?P<d>3[01]|[12]\d|0?[1-9])(?P<sfx>st|nd|rd|th)?\s*(?:-|–|to|through|and)\s*"
                      rf"(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y>{YEAR4}))?{E}", 7)
    def _day_range(m: re.Match[str], text: str) -> list[_Cand]:
        y = int(m["y"]) if m["y"] else None
        a = Spec(year=y, month=mo(m["mon"]), day=int(m["d"]), ctx=m.span())
        b = Spec(year=y, month=mo(m["mon"]), day=int(m["d2"]), ctx=m.span())
        return [_Cand(m.start(), m.end("sfx") if m["sfx"] else m.end("d"), a), _Cand(m.start("d2"), m.end(), b)]

    @add("dmy", rf"{B}{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<y>{YEAR4}))?{E}", 5)
    def _dmy(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(year=int(m["y"]) if m["y"] else None, month=mo(m["mon"]), day=int(m["d"])))]

    # "the night of March 6"
    @add("pod_of_date", rf"{B}(?:[Tt]he\s+)?(?:(?P<el>early|late)\s+)?{POD}\s+of\s+{MONTH}\s+{DAY}(?:,?\s+(?P<y>{YEAR4}))?{E}", 7)
    def _pod_date(m: re.Match[str], text: str) -> list[_Cand]:
        s = Spec(year=int(m["y"]) if m["y"] else None, month=mo(m["mon"]), day=int(m["d"]), pod=pods[m["pod"]], type="TIME")
        return [_Cand(m.start(), m.end(), s)]

    # "March 2009", "early March", "the end of February", "last December", "mid-March", "May of last year"
    @add("month", rf"{B}(?:{PARTOF}\s*|(?P<wr>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his\s+past|[Tt]his\s+coming)\s+)?{MONTH}"
                  rf"(?:,?\s+(?P<y>{YEAR4})(?!\d)|\s+(?:of\s+)?(?:(?P<y2>{YEAR4})(?!\d)|(?P<ry>last|next|this)\s+year))?{E}", 3)
    def _month(m: re.Match[str], text: str) -> list[_Cand] | None:
        y = m["y"] or m["y2"]
        s = Spec(year=int(y) if y else None, month=mo(m["mon"]))
        if m["ry"]:
            s.year_rel = {"last": -1, "next": 1, "this": 0}[m["ry"]]
        if m["pm"]:
            s.mod = part_of[m["pm"].lower()]
        if m["wr"]:
            d = rel_dir(m["wr"])
            if d:
                s.year_dir = d
            else:
                s.year_rel = 0
        bare = s.year is None and s.year_rel is None and not m["pm"] and not m["wr"]
        if bare:
            # "said Tom January", "January said", "according to January": a surname
            after = text[m.end() : m.end() + 12].split()
            if after and after[0].lower().strip(",.;:") in _EN_SPEECH_VERBS or prev_words(text, m.start(), 2) == "according to":
                return None
            before = text[max(0, m.start() - 20) : m.start()].split()
            if before and before[-1][:1].isupper() and before[-1].isalpha() and before[-1].lower() not in month_cues:
                return None
        if bare and m["mon"].lower().rstrip(".") in amb_months:
            word = m["mon"].lower()
            # the lexicon's ambiguous months; written out, "March" is a month far more often than a march
            if not word.endswith(".") and word in amb_months and word != "march":
                if prev_words(text, m.start()) not in month_cues:
                    return None
        return [_Cand(m.start(), m.end(), s)]

    # "January and February 2008", "from June to August 2009": the first month takes the year of the second
    @add("month_range", rf"{B}(?P<m1>{_alt(full_months, 'upper')})\s*(?:-|–|and|to|through|or)\s*{MONTH}\s+(?P<y>{YEAR4}){E}", 5)
    def _month_range(m: re.Match[str], text: str) -> list[_Cand]:
        y = int(m["y"])
        return [_Cand(m.start("m1"), m.end("m1"), Spec(year=y, month=mo(m["m1"]), ctx=m.span())),
                _Cand(m.start("mon"), m.end(), Spec(year=y, month=mo(m["mon"]), ctx=m.span()))]

    # years: "2009", "in 1997", "the end of 2009", "fiscal 2010", "fiscal years 2010"
    @add("year", rf"(?<![\w.,:/$#-])(?:{PARTOF}\s*|(?P<fy>[Ff]iscal(?:\s+[Yy]ears?)?|FY)\s*)?(?P<y>{YEAR4})(?![\d]|\.\d|,\d|s\b|-\d|–\d|/\d|:\d)", 2)
    def _year(m: re.Match[str], text: str) -> list[_Cand] | None:
        y = int(m["y"])
        if not m["pm"] and not m["fy"]:
            prev1 = prev_words(text, m.start(), 1)
            prev2 = prev_words(text, m.start(), 2)
            if prev1 in year_not_after or prev2 in year_not_after or prev1.endswith(("$", "#")):
                return None
            after = text[m.end() : m.end() + 40].split()
            nxt = after[0].lower().strip(".,;:)") if after else ""
            if nxt in count_nouns:
                return None
            # "1200 Oak St.", "1850 Old Mill Highway": an address
            if (after and after[0][:1].isupper() and any(w.lower().strip(".,;:") in addr for w in after[1:4])
                    and prev1 not in ("a", "an", "the", "its", "his", "her", "their", "this", "that", "in", "since", "by", "until")):
                return None
            if y > 2030 and prev1 not in ("in", "by", "until", "to", "through", "and"):
                return None
        if m["fy"]:
            return [_Cand(m.start(), m.end(), Spec(kind="ref", value=f"FY{y}"))]
        s = Spec(year=y)
        if m["pm"]:
            s.mod = part_of[m["pm"].lower()]
        return [_Cand(m.start(), m.end(), s)]

    # "1974-75", "2009-10 budget", "2008-09 school year", "2005-2008": two years, as in German
    @add("year_pair", rf"(?<![\w.,:/$#-])(?P<fy>[Ff]iscal\s+)?(?P<y>{YEAR4})\s?[-–/]\s?(?P<y2>\d{{2}}|{YEAR4})(?![\d-])", 3)
    def _year_pair(m: re.Match[str], text: str) -> list[_Cand] | None:
        y = int(m["y"])
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y // 100) * 100 + int(m["y2"])
        if len(m["y2"]) == 2 and y2 < y:
            y2 += 100
        if not y < y2 <= y + 30:
            return None
        if prev_words(text, m.start()) in year_not_after:
            return None
        return [_Cand(m.start(), m.end("y"), Spec(year=y)), _Cand(m.start("y2"), m.end("y2"), Spec(year=y2))]

    # decades: "the 1990s", "the late 1960s", "the mid-1770s", "the '90s"
    @add("decade", rf"{B}(?:(?P<the>[Tt]he)\s+)?(?:(?P<pm>early|late|mid-?)\s*)?(?:(?P<d>1\d{{2}}0|20[0-9]0)'?s|['’](?P<d2>\d0)s){E}", 4)
    def _decade(m: re.Match[str], text: str) -> list[_Cand]:
        s = Spec()
        if m["d"]:
            s.decade = m["d"][:3]
        else:
            s.decade2 = int(m["d2"]) // 10
        if m["pm"]:
            s.mod = {"early": "START", "late": "END"}.get(m["pm"].lower(), "MID")
        return [_Cand(m.start(), m.end(), s)]

    ORDC = rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<ow>{_alt(ordw, 'lower')}))"

    # centuries: "the 19th century", "the early 20th century"
    @add("century", rf"{B}(?:[Tt]he\s+)?(?:(?P<pm>early|late|mid-?)\s*)?{ORDC}[\s-]+[Cc]entury{E}", 4)
    def _century(m: re.Match[str], text: str) -> list[_Cand] | None:
        n = int(m["n"]) if m["n"] else ordw.get(m["ow"].lower(), 0)
        if not 1 <= n <= 21:
            return None
        return [_Cand(m.start(), m.end(), Spec(century=f"{n - 1:02d}"))]

    # "the 17th through 19th centuries"
    @add("century_range", rf"{B}(?:[Tt]he\s+)?(?P<a>\d{{1,2}})(?:st|nd|rd|th)\s+(?:through|to|and|-|–)\s+(?:the\s+)?(?P<b>\d{{1,2}})(?:st|nd|rd|th)\s+[Cc]enturies{E}", 5)
    def _century_range(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end("a") + 2, Spec(century=f"{int(m['a']) - 1:02d}")),
                _Cand(m.start("b"), m.end(), Spec(century=f"{int(m['b']) - 1:02d}"))]

    # seasons: "this spring", "last fall", "summer 2008", "in the winter"
    @add("season", rf"{B}(?:(?P<ra>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his\s+past|[Tt]his\s+coming|[Ee]arly|[Ll]ate|[Tt]he|[Ll]ater\s+this|[Ee]arlier\s+this)\s+)?"
                   rf"(?P<s>{_alt(seasons, 'lower')}|{_alt(seasons, 'upper')}){E}(?:\s+(?:of\s+)?(?P<y>{YEAR4})(?!\d))?(?!\s+(?:break|semester|session|term|camp|league|school|season|program|classes|months|training|sports?|game|games|clothes))", 2)
    def _season(m: re.Match[str], text: str) -> list[_Cand] | None:
        ra = (m["ra"] or "").lower()
        if m["s"][0].isupper() and not m["y"] and text[max(0, m.start() - 2) : m.start()].strip() not in ("", ".", '"'):
            return None  # "Spring Fair", "Anna Summer": a name
        if not m["y"] and not ra:
            if prev_words(text, m.start()) not in ("in", "this", "last", "next", "during", "by", "until", "since", "over", "for", "through", "early", "late", "mid"):
                return None
        s = Spec(year=int(m["y"]) if m["y"] else None, season=seasons[m["s"].lower()])
        if ra in ("this", "later this", "earlier this"):
            s.year_rel = 0
        elif rel_dir(ra):
            s.year_dir = rel_dir(ra)
        elif ra in ("early", "late"):
            s.mod = "START" if ra == "early" else "END"
        return [_Cand(m.start(), m.end(), s)]

    # "the fourth quarter of 2008", "the first half of this year", "Q1 2009", "first-quarter earnings"
    qcues = set(lex["quarter_cues_after"])
    @add("quarter", rf"{B}(?:(?P<the>[Tt]he)\s+)?(?P<fis>fiscal\s+)?(?P<o>{_alt([w for w in ordw if not w[0].isdigit()], 'lower')}|[1-4](?:st|nd|rd|th))[\s-]+(?P<h>quarter|half)"
                    rf"(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<ry>this|last|next|the)\s+(?:fiscal\s+)?year))?{E}|{B}Q(?P<q>[1-4])\s+(?P<y2>{YEAR4}){E}", 5)
    def _quarter(m: re.Match[str], text: str) -> list[_Cand] | None:
        if m["q"]:
            return [_Cand(m.start(), m.end(), Spec(year=int(m["y2"]), quarter=int(m["q"])))]
        n = ordw.get(m["o"].lower(), 0)
        nxt = text[m.end() : m.end() + 20].split()
        if not (m["y"] or m["ry"] or m["fis"] or (nxt and nxt[0].lower().strip(".,") in qcues)):
            return None  # "the first quarter" of a game or of the moon
        s = Spec(year=int(m["y"]) if m["y"] else None)
        if m["h"] == "quarter":
            s.quarter = min(n, 4)
        else:
            if n > 2 and m["o"].lower() not in ("last", "final"):
                return None
            s.half = 1 if n == 1 else 2
        if not m["y"]:
            s.year_rel = {"last": -1, "next": 1}.get(m["ry"] or "", 0)
        return [_Cand(m.start(), m.end(), s)]

    # "the end of the year", "earlier this month", "the middle of next week", "late last year", "early next year"
    @add("partof_rel", rf"{B}{PARTOF}\s+(?:(?P<ra>the|this|last|next|the\s+current|the\s+past|the\s+coming)\s+)(?P<u>year|month|week|decade|century){E}", 5)
    def _partof_rel(m: re.Match[str], text: str) -> list[_Cand] | None:
        ra = m["ra"].lower()
        unit = {"year": "Y", "month": "M", "week": "W", "decade": "DE", "century": "CE"}[m["u"]]
        if unit == "CE":
            return None
        off = {"last": -1, "next": 1, "the past": -1, "the coming": 1}.get(ra, 0)
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=off, mod=part_of[m["pm"].lower()]))]

    rel_adj: dict[str, int] = lex["relative_adjectives"]
    # "last week", "this month", "next year", "this weekend"; "the past year" is a duration; "the following week" anaphoric
    @add("reladj", rf"{B}(?:(?P<the>[Tt]he|[Tt]hat)\s+)?(?P<ra>{_alt(rel_adj, 'both')}|same)\s+(?P<u>week|month|year|weekend|decade|day|date){E}(?!['’]s\s+(?:game|meeting))", 4)
    def _reladj(m: re.Match[str], text: str) -> list[_Cand] | None:
        ra, u = m["ra"].lower(), m["u"]
        unit = {"week": "W", "month": "M", "year": "Y", "weekend": "WE", "decade": "DE", "day": "D", "date": "D"}[u]
        if m["the"]:
            if text.startswith(" of ", m.end()) and ra in ("past", "last", "next", "following", "previous", "current"):
                return None  # "the last year of the lease"
            if ra in ("past", "last") and unit != "WE":
                val = {"D": "P1D", "W": "P1W", "M": "P1M", "Y": "P1Y", "DE": "P1DE"}[unit]
                return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=val))]
            if ra in ("next", "following", "previous", "same"):
                off = {"next": 1, "following": 1, "previous": -1, "same": 0}[ra]
                return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=off, anaphoric=True))]
            if ra in ("current", "coming"):
                return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=rel_adj[ra]))]
            return None
        if unit == "D" or ra == "same" or prev_words(text, m.start()) in ("the", "that"):
            return None
        if ra in ("following", "previous"):
            return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=rel_adj[ra], anaphoric=True))]
        if ra == "past":
            val = {"W": "P1W", "M": "P1M", "Y": "P1Y", "DE": "P1DE", "WE": "P1WE"}[unit]
            return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=val))]
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=rel_adj[ra]))]

    # "the next day", "that same day", "the following morning"
    @add("anaphoric", rf"{B}(?:[Tt]he|[Tt]hat)\s+(?:same\s+|next\s+|following\s+|previous\s+)?(?P<ra>same|next|following|previous)\s+{POD}", 4)
    def _anaphoric(m: re.Match[str], text: str) -> list[_Cand]:
        off = {"next": 1, "following": 1, "previous": -1, "same": 0}[m["ra"].lower()]
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="D", offset=off, anaphoric=True, pod=pods[m["pod"]], type="TIME"))]

    rdw: dict[str, int] = lex["relative_day_words"]
    # "yesterday", "today", "yesterday afternoon", "last night", "tonight", "this morning", "tomorrow night"
    @add("relday", rf"{B}(?:(?P<w>[Tt]oday|[Yy]esterday|[Tt]omorrow)(?:\s+{POD})?|(?P<tn>[Tt]onight|[Ll]ast\s+night|[Oo]vernight)"
                   rf"|(?P<this>[Tt]his)\s+(?P<pod2>morning|afternoon|evening)){E}", 4)
    def _relday(m: re.Match[str], text: str) -> list[_Cand] | None:
        if m["w"]:
            w = m["w"].lower()
            s = Spec(kind="rel", unit="D", offset=rdw[w], today_ref=True)
            if m["pod"]:
                s.pod, s.type = pods[m["pod"]], "TIME"
            return [_Cand(m.start(), m.end(), s)]
        if m["tn"]:
            t = m["tn"].lower()
            if t == "overnight":
                return None
            return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="D", offset=-1 if t.startswith("last") else 0, pod="NI",
                                                   type="TIME", today_ref=True))]
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="D", offset=0, pod=pods[m["pod2"]], type="TIME", today_ref=True))]

    not_before = set(lex["weekday_name_words_before"])
    not_after = set(lex["weekday_name_words_after"])
    # weekdays: "Tuesday", "last Tuesday", "Friday night", "late Tuesday", "this past Sunday"
    @add("weekday", rf"{B}(?:(?P<el>[Ee]arly|[Ll]ate)\s+)?(?:(?P<ra>[Ll]ast|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming|[Tt]his|[Pp]ast|[Cc]oming)\s+)?{WD}(?:\s+{POD})?{E}", 3)
    def _weekday(m: re.Match[str], text: str) -> list[_Cand] | None:
        if prev_words(text, m.start()) in not_before:
            return None
        nxt = text[m.end() : m.end() + 25].lower()
        if any(nxt.startswith(" " + w) for w in not_after):
            return None
        s = Spec(kind="weekday", weekday=weekdays[m["wd"].lower()])
        if m["ra"]:
            s.weekday_dir = rel_dir(m["ra"])
        else:
            wk = _WEEK_AFTER.match(text, m.end())
            if wk:
                s.week_rel = {"this": 0, "next": 1, "last": -1}[wk[1].lower()]
        if m["pod"]:
            s.pod, s.type = pods[m["pod"]], "TIME"
        return [_Cand(m.start(), m.end(), s)]

    # "on Mondays": a set
    @add("weekday_plural", rf"{B}(?P<wd>{WDN})s{E}", 3)
    def _weekday_plural(m: re.Match[str], text: str) -> list[_Cand]:
        return [_Cand(m.start(), m.end(), Spec(kind="set", type="SET", value=f"XXXX-WXX-{weekdays[m['wd'].lower()]}"))]

    MONTHS_ANY = _alt(full_months, "upper") + "|" + _alt(abbr_months, "upper") + r"\.?"
    # the day a clock time belongs to: right after it ("7 p.m. Tuesday", "8:30 p.m. May 1": one expression) or
    # after "on" ("3 p.m. on Monday": two expressions, the clock time takes Monday's date)
    DAYAFTER = (rf"(?:\s+(?:(?P<wd>{WDN})(?!\s*(?:-|–|through|thru|to)\s*{WDN})"
                rf"(?:\s+(?:morning|afternoon|evening|night)(?!\w)|,?\s+(?P<cm2>{MONTHS_ANY})\s+(?P<cd2>3[01]|[12]\d|0?[1-9])(?!\d))?|(?P<rd>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)"
                rf"|(?P<cm>{MONTHS_ANY})\s+(?P<cd>3[01]|[12]\d|0?[1-9])(?![\d,]\s*\d)){E}"
                rf"|(?=\s+on\s+(?:(?P<wdo>{WDN})|(?P<cmo>{MONTHS_ANY})\s+(?P<cdo>3[01]|[12]\d|0?[1-9]))(?!\w)))?")

    def clock_spec(m: re.Match[str], h: int, mi: int) -> Spec:
        if m["cm"] or m["cmo"] or m["cm2"]:
            return Spec(month=mo(m["cm"] or m["cmo"] or m["cm2"]), day=int(m["cd"] or m["cdo"] or m["cd2"]), hour=h, minute=mi,
                        type="TIME")
        if m["wd"] or m["wdo"]:
            return Spec(kind="weekday", weekday=weekdays[(m["wd"] or m["wdo"]).lower()], hour=h, minute=mi, type="TIME")
        if m["rd"]:
            w = m["rd"].lower()
            return Spec(kind="rel", unit="D", offset=-1 if w.startswith("last") else rdw.get(w, 0), hour=h, minute=mi,
                        type="TIME", today_ref=True)
        return Spec(kind="rel", unit="D", offset=0, hour=h, minute=mi, type="TIME", value=None)

    # clock times: "7 p.m.", "10:30 a.m. Monday", "8 a.m. EST", "noon today", "midnight"
    # "one o'clock" ... "twelve o'clock": the single number words of 1 to 12 ("a", "a dozen" are not hours)
    clock_words = [w for w, v in numw.items() if isinstance(v, int) and 1 <= v <= 12 and w not in ("a", "an")]
    @add("clock", rf"(?<![\w.,:$-])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*{AP}{TZ}|(?P<noon>[Nn]oon|[Mm]idnight|(?P<oc>1[0-2]|[1-9]|{_alt(clock_words, 'lower')})\s+o['’]clock)){DAYAFTER}", 4)
    def _clock(m: re.Match[str], text: str) -> list[_Cand] | None:
        if m["noon"]:
            low = m["noon"].lower()
            if low == "noon":
                h, mi = 12, 0
            elif low == "midnight":
                h, mi = 24, 0
            else:
                n = _num(m["oc"], lex)
                if not isinstance(n, int):
                    return None
                h, mi = n, 0
        else:
            h, mi = hour24(int(m["h"]), m["ap"]), int(m["mi"] or 0)
        s = clock_spec(m, h, mi)
        if tz(m):
            s.value = tz(m)
        return [_Cand(m.start(), m.end(), s)]

    # "7-10:30 a.m.", "from 1 to 2:30 p.m.", "10 a.m.-4 p.m.", "between 7 a.m. and 7 p.m."
    @add("clock_range", rf"(?<![\w.,:$-])(?P<h1>1[0-2]|0?[1-9])(?::(?P<m1>[0-5]\d))?\s*(?P<ap1>[ap]\.\s?m\.?|[ap]m\b)?\s*(?:-|–|to|until|till|and)\s*"
                        rf"(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*{AP}{TZ}{DAYAFTER}", 5)
    def _clock_range(m: re.Match[str], text: str) -> list[_Cand] | None:
        h1, h2 = int(m["h1"]), int(m["h"])
        if not m["ap1"]:
            if prev_words(text, m.start()) not in ("from", "between") and not m["m1"]:
                return None
            ap1 = m["ap"] if (h1 <= h2 and h2 != 12) or h1 == 12 else ("am" if m["ap"].lower().startswith("p") else "pm")
        else:
            ap1 = m["ap1"]
        a = clock_spec(m, hour24(h1, ap1), int(m["m1"] or 0))
        b = clock_spec(m, hour24(h2, m["ap"]), int(m["mi"] or 0))
        e1 = m.end("ap1") if m["ap1"] else (m.end("m1") if m["m1"] else m.end("h1"))
        return [_Cand(m.start(), e1, a), _Cand(m.start("h"), m.end(), b)]

    # opening hours: "9 a.m.-5 p.m. Monday-Friday", "from 5 p.m. to 11 p.m. Tuesday through Sunday": sets, no dates
    CL = r"(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:[ap]\.\s?m\.?|[ap]m\b)?"
    @add("schedule", rf"(?<![\w.,:$-])(?P<t1>{CL})\s*(?:-|–|to|until|till)\s*(?P<t2>{CL})\s+(?:on\s+)?(?P<w1>{WDN})\s*(?:-|–|through|thru|to)\s*(?P<w2>{WDN}){E}", 6)
    def _schedule(m: re.Match[str], text: str) -> list[_Cand] | None:
        out = []
        t1, t2 = (re.match(r"(\d+)(?::(\d+))?\s*([ap])?", m[g]) for g in ("t1", "t2"))
        if t1 is None or t2 is None or not t2[3]:
            return None
        for g, tm in (("t1", t1), ("t2", t2)):
            h = hour24(int(tm[1]), (tm[3] or t2[3]) + "m")
            out.append(_Cand(m.start(g), m.end(g), Spec(kind="set", type="TIME", value=f"XXXX-XX-XXT{h:02d}:{int(tm[2] or 0):02d}")))
        for g in ("w1", "w2"):
            out.append(_Cand(m.start(g), m.end(g), Spec(kind="set", type="SET", value=f"XXXX-WXX-{weekdays[m[g].lower()]}")))
        return out

    # "at 11:45", "called in at 9:00": a clock time without a.m./p.m.; "17:00 GMT Tuesday": a 24-hour time with its zone
    @add("clock_at", rf"(?<=\bat\s)(?P<h>1[0-9]|2[0-3]|0?[0-9]):(?P<mi>[0-5]\d)(?![\d:]|\s*[ap]\.?m)"
                     rf"(?:\s+(?P<rd>this\s+(?P<tp>morning|afternoon|evening)|(?P<tn>tonight|last\s+night)|today|yesterday){E})?"
                     rf"|(?<![\w.,:$-])(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\s+(?P<tz>GMT|UTC)(?:\s+(?P<wd>{WDN}))?{E}", 3)
    def _clock_at(m: re.Match[str], text: str) -> list[_Cand]:
        if m["h2"]:
            s = Spec(kind="rel", unit="D", offset=0, hour=int(m["h2"]), minute=int(m["mi2"]), type="TIME", value="Z")
            if m["wd"]:
                s = Spec(kind="weekday", weekday=weekdays[m["wd"].lower()], hour=s.hour, minute=s.minute, type="TIME")
            return [_Cand(m.start(), m.end(), s)]
        h = int(m["h"])
        if h < 12 and (m["tn"] or m["tp"] in ("afternoon", "evening")):
            h += 12
        s = Spec(kind="rel", unit="D", offset=0, hour=h, minute=int(m["mi"]), type="TIME")
        if m["rd"]:
            s.today_ref = True
            s.offset = -1 if m["rd"].lower().startswith(("last", "yesterday")) else 0
        return [_Cand(m.start(), m.end(), s)]

    # "mid-afternoon", "mid-morning"
    @add("midpod", rf"{B}[Mm]id-?(?P<pod>morning|afternoon|evening){E}", 3)
    def _midpod(m: re.Match[str], text: str) -> list[_Cand] | None:
        nxt = text[m.end() : m.end() + 12].split()
        if nxt and nxt[0][:1].isalpha() and nxt[0].islower() and nxt[0] not in ("and", "or", "on", "to", "when", "as", "in", "at", "the"):
            return None  # "a mid-morning snack"
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="D", offset=0, pod=pods[m["pod"]], type="TIME", mod="MID"))]

    MODS = r"(?:\s+(?:more|full|straight|consecutive|additional|extra|long|short))?"
    # durations: "three weeks", "the past two years", "the next four years", "two years, three months", "an hour"
    @add("duration", rf"{B}(?:(?P<the>[Tt]he\s+(?:past|last|next|first|coming|previous|following|final|last\s+few|past\s+few|next\s+few))\s+)?(?P<n>{NUM}){MODS}\s+{UNIT}"
                     rf"(?:,?\s+(?:and\s+)?(?P<n2>{NUM})\s+(?P<u2>{_alt(units, 'lower')}){E})?", 2)
    def _duration(m: re.Match[str], text: str) -> list[_Cand] | None:
        n = _num(m["n"], lex)
        ntext = m["n"].lower()
        u = m["u"].lower()
        prev = prev_words(text, m.start())
        if ntext in ("a", "an", "one", "some", "few", "many") and not m["the"]:
            if u in ("second", "minute", "day") and prev not in ("for", "in", "within", "over", "than", "about", "nearly", "almost", "after", "just", "only", "least", "in", "of", "once", "twice", "full", "whole"):
                return None  # "a second reading", "opens a day of music"
            if ntext == "one" and u == "day" and prev not in ("for", "in", "within", "over", "than", "about", "after", "just", "only"):
                return None  # "one day" = some day
            if ntext in ("some", "many", "few") and (u in ("day", "week", "month", "year") or prev not in (
                    "for", "in", "within", "over", "after", "than")):
                return None  # "Some days are quieter"
        if ntext == "a" and text[m.end() : m.end() + 3] in (" of", " or"):
            if u in ("day", "second"):
                return None
        val = _duration_value(n, units[u])
        if val is None:
            return None
        if m["n2"]:
            v2 = _duration_value(_num(m["n2"], lex), units[m["u2"].lower()])
            if v2 and val.startswith("P") and "T" not in val and "T" not in v2 and v2[1:] and not val.startswith("PX"):
                val = val + v2[1:]
        s = Spec(kind="dur", type="DURATION", value=val)
        if prev == "since":
            s.unit = "SINCE"
        return [_Cand(m.start(), m.end(), s)]

    # "the next two to three years", "two or three days"
    @add("duration_range", rf"{B}(?:(?P<the>[Tt]he\s+(?:past|last|next|first|coming))\s+)?(?P<n1>{NUM})\s+(?:to|or|-|–)\s+(?P<n>{NUM})\s+{UNIT}", 3)
    def _duration_range(m: re.Match[str], text: str) -> list[_Cand] | None:
        if _num(m["n1"], lex) is None or _num(m["n"], lex) is None:
            return None
        val = _duration_value("X", units[m["u"].lower()])
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=val))] if val else None

    UNIT_SG = "(?P<u>" + _alt([u for u in units if not u.endswith("s")] + ["centurie"], "lower") + ")"
    # ages and adjectival lengths: "55-year-old", "three-year-old", "five-week-old", "a two-year contract", "24-hour", "three week long"
    @add("age", rf"{B}(?P<n>\d+(?:\.\d+)?|{_alt([w for w in numw if ' ' not in w and w not in ('a', 'an', 'few', 'some', 'many', 'several')], 'both')}|half)(?P<sep>-|\s)"
                rf"(?:(?P<n2>{_alt(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'], 'lower')})-)?{UNIT_SG}"
                rf"(?P<old>-olds?|-long|\s+long)?(?![\w-])", 4)
    def _age(m: re.Match[str], text: str) -> list[_Cand] | None:
        if m["sep"] != "-" and not m["old"]:
            return None  # "three week long" needs "long"; "two year" alone is no expression
        n: Any = 0.5 if m["n"].lower() == "half" else _num(m["n"], lex)
        n2 = _num(m["n2"], lex) if m["n2"] else None
        if isinstance(n, int) and isinstance(n2, int):
            n = n + n2
        val = _duration_value(n, units[m["u"].lower()] if m["u"].lower() in units else "CE")
        if val is None:
            return None
        end = m.end("u") if (m["old"] or "").startswith(" ") else m.end()
        return [_Cand(m.start(), end, Spec(kind="dur", type="DURATION", value=val))]

    # "for years", "within days", "hours-long", "the coming weeks", "the months to come"
    PLURAL = "(?P<u>" + _alt([u for u in units if u.endswith("s") and u not in ("seconds", "minutes")], "lower") + ")"
    @add("dur_plural", rf"(?:(?<=\b[Ff]or\s)|(?<=\b[Ww]ithin\s)|(?<=\b[Ii]n\s)){PLURAL}(?![\w-])(?!\s+(?:ago|later|earlier|before|after|to\s+come|past))|{B}{PLURAL.replace('?P<u>', '?P<u2>')}-long{E}", 2)
    def _dur_plural(m: re.Match[str], text: str) -> list[_Cand] | None:
        u = (m["u"] or m["u2"]).lower()
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=_duration_value("X", units[u])))]

    @add("dur_recent", rf"{B}(?:(?P<rec>[Rr]ecent)|(?P<the>[Tt]he)\s+(?:coming|next\s+few|past\s+few|last\s+few|past\s+several|last\s+several|next\s+several|ensuing|intervening))\s+{PLURAL}{E}"
                       rf"|{B}(?:[Tt]he\s+)?{PLURAL.replace('?P<u>', '?P<u2>')}\s+to\s+come{E}", 4)
    def _dur_recent(m: re.Match[str], text: str) -> list[_Cand]:
        u = (m["u"] or m["u2"]).lower()
        return [_Cand(m.start(), m.end(), Spec(kind="dur", type="DURATION", value=_duration_value("X", units[u])))]

    rel_after: dict[str, int] = lex["relative_after"]
    # "two years ago", "a few weeks ago", "one year earlier", "years ago", "hundreds of years ago"
    @add("ago", rf"{B}(?:(?P<n>{NUM})\s+)?{UNIT}\s+(?P<dir>ago|later|earlier){E}", 5)
    def _ago(m: re.Match[str], text: str) -> list[_Cand] | None:
        n = _num(m["n"], lex) if m["n"] else "X"
        unit = units[m["u"].lower()]
        d = rel_after[m["dir"].lower()]
        if m["n"] is None and re.search(r"(?:\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several))\s*$",
                                        text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
            return None  # "two hours later": the count belongs to it, see below
        if unit in ("H", "MIN", "S") and n not in ("X", None):
            val = _duration_value(n, unit)  # "two hours later": how long after, not a calendar date
            return [_Cand(m.start(), m.end("u"), Spec(kind="dur", type="DURATION", value=val))] if val else None
        if n == "X" or unit not in ("D", "W", "M", "Y") or not isinstance(n, int):
            if n == "X" or m["n"] is None:
                return [_Cand(m.start(), m.end(), Spec(kind="ref", value="PAST_REF" if d < 0 else "FUTURE_REF"))]
            if unit in ("DE", "CE") and isinstance(n, int):
                k = 10 if unit == "DE" else 100
                return [_Cand(m.start(), m.end(), Spec(kind="rel", unit="Y", offset=n * k * d, anaphoric=m["dir"] != "ago"))]
            return None
        return [_Cand(m.start(), m.end(), Spec(kind="rel", unit=unit, offset=n * d, anaphoric=m["dir"].lower() != "ago"))]

    # sets: "every year", "each week", "every Tuesday", "every other week"
    @add("set", rf"{B}(?:[Ee]very|[Ee]ach)\s+(?P<o>other\s+)?(?:(?P<u>day|night|morning|evening|afternoon|week|weekend|month|year|summer|spring|fall|winter|hour)|{WD}){E}", 4)
    def _set(m: re.Match[str], text: str) -> list[_Cand]:
        if m["wd"]:
            val = f"XXXX-WXX-{weekdays[m['wd'].lower()]}"
        else:
            u = m["u"]
            val = {"day": "P1D", "night": "P1D", "morning": "P1D", "evening": "P1D", "afternoon": "P1D", "week": "P1W",
                   "weekend": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H"}.get(u, "P1Y")
            if m["o"]:
                val = val.replace("1", "2")
        return [_Cand(m.start(), m.end(), Spec(kind="set", type="SET", value=val))]

    # "$90,000 a year", "ten hours a week", "twice a day", "per month"
    @add("set_rate", rf"{B}(?P<a>a|per)\s+(?P<u>day|week|month|year|hour){E}", 3)
    def _set_rate(m: re.Match[str], text: str) -> list[_Cand] | None:
        if m["a"] == "a":
            before = text[max(0, m.start() - 30) : m.start()].split()
            if not before:
                return None
            last = before[-1].lower().strip(",")
            amount = bool(re.search(r"\d", last)) or last in ("once", "twice", "times", "hours", "dollars", "miles", "cents")
            if not amount and not (len(before) >= 2 and re.search(r"\d|^(?:two|three|four|five|six|seven|eight|nine|ten|several|a few)$", before[-2].lower()) and last.endswith("s")):
                return None
        val = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H"}[m["u"]]
        return [_Cand(m.start(), m.end(), Spec(kind="set", type="SET", value=val))]

    # "annually"; "$40 yearly", "twice daily" (attributive "daily newspaper" is not a set)
    @add("set_adv", rf"{B}(?P<w>annually|yearly|daily|weekly|monthly|nightly|biannually|semiannually){E}", 2)
    def _set_adv(m: re.Match[str], text: str) -> list[_Cand] | None:
        w = m["w"]
        if w not in ("annually", "biannually", "semiannually"):
            before = text[max(0, m.start() - 20) : m.start()].split()
            nxt = text[m.end() : m.end() + 2]
            if not (before and re.search(r"\d|^(?:once|twice|times)$", before[-1].lower())) and nxt[:1] not in (".", ",", ";", ")", '"'):
                return None
        val = {"annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "nightly": "P1D",
               "biannually": "P6M", "semiannually": "P6M"}[w]
        return [_Cand(m.start(), m.end(), Spec(kind="set", type="SET", value=val))]

    refs: dict[str, str] = lex["refs"]
    ref_not_after = set(lex["ref_not_after"])
    ref_not_before = set(lex["ref_not_before"])
    @add("ref", rf"{B}(?P<r>{_alt(refs, 'both')}){E}", 1)
    def _ref(m: re.Match[str], text: str) -> list[_Cand] | None:
        r = re.sub(r"\s+", " ", m["r"].lower())
        prev = prev_words(text, m.start())
        nxt = text[m.end() : m.end() + 15].split()
        nw = nxt[0].lower().strip(",.;:") if nxt else ""
        if prev in ref_not_after and r in ("soon", "now"):
            return None  # "as soon as", "until now" (a boundary, not the present)
        if r == "soon" and nw in ref_not_before:
            return None
        if r in ("the past", "the future") and (nw in ("of", "tense") or (nxt and nxt[0][0].isalpha() and nxt[0][0].islower() and nw not in ("and", "or", "as", "is", "was", "will", "to", "for", "in", "but", "we", "i", "they", "he", "she", "it", "that", "when", "because", "if", "with", "at", "on", "by"))):
            return None  # "the future of the school", "the past president"
        return [_Cand(m.start(), m.end(), Spec(kind="ref", value=refs[r]))]

    hol: dict[str, Any] = lex["holidays"]
    hol_l = {k.lower(): v for k, v in hol.items()}
    def title(h: str) -> str:
        return " ".join(w if w in ("of", "the") else w[0].upper() + w[1:] for w in h.split())

    HOL = "|".join(re.escape(title(h)).replace(r"\ ", r"\s+").replace("'", "['’]") for h in sorted(hol, key=len, reverse=True))
    @add("holiday", rf"{B}(?:(?P<ra>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<h>{HOL}){E}(?:\s+(?P<y>{YEAR4})(?!\d))?", 4)
    def _holiday(m: re.Match[str], text: str) -> list[_Cand] | None:
        key = re.sub(r"\s+", " ", m["h"].lower().replace("’", "'"))
        h = hol_l.get(key)
        if h is None:
            return None
        s = Spec(year=int(m["y"]) if m["y"] else None)
        if isinstance(h, list):
            s.month, s.day = h
        elif h.startswith("easter"):
            s.value, s.month, s.day = h, 4, 1
        else:
            _, mon, _wd, _n = h.split(":")
            s.value, s.month, s.day = h, int(mon), 15
        ra = (m["ra"] or "").lower()
        if ra == "this":
            s.year_rel = 0
        elif ra:
            s.year_dir = rel_dir(ra)
        return [_Cand(m.start(), m.end(), s)]

    compiled = [(name, re.compile(rx), fn, prio) for name, rx, fn, prio in pats]
    missing = [name for name, *_ in pats if name not in _EN_CORES]
    assert not missing, f"patterns without core words: {missing}"

    def words(ws: Any) -> str:
        return "|".join(sorted({re.escape(w.split()[-1].rstrip(".").lower()) for w in ws}, key=len, reverse=True))

    hol_words = {re.sub(r"[^\w]+", " ", w).split()[-1] for w in hol}
    core_rx = {
        "num": r"\d", "month": f"^(?:{words(months)})$", "wd": f"^(?:{words(weekdays)})s?$",
        "season": f"^(?:{words(seasons)})$", "rday": r"^(?:today|yesterday|tomorrow|tonight)$",
        "ref": r"^(?:now|currently|recently|soon|past|future|days|nowadays|present|presently)$",
        "unit": f"^(?:{words(units)}|weekend|date|centurie)$|^(?:{words(units)})(?:s)?$",
        "pod": f"^(?:{words(pods)})$|^mid$", "ordw": f"^(?:{words(ordw)})$",
        "misc": r"^(?:noon|midnight|clock|quarter|half|q[1-4]|every|each|annually|yearly|daily|weekly|monthly|nightly|biannually|semiannually)$",
        "hol": f"^(?:{'|'.join(sorted(map(re.escape, hol_words), key=len, reverse=True))})$",
    }
    # where a sentence ends for the tense cues: not after "p.m.", "Jan.", "Gov." ...
    no_end = "".join(f"(?<!\\b{re.escape(a)})" for a in lex["abbreviations"])
    lex = {**lex, "_sentence_end": re.compile(rf"{no_end}[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")}
    return _Lang(compiled, re.compile(lex["future_cues_re"], re.IGNORECASE), lex, re.compile(lex["past_cues_re"], re.IGNORECASE),
                 {k: re.compile(v) for k, v in core_rx.items()}, _EN_CORES)


@functools.lru_cache(maxsize=4)
def _language(language: str) -> _Lang:
    if language.startswith("en"):
        return _build_en(_raw_lexicon("time_en.json"))
    return _build_de(_raw_lexicon()["de"])


# --------------------------------------------------------------------------- anchoring
@dataclass(slots=True)
class _Point:
    """A (possibly partial) calendar point; BC years are negative."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def as_date(self) -> date | None:
        if self.year and self.year > 0 and self.month and self.day:
            try:
                return date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


def parse_anchor(value: str | date | None) -> date | None:
    """Publication date as a :class:`date` (accepts ISO dates and datetimes); None if unusable."""
    if value is None or isinstance(value, date):
        return value
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _fmt_year(y: int | None) -> str:
    if y is None:
        return "XXXX"
    return f"BC{-y:04d}" if y < 0 else f"{y:04d}"


def _nth_weekday(year: int, rule: str) -> tuple[int, int]:
    """(month, day) of a holiday given as "nth:MONTH:WEEKDAY:N" (N = -1: the last one; N = 0: US Election Day,
    the Tuesday after the first Monday)."""
    _, mon_s, wd_s, n_s = rule.split(":")
    mon, wd, n = int(mon_s), int(wd_s), int(n_s)
    if n == 0:
        first_monday = 1 + (1 - date(year, mon, 1).isoweekday()) % 7
        return mon, first_monday + 1
    if n < 0:
        last = date(year, mon, calendar.monthrange(year, mon)[1])
        return mon, last.day - (last.isoweekday() - wd) % 7
    first = 1 + (wd - date(year, mon, 1).isoweekday()) % 7
    return mon, first + 7 * (n - 1)


def _easter(year: int) -> date:
    # anonymous Gregorian algorithm
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * mm + 114) // 31
    day = (h + ll - 7 * mm + 114) % 31 + 1
    return date(year, month, day)


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _range(value: str) -> tuple[str | None, str | None]:
    """First and last day covered by a calendar value (None when open or BC)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value)
    if m:
        y = int(m[1])
        if m[3]:
            d = f"{y:04d}-{m[2]}-{m[3]}"
            return d, d
        if m[2]:
            mo = int(m[2])
            return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    m = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
    if m:
        try:
            mon = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None, None
        first = mon + timedelta(days=5) if value.endswith("-WE") else mon
        return first.isoformat(), (mon + timedelta(days=6)).isoformat()
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI|H1|H2|Q1|Q2|Q3|Q4)", value)
    if m:
        y, part = int(m[1]), m[2]
        if part in _SEASON_MONTHS:
            a, b = _SEASON_MONTHS[part]
            y2 = y + 1 if part == "WI" else y
        elif part.startswith("H"):
            a, b, y2 = (1, 6, y) if part == "H1" else (7, 12, y)
        else:
            q = int(part[1])
            a, b, y2 = 3 * q - 2, 3 * q, y
        return f"{y:04d}-{a:02d}-01", f"{y2:04d}-{b:02d}-{calendar.monthrange(y2, b)[1]:02d}"
    m = re.fullmatch(r"(\d{3})", value)
    if m:
        return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
    m = re.fullmatch(r"(\d{2})", value)
    if m:
        return f"{m[1]}00-01-01", f"{m[1]}99-12-31"
    return None, None


_ANCHORINGS = ("news", "narrative")
_AHEAD_DAYS = 45  # without any tense cue, a day this close after publication is the coming one
_DE_SENTENCE_END = re.compile(r"[.!?][\"'“”»«)]*\s|\n")
_SINCE_BEFORE = re.compile(r"\b[Ss]eit(?:\s+(?:dem|den|der|einem|jenem))?(?:\s+(?!(?:für|am|zum|bis|auf)\b)\w+){0,2}\s+$")


class _Resolver:
    def __init__(self, text: str, pub: date | None, anchoring: str, lang: _Lang):
        self.text = text
        self.pub = pub
        self.narrative = anchoring == "narrative"
        self.lang = lang
        self.anchor = _Point(pub.year, pub.month, pub.day) if pub else _Point()
        # narrative structure: headings carry the section's year ("1863", "Balkanfeldzug 1941");
        # a sub-heading without a date sends the anchor back to the section year
        self.headings = _headings(text) if self.narrative else []
        self._h = 0
        self.section_year: int | None = None
        self._locked_heading = -1
        self._cur_heading = -1
        self.no_anchor_before = set(lang.lex.get("no_anchor_before", ()))
        # news: a clock time or part of day right after a day ("am Sonntag gegen 22.30 Uhr") belongs to that day
        self.last_day: tuple[_Point, int] | None = None
        self.last_date: _Point | None = None

    def before(self, c: _Cand, prev_end: int) -> None:
        """Called in text order before ``c`` is resolved: apply the headings passed since the last expression."""
        self._cur_heading = -1
        while self._h < len(self.headings) and self.headings[self._h][0] <= c.start:
            hs, he = self.headings[self._h]
            if hs <= c.start < he:
                self._cur_heading = hs
                break
            if hs >= prev_end and self.section_year is not None and self.anchor.year != self.section_year:
                self.anchor = _Point(self.section_year, None, None)
            self._h += 1

    # -- context -----------------------------------------------------------
    def _future(self, start: int, end: int) -> bool:
        return self._tense(start, end) > 0

    def _tense(self, start: int, end: int) -> int:
        """+1 if the sentence speaks of the future here, -1 past, 0 no cue. The tense cue nearest to the
        expression decides ("Im Mai wurde bekannt, dass ... werden" is past; "Die Wahl soll im Mai
        stattfinden" future)."""
        t = self.text
        sent_end = self.lang.lex.get("_sentence_end")
        if sent_end is not None:  # English: "7 p.m. on Monday", "Jan. 5" do not end the sentence
            a = max(0, start - 300)
            # end position start + 1: the boundary's look-ahead needs the expression's first letter
            for m in sent_end.finditer(t, a, start + 1):
                a = m.end()
            nxt = sent_end.search(t, end, min(len(t), end + 301))  # bounded: a search to the text's end per
            # expression made long texts without a sentence end quadratic
            b = min(nxt.start() if nxt else len(t), end + 300)
        else:
            # both searches bounded: unbounded ones made long texts without a full stop quadratic
            lo = max(0, start - 2000)
            a = max(t.rfind(". ", lo, start), t.rfind("\n", lo, start), lo)
            # a paragraph break ends the sentence too: a stop before "\n" let the next paragraph's "soll"
            # make "seit ... des 13. Februar" a future date
            nxt = _DE_SENTENCE_END.search(t, end, min(len(t), a + 402))
            b = min(nxt.start() if nxt else len(t), a + 400)
            if _SINCE_BEFORE.search(t, max(0, start - 30), start):
                return -1  # "seit dem 13. Februar", "seit den frühen Morgenstunden des …": never a coming date

        def nearest(rx: re.Pattern[str] | None) -> int:
            if rx is None:
                return 10**9
            return min((min(abs(m.start() - end), abs(m.end() - start)) for m in rx.finditer(t, a, b)), default=10**9)

        fut, past = nearest(self.lang.future_cues), nearest(self.lang.past_cues)
        if fut == past == 10**9:
            return 0
        return 1 if fut <= past else -1

    def _in_parens(self, start: int) -> bool:
        a = self.text.rfind("(", max(0, start - 80), start)
        return a >= 0 and self.text.rfind(")", a, start) < 0

    def _base(self) -> _Point:
        if self.narrative:
            return self.anchor
        return _Point(self.pub.year, self.pub.month, self.pub.day) if self.pub else _Point()

    # -- resolution --------------------------------------------------------
    def resolve(self, c: _Cand) -> TimeExpression:
        te = self._resolve(c)
        v = te.value or ""
        if te.granularity in ("day", "time") and re.match(r"\d{4}-\d{2}-\d{2}", v):
            self.last_day = (_Point(int(v[:4]), int(v[5:7]), int(v[8:10])), c.end)
        if not self.narrative and te.type in ("DATE", "TIME") and re.match(r"\d{4}(?:-\d{2})?(?:-\d{2})?(?:T|$)", v):
            self.last_date = _Point(int(v[:4]), int(v[5:7]) if len(v) >= 7 else None,
                                    int(v[8:10]) if len(v) >= 10 and v[7] == "-" else None)
        return te

    def _resolve(self, c: _Cand) -> TimeExpression:
        s = c.spec
        te = TimeExpression(start=c.start, end=c.end, text=self.text[c.start : c.end], type=s.type, modifier=s.mod)
        if s.kind == "ref":
            te.value = s.value
            te.granularity = None
            te.anchor = "previous" if self.narrative else "publication"
            return te
        if s.kind in ("dur", "set"):
            if (s.kind == "dur" and not self.narrative and s.unit in ("D", "W", "M", "Y") and s.offset and self.pub
                    and self._future(c.start, c.end)):
                # news: "in zwei Wochen" points at a date
                te.type = "DATE"
                return self._rel(te, Spec(kind="rel", unit=s.unit, offset=s.offset, mod=s.mod), c)
            te.value = s.value
            if s.kind == "dur" and s.unit == "SINCE" and self.pub and not self.narrative:
                # "seit drei Wochen": a span that ends at publication
                te.end_date = self.pub.isoformat()
                te.anchor = "publication"
                m = re.fullmatch(r"P(\d+)([DWMY])", s.value or "")
                if m:
                    n, u = int(m[1]), m[2]
                    if u in "DW":
                        te.begin = (self.pub - timedelta(days=n * (7 if u == "W" else 1))).isoformat()
                    else:
                        k = self.pub.year * 12 + self.pub.month - 1 - (n * 12 if u == "Y" else n)
                        te.begin = date(k // 12, k % 12 + 1, min(self.pub.day, 28)).isoformat()
            return te
        if s.kind == "weekday":
            return self._weekday(te, s, c)
        if s.kind == "rel":
            return self._rel(te, s, c)
        return self._abs(te, s, c)

    def _abs(self, te: TimeExpression, s: Spec, c: _Cand) -> TimeExpression:
        base = self._base()
        bc_context = self.narrative and base.year is not None and base.year < 0
        if s.decade is not None:
            te.value, te.granularity = s.decade, "decade"
            if bc_context and not s.decade.startswith("BC"):
                te.value = "BC" + s.decade  # "Anfang der 460er Jahre" in a text about 490 BC
        elif s.decade2 is not None:
            # "der 90er Jahre" in 2004 are the 1990s: the latest such decade that has begun
            ref = base.year if base.year and base.year > 0 else 1999
            cent = ref // 100 - (1 if (ref // 100) * 100 + s.decade2 * 10 > ref else 0)
            te.value, te.granularity = f"{cent:02d}{s.decade2}", "decade"
            te.anchor = "previous" if self.narrative else ("publication" if self.pub else "none")
        elif s.century is not None:
            te.value, te.granularity = s.century, "century"
        else:
            year = s.year
            anchored = False
            if s.bc_ctx and year is not None and bc_context:
                year = -year
            if year is None and s.year2 is not None:
                cent = (base.year // 100) if base.year and base.year > 0 else 19
                year = cent * 100 + s.year2
            if year is None:
                anchored = True
                if s.year_rel is not None:
                    year = base.year + s.year_rel if base.year is not None else None
                elif self.narrative:
                    # the anchor's year even when the month lies before the anchor's month: rolling
                    # over into the next year ("Dezember ... Januar") lost more than it won on dev
                    year = base.year
                elif self.pub is not None:
                    year = self._nearest_year(s, c)
            month = s.month
            day = s.day
            if day is not None and month is None:
                month = base.month
                anchored = True
            if s.value and s.value.startswith("easter") and year and year > 0:
                d = _easter(year) + timedelta(days=int(s.value[6:]))
                month, day = d.month, d.day
            elif s.value and s.value.startswith("nth:") and year and year > 0:
                month, day = _nth_weekday(year, s.value)
            elif s.value and s.value.startswith(("easter", "nth:")):
                # a moving holiday without a year has no known day, and Easter not even a known month
                day = None
                if s.value.startswith("easter"):
                    month = None
            if day is not None and month is not None and day > calendar.monthrange(year if year and year > 0 else 2000, month)[1]:
                day = None  # "February 30": no such day; the month stays
            if anchored:
                te.anchor = ("previous" if self.narrative else "publication") if year is not None else "none"
            y = _fmt_year(year)
            if s.season:
                te.value, te.granularity = f"{y}-{s.season}", "season"
            elif s.half:
                te.value, te.granularity = f"{y}-H{s.half}", "half"
            elif s.quarter:
                te.value, te.granularity = f"{y}-Q{s.quarter}", "quarter"
            elif month is None:
                te.value, te.granularity = y, "year"
            elif day is None:
                te.value, te.granularity = f"{y}-{month:02d}", "month"
            else:
                te.value, te.granularity = f"{y}-{month:02d}-{day:02d}", "day"
                if s.hour is not None:
                    te.value += f"T{s.hour:02d}:{s.minute or 0:02d}" + (s.value if s.value and s.value[0] in "+Z" else "")
                    te.granularity = "time"
                elif s.pod:
                    te.value += f"T{s.pod}"
                    te.granularity = "time"
            if year is not None:
                self._move(_Point(year, month, day), c)
        te.begin, te.end_date = _range(te.value) if te.value else (None, None)
        return te

    def _nearest_year(self, s: Spec, c: _Cand) -> int:
        """News: the year that puts a month/day/season nearest before (or after, in future context) publication."""
        pub = self.pub
        assert pub is not None
        month = s.month or (_SEASON_MONTHS[s.season][0] if s.season else None) or (1 if s.half == 1 else 7 if s.half else None)
        if month is None:
            return pub.year
        day = s.day or 1
        a, b = s.ctx or (c.start, c.end)
        tense = s.year_dir or self._tense(a, b)
        this = (month, day)
        now = (pub.month, pub.day)
        if s.day is None:
            now = (pub.month, 1)
        if tense > 0:
            return pub.year if this >= now else pub.year + 1
        past = pub.year if this <= now or (s.day is None and month == pub.month) else pub.year - 1
        if tense == 0 and s.day is not None and this > now:
            # no tense cue at all: a day a few weeks ahead is meant, not nearly a year back
            # ("bleiben bis zum 1. Juli geschlossen" on 24 June)
            try:
                ahead = (date(pub.year if this > now else pub.year + 1, month, day) - pub).days
            except ValueError:
                ahead = 999
            if ahead <= _AHEAD_DAYS:
                return pub.year if this > now else pub.year + 1
        lex = self.lang.lex
        if not s.year_dir and this > now and (pub.month, pub.day) < this:
            # English news: "the judge set a hearing for April 24" (past tense) means the coming April 24,
            # and a month or season without any tense cue a few months ahead is the coming one
            months_ahead = month - pub.month
            if s.day is not None and tense < 0 and lex.get("ahead_days_any_tense"):
                try:
                    if (date(pub.year, month, day) - pub).days <= lex["ahead_days_any_tense"]:
                        return pub.year
                except ValueError:
                    pass
            elif s.day is None and tense == 0 and months_ahead <= lex.get("ahead_months_no_tense", 0):
                return pub.year
        return past

    def _move(self, p: _Point, c: _Cand) -> None:
        if not self.narrative or self._in_parens(c.start):
            return
        if self._cur_heading >= 0:
            if self._locked_heading == self._cur_heading:
                return  # "Westfront 1944/1945": the first date of a heading sets the section
            self._locked_heading = self._cur_heading
            if p.year is not None:
                self.section_year = p.year
        else:
            before = self.text[max(0, c.start - 16) : c.start].split()
            prev = before[-1].lower() if before else ""
            if p.month is None and p.day is None and prev in self.no_anchor_before:
                return  # "seit 1939", "bis 1881": a boundary, not where the story is
            if "bis" in (w.lower() for w in before[-2:]):
                return  # "bis ins Frühjahr des nächsten Jahres": an end point the story has not reached
        self.anchor = p

    def _same_sentence_day(self, start: int) -> _Point | None:
        if self.last_day is None:
            return None
        p, end = self.last_day
        gap = self.text[end:start]
        if len(gap) > 60 or re.search(r"[.!?]\s+[A-ZÄÖÜ]|[\n;]", gap):
            return None
        return p

    def _rel(self, te: TimeExpression, s: Spec, c: _Cand) -> TimeExpression:
        base = self._base()
        if (not self.narrative and s.unit == "D" and s.offset == 0 and (s.hour is not None or s.pod) and not s.anaphoric
                and not s.today_ref):
            base = self._same_sentence_day(c.start) or (
                self.last_day[0] if self.last_day and self.lang.lex.get("clock_takes_last_day") else None) or base
        elif not self.narrative and s.anaphoric and self.last_date is not None:
            base = self.last_date
        te.anchor = "previous" if self.narrative or base is self.last_date else "publication"
        if s.today_ref and self.narrative:
            te.value = "PRESENT_REF"
            return te
        unit, n = s.unit, s.offset
        if base.year is None:
            te.anchor = "none"
            te.value = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX"}.get(unit or "D")
            te.granularity = {"D": "day", "W": "week", "WE": "week", "M": "month", "Y": "year"}.get(unit or "D")
            if s.hour is not None:
                te.value = f"XXXX-XX-XXT{s.hour:02d}:{s.minute or 0:02d}"
            elif s.pod:
                te.value = f"XXXX-XX-XXT{s.pod}"
            return te
        p = _Point(base.year, base.month, base.day)
        if unit == "Y":
            p = _Point(base.year + n, None, None)
            te.value, te.granularity = _fmt_year(p.year), "year"
        elif unit == "M" and base.month is not None:
            k = base.year * 12 + base.month - 1 + n
            p = _Point(k // 12, k % 12 + 1, None)
            te.value, te.granularity = f"{_fmt_year(p.year)}-{p.month:02d}", "month"
        elif unit == "DE":  # English "this decade", "the last decade" (German has no relative decades)
            p = _Point(base.year + 10 * n, None, None)
            te.value, te.granularity = f"{(base.year // 10 + n):03d}", "decade"
        elif unit in ("W", "WE") and not (self.narrative and n != 0):
            bd = base.as_date()
            if bd is None:
                te.value, te.granularity = f"{_fmt_year(base.year)}-WXX", "week"
            else:
                wd = bd + timedelta(weeks=n)
                iy, iw, _ = wd.isocalendar()
                te.value, te.granularity = f"{iy:04d}-W{iw:02d}" + ("-WE" if unit == "WE" else ""), "week"
                p = _Point(wd.year, wd.month, None)
        else:  # days (and weeks counted in a narrative)
            d = base.as_date()
            days = n * 7 if unit == "W" else n
            if unit == "M" or d is None:
                # anchor too coarse for day arithmetic: keep what is known
                if base.month is not None and unit == "D" and n == 0:
                    te.value, te.granularity = f"{_fmt_year(base.year)}-{base.month:02d}", "month"
                else:
                    te.value, te.granularity = _fmt_year(base.year), "year"
                    p = _Point(base.year, None, None)
            else:
                dd = d + timedelta(days=days)
                p = _Point(dd.year, dd.month, dd.day)
                te.value, te.granularity = dd.isoformat(), "day"
                if s.hour is not None:
                    te.value += f"T{s.hour:02d}:{s.minute or 0:02d}" + (s.value or "")
                    te.granularity = "time"
                elif s.pod:
                    te.value += f"T{s.pod}"
                    te.granularity = "time"
        te.begin, te.end_date = _range(te.value) if te.value else (None, None)
        backward = n < 0 and unit in ("M", "Y")  # "im Vorjahr", "zwei Jahre zuvor": an aside
        if te.type == "DATE" and te.granularity in ("day", "month", "year") and not backward:
            self._move(p, _Cand(c.start, c.end, s))
        return te

    def _weekday(self, te: TimeExpression, s: Spec, c: _Cand) -> TimeExpression:
        base = self._base()
        d = base.as_date()
        te.anchor = "previous" if self.narrative else "publication"
        if d is None:
            te.anchor = "none"
            te.value, te.granularity = f"XXXX-WXX-{s.weekday}", "day"
            if s.pod:
                te.value += f"T{s.pod}"
            return te
        wd = s.weekday or 1
        delta = wd - d.isoweekday()
        if s.week_rel is not None:
            delta += 7 * s.week_rel
        else:
            if self.narrative:
                direction = s.weekday_dir or 1
            else:
                direction = s.weekday_dir or (1 if self._future(c.start, c.end) else -1)
            if direction > 0 and delta < 0 or (direction > 0 and delta == 0 and s.weekday_dir):
                delta += 7
            elif direction < 0 and delta > 0 or (direction < 0 and delta == 0 and s.weekday_dir):
                delta -= 7
        dd = d + timedelta(days=delta + s.offset)
        te.value, te.granularity = dd.isoformat(), "day"
        if s.hour is not None:  # English "10:30 a.m. Monday" (German patterns give weekdays no clock time)
            te.value += f"T{s.hour:02d}:{s.minute or 0:02d}"
            te.granularity = "time"
        elif s.pod:
            te.value += f"T{s.pod}"
            te.granularity = "time"
        te.begin = te.end_date = dd.isoformat()
        self._move(_Point(dd.year, dd.month, dd.day), c)
        return te


_HEADING = re.compile(r"^[ \t]*([^\n]{2,100}?)[ \t]*$", re.MULTILINE)


def _headings(text: str) -> list[tuple[int, int]]:
    """Lines that look like section headings: short, own line, no closing punctuation, not list items."""
    out = []
    for m in _HEADING.finditer(text):
        line = m.group(1)
        if line[-1] in ".!?:;,)“\"»«" or line[0] in "*-•–(" or len(line.split()) > 12:
            continue
        # a heading sits between blank-ish lines in plain-text articles
        out.append((m.start(1), m.end(1)))
    return out


# --------------------------------------------------------------------------- extraction
_WORD = re.compile(r"\w+")


def _candidates(text: str, lang: _Lang) -> list[_Cand]:
    cands: list[_Cand] = []
    if not lang.core_rx:  # no core index for this language: plain scans
        for _name, rx, fn, prio in lang.patterns:
            for m in rx.finditer(text):
                for c in fn(m, text) or ():
                    c.prio = prio
                    cands.append(c)
        return cands
    # Every expression starts at a word start shortly before one of its pattern's core words, so each
    # pattern is tried (anchored) only there: a few thousand cheap anchored matches per article
    # instead of ~60 regex scans over the whole text.
    starts: list[int] = []
    hits: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        st = m.start()
        starts.append(st)
        for k in lang.word_kinds(m.group().lower()):
            hits.setdefault(k, []).append(st)
    by_kinds: dict[tuple[str, ...], list[int]] = {}
    for name, rx, fn, prio in lang.patterns:
        kinds = lang.cores[name]
        pos = by_kinds.get(kinds)
        if pos is None:
            core = sorted({h for k in kinds for h in hits.get(k, ())})
            sel: set[int] = set()
            for h in core:
                i = bisect.bisect_left(starts, h - _WIN_BEFORE)
                j = bisect.bisect_right(starts, h)
                sel.update(starts[i:j])
            pos = by_kinds[kinds] = sorted(sel)
        match = rx.match
        for p in pos:
            hit = match(text, p)
            if hit is not None:
                for c in fn(hit, text) or ():
                    c.prio = prio
                    cands.append(c)
    return cands


def _select(cands: list[_Cand], n: int) -> list[_Cand]:
    """Longest match wins (then the more specific pattern); no overlaps."""

    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    used = bytearray(n)
    out: list[_Cand] = []
    for c in cands:
        if c.end <= c.start or used.find(1, c.start, c.end) >= 0:
            continue
        used[c.start : c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def extract_times(
    text: str,
    anchor: date | str | None = None,
    language: str = "de",
    anchoring: str = "news",
) -> list[TimeExpression]:
    """All temporal expressions in ``text``, resolved against ``anchor``.

    ``anchor`` is the publication date (a ``date`` or ISO string) or None.
    ``anchoring`` is ``"news"`` (relative expressions against the publication
    date) or ``"narrative"`` (against the last date mentioned; historical text).
    Every returned record satisfies ``text[t.start:t.end] == t.text``.
    """
    if anchoring not in _ANCHORINGS:
        raise ConfigError(f"unknown anchoring {anchoring!r}; choose one of {', '.join(_ANCHORINGS)}")
    lang = _language(language or "de")
    pub = parse_anchor(anchor)
    resolver = _Resolver(text, pub, anchoring, lang)
    out: list[TimeExpression] = []
    prev_end = 0
    selected = _select(_candidates(text, lang), len(text))
    if anchoring == "narrative":
        # a history text's first undated "im August" belongs to the period it is about, not to the
        # document date: start from the first explicit year instead
        first = next((c.spec.year for c in selected if c.spec.kind == "abs" and c.spec.year is not None), None)
        if first is not None:
            resolver.anchor = _Point(first, None, None)
    for c in selected:
        resolver.before(c, prev_end)
        prev_end = c.end
        try:
            out.append(resolver.resolve(c))
        except (ValueError, OverflowError, KeyError) as err:  # impossible dates ("31. Februar")
            log.debug("could not resolve %r: %s", text[c.start : c.end], err)
            out.append(TimeExpression(start=c.start, end=c.end, text=text[c.start : c.end], type=c.spec.type))
    return out


def time_ranges(times: list[TimeExpression], text: str, published: date | str | None = None) -> list[dict[str, Any]]:
    """Pairs of expressions that form a range ("zwischen 1939 und 1945", "von Mai bis Juli 2014", "1939–1945"),
    and "seit 2014" / "seit dem 24. Februar" as a range that runs to the publication date."""
    out: list[dict[str, Any]] = []
    pub = parse_anchor(published)
    if pub is not None:
        for i, a in enumerate(times):
            before = text[max(0, a.start - 9) : a.start].lower().split()
            since = bool(before) and (before[-1] in ("seit", "since") or before[-2:] == ["seit", "dem"])
            if since and a.type == "DATE" and a.begin and a.begin <= pub.isoformat():
                out.append({"from": i, "to": None, "start": a.start, "end": a.end, "text": a.text,
                            "begin": a.begin, "end_date": pub.isoformat()})
    for i in range(len(times) - 1):
        a, b = times[i], times[i + 1]
        if a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME") or not a.begin or not b.end_date:
            continue
        gap = text[a.end : b.start].strip().lower()
        before = text[max(0, a.start - 10) : a.start].lower().split()
        prev = before[-1] if before else ""
        if gap in ("–", "-", "—", "/") or (gap in ("bis", "bis zum", "bis zur", "bis ins") and prev in ("von", "vom", "ab", "seit")) or (
            gap in ("und", "und dem") and prev in ("zwischen",)
        ) or gap in ("to", "until") and prev == "from":
            out.append({"from": i, "to": i + 1, "start": a.start, "end": b.end, "text": text[a.start : b.end],
                        "begin": a.begin, "end_date": b.end_date})
    return out


# --------------------------------------------------------------------------- stage
class TimeStage:
    """Pipeline stage: fills ``doc.times`` (and ``doc.summary["time_ranges"]``).

    Config: ``{"anchoring": "news"}`` (default: relative expressions against
    ``Article.published``) or ``"narrative"`` (against the last mentioned date,
    for historical or background texts). German unless the article's language
    is English.
    """

    name = "times"
    requires: tuple[str, ...] = ("tokens", "sentences")
    assigns: tuple[str, ...] = ("times",)

    def __init__(self, mode: str = "fast", config: dict[str, Any] | None = None):
        self.mode = mode
        self.config = config or {}
        self.anchoring = self.config.get("anchoring", "news")
        if self.anchoring not in _ANCHORINGS:
            raise ConfigError(f"times: unknown anchoring {self.anchoring!r}; choose one of {', '.join(_ANCHORINGS)}")
        _language("de")  # compile the patterns once, at load time

    def __call__(self, doc: Doc) -> Doc:
        lang = (doc.article.language or "de").lower()
        language = "en" if lang.startswith("en") else "de"
        doc.times = extract_times(doc.text, doc.article.published, language=language, anchoring=self.anchoring)
        ranges = time_ranges(doc.times, doc.text, doc.article.published)
        if ranges:
            doc.summary["time_ranges"] = ranges
        return doc
