"""Quotes and reported speech with their speakers, for English news text.

The English counterpart of :mod:`lagebild.quotes` (German), filling the same
``Quote`` records. Rule-based and cheap, over the segmenter's tokens:

1. Direct quotes ("…", “…”, '…' when it cannot be an apostrophe, and a quote
   left open at the end of the text), also over several sentences and split by
   their frame ("We will," he said, "stay."), with the frame after ('…," said X',
   '…," X said', '…," X was quoted as saying'), before ('X said: "…"', 'X said
   that "…"', 'According to X, "…"', 'X commented: …' without marks) or none (a
   quote that opens a sentence right after a framed one continues that speaker).
2. Indirect speech: a cue verb with its clause ("X said (that) …", "X told Y
   (that) …", "…, X said.", "…, said X."), "according to X", "…, saying …",
   "X was quoted as saying …", and reported speech acts with a noun phrase only
   ("X denied the claim", "X called the plan 'a disaster'": kind reported).

The speaker is the mention in the text (a pronoun stays the pronoun; "he",
"she" point to the most recent person entity via ``speaker_entity``, as in
German; a relative "who" stays "who", the SpkAtt convention); ``speaker_role``
keeps the role noun ("officials", "spokesman"); ``addressee`` the object of
"told" ("told reporters"). Cue words are in ``data/speech_cues_en.tsv``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from .doc import Doc
from .quotes import _Ctx, _recent_person, _tok_index
from .records import EntityMention, Quote, Token


@dataclass(frozen=True)
class EnCues:
    verbs: frozenset[str]  # clause-taking speech verbs (all forms)
    weak: frozenset[str]  # cues only with "that" or in a frame
    acts: frozenset[str]  # noun-phrase speech acts
    addr: frozenset[str]  # verbs whose object is the addressee
    zero: frozenset[str]  # forms that take a clause without "that"
    caps: frozenset[str]  # capitalised forms that may open an inverted frame
    called: frozenset[str]
    nouns: frozenset[str]  # forms that are also nouns ("the new report", "raising fears that")
    needthat: frozenset[str]  # forms that are cues only before "that" ("states that", not "state media")
    roles: frozenset[str]
    adverbs: frozenset[str]
    times: frozenset[str]
    two_word: dict[str, frozenset[str]]  # first word -> second words ("point" -> {"out"})


def _regular(word: str) -> list[str]:
    if word.endswith("e"):
        return [word, word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    if word.endswith(("s", "sh", "ch", "x")):
        return [word, word + "es", word + "ed", word + "ing"]
    return [word, word + "s", word + "ed", word + "ing"]


_KINDS = ("verb", "weak", "act", "addr", "zero", "caps", "called", "noun", "needthat", "role", "adv", "time")


@functools.lru_cache(maxsize=1)
def cues() -> EnCues:
    sets: dict[str, set[str]] = {k: set() for k in _KINDS}
    two: dict[str, set[str]] = {}
    raw = resources.files("lagebild.data").joinpath("speech_cues_en.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        word, kind = cols[0], cols[1]
        field = cols[2].strip() if len(cols) > 2 else ""
        if "|" in field:
            forms = field.split("|")
        elif field:
            forms = field.split()
        elif kind in ("verb", "weak", "act", "addr"):
            forms = _regular(word)
        else:
            forms = [word]
        for f in forms:
            f = f.strip().lower()
            if " " in f:
                first, second = f.split(" ", 1)
                two.setdefault(first, set()).add(second)
                f = first
            sets[kind].add(f)
    fs = {k: frozenset(v) for k, v in sets.items()}
    return EnCues(fs["verb"], fs["weak"], fs["act"], fs["addr"], fs["zero"], fs["caps"], fs["called"], fs["noun"],
                  fs["needthat"], fs["role"],
                  fs["adv"], fs["time"], {k: frozenset(v) for k, v in two.items()})


# curly single quotes, and straight single quotes only where no apostrophe can be (opening before a capital,
# closing after a letter or punctuation); double quotes are paired by :func:`_double_quotes`
_SINGLE_RE = re.compile(r"‘[^‘’\n]{1,600}’|(?<![\w'])'(?=[A-Z])[^'\n]{1,600}(?<=[\w.,!?])'(?!\w)")
_DOUBLE_RE = re.compile(r"[\"“”„]")
_SENT_END_RE = re.compile(r"[.!?](?=\s)")
_QUOTE_TOKS = frozenset({'"', "“", "”", "‘", "’"})
_PRONOUNS = frozenset("he she they it we i you".split())
_PERSON_PRONOUNS = frozenset("he she".split())
_DETS = frozenset("the a an this that these those its his her their our some many several".split())
_POSSESSIVE = frozenset("its his her their our my your".split())
_BE = frozenset("is are was were be been being".split())
_AUX = frozenset("has have had will would could can may might should must did does do is are was were been "
                 "being be".split())
_NEG = frozenset("not n't never".split())
_BOUNDARY = frozenset("that which who whom whose because after when while as if although though since but where "
                      "before until whereas so than".split())
_PREPS = frozenset("in on at for during after before from with by about over under into since to of against "
                   "following amid despite through via".split())
_FORWARD_STOP = frozenset("on in at to during after before from with by about over who that which when while as "
                          "yesterday today last this and but through via".split())
_NP_PUNCT = frozenset({",", ".", ";", ":", "(", "!", "?"}) | _QUOTE_TOKS
_CLAUSE_OPENERS = frozenset("he she they it we i you there the a an this these those its his her their our most "
                            "all some no none many more several one two three four five six seven eight nine ten "
                            "eleven twelve any each every both such only".split())
# a contracted subject opens a clause too ("said it's vital"): the segmenter keeps some contractions whole
_STRONG_OPENERS = frozenset("he she they it we i you there".split()) | frozenset(
    p + a + c for p, cs in (("it", "s ll"), ("he", "s d ll"), ("she", "s d ll"), ("there", "s"), ("that", "s"),
                            ("they", "re ve d ll"), ("we", "re ve d ll"), ("i", "m ve d ll"), ("you", "re ve d ll"))
    for c in cs.split() for a in "'’")
_FINITE = frozenset("is are was were has have had will would could can may might should must did does do began "
                    "became came went made took found left gave knew thought saw told got ran rose fell grew "
                    "kept met paid said sent spent stood won lost held brought bought caught".split())
_NUMBERISH = re.compile(r"^\d")
_SENT_DOT = re.compile(r"^\S*\d\.$")  # "120,000." / "H5.": the segmenter missed a sentence end after a number
_END = frozenset({".", "!", "?"})
_FRAME_TAIL = 16  # tokens a frame may run on after its speaker ("in a statement on Monday")


@dataclass
class _En:
    doc: Doc
    toks: list[Token]
    low: list[str]
    ents: list[EntityMention]
    cues: EnCues
    taken: set[int]  # token indices inside direct quotes and their frames
    events: list[Quote]


def _upper(ctx: _En, k: int) -> bool:
    return ctx.toks[k].text[:1].isupper()


def _finite(ctx: _En, k: int, after_opener: bool) -> bool:
    """A finite verb (rough): an auxiliary, a common past form, "-ed", or "-s" after a noun."""
    w = ctx.low[k]
    if w in _FINITE:
        return True
    if _upper(ctx, k) or not w.isalpha():
        return False
    if w.endswith("ed") and len(w) > 4:
        return True
    return (after_opener and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics", "ous"))
            and ctx.low[k - 1] not in _DETS and not _NUMBERISH.match(ctx.low[k - 1]))


def _cue_at(ctx: _En, k: int) -> tuple[str, int] | None:
    """(class, last token of the cue) when token k starts a speech cue."""
    c, w = ctx.cues, ctx.low[k]
    if _upper(ctx, k) and w not in c.caps:
        return None  # "United States", "Confirming previous studies, …"
    if w in c.two_word:
        if k + 1 < len(ctx.low) and ctx.low[k + 1] in c.two_word[w]:
            return ("act" if w in c.acts and w not in c.verbs else "verb"), k + 1
        if w in c.acts and w not in c.verbs and w not in c.weak:
            return None  # "call" without "for"
    if w in c.verbs:
        return "verb", k
    if w in c.weak:
        return "weak", k
    if w in c.acts:
        return "act", k
    return None


def _is_verbal(ctx: _En, k: int) -> bool:
    """Not an adjective or noun use ("confirmed cases", "the report", "a new report", "raising fears that")."""
    if k == 0:
        return True
    low = ctx.low
    prev = low[k - 1]
    if prev in _DETS or (_NUMBERISH.match(prev) and not prev.endswith(".")) or prev in ("of", "for", "with"):
        return False
    if low[k] in ctx.cues.nouns:
        if prev.endswith("ing") or (k > 1 and low[k - 2] in _DETS and not _upper(ctx, k - 1)):
            return False  # "raising fears that", "the new report finds"
        if k > 1 and low[k - 2] in _DETS and (k + 1 >= len(low) or low[k + 1] not in _STRONG_OPENERS | {"that"}):
            return False  # "the FDA report documenting …" (but "the FDA reports that …")
        if k + 1 < len(low) and not _upper(ctx, k + 1) and (
                low[k + 1] in _FINITE or (_cue_at(ctx, k + 1) is not None and low[k + 1] in ctx.cues.verbs)):
            return False  # "Media reports suggest that …", "the claims are ridiculous"
    if low[k] in ctx.cues.needthat:
        nxt = next((m for m in range(k + 1, min(len(low), k + 3)) if low[m] not in ctx.cues.adverbs), k + 1)
        if nxt >= len(low) or low[nxt] != "that":
            return False  # "state media", "the sixteen states"
    if prev in ("last", "first", "newly", "most", "least", "only", "widely", "commonly"):
        return False  # "Turkey's last reported victim", "the most cited study"
    return not (k + 1 < len(ctx.low) and ctx.low[k].endswith("ed") and ctx.low[k + 1] in ("cases", "case", "deaths"))


def _sent(ctx: _En, k: int) -> tuple[int, int]:
    s = ctx.doc.sentences[ctx.toks[k].sent]
    return s.token_start, s.token_end


def _skip_adverbials(ctx: _En, i: int, lim: int) -> int:
    """After a cue: "on Tuesday", "yesterday", "in a statement", "last week", "also", ", on June 3, 2005,"."""
    low, c = ctx.low, ctx.cues
    while i < lim:
        w = low[i]
        if w in c.adverbs or w in c.times:
            i += 1
        elif w == "last" and i + 1 < lim:
            i += 2
        elif w in ("on", "in", "at", "during") and i + 2 < lim and (_NUMBERISH.match(low[i + 1]) or (
                low[i + 1] in c.times)) and _looks_clause(ctx, i + 2, lim):
            i += 2  # "said in 2019 the mayor had known …"
        elif w in ("on", "in", "at", "during", "via", "through", "late", "early", "earlier", "through"):
            j = i + 1
            while j < lim and j - i <= 7 and low[j] not in (",", ".", "that", ":") and not _finite(ctx, j, False) and (
                    low[j] not in _STRONG_OPENERS):
                j += 1
            if j < lim and low[j] in ("that", ",", ":"):
                i = j
            else:
                return i
        elif w == ",":
            # ", on September 23, 2005, that …"
            j = i + 1
            while j < lim and j - i <= 10 and low[j] != "that" and not _finite(ctx, j, False) and low[j] not in _QUOTE_TOKS:
                j += 1
            if j < lim and low[j] == "that":
                return j
            return i
        else:
            return i
    return i


def _np_forward(ctx: _En, i: int, lim: int, *, lenient: bool = False) -> tuple[int, int] | None:
    """Speaker after the cue: "said Dr. Maria Lopez, the head of the regional health department"."""
    low = ctx.low
    if i >= lim:
        return None
    if not (_upper(ctx, i) or low[i] in _DETS or low[i] in _PRONOUNS or _NUMBERISH.match(low[i])
            or (lenient and low[i].isalpha() and low[i] not in _PREPS)):
        return None

    if low[i] in _PRONOUNS:
        return (i, i + 1)

    def stop(j: int) -> bool:
        if low[j] in _FINITE and not _upper(ctx, j):
            return True
        if low[j] == "and" and j > i and _upper(ctx, j - 1) and j + 1 < lim and _upper(ctx, j + 1):
            return False  # "the Centers for Disease Control and Prevention"
        return low[j] in _NP_PUNCT or (low[j] in _FORWARD_STOP and not _upper(ctx, j)) or low[j] in ctx.cues.times

    j = i
    while j < lim and not stop(j):
        j += 1
    # "of" and "for" continue a noun phrase ("a spokeswoman for the UNICEF", "the head of the department")
    while j + 1 < lim and (low[j] in ("of", "for") or (lenient and low[j] == "from")) and not _upper(ctx, j) and (
            _upper(ctx, j + 1) or low[j + 1] in _DETS):
        k = j + 1
        while k < lim and not stop(k):
            k += 1
        j = k
    if j + 1 < lim and low[j] == "(":  # "Senator Tom Harkin (D-IA)"
        k = j + 1
        while k < lim and k - j < 6 and low[k] != ")":
            k += 1
        if k < lim and low[k] == ")":
            j = k + 1
    if j == i or j - i > 16:
        return None
    # apposition: "Dr. Maria Lopez, the head of …", "Tom Harkin, Chairman of the Senate Agriculture Committee"
    if j + 2 < lim and low[j] == "," and (low[j + 1] in ("the", "a", "an") or _upper(ctx, j + 1)) and low[i] not in _PRONOUNS:
        k = j + 1
        while k < lim and low[k] not in _NP_PUNCT and not (low[k] in ("who", "which", "said") and not _upper(ctx, k)):
            k += 1
        if k - j <= 14 and (k >= lim or low[k] in _END or low[k] == ",") and not any(
                _finite(ctx, m, True) for m in range(j + 2, k)):
            j = k  # (no verb inside: "According to the FDA, the symptoms … includes fever" is the message)
    return (i, j)


def _np_backward(ctx: _En, end: int, lo: int) -> tuple[int, int] | None:
    """Speaker before the cue (``end`` is exclusive): the subject of the cue's clause, with its apposition."""
    low, c = ctx.low, ctx.cues
    j = end
    while j > lo and (low[j - 1] in c.adverbs or low[j - 1] in _AUX or low[j - 1] in _NEG or (
            low[j - 1].endswith("ly") and not _upper(ctx, j - 1) and j - 1 > lo)):
        j -= 1  # "He jokingly commented", "officials have also said"
    if j <= lo:
        return None
    while j - 2 > lo and low[j - 1] in c.times or (j - 3 > lo and low[j - 2] in ("on", "last") and low[j - 3] != ","):
        j -= 2 if low[j - 2] in ("on", "last") else 1  # "His lawyer on Sunday announced", "X last week said"
    if low[j - 1] in ("who", "which") and not _upper(ctx, j - 1):
        return (j - 1, j)  # the relative pronoun is the source (SpkAtt)
    if low[j - 1] == ",":
        # "Gerald Gwinji, the secretary, said" / "The Secretary, Gerald Gwinji, said" / "X, now aged 17, described"
        inner = _segment_back(ctx, j - 1, lo)
        if inner is None:
            return None
        i2 = inner[0]
        if i2 - 1 > lo and low[i2 - 1] == ",":
            outer = _segment_back(ctx, i2 - 1, lo)
            if outer is not None and low[outer[0]] not in _PREPS and (_upper(ctx, outer[0]) or low[outer[0]] in _DETS):
                o = outer[0]
                while o < i2 - 2 and (low[o] in c.adverbs or low[o] in _LEADERS):
                    o += 1  # "But Anglican minister X, a former GP, expressed"
                return (o, j - 1)
        if i2 - 1 > lo and low[i2 - 1] in ("which", "who") and i2 - 2 > lo and low[i2 - 2] == ",":
            return _np_backward(ctx, i2 - 2, lo)  # "X, president of Y, which operates Z commented"
        s0 = _sent(ctx, j - 1)[0]
        if s0 >= lo and (low[inner[0]] in _POSSESSIVE or low[inner[0]] in _PREPS) and _upper(ctx, s0) and j - s0 <= 30 and (
                not any(low[m] in _AUX or low[m] in _FINITE or low[m] in _QUOTE_TOKS for m in range(s0, j - 1))):
            # "Birds Australia, the peak group dedicated to the conservation, study and enjoyment of …, said":
            # commas inside a long apposition; the sentence opens with the speaker
            return (s0, j - 1)
        if low[inner[0]] in _DETS and (named := _name_before(ctx, inner[0], lo)) is not None:
            return (named, j - 1)  # "Anna X, an old neighbour and a former colleague at …, called"
        return inner if low[inner[0]] not in _PREPS and inner[1] - inner[0] <= 10 else None
    seg = _segment_back(ctx, j, lo)
    if seg is None:
        return None
    i = seg[0]
    if i - 1 > lo and low[i - 1] in ("who", "which") and not _upper(ctx, i - 1) and not _upper(ctx, i) and (
            low[i] not in _DETS):
        if j - i >= 2 and low[i].endswith("s") and low[i + 1] != "to" and i - 2 > lo and low[i - 2] == ",":
            return _np_backward(ctx, i - 2, lo)  # "X, president of Y, which operates Z commented": a finished clause
        return (i - 1, i)  # "aid workers who hasten to point out": the relative pronoun (SpkAtt)
    if i - 1 > lo and low[i - 1] in ("which", "who") and not _upper(ctx, i) and i - 2 > lo and low[i - 2] == ",":
        return _np_backward(ctx, i - 2, lo)  # a relative clause between the subject and its verb
    while i < j and (low[i] in c.adverbs or low[i] in _LEADERS):
        i += 1
    if i < j and not _upper(ctx, i) and (named := _name_before(ctx, i, lo)) is not None:
        return (named, j)  # "Rabbi X, leader of the society said:" (no comma before the verb)
    if i >= j or low[i] in _PREPS or (not _upper(ctx, i) and low[i] not in _DETS and low[i] not in _PRONOUNS
                                      and not _NUMBERISH.match(low[i]) and i != _sent(ctx, i)[0] and j - i > 3):
        return None
    if not _upper(ctx, i) and (low[i].endswith(("ed", "ing")) or low[i] in _AUX):
        return None  # "released a statement saying": a verb phrase, not a speaker
    return (i, j) if j - i <= 16 else None


