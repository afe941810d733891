"""Entity stage: named entities, curated-actor linking and linking within an article.

Steps per article:

1. The NER tagger (``lagebild.ner.get_tagger(mode)``; fast = BiLSTM over e5
   piece vectors, accurate = shared encoder) labels every sentence, batched.
2. Gazetteer matches of curated actors (``data/actors.tsv``) add what the model
   misses ("IS-Miliz", "Hisbollah"); a longer gazetteer span replaces model
   spans it covers ("Islamischer" + "Staat" -> "Islamischer Staat").
3. Mentions are linked to the curated file (QID, CAMEO-style code, country) and
   clustered within the article: a bare surname joins the earlier full name
   ("Putin" -> "Wladimir Putin"), and role descriptions listed in the curated
   file ("der Kremlchef") become mentions of their holder when the publication
   year fits or the holder is named in the article.
4. A role noun right before a person's name ("Außenminister X", "der
   UN-Sondergesandte Y") is stored as the mention's ``role``.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .actors import ActorIndex, ActorInfo, default_index, inflection_key
from .doc import Doc
from .records import EntityMention, Token
from .segment import tag_is

log = logging.getLogger(__name__)

ROLES_FILE = Path(__file__).resolve().parent / "data" / "roles_de.txt"
TYPE_NOUNS_FILE = Path(__file__).resolve().parent / "data" / "type_nouns_de.tsv"
ENGLISH_WORDS_FILE = Path(__file__).resolve().parent / "data" / "english_words.tsv"
_ROLE_ENDINGS = ("", "in", "innen", "en", "e", "er", "s", "n", "es")
_GAZ_SCORE = 0.9
_ROLE_SCORE = 0.6
_PROPAGATED_SCORE = 0.5
# actor kinds whose gazetteer type beats the model's label on the same span
_FIXED_TYPE_KINDS = {"igo", "ngo", "armed_group", "military", "party", "government", "country"}


@functools.lru_cache(maxsize=1)
def _role_lexicon() -> tuple[tuple[str, ...], frozenset[str]]:
    stems, whole = [], set()
    for line in ROLES_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            whole.add(line[1:])
        else:
            stems.append(line)
    # longest first so that "premierminister" wins over "minister" (only matters for readability)
    return tuple(sorted(stems, key=len, reverse=True)), frozenset(whole)


@functools.lru_cache(maxsize=1)
def _role_regex() -> re.Pattern[str]:
    stems, _ = _role_lexicon()
    ends = "|".join(e for e in _ROLE_ENDINGS if e)
    return re.compile("(?:" + "|".join(map(re.escape, stems)) + ")(?:" + ends + ")?$")


def is_role_noun(word: str) -> bool:
    """Capitalised role noun such as "Außenminister", "UN-Sondergesandte", "Nahost-Experte"."""
    if not word[:1].isupper():
        return False
    return word in _role_lexicon()[1] or bool(_role_regex().search(word.lower()))


@functools.lru_cache(maxsize=1)
def _type_noun_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    labels: dict[str, str] = {}
    for line in TYPE_NOUNS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            stem, label = line.split("\t")
            labels[stem.strip()] = label.strip()
    stems = sorted(labels, key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, stems)) + ")(?:e?s)?$"), labels


def type_noun_label(word: str) -> str | None:
    """The entity type a capitalised kind noun gives the name after it: "Tageszeitung" -> ORG, "Provinz" -> LOC,
    "Operation" -> MISC (``data/type_nouns_de.tsv``)."""
    if not word[:1].isupper():
        return None
    pattern, labels = _type_noun_pattern()
    m = pattern.search(word.lower())
    return labels[m.group(1)] if m else None


_OPENING_QUOTES = frozenset("„“”\"'‚‘»«")


class _Gazetteer:
    """Token-sequence matcher over curated names and aliases (ORG/LOC, multi-word PER)."""

    def __init__(self, index: ActorIndex) -> None:
        from .segment import tokenize

        self.first: dict[str, list[tuple[tuple[str, ...], ActorInfo]]] = {}
        for actor in index.actors:
            for name in (actor.canonical, *actor.aliases):
                words = tuple(t.text for t in tokenize(name))
                if not words or (actor.type == "PER" and len(words) < 2):
                    continue  # a bare surname is too ambiguous to add on its own
                if not words[0][:1].isupper() and not words[0][:1].isdigit() and not words[0].startswith(("al-", "el-", "as-")):
                    continue
                self.first.setdefault(words[0], []).append((words, actor))
        for cands in self.first.values():
            cands.sort(key=lambda c: len(c[0]), reverse=True)

    def matches(self, tokens: list[Token], start: int, end: int) -> list[tuple[int, int, ActorInfo]]:
        out = []
        i = start
        while i < end:
            text = tokens[i].text
            cands = self.first.get(text)
            genitive = False
            if cands is None and text.endswith("s") and len(text) > 3:
                cands = [c for c in self.first.get(text[:-1], []) if len(c[0]) == 1]
                genitive = bool(cands)
            hit = None
            for words, actor in cands or ():
                n = len(words)
                if i + n <= end and (genitive or all(tokens[i + k].text == words[k] for k in range(1, n))):
                    hit = (i, i + n, actor)
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out


def _get_tagger(mode: str, config: dict[str, Any]) -> Any:
    if config.get("tagger") is not None:
        return config["tagger"]
    if config.get("model_path"):
        from .ner.fast import FastNER

        return FastNER.load(config["model_path"])
    try:
        from .ner import get_tagger
    except ImportError:  # pragma: no cover - the shared tagger registry is part of the package
        from .ner.fast import FastNER

        log.warning("lagebild.ner.get_tagger is not available; using the fast NER model")
        return FastNER.load()
    return get_tagger(mode)


def _year(doc: Doc) -> int | None:
    pub = doc.article.published or ""
    return int(pub[:4]) if len(pub) >= 4 and pub[:4].isdigit() else None


class EntityStage:
    name = "entities"
    requires: tuple[str, ...] = ("tokens", "sentences")
    assigns: tuple[str, ...] = ("entities",)

    def __init__(self, mode: str = "fast", config: dict[str, Any] | None = None) -> None:
        self.mode = mode
        self.config = config or {}
        self.tagger = _get_tagger(mode, self.config)
        self.index: ActorIndex = self.config.get("actors") or default_index()
        self.gazetteer = _Gazetteer(self.index) if self.config.get("gazetteer", True) else None
        self.batch_sentences = int(self.config.get("batch_sentences", 64))

    # -- running ----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        docs = list(docs)
        sents: list[list[str]] = []
        owners: list[tuple[int, int]] = []
        for d, doc in enumerate(docs):
            for s in range(len(doc.sentences)):
                sents.append([t.text for t in doc.sentence_tokens(s)])
                owners.append((d, s))
        preds = self.tagger.predict(sents) if sents else []
        per_doc: list[list[tuple[int, int, str, float]]] = [[] for _ in docs]
        for (d, s), spans in zip(owners, preds, strict=True):
            off = docs[d].sentences[s].token_start
            per_doc[d].extend((off + a, off + b, lab, sc) for a, b, lab, sc in spans)
        for doc, spans in zip(docs, per_doc, strict=True):
            self._annotate(doc, spans)
            yield doc

    # -- per article --------------------------------------------------------------------
    def _annotate(self, doc: Doc, model_spans: list[tuple[int, int, str, float]]) -> None:
        toks = doc.tokens
        # (tok_start, tok_end, label, score, source, actor)
        spans: list[list[Any]] = []
        for a, b, lab, sc in model_spans:
            # names do not end in a lower-case word ("Angela Merkel von"): trim what the tagger overran
            while b - a > 1 and _is_lower_word(toks[b - 1].text):
                b -= 1
            if _is_truncated_compound(toks[b - 1].text):
                # "NATO-" in "von NATO- und afghanischen Militäreinheiten" is the first part of a compound whose
                # head is left out (Ergänzungsstrich): GermEval annotates compound parts as ORGpart/LOCpart, not
                # as ORG/LOC, as the stage already treats the whole compounds ("NATO-Angriffe" is no mention)
                continue
            if lab == "PER" and _looks_like_product(toks[a:b]):
                lab = "MISC"
            spans.append([a, b, lab, sc, "model", None])
        spans = _type_from_kind_noun(toks, spans)
        spans = self._drop_common_nouns(doc, spans)
        spans = _english_names(toks, spans)
        if self.gazetteer is not None:
            for sent in doc.sentences:
                for a, b, g_actor in self.gazetteer.matches(toks, sent.token_start, sent.token_end):
                    spans = _merge_gazetteer(spans, a, b, g_actor)
        spans = self._propagate(doc, spans)
        spans.sort(key=lambda s: s[0])
        year = _year(doc)
        mentions: list[EntityMention] = []
        clusters: list[dict[str, Any]] = []  # {"key", "label", "actor", "names": [word tuples], "canonical"}
        starts = {s[0] for s in spans}
        for a, b, label, score, source, actor in spans:
            start, end = toks[a].start, toks[b - 1].end
            text = doc.text[start:end]
            if actor is None:
                actor = self.index.lookup(text, roles=False, adjectives=False)
                if actor is not None and actor.type != label and label != "MISC":
                    # a name shared by a person and a place ("Washington") links only when types agree
                    if not (actor.type in ("ORG", "LOC") and label in ("ORG", "LOC")):
                        actor = None
            cluster = _find_cluster(clusters, label, text, actor)
            if cluster is None:
                cluster = {"key": f"e{len(clusters) + 1}", "label": label, "actor": actor,
                           "names": [], "texts": [], "canonical": actor.canonical if actor else None}
                clusters.append(cluster)
            words = tuple(_strip_genitive(w) for w in text.split())
            cluster["names"].append(words)
            cluster["texts"].append(text)
            if cluster["actor"] is None and actor is not None:
                cluster["actor"] = actor
                cluster["canonical"] = actor.canonical
            role = self._role_before(doc, a) if label == "PER" else None
            mentions.append(EntityMention(
                start=start, end=end, text=text, label=label, entity=cluster["key"], score=round(float(score), 4),
                source=source, role=role,
            ))
        self._role_mentions(doc, mentions, clusters, starts, year, spans)
        by_key = {c["key"]: c for c in clusters}
        for m in mentions:
            c = by_key[m.entity]
            actor = c["actor"]
            if actor is not None:
                m.canonical, m.qid, m.actor_code, m.country = actor.canonical, actor.qid, actor.code, actor.country
            else:
                texts = c["texts"] if c["label"] == "PER" else [citation_form(t) for t in c["texts"]]
                m.canonical = c["canonical"] or _best_name(texts)
        mentions.sort(key=lambda m: (m.start, m.end))
        doc.entities = mentions

    def _drop_common_nouns(self, doc: Doc, spans: list[list[Any]]) -> list[list[Any]]:
        """Drop one-word PER spans that are German common nouns in their sentence ("Panzer", "Moslems").

        A word counts as a common noun when HanTa tags it NN in its sentence and knows it as a noun out of
        context (a lexicon reading, not a guess for an unknown word: "Sifton" and "Pendleton" are guessed NN).
        Surnames that are also nouns stay when the article names the person in full ("Fritz Richter ...
        Richter"), when a role noun stands before them ("Trainer Sommer") or when the curated file knows them.
        """
        toks = doc.tokens
        surnames = {_strip_genitive(toks[b - 1].text) for a, b, lab, *_ in spans if lab == "PER" and b - a >= 2}
        keep = []
        for span in spans:
            a, b, lab = span[0], span[1], span[2]
            word = toks[a].text
            if (lab != "PER" or b - a != 1 or _strip_genitive(word) in surnames or not _known_noun(word)
                    or self._role_before(doc, a) or self.index.lookup(word, roles=False, adjectives=False)):
                keep.append(span)
                continue
            if not tag_is(doc, a, _is_common_noun):
                keep.append(span)
        return keep

    def _propagate(self, doc: Doc, spans: list[list[Any]]) -> list[list[Any]]:
        """Repeat names the tagger found once where it missed them later ("Tom Koenigs ... Koenigs ist").

        Candidates are bare surnames of multi-word persons and single-word ORG/LOC names; a candidate
        must be tagged as a proper noun (NE) by HanTa, which runs only on the sentences concerned.
        """
        toks = doc.tokens
        names: dict[str, str] = {}
        for a, b, lab, *_ in spans:
            if lab == "PER" and b - a >= 2:
                names.setdefault(toks[b - 1].text, "PER")
            elif lab in ("ORG", "LOC") and b - a == 1 and len(toks[a].text) >= 3:
                names.setdefault(toks[a].text, lab)
        if not names:
            return spans
        covered: set[int] = set()
        for a, b, *_ in spans:
            covered.update(range(a, b))
        added = []
        for i, t in enumerate(toks):
            if i in covered or not t.text[:1].isupper():
                continue
            lab = names.get(t.text) or (names.get(t.text[:-1]) if t.text.endswith("s") else None)
            if lab is None:
                continue
            if tag_is(doc, i, _is_proper_noun):
                added.append([i, i + 1, lab, _PROPAGATED_SCORE, "rule", None])
        return spans + added

    def _role_before(self, doc: Doc, a: int) -> str | None:
        toks = doc.tokens
        if a == 0 or toks[a - 1].sent != toks[a].sent:
            return None
        prev = toks[a - 1].text
        if not (is_role_noun(prev) or self.index.role.get(prev.casefold())):
            return None
        first = a - 1
        # one attributive adjective before the noun: "der russische Außenminister X" (POS only for these rare cases)
        if first > 0 and toks[first - 1].sent == toks[a].sent and toks[first - 1].text[:1].islower():
            if tag_is(doc, first - 1, _is_adjective):
                first -= 1
        return " ".join(t.text for t in toks[first:a])

    def _role_mentions(self, doc: Doc, mentions: list[EntityMention], clusters: list[dict[str, Any]],
                       starts: set[int], year: int | None, spans: list[list[Any]]) -> None:
        """Role descriptions from the curated file ("der Kremlchef") as mentions of their holder."""
        index = self.index
        if not index.role:
            return
        toks = doc.tokens
        covered: set[int] = set()
        for a, b, *_ in spans:
            covered.update(range(a - 1, b))  # the token before a name is that name's role, not a mention
        named = {c["actor"].canonical: c for c in clusters if c["actor"] is not None}
        maxw = index.max_role_words
        firsts = index.role_first_words
        i, n = 0, len(toks)
        while i < n:
            if toks[i].text.casefold() not in firsts:
                i += 1
                continue
            hit = None
            for w in range(min(maxw, n - i), 0, -1):
                if any(k in covered for k in range(i, i + w)) or toks[i + w - 1].sent != toks[i].sent:
                    continue
                phrase = " ".join(t.text for t in toks[i : i + w])
                cands = index.roles_for(phrase, year)
                if not cands:
                    continue
                names = {c.canonical for c in cands}
                chosen = [c for c in cands if c.canonical in named]
                if not chosen and len(names) == 1 and (year is not None or len(cands) == 1):
                    chosen = cands
                if chosen and len({c.canonical for c in chosen}) == 1:
                    hit = (i, i + w, chosen[0])
                    break
            if hit is None:
                i += 1
                continue
            a, b, actor = hit
            cluster = named.get(actor.canonical)
            if cluster is None:
                cluster = {"key": f"e{len(clusters) + 1}", "label": "PER", "actor": actor, "names": [], "texts": [],
                           "canonical": actor.canonical}
                clusters.append(cluster)
                named[actor.canonical] = cluster
            start, end = toks[a].start, toks[b - 1].end
            text = doc.text[start:end]
            mentions.append(EntityMention(start=start, end=end, text=text, label="PER", entity=cluster["key"],
                                          role=text, score=_ROLE_SCORE, source="rule"))
            i = b


_CASE_ENDING = re.compile(r"(?:en|em|es)$")


@functools.lru_cache(maxsize=4096)
def _inflected_adjective(word: str) -> bool:
    """ "Syrischen", "Neuen": a capitalised attributive adjective with a case ending (HanTa's best reading of
    the lower-case word is ADJA; "Angeles" is not)."""
    from .segment import word_tags

    if not word[:1].isupper() or not _CASE_ENDING.search(word):
        return False
    readings = word_tags(word.lower())
    return bool(readings) and readings[0][0] == "ADJ(A)"


def citation_form(name: str) -> str:
    """The form of an adjective + noun name after "die/der/das" in the nominative, so that an organisation the
    curated file does not know gets one canonical name in every article, whatever case it stood in:
    "Freien Syrischen Armee" -> "Freie Syrische Armee", "Internationalen Roten Kreuzes" -> "Internationale Rote
    Kreuz". Only adjectives with a case ending before the last word are changed."""
    words = name.split()
    if len(words) < 2:
        return name
    changed = False
    for i, w in enumerate(words[:-1]):
        if _inflected_adjective(w):
            words[i] = _CASE_ENDING.sub("", w) + "e"
            changed = True
    last = words[-1]
    if changed and len(last) > 5 and last.endswith("es") and not last.endswith("ses"):
        words[-1] = last[:-2]  # the genitive noun of such a name: "Sicherheitsrates"
    return " ".join(words)


@functools.lru_cache(maxsize=8192)
def _case_free_key(name: str) -> str | None:
    # Two normalisers stay, composed here, because neither can do the other's job without changing output
    # (tried in session 11). actors.inflection_key alone keeps the short adjective "roten" and the genitive
    # noun, so "Rote Kreuz" and "Roten Kreuzes" would stay two entities. Running the curated-actor index on this
    # composed key instead changes the keys of 2 of its 135 multi-word names ("Rotes Kreuz", "Internationales
    # Komitee vom Roten Kreuz"): "das Rote Kreuz Haitis", a national society, would then link to the ICRC
    # (tests/test_entities.py::test_entities_inflected_unknown_organisation_one_entity_and_citation_form fails).
    # The samples' output was identical either way; the lookup stays HanTa-free.
    return inflection_key(citation_form(name))


def _best_name(texts: list[str]) -> str:
    """Most complete name of a cluster; "Microsoft" over its genitive "Microsofts"."""
    seen = set(texts)
    return max(texts, key=lambda t: (len(t.split()), not (t.endswith("s") and t[:-1] in seen), len(t)))


#: HanTa's log-probability of a noun it knows from its lexicon is around -8 to -13; a word it analyses as a
#: compound of known parts gets about -14.7 ("Pinkwart", "Orion", "Walzer": names in GermEval dev) and a word it
#: has never seen a guess from its ending at about -30. Chosen on the dev sets: on one-word PER spans found by
#: the taggers, -13 drops 8 wrong ones (Papst, Patriarch, Fan, Jura, ...) and 3 names (Richter, Kaiser, Stern
#: alone in a sentence); -14 would drop 3 more names (Flocke, Blatter) for one more wrong one.
_KNOWN_WORD_LOGP = -13.0
_DIGIT = re.compile(r"\d")


# HanTa's tag of a word in its sentence, read through segment.tag_is: the sentence is tagged (tags only: no check
# reads a lemma) only when the word's own readings leave the answer open
def _is_common_noun(tag: str) -> bool:
    return tag == "NN"


def _is_proper_noun(tag: str) -> bool:
    return tag == "NE"


def _is_adjective(tag: str) -> bool:
    return tag.startswith("ADJ")


@functools.lru_cache(maxsize=8192)
def _known_noun(word: str) -> bool:
    """HanTa knows the word, and as a common noun more than as a name."""
    from .segment import word_tags

    readings = dict(word_tags(word))
    noun = readings.get("NN")
    return noun is not None and noun > _KNOWN_WORD_LOGP and noun >= readings.get("NE", float("-inf"))


def _looks_like_product(tokens: list[Token]) -> bool:
    """A type designation with a number ("Antonow An-24", "Boeing 737", "MiG-29"): no person's name has digits."""
    return any(_DIGIT.search(t.text) for t in tokens)


def _type_from_kind_noun(toks: list[Token], spans: list[list[Any]]) -> list[list[Any]]:
    """A kind noun right before a one-word name decides its type ("der israelischen Zeitung Haaretz": ORG, not the
    tagger's LOC; "der Operation „Muschtarak“": MISC, not PER), and so that of the article's other mentions
    of the same name ("Wie Haaretz berichtet"), which have no such noun. The tagger sees one sentence at a
    time and guesses from the word's shape; the apposition is the article's own statement of the type."""
    covered: set[int] = set()
    for a, b, *_ in spans:
        covered.update(range(a, b))
    typed: dict[str, str] = {}
    for span in spans:
        a = span[0]
        # only one-word names: after a kind noun, a first and last name is mostly a person of that thing
        # ("Partei Václav Klofáč", WikiANN dev; "Verlag Benke Tabarz", GermEval dev)
        if span[1] - a != 1:
            continue
        k = a - 1
        if k >= 0 and toks[k].text in _OPENING_QUOTES:
            k -= 1
        # the noun must be a plain word of the same sentence, not part of a name ("Düsseldorf Merkel")
        if k < 0 or k in covered or toks[k].sent != toks[a].sent:
            continue
        label = type_noun_label(toks[k].text)
        if label in ("ORG", "MISC") and span[2] in ("LOC", "PER") and _is_genitive_name(toks[a].text):
            # a place or person in the genitive after an organisation is its owner, not its name ("die
            # Demokratische Partei Thailands"); after a place noun the -s is mostly the name's own ("Stadt Homs")
            continue
        if label is not None:
            span[2] = label
            typed[_span_text(toks, span)] = label
    if typed:
        for span in spans:
            label = typed.get(_span_text(toks, span))
            if label is not None:
                span[2] = label
    return spans


@functools.lru_cache(maxsize=1)
def _english_words() -> tuple[frozenset[str], frozenset[str]]:
    """(English words rare in German, words shared by both), from ``data/english_words.tsv``."""
    english: set[str] = set()
    neutral: set[str] = set()
    for line in ENGLISH_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, kind = line.split("\t")
            (english if kind == "E" else neutral).add(word)
    return frozenset(english), frozenset(neutral)


# words that join the parts of an English name ("Institute for the Study of War", "House of Lords")
_ENGLISH_JOINERS = frozenset({"of", "for", "the", "and", "on", "at", "&"})
# last (or, before a joiner, first) words that make an English name an organisation
_ENGLISH_ORG_HEADS = frozenset(
    "academy administration agency alliance army assembly association authority bank board bureau center centre "
    "coalition college command commission committee company congress corporation council court department "
    "division foundation forces forum front fund group guard herald house institute institution journal league "
    "ministry mission monitor movement navy network news observatory office organisation organization party post "
    "press program programme project records review school service society times tribunal tribune trust union "
    "university watch".split())


def _capital_word(word: str) -> bool:
    return len(word) > 1 and word[:1].isupper() and word.replace("-", "").isalpha()


def _english_names(toks: list[Token], spans: list[list[Any]]) -> list[list[Any]]:
    """Whole English organisation names inside German text ("der Naval Criminal Investigative Service",
    "der International Crisis Group", "das Institute for the Study of War").

    The taggers learned German: on an English name they stop at words they do not know or split it in two.
    A run of capitalised words (with "of", "for", "the", "and" between them) that holds at least two English
    words, at least one of them capitalised, becomes one ORG span: over the ORG spans the tagger found inside
    it, or, where it found none, when an organisation word heads it ("Service", "Institute for …"). English
    words are those far more frequent in English than in German (``data/english_words.tsv``); words common to
    both ("Service", "War") only extend such a name. Runs touching a person, place or other span are left to
    the tagger ("Will Power", "Men at Work").
    """
    english, neutral = _english_words()
    out = spans
    i, n = 0, len(toks)
    while i < n:
        if not _capital_word(toks[i].text):
            i += 1
            continue
        j = i + 1
        while j < n and toks[j].sent == toks[i].sent:
            if _capital_word(toks[j].text):
                j += 1
                continue
            k = j  # joiners count only between capitalised words ("for the Study")
            while k < n and toks[k].text in _ENGLISH_JOINERS and toks[k].sent == toks[i].sent:
                k += 1
            if k == j or k == n or toks[k].sent != toks[i].sent or not _capital_word(toks[k].text):
                break
            j = k
        if sum(1 for k in range(i, j) if toks[k].text in _ENGLISH_JOINERS or toks[k].text.lower() in english) >= 2:
            # a German word ends the name ("der Naval Criminal Investigative Service Anklage", "Valves
            # Online-Vertriebsplattform Steam"); HanTa is asked only about runs that may hold one
            start = i
            for k in range(i, j + 1):
                if k == j or _german_word(toks[k].text, english, neutral):
                    out = _english_run(toks, out, start, k, english, neutral)
                    start = k + 1
        i = j
    return out


def _german_word(word: str, english: frozenset[str], neutral: frozenset[str]) -> bool:
    if word in _ENGLISH_JOINERS:
        return False
    parts = word.lower().split("-")
    if all(p in english or p in neutral for p in parts):
        return False
    return len(parts) > 1 or _known_noun(word)


def _english_run(toks: list[Token], spans: list[list[Any]], a: int, b: int, english: frozenset[str],
                 neutral: frozenset[str]) -> list[list[Any]]:
    while a < b and toks[a].text in _ENGLISH_JOINERS:
        a += 1  # a run cut at a German word may end in "of" ("Ministry of Anklage" is no name)
    while b > a and toks[b - 1].text in _ENGLISH_JOINERS:
        b -= 1
    if b - a < 2:
        return spans
    low = [t.text.lower() for t in toks[a:b]]
    joiners = [k for k in range(a, b) if toks[k].text in _ENGLISH_JOINERS]
    capital = [k for k in range(a, b) if k not in joiners and low[k - a] in english]
    evidence = sorted(joiners + capital)
    if not capital or len(evidence) < 2:
        return spans
    lo, hi = evidence[0], evidence[-1] + 1
    while lo in joiners:
        lo -= 1  # a joiner never opens or closes a name: the words around it belong to it
    while hi - 1 in joiners:
        hi += 1
    while lo > a and low[lo - 1 - a] in neutral:
        lo -= 1
    while hi < b and low[hi - a] in neutral:
        hi += 1
    inside = [s for s in spans if s[0] < hi and lo < s[1]]
    if any(s[2] != "ORG" for s in inside):
        return spans
    if inside:
        lo, hi = min(lo, *(s[0] for s in inside)), max(hi, *(s[1] for s in inside))
        if len(inside) == 1 and (inside[0][0], inside[0][1]) == (lo, hi):
            return spans
        score = max(float(s[3]) for s in inside)
    elif low[hi - 1 - a] in _ENGLISH_ORG_HEADS or (low[lo - a] in _ENGLISH_ORG_HEADS and lo + 1 in joiners):
        score = _PROPAGATED_SCORE
    else:
        return spans
    return [s for s in spans if s not in inside] + [[lo, hi, "ORG", score, "rule", None]]


def _is_genitive_name(word: str) -> bool:
    return _strip_genitive(word) != word


def _span_text(toks: list[Token], span: list[Any]) -> str:
    return " ".join(t.text for t in toks[span[0]:span[1]])


def _is_truncated_compound(word: str) -> bool:
    return len(word) > 1 and word.endswith("-")


def _is_lower_word(word: str) -> bool:
    return word.isalpha() and word.islower()


def _strip_genitive(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 and word[-2:] != "ss" else word


def _find_cluster(clusters: list[dict[str, Any]], label: str, text: str, actor: ActorInfo | None) -> dict[str, Any] | None:
    if actor is not None:
        for c in clusters:
            if c["actor"] is not None and (c["actor"].canonical == actor.canonical):
                return c
    words = tuple(_strip_genitive(w) for w in text.split())
    # "die Freie Syrische Armee ... der Freien Syrischen Armee": one entity whatever the case ending
    key = _case_free_key(text) if label != "PER" else None
    for c in reversed(clusters):  # most recent first: a bare surname means the last person named so
        if c["label"] != label:
            continue
        if key is not None and any(_case_free_key(t) == key for t in c["texts"]):
            return c
        for name in c["names"]:
            if name == words:
                return c
            if label == "PER" and (name[-len(words):] == words or words[-len(name):] == name):
                return c
    return None


def _merge_gazetteer(spans: list[list[Any]], a: int, b: int, actor: ActorInfo) -> list[list[Any]]:
    overlapping = [s for s in spans if s[0] < b and a < s[1]]
    if not overlapping:
        return spans + [[a, b, actor.type, _GAZ_SCORE, "gazetteer", actor]]
    if len(overlapping) == 1 and overlapping[0][0] == a and overlapping[0][1] == b:
        s = overlapping[0]
        if s[2] != actor.type and (actor.kind in _FIXED_TYPE_KINDS or s[2] in ("MISC", "PER")):
            s[2] = actor.type
        s[5] = actor
        return spans
    if all(a <= s[0] and s[1] <= b for s in overlapping):
        keep = [s for s in spans if s not in overlapping]
        return keep + [[a, b, actor.type, max(s[3] for s in overlapping), "gazetteer", actor]]
    return spans
