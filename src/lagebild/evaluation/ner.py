"""Evaluate a German NER tagger (``lagebild eval ner``).

Prints strict span precision/recall/F1 per type and micro for

(a) outer PER/LOC/ORG (GermEval OTH and ``*deriv``/``*part`` count as O on
    both sides) -- the headline figure, ``micro_f1`` in the JSON;
(b) GermEval 2014 only: the official outer-chunk metric over its 12 classes
    (PER, LOC, ORG, OTH and their deriv/part variants). A tagger that does not
    predict deriv/part (the fast one) simply misses them; MISC counts as OTH;
(c) Europarl only: PER/LOC/ORG/MISC.

Sentences are tagged on the gold tokens. With ``--entity-stage`` each sentence is run through the whole
entity stage (:class:`lagebild.entities.EntityStage`: the tagger, then the curated gazetteer, name
propagation, role mentions and the span filters), as a one-sentence article without a date, and the
stage's mentions are scored: what a user of ``lagebild analyze`` sees, rather than the bare tagger.
Examples::

    lagebild eval ner --data ../shared/data/germeval2014 --split test --mode accurate
    lagebild eval ner --data ../shared/data/europarl_ner_de --split test --json
    lagebild eval ner --data ../shared/data/germeval2014 --split dev --mode fast --entity-stage

Readers and the scorer live in :mod:`lagebild.evaluation.conll`.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from .conll import (
    TaggedSentence,
    format_scores,
    read_europarl,
    read_germeval,
    read_wikiann,
    score_spans,
    tags_to_spans,
)

log = logging.getLogger(__name__)

OUTER3 = ("PER", "LOC", "ORG")
GERMEVAL12 = tuple(b + s for b in ("PER", "LOC", "ORG", "OTH") for s in ("", "deriv", "part"))


def detect_dataset(path: Path) -> str:
    name = path.name.lower()
    for key in ("germeval", "europarl", "wikiann"):
        if key in name:
            return key
    raise SystemExit(f"cannot tell the dataset from {path}; pass --dataset germeval|europarl|wikiann")


def load_split(dataset: str, path: Path, split: str, scheme: str = "outer4") -> list[TaggedSentence]:
    """Gold sentences of one split of a supported dataset folder."""
    if dataset == "germeval":
        return read_germeval(path / f"NER-de-{split}.tsv", scheme)
    if dataset == "europarl":
        return read_europarl(path / f"{split}.tsv", scheme)
    if dataset == "wikiann":
        return read_wikiann(path / split, scheme)
    raise ValueError(f"unknown dataset {dataset!r}")


def _drop_score(spans):
    return [(s, e, lab) for s, e, lab, *_ in spans]


def _germeval12(spans):
    return [(s, e, "OTH" if lab == "MISC" else lab) for s, e, lab, *_ in spans]


def stage_spans(tokens: list[list[str]], tagger: object, mode: str) -> list[list[tuple[int, int, str, float]]]:
    """The entity stage's mentions of each gold sentence as token spans (a one-sentence article each)."""
    from ..doc import Doc
    from ..entities import EntityStage
    from ..records import Article, Sentence, Token

    docs = []
    for n, words in enumerate(tokens):
        toks, pos = [], 0
        for w in words:
            toks.append(Token(start=pos, end=pos + len(w), text=w, sent=0))
            pos += len(w) + 1
        text = " ".join(words)
        doc = Doc(Article(id=f"s{n}", text=text, language="de"), tokens=toks,
                  sentences=[Sentence(start=0, end=len(text), text=text, token_start=0, token_end=len(toks))])
        docs.append(doc)
    stage = EntityStage(mode, {"tagger": tagger})
    out = []
    for doc in stage.pipe(docs):
        first = {t.start: i for i, t in enumerate(doc.tokens)}
        last = {t.end: i for i, t in enumerate(doc.tokens)}
        spans = [(first[m.start], last[m.end] + 1, m.label, m.score or 0.0) for m in doc.entities
                 if m.start in first and m.end in last]
        out.append(spans)
    return out


