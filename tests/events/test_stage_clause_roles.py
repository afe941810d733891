"""Roles and flags the clause gives an event: who died is a target, the agent of a verb of saying only reports,
a negated end is no denial."""

from __future__ import annotations

from tests.events.german import run


def _roles(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [(e.type, e.trigger, [a.text for a in e.sources], [a.text for a in e.targets]) for e in run(text).events]


def test_the_subject_of_starben_is_a_target_and_robbers_are_actors():
    # German Wikinews 2006-05-28 (bundled sample, CC BY 2.5)
    text = ("Aus Militärkreisen verlautete ursprünglich, dass 15 irakische Zivilisten starben, als bewaffnete Räuber "
            "einen Konvoi mit einer Bombe am Straßenrand und Gewehrschüssen angriffen, so dass die Marines das Feuer "
            "erwiderten.")
    roles = _roles(text)
    assert ("ASSAULT", "starben", [], ["irakische Zivilisten"]) in roles
    assert ("ASSAULT", "angriffen", ["Räuber"], ["Konvoi"]) in roles


def test_a_transitive_killing_keeps_its_subject_as_source():
    # our wording: "getötet" with "haben" is no verb of dying
    assert _roles("Die Soldaten haben drei Zivilisten getötet.") == [("ASSAULT", "getötet", ["Soldaten"], ["Zivilisten"])]


def test_the_dead_of_a_relative_clause_become_the_targets_of_the_wave_of_violence():
    # our wording after a 10kGNAD pattern: the deaths are a mention of the wave, not an event of their own
    text = ("Die Region wird seit Oktober von einer Gewaltwelle erschüttert, bei der bisher 196 Palästinenser, "
            "28 Israelis und vier Ausländer starben.")
    (ev,) = run(text).events
    assert (ev.trigger, [m.trigger for m in ev.mentions][-1]) == ("Gewaltwelle", "starben")
    assert "Israelis" in [a.text for a in ev.targets] and not ev.sources


def test_the_agent_of_a_verb_of_saying_only_reports_the_event():
    # German Wikinews 2009-01-03 (bundled sample): the spokeswoman confirmed the offensive, she did not lead it
    assert _roles("Die Bodenoffensive wurde von einer Armeesprecherin bestätigt.") == [
        ("ASSAULT", "Bodenoffensive", [], [])]
    # our wording: with a light verb the passive agent is still the event's source
    assert _roles("Der Angriff wurde von Rebellen verübt.") == [("ASSAULT", "Angriff", ["Rebellen"], [])]


def test_a_negated_end_does_not_deny_the_event():
    # German Wikinews 2008-12-31 (bundled sample): the fighting goes on, and Israel's air strikes are real
    (ev,) = run("Ein Ende der Kampfhandlungen ist vorerst nicht abzusehen.").events
    assert not ev.negated
    text = ("Die Organisation erklärte, sie werde noch weiter vom Gazastreifen entfernte Ortschaften angreifen, wenn "
            "Israel seine Luftangriffe nicht beende.")
    assert [(e.trigger, e.negated) for e in run(text).events] == [("angreifen", False), ("Luftangriffe", False)]
    # our wording: a plain negation and "Ende" as a time word still deny the attack
    assert [e.negated for e in run("Ende Mai griffen die Rebellen die Stadt nicht an.").events] == [True]
