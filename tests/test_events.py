"""Event stage: triggers, clause roles, modality, dedup, offsets; smoke evaluations with pinned floors.

Sentences are from German Wikinews articles (CC BY 2.5; page ids in the comments) unless they are the
issue's own examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.doc import Doc
from lagebild.events import EventStage, dedup_across
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage

STAGE = EventStage()


def run(text: str, published: str = "2022-05-03", language: str = "de") -> Doc:
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published=published, language=language)))
    return STAGE(doc)


def factual(doc: Doc) -> list:
    return [e for e in doc.events if not (e.negated or e.hypothetical or e.historical)]


def assert_offsets(doc: Doc) -> None:
    for e in doc.events:
        assert doc.text[e.start:e.end] == e.text
        assert doc.text[e.trigger_start:e.trigger_end] == e.trigger
        for a in (*e.sources, *e.targets):
            assert doc.text[a.start:a.end] == a.text
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
            assert doc.text[m.trigger_start:m.trigger_end] == m.trigger


def test_events_issue_example_air_force_attacks_kharkiv() -> None:
    doc = run("Die Luftwaffe griff die Stadt Charkiw an.")
    (ev,) = doc.events
    assert (ev.type, ev.mode, ev.cameo, ev.quad_class) == ("ASSAULT", "aerial", "195", 4)
    assert [a.code for a in ev.sources] == ["MIL"]
    assert [a.text for a in ev.targets] == ["Charkiw"]
    assert ev.targets[0].code == "UKR"
    assert not (ev.negated or ev.hypothetical)


def test_events_wikinews_air_strike_with_demonym_actor() -> None:
    # de.wikinews page 55038 (2009-01-03)
    doc = run("Israelische Kampfflugzeuge bombardierten am Abend die Hauptverbindungsstraße im Gazastreifen.",
              published="2009-01-03")
    (ev,) = factual(doc)
    assert (ev.type, ev.mode) == ("ASSAULT", "aerial")
    assert ev.sources[0].code == "ISRMIL"


def test_events_passive_von_marks_the_source() -> None:
    doc = run("Zwei Personen wurden von der Polizei festgenommen.")
    (ev,) = doc.events
    assert (ev.type, ev.mode) == ("COERCE", "arrest")
    assert [a.code for a in ev.sources] == ["COP"]
    assert [a.code for a in ev.targets] == ["CVL"]


def test_events_separable_verb_needs_its_particle() -> None:
    # de.wikinews page 73055: "nahmen ... fest"
    doc = run("Zuvor schon nahmen kenianische Polizeikräfte zwei Iraner fest, die unter Verdacht stehen, "
              "Anschläge in Nairobi und Mombasa geplant zu haben.", published="2012-06-24")
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert arrests and arrests[0].trigger == "nahmen" and not arrests[0].hypothetical
    assert arrests[0].sources[0].code.endswith("COP")
    planned = [e for e in doc.events if e.type == "ASSAULT"]
    assert planned and all(e.hypothetical for e in planned)  # planned attacks did not happen
    assert run("Er nahm die Nachricht gelassen.").events == []


def test_events_genitive_is_agent_of_attacks_and_auf_is_target() -> None:
    doc = run("Die Angriffe der russischen Armee auf Charkiw dauern an.")
    (ev,) = doc.events
    assert ev.sources[0].code == "RUSMIL"
    assert ev.targets[0].text == "Charkiw"


def test_events_compound_actor_is_a_list() -> None:
    doc = run("Die Regierungstruppen und ihre russischen Verbündeten eroberten die Stadt.")
    (ev,) = doc.events
    assert ev.type == "COERCE" and ev.mode == "seize"
    assert [a.code for a in ev.sources] == ["MIL", "RUSMIL"]


def test_events_recapture_is_a_seizure() -> None:
    # the German particle verb "zurückerobern" (also "zurückzuerobern", "Rückeroberung") is a seizure too
    doc = run("Im November hatten ukrainische Truppen die Stadt Isjum zurückerobert.", published="2023-02-15")
    (ev,) = doc.events
    assert (ev.type, ev.mode, ev.trigger) == ("COERCE", "seize", "zurückerobert")
    assert [a.code for a in ev.sources] == ["UKRMIL"]
    doc = run("Die Armee versucht, die Stadt zurückzuerobern.")
    assert [e.trigger for e in doc.events] == ["zurückzuerobern"]
    assert_offsets(doc)


def full(text: str, published: str) -> Doc:
    import lagebild

    return lagebild.load(mode="fast").analyze(text, published=published)


def test_events_passive_of_an_ieren_verb_makes_the_subject_the_target() -> None:
    # de.wikinews page 54978 (2009-01-01): "bombardiert" has no ge- prefix, and fast mode has no POS tags
    doc = full("Dabei wurden erneut Ministerien der Hamas sowie Schmuggeltunnel an der Grenze zu Ägypten "
               "bombardiert.", "2009-01-01")
    (ev,) = [e for e in doc.events if e.trigger == "bombardiert"]
    assert [a.text for a in ev.sources] == []
    assert any("Hamas" in a.text for a in ev.targets)  # "Ministerien der Hamas"
    assert_offsets(doc)


def test_events_reporter_is_neither_source_nor_target() -> None:
    # de.wikinews page 61190 (2010-02-15)
    doc = full("Nach Angaben der afghanischen Regierung wurden innerhalb der ersten Tage der Militäroperation "
               "35 Talibankämpfer getötet.", "2010-02-15")
    (ev,) = [e for e in doc.events if e.trigger == "getötet"]
    assert "afghanischen Regierung" not in [a.text for a in (*ev.sources, *ev.targets)]
    assert [a.text for a in ev.targets] == ["Talibankämpfer"]


def test_events_partitive_von_is_not_an_agent_marker() -> None:
    # de.wikinews page 27575 (2006-05-30)
    doc = full("Laut der New York Times hat eine Gruppe von US-Marines massiv und grundlos Zivilisten erschossen, "
               "die Erschießungen seien systematisch gewesen.", "2006-05-30")
    (ev,) = [e for e in doc.events if e.trigger == "erschossen"]
    assert [a.text for a in ev.sources] == ["US-Marines"]
    assert [a.text for a in ev.targets] == ["Zivilisten"]


def test_events_genitive_place_after_an_attack_noun_is_the_target() -> None:
    # de.wikinews page 55038 (2009-01-03)
    doc = full("Die israelische Armee hatte heute mit dem Beschuss des Gazastreifens durch ihre Artillerie "
               "begonnen.", "2009-01-03")
    (ev,) = [e for e in doc.events if e.trigger == "Beschuss"]
    assert [a.text for a in ev.targets] == ["Gazastreifens"]
    assert "Gazastreifens" not in [a.text for a in ev.sources]


def test_events_crash_landing_is_an_accident_not_an_assault() -> None:
    # de.wikinews page 74940 (2013-02-13): a generic "getötet" in an accident report is not an attack
    doc = full("Bei einer Bruchlandung eines Passagierflugzeugs auf dem Flughafen der ukrainischen Stadt Donezk "
               "sind am Mittwochabend mindestens fünf Menschen getötet, weitere zwölf verletzt worden.", "2013-02-13")
    assert [e for e in doc.events if e.type == "ASSAULT"] == []


def test_events_sein_passive_of_a_violent_verb_makes_the_subject_the_target() -> None:
    doc = full("In der Stadt sind am Montag drei Soldaten erschossen worden.", "2013-02-13")
    (ev,) = doc.events
    assert [a.text for a in ev.sources] == []
    assert [a.text for a in ev.targets] == ["Soldaten"]


def test_events_negation_is_flagged_not_dropped() -> None:
    doc = run("Die Armee ist nicht aktiv an den Kämpfen beteiligt.")
    (ev,) = doc.events
    assert ev.type == "ASSAULT" and ev.negated
    assert factual(doc) == []


def test_events_warning_and_prediction_are_hypothetical() -> None:
    doc = run("Die Stadt könnte das nächste Mariupol werden, warnte der Bürgermeister vor einem Angriff.")
    assert doc.events and all(e.hypothetical for e in doc.events)
    # de.wikinews page 73055 (2012-06-24)
    doc = run("Nun befürchtet die USA, dass Kenia ein großangelegter Anschlag droht.", published="2012-06-24")
    assert doc.events and factual(doc) == []


def test_events_threat_frame_and_cameo_coding() -> None:
    from lagebild.events.stage import cameo_coded

    doc = run("Russland droht mit einer neuen Offensive.")
    off = [e for e in doc.events if e.type == "ASSAULT"]
    assert off and off[0].hypothetical and off[0].frame == "threat"
    assert cameo_coded(off[0]) == ("THREATEN", "13")


def test_events_hearsay_soll_haben_is_reported_not_hypothetical() -> None:
    doc = run("Die Armee soll die Stadt angegriffen haben.")
    (ev,) = doc.events
    assert ev.reported and not ev.hypothetical


def test_events_accident_deaths_are_not_attacks() -> None:
    # de.wikinews page 25118 title: helicopter crash
    doc = run("Zehn Soldaten wurden bei einem Hubschrauberabsturz in Nepal getötet.")
    assert [e for e in doc.events if e.type == "ASSAULT"] == []


def test_events_old_year_marks_historical() -> None:
    # de.wikinews page 69120 (2011-07-20), dated two years later here to cross the one-year line
    doc = run("Ende Mai 2010 töteten israelische Soldaten bei einer ähnlichen Aktion neun Aktivisten.",
              published="2013-07-20")
    (ev,) = doc.events
    assert ev.historical and ev.sources[0].code == "ISRMIL"


def test_events_english_sentence() -> None:
    doc = run("Israeli soldiers arrested dozens of Palestinians near Hebron on Tuesday.",
              published="2000-01-01", language="en")
    (ev,) = doc.events
    assert (ev.type, ev.mode) == ("COERCE", "arrest")
    assert ev.sources[0].code == "ISRMIL"
    assert ev.targets[0].country == "PSE"


def test_events_dedup_within_article_keeps_every_mention() -> None:
    text = "Die Luftwaffe griff die Stadt Charkiw an. Am Abend griff die Luftwaffe erneut die Stadt Charkiw an."
    doc = run(text)
    (ev,) = doc.events
    assert len(ev.mentions) == 2 and ev.event_key
    assert_offsets(doc)


def test_events_dedup_across_articles_is_pure_and_groups_by_key() -> None:
    a = run("Die Luftwaffe griff die Stadt Charkiw an.")
    b = run("Am Abend griff die Luftwaffe die Stadt Charkiw an. In Berlin demonstrierten Tausende.")
    before = a.to_dict()["events"]
    clusters = dedup_across([("a", e) for e in a.events] + [("b", e) for e in b.events])
    assault = [c for c in clusters if c["event"]["type"] == "ASSAULT"]
    assert len(assault) == 1 and assault[0]["articles"] == ["a", "b"]
    assert {m["article_id"] for m in assault[0]["mentions"]} == {"a", "b"}
    assert a.to_dict()["events"] == before


def test_events_offsets_hold_on_a_real_article(homs_text: str) -> None:
    doc = run(homs_text, published="2011-05-11")
    assert doc.events
    assert_offsets(doc)
    assert {"ASSAULT", "PROTEST"} <= {e.type for e in doc.events}


def test_events_offsets_hold_on_the_gold_sentences() -> None:
    from lagebild.evaluation.events import load_de_gold

    for r in load_de_gold()[:120]:
        assert_offsets(run(r["text"], published=r["published"]))


def test_events_stage_contract_and_registry() -> None:
    from lagebild.pipeline import STAGES, _build

    stage = _build("events", "fast", {})
    assert (stage.name, stage.requires, stage.assigns) == ("events", ("tokens", "sentences"), ("events",))
    assert STAGES["events"] == "lagebild.events:EventStage"


# -- smoke evaluations (pinned floors a bit below the measured figures in docs/evaluation/events.md) ----------------
def test_events_smoke_plover_test_split(shared_data: Path) -> None:
    from lagebild.evaluation.events import eval_plover

    res = eval_plover(shared_data / "plover_gsr_en", split="test")
    assert res["n"] == 158
    assert res["type_macro_f1"] >= 0.62
    assert res["type_accuracy"] >= 0.68
    assert res["actor_accuracy"] >= 0.47


def test_events_smoke_de_gold_test_split() -> None:
    from lagebild.evaluation.events import eval_de_gold

    res = eval_de_gold(split="test")
    assert res["n"] == 133
    assert res["precision"] >= 0.82
    assert res["recall"] >= 0.56


def test_events_smoke_de_gold_roles() -> None:
    from lagebild.evaluation.events import eval_de_gold

    test = eval_de_gold(split="test")
    assert test["source_f1"] >= 0.55 and test["target_f1"] >= 0.54  # measured 0.592 / 0.585
    dev = eval_de_gold(split="dev")  # tuned on: a drop here means a rule broke
    assert dev["source_f1"] >= 0.85 and dev["target_f1"] >= 0.79  # measured 0.892 / 0.824
    assert dev["role_swaps"] <= 4


def test_events_gold_actor_spans_are_exact() -> None:
    from lagebild.evaluation.events import load_de_gold

    n = 0
    for r in load_de_gold():
        for e in r["events"]:
            for a in (*e["source"], *e["target"]):
                assert r["text"][a["start"]:a["end"]] == a["text"]
                n += 1
    assert n > 250


def roles_of(doc: Doc, etype: str, trigger: str | None = None) -> tuple[list[str], list[str]]:
    (ev,) = [e for e in doc.events if e.type == etype and (trigger is None or e.trigger == trigger)]
    assert_offsets(doc)
    return [a.text for a in ev.sources], [a.text for a in ev.targets]


def test_events_genitive_attribute_shares_its_head_nouns_role() -> None:
    # de.wikinews page 57933 (2009-06-16): "den Einsatz der Polizei" is the object; the affiliation is one actor
    doc = run("Auch Vertreter von Amnesty International verurteilten den Einsatz der Polizei.", "2009-06-16")
    assert roles_of(doc, "ACCUSE") == (["Vertreter von Amnesty International"], ["Polizei"])


def test_events_object_first_clause_with_genitive_attribute() -> None:
    # de.wikinews page 54978 (2009-01-01)
    doc = run("Eine Forderung der EU-Außenminister nach einer sofortigen und anhaltenden Waffenruhe lehnte das "
              "israelische Sicherheitskabinett vorerst ab.", "2009-01-01")
    assert roles_of(doc, "REJECT") == (["israelische Sicherheitskabinett"], ["EU-Außenminister"])


def test_events_pronoun_subject_makes_the_noun_an_object() -> None:
    # de.wikinews page 58846 (2009-09-18): "sie" is the subject, the partitive refugees are the target
    doc = run("Dabei hätten sie ohne Vorwarnung eine Gruppe von Flüchtlingen bombardiert, die sich nahe einer "
              "Schule aufgehalten hätten.", "2009-09-18")
    assert roles_of(doc, "ASSAULT") == ([], ["Flüchtlingen"])


def test_events_event_noun_in_an_adjunct_takes_roles_from_the_passive_clause() -> None:
    # de.wikinews page 52120 (2008-08-13): the harbour town is where, the people are the target
    doc = run("Bei einem Bombenanschlag in der Hafenstadt Tripoli im nördlichen Libanon wurden 18 Menschen "
              "getötet, davon mindestens sieben Angehörige der libanesischen Armee.", "2008-08-13")
    assert roles_of(doc, "ASSAULT") == ([], ["Menschen"])


def test_events_appositive_name_and_request_addressee() -> None:
    # de.wikinews page 57933 (2009-06-16): "fordern von X" names the addressee, not an agent
    doc = run("Bundeskanzlerin Angela Merkel forderte von der iranischen Regierung Aufklärung darüber, ob die "
              "Wahl regulär verlaufen sei.", "2009-06-16")
    assert roles_of(doc, "REQUEST") == (["Bundeskanzlerin Angela Merkel"], ["iranischen Regierung"])


def test_events_responsibility_and_reciprocal_clashes() -> None:
    # de.wikinews pages 58846 and 52120
    doc = run("Al-Qaida wird für mehrere tödliche Anschläge im Jemen verantwortlich gemacht.", "2009-09-18")
    assert roles_of(doc, "ACCUSE") == ([], ["Al-Qaida"])
    assert roles_of(doc, "ASSAULT") == (["Al-Qaida"], [])
    doc = run("In Tripoli war es in den letzten Wochen immer wieder zu Feuergefechten zwischen Sunniten und "
              "Schiiten gekommen.", "2008-08-13")
    assert roles_of(doc, "ASSAULT") == (["Sunniten"], ["Schiiten"])


def test_events_conjunction_waehrend_and_attributive_participle() -> None:
    # de.wikinews (Xinjiang riots, 2013; press freedom report, 2008)
    doc = run("Die Zahlen wurden später präzisiert und es heißt nun, dass 22 Zivilisten und 2 Polizisten durch die "
              "Demonstranten getötet wurden, während die Polizei 11 Demonstranten tötete und 4 verletzt festnahm.",
              "2013-06-28")
    assert roles_of(doc, "ASSAULT", "tötete") == (["Polizei"], ["Demonstranten"])
    doc = run("Es folgen die Länder Pakistan mit sieben und die Philippinen mit sechs getöteten Journalisten.",
              "2008-12-30")
    assert roles_of(doc, "ASSAULT") == ([], ["Journalisten"])


def test_events_brackets_do_not_cut_a_passive_clause() -> None:
    # de.wikinews (Xinjiang riots, 2013)
    doc = run("Bei Unruhen im chinesischen Uigurischen Autonomen Gebiet Xinjiang wurden am Mittwoch (26.06.) "
              "insgesamt 35 Personen getötet und vier weitere verletzt.", "2013-06-28")
    assert roles_of(doc, "ASSAULT", "getötet") == ([], ["Personen"])


def test_events_withdrawing_troops_are_the_source() -> None:
    # de.wikinews (Iraq, 2005): "Abzug der US-Truppen"
    doc = run("Unter den gegenwärtigen Bedingungen halten die Befehlshaber der US-Streitkräfte einen vorzeitigen "
              "Abzug der US-Truppen für immer unwahrscheinlicher.", "2005-08-01")
    assert roles_of(doc, "RETREAT") == (["US-Truppen"], [])


def test_events_fronted_object_and_pronoun_subject() -> None:
    # de.wikinews (German federal election, 2005): the object stands first, "er" after the verb is the subject
    doc = run("Die Bürgerinnnen und Bürger forderte er anschließend auf, von ihrem Wahlrecht sorgsamen Gebrauch zu "
              "machen.", "2005-09-17")
    assert roles_of(doc, "REQUEST") == ([], ["Bürger"])


def test_events_event_noun_under_another_act_and_perfect_infinitive() -> None:
    # de.wikinews (Syria bus convoy bombing, 2017; a murder suspect, 2017)
    doc = run("Auch das Außenministerium der Vereinigten Staaten kritisierte den Anschlag als barbarische Tat.",
              "2017-04-16")
    assert roles_of(doc, "ASSAULT")[0] == []  # the ministry criticised the attack, it did not commit it
    doc = run("Der Tatverdächtige behauptet von sich selbst, weitere Menschen getötet zu haben.", "2017-04-18")
    assert roles_of(doc, "ASSAULT") == ([], ["Menschen"])


def test_events_casualties_demanded_by_a_disaster_are_no_request() -> None:
    # de.wikinews (typhoon in the Philippines, 2009)
    doc = run("Zwölf Todesopfer forderte ein Taifun, der am Sonntag den Norden der Philippinen heimsuchte.",
              "2009-10-05")
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_events_enumeration_with_commas_and_quoted_clause_parts() -> None:
    # de.wikinews (Zimbabwe, 2008; Haditha, 2006)
    doc = run("Südafrika, Großbritannien und die Vereinigten Staaten werden aufgefordert, mehr Druck auf die "
              "Regierung in Harare ausüben.", "2008-04-20")
    assert roles_of(doc, "REQUEST")[1][:2] == ["Südafrika", "Großbritannien"]  # (+ the USA with the NER layer)
    doc = run("Die „unter Druck stehenden Soldaten“ hätten „unschuldige Zivilisten kaltblütig getötet“, so Murtha.",
              "2006-05-18")
    assert roles_of(doc, "ASSAULT") == (["Soldaten"], ["Zivilisten"])


def test_events_eval_main_prints_json_last(shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from lagebild.evaluation.events import main

    assert main(["--dataset", "de_gold", "--limit", "10", "--json"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    obj = json.loads(last)
    assert obj["task"] == "events" and obj["dataset"] == "de_gold" and "precision" in obj


def test_events_place_time_and_quote_layers_are_used() -> None:
    from lagebild.records import Place, Quote, TimeExpression

    text = "„Russische Truppen haben am Montag die Stadt Cherson beschossen“, sagte der Bürgermeister."
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2022-05-03", language="de")))
    c = text.index("Cherson")
    doc.places = [Place(start=c, end=c + 7, text="Cherson", name="Kherson", geonameid=706448, country_iso2="UA",
                        country_iso3="UKR", lat=46.64, lon=32.61, feature_type="city")]
    m = text.index("am Montag")
    doc.times = [TimeExpression(start=m + 3, end=m + 9, text="Montag", type="DATE", value="2022-05-02",
                                granularity="day", begin="2022-05-02", end_date="2022-05-02")]
    q_end = text.index("“")
    doc.quotes = [Quote(start=0, end=len(text), text=text, kind="direct", message=text[1:q_end], message_start=1,
                        message_end=q_end, speaker="der Bürgermeister")]
    (ev,) = STAGE(doc).events
    assert ev.place is not None and ev.place.geonameid == 706448 and ev.place_precision == "city"
    assert (ev.date, ev.date_precision) == ("2022-05-02", "day")
    assert ev.reported and ev.reported_by == "der Bürgermeister" and not ev.hypothetical
    assert ev.sources[0].code == "RUSMIL" and ev.targets[0].text == "Cherson"


def test_events_english_intent_is_coded_as_agree() -> None:
    from lagebild.events.stage import cameo_coded, main_event

    doc = run("Russia says it is willing to withdraw its troops from the border region.", published="2000-01-01",
              language="en")
    ev = main_event(doc.events)
    assert ev is not None and ev.type == "RETREAT" and ev.hypothetical and ev.frame == "intent"
    assert cameo_coded(ev) == ("AGREE", "03")


def test_events_other_languages_get_no_lexicon_events_in_fast_mode() -> None:
    doc = run("Les forces aériennes ont bombardé la ville de Kharkiv.", language="fr")
    assert doc.events == []
