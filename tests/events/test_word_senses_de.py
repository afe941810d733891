"""Event stage, session 15: senses of trigger words that name no event of their type in German news.

Sentences are written for these tests. Where a comment names a kind of 10kGNAD test article (CC BY-NC-SA, stand-off
only), that is where the word sense was found; the sentence itself is new.
"""

from __future__ import annotations

import pytest

from .german import all_types, run


@pytest.mark.parametrize("text,trigger", [
    # as in 10kGNAD reports on a campaign, a labour dispute and a party row
    ("Auf der Pressekonferenz richtete die Kandidatin heftige Attacken gegen ihren Rivalen.", "Attacken"),
    ("Die Betriebsrätin griff die Vorstandschefin scharf an.", "griff"),
    ("Die frühere Ministerin hat die Parteispitze in einem Interview scharf angegriffen.", "angegriffen"),
    ("Beide Bewerber versprachen, auf persönliche Angriffe zu verzichten.", "Angriffe"),
    ("Angriffe aus den Reihen der eigenen Parteikollegen schaden dem Bürgermeister.", "Angriffe"),
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
    # symptoms, as in a 10kGNAD TV listing on a health topic and a report on a festival's first aid
    "Viele Patientinnen leiden in dieser Zeit unter Schlafstörungen und anderen Beschwerden.",
    "Auf dem Festivalgelände mussten Dutzende Besucher mit Kreislaufbeschwerden versorgt werden.",
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
    # a UN speech, a book review, studies of animals)
    "Die Tagung widmet sich den Fragen von Asyl, Flucht und Integration.",
    "Zuwanderung und Flucht seien Aufgaben für ganz Europa, sagte die Kommissarin.",
    "Der Roman handelt von Armut, Flucht und Neuanfang einer Familie.",
    "Bei Gefahr ergreifen die Tiere sofort die Flucht vor ihren Fressfeinden.",
    "Kleinere Fische ergreifen vor dem Hai die Flucht.",
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
    # a call for looser rules, as in a 10kGNAD report on working-time rules
    "Die Arbeitgeber rufen seit langem nach einer Lockerung der Öffnungszeiten.",
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
    "Nach zwei Tagen Verhandlung einigten sich die Tarifpartner auf einen Kompromiss.",
    "Mit Montenegro will die EU im Herbst ein neues Kapitel zur Verhandlung öffnen.",
    "Der Kaufvertrag für das Werk sei noch in Verhandlung, sagte die Sprecherin.",
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
    "Die Stadt will die Sanierung der Schulen im Frühjahr in Angriff nehmen.",
    "Die letzte Bergetappe nahm sie als Führende in Angriff.",
])
def test_tackling_is_no_attack(text: str) -> None:
    assert "ASSAULT" not in all_types(text), text


def test_attack_in_a_clause_with_nehmen_stays() -> None:
    assert "ASSAULT" in all_types("Bei dem Angriff nahmen die Rebellen zwölf Soldaten gefangen.")


@pytest.mark.parametrize("text", [
    # a team's attack, as in 10kGNAD match reports
    "Im Angriff fehlte der Mannschaft nach der Pause jede Idee.",
    "Der Trainer stellt für den Angriff zwei junge Spieler auf.",
    "Trotz vieler Angriffe fiel in der zweiten Halbzeit kein Treffer mehr.",
    "In der nächsten Saison startet der Klub einen neuen Angriff auf den Titel.",
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
