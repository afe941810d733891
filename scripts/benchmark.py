#!/usr/bin/env python
"""Throughput and memory of lagebild on real German news (10kGNAD), with peers, in one run.

    python scripts/benchmark.py --articles 200 --mode fast
    python scripts/benchmark.py --articles 300 --mode fast --mode accurate --dask 1,2

Every configuration runs in its own Python process pinned to one CPU core
(``sched_setaffinity``; torch and BLAS limited to one thread), so that its
peak RSS (VmHWM) and its articles/s are its own. Configurations:

* ``pipeline/<mode>``: cleaning (``prepare_article``) + every stage, with the
  per-stage share of the time from ``Doc.stages_run``; model load time and
  RSS after loading.
* ``stage/<mode>/<name>``: segment + that stage alone (peak RSS per stage).
* ``peer/spacy-ner``: what a user would otherwise run: a bare spaCy
  pipeline with only a NER component, over the same texts with ``nlp.pipe``.
* ``html/lagebild`` vs ``peer/trafilatura``: the same articles wrapped in a
  news-page template, cleaned by ``prepare_article`` vs ``trafilatura.extract`` alone.
* ``dask/<n>``: ``lagebild batch`` with n local workers; the speed-up is
  measured over the processing window (first partition start to last finish),
  so cluster start-up and model loading are reported apart.

Prints a table, then one JSON line (the last line) with every figure.
Stages that are missing or fail to load are reported as errors, never hidden.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path("../shared/data/news_10kgnad_de/test.csv")
STAGE_NAMES = ("entities", "places", "times", "quantities", "quotes", "events")


# -- helpers used inside the measuring subprocess ---------------------------------------------------
def _pin_one_core() -> None:
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
    except (AttributeError, OSError):
        pass
    # torch, BLAS and OpenMP read OMP_NUM_THREADS=1 (set by the parent); torch is not imported here,
    # so that a peer without torch does not carry its ~200 MB


def _rss_mb(field: str = "VmRSS") -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def load_articles(path: Path, n: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    return [r[1] for r in rows[:n]]


PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title} - derStandard.at</title>
<meta property="og:title" content="{title}"></head><body>
<header><nav><a href="/">Startseite</a> <a href="/inland">Inland</a> <a href="/international">International</a>
<a href="/wirtschaft">Wirtschaft</a> <a href="/web">Web</a></nav></header>
<main><article><h1>{title}</h1><p class="date">3. Mai 2016, 10:00</p>{body}</article>
<aside><h3>Mehr zum Thema</h3><ul><li><a href="/1">Regierung plant Reform</a></li><li><a href="/2">Streit um Budget</a>
</li></ul></aside></main><footer><p>Newsletter abonnieren</p><p>© STANDARD Verlagsgesellschaft m.b.H. 2016</p>
<p>Alle Rechte vorbehalten. Impressum, Datenschutz, AGB</p></footer></body></html>"""


def as_html(text: str) -> str:
    import html

    first, _, rest = text.partition(". ")
    sentences = re.split(r"(?<=[.!?])\s+", rest)
    paras = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras if p)
    return PAGE.format(title=html.escape(first[:120]), body=body)


