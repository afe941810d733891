from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import lagebild.batch as batch
from lagebild.batch import (
    done_partitions,
    load_parquet,
    main,
    main_load,
    plan_partitions,
    read_partition,
    run_batch,
)
from lagebild.ingest import InputFailure, read_paths
from lagebild.pipeline import STAGES
from lagebild.store import Store

WARC_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "warc_samples_cc0"
#: segment only: these tests are about partitioning, markers and loading, not about the stages
SEGMENT_ONLY = [s for s in STAGES if s != "segment"]


def _key(item) -> tuple:
    return (type(item).__name__, item.source_name, getattr(item, "content", None), getattr(item, "url", None))


@pytest.fixture()
def jsonl(tmp_path: Path, samples_dir: Path) -> Path:
    """25 lines: 23 real articles (Wikinews, renumbered) and two broken lines at 7 and 19."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((samples_dir / "text").glob("*.txt"))]
    lines = []
    for i in range(1, 26):
        if i in (7, 19):
            lines.append("{broken")
        else:
            t = texts[i % len(texts)]
            title, _, rest = t.partition("\n")
            lines.append(json.dumps({"text": f"{title}\n\nMeldung {i} – {rest.strip()}", "date": "2011-05-11"},
                                    ensure_ascii=False))
    p = tmp_path / "crawl.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_batch_partitions_cover_exactly_what_read_paths_reads(jsonl: Path, samples_dir: Path, shared_data) -> None:
    paths = [str(samples_dir), str(jsonl), str(WARC_DIR)]
    plan = plan_partitions(paths, records=4)
    assert plan == plan_partitions(paths, records=4), "plans must be deterministic for resuming"
    assert len({p.pid for p in plan}) == len(plan)
    kinds = Counter(p.kind for p in plan)
    assert kinds["jsonl"] >= 7 and kinds["warc"] >= 3 and kinds["files"] >= 3
    direct = Counter(_key(i) for i in read_paths(paths))
    parted = Counter(_key(i) for p in plan for i in read_partition(p))
    assert parted == direct


def test_batch_jsonl_ranges_keep_file_line_numbers(jsonl: Path) -> None:
    plan = plan_partitions([str(jsonl)], records=5)
    assert [(p.first_line, p.n_records) for p in plan] == [(1, 5), (6, 5), (11, 5), (16, 5), (21, 5)]
    failures = [i.source_name for p in plan for i in read_partition(p) if isinstance(i, InputFailure)]
    assert failures == [f"{jsonl}:7", f"{jsonl}:19"]


def test_batch_resume_skips_done_and_redoes_failed(tmp_path: Path, jsonl: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    real = batch.run_partition
    plan = plan_partitions([str(jsonl)], records=5)
    broken_pid = plan[2].pid

    def flaky(part, *a, **kw):
        if part.pid == broken_pid:
            raise RuntimeError("worker lost")
        return real(part, *a, **kw)

    monkeypatch.setattr(batch, "run_partition", flaky)
    first = run_batch([str(jsonl)], out, workers=0, records=5, disable=SEGMENT_ONLY)
    assert (first.partitions, first.done, first.failed) == (5, 4, 1)
    assert (out / "_failed" / f"{broken_pid}.json").exists()
    assert broken_pid not in done_partitions(out)

    monkeypatch.setattr(batch, "run_partition", real)
    second = run_batch([str(jsonl)], out, workers=0, records=5, disable=SEGMENT_ONLY)
    assert (second.skipped, second.done, second.failed) == (4, 1, 0)
    assert not (out / "_failed" / f"{broken_pid}.json").exists()
    third = run_batch([str(jsonl)], out, workers=0, records=5, disable=SEGMENT_ONLY)
    assert (third.skipped, third.done) == (5, 0)

    stats = [json.loads(p.read_text()) for p in (out / "stats").glob("*.json")]
    assert sum(s["articles"] for s in stats) == 23 and sum(s["failed"] for s in stats) == 2
    assert all(s["peak_rss_mb"] > 0 and "segment" in s["stage_seconds"] for s in stats)


def test_batch_load_is_idempotent_and_ignores_unfinished_partitions(tmp_path: Path, jsonl: Path) -> None:
    out = tmp_path / "out"
    run_batch([str(jsonl)], out, workers=0, records=5, disable=SEGMENT_ONLY)
    # a partition written but never marked done (a crash between files and marker) is not loaded
    stray = out / "articles" / "part-ffffffffffffffff.parquet"
    stray.write_bytes((out / "articles" / f"part-{sorted(done_partitions(out))[0]}.parquet").read_bytes())
    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        first = load_parquet(out, store)
        counts = store.counts()
        again = load_parquet(out, store)
        assert store.counts() == counts
    assert (first.loaded, first.articles, first.failures) == (5, 23, 2)
    assert (again.loaded, again.skipped, again.articles) == (0, 5, 0)
    assert counts["articles"] == 23 and counts["failures"] == 2
    assert main_load([str(out), "--db", str(db), "--json"]) == 0


def test_batch_load_skips_articles_stored_by_ingest(tmp_path: Path, jsonl: Path, samples_dir: Path) -> None:
    import lagebild
    from lagebild.runner import ingest

    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        ingest(read_paths([str(jsonl)]), lagebild.load(disable=SEGMENT_ONLY), store)
        before = store.counts()
    run_batch([str(jsonl), str(samples_dir / "text")], tmp_path / "out", workers=0, records=8,
              disable=SEGMENT_ONLY)
    with Store(db) as store:
        res = load_parquet(tmp_path / "out", store)
        after = store.counts()
    assert res.existing == 23 and res.articles == 10
    assert after["articles"] == before["articles"] + 10


def test_batch_dask_two_workers_match_in_process(tmp_path: Path, jsonl: Path, samples_dir: Path, capsys,
                                                 caplog) -> None:
    """A real LocalCluster (2 processes on 127.0.0.1) with the full fast pipeline gives the same Parquet rows
    as the in-process run, without distributed's INFO chatter (two dozen lines per run before)."""
    paths = [str(jsonl), str(samples_dir / "html")]
    local = run_batch(paths, tmp_path / "a", workers=0, records=6)
    argv = [*paths, "--out", str(tmp_path / "b"), "--workers", "2", "--records", "6", "--json", "--quiet"]
    assert main(argv) == 0
    chatter = [r.getMessage() for r in caplog.records if r.name.startswith("distributed") and r.levelno < 30]
    assert not chatter, chatter[:3]
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["done"] == local.done == summary["partitions"] and summary["articles"] == local.articles
    stats = [json.loads(p.read_text()) for p in (tmp_path / "b" / "stats").glob("*.json")]
    assert len({s["worker_pid"] for s in stats}) == 2, "both workers should have taken partitions"
    for s in stats:  # CPU of the task thread is part of the worker process's CPU
        assert 0 < s["task_cpu_seconds"] <= s["cpu_seconds"] + 0.01 and s["write_seconds"] >= 0
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        load_parquet(tmp_path / "a", a)
        load_parquet(tmp_path / "b", b)
        for q in ("SELECT id, text, source_name FROM articles ORDER BY id",
                  "SELECT article_id, idx, data FROM entities ORDER BY 1, 2",
                  "SELECT article_id, idx, data FROM events ORDER BY 1, 2"):
            assert a.query(q)[1] == b.query(q)[1]
        assert a.counts()["events"] > 0


