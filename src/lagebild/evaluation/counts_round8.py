"""Count gold on fresh openly licensed German text: Wikipedia (WikiANN), court decisions (LER), historical news (round 8).

``python -m lagebild.evaluation.counts_round8 sample --out DIR [--data ../shared/data]``
``python -m lagebild.evaluation.counts_round8 pool --out FILE`` (rebuilds the WikiWarsDE pool of ``Wf``, ``Wg``)

Every earlier casualty pool (Wikinews, 10kGNAD, GermEval, SmartData, MobIE) was used up by round 7, so round 8
draws text no round has labelled or read, from three openly licensed sources (``gold/counts_de_round8.jsonl``,
text inside, source and licence on every row):

- ``K`` **WikiANN German** (``wikiann_de/{train,dev,test}``; Wikipedia sentences, **CC BY-SA**: share-alike applies
  to the gold file as for PUD/GSD). Rows name the file and the sentence index.
- ``L`` **LER** (German federal court decisions 2017–18, ``ler_legal_ner_de/courts/*.conll.gz``, **CC BY 4.0**,
  Leitner, Rehm, Moreno-Schneider 2019). Rows name the court file and the sentence index.
- ``H`` **HIPE-2022 SoNAR and NewsEye** (historical newspapers 1864–1937, ``hipe2022_de/*sonar*``/``*newseye*``,
  **CC BY 4.0**; never the hipe2020 files, which are NC). Rows name the file, document id and date. The text is
  OCR: a line-break hyphen ("Fett¬" + "waarenfabrik") is joined back into one word; sentences with a long s (ſ),
  a leftover ¬ or other OCR debris are left out (only clean sentences).

The sentence text is rebuilt from the source tokens (:func:`counts_sampling.detok`, or the ``NoSpaceAfter`` marks
of HIPE), so it is frozen in the row and no later segmenter change can move its boundaries; the evaluator runs
each row on its own.

Design (fixed before any labelling, seed 20261208): a sentence qualifies if one of its tokens is number-like and
not a bare year or a "3."-style ordinal (``counts_germeval._qualifies``) and it is 30–400 characters long; each
sentence text once per source. Classes: ``c`` a harm or displacement word (``HARM``/``CASUALTY`` of the 10kGNAD
sampler), ``p`` else a people word (``counts_sampling.PEOPLE``), ``x`` anything else (a precision check). Each
class of each source is shuffled once. Batches of ``BATCH`` (40) sentences per source: batch ``a`` takes the
``c`` sentences first, then ``p``; batch ``b`` 20 further ``c``/``p`` sentences and 20 ``x`` sentences; later
batches continue in the same way (``c`` before ``p``, then ``x``). LER's citations ("§ 5 Abs. 2", "Rn. 17") make
most of its ``x`` sentences label-only, which is the precision check the batches want.

The WikiWarsDE batches ``Wf``, ``Wg`` (:func:`draw_wikiwars`) come from the segmenter, so they are drawn from a frozen
pool (``gold/counts_round8_wikiwars_pool.tsv``: class, file:start:end, sha1; no text), built with the code of
:data:`WIKIWARS_COMMIT`, where they were drawn (today's code drew 23 of their 39 rows elsewhere); ``pool --out FILE``
rebuilds it with whatever code runs it.

Sentences whose extractor output was read in a before/after rule diff during round 8 (drawn from these pools outside
the batches of the time) are listed by sha1 in ``gold/counts_round8_seen.txt``; they are dropped from the shuffled
pools, which leaves the batches drawn before the diffs (``a``, ``b``) unchanged and keeps later batches blind.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .counts_10kgnad import HARM, with_span_texts
from .counts_germeval import BATCH, _qualifies, seen_sha1s, sha1
from .counts_sampling import CASUALTY, PEOPLE, detok, write_batches

SEED = 20261208
DATA = "../shared/data"
SOURCES = {
    "K": {"dataset": "WikiANN German (Wikipedia)", "license": "CC BY-SA"},
    "L": {"dataset": "LER German court decisions", "license": "CC BY 4.0"},
    "H": {"dataset": "HIPE-2022 (SoNAR, NewsEye)", "license": "CC BY 4.0"},
}
HIPE_FILES = ("HIPE-2022-v2.1-sonar-dev-de.tsv", "HIPE-2022-v2.1-sonar-test-de.tsv",
              "HIPE-2022-v2.1-newseye-dev-de.tsv", "HIPE-2022-v2.1-newseye-dev2-de.tsv",
              "HIPE-2022-v2.1-newseye-test-de.tsv")
LER_COURTS = ("bag", "bfh", "bgh", "bpatg", "bsg", "bverfg", "bverwg")
# OCR debris that marks a sentence as unclean: long s, a leftover hyphen mark, the Fraktur double hyphen "=",
# stray symbols, words or letters and digits glued together ("EinTodesopfer")
_OCR_BAD = re.compile(r"[ſ¬|■□•^~_\\<>{}#=]|[a-zäöüß][A-ZÄÖÜ]|\d[a-zäöü]{3,}|[a-zäöü]{3,}\d|\s[,.;:]\s*[,.;:]")


def _lines(path: Path) -> list[str]:
    """The file's lines as open() iterates them (only "\n" splits a line), with the file closed again."""
    with open(path, encoding="utf-8") as fh:
        return list(fh)


