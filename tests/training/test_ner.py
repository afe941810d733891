"""The accurate-NER trainer's command line: checks that run before any feature is computed."""

from __future__ import annotations

import pytest

from lagebild.training import ner


@pytest.mark.parametrize("layers", ["0,9", "9,13", "5,6,7,8,9,10,11,12,13"])
def test_ner_training_layers_must_be_encoder_layers(layers: str, capsys) -> None:
    with pytest.raises(SystemExit):
        ner.main(["--layers", layers, "--no-save", "--epochs", "1"])
    assert "--layers must name encoder layers 1..12" in capsys.readouterr().err


def test_ner_training_finetune_needs_the_default_layers(capsys) -> None:
    with pytest.raises(SystemExit):
        ner.main(["--layers", "5,6,7,8,9,10,11,12", "--finetune", "1", "--folds", "5", "--fold", "0", "--no-save"])
    assert "--finetune works only with the default layers" in capsys.readouterr().err
