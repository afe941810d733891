"""Count gold on Universal Dependencies German sentences: fresh news and Wikipedia text for first runs (round 7).

``python -m lagebild.evaluation.counts_ud sample --source pud --batches 2 --out DIR [--data ../shared/data/ud_german_pud]``
``python -m lagebild.evaluation.counts_ud sample --source gsd --batches 2 --out DIR [--data ../shared/data/ud_german_gsd]``

Round 7 needed German text that no earlier round labelled or read. UD German PUD (1,000 news and Wikipedia
sentences, CC BY-SA 3.0; ``gold/counts_de_pud.jsonl``) had never been used; UD German GSD (web and news
sentences, CC BY-SA 4.0; ``gold/counts_de_gsd.jsonl``) dev and test had been used only as unlabelled text in
round 6, where the changed outputs of a rule step (2–20 sentences per step over five corpora) were read by eye.
The sentence text is the treebank's ``# text =`` line, unchanged; each gold row keeps the sentence id, the file
and the licence (share-alike: the gold file is under the same licence as its text).

Design (fixed before any labelling): a sentence qualifies if one of its word forms is number-like and not a bare
year or a "3."-style ordinal (the test of ``counts_germeval``) and it is 30–400 characters long. Qualifying
sentences with a people/casualty word (``counts_sampling.PEOPLE``) come first, each group shuffled once (seed
20261201 for PUD, 20261202 for GSD), so the first batch holds the people sentences; batches ``Pa``, ``Pb``, …
(PUD) and ``Ua``, ``Ub``, … (GSD) take 40 each. Sentences listed in ``gold/counts_ud_seen.txt`` are left out: their
output was read (in a before/after diff of a rule step) before they were drawn, so a first run on them would not be
blind (none of them lies in batches ``a``–``d``, so leaving them out only moves later batches).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

from .counts_germeval import BATCH, _batches, _qualifies, seen_sha1s, sha1
from .counts_sampling import PEOPLE, write_batches

SOURCES = {
    "pud": {"data": "../shared/data/ud_german_pud", "files": ("de_pud-ud-test.conllu",), "seed": 20261201,
            "prefix": "P", "dataset": "UD German PUD", "license": "CC BY-SA 3.0"},
    "gsd": {"data": "../shared/data/ud_german_gsd", "files": ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"),
            "seed": 20261202, "prefix": "U", "dataset": "UD German GSD", "license": "CC BY-SA 4.0"},
}


def read_conllu(path: Path) -> list[dict[str, Any]]:
    """Sentences with id, text and surface word forms (a multiword token counts as one form, "zum")."""
    out: list[dict[str, Any]] = []
    cur: dict[str, Any] = {}
    skip: set[int] = set()
    for line in list(open(path, encoding="utf-8")) + ["\n"]:
        line = line.rstrip("\n")
        if line.startswith("# sent_id"):
            cur = {"sent_id": line.split("=", 1)[1].strip(), "forms": []}
            skip = set()
        elif line.startswith("# text ="):
            cur["text"] = line.split("=", 1)[1].strip()
        elif not line.strip():
            if cur.get("text"):
                out.append(cur)
            cur = {}
        elif not line.startswith("#") and cur:
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                skip.update(range(int(a), int(b) + 1))
                cur["forms"].append(cols[1])
            elif int(cols[0]) not in skip:
                cur["forms"].append(cols[1])
    return out


def draw(source: str, data: str | Path | None, n_batches: int) -> dict[str, list[dict[str, Any]]]:
    cfg: dict[str, Any] = SOURCES[source]
    people: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    for name in cfg["files"]:
        for s in read_conllu(Path(data or cfg["data"]) / name):
            text = s["text"]
            if not 30 <= len(text) <= 400 or not _qualifies(s["forms"]):
                continue
            item = {"file": name, "sent_id": s["sent_id"], "sha1": sha1(text), "text": text}
            (people if PEOPLE.search(text) else other).append(item)
    rng = random.Random(cfg["seed"])
    rng.shuffle(people)
    rng.shuffle(other)
    seen = seen_sha1s("gold/counts_ud_seen.txt")
    return _batches([p for p in people + other if p["sha1"] not in seen], cfg["prefix"], n_batches)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.counts_ud", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help=f"write the sentences of batches Pa, Pb, ... or Ua, Ub, ... ({BATCH} each)")
    s.add_argument("--source", choices=sorted(SOURCES), default="pud")
    s.add_argument("--data", default=None)
    s.add_argument("--batches", type=int, default=1)
    s.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_batches(draw(args.source, args.data, args.batches), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
