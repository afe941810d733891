"""Count rules found in round 11, a precision audit on sentences where the extractor fired (batches ``Xa``-``Xh``:
10kGNAD, German Wikinews dev pages, GermEval 2014 news).

10kGNAD is CC BY-NC-SA, so its text is never committed: the sentences here are our own, written after the pattern
of the batch sentence that showed the rule (its id is named). ``test_quantities_round11_rows`` scores the gold rows
themselves (the 10kGNAD ones only where the data folder is present).
"""

from __future__ import annotations

from test_quantities import _by_text


def _q(text: str) -> dict[str, tuple[float, str | None, str | None]]:
    return {k: (q.value, q.qualifier, q.category) for k, q in _by_text(text).items()}  # type: ignore[attr-defined]


def test_quantities_eins_zu_eins_is_an_idiom():  # Xa024 (GermEval) "nicht eins zu eins ... ummünzen"
    assert _q("Die Regeln lassen sich nicht eins zu eins auf Österreich übertragen.") == {}
    assert _q("Anleger nehmen eins zu eins an steigenden Kursen teil.") == {}
    assert _q("Es kostet eins zu 100 Euro.") != {}  # only "eins zu eins"


def test_quantities_zu_null_is_a_shut_out():  # Xa021 (GermEval) "Zu Null bringt er seinen Aufschlag durch"
    assert _q("Zu Null bringt sie ihren Aufschlag durch.") == {}
    assert _q("Die Mannschaft gewann zu null.") == {}
    assert "null" in _q("Die Kosten liegen bei null.")  # "bei null" is still a value


def test_quantities_spaced_dash_after_a_product_number():  # Xa008 "ähnelt ... einem Nexus 5 – natürlich ..."
    assert _q("Das Display ähnelt einem Nexus 5 – natürlich mit besserem Schwarzwert.") == {}
    assert _q("Das Display ähnelt einem Nexus 5 natürlich.") == {}  # unchanged without the dash
    assert _q("Die Zahl stieg auf 5 – ein Rekord.")["5"][0] == 5.0  # no capitalised word before: still a count


def test_quantities_km_h_before_a_full_stop_is_a_speed():  # Xb011 "... bzw. 1.080 km/h. In Konkurrenz ..."
    q = _q("Der Zug soll 1.080 km/h. Das wäre ein Rekord.")
    assert [v for v in q.values()] == [(1080.0, None, "speed")]


def test_quantities_bis_after_an_amount_ends_a_range():  # Xa027 (GermEval) "von 30 Cent bis 1 Euro"
    q = _q("Die Behörde nennt einen Betrag von 30 Cent bis 1 Euro.")
    assert q["30 Cent"] == (30.0, None, "money") and q["1 Euro"] == (1.0, None, "money")
    assert _q("Die Strafe beträgt bis 500 Euro.")["bis 500 Euro"] == (500.0, "up_to", "money")  # unchanged


def test_quantities_mandatare_are_people():  # Xb008 "einem Piraten und zwei SPÖ-Mandataren"
    assert _q("Mit den Stimmen von zwei SPÖ-Mandataren hätte es gereicht.")["zwei"][2] == "people"


def test_quantities_earnings_words_make_a_bare_amount_money():  # Xc027 (GermEval) "er verdiene rund eine Million"
    assert _q("Er gab an, er verdiene rund eine Million im Jahr.")["rund eine Million"] == (1e6, "about", "money")
    assert _q("Ihr Honorar soll bei zwei Millionen liegen.")["zwei Millionen"][2] == "money"
    assert _q("Zwei Millionen sahen das Finale.")["Zwei Millionen"][2] != "money"  # no money word


def test_quantities_a_numbered_reason_is_no_count():  # Xd013 (Wikinews) "Grund drei für die Tattoowelle ... ist"
    assert _q("Grund drei für die Beliebtheit ist der Preis.") == {}
    assert _q("Es gibt drei Gründe für die Beliebtheit.")["drei"][0] == 3.0  # counted reasons stay counts


def test_quantities_a_target_age_group_is_no_count():  # Xe022 "In der jungen Zielgruppe (14 bis 49) sei ..."
    q = _q("In der werberelevanten Zielgruppe (14 bis 49) lag der Marktanteil bei 12 Prozent.")
    assert list(q) == ["12 Prozent"]
    assert list(_q("In der Zielgruppe (14-49) sahen 1,2 Millionen zu.")) == ["1,2 Millionen"]


