"""English quotes on general news: the LGL stand-off gold, its evaluation command, and the rules fixed on its dev split.

LGL's licence is unclear, so no LGL text appears here: the gold file holds offsets, kinds and SHA-1s only,
and the behaviour tests use sentences in our own wording that reproduce the dev errors' structure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.doc import Doc
from lagebild.evaluation import quotes as ev_quotes
from lagebild.evaluation import quotes_en_lgl as ev
from lagebild.evaluation import time_en
from lagebild.quotes import QuoteStage
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage

_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing_en"
_needs_lgl = pytest.mark.skipif(not (_DATA / "lgl.xml").exists(), reason="LGL data absent (../shared/data/geoparsing_en/lgl.xml)")
_SEG = SegmentStage()
_STAGE = QuoteStage()


def _quotes(text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = _STAGE(_SEG(Doc(Article(id=content_id(text), text=text, language="en"))))
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text
        assert text[q.message_start:q.message_end] == q.message
        if q.speaker is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
    return [(q.kind, q.cue, q.speaker, q.message) for q in doc.quotes]


def test_quotes_en_lgl_gold_holds_no_text():
    rows = ev.read_gold()
    assert {r["split"] for r in rows} == {"dev", "test"}
    for r in rows:
        assert set(r) == {"docid", "split", "sha1", "events"}
        assert len(r["sha1"]) == 40
        for e in r["events"]:
            assert set(e) == {"kind", "cue", "source", "message", "addressee"}
            assert e["kind"] in ("direct", "indirect", "reported")
            for key in ("cue", "source", "message", "addressee"):
                for span in e[key]:
                    assert set(span) == {"start", "end"} and 0 <= span["start"] < span["end"]


@_needs_lgl
def test_quotes_en_lgl_rows_match_the_xml_and_the_shared_split():
    rows = ev.load_rows(None, _DATA)
    arts = time_en.read_lgl(_DATA)
    for sp in ("dev", "test"):
        got = [r["id"] for r in rows if r["split"] == sp]
        # the first articles of time_en's labelling order for this split, in that order
        assert got == time_en.labelling_order(arts, sp)[:len(got)]
    for r in rows:
        n = len(r["text"])
        for e in r["events"]:
            assert e["message"] and all(s["end"] <= n for k in ("cue", "source", "message") for s in e[k])


@_needs_lgl
def test_quotes_en_lgl_a_changed_article_is_refused(tmp_path):
    row = ev.read_gold()[0]
    row["sha1"] = "0" * 40
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="sha1"):
        ev.load_rows(bad, _DATA)


def test_quotes_en_lgl_absent_data_is_skipped_with_a_message(tmp_path, capsys):
    assert ev_quotes.main(["--dataset", "lgl", "--data", str(tmp_path), "--json"]) == 0
    assert "skipped, the data is absent" in capsys.readouterr().out


@_needs_lgl
def test_quotes_en_lgl_eval_command_json_and_floor(capsys):
    # measured 0.865 source F1 on the dev split (8 articles, 79 events); the floor catches regressions
    assert ev_quotes.main(["--dataset", "lgl", "--data", str(_DATA), "--split", "dev", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["task"] == "quotes" and out["dataset"] == "lgl" and out["split"] == "dev"
    assert out["documents"] == 8
    assert out["source_f1"] >= 0.82 and out["cue_f1"] >= 0.82


def test_quotes_en_lgl_relative_clause_and_of_after_a_frame():
    qs = _quotes('"Who will pay for the new roof?" asked Councillor Ann Lake, who opposed the budget.')
    assert ("direct", "asked", "Councillor Ann Lake", "Who will pay for the new roof?") in qs
    qs = _quotes('"The bakery made a real effort," Ruiz said of the festival, which drew a crowd that filled '
                 'the square.')
    assert qs and qs[0][:3] == ("direct", "said", "Ruiz")


def test_quotes_en_lgl_name_with_apposition_as_speaker():
    qs = _quotes('Pastor Ann Lake, head of the harbour choir said: "We sing every Friday."')
    assert qs[0][2] == "Pastor Ann Lake, head of the harbour choir"
    qs = _quotes('Mrs Tom Hale, a retired nurse from the ward on Mill Lane added: "The queue was long."')
    assert qs[0][2] == "Mrs Tom Hale, a retired nurse from the ward on Mill Lane"
    qs = _quotes('Tom Hale, an old neighbour and a fellow angler from the lake, called him "the kindest man."')
    assert qs[0][2] == "Tom Hale, an old neighbour and a fellow angler from the lake"
    qs = _quotes("Yesterday, the mayor said the road would open in May.")
    assert qs[0][2] == "the mayor"  # an opening adverb is no name


def test_quotes_en_lgl_conjunctions_and_dashes_end_the_speaker():
    qs = _quotes("But harbour master Tom Hale, a keen sailor, expressed his regret over the closure.")
    assert qs[0][2] == "harbour master Tom Hale, a keen sailor"
    qs = _quotes("The fare rise upset commuters – however both operators say ticket sales held up.")
    assert qs[0][2] == "both operators"
    qs = _quotes("Drivers may call the depot if a bus is late, or believe the timetable has changed.")
    assert all(q[2] != "or" for q in qs)


def test_quotes_en_lgl_contractions_dates_and_coordinated_verbs():
    assert _quotes("Ruiz said it's too early to judge the harvest.") == [
        ("indirect", "said", "Ruiz", "it's too early to judge the harvest")]
    qs = _quotes("The ferry captain said in 2015 the pier was already too short for the new boats.")
    assert qs == [("indirect", "said", "The ferry captain", "the pier was already too short for the new boats")]
    qs = _quotes('Ann Lake lifted the trophy and said, "This belongs to the whole team."')
    assert qs[0][:3] == ("direct", "said", "Ann Lake")
