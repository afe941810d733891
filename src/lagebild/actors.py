"""Curated actors: countries, places, organisations, armed groups and office holders.

The data lives in ``data/actors.tsv`` (hand-curated, one row per actor; see the
header comment there). This module builds the alias indexes once and answers
``lookup(text)`` for other stages (entities, events, quotes):

>>> from lagebild.actors import lookup
>>> lookup("Kremlchef", year=2022).canonical
'Wladimir Putin'
>>> lookup("russischen").code
'RUS'
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .tsv import read_rows

DATA = Path(__file__).resolve().parent / "data" / "actors.tsv"

# German adjective endings after the stem: russisch|e|en|er|es|em
_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
_ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ActorInfo:
    key: str
    type: str  # PER | ORG | LOC
    kind: str  # country | city | igo | armed_group | military | government | party | person | ...
    canonical: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    country: str | None
    code: str | None
    qid: str | None
    roles: tuple[str, ...]
    year_from: int | None
    year_to: int | None
    match: str = "name"  # how the lookup matched: name | alias | adjective | prefix | role

    def valid_in(self, year: int | None) -> bool:
        """Whether the role descriptions apply in ``year`` (True when either is unknown)."""
        if year is None:
            return True
        if self.year_from is not None and year < self.year_from:
            return False
        return not (self.year_to is not None and year > self.year_to)


def _norm(text: str) -> str:
    return _WS.sub(" ", text.strip())


_ADJ_ENDING = re.compile(r"(?:e|en|er|es|em)$")


def inflection_key(text: str) -> str | None:
    """One key for the inflected forms of a name of several words: the adjective endings of every word before
    the last are cut ("Europäischen Union", "Europäische Union" -> "europäisch union"; "Islamischen Staat" ->
    "islamisch staat"; "russischen Armee" -> "russisch armee"). Short words ("der", "New") are kept whole."""
    words = text.casefold().split()
    if len(words) < 2:
        return None
    return " ".join([_ADJ_ENDING.sub("", w) if len(w) > 5 else w for w in words[:-1]] + [words[-1]])


def _strip_article(text: str) -> str:
    head, _, rest = text.partition(" ")
    return rest if rest and head.lower() in _ARTICLES else text


class ActorIndex:
    """Alias, adjective, compound-prefix and role indexes over the curated file."""

    def __init__(self, rows: list[ActorInfo]) -> None:
        self.actors = rows
        self.by_key = {a.key: a for a in rows}
        self.exact: dict[str, list[ActorInfo]] = {}
        self.folded: dict[str, list[ActorInfo]] = {}
        self.inflected: dict[str, list[ActorInfo]] = {}
        self.adjective: dict[str, list[ActorInfo]] = {}
        self.prefix: dict[str, list[ActorInfo]] = {}
        self.role: dict[str, list[ActorInfo]] = {}
        for a in rows:
            for i, name in enumerate((a.canonical, *a.aliases)):
                tagged = dataclasses.replace(a, match="name" if i == 0 else "alias")
                self.exact.setdefault(name, []).append(tagged)
                if len(name) >= 5:
                    self.folded.setdefault(name.casefold(), []).append(tagged)
                    key = inflection_key(name)
                    # a person's first name is no adjective ("Peter Müller" is not "Petem Müller")
                    if key is not None and (a.type != "PER" or name[:1].islower()):
                        self.inflected.setdefault(key, []).append(tagged)
            for adj in a.adjectives:
                if adj.endswith("-"):
                    self.prefix.setdefault(adj, []).append(dataclasses.replace(a, match="prefix"))
                elif adj[:1].islower():
                    for end in _ADJ_ENDINGS:
                        self.adjective.setdefault(adj + end, []).append(dataclasses.replace(a, match="adjective"))
                else:  # demonym noun ("Russen"): exact, but never shadows a name ("Polen")
                    self.adjective.setdefault(adj, []).append(dataclasses.replace(a, match="adjective"))
            for r in a.roles:
                self.role.setdefault(r.casefold(), []).append(dataclasses.replace(a, match="role"))
        self.max_role_words = max((len(r.split()) for r in self.role), default=1)
        #: casefolded first words of role descriptions, to skip most tokens cheaply
        self.role_first_words = frozenset(r.split()[0] for r in self.role)

    @classmethod
    def from_tsv(cls, path: Path = DATA) -> ActorIndex:
        rows: list[ActorInfo] = []
        for r in read_rows(path):

            def lst(name: str, r: dict[str, str] = r) -> tuple[str, ...]:
                return tuple(x.strip() for x in r.get(name, "").split("|") if x.strip())

            rows.append(ActorInfo(
                key=r["key"], type=r["type"], kind=r["kind"], canonical=r["canonical"].strip(),
                aliases=lst("aliases"), adjectives=lst("adjectives"), country=r["country"] or None,
                code=r["code"] or None, qid=r["qid"] or None, roles=lst("roles"),
                year_from=int(r["from"]) if r.get("from") else None, year_to=int(r["to"]) if r.get("to") else None,
            ))
        return cls(rows)

    # -- queries -------------------------------------------------------------------
    def lookup_all(self, text: str, *, year: int | None = None, roles: bool = True,
                   adjectives: bool = True) -> list[ActorInfo]:
        """Every actor ``text`` may name, best kind of match first (name, folded name, adjective, role, prefix)."""
        t = _norm(text)
        if not t:
            return []
        hits = self.exact.get(t) or self.exact.get(_strip_article(t))
        if hits:
            return _dedupe(hits)
        base = _strip_article(t)
        hits = self.folded.get(base.casefold())
        if not hits and base.endswith("s") and len(base) > 3:  # German genitive: "Putins", "Russlands"
            hits = self.exact.get(base[:-1]) or self.folded.get(base[:-1].casefold())
        if not hits and " " in base:
            # inflected adjective + noun names, the noun perhaps in the genitive ("des Islamischen Staates")
            for form in (base, base[:-1] if base.endswith("s") else "", base[:-2] if base.endswith("es") else ""):
                key = inflection_key(form) if form else None
                hits = self.inflected.get(key) if key else None
                if hits:
                    break
        if hits:
            return _dedupe(hits)
        if adjectives and " " not in base:
            hits = self.adjective.get(base) or self.adjective.get(base.lower())
            if hits:
                return _dedupe(hits)
        if roles:
            hits = [a for a in self.role.get(base.casefold(), []) if a.valid_in(year)]
            if hits:
                return _dedupe(hits)
        if adjectives and "-" in base:
            head = base.split("-", 1)[0] + "-"
            hits = self.prefix.get(head)
            if hits:
                return _dedupe(hits)
        return []

    def lookup(self, text: str, *, year: int | None = None, roles: bool = True,
               adjectives: bool = True) -> ActorInfo | None:
        """The actor ``text`` names, or None (and None when a role fits several actors)."""
        hits = self.lookup_all(text, year=year, roles=roles, adjectives=adjectives)
        if not hits:
            return None
        if hits[0].match == "role" and len({h.canonical for h in hits}) > 1:
            return None
        return hits[0]

    def roles_for(self, text: str, year: int | None = None) -> list[ActorInfo]:
        return [a for a in self.role.get(_norm(text).casefold(), []) if a.valid_in(year)]


def _dedupe(hits: list[ActorInfo]) -> list[ActorInfo]:
    seen: set[str] = set()
    out = []
    for h in hits:
        if h.key not in seen:
            seen.add(h.key)
            out.append(h)
    return out


@functools.lru_cache(maxsize=1)
def default_index() -> ActorIndex:
    return ActorIndex.from_tsv()


def lookup(text: str, *, year: int | None = None, roles: bool = True, adjectives: bool = True) -> ActorInfo | None:
    """Look ``text`` up in the curated actor file (names, aliases, adjectives, role descriptions)."""
    return default_index().lookup(text, year=year, roles=roles, adjectives=adjectives)