_LEADERS = frozenset("but and or so now meanwhile however yet".split())


def _name_before(ctx: _En, i: int, lo: int) -> int | None:
    """Start of the name an apposition at ``i`` belongs to ("Dr X, a former GP at Y"), or None.

    The apposition opens with a determiner or a lower-case role noun and follows ", " after a short
    all-capitalised name; one coordinated apposition ("a friend and a co-worker") is crossed."""
    low, c = ctx.low, ctx.cues
    if i - 1 > lo and low[i - 1] == "and" and low[i] in _DETS:
        prev = _segment_back(ctx, i - 1, lo)
        if prev is None or low[prev[0]] not in _DETS:
            return None
        i = prev[0]
    if not (i - 2 >= lo and low[i - 1] == ","):
        return None
    name = _segment_back(ctx, i - 1, lo)
    if name is None or name[1] - name[0] > 5:
        return None
    first = low[name[0]]
    if first in _PREPS or first in c.adverbs or first in c.times or first in _LEADERS or first.endswith("ly"):
        return None
    if not all(_upper(ctx, m) for m in range(name[0], name[1])):
        return None
    return name[0]


def _segment_back(ctx: _En, end: int, lo: int) -> tuple[int, int] | None:
    low = ctx.low
    i = end
    while i > lo:
        w = low[i - 1]
        if w in _QUOTE_TOKS or w in (",", ";", ":", "(", "–", "—", "--") or _SENT_DOT.match(w) or (w in _BOUNDARY and not _upper(ctx, i - 1) and not (
                w == "as" and i < end and _upper(ctx, i))) or (w in _FINITE and not _upper(ctx, i - 1)):
            break
        if w == ")":
            k = i - 1
            while k > lo and low[k] != "(":
                k -= 1
            i = k
            continue
        if w == "and" and not (i - 2 >= lo and _upper(ctx, i - 2) and i < len(low) and _upper(ctx, i)):
            break
        if i - 2 >= lo and not _upper(ctx, i - 1) and _cue_at(ctx, i - 1) is not None and _is_verbal(ctx, i - 1) and (
                low[i - 2] not in _DETS):
            break  # "X urged residents not to panic saying …", "authorities say they believe …": another clause's verb
        i -= 1
    return (i, end) if i < end else None


