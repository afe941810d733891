"""Quotes and reported speech with their speakers, for English news text.

The English counterpart of :mod:`lagebild.quotes` (German), filling the same
``Quote`` records. Rule-based and cheap, over the segmenter's tokens:

1. Direct quotes ("…", “…”, '…' when it cannot be an apostrophe), also over
   several sentences and split by their frame ("We will," he said, "stay."),
   with the frame after ('…," said X', '…," X said', '…," X was quoted as
   saying'), before ('X said: "…"', 'X said that "…"') or none (a quote that
   opens a sentence right after a framed one continues that speaker).
2. Indirect speech: a cue verb with its clause ("X said (that) …", "X told Y
   (that) …", "…, X said."), "according to X", "…, saying …", and reported
   speech acts with a noun phrase only ("X denied the claim": kind reported).

The speaker is the mention in the text (a pronoun stays the pronoun; "he",
"she" point to the most recent person entity via ``speaker_entity``, as in
German); ``speaker_role`` keeps the role noun ("officials", "spokesman");
``addressee`` the object of "told" ("told reporters"). Cue words are in
``data/speech_cues_en.tsv``.
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
    roles: frozenset[str]
    adverbs: frozenset[str]
    times: frozenset[str]
    two_word: dict[str, frozenset[str]]  # first word -> second words ("point" -> {"out"})
    lemma: dict[str, str]  # form -> lemma


def _regular(word: str) -> list[str]:
    if word.endswith("e"):
        return [word, word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    if word.endswith(("s", "sh", "ch", "x")):
        return [word, word + "es", word + "ed", word + "ing"]
    return [word, word + "s", word + "ed", word + "ing"]


@functools.lru_cache(maxsize=1)
def cues() -> EnCues:
    sets: dict[str, set[str]] = {k: set() for k in ("verb", "weak", "act", "addr", "role", "adv", "time")}
    two: dict[str, set[str]] = {}
    lemma: dict[str, str] = {}
    raw = resources.files("lagebild.data").joinpath("speech_cues_en.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        word, kind = cols[0], cols[1]
        forms_field = cols[2] if len(cols) > 2 and cols[2].strip() else ""
        if "|" in forms_field:
            forms = forms_field.split("|")
        elif forms_field:
            forms = forms_field.split()
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
            if kind in ("verb", "weak", "act"):
                lemma.setdefault(f, word)
    return EnCues(frozenset(sets["verb"]), frozenset(sets["weak"]), frozenset(sets["act"]), frozenset(sets["addr"]),
                  frozenset(sets["role"]), frozenset(sets["adv"]), frozenset(sets["time"]),
                  {k: frozenset(v) for k, v in two.items()}, lemma)


_OPEN = {'"': '"', "“": "”„\"", "‘": "’", "'": "'"}
_DQUOTE_RE = re.compile(r"[\"“][^\"“”\n]{1,2000}[\"”]|‘[^‘’\n]{1,600}’|(?<![\w'])'(?=[A-Z])[^'\n]{1,600}(?<=[\w.,!?])'(?!\w)")
_PRONOUNS = frozenset("he she they it we i you".split())
_PERSON_PRONOUNS = frozenset("he she".split())
_DETS = frozenset("the a an this that these those its his her their our some many several".split())
_BE = frozenset("is are was were be been being".split())
_AUX = frozenset("has have had will would could can may might should must did does do is are was were".split())
_NEG = frozenset("not n't never".split())
_BOUNDARY = frozenset("that which who whom whose because after when while as if although though since but where "
                      "before until whereas meanwhile so than".split())
_PREPS = frozenset("in on at for during after before from with by about over under into since to of against "
                   "following amid despite".split())
_FORWARD_STOP = frozenset("on in at to during after before from with by about over who that which when while as "
                          "yesterday today last this and but".split())
_CLAUSE_OPENERS = frozenset("he she they it we i you there the a an this these those its his her their our most "
                            "all some no none many more several one two three any each every both such".split())
_FINITE_HINT = re.compile(r"^(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do|"
                          r"\w+ed|\w+s)$")
_END_PUNCT = frozenset(".!?")
_DIRECT_FRAME_MAX = 18  # tokens of a frame after a quote


@dataclass
class _En:
    doc: Doc
    toks: list[Token]
    low: list[str]
    ents: list[EntityMention]
    cues: EnCues
    taken: set[int]  # token indices already used as cue, speaker or direct message


def _sent(ctx: _En, k: int) -> tuple[int, int]:
    s = ctx.doc.sentences[ctx.toks[k].sent]
    return s.token_start, s.token_end


def _cue_at(ctx: _En, k: int) -> tuple[str, int] | None:
    """(class, last token of the cue) when token k starts a speech cue."""
    c, w = ctx.cues, ctx.low[k]
    if w in c.two_word:
        if k + 1 < len(ctx.low) and ctx.low[k + 1] in c.two_word[w]:
            cls = "act" if w in c.acts else "verb"
            return cls, k + 1
        if w not in c.verbs and w not in c.weak and w not in c.acts:
            return None
        if w in c.acts and w not in c.verbs:
            return None  # "call" without "for"
    if w in c.verbs:
        return "verb", k
    if w in c.weak:
        return "weak", k
    if w in c.acts:
        return "act", k
    return None


def _is_verbal(ctx: _En, k: int) -> bool:
    """Not an adjective or noun use ("confirmed cases", "the report", "a warning")."""
    if k == 0:
        return ctx.toks[k].text[:1].isupper() is False
    prev = ctx.low[k - 1]
    if prev in _DETS or prev[:1].isdigit():
        return False
    return not (ctx.low[k].endswith("ed") and k + 1 < len(ctx.low) and ctx.low[k + 1] in ("cases", "case", "deaths"))


def _skip_adverbials(ctx: _En, i: int, lim: int) -> int:
    """After a cue: "on Tuesday", "yesterday", "in a statement", "last week", "also"."""
    low, c = ctx.low, ctx.cues
    while i < lim:
        w = low[i]
        if w in c.adverbs or w in c.times:
            i += 1
        elif w in ("on", "in", "at", "during", "via", "through", "late", "early") and i + 1 < lim:
            j = i + 1
            while j < lim and j - i <= 6 and low[j] not in (",", ".", "that", ":") and low[j] not in _CLAUSE_OPENERS - _DETS:
                j += 1
                if low[j - 1][:1].isupper() or ctx.toks[j - 1].text[:1].isupper():
                    continue
            if j < lim and low[j] in ("that", ",", ":"):
                i = j
            else:
                return i
        elif w == "last" and i + 1 < lim:
            i += 2
        elif w == ",":
            i += 1
        else:
            return i
    return i


def _np_forward(ctx: _En, i: int, lim: int) -> tuple[int, int] | None:
    """Speaker after the cue: "said Dr. Maria Lopez, the head of the regional health department"."""
    low, toks = ctx.low, ctx.toks
    j = i
    while j < lim and low[j] not in _FORWARD_STOP and low[j] not in (",", ".", ";", ":", "(", '"', "“", "”", "!", "?"):
        if ctx.cues.times and low[j] in ctx.cues.times:
            break
        j += 1
    if j == i or j - i > 14:
        return None
    if not (toks[i].text[:1].isupper() or low[i] in _DETS or low[i] in _PRONOUNS or low[i][:1].isdigit()):
        return None
    # "of" and "for" continue a noun phrase ("a spokeswoman for the UNICEF", "the head of the department")
    while j + 1 < lim and low[j] in ("of", "for") and (toks[j + 1].text[:1].isupper() or low[j + 1] in _DETS):
        k = j + 1
        while k < lim and low[k] not in _FORWARD_STOP and low[k] not in (",", ".", ";", ":", '"', "“", "”"):
            k += 1
        j = k
    # apposition: "Dr. Maria Lopez, the head of ..."
    if j + 2 < lim and low[j] == "," and low[j + 1] in ("the", "a", "an") and low[i] not in _PRONOUNS:
        k = j + 1
        while k < lim and low[k] not in (",", ".", ";", ":", '"', "“", "”", "who", "which", "said"):
            k += 1
        if k - j <= 12:
            j = k
    return (i, j)


def _np_backward(ctx: _En, end: int, lo: int) -> tuple[int, int] | None:
    """Speaker before the cue (``end`` is exclusive): the subject of the cue's clause, with apposition."""
    low, toks, c = ctx.low, ctx.toks, ctx.cues
    j = end
    while j > lo and (low[j - 1] in c.adverbs or low[j - 1] in _AUX or low[j - 1] in _NEG):
        j -= 1
    if j <= lo:
        return None
    if low[j - 1] in ("who", "which"):
        return (j - 1, j)  # the relative pronoun is the source (SpkAtt)
    i = j
    while i > lo:
        w = low[i - 1]
        if w in _BOUNDARY or w in (";", ":", '"', "“", "”", "(", ")") and w != ")":
            break
        if w == ")":
            # "The Department of Health (DHSSPS)"
            k = i - 1
            while k > lo and low[k] != "(":
                k -= 1
            i = k
            continue
        if w == ",":
            break
        if w == "and" and not (i - 2 >= lo and toks[i - 2].text[:1].isupper() and toks[i].text[:1].isupper()):
            break
        i -= 1
    # an apposition before the cue: "Gerald Gwinji, the secretary, said" / "X, health minister of Y, said"
    if low[j - 1] != "," and i > lo + 1 and low[i - 1] == ",":
        pass
    if i == j:
        if low[j - 1] == "," and j - 2 > lo:
            # "The Secretary, Gerald Gwinji, said"
            inner = _np_backward_plain(ctx, j - 1, lo)
            if inner is None:
                return None
            i2 = inner[0]
            if i2 - 1 > lo and low[i2 - 1] == ",":
                outer = _np_backward_plain(ctx, i2 - 1, lo)
                if outer is not None and low[outer[0]] not in _PREPS and (
                        toks[outer[0]].text[:1].isupper() or low[outer[0]] in _DETS):
                    return (outer[0], j - 1)
            return inner if low[inner[0]] not in _PREPS else None
        return None
    # leading "However"/prepositional phrase belongs to no speaker
    while i < j and (low[i] in c.adverbs or low[i] in ("but", "and", "so", "now")):
        i += 1
    if i >= j or low[i] in _PREPS:
        return None
    if j - i > 16:
        return None
    return (i, j)


