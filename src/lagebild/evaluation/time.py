"""Evaluate the temporal tagger on WikiWarsDE (TIMEX2 gold, German Wikipedia war articles).

``lagebild eval time --data ../shared/data/wikiwarsde [--split dev|test|all] [--json]``

Metrics (lenient = spans overlap, one-to-one; strict = identical spans):

* ``extract_f1_strict`` / ``extract_f1_lenient``: extraction only;
* ``value_f1``: a prediction counts only if it overlaps a gold span and its
  value equals the gold ``val`` (gold tags without a value count as misses);
* ``value_accuracy``: share of leniently matched pairs whose values agree.

The corpus has no official split. We developed on the odd-numbered documents
(``dev``: 01, 03, ..., 21) and report the even-numbered ones (``test``: 02,
04, ..., 22) as held out. The document creation time (2011-02-16) is the
first anchor; after that the tagger anchors on the last date it read
(``anchoring="narrative"``), as the corpus notes ask.

Value comparison is exact string equality: for everything in this corpus our
TIMEX3 values are written the TIMEX2 way (``1863-SU``, ``193``, ``BC0499``,
``P3D``, ``PRESENT_REF``); the modifier is not compared.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..records import TimeExpression
from ..times import extract_times

DEFAULT_DATA = "../shared/data/wikiwarsde"
DCT = "2011-02-16"

_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldDoc:
    name: str
    text: str
    gold: list[tuple[int, int, str | None]]  # start, end, val


def _find_dir(data: Path) -> Path:
    if (data / "keyinline").is_dir():
        return data
    for sub in sorted(data.glob("*")):
        if (sub / "keyinline").is_dir():
            return sub
    raise FileNotFoundError(f"no keyinline/ folder under {data}")


def read_doc(path: Path) -> GoldDoc:
    """Body text with TIMEX2 tags removed, and the gold spans as offsets into it."""
    raw = path.read_text(encoding="utf-8")
    a = raw.index("<TEXT>") + len("<TEXT>")
    b = raw.rindex("</TEXT>")
    body = raw[a:b]
    out: list[str] = []
    gold: list[tuple[int, int, str | None]] = []
    pos = 0
    length = 0
    open_at: tuple[int, str | None] | None = None
    for m in _TAG.finditer(body):
        out.append(body[pos : m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group(0).startswith("</"):
            if open_at is not None:
                gold.append((open_at[0], length, open_at[1]))
            open_at = None
        else:
            attrs = dict(_ATTR.findall(m.group(1)))
            open_at = (length, attrs.get("val"))
    out.append(body[pos:])
    return GoldDoc(path.name.split(".")[0], "".join(out), gold)


def read_corpus(data: Path, split: str = "all") -> list[GoldDoc]:
    folder = _find_dir(data) / "keyinline"
    docs = []
    for p in sorted(folder.glob("*.key.xml")):
        num = int(p.name[:2])
        if split == "dev" and num % 2 == 0 or split == "test" and num % 2 == 1:
            continue
        docs.append(read_doc(p))
    return docs


def pair_spans(pred: list[tuple[int, int, str | None]], gold: list[tuple[int, int, str | None]]) -> list[tuple[int, int]]:
    """One-to-one lenient matching by overlap (largest overlap first)."""
    pairs = []
    for i, (ps, pe, _) in enumerate(pred):
        for j, (gs, ge, _) in enumerate(gold):
            ov = min(pe, ge) - max(ps, gs)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _f1(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[GoldDoc], *, errors: list[dict] | None = None,
             tag: Callable[[GoldDoc], list[TimeExpression]] | None = None) -> dict[str, float]:
    """Scores of ``tag`` (default: the German tagger, narrative anchoring from the WikiWarsDE DCT) on ``docs``."""
    npred = ngold = strict = lenient = value_ok = 0
    for doc in docs:
        times = tag(doc) if tag else extract_times(doc.text, DCT, language="de", anchoring="narrative")
        # our TIMEX3 values are spelled as TIMEX2 for everything this corpus contains: compared as they are
        pred = [(t.start, t.end, t.value) for t in times]
        gold = doc.gold
        npred += len(pred)
        ngold += len(gold)
        gold_spans = {(s, e) for s, e, _ in gold}
        strict += sum(1 for s, e, _ in pred if (s, e) in gold_spans)
        pairs = pair_spans(pred, gold)
        lenient += len(pairs)
        matched_p = set()
        matched_g = set()
        for i, j in pairs:
            matched_p.add(i)
            matched_g.add(j)
            ok = gold[j][2] is not None and pred[i][2] == gold[j][2]
            value_ok += ok
            if errors is not None and not ok:
                errors.append({"doc": doc.name, "kind": "value", "text": doc.text[pred[i][0] : pred[i][1]],
                               "gold_text": doc.text[gold[j][0] : gold[j][1]], "pred": pred[i][2], "gold": gold[j][2]})
        if errors is not None:
            for i, (s, e, v) in enumerate(pred):
                if i not in matched_p:
                    errors.append({"doc": doc.name, "kind": "fp", "text": doc.text[s:e], "pred": v,
                                   "context": doc.text[max(0, s - 40) : e + 40].replace("\n", " ")})
            for j, (s, e, v) in enumerate(gold):
                if j not in matched_g:
                    errors.append({"doc": doc.name, "kind": "fn", "text": doc.text[s:e], "gold": v,
                                   "context": doc.text[max(0, s - 40) : e + 40].replace("\n", " ")})
    sp, sr, sf = _f1(strict, npred, ngold)
    lp, lr, lf = _f1(lenient, npred, ngold)
    vp, vr, vf = _f1(value_ok, npred, ngold)
    return {
        "documents": len(docs), "gold": ngold, "predicted": npred,
        "extract_p_strict": sp, "extract_r_strict": sr, "extract_f1_strict": sf,
        "extract_p_lenient": lp, "extract_r_lenient": lr, "extract_f1_lenient": lf,
        "value_p": vp, "value_r": vr, "value_f1": vf,
        "value_accuracy": value_ok / lenient if lenient else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else list(argv)
    if "--dataset" in args_in and args_in[args_in.index("--dataset") + 1 :][:1] == ["lgl"] or "--dataset=lgl" in args_in:
        from .time_en import main as main_en  # English news, stand-off LGL gold

        return main_en(args_in)
    ap = argparse.ArgumentParser(prog="lagebild eval time", description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", choices=("wikiwarsde", "lgl"), default="wikiwarsde",
                    help="wikiwarsde (German, default) or lgl (English news, see lagebild.evaluation.time_en)")
    ap.add_argument("--data", default=DEFAULT_DATA, help="WikiWarsDE folder (default: %(default)s)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test",
                    help="dev = odd-numbered documents (developed on), test = even-numbered (held out), all")
    ap.add_argument("--errors", help="write mismatches as JSON lines to this file")
    ap.add_argument("--json", action="store_true", help="print a JSON object as the last line")
    args = ap.parse_args(args_in)
    docs = read_corpus(Path(args.data), args.split)
    if not docs:
        print(f"no documents found under {args.data}", file=sys.stderr)
        return 1
    errs: list[dict] | None = [] if args.errors else None
    t0 = time.perf_counter()
    res = evaluate(docs, errors=errs)
    secs = time.perf_counter() - t0
    if errs is not None:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in errs:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"WikiWarsDE split={args.split}: {res['documents']} documents, {res['gold']} gold, {res['predicted']} predicted, {secs:.2f}s")
    print(f"extraction strict  P {res['extract_p_strict']:.3f} R {res['extract_r_strict']:.3f} F1 {res['extract_f1_strict']:.3f}")
    print(f"extraction lenient P {res['extract_p_lenient']:.3f} R {res['extract_r_lenient']:.3f} F1 {res['extract_f1_lenient']:.3f}")
    print(f"value (lenient)    P {res['value_p']:.3f} R {res['value_r']:.3f} F1 {res['value_f1']:.3f}  accuracy {res['value_accuracy']:.3f}")
    print("HeidelTime German (Strötgen & Gertz 2011, all documents): extraction F1 0.877 strict / 0.933 lenient, "
          "value accuracy 0.885, extraction+value F1 0.825 lenient")
    if args.json:
        print(json.dumps({"task": "time", "dataset": "wikiwarsde", "split": args.split,
                          **{k: round(res[k], 4) for k in ("extract_f1_strict", "extract_f1_lenient", "value_f1", "value_accuracy")}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
