"""Count rules found in round 13 (batches ``Ya``, ``Yb``, ...: German Wikinews and 10kGNAD sentences of the frozen
round-13 pool, where the extractor of the round's start predicted a count of people or a GKG type).

Wikinews text is CC BY 2.5 (the gold rows with the original sentence are in ``gold/counts_de_round13.jsonl``); the
10kGNAD text is CC BY-NC-SA, so for those rules the sentences are our own, written in the same construction. Every
test here fails on the round's start code (0fedaf7).
"""

from __future__ import annotations

from test_quantities import _by_text


def _q(text: str) -> dict[str, tuple[float, str | None, str | None, str | None]]:
    return {k: (q.value, q.qualifier, q.category, q.gkg_type)  # type: ignore[attr-defined]
            for k, q in _by_text(text).items()}


def test_quantities_coordinated_counts_with_own_adjectives_share_the_noun():  # Ya025 (10kGNAD, own sentences)
    q = _q("Der Versorger hat 1,5 Millionen Kunden und beliefert etwa 120.000 gewerbliche und 3.000 landwirtschaftliche "
           "Betriebe mit Strom.")
    assert q["etwa 120.000"] == (120000.0, "about", None, None)  # not the people of "Kunden" before it
    q = _q("Am Turnier nahmen 30 deutsche und 40 französische Soldaten teil.")
    assert q["30"][2] == "soldiers"
    # a participle of a fate is no shared adjective: each count keeps its own fate
    q = _q("Nach dem Angriff zählte man zehn getötete und 20 verletzte Soldaten.")
    assert q["zehn"][3] == "KILL" and q["20"][3] == "WOUND"


def test_quantities_massacre_of_victims_after_a_genitive_doer():
    # Ya006 (Wikinews 2010): "wo während des 2. Weltkriegs ein Massaker der sowjetischen Armee an 22.000 Polen verübt
    # worden war"
    q = _q("In Katyn wurde während des 2. Weltkriegs ein Massaker der sowjetischen Armee an 22.000 Polen verübt.")
    assert q["22.000"][2:] == ("killed", "KILL")
    assert _q("Das Massaker an 300 Dorfbewohnern wird untersucht.")["300"][2:] == ("killed", "KILL")
    # "von" after a genitive stays out: the mother died, not the children
    assert _q("Nach dem Tod der Mutter von drei Kindern kam die Polizei.")["drei"][3] is None
    assert _q("Der Bericht der Kommission an 27 Staaten liegt vor.")["27"][3] is None  # no harmful action


def test_quantities_people_in_a_coma_are_injured():  # Ya008 (Wikinews): "Der Mann und zwei seiner Töchter liegen ... Koma."
    assert _q("Der Mann und zwei seiner Töchter liegen derzeit in einem künstlichen Koma.")["zwei"][2:] == (
        "children", "WOUND")
    assert _q("Drei Menschen liegen nach dem Unfall im Koma.")["Drei"][2:] == ("injured", "WOUND")


def test_quantities_animals_and_things_take_no_fate():  # Yb024, Yb020 (10kGNAD, own sentences)
    q = _q("Ein vergifteter Kadaver tötete damals 400 Geier.")
    assert q["400"][2:] == (None, None)  # animals: no class, no outcome (guideline, round 4)
    q = _q("Etwa 200 der von dem Stromausfall betroffenen Kläranlagen liefen weiter.")
    assert q["Etwa 200"][2:] == (None, None)  # a thing "betroffen" is not an affected person
    assert _q("Der Anschlag tötete 400 Menschen.")["400"][2:] == ("killed", "KILL")
    assert _q("Zwei Rennradler wurden verletzt.")["Zwei"][2:] == ("injured", "WOUND")  # no "Adler" head


def test_quantities_experts_and_party_members_are_people():  # Yb010 (Wikinews), Yb016 (10kGNAD)
    q = _q("Im Laufe des Verfahrens sagten 62 Zeugen und 17 Sachverständige vor Gericht aus.")
    assert q["17"][2] == "people"
    assert _q("Im Landtag sitzen drei Grüne und zwei Liberale.")["drei"][2] == "people"


