"""Round 11 of the German count gold: a precision audit, sentences drawn where the extractor fires.

``python -m lagebild.evaluation.counts_round11 pool [--data-10kgnad DIR] [--data-wikinews DIR] [--data-germeval DIR]``
``python -m lagebild.evaluation.counts_round11 sample --batches 8 --out DIR`` (text: keep DIR out of git)
``python -m lagebild.evaluation.counts_round11 sample --batches 12 --wikinews-from 10 --out DIR`` (round 12)

Why: the held-out Wikinews test loses more to false positives (P 0.880) than to misses (R 0.917), and the
earlier rounds drew sentences by word lists, not by what the extractor says. Here a sentence is a candidate
only if the extractor predicts at least one count in it, so every batch measures precision on modern news
(recall only within the sentences it fires on).

Design (fixed in this docstring before any sentence was drawn or read; seed 20261211):

- sources (modern German news, no sentence of any gold file):
  ``10k``: 10kGNAD ``test.csv`` (derStandard 2015-16, CC BY-NC-SA 4.0: rows stand-off, never its text),
  sentences from the segmenter on each article; ``wn``: German Wikinews (CC BY 2.5) pages of the round-3
  **dev** split only, i.e. the pages no batch ``c``-``l`` used, shuffled with seed 20261126 and cut 2:1 exactly as
  ``counts_sampling.draw`` does, minus the held-out two thirds (no held-out page and no page of batch ``e``
  can come in; test rows are never read); sentences rebuilt from the tokens (``counts_sampling.detok``);
  ``ge``: GermEval 2014 dev/test sentences (CC BY 4.0) from news sources only (source line without
  "wikipedia"), rebuilt from the tokens;
- a sentence is 30-400 characters without a line break, and is left out if its sha1 is that of a sentence of
  any shipped count gold file (``counts_de.jsonl`` dev rows, the stand-off sha1s of ``counts_de_10kgnad.jsonl``,
  every text-inside ``counts_de_*.jsonl``) or of a seen list (``counts_germeval_seen.txt``,
  ``counts_round8_seen.txt``);
- it qualifies if the quantity stage, run on the sentence alone as ``counts.evaluate`` runs it, predicts at
  least one count. The extractor changes during the round, so the qualifying set is computed **once, with the
  code of the round's start** (commit 3e196f5) and frozen in ``gold/counts_round11_pool.tsv`` (source, locator,
  sha1; no text): ``pool`` writes it, ``sample`` reads only that file and the data;
- each source's qualifying sentences are shuffled once (``random.Random(SEED + k)``, k = 0, 1, 2 for 10k, wn,
  ge); the pool file keeps the first ``POOL_KEEP`` (300) of each source in that order (enough for 10 batches);
- batch ``Xa``, ``Xb``, ... takes 12 ``10k`` + 9 ``wn`` + 9 ``ge`` sentences, in that order, from the fronts of
  the source queues, skipping a sentence whose article (10kGNAD row, Wikinews page, GermEval source line) gave a
  sentence to any earlier pick of this round; a source that runs dry is filled from ``10k``, then ``wn``, then
  ``ge``. So batch k depends only on the pool file and batches before it.

Round 12 (fixed here before its first draw; no new randomness, only the pool's seeded order): the held-out
Wikinews test loses on the counted object's category, GKG type and object, so the batches from ``Xk`` on
(``--wikinews-from 10``) take text closest to the test's: 30 Wikinews sentences each, the pool's ``wn``
sentences that no earlier batch of the draw picked, in pool order, at most one per page **within a batch**
(a page that gave a sentence to ``Xa``-``Xj`` may give more; a sentence skipped for its page stays for the next
batch); when they run dry the batch is filled from ``10k`` under the round-11 rule (one sentence per article
over the whole draw). Batches ``Xa``-``Xj`` are drawn exactly as before.

Labelling (docs/evaluation/counts.md, Round 11): every count statement of the sentence, by hand from the text,
without looking at the extractor's output for it. Gold rows: ``gold/counts_de_round11.jsonl``; 10kGNAD rows are
stand-off (``row``, ``sent_start``, ``sent_end``, ``sha1``, labels only), Wikinews and GermEval rows hold the text
with their source and licence. ``lagebild eval counts --dataset round11`` scores them (the 10kGNAD rows are left
out with a note when that data folder is absent).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .counts_10kgnad import read_articles, sha1, with_span_texts
from .counts_sampling import (
    articles,
    detok,
    round_parser,
    sample_folder,
    write_batches,
)

SEED = 20261211
DATA_10K = "../shared/data/news_10kgnad_de"
DATA_WN = "../shared/data/wikinews_spkatt_de"
DATA_GE = "../shared/data/germeval2014"
POOL_NAME = "gold/counts_round11_pool.tsv"
GOLD_NAME = "gold/counts_de_round11.jsonl"
SOURCES = ("10k", "wn", "ge")
POOL_KEEP = 300
PLAN = (("10k", 12), ("wn", 9), ("ge", 9))
WN_BATCH = 30
BATCHES = "abcdefghijklmnopqrstuvwxyz"
GOLD_TEXT_FILES = ("counts_de_germeval.jsonl", "counts_de_smartdata.jsonl", "counts_de_mobie.jsonl",
                   "counts_de_pud.jsonl", "counts_de_gsd.jsonl", "counts_de_round8.jsonl")
SEEN_FILES = ("counts_germeval_seen.txt", "counts_round8_seen.txt")


def _resource(name: str) -> str:
    return resources.files("lagebild.evaluation").joinpath("gold/" + name).read_text(encoding="utf-8")


def _jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in _resource(name).splitlines() if line.strip()]


def used_sha1s() -> set[str]:
    """sha1 of every sentence of a shipped count gold file or seen list (dev rows only of counts_de.jsonl:
    its test rows stand on held-out pages, which this round never reads)."""
    used = {sha1(r["text"]) for r in _jsonl("counts_de.jsonl") if r["split"] == "dev"}
    used |= {r["source"]["sha1"] for r in _jsonl("counts_de_10kgnad.jsonl")}
    for name in GOLD_TEXT_FILES:
        used |= {sha1(r["text"]) for r in _jsonl(name)}
    for name in SEEN_FILES:
        used |= {line.split()[0] for line in _resource(name).splitlines()
                 if line.strip() and not line.startswith("#")}
    return used


def wikinews_dev_pages(data: str) -> set[int]:
    """The round-3 dev pages: the same cut as ``counts_sampling.draw`` (pages of no batch c-l, seed 20261126,
    first two thirds held out), only the dev third returned."""
    from .counts import load_gold
    from .counts_sampling import candidates

    used = {g["source"]["page_id"] for g in load_gold() if g["id"][0] in "cdefghijkl"}
    pages = sorted({c["pid"] for c in candidates(data, skip_pages=used)})
    random.Random(20261126).shuffle(pages)
    return set(pages[len(pages) * 2 // 3:])


def gnad_sentences(data_10k: str) -> list[dict[str, Any]]:
    """Every 10kGNAD sentence as today's segmenter cuts it, located by row and character offsets."""
    from ..doc import Doc
    from ..records import Article, content_id
    from ..segment import SegmentStage

    out = []
    seg = SegmentStage()
    for row, (_, text) in enumerate(read_articles(data_10k)):
        for s in seg(Doc(Article(id=content_id(text), text=text, language="de"))).sentences:
            out.append({"source": "10k", "loc": f"{row}:{s.start}:{s.end}", "article": f"10k:{row}",
                        "text": text[s.start:s.end]})
    return out


