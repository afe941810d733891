"""Choose the rule/model combination thresholds of the quote stage on a development split.

``python -m lagebild.training.quotes_tune --data ../shared/data/wikinews_spkatt_de --split train``

Runs the rules and the model once per document, then scores a small grid of
:data:`lagebild.quotes_model.DEFAULT_PARAMS` variants (and the model alone).
Only ever run it on ``train`` splits: Wikinews dev is for reporting.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from ..doc import Doc
from ..evaluation.quotes import load_spkatt2023, load_wikinews, new_counts, score_doc, summarize
from ..quotes import find_quotes
from ..quotes_model import DEFAULT_PARAMS, QuoteModel, combine, readings
from ..records import Article, content_id
from ..segment import SegmentStage

log = logging.getLogger(__name__)

GRID = {
    "cue_t": [0.4, 0.5, 0.6, 0.7],
    "add_src_t": [0.5, 0.7, 0.85, 1.1],
    "add_msg_t": [0.5, 0.7],
    "fill_t": [0.5, 0.7, 1.1],
    "replace_t": [0.8, 0.9, 0.95, 1.1],
    "drop_t": [0.0, 0.02, 0.05, 0.1, 0.2],
}


def run(data: Path, split: str, limit: int | None) -> list[tuple]:
    is_tar = bool(list(data.glob("*.tar.gz")))
    docs = list(load_spkatt2023(data, split) if is_tar else load_wikinews(data, split))[:limit]
    seg, model = SegmentStage(), QuoteModel.load()
    out = []
    for gd in docs:
        doc = seg(Doc(Article(id=content_id(gd.text), text=gd.text, language="de")))
        rq = find_quotes(doc)
        rd = readings(model, doc, rq, min(GRID["cue_t"]))
        doc.cache.pop("encoder_layers", None)
        doc.cache.pop("encoder", None)
        out.append((gd, doc, rq, rd))
    return out


def score(items: list[tuple], params: dict[str, float] | None, rules: bool = True) -> dict:
    acc = new_counts()
    for gd, doc, rq, rd in items:
        if params is None:
            qs = rq
        elif rules:
            qs = combine(doc, rq, rd, params)
        else:
            qs = combine(doc, [], {"own": rd["own"], "at_rule": [], "rule_cue_p": []}, params)
        score_doc(gd, qs, acc)
    return summarize(acc)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.training.quotes_tune")
    ap.add_argument("--data", default="../shared/data/wikinews_spkatt_de")
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--grid", action="store_true", help="search the threshold grid (else: defaults only)")
    args = ap.parse_args(argv)
    if args.split not in ("train",) and "spkatt2023" not in args.data:
        raise SystemExit("thresholds are chosen on train splits only")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    import torch

    torch.set_num_threads(1)
    t0 = time.time()
    items = run(Path(args.data), args.split, args.limit)
    log.info("readings for %d documents in %.0f s", len(items), time.time() - t0)

    def line(name: str, r: dict) -> None:
        print(f"{name}: cue {r['cue']} source {r['source']} message {r['message']['f1']} "
              f"by form {r['source_recall_by_form']}", flush=True)

    line("rules", score(items, None))
    loose = {**DEFAULT_PARAMS, "add_src_t": 0.5, "add_msg_t": 0.5}
    line("model alone", score(items, loose, rules=False))
    line("defaults", score(items, DEFAULT_PARAMS))
    if args.grid:
        best = None
        keys = list(GRID)
        # coordinate search: one parameter at a time, twice round
        cur = dict(DEFAULT_PARAMS)
        for _ in range(2):
            for k in keys:
                for v in GRID[k]:
                    p = {**cur, k: v}
                    f = score(items, p)["source"]["f1"]
                    if best is None or f > best[0]:
                        best = (f, dict(p))
                assert best is not None  # every grid axis has values
                cur = dict(best[1])
                log.info("after %s: %s %s", k, best[0], cur)
        assert best is not None
        line("best", score(items, best[1]))
        print(json.dumps(best[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
