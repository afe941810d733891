"""Number formats, units, durations, names and years of the count rules (round 7).

Real sentences come from the round-7 gold rows (UD German PUD / GSD, CC BY-SA, and SmartData, CC BY 4.0; read from
the gold files by id, so no text is copied here) and from GermEval 2014 (CC BY 4.0); the variants are our own
sentences on the same pattern.
"""

from __future__ import annotations

import functools

from test_quantities import _by_text

from lagebild.evaluation.counts import load_gold


@functools.lru_cache(maxsize=3)
def _rows(name: str) -> dict[str, str]:
    return {r["id"]: r["text"] for r in load_gold(None, f"gold/counts_de_{name}.jsonl")}


def _gold_text(row_id: str) -> str:
    return _rows({"P": "pud", "U": "gsd", "S": "smartdata"}[row_id[0]])[row_id]


def test_quantities_currency_codes_and_feet_after_a_number():
    qs = _by_text(_gold_text("Pb011"))  # "... 2 Mrd. GBP bzw. 1,4 Mrd. GBP ..."
    assert {(q.text, q.category) for q in qs.values()} == {("2 Mrd. GBP", "money"), ("1,4 Mrd. GBP", "money")}
    q = _by_text(_gold_text("Pb006"))["328 Fuß"]
    assert (q.value, q.category) == (328.0, "distance")
    assert _by_text("Sie setzte einen Fuß auf die Treppe.") == {}  # "einen Fuß" is no length
    assert _by_text("Er ließ 15 Eurocent als Trinkgeld liegen.")["15 Eurocent"].category == "money"
    assert _by_text("Um die 600 Gulden muss man schon investieren.")["Um die 600 Gulden"].category == "money"


def test_quantities_price_with_spaced_dash_before_the_currency():
    q = _by_text(_gold_text("Ud008"))["ca. 10, -- EUR"]
    assert (q.value, q.qualifier, q.category) == (10.0, "about", "money")


def test_quantities_durations_with_an_adjective_or_von_or_written_apart():
    for row_id in ("Ua035", "Ub024", "Pa024", "Ub016", "Ua019"):
        # "drei freie Tage", "zwei Nächte", "tausende von Jahren", "4 stündigen", "38 statt bisher 36 Stunden"
        assert _by_text(_gold_text(row_id)) == {}, row_id
    assert set(_by_text(_gold_text("Ub009"))) == {"die Hälfte"}  # "6 zusätzliche Tage" is a duration
    # a unit that is not a time unit keeps the count
    assert _by_text("Die Gruppe brauchte drei weitere Kilometer bis zum Lager.")["drei"].value == 3.0
    assert _by_text("Tausende von Menschen flohen.")["Tausende"].category == "displaced"


def test_quantities_names_after_a_title_and_postcodes():
    assert _by_text(_gold_text("Ub038")) == {}  # "bei Herrn Dr. Sieben in Behandlung"
    assert "88299" not in _by_text(_gold_text("Ub015"))  # "Str. 9, 88299 Leutkirch"
    assert _by_text(_gold_text("Uc011")) == {}  # "das Verfahren 527-1 / 95"
    assert _by_text(_gold_text("Uc031")) == {}  # "der Schnellzug D 1273 von Köln"
    # a five-digit count after a comma without a house number stays a count
    assert _by_text("Es kamen 300 Gäste, 12000 Besucher sahen zu.")["12000"].value == 12000.0


def test_quantities_years_before_1400():
    assert _by_text(_gold_text("Pc032")) == {}  # "bis 352 hatte er"
    assert _by_text(_gold_text("Pc035")) == {}  # "(herrschte 830 - 846)"
    assert _by_text(_gold_text("Pd031")) == {}  # "um 512 - 511 v. Chr."
    # GermEval 2014 (CC BY 4.0), the round-6 weak spot
    assert _by_text("Magnus I. der Gute vertrieb 1035 Hardeknuts Halbbruder Sven aus Norwegen.") == {}
    assert _by_text(_gold_text("Ua000"))["1000"].value == 1000.0  # "Die ersten 1000 Bäume"
    assert _by_text("Auf dem Lastwagen lagen 1355 Autoreifen.")["1355"].value == 1355.0


def test_quantities_ranges_and_qualifiers_round7():
    q = _by_text(_gold_text("Pa000"))["zwischen 3 Millionen und über 10 Millionen"]
    assert (q.value, q.value_max, q.qualifier, q.category) == (3e6, 1e7, None, "civilians")
    q = _by_text(_gold_text("Ud037"))["zwischen etwa 150 000 und 225 000 Mark"]
    assert (q.value, q.value_max, q.qualifier) == (150000.0, 225000.0, "about")
    q = _by_text(_gold_text("Ub026"))["mehr als der Hälfte"]
    assert (q.value, q.qualifier, q.category) == (0.5, "more_than", "countries")
    q = _by_text(_gold_text("Pb031"))["mehrere zehn Milliarden Euro"]
    assert (q.value, q.qualifier) == (2e10, "at_least")
    assert "zehn" in _by_text("Es kamen mehrere zehn Besucher.")  # no multiplier: "mehrere" stays apart


def test_quantities_age_set_off_by_commas_after_mittlerweile():
    assert _by_text(_gold_text("Pd005")) == {}


def test_quantities_spaced_thousands_with_decimals_and_small_units():
    qs = _by_text(_gold_text("Sf029"))  # "... auf 19 283,77 Punkte ..."
    assert qs["19 283,77 Punkte"].value == 19283.77 and "19" not in qs
    q = _by_text(_gold_text("Sf035"))["50 Mikrogramm"]
    assert (q.value, q.category) == (50.0, "weight")


def test_quantities_phone_after_area_code_and_index_name():
    assert _by_text(_gold_text("Sf006")) == {}  # "unter der Telefonnummer 05443/2872"
    assert "500" not in _by_text(_gold_text("Se009"))  # "( S&P 500 )"


def test_quantities_percent_is_shared_only_across_a_linking_word():
    q = _by_text(_gold_text("Sf027"))["6.800"]  # "mit 6.800 rund 30 Prozent der Stellen"
    assert q.category != "percent"
    assert _by_text(_gold_text("Se037"))["48,9 Millionen"].category != "percent"  # "um drei Prozent auf 48,9 Millionen"
    qs = _by_text("Die Preise stiegen um 60 beziehungsweise 46 Prozent.")
    assert (qs["60"].category, qs["46 Prozent"].category) == ("percent", "percent")
    qs = _by_text("Die Mieten stiegen um 3 bis 5 Prozent, die Löhne um 2 oder 3 Prozent.")
    assert all(q.category == "percent" for q in qs.values())


def test_quantities_bare_amount_in_a_money_sentence_is_money():
    q = _by_text(_gold_text("Ue010"))["5,2 Milliarden"]  # "Mittelzufluß von per saldo 5,2 Milliarden"
    assert q.category == "money"
    assert _by_text("Die Stadt sitzt inzwischen auf Schulden von rund zwei Milliarden.")["rund zwei Milliarden"].category == "money"
    # no money word: the amount keeps no class; a sentence with a currency amount keeps the rules for those
    assert _by_text("Die Stadt zählt inzwischen 1,2 Millionen.")["1,2 Millionen"].category is None


def test_quantities_spaced_compound_modifier_and_how_often_with_an_adjective():
    assert _by_text(_gold_text("Ue029")) == {}  # "von 3 - Sterne - Häusern"
    assert _by_text(_gold_text("Pe015")) == {}  # "zwei weitere Male wiedergewählt"
    assert _by_text("Sie gewann zwei weitere Medaillen.")["zwei"].value == 2.0
