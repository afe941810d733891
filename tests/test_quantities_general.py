"""Count rules found on general (non-casualty) news text in round 9: the GermEval 2014 batches ``Ec``–``Ef``.

The sentences are GermEval 2014 rows (CC BY 4.0; Benikova, Biemann, Reznicek 2014), read from
``gold/counts_de_germeval.jsonl`` by id (each row names its source URL and date), or our own sentences.
"""

from __future__ import annotations

import functools

from test_quantities import _by_text

from lagebild.evaluation.counts import load_gold
from lagebild.quantities import extract


@functools.lru_cache(maxsize=1)
def _rows() -> dict[str, str]:
    return {r["id"]: r["text"] for r in load_gold(None, "gold/counts_de_germeval.jsonl")}


def _q(row_id: str) -> dict[str, tuple[float, str | None, str | None]]:
    return {k: (q.value, q.qualifier, q.category) for k, q in _by_text(_rows()[row_id]).items()}  # type: ignore[attr-defined]


def test_quantities_ueber_after_a_noun_that_takes_an_amount_is_no_qualifier():
    assert _q("Ed038")["2 Mrd EUR"] == (2e9, None, "money")  # "Kredite über 2 Mrd EUR"
    assert _q("Ed025")["30"][1] is None  # "eine neue Bestellung über 30 B737-900ER"
    assert _q("Ec018")["9860 Meter"] == (9860.0, None, "distance")  # "das Rennen über 9860 Meter"
    # still "more than" where nothing governs it
    assert _by_text("Der Schaden beträgt über 20.000 Euro.")["über 20.000 Euro"].qualifier == "more_than"


def test_quantities_unter_after_a_rank_means_among():
    assert _q("Ec016")["20"] == (20.0, None, "women")  # "belegte ... Platz eins unter 20 prominenten Frauen"
    assert _by_text("Die Temperatur fiel unter 20 Grad.")["unter 20 Grad"].qualifier == "less_than"


def test_quantities_split_idioms_give_the_outcome():
    assert _q("Ec017")["Mehrere hunderttausend"][2] == "displaced"  # "haben die Flucht vor … ergriffen"
    assert _q("Ef033")["rund 100"] == (100.0, "about", "protesters")  # "Ihrem Unmut machten rund 100 … Luft"
    q = _by_text("Rund 300 Anwohner ergriffen die Initiative und gründeten einen Verein.")["Rund 300"]
    assert q.category != "displaced"  # "ergriffen" without "Flucht" is no flight


def test_quantities_year_like_number_before_a_unit_or_a_whole_is_a_count():
    assert _q("Ec029")["2100 Quadratmetern"] == (2100.0, None, "area")  # "eine Nutzfläche von 2100 Quadratmetern"
    assert _q("Ee000")["etwa 2000"] == (2000.0, "about", "employees")  # "etwa 2000 der 2300 Beschäftigten"
    assert _by_text("Im Jahr 2000 der Partei beigetreten, wurde er bald Vorsitzender.") == {}


def test_quantities_year_after_a_missed_sentence_end_is_no_count():
    assert "1041" not in _q("Ee015")  # "… im Jahr 1540. 1041 wurde die Stadt … fast zerstört."


def test_quantities_bare_score_near_a_result_verb_is_no_count():
    assert "28" not in _q("Ee037") and "24" not in _q("Ee037")  # "Mit 28 zu 24 schlagen die Handballerinnen …"
    votes = _by_text("Der Antrag wurde mit 98 zu 95 Stimmen angenommen.")
    assert {k: q.category for k, q in votes.items()} == {"98": "votes", "95 Stimmen": "votes"}
    assert set(_by_text("Er schlug mehr Asse als sein Gegner (19 zu 12).")) == {"19", "12"}  # no result verb


def test_quantities_room_numbers_and_bible_verses_are_labels():
    assert "1" not in _q("Ec002")  # "im Sitzungssaal 1 des Rathauses"
    assert _q("Ee009") == {}  # "(Gen 2,18)"
    assert _by_text("Die Sitzung findet im Saal 3 statt.") == {}


def test_quantities_child_soldiers_are_children():
    assert _q("Ed002")["30.000"] == (30000.0, None, "children")  # "30.000 Kindersoldaten"


def test_quantities_camp_inmates_are_prisoners_and_government_officials_employees():
    assert {v[2] for v in _q("Eg008").values()} == {"prisoners"}  # "etwa 600 fluchtbereiten Lagerinsassen"
    assert _q("Eg014")["die Hälfte"][2] == "employees"  # "die Hälfte der hohen Regierungsbeamten"
    assert _by_text("Bei dem Einsatz wurden 12 Beamte verletzt.")["12"].category == "police"  # bare Beamte stay police