def test_batch_rejects_stdin_and_bad_options(tmp_path: Path) -> None:
    from lagebild.errors import ConfigError

    with pytest.raises(ConfigError):
        plan_partitions(["-"])
    with pytest.raises(ConfigError):
        plan_partitions([str(tmp_path)], records=0)
    with pytest.raises(ConfigError):
        load_parquet(tmp_path / "nope", None)


def test_batch_tiny_byte_caps_still_cover_every_record(jsonl: Path, shared_data) -> None:
    """Ranges cut at every record (a cap smaller than one record) stream from the file and lose nothing."""
    paths = [str(jsonl), str(WARC_DIR)]
    plan = plan_partitions(paths, records=1000, max_bytes=500)
    assert sum(p.kind == "warc" for p in plan) >= 10
    direct = Counter(_key(i) for i in read_paths(paths))
    assert Counter(_key(i) for p in plan for i in read_partition(p)) == direct


def test_batch_local_cluster_config_names_real_dask_settings() -> None:
    """A misspelt key would be accepted by dask.config.set and silently change nothing."""
    import dask

    from lagebild.batch import LOCAL_CLUSTER_CONFIG

    missing = object()
    for key in LOCAL_CLUSTER_CONFIG:
        assert dask.config.get(key, default=missing) is not missing, key
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        assert dask.config.get("distributed.worker.profile.enabled") is False


