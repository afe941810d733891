"""Train the learned cue and role taggers of the quote stage (``accurate`` mode).

``python -m lagebild.training.quotes --data ../shared/data/spkatt2023_de --out src/lagebild/models/quotes_accurate``

Training data, alone or mixed:

* SpkAtt-2023 Task 1 (German Bundestag speeches, CC BY-SA 4.0) ``train`` (``--data``; ``--no-task1`` leaves it out);
* our own labels of Wikinews articles (``--labels /work/qann/labels_*.jsonl``): stand-off, one line per article
  ``{"FileName": ..., "events": [{"form", "stwr", "cue", "source", "message", "addr"}]}`` with range strings
  (``"s:t"``, ``"s:t-s:t"``, comma-joined), tokens from the Wikinews ``test_blind.jsonl`` (CC BY 2.5 text);
* for experiments only, folds of the Wikinews SpkAtt ``train`` gold (``--wikinews``, CC BY-NC-SA): weights
  trained on it are evaluation-only, so ``--out`` must then lie outside the repository.

The epoch is chosen by token F1 on Task 1 ``dev`` (``--select dev``) or the last one is kept
(``--select last``). Each document is run through ``segment`` and the shared encoder exactly as an article
would be at run time, and the gold token pointers are mapped onto the segmenter's tokens by character overlap.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
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
from ..errors import InputError
from ..evaluation.quotes import GoldDoc, _gold_doc, expand_ranges, load_spkatt2023, load_wikinews
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


def load_labels(paths: list[Path], tokens_jsonl: Path) -> list[GoldDoc]:
    """Our own stand-off labels as gold documents (tokens from ``tokens_jsonl`` by ``FileName``). An article
    labelled in several files is taken from the first; an event with a bad range or no message is skipped."""
    arts = {}
    with tokens_jsonl.open(encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            arts[o["FileName"]] = o
    out: list[GoldDoc] = []
    seen: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                o = json.loads(line)
                name = o.get("FileName")
                if name not in arts:
                    log.warning("%s:%d: unknown FileName, skipped", path, n)
                    continue
                if name in seen:
                    continue
                seen.add(name)
                art = arts[name]
                sents = [x["Tokens"] for x in sorted(art["Sentences"], key=lambda x: x["SentenceId"])]
                anns = []
                for j, ev in enumerate(o.get("events", [])):
                    try:
                        roles = {k: [f"{s}:{t}" for s, t in expand_ranges(ev.get(k.lower(), ""), sents)]
                                 for k in ("Cue", "Source", "Message", "Addr")}
                    except InputError as exc:
                        log.warning("%s:%d event %d: %s, skipped", path, n, j, exc)
                        continue
                    if not roles["Message"]:
                        log.warning("%s:%d event %d: no message, skipped", path, n, j)
                        continue
                    anns.append({**roles, "Form": ev.get("form"), "STWR": ev.get("stwr", "Speech"),
                                 "IsNested": bool(ev.get("nested", False))})
                out.append(_gold_doc(name, {"Sentences": art["Sentences"], "Annotations": anns}))
    return out


def wikinews_folds(names: list[str], n_folds: int = 5, seed: int = 13) -> dict[str, int]:
    """A fixed article-level split: name -> fold (0 .. n_folds-1), from the sorted names shuffled by ``seed``."""
    order = sorted(names)
    random.Random(seed).shuffle(order)
    return {name: i % n_folds for i, name in enumerate(order)}


def select_folds(prep: list[dict[str, Any]], folds: list[int], n_folds: int = 5, seed: int = 13,
                 subset: int | None = None) -> list[dict[str, Any]]:
    """The prepared documents of the given folds; ``subset``: only that many of them (seeded sample)."""
    fold_of = wikinews_folds([d["name"] for d in prep], n_folds, seed)
    chosen = [d for d in prep if fold_of[d["name"]] in set(folds)]
    if subset is not None and subset < len(chosen):
        keep = set(random.Random(seed + 1).sample(sorted(d["name"] for d in chosen), subset))
        chosen = [d for d in chosen if d["name"] in keep]
    return chosen


def cached_docs(docs: list[GoldDoc], tag: str, cache_dir: Path) -> list[dict[str, Any]]:
    """:func:`prepare` of arbitrary gold documents, cached under a key of their names, text and events."""
    key = hashlib.sha1(json.dumps([(d.name, d.text, d.events) for d in docs], sort_keys=True,
                                  default=str).encode("utf-8")).hexdigest()[:16]
    path = cache_dir / f"{tag}_{key}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
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
        # without a dev set the last epoch is kept
        score = _dev_score(net, dev, kind) if dev else float(ep)
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


def _inside_repo(path: Path) -> bool:
    repo = Path(__file__).resolve().parents[3]
    try:
        path.resolve().relative_to(repo)
    except ValueError:
        return False
    return True


def training_data(args: argparse.Namespace) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Prepared training and dev documents from the command line's sources, and a description of them."""
    cache = Path(args.cache)
    train: list[dict[str, Any]] = []
    dev: list[dict[str, Any]] = []
    info: dict[str, Any] = {}
    if not args.no_task1:
        data = Path(args.data)
        if not list(data.glob("*.tar.gz")):
            raise SystemExit("--data must be the spkatt2023_de folder (Task 1, CC BY-SA 4.0); or pass --no-task1")
        train += cached(data, "train", cache)
        if args.select == "dev":
            dev = cached(data, "dev", cache)
        info["task1"] = {"documents": len(train), "licence": "CC BY-SA 4.0"}
    if args.labels:
        paths = sorted({Path(x) for pat in args.labels for x in (glob.glob(pat) or [pat])})
        own = cached_docs(load_labels(paths, Path(args.blind)), "labels", cache)
        train += own * args.news_weight
        info["own_labels"] = {"files": [str(x) for x in paths], "documents": len(own),
                              "events": sum(len(d["events"]) for d in own), "repeat": args.news_weight}
    if args.wikinews:
        if _inside_repo(Path(args.out)):
            raise SystemExit("weights trained on the Wikinews SpkAtt gold (CC BY-NC-SA) are evaluation-only: "
                             "--out must lie outside the repository (e.g. under /tmp)")
        folds = [int(x) for x in args.folds.split(",")]
        news = select_folds(cached(Path(args.wikinews), "train", cache), folds, args.n_folds, args.fold_seed,
                            args.subset)
        train += news * args.news_weight
        info["wikinews_train"] = {"folds": folds, "n_folds": args.n_folds, "fold_seed": args.fold_seed,
                                  "subset": args.subset, "documents": len(news), "repeat": args.news_weight,
                                  "names": sorted(d["name"] for d in news),
                                  "licence": "CC BY-NC-SA 4.0: evaluation only, never ship these weights"}
    if not train:
        raise SystemExit("no training data: give Task 1 (--data), --labels and/or --wikinews")
    return train, dev, info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild train quotes", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data/spkatt2023_de", help="spkatt2023_de folder (CC BY-SA 4.0)")
    ap.add_argument("--no-task1", action="store_true", help="train without SpkAtt-2023 Task 1")
    ap.add_argument("--labels", nargs="*", default=[], help="our own stand-off label files (globs allowed)")
    ap.add_argument("--blind", default="../shared/data/wikinews_spkatt_de/test_blind.jsonl",
                    help="Wikinews articles the --labels files point into")
    ap.add_argument("--wikinews", default=None,
                    help="EXPERIMENTS ONLY: wikinews_spkatt_de folder; train on folds of its train split (NC gold)")
    ap.add_argument("--folds", default="1,2,3,4", help="Wikinews train folds to train on")
    ap.add_argument("--n-folds", type=int, default=5)
    ap.add_argument("--fold-seed", type=int, default=13)
    ap.add_argument("--subset", type=int, default=None, help="only this many articles of those folds (seeded)")
    ap.add_argument("--news-weight", type=int, default=1, help="repeat the news documents this many times")
    ap.add_argument("--select", choices=("dev", "last"), default=None,
                    help="epoch: best Task 1 dev token F1 (default with Task 1) or the last one")
    ap.add_argument("--params", default=None, help="JSON file of combination thresholds to store in meta.json")
    ap.add_argument("--out", default="src/lagebild/models/quotes_accurate")
    ap.add_argument("--cache", default="/tmp/lagebild_quotes_cache", help="where encoded splits are kept")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--rnn", type=int, default=96)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    if args.select is None:
        args.select = "last" if args.no_task1 else "dev"
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    import torch

    torch.set_num_threads(args.threads)
    t0 = time.time()
    tr, dv, info = training_data(args)
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
        scores[kind] = {"dev_token_f1": score if dev_ex else None, "epoch": ep, "train_examples": len(train_ex)}
    meta: dict[str, Any] = {
        "dim": dim, "hidden": args.hidden, "rnn": args.rnn, "epochs": args.epochs, "lr": args.lr,
        "seed": args.seed, "role_window": ROLE_WINDOW, "select": args.select, "scores": scores,
        "train_seconds": round(time.time() - t0, 1), "data": info}
    if args.params:
        meta["params"] = json.loads(Path(args.params).read_text(encoding="utf-8"))
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in meta.items() if k != "data"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