def run(
    dataset: str,
    path: Path,
    split: str,
    mode: str,
    limit: int | None = None,
    feature_cache: bool = False,
    model: Path | None = None,
    entity_stage: bool = False,
) -> dict:
    """Tag a split and score it; returns the JSON-able result dict."""
    from ..ner import get_tagger

    gold = load_split(dataset, path, split)
    if limit:
        gold = gold[:limit]
    tokens = [s.tokens for s in gold]
    if model is not None and mode == "accurate":
        from ..ner.accurate import AccurateNER

        tagger = AccurateNER.load(model)
    else:
        tagger = get_tagger(mode)
    n_words = sum(len(t) for t in tokens)
    fine_ok = hasattr(tagger, "predict_fine") and not entity_stage
    t0 = time.time()
    if entity_stage:
        fine = None
    elif feature_cache and mode == "accurate":
        from ..ner.features import corpus_features

        feats = corpus_features(
            f"{dataset}_{split}" + (f"_first{limit}" if limit else ""), tokens, tagger.layers
        )
        fine = tagger.predict_fine_from_features(feats, tokens)
    elif fine_ok:
        fine = tagger.predict_fine(tokens)
    else:
        fine = None
    if fine is not None:
        from ..ner.accurate import coarse

        pred = [coarse(f) for f in fine]
    elif entity_stage:
        pred = stage_spans(tokens, tagger, mode)
    else:
        pred = tagger.predict(tokens)
    seconds = time.time() - t0

    g_outer = [[(s, e, lab) for s, e, lab in tags_to_spans(x.tags) if lab in OUTER3] for x in gold]
    p_outer = [[sp for sp in _drop_score(p) if sp[2] in OUTER3] for p in pred]
    res_a = score_spans(g_outer, p_outer, OUTER3)
    result = {
        "task": "ner",
        "dataset": dataset,
        "split": split,
        "mode": mode,
        "sentences": len(gold),
        "words": n_words,
        "micro_f1": res_a["micro"]["f1"],
        "precision": res_a["micro"]["precision"],
        "recall": res_a["micro"]["recall"],
        "per_type": {
            k: {m: v[m] for m in ("precision", "recall", "f1", "support")}
            for k, v in res_a["per_type"].items()
        },
        "seconds": round(seconds, 2),
        "words_per_s": round(n_words / max(seconds, 1e-9), 1),
        "feature_cache": bool(feature_cache and mode == "accurate" and not entity_stage),
        "entity_stage": entity_stage,
        "model": str(model) if model is not None and mode == "accurate" else "shipped",
        "_tables": [format_scores(res_a, "(a) outer PER/LOC/ORG, strict")],
    }
    if dataset == "germeval":
        g12 = load_split(dataset, path, split, "germeval12")[: len(gold)]
        g12s = [tags_to_spans(x.tags) for x in g12]
        p12 = [_germeval12(f) for f in fine] if fine is not None else [_germeval12(p) for p in pred]
        res_b = score_spans(g12s, p12, GERMEVAL12)
        result["germeval12"] = {
            "micro_f1": res_b["micro"]["f1"],
            "precision": res_b["micro"]["precision"],
            "recall": res_b["micro"]["recall"],
            "per_type": {
                k: {m: v[m] for m in ("precision", "recall", "f1", "support")}
                for k, v in res_b["per_type"].items()
            },
        }
        result["_tables"].append(
            format_scores(res_b, "(b) GermEval 2014 official outer chunks, 12 classes, strict")
        )
    if dataset == "europarl":
        labs = OUTER3 + ("MISC",)
        g4 = [tags_to_spans(x.tags) for x in gold]
        res_c = score_spans(g4, [_drop_score(p) for p in pred], labs)
        result["outer4"] = {
            "micro_f1": res_c["micro"]["f1"],
            "per_type": {
                k: {m: v[m] for m in ("precision", "recall", "f1", "support")}
                for k, v in res_c["per_type"].items()
            },
        }
        result["_tables"].append(format_scores(res_c, "(c) PER/LOC/ORG/MISC, strict"))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval ner", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data",
        default="../shared/data/germeval2014",
        help="dataset folder: germeval2014, europarl_ner_de or wikiann_de",
    )
    ap.add_argument(
        "--dataset", choices=("germeval", "europarl", "wikiann"), help="default: from the folder name"
    )
    ap.add_argument("--split", default="test")
    ap.add_argument("--mode", choices=("fast", "accurate"), default="accurate")
    ap.add_argument("--limit", type=int, help="only the first N sentences")
    ap.add_argument(
        "--feature-cache",
        action="store_true",
        help="accurate mode: reuse encoder features cached on disk ($LAGEBILD_CACHE/ner)",
    )
    ap.add_argument(
        "--model",
        help="accurate mode: a model folder other than the shipped one (e.g. a k-fold run "
        "scored on its held-out block: --split dev --limit 440 for block 0 of 5)",
    )
    ap.add_argument(
        "--entity-stage",
        action="store_true",
        help="score the whole entity stage (tagger + gazetteer, propagation, role mentions, span filters), "
        "not the bare tagger",
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = ap.parse_args(argv)
    path = Path(args.data)
    dataset = args.dataset or detect_dataset(path)
    res = run(
        dataset,
        path,
        args.split,
        args.mode,
        args.limit,
        args.feature_cache,
        Path(args.model) if args.model else None,
        args.entity_stage,
    )
    print(
        f"NER {dataset} {args.split} mode={args.mode}{' entity-stage' if args.entity_stage else ''}: {res['sentences']} sentences, {res['words']} words, "
        f"{res['words_per_s']:.0f} words/s"
    )
    for t in res.pop("_tables"):
        print()
        print(t)
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
