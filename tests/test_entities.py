"""Entity stage: NER + curated gazetteer + linking within an article.

Sentences are from German Wikinews (CC BY 2.5), detokenised; the last article
is a short composite of real news phrasing about Russia and Syria.
"""

from __future__ import annotations

import pytest

from lagebild.doc import Doc
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage

WIKINEWS = (
    "Kanzlerkandidatin Angela Merkel sowie CSU-Vorsitzender Edmund Stoiber sprachen von einer Abwahl von "
    "Rot-Grün und einem Regierungsauftrag der Wähler für die Union. In einem Interview sprach Angela Merkel "
    "von der Möglichkeit einer großen Koalition unter einer Kanzlerin Merkel. Angela Merkel will Gespräche mit "
    "allen Parteien aufnehmen, außer mit der Linkspartei."
)
WIKINEWS_2 = (
    "Tom Koenigs vom Bündnis90/Die Grünen wird neuer UN-Sondergesandter für Afghanistan. Der bisherige "
    "UN-Sondergesandte für Afghanistan war der Franzose Jean Arnault. Koenigs ist ein Parteifreund und "
    "Weggefährte des Ex-Außenministers Joschka Fischer."
)
WIKINEWS_3 = (
    "Auf der heute in München stattfindenden Sicherheitskonferenz mit internationaler Beteiligung kam es zu "
    "einem verbalen Schlagabtausch zwischen dem iranischen Vize-Außenminister für internationale Beziehungen, "
    "Abbas Araghchi, und anwesenden hochrangigen Politikern westlicher Staaten. Die deutsche Bundeskanzlerin "
    "Merkel begrüßte den heutigen Beschluss der IAEA und griff den Iran mit ungewöhnlich scharfen "
    "Formulierungen an."
)
CONFLICT = (
    "Der russische Präsident Wladimir Putin hat der syrischen Regierung weitere Unterstützung zugesagt. "
    "Russische Kampfjets flogen nach Angaben des Verteidigungsministeriums in Moskau erneut Angriffe auf "
    "Stellungen der IS-Miliz bei Rakka. Der Kremlchef sagte, auch die Hisbollah kämpfe gegen die Terroristen. "
    "Putin forderte die Nato auf, ihre Truppen aus Osteuropa abzuziehen."
)


@pytest.fixture(scope="module")
def stage():
    from lagebild.entities import EntityStage

    return EntityStage(mode="fast")


def _doc(text: str, published: str | None = "2016-02-13") -> Doc:
    return SegmentStage()(Doc(Article(id=content_id(text), text=text, published=published, language="de")))


def test_entities_provenance_offsets(stage) -> None:
    for text in (WIKINEWS, WIKINEWS_2, WIKINEWS_3, CONFLICT):
        doc = stage(_doc(text))
        assert doc.entities
        for m in doc.entities:
            assert doc.text[m.start : m.end] == m.text
            assert m.label in {"PER", "LOC", "ORG", "MISC"}
            assert m.entity and m.canonical
            assert m.source in {"model", "gazetteer", "rule"}
            assert 0.0 <= m.score <= 1.0


def test_entities_finds_names_in_wikinews(stage) -> None:
    doc = stage(_doc(WIKINEWS))
    found = {(m.text, m.label) for m in doc.entities}
    assert ("Angela Merkel", "PER") in found
    assert ("Edmund Stoiber", "PER") in found
    assert ("CSU-Vorsitzender", "PER") not in found


def test_entities_surname_links_to_full_name(stage) -> None:
    doc = stage(_doc(WIKINEWS))
    merkel = [m for m in doc.entities if "Merkel" in m.text]
    assert len(merkel) >= 3
    assert len({m.entity for m in merkel}) == 1
    assert all(m.canonical == "Angela Merkel" and m.qid == "Q567" for m in merkel)
    doc = stage(_doc(WIKINEWS_2))
    koenigs = [m for m in doc.entities if "Koenigs" in m.text]
    assert len(koenigs) == 2 and len({m.entity for m in koenigs}) == 1
    assert koenigs[1].canonical == "Tom Koenigs"


