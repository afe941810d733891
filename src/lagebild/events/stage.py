"""Event stage: lexicon triggers in fitting clauses, German clause cues for roles, modality flags.

Precision first: an event is emitted only for a lexicon trigger (or, in accurate mode, a confident
classifier hit on a sentence with an actor). A trigger inside a negated, hypothetical, reported or
historical clause is still emitted, with the flag set; exports skip flagged events by default.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..doc import Doc
from ..quotes import cues as speech_cues
from ..records import Actor, Event, EventMention, Place, Token
from ..segment import stts, tag_is
from .dedup import dedup_article
from .lexicon import ModalityCue, Trigger, english_actors, modality, role_cues, roles, triggers

log = logging.getLogger(__name__)

_CLAUSE_PUNCT = {",", ";", ":", "(", ")", "–", "—", "-", "\"", "„", "“", "”", "«", "»", "‚", "‘", "’", "'"}
_SUBORD_DE = {"dass", "weil", "obwohl", "nachdem", "bevor", "als", "während", "damit", "wenn", "falls", "ob",
              "sodass", "indem", "seit", "seitdem", "der", "die", "das", "dem", "den", "denen", "deren", "dessen"}
_PREPS_DE = {"von", "vom", "durch", "auf", "gegen", "mit", "in", "im", "bei", "beim", "nach", "aus", "an", "am",
             "über", "unter", "vor", "für", "zu", "zum", "zur", "um", "wegen", "seitens", "nahe", "laut", "zwischen",
             "seit", "ab", "bis", "trotz", "ohne", "neben", "hinter", "gegenüber", "aufgrund", "infolge", "während",
             "innerhalb", "außerhalb", "unweit", "gemäß", "entlang", "statt", "ins", "aufs", "vors", "ans"}
# words in -er that are not genitive adjectives
_NOT_GENITIVE_ER = {"wieder", "weiter", "später", "bisher", "immer", "sicher", "oder", "aber", "außer", "entweder",
                    "jeder", "einer", "aller", "vier", "unser", "euer", "ihrer", "seiner", "deren", "mehrerer",
                    "erster", "zuvor", "daher", "ferner", "nimmer", "hierüber", "darüber", "wer", "weder"}
_QUANT_DE = {"rund", "etwa", "mindestens", "knapp", "fast", "insgesamt", "ca", "zirka", "circa", "nahezu", "weitere",
             "weiteren", "hunderte", "tausende", "dutzende", "zehntausende", "hunderttausende"}
_NUMBER_WORDS_DE = {"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
                    "zwanzig", "dreißig", "hundert", "tausend", "dutzend", "beiden", "weitere", "weiteren"}
# adverbs that may stand inside a governed noun phrase ("gegen die zunächst geduldeten Proteste")
_ADV_DE = {"zunächst", "bereits", "schon", "noch", "erneut", "wieder", "weiterhin", "kürzlich", "offenbar",
           "angeblich", "teilweise", "zuvor", "später", "massiv", "heftig", "besonders", "sehr", "bislang",
           "mutmaßlich", "vermutlich", "insbesondere", "auch", "nur"}
_QUOTES = {"\"", "„", "“", "”", "«", "»", "‚", "‘", "’"}
_HABEN_DE = {"hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten"}
# instrumental adjuncts: the clause's active subject uses the means ("Rebellen hätten durch eine Straßenblockade
# Zivilisten eingeschlossen"); other adjuncts only locate the event in time ("Nach der Flucht ... führten ...")
_INSTRUMENT_PREPS_DE = {"durch", "mit"}
_PREPS_EN = {"by", "on", "against", "with", "in", "at", "near", "from", "to", "for", "of", "into", "over"}
_DETS_DE = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "ihre",
            "ihren", "ihrer", "seine", "seinen", "seiner", "mehrere", "zahlreiche", "viele", "einige"}
_OBJ_DETS_DE = {"den", "dem", "einen", "einem", "ihren", "seinen"}
_PASSIVE_AUX_DE = {"wurde", "wurden", "worden", "wird", "werden", "geworden"}
_PASSIVE_AUX_EN = {"was", "were", "been", "being", "is", "are", "be"}
_CONJ = {"und", "sowie", "and"}
_CONJ_DE = {"und", "oder", "sowie", "aber"}
# a separated particle that is also an article counts only where a noun phrase cannot follow it: "bestellte den
# Botschafter ein." is the particle, "bestellte ein Bier" the article
_ARTICLE_PARTICLES = {"ein"}
# a separated particle that is also a preposition counts only at the end of its clause, before punctuation, a
# conjunction or a subordinator: "griff ... an." is the particle, "griff nach dem Glas an der Bar" the preposition
_PREPOSITION_PARTICLES = {"an", "auf", "aus", "vor", "zu", "ab", "mit", "nach", "bei", "um", "über", "durch"}
_AFTER_CLAUSE_END_DE = {"und", "oder", "sowie", "aber", "sondern", "denn", "doch", "dass", "weil", "obwohl",
                        "nachdem", "bevor", "als", "damit", "wenn", "falls", "ob", "sodass", "indem", "wie", "um"}
_KONJ1_DE = {"habe", "sei", "seien", "hätten", "wären"}
_ARMED_ROLES = {"MIL", "REB", "INS", "UAF"}
_SPAN_NOUNS_DE = {"stunden", "tage", "tagen", "wochen", "monate", "monaten", "jahre", "jahren", "nächte", "nächten"}
_NEHMEN_DE = {"nehmen", "nimmt", "nahm", "nahmen", "genommen", "nehme"}
# needs value of a trigger row -> (cue of the word's other sense, cue of the event sense) in event_role_cues_de.tsv:
# the trigger is dropped in a sentence with words of the other sense unless words of the event sense are there too
_SENSE_NEEDS = {"inquiry": ("study_context", "inquiry_context"), "complaint": ("medical_context", "complaint_context"),
                "flight": ("animal_context", "human_context")}
# personal pronouns that can only be a subject (not "sie", "es": also accusative)
_NOMINATIVE_PRONOUNS_DE = {"er", "ich", "wir", "du"}
# intransitive verbs of dying as the trigger itself: their subject died ("dass 15 Zivilisten starben, als …")
_DYING_DE = re.compile(r"(starb|starben|sterben|stirbt|gestorben|umgekommen|umkamen|ums)$")
# "Schmuggeltunnel an der Grenze zu Ägypten": the country across the border is not where the event happened
_ACROSS_BORDER = re.compile(r"\b(?:[Gg]renze|Grenzübergang|Grenzübergänge|Grenzübergängen)\s+(?:zu|zum|zur|nach)\s+$")
_END_OF = re.compile(r"\bende\s+(?:der|des|dieser|dieses|seiner|seines|ihrer|ihres|aller)\b")
# object-noun fallback for attacks and seizures (``_object_np``)
_ACC_DETS_DE = {"den", "einen", "ihren", "seinen", "das"}
_SUBJ_DETS_DE = {"der", "die", "das", "ihr", "sein", "ein", "eine"}
_TIME_NOUNS_DE = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "morgen",
                  "abend", "nacht", "tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "jahr", "jahre",
                  "jahren", "wochenende", "mittag", "nachmittag", "vormittag", "zeit", "stunden", "minuten"}
_SETTING_PREPS_DE = {"bei", "beim", "während"}
_SPEECH_ACTS = {"REQUEST", "ACCUSE", "THREATEN"}  # a rejected demand/accusation/threat was still made
_ADJ_ENDING = re.compile(r"\w{3,}(e|en|er|es|em)$")
_ZU_INF = re.compile(r"(ab|an|auf|aus|bei|ein|fest|frei|mit|nach|vor|weg|zu|zurück|zusammen|durch|um|über)zu\w+en")
_SOLLEN = {"soll", "sollen"}
# modes whose genitive is the patient ("Festnahme des Oppositionsführers"), not the agent
# ("Abzug der Truppen", "Flucht der Zivilisten": the ones who leave are the source)
_PATIENT_GENITIVE = {"arrest", "deport", "release", "abduct", "execute", "assassinate", "torture", "confiscate",
                     "disarm", "recruit"}
# an attack by an air force is an air strike, by artillery or tanks a heavy-weapons attack (CAMEO 195 / 194)
_MODE_CAMEO = {"aerial": "195", "heavy-weapons": "194"}
_PARTICIPLE = re.compile(r"^(\w{0,8}?)ge\w+(t|en)$")
# participles without ge-: -ieren verbs ("bombardiert") and inseparable prefixes ("zerstört", "erschossen");
# the -en forms look like infinitives, so they count only next to an unambiguous past auxiliary
_PARTICIPLE_T = re.compile(r"^(\w+iert|(be|er|ver|zer|ent|emp|miss)\w+t)$")
_PARTICIPLE_EN = re.compile(r"^(be|er|ver|zer|ent|emp|miss)\w+en$")
_PAST_PASSIVE_AUX_DE = {"wurde", "wurden", "worden"}
# "sind ... getötet (worden)": with a transitive attack/coercion verb, sein + participle is a passive
_SEIN_DE = {"ist", "sind", "war", "waren", "sei", "seien", "sein", "gewesen"}
_AUXILIARIES_DE = _PASSIVE_AUX_DE | _SEIN_DE | _HABEN_DE
# nouns after which "von" is partitive ("eine Gruppe von US-Marines"), not the agent marker
_PARTITIVE_DE = {"gruppe", "reihe", "dutzende", "hunderte", "tausende", "anzahl", "zahl", "teil", "mehrzahl",
                 "hälfte", "einheit", "trupp", "kommando", "konvoi", "verband", "zug", "bündnis", "koalition",
                 "allianz", "vielzahl", "mehrheit", "menge"}
# "nach Angaben der Regierung", "Berichten des Senders zufolge": the reporter, not a participant
_REPORT_NOUNS_DE = {"angaben", "informationen", "berichten", "aussagen", "darstellung", "schätzungen",
                    "einschätzung", "erkenntnissen", "meldungen", "quellen"}
# relational nouns: the name after them is the other party ("Gegner Mubaraks"), not their affiliation
_RELATIONAL_DE = re.compile(r"(gegner|anhänger|unterstützer)(n|in|innen)?$")
# prepositions of a frame adjunct ("Bei einem Anschlag ...", "durch eine Straßenblockade"): the event noun in them
# takes its roles from the clause's verb
_ADJUNCT_PREPS_DE = {"bei", "beim", "durch", "mit", "während", "nach", "infolge", "unter", "in", "im"}
_RELPRON_DE = {"der", "die", "das", "welche", "welcher", "den", "dem", "denen"}
_ADJ = re.compile(r"isch(e|en|er|es|em)?$")
_EN_TARGET_PREPS = {"to", "with", "from", "in", "into", "against", "on", "at"}
_CONDITIONAL = {"if", "unless", "falls", "wenn", "sofern"}
# which frame names a hypothetical event when several cues apply; "rejected" marks the event hypothetical but
# names no frame of its own (in _flags a rejected speech act is handled before this ranking)
_FRAME_RANK = {"threat": 0, "demand": 1, "intent": 2}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _copy(a: Actor) -> Actor:
    return Actor(text=a.text, start=a.start, end=a.end, code=a.code, country=a.country, qid=a.qid, entity=a.entity)


@functools.lru_cache(maxsize=8192)
def _is_actor_name(word: str) -> bool:
    from .. import actors

    return actors.lookup(word, roles=False, adjectives=False) is not None


@dataclass
class _Cand:
    """An actor candidate: a token span with its code."""

    i: int  # first token index (document-wide)
    j: int  # token index after the last
    actor: Actor
    kind: str  # name | role | place | demonym
    mode: str | None = None  # attack mode the actor implies (Luftwaffe -> aerial)


@dataclass
class _Hit:
    tok: int
    trig: Trigger
    start: int
    end: int
    extra: list[int] = field(default_factory=list)


@functools.lru_cache(maxsize=8192)
def _country_of(word: str) -> str | None:
    """ISO alpha-3 for a demonym adjective or prefix ("russischen", "US-"); geo helper first, else actor file."""
    try:  # the geo helper's demonym table, when it exists
        from ..geo.demonyms import country_of  # type: ignore[import-not-found]

        c = country_of(word)
        if c:
            return str(c)
    except Exception:  # noqa: BLE001 - optional module, any failure falls back
        pass
    from .. import actors

    info = actors.lookup(word, roles=False)
    if info is not None and info.kind in ("country", "territory") and info.country:
        return info.country
    return None


def main_event(events: list[Event]) -> Event | None:
    """The headline event of a sentence: specific triggers before generic ones, then the earliest."""
    if not events:
        return None
    lex = triggers()

    def generic(ev: Event) -> bool:
        t = lex.match(ev.trigger, "en") or lex.match(ev.trigger, "de")
        return bool(t and t.generic)

    return min(events, key=lambda e: (generic(e), e.trigger_start))


def cameo_coded(ev: Event) -> tuple[str, str | None]:
    """(PLOVER type, CAMEO code) as CAMEO codes the sentence: an unrealised event framed as an intent is an
    intent to cooperate (03, AGREE) or a threat (13, THREATEN), a demanded one a demand (10, REQUEST), a
    negated cooperative one a rejection (12, REJECT); everything else keeps its own type."""
    coop = (ev.quad_class or 4) <= 2
    if ev.negated and coop and ev.type != "REJECT":
        return "REJECT", "12"
    if ev.hypothetical and ev.frame:
        if ev.frame == "demand" and ev.type != "REQUEST":
            return "REQUEST", "10"
        if (ev.frame == "threat" or not coop) and ev.type != "THREATEN":
            return "THREATEN", "13"
        if ev.frame == "intent" and coop and ev.type not in ("AGREE", "REJECT"):
            return "AGREE", "03"
    return ev.type, ev.cameo


def _bare_attack(h: _Hit) -> bool:
    """A generic attack noun without a mode of its own ("Angriff", "Attacken", "Massenangriffe")."""
    t = h.trig
    return t.lang == "de" and t.type == "ASSAULT" and t.kind == "noun" and t.mode is None \
        and re.search(r"angriff|attack", t.pattern) is not None


def _zu_infinitive_at(toks: list[Token], m: int, end: int) -> bool:
    """A zu-infinitive without a comma starts at token m ("wirft Schelling vor zu unterstellen")."""
    return toks[m].text.lower() == "zu" and m + 1 < end and toks[m + 1].text.islower() \
        and toks[m + 1].text.endswith("en")


def _noun_reading(tag: str) -> bool:
    return not tag or tag.startswith("N") or stts(tag) in ("ADJA", "FM", "XY")


def _verb_reading(tag: str) -> bool:
    return not tag or tag.startswith(("V", "ADJ"))


def _not_finite_full_verb(tag: str) -> bool:
    return stts(tag) != "VVFIN"


def _participle(tag: str) -> bool:
    return stts(tag) == "VVPP"


def _untagged_or_finite(tag: str) -> bool:
    return stts(tag) in ("", "VVFIN")


class EventStage:
    name = "events"
    requires: tuple[str, ...] = ("tokens", "sentences")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, mode: str = "fast", config: dict[str, Any] | None = None):
        self.mode = mode
        self.config = config or {}
        self.lex = triggers()
        self.roles = roles()
        self.modality = modality()
        self.cues = role_cues()
        self._cyber = next((t for t in self.lex.triggers if t.lang == "de" and t.mode == "cyber"), None)
        self._criticism = next((t for t in self.lex.triggers if t.lang == "de" and t.type == "ACCUSE"
                                and t.cameo == "111" and t.kind == "noun"), None)
        self.use_classifier = bool(self.config.get("classifier", mode == "accurate"))
        # HanTa POS checks noun/verb readings and participles of German triggers in both modes, so that the events
        # do not depend on which sentences other stages happened to tag (fast mode used to read such leftovers).
        # Fast mode tags a sentence (tags only, no lemmas) only when the word's possible tags leave the check open;
        # accurate mode tags every trigger sentence with lemmas up front, which the token output then carries.
        self.use_pos = bool(self.config.get("pos", mode == "accurate"))
        self._classifier: Any = None

    # -- driver ------------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        code = (doc.article.language or "de").lower()
        lang = "en" if code.startswith("en") else "de" if code.startswith("de") else code
        events: list[Event] = []
        if lang not in self.lex.words:
            # no trigger lexicon for this language: only the (multilingual) classifier, when it is on
            doc.events = dedup_article(self._classify(doc, lang, set()), doc.article.id) if self.use_classifier else []
            return doc
        phrase_hits = self._phrase_hits(doc, lang)
        for si in range(len(doc.sentences)):
            hits = self._sentence_hits(doc, si, lang, phrase_hits.get(si, []))
            if not hits:
                continue
            if lang == "de" and self.use_pos:
                try:
                    from ..segment import ensure_pos

                    ensure_pos(doc, si)
                except Exception as exc:  # noqa: BLE001 - POS is an aid, never a hard requirement
                    log.debug("POS tagging failed for sentence %d: %s", si, exc)
            events.extend(self._events_for(doc, si, lang, hits))
        if self.use_classifier:
            events.extend(self._classify(doc, lang, {e.start for e in events}))
        doc.events = dedup_article(self._attach_generic(doc, events, lang), doc.article.id)
        return doc

    def _attach_generic(self, doc: Doc, events: list[Event], lang: str) -> list[Event]:
        """An actorless generic mention ("Dabei wurden 20 Menschen getötet") right after an event of the same
        type belongs to that event: it becomes one of its mentions and lends it its fatality count (and its targets
        when the event has none)."""
        out: list[Event] = []
        for ev in events:
            prev = out[-1] if out else None
            t = self.lex.match(ev.trigger, lang)
            if (prev is not None and t is not None and t.generic and not ev.sources
                    and prev.type == ev.type and prev.hypothetical == ev.hypothetical
                    and prev.negated == ev.negated
                    and doc.sentence_of(ev.start) - doc.sentence_of(prev.start) <= 1):
                prev.mentions.append(EventMention(start=ev.start, end=ev.end, text=ev.text, trigger=ev.trigger,
                                                  trigger_start=ev.trigger_start, trigger_end=ev.trigger_end,
                                                  article_id=doc.article.id))
                if ev.fatalities is not None and (prev.fatalities or 0) < ev.fatalities:
                    prev.fatalities = ev.fatalities
                if ev.targets and not prev.targets:
                    prev.targets = ev.targets  # "eine Gewaltwelle, bei der 28 Israelis starben": the dead are its targets
                continue
            out.append(ev)
        return out

    # -- trigger finding -----------------------------------------------------------------------------------
    def _phrase_hits(self, doc: Doc, lang: str) -> dict[int, list[_Hit]]:
        out: dict[int, list[_Hit]] = {}
        rows = self.lex.phrases.get(lang, [])
        if not rows or not doc.sentences:
            return out
        low = doc.text.lower()
        for rx, t in rows:
            for m in rx.finditer(low):
                s, e = (m.start("t"), m.end("t")) if "t" in rx.groupindex else m.span()
                si = doc.sentence_of(s)
                tok = self._token_at(doc, si, s)
                if tok is None:
                    continue
                if lang == "en" and doc.text[s:s + 1].isupper() and tok != doc.sentences[si].token_start:
                    continue  # part of a name ("the Ceasefire Violations Committee")
                out.setdefault(si, []).append(_Hit(tok, t, s, e))
        return out

    @staticmethod
    def _token_at(doc: Doc, si: int, char: int) -> int | None:
        sent = doc.sentences[si]
        for k in range(sent.token_start, sent.token_end):
            if doc.tokens[k].start <= char < doc.tokens[k].end or doc.tokens[k].start >= char:
                return k
        return None

    def _sentence_hits(self, doc: Doc, si: int, lang: str, phrase_hits: list[_Hit]) -> list[_Hit]:
        sent = doc.sentences[si]
        hits = list(phrase_hits)
        taken = {h.tok for h in hits}
        for k in range(sent.token_start, sent.token_end):
            tok = doc.tokens[k]
            if k in taken or len(tok.text) < 3:
                continue
            t = self.lex.match(tok.text, lang)
            if t is None:
                continue
            if t.kind == "verb" and tok.text[:1].isupper() and k != sent.token_start:
                continue  # German: a capitalised verb form mid-sentence is a noun; English: part of a name
            if t.particle and t.kind == "verb" and not self._has_particle(doc, si, k, t):
                t = next((u for u in self.lex.alternatives(tok.text, lang)
                          if u is not t and (not u.particle or self._has_particle(doc, si, k, u))), t)
            hits.append(_Hit(k, t, tok.start, tok.end))
        hits.sort(key=lambda h: h.start)
        if lang == "de" and any(_bare_attack(h) for h in hits) and self._cyber is not None and self.cues.any_in(
                "cyber_context", "ASSAULT", {doc.tokens[m].text.lower() for m in range(sent.token_start,
                                                                                       sent.token_end)}):
            # "diese Angriffe via Internet", "im Rahmen der Attacke ... Daten abgezapft": a cyber attack (PLOVER
            # COERCE, mode cyber), as the compounds "Hackerangriff" and "Cyberattacke" are
            for h in hits:
                if _bare_attack(h):
                    h.trig = self._cyber
        if lang == "de" and self._sport_sentence(doc, si, hits):
            # "war im Angriff zu harmlos", "trotz vieler Angriffe kein Treffer": a team's attack
            hits = [h for h in hits if not _bare_attack(h)]
        if lang == "de" and self._criticism is not None:
            self._verbal_attacks(doc, si, hits)
        return hits

    def _sport_sentence(self, doc: Doc, si: int, hits: list[_Hit]) -> bool:
        """A sentence with a bare attack noun and a word of a match (`sport_context`: Treffer, Trainer, Defensive,
        Titel ...), but no armed actor or police, weapon, injury or other violent trigger."""
        if not any(_bare_attack(h) for h in hits) or any(
                h.trig.type in ("ASSAULT", "COERCE") and not _bare_attack(h) for h in hits):
            return False
        sent = doc.sentences[si]
        words = {doc.tokens[m].text.lower() for m in range(sent.token_start, sent.token_end)}
        if not self.cues.any_in("sport_context", "ASSAULT", words) or self.cues.any_in("death", "*", words) \
                or self.cues.any_in("violence_context", "ASSAULT", words):
            return False
        return not any((role := self.roles.role_de(doc.tokens[m].text)) is not None
                       and (role[0] in _ARMED_ROLES or role[0] == "COP")
                       for m in range(sent.token_start, sent.token_end))

    def _verbal_attacks(self, doc: Doc, si: int, hits: list[_Hit]) -> None:
        """A politician's attack on a rival is criticism (PLOVER ACCUSE, CAMEO 111 disapprove), not violence:
        "scharfe Attacken auf den Herausforderer" in a TV debate, "griff die Ministerin scharf an". Only a bare
        attack noun or the verb "angreifen", with a speech modifier right before it ("scharf", "persönlich",
        "verbal") or a word of politics in the sentence (`verbal_context`), and no death, injury or other violent
        trigger in the sentence."""
        assert self._criticism is not None
        toks = doc.tokens
        sent = doc.sentences[si]
        attacks = [h for h in hits if _bare_attack(h) or (h.trig.lang == "de" and h.trig.type == "ASSAULT"
                                                          and h.trig.kind == "verb" and "greif" in h.trig.pattern)]
        if not attacks or any(h not in attacks and h.trig.type in ("ASSAULT", "COERCE") for h in hits):
            return
        words = {toks[m].text.lower() for m in range(sent.token_start, sent.token_end)}
        if self.cues.any_in("death", "*", words) or self.cues.any_in("violence_context", "ASSAULT", words):
            return
        in_context = self.cues.any_in("verbal_context", "ASSAULT", words)
        for h in attacks:
            before = [h.tok - 1]
            if h.trig.kind == "verb":
                before += [m - 1 for m in range(h.tok + 1, sent.token_end) if toks[m].text == "an"][:1]
            modified = any(m >= sent.token_start and self.cues.has("verbal_modifier", "ASSAULT", toks[m].text.lower())
                           for m in before)
            if in_context or modified:
                c = self._criticism
                h.trig = replace(h.trig, type=c.type, mode=c.mode, cameo=c.cameo, quad=c.quad, goldstein=c.goldstein)

    @staticmethod
    def _has_particle(doc: Doc, si: int, k: int, t: Trigger) -> bool:
        """A separable verb has its particle: fused ("angegriffen") or later in the clause ("griff ... an")."""
        toks = doc.tokens
        if toks[k].text.lower().startswith(t.particle):
            return True
        end = doc.sentences[si].token_end
        # the particle closes the clause, which may run past a quotation ("rief ... zum „Krieg“ auf")
        stop = next((m for m in range(k + 1, end) if toks[m].text in (",", ";")), end)
        if any(toks[m].text.lower() in t.particle and not (
                toks[m].text.lower() in _ARTICLE_PARTICLES and m + 1 < stop and toks[m + 1].text.isalpha()
                and toks[m + 1].text.lower() not in _CONJ_DE) and not (
                toks[m].text.lower() in _PREPOSITION_PARTICLES and m + 1 < end
                and toks[m + 1].text[:1].isalnum() and toks[m + 1].text.lower() not in _AFTER_CLAUSE_END_DE
                and not _zu_infinitive_at(toks, m + 1, end))
               for m in range(k + 1, stop)):
            return True
        # or it closes the sentence after an inserted clause ("lehnte die Forderung, ... zu prüfen, ab.")
        last = end - 1
        while last > k and not toks[last].text.isalpha():
            last -= 1
        return last > stop and toks[last].text.lower() in t.particle and toks[last - 1].text == ","

    # -- clauses -----------------------------------------------------------------------------------------------
    def _clause(self, doc: Doc, si: int, k: int, lang: str) -> tuple[int, int]:
        """Token range [a, b) of the clause around token k: bounded by punctuation and subordinators."""
        sent = doc.sentences[si]
        toks = doc.tokens

        def quote_inside(m: int) -> bool:
            """A quotation mark inside a clause ("hätten „unschuldige Zivilisten kaltblütig getötet“"): not next
            to a comma, colon or the sentence edge, so it quotes words, not a whole statement."""
            if toks[m].text not in _QUOTES or m <= sent.token_start or m + 1 >= sent.token_end:
                return False
            return toks[m - 1].text not in (",", ":", ";") and toks[m + 1].text not in (",", ":", ";", ".")

        def date_comma(m: int) -> bool:
            """The comma of a date apposition ("am Mittwoch, den 16. September über 80 Menschen")."""
            return (toks[m].text == "," and m + 2 < sent.token_end and toks[m + 1].text.lower() in ("den", "dem")
                    and toks[m + 2].text[:1].isdigit())

        def list_comma(m: int) -> bool:
            """A comma inside an enumeration ("Südafrika, Großbritannien und die Vereinigten Staaten werden"):
            nouns on both sides and a short run of nouns up to the "und"."""
            if toks[m].text != "," or m <= sent.token_start or not toks[m - 1].text[:1].isupper():
                return False
            run: list[str] = []
            for x in range(m + 1, min(sent.token_end, m + 6)):
                if toks[x].text.lower() in _CONJ:
                    return bool(run) and run[-1][:1].isupper() and all(
                        w[:1].isupper() or w.lower() in _DETS_DE or w.lower() in ("die", "das") for w in run)
                run.append(toks[x].text)
            return False

        a = k
        while a > sent.token_start:
            prev = toks[a - 1].text
            if prev == ")" and lang == "de":  # "am Mittwoch ( 26.06 ) insgesamt 35 Personen": skip the aside
                o = next((m for m in range(a - 2, max(sent.token_start, a - 12) - 1, -1) if toks[m].text == "("),
                         None)
                if o is not None and o > sent.token_start:
                    a = o
                    continue
            if prev in _CLAUSE_PUNCT and not (lang == "de" and (quote_inside(a - 1) or list_comma(a - 1)
                                                                or date_comma(a - 1))):
                break
            a -= 1
        b = k + 1
        while b < sent.token_end:
            t = toks[b].text
            if t == "(" and lang == "de":
                c = next((m for m in range(b + 1, min(sent.token_end, b + 12)) if toks[m].text == ")"), None)
                if c is not None and c + 1 < sent.token_end:
                    b = c + 1
                    continue
            if t in _CLAUSE_PUNCT and not (lang == "de" and (quote_inside(b) or date_comma(b))):
                break
            if lang == "de" and t.lower() in {"dass", "weil", "obwohl", "nachdem", "bevor", "damit", "sodass"}:
                break
            b += 1
        return a, b

    # -- actors --------------------------------------------------------------------------------------------------
    def _candidates(self, doc: Doc, a: int, b: int, lang: str) -> list[_Cand]:
        toks = doc.tokens
        start, end = toks[a].start, toks[b - 1].end
        cands: list[_Cand] = []
        covered: set[int] = set()
        tok_index = {t.start: i for i, t in enumerate(toks[a:b], a)}
        from .. import actors as actor_file

        amounts = [(q.start, q.end) for q in doc.quantities if start <= q.start < end]
        for ent in doc.entities:
            if ent.start < start or ent.end > end:
                continue
            if any(qs <= ent.start and ent.end <= qe for qs, qe in amounts):
                continue  # part of an amount ("11,3 Milliarden Euro"), not an actor
            i = tok_index.get(ent.start)
            if i is None:
                continue
            j = i
            while j < b and toks[j].end <= ent.end:
                j += 1
            code, country, mode = ent.actor_code, ent.country, None
            kind = "name"
            if ent.label == "LOC" and not (code and len(code) > 3):
                kind = "place"
                if country is None:
                    country = self._place_country(doc, ent.start, ent.end)
                    if country is None:
                        info = actor_file.lookup(ent.text, roles=False)
                        country = info.country if info is not None else None
                code = code or country
            elif not code:
                # a generic body the tagger marked as a name ("Luftwaffe", "Armee"): code it by its role noun
                rm = self.roles.role_de(ent.text.split()[-1]) if lang == "de" else self.roles.role_en(ent.text)
                if rm is not None and rm[0] != "-":
                    code, mode = ((country or "") + rm[0]) or None, rm[1]
            cand = _Cand(i, j, Actor(text=ent.text, start=ent.start, end=ent.end, code=code, country=country,
                                     qid=ent.qid, entity=ent.entity), kind, mode)
            cands.append(cand)
            covered.update(range(i, j))

        k = a
        while k < b:
            if k in covered:
                k += 1
                continue
            tok = toks[k]
            rm = self.roles.role_de(tok.text) if lang == "de" else self.roles.role_en(tok.text)
            if rm is not None:
                cand = self._role_actor(doc, k, a, b, rm[0], lang)
                cand.mode = rm[1]
                cands.append(cand)
                covered.add(k)
                k += 1
                continue
            if lang == "en" and tok.text[:1].isupper():
                found = self._english_actor(doc, k, b)
                if found is not None:
                    cands.append(found)
                    covered.update(range(found.i, found.j))
                    k = found.j
                    continue
            if lang == "de" and tok.text[:1].isupper() and not doc.entities:
                # no entity layer: look names up in the curated actor file (two-word names first)
                info, j = None, k + 1
                if k + 1 < b and toks[k + 1].text[:1].isupper():
                    info = actor_file.lookup(f"{tok.text} {toks[k + 1].text}", roles=False, adjectives=False)
                    j = k + 2
                if info is None:
                    info, j = actor_file.lookup(tok.text, roles=False, adjectives=False), k + 1
                if info is not None and (info.code or info.country):
                    span_s, span_e = toks[k].start, toks[j - 1].end
                    cands.append(_Cand(k, j, Actor(text=doc.text[span_s:span_e], start=span_s, end=span_e,
                                                   code=info.code or info.country, country=info.country,
                                                   qid=info.qid),
                                       "place" if info.kind in ("city", "region") else "name"))
                    covered.update(range(k, j))
                    k = j
                    continue
            if lang == "de" and tok.text[:1].isupper() and k > doc.sentences[doc.sentence_of(tok.start)].token_start \
                    and not (k + 1 < b and toks[k + 1].text[:1].isupper()) and tok.text.replace("-", "").isalpha():
                iso = _country_of(tok.text)  # a demonym noun: "militanter Palästinenser", "zwei Iraner"
                if iso and not _is_actor_name(tok.text):
                    cands.append(_Cand(k, k + 1, Actor(text=tok.text, start=tok.start, end=tok.end, code=iso,
                                                       country=iso), "role"))
                    covered.add(k)
            k += 1
        cands.sort(key=lambda c: c.i)
        return self._merge_appositions(doc, cands) if lang == "de" else cands

    @staticmethod
    def _merge_appositions(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
        """A role noun and the name that follows it are one actor: "Bundeskanzlerin Angela Merkel" (apposition),
        "Vertreter von Amnesty International", "Truppen der NATO" (affiliation); the name's code wins."""
        toks = doc.tokens
        out: list[_Cand] = []
        for c in cands:
            prev = out[-1] if out else None
            if (prev is not None and prev.kind in ("role", "object") and c.kind == "name"
                    and not _RELATIONAL_DE.search(prev.actor.text.lower())):
                gap = [toks[m].text.lower() for m in range(prev.j, c.i)]
                if not gap or (len(gap) == 1 and gap[0] in ("von", "der", "des")):
                    s, e = prev.actor.start, c.actor.end
                    a = c.actor
                    out[-1] = _Cand(prev.i, c.j, Actor(text=doc.text[s:e], start=s, end=e, code=a.code or prev.actor.code,
                                                       country=a.country or prev.actor.country, qid=a.qid,
                                                       entity=a.entity), prev.kind, prev.mode)
                    continue
            out.append(c)
        return out

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def _is_country(text: str) -> bool:
        from .. import actors as actor_file

        info = actor_file.lookup(text, roles=False)
        return info is not None and info.kind == "country"

    @staticmethod
    def _place_country(doc: Doc, start: int, end: int) -> str | None:
        for p in doc.places:
            if p.start == start and p.end == end:
                return p.country_iso3
        return None

    def _english_actor(self, doc: Doc, k: int, b: int) -> _Cand | None:
        """Country/organisation names or demonyms (1-3 capitalised words), with a following role noun."""
        toks = doc.tokens
        names = english_actors()
        for n in (3, 2, 1):
            if k + n > b or not all(toks[m].text[:1].isupper() or toks[m].text in ("of", "and")
                                    for m in range(k, k + n)):
                continue
            span = doc.text[toks[k].start:toks[k + n - 1].end]
            bare = span[:-2] if span.endswith(("'s", "’s")) else span
            code = names.code(bare)
            qid = None
            if code is None:  # people and bodies of the curated actor file ("Putin", "NATO")
                from .. import actors as actor_file

                info = actor_file.lookup(bare, roles=False, adjectives=False)
                if info is None or not (info.code or info.country):
                    continue
                code, qid = info.code or info.country, info.qid
            j = k + n
            role = None
            if j < b:
                rm = self.roles.role_en(toks[j].text)
                if rm is None and j + 1 < b:
                    rm2 = self.roles.role_en(f"{toks[j].text} {toks[j + 1].text}")
                    if rm2 is not None:
                        rm, j = rm2, j + 1
                if rm is not None:
                    role = rm[0]
                    j += 1
            assert code is not None
            country = code[:3] if len(code) >= 3 and code[:3] not in ("IGO", "NGO", "IMG") else None
            full = code + (role or "") if len(code) == 3 and code not in ("IGO", "NGO") else code
            s, e = toks[k].start, toks[j - 1].end
            return _Cand(k, j, Actor(text=doc.text[s:e], start=s, end=e, code=full, country=country, qid=qid),
                         "name")
        return None

    def _role_actor(self, doc: Doc, k: int, a: int, b: int, role: str, lang: str) -> _Cand:
        toks = doc.tokens
        tok = toks[k]
        country = None
        i = k
        if "-" in tok.text:  # "US-Soldaten", "Nato-Truppen"
            head = tok.text.split("-", 1)[0]
            country = _country_of(head)
        j = k - 1
        while country is None and j >= max(a, k - 3):
            w = toks[j].text
            if w.lower() in _DETS_DE or w.lower() in {"the", "a"}:
                j -= 1
                continue
            adjective = w[:1].islower() or lang == "en" or _ADJ.search(w) is not None  # "Russische Truppen"
            c = _country_of(w) if adjective and w.replace("-", "").isalpha() else None
            if c:
                country, i = c, j
                break
            if not w[:1].islower() or w.lower() in _PREPS_DE:
                break
            j -= 1
        if country is None and lang == "de" and k + 2 < b and toks[k + 1].text in ("der", "des"):
            c = _country_of(toks[k + 2].text.rstrip("s")) or _country_of(toks[k + 2].text)
            if c:  # "die Armee Syriens", "Truppen der Ukraine"
                country = c
        s, e = toks[i].start, tok.end
        if role == "-":  # a facility or object noun: only ever a target
            return _Cand(i, k + 1, Actor(text=doc.text[s:e], start=s, end=e, code=None, country=country), "object")
        code = (country or "") + role
        return _Cand(i, k + 1, Actor(text=doc.text[s:e], start=s, end=e, code=code or None, country=country), "role")

    # -- events for one sentence --------------------------------------------------------------------------------
    def _events_for(self, doc: Doc, si: int, lang: str, hits: list[_Hit]) -> list[Event]:
        out: list[Event] = []
        toks = doc.tokens
        sent = doc.sentences[si]
        seen_clause_type: set[tuple[int, str]] = set()
        claimed: dict[tuple[int, str], Event] = {}
        cache: dict[tuple[int, int], list[_Cand]] = {}

        def verb_types(a: int, b: int) -> set[str]:
            """Types of the verb triggers in the clause ("kritisierte den Anschlag": ACCUSE)."""
            return {x.trig.type for x in hits if x.trig.kind == "verb" and a <= x.tok < b}

        def clause_cands(a: int, b: int) -> list[_Cand]:
            if (a, b) not in cache:
                cache[(a, b)] = self._candidates(doc, a, b, lang)
            return cache[(a, b)]
        for h in sorted(hits, key=lambda x: (x.trig.generic, x.start)):  # specific triggers claim a clause first
            t = h.trig
            a, b = self._clause(doc, si, h.tok, lang)
            if lang == "de" and t.kind in ("noun", "verb") and not tag_is(
                    doc, h.tok, _noun_reading if t.kind == "noun" else _verb_reading):
                continue
            if t.particle and t.kind == "verb" and not self._has_particle(doc, si, h.tok, t):
                continue
            if t.needs and "violence" in t.needs and not any(
                    x.trig.type in ("ASSAULT", "COERCE") and not (x.trig.needs and "violence" in x.trig.needs)
                    for x in hits):
                continue  # deaths are an attack only where the sentence names violence ("Bei dem Umsturz ...")
            if t.needs and "military" in t.needs and not self._military_context(doc, si, h, hits):
                continue  # "in der Offensive" of a football team
            if lang == "de" and _bare_attack(h) and h.tok > a and toks[h.tok - 1].text.lower() == "in" \
                    and any(toks[m].text.lower() in _NEHMEN_DE for m in range(a, b)):
                continue  # "die Sanierung in Angriff nehmen", "nahm die letzte Etappe in Angriff": to tackle
            if t.needs and "negotiation" in t.needs and not self._talks(doc, si, h.tok):
                continue  # "Der Angeklagte erschien nicht zur Verhandlung": a court hearing
            if t.needs and "topic" in t.needs and self._listed_topic(doc, si, h.tok):
                continue  # "eine Tagung über Asyl, Flucht und Integration": a subject of debate, no one fled
            needed = next((n for n in _SENSE_NEEDS if n in (t.needs or "")), None)
            if needed is not None:
                other_sense, this_sense = _SENSE_NEEDS[needed]
                words = {toks[m].text.lower() for m in range(sent.token_start, sent.token_end) if m != h.tok}
                if self.cues.any_in(other_sense, t.type, words) and not self.cues.any_in(this_sense, t.type, words):
                    continue  # "laut der Untersuchung": a study, no inquiry; "leiden unter Beschwerden": symptoms
            if (a, t.type) in seen_clause_type:
                # a second trigger of the same type in the clause ("Bei dem Luftangriff ... getötet") fills the
                # roles the first one left empty
                first = claimed.get((a, t.type))
                if first is not None and not (first.sources and first.targets):
                    s2, t2 = self._roles_for(doc, h, a, b, clause_cands(a, b), lang, verb_types(a, b))
                    have = {(x.start, x.end) for x in first.sources + first.targets}
                    if not first.sources:
                        first.sources = [x for x in s2 if (x.start, x.end) not in have]
                    if not first.targets:
                        first.targets = [x for x in t2 if (x.start, x.end) not in have
                                         and (x.start, x.end) not in {(y.start, y.end) for y in first.sources}]
                continue
            cands = clause_cands(a, b)
            sources, targets = self._roles_for(doc, h, a, b, cands, lang, verb_types(a, b))
            mode, cameo = t.mode, t.cameo
            if t.type == "ASSAULT" and t.mode is None:
                mode = next((c.mode for c in cands if c.mode and any((c.actor.start, c.actor.end) == (s.start, s.end)
                                                                     for s in sources)), None)
                cameo = _MODE_CAMEO.get(mode or "", cameo)
            if lang == "de" and not sources and t.kind == "verb" and toks[a].text.lower() == "um" \
                    and h.tok > a and toks[h.tok - 1].text.lower() == "zu":
                # "..., um gegen die NPD zu demonstrieren": the purpose clause shares the main clause's subject
                ante = self._subject_before(doc, a, lang)
                if ante is not None and ante.kind != "object":
                    sources = [_copy(ante.actor)]
            if lang == "de" and not sources and t.kind == "noun" and not verb_types(a, b) \
                    and _PASSIVE_AUX_DE & {toks[m].text.lower() for m in range(a, b)} \
                    and not any(toks[m].text.lower() in speech_cues().verbs
                                and toks[m].text.lower() not in _AUXILIARIES_DE
                                for m in range(h.tok + 1, b)):
                # "Die Ermittlungen wurden von der Kriminalpolizei übernommen": with a light verb (no trigger of its
                # own) the passive agent is the event noun's source; the agent of a verb of saying only reports it
                # ("Die Bodenoffensive wurde von einer Armeesprecherin bestätigt")
                agent = next((c for c in cands if c.i > h.tok and c.kind in ("role", "name")
                              and self._agent_marked(doc, a, c.i)), None)
                if agent is not None:
                    sources = [_copy(agent.actor)]
            if lang == "de" and not targets and t.kind == "verb" and t.type in ("ASSAULT", "COERCE"):
                obj = self._object_np(doc, a, b, h.tok, sources)
                if obj is not None:
                    targets = [obj]
            if t.needs == "agent" and not sources:
                continue
            if lang == "de" and self.cues.any_in("not_event", t.type,
                                                 {toks[m].text.lower() for m in range(a, b) if m != h.tok}):
                continue  # "Das Erdbeben forderte 35 Todesopfer": caused deaths, not a demand
            if lang == "de" and t.kind == "verb" and h.tok + 2 < sent.token_end and toks[h.tok + 1].text == "," \
                    and self.cues.has("complement", t.type, toks[h.tok + 2].text.lower()):
                continue  # "um zu demonstrieren, wie weltoffen China sei": to show something, no protest
            flags = self._flags(doc, si, a, b, h, lang)
            if t.generic and flags["accident"]:
                continue
            place, precision = self._place(doc, si, a, b)
            if not targets and t.type in ("ASSAULT", "COERCE") and place is not None and place.country_iso3:
                pass  # the place stays the place; it is not promoted to a target actor
            date, date_prec = self._date(doc, si, a, b)
            if date and not flags["historical"] and doc.article.published:
                if date[:4].isdigit() and int(date[:4]) < int(doc.article.published[:4]) - 1:
                    flags["historical"] = True
            ev = Event(
                start=sent.start, end=sent.end, text=sent.text, trigger=doc.text[h.start:h.end],
                trigger_start=h.start, trigger_end=h.end, type=t.type, mode=mode, cameo=cameo,
                quad_class=t.quad, goldstein=t.goldstein, sources=sources, targets=targets, place=place,
                place_precision=precision, date=date, date_precision=date_prec, negated=flags["negated"],
                hypothetical=flags["hypothetical"], frame=flags["frame"], reported=flags["reported"], reported_by=flags["reported_by"],
                historical=flags["historical"], confidence=self._confidence(t, sources, targets, flags),
                fatalities=self._fatalities(doc, sent.start, sent.end) if t.type == "ASSAULT" else None,
                method="lexicon",
            )
            seen_clause_type.add((a, t.type))
            claimed[(a, t.type)] = ev
            out.append(ev)
        out.sort(key=lambda e: e.trigger_start)
        return out

    def _talks(self, doc: Doc, si: int, k: int) -> bool:
        """The singular "Verhandlung" names talks, not a court hearing: "Verhandlung mit der Gewerkschaft", "nach
        zwei Tagen Verhandlung", "der Vertrag ist noch in Verhandlung" (parliament's "in Verhandlung nehmen" is a debate), or
        a word of talks (`negotiation_context`: Kapitel, Gewerkschaft, Gipfel ...) and none of a court
        (`court_context`) in the sentence."""
        toks = doc.tokens
        sent = doc.sentences[si]
        words = {toks[m].text.lower() for m in range(sent.token_start, sent.token_end) if m != k}
        after = toks[k + 1].text.lower() if k + 1 < sent.token_end else ""
        before = toks[k - 1].text.lower() if k > sent.token_start else ""
        if after in ("mit", "über", "zwischen") or before in _SPAN_NOUNS_DE:
            return True
        if before == "in" and not words & _NEHMEN_DE:
            return True
        return self.cues.any_in("negotiation_context", "CONSULT", words) and not self.cues.any_in(
            "court_context", "CONSULT", words)

    def _listed_topic(self, doc: Doc, si: int, k: int) -> bool:
        """A noun without a determiner listed beside a topic word (`topic_coordinate`: Migration, Integration,
        Vertreibung ...) across a comma or a conjunction: "Asyl und Flucht", "Armut, Flucht und
        Neuanfang"."""
        toks = doc.tokens
        sent = doc.sentences[si]
        if k > sent.token_start and toks[k - 1].text.lower() in _DETS_DE | _PREPS_DE:
            return False
        for step in (-1, 1):
            m = k + step
            if not (sent.token_start <= m < sent.token_end) or toks[m].text.lower() not in {",", "und", "oder",
                                                                                            "sowie"}:
                continue
            m += step
            if sent.token_start <= m < sent.token_end and self.cues.has("topic_coordinate", "*",
                                                                        toks[m].text.lower()):
                return True
        return False

    def _military_context(self, doc: Doc, si: int, h: _Hit, hits: list[_Hit]) -> bool:
        """An armed actor noun, a state, a "militär-" word, a "gegen" right after the trigger or another act of
        violence in the sentence: "die türkische Offensive gegen die PKK", "hatten die Rebellen eine Offensive
        gestartet"."""
        toks = doc.tokens
        sent = doc.sentences[si]
        if h.tok + 1 < sent.token_end and toks[h.tok + 1].text.lower() == "gegen":
            return True
        if any(x is not h and x.trig.type in ("ASSAULT", "COERCE") and "military" not in (x.trig.needs or "")
               for x in hits):
            return True
        for m in range(sent.token_start, sent.token_end):
            w = toks[m].text
            if m == h.tok:
                continue
            if w.lower().startswith("militär"):
                return True
            role = self.roles.role_de(w)
            if role is not None and role[0] in _ARMED_ROLES:
                return True
            if w[:1].isupper() and w.isalpha() and self._is_country(w):
                return True  # "Russland droht mit einer neuen Offensive" (a national team's too, rarely)
        return False

    @staticmethod
    def _confidence(t: Trigger, sources: list[Actor], targets: list[Actor], flags: dict[str, Any]) -> float:
        c = 0.6 if t.kind == "noun" else 0.65
        c += 0.15 if sources else 0.0
        c += 0.1 if targets else 0.0
        return round(min(c, 0.95), 2)

    def _roles_for(self, doc: Doc, h: _Hit, a: int, b: int, cands: list[_Cand],
                   lang: str, verb_types: set[str] | None = None) -> tuple[list[Actor], list[Actor]]:
        toks = doc.tokens
        de = lang == "de"
        preps = _PREPS_DE if de else _PREPS_EN
        cues = self.cues
        t = h.trig
        sent_start = doc.sentences[doc.sentence_of(toks[h.tok].start)].token_start
        cand_toks = {m for c in cands for m in range(c.i, c.j)}

        def gov_at(i: int, named: bool = False) -> str | None:
            """The preposition governing a noun phrase that starts at token i, if any."""
            j = i - 1
            counted = False
            if de and named:
                head = next((c for c in cands if c.j == i and c.i < i and c.kind == "name"), None)
                if head is not None:
                    return gov(head)  # a name right after another, its apposition: "gegen die Grünen-Chefin Anna Muster"
            while j >= a:
                w = toks[j].text.lower()
                if de and w in _QUOTES:
                    j -= 1  # von „Schäuble I“
                    continue
                if de and named and j == i - 1 and toks[j].text[:1].isupper() and w.isalpha() and j > sent_start \
                        and j not in cand_toks and j != h.tok:
                    j -= 1  # a common noun before a name: "in der Hafenstadt Tripoli"
                    continue
                if de and w in _CONJ:
                    prev = next((c for c in cands if c.j == j), None)
                    if prev is not None:  # a later conjunct shares the first one's preposition
                        return gov(prev)
                    k = j - 1  # "mit Hilfe von Hubschraubern und Panzern": walk over the first conjunct's noun
                    if k >= a and toks[k].text[:1].isupper() and k != h.tok and k not in cand_toks:
                        j = k - 1
                        continue
                    return None
                if de and w in ("seit", "während", "bis") and j + 1 < b \
                        and toks[j + 1].text.lower() in ("die", "das", "ein", "eine"):
                    return None  # a conjunction here: "während die Polizei 11 Demonstranten tötete"
                if de and w == "von" and j - 1 >= a and j - 1 != h.tok and any(c.j == j and c.kind != "place"
                                                                               for c in cands):
                    # "Joe Stork von HRW": affiliation, neither agent nor addressee; after a place the von-phrase
                    # is the agent again ("in Bagdad von US-Truppen beschossen")
                    return "of"
                if de and w == "von" and j - 2 == a and toks[a].text.lower() in _DETS_DE \
                        and toks[j - 1].text[:1].isupper() and j - 1 != h.tok:
                    return "of"  # inside the clause's first noun phrase: "Die Nachbarschaft von Haret Hreik wurde"
                if w == "von" and de and j - 1 >= a and toks[j - 1].text.lower() in _PARTITIVE_DE:
                    return gov_at(j - 1)  # the partitive head's own governor
                if de and (w.replace(".", "").replace(",", "").isdigit() or w in _QUANT_DE):
                    if counted and re.fullmatch(r"(1[89]|20)\d\d", w) and j + 1 < b \
                            and toks[j + 1].text.lower() not in ("bis", "und", "oder", "-", "–"):
                        return None  # a year before the count ends a time phrase: "seit 2011 mehr als 10.000 Menschen"
                    counted = counted or w.replace(".", "").replace(",", "").isdigit()
                    j -= 1  # "von rund 400 Talibankämpfern", "über 80 Menschen"
                    while j >= a and toks[j].text.lower() in _QUANT_DE | {"über", "bis", "zu", "als", "mehr"}:
                        j -= 1
                    continue
                if de and w == "seiten" and j - 1 >= a and toks[j - 1].text.lower() == "von":
                    return "seitens"  # "von Seiten militanter Palästinenser"
                if w in preps:
                    return w
                if w in _DETS_DE or w in {"the", "a", "an", "its", "their"} or (de and w in _ADV_DE) or (toks[j].text[:1].islower()
                                                                              and w.isalpha() and len(w) > 3
                                                                              and w.endswith(("e", "en", "er", "es", "em"))
                                                                              and de):
                    j -= 1
                    continue
                return None
            return None

        def genitive_adj(w: str) -> bool:
            """A strong genitive plural adjective ("iranischer", "solcher"), not an adverb or closed-class word."""
            return de and w[:1].islower() and w.endswith("er") and len(w) > 4 and w.isalpha() \
                and w not in preps and w not in _NOT_GENITIVE_ER

        def adjective(w: str) -> bool:
            return w[:1].islower() and w.isalpha() and len(w) > 3 and w.endswith(("e", "en", "er", "es", "em")) \
                and w not in preps and w not in _DETS_DE and w not in _NOT_GENITIVE_ER

        def attr_head(c: _Cand) -> int | None:
            """The noun a genitive attribute hangs on ("den Einsatz der Polizei", "das Vorgehen iranischer
            Sicherheitskräfte"): such an actor is not a clause argument itself but shares its head's role."""
            if not de:
                return None
            i = c.i
            if c.kind in ("name", "place") and i - 1 in cand_toks and toks[c.j - 1].text.endswith("s") \
                    and toks[c.j - 1].text[:1].isupper():
                return i - 1  # a genitive name right after an actor noun: "Anhänger Ahmadinedschads"
            if c.kind in ("name", "place") and i - 1 > max(a, sent_start) and i - 1 not in cand_toks \
                    and i - 1 != h.tok and toks[i - 1].text[:1].isupper() and toks[i - 1].text.isalpha():
                i -= 1  # "in der Nähe der Ortschaft Ghadschar": the common noun carries the article
            while i - 1 >= a and i - 1 != h.tok and (adjective(toks[i - 1].text)
                                                     or toks[i - 1].text.replace(".", "").isdigit()):
                i -= 1  # "der sozialistischen Regierung", "der 5.000 Polizeibeamten": the article comes first
            j = i - 1
            if j >= a and toks[j].text.lower() in ("der", "des", "eines", "einer"):
                j -= 1
            elif not genitive_adj(toks[i].text):
                return None
            if j < a or j == h.tok or (j <= sent_start and j not in cand_toks):
                return None
            w = toks[j].text
            return j if w[:1].isupper() and w.isalpha() and w.lower() not in preps else None

        def gov(c: _Cand) -> str | None:
            hd = attr_head(c)
            return gov_at(hd) if hd is not None else gov_at(c.i, c.kind in ("name", "place"))

        def det(c: _Cand) -> str | None:
            j = c.i - 1
            while de and j > a and toks[j].text in _QUOTES:
                j -= 1
            return toks[j].text.lower() if j >= a else None

        def with_conj(first: _Cand, pool: list[_Cand]) -> list[_Cand]:
            group = [first]
            last = first
            for c in pool:
                if c.i <= last.i or c in group:
                    continue
                between = [toks[m].text.lower() for m in range(last.j, c.i)]
                if between and (between[0] in _CONJ or (de and between[0] == "," and len(between) <= 2
                                                        and any(toks[m].text.lower() in _CONJ
                                                                for m in range(c.j, min(b, c.j + 6))))) \
                        and len(between) <= 3:
                    group.append(c)
                    last = c
                else:
                    break
            return group

        def reporter(c: _Cand) -> bool:
            """The candidate names the source of the information ("nach Angaben der Regierung")."""
            if not de:
                return False
            if c.j < b and toks[c.j].text.lower() == "zufolge":
                return True
            j = c.i - 1
            while j >= a and (toks[j].text.lower() in _DETS_DE or toks[j].text[:1].islower()
                              and toks[j].text.lower() not in preps and toks[j].text.isalpha()):
                j -= 1
            if j >= a and toks[j].text.lower() in ("laut", "gemäß"):
                return True
            return j >= a and toks[j].text.lower() in _REPORT_NOUNS_DE

        def done(src: list[_Cand], tgt: list[_Cand]) -> tuple[list[Actor], list[Actor]]:
            src = [c for c in src if c.kind != "object"]  # a building or a target list never acts
            spans = {(c.actor.start, c.actor.end) for c in src}
            # copies: the clause's candidates are shared by every event of the clause
            return ([_copy(c.actor) for c in src],
                    [_copy(c.actor) for c in tgt if (c.actor.start, c.actor.end) not in spans])

        # a genitive attribute of another actor belongs to it ("Vertreter der jemenitischen Armee")
        # ... and a bracketed aside ("Wolfgang Schäuble ( CDU )") is no participant of its own
        usable = [c for c in cands if not (c.i <= h.tok < c.j) and not reporter(c)
                  and (attr_head(c) is None or attr_head(c) not in cand_toks)
                  and not (c.i > a and toks[c.i - 1].text == "(")]
        if t.type not in ("ASSAULT", "COERCE"):
            usable = [c for c in usable if c.kind != "object"]
        clause_words = {toks[m].text.lower() for m in range(a, b) if m != h.tok}
        reflexive = de and "sich" in clause_words
        sources: list[_Cand] = []
        targets: list[_Cand] = []

        def addressee(g: str | None) -> bool:
            return de and g is not None and (cues.has("addressee", t.type, g) or (reflexive and g == "mit"))

        def subject_ok(c: _Cand) -> bool:
            # a country may act ("Syrien und der Iran unterstützen die Hamas"), a town is only a place
            place_ok = c.kind != "place" or self._is_country(c.actor.text)
            return det(c) not in _OBJ_DETS_DE and c.kind != "object" and place_ok and attr_head(c) is None

        def trigger_is_attribute() -> bool:
            j = h.tok - 1
            if j >= a and (toks[j].text.lower() in ("der", "des") or genitive_adj(toks[j].text)):
                j -= 1
            else:
                return False
            return j >= a and j != sent_start and toks[j].text[:1].isupper() \
                and toks[j].text.isalpha() and toks[j].text.lower() not in preps

        fallback = False
        fallback_gov: str | None = None
        noun_roles: tuple[list[_Cand], list[_Cand]] = ([], [])

        def combine(src: list[_Cand], tgt: list[_Cand]) -> tuple[list[Actor], list[Actor]]:
            """Roles found on the event noun come first; the clause's verb adds what is missing."""
            ns, nt = noun_roles
            taken = {id(c) for c in ns + nt}
            src = ns or [c for c in src if id(c) not in taken]
            return done(src, nt + [c for c in tgt if id(c) not in taken and c not in src])
        if t.kind == "noun" or (t.kind == "phrase" and de and toks[h.tok].text[:1].isupper()):
            after = [c for c in usable if c.i > h.tok]
            before = [c for c in usable if c.j <= h.tok]
            if de and h.tok > a:  # adjective demonym on the trigger noun: "russische Luftangriffe"
                w = toks[h.tok - 1].text
                if w[:1].islower() and w.isalpha():
                    iso = _country_of(w)
                    if iso:
                        s, e = toks[h.tok - 1].start, toks[h.tok - 1].end
                        sources.append(_Cand(h.tok - 1, h.tok, Actor(text=w, start=s, end=e, code=iso, country=iso),
                                             "demonym"))
            # the event noun hangs on another noun ("zur Notwendigkeit solcher Angriffe", "Behinderungen der
            # Demonstration durch die Polizei"): the clause subject and a following agent belong to that noun
            trig_attr = de and trigger_is_attribute()
            trig_in_adjunct = de and gov_at(h.tok) in _ADJUNCT_PREPS_DE
            clause_passive = de and bool(clause_words & _PASSIVE_AUX_DE) and any(
                toks[m].text[:1].islower() and (_PARTICIPLE.match(toks[m].text) or _PARTICIPLE_T.match(toks[m].text))
                for m in range(h.tok + 1, b))
            for c in after:
                g = gov(c)
                d = det(c)
                if c.i - h.tok > 6:
                    break
                if g in ("von", "vom") and de and t.mode in _PATIENT_GENITIVE and not targets:
                    targets = with_conj(c, after)  # "Festnahme von Milinkewitsch durch die Polizei"
                elif g in ("von", "vom") and de and trig_in_adjunct and clause_passive:
                    continue  # "konnte nach kurzer Flucht von der Polizei gestellt werden": the verb's agent
                elif g in ("von", "vom", "durch", "seitens", "by") and not sources:
                    # "Die Demonstration wurde von der Polizei angehalten": an agent after the verb is the verb's;
                    # "gegen den Clan von Raschkow": a von-phrase after another noun is that noun's
                    between = range(h.tok + 1, c.i)
                    if not trig_attr and not (de and ({toks[m].text.lower() for m in between}
                                                      & _AUXILIARIES_DE
                                                      or any(toks[m].text[:1].isupper() and m not in cand_toks
                                                             for m in between))):
                        sources = with_conj(c, after)
                elif g in ("auf", "gegen", "on", "against") and not targets:
                    targets = with_conj(c, after)
                elif g == "zwischen" and not sources and not targets:
                    # "Feuergefechte zwischen Sunniten und Schiiten": the first party is coded as the source
                    group = with_conj(c, after)
                    sources, targets = group[:1], group[1:]
                elif addressee(g) and not targets:
                    targets = with_conj(c, after)
                elif g is None and c.i <= h.tok + 4 and not targets and c.kind == "place" \
                        and t.type in ("ASSAULT", "COERCE") and c.i - 2 > h.tok and c.i - 1 not in cand_toks \
                        and toks[c.i - 1].text[:1].isupper() and toks[c.i - 1].text.isalpha() \
                        and toks[c.i - 2].text.lower() in ("der", "des"):
                    # a place after a common noun in the genitive is what was attacked ("Beschuss der Stadt Homs");
                    # not a person's name: "Verurteilung des Bloggers X" would make X the source
                    targets = with_conj(c, after)
                elif g is None and d in ("der", "des") and c.i <= h.tok + 4:
                    # a place in the genitive is what was attacked or seized ("Beschuss des Gazastreifens")
                    if t.mode in _PATIENT_GENITIVE or (c.kind in ("place", "object") and t.type in ("ASSAULT", "COERCE")):
                        if not targets:
                            targets = with_conj(c, after)
                    elif not sources:
                        sources = with_conj(c, after)
            if not targets and gov_at(h.tok) is None:
                # the event noun as subject: "Die Katjuscha-Rakete traf einen Kindergarten"
                objs = [c for c in after if gov(c) is None and det(c) in _OBJ_DETS_DE]
                if objs:
                    targets = with_conj(objs[0], after)
            if not targets:
                pre = [c for c in before if addressee(gov(c))]  # "An die Hamas erging die Aufforderung"
                if pre:
                    targets = with_conj(pre[0], before)
            trig_gov = gov_at(h.tok)
            respons = de and trig_gov in ("für", "zu", "zum", "zur") and cues.any_in("responsibility", t.type,
                                                                                     clause_words)
            receive = de and (cues.any_in("receive", t.type, clause_words) or any(
                toks[m].text.lower() == "zum" and toks[m + 1].text.lower() == "opfer" for m in range(a, b - 1)))
            # "Zwölf Soldaten fielen dem Angriff zum Opfer": the subject suffered the event
            # a flight or protest noun as a predicate ("befinden sich auf der Flucht", "protestierten mit einer
            # Sitzblockade") has the clause subject as its actor; "geht gegen die Proteste vor" does not
            predicate = de and trig_gov in ("auf", "mit", "in", "im") and t.type in ("RETREAT", "PROTEST")
            # "Das Außenministerium kritisierte den Anschlag": the subject does another act (ACCUSE) about the event
            other_act = de and bool((verb_types or set()) - {t.type})
            if not sources and not trig_attr and (trig_gov is None or respons or predicate) \
                    and not (other_act and not respons):
                subj = [c for c in before if gov(c) is None and subject_ok(c)]
                if respons:  # "machen den Geheimdienst für das Attentat verantwortlich": the object is responsible
                    obj = [c for c in before if gov(c) is None and det(c) in _OBJ_DETS_DE and c.kind != "object"]
                    subj = obj or subj
                if subj:
                    group = with_conj(subj[0], before)
                    if receive:  # "Musharraf erhielt weitere Kritik": the subject is the one criticised
                        targets = targets or group
                    else:
                        sources = group
            if de and not (sources and targets) and trig_gov in _ADJUNCT_PREPS_DE and not trig_attr \
                    and t.type in ("ASSAULT", "COERCE"):
                fallback = True  # "Bei einem Anschlag wurden 18 Menschen getötet": the clause's verb has the roles
                fallback_gov = trig_gov
                noun_roles = (sources, targets)
                sources, targets = [], []
            else:
                return done(sources, targets)
        # verbs and verb phrases (and event nouns in an adjunct, via the clause's own verb)
        low = toks[h.tok].text.lower()
        nxt = h.tok + 1
        while de and nxt < min(b, h.tok + 4) and not toks[nxt].text[:1].isupper() and (
                adjective(toks[nxt].text) or "-" in toks[nxt].text):
            nxt += 1  # "des getöteten 19-jährigen Slawen"
        if de and not fallback and t.kind == "verb" and low.endswith(("e", "en", "er", "es", "em")) \
                and nxt < b and toks[nxt].text[:1].isupper() and h.tok > sent_start \
                and (toks[h.tok - 1].text.lower() in _DETS_DE | _NUMBER_WORDS_DE | {"die", "das", "eine", "keine"}
                     or toks[h.tok - 1].text[:1].isdigit()) \
                and (_PARTICIPLE.match(low) or _PARTICIPLE_T.match(low[:-1]) or _PARTICIPLE_T.match(low[:-2])):
            # an attributive participle ("60 getötete Journalisten", "freigelassene Demonstranten") codes only
            # the noun it modifies: the one it happened to, or who did it for an intransitive act
            noun = [c for c in usable if c.i == nxt or c.i == h.tok + 1]
            if t.type in ("ASSAULT", "COERCE") or t.mode in _PATIENT_GENITIVE:
                return done([], noun)
            return done(noun, [])
        if fallback:
            participle = any(toks[m].text[:1].islower() and (_PARTICIPLE.match(toks[m].text) or
                                                             _PARTICIPLE_T.match(toks[m].text))
                             for m in range(a, b) if m != h.tok)
        else:
            span = [m for m in range(h.tok, b) if toks[m].start < h.end] or [h.tok]
            participle = any(tag_is(doc, m, _not_finite_full_verb) if _PARTICIPLE.match(toks[m].text.lower())
                             else tag_is(doc, m, _participle) for m in span)
            if de and not participle and tag_is(doc, h.tok, _untagged_or_finite):
                participle = _PARTICIPLE_T.match(low) is not None and bool(clause_words & _PASSIVE_AUX_DE) or (
                    _PARTICIPLE_EN.match(low) is not None and bool(clause_words & _PAST_PASSIVE_AUX_DE)) or (
                    # "worden" only follows a participle: "seien überfallen worden"
                    h.tok + 1 < b and toks[h.tok + 1].text.lower() == "worden" and low.endswith(("t", "en")))
        aux_words = clause_words | self._outer_words(doc, a) if de else clause_words
        if de:
            passive = bool(aux_words & _PASSIVE_AUX_DE) and participle
            if not passive and participle and t.type in ("ASSAULT", "COERCE") and clause_words & _SEIN_DE \
                    and not clause_words & _HABEN_DE:  # "waren ... vorgedrungen und hatten ... festgenommen"
                passive = True
        else:
            passive = bool(clause_words & _PASSIVE_AUX_EN) and low.endswith(("ed", "en", "wn"))
        if de and toks[a].text.lower() in _RELPRON_DE and a - 1 > sent_start and toks[a - 1].text == "," \
                and a + 1 < b and not toks[a + 1].text[:1].isupper():
            # a relative clause: its pronoun stands for the noun before the comma
            ante = self._antecedent(doc, a, lang)
            if ante is not None:
                rel = _Cand(a, a + 1, ante.actor, ante.kind if ante.kind != "object" else "object", ante.mode)
                usable = [rel] + usable
        free = [c for c in usable if gov(c) is None]
        agent_pp = [c for c in usable if gov(c) in ("von", "vom", "durch", "seitens", "by")]
        # a town after "von" is where something is ("in der Nähe von Kaxgar"); only a country may be an agent
        agent_pp = [c for c in agent_pp if c.kind != "place" or self._is_country(c.actor.text)]
        target_pp = [c for c in usable if gov(c) in ("auf", "gegen", "on", "against")]
        if not passive and agent_pp and de and ({"wurde", "wurden", "worden"} & clause_words):
            passive = True  # "wurden von der Polizei festgenommen" even when the tagger missed the participle
        dies = de and not fallback and t.kind != "noun" and _DYING_DE.match(low) is not None
        if not passive and (dies or fallback and cues.any_in("death", t.type, clause_words)):
            # "Bei dem Angriff starben fünf Menschen": the dying are targets, a von/durch phrase the source
            dying = [c for c in free if c.kind != "place" or self._is_country(c.actor.text)]
            return combine(with_conj(agent_pp[0], usable) if agent_pp else [],
                           with_conj(dying[0], free) if dying else [])
        if fallback and not passive and fallback_gov not in _INSTRUMENT_PREPS_DE:
            return combine([], [])
        if fallback and fallback_gov in ("nach", "während", "infolge"):
            # "Die Medien wurden von der Polizei erst nach der Festnahme informiert": a later act's passive
            return combine([], [])
        if passive:
            if agent_pp:
                sources = with_conj(agent_pp[0], usable)
            subj = [c for c in free if c not in sources]
            # a place is the passive subject only when no person or group is ("im Gebiet Xinjiang wurden
            # 35 Personen getötet")
            subj = [c for c in subj if c.kind != "place"] + [c for c in subj if c.kind == "place"]
            if not subj and de and a - 1 > sent_start and toks[a - 1].text == "," \
                    and toks[a].text.lower() in _HABEN_DE | _SEIN_DE | _PASSIVE_AUX_DE \
                    and self._after_apposition(doc, a):
                # the clause opens with its auxiliary after an apposition: the passive subject stood before it
                # ("Der deutsche Botschafter in Ankara, Martin Erdmann, ist ... einbestellt worden")
                ante = self._subject_before(doc, a, lang, initial_der=True)
                subj = [ante] if ante is not None else []
            if subj:
                targets = with_conj(subj[0], free)
            elif target_pp:
                targets = with_conj(target_pp[0], usable)
        else:
            if not de:
                # "of" inside a noun phrase ("a group of Moroccan diplomats") does not make it a PP
                free = [c for c in usable if gov(c) in (None, "of")]
                before = [c for c in free if c.j <= h.tok]
                after = [c for c in free if c.i > h.tok]
                if not after:  # "handed over medicine to the Red Crescent", "a protest with Albania"
                    after = [c for c in usable if c.i > h.tok and gov(c) in _EN_TARGET_PREPS]
                if before:
                    # the subject group ends just before the verb: take the last group's head
                    sources = with_conj(before[0], before)
                if after:
                    targets = with_conj(after[0], after)
            else:
                first = min((c.i for c in free), default=b)
                # a personal pronoun before any noun actor is the subject ("Dabei hätten sie ... bombardiert")
                # (not one governed by a preposition: "Für sie fordert Untersuchungsrichter Palazzi ...")
                pron_at = [m for m in range(a, first) if m != h.tok and cues.has("pronoun", t.type,
                                                                                   toks[m].text.lower())
                           and not (m > a and toks[m - 1].text.lower() in preps)]
                # ... or right after the finite verb, with the object fronted: "Die Bürger forderte er auf"
                # ("sie" and "es" may be the object: "Die Republikaner lehnten sie ab" - the noun before the verb
                # stays the subject)
                if h.tok + 1 < b and t.kind == "verb" and toks[h.tok + 1].text.lower() in _NOMINATIVE_PRONOUNS_DE \
                        and cues.has("pronoun", t.type, toks[h.tok + 1].text.lower()):
                    pron_at.append(h.tok + 1)
                pron = bool(pron_at)
                # "um gegen ... zu protestieren": an infinitive has no subject of its own in the clause
                pron = pron or (not fallback and (
                    (h.tok - 1 >= a and toks[h.tok - 1].text.lower() == "zu")
                    or (h.tok + 2 < b and toks[h.tok + 1].text.lower() == "zu"
                        and toks[h.tok + 2].text.lower() in ("haben", "sein", "werden"))  # "getötet zu haben"
                    or any(low.startswith(p + "zu") for p in t.particle)))  # "anzugreifen"
                subj = [] if pron else [c for c in free if subject_ok(c)]
                if not subj and not pron:
                    # the possessor of a clause-initial subject noun: "Der Wirtschaftsrat der CDU hatte ... gefordert"
                    def initial_head(c: _Cand) -> bool:
                        hd = attr_head(c)
                        return hd is not None and hd < h.tok and (hd == a or (
                            hd == a + 1 and toks[a].text.lower() in ("der", "die", "das", "ein", "eine")))

                    subj = [c for c in free if c.kind not in ("place", "object") and initial_head(c)]
                if a - 1 > sent_start and toks[a - 1].text == "," and (
                        (a == h.tok and not participle) or toks[a].text.lower() in _HABEN_DE | _SEIN_DE) \
                        and self._after_apposition(doc, a):
                    # the clause opens with its finite verb after a comma: the subject stood before an apposition
                    # ("Der Fraktionsvorsitzende ..., Wolfgang Jüttner, hatte Lenz gestern aufgefordert")
                    ante = self._subject_before(doc, a, lang)
                    subj = [ante] if ante is not None else []
                    pron = True
                if pron_at and toks[pron_at[0]].text.lower() in ("er", "sie"):
                    # "Als Kämpfer die Stadt einnahmen, töteten sie ...": the pronoun's antecedent is the subject of
                    # an earlier clause of the same sentence, when there is one
                    ante = self._subject_before(doc, a, lang)
                    if ante is not None:
                        subj = [ante]
                if t.mode == "flee" or t.type == "PROTEST":
                    # intransitive: the actor is the nearest noun before the verb ("die Truppen hätten die Stadt
                    # besetzt und die südsudanesischen Soldaten seien geflohen"), and there is no object
                    near = [c for c in subj if c.j <= h.tok]
                    if near:
                        last = near[-1]
                        group = [c for c in near if c is last or with_conj(c, near)[-1] is last]
                        sources = [c for c in with_conj(group[0], near)] if group else [last]
                    elif subj:
                        sources = with_conj(subj[0], free)
                else:
                    if subj:
                        sources = with_conj(subj[0], free)
                    objs = [c for c in free if c not in sources]
                    if objs:
                        targets = with_conj(objs[0], free)
            if not targets and target_pp:
                targets = with_conj(target_pp[0], usable)
            if not targets:
                extra = [c for c in usable if addressee(gov(c)) and c not in sources]
                if extra:
                    targets = with_conj(extra[0], usable)
        if de and not fallback and not sources:
            # "zwischen Russland und der Ukraine vereinbart": both are parties; as for reciprocal nouns the
            # first-named is the source, the others the target
            parties = [c for c in usable if gov(c) == "zwischen"]
            group = with_conj(parties[0], usable) if parties else []
            if len(group) >= 2 and all(x in group for x in targets):
                sources, targets = group[:1], group[1:]
        return combine(sources, targets)

    @staticmethod
    def _outer_words(doc: Doc, a: int) -> set[str]:
        """Words of the clause part before an inserted relative clause ("wurden bei einer Auseinandersetzung,
        die auf eine Hausdurchsuchung folgte, 21 Menschen getötet"): where the auxiliary may stand."""
        toks = doc.tokens
        sent = doc.sentences[doc.sentence_of(toks[a].start)]
        if a - 1 <= sent.token_start or toks[a - 1].text != ",":
            return set()
        s2 = a - 1
        while s2 > sent.token_start and toks[s2 - 1].text not in _CLAUSE_PUNCT:
            s2 -= 1
        if s2 - 1 <= sent.token_start or toks[s2 - 1].text != "," or toks[s2].text.lower() not in _RELPRON_DE:
            return set()
        s3 = s2 - 1
        while s3 > sent.token_start and toks[s3 - 1].text not in _CLAUSE_PUNCT:
            s3 -= 1
        return {toks[m].text.lower() for m in range(s3, s2 - 1)}

    @staticmethod
    def _after_apposition(doc: Doc, a: int) -> bool:
        """The comma before token a closes a short apposition (", Wolfgang Jüttner,", ", Sprecher der CFDR,")
        that itself follows a comma."""
        toks = doc.tokens
        sent = doc.sentences[doc.sentence_of(toks[a].start)]
        s2 = a - 1
        while s2 > sent.token_start and toks[s2 - 1].text not in _CLAUSE_PUNCT:
            s2 -= 1
        return (s2 > sent.token_start and toks[s2 - 1].text == "," and 0 < a - 1 - s2 <= 6
                and toks[s2].text[:1].isupper())

    def _subject_before(self, doc: Doc, a: int, lang: str, initial_der: bool = False) -> _Cand | None:
        """The first actor of the sentence before token a that stands in no prepositional phrase, has no object
        article and is no genitive attribute: the likely subject of an earlier clause."""
        toks = doc.tokens
        sent = doc.sentences[doc.sentence_of(toks[a].start)]
        if a - 1 <= sent.token_start:
            return None
        best = None
        for c in self._candidates(doc, sent.token_start, a - 1, lang):
            # with initial_der, "der" opening the sentence is the nominative ("Der deutsche Botschafter ..., ist
            # einbestellt worden"); a pronoun's antecedent must agree in number, which is not checked, so not there
            if c.kind in ("place", "object") or (c.i > sent.token_start and toks[c.i - 1].text.lower() in
                                                 _OBJ_DETS_DE | {"des", "("}) or (
                    c.i > sent.token_start and toks[c.i - 1].text.lower() == "der"
                    and not (initial_der and c.i - 1 == sent.token_start)):
                continue
            j = c.i - 1
            while j >= sent.token_start and (toks[j].text.lower() in _DETS_DE or
                                             (toks[j].text[:1].islower() and toks[j].text.isalpha()
                                              and toks[j].text.lower() not in _PREPS_DE)):
                j -= 1
            partitive = j > sent.token_start and toks[j].text.lower() == "von" \
                and toks[j - 1].text.islower() and toks[j - 1].text in _PARTITIVE_DE
            if partitive:
                j -= 2  # "hunderte von Menschen": the lower-case partitive head opens a new noun phrase
                while j >= sent.token_start and toks[j].text.lower() in _DETS_DE | _QUANT_DE:
                    j -= 1
            if j >= sent.token_start and toks[j].text.lower() in _PREPS_DE:
                continue
            if not partitive and j > sent.token_start and toks[j].text[:1].isupper() and toks[j].text.isalpha():
                continue  # after another noun: an attribute or an object (any word is capitalised first)
            best = c  # the nearest one: "Ein Sprecher sagte, die Angreifer hätten ..., bevor sie flüchteten"
        return best

    def _antecedent(self, doc: Doc, a: int, lang: str) -> _Cand | None:
        """The actor just before the comma that opens a relative clause at token a."""
        toks = doc.tokens
        sent = doc.sentences[doc.sentence_of(toks[a].start)]
        end = a - 1  # the comma
        start = end
        while start > sent.token_start and toks[start - 1].text not in _CLAUSE_PUNCT:
            start -= 1
        if start >= end:
            return None
        cands = self._candidates(doc, start, end, lang)
        # right before the comma, or before a clause-final particle or verb ("gegen Demonstranten vor, die ...")
        before = [c for c in cands if c.j == end or (end - 2 <= c.j < end and all(
            toks[m].text[:1].islower() and toks[m].text.isalpha() and toks[m].text.lower() not in _PREPS_DE
            for m in range(c.j, end)))]
        if before and before[-1].kind == "place" and before[-1].i - 1 >= start \
                and toks[before[-1].i - 1].text.lower() in ("in", "im", "aus"):
            # "Demonstranten in Teheran, die ...": the relative pronoun refers to the noun before the place
            earlier = [c for c in cands if c.j == before[-1].i - 1]
            if earlier:
                return earlier[-1]
            n = before[-1].i - 2
            if n >= start and toks[n].text[:1].isupper() and toks[n].text.isalpha() and n > sent.token_start \
                    and toks[a].text.lower() in ("der", "die", "welcher", "welche") and tag_is(doc, n, _noun_reading):
                # "ein Künstler aus Berlin, der ...": a noun the actor lists do not know is still the antecedent;
                # the town is not (only for a pronoun that can be the subject: "einen Aufruf ... als Dozent in Graz
                # verfasst, den ..." refers further back)
                return _Cand(n, n + 1, Actor(text=toks[n].text, start=toks[n].start, end=toks[n].end), "role")
        return before[-1] if before else None

    # -- modality ---------------------------------------------------------------------------------------------
    def _flags(self, doc: Doc, si: int, a: int, b: int, h: _Hit, lang: str) -> dict[str, Any]:
        toks = doc.tokens
        sent = doc.sentences[si]
        flags: dict[str, Any] = {"negated": False, "hypothetical": False, "reported": False,
                                 "reported_by": None, "historical": False, "frame": None, "accident": False}
        # the trigger word itself is never its own cue ("forderte" is a REQUEST, not a demand frame on itself)
        clause = [toks[m].text.lower() if m != h.tok else "" for m in range(a, b)]
        sentence = [toks[m].text.lower() if m != h.tok else "" for m in range(sent.token_start, sent.token_end)]
        k = h.tok - a  # trigger position inside the clause list
        verbal = h.trig.quad in (1, 3)
        clause_text = (doc.text[toks[a].start:h.start] + " " + doc.text[h.end:toks[b - 1].end]).lower()
        trig_word = toks[h.tok].text.lower()
        for cue in self.modality:
            if cue.lang != lang or cue.link is not None:
                continue
            words = sentence if cue.scope == "sentence" else clause
            if cue.phrase:
                hit = bool(cue.rx.search(clause_text))
            elif cue.flag == "hypothetical" and (lang == "en" or verbal):
                # a speech act's complement follows it ("rejected an invitation to attend"; English modals precede
                # their verb): only cues before the trigger count, plus conditionals anywhere
                lim = k if words is clause else h.tok - sent.token_start
                base = a if words is clause else sent.token_start
                # for a speech act, a noun cue is its topic, not its modality ("Eine Forderung ... lehnte ... ab")
                hit = any(cue.rx.fullmatch(w) and (m < lim or w in _CONDITIONAL)
                          and not (verbal and lang == "de" and toks[base + m].text[:1].isupper() and m > 0)
                          for m, w in enumerate(words))
            else:
                hit = any(cue.rx.fullmatch(w) for w in words)
            if not hit:
                continue
            if cue.flag == "negated":
                pos = [m for m, w in enumerate(clause) if cue.rx.fullmatch(w)]
                # "nicht nur" (not only) does not negate
                if all(m + 1 < len(clause) and clause[m + 1] in ("nur", "only") for m in pos):
                    continue
                if lang == "de" and all(self._narrow_negation(doc, si, a + m, h.tok) for m in pos):
                    continue
                if lang == "de" and (self.cues.any_in("ongoing", "*", set(clause))
                                     or _END_OF.search(clause_text) is not None):
                    continue  # "Ein Ende der Kampfhandlungen ist nicht abzusehen": what is not ended goes on
                flags["negated"] = True
            elif cue.flag == "hypothetical":
                if cue.frame == "rejected":
                    if h.trig.kind == "noun" and h.trig.type in _SPEECH_ACTS:
                        continue  # "lehnte die Forderung ab": the demand was made
                    flags["hypothetical"] = True
                    continue
                if cue.frame and h.trig.kind == "noun" and self._in_setting(doc, a, h.tok):
                    continue  # "forderte die Junta bei der Kundgebung dazu auf": the rally took place
                matched = {w for w in words if cue.rx.fullmatch(w)}  # empty for a phrase cue
                if matched and matched <= {"werde", "werden", "wird"}:
                    # werden is also the passive auxiliary: only a future when the trigger is an infinitive
                    if not (h.trig.kind == "verb" and trig_word.endswith("en") and not trig_word.startswith("ge")
                            and "ge" not in trig_word[1:5]):
                        continue
                if matched and matched <= _SOLLEN and lang == "de" and ({"haben", "sein"} & set(clause)):
                    flags["reported"] = True  # "soll ... angegriffen haben": hearsay about a past event
                    continue
                flags["hypothetical"] = True
                if cue.frame and _FRAME_RANK.get(cue.frame, 9) < _FRAME_RANK.get(flags["frame"] or "", 9):
                    flags["frame"] = cue.frame
            elif cue.flag == "historical":
                flags["historical"] = True
            elif cue.flag == "accident":
                flags["accident"] = True
        governing = self._governing_cue(doc, a, h) if lang == "de" else None
        if governing is not None:
            flags["hypothetical"] = True
            if governing.frame and _FRAME_RANK.get(governing.frame, 9) < _FRAME_RANK.get(flags["frame"] or "", 9):
                flags["frame"] = governing.frame
        # a negated act can be demanded too: "aufforderte, nicht mehr Israel zu unterstützen"
        if lang == "de" and not flags["hypothetical"] and a > sent.token_start:
            self._inherit_demand(doc, si, a, b, flags)
        if lang == "de" and _KONJ1_DE & set(clause):
            flags["reported"] = True
        for q in doc.quotes:
            if q.message_start <= h.start < q.message_end:
                flags["reported"] = True
                flags["reported_by"] = q.speaker
                break
        pub = (doc.article.published or "")[:4]
        if pub.isdigit():
            for m in _YEAR.finditer(clause_text):
                if int(m.group(1)) < int(pub) - 1:
                    flags["historical"] = True
        return flags

    def _governing_cue(self, doc: Doc, a: int, h: _Hit) -> ModalityCue | None:
        """The noun cue whose attribute the trigger noun heads: "Verhandlungen über eine Einigung", "Forderung nach
        einem Waffenstillstand", "Gefahr eines Anschlags". A noun cue elsewhere in the clause does not count for a
        speech act (its topic, see ``_flags``); this one governs the trigger, so it counts for every type."""
        if h.trig.kind != "noun":
            return None
        toks = doc.tokens
        for link in range(h.tok - 1, max(a, h.tok - 5), -1):
            noun = toks[link - 1].text
            if noun[:1].isupper() and noun.replace("-", "").isalpha():
                low, link_word = noun.lower(), toks[link].text.lower()
                for cue in self.modality:
                    if cue.link is None or cue.lang != "de" or not cue.link.fullmatch(link_word):
                        continue
                    if cue.scope == "governs-coop" and h.trig.quad > 2:
                        continue
                    if cue.rx.fullmatch(low):
                        return cue
            w = toks[link].text
            if not (w.lower() in _DETS_DE or w.lower() in _NUMBER_WORDS_DE or w.isdigit() or w.lower() in _ADV_DE
                    or (w.isalpha() and w.islower() and _ADJ_ENDING.search(w))):
                return None  # only articles, adjectives and numbers stand between the link and the trigger
        return None

    def _object_np(self, doc: Doc, a: int, b: int, k: int, sources: list[Actor]) -> Actor | None:
        """The thing attacked, seized or closed when it is no actor noun: the accusative object of an active
        clause ("umstellten das Haus", "den Olympiaturm räumen lassen") or the subject of a passive one ("wurde ihr
        Fahrzeug ... beschossen"). Noun phrases after a preposition, times, events and reports are skipped."""
        toks = doc.tokens
        words = [toks[m].text.lower() for m in range(a, b)]
        trig = toks[k].text.lower()
        passive = bool(_PASSIVE_AUX_DE & set(words)) and any(
            rx.match(trig) is not None for rx in (_PARTICIPLE, _PARTICIPLE_T, _PARTICIPLE_EN))
        dets = _SUBJ_DETS_DE if passive else _ACC_DETS_DE
        src = [(x.start, x.end) for x in sources]
        for d in range(a, b):
            if toks[d].text.lower() not in dets or (d > a and toks[d - 1].text.lower() in _PREPS_DE):
                continue
            if toks[d].text.lower() == "der" and d > a and d - 1 > doc.sentences[doc.sentence_of(toks[d].start)]\
                    .token_start and toks[d - 1].text[:1].isupper() and toks[d - 1].text.isalpha():
                continue  # a genitive after a noun: "bei Einsätzen der Armee ... wurden Menschen getötet"
            m = d + 1
            while m < b and toks[m].text.isalpha() and toks[m].text.islower() and _ADJ_ENDING.search(toks[m].text):
                m += 1
            if m >= b or m == k or not (toks[m].text[:1].isupper() and toks[m].text.replace("-", "").isalpha()):
                continue
            noun = toks[m].text
            low = noun.lower()
            if low in _TIME_NOUNS_DE or low in _REPORT_NOUNS_DE or self.lex.match(noun, "de") is not None:
                continue
            if m + 1 < b and toks[m + 1].text[:1].isupper():
                continue  # a name follows: left to the actor layers
            s0, e0 = toks[d + 1].start, toks[m].end
            if any(s0 < e and ss < e0 for ss, e in src):
                continue
            return Actor(text=doc.text[s0:e0], start=s0, end=e0, code=None, country=None)
        return None

    @staticmethod
    def _agent_marked(doc: Doc, a: int, i: int) -> bool:
        """The noun phrase starting at token i (after articles and adjectives) follows von/vom/durch."""
        toks = doc.tokens
        j = i - 1
        while j >= a and (toks[j].text.lower() in _DETS_DE or (toks[j].text.islower() and toks[j].text.isalpha()
                                                               and _ADJ_ENDING.search(toks[j].text) is not None)):
            j -= 1
        return j >= a and toks[j].text.lower() in ("von", "vom", "durch")

    @staticmethod
    def _in_setting(doc: Doc, a: int, k: int) -> bool:
        """The noun at k heads a setting adjunct ("bei der Kundgebung", "während der Verhandlungen")."""
        toks = doc.tokens
        j = k - 1
        while j >= a and j >= k - 3:
            w = toks[j].text.lower()
            if w in _SETTING_PREPS_DE:
                return True
            if not (w in _DETS_DE or (w.isalpha() and w.islower() and _ADJ_ENDING.search(w))):
                return False
            j -= 1
        return False

    @staticmethod
    def _narrow_negation(doc: Doc, si: int, n: int, trig: int) -> bool:
        """The negator at token n does not deny the event: it sits inside a noun phrase ("aus nicht vollständig
        klaren Gründen", "ein nicht genannter Ort") or is contrastive with a later "sondern" that the trigger
        does not precede ("der Beschuss sei nicht vom Kontrollpunkt her, sondern aus einem Armeefahrzeug
        erfolgt")."""
        toks = doc.tokens
        end = doc.sentences[si].token_end
        sondern = next((m for m in range(n + 1, end) if toks[m].text.lower() == "sondern"), None)
        if sondern is not None and not (n < trig < sondern):
            return True
        if toks[n].text.lower() != "nicht" or n == doc.sentences[si].token_start:
            return False
        if toks[n - 1].text.lower() not in _PREPS_DE and toks[n - 1].text.lower() not in _DETS_DE:
            return False
        for m in range(n + 2, min(n + 5, end)):
            w = toks[m].text
            if w[:1].isupper():
                prev = toks[m - 1].text
                return trig not in range(n, m + 1) and prev.isalpha() and prev.islower() and \
                    _ADJ_ENDING.search(prev) is not None
            if not (w.isalpha() and w.islower()):
                return False
        return False

    def _inherit_demand(self, doc: Doc, si: int, a: int, b: int, flags: dict[str, Any]) -> None:
        """A zu-infinitive clause states what an earlier clause demands, intends or threatens ("forderte Mussawi
        dazu auf, Beschwerden auf dem Rechtsweg vorzutragen"): its events are unrealised, unless the infinitive
        stops something that goes on ("die Angriffe einzustellen": the attacks are real)."""
        toks = doc.tokens
        words = [toks[m].text.lower() for m in range(a, b)]
        zu_inf = any(_ZU_INF.fullmatch(w) for w in words) or any(
            w == "zu" and n + 1 < len(words) and words[n + 1].endswith("en") for n, w in enumerate(words))
        if not zu_inf or self.cues.any_in("ongoing", "*", set(words)):
            return
        start = doc.sentences[si].token_start
        before = [toks[m].text for m in range(start, a)]
        for cue in self.modality:
            if cue.lang != "de" or cue.flag != "hypothetical" or cue.frame is None or cue.phrase or cue.link:
                continue
            if any(w[:1].islower() and cue.rx.fullmatch(w) for w in before):
                flags["hypothetical"] = True
                if _FRAME_RANK.get(cue.frame, 9) < _FRAME_RANK.get(flags["frame"] or "", 9):
                    flags["frame"] = cue.frame
        # a noun cue whose complement the infinitive is: the last noun before the comma ("verfolgt Pläne, die Stadt
        # zu bombardieren", "wiesen die Forderung zurück, die Geiseln freizulassen"), or the one before its genitive
        # attribute ("die Drohung der Regierung, ... anzugreifen")
        m = a - 2
        while m >= start and not toks[m].text[:1].isupper():
            if not toks[m].text.isalpha():
                return
            m -= 1
        heads = [m] if m >= start else []
        if m - 2 >= start and toks[m - 1].text.lower() in ("der", "des"):
            heads.append(m - 2)
        for n in heads:
            low = toks[n].text.lower()
            noun_cue = next((c for c in self.modality if c.link is not None and c.lang == "de"
                             and c.rx.fullmatch(low)), None)
            if noun_cue is not None:
                flags["hypothetical"] = True
                if noun_cue.frame and _FRAME_RANK.get(noun_cue.frame, 9) < _FRAME_RANK.get(flags["frame"] or "", 9):
                    flags["frame"] = noun_cue.frame
                return

    # -- place, time, counts ------------------------------------------------------------------------------------
    @staticmethod
    def _place(doc: Doc, si: int, a: int, b: int) -> tuple[Place | None, str | None]:
        if not doc.places:
            return None, None
        toks = doc.tokens
        s, e = toks[a].start, toks[b - 1].end
        sent = doc.sentences[si]

        def pick(lo: int, hi: int) -> Place | None:
            inside = [p for p in doc.places if p.start >= lo and p.end <= hi and p.lat is not None
                      and p.kind == "toponym" and not _ACROSS_BORDER.search(doc.text, max(0, p.start - 30), p.start)]
            if not inside:
                return None
            rank = {"city": 0, "fallback": 1, "admin2": 1, "admin1": 2, "region": 2, "country": 3, "continent": 4}
            return min(inside, key=lambda p: rank.get(p.feature_type or "", 1))

        p = pick(s, e) or pick(sent.start, sent.end)
        label = None
        if p is None and si > 0:
            prev = doc.sentences[si - 1]
            p = pick(prev.start, prev.end)
            label = "context" if p else None
        if p is None:
            return None, None
        ft = p.feature_type or ""
        precision = "country" if ft == "country" else "region" if ft in ("admin1", "region", "admin2") else "city"
        return p, precision if label is None else f"{precision}-context"

    @staticmethod
    def _date(doc: Doc, si: int, a: int, b: int) -> tuple[str | None, str | None]:
        sent = doc.sentences[si]
        toks = doc.tokens
        cs, ce = toks[a].start, toks[b - 1].end
        best = None
        for t in doc.times:
            if t.type != "DATE" or not t.begin or t.start < sent.start or t.end > sent.end:
                continue
            inside = cs <= t.start < ce
            if best is None or (inside and not best[0]):
                best = (inside, t)
        if best is not None:
            t = best[1]
            gran = t.granularity or "day"
            if gran in ("day", "time"):
                return t.begin, "day"
            if gran in ("week", "month", "quarter"):
                return (t.value if t.value and len(t.value) == 7 else (t.begin or "")[:7]), "month"
            return (t.begin or "")[:4], "year"
        pub = doc.article.published
        return (pub[:10], "publication") if pub else (None, None)

    @staticmethod
    def _fatalities(doc: Doc, s: int, e: int) -> int | None:
        vals = [q.value for q in doc.quantities if q.start >= s and q.end <= e and q.gkg_type == "KILL"
                and q.value is not None]
        return int(max(vals)) if vals else None

    # -- embedding classifier (accurate mode) -------------------------------------------------------------------
    def _classify(self, doc: Doc, lang: str, taken: set[int]) -> list[Event]:
        try:
            from .classifier import classify_doc
        except ImportError:
            return []
        return classify_doc(self, doc, lang, taken)


__all__ = ["EventStage", "Token"]
