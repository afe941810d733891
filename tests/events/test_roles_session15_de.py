"""Event stage, session 15: roles and demand frames.

The first sentence is from the bundled sample (samples/text/wikinews-54978.txt, Wikinews, CC BY 2.5); the others
are written for these tests.
"""

from __future__ import annotations

from .german import run


def test_preacher_from_a_city_is_the_source_of_his_call() -> None:
    text = ("Im Rahmen einer Talkshow wurde ein islamistischer Prediger aus London zugeschaltet, der alle "
            "Nichtmoslems aufforderte, nicht mehr Israel zu unterstützen.")
    ev = next(e for e in run(text).events if e.trigger == "aufforderte")
    assert [a.text for a in ev.sources] == ["Prediger"]
    assert "London" not in [a.text for a in ev.targets]


def test_demand_not_to_act_makes_the_act_unrealised() -> None:
    text = ("Im Rahmen einer Talkshow wurde ein islamistischer Prediger aus London zugeschaltet, der alle "
            "Nichtmoslems aufforderte, nicht mehr Israel zu unterstützen.")
    ev = next(e for e in run(text).events if e.trigger == "unterstützen")
    assert ev.hypothetical and ev.frame == "demand", (ev.hypothetical, ev.frame, ev.negated)


def test_rabbi_is_an_actor() -> None:
    ev = next(e for e in run("Der Rabbiner verurteilte den Anschlag auf die Synagoge.").events
              if e.trigger == "verurteilte")
    assert [a.text for a in ev.sources] == ["Rabbiner"]


def test_fused_call_verb_makes_its_infinitive_a_demand() -> None:
    # "aufforderte"/"aufrief" at the end of a subordinate clause, as "aufgefordert" already was
    text = "Es war die Opposition, die die Anhänger aufforderte, gegen die Regierung zu demonstrieren."
    ev = next(e for e in run(text).events if e.trigger != "aufforderte")
    assert ev.hypothetical and ev.frame == "demand", (ev.trigger, ev.hypothetical, ev.frame)


def test_unlisted_noun_before_a_town_is_the_relative_pronouns_antecedent() -> None:
    # "Künstler" is in no actor list; the town after "aus" was taken as the antecedent and the government, the
    # object of the relative clause, as the source
    ev = next(e for e in run("Ein Künstler aus Berlin, der die Regierung scharf kritisierte, wurde festgenommen.").events
              if e.trigger == "kritisierte")
    assert [a.text for a in ev.sources] == ["Künstler"]
    assert [a.text for a in ev.targets] == ["Regierung"]


def test_genitive_after_a_noun_is_no_passive_subject() -> None:
    # as in a 10kGNAD report on a genocide warrant: a genitive or a gegen-phrase of "Vorgehen" was taken as the
    # killed of "getötet" and lent to the event of the main clause as its target
    text = ("Es folgte eine Anklage wegen Völkermordes in der Provinz, wo beim Vorgehen der Armee gegen "
            "Aufständische seit 2011 mehr als 10.000 Menschen getötet wurden.")
    (ev,) = [e for e in run(text).events if e.type == "ASSAULT"]
    assert [a.text for a in ev.targets] == ["Menschen"]


def test_count_after_a_year_is_no_part_of_the_time_phrase() -> None:
    # "seit 2011" ends with the year: the count after it starts the subject, not the seit-phrase
    ev = next(e for e in run("In Syrien wurden seit 2011 mehr als 250.000 Menschen getötet.").events)
    assert [a.text for a in ev.targets] == ["Menschen"]


def test_number_range_stays_in_its_phrase() -> None:
    # a range: the demonstrators are still the passive agent
    ev = next(e for e in run("Das Gebäude wurde von 20 bis 30 Demonstranten belagert.").events)
    assert [a.text for a in ev.sources] == ["Demonstranten"]


def test_subject_of_zum_opfer_fallen_is_the_target() -> None:
    # as in a 10kGNAD report on a wave of attacks
    ev = next(e for e in run("Zwölf Soldaten fielen dem Angriff zum Opfer.").events)
    assert [a.text for a in ev.targets] == ["Soldaten"] and not ev.sources


def test_name_after_another_shares_its_preposition() -> None:
    # names need the full pipeline's entities; as in 10kGNAD reports on a campaign and a trial: the attacked
    # candidate and the accused stood in a gegen-phrase (names made up)
    import lagebild

    nlp = lagebild.load("fast")
    text = "Gegen den Grünen Thomas Lindner richtete der Parteichef Markus Huber heftige Attacken."
    ev = next(e for e in nlp.analyze(text, published="2016-05-01", language="de").events)
    assert "Thomas Lindner" not in [a.text for a in ev.sources]
    text = "Im Prozess gegen den Grünen Peter Gruber hat Staatsanwältin Eva Steiner vier Jahre Haft gefordert."
    ev = next(e for e in nlp.analyze(text, published="2016-05-01", language="de").events if e.type == "REQUEST")
    assert "Peter Gruber" not in [a.text for a in ev.sources]
