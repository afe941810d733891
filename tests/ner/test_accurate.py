"""Accurate NER (e5 encoder + BiLSTM head): behaviour on real prose and a pinned quality floor."""

from __future__ import annotations

import pytest

from lagebild.ner import get_tagger

# German Wikinews (CC BY 2.5), samples/text/wikinews-68080.txt
SENTS = [
    "Mit militärischer Gewalt geht das syrische Regime von Präsident Assad weiter gegen die Bürgerproteste vor .",
    "Gegenüber Sanktionen der Europäischen Union zeigte sich das Regime bisher wenig beeindruckt .",
    "Aus der Stadt Homs , rund 160 Kilometer nördlich von Damaskus , gab es heute Berichte über Artilleriefeuer .",
]


@pytest.fixture(scope="module")
def tagger():
    return get_tagger("accurate")


def _named(tokens, spans):
    return {(" ".join(tokens[s:e]), lab) for s, e, lab, _ in spans}


def test_accurate_ner_finds_people_places_organisations(tagger):
    toks = [s.split() for s in SENTS]
    out = tagger.predict(toks)
    assert len(out) == 3
    # Known error of the shipped ensemble: "Präsident Assad" alone comes out LOC (docs/evaluation/ner.md).
    assert ("Europäischen Union", "ORG") in _named(toks[1], out[1])
    assert {("Homs", "LOC"), ("Damaskus", "LOC")} <= _named(toks[2], out[2])
    # "syrische" is a derivation (GermEval LOCderiv), not a LOC mention
    assert not any(toks[0][s] == "syrische" for s, e, lab, _ in out[0])
    # confident on clear cases (span scores come from the calibrated softmax member)
    assert min(p for *_, p in out[2]) > 0.5


def test_accurate_ner_span_format(tagger):
    toks = [s.split() for s in SENTS] + [[]]
    out = tagger.predict(toks)
    assert out[-1] == []
    for sent, spans in zip(toks, out, strict=True):
        for s, e, lab, score in spans:
            assert 0 <= s < e <= len(sent)
            assert lab in {"PER", "LOC", "ORG", "MISC"}
            assert 0.0 <= score <= 1.0


def test_accurate_ner_rejects_unknown_mode():
    from lagebild.errors import ConfigError

    with pytest.raises(ConfigError):
        get_tagger("huge")


def test_accurate_ner_smoke_germeval_first_200(shared_data):
    """Pinned floor on the first 200 GermEval 2014 test sentences (measured: see docs/evaluation/ner.md)."""
    from lagebild.evaluation.ner import run

    res = run("germeval", shared_data / "germeval2014", "test", "accurate", limit=200)
    assert res["sentences"] == 200
    assert res["micro_f1"] >= FLOOR, res["micro_f1"]


FLOOR = 0.74  # measured 0.770 with the shipped heads (int8 encoder; 0.763 before SmartData), 2026-11-26