def _np_backward_plain(ctx: _En, end: int, lo: int) -> tuple[int, int] | None:
    low = ctx.low
    i = end
    while i > lo and low[i - 1] not in _BOUNDARY and low[i - 1] not in (",", ";", ":", '"', "“", "”"):
        i -= 1
    return (i, end) if i < end and end - i <= 14 else None


def _addressee(ctx: _En, k: int, lim: int) -> tuple[int, int] | None:
    """The object of "told"/"telling": "told reporters", "told the Voice of America news agency"."""
    low, toks = ctx.low, ctx.toks
    i = k
    if i >= lim or not (toks[i].text[:1].isupper() or low[i] in _DETS or low[i] in ("reporters", "journalists", "him",
                                                                                      "her", "them", "us", "me")):
        return None
    j = i
    while j < lim and low[j] not in ("that", ",", ".", ":", ";", "on", "in", "at", "during", "yesterday", "today",
                                     '"', "“", "”", "about", "it", "the") or (j == i and low[j] == "the"):
        j += 1
        if low[j - 1] in ("him", "her", "them", "us", "me", "reporters", "journalists") and j - i == 1:
            break
    if low[j - 1:j] == ["the"] or j == i or j - i > 10:
        return None
    return (i, j)


def _speaker(ctx: _En, q: Quote, span: tuple[int, int] | None) -> None:
    if span is None:
        return
    toks, text = ctx.toks, ctx.doc.text
    s, e = toks[span[0]].start, toks[span[1] - 1].end
    q.speaker, q.speaker_start, q.speaker_end = text[s:e], s, e
    ctx.taken.update(range(*span))
    if span[1] - span[0] == 1 and ctx.low[span[0]] in _PRONOUNS:
        if ctx.low[span[0]] in _PERSON_PRONOUNS:
            # language-neutral: the most recent person mention before the pronoun
            ent = _recent_person(_Ctx(ctx.doc, ctx.toks, ctx.low, ctx.ents), s)
            if ent is not None:
                q.speaker_entity = ent.entity
        return
    inside = [m for m in ctx.ents if m.start >= s and m.end <= e]
    if inside:
        inside.sort(key=lambda m: (m.label != "PER", m.label != "ORG", m.start))
        q.speaker_entity = inside[0].entity
    role = next((toks[k].text for k in range(*span) if ctx.low[k] in ctx.cues.roles), None)
    if role is not None:
        q.speaker_role = role


