"""The foundation issue's acceptance checks, end to end through the CLI.

``fixtures/conflict_report_de.txt`` is a short report composed for this test from the constructions the
issue names ("im Mai 2014", "im November", "knapp 2.000 Zivilisten", a direct quote with a named speaker,
"Die Luftwaffe griff die Stadt Charkiw an"); the real-article checks use the bundled Wikinews sample.
Reference coordinates are GeoNames' (cities500).
"""

from __future__ import annotations

import contextlib
import io
import json
import math
from pathlib import Path

import pytest

from lagebild.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "conflict_report_de.txt"
GEONAMES = {"Kharkiv": (49.98081, 36.25272), "Kyiv": (50.45466, 30.5238), "Homs": (34.72682, 36.72339),
            "Damascus": (33.5102, 36.29128)}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def analyze_json(path: Path, published: str, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["analyze", "--json", "--published", published, str(path)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def report() -> dict:
    buf = io.StringIO()  # module-scoped, so stdout is captured by hand rather than with capsys
    with contextlib.redirect_stdout(buf):
        assert main(["analyze", "--json", "--published", "2023-02-15", str(FIXTURE)]) == 0
    return json.loads(buf.getvalue())


def place(record: dict, mention: str) -> dict:
    return next(p for p in record["places"] if p["text"] == mention)


def test_acceptance_places_within_25_km_of_geonames(report: dict) -> None:
    for mention, ref in (("Charkiw", "Kharkiv"), ("Kiew", "Kyiv")):
        p = place(report, mention)
        assert km((p["lat"], p["lon"]), GEONAMES[ref]) < 25, p


def test_acceptance_times_resolved_against_publication(report: dict) -> None:
    values = {t["text"]: t["value"] for t in report["times"]}
    assert values["Mai 2014"] == "2014-05"
    assert values["November"] == "2022-11"  # the last November before 2023-02-15
    assert values["Montag"] == "2023-02-13"


def test_acceptance_counts_with_qualifier_and_object(report: dict) -> None:
    q = next(q for q in report["quantities"] if q["value"] == 2000)
    assert (q["qualifier"], q["object"], q["category"]) == ("almost", "Zivilisten", "civilians")


def test_acceptance_direct_quote_has_named_speaker(report: dict) -> None:
    q = next(q for q in report["quotes"] if q["kind"] == "direct")
    assert q["message"] == "Wir werden Charkiw nicht aufgeben"
    assert "Selenskyj" in q["speaker"] and q["speaker_entity"]


def test_acceptance_event_with_type_source_target_place(report: dict) -> None:
    full = [e for e in report["events"] if e["sources"] and e["targets"] and e["place"]]
    assert full
    ev = next(e for e in full if e["trigger"] == "griff")
    assert (ev["type"], ev["mode"]) == ("ASSAULT", "aerial")
    assert ev["sources"][0]["code"] == "RUSMIL" and ev["place"]["name"] == "Kharkiv"
    assert not ev["negated"] and not ev["hypothetical"]


def test_acceptance_real_article_cities_and_offsets(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = analyze_json(samples_dir / "text" / "wikinews-68080.txt", "2011-05-11", capsys)
    for mention, ref in (("Homs", "Homs"), ("Damaskus", "Damascus")):
        p = place(record, mention)
        assert km((p["lat"], p["lon"]), GEONAMES[ref]) < 25, p
    text = record["article"]["text"]
    for layer in ("entities", "places", "spatial_claims", "times", "quantities", "quotes", "events"):
        for r in record[layer]:
            assert text[r["start"]:r["end"]] == r["text"]
    claim = record["spatial_claims"][0]  # "rund 160 Kilometer nördlich von Damaskus"
    assert claim["distance_km"] == 160 and claim["holds"] is True
