"""Sentences and tokens with exact character offsets.

Tokenisation is spaCy's rule-based German tokenizer (fast, keeps "al-Kaida",
"Abu-Bakr", "u.", "Dr.", "10.000" and "2,5" whole). Sentence boundaries are our
own rules on top, because the German traps sit exactly there: "am 3. März"
(ordinal, no boundary) versus "im Jahr 2012. Aber" (year, boundary), closing
quotes that belong to the sentence before, and headline lines without a full
stop. POS tags and lemmas come from HanTa, on demand per sentence and cached,
because tagging everything would cost more than every other stage together.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import Any

from .doc import Doc
from .records import Sentence, Token

_TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSING = {"“", "”", '"', "«", "»", "‘", "’", "'", ")", "]", "‹", "›"}
_MONTHS = {
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "jan.", "feb.", "febr.", "mär.", "apr.", "jun.", "jul.",
    "aug.", "sep.", "sept.", "okt.", "nov.", "dez.",
}
# Capitalised words that begin a new sentence far more often than they follow
# an ordinal ("am 3. Die" is not German; "im Jahr 2012. Die" is).
_SENTENCE_STARTERS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "er", "sie", "es", "wir", "ich",
    "ihr", "man", "aber", "doch", "denn", "dann", "damals", "danach", "dabei", "daher", "deshalb",
    "seitdem", "seither", "im", "in", "am", "an", "auf", "bei", "nach", "seit", "mit", "von", "vor",
    "zu", "zum", "zur", "für", "auch", "so", "nun", "heute", "dies", "diese", "dieser", "dieses",
    "bereits", "schon", "zudem", "außerdem", "allerdings", "jedoch", "trotzdem", "als", "wie",
    "wenn", "während", "weil", "nachdem", "bis", "unter", "über", "laut", "insgesamt", "zuvor",
    "the", "a", "on", "at", "it", "he", "she", "they", "we", "this", "these", "there", "but", "however",
    "meanwhile", "after", "according",
}
# Abbreviations spaCy splits from their full stop ("Art", "."), which then ends a sentence: kept whole when a
# number follows ("Art. 5 des Grundgesetzes", "Kap. 3") or, for "Mill.", precedes ("3 Mill. Euro"). Without
# the number they stay nouns that may end a sentence ("eine neue Art.", "um das Kap.").
_ABBREV_BEFORE_NUMBER = frozenset({
    "Art", "Kap", "Ziff", "Tab", "Anm", "Abschn", "Anl", "Bl", "Rn", "Rnd", "Rdnr", "Randnr", "Rz", "Fallgr",
    "Hausnr", "No", "Az", "Buchst", "Drucks", "BT-Drucks", "Halbs", "Unterabs", "Tel",
})
# Abbreviations that never end a German sentence, whatever follows ("Vgl. dazu", "Vgl. Bl. 12").
_ABBREV_NOT_FINAL = frozenset({"Vgl"})
_ABBREV_AFTER_NUMBER = frozenset({"Mill", "a.m", "p.m"})
# English abbreviations spaCy's German rules split from their full stop: titles before a name or number ("Gen.
# Jones", "Lt. Col. Hall"), words before a number ("No. 10", "Oct. 1") and company suffixes ("Acme Corp."), which
# may also end a sentence (decided in split_sentences).
_EN_TITLES = frozenset({
    "Mrs", "Ms", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Rev", "Mt", "Maj", "Adm", "Cpl", "Pvt",
    "Fr", "Supt", "Insp", "Cmdr",
})
_EN_BEFORE_NUMBER = frozenset({"No", "Nos", "Oct", "Dec", "Vol"})
_EN_SUFFIXES = frozenset({"Corp", "Ltd", "Bros"})
_YEAR_DOT = re.compile(r"^(\d{4})\.$")
_NUM_DOT = re.compile(r"^(\d{1,3})\.$")
# A grouped or decimal number with the sentence's full stop glued on ("10.000.", "2,5.", "6,750."): unlike a
# bare "3." it is never an ordinal. Day-month dates ("31.12.") are, so they split only before a sentence starter.
_GROUPED_NUM_DOT = re.compile(r"^\d[\d.,]*\d\.$")
_DAY_MONTH_DOT = re.compile(r"^\d{1,2}\.\d{1,2}\.$")
# Abbreviations that keep their full stop but may also end the sentence ("in den U.S. The next day", "um 7 p.m.
# The police", "im Jahr 50 v. Chr. Die Römer"): a boundary when a capitalised sentence starter follows.
# Unit symbols take no full stop in German, so one glued to a unit right after a number ("wiegt 165 g. Es kostet",
# "mit 1.080 km/h. In Konkurrenz") is the sentence's; spaCy keeps "g." whole as if it were an abbreviation.
# Only after a number (or "km/" after one): "d. h." and "s. o." stay abbreviations.
_UNIT_SYMBOLS = frozenset({
    "g", "kg", "mg", "t", "m", "km", "cm", "mm", "h", "l", "ml", "s", "min", "ha", "W", "kW", "MW", "GW", "kWh", "V",
    "Hz", "°C",
})
_FINAL_ABBREVIATIONS = frozenset({
    "usw.", "etc.", "u.a.", "Chr.", "Co.", "Inc.", "Ltd.", "Corp.", "Jr.", "U.S.", "U.K.", "U.N.", "a.m.", "p.m.",
})


#: spaCy keeps a lexeme, its strings and tokenizer-cache entries for every word form it has seen (~630 bytes
#: each, measured), for the life of its Vocab: a long-running ingest or server would grow without end. Past
#: this many lexemes the tokenizer is built anew with a fresh Vocab (~0.1 s, then its cache warms up again).
#: Tokens and offsets come from the tokenizer's rules alone, so they are the same before and after.
MAX_LEXEMES = 100_000
_resets = 0


@functools.lru_cache(maxsize=1)
def _spacy_tokenizer() -> Any:
    import spacy

    return spacy.blank("de").tokenizer


def _bound_vocab() -> None:
    global _resets
    if len(_spacy_tokenizer().vocab) > MAX_LEXEMES:
        _spacy_tokenizer.cache_clear()
        _resets += 1


def tokenizer_stats() -> dict[str, int]:
    """Size of spaCy's vocabulary and string store, and how often it was reset (for memory checks)."""
    tok = _spacy_tokenizer()
    return {"spacy_lexemes": len(tok.vocab), "spacy_strings": len(tok.vocab.strings), "spacy_resets": _resets}