def _sentences(data_10k: str, data_wn: str, data_ge: str) -> dict[str, list[dict[str, Any]]]:
    """Every sentence of the three sources with its locator, article key and text, in data order."""
    from .counts_germeval import read_sentences

    out: dict[str, list[dict[str, Any]]] = {s: [] for s in SOURCES}
    out["10k"] = gnad_sentences(data_10k)
    dev_pages = wikinews_dev_pages(data_wn)
    for pid, _title, _date, sents in articles(data_wn):
        if pid in dev_pages:
            for si, toks in enumerate(sents):
                out["wn"].append({"source": "wn", "loc": f"{pid}:{si}", "article": f"wn:{pid}", "text": detok(toks)})
    for g in read_sentences(data_ge):
        if "wikipedia" not in g["source_line"].lower():
            out["ge"].append({"source": "ge", "loc": f"{g['file']}:{g['index']}", "article": f"ge:{g['source_line']}",
                              "text": detok(g["tokens"])})
    return out


def fires(text: str) -> bool:
    from ..doc import Doc
    from ..quantities import QuantityStage
    from ..records import Article, content_id
    from ..segment import SegmentStage

    global _STAGES
    if _STAGES is None:
        _STAGES = (SegmentStage(), QuantityStage())
    seg, stage = _STAGES
    return bool(stage(seg(Doc(Article(id=content_id(text), text=text, language="de")))).quantities)


_STAGES: Any = None


