"""Self-training data: teacher-tagged Wikinews sentences with unsure spans masked."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.ner.accurate import MODEL_DIR
from lagebild.training import ner
from lagebild.training.ner_silver import read_silver, silver_examples, wikinews_sentences, write_silver

# Real German Wikinews sentences (CC BY 2.5, samples/text/wikinews-68080.txt), pre-tokenised
HOMS = [
    "Aus der Stadt Homs , rund 160 Kilometer nördlich von Damaskus , eine Hochburg der Protestbewegung "
    "gegen die Regierung , gab es heute Berichte über Artilleriefeuer und Beschuss durch Panzer .",
    "Gegenüber Sanktionen der Europäischen Union zeigte sich das Regime bisher wenig beeindruckt .",
    "Auch Maschinengewehrfeuer und Granatenexplosionen waren laut der Nachrichtenagentur AFP zu hören , "
    "die sich auf Augenzeugen beruft .",
]


@pytest.fixture(scope="module")
def homs_tokens() -> list[list[str]]:
    return [s.split() for s in HOMS]


def _spans(ex):
    from lagebild.evaluation.conll import tags_to_spans

    return {(" ".join(ex.tokens[a:b]), lab) for a, b, lab in tags_to_spans(ex.tags)}


def test_ner_silver_teacher_tags_places_and_organisations(homs_tokens, tmp_path, monkeypatch):
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    exs = silver_examples(str(MODEL_DIR), homs_tokens, min_conf=0.5)
    assert [ex.tokens for ex in exs] == homs_tokens
    assert ("Homs", "LOC") in _spans(exs[0])
    assert ("Damaskus", "LOC") in _spans(exs[0])
    assert ("Europäischen Union", "ORG") in _spans(exs[1])
    assert ("AFP", "ORG") in _spans(exs[2])
    for ex in exs:
        # tagged tokens are taught; a masked token carries no tag (it is neither a name nor O)
        assert all(m for t, m in zip(ex.tags, ex.mask, strict=True) if t != "O")
        assert all(t == "O" for t, m in zip(ex.tags, ex.mask, strict=True) if not m)


def test_ner_silver_unsure_spans_are_masked_not_taught_as_O(homs_tokens, tmp_path, monkeypatch):
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    sure = silver_examples(str(MODEL_DIR), homs_tokens, min_conf=0.5)
    unsure = silver_examples(str(MODEL_DIR), homs_tokens, min_conf=1.01)  # no span is that sure
    for a, b in zip(sure, unsure, strict=True):
        assert set(b.tags) == {"O"}
        # every span the teacher found (taught or already masked at 0.5) is masked now
        name_tokens = [i for i, (t, m) in enumerate(zip(a.tags, a.mask, strict=True)) if t != "O" or not m]
        assert any(t != "O" for t in a.tags), a.tokens
        assert [i for i, m in enumerate(b.mask) if not m] == name_tokens


def test_ner_silver_file_round_trip(homs_tokens, tmp_path):
    from lagebild.training.ner_data import Example

    exs = [
        Example(t, ["B-LOC"] + ["O"] * (len(t) - 1), [0] + [1] * (len(t) - 1), "silver") for t in homs_tokens
    ]
    path = tmp_path / "silver.jsonl"
    write_silver(exs, path)
    assert read_silver(path) == exs


def test_ner_silver_wikinews_sample_is_fixed_and_filtered(shared_data: Path):
    if not (shared_data / "wikinews_spkatt_de" / "train.jsonl").exists():
        pytest.skip("wikinews_spkatt_de not available")
    a = wikinews_sentences(shared_data, n=300)
    assert a == wikinews_sentences(shared_data, n=300)
    assert len(a) == 300 and len({" ".join(s) for s in a}) > 290
    assert all(4 <= len(s) <= 60 and any(t[:1].isupper() for t in s[1:]) for s in a)
    assert a != wikinews_sentences(shared_data, n=300, seed=14)


def test_ner_training_silver_corpus_needs_its_file():
    with pytest.raises(SystemExit):
        ner.main(["--corpora", "europarl,silver", "--no-save", "--epochs", "1"])


def test_ner_silver_teacher_ensemble_of_two_folders_runs_every_head(homs_tokens, tmp_path, monkeypatch):
    from lagebild.training.ner_silver import load_teacher

    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    one = load_teacher(str(MODEL_DIR))
    two = load_teacher(f"{MODEL_DIR}+{MODEL_DIR}")
    assert len(two.heads) == 2 * len(one.heads) and len(two.tops) == len(two.heads)
    # the same head twice averages to the same tags
    assert [e.tags for e in silver_examples(f"{MODEL_DIR}+{MODEL_DIR}", homs_tokens)] == [
        e.tags for e in silver_examples(str(MODEL_DIR), homs_tokens)
    ]
