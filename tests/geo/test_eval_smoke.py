"""Quick quality gates on slices of the gold sets (floors pinned a bit below measured values)."""

from __future__ import annotations

import pytest

from lagebild.evaluation import geo


def test_eval_geo_geowebnews_slice_floor(shared_data) -> None:
    arts = geo.load("geowebnews", shared_data / "geoparsing_en")[:40]
    res = geo.score(geo.resolve_gold(arts))
    assert res["n"] > 300
    assert res["acc_161km"] >= FLOORS["gwn40"], res


def test_eval_geo_lgl_slice_floor(shared_data) -> None:
    arts = geo.load("lgl", shared_data / "geoparsing_en")[:80]
    res = geo.score(geo.resolve_gold(arts))
    assert res["acc_161km"] >= FLOORS["lgl80"], res


def test_eval_geo_trnews_slice_floor(shared_data) -> None:
    arts = geo.load("trnews", shared_data / "geoparsing_en")[:30]
    res = geo.score(geo.resolve_gold(arts))
    assert res["acc_161km"] >= FLOORS["trnews30"], res


def test_eval_geo_german_check_set() -> None:
    res = geo.score(geo.resolve_gold(geo.load_de(), language="de"))
    assert res["n"] >= 50 and res["acc_161km"] >= FLOORS["de"], res


def test_eval_geo_main_json_last_line(capsys) -> None:
    assert geo.main(["--dataset", "de", "--json"]) == 0
    import json

    last = capsys.readouterr().out.strip().splitlines()[-1]
    d = json.loads(last)
    assert d["task"] == "geo" and d["dataset"] == "de" and {"acc_161km", "median_km", "n"} <= d.keys()


# measured 2026-11-26 (GeoNames country/region points): gwn40 0.896, lgl80 0.857, trnews30 0.955, de 0.942
FLOORS = {"gwn40": 0.87, "lgl80": 0.83, "trnews30": 0.93, "de": 0.90}


@pytest.mark.slow
@pytest.mark.parametrize("dataset,floor", [("geowebnews", 0.86), ("lgl", 0.85), ("trnews", 0.92), ("geovirus", 0.79)])
def test_eval_geo_full_sets_floor(shared_data, dataset: str, floor: float) -> None:
    res = geo.score(geo.resolve_gold(geo.load(dataset, shared_data / "geoparsing_en")))
    assert res["acc_161km"] >= floor, res


def test_eval_geo_load_broken_offsets_is_malformed_input(tmp_path) -> None:
    # a gold toponym without <start> used to fail with a bare TypeError from int(None)
    from lagebild.errors import MalformedInputError

    (tmp_path / geo.FILES["lgl"]).write_text(
        "<articles><article docid='1'><text>Flooding hit Paris on Monday.</text><toponyms>"
        "<toponym><end>19</end><phrase>Paris</phrase></toponym></toponyms></article></articles>",
        encoding="utf-8")
    with pytest.raises(MalformedInputError, match="<start>"):
        geo.load("lgl", tmp_path)
