"""English count gold on general US local news (LGL, 2009): stand-off sampler and loader.

``python -m lagebild.evaluation.counts_en_lgl sample --out DIR [--data ../shared/data/geoparsing_en]``
(writes the batches WITH their text: keep DIR out of git)
``python -m lagebild.evaluation.counts_en_lgl pool --out FILE`` (rebuilds the frozen pool; see below)
``lagebild eval counts --dataset lgl [--split dev|test|all] [--data DIR] [--json]`` scores the English rules.

LGL (Lieberman et al. 2010) has an unclear licence, so no LGL text is committed: each row of
``gold/counts_en_lgl.jsonl`` names the article (``docid``), the sentence's character offsets in the article
text and the SHA-1 of the sentence; the labels are offsets into the sentence with value, qualifier, category,
GKG type and the object's offsets (the fields of ``counts_en_geovirus.jsonl`` minus the two text fields).
At run time the text is read from ``lgl.xml`` and checked against the SHA-1.

Design (fixed before any labelling, seed :data:`SEED`):
- the article split is the one of :func:`lagebild.evaluation.time_en.split_order` (seed 20261126, by article),
  so no LGL article is dev for one task and test for another;
- every article is segmented (``language="en"``); a sentence qualifies as in :func:`counts_en.qualifies`
  (30–400 characters, no line break, a number-like word that is not a bare year);
- per split the qualifying sentences are shuffled once, at most one is taken per article; the first
  :data:`CUE_N` that hold a people/casualty/arrest/money word (:data:`CUE`) come first, then the first
  :data:`RANDOM_N` of the rest of the shuffled order (any sentence, a precision check). A dev sentence whose
  text is also a test-split sentence is dropped (LGL holds some wire texts under several docids). Test batch ``Lt``,
  dev batch ``Ld``. Both were labelled by hand (test first) before the extractor ran on either.

Frozen pool: the candidates depend on the segmenter, and a later segmenter fix (aa1b446: a unit symbol after a
number gives back a glued full stop) cut six LGL sentences differently, which changed the length of each split's
list and so its whole shuffled order: re-running the sampler no longer gave ``Lt``/``Ld``. So each split's shuffled
candidates (after the test/dev text check) are frozen in ``gold/counts_en_lgl_pool.tsv`` (split, locator
``docid:sentence:start:end``, sha1; no text), built with the segmenter of :data:`POOL_COMMIT`, where the batches
were drawn; ``sample`` reads only that file and ``lgl.xml``. ``pool`` rebuilds it with whatever code runs it, so to
rebuild the shipped file copy this module and ``counts_round11.py`` (with ``counts_10kgnad.py``, which it imports)
into a checkout of that commit and run ``pool`` there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .counts_10kgnad import with_span_texts
from .counts_en import qualifies
from .counts_round11 import read_pool, write_pool
from .time_en import DEFAULT_DATA, read_lgl, split_order

GOLD_NAME = "gold/counts_en_lgl.jsonl"
POOL_NAME = "gold/counts_en_lgl_pool.tsv"
POOL_COMMIT = "d30f0f3"
SEED = 20261127
CUE_N = 40
RANDOM_N = 20
LICENSE = "unclear (stand-off only)"
CUE = re.compile(r"\b(?:kill\w*|dead|deaths?|died|injur\w*|wounded|hurt|arrest\w*|charged|jail\w*|prison\w*|"
                 r"people|residents|students|officers|victims|troops|soldiers|workers|employees|"
                 r"dollars?|cents?|million|billion|percent)\b|[$%]", re.I)
BATCH = {"test": "Lt", "dev": "Ld"}


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def candidates(data: str | Path, split: str) -> list[dict[str, Any]]:
    from ..doc import Doc
    from ..records import Article, content_id
    from ..segment import SegmentStage

    arts = read_lgl(data)
    seg = SegmentStage()
    out: list[dict[str, Any]] = []
    for d in split_order(list(arts))[split]:
        text = arts[d]["text"]
        doc = seg(Doc(Article(id=content_id(text), text=text, language="en")))
        for si, s in enumerate(doc.sentences):
            if qualifies(s.text):
                out.append({"docid": d, "sentence": si, "sent_start": s.start, "sent_end": s.end, "text": s.text})
    return out


def build_pool(data: str | Path = DEFAULT_DATA) -> list[tuple[str, str, str]]:
    """(split, locator, sha1) of every candidate, test first, each split in the order of its seeded shuffle."""
    pool: list[tuple[str, str, str]] = []
    test_texts: set[str] = set()
    for split in ("test", "dev"):
        cands = candidates(data, split)
        if split == "test":
            test_texts = {c["text"] for c in cands}
        else:  # LGL repeats some wire text under several docids: no sentence may be in both splits
            cands = [c for c in cands if c["text"] not in test_texts]
        random.Random(f"{SEED}-{split}").shuffle(cands)
        pool.extend((split, f"{c['docid']}:{c['sentence']}:{c['sent_start']}:{c['sent_end']}", sha1(c["text"]))
                    for c in cands)
    return pool


def _pool_path() -> Path:
    return Path(str(resources.files("lagebild.evaluation").joinpath(POOL_NAME)))


def draw(data: str | Path, pool: list[tuple[str, str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The test batch ``Lt`` and the dev batch ``Ld`` from the frozen pool (deterministic)."""
    pool = read_pool(_pool_path()) if pool is None else pool
    arts = read_lgl(data)
    queues: dict[str, list[dict[str, Any]]] = {split: [] for split in BATCH}
    for split, loc, h in pool:
        docid, si, start, end = loc.split(":")
        text = arts[docid]["text"][int(start):int(end)] if docid in arts else ""
        if sha1(text) != h:
            raise ConfigError(f"LGL pool sentence {loc} is missing or does not match its sha1: another copy of the data?")
        queues[split].append({"docid": docid, "sentence": int(si), "sent_start": int(start), "sent_end": int(end),
                              "text": text})
    out: dict[str, list[dict[str, Any]]] = {}
    for split in ("test", "dev"):
        seen: set[str] = set()
        first = []
        for c in queues[split]:
            if c["docid"] not in seen:
                seen.add(c["docid"])
                first.append(c)
        cue = [c for c in first if CUE.search(c["text"])][:CUE_N]
        rest = [c for c in first if c not in cue][:RANDOM_N]
        name = BATCH[split]
        out[name] = [{"id": f"{name}{k:03d}", "split": split, **c} for k, c in enumerate(cue + rest)]
    return out


