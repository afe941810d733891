"""Round 6 of the count rules (session 6): fixes for the first-run errors of fresh 10kGNAD batches Gs, Gt, ...

10kGNAD (CC BY-NC-SA) and WikiWarsDE (CC BY-SA) text may not be committed, so the sentences here are our own
German sentences built on the same pattern, or CC BY text (GermEval 2014, Wikinews).
"""

from __future__ import annotations

from lagebild.quantities import extract


def _by_text(text: str) -> dict[str, object]:
    qs = extract(text)
    for q in qs:
        assert text[q.start:q.end] == q.text
        if q.object_start is not None:
            assert text[q.object_start:q.object_end] == q.object
    return {q.text: q for q in qs}


def test_quantities_um_die_is_about():
    q = _by_text("Im Normalfall kostet eine solche Strafe um die 55 Euro.")["um die 55 Euro"]
    assert (q.value, q.qualifier, q.category) == (55.0, "about", "money")
    # a verb that takes "um" governs it: no qualifier
    qs = _by_text("Die Truppen kämpften tagelang um die 30 Kilometer entfernte Stadt.")
    assert qs["30 Kilometer"].qualifier is None


def test_quantities_action_noun_with_genitive_count_is_a_cue():
    q = _by_text("Der Kapitän trägt die Verantwortung für den Tod der 32 Menschen an Bord.")["32"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    q = _by_text("Die Festnahme der mindestens drei Verdächtigen erfolgte am Montag.")["mindestens drei"]
    assert (q.category, q.gkg_type) == ("suspects", "ARREST")
    # a genitive noun that is not counted: the number later in the sentence takes no outcome
    q = _by_text("Nach dem Tod der Mutter kamen 3 Kinder in ein Heim.")["3"]
    assert q.gkg_type is None
