"""Count rules found on fresh people sentences in round 10: the 10kGNAD batches ``Da``-``Dh`` (derStandard news).

10kGNAD is CC BY-NC-SA, so its text is never committed: the sentences here are our own, written after the pattern
of the batch sentence that showed the rule (its id is named). ``test_quantities_round10_rows_with_data`` scores the
stand-off rows themselves where the data folder is present.
"""

from __future__ import annotations

from test_quantities import _by_text


def _q(text: str) -> dict[str, tuple[float, str | None, str | None]]:
    return {k: (q.value, q.qualifier, q.category) for k, q in _by_text(text).items()}  # type: ignore[attr-defined]


def test_quantities_inflected_some_words_before_a_multiplier():  # Db010 "mehreren Dutzend Beamten"
    assert _q("Die Polizei war mit mehreren Dutzend Beamten vor Ort.")["mehreren Dutzend"] == (24.0, "at_least", "police")
    assert _q("Nach einigen hundert Metern endete die Spur.")["einigen hundert Metern"] == (200.0, "at_least", "distance")
    assert _q("Mehrere Dutzend Menschen warteten.")["Mehrere Dutzend"] == (24.0, "at_least", "people")  # unchanged


def test_quantities_people_housed_in_a_shelter_are_displaced():  # Da019, Db003, Db028
    assert _q("Im Turnsaal sollen weitere 80 Personen unterkommen.")["80"][2] == "displaced"
    assert _q("Jedes Zelt bietet zwölf Personen Unterkunft.")["zwölf"][2] == "displaced"
    assert _q("Das Zentrum sorgt für Unterkunft und Verpflegung von etwa 500 Personen.")["etwa 500"][2] == "displaced"
    # waiting it out is no shelter ("ausharren" was tried and dropped: stranded travellers, GSD Uf025)
    assert _q("Mehrere Tausend mussten auf freier Strecke ausharren.")["Mehrere Tausend"][2] != "displaced"


def test_quantities_envoys_are_people():  # Da039 "die drei ... entsandten Emissäre"
    assert _q("Die drei vom König entsandten Emissäre kehrten zurück.")["drei"][2] == "people"
    assert _q("Zwei Gesandte des Papstes trafen ein.")["Zwei"][2] == "people"


def test_quantities_fund_and_payment_sentences_are_about_money():  # Db039 "500 Millionen für den ... Fonds"
    assert _q("Österreich will sich mit 11,5 Millionen am Fonds beteiligen.")["11,5 Millionen"][2] == "money"
    assert _q("Als Zuschuss wurden zwei Millionen zugesagt.")["zwei Millionen"][2] == "money"
    assert _q("Zwei Millionen sahen das Finale.")["Zwei Millionen"][2] != "money"  # no money word


def test_quantities_spaced_phone_number_groups_are_no_counts():  # Dc012 "unter der Rufnummer 0… .. ...."
    assert _q("Hinweise werden unter der Rufnummer 0316 88 4000 erbeten.") == {}
    assert _q("Die Zahl stieg von 0 auf 25 Personen.")["25"][0] == 25.0  # a lone zero is no area code


def test_quantities_um_governed_by_a_verb_early_in_a_long_clause():  # Dd026 "rangen am Montag mit ... um die 30 Kilometer"
    q = _q("Die Truppen rangen am Dienstag gemeinsam mit den von Norden her aus der Luft unterstützten verbündeten Milizen um die "
           "20 Kilometer entfernte Stadt.")
    assert q["20 Kilometer"] == (20.0, None, "distance")
    assert _q("Bis zur Grenze sind es um die 20 Kilometer.")["um die 20 Kilometer"][1] == "about"
    # the verb of an earlier clause does not govern it
    assert _q("Sie rangen lange, dann liefen sie um die 20 Kilometer.")["um die 20 Kilometer"][1] == "about"


def test_quantities_people_in_tents_are_displaced():  # Dc010 "an die 1.000 Personen in Zelten untergebracht"
    assert _q("Derzeit sind 300 Personen in Zelten untergebracht.")["300"][2] == "displaced"
    assert _q("Derzeit sind 300 Flüchtlinge in Zelten untergebracht.")["300"][2] == "refugees"  # the class wins


