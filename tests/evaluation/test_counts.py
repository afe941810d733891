"""The counts evaluator: split definition, batch filter, JSON line, and the gold file's provenance."""

from __future__ import annotations

import json

from lagebild.evaluation.counts import evaluate, load_gold, main


def test_counts_test_split_is_exactly_the_held_out_batches():
    gold = load_gold()
    test_batches = {g["id"].rstrip("0123456789") for g in gold if g["split"] == "test"}
    assert test_batches == {"e", "m", "n", "p"}
    dev_pages = {g["source"]["page_id"] for g in gold if g["split"] == "dev"}
    new_test_pages = {g["source"]["page_id"] for g in gold if g["id"][0] in "mnp"}
    assert not dev_pages & new_test_pages  # round-3 held-out pages are never dev pages
    assert sum(len(g["quantities"]) for g in gold if g["id"][0] in "mnp") >= 100


def test_counts_every_row_names_its_wikinews_source():
    for g in load_gold():
        src = g["source"]
        assert src["url"] == f"https://de.wikinews.org/wiki?curid={src['page_id']}"
        assert src["license"] == "CC BY 2.5" and src["title"] and src["date"]


def test_counts_batches_filter_and_json_line(capsys):
    assert main(["--split", "test", "--batches", "e", "--json"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["task"] == "counts" and last["split"] == "test" and last["batches"] == ["e"]
    assert last["n_gold"] == sum(len(g["quantities"]) for g in load_gold() if g["id"].startswith("e"))


def test_counts_strict_match_needs_category():
    row = {"id": "x", "text": "Bei dem Anschlag wurden 12 Menschen getötet.",
           "quantities": [{"start": 24, "end": 26, "text": "12", "value": 12.0, "value_max": None, "qualifier": None,
                           "object": "Menschen", "object_start": 27, "object_end": 35, "category": "injured",
                           "gkg_type": "WOUND"}]}
    res = evaluate([row])
    assert res["span_value"]["f1"] == 1.0
    assert res["strict"]["f1"] == 0.0  # the extractor says killed; a wrong category is no strict hit