def build_pool(data_10k: str = DATA_10K, data_wn: str = DATA_WN, data_ge: str = DATA_GE) -> list[tuple[str, str, str]]:
    """(source, locator, sha1) of every qualifying sentence, each source shuffled once with its seed."""
    used = used_sha1s()
    pool: list[tuple[str, str, str]] = []
    for k, (src, sents) in enumerate(_sentences(data_10k, data_wn, data_ge).items()):
        pool.extend(qualifying(src, sents, used, SEED + k, fires)[:POOL_KEEP])
    return pool


def qualifying(src: str, sents: list[dict[str, Any]], used: set[str], seed: int,
               qualifies: Callable[[str], bool]) -> list[tuple[str, str, str]]:
    """(source, locator, sha1) of the sentences of 30-400 characters on one line, not in ``used``, counted once,
    that ``qualifies`` accepts; shuffled once with ``seed``."""
    seen: set[str] = set()
    mine = []
    for s in sents:
        t = s["text"]
        h = sha1(t)
        if not 30 <= len(t) <= 400 or "\n" in t or h in used or h in seen:
            continue
        seen.add(h)
        if qualifies(t):
            mine.append((src, s["loc"], h))
    random.Random(seed).shuffle(mine)
    return mine


def write_pool(path: str, pool: list[tuple[str, str, str]], header: str) -> None:
    """A pool file: the comment ``header``, then one ``source<TAB>locator<TAB>sha1`` line per sentence (no text);
    prints how many sentences each source (or class) gave."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for src, loc, h in pool:
            f.write(f"{src}\t{loc}\t{h}\n")
    print(f"pool: {len(pool)} sentences {dict(Counter(p[0] for p in pool))}")


def read_pool(path: str | Path | None = None) -> list[tuple[str, str, str]]:
    raw = Path(path).read_text(encoding="utf-8") if path else _resource(POOL_NAME.split("/", 1)[1])
    out = []
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            src, loc, h = line.split("\t")
            out.append((src, loc, h))
    return out


def _resolve(data_10k: str, data_wn: str, data_ge: str) -> dict[tuple[str, str], dict[str, Any]]:
    """(source, locator) -> sentence record with its text, for looking pool entries up."""
    return {(s["source"], s["loc"]): s for group in _sentences(data_10k, data_wn, data_ge).values() for s in group}


def pool_queues(pool: list[tuple[str, str, str]], index: dict[tuple[str, str], dict[str, Any]],
                sources: tuple[str, ...], data_10k: str,
                cut: dict[str, Callable[[str], dict[str, Any]]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The pool's sentences per source, in pool order, each checked against its sha1. A 10kGNAD locator is a row
    and character offsets, so its sentence is cut from the article when today's segmenter splits that article
    differently from the code the pool was frozen with (a later segmenter fix moved some sentence ends); ``cut``
    does the same for other sources whose locators are offsets (source -> record of a locator)."""
    queues: dict[str, list[dict[str, Any]]] = {s: [] for s in sources}
    texts: list[str] | None = None
    for src, loc, h in pool:
        rec = index.get((src, loc))
        if rec is None and src == "10k":
            if texts is None:
                texts = [text for _, text in read_articles(data_10k)]
            row, start, end = (int(x) for x in loc.split(":"))
            rec = {"source": "10k", "loc": loc, "article": f"10k:{row}", "text": texts[row][start:end]}
        if rec is None and cut is not None and src in cut:
            rec = cut[src](loc)
        if rec is None:
            raise ConfigError(f"pool sentence {src} {loc} is not in the data: another copy of the data?")
        if sha1(rec["text"]) != h:
            raise ConfigError(f"pool sentence {src} {loc} does not match its sha1: another copy of the data?")
        queues[src].append({**rec, "sha1": h})
    return queues


def one_per_article(queues: dict[str, list[dict[str, Any]]],
                    used_articles: set[str]) -> Callable[[str], dict[str, Any] | None]:
    """``take(source)``: the next sentence of that queue whose article gave none before (``used_articles`` grows)."""
    pos = {s: 0 for s in queues}

    def take(src: str) -> dict[str, Any] | None:
        q = queues[src]
        while pos[src] < len(q):
            c = q[pos[src]]
            pos[src] += 1
            if c["article"] not in used_articles:
                used_articles.add(c["article"])
                return c
        return None

    return take


