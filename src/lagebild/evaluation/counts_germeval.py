"""Count gold on GermEval 2014 sentences (CC BY 4.0): fresh casualty text for a first-run estimate (round 6).

``python -m lagebild.evaluation.counts_germeval sample --out DIR [--data ../shared/data/germeval2014]``

The 10kGNAD pools have no casualty sentence left after batch ``Gr``, so round 6 took fresh casualty sentences
from GermEval 2014 (news and Wikipedia sentences, CC BY 4.0; only the tokens are read, the NER tags are not
used). The sentences are rebuilt from the tokens (:func:`counts_sampling.detok`); the gold file
``gold/counts_de_germeval.jsonl`` keeps the text with its source address and date (attribution), so it needs
no data folder at run time.

Design (fixed before any labelling, seed 20261128): a sentence of ``NER-de-dev.tsv`` or ``NER-de-test.tsv``
qualifies if it has a number-like token other than a bare year or a "3."-style ordinal (the test of
``counts_sampling``), is 30–400 characters long and has a harm or displacement word (the ``HARM`` and
``CASUALTY`` patterns of the 10kGNAD sampler). The pool is shuffled once; sentences whose sha1 is listed in
``gold/counts_germeval_seen.txt`` are left out: the extractor's output on them was read by eye earlier in
round 6 (while looking for errors in unlabelled text), so a first run on them would not be blind. Batch ``Ea``
takes the first 40 of the rest, ``Eb`` the next ones.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from .counts_10kgnad import HARM
from .counts_sampling import CASUALTY, NUM, YEAR, detok

DEFAULT_DATA = "../shared/data/germeval2014"
FILES = ("NER-de-dev.tsv", "NER-de-test.tsv")
SEED = 20261128
BATCH = 40


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_sentences(data: str | Path) -> list[dict[str, Any]]:
    """Every sentence with its file, index, source line ("# <url> [<date>]") and rebuilt text."""
    out: list[dict[str, Any]] = []
    for name in FILES:
        toks: list[str] = []
        head = ""
        n = 0
        with open(Path(data) / name, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    head = line[1:].strip()
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2:
                    toks.append(parts[1])
                    continue
                if toks:
                    out.append({"file": name, "index": n, "source_line": head, "tokens": toks})
                    n += 1
                    toks = []
        if toks:
            out.append({"file": name, "index": n, "source_line": head, "tokens": toks})
    return out


def _qualifies(tokens: list[str]) -> bool:
    return any(NUM.match(t) and not YEAR.match(t) and not (t[:-1].isdigit() and t.endswith("."))
               and t.lower() != "ein" for t in tokens)


def seen_sha1s() -> set[str]:
    raw = resources.files("lagebild.evaluation").joinpath("gold/counts_germeval_seen.txt").read_text(encoding="utf-8")
    return {line.split()[0] for line in raw.splitlines() if line.strip() and not line.startswith("#")}


def draw(data: str | Path, n_batches: int) -> dict[str, list[dict[str, Any]]]:
    pool = []
    for s in read_sentences(data):
        text = detok(s["tokens"])
        if not 30 <= len(text) <= 400 or not _qualifies(s["tokens"]):
            continue
        if HARM.search(text) or CASUALTY.search(text):
            url, _, date = s["source_line"].partition("\t")
            pool.append({"file": s["file"], "index": s["index"], "url": url.strip(),
                         "date": date.strip().strip("[]").strip(), "sha1": sha1(text), "text": text})
    random.Random(SEED).shuffle(pool)
    seen = seen_sha1s()
    fresh = [p for p in pool if p["sha1"] not in seen]
    out = {}
    for b in range(n_batches):
        name = "E" + "abcdefghijklmnopqrstuvwxyz"[b]
        items = fresh[b * BATCH:(b + 1) * BATCH]
        for k, it in enumerate(items):
            it["id"] = f"{name}{k:03d}"
        out[name] = items
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.counts_germeval",
                                 description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="write the sentences of batches Ea, Eb, ...")
    s.add_argument("--data", default=DEFAULT_DATA)
    s.add_argument("--batches", type=int, default=1)
    s.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, items in draw(args.data, args.batches).items():
        with open(out / f"batch_{name}.jsonl", "w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(f"batch {name}: {len(items)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