def _next_word(tokens: list[Any], i: int) -> str | None:
    return tokens[i + 1].text if i + 1 < len(tokens) else None


def _numbered_abbreviation(toks: list[Any], i: int, english: bool = False) -> bool:
    word = toks[i].text
    if english:
        after = toks[i + 2].text if i + 2 < len(toks) else ""
        if word in _EN_SUFFIXES or word in _EN_TITLES and after[:1].isupper() or word in _EN_BEFORE_NUMBER and after[:1].isdigit():
            return True
    if word in _ABBREV_NOT_FINAL and not english:
        return True
    if word in _ABBREV_BEFORE_NUMBER or word.endswith("str") and word[:1].isupper():  # "Hauptstr. 9", "Str. 3"
        after = toks[i + 2].text if i + 2 < len(toks) else ""
        return after[:1].isdigit()
    if word in _ABBREV_AFTER_NUMBER:
        return i > 0 and toks[i - 1].text[:1].isdigit()
    return False


def tokenize(text: str, language: str = "de") -> list[Token]:
    """Tokens with offsets; splits a sentence-final year ("2012.") into number and stop. English has no ordinal
    full stop, so there any number before a capitalised word ("on June 13. Officials") gives its stop back."""
    english = language == "en"
    out: list[Token] = []
    _bound_vocab()  # before, so that no live spaCy Doc refers to the tokenizer dropped here
    sp = _spacy_tokenizer()(text)
    toks = list(sp)
    merged = -1  # index of a full stop already joined to the abbreviation before it
    for i, t in enumerate(toks):
        if t.is_space or i == merged:
            continue
        start, word = t.idx, t.text
        nxt = _next_word(toks, i)
        if nxt == "." and toks[i + 1].idx == start + len(word) and _numbered_abbreviation(toks, i, english):
            out.append(Token(start, start + len(word) + 1, word + ".", space_after=bool(toks[i + 1].whitespace_)))
            merged = i + 1
            continue
        split = False
        m = _YEAR_DOT.match(word) or _NUM_DOT.match(word)
        if word.endswith(".") and word[:-1] in _UNIT_SYMBOLS and (nxt is None or nxt[:1].isupper()) \
                and _after_number(out):
            split = True
        elif not m and _GROUPED_NUM_DOT.match(word) and (nxt is None or nxt[:1].isupper()):
            split = nxt is None or (nxt.lower() in _SENTENCE_STARTERS if _DAY_MONTH_DOT.match(word)
                                    else nxt.lower() not in _MONTHS)
        elif m and nxt is not None and nxt[:1].isupper() and nxt.lower() not in _MONTHS:
            is_year = len(m.group(1)) == 4
            if is_year or english or nxt.lower() in _SENTENCE_STARTERS:
                split = True
        elif m and (nxt is None or "\n" in text[t.idx + len(word): t.idx + len(word) + 2]):
            split = len(m.group(1)) == 4
        if split:
            n = len(word) - 1
            out.append(Token(start, start + n, word[:n], space_after=False))
            out.append(Token(start + n, start + n + 1, ".", space_after=bool(t.whitespace_)))
        else:
            out.append(Token(start, start + len(word), word, space_after=bool(t.whitespace_)))
    return out


