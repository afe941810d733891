"""English quotes on general news: LGL (US local news, 2009) against stand-off speaker-attribution gold.

``lagebild eval quotes --dataset lgl --split dev|test [--data ../shared/data/geoparsing_en] [--json]``
(dispatched from :mod:`lagebild.evaluation.quotes`) or ``python -m lagebild.evaluation.quotes_en_lgl``.

LGL (Lieberman et al. 2010) has an unclear licence, so its text is never committed: each row of
``gold/quotes_en_lgl.jsonl`` names the article (``docid``), the SHA-1 of its text and the labelled
events as character offsets (cue, source, message, addressee) + kind, nothing else. At run time the
text is read from ``lgl.xml`` and checked against the SHA-1.

The dev/test split and the labelling order are those of :mod:`lagebild.evaluation.time_en` (seed
20261126, by article), so no LGL article is dev for one task and test for another. Labelling
conventions and scoring are those of the GeoVirus English gold (:mod:`lagebild.evaluation.quotes_en`).
The hand labels (with text fragments, so kept outside the repository) are turned into the stand-off
file with ``--build-gold LABELS``; their format is that of ``gold/quotes_en_geovirus.labels``.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from .quotes_en import _KINDS, _resolve_message, _resolve_near, evaluate, report
from .time_en import DEFAULT_DATA, read_lgl, sha1

GOLD_NAME = "gold/quotes_en_lgl.jsonl"
_FIELDS = ("cue", "source", "message", "addressee")


def _off(s: int, e: int) -> dict[str, int]:
    return {"start": s, "end": e}


def build_standoff(labels: Path, data: str | Path = DEFAULT_DATA) -> list[dict[str, Any]]:
    """Stand-off rows (docid, split, sha1, events as offsets + kind) from a hand-label file and lgl.xml."""
    arts = read_lgl(data)
    rows: list[dict[str, Any]] = []
    texts: list[str] = []
    cursor = 0
    for n, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            if line.startswith("@"):
                _, docid, split = line.split()
                text = arts[docid]["text"]
                rows.append({"docid": docid, "split": split, "sha1": sha1(text), "events": []})
                texts.append(text)
                cursor = 0
                continue
            text = texts[-1]
            kind, cue, src, msg, addr = (f.strip() for f in line.split("|"))
            parts = [_resolve_message(text, p.strip(), cursor) for p in msg.split(" ++ ")]
            cursor = parts[0][0]
            ev: dict[str, Any] = {"kind": _KINDS[kind], "message": [_off(*p) for p in parts]}
            for key, val in (("cue", cue), ("source", src), ("addressee", addr)):
                ev[key] = [_off(*_resolve_near(text, v.strip(), parts)) for v in val.split(" ++ ") if v.strip()]
            rows[-1]["events"].append(ev)
        except (InputError, KeyError, ValueError) as e:
            raise InputError(f"{labels.name} line {n}: {e}") from e
    return rows


def read_gold(path: str | Path | None = None) -> list[dict[str, Any]]:
    raw = Path(path).read_text(encoding="utf-8") if path else \
        resources.files("lagebild.evaluation").joinpath(GOLD_NAME).read_text(encoding="utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def load_rows(path: str | Path | None = None, data: str | Path = DEFAULT_DATA,
              split: str = "all") -> list[dict[str, Any]]:
    """Gold rows of ``split`` with the article text attached (in memory only), in the shape
    :func:`lagebild.evaluation.quotes_en.evaluate` takes.

    Raises ``FileNotFoundError`` when lgl.xml is absent and ``ConfigError`` when an article is
    missing or no longer matches its SHA-1 (another copy of LGL)."""
    arts = read_lgl(data)
    out = []
    for r in read_gold(path):
        if split != "all" and r["split"] != split:
            continue
        art = arts.get(r["docid"])
        if art is None or sha1(art["text"]) != r["sha1"]:
            raise ConfigError(f"LGL article {r['docid']} is missing or does not match its sha1: another copy of the data?")
        out.append({"id": r["docid"], "split": r["split"], "text": art["text"], "events": r["events"]})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval quotes --dataset lgl", description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", default="lgl", choices=("lgl",))
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with lgl.xml (default: %(default)s)")
    ap.add_argument("--gold", default=None, help="stand-off gold JSONL (default: the shipped file)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    ap.add_argument("--build-gold", metavar="LABELS", default=None,
                    help="write the stand-off gold (to --gold or the shipped path) from a hand-label file")
    args = ap.parse_args(argv)
    if args.data == "lgl":  # `--data lgl` names the dataset, not a folder
        args.data = DEFAULT_DATA
    if args.build_gold:
        rows = build_standoff(Path(args.build_gold), args.data)
        out = Path(args.gold) if args.gold else Path(str(resources.files("lagebild.evaluation").joinpath(GOLD_NAME)))
        with out.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        for sp in ("dev", "test"):
            print(f"{sp}: {sum(r['split'] == sp for r in rows)} articles, "
                  f"{sum(len(r['events']) for r in rows if r['split'] == sp)} events")
        return 0
    try:
        rows = load_rows(args.gold, args.data, args.split)
    except FileNotFoundError as e:
        print(f"quotes (lgl): skipped, the data is absent ({e.filename}); pass --data DIR")
        return 0
    res = evaluate(rows, args.limit)
    report(res, "lgl", args.split, min(len(rows), args.limit or len(rows)), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
