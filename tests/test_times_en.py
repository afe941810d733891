"""English temporal expressions (``lagebild.times``, language="en") on real English Wikinews sentences.

The sentences come from the GeoVirus corpus (English Wikinews, CC BY 2.5; the page is named above each one).
GeoVirus has no publication dates, so each test sets its own anchor.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lagebild.doc import Doc
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage
from lagebild.times import TimeStage, extract_times

GEOVIRUS = Path("../shared/data/geoparsing_en/GeoVirus.xml")


def _values(text: str, anchor: str | None) -> dict[str, tuple[str, str | None]]:
    out = {}
    for t in extract_times(text, anchor, language="en"):
        assert text[t.start : t.end] == t.text
        out[t.text] = (t.type, t.value)
    return out


def test_times_en_deictic_days_and_months() -> None:
    # US_soldier_who_died_after_serving_in_Liberia_tests_negative_for_Ebola
    assert _values("Tests yesterday proved negative for Ebola on the remains of a US soldier who died in Texas after "
                   "deployment to Liberia.", "2014-11-13") == {"yesterday": ("DATE", "2014-11-12")}
    assert _values("Fort Hood said the soldier had been involved in constructing a hospital to combat Ebola in Africa, "
                   "and returned to the US on emergency leave earlier this month.", "2014-11-13") == {
        "earlier this month": ("DATE", "2014-11")}
    # Sharp_increase_in_number_of_Zimbabwean_cholera_deaths
    assert _values("The United Nations has reported that a total of 978 people have been killed by a cholera epidemic "
                   "in the African nation of Zimbabwe, an increase of 25% from just three days ago.", "2008-12-04") == {
        "three days ago": ("DATE", "2008-12-01")}


def test_times_en_weekdays_follow_tense_and_named_week() -> None:
    # Canada_confirms_fifth_case_of_Mad_Cow_Disease (past tense: the Friday before the anchor)
    v = _values("Officials announced on Friday that initial tests done on the purebred six-year-old dairy Holstein had "
                "come back inconclusive.", "2006-04-18")
    assert v == {"Friday": ("DATE", "2006-04-14"), "six-year-old": ("DURATION", "P6Y")}
    # Eritrea_plans_to_vaccinate_500,000_children: "Monday till Wednesday this week" lie in the anchor's week
    v = _values("The program will take place in two rounds, the first of which runs from Monday till Wednesday this "
                "week and the second is planned for May 13-15.", "2010-04-27")
    assert v["Monday"] == ("DATE", "2010-04-26") and v["Wednesday"] == ("DATE", "2010-04-28")
    assert v["this week"] == ("DATE", "2010-W17")
    assert v["May 13"] == ("DATE", "2010-05-13") and v["15"] == ("DATE", "2010-05-15")
    # Anthrax_scare_closes_Michigan_newspaper_office
    assert _values("The editor's office was closed Tuesday night, and sealed off as a crime scene.", "2006-10-19") == {
        "Tuesday night": ("TIME", "2006-10-17TNI")}


def test_times_en_full_dates_and_clock_times() -> None:
    # Mad_Cow_disease_confirmed_in_U.S.
    text = ("We received a positive result on a Western blot confirmatory test conducted at the USDA laboratories in "
            "Ames, Iowa, on samples from an animal that had tested 'inconclusive' on a rapid screening test performed "
            "on Friday, March 10, 2006.")
    assert _values(text, "2006-03-13") == {"Friday, March 10, 2006": ("DATE", "2006-03-10")}
    # Hong_Kong_flu_kills_six_in_Japan
    assert _values("All of them died between Monday November 1, and Friday November 5, while in a local hospital.",
                   "2010-11-10") == {"Monday November 1": ("DATE", "2010-11-01"),
                                     "Friday November 5": ("DATE", "2010-11-05")}
    # Anthrax_scare_closes_Michigan_newspaper_office: a 24-hour time with its zone and day is one expression
    v = _values("When the envelope was opened at the Midland Daily News offices around 17:00 GMT Tuesday, the presence "
                "of powder aroused alarm the envelope might contain the deadly disease anthrax.", "2006-10-19")
    assert v == {"17:00 GMT Tuesday": ("TIME", "2006-10-17T17:00")}
    # our own wording for the a.m./p.m. forms news use
    v = _values("The meeting starts at 7 p.m. Tuesday; doors open at 6:30 p.m. on Tuesday, and lunch is at noon today.",
                "2009-03-19")
    assert v["7 p.m. Tuesday"] == ("TIME", "2009-03-24T19:00")
    assert v["6:30 p.m."] == ("TIME", "2009-03-24T18:30")  # takes the day named after "on"
    assert v["noon today"] == ("TIME", "2009-03-19T12:00")


def test_times_en_durations_decades_and_references() -> None:
    # Cholera_outbreak_hits_Angola; 9_year_old_girl_reported_to_be_latest_US_swine_flu_death
    assert _values("A cholera epidemic in Angola has killed over 1,200 people in the past three months.", "2006-05-18") == {
        "the past three months": ("DURATION", "P3M")}
    assert _values("She is the second Swine Flu victim to die in Buffalo in the last week.", "2009-06-30") == {
        "the last week": ("DURATION", "P1W")}
    # New_human_HIV_strain_discovered_in_France
    assert _values("The 62-year-old woman, originally from Cameroon in Africa and who emigrated to France five years ago, "
                   "is healthy and shows no sign of AIDS.", "2009-08-04") == {
        "62-year-old": ("DURATION", "P62Y"), "five years ago": ("DATE", "2004")}
    # Extremely_drug-resistant_tuberculosis_strain_emerges_in_South_Africa
    assert _values("During the 1990s, multidrug-resistant tuberculosis (MDR-TB), defined as resistance to at least "
                   "isoniazid and rifampin, emerged as a threat to TB control.", "2006-09-06") == {"the 1990s": ("DATE", "199")}
    # Swine_flu_reported_in_more_countries;_WHO_warns_of_possible_pandemic_risk
    assert _values("In response to the recent spread of the flu, the WHO recently raised its pandemic alert level from "
                   "three to four.", "2009-04-29") == {"recently": ("DATE", "PAST_REF")}
    # Horse_flu_spreads_in_Australia
    assert _values("Further testing will be conducted on samples from the horses in Victoria, although results are not "
                   "expected until later this week.", "2007-08-28") == {"later this week": ("DATE", "2007-W35")}


def test_times_en_numbers_that_are_not_times() -> None:
    # our own wording: an address, a road number, a count and a second reading are no temporal expressions
    text = ("The center is located on 1424 Main Street off Route 1935. About 2000 people came to a second reading, "
            "and the state sold $6.5 billion in bonds in 2009.")
    assert _values(text, "2009-03-20") == {"2009": ("DATE", "2009")}


def test_times_en_without_anchor_stays_underspecified() -> None:
    v = _values("Officials announced on Friday that the ban ends in March.", None)
    assert v["Friday"] == ("DATE", "XXXX-WXX-5") and v["March"] == ("DATE", "XXXX-03")


def test_times_en_stage_uses_english_rules_for_english_articles() -> None:
    text = "The editor's office was closed Tuesday night, and sealed off as a crime scene."
    art = Article(id=content_id(text), text=text, published="2006-10-19", language="en")
    doc = TimeStage()(SegmentStage()(Doc(art)))
    assert [(t.text, t.value) for t in doc.times] == [("Tuesday night", "2006-10-17TNI")]


@pytest.mark.skipif(not GEOVIRUS.exists(), reason="GeoVirus data absent (../shared/data/geoparsing_en)")
def test_times_en_offsets_hold_on_all_geovirus_articles() -> None:
    root = ET.parse(GEOVIRUS).getroot()
    n = 0
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        for t in extract_times(text, "2009-05-01", language="en"):
            assert text[t.start : t.end] == t.text and t.value
            n += 1
    assert n > 500


def test_times_en_sentence_end_right_before_the_expression_stops_the_tense() -> None:
    # own wording: the future of the first sentence must not reach the weekday opening the second
    assert _values("The company will expand. Monday the board met.", "2009-03-11")["Monday"] == ("DATE", "2009-03-09")


def test_times_en_moving_holiday_without_a_year_gets_no_invented_day() -> None:
    assert _values("Thanksgiving was quiet in the town.", None)["Thanksgiving"][1] == "XXXX-11"
    assert _values("Easter came early for the farmers.", None)["Easter"][1] == "XXXX"
    # with an anchor the day is computed (Thanksgiving 2009: the fourth Thursday of November)
    assert _values("Thanksgiving was quiet in the town.", "2009-12-01")["Thanksgiving"][1] == "2009-11-26"


def test_times_en_impossible_day_keeps_only_the_month() -> None:
    assert _values("The vote set for February 30, 2009 never took place.", "2009-03-01")["February 30, 2009"][1] == "2009-02"
    assert _values("The office opens on March 31, 2009.", "2009-03-01")["March 31, 2009"][1] == "2009-03-31"
