"""The ingest runner keeps the provenance promise: a doc whose spans don't index its text is not stored."""

from __future__ import annotations

from pathlib import Path

import lagebild
from lagebild.doc import Doc
from lagebild.errors import ProvenanceError
from lagebild.ingest import read_paths
from lagebild.runner import ingest
from lagebild.store import Store


class ShiftFirstEntity:
    """A stage with the kind of bug the check exists for: it moves one span off its text (articles on Homs only)."""

    name = "shift_first_entity"
    requires = ("tokens", "sentences")
    assigns = ()

    def __call__(self, doc: Doc) -> Doc:
        if "Homs" in doc.text and doc.entities:
            doc.entities[0].start += 1
        return doc


def test_runner_ingest_records_provenance_failure_and_stores_the_rest(samples_dir: Path, tmp_path: Path) -> None:
    analyzer = lagebild.load("fast")
    analyzer.pipeline.stages.append(ShiftFirstEntity())
    jsonl = samples_dir / "wikinews_de.jsonl"
    n_homs = sum("Homs" in line for line in jsonl.read_text(encoding="utf-8").splitlines())
    assert 0 < n_homs < 10  # the sample must hold both kinds of article
    store = Store(tmp_path / "t.duckdb")
    try:
        stats = ingest(read_paths([str(jsonl)]), analyzer, store)
        assert stats.failed == n_homs and stats.new == 10 - n_homs
        assert {f["code"] for f in stats.failures} == {ProvenanceError.code}
        assert "do not index the article text" in stats.failures[0]["message"]
        rows = store.con.execute("SELECT code, message FROM failures").fetchall()
        assert len(rows) == n_homs and all(code == ProvenanceError.code for code, _ in rows)
        stored = store.con.execute("SELECT text FROM articles").fetchall()
        assert len(stored) == 10 - n_homs and not any("Homs" in t for (t,) in stored)
    finally:
        store.close()


def test_runner_ingest_stores_every_sample_without_the_bug(samples_dir: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    try:
        stats = ingest(read_paths([str(samples_dir / "wikinews_de.jsonl")]), lagebild.load("fast"), store)
        assert (stats.new, stats.failed) == (10, 0)
    finally:
        store.close()