def test_quantities_minus_before_a_percent_is_a_negative_value():
    assert _q("Eh016")["minus 3,1 %"] == (-3.1, None, "percent")  # "nach minus 3,1 % im August"
    assert _by_text("Das ergab ein Minus von 0,5 Prozent.")["0,5 Prozent"].value == 0.5


def test_quantities_early_year_before_an_indefinite_article_and_codes_in_capitals():
    assert _q("Eh008") == {}  # "Beide Frauen gebaren 1316 einen Sohn"
    assert _q("Eh025") == {}  # "der Genmais-Sorte MON 810 des Konkurrenten"
    assert _q("Eg019") == {}  # "der Klassenstufen 9 und 10"
    assert _by_text("Die Truppe zählte 1200 Mann.")["1200"].value == 1200.0


def test_quantities_compound_goal_units_and_money_nouns():
    assert _q("Eh032")["12 Gegentore"] == (12.0, None, "goals")
    assert _q("Eh038")["einige Milliarden"][2] == "money"  # "einige Milliarden Überschüsse"


def test_quantities_qualifier_and_noun_after_a_year_like_number_make_a_count():
    assert _q("Ei013")["etwa 1500"] == (1500.0, "about", None)  # "etwa 1500 Tsunami-Szenarien"
    assert _by_text("Die Kirche wurde um 1500 Teil des Klosters.") == {}  # "um 1500" stays a year


def test_quantities_glued_durations_youth_classes_and_speed_readings():
    assert _q("Ei025") == {} and _q("Ej018") == {}  # "vor 37 MinutenFrankfurt/Main (AP)": scraped dateline
    assert _q("Ei019") == {}  # "das Rennen der U 15"
    assert _q("Ei000")["280"][0] == 280.0  # "für Tempo 280 zugelassen": a reading, not a name


def test_quantities_bmi_range_is_a_reading():
    assert _q("Eh005")["25 bis 27"] == (25.0, None, None)  # "(BMI von 25 bis 27)": not a count of the men before


def test_quantities_employed_people_are_employees_and_an_amount_before_a_currency_compound_money():
    assert {v[2] for v in _q("El018").values()} == {"employees"}  # "die Zahl der Erwerbstätigen um 561.000 auf …"
    assert _q("El006")["5,5 Milliarden"] == (5.5e9, None, "money")  # "die erste 5,5 Milliarden Euro-Finanzspritze"
    assert _by_text("Die Bank gab 100 Euro-Scheine aus.")["100"].category != "money"  # banknotes, not an amount


def test_quantities_spaced_thousands_before_a_missed_sentence_end_and_minus_with_a_multiplier():
    assert _q("Ek004")["28 000"][0] == 28000.0  # "… üblichen 28 000. 14:49 Uhr Rheinmünster"
    assert _q("Ek028")["minus 255 Milliarden Won"] == (-255e9, None, "money")


def test_quantities_model_numbers_before_a_capitals_code_and_quoted_titles_are_names():
    assert "8800" not in _q("Em023")  # "einer GeForce 8800 GTS 320"
    assert [q.text for q in extract(_rows()["En033"])] == ["500"]  # "Fiat 500 BEV Fiat 500 BEV …": the second is a
    # name now; the first, at the sentence start, is still read as a count (the name rule needs a word before it)
    assert _q("En032") == {}  # "„Die 66“ hat sich als die Plattform … etabliert"
    assert _by_text("Die Firma verkaufte 500 Geräte.")["500"].value == 500.0


def test_quantities_degree_sign_hectares_volume_labels_and_church_members():
    assert _q("Ep035") == {"0 °C": (0.0, None, "temperature"), "8 °C": (8.0, None, "temperature")}  # "… Sichuan 8 °C"
    assert _q("Ep025")["3.560 ha"] == (3560.0, None, "area")
    assert "4" not in _q("Ep031")  # "Biographie Nationale, Bd. 4, S. 442"
    q = _q("Ep022")
    assert q["237.000"][2] == "members" and q["64"][2] is None  # Gemeindeglieder; Kirchengemeinden are no settlements
    assert _by_text("Er kaufte 3 Bio Äpfel.")["3"].value == 3.0  # "Bio" (organic) is no multiplier


def test_quantities_vague_plural_of_a_unit_takes_the_unit():
    assert _q("Ep007")["Hunderte"] == (200.0, "at_least", "distance")  # "der Hunderte von Kilometern entfernt lebt"
    assert _by_text("Das dauerte Hunderte von Jahren.") == {}  # a duration stays the times layer's
    assert _by_text("Tausende von Menschen flohen.")["Tausende"].category == "displaced"
