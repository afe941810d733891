from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import lagebild
from lagebild.errors import StoreError
from lagebild.ingest import read_paths
from lagebild.runner import ingest
from lagebild.store import Store


@pytest.fixture(scope="module")
def analyzer():
    return lagebild.load("fast")


def test_store_round_trip_keeps_offsets(tmp_path: Path, analyzer, homs_text: str) -> None:
    doc = analyzer.analyze(homs_text, published="2011-05-11")
    with Store(tmp_path / "a.duckdb") as store:
        counts = store.write_batch([doc])
        assert counts == {"new": 1, "existing": 0, "failed": 0}
        back = store.get_doc(doc.article.id)
    assert back["article"]["text"] == doc.article.text
    original = doc.to_dict()
    for layer in ("entities", "places", "times", "quantities", "quotes", "events"):
        assert back[layer] == original[layer]
        for r in back[layer]:
            assert back["article"]["text"][r["start"]:r["end"]] == r["text"]


def test_store_ingest_twice_changes_nothing(tmp_path: Path, analyzer, samples_dir) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        first = ingest(read_paths([str(samples_dir)]), analyzer, store)
        counts1 = store.counts()
        second = ingest(read_paths([str(samples_dir)]), analyzer, store)
        counts2 = store.counts()
    assert first.new == 12 and first.failed == 0
    assert second.new == 0 and second.existing == second.seen
    assert {k: v for k, v in counts1.items()} == counts2


def test_store_corrupt_file_reported_and_rest_ingested(tmp_path: Path, analyzer, samples_dir) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("wikinews-68080.txt", "wikinews-43568.txt"):
        (folder / name).write_bytes((samples_dir / "text" / name).read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\xff\xfe\x00" * 500)
    with Store(tmp_path / "c.duckdb") as store:
        stats = ingest(read_paths([str(folder)]), analyzer, store)
        assert stats.new == 2 and stats.failed == 1
        _, rows = store.query("SELECT source_name, code FROM failures")
    assert rows[0][0].endswith("broken.txt") and rows[0][1] == "E102"


def test_store_batch_is_one_transaction(tmp_path: Path, analyzer, homs_text: str) -> None:
    good = analyzer.analyze(homs_text).to_dict()
    bad = analyzer.analyze(homs_text + " Zusatz.").to_dict()
    bad["entities"] = [{"start": None, "end": 1, "text": "x"}]  # violates NOT NULL
    with Store(tmp_path / "t.duckdb") as store:
        with pytest.raises(duckdb.Error):
            store.write_batch([good, bad])
        assert store.counts()["articles"] == 0


def test_store_refuses_foreign_database(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE x (a INT)")
    con.close()
    with pytest.raises(StoreError, match="not a lagebild database"):
        Store(path, read_only=True)


def test_store_read_only_database_without_dedup_tables(tmp_path: Path) -> None:
    # a database written before the store created the dedup tables, opened read-only (as `serve` does)
    path = tmp_path / "old.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW events_unique")
    con.execute("DROP TABLE article_duplicates")
    con.close()
    with Store(path, read_only=True) as store:  # upgraded once, then read-only as asked
        assert store.query("SELECT COUNT(*) FROM events_unique")[1] == [(0,)]
        assert store.query("SELECT COUNT(*) FROM article_duplicates")[1] == [(0,)]
        with pytest.raises(duckdb.Error):
            store.con.execute("DELETE FROM articles")


def test_store_rerun_keeps_one_failure_row_per_input(tmp_path: Path, analyzer, samples_dir) -> None:
    """Re-running the same batch added every failure again (stats showed 20 failures for 10 bad files); a file
    that later succeeds kept its stale failure row."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wikinews-43568.txt").write_bytes((samples_dir / "text" / "wikinews-43568.txt").read_bytes())
    (folder / "leer.txt").write_bytes(b"")
    fixed_later = folder / "wikinews-68080.txt"
    fixed_later.write_bytes(b"\x00\xff\xfe\x00" * 200)
    with Store(tmp_path / "r.duckdb") as store:
        first = ingest(read_paths([str(folder)]), analyzer, store)
        counts1 = store.counts()
        second = ingest(read_paths([str(folder)]), analyzer, store)
        counts2 = store.counts()
        assert (first.failed, second.failed) == (2, 2)
        assert counts1 == counts2 and counts2["failures"] == 2
        fixed_later.write_bytes((samples_dir / "text" / "wikinews-68080.txt").read_bytes())
        third = ingest(read_paths([str(folder)]), analyzer, store)
        _, rows = store.query("SELECT source_name, code FROM failures")
    assert third.new == 1
    assert rows == [(str(folder / "leer.txt"), "E101")]


def test_store_impossible_publication_date_does_not_sink_the_batch(tmp_path: Path, analyzer, samples_dir) -> None:
    """Found by hands-on testing: one JSONL line with "date": "2011-13-45" ended `lagebild ingest` with a DuckDB
    ConversionException (exit 1) and nothing of the batch was stored."""
    import json

    texts = [(samples_dir / "text" / n).read_text(encoding="utf-8")
             for n in ("wikinews-43568.txt", "wikinews-68080.txt", "wikinews-74940.txt")]
    crawl = tmp_path / "feed.jsonl"
    crawl.write_text("\n".join(json.dumps({"text": t, "date": d}, ensure_ascii=False) for t, d in
                               zip(texts, ["2011-13-45", "31.02.2011", "Wed, 11 May 2011 09:30:00 +0200"],
                                   strict=True)) + "\n", encoding="utf-8")
    with Store(tmp_path / "d.duckdb") as store:
        stats = ingest(read_paths([str(crawl)]), analyzer, store)
        _, rows = store.query("SELECT source_name, published, published_date FROM articles ORDER BY source_name")
        doc = analyzer.analyze(texts[0])
        doc.article.published = "2011-13-45"  # a caller that skips normalisation: the store still copes
        assert store.write_batch([doc], replace=True)["new"] == 1
    assert stats.new == 3 and stats.failed == 0
    assert [(r[1], str(r[2]) if r[2] else None) for r in rows] == [
        (None, None), (None, None), ("2011-05-11T09:30:00+02:00", "2011-05-11")]


def test_store_replace_reanalyses_each_text_once_and_keeps_its_metadata(tmp_path: Path, analyzer,
                                                                          samples_dir) -> None:
    """`lagebild ingest samples/ --replace` replaced each dated JSONL article with its undated .txt copy read
    later in the run (published, URL and title lost) and wiped the story clusters (cluster_id NULL) while the
    near-duplicate rows stayed."""
    from lagebild.dedup import assign_clusters

    articles = "SELECT id, published, url, title, source_name, cluster_id FROM articles ORDER BY id"
    with Store(tmp_path / "r.duckdb") as store:
        ingest(read_paths([str(samples_dir)]), analyzer, store)
        assign_clusters(store, embeddings=False)
        before, counts_before = store.query(articles)[1], store.counts()
        again = ingest(read_paths([str(samples_dir)]), analyzer, store, replace=True)
        after, counts_after = store.query(articles)[1], store.counts()
        n_copies = store.query("SELECT COUNT(*) FROM article_duplicates")[1][0][0]
    assert again.new == 12 and again.existing == 10 and again.failed == 0
    assert after == before and counts_after == counts_before
    assert n_copies == 2 and all(r[5] for r in after)
