"""``lagebild eval quotes --data .../redewiedergabe``: STWR samples read as speaker-attribution events."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from lagebild.errors import InputError
from lagebild.evaluation.quotes import main as quotes_main
from lagebild.evaluation.quotes_redewiedergabe import (
    ARCHIVE,
    Sample,
    load,
    read_metadata,
    read_sample,
    split_of,
    text_group,
)

DATA = Path(os.environ.get("LAGEBILD_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")) / "redewiedergabe"
HAVE_DATA = (DATA / ARCHIVE).exists()

HEADER = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote"


def _row(tok: str, start: bool = False, stwr: str = "-", frame: str = "-", speaker: str = "-",
         intexpr: str = "-", note: str = "-") -> str:
    return "\t".join([tok, tok, tok, "X", "X", "yes" if start else "no", stwr, frame, speaker, intexpr, note])


# Our own two sentences, annotated by hand in the corpus's column format:
# "Der Bürgermeister sagte, die Brücke werde im Mai eröffnet. „Wir sind zufrieden“, meinte er, „die Arbeit war
# gut.“" plus a footnote token and a thought nested inside the indirect report.
SYNTHETIC = "\n".join([
    HEADER,
    _row("Der", True, frame="frame.1", speaker="speaker.1"),
    _row("Bürgermeister", frame="frame.1", speaker="speaker.1"),
    _row("sagte", frame="frame.1", intexpr="intexpr.1"),
    _row(",", frame="frame.1"),
    _row("die", stwr="indirect.speech.1"),
    _row("Brücke", stwr="indirect.speech.1"),
    _row("werde", stwr="indirect.speech.1|reported.thought.4"),
    _row("im", stwr="indirect.speech.1|reported.thought.4"),
    _row("Mai", stwr="indirect.speech.1"),
    _row("eröffnet", stwr="indirect.speech.1"),
    _row(".", stwr="-"),
    _row("1)", note="note"),
    _row('„', True, stwr="direct.speech writing.2"),
    _row("Wir", stwr="direct.speech writing.2"),
    _row("sind", stwr="direct.speech writing.2"),
    _row("zufrieden", stwr="direct.speech writing.2"),
    _row('"', stwr="direct.speech writing.2"),
    _row(",", frame="frame.2"),
    _row("meinte", frame="frame.2", intexpr="intexpr.2"),
    _row("er", frame="frame.2", speaker="speaker.2_3"),
    _row(",", frame="frame.2"),
    _row('„', stwr="direct.speech writing.2"),
    _row("die", stwr="direct.speech writing.2"),
    _row("Arbeit", stwr="direct.speech writing.2"),
    _row("war", stwr="direct.speech writing.2"),
    _row("gut", stwr="direct.speech writing.2"),
    _row(".", stwr="direct.speech writing.2"),
    _row("“", stwr="direct.speech writing.2"),
    _row("Er", True, speaker="speaker.3"),
    _row("lobte", stwr="reported.speech.3.border=state", intexpr="intexpr.3"),
    _row("alle", stwr="reported.speech.3.border=state"),
    _row(".", stwr="-"),
]) + "\n"


def _words(doc, ptrs):
    return [doc.text[slice(*doc.spans[p])] for p in ptrs]


def test_redewiedergabe_synthetic_sample_maps_instances_to_events():
    doc = read_sample("synthetic.tsv", SYNTHETIC)
    assert doc.text.startswith("Der Bürgermeister sagte, die Brücke werde im Mai eröffnet. „Wir sind zufrieden“, "
                               "meinte er, „die Arbeit war gut.“")
    assert "1)" not in doc.text  # footnote dropped
    by_id = {e["id"]: e for e in doc.events}
    assert sorted(by_id) == [1, 2, 3, 4]
    indirect = by_id[1]
    assert (indirect["form"], indirect["nested"]) == ("Indirect", False)
    assert _words(doc, indirect["Source"]) == ["Der", "Bürgermeister"]
    assert _words(doc, indirect["Cue"]) == ["sagte"]
    assert _words(doc, indirect["Message"]) == ["die", "Brücke", "werde", "im", "Mai", "eröffnet"]
    direct = by_id[2]  # one event over both parts of the split quote, medium "speech writing" still counts
    assert (direct["form"], direct["nested"]) == ("Direct", False)
    assert _words(doc, direct["Source"]) == ["er"]
    assert _words(doc, direct["Cue"]) == ["meinte"]
    assert "Arbeit" in _words(doc, direct["Message"]) and "Wir" in _words(doc, direct["Message"])
    assert by_id[4]["nested"] is True  # only ever at level 2
    assert (by_id[3]["form"], by_id[3]["nested"]) == ("Reported", True)  # border case: ignored like a nested one
    # "er" (speaker.2_3) is a source of instances 2 and 3
    assert _words(doc, by_id[3]["Source"]) == ["er", "Er"]


def test_redewiedergabe_rejects_a_bad_stwr_value():
    bad = SYNTHETIC.replace("indirect.speech.1\t", "indirect.speech\t", 1)
    with pytest.raises(InputError):
        read_sample("bad.tsv", bad)


def test_redewiedergabe_split_keeps_excerpts_of_one_text_together_and_ignores_selection():
    assert text_group("rwk_grenz_123-2.tsv") == "rwk_grenz_123"
    assert text_group("rwk_mkhz_77-short.tsv") == "rwk_mkhz_77"
    samples = [Sample(f"rwk_grenz_{i}-{j}.tsv", "Nachrichten" if i % 3 else "Kommentar", False)
               for i in range(40) for j in (1, 2)]
    halves = split_of(samples)
    for i in range(40):
        assert halves[f"rwk_grenz_{i}-1.tsv"] == halves[f"rwk_grenz_{i}-2.tsv"]
    assert set(halves.values()) == {"dev", "test"}
    assert list(halves.values()).count("dev") == 40  # 20 texts of two samples each
    assert split_of(samples[::-1]) == halves  # order of the metadata does not matter


def test_redewiedergabe_metadata_reader():
    raw = (b"file\torig_filename\tyear\tdecade\tsource\ttitle\tauthor\tfictional\ttext_type\n"
           b"rwk_mkhz_1-short.tsv\tx.xml\t1870\t1870\tmkhz\tT\tA\tno\tNachrichten\n")
    assert read_metadata(io.BytesIO(raw)) == [Sample("rwk_mkhz_1-short.tsv", "Nachrichten", False)]


def test_redewiedergabe_skips_when_the_data_is_absent(tmp_path, capsys):
    folder = tmp_path / "redewiedergabe"
    folder.mkdir()
    assert quotes_main(["--data", str(folder), "--split", "dev", "--json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert "skipped" in out[0]
    assert json.loads(out[-1]) == {"task": "quotes", "dataset": "redewiedergabe", "skipped": True}


@pytest.mark.skipif(not HAVE_DATA, reason="corpus REDEWIEDERGABE absent")
def test_redewiedergabe_real_dev_samples_load_with_sources_and_cues():
    docs = load(DATA, "dev")
    assert len(docs) == 103
    events = [e for d in docs for e in d.events if not e["nested"]]
    assert len(events) == 643
    assert {"Direct", "Indirect", "Reported"} <= {e["form"] for e in events}
    assert sum(bool(e["Source"]) for e in events) == 519
    assert sum(bool(e["Cue"]) for e in events) == 568
    for d in docs[:10]:
        for e in d.events:
            for ptr in e["Message"] + e["Source"] + e["Cue"]:
                assert ptr in d.spans


@pytest.mark.skipif(not HAVE_DATA, reason="corpus REDEWIEDERGABE absent")
def test_redewiedergabe_json_line_shape(capsys):
    assert quotes_main(["--data", str(DATA), "--split", "dev", "--limit", "3", "--json"]) == 0
    res = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(res) == {"task", "dataset", "split", "mode", "model", "cue_f1", "source_f1", "message_f1",
                        "documents", "addr_f1"}
    assert res["addr_f1"] is None  # STWR marks no addressees: absent, not 0
    assert (res["dataset"], res["split"], res["documents"]) == ("redewiedergabe", "dev", 3)
