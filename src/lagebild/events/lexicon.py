"""Trigger, actor-role and modality lexicons for the event stage (data in ``lagebild/data``).

Tables are read once (``lru_cache``); token look-ups are memoised per word form, so after a warm-up
matching costs one dict look-up per token. A new word form first meets a pre-filter of the literals the trigger
patterns need, which rules out most words ~10x faster than the regexes.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..tsv import read_rows

DATA = Path(__file__).resolve().parent.parent / "data"
TRIGGERS_FILE = DATA / "event_triggers_de.tsv"
ROLES_FILE = DATA / "actor_roles.tsv"
MODALITY_FILE = DATA / "event_modality_de.tsv"
ROLE_CUES_FILE = DATA / "event_role_cues_de.tsv"


@dataclass(frozen=True, slots=True)
class Trigger:
    lang: str
    kind: str  # verb | noun | phrase
    pattern: str
    particle: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str
    quad: int
    goldstein: float
    needs: str | None
    row: int

    @property
    def generic(self) -> bool:
        """A generic trigger ("killed", "attack") yields to a specific one in the same sentence."""
        return "generic" in (self.needs or "")

    @property
    def root(self) -> str:
        return self.cameo[:2]


def _rows(path: Path) -> list[dict[str, str]]:
    return read_rows(path)


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one ("\\w*(luftangriff|luftschlag)e?" ->
    {"angriff", "schlag"} or longer), or None when the pattern guarantees none. A word containing none of them
    cannot match, which rules out most words with a few substring look-ups instead of a regex over every row."""
    try:
        # the stdlib's own regex parser (Python 3.11+); private, hence the fallback to "no filter"
        sre_parse: Any = importlib.import_module("re._parser")
        consts: Any = importlib.import_module("re._constants")
    except ImportError:
        return None
    BRANCH, LITERAL, SUBPATTERN = consts.BRANCH, consts.LITERAL, consts.SUBPATTERN
    REPEATS = (consts.MAX_REPEAT, consts.MIN_REPEAT)

    def seq(items: list[Any]) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        run: list[str] = []
        options: list[frozenset[str]] = []
        for op, av in items:
            if op is LITERAL:
                run.append(chr(av))
                continue
            if run:
                options.append(frozenset(["".join(run)]))
                run = []
            sub = node(op, av)
            if sub is not None:
                options.append(sub)
        if run:
            options.append(frozenset(["".join(run)]))
        for o in options:  # the set whose shortest string is longest rules out the most words
            if best is None or min(map(len, o)) > min(map(len, best)):
                best = o
        return best

    def node(op: Any, av: Any) -> frozenset[str] | None:
        if op is SUBPATTERN:
            return seq(list(av[-1]))
        if op is BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                sub = seq(list(branch))
                if sub is None:
                    return None
                out |= sub
            return frozenset(out)
        if op in REPEATS and av[0] >= 1:
            return seq(list(av[2]))
        return None

    try:
        found = seq(list(sre_parse.parse(pattern)))
    except Exception:  # noqa: BLE001 - a pattern the private parser reads differently is simply always tried
        return None
    return found if found and all(found) else None


class _LiteralFilter:
    """Does a word contain any of the literals? Literals are indexed by their first three characters."""

    def __init__(self, literals: set[str]):
        self.short = [x for x in literals if len(x) < 3]
        self.by_prefix: dict[str, list[str]] = {}
        for x in literals:
            if len(x) >= 3:
                self.by_prefix.setdefault(x[:3], []).append(x)

    def __call__(self, word: str) -> bool:
        if any(x in word for x in self.short):
            return True
        get = self.by_prefix.get
        for i in range(len(word) - 2):
            for x in get(word[i:i + 3], ()):
                if word.startswith(x, i):
                    return True
        return False


