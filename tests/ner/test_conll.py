"""Readers and the strict span scorer on hand-built cases."""

from __future__ import annotations

import pytest

from lagebild.evaluation.conll import (
    read_germeval,
    score_spans,
    spans_to_tags,
    tags_to_spans,
    to_iob2,
)


def test_conll_tags_to_spans_iob2_and_stray_i():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-PER"]
    assert tags_to_spans(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "ORG"), (7, 8, "PER")]
    assert tags_to_spans(spans_to_tags([(1, 3, "LOC")], 4)) == [(1, 3, "LOC")]


def test_conll_iob1_to_iob2():
    assert to_iob2(["I-PER", "I-PER", "B-PER", "O", "I-LOC"]) == ["B-PER", "I-PER", "B-PER", "O", "B-LOC"]


def test_conll_score_spans_strict_boundaries_and_types():
    gold = [[(0, 2, "PER"), (5, 6, "LOC")], [(1, 3, "ORG")]]
    pred = [[(0, 2, "PER"), (5, 7, "LOC")], [(1, 3, "LOC")]]  # one hit, one boundary error, one type error
    r = score_spans(gold, pred)
    assert r["micro"]["tp"] == 1 and r["micro"]["fp"] == 2 and r["micro"]["fn"] == 2
    assert r["micro"]["precision"] == pytest.approx(1 / 3)
    assert r["micro"]["f1"] == pytest.approx(1 / 3)
    assert r["per_type"]["PER"]["f1"] == 1.0
    assert r["per_type"]["ORG"]["recall"] == 0.0


def test_conll_score_spans_label_filter_ignores_other_types():
    r = score_spans([[(0, 1, "MISC"), (2, 3, "PER")]], [[(0, 1, "PER"), (2, 3, "PER")]], ("PER",))
    assert r["micro"]["tp"] == 1 and r["micro"]["fp"] == 1 and r["micro"]["fn"] == 0
    assert set(r["per_type"]) == {"PER"}


def test_conll_score_spans_rejects_length_mismatch():
    with pytest.raises(ValueError):
        score_spans([[]], [])


def test_conll_read_germeval_label_schemes(tmp_path):
    # GermEval 2014 format; sentence from the GermEval dev data (CC BY 4.0).
    p = tmp_path / "ge.tsv"
    p.write_text(
        "#\thttp://de.wikipedia.org/wiki/Toyota_Crown\t[2009-08-13]\n"
        "1\t1980\tO\tO\n2\tkam\tO\tO\n3\tder\tO\tO\n4\tCrown\tB-OTH\tO\n5\tals\tO\tO\n"
        "6\tVersuch\tO\tO\n7\tvon\tO\tO\n8\tToyota\tB-ORG\tO\n9\tdeutschen\tB-LOCderiv\tO\n10\t.\tO\tO\n\n",
        encoding="utf-8",
    )
    (s4,) = read_germeval(p, "outer4")
    assert tags_to_spans(s4.tags) == [(3, 4, "MISC"), (7, 8, "ORG")]
    (s3,) = read_germeval(p, "outer3")
    assert tags_to_spans(s3.tags) == [(7, 8, "ORG")]
    (s12,) = read_germeval(p, "germeval12")
    assert tags_to_spans(s12.tags) == [(3, 4, "OTH"), (7, 8, "ORG"), (8, 9, "LOCderiv")]
    assert s4.source.startswith("http://de.wikipedia.org")
