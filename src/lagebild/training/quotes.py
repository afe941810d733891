"""Train the learned cue and role taggers of the quote stage (``accurate`` mode).

``python -m lagebild.training.quotes --data ../shared/data/spkatt2023_de --out src/lagebild/models/quotes_accurate``

Training data: SpkAtt-2023 Task 1 (German Bundestag speeches, CC BY-SA 4.0) ``train``;
the epoch is chosen on its ``dev`` split. The Wikinews SpkAtt annotations (CC BY-NC-SA)
are never used here. Each speech is run through ``segment`` and the shared encoder
exactly as an article would be at run time, and the gold token pointers are mapped
onto the segmenter's tokens by character overlap.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..doc import Doc
from ..evaluation.quotes import GoldDoc, load_spkatt2023, load_wikinews
from ..quotes_model import N_LEX, ROLE_WINDOW, lexical_features, make_net, role_extra
from ..records import Article, content_id
from ..segment import SegmentStage

log = logging.getLogger(__name__)


def _doc_of(gd: GoldDoc) -> Doc:
    return SegmentStage()(Doc(Article(id=content_id(gd.text), text=gd.text, language="de")))


def _ptr_to_tok(gd: GoldDoc, doc: Doc) -> dict[tuple[int, int], list[int]]:
    starts = np.array([t.start for t in doc.tokens])
    ends = np.array([t.end for t in doc.tokens])
    out = {}
    for ptr, (s, e) in gd.spans.items():
        lo = int(np.searchsorted(ends, s, side="right"))
        ks = []
        k = lo
        while k < len(starts) and starts[k] < e:
            if ends[k] > s:
                ks.append(k)
            k += 1
        out[ptr] = ks
    return out


def prepare(docs: list[GoldDoc]) -> list[dict[str, Any]]:
    """Per document: sentence inputs (encoder features + lexical flags, float16), token sentence ids, words and
    gold events as doc token index sets."""
    from ..encoder import SharedEncoder

    enc = SharedEncoder.get()
    out = []
    for n, gd in enumerate(docs):
        doc = _doc_of(gd)
        enc.prefetch(doc)
        inputs = []
        for si in range(len(doc.sentences)):
            words = [t.text for t in doc.sentence_tokens(si)]
            inputs.append(np.concatenate([doc.cache["encoder"][si], lexical_features(words)], 1).astype(np.float16))
        p2t = _ptr_to_tok(gd, doc)
        events = []
        for ev in gd.events:
            roles = {r: sorted({k for p in ev[r] for k in p2t.get(p, [])}) for r in ("Cue", "Source", "Message")}
            events.append({**roles, "nested": ev["nested"], "form": ev["form"]})
        out.append({"name": gd.name, "inputs": inputs, "sent": [t.sent for t in doc.tokens],
                    "sent_start": [s.token_start for s in doc.sentences], "words": [t.text for t in doc.tokens],
                    "events": events})
        if n % 50 == 0:
            log.info("prepared %d/%d", n, len(docs))
    return out


def cached(data: Path, split: str, cache_dir: Path) -> list[dict[str, Any]]:
    name = "spkatt2023" if list(data.glob("*.tar.gz")) else "wikinews"
    path = cache_dir / f"{name}_{split}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    docs = list(load_spkatt2023(data, split) if name == "spkatt2023" else load_wikinews(data, split))
    prep = prepare(docs)
    cache_dir.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(prep, fh, protocol=4)
    return prep


# ------------------------------------------------------------------ examples
def cue_examples(prep: list[dict[str, Any]]) -> list[tuple[np.ndarray, np.ndarray]]:
    out = []
    for d in prep:
        lab = np.zeros(len(d["words"]), dtype=np.float32)
        for ev in d["events"]:
            lab[ev["Cue"]] = 1.0
        for si, x in enumerate(d["inputs"]):
            a = d["sent_start"][si]
            out.append((x, lab[a: a + len(x)]))
    return out


def role_window(d: dict[str, Any], cue: list[int]) -> tuple[np.ndarray, int]:
    si = d["sent"][cue[0]]
    lo, hi = max(0, si - ROLE_WINDOW), min(len(d["inputs"]) - 1, si + ROLE_WINDOW)
    t0 = d["sent_start"][lo]
    feats = np.concatenate([d["inputs"][s] for s in range(lo, hi + 1)], 0).astype(np.float32)
    off = np.concatenate([np.full(len(d["inputs"][s]), s - si) for s in range(lo, hi + 1)])
    return np.concatenate([feats, role_extra(len(feats), off, [c - t0 for c in cue])], 1), t0


def role_examples(prep: list[dict[str, Any]]) -> list[tuple[np.ndarray, np.ndarray]]:
    out = []
    for d in prep:
        for ev in d["events"]:
            if not ev["Cue"]:
                continue
            x, t0 = role_window(d, ev["Cue"])
            lab = np.zeros(len(x), dtype=np.int64)
            for role, v in (("Message", 2), ("Source", 1)):
                for k in ev[role]:
                    if 0 <= k - t0 < len(x):
                        lab[k - t0] = v
            out.append((x, lab))
    return out


# ------------------------------------------------------------------ training
def _batch(exs: list[tuple[np.ndarray, np.ndarray]], label_dtype: Any) -> tuple[Any, Any, Any, Any]:
    import torch

    lens = [len(x) for x, _ in exs]
    T = max(lens)
    x = np.zeros((len(exs), T, exs[0][0].shape[1]), dtype=np.float32)
    y = np.zeros((len(exs), T), dtype=label_dtype)
    m = np.zeros((len(exs), T), dtype=bool)
    for i, (a, b) in enumerate(exs):
        x[i, : len(a)] = a
        y[i, : len(a)] = b
        m[i, : len(a)] = True
    return torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(m), torch.tensor(lens)


def _train(net: Any, train: list, dev: list, kind: str, epochs: int, lr: float, seed: int) -> tuple[dict, float, int]:
    import torch

    torch.manual_seed(seed)
    rnd = random.Random(seed)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-4)
    best, best_state, best_ep = -1.0, None, 0
    dt = np.float32 if kind == "cue" else np.int64
    for ep in range(1, epochs + 1):
        net.train()
        order = sorted(range(len(train)), key=lambda i: len(train[i][0]) + rnd.random() * 8)
        batches = [order[i: i + 32] for i in range(0, len(order), 32)]
        rnd.shuffle(batches)
        tot = 0.0
        for bi in batches:
            x, y, m, lens = _batch([train[i] for i in bi], dt)
            out = net(x, lens)
            if kind == "cue":
                loss = torch.nn.functional.binary_cross_entropy_with_logits(out[..., 0][m], y[m])
            else:
                loss = torch.nn.functional.cross_entropy(out[m], y[m])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            tot += float(loss.detach())
        score = _dev_score(net, dev, kind)
        log.info("%s epoch %d loss %.4f dev %s", kind, ep, tot / max(len(batches), 1), score)
        if score > best:
            best, best_ep = score, ep
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    return best_state or net.state_dict(), best, best_ep


def _dev_score(net: Any, dev: list, kind: str) -> float:
    """Token F1: cue tokens (cue tagger); mean of source and message token F1 (role tagger)."""
    import torch

    net.eval()
    tp = np.zeros(3)
    npred = np.zeros(3)
    ngold = np.zeros(3)
    dt = np.float32 if kind == "cue" else np.int64
    with torch.no_grad():
        for i in range(0, len(dev), 64):
            x, y, m, lens = _batch(dev[i: i + 64], dt)
            out = net(x, lens)
            if kind == "cue":
                pred = (out[..., 0] > 0).numpy()[m.numpy()]
                gold = y.numpy()[m.numpy()] > 0.5
                tp[1] += (pred & gold).sum()
                npred[1] += pred.sum()
                ngold[1] += gold.sum()
            else:
                pred = out.argmax(-1).numpy()[m.numpy()]
                gold = y.numpy()[m.numpy()]
                for c in (1, 2):
                    tp[c] += ((pred == c) & (gold == c)).sum()
                    npred[c] += (pred == c).sum()
                    ngold[c] += (gold == c).sum()
    f = 2 * tp / np.maximum(npred + ngold, 1)
    return round(float(f[1] if kind == "cue" else (f[1] + f[2]) / 2), 4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild train quotes", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data/spkatt2023_de", help="spkatt2023_de folder (CC BY-SA 4.0)")
    ap.add_argument("--out", default="src/lagebild/models/quotes_accurate")
    ap.add_argument("--cache", default="/tmp/lagebild_quotes_cache", help="where encoded splits are kept")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--rnn", type=int, default=96)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    import torch

    torch.set_num_threads(args.threads)
    data = Path(args.data)
    if not list(data.glob("*.tar.gz")):
        raise SystemExit("training reads SpkAtt-2023 Task 1 (CC BY-SA 4.0) only: --data must be spkatt2023_de")
    t0 = time.time()
    tr, dv = cached(data, "train", Path(args.cache)), cached(data, "dev", Path(args.cache))
    dim = tr[0]["inputs"][0].shape[1] - N_LEX
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scores = {}
    for kind, n_in, n_out, ex in (("cue", dim + N_LEX, 1, cue_examples), ("role", None, 3, role_examples)):
        train_ex, dev_ex = ex(tr), ex(dv)
        if n_in is None:
            n_in = train_ex[0][0].shape[1]
        net = make_net(n_in, n_out, args.hidden, args.rnn)
        state, score, ep = _train(net, [(x.astype(np.float32), y) for x, y in train_ex],
                                  [(x.astype(np.float32), y) for x, y in dev_ex], kind, args.epochs, args.lr, args.seed)
        torch.save({k: v.half() for k, v in state.items()}, out / f"{kind}.pt")
        scores[kind] = {"dev_token_f1": score, "epoch": ep, "train_examples": len(train_ex)}
    meta = {"dim": dim, "hidden": args.hidden, "rnn": args.rnn, "epochs": args.epochs, "lr": args.lr,
            "seed": args.seed, "role_window": ROLE_WINDOW, "scores": scores,
            "train_seconds": round(time.time() - t0, 1), "data": "SpkAtt-2023 Task 1 train (CC BY-SA 4.0)"}
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