def _make(ctx: _En, kind: str, ms: int, me: int, cue: tuple[int, int] | None, speaker: tuple[int, int] | None,
          addressee: tuple[int, int] | None = None) -> Quote:
    text, toks = ctx.doc.text, ctx.toks
    q = Quote(start=ms, end=me, text="", kind=kind, message=text[ms:me], message_start=ms, message_end=me)
    if cue is not None:
        cs, ce = toks[cue[0]].start, toks[cue[1] - 1].end
        q.cue, q.cue_start, q.cue_end = text[cs:ce], cs, ce
        ctx.taken.update(range(*cue))
    _speaker(ctx, q, speaker)
    if addressee is not None:
        a_s, a_e = toks[addressee[0]].start, toks[addressee[1] - 1].end
        q.addressee, q.addressee_start, q.addressee_end = text[a_s:a_e], a_s, a_e
    parts = [(ms, me)] + [(a, b) for a, b in ((q.cue_start, q.cue_end), (q.speaker_start, q.speaker_end))
                          if a is not None and b is not None and abs(a - ms) < 400]
    q.start, q.end = min(p[0] for p in parts), max(p[1] for p in parts)
    q.text = text[q.start:q.end]
    return q


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _find_cue(ctx: _En, a: int, b: int) -> tuple[int, int, str] | None:
    """First cue verb in tokens [a, b): (start, end, class)."""
    for k in range(a, b):
        hit = _cue_at(ctx, k)
        if hit is not None and _is_verbal(ctx, k):
            cls, last = hit
            # "was quoted as saying/telling"
            return k, last + 1, cls
        if ctx.low[k] == "quoted" and k + 2 < b and ctx.low[k + 1] == "as":
            return k, k + 3, "verb"
    return None


