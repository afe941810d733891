"""Encoder word features for whole corpora, cached on disk.

Training and evaluation encode tens of thousands of sentences; the cache
(``$LAGEBILD_CACHE/ner`` or ``~/.cache/lagebild/ner``) stores per corpus one
float16 array of shape (total_words, n_layers, dim) plus sentence offsets,
keyed by a hash of the token lists, the layer choice and the encoder precision
(float32 keys are those of the cache before int8 existed, so float and int8
features never mix), so a re-run costs nothing. Training features are float32
unless ``precision`` or ``$LAGEBILD_ENCODER_PRECISION`` says otherwise; runtime
tagging (int8 by default) does not use this cache (it reads ``doc.cache``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    base = os.environ.get("LAGEBILD_CACHE")
    root = Path(base) if base else Path.home() / ".cache" / "lagebild"
    d = root / "ner"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _key(
    name: str, sentences: Sequence[Sequence[str]], layers: Sequence[int], precision: str = "float32"
) -> str:
    h = hashlib.sha1()
    h.update(repr(tuple(layers)).encode())
    if precision != "float32":
        h.update(f"precision={precision}".encode())
    for s in sentences:
        h.update("\x1f".join(s).encode("utf-8"))
        h.update(b"\x1e")
    return f"{name}-{h.hexdigest()[:12]}"


def corpus_features(
    name: str,
    sentences: Sequence[Sequence[str]],
    layers: Sequence[int] | None = None,
    chunk: int = 256,
    precision: str | None = None,
) -> list[np.ndarray]:
    """Per sentence a float16 (n_words, n_layers, dim) array, computed once and cached."""
    from ..encoder import PRECISION_ENV, SharedEncoder

    enc = SharedEncoder.get(precision or os.environ.get(PRECISION_ENV) or "float32")
    layers = tuple(layers or enc.layers)
    path = cache_dir() / (_key(name, sentences, layers, enc.precision) + ".npz")
    if path.exists():
        z = np.load(path)
        flat, offs = z["feats"], z["offsets"]
        return [flat[offs[i] : offs[i + 1]] for i in range(len(offs) - 1)]
    t0 = time.time()
    parts: list[np.ndarray] = []
    n_words = 0
    for a in range(0, len(sentences), chunk):
        for f in enc.encode_words_layers(sentences[a : a + chunk], layers=layers):
            parts.append(f.astype(np.float16))
            n_words += len(f)
        log.info(
            "%s: %d/%d sentences, %.0f words/s",
            name,
            min(a + chunk, len(sentences)),
            len(sentences),
            n_words / max(time.time() - t0, 1e-9),
        )
    offs = np.cumsum([0] + [len(p) for p in parts])
    flat = np.concatenate(parts) if parts else np.zeros((0, len(layers), enc.dim), np.float16)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, feats=flat, offsets=offs, seconds=time.time() - t0)
    os.replace(tmp, path)
    log.info(
        "%s: %d words encoded in %.1f s (%.0f words/s)",
        name,
        n_words,
        time.time() - t0,
        n_words / max(time.time() - t0, 1e-9),
    )
    return [flat[offs[i] : offs[i + 1]] for i in range(len(offs) - 1)]


def corpus_pieces(
    name: str,
    sentences: Sequence[Sequence[str]],
    layers: Sequence[int],
    piece_layers: Sequence[int],
    chunk: int = 256,
    precision: str | None = None,
) -> tuple[list[np.ndarray], list[list[tuple[int, np.ndarray, np.ndarray]]]]:
    """Word features (as :func:`corpus_features`) plus each sentence's forward windows
    (first word, (T, len(piece_layers), dim) float16 sub-word states, owner (T,)), from one
    encoder pass, cached. Defaults to the runtime precision (int8): the fine-tuned top layers
    are trained on the states they will see at run time."""
    from ..encoder import SharedEncoder, default_precision

    enc = SharedEncoder.get(precision or default_precision())
    layers, piece_layers = tuple(layers), tuple(piece_layers)
    key = _key(name, sentences, layers + (-1,) + piece_layers, enc.precision)
    path = cache_dir() / (key + ".pieces.npz")
    if not path.exists():
        t0 = time.time()
        feats, states, owners, table = [], [], [], []
        n_p = 0
        for a in range(0, len(sentences), chunk):
            fs, wins = enc.encode_words_pieces(sentences[a : a + chunk], layers, piece_layers)
            for si, (f, ws) in enumerate(zip(fs, wins, strict=True)):
                feats.append(f.astype(np.float16))
                for w0, own, st in ws:
                    x = np.stack([st[k] for k in piece_layers], axis=1).astype(np.float16)
                    states.append(x)
                    owners.append(own)
                    table.append((a + si, w0, n_p, len(own)))
                    n_p += len(own)
            log.info(
                "%s: %d/%d sentences (%.0f s)",
                name,
                min(a + chunk, len(sentences)),
                len(sentences),
                time.time() - t0,
            )
        offs = np.cumsum([0] + [len(f) for f in feats])
        tmp = path.with_suffix(".tmp.npz")
        np.savez(
            tmp,
            feats=np.concatenate(feats),
            offsets=offs,
            states=np.concatenate(states),
            owners=np.concatenate(owners),
            table=np.array(table, dtype=np.int64),
            seconds=time.time() - t0,
        )
        os.replace(tmp, path)
        log.info("%s: encoded with sub-word states in %.1f s", name, time.time() - t0)
    z = np.load(path)
    flat, offs, states, owners, table = z["feats"], z["offsets"], z["states"], z["owners"], z["table"]
    feats_out = [flat[offs[i] : offs[i + 1]] for i in range(len(offs) - 1)]
    wins_out: list[list[tuple[int, np.ndarray, np.ndarray]]] = [[] for _ in feats_out]
    for si, w0, p0, n in table.tolist():
        wins_out[si].append((w0, states[p0 : p0 + n], owners[p0 : p0 + n]))
    return feats_out, wins_out
