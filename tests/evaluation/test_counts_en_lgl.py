"""The stand-off English count gold on LGL (US local news, licence unclear): no text committed, rows match
the data, splits shared with the LGL time gold, CLI and a dev smoke floor."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from lagebild.evaluation.counts import main
from lagebild.evaluation.counts_en_lgl import (
    BATCH,
    DEFAULT_DATA,
    GOLD_NAME,
    POOL_NAME,
    draw,
    load_standoff,
    sha1,
)
from lagebild.evaluation.counts_round11 import read_pool
from lagebild.evaluation.time_en import read_lgl, split_order

HAVE_DATA = (Path(DEFAULT_DATA) / "lgl.xml").exists()
needs_data = pytest.mark.skipif(not HAVE_DATA, reason="LGL data absent (../shared/data/geoparsing_en/lgl.xml)")


def _raw() -> list[dict]:
    text = resources.files("lagebild.evaluation").joinpath(GOLD_NAME).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_counts_en_lgl_gold_holds_no_text():
    rows = _raw()
    assert len(rows) == 120 and {r["id"][:2] for r in rows} == {"Lt", "Ld"}
    for r in rows:
        assert "text" not in r and set(r["source"]) >= {"docid", "sent_start", "sent_end", "sha1"}
        assert r["split"] == {"Lt": "test", "Ld": "dev"}[r["id"][:2]]
        for q in r["quantities"]:
            assert "text" not in q and "object" not in q
            assert 0 <= q["start"] < q["end"] <= r["source"]["sent_end"] - r["source"]["sent_start"]


@needs_data
def test_counts_en_lgl_rows_match_the_xml_and_the_time_split():
    items = load_standoff()  # raises ConfigError on a sha1 mismatch
    arts = read_lgl(DEFAULT_DATA)
    split = {d: s for s, ids in split_order(list(arts)).items() for d in ids}
    for it in items:
        src = it["source"]
        assert arts[src["docid"]]["text"][src["sent_start"]:src["sent_end"]] == it["text"]
        assert sha1(it["text"]) == src["sha1"]
        assert split[src["docid"]] == it["split"]  # the same article split as eval time --dataset lgl
        for q in it["quantities"]:
            assert q["text"].strip() == q["text"] and q["text"]
            assert q["object"] is None or q["object"].isalpha()
    dev = {it["text"] for it in items if it["split"] == "dev"}
    assert not dev & {it["text"] for it in items if it["split"] == "test"}


def test_counts_en_lgl_pool_holds_every_gold_sentence_and_no_text():
    pool = read_pool(Path(str(resources.files("lagebild.evaluation").joinpath(POOL_NAME))))
    assert {split for split, _, _ in pool} == {"test", "dev"}
    for _, loc, h in pool:
        assert len(loc.split(":")) == 4 and len(h) == 40 and int(h, 16) >= 0
    located = {(split, loc): h for split, loc, h in pool}
    for r in _raw():
        src = r["source"]
        loc = f"{src['docid']}:{src['sentence']}:{src['sent_start']}:{src['sent_end']}"
        assert located.get((r["split"], loc)) == src["sha1"], r["id"]


@needs_data
@pytest.mark.slow
def test_counts_en_lgl_sampler_redraws_the_committed_batches():
    drawn = draw(DEFAULT_DATA)
    rows = {r["id"]: r for r in _raw()}
    assert {r["id"] for name in BATCH.values() for r in drawn[name]} == set(rows)
    for name in BATCH.values():
        for r in drawn[name]:
            src = rows[r["id"]]["source"]
            assert (r["docid"], r["sentence"], r["sent_start"], r["sent_end"], sha1(r["text"])) == \
                (src["docid"], src["sentence"], src["sent_start"], src["sent_end"], src["sha1"])


@needs_data
def test_counts_en_lgl_dev_smoke_floor(capsys):
    # measured on Ld after the LGL round: strict F1 0.937 (first run 0.870); the floor catches regressions
    assert main(["--dataset", "lgl", "--split", "dev", "--json"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["dataset"] == "lgl" and last["split"] == "dev" and last["n_gold"] == 59
    assert last["f1"] >= 0.91 and last["span_value_f1"] >= 0.91


def test_counts_en_lgl_cli_skips_without_data(tmp_path, capsys):
    assert main(["--dataset", "lgl", "--data", str(tmp_path), "--json"]) == 0
    assert "skipped, the data is absent" in capsys.readouterr().out
