"""Evaluate the quote stage on German speaker-attribution gold data.

``lagebild eval quotes --data ../shared/data/wikinews_spkatt_de --split dev``
(SpkAtt-2023 Task 2, German Wikinews) or ``--data ../shared/data/spkatt2023_de``
(SpkAtt-2023 Task 1, Bundestag debates; read straight from the tar.gz).
``--dataset own`` scores our own labels of the Wikinews ``test_blind`` articles
(``gold/quotes_de_own_testblind.jsonl``; tokens from ``--data``/test_blind.jsonl).

The gold is tokenised; we rebuild a plain text from the tokens (recording each
token's character span), run segment + quotes on it as on any article, and map
predicted character spans back to gold tokens. The metric (documented in
docs/evaluation/quotes.md):

* gold events: every annotation with ``IsNested`` false (the official
  "simplified" setting); predictions that only match a nested event are ignored;
* alignment: predicted quotes and gold events are paired one-to-one, greedily
  by the token-overlap F1 of their messages (punctuation ignored, overlap > 0);
* cue F1 / source F1: a predicted cue (speaker) is correct when its pair has a
  gold cue (source) sharing at least one token with it; precision over
  predictions that carry a cue (speaker), recall over gold events that have one;
* message F1: micro token overlap between paired messages over all predicted
  and all gold message tokens;
* addr F1: as source F1, for the addressee (gold ``Addr``); a gold set without
  any Addr span (REDEWIEDERGABE) has no addressee score (None), not 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..doc import Doc
from ..errors import ConfigError, InputError
from ..quotes import QuoteStage
from ..records import Article, content_id
from ..segment import SegmentStage

log = logging.getLogger(__name__)

_NO_SPACE_BEFORE = frozenset(".,;:!?)]}“”«‘%")
_NO_SPACE_AFTER = frozenset("„([{»‚")
_PUNCT = frozenset(".,;:!?()[]{}„“”«»‚‘’'\"-–—/…")

Ptr = tuple[int, int]


@dataclass
class GoldDoc:
    name: str
    text: str
    spans: dict[Ptr, tuple[int, int]]  # (sentence, token) -> char span
    events: list[dict[str, Any]]


def detokenize(sentences: list[list[str]]) -> tuple[str, dict[Ptr, tuple[int, int]]]:
    """Plain text from gold tokens, with the character span of every token."""
    parts: list[str] = []
    spans: dict[Ptr, tuple[int, int]] = {}
    pos = 0
    prev = ""
    straight_open = False
    for si, toks in enumerate(sentences):
        for ti, tok in enumerate(toks):
            space = bool(parts)
            if tok == '"':
                straight_open = not straight_open
                if not straight_open:
                    space = False  # closing straight quote hugs the word before
            if tok in _NO_SPACE_BEFORE or (len(tok) == 1 and tok in _NO_SPACE_BEFORE):
                space = False
            if prev in _NO_SPACE_AFTER or (prev == '"' and straight_open):
                space = False
            if space:
                parts.append(" ")
                pos += 1
            spans[(si, ti)] = (pos, pos + len(tok))
            parts.append(tok)
            pos += len(tok)
            prev = tok
    return "".join(parts), spans


def expand_ranges(spec: str, sentences: list[list[str]]) -> list[Ptr]:
    """Token pointers of a stand-off range string in SpkAtt's pointer notation: ``"s:t"`` or ``"s:t-s:t"``
    (inclusive at both ends, may run across sentence ends), several joined by commas; ``""`` is no span.
    Our own labels and the second annotators' labels are written this way."""
    out: list[Ptr] = []
    for part in filter(None, (p.strip() for p in (spec or "").split(","))):
        first, _, last = part.partition("-")
        try:
            s0, t0 = (int(v) for v in first.split(":"))
            s1, t1 = (int(v) for v in (last or first).split(":"))
        except ValueError as exc:
            raise InputError(f"bad range {part!r}") from exc
        if (s1, t1) < (s0, t0):
            raise InputError(f"backwards range {part!r}")
        si, ti = s0, t0
        while (si, ti) <= (s1, t1):
            if si >= len(sentences) or ti >= len(sentences[si]):
                raise InputError(f"pointer {si}:{ti} outside the article in {part!r}")
            out.append((si, ti))
            ti += 1
            if ti >= len(sentences[si]):
                si, ti = si + 1, 0
    return out


def _ptrs(items: list[str]) -> list[Ptr]:
    out = []
    for it in items:
        s, _, t = it.partition(":")
        out.append((int(s), int(t)))
    return out


