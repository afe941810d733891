"""Event roles, session 14: a passive subject before an apposition, "zwischen A und B" with a verb, a place after a
common noun in the genitive, and a pronoun object after the verb. Sentences written for these tests after the
kind of reports the 10kGNAD test articles hold (a summoned ambassador or premier, a transatlantic agreement, a
party rejecting a proposal; no 10kGNAD wording, NC text) and of Syria war reports."""

from __future__ import annotations

from lagebild.events.lexicon import roles as role_lexicon

from .german import run


def roles(text: str, etype: str) -> tuple[list[str], list[str]]:
    (ev,) = [e for e in run(text).events if e.type == etype]
    return [a.text for a in ev.sources], [a.text for a in ev.targets]


def test_passive_subject_before_an_apposition_is_the_target() -> None:
    text = "Der deutsche Botschafter in Ankara, Martin Erdmann, ist ins türkische Außenministerium einbestellt worden."
    assert roles(text, "ACCUSE") == ([], ["deutsche Botschafter"])


def test_parties_after_zwischen_with_a_verb() -> None:
    # as for reciprocal nouns (gold guideline), the first-named party is the source, the second the target
    text = "Die Waffenruhe war zwischen Russland und der Ukraine vereinbart worden."
    assert roles(text, "AGREE") == (["Russland"], ["Ukraine"])


def test_place_after_a_common_noun_in_the_genitive_is_the_target() -> None:
    assert roles("Der Artilleriebeschuss der Stadt Homs dauerte die ganze Nacht.", "ASSAULT") == ([], ["Homs"])


def test_pronoun_object_after_the_verb_leaves_the_subject_the_source() -> None:
    assert roles("Die Gewerkschaften lehnten sie aber ab.", "REJECT") == (["Gewerkschaften"], [])
    assert roles("Die Regierung unterstützt sie mit Waffen.", "SUPPORT") == (["Regierung"], [])
    # "er" can only be the subject: the noun before the verb is the fronted object
    assert roles("Die Bürger forderte er auf, das Land zu verlassen.", "REQUEST") == ([], ["Bürger"])


def test_premier_is_a_government_actor_and_premiere_is_none() -> None:
    # a 10kGNAD report has a summoned premier with no target before "Premier" was an actor noun
    assert roles("Der britische Premier wurde ins Außenministerium einbestellt.", "ACCUSE") == (
        [], ["britische Premier"])
    assert role_lexicon().role_de("Premier") == ("GOV", None)
    assert role_lexicon().role_de("Filmpremiere") is None and role_lexicon().role_de("Premieren") is None
