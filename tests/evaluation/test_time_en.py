"""The English TIMEX3 gold on LGL (``lagebild.evaluation.time_en``): stand-off rows, the fixed split, the smoke floor.

LGL's licence is unclear, so the shipped rows hold offsets, values and a SHA-1 only; the reader takes the text from a
local ``lgl.xml``. The texts in the synthetic tests below are our own.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from lagebild.errors import ConfigError
from lagebild.evaluation.time import main as time_main
from lagebild.evaluation.time_en import (
    DEFAULT_DATA,
    GOLD_NAME,
    labelling_order,
    load_standoff,
    read_lgl,
    score,
    sha1,
)

LGL = Path(DEFAULT_DATA) / "lgl.xml"
needs_lgl = pytest.mark.skipif(not LGL.exists(), reason=f"LGL data absent ({LGL}); pass it under ../shared/data")


def _rows() -> list[dict]:
    raw = resources.files("lagebild.evaluation").joinpath(GOLD_NAME).read_text(encoding="utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def _fake_lgl(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "lgl"
    data.mkdir()
    (data / "lgl.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<articles><article docid="1"><title>T</title>'
        f"<dltime>2009-03-20 12:00:00-05</dltime><text><![CDATA[{text}]]></text></article></articles>\n",
        encoding="utf-8")
    return data


def test_time_en_gold_rows_are_stand_off_and_split_by_article() -> None:
    rows = _rows()
    assert all(set(r) == {"docid", "split", "sha1", "anchor", "timex"} for r in rows)  # no text in the shipped rows
    dev = [r for r in rows if r["split"] == "dev"]
    test = [r for r in rows if r["split"] == "test"]
    assert len(dev) >= 40 and len(test) >= 30
    assert sum(len(r["timex"]) for r in test) >= 180 and sum(len(r["timex"]) for r in dev) >= 250
    assert not {r["docid"] for r in dev} & {r["docid"] for r in test} and len({r["docid"] for r in rows}) == len(rows)
    for r in rows:
        assert all(t["type"] in ("DATE", "TIME", "DURATION", "SET") and t["start"] < t["end"] for t in r["timex"])


def test_time_en_standoff_reader_fills_text_and_checks_sha1(tmp_path, capsys) -> None:
    text = "The council met Tuesday and will meet again next week."
    data = _fake_lgl(tmp_path, text)
    s = text.index("Tuesday")
    row = {"docid": "1", "split": "dev", "sha1": sha1(text), "anchor": "2009-03-20",
           "timex": [{"start": s, "end": s + 7, "type": "DATE", "value": "2009-03-17"},
                     {"start": text.index("next week"), "end": len(text) - 1, "type": "DATE", "value": "2009-W13"}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    items = load_standoff(gold, data, "dev")
    assert items[0][0].text == text
    res = score(items)
    assert res["extract_f1_strict"] == 1.0 and res["value_f1"] == 1.0
    gold.write_text(json.dumps({**row, "sha1": "0" * 40}) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_standoff(gold, data, "dev")
    # the data folder is missing: skipped with a message, not an error
    assert time_main(["--dataset", "lgl", "--data", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


@needs_lgl
def test_time_en_gold_rows_match_their_lgl_articles() -> None:
    arts = read_lgl(DEFAULT_DATA)
    rows = _rows()
    for r in rows:
        text = arts[r["docid"]]["text"]
        assert sha1(text) == r["sha1"] and arts[r["docid"]]["dltime"] == r["anchor"]
        assert all(0 <= t["start"] < t["end"] <= len(text) and text[t["start"]:t["end"]].strip() == text[t["start"]:t["end"]]
                   for t in r["timex"])
    for split in ("test", "dev"):
        # each split was labelled in its fixed order, from the start, without skipping an article
        labelled = [r["docid"] for r in rows if r["split"] == split]
        assert labelled == labelling_order(arts, split)[: len(labelled)]


@needs_lgl
def test_time_en_dev_smoke_floor(capsys) -> None:
    # measured on the 40 dev articles after the English rules were written: value_f1 0.959, extraction F1 0.990
    assert time_main(["--dataset", "lgl", "--split", "dev", "--json"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (last["task"], last["dataset"], last["split"]) == ("time", "lgl", "dev")
    assert last["value_f1"] >= 0.93 and last["extract_f1_lenient"] >= 0.96 and last["extract_f1_strict"] >= 0.95