def test_entities_role_before_name(stage) -> None:
    doc = stage(_doc(WIKINEWS))
    stoiber = next(m for m in doc.entities if m.text == "Edmund Stoiber")
    assert stoiber.role == "CSU-Vorsitzender"
    doc = stage(_doc(CONFLICT))
    putin = next(m for m in doc.entities if m.text == "Wladimir Putin")
    assert putin.role == "russische Präsident"
    assert putin.qid == "Q7747" and putin.actor_code == "RUSGOV" and putin.country == "RUS"


def test_entities_role_description_and_gazetteer(stage) -> None:
    doc = stage(_doc(CONFLICT))
    by_text = {m.text: m for m in doc.entities}
    putin_key = by_text["Wladimir Putin"].entity
    assert by_text["Putin"].entity == putin_key
    kreml = by_text["Kremlchef"]
    assert kreml.entity == putin_key and kreml.source == "rule" and kreml.role == "Kremlchef"
    assert by_text["IS-Miliz"].label == "ORG" and by_text["IS-Miliz"].actor_code == "IMGMUSISI"
    assert by_text["Hisbollah"].qid == "Q41053"
    assert by_text["Nato"].actor_code == "IGOWSTNAT"
    assert by_text["Moskau"].label == "LOC"
    # adjectives are not entities (GermEval convention); events look them up via lagebild.actors
    assert "Russische" not in by_text


def test_entities_pipe_matches_call(stage) -> None:
    docs = [_doc(t) for t in (WIKINEWS, CONFLICT)]
    piped = list(stage.pipe([_doc(t) for t in (WIKINEWS, CONFLICT)]))
    for a, b in zip((stage(d) for d in docs), piped, strict=True):
        assert [(m.start, m.end, m.label, m.entity) for m in a.entities] == [
            (m.start, m.end, m.label, m.entity) for m in b.entities
        ]


def test_entities_empty_and_whitespace_doc(stage) -> None:
    doc = stage(_doc("   "))
    assert doc.entities == []


class _LexiconTagger:
    """Deterministic stand-in for the NER model: tags listed token sequences."""

    def __init__(self, names: dict[tuple[str, ...], str]) -> None:
        self.names = names

    def predict(self, token_lists):
        out = []
        for toks in token_lists:
            spans, i = [], 0
            while i < len(toks):
                for name, lab in self.names.items():
                    if tuple(toks[i : i + len(name)]) == name:
                        spans.append((i, i + len(name), lab, 0.99))
                        i += len(name) - 1
                        break
                i += 1
            out.append(spans)
        return out


def test_entities_linking_logic_with_stub_tagger() -> None:
    from lagebild.entities import EntityStage

    tagger = _LexiconTagger({("Sergej", "Lawrow"): "PER", ("Lawrow",): "PER", ("Islamischer",): "ORG",
                             ("Genf",): "LOC", ("Angela", "Merkel", "von"): "PER"})
    stage = EntityStage(config={"tagger": tagger})
    text = ("Der russische Außenminister Sergej Lawrow traf in Genf ein. Lawrow warnte vor dem Islamischer Staat. "
            "Lawrows Sprecher schwieg. Angela Merkel von der CDU antwortete.")
    doc = stage(_doc(text, published="2016-03-01"))
    by_text = {m.text: m for m in doc.entities}
    assert by_text["Sergej Lawrow"].role == "russische Außenminister"
    assert by_text["Lawrow"].entity == by_text["Sergej Lawrow"].entity
    assert by_text["Lawrows"].entity == by_text["Sergej Lawrow"].entity  # genitive, propagated (HanTa NE)
    assert by_text["Lawrow"].canonical == "Sergej Lawrow" and by_text["Lawrow"].actor_code == "RUSGOV"
    # the adjective and proper-noun checks read HanTa's tags only: no stage output needs the lemmas, which cost
    # about a third of HanTa's time
    assert all(t.lemma is None and t.pos is None for t in doc.tokens)
    # the gazetteer span covers the model's partial one
    isis = by_text["Islamischer Staat"]
    assert isis.source == "gazetteer" and isis.actor_code == "IMGMUSISI"
    # a trailing lower-case word is trimmed from a person span
    assert "Angela Merkel" in by_text and "Angela Merkel von" not in by_text
    assert by_text["CDU"].qid == "Q49762"
    for m in doc.entities:
        assert doc.text[m.start : m.end] == m.text