def _frame_after(ctx: _En, j: int, lim: int) -> tuple[tuple[int, int], tuple[int, int] | None,
                                                      tuple[int, int] | None, int] | None:
    """'…," said X' / '…," X said' / '…," X was quoted as saying': (cue, speaker, addressee, frame end)."""
    low = ctx.low
    end = j
    while end < lim and end - j < _DIRECT_FRAME_MAX and low[end] not in (".", "!", "?", ";", '"', "“", "”"):
        end += 1
    if end == j:
        return None
    found = _find_cue(ctx, j, end)
    if found is None:
        return None
    k, kend, _cls = found
    if k == j or (k == j + 1 and low[j] in _AUX):
        speaker = _np_forward(ctx, kend, end)
        if speaker is None and k + 1 < end and low[kend] in _PRONOUNS:
            speaker = (kend, kend + 1)
    else:
        if k - j > 14 or any(low[m] in (",",) for m in range(j, k) if m > j and low[m - 1] != ","):
            # a comma inside the subject is only fine as an apposition
            pass
        speaker = _np_backward(ctx, k, j)
    addr = None
    if low[kend - 1] in ctx.cues.addr or low[kend - 1] in ("telling",):
        addr = _addressee(ctx, kend, end)
    return (k, kend), speaker, addr, end


