"""Training corpora for the accurate NER head, with their label conventions.

Each corpus is a list of :class:`Example` (tokens, IOB2 tags over
PER/LOC/ORG/MISC, and a per-token loss mask). A mask of 0 means "this corpus
does not annotate that kind of name the way GermEval does; don't learn from
these tokens" rather than "these tokens are O":

* Europarl marks nationality adjectives and the like as MISC (CoNLL-2003
  style), which GermEval tags as ``LOCderiv`` (-> O for us): its MISC spans
  are masked.
* WikiANN is silver data from Wikipedia links; its ORG spans clash with
  GermEval's ORG conventions (EVAL-NOTES.md), so only PER/LOC are learnt and
  ORG spans are masked. It is optional (``--wikiann``).
* Legal NER (LER) is mapped as in EVAL-NOTES.md; only sentences with a mapped
  entity are kept, capped, so court prose does not swamp news.

GermEval 2014 *test* is never read here.
"""

from __future__ import annotations

import random
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from ..evaluation.conll import (
    TaggedSentence,
    read_europarl,
    read_germeval,
    read_ler,
    read_wikiann,
    tags_to_spans,
)


@dataclass
class Example:
    tokens: list[str]
    tags: list[str]
    mask: list[int]
    corpus: str


def _examples(sents: list[TaggedSentence], corpus: str, masked: AbstractSet[str] = frozenset()) -> list[Example]:
    out = []
    for s in sents:
        mask = [1] * len(s.tokens)
        tags = list(s.tags)
        for a, b, lab in tags_to_spans(s.tags):
            if lab in masked:
                for i in range(a, b):
                    mask[i] = 0
                    tags[i] = "O"
        out.append(Example(list(s.tokens), tags, mask, corpus))
    return out


def germeval_dev_split(data: Path, heldout_frac: float = 0.1) -> tuple[list[Example], list[Example]]:
    """GermEval 2014 dev: the first 90% for training, the last 10% for model selection.

    Tags keep GermEval's 12 outer classes (OTH, *deriv, *part); the other
    corpora use PER/LOC/ORG/MISC, which the trainer maps MISC -> OTH.
    """
    sents = read_germeval(data / "germeval2014" / "NER-de-dev.tsv", "germeval12")
    cut = int(round(len(sents) * (1 - heldout_frac)))
    return _examples(sents[:cut], "germeval_dev"), _examples(sents[cut:], "germeval_heldout")


def germeval_dev_fold(data: Path, folds: int, fold: int) -> tuple[list[Example], list[Example]]:
    """GermEval 2014 dev cut into ``folds`` contiguous blocks: block ``fold`` is held out
    (a k-fold estimate is far less noisy than the last 220 sentences alone)."""
    sents = read_germeval(data / "germeval2014" / "NER-de-dev.tsv", "germeval12")
    n = len(sents)
    a, b = round(n * fold / folds), round(n * (fold + 1) / folds)
    return (
        _examples(sents[:a] + sents[b:], "germeval_dev"),
        _examples(sents[a:b], "germeval_heldout"),
    )


def europarl_train(data: Path) -> list[Example]:
    return _examples(read_europarl(data / "europarl_ner_de" / "train.tsv", "outer4"), "europarl", {"MISC"})


def ler_subset(data: Path, cap: int = 1500, seed: int = 13) -> list[Example]:
    sents = [
        s for s in read_ler(data / "ler_legal_ner_de" / "ler_dev.conll", "outer4") if tags_to_spans(s.tags)
    ]
    sents = [s for s in sents if len(s.tokens) <= 80]
    random.Random(seed).shuffle(sents)
    return _examples(sents[:cap], "ler")


def wikiann_subset(data: Path, cap: int = 4000, seed: int = 13) -> list[Example]:
    sents = [
        s for s in read_wikiann(data / "wikiann_de" / "train", "outer4") if "WEITERLEITUNG" not in s.tokens
    ]
    random.Random(seed).shuffle(sents)
    return _examples(sents[:cap], "wikiann", {"ORG"})


# --- DFKI SmartData (CC BY 4.0): German business/industry news -----------------------------
#
# SmartData's conventions differ from GermEval's in a few places; where a span cannot be
# mapped safely its tokens are masked (no loss) rather than forced to O:
# * nationality/region adjectives ("deutschen", "US-amerikanische") are `location`; GermEval
#   tags them LOCderiv, so they become LOCderiv. Other lowercase `location` spans are
#   direction phrases ("stadtauswärts"): masked.
# * inhabitant/adjective forms of cities ("Berliner", "Münchener") are `location-city`;
#   GermEval: LOCderiv. Mapped when the stem is itself annotated as a place in the corpus,
#   masked when a capitalised single-word place ends in -er otherwise ("Bremer" vs "Hannover").
# * ORG/PER spans starting lowercase ("türkische Polizei") or generic nouns ("Gruppe",
#   "Flugbegleiter"), the EU as `location`, truncated parts ("Nord-") and transit
#   routes ("RE 7") are masked.
# * SmartData has no MISC/OTH class: such names are O there (not maskable, accepted).

