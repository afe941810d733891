"""English count rules (``lagebild.quantities_en``) and the stage's language dispatch.

Sentences are English Wikinews text from the GeoVirus corpus (en.wikinews.org, CC BY 2.5; the page address of
each is in ``evaluation/gold/counts_en_geovirus.jsonl``), plus the issue's own example sentence.
"""

from __future__ import annotations

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
    for row in (r for r in load_rows() if r["split"] == "dev"):  # the test rows are scored only by the lead
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


@pytest.mark.parametrize("text,value", [("twenty-five patients", 25.0), ("a dozen patients", 12.0),
                                        ("three hundred patients", 300.0), ("1.2bn dollars", 1.2e9),
                                        ("tens of thousands of patients", 20000.0), ("two-thirds of patients", 2 / 3)])
def test_quantities_en_number_formats(text, value):
    qs = extract(f"Officials said {text} were counted.", language="en")
    assert len(qs) == 1 and qs[0].value == pytest.approx(value)


# Round 2. Sentences from GeoVirus dev pages (en.wikinews.org, CC BY 2.5); the page title is in each comment.


def test_quantities_en_decimal_money_is_no_clock_time_and_glued_codes():
    # Local_government_officials_confiscate_London_ice_cream_made_from_human_breast_milk_for_health_reasons
    qs = _en("A serving of the ice cream is valued at £14 (US$22.76, €16.49) and is provided in a martini glass.")
    assert [(q.text, q.value, q.category) for q in qs.values()] == [
        ("£14", 14.0, "money"), ("US$22.76", 22.76, "money"), ("€16.49", 16.49, "money")]
    # Over_60_dead_in_Kenya_cholera_outbreak,_state_issues_alert
    qs = _en("The Kenyan government has allocated KSh38 million (GBP 11.75 million) to contain the outbreak.")
    assert _fields(qs["GBP 11.75 million"]) == (11.75e6, None, None, "money", None)
    # Disease_outbreak_feared_after_mass_hysteria_over_%22sweet%22_water_in_Mumbai: a code glued to a decimal
    qs = _en("At the height of the hysteria, bottled mineral water was selling for Rs 50 (RM4.50), with people "
             "buying the mineral water simply for the bottles.")
    assert _fields(qs["RM4.50"]) == (4.5, None, None, "money", None)
    assert [(q.text, q.value) for q in extract("It was priced at CNY500 million.", language="en")] == [
        ("CNY500 million", 500e6)]  # the code list is data (glued_currency_codes)
    # Pamela_Anderson_visits_Greece,_promoting_the_MAC_AIDS_Fund
    qs = _en("Anderson held a press conference at a central Athens hotel, during which a 30,000-Euro check issued "
             "by the MAC AIDS Fund was handed to Kentro Zois, a Greek non-profit organization.")
    assert _fields(qs["30,000-Euro"]) == (30000.0, None, None, "money", None)
    # Detained_journalist_Mohamed_Tamalt_dies_in_Algeria
    qs = _en("On June 11 he was fined 200,000 dinars (£1,400; US$1,800) and imprisoned for two years.")
    assert set(qs) == {"200,000 dinars", "£1,400", "US$1,800"} and qs["200,000 dinars"].category == "money"


def test_quantities_en_four_digits_before_a_plural_noun_are_a_count():
    # Three_die_in_Cornwall,_UK_caravan_park_of_suspected_carbon_monoxide_poisoning
    qs = _en("The programme, entitled 'Be Gas Safe', has seen 200 carbon monoxide detectors and 2000 leaflets to "
             "raise awareness about carbon monoxide being given to CFRS.")
    assert set(qs) == {"200", "2000"} and qs["2000"].object == "leaflets"
    # Swine_flu,_in-depth:_worldwide_report
    qs = _en("This week, the number of affected people has increased by 1104 infections or 6.3%.")
    assert qs["1104"].value == 1104.0
    assert _en("For the 2013/2014 flu season in the US, there are two types of vaccines available.").keys() == {"two"}


