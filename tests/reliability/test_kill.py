"""Crash safety for real: SIGKILL ``lagebild ingest`` / ``lagebild batch`` mid-run, rerun, compare.

After the kill the database must hold only whole articles (each stored
article has exactly the rows a clean run gives it) and everything stored
earlier; after the rerun it must equal a clean run exactly: no article lost,
none twice.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _stages import missing_stages

import lagebild
from lagebild.batch import done_partitions, load_parquet
from lagebild.ingest import read_paths
from lagebild.runner import ingest
from lagebild.store import LAYER_COLUMNS, Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")
N_A, N_B, N_PARTS = 12, 80, 10


def make_corpus(path: Path, samples_dir: Path, n: int, tag: str) -> list[str]:
    """``n`` distinct real-text articles (Wikinews samples with a numbered dateline) as JSONL."""
    texts = sorted((samples_dir / "text").glob("*.txt"))
    lines = []
    for i in range(n):
        body = texts[i % len(texts)].read_text(encoding="utf-8")
        title, _, rest = body.partition("\n")
        lines.append(json.dumps({"text": f"{title}\n\n{tag} {i + 1} – {rest.strip()}", "date": "2011-05-11"},
                                ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def kill_disable() -> list[str]:
    """Every stage that loads, except the NER model: these tests are about storage atomicity, and NER is
    the slowest stage to load and run; every other layer (places, times, ..., events) is still written."""
    return sorted(set(missing_stages()) | {"entities"})


def cli(*args: str) -> list[str]:
    disable = [x for s in kill_disable() for x in ("--disable", s)]
    return [sys.executable, "-m", "lagebild.cli", "--quiet", *args, *disable]


def kill_when(cmd: list[str], ready, timeout: float = 120) -> int:
    """Start ``cmd`` in its own process group; SIGKILL the whole group once ``ready()``; return its status."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + timeout
    try:
        while time.time() < deadline and proc.poll() is None and not ready():
            time.sleep(0.02)
        still_running = proc.poll() is None
        if still_running:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert still_running, f"the run ended before it could be killed: {proc.stderr.read().decode()[-2000:]}"
    # workers of a local Dask cluster share the group: none may survive to write later
    for _ in range(200):
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    return proc.returncode


def snapshot(db: Path) -> dict[str, dict[str, list[tuple]]]:
    """article id -> sorted rows of every layer, plus the article row's text."""
    out: dict[str, dict[str, list[tuple]]] = {}
    with Store(db, read_only=True) as store:
        for aid, text in store.query("SELECT id, text FROM articles")[1]:
            out[aid] = {"text": [(text,)]}
        for layer in LAYER_COLUMNS:
            for row in store.query(f'SELECT article_id, idx, "start", "end", text, data FROM {layer}')[1]:
                out.setdefault(row[0], {}).setdefault(layer, []).append(tuple(row[1:]))
    for layers in out.values():
        for rows in layers.values():
            rows.sort()
    return out


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, samples_dir: Path) -> dict[str, Path]:
    """Corpus A (stored first), corpus B (killed), and a clean reference database of A + B."""
    d = tmp_path_factory.mktemp("kill")
    make_corpus(d / "a.jsonl", samples_dir, N_A, "Meldung A")
    make_corpus(d / "b.jsonl", samples_dir, N_B, "Meldung B")
    with Store(d / "ref.duckdb") as store:
        ingest(read_paths([str(d / "a.jsonl"), str(d / "b.jsonl")]), lagebild.load(disable=kill_disable()), store,
               batch_size=4)
    return {"dir": d, "a": d / "a.jsonl", "b": d / "b.jsonl", "ref": d / "ref.duckdb"}


def test_kill_ingest_then_rerun_loses_and_duplicates_nothing(corpora, tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    subprocess.run(cli("ingest", str(corpora["a"]), "--db", str(db)), check=True, capture_output=True, timeout=300)
    first = snapshot(db)
    assert len(first) == N_A
    wal = Path(str(db) + ".wal")
    status = kill_when(cli("ingest", str(corpora["b"]), "--db", str(db), "--batch-size", "2"),
                       lambda: wal.exists() and wal.stat().st_size > 0)
    assert status == -signal.SIGKILL
    ref = snapshot(corpora["ref"])
    after_kill = snapshot(db)
    assert set(first) <= set(after_kill), "articles stored before the kill were lost"
    for aid, rows in after_kill.items():  # only whole articles: each exactly as in the clean run
        assert rows == ref[aid], f"article {aid} is partial or differs after the kill"
    assert len(after_kill) < len(ref), "the kill came too late to test anything"

    subprocess.run(cli("ingest", str(corpora["b"]), "--db", str(db), "--batch-size", "2"), check=True,
                   capture_output=True, timeout=300)
    assert snapshot(db) == ref
    with Store(db, read_only=True) as store:
        n, distinct = store.query("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles")[1][0]
    assert n == distinct == N_A + N_B


def test_kill_batch_then_rerun_and_load_equals_a_clean_run(corpora, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["batch", str(corpora["b"]), "--out", str(out), "--workers", "2", "--records", str(N_B // N_PARTS),
            "--batch-size", "2"]
    status = kill_when(cli(*args), lambda: len(done_partitions(out)) >= 2)
    assert status == -signal.SIGKILL
    finished = done_partitions(out)
    assert 2 <= len(finished) < N_PARTS

    # what is marked done is complete and loadable even before the rerun
    db = tmp_path / "b.duckdb"
    subprocess.run(cli("ingest", str(corpora["a"]), "--db", str(db)), check=True, capture_output=True, timeout=300)
    with Store(db) as store:
        part = load_parquet(out, store)
    assert part.loaded == len(finished)
    ref = snapshot(corpora["ref"])
    partial = snapshot(db)
    for aid, rows in partial.items():
        assert rows == ref[aid]

    res = subprocess.run(cli(*args, "--json"), check=True, capture_output=True, text=True, timeout=300)
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["skipped"] == len(finished) and summary["failed"] == 0
    assert summary["skipped"] + summary["done"] == summary["partitions"] == N_PARTS
    with Store(db) as store:
        again = load_parquet(out, store)
        assert again.skipped == len(finished) and again.loaded == N_PARTS - len(finished)
        assert load_parquet(out, store).loaded == 0  # idempotent
    assert snapshot(db) == ref