def _addressee(ctx: _En, i: int, lim: int) -> tuple[int, int] | None:
    """The object of "told"/"telling": "told reporters", "told the Voice of America news agency"."""
    low = ctx.low
    if i >= lim or low[i] == "that" or not (_upper(ctx, i) or any(ch.isupper() for ch in ctx.toks[i].text) or low[i] in _DETS or low[i] in ("reporters", "journalists", "him", "her",
                                                                       "them", "us", "me", "media", "parents")):
        return None
    if low[i] in ("him", "her", "them", "us", "me", "reporters", "journalists", "media", "parents"):
        return (i, i + 1)
    j = i + 1
    while j < lim and low[j] not in _NP_PUNCT and not (low[j] in _FORWARD_STOP and not _upper(ctx, j)) and (
            not _finite(ctx, j, False) or _upper(ctx, j)) and low[j] not in _STRONG_OPENERS and not (
            low[j] in _DETS and low[j - 1] not in ("of", "for", "at", "in")):
        j += 1
    if j - i > 10:
        return None
    return (i, j)


def _speaker(ctx: _En, q: Quote, span: tuple[int, int] | None) -> None:
    if span is None:
        return
    toks, text = ctx.toks, ctx.doc.text
    s, e = toks[span[0]].start, toks[span[1] - 1].end
    q.speaker, q.speaker_start, q.speaker_end = text[s:e], s, e
    if span[1] - span[0] == 1 and ctx.low[span[0]] in _PRONOUNS:
        if ctx.low[span[0]] in _PERSON_PRONOUNS:
            # language-neutral German helper: the most recent person mention before the pronoun
            ent = _recent_person(_Ctx(ctx.doc, ctx.toks, ctx.low, ctx.ents), s)
            if ent is not None:
                q.speaker_entity = ent.entity
        return
    inside = [m for m in ctx.ents if m.start >= s and m.end <= e]
    if inside:
        inside.sort(key=lambda m: (m.label != "PER", m.label != "ORG", m.start))
        q.speaker_entity = inside[0].entity
    # the head: the last role noun before "of", "for" or an apposition ("CFIA chief veterinarian Brian Evans",
    # "a spokeswoman for the UNICEF", "Canadian Food Inspection Agency officials")
    head = next((k for k in range(*span) if ctx.low[k] in ("of", "for", ",", "(")), span[1])
    roles = [k for k in range(span[0], head) if ctx.low[k] in ctx.cues.roles] or [
        k for k in range(*span) if ctx.low[k] in ctx.cues.roles]
    if roles:
        q.speaker_role = toks[roles[-1] if roles[-1] < head else roles[0]].text