def test_quantities_en_number_words_and_hyphenated_units():
    # World_Health_Organisation:_China_engaging_in_bird_flu_cover_up
    qs = _en("The Economist says eleven countries across Asia have been affected, and more than one hundred and "
             "twenty million birds have died from infection or been culled.")
    assert _fields(qs["more than one hundred and twenty million"])[:3] == (120e6, None, "more_than")
    assert qs["eleven"].category == "countries"
    # same page
    qs = _en("As of July 21, 2005, one hundred and nine cases of human infection have been confirmed resulting in "
             "fifty five deaths outside of China reports the Centers for Disease Control.")
    assert _fields(qs["one hundred and nine"])[0] == 109.0
    assert _fields(qs["fifty five"]) == (55.0, None, None, "killed", "KILL")
    # FDA_warning_on_pistachios_after_salmonella_contamination
    qs = _en("Kroger Co. is recalling shelled pistachios called Private Selection Shelled Pistachios in a 10-ounce "
             "container with UPC code 111073615 and the sell dates of December 13 or 14 on the packages.")
    assert list(qs) == ["10-ounce"] and qs["10-ounce"].category == "weight"


def test_quantities_en_names_labels_and_age_bounds_are_no_counts():
    for text in [
        # Swine_flu,_in-depth:_worldwide_report (a school form is a name)
        "\"A majority of the affected students who are in Forms One and Two were treated and advised to remain "
        "under bed rest,\" said the director of Public Health.",
        # Taiwan_culls_18000_chickens_due_to_H5N2_virus_outbreak
        "It is located at kilometer 49 of the Highway no.1, close to the Taiwan Taoyuan International Airport.",
    ]:
        assert _en(text) == {}, text
    # WHO_starts_simultaneous_immunization_campaigns_in_over_100_countries
    qs = _en("It says 78 million children under five will be vaccinated to stop a major outbreak of the disease.")
    assert list(qs) == ["78 million"] and qs["78 million"].category == "children"
    # Common_cold_virus_may_be_linked_to_childhood_obesity
    qs = _en("In the study of 124 children aged eight to eighteen, kids who had antibodies to adenovirus 36 (AD36) "
             "weighed on average 50 pounds more than children who didn't have the antibodies.")
    assert set(qs) == {"124", "50 pounds"} and qs["50 pounds"].category == "weight"  # weighed: not money


def test_quantities_en_outcome_class_is_only_a_fallback():
    # Tsunami_deaths_mount_to_more_than_120,000: the outcome carries along a list of places
    qs = _en("Still, other countries are continuing to report the numbers of dead as best they can: Sri Lanka - "
             "approximately 28,500, India - more than 7,700.")
    assert qs["more than 7,700"].category == "killed" and qs["approximately 28,500"].category == "killed"
    # Swine_flu,_in-depth:_worldwide_report: a death toll before a generic noun
    qs = _en("On Wednesday, eleven people had been reported dead from the virus in India, taking the country's "
             "death toll up to 212 people.")
    assert _fields(qs["up to 212"]) == (212.0, None, "up_to", "killed", "KILL")
    # Study_estimates_first_human_HIV_infection_100_years_ago: a cue right before a later count is that count's
    qs = _en("Today, HIV infection is reported in 33 million people and has killed 25 million.")
    assert qs["33 million"].category == "people" and qs["25 million"].gkg_type == "KILL"
    # Indonesian_suspected_bird_flu_case_dies;_symptoms_included_encephalitis: a cue before the count does not
    # reach across a comma
    qs = _en("The Kedaulatan Rakyat, a newspaper based in Yogyakarta, reports that following the death of the "
             "26-year-old man on Thursday, 125 of his neighbors have been examined for signs of bird flu and 34 "
             "have been tested for the virus.")
    assert qs["125"].gkg_type is None and qs["125"].category == "people"
    # the own cue of a nounless count after an outcome noun wins over the carried outcome
    qs = _en("Health officials have said that at least nine people were killed and over sixty remain in critical "
             "condition on Saturday after an outbreak of cholera in a slum in Kenya's capital Nairobi.")
    assert qs["at least nine"].gkg_type == "KILL" and _fields(qs["over sixty"])[3:] == ("people", None)


