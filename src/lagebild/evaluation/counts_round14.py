"""Round 14 of the German count gold: did the session-13 rules generalise? A fresh measurement set.

``python -m lagebild.evaluation.counts_round14 pool --out FILE`` (once, with the session's starting code)
``python -m lagebild.evaluation.counts_round14 sample --batches 3 --out DIR`` (text: keep DIR out of git)
``lagebild eval counts --dataset round14 [--batches Za]``

Why: rules made on one round's batches rarely carried over to the next round's (round 13: the batches drawn after a
fix scored like the round-start code). Session 13 fixed error classes that recur across at least three dev sets;
this round measures the rules of the end of that work ("step-2 code") and of the session's start (commit 1888cef)
on the same unseen batches. Their difference says whether the rules generalised.

Design (fixed in this docstring and in docs/evaluation/counts.md before any sentence was drawn or read; seed
20261414):

- sources (modern German news, no sentence of any gold file, seen list or earlier pool): ``10k``: 10kGNAD
  ``test.csv`` (derStandard 2015-16, CC BY-NC-SA 4.0: rows stand-off, never its text), sentences as today's
  segmenter cuts each article (``counts_round11.gnad_sentences``); ``sd``: SmartData (DFKI news and police/traffic
  reports 2015-16, CC BY 4.0, text inside), sentences as in round 13's extension
  (``counts_round13._smartdata_sentences``). Wikinews is left out: its non-held-out count sentences are used up;
- a sentence is 30-400 characters on one line and is left out if its sha1 is that of a sentence of a shipped
  count gold file, seen list, the round-11 pool or the round-13 gold rows and pools (``excluded_sha1s``);
- it qualifies if the quantity stage of the session's start (commit 1888cef, run from a ``git worktree`` copy),
  run on the sentence alone, predicts at least one count (``counts_round11.fires``): any count, not only people,
  because the session's rules touch people, fates and labels alike. Each source's qualifying sentences are
  shuffled once (``random.Random(SEED + k)``, k = 0 for 10k, 1 for sd), the first ``POOL_KEEP`` of each are
  frozen in ``gold/counts_round14_pool.tsv`` (source, locator, sha1; no text);
- batch ``Za``, ``Zb``, ... takes 16 ``10k`` + 12 ``sd`` sentences (``PLAN``) from the queue fronts, at most one
  sentence per article or SmartData document over the whole round; a dry source is filled from the other. Batch k
  depends only on the pool file and the batches before it.

People extension (fixed here and in the docs after the first runs of ``Za``-``Zd`` and after the session's last rule
step, ``7089176``, before any sentence of it was drawn or read): ``Za``-``Zd`` were drawn by "any count" and the
session's people rules never fired on them, so batches ``Ze``, ``Zf``, ... come from a second frozen pool,
``gold/counts_round14_pool_people.tsv``, drawn like round 13: a sentence qualifies if the session-start code predicts
a count of people or one with a GKG type (``counts_round13.people_count``). Sources: ``ge`` GermEval 2014 (news and
Wikipedia sentences of its dev and test files, CC BY 4.0, text inside, rebuilt from the tokens), ``10k`` and ``sd`` as
above; excluded besides ``round14_excluded`` are the sentences of the first round-14 pool. Each source shuffled once
(``random.Random(SEED + 10 + k)``, k = 0 ge, 1 10k, 2 sd), the first ``POOL_KEEP`` kept; each batch takes 10 ge + 10
10k + 8 sd (``PEOPLE_PLAN``), one sentence per article or document over the whole round (the articles of ``Za``-``Zd``
count as used). Labelled the same way, both codes run once per batch.

Amendment (before any extension sentence was drawn or read; only the pool's size per source was seen): computed as
above, the pool held 21 sentences (ge 21, 10k 0, sd 0: every people sentence of 10kGNAD and SmartData qualifying by
this rule was already in round 13's pools). So the extension's sources are ``ge`` and ``wa``, WikiANN German
(Wikipedia sentences, CC BY-SA, text inside, read as in round 8: ``counts_round8._wikiann``; each sentence its own
article), shuffled with ``random.Random(SEED + 20 + k)`` (k = 0 ge, 1 wa), the first ``POOL_KEEP`` kept; each batch
takes 10 ge + 18 wa (``PEOPLE_PLAN``), a dry source filled from the other.

Second check (fixed here before it was drawn, after the last rule step ``7436f1d``): ``Zj`` is the next batch of the
people queue (``draw_people(6)``), ``Zk`` and ``Zl`` the next two batches of the any-count queue (``draw(6)``'s fifth and
sixth batches, renamed: ``draw_any_more``), so that the rules made on ``Za``-``Zi`` meet unseen text of both kinds.

Labelling: every count statement, by hand from the text, following the guideline of docs/evaluation/counts.md,
without looking at any extractor output for the sentence; each batch is labelled before its first run. No rule is
changed after the first batch is drawn; both codes are then run once per batch and recorded as first runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .counts_round11 import (
    DATA_10K,
    DATA_GE,
    fires,
    gnad_sentences,
    load_round11,
    one_per_article,
    pool_queues,
    read_pool,
    write_pool,
)
from .counts_round13 import (
    DATA_SD,
    _smartdata_sentences,
    excluded_sha1s,
    people_count,
    smartdata_record,
    smartdata_seen_sha1s,
)
from .counts_round13 import (
    GOLD_NAME as R13_GOLD,
)
from .counts_round13 import (
    POOL_NAME as R13_POOL,
)
from .counts_round13 import (
    SD_POOL_NAME as R13_SD_POOL,
)
from .counts_rounds import (
    earlier_round_sha1s,
    numbered_batches,
    pool_header,
    renamed,
    resource_path,
    seeded_pool,
)
from .counts_sampling import (
    add_source_args,
    detok,
    round_parser,
    sample_folder,
    write_batches,
)

SEED = 20261414
START_COMMIT = "1888cef"
POOL_NAME = "gold/counts_round14_pool.tsv"
GOLD_NAME = "gold/counts_de_round14.jsonl"
SOURCES = ("10k", "sd")
PLAN = (("10k", 16), ("sd", 12))
POOL_KEEP = 200
DATA_ROOT = "../shared/data"


def round14_excluded() -> set[str]:
    """Every sentence an earlier round may have shown: gold, seen lists, the round-11 pool, round 13's rows and pools."""
    return excluded_sha1s() | earlier_round_sha1s(R13_GOLD, (R13_POOL, R13_SD_POOL)) | smartdata_seen_sha1s()


