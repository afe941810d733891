"""Accurate German NER: a BiLSTM head over the shared e5 encoder's word features.

The encoder (:mod:`lagebild.encoder`) gives each word the hidden states of
the last four layers of multilingual-e5-small, mean-pooled over its pieces.
The head learns a softmax-weighted mix of those layers, adds a small
word-shape embedding, runs a BiLSTM and scores BIO tags over
GermEval's fine label set (PER/LOC/ORG/OTH and their ``deriv``/``part``
variants). Decoding is Viterbi with BIO constraints. ``predict`` reports
PER/LOC/ORG/MISC (OTH -> MISC) and drops derivations and compounds
("deutsche", "EU-weit"), as GermEval's outer PER/LOC/ORG convention does;
``predict_fine`` keeps all 12 classes for the official GermEval metric.

A member may also own fine-tuned copies of the encoder's top layer(s)
(:mod:`.finetune`): it then reads the shared pass's sub-word states below
those layers and replaces the frozen top layers' word features by its own
copies' output; the shared pass (and every other stage reading it) is
unchanged.

Only the heads (~3 MB each) and such layer copies (~3.5 MB per layer, float16)
are shipped in ``lagebild/models/ner_accurate/``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .fast import mean_of

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner_accurate"
BASE = ("PER", "LOC", "ORG", "OTH")
FINE = BASE + tuple(b + s for b in BASE for s in ("deriv", "part"))
TAGS = ("O",) + tuple(f"{p}-{lab}" for lab in FINE for p in ("B", "I"))
TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
SHAPES = ("pad", "lower", "Title", "UPPER", "mixed", "digit", "punct", "other", "first-Title")


def word_shape(word: str, first: bool) -> int:
    """Coarse shape class: capitalisation matters for German names but is blurred by
    sub-word pooling, so the head gets it explicitly."""
    if word.isdigit() or any(c.isdigit() for c in word[:1]):
        return SHAPES.index("digit")
    if not any(c.isalnum() for c in word):
        return SHAPES.index("punct")
    if word.islower():
        return SHAPES.index("lower")
    if word.isupper() and len(word) > 1:
        return SHAPES.index("UPPER")
    if word[:1].isupper() and (len(word) == 1 or word[1:].islower() or not word[1:].isalpha()):
        return SHAPES.index("first-Title" if first else "Title")
    if word[:1].isupper() or any(c.isupper() for c in word):
        return SHAPES.index("mixed")
    return SHAPES.index("other")


def shapes_of(words: Sequence[str]) -> list[int]:
    return [word_shape(w, i == 0) for i, w in enumerate(words)]


def build_head(
    n_layers: int,
    dim: int,
    hidden: int = 256,
    shape_dim: int = 16,
    dropout: float = 0.3,
    lstm_layers: int = 1,
):
    import torch
    from torch import nn

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.mix = nn.Parameter(torch.zeros(n_layers))
            self.gamma = nn.Parameter(torch.ones(1))
            self.shape = nn.Embedding(len(SHAPES), shape_dim, padding_idx=0)
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(
                dim + shape_dim,
                hidden,
                num_layers=lstm_layers,
                bidirectional=True,
                batch_first=True,
                dropout=dropout if lstm_layers > 1 else 0.0,
            )
            self.out = nn.Linear(2 * hidden, len(TAGS))
            # linear-chain CRF scores (stay zero when the head is trained without CRF)
            self.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def forward(self, feats, shapes, lengths):
            # feats: (B, T, n_layers, dim)
            w = torch.softmax(self.mix, 0)
            x = self.gamma * (feats * w[None, None, :, None]).sum(2)
            x = torch.cat([self.drop(x), self.shape(shapes)], -1)
            packed = nn.utils.rnn.pack_padded_sequence(
                x, lengths.cpu(), batch_first=True, enforce_sorted=False
            )
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=feats.shape[1])
            return self.out(self.drop(h))

    return Head()


def _allowed() -> tuple[np.ndarray, np.ndarray]:
    """BIO constraints: I-X only after B-X/I-X, never first."""
    n = len(TAGS)
    trans = np.zeros((n, n), dtype=np.float32)
    start = np.zeros(n, dtype=np.float32)
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            start[j] = -np.inf
            for i, s in enumerate(TAGS):
                if s[2:] != t[2:] or s == "O":
                    trans[i, j] = -np.inf
    return trans, start


_TRANS, _START = _allowed()


def viterbi(logp: np.ndarray, crf: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> list[int]:
    """Best BIO-valid tag path for (T, n_tags) scores, plus learned CRF
    transition/start/end scores when given."""
    T = logp.shape[0]
    if T == 0:
        return []
    trans, start = _TRANS, _START
    end: np.ndarray | float = 0.0
    if crf is not None:
        trans, start, end = _TRANS + crf[0], _START + crf[1], crf[2]
    score = logp[0] + start
    back = np.zeros((T, logp.shape[1]), dtype=np.int64)
    for t in range(1, T):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + logp[t]
    score = score + end
    path = [int(score.argmax())]
    for t in range(T - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def crf_marginals(logp: np.ndarray, crf: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """(T, n_tags) posterior tag probabilities of the linear-chain model Viterbi decodes
    (emissions ``logp`` + BIO constraints + learned transitions), by scaled forward-backward.

    A CRF head's per-token softmax is no probability (the transitions carry part of the score),
    so its span confidences come from these marginals."""
    trans, start, end = _TRANS + crf[0], _START + crf[1], crf[2]
    # constant shifts cancel in the normalisation and keep exp() in range
    et = np.exp(trans - np.max(trans[np.isfinite(trans)]))
    em = np.exp(logp - logp.max(1, keepdims=True))
    T = len(logp)
    alpha = np.empty_like(em)
    beta = np.empty_like(em)
    a = np.exp(start - np.max(start[np.isfinite(start)])) * em[0]
    alpha[0] = a / a.sum()
    for t in range(1, T):
        a = (alpha[t - 1] @ et) * em[t]
        alpha[t] = a / a.sum()
    b = np.exp(end - end.max())
    beta[T - 1] = b / b.sum()
    for t in range(T - 2, -1, -1):
        b = et @ (em[t + 1] * beta[t + 1])
        beta[t] = b / b.sum()
    m = alpha * beta
    return m / m.sum(1, keepdims=True)


def decode_spans(logp: np.ndarray, crf=None) -> list[tuple[int, int, str, float]]:
    """Fine-label spans with a confidence: the geometric mean over the span's tokens of the
    chosen tags' probabilities (per-token softmax, or CRF marginals when ``crf`` is given)."""
    path = viterbi(logp, crf)
    prob_of = np.log(np.maximum(crf_marginals(logp, crf), 1e-12)) if crf is not None and len(path) else logp
    spans = []
    i = 0
    while i < len(path):
        tag = TAGS[path[i]]
        if tag.startswith("B-"):
            lab = tag[2:]
            j = i + 1
            while j < len(path) and TAGS[path[j]] == "I-" + lab:
                j += 1
            prob = float(np.exp(np.mean([prob_of[k, path[k]] for k in range(i, j)])))
            spans.append((i, j, lab, prob))
            i = j
        else:
            i += 1
    return spans


