"""Batch processing on Dask: many files in, partitioned Parquet out; and loading it into DuckDB.

Work is cut into *partitions* by file and record range (a group of small
text/HTML files, a byte range of JSON lines, a byte range of WARC records).
Each partition is analysed by one Dask task, which writes one Parquet file
per table (the same columns as the DuckDB tables, built by the store's own
row layout in an in-memory database), a stats file, and last a completion
marker. Output files are renamed into place before the marker is written,
so a partition either has a marker and complete files or counts as not done:
a rerun skips finished partitions and redoes the rest (including ones that
failed). ``load`` copies finished partitions into a DuckDB file, one
transaction per partition, inserting only article ids not stored yet.

Layout of the output folder::

    manifest.json                  inputs, options, partition list
    articles/part-<pid>.parquet    one folder per table (entities, places, times, ... failures)
    stats/part-<pid>.json          counts, timings, worker, peak RSS
    _done/<pid>.json               completion marker (written last)
    _failed/<pid>.json             the error of a partition whose task failed (redone on rerun)
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import io
import json
import logging
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError, LagebildError, MalformedInputError
from .ingest import (
    InputFailure,
    JsonlFields,
    RawInput,
    _format_of,
    _read_jsonl_lines,
    _read_warc_stream,
    expand_paths,
    read_paths,
)

log = logging.getLogger(__name__)

#: tables written per partition (the DuckDB table names)
LAYER_TABLES = ("entities", "places", "spatial_claims", "times", "quantities", "quotes", "events")
TABLES = ("articles", *LAYER_TABLES, "failures")
#: a partition holds at most this many records (files, JSON lines, WARC records) ...
DEFAULT_RECORDS = 200
#: ... and at most about this many input bytes
MAX_PARTITION_BYTES = 64_000_000
_SCAN_CHUNK = 1 << 20


# -- planning -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Partition:
    """One unit of work: ``files`` (whole files), or a byte range of one JSONL/WARC file."""

    pid: str
    kind: str  # files | jsonl | jsonl-gz | warc
    files: tuple[str, ...]
    start: int = 0  # byte offset (jsonl, warc)
    end: int = -1  # byte offset after the range; -1 = to the end
    first_line: int = 1  # line number of the first line in the range (jsonl)
    n_records: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Partition:
        return cls(**{**d, "files": tuple(d["files"])})


def _pid(kind: str, files: Iterable[str], start: int, end: int) -> str:
    # size and range in the id: a grown or replaced file gives new partitions, not stale "done" ones
    parts = [kind, str(start), str(end)]
    for f in files:
        try:
            size = os.path.getsize(f)
        except OSError:
            size = -1
        parts.append(f"{os.path.abspath(f)}:{size}")
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _part(kind: str, files: list[str], start: int = 0, end: int = -1, first_line: int = 1,
          n_records: int = 0) -> Partition:
    return Partition(_pid(kind, files, start, end), kind, tuple(files), start, end, first_line, n_records)


def _jsonl_ranges(path: str, records: int, max_bytes: int) -> list[tuple[int, int, int, int]]:
    """(start, end, first_line, n_lines) cut at line starts, every ``records`` lines or ``max_bytes``."""
    out = []
    start, first, n, pos, line_no = 0, 1, 0, 0, 1
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_SCAN_CHUNK)
            if not chunk:
                break
            i = 0
            while True:
                j = chunk.find(b"\n", i)
                if j < 0:
                    break
                n += 1
                line_no += 1
                end = pos + j + 1
                if n >= records or end - start >= max_bytes:
                    out.append((start, end, first, n))
                    start, first, n = end, line_no, 0
                i = j + 1
            pos += len(chunk)
    if pos > start:
        out.append((start, pos, first, n + 1))
    return out


def _warc_ranges(path: str, records: int, max_bytes: int) -> list[tuple[int, int, int]] | None:
    """(start, end, n_records) at record boundaries; None when the file cannot be scanned."""
    from warcio.archiveiterator import ArchiveIterator

    offsets: list[int] = []
    try:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh, arc2warc=True)
            for _ in it:
                offsets.append(it.get_record_offset())
    except Exception as exc:  # damaged archive: one partition, the reader reports the damage
        log.info("%s: WARC scan stopped (%s); processing it as one partition", path, exc)
        return None
    if not offsets:
        return None
    size = os.path.getsize(path)
    out = []
    start, n = offsets[0], 0
    for off in offsets[1:]:
        n += 1
        if n >= records or off - start >= max_bytes:
            out.append((start, off, n))
            start, n = off, 0
    out.append((start, size, n + 1))
    if out and out[0][0] > 0:  # keep any leading bytes in the first range so the reader sees them
        out[0] = (0, out[0][1], out[0][2])
    return out


def plan_partitions(paths: Iterable[str], *, records: int = DEFAULT_RECORDS,
                    max_bytes: int = MAX_PARTITION_BYTES) -> list[Partition]:
    """Cut the inputs into partitions; deterministic for the same files, so reruns find their markers."""
    if records < 1:
        raise ConfigError("records per partition must be at least 1")
    plan: list[Partition] = []
    group: list[str] = []
    group_bytes = 0

    def flush() -> None:
        nonlocal group, group_bytes
        if group:
            plan.append(_part("files", group, n_records=len(group)))
        group, group_bytes = [], 0

    for p in expand_paths(paths):
        if p == "-":
            raise ConfigError("batch reads files, not standard input; use 'lagebild ingest -' for a stream")
        path = Path(p)
        try:
            size = path.stat().st_size
            with path.open("rb") as fh:
                head = fh.read(8)
            fmt = _format_of(path, head)
        except OSError:
            fmt, size = "text", 0  # the reader turns it into a failure record
        if fmt in ("jsonl", "warc"):
            # the plan keeps the input order (small files before a JSONL/WARC file go in a partition before
            # its partitions), so load, which follows the plan, keeps the same first copy of a duplicate as ingest
            flush()
        if fmt == "jsonl" and not path.name.endswith(".gz"):
            for start, end, first, n in _jsonl_ranges(p, records, max_bytes):
                plan.append(_part("jsonl", [p], start, end, first, n))
        elif fmt == "jsonl":
            plan.append(_part("jsonl-gz", [p]))  # gzip cannot be entered mid-stream
        elif fmt == "warc":
            ranges = _warc_ranges(p, records, max_bytes)
            if ranges is None:
                plan.append(_part("warc", [p]))
            else:
                for start, end, n in ranges:
                    plan.append(_part("warc", [p], start, end, n_records=n))
        else:
            if len(group) >= records or group_bytes + size > max_bytes:
                flush()
            group.append(p)
            group_bytes += size
    flush()
    return plan


# -- reading one partition ------------------------------------------------------------------------
class _FileSlice(io.RawIOBase):
    """Bytes [start, end) of a file as a seekable stream of its own (offset 0 = ``start``).

    Streams instead of reading the range into memory: a range may hold one huge WARC record.
    """

    def __init__(self, fh: Any, start: int, end: int):
        super().__init__()
        self._fh, self._start = fh, start
        self._end = end if end >= 0 else os.fstat(fh.fileno()).st_size
        self._pos = 0
        fh.seek(start)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        size = self._end - self._start
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: size}[whence]
        self._pos = max(0, min(size, base + offset))
        self._fh.seek(self._start + self._pos)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        want = min(len(buffer), self._end - self._start - self._pos)
        if want <= 0:
            return 0
        data = self._fh.read(want)
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)


def _renumber(item: RawInput | InputFailure, name: str, offset: int) -> RawInput | InputFailure:
    """Line numbers of a JSONL range relative to the whole file ('f.jsonl:3' in range from line 101 -> ':103')."""
    src = item.source_name
    head, _, num = src.rpartition(":")
    if head == name and num.isdigit():
        new = f"{name}:{int(num) + offset}"
        item.source_name = new
        if isinstance(item, InputFailure) and item.error.source == src:
            item.error.source = new
    return item


def read_partition(part: Partition, *, fields: JsonlFields | None = None) -> Iterator[RawInput | InputFailure]:
    """The raw inputs of one partition, with the same failure handling as :func:`ingest.read_paths`.

    A reader error ends only the rest of this partition's file, as a failure record, never the task.
    """
    where = part.files[0] if part.files else part.pid
    try:
        yield from _read_partition(part, fields or JsonlFields())
    except Exception as exc:
        log.debug("reader failed in partition %s", part.pid, exc_info=True)
        yield InputFailure(where, MalformedInputError(f"file could not be read: {type(exc).__name__}: {exc}",
                                                      source=where))


def _read_partition(part: Partition, fields: JsonlFields) -> Iterator[RawInput | InputFailure]:
    if part.kind == "files" or part.kind == "jsonl-gz":
        yield from read_paths(list(part.files), fields=fields)
        return
    path = part.files[0]
    try:
        raw = open(path, "rb")  # closed by the with-block below, once the records are drained
    except OSError as exc:
        yield InputFailure(path, InputError(f"cannot read file: {exc.strerror or exc}", source=path))
        return
    with raw, io.BufferedReader(_FileSlice(raw, part.start, part.end), buffer_size=1 << 20) as fh:
        if part.kind == "jsonl":
            for item in _read_jsonl_lines(fh, path, fields):
                yield _renumber(item, path, part.first_line - 1)
        elif part.kind == "warc":
            yield from _read_warc_stream(fh, path)
        else:
            yield InputFailure(path, MalformedInputError(f"unknown partition kind {part.kind!r}", source=path))


# -- running one partition (on a worker) ----------------------------------------------------------
_ANALYZERS: dict[tuple[str, tuple[str, ...], str], Any] = {}


def get_analyzer(mode: str, disable: Iterable[str] = (), config: dict[str, Any] | None = None) -> Any:
    """One loaded pipeline per worker process and configuration (models load once, not per task)."""
    import lagebild

    key = (mode, tuple(sorted(disable)), json.dumps(config or {}, sort_keys=True))
    if key not in _ANALYZERS:
        analyzer = lagebild.load(mode, disable=tuple(disable), config=config)
        # stages fill lazy tables and caches (tagger lexicon, language model) on their first article:
        # pay that here, at load time, rather than inside the first partition's timing
        try:
            analyzer.analyze(_WARMUP_TEXT, published="2011-05-11", language="de")
        except Exception:  # a broken stage shows up on real input, with a proper failure record
            log.debug("warm-up failed", exc_info=True)
        _ANALYZERS[key] = analyzer
    return _ANALYZERS[key]


def preload_analyzer(mode: str, disable: Iterable[str] = (), config: dict[str, Any] | None = None) -> list[str]:
    """Load the pipeline on a worker; returns only the stage names (an Analyzer does not pickle)."""
    return list(get_analyzer(mode, disable, config).pipeline.stage_names)


_WARMUP_TEXT = ("Syrien: Artilleriebeschuss der Stadt Homs\n\nMit militärischer Gewalt geht das syrische Regime "
                "von Präsident Assad weiter gegen die Bürgerproteste vor. Aus der Stadt Homs, rund 160 Kilometer "
                "nördlich von Damaskus, gab es heute Berichte über Artilleriebeschuss. Mindestens 18 Menschen "
                "wurden getötet, sagte ein Sprecher der Opposition am Mittwoch.")


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB.

    VmHWM, because ``ru_maxrss`` survives ``exec`` and would report the parent's peak in a fresh worker.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _atomic_write_json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def table_file(out: Path, table: str, pid: str) -> Path:
    return out / table / f"part-{pid}.parquet"


def run_partition(part: Partition | dict[str, Any], out_dir: str, *, mode: str = "fast",
                  disable: Iterable[str] = (), config: dict[str, Any] | None = None, batch_size: int = 16,
                  fields: dict[str, str] | None = None, language: str | None = None) -> dict[str, Any]:
    """Analyse one partition and write its Parquet files, stats and completion marker; returns the stats.

    ``language`` skips language identification (the user's ``--language``, as in ``lagebild ingest``)."""
    from .runner import analyse_stream
    from .store import Store

    if isinstance(part, dict):
        part = Partition.from_dict(part)
    out = Path(out_dir)
    started = time.time()
    t0 = time.perf_counter()
    # CPU of the whole worker process (event loop, heartbeats, ...) and of this task's thread alone
    cpu0, thread0 = time.process_time(), time.thread_time()
    analyzer = get_analyzer(mode, disable, config)
    t_load = time.perf_counter() - t0
    stats: dict[str, Any] = {"pid": part.pid, "kind": part.kind, "files": list(part.files),
                             "start": part.start, "end": part.end, "seen": 0, "articles": 0, "duplicates": 0,
                             "failed": 0, "failure_codes": {}, "stage_seconds": {}}
    tmp = out / "_tmp" / f"{part.pid}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        t1 = time.perf_counter()
        with Store(":memory:") as mem:
            # one worker = one core: DuckDB's own thread pool would compete with the other workers
            mem.con.execute("SET threads TO 1")
            items = read_partition(part, fields=JsonlFields(**fields) if fields else None)
            for docs, fails, _ in analyse_stream(items, analyzer, batch_size=batch_size, language=language):
                counts = mem.write_batch(docs, failures=[{**f} for f in fails], batch_id=part.pid, mode=mode)
                stats["seen"] += len(docs) + len(fails)
                stats["articles"] += counts["new"]
                stats["duplicates"] += counts["existing"]
                stats["failed"] += len(fails)
                for f in fails:
                    code = f.get("code") or "?"
                    stats["failure_codes"][code] = stats["failure_codes"].get(code, 0) + 1
                for d in docs:
                    for name, sec in d.stages_run.items():
                        stats["stage_seconds"][name] = stats["stage_seconds"].get(name, 0.0) + sec
            stats["analyse_seconds"] = round(time.perf_counter() - t1, 3)
            t2 = time.perf_counter()
            for table in TABLES:
                target = tmp / f"{table}.parquet"
                mem.con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(target)}' (FORMAT parquet)")
        for table in TABLES:
            final = table_file(out, table, part.pid)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp / f"{table}.parquet", final)
        stats["write_seconds"] = round(time.perf_counter() - t2, 3)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    stats["stage_seconds"] = {k: round(v, 4) for k, v in stats["stage_seconds"].items()}
    stats.update(seconds=round(time.perf_counter() - t0, 3), model_load_seconds=round(t_load, 3),
                 cpu_seconds=round(time.process_time() - cpu0, 3),
                 task_cpu_seconds=round(time.thread_time() - thread0, 3),
                 peak_rss_mb=peak_rss_mb(), worker_pid=os.getpid(), mode=mode, started_ts=started,
                 finished_ts=time.time(),
                 finished=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    _atomic_write_json(out / "stats" / f"part-{part.pid}.json", stats)
    _atomic_write_json(out / "_done" / f"{part.pid}.json", {"pid": part.pid, "finished": stats["finished"]})
    failed_marker = out / "_failed" / f"{part.pid}.json"
    if failed_marker.exists():
        failed_marker.unlink(missing_ok=True)
    return stats


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")


# -- the driver -----------------------------------------------------------------------------------
@dataclass
class BatchResult:
    partitions: int = 0
    skipped: int = 0  # already finished in an earlier run
    done: int = 0
    failed: int = 0
    articles: int = 0
    input_failures: int = 0
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def done_partitions(out: Path) -> set[str]:
    d = out / "_done"
    return {p.stem for p in d.glob("*.json")} if d.is_dir() else set()


def run_batch(paths: list[str], out_dir: str | Path, *, scheduler: str | None = None, workers: int = 2,
              mode: str = "fast", disable: Iterable[str] = (), config: dict[str, Any] | None = None,
              records: int = DEFAULT_RECORDS, batch_size: int = 16, fields: JsonlFields | None = None,
              memory_limit: str = "auto", language: str | None = None,
              progress: Callable[[BatchResult], None] | None = None) -> BatchResult:
    """Plan, skip finished partitions, run the rest on Dask (or in-process with ``workers=0``).

    ``language`` forces every input's language (an ISO 639-1 code), as ``lagebild ingest --language`` does."""
    t0 = time.perf_counter()
    out = Path(out_dir)
    if workers < 0:
        raise ConfigError("--workers must be 0 (no Dask) or more")
    from .pipeline import check_disable

    check_disable(disable)  # before any folder, cluster or worker exists
    if language:
        from .clean import forced_language

        language = forced_language(language)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the --out folder: {exc.strerror or exc}", source=str(out)) from None
    disable = tuple(disable)
    plan = plan_partitions(paths, records=records)
    _atomic_write_json(out / "manifest.json", {
        "inputs": list(paths), "mode": mode, "disable": list(disable), "language": language,
        "records_per_partition": records,
        "partitions": [p.to_dict() for p in plan],
    })
    finished = done_partitions(out)
    todo = [p for p in plan if p.pid not in finished]
    res = BatchResult(partitions=len(plan), skipped=len(plan) - len(todo))
    kwargs: dict[str, Any] = {"mode": mode, "disable": disable, "config": config, "batch_size": batch_size,
              "fields": dataclasses.asdict(fields) if fields else None, "language": language}

    def record(part: Partition, stats: dict[str, Any] | None, exc: BaseException | None) -> None:
        if exc is None and stats is not None:
            res.done += 1
            res.articles += stats["articles"]
            res.input_failures += stats["failed"]
        else:
            res.failed += 1
            err = {"pid": part.pid, "files": list(part.files), "start": part.start, "end": part.end,
                   "error": f"{type(exc).__name__}: {exc}"}
            res.errors.append(err)
            _atomic_write_json(out / "_failed" / f"{part.pid}.json", err)
            log.warning("partition %s failed: %s", part.pid, err["error"])
        if progress:
            progress(res)

    if todo and scheduler is None and workers <= 0:
        for part in todo:
            try:
                record(part, run_partition(part, str(out), **kwargs), None)
            except LagebildError:
                raise  # configuration problems (unknown stage, missing model) stop the run
            except Exception as exc:
                record(part, None, exc)
    elif todo:
        _run_on_dask(todo, out, kwargs, record, scheduler=scheduler, workers=workers, memory_limit=memory_limit)
    shutil.rmtree(out / "_tmp", ignore_errors=True)
    res.seconds = round(time.perf_counter() - t0, 3)
    return res


#: Dask settings of the local cluster. A task runs for seconds, so machinery that samples or polls
#: many times a second only takes CPU from the analysis: with as many workers as cores, the workers'
#: event loops and the scheduler, client and nannies (this process) run on the workers' cores. Measured
#: (fast mode, 200 articles, 2 workers): CPU outside the task thread fell from 11.5 % of the workers'
#: CPU to 1.9 % (with DuckDB on one thread, see run_partition), this process from 2.8 % of a core to
#: 1.2 %. No statistical profiler (a stack sample every 10 ms per worker), no work stealing (tasks
#: are queued on the scheduler until a worker is free anyway), slower ticks and monitors.
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "200ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "500ms",
}


