from __future__ import annotations

import pytest

from lagebild.geo.demonyms import country_of, lookup


@pytest.mark.parametrize("word,iso3", [
    ("russische", "RUS"), ("russischen", "RUS"), ("Russen", "RUS"), ("ukrainischer", "UKR"), ("syrische", "SYR"),
    ("israelischen", "ISR"), ("Palestinian", "PSE"), ("Palestinians", "PSE"), ("US-amerikanischen", "USA"),
    ("Afghanen", "AFG"), ("türkisch-syrischen", "SYR"),
])
def test_demonyms_country_of_inflected(word: str, iso3: str) -> None:
    assert country_of(word) == iso3


@pytest.mark.parametrize("word", ["Haus", "prorussischen", "pro-russischen", "", "Regierung", "europäische"])
def test_demonyms_not_a_country(word: str) -> None:
    assert country_of(word) is None


def test_demonyms_kind_and_continents() -> None:
    assert lookup("russische") == ("RUS", "adjective")
    assert lookup("Russen") == ("RUS", "demonym")
    assert lookup("European") == ("@EU", "adjective")


def test_demonyms_regions_are_not_countries() -> None:
    assert lookup("kurdischen") == ("~Kurdistan", "adjective")
    assert country_of("kurdischen") is None and country_of("Kurds") is None


def test_demonyms_nations_inside_a_country() -> None:
    # "englische" is England for places, the United Kingdom for actor coding; "britische" the country itself
    assert lookup("englischen") == ("GBR/England", "adjective")
    assert country_of("englischen") == "GBR" and country_of("Welsh") == "GBR" and country_of("britische") == "GBR"


def test_demonyms_english_adjective_resolves_to_england() -> None:
    from lagebild.geo.resolver import Mention, Resolver

    r = Resolver()
    m = Mention(0, 7, "English", kind="adjective", country=r.fixed_code(lookup("English")[0]))
    r.resolve([m])
    assert m.choice.cc == "GB" and m.choice.ftype == "admin1" and m.choice.name == "England"


@pytest.mark.parametrize("word,target", [
    ("bayerischen", "DEU/Bavaria"), ("baden-württembergische", "DEU/Baden-Württemberg"),
    ("katalanischen", "ESP/Catalonia"), ("Texan", "USA/Texas"),
])
def test_demonyms_first_level_regions(word: str, target: str) -> None:
    assert lookup(word)[0] == target and country_of(word) == target[:3]


def test_stage_regional_adjective_is_the_region() -> None:
    from lagebild.doc import Doc
    from lagebild.geo.stage import PlaceStage
    from lagebild.records import Article, content_id
    from lagebild.segment import SegmentStage

    # regional adjectives, one hyphenated: the region, not the country
    text = ("Nach Angaben der baden-württembergischen Landesregierung wurde der Plan mit der bayerischen "
            "Staatsregierung abgestimmt.")
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2005-05-03", language="de")))
    doc = PlaceStage()(doc)
    got = {p.text: p for p in doc.places}
    assert got["baden-württembergischen"].name == "Baden-Württemberg" and got["bayerischen"].name == "Bavaria"
    assert all(p.kind == "adjective" and p.feature_type == "admin1" for p in got.values())
