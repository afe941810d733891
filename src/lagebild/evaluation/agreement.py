"""Inter-annotator agreement: a second, blind annotation scored against the committed gold.

``python -m lagebild.evaluation.agreement --set time-en|counts|counts-test|quotes-de|quotes-en [--labels FILE] [--json]``

The committed gold (one annotator) is the reference and the second annotation takes the place of the
system output, so every figure is computed by the same scorer the stage is evaluated with:

* ``time-en``: :func:`lagebild.evaluation.time.evaluate` (extraction F1 strict/lenient, value agreement on
  the leniently matched spans), plus the TIMEX3 type agreement and Cohen's kappa on matched spans. Needs
  the LGL text (``--data``, default ``../shared/data/geoparsing_en``); prints "skipped" without it.
* ``counts`` (dev batch ``x``) and ``counts-test`` (the held-out batches ``e``, ``m``, ``n``, ``p``): the pairing of :func:`lagebild.evaluation.counts.evaluate` (one-to-one by character overlap,
  largest first): strict F1 (value, qualifier and category equal), span+value F1, attribute agreement and
  Cohen's kappa of category, qualifier and GKG type on the matched spans.
* ``quotes-de``: the same scorer on 36 SpkAtt Wikinews *train* articles (two annotators) against their official gold (needs
  ``--data``, default ``../shared/data/wikinews_spkatt_de``), with the rules scored on the same articles.
* ``quotes-en``: :func:`lagebild.evaluation.quotes.score_doc` on the GeoVirus rows (cue, source and message
  F1 with the gold as reference), plus the agreement and kappa of the kind (direct/indirect/reported) on
  the events the scorer aligns.

Without ``--labels`` the committed second annotation of the set (``gold/second_annotator/``) is scored.
F1 with one annotation as reference is symmetric in the annotators for the span scores (swapping them
swaps precision and recall); cue and source F1 of the quotes scorer are nearly so.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Hashable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..records import Quantity, Quote, TimeExpression
from .counts import _same, pair_quantities
from .counts import load_gold as load_counts_gold
from .quotes import expand_ranges

SECOND = "gold/second_annotator"
DEFAULT_LABELS = {
    "time-en": f"{SECOND}/time_en_lgl_dev10.jsonl",
    "counts": f"{SECOND}/counts_de_x.jsonl",
    # the whole held-out test split, annotated blind in session 9 to audit the gold (docs/evaluation/agreement.md)
    "counts-test": f"{SECOND}/counts_de_test.jsonl",
    "quotes-en": f"{SECOND}/quotes_en_geovirus_dev5.jsonl",
    # 36 Wikinews SpkAtt *train* articles labelled blind (two annotators: 16 + 20) from the official guideline (session 9): how close does a
    # careful annotator of another team come to the SpkAtt annotators? Token pointers only, no text.
    "quotes-de": f"{SECOND}/quotes_de_wikinews_train36.jsonl",
}
NONE = "-"  # the label "no value" (empty category, no qualifier) in the kappa tables


def read_jsonl(path: str | Path | None, default: str) -> list[dict[str, Any]]:
    text = Path(path).read_text(encoding="utf-8") if path else \
        resources.files("lagebild.evaluation").joinpath(default).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two label sequences of equal length; ``None`` when undefined (no items, or both
    annotators used one and the same label throughout, so chance agreement is 1)."""
    if len(a) != len(b):
        raise ValueError("label sequences differ in length")
    n = len(a)
    if not n:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def _agree(pairs: Sequence[tuple[Hashable, Hashable]]) -> dict[str, Any]:
    a = [g for g, _ in pairs]
    b = [s for _, s in pairs]
    k = cohen_kappa(a, b)
    return {"n": len(pairs), "agreement": round(sum(x == y for x, y in pairs) / len(pairs), 4) if pairs else None,
            "kappa": None if k is None else round(k, 4)}


