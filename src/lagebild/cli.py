"""Command line: parses and dispatches; the work lives in library functions.

Exit codes: 0 ok, 1 other error, 2 usage/config, 3 bad input, 4 pipeline,
5 store, 6 finished but some inputs failed (ingest).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import logging
import sys
from typing import Any

from .errors import LagebildError

log = logging.getLogger("lagebild")

EXIT_PARTIAL = 6
#: sub-commands implemented in other modules: name -> "module:function"
DELEGATED = {
    "eval": "lagebild.evaluation.{task}:main",
    "train": "lagebild.training.{task}:main",
    "export": "lagebild.export:main",
    "serve": "lagebild.server:main",
    "batch": "lagebild.batch:main",
    "load": "lagebild.batch:main_load",
    "dedup": "lagebild.dedup:main",
}
LISTINGS = ("articles", "events", "entities", "places", "quotes", "times", "quantities")


# -- analyze --------------------------------------------------------------------------------------
def _read_input(path: str) -> bytes:
    from .clean import MAX_INPUT_BYTES
    from .errors import InputError

    # one byte over the limit is enough for prepare_article to refuse it (E104); /dev/zero must not fill memory
    if path == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except IsADirectoryError:
        raise InputError("is a folder: analyze takes one file (use `lagebild ingest` for folders)",
                         source=path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", source=path) from None


def _non_negative(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {n}")
    return n


def _positive(value: str) -> int:
    n = _non_negative(value)
    if n == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _fmt_span(r: dict[str, Any]) -> str:
    return f"[{r['start']}:{r['end']}]"


def render_doc(d: dict[str, Any]) -> str:
    """A readable terminal view of one analysed article."""
    a = d["article"]
    lines = [f"{a.get('title') or '(untitled)'}",
             f"  id {a['id']}  language {a.get('language')}  published {a.get('published') or '-'}  "
             f"{len(a['text'])} chars, {len(d['sentences'])} sentences"]
    if a.get("removed"):
        lines.append(f"  removed {len(a['removed'])} boilerplate piece(s)")

    def section(title: str, items: list[Any], fmt: Any) -> None:
        if items:
            lines.append(f"\n{title} ({len(items)})")
            lines.extend("  " + fmt(r) for r in items)

    section("Entities", d["entities"], lambda r: f"{r['label']:<4} {r['text']}"
            + (f" → {r['canonical']}" if r.get("canonical") and r["canonical"] != r["text"] else "")
            + (f" ({r['qid']})" if r.get("qid") else "") + (f" role={r['role']}" if r.get("role") else "")
            + f" {_fmt_span(r)}")
    section("Places", d["places"], lambda r: f"{r['text']} → {r.get('name') or '?'}, {r.get('country_iso2') or '-'}"
            + (f" ({r['lat']:.3f}, {r['lon']:.3f})" if r.get("lat") is not None else "")
            + f" {r.get('feature_type') or ''} geonames:{r.get('geonameid') or '-'} {_fmt_span(r)}")
    section("Spatial claims", d.get("spatial_claims", []), lambda r: f"{r['text']} — claimed {r.get('distance_km')} km"
            f" {r.get('direction') or ''}, computed {r.get('computed_km')} km {r.get('computed_direction') or ''}"
            f" → {'holds' if r.get('holds') else 'does not hold' if r.get('holds') is False else 'unchecked'}")
    section("Times", d["times"], lambda r: f"{r['text']} → {r['type']} {r.get('value')} {_fmt_span(r)}")
    section("Quantities", d["quantities"], lambda r: f"{r['text']} → {r.get('value')}"
            + (f" {r['qualifier']}" if r.get("qualifier") else "") + (f" {r['object']}" if r.get("object") else "")
            + (f" [{r['category']}/{r['gkg_type']}]" if r.get("category") else "") + f" {_fmt_span(r)}")
    section("Quotes", d["quotes"], lambda r: f"{r['kind']:<8} {r.get('speaker') or '?'}: "
            f"{(r['message'][:90] + '…') if len(r['message']) > 90 else r['message']} {_fmt_span(r)}")

    def ev(r: dict[str, Any]) -> str:
        src = ", ".join(x.get("code") or x["text"] for x in r.get("sources") or []) or "?"
        tgt = ", ".join(x.get("code") or x["text"] for x in r.get("targets") or []) or "?"
        place = (r.get("place") or {}).get("name") or (r.get("place") or {}).get("text") or "-"
        flags = [f for f in ("negated", "hypothetical", "reported", "historical") if r.get(f)]
        return (f"{r['type']}{'/' + r['mode'] if r.get('mode') else ''} «{r['trigger']}» {src} → {tgt} @ {place}"
                f" {r.get('date') or ''}" + (f" [{', '.join(flags)}]" if flags else "") + f" {_fmt_span(r)}")

    section("Events", d["events"], ev)
    return "\n".join(lines)


def cmd_analyze(args: argparse.Namespace) -> int:
    import lagebild

    from .clean import forced_language, normalise_published, prepare_article
    from .doc import Doc
    from .errors import InputError

    # options the user typed are checked before the models load, not dropped with a warning later
    if args.published and normalise_published(args.published) is None:
        raise InputError(f"--published must be a date YYYY-MM-DD, got {args.published[:40]!r}")
    if args.language:
        forced_language(args.language)
    raw = _read_input(args.file)
    analyzer = lagebild.load(args.mode, disable=args.disable or ())
    src = "<stdin>" if args.file == "-" else args.file
    article = prepare_article(raw, url=args.url, published=args.published, language=args.language,
                              source_name=src)
    doc = analyzer.pipeline(Doc(article=article))
    if args.json:
        print(doc.to_json(indent=2 if args.pretty else None, with_tokens=args.tokens))
    else:
        print(render_doc(doc.to_dict()))
    return 0


# -- ingest ---------------------------------------------------------------------------------------
def _progress_printer(enabled: bool) -> Any:
    if not enabled:
        return None

    def show(stats: Any) -> None:
        print(f"\r  {stats.seen} seen, {stats.new} new, {stats.existing} already stored, {stats.failed} failed",
              end="", file=sys.stderr, flush=True)

    return show


def cmd_ingest(args: argparse.Namespace) -> int:
    import lagebild

    from .clean import forced_language
    from .ingest import JsonlFields, read_paths
    from .runner import ingest
    from .store import Store

    fields = JsonlFields(text=args.text_field, url=args.url_field, date=args.date_field, title=args.title_field)
    language = forced_language(args.language) if args.language else None
    analyzer = lagebild.load(args.mode, disable=args.disable or ())
    show_progress = not args.quiet and sys.stderr.isatty()
    with Store(args.db) as store:
        stats = ingest(read_paths(args.paths, fields=fields), analyzer, store, batch_size=args.batch_size,
                       replace=args.replace, language=language, progress=_progress_printer(show_progress))
        dedup = None
        if args.dedup:
            from .dedup import assign_clusters

            dedup = assign_clusters(store, embeddings=not args.no_embeddings)
    if show_progress:
        print(file=sys.stderr)
    for f in stats.failures:
        print(f"failed[{f.get('code')}]: {f.get('source_name')}: {f.get('message')}", file=sys.stderr)
    if stats.failed > len(stats.failures):
        print(f"… and {stats.failed - len(stats.failures)} more failures (see the failures table)", file=sys.stderr)
    print(f"{stats.seen} input(s): {stats.new} new, {stats.existing} already stored, {stats.failed} failed"
          f" → {args.db}")
    if dedup is not None:
        print(f"{dedup['articles']} article(s) stored: {dedup['duplicates']} near-duplicate copies, "
              f"{dedup['clusters']} story cluster(s), {dedup['multi_article_clusters']} with more than one article")
    return EXIT_PARTIAL if stats.failed and args.strict else 0


# -- listings -------------------------------------------------------------------------------------
#: the columns each listing prints; filters are the API's (lagebild.queries), so both select the same rows
LIST_COLUMNS = {
    "articles": "a.id, a.published, a.language, a.site, a.title, a.n_chars, COALESCE(a.cluster_id, a.id) AS cluster_id",
    "events": "x.article_id, a.published, x.type, x.mode, x.text AS sentence, x.source_codes, x.target_codes, "
              "x.place_name, x.country_iso3, x.lat, x.lon, x.date, x.negated, x.hypothetical, x.reported, "
              'x."start", x."end"',
    "entities": 'x.article_id, a.published, x.label, x.text, x.canonical, x.qid, x.actor_code, x."start", x."end"',
    "places": "x.article_id, a.published, x.text, x.name, x.geonameid, x.country_iso2, x.country_iso3, "
              'x.feature_type, x.lat, x.lon, x."start", x."end"',
    "quotes": 'x.article_id, a.published, x.kind, x.speaker, x.text, x."start", x."end"',
    "times": 'x.article_id, a.published, x.text, x.type, x.value, x."start", x."end"',
    "quantities": 'x.article_id, a.published, x.text, x.value, x.qualifier, x.category, x.gkg_type, x."start", '
                  'x."end"',
}


def build_listing(kind: str, args: argparse.Namespace) -> tuple[str, list[Any]]:
    from .queries import KINDS, Filters, parse_country, parse_date, where

    f = Filters(since=parse_date(args.since, "--since"), until=parse_date(args.until, "--until"),
                country=parse_country(args.country), event_type=args.event_type or None, actor=args.actor or None,
                source=args.source or None, article=args.article or None, type=args.type or None,
                cluster=args.cluster or None, unique=args.unique, text=args.text or None)
    w, params = where(kind, f)
    if kind == "articles":
        sql = (f"SELECT {LIST_COLUMNS[kind]} FROM articles a WHERE {w} "
               "ORDER BY a.published_date NULLS LAST, a.id")
    else:
        sql = (f"SELECT {LIST_COLUMNS[kind]} FROM {KINDS[kind].table} x JOIN articles a ON a.id = x.article_id "
               f'WHERE {w} ORDER BY {KINDS[kind].date_expr} NULLS LAST, x.article_id, x."start"')
    return sql + " LIMIT ? OFFSET ?", [*params, args.limit, args.offset]


def print_rows(cols: list[str], rows: list[tuple[Any, ...]], fmt: str) -> None:
    if fmt == "json":
        for r in rows:
            print(json.dumps(dict(zip(cols, r, strict=True)), ensure_ascii=False, default=str))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        def cell(v: Any) -> str:
            s = "" if v is None else (f"{v:.4f}" if isinstance(v, float) else str(v))
            s = s.replace("\n", " ")
            return s if len(s) <= 60 else s[:59] + "…"

        table = [[cell(v) for v in r] for r in rows]
        widths = [max([len(c)] + [len(line[i]) for line in table]) for i, c in enumerate(cols)]
        print("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)))
        for line in table:
            print("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)))
        print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", file=sys.stderr)


def cmd_list(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db, read_only=True) as store:
        sql, params = build_listing(args.command, args)
        cols, rows = store.query(sql, params)
    print_rows(cols, rows, args.format)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db, read_only=True) as store:
        counts = store.counts()
        _, langs = store.query("SELECT language, COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")
        _, types = store.query("SELECT type, COUNT(*) FROM events GROUP BY 1 ORDER BY 2 DESC")
        _, span = store.query("SELECT MIN(published_date), MAX(published_date) FROM articles")
    if args.format == "json":
        print(json.dumps({"counts": counts, "languages": dict(langs), "event_types": dict(types),
                          "published": [str(x) if x else None for x in span[0]]}))
        return 0
    for k, v in counts.items():
        print(f"{k:<16}{v:>8}")
    if span and span[0][0]:
        print(f"published       {span[0][0]} … {span[0][1]}")
    if langs:
        print("languages       " + ", ".join(f"{k}={v}" for k, v in langs))
    if types:
        print("event types     " + ", ".join(f"{k}={v}" for k, v in types))
    return 0


# -- parser ---------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lagebild", description="Who did what to whom, where, when and how many — "
                                "from German news, with character-exact provenance.")
    p.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def pipeline_opts(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--mode", choices=("fast", "accurate"), default="fast",
                        help="fast: small CNN models; accurate: shared transformer encoder")
        sp.add_argument("--disable", action="append", metavar="STAGE",
                        help="switch a stage off (repeatable): entities, places, times, quantities, quotes, events")

    a = sub.add_parser("analyze", help="analyse one article (file or '-' for stdin)")
    a.add_argument("file")
    a.add_argument("--json", action="store_true", help="print the full record as JSON")
    a.add_argument("--pretty", action="store_true", help="indent the JSON")
    a.add_argument("--tokens", action="store_true", help="include tokens in the JSON")
    a.add_argument("--published", help="publication date (YYYY-MM-DD) to resolve relative dates")
    a.add_argument("--url")
    a.add_argument("--language", help="skip language identification (de, en)")
    pipeline_opts(a)
    a.set_defaults(func=cmd_analyze)

    i = sub.add_parser("ingest", help="analyse files/folders/globs/'-' and store them")
    i.add_argument("paths", nargs="+")
    i.add_argument("--db", default="lagebild.duckdb")
    i.add_argument("--batch-size", type=_positive, default=16)
    i.add_argument("--replace", action="store_true", help="re-analyse articles already stored")
    i.add_argument("--strict", action="store_true", help=f"exit {EXIT_PARTIAL} when any input failed")
    i.add_argument("--text-field", default="text", help="JSONL key of the article text")
    i.add_argument("--url-field", default="url")
    i.add_argument("--date-field", default="date")
    i.add_argument("--title-field", default="title")
    i.add_argument("--language", help="skip language identification: every input is in this language (de, en)")
    i.add_argument("--dedup", action="store_true",
                   help="afterwards mark near-duplicate copies and cluster stories over the whole database")
    i.add_argument("--no-embeddings", action="store_true", help="with --dedup: near-duplicates only")
    # also after the sub-command, like `lagebild batch ... --quiet`; SUPPRESS keeps a leading -q in force
    i.add_argument("--quiet", "-q", action="store_true", default=argparse.SUPPRESS, help="no progress output")
    pipeline_opts(i)
    i.set_defaults(func=cmd_ingest)

    for kind in LISTINGS:
        sp = sub.add_parser(kind, help=f"list stored {kind}")
        sp.add_argument("--db", default="lagebild.duckdb")
        sp.add_argument("--text", help="substring of the record's text (case-insensitive)")
        sp.add_argument("--since", help="on or after YYYY-MM-DD (events: the event's day, else publication)")
        sp.add_argument("--until", help="on or before YYYY-MM-DD")
        sp.add_argument("--country", help="ISO 3166 code or English country name")
        sp.add_argument("--type", help="event type / entity label / place feature type / quote kind / ...")
        sp.add_argument("--event-type", help="articles (or records) with an event of this PLOVER type")
        sp.add_argument("--actor", help="actor name or code (substring)")
        sp.add_argument("--source", help="site or URL (substring)")
        sp.add_argument("--article", help="only this article id")
        sp.add_argument("--cluster", help="only this story cluster")
        sp.add_argument("--unique", action="store_true",
                        help="skip near-duplicate copies; events: once per story cluster (run `lagebild dedup`)")
        sp.add_argument("--limit", type=_non_negative, default=50)
        sp.add_argument("--offset", type=_non_negative, default=0)
        sp.add_argument("--format", choices=("table", "json", "csv"), default="table")
        sp.set_defaults(func=cmd_list)

    s = sub.add_parser("stats", help="counts of what is stored")
    s.add_argument("--db", default="lagebild.duckdb")
    s.add_argument("--format", choices=("table", "json"), default="table")
    s.set_defaults(func=cmd_stats)

    for name, help_text in (("eval", "evaluate a stage on gold data: ner, ner_folds, geo, time, counts, quotes, events"),
                            ("train", "train a model: ner, ner_fast"),
                            ("export", "export events: gdelt, gkg, acled, plover, geojson"),
                            ("serve", "HTTP API and web page"),
                            ("batch", "Dask batch processing to Parquet"),
                            ("load", "load batch Parquet output into DuckDB"),
                            ("dedup", "mark near-duplicate copies and cluster stories in a database")):
        d = sub.add_parser(name, help=help_text, add_help=False)
        d.add_argument("rest", nargs=argparse.REMAINDER)
    return p


def _delegate(command: str, rest: list[str]) -> int:
    target = DELEGATED[command]
    if "{task}" in target:
        if not rest or rest[0].startswith("-"):
            raise LagebildError(f"usage: lagebild {command} TASK [options]")
        task = rest[0].replace("-", "_")
        target, rest = target.format(task=task), rest[1:]
    module_name, _, func = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            raise LagebildError(f"'{command}' has no '{module_name.rsplit('.', 1)[-1]}'") from exc
        raise
    return int(getattr(module, func)(rest) or 0)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # Delegated commands parse their own options; argparse's REMAINDER would drop a leading "--db".
    split = next((i for i, a in enumerate(argv) if not a.startswith("-")), len(argv))
    delegated_rest = argv[split + 1:] if split < len(argv) and argv[split] in DELEGATED else None
    args = parser.parse_args(argv if delegated_rest is None else argv[: split + 1])
    if delegated_rest is not None:
        args.rest = delegated_rest
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.version:
        from . import __version__

        print(__version__)
        return 0
    if not args.command:
        parser.print_help()
        return 2
    try:
        if args.command in DELEGATED:
            return _delegate(args.command, args.rest)
        return int(args.func(args) or 0)
    except LagebildError as exc:
        if args.debug:
            raise
        print(f"error[{exc.code}]: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if args.debug:
            raise
        print(f"error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
