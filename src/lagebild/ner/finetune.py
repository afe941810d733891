"""Fine-tuned copies of the encoder's top layers, owned by the NER tagger.

The shared encoder pass (:mod:`lagebild.encoder`) stays frozen: the events
classifier and story clustering read its last layer unchanged. An NER member
with ``top_layers = k`` instead runs its own trained copies of the last ``k``
transformer blocks on the shared pass's sub-word states of layer ``12 - k``
(``doc.cache["encoder_pieces"]``), mean-pools their output over each word's
pieces and feeds those in place of the frozen layers' word features. Only
those ``k`` blocks (~1.8 M parameters each) are extra work per sentence.

Training (``lagebild train ner --finetune k``) caches the frozen states once
(:func:`lagebild.ner.features.corpus_pieces`) and back-propagates through
the copied blocks with a small learning rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def build_top(dim: int, ffn: int, n_heads: int, eps: float, k: int, dropout: float = 0.1):
    """``k`` BERT post-LayerNorm blocks as a trainable torch module (weights loaded separately)."""
    import torch
    from torch import nn

    F = nn.functional

    class Block(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.qkv = nn.Linear(dim, 3 * dim)
            self.ao = nn.Linear(dim, dim)
            self.aln = nn.LayerNorm(dim, eps=eps)
            self.fi = nn.Linear(dim, ffn)
            self.fo = nn.Linear(ffn, dim)
            self.oln = nn.LayerNorm(dim, eps=eps)
            self.drop = nn.Dropout(dropout)
            self._int8: dict[str, Any] | None = None

        def lin(self, name: str, x):
            if self._int8 is not None:
                return self._int8[name](x)
            return getattr(self, name)(x)

        def forward(self, x, am):
            B, T, H = x.shape
            hd = H // n_heads
            qkv = self.lin("qkv", x).view(B, T, 3, n_heads, hd).permute(2, 0, 3, 1, 4)
            ctx = F.scaled_dot_product_attention(
                qkv[0], qkv[1], qkv[2], attn_mask=am, dropout_p=dropout if self.training else 0.0
            )
            ctx = ctx.transpose(1, 2).reshape(B, T, H)
            x = self.aln(x + self.drop(self.lin("ao", ctx)))
            h = F.gelu(self.lin("fi", x))
            return self.oln(x + self.drop(self.lin("fo", h)))

    class Top(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.blocks = nn.ModuleList([Block() for _ in range(k)])

        def forward(self, x, mask):
            """x (B, T, H) states of layer 12-k, mask (B, T) bool -> list of k (B, T, H) outputs."""
            am = mask[:, None, None, :]
            outs = []
            for blk in self.blocks:
                x = blk(x, am)
                outs.append(x)
            return outs

        def quantize_int8(self) -> None:
            """Run the blocks' Linear layers as int8 matrix products (as the shared encoder does)."""
            from ..encoder import _int8_linear

            for blk in self.blocks:
                assert isinstance(blk, Block)  # ModuleList yields plain Modules to the type checker
                blk._int8 = {
                    n: _int8_linear(torch, getattr(blk, n).weight.detach(), getattr(blk, n).bias.detach())
                    for n in ("qkv", "ao", "fi", "fo")
                }

    return Top()


def init_from_encoder(top: Any, enc: Any, first_layer: int) -> None:
    """Copy the encoder's (dequantised) weights of layers ``first_layer``, ``first_layer + 1``, ... into ``top``."""
    import torch

    with torch.no_grad():
        for i, blk in enumerate(top.blocks):
            w = enc.block_weights(first_layer + i)
            blk.qkv.weight.copy_(torch.from_numpy(w["qkv_w"]))
            blk.qkv.bias.copy_(torch.from_numpy(w["qkv_b"]))
            for n in ("ao", "fi", "fo"):
                getattr(blk, n).weight.copy_(torch.from_numpy(w[n + "_w"]))
                getattr(blk, n).bias.copy_(torch.from_numpy(w[n + "_b"]))
            for n in ("aln", "oln"):
                getattr(blk, n).weight.copy_(torch.from_numpy(w[n][0]))
                getattr(blk, n).bias.copy_(torch.from_numpy(w[n][1]))


def run_windows(
    top: Any,
    windows: Sequence[tuple[int, int, np.ndarray, np.ndarray]],
    n_sent: int,
    max_words: int,
    dim: int,
):
    """Run ``top`` over sub-word windows and mean-pool its outputs per word.

    ``windows``: (sentence slot, first word index, piece states (T, H), owner (T,) with the
    word index inside the window or -1 for <s>, the prefix and </s>).
    Returns a list of k tensors (n_sent, max_words, H) (zeros where a sentence is shorter).
    """
    import torch

    T = max(len(w[2]) for w in windows)
    x = np.zeros((len(windows), T, dim), np.float32)
    mask = np.zeros((len(windows), T), bool)
    tgt = np.full((len(windows), T), -1, np.int64)
    for b, (slot, w0, states, owner) in enumerate(windows):
        n = len(states)
        x[b, :n] = states
        mask[b, :n] = True
        own = np.asarray(owner)
        tgt[b, :n] = np.where(own >= 0, slot * max_words + w0 + own, -1)
    outs = top(torch.from_numpy(x), torch.from_numpy(mask))
    flat_t = torch.from_numpy(tgt.reshape(-1))
    keep = flat_t >= 0
    idx = flat_t[keep]
    cnt = torch.zeros(n_sent * max_words).index_add_(0, idx, torch.ones(len(idx))).clamp_(min=1)
    pooled = []
    for h in outs:
        acc = torch.zeros(n_sent * max_words, dim).index_add_(0, idx, h.reshape(-1, dim)[keep])
        pooled.append((acc / cnt[:, None]).view(n_sent, max_words, dim))
    return pooled
