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
    from lagebild.evaluation.counts_germeval import (
        MOBIE,
        SMARTDATA,
        draw_mobie,
        draw_smartdata,
        draw_smartdata_other,
    )

    data = Path(__file__).resolve().parents[2] / SMARTDATA
    if not (data / "v3_20200302" / "dev.json.gz").exists():
        pytest.skip("SmartData absent")
    rows = load_gold(None, "gold/counts_de_smartdata.jsonl")
    # the frozen pool keeps the cut of 4d14e27, so round 7's Se, Sf (drawn before ae3624f re-cut a few SmartData
    # sentences) are re-drawn exactly as well
    drawn = {it["id"]: it["text"] for items in draw_smartdata(data, 4).values() for it in items}
    drawn |= {it["id"]: it["text"] for items in draw_smartdata_other(data, 2).values() for it in items}
    assert drawn == {r["id"]: r["text"] for r in rows} and len(drawn) == 204
    mobie = Path(__file__).resolve().parents[2] / MOBIE
    if (mobie / "v1_20210811").exists():  # MobIE's near-duplicate test reads the SmartData harm pool
        drawn = {it["id"]: it["text"] for items in draw_mobie(mobie, 2).values() for it in items}
        assert drawn == {r["id"]: r["text"] for r in load_gold(None, "gold/counts_de_mobie.jsonl")}


def test_counts_germeval_smartdata_pool_holds_every_row_and_no_text():
    from importlib import resources

    from lagebild.evaluation.counts import load_gold
    from lagebild.evaluation.counts_germeval import SMARTDATA_POOL, sha1
    from lagebild.evaluation.counts_round11 import read_pool

    pool = read_pool(str(resources.files("lagebild.evaluation").joinpath(SMARTDATA_POOL)))
    located = set()
    for cls, loc, h in pool:
        doc, start, end = loc.rsplit("|", 2)
        assert cls in {"c", "o"} and int(start) < int(end) and len(h) == 40 and int(h, 16) >= 0
        located.add((cls, doc, h))
    rows = load_gold(None, "gold/counts_de_smartdata.jsonl")
    assert len(rows) == 204
    for r in rows:
        assert ("c" if r["id"] < "Se" else "o", r["source"]["doc"], sha1(r["text"])) in located, r["id"]


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
