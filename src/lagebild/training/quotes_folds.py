"""Cross-validation of the learned quote tagger on the Wikinews SpkAtt ``train`` split (experiments only).

``python -m lagebild.training.quotes_folds --fold 0 --model /tmp/qexp/a560 --tune rest --json``

Scores, on one held-out fold of :func:`lagebild.training.quotes.wikinews_folds` (article level, seeded),
the rules, the model alone and the hybrid with the project's metric
(:func:`lagebild.evaluation.quotes.score_doc`). The model is trained on other folds with
``python -m lagebild.training.quotes --wikinews ... --folds 1,2,3,4 --out /tmp/...`` (its ``meta.json`` names
the articles it saw). ``--tune rest`` chooses the hybrid thresholds on the train articles the model did not
see outside the held-out fold; ``--tune seen`` on the ones it saw (optimistic: the model knows them).
The Wikinews gold is CC BY-NC-SA: weights trained on it stay out of the repository; dev is never read here.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..doc import Doc
from ..evaluation.quotes import GoldDoc, load_wikinews, new_counts, score_doc, summarize
from ..quotes import find_quotes
from ..quotes_model import ALONE_PARAMS, DEFAULT_PARAMS, QuoteModel, combine, readings
from ..records import Article, content_id
from ..segment import SegmentStage
from .quotes import cached, wikinews_folds
from .quotes_tune import GRID

log = logging.getLogger(__name__)


class Item:
    """One article: gold, segmented doc, rule quotes, cached model inputs and model readings by cue threshold."""

    def __init__(self, gd: GoldDoc, doc: Doc, rq: list[Any], inputs: list[np.ndarray]):
        self.gd, self.doc, self.rq, self.inputs = gd, doc, rq, inputs
        self.read: dict[float, dict[str, Any]] = {}


def items_for(docs: list[GoldDoc], prep: dict[str, dict[str, Any]]) -> list[Item]:
    seg = SegmentStage()
    out = []
    for gd in docs:
        doc = seg(Doc(Article(id=content_id(gd.text), text=gd.text, language="de")))
        inputs = [x.astype(np.float32) for x in prep[gd.name]["inputs"]]
        if [len(x) for x in inputs] != [s.token_end - s.token_start for s in doc.sentences]:
            raise SystemExit(f"cached inputs do not match the segmentation of {gd.name}")
        out.append(Item(gd, doc, find_quotes(doc), inputs))
    return out


def read_all(model: QuoteModel, items: list[Item], cue_t: float) -> None:
    for it in items:
        if cue_t not in it.read:
            it.read[cue_t] = readings(model, it.doc, it.rq, cue_t, inputs=it.inputs)


def score(items: list[Item], how: str, params: dict[str, float] | None = None) -> dict[str, Any]:
    acc = new_counts()
    for it in items:
        if how == "rules":
            qs = it.rq
        else:
            assert params is not None
            rd = it.read[params["cue_t"]]
            if how == "alone":
                qs = combine(it.doc, [], {"own": rd["own"], "at_rule": [], "rule_cue_p": []}, params)
            else:
                qs = combine(it.doc, it.rq, rd, params)
        score_doc(it.gd, qs, acc)
    return summarize(acc)


#: the thresholds of quotes_tune plus the speaker veto and lower replacement thresholds (an in-domain tagger)
FOLD_GRID = {**GRID, "replace_t": [0.6, 0.7, 0.8, 0.9, 1.1], "implausible_t": [0.1, 0.3, 1.1],
             "strip_t": [0.0, 0.05, 0.1, 0.2]}


def tune(items: list[Item], start: dict[str, float]) -> tuple[dict[str, float], float]:
    """Coordinate search of the hybrid thresholds (source F1), twice round the grid of quotes_tune (the items
    need readings at every ``cue_t`` of the grid)."""
    cur, best = dict(start), score(items, "hybrid", start)["source"]["f1"]
    for _ in range(2):
        for k, values in FOLD_GRID.items():
            for v in values:
                p = {**cur, k: v}
                f = score(items, "hybrid", p)["source"]["f1"]
                if f > best:
                    best, cur = f, p
            log.info("after %s: %s %s", k, best, cur)
    return cur, best


def _row(r: dict[str, Any]) -> dict[str, float]:
    return {"cue": r["cue"]["f1"], "source": r["source"]["f1"], "message": r["message"]["f1"],
            "source_p": r["source"]["p"], "source_r": r["source"]["r"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.training.quotes_folds", description=__doc__.split("\n\n")[0])
    ap.add_argument("--wikinews", default="../shared/data/wikinews_spkatt_de")
    ap.add_argument("--fold", type=int, default=0, help="held-out fold (-1: none, tune on the whole split)")
    ap.add_argument("--n-folds", type=int, default=5)
    ap.add_argument("--fold-seed", type=int, default=13)
    ap.add_argument("--model", default=None, help="model folder (default: none, rules only)")
    ap.add_argument("--tune", choices=("none", "rest", "seen"), default="none")
    ap.add_argument("--params", default=None, help="JSON file of hybrid thresholds to score as well")
    ap.add_argument("--save-params", default=None, help="write the tuned thresholds to this JSON file")
    ap.add_argument("--write-meta", action="store_true", help="store the tuned thresholds in the model's meta.json")
    ap.add_argument("--cache", default="/tmp/lagebild_quotes_cache")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    import torch

    torch.set_num_threads(1)
    t0 = time.time()
    folder = Path(args.wikinews)
    prep = {d["name"]: d for d in cached(folder, "train", Path(args.cache))}
    docs = list(load_wikinews(folder, "train"))
    fold_of = wikinews_folds([d.name for d in docs], args.n_folds, args.fold_seed)
    held = items_for([d for d in docs if fold_of[d.name] == args.fold], prep)
    res: dict[str, Any] = {"fold": args.fold, "held_out_articles": len(held), "rules": _row(score(held, "rules"))}
    if args.model:
        model = QuoteModel.load(args.model)
        seen = set((model.meta.get("data") or {}).get("wikinews_train", {}).get("names", []))
        if seen & {it.gd.name for it in held}:
            raise SystemExit("the model saw articles of the held-out fold")
        read_all(model, held, ALONE_PARAMS["cue_t"])
        res["alone"] = _row(score(held, "alone", ALONE_PARAMS))
        hp = {**DEFAULT_PARAMS, **model.params}
        res["hybrid_default"] = _row(score(held, "hybrid", hp))
        if args.params:
            pp = {**DEFAULT_PARAMS, **json.loads(Path(args.params).read_text(encoding="utf-8"))}
            read_all(model, held, pp["cue_t"])
            res["hybrid_params"] = {**_row(score(held, "hybrid", pp)), "params": pp}
        if args.tune != "none":
            pool = [d for d in docs if fold_of[d.name] != args.fold and ((d.name in seen) == (args.tune == "seen"))]
            tune_items = items_for(pool, prep)
            for t in GRID["cue_t"]:
                read_all(model, tune_items, t)
            for t in GRID["cue_t"]:
                read_all(model, held, t)
            best, f = tune(tune_items, hp)
            res["tuned_on"] = {"set": args.tune, "articles": len(tune_items), "source_f1_there": f,
                               "rules_there": _row(score(tune_items, "rules"))["source"], "params": best}
            res["hybrid_tuned"] = _row(score(held, "hybrid", best))
            if args.save_params:
                Path(args.save_params).write_text(json.dumps(best) + "\n", encoding="utf-8")
            if args.write_meta:
                # the thresholds travel with the weights (QuoteModel.params, used by augment)
                mp = Path(args.model) / "meta.json"
                meta = json.loads(mp.read_text(encoding="utf-8"))
                meta["params"] = best
                meta["params_chosen_on"] = {"data": "wikinews_spkatt_de train", "articles": len(tune_items),
                                            "held_out_fold": args.fold, "source_f1": f}
                mp.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    res["seconds"] = round(time.time() - t0, 1)
    for k, v in res.items():
        print(f"{k}: {v}")
    if args.json:
        print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