def _run_on_dask(todo: list[Partition], out: Path, kwargs: dict[str, Any],
                 record: Callable[[Partition, dict[str, Any] | None, BaseException | None], None], *,
                 scheduler: str | None, workers: int, memory_limit: str) -> None:
    import dask
    from distributed import Client, LocalCluster, as_completed

    if not log.isEnabledFor(logging.DEBUG):
        # distributed sets its own loggers to INFO on import: two dozen lines of scheduler chatter on every
        # `lagebild batch` run (silence_logs only reaches the workers)
        logging.getLogger("distributed").setLevel(logging.WARNING)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # workers and nannies take the config in force when they are created
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None, memory_limit=memory_limit,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    try:
        if cluster is not None:
            # a worker still starting when the tasks go out gets none: on a loaded machine one worker would do all
            client.wait_for_workers(max(1, workers), timeout=300)
        # load the models once per worker up front, so a broken configuration fails fast and clearly
        client.run(preload_analyzer, kwargs["mode"], kwargs["disable"], kwargs["config"])
        by_key = {}
        futures = []
        for part in todo:
            fut = client.submit(run_partition, part.to_dict(), str(out), key=f"lagebild-partition-{part.pid}",
                                pure=False, retries=1, **kwargs)
            by_key[fut.key] = part
            futures.append(fut)
        for fut in as_completed(futures):
            part = by_key[fut.key]
            try:
                record(part, fut.result(), None)
            except Exception as exc:  # the task raised, or its worker died (KilledWorker)
                record(part, None, exc)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- loading Parquet into DuckDB ------------------------------------------------------------------
