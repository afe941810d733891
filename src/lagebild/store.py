"""DuckDB store: one embedded file, one table per record type.

Layer tables keep a few typed columns for filtering plus the full record as
JSON in ``data``, so stages can add fields without a migration. An article's
id is the hash of its stored text: writing the same content twice is a no-op,
and one batch is one transaction (a crash leaves the batch out entirely, never
half an article). ``schema_version`` in ``meta`` guards future migrations.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .doc import LAYERS, SCHEMA_VERSION, Doc
from .errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_DB = "lagebild.duckdb"

#: layer -> typed columns (name, SQL type) copied out of each record for filtering
LAYER_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "entities": [("label", "VARCHAR"), ("entity", "VARCHAR"), ("canonical", "VARCHAR"), ("qid", "VARCHAR"),
                 ("actor_code", "VARCHAR"), ("country", "VARCHAR")],
    "places": [("name", "VARCHAR"), ("geonameid", "BIGINT"), ("country_iso2", "VARCHAR"),
               ("country_iso3", "VARCHAR"), ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
               ("feature_type", "VARCHAR"), ("confidence", "DOUBLE")],
    "spatial_claims": [("holds", "BOOLEAN")],
    "times": [("type", "VARCHAR"), ("value", "VARCHAR"), ("granularity", "VARCHAR"), ("begin", "VARCHAR"),
              ("end_date", "VARCHAR")],
    "quantities": [("value", "DOUBLE"), ("qualifier", "VARCHAR"), ("category", "VARCHAR"),
                   ("gkg_type", "VARCHAR")],
    "quotes": [("kind", "VARCHAR"), ("speaker", "VARCHAR"), ("speaker_entity", "VARCHAR")],
    "events": [("type", "VARCHAR"), ("mode", "VARCHAR"), ("cameo", "VARCHAR"), ("date", "VARCHAR"),
               ("source_codes", "VARCHAR"), ("target_codes", "VARCHAR"), ("place_name", "VARCHAR"),
               ("country_iso3", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("negated", "BOOLEAN"),
               ("hypothetical", "BOOLEAN"), ("reported", "BOOLEAN"), ("event_key", "VARCHAR")],
}

ARTICLE_COLUMNS: list[tuple[str, str]] = [
    ("id", "VARCHAR PRIMARY KEY"), ("url", "VARCHAR"), ("site", "VARCHAR"), ("title", "VARCHAR"),
    ("author", "VARCHAR"), ("published", "VARCHAR"), ("published_date", "DATE"), ("language", "VARCHAR"),
    ("source_format", "VARCHAR"), ("source_name", "VARCHAR"), ("text", "VARCHAR"), ("n_chars", "INTEGER"),
    ("removed", "JSON"), ("summary", "JSON"), ("stages", "JSON"), ("mode", "VARCHAR"),
    ("cluster_id", "VARCHAR"), ("ingested_at", "TIMESTAMP"),
]


#: near-duplicate copies (filled by :mod:`lagebild.dedup`); each points at its earliest original
DUPLICATES_SQL = ("CREATE TABLE IF NOT EXISTS article_duplicates (article_id VARCHAR PRIMARY KEY, "
                  "duplicate_of VARCHAR NOT NULL, similarity DOUBLE)")
#: every event once: without the events of near-duplicates and, inside a story cluster, once per event key
EVENTS_UNIQUE_SQL = """
CREATE OR REPLACE VIEW events_unique AS
SELECT e.* FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN article_duplicates d ON d.article_id = e.article_id
WHERE d.article_id IS NULL
QUALIFY row_number() OVER (
    PARTITION BY COALESCE(a.cluster_id, a.id), COALESCE(e.event_key, e.article_id || ':' || CAST(e.idx AS VARCHAR))
    ORDER BY a.published_date NULLS LAST, e.article_id, e.idx) = 1
