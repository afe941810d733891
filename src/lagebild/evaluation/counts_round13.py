"""Round 13 of the German count gold: fresh people and harm counts, labelled for the counted object's class.

``python -m lagebild.evaluation.counts_round13 pool --out FILE`` (once, with the round's starting code)
``python -m lagebild.evaluation.counts_round13 sample --batches 3 --out DIR`` (text: keep DIR out of git)
``lagebild eval counts --dataset round13 [--batches Ya]``

Why: on the held-out Wikinews test the spans and values are nearly always right (span+value F1 0.973) but the
category of matched counts is right only 0.923 of the time, while every dev set is fitted (about 0.99). Rounds
11 and 12 drew by "the extractor fires", which gave mostly money and percent sentences; this round draws where
the category matters: sentences where the extractor predicts a count of people (any people class or outcome) or
a GKG count type.

Design (fixed in this docstring before any sentence was drawn or read; seed 20261313):

- sources (modern German news, no sentence of any gold file, seen list or the round-11 pool):
  ``10k``: 10kGNAD ``test.csv`` (derStandard 2015-16, CC BY-NC-SA 4.0; the folder holds no ``train.csv``, so
  every earlier 10kGNAD round also used ``test.csv``): rows stand-off, never its text; sentences from the
  segmenter on each article, an article that gave a sentence to an earlier gold file may give others;
  ``wn``: German Wikinews (CC BY 2.5) pages that are not held out: the pages of the round-2 batches ``c``-``l``
  that hold no test row (only the page ids of rows are read, never their text), and the round-3 dev third
  (``counts_round11.wikinews_dev_pages``); sentences rebuilt from the tokens (``counts_sampling.detok``);
- a sentence is 30-400 characters without a line break, and is left out if its sha1 is that of a sentence of
  a shipped count gold file or seen list (``counts_round11.used_sha1s``, now with ``counts_de_round11.jsonl``) or
  of the round-11 pool (``gold/counts_round11_pool.tsv``, whose unpicked sentences may have been looked at);
- it qualifies if the quantity stage of the round's start (commit 0fedaf7), run on the sentence alone as
  ``counts.evaluate`` runs it, predicts at least one count whose category is a class of people (``PEOPLE``) or
  that has a GKG type. The qualifying set is computed once and frozen in ``gold/counts_round13_pool.tsv``
  (source, locator, sha1; no text); ``sample`` reads only that file and the data;
- each source's qualifying sentences are shuffled once (``random.Random(SEED + k)``, k = 0 for 10k, 1 for wn);
- batch ``Ya``, ``Yb``, ... takes 15 ``wn`` + 15 ``10k`` sentences (``PLAN``), in that order, from the fronts of
  the source queues, skipping a sentence whose article (10kGNAD row, Wikinews page) gave a sentence to any
  earlier pick of this round; a dry source is filled from the other. Batch k depends only on the pool file and
  the batches before it, so ``--batches 3`` re-draws ``Ya``, ``Yb`` byte for byte.

Extension (fixed here after ``Yi`` used up the pool and before any SmartData sentence was drawn or read): the
round's last rule step was made on ``Yg``; to measure the final rules on more unseen text, batches ``Yj``, ``Yk``, ...
come from a second frozen pool, ``gold/counts_round13_pool_smartdata.tsv``: SmartData (DFKI news and police/traffic
reports 2015-16, CC BY 4.0, text inside) sentences, 30-400 characters, in no gold file or seen list (also
``counts_smartdata_seen.txt``), qualifying by the same rule **with the round-start code** ``0fedaf7`` (run from a
``git archive`` copy), shuffled once with ``random.Random(SEED + 2)``; each batch takes 30 from the front, at most one
sentence per SmartData document over these batches (``sample --smartdata --batches 2``). Locators are
``document id|start|end`` in the document's text.

Labelling (docs/evaluation/counts.md, Round 13): every count statement of the sentence, by hand from the text,
following the guideline, without looking at the extractor's output for it; each batch is committed before its
first run. Gold rows: ``gold/counts_de_round13.jsonl``; 10kGNAD rows are stand-off (``row``, ``sent_start``,
``sent_end``, ``sha1``, labels only), Wikinews rows hold the text with page id and licence. The 10kGNAD rows
are left out with a note when that data folder is absent (``counts_round11.load_round11`` reads the file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .counts_10kgnad import sha1
from .counts_round11 import (
    DATA_10K,
    DATA_WN,
    gnad_sentences,
    load_round11,
    one_per_article,
    pool_queues,
    qualifying,
    read_pool,
    used_sha1s,
    wikinews_dev_pages,
    write_pool,
)
from .counts_round11 import GOLD_NAME as R11_GOLD
from .counts_round11 import POOL_NAME as R11_POOL
from .counts_rounds import BATCH_LETTERS, earlier_round_sha1s, numbered_batches, resource_path, seeded_pool
from .counts_sampling import (
    articles,
    detok,
    round_parser,
    sample_folder,
    write_batches,
)

SEED = 20261313
DATA_SD = "../shared/data/smartdata_de"
START_COMMIT = "0fedaf7"
POOL_NAME = "gold/counts_round13_pool.tsv"
GOLD_NAME = "gold/counts_de_round13.jsonl"
SOURCES = ("10k", "wn")
PLAN = (("wn", 15), ("10k", 15))
PEOPLE = frozenset({
    "people", "killed", "injured", "arrested", "kidnapped", "displaced", "affected", "missing", "protesters",
    "civilians", "children", "women", "soldiers", "police", "security_forces", "fighters", "rescuers", "refugees",
    "migrants", "journalists", "prisoners", "suspects", "hostages", "students", "members", "employees", "workers",
    "residents", "passengers", "crew", "participants", "supporters", "voters", "medics",
})


def excluded_sha1s() -> set[str]:
    """Sentences no round-13 batch may take: every gold or seen sentence, and the whole round-11 pool."""
    return used_sha1s() | earlier_round_sha1s(R11_GOLD, (R11_POOL,))


def smartdata_seen_sha1s() -> set[str]:
    """sha1 of the SmartData sentences listed as seen (``gold/counts_smartdata_seen.txt``)."""
    return {line.split()[0] for line in resource_path("gold/counts_smartdata_seen.txt").read_text(encoding="utf-8")
            .splitlines() if line.strip() and not line.startswith("#")}


def wikinews_open_pages(data: str) -> set[int]:
    """Wikinews pages that are not held out: batch c-l pages without a test row, plus the round-3 dev third."""
    from .counts import load_gold

    gold = load_gold()
    test_pages = {g["source"]["page_id"] for g in gold if g["split"] == "test"}
    early = {g["source"]["page_id"] for g in gold if g["id"][0] in "cdefghijkl"}
    return (early - test_pages) | wikinews_dev_pages(data)


def _sentences(data_10k: str, data_wn: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {s: [] for s in SOURCES}
    out["10k"] = gnad_sentences(data_10k)
    pages = wikinews_open_pages(data_wn)
    for pid, title, date, sents in articles(data_wn):
        if pid in pages:
            for si, toks in enumerate(sents):
                out["wn"].append({"source": "wn", "loc": f"{pid}:{si}", "article": f"wn:{pid}", "text": detok(toks),
                                  "title": title, "date": date})
    return out


_STAGES: Any = None


def people_count(text: str) -> bool:
    """True if the quantity stage predicts a count of people or one with a GKG type in ``text`` alone."""
    from ..doc import Doc
    from ..quantities import QuantityStage
    from ..records import Article, content_id
    from ..segment import SegmentStage

    global _STAGES
    if _STAGES is None:
        _STAGES = (SegmentStage(), QuantityStage())
    seg, stage = _STAGES
    doc = stage(seg(Doc(Article(id=content_id(text), text=text, language="de"))))
    return any(q.category in PEOPLE or q.gkg_type for q in doc.quantities)


def build_pool(data_10k: str = DATA_10K, data_wn: str = DATA_WN) -> list[tuple[str, str, str]]:
    """(source, locator, sha1) of every qualifying sentence, each source shuffled once with its seed."""
    return seeded_pool(_sentences(data_10k, data_wn), excluded_sha1s(), SEED, people_count)


def draw(n_batches: int, pool: list[tuple[str, str, str]] | None = None, data_10k: str = DATA_10K,
         data_wn: str = DATA_WN) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Ya``, ``Yb``, ... (design in the module docstring)."""
    pool = read_pool(_pool_path()) if pool is None else pool
    index = {(s["source"], s["loc"]): s for group in _sentences(data_10k, data_wn).values() for s in group}
    take = one_per_article(pool_queues(pool, index, SOURCES, data_10k), set())
    return numbered_batches(take, n_batches, "Y", PLAN, SOURCES)