def load_standoff(path: str | Path | None = None, data: str | Path = DEFAULT_DATA) -> list[dict[str, Any]]:
    """Gold rows with sentence and span texts filled in from ``lgl.xml``.

    Raises ``FileNotFoundError`` when the data is absent and ``ConfigError`` when a sentence no longer
    matches its SHA-1 (another copy of LGL)."""
    raw = Path(path).read_text(encoding="utf-8") if path else \
        resources.files("lagebild.evaluation").joinpath(GOLD_NAME).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    arts = read_lgl(data)
    out = []
    for r in rows:
        src = r["source"]
        art = arts.get(src["docid"])
        text = art["text"][src["sent_start"]:src["sent_end"]] if art else ""
        if art is None or sha1(text) != src["sha1"]:
            raise ConfigError(f"LGL sentence of {r['id']} is missing or does not match its sha1: another copy of the data?")
        out.append({"id": r["id"], "split": r["split"], "language": "en", "source": src, "text": text,
                    "quantities": with_span_texts(r["quantities"], text)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.counts_en_lgl", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("sample", help="write batch_Lt.jsonl and batch_Ld.jsonl (WITH text: keep out of git) to --out")
    sp.add_argument("--data", default=DEFAULT_DATA)
    sp.add_argument("--out", required=True)
    pp = sub.add_parser("pool", help=f"write the candidate pool (no text); the shipped one is from {POOL_COMMIT}")
    pp.add_argument("--data", default=DEFAULT_DATA)
    pp.add_argument("--out", required=True, help="the pool file to write (locators and sha1s only)")
    args = ap.parse_args(argv)
    if args.cmd == "pool":
        pool = build_pool(args.data)
        write_pool(args.out, pool,
                   f"# counts LGL (English): every candidate sentence per split, in the order of the seeded shuffle, as\n"
                   f"# the segmenter of commit {POOL_COMMIT} cut them (counts_en_lgl.py); split, docid:sentence:start:end,\n"
                   "# sha1 of the sentence; no text\n")
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from .counts_sampling import write_batches

    write_batches(draw(args.data), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