def test_quantities_an_outcome_verb_before_a_verb_of_intent_is_no_outcome():  # De005 "... Menschen töten wollen"
    assert _q("Der Täter habe mehr als 100 Menschen töten wollen.")["mehr als 100"][2] == "people"
    assert _q("Bei dem Anschlag wurden mehr als 100 Menschen getötet.")["mehr als 100"][2] == "killed"


def test_quantities_a_count_in_its_own_prepositional_phrase_does_not_lend_its_noun():  # Df017
    q = _q("Rund 3.000 arbeiten in den rund 220 Filialen.")
    assert q["rund 220"][2] == "buildings" and q["Rund 3.000"][2] != "buildings"
    assert _q("Die Zahl stieg von zwölf auf 20 Mitglieder.")["zwölf"][2] == "members"  # still shared


def test_quantities_a_change_between_two_ages_is_no_count():  # De007 "von 60 auf die 65 Jahre der Männer"
    assert _q("Das Pensionsalter soll von 60 auf die 65 Jahre steigen.") == {}


def test_quantities_postdocs_are_people():  # De023 "15 bis 30 Post-Docs und PhD-Studenten"
    assert _q("Das Institut beschäftigt 15 bis 30 Post-Docs.")["15 bis 30"] == (15.0, None, "people")


def test_quantities_a_number_glued_to_a_capital_letter_is_a_name():  # Dh027 "Ohne 5G"
    assert _q("Ohne 5G, sagte der Manager, gehe nichts.") == {}
    assert _q("Das Netz schafft 5 G an Beschleunigung.")["5"][0] == 5.0  # written apart it is still a number


def test_quantities_over_or_under_a_number_after_a_person_noun_is_an_age():  # Dg025 "Mitarbeitern über 55"
    assert _q("Die Quote für Mitarbeiter über 55 soll steigen.") == {}
    assert _q("Die Regel gilt für Kinder unter 14.") == {}
    assert _q("Bisher gab es über 55 Festnahmen.")["über 55"][1] == "more_than"  # no person noun before
    assert "über 50" in _q("Die Zahl der Toten stieg auf über 50.")  # an outcome noun keeps the count


def test_quantities_a_number_after_a_day_is_no_name():  # Di002 "am Wochenende 33 illegal eingereiste Menschen"
    q = _q("Dort sind am Wochenende 33 illegal eingereiste Menschen aufgegriffen worden.")
    assert q["33"] == (33.0, None, "arrested")  # "aufgegriffen": apprehended
    assert _q("Am Montag 40 neue Fälle.")["40"][0] == 40.0
    assert _q("Der Bahnhof Stuttgart 21 ist teuer.") == {}  # a name with a number stays a name


def test_quantities_a_verb_of_intent_earlier_in_the_clause():  # Di007 "wollte ... mehr als 100 Menschen töten"
    assert _q("Der Mann wollte offenbar mehr als 100 Menschen töten.")["mehr als 100"][2] == "people"
    assert _q("Er wollte fliehen, als 100 Menschen getötet wurden.")["100"][2] == "killed"  # another clause


def test_quantities_ein_paar_before_a_multiplier():  # Dj034 "ein paar Hundert Euro"
    q = _by_text("Sie erhalten nur ein paar Hundert Euro im Monat.")
    (text, amount), = q.items()
    assert (amount.value, amount.qualifier, amount.category) == (200.0, "at_least", "money")  # type: ignore[attr-defined]
    assert "Hundert" in text


def test_quantities_newcomers_and_pros_are_people():  # Dj029 "6.000 Neuankömmlinge", Dj036 "drei ... Profis"
    assert _q("Am Sonntag kamen 6.000 Neuankömmlinge.")["6.000"][2] == "people"
    assert _q("Drei ehemalige Profis stehen im Kader.")["Drei"][2] == "people"


def test_quantities_kmh_builds_tie_breaks_and_strikes():  # Dk035, Dl036, Dl035, Dk021
    assert _q("Der Wagen fuhr mit rund 100 kmh durch die Stadt.")["rund 100 kmh"] == (100.0, "about", "speed")
    assert _q("Build 10572 bringt neue Funktionen.") == {}
    assert _q("Sie gewann 7:6 (4), 6:2.") == {}
    assert _q("Die Gruppe (25 Personen) reiste ab.")["25"][0] == 25.0  # a bracketed count without a score before it
    assert _q("Mehr als 2.000 Beschäftigte sind im Ausstand.")["Mehr als 2.000"][2] == "protesters"
