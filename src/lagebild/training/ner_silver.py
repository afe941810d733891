"""Self-training data for the accurate NER head: unlabelled news sentences tagged by a teacher.

The teacher is a trained accurate-NER model folder (one head or an ensemble). It tags German
Wikinews sentences (text only: no annotation of the source corpus is read) with GermEval's
12 outer classes; spans the teacher is unsure of are **masked** (no loss) rather than taught
either way, and every other token keeps the teacher's tag. A student head is then trained on the
gold corpora plus these sentences (``lagebild train ner --corpora ...,silver --silver FILE``).

For honest selection on GermEval dev blocks the teacher of fold k must not have seen block k:
label once per fold with that fold's teacher (``--teacher /path/to/fold_k_model``).

Example::

    python -m lagebild.training.ner_silver --data ../shared/data --teacher src/lagebild/models/ner_accurate \\
        --out /tmp/silver_full.jsonl
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

from .ner_data import Example

log = logging.getLogger(__name__)

#: feature-cache name of the silver sentences (the cache key also hashes the sentences)
CACHE_NAME = "wikinews_silver"


def wikinews_sentences(data: Path, n: int = 6000, seed: int = 13) -> list[list[str]]:
    """A fixed random sample of German Wikinews sentences (4-60 tokens) with at least one
    capitalised word after the first token, i.e. likely to hold a name (German capitalises
    every noun, so this keeps most sentences and drops lists, numbers and fragments)."""
    sents: list[list[str]] = []
    for split in ("train", "dev", "test_blind"):
        with open(data / "wikinews_spkatt_de" / f"{split}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                for s in json.loads(line)["Sentences"]:
                    toks = s["Tokens"]
                    if 4 <= len(toks) <= 60 and any(t[:1].isupper() for t in toks[1:]):
                        sents.append(list(toks))
    random.Random(seed).shuffle(sents)
    return sents[:n]


def load_teacher(spec: str):
    """A model folder, or several joined by ``+`` (run as one ensemble, like a shipped model)."""
    from ..ner.accurate import AccurateNER

    taggers = [AccurateNER.load(Path(d)) for d in spec.split("+")]
    return taggers[0] if len(taggers) == 1 else AccurateNER.joined(taggers)


def silver_examples(
    teacher: str, sentences: list[list[str]], min_conf: float = 0.5, threads: int = 1
) -> list[Example]:
    """Tag ``sentences`` with the teacher; tokens of spans scored below ``min_conf`` get mask 0."""
    import numpy as np
    import torch

    from ..encoder import DEFAULT_LAYERS
    from ..ner.features import corpus_features

    torch.set_num_threads(threads)
    tagger = load_teacher(teacher)
    layers = tagger.layers or tuple(DEFAULT_LAYERS)
    feats = [f.astype(np.float32) for f in corpus_features(CACHE_NAME, sentences, layers)]
    out: list[Example] = []
    masked = kept = 0
    for a in range(0, len(sentences), 512):
        batch = sentences[a : a + 512]
        for toks, spans in zip(
            batch, tagger.predict_fine_from_features(feats[a : a + 512], batch), strict=True
        ):
            tags, mask = ["O"] * len(toks), [1] * len(toks)
            for s, e, lab, conf in spans:
                if conf < min_conf:
                    mask[s:e] = [0] * (e - s)
                    masked += 1
                    continue
                kept += 1
                tags[s] = f"B-{lab}"
                for k in range(s + 1, e):
                    tags[k] = f"I-{lab}"
            out.append(Example(toks, tags, mask, "silver"))
    log.info(
        "silver: %d sentences, %d spans kept, %d masked (confidence < %.2f)", len(out), kept, masked, min_conf
    )
    return out


def write_silver(examples: list[Example], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for ex in examples:
            fh.write(json.dumps([ex.tokens, ex.tags, ex.mask], ensure_ascii=False) + "\n")


def read_silver(path: Path) -> list[Example]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            toks, tags, mask = json.loads(line)
            out.append(Example(toks, tags, mask, "silver"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m lagebild.training.ner_silver", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--teacher", required=True, help="trained accurate-NER model folder(s), DIR or DIR+DIR")
    ap.add_argument("--out", required=True, help="silver JSONL: [tokens, tags, mask] per line")
    ap.add_argument("--sentences", type=int, default=6000)
    ap.add_argument("--min-conf", type=float, default=0.5)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    t0 = time.time()
    sents = wikinews_sentences(Path(args.data), args.sentences)
    exs = silver_examples(args.teacher, sents, args.min_conf, args.threads)
    write_silver(exs, Path(args.out))
    print(f"wrote {len(exs)} silver sentences to {args.out} in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