_SD_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-stop": "LOC",
    "location-street": "LOC",
}
_SD_MASK = {"location-route"}
_SD_GENERIC = {
    "Gruppe",
    "Konzern",
    "Unternehmen",
    "Firma",
    "Gesellschaft",
    "Club",
    "Verein",
    "Polizei",
    "Tochter",
    "Mutter",
    "Holding",
    "Kette",
    "Bank",
    "Regierung",
    "Flugbegleiter",
    "Piloten",
    "Sprecher",
    "Sprecherin",
}
_ADJ_END = ("isch", "ische", "ischen", "ischer", "isches", "ischem")


def _read_avro_json(path: Path):
    import gzip
    import json

    text = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


def _utf16_to_str_offsets(text: str) -> list[int]:
    """index u (UTF-16 code units) -> Python str index, for u in 0..len16."""
    out = []
    for i, ch in enumerate(text):
        out.append(i)
        if ord(ch) > 0xFFFF:
            out.append(i)
    out.append(len(text))
    return out


def _sd_label(kind: str, surface: str, places: set[str]) -> str | None:
    """GermEval-style fine label for a SmartData mention; None = mask."""
    if kind in _SD_MASK or surface.endswith("-") or kind not in _SD_MAP:
        return None if kind in _SD_MASK or surface.endswith("-") else "O"
    lab = _SD_MAP[kind]
    first = surface[:1]
    if lab == "LOC":
        if surface == "EU":
            return None
        low = surface.lower()
        if low.endswith(_ADJ_END) or low.startswith("deutsch"):
            return "LOCderiv"
        if not first.isupper():
            return None
        if " " not in surface and low.endswith("er"):
            stem = surface[:-2]
            if stem in places or stem[:-1] in places or surface[:-3] + "en" in places:
                return "LOCderiv"
            return None
        return lab
    if not first.isupper() and not first.isdigit() and surface not in ("dpa", "ots"):
        return None
    if surface in _SD_GENERIC:
        return None
    return lab


def smartdata_news(
    data: Path,
    sources: tuple[str, ...] = ("news",),
    max_tokens: int = 100,
    empty_frac: float = 0.25,
    seed: int = 13,
) -> list[Example]:
    """SmartData v1 train+test documents of the given sources, tokenised and split into
    sentences by :mod:`lagebild.segment` (the tokenizer used at run time), with mentions
    mapped to GermEval's fine classes (see the notes above). Only ``empty_frac`` of the
    sentences without any name are kept (the rest would mostly teach O at encoding cost)."""
    from ..doc import Doc
    from ..records import Article, content_id
    from ..segment import SegmentStage

    root = data / "smartdata_de" / "v1_20180119"
    docs, seen = [], set()
    for name in ("train.json.gz", "test.json.gz"):
        for o in _read_avro_json(root / name):
            src = ((o.get("refids") or {}).get("map") or {}).get("source")
            if o["id"] in seen or src not in sources:
                continue
            seen.add(o["id"])
            docs.append(o)
    places: set[str] = set()
    for o in docs:
        text = o["text"]["string"]
        off = _utf16_to_str_offsets(text)
        for m in (o.get("conceptMentions") or {}).get("array", []):
            if m["type"].startswith("location"):
                places.add(text[off[m["span"]["start"]] : off[m["span"]["end"]]])
    seg = SegmentStage()
    rng = random.Random(seed)
    out: list[Example] = []
    for o in docs:
        text = o["text"]["string"]
        off = _utf16_to_str_offsets(text)
        doc = seg(Doc(Article(id=content_id(text), text=text, published="2016-01-01", language="de")))
        toks = doc.tokens
        n = len(toks)
        tags = ["O"] * n
        mask = [1] * n
        mentions = sorted(
            (o.get("conceptMentions") or {}).get("array", []),
            key=lambda m: (m["span"]["start"], -m["span"]["end"]),
        )
        taken = [False] * n
        for m in mentions:
            a, b = off[m["span"]["start"]], off[m["span"]["end"]]
            lab = _sd_label(m["type"], text[a:b], places)
            if lab == "O":
                continue
            idx = [i for i in range(n) if toks[i].end > a and toks[i].start < b]
            if not idx:
                continue
            aligned = toks[idx[0]].start == a and toks[idx[-1]].end == b
            if lab is None or not aligned or any(taken[i] for i in idx):
                for i in idx:
                    mask[i] = 0
                continue
            for k, i in enumerate(idx):
                tags[i] = ("B-" if k == 0 else "I-") + lab
                taken[i] = True
        for si in range(len(doc.sentences)):
            st = doc.sentences[si].token_start
            words = [t.text for t in doc.sentence_tokens(si)]
            if not words or len(words) > max_tokens:
                continue
            t_s, m_s = tags[st : st + len(words)], mask[st : st + len(words)]
            if t_s and t_s[0].startswith("I-"):  # an entity cut by the sentence split
                continue
            if any(w.strip() == "" for w in words):
                continue
            if all(t == "O" for t in t_s) and all(m_s) and rng.random() >= empty_frac:
                continue
            out.append(Example(words, t_s, m_s, "smartdata"))
    return out