@dataclass
class LoadResult:
    partitions: int = 0
    loaded: int = 0
    skipped: int = 0  # loaded before
    articles: int = 0  # new article rows
    existing: int = 0  # article rows already in the database
    failures: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _columns(con: Any, sql_from: str, params: list[Any]) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {sql_from}", params).fetchall()]


def _batch_output(out_dir: str | Path) -> Path:
    """The folder, if `lagebild batch` wrote it; checked before a database is created for nothing."""
    out = Path(out_dir)
    if not out.is_dir():
        raise ConfigError(f"{out} is not a batch output folder", source=str(out))
    if not (out / "manifest.json").exists() and not (out / "_done").is_dir():
        # the usual slip: the crawl folder given instead of the --out folder of `lagebild batch`
        raise ConfigError(f"{out} is not a batch output folder (no manifest.json or _done/): give the --out "
                          "folder of `lagebild batch`", source=str(out))
    return out


def _load_order(out: Path, pids: set[str]) -> list[str]:
    """Finished partitions in the plan's order (the order of the inputs), then any the manifest does not list.

    The first copy of a duplicated article is the one kept, as in ``lagebild ingest``; in pid order (a hash)
    load kept whichever copy's partition sorted first: the URL-less .txt copy of a JSONL article, or the other
    way round, unlike an ingest of the same inputs.
    """
    try:
        planned = [p["pid"] for p in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["partitions"]]
    except (OSError, ValueError, KeyError, TypeError):
        planned = []
    first = [pid for pid in dict.fromkeys(planned) if pid in pids]
    return first + sorted(pids - set(first))


