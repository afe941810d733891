"""Re-draw the sentence samples behind the count gold batches ``m``–``z`` and ``B`` (round 3).

``python -m lagebild.evaluation.counts_sampling --out DIR [--data ../shared/data/wikinews_spkatt_de]``

Only the article *text* of the SpkAtt Wikinews files is read (German Wikinews, CC BY 2.5); their
annotations are never used. Sentences are rebuilt from the tokens (quote marks and brackets glued back).
Fixed seeds; the gold file is read only to know which pages and sentences earlier batches already used.
Writes one ``batch_<x>.jsonl`` per batch with page id, title, date, sentence index and text: these were
labelled by hand *before* the extractor ran on them (docs/evaluation/counts.md).

Design (decided before any labelling):
- a sentence qualifies if it has a number-like token other than a bare year or a "3."-style ordinal;
- ``p``: it also has a people/casualty word; ``md``: otherwise a money/distance word; ``x``: any other;
- round-3 pages are pages no earlier row (batches c–l) used; they are shuffled once (seed 20261126) and
  split 2:1 into held-out pages and dev pages, so no page is shared between the new test and dev batches;
- test: ``m`` = 50 ``p`` sentences, ``n`` = 20 ``p`` + 15 ``md`` + 15 ``x`` (pools ran short: 46),
  ``p`` = further ``p`` sentences of held-out pages (15); at most one sentence per page per pick;
- dev: ``o`` = 30 ``p`` + 10 ``md`` of dev pages, ``q`` = leftovers of dev pages, ``r``–``y`` = other
  sentences of dev-split pages (old batches c, d, f–l plus o, q …), never of a page with a test row;
  ``x`` only casualty/arrest/protest sentences, ``y`` only ``x``-class sentences (a precision check),
  ``z`` casualty sentences first, then other people sentences; ``B`` money/distance and any-number
  sentences of pages no gold row used at all (no casualty/people sentence was left on such pages).
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from .counts import load_gold

_NO_SPACE_AFTER = {"(", "„", "[", "‚", "»"}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "“", "]", "‘", "«", "…"}
_NUMW = r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)"
NUM = re.compile(
    r"^(?:\d[\d.,]*|" + _NUMW + r"|(?:zwei|drei|vier|fünf|sech|sieb|acht|neun)zehn|"
    r"(?:zwan|drei|vier|fünf|sech|sieb|acht|neun)(?:zig|ßig)|\w*hundert\w*|\w*tausend\w*|dutzend\w*|hunderte\w*|"
    r"tausende\w*|zehntausende\w*|millionen?|milliarden?|hälfte|drittel|viertel|prozent)$", re.I)
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
PEOPLE = re.compile(
    r"(mensch|tote[nr]?\b|getötet|starb|sterb|ums leben|verletz|verwund|opfer|soldat|polizist|beamte|flücht|vertrieb|"
    r"obdach|evakuier|festgenommen|festnahm|verhaft|inhaftiert|gefangen|geisel|entführ|verschlepp|demonstr|protest|"
    r"teilnehm|kinder|frauen|männer|zivil|kämpfer|rebell|einwohner|bewohner|bürger|mitarbeiter|beschäftigte|passagier|"
    r"insass|vermisst|schüler|student|journalist|häftling|migrant|asyl|personen)", re.I)
CASUALTY = re.compile(
    r"(tote[nr]?\b|getötet|starb|sterb|ums leben|verletz|verwund|opfer|festgenommen|festnahm|verhaft|inhaftiert|geisel|"
    r"entführ|verschlepp|demonstr|protest|vermisst|flücht|vertrieb|obdach|evakuier|erschoss|ermord|leichen|kamen)", re.I)
MONEY_DIST = re.compile(r"(euro|dollar|pfund|franken|rubel|yen|kilometer|meter|meilen|€|\$)", re.I)


def detok(tokens: list[str]) -> str:
    out = ""
    prev: str | None = None
    for t in tokens:
        if prev is None:
            out = t
        elif t in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
            out += t
        else:
            out += " " + t
        prev = t
    return out


def articles(data: str) -> Iterator[tuple[int, str, str, list[list[str]]]]:
    for f in sorted(glob.glob(str(Path(data) / "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                a = json.loads(line)
                m = re.match(r"(\d+) - (.*) \((\d{4}-\d\d-\d\d)\)\.json$", a["FileName"])
                if m:
                    yield int(m.group(1)), m.group(2), m.group(3), [s["Tokens"] for s in a["Sentences"]]


def candidates(data: str, pages: set[int] | None = None, skip_pages: AbstractSet[int] = frozenset(),
               skip_texts: AbstractSet[str] = frozenset()) -> list[dict[str, Any]]:
    out = []
    for pid, title, date, sents in articles(data):
        if (pages is not None and pid not in pages) or pid in skip_pages:
            continue
        for si, toks in enumerate(sents):
            if not any(NUM.match(t) and not YEAR.match(t) and not re.match(r"^\d+\.$", t) and t.lower() != "ein"
                       for t in toks):
                continue
            text = detok(toks)
            if len(text) < 30 or len(text) > 400 or text in skip_texts:
                continue
            cue = "p" if PEOPLE.search(text) else "md" if MONEY_DIST.search(text) else "x"
            out.append({"pid": pid, "title": title, "date": date, "si": si, "text": text, "cue": cue})
    return out


def _pick(pool: list[dict[str, Any]], n: int, cue: str, seed: int, taken: set[int]) -> list[dict[str, Any]]:
    """One sentence per page: pages shuffled with the seed, a sentence drawn from each."""
    r = random.Random(seed)
    bypage: dict[int, list[dict[str, Any]]] = {}
    for c in pool:
        if c["cue"] == cue and c["pid"] not in taken:
            bypage.setdefault(c["pid"], []).append(c)
    ps = sorted(bypage)
    r.shuffle(ps)
    out = []
    for p in ps[:n]:
        out.append(r.choice(bypage[p]))
        taken.add(p)
    return out


def _pick_other(pool: list[dict[str, Any]], n: int, cue: str, seed: int) -> list[dict[str, Any]]:
    r = random.Random(seed)
    c = [x for x in pool if x["cue"] == cue]
    r.shuffle(c)
    out, seen = [], set()
    for x in c:
        if x["pid"] in seen:
            continue
        out.append(x)
        seen.add(x["pid"])
        if len(out) == n:
            break
    return out


def draw(data: str, gold: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    def rows(letters: str) -> list[dict[str, Any]]:
        return [g for g in gold if g["id"][0] in letters]

    used = {g["source"]["page_id"] for g in rows("cdefghijkl")}
    cands = candidates(data, skip_pages=used)
    pages = sorted({c["pid"] for c in cands})
    random.Random(20261126).shuffle(pages)
    test_pages = set(pages[: len(pages) * 2 // 3])
    testpool = [c for c in cands if c["pid"] in test_pages]
    devpool = [c for c in cands if c["pid"] not in test_pages]
    taken: set[int] = set()
    b: dict[str, list[dict[str, Any]]] = {}
    b["m"] = _pick(testpool, 50, "p", 1, taken)
    b["n"] = _pick(testpool, 20, "p", 2, taken) + _pick(testpool, 15, "md", 3, taken) + _pick(testpool, 15, "x", 5, taken)
    b["o"] = _pick(devpool, 30, "p", 4, taken) + _pick(devpool, 10, "md", 6, taken)
    chosen = {(c["pid"], c["si"]) for c in b["m"] + b["n"]}
    b["p"] = _pick([c for c in testpool if (c["pid"], c["si"]) not in chosen], 30, "p", 7, set())
    chosen_o = {(c["pid"], c["si"]) for c in b["o"]}
    rest_d = [c for c in devpool if (c["pid"], c["si"]) not in chosen_o]
    tq: set[int] = set()
    b["q"] = _pick(rest_d, 25, "p", 8, tq) + _pick(rest_d, 5, "md", 9, tq) + _pick(rest_d, 10, "x", 10, tq)
    # r, s, t: other sentences of dev-split pages, never of a page that has a test row
    plan = {"r": ("cdfghijklmnopq", [(28, "p", 11), (6, "md", 12), (8, "x", 13)]),
            "s": ("cdfghijklmnopqr", [(20, "p", 21), (12, "md", 22), (18, "x", 23)]),
            "t": ("cdfghijklmnopqrs", [(32, "p", 31), (16, "x", 33)]),
            "u": ("cdfghijklmnopqrst", [(30, "p", 41), (8, "md", 42), (12, "x", 43)]),
            "v": ("cdfghijklmnopqrstu", [(25, "p", 51), (10, "md", 52), (15, "x", 53)]),
            "w": ("cdfghijklmnopqrstuv", [(30, "p", 61), (8, "md", 62), (12, "x", 63)]),
            "x": ("cdfghijklmnopqrstuvw", [(50, "p", 71)]),
            "y": ("cdfghijklmnopqrstuvwx", [(60, "x", 81)]),
            "z": ("cdfghijklmnopqrstuvwxy", [(30, "p", 91), (25, "p", 92)])}
    for name, (letters, picks) in plan.items():
        before = rows("e" + letters)
        devp = {g["source"]["page_id"] for g in before if g["split"] == "dev"}
        devp -= {g["source"]["page_id"] for g in before if g["split"] == "test"}
        pool = candidates(data, pages=devp, skip_texts={g["text"] for g in before})
        if name == "x":  # casualty, arrest and protest sentences only
            pool = [c for c in pool if c["cue"] == "p" and CASUALTY.search(c["text"])]
        if name == "z":  # casualty sentences first, then other people sentences
            cas = [c for c in pool if c["cue"] == "p" and CASUALTY.search(c["text"])]
            rest = [c for c in pool if c["cue"] == "p" and not CASUALTY.search(c["text"])]
            b[name] = _pick_other(cas, 30, "p", 91) + _pick_other(rest, 25, "p", 92)
            continue
        b[name] = [x for n, cue, seed in picks for x in _pick_other(pool, n, cue, seed)]
    # B: money/distance and any-number sentences of pages that no gold row used at all
    used_all = {g["source"]["page_id"] for g in rows("cdefghijklmnopqrstuvwxyz")}
    pool = candidates(data, skip_pages=used_all, skip_texts={g["text"] for g in rows("cdefghijklmnopqrstuvwxyz")})
    taken_b: set[int] = set()
    b["B"] = _pick(pool, 25, "md", 111, taken_b) + _pick(pool, 25, "x", 112, taken_b)
    for name, items in b.items():
        for k, c in enumerate(items):
            c["id"] = f"{name}{k:03d}"
    return b


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.counts_sampling", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data/wikinews_spkatt_de")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_batches(draw(args.data, load_gold()), out)
    return 0


_OUT_HELP = {"pool": "the pool file to write (sha1s only, no text)",
             "sample": "folder for the batch files (with text: keep it out of git)"}


def round_parser(module: str, doc: str, add_options: Callable[[argparse.ArgumentParser, str], None],
                 add_out: bool = True) -> argparse.ArgumentParser:
    """The ``pool`` / ``sample`` command line of a count round's module (``python -m lagebild.evaluation.<module>``,
    described by the first paragraph of ``doc``); ``add_options(subparser, name)`` adds the round's own options, then
    (``add_out``) the required ``--out``."""
    ap = argparse.ArgumentParser(prog=f"python -m lagebild.evaluation.{module}", description=doc.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("pool", "sample"):
        s = sub.add_parser(name)
        add_options(s, name)
        if add_out:
            s.add_argument("--out", required=True, help=_OUT_HELP[name])
    return ap


def sample_folder(out: str) -> Path:
    """The batch folder of ``sample``, made before the draw runs."""
    path = Path(out)
    path.mkdir(parents=True, exist_ok=True)
    return path


def add_source_args(parser: argparse.ArgumentParser, data_10k: str, data_sd: str, data_ge: str, data_root: str,
                    root_help: str = "folder holding wikiann_de") -> None:
    """The data folders a fresh count round's sampler reads: 10kGNAD, SmartData, GermEval 2014 and WikiANN's root."""
    parser.add_argument("--data-10kgnad", default=data_10k)
    parser.add_argument("--data-smartdata", default=data_sd)
    parser.add_argument("--data-germeval", default=data_ge)
    parser.add_argument("--data-root", default=data_root, help=root_help)


def write_batches(batches: dict[str, list[dict[str, Any]]], out: Path) -> None:
    """One ``batch_<name>.jsonl`` per batch in ``out`` (sentences with their text: keep them out of git)."""
    for name, items in batches.items():
        with open(out / f"batch_{name}.jsonl", "w", encoding="utf-8") as f:
            for c in items:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(f"batch {name}: {len(items)} sentences")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