# -- session 10 entity clean-up: sentences from the bundled German Wikinews samples (CC BY 2.5, samples/text/,
# attribution in samples/ATTRIBUTION.md), one per problem a review of real output found

HELMAND = ("Die afghanischen und ausländischen Soldaten waren fälschlicherweise davon ausgegangen, die verdächtigen "
           "Personen seien dabei, eine Sprengfalle zu bauen. Der Vorgang stand nicht in Zusammenhang mit der zurzeit "
           "stattfindenden Offensive von NATO- und afghanischen Militäreinheiten.")  # wikinews-61190
HOMS_EU = ("Gegenüber Sanktionen der Europäischen Union zeigte sich das Regime bisher wenig beeindruckt. Die EU "
           "hatte am Dienstag ein Einreiseverbot gegen 13 ranghohe Syrer verhängt.")  # wikinews-68080
HOMS_TANKS = ("In mehreren Stadtteilen wurden Berichten zufolge Panzer in Stellung gebracht. Wie Menschenrechtler "
              "gegenüber der Nachrichtenagentur AFP berichteten, gab es heute Berichte über Artilleriefeuer und "
              "Beschuss durch Panzer.")  # wikinews-68080
ODESSA = ("Nach Behördenangaben ist die aus Odessa kommende Maschine des Typs Antonow An-24 der ukrainischen "
          "Gesellschaft South Airlines beim Landeanflug in dichtem Nebel rund 700 Meter über die Landebahn "
          "hinausgeschossen.")  # wikinews-74940


@pytest.mark.parametrize("mode", ["fast", "accurate"])
def test_entities_truncated_compound_part_is_no_mention(mode: str) -> None:
    """'NATO-' (of 'NATO-Militäreinheiten', head left out) came out as ORG 'NATO-' in both modes. GermEval 2014
    annotates such compound parts ORGpart/LOCpart, not ORG/LOC, as the stage treats 'NATO-Angriffe'."""
    from lagebild.entities import EntityStage

    doc = EntityStage(mode=mode)(_doc(HELMAND, published="2010-02-16"))
    assert not [m.text for m in doc.entities if m.text.endswith("-")]


def test_entities_truncated_compound_dropped_whatever_the_tagger_says() -> None:
    from lagebild.entities import EntityStage

    tagger = _LexiconTagger({("NATO-",): "ORG", ("Helmand",): "LOC"})
    text = "Der Vorgang stand nicht in Zusammenhang mit der Offensive von NATO- und afghanischen Einheiten in Helmand."
    doc = EntityStage(config={"tagger": tagger})(_doc(text))
    assert [(m.text, m.label) for m in doc.entities] == [("Helmand", "LOC")]


def test_entities_inflected_name_is_one_entity_with_the_qid(stage) -> None:
    """'Europäischen Union' stayed an entity of its own without QID beside 'EU' (Q458), so aggregates split."""
    doc = stage(_doc(HOMS_EU, published="2011-05-11"))
    eu = [m for m in doc.entities if m.text in ("Europäischen Union", "EU")]
    assert {m.text for m in eu} == {"Europäischen Union", "EU"}
    assert len({m.entity for m in eu}) == 1
    assert {(m.canonical, m.qid) for m in eu} == {("Europäische Union", "Q458")}
    for m in eu:
        assert doc.text[m.start : m.end] == m.text


