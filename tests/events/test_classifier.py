"""Event classifier: nearest prototype centroid on the shared encoder's sentence vectors."""

from __future__ import annotations

import numpy as np
import pytest

from lagebild.doc import Doc
from lagebild.encoder import SharedEncoder, default_precision
from lagebild.events.classifier import classify_doc, embed, prototype_model
from lagebild.events.stage import EventStage
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage


def _doc(text: str) -> Doc:
    return SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2011-05-11", language="de")))


def test_classifier_centroids_rank_real_sentences():
    # German Wikinews (CC BY 2.5), samples/text/wikinews-68080.txt
    rows, cents, names = prototype_model(default_precision())
    assert cents.shape == (len(names), SharedEncoder.get().dim)
    sims = (
        embed(
            [
                "Aus der Stadt Homs gab es heute Berichte über Artilleriefeuer und Beschuss durch Panzer.",
                "Die EU hatte am Dienstag ein Einreiseverbot gegen 13 ranghohe Syrer verhängt.",
                "Nach Angaben von Menschenrechtlern soll es gestern in der Stadt Homs zu einer Demonstration gekommen sein.",
            ]
        )
        @ cents.T
    )
    best = [names[int(i)].split("|")[0] for i in np.argmax(sims, axis=1)]
    assert best == ["ASSAULT", "SANCTION", "PROTEST"]


def test_classifier_reuses_the_ner_encoder_pass(homs_text, monkeypatch):
    doc = _doc(homs_text)
    enc = SharedEncoder.get()
    prototype_model(enc.precision)  # centroids are built once per process, before any article
    # the accurate NER tagger encodes every sentence of the article (entities runs before events)
    enc.encode_words_layers([[t.text for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))])

    def no_second_pass(*a, **k):
        raise AssertionError("events ran a second transformer pass")

    monkeypatch.setattr(enc, "forward", no_second_pass)
    stage = EventStage(mode="accurate")
    events = classify_doc(stage, doc, "de", set())
    for e in events:
        assert doc.text[e.start : e.end] == e.text
        assert e.method == "classifier" and 0.0 < e.confidence <= 1.0


@pytest.mark.parametrize("precision", ["float32", "int8"])
def test_classifier_prototypes_follow_the_encoder_precision(precision):
    _, cents, _ = prototype_model(precision)
    _, other, _ = prototype_model("int8" if precision == "float32" else "float32")
    assert not np.array_equal(cents, other)
    assert np.allclose(np.linalg.norm(cents, axis=1), 1.0, atol=1e-5)
