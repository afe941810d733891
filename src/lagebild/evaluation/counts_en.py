"""English count gold on GeoVirus sentences (English Wikinews, CC BY 2.5): sampler and loader.

``python -m lagebild.evaluation.counts_en sample|sample-more --out DIR [--data ../shared/data/geoparsing_en]``
``python -m lagebild.evaluation.counts_en pool [--more] --out FILE`` (rebuilds a frozen pool; see below)
``lagebild eval counts --dataset geovirus [--split dev|test|all] [--json]`` scores the English rules
(``lagebild.quantities_en``) on ``gold/counts_en_geovirus.jsonl``.

GeoVirus (Gritta et al. 2018) is 229 paragraphs of en.wikinews.org articles on disease outbreaks (cases,
deaths, hospitalisations, culls, money). Only the ``<source>`` address and the ``<text>`` are read; the
toponym annotations are not used. Wikinews text is CC BY 2.5, so each gold row keeps its sentence with the
page address (attribution). The LGL and TR-News files in the same folder have unclear licences: not used.

Design (fixed before any labelling, seed 20261201):
- every article paragraph is split by the segmenter (``language="en"``); a sentence qualifies if it is
  30–400 characters long, has no line break, and has a number-like word (:data:`NUM`) that is not a bare
  year 1800–2099;
- the pages (``<source>`` addresses) are shuffled once and split 1:1 into dev pages and test pages, so no page
  holds both a dev and a test row;
- within each half the qualifying sentences are shuffled once and at most two are taken per page;
  dev takes the first :data:`DEV_N` (batch ``Vd``), then the next :data:`DEV2_N` (batch ``Ve``, drawn after
  ``Vd`` was labelled, because ``Vd`` held only 84 statements), test the first :data:`TEST_N` (batch ``Vt``).
Every batch was labelled by hand before the extractor ran on it (docs/evaluation/counts.md, "English").
Round 2 (:func:`draw_more`, seed :data:`SEED2`): the next dev batches ``Vf``, ``Vg`` (and ``Vh``, drawn after the round-2 fixes) come from the same dev
pages (the page split above is unchanged; pages holding a test row are excluded as well), from today's
qualifying sentences minus every sentence whose text overlaps a committed gold row (same paragraph and
overlapping character span, or one text containing the other); shuffled once, at most two per page.
Frozen pools: the draw of ``Vd``/``Ve``/``Vt`` used the segmenter of commit :data:`POOL_COMMIT`; the English sentence
rules added to ``segment.py`` later (ae3624f) split some paragraphs differently, and the live draw picked all 230 of
those rows elsewhere. So each half's shuffled candidates up to the last drawn one (``article:sentence:start:end`` and
sha1, no text) are frozen in ``gold/counts_en_geovirus_pool.tsv``, built with that commit's code, and those of
``Vf``-``Vh`` in ``gold/counts_en_geovirus_more_pool.tsv``, built with :data:`MORE_POOL_COMMIT`'s; ``sample`` and
``sample-more`` read only these and ``GeoVirus.xml`` and re-draw all six batch files byte for byte.
``pool [--more] --out FILE`` rebuilds a pool with whatever code runs it (to rebuild a shipped file, copy this module,
``counts_10kgnad.py`` and ``counts_round11.py`` into a checkout of its commit and run it there).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any

DEFAULT_DATA = "../shared/data/geoparsing_en"
GOLD_NAME = "gold/counts_en_geovirus.jsonl"
SEED = 20261201
DEV_N = 80
DEV2_N = 50
TEST_N = 100
SEED2 = 20261126
MORE_N = (("Vf", 50), ("Vg", 50), ("Vh", 50))
PER_PAGE = 2
POOL_NAME = "gold/counts_en_geovirus_pool.tsv"
POOL_COMMIT = "a015078"
MORE_POOL_NAME = "gold/counts_en_geovirus_more_pool.tsv"
MORE_POOL_COMMIT = "2e05016"
LICENSE = "CC BY 2.5"

_NUMW = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
         r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
         r"thousands?|millions?|billions?|dozens?|half|third|quarter")
NUM = re.compile(r"\b(?:\d[\d,.]*|(?:" + _NUMW + r"))\b", re.I)
YEAR = re.compile(r"^(?:18|19|20)\d\d$")


def read_articles(data: str | Path) -> list[dict[str, Any]]:
    """Every GeoVirus paragraph in file order: index, source address, text."""
    root = ET.parse(Path(data) / "GeoVirus.xml").getroot()
    return [{"article": i, "url": (a.findtext("source") or "").strip(), "text": a.findtext("text") or ""}
            for i, a in enumerate(root.iter("article"))]


def qualifies(sentence: str) -> bool:
    if not 30 <= len(sentence) <= 400 or "\n" in sentence:
        return False
    return any(not YEAR.match(m.group(0).rstrip(".,")) for m in NUM.finditer(sentence))


def candidates(data: str | Path) -> list[dict[str, Any]]:
    from ..doc import Doc
    from ..records import Article, content_id
    from ..segment import SegmentStage

    seg = SegmentStage()
    out: list[dict[str, Any]] = []
    for a in read_articles(data):
        doc = seg(Doc(Article(id=content_id(a["text"]), text=a["text"], language="en")))
        for si, s in enumerate(doc.sentences):
            if qualifies(s.text):
                out.append({"article": a["article"], "url": a["url"], "sentence": si, "start": s.start, "text": s.text})
    return out


def _page_order(cands: list[dict[str, Any]]) -> tuple[random.Random, list[str]]:
    """The pages in the order of the seeded shuffle that splits them 1:1, and the generator that shuffled them (the
    first draw goes on with it)."""
    rng = random.Random(SEED)
    pages = sorted({c["url"] for c in cands})
    rng.shuffle(pages)
    return rng, pages


def _shuffled_splits(data: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Each half's candidates in the order of the draw's seeded shuffle (page split and shuffles of the design)."""
    cands = candidates(data)
    rng, pages = _page_order(cands)
    dev_pages = set(pages[: len(pages) // 2])
    out: dict[str, list[dict[str, Any]]] = {}
    for split in ("dev", "test"):
        out[split] = [c for c in cands if (c["url"] in dev_pages) == (split == "dev")]
        rng.shuffle(out[split])
    return out


def _more_shuffled(data: str | Path, gold: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The round-2 candidates (dev pages, no page with a test row, no overlap with an earlier gold row) in the order of
    their seeded shuffle."""
    gold = load_rows() if gold is None else gold
    gold = [r for r in gold if r["id"][:2] not in {name for name, _ in MORE_N}]  # the draw does not see its own rows
    cands = candidates(data)
    _, pages = _page_order(cands)
    test_pages = set(pages[len(pages) // 2:]) | {r["source"]["url"] for r in gold if r["split"] == "test"}
    paragraphs = read_articles(data)
    pool = [c for c in cands if c["url"] not in test_pages and not _overlaps(c, gold, paragraphs)]
    random.Random(SEED2).shuffle(pool)
    return pool


def _overlaps(c: dict[str, Any], gold: list[dict[str, Any]], paragraphs: list[dict[str, Any]]) -> bool:
    a, b = c["start"], c["start"] + len(c["text"])
    for r in gold:
        if c["text"] in r["text"] or r["text"] in c["text"]:
            return True
        if r["source"]["article"] == c["article"]:
            at = paragraphs[c["article"]]["text"].find(r["text"])
            if at >= 0 and at < b and a < at + len(r["text"]):
                return True
    return False


def _per_page(queue: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The first ``n`` sentences of the queue, at most :data:`PER_PAGE` per page."""
    taken: dict[str, int] = {}
    picked: list[dict[str, Any]] = []
    for c in queue:
        if len(picked) == n:
            break
        if taken.get(c["url"], 0) < PER_PAGE:
            taken[c["url"]] = taken.get(c["url"], 0) + 1
            picked.append(c)
    return picked


def _up_to_last_pick(split: str, queue: list[dict[str, Any]], n: int) -> list[tuple[str, str, str]]:
    """(split, ``article:sentence:start:end``, sha1) of the queue up to its ``n``-th pick."""
    from .counts_10kgnad import sha1

    picked = _per_page(queue, n)
    last = queue.index(picked[-1]) if picked else -1
    return [(split, f"{c['article']}:{c['sentence']}:{c['start']}:{c['start'] + len(c['text'])}", sha1(c["text"]))
            for c in queue[:last + 1]]


def build_pool(data: str | Path = DEFAULT_DATA) -> list[tuple[str, str, str]]:
    """The frozen candidates of ``Vd``, ``Ve`` (dev) and ``Vt`` (test), each half in its seeded order."""
    halves = _shuffled_splits(data)
    return _up_to_last_pick("dev", halves["dev"], DEV_N + DEV2_N) + _up_to_last_pick("test", halves["test"], TEST_N)


def build_more_pool(data: str | Path = DEFAULT_DATA, gold: list[dict[str, Any]] | None = None) -> list[tuple[str, str, str]]:
    """The frozen candidates of ``Vf``-``Vh`` in their seeded order."""
    return _up_to_last_pick("dev", _more_shuffled(data, gold), sum(n for _, n in MORE_N))


def _queues(data: str | Path, pool_name: str, pool: list[tuple[str, str, str]] | None) -> dict[str, list[dict[str, Any]]]:
    """The pool's candidates per split with their paragraph's page and the text cut from it (sha1 checked)."""
    from .counts_10kgnad import pooled_sentences
    from .counts_round11 import read_pool

    if pool is None:
        pool = read_pool(Path(str(resources.files("lagebild.evaluation").joinpath(pool_name))))
    paragraphs = read_articles(data)

    def cut(loc: str) -> str:
        article, _, start, end = (int(x) for x in loc.split(":"))
        return paragraphs[article]["text"][start:end] if article < len(paragraphs) else ""

    queues: dict[str, list[dict[str, Any]]] = {"dev": [], "test": []}
    for split, loc, _, text in pooled_sentences(pool, cut):
        article, si, start, _ = (int(x) for x in loc.split(":"))
        queues[split].append({"article": article, "url": paragraphs[article]["url"], "sentence": si, "start": start,
                              "text": text})
    return queues


def _batches(picked: list[dict[str, Any]], split: str, sizes: tuple[tuple[str, int], ...]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    at = 0
    for name, n in sizes:
        out[name] = [{"id": f"{name}{k:03d}", "split": split, **c} for k, c in enumerate(picked[at:at + n])]
        at += n
    return out


def draw(data: str | Path, pool: list[tuple[str, str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The dev batches ``Vd``, ``Ve`` and the test batch ``Vt`` from their frozen pool."""
    queues = _queues(data, POOL_NAME, pool)
    batches = _batches(_per_page(queues["dev"], DEV_N + DEV2_N), "dev", (("Vd", DEV_N), ("Ve", DEV2_N)))
    return batches | _batches(_per_page(queues["test"], TEST_N), "test", (("Vt", TEST_N),))


def draw_more(data: str | Path, pool: list[tuple[str, str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Round-2 dev batches ``Vf``-``Vh`` from their frozen pool."""
    return _batches(_per_page(_queues(data, MORE_POOL_NAME, pool)["dev"], sum(n for _, n in MORE_N)), "dev", MORE_N)


def load_rows(path: str | None = None) -> list[dict[str, Any]]:
    from .counts import load_gold

    return load_gold(path, GOLD_NAME)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.counts_en",
                                 description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("sample", help="write batch_Vd.jsonl, batch_Ve.jsonl and batch_Vt.jsonl (sentences with text) to --out")
    sp.add_argument("--data", default=DEFAULT_DATA)
    sp.add_argument("--out", required=True)
    sm = sub.add_parser("sample-more", help="write the round-2 dev batches batch_Vf.jsonl, batch_Vg.jsonl to --out")
    sm.add_argument("--data", default=DEFAULT_DATA)
    sm.add_argument("--out", required=True)
    pp = sub.add_parser("pool", help=f"write the candidate pool of Vd, Ve, Vt (no text); the shipped one is from {POOL_COMMIT}")
    pp.add_argument("--data", default=DEFAULT_DATA)
    pp.add_argument("--more", action="store_true",
                    help=f"write the pool of Vf-Vh instead; the shipped one is from {MORE_POOL_COMMIT}")
    pp.add_argument("--out", required=True, help="the pool file to write (locators and sha1s only)")
    args = ap.parse_args(argv)
    if args.cmd == "pool":
        from .counts_round11 import write_pool

        pool = build_more_pool(args.data) if args.more else build_pool(args.data)
        write_pool(args.out, pool,
                   f"# counts GeoVirus (English): the candidates of {'Vf-Vh' if args.more else 'Vd, Ve (dev) and Vt (test)'} in the "
                   "order of their seeded\n# shuffle up to the last drawn one, as the segmenter of commit "
                   f"{MORE_POOL_COMMIT if args.more else POOL_COMMIT} cut them\n# (counts_en.py); split, "
                   "article:sentence:start:end in GeoVirus.xml, sha1 of the sentence\n")
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    batches = draw(args.data) if args.cmd == "sample" else draw_more(args.data)
    from .counts_sampling import write_batches

    write_batches(batches, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