class TriggerLexicon:
    def __init__(self, triggers: list[Trigger]):
        self.triggers = triggers
        self.words: dict[str, list[tuple[re.Pattern[str], Trigger]]] = {}
        self.phrases: dict[str, list[tuple[re.Pattern[str], Trigger]]] = {}
        for t in triggers:
            if t.kind == "phrase":
                self.phrases.setdefault(t.lang, []).append((re.compile(rf"\b(?:{t.pattern})\b"), t))
            else:
                self.words.setdefault(t.lang, []).append((re.compile(t.pattern), t))
        # one alternation per language as a cheap pre-filter before the per-row loop
        self._any = {lang: re.compile("|".join(f"(?:{t.pattern})" for _, t in rows))
                     for lang, rows in self.words.items()}
        # ... and before that, the literals every row needs (a language with a row that needs none has no filter)
        self._literals: dict[str, _LiteralFilter | None] = {}
        for lang, rows in self.words.items():
            need = [required_literals(t.pattern) for _, t in rows]
            self._literals[lang] = None if any(n is None for n in need) else _LiteralFilter(
                {x for n in need if n is not None for x in n})
        self._cache: dict[tuple[str, str, bool], Trigger | None] = {}
        self._row_rx = {t.row: rx for rows in self.words.values() for rx, t in rows}

    @classmethod
    def from_tsv(cls, path: Path = TRIGGERS_FILE) -> TriggerLexicon:
        out = []
        for i, r in enumerate(_rows(path)):
            out.append(Trigger(
                lang=r["lang"], kind=r["kind"], pattern=r["pattern"],
                particle=tuple(p for p in r["particle"].split("|") if p), type=r["type"],
                mode=r["mode"] or None, cameo=r["cameo"], quad=int(r["quad"]), goldstein=float(r["goldstein"]),
                needs=r.get("needs") or None, row=i,
            ))
        return cls(out)

    def match(self, word: str, lang: str) -> Trigger | None:
        """The first trigger row whose pattern matches the whole word (German nouns must be capitalised)."""
        cap = word[:1].isupper()
        key = (word, lang, cap)
        if key in self._cache:
            return self._cache[key]
        hit: Trigger | None = None
        low = word.lower()
        pre = self._any.get(lang)
        literals = self._literals.get(lang)
        if len(low) >= 3 and pre is not None and (literals is None or literals(low)) and pre.fullmatch(low):
            for rx, t in self.words[lang]:
                # German: nouns are capitalised, verbs are not (sentence-initial verbs are rare in news)
                if lang == "de" and (t.kind == "noun") != cap:
                    continue
                if rx.fullmatch(low):
                    hit = t
                    break
        if hit is None and lang == "de" and cap and "-" in word[1:]:
            # hyphenated compound: the head after the last hyphen carries the event ("NATO-Angriffe",
            # "Berlin-Blockade")
            modifier, head = word.rsplit("-", 1)
            if len(head) >= 3 and head[:1].isupper():
                hit = self.match(head, lang)
                hit = hit if hit is not None and hit.kind == "noun" else None
                if hit is not None and role_cues().has(
                        "not_event_modifier", hit.type, modifier.rsplit("-", 1)[-1].lower()):
                    hit = None
        elif hit is not None and lang == "de" and hit.kind == "noun" and self._peaceful_modifier(low, hit):
            hit = None
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[key] = hit
        return hit

    def _peaceful_modifier(self, low: str, hit: Trigger) -> bool:
        """Is the closed compound a non-violent modifier plus a word that alone fires the same row
        ("panikattacke" = "panik" + "attacke")? The modifiers are listed in the role-cue file."""
        cues = role_cues()
        rx = self._row_rx[hit.row]
        return any(cues.has("not_event_modifier", hit.type, low[:i]) and rx.fullmatch(low[i:])
                   for i in range(2, len(low) - 3))

    def alternatives(self, word: str, lang: str) -> list[Trigger]:
        """Every row that matches the word, in file order: a separable verb form ("wies") belongs to the first
        row whose particle the clause has ("wies ... zurück" REJECT, "wies ... aus" COERCE)."""
        cap = word[:1].isupper()
        low = word.lower()
        return [t for rx, t in self.words.get(lang, []) if (lang != "de" or (t.kind == "noun") == cap)
                and rx.fullmatch(low)]


@dataclass(frozen=True, slots=True)
class EnglishActors:
    names: dict[str, str]

    def code(self, text: str) -> str | None:
        t = text.strip()
        hit = self.names.get(t) or (self.names.get(t[:-1]) if t.endswith("s") else None)
        if hit:
            return hit
        return _pycountry_alpha3(t)


@functools.lru_cache(maxsize=4096)
def _pycountry_alpha3(name: str) -> str | None:
    if not name[:1].isupper() or len(name) < 4:
        return None
    try:
        import pycountry

        c = pycountry.countries.get(name=name) or pycountry.countries.get(common_name=name)
        return c.alpha_3 if c else None
    except (ImportError, LookupError, KeyError):
        return None


@functools.lru_cache(maxsize=1)
def english_actors() -> EnglishActors:
    return EnglishActors({r["word"]: r["code"] for r in _rows(DATA / "event_actors_en.tsv")})


@functools.lru_cache(maxsize=1)
def triggers() -> TriggerLexicon:
    return TriggerLexicon.from_tsv()