def _frame_before(ctx: _En, lo: int, mi: int) -> tuple[tuple[int, int], tuple[int, int] | None,
                                                       tuple[int, int] | None] | None:
    """'X said: "…"', 'X said, "…"', 'X told reporters that "…"'."""
    low = ctx.low
    if mi <= lo:
        return None
    last = low[mi - 1]
    if last not in (":", ",", "that") and _cue_at(ctx, mi - 1) is None:
        return None
    best = None
    for k in range(mi - 1, lo - 1, -1):
        hit = _cue_at(ctx, k)
        if hit is not None and _is_verbal(ctx, k):
            best = (k, hit[1] + 1)
            break
        if low[k] in ('"', "“", "”"):
            break
    if best is None:
        return None
    k, kend = best
    # nothing but adverbials, an addressee and "that" between the cue and the quote
    addr = None
    i = _skip_adverbials(ctx, kend, mi)
    if low[kend - 1] in ctx.cues.addr:
        addr = _addressee(ctx, i, mi)
        if addr is not None:
            i = _skip_adverbials(ctx, addr[1], mi)
    if i < mi - 1 and not (i + 1 == mi - 1 and low[i] in ("that",)) and low[mi - 1] not in (":", ","):
        return None
    if i < mi - 1 and low[mi - 1] in (":", ","):
        # words between the cue and the colon: "said in a statement:" passed above, anything else is no frame
        if any(low[m] not in (",", "that") for m in range(i, mi - 1)):
            return None
    speaker = _np_backward(ctx, k, lo) if k > lo else None
    if speaker is None:
        sp = _np_forward(ctx, kend, mi)
        speaker = sp
    return (k, kend), speaker, addr


def _direct(ctx: _En, out: list[Quote]) -> None:
    text, toks, low = ctx.doc.text, ctx.toks, ctx.low
    prev: Quote | None = None
    prev_frame: tuple | None = None
    prev_end_tok = -10
    for m in _DQUOTE_RE.finditer(text):
        o, c = m.start(), m.end()
        ms, me = _trim(text, o + 1, c - 1)
        if me <= ms:
            continue
        inner = text[ms:me]
        n_words = len(re.findall(r"\w+", inner))
        mi = _tok_index(toks, o)
        mj = _tok_index(toks, c - 1) + 1
        if mi >= len(toks):
            continue
        s0, s1 = _sent(ctx, mi)
        _, s1b = _sent(ctx, min(mj, len(toks) - 1))
        lim = max(s1, s1b)
        ends_clause = inner[-1:] in (",", ".", "!", "?") or text[me:c - 1].strip()[-1:] in (",", ".", "!", "?")
        cue = speaker = addr = None
        frame = _frame_after(ctx, mj, lim) if mj < lim and (ends_clause or low[mj] == ",") else None
        if frame is not None and low[mj] == "," and not inner.endswith((",", ".", "!", "?")):
            # '"X", said Y' is fine; a title before a comma ('the "Thomas" brand, said Y') is not: need words
            if n_words < 3:
                frame = None
        if frame is not None:
            cue, speaker, addr, _end = frame
        else:
            fb = _frame_before(ctx, max(s0, prev_end_tok if prev_end_tok >= s0 else s0), mi)
            if fb is not None:
                cue, speaker, addr = fb
        if cue is None:
            split = (prev is not None and prev_frame is not None and mi > 0 and low[mi - 1] == ","
                     and prev_end_tok >= 0 and mi - prev_end_tok <= _DIRECT_FRAME_MAX)
            starts_sentence = mi == s0 or (mi > 0 and low[mi - 1] in (":",))
            if split:
                # '"We will," he said, "stay."': the frame of the first part speaks for the second
                cue, speaker, addr = prev_frame
            elif n_words >= 4 and starts_sentence and prev is not None and prev.speaker is not None and (
                    toks[mi].sent - ctx.toks[_tok_index(toks, prev.message_end - 1)].sent <= 2):
                q = _make(ctx, "direct", ms, me, None, None)
                q.speaker, q.speaker_start, q.speaker_end = prev.speaker, prev.speaker_start, prev.speaker_end
                q.speaker_entity, q.speaker_role = prev.speaker_entity, prev.speaker_role
                q.start, q.end = min(q.start, prev.speaker_start or q.start), q.end
                q.start = q.message_start if abs(q.message_start - (prev.speaker_start or 0)) >= 400 else q.start
                q.text = text[q.start:q.end]
                out.append(q)
                ctx.taken.update(range(mi, mj))
                prev, prev_end_tok = q, mj
                continue
            elif n_words < 5 or not (starts_sentence or ends_clause and mj < len(low) and low[mj] in _END_PUNCT):
                continue  # titles, scare quotes and quoted phrases inside a clause
            elif not starts_sentence and mi > s0 and low[mi - 1] not in (":",):
                continue  # a quoted fragment inside someone's indirect speech
        if cue is not None and speaker is None and prev is not None and low[cue[0]] in ("added", "continued"):
            speaker = None
        q = _make(ctx, "direct", ms, me, cue, speaker, addr)
        out.append(q)
        ctx.taken.update(range(mi, mj))
        prev = q
        prev_frame = (cue, speaker, addr) if cue is not None else None
        prev_end_tok = (frame[3] if frame is not None else mj)


