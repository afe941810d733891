#!/usr/bin/env python
"""Memory soak: one process runs the pipeline over many real articles and reports its memory.

    python scripts/memory_soak.py --articles 5000 --every 500
    python scripts/memory_soak.py --articles 5000 --every 500 --disable entities,places,times,quantities,quotes,events

Texts: the 10kGNAD test split (DER STANDARD, CC BY-NC-SA: measurement only) and every German Wikinews
article of the SpkAtt-2023 files (detokenised), interleaved; after all distinct texts the list starts again
(a repeat adds no new word forms, so growth after the first pass is what repeats cost). Every ``--every``
articles it prints resident memory (VmRSS, peak VmHWM from /proc/self/status), the size of spaCy's
vocabulary and string store, and the size of every per-word cache of lagebild it finds: ``lru_cache``
functions in lagebild's modules and dict caches held by lagebild objects. The last line is one JSON object
with every row.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

DATA = Path("../shared/data")
#: instance attributes that hold per-word or per-item caches in lagebild objects
CACHE_ATTRS = ("_kinds_cache", "_cache", "_word_cache", "_word", "_vectors", "_rows")


def _status(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def load_texts(data: Path) -> list[tuple[str, str | None]]:
    """(text, published) of every distinct article, the two sources interleaved."""
    gnad: list[tuple[str, str | None]] = []
    with (data / "news_10kgnad_de" / "test.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) > 1 and row[1].strip():
                gnad.append((row[1], "2016-05-03"))
    from lagebild.evaluation.quotes import detokenize

    wiki: list[tuple[str, str | None]] = []
    folder = data / "wikinews_spkatt_de"
    for split in ("train", "dev", "test_blind", "trial"):
        path = folder / f"{split}.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                sents = [s["Tokens"] for s in sorted(obj["Sentences"], key=lambda s: s["SentenceId"])]
                text, _ = detokenize(sents)
                m = re.search(r"\((\d{4}-\d{2}-\d{2})\)", obj.get("FileName", ""))
                wiki.append((text, m.group(1) if m else None))
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for i in range(max(len(gnad), len(wiki))):
        for src in (gnad, wiki):
            if i < len(src) and src[i][0] not in seen:
                seen.add(src[i][0])
                out.append(src[i])
    return out


def find_caches() -> dict[str, Any]:
    """name -> an object whose size we can read: lru-cached functions and dict caches of lagebild objects."""
    found: dict[str, Any] = {}
    for modname, mod in list(sys.modules.items()):
        if not modname.startswith("lagebild") or mod is None:
            continue
        for attr, val in list(vars(mod).items()):
            if hasattr(val, "cache_info") and getattr(val, "__module__", None) == modname:
                found[f"{modname}.{attr}()"] = val
            elif isinstance(val, type) and val.__module__ == modname:
                for cattr, cval in vars(val).items():
                    fn = getattr(cval, "__func__", cval)
                    if hasattr(fn, "cache_info"):
                        found[f"{modname}.{attr}.{cattr}()"] = fn
    for obj in gc.get_objects():
        mod = getattr(type(obj), "__module__", "")
        if not isinstance(mod, str) or not mod.startswith("lagebild"):
            continue
        for attr in CACHE_ATTRS:
            val = getattr(obj, "__dict__", {}).get(attr)
            if isinstance(val, dict) or hasattr(val, "nbytes"):
                found[f"{mod}.{type(obj).__name__}.{attr}"] = (obj, attr)  # read at report time: it may be replaced
    return found


def _current(c: Any) -> Any:
    return getattr(c[0], c[1]) if isinstance(c, tuple) else c


def cache_sizes(caches: dict[str, Any]) -> dict[str, int]:
    out = {}
    for name, c in caches.items():
        c = _current(c)
        out[name] = c.cache_info().currsize if hasattr(c, "cache_info") else len(c)
    return out


def spacy_sizes() -> dict[str, int]:
    from lagebild import segment

    stats = getattr(segment, "tokenizer_stats", None)
    if callable(stats):
        return dict(stats())
    tok = segment._spacy_tokenizer()  # code from before the vocabulary bound
    return {"spacy_lexemes": len(tok.vocab), "spacy_strings": len(tok.vocab.strings)}


def dict_bytes(d: dict[Any, Any]) -> int:
    """Rough size of a dict cache: the table plus its keys and values one level deep (shared objects counted)."""
    total = sys.getsizeof(d)
    for k, v in d.items():
        total += sys.getsizeof(k) + sys.getsizeof(v)
        for part in (k, v):
            if isinstance(part, tuple):
                total += sum(sys.getsizeof(x) for x in part)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000, help="articles to analyse in this one process")
    ap.add_argument("--every", type=int, default=500, help="print a row every K articles")
    ap.add_argument("--mode", default="fast", choices=("fast", "accurate"))
    ap.add_argument("--disable", default="", help="comma-separated stages to switch off")
    ap.add_argument("--data", type=Path, default=DATA, help="folder holding news_10kgnad_de and wikinews_spkatt_de")
    ap.add_argument("--max-lexemes", type=int, default=None,
                    help="override segment.MAX_LEXEMES (spaCy vocabulary bound); 0 = unbounded")
    args = ap.parse_args(argv)

    import lagebild

    if args.max_lexemes is not None:
        from lagebild import segment

        segment.MAX_LEXEMES = args.max_lexemes or sys.maxsize

    texts = load_texts(args.data)
    print(f"{len(texts)} distinct articles; {args.articles} to analyse", flush=True)
    disable = [s for s in args.disable.split(",") if s]
    t0 = time.perf_counter()
    analyzer = lagebild.load(args.mode, disable=disable)
    for text, published in texts[:3]:  # warm-up: lazy tables load on the first articles
        analyzer.analyze(text, published=published)
    print(f"loaded + warm-up {time.perf_counter() - t0:.1f} s, RSS {_status('VmRSS')} MB", flush=True)
    caches = find_caches()
    rows: list[dict[str, Any]] = []
    start = time.perf_counter()
    cpu0 = time.process_time()
    last, last_t = 0, start
    for n in range(1, args.articles + 1):
        text, published = texts[(n - 1) % len(texts)]
        analyzer.analyze(text, published=published)
        if n % args.every == 0 or n == args.articles:
            now = time.perf_counter()
            row: dict[str, Any] = {
                "articles": n,
                "seconds": round(now - start, 1),
                "art_per_s": round((n - last) / (now - last_t), 1),
                "rss_mb": _status("VmRSS"),
                "hwm_mb": _status("VmHWM"),
            }
            row.update(spacy_sizes())
            row["caches"] = cache_sizes(caches)
            rows.append(row)
            last, last_t = n, now
            print(f"{n:6d} art  {row['seconds']:7.1f} s  {row['art_per_s']:5.1f} art/s  RSS {row['rss_mb']:7.1f} MB"
                  f"  peak {row['hwm_mb']:7.1f} MB  spaCy lexemes {row['spacy_lexemes']:,} strings "
                  f"{row['spacy_strings']:,}" + (f" resets {row['spacy_resets']}" if "spacy_resets" in row else ""),
                  flush=True)
    cpu = time.process_time() - cpu0
    print("caches at the end (entries / bound of an lru_cache):")
    for name, size in sorted(rows[-1]["caches"].items()):
        c = _current(caches[name])
        if hasattr(c, "cache_info"):
            info = c.cache_info()
            print(f"  {size:9,d} / {info.maxsize}  {name}  (hits {info.hits:,}, misses {info.misses:,})")
        elif hasattr(c, "nbytes"):
            print(f"  {size:9,d} rows, {c.nbytes / 2**20:.1f} MB allocated  {name}")
        else:
            print(f"  {size:9,d} / dict, ~{dict_bytes(c) / 2**20:.1f} MB  {name}")
            rows[-1].setdefault("cache_mb", {})[name] = round(dict_bytes(c) / 2**20, 1)
    summary = {"articles": args.articles, "distinct": len(texts), "mode": args.mode, "disable": disable,
               "art_per_cpu_s": round(args.articles / cpu, 1), "rows": rows}
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