def fill_plan(take: Callable[[str], dict[str, Any] | None], plan: tuple[tuple[str, int], ...],
              sources: tuple[str, ...]) -> list[dict[str, Any]]:
    """One batch: ``n`` sentences from each source of the plan, in order; a dry source is filled from the others
    in ``sources`` order."""
    items: list[dict[str, Any]] = []
    for src, n in plan:
        for _ in range(n):
            got = take(src)
            for fallback in sources:
                if got is not None:
                    break
                got = take(fallback)
            if got is not None:
                items.append(dict(got))
    return items


def draw(n_batches: int, pool: list[tuple[str, str, str]] | None = None, data_10k: str = DATA_10K,
         data_wn: str = DATA_WN, data_ge: str = DATA_GE,
         wikinews_from: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Xa``, ``Xb``, ... (design in the module docstring); from batch index ``wikinews_from`` on
    (round 12: 10, i.e. ``Xk``) each batch takes ``WN_BATCH`` Wikinews sentences not picked before."""
    pool = read_pool() if pool is None else pool
    queues = pool_queues(pool, _resolve(data_10k, data_wn, data_ge), SOURCES, data_10k)
    used_articles: set[str] = set()
    take = one_per_article(queues, used_articles)
    picked: set[str] = set()

    def take_wikinews_rest(n: int) -> list[dict[str, Any]]:
        got: list[dict[str, Any]] = []
        pages: set[str] = set()
        for c in queues["wn"]:
            if len(got) == n:
                break
            if c["loc"] not in picked and c["article"] not in pages:
                pages.add(c["article"])
                got.append(c)
        while len(got) < n:
            extra = take("10k")
            if extra is None:
                break
            got.append(extra)
        return got

    out: dict[str, list[dict[str, Any]]] = {}
    for b in range(n_batches):
        name = "X" + BATCHES[b]
        items: list[dict[str, Any]] = []
        if wikinews_from is not None and b >= wikinews_from:
            items = [dict(c) for c in take_wikinews_rest(WN_BATCH)]
            used_articles.update(c["article"] for c in items)
        else:
            items = fill_plan(take, PLAN, SOURCES)
        picked.update(it["loc"] for it in items if it["source"] == "wn")
        for k, it in enumerate(items):
            it["id"] = f"{name}{k:03d}"
        out[name] = items
    return out


def load_round11(path: str | Path | None = None, data_10k: str = DATA_10K) -> tuple[list[dict[str, Any]], str]:
    """Gold rows with the 10kGNAD text filled in from ``data_10k``; when that folder is absent its rows are
    left out and the note says so."""
    raw = Path(path).read_text(encoding="utf-8") if path else _resource(GOLD_NAME.split("/", 1)[1])
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    try:
        arts: list[tuple[str, str]] | None = read_articles(data_10k)
    except FileNotFoundError:
        arts = None
    out, skipped = [], 0
    for r in rows:
        src = r["source"]
        if src.get("dataset") == "10kGNAD":
            if arts is None:
                skipped += 1
                continue
            text = arts[src["row"]][1][src["sent_start"]:src["sent_end"]]
            if sha1(text) != src["sha1"]:
                raise ConfigError(f"10kGNAD sentence of {r['id']} does not match its sha1: another copy of the data?")
            out.append({"id": r["id"], "split": r.get("split", "dev"), "source": src, "text": text,
                        "quantities": with_span_texts(r["quantities"], text)})
        else:
            out.append(r)
    note = f"{skipped} 10kGNAD rows left out (data absent: {data_10k})" if skipped else ""
    return out, note


def _options(s: argparse.ArgumentParser, name: str) -> None:
    s.add_argument("--data-10kgnad", default=DATA_10K)
    s.add_argument("--data-wikinews", default=DATA_WN)
    s.add_argument("--data-germeval", default=DATA_GE)
    if name == "sample":
        s.add_argument("--batches", type=int, default=8)
        s.add_argument("--wikinews-from", type=int, default=None,
                       help="round 12: batches from this index on take Wikinews sentences only (10 = Xk)")


def main(argv: list[str] | None = None) -> int:
    args = round_parser("counts_round11", __doc__, _options).parse_args(argv)
    if args.cmd == "pool":
        pool = build_pool(args.data_10kgnad, args.data_wikinews, args.data_germeval)
        write_pool(args.out, pool,
                   "# counts round 11: sentences the quantity stage of commit 3e196f5 fires on, per source in the\n"
                   "# order of the seeded shuffle (counts_round11.py); source, locator, sha1 of the sentence; no text\n")
        return 0
    out = sample_folder(args.out)
    write_batches(draw(args.batches, data_10k=args.data_10kgnad, data_wn=args.data_wikinews,
                       data_ge=args.data_germeval, wikinews_from=args.wikinews_from), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