def _f1(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


# --- time (LGL, stand-off) -------------------------------------------------------------------------

def agreement_time(second: list[dict[str, Any]], gold_path: str | Path | None = None,
                   data: str | Path | None = None, disagreements: list[dict] | None = None) -> dict[str, Any]:
    """Second TIMEX3 annotation (rows of the stand-off gold format) against the gold rows of the same articles.

    Raises ``FileNotFoundError`` when the LGL data is absent."""
    from .time import evaluate, pair_spans
    from .time_en import DEFAULT_DATA, load_standoff, sha1

    items = {doc.name: (doc, types) for doc, _anchor, types in load_standoff(gold_path, data or DEFAULT_DATA)}
    docs, second_by_doc = [], {}
    for row in second:
        if row["docid"] not in items:
            raise KeyError(f"LGL article {row['docid']} has no gold row")
        doc, _ = items[row["docid"]]
        if sha1(doc.text) != row["sha1"]:
            raise ValueError(f"LGL article {row['docid']}: second annotation was made on another text (sha1)")
        docs.append(doc)
        second_by_doc[doc.name] = [TimeExpression(t["start"], t["end"], doc.text[t["start"]:t["end"]], t["type"],
                                                  t["value"]) for t in row["timex"]]
    res = evaluate(docs, errors=disagreements, tag=lambda d: second_by_doc[d.name])
    type_pairs = []
    for doc in docs:
        gold_types = items[doc.name][1]
        sec = second_by_doc[doc.name]
        for i, j in pair_spans([(t.start, t.end, t.value) for t in sec], doc.gold):
            type_pairs.append((gold_types[j], sec[i].type))
    return {"set": "time-en", "documents": res["documents"], "gold": res["gold"], "second": res["predicted"],
            "extract_f1_strict": round(res["extract_f1_strict"], 4),
            "extract_f1_lenient": round(res["extract_f1_lenient"], 4),
            "value_f1": round(res["value_f1"], 4), "value_agreement": round(res["value_accuracy"], 4),
            "type": _agree(type_pairs)}


# --- counts (German Wikinews) ----------------------------------------------------------------------

def _quantity(q: dict[str, Any], text: str) -> Quantity:
    return Quantity(start=q["start"], end=q["end"], text=text[q["start"]:q["end"]], value=q["value"],
                    value_max=q.get("value_max"), qualifier=q.get("qualifier"), category=q.get("category"),
                    gkg_type=q.get("gkg_type"), object=q.get("object"), object_start=q.get("object_start"),
                    object_end=q.get("object_end"))


def agreement_counts(second: list[dict[str, Any]], gold_path: str | None = None,
                     disagreements: list[dict] | None = None) -> dict[str, Any]:
    """Second count annotation (rows with ``id`` and ``quantities``) against the gold sentences of those ids."""
    gold_rows = {r["id"]: r for r in load_counts_gold(gold_path)}
    n_pred = n_gold = strict = span_value = 0
    attrs: dict[str, list[tuple[Hashable, Hashable]]] = {"qualifier": [], "category": [], "gkg_type": [], "object": []}
    for row in second:
        g_row = gold_rows.get(row["id"])
        if g_row is None:
            raise KeyError(f"count row {row['id']} has no gold row")
        text, gold = g_row["text"], g_row["quantities"]
        preds = [_quantity(q, text) for q in row["quantities"]]
        n_pred += len(preds)
        n_gold += len(gold)
        pairs = pair_quantities(preds, gold)
        used_p = {pi for pi, _ in pairs}
        used_g = {gi for _, gi in pairs}
        for pi, gi in pairs:
            p, g = preds[pi], gold[gi]
            value_ok = _same(p.value, g["value"]) and _same(p.value_max, g["value_max"])
            span_value += value_ok
            ok = value_ok and p.qualifier == g["qualifier"] and p.category == g["category"]
            strict += ok
            for k in attrs:
                attrs[k].append((g[k] or NONE, getattr(p, k) or NONE))
            if disagreements is not None and not (ok and p.gkg_type == g["gkg_type"] and p.object == g["object"]
                                                  and (p.start, p.end) == (g["start"], g["end"])):
                disagreements.append({"id": row["id"], "kind": "attributes",
                                      "gold": [g["text"], g["value"], g["value_max"], g["qualifier"], g["category"],
                                               g["gkg_type"], g["object"]],
                                      "second": [p.text, p.value, p.value_max, p.qualifier, p.category, p.gkg_type,
                                                 p.object]})
        if disagreements is not None:
            disagreements.extend({"id": row["id"], "kind": "second_only", "second": [p.text, p.value, p.category]}
                                 for pi, p in enumerate(preds) if pi not in used_p)
            disagreements.extend({"id": row["id"], "kind": "gold_only", "gold": [g["text"], g["value"], g["category"]]}
                                 for gi, g in enumerate(gold) if gi not in used_g)
    matched = len(attrs["category"])
    return {"set": "counts", "sentences": len(second), "gold": n_gold, "second": n_pred, "matched": matched,
            "strict": _f1(strict, n_pred, n_gold), "span_value": _f1(span_value, n_pred, n_gold),
            **{k: _agree(v) for k, v in attrs.items() if k != "object"},
            "object_agreement": round(sum(a == b for a, b in attrs["object"]) / matched, 4) if matched else None}


# --- quotes (GeoVirus, English Wikinews) -----------------------------------------------------------

def _hull(spans: list[dict[str, Any]]) -> tuple[int | None, int | None]:
    if not spans:
        return None, None
    return min(s["start"] for s in spans), max(s["end"] for s in spans)


def _as_quote(ev: dict[str, Any], text: str) -> Quote:
    """A labelled event as the Quote record the scorer reads (a field of several parts: their hull)."""
    ms, me = _hull(ev["message"])
    if ms is None or me is None:
        raise ValueError(f"quote event without a message span: {ev}")
    cs, ce = _hull(ev.get("cue", []))
    ss, se = _hull(ev.get("source", []))
    return Quote(start=ms, end=me, text=text[ms:me], kind=ev["kind"], message=text[ms:me], message_start=ms,
                 message_end=me, cue_start=cs, cue_end=ce, speaker_start=ss, speaker_end=se)


def agreement_quotes(second: list[dict[str, Any]], gold_path: Path | None = None,
                     disagreements: list[dict] | None = None) -> dict[str, Any]:
    """Second quote annotation (rows with ``id`` and ``events``) against the GeoVirus gold rows of those ids."""
    from .quotes import new_counts, score_doc, summarize
    from .quotes_en import load_gold, to_gold_doc

    gold_rows = {r["id"]: r for r in load_gold(gold_path)}
    acc = new_counts()
    kinds: list[tuple[Hashable, Hashable]] = []
    for row in second:
        g_row = gold_rows.get(row["id"])
        if g_row is None:
            raise KeyError(f"quote row {row['id']} has no gold row")
        gd = to_gold_doc(g_row)
        quotes = [_as_quote(ev, gd.text) for ev in row["events"]]
        match = score_doc(gd, quotes, acc)  # the scorer's own greedy message-overlap alignment
        used_p = set(match)
        used_g = set(match.values())
        for pi, gi in sorted(match.items()):
            kinds.append((gd.events[gi]["form"], quotes[pi].kind))
            g_ev, s_ev = g_row["events"][gi], row["events"][pi]
            if disagreements is not None:
                diff = {k: ([x["text"] for x in g_ev.get(k, [])], [x["text"] for x in s_ev.get(k, [])])
                        for k in ("cue", "source", "addressee")
                        if [(x["start"], x["end"]) for x in g_ev.get(k, [])] != [(x["start"], x["end"]) for x in s_ev.get(k, [])]}
                if [(x["start"], x["end"]) for x in g_ev["message"]] != [(x["start"], x["end"]) for x in s_ev["message"]]:
                    diff["message"] = ([x["text"] for x in g_ev["message"]], [x["text"] for x in s_ev["message"]])
                if g_ev["kind"] != s_ev["kind"]:
                    diff["kind"] = (g_ev["kind"], s_ev["kind"])
                if diff:
                    disagreements.append({"id": row["id"], "kind": "aligned", "diff": diff})
        if disagreements is not None:
            disagreements.extend({"id": row["id"], "kind": "second_only", "message": s["message"][0]["text"][:80],
                                  "source": [x["text"] for x in s.get("source", [])]}
                                 for pi, s in enumerate(row["events"]) if pi not in used_p)
            disagreements.extend({"id": row["id"], "kind": "gold_only", "message": g["message"][0]["text"][:80],
                                  "source": [x["text"] for x in g.get("source", [])]}
                                 for gi, g in enumerate(g_row["events"]) if gi not in used_g)
    res = summarize(acc)
    return {"set": "quotes-en", "documents": len(second), "gold": res["counts"]["gold"], "second": res["counts"]["pred"],
            "cue": res["cue"], "source": res["source"], "message": res["message"], "kind": _agree(kinds)}


# --- quotes (German Wikinews, SpkAtt convention) ---------------------------------------------------------

def _pointer_quote(ev: dict[str, Any], spans: dict[tuple[int, int], tuple[int, int]], text: str,
                   sentences: list[list[str]]) -> Quote:
    def hull(role: str) -> tuple[int | None, int | None]:
        chars = [spans[p] for p in expand_ranges(ev.get(role) or "", sentences)]
        return (min(c[0] for c in chars), max(c[1] for c in chars)) if chars else (None, None)

    ms, me = hull("message")
    if ms is None or me is None:
        raise ValueError(f"quote event without a message: {ev}")
    cs, ce = hull("cue")
    ss, se = hull("source")
    return Quote(start=ms, end=me, text=text[ms:me], kind=ev["form"], message=text[ms:me], message_start=ms,
                 message_end=me, cue_start=cs, cue_end=ce, speaker_start=ss, speaker_end=se)


def agreement_quotes_de(second: list[dict[str, Any]], data: str | None = None) -> dict[str, Any]:
    """Second annotation of Wikinews SpkAtt train articles (``FileName`` + range-string events) against the
    official gold, with the rules scored on the same articles for comparison."""
    from .quotes import _gold_doc, evaluate, new_counts, score_doc, summarize

    wanted = {r["FileName"]: r for r in second}
    path = Path(data or "../shared/data/wikinews_spkatt_de") / "train.jsonl"
    docs, acc = [], new_counts()
    forms: list[tuple[Hashable, Hashable]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            row = wanted.get(obj["FileName"])
            if row is None:
                continue
            gd = _gold_doc(obj["FileName"], obj)
            sentences = [s["Tokens"] for s in sorted(obj["Sentences"], key=lambda s: s["SentenceId"])]
            quotes = [_pointer_quote(ev, gd.spans, gd.text, sentences) for ev in row["events"]]
            match = score_doc(gd, quotes, acc)
            forms.extend((gd.events[gi]["form"], quotes[pi].kind) for pi, gi in sorted(match.items()))
            docs.append(gd)
    if len(docs) != len(wanted):
        raise KeyError(f"{len(wanted) - len(docs)} labelled articles are not in {path}")
    res, rules = summarize(acc), evaluate(docs)
    return {"set": "quotes-de", "documents": len(docs), "gold": res["counts"]["gold"], "second": res["counts"]["pred"],
            "cue": res["cue"], "source": res["source"], "message": res["message"], "form": _agree(forms),
            "rules": {k: rules[k] for k in ("cue", "source", "message")}}


# --- command line ----------------------------------------------------------------------------------

def _fmt(k: dict[str, Any]) -> str:
    kappa = "undefined" if k["kappa"] is None else f"{k['kappa']:.3f}"
    agree = "-" if k["agreement"] is None else f"{k['agreement']:.3f}"
    return f"agreement {agree}, Cohen's kappa {kappa} (n={k['n']})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.agreement", description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", required=True, choices=sorted(DEFAULT_LABELS), dest="which")
    ap.add_argument("--labels", default=None, help="second annotation (default: the committed one in gold/second_annotator/)")
    ap.add_argument("--gold", default=None, help="gold file (default: the shipped gold of the set)")
    ap.add_argument("--data", default=None, help="time-en: folder with lgl.xml (default ../shared/data/geoparsing_en); quotes-de: the SpkAtt Wikinews folder (default ../shared/data/wikinews_spkatt_de)")
    ap.add_argument("--disagreements", default=None, help="write every disagreement as a JSON line to this file")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = ap.parse_args(argv)
    second = read_jsonl(args.labels, DEFAULT_LABELS[args.which])
    dis: list[dict] | None = [] if args.disagreements else None
    if args.which == "time-en":
        try:
            res = agreement_time(second, args.gold, args.data, dis)
        except FileNotFoundError as e:
            print(f"agreement (time-en): skipped, the LGL data is absent ({e.filename}); pass --data DIR")
            return 0
        print(f"time-en (LGL): {res['documents']} articles, gold {res['gold']}, second annotator {res['second']}")
        print(f"  extraction F1 strict {res['extract_f1_strict']:.3f}  lenient {res['extract_f1_lenient']:.3f}")
        print(f"  value: agreement on matched spans {res['value_agreement']:.3f}, value F1 {res['value_f1']:.3f}")
        print(f"  TIMEX3 type on matched spans: {_fmt(res['type'])}")
    elif args.which in ("counts", "counts-test"):
        res = {**agreement_counts(second, args.gold, dis), "set": args.which}
        print(f"counts: {res['sentences']} sentences, gold {res['gold']}, second annotator {res['second']}, "
              f"matched {res['matched']}")
        for k in ("strict", "span_value"):
            print(f"  {k:10s} P {res[k]['p']:.3f}  R {res[k]['r']:.3f}  F1 {res[k]['f1']:.3f}")
        for k in ("category", "qualifier", "gkg_type"):
            print(f"  {k} on matched spans: {_fmt(res[k])}")
        print(f"  object on matched spans: agreement {res['object_agreement']}")
    elif args.which == "quotes-de":
        try:
            res = agreement_quotes_de(second, args.data)
        except FileNotFoundError as e:
            print(f"agreement (quotes-de): skipped, the SpkAtt Wikinews data is absent ({e.filename}); pass --data DIR")
            return 0
        print(f"quotes-de (SpkAtt Wikinews train): {res['documents']} articles, gold {res['gold']} events, "
              f"second annotator {res['second']}")
        for k in ("cue", "source", "message"):
            print(f"  {k:8s} second annotator P {res[k]['p']:.3f}  R {res[k]['r']:.3f}  F1 {res[k]['f1']:.3f}"
                  f"   | rules on the same articles F1 {res['rules'][k]['f1']:.3f}")
        print(f"  form on aligned events: {_fmt(res['form'])}")
    else:
        res = agreement_quotes(second, Path(args.gold) if args.gold else None, dis)
        print(f"quotes-en (GeoVirus): {res['documents']} articles, gold {res['gold']} events, "
              f"second annotator {res['second']}")
        for k in ("cue", "source", "message"):
            print(f"  {k:8s} P {res[k]['p']:.3f}  R {res[k]['r']:.3f}  F1 {res[k]['f1']:.3f}")
        print(f"  kind on aligned events: {_fmt(res['kind'])}")
    if dis is not None and args.disagreements:
        with open(args.disagreements, "w", encoding="utf-8") as fh:
            for d in dis:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
