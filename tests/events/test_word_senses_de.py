"""Event stage, session 15: senses of trigger words that name no event of their type in German news.

Sentences are written for these tests unless a comment names a source; where they follow a 10kGNAD test article
(CC BY-NC-SA, stand-off only) they are paraphrased.
"""

from __future__ import annotations

import pytest

from .german import all_types, run


@pytest.mark.parametrize("text,trigger", [
    # a campaign press conference and a trade unionist's attack on a chief executive (paraphrased 10kGNAD reports)
    ("Bei der Pressekonferenz ritt der Kandidat heftige Attacken gegen seinen Konkurrenten.", "Attacken"),
    ("Der Gewerkschafter griff auch den Konzernchef scharf an.", "griff"),
    ("Die frühere Ministerin hat die Parteispitze in einem Interview scharf angegriffen.", "angegriffen"),
    ("Die Kandidaten sollen auf persönliche Angriffe verzichten.", "Angriffe"),
    ("Auch etwaige Angriffe seiner Parteikollegen wären für den Kanzler schwierig.", "Angriffe"),
])
def test_verbal_attack_is_criticism(text: str, trigger: str) -> None:
    types = {e.type for e in run(text).events if e.trigger == trigger}
    assert types == {"ACCUSE"}, (text, types)


@pytest.mark.parametrize("text", [
    "Bei dem Angriff auf den Konvoi der Konkurrenten starben drei Menschen.",
    "Der Mann griff seinen Kollegen mit einem Messer an und verletzte ihn schwer.",
    "Die Armee hat die Stellungen der Rebellen scharf angegriffen und Dörfer bombardiert.",
    "Die Rebellen griffen in der Nacht einen Militärstützpunkt an.",
])
def test_violent_attack_stays_assault(text: str) -> None:
    assert "ASSAULT" in all_types(text), text
    assert "ACCUSE" not in all_types(text), text


@pytest.mark.parametrize("text", [
    # symptoms, as in a 10kGNAD TV listing on the menopause and a report on a festival's first aid (paraphrased)
    "Manche Frauen leiden kaum unter den Symptomen, für andere sind die Beschwerden eine große Belastung.",
    "Die Sanitäter versorgten Besucher wegen Erkältungen, Kreislaufbeschwerden und Erschöpfung.",
    "Wer nach der Impfung Beschwerden hat, sollte einen Arzt aufsuchen.",
])
def test_symptoms_are_no_complaint(text: str) -> None:
    assert "ACCUSE" not in all_types(text), text


@pytest.mark.parametrize("text", [
    "Die Eltern haben beim Verfassungsgerichtshof Beschwerde eingelegt.",
    "Die Volksanwaltschaft erhielt im Vorjahr 17.000 Beschwerden.",
    "Patienten haben Beschwerden gegen den Arzt bei der Ärztekammer eingebracht.",
])
def test_lodged_complaint_stays(text: str) -> None:
    assert "ACCUSE" in all_types(text), text


@pytest.mark.parametrize("text", [
    # flight as a subject of debate and as an animal's escape, as in 10kGNAD reports (a broadcaster's programme,
    # a UN commissioner's speech, a book review, a study of pupils, a fish study; paraphrased)
    "Ab Dezember stehen Themen wie Flucht, Migration und Integration im Mittelpunkt des Programms.",
    "Migration und Flucht erforderten eine weltweite Teilung der Verantwortung, sagte der Hochkommissar.",
    "Das Buch erzählt eine europäische Geschichte von Vertreibung, Flucht und Neuanfang.",
    "Auch für die Flucht vor Fressfeinden biete diese Pupillenform den Tieren Vorteile.",
    "Die anderen Fische lernen schnell und ergreifen bald die Flucht.",
])
def test_flight_as_topic_or_of_animals_is_no_retreat(text: str) -> None:
    assert "RETREAT" not in all_types(text), text


@pytest.mark.parametrize("text", [
    "Seit Beginn der Kämpfe sind 150.000 Zivilisten auf der Flucht.",
    "Die Rebellen hatten den Präsidenten zur Flucht ins Ausland gezwungen.",
    "Der Täter ergriff nach dem Angriff die Flucht.",
    "Die Flucht der Menschen mit ihren Tieren über die Berge dauerte Wochen.",
    "Die Räuber ergriffen mit der Beute die Flucht.",
    "Die Behörden wollen die Fluchtursachen bekämpfen.",
])
def test_flight_of_people_stays_retreat(text: str) -> None:
    expected = "Fluchtursachen" not in text  # a compound that names causes is no flight: guard
    assert ("RETREAT" in all_types(text)) is expected, text