def test_entities_inflected_unknown_organisation_one_entity_and_citation_form() -> None:
    """An organisation the curated file does not know (stub tagger, no gazetteer): its case forms join one
    entity, and its canonical name is the nominative after the article, the same in every article. Two German
    Wikinews sentences (CC BY 2.5) from two articles, put one after the other: pages 60475 (Haiti earthquake,
    2010) and 67724 (Hungary, 2011)."""
    from lagebild.entities import EntityStage, citation_form

    tagger = _LexiconTagger({("Rote", "Kreuz"): "ORG", ("Roten", "Kreuzes"): "ORG"})
    stage = EntityStage(config={"tagger": tagger, "gazetteer": False})
    haiti = "Das Rote Kreuz Haitis schätzt, dass die Zahl der Toten auf bis zu 50.000 ansteigen könnte."
    hungary = ("Es habe sich anscheinend um ein Missverständnis gehandelt, da die Roma um einen Ausflug in ein "
               "Ferienlager gebeten hatten und mit Hilfe des ungarischen Roten Kreuzes dorthin gebracht wurden.")
    doc = stage(_doc(haiti + " " + hungary))
    red_cross = [m for m in doc.entities if m.label == "ORG"]
    assert [m.text for m in red_cross] == ["Rote Kreuz", "Roten Kreuzes"]
    assert len({m.entity for m in red_cross}) == 1
    assert {m.canonical for m in red_cross} == {"Rote Kreuz"}
    alone = stage(_doc(hungary))
    assert [(m.text, m.canonical) for m in alone.entities] == [("Roten Kreuzes", "Rote Kreuz")]
    assert citation_form("Internationalen Roten Kreuzes") == "Internationale Rote Kreuz"
    assert citation_form("Vereinigten Arabischen Emirate") == "Vereinigte Arabische Emirate"
    assert citation_form("Los Angeles Times") == "Los Angeles Times"  # no adjective


@pytest.mark.parametrize("mode", ["fast", "accurate"])
def test_entities_common_noun_is_no_person(mode: str) -> None:
    """'Panzer' was stored as PER twice (fast mode) in the Homs article. (Accurate mode tags the first one ORG,
    which the filter, for one-word PER spans only, leaves alone.)"""
    from lagebild.entities import EntityStage

    doc = EntityStage(mode=mode)(_doc(HOMS_TANKS, published="2011-05-11"))
    assert not [m for m in doc.entities if m.text == "Panzer" and m.label == "PER"]
    assert ("AFP", "ORG") in {(m.text, m.label) for m in doc.entities}


def test_entities_common_noun_filter_keeps_surnames_of_named_people() -> None:
    """'Stein' is a noun to HanTa (NN in this sentence too), but here it is the surname of a person the article
    names in full, so it stays a person. Stub tagger; the sentence is from GermEval 2014 dev (CC BY 4.0,
    Benikova et al.)."""
    from lagebild.entities import EntityStage

    text = ("Leben Peter Stein ist der Sohn des Diplom-Ingenieurs Herbert Stein, der seit den 1920er Jahren eine "
            "Motorradfabrik besaß und leitete.")
    named = EntityStage(config={"tagger": _LexiconTagger({("Peter", "Stein"): "PER", ("Stein",): "PER"}),
                                "gazetteer": False})(_doc(text))
    assert [m.text for m in named.entities] == ["Peter Stein", "Stein"]
    assert len({m.entity for m in named.entities}) == 1
    # without the full name the same word is taken for the common noun it is to HanTa
    bare = EntityStage(config={"tagger": _LexiconTagger({("Stein",): "PER"}), "gazetteer": False})(_doc(text))
    assert bare.entities == []


@pytest.mark.parametrize("mode", ["fast", "accurate"])
def test_entities_aircraft_type_is_no_person(mode: str) -> None:
    """'Antonow An-24' (wikinews-74940) was a PER entity: a name with a type number is a product (MISC)."""
    from lagebild.entities import EntityStage

    doc = EntityStage(mode=mode)(_doc(ODESSA, published="2013-02-14"))
    assert not [m for m in doc.entities if m.label == "PER" and any(c.isdigit() for c in m.text)]
    assert ("Odessa", "LOC") in {(m.text, m.label) for m in doc.entities}


