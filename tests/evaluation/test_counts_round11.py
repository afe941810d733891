"""The round-11 count gold (``lagebild.evaluation.counts_round11``): a precision audit on sentences where the
extractor of the round's start fired (10kGNAD stand-off, Wikinews dev pages and GermEval news with text inside).

The sampler reads only the frozen pool file and the data folders, so it must re-draw the shipped batches exactly;
those tests skip cleanly when a data folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.evaluation.counts import evaluate
from lagebild.evaluation.counts_round11 import (
    DATA_10K,
    DATA_GE,
    DATA_WN,
    draw,
    load_round11,
    read_pool,
    used_sha1s,
)

ROOT = Path(__file__).resolve().parents[2]
ROUND12_FROM = 10  # Xk: the first batch of round 12


def _data(rel: str) -> str:
    path = (ROOT / rel).resolve()
    if not path.exists():
        pytest.skip(f"data folder absent: {path}")
    return str(path)


def _shipped() -> list[dict]:
    raw = (ROOT / "src/lagebild/evaluation/gold/counts_de_round11.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def test_counts_round11_pool_holds_no_gold_sentence():
    pool = read_pool()
    assert len(pool) == 564 and len({h for _, _, h in pool}) == len(pool)
    assert not {h for _, _, h in pool} & used_sha1s()


def test_counts_round11_rows_name_their_source_and_licence():
    for r in _shipped():
        src = r["source"]
        if src.get("dataset") == "10kGNAD":
            assert "text" not in r and src["license"] == "CC BY-NC-SA 4.0"  # stand-off only
            assert all("text" not in q and "object" not in q for q in r["quantities"])
        else:
            assert r["text"] and src["license"] in ("CC BY 2.5", "CC BY 4.0") and src["url"]


def test_counts_round11_without_10kgnad_scores_the_rows_with_text(tmp_path):
    items, note = load_round11(None, str(tmp_path / "absent"))
    n_10k = sum(r["source"].get("dataset") == "10kGNAD" for r in _shipped())
    assert len(items) == len(_shipped()) - n_10k and str(n_10k) in note
    assert evaluate(items)["n_gold"] > 0


@pytest.mark.slow
def test_counts_round11_sampler_redraws_the_batches():
    """Every shipped row comes back with the same id, locator and sentence; one sentence per article in Xa-Xj,
    one per page within each round-12 Wikinews batch (Xk on, ``wikinews_from=10``)."""
    shipped = {r["id"]: r for r in _shipped()}
    names = sorted({rid[:2] for rid in shipped})
    batches = draw(len(names), data_10k=_data(DATA_10K), data_wn=_data(DATA_WN), data_ge=_data(DATA_GE),
                   wikinews_from=ROUND12_FROM)
    drawn = {it["id"]: it for name in names for it in batches[name]}
    assert set(drawn) == set(shipped)
    for rid, r in shipped.items():
        it, src = drawn[rid], r["source"]
        if src.get("dataset") == "10kGNAD":
            assert it["loc"] == f"{src['row']}:{src['sent_start']}:{src['sent_end']}" and it["sha1"] == src["sha1"]
        elif src.get("site") == "de.wikinews.org":
            assert it["loc"] == f"{src['page_id']}:{src['sentence']}" and it["text"] == r["text"]
        else:
            assert it["loc"] == f"{src['file']}:{src['index']}" and it["text"] == r["text"]
    round11 = [it for name in names[:ROUND12_FROM] for it in batches[name]]
    fill = [it for name in names[ROUND12_FROM:] for it in batches[name] if it["source"] != "wn"]
    assert len({it["article"] for it in round11 + fill}) == len(round11) + len(fill)  # 10kGNAD fill: one per article
    for name in names[ROUND12_FROM:]:
        wn = [it for it in batches[name] if it["source"] == "wn"]
        assert len({it["article"] for it in wn}) == len(wn)  # one per page within a round-12 batch
        assert all(it["source"] == "wn" for it in batches[name][:len(wn)])  # Wikinews first, then the fill
    all_items = [it for items in batches.values() for it in items]
    assert len({it["loc"] for it in all_items}) == len(all_items)


def test_counts_round11_smoke_floor():
    """Round 11's ten batches Xa-Xj (370 statements): first runs pooled 0.879, 0.924 after the round's rules
    (fitted); the floor sits below that so a real loss shows and noise does not."""
    items, note = load_round11(None, _data(DATA_10K))
    assert not note
    res = evaluate([r for r in items if r["id"][1] <= "j"])
    assert res["n_gold"] == 370
    assert res["strict"]["f1"] >= 0.89


def test_counts_round12_smoke_floor():
    """Round 12's batches Xk-Xp (251 statements): first runs pooled 0.918, 0.966 after the round's rules (fitted)."""
    items, note = load_round11(None, _data(DATA_10K))
    assert not note
    res = evaluate([r for r in items if "k" <= r["id"][1] <= "p"])
    assert res["n_gold"] == 251
    assert res["strict"]["f1"] >= 0.93


def test_counts_pool_file_round_trips(tmp_path):
    """write_pool (rounds 11 and 13) writes what read_pool reads back; the header stays a comment."""
    from lagebild.evaluation.counts_round11 import write_pool

    pool = [("10k", "12:40:188", "a" * 40), ("wn", "28924:4", "b" * 40), ("sd", "doc-1|0|95", "c" * 40)]
    path = tmp_path / "pool.tsv"
    write_pool(str(path), pool, "# a pool\n# of three\n")
    assert read_pool(path) == pool
    assert path.read_text(encoding="utf-8").startswith("# a pool\n")
