"""The UD German PUD / GSD count batches of round 7: the sampler re-draws the gold rows and the CLI scores them
(provenance and floors of every gold set: tests/evaluation/test_counts.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.evaluation.counts import load_gold, main
from lagebild.evaluation.counts_ud import SOURCES, draw


@pytest.mark.parametrize("source", ["pud", "gsd"])
def test_counts_ud_sampler_redraws_the_gold_batches(source):
    data = Path(SOURCES[source]["data"])
    if not data.exists():
        pytest.skip(f"{data} absent")
    gold = {r["id"]: r for r in load_gold(None, f"gold/counts_de_{source}.jsonl")}
    n_batches = len({k.rstrip("0123456789") for k in gold})
    drawn = {it["id"]: it for items in draw(source, None, n_batches).values() for it in items}
    assert set(gold) == set(drawn)
    for k, r in gold.items():
        assert r["text"] == drawn[k]["text"] and r["source"]["sent_id"] == drawn[k]["sent_id"]


def test_counts_ud_dataset_on_the_cli(capsys):
    assert main(["--dataset", "gsd", "--batches", "Ua", "--json"]) == 0
    res = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert res["dataset"] == "gsd" and res["n_gold"] == 44 and res["f1"] >= 0.9

