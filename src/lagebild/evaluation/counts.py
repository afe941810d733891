"""Evaluate the quantity stage on the hand-labelled German count gold set.

``lagebild eval counts [--split dev|test|all] [--json]``
``lagebild eval counts --dataset 10kgnad [--data DIR] [--batches Ga,Gb] [--json]`` (stand-off dev rows on
10kGNAD news; see ``counts_10kgnad``)

Gold: ``gold/counts_de.jsonl`` (sentences from German Wikinews, CC BY 2.5,
with page id, title and date; annotation rules in docs/evaluation/counts.md).
Each gold sentence is run through segment + quantities on its own, and every
predicted quantity in it is scored, so false positives on years, dates, ages
and labels count.

Matching: predicted and gold quantities are paired one-to-one by character
overlap (largest overlap first). A pair is a strict true positive when the
value (and ``value_max``) are equal, the qualifier is equal and the category
is equal. ``f1`` is the strict F1; ``span_value_f1`` only asks for overlap and
value; attribute accuracies (qualifier, category, gkg_type, object) are given
over the span-matched pairs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..doc import Doc
from ..errors import ConfigError
from ..quantities import QuantityStage
from ..records import Article, Quantity, content_id
from ..segment import SegmentStage


def load_gold(path: str | None = None, name: str = "gold/counts_de.jsonl") -> list[dict[str, Any]]:
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = resources.files("lagebild.evaluation").joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _overlap(p: Quantity, g: dict[str, Any]) -> int:
    return max(0, min(p.end, g["end"]) - max(p.start, g["start"]))


def pair_quantities(preds: Sequence[Quantity], gold: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """Predicted and gold counts paired one-to-one by character overlap, largest overlap first."""
    cand = sorted(((_overlap(p, g), pi, gi) for pi, p in enumerate(preds) for gi, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for ov, pi, gi in cand:
        if ov <= 0 or pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return pairs


def evaluate(items: list[dict[str, Any]]) -> dict[str, Any]:
    seg, stage = SegmentStage(), QuantityStage()
    n_pred = n_gold = strict = span_value = matched = 0
    attr = {"qualifier": 0, "category": 0, "gkg_type": 0, "object": 0}
    errors: list[dict[str, Any]] = []
    for it in items:
        text = it["text"]
        doc = stage(seg(Doc(Article(id=content_id(text), text=text, language=it.get("language", "de")))))
        preds, gold = doc.quantities, it["quantities"]
        n_pred += len(preds)
        n_gold += len(gold)
        pairs = pair_quantities(preds, gold)
        used_p = {pi for pi, _ in pairs}
        used_g = {gi for _, gi in pairs}
        for pi, gi in pairs:
            p, g = preds[pi], gold[gi]
            matched += 1
            value_ok = _same(p.value, g["value"]) and _same(p.value_max, g["value_max"])
            span_value += value_ok
            for k in attr:
                attr[k] += getattr(p, k) == g[k]
            ok = value_ok and p.qualifier == g["qualifier"] and p.category == g["category"]
            strict += ok
            if not ok:
                errors.append({"id": it["id"], "pred": [p.text, p.value, p.value_max, p.qualifier, p.category],
                               "gold": [g["text"], g["value"], g["value_max"], g["qualifier"], g["category"]]})
        for pi, p in enumerate(preds):
            if pi not in used_p:
                errors.append({"id": it["id"], "spurious": [p.text, p.value, p.category]})
        for gi, g in enumerate(gold):
            if gi not in used_g:
                errors.append({"id": it["id"], "missed": [g["text"], g["value"], g["category"]]})

    def f1(tp: int) -> dict[str, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

    return {
        "strict": f1(strict),
        "span_value": f1(span_value),
        "attributes": {k: round(v / matched, 4) if matched else 0.0 for k, v in attr.items()},
        "n_gold": n_gold,
        "n_pred": n_pred,
        "sentences": len(items),
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval counts", description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", default="wikinews",
                    choices=("wikinews", "10kgnad", "wikiwars", "germeval", "smartdata", "mobie", "pud", "gsd", "round8",
                             "europarl", "geovirus", "lgl", "round11", "round13", "round14",
                             "round15", "round16", "round17"),
                    help="wikinews = counts_de.jsonl (text inside); 10kgnad / wikiwars = the stand-off rows of "
                         "counts_de_10kgnad.jsonl / counts_de_wikiwars.jsonl, whose text is read from --data at run time; "
                         "germeval / smartdata / mobie = counts_de_<name>.jsonl (GermEval 2014 / SmartData / MobIE "
                         "sentences, CC BY 4.0, text inside); pud / gsd = UD German PUD / GSD sentences "
                         "(CC BY-SA 3.0 / 4.0, text inside); round8 = WikiANN (Wikipedia, CC BY-SA), LER court decisions "
                         "and HIPE-2022 historical news (CC BY 4.0), text inside (see counts_round8); europarl = stand-off "
                         "rows on Europarl debates (no licence stated), text read from --data at run time; geovirus = "
                         "English Wikinews rows (text inside); lgl = stand-off English rows on LGL US local news "
                         "(licence unclear), text read from --data (default ../shared/data/geoparsing_en) at run time; round11 = "
                         "the round-11 precision batches (counts_round11: Wikinews and GermEval rows with text, "
                         "10kGNAD rows stand-off, read from --data, default ../shared/data/news_10kgnad_de); round13 = the "
                         "round-13 people/harm batches (counts_round13: Wikinews rows with text, 10kGNAD stand-off); round14 = the "
                         "round-14 check batches (counts_round14: SmartData, GermEval and WikiANN rows with text, 10kGNAD "
                         "stand-off); round15 / round16 / round17 = the round-15 / round-16 / round-17 check batches "
                         "(counts_round15 / counts_round16 / counts_round17: the same sources)")
    ap.add_argument("--gold", default=None, help="gold JSONL (default: the shipped file of --dataset)")
    ap.add_argument("--data", default=None,
                    help="data folder of a stand-off dataset (default ../shared/data/news_10kgnad_de or "
                         "../shared/data/wikiwarsde)")
    ap.add_argument("--split", default=None, choices=("dev", "test", "all"),
                    help="dev = the half rules were tuned on; test = the held-out half (default for wikinews; "
                         "10kgnad rows are all dev)")
    ap.add_argument("--batches", default=None,
                    help="only these batches (id prefixes, comma-separated, e.g. 'e' or 'm,n,p'), within --split")
    ap.add_argument("--errors", action="store_true", help="list the mismatches")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = ap.parse_args(argv)
    if args.dataset in ("10kgnad", "wikiwars"):
        from .counts_10kgnad import DEFAULT_DATA, GOLD_NAME, WIKIWARS_DATA, WIKIWARS_GOLD, load_standoff

        args.split = args.split or "dev"
        ww = args.dataset == "wikiwars"
        try:
            items = load_standoff(args.gold, args.data or (WIKIWARS_DATA if ww else DEFAULT_DATA),
                                  WIKIWARS_GOLD if ww else GOLD_NAME)
        except FileNotFoundError as e:
            print(f"counts ({args.dataset}): skipped, the data is absent ({e.filename}); pass --data DIR")
            return 0
    elif args.dataset == "europarl":  # stand-off (no licence stated): text read from ../shared/data at run time
        from .counts_round8 import DATA, load_europarl

        args.split = args.split or "dev"
        try:
            items = load_europarl(args.gold, args.data or DATA)
        except FileNotFoundError as e:
            print(f"counts (europarl): skipped, the data is absent ({e.filename}); pass --data DIR")
            return 0
    elif args.dataset == "lgl":  # English US local news, stand-off (licence unclear); see counts_en_lgl
        from .counts_en_lgl import DEFAULT_DATA as LGL_DATA
        from .counts_en_lgl import load_standoff as load_lgl

        args.split = args.split or "dev"
        try:
            items = load_lgl(args.gold, args.data or LGL_DATA)
        except FileNotFoundError as e:
            print(f"counts (lgl): skipped, the data is absent ({e.filename}); pass --data DIR")
            return 0
    elif args.dataset == "round11":  # mixed: 10kGNAD rows stand-off (left out with a note when absent)
        from .counts_round11 import DATA_10K, load_round11

        args.split = args.split or "dev"
        items, note = load_round11(args.gold, args.data or DATA_10K)
        if note:
            print(f"counts (round11): {note}")
    elif args.dataset == "round13":  # Wikinews rows with text, 10kGNAD rows stand-off; see counts_round13
        from .counts_round13 import DATA_10K as R13_DATA
        from .counts_round13 import load_round13

        args.split = args.split or "dev"
        items, note = load_round13(args.gold, args.data or R13_DATA)
        if note:
            print(f"counts (round13): {note}")
    elif args.dataset == "round14":  # SmartData rows with text, 10kGNAD rows stand-off; see counts_round14
        from .counts_round14 import DATA_10K as R14_DATA
        from .counts_round14 import load_round14

        args.split = args.split or "dev"
        items, note = load_round14(args.gold, args.data or R14_DATA)
        if note:
            print(f"counts (round14): {note}")
    elif args.dataset == "round15":  # SmartData, GermEval and WikiANN rows with text, 10kGNAD stand-off; counts_round15
        from .counts_round15 import DATA_10K as R15_DATA
        from .counts_round15 import load_round15

        args.split = args.split or "dev"
        items, note = load_round15(args.gold, args.data or R15_DATA)
        if note:
            print(f"counts (round15): {note}")
    elif args.dataset == "round16":  # as round15; counts_round16
        from .counts_round16 import DATA_10K as R16_DATA
        from .counts_round16 import load_round16

        args.split = args.split or "dev"
        items, note = load_round16(args.gold, args.data or R16_DATA)
        if note:
            print(f"counts (round16): {note}")
    elif args.dataset == "round17":  # as round16; counts_round17
        from .counts_round17 import DATA_10K as R17_DATA
        from .counts_round17 import load_round17

        args.split = args.split or "dev"
        items, note = load_round17(args.gold, args.data or R17_DATA)
        if note:
            print(f"counts (round17): {note}")
    elif args.dataset == "geovirus":  # English Wikinews (CC BY 2.5), rows segmented as "en"; see counts_en
        args.split = args.split or "dev"
        items = load_gold(args.gold, "gold/counts_en_geovirus.jsonl")
    elif args.dataset in ("germeval", "smartdata", "mobie", "pud", "gsd", "round8"):
        args.split = args.split or "dev"
        items = load_gold(args.gold, f"gold/counts_de_{args.dataset}.jsonl")
    else:
        args.split = args.split or "test"
        items = load_gold(args.gold)
    if args.split != "all":
        items = [it for it in items if it["split"] == args.split]
    batches = None
    if args.batches:
        batches = sorted({b.strip() for b in args.batches.split(",") if b.strip()})
        items = [it for it in items if it["id"].rstrip("0123456789") in batches]
    if not items:
        raise ConfigError(f"no gold items for split {args.split!r}")
    res = evaluate(items)
    label = args.split + (f" batches {','.join(batches)}" if batches else "")
    if args.dataset != "wikinews":
        label = f"{args.dataset} {label}"
    print(f"counts ({label}): {res['sentences']} sentences, {res['n_gold']} gold, {res['n_pred']} predicted")
    for k in ("strict", "span_value"):
        r = res[k]
        print(f"  {k:10s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    print("  attribute accuracy on matched spans: "
          + ", ".join(f"{k} {v:.3f}" for k, v in res["attributes"].items()))
    if args.errors:
        for err in res["errors"]:
            print("  ", json.dumps(err, ensure_ascii=False))
    if args.json:
        print(json.dumps({"task": "counts", "dataset": args.dataset, "split": args.split, **({"batches": batches} if batches else {}), "f1": res["strict"]["f1"],
                          "precision": res["strict"]["p"], "recall": res["strict"]["r"],
                          "span_value_f1": res["span_value"]["f1"], "n_gold": res["n_gold"],
                          **{f"{k}_acc": v for k, v in res["attributes"].items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