def test_quantities_taking_to_the_streets_in_the_plural_is_a_protest():  # Yb017 (10kGNAD, own sentence)
    q = _q("Zehntausende gingen seit Mai auf die Straßen und forderten Neuwahlen.")
    assert q["Zehntausende"][2:] == ("protesters", "PROTEST")


def test_quantities_a_number_after_jahr_is_a_year():  # Yc002 (Wikinews): "wird ab dem Jahr 2008 Touristen ... befördern"
    assert _q("Dieses Unternehmen wird ab dem Jahr 2008 Touristen in eine suborbitale Umlaufbahn befördern.") == {}
    assert _q("Im Jahr 2015 kamen 2000 Menschen.") == {"2000": (2000.0, None, "people", None)}
    assert "2000" in _q("Zum Fest kamen 2000 Touristen.")  # no "Jahr": a count before a people noun


def test_quantities_unter_after_the_only_one_means_among():
    # Yc012 (Wikinews): "wuchs als einziges Mädchen unter sechs Geschwistern ... auf"
    q = _q("Die alte Frau wuchs als einziges Mädchen unter sechs Geschwistern in Landsberg auf.")
    assert q["sechs"] == (6.0, None, "people", None)
    assert _q("Sie war die einzige Frau unter 20 Bewerbern.")["20"][1] is None
    assert _q("Die Miete liegt unter 500 Euro.")["unter 500 Euro"][1] == "less_than"


def test_quantities_going_on_strike_is_a_protest():
    # Yc005 (Wikinews): "seien einige hundert Studenten in einen Sitzstreik getreten"
    q = _q("In Lanzhou seien einige hundert Studenten in einen Sitzstreik getreten.")
    assert q["einige hundert"] == (200.0, "at_least", "students", "PROTEST")
    assert _q("Gestern sind 300 Arbeiter in den Hungerstreik getreten.")["300"][3] == "PROTEST"
    assert _q("Der Streik kostete 300 Euro pro Tag.")["300 Euro"][3] is None  # no "treten": no cue


def test_quantities_a_number_after_seit_or_im_is_a_year():  # Yd024 (10kGNAD, own sentence)
    assert _q("Er ist seit 2004 Mitglied der Regierung und seit 2009 Bürgermeister.") == {}
    assert _q("Im 2012 eröffneten Werk arbeiten 300 Menschen.")["300"][2] == "people"
    assert _q("Seit Montag kamen 2000 Menschen.")["2000"][2] == "people"  # "seit" not right before the number


def test_quantities_ball_losses_are_no_casualties():  # Yd021 (10kGNAD, own sentence)
    assert _q("Drei Ballverluste musste die Mannschaft hinnehmen.")["Drei"][2:] == (None, None)
    assert _q("Die Armee meldete schwere Verluste: 300 Soldaten fielen.")["300"][2:] == ("soldiers", "KILL")


def test_quantities_a_part_of_a_whole_of_things_takes_no_people_outcome():  # Ye019 (10kGNAD, own sentence)
    q = _q("Die Fluglinie strich 500 von 2.000 Flügen, auch Verbindungen nach Rom waren betroffen.")
    assert q["500"][2:] == (None, None)  # "von": the part is of the flights, not people "betroffen"
    assert _q("Zwei von drei Kindern wurden verletzt.")["Zwei"][2:] == ("children", "WOUND")


def test_quantities_ship_officers_are_crew():  # Ye025 (10kGNAD, own sentence)
    assert _q("Zwei Schiffsoffiziere wurden verurteilt.")["Zwei"][2] == "crew"
    assert _q("Zwei Offiziere wurden verurteilt.")["Zwei"][2] == "soldiers"