def _after_number(out: list[Token]) -> bool:
    """Do the tokens so far end in a number, or in a number, a unit and a slash ("1.080 km/")?"""
    if out and out[-1].text == "/" and len(out) >= 3:
        out = out[:-2]
    return bool(out) and out[-1].text[:1].isdigit() and out[-1].text[-1:].isdigit()


def split_sentences(text: str, tokens: list[Token], language: str = "de") -> list[Sentence]:
    """Group tokens into sentences; assigns ``Token.sent`` in place. In English any word that keeps its full
    stop ("H5.", "Inc.") ends the sentence before a capitalised sentence starter; German keeps that to a short
    list, because its abbreviations and ordinals ("3. Die") are far more common."""
    english = language == "en"
    sentences: list[Sentence] = []
    first = 0
    n = len(tokens)

    def close(last: int) -> None:
        nonlocal first
        if last < first:
            return
        s, e = tokens[first].start, tokens[last].end
        idx = len(sentences)
        for t in tokens[first : last + 1]:
            t.sent = idx
        sentences.append(Sentence(s, e, text[s:e], first, last + 1))
        first = last + 1

    i = 0
    while i < n:
        tok = tokens[i]
        boundary = False
        if tok.text in _TERMINAL or (len(tok.text) > 1 and set(tok.text) <= {".", "!", "?"}):
            # absorb closing quotes/brackets that end the sentence with it
            while i + 1 < n and tokens[i + 1].text in _CLOSING and tokens[i + 1].start == tokens[i].end:
                i += 1
            nxt = tokens[i + 1] if i + 1 < n else None
            # "..." inside a quote or lower-case continuation is not a boundary
            boundary = nxt is None or not nxt.text[:1].islower() or tok.text in {".", "!", "?"} and nxt.text[:1] in "„\"»‚"
            if tok.text in {"…", "..."} and nxt is not None and nxt.text[:1].islower():
                boundary = False
            if tok.text == "." and nxt is not None and nxt.text[:1].islower() and nxt.text not in {"„"}:
                boundary = False
        elif i + 1 < n and (tok.text in _FINAL_ABBREVIATIONS
                            or english and len(tok.text) > 1 and tok.text.endswith(".") and tok.text[-2].isalnum()):
            nxt = tokens[i + 1]
            boundary = nxt.text[:1].isupper() and nxt.text.lower() in _SENTENCE_STARTERS
        if not boundary and i + 1 < n:
            gap = text[tok.end : tokens[i + 1].start]
            if "\n" in gap:
                boundary = True  # paragraph or headline line
        if boundary:
            close(i)
        i += 1
    if first < n:
        close(n - 1)
    return sentences


#: word analyses HanTa may reuse across sentences and articles. Its two per-word Viterbi passes (tag
#: probabilities of a word form; morphemes of a form for a known tag, which give the lemma) depend on the word
#: alone, yet it recomputes them for every occurrence outside its small built-in cache of frequent words:
#: about 80 % of its time on news. ~0.3 KB per entry: at most ~30 MB for both tables together.
HANTA_WORD_CACHE = 50_000


