"""Spatial claims: extraction from real Wikinews prose and the distance/bearing check."""

from __future__ import annotations

import pytest

from lagebild.doc import Doc
from lagebild.geo.resolver import haversine_km
from lagebild.geo.spatial import bearing_deg, compass
from lagebild.geo.stage import PlaceStage
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage


@pytest.fixture(scope="module")
def stage() -> PlaceStage:
    return PlaceStage()


def _run(stage: PlaceStage, text: str) -> Doc:
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2011-05-11", language="de")))
    return stage(doc)


def test_spatial_haversine_and_bearing() -> None:
    # Damascus -> Homs: about 140 km, heading north (GeoNames coordinates)
    km = haversine_km(33.5102, 36.29128, 34.72682, 36.72339)
    assert 135 < km < 145
    b = bearing_deg(33.5102, 36.29128, 34.72682, 36.72339)
    assert 10 < b < 25 and compass(b) == "N"
    assert compass(359) == "N" and compass(90) == "E" and compass(225) == "SW"


def test_spatial_claim_homs_north_of_damascus(stage: PlaceStage, homs_text: str) -> None:
    doc = _run(stage, homs_text)
    claims = [c for c in doc.spatial_claims if c.anchor == "Damaskus"]
    assert claims, doc.spatial_claims
    c = claims[0]
    assert c.text == "rund 160 Kilometer nördlich von Damaskus" == doc.text[c.start:c.end]
    assert c.distance_km == 160 and c.direction == "N" and c.qualifier == "about" and c.subject == "Homs"
    assert c.computed_km is not None and 130 < c.computed_km < 150
    assert c.computed_direction == "N" and c.holds is True


def test_spatial_claim_that_does_not_hold(stage: PlaceStage) -> None:
    # wrong on purpose: Homs is north of Damascus, not 400 km south of it
    doc = _run(stage, "Aus der Stadt Homs, rund 400 Kilometer südlich von Damaskus, gab es heute Berichte über Artilleriefeuer.")
    c = doc.spatial_claims[0]
    assert c.holds is False and c.computed_direction == "N"


def test_spatial_claim_distance_only(stage: PlaceStage) -> None:
    text = ("Der Präsident reiste von Kiew nach Charkiw. Die rund 400 Kilometer entfernte Stadt Charkiw "
            "wurde erneut beschossen.")
    doc = _run(stage, text)
    c = doc.spatial_claims[0]
    assert c.subject == "Charkiw" and c.anchor is not None and c.direction is None
    assert c.holds is True and 400 < c.computed_km < 430
    for r in doc.spatial_claims:
        assert doc.text[r.start:r.end] == r.text


def test_spatial_claim_anchor_after_a_place_noun(stage: PlaceStage) -> None:
    # German Wikinews (CC BY 2.5): the anchor follows a place noun, "nordöstlich der Hauptstadt Jakutsk"
    text = ("Der Absturzort wird in der russischen Teilrepublik Jakutien rund 1.000 Kilometer nordöstlich der "
            "Hauptstadt Jakutsk vermutet.")
    (c,) = _run(stage, text).spatial_claims
    assert c.text == "rund 1.000 Kilometer nordöstlich der Hauptstadt Jakutsk" == text[c.start:c.end]
    assert c.anchor == "Jakutsk" and c.distance_km == 1000 and c.direction == "NE"


@pytest.mark.parametrize("gap, ok", [("", True), (" Stadt ", True), ("Ortschaft ", True), ("Ortes ", True),
                                     ("Hauptstadt ", True), ("Ortsteil ", False), ("nahe gelegenen ", False)])
def test_spatial_only_place_noun_takes_the_whole_noun(gap: str, ok: bool) -> None:
    from lagebild.geo.spatial import _only_place_noun

    assert _only_place_noun(gap) is ok