def _sentences(data_10k: str, data_sd: str) -> dict[str, list[dict[str, Any]]]:
    return {"10k": gnad_sentences(data_10k), "sd": _smartdata_sentences(data_sd)}


def build_pool(data_10k: str = DATA_10K, data_sd: str = DATA_SD) -> list[tuple[str, str, str]]:
    return seeded_pool(_sentences(data_10k, data_sd), round14_excluded(), SEED, fires, POOL_KEEP)


def draw(n_batches: int, data_10k: str = DATA_10K, data_sd: str = DATA_SD) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Za``, ``Zb``, ... (design in the module docstring)."""
    pool = read_pool(resource_path(POOL_NAME))
    from .counts_germeval import _smartdata_docs

    index = {(s["source"], s["loc"]): s for group in _sentences(data_10k, data_sd).values() for s in group}
    docs = _smartdata_docs(data_sd)
    cut = {"sd": lambda loc: smartdata_record(docs, loc)}
    take = one_per_article(pool_queues(pool, index, SOURCES, data_10k, cut), set())
    return numbered_batches(take, n_batches, "Z", PLAN, SOURCES)


PEOPLE_POOL_NAME = "gold/counts_round14_pool_people.tsv"
PEOPLE_SOURCES = ("ge", "wa")
PEOPLE_PLAN = (("ge", 10), ("wa", 18))
PEOPLE_FIRST_BATCH = 4  # Ze: Za-Zd are the any-count batches


def _germeval_sentences(data_ge: str) -> list[dict[str, Any]]:
    from .counts_germeval import read_sentences

    return [{"source": "ge", "loc": f"{g['file']}:{g['index']}", "article": f"ge:{g['source_line']}",
             "source_line": g["source_line"], "text": detok(g["tokens"])} for g in read_sentences(data_ge)]


def _wikiann_sentences(data_root: str) -> list[dict[str, Any]]:
    from .counts_round8 import _wikiann

    return [{"source": "wa", "loc": f"{w['file']}:{w['index']}", "article": f"wa:{w['file']}:{w['index']}",
             "text": w["text"]} for w in _wikiann(Path(data_root))]


def _people_sentences(data_ge: str, data_root: str) -> dict[str, list[dict[str, Any]]]:
    return {"ge": _germeval_sentences(data_ge), "wa": _wikiann_sentences(data_root)}


def build_people_pool(data_ge: str = DATA_GE, data_root: str = DATA_ROOT) -> list[tuple[str, str, str]]:
    used = round14_excluded() | {h for _, _, h in read_pool(resource_path(POOL_NAME))}
    return seeded_pool(_people_sentences(data_ge, data_root), used, SEED + 20, people_count, POOL_KEEP)


def draw_people(n_batches: int, data_ge: str = DATA_GE, data_root: str = DATA_ROOT, data_10k: str = DATA_10K,
                data_sd: str = DATA_SD) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Ze``, ``Zf``, ... of the people extension (design in the module docstring)."""
    used = {it["article"] for batch in draw(PEOPLE_FIRST_BATCH, data_10k, data_sd).values() for it in batch}
    pool = read_pool(resource_path(PEOPLE_POOL_NAME))
    index = {(s["source"], s["loc"]): s for group in _people_sentences(data_ge, data_root).values() for s in group}
    take = one_per_article(pool_queues(pool, index, PEOPLE_SOURCES, data_10k), used)
    return numbered_batches(take, n_batches, "Z", PEOPLE_PLAN, PEOPLE_SOURCES, PEOPLE_FIRST_BATCH)