def _make(ctx: _En, kind: str, ms: int, me: int, cue: tuple[int, int] | None, speaker: tuple[int, int] | None,
          addressee: tuple[int, int] | None = None) -> Quote:
    text, toks = ctx.doc.text, ctx.toks
    q = Quote(start=ms, end=me, text="", kind=kind, message=text[ms:me], message_start=ms, message_end=me)
    if cue is not None:
        cs, ce = toks[cue[0]].start, toks[cue[1] - 1].end
        q.cue, q.cue_start, q.cue_end = text[cs:ce], cs, ce
    _speaker(ctx, q, speaker)
    if addressee is not None:
        a_s, a_e = toks[addressee[0]].start, toks[addressee[1] - 1].end
        q.addressee, q.addressee_start, q.addressee_end = text[a_s:a_e], a_s, a_e
    _bounds(ctx, q)
    return q


def _bounds(ctx: _En, q: Quote) -> None:
    parts = [(q.message_start, q.message_end)] + [
        (a, b) for a, b in ((q.cue_start, q.cue_end), (q.speaker_start, q.speaker_end))
        if a is not None and b is not None and abs(a - q.message_start) < 400]
    q.start, q.end = min(p[0] for p in parts), max(p[1] for p in parts)
    q.text = ctx.doc.text[q.start:q.end]


def _copy_speaker(ctx: _En, src: Quote, q: Quote) -> None:
    q.speaker, q.speaker_start, q.speaker_end = src.speaker, src.speaker_start, src.speaker_end
    q.speaker_entity, q.speaker_role = src.speaker_entity, src.speaker_role
    _bounds(ctx, q)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _frame_cue(ctx: _En, a: int, b: int) -> tuple[int, int] | None:
    """First cue in tokens [a, b) as (start, end): a speech verb or "quoted as saying"."""
    low = ctx.low
    for k in range(a, b):
        if low[k] == "quoted" and k + 2 < b and low[k + 1] == "as" and low[k + 2] in ("saying", "telling"):
            return k, k + 3
        hit = _cue_at(ctx, k)
        if hit is not None and _is_verbal(ctx, k) and hit[0] != "act":
            return k, hit[1] + 1
    return None


