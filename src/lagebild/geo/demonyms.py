"""Demonyms and country adjectives -> country (ISO alpha-3).

German adjectives inflect ("russisch", "russische", "russischen", "russischer"), person nouns come in
listed forms ("Russe", "Russen", "Russin"), English forms take a plural -s ("Palestinians"). The table is
``data/geo/demonyms.tsv``; other stages (entities, events) import :func:`country_of` for actor coding.
"""

from __future__ import annotations

import functools
from importlib import resources

_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    """lower-cased form -> (iso3, kind) where kind is "adjective" or "demonym"."""
    out: dict[str, tuple[str, str]] = {}
    text = resources.files("lagebild.data").joinpath("geo/demonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3, de_adj, de_nouns, en = (line.split("\t") + ["-"] * 4)[:4]
        for stem in de_adj.split(","):
            stem = stem.strip().lower()
            if stem and stem != "-":
                for ending in _ADJ_ENDINGS:
                    out.setdefault(stem + ending, (iso3, "adjective"))
        for noun in de_nouns.split(","):
            noun = noun.strip().lower()
            if noun and noun != "-":
                out.setdefault(noun, (iso3, "demonym"))
        for form in en.split(","):
            form = form.strip().lower()
            if form and form != "-":
                # English adjectives and person nouns share one form ("Russian", "Russians")
                out.setdefault(form, (iso3, "adjective"))
                if not form.endswith(("s", "men", "ese")):
                    out.setdefault(form + "s", (iso3, "demonym"))
    return out


def lookup(word: str) -> tuple[str, str] | None:
    """(iso3, kind) for a demonym or country adjective, else None. kind: "adjective" | "demonym".

    Continent adjectives ("europäische", "African") give "@" + the GeoNames continent code ("@EU"); region
    adjectives ("kurdische", "Kurdish") give "~" + the gazetteer name of the region ("~Kurdistan"); nations
    inside a country ("englische", "Welsh") give the country and the region's name ("GBR/England")."""
    if not word:
        return None
    w = word.strip().strip("-").lower()
    hit = _table().get(w)
    if hit:
        return hit
    if "-" in w:  # "syrisch-türkischen": the last part carries the inflection; "pro-russischen" is not a country
        head, _, tail = w.rpartition("-")
        if head not in ("pro", "anti", "nicht", "non", "ex", "exil"):
            hit = _table().get(tail)
            if hit:
                return hit
    return None


def country_of(word: str) -> str | None:
    """ISO alpha-3 of the country a demonym or adjective refers to ("russischen" -> "RUS"), else None."""
    hit = lookup(word)
    # "@EU" etc. are continents ("europäische"), "~Kurdistan" regions ("kurdische"): not countries;
    # "GBR/England" is a nation inside a country: the country
    return hit[0].partition("/")[0] if hit and not hit[0].startswith(("@", "~")) else None


def forms() -> dict[str, tuple[str, str]]:
    """Every known form (lower-cased) -> (iso3, kind); read-only view for the toponym finder."""
    return _table()
