"""Event evaluation: PLOVER gold records (English) and the German Wikinews gold set.

    lagebild eval events --data ../shared/data/plover_gsr_en [--split test] [--classifier] [--json]
    lagebild eval events --dataset de_gold [--split test] [--json]

PLOVER: every record has one gold event; the system's main event (earliest lexicon trigger, else the
cross-validated embedding classifier when ``--classifier`` is given) is scored for type accuracy and macro-F1
on the 18 original labels and, mapped, on the 16-type set; actor accuracy is the share of gold source/target
slots whose country (first three letters of the code) is among the predicted actors. The records are split by
their index within each type (even: dev, odd: test); the lexicon was tuned on dev only.

de_gold: precision and recall of asserted events (not negated, not hypothetical) as (sentence, type) pairs.
Roles: for every (sentence, type) pair found by both, the predicted sources (targets) of that type are compared
with the gold source (target) spans of the asserted gold events of that type; a predicted actor is correct when
its span overlaps a gold span of the same role, a gold span is found when a predicted actor of that role
overlaps it. A role swap is a predicted source overlapping only a gold target, or the reverse.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..doc import Doc
from ..records import Article, content_id

log = logging.getLogger(__name__)

GOLD_DE = Path(__file__).resolve().parent / "gold" / "events_de.jsonl"
# second dev set: fresh Wikinews pages, drawn by `events_sampling.py`, labelled batch by batch before the stage ran
GOLD_DE2 = Path(__file__).resolve().parent / "gold" / "events_de_dev2.jsonl"
LABELS_18 = ("AGREE", "DEMAND", "REJECT", "THREATEN", "PROTEST", "COERCE", "FIGHT", "DISAPPROVE", "ASSAULT",
             "RETREAT", "SANCTION", "SUPPORT", "CONCEDE", "CONSULT", "AID", "INVESTIGATE", "MOBILIZE", "COOPERATE")
TO_16 = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def old_label(etype: str, cameo: str | None) -> str:
    """The PLOVER-draft (18-type) label for a current type plus CAMEO code."""
    root = (cameo or "")[:2]
    if etype == "AGREE" and root == "05":  # 057 sign formal agreement sits under 05 (diplomatic cooperation)
        return "SUPPORT"
    if etype == "ASSAULT" and root in ("19", "20"):
        return "FIGHT"
    if etype == "REQUEST":
        return "DEMAND"
    if etype == "ACCUSE":
        return "INVESTIGATE" if root == "09" else "DISAPPROVE"
    return etype


def macro_f1(gold: list[str], pred: list[str], labels: tuple[str, ...] | list[str]) -> float:
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        if tp + fp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


def _doc(text: str, published: str | None, language: str) -> Doc:
    from ..segment import SegmentStage

    art = Article(id=content_id(text), text=text, published=published, language=language)
    return SegmentStage()(Doc(article=art))


def load_plover(data: Path) -> list[dict[str, Any]]:
    path = data / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        from ..errors import InputError

        raise InputError(f"PLOVER gold file not found: {path} (pass --data)")
    recs = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    seen: Counter[str] = Counter()
    for r in recs:
        r["_split"] = "dev" if seen[r["event"]] % 2 == 0 else "test"
        seen[r["event"]] += 1
    return recs


def _actor_codes(x: Any) -> set[str]:
    if not isinstance(x, list):
        return set()
    return {(a.get("code") or "")[:3].upper() for a in x if isinstance(a, dict) and a.get("code")}


def _pred_codes(actors: list[Any]) -> set[str]:
    out = set()
    for a in actors:
        if a.country:
            out.add(a.country[:3].upper())
        if a.code:
            out.add(a.code[:3].upper())
    return out


def eval_plover(data: Path, split: str = "test", classifier: bool = False, limit: int | None = None
                ) -> dict[str, Any]:
    from ..events import EventStage
    from ..events.stage import cameo_coded, main_event

    recs = load_plover(data)
    stage = EventStage(mode="fast", config={"classifier": False})
    rows = []
    for r in recs:
        doc = stage(_doc(r["text"], r.get("date"), "en"))
        rows.append((r, main_event(doc.events)))
    fallback: dict[int, str] = {}
    if classifier:
        from ..events.classifier import cross_validated_labels

        fallback = cross_validated_labels([r["text"] for r in recs], [r["event"] for r in recs],
                                          [r["_split"] for r in recs])
    gold18: list[str] = []
    pred18: list[str] = []
    used_clf = 0
    src_slots = src_hits = tgt_slots = tgt_hits = 0
    for i, (r, ev) in enumerate(rows):
        if split != "all" and r["_split"] != split:
            continue
        if limit is not None and len(gold18) >= limit:
            break
        if ev is not None:
            p = old_label(*cameo_coded(ev))
        elif i in fallback:
            p, used_clf = fallback[i], used_clf + 1
        else:
            p = "NONE"
        gold18.append(r["event"])
        pred18.append(p)
        gs, gt = _actor_codes(r.get("source")), _actor_codes(r.get("target"))
        ps = _pred_codes(ev.sources) if ev else set()
        pt = _pred_codes(ev.targets) if ev else set()
        if gs:
            src_slots += 1
            src_hits += bool(gs & ps)
        if gt:
            tgt_slots += 1
            tgt_hits += bool(gt & pt)
    slots, hits = src_slots + tgt_slots, src_hits + tgt_hits
    n = len(gold18)
    g16 = [TO_16.get(g, g) for g in gold18]
    p16 = [TO_16.get(p, p) for p in pred18]
    labels16 = sorted({TO_16.get(x, x) for x in LABELS_18})
    return {
        "task": "events", "dataset": "plover_gsr_en", "split": split, "n": n,
        "type_macro_f1": round(macro_f1(gold18, pred18, LABELS_18), 4),
        "type_accuracy": round(sum(g == p for g, p in zip(gold18, pred18, strict=True)) / max(n, 1), 4),
        "type_macro_f1_16": round(macro_f1(g16, p16, labels16), 4),
        "type_accuracy_16": round(sum(g == p for g, p in zip(g16, p16, strict=True)) / max(n, 1), 4),
        "actor_accuracy": round(hits / max(slots, 1), 4),
        "source_accuracy": round(src_hits / max(src_slots, 1), 4),
        "target_accuracy": round(tgt_hits / max(tgt_slots, 1), 4),
        "no_event": sum(p == "NONE" for p in pred18), "classifier_used": used_clf,
    }


def load_de_gold(path: Path = GOLD_DE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _role_counts(pred_s: list[tuple[int, int]], pred_t: list[tuple[int, int]], gold_s: list[tuple[int, int]],
                 gold_t: list[tuple[int, int]]) -> Counter[str]:
    """Overlap counts for one matched (sentence, type) pair; spans are (start, end) character offsets."""
    c: Counter[str] = Counter()
    for role, pred, gold, other in (("source", pred_s, gold_s, gold_t), ("target", pred_t, gold_t, gold_s)):
        c[f"{role}_pred"] += len(pred)
        c[f"{role}_gold"] += len(gold)
        c[f"{role}_pred_ok"] += sum(_overlaps(p, gold) for p in pred)
        c[f"{role}_gold_found"] += sum(_overlaps(g, pred) for g in gold)
        c["role_swaps"] += sum(_overlaps(p, other) and not _overlaps(p, gold) for p in pred)
    return c


def _prf(ok_pred: int, n_pred: int, found: int, n_gold: int) -> tuple[float, float, float]:
    p = ok_pred / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0


def eval_de_gold(split: str = "test", limit: int | None = None, path: Path = GOLD_DE,
                 pipeline: bool = False, classifier: bool = False, batch: str | None = None) -> dict[str, Any]:
    from ..events import EventStage

    recs = [r for r in load_de_gold(path) if (split == "all" or r["split"] == split)
            and (batch is None or r.get("batch") == batch)]
    if batch is not None and not recs:
        raise ValueError(f"no {split} rows of batch {batch!r} in {path.name}")
    if limit is not None:
        recs = recs[:limit]
    stage = EventStage(mode="fast", config={"classifier": classifier})
    analyzer = None
    if pipeline:
        import importlib

        import lagebild
        from lagebild.pipeline import STAGES

        missing = []
        for name, target in STAGES.items():
            try:
                importlib.import_module(target.partition(":")[0])
            except ImportError:
                missing.append(name)  # a stage another helper has not delivered yet
        if missing:
            log.warning("pipeline without stages %s (not importable)", missing)
        analyzer = lagebild.load("fast", disable=missing)
    tp = fp = fn = 0
    tp_noflag = fp_noflag = 0
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[tuple[str, ...]] = []
    roles: Counter[str] = Counter()
    for r in recs:
        if analyzer is not None:
            doc = analyzer.analyze(r["text"], published=r.get("published"), language="de")
        else:
            doc = stage(_doc(r["text"], r.get("published"), "de"))
        sys_all = {e.type for e in doc.events}
        sys_types = {e.type for e in doc.events if not (e.negated or e.hypothetical)}
        gold_types = {e["type"] for e in r["events"] if e["status"] == "asserted"}
        for t in sys_types:
            if t in gold_types:
                tp += 1
                per_type[t]["tp"] += 1
            else:
                fp += 1
                per_type[t]["fp"] += 1
                errors.append(("FP", r["id"], t))
        for t in sys_types & gold_types:
            evs = [e for e in doc.events if e.type == t and not (e.negated or e.hypothetical)]
            ps = sorted({(a.start, a.end, a.text) for e in evs for a in e.sources})
            pt = sorted({(a.start, a.end, a.text) for e in evs for a in e.targets})
            gev = [e for e in r["events"] if e["type"] == t and e["status"] == "asserted"]
            gs = sorted({(a["start"], a["end"], a["text"]) for e in gev for a in e.get("source", [])})
            gt = sorted({(a["start"], a["end"], a["text"]) for e in gev for a in e.get("target", [])})
            c = _role_counts([x[:2] for x in ps], [x[:2] for x in pt], [x[:2] for x in gs], [x[:2] for x in gt])
            roles.update(c)
            if c["source_pred_ok"] < len(ps) or c["source_gold_found"] < len(gs) or \
                    c["target_pred_ok"] < len(pt) or c["target_gold_found"] < len(gt):
                fmt = lambda xs: "; ".join(x[2] for x in xs) or "-"  # noqa: E731
                errors.append(("ROLE", r["id"], t, f"S sys=[{fmt(ps)}] gold=[{fmt(gs)}]",
                               f"T sys=[{fmt(pt)}] gold=[{fmt(gt)}]"))
        for t in gold_types - sys_types:
            fn += 1
            per_type[t]["fn"] += 1
            errors.append(("FN", r["id"], t))
        for t in sys_all:
            if t in gold_types:
                tp_noflag += 1
            else:
                fp_noflag += 1
    p = tp / max(tp + fp, 1)
    rc = tp / max(tp + fn, 1)
    sp, sr, sf = _prf(roles["source_pred_ok"], roles["source_pred"], roles["source_gold_found"], roles["source_gold"])
    tp_, tr, tf = _prf(roles["target_pred_ok"], roles["target_pred"], roles["target_gold_found"], roles["target_gold"])
    return {
        "task": "events", "dataset": "de_gold2" if path == GOLD_DE2 else "de_gold", "split": split,
        "n": len(recs),
        "precision": round(p, 4), "recall": round(rc, 4), "f1": round(2 * p * rc / max(p + rc, 1e-9), 4),
        "tp": tp, "fp": fp, "fn": fn,
        "precision_without_modality": round(tp_noflag / max(tp_noflag + fp_noflag, 1), 4),
        "source_precision": sp, "source_recall": sr, "source_f1": sf,
        "target_precision": tp_, "target_recall": tr, "target_f1": tf,
        "role_swaps": roles["role_swaps"], "source_gold": roles["source_gold"], "target_gold": roles["target_gold"],
        "per_type": {k: dict(v) for k, v in sorted(per_type.items())},
        "_errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval events", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/plover_gsr_en"),
                    help="PLOVER gold folder (default ../shared/data/plover_gsr_en)")
    ap.add_argument("--dataset", choices=("plover_gsr_en", "de_gold", "de_gold2"), default=None,
                    help="which gold set (default: plover_gsr_en); de_gold2 = fresh Wikinews dev batches (dev only)")
    ap.add_argument("--batch", default=None, help="de_gold2: score one batch only (A, B, ...)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--classifier", action="store_true",
                    help="PLOVER: fall back to the e5 nearest-centroid classifier (shared encoder) (2-fold by split) when no "
                         "lexicon trigger fires; de_gold: add the prototype classifier's events (accurate mode)")
    ap.add_argument("--pipeline", action="store_true", help="de_gold: run the full fast pipeline, not only events")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N records (smoke tests)")
    ap.add_argument("--errors", action="store_true", help="de_gold: list false positives and negatives")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = ap.parse_args(argv)
    dataset = args.dataset or "plover_gsr_en"
    t0 = time.perf_counter()
    if dataset == "plover_gsr_en":
        res = eval_plover(args.data, args.split, args.classifier, args.limit)
    else:
        path = GOLD_DE2 if dataset == "de_gold2" else GOLD_DE
        res = eval_de_gold(args.split, args.limit, path=path, pipeline=args.pipeline, classifier=args.classifier,
                           batch=args.batch)
    res["seconds"] = round(time.perf_counter() - t0, 2)
    errors = res.pop("_errors", [])
    for k, v in res.items():
        if k != "per_type":
            print(f"{k:>28}: {v}")
    for k, v in res.get("per_type", {}).items():
        print(f"{k:>28}: {v}")
    if args.errors:
        for e in errors:
            print("\t".join(e))
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
