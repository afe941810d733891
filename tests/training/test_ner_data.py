"""Label mapping of the extra NER training corpora onto GermEval's conventions."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.training.ner_data import _sd_label, _utf16_to_str_offsets, germeval_dev_fold

PLACES = {"Berlin", "München", "Köln", "Hannover"}


def test_ner_data_smartdata_nationality_adjectives_become_locderiv():
    # GermEval tags "deutschen"/"US-amerikanische" LOCderiv; SmartData tags them `location`
    assert _sd_label("location", "deutschen", PLACES) == "LOCderiv"
    assert _sd_label("location", "US-amerikanische", PLACES) == "LOCderiv"


def test_ner_data_smartdata_city_inhabitant_forms():
    assert _sd_label("location-city", "Berliner", PLACES) == "LOCderiv"
    assert _sd_label("location-city", "Münchener", PLACES) == "LOCderiv"
    # a capitalised -er word whose stem is no known place is ambiguous ("Bremer" vs "Hannover"): masked
    assert _sd_label("location-city", "Bremer", PLACES) is None
    assert _sd_label("location-city", "Frankfurt am Main", PLACES) == "LOC"


def test_ner_data_smartdata_masks_clashing_conventions():
    assert _sd_label("location", "stadtauswärts", PLACES) is None  # direction phrase
    assert _sd_label("location", "EU", PLACES) is None  # GermEval: ORG
    assert _sd_label("location", "Nord-", PLACES) is None  # truncated compound
    assert _sd_label("organization", "türkische Polizei", PLACES) is None
    assert _sd_label("organization-company", "Gruppe", PLACES) is None
    assert _sd_label("location-route", "RE 7", PLACES) is None
    assert _sd_label("organization-company", "Deutsche Bank", PLACES) == "ORG"
    assert _sd_label("organization-company", "dpa", PLACES) == "ORG"
    assert _sd_label("person", "Sigmar Gabriel", PLACES) == "PER"
    assert _sd_label("date", "12.04.2016", PLACES) == "O"


def test_ner_data_utf16_offsets_shift_after_emoji():
    text = "Toll 😀 in Berlin"
    off = _utf16_to_str_offsets(text)
    # "Berlin" starts at UTF-16 unit 11 (the emoji takes two units)
    assert text[off[11] : off[17]] == "Berlin"


def test_ner_data_germeval_folds_partition_dev(shared_data: Path):
    if not (shared_data / "germeval2014" / "NER-de-dev.tsv").exists():
        pytest.skip("GermEval 2014 not available")
    held = [germeval_dev_fold(shared_data, 5, k)[1] for k in range(5)]
    assert sum(len(h) for h in held) == 2200
    train0, held0 = germeval_dev_fold(shared_data, 5, 0)
    assert len(train0) + len(held0) == 2200
    assert {tuple(e.tokens) for e in held0}.isdisjoint({tuple(e.tokens) for e in train0[:50]})
