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