@functools.lru_cache(maxsize=1)
def _hanta() -> Any:
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    forward, viterbi = tagger.analyze_forward, tagger.analyze_viterbi

    # tuples, so that no caller can change a shared cached result
    @functools.lru_cache(maxsize=HANTA_WORD_CACHE)
    def analyze_forward(word: str) -> tuple[Any, ...]:
        return tuple(forward(word))

    @functools.lru_cache(maxsize=HANTA_WORD_CACHE)
    def analyze_viterbi(word: str, targetpos: int) -> tuple[Any, ...]:
        return tuple(viterbi(word, targetpos))

    tagger.analyze_forward, tagger.analyze_viterbi = analyze_forward, analyze_viterbi
    return tagger


def word_tags(word: str) -> list[tuple[str, float]]:
    """HanTa's STTS readings of one word out of context, best first, as (tag, log-probability)."""
    if len(word) > MAX_TAGGED_WORD:
        return []
    return [(tag, float(logp)) for tag, logp in _hanta().tag_word(word)]


#: sentences whose HanTa tags are kept across articles. Tags are kept on the tokens within an article, so this
#: only serves repeated sentences (agency copies): 8 hits in 3,938 calls over 2,000 distinct news articles
#: (memory_soak.py). ~2.6 KB per entry (tracemalloc): ~21 MB at this bound, ~130 MB at the former 50,000
TAG_CACHE_SENTENCES = 8192


