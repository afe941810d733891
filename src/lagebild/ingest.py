"""Readers: turn paths (files, folders, globs, stdin) into raw inputs.

Each reader yields :class:`RawInput` records, or :class:`InputFailure` for a
piece it could not read (a broken JSON line, a truncated WARC record), and
then goes on with the rest: one bad record never ends a batch. Formats are
chosen by file name and, where that is silent, by sniffing the first bytes.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, InputTooLargeError, LagebildError, MalformedInputError

log = logging.getLogger(__name__)

#: A single document (file, JSON line, WARC record) larger than this is refused.
MAX_DOCUMENT_BYTES = 10_000_000
#: A whole-document .json file (array of articles) is parsed at once, so it gets a bound of its own.
MAX_JSON_BYTES = 5 * MAX_DOCUMENT_BYTES
#: Text formats the folder walker picks up.
KNOWN_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json",
                  ".warc", ".warc.gz", ".arc.gz", ".jsonl.gz")


@dataclass
class RawInput:
    content: str | bytes
    source_name: str
    source_format: str  # text | html | jsonl | warc
    url: str | None = None
    published: str | None = None
    title: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class InputFailure:
    source_name: str
    error: LagebildError


@dataclass
class JsonlFields:
    """Which JSON keys hold what (configurable for other crawls' layouts)."""

    text: str = "text"
    url: str = "url"
    date: str = "date"
    title: str = "title"
    html: str = "html"


def _format_of(path: Path, head: bytes) -> str:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        return "warc"
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return "jsonl"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if head.startswith(b"WARC/"):
        return "warc"
    if name.endswith(".json"):
        return _json_layout(path)
    return "text"


def _json_layout(path: Path) -> str:
    """'jsonl' when a .json file holds one object per line, else 'json' (an array or one pretty-printed object).

    Both are common exports; read as text, an array was stored as one "article" of raw JSON, and a
    pretty-printed object gave one failure per line.
    """
    try:
        with path.open("rb") as fh:
            first = fh.readline(MAX_DOCUMENT_BYTES + 1)
    except OSError:
        return "json"  # the reader reports the error
    if first.lstrip()[:1] == b"{":
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else "json"
        except (ValueError, UnicodeDecodeError):
            return "json"
    return "json"


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files under folders (sorted, recursive), glob matches, plain files, and '-' for stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        # an existing name is taken literally: "Bericht [1].txt" is a file, not a pattern that matches nothing
        if any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                # passed on, so the reader records "no such file" (a typo must not end as "0 input(s)", exit 0)
                log.warning("no file matches %s", p)
                yield p
            # a matched folder is walked, as the shell's own expansion of the pattern would have it (it was
            # dropped without a word); a file that "**" matches inside a walked folder comes once
            taken: set[str] = set()
            named = {m for m in matches if os.path.isfile(m)}
            for m in matches:
                for f in _walk(m, named) if os.path.isdir(m) else [m] if m in named else []:
                    if f not in taken:
                        taken.add(f)
                        yield f
            continue
        if Path(p).is_dir():
            yield from _walk(p)
        else:
            yield p


def _walk(folder: str, named: Collection[str] = ()) -> list[str]:
    """The readable files under ``folder`` (sorted, recursive); the others are named in a warning, except those
    in ``named`` (matched by the pattern itself, so read anyway)."""
    known: list[str] = []
    unknown: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for f in sorted(files):
            full = os.path.join(root, f)
            if f.lower().endswith(KNOWN_SUFFIXES) and not f.startswith("."):
                known.append(full)
            elif not f.startswith(".") and full not in named:
                unknown.append(full)
    if unknown:
        # not failures (a folder may hold a README or images next to the articles, and --strict would
        # fail on them), but never silent: the user sees up front what is left out and how to read it
        log.warning(skipped_message(folder, unknown))
    return known


def skipped_message(folder: str, files: list[str], shown: int = 5) -> str:
    names = ", ".join(os.path.relpath(f, folder) for f in files[:shown])
    more = f" and {len(files) - shown} more" if len(files) > shown else ""
    return (f"skipped {len(files)} file(s) in folder {folder} whose extension is not one of {' '.join(KNOWN_SUFFIXES)}: "
            f"{names}{more} (name a file directly to read it as plain text)")


def read_paths(paths: Iterable[str], *, fields: JsonlFields | None = None) -> Iterator[RawInput | InputFailure]:
    fields = fields or JsonlFields()
    for p in expand_paths(paths):
        if p == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", fields=fields)
            continue
        try:
            path = Path(p)
            if not path.exists():
                pattern = any(ch in p for ch in "*?[")
                raise InputError("no file matches this pattern" if pattern else "no such file", source=p)
            if path.is_dir():
                raise InputError("is a folder that could not be walked", source=p)
            if not path.is_file():
                # a pipe or device (/dev/stdin, a FIFO, /dev/zero): no size to check and no second open,
                # so it is read once, bounded, like stdin (read_bytes() on /dev/zero grew to 12 GB)
                with path.open("rb") as stream:
                    yield from read_stream(stream, p, fields=fields)
                continue
            size = path.stat().st_size
            with path.open("rb") as fh:
                head = fh.read(8)
            fmt = _format_of(path, head)
            if fmt == "warc":
                yield from read_warc(path)
            elif fmt == "jsonl":
                yield from read_jsonl(path, fields=fields)
            elif fmt == "json":
                if size > MAX_JSON_BYTES:
                    raise InputTooLargeError(f"JSON file has {size:,} bytes; the limit is {MAX_JSON_BYTES:,} "
                                             "(JSON Lines files have no limit)", source=p)
                yield from _read_json_document(_read_bounded(path, MAX_JSON_BYTES), p, fields)
            else:
                if size > MAX_DOCUMENT_BYTES:
                    raise InputTooLargeError(f"file has {size:,} bytes; the limit is {MAX_DOCUMENT_BYTES:,}", source=p)
                yield RawInput(_read_bounded(path, MAX_DOCUMENT_BYTES), source_name=p, source_format=fmt)
        except LagebildError as exc:
            yield InputFailure(p, exc)
        except OSError as exc:
            yield InputFailure(p, InputError(f"cannot read file: {exc.strerror or exc}", source=p))
        except Exception as exc:  # a reader bug on a hostile file must not end the whole run
            log.debug("reader failed on %s", p, exc_info=True)
            yield InputFailure(p, MalformedInputError(f"file could not be read: {type(exc).__name__}: {exc}",
                                                      source=p))


def _read_bounded(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing one that grew past ``limit`` since its size was checked."""
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(f"file has more than {limit:,} bytes", source=str(path))
    return data


def read_stream(stream: Any, name: str, *, fields: JsonlFields) -> Iterator[RawInput | InputFailure]:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        where = "on stdin" if name == "<stdin>" else "in this stream"
        yield InputFailure(name, InputTooLargeError(f"more than {MAX_DOCUMENT_BYTES:,} bytes {where}", source=name))
        return
    if data.startswith(b"\x1f\x8b") and not _gunzip_head(data).startswith(b"WARC/"):
        # a gzipped JSONL or text file piped in (`zcat` forgotten): only WARC goes to the WARC reader
        yield from _read_gzip_stream(data, name, fields)
    elif data.startswith(b"WARC/") or data.startswith(b"\x1f\x8b"):
        yield from _read_warc_stream(io.BytesIO(data), name)
    elif data.lstrip()[:1] == b"[":
        yield from _read_json_document(data, name, fields)
    elif data.lstrip()[:1] == b"{":
        yield from _read_jsonl_lines(io.BytesIO(data), name, fields)
    else:
        yield RawInput(data, source_name=name, source_format="text")


def _gunzip_head(data: bytes, size: int = 64) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], size)
    except zlib.error:
        return b""


def _read_gzip_stream(data: bytes, name: str, fields: JsonlFields) -> Iterator[RawInput | InputFailure]:
    if _gunzip_head(data).lstrip()[:1] == b"{":
        yield from _read_jsonl_lines(gzip.GzipFile(fileobj=io.BytesIO(data)), name, fields)
        return
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            text = fh.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield InputFailure(name, MalformedInputError(f"gzip stream is damaged: {exc}", source=name))
        return
    if len(text) > MAX_DOCUMENT_BYTES:
        yield InputFailure(name, InputTooLargeError(f"more than {MAX_DOCUMENT_BYTES:,} bytes after gunzip",
                                                    source=name))
        return
    yield RawInput(text, source_name=name, source_format="text")


def read_jsonl(path: Path, *, fields: JsonlFields) -> Iterator[RawInput | InputFailure]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as fh:  # type: ignore[operator]
        yield from _read_jsonl_lines(fh, str(path), fields)


def _read_jsonl_lines(fh: Any, name: str, fields: JsonlFields) -> Iterator[RawInput | InputFailure]:
    lineno = 0
    while True:
        lineno += 1
        where = f"{name}:{lineno}"
        try:
            line = fh.readline(MAX_DOCUMENT_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt gzip
            yield InputFailure(where, MalformedInputError(f"stream ends badly: {exc}", source=where))
            return
        if not line:
            return
        if len(line) > MAX_DOCUMENT_BYTES:
            yield InputFailure(where, InputTooLargeError("JSON line longer than the document limit", source=where))
            # skip the rest of this over-long line
            while line and not line.endswith(b"\n"):
                line = fh.readline(MAX_DOCUMENT_BYTES)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield InputFailure(where, MalformedInputError(f"line is not valid JSON ({exc})", source=where))
            continue
        yield _from_object(obj, where, fields, what="JSON line")


def _from_object(obj: Any, where: str, fields: JsonlFields, *, what: str) -> RawInput | InputFailure:
    if not isinstance(obj, dict):
        return InputFailure(where, MalformedInputError(f"{what} is not an object", source=where))
    text = obj.get(fields.text)
    fmt = "text"
    if not text and obj.get(fields.html):
        text, fmt = obj[fields.html], "html"
    if not isinstance(text, str) or not text.strip():
        return InputFailure(where, MalformedInputError(
            f"no text in field '{fields.text}' (or '{fields.html}')", source=where))
    return RawInput(text, source_name=where, source_format=fmt if fmt == "html" else "jsonl",
                    url=_str_or_none(obj.get(fields.url)), published=_str_or_none(obj.get(fields.date)),
                    title=_str_or_none(obj.get(fields.title)))


def _read_json_document(data: bytes, name: str, fields: JsonlFields) -> Iterator[RawInput | InputFailure]:
    """A whole JSON document: an array of article objects (``name:1``, ``name:2``, ...) or one object."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        yield InputFailure(name, MalformedInputError(f"file is not valid JSON ({exc})", source=name))
        return
    items = doc if isinstance(doc, list) else [doc]
    if not items:
        yield InputFailure(name, MalformedInputError("JSON array holds no articles", source=name))
    for i, obj in enumerate(items, 1):
        yield _from_object(obj, f"{name}:{i}", fields, what="JSON array item" if isinstance(doc, list) else "JSON")


def _http_status(record: Any) -> int | None:
    try:
        code = record.http_headers.get_statuscode() if record.http_headers else None
        return int(code) if code else None
    except (TypeError, ValueError):
        return None


def _str_or_none(v: Any) -> str | None:
    return None if v in (None, "") else str(v)


def read_warc(path: Path) -> Iterator[RawInput | InputFailure]:
    with path.open("rb") as fh:
        yield from _read_warc_stream(fh, str(path))


def _read_warc_stream(fh: Any, name: str) -> Iterator[RawInput | InputFailure]:
    """HTML response records of a WARC; a truncated or garbled file yields a failure and stops.

    warcio stops quietly at a cut-off gzip member or record, so truncation is
    detected here: a record whose block ends early, or bytes left unread at the end.
    """
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        fh.seek(0, os.SEEK_END)
        total = fh.tell()
        fh.seek(0)
    except (OSError, AttributeError):
        total = None
    iterator = ArchiveIterator(fh, arc2warc=True)
    try:
        for record in iterator:
            n += 1
            where = f"{name}#{record.rec_headers.get_header('WARC-Record-ID') or n}"
            is_html = False
            if record.rec_type == "response":
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                is_html = "html" in ctype.lower()
            if not is_html:
                continue
            status = _http_status(record)
            if status is not None and not 200 <= status < 300:
                # redirects and error pages are crawl plumbing, not articles: neither stored nor failures
                log.debug("skipping %s: HTTP status %s", where, status)
                continue
            try:
                payload = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            except Exception as exc:  # warcio raises zlib/io errors on damaged records
                yield InputFailure(where, MalformedInputError(f"damaged WARC record: {exc}", source=where))
                continue
            if len(payload) > MAX_DOCUMENT_BYTES:
                yield InputFailure(where, InputTooLargeError("WARC record payload over the limit", source=where))
                continue
            if getattr(record.raw_stream, "limit", 0):
                yield InputFailure(where, MalformedInputError("WARC record is cut off before its declared length",
                                                              source=where))
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            yield RawInput(payload, source_name=where, source_format="warc", url=uri,
                           published=record.rec_headers.get_header("WARC-Date"),
                           extra={"warc_date": record.rec_headers.get_header("WARC-Date")})
    except Exception as exc:  # ArchiveLoadFailed, zlib.error, EOFError on truncated archives
        if isinstance(exc, (OSError, EOFError, zlib.error)) or type(exc).__module__.startswith("warcio"):
            detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        else:
            # warcio's parser trips over a record header cut in the middle with a bare AttributeError & co.
            detail = f"a record header could not be parsed ({type(exc).__name__})"
        what = f"WARC is truncated or damaged after {n} record(s)" if n else "not a readable WARC file"
        yield InputFailure(name, MalformedInputError(f"{what}: {detail}", source=name))
        return
    if n == 0:
        yield InputFailure(name, MalformedInputError("no WARC records found", source=name))
    elif total is not None and iterator.offset < total:
        yield InputFailure(name, MalformedInputError(
            f"WARC is truncated: {total - iterator.offset} byte(s) after record {n} could not be read", source=name))
