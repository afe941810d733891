"""Evaluate the English temporal tagger on LGL (US local news, 2009) against stand-off TIMEX3 gold.

``lagebild eval time --dataset lgl --split dev|test [--data ../shared/data/geoparsing_en] [--json]``
``python -m lagebild.evaluation.time_en sample --split test --n 30 --out DIR`` (article texts: keep them out of git)

LGL (Lieberman et al. 2010, 588 articles) has an unclear licence, so its text is never committed: each
row of ``gold/time_en_lgl.jsonl`` names the article (``docid``), the SHA-1 of its text, the anchor date
(the article's ``<dltime>`` date) and the labelled expressions as character offsets + TIMEX3 type and
value. At run time the text is read from ``lgl.xml`` and checked against the SHA-1.

Split, fixed before any labelling: the 588 docids, sorted, are shuffled with ``SEED``; even positions
are ``test``, odd positions ``dev``. Labelling takes each split's articles in that shuffled order,
skipping those shorter than ``MIN_CHARS`` or longer than ``MAX_CHARS`` (to bound the labelling effort).
The labelling convention is in docs/evaluation/time.md, section "English".

Metrics and scoring are those of the WikiWarsDE evaluation (:func:`lagebild.evaluation.time.evaluate`),
with the tagger run in news mode (``anchoring="news"``) against each article's dltime date.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..times import extract_times
from .time import GoldDoc, evaluate

DEFAULT_DATA = "../shared/data/geoparsing_en"
GOLD_NAME = "gold/time_en_lgl.jsonl"
SEED = 20261126
MIN_CHARS = 200
MAX_CHARS = 3500


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_lgl(data: str | Path = DEFAULT_DATA) -> dict[str, dict[str, str]]:
    """docid -> {"text", "dltime" (ISO date), "title"}; raises ``FileNotFoundError`` when the data is absent."""
    root = ET.parse(Path(data) / "lgl.xml").getroot()
    out = {}
    for a in root.iter("article"):
        out[a.get("docid", "")] = {"text": a.findtext("text") or "", "dltime": (a.findtext("dltime") or "")[:10],
                                   "title": a.findtext("title") or ""}
    return out


def split_order(docids: list[str]) -> dict[str, list[str]]:
    """The fixed dev/test assignment: docids in labelling order per split."""
    ids = sorted(docids)
    random.Random(SEED).shuffle(ids)
    return {"test": ids[0::2], "dev": ids[1::2]}


def labelling_order(arts: dict[str, dict[str, str]], split: str) -> list[str]:
    return [d for d in split_order(list(arts))[split] if MIN_CHARS <= len(arts[d]["text"]) <= MAX_CHARS]


def load_standoff(path: str | Path | None = None, data: str | Path = DEFAULT_DATA,
                  split: str = "all") -> list[tuple[GoldDoc, str, list[str]]]:
    """(document with gold spans and values, anchor date, gold types) per gold row of ``split``.

    Raises ``FileNotFoundError`` when the data is absent and ``ConfigError`` when an article no longer
    matches its SHA-1 (another copy of LGL)."""
    raw = Path(path).read_text(encoding="utf-8") if path else \
        resources.files("lagebild.evaluation").joinpath(GOLD_NAME).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    arts = read_lgl(data)
    out = []
    for r in rows:
        if split != "all" and r["split"] != split:
            continue
        art = arts.get(r["docid"])
        if art is None or sha1(art["text"]) != r["sha1"]:
            raise ConfigError(f"LGL article {r['docid']} is missing or does not match its sha1: another copy of the data?")
        gold = [(t["start"], t["end"], t["value"]) for t in r["timex"]]
        out.append((GoldDoc(r["docid"], art["text"], gold), r["anchor"], [t["type"] for t in r["timex"]]))
    return out


def score(items: list[tuple[GoldDoc, str, list[str]]], errors: list[dict] | None = None) -> dict[str, float]:
    anchors = {doc.name: anchor for doc, anchor, _ in items}
    return evaluate([doc for doc, _, _ in items], errors=errors,
                    tag=lambda doc: extract_times(doc.text, anchors[doc.name], language="en", anchoring="news"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval time --dataset lgl", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd")
    s = sub.add_parser("sample", help="write the next articles of a split to label (with text: keep out of git)")
    s.add_argument("--data", default=DEFAULT_DATA)
    s.add_argument("--split", choices=("dev", "test"), required=True)
    s.add_argument("--n", type=int, default=30)
    s.add_argument("--skip", type=int, default=0, help="start after this many articles of the labelling order")
    s.add_argument("--out", required=True)
    ap.add_argument("--dataset", default="lgl", choices=("lgl",))
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with lgl.xml (default: %(default)s)")
    ap.add_argument("--gold", default=None, help="stand-off gold JSONL (default: the shipped file)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--errors", help="write mismatches as JSON lines to this file")
    ap.add_argument("--json", action="store_true", help="print a JSON object as the last line")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        arts = read_lgl(args.data)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for k, d in enumerate(labelling_order(arts, args.split)[args.skip : args.skip + args.n], start=args.skip):
            (out / f"{args.split}_{k:03d}_{d}.txt").write_text(
                f"# docid {d} anchor {arts[d]['dltime']}\n{arts[d]['text']}\n", encoding="utf-8")
        return 0
    try:
        items = load_standoff(args.gold, args.data, args.split)
    except FileNotFoundError as e:
        print(f"time (lgl): skipped, the data is absent ({e.filename}); pass --data DIR")
        return 0
    errs: list[dict] | None = [] if args.errors else None
    t0 = time.perf_counter()
    res = score(items, errs)
    secs = time.perf_counter() - t0
    if errs is not None:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for err in errs:
                fh.write(json.dumps(err, ensure_ascii=False) + "\n")
    print(f"LGL split={args.split}: {res['documents']} documents, {res['gold']} gold, {res['predicted']} predicted, {secs:.2f}s")
    print(f"extraction strict  P {res['extract_p_strict']:.3f} R {res['extract_r_strict']:.3f} F1 {res['extract_f1_strict']:.3f}")
    print(f"extraction lenient P {res['extract_p_lenient']:.3f} R {res['extract_r_lenient']:.3f} F1 {res['extract_f1_lenient']:.3f}")
    print(f"value (lenient)    P {res['value_p']:.3f} R {res['value_r']:.3f} F1 {res['value_f1']:.3f}  accuracy {res['value_accuracy']:.3f}")
    if args.json:
        summary: dict[str, Any] = {"task": "time", "dataset": "lgl", "split": args.split}
        summary.update({k: round(res[k], 4) for k in ("extract_f1_strict", "extract_f1_lenient", "value_f1", "value_accuracy")})
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
