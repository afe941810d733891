"""Fine-tuned top encoder layers for NER: the shared pass must stay what other stages read."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from lagebild.encoder import SharedEncoder
from lagebild.ner.finetune import build_top, init_from_encoder, run_windows

# German Wikinews (CC BY 2.5), samples/text/wikinews-68080.txt
SENTS = [
    "Mit militärischer Gewalt geht das syrische Regime von Präsident Assad weiter gegen die Bürgerproteste vor .",
    "Die EU hatte am Dienstag ein Einreiseverbot gegen 13 ranghohe Syrer verhängt .",
    "Aus der Stadt Homs , rund 160 Kilometer nördlich von Damaskus , gab es heute Berichte über Artilleriefeuer .",
]


def _doc(text):
    from lagebild.doc import Doc
    from lagebild.records import Article, content_id
    from lagebild.segment import SegmentStage

    return SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2011-08-01", language="de")))


@pytest.mark.parametrize("precision", ["float32", "int8"])
def test_finetune_copied_layer_reproduces_encoder_layer(precision):
    """An untrained copy of layer 12 run on the cached layer-11 sub-word states gives exactly the
    encoder's own layer-12 word features, so training starts from the pretrained model."""
    enc = SharedEncoder.get(precision)
    toks = [s.split() for s in SENTS]
    feats, windows = enc.encode_words_pieces(toks, layers=(9, 10, 11, 12), piece_layers=(11,))
    top = build_top(enc.dim, enc.file.ffn, enc.file.n_heads, enc.file.eps, 1)
    init_from_encoder(top, enc, 12)
    top.eval()
    if enc.precision == "int8":
        top.quantize_int8()
    W = max(len(t) for t in toks)
    ws = [(si, w0, st[11], own) for si, wl in enumerate(windows) for (w0, own, st) in wl]
    with torch.inference_mode():
        (pooled,) = run_windows(top, ws, len(toks), W, enc.dim)
    for si, f in enumerate(feats):
        np.testing.assert_allclose(pooled[si, : len(f)].numpy(), f[:, 3], atol=2e-4)


def test_finetune_pieces_leave_shared_features_unchanged():
    """Keeping sub-word states for the NER copies must not change the word features and sentence
    vectors that the events classifier, quotes and clustering read from the same pass."""
    enc = SharedEncoder.get()
    text = " ".join(s.replace(" ,", ",").replace(" .", ".") for s in SENTS)
    plain, with_pieces = _doc(text), _doc(text)
    enc.prefetch(plain)
    enc.prefetch(with_pieces, piece_layers=(11,))
    assert set(with_pieces.cache["encoder_pieces"]) == set(range(len(with_pieces.sentences)))
    for i in range(len(plain.sentences)):
        assert np.array_equal(plain.cache["encoder"][i], with_pieces.cache["encoder"][i])
        assert np.array_equal(plain.cache["encoder_layers"][i], with_pieces.cache["encoder_layers"][i])
    words = [[t.text for t in plain.sentence_tokens(i)] for i in range(len(plain.sentences))]
    feats, _ = enc.encode_words_pieces(words, piece_layers=(10, 11))
    for a, b in zip(enc.encode_words_layers(words), feats, strict=True):
        assert np.array_equal(a, b)


def test_finetune_prefetch_adds_pieces_to_already_encoded_sentences():
    """A stage that encoded the doc first (without sub-word states) does not leave the NER copies
    without their input: the missing states are computed on demand."""
    enc = SharedEncoder.get()
    doc = _doc("Aus der Stadt Homs, rund 160 Kilometer nördlich von Damaskus, gab es heute Berichte.")
    enc.prefetch(doc)
    assert "encoder_pieces" not in doc.cache
    enc.prefetch(doc, piece_layers=(11,))
    (w0, owner, states) = doc.cache["encoder_pieces"][0][0]
    assert w0 == 0 and 11 in states
    assert states[11].shape == (len(owner), enc.dim)
    assert owner.max() == len(doc.sentence_tokens(0)) - 1


def test_finetune_member_with_untrained_copy_tags_like_frozen_member():
    """A member whose layer-12 copy is still the encoder's own layer must tag a document exactly
    like the same head over the frozen features, on the run-time path (doc cache, sub-word states)."""
    from lagebild.ner.accurate import AccurateNER

    shipped = AccurateNER.load()
    enc = SharedEncoder.get()
    top = build_top(enc.dim, enc.file.ffn, enc.file.n_heads, enc.file.eps, 1)
    init_from_encoder(top, enc, 12)
    top.eval()
    if enc.precision == "int8":
        top.quantize_int8()
    head = shipped.heads[0]
    frozen = AccurateNER([head], dict(shipped.meta, member_crf=[False]))
    copied = AccurateNER([head], dict(shipped.meta, member_crf=[False]), tops=[top])
    assert copied.piece_layers == (11,) and frozen.piece_layers == ()
    text = " ".join(s.replace(" ,", ",").replace(" .", ".") for s in SENTS)
    a, b = frozen.predict_doc(_doc(text)), copied.predict_doc(_doc(text))
    assert any(a), "the shipped head finds names in this prose"
    assert [[s[:3] for s in x] for x in a] == [[s[:3] for s in x] for x in b]
    for x, y in zip(a, b, strict=True):
        assert np.allclose([s[3] for s in x], [s[3] for s in y], atol=1e-4)