def coarse(spans: Sequence[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """Fine spans -> PER/LOC/ORG/MISC, dropping derivations and compounds."""
    out = []
    for s, e, lab, p in spans:
        if lab in BASE:
            out.append((s, e, "MISC" if lab == "OTH" else lab, p))
    return out


def crf_nll(emissions, allowed, lengths, trans, start, end, constraint):
    """Negative log-likelihood of a linear-chain CRF with *partial* labels:
    ``allowed`` (B, T, K) is True for the tags a token may take (only the gold
    tag where the corpus annotates the token, every tag where it is masked),
    so masked tokens are marginalised instead of being forced to O."""
    import torch

    B, T, K = emissions.shape
    tr = trans + constraint
    neg = torch.finfo(emissions.dtype).min / 4
    gold_em = emissions.masked_fill(~allowed, neg)
    steps = torch.arange(T)[None, :] < lengths[:, None]
    a_all = start + constraint_start(constraint) + emissions[:, 0]
    a_gold = start + constraint_start(constraint) + gold_em[:, 0]
    for t in range(1, T):
        live = steps[:, t, None]
        n_all = torch.logsumexp(a_all[:, :, None] + tr[None], 1) + emissions[:, t]
        n_gold = torch.logsumexp(a_gold[:, :, None] + tr[None], 1) + gold_em[:, t]
        a_all = torch.where(live, n_all, a_all)
        a_gold = torch.where(live, n_gold, a_gold)
    z_all = torch.logsumexp(a_all + end, 1)
    z_gold = torch.logsumexp(a_gold + end, 1)
    return (z_all - z_gold).sum()


def constraint_start(constraint):
    """BIO start constraint (no I- tag first) as a finite torch vector."""
    import torch

    return torch.from_numpy(np.where(np.isfinite(_START), 0.0, -1e4).astype(np.float32))


def bio_constraint():
    """BIO transition constraints as a finite (-1e4) torch matrix for training."""
    import torch

    return torch.from_numpy(np.where(np.isfinite(_TRANS), 0.0, -1e4).astype(np.float32))


class AccurateNER:
    """``predict(token_lists)`` -> per sentence [(start, end, label, score)] (token indices)."""

    def __init__(self, head: Any, meta: dict[str, Any], tops: Sequence[Any] | None = None):
        #: one head, or several (an ensemble: log-probabilities and CRF scores are averaged)
        self.heads = list(head) if isinstance(head, (list, tuple)) else [head]
        #: per head its fine-tuned copies of the encoder's top layers (:mod:`.finetune`) or None
        self.tops = list(tops) if tops is not None else [None] * len(self.heads)
        self._top_of = {id(h): t for h, t in zip(self.heads, self.tops, strict=True)}
        #: the encoder layer whose sub-word states the fine-tuned copies start from
        ks = [len(t.blocks) for t in self.tops if t is not None]
        self.piece_layers = tuple(sorted({12 - k for k in ks}))
        self.meta = meta
        self.layers = tuple(meta["layers"])
        self._lock = threading.Lock()
        crf_flags = meta.get("member_crf", [bool(meta.get("crf"))] * len(self.heads))
        self._crf_flags = list(crf_flags)
        self.crf = None
        if any(crf_flags):
            parts = [
                [getattr(h, n).detach().float().numpy() for n in ("trans", "start", "end")]
                for h, flag in zip(self.heads, crf_flags, strict=True)
                if flag
            ]
            self.crf = tuple(np.mean([p[k] for p in parts], axis=0) for k in range(3))

    @classmethod
    def load(cls, path: str | Path | None = None) -> AccurateNER:
        """Load ``meta.json`` + ``head.pt`` (or the ensemble ``members`` listed in meta.json)."""
        import torch

        path = Path(path or MODEL_DIR)
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        members = meta.get("members") or [dict(meta, file="head.pt", top_file="top.pt")]
        heads, tops = [], []
        for m in members:
            tops.append(cls._load_top(path / m.get("top_file", "top.pt"), m, meta["dim"]))
            head = build_head(
                len(meta["layers"]),
                meta["dim"],
                hidden=m["hidden"],
                shape_dim=m["shape_dim"],
                lstm_layers=m.get("lstm_layers", 1),
            )
            state = torch.load(path / m["file"], map_location="cpu", weights_only=True)
            missing, unexpected = head.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)
            if unexpected or set(missing) - {"trans", "start", "end"}:  # CRF scores are optional
                raise ValueError(f"{path / m['file']}: missing {missing}, unexpected {unexpected}")
            head.eval()
            heads.append(head)
        meta = dict(meta, member_crf=[bool(m.get("crf")) for m in members])
        return cls(heads, meta, tops)

    @classmethod
    def joined(cls, taggers: Sequence[AccurateNER]) -> AccurateNER:
        """One ensemble of several loaded models (their heads, fine-tuned top layers and CRF flags)."""
        if len({t.layers for t in taggers}) > 1:
            raise ValueError(f"an ensemble needs one set of encoder layers, got {[t.layers for t in taggers]}")
        heads = [h for t in taggers for h in t.heads]
        tops = [top for t in taggers for top in t.tops]
        meta = dict(taggers[0].meta, member_crf=[flag for t in taggers for flag in t._crf_flags])
        return cls(heads, meta, tops)

    @staticmethod
    def _load_top(file: Path, member: dict[str, Any], dim: int) -> Any:
        """A member's fine-tuned top encoder layers (None for a head over the frozen encoder);
        run in int8 when the encoder runs in int8 (the default)."""
        k = int(member.get("top_layers") or 0)
        if not k:
            return None
        import torch

        from ..encoder import SharedEncoder, default_precision
        from .finetune import build_top

        f = SharedEncoder.get().file
        top = build_top(dim, f.ffn, f.n_heads, f.eps, k)
        state = torch.load(file, map_location="cpu", weights_only=True)
        top.load_state_dict({k_: v.float() for k_, v in state.items()})
        top.eval()
        if default_precision() == "int8" and SharedEncoder.get().precision == "int8":
            top.quantize_int8()
        return top

    def logprobs(
        self,
        feats: Sequence[np.ndarray],
        token_lists: Sequence[Sequence[str]],
        batch_size: int = 64,
        heads: Sequence[Any] | None = None,
        windows: Sequence[Any] | None = None,
    ) -> list[np.ndarray]:
        """Per sentence (n_words, n_tags) log-probabilities (averaged over ``heads``,
        default all) from precomputed features."""
        heads = list(heads or self.heads)
        per_head = self._head_logprobs(feats, token_lists, batch_size, heads, windows)
        return [mean_of([ph[i] for ph in per_head]) for i in range(len(feats))]

    def _head_logprobs(
        self,
        feats: Sequence[np.ndarray],
        token_lists: Sequence[Sequence[str]],
        batch_size: int,
        heads: Sequence[Any],
        windows: Sequence[Any] | None = None,
    ) -> list[list[np.ndarray]]:
        """[head][sentence] (n_words, n_tags) log-probabilities, one forward pass per head.

        ``windows`` (per sentence, from :meth:`SharedEncoder.encode_words_pieces`) are needed by
        members with fine-tuned top layers; without them the sentences are encoded again."""
        import torch

        from .finetune import run_windows

        tops = [self._top_of.get(id(h)) for h in heads]
        if windows is None and any(t is not None for t in tops):
            from ..encoder import SharedEncoder

            _, windows = SharedEncoder.get().encode_words_pieces(
                token_lists, layers=self.layers, piece_layers=self.piece_layers
            )

        out = [[np.zeros((0, len(TAGS)), np.float32)] * len(feats) for _ in heads]
        order = sorted(range(len(feats)), key=lambda i: len(feats[i]))
        with self._lock, torch.inference_mode():
            for a in range(0, len(order), batch_size):
                idx = [i for i in order[a : a + batch_size] if len(feats[i])]
                if not idx:
                    continue
                T = max(len(feats[i]) for i in idx)
                L, D = feats[idx[0]].shape[1:]
                x = np.zeros((len(idx), T, L, D), np.float32)
                sh = np.zeros((len(idx), T), np.int64)
                for b, i in enumerate(idx):
                    x[b, : len(feats[i])] = feats[i]
                    sh[b, : len(feats[i])] = shapes_of(token_lists[i])
                lengths = torch.tensor([len(feats[i]) for i in idx])
                xt, sht = torch.from_numpy(x), torch.from_numpy(sh)
                for k, h in enumerate(heads):
                    xk = xt
                    top = tops[k]
                    if top is not None:
                        assert windows is not None  # encoded above whenever a member has a top
                        nk = len(top.blocks)
                        ws = [
                            (slot, w0, st[12 - nk], own)
                            for slot, i in enumerate(idx)
                            for (w0, own, st) in windows[i]
                        ]
                        pooled = run_windows(top, ws, len(idx), T, D)
                        xk = torch.cat([xt[:, :, : L - nk], torch.stack(pooled, 2)], 2)
                    lp = torch.log_softmax(h(xk, sht, lengths), -1).numpy()
                    for b, i in enumerate(idx):
                        out[k][i] = lp[b, : len(feats[i])]
        return out

    def predict_fine_from_features(
        self, feats, token_lists, windows=None
    ) -> list[list[tuple[int, int, str, float]]]:
        per_head = self._head_logprobs(feats, token_lists, 64, self.heads, windows)
        n = len(self.heads)
        avg = [mean_of([ph[i] for ph in per_head]) for i in range(len(feats))]
        spans = [decode_spans(lp, self.crf) for lp in avg]
        calibrated = [k for k, flag in enumerate(self._crf_flags) if not flag]
        if calibrated and len(calibrated) < n:
            # A CRF head's per-token softmax is not a probability (its transitions carry part of
            # the score), so span scores come from the softmax-trained members only (their
            # log-probabilities from the same forward pass).
            conf = [mean_of([per_head[k][i] for k in calibrated]) for i in range(len(feats))]
            spans = [
                [
                    (
                        a,
                        b,
                        lab,
                        float(
                            np.exp(
                                np.mean(
                                    [c[k, TAG_INDEX[("B-" if k == a else "I-") + lab]] for k in range(a, b)]
                                )
                            )
                        ),
                    )
                    for a, b, lab, _ in ss
                ]
                for ss, c in zip(spans, conf, strict=True)
            ]
        return spans

    def predict_from_features(
        self, feats, token_lists, windows=None
    ) -> list[list[tuple[int, int, str, float]]]:
        return [coarse(s) for s in self.predict_fine_from_features(feats, token_lists, windows)]

    def _features(self, token_lists: Sequence[Sequence[str]]) -> tuple[list[np.ndarray], Any]:
        from ..encoder import SharedEncoder

        enc = SharedEncoder.get()
        if self.piece_layers:
            return enc.encode_words_pieces(token_lists, layers=self.layers, piece_layers=self.piece_layers)
        return enc.encode_words_layers(token_lists, layers=self.layers), None

    def predict_fine(self, token_lists: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str, float]]]:
        feats, windows = self._features(token_lists)
        return self.predict_fine_from_features(feats, token_lists, windows)

    def predict(self, token_lists: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str, float]]]:
        """Entity spans (start, end-exclusive token index, PER/LOC/ORG/MISC, score) per sentence."""
        feats, windows = self._features(token_lists)
        return self.predict_from_features(feats, token_lists, windows)

    def predict_doc(self, doc: Any) -> list[list[tuple[int, int, str, float]]]:
        """Like :meth:`predict` for every sentence of a Doc, reusing ``doc.cache["encoder"]``
        layer features when another stage already computed them."""
        from ..encoder import SharedEncoder

        enc = SharedEncoder.get()
        enc.prefetch(doc, piece_layers=self.piece_layers, layers=self.layers)
        n = len(doc.sentences)
        words = [[t.text for t in doc.sentence_tokens(i)] for i in range(n)]
        stacks = enc.layer_stacks(doc, self.layers)
        feats = [stacks[i] for i in range(n)]
        windows = [doc.cache["encoder_pieces"][i] for i in range(n)] if self.piece_layers else None
        return self.predict_from_features(feats, words, windows)
