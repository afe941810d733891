"""Event stage, session 13: German trigger families added for coverage (`data/event_triggers_de.tsv`).

One sentence per family, each of which gave no event of its type before the family's rows existed. The sentences
are written for these tests in the construction of German news reports (none is copied from a corpus). The rows
were audited on the 10kGNAD test articles (counts in docs/evaluation/events.md, "Session 13").
"""

from __future__ import annotations

import pytest

from .german import all_types, asserted_types

ASSERTED = [
    # ASSAULT
    ("Aus dem Gazastreifen wurden am Abend zwei Raketen auf Israel abgefeuert.", "ASSAULT"),
    ("Bei der Attacke auf einen Armeeposten im Norden des Landes wurden drei Soldaten verletzt.", "ASSAULT"),
    ("Eine Patrouille der Armee geriet am Dienstag in einen Hinterhalt der Rebellen.", "ASSAULT"),
    ("Bei einer Schießerei vor einem Nachtclub in Chicago wurden vier Menschen verletzt.", "ASSAULT"),
    ("Nach dem Amoklauf an einer Schule in Finnland trauert das ganze Land.", "ASSAULT"),
    ("Die USA führten in der Nacht einen Vergeltungsschlag gegen Stellungen der Miliz aus.", "ASSAULT"),
    ("Eine neue Gewaltwelle erschüttert seit Wochen die Region.", "ASSAULT"),
    ("In der Silvesternacht kam es am Bahnhof zu zahlreichen Übergriffen auf Frauen.", "ASSAULT"),
    ("Die Polizei meldete zwei Vergewaltigungen in dem Lager.", "ASSAULT"),
    ("Ein 25-jähriger Mann wurde am Sonntag in seiner Wohnung erstochen.", "ASSAULT"),
    ("Die Gefangenen wurden nach Angaben der Organisation in der Haft misshandelt.", "ASSAULT"),
    ("Drei Männer schlugen den Fahrer an der Haltestelle zusammen.", "ASSAULT"),
    ("Unbekannte haben in der Nacht einen Journalisten vor seinem Haus zusammengeschlagen.", "ASSAULT"),
    ("Mehrere Touristen wurden in dem Hotel als Geiseln genommen.", "ASSAULT"),
    ("Die Angreifer nahmen in dem Hotel mehrere Touristen als Geiseln.", "ASSAULT"),
    ("Nach dem Mordversuch an einem Taxifahrer sucht die Polizei Zeugen.", "ASSAULT"),
    ("Die Ermordung des Oppositionspolitikers löste landesweit Entsetzen aus.", "ASSAULT"),
    ("Amnesty dokumentierte die Erschießung von zwölf Gefangenen.", "ASSAULT"),
    ("Die Polizei sucht nach dem Doppelmord in Linz nach Zeugen.", "ASSAULT"),
    # COERCE
    ("Die Annexion der Krim durch Russland stieß international auf Widerstand.", "COERCE"),
    ("Russland hat die Halbinsel im März annektiert.", "COERCE"),
    ("Zwei Aktivisten wurden in Gewahrsam genommen.", "COERCE"),
    ("Die Polizei nahm zwei Aktivisten in Gewahrsam.", "COERCE"),
    ("Der Verdächtige wurde in Untersuchungshaft genommen.", "COERCE"),
    ("Moskau verhängte eine Einreisesperre gegen mehrere Abgeordnete.", "COERCE"),
    ("Die Behörden internierten Hunderte Oppositionelle in Lagern.", "COERCE"),
    ("Der Diplomat wurde des Landes verwiesen.", "COERCE"),
    ("Bei einer Razzia in einem Vorort von Brüssel stellte die Polizei Waffen sicher.", "COERCE"),
    ("Die Räumung des Protestcamps begann am frühen Morgen.", "COERCE"),
    ("Nach der Abriegelung der Grenze saßen Tausende Flüchtlinge fest.", "COERCE"),
    ("Das Innenministerium verhängte ein Versammlungsverbot für die Hauptstadt.", "COERCE"),
    ("Die Regierung enteignete die Ölkonzerne des Landes.", "COERCE"),
    ("Nach der Beschlagnahme des Schiffes protestierte die Reederei.", "COERCE"),
    # PROTEST
    ("Tausende skandierten vor dem Parlament Parolen gegen die Regierung.", "PROTEST"),
    ("Die Gewerkschaft hat am Montag mehrere Flughäfen bestreikt.", "PROTEST"),
    ("Seit Dienstag sind die Lokführer im Ausstand.", "PROTEST"),
    ("Bei einer Protestaktion vor der Botschaft wurden Fahnen verbrannt.", "PROTEST"),
    ("Am Samstag gingen in Madrid Zehntausende gegen die Sparpolitik auf die Straße.", "PROTEST"),
    ("Jugendliche warfen Steine auf Polizeiautos.", "PROTEST"),
    ("Durch Steinwürfe wurden zwei Beamte verletzt.", "PROTEST"),
    ("Die Opposition boykottierte die Parlamentswahl.", "PROTEST"),
    # AID
    ("Die EU-Kommission gab weitere Hilfsgelder für Griechenland frei.", "AID"),
    ("Frankreich hat Waffen an die kurdischen Kämpfer geliefert.", "AID"),
    ("Ecuador hat dem Aktivisten Asyl gewährt.", "AID"),
    # MOBILIZE
    ("Die Regierung entsandte 500 Soldaten in die Krisenregion.", "MOBILIZE"),
    ("Die USA haben zwei Kampfflugzeuge nach Rumänien entsandt.", "MOBILIZE"),
    ("Russland begann am Montag ein Großmanöver an der Grenze.", "MOBILIZE"),
    ("An der Grenze wurden Truppen und Panzer zusammengezogen.", "MOBILIZE"),
    ("Die Stationierung von US-Kampfjets in Polen begann im Mai.", "MOBILIZE"),
    # RETREAT
    ("Die Regierung hat ihre Truppen aus der Stadt abgezogen.", "RETREAT"),
    ("Der entführte Journalist ist nach drei Monaten freigekommen.", "RETREAT"),
    ("Die Demonstranten wurden am Abend wieder auf freien Fuß gesetzt.", "RETREAT"),
    ("Der gestürzte Präsident flieht ins Ausland.", "RETREAT"),
    # ACCUSE
    ("Die Regierung gab den Rebellen die Schuld an dem Anschlag.", "ACCUSE"),
    ("Der Minister wies die Anschuldigungen zurück.", "ACCUSE"),
    ("Die Opposition bezichtigte den Präsidenten des Wahlbetrugs.", "ACCUSE"),
    ("Die Stadt hat den Konzern auf Schadenersatz verklagt.", "ACCUSE"),
    ("Die Umweltorganisation reichte Klage gegen das Kraftwerk ein.", "ACCUSE"),
    ("Die Staatsanwaltschaft klagte den früheren Minister wegen Bestechung an.", "ACCUSE"),
    ("Frankreich klagt einen Mann wegen des Paris-Anschlags an.", "ACCUSE"),
    ("Die Partei hat Strafanzeige gegen den Bürgermeister erstattet.", "ACCUSE"),
    ("Die Staatsanwaltschaft ermittelt gegen den Bankchef.", "ACCUSE"),
    ("Die EU-Kommission leitete ein Vertragsverletzungsverfahren gegen Ungarn ein.", "ACCUSE"),
    ("Der Rechnungshof rügte die Vergabepraxis des Ministeriums.", "ACCUSE"),
    ("Der Presserat sprach eine Rüge gegen die Zeitung aus.", "ACCUSE"),
    ("Das Gericht bestätigte die Verurteilung des Bloggers.", "ACCUSE"),
    # THREATEN
    ("Der Mann bedrohte die Kassiererin mit einem Messer.", "THREATEN"),
    ("Die Bande hatte mehrere Unternehmer erpresst.", "THREATEN"),
    # REQUEST
    ("Der Papst appellierte an die Konfliktparteien, die Waffen niederzulegen.", "REQUEST"),
    ("Die Hilfsorganisationen richteten einen Appell an die Regierungen.", "REQUEST"),
    ("Tausende folgten dem Aufruf der Gewerkschaft.", "REQUEST"),
    ("Die Regierung bat die Nachbarländer um Hilfe.", "REQUEST"),
    # REJECT
    ("Der Vorschlag stieß in Berlin auf Ablehnung.", "REJECT"),
    ("Die Weigerung der Regierung, mit den Rebellen zu verhandeln, verlängert den Konflikt.", "REJECT"),
    ("Die Behörden verweigerten den Journalisten die Einreise.", "REJECT"),
    # AGREE
    ("Die Koalitionsparteien einigten sich auf einen Haushalt.", "AGREE"),
    ("Nach zwölf Stunden gab es eine Einigung.", "AGREE"),
    ("Die beiden Länder schlossen eine Vereinbarung über die Rücknahme von Flüchtlingen.", "AGREE"),
    ("Das Parlament hat den Vertrag ratifiziert.", "AGREE"),
    ("Die Vertragsunterzeichnung fand am Freitag in Minsk statt.", "AGREE"),
    # CONSULT
    ("Die Außenminister trafen sich in Brüssel.", "CONSULT"),
    ("Die Regierung konsultierte die Nachbarstaaten.", "CONSULT"),
    # SUPPORT
    ("Der Konzern entschuldigte sich bei seinen Kunden für die Panne.", "SUPPORT"),
    ("Die Kanzlerin gratulierte dem neuen Präsidenten zu seinem Wahlsieg.", "SUPPORT"),
    # CONCEDE
    ("Der Präsident hat 30 politische Gefangene begnadigt.", "CONCEDE"),
    ("Die Regierung erließ eine Amnestie für Deserteure.", "CONCEDE"),
    ("Der Innenminister trat am Freitag zurück.", "CONCEDE"),
    ("Die EU beschloss die Aufhebung der Sanktionen gegen Weißrussland.", "CONCEDE"),
    ("Die Regierung machte den Lehrern Zugeständnisse.", "CONCEDE"),
]


