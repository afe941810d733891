"""Filtered, paginated read queries over the store, shared by the HTTP API.

Every value a user sends goes in as a ``?`` parameter; only names from the
fixed tables below are ever formatted into SQL. Filters are the same for all
listings (date range, country, event type, actor, source, article, full-text
hits) and each listing maps them onto its own columns; a filter that has no
column of its own in a layer applies at article level ("articles that have an
event of this type").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError
from .store import LAYER_COLUMNS

#: an event's place's GeoNames id (kept in the JSON record only), for table alias {t}
_EVENT_GEONAMEID = "TRY_CAST(json_extract_string({t}.data, '$.place.geonameid') AS BIGINT)"
#: event date when known to the day, else the article's publication date
EVENT_DAY = "COALESCE(TRY_CAST(LEFT(x.date, 10) AS DATE), a.published_date)"


@dataclass(frozen=True)
class Kind:
    table: str
    date_expr: str = "a.published_date"
    type_col: str | None = None  # the layer's own type column (``type=``)
    country: str | None = None  # condition on the layer's own country columns, params: iso3, iso2
    actor: str | None = None  # condition on the layer's own actor columns, param: pattern (repeated)
    actor_params: int = 0
    geo: bool = False
    type_upper: bool = True  # stored type values are upper case (ASSAULT, PER, KILL), else lower (city, direct)


KINDS: dict[str, Kind] = {
    "articles": Kind("articles", type_upper=False),
    "events": Kind("events", date_expr=EVENT_DAY, type_col="x.type",
                   country="(x.country_iso3 = ? OR x.country_iso3 = ?)",
                   actor="(contains(lower(x.source_codes), ?) OR contains(lower(x.target_codes), ?) "
                         "OR contains(lower(CAST(json_extract(x.data, '$.sources') AS VARCHAR)), ?) "
                         "OR contains(lower(CAST(json_extract(x.data, '$.targets') AS VARCHAR)), ?))",
                   actor_params=4, geo=True),
    "entities": Kind("entities", type_col="x.label", country="(x.country = ? OR x.country = ?)",
                     actor="(contains(lower(x.text), ?) OR contains(lower(x.canonical), ?) "
                           "OR contains(lower(x.actor_code), ?))", actor_params=3),
    "places": Kind("places", type_col="x.feature_type", country="(x.country_iso3 = ? OR x.country_iso2 = ?)",
                   geo=True, type_upper=False),
    "quotes": Kind("quotes", type_col="x.kind", actor="contains(lower(x.speaker), ?)", actor_params=1,
                   type_upper=False),
    "times": Kind("times", type_col="x.type"),
    "quantities": Kind("quantities", type_col="x.gkg_type"),
}

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ARTICLE_ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")


def parse_date(value: str | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    if not DATE_RE.match(value):
        raise InputError(f"{name} must be a date YYYY-MM-DD, got {value[:40]!r}")
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{name} is not a valid date: {value!r}") from exc
    return value


def parse_country(value: str | None) -> tuple[str, str] | None:
    """ISO alpha-2 or alpha-3 (or an English country name) -> (alpha-3, alpha-2)."""
    if value in (None, ""):
        return None
    import pycountry

    v = value.strip()
    c = None
    if len(v) == 2 and v.isalpha():
        c = pycountry.countries.get(alpha_2=v.upper())
    elif len(v) == 3 and v.isalpha():
        c = pycountry.countries.get(alpha_3=v.upper())
    elif 3 < len(v) <= 60:
        try:
            c = pycountry.countries.lookup(v)
        except LookupError:
            c = None
    if c is None:
        raise InputError(f"unknown country {value[:60]!r}: use an ISO 3166 code such as SY or SYR")
    return c.alpha_3, c.alpha_2


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value in (None, ""):
        return None
    try:
        parts = [float(p) for p in value.split(",")]
    except ValueError as exc:
        raise InputError("bbox must be four numbers: min_lon,min_lat,max_lon,max_lat") from exc
    if len(parts) != 4 or not (-180 <= parts[0] <= 180 and -180 <= parts[2] <= 180
                               and -90 <= parts[1] <= 90 and -90 <= parts[3] <= 90):
        raise InputError("bbox must be four numbers: min_lon,min_lat,max_lon,max_lat (degrees)")
    return parts[0], parts[1], parts[2], parts[3]


@dataclass
class Filters:
    since: str | None = None
    until: str | None = None
    country: tuple[str, str] | None = None  # (alpha-3, alpha-2)
    event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    article: str | None = None
    type: str | None = None
    article_ids: list[str] | None = None  # full-text hits (None: no text filter)
    bbox: tuple[float, float, float, float] | None = None
    geonameid: int | None = None
    name: str | None = None
    cluster: str | None = None  # one story cluster (articles.cluster_id; an unclustered article is its own)
    unique: bool = False  # skip near-duplicate copies; events: once per story cluster and event key
    text: str | None = None  # substring of the record's (or article's) own text
    extra: dict[str, Any] = field(default_factory=dict)


def where(kind_name: str, f: Filters) -> tuple[str, list[Any]]:
    """WHERE clause (without the keyword, '1=1' when empty) and its parameters."""
    k = KINDS[kind_name]
    is_articles = kind_name == "articles"
    conds: list[str] = []
    params: list[Any] = []
    date_expr = k.date_expr
    if f.since:
        conds.append(f"{date_expr} >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        conds.append(f"{date_expr} <= CAST(? AS DATE)")
        params.append(f.until)
    if f.country:
        iso3, iso2 = f.country
        if k.country:
            conds.append(k.country)
            params.extend([iso3, iso2])
        else:
            conds.append("a.id IN (SELECT article_id FROM places WHERE country_iso3 = ? OR country_iso2 = ? "
                         "UNION SELECT article_id FROM events WHERE country_iso3 = ?)")
            params.extend([iso3, iso2, iso3])
    if f.event_type:
        if kind_name == "events":
            conds.append("x.type = ?")
        else:
            conds.append("a.id IN (SELECT article_id FROM events WHERE type = ?)")
        # PLOVER types are stored upper case; `--event-type assault` silently matched nothing
        params.append(f.event_type.upper())
    # substring filters use contains(lower(...)): exact (no LIKE wildcards to escape) and fast
    if f.actor:
        needle = f.actor.lower()
        if k.actor:
            conds.append(k.actor)
            params.extend([needle] * k.actor_params)
        else:
            conds.append("a.id IN (SELECT article_id FROM entities WHERE contains(lower(text), ?) "
                         "OR contains(lower(canonical), ?) OR contains(lower(actor_code), ?))")
            params.extend([needle] * 3)
    if f.source:
        needle = f.source.lower()
        conds.append("(contains(lower(a.site), ?) OR contains(lower(a.url), ?))")
        params.extend([needle, needle])
    if f.article:
        conds.append("a.id = ?")
        params.append(f.article)
    if f.type:
        if k.type_col is None:
            conds.append("a.language = ?")  # for articles, type= is the language
        else:
            conds.append(f"{k.type_col} = ?")
        params.append(f.type.upper() if k.type_upper else f.type.lower())
    if f.article_ids is not None:
        conds.append("a.id IN (SELECT UNNEST(?))")
        params.append(list(f.article_ids))
    # place filters: events and places by their own coordinates, id and name; every other layer (and the
    # entity/quote aggregates that follow a map region) at article level, like country= (they were ignored)
    if f.bbox:
        box = [f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]]
        if k.geo:
            conds.append("x.lon BETWEEN ? AND ? AND x.lat BETWEEN ? AND ?")
            params.extend(box)
        else:
            conds.append("a.id IN (SELECT article_id FROM places WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? "
                         "UNION SELECT article_id FROM events WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?)")
            params.extend(box * 2)
    if f.geonameid is not None:
        # events keep their place's GeoNames id in the record only (it was ignored there: every event matched)
        if kind_name == "places":
            conds.append("x.geonameid = ?")
        elif kind_name == "events":
            conds.append(f"{_EVENT_GEONAMEID.format(t='x')} = ?")
        else:
            conds.append("a.id IN (SELECT article_id FROM places WHERE geonameid = ? "
                         f"UNION SELECT article_id FROM events e WHERE {_EVENT_GEONAMEID.format(t='e')} = ?)")
            params.append(f.geonameid)
        params.append(f.geonameid)
    if f.name:
        if kind_name in ("places", "events"):
            conds.append("x.name = ?" if kind_name == "places" else "x.place_name = ?")
        else:
            conds.append("a.id IN (SELECT article_id FROM places WHERE name = ? "
                         "UNION SELECT article_id FROM events WHERE place_name = ?)")
            params.append(f.name)
        params.append(f.name)
    if f.cluster:
        conds.append("COALESCE(a.cluster_id, a.id) = ?")
        params.append(f.cluster)
    if f.unique:
        if kind_name == "events":
            conds.append("(x.article_id, x.idx) IN (SELECT article_id, idx FROM events_unique)")
        else:
            conds.append("a.id NOT IN (SELECT article_id FROM article_duplicates)")
    if f.text:
        conds.append(f"contains(lower({'a' if is_articles else 'x'}.text), ?)")
        params.append(f.text.lower())
    return (" AND ".join(conds) if conds else "1=1"), params


def from_clause(kind_name: str, w: str | None = None) -> str:
    """FROM clause of a listing; without the article join when the WHERE clause ``w`` needs none."""
    if kind_name == "articles":
        return "articles a"
    if w is not None and "a." not in w:
        return f"{KINDS[kind_name].table} x"
    return f"{KINDS[kind_name].table} x JOIN articles a ON a.id = x.article_id"


def columns(kind_name: str) -> list[str]:
    """Flat output columns (CSV/GeoJSON properties) of a listing."""
    if kind_name == "articles":
        return ["id", "published", "title", "site", "url", "language", "n_chars", "cluster_id", "duplicate_of"]
    return (["article_id", "idx", "published", "title", "site", "start", "end", "text"]
            + [n for n, _ in LAYER_COLUMNS[kind_name]])


def select_sql(kind_name: str, w: str) -> str:
    """Page query: flat columns plus the JSON record (layers), newest first."""
    k = KINDS[kind_name]
    if kind_name == "articles":
        cols = ("a.id, a.published, a.title, a.site, a.url, a.language, a.n_chars, "
                "COALESCE(a.cluster_id, a.id) AS cluster_id, d.duplicate_of, LEFT(a.text, 240) AS preview")
        return (f"SELECT {cols} FROM articles a LEFT JOIN article_duplicates d ON d.article_id = a.id WHERE {w} "
                "ORDER BY a.published_date DESC NULLS LAST, a.id LIMIT ? OFFSET ?")
    extra = ", ".join(f'x."{n}"' for n, _ in LAYER_COLUMNS[kind_name])
    return (f'SELECT x.article_id, x.idx, a.published, a.title, a.site, x."start", x."end", x.text, {extra}, '
            f"x.data FROM {from_clause(kind_name)} WHERE {w} "
            f"ORDER BY {k.date_expr} DESC NULLS LAST, x.article_id, x.idx LIMIT ? OFFSET ?")


def keys_sql(kind_name: str, w: str) -> str:
    """Page query for a layer, narrow: only (article_id, idx), newest first.

    Sorting narrow rows is several times faster than sorting rows that carry the JSON record;
    :func:`rows_sql` then fetches the full rows of the page.
    """
    k = KINDS[kind_name]
    return (f"SELECT x.article_id, x.idx FROM {from_clause(kind_name)} WHERE {w} "
            f"ORDER BY {k.date_expr} DESC NULLS LAST, x.article_id, x.idx LIMIT ? OFFSET ?")


def rows_sql(kind_name: str, w: str = "1=1") -> str:
    """Full rows (flat columns + JSON record) of a layer matching ``w`` in a list of articles (last param)."""
    extra = ", ".join(f'x."{n}"' for n, _ in LAYER_COLUMNS[kind_name])
    return (f'SELECT x.article_id, x.idx, a.published, a.title, a.site, x."start", x."end", x.text, {extra}, '
            f"x.data FROM {from_clause(kind_name)} WHERE ({w}) AND x.article_id IN (SELECT UNNEST(?))")


def per_article_sql(kind_name: str, w: str) -> str:
    """Matching rows per article in listing order (for layers ordered by publication date).

    Paging over these few thousand groups instead of sorting every row keeps deep pages cheap:
    the page's articles are found from the running counts, then only their rows are read.
    """
    return (f"SELECT x.article_id, COUNT(*) AS n FROM {from_clause(kind_name)} WHERE {w} "
            "GROUP BY x.article_id, a.published_date ORDER BY a.published_date DESC NULLS LAST, x.article_id")


def count_sql(kind_name: str, w: str) -> str:
    if kind_name != "articles" and "a." not in w:
        # no article-level condition: count the layer alone, no join
        return f"SELECT COUNT(*) FROM {KINDS[kind_name].table} x WHERE {w}"
    return f"SELECT COUNT(*) FROM {from_clause(kind_name)} WHERE {w}"


_SENT_END = re.compile(r"[.!?…]\s+|\n")


def sentence_around(text: str, start: int, end: int, max_side: int = 300) -> tuple[int, int]:
    """Offsets of the sentence(s) holding [start, end): from the last sentence end before to the next after."""
    lo = max(0, start - max_side)
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        s = m.end()
    if s == lo and lo > 0:
        sp = text.find(" ", lo, start)
        s = sp + 1 if sp >= 0 else lo
    # a span that ends a sentence ends with its full stop: look from its last character on
    nxt = _SENT_END.search(text, max(start, end - 1), min(len(text), end + max_side))
    e = nxt.start() + 1 if nxt else min(len(text), end + max_side)
    if text[e - 1 : e].isspace():
        e -= 1
    return s, max(e, end)


def clusters_sql(w: str, order: str = "last") -> str:
    """Story clusters of the articles matching ``w`` (an articles WHERE clause): size, span, first title.

    Params: those of ``w``, then min_size, limit, offset.
    """
    order_by = {"last": "last_published DESC NULLS LAST", "size": "articles DESC, last_published DESC NULLS LAST"}[order]
    return f"""
WITH m AS (
    SELECT COALESCE(a.cluster_id, a.id) AS cluster_id, a.id, a.title, a.published_date,
           d.article_id IS NOT NULL AS is_copy
    FROM articles a LEFT JOIN article_duplicates d ON d.article_id = a.id WHERE {w}
)
SELECT cluster_id, COUNT(*) AS articles, COUNT(*) FILTER (WHERE is_copy) AS copies,
       MIN(published_date) AS first_published, MAX(published_date) AS last_published,
       arg_min(title, (published_date, id)) AS title,
       (SELECT COUNT(*) FROM events_unique u WHERE u.article_id IN (SELECT m2.id FROM m m2
            WHERE m2.cluster_id = m.cluster_id)) AS events
FROM m GROUP BY cluster_id HAVING COUNT(*) >= ?
ORDER BY {order_by}, cluster_id LIMIT ? OFFSET ?
"""