def test_batch_load_after_ingest_keeps_one_failure_row_per_input(tmp_path: Path, jsonl: Path) -> None:
    """The same broken lines ingested, then batched into a fresh folder and loaded: two failure rows, not four."""
    import lagebild
    from lagebild.runner import ingest

    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        ingest(read_paths([str(jsonl)]), lagebild.load(disable=SEGMENT_ONLY), store)
    run_batch([str(jsonl)], tmp_path / "out", workers=0, records=5, disable=SEGMENT_ONLY)
    with Store(db) as store:
        res = load_parquet(tmp_path / "out", store)
        _, rows = store.query("SELECT source_name, code FROM failures ORDER BY source_name")
    assert res.failures == 2
    assert rows == [(f"{jsonl}:19", "E105"), (f"{jsonl}:7", "E105")]


def test_batch_load_of_a_folder_that_is_no_batch_output_creates_nothing(tmp_path: Path, samples_dir: Path) -> None:
    """`lagebild load samples/` (the input folder instead of --out) said "0 partition(s) loaded" with exit 0 and
    left an empty database behind; `lagebild dedup --db typo.duckdb` likewise created an empty database."""
    from lagebild.cli import main as cli_main

    db = tmp_path / "l.duckdb"
    assert cli_main(["load", str(samples_dir), "--db", str(db)]) == 2
    assert not db.exists()
    assert cli_main(["dedup", "--db", str(tmp_path / "tippfehler.duckdb")]) == 5
    assert not (tmp_path / "tippfehler.duckdb").exists()


def test_batch_unusable_out_folder_and_negative_workers_are_config_errors(tmp_path: Path, samples_dir: Path) -> None:
    """`--out` somewhere it cannot be created gave "error: FileNotFoundError ..." (exit 1); `--workers -1` ran."""
    from lagebild.cli import main as cli_main

    blocker = tmp_path / "eine_datei"
    blocker.write_text("kein Ordner", encoding="utf-8")
    assert cli_main(["batch", str(samples_dir / "html"), "--out", str(blocker / "out"), "--workers", "0"]) == 2
    assert cli_main(["batch", str(samples_dir / "html"), "--out", str(tmp_path / "o"), "--workers", "-1"]) == 2
    assert not (tmp_path / "o").exists()