def load_parquet(out_dir: str | Path, store: Any) -> LoadResult:
    """Load every finished partition not loaded before; one transaction per partition.

    A partition counts as loaded once its ``batches`` row (``parquet:<pid>``) is
    committed together with its rows, so an interrupted load is simply rerun.
    """
    out = _batch_output(out_dir)
    res = LoadResult()
    pids = _load_order(out, done_partitions(out))
    res.partitions = len(pids)
    loaded = {r[0] for r in store.con.execute(
        "SELECT batch_id FROM batches WHERE batch_id LIKE 'parquet:%'").fetchall()}
    for pid in pids:
        bid = f"parquet:{pid}"
        if bid in loaded:
            res.skipped += 1
            continue
        art = table_file(out, "articles", pid)
        if not art.exists():
            log.warning("partition %s has a marker but no articles file; skipped", pid)
            continue
        with store.transaction() as con:
            n_new, n_old, n_fail = _load_one(con, out, pid)
            con.execute("INSERT INTO batches VALUES (?, now(), now(), ?, ?, ?, ?)",
                        [bid, n_new, n_old, n_fail, "parquet"])
        res.loaded += 1
        res.articles += n_new
        res.existing += n_old
        res.failures += n_fail
    return res


def _load_one(con: Any, out: Path, pid: str) -> tuple[int, int, int]:
    art = str(table_file(out, "articles", pid))
    con.execute("CREATE OR REPLACE TEMP TABLE _lb_new AS SELECT DISTINCT id FROM read_parquet(?) "
                "WHERE id NOT IN (SELECT id FROM articles)", [art])
    try:
        n_new = con.execute("SELECT COUNT(*) FROM _lb_new").fetchone()[0]
        n_all = con.execute("SELECT COUNT(DISTINCT id) FROM read_parquet(?)", [art]).fetchone()[0]
        for table in ("articles", *LAYER_TABLES):
            path = table_file(out, table, pid)
            if not path.exists():
                continue
            db_cols = _columns(con, table, [])
            pq_cols = set(_columns(con, "read_parquet(?)", [str(path)]))
            cols = [c for c in db_cols if c in pq_cols]
            key = "id" if table == "articles" else "article_id"
            names = ", ".join(f'"{c}"' for c in cols)
            con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM read_parquet(?) "
                        f"WHERE {key} IN (SELECT id FROM _lb_new)", [str(path)])
        fpath = table_file(out, "failures", pid)
        n_fail = 0
        if fpath.exists():
            n_fail = con.execute("SELECT COUNT(*) FROM read_parquet(?)", [str(fpath)]).fetchone()[0]
            if n_fail:
                # as in Store.write_batch: the latest attempt at an input replaces its earlier failure rows
                con.execute("DELETE FROM failures WHERE source_name IN (SELECT source_name FROM read_parquet(?))",
                            [str(fpath)])
                con.execute("INSERT INTO failures SELECT source_name, code, error, message, "
                            "'parquet:' || ?, failed_at FROM read_parquet(?)", [pid, str(fpath)])
    finally:
        con.execute("DROP TABLE IF EXISTS _lb_new")
    return n_new, n_all - n_new, n_fail


