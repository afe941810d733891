"""Mechanics shared by the fresh count rounds (``counts_round13`` and later).

Each round's module keeps its frozen design (seed, sources, exclusions, batch mix, batch letters) as its docstring
and constants and passes them here; these functions only carry out a design, they decide none of it. Every function
does exactly what the rounds did inline before, so every shipped pool and batch re-draws byte for byte.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from .counts_10kgnad import sha1
from .counts_round11 import fill_plan, qualifying, read_pool, write_pool
from .counts_sampling import add_source_args, round_parser, sample_folder, write_batches

BATCH_LETTERS = "abcdefghijklmnopqrstuvwxyz"
Batches = dict[str, list[dict[str, Any]]]


def resource_path(name: str) -> Path:
    """A shipped file of ``lagebild.evaluation`` by its name there (``gold/...``)."""
    return Path(str(resources.files("lagebild.evaluation").joinpath(name)))


def earlier_round_sha1s(gold_name: str, pool_names: tuple[str, ...]) -> set[str]:
    """sha1 of every sentence an earlier round's gold rows (stand-off or with text) and pools hold."""
    used: set[str] = set()
    for name in pool_names:
        used |= {h for _, _, h in read_pool(resource_path(name))}
    rows = [json.loads(line) for line in resource_path(gold_name).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    used |= {r["source"]["sha1"] for r in rows if "sha1" in r["source"]}
    used |= {sha1(r["text"]) for r in rows if "text" in r}
    return used


def seeded_pool(sentences: dict[str, list[dict[str, Any]]], used: set[str], seed: int,
                qualifies: Callable[[str], bool], keep: int | None = None) -> list[tuple[str, str, str]]:
    """(source, locator, sha1) of the qualifying sentences, source by source: the k-th source shuffled once with
    ``seed + k``, its first ``keep`` kept (all when ``keep`` is None)."""
    pool: list[tuple[str, str, str]] = []
    for k, (src, sents) in enumerate(sentences.items()):
        pool.extend(qualifying(src, sents, used, seed + k, qualifies)[:keep])
    return pool


def numbered_batches(take: Callable[[str], dict[str, Any] | None], n_batches: int, prefix: str,
                     plan: tuple[tuple[str, int], ...], sources: tuple[str, ...], first: int = 0) -> Batches:
    """``n_batches`` batches filled by ``plan`` from ``take``, named ``prefix`` + the letters from index ``first`` on,
    each sentence given the id ``<batch><k:03d>``."""
    out: Batches = {}
    for b in range(n_batches):
        name = prefix + BATCH_LETTERS[first + b]
        items = fill_plan(take, plan, sources)
        for k, it in enumerate(items):
            it["id"] = f"{name}{k:03d}"
        out[name] = items
    return out


def renamed(batches: list[list[dict[str, Any]]], prefix: str, first: int) -> Batches:
    """The same batches under the names ``prefix`` + the letters from index ``first`` on (ids renumbered)."""
    out: Batches = {}
    for b, items in enumerate(batches):
        name = prefix + BATCH_LETTERS[first + b]
        out[name] = [{**it, "id": f"{name}{k:03d}"} for k, it in enumerate(items)]
    return out


def pool_header(round_no: int, start_commit: str, kind: str = "a count") -> str:
    """The comment that opens a round's pool file."""
    return (f"# counts round {round_no}: sentences where the quantity stage of commit {start_commit} predicts {kind},\n"
            f"# per source the first 200 in the order of the seeded shuffle (counts_round{round_no}.py);\n"
            "# source, locator, sha1 of the sentence; no text\n")


def any_count_round_main(argv: list[str] | None, *, round_no: int, doc: str, start_commit: str, prefix: str,
                         default_batches: int, data_defaults: tuple[str, str, str, str],
                         build_pool: Callable[..., list[tuple[str, str, str]]],
                         draw: Callable[..., Batches]) -> int:
    """The ``pool`` / ``sample`` command line of a round with one any-count pool over 10kGNAD, SmartData, GermEval
    and WikiANN (rounds 16 and later)."""
    def options(s: argparse.ArgumentParser, name: str) -> None:
        add_source_args(s, *data_defaults)
        s.add_argument("--out", required=True, help="the pool file (sha1s only, no text) or the batch folder "
                                                    "(with text: keep it out of git)")
        if name == "sample":
            s.add_argument("--batches", type=int, default=default_batches, help=f"batches ({prefix}a, ...)")

    args = round_parser(f"counts_round{round_no}", doc, options, add_out=False).parse_args(argv)
    data = (args.data_10kgnad, args.data_smartdata, args.data_germeval, args.data_root)
    if args.cmd == "pool":
        write_pool(args.out, build_pool(*data), pool_header(round_no, start_commit))
        return 0
    out = sample_folder(args.out)
    write_batches(draw(args.batches, *data), out)
    return 0
