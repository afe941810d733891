"""Full-text search over stored articles with German stemming (BM25).

DuckDB's ``fts`` extension is not available for the DuckDB version we pin, so
this module carries its own pieces: a German Snowball-style stemmer, a
tokenizer, and an inverted index kept in an in-memory DuckDB database
(``postings(term, article_id, tf)``, ``docs(article_id, len)``) built from the
store on first use. Building it needs no write access to the article
database, so a read-only server can search too; articles added later through
the API are indexed incrementally with :meth:`SearchIndex.add`.

Ranking is Okapi BM25 over title + text; a query term matches every word with
the same stem ("Angriffe" finds "Angriff", "angegriffen" does not).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections import Counter
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


def terms(text: str) -> list[str]:
    """Stemmed search terms of a text (words split at hyphens too, so parts of compounds match)."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        parts = word.split("-") if "-" in word else (word,)
        for p in parts:
            p = p.replace("'", "")
            if p and len(p) <= MAX_TERM_LEN:
                out.append(stem(p))
    return out


class SearchIndex:
    """BM25 index over the articles of a :class:`~lagebild.store.Store`, held in memory."""

    def __init__(self, store: Any):
        import duckdb

        self.store = store
        self.con = duckdb.connect(":memory:")
        self._lock = threading.Lock()
        self._built = False
        self.con.execute("CREATE TABLE postings (term VARCHAR, article_id VARCHAR, tf INTEGER)")
        self.con.execute("CREATE TABLE docs (article_id VARCHAR PRIMARY KEY, len INTEGER)")

    @property
    def built(self) -> bool:
        return self._built

    def ensure_built(self) -> None:
        if self._built:
            return
        with self._lock:
            if self._built:
                return
            t0 = time.perf_counter()
            cur = self.store.cursor()
            cur.execute("SELECT id, COALESCE(title, ''), text FROM articles")
            n = 0
            while True:
                rows = cur.fetchmany(500)
                if not rows:
                    break
                self._insert(rows)
                n += len(rows)
            self._built = True
            log.info("search index: %d articles in %.1fs", n, time.perf_counter() - t0)

    def add(self, rows: Iterable[tuple[str, str | None, str]]) -> None:
        """Index (id, title, text) rows; already-indexed ids are skipped."""
        if not self._built:
            return  # the first search builds everything from the store anyway
        with self._lock:
            rows = list(rows)
            ids = [r[0] for r in rows]
            known = {r[0] for r in self.con.execute(
                "SELECT article_id FROM docs WHERE article_id IN (SELECT UNNEST(?))", [ids]).fetchall()}
            self._insert([r for r in rows if r[0] not in known])

    def _insert(self, rows: list[tuple[str, str | None, str]]) -> None:
        import pyarrow as pa

        p_term, p_id, p_tf, d_id, d_len = [], [], [], [], []
        for aid, title, text in rows:
            toks = terms(f"{title or ''}\n{text}")
            d_id.append(aid)
            d_len.append(len(toks))
            for t, c in Counter(toks).items():
                p_term.append(t)
                p_id.append(aid)
                p_tf.append(c)
        if not d_id:
            return
        postings = pa.table({"term": pa.array(p_term, pa.string()), "article_id": pa.array(p_id, pa.string()),
                             "tf": pa.array(p_tf, pa.int32())})
        docs = pa.table({"article_id": pa.array(d_id, pa.string()), "len": pa.array(d_len, pa.int32())})
        self.con.register("_p", postings)
        self.con.register("_d", docs)
        try:
            self.con.execute("INSERT INTO postings SELECT * FROM _p")
            self.con.execute("INSERT INTO docs SELECT * FROM _d")
        finally:
            self.con.unregister("_p")
            self.con.unregister("_d")

    def search(self, query: str, *, limit: int = 1000) -> list[tuple[str, float]]:
        """(article id, BM25 score) pairs, best first; every query term must match (AND)."""
        q_terms = list(dict.fromkeys(terms(query)))[:MAX_QUERY_TERMS]
        if not q_terms:
            return []
        self.ensure_built()
        cur = self.con.cursor()
        rows = cur.execute(
            """
            WITH stats AS (SELECT COUNT(*) AS n, AVG(len) AS avglen FROM docs),
            q AS (SELECT UNNEST(?) AS term),
            df AS (SELECT p.term, COUNT(*) AS df FROM postings p JOIN q USING (term) GROUP BY p.term),
            scored AS (
              SELECT p.article_id,
                     SUM(LN(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
                         * p.tf * (? + 1) / (p.tf + ? * (1 - ? + ? * d.len / stats.avglen))) AS score,
                     COUNT(DISTINCT p.term) AS matched
              FROM postings p JOIN df USING (term) JOIN docs d USING (article_id), stats
              GROUP BY p.article_id)
            SELECT article_id, score FROM scored WHERE matched = ? ORDER BY score DESC, article_id LIMIT ?
            """,
            [q_terms, K1, K1, B, B, len(q_terms), limit]).fetchall()
        return [(r[0], float(r[1])) for r in rows]

    def close(self) -> None:
        self.con.close()


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