def _pool_path() -> Path:
    return resource_path(POOL_NAME)


def load_round13(path: str | Path | None = None, data_10k: str = DATA_10K) -> tuple[list[dict[str, Any]], str]:
    """Gold rows with the 10kGNAD text filled in (rows left out with a note when that folder is absent)."""
    return load_round11(path or resource_path(GOLD_NAME), data_10k)


SD_POOL_NAME = "gold/counts_round13_pool_smartdata.tsv"
SD_FIRST_BATCH = 9  # Yj
SD_BATCH = 30


def smartdata_record(docs: dict[str, dict[str, Any]], loc: str) -> dict[str, Any]:
    """The record of the SmartData sentence at ``doc|start|end``, cut from its document (empty text when absent): the
    pools keep offsets, so a draw does not depend on how today's segmenter cuts the document."""
    doc_id, start, end = loc.rsplit("|", 2)
    d = docs.get(doc_id) or {"text": {"string": ""}}
    return {"source": "sd", "loc": loc, "article": f"sd:{doc_id}", "text": d["text"]["string"][int(start):int(end)],
            "uri": (d.get("uri") or {}).get("string") or "", "date": ((d.get("date") or {}).get("string") or "")[:10]}


def _smartdata_sentences(data: str) -> list[dict[str, Any]]:
    """Every SmartData sentence with its locator (document id|start|end), in document-id order."""
    from ..doc import Doc
    from ..records import Article, content_id
    from ..segment import SegmentStage
    from .counts_germeval import _smartdata_docs

    docs = _smartdata_docs(data)
    seg = SegmentStage()
    out = []
    for doc_id in sorted(docs):
        text = docs[doc_id]["text"]["string"]
        for sent in seg(Doc(Article(id=content_id(text), text=text, language="de"))).sentences:
            out.append(smartdata_record(docs, f"{doc_id}|{sent.start}|{sent.end}"))
    return out