def _gold_doc(name: str, obj: dict[str, Any]) -> GoldDoc:
    sents = [s["Tokens"] for s in sorted(obj["Sentences"], key=lambda s: s["SentenceId"])]
    text, spans = detokenize(sents)
    events = []
    for a in obj.get("Annotations", []):
        ev: dict[str, Any] = {role: _ptrs(a.get(role, [])) for role in ("Cue", "Source", "Message", "Addr")}
        ev["nested"] = bool(a.get("IsNested", False))
        ev["form"] = a.get("Form")
        events.append(ev)
    return GoldDoc(name, text, spans, events)


def load_wikinews(folder: Path, split: str) -> Iterator[GoldDoc]:
    path = folder / f"{split}.jsonl"
    if not path.exists():
        raise InputError(f"no split file {path}")
    with path.open(encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if "Annotations" not in obj:
                raise InputError(f"split {split!r} has no gold annotations (test_blind is blind)")
            yield _gold_doc(obj["FileName"], obj)


def load_spkatt2023(folder: Path, split: str) -> Iterator[GoldDoc]:
    tars = sorted(folder.glob("*.tar.gz"))
    if not tars:
        raise InputError(f"no .tar.gz in {folder}")
    prefix = f"data/{split}/task1/"
    with tarfile.open(tars[0], "r:gz") as tf:
        members = sorted((m for m in tf.getmembers() if m.isfile() and m.name.startswith(prefix)),
                         key=lambda m: m.name)
        if not members:
            raise InputError(f"no files under {prefix} in {tars[0].name}")
        for m in members:
            fh = tf.extractfile(m)
            if fh is None:
                continue
            yield _gold_doc(m.name, json.loads(fh.read().decode("utf-8")))


def _content(tokens: set[Ptr], words: dict[Ptr, str]) -> set[Ptr]:
    return {t for t in tokens if words.get(t, "") not in _PUNCT}


class _Index:
    """Char span -> gold tokens."""

    def __init__(self, spans: dict[Ptr, tuple[int, int]]):
        self.items = sorted(spans.items(), key=lambda kv: kv[1][0])
        self.starts = [v[0] for _, v in self.items]

    def tokens(self, start: int | None, end: int | None) -> set[Ptr]:
        if start is None or end is None:
            return set()
        import bisect

        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        out = set()
        while i < len(self.items) and self.items[i][1][0] < end:
            s, e = self.items[i][1]
            if e > start and s < end:
                out.add(self.items[i][0])
            i += 1
        return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pr(tp: float, npred: float, ngold: float) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(_f1(p, r), 4)}


def new_counts() -> dict[str, Any]:
    return {"c": {"cue_tp": 0, "cue_pred": 0, "cue_gold": 0, "src_tp": 0, "src_pred": 0, "src_gold": 0,
                  "msg_tp": 0, "msg_pred": 0, "msg_gold": 0, "pred": 0, "gold": 0, "aligned": 0,
                  "addr_tp": 0, "addr_pred": 0, "addr_gold": 0},
            "by_form": {}}


def score_doc(gd: GoldDoc, quotes: list[Any], acc: dict[str, Any]) -> dict[int, int]:
    """Add one document's predicted quotes (anything with the Quote span fields) to the counts ``acc``; returns
    the alignment, prediction index -> index into ``gd.events``."""
    c, by_form = acc["c"], acc["by_form"]
    idx = _Index(gd.spans)
    words = {ptr: gd.text[s:e] for ptr, (s, e) in gd.spans.items()}
    gold = [e for e in gd.events if not e["nested"]]
    nested = [e for e in gd.events if e["nested"]]
    preds = []
    for q in quotes:
        preds.append({
            "msg": _content(idx.tokens(q.message_start, q.message_end), words),
            "cue": idx.tokens(q.cue_start, q.cue_end),
            "src": idx.tokens(q.speaker_start, q.speaker_end),
            "addr": idx.tokens(q.addressee_start, q.addressee_end),
        })
    gmsg = [_content(set(g["Message"]), words) for g in gold]
    pairs = []
    for pi, p in enumerate(preds):
        for gi, gm in enumerate(gmsg):
            inter = len(p["msg"] & gm)
            if inter:
                f = 2 * inter / (len(p["msg"]) + len(gm))
                pairs.append((f, pi, gi))
    pairs.sort(reverse=True)
    used_p, used_g, match = set(), set(), {}
    for _f, pi, gi in pairs:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        match[pi] = gi
    # a prediction that only matches a nested gold event is neither right nor wrong
    ignore = set()
    for pi, p in enumerate(preds):
        if pi not in match and any(p["msg"] & _content(set(n["Message"]), words) for n in nested):
            ignore.add(pi)
    for pi, p in enumerate(preds):
        if pi in ignore:
            continue
        c["pred"] += 1
        c["msg_pred"] += len(p["msg"])
        g = gold[match[pi]] if pi in match else None
        if p["cue"]:
            c["cue_pred"] += 1
            if g is not None and p["cue"] & set(g["Cue"]):
                c["cue_tp"] += 1
        if p["src"]:
            c["src_pred"] += 1
            if g is not None and p["src"] & set(g["Source"]):
                c["src_tp"] += 1
        if p["addr"]:
            c["addr_pred"] += 1
            if g is not None and p["addr"] & set(g.get("Addr", [])):
                c["addr_tp"] += 1
        if g is not None:
            c["aligned"] += 1
            c["msg_tp"] += len(p["msg"] & gmsg[match[pi]])
    inv = {gi: pi for pi, gi in match.items()}
    for gi, g in enumerate(gold):
        if g["Source"]:
            f = by_form.setdefault(g["form"] or "-", [0, 0])
            f[1] += 1
            hit = inv.get(gi)
            if hit is not None and hit not in ignore and preds[hit]["src"] & set(g["Source"]):
                f[0] += 1
    for gi, g in enumerate(gold):
        c["gold"] += 1
        c["cue_gold"] += bool(g["Cue"])
        c["src_gold"] += bool(g["Source"])
        c["addr_gold"] += bool(g.get("Addr"))
        c["msg_gold"] += len(gmsg[gi])
    gold_at = [i for i, e in enumerate(gd.events) if not e["nested"]]
    return {pi: gold_at[gi] for pi, gi in match.items()}