def _tail_ok(ctx: _En, i: int, lim: int) -> bool:
    """A frame runs to its sentence end (or to the next part of a split quote) with no new clause."""
    low = ctx.low
    j = i
    while j < lim and j - i <= _FRAME_TAIL:
        w = low[j]
        if w in _END or w == ";" or (w in _QUOTE_TOKS and (j == i or low[j - 1] == ",")) or (
                w[-1:] == "." and w[:-1].isdigit()):  # "dated June 13." (the segmenter keeps "13." whole)
            return True
        if w in _QUOTE_TOKS:
            return False
        if w == "," and j + 1 < lim and low[j + 1] in _QUOTE_TOKS | {"adding", "saying", "according", "noting"}:
            return True
        if w == "," and j + 1 < lim and low[j + 1] in ("who", "which"):
            return True  # '…," said X, who called the rule …': a relative clause on the speaker
        if j == i and w == "of" and j + 1 < lim and not _upper(ctx, j + 1):
            return True  # '…," Jones said of the turnout for …': what the remark was about
        if w == "that" or _cue_at(ctx, j) is not None or (w in _STRONG_OPENERS and j > i) or (
                w in _FINITE and not _upper(ctx, j)):
            return False  # "…, said it had not heard of …": a clause, not a frame
        j += 1
    return j >= lim


def _frame_after(ctx: _En, j: int, lim: int) -> tuple[tuple[int, int], tuple[int, int] | None,
                                                      tuple[int, int] | None] | None:
    """'…," said X' / '…," X said' / '…," X was quoted as saying': (cue, speaker, addressee)."""
    low = ctx.low
    if j < lim and low[j] == ",":
        j += 1
    end = j
    while end < lim and end - j < 16 and low[end] not in _END and low[end] not in _QUOTE_TOKS and low[end] != ";":
        end += 1
    found = _frame_cue(ctx, j, end)
    if found is None:
        return None
    k, kend = found
    if k == j or (k == j + 1 and low[j] in _AUX):
        speaker = _np_forward(ctx, kend, end)
        rest = speaker[1] if speaker is not None else kend
    else:
        speaker = _np_backward(ctx, k, j)
        if speaker is None or speaker[0] != j:
            return None  # words before the subject: no frame ("Despite …, the FDA states")
        rest = kend
    addr = None
    if low[kend - 1] in ctx.cues.addr or low[kend - 1] == "telling":
        addr = _addressee(ctx, rest, end)
        if addr is not None:
            rest = addr[1]
    if not _tail_ok(ctx, rest, lim):
        return None
    return (k, kend), speaker, addr


def _frame_before(ctx: _En, lo: int, mi: int) -> tuple[tuple[int, int], tuple[int, int] | None,
                                                       tuple[int, int] | None] | None:
    """'X said: "…"', 'X said, "…"', 'X told reporters that "…"', 'Said X, "…"', 'According to X, "…"'."""
    low = ctx.low
    if mi <= lo:
        return None
    last = low[mi - 1]
    if last not in (":", ",", "that") and _cue_at(ctx, mi - 1) is None:
        return None
    for k in range(mi - 1, lo - 1, -1):
        if low[k] in _QUOTE_TOKS:
            return None
        if low[k] == "according" and k + 1 < mi and low[k + 1] == "to":
            sp = _np_forward(ctx, k + 2, mi, lenient=True)
            if sp is not None and sp[1] >= mi - 1:
                return (k, k + 2), sp, None
            return None
        hit = _cue_at(ctx, k)
        if hit is None or not _is_verbal(ctx, k) or hit[0] == "act":
            continue
        kend = hit[1] + 1
        addr = None
        i = _skip_adverbials(ctx, kend, mi)
        if low[kend - 1] in ctx.cues.addr:
            addr = _addressee(ctx, i, mi)
            if addr is not None:
                i = _skip_adverbials(ctx, addr[1], mi)
        inverted = None
        if i < mi - 1:
            inverted = _np_forward(ctx, i, mi)
            if inverted is not None:
                i = _skip_adverbials(ctx, inverted[1], mi)
                while i < mi - 1 and low[i] not in (",", ":", "that") and i - inverted[1] < 6:
                    i += 1  # "Said the WHO through a press release, …"
        if i < mi - 1 and not all(low[m] in (",", "that", ":") for m in range(i, mi)):
            return None
        ing = low[kend - 1].endswith("ing")
        speaker = _np_backward(ctx, k, lo) if k > lo and not (ing and low[k - 1] == ",") else None
        if inverted is not None and (speaker is None or low[k - 1] == "," or k == lo):
            speaker = inverted
        if speaker is None and (low[kend - 1].endswith("ing") or (k > lo and low[k - 1] in ("and", "but"))):
            speaker = _main_subject(ctx, lo, k)  # "…, saying: …" / "X held out her hands and said, …"
            if speaker is not None and ctx.low[speaker[0]] in _BOUNDARY:
                speaker = None  # "When police arrived X held out …": a subordinate clause, not the subject
        return (k, kend), speaker, addr
    return None


def _double_quotes(text: str) -> list[tuple[int, int, bool]]:
    """(open, end, closed) of every double-quoted stretch, by the side each mark stands on.

    A straight mark after a space and before a word opens, one after a word or punctuation closes. An opening
    mark while a quote is open starts a new paragraph of speech (Wikinews flattens "…eroded. "WHO is …" from
    paragraphs that each open a quote): the open one ends at its last sentence end before it. A quote still
    open at a line end or the end of the text ends there.
    """
    out: list[tuple[int, int, bool]] = []
    start = None
    for m in _DOUBLE_RE.finditer(text):
        i, ch = m.start(), m.group(0)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in "“„":
            opens = True
        elif ch == "”":
            opens = False
        else:
            opens = (before.isspace() or before in "([—–-") and not after.isspace()
            if not opens and start is None and not (after.isspace() or after in ".,;:!?)—–-"):
                opens = True  # glued on both sides ('said,"We …'): open when nothing is open
        nl = text.find("\n", start, i) if start is not None else -1
        if start is not None and nl != -1:
            out.append((start, nl, False))
            start = None
        if opens:
            if start is not None:
                cut = [x.end() for x in _SENT_END_RE.finditer(text, start, i)]
                if cut and i - start <= 2000:
                    out.append((start, cut[-1], False))
            start = i
        elif start is not None:
            if i - start <= 2000:
                out.append((start, i + 1, True))
            start = None
    if start is not None:
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if end - start >= 20 and end - start <= 2000:
            out.append((start, end, False))
    return out


def _quote_spans(text: str) -> list[tuple[int, int, bool]]:
    spans = _double_quotes(text)
    for m in _SINGLE_RE.finditer(text):
        if not any(o <= m.start() < e for o, e, _ in spans):
            spans.append((m.start(), m.end(), True))
    return sorted(spans)