def test_quantities_mit_n_before_a_verb_and_its_subject_is_an_age():  # Xg000 "Mit 14 gründete er seine erste Band."
    assert _q("Mit 14 gründete er seine erste Band.") == {}
    assert _q("Mit 13 fing sie an, Judo zu trainieren.") == {}
    assert _q("Mit 14 neuen Spielern reiste das Team an.")["14"][0] == 14.0  # a count of players stays


def test_quantities_eins_after_a_noun_numbers_it():  # Xg004 "Teil eins findet am Donnerstag ... statt."
    assert _q("Teil eins findet am Donnerstag in Sevilla statt.") == {}
    assert _q("Die Sendung läuft in ORF eins.") == {}
    assert "eins" in _q("Die Quote stieg um eins auf zwölf Prozent.")  # no noun before: still a count


def test_quantities_a_compass_position_is_no_angle():  # Xh018 (Wikinews) "ASTRA 1H 19,2 ° Ost", "Transponder 101"
    assert _q("Der Kanal ist auf Transponder 101 des Satelliten ASTRA 1H 19,2 ° Ost zu empfangen.") == {}
    assert _q("Der Hang ist 35 ° steil.")["35 °"][0] == 35.0  # a measured angle stays a count


def test_quantities_halben_dutzend_after_any_article():  # Xg005 "aus dem verbliebenen halben Dutzend Vorschlägen"
    assert _q("Die Jury wählt aus dem verbliebenen halben Dutzend Entwürfen.")["halben Dutzend"][0] == 6.0
    assert _q("Es kamen eine halbe Million Menschen.")["eine halbe Million"][0] == 500000.0  # unchanged
    assert _q("Die halbe Stadt war auf den Beinen.") == {}


def test_quantities_pavilions_and_insured_persons_have_a_class():  # Xh026 "drei der sechs Pavillons", Xf018
    q = _q("Sie verkaufte drei der sechs Pavillons auf dem Areal.")
    assert q["drei"][2] == "buildings" and q["sechs"][2] == "buildings"
    assert _q("Es ging um Daten von rund 200.000 chronisch kranken Versicherten.")["rund 200.000"][2] == "people"


def test_quantities_a_second_time_gap_shares_the_unit():  # Xh001 "0,30 Sekunden vor Jansrud und 0,70 vor Fayed"
    assert _q("Er setzte sich 0,30 Sekunden vor Jansrud und 0,70 vor Fayed durch.") == {}
    assert "5" in _q("Er lag 3 Meter vor Jansrud und 5 vor Fayed.")  # no time unit: not this rule


def test_quantities_bzw_restating_an_amount_in_another_unit_shares_its_qualifier():  # Xb011 "über 300 Metern pro
    q = _q("Man will ein Tempo von über 300 Metern pro Sekunde bzw. 1.080 km/h erreichen.")  # Sekunde bzw. 1.080 km/h"
    assert q["1.080 km/h"] == (1080.0, "more_than", "speed")
    assert _q("Es kostet mehr als 300 Dollar bzw. 280 Euro.")["280 Euro"][1] == "more_than"
    assert _q("Die Preise stiegen um mehr als 5 Prozent bzw. 10 Prozent.")["10 Prozent"][1] is None  # same unit: another value


def test_quantities_gutes_dutzend_is_more_than_twelve():  # Xi028 "hat ein gutes Dutzend Alben veröffentlicht"
    assert _q("Sie hat ein gutes Dutzend Alben veröffentlicht.")["gutes Dutzend"] == (12, "more_than", None)
    assert _q("Er sendet auf einem guten Dutzend Lizenzen.")["guten Dutzend"][1] == "more_than"  # unchanged


def test_quantities_davon_after_a_sentence_length_shares_its_unit():  # Xj011 "zu 24 Monaten, davon 16 auf Bewährung"
    assert _q("Er wurde zu 24 Monaten, davon 16 auf Bewährung, verurteilt.") == {}
    assert _q("Nach 24 Monaten zählte man 300 Fälle, davon 16 Kinder.")["16"][0] == 16.0  # a noun: still a count


def test_quantities_numbered_lines_developers_and_astronauts():  # Xj018 "Straßenbahnlinien 5 und O", Xj007, Xj017
    assert _q("Gesperrt wurden die Straßenbahnlinien 5 und O.") == {}
    assert _q("An dem Spiel arbeiten neun Entwickler.")["neun"][2] == "people"
    assert _q("Mit ihr sollen sieben Astronauten zur Raumstation fliegen.")["sieben"][2] == "crew"