def _clause_end(ctx: _En, i: int, b: int) -> int:
    """End of a message clause from token i: the sentence end, a quote, or a new speech frame."""
    low = ctx.low
    j = i
    while j < b:
        w = low[j]
        if w in ('"', "“", "”") and j in ctx.taken:
            break
        if w == "," and j + 1 < b and low[j + 1] in ("saying", "adding", "according", "noting", "stating",
                                                     "explaining", "warning", "claiming"):
            break
        j += 1
    while j > i and low[j - 1] in (".", "!", "?", ",", ";", ":"):
        j -= 1
    return j


def _looks_clause(ctx: _En, i: int, b: int) -> bool:
    low = ctx.low
    if i >= b:
        return False
    if not (low[i] in _CLAUSE_OPENERS or ctx.toks[i].text[:1].isupper() or low[i][:1].isdigit()):
        return False
    return any(_FINITE_HINT.match(low[k]) for k in range(i + 1, min(b, i + 12)))


def _span_chars(ctx: _En, a: int, b: int) -> tuple[int, int]:
    return ctx.toks[a].start, ctx.toks[b - 1].end


def _indirect(ctx: _En, out: list[Quote]) -> None:
    low, toks = ctx.low, ctx.toks
    for sent in ctx.doc.sentences:
        a, b = sent.token_start, sent.token_end
        k = a
        while k < b:
            if k in ctx.taken:
                k += 1
                continue
            if low[k] == "according" and k + 1 < b and low[k + 1] == "to":
                q = _according(ctx, k, a, b)
                if q is not None:
                    out.append(q)
                k += 2
                continue
            hit = _cue_at(ctx, k)
            if hit is None or not _is_verbal(ctx, k):
                k += 1
                continue
            cls, last = hit
            kend = last + 1
            q = _verb_event(ctx, k, kend, cls, a, b)
            if q is not None:
                out.append(q)
            k = kend


def _according(ctx: _En, k: int, a: int, b: int) -> Quote | None:
    low = ctx.low
    sp = _np_forward(ctx, k + 2, b)
    if sp is None:
        return None
    # "according to X, MSG" or "MSG, according to X"
    if k == a or (k == a + 1 and low[a] in ("but", "and")) or (k > a and low[k - 1] not in (",",) and k - a < 2):
        ms_tok = sp[1] + 1 if sp[1] < b and low[sp[1]] == "," else sp[1]
        me_tok = _clause_end(ctx, ms_tok, b)
    else:
        ms_tok, me_tok = a, (k - 1 if low[k - 1] == "," else k)
        while ms_tok < me_tok and low[ms_tok] in (",",):
            ms_tok += 1
    if me_tok <= ms_tok:
        return None
    ms, me = _span_chars(ctx, ms_tok, me_tok)
    return _make(ctx, "indirect", ms, me, (k, k + 2), sp)


