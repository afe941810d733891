"""Load test for a running ``lagebild serve``: bounded concurrent clients against a loopback address.

    lagebild serve --db big.duckdb --port 8000 &
    python scripts/loadtest.py --url http://127.0.0.1:8000 --clients 16 --duration 60

Each client loops over a fixed mix of read requests (listings with filters and pagination, search,
aggregates, one article) until the duration is over or it has sent --max-requests. Reports
throughput, p50/p99 latency and the error rate (any non-2xx answer or transport error); exits 1
when any request failed. Only loopback targets are accepted.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import random
import statistics
import sys
import threading
import time
from urllib.parse import urlparse

import httpx

MIX = [
    ("/articles", {"limit": 20}),
    ("/articles", {"limit": 20, "offset": 200}),
    ("/events", {"limit": 50}),
    ("/events", {"limit": 50, "event_type": "ASSAULT"}),
    ("/events", {"limit": 50, "since": "2011-01-01", "until": "2016-12-31"}),
    ("/entities", {"limit": 50, "actor": "a"}),
    ("/places", {"limit": 50, "country": "AT"}),
    ("/quotes", {"limit": 50}),
    ("/places/summary", {"limit": 500}),
    ("/timeline", {"interval": "month"}),
    ("/entities/summary", {"limit": 50}),
    ("/search", {"q": "Regierung"}),
    ("/search", {"q": "Angriffe"}),
    ("/stats", {}),
]


def is_loopback_url(url: str) -> bool:
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))
    return s[k]


def run(url: str, clients: int, duration: float, max_requests: int, token: str | None, seed: int) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with httpx.Client(base_url=url, headers=headers, timeout=30) as probe:
        ids = [a["id"] for a in probe.get("/articles", params={"limit": 50}).json()["items"]]
    mix = MIX + [(f"/articles/{i}", {}) for i in ids[:5]]
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + duration

    def client(n: int) -> None:
        rnd = random.Random(seed + n)
        mine: list[float] = []
        errs: list[str] = []
        with httpx.Client(base_url=url, headers=headers, timeout=30) as c:
            for _ in range(max_requests):
                if time.perf_counter() >= deadline:
                    break
                path, params = rnd.choice(mix)
                t0 = time.perf_counter()
                try:
                    r = c.get(path, params=params)
                    if r.status_code >= 300:
                        errs.append(f"{r.status_code} {path}")
                except httpx.HTTPError as exc:
                    errs.append(f"{type(exc).__name__} {path}")
                mine.append(time.perf_counter() - t0)
        with lock:
            lat.extend(mine)
            errors.extend(errs)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    n = len(lat)
    return {"clients": clients, "seconds": round(wall, 1), "requests": n,
            "throughput_rps": round(n / wall, 1) if wall else 0.0,
            "p50_ms": round(percentile(lat, 50) * 1000, 1), "p99_ms": round(percentile(lat, 99) * 1000, 1),
            "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else None,
            "errors": len(errors), "error_rate": round(len(errors) / n, 5) if n else None,
            "error_examples": sorted(set(errors))[:5]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default="http://127.0.0.1:8000")
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--duration", type=float, default=60.0, help="seconds (at most 600)")
    p.add_argument("--max-requests", type=int, default=100_000, help="per client")
    p.add_argument("--token", default=None)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args(argv)
    if not is_loopback_url(args.url):
        print("error: the load test only targets loopback addresses (127.0.0.0/8, ::1, localhost)", file=sys.stderr)
        return 2
    if not (1 <= args.clients <= 64) or not (0 < args.duration <= 600):
        print("error: --clients must be 1..64 and --duration 0..600 s", file=sys.stderr)
        return 2
    res = run(args.url, args.clients, args.duration, args.max_requests, args.token, args.seed)
    if args.json:
        print(json.dumps(res))
    else:
        print(f"{res['clients']} clients, {res['seconds']} s: {res['requests']} requests, "
              f"{res['throughput_rps']} req/s, p50 {res['p50_ms']} ms, p99 {res['p99_ms']} ms, "
              f"errors {res['errors']} ({res['error_rate']})")
        for e in res["error_examples"]:
            print("  " + e)
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