def test_quantities_operating_system_versions_are_labels():  # Ye015 (10kGNAD, own sentence)
    assert _q("Schon unter iOS 9 und 10 klagten Nutzer über den Akku.") == {}
    assert _q("Auf Android 6 laufen 30 Prozent der Geräte.") == {"30 Prozent": (30.0, None, "percent", None)}


def test_quantities_minors_named_by_their_age_are_children():  # Yf016 (10kGNAD, own sentences)
    assert _q("Unter den Festgenommenen sind auch zwei 16-Jährige.")["zwei"][2] == "children"
    assert _q("Es kamen drei 25-Jährige.")["drei"][2] == "people"  # adults stay people


def test_quantities_a_year_before_a_liberation_or_destruction_participle():  # Yf006 (10kGNAD, own sentence)
    assert _q("Die Zeitschrift beleidigte die 1945 befreiten Häftlinge.") == {}
    assert _q("Die 1944 zerstörte Kirche hatte 300 Plätze.") == {"300": (300.0, None, None, None)}


def test_quantities_an_amount_before_teuer_is_money():  # Yf011 (10kGNAD, own sentences)
    q = _q("Der 1,5 bis 2 Millionen teure Neubau steht frühestens im Herbst.")
    assert q["1,5 bis 2 Millionen"][2] == "money"
    assert _q("Zehn teure Geräte wurden gestohlen.")["Zehn"][2] is None  # no multiplier: a count of things


def test_quantities_a_cue_right_after_a_count_is_that_counts_attribute():  # Yf011 (10kGNAD, own sentences)
    q = _q("Zuerst muss man mit 18 Eigentümern von 71 betroffenen Grundstücken reden.")
    assert q["18"][2:] == ("people", None)  # "betroffenen" describes the plots, not the owners
    assert _q("Bei dem Brand wurden 12 Menschen verletzt.")["12"][2:] == ("injured", "WOUND")
    q = _q("Es gab 20 tote Migranten und tausende gerettete Flüchtlinge.")
    assert q["tausende"][3] is None and q["20"][3] == "KILL"


def test_quantities_body_parts_take_no_fate():  # Yg007 (10kGNAD, own sentence)
    assert _q("Die Urschlange tötete ihre Beute, die sie mit vier Füßen umklammerte.")["vier"][2:] == (None, None)
    assert _q("Ihm wurden zwei Hände transplantiert.")["zwei"][2:] == (None, None)


def test_quantities_held_people_are_arrested():  # Yg014 (10kGNAD, own sentence)
    q = _q("Er ist einer von insgesamt drei in Nordkorea festgehaltenen Amerikanern.")
    assert q["drei"][2:] == ("arrested", "ARREST")
    assert _q("Zwei Touristen wurden am Flughafen festgehalten.")["Zwei"][2:] == ("arrested", "ARREST")


def test_quantities_zib_is_a_programme_label():  # Yg023 (10kGNAD, own sentence)
    assert _q("Die Vorwürfe fielen in den Sendungen ZiB 2 und Report.") == {}
    assert _q("Er sagte das in den Sendungen ZiB 2 und Thema.") == {}


def test_quantities_two_neighbouring_number_words_are_an_estimate():  # Yk006 (SmartData, CC BY 4.0), Yi003 (10kGNAD)
    assert _q("Letzte Nacht haben wir drei oder vier Leute gejagt.")["drei oder vier"][2] == "people"
    assert _by_text("Er ist einer von fünf, sechs jungen Politikern.")["fünf, sechs"].value_max == 6  # type: ignore[attr-defined]
    assert set(_q("Es kamen drei oder fünf Leute.")) == {"drei", "fünf"}  # not neighbours: two counts
    assert set(_q("Mütter mit drei, vier, fünf Kleinkindern warteten.")) == {"drei", "vier", "fünf"}  # a list


def test_quantities_male_and_female_animals_take_no_fate():  # Yh027 (10kGNAD, own sentence)
    assert _q("Treffen sich zwei Männchen, enden die Kämpfe oft tödlich.")["zwei"][2:] == (None, None)
