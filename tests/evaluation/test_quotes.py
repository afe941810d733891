"""``lagebild eval quotes --dataset own``: our own labels of the SpkAtt Wikinews test_blind articles."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lagebild.errors import InputError
from lagebild.evaluation.quotes import OWN_LABELS, expand_ranges, load_own, main

DATA = Path(os.environ.get("LAGEBILD_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")) / "wikinews_spkatt_de"
HAVE_TOKENS = (DATA / "test_blind.jsonl").exists()

OWN_SOURCE_FLOOR = 0.67  # first 40 own-labelled articles: 0.664 before round 8, 0.694 after it

# German Wikinews 746 "SS-Lagerkommandant Schwammberger gestorben" (2004-12-03; CC BY 2.5), SpkAtt tokens
SENTS = [
    "Der ehemalige SS-Lagerkommandant Josef Schwammberger starb im Alter von 92 Jahren im "
    "Gefängniskrankenhaus Hohenasperg .".split(),
    "Der am 18. Mai 1992 vom Landgericht Stuttgart verurteilte ehemalige SS-Oberscharführer Schwammberger saß in "
    "Mannheim seine lebenslange Freiheitsstrafe ab , nachdem er 1987 von Argentinien ausgeliefert worden war .".split(),
]


def test_quotes_expand_ranges_single_span_list_and_across_sentences():
    assert expand_ranges("0:3-0:4", SENTS) == [(0, 3), (0, 4)]
    assert expand_ranges("1:12,1:18", SENTS) == [(1, 12), (1, 18)]
    assert expand_ranges(" 0:5 ", SENTS) == [(0, 5)]
    assert expand_ranges("", SENTS) == []
    # a range runs on into the next sentence
    assert expand_ranges("0:13-1:1", SENTS) == [(0, 13), (0, 14), (1, 0), (1, 1)]


@pytest.mark.parametrize("bad", ["1:5-1:2", "0:15", "2:0", "0:3-x"])
def test_quotes_expand_ranges_rejects_bad_ranges(bad):
    with pytest.raises(InputError):
        expand_ranges(bad, SENTS)


def test_quotes_own_labels_file_is_committed():
    lines = [json.loads(x) for x in OWN_LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(lines) == 148
    assert all("FileName" in o and "events" in o for o in lines)


def test_quotes_own_dataset_skips_without_tokens(tmp_path, capsys):
    assert main(["--dataset", "own", "--data", str(tmp_path), "--json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert "skipped" in out[0]
    assert json.loads(out[-1]) == {"task": "quotes", "dataset": "own", "skipped": True}


@pytest.mark.skipif(not HAVE_TOKENS, reason="SpkAtt Wikinews test_blind tokens absent")
def test_quotes_own_dataset_loads_every_event():
    docs = load_own(DATA)
    assert len(docs) == 148
    assert sum(len(d.events) for d in docs) == 701
    forms = {e["form"] for d in docs for e in d.events}
    assert {"Direct", "Indirect", "Reported"} <= forms


@pytest.mark.skipif(not HAVE_TOKENS, reason="SpkAtt Wikinews test_blind tokens absent")
def test_quotes_own_dataset_json_and_smoke_floor(capsys):
    assert main(["--dataset", "own", "--data", str(DATA), "--limit", "40", "--json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    res = json.loads(out[-1])
    assert (res["dataset"], res["split"], res["documents"]) == ("own", "test_blind", 40)
    assert res["source_f1"] >= OWN_SOURCE_FLOOR
    assert "source recall by gold form" in out[-2]