def build_smartdata_pool(data: str = DATA_SD) -> list[tuple[str, str, str]]:
    used = excluded_sha1s() | smartdata_seen_sha1s()
    return qualifying("sd", _smartdata_sentences(data), used, SEED + 2, people_count)


def draw_smartdata(n_batches: int, data: str = DATA_SD) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Yj``, ``Yk``, ... from the SmartData pool (design in the module docstring)."""
    pool = read_pool(resource_path(SD_POOL_NAME))
    from .counts_germeval import _smartdata_docs

    index = {s["loc"]: s for s in _smartdata_sentences(data)}
    docs = _smartdata_docs(data)
    used_docs: set[str] = set()
    queue = []
    for _, loc, h in pool:
        rec = index.get(loc) or smartdata_record(docs, loc)
        if sha1(rec["text"]) != h:
            raise ConfigError(f"SmartData pool sentence {loc} does not match its sha1: another copy of the data?")
        queue.append({**rec, "sha1": h})
    out: dict[str, list[dict[str, Any]]] = {}
    pos = 0
    for b in range(n_batches):
        name = "Y" + BATCH_LETTERS[SD_FIRST_BATCH + b]
        items: list[dict[str, Any]] = []
        while len(items) < SD_BATCH and pos < len(queue):
            c = queue[pos]
            pos += 1
            if c["article"] not in used_docs:
                used_docs.add(c["article"])
                items.append(dict(c))
        for k, it in enumerate(items):
            it["id"] = f"{name}{k:03d}"
        out[name] = items
    return out


def _options(s: argparse.ArgumentParser, name: str) -> None:
    s.add_argument("--data-10kgnad", default=DATA_10K)
    s.add_argument("--data-wikinews", default=DATA_WN)
    s.add_argument("--data-smartdata", default=DATA_SD)
    s.add_argument("--smartdata", action="store_true", help="the SmartData extension (Yj, Yk, ...)")
    if name == "sample":
        s.add_argument("--batches", type=int, default=1)


def main(argv: list[str] | None = None) -> int:
    args = round_parser("counts_round13", __doc__, _options).parse_args(argv)
    if args.cmd == "pool" and args.smartdata:
        pool = build_smartdata_pool(args.data_smartdata)
        write_pool(args.out, pool,
                   f"# counts round 13 extension: SmartData sentences where the quantity stage of commit {START_COMMIT}\n"
                   "# predicts a count of people or a GKG type, in the order of the seeded shuffle (counts_round13.py);\n"
                   "# source, locator (document id|start|end), sha1 of the sentence; no text\n")
        return 0
    if args.cmd == "pool":
        pool = build_pool(args.data_10kgnad, args.data_wikinews)
        write_pool(args.out, pool,
                   f"# counts round 13: sentences where the quantity stage of commit {START_COMMIT} predicts a count of\n"
                   "# people or a GKG type, per source in the order of the seeded shuffle (counts_round13.py);\n"
                   "# source, locator, sha1 of the sentence; no text\n")
        return 0
    out = sample_folder(args.out)
    if args.smartdata:
        write_batches(draw_smartdata(args.batches, args.data_smartdata), out)
        return 0
    write_batches(draw(args.batches, data_10k=args.data_10kgnad, data_wn=args.data_wikinews), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
