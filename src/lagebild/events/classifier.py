"""Embedding classifier for event types: nearest centroid over e5 sentence embeddings.

The embeddings come from the shared encoder (:mod:`lagebild.encoder`): a sentence's vector is the last
layer of the same forward pass that gives the accurate NER tagger its word features, so in accurate mode
the classifier costs no second transformer pass. Prototype rows are tokenised like article text
(:func:`lagebild.segment.tokenize`) and embedded by the same function, at the same precision.

Two uses:
- the product (accurate mode, or ``config={"classifier": True}``): sentences without a lexicon trigger get a
  type from centroids of the hand-written prototypes in ``data/event_prototypes.tsv``, but only when the
  similarity clears a threshold and the sentence holds an actor; such events have ``method="classifier"``,
  a trigger span covering the sentence, and a lower confidence.
- the PLOVER evaluation: :func:`cross_validated_labels` trains centroids on one split of the gold records and
  labels the other (2-fold), so no record is labelled by a model that saw it.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any

import numpy as np

from ..records import Event
from .lexicon import DATA, _rows

if TYPE_CHECKING:
    from ..doc import Doc

log = logging.getLogger(__name__)

PROTOTYPES = DATA / "event_prototypes.tsv"
THRESHOLD = 0.86  # cosine similarity to the best centroid (e5 similarities are high across the board)
MARGIN = 0.015  # best minus second-best centroid


def embed_words(token_lists: list[list[str]], precision: str | None = None) -> np.ndarray:
    """L2-normalised vectors of tokenised sentences (reused from the NER tagger's pass when it ran)."""
    from ..encoder import SharedEncoder

    return SharedEncoder.get(precision).sentence_vectors(token_lists)


def embed(texts: list[str], precision: str | None = None) -> np.ndarray:
    """L2-normalised vectors of raw sentences, tokenised as the pipeline tokenises articles."""
    from ..segment import tokenize

    return embed_words([[t.text for t in tokenize(x)] for x in texts], precision)


def centroids(vecs: np.ndarray, labels: list[str]) -> tuple[list[str], np.ndarray]:
    names = sorted(set(labels))
    cents = np.stack([vecs[[i for i, lab in enumerate(labels) if lab == n]].mean(axis=0) for n in names])
    cents /= np.linalg.norm(cents, axis=1, keepdims=True) + 1e-9
    return names, cents


def cross_validated_labels(texts: list[str], labels: list[str], splits: list[str]) -> dict[int, str]:
    """Nearest-centroid label for every record, from centroids of the *other* split only."""
    vecs = embed(texts)
    out: dict[int, str] = {}
    for held in sorted(set(splits)):
        train = [i for i, s in enumerate(splits) if s != held]
        names, cents = centroids(vecs[train], [labels[i] for i in train])
        for i, s in enumerate(splits):
            if s == held:
                out[i] = names[int(np.argmax(cents @ vecs[i]))]
    return out


@functools.lru_cache(maxsize=2)
def prototype_model(precision: str) -> tuple[list[dict[str, str]], np.ndarray, list[str]]:
    """Centroids of the prototype rows, embedded at the encoder precision the articles use."""
    rows = _rows(PROTOTYPES)
    vecs = embed([r["text"] for r in rows], precision)
    keys = [f"{r['type']}|{r['mode']}" for r in rows]
    names, cents = centroids(vecs, keys)
    info = {f"{r['type']}|{r['mode']}": r for r in rows}
    return [info[n] for n in names], cents, names


def classify_doc(stage: Any, doc: Doc, lang: str, taken: set[int]) -> list[Event]:
    """Classifier events for sentences that have an actor but no lexicon event."""
    cand_idx = []
    for si, sent in enumerate(doc.sentences):
        if sent.start in taken or len(sent.text) < 25:
            continue
        if stage._candidates(doc, sent.token_start, sent.token_end, lang):
            cand_idx.append(si)
    if not cand_idx:
        return []
    from ..encoder import default_precision

    precision = default_precision()
    rows, cents, _ = prototype_model(precision)
    vecs = embed_words([[t.text for t in doc.sentence_tokens(i)] for i in cand_idx], precision)
    sims = vecs @ cents.T
    out = []
    for k, si in enumerate(cand_idx):
        order = np.argsort(-sims[k])
        best, second = float(sims[k][order[0]]), float(sims[k][order[1]])
        if best < THRESHOLD or best - second < MARGIN:
            continue
        r = rows[int(order[0])]
        sent = doc.sentences[si]
        out.append(
            Event(
                start=sent.start,
                end=sent.end,
                text=sent.text,
                trigger=sent.text,
                trigger_start=sent.start,
                trigger_end=sent.end,
                type=r["type"],
                mode=r["mode"] or None,
                cameo=r["cameo"],
                quad_class=int(r["quad"]),
                goldstein=float(r["goldstein"]),
                date=(doc.article.published or "")[:10] or None,
                date_precision="publication" if doc.article.published else None,
                confidence=round(best, 3),
                method="classifier",
            )
        )
    return out