@pytest.mark.parametrize("text,etype", ASSERTED)
def test_events_added_trigger_family_fires(text: str, etype: str) -> None:
    assert etype in asserted_types(text), text


@pytest.mark.parametrize("text", [
    "Die Minister trafen sich in Brüssel.",
    "Der Kommissar schlug vor, die Frist um ein Jahr zu verlängern.",
    "Der Verband schlug am Montag ein Treffen aller Beteiligten vor.",
    "Der Ball traf den Pfosten, und die Mannschaft schlug den Tabellenführer.",
])
def test_events_meeting_and_proposal_are_no_assault(text: str) -> None:
    # "treffen" (meet / hit) and "schlagen" (propose / beat) stay out of the ASSAULT rows except in fixed
    # constructions ("schlugen ... zusammen", "erschlagen")
    assert "ASSAULT" not in all_types(text), text


@pytest.mark.parametrize("text,etype", [
    ("Die Plattform zählte im August eine Milliarde Seitenaufrufe.", "REQUEST"),
    ("Das trifft sich gut, sagte der Minister.", "CONSULT"),
    ("Die Staatschefs treffen sich am Montag in Prag.", "CONSULT"),  # an announcement: past tense only
    ("Der Verteidiger klagte über Schmerzen an der Hüfte.", "ACCUSE"),
])
def test_events_added_rows_leave_look_alikes_alone(text: str, etype: str) -> None:
    # exclusions written into the new rows: page views, "das trifft sich gut", present-tense meetings (announced, not
    # held), "klagte ... an der Hüfte"
    assert etype not in all_types(text), text
