"""Stand-off count gold on 10kGNAD (derStandard news) and WikiWarsDE: sample batches and read them back.

``python -m lagebild.evaluation.counts_10kgnad sample --batches 18 --out DIR [--data ../shared/data/news_10kgnad_de]``
``python -m lagebild.evaluation.counts_10kgnad sample --wikiwars --batches 2 --out DIR``
``python -m lagebild.evaluation.counts_10kgnad sample --people-round10 --batches 8 --out DIR``
``python -m lagebild.evaluation.counts_10kgnad pool [--round4 | --wikiwars] --out FILE`` (rebuilds a frozen pool)

10kGNAD is CC BY-NC-SA 4.0: it may be used for evaluation, but its text must not be committed.
So the gold file ``gold/counts_de_10kgnad.jsonl`` holds no text at all: each row points at a sentence
(``row`` of ``test.csv``, character offsets ``sent_start``/``sent_end`` into that article, and the sha1 of
the sentence) and holds only the labels, with offsets relative to the sentence. At run time
:func:`load_standoff` reads the sentence text from the data folder, checks the sha1 and fills in the
``text`` of the sentence, of each quantity and of each object, so the rows look like the Wikinews gold
rows and :func:`lagebild.evaluation.counts.evaluate` scores them unchanged.

Sampling design (fixed before any labelling, seed 20261127):
- sentences come from the segmenter (``SegmentStage``) on each article; 30–400 characters;
- a sentence qualifies if it has a number-like token other than a bare year or a "3."-style ordinal
  (the same test as ``counts_sampling``);
- classes: ``c`` a harm word (killed, injured, arrested, kidnapped, protest: conflict, disaster and
  crime, what users count), ``f`` a displacement word (refugees, evacuated, homeless; 10kGNAD is
  2015–16 news, so these would swamp ``c``), ``p`` another people word, ``md`` a money/distance word,
  ``x`` anything else (precision checks);
- each class is shuffled once with the seed; batch ``k`` (``Ga``, ``Gb``, ...) takes, in order, the next
  20 ``c``, 8 ``f``, 6 ``p``, 3 ``md`` and 3 ``x`` sentences whose text was not drawn before, at most one
  per article per batch.

Round-4 frozen pool: segmenter fixes made after the draw (aa1b446 and earlier ones) cut some 10kGNAD sentences
differently, so today's code draws 448 of the 848 ``Ga``-``Gz`` rows elsewhere. The five shuffled class queues, each
up to its last drawn sentence (row:start:end and sha1, no text), are frozen in ``gold/counts_10kgnad_pool.tsv``,
built with the code of :data:`G_COMMIT`, which re-draws all 26 batch files byte for byte; ``sample`` reads only
that file and the data. ``pool --round4`` rebuilds it with whatever code runs it (see the round-10 pool below for
rebuilding the shipped file). The WikiWarsDE batches ``Wa``-``We`` likewise (today's code drew 171 of their 200 rows
elsewhere): ``gold/counts_wikiwars_pool.tsv`` (file:start:end and sha1; kept stand-off), built with the code of
:data:`WIKIWARS_COMMIT` (and ``counts_sampling.py`` of today, whose word lists are unchanged), ``pool --wikiwars``.

Round-10 design (``--people-round10``, fixed before any labelling, seed 20261210): fresh people sentences, the
held-out Wikinews test's weak spot. The harm pool ``c`` was used up by ``Ga``-``Gr`` and ``f`` by ``Gz``, so:
- candidates and classes exactly as above; every sentence whose sha1 is already in the shipped gold file
  (``Ga``-``Gz``, drawn and labelled before) is left out, and so is every sentence of a round-10 batch
  in the next batches;
- the people pool is the rest of ``f`` and ``p``, split into ``p1`` (a people sentence that also names an
  event users count but the harm word list misses: police, arrest, custody, courts, protest, strike, asylum,
  migrants, borders, shelters, accidents, violence, soldiers, war, terror, rescue; ``EVENT_PEOPLE``) and
  ``p2`` (the other people sentences: inhabitants, staff, pupils, voters, ...); each is shuffled once with
  the seed and ``p1`` comes first;
- batch ``Da``, ``Db``, ... takes 30 people sentences (``p1`` while it lasts, then ``p2``), 5 ``md`` and 5
  ``x`` sentences (money/distance and any-number precision checks, also shuffled once), at most one
  sentence per article within a batch. A batch re-draw is exact: batch k depends only on the data, the
  seed and the shipped rows of ``Ga``-``Gz``.

Round-10 frozen pool: the candidates come from the segmenter, and a later segmenter fix (aa1b446: a unit symbol
after a number gives back a glued full stop) cut some sentences differently, which changed the class lists and so
their seeded shuffles: re-running the design above with today's code no longer gives ``Da``-``Dl``. So the three
shuffled queues (people ``p1`` then ``p2``, ``md``, ``x``; the first :data:`ROUND10_POOL_KEEP` of each, which holds
every people sentence; row:start:end and sha1, no text) are frozen in ``gold/counts_round10_pool.tsv``, built with
the code of :data:`ROUND10_COMMIT`, where the batches were drawn; ``--people-round10`` reads only that file and the
data. ``pool`` rebuilds it with whatever code runs it, so to rebuild the shipped file copy this module and
``counts_round11.py`` into a checkout of that commit and run ``pool`` there.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .counts_sampling import CASUALTY, MONEY_DIST, NUM, PEOPLE, YEAR, write_batches

DEFAULT_DATA = "../shared/data/news_10kgnad_de"
GOLD_NAME = "gold/counts_de_10kgnad.jsonl"
SEED = 20261127
PLAN = (("c", 20), ("f", 8), ("p", 6), ("md", 3), ("x", 3))
HARM = re.compile(
    r"(tote[nr]?\b|getötet|starb|sterb|ums leben|verletz|verwund|opfer|festgenommen|festnahm|verhaft|inhaftiert|geisel|"
    r"entführ|verschlepp|demonstr|protest|vermisst|erschoss|ermord|leichen|kamen .{0,60}\bum\b|anschlag|angriff)", re.I)
BATCHES = "abcdefghijklmnopqrstuvwxyz"
ROUND10_SEED = 20261210
ROUND10_PLAN = (("p", 30), ("md", 5), ("x", 5))
ROUND10_POOL = "gold/counts_round10_pool.tsv"
ROUND10_COMMIT = "8e7bf5b"
ROUND10_POOL_KEEP = 400
G_POOL = "gold/counts_10kgnad_pool.tsv"
G_COMMIT = "24d3cd1"
EVENT_PEOPLE = re.compile(
    r"(festnahm|nahm\w* .{0,40}\bfest\b|\bhaft|gefängnis|häftling|gefangen|angeklagt|anklage|verurteil|polizei|polizist|"
    r"demo\b|demos\b|kundgebung|marsch|streik|asyl|migrant|abschieb|abgeschoben|grenze|unterkunft|unterbring|quartier|"
    r"unfall|verunglück|leiche|\btod|mord|gewalt|attack|soldat|kämpfer|armee|militär|terror|krieg|opfer|rettung|gerettet)",
    re.I)



def with_span_texts(quantities: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Stand-off count labels with the ``text`` and ``object`` their offsets point at in the sentence ``text``."""
    out = []
    for q in quantities:
        q = dict(q)
        q["text"] = text[q["start"]:q["end"]]
        q["object"] = text[q["object_start"]:q["object_end"]] if q.get("object_start") is not None else None
        out.append(q)
    return out

