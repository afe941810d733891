"""Training data readers of the learned quote tagger: our own stand-off labels, Wikinews folds, model folders.

The article used is German Wikinews 746 "SS-Lagerkommandant Schwammberger gestorben" (2004-12-03; CC BY 2.5),
tokens as in the SpkAtt ``test_blind`` file (which carries no annotation). The label line below is our own.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from lagebild.quotes_model import MODEL_ENV, MODEL_PATH, QuoteModel, model_dir
from lagebild.training.quotes import load_labels, main, select_folds, wikinews_folds

DATA = Path(os.environ.get("LAGEBILD_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
BLIND = DATA / "wikinews_spkatt_de" / "test_blind.jsonl"
NAME = "746 - SS-Lagerkommandant Schwammberger gestorben (2004-12-03).json"
SENTS = [
    "Der ehemalige SS-Lagerkommandant Josef Schwammberger starb im Alter von 92 Jahren im "
    "Gefängniskrankenhaus Hohenasperg .".split(),
    "Der am 18. Mai 1992 vom Landgericht Stuttgart verurteilte ehemalige SS-Oberscharführer Schwammberger saß in "
    "Mannheim seine lebenslange Freiheitsstrafe ab , nachdem er 1987 von Argentinien ausgeliefert worden war .".split(),
]


@pytest.mark.skipif(not BLIND.exists(), reason="Wikinews SpkAtt data not available")
def test_quotes_training_load_labels_maps_standoff_ranges_to_text(tmp_path):
    lab = tmp_path / "labels_T.jsonl"
    good = {"form": "Reported", "stwr": "Writing", "cue": "", "source": "2:0-2:1", "message": "2:0-2:23", "addr": ""}
    broken = {"form": "Indirect", "cue": "2:9-2:2", "source": "", "message": "2:3-2:5", "addr": ""}
    lines = [{"FileName": NAME, "events": [good, broken]},
             {"FileName": "no such article.json", "events": []},
             {"FileName": NAME, "events": []}]  # a second label of the same article: the first one wins
    lab.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    docs = load_labels([lab], BLIND)
    assert [d.name for d in docs] == [NAME]
    gd = docs[0]
    assert len(gd.events) == 1  # the backwards cue range drops its event, not the article
    ev = gd.events[0]
    assert ev["form"] == "Reported" and not ev["nested"] and ev["Cue"] == []

    def text(ptrs):
        return gd.text[gd.spans[min(ptrs)][0]:gd.spans[max(ptrs)][1]]

    assert text(ev["Source"]) == "Die Anklage"
    assert text(ev["Message"]).startswith("Die Anklage lautete auf zwölffachen Mord")
    assert text(ev["Message"]).endswith("getötet wurden.")
    assert gd.text.startswith("Der ehemalige SS-Lagerkommandant Josef Schwammberger starb")


def test_quotes_training_folds_are_fixed_disjoint_and_balanced():
    names = [f"{i} - article.json" for i in range(700)]
    a = wikinews_folds(names, 5, 13)
    assert a == wikinews_folds(list(reversed(names)), 5, 13)  # input order does not matter
    assert sorted(list(a.values()).count(k) for k in range(5)) == [140] * 5
    assert a != wikinews_folds(names, 5, 14)
    prep = [{"name": n} for n in names]
    train = select_folds(prep, [1, 2, 3, 4])
    held = select_folds(prep, [0])
    assert len(train) == 560 and len(held) == 140
    assert not {d["name"] for d in train} & {d["name"] for d in held}
    sub = select_folds(prep, [1, 2, 3, 4], subset=148)
    assert len(sub) == 148 and {d["name"] for d in sub} <= {d["name"] for d in train}
    assert sub == select_folds(prep, [1, 2, 3, 4], subset=148)


def test_quotes_training_refuses_to_write_nc_trained_weights_into_the_repo(tmp_path):
    repo_out = Path(__file__).resolve().parents[1] / "src" / "lagebild" / "models" / "quotes_news_nc"
    with pytest.raises(SystemExit, match="evaluation-only"):
        main(["--no-task1", "--wikinews", str(tmp_path), "--out", str(repo_out)])
    assert not repo_out.exists()


def test_quotes_training_model_folder_from_env_and_its_thresholds(tmp_path, monkeypatch):
    for f in ("cue.pt", "role.pt"):
        shutil.copy(MODEL_PATH / f, tmp_path / f)
    meta = json.loads((MODEL_PATH / "meta.json").read_text(encoding="utf-8"))
    meta["params"] = {"fill_t": 0.9}
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert model_dir() == MODEL_PATH
    monkeypatch.setenv(MODEL_ENV, str(tmp_path))
    assert model_dir() == tmp_path
    m = QuoteModel.load()
    assert m.params == {"fill_t": 0.9}
    assert QuoteModel.load(MODEL_PATH).params == {}  # the shipped model keeps the module defaults


def test_quotes_training_speaker_veto_removes_only_speakers_the_tagger_doubts():
    from lagebild.doc import Doc
    from lagebild.quotes import find_quotes
    from lagebild.quotes_model import DEFAULT_PARAMS, combine, readings
    from lagebild.records import Article, content_id
    from lagebild.segment import SegmentStage

    # Wikinews 3855 "Landser laut BGH eine kriminelle Vereinigung" (2005-03-10), CC BY 2.5
    text = ("Der Vorsitzende Richter Klaus Tolksdorf sagte: „Ohne feste Struktur und gemeinsame Ziele seiner "
            "Gruppenmitglieder sei die Band gar nicht erst in der Lage gewesen, bestehende braune Netzwerke zu "
            "nutzen.“")
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, language="de")))
    rq = find_quotes(doc)
    assert any(q.speaker and "Tolksdorf" in q.speaker for q in rq)
    rd = readings(QuoteModel.load(MODEL_PATH), doc, rq, 0.5)
    sp = [p for p in rd["rule_speaker_p"] if p is not None]
    assert sp and max(sp) > 0.5  # the tagger agrees with the rules here
    kept = combine(doc, rq, rd, {**DEFAULT_PARAMS, "strip_t": 0.3})
    assert [q.speaker for q in kept] == [q.speaker for q in rq]
    vetoed = combine(doc, rq, rd, {**DEFAULT_PARAMS, "strip_t": 1.01})
    assert all(q.speaker is None for q in vetoed if q.cue_start is not None)
    assert [q.message for q in vetoed] == [q.message for q in rq]  # the quotes stay
    assert all(q.speaker for q in rq if q.cue_start is not None)  # the rules' own list is not changed
    for q in vetoed:
        assert doc.text[q.start:q.end] == q.text
