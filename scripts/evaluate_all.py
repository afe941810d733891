"""Run every stage's evaluation on the shared gold data and print the quality table.

    python scripts/evaluate_all.py [--only ner,geo,...] [--out docs/evaluation/results.json]

Each evaluation is the project's own CLI command with ``--json``; its last line
is parsed. The markdown table printed at the end is what README.md and
docs/evaluation.md show (paste it, don't retype figures).
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import time
from pathlib import Path

DATA = "../shared/data"

#: (task key, label, command args, metric keys to show)
RUNS = [
    ("ner-accurate", "NER accurate — GermEval 2014 test, outer PER/LOC/ORG strict micro-F1",
     ["eval", "ner", "--data", f"{DATA}/germeval2014", "--split", "test", "--mode", "accurate"], ["micro_f1"]),
    ("ner-fast", "NER fast — GermEval 2014 test, outer PER/LOC/ORG strict micro-F1",
     ["eval", "ner", "--data", f"{DATA}/germeval2014", "--split", "test", "--mode", "fast"], ["micro_f1"]),
    ("geo-geowebnews", "Geo — GeoWebNews test half, gold spans", ["eval", "geo", "--data", f"{DATA}/geoparsing_en",
                                                       "--dataset", "geowebnews", "--split", "test"], ["acc_161km", "median_km", "n"]),
    ("geo-lgl", "Geo — LGL test half, gold spans", ["eval", "geo", "--data", f"{DATA}/geoparsing_en", "--dataset", "lgl", "--split", "test"],
     ["acc_161km", "median_km", "n"]),
    ("geo-trnews", "Geo — TR-News test half, gold spans", ["eval", "geo", "--data", f"{DATA}/geoparsing_en",
                                                 "--dataset", "trnews", "--split", "test"], ["acc_161km", "median_km", "n"]),
    ("geo-de", "Geo — German Wikinews check set", ["eval", "geo", "--dataset", "de"], ["acc_161km", "median_km", "n"]),
    ("time", "Time — WikiWarsDE held-out half", ["eval", "time", "--data", f"{DATA}/wikiwarsde", "--split", "test"],
     ["extract_f1_strict", "extract_f1_lenient", "value_f1", "value_accuracy"]),
    ("time-en", "Time (English) — LGL US local news, stand-off TIMEX3 gold, test articles",
     ["eval", "time", "--dataset", "lgl", "--data", f"{DATA}/geoparsing_en", "--split", "test"],
     ["extract_f1_strict", "extract_f1_lenient", "value_f1", "value_accuracy"]),
    ("counts", "Counts — German Wikinews gold set, whole test split (batches e, m, n, p)",
     ["eval", "counts", "--split", "test"], ["f1", "precision", "recall"]),
    ("counts-new", "Counts — the newer held-out batches m, n, p only", ["eval", "counts", "--split", "test",
                                                                          "--batches", "m,n,p"], ["f1", "n_gold"]),
    ("counts-en", "Counts (English) — GeoVirus English Wikinews gold, test batch",
     ["eval", "counts", "--dataset", "geovirus", "--split", "test"], ["f1", "span_value_f1", "n_gold"]),
    ("counts-en-lgl", "Counts (English) — LGL US local news, stand-off gold, test batch",
     ["eval", "counts", "--dataset", "lgl", "--split", "test"], ["f1", "span_value_f1", "n_gold"]),
    ("quotes", "Quotes — Wikinews SpkAtt dev", ["eval", "quotes", "--data", f"{DATA}/wikinews_spkatt_de",
                                                "--split", "dev"], ["cue_f1", "source_f1", "message_f1", "addr_f1"]),
    ("quotes-rw", "Quotes — REDEWIEDERGABE historical news (1840–1919, STWR gold; Nachrichten + Reportage), test half",
     ["eval", "quotes", "--data", f"{DATA}/redewiedergabe", "--split", "test"], ["cue_f1", "source_f1", "message_f1"]),
    ("quotes-en", "Quotes (English) — GeoVirus English Wikinews gold, test articles",
     ["eval", "quotes", "--dataset", "geovirus", "--split", "test"], ["cue_f1", "source_f1", "message_f1"]),
    ("quotes-en-lgl", "Quotes (English) — LGL US local news, stand-off gold, test articles",
     ["eval", "quotes", "--dataset", "lgl", "--split", "test"], ["cue_f1", "source_f1", "message_f1"]),
    ("events-plover", "Events — PLOVER gold records (English), test half", ["eval", "events", "--data", f"{DATA}/plover_gsr_en", "--split", "test"],
     ["type_macro_f1", "type_accuracy", "actor_accuracy"]),
    ("events-de", "Events — German gold set, test half", ["eval", "events", "--dataset", "de_gold", "--split", "test"],
     ["precision", "recall", "source_f1", "target_f1"]),
    ("events-de-dev2", "Events — German fresh dev set (session 8; fitted, not held out)",
     ["eval", "events", "--dataset", "de_gold2", "--split", "dev"], ["precision", "recall", "source_f1", "target_f1"]),
]


def run(args: list[str]) -> tuple[dict | None, float, str]:
    cmd = [sys.executable, "-m", "lagebild.cli", *args, "--json"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    lines = [line for line in proc.stdout.strip().splitlines() if line.strip()]
    try:
        return json.loads(lines[-1]), elapsed, ""
    except (IndexError, json.JSONDecodeError):
        return None, elapsed, (proc.stderr.strip().splitlines() or ["no output"])[-1]


def fmt(v: object) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="comma-separated task keys (e.g. ner-fast,time)")
    ap.add_argument("--out", default="docs/evaluation/results.json")
    args = ap.parse_args()
    wanted = set(args.only.split(",")) if args.only else None
    out_path = Path(args.out)
    results = json.loads(out_path.read_text()) if out_path.exists() else {}
    for key, _label, cmd_args, _ in RUNS:
        if wanted and key not in wanted:
            continue
        print(f"… {key}: lagebild {shlex.join(cmd_args)} --json", file=sys.stderr, flush=True)
        data, elapsed, err = run(cmd_args)
        results[key] = {"command": "lagebild " + shlex.join(cmd_args) + " --json", "seconds": round(elapsed, 1),
                        "result": data, "error": err or None}
        print(f"  {'ok' if data else 'FAILED: ' + err} ({elapsed:.0f} s)", file=sys.stderr, flush=True)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print("| evaluation | metrics | command |")
    print("|---|---|---|")
    for key, label, _, keys in RUNS:
        entry = results.get(key)
        if not entry:
            continue
        data = entry["result"]
        metrics = ", ".join(f"{k} **{fmt(data.get(k))}**" for k in keys if data and k in data) if data else \
            f"failed: {entry['error']}"
        print(f"| {label} | {metrics} | `{entry['command']}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
