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
