"""Exports: GDELT 2.0 (61 columns, FIPS geography), GKG 2.1-style, ACLED-style, PLOVER JSONL, GeoJSON, CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from lagebild import export
from lagebild.doc import Doc
from lagebild.events import EventStage
from lagebild.records import Article, Place, Quantity, Quote, content_id
from lagebild.segment import SegmentStage

TEXT = ("Die Luftwaffe griff am Montag die Stadt Charkiw an. Dabei wurden 20 Menschen getötet. "
        "Die Stadt könnte das nächste Mariupol werden, warnte der Bürgermeister vor einem Angriff.")


def _doc() -> Doc:
    doc = SegmentStage()(Doc(Article(id=content_id(TEXT), text=TEXT, published="2022-05-03", language="de",
                                     url="https://example.org/charkiw", site="example.org")))
    s = TEXT.index("Charkiw")
    doc.places = [Place(start=s, end=s + 7, text="Charkiw", name="Kharkiv", geonameid=706483, country_iso2="UA",
                        country_iso3="UKR", admin1="Kharkiv", lat=49.98, lon=36.25, feature_type="city")]
    q = TEXT.index("20 Menschen")
    doc.quantities = [Quantity(start=q, end=q + 11, text="20 Menschen", value=20, unit="person",
                               object="Menschen", category="killed", gkg_type="KILL")]
    m = TEXT.index("Die Stadt könnte")
    doc.quotes = [Quote(start=m, end=len(TEXT), text=TEXT[m:], kind="indirect", message=TEXT[m:m + 43],
                        message_start=m, message_end=m + 43, speaker="der Bürgermeister")]
    return EventStage()(doc)


@pytest.fixture(scope="module")
def rec() -> dict:
    return _doc().to_dict()


def test_export_fips_table_differs_from_iso() -> None:
    assert export.fips("DEU") == "GM" and export.fips("UA") == "UP" and export.fips("RUS") == "RS"
    assert export.fips("IRQ") == "IZ" and export.fips("") == ""


def test_export_gdelt_row_has_61_columns_and_fips_geo(rec: dict) -> None:
    rows = list(export.gdelt_rows([rec], date_added="20220503120000"))
    assert len(rows) == 1  # the warning is hypothetical and left out by default
    row = dict(zip(export.GDELT_COLUMNS, rows[0], strict=True))
    assert len(rows[0]) == 61
    assert row["Day"] == "20220503" and row["EventCode"] == "195" and row["EventRootCode"] == "19"
    assert row["QuadClass"] == "4" and row["GoldsteinScale"] == "-10.0"
    assert row["Actor1Code"] == "MIL" and row["Actor1Type1Code"] == "MIL"
    assert row["Actor2CountryCode"] == "UKR"  # actor fields: CAMEO/ISO
    assert row["ActionGeo_CountryCode"] == "UP"  # geography fields: FIPS
    assert row["ActionGeo_Lat"] == "49.9800" and row["ActionGeo_FeatureID"] == "706483"
    assert row["SOURCEURL"] == "https://example.org/charkiw"
    flagged = list(export.gdelt_rows([rec], include_flagged=True))
    assert len(flagged) > 1 and all(len(r) == 61 for r in flagged)
    # a warning is not the speaker's threat: without an intent/demand/threat frame the event keeps its own code
    assert sorted(dict(zip(export.GDELT_COLUMNS, r, strict=True))["EventRootCode"] for r in flagged) == ["19", "19"]


def test_export_acled_row(rec: dict) -> None:
    buf = io.StringIO()
    assert export.write([rec], "acled", buf) == 1
    (row,) = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["event_type"] == "Explosions/Remote violence" and row["sub_event_type"] == "Air/drone strike"
    assert row["inter1"] == "1" and row["iso"] == "UKR" and row["country"] == "Ukraine"
    assert row["latitude"] == "49.9800" and row["geo_precision"] == "1" and row["fatalities"] == "20"
    assert TEXT[int(row["trigger_start"]):int(row["trigger_end"])] == row["trigger"]


def test_export_plover_jsonl_offsets_and_modality(rec: dict) -> None:
    buf = io.StringIO()
    export.write([rec], "plover", buf, include_flagged=True)
    recs = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert {r["event"] for r in recs} == {"ASSAULT"}
    for r in recs:
        o = r["offsets"]
        assert TEXT[o["trigger_start"]:o["trigger_end"]] == r["eventText"]
        assert TEXT[o["start"]:o["end"]] == r["text"]
    assert any(r["modality"]["hypothetical"] for r in recs)


def test_export_geojson_points(rec: dict) -> None:
    fc = export.geojson([rec])
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    assert fc["features"][0]["geometry"]["coordinates"] == [36.25, 49.98]


def test_export_gkg_row_columns_and_offsets(rec: dict) -> None:
    (row,) = list(export.gkg_rows([rec]))
    rowd = dict(zip(export.GKG_COLUMNS, row, strict=True))
    assert len(row) == 27
    count = rowd["V2.1COUNTS"].split("#")
    assert count[0] == "KILL" and count[1] == "20" and TEXT[int(count[-1]):].startswith("20 Menschen")
    loc = rowd["V2ENHANCEDLOCATIONS"].split("#")
    assert loc[2] == "UP" and TEXT[int(loc[-1]):].startswith("Charkiw")
    assert "der Bürgermeister" in rowd["V2EXTRASXML"]
    off, length = map(int, rowd["V2.1QUOTATIONS"].split("|")[:2])
    assert TEXT[off:off + length].startswith("Die Stadt könnte")


def test_export_unknown_format_is_a_config_error(rec: dict) -> None:
    from lagebild.errors import ConfigError

    with pytest.raises(ConfigError):
        export.write([rec], "kml", io.StringIO())


def test_export_main_reads_a_store(tmp_path: Path) -> None:
    from lagebild.store import Store

    db = tmp_path / "t.duckdb"
    with Store(db) as st:
        st.write_batch([_doc()])
    out = tmp_path / "events.tsv"
    assert export.main(["--db", str(db), "--format", "gdelt", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and len(lines[0].split("\t")) == 61
    out2 = tmp_path / "events.geojson"
    assert export.main(["--db", str(db), "--format", "geojson", "--out", str(out2)]) == 0
    assert json.loads(out2.read_text(encoding="utf-8"))["features"]


def test_export_gkg_counts_refugee_populations_as_affect() -> None:
    from lagebild.quantities import QuantityStage

    # German Wikinews (CC BY 2.5): a refugee count with no outcome verb, so the count stage gives it no GKG type
    text = "Polens liberale Ministerpräsidentin Ewa Kopacz wollte 7.000 Flüchtlinge in Polen aufzunehmen."
    doc = QuantityStage()(SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2015-09-20",
                                                     language="de"))))
    (q,) = doc.quantities
    assert (q.category, q.gkg_type) == ("refugees", None)
    (row,) = list(export.gkg_rows([doc.to_dict()]))
    count = dict(zip(export.GKG_COLUMNS, row, strict=True))["V2.1COUNTS"].split("#")
    assert count[:3] == ["AFFECT", "7000", "Flüchtlinge"] and text[int(count[-1]):].startswith("7.000")


def test_export_splits_role_codes_of_clergy_and_elites() -> None:
    # a sentenced Canadian priest is CANREL (actor_roles.tsv: priester -> REL); candidates are ELI
    from lagebild.export import _inter, _split_code

    assert _split_code("CANREL") == ("CAN", "REL", "")
    assert _split_code("ELI") == ("", "ELI", "")
    assert _inter({"code": "CANREL"}) == "7"