def _direct(ctx: _En, out: list[Quote]) -> None:
    text, toks, low = ctx.doc.text, ctx.toks, ctx.low
    prev: Quote | None = None
    Span = tuple[int, int]
    prev_frame: tuple[Span, Span | None, Span | None] | None = None
    prev_end_tok = -10
    for o, c, closed in _quote_spans(text):
        ms, me = _trim(text, o + 1, c - 1 if closed else c)
        if me <= ms:
            continue
        inner = text[ms:me]
        n_words = len(re.findall(r"\w+", inner))
        mi = _tok_index(toks, o)
        mj = _tok_index(toks, c - 1) + 1
        if mi >= len(toks):
            continue
        s0, s1 = _sent(ctx, mi)
        lim = max(s1, _sent(ctx, min(mj, len(toks) - 1))[1])
        if mj < len(toks):
            lim = max(lim, _sent(ctx, mj)[1])
        ends_clause = inner[-1:] in (",", ".", "!", "?") or text[me:c].strip()[:1] in (",", ".", "!", "?")
        cue: Span | None = None
        speaker: Span | None = None
        addr: Span | None = None
        frame = None
        if mj < lim and (ends_clause or low[mj] == ",") and n_words >= 3:
            frame = _frame_after(ctx, mj, lim)
        if frame is not None:
            cue, speaker, addr = frame
        else:
            lo = max(s0, prev_end_tok)
            fb = _frame_before(ctx, lo, mi)
            if fb is not None:
                cue, speaker, addr = fb
        starts_sentence = mi == s0 or low[mi - 1] == ":"
        if cue is None:
            split = (prev_frame is not None and mi > 0 and low[mi - 1] == "," and mi - prev_end_tok <= 1)
            chained = (prev_frame is not None and mi > 1 and low[mi - 1] == "that" and low[mi - 2] == "and"
                       and mi - prev_end_tok <= 3)
            if (split or chained) and prev_frame is not None:
                # '"We will," he said, "stay."' and 'said that "…" and that "…"': the same frame
                cue, speaker, addr = prev_frame
            elif n_words >= 4 and starts_sentence and prev is not None and prev.speaker is not None and (
                    toks[mi].sent - toks[_tok_index(toks, prev.message_end - 1)].sent <= 2):
                q = _make(ctx, "direct", ms, me, None, None)
                _copy_speaker(ctx, prev, q)
                out.append(q)
                ctx.taken.update(range(mi, mj))
                prev, prev_end_tok = q, mj
                continue
            elif n_words < 5 or not starts_sentence:
                continue  # titles, scare quotes and quoted phrases inside someone's indirect speech
        q = _make(ctx, "direct", ms, me, cue, speaker, addr)
        out.append(q)
        ctx.taken.update(range(mi, mj))
        if cue is not None:
            ctx.taken.update(range(*cue))
            if speaker is not None:
                ctx.taken.update(range(*speaker))
        prev = q
        prev_frame = (cue, speaker, addr) if cue is not None else None
        prev_end_tok = mj
        if frame is not None and cue is not None:
            prev_end_tok = max(mj, cue[1], speaker[1] if speaker else 0, addr[1] if addr else 0)
            if prev_end_tok < len(low) and low[prev_end_tok] in (",", "."):
                prev_end_tok += 1 if low[prev_end_tok] == "," else 0


def _colon_speech(ctx: _En, out: list[Quote]) -> None:
    """'X commented: As a precautionary measure, we …' — direct speech after a cue and a colon, without marks."""
    low = ctx.low
    for sent in ctx.doc.sentences:
        a, b = sent.token_start, sent.token_end
        for k in range(a + 1, b - 3):
            if low[k] != ":" or k in ctx.taken or low[k + 1] in _QUOTE_TOKS or (k - 1) in ctx.taken:
                continue
            hit = _cue_at(ctx, k - 1)
            if hit is None or hit[0] == "act" or not _is_verbal(ctx, k - 1):
                continue
            e = b
            while e > k + 1 and low[e - 1] in _END:
                e -= 1
            if e - (k + 1) < 4:
                continue
            speaker = _np_backward(ctx, k - 1, a)
            ms, me = ctx.toks[k + 1].start, ctx.toks[e - 1].end
            q = _make(ctx, "direct", ms, me, (k - 1, k), speaker)
            out.append(q)
            ctx.taken.update(range(k - 1, e))


def _clause_end(ctx: _En, i: int, b: int) -> int:
    """End of a message clause from token i: the sentence end, a framed quote, a new speech frame."""
    low = ctx.low
    j = i
    while j < b:
        w = low[j]
        if w in _QUOTE_TOKS and j in ctx.taken:
            break
        if w == "," and j + 1 < b and low[j + 1] in ("saying", "adding", "according", "noting", "stating",
                                                     "explaining", "warning", "claiming", "indicating"):
            break
        if w in ("but", "and") and j + 1 < b and _cue_at(ctx, j + 1) is not None and j > i + 2:
            break  # "confirmed that … but denied any plans"
        if w == ";" or (w == "(" and j > i + 3):
            break
        j += 1
    while j > i and low[j - 1] in _END | {",", ";", ":"}:
        j -= 1
    return j


def _looks_clause(ctx: _En, i: int, b: int) -> bool:
    low = ctx.low
    if i >= b:
        return False
    if low[i] in _STRONG_OPENERS:
        return True
    if not (low[i] in _CLAUSE_OPENERS or _upper(ctx, i) or _NUMBERISH.match(low[i])
            or (low[i].isalpha() and low[i] not in _PREPS and not low[i].endswith("ing"))):
        return False
    strict = not (low[i] in _CLAUSE_OPENERS or _upper(ctx, i) or _NUMBERISH.match(low[i]))
    for k in range(i + 1, min(b, i + 14)):
        if low[k] in (",", ";", ":", "and", "or") or low[k] in _QUOTE_TOKS:
            return False
        if _finite(ctx, k, not strict):
            return True
    return False


def _chars(ctx: _En, a: int, b: int) -> tuple[int, int]:
    return ctx.toks[a].start, ctx.toks[b - 1].end


def _main_subject(ctx: _En, a: int, k: int) -> tuple[int, int] | None:
    """", saying …", "released a statement saying …": the subject of the sentence's main clause."""
    j = a
    while j < k and not (ctx.low[j] in _AUX or _finite(ctx, j, j > a) or _cue_at(ctx, j) is not None):
        if ctx.low[j] == ",":
            a = j + 1  # an opening phrase ("Further complicating the effort, it was …")
        j += 1
    if j <= a or j >= k:
        return None
    return _np_backward(ctx, j, a)