# -- command line ---------------------------------------------------------------------------------
def _batch_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lagebild batch", description="Analyse collections on Dask; write "
                                "partitioned Parquet (resumable: a rerun skips finished partitions).")
    p.add_argument("paths", nargs="+", help="files, folders or globs (WARC, JSONL, HTML, text)")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    p.add_argument("--workers", type=int, default=2,
                   help="local cluster worker processes (one thread each); 0 = no Dask, run in this process")
    p.add_argument("--memory-limit", default="auto", help="per local worker, e.g. 3GB")
    p.add_argument("--records", type=int, default=DEFAULT_RECORDS, help="records per partition")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--mode", choices=("fast", "accurate"), default="fast")
    p.add_argument("--disable", action="append", metavar="STAGE", help="switch a stage off (repeatable)")
    p.add_argument("--text-field", default="text")
    p.add_argument("--url-field", default="url")
    p.add_argument("--date-field", default="date")
    p.add_argument("--title-field", default="title")
    p.add_argument("--language", help="skip language identification: every input is in this language (de, en)")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON line")
    p.add_argument("--quiet", "-q", action="store_true")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _batch_parser().parse_args(argv)
    fields = JsonlFields(text=args.text_field, url=args.url_field, date=args.date_field, title=args.title_field)
    show = not args.quiet and sys.stderr.isatty()

    def progress(r: BatchResult) -> None:
        if show:
            print(f"\r  {r.done + r.failed}/{r.partitions - r.skipped} partition(s), {r.articles} articles, "
                  f"{r.failed} failed", end="", file=sys.stderr, flush=True)

    res = run_batch(args.paths, args.out, scheduler=args.scheduler, workers=args.workers, mode=args.mode,
                    disable=args.disable or (), records=args.records, batch_size=args.batch_size, fields=fields,
                    memory_limit=args.memory_limit, language=args.language, progress=progress)
    if show:
        print(file=sys.stderr)
    for e in res.errors:
        print(f"partition failed: {e['pid']} {','.join(e['files'])} [{e['start']}:{e['end']}]: {e['error']}",
              file=sys.stderr)
    if args.json:
        print(json.dumps(res.to_dict(), ensure_ascii=False))
    else:
        print(f"{res.partitions} partition(s): {res.done} done now, {res.skipped} done before, {res.failed} failed;"
              f" {res.articles} articles, {res.input_failures} input failure(s) → {args.out}")
    return 6 if res.failed else 0


