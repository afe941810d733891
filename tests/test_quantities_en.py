"""English count rules (``lagebild.quantities_en``) and the stage's language dispatch.

Sentences are English Wikinews text from the GeoVirus corpus (en.wikinews.org, CC BY 2.5; the page address of
each is in ``evaluation/gold/counts_en_geovirus.jsonl``), plus the issue's own example sentence.
"""

from __future__ import annotations

import time

import pytest

from lagebild.doc import Doc
from lagebild.evaluation.counts_en import load_rows
from lagebild.quantities import QuantityStage, extract
from lagebild.records import Article, Quantity, content_id
from lagebild.segment import SegmentStage


def _doc(text: str, language: str | None) -> Doc:
    return SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2022-05-03", language=language)))


def _en(text: str) -> dict[str, Quantity]:
    qs = extract(text, language="en")
    for q in qs:
        assert text[q.start:q.end] == q.text
        if q.object is not None:
            assert text[q.object_start:q.object_end] == q.object
    return {q.text: q for q in qs}


def _fields(q: Quantity) -> tuple:
    return (q.value, q.value_max, q.qualifier, q.category, q.gkg_type)


def test_quantities_en_issue_example():
    text = ("At least 300 civilians were killed and more than 1,200 people injured in the shelling. "
            "About 2.5 million refugees have fled.")
    qs = _en(text)
    assert _fields(qs["At least 300"]) == (300.0, None, "at_least", "civilians", "KILL")
    assert qs["At least 300"].object == "civilians"
    assert _fields(qs["more than 1,200"]) == (1200.0, None, "more_than", "injured", "WOUND")
    assert qs["more than 1,200"].object == "people"
    assert _fields(qs["About 2.5 million"]) == (2.5e6, None, "about", "refugees", "AFFECT")


def test_quantities_en_outcomes_from_cues_after_the_count():
    qs = _en("More than 600 people are believed to have been killed in post-election violence, a quarter of a "
             "million have been driven from their homes and another 6,000 have fled to neighboring Uganda.")
    assert _fields(qs["More than 600"]) == (600.0, None, "more_than", "killed", "KILL")
    assert _fields(qs["a quarter of a million"]) == (250000.0, None, None, "displaced", "AFFECT")
    assert _fields(qs["6,000"]) == (6000.0, None, None, "displaced", "AFFECT")


def test_quantities_en_cue_before_the_count_and_ages_skipped():
    qs = _en("An E. coli outbreak linked to fresh bagged spinach in at least 20 states, has killed 1 person, a 77 "
             "year old woman in Wisconsin and has made more than 95 sick, some severely and affecting people "
             "anywhere from 3 to 84 years old.")
    assert set(qs) == {"at least 20", "1", "more than 95"}
    assert _fields(qs["1"]) == (1.0, None, None, "killed", "KILL")
    assert _fields(qs["more than 95"]) == (95.0, None, "more_than", "people", None)  # sick: people, no GKG type
    assert qs["at least 20"].category is None  # US states have no class, as German "Bundesstaaten"


def test_quantities_en_outcome_nouns_and_animals():
    qs = _en("Zimbabwe's Ministry of Health reported 484 deaths from 11,735 cases since the outbreak began.")
    assert _fields(qs["484"]) == (484.0, None, None, "killed", "KILL")
    assert _fields(qs["11,735"]) == (11735.0, None, None, None, None)
    qs = _en("1,000 turkeys in the United Kingdom have been confirmed by UK government officials as dying of a "
             "strain of avian flu and a further 1,600 have died since the infection was initially reported.")
    assert qs["1,000"].category is None and qs["1,600"].category is None  # animals take no outcome


def test_quantities_en_vague_plurals_fractions_ranges():
    qs = _en("KCNA reported three separate outbreaks at poultry farms in the capital, and said hundreds of "
             "thousands of chickens have been culled in an attempt to stop the spread of the disease.")
    assert _fields(qs["hundreds of thousands"]) == (200000.0, None, "at_least", None, None)
    assert qs["hundreds of thousands"].object == "chickens"
    assert _fields(qs["three"])[:3] == (3.0, None, None)
    qs = _en("Globally, the World Health Organization reports 1,000 to 3,000 human cases of plague every year.")
    assert _fields(qs["1,000 to 3,000"])[:2] == (1000.0, 3000.0)
    qs = _en("Some 35–40 wild birds were found dead.")
    assert _fields(qs["Some 35–40"])[:3] == (35.0, 40.0, "about")
    qs = _en("The All India Institute of Hygiene and Public Health has begun a campaign to instruct street vendors "
             "in India how to safely prepare food for their customers to avoid inflicting 'Delhi belly'–severe "
             "diarrhea–which afflicts about half of the visitors to the region.")
    assert _fields(qs["about half"])[:3] == (0.5, None, "about")


