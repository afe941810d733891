"""HTTP API and web page: ``lagebild serve --db lagebild.duckdb``.

A thin layer over the library: the store (:class:`~lagebild.store.Store`) for
reading, :func:`lagebild.load` + :func:`lagebild.clean.prepare_article` for
``POST /analyze``, :mod:`lagebild.queries` for filtered listings and
:mod:`lagebild.search` for German full-text search.

Safe by default: loopback only (another host needs ``--allow-remote``),
read-only (``POST /analyze`` answers 403 unless started with ``--writable``),
optional bearer token, request size, time and concurrency limits, and SQL
with bound parameters only. See ``docs/api.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import hmac
import inspect
import io
import ipaddress
import json
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .errors import (
    AuthenticationError,
    ConfigError,
    ForbiddenError,
    HostNotAllowedError,
    InputError,
    InputTooLargeError,
    LagebildError,
    MalformedInputError,
    NotFoundError,
    ParameterError,
    RequestError,
    RequestTimeoutError,
    ServerBusyError,
    StoreError,
    UnsupportedLanguageError,
    UnsupportedMediaTypeError,
)
from .queries import (
    ARTICLE_ID_RE,
    KINDS,
    Filters,
    clusters_sql,
    columns,
    count_sql,
    from_clause,
    keys_sql,
    parse_bbox,
    parse_country,
    parse_date,
    per_article_sql,
    rows_sql,
    select_sql,
    sentence_around,
    where,
)
from .search import SearchIndex, snippet
from .store import Store

log = logging.getLogger(__name__)

DEFAULT_PORT = 8000
#: request bodies above this many bytes get 413 (POST /analyze takes one article)
MAX_BODY_BYTES = 2_000_000
#: longest a database query may run before it is interrupted (seconds)
QUERY_TIMEOUT = 10.0
#: longest a whole request may take before the client gets 504 (seconds)
REQUEST_TIMEOUT = 60.0
#: requests handled at once; more wait up to QUEUE_TIMEOUT seconds, then get 503
MAX_CONCURRENCY = 32
QUEUE_TIMEOUT = 5.0
#: analyses run at once (CPU-bound; the machine has few cores)
ANALYZE_CONCURRENCY = 1
MAX_PAGE = 1000
MAX_EXPORT_PAGE = 10_000
MAX_Q_LEN = 200
#: full-text hits considered when ``q`` filters a listing
MAX_SEARCH_HITS = 5000
#: aggregate answers kept in memory (per distinct query string), least recently used dropped first; the byte
#: bound matters more than the count: one answer may be megabytes (10,000 places as GeoJSON)
CACHE_ENTRIES = 512
CACHE_BYTES = 64 * 2**20

#: Host header values a loopback-only server answers (anything else is a DNS-rebinding attempt)
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]
#: paths that need no token: the page, its static files, health and the API docs
PUBLIC_PREFIXES = ("/static/", "/docs", "/openapi.json")
PUBLIC_PATHS = ("/", "/health", "/favicon.ico")

CSP = ("default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def web_dir() -> Path:
    return Path(str(resources.files("lagebild").joinpath("web")))


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# -- ASGI middleware -----------------------------------------------------------------------------------
ASGIApp = Callable[[dict, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


#: OpenAPI schema of every error answer
ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error", "type": "object", "required": ["detail", "code", "error"],
    "properties": {"detail": {"type": "string", "description": "what went wrong, for people"},
                   "code": {"type": "string", "description": "catalogue code (lagebild/errors.py), e.g. E109"},
                   "error": {"type": "string", "description": "error class, e.g. ParameterError"}},
}


def validation_message(errors: Sequence[Any]) -> str:
    """FastAPI's list of validation errors as one sentence: "query parameter 'limit': Input should be ..."."""
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ())]
        where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) > 1 else "request"
        parts.append(f"{where}: {e.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def error_body(err: LagebildError) -> dict[str, str]:
    """The one shape of every API error answer: a message, the catalogue code and the error class."""
    return {"detail": err.message, "code": err.code, "error": type(err).__name__}


async def _send_json(send: Any, status: int, body: dict[str, Any], headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": data})


class LimitsMiddleware:
    """Body size, concurrency and whole-request time limits, as plain ASGI (sees the body as it streams)."""

    def __init__(self, app: ASGIApp, *, max_body: int, max_concurrency: int, queue_timeout: float,
                 request_timeout: float):
        self.app = app
        self.max_body = max_body
        self.sem = asyncio.Semaphore(max_concurrency)
        self.queue_timeout = queue_timeout
        self.request_timeout = request_timeout

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                await _send_json(send, 400, error_body(InputError("invalid Content-Length")))
                return
            if too_big:
                await _send_json(send, 413, error_body(InputTooLargeError(f"request body over the limit of {self.max_body} bytes")))
                return
        try:
            await asyncio.wait_for(self.sem.acquire(), self.queue_timeout)
        except TimeoutError:
            await _send_json(send, 503, error_body(ServerBusyError("server busy, retry later")), [(b"retry-after", b"1")])
            return
        received = 0
        started = False

        async def limited_receive() -> dict:
            nonlocal received
            msg = await receive()
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge()
            return msg

        async def tracking_send(msg: dict) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await asyncio.wait_for(self.app(scope, limited_receive, tracking_send), self.request_timeout)
        except _BodyTooLarge:
            if not started:
                await _send_json(send, 413, error_body(InputTooLargeError(f"request body over the limit of {self.max_body} bytes")))
        except TimeoutError:
            if not started:
                await _send_json(send, 504,
                                 error_body(RequestTimeoutError(f"request took longer than {self.request_timeout:g} s")))
        finally:
            self.sem.release()


class _BodyTooLarge(Exception):
    pass


class TokenMiddleware:
    """Bearer token (``Authorization: Bearer T`` or ``X-API-Token: T``) on every API path."""

    def __init__(self, app: ASGIApp, token: str):
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-api-token", b"")
        auth = headers.get(b"authorization", b"")
        if auth[:7].lower() == b"bearer ":
            given = auth[7:].strip()
        if not given or not hmac.compare_digest(given, self.token):
            await _send_json(send, 401, error_body(AuthenticationError("missing or wrong API token")),
                             [(b"www-authenticate", b'Bearer realm="lagebild"')])
            return
        await self.app(scope, receive, send)


def host_name(header: str) -> str:
    """The name part of a Host header: "[::1]:8000" -> "[::1]", "localhost:8000" -> "localhost"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostMiddleware:
    """Answers only requests whose Host is one of ``allowed`` ("*.example.org" matches subdomains).

    Starlette's TrustedHostMiddleware does the same check but answers in plain text; this API answers every
    error as JSON with a code.
    """

    def __init__(self, app: ASGIApp, allowed: Sequence[str]):
        self.app = app
        self.allowed = [h.lower() for h in allowed]

    def _allowed(self, host: str) -> bool:
        return any(pattern == "*" or pattern == host or (pattern.startswith("*.") and host.endswith(pattern[1:]))
                   for pattern in self.allowed)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if not self._allowed(host_name(header)):
            err = HostNotAllowedError(f"invalid Host header {header[:100]!r}: not a name this server answers")
            await _send_json(send, 400, error_body(err))
            return
        await self.app(scope, receive, send)


# -- the application -----------------------------------------------------------------------------------
class Backend:
    """What the endpoints share: the store, the search index and the lazily loaded pipeline."""

    def __init__(self, db_path: str | Path, *, writable: bool, mode: str, disable: tuple[str, ...],
                 analyzer_factory: Callable[[], Any] | None, query_timeout: float, analyze_concurrency: int):
        self.store = Store(db_path, read_only=not writable)
        self.writable = writable
        self.mode = mode
        self.disable = disable
        self.index = SearchIndex(self.store)
        self.query_timeout = query_timeout
        self._analyzer: Any = None
        self._analyzer_factory = analyzer_factory
        self._analyzer_lock = threading.Lock()
        self.analyze_sem = asyncio.Semaphore(analyze_concurrency)
        self._cache: OrderedDict[str, tuple[bytes, str | None]] = OrderedDict()
        self._cache_bytes = 0
        self._cache_lock = threading.Lock()

    def cache_get(self, key: str) -> tuple[bytes, str | None] | None:
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
            return hit

    def cache_put(self, key: str, value: tuple[bytes, str | None]) -> None:
        if len(value[0]) > CACHE_BYTES // 8:  # a few huge answers would evict everything else
            return
        with self._cache_lock:
            old = self._cache.pop(key, None)
            if old is not None:
                self._cache_bytes -= len(old[0])
            self._cache[key] = value
            self._cache_bytes += len(value[0])
            while len(self._cache) > CACHE_ENTRIES or self._cache_bytes > CACHE_BYTES:
                _, dropped = self._cache.popitem(last=False)
                self._cache_bytes -= len(dropped[0])

    def cache_clear(self) -> None:
        with self._cache_lock:
            self._cache.clear()
            self._cache_bytes = 0

    def analyzer(self) -> Any:
        with self._analyzer_lock:
            if self._analyzer is None:
                if self._analyzer_factory is not None:
                    self._analyzer = self._analyzer_factory()
                else:
                    import lagebild

                    self._analyzer = lagebild.load(self.mode, disable=self.disable)
            return self._analyzer

    def query(self, sql: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one query on its own cursor; interrupt it when it runs past the time limit."""
        cur = self.store.cursor()
        timer = threading.Timer(self.query_timeout, cur.interrupt)
        timer.start()
        try:
            cur.execute(sql, params)
            rows = cur.fetchall()
            cols = [d[0] for d in cur.description]
        except Exception as exc:
            if "interrupt" in str(exc).lower():
                raise ServerBusyError(f"query took longer than {self.query_timeout:g} s") from exc
            raise
        finally:
            timer.cancel()
            cur.close()
        return cols, rows

    def texts(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        _, rows = self.query("SELECT id, text FROM articles WHERE id IN (SELECT UNNEST(?))", [list(set(ids))])
        return dict(rows)

    def close(self) -> None:
        self.index.close()
        self.store.close()


def _error_status(exc: LagebildError) -> int:
    if isinstance(exc, RequestError):
        return exc.status
    if isinstance(exc, InputTooLargeError):
        return 413
    if isinstance(exc, UnsupportedLanguageError):
        return 422
    if isinstance(exc, (InputError, ConfigError)):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _jsonable(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def create_app(db_path: str | Path, *, writable: bool = False, token: str | None = None, mode: str = "fast",
               disable: tuple[str, ...] | list[str] = (), analyzer_factory: Callable[[], Any] | None = None,
               max_body: int = MAX_BODY_BYTES, max_concurrency: int = MAX_CONCURRENCY,
               queue_timeout: float = QUEUE_TIMEOUT, request_timeout: float = REQUEST_TIMEOUT,
               query_timeout: float = QUERY_TIMEOUT, analyze_concurrency: int = ANALYZE_CONCURRENCY,
               warm_search: bool = False, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The FastAPI app over one database file.

    ``writable`` lets ``POST /analyze`` store articles (otherwise it answers 403 and the database is
    opened read-only). ``token`` requires ``Authorization: Bearer <token>`` on every API path.
    ``analyzer_factory`` replaces ``lagebild.load(mode, disable=...)`` (tests use a small pipeline).
    ``allowed_hosts`` restricts the Host header (against DNS rebinding); ``lagebild serve`` sets it to the
    loopback names unless ``--allow-remote``.
    """
    from .pipeline import check_disable

    check_disable(disable)  # the pipeline loads on the first analysis: a bad --disable must stop the start
    backend = Backend(db_path, writable=writable, mode=mode, disable=tuple(disable),
                      analyzer_factory=analyzer_factory, query_timeout=query_timeout,
                      analyze_concurrency=analyze_concurrency)
    if warm_search:
        threading.Thread(target=backend.index.ensure_built, daemon=True, name="search-index").start()

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        backend.close()

    app = FastAPI(title="lagebild API", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who did what to whom, where, when and how many — German news articles analysed "
                              "with character-exact provenance. Every record's `start`/`end` index the article "
                              "`text` returned by `GET /articles/{id}`.")
    app.state.backend = backend
    www = web_dir()
    app.mount("/static", StaticFiles(directory=str(www)), name="static")

    @app.exception_handler(LagebildError)
    async def lagebild_error(_: Request, exc: LagebildError) -> JSONResponse:
        return JSONResponse(error_body(exc), status_code=_error_status(exc))

    # the framework's own refusals (an unknown path, a method a path does not take, a parameter outside its
    # declared type or bounds) answer in the same shape as ours, with their status kept
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = {401: AuthenticationError, 403: ForbiddenError, 404: NotFoundError, 415: UnsupportedMediaTypeError,
                503: ServerBusyError, 504: RequestTimeoutError}.get(exc.status_code, RequestError)
        return JSONResponse(error_body(kind(str(exc.detail))), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal_error(_: Request, exc: Exception) -> JSONResponse:
        # Starlette re-raises the exception after this answer, so the server log keeps the traceback
        return JSONResponse(error_body(LagebildError("internal server error; the server log has the details")),
                            status_code=500)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(error_body(ParameterError(validation_message(exc.errors()))), status_code=422)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith("/docs"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    # -- page and docs ----------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(www / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="lagebild API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "writable": backend.writable,
                "token_required": token is not None}

    # -- shared filter parsing --------------------------------------------------------------------------
    def filters(since: str | None, until: str | None, country: str | None, event_type: str | None,
                actor: str | None, source: str | None, article: str | None, type_: str | None,
                q: str | None, bbox: str | None = None, geonameid: int | None = None,
                place: str | None = None) -> Filters:
        f = Filters(since=parse_date(since, "since"), until=parse_date(until, "until"),
                    country=parse_country(country), event_type=event_type or None, actor=actor or None,
                    source=source or None, article=article or None, type=type_ or None, bbox=parse_bbox(bbox),
                    geonameid=geonameid, name=place or None)
        if f.since and f.until and f.since > f.until:
            raise InputError("since is after until")
        if q and q.strip():
            f.article_ids = [aid for aid, _ in backend.index.search(q, limit=MAX_SEARCH_HITS)]
        return f

    def respond(kind: str, f: Filters, limit: int, offset: int, fmt: str) -> Response:
        if fmt == "geojson" and not KINDS[kind].geo:
            raise InputError(f"format=geojson is available for events and places, not {kind}")
        cap = MAX_PAGE if fmt == "json" else MAX_EXPORT_PAGE
        if limit > cap:
            # a LagebildError, so the 400 carries a code like every other bad filter value
            raise InputError(f"limit must be at most {cap} for format={fmt}")
        w, params = where(kind, f)
        cols: list[str] = []
        if kind == "articles":
            total = backend.query(count_sql(kind, w), params)[1][0][0]
            cols, rows = backend.query(select_sql(kind, w), [*params, limit, offset])
        elif KINDS[kind].date_expr == "a.published_date":
            # ordered by article: page over per-article counts, then read only the page's articles
            _, per = backend.query(per_article_sql(kind, w), params)
            total = sum(n for _, n in per)
            page_ids: list[Any] = []
            skip, seen = 0, 0
            for aid, n in per:
                if seen + n > offset and seen < offset + limit:
                    if not page_ids:
                        skip = offset - seen
                    page_ids.append(aid)
                seen += n
                if seen >= offset + limit:
                    break
            rows = []
            if page_ids:
                cols, full = backend.query(rows_sql(kind, w), [*params, page_ids])
                order = {aid: i for i, aid in enumerate(page_ids)}
                full.sort(key=lambda r: (order[r[0]], r[1]))
                rows = full[skip : skip + limit]
        else:
            total = backend.query(count_sql(kind, w), params)[1][0][0]
            _, keys = backend.query(keys_sql(kind, w), [*params, limit, offset])
            cols, full = backend.query(rows_sql(kind, w), [*params, list({k[0] for k in keys})]) if keys else ([], [])
            by_key = {(r[0], r[1]): r for r in full}
            rows = [by_key[k] for k in keys if k in by_key]
        headers = {"X-Total-Count": str(total)}
        flat_cols = columns(kind)
        if fmt == "csv":
            buf = io.StringIO()
            wr = csv.writer(buf)
            wr.writerow(flat_cols)
            for r in rows:
                wr.writerow([_jsonable(v) for v in r[: len(flat_cols)]])
            headers["Content-Disposition"] = f'attachment; filename="lagebild-{kind}.csv"'
            return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
        if fmt == "geojson":
            feats = []
            for r in rows:
                props = {c: _jsonable(v) for c, v in zip(flat_cols, r, strict=False)}
                if props.get("lat") is None or props.get("lon") is None:
                    continue
                feats.append({"type": "Feature", "geometry": {"type": "Point",
                                                               "coordinates": [props["lon"], props["lat"]]},
                              "properties": props})
            return JSONResponse({"type": "FeatureCollection", "features": feats, "total": total},
                                media_type="application/geo+json", headers=headers)
        if kind == "articles":
            items = [{c: _jsonable(v) for c, v in zip(cols, r, strict=True)} for r in rows]
            _add_counts(items)
        else:
            items = []
            texts = backend.texts([r[0] for r in rows])
            for r in rows:
                rec = json.loads(r[-1])
                item = {"article_id": r[0], "idx": r[1], "published": _jsonable(r[2]), "title": r[3],
                        "site": r[4], **rec}
                if kind == "events":
                    item.update({c: _jsonable(v) for c, v in zip(cols, r, strict=True)
                                 if c in ("source_codes", "target_codes", "place_name", "country_iso3", "lat", "lon")})
                text = texts.get(r[0])
                if text is not None:
                    s, e = sentence_around(text, rec["start"], rec["end"])
                    item["context"] = {"start": s, "end": e, "text": text[s:e]}
                items.append(item)
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "items": items}, headers=headers)

    def _add_counts(items: list[dict[str, Any]]) -> None:
        ids = [it["id"] for it in items]
        if not ids:
            return
        sql = " UNION ALL ".join(
            f"SELECT '{layer}' AS layer, article_id, COUNT(*) FROM {layer} WHERE article_id IN (SELECT UNNEST(?)) "
            "GROUP BY article_id" for layer in ("entities", "places", "events", "quotes"))
        _, rows = backend.query(sql, [ids] * 4)
        counts: dict[str, dict[str, int]] = {}
        for layer, aid, n in rows:
            counts.setdefault(aid, {})[layer] = n
        for it in items:
            it["counts"] = {layer: counts.get(it["id"], {}).get(layer, 0)
                            for layer in ("entities", "places", "events", "quotes")}

    # place filters of every listing and aggregate (events and places by their own place, the rest by article)
    BBOX = Query(None, max_length=100, description="min_lon,min_lat,max_lon,max_lat; layers without coordinates: "
                 "articles that mention a place or event inside")
    GEONAMEID = Query(None, ge=0, description="GeoNames id; layers without places: articles that mention it")
    PLACE = Query(None, max_length=200, description="place name as resolved; layers without places: articles "
                  "that mention it")

    # common query parameters, declared once per endpoint for the OpenAPI docs
    def listing(kind: str, type_help: str, geo: bool = False) -> Callable[..., Response]:
        formats = "^(json|csv|geojson)$" if geo else "^(json|csv)$"

        def endpoint(
            since: str | None = Query(None, description="on or after this day (YYYY-MM-DD)"),
            until: str | None = Query(None, description="on or before this day (YYYY-MM-DD)"),
            country: str | None = Query(None, max_length=60, description="ISO 3166 alpha-2/alpha-3 code"),
            event_type: str | None = Query(None, max_length=40, description="PLOVER event type, e.g. ASSAULT"),
            actor: str | None = Query(None, max_length=100, description="actor name or code (substring)"),
            source: str | None = Query(None, max_length=200, description="site or URL (substring)"),
            article: str | None = Query(None, max_length=128, description="one article id"),
            type: str | None = Query(None, max_length=40, description=type_help),
            q: str | None = Query(None, max_length=MAX_Q_LEN, description="full-text query (German stemming)"),
            bbox: str | None = BBOX, geonameid: int | None = GEONAMEID, place: str | None = PLACE,
            cluster: str | None = Query(None, max_length=128, description="one story cluster id (see /clusters)"),
            unique: bool = Query(False, description="skip near-duplicate copies; events: each event once per "
                                 "story cluster"),
            limit: int = Query(50, ge=1, le=MAX_EXPORT_PAGE),
            offset: int = Query(0, ge=0, le=10_000_000),
            format: str = Query("json", pattern=formats),
        ) -> Response:
            f = filters(since, until, country, event_type, actor, source, article, type, q, bbox, geonameid, place)
            f.cluster = cluster or None
            f.unique = unique
            return respond(kind, f, limit, offset, format)

        endpoint.__name__ = f"list_{kind}"
        return endpoint

    app.get("/articles", tags=["listings"], summary="Articles, newest first")(
        listing("articles", "language code (de, en)"))
    app.get("/events", tags=["listings"], summary="Events (who did what to whom, where, when)")(
        listing("events", "event type (same as event_type)", geo=True))
    app.get("/entities", tags=["listings"], summary="Entity mentions")(listing("entities", "label: PER, ORG, LOC, MISC"))
    app.get("/places", tags=["listings"], summary="Place mentions with coordinates")(
        listing("places", "feature type: country, city, admin1, ...", geo=True))
    app.get("/quotes", tags=["listings"], summary="Quotes; actor= filters by speaker")(
        listing("quotes", "kind: direct, indirect, reported"))
    app.get("/times", tags=["listings"], summary="Time expressions")(listing("times", "DATE, TIME, DURATION, SET"))
    app.get("/quantities", tags=["listings"], summary="Quantities (casualty counts ...)")(
        listing("quantities", "GKG type: KILL, WOUND, ..."))

    @app.get("/clusters", tags=["aggregates"],
             summary="Story clusters: articles about one story, near-duplicate copies, events counted once")
    def clusters(
        since: str | None = Query(None, description="published on or after this day (YYYY-MM-DD)"),
        until: str | None = Query(None, description="published on or before this day (YYYY-MM-DD)"),
        country: str | None = Query(None, max_length=60, description="ISO 3166 alpha-2/alpha-3 code"),
        event_type: str | None = Query(None, max_length=40, description="clusters with this PLOVER event type"),
        q: str | None = Query(None, max_length=MAX_Q_LEN, description="full-text query (German stemming)"),
        min_size: int = Query(1, ge=1, le=100_000, description="at least this many articles"),
        order: str = Query("last", pattern="^(last|size)$", description="last: newest first; size: largest first"),
        limit: int = Query(50, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=10_000_000),
        cluster: str | None = Query(None, max_length=128, description="only this story cluster"),
    ) -> JSONResponse:
        f = filters(since, until, country, event_type, None, None, None, None, q)
        f.cluster = cluster or None
        w, params = where("articles", f)
        _, count_rows = backend.query(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM articles a WHERE {w} "
            "GROUP BY COALESCE(a.cluster_id, a.id) HAVING COUNT(*) >= ?)", [*params, min_size])
        cols, rows = backend.query(clusters_sql(w, order), [*params, min_size, limit, offset])
        total = count_rows[0][0]
        items = [{c: _jsonable(v) for c, v in zip(cols, r, strict=True)} for r in rows]
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "items": items},
                            headers={"X-Total-Count": str(total)})

    @app.get("/articles/{article_id}", tags=["articles"], summary="One article with every annotation layer")
    def get_article(article_id: str) -> JSONResponse:
        if not ARTICLE_ID_RE.match(article_id):
            raise NotFoundError("no such article")
        doc = backend.store.get_doc(article_id)
        if doc is None:
            raise NotFoundError("no such article")
        return JSONResponse(doc)

    @app.get("/search", tags=["search"], summary="Full-text search over titles and texts (German stemming, BM25)")
    def search(
        q: str = Query(..., min_length=1, max_length=MAX_Q_LEN),
        since: str | None = None, until: str | None = None,
        country: str | None = Query(None, max_length=60), event_type: str | None = Query(None, max_length=40),
        actor: str | None = Query(None, max_length=100), source: str | None = Query(None, max_length=200),
        limit: int = Query(20, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_SEARCH_HITS),
        unique: bool = Query(False, description="skip near-duplicate copies"),
    ) -> JSONResponse:
        f = filters(since, until, country, event_type, actor, source, None, None, None)
        f.unique = unique
        hits, total = backend.index.search_count(q, limit=MAX_SEARCH_HITS)
        scores = dict(hits)
        if any((f.since, f.until, f.country, f.event_type, f.actor, f.source, f.unique)):
            f.article_ids = list(scores)
            w, params = where("articles", f)
            _, rows = backend.query(f"SELECT a.id FROM articles a WHERE {w}", params)
            allowed = {r[0] for r in rows}
            ranked = [aid for aid, _ in hits if aid in allowed]
            total = len(ranked)
        else:
            ranked = [aid for aid, _ in hits]
        page = ranked[offset : offset + limit]
        items = []
        if page:
            cols, rows = backend.query("SELECT id, published, title, site, url, language, n_chars, text "
                                       "FROM articles WHERE id IN (SELECT UNNEST(?))", [page])
            by_id = {r[0]: dict(zip(cols, r, strict=True)) for r in rows}
            for aid in page:
                a = by_id[aid]
                text = a.pop("text")
                items.append({**{k: _jsonable(v) for k, v in a.items()}, "score": round(scores[aid], 4),
                              "snippet": snippet(text, q)})
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "q": q, "items": items})

    # -- aggregates for the views ----------------------------------------------------------------------
    def agg_filters(since: str | None, until: str | None, country: str | None, event_type: str | None,
                    actor: str | None, source: str | None, q: str | None, type_: str | None = None,
                    unique: bool = False, cluster: str | None = None, *, article: str | None = None,
                    bbox: str | None = None, geonameid: int | None = None, place: str | None = None) -> Filters:
        f = filters(since, until, country, event_type, actor, source, article, type_, q, bbox, geonameid, place)
        f.unique = unique
        f.cluster = cluster or None
        return f

    UNIQUE = Query(False, description="skip near-duplicate copies; events once per story cluster")
    ARTICLE = Query(None, max_length=128, description="one article id")
    # README and api.md promise cluster= on every aggregate too (it was silently ignored there)
    CLUSTER = Query(None, max_length=128, description="one story cluster id (see /clusters)")

    def cache_response(fn: Callable[..., Response]) -> Callable[..., Response]:
        """Memoise an aggregate's answer by its query string (the data only changes through POST /analyze,
        which clears the cache)."""
        sig = inspect.signature(fn)

        def wrapper(request: Request, **kwargs: Any) -> Response:
            key = request.url.path + "?" + urlencode(sorted(request.query_params.multi_items()))
            hit = backend.cache_get(key)
            if hit is None:
                resp = fn(**kwargs)
                if resp.status_code != 200:
                    return resp
                hit = (bytes(resp.body), resp.media_type)
                backend.cache_put(key, hit)
            return Response(hit[0], media_type=hit[1])

        wrapper.__name__ = fn.__name__
        wrapper.__doc__ = fn.__doc__
        wrapper.__signature__ = sig.replace(parameters=[  # type: ignore[attr-defined]
            inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
            *sig.parameters.values()])
        return wrapper

    @app.get("/stats", tags=["meta"], summary="Counts and the values the filters can take")
    @cache_response
    def stats() -> JSONResponse:
        out: dict[str, Any] = {"counts": {}}
        for table in ("articles", "entities", "places", "times", "quantities", "quotes", "events"):
            out["counts"][table] = backend.query(f"SELECT COUNT(*) FROM {table}", [])[1][0][0]
        _, span = backend.query("SELECT MIN(published_date), MAX(published_date) FROM articles", [])
        out["published"] = [_jsonable(v) for v in span[0]]
        for key, sql in (
            ("event_types", "SELECT type, COUNT(*) FROM events GROUP BY 1 ORDER BY 2 DESC"),
            ("entity_labels", "SELECT label, COUNT(*) FROM entities GROUP BY 1 ORDER BY 2 DESC"),
            ("place_types", "SELECT feature_type, COUNT(*) FROM places GROUP BY 1 ORDER BY 2 DESC"),
            ("quote_kinds", "SELECT kind, COUNT(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC"),
            ("sites", "SELECT site, COUNT(*) FROM articles WHERE site IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 50"),
            ("countries", "SELECT country_iso3, COUNT(*) FROM places WHERE country_iso3 IS NOT NULL "
                          "GROUP BY 1 ORDER BY 2 DESC LIMIT 100"),
        ):
            out[key] = [[_jsonable(k), n] for k, n in backend.query(sql, [])[1] if k is not None]
        out["writable"] = backend.writable
        out["search_indexed"] = backend.index.built
        return JSONResponse(out)

    @app.get("/timeline", tags=["aggregates"], summary="Events per day/week/month and type")
    @cache_response
    def timeline(
        interval: str = Query("month", pattern="^(day|week|month|year)$"),
        since: str | None = None, until: str | None = None,
        country: str | None = Query(None, max_length=60), event_type: str | None = Query(None, max_length=40),
        actor: str | None = Query(None, max_length=100), source: str | None = Query(None, max_length=200),
        q: str | None = Query(None, max_length=MAX_Q_LEN),
        type: str | None = Query(None, max_length=40, description="event type (same as event_type)"),
        unique: bool = UNIQUE, cluster: str | None = CLUSTER, article: str | None = ARTICLE,
        bbox: str | None = BBOX, geonameid: int | None = GEONAMEID, place: str | None = PLACE,
    ) -> JSONResponse:
        f = agg_filters(since, until, country, event_type, actor, source, q, type, unique, cluster=cluster,
                        article=article, bbox=bbox, geonameid=geonameid, place=place)
        w, params = where("events", f)
        day = KINDS["events"].date_expr
        # interval is one of four fixed words (checked by the pattern above)
        _, rows = backend.query(
            f"SELECT CAST(DATE_TRUNC('{interval}', {day}) AS DATE) AS bucket, x.type, COUNT(*) "
            f"FROM events x JOIN articles a ON a.id = x.article_id WHERE {w} AND {day} IS NOT NULL "
            "GROUP BY 1, 2 ORDER BY 1, 2", params)
        return JSONResponse({"interval": interval,
                             "items": [{"bucket": _jsonable(b), "type": t, "count": n} for b, t, n in rows]})

    @app.get("/places/summary", tags=["aggregates"], summary="Mentioned places with counts (map layer)")
    @cache_response
    def places_summary(
        since: str | None = None, until: str | None = None,
        country: str | None = Query(None, max_length=60), event_type: str | None = Query(None, max_length=40),
        actor: str | None = Query(None, max_length=100), source: str | None = Query(None, max_length=200),
        q: str | None = Query(None, max_length=MAX_Q_LEN), type: str | None = Query(None, max_length=40),
        limit: int = Query(2000, ge=1, le=MAX_EXPORT_PAGE),
        format: str = Query("json", pattern="^(json|geojson)$"),
        unique: bool = UNIQUE, cluster: str | None = CLUSTER, article: str | None = ARTICLE,
        bbox: str | None = BBOX, geonameid: int | None = GEONAMEID, place: str | None = PLACE,
    ) -> JSONResponse:
        f = agg_filters(since, until, country, event_type, actor, source, q, type, unique, cluster=cluster,
                        article=article, bbox=bbox, geonameid=geonameid, place=place)
        w, params = where("places", f)
        cols, rows = backend.query(
            "SELECT x.geonameid, ANY_VALUE(x.name) AS name, ROUND(AVG(x.lat), 5) AS lat, ROUND(AVG(x.lon), 5) AS lon, "
            "ANY_VALUE(x.feature_type) AS feature_type, ANY_VALUE(x.country_iso3) AS country_iso3, "
            "COUNT(*) AS mentions, COUNT(DISTINCT x.article_id) AS articles "
            f"FROM {from_clause('places', w)} WHERE {w} AND x.lat IS NOT NULL "
            "GROUP BY x.geonameid, CASE WHEN x.geonameid IS NULL THEN x.name END "
            "ORDER BY mentions DESC, name LIMIT ?", [*params, limit])
        items = [{c: _jsonable(v) for c, v in zip(cols, r, strict=True)} for r in rows]
        if format == "geojson":
            return JSONResponse({"type": "FeatureCollection", "features": [
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [it["lon"], it["lat"]]},
                 "properties": it} for it in items]}, media_type="application/geo+json")
        return JSONResponse({"items": items})

    @app.get("/entities/summary", tags=["aggregates"], summary="Entities with mention and article counts")
    @cache_response
    def entities_summary(
        since: str | None = None, until: str | None = None,
        country: str | None = Query(None, max_length=60), event_type: str | None = Query(None, max_length=40),
        actor: str | None = Query(None, max_length=100), source: str | None = Query(None, max_length=200),
        q: str | None = Query(None, max_length=MAX_Q_LEN), type: str | None = Query(None, max_length=40),
        limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=1_000_000),
        unique: bool = UNIQUE, cluster: str | None = CLUSTER, article: str | None = ARTICLE,
        bbox: str | None = BBOX, geonameid: int | None = GEONAMEID, place: str | None = PLACE,
    ) -> JSONResponse:
        def compute() -> dict[str, Any]:
            f = agg_filters(since, until, country, event_type, actor, source, q, type, unique, cluster=cluster,
                            article=article, bbox=bbox, geonameid=geonameid, place=place)
            w, params = where("entities", f)
            src = from_clause("entities", w)
            # most mentioned first; distinct article counts only for this page (COUNT DISTINCT over
            # every entity would dominate the cost)
            cols, rows = backend.query(
                "SELECT COALESCE(x.canonical, x.text) AS name, x.label, ANY_VALUE(x.qid) AS qid, "
                f"ANY_VALUE(x.actor_code) AS actor_code, COUNT(*) AS mentions FROM {src} WHERE {w} "
                "GROUP BY 1, 2 ORDER BY mentions DESC, name, x.label LIMIT ? OFFSET ?", [*params, limit, offset])
            items = [{c: _jsonable(v) for c, v in zip(cols, r, strict=True)} for r in rows]
            if items:
                _, arts = backend.query(
                    f"SELECT COALESCE(x.canonical, x.text), x.label, COUNT(DISTINCT x.article_id) FROM {src} "
                    f"WHERE {w} AND COALESCE(x.canonical, x.text) IN (SELECT UNNEST(?)) GROUP BY 1, 2",
                    [*params, [it["name"] for it in items]])
                n_art = {(a, b): n for a, b, n in arts}
                for it in items:
                    it["articles"] = n_art.get((it["name"], it["label"]), 0)
            return {"items": items}

        return JSONResponse(compute())

    @app.get("/entities/cooccurrence", tags=["aggregates"],
             summary="Who is mentioned together with whom (same article)")
    @cache_response
    def cooccurrence(
        name: str | None = Query(None, max_length=200, description="partners of this entity (canonical name)"),
        since: str | None = None, until: str | None = None,
        country: str | None = Query(None, max_length=60), event_type: str | None = Query(None, max_length=40),
        source: str | None = Query(None, max_length=200), q: str | None = Query(None, max_length=MAX_Q_LEN),
        type: str | None = Query(None, max_length=40, description="only entities with this label"),
        top: int = Query(60, ge=2, le=500, description="without name: pairs among the top N entities"),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        unique: bool = UNIQUE, cluster: str | None = CLUSTER, article: str | None = ARTICLE,
        bbox: str | None = BBOX, geonameid: int | None = GEONAMEID, place: str | None = PLACE,
    ) -> JSONResponse:
        f = agg_filters(since, until, country, event_type, None, source, q, type, unique, cluster=cluster,
                        article=article, bbox=bbox, geonameid=geonameid, place=place)
        w, params = where("entities", f)
        ents = (f"SELECT DISTINCT x.article_id, COALESCE(x.canonical, x.text) AS name, x.label "
                f"FROM {from_clause('entities', w)} WHERE {w}")
        if name:
            sql = (f"WITH ents AS ({ents}) SELECT ?, y.name, y.label, COUNT(*) AS n FROM ents x "
                   "JOIN ents y ON x.article_id = y.article_id AND y.name <> x.name WHERE x.name = ? "
                   "GROUP BY y.name, y.label ORDER BY n DESC, y.name LIMIT ?")
            _, rows = backend.query(sql, [*params, name, name, limit])
            items = [{"a": r[0], "b": r[1], "b_label": r[2], "articles": r[3]} for r in rows]
        else:
            sql = (f"WITH ents AS ({ents}), topn AS (SELECT name FROM ents GROUP BY name ORDER BY COUNT(*) DESC, name "
                   "LIMIT ?), e2 AS (SELECT * FROM ents WHERE name IN (SELECT name FROM topn)) "
                   "SELECT x.name, x.label, y.name, y.label, COUNT(*) AS n FROM e2 x JOIN e2 y "
                   "ON x.article_id = y.article_id AND x.name < y.name GROUP BY 1, 2, 3, 4 "
                   "ORDER BY n DESC, 1, 3 LIMIT ?")
            _, rows = backend.query(sql, [*params, top, limit])
            items = [{"a": r[0], "a_label": r[1], "b": r[2], "b_label": r[3], "articles": r[4]} for r in rows]
        return JSONResponse({"items": items})

    @app.get("/quotes/speakers", tags=["aggregates"], summary="Speakers with their number of quotes")
    @cache_response
    def speakers(
        since: str | None = None, until: str | None = None,
        country: str | None = Query(None, max_length=60), event_type: str | None = Query(None, max_length=40),
        actor: str | None = Query(None, max_length=100), source: str | None = Query(None, max_length=200),
        q: str | None = Query(None, max_length=MAX_Q_LEN),
        type: str | None = Query(None, max_length=40, description="quote kind: direct, indirect, reported"),
        limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=1_000_000),
        unique: bool = UNIQUE, cluster: str | None = CLUSTER, article: str | None = ARTICLE,
        bbox: str | None = BBOX, geonameid: int | None = GEONAMEID, place: str | None = PLACE,
    ) -> JSONResponse:
        f = agg_filters(since, until, country, event_type, actor, source, q, type, unique, cluster=cluster,
                        article=article, bbox=bbox, geonameid=geonameid, place=place)
        w, params = where("quotes", f)
        _, rows = backend.query(
            "SELECT COALESCE(x.speaker, json_extract_string(x.data, '$.speaker_role'), '?') AS speaker, "
            "COUNT(*) AS quotes, COUNT(DISTINCT x.article_id) AS articles "
            f"FROM {from_clause('quotes', w)} WHERE {w} "
            "GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT ? OFFSET ?", [*params, limit, offset])
        return JSONResponse({"items": [{"speaker": s, "quotes": n, "articles": m} for s, n, m in rows]})

    # -- analysis -----------------------------------------------------------------------------------------
    @app.post("/analyze", tags=["analysis"], summary="Analyse one article (text or HTML)",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
                      "text": {"type": "string", "description": "article as plain text or HTML"},
                      "url": {"type": "string"}, "published": {"type": "string", "description": "YYYY-MM-DD"},
                      "language": {"type": "string"}, "title": {"type": "string"}}}},
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "file": {"type": "string", "format": "binary"}, "url": {"type": "string"},
                      "published": {"type": "string"}}}},
                  "text/plain": {"schema": {"type": "string"}},
                  "text/html": {"schema": {"type": "string"}}}}},
              responses={403: {"description": "server is read-only (start it with --writable)"},
                         413: {"description": "body over the size limit"}})
    async def analyze(request: Request, url: str | None = Query(None, max_length=2000),
                      published: str | None = Query(None, max_length=40)) -> JSONResponse:
        """Runs the pipeline on one article. Only a server started with ``--writable`` analyses: it stores the
        result (idempotent: the same text twice is stored once) and returns the full record."""
        if not backend.writable:
            raise ForbiddenError("this server is read-only: start it with --writable to analyse and store "
                                     "articles")
        origin = request.headers.get("origin")
        if origin and urlparse(origin).netloc != request.headers.get("host"):
            # another web site posting through a visitor's browser (plain-text or form posts need no preflight)
            raise ForbiddenError("cross-origin request refused")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        fields: dict[str, Any] = {"url": url, "published": published}
        if ctype == "application/json":
            try:
                body = json.loads(await request.body())
            except (ValueError, UnicodeDecodeError) as exc:
                raise MalformedInputError("body is not valid JSON") from exc
            if not isinstance(body, dict) or not isinstance(body.get("text"), str):
                raise InputError("JSON body needs a string field 'text'")
            for k in ("url", "published", "language", "title"):
                v = body.get(k)
                if v is not None and not isinstance(v, str):
                    raise InputError(f"field '{k}' must be a string")
                if v:
                    fields[k] = v
            content: str | bytes = body["text"]
        elif ctype == "multipart/form-data":
            form = await request.form()
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                text_field = form.get("text")
                if not isinstance(text_field, str):
                    raise InputError("multipart body needs a 'file' (or 'text') field")
                content = text_field
            else:
                content = await upload.read()
            for k in ("url", "published", "language", "title"):
                v = form.get(k)
                if isinstance(v, str) and v:
                    fields[k] = v
        elif ctype in ("text/plain", "text/html", "application/xhtml+xml", "application/octet-stream", ""):
            content = await request.body()
        else:
            raise UnsupportedMediaTypeError(f"unsupported content type {ctype!r}: send JSON, multipart, text or HTML")
        if fields.get("published"):
            parse_date(str(fields["published"])[:10], "published")
        async with backend.analyze_sem:
            from starlette.concurrency import run_in_threadpool

            result = await run_in_threadpool(_analyze_and_store, content, fields)
        return JSONResponse(result)

    def _analyze_and_store(content: str | bytes, fields: dict[str, Any]) -> dict[str, Any]:
        from .clean import prepare_article
        from .doc import Doc

        analyzer = backend.analyzer()
        article = prepare_article(content, url=fields.get("url"), published=fields.get("published"),
                                  language=fields.get("language"), title=fields.get("title"),
                                  source_name=fields.get("url") or "api")
        t0 = time.perf_counter()
        doc = analyzer.pipeline(Doc(article=article))
        elapsed = time.perf_counter() - t0
        counts = backend.store.write_batch([doc], mode=analyzer.mode)
        backend.index.add([(article.id, article.title, article.text)])
        backend.cache_clear()
        return {"id": article.id, "stored": True, "new": counts["new"] == 1, "seconds": round(elapsed, 3),
                "doc": doc.to_dict()}

    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        # FastAPI documents its own 422 list for every route with parameters; this API answers that shape
        if app.openapi_schema is None:
            spec = default_openapi()
            schemas = spec.get("components", {}).get("schemas", {})
            if "HTTPValidationError" in schemas:
                schemas["HTTPValidationError"] = ERROR_SCHEMA
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    # the offline basemap alone is 1.5 MB of GeoJSON; compressed it is a fraction of that
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)
    if token:
        app.add_middleware(TokenMiddleware, token=token)
    if allowed_hosts:
        app.add_middleware(HostMiddleware, allowed=allowed_hosts)
    # added last, so outermost: limits apply before anything else runs
    app.add_middleware(LimitsMiddleware, max_body=max_body, max_concurrency=max_concurrency,
                       queue_timeout=queue_timeout, request_timeout=request_timeout)
    return app


# -- command line --------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lagebild serve", description="HTTP API and web page over a lagebild database.")
    p.add_argument("--db", default="lagebild.duckdb", help="database file (default: %(default)s)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.add_argument("--allow-remote", action="store_true",
                   help="required to listen on a non-loopback address (e.g. --host 0.0.0.0)")
    p.add_argument("--writable", action="store_true",
                   help="open the database for writing: POST /analyze stores articles (default: read-only)")
    p.add_argument("--token", default=None,
                   help="require this API token (Authorization: Bearer ...); default: env LAGEBILD_API_TOKEN")
    p.add_argument("--mode", choices=("fast", "accurate"), default="fast", help="pipeline for POST /analyze")
    p.add_argument("--disable", action="append", metavar="STAGE", default=[],
                   help="switch a pipeline stage off for POST /analyze (repeatable)")
    p.add_argument("--max-body", type=int, default=MAX_BODY_BYTES, help="largest request body in bytes")
    p.add_argument("--max-concurrency", type=int, default=MAX_CONCURRENCY, help="requests handled at once")
    p.add_argument("--request-timeout", type=float, default=REQUEST_TIMEOUT, help="seconds per request")
    p.add_argument("--query-timeout", type=float, default=QUERY_TIMEOUT, help="seconds per database query")
    p.add_argument("--log-level", default="warning")
    return p


def _cannot_listen(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be bound (e.g. "address already in use"), or None when it can."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"unknown host ({exc.strerror})"
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            sock.bind(addr)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return reason + ("; choose another --port" if exc.errno == errno.EADDRINUSE else "")
    return None


def main(argv: list[str] | None = None) -> int:
    import sys

    import uvicorn

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--"]:
        argv = argv[1:]  # "lagebild serve -- --db X" passes the separator through
    args = build_parser().parse_args(argv)
    if not is_loopback(args.host) and not args.allow_remote:
        print(f"error: refusing to listen on {args.host}: that exposes the API beyond this machine. "
              "Add --allow-remote (and set --token) if you mean it.", file=sys.stderr)
        return 2
    token = args.token or os.environ.get("LAGEBILD_API_TOKEN") or None
    if not is_loopback(args.host) and not token:
        log.warning("listening on %s without an API token", args.host)
        print(f"warning: listening on {args.host} without an API token", file=sys.stderr)
    if not args.writable and not Path(args.db).exists():
        print(f"error: database {args.db} does not exist (create it with 'lagebild ingest', "
              "or start with --writable)", file=sys.stderr)
        return 5
    busy = _cannot_listen(args.host, args.port)
    if busy:
        # checked before the app starts its search-index thread: uvicorn's exit on a failed bind with that
        # thread inside DuckDB aborted the process ("terminate called ...", exit 134)
        print(f"error: cannot listen on {args.host}:{args.port}: {busy}", file=sys.stderr)
        return 2
    try:
        app = create_app(args.db, writable=args.writable, token=token, mode=args.mode, disable=tuple(args.disable),
                         max_body=args.max_body, max_concurrency=args.max_concurrency,
                         request_timeout=args.request_timeout, query_timeout=args.query_timeout, warm_search=True,
                         allowed_hosts=None if args.allow_remote else LOOPBACK_NAMES + [args.host])
    except LagebildError as exc:
        print(f"error[{exc.code}]: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"lagebild serving {args.db} on http://{args.host}:{args.port}/ "
          f"({'writable' if args.writable else 'read-only'}{', token required' if token else ''})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                limit_concurrency=args.max_concurrency * 4, timeout_keep_alive=5)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