"""


def _event_extra(r: dict[str, Any]) -> dict[str, Any]:
    place = r.get("place") or {}
    return {
        "source_codes": ";".join(a.get("code") or a.get("text", "") for a in r.get("sources") or []),
        "target_codes": ";".join(a.get("code") or a.get("text", "") for a in r.get("targets") or []),
        "place_name": place.get("name") or place.get("text"),
        "country_iso3": place.get("country_iso3"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
    }


def _published_date(value: str | None) -> str | None:
    if not value or len(value) < 10 or value[4] != "-":
        return None
    try:  # an impossible date would make DuckDB refuse the whole batch
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


class Store:
    """A DuckDB file holding articles and every annotation layer."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        import duckdb

        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        try:
            if read_only and not Path(self.path).exists():
                raise StoreError(f"database {self.path} does not exist", source=self.path)
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database: {exc}", source=self.path) from exc
        if not read_only:
            self._create()
        self._check_version()
        if read_only:
            self._upgrade_read_only()

    def _upgrade_read_only(self) -> None:
        """A database written before the store created the dedup tables: add them once (briefly writable)."""
        import duckdb

        found = self.con.execute("SELECT COUNT(*) FROM duckdb_tables() WHERE table_name = 'article_duplicates'"
                                 ).fetchone()
        if found and found[0]:
            return
        self.con.close()
        try:
            con = duckdb.connect(self.path)
            try:
                con.execute(DUPLICATES_SQL)
                con.execute(EVENTS_UNIQUE_SQL)
            finally:
                con.close()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} needs a schema upgrade (the dedup tables) and cannot be opened for "
                             f"writing now: {exc}. Open it once with `lagebild dedup --db {self.path}`.",
                             source=self.path) from exc
        self.con = duckdb.connect(self.path, read_only=True)

    # -- schema --------------------------------------------------------------------------------------
    def _create(self) -> None:
        with self.transaction():
            self._create_tables()

    def _create_tables(self) -> None:
        con = self.con
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        cols = ", ".join(f'"{n}" {t}' for n, t in ARTICLE_COLUMNS)
        con.execute(f"CREATE TABLE IF NOT EXISTS articles ({cols})")
        for layer, extra in LAYER_COLUMNS.items():
            extra_sql = "".join(f', "{n}" {t}' for n, t in extra)
            con.execute(
                f"CREATE TABLE IF NOT EXISTS {layer} (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, "
                f'"start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR{extra_sql}, data JSON, '
                f"PRIMARY KEY (article_id, idx))")
        con.execute("CREATE TABLE IF NOT EXISTS failures (source_name VARCHAR, code VARCHAR, error VARCHAR, "
                    "message VARCHAR, batch_id VARCHAR, failed_at TIMESTAMP)")
        con.execute("CREATE TABLE IF NOT EXISTS batches (batch_id VARCHAR PRIMARY KEY, started TIMESTAMP, "
                    "finished TIMESTAMP, n_new INTEGER, n_existing INTEGER, n_failed INTEGER, mode VARCHAR)")
        con.execute(DUPLICATES_SQL)
        con.execute(EVENTS_UNIQUE_SQL)
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except Exception as exc:
            raise StoreError(f"{self.path} is not a lagebild database ({exc})", source=self.path) from exc
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise StoreError(f"database schema version {found}, this lagebild needs {SCHEMA_VERSION}",
                             source=self.path)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def cursor(self) -> Any:
        """A per-thread cursor (DuckDB connections are not shared across threads)."""
        return self.con.cursor()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")

    # -- writing -------------------------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT UNNEST(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, docs: list[Doc] | list[dict[str, Any]], *, failures: Iterable[dict[str, Any]] = (),
                    batch_id: str | None = None, mode: str | None = None, replace: bool = False) -> dict[str, int]:
        """Write analysed docs (Doc objects or ``Doc.to_dict()`` dicts) in one transaction.

        Articles already stored (same content id) are skipped unless ``replace``.
        Returns counts of new, existing and failed items.
        """
        records = [d.to_dict() if isinstance(d, Doc) else d for d in docs]
        # the same content twice inside one batch counts once
        unique: dict[str, dict[str, Any]] = {}
        for r in records:
            unique.setdefault(r["article"]["id"], r)
        failures = list(failures)
        now = datetime.now(UTC).replace(tzinfo=None)
        with self.transaction() as con:
            existing = self.existing_ids(unique)
            if replace and existing:
                # the same text keeps its story cluster (near-duplicate rows stay too): re-analysing must not
                # leave article_duplicates pointing into clusters that no longer exist
                clusters = dict(con.execute("SELECT id, cluster_id FROM articles WHERE cluster_id IS NOT NULL "
                                            "AND id IN (SELECT UNNEST(?))", [list(existing)]).fetchall())
                for aid, cid in clusters.items():
                    if unique[aid].get("cluster_id") is None:
                        unique[aid] = {**unique[aid], "cluster_id": cid}
                for table in ("articles", *LAYER_COLUMNS):
                    key = "id" if table == "articles" else "article_id"
                    con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT UNNEST(?))", [list(existing)])
                existing = set()
            new = [r for aid, r in unique.items() if aid not in existing]
            if new:
                self._insert_articles(con, new, now, mode)
                for layer in LAYER_COLUMNS:
                    self._insert_layer(con, layer, new)
            # a failure row says what the latest attempt at an input gave: a rerun replaces it, a success
            # clears it, so re-running a batch never counts one bad file twice
            retried = {str(n) for n in [*(f.get("source_name") for f in failures),
                                        *(r["article"].get("source_name") for r in new)] if n}
            if retried:
                con.execute("DELETE FROM failures WHERE source_name IN (SELECT UNNEST(?))", [sorted(retried)])
            if failures:
                con.executemany(
                    "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)",
                    [[f.get("source_name"), f.get("code"), f.get("error"), f.get("message"), batch_id, now]
                     for f in failures])
            if batch_id:
                con.execute("INSERT OR REPLACE INTO batches VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [batch_id, now, datetime.now(UTC).replace(tzinfo=None), len(new),
                             len(unique) - len(new), len(failures), mode])
        # a copy inside the same batch counts as already stored, like a copy from an earlier batch
        return {"new": len(new), "existing": len(records) - len(new), "failed": len(failures)}

    def _insert_articles(self, con: Any, recs: list[dict[str, Any]], now: datetime, mode: str | None) -> None:
        rows = []
        for r in recs:
            a = r["article"]
            rows.append([
                a["id"], a.get("url"), a.get("site"), a.get("title"), a.get("author"), a.get("published"),
                _published_date(a.get("published")), a.get("language"), a.get("source_format"),
                a.get("source_name"), a["text"], len(a["text"]), json.dumps(a.get("removed") or [], ensure_ascii=False),
                json.dumps(r.get("summary") or {}, ensure_ascii=False),
                json.dumps(r.get("stages") or {}), mode, r.get("cluster_id"), now,
            ])
        marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
        con.executemany(f"INSERT INTO articles VALUES ({marks})", rows)

    def _insert_layer(self, con: Any, layer: str, recs: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        extra = LAYER_COLUMNS[layer]
        cols: dict[str, list[Any]] = {"article_id": [], "idx": [], "start": [], "end": [], "text": []}
        for n, _ in extra:
            cols[n] = []
        cols["data"] = []
        for r in recs:
            aid = r["article"]["id"]
            for i, item in enumerate(r.get(layer) or []):
                ext = _event_extra(item) if layer == "events" else {}
                cols["article_id"].append(aid)
                cols["idx"].append(i)
                cols["start"].append(item["start"])
                cols["end"].append(item["end"])
                cols["text"].append(item.get("text"))
                for n, _ in extra:
                    cols[n].append(ext[n] if n in ext else item.get(n))
                cols["data"].append(json.dumps(item, ensure_ascii=False))
        if not cols["idx"]:
            return
        types = {"article_id": pa.string(), "idx": pa.int32(), "start": pa.int32(), "end": pa.int32(),
                 "text": pa.string(), "data": pa.string()}
        sql_to_pa = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}
        for n, t in extra:
            types[n] = sql_to_pa[t]
        table = pa.table({k: pa.array(v, type=types[k]) for k, v in cols.items()})
        con.register("_layer_rows", table)
        try:
            con.execute(f"INSERT INTO {layer} SELECT * FROM _layer_rows")
        finally:
            con.unregister("_layer_rows")

    def record_failures(self, failures: Iterable[dict[str, Any]], batch_id: str | None = None) -> None:
        self.write_batch([], failures=failures, batch_id=batch_id)

    # -- reading -------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", *LAYER_COLUMNS, "failures"):
            out[table] = self.cursor().execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        return out

    def get_doc(self, article_id: str) -> dict[str, Any] | None:
        docs = list(self.iter_docs(ids=[article_id]))
        return docs[0] if docs else None

    def iter_docs(self, *, ids: list[str] | None = None, since: str | None = None, until: str | None = None,
                  language: str | None = None, batch_size: int = 200) -> Iterator[dict[str, Any]]:
        """Stored articles in the ``Doc.to_dict()`` shape, ordered by publication date then id."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if ids is not None:
            where.append("id IN (SELECT UNNEST(?))")
            params.append(list(ids))
        if since:
            where.append("published_date >= CAST(? AS DATE)")
            params.append(since)
        if until:
            where.append("published_date <= CAST(? AS DATE)")
            params.append(until)
        if language:
            where.append("language = ?")
            params.append(language)
        cur = self.cursor()
        cur.execute(f"SELECT id FROM articles WHERE {' AND '.join(where)} ORDER BY published_date NULLS LAST, id",
                    params)
        all_ids = [r[0] for r in cur.fetchall()]
        for i in range(0, len(all_ids), batch_size):
            chunk = all_ids[i : i + batch_size]
            yield from self._load_docs(chunk)

    def _load_docs(self, ids: list[str]) -> Iterator[dict[str, Any]]:
        cur = self.cursor()
        names = [n for n, _ in ARTICLE_COLUMNS]
        rows = cur.execute(f"SELECT {', '.join(chr(34) + n + chr(34) for n in names)} FROM articles "
                           "WHERE id IN (SELECT UNNEST(?))", [ids]).fetchall()
        arts = {r[0]: dict(zip(names, r, strict=True)) for r in rows}
        copies = dict(cur.execute("SELECT article_id, duplicate_of FROM article_duplicates "
                                  "WHERE article_id IN (SELECT UNNEST(?))", [ids]).fetchall())
        layers: dict[str, dict[str, list[Any]]] = {layer: {} for layer in LAYER_COLUMNS}
        for layer in LAYER_COLUMNS:
            for aid, data in cur.execute(f"SELECT article_id, data FROM {layer} WHERE article_id IN "
                                         "(SELECT UNNEST(?)) ORDER BY article_id, idx", [ids]).fetchall():
                layers[layer].setdefault(aid, []).append(json.loads(data))
        for aid in ids:
            a = arts.get(aid)
            if a is None:
                continue
            article = {k: a[k] for k in ("id", "text", "url", "site", "title", "author", "published", "language",
                                         "source_format", "source_name")}
            article["removed"] = json.loads(a["removed"] or "[]")
            out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "article": article}
            for layer in LAYERS:
                out[layer] = layers.get(layer, {}).get(aid, [])
            out["summary"] = json.loads(a["summary"] or "{}")
            out["stages"] = json.loads(a["stages"] or "{}")
            out["cluster_id"] = a["cluster_id"]
            out["duplicate_of"] = copies.get(aid)
            yield out

    def query(self, sql: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = self.cursor()
        cur.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return cols, cur.fetchall()
