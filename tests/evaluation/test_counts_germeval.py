"""The samplers of the CC BY 4.0 count gold of GermEval 2014 and SmartData (``lagebild.evaluation.counts_germeval``)
re-draw the gold batches (provenance and floors of every gold set: tests/evaluation/test_counts.py)."""

from __future__ import annotations

import pytest


def test_counts_germeval_sampler_redraws_the_gold_batch():
    from pathlib import Path

    from lagebild.evaluation.counts import load_gold
    from lagebild.evaluation.counts_germeval import DEFAULT_DATA, draw

    data = Path(__file__).resolve().parents[2] / DEFAULT_DATA
    if not (data / "NER-de-dev.tsv").exists():
        pytest.skip("GermEval 2014 data absent")
    drawn = {it["id"]: it["text"] for it in draw(data, 1)["Ea"]}
    gold = {r["id"]: r["text"] for r in load_gold(None, "gold/counts_de_germeval.jsonl") if r["id"].startswith("Ea")}
    assert drawn == gold


@pytest.mark.slow
def test_counts_germeval_smartdata_sampler_redraws_the_gold_batches():
    from pathlib import Path

    from lagebild.evaluation.counts import load_gold
    from lagebild.evaluation.counts_germeval import SMARTDATA, SMARTDATA_FILES, _json_stream, draw_smartdata

    data = Path(__file__).resolve().parents[2] / SMARTDATA
    if not (data / "v3_20200302" / "dev.json.gz").exists():
        pytest.skip("SmartData absent")
    rows = load_gold(None, "gold/counts_de_smartdata.jsonl")
    drawn = {it["id"]: it["text"] for items in draw_smartdata(data, 4).values() for it in items}
    assert drawn == {r["id"]: r["text"] for r in rows if r["id"] < "Se"}
    # round 7's batches Se, Sf were drawn with the segmenter before ae3624f, which splits a few SmartData
    # sentences differently and so reshuffles that pool: what stays checkable is that each row is text of its document
    docs: dict[str, str] = {}
    for name in SMARTDATA_FILES:  # the first version of a document wins, as in the sampler
        for d in _json_stream(data / name):
            docs.setdefault(d["id"], d["text"]["string"])
    for r in rows:
        assert r["text"] in docs[r["source"]["doc"]], r["id"]


def test_counts_germeval_round9_sampler_redraws_the_general_batches():
    from pathlib import Path

    from lagebild.evaluation.counts import load_gold
    from lagebild.evaluation.counts_germeval import DEFAULT_DATA, draw_other

    data = Path(__file__).resolve().parents[2] / DEFAULT_DATA
    if not (data / "NER-de-dev.tsv").exists():
        pytest.skip("GermEval 2014 data absent")
    rows = load_gold(None, "gold/counts_de_germeval.jsonl")
    gold = {r["id"]: r["text"] for r in rows if r["id"] >= "Ec"}
    drawn = {it["id"]: it["text"] for items in draw_other(data, 14).values() for it in items}
    assert drawn == gold and len(gold) == 560
    # no round-9 sentence has a harm word (the round-6 pool) and each source document gives one sentence
    urls = [r["source"]["url"] for r in rows if r["id"] >= "Ec"]
    assert len(set(urls)) == len(urls)
