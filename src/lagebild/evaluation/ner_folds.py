"""Score accurate-NER model folders on one held-out block of GermEval 2014 dev: the selection protocol.

Candidates for the shipped model are chosen on GermEval dev only, cut into 5 contiguous blocks
(``lagebild train ner --folds 5 --fold K`` trains without block K). This command scores such fold
models, alone or joined into an ensemble, on their held-out block through the run-time code
(``AccurateNER.predict_from_features`` on int8 encoder features by default), strict outer PER/LOC/ORG
span F1 as in ``lagebild eval ner``. GermEval test is never read here.

Example::

    lagebild eval ner_folds --fold 0 models/S_f0 models/T_0+models/S_f0 --json
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)

#: feature-cache name of all 2,200 GermEval dev sentences (shared with the trainer's selection runs)
CACHE_NAME = "germeval_dev_full"


def block(data: Path, folds: int, fold: int):
    """The held-out examples of block ``fold`` (the same cut as ``ner_data.germeval_dev_fold``) and the
    index of its first sentence in GermEval dev."""
    from ..training import ner_data

    train, held = ner_data.germeval_dev_fold(data, folds, fold)
    n = len(train) + len(held)
    return held, round(n * fold / folds)


def score(specs: list[str], data: Path, folds: int, fold: int, limit: int | None = None,
          precision: str = "int8") -> list[dict]:
    """One result per spec (a model folder, or folders joined by ``+``): micro and per-type P/R/F1."""
    import numpy as np

    from ..encoder import DEFAULT_LAYERS
    from ..ner.accurate import coarse
    from ..ner.features import corpus_features
    from ..training.ner import outer_spans
    from ..training.ner_silver import load_teacher
    from .conll import score_spans, tags_to_spans
    from .ner import OUTER3

    taggers = {spec: load_teacher(spec) for spec in specs}
    held, first = block(data, folds, fold)

    def features(layers: tuple[int, ...]) -> list:
        if limit:
            # a part of the block is encoded on its own: the figures then differ slightly from whole-block ones
            return corpus_features(f"{CACHE_NAME}_f{fold}_{limit}", [e.tokens for e in held[:limit]], layers,
                                   precision=precision)
        from ..training import ner_data

        everything = ner_data.germeval_dev_split(data, 0.0)[0]  # all of dev, in file order
        allf = corpus_features(CACHE_NAME, [e.tokens for e in everything], layers, precision=precision)
        return allf[first : first + len(held)]

    if limit:
        held = held[:limit]
    # models trained on different encoder layers are each given their own (one encoding per layer set)
    feats_by = {
        layers: [f.astype(np.float32) for f in features(layers)]
        for layers in {t.layers or tuple(DEFAULT_LAYERS) for t in taggers.values()}
    }
    tokens = [e.tokens for e in held]
    gold = [outer_spans(coarse([(s, e, lab, 1.0) for s, e, lab in tags_to_spans(e.tags)])) for e in held]
    out = []
    for spec, tagger in taggers.items():
        feats = feats_by[tagger.layers or tuple(DEFAULT_LAYERS)]
        pred = [outer_spans(p) for p in tagger.predict_from_features(feats, tokens)]
        r = score_spans(gold, pred, OUTER3)
        out.append({"model": spec, "fold": fold, "folds": folds, "sentences": len(held),
                    "precision": precision, **r})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval ner_folds", description=__doc__.split("\n\n")[0])
    ap.add_argument("models", nargs="+", help="model folder(s); DIR+DIR scores them as one ensemble")
    ap.add_argument("--data", default="../shared/data", help="folder holding germeval2014/")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold", type=int, required=True)
    ap.add_argument("--limit", type=int, default=None, help="score only the block's first N sentences")
    ap.add_argument("--encoder-precision", default="int8", choices=("int8", "float32"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="last line: one JSON object per model")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if not 0 <= args.fold < args.folds:
        ap.error(f"--fold must be in 0..{args.folds - 1}")
    if not (Path(args.data) / "germeval2014" / "NER-de-dev.tsv").exists():
        print(f"error: {args.data}/germeval2014/NER-de-dev.tsv not found", file=sys.stderr)
        return 2
    import torch

    torch.set_num_threads(args.threads)
    results = score(args.models, Path(args.data), args.folds, args.fold, args.limit, args.encoder_precision)
    for r in results:
        m = r["micro"]
        per = " ".join(f"{k} {v['f1']:.3f}" for k, v in r["per_type"].items())
        print(f"fold {r['fold']} {r['model']}: F1 {m['f1']:.4f} P {m['precision']:.4f} R {m['recall']:.4f} {per}")
    if args.json:
        print(json.dumps({"task": "ner_folds", "fold": args.fold, "results": [
            {"model": r["model"], "micro_f1": r["micro"]["f1"], "per_type": {k: v["f1"] for k, v in
                                                                           r["per_type"].items()}}
            for r in results]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