def _wikiann(root: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in ("train", "dev", "test"):
        toks: list[str] = []
        n = 0
        for line in [*_lines(root / "wikiann_de" / name), "\n"]:
            line = line.rstrip("\n")
            if line.strip():
                tok = line.split("\t")[0]
                toks.append(tok[3:] if tok.startswith("de:") else tok)
                continue
            if toks:
                out.append({"file": f"wikiann_de/{name}", "index": n, "tokens": toks, "text": detok(toks)})
                n += 1
                toks = []
    return out


def _ler(root: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for court in LER_COURTS:
        toks: list[str] = []
        n = 0
        with gzip.open(root / "ler_legal_ner_de" / "courts" / f"{court}.conll.gz", "rt", encoding="utf-8") as fh:
            for line in list(fh) + ["\n"]:
                parts = line.rstrip("\r\n").split(" ")
                if line.strip():
                    toks.append(parts[0])
                    continue
                if toks:
                    out.append({"file": f"ler_legal_ner_de/courts/{court}.conll.gz", "index": n, "tokens": toks,
                                "text": detok(toks)})
                    n += 1
                    toks = []
    return out


def _hipe(root: Path) -> list[dict[str, Any]]:
    """Sentences by the ``EndOfSentence`` marks; a token ending in "¬" at a line end is joined to the next."""
    out: list[dict[str, Any]] = []
    for name in HIPE_FILES:
        doc_id, date = "", ""
        toks: list[str] = []
        text = ""
        glue = joined = False
        n = 0
        for line in _lines(root / "hipe2022_de" / name):
            line = line.rstrip("\n")
            if line.startswith("# hipe2022:document_id"):
                doc_id, n = line.split("=", 1)[1].strip(), 0
                toks, text = [], ""
                continue
            if line.startswith("# hipe2022:date"):
                date = line.split("=", 1)[1].strip()
            if not line or line.startswith("#") or line.startswith("TOKEN\t"):
                continue
            cols = line.split("\t")
            tok, misc = cols[0], cols[-1]
            hyphen = tok.endswith("¬") and "EndOfLine" in misc
            piece = tok[:-1] if hyphen else tok
            # NoSpaceAfter between two word tokens is a line end of the OCR (NewsEye marks no EndOfLine there):
            # a space, except after a line-break hyphen
            if text and not (glue and (joined or not (text[-1].isalnum() and piece[:1].isalnum()))):
                text += " "
            text += piece
            joined = hyphen
            glue = hyphen or "NoSpaceAfter" in misc
            toks.append(tok.rstrip("¬"))
            if "EndOfSentence" in misc:
                out.append({"file": f"hipe2022_de/{name}", "doc": doc_id, "date": date, "index": n,
                            "tokens": toks, "text": text})
                n += 1
                toks, text = [], ""
    return out


def pools(data: str | Path = DATA) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per source prefix the shuffled ``c``, ``p`` and ``x`` pools of qualifying sentences."""
    root = Path(data)
    readers = {"K": _wikiann, "L": _ler, "H": _hipe}
    seen_out = seen_sha1s("gold/counts_round8_seen.txt")
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for k, (prefix, read) in enumerate(readers.items()):
        seen: set[str] = set()
        cls: dict[str, list[dict[str, Any]]] = {"c": [], "p": [], "x": []}
        for s in read(root):
            text = s.pop("text")
            toks = s.pop("tokens")
            if text in seen or not 30 <= len(text) <= 400 or not _qualifies(toks):
                continue
            if prefix == "H" and _OCR_BAD.search(text):
                continue
            seen.add(text)
            c = "c" if (HARM.search(text) or CASUALTY.search(text)) else "p" if PEOPLE.search(text) else "x"
            cls[c].append({**s, "sha1": sha1(text), "text": text})
        rng = random.Random(SEED + k)
        for v in cls.values():
            rng.shuffle(v)
        out[prefix] = {c: [it for it in v if it["sha1"] not in seen_out] for c, v in cls.items()}
    return out


def draw(data: str | Path = DATA, n_batches: int = 2) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for prefix, cls in pools(data).items():
        people = cls["c"] + cls["p"]
        other = cls["x"]
        pi = xi = 0
        for b in range(n_batches):
            name = prefix + "abcdefghijklmnopqrstuvwxyz"[b]
            if b == 0:
                items = people[pi:pi + BATCH]
                pi += len(items)
            else:
                items = people[pi:pi + BATCH // 2]
                pi += len(items)
                extra = other[xi:xi + BATCH - len(items)]
                xi += len(extra)
                items = items + extra
            rows: list[dict[str, Any]] = []
            for k, it in enumerate(items):
                src: dict[str, Any] = {"dataset": SOURCES[prefix]["dataset"], "license": SOURCES[prefix]["license"]}
                src.update({f: it[f] for f in ("file", "doc", "date", "index") if f in it})
                rows.append({"id": f"{name}{k:03d}", "source": src, "sha1": it["sha1"], "text": it["text"]})
            out[name] = rows
    return out


WIKIWARS_SEED = SEED + 20
ROUND4_WIKIWARS = ("Wa", "Wb", "Wc", "Wd", "We")  # the WikiWarsDE batches labelled before round 8


WIKIWARS_POOL = "gold/counts_round8_wikiwars_pool.tsv"
WIKIWARS_COMMIT = "6bb5e81"


def build_wikiwars_pool(data: str | Path = DATA) -> list[tuple[str, str, str]]:
    """(class, ``file:start:end``, sha1) of the ``Wf``, ``Wg``, ... queues: the round-4 classes and plan, every
    sentence of the round-4 rows ``Wa``-``We`` left out by sha1, the round-8 seed; each up to its last drawn sentence."""
    from .counts_10kgnad import WIKIWARS_GOLD, WIKIWARS_PLAN, _drawn_prefixes, wikiwars_queues

    gold = resources.files("lagebild.evaluation").joinpath(WIKIWARS_GOLD).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in gold.splitlines() if line.strip()]
    done = frozenset(r["source"]["sha1"] for r in rows if r["id"][:2] in ROUND4_WIKIWARS)
    queues = wikiwars_queues(Path(data) / "wikiwarsde", WIKIWARS_SEED, done)
    return _drawn_prefixes(queues, WIKIWARS_PLAN, one_per=None, doc="file")


def draw_wikiwars(data: str | Path = DATA, n_batches: int = 2,
                  pool: list[tuple[str, str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Fresh WikiWarsDE batches ``Wf``, ``Wg``, …: the classes and plan of ``counts_10kgnad.draw_wikiwars`` (per batch
    28 harm, 6 people, 3 money/distance, 3 other sentences), every sentence of the round-4 rows ``Wa``–``We`` of
    ``gold/counts_de_wikiwars.jsonl`` left out by sha1, a new seed; drawn from the frozen pool
    ``gold/counts_round8_wikiwars_pool.tsv`` (the segmenter of :data:`WIKIWARS_COMMIT`) unless ``pool`` is given.
    The rows are stand-off like ``Wa``–``We`` (file and character offsets frozen in the row) and go into the same
    gold file."""
    from .counts_10kgnad import WIKIWARS_PLAN, _fill_batches, wikiwars_pool_queues

    queues = wikiwars_pool_queues(Path(data) / "wikiwarsde", WIKIWARS_POOL, pool)
    letters = "fghijklmnopqrstuvwxyz"
    drawn = _fill_batches(queues, WIKIWARS_PLAN, "W", n_batches)
    return {"W" + letters[k]: [{**it, "id": "W" + letters[k] + it["id"][2:]} for it in items]
            for k, items in enumerate(drawn.values())}


EUROPARL = "europarl_ner_de"
EUROPARL_GOLD = "gold/counts_de_europarl.jsonl"
EUROPARL_SEED = SEED + 30
EUROPARL_SOURCE = "Europarl German NER (Faruqui & Padó 2010)"


def read_europarl(data: str | Path = DATA) -> list[dict[str, Any]]:
    """Every sentence of the Europarl NER files (train, dev, test) with file, index and text rebuilt from its
    tokens; ``FileNotFoundError`` when the folder is absent."""
    out: list[dict[str, Any]] = []
    for name in ("train.tsv", "dev.tsv", "test.tsv"):
        toks: list[str] = []
        n = 0
        for line in [*_lines(Path(data) / EUROPARL / name), "\n"]:
            parts = line.rstrip("\n").split("\t")
            if line.strip():
                toks.append(parts[0])
                continue
            if toks:
                out.append({"file": name, "index": n, "tokens": toks, "text": detok(toks)})
                n += 1
                toks = []
    return out


def draw_europarl(data: str | Path = DATA, n_batches: int = 1) -> dict[str, list[dict[str, Any]]]:
    """Stand-off batches ``Ra``, ``Rb``, … of Europarl debate sentences (no licence stated: the text never enters the
    repository; rows keep file, sentence index and sha1). Same test and classes as the other round-8 sources; each
    batch takes 25 harm/people sentences (``c`` before ``p``) and 15 other ones, seed 20261238."""
    seen: set[str] = set()
    cls: dict[str, list[dict[str, Any]]] = {"c": [], "p": [], "x": []}
    for s in read_europarl(data):
        text, toks = s.pop("text"), s.pop("tokens")
        if text in seen or not 30 <= len(text) <= 400 or not _qualifies(toks):
            continue
        seen.add(text)
        c = "c" if (HARM.search(text) or CASUALTY.search(text)) else "p" if PEOPLE.search(text) else "x"
        cls[c].append({**s, "sha1": sha1(text), "text": text})
    rng = random.Random(EUROPARL_SEED)
    for v in cls.values():
        rng.shuffle(v)
    people, other = cls["c"] + cls["p"], cls["x"]
    out: dict[str, list[dict[str, Any]]] = {}
    for b in range(n_batches):
        items = people[b * 25:(b + 1) * 25] + other[b * 15:(b + 1) * 15]
        name = "R" + "abcdefghijklmnopqrstuvwxyz"[b]
        out[name] = [{"id": f"{name}{k:03d}", **it} for k, it in enumerate(items)]
    return out


def load_europarl(path: str | Path | None = None, data: str | Path = DATA) -> list[dict[str, Any]]:
    """The stand-off Europarl gold rows with their text filled in from the data folder (sha1 checked)."""
    raw = Path(path).read_text(encoding="utf-8") if path else \
        resources.files("lagebild.evaluation").joinpath(EUROPARL_GOLD).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    sents = {(s["file"], s["index"]): s["text"] for s in read_europarl(data)}
    out = []
    for r in rows:
        src = r["source"]
        text = sents[(src["file"], src["index"])]
        if sha1(text) != src["sha1"]:
            raise ConfigError(f"Europarl sentence of {r['id']} does not match its sha1: another copy of the data?")
        out.append({"id": r["id"], "split": r.get("split", "dev"), "source": src, "text": text,
                    "quantities": with_span_texts(r["quantities"], text)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.counts_round8",
                                 description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help=f"write batches Ka, Kb, La, Lb, Ha, Hb ({BATCH} sentences each)")
    s.add_argument("--data", default=DATA)
    s.add_argument("--batches", type=int, default=2)
    s.add_argument("--out", required=True)
    s.add_argument("--wikiwars", action="store_true",
                   help="draw fresh stand-off WikiWarsDE batches Wf, Wg, ... instead (not in counts_de_wikiwars.jsonl)")
    s.add_argument("--europarl", action="store_true", help="draw stand-off Europarl batches Ra, Rb, ... instead")
    pp = sub.add_parser("pool", help=f"write the WikiWarsDE pool of Wf, Wg, ... (no text); the shipped one is from "
                                     f"{WIKIWARS_COMMIT}")
    pp.add_argument("--data", default=DATA)
    pp.add_argument("--out", required=True, help="the pool file to write (locators and sha1s only)")
    args = ap.parse_args(argv)
    if args.cmd == "pool":
        from .counts_round11 import write_pool

        pool = build_wikiwars_pool(args.data)
        write_pool(args.out, pool,
                   "# counts round 8 (batches Wf, Wg): the WikiWarsDE c, p, md and x queues without the Wa-We sentences,\n"
                   f"# in the order of their seeded shuffles, as the segmenter of commit {WIKIWARS_COMMIT} cut them\n"
                   "# (counts_round8.py), each up to its last drawn sentence; class, file:start:end under\n"
                   "# WikiWarsDE_20110412/in/, sha1 of the sentence; no text (kept stand-off: CC BY-SA)\n")
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.europarl:
        batches = draw_europarl(args.data, args.batches)
    elif args.wikiwars:
        batches = draw_wikiwars(args.data, args.batches)
    else:
        batches = draw(args.data, args.batches)
    write_batches(batches, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
