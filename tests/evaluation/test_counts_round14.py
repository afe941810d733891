"""The round-14 count gold (``lagebild.evaluation.counts_round14``): a fresh check of the session-13 rules. Batches
``Za``-``Zd`` and ``Zk``, ``Zl`` are sentences where the session-start code predicted any count (10kGNAD stand-off,
SmartData with text); ``Ze``-``Zj`` the people extension (GermEval 2014 and WikiANN German with text).

The sampler reads only the frozen pool files and the data folders, so it must re-draw the shipped batches exactly;
those tests skip cleanly when a data folder is absent (the others need no data).
"""

from __future__ import annotations

import pytest

from lagebild.evaluation.counts_10kgnad import sha1
from lagebild.evaluation.counts_round14 import (
    DATA_10K,
    DATA_GE,
    DATA_ROOT,
    DATA_SD,
    draw,
    draw_any_more,
    draw_people,
    load_round14,
    round14_excluded,
)
from tests.evaluation.count_rounds import (
    assert_batches_in_order,
    assert_pools_hold_no_earlier_sentence,
    assert_redraws_every_row,
    assert_scores_at_least,
    assert_text_rows_score_without_10kgnad,
    data_path,
    shipped_rows,
)

ANY_BATCHES = ("Za", "Zb", "Zc", "Zd")
PEOPLE_BATCHES = ("Ze", "Zf", "Zg", "Zh", "Zi", "Zj")
ANY_MORE_BATCHES = ("Zk", "Zl")
N_ROWS = 12 * 28



def _shipped() -> list[dict]:
    return shipped_rows("counts_de_round14.jsonl")


def test_counts_round14_pools_hold_no_earlier_sentence():
    # no gold, seen, earlier-pool or round-13 sentence
    assert_pools_hold_no_earlier_sentence((("counts_round14_pool.tsv", 400, {"10k", "sd"}),
                                           ("counts_round14_pool_people.tsv", 221, {"ge", "wa"})), round14_excluded())


def test_counts_round14_rows_name_their_source_and_licence():
    assert_batches_in_order(_shipped(), ANY_BATCHES + PEOPLE_BATCHES + ANY_MORE_BATCHES, N_ROWS)


def test_counts_round14_without_10kgnad_scores_the_text_rows(tmp_path):
    assert_text_rows_score_without_10kgnad(load_round14, _shipped(), tmp_path / "absent", 96)


def test_counts_round14_rows_score_above_a_floor():
    # measured 0.904 at the end of session 13 (the session-start code: 0.882 on all twelve batches)
    assert_scores_at_least(load_round14, DATA_10K, N_ROWS, 418, 0.88)


@pytest.mark.slow  # segments all of 10kGNAD and reads all of WikiANN: about 20 s
def test_counts_round14_sample_redraws_every_shipped_row():
    batches = draw(len(ANY_BATCHES), data_path(DATA_10K), data_path(DATA_SD))
    batches |= draw_people(len(PEOPLE_BATCHES), data_path(DATA_GE), data_path(DATA_ROOT), data_path(DATA_10K),
                           data_path(DATA_SD))
    batches |= draw_any_more(len(ANY_MORE_BATCHES), data_path(DATA_10K), data_path(DATA_SD))
    assert_redraws_every_row(batches, _shipped())


def test_counts_round14_any_count_sample_does_not_depend_on_todays_segmenter(monkeypatch):
    """A segmenter that cut every 10kGNAD and SmartData document differently (here: no live sentence at all) must not
    move the any-count draw: each pool locator holds character offsets, cut from the document itself."""
    import lagebild.evaluation.counts_round14 as round14

    monkeypatch.setattr(round14, "_sentences", lambda data_10k, data_sd: {"10k": [], "sd": []})
    drawn = {it["id"]: it for items in draw(len(ANY_BATCHES), data_path(DATA_10K), data_path(DATA_SD)).values()
             for it in items}
    drawn |= {it["id"]: it for items in draw_any_more(len(ANY_MORE_BATCHES), data_path(DATA_10K), data_path(DATA_SD)).values()
              for it in items}
    rows = [r for r in _shipped() if r["id"][:2] in ANY_BATCHES + ANY_MORE_BATCHES]
    assert len(drawn) == len(rows) > 0
    for r in rows:
        it, src = drawn[r["id"]], r["source"]
        assert it["sha1"] == (src["sha1"] if src["dataset"] == "10kGNAD" else sha1(r["text"])), r["id"]
