"""Round 4 of the count rules (found on the 10kGNAD stand-off dev batches) and the stand-off gold reader.

10kGNAD text may not be committed (CC BY-NC-SA), so the sentences here are Wikinews (CC BY 2.5, page id
given) or our own German sentences built on the same pattern.
"""

from __future__ import annotations

import csv
import json

import pytest

# the shared helper (every span and object checked against the text) lives with the stage's main tests
from test_quantities import _by_text

from lagebild.errors import ConfigError
from lagebild.evaluation.counts import evaluate
from lagebild.evaluation.counts import main as counts_main
from lagebild.evaluation.counts_10kgnad import load_standoff, sha1
from lagebild.quantities import extract


def test_quantities_attributive_cue_describes_its_own_noun():
    qs = _by_text("Die Rolle des schwerverletzten Piloten brachte der Darstellerin nach vier erfolglosen "
                  "Anläufen endlich den Preis.")
    assert qs["vier"].category is None and qs["vier"].gkg_type is None
    # the participle right after the count still counts: "sechs getöteten Journalisten"
    q = _by_text("Die Organisation berichtete von sechs getöteten Journalisten.")["sechs"]
    assert (q.category, q.gkg_type) == ("journalists", "KILL")
    # "Die Zahl der verletzten Personen" looks the noun up behind the count (Wikinews-style)
    z = _by_text("Die Zahl der verletzten Personen ist von 21 auf 25 gestiegen.")
    assert z["21"].category == z["25"].category == "injured"


def test_quantities_cue_in_brackets_and_single_named_victim():
    qs = _by_text("Im Museum hängen drei nachweislich (darunter das Gemälde Tote Stadt), fünf mutmaßlich.")
    assert qs["drei"].category is None and qs["fünf"].category is None
    q = _by_text("Zwei Zeugen berichteten, wie die Verletzte über die Straße geschleudert wurde.")["Zwei"]
    assert q.category == "people" and q.gkg_type is None
    # the plural stays a cue: "Unter den Toten sind mindestens zwei Kinder"
    k = _by_text("Laut der Klinik sind unter den Toten auch mindestens zwei Kinder.")["mindestens zwei"]
    assert (k.category, k.gkg_type) == ("children", "KILL")


def test_quantities_partitive_whole_takes_no_outcome():
    qs = _by_text("32 der mehr als 4.000 Menschen an Bord starben bei dem Unglück.")
    assert (qs["32"].category, qs["32"].gkg_type) == ("killed", "KILL")
    assert (qs["mehr als 4.000"].value, qs["mehr als 4.000"].category) == (4000, "people")


@pytest.mark.parametrize(
    "text",
    [
        "Sie ist seit Juni 2013 Vorsitzende des Vereins.",
        "Sie war zwischen 2005 und Mitte 2012 Ministerin.",
    ],
)
def test_quantities_year_after_month_or_part_of_year_is_no_count(text):
    assert extract(text) == []


def test_quantities_angle_multiplier_compound_and_round_gegen():
    q = _by_text("Die Skifahrer querten einen etwa 35 Grad steilen Hang.")["etwa 35 Grad"]
    assert (q.value, q.qualifier, q.category) == (35, "about", None)
    m = _by_text("Marino ist Bürgermeister der 3,5 Millionen-Metropole.")["3,5 Millionen"]
    assert m.value == 3_500_000
    g = _by_text("Gegen zwei weitere Verdächtige wurden Haftbefehle erlassen.")["zwei"]
    assert g.qualifier is None and g.category == "suspects"
    # Wikinews 1001-style round number: "Gegen 300 Menschen" is about 300
    assert _by_text("Gegen 300 Menschen kamen zu der Kundgebung.")["Gegen 300"].qualifier == "about"


@pytest.mark.parametrize(
    ("text", "surface", "category"),
    [
        ("Die 132 anwesenden Abgeordneten stimmten am Abend geschlossen dafür.", "132", "people"),
        ("Sechs neue Flüchtlingslager sollen in der Türkei entstehen.", "Sechs", None),
        ("Dabei wurden 15 Jihadisten festgenommen.", "15", "fighters"),
        ("Das Ministerium weist das Defizit in zwei Varianten aus.", "zwei", None),
        ("Zwei Betreuer kümmern sich tagsüber um das Haus.", "Zwei", "people"),
        ("Bei einer Vogelbeobachtung wurden 37 tote Tiere gefunden.", "37", None),
    ],
)
def test_quantities_round4_nouns(text, surface, category):
    assert _by_text(text)[surface].category == category


