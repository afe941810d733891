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


def _examples(sents: list[TaggedSentence], corpus: str, masked: set[str] = frozenset()) -> list[Example]:
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