@functools.lru_cache(maxsize=TAG_CACHE_SENTENCES)
def _tag_words(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    tagged = _hanta().tag_sent(list(words), taglevel=1)
    return tuple((lemma, pos) for _, lemma, pos in tagged)


#: HanTa's time grows with the square of a word's length, and with sentence length:
#: longer words are not sent to it, and long sentences are tagged in windows.
MAX_TAGGED_WORD = 40
TAG_WINDOW = 300


@functools.lru_cache(maxsize=HANTA_WORD_CACHE)
def possible_tags(word: str, window_start: bool) -> frozenset[str] | None:
    """Every STTS tag :func:`ensure_pos` can give ``word``, whatever the rest of its sentence, or None when any
    tag can come. HanTa's sentence Viterbi picks each word's tag among that word's own readings (the same call,
    cutoff and case rule as ``tag_sent_viterbi``: case counts except at a window's first word), so a test true
    (false) of all of them holds without tagging the sentence; an unknown word can get any tag. Cached like
    HanTa's word analyses (~0.4 KB per entry, tracemalloc: ~20 MB at the bound)."""
    if len(word) > MAX_TAGGED_WORD:
        return None  # ensure_pos does not send it to HanTa
    from HanTa.HanoverTagger import UNKNOWN

    tagger = _hanta()
    readings = tagger._tag_word(word, cutoff=5, casesensitive=not window_start, conditional=True)
    if not readings or any(tag == UNKNOWN for tag, _ in readings):
        return None
    return frozenset(tagger.int2tag[tag] for tag, _ in readings)


def _windows(toks: list[Token]) -> list[tuple[list[Token], tuple[str, ...]]]:
    """The windows of a sentence that HanTa tags, with the words it is given (over-long ones as "X")."""
    return [(toks[w : w + TAG_WINDOW], tuple(t.text if len(t.text) <= MAX_TAGGED_WORD else "X"
                                             for t in toks[w : w + TAG_WINDOW]))
            for w in range(0, len(toks), TAG_WINDOW)]


def _long_word_tag(tok: Token) -> str:
    return "NN" if tok.text[:1].isupper() else "XY"


def ensure_pos(doc: Doc, sentence: int) -> list[Token]:
    """POS (STTS) and lemma for one sentence, computed once and cached on the tokens."""
    toks = doc.sentence_tokens(sentence)
    if toks and toks[0].pos is None:
        for window, words in _windows(toks):
            for tok, (lemma, pos) in zip(window, _tag_words(words), strict=True):
                if len(tok.text) > MAX_TAGGED_WORD:
                    lemma, pos = tok.text, _long_word_tag(tok)
                tok.lemma, tok.pos = lemma, pos
    return toks


def known_pos_tags(doc: Doc, sentence: int) -> list[str] | None:
    """The sentence's tags when :func:`ensure_pos` or :func:`pos_tags` has tagged it ("" where none), else None."""
    toks = doc.sentence_tokens(sentence)
    if not toks or toks[0].pos is not None:
        return [t.pos or "" for t in toks]
    known: dict[int, list[str]] = doc.cache.get("pos_tags", {})
    return known.get(sentence)


def pos_tags(doc: Doc, sentence: int) -> list[str]:
    """The POS tags :func:`ensure_pos` gives the sentence, without the lemmas (HanTa's lemma analysis is about a
    third of its time) and without setting either on the tokens. Kept in ``doc.cache["pos_tags"]``: one list
    per sentence asked about, so it is bounded by the document and goes with it."""
    tags = known_pos_tags(doc, sentence)
    if tags is None:
        tags = []
        for w, (window, _) in enumerate(_windows(doc.sentence_tokens(sentence))):
            tags.extend(map(_tag_name, window, _lattice(doc, sentence, w).tags()))
        doc.cache.setdefault("pos_tags", {})[sentence] = tags
        doc.cache.get("tag_lattices", {}).pop(sentence, None)
    return tags


#: HanTa's sentence Viterbi keeps only states within this many of the best (its ``tag_sent_viterbi``)
_KEPT_STATES = 5
_FLOOR = -1e6


class _TagLattice:
    """HanTa's sentence Viterbi (``HanoverTagger.tag_sent_viterbi``: states are tag pairs, the same readings,
    transitions, pruning and tie order, so the same path), run only as far as the words asked about need.

    The path through word k is decided once every state still alive at some later word leads back through one
    and the same state: whatever the words after it, the best path passes through one of those states. Paths
    mostly meet again a few words on, so the words after the last one asked about are mostly never analysed
    (HanTa's analysis of a word form it has not seen costs ~1.5 ms: most of a sentence's tagging). The
    entity stage asks about names at 40 % of their sentence on average (10kGNAD)."""

    __slots__ = ("words", "rows", "backs", "decided")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.rows: list[dict[tuple[int, int], float]] = []
        self.backs: list[dict[tuple[int, int], tuple[int, int]]] = []
        self.decided: list[int] = []  # tags of the first words, fixed whatever follows

    def tag(self, k: int) -> int:
        """HanTa's tag (an int of its tag table) of word k in the whole sentence."""
        while k >= len(self.decided):
            if len(self.rows) == len(self.words):
                self._finish()
            else:
                self._advance()
                if len(self.rows) > k:
                    self._settle()
        return self.decided[k]

    def tags(self) -> list[int]:
        """HanTa's tags of every word (``tag_sent_viterbi``'s answer)."""
        while len(self.decided) < len(self.words):
            if len(self.rows) == len(self.words):
                self._finish()
            else:
                self._advance()
        return self.decided

    def _advance(self) -> None:
        from HanTa.HanoverTagger import EMPTY, END, START, UNKNOWN

        tagger = _hanta()
        i = len(self.rows)
        prev = self.rows[-1] if self.rows else {(EMPTY, START): 0.0}
        readings = dict(tagger._tag_word(self.words[i], cutoff=5, casesensitive=i > 0, conditional=True))
        if len(readings) == 1 and UNKNOWN in readings:
            readings = {}
        any_tag = not readings  # an unknown word may take any tag
        bound = _bound(prev)
        row: dict[tuple[int, int], float] = {}
        back: dict[tuple[int, int], tuple[int, int]] = {}
        for state, lp0 in prev.items():
            if lp0 < bound:
                continue
            for tag, lp_trans in tagger.LP_trans_word[state].items():
                if tag == END:
                    continue
                if any_tag:
                    lp = lp0 + lp_trans
                elif tag in readings:
                    lp = lp0 + lp_trans + readings[tag]
                else:
                    continue
                if lp > _FLOOR:
                    new = (state[1], tag)
                    if new not in row or lp > row[new]:
                        row[new] = lp
                        back[new] = state
        self.rows.append(row)
        self.backs.append(back)

    def _settle(self) -> None:
        """Fix the words whose paths have met: walk the live states back until they are one state."""
        last = len(self.rows) - 1
        row = self.rows[last]
        states = set(row)
        if last + 1 < len(self.words) and len(row) > _KEPT_STATES:
            # the states the next word's step will drop lead nowhere
            bound = _bound(row)
            states = {s for s, lp in row.items() if lp >= bound}
        j = last
        while len(states) > 1 and j > len(self.decided):
            states = {self.backs[j][s] for s in states}
            j -= 1
        if len(states) == 1 and j >= len(self.decided):
            self._fix(states.pop(), j)

    def _fix(self, state: tuple[int, int], j: int) -> None:
        tags = []
        while j >= len(self.decided):
            tags.append(state[1])
            state = self.backs[j][state]
            j -= 1
        self.decided.extend(reversed(tags))
        if len(self.decided) == len(self.words):
            self.rows, self.backs = [], []  # every tag is known: the scores are no longer needed

    def _finish(self) -> None:
        from HanTa.HanoverTagger import END

        tagger = _hanta()
        best, best_lp = None, -math.inf
        for state, lp0 in self.rows[-1].items():
            lp = lp0 + tagger.LP_trans_word[state].get(END, -math.inf)
            if lp > best_lp:
                best, best_lp = state, lp
        if best is None:
            raise ValueError("HanTa found no path through the sentence")
        self._fix(best, len(self.rows) - 1)


def _bound(row: dict[tuple[int, int], float]) -> float:
    """The score below which HanTa does not continue a state of this row."""
    return sorted(row.values(), reverse=True)[_KEPT_STATES] - 1 if len(row) > _KEPT_STATES else _FLOOR


def _lattice(doc: Doc, sentence: int, window: int) -> _TagLattice:
    lattices = doc.cache.setdefault("tag_lattices", {}).setdefault(sentence, {})
    lattice = lattices.get(window)
    if lattice is None:
        toks = doc.sentence_tokens(sentence)
        lattice = lattices[window] = _TagLattice(_windows(toks)[window][1])
    return lattice


def _tag_name(tok: Token, tag: int) -> str:
    return _hanta().int2tag[tag] if len(tok.text) <= MAX_TAGGED_WORD else _long_word_tag(tok)


def stts(tag: str) -> str:
    """A HanTa tag in plain STTS: HanTa writes the subclass in brackets ("VV(FIN)", "ADJ(A)")."""
    return tag.replace("(", "").replace(")", "")


def tag_known(doc: Doc, i: int, test: Callable[[str], bool]) -> bool | None:
    """``test`` of token i's POS tag (as :func:`ensure_pos` gives it; "" for none) when it is known without
    tagging: the sentence was tagged, the word's path through it is decided, or every tag HanTa could give the
    word passes (or none does). None otherwise. Tagging a sentence costs more than all the rules a stage runs
    on it."""
    tok = doc.tokens[i]
    s0 = doc.sentences[tok.sent].token_start
    tags = known_pos_tags(doc, tok.sent)
    if tags is not None:
        return test(tags[i - s0])
    lattice = doc.cache.get("tag_lattices", {}).get(tok.sent, {}).get((i - s0) // TAG_WINDOW)
    if lattice is not None and (i - s0) % TAG_WINDOW < len(lattice.decided):
        return test(_tag_name(tok, lattice.decided[(i - s0) % TAG_WINDOW]))
    readings = possible_tags(tok.text, (i - s0) % TAG_WINDOW == 0)
    if readings:
        verdicts = {test(tag) for tag in readings}
        if len(verdicts) == 1:
            return verdicts.pop()
    return None


def tag_is(doc: Doc, i: int, test: Callable[[str], bool]) -> bool:
    """``test`` of token i's POS tag; when the word alone cannot tell, the sentence is tagged (tags only) as far
    as this word's tag needs (:class:`_TagLattice`)."""
    known = tag_known(doc, i, test)
    if known is not None:
        return known
    tok = doc.tokens[i]
    k = i - doc.sentences[tok.sent].token_start
    return test(_tag_name(tok, _lattice(doc, tok.sent, k // TAG_WINDOW).tag(k % TAG_WINDOW)))


class SegmentStage:
    name = "segment"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("tokens", "sentences")

    def __init__(self, mode: str = "fast", config: dict[str, Any] | None = None):
        self.mode = mode
        self.config = config or {}

    def __call__(self, doc: Doc) -> Doc:
        language = (doc.article.language or "de")[:2].lower()
        doc.tokens = tokenize(doc.text, language)
        doc.sentences = split_sentences(doc.text, doc.tokens, language)
        return doc