def _verb_event(ctx: _En, k: int, kend: int, cls: str, a: int, b: int) -> Quote | None:
    low, c = ctx.low, ctx.cues
    passive = k > a and low[k - 1] in _BE
    if k > a and low[k - 1] in _NEG or (k > a + 1 and low[k - 1] in _AUX and low[k - 2] in _NEG):
        return None
    if k > a and low[k - 1] in ("to",):
        return None  # "refused to comment", "is expected to announce"
    i = _skip_adverbials(ctx, kend, b)
    addr = None
    if low[kend - 1] in c.addr:
        addr = _addressee(ctx, i, b)
        if addr is not None:
            i = _skip_adverbials(ctx, addr[1], b)
        elif low[kend - 1].startswith("tel") or low[kend - 1] == "told":
            return None
    # the message follows the cue
    that = i < b and low[i] == "that"
    msg: tuple[int, int] | None = None
    kind = "indirect"
    if that:
        e = _clause_end(ctx, i + 1, b)
        if e > i + 1:
            msg = (i + 1, e)
    elif cls in ("verb", "act") and _looks_clause(ctx, i, b) and not passive:
        e = _clause_end(ctx, i, b)
        msg = (i, e) if e > i else None
    speaker: tuple[int, int] | None = None
    if msg is not None:
        if passive:
            speaker = None
        else:
            speaker = _np_backward(ctx, k, a) if k > a else None
            if speaker is None and k > a and low[k - 1] == ",":
                speaker = _subject_of_participle(ctx, k, a)
    if msg is None:
        # message first: "MSG, officials said." / "MSG, said X."
        frame_start = k
        if k > a and low[k - 1] == ",":
            speaker = _np_forward(ctx, kend, b)
            if speaker is None or speaker[0] - kend > 1:
                speaker = None
            frame_start = k - 1
        else:
            j = k
            while j > a and low[j - 1] != ",":
                j -= 1
            if j > a and k - j <= 12:
                speaker = _np_backward(ctx, k, j)
                frame_start = j - 1
        rest = _skip_adverbials(ctx, speaker[1] if speaker and speaker[0] > k else kend, b)
        if addr is None and low[kend - 1] in c.addr:
            addr = _addressee(ctx, rest, b)
            if addr is not None:
                rest = _skip_adverbials(ctx, addr[1], b)
        if frame_start > a and (rest >= b or low[rest] in (".", "!", "?")) and speaker is not None and not passive:
            ms_tok = a
            while ms_tok < frame_start and (low[ms_tok] in ('"', "“", "”") or ms_tok in ctx.taken):
                ms_tok += 1
            if frame_start - ms_tok >= 3:
                msg = (ms_tok, frame_start)
                if cls == "weak" and low[k] in ("reported", "reports", "report"):
                    pass
    if msg is None and cls == "act" and not passive:
        e = _clause_end(ctx, i, b)
        # a noun phrase object: "denied any plans", "expressed his sympathy", "called for calm"
        e2 = next((m for m in range(i, e) if low[m] in (",", ";") or (low[m] == "and" and m + 1 < e
                                                                     and low[m + 1] in _CLAUSE_OPENERS)), e)
        if e2 > i:
            speaker = _np_backward(ctx, k, a) if k > a else None
            if speaker is None and k > a and low[k - 1] == ",":
                speaker = _subject_of_participle(ctx, k, a)
            msg = (i, e2)
            kind = "reported"
    if msg is None:
        return None
    if cls == "weak" and not that and kind != "reported" and (speaker is None or msg[0] > k):
        return None
    ms, me = _span_chars(ctx, *msg)
    return _make(ctx, kind, ms, me, (k, kend), speaker, addr)


def _subject_of_participle(ctx: _En, k: int, a: int) -> tuple[int, int] | None:
    """", saying …" / ", declaring …": the subject of the main clause opens the sentence."""
    low = ctx.low
    if low[k] not in ctx.cues.verbs and low[k] not in ctx.cues.acts or not low[k].endswith("ing"):
        return None
    j = a
    while j < k and low[j] not in _AUX and not _FINITE_HINT.match(low[j]):
        j += 1
    if j == a or j >= k:
        return None
    sp = _np_backward(ctx, j, a)
    return sp


def find_quotes(doc: Doc) -> list[Quote]:
    """Direct, indirect and reported speech of an English ``doc`` in text order."""
    toks = doc.tokens
    if not toks:
        return []
    ctx = _En(doc=doc, toks=toks, low=[t.text.lower() for t in toks],
              ents=sorted(doc.entities, key=lambda m: m.start), cues=cues(), taken=set())
    out: list[Quote] = []
    _direct(ctx, out)
    _indirect(ctx, out)
    out.sort(key=lambda q: q.message_start)
    return out