def test_eval_ner_entity_stage_scores_the_stage_spans() -> None:
    """`lagebild eval ner --entity-stage` runs each gold sentence through the entity stage and maps the mentions
    back to gold token indices (stub tagger; a GermEval 2014 dev sentence, CC BY 4.0, whose gold tags 'FDP-' ORG:
    the one truncated compound part GermEval dev labels ORG, which the stage drops)."""
    from lagebild.evaluation.ner import stage_spans

    sentence = ["Der", "medienpolitische", "Sprecher", "der", "FDP-", "Bundestagsfraktion", ",", "Burkhardt",
                "Müller-Sönksen", ",", "fordert", "die", "Abschaffung", "der", "bisherigen", "Rundfunkgebühr", "."]
    tagger = _LexiconTagger({("FDP-",): "ORG", ("Burkhardt", "Müller-Sönksen"): "PER"})
    assert tagger.predict([sentence]) == [[(4, 5, "ORG", 0.99), (7, 9, "PER", 0.99)]]
    assert [(a, b, lab) for a, b, lab, _ in stage_spans([sentence], tagger, "fast")[0]] == [(7, 9, "PER")]


# -- session 11: a kind noun before a one-word name gives its type; sentences from the bundled German Wikinews
# samples (CC BY 2.5, samples/ATTRIBUTION.md)

GAZA_HAARETZ = ("Wie Haaretz berichtet, entstand durch die Bombardierung eines Treibstofflagers innerhalb eines der "
                "Tunnel eine gewaltige Explosion. Laut Haaretz wurde israelisches Gebiet am Mittwoch von insgesamt "
                "40 Raketen getroffen. Nach Ansicht der israelischen Zeitung Haaretz ist der Verlauf der "
                "kriegerischen Auseinandersetzungen bisher für die Hamas zumindest auf diplomatischer Ebene als "
                "Erfolg zu werten.")  # wikinews-54978
HELMAND_OPERATION = ("Der afghanische Innenminister Mohammad Hanif Atmar teilte am Montag mit, man werde bis auf "
                     "weiteres auf den Einsatz schwerer Artillerie verzichten und die Einsatzplanung der Operation "
                     "„Muschtarak“ mit den örtlichen Stammesältesten besprechen um weitere zivile Opfer zu vermeiden. "
                     "Bei ihrem Vormarsch im Rahmen der Operation Muschtarak in der Provinz Helmand trafen US-Truppen "
                     "auf erheblichen Widerstand durch Aufständische, berichtet Reuters.")  # wikinews-61190


@pytest.mark.parametrize("mode", ["fast", "accurate"])
def test_entities_kind_noun_gives_the_type_of_the_name(mode: str) -> None:
    """'Haaretz' (a newspaper) came out LOC and PER, 'Muschtarak' (an operation) PER. The noun before the name
    says what it is ('Zeitung' ORG, 'Operation' MISC), and the article's other mentions of the name follow."""
    from lagebild.entities import EntityStage

    stage = EntityStage(mode=mode)
    haaretz = [(m.text, m.label) for m in stage(_doc(GAZA_HAARETZ, "2009-01-08")).entities if m.text == "Haaretz"]
    assert haaretz == [("Haaretz", "ORG")] * 3
    helmand = stage(_doc(HELMAND_OPERATION, "2010-02-16")).entities
    assert {m.label for m in helmand if m.text == "Muschtarak"} == {"MISC"}
    assert ("Helmand", "LOC") in {(m.text, m.label) for m in helmand}


