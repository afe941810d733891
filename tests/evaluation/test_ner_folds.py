"""Fold scoring of accurate-NER models on held-out GermEval dev blocks (the selection protocol)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.evaluation import ner_folds
from lagebild.ner.accurate import MODEL_DIR
from lagebild.training import ner_data


def test_ner_folds_block_is_the_trainers_held_out_block(shared_data: Path) -> None:
    data = shared_data
    for fold in (0, 4):
        held, first = ner_folds.block(data, 5, fold)
        _, trainer_held = ner_data.germeval_dev_fold(data, 5, fold)
        assert [e.tokens for e in held] == [e.tokens for e in trainer_held]
        everything = ner_data.germeval_dev_split(data, 0.0)[0]
        assert everything[first].tokens == held[0].tokens and len(everything) == 2200


def test_ner_folds_scores_the_shipped_model_and_an_ensemble(shared_data: Path, tmp_path, monkeypatch, capsys) -> None:
    data = shared_data
    # the shipped model saw all of dev, so its block score is high; the check is that scoring runs the
    # run-time code end to end and that a model joined with itself scores the same as the model alone
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    spec = str(MODEL_DIR)
    code = ner_folds.main(["--data", str(data), "--fold", "2", "--limit", "40", spec, f"{spec}+{spec}", "--json"])
    assert code == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    alone, twice = last["results"]
    assert last["task"] == "ner_folds" and alone["model"] == spec
    assert alone["micro_f1"] > 0.8 and abs(alone["micro_f1"] - twice["micro_f1"]) < 1e-9
    assert set(alone["per_type"]) == {"PER", "LOC", "ORG"}


def test_ner_folds_rejects_a_fold_outside_the_folds(capsys) -> None:
    with pytest.raises(SystemExit):
        ner_folds.main(["--fold", "5", "--folds", "5", str(MODEL_DIR)])
    assert "--fold must be in 0..4" in capsys.readouterr().err