def summarize(acc: dict[str, Any], secs: float = 0.0) -> dict[str, Any]:
    c, by_form = acc["c"], acc["by_form"]
    return {
        "cue": _pr(c["cue_tp"], c["cue_pred"], c["cue_gold"]),
        "source": _pr(c["src_tp"], c["src_pred"], c["src_gold"]),
        "message": _pr(c["msg_tp"], c["msg_pred"], c["msg_gold"]),
        "counts": c,
        "source_recall_by_form": {k: round(v[0] / v[1], 4) for k, v in sorted(by_form.items()) if v[1]},
        "source_gold_by_form": {k: v[1] for k, v in sorted(by_form.items())},
        "seconds": round(secs, 2),
        # a gold set that marks no addressee at all was not annotated for it: no score rather than 0
        "addr": _pr(c["addr_tp"], c["addr_pred"], c["addr_gold"]) if c["addr_gold"] else None,
    }


def evaluate(docs: list[GoldDoc], limit: int | None = None, mode: str = "fast",
             model: str | None = None) -> dict[str, Any]:
    seg, stage = SegmentStage(), QuoteStage(mode=mode, config={"model": model})
    acc = new_counts()
    t0 = time.perf_counter()
    for gd in docs[:limit] if limit else docs:
        doc = stage(seg(Doc(Article(id=content_id(gd.text), text=gd.text, language="de"))))
        score_doc(gd, doc.quotes, acc)
    return summarize(acc, time.perf_counter() - t0)


def _wants_geovirus(argv: list[str]) -> bool:
    """``--data geovirus`` / ``--dataset geovirus`` (or a quotes_en gold .jsonl) selects the English evaluation."""
    for i, a in enumerate(argv):
        val = a.split("=", 1)[1] if "=" in a else (argv[i + 1] if i + 1 < len(argv) else "")
        if a.split("=", 1)[0] in ("--data", "--dataset") and (val == "geovirus" or val.endswith(".jsonl")):
            return True
    return False


def _wants_lgl(argv: list[str]) -> bool:
    """``--dataset lgl`` / ``--data lgl`` selects the English LGL stand-off evaluation."""
    for i, a in enumerate(argv):
        val = a.split("=", 1)[1] if "=" in a else (argv[i + 1] if i + 1 < len(argv) else "")
        if a.split("=", 1)[0] in ("--data", "--dataset") and val == "lgl":
            return True
    return False


def _wants_redewiedergabe(argv: list[str]) -> bool:
    """``--dataset redewiedergabe`` or a ``--data`` folder named redewiedergabe selects the STWR corpus."""
    for i, a in enumerate(argv):
        val = a.split("=", 1)[1] if "=" in a else (argv[i + 1] if i + 1 < len(argv) else "")
        key = a.split("=", 1)[0]
        if (key == "--dataset" and val == "redewiedergabe") or \
                (key == "--data" and Path(val).name == "redewiedergabe"):
            return True
    return False


def _default_data() -> str:
    return "../shared/data/wikinews_spkatt_de"


OWN_LABELS = Path(__file__).parent / "gold" / "quotes_de_own_testblind.jsonl"