def test_entities_kind_noun_rule_with_a_stub_tagger() -> None:
    """Whatever the tagger says: a one-word name after 'Tageszeitung' is ORG, and so is the same name elsewhere
    in the article; a two-word name after a kind noun keeps its label (mostly a person of the thing: 'Partei
    Václav Klofáč' in WikiANN dev, 'Verlag Benke Tabarz' in GermEval dev). Sentences: wikinews-55038 and
    wikinews-54978 (CC BY 2.5); GermEval 2014 dev (CC BY 4.0, Benikova et al.)."""
    from lagebild.entities import EntityStage, type_noun_label

    tagger = _LexiconTagger({("Haaretz",): "LOC", ("Benke", "Tabarz"): "PER"})
    stage = EntityStage(config={"tagger": tagger, "gazetteer": False})
    text = ("Das meldet die israelische Tageszeitung Haaretz in ihrer Onlineausgabe. Wie Haaretz berichtet, "
            "entstand eine gewaltige Explosion.")
    assert [(m.text, m.label) for m in stage(_doc(text)).entities] == [("Haaretz", "ORG"), ("Haaretz", "ORG")]
    person = "Aus der Geschichte der Kurorte Tabarz-Cabarz im Thüringer Wald Verlag Benke Tabarz, ohne Jahr."
    assert [(m.text, m.label) for m in stage(_doc(person)).entities] == [("Benke Tabarz", "PER")]
    # a place in the genitive after an organisation noun is its owner: stays LOC (German Wikinews 43134,
    # "Thailand: Thai-Rak-Thai-Mitglieder suchen neue organisatorische Basis", 2007, CC BY 2.5)
    tagger.names[("Thailands",)] = "LOC"
    owner = ("Die Demokratische Partei Thailands begrüßte den Schritt der ehemaligen TRT-Mitglieder, sich einer "
             "neuen Partei anzuschließen.")
    assert [(m.text, m.label) for m in stage(_doc(owner)).entities] == [("Thailands", "LOC")]
    assert [type_noun_label(w) for w in ("Provinzhauptstadt", "Operation", "Sport", "zeitung")] == [
        "LOC", "MISC", None, None]


# -- session 15: English organisation names inside German text

NCIS = ("Es wird angenommen, dass der Naval Criminal Investigative Service, eine Militärstrafverfolgungsbehörde der "
        "USA, Anklage wegen Mordes erheben wird.")  # wikinews-27575 (CC BY 2.5), shortened


@pytest.mark.parametrize("mode", ["fast", "accurate"])
def test_entities_english_organisation_name_is_one_span(mode: str) -> None:
    """The taggers learned German names: in the bundled sample they gave ORG "Naval" alone, and on our own
    sentences they split "International Crisis Group" in two and missed "Institute for the Study of War"."""
    from lagebild.entities import EntityStage

    stage = EntityStage(mode=mode)
    names = {m.text: m.label for m in stage(_doc(NCIS, published="2006-05-28")).entities}
    assert names.get("Naval Criminal Investigative Service") == "ORG"
    assert "Naval" not in names and names.get("USA") == "LOC"
    own = ("Nach Angaben der International Crisis Group ist die Lage ernst. Das Institute for the Study of War "
           "berichtete von neuen Angriffen bei Bachmut.")
    orgs = [m.text for m in stage(_doc(own)).entities if m.label == "ORG"]
    assert orgs == ["International Crisis Group", "Institute for the Study of War"]


def test_entities_english_name_rule_with_a_stub_tagger() -> None:
    """The rule itself, whatever the tagger says: it joins ORG pieces over English words and "of"; it adds a
    name only under an organisation word; it stops at a German word and never rewrites a person or place."""
    from lagebild.entities import EntityStage

    tagger = _LexiconTagger({("Academy", "of", "Engineering"): "ORG", ("Mark", "Milley"): "PER",
                             ("Will",): "PER"})
    stage = EntityStage(config={"tagger": tagger, "gazetteer": False})

    def spans(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in stage(_doc(text)).entities]

    assert spans("Sie ist Mitglied der National Academy of Engineering.") == [
        ("National Academy of Engineering", "ORG")]
    assert spans("Das britische House of Lords stimmte zu.") == [("House of Lords", "ORG")]
    # English words without an organisation word are no name of their own (a title, a slogan)
    assert spans("Der Film Gone Girl lief am Sonntag.") == []
    # a German noun ends the run: "Service" joins, "Anklage" does not
    assert spans("Dass der Naval Criminal Investigative Service Anklage erhebt, gilt als sicher.") == [
        ("Naval Criminal Investigative Service", "ORG")]
    # persons stay the tagger's
    assert spans("General Mark Milley sagte, die Armee sei bereit.") == [("Mark Milley", "PER")]
    assert spans("Will Power gewann das Rennen.") == [("Will", "PER")]
    # German names with capitalised German words are untouched
    assert spans("Die Deutsche Bank und die Bundeswehr schwiegen.") == []
