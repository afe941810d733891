"""Analyse a stream of raw inputs and store them batch by batch.

Shared by ``lagebild ingest``, the API and the Dask batch workers: prepare
each input (errors become failure records, the stream goes on), skip content
already stored before spending time on it, run the pipeline in batches and
write each batch in one transaction.
"""

from __future__ import annotations

import logging
import traceback
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import Analyzer
from .clean import prepare_article
from .doc import Doc
from .errors import LagebildError, PipelineError, ProvenanceError
from .ingest import InputFailure, RawInput
from .store import Store

log = logging.getLogger(__name__)

MAX_REPORTED_FAILURES = 1000


@dataclass
class RunStats:
    seen: int = 0
    new: int = 0
    existing: int = 0
    failed: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"seen": self.seen, "new": self.new, "existing": self.existing, "failed": self.failed}


def failure_record(source: str, exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, LagebildError):
        return {"source_name": source, **exc.to_dict(), "message": exc.message}
    return {"source_name": source, "code": PipelineError.code, "error": type(exc).__name__,
            "message": f"{type(exc).__name__}: {exc}"}


def prepare(raw: RawInput, *, language: str | None = None) -> Doc:
    """``language`` skips language identification (the user's ``--language``)."""
    article = prepare_article(raw.content, url=raw.url, published=None if raw.source_format == "warc" else raw.published,
                              title=raw.title, source_format=raw.source_format, source_name=raw.source_name,
                              language=language)
    if article.published is None and raw.published and raw.source_format == "warc":
        # for WARC the crawl date is only a fallback for the page's own date
        from .clean import normalise_published

        article.published = normalise_published(raw.published)
    return Doc(article=article)


def analyse_stream(items: Iterable[RawInput | InputFailure], analyzer: Analyzer, *,
                   skip_ids: Callable[[list[str]], set[str]] | None = None,
                   batch_size: int = 16, language: str | None = None,
                   ) -> Iterator[tuple[list[Doc], list[dict[str, Any]], int]]:
    """Yield (analysed docs, failures, n_skipped) per batch.

    ``skip_ids`` returns the ids among a list that need no analysis (already stored).
    """
    pending: list[Doc] = []
    failures: list[dict[str, Any]] = []

    def flush() -> tuple[list[Doc], list[dict[str, Any]], int]:
        nonlocal pending, failures
        docs, fails = pending, failures
        pending, failures = [], []
        skipped = 0
        if skip_ids and docs:
            known = skip_ids([d.article.id for d in docs])
            skipped = sum(1 for d in docs if d.article.id in known)
            docs = [d for d in docs if d.article.id not in known]
        done: list[Doc] = []
        try:
            done = list(analyzer.pipeline.pipe(docs, batch_size=len(docs) or 1))
        except Exception:
            # one bad article must not sink the batch: redo one by one
            for d in docs:
                try:
                    done.append(analyzer.pipeline(d))
                except Exception as exc:
                    log.debug("stage failure on %s: %s", d.article.source_name, traceback.format_exc())
                    fails.append(failure_record(d.article.source_name or d.article.id, exc))
        # the provenance promise is checked before anything is stored: a stage bug that breaks an offset
        # costs that one article, recorded as a failure, never a silently wrong span in the store
        checked: list[Doc] = []
        for d in done:
            errors = d.offset_errors()
            if errors:
                broken = ProvenanceError(f"{len(errors)} span(s) do not index the article text, first: {errors[0]}")
                fails.append(failure_record(d.article.source_name or d.article.id, broken))
            else:
                checked.append(d)
        return checked, fails, skipped

    for item in items:
        if isinstance(item, InputFailure):
            failures.append(failure_record(item.source_name, item.error))
        else:
            try:
                pending.append(prepare(item, language=language))
            except LagebildError as exc:
                failures.append(failure_record(item.source_name, exc))
            except Exception as exc:  # a bug in cleaning must not end the run either
                failures.append(failure_record(item.source_name, exc))
        if len(pending) >= batch_size or len(failures) >= batch_size * 4:
            yield flush()
    if pending or failures:
        yield flush()


def ingest(items: Iterable[RawInput | InputFailure], analyzer: Analyzer, store: Store, *,
           batch_size: int = 16, replace: bool = False, language: str | None = None,
           progress: Callable[[RunStats], None] | None = None) -> RunStats:
    stats = RunStats()
    batch_id = uuid.uuid4().hex[:12]
    # with replace, an article is re-analysed once per run: a second copy of the same text later in the run
    # (the .txt next to its .jsonl line) used to replace the first, losing its date, URL and title
    written: set[str] = set()

    def skip(ids: list[str]) -> set[str]:
        return {i for i in ids if i in written} if replace else store.existing_ids(ids)

    for n, (docs, fails, skipped) in enumerate(analyse_stream(items, analyzer, skip_ids=skip,
                                                             batch_size=batch_size, language=language)):
        counts = store.write_batch(docs, failures=fails, batch_id=f"{batch_id}-{n}", mode=analyzer.mode,
                                   replace=replace)
        written.update(d.article.id for d in docs)
        stats.seen += len(docs) + len(fails) + skipped
        stats.new += counts["new"]
        stats.existing += counts["existing"] + skipped
        stats.failed += len(fails)
        # keep the first failures for the report; all of them are in the store's failures table
        stats.failures.extend(fails[: max(0, MAX_REPORTED_FAILURES - len(stats.failures))])
        if progress:
            progress(stats)
    return stats
