"""Where an event happened: the place the sentence (or the one before it) names, not a country across a border."""

from __future__ import annotations

import lagebild


def test_the_country_across_the_border_is_not_the_event_place():
    # German Wikinews 2008-12-31 (bundled sample, CC BY 2.5)
    text = ("Seit Mitternacht wurden nach Armeeangaben insgesamt 35 Angriffe gegen Ziele im Gazastreifen geflogen. "
            "Dabei wurden erneut Ministerien der Hamas sowie Schmuggeltunnel an der Grenze zu Ägypten bombardiert.")
    doc = lagebild.load("fast").analyze(text, published="2008-12-31", language="de")
    places = {e.trigger: e.place.name if e.place else None for e in doc.events}
    assert places == {"Angriffe": "Gazastreifen", "bombardiert": "Gazastreifen"}
