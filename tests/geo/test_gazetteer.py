"""Gazetteer: German exonyms, regions, aliases; the index loads once per process."""

from __future__ import annotations

import pytest

from lagebild.geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("name,geonameid", [
    ("Mossul", 99072), ("Damaskus", 170654), ("Moskau", 524901), ("Kairo", 360630), ("Peking", 1816670),
    ("Kiew", 703448), ("Kyjiw", 703448), ("Charkiw", 706483),
])
def test_gazetteer_german_exonyms(gaz: Gazetteer, name: str, geonameid: int) -> None:
    assert geonameid in [c.geonameid for c in gaz.search(name)]


@pytest.mark.parametrize("name,ftype", [
    ("Nahost", "region"), ("Westjordanland", "region"), ("Gazastreifen", "region"), ("Donbass", "region"),
    ("Kaschmir", "region"), ("Europa", "continent"), ("Irak", "country"), ("Syrien", "country"),
])
def test_gazetteer_regions_countries_continents(gaz: Gazetteer, name: str, ftype: str) -> None:
    assert ftype in [c.ftype for c in gaz.search(name)]


def test_gazetteer_provinces_take_the_seat_names(gaz: Gazetteer) -> None:
    # "Provinz Donezk": the oblast must be reachable by the German name of its seat city
    assert any(c.ftype == "admin1" and c.cc == "UA" for c in gaz.search("Donezk"))
    assert any(c.ftype == "admin1" and c.cc == "SY" for c in gaz.search("Homs"))


def test_gazetteer_aliases(gaz: Gazetteer) -> None:
    assert [c.cc for c in gaz.search("Britain") if c.ftype == "country"] == ["GB"]
    assert any(c.ftype == "region" for c in gaz.search("EU"))  # not only the town Eu in Normandy
    assert any(c.ftype == "admin1" and c.admin1 == "GA" for c in gaz.search("Ga."))


def test_gazetteer_get_and_country(gaz: Gazetteer) -> None:
    c = gaz.get(2950159)
    assert c is not None and c.name == "Berlin" and c.cc == "DE"
    assert gaz.country("SY").name == "Syria" and gaz.country_iso3("SY") == "SYR"


def test_gazetteer_load_is_shared(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz  # loaded once per process (its time is in scripts/benchmark.py's load figure)
    fresh = Gazetteer(Gazetteer.load.__globals__["default_path"]())  # a fresh load from the shipped file
    assert fresh is not gaz and fresh.get(2950159).name == "Berlin"


def test_gazetteer_german_gold_offsets_hold() -> None:
    from lagebild.evaluation.geo import load_de

    arts = load_de()
    assert len(arts) == 20
    for a in arts:
        for t in a.toponyms:
            assert a.text[t.start:t.end] == t.text and t.lat is not None


@pytest.mark.slow
def test_gazetteer_build_reproduces_the_shipped_index(tmp_path) -> None:
    import numpy as np

    from lagebild.geo.build import build, default_path

    build(tmp_path / "g.npz")
    a, b = np.load(default_path()), np.load(tmp_path / "g.npz")
    assert a.files == b.files and all(np.array_equal(a[k], b[k]) for k in a.files)


@pytest.mark.parametrize("iso2,lat,lon", [("US", 39.76, -98.5), ("CA", 60.11, -113.64), ("JP", 35.69, 139.75)])
def test_gazetteer_countries_sit_at_geonames_points(gaz: Gazetteer, iso2: str, lat: float, lon: float) -> None:
    # GeoNames' own country points (via pyowm's GeoNames-derived list), not Factbook-style centres
    c = gaz.country(iso2)
    assert abs(c.lat - lat) < 0.05 and abs(c.lon - lon) < 0.05


def test_gazetteer_admin1_takes_geonames_id(gaz: Gazetteer) -> None:
    ontario = [c for c in gaz.search("Ontario") if c.ftype == "admin1" and c.cc == "CA"]
    assert ontario and ontario[0].geonameid == 6093943


@pytest.mark.parametrize("word", ["Auto", "Saturday", "Stop", "Lampe", "Versuche"])
def test_gazetteer_no_machine_translated_region_names(gaz: Gazetteer, word: str) -> None:
    # countrystatecity's "native" field holds translations of names' sounds ("Araba" -> "Auto")
    assert not [c for c in gaz.search(word) if c.ftype == "admin1"]


@pytest.mark.parametrize("word", ["Tsunami", "Gossip"])
def test_gazetteer_small_towns_drop_common_word_alternates(gaz: Gazetteer, word: str) -> None:
    # GeoNames alternate names of small towns include common words ("Tsunami" for Tsuha, Japan)
    assert gaz.search(word) == []


def test_gazetteer_build_stops_without_pyowm(monkeypatch) -> None:
    # without pyowm's city list the build used to warn and write an index ~7,400 ids and points unlike the shipped one
    from lagebild.errors import ConfigError
    from lagebild.geo import build as gbuild

    real = gbuild._pkg_dir

    def no_pyowm(name: str):
        if name == "pyowm":
            raise ImportError("No module named 'pyowm'")
        return real(name)

    monkeypatch.setattr(gbuild, "_pkg_dir", no_pyowm)
    with pytest.raises(ConfigError, match="pyowm"):
        gbuild._geonames_points(set())