@pytest.mark.parametrize("text", [
    # a call for looser rules, as in a 10kGNAD report on working-time rules (paraphrased)
    "Wirtschaftskammer und ÖVP rufen seit einigen Jahren nach einer Aufweichung der Bestimmungen.",
    "Nach dem Anschlag ruft die Opposition nach schärferen Gesetzen.",
    "Der Ruf nach Neuwahlen wird lauter.",
])
def test_calling_for_is_a_demand(text: str) -> None:
    assert "REQUEST" in all_types(text), text


@pytest.mark.parametrize("text", [
    "Der Gast rief nach dem Kellner.",
    "Die Fans riefen nach dem Spiel den Namen des Trainers.",
])
def test_calling_a_person_is_no_demand(text: str) -> None:
    assert "REQUEST" not in all_types(text), text


@pytest.mark.parametrize("text", [
    # talks named by the singular, as in 10kGNAD reports on a euro summit, EU accession and a retailer's sites
    # (paraphrased)
    "Nach 17 Stunden Verhandlung einigten sich die Regierungschefs der Eurozone auf einen Kompromiss.",
    "Bei der Beitrittskonferenz wurden zwei weitere Kapitel zur Verhandlung eröffnet.",
    "Über die bedrohten Standorte sei man noch intensiv in Verhandlung, sagte der Gewerkschafter.",
    "Der Konzern steht in Verhandlung mit mehreren Interessenten.",
])
def test_singular_negotiation_is_consult(text: str) -> None:
    assert "CONSULT" in all_types(text), text


@pytest.mark.parametrize("text", [
    "Der Angeklagte blieb der Verhandlung am Montag fern.",
    "Die Verhandlung am Bezirksgericht wurde auf Juni vertagt.",
    "Er sagte nach der Verhandlung, er sei mit dem Ergebnis zufrieden.",
    "Die Abgeordneten nahmen 33 Berichte der Regierung in Verhandlung.",
])
def test_court_hearing_and_debate_are_no_consult(text: str) -> None:
    assert "CONSULT" not in all_types(text), text


@pytest.mark.parametrize("text", [
    # "in Angriff nehmen" (to tackle), as in 10kGNAD reports on aid policy, a cycling race and a triathlon
    # (paraphrased)
    "Es müssten die Ursachen vor Ort in Angriff genommen werden.",
    "Den abschließenden Marathon nahm er von Position 20 in Angriff.",
])
def test_tackling_is_no_attack(text: str) -> None:
    assert "ASSAULT" not in all_types(text), text


def test_attack_in_a_clause_with_nehmen_stays() -> None:
    assert "ASSAULT" in all_types("Bei dem Angriff nahmen die Rebellen zwölf Soldaten gefangen.")


@pytest.mark.parametrize("text", [
    # a team's attack, as in 10kGNAD match reports (paraphrased)
    "Der eingewechselte Stürmer blieb im Angriff der Kölner weitgehend wirkungslos.",
    "Im Angriff muss der Trainer auf seinen besten Torschützen verzichten.",
    "Weitere Treffer gelangen trotz stürmischer Angriffe nicht.",
    "Im nächsten Jahr soll der Angriff auf den Titel erfolgen.",
])
def test_team_attack_is_no_assault(text: str) -> None:
    assert "ASSAULT" not in all_types(text), text


@pytest.mark.parametrize("text", [
    "Bei dem Angriff auf das Stadion wurden zwei Spieler verletzt.",
    "Nach dem Spiel kam es zu einem Angriff von Hooligans auf Polizisten.",
    "Die Armee setzte den Angriff auf die Stadt trotz der Waffenruhe fort, die Spiele wurden abgesagt.",
    "Zum Beispiel der Angriff auf die Botschaft zeigt die Gefahr.",
])
def test_attack_at_a_match_stays(text: str) -> None:
    assert "ASSAULT" in all_types(text), text