def _measure(cfg: dict[str, Any]) -> dict[str, Any]:
    """Runs in the subprocess: one configuration, returns its figures."""
    _pin_one_core()
    kind = cfg["kind"]
    texts = load_articles(Path(cfg["data"]), cfg["articles"])
    n_words = sum(len(t.split()) for t in texts)
    if kind == "probe":
        return {"name": cfg["name"], "failing": _probe(cfg["mode"])}
    out: dict[str, Any] = {"name": cfg["name"], "articles": len(texts), "words": n_words,
                           "rss_start_mb": _rss_mb()}
    t0 = time.perf_counter()
    if kind == "pipeline":
        import lagebild
        from lagebild.clean import prepare_article
        from lagebild.doc import Doc

        analyzer = lagebild.load(cfg["mode"], disable=cfg.get("disable", []))
        out["load_seconds"] = round(time.perf_counter() - t0, 2)
        out["rss_after_load_mb"] = _rss_mb()
        out["stages"] = analyzer.pipeline.stage_names
        # first articles fill lazy tables and caches: timed apart as warm-up
        w0 = time.perf_counter()
        list(analyzer.pipeline.pipe([Doc(prepare_article(t)) for t in texts[:3]]))
        out["warmup_seconds"] = round(time.perf_counter() - w0, 2)
        out["rss_after_warmup_mb"] = _rss_mb()
        t1 = time.perf_counter()
        cpu1 = time.process_time()
        clean_s = 0.0
        docs = []
        for t in texts:
            c0 = time.perf_counter()
            docs.append(Doc(prepare_article(t)))
            clean_s += time.perf_counter() - c0
        stage_s: dict[str, float] = {}
        for d in analyzer.pipeline.pipe(docs, batch_size=cfg.get("batch_size", 16)):
            for k, v in d.stages_run.items():
                stage_s[k] = stage_s.get(k, 0.0) + v
        seconds = time.perf_counter() - t1
        out["seconds"] = round(seconds, 3)
        # CPU seconds of this process: on a core shared with other load, wall time overstates the cost
        out["cpu_seconds"] = round(time.process_time() - cpu1, 3)
        # latency: one article at a time (clean + every stage), as a server request would run it
        lat = []
        for t in texts[: cfg.get("latency_articles", 20)]:
            l0 = time.perf_counter()
            list(analyzer.pipeline.pipe([Doc(prepare_article(t))]))
            lat.append(1000 * (time.perf_counter() - l0))
        lat.sort()
        out["latency_ms"] = {"p50": round(lat[len(lat) // 2], 1),
                             "p95": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1), "n": len(lat)}
        out["stage_seconds"] = {"clean": round(clean_s, 3), **{k: round(v, 3) for k, v in stage_s.items()}}
        out["stage_articles_per_s"] = {k: round(len(texts) / v, 1) if v > 0 else None
                                       for k, v in out["stage_seconds"].items()}
    elif kind == "encoder":
        # the shared transformer alone, on the sentences the pipeline would give it
        from lagebild.clean import prepare_article
        from lagebild.doc import Doc
        from lagebild.encoder import SharedEncoder
        from lagebild.segment import SegmentStage

        segment = SegmentStage()
        sentences = []
        for t in texts:
            d = segment(Doc(prepare_article(t)))
            sentences.extend([[tok.text for tok in d.tokens[s.token_start:s.token_end]] for s in d.sentences])
        encoder = SharedEncoder.get()
        encoder.encode_words(sentences[:8])
        out["load_seconds"] = round(time.perf_counter() - t0, 2)
        out["rss_after_load_mb"] = _rss_mb()
        todo = sentences[8:]
        out["words"] = sum(len(s) for s in todo)  # encoder words are tokens, punctuation included
        out["sentences"] = len(todo)
        out["precision"] = encoder.precision
        t1 = time.perf_counter()
        cpu1 = time.process_time()
        encoder.encode_words(todo)
        out["seconds"] = round(time.perf_counter() - t1, 3)
        out["cpu_seconds"] = round(time.process_time() - cpu1, 3)
    elif kind == "spacy-ner":
        import spacy

        if cfg.get("spacy_model"):
            nlp = spacy.load(cfg["spacy_model"], exclude=["tagger", "parser", "lemmatizer", "attribute_ruler",
                                                          "morphologizer", "senter"])
            out["model"] = cfg["spacy_model"]
        else:
            # no pretrained German spaCy model is installable here; the default NER architecture of
            # spaCy (hash-embed CNN tok2vec + transition NER, as in de_core_news_sm) costs the same
            # time whatever its weights, so an initialised, untrained copy is a fair speed peer
            nlp = spacy.blank("de")
            ner = nlp.add_pipe("ner")
            for label in ("PER", "LOC", "ORG", "MISC"):
                ner.add_label(label)
            nlp.initialize()
            out["model"] = "spacy.blank('de') + default ner (untrained weights, same compute)"
        out["load_seconds"] = round(time.perf_counter() - t0, 2)
        out["rss_after_load_mb"] = _rss_mb()
        list(nlp.pipe(texts[:3]))
        t1 = time.perf_counter()
        cpu1 = time.process_time()
        n_ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=cfg.get("batch_size", 16)))
        out["seconds"] = round(time.perf_counter() - t1, 3)
        out["cpu_seconds"] = round(time.process_time() - cpu1, 3)
        out["entities"] = n_ents
    elif kind == "html-lagebild":
        from lagebild.clean import prepare_article

        pages = [as_html(t) for t in texts]
        prepare_article(pages[0])
        out["load_seconds"] = round(time.perf_counter() - t0, 2)
        t1 = time.perf_counter()
        ok = 0
        for p in pages:
            try:
                prepare_article(p)
                ok += 1
            except Exception:
                pass
        out["seconds"] = round(time.perf_counter() - t1, 3)
        out["extracted"] = ok
    elif kind == "html-trafilatura":
        import trafilatura

        pages = [as_html(t) for t in texts]
        trafilatura.extract(pages[0])
        out["load_seconds"] = round(time.perf_counter() - t0, 2)
        t1 = time.perf_counter()
        ok = sum(1 for p in pages if trafilatura.extract(p, favor_precision=True))
        out["seconds"] = round(time.perf_counter() - t1, 3)
        out["extracted"] = ok
    else:
        raise ValueError(kind)
    out["articles_per_s"] = round(len(texts) / out["seconds"], 2) if out.get("seconds") else None
    if out.get("seconds"):
        out["words_per_s"] = round(out["words"] / out["seconds"], 1)
    if kind == "pipeline" and out.get("stage_seconds"):
        out["stage_words_per_s"] = {k: round(n_words / v, 1) if v > 0 else None
                                    for k, v in out["stage_seconds"].items()}
    if out.get("cpu_seconds"):
        out["articles_per_cpu_s"] = round(len(texts) / out["cpu_seconds"], 2)
    out["peak_rss_mb"] = _rss_mb("VmHWM")
    return out