def load_own(folder: Path, labels: Path = OWN_LABELS) -> list[GoldDoc]:
    """Our own labels of the SpkAtt Wikinews ``test_blind`` articles (tokens from ``folder/test_blind.jsonl``)."""
    from ..training.quotes import load_labels  # imported late: that module imports this one

    tokens = folder / "test_blind.jsonl"
    if not tokens.exists():
        raise InputError(f"no tokens file {tokens}")
    return load_labels([labels], tokens)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _wants_lgl(argv):
        from .quotes_en_lgl import main as main_lgl  # English general news (LGL, stand-off gold)

        return main_lgl(argv)
    if _wants_redewiedergabe(argv):
        from .quotes_redewiedergabe import main as main_rw  # historical German, STWR annotation

        return main_rw(argv)
    if _wants_geovirus(argv):
        from .quotes_en import main as main_en  # English gold (GeoVirus / English Wikinews)

        return main_en(argv)
    ap = argparse.ArgumentParser(prog="lagebild eval quotes", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=_default_data(), help="wikinews_spkatt_de or spkatt2023_de folder")
    ap.add_argument("--split", default="dev", help="train | dev (Wikinews test_blind has no gold)")
    ap.add_argument("--dataset", choices=("spkatt", "own"), default="spkatt",
                    help="spkatt: the gold of --data/--split; own: our own labels of the Wikinews test_blind "
                         "articles (tokens from --data/test_blind.jsonl)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--mode", choices=("fast", "accurate"), default="fast",
                    help="pipeline mode (the learned tagger runs only in accurate mode)")
    ap.add_argument("--model", choices=("none", "hybrid", "alone"), default="none",
                    help="accurate mode: rules only (none), rules + learned tagger (hybrid), learned tagger alone")
    ap.add_argument("--threads", type=int, default=1, help="torch threads for the learned tagger (accurate mode)")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = ap.parse_args(argv)
    folder = Path(args.data)
    if args.dataset == "own":
        if not (folder / "test_blind.jsonl").exists():
            print(f"quotes on own labels: skipped, no tokens file {folder / 'test_blind.jsonl'}")
            if args.json:
                print(json.dumps({"task": "quotes", "dataset": "own", "skipped": True}))
            return 0
        dataset, docs = "own", load_own(folder)
        args.split = "test_blind"
    elif not folder.is_dir():
        raise ConfigError(f"data folder not found: {folder}")
    elif list(folder.glob("*.tar.gz")):
        dataset, docs = "spkatt2023_de", list(load_spkatt2023(folder, args.split))
    else:
        dataset, docs = "wikinews_spkatt_de", list(load_wikinews(folder, args.split))
    model = None if args.model == "none" else args.model
    if model is not None and args.mode != "accurate":
        raise ConfigError("--model needs --mode accurate")
    if args.mode == "accurate":
        import torch

        torch.set_num_threads(max(1, args.threads))
    res = evaluate(docs, args.limit, args.mode, model)
    n = min(len(docs), args.limit or len(docs))
    print_report(res, f"quotes ({args.mode}, model {args.model}) on {dataset}/{args.split}: {n} documents",
                 {"dataset": dataset, "split": args.split, "mode": args.mode, "model": args.model, "documents": n},
                 args.json)
    return 0


def print_report(res: dict[str, Any], heading: str, meta: dict[str, Any], as_json: bool) -> None:
    """The scores of ``evaluate`` as every quote evaluation prints them; with ``as_json`` the last line is the JSON
    record ``{"task": "quotes", **meta, "cue_f1", "source_f1", "message_f1", "documents", "addr_f1"}``
    (``addr_f1`` null when the gold has no addressees)."""
    print(f"{heading}, {res['counts']['gold']} gold events, {res['counts']['pred']} predicted ({res['seconds']} s)")
    for k in ("cue", "source", "message"):
        r = res[k]
        print(f"  {k:8s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    addr = res.get("addr")
    if addr is not None:
        print(f"  {'addr':8s} P {addr['p']:.3f}  R {addr['r']:.3f}  F1 {addr['f1']:.3f}")
    else:
        print(f"  {'addr':8s} absent (the gold marks no addressees)")
    print("  source recall by gold form: " + ", ".join(
        f"{k} {v:.3f} (n={res['source_gold_by_form'][k]})" for k, v in res["source_recall_by_form"].items()))
    if as_json:
        documents = meta.get("documents")
        record = {"task": "quotes", **{k: v for k, v in meta.items() if k != "documents"},
                  "cue_f1": res["cue"]["f1"], "source_f1": res["source"]["f1"], "message_f1": res["message"]["f1"],
                  "documents": documents, "addr_f1": addr["f1"] if addr is not None else None}
        print(json.dumps(record))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