def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_articles(data: str | Path) -> list[tuple[str, str]]:
    """(label, text) per row of ``test.csv``; raises ``FileNotFoundError`` when the data is absent."""
    path = Path(data) / "test.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return [(r[0], r[1]) for r in csv.reader(fh, delimiter=";", quotechar="'") if len(r) >= 2]


def _qualifies(tokens: list[str]) -> bool:
    return any(NUM.match(t) and not YEAR.match(t) and not (t[:-1].isdigit() and t.endswith("."))
               and t.lower() != "ein" for t in tokens)


def candidates(arts: list[tuple[str, str]]) -> dict[str, list[dict[str, Any]]]:
    from ..doc import Doc
    from ..records import Article, content_id
    from ..segment import SegmentStage

    seg = SegmentStage()
    pools: dict[str, list[dict[str, Any]]] = {c: [] for c, _ in PLAN}
    for row, (_, text) in enumerate(arts):
        doc = seg(Doc(Article(id=content_id(text), text=text, language="de")))
        for si, s in enumerate(doc.sentences):
            st = doc.text[s.start:s.end]
            if not 30 <= len(st) <= 400 or not _qualifies([t.text for t in doc.sentence_tokens(si)]):
                continue
            if HARM.search(st):
                cls = "c"
            elif CASUALTY.search(st):
                cls = "f"
            else:
                cls = "p" if PEOPLE.search(st) else "md" if MONEY_DIST.search(st) else "x"
            pools[cls].append({"row": row, "sent_start": s.start, "sent_end": s.end, "sha1": sha1(st), "text": st})
    return pools