def test_quantities_en_broader_lexicon_and_qualifiers():
    # International_experts_probe_deadly_Ebola_Reston_virus_outbreak_in_Philippine_pigs
    qs = _en("During the incident in which it was discovered, six animal handlers eventually became "
             "seroconverted, one of whom had cut himself while performing a necropsy on the liver of an infected "
             "monkey.")
    assert list(qs) == ["six"] and qs["six"].category == "workers"
    # Peruvians_sue_Newmont_Mining_Company_over_mercury_poisoning
    qs = _en("At least six Newmont Mining managers, including an American and an Australian, face up to 15 years "
             "in a Jakarta prison for environmental and corporate crime in that case.")
    assert list(qs) == ["At least six"] and qs["At least six"].category == "employees"
    # same page
    qs = _en("Thousands of local townspeople protested against the Yanacocha mine last fall, demanding protection "
             "for the local water supply.")
    assert _fields(qs["Thousands"]) == (2000.0, None, "at_least", "protesters", "PROTEST")
    # Wild_ducks_in_Illinois_test_positive_for_%22low_pathogenic%22_Bird_Flu_virus: a capitalised bird name
    qs = _en("The United States Department of Agriculture has announced that 5 out of 11 wild migratory "
             "Green-winged Teals have tested positive for a \"low pathogenic sub type\" of the H5 and N1 Avian Flu "
             "virus.")
    assert qs["5"].category is None and qs["11"].category is None
    # Plague_kills_scores_in_Democratic_Republic_of_Congo
    qs = _en("Without diagnosis and treatment the infection can be fatal in one to six days; mortality in "
             "untreated cases may be as high as 95%.")
    assert _fields(qs["as high as 95%"]) == (95.0, None, "up_to", "percent", None)


def test_quantities_en_lexicon_has_the_german_classes():
    import json
    from importlib import resources

    raw = json.loads(resources.files("lagebild.data").joinpath("quantities_en.json").read_text(encoding="utf-8"))
    de = json.loads(resources.files("lagebild.data").joinpath("quantities_de.json").read_text(encoding="utf-8"))
    de_classes = {v[0] for v in de["objects"].values()}
    assert len(raw["objects"]) >= 1000
    assert {v[0] for v in raw["objects"].values()} <= de_classes  # no class the German stage does not know
    for word, cls in [("sisters", "people"), ("neighbours", "people"), ("inhabitants", "residents"),
                      ("investigators", "people"), ("restaurants", "buildings"), ("ferries", "vessels"),
                      ("surgeons", "medics"), ("peacekeepers", "soldiers"), ("goats", "")]:
        assert raw["objects"][word][0] == cls, word


# LGL round (general US news): the sentences below are the project's own wording, not LGL text.
def test_quantities_en_age_bound_with_or_older_is_no_count():
    got = _en("Applicants must be 65 or older, or 100 percent disabled, to qualify for the rebate.")
    assert list(got) == ["100 percent"]


def test_quantities_en_vague_plural_of_a_time_unit_is_a_duration():
    assert _en("The custom began hundreds of years ago in the valley.") == {}
    assert _en("Hundreds of residents left the valley.")["Hundreds"].value == 200


def test_quantities_en_house_number_before_a_street_name_is_an_address():
    assert _en("Crews worked at 412 Elm St. until late on Tuesday.") == {}
    assert _en("Crews cleared 412 trees on Tuesday.")["412"].value == 412


def test_quantities_en_tens_of_billions_and_as_few_as():
    q = _en("The state spent tens of billions of dollars on roads.")["tens of billions of dollars"]
    assert (q.value, q.qualifier, q.category) == (2e10, "at_least", "money")
    q = _en("Even villages of as few as 300 residents may apply.")["as few as 300"]
    assert (q.value, q.qualifier) == (300, "at_least")