def test_quantities_en_money_units_and_percent():
    qs = _en("As the owners of the Yanacocha mine which produced the mercury, Newmont Mining offered up to US$6 "
             "thousand to more than 700 local residents, but over 1,100 others are still engaged in a legal battle "
             "with Newmont over the case.")
    assert _fields(qs["up to US$6 thousand"]) == (6000.0, None, "up_to", "money", None)
    assert _fields(qs["more than 700"]) == (700.0, None, "more_than", "residents", None)
    assert qs["over 1,100"].category == "residents"  # "others" keeps the class of the count before
    qs = _en("It resulted in the slaughtering of up to 7 million animals, and losses estimated at £8 billion.")
    assert _fields(qs["£8 billion"]) == (8e9, None, None, "money", None)
    qs = _en("Comparing the obese children who had the antibodies versus the obese children who didn't have the "
             "antibodies, the kids with the antibodies were significantly more obese, at 35 pounds heavier.")
    assert qs["35 pounds"].category == "weight"
    qs = _en("He bought 500mg, which has the potential to kill about 1,400, but was sent a dummy package.")
    assert qs["500mg"].category == "weight"
    assert qs["about 1,400"].category is None  # "to kill": a risk, not a reported outcome


def test_quantities_en_dates_times_durations_labels_are_no_counts():
    for text in [
        "The first Ugandan case of the virus occurred approximately a year ago; it involved a 29-year-old man who "
        "became symptomatic on July 4 and died on July 14.",
        "On March 1, 2006, Sweden announced its first possible case of Mad Cow disease, and on January 23, Canada "
        "announced its fourth case of the disease.",
        "Tamalt, 42, lived in England, basing himself in London, and had UK-Algerian dual citizenship.",
        "The boy, Eighth grader Matthew Davis attended class at Buffalo Science Magnet School 97.",
        "It is closely related to gorilla simian immunodeficiency virus (SIVgor) and shows no evidence of "
        "recombination with other HIV-1 lineages.",
        "The floods have been confirmed as the worst in eighty years.",
    ]:
        assert _en(text) == {}, text
    qs = _en("A two-hour gun battle which began at 7 p.m. local time between the Mexican Army and drug hitmen ended "
             "in 18 fatalities at the Mexican holiday resort of Acapulco on Saturday.")
    assert list(qs) == ["18"] and qs["18"].gkg_type == "KILL"


def test_quantities_en_number_before_noun_of_count():
    qs = _en("This brings Indonesia's number of confirmed cases of the virus to 25.")
    assert qs["25"].object == "cases"
    qs = _en("Nearly a week after tsunami waves scoured the coasts of multiple countries in southern Asia, the "
             "confirmed death count is over 120,000.")
    assert _fields(qs["over 120,000"]) == (120000.0, None, "more_than", "killed", "KILL")


def test_quantities_en_provenance_on_every_dev_row():
    seg, stage = SegmentStage(), QuantityStage()
    n = 0
    for row in load_rows():
        doc = stage(seg(Doc(Article(id=content_id(row["text"]), text=row["text"], language="en"))))
        for q in doc.quantities:
            n += 1
            assert doc.text[q.start:q.end] == q.text
            if q.object is not None:
                assert doc.text[q.object_start:q.object_end] == q.object
    assert n >= 100


def test_quantities_en_dispatch_by_language():
    stage = QuantityStage()
    de = "Weitere 245 Menschen sind erkrankt, mehr als 1.200 wurden verletzt."
    got = {q.text: q.value for q in stage(_doc(de, "de")).quantities}
    assert got["245"] == 245.0 and got["mehr als 1.200"] == 1200.0
    assert {q.text: q.value for q in stage(_doc(de, None)).quantities} == got  # unknown: German, as before
    en = "Over 1,200 cases have been reported in the provinces of Nyanza, Rift Valley, North Eastern and Western."
    assert [(q.text, q.value) for q in stage(_doc(en, "en")).quantities] == [("Over 1,200", 1200.0)]
    assert stage(_doc(en, "de")).quantities[0].value != 1200.0  # what German rules made of it: the bug
    fr = "Au moins 300 civils ont été tués et plus de 1 200 personnes blessées."
    assert stage(_doc(fr, "fr")).quantities == []


def test_quantities_en_stage_is_fast():
    rows = load_rows()
    # articles of ~400 words made of the dev sentences, segmented once
    texts, cur = [], []
    for r in rows:
        cur.append(r["text"])
        if sum(len(t.split()) for t in cur) >= 400:
            texts.append(" ".join(cur))
            cur = []
    docs = [_doc(t, "en") for t in texts]
    stage = QuantityStage()
    stage(docs[0])
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for d in docs:
            stage(d)
        best = min(best, (time.perf_counter() - t0) / len(docs))
    assert best < 0.003  # measured ~0.5 ms per article; loose bound for a shared machine


@pytest.mark.parametrize("text,value", [("twenty-five patients", 25.0), ("a dozen patients", 12.0),
                                        ("three hundred patients", 300.0), ("1.2bn dollars", 1.2e9),
                                        ("tens of thousands of patients", 20000.0), ("two-thirds of patients", 2 / 3)])
def test_quantities_en_number_formats(text, value):
    qs = extract(f"Officials said {text} were counted.", language="en")
    assert len(qs) == 1 and qs[0].value == pytest.approx(value)
