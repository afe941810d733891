"""API latency benchmark: p50/p95 of the list endpoints on a database of ~10,000 articles.

    python scripts/bench_api.py --db /tmp/bench.duckdb --build \
        --gnad ../shared/data/news_10kgnad_de/test.csv --copies 10 --requests 100

--build ingests the 1,028 real DER STANDARD articles of 10kGNAD (CC BY-NC-SA: fine for a local
benchmark, never commit the text or the database) with the pipeline stages that are installed
(missing ones are switched off), then copies every stored row --copies - 1 more times under new ids
in SQL (publication dates shifted a month per copy), giving 10,280 articles. 10kGNAD has no dates,
so each article gets a synthetic one spread over 2015-2016.

Then it starts ``lagebild serve`` on a free loopback port, sends --requests sequential requests to
each endpoint (varying offsets and filters) and prints p50/p95 per endpoint (goal: p95 < 100 ms).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ENDPOINTS = [
    ("/articles", [{}, {"offset": 500}, {"since": "2015-09-01", "until": "2016-03-31"}, {"source": "standard"}]),
    ("/events", [{}, {"offset": 1000}, {"event_type": "ASSAULT"}, {"country": "AT"}, {"since": "2016-01-01"}]),
    ("/entities", [{}, {"offset": 5000}, {"type": "PER"}, {"actor": "Kurz"}]),
    ("/places", [{}, {"offset": 2000}, {"country": "DE"}, {"type": "city"}]),
    ("/quotes", [{}, {"offset": 500}, {"actor": "Sprecher"}]),
    ("/times", [{}, {"offset": 1000}]),
    ("/quantities", [{}, {"offset": 1000}]),
    ("/search", [{"q": "Regierung"}, {"q": "Flüchtlinge"}, {"q": "Wien Polizei"}, {"q": "Angriffe"}]),
    ("/places/summary", [{}, {"country": "AT"}]),
    ("/entities/summary", [{}, {"type": "PER"}]),
    ("/timeline", [{}, {"interval": "week"}]),
    ("/events?format=geojson", [{"limit": 1000}]),
]


def available_disable() -> list[str]:
    from lagebild.pipeline import STAGES

    off = []
    for name, target in STAGES.items():
        if name == "segment":
            continue
        module, _, cls = target.partition(":")
        try:
            getattr(importlib.import_module(module), cls)
        except Exception:  # a stage not installed (or not finished) is switched off
            off.append(name)
    return off


def build(db: Path, gnad: Path, copies: int) -> dict:
    import lagebild
    from lagebild.ingest import RawInput
    from lagebild.pipeline import STAGES
    from lagebild.runner import ingest
    from lagebild.store import LAYER_COLUMNS, Store

    disable = available_disable()
    print(f"building {db} from {gnad} (stages off: {', '.join(disable) or 'none'})", file=sys.stderr)
    for name in [n for n in STAGES if n != "segment" and n not in disable]:
        try:  # a stage that imports but cannot load its models is switched off too
            lagebild.load("fast", disable=[n for n in STAGES if n not in ("segment", name)])
        except Exception as exc:
            print(f"stage {name} does not load ({exc}); switched off", file=sys.stderr)
            disable.append(name)
    print(f"stages off: {', '.join(disable) or 'none'}", file=sys.stderr)
    analyzer = lagebild.load("fast", disable=disable)
    base = dt.date(2015, 6, 1)
    with open(gnad, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    items = [RawInput(content=text, source_name=f"10kgnad-test-{i}", source_format="text",
                      url=f"https://derstandard.at/10kgnad/{i}",
                      published=(base + dt.timedelta(days=(i * 7) % 540)).isoformat())
             for i, (_label, text) in enumerate(rows)]
    t0 = time.perf_counter()
    with Store(db) as store:
        stats = ingest(items, analyzer, store, batch_size=32)
        ingest_s = time.perf_counter() - t0
        con = store.con
        cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                          "WHERE table_name = 'articles' ORDER BY ordinal_position").fetchall()]
        for k in range(1, copies):
            sel = []
            for c in cols:
                if c == "id":
                    sel.append(f"id || '-c{k}'")
                elif c == "published_date":
                    sel.append(f"published_date + INTERVAL {30 * k} DAY")
                elif c == "published":
                    sel.append(f"CAST(CAST(published_date + INTERVAL {30 * k} DAY AS DATE) AS VARCHAR)")
                else:
                    sel.append(f'"{c}"')
            with store.transaction():
                con.execute(f"INSERT INTO articles SELECT {', '.join(sel)} FROM articles WHERE id NOT LIKE '%-c%'")
                for layer in LAYER_COLUMNS:
                    lcols = [r[0] for r in con.execute(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                        "ORDER BY ordinal_position", [layer]).fetchall()]
                    lsel = [f"article_id || '-c{k}'" if c == "article_id" else f'"{c}"' for c in lcols]
                    con.execute(f"INSERT INTO {layer} SELECT {', '.join(lsel)} FROM {layer} "
                                "WHERE article_id NOT LIKE '%-c%'")
        counts = store.counts()
    return {"ingested": stats.to_dict(), "ingest_seconds": round(ingest_s, 1), "counts": counts,
            "stages_off": disable}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


def measure(db: Path, n: int, seed: int) -> dict:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "lagebild.server", "--db", str(db), "--port", str(port)],
                            stderr=subprocess.DEVNULL, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    out: dict[str, dict] = {}
    try:
        with httpx.Client(base_url=base, timeout=60) as c:
            for _ in range(300):
                try:
                    if c.get("/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            t0 = time.perf_counter()
            c.get("/search", params={"q": "Wien"})  # builds the search index once
            index_s = time.perf_counter() - t0
            rnd = random.Random(seed)
            for path, variants in ENDPOINTS:
                url, _, fixed = path.partition("?")
                extra = dict(p.split("=") for p in fixed.split("&")) if fixed else {}
                lat = []
                cold = []
                for v in variants:  # first request of each variant: before any cached answer exists
                    t = time.perf_counter()
                    c.get(url, params={**extra, **v})
                    cold.append(time.perf_counter() - t)
                for i in range(n):
                    params = {**extra, **variants[i % len(variants)]}
                    if "offset" in params:
                        params["offset"] = rnd.randrange(0, int(params["offset"]) + 1)
                    t = time.perf_counter()
                    r = c.get(url, params=params)
                    lat.append(time.perf_counter() - t)
                    if r.status_code != 200:
                        raise RuntimeError(f"{url} {params}: {r.status_code} {r.text[:200]}")
                out[path] = {"p50_ms": round(pct(lat, 50) * 1000, 1), "p95_ms": round(pct(lat, 95) * 1000, 1),
                             "max_ms": round(max(lat) * 1000, 1), "first_max_ms": round(max(cold) * 1000, 1)}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return {"search_index_build_s": round(index_s, 2), "endpoints": out}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", required=True, type=Path)
    p.add_argument("--build", action="store_true", help="(re)build the database first")
    p.add_argument("--gnad", type=Path, default=Path("../shared/data/news_10kgnad_de/test.csv"))
    p.add_argument("--copies", type=int, default=10)
    p.add_argument("--requests", type=int, default=100, help="per endpoint")
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    result: dict = {}
    if args.build:
        if args.db.exists():
            args.db.unlink()
        result["build"] = build(args.db, args.gnad, args.copies)
        print(json.dumps(result["build"]), file=sys.stderr)
    result.update(measure(args.db, args.requests, args.seed))
    if args.json:
        print(json.dumps(result))
    else:
        print(f"search index build: {result['search_index_build_s']} s")
        print(f"{'endpoint':<28}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'first ms':>10}")
        for path, r in result["endpoints"].items():
            print(f"{path:<28}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}{r['first_max_ms']:>10}")
        print("first ms: slowest first request of a parameter variant (aggregates are cached after it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
