"""Count gold on GermEval 2014 and SmartData sentences (CC BY 4.0): fresh casualty text for first runs (round 6).

``python -m lagebild.evaluation.counts_germeval sample --out DIR [--data ../shared/data/germeval2014]``
``python -m lagebild.evaluation.counts_germeval sample --smartdata --batches 3 --out DIR``
``python -m lagebild.evaluation.counts_germeval sample --mobie --out DIR``
``python -m lagebild.evaluation.counts_germeval sample --smartdata-other --batches 2 --out DIR`` (round 7)
``python -m lagebild.evaluation.counts_germeval sample --germeval-other --batches 4 --out DIR`` (round 9)
``python -m lagebild.evaluation.counts_germeval pool --out FILE`` (rebuilds the frozen SmartData pool)

The 10kGNAD pools have no casualty sentence left after batch ``Gr``, so round 6 took fresh casualty sentences
from GermEval 2014 (news and Wikipedia sentences, CC BY 4.0; only the tokens are read, the NER tags are not
used). The sentences are rebuilt from the tokens (:func:`counts_sampling.detok`); the gold file
``gold/counts_de_germeval.jsonl`` keeps the text with its source address and date (attribution), so it needs
no data folder at run time.

Design (fixed before any labelling, seed 20261128): a sentence of ``NER-de-dev.tsv`` or ``NER-de-test.tsv``
qualifies if it has a number-like token other than a bare year or a "3."-style ordinal (the test of
``counts_sampling``), is 30–400 characters long and has a harm or displacement word (the ``HARM`` and
``CASUALTY`` patterns of the 10kGNAD sampler). The pool is shuffled once; sentences whose sha1 is listed in
``gold/counts_germeval_seen.txt`` are left out: the extractor's output on them was read by eye earlier in
round 6 (while looking for errors in unlabelled text), so a first run on them would not be blind. Batch ``Ea``
takes the first 40 of the rest, ``Eb`` the next ones.

SmartData (DFKI, news and traffic/police reports 2015–16, CC BY 4.0; ``gold/counts_de_smartdata.jsonl``, text
inside with the document's address and date) follows the same design (seed 20261129): the ``text`` of every
document of v1 train/test and v3 dev/test (deduplicated by document id), split by the segmenter, sentences
without a line break, 30–400 characters, a qualifying number and a harm or displacement word, each sentence
text once; shuffled once; the sentences listed in ``gold/counts_smartdata_seen.txt`` (read by eye earlier in
round 6) are left out; batches ``Sa``, ``Sb``, ... take 40 each. Round 7 added batches ``Se``, ``Sf`` of the
other SmartData sentences (a qualifying number but no harm or displacement word: business, traffic and sports
news; ``sample --smartdata-other``, seed 20261133), labelled before their first run. Frozen pool: the segmenter fix
ae3624f re-cut a few SmartData sentences after round 7's draw, and today's code drew 55 of the 80 ``Se``/``Sf`` rows
elsewhere, so both shuffled lists (harm ``c``: all; other ``o``: up to the last sentence a batch up to ``Sz`` can take;
``doc|start|end`` and sha1, no text) are frozen in ``gold/counts_smartdata_pool.tsv``, built with the code of
:data:`SMARTDATA_COMMIT`; the samplers (and MobIE's near-duplicate test below) read only that file and the data, and
re-draw ``Sa``-``Sf``, ``Ma``, ``Mb`` byte for byte. ``pool --out FILE`` rebuilds it with whatever code runs it.

MobIE (DFKI, German traffic and mobility reports and tweets, CC BY 4.0; ``gold/counts_de_mobie.jsonl``) likewise
(seed 20261130): sentences of the CoNLL files ``train``, ``dev``, ``test`` rebuilt from their tokens, with the
same length, number and harm/displacement tests, each text once, shuffled once. MobIE shares many tweets with
SmartData (the same group collected both), so a sentence is left out when the first 30 letters and digits of it
occur in a SmartData pool sentence or those of a SmartData pool sentence occur in it (those were labelled or read
already), and of near-duplicates within MobIE (same first 30 letters and digits) only the first is kept; batch
``Ma`` takes the first 40 of the rest.

Round 9 (``sample --germeval-other``; design fixed before any labelling, seed 20261209): general GermEval
sentences, i.e. everything the round-6 pool left. A sentence qualifies with the round-6 length and number tests
but **no** harm or displacement word (so no round-6 pool sentence can come back) and is left out when its sha1 is
in any seen list (``gold/counts_germeval_seen.txt``, ``gold/counts_round8_seen.txt``) or a round-6 gold row.
Classes like round 3: ``p`` a people word (``counts_sampling.PEOPLE``), else ``md`` a money, distance or percent
word (``MONEY_DIST`` or "Prozent"/"%"), else ``x``. Each class pool is shuffled once with the seed and then
ordered news first (source URL without "wikipedia"), Wikipedia after, keeping the shuffled order within each
part. Batches ``Ec``, ``Ed``, … take 20 ``p`` + 12 ``md`` + 8 ``x`` sentences each, in that order, from the
fronts of the class queues, skipping a sentence whose source document (the URL of its ``#`` line) already gave a
sentence to a round-9 batch; when a class queue runs dry the batch is filled from ``x``, then ``md``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from .counts_10kgnad import HARM
from .counts_sampling import CASUALTY, MONEY_DIST, NUM, PEOPLE, YEAR, detok, write_batches

DEFAULT_DATA = "../shared/data/germeval2014"
FILES = ("NER-de-dev.tsv", "NER-de-test.tsv")
SEED = 20261128
BATCH = 40
PERCENT = re.compile(r"prozent|%", re.I)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_sentences(data: str | Path) -> list[dict[str, Any]]:
    """Every sentence with its file, index, source line ("# <url> [<date>]") and rebuilt text."""
    out: list[dict[str, Any]] = []
    for name in FILES:
        toks: list[str] = []
        head = ""
        n = 0
        with open(Path(data) / name, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    head = line[1:].strip()
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2:
                    toks.append(parts[1])
                    continue
                if toks:
                    out.append({"file": name, "index": n, "source_line": head, "tokens": toks})
                    n += 1
                    toks = []
        if toks:
            out.append({"file": name, "index": n, "source_line": head, "tokens": toks})
    return out


def _qualifies(tokens: list[str]) -> bool:
    return any(NUM.match(t) and not YEAR.match(t) and not (t[:-1].isdigit() and t.endswith("."))
               and t.lower() != "ein" for t in tokens)


def seen_sha1s(name: str = "gold/counts_germeval_seen.txt") -> set[str]:
    raw = resources.files("lagebild.evaluation").joinpath(name).read_text(encoding="utf-8")
    return {line.split()[0] for line in raw.splitlines() if line.strip() and not line.startswith("#")}


def _batches(pool: list[dict[str, Any]], prefix: str, n_batches: int) -> dict[str, list[dict[str, Any]]]:
    """Consecutive batches of ``BATCH`` sentences of the shuffled pool, named Ea, Eb, … with row ids Ea000, …"""
    out = {}
    for b in range(n_batches):
        name = prefix + "abcdefghijklmnopqrstuvwxyz"[b]
        items = pool[b * BATCH:(b + 1) * BATCH]
        for k, it in enumerate(items):
            it["id"] = f"{name}{k:03d}"
        out[name] = items
    return out


def draw(data: str | Path, n_batches: int) -> dict[str, list[dict[str, Any]]]:
    pool = []
    for s in read_sentences(data):
        text = detok(s["tokens"])
        if not 30 <= len(text) <= 400 or not _qualifies(s["tokens"]):
            continue
        if HARM.search(text) or CASUALTY.search(text):
            url, _, date = s["source_line"].partition("\t")
            pool.append({"file": s["file"], "index": s["index"], "url": url.strip(),
                         "date": date.strip().strip("[]").strip(), "sha1": sha1(text), "text": text})
    random.Random(SEED).shuffle(pool)
    seen = seen_sha1s()
    fresh = [p for p in pool if p["sha1"] not in seen]
    return _batches(fresh, "E", n_batches)


OTHER_SEED = 20261209
OTHER_QUOTA = (("p", 20), ("md", 12), ("x", 8))


def _other_class(text: str) -> str:
    if PEOPLE.search(text):
        return "p"
    if MONEY_DIST.search(text) or PERCENT.search(text):
        return "md"
    return "x"


def draw_other(data: str | Path, n_batches: int) -> dict[str, list[dict[str, Any]]]:
    """Round 9: batches ``Ec``, ``Ed``, … of GermEval sentences without a harm word (design in the docstring)."""
    seen = seen_sha1s() | seen_sha1s("gold/counts_round8_seen.txt")
    gold = resources.files("lagebild.evaluation").joinpath("gold/counts_de_germeval.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in gold.splitlines() if line.strip()]
    seen |= {sha1(r["text"]) for r in rows if r["id"] < "Ec"}  # round-6 rows; round-9 rows are this draw's own
    pools: dict[str, list[dict[str, Any]]] = {"p": [], "md": [], "x": []}
    for s in read_sentences(data):
        text = detok(s["tokens"])
        if not 30 <= len(text) <= 400 or not _qualifies(s["tokens"]) or HARM.search(text) or CASUALTY.search(text):
            continue
        if sha1(text) in seen:
            continue
        url, _, date = s["source_line"].partition("\t")
        pools[_other_class(text)].append({"file": s["file"], "index": s["index"], "url": url.strip(),
                                          "date": date.strip().strip("[]").strip(), "sha1": sha1(text),
                                          "text": text})
    rng = random.Random(OTHER_SEED)
    for cl in ("p", "md", "x"):
        rng.shuffle(pools[cl])
        pools[cl] = ([p for p in pools[cl] if "wikipedia" not in p["url"]]
                     + [p for p in pools[cl] if "wikipedia" in p["url"]])
    used_docs: set[str] = set()

    def take(cl: str, n: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        q = pools[cl]
        while q and len(out) < n:
            it = q.pop(0)
            if it["url"] in used_docs:
                continue
            used_docs.add(it["url"])
            it["cls"] = cl
            out.append(it)
        return out

    batches: dict[str, list[dict[str, Any]]] = {}
    for b in range(n_batches):
        name = "E" + "cdefghijklmnopqrstuvwxyz"[b]
        items: list[dict[str, Any]] = []
        for cl, n in OTHER_QUOTA:
            items += take(cl, n)
        for cl in ("x", "md"):
            items += take(cl, BATCH - len(items))
        for k, it in enumerate(items):
            it["id"] = f"{name}{k:03d}"
        batches[name] = items
    return batches


SMARTDATA = "../shared/data/smartdata_de"
SMARTDATA_FILES = ("v1_20180119/train.json.gz", "v1_20180119/test.json.gz", "v3_20200302/dev.json.gz",
                   "v3_20200302/test.json.gz")
SMARTDATA_POOL = "gold/counts_smartdata_pool.tsv"
SMARTDATA_COMMIT = "4d14e27"
SMARTDATA_OTHER_KEEP = 26 * BATCH  # the other draw skips four batches' worth, then Se-Sz: the most it reaches


def _json_stream(path: Path) -> list[dict[str, Any]]:
    """The SmartData files hold one pretty-printed JSON object after the other."""
    raw = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    out: list[dict[str, Any]] = []
    i = 0
    while True:
        while i < len(raw) and raw[i] in " \r\n\t":
            i += 1
        if i >= len(raw):
            return out
        obj, i = dec.raw_decode(raw, i)
        out.append(obj)


def _smartdata_docs(data: str | Path) -> dict[str, dict[str, Any]]:
    """Document id -> document of the four files (the first version of a document wins)."""
    docs: dict[str, dict[str, Any]] = {}
    for name in SMARTDATA_FILES:
        for d in _json_stream(Path(data) / name):
            docs.setdefault(d["id"], d)
    return docs


def _smartdata_item(doc_id: str, d: dict[str, Any], sentence: str) -> dict[str, Any]:
    return {"doc": doc_id, "uri": (d.get("uri") or {}).get("string") or doc_id.split("@")[0],
            "date": ((d.get("date") or {}).get("string") or "")[:10], "sha1": sha1(sentence), "text": sentence}


def smartdata_candidates(data: str | Path, harm: bool = True) -> list[tuple[str, dict[str, Any]]]:
    """(``doc|start|end``, sentence) of every qualifying SmartData sentence as the segmenter that runs cuts them,
    shuffled (before the seen ones are left out); ``harm=False``: the sentences with a qualifying number but without a
    harm or displacement word instead (round 7)."""
    from ..doc import Doc
    from ..records import Article, content_id
    from ..segment import SegmentStage

    seg = SegmentStage()
    docs = _smartdata_docs(data)
    pool: list[tuple[str, dict[str, Any]]] = []
    texts: set[str] = set()
    for doc_id in sorted(docs):
        d = docs[doc_id]
        text = d["text"]["string"]
        doc = seg(Doc(Article(id=content_id(text), text=text, language="de")))
        for si, s in enumerate(doc.sentences):
            st = text[s.start:s.end]
            if "\n" in st or not 30 <= len(st) <= 400 or st in texts:
                continue
            if not _qualifies([t.text for t in doc.sentence_tokens(si)]) or bool(HARM.search(st) or CASUALTY.search(st)) != harm:
                continue
            texts.add(st)
            pool.append((f"{doc_id}|{s.start}|{s.end}", _smartdata_item(doc_id, d, st)))
    random.Random(SEED + 1 if harm else SEED + 5).shuffle(pool)
    return pool


def build_smartdata_pool(data: str | Path = SMARTDATA) -> list[tuple[str, str, str]]:
    """(``c`` harm / ``o`` other, ``doc|start|end``, sha1) in shuffled order: every harm sentence (MobIE's near-duplicate
    test reads them all), and the other sentences up to the last one a batch up to ``Sz`` can take."""
    seen = seen_sha1s("gold/counts_smartdata_seen.txt")
    pool = [("c", loc, it["sha1"]) for loc, it in smartdata_candidates(data)]
    fresh = 0
    for loc, it in smartdata_candidates(data, harm=False):
        if fresh == SMARTDATA_OTHER_KEEP:
            break
        fresh += it["sha1"] not in seen
        pool.append(("o", loc, it["sha1"]))
    return pool


def smartdata_pool(data: str | Path, harm: bool = True,
                   pool: list[tuple[str, str, str]] | None = None) -> list[dict[str, Any]]:
    """Every qualifying SmartData sentence, shuffled (before the seen ones are left out), from the frozen pool
    ``gold/counts_smartdata_pool.tsv`` unless ``pool`` is given; ``harm=False``: the round-7 sentences without a harm
    or displacement word instead."""
    from .counts_10kgnad import pooled_sentences
    from .counts_round11 import read_pool

    if pool is None:
        pool = read_pool(Path(str(resources.files("lagebild.evaluation").joinpath(SMARTDATA_POOL))))
    docs = _smartdata_docs(data)

    def cut(loc: str) -> str:
        doc_id, start, end = loc.rsplit("|", 2)
        return docs[doc_id]["text"]["string"][int(start):int(end)] if doc_id in docs else ""

    return [_smartdata_item(loc.rsplit("|", 2)[0], docs[loc.rsplit("|", 2)[0]], text)
            for cls, loc, _, text in pooled_sentences(pool, cut) if cls == ("c" if harm else "o")]


def draw_smartdata(data: str | Path, n_batches: int) -> dict[str, list[dict[str, Any]]]:
    seen = seen_sha1s("gold/counts_smartdata_seen.txt")
    fresh = [p for p in smartdata_pool(data) if p["sha1"] not in seen]
    return _batches(fresh, "S", n_batches)


def draw_smartdata_other(data: str | Path, n_batches: int) -> dict[str, list[dict[str, Any]]]:
    """Round 7: SmartData sentences with a count but no harm word (money, traffic, business news), batches
    ``Se``, ``Sf``, … after the casualty batches ``Sa``–``Sd`` (seed 20261133; seen sentences left out)."""
    seen = seen_sha1s("gold/counts_smartdata_seen.txt")
    fresh = [p for p in smartdata_pool(data, harm=False) if p["sha1"] not in seen]
    out = _batches(fresh, "S", n_batches + 4)
    return {k: v for k, v in out.items() if k >= "Se"}


MOBIE = "../shared/data/mobie_de"


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def draw_mobie(data: str | Path, n_batches: int) -> dict[str, list[dict[str, Any]]]:
    pool: list[dict[str, Any]] = []
    texts: set[str] = set()
    for name in ("train", "dev", "test"):
        toks: list[str] = []
        doc, n = "", 0
        path = Path(data) / "v1_20210811" / "ner_conll03_formatted" / f"{name}.conll2003"
        for line in list(open(path, encoding="utf-8")) + ["\n"]:
            parts = line.split()
            if parts and not line.startswith("-DOCSTART-"):
                toks.append(parts[0])
                continue
            if toks:
                text = detok(toks)
                if 30 <= len(text) <= 400 and text not in texts and _qualifies(toks) and (
                        HARM.search(text) or CASUALTY.search(text)):
                    texts.add(text)
                    pool.append({"file": f"{name}.conll2003", "doc": doc, "index": n, "sha1": sha1(text), "text": text})
                n += 1
                toks = []
            if line.startswith("-DOCSTART-"):
                doc, n = parts[1].strip("-") if len(parts) > 1 else "", 0
    random.Random(SEED + 2).shuffle(pool)
    smart = [_norm(p["text"]) for p in smartdata_pool(Path(data).parent / "smartdata_de")]
    kept, keys = [], set()
    for p in pool:
        t = _norm(p["text"])
        if t[:30] in keys or any(t[:30] in o or o[:30] in t for o in smart):
            continue
        keys.add(t[:30])
        kept.append(p)
    pool = kept
    return _batches(pool, "M", n_batches)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.counts_germeval",
                                 description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="write the sentences of batches Ea, Eb, ...")
    s.add_argument("--data", default=DEFAULT_DATA)
    s.add_argument("--batches", type=int, default=1)
    s.add_argument("--out", required=True)
    s.add_argument("--mobie", action="store_true",
                   help="draw batches Ma, Mb, ... from MobIE (--data defaults to ../shared/data/mobie_de)")
    s.add_argument("--smartdata", action="store_true",
                   help="draw batches Sa, Sb, ... from SmartData (--data defaults to ../shared/data/smartdata_de)")
    s.add_argument("--smartdata-other", action="store_true",
                   help="draw batches Se, Sf, ... of SmartData sentences without a harm word (round 7)")
    s.add_argument("--germeval-other", action="store_true",
                   help="draw batches Ec, Ed, ... of GermEval sentences without a harm word (round 9)")
    pp = sub.add_parser("pool", help=f"write the SmartData pool (no text); the shipped one is from {SMARTDATA_COMMIT}")
    pp.add_argument("--data", default=SMARTDATA)
    pp.add_argument("--out", required=True, help="the pool file to write (locators and sha1s only)")
    args = ap.parse_args(argv)
    if args.cmd == "pool":
        from .counts_round11 import write_pool

        pool = build_smartdata_pool(args.data)
        write_pool(args.out, pool,
                   "# counts SmartData (batches Sa-Sf; MobIE's near-duplicate test): c = harm sentences (all), o = the other\n"
                   "# sentences (up to the last one a batch up to Sz can take), each in the order of its seeded shuffle, as\n"
                   f"# the segmenter of commit {SMARTDATA_COMMIT} cut them (counts_germeval.py); class, document id|start|end,\n"
                   "# sha1 of the sentence; no text\n")
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.germeval_other:
        batches = draw_other(args.data, args.batches)
    elif args.smartdata_other:
        batches = draw_smartdata_other(SMARTDATA if args.data == DEFAULT_DATA else args.data, args.batches)
    elif args.mobie:
        batches = draw_mobie(MOBIE if args.data == DEFAULT_DATA else args.data, args.batches)
    elif args.smartdata:
        batches = draw_smartdata(SMARTDATA if args.data == DEFAULT_DATA else args.data, args.batches)
    else:
        batches = draw(args.data, args.batches)
    write_batches(batches, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
