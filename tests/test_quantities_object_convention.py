"""The counted object after a unit (docs/evaluation/counts.md, "Object convention (session 11)").

Real sentences: German Wikinews (CC BY 2.5; the dev rows of ``gold/counts_de.jsonl``, ids named) and GermEval 2014
(CC BY 4.0; the rows of ``gold/counts_de_germeval.jsonl``, ids named). The one own sentence is marked.
"""

from __future__ import annotations

from test_quantities import _by_text


def _objects(text: str) -> dict[str, str | None]:
    return {k: q.object for k, q in _by_text(text).items()}  # type: ignore[attr-defined]


def test_quantities_share_of_a_whole_names_the_whole():
    # Wikinews o001 (dev): a share after "der" names the whole, a bare people noun too
    assert _objects("Zur sozialen Lage in den palästinensischen Gebieten 75 Prozent der Palästinenser leben unterhalb "
                    "der Armutsgrenze.")["75 Prozent"] == "Palästinenser"  # s044
    assert _objects("von 873 Verdächtigen sind 84 Prozent Männer, 72 Prozent sind zwischen 18 und 29 Jahren alt.") == {
        "873": "Verdächtigen", "84 Prozent": "Männer", "72 Prozent": None}  # g001
    # GermEval Eo006
    assert _objects("Die Belgier hatten 25,1 Prozent der Aktien im Tausch gegen ihre Beteiligung an RTL erhalten."
                    )["25,1 Prozent"] == "Aktien"


def test_quantities_share_without_a_whole_has_no_object():
    # Wikinews y017 (dev): a bare noun that is no class of people is what the share measures, not a whole
    assert _objects("Portugal sowie die Slowakei haben 35 Prozent Jugendarbeitslosigkeit, gefolgt von Belgien und "
                    "Italien mit 32 Prozent.") == {"35 Prozent": None, "32 Prozent": None}
    # Wikinews c055 (dev): a vote share is a result; "Stimmen" is a unit word, no object
    assert _objects("Mit 46,7 Prozent der Stimmen hat Ex-Gouverneur von Massachusetts Mitt Romney die Vorwahl der "
                    "Republikanischen Partei in Illinois für sich entschieden.")["46,7 Prozent"] is None
    # GermEval Ee017: the word after the share is a verb; "Menschen" is its subject
    assert _objects("24,10 % bestanden aus Singlehaushalten und in 10,80 % lebten Menschen im Alter von 65 Jahren oder "
                    "darüber.")["10,80 %"] is None
    # own sentence: a change by a percentage is no share of the noun
    assert _objects("Es gibt eine um 0,2 Prozent niedrigere Wirtschaftsleistung.")["0,2 Prozent"] is None


def test_quantities_matter_after_a_weight_volume_or_area():
    assert _objects("Ein Passagierflugzeug mit 158 Menschen an Bord hat am Freitag über der Schweiz 13 Tonnen Kerosin "
                    "abgelassen.")["13 Tonnen"] == "Kerosin"  # Wikinews o001 (dev)
    assert _objects("Behörden schätzen die Sprengkraft auf die von 200 bis 300 Gramm Dynamit."
                    )["200 bis 300 Gramm"] == "Dynamit"  # Wikinews u038 (dev)
    text = ("Auf 800 Quadratmetern stehen eine Sauna sowie etwa 600 Quadratmeter Gartenfläche mit vielfältigen "
            "Beschäftigungsmöglichkeiten zur Verfügung.")  # Wikinews v025 (dev), shortened
    assert _objects(text) == {"800 Quadratmetern": None, "etwa 600 Quadratmeter": "Gartenfläche"}


def test_quantities_size_of_a_noun_and_money_have_no_object():
    # Wikinews y024 (dev): "großen" makes the area a size of the plot, not an amount of it
    assert _objects("Die StadtGalerie soll auf einem etwa 8.000 qm großen Grundstück entstehen.")["etwa 8.000 qm"] is None
    # Wikinews B013 (dev): money names no object, whatever it is for
    assert _objects("Die Krankenkassen brächten etwa 2 Milliarden Euro jährlich für alternative Medikamente und "
                    "Heilverfahren auf.")["etwa 2 Milliarden Euro"] is None