def _last_speaker(ctx: _En, a: int, k: int) -> tuple[int, int] | None:
    """"X confirmed that … but denied …": the speaker of the sentence's last event before the cue."""
    for q in reversed(ctx.events):
        if (q.speaker_start is not None and q.speaker_end is not None and q.cue_start is not None
                and ctx.toks[a].start <= q.cue_start < ctx.toks[k].start):
            i = _tok_index(ctx.toks, q.speaker_start)
            j = _tok_index(ctx.toks, q.speaker_end - 1) + 1
            return (i, j)
    return None


def _message_first(ctx: _En, k: int, kend: int, a: int, b: int) -> tuple[tuple[int, int], tuple[int, int] | None,
                                                                        tuple[int, int] | None] | None:
    """"MSG, officials said." / "MSG, said X on Monday." / "MSG says Mike Davis, author of …"."""
    low = ctx.low
    if low[kend - 1].endswith("ing"):
        return None
    speaker = addr = None
    if k > a and (low[k - 1] == "," or low[k - 1] in _QUOTE_TOKS or _looks_before(ctx, a, k)):
        speaker = _np_forward(ctx, kend, b)
        if speaker is None and kend < b and low[kend] in _PRONOUNS:
            speaker = (kend, kend + 1)
        if speaker is None:
            return None
        if low[k - 1] != "," and low[k - 1] not in _QUOTE_TOKS and (
                speaker[1] < b and low[speaker[1]] not in _END and low[speaker[1]] != ","):
            return None  # without a comma the inverted speaker must close the sentence
        frame_start = k - 1 if low[k - 1] == "," else k
        rest = speaker[1]
    else:
        j = k
        while j > a and low[j - 1] != "," and k - j <= 14:
            j -= 1
        if j <= a or low[j - 1] != ",":
            return None
        speaker = _np_backward(ctx, k, j)
        if speaker is None or speaker[0] != j:
            return None
        frame_start = j - 1
        rest = kend
    if low[kend - 1] in ctx.cues.addr:
        addr = _addressee(ctx, _skip_adverbials(ctx, rest, b), b)
        if addr is not None:
            rest = addr[1]
    rest = _skip_adverbials(ctx, rest, b)
    if not _tail_ok(ctx, rest, b) or any(low[m] == "that" for m in range(rest, min(b, rest + _FRAME_TAIL))):
        return None
    ms = a
    while ms < frame_start and low[ms] in _QUOTE_TOKS:
        ms += 1
    if frame_start - ms < 3 or not any(_finite(ctx, m, m > ms) for m in range(ms, frame_start)):
        return None
    return (ms, frame_start), speaker, addr


def _looks_before(ctx: _En, a: int, k: int) -> bool:
    """An inverted frame without a comma ("… ever recorded says Mike Davis"): a long clause before the cue and a
    name (or "the" + capital) after it."""
    low = ctx.low
    if k - a < 6 or low[k] not in ("says", "said", "reports", "reported", "added", "wrote", "stated") or k + 2 >= len(low):
        return False
    return _upper(ctx, k + 1) or (low[k + 1] == "the" and _upper(ctx, k + 2))


def _called(ctx: _En, k: int, a: int, b: int) -> Quote | None:
    """"X called the decision a mistake", "called the actions of PCA 'reprehensible'" (kind reported)."""
    low = ctx.low
    i = k + 1
    if i >= b or low[i] in ("for", "on", "off", "up", "in", "out", "back", "it", "by", "to", "at"):
        return None
    e = _clause_end(ctx, i, b)
    second = None
    for m in range(i + 1, min(e, i + 8)):
        if low[m] == "," or _finite(ctx, m, False):
            break  # "a company called LifeCell answered …", "presently called Kinshasa, the capital"
        if low[m] in ("a", "an", "the") or low[m] in _QUOTE_TOKS:
            second = m
            break
    if second is None:
        return None
    speaker = _np_backward(ctx, k, a)
    if speaker is None:
        return None
    return _make(ctx, "reported", *_chars(ctx, i, e), (k, k + 1), speaker)


def _indirect(ctx: _En) -> None:
    low = ctx.low
    for sent in ctx.doc.sentences:
        a, b = sent.token_start, sent.token_end
        k = a
        while k < b:
            if k in ctx.taken:
                k += 1
                continue
            q = None
            if low[k] == "according" and k + 1 < b and low[k + 1] == "to":
                q = _according(ctx, k, a, b)
                step = k + 2
            elif low[k] == "in" and low[k + 1:k + 4] == ["the", "opinion", "of"]:
                q = _opinion(ctx, k, a, b)
                step = k + 4
            elif low[k] in ctx.cues.called and not _upper(ctx, k) and k > a and _called(ctx, k, a, b) is not None:
                q = _called(ctx, k, a, b)
                step = k + 1
            else:
                hit = _cue_at(ctx, k)
                step = k + 1
                if hit is not None and _is_verbal(ctx, k):
                    step = hit[1] + 1
                    q = _verb_event(ctx, k, step, hit[0], a, b)
            if q is not None:
                ctx.events.append(q)
            k = step


def _according(ctx: _En, k: int, a: int, b: int) -> Quote | None:
    """"according to X, MSG" / "MSG, according to X" / "MSG according to X"."""
    low = ctx.low
    sp = _np_forward(ctx, k + 2, b, lenient=True)
    if sp is None:
        return None
    opener = k == a or (k == a + 1 and low[a] in ("but", "and", "however"))
    if opener:
        ms_tok = sp[1] + 1 if sp[1] < b and low[sp[1]] == "," else sp[1]
        nxt, depth = None, 0
        for m in range(ms_tok, min(b, ms_tok + 24)):
            depth += (low[m] == "(") - (low[m] == ")")
            if low[m] == "," and depth == 0:
                nxt = m
                break
        if nxt is not None and ms_tok > sp[1] and nxt - ms_tok <= 10 + sum(1 for m in range(ms_tok, nxt) if low[m] == "(") * 12 and not any(
                low[m] in _AUX or _finite(ctx, m, True) or low[m] in _STRONG_OPENERS for m in range(ms_tok, nxt)):
            ms_tok = nxt + 1  # "According to Philippe Renault, medical epidemiologist of the CIRE, …"
        me_tok = _clause_end(ctx, ms_tok, b)
    else:
        ms_tok, me_tok = a, (k - 1 if low[k - 1] == "," else k)
    while ms_tok < me_tok and low[ms_tok] in _QUOTE_TOKS | {","}:
        ms_tok += 1
    if me_tok - ms_tok < 2:
        return None
    return _make(ctx, "indirect", *_chars(ctx, ms_tok, me_tok), (k, k + 2), sp)