def build_pool(arts: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(class, ``row:start:end``, sha1) of the round-4 queues ``c``, ``f``, ``p``, ``md``, ``x``, each in the order of
    its seeded shuffle, cut after the last sentence the 26 batches ``Ga``-``Gz`` take (the letters end at ``z``, so no
    draw reaches further; ``c`` and ``f`` are used up and kept whole)."""
    pools = candidates(arts)
    for k, (cls, _) in enumerate(PLAN):
        random.Random(SEED + k).shuffle(pools[cls])
    return _drawn_prefixes(pools, PLAN, one_per="row", doc="row")


def draw(arts: list[tuple[str, str]], n_batches: int,
         pool: list[tuple[str, str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Ga``, ``Gb``, ...: the round-4 draw from its frozen pool (``gold/counts_10kgnad_pool.tsv`` unless
    ``pool`` is given)."""
    queues = _pool_queues(_read_shipped_pool(G_POOL) if pool is None else pool,
                          {str(row): text for row, (_, text) in enumerate(arts)}, PLAN, "row")
    # one sentence per article within a batch (the same sentence can stand in two articles: a repeated box or lead)
    return _fill_batches(queues, PLAN, "G", n_batches, one_per="row")


def _read_shipped_pool(name: str) -> list[tuple[str, str, str]]:
    from .counts_round11 import read_pool

    return read_pool(Path(str(resources.files("lagebild.evaluation").joinpath(name))))


def _drawn_prefixes(pools: dict[str, list[dict[str, Any]]], plan: Sequence[tuple[str, int]], one_per: str | None,
                    doc: str) -> list[tuple[str, str, str]]:
    """(class, ``doc:start:end``, sha1) of each shuffled class queue up to its last sentence that any of the 26
    possible batches takes: drawing from these prefixes gives exactly the batches of the whole queues."""
    batches = _fill_batches(pools, plan, "", len(BATCHES), one_per=one_per)
    taken = {(it["cls"], it[doc], it["sent_start"]) for items in batches.values() for it in items}
    out: list[tuple[str, str, str]] = []
    for cls, _ in plan:
        queue = pools[cls]
        last = max((i for i, c in enumerate(queue) if (cls, c[doc], c["sent_start"]) in taken), default=-1)
        out.extend((cls, f"{c[doc]}:{c['sent_start']}:{c['sent_end']}", c["sha1"]) for c in queue[:last + 1])
    return out


def _pool_queues(pool: list[tuple[str, str, str]], texts: dict[str, str], plan: Sequence[tuple[str, int]],
                 doc: str) -> dict[str, list[dict[str, Any]]]:
    """The pool's sentences per class in pool order, each locator ``doc:start:end`` cut from ``texts[doc]`` and
    checked against its sha1; ``doc`` names the key of the records (``row``, an int, or ``file``)."""
    queues: dict[str, list[dict[str, Any]]] = {cls: [] for cls, _ in plan}
    for cls, loc, h, text in pooled_sentences(pool, lambda loc: _cut(texts, loc)):
        key, start, end = loc.rsplit(":", 2)
        queues[cls].append({doc: int(key) if doc == "row" else key, "sent_start": int(start), "sent_end": int(end),
                            "sha1": h, "text": text})
    return queues


def _cut(texts: dict[str, str], loc: str) -> str:
    key, start, end = loc.rsplit(":", 2)
    return texts.get(key, "")[int(start):int(end)]


def pooled_sentences(pool: list[tuple[str, str, str]],
                     cut: Callable[[str], str]) -> list[tuple[str, str, str, str]]:
    """(class, locator, sha1, text) per pool line, the text cut from the data by ``cut(locator)``; raises
    ``ConfigError`` when it does not match the sha1 frozen with it."""
    out = []
    for cls, loc, h in pool:
        text = cut(loc)
        if sha1(text) != h:
            raise ConfigError(f"pool sentence {loc} is missing or does not match its sha1: another copy of the data?")
        out.append((cls, loc, h, text))
    return out


def build_people_round10_pool(arts: list[tuple[str, str]],
                              drawn_sha1: set[str] | None = None) -> list[tuple[str, str, str]]:
    """(class, ``row:start:end``, sha1) of the round-10 queues ``p``, ``md``, ``x``, each in the order of its seeded
    shuffle (design in the module docstring); ``drawn_sha1`` defaults to the sentences of the shipped ``G*`` rows."""
    if drawn_sha1 is None:
        drawn_sha1 = {r["source"]["sha1"] for r in _shipped_rows(GOLD_NAME) if r["id"].startswith("G")}
    pools = {cls: [c for c in group if c["sha1"] not in drawn_sha1] for cls, group in candidates(arts).items()}
    people = pools["f"] + pools["p"]
    event = [c for c in people if EVENT_PEOPLE.search(c["text"])]
    other = [c for c in people if not EVENT_PEOPLE.search(c["text"])]
    for k, group in enumerate((event, other, pools["md"], pools["x"])):
        random.Random(ROUND10_SEED + k).shuffle(group)
    queues = {"p": event + other, "md": pools["md"], "x": pools["x"]}
    return [(cls, f"{c['row']}:{c['sent_start']}:{c['sent_end']}", c["sha1"])
            for cls, queue in queues.items() for c in queue[:ROUND10_POOL_KEEP]]


def draw_people_round10(arts: list[tuple[str, str]], n_batches: int,
                        pool: list[tuple[str, str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Da``, ``Db``, ...: the round-10 people draw from the frozen pool (``gold/counts_round10_pool.tsv``
    unless ``pool`` is given)."""
    queues = _pool_queues(_read_shipped_pool(ROUND10_POOL) if pool is None else pool,
                          {str(row): text for row, (_, text) in enumerate(arts)}, ROUND10_PLAN, "row")
    return _fill_batches(queues, ROUND10_PLAN, "D", n_batches, one_per="row")


def _shipped_rows(gold_name: str) -> list[dict[str, Any]]:
    raw = resources.files("lagebild.evaluation").joinpath(gold_name).read_text(encoding="utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def _fill_batches(pools: dict[str, list[dict[str, Any]]], plan: Sequence[tuple[str, int]], prefix: str,
                  n_batches: int, one_per: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Batches ``prefix + A, B, ...``, each taking ``n`` unused sentences of every class in ``plan`` from its
    (already shuffled) pool; a sentence text is drawn once over all batches, and with ``one_per`` at most one
    sentence per value of that key goes into a batch."""
    used: set[str] = set()
    out: dict[str, list[dict[str, Any]]] = {}
    for b in range(n_batches):
        name = prefix + BATCHES[b]
        seen: set[Any] = set()
        items: list[dict[str, Any]] = []
        for cls, n in plan:
            got = 0
            for c in pools[cls]:
                if got == n:
                    break
                if c["sha1"] in used or (one_per is not None and c[one_per] in seen):
                    continue
                used.add(c["sha1"])
                if one_per is not None:
                    seen.add(c[one_per])
                items.append({**c, "cls": cls})
                got += 1
        for k, it in enumerate(items):
            it["id"] = f"{name}{k:03d}"
        out[name] = items
    return out


# WikiWarsDE (German Wikipedia war articles, CC BY-SA 3.0): also kept stand-off, so the repository's
# licence is not touched by share-alike text; rows name the file under ``WikiWarsDE_20110412/in/``
WIKIWARS_DATA = "../shared/data/wikiwarsde"
WIKIWARS_GOLD = "gold/counts_de_wikiwars.jsonl"
WIKIWARS_PLAN = (("c", 28), ("p", 6), ("md", 3), ("x", 3))
WIKIWARS_POOL = "gold/counts_wikiwars_pool.tsv"
WIKIWARS_COMMIT = "27ae714"


def read_wikiwars(data: str | Path) -> dict[str, tuple[str, int, int]]:
    """file name -> (whole file text, start and end of the ``<TEXT>`` body); ``FileNotFoundError`` if absent."""
    root = Path(data) / "WikiWarsDE_20110412" / "in"
    files = sorted(root.glob("*.sgm"))
    if not files:
        raise FileNotFoundError(2, "no WikiWarsDE files", str(root))
    out = {}
    for f in files:
        text = f.read_text(encoding="utf-8")
        a = text.index("<TEXT>") + len("<TEXT>")
        out[f.name] = (text, a, text.index("</TEXT>"))
    return out


def _doc_text(src: dict[str, Any], arts: Any) -> str:
    if src.get("dataset") == "WikiWarsDE":
        return arts[src["file"]][0]
    return arts[src["row"]][1]


def load_standoff(path: str | Path | None = None, data: str | Path = DEFAULT_DATA,
                  gold_name: str = GOLD_NAME) -> list[dict[str, Any]]:
    """Gold rows with their text filled in from the data folder (10kGNAD, or WikiWarsDE for its gold file).

    Raises ``FileNotFoundError`` when the data is absent and ``ConfigError`` when a sentence no longer
    matches its sha1 (a different copy of the data)."""
    raw = Path(path).read_text(encoding="utf-8") if path else \
        resources.files("lagebild.evaluation").joinpath(gold_name).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    wikiwars = any(r["source"].get("dataset") == "WikiWarsDE" for r in rows)
    arts: Any = read_wikiwars(data) if wikiwars else read_articles(data)
    out = []
    for r in rows:
        src = r["source"]
        text = _doc_text(src, arts)[src["sent_start"]:src["sent_end"]]
        if sha1(text) != src["sha1"]:
            raise ConfigError(f"10kGNAD sentence of {r['id']} does not match its sha1: another copy of the data?")
        out.append({"id": r["id"], "split": r.get("split", "dev"), "source": src, "text": text,
                    "quantities": with_span_texts(r["quantities"], text)})
    return out


def wikiwars_queues(data: str | Path, seed: int, skip_sha1: frozenset[str] = frozenset()) -> dict[str, list[dict[str, Any]]]:
    """The WikiWarsDE class queues of :data:`WIKIWARS_PLAN` as the segmenter that runs cuts the sentences, each
    shuffled once (``random.Random(seed + k)``), without the sentences in ``skip_sha1``."""
    from ..doc import Doc
    from ..records import Article, content_id
    from ..segment import SegmentStage

    seg = SegmentStage()
    pools: dict[str, list[dict[str, Any]]] = {c: [] for c, _ in WIKIWARS_PLAN}
    for name, (text, a, b) in read_wikiwars(data).items():
        body = text[a:b]
        doc = seg(Doc(Article(id=content_id(body), text=body, language="de")))
        for si, s_ in enumerate(doc.sentences):
            st = body[s_.start:s_.end]
            if not 30 <= len(st) <= 400 or "\n" in st or not _qualifies([t.text for t in doc.sentence_tokens(si)]):
                continue
            if sha1(st) in skip_sha1:
                continue
            cls = "c" if (HARM.search(st) or CASUALTY.search(st)) else "p" if PEOPLE.search(st) else \
                "md" if MONEY_DIST.search(st) else "x"
            pools[cls].append({"file": name, "sent_start": a + s_.start, "sent_end": a + s_.end, "sha1": sha1(st),
                               "text": st})
    for k, (cls, _) in enumerate(WIKIWARS_PLAN):
        random.Random(seed + k).shuffle(pools[cls])
    return pools


def build_wikiwars_pool(data: str | Path = WIKIWARS_DATA) -> list[tuple[str, str, str]]:
    """(class, ``file:start:end``, sha1) of the ``Wa``-``We`` queues, each up to its last sentence any batch takes."""
    return _drawn_prefixes(wikiwars_queues(data, SEED + 10), WIKIWARS_PLAN, one_per=None, doc="file")


def wikiwars_pool_queues(data: str | Path, pool_name: str,
                         pool: list[tuple[str, str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The class queues of a frozen WikiWarsDE pool (``pool``, else the shipped file ``pool_name``), text checked."""
    texts = {name: text for name, (text, _, _) in read_wikiwars(data).items()}
    return _pool_queues(_read_shipped_pool(pool_name) if pool is None else pool, texts, WIKIWARS_PLAN, "file")


def draw_wikiwars(data: str | Path, n_batches: int,
                  pool: list[tuple[str, str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Batches ``Wa``, ``Wb``, ...: the same classes and seed as the 10kGNAD draw, per batch 28 ``c``
    (harm words), 6 ``p``, 3 ``md``, 3 ``x`` sentences (war articles: displacement counts as ``c`` here), from the
    frozen pool ``gold/counts_wikiwars_pool.tsv`` unless ``pool`` is given."""
    return _fill_batches(wikiwars_pool_queues(data, WIKIWARS_POOL, pool), WIKIWARS_PLAN, "W", n_batches)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lagebild.evaluation.counts_10kgnad",
                                 description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="write the sentences of batches Ga, Gb, ... (with text: keep them out of git)")
    s.add_argument("--data", default=DEFAULT_DATA)
    s.add_argument("--batches", type=int, default=6, help="how many batches to draw")
    s.add_argument("--out", required=True)
    s.add_argument("--wikiwars", action="store_true",
                   help="draw batches Wa, Wb, ... from WikiWarsDE instead (--data defaults to ../shared/data/wikiwarsde)")
    s.add_argument("--people-round10", action="store_true",
                   help="draw the round-10 people batches Da, Db, ... (from the frozen pool)")
    pp = sub.add_parser("pool", help=f"write the round-10 people pool (no text); the shipped one is from {ROUND10_COMMIT}")
    pp.add_argument("--data", default=DEFAULT_DATA)
    pp.add_argument("--out", required=True, help="the pool file to write (locators and sha1s only)")
    pp.add_argument("--round4", action="store_true",
                    help=f"write the pool of batches Ga-Gz instead; the shipped one is from {G_COMMIT}")
    pp.add_argument("--wikiwars", action="store_true",
                    help=f"write the pool of batches Wa-We instead; the shipped one is from {WIKIWARS_COMMIT}")
    args = ap.parse_args(argv)
    if args.cmd == "pool":
        from .counts_round11 import write_pool

        if args.wikiwars:
            pool = build_wikiwars_pool(WIKIWARS_DATA if args.data == DEFAULT_DATA else args.data)
            write_pool(args.out, pool,
                       "# counts round 4 (batches Wa-We): the WikiWarsDE c, p, md and x queues in the order of their\n"
                       f"# seeded shuffles, as the segmenter of commit {WIKIWARS_COMMIT} cut the sentences (counts_10kgnad.py),\n"
                       "# each up to its last drawn sentence; class, file:start:end under WikiWarsDE_20110412/in/,\n"
                       "# sha1 of the sentence; no text (kept stand-off: CC BY-SA)\n")
            return 0
        if args.round4:
            pool = build_pool(read_articles(args.data))
            write_pool(args.out, pool,
                       "# counts round 4 (batches Ga-Gz): the c, f, p, md and x queues in the order of their seeded\n"
                       f"# shuffles, as the segmenter of commit {G_COMMIT} cut the 10kGNAD sentences (counts_10kgnad.py),\n"
                       "# each up to its last drawn sentence; class, row:start:end in test.csv, sha1 of the sentence;\n"
                       "# no text (10kGNAD is CC BY-NC-SA)\n")
            return 0
        pool = build_people_round10_pool(read_articles(args.data))
        write_pool(args.out, pool,
                   "# counts round 10: the people (p1 then p2), md and x queues in the order of their seeded shuffles,\n"
                   f"# as the segmenter of commit {ROUND10_COMMIT} cut the 10kGNAD sentences (counts_10kgnad.py); class,\n"
                   "# row:start:end in test.csv, sha1 of the sentence; no text (10kGNAD is CC BY-NC-SA)\n")
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.wikiwars:
        batches = draw_wikiwars(WIKIWARS_DATA if args.data == DEFAULT_DATA else args.data, args.batches)
    elif args.people_round10:
        batches = draw_people_round10(read_articles(args.data), args.batches)
    else:
        batches = draw(read_articles(args.data), args.batches)
    write_batches(batches, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
