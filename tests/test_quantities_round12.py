"""Count rules found in round 12 (batches ``Xk``, ``Xl``: German Wikinews dev-page sentences of the frozen round-11
pool where the extractor fired).

The sentences are our own, written after the pattern of the Wikinews sentence that showed the rule (its id is
named; the gold rows with the original text are in ``gold/counts_de_round11.jsonl``).
"""

from __future__ import annotations

from test_quantities import _by_text


def _q(text: str) -> dict[str, tuple[float, str | None, str | None]]:
    return {k: (q.value, q.qualifier, q.category) for k, q in _by_text(text).items()}  # type: ignore[attr-defined]


def test_quantities_tankstellen_are_places_not_jobs():  # Xl008 "Die Anzahl der Autogastankstellen ... auf über 800"
    assert _q("Die Zahl der Erdgastankstellen in Bayern ist auf über 300 gestiegen.")["über 300"][2] is None
    assert _q("Die Zahl der Haltestellen wuchs auf 120.")["120"][2] is None
    assert _q("Die Firma streicht 300 Stellen.")["300"][2] == "jobs"  # plain "Stellen" stay jobs


def test_quantities_power_per_area_is_a_density():  # Xk023, Xl007 "mit weniger als 15 kW / km² bzw. 0,015 MW / km²"
    assert _q("Thüringen kommt auf 0,12 MW / km².") == {"0,12 MW / km²": (0.12, None, None)}
    assert _q("Im Norden sind es 40 Kilowatt pro Quadratkilometer.")["40 Kilowatt pro Quadratkilometer"][2] is None
    assert _q("Die Turbine leistet 3 MW.")["3 MW"][2] == "power"  # no area: still power


def test_quantities_numbered_reactors_are_labels():  # Xk001 "die sich noch in den Reaktoren 5 und 6 befinden"
    assert _q("Das Wasser steht noch in den Reaktoren 2 und 3 des Kraftwerks.") == {}
    assert _q("Im Block 4 brach ein Feuer aus.") == {}
    assert _q("Das Kraftwerk hat drei Reaktoren.")["drei"][0] == 3.0  # a count before the noun stays


def test_quantities_coordinators_are_people():  # Xk015 "Einem Schiedsrichter und zwei Schiedsrichter-Koordinatoren"
    assert _q("Zwei Koordinatoren und drei Moderatoren wurden entlassen.")["Zwei"][2] == "people"
    assert _q("Den beiden Liga-Koordinatoren und vier Organisatoren droht eine Sperre.")["vier"][2] == "people"


def test_quantities_capitalised_adjective_before_an_organisation():  # Xm010 "40 Kräfte des Technischen Hilfswerks"
    assert _q("Rund 60 Kräfte des Technischen Hilfswerks halfen beim Löschen.")["Rund 60"][2] == "rescuers"
    assert _q("Acht Soldaten der Libanesischen Armee kamen ums Leben.")["Acht"][2] == "soldiers"
    assert _q("Rund 40 Kräfte der Vereinten Nationen halfen.")["Rund 40"][2] == "people"  # no organisation class


def test_quantities_minuspunkte_are_points():  # Xm004 "... absteigen und je 15 Minuspunkte erhalten"
    assert _q("Der Verein soll acht Minuspunkte erhalten.")["acht"][2] == "points"
    assert _q("Die Mannschaft startet mit sechs Strafpunkten.")["sechs"][2] == "points"


def test_quantities_unit_with_the_sentence_full_stop_glued():  # Xn001 "misst das Gerät 123 × 65 × 9,8 mm und wiegt 165 g."
    assert _q("Das Telefon misst 7,9 mm und wiegt 140 g.") == {"7,9 mm": (7.9, None, "distance"), "140 g": (140.0, None, "weight")}
    assert _q("Der Mast ist 120 m.") == {"120 m": (120.0, None, "distance")}
    assert _q("Es waren 300 Mio.")["300 Mio."][0] == 300_000_000  # a multiplier keeps its dot


def test_quantities_payers_are_people():  # Xn006 "wovon fast die Hälfte säumige Versicherungszahler waren"
    assert _q("Davon war fast die Hälfte säumige Beitragszahler.")["fast die Hälfte"] == (0.5, "almost", "people")
    assert _q("Drei Steuerzahler klagten gegen den Bescheid.")["Drei"][2] == "people"
    assert _q("Die Mannschaft holte zwölf Zähler.")["zwölf Zähler"][2] == "points"  # "Zähler" stay points


def test_quantities_businesses_in_ereien_are_not_people():  # Xo016 "Insgesamt fünf Druckereien ... betroffen"
    assert _q("Insgesamt vier Druckereien in Bayern sind von der Schließung betroffen.")["vier"][2] is None
    assert _q("Drei Brauereien wurden geschlossen.")["Drei"][2] is None
    assert _q("Vier Menschen sind von der Schließung betroffen.")["Vier"][2] == "affected"  # people still are


def test_quantities_a_share_of_a_sum_is_money():  # Xp010 "Fast ein Zehntel der Summe entfällt auf die ... Tochter"
    assert _q("Fast ein Drittel der Summe geht an die Tochterfirma.")["Fast ein Drittel"][1:] == ("almost", "money")
    assert _q("Die Hälfte des Betrags wird erstattet.")["Die Hälfte"][2] == "money"



def test_quantities_age_after_a_double_surname():  # Xq024 "... Gudrun Mosler-Törnström (59) wird wohl ... bleiben"
    assert _q("Die Landesrätin Anna Huber-Moser (47) tritt zurück.") == {}
    assert _q("Platz zwei ging an Nordrhein-Westfalen (59) vor Bayern.")["59"][0] == 59.0  # a region: still a count


def test_quantities_console_numbers_are_labels():  # Xq012 "ist ab 12 Jahren für Playstation 4 und Xbox One erschienen"
    assert _q("Das Spiel erscheint für Playstation 5 und Xbox.") == {}
    assert _q("Sie kaufte vier Playstation-Konsolen.")["vier"][0] == 4.0  # a count before the name stays
