"""English speaker-attribution gold (GeoVirus / English Wikinews) and its evaluation.

``lagebild eval quotes --data geovirus --split dev|test [--json]`` (dispatched from
:mod:`lagebild.evaluation.quotes`) or ``python -m lagebild.evaluation.quotes_en``.

The gold (``gold/quotes_en_geovirus.jsonl``) was hand-labelled on articles of
GeoVirus (Gritta et al. 2018): English Wikinews text, CC BY 2.5. Articles are
drawn by :func:`sample` (a fixed seed, grouped by page so that no page is in both
splits) and split into dev and test before any labelling; within each split they
were labelled in the sampled order until the target size was reached.

Labels follow the SpkAtt conventions of docs/evaluation/quotes.md: one event per
speech act with cue tokens, source (the mention in the text; a pronoun is the
pronoun), message, addressee and kind (direct | indirect | reported). Scoring
reuses the alignment and metrics of :mod:`lagebild.evaluation.quotes` on word
tokens of the row text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any

from ..doc import Doc
from ..errors import ConfigError, InputError
from ..quotes import QuoteStage
from ..records import Article, content_id
from ..segment import SegmentStage
from .quotes import GoldDoc, new_counts, print_report, score_doc, summarize

SEED = 20261126
DEV_SHARE = 0.5
LICENCE = "CC BY 2.5 (English Wikinews, via GeoVirus, Gritta et al. 2018)"
GOLD_NAME = "quotes_en_geovirus.jsonl"
_WORD = re.compile(r"\w+|[^\w\s]")


def load_geovirus(path: Path) -> list[dict[str, Any]]:
    """All GeoVirus articles as ``{"id", "url", "text"}`` (id = position in the file, from 0)."""
    if not path.exists():
        raise InputError(f"GeoVirus file not found: {path}")
    root = ET.parse(path).getroot()
    out = []
    for i, art in enumerate(root.iter("article")):
        src, txt = art.find("source"), art.find("text")
        if src is None or txt is None or not (txt.text or "").strip():
            continue
        out.append({"id": f"geovirus-{i}", "url": (src.text or "").strip(), "text": txt.text or ""})
    return out


def sample(articles: list[dict[str, Any]], seed: int = SEED) -> dict[str, list[dict[str, Any]]]:
    """Seeded split by page (URL): ``{"dev": [...], "test": [...]}`` in labelling order.

    Pages are shuffled once; the first ``DEV_SHARE`` of them are dev, the rest test. Articles of
    one page stay together (GeoVirus has a few pages with two excerpts).
    """
    pages: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        pages.setdefault(a["url"], []).append(a)
    urls = sorted(pages)
    random.Random(seed).shuffle(urls)
    cut = int(len(urls) * DEV_SHARE)
    return {"dev": [a for u in urls[:cut] for a in pages[u]],
            "test": [a for u in urls[cut:] for a in pages[u]]}


def load_gold(path: Path | None = None, split: str | None = None) -> list[dict[str, Any]]:
    if path is None:
        path = Path(str(resources.files("lagebild.evaluation") / "gold" / GOLD_NAME))
    if not path.exists():
        raise InputError(f"gold file not found: {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def to_gold_doc(row: dict[str, Any]) -> GoldDoc:
    """A gold row as the German evaluator's :class:`GoldDoc`: word tokens of the text as (0, i) pointers."""
    text = row["text"]
    spans = {(0, i): (m.start(), m.end()) for i, m in enumerate(_WORD.finditer(text))}
    starts = sorted((v[0], v[1], k) for k, v in spans.items())

    def toks(items: list[dict[str, Any]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for it in items:
            out.extend(k for s, e, k in starts if e > it["start"] and s < it["end"])
        return out

    events = []
    for ev in row["events"]:
        events.append({"Cue": toks(ev.get("cue", [])), "Source": toks(ev.get("source", [])),
                       "Message": toks(ev.get("message", [])), "Addr": toks(ev.get("addressee", [])),
                       "nested": False, "form": ev["kind"]})
    return GoldDoc(row["id"], text, spans, events)


def evaluate(rows: list[dict[str, Any]], limit: int | None = None) -> dict[str, Any]:
    seg, stage = SegmentStage(), QuoteStage()
    acc = new_counts()
    t0 = time.perf_counter()
    for row in rows[:limit] if limit else rows:
        gd = to_gold_doc(row)
        doc = stage(seg(Doc(Article(id=content_id(gd.text), text=gd.text, language="en"))))
        score_doc(gd, doc.quotes, acc)
    return summarize(acc, time.perf_counter() - t0)


_KINDS = {"D": "direct", "I": "indirect", "R": "reported"}


def _occurrences(text: str, needle: str) -> list[int]:
    pat = re.escape(needle)
    if needle[:1].isalnum():
        pat = r"(?<!\w)" + pat
    if needle[-1:].isalnum():
        pat += r"(?!\w)"
    return [m.start() for m in re.finditer(pat, text)]


def _span(text: str, s: int, e: int) -> dict[str, Any]:
    return {"start": s, "end": e, "text": text[s:e]}


def _resolve_message(text: str, part: str, cursor: int) -> tuple[int, int]:
    prefix, _, suffix = part.partition("~")
    starts = _occurrences(text, prefix.strip())
    if not starts:
        raise InputError(f"message start {prefix!r} not found")
    s = next((x for x in starts if x >= cursor), starts[0])
    if not suffix:
        return s, s + len(prefix.strip())
    ends = [x + len(suffix.strip()) for x in _occurrences(text, suffix.strip()) if x >= s]
    if not ends:
        raise InputError(f"message end {suffix!r} not found after {prefix!r}")
    return s, ends[0]


def _resolve_near(text: str, needle: str, msg: list[tuple[int, int]]) -> tuple[int, int]:
    """Nearest whole-word occurrence outside the message; "<X" / ">X" only before / after it."""
    side = needle[0] if needle[:1] in "<>" else ""
    needle = needle.lstrip("<>")
    lo, hi = min(m[0] for m in msg), max(m[1] for m in msg)
    best = None
    for x in _occurrences(text, needle):
        y = x + len(needle)
        if any(x < me and y > ms for ms, me in msg) or (side == "<" and y > lo) or (side == ">" and x < hi):
            continue
        dist = lo - y if y <= lo else x - hi if x >= hi else 0
        if best is None or dist < best[0]:
            best = (dist, x, y)
    if best is None:
        raise InputError(f"{needle!r} not found outside the message")
    return best[1], best[2]


def build_gold(labels: Path, geovirus: Path) -> list[dict[str, Any]]:
    """Gold rows from the hand-label file (format in its header): character offsets into each article's text."""
    arts = {a["id"]: a for a in load_geovirus(geovirus)}
    rows: list[dict[str, Any]] = []
    cursor = 0
    for n, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            if line.startswith("@"):
                _, aid, split = line.split()
                a = arts[aid]
                rows.append({"id": aid, "split": split, "url": a["url"], "licence": LICENCE, "text": a["text"],
                             "events": []})
                cursor = 0
                continue
            text = rows[-1]["text"]
            kind, cue, src, msg, addr = (f.strip() for f in line.split("|"))
            parts = [_resolve_message(text, p.strip(), cursor) for p in msg.split(" ++ ")]
            cursor = parts[0][0]
            ev = {"kind": _KINDS[kind], "message": [_span(text, *p) for p in parts]}
            for key, val in (("cue", cue), ("source", src), ("addressee", addr)):
                ev[key] = [_span(text, *_resolve_near(text, v.strip(), parts)) for v in val.split(" ++ ") if v.strip()]
            rows[-1]["events"].append(ev)
        except (InputError, KeyError, ValueError) as e:
            raise InputError(f"{labels.name} line {n}: {e}") from e
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval quotes --data geovirus",
                                 description="English quotes on the hand-labelled GeoVirus gold")
    ap.add_argument("--data", "--dataset", dest="data", default="geovirus",
                    help="geovirus (the committed gold) or a gold .jsonl path")
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    ap.add_argument("--build-gold", action="store_true",
                    help="rebuild the gold JSONL from the label file and the GeoVirus XML (--geovirus)")
    ap.add_argument("--geovirus", default="../shared/data/geoparsing_en/GeoVirus.xml")
    args, _rest = ap.parse_known_args(argv)
    if args.build_gold:
        gold = Path(str(resources.files("lagebild.evaluation") / "gold"))
        rows = build_gold(gold / "quotes_en_geovirus.labels", Path(args.geovirus))
        with (gold / GOLD_NAME).open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        for sp in ("dev", "test"):
            print(f"{sp}: {sum(r['split'] == sp for r in rows)} articles, "
                  f"{sum(len(r['events']) for r in rows if r['split'] == sp)} events")
        return 0
    path = None if args.data in ("geovirus", "quotes_en_geovirus") else Path(args.data)
    if path is not None and not path.is_file():
        raise ConfigError(f"gold file not found: {path}")
    rows = load_gold(path, args.split)
    res = evaluate(rows, args.limit)
    report(res, "geovirus", args.split, min(len(rows), args.limit or len(rows)), args.json)
    return 0


def report(res: dict[str, Any], dataset: str, split: str, n: int, as_json: bool) -> None:
    """Print an English quote evaluation as the German one prints it (:func:`print_report`, with the addr line);
    with ``as_json`` the last line is the JSON summary, ``addr_f1`` last (null when the gold marks no addressee)."""
    print_report(res, f"quotes (en rules) on {dataset}/{split}: {n} documents",
                 {"dataset": dataset, "split": split, "documents": n}, as_json)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
