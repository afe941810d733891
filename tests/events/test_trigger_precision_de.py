"""Event stage, session 13: precision fixes in existing German trigger rows (`data/event_triggers_de.tsv`).

Each word below matched a trigger row while naming no event; on the 1,028 10kGNAD test articles these rows fired
on it 56 times (counts in docs/evaluation/events.md, "Session 13"). Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from .german import all_types, asserted_types, run


@pytest.mark.parametrize("text,etype", [
    ("Die Klimakrise ist die größte Herausforderung unserer Zeit.", "REQUEST"),
    ("Das Wachstum hat sich im dritten Quartal verlangsamt.", "REQUEST"),
    ("Der Stürmer gewann die meisten Zweikämpfe.", "ASSAULT"),
    ("Die Wahlkämpfe werden immer teurer.", "ASSAULT"),
    ("Der Verteidiger fehlt wegen Rückenbeschwerden.", "ACCUSE"),
    ("Die Zimmervermittlung der Stadt ist überlastet.", "ACCUSE"),
    ("Die Parade war eine Machtdemonstration der Armee.", "PROTEST"),
])
def test_events_word_that_only_looks_like_a_trigger(text: str, etype: str) -> None:
    assert etype not in all_types(text), text


def test_events_wies_ab_is_a_rejection_not_an_expulsion() -> None:
    # before the ab-row, the particle "ab" sent "wies" to the deport row ("wies ... aus")
    assert {"REJECT"} <= asserted_types("Das Gericht wies die Beschwerde des Ministeriums ab.")
    assert "COERCE" not in all_types("Das Gericht wies die Beschwerde des Ministeriums ab.")
    assert "COERCE" in asserted_types("Die Regierung wies den Botschafter aus.")
    assert "REJECT" in asserted_types("Die Klage war vom Gericht abgewiesen worden.")


@pytest.mark.parametrize("text,etype", [
    # the lead's follow-up to the audit: a non-military "-offensive", and "Einnahme" as a drug's intake or revenue
    ("Die Regierung setzt auf eine Wohnbauoffensive und niedrigere Lohnnebenkosten.", "ASSAULT"),
    ("Eine Medienoffensive mit klaren Botschaften sei jetzt entscheidend.", "ASSAULT"),
    ("Die Sportlerin begründete die Einnahme des Medikaments mit Herzproblemen.", "COERCE"),
    ("Die Einnahmen des Konzerns stiegen um zwölf Prozent.", "COERCE"),
])
def test_civil_offensive_and_intake_are_no_event(text: str, etype: str) -> None:
    assert etype not in all_types(text)


@pytest.mark.parametrize("text,etype", [
    ("Die Armee begann eine Großoffensive gegen die Rebellen.", "ASSAULT"),
    ("Nach der Einnahme der Stadt durch die Rebellen wurden Dutzende Zivilisten getötet.", "COERCE"),
    ("Die Rückeroberung der Stadt dauerte drei Monate.", "COERCE"),
])
def test_military_offensive_and_seizure_stay(text: str, etype: str) -> None:
    assert etype in all_types(text)


@pytest.mark.parametrize("text", [
    # a medical, sport or election first part makes the head no attack, hyphenated or closed; the first and
    # third sentences paraphrase 10kGNAD test articles (a patient's panic attacks, title fights at a world cup)
    "Seit dem Unfall leidet die Sängerin unter Panik-Attacken.",
    "Der Patient erlitt in der Nacht eine Herzattacke.",
    "Die WM-Kämpfe der Boxer finden im Mai in Wien statt.",
    "Die Kandidatin reagierte gelassen auf die Wahlkampf-Attacken ihres Gegners.",
])
def test_non_violent_compound_modifier_is_no_assault(text: str) -> None:
    assert "ASSAULT" not in all_types(text), text


@pytest.mark.parametrize("text", [
    "Bei NATO-Angriffen auf die Stellungen wurden zwölf Kämpfer getötet.",
    "Bei Straßenkämpfen in der Hauptstadt starben drei Menschen.",
    "Die Rebellen meldeten eine Attacke auf einen Armeeposten.",
])
def test_violent_compounds_stay_assault(text: str) -> None:
    assert "ASSAULT" in all_types(text), text


@pytest.mark.parametrize("text", [
    # an adjective of the verb family is a willingness or a property, not talks (written for this test)
    "Die Opposition zeigte sich am Montag verhandlungsbereit.",
    "Der Preis sei nicht verhandelbar, sagte der Sprecher.",
])
def test_adjective_of_negotiate_is_no_consult(text: str) -> None:
    assert "CONSULT" not in all_types(text), text


def test_negotiate_verb_forms_stay_consult() -> None:
    assert "CONSULT" in all_types("Die Regierung verhandelte am Montag mit den Rebellen in Genf.")
    assert "CONSULT" in all_types("Die verhandelnden Parteien trafen sich in Wien.")


def test_compatible_is_no_agreement() -> None:
    # "vereinbar" (compatible) is an adjective, not an agreement; the verb's forms stay (written for this test)
    assert "AGREE" not in all_types("Die neue Regelung sei mit dem Europarecht vereinbar, sagte die Ministerin.")
    assert "AGREE" in all_types("Die beiden Regierungen vereinbarten eine engere Zusammenarbeit.")
    assert "AGREE" in all_types("Die vereinbarte Waffenruhe hielt nur zwei Tage.")


@pytest.mark.parametrize("text", [
    # session 14: PLOVER codes cyber attacks as COERCE with mode cyber (manual 3.15), not as ASSAULT; sentences
    # written for the test after the kind of 10kGNAD reports on hacked parliaments and DDoS protests
    "Nach dem Cyberangriff auf das Parlament wurden alle Rechner ausgetauscht.",
    "Mit DDoS-Angriffen legten Aktivisten die Server einer Bank lahm.",
    "Russische Hacker stehen hinter dem Cyber-Angriff auf die Partei.",
])
def test_cyber_attack_is_coercion_with_mode_cyber(text: str) -> None:
    events = [e for e in run(text).events if e.type in ("ASSAULT", "COERCE")]
    assert [(e.type, e.mode) for e in events] == [("COERCE", "cyber")], text


@pytest.mark.parametrize("text", [
    # a game's alien raids (as in a 10kGNAD game review), lightning and a meteorite are no attacks
    "Wer ungestört bauen will, kann im Spiel die Alien-Überfälle abschalten.",
    "Ein Gewitter zog über das Land, Blitzeinschläge beschädigten mehrere Dächer.",
    "Der Meteoriteneinschlag hinterließ einen Krater von zwei Kilometern.",
    "Im Film wehrt eine Kleinstadt einen Zombieangriff ab.",
])
def test_fiction_and_nature_compounds_are_no_assault(text: str) -> None:
    assert "ASSAULT" not in all_types(text), text


@pytest.mark.parametrize("text", [
    "Die Armee startete einen Blitzangriff auf die Stadt.",
    "Nach Raketeneinschlägen in der Stadt flohen Hunderte.",
])
def test_military_compounds_stay_assault(text: str) -> None:
    assert "ASSAULT" in all_types(text), text


@pytest.mark.parametrize("text,etype", [
    # session 14: a separated particle that is also a preposition counts only at the end of its clause; the third
    # is an idiom ("brings the courts onto the scene") as a 10kGNAD report uses it
    ("Er griff nach dem Glas an der Bar.", "ASSAULT"),
    ("Die Fans riefen auf der Tribüne nach dem Trainer.", "REQUEST"),
    ("Der Streit um die Mieten ruft jetzt auch die Justiz auf den Plan.", "REQUEST"),
    ("Der Spieler warf den Ball vor das Tor.", "ACCUSE"),
])
def test_preposition_inside_the_clause_is_no_particle(text: str, etype: str) -> None:
    assert etype not in all_types(text), text


@pytest.mark.parametrize("text,etype", [
    ("Die Rebellen griffen am Morgen an der Grenze Soldaten an.", "ASSAULT"),
    ("Der Minister rief die Bürger auf, ruhig zu bleiben.", "REQUEST"),
    ("Die Partei rief zum „Widerstand“ auf.", "REQUEST"),
    ("Die Gewerkschaft wirft dem Minister vor zu lügen.", "ACCUSE"),
    ("Die Regierung lehnte die Forderung ab und reiste ab.", "REJECT"),
])
def test_particle_at_the_clause_end_stays(text: str, etype: str) -> None:
    assert etype in all_types(text), text


@pytest.mark.parametrize("text", [
    # a bare attack noun in a sentence about computers is a cyber attack too; after a Wikinews sentence
    # (de_gold2, CC BY 2.5) and 10kGNAD reports on a parliament's network and a TLS weakness (paraphrased)
    "Diese spektakulären Angriffe via Internet auf Unternehmen sind nur die Spitze des Eisbergs.",
    "Im Rahmen der Attacke wurden auch Daten abgezapft.",
    "Bei einem solchen Angriff wird zuerst der verschlüsselte Datenverkehr aufgezeichnet.",
])
def test_bare_attack_about_computers_is_cyber(text: str) -> None:
    events = [e for e in run(text).events if e.type in ("ASSAULT", "COERCE")]
    assert [(e.type, e.mode) for e in events] == [("COERCE", "cyber")], text


@pytest.mark.parametrize("text", [
    # "-netzwerk" and "-daten" inside other words are no computer words
    "Bei dem Angriff des Terrornetzwerks starben zwölf Menschen.",
    "Bei dem Angriff auf die Kandidaten und Soldaten starben zwei Menschen.",
])
def test_attack_beside_no_computer_word_stays_assault(text: str) -> None:
    assert [(e.type, e.mode) for e in run(text).events if e.trigger == "Angriff"] == [("ASSAULT", None)], text


@pytest.mark.parametrize("text,etype", [
    # session 14: a football team's attack and a court hearing, the senses 10kGNAD sport and court reports use
    ("Nach der Pause wechselte der Trainer einen zweiten Stürmer für mehr Druck in der Offensive ein.", "ASSAULT"),
    ("Mit 40 Toren stellt der Verein die beste Offensive der Liga.", "ASSAULT"),
    ("Der Angeklagte blieb der Verhandlung am Montag fern.", "CONSULT"),
    ("Die Verhandlung am Bezirksgericht wurde auf Juni vertagt.", "CONSULT"),
])
def test_football_offensive_and_court_hearing_are_no_event(text: str, etype: str) -> None:
    assert etype not in all_types(text), text


@pytest.mark.parametrize("text,etype", [
    ("Die türkische Offensive gegen PKK-Kämpfer geht weiter.", "ASSAULT"),
    ("Anfang der Woche hatten die Rebellen dort eine Offensive gestartet.", "ASSAULT"),
    ("Die militärische Offensive gehe weiter, sagte der Minister.", "ASSAULT"),
    ("Die Verhandlungen über das Abkommen wurden am Montag fortgesetzt.", "CONSULT"),
    ("Die Friedensverhandlung in Genf begann am Montag.", "CONSULT"),
])
def test_military_offensive_and_negotiations_stay(text: str, etype: str) -> None:
    assert etype in all_types(text), text


@pytest.mark.parametrize("text", [
    # session 14: a study or a medical examination is no investigation of wrongdoing (the senses of most
    # "Untersuchung" mentions in the 10kGNAD test articles); sentences written for the test
    "Laut einer Untersuchung der Universität schlafen Jugendliche zu wenig.",
    "Für ihre Untersuchung haben die Wissenschafter Tagebücher und Briefe ausgewertet.",
    "Bei der Untersuchung eines gestrandeten Wals entdeckten Tiermediziner Plastik im Magen.",
])
def test_study_is_no_investigation(text: str) -> None:
    assert "ACCUSE" not in all_types(text), text


@pytest.mark.parametrize("text", [
    "Laut Staatsanwaltschaft wurde eine Untersuchung eingeleitet.",
    "Die Behörden haben eine gemeinsame Untersuchung zu diesem Thema gestartet.",
    "Der Gouverneur ordnete eine Untersuchung des Unglücks an.",
])
def test_official_inquiry_stays(text: str) -> None:
    assert "ACCUSE" in all_types(text), text


def test_verbal_exchange_is_no_assault_and_military_one_is() -> None:
    # a debate duel, as in a 10kGNAD report on a US primary
    assert "ASSAULT" not in all_types("Im Fernsehduell kam es zu einem scharfen Schlagabtausch zwischen den "
                                      "Kandidatinnen.")
    assert "ASSAULT" in all_types("Zwischen Israel und der Hisbollah kam es erneut zu einem militärischen "
                                  "Schlagabtausch.")