def test_batch_language_forces_identification_like_ingest(tmp_path: Path, capsys) -> None:
    """Found by a user: `lagebild ingest` has --language (the E107 message tells users to force the language),
    `lagebild batch` had none ("unrecognized arguments: --language"). Same semantics: an ISO 639-1 code,
    every input taken to be in it; anything else refused before an output folder exists."""
    from lagebild.cli import main as cli_main

    folder = tmp_path / "eingang"
    folder.mkdir()
    # a French note (our own wording, as in tests/test_cli.py): refused by language identification
    (folder / "note_fr.txt").write_text(
        "Le gouvernement a annoncé mardi de nouvelles sanctions contre les dirigeants du pays. "
        "Les ministres se réuniront la semaine prochaine pour en discuter.", encoding="utf-8")
    assert cli_main(["-q", "batch", str(folder), "--out", str(tmp_path / "auto"), "--workers", "0"]) == 0
    assert cli_main(["-q", "batch", str(folder), "--out", str(tmp_path / "fr"), "--workers", "0",
                     "--language", "FR"]) == 0
    assert json.loads((tmp_path / "fr" / "manifest.json").read_text(encoding="utf-8"))["language"] == "fr"
    capsys.readouterr()
    assert cli_main(["batch", str(folder), "--out", str(tmp_path / "xx"), "--workers", "0", "--language", "xx"]) == 3
    assert "ISO 639-1" in capsys.readouterr().err and not (tmp_path / "xx").exists()
    for out, db in (("auto", "auto.duckdb"), ("fr", "fr.duckdb")):
        with Store(tmp_path / db) as store:
            load_parquet(tmp_path / out, store)
    with Store(tmp_path / "auto.duckdb", read_only=True) as auto, Store(tmp_path / "fr.duckdb", read_only=True) as fr:
        assert auto.query("SELECT COUNT(*) FROM articles")[1] == [(0,)]
        assert auto.query("SELECT code FROM failures")[1] == [("E107",)]
        assert fr.query("SELECT source_name, language FROM articles")[1] == [(str(folder / "note_fr.txt"), "fr")]
        assert fr.query("SELECT COUNT(*) FROM failures")[1] == [(0,)]


#: input order -> how many stored copies come from each source (folder or the JSONL file) when the first is kept
FIRST_COPIES = {("text", "wikinews_de.jsonl"): {"text": 10},
                ("wikinews_de.jsonl", "text"): {"wikinews_de.jsonl": 10},
                # the two .html pages extract to texts of their own (other ids than their .txt and JSONL copies)
                ("html", "wikinews_de.jsonl", "text"): {"html": 2, "wikinews_de.jsonl": 10}}


@pytest.mark.parametrize("order", list(FIRST_COPIES))
def test_batch_and_load_keep_the_same_first_copy_as_ingest(tmp_path: Path, samples_dir: Path,
                                                           order: tuple[str, ...]) -> None:
    """Found by a user: the bundled samples hold each Wikinews article twice (a .txt without URL or date and
    a JSONL line with URL, date and title; samples/ATTRIBUTION.md). `ingest` keeps the first copy in
    input order; `load` took the partitions in pid (hash) order, so with the text folder first ingest stored
    the ten .txt copies (no URL, no date) and batch + load the ten JSONL copies. Both must store the same rows."""
    from lagebild.cli import main as cli_main

    paths = [str(samples_dir / name) for name in order]
    off = [arg for stage in SEGMENT_ONLY for arg in ("--disable", stage)]
    assert cli_main(["-q", "ingest", *paths, "--db", str(tmp_path / "ingest.duckdb"), *off]) == 0
    # --records 4 cuts the JSONL file into three partitions
    assert cli_main(["-q", "batch", *paths, "--out", str(tmp_path / "out"), "--workers", "0", "--records", "4",
                     *off]) == 0
    assert main_load([str(tmp_path / "out"), "--db", str(tmp_path / "batch.duckdb")]) == 0
    q = ("SELECT id, source_name, source_format, url, site, published, title, language, n_chars FROM articles "
         "ORDER BY id")
    with Store(tmp_path / "ingest.duckdb", read_only=True) as a, Store(tmp_path / "batch.duckdb", read_only=True) as b:
        stored, loaded = a.query(q)[1], b.query(q)[1]
    assert loaded == stored
    sources = Counter(Path(r[1]).parent.name if r[2] != "jsonl" else "wikinews_de.jsonl" for r in stored)
    assert sources == FIRST_COPIES[order]
    assert all((r[3] is not None) == (r[2] == "jsonl") for r in stored)  # only the JSONL copies carry a URL