def main_load(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="lagebild load", description="Load batch Parquet output into DuckDB "
                                "(idempotent: partitions and articles already loaded are skipped).")
    p.add_argument("dir", help="output folder of 'lagebild batch'")
    p.add_argument("--db", default="lagebild.duckdb")
    p.add_argument("--dedup", action="store_true",
                   help="afterwards mark near-duplicates and cluster stories (see lagebild.dedup)")
    p.add_argument("--no-embeddings", action="store_true", help="with --dedup: near-duplicates only")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON line")
    args = p.parse_args(argv)
    from .store import Store

    _batch_output(args.dir)
    with Store(args.db) as store:
        res = load_parquet(args.dir, store)
        summary: dict[str, Any] = res.to_dict()
        if args.dedup:
            from .dedup import assign_clusters

            summary["dedup"] = assign_clusters(store, embeddings=not args.no_embeddings)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"{res.loaded} partition(s) loaded, {res.skipped} loaded before: {res.articles} new article(s), "
              f"{res.existing} already stored, {res.failures} failure record(s) → {args.db}")
        if "dedup" in summary:
            d = summary["dedup"]
            print(f"dedup: {d['duplicates']} near-duplicate(s), {d['clusters']} story cluster(s) "
                  f"over {d['articles']} article(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