ANY_MORE_FIRST = 10  # Zk: the any-count queue continues after the people batches Ze-Zj


def draw_any_more(n_batches: int, data_10k: str = DATA_10K, data_sd: str = DATA_SD) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Zk``, ``Zl``, ...: the any-count queue after ``Za``-``Zd`` (the same draw, renamed)."""
    batches = list(draw(PEOPLE_FIRST_BATCH + n_batches, data_10k, data_sd).values())[PEOPLE_FIRST_BATCH:]
    return renamed(batches, "Z", ANY_MORE_FIRST)


def load_round14(path: str | Path | None = None, data_10k: str = DATA_10K) -> tuple[list[dict[str, Any]], str]:
    """Gold rows with the 10kGNAD text filled in (rows left out with a note when that folder is absent)."""
    return load_round11(path or resource_path(GOLD_NAME), data_10k)


def _options(s: argparse.ArgumentParser, name: str) -> None:
    add_source_args(s, DATA_10K, DATA_SD, DATA_GE, DATA_ROOT, "folder holding wikiann_de (people extension)")
    s.add_argument("--people", action="store_true", help="the people extension (Ze, Zf, ...)")
    s.add_argument("--any-more", action="store_true", help="the any-count batches after the people ones (Zk, ...)")
    if name == "sample":
        s.add_argument("--batches", type=int, default=1)


def main(argv: list[str] | None = None) -> int:
    args = round_parser("counts_round14", __doc__, _options).parse_args(argv)
    if args.cmd == "pool" and args.people:
        pool = build_people_pool(args.data_germeval, args.data_root)
        write_pool(args.out, pool,
                   f"# counts round 14, people extension: sentences where the quantity stage of commit {START_COMMIT}\n"
                   "# predicts a count of people or a GKG type, per source the first 200 in the order of the seeded\n"
                   "# shuffle (counts_round14.py); source, locator, sha1 of the sentence; no text\n")
        return 0
    if args.cmd == "pool":
        pool = build_pool(args.data_10kgnad, args.data_smartdata)
        write_pool(args.out, pool, pool_header(14, START_COMMIT))
        return 0
    out = sample_folder(args.out)
    if args.any_more:
        write_batches(draw_any_more(args.batches, args.data_10kgnad, args.data_smartdata), out)
        return 0
    if args.people:
        write_batches(draw_people(args.batches, args.data_germeval, args.data_root, args.data_10kgnad,
                                  args.data_smartdata), out)
        return 0
    write_batches(draw(args.batches, args.data_10kgnad, args.data_smartdata), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
