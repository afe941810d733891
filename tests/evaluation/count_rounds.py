"""Checks every fresh count round (14, 15, 16 ...) makes of its shipped gold: rows name source and licence, the text
rows score without the non-commercial 10kGNAD folder, and the sampler re-draws every shipped row exactly."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lagebild.evaluation.counts import evaluate
from lagebild.evaluation.counts_10kgnad import sha1
from lagebild.evaluation.counts_round11 import read_pool

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "src/lagebild/evaluation/gold"
LICENCES = {"SmartData": "CC BY 4.0", "GermEval 2014": "CC BY 4.0", "WikiANN German (Wikipedia)": "CC BY-SA"}


def data_path(rel: str) -> str:
    """A data folder named relative to the repository (``../shared/data/...``); the test skips when it is absent."""
    path = (ROOT / rel).resolve()
    if not path.exists():
        pytest.skip(f"data folder absent: {path}")
    return str(path)


def shipped_rows(gold_file: str) -> list[dict[str, Any]]:
    raw = (GOLD / gold_file).read_text(encoding="utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def assert_rows_name_source_and_licence(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        src = r["source"]
        if src["dataset"] == "10kGNAD":
            assert "text" not in r and src["license"] == "CC BY-NC-SA 4.0"  # stand-off only
            assert all("text" not in q and "object" not in q for q in r["quantities"])
            continue
        assert r["text"] and src["license"] == LICENCES[src["dataset"]]
        assert all(r["text"][q["start"]:q["end"]] == q["text"] for q in r["quantities"])


def assert_text_rows_score_without_10kgnad(load: Callable[..., tuple[list[dict[str, Any]], str]],
                                           rows: list[dict[str, Any]], absent: Path, n_10k: int) -> None:
    """``load(None, absent)`` leaves the stand-off rows out with a note and scores the rest."""
    items, note = load(None, str(absent))
    assert sum(r["source"]["dataset"] == "10kGNAD" for r in rows) == n_10k
    assert len(items) == len(rows) - n_10k and note.startswith(f"{n_10k} 10kGNAD rows left out")
    res = evaluate(items)
    assert res["n_gold"] == sum(len(it["quantities"]) for it in items) and res["strict"]["f1"] > 0.5


def assert_redraws_every_row(batches: dict[str, list[dict[str, Any]]], rows: list[dict[str, Any]]) -> None:
    """The sampler's batches hold exactly the shipped rows, each by its locator or text, one sentence per article."""
    drawn = {it["id"]: it for items in batches.values() for it in items}
    assert len(drawn) == len(rows)
    for r in rows:
        it, src = drawn[r["id"]], r["source"]
        if src["dataset"] == "10kGNAD":
            assert it["loc"] == f"{src['row']}:{src['sent_start']}:{src['sent_end']}" and it["sha1"] == src["sha1"]
        else:
            assert it["text"] == r["text"] and it["sha1"] == sha1(r["text"])
    assert len({it["article"] for it in drawn.values()}) == len(drawn)  # one sentence per article over the round


def assert_pools_hold_no_earlier_sentence(pools: tuple[tuple[str, int, set[str]], ...], excluded: set[str]) -> None:
    """Each shipped pool file (name, size, sources) holds that many sentences of those sources; no sentence is in two
    pools, twice in one, or in ``excluded`` (the round's earlier gold, seen and pool sentences)."""
    hashes: list[str] = []
    for name, size, sources in pools:
        pool = read_pool(GOLD / name)
        assert len(pool) == size and {s for s, _, _ in pool} == sources
        hashes += [h for _, _, h in pool]
    assert len(set(hashes)) == len(hashes)
    assert not set(hashes) & excluded


def assert_batches_in_order(rows: list[dict[str, Any]], batches: tuple[str, ...], n_rows: int) -> None:
    """The shipped rows are the batches in order, 28 sentences each, and name their source and licence."""
    assert [r["id"][:2] for r in rows[::28]] == list(batches)
    assert len(rows) == n_rows
    assert_rows_name_source_and_licence(rows)


def assert_scores_at_least(load: Callable[..., tuple[list[dict[str, Any]], str]], data_10k: str, n_rows: int,
                           n_gold: int, floor: float) -> None:
    """With the 10kGNAD folder every row loads, the statements are ``n_gold`` and strict F1 is at least ``floor``."""
    items, note = load(None, data_path(data_10k))
    assert not note and len(items) == n_rows
    res = evaluate(items)
    assert res["n_gold"] == n_gold
    assert res["strict"]["f1"] >= floor