# --- the stand-off gold reader ---


def _standoff(tmp_path, text: str, row_sha: str | None = None):
    data = tmp_path / "data"
    data.mkdir()
    article = "Kopfzeile des Artikels. " + text + " Noch ein Satz."
    with open(data / "test.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";", quotechar="'")
        w.writerow(["Sport", "Ein anderer Artikel."])
        w.writerow(["Panorama", article])
    s = article.index(text)
    start = text.index("12")
    row = {"id": "Gz000", "split": "dev",
           "source": {"dataset": "10kGNAD", "file": "test.csv", "row": 1, "sent_start": s, "sent_end": s + len(text),
                      "sha1": row_sha or sha1(text), "license": "CC BY-NC-SA 4.0"},
           "quantities": [{"start": start, "end": start + 2, "value": 12.0, "value_max": None, "qualifier": None,
                           "category": "killed", "gkg_type": "KILL", "object_start": start + 3,
                           "object_end": start + 11}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return gold, data


def test_quantities_standoff_reader_fills_text_and_scores(tmp_path):
    text = "Bei dem Anschlag wurden 12 Menschen getötet."
    gold, data = _standoff(tmp_path, text)
    items = load_standoff(gold, data)
    assert items[0]["text"] == text
    q = items[0]["quantities"][0]
    assert (q["text"], q["object"]) == ("12", "Menschen")
    assert evaluate(items)["strict"]["f1"] == 1.0
    assert "text" not in json.loads(gold.read_text(encoding="utf-8"))  # the committed rows hold no text


def test_quantities_standoff_reader_checks_sha1_and_skips_without_data(tmp_path, capsys):
    gold, data = _standoff(tmp_path, "Bei dem Anschlag wurden 12 Menschen getötet.", row_sha="0" * 40)
    with pytest.raises(ConfigError):
        load_standoff(gold, data)
    assert counts_main(["--dataset", "10kgnad", "--gold", str(gold), "--data", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_quantities_shipped_standoff_rows_hold_no_text():
    from importlib import resources

    raw = resources.files("lagebild.evaluation").joinpath("gold/counts_de_10kgnad.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    assert len(rows) >= 40
    for r in rows:
        assert set(r) == {"id", "split", "source", "quantities"}
        assert set(r["source"]) == {"dataset", "file", "row", "sent_start", "sent_end", "sha1", "license"}
        for q in r["quantities"]:
            assert "text" not in q and "object" not in q


# --- batch Gc ---


@pytest.mark.parametrize(
    ("text", "surface", "value", "qualifier", "category"),
    [
        ("Am Abend gab es Kundgebungen, an denen sich etwa 450 Menschen beteiligten.", "etwa 450", 450,
         "about", "protesters"),
        ("Viele Zuschauer blieben aus Protest gegen die Kürzung des Kontingents von 5.000 auf 3.500 Karten "
         "zu Hause.", "5.000", 5000, None, None),
        ("Die Grenzpolizei hat die vier mutmaßlichen Schmuggler am Montag festgenommen.", "vier", 4, None,
         "arrested"),
        ("In Nigeria wurden drei Mediziner getötet.", "drei", 3, None, "killed"),
        # Wikinews 4174: nurses without an outcome keep their own class
        ("Nur ein bis zwei Krankenschwestern stünden durchschnittlich für eine Station mit 60 Säuglingsbetten zur "
         "Verfügung.", "ein bis zwei", 1, None, "medics"),
        ("Acht Angreifer setzte der Trainer in der Qualifikation ein.", "Acht", 8, None, "people"),
        ("Der Anteil erneuerbarer Energien soll auf 40 Prozent und mehr steigen.", "40 Prozent und mehr", 40,
         "at_least", "percent"),
        ("Laut Prognose beträgt das Wachstum 1,6 statt 1,3 Prozent.", "1,6", 1.6, None, "percent"),
    ],
)
def test_quantities_round4_gc_rules(text, surface, value, qualifier, category):
    q = _by_text(text)[surface]
    assert (q.value, q.qualifier, q.category) == (value, qualifier, category)


def test_quantities_plural_night_compound_is_a_duration():
    assert extract("Im Spiel hat man innerhalb von 5 Spielnächten Zeit, die vermutlich tote "
                   "Familie zu finden.") == []


# --- batch Gd ---


@pytest.mark.parametrize(
    ("text", "surface", "category"),
    [
        ("Die Opferzahl ist nach neuen Angaben der Behörden auf 49 gestiegen.", "49", "killed"),
        ("Gegen ein geplantes Quartier für 76 Asylwerber hat ein Unternehmer zu einer Demonstration aufgerufen.",
         "76", "refugees"),
        ("Fahrer festgenommen – Trauerfeier in Linz – Tausende bei einem Kerzenmeer.",
         "Tausende", "protesters"),
        ("Fünf Cheftrainer kamen und gingen.", "Fünf", "people"),
    ],
)
def test_quantities_round4_gd_rules(text, surface, category):
    assert _by_text(text)[surface].category == category


def test_quantities_dash_inside_a_sentence_still_lets_the_verb_reach_the_count():
    # the spaced dash only ends a segment right after a cue; an insert between count and verb is fine
    q = _by_text("Mehr als 100 Flüchtlinge – viele davon aus Syrien – wurden von einem Frachter "
                 "gerettet.")["Mehr als 100"]
    assert q.category == "refugees"
    k = _by_text("Bei dem Anschlag wurden – so die Polizei – 20 Menschen getötet.")["20"]
    assert (k.category, k.gkg_type) == ("killed", "KILL")


# --- batch Ge ---


def test_quantities_round4_ge_rules():
    q = _by_text("Die Abschiebung von rund 100 Afghanen hatte in der Hauptstadt zu Protesten geführt.")["rund 100"]
    assert q.category == "people"
    # the nominalised action before the count is still its cue
    e = _by_text("Die Behörden ordneten die Evakuierung von 5.000 Menschen an.")["5.000"]
    assert e.category == "displaced"
    assert "30" not in _by_text("Der Mann – laut Polizei Mitte 30 – wurde festgenommen.")
    qs = _by_text("Am Tisch wartet Mariam (35, Name von der Redaktion geändert) mit ihren drei Töchtern.")
    assert "35" not in qs and qs["drei"].category == "children"
    r = _by_text("Von insgesamt neun festgenommenen Personen kamen bis Sonntag fünf wieder auf freien Fuß "
                 "zurück.")
    assert (r["neun"].category, r["fünf"].category) == ("arrested", "people")
    m = _by_text("Fünf Millionen erhält die Stiftung, eine weitere Million der Verein.")
    assert m["Million"].value == 1_000_000


# --- batch Gf ---


def test_quantities_round4_gf_rules():
    assert _by_text("In dem Konflikt sind seit 2011 mindestens 14 000 Menschen getötet worden.")["mindestens 14 000"].value \
        == 14000
    assert [q.value for q in extract("Die Zahlen lauten 12 und 345.")] == [12, 345]  # no thousands without the space rule
    d = _by_text("Der Gegner muss auf drei Innenverteidiger sowie den verletzten Tormann verzichten.")["drei"]
    assert (d.category, d.gkg_type) == ("people", None)
    e = _by_text("Neben dem derzeit verletzten Kapitän spielten zuletzt zwei junge Innenverteidiger "
                 "durch.")["zwei"]
    assert e.category == "people"
    j = _by_text("Das Landeskriminalamt verdächtigt zwei Jäger, mehrere Greifvögel getötet und in einer Truhe "
                 "gelagert zu haben.")["zwei"]
    assert (j.category, j.gkg_type) == ("people", None)
    h = _by_text("In Belgien stehen seither mehr als 160 Personen unter Hausarrest.")["mehr als 160"]
    assert (h.category, h.gkg_type) == ("arrested", "ARREST")
    a = _by_text("Auch die zwei Attentäter starben bei der Explosion.")["zwei"]
    assert (a.category, a.gkg_type) == ("killed", "KILL")


# --- batches Gg, Gh ---


def test_quantities_round4_gg_gh_rules():
    assert _by_text("Die Flüchtlinge werden in den drei Sammelstellen versorgt.")["drei"].category is None
    assert _by_text("Kinder in 71 Kindergärten wurden betreut.")["71"].category == "buildings"  # Wikinews l015 style
    assert extract("Damit tritt nun Szenario zwei in Kraft.") == []
    assert extract("Die Themen: 1) Ein Kollektiv plant ein Museum.") == []
    # Wikinews f012: a vague plural after a noun is a count
    q = _by_text("So seien in ihrer Heimatstadt hunderte von Menschen auf die Straße gegangen, um gegen die NPD zu "
                 "demonstrieren.")["hunderte"]
    assert q.category == "protesters"
    # a number word after a weekday is a count, not a name
    assert _by_text("Am Montag vier weitere Menschen getötet.")["vier"].category == "killed"
    assert [(q.text, q.category) for q in extract("Mit 160 WM-Punkten liegt er auf Platz drei.")] == [
        ("160 WM-Punkten", "points")]
    r = _by_text("Etwa 8.500 Bewohner mussten nach dem Hochwasser ihre Zelte und Unterkünfte verlassen.")["Etwa 8.500"]
    assert (r.category, r.gkg_type) == ("displaced", "AFFECT")


# --- batch Gi ---


def test_quantities_round4_gi_rules():
    qs = _by_text("Die zehn Millionen Toten prägen noch drei und vier Generationen danach das "
                  "Land.")
    assert (qs["zehn Millionen"].category, qs["vier"].category) == ("killed", None)
    r = _by_text("Etwa 210.000 Menschen reisten im Oktober ein, 10.000 von ihnen stellten einen Antrag.")
    assert (r["10.000"].object, r["10.000"].category) == (None, "people")
    # a place counted next to the people keeps its cue for them
    n = _by_text("Am Wochenende mussten rund 3.000 Menschen in den drei Notquartieren schlafen.")["rund 3.000"]
    assert n.category == "displaced"
    assert _by_text("Für die nächste Runde sind die 16 Gruppensieger gesetzt.")["16"].category == "people"


# --- batch Gj ---


def test_quantities_round4_gj_rules():
    q = _by_text("Der Lkw streifte zwei Personen, wobei einer von ihnen getötet wurde.")["zwei"]
    assert (q.category, q.gkg_type) == ("people", None)
    p = _by_text("Während einer Kundgebung in Minsk nahmen Beamte mehr als zehn Teilnehmer "
                 "fest.")["mehr als zehn"]
    assert (p.category, p.gkg_type) == ("protesters", "ARREST")
    # without a protest, participants stay participants
    assert _by_text("Die 140 Teilnehmer kamen aus 22 Ländern.")["140"].category == "participants"
    assert _by_text("Zwölf Menschen kamen 2004 zu Tode.")["Zwölf"].category == "killed"
    assert _by_text("Das Rätsel beschäftigt seit Tagen hunderte Fans im Netz.")["hunderte"].category \
        == "supporters"
    b = _by_text("Dann stünden bestenfalls zwölf Milliarden Euro bereit.")["bestenfalls zwölf Milliarden Euro"]
    assert b.qualifier == "up_to"
    g = _by_text("Die zehn Millionen Toten wirken noch drei und vier Generationen später nach.")
    assert g["drei"].category is None


# --- batch Gk ---


def test_quantities_round4_gk_rules():
    e = _by_text("Viele Menschen sind verletzt worden, als mindestens fünf soziale Einrichtungen und "
                 "zwei Schulen beschossen wurden.")
    assert (e["mindestens fünf"].category, e["zwei"].category) == (None, "buildings")
    # Wikinews c013: an extraposed "mit N Weiteren" still belongs to the clause before the comma
    c = _by_text("Es waren Kämpfer, die die Eltern umgebracht haben, mit 21 Weiteren, als sie ihr Dorf "
                 "angegriffen haben.")["21"]
    assert c.category == "killed"
    t = _by_text("In der Hauptstadt rissen die Täter am 3. Mai 31 Personen mit in den Tod.")["31"]
    assert (t.category, t.gkg_type) == ("killed", "KILL")
    g = _by_text("Nach Angaben der Polizei sind zwei Ausländer unter den Geiseln.")["zwei"]
    assert (g.category, g.gkg_type) == ("kidnapped", "KIDNAP")
    h = _by_text("Weil im Ort 830 der 9800 Haushalte ohne Strom blieben, gab es keinen Platz.")
    assert h["830"].category is None and h["9800"].category is None


# --- batch Gl ---


def test_quantities_round4_gl_rules():
    m = _by_text("Das Land, das dutzende Millionen Einwohner zählt, trauert.")["dutzende Millionen"]
    assert (m.value, m.qualifier) == (24_000_000, "at_least")
    p = _by_text("Seit dem Sommer wurden bei Protestaktionen gegen die Regierung 176 Kurden und 27 Türken "
                 "getötet.")
    assert p["176"].category == p["27"].category == "killed"
    # without a harm the protest noun still names what the people did
    assert _by_text("Bei einer Kundgebung in Berlin versammelten sich 5.000 Menschen.")["5.000"].category \
        == "protesters"
    o = _by_text("Der Präsident ließ gestern sechs inhaftierte Gewerkschafter frei.")["sechs"]
    assert (o.category, o.gkg_type) == ("arrested", "ARREST")
    g = _by_text("Der CSU-Chef wollte den Zuzug hunderttausender Flüchtlinge verhindern.")["hunderttausender"]
    assert (g.value, g.category) == (200_000, "refugees")
    r = _by_text("Beobachter schätzten die Menge auf zwischen 700 und 2.000. Der Minister rief zur Ruhe auf.")
    assert (r["zwischen 700 und 2.000"].value, r["zwischen 700 und 2.000"].value_max) == (700, 2000)
    k = _by_text("Für 70.000 Euro Kapital erhielt er zwei Drittel der Anteile.")
    assert "zwei Drittel" in k


# --- batch Gm ---


def test_quantities_round4_gm_rules():
    q = _by_text("Hunderte Anleger, die durch den Zusammenbruch von vier Regionalbanken Geld verloren, haben "
                 "vor dem Parlament demonstriert.")
    assert (q["Hunderte"].category, q["vier"].category) == ("protesters", None)
    p = _by_text("1000 bei Protestzug gegen das Sparpaket in Linz.")["1000"]
    assert (p.value, p.category) == (1000, "protesters")
    assert extract("Im Jahr 1990 begann der Krieg.") == []


# --- batch Gn ---


def test_quantities_round4_gn_rules():
    a = _by_text("Daraufhin wurden acht Bataillonsangehörige festgenommen.")["acht"]
    assert (a.category, a.gkg_type) == ("soldiers", "ARREST")
    r = _by_text("Die Armee hat binnen drei Tagen 23 mutmaßliche Rebellen getötet.")["23"]
    assert (r.category, r.gkg_type) == ("fighters", "KILL")
    i = _by_text("Seit März haben sich in der Region über 10.000 Menschen angesteckt, von denen knapp 800 starben.")
    assert (i["über 10.000"].category, i["knapp 800"].category) == ("people", "killed")
    # Wikinews h004: "im Jahr 413" stays a (mistyped) year label
    assert "413" not in _by_text("Von 466 Schülern im Jahr 413 ist die Zahl jetzt auf 533 gestiegen.")


# --- batch Go ---


def test_quantities_round4_go_rules():
    assert extract("Der Hersteller hat die Lücke mit iOS 9 geschlossen.") == []
    e = _by_text("Ein 30-Jähriger erschoss am Abend zwölf Menschen in einem Lokal.")["zwölf"]
    assert (e.category, e.gkg_type) == ("killed", "KILL")
    a = _by_text("Seit Jahresbeginn sind 87 Menschen vor der Küste ertrunken oder werden vermisst.")["87"]
    assert (a.category, a.gkg_type) == ("affected", "AFFECT")
    s = _by_text("Bei dem Gefecht starben am Dienstag sieben Soldaten und vier Angreifer.")
    assert (s["sieben"].category, s["vier"].category) == ("soldiers", "killed")
    h = _by_text("Bis dahin will Italien vier der geplanten fünf Zentren eröffnen.")
    assert "vier" in h and "fünf" in h
    r = _by_text("Von den anfangs zehn Bewohnern wohnen heute sechs im Haus.")
    assert r["zehn"].category == "residents"


def test_quantities_10kgnad_smoke_floor():
    """The stand-off 10kGNAD dev rows score 0.980 (round 5; 0.963 in round 4); skipped where the data is absent."""
    from pathlib import Path

    from lagebild.evaluation.counts_10kgnad import DEFAULT_DATA

    data = Path(__file__).resolve().parents[1] / DEFAULT_DATA
    if not (data / "test.csv").exists():
        pytest.skip("10kGNAD data absent")
    res = evaluate(load_standoff(None, data))
    assert res["n_gold"] >= 680
    assert res["strict"]["f1"] >= 0.965


# --- batch Gp ---


def test_quantities_round4_gp_rules():
    v = _by_text("Vier Fahrgäste sind später in der Klinik ihren Verletzungen erlegen.")["Vier"]
    assert (v.category, v.gkg_type) == ("killed", "KILL")
    assert _by_text("Mehr als 100 Opfer erhielten Zusprüche im dreistelligen Bereich.")["Mehr als 100"].category \
        == "people"
    h = _by_text("Die Gruppe zieht durch das Tote Gebirge und ist jetzt 600 Höhenmeter über dem Tal.")
    assert h["600 Höhenmeter"].category == "distance"
    n = _by_text("Ermittler stellten Falschgeld im Nennwert von 100.000 sicher und nahmen drei Personen "
                 "fest.")
    assert (n["100.000"].category, n["drei"].category) == (None, "arrested")
    a = _by_text("Bei einer Attacke mit Schlagstöcken auf vier Männer ist in Hamburg ein 40-Jähriger getötet worden.")
    assert a["vier"].category == "people"
    f = _by_text("Sie stellte rund 6600 Verstöße fest und wies mehr als 350 Personen zurück.")
    assert (f["rund 6600"].category, f["mehr als 350"].category) == (None, "people")
    # "nahm ... fest" stays an arrest (Wikinews-style)
    assert _by_text("Die Polizei nahm am Montag 20 Demonstranten fest.")["20"].gkg_type == "ARREST"


# --- batch Gq ---


def test_quantities_round4_gq_rules():
    z = _by_text("Zuerst hatte die Polizei die Zahl der bei dem Angriff Getöteten mit vier angegeben, "
                 "darunter zwei Polizisten.")
    assert (z["vier"].category, z["zwei"].category) == ("killed", "police")
    assert extract("Das Video wurde tausende Male angeklickt.") == []
    # Wikinews o034 / y020: lower-case "mal" is a size or a factor
    assert _by_text("Die rund 200 mal 20 Meter große Fabrikhalle brannte aus.")["rund 200"].value == 200
    st = _by_text("Das Heft wurde mit 16.000 Stück an Kiosken vertrieben.")["16.000 Stück"]
    assert st.category is None
    u = _by_text("Das Amt hat eine Befragung unter 2800 Asylberechtigten veröffentlicht.")["2800"]
    assert (u.qualifier, u.category) == (None, "refugees")
    assert _by_text("Der Kicker verwandelte aus 39 Yards.")["39 Yards"].category == "distance"


# --- batch Gr ---


def test_quantities_round4_gr_rules():
    k = _by_text("Rund 150 Kräfte von Feuerwehr und Rotem Kreuz durchsuchten am Morgen die "
                 "Gebäude.")["Rund 150"]
    assert k.category == "rescuers"


# --- a re-read of the remaining errors and of every changed extraction on 1,028 10kGNAD articles ---


def test_quantities_round4_review_rules():
    # Wikinews s027 / z021 (CC BY 2.5)
    assert "67" not in _by_text("Denn Deutschland propagiere die Rente mit 67, den Ein-Euro-Job und einen Zwang.")
    z = _by_text("Zwei Männer sind am Freitag aus der Untersuchungshaft in einem Gefängnis in der Stadt Tulkarem "
                 "geflohen.")["Zwei"]
    assert z.category == "people"
    assert "16" not in _by_text("Mit 16 darf man dort Auto fahren.")
    assert [q.value for q in extract("Das Handy gibt es in Varianten mit 32, 64 und 128 GB Speicher.")] == [32, 64, 128]
    assert extract("Die Urkunde wurde am 15. Juni 1215 besiegelt.") == []
    assert extract("Der Tempel entstand um 1330 vor unserer Zeitrechnung.") == []
    assert extract("Er sprach über die Krankheit des seit 1970 regierenden Emirs.") == []
    assert extract("Ein Spiel für PlayStation 4 inklusive Sammelfigur.") == []
    s = _by_text("Die Armee will Raketen auf zwei Stützpunkten im Norden stationieren.")["zwei"]
    assert s.category == "buildings"
    g = _by_text("Genehmigt wurden 285.379 Stück Granaten und 68 Granatwerfer.")["285.379 Stück"]
    assert (g.object, g.category) == ("Granaten", "weapons")
    m = _by_text("Nach dem Angriff fehlt von rund 250 Arbeitern jede Spur.")["rund 250"]
    assert (m.category, m.gkg_type) == ("missing", "AFFECT")
    assert _by_text("Gemessen wurde in der Tiefe vier und fünftausend Meter unter der Oberfläche.")["vier"].value == 4


# --- WikiWarsDE batch Wa (stand-off too: CC BY-SA 3.0 text stays out of the repository) ---


def test_quantities_round4_wikiwars_rules():
    r = _by_text("Insgesamt gab es zwischen ein und anderthalb Millionen Tote.")
    q = r["zwischen ein und anderthalb Millionen"]
    assert (q.value, q.value_max, q.category) == (1_000_000, 1_500_000, "killed")
    f = _by_text("Die Truppe wurde von 4.800 von General Karl F. von Berg geführten Franzosen "
                 "verstärkt.")["4.800"]
    assert (f.object, f.category) == ("Franzosen", "people")
    h = _by_text("Genannt werden 40.000 bis im höchsten Fall 90.000 Reiter.")
    assert h["höchsten Fall 90.000"].qualifier == "up_to"


def test_quantities_standoff_reader_wikiwars_format(tmp_path):
    root = tmp_path / "WikiWarsDE_20110412" / "in"
    root.mkdir(parents=True)
    sent = "Bei dem Angriff starben 37 Matrosen."
    body = "\nTitel\n\n" + sent + "\n"
    text = "<DOC>\n<DOCID>x</DOCID>\n<TEXT>" + body + "</TEXT>\n</DOC>\n"
    (root / "01_X.sgm").write_text(text, encoding="utf-8")
    s = text.index(sent)
    row = {"id": "Wz000", "split": "dev",
           "source": {"dataset": "WikiWarsDE", "file": "01_X.sgm", "sent_start": s, "sent_end": s + len(sent),
                      "sha1": sha1(sent), "license": "CC BY-SA 3.0"},
           "quantities": [{"start": 24, "end": 26, "value": 37.0, "value_max": None, "qualifier": None,
                           "category": "killed", "gkg_type": "KILL", "object_start": 27, "object_end": 35}]}
    gold = tmp_path / "ww.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    items = load_standoff(gold, tmp_path)
    assert items[0]["text"] == sent and items[0]["quantities"][0]["object"] == "Matrosen"


def test_quantities_wikiwars_smoke_floor():
    """The stand-off WikiWarsDE dev rows (batches Wa-We) score 0.984 (round 5; 0.908 in round 4); skipped if absent."""
    from pathlib import Path

    from lagebild.evaluation.counts_10kgnad import WIKIWARS_DATA, WIKIWARS_GOLD

    data = Path(__file__).resolve().parents[1] / WIKIWARS_DATA
    if not (data / "WikiWarsDE_20110412").exists():
        pytest.skip("WikiWarsDE data absent")
    res = evaluate(load_standoff(None, data, WIKIWARS_GOLD))
    assert res["n_gold"] >= 240
    assert res["strict"]["f1"] >= 0.965


def test_quantities_round4_wikiwars_wb_rules():
    assert _by_text("Der Seuche fielen mehrere Zehntausend Menschen zum Opfer.")["mehrere Zehntausend"].value \
        == 20000
    n = _by_text("Pro Einsatz wurden nicht mehr als ein Dutzend Raketen abgefeuert.")["nicht mehr als ein Dutzend"]
    assert (n.value, n.qualifier) == (12, "up_to")
    assert extract("Bis 211 v. Chr. wuchs die Stadt stark.") == []
    g = _by_text("Der General glaubte, bald gegen 200.000 Soldaten zu kämpfen.")["200.000"]
    assert g.qualifier is None
    # Wikinews-style: "Gegen 300 Menschen kamen" stays "about"
    assert _by_text("Gegen 300 Menschen kamen zu der Kundgebung.")["Gegen 300"].qualifier == "about"
    d = _by_text("Gekämpft wurde an dreißig Abschnitten der Front, dabei starben 95 Soldaten.")
    assert (d["dreißig"].category, d["95"].category) == (None, "soldiers")


def test_quantities_round4_wikiwars_wc_rules():
    assert "35" not in _by_text("Im Winter 1934/35 wichen die Truppen in die Berge aus.")
    t = _by_text("Der Feldzug kostete über 600.000 Tote und Verwundete.")["über 600.000"]
    assert (t.category, t.gkg_type) == ("affected", "AFFECT")
    # separate counts keep their own fate
    s = _by_text("Es gab 98 Tote und 73 Verwundete.")
    assert (s["98"].category, s["73"].category) == ("killed", "injured")
    f = _by_text("Die Verteidiger hatten zweieinhalb mal so viele Ausfälle wie die Angreifer.")
    assert f["zweieinhalb"].category is None
    # Wikinews o034: "200 mal 20 Meter" is still a size
    assert _by_text("Die rund 200 mal 20 Meter große Halle brannte aus.")["rund 200"].category == "distance"
    assert _by_text("Der Haushalt wies 503 Millionen Livres an Einnahmen aus.")["503 Millionen Livres"].category \
        == "money"


def test_quantities_round4_wikiwars_wd_rules():
    u = _by_text("Die Bande erschoss in der Stadt Lawrence, Kansas 25 unbewaffnete "
                 "Soldaten.")["25"]
    assert (u.category, u.gkg_type) == ("soldiers", "KILL")
    r = _by_text("Die Schätzungen reichen von 500.000 bis 1 Million Menschen.")["500.000 bis 1 Million"]
    assert (r.value, r.value_max) == (500_000, 1_000_000)
    assert _by_text("Es kam zur Ermordung Tausender Igbos.")["Tausender"].category == "killed"
    assert "Zehn" not in _by_text("Die Propaganda nannte es die „Zehn Stalinschen Schläge“ im Jahr.")
    # Wikinews y007: a quotation that starts with a count is no name
    assert _by_text("Die Agentur meldet: „Drei Bomben waren aneinander gebunden.“")["Drei"].value == 3
    p = _by_text("Beteiligt waren 60 Divisionen, davon 11 Panzer- und 8 Infanteriedivisionen.")
    assert p["11"].object == "Infanteriedivisionen"
    w = _by_text("Während die Angreifer 312 Männer verloren, wurden 880 Verteidiger getötet oder verwundet.")
    assert (w["312"].category, w["880"].category) == ("people", "affected")
    # Wikinews f000: a count after "darunter" does not cut the verb off
    f = _by_text("In Tunesien hatte ein Extremist 38 Menschen, darunter 30 Briten, erschossen.")
    assert f["38"].category == "killed"
    assert _by_text("Das Regiment zog sich mit ca. 40 bis 50 Verlusten zurück.")["ca. 40 bis 50"].category \
        == "affected"


def test_quantities_round4_wikiwars_we_rules():
    s = _by_text("Über 80.000 französische und österreichische Soldaten wurden verwundet, getötet oder "
                 "gefangen genommen.")["Über 80.000"]
    assert (s.object, s.category) == ("Soldaten", "soldiers")
    t = _by_text("Im ersten Kriegsjahr wurden mehr als 20.000 tote polnische und deutsche Soldaten gezählt.")["mehr als 20.000"]
    assert (t.category, t.gkg_type) == ("soldiers", "KILL")
    d = _by_text("Im Herbst töteten Soldaten bei friedlichen, jedoch verbotenen Demonstrationen "
                 "bis zu 200 Menschen.")["bis zu 200"]
    assert d.category == "killed"
    assert _by_text("Im Wald fand man 5000 Hinrichtungsopfer.")["5000"].category == "killed"
    assert _by_text("Ausgesetzt wurden 50.000 US-Dollar (damals circa 210.000 DM) als Prämie.")[
        "circa 210.000 DM"].category == "money"
    # Wikinews w008: a far "gefangen gehalten" is no cue for a count of tickets
    w = _by_text("Die insgesamt 46.664 verkauften Eintrittskarten erinnern an die Gefangenen-Nummer Mandelas, der "
                 "27 Jahre auf Robben Island gefangen gehalten worden war.")["46.664"]
    assert w.category is None