# "ern" is the dative plural of -er plurals ("Kindern", "Mitgliedern")
ROLE_ENDINGS = "(?:e|en|n|er|es|s|innen|in|nen|ern)?"
# a role stem after one of these inside a word is a derivation, not a compound head: "Entführung" is no
# "Führung", "Bestellung" no "Stellung", "Erzielen" no "Ziel"
_INSEPARABLE_PREFIXES = {"ent", "ver", "be", "er", "zer", "ge", "miss", "emp"}
# a role stem plus one of the endings that spells another word: "Premiere" (a first night) is no "Premier"
_ROLE_LOOKALIKES = ("premiere", "premieren")


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    de: re.Pattern[str]
    de_roles: dict[str, str]
    en: re.Pattern[str]
    en_roles: dict[str, str]
    modes: dict[str, str]

    def role_de(self, word: str) -> tuple[str, str | None] | None:
        """(role code, implied attack mode) for a German actor noun, else None."""
        if not word[:1].isupper():
            return None
        low = word.lower()
        m = self.de.search(low)
        if m is None or low[:m.start(1)] in _INSEPARABLE_PREFIXES or low.endswith(_ROLE_LOOKALIKES):
            return None
        return self.de_roles[m.group(1)], self.modes.get("de:" + m.group(1))

    def role_en(self, word: str) -> tuple[str, str | None] | None:
        w = word.lower()
        role = self.en_roles.get(w)
        return (role, self.modes.get("en:" + w)) if role else None


@functools.lru_cache(maxsize=1)
def roles() -> RoleLexicon:
    de: dict[str, str] = {}
    en: dict[str, str] = {}
    modes: dict[str, str] = {}
    for r in _rows(ROLES_FILE):
        (de if r["lang"] == "de" else en)[r["stem"]] = r["role"]
        if r.get("mode"):
            modes[f"{r['lang']}:{r['stem']}"] = r["mode"]
    de_alt = "|".join(re.escape(s) for s in sorted(de, key=len, reverse=True))
    en_alt = "|".join(re.escape(s) for s in sorted(en, key=len, reverse=True))
    return RoleLexicon(
        de=re.compile(rf"({de_alt}){ROLE_ENDINGS}$"), de_roles=de,
        en=re.compile(rf"\b({en_alt})\b", re.I), en_roles=en, modes=modes,
    )


@dataclass(frozen=True, slots=True)
class ModalityCue:
    lang: str
    flag: str
    rx: re.Pattern[str]
    phrase: bool
    scope: str
    frame: str | None = None
    # scope "governs": the cue is a noun (rx) whose attribute, introduced by ``link`` (a preposition or a genitive
    # article), holds the trigger ("Forderung nach einem Waffenstillstand", "Gefahr eines Anschlags")
    link: re.Pattern[str] | None = None


@functools.lru_cache(maxsize=1)
def modality() -> list[ModalityCue]:
    out = []
    for r in _rows(MODALITY_FILE):
        pat = r["pattern"]
        scope = r.get("scope") or "clause"
        frame = r.get("frame") or None
        if scope.startswith("governs"):
            noun, link = pat.split(" ")
            out.append(ModalityCue(r["lang"], r["flag"], re.compile(noun), False, scope, frame, re.compile(link)))
            continue
        phrase = " " in pat
        out.append(ModalityCue(r["lang"], r["flag"], re.compile(rf"\b(?:{pat})\b" if phrase else pat),
                               phrase, scope, frame))
    return out


@dataclass(frozen=True, slots=True)
class RoleCues:
    """German clause cues for roles (``data/event_role_cues_de.tsv``): a word set per (cue, type) when the
    pattern is a plain list of words (all rows so far), else a compiled pattern."""

    words: dict[tuple[str, str], frozenset[str]]
    rx: dict[tuple[str, str], re.Pattern[str]]

    def has(self, cue: str, etype: str, word: str) -> bool:
        for key in ((cue, etype), (cue, "*")):
            ws = self.words.get(key)
            if ws is not None and word in ws:
                return True
            rx = self.rx.get(key)
            if rx is not None and rx.fullmatch(word):
                return True
        return False

    def any_in(self, cue: str, etype: str, words: set[str]) -> bool:
        for key in ((cue, etype), (cue, "*")):
            ws = self.words.get(key)
            if ws is not None and not ws.isdisjoint(words):
                return True
            rx = self.rx.get(key)
            if rx is not None and any(rx.fullmatch(w) for w in words):
                return True
        return False


@functools.lru_cache(maxsize=1)
def role_cues() -> RoleCues:
    words: dict[tuple[str, str], frozenset[str]] = {}
    rx: dict[tuple[str, str], re.Pattern[str]] = {}
    for r in _rows(ROLE_CUES_FILE):
        key, pat = (r["cue"], r["type"]), r["words"]
        alts = pat.split("|")
        if all(a.replace("'", "").isalpha() for a in alts):
            words[key] = words.get(key, frozenset()) | frozenset(alts)
        else:
            rx[key] = re.compile(pat)
    return RoleCues(words, rx)