def _run_dask(cfg: dict[str, Any]) -> dict[str, Any]:
    """``lagebild batch`` on a JSONL of the articles with n workers (runs in the parent process)."""
    from lagebild.batch import run_batch

    texts = load_articles(Path(cfg["data"]), cfg["articles"])
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        src.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
        # the same partitions for every worker count; enough of them that the last partition, which one
        # worker finishes while the other has nothing left, is a small part of the window
        n_parts = cfg.get("partitions") or 16
        # CPU of this process (scheduler, client, nannies) while partitions complete: on 2 cores it is
        # taken from the workers
        ticks: list[tuple[float, float]] = []
        t0 = time.perf_counter()
        res = run_batch([str(src)], Path(tmp) / "out", workers=cfg["workers"], mode=cfg["mode"],
                        disable=cfg.get("disable", []), records=max(1, -(-len(texts) // n_parts)),
                        memory_limit="4GB", progress=lambda r: ticks.append((time.time(), time.process_time())))
        wall = time.perf_counter() - t0
        stats = [json.loads(p.read_text()) for p in (Path(tmp) / "out" / "stats").glob("*.json")]
    window = max(s["finished_ts"] for s in stats) - min(s["started_ts"] for s in stats)
    busy = sum(s["finished_ts"] - s["started_ts"] for s in stats)
    cpu = sum(s.get("cpu_seconds", 0.0) for s in stats)
    task_cpu = sum(s.get("task_cpu_seconds", 0.0) for s in stats)
    out = {"name": cfg["name"], "articles": res.articles, "workers": cfg["workers"], "partitions": res.partitions,
           "wall_seconds": round(wall, 2), "seconds": round(window, 3),
           "articles_per_s": round(res.articles / window, 2) if window else None,
           "startup_seconds": round(wall - window, 2), "failed": res.failed,
           "peak_rss_mb": max(s["peak_rss_mb"] for s in stats),
           # worker CPU per article, and the share of it outside the task thread (event loop, monitors)
           "worker_cpu_ms_per_article": round(1000 * cpu / max(res.articles, 1), 1),
           "worker_overhead_share": round(1 - task_cpu / cpu, 4) if cpu else None,
           "write_seconds": round(sum(s.get("write_seconds", 0.0) for s in stats), 2),
           # share of workers x window spent inside partitions (the rest: waiting for a task, the tail)
           "worker_busy_share": round(busy / (window * cfg["workers"]), 4) if window else None}
    if len(ticks) >= 2 and ticks[-1][0] > ticks[0][0]:
        out["client_cpu_share"] = round((ticks[-1][1] - ticks[0][1]) / (ticks[-1][0] - ticks[0][0]), 4)
    return out


def _spawn(cfg: dict[str, Any], timeout: int) -> dict[str, Any]:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
           "TOKENIZERS_PARALLELISM": "false"}
    try:
        res = subprocess.run([sys.executable, __file__, "--_measure", json.dumps(cfg)], capture_output=True,
                             text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"name": cfg["name"], "error": f"timed out after {timeout} s"}
    lines = [ln for ln in res.stdout.strip().splitlines() if ln.startswith("{")]
    if res.returncode != 0 or not lines:
        err = (res.stderr.strip().splitlines() or ["no output"])[-1]
        return {"name": cfg["name"], "error": err[:300]}
    return json.loads(lines[-1])


def _probe(mode: str) -> dict[str, str]:
    """Runs in a subprocess: stages that cannot be built in this mode (not written or not trained yet)."""
    from lagebild.pipeline import STAGES, _build

    failing = {}
    for name in STAGES:
        if name == "segment":
            continue
        try:
            _build(name, mode, {})
        except Exception as exc:
            failing[name] = f"{type(exc).__name__}: {exc}"[:200]
    return failing


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--mode", action="append", choices=("fast", "accurate"))
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="10kGNAD test.csv")
    p.add_argument("--dask", default="1,2", help="worker counts to compare, e.g. 1,2 ('' to skip)")
    p.add_argument("--dask-articles", type=int, help="articles for the Dask runs (default: --articles)")
    p.add_argument("--dask-partitions", type=int, default=16, help="partitions for every Dask run (default 16)")
    p.add_argument("--no-stages", action="store_true", help="skip the per-stage runs")
    p.add_argument("--spacy-model", help="a spaCy model (name or path) for the NER peer")
    p.add_argument("--timeout", type=int, default=1800, help="seconds per configuration")
    p.add_argument("--_measure", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args._measure:
        print(json.dumps(_measure(json.loads(args._measure))))
        return 0
    if not args.data.exists():
        p.error(f"{args.data} not found (10kGNAD test.csv); pass --data")
    modes = args.mode or ["fast"]
    base = {"data": str(args.data.resolve()), "articles": args.articles}
    configs: list[dict[str, Any]] = []
    failing: dict[str, dict[str, str]] = {}
    for mode in modes:
        probe = _spawn({**base, "kind": "probe", "name": f"probe/{mode}", "mode": mode}, args.timeout)
        failing[mode] = probe.get("failing", {})
        missing = sorted(failing[mode])
        configs.append({**base, "kind": "pipeline", "name": f"pipeline/{mode}", "mode": mode, "disable": missing})
        if not args.no_stages:
            configs.append({**base, "kind": "pipeline", "name": f"stage/{mode}/segment", "mode": mode,
                            "disable": list(STAGE_NAMES)})
            for stage in STAGE_NAMES:
                if stage in missing:
                    continue
                configs.append({**base, "kind": "pipeline", "name": f"stage/{mode}/{stage}", "mode": mode,
                                "disable": [s for s in STAGE_NAMES if s != stage]})
    if "accurate" in modes or not args.no_stages:
        configs.append({**base, "kind": "encoder", "name": "encoder/e5-small"})
    configs.append({**base, "kind": "spacy-ner", "name": "peer/spacy-ner", "spacy_model": args.spacy_model})
    configs.append({**base, "kind": "html-lagebild", "name": "html/lagebild-clean"})
    configs.append({**base, "kind": "html-trafilatura", "name": "peer/trafilatura"})
    results = []
    for cfg in configs:
        print(f"… {cfg['name']}", file=sys.stderr, flush=True)
        results.append(_spawn(cfg, args.timeout))
    for n in [int(x) for x in args.dask.split(",") if x.strip()]:
        name = f"dask/{n}-worker{'s' if n > 1 else ''}"
        print(f"… {name}", file=sys.stderr, flush=True)
        try:
            results.append(_run_dask({**base, "articles": args.dask_articles or args.articles, "name": name,
                                      "workers": n, "partitions": args.dask_partitions, "mode": modes[0],
                                      "disable": sorted(failing[modes[0]])}))
        except Exception as exc:
            results.append({"name": name, "error": f"{type(exc).__name__}: {exc}"})

    by = {r["name"]: r for r in results}
    summary: dict[str, Any] = {"articles": args.articles, "cpu_count": os.cpu_count(),
                               "stages_off": failing, "results": results}
    peer = by.get("peer/spacy-ner", {}).get("articles_per_s")
    for mode in modes:
        full = by.get(f"pipeline/{mode}", {}).get("articles_per_s")
        if full and peer:
            summary[f"{mode}_vs_spacy_ner"] = round(full / peer, 3)
        full_cpu = by.get(f"pipeline/{mode}", {}).get("articles_per_cpu_s")
        peer_cpu = by.get("peer/spacy-ner", {}).get("articles_per_cpu_s")
        if full_cpu and peer_cpu:
            summary[f"{mode}_vs_spacy_ner_cpu"] = round(full_cpu / peer_cpu, 3)
    d1, d2 = by.get("dask/1-worker", {}), by.get("dask/2-workers", {})
    if d1.get("seconds") and d2.get("seconds"):
        summary["dask_speedup_2_vs_1"] = round(d1["seconds"] / d2["seconds"], 3)

    for mode, bad in failing.items():
        for name, why in bad.items():
            print(f"stage {name} not measured in {mode} mode: {why}")
    print("load s = model load + warm-up on 3 articles (Dask: cluster start-up and loading); RSS in MB")
    print("art/CPU-s = articles per CPU second of the process (robust to other load on the core); "
          "latency = one article at a time, p50/p95 ms")
    print("words/s: whitespace words of the articles per second (encoder row: tokens fed to the encoder, "
          "articles/s there is not comparable: no pipeline)")
    print(f"{'configuration':<28}{'art/s':>9}{'art/CPU-s':>10}{'words/s':>9}{'seconds':>9}{'load s':>8}"
          f"{'RSS load':>10}{'peak RSS':>10}{'latency p50/p95':>17}")
    for r in results:
        if "error" in r:
            print(f"{r['name']:<28}  error: {r['error']}")
            continue
        load_s = (r.get("load_seconds") or 0) + (r.get("warmup_seconds") or 0) or r.get("startup_seconds") or 0
        lat = r.get("latency_ms")
        lat_s = f"{lat['p50']:.0f}/{lat['p95']:.0f}" if lat else ""
        cpu_rate = f"{r['articles_per_cpu_s']:.1f}" if r.get("articles_per_cpu_s") else "-"
        print(f"{r['name']:<28}{r.get('articles_per_s') or 0:>9.1f}{cpu_rate:>10}"
              f"{r.get('words_per_s') or 0:>9.0f}{r.get('seconds') or 0:>9.1f}"
              f"{load_s:>8.1f}{r.get('rss_after_warmup_mb', r.get('rss_after_load_mb', 0)) or 0:>10.0f}"
              f"{r.get('peak_rss_mb', 0) or 0:>10.0f}{lat_s:>17}")
        for k, v in (r.get("stage_articles_per_s") or {}).items():
            wps = (r.get("stage_words_per_s") or {}).get(k) or 0
            print(f"    {k:<24}{v or 0:>9.1f}{'':>10}{wps:>9.0f}  ({r['stage_seconds'][k]:.2f} s)")
        if r.get("worker_cpu_ms_per_article") is not None:
            print(f"    worker CPU {r['worker_cpu_ms_per_article']} ms/article, outside the task thread "
                  f"{100 * (r.get('worker_overhead_share') or 0):.1f} %, scheduler/client process "
                  f"{100 * (r.get('client_cpu_share') or 0):.1f} % of a core, Parquet writing {r.get('write_seconds')} s, "
                  f"workers busy {100 * (r.get('worker_busy_share') or 0):.1f} % of the window")
    for k in sorted(summary):
        if "_vs_spacy_ner" in k or k.startswith("dask_speedup"):
            print(f"{k}: {summary[k]}")
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
