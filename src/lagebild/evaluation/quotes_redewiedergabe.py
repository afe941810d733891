"""German quotes on the corpus REDEWIEDERGABE (historical German, 1840–1919, STWR annotation).

``lagebild eval quotes --data ../shared/data/redewiedergabe --split dev|test [--text-types ...] [--json]``
(dispatched from :mod:`lagebild.evaluation.quotes`).

The corpus (CC BY-NC-SA 4.0, evaluation only) is read in place from ``main_tsv.tar.gz``; nothing is unpacked
and none of its text enters the repository. Only non-fictional samples are used, by default the text types
closest to news reporting, ``Nachrichten`` and ``Reportage`` (``--text-types`` picks others from
``metadata.tsv``: Kommentar, Biographie, Rezension, ...).

How the STWR annotation becomes the evaluator's events (:class:`~lagebild.evaluation.quotes.GoldDoc`):

* one event per STWR instance ID: message = every token carrying that ID in the ``stwr`` column (a direct
  quote split by its frame is one event, as in SpkAtt), cue = the ``intexpr`` tokens with that ID, source =
  the tokens whose ``speaker`` column lists that ID;
* form: direct → Direct, indirect → Indirect, freeIndirect → FreeIndirect, reported → Reported,
  indirect_freeIndirect → IndirectFreeIndirect (SpkAtt's names, so recall by form reads the same);
* all media count (speech, writing, thought): SpkAtt annotates written and cognitive reports too
  ("teilte schriftlich mit", "befürchtet, dass"); the non-factual, pragmatic and metaphorical flags do not
  remove an instance either, since SpkAtt has no such distinction;
* nesting follows SpkAtt's ``IsNested``: an instance that sits at level 2 or deeper on every one of its
  tokens is nested, so it is left out of the gold and a prediction that only matches it is ignored;
  instances flagged ``border`` (perceptions and states on the edge of thought, which SpkAtt would not
  annotate) are treated the same way;
* footnote tokens (``note``) are dropped; sentences follow the ``sentstart`` column; a straight ``"`` that
  closes an open ``„`` is read as ``“`` (same length), so the text joins as a modern article would.

The dev/test split is fixed here, before anything was scored: all 838 samples are grouped by their text
(``rwk_<source>_<textid>``, so two excerpts of one text never fall on both sides), the groups are sorted by
name, shuffled with ``random.Random(SPLIT_SEED)`` and alternately assigned dev (even positions) and test
(odd). The assignment does not depend on ``--text-types``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from .quotes import GoldDoc, Ptr, detokenize, evaluate, print_report

DEFAULT_DATA = "../shared/data/redewiedergabe"
ARCHIVE = "main_tsv.tar.gz"
SPLIT_SEED = 20261127
NEWS_TEXT_TYPES = ("Nachrichten", "Reportage")
_FORMS = {"direct": "Direct", "indirect": "Indirect", "freeIndirect": "FreeIndirect", "reported": "Reported",
          "indirect_freeIndirect": "IndirectFreeIndirect"}
_COLUMNS = ("tok", "normtok", "lemma", "pos", "rfpos", "sentstart", "stwr", "frame", "speaker", "intexpr", "note")


@dataclass(frozen=True)
class Sample:
    file: str
    text_type: str
    fictional: bool


def text_group(file: str) -> str:
    """``rwk_grenz_123-2.tsv`` -> ``rwk_grenz_123``: the text a sample was drawn from."""
    return re.sub(r"[-_](?:\d+|short)\.tsv$", "", file)


def split_of(samples: Iterable[Sample], seed: int = SPLIT_SEED) -> dict[str, str]:
    """Sample file -> "dev" | "test", by text group (see the module docstring)."""
    groups = sorted({text_group(s.file) for s in samples})
    random.Random(seed).shuffle(groups)
    half = {g: ("dev" if i % 2 == 0 else "test") for i, g in enumerate(groups)}
    return {s.file: half[text_group(s.file)] for s in samples}


def read_metadata(fh: IO[bytes]) -> list[Sample]:
    lines = fh.read().decode("utf-8").splitlines()
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        if not line.strip():
            continue
        row = dict(zip(header, line.split("\t"), strict=False))
        out.append(Sample(row["file"], row.get("text_type", ""), row.get("fictional", "") == "yes"))
    return out


def _instances(value: str) -> list[tuple[int, str, str, int, bool]]:
    """``direct.speech.3|reported.thought.6.nonfact.border=state`` -> (id, type, medium, level, border) each."""
    out: list[tuple[int, str, str, int, bool]] = []
    if value in ("", "-"):
        return out
    for level, part in enumerate(value.split("|"), 1):
        attrs = part.split(".")
        if len(attrs) < 3 or not attrs[2].isdigit():
            raise InputError(f"bad stwr value {value!r}")
        kind = attrs[0].replace(" ", "_")
        out.append((int(attrs[2]), kind, attrs[1], level, any(a.startswith("border") for a in attrs[3:])))
    return out


def _ids(value: str, name: str) -> list[int]:
    """``speaker.12_19`` -> [12, 19]; several annotations on one token are joined by ``|``."""
    out: list[int] = []
    if value in ("", "-"):
        return out
    for part in value.split("|"):
        head, _, ids = part.partition(".")
        if head != name:
            raise InputError(f"bad {name} value {value!r}")
        out.extend(int(i) for i in ids.split("_") if i.isdigit())
    return out


def read_sample(name: str, raw: str) -> GoldDoc:
    """One sample TSV (header row, one token a line) as a GoldDoc with one event per STWR instance."""
    lines = raw.splitlines()
    if not lines or lines[0].split("\t")[: len(_COLUMNS)] != list(_COLUMNS):
        raise InputError(f"{name}: unexpected header {lines[:1]!r}")
    sentences: list[list[str]] = []
    message: dict[int, list[Ptr]] = {}
    cue: dict[int, list[Ptr]] = {}
    source: dict[int, list[Ptr]] = {}
    form: dict[int, str] = {}
    min_level: dict[int, int] = {}
    border: set[int] = set()
    low_quote_open = False
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) < len(_COLUMNS):
            if not line.strip():
                continue
            raise InputError(f"{name} line {n}: {len(cols)} columns")
        row = dict(zip(_COLUMNS, cols, strict=False))
        if row["note"] not in ("", "-"):
            continue
        if not sentences or row["sentstart"] == "yes":
            if not sentences or sentences[-1]:
                sentences.append([])
        ptr = (len(sentences) - 1, len(sentences[-1]))
        tok = row["tok"]
        if tok == '"' and low_quote_open:
            tok = "\u201c"  # the digitised prints close „ with a straight mark; one character either way
        if tok in ("\u201e", "\u201c"):
            low_quote_open = tok == "\u201e"
        sentences[-1].append(tok)
        for sid, kind, _medium, level, is_border in _instances(row["stwr"]):
            message.setdefault(sid, []).append(ptr)
            form.setdefault(sid, _FORMS.get(kind, kind))
            min_level[sid] = min(level, min_level.get(sid, level))
            if is_border:
                border.add(sid)
        for sid in _ids(row["intexpr"], "intexpr"):
            cue.setdefault(sid, []).append(ptr)
        for sid in _ids(row["speaker"], "speaker"):
            source.setdefault(sid, []).append(ptr)
    text, spans = detokenize(sentences)
    events = [{"Cue": cue.get(sid, []), "Source": source.get(sid, []), "Message": toks, "Addr": [],
               "nested": min_level[sid] > 1 or sid in border, "form": form[sid], "id": sid}
              for sid, toks in sorted(message.items())]
    return GoldDoc(name, text, spans, events)


def load(folder: str | Path, split: str, text_types: Iterable[str] = NEWS_TEXT_TYPES) -> list[GoldDoc]:
    """The non-fictional samples of ``text_types`` in ``split`` (dev | test | all), read from the archive."""
    if split not in ("dev", "test", "all"):
        raise InputError(f"split must be dev, test or all, not {split!r}")
    wanted = set(text_types)
    archive = Path(folder) / ARCHIVE
    with tarfile.open(archive, "r:gz") as tf:
        meta = tf.extractfile("tsv/metadata.tsv")
        if meta is None:
            raise InputError(f"no tsv/metadata.tsv in {archive}")
        samples = read_metadata(meta)
        halves = split_of(samples)
        unknown = wanted - {s.text_type for s in samples}
        if unknown:
            raise InputError(f"unknown text types {sorted(unknown)}")
        chosen = sorted(s.file for s in samples if s.text_type in wanted and not s.fictional
                        and split in ("all", halves[s.file]))
        docs = []
        for file in chosen:
            fh = tf.extractfile(f"tsv/{file}")
            if fh is None:
                raise InputError(f"no tsv/{file} in {archive}")
            docs.append(read_sample(file, fh.read().decode("utf-8")))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval quotes --data .../redewiedergabe",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder holding main_tsv.tar.gz")
    ap.add_argument("--dataset", default="redewiedergabe", choices=("redewiedergabe",))
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--text-types", default=",".join(NEWS_TEXT_TYPES),
                    help="comma-separated text_type values of metadata.tsv (non-fictional samples only)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N samples")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = ap.parse_args(argv)
    if not (Path(args.data) / ARCHIVE).exists():
        print(f"quotes on redewiedergabe: skipped, the data is absent ({Path(args.data) / ARCHIVE})")
        if args.json:
            print(json.dumps({"task": "quotes", "dataset": "redewiedergabe", "skipped": True}))
        return 0
    types = [t.strip() for t in args.text_types.split(",") if t.strip()]
    docs = load(args.data, args.split, types)
    res: dict[str, Any] = evaluate(docs, args.limit)
    n = min(len(docs), args.limit or len(docs))
    print_report(res, f"quotes (fast, model none) on redewiedergabe/{args.split} ({', '.join(types)}): {n} samples",
                 {"dataset": "redewiedergabe", "split": args.split, "mode": "fast", "model": "none", "documents": n},
                 args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
