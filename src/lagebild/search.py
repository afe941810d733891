"""Full-text search over stored articles with German stemming (BM25).

DuckDB's ``fts`` extension is not available for the DuckDB version we pin, so
this module carries its own pieces: a German Snowball-style stemmer, a
tokenizer, and an in-memory inverted index (term -> document numbers and term
frequencies) built from the store on first use. Building it needs no write
access to the article database, so a read-only server can search too; articles
added later through the API are indexed incrementally with
:meth:`SearchIndex.add`.

Ranking is Okapi BM25 over title + text; a query term matches every word with
the same stem ("Angriffe" finds "Angriff", "angegriffen" does not).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections.abc import Iterable
from typing import Any

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_VOWELS = "aeiouyäöü"
_S_ENDING = set("bdfghklmnrt")
_ST_ENDING = set("bdfghklmnt")
#: BM25 parameters (the usual defaults)
K1 = 1.2
B = 0.75
#: query words longer than this are cut; more query terms than this are ignored
MAX_TERM_LEN = 40
MAX_QUERY_TERMS = 12


def _regions(word: str) -> tuple[int, int]:
    """R1 and R2 start positions (Snowball definition; R1 begins at 3 at the earliest)."""

    def after_vc(start: int) -> int:
        for i in range(start + 1, len(word)):
            if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
                return i + 1
        return len(word)

    r1 = after_vc(0)
    r2 = after_vc(r1) if r1 < len(word) else len(word)
    return max(r1, 3), r2


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """German stem of one word, following the Snowball German algorithm's steps.

    Lower-cases, folds ß to ss and umlauts to their base vowels, and strips
    inflectional and a few derivational endings inside the R1/R2 regions.
    """
    w = word.lower().replace("ß", "ss")
    if len(w) < 3 or not w.isalpha():
        return w.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    # u and y between vowels act as consonants: mark them upper-case while stemming
    chars = list(w)
    for i in range(1, len(chars) - 1):
        if chars[i] in "uy" and chars[i - 1] in _VOWELS and chars[i + 1] in _VOWELS:
            chars[i] = chars[i].upper()
    w = "".join(chars)
    r1, r2 = _regions(w)

    # step 1
    for suf in ("ern", "em", "er"):
        if w.endswith(suf):
            if len(w) - len(suf) >= r1:
                w = w[: -len(suf)]
            break
    else:
        for suf in ("en", "es", "e"):
            if w.endswith(suf):
                if len(w) - len(suf) >= r1:
                    w = w[: -len(suf)]
                    if w.endswith("niss"):
                        w = w[:-1]
                break
        else:
            if w.endswith("s") and len(w) - 1 >= r1 and len(w) >= 2 and w[-2] in _S_ENDING:
                w = w[:-1]

    # step 2
    for suf in ("est", "en", "er"):
        if w.endswith(suf):
            if len(w) - len(suf) >= r1:
                w = w[: -len(suf)]
            break
    else:
        if w.endswith("st") and len(w) - 2 >= r1 and len(w) >= 6 and w[-3] in _ST_ENDING:
            w = w[:-2]

    # step 3: derivational suffixes
    def in_r2(n: int) -> bool:
        return len(w) - n >= r2

    def in_r1(n: int) -> bool:
        return len(w) - n >= r1

    if w.endswith(("end", "ung")) and in_r2(3):
        w = w[:-3]
        if w.endswith("ig") and in_r2(2) and not w.endswith("eig"):
            w = w[:-2]
    elif w.endswith(("isch",)) and in_r2(4) and not w.endswith("eisch"):
        w = w[:-4]
    elif w.endswith(("ig", "ik")) and in_r2(2) and not w.endswith(("eig", "eik")):
        w = w[:-2]
    elif w.endswith(("lich", "heit")) and in_r2(4):
        w = w[:-4]
        if w.endswith(("er", "en")) and in_r1(2):
            w = w[:-2]
    elif w.endswith("keit") and in_r2(4):
        w = w[:-4]
        if w.endswith("lich") and in_r2(4):
            w = w[:-4]
        elif w.endswith("ig") and in_r2(2):
            w = w[:-2]

    return w.replace("U", "u").replace("Y", "y").replace("ä", "a").replace("ö", "o").replace("ü", "u")


_PART = re.compile(r"[^\W_]+", re.UNICODE)


def terms(text: str) -> list[str]:
    """Stemmed search terms of a text (words split at hyphens and apostrophes, so compound parts match)."""
    return [stem(w) for w in _PART.findall(text) if len(w) <= MAX_TERM_LEN]


class SearchIndex:
    """BM25 index over the articles of a :class:`~lagebild.store.Store`, held in memory.

    Postings sit in compressed-sparse-row numpy arrays (per term: document numbers and term
    frequencies, sorted by term), plus a small dict for articles added after the build. A query
    touches only the postings of its own terms, so it costs milliseconds on tens of thousands of
    articles. Each distinct word form is stemmed once per index.
    """

    def __init__(self, store: Any):
        self.store = store
        self._lock = threading.Lock()
        self._built = False
        self.doc_ids: list[str] = []
        self._doc_no: dict[str, int] = {}
        self._doc_len: list[int] = []
        self._word_tid: dict[str, int] = {}  # word form -> term id (-1: ignored)
        self._term_id: dict[str, int] = {}  # stem -> term id
        self._offsets: Any = None  # CSR row pointer per term id
        self._docs: Any = None
        self._tfs: Any = None
        self._delta: dict[int, list[tuple[int, int]]] = {}

    @property
    def built(self) -> bool:
        return self._built

    def __len__(self) -> int:
        return len(self.doc_ids)

    def _tids(self, text: str) -> Any:
        import numpy as np

        words = _PART.findall(text)
        wt = self._word_tid
        for w in set(words).difference(wt):
            if len(w) > MAX_TERM_LEN:
                wt[w] = -1
            else:
                wt[w] = self._term_id.setdefault(stem(w), len(self._term_id))
        tids = np.fromiter(map(wt.__getitem__, words), dtype=np.int32, count=len(words))
        return tids[tids >= 0]

    def ensure_built(self) -> None:
        if self._built:
            return
        import numpy as np

        with self._lock:
            if self._built:
                return
            t0 = time.perf_counter()
            cur = self.store.cursor()
            cur.execute("SELECT id, COALESCE(title, ''), text FROM articles")
            parts_t, parts_d, parts_f = [], [], []
            while True:
                rows = cur.fetchmany(1000)
                if not rows:
                    break
                for aid, title, text in rows:
                    counted = self._register(aid, title, text)
                    if counted is None:
                        continue
                    no, u, c = counted
                    parts_t.append(u)
                    parts_d.append(np.full(len(u), no, dtype=np.int32))
                    parts_f.append(c.astype(np.int32))
            t = np.concatenate(parts_t) if parts_t else np.zeros(0, np.int32)
            order = np.argsort(t, kind="stable")  # stable: documents stay in order within a term
            self._docs = (np.concatenate(parts_d) if parts_d else np.zeros(0, np.int32))[order]
            self._tfs = (np.concatenate(parts_f) if parts_f else np.zeros(0, np.int32))[order]
            counts = np.bincount(t, minlength=len(self._term_id))
            self._offsets = np.concatenate([[0], np.cumsum(counts)])
            self._built = True
            log.info("search index: %d articles, %d terms in %.1fs", len(self.doc_ids), len(self._term_id),
                     time.perf_counter() - t0)

    def _register(self, aid: str, title: str | None, text: str) -> tuple[int, Any, Any] | None:
        """Give a new article its number and length; its term ids and counts, or None if already indexed."""
        import numpy as np

        if aid in self._doc_no:
            return None
        no = len(self.doc_ids)
        self.doc_ids.append(aid)
        self._doc_no[aid] = no
        tids = self._tids(f"{title or ''}\n{text}")
        self._doc_len.append(len(tids))
        u, c = np.unique(tids, return_counts=True)
        return no, u, c

    def add(self, rows: Iterable[tuple[str, str | None, str]]) -> None:
        """Index (id, title, text) rows added after the build; already-indexed ids are skipped."""
        if not self._built:
            return  # the first search builds everything from the store anyway

        with self._lock:
            for aid, title, text in rows:
                counted = self._register(aid, title, text)
                if counted is None:
                    continue
                no, u, c = counted
                for tid, tf in zip(u.tolist(), c.tolist(), strict=True):
                    self._delta.setdefault(tid, []).append((no, tf))

    def _postings_of(self, tid: int) -> tuple[Any, Any]:
        import numpy as np

        if tid < len(self._offsets) - 1:
            a, b = self._offsets[tid], self._offsets[tid + 1]
            docs, tfs = self._docs[a:b], self._tfs[a:b]
        else:
            docs, tfs = np.zeros(0, np.int32), np.zeros(0, np.int32)
        extra = self._delta.get(tid)
        if extra:
            docs = np.concatenate([docs, np.array([d for d, _ in extra], np.int32)])
            tfs = np.concatenate([tfs, np.array([f for _, f in extra], np.int32)])
        return docs, tfs.astype(np.float32)

    def search(self, query: str, *, limit: int = 1000) -> list[tuple[str, float]]:
        """(article id, BM25 score) pairs, best first; every query term must match (AND)."""
        return self.search_count(query, limit=limit)[0]

    def search_count(self, query: str, *, limit: int = 1000) -> tuple[list[tuple[str, float]], int]:
        """Like :meth:`search`, plus the number of all matching articles."""
        import numpy as np

        q_terms = list(dict.fromkeys(terms(query)))[:MAX_QUERY_TERMS]
        if not q_terms:
            return [], 0
        self.ensure_built()
        with self._lock:
            n_docs = len(self.doc_ids)
            tids = [self._term_id.get(t) for t in q_terms]
            if n_docs == 0 or any(t is None for t in tids):
                return [], 0
            lens = np.asarray(self._doc_len, dtype=np.float32)
            plists = [self._postings_of(t) for t in tids if t is not None]  # none is None (checked above)
            doc_ids = self.doc_ids
        avg = float(lens.mean()) or 1.0
        scores = np.zeros(n_docs, dtype=np.float32)
        matched = np.zeros(n_docs, dtype=np.int16)
        for docs, tf in plists:
            if not len(docs):
                return [], 0
            df = len(docs)
            idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
            scores[docs] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lens[docs] / avg))
            matched[docs] += 1
        hits = np.flatnonzero(matched == len(plists))
        total = len(hits)
        if total > limit:
            hits = hits[np.argpartition(-scores[hits], limit - 1)[:limit]]
        # best first; ties by article id so pages are stable
        order = sorted(hits.tolist(), key=lambda i: (-float(scores[i]), doc_ids[i]))
        return [(doc_ids[i], float(scores[i])) for i in order], total

    def close(self) -> None:
        self._delta.clear()


def snippet(text: str, query: str, width: int = 220) -> dict[str, Any]:
    """A window of ``text`` around the first word matching a query term, with its offsets."""
    wanted = set(terms(query))
    hit = None
    for m in _WORD.finditer(text):
        if any(stem(p) in wanted for p in m.group(0).replace("'", "").split("-") if p):
            hit = m
            break
    if hit is None:
        return {"text": text[:width], "start": 0, "end": min(len(text), width), "match_start": None,
                "match_end": None}
    start = max(0, hit.start() - width // 3)
    sp = text.rfind(" ", 0, start) if start else -1
    start = sp + 1 if sp >= 0 and hit.start() - sp < width // 2 else start
    end = min(len(text), start + width)
    return {"text": text[start:end], "start": start, "end": end, "match_start": hit.start(),
            "match_end": hit.end()}