def _opinion(ctx: _En, k: int, a: int, b: int) -> Quote | None:
    """"…, in the opinion of some doctors, MSG"."""
    sp = _np_forward(ctx, k + 4, b, lenient=True)
    if sp is None or sp[1] >= b or ctx.low[sp[1]] != ",":
        return None
    e = _clause_end(ctx, sp[1] + 1, b)
    if e - sp[1] < 3:
        return None
    return _make(ctx, "indirect", *_chars(ctx, sp[1] + 1, e), (k, k + 4), sp)


def _verb_event(ctx: _En, k: int, kend: int, cls: str, a: int, b: int) -> Quote | None:
    low, c = ctx.low, ctx.cues
    w = low[kend - 1] if kend - 1 > k else low[k]
    if (k > a and low[k - 1] in _NEG) or (k > a + 1 and low[k - 1] in _AUX and low[k - 2] in _NEG):
        return None
    if k > a and low[k - 1] == "to":
        return None  # "refused to comment", "is expected to announce"
    ing = low[k].endswith("ing")
    passive = not ing and k > a and low[k - 1] in _BE
    cue = (k, kend)
    if low[k] == "saying" and k > a + 1 and low[k - 1] == "as":
        return _as_saying(ctx, k, a, b)
    if not passive and (cls != "act" or low[k] in c.zero):
        mf = _message_first(ctx, k, kend, a, b)
        if mf is not None:
            (ms, me), mf_speaker, mf_addr = mf
            return _make(ctx, "indirect", *_chars(ctx, ms, me), cue, mf_speaker, mf_addr)
    agent = None
    if passive and kend + 1 < b and low[kend] in ("in", "by"):
        agent = _np_forward(ctx, kend + 1, b)  # "it was reported in the Washington Post that …"
    i = _skip_adverbials(ctx, agent[1] if agent is not None else kend, b)
    addr = None
    if low[kend - 1] in c.addr and not passive:
        addr = _addressee(ctx, i, b)
        if addr is not None:
            i = _skip_adverbials(ctx, addr[1], b)
    if addr is not None and i < b and low[i] != "that" and not _looks_clause(ctx, i, b):
        # "told WSLS-TV, the NBC affiliate in Roanoke, in a statement Thursday that …"
        t = next((m for m in range(i, min(b, i + 16)) if low[m] == "that"), None)
        if t is not None and not any(_finite(ctx, m, True) for m in range(i, t)):
            i = t
    msg: tuple[int, int] | None = None
    kind = "indirect"
    speaker: tuple[int, int] | None = None
    if i < b and low[i] == "that":
        e = _clause_end(ctx, i + 1, b)
        s = i + 1
        while s < e and low[s] == ",":
            s += 1
        if e > s:
            msg = (s, e)
    elif (cls != "weak" or low[i:i + 1] and low[i] in _STRONG_OPENERS) and w in c.zero and not passive \
            and _looks_clause(ctx, i, b):
        e = _clause_end(ctx, i, b)
        msg = (i, e) if e > i else None
    elif addr is not None and i < b and low[i] == "to" and not passive:
        e = _clause_end(ctx, i, b)
        msg, kind = (i, e), "reported"  # "asked Algeria to release him"
    elif i < b and (low[i] in _AUX or _finite(ctx, i, True)) and k > a and not passive:
        # "a coma which his lawyer, Amine Sidhoum, said lasted three months"
        sp = _np_backward(ctx, k, a)
        if sp is not None and sp[0] > a and low[sp[0] - 1] in ("which", "that", "who"):
            e = _clause_end(ctx, i, b)
            if e > i:
                msg, speaker = (i, e), sp
    if msg is None and not passive and (low[k] in c.acts or cls == "act"):
        # a noun phrase object: "denied any plans", "expressed his sympathy", "called for calm"
        e = _clause_end(ctx, i, b)
        e2 = next((m for m in range(i, e) if low[m] in (",", ";") or (low[m] in ("and", "but") and m + 1 < e
                                                                     and _cue_at(ctx, m + 1) is not None)), e)
        if e2 > i and low[i] not in _PREPS or (cls == "act" and e2 > i):
            msg, kind = (i, e2), "reported"
    if msg is None:
        return None
    if speaker is None:
        if passive:
            speaker = agent
        else:
            speaker = _np_backward(ctx, k, a) if k > a and not (ing and low[k - 1] == ",") else None
            if speaker is None and ing:
                speaker = _main_subject(ctx, a, k)
            if speaker is None and k > a and low[k - 1] in ("and", "but"):
                speaker = _last_speaker(ctx, a, k) or _main_subject(ctx, a, k)
    if cls == "weak" and speaker is None:
        return None
    return _make(ctx, kind, *_chars(ctx, *msg), cue, speaker, addr)


def _as_saying(ctx: _En, k: int, a: int, b: int) -> Quote | None:
    """"X was quoted as saying …", "The Nation quotes WHO officials as saying that …"."""
    low = ctx.low
    i = k + 1
    if i < b and low[i] == "that":
        i += 1
    e = _clause_end(ctx, i, b)
    if e - i < 2:
        return None
    speaker = None
    if k - 2 >= a and low[k - 2] == "quoted":
        speaker = _np_backward(ctx, k - 2, a)
    else:
        q = next((m for m in range(k - 2, a - 1, -1) if low[m] in ("quotes", "quoted", "quoting")), None)
        if q is not None and k - 1 - (q + 1) <= 8:
            speaker = (q + 1, k - 1)
    return _make(ctx, "indirect", *_chars(ctx, i, e), (k - 1, k + 1), speaker)


def find_quotes(doc: Doc) -> list[Quote]:
    """Direct, indirect and reported speech of an English ``doc`` in text order."""
    toks = doc.tokens
    if not toks:
        return []
    ctx = _En(doc=doc, toks=toks, low=[t.text.lower() for t in toks],
              ents=sorted(doc.entities, key=lambda m: m.start), cues=cues(), taken=set(), events=[])
    out: list[Quote] = []
    _direct(ctx, out)
    _colon_speech(ctx, out)
    _indirect(ctx)
    out.extend(ctx.events)
    out.sort(key=lambda q: q.message_start)
    return out
